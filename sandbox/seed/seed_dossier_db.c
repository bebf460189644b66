/* Numbering and writing the generated dossiers: codes <prefix>-YYMMDD-NNNN
 * in the order they were created at each agency, change_seq in the order
 * of their last change (so "changed since N" reads a consistent history),
 * then the rows of dossiers, components, due-date moves and logs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "seed_dossiers.h"

struct order {
	int64_t key1, key2;
	size_t i;
};

static int order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->key1 != y->key1)
		return x->key1 < y->key1 ? -1 : 1;
	if (x->key2 != y->key2)
		return x->key2 < y->key2 ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int64_t created(const struct sbx_dossier *d)
{
	return d->log[0].at;
}

static int64_t updated(const struct sbx_dossier *d)
{
	return d->log[d->nlog - 1].at;
}

/* Codes by creation, per agency and civil day; returns the order. */
static struct order *number(struct sbx_seed_ctx *c, struct sbx_dossier *v,
			    size_t n)
{
	struct order *o = xcalloc(n ? n : 1, sizeof *o);
	int last_day[8] = { 0 }, count[8] = { 0 };

	for (size_t i = 0; i < n; i++)
		o[i] = (struct order){ created(&v[i]), 0, i };
	qsort(o, n, sizeof *o, order_cmp);
	for (size_t k = 0; k < n; k++) {
		struct sbx_dossier *d = &v[o[k].i];
		struct cal_time t;
		int day;

		cal_split(created(d), &t);
		day = t.year * 10000 + t.month * 100 + t.day;
		if (day != last_day[d->agency]) {
			last_day[d->agency] = day;
			count[d->agency] = 0;
		}
		snprintf(d->code, sizeof d->code, "%s-%02d%02d%02d-%04d",
			 c->agencies[d->agency].id, t.year % 100, t.month, t.day,
			 ++count[d->agency]);
	}
	return o;
}

static void change_order(struct sbx_seed_ctx *c, struct sbx_dossier *v,
			 size_t n)
{
	struct order *o = xcalloc(n ? n : 1, sizeof *o);

	for (size_t i = 0; i < n; i++)
		o[i] = (struct order){ updated(&v[i]), created(&v[i]), i };
	qsort(o, n, sizeof *o, order_cmp);
	for (size_t k = 0; k < n; k++)
		v[o[k].i].seq = (int64_t)k + 1;
	c->change_seq = (int64_t)n;
	free(o);
}

struct stmts {
	sqlite3_stmt *d, *comp, *move, *log;
};

