/* The population register: households, built whole so that heads,
 * spouses, parents and children agree with one another (names, ages,
 * marital status, relation to the head), plus a few fixed people that
 * sandbox/TRAINING.md names for demos. ID numbers have the real structure
 * (ident_cccd_make): the code of the province where the birth was
 * registered, the sex and century digit, the year of birth. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/ident.h"
#include "core/when.h"
#include "seed_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct gen {
	struct sbx_seed_ctx *c;
	struct sbx_idset *ids;
	struct rng r;
	size_t cap;
};

/* The same person as ident.h spells the sex. */
static enum ident_sex isex(char sex)
{
	return sex == 'M' ? IDENT_SEX_MALE : IDENT_SEX_FEMALE;
}

static void birth_date(struct gen *g, struct sbx_citizen *p, int byear)
{
	const struct cal_time *now = &g->c->now;
	int m, d;

	if (byear == now->year) {
		m = rng_range(&g->r, 1, now->month);
		d = rng_range(&g->r, 1, m == now->month ? now->day :
			      ident_days_in_month(byear, m));
	} else {
		m = rng_range(&g->r, 1, 12);
		d = rng_range(&g->r, 1, ident_days_in_month(byear, m));
	}
	p->byear = byear;
	when_iso_ymd(byear, m, d, p->birth, sizeof p->birth);
	p->age = now->year - byear -
		 (m > now->month || (m == now->month && d > now->day));
}

static void make_id(struct gen *g, struct sbx_citizen *p, int place)
{
	do
		ident_cccd_make(place, isex(p->sex), p->byear,
				(long)rng_below(&g->r, 1000000), p->id,
				sizeof p->id, NULL);
	while (!sbx_idset_add(g->ids, p->id));
}

static void place_texts(struct gen *g, struct sbx_citizen *p, int place)
{
	static const char *const abroad[] = {
		"Liên bang Nga", "Cộng hòa Liên bang Đức", "Cộng hòa Séc",
		"Nhật Bản", "Đại Hàn Dân Quốc", "Ba Lan",
	};

	sbx_seed_old_province(place, p->reg_place, sizeof p->reg_place);
	if (ident_province_name(place))
		snprintf(p->birth_place, sizeof p->birth_place, "%s",
			 p->reg_place);
	else
		snprintf(p->birth_place, sizeof p->birth_place, "%s",
			 abroad[rng_below(&g->r, N(abroad))]);
}

/* A new person of the register, or NULL when it is full. place is the
 * pre-2025 province code of the birth registration. */
static struct sbx_citizen *person(struct gen *g, char sex, int age,
				  const char *family, const char *eth,
				  int place)
{
	struct sbx_citizen *p;
	int year = g->c->now.year - age;

	if (g->c->ncit == g->cap)
		return NULL;
	p = &g->c->cit[g->c->ncit++];
	memset(p, 0, sizeof *p);
	p->sex = sex;
	p->head = p->spouse = p->father = p->mother = -1;
	birth_date(g, p, year);
	p->ethnicity = eth;
	p->religion = sbx_seed_religion(&g->r);
	p->marital = "Chưa kết hôn";
	if (!family)
		family = sbx_seed_family(&g->r, eth);
	sbx_seed_name(&g->r, sex, p->byear, family, p->name, sizeof p->name);
	make_id(g, p, place);
	place_texts(g, p, place);
	snprintf(p->home_town, sizeof p->home_town, "%s",
		 ident_province_name(place) ? p->reg_place : "Thành phố Hà Nội");
	return p;
}

static int index_of(struct gen *g, const struct sbx_citizen *p)
{
	return p ? (int)(p - g->c->cit) : -1;
}

static struct sbx_citizen *at(struct gen *g, int i)
{
	return i < 0 ? NULL : &g->c->cit[i];
}

static void family_of(const char *name, char *buf, size_t n)
{
	const char *sp = strchr(name, ' ');

	snprintf(buf, n, "%.*s", sp ? (int)(sp - name) : (int)strlen(name),
		 name);
}

/* Names of parents not in the register, as the register still knows
 * them: the father carries the family name. */
