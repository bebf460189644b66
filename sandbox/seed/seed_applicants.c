/* Who a dossier is about: the applicant and the people its form names
 * (parents and newborn, partner, the deceased, a beneficiary, a household
 * head, a business), drawn so that they agree with the registers; and its
 * fee, from the catalog and the counts the form gives. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ident.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "seed_dossiers.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int pick(struct sbx_dgen *g, const int *v, int n)
{
	return n ? v[rng_below(&g->r, (uint32_t)n)] : -1;
}

static int adult(struct sbx_dgen *g)
{
	return pick(g, g->adults, g->nadults);
}

void sbx_seed_index_people(struct sbx_dgen *g)
{
	const struct sbx_seed_ctx *c = g->c;
	size_t n = c->ncit;

	g->adults = xcalloc(n, sizeof(int));
	g->couples = xcalloc(n, sizeof(int));
	g->singles = xcalloc(n, sizeof(int));
	g->elders = xcalloc(n, sizeof(int));
	g->kids = xcalloc(n, sizeof(int));
	g->hkd = xcalloc(c->nent, sizeof(int));
	g->companies = xcalloc(c->nent, sizeof(int));
	for (size_t i = 0; i < n; i++) {
		const struct sbx_citizen *p = &c->cit[i];

		if (p->age >= 18 && p->age <= 80)
			g->adults[g->nadults++] = (int)i;
		if (p->sex == 'M' && p->spouse >= 0 &&
		    c->cit[p->spouse].age >= 20 && c->cit[p->spouse].age <= 42)
			g->couples[g->ncouples++] = (int)i;
		if (p->age >= 20 && p->age <= 45 &&
		    strcmp(p->marital, "Đã kết hôn") && strcmp(p->marital, "Góa"))
			g->singles[g->nsingles++] = (int)i;
		if (p->age >= 70)
			g->elders[g->nelders++] = (int)i;
		if (p->age < 15)
			g->kids[g->nkids++] = (int)i;
	}
	for (size_t i = 0; i < c->nent; i++) {
		const struct sbx_enterprise *x = &c->ent[i];

		if (x->rep_idx < 0 || !strcmp(x->status, "dissolved"))
			continue;
		if (!strcmp(x->kind, "Hộ kinh doanh"))
			g->hkd[g->nhkd++] = (int)i;
		else
			g->companies[g->ncompanies++] = (int)i;
	}
}

void sbx_seed_free_index(struct sbx_dgen *g)
{
	free(g->adults);
	free(g->couples);
	free(g->singles);
	free(g->elders);
	free(g->kids);
	free(g->hkd);
	free(g->companies);
}

/* Someone from outside the register (another province), typed in by
 * hand at the desk. */
static void outsider(struct sbx_dgen *g, struct sbx_dossier *d)
{
	static const char *const units[] = { "26740", "09187", "20242", "06685" };
	struct sbx_citizen *p = &d->out;
	int place, day, month;

	memset(p, 0, sizeof *p);
	p->sex = rng_pct(&g->r, 50) ? 'M' : 'F';
	p->byear = g->c->now.year - rng_range(&g->r, 20, 60);
	p->age = g->c->now.year - p->byear;
	/* the day before the month: the order the seeded data always had */
	day = rng_range(&g->r, 1, 28);
	month = rng_range(&g->r, 1, 12);
	when_iso_ymd(p->byear, month, day, p->birth, sizeof p->birth);
	do
		place = sbx_seed_pick_origin(&g->r);
	while (place == 1 || !ident_province_name(place));
	do
		ident_cccd_make(place, p->sex == 'M' ? IDENT_SEX_MALE :
				IDENT_SEX_FEMALE, p->byear,
				(long)rng_below(&g->r, 1000000), p->id,
				sizeof p->id, NULL);
	while (!sbx_idset_add(g->ids, p->id));
	sbx_seed_name(&g->r, p->sex, p->byear, NULL, p->name, sizeof p->name);
	p->ethnicity = "Kinh";
	p->marital = "Đã kết hôn";
	sbx_seed_address(&g->r, units[rng_below(&g->r, N(units))], p->perm,
			 sizeof p->perm);
	sbx_seed_mobile(&g->r, p->phone);
	d->outsider = true;
	d->fp.outsider = p;
}

void sbx_seed_newborn(struct sbx_dgen *g, struct sbx_dossier *d,
		      int64_t base)
{
	static const char *const places[] = {
		"Bệnh viện Phụ sản Hà Nội", "Bệnh viện Phụ sản Trung ương",
		"Bệnh viện Đa khoa Xanh Pôn", "Bệnh viện Bạch Mai",
		"Bệnh viện Đa khoa Đức Giang",
	};
	struct sbx_form_people *fp = &d->fp;
	char family[32] = "Nguyễn";
	const char *name = fp->father >= 0 ? g->c->cit[fp->father].name :
			   fp->mother >= 0 ? g->c->cit[fp->mother].name : NULL;

	if (name)
		snprintf(family, sizeof family, "%.*s",
			 (int)(strchr(name, ' ') ? strchr(name, ' ') - name :
			       (long)strlen(name)), name);
	fp->nb_sex = rng_pct(&g->r, 51) ? 'M' : 'F';
	sbx_seed_name(&g->r, fp->nb_sex, g->c->now.year, family, fp->nb_name,
		      sizeof fp->nb_name);
	when_iso_date(base - (int64_t)rng_range(&g->r, 3, 55) * SBX_DAY,
		      fp->nb_birth, sizeof fp->nb_birth);
	fp->nb_place = places[rng_below(&g->r, N(places))];
}