static int write_one(struct sbx_seed_ctx *c, const struct stmts *s,
		     const struct sbx_dossier *d, struct err *e)
{
	const struct sbx_form_people *fp = &d->fp;
	const struct sbx_citizen *a = d->outsider ? &d->out :
				      fp->applicant >= 0 ?
				      &c->cit[fp->applicant] : NULL;
	const struct sbx_citizen *proxy = d->proxy >= 0 ? &c->cit[d->proxy] :
					  NULL;
	const struct sbx_enterprise *x = d->company ? &c->ent[fp->ent] : NULL;
	char what[80];

	snprintf(what, sizeof what, "dossier %s", d->code);
	sbx_seed_bind_text(s->d, 1, d->code);
	sbx_seed_bind_text(s->d, 2, d->p->def->code);
	sbx_seed_bind_text(s->d, 3, c->agencies[d->agency].id);
	if (x) {
		sbx_seed_bind_text(s->d, 4, x->name);
		sbx_seed_bind_text(s->d, 5, x->tax);
		sbx_seed_bind_text(s->d, 6, x->phone);
		sbx_seed_bind_text(s->d, 7, NULL);
		sbx_seed_bind_text(s->d, 8, x->address);
	} else {
		sbx_seed_bind_text(s->d, 4, a->name);
		sbx_seed_bind_text(s->d, 5, a->id);
		sbx_seed_bind_text(s->d, 6, fp->phone);
		sbx_seed_bind_text(s->d, 7, a->email[0] ? a->email : NULL);
		sbx_seed_bind_text(s->d, 8, a->temp[0] ? a->temp : a->perm);
	}
	sbx_seed_bind_text(s->d, 9, proxy ? proxy->name : NULL);
	sbx_seed_bind_text(s->d, 10, proxy ? proxy->id : NULL);
	sqlite3_bind_int(s->d, 11, d->channel);
	sqlite3_bind_int(s->d, 12, d->status);
	sbx_seed_bind_text(s->d, 13, d->step);
	sbx_seed_bind_int(s->d, 14, d->assignee, d->assignee > 0);
	sqlite3_bind_int64(s->d, 15, d->fee);
	sqlite3_bind_int(s->d, 16, d->copies);
	sqlite3_bind_int64(s->d, 17, d->submitted);
	sbx_seed_bind_int(s->d, 18, d->received, d->received > 0);
	sbx_seed_bind_int(s->d, 19, d->due, d->received > 0);
	sbx_seed_bind_int(s->d, 20, d->finished, d->finished > 0);
	sbx_seed_bind_int(s->d, 21, d->returned, d->returned > 0);
	sqlite3_bind_int(s->d, 22, d->apology);
	sbx_seed_bind_text(s->d, 23, d->form);
	sqlite3_bind_int(s->d, 24, d->nlog);	/* each change bumped it */
	sqlite3_bind_int64(s->d, 25, d->seq);
	sqlite3_bind_int64(s->d, 26, created(d));
	sqlite3_bind_int64(s->d, 27, updated(d));
	if (sbx_seed_step(c, s->d, what, e))
		return -1;
	for (int i = 0; d->p->def->comps[i].name; i++) {
		const struct sbx_comp_def *k = &d->p->def->comps[i];

		snprintf(what, sizeof what, "component %d of dossier %s", i + 1,
			 d->code);
		sbx_seed_bind_text(s->comp, 1, d->code);
		sqlite3_bind_int(s->comp, 2, i + 1);
		sbx_seed_bind_text(s->comp, 3, k->name);
		sqlite3_bind_int(s->comp, 4, k->copies);
		sqlite3_bind_int(s->comp, 5, k->national && !d->paper);
		sqlite3_bind_int(s->comp, 6, d->missing != i + 1);
		if (sbx_seed_step(c, s->comp, what, e))
			return -1;
	}
	for (int i = 0; i < d->nmoves; i++) {
		const struct sbx_move *m = &d->moves[i];

		snprintf(what, sizeof what, "due date move %d of dossier %s",
			 i + 1, d->code);
		sbx_seed_bind_text(s->move, 1, d->code);
		sqlite3_bind_int(s->move, 2, i + 1);
		sqlite3_bind_int64(s->move, 3, m->old_due);
		sqlite3_bind_int64(s->move, 4, m->new_due);
		sbx_seed_bind_text(s->move, 5, m->reason);
		sqlite3_bind_int64(s->move, 6, m->at);
		if (sbx_seed_step(c, s->move, what, e))
			return -1;
	}
	for (int i = 0; i < d->nlog; i++) {
		const struct sbx_log *l = &d->log[i];

		snprintf(what, sizeof what, "log entry %d of dossier %s", i + 1,
			 d->code);
		sbx_seed_bind_text(s->log, 1, d->code);
		sqlite3_bind_int(s->log, 2, i + 1);
		sqlite3_bind_int64(s->log, 3, l->at);
		sbx_seed_bind_int(s->log, 4, l->user, l->user > 0);
		sbx_seed_bind_text(s->log, 5, l->user > 0 ?
				   role_name(c->users[l->user - 1].role) : NULL);
		sbx_seed_bind_text(s->log, 6, l->action);
		sbx_seed_bind_int(s->log, 7, l->from, l->from > 0);
		sqlite3_bind_int(s->log, 8, l->to);
		sbx_seed_bind_text(s->log, 9, l->note);
		if (sbx_seed_step(c, s->log, what, e))
			return -1;
	}
	return 0;
}

int sbx_seed_write_dossiers(struct sbx_seed_ctx *c, struct sbx_dossier *v,
			    size_t n, struct err *e)
{
	struct stmts s = { 0 };
	struct order *o;
	int rc = -1;

	o = number(c, v, n);
	change_order(c, v, n);
	if (sbx_seed_prepare(c, &s.d, "INSERT INTO dossiers (code, "
			     "procedure_code, agency_id, applicant_name, "
			     "applicant_id, applicant_phone, applicant_email, "
			     "applicant_address, proxy_name, proxy_id, channel, "
			     "status, step, assignee_id, fee, copies, "
			     "submitted_at, received_at, due_at, finished_at, "
			     "returned_at, apology_used, form, version, "
			     "change_seq, created_at, updated_at) VALUES (?, ?, "
			     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
			     "?, ?, ?, ?, ?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &s.comp, "INSERT INTO dossier_components "
			     "(dossier_code, seq, name, copies, from_national, "
			     "provided) VALUES (?, ?, ?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &s.move, "INSERT INTO due_history "
			     "(dossier_code, seq, old_due, new_due, reason, at) "
			     "VALUES (?, ?, ?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &s.log, "INSERT INTO dossier_log "
			     "(dossier_code, seq, at, user_id, role, action, "
			     "from_status, to_status, note) VALUES (?, ?, ?, ?, "
			     "?, ?, ?, ?, ?)", e))
		goto out;
	for (size_t k = 0; k < n; k++)
		if (write_one(c, &s, &v[o[k].i], e))
			goto out;
	rc = 0;
out:
	sqlite3_finalize(s.d);
	sqlite3_finalize(s.comp);
	sqlite3_finalize(s.move);
	sqlite3_finalize(s.log);
	free(o);
	return rc;
}