static void outside_parents(struct gen *g, struct sbx_citizen *p)
{
	char family[32];

	family_of(p->name, family, sizeof family);
	if (!p->father_name[0])
		sbx_seed_name(&g->r, 'M', p->byear - rng_range(&g->r, 24, 35),
			      family, p->father_name, sizeof p->father_name);
	if (!p->mother_name[0])
		sbx_seed_name(&g->r, 'F', p->byear - rng_range(&g->r, 20, 32),
			      NULL, p->mother_name, sizeof p->mother_name);
}

static void marry(struct gen *g, int a, int b)
{
	at(g, a)->spouse = b;
	at(g, b)->spouse = a;
	at(g, a)->marital = at(g, b)->marital = "Đã kết hôn";
}

static void child_of(struct gen *g, int child, int father, int mother)
{
	struct sbx_citizen *k = at(g, child);

	k->father = father;
	k->mother = mother;
	if (father >= 0) {
		snprintf(k->father_name, sizeof k->father_name, "%s",
			 at(g, father)->name);
		snprintf(k->home_town, sizeof k->home_town, "%s",
			 at(g, father)->home_town);
	}
	if (mother >= 0)
		snprintf(k->mother_name, sizeof k->mother_name, "%s",
			 at(g, mother)->name);
}

/* Children of a couple (father may be -1), youngest mother's age 20. */
static void children(struct gen *g, int father, int mother, int n,
		     int place_here)
{
	struct sbx_citizen *m = at(g, mother), *f = at(g, father);
	char family[32];

	family_of(f ? f->name : m->name, family, sizeof family);
	for (int i = 0; i < n; i++) {
		int age = m->age - rng_range(&g->r, 20, 40);
		char sex = rng_pct(&g->r, 51) ? 'M' : 'F';
		struct sbx_citizen *k;
		int place = rng_pct(&g->r, 85) ? place_here :
			    sbx_seed_pick_origin(&g->r);

		if (age < 0)
			continue;
		k = person(g, sex, age, family, f ? f->ethnicity : m->ethnicity,
			   place);
		if (!k)
			return;
		child_of(g, index_of(g, k), father, mother);
		if (k->age >= 22 && rng_pct(&g->r, 15))
			k->marital = "Ly hôn";
	}
}

/* Where a person living in unit had their birth registered: outside Hà
 * Nội mostly the province itself, in Hà Nội often elsewhere. */
static int origin_for(struct gen *g, const char *unit)
{
	int here = sbx_seed_old_code(unit);

	if (here != 1 && rng_pct(&g->r, 80))
		return here;
	return sbx_seed_pick_origin(&g->r);
}

static int wife_age(struct gen *g, int husband)
{
	int a = husband - rng_range(&g->r, -2, 6);

	return a < 18 ? 18 : a > 90 ? 90 : a;
}

/* The people of a household in place: a couple (kind 1), with children
 * (2), with the head's parents (3), a single parent (4) or one person (0).
 * Returns the head's index, -1 when nobody could be added. */