void sbx_seed_people(struct sbx_dgen *g, struct sbx_dossier *d)
{
	struct sbx_form_people *fp = &d->fp;
	const struct sbx_citizen *cit = g->c->cit;
	int x;

	fp->applicant = fp->father = fp->mother = fp->partner = -1;
	fp->deceased = fp->child = fp->beneficiary = fp->head = -1;
	fp->other = fp->ent = -1;
	d->proxy = -1;
	fp->commune = g->c->agencies[d->agency].unit;
	switch (d->p->def->people) {
	case PK_BIRTH:
		x = pick(g, g->couples, g->ncouples);
		if (x >= 0) {
			fp->father = fp->head = x;
			fp->mother = cit[x].spouse;
			fp->applicant = rng_pct(&g->r, 65) ? x : fp->mother;
		}
		break;
	case PK_MARRIAGE:
		fp->applicant = pick(g, g->singles, g->nsingles);
		for (int t = 0; t < 30 && fp->applicant >= 0; t++) {
			x = pick(g, g->singles, g->nsingles);
			if (cit[x].sex != cit[fp->applicant].sex &&
			    cit[x].head != cit[fp->applicant].head) {
				fp->partner = x;
				break;
			}
		}
		break;
	case PK_DEATH:
		x = fp->deceased = pick(g, g->elders, g->nelders);
		if (x >= 0)
			fp->applicant = cit[x].spouse >= 0 ? cit[x].spouse :
					cit[x].head != x ? cit[x].head : -1;
		break;
	case PK_SINGLE:
		fp->applicant = pick(g, g->singles, g->nsingles);
		break;
	case PK_ELDER:
		x = fp->beneficiary = pick(g, g->elders, g->nelders);
		if (x >= 0)
			fp->applicant = cit[x].head != x ? cit[x].head : x;
		break;
	case PK_CHILD:
		x = fp->child = pick(g, g->kids, g->nkids);
		if (x >= 0)
			fp->applicant = cit[x].mother >= 0 ? cit[x].mother :
					cit[x].father >= 0 ? cit[x].father :
							     cit[x].head;
		break;
	case PK_HKD:
		fp->ent = pick(g, g->hkd, g->nhkd);
		if (fp->ent >= 0)
			fp->applicant = g->c->ent[fp->ent].rep_idx;
		break;
	case PK_RESIDENCE:
		fp->applicant = adult(g);
		x = adult(g);
		if (x >= 0 && fp->applicant >= 0 &&
		    cit[x].head != cit[fp->applicant].head)
			fp->head = cit[x].head;
		break;
	case PK_COPY:
		if (rng_pct(&g->r, 8) && g->ncompanies) {
			fp->ent = pick(g, g->companies, g->ncompanies);
			fp->applicant = d->proxy = g->c->ent[fp->ent].rep_idx;
			d->company = true;
		}
		break;
	default:
		break;
	}
	if (fp->applicant < 0 || cit[fp->applicant].age < 16)
		fp->applicant = adult(g);
	switch (d->p->def->form) {
	case FORM_BIRTH_RECOGNITION:	/* the father asks */
		if (fp->father >= 0)
			fp->applicant = fp->father;
		break;
	case FORM_SPLIT:	/* leaving the applicant's own household */
		fp->head = cit[fp->applicant].head;
		break;
	case FORM_CONTRACT:
		do
			fp->other = adult(g);
		while (fp->other == fp->applicant);
		break;
	default:
		break;
	}
	if (!d->company && (d->p->def->people == PK_ADULT ||
			    d->p->def->people == PK_COPY) && rng_pct(&g->r, 3)) {
		outsider(g, d);
		fp->applicant = -1;
	}
	if (!d->company && rng_pct(&g->r, 6)) {
		x = adult(g);
		if (x != fp->applicant)
			d->proxy = x;
	}
	{
		const struct sbx_citizen *a = fp->outsider ? fp->outsider :
					      &cit[fp->applicant];

		if (a->phone[0])
			memcpy(fp->phone, a->phone, sizeof fp->phone);
		else
			sbx_seed_mobile(&g->r, fp->phone);
	}
}

/* ---- fee --------------------------------------------------------------- */

void sbx_seed_fee(struct sbx_dgen *g, struct sbx_dossier *d)
{
	const struct sbx_proc_def *p = d->p->def;
	int64_t base = d->channel == CH_ONLINE ? p->fee_online : p->fee;

	d->copies = rng_pct(&g->r, 95) ? 1 : 2;
	d->fp.pages = rng_range(&g->r, 1, 12);
	d->fp.copies = rng_pct(&g->r, 60) ? rng_range(&g->r, 1, 3) :
		       rng_range(&g->r, 4, 10);
	switch (p->fee_kind) {
	case FEE_PER_COPY:
		d->fee = base * d->fp.copies;
		break;
	case FEE_PAGES: {
		/* Circular 226/2016: pages 1-2 full price, then half, capped
		 * at 200,000 VND a copy. */
		int64_t one = base * (d->fp.pages < 2 ? d->fp.pages : 2) +
			      base / 2 * (d->fp.pages > 2 ? d->fp.pages - 2 : 0);

		d->fee = (one > 200000 ? 200000 : one) * d->fp.copies;
		break;
	}
	default:
		d->fee = base;
	}
}