static int members(struct gen *g, int kind, const char *unit,
		   const char *eth)
{
	int here = sbx_seed_old_code(unit), head = -1, gp = -1, gm = -1;
	struct sbx_citizen *h, *w;
	char family[32] = "";

	switch (kind) {
	case 0:
		h = person(g, rng_pct(&g->r, 50) ? 'M' : 'F',
			   rng_range(&g->r, 18, 90), NULL, eth,
			   origin_for(g, unit));
		if (!h)
			return -1;
		if (h->age >= 30)
			h->marital = h->age > 60 && rng_pct(&g->r, 60) ? "Góa" :
				     rng_pct(&g->r, 45) ? "Ly hôn" :
							  "Chưa kết hôn";
		return index_of(g, h);
	case 4:
		w = person(g, rng_pct(&g->r, 80) ? 'F' : 'M',
			   rng_range(&g->r, 26, 55), NULL, eth,
			   origin_for(g, unit));
		if (!w)
			return -1;
		head = index_of(g, w);
		w->marital = rng_pct(&g->r, 70) ? "Ly hôn" : "Góa";
		if (w->sex == 'F') {
			children(g, -1, head, rng_range(&g->r, 1, 2), here);
			return head;
		}
		family_of(w->name, family, sizeof family);
		for (int i = 0, n = rng_range(&g->r, 1, 2); i < n; i++) {
			int age = w->age - rng_range(&g->r, 22, 40);
			struct sbx_citizen *k;

			k = age < 0 ? NULL :
			    person(g, rng_pct(&g->r, 50) ? 'M' : 'F', age,
				   family, eth, here);
			if (k)
				child_of(g, index_of(g, k), head, -1);
		}
		return head;
	}
	{
		int age = kind == 1 ? rng_range(&g->r, 22, 85) :
			  kind == 2 ? rng_range(&g->r, 26, 62) :
				      rng_range(&g->r, 28, 50);

		if (kind == 3) {
			/* the head's parents live with them */
			int ga = age + rng_range(&g->r, 24, 34);
			struct sbx_citizen *x = NULL, *y;

			if (ga <= 90) {
				x = person(g, 'M', ga, NULL, eth,
					   origin_for(g, unit));
				if (!x)
					return -1;
				gp = index_of(g, x);
				family_of(x->name, family, sizeof family);
			}
			ga = (ga > 90 ? 90 : ga) - rng_range(&g->r, 0, 5);
			y = person(g, 'F', ga, NULL, eth, origin_for(g, unit));
			if (!y)
				return gp;
			gm = index_of(g, y);
			if (gp >= 0)
				marry(g, gp, gm);
			else
				y->marital = "Góa";
		}
		h = person(g, 'M', age, family[0] ? family : NULL, eth,
			   origin_for(g, unit));
		if (!h)
			return gp >= 0 ? gp : gm;
		head = index_of(g, h);
		if (gm >= 0)
			child_of(g, head, gp, gm);
		w = person(g, 'F', wife_age(g, h->age), NULL,
			   rng_pct(&g->r, 95) ? eth : sbx_seed_ethnicity(&g->r),
			   origin_for(g, unit));
		if (!w)
			return head;
		marry(g, head, index_of(g, w));
		if (kind != 1) {
			static const unsigned nkids[] = { 0, 25, 55, 20 };

			children(g, head, index_of(g, w),
				 (int)rng_weighted(&g->r, nkids, N(nkids)), here);
		}
		return head;
	}
}

/* One household; false when the register is full. */
static bool household(struct gen *g)
{
	static const unsigned kinds[] = { 12, 14, 48, 20, 6 };
	const char *unit = sbx_seed_pick_commune(&g->r, false);
	const char *eth = sbx_seed_ethnicity(&g->r);
	size_t first = g->c->ncit;
	int kind = (int)rng_weighted(&g->r, kinds, N(kinds));
	int head = members(g, kind, unit, eth);
	const struct sbx_citizen *hd;
	char addr[200];

	if (head < 0)
		return false;
	hd = at(g, head);
	sbx_seed_address(&g->r, unit, addr, sizeof addr);
	/* Shared by the whole household: address, head and relations. */
	for (size_t i = first; i < g->c->ncit; i++) {
		struct sbx_citizen *p = &g->c->cit[i];

		p->unit = unit;
		snprintf(p->perm, sizeof p->perm, "%s", addr);
		p->head = head;
		if ((int)i == head)
			p->relation = "Chủ hộ";
		else if ((int)i == hd->spouse)
			p->relation = p->sex == 'F' ? "Vợ" : "Chồng";
		else if (p->father == head || p->mother == head)
			p->relation = "Con";
		else if ((int)i == hd->father)
			p->relation = "Bố";
		else if ((int)i == hd->mother)
			p->relation = "Mẹ";
		else
			p->relation = "Cháu";
		if ((int)i != head && rng_pct(&g->r, 80))
			p->religion = hd->religion;
	}
	return g->c->ncit < g->cap;
}

/* Phones, e-mail, temporary residence and the names of parents and
 * spouses, once everyone exists. */
static void finish(struct gen *g)
{
	for (size_t i = 0; i < g->c->ncit; i++) {
		struct sbx_citizen *p = &g->c->cit[i];

		if (!p->phone[0] && p->age >= 15 &&
		    rng_pct(&g->r, p->age >= 75 ? 60 : 92))
			sbx_seed_mobile(&g->r, p->phone);
		if (!p->email[0] && p->age >= 18 && p->age <= 60 &&
		    rng_pct(&g->r, 35))
			sbx_seed_email(&g->r, p->name, p->byear, p->email,
				       sizeof p->email);
		if (!p->temp[0] && p->age >= 18 && p->age <= 35 &&
		    rng_pct(&g->r, 8))
			sbx_seed_address(&g->r,
					 sbx_seed_pick_commune(&g->r, true),
					 p->temp, sizeof p->temp);
		outside_parents(g, p);
	}
}

struct demo {
	const char *id, *name, *birth;
	char sex;
	int place;
	const char *home, *unit, *addr, *marital, *relation;
	int head, spouse, father, mother;
	const char *father_name, *mother_name, *phone, *email;
};

/* Fixed people for demos and sandbox/TRAINING.md: a family in Phường
 * Hoàn Kiếm with a child under 6, a single young woman with a household
 * business and an old man living alone in Xã Bát Tràng. */
static const struct demo demos[] = {
	{ "001085012345", "Nguyễn Văn An", "1985-04-12", 'M', 1,
	  "Tỉnh Nam Định", "00070",
	  "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội",
	  "Đã kết hôn", "Chủ hộ", 0, 1, -1, 3, "Nguyễn Văn Bảo", NULL,
	  "0912345678", "an.nguyen85@gmail.com" },
	{ "036188004567", "Trần Thị Bình", "1988-09-03", 'F', 36,
	  "Tỉnh Nam Định", "00070",
	  "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội",
	  "Đã kết hôn", "Vợ", 0, 0, -1, -1, "Trần Văn Hòa", "Đỗ Thị Lan",
	  "0987654321", NULL },
	{ "001222000321", "Nguyễn Minh Khôi", "2022-03-15", 'M', 1,
	  "Tỉnh Nam Định", "00070",
	  "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội",
	  "Chưa kết hôn", "Con", 0, -1, 0, 1, NULL, NULL, NULL, NULL },
	{ "001158007777", "Lê Thị Cúc", "1958-01-20", 'F', 1,
	  "Thành phố Hà Nội", "00070",
	  "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội", "Góa",
	  "Mẹ", 0, -1, -1, -1, "Lê Văn Tám", "Phạm Thị Nụ", "0904111222",
	  NULL },
	{ "001196023456", "Phạm Thu Trang", "1996-11-22", 'F', 1,
	  "Thành phố Hà Nội", "00577",
	  "Xóm 2, thôn Giang Cao, Xã Bát Tràng, Thành phố Hà Nội",
	  "Chưa kết hôn", "Chủ hộ", 4, -1, -1, -1, "Phạm Văn Dũng",
	  "Vũ Thị Hạnh", "0355123456", "trangpham96@gmail.com" },
	{ "034040001122", "Hoàng Văn Tư", "1940-06-01", 'M', 34,
	  "Tỉnh Thái Bình", "00577",
	  "Xóm 5, thôn Bát Tràng, Xã Bát Tràng, Thành phố Hà Nội", "Góa",
	  "Chủ hộ", 5, -1, -1, -1, "Hoàng Văn Sáu", "Nguyễn Thị Hợi", NULL,
	  NULL },
};

static void add_demos(struct gen *g)
{
	const struct cal_time *now = &g->c->now;

	for (size_t i = 0; i < N(demos); i++) {
		const struct demo *d = &demos[i];
		struct sbx_citizen *p = &g->c->cit[g->c->ncit++];
		int y, m, dd;

		memset(p, 0, sizeof *p);
		snprintf(p->id, sizeof p->id, "%s", d->id);
		sbx_idset_add(g->ids, d->id);
		snprintf(p->name, sizeof p->name, "%s", d->name);
		snprintf(p->birth, sizeof p->birth, "%s", d->birth);
		sscanf(d->birth, "%d-%d-%d", &y, &m, &dd);
		p->byear = y;
		p->age = now->year - y -
			 (m > now->month || (m == now->month && dd > now->day));
		p->sex = d->sex;
		p->ethnicity = "Kinh";
		p->religion = "Không";
		p->marital = d->marital;
		p->relation = d->relation;
		p->unit = d->unit;
		place_texts(g, p, d->place);
		snprintf(p->home_town, sizeof p->home_town, "%s", d->home);
		snprintf(p->perm, sizeof p->perm, "%s", d->addr);
		p->head = d->head;
		p->spouse = d->spouse;
		p->father = d->father;
		p->mother = d->mother;
		snprintf(p->father_name, sizeof p->father_name, "%s",
			 d->father >= 0 ? demos[d->father].name :
			 d->father_name ? d->father_name : "");
		snprintf(p->mother_name, sizeof p->mother_name, "%s",
			 d->mother >= 0 ? demos[d->mother].name :
			 d->mother_name ? d->mother_name : "");
		snprintf(p->phone, sizeof p->phone, "%s", d->phone ? d->phone : "");
		snprintf(p->email, sizeof p->email, "%s", d->email ? d->email : "");
	}
	sbx_idset_add(g->ids, SBX_DEMO_MISSING_ID);
}

static int insert_all(struct sbx_seed_ctx *c, struct err *e)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (sbx_seed_prepare(c, &st, "INSERT INTO citizens (id_number, "
			     "full_name, other_name, birth_date, sex, birth_place, "
			     "birth_registration_place, home_town, ethnicity, "
			     "religion, nationality, permanent_address, "
			     "permanent_unit, temporary_address, current_address, "
			     "marital_status, household_head_id, relation_to_head, "
			     "father_name, mother_name, spouse_name, phone, email) "
			     "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'Việt Nam', "
			     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e))
		return -1;
	for (size_t i = 0; i < c->ncit && !rc; i++) {
		const struct sbx_citizen *p = &c->cit[i];
		char what[120];
		char sex[2] = { p->sex, '\0' };

		sbx_seed_bind_text(st, 1, p->id);
		sbx_seed_bind_text(st, 2, p->name);
		sbx_seed_bind_text(st, 3, p->birth);
		sbx_seed_bind_text(st, 4, sex);
		sbx_seed_bind_text(st, 5, p->birth_place);
		sbx_seed_bind_text(st, 6, p->reg_place);
		sbx_seed_bind_text(st, 7, p->home_town);
		sbx_seed_bind_text(st, 8, p->ethnicity);
		sbx_seed_bind_text(st, 9, p->religion);
		sbx_seed_bind_text(st, 10, p->perm);
		sbx_seed_bind_text(st, 11, p->unit);
		sbx_seed_bind_text(st, 12, p->temp[0] ? p->temp : NULL);
		sbx_seed_bind_text(st, 13, p->temp[0] ? p->temp : p->perm);
		sbx_seed_bind_text(st, 14, p->marital);
		sbx_seed_bind_text(st, 15, p->head >= 0 ? c->cit[p->head].id :
				   NULL);
		sbx_seed_bind_text(st, 16, p->relation);
		sbx_seed_bind_text(st, 17, p->father_name[0] ? p->father_name :
				   NULL);
		sbx_seed_bind_text(st, 18, p->mother_name[0] ? p->mother_name :
				   NULL);
		sbx_seed_bind_text(st, 19, p->spouse >= 0 ?
				   c->cit[p->spouse].name : NULL);
		sbx_seed_bind_text(st, 20, p->phone[0] ? p->phone : NULL);
		sbx_seed_bind_text(st, 21, p->email[0] ? p->email : NULL);
		snprintf(what, sizeof what, "citizen %s (%s)", p->id, p->name);
		rc = sbx_seed_step(c, st, what, e);
	}
	sqlite3_finalize(st);
	return rc;
}

int sbx_seed_citizens(struct sbx_seed_ctx *c, struct sbx_idset *ids,
		      struct err *e)
{
	struct gen g = {
		.c = c, .ids = ids, .cap = (size_t)c->o.citizens,
		.r = rng_stream(c->o.seed, 0x63697469),	/* "citi" */
	};

	c->cit = calloc(g.cap, sizeof *c->cit);
	if (!c->cit)
		return err_set(e, _("out of memory for %d citizens"),
			       c->o.citizens);
	add_demos(&g);
	while (c->ncit < g.cap && household(&g))
		;
	finish(&g);
	return insert_all(c, e);
}
