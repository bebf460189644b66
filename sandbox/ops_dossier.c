/* Reading dossiers: the filtered, paged and incremental list, and the full
 * detail with the actions its reader may take. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "sbx_db.h"
#include "sbx_ops_int.h"
#include "sbx_util.h"

/* ---- shared pieces -------------------------------------------------------- */

char *sbx_like_escape(const char *s)
{
	char *o = xmalloc(2 * strlen(s) + 1), *p = o;

	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*p++ = '\\';
		*p++ = *s;
	}
	*p = '\0';
	return o;
}

void sbx_add_paging(cJSON *o, int page, int per_page, int64_t total)
{
	cJSON_AddNumberToObject(o, "page", page);
	cJSON_AddNumberToObject(o, "per_page", per_page);
	cJSON_AddNumberToObject(o, "total", (double)total);
	if ((int64_t)page * per_page < total)
		cJSON_AddNumberToObject(o, "next_page", page + 1);
	else
		cJSON_AddNullToObject(o, "next_page");
}

int64_t sbx_user_id(struct sbx *s, const char *agency, const char *login,
		    enum role *role)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT id, role FROM users WHERE login = ?1"
				    " AND agency_id = ?2", NULL);
	int64_t id = 0;

	if (!st)
		return 0;
	sbx_bind_text(st, 1, login);
	sbx_bind_text(st, 2, agency);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int r = role_parse(sbx_col_text(st, 1));

		id = sqlite3_column_int64(st, 0);
		if (role)
			*role = r < 0 ? ROLE_COUNT : (enum role)r;
	}
	sqlite3_finalize(st);
	return id;
}

static int64_t col_time(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, i);
}

static void add_time(cJSON *o, const char *key, int64_t t)
{
	if (t)
		cJSON_AddNumberToObject(o, key, (double)t);
	else
		cJSON_AddNullToObject(o, key);
}

static void add_code_name(cJSON *o, const char *key, int code, const char *name)
{
	char k[48];

	cJSON_AddNumberToObject(o, key, code);
	snprintf(k, sizeof k, "%s_name", key);
	cJSON_AddStringToObject(o, k, name);
}

static cJSON *person(sqlite3_stmt *st, int id, int login, int name)
{
	cJSON *a;

	if (sqlite3_column_type(st, id) == SQLITE_NULL)
		return cJSON_CreateNull();
	a = cJSON_CreateObject();
	cJSON_AddNumberToObject(a, "id", (double)sqlite3_column_int64(st, id));
	sbx_json_col(a, "login", st, login);
	sbx_json_col(a, "full_name", st, name);
	return a;
}

int sbx_dossier_load(struct sbx *s, const struct sbx_user *u, const char *code,
		     struct sbx_dossier_row *r, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s,
		"SELECT d.code, d.procedure_code, d.status, d.step, d.assignee_id,"
		" d.received_at, d.due_at, d.finished_at, d.returned_at, d.apology_used,"
		" d.version, p.minutes, p.cutoff_minute"
		" FROM dossiers d JOIN procedures p ON p.code = d.procedure_code"
		" WHERE d.code = ?1 AND d.agency_id = ?2", e);
	int rc, step;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	sbx_bind_text(st, 2, u->agency_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(r, 0, sizeof *r);
		snprintf(r->code, sizeof r->code, "%s", sbx_col_text(st, 0));
		snprintf(r->procedure_code, sizeof r->procedure_code, "%s", sbx_col_text(st, 1));
		r->st.status = sqlite3_column_int(st, 2);
		step = step_parse(sbx_col_text(st, 3));
		r->st.step = step < 0 ? STEP_DONE : (enum step)step;
		r->st.assignee_id = col_time(st, 4);
		r->st.received_at = col_time(st, 5);
		r->st.due_at = col_time(st, 6);
		r->st.finished_at = col_time(st, 7);
		r->st.returned_at = col_time(st, 8);
		r->st.apology_used = sqlite3_column_int(st, 9) != 0;
		r->version = sqlite3_column_int64(st, 10);
		r->minutes = sqlite3_column_int(st, 11);
		r->cutoff = sqlite3_column_type(st, 12) == SQLITE_NULL ? CAL_NO_CUTOFF :
			    sqlite3_column_int(st, 12);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return sbx_fail(e, SBX_E_NOT_FOUND, "not_found", NULL,
				"no dossier %.80s in your agency", code);
	return rc == SQLITE_ROW ? 0 : sbx_fail_db(e, s->db);
}

/* ---- summaries ------------------------------------------------------------ */

#define SUMMARY_COLS \
	"d.code, d.procedure_code, p.name, d.applicant_name, d.applicant_id," \
	" d.channel, d.status, d.step, d.assignee_id, a.login, a.full_name," \
	" d.submitted_at, d.received_at, d.due_at, d.finished_at, d.returned_at," \
	" d.version, d.updated_at"
#define SUMMARY_FROM \
	" FROM dossiers d JOIN procedures p ON p.code = d.procedure_code" \
	" LEFT JOIN users a ON a.id = d.assignee_id"
enum { SC_NCOLS = 18 };

static cJSON *summary(sqlite3_stmt *st, int64_t now)
{
	cJSON *o = cJSON_CreateObject(), *ap;
	int status = sqlite3_column_int(st, 6), channel = sqlite3_column_int(st, 5);
	int64_t due = col_time(st, 13), fin = col_time(st, 14);
	const char *tl = sbx_wf_timeliness(fin, due);

	sbx_json_col(o, "code", st, 0);
	sbx_json_col(o, "procedure_code", st, 1);
	sbx_json_col(o, "procedure_name", st, 2);
	ap = cJSON_AddObjectToObject(o, "applicant");
	sbx_json_col(ap, "name", st, 3);
	sbx_json_col(ap, "id_number", st, 4);
	add_code_name(o, "channel", channel, channel_name((enum channel)channel));
	add_code_name(o, "status", status, status_name((enum status)status));
	sbx_json_col(o, "step", st, 7);
	cJSON_AddItemToObject(o, "assignee", person(st, 8, 9, 10));
	add_time(o, "submitted_at", col_time(st, 11));
	add_time(o, "received_at", col_time(st, 12));
	add_time(o, "due_at", due);
	add_time(o, "finished_at", fin);
	add_time(o, "returned_at", col_time(st, 15));
	cJSON_AddBoolToObject(o, "overdue", sbx_wf_overdue(status, due, now));
	if (tl)
		cJSON_AddStringToObject(o, "timeliness", tl);
	else
		cJSON_AddNullToObject(o, "timeliness");
	sbx_json_col(o, "version", st, 16);
	add_time(o, "updated_at", col_time(st, 17));
	return o;
}

/* ---- the list ------------------------------------------------------------- */

struct binds {
	int n;
	struct {
		bool text;
		int64_t i;
		char *t;
	} v[24];
};

static int bind_i(struct binds *b, int64_t v)
{
	b->v[b->n].text = false;
	b->v[b->n].i = v;
	return ++b->n;
}

static int bind_t(struct binds *b, char *t)	/* takes t */
{
	b->v[b->n].text = true;
	b->v[b->n].t = t;
	return ++b->n;
}

static void binds_apply(const struct binds *b, sqlite3_stmt *st)
{
	for (int i = 0; i < b->n; i++) {
		if (b->v[i].text)
			sbx_bind_text(st, i + 1, b->v[i].t);
		else
			sqlite3_bind_int64(st, i + 1, b->v[i].i);
	}
}

static void binds_free(struct binds *b)
{
	for (int i = 0; i < b->n; i++)
		if (b->v[i].text)
			free(b->v[i].t);
}

static void and(struct sb *f)
{
	if (f->len)
		sb_puts(f, " AND ");
}

/* The filter as an SQL expression over d (the agency scope is separate). */
static void build_filter(const struct sbx_list_query *q, int64_t now,
			 struct binds *b, struct sb *f)
{
	if (q->statuses) {
		const char *sep = "";

		and(f);
		sb_puts(f, "d.status IN (");
		for (int i = ST_MIN; i <= ST_MAX; i++)
			if (q->statuses & (1u << i)) {
				sb_printf(f, "%s%d", sep, i);
				sep = ",";
			}
		sb_puts(f, ")");
	}
	if (q->steps) {
		const char *sep = "";

		and(f);
		sb_puts(f, "d.step IN (");
		for (int i = 0; i < STEP_COUNT; i++)
			if (q->steps & (1u << i)) {
				sb_printf(f, "%s'%s'", sep, step_name((enum step)i));
				sep = ",";
			}
		sb_puts(f, ")");
	}
	if (q->assignee == 1) {
		and(f);
		sb_printf(f, "d.assignee_id = ?%d", bind_i(b, q->assignee_id));
	} else if (q->assignee == 2) {
		and(f);
		sb_puts(f, "d.assignee_id IS NULL");
	}
	if (q->procedure) {
		and(f);
		sb_printf(f, "d.procedure_code = ?%d", bind_t(b, xstrdup(q->procedure)));
	}
	if (q->channel) {
		and(f);
		sb_printf(f, "d.channel = %d", q->channel);
	}
	if (q->overdue >= 0) {
		and(f);
		sb_printf(f, "%s(d.status IN (2,4,6) AND d.due_at IS NOT NULL AND d.due_at <= ?%d)",
			       q->overdue ? "" : "NOT ", bind_i(b, now));
	}
	if (q->due_before) {
		and(f);
		sb_printf(f, "(d.due_at IS NOT NULL AND d.due_at < ?%d)",
			       bind_i(b, q->due_before));
	}
	if (q->q && *q->q) {
		char *esc = sbx_like_escape(q->q), *fold = sbx_fold(q->q);
		char *fesc = sbx_like_escape(fold);
		struct sb pre = { 0 }, mid = { 0 };
		int i1, i2, i3;

		sb_printf(&pre, "%s%%", esc);
		sb_printf(&mid, "%%%s%%", fesc);
		i1 = bind_t(b, pre.s);
		i2 = bind_t(b, xstrdup(q->q));
		i3 = bind_t(b, mid.s);
		and(f);
		sb_printf(f, "(d.code LIKE ?%d ESCAPE '\\' OR d.applicant_id = ?%d"
			       " OR d.proxy_id = ?%d"
			       " OR sbx_fold(d.applicant_name) LIKE ?%d ESCAPE '\\')",
			       i1, i2, i2, i3);
		free(esc);
		free(fold);
		free(fesc);
	}
	if (!f->len)
		sb_puts(f, "1");
}

static const char *order_by(enum sbx_sort s)
{
	switch (s) {
	case SBX_SORT_RECEIVED:
		return "d.received_at IS NULL, d.received_at DESC, d.code";
	case SBX_SORT_UPDATED:
		/* within a second, the latest change first, as a server whose
		 * stamps are finer than its API's dates lists them */
		return "d.updated_at DESC, d.change_seq DESC, d.code";
	case SBX_SORT_CODE:
		return "d.code";
	case SBX_SORT_DUE:
	default:
		return "d.due_at IS NULL, d.due_at, d.code";
	}
}

static int count(struct sbx *s, const char *sql, const struct binds *b,
		 int64_t *n, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, sql, e);

	if (!st)
		return -1;
	binds_apply(b, st);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sbx_fail_db(e, s->db);
	}
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* What names a paged query's listing: its order, its filter and every
 * value bound in them (the agency first). */
static char *listing_key(const struct sbx_list_query *q, const struct sb *f,
			 const struct binds *b)
{
	struct sb k = { 0 };

	sb_printf(&k, "%d\x1f%s", (int)q->sort, sb_str(f));
	for (int i = 0; i < b->n; i++) {
		if (b->v[i].text)
			sb_printf(&k, "\x1f%s", b->v[i].t);
		else
			sb_printf(&k, "\x1f%lld", (long long)b->v[i].i);
	}
	return sb_take(&k);
}

/* A page by page and per_page: a seek into the query's listing, made at
 * the first page asked for (or after any change), with its total. */
static int list_paged(struct sbx *s, const struct sbx_list_query *q, const struct binds *b,
		      const struct sb *f, int scope, int64_t now, int64_t cur, cJSON **out,
		      struct sbx_error *e)
{
	char *key = listing_key(q, f, b), c[24];
	const struct sbx_listing *l = sbx_listing_find(s, key, cur);
	int64_t from = (int64_t)(q->page - 1) * q->per_page;
	sqlite3_stmt *st;
	cJSON *items;
	int rc = SQLITE_DONE;

	if (!l) {
		struct sb sql = { 0 };

		sb_printf(&sql, "SELECT d.rowid FROM dossiers d WHERE d.agency_id = ?%d AND %s"
			       " ORDER BY %s", scope, sb_str(f), order_by(q->sort));
		if ((st = sbx_prep(s, sql.s, e))) {
			binds_apply(b, st);
			l = sbx_listing_make(s, key, cur, st, e);
			sqlite3_finalize(st);
		}
		sb_free(&sql);
	}
	free(key);
	if (!l || !(st = sbx_prep(s, "SELECT " SUMMARY_COLS SUMMARY_FROM " WHERE d.rowid = ?1", e)))
		return -1;
	*out = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(*out, "items");
	for (int64_t i = from; i < l->n && i < from + q->per_page; i++) {
		sqlite3_bind_int64(st, 1, l->rows[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			cJSON_AddItemToArray(items, summary(st, now));
		else if (rc != SQLITE_DONE)
			break;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		cJSON_Delete(*out);
		*out = NULL;
		return sbx_fail_db(e, s->db);
	}
	sbx_add_paging(*out, q->page, q->per_page, l->n);
	snprintf(c, sizeof c, "%lld", (long long)cur);
	cJSON_AddStringToObject(*out, "cursor", c);
	return 0;
}

int sbx_op_list(struct sbx *s, const struct sbx_user *u,
		const struct sbx_list_query *q, cJSON **out,
		struct sbx_error *e)
{
	struct binds b = { 0 };
	struct sb f = { 0 }, sql = { 0 };
	int64_t now = sbx_now(s), total = 0, cur = sbx_change_current(s), last = 0;
	int scope = bind_t(&b, xstrdup(u->agency_id)), got = 0, rc = -1, since;
	sqlite3_stmt *st = NULL;
	cJSON *items;
	bool more = false;
	char c[24];

	build_filter(q, now, &b, &f);
	if (!q->has_since) {
		rc = list_paged(s, q, &b, &f, scope, now, cur, out, e);
		goto out;
	}
	since = bind_i(&b, q->since);
	sb_printf(&sql, "SELECT count(*) FROM dossiers d WHERE d.agency_id = ?%d"
		       " AND d.change_seq > ?%d", scope, since);
	if (count(s, sql.s, &b, &total, e) < 0)
		goto out;
	sql.len = 0;
	sb_printf(&sql, "SELECT " SUMMARY_COLS ", (%s), d.change_seq" SUMMARY_FROM
		       " WHERE d.agency_id = ?%d AND d.change_seq > ?%d"
		       " ORDER BY d.change_seq LIMIT %d",
		       sb_str(&f), scope, since, q->per_page + 1);
	if (!(st = sbx_prep(s, sql.s, e)))
		goto out;
	binds_apply(&b, st);
	*out = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(*out, "items");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *it;

		if (got == q->per_page) {
			more = true;
			break;
		}
		it = summary(st, now);
		cJSON_AddBoolToObject(it, "matches_filter", sqlite3_column_int(st, SC_NCOLS) != 0);
		last = sqlite3_column_int64(st, SC_NCOLS + 1);
		cJSON_AddItemToArray(items, it);
		got++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		cJSON_Delete(*out);
		*out = NULL;
		rc = sbx_fail_db(e, s->db);
		goto out;
	}
	cJSON_AddNumberToObject(*out, "per_page", q->per_page);
	cJSON_AddNumberToObject(*out, "total", (double)total);
	cJSON_AddBoolToObject(*out, "more", more);
	/* Continue after the last item sent, or at the counter when all
	 * changes are out (and never go back before the cursor). */
	snprintf(c, sizeof c, "%lld", (long long)(more ? last : cur > q->since ? cur : q->since));
	cJSON_AddStringToObject(*out, "cursor", c);
	rc = 0;
out:
	sqlite3_finalize(st);
	binds_free(&b);
	sb_free(&f);
	sb_free(&sql);
	return rc;
}

/* The agency's overdue count now, and until when it holds (the next due
 * date of an open dossier with a running clock). */
static int count_overdue(struct sbx *s, const char *agency, int64_t now,
			 int64_t *overdue, int64_t *until, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT (SELECT count(*) FROM dossiers WHERE"
		" agency_id = ?1 AND status IN (2,4,6) AND due_at <= ?2), (SELECT min(due_at)"
		" FROM dossiers WHERE agency_id = ?1 AND status IN (2,4,6) AND due_at > ?2)", e);

	if (!st)
		return -1;
	sbx_bind_text(st, 1, agency);
	sqlite3_bind_int64(st, 2, now);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sbx_fail_db(e, s->db);
	}
	*overdue = sqlite3_column_int64(st, 0);
	*until = sqlite3_column_type(st, 1) == SQLITE_NULL ? INT64_MAX :
		 sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return 0;
}

int sbx_op_list_state(struct sbx *s, const struct sbx_user *u, uint64_t *state,
		      struct sbx_error *e)
{
	size_t n = sizeof s->list_states / sizeof s->list_states[0];
	struct sbx_list_state *ls = NULL;
	int64_t now = sbx_now(s), v[2] = { sbx_change_current(s), 0 };

	for (size_t i = 0; i < n && !ls; i++)
		if (!strcmp(s->list_states[i].agency, u->agency_id))
			ls = &s->list_states[i];
	if (!ls) {	/* a new agency takes the slot of the least recent one */
		ls = &s->list_states[0];
		for (size_t i = 1; i < n; i++)
			if (s->list_states[i].from < ls->from)
				ls = &s->list_states[i];
		memset(ls, 0, sizeof *ls);
		snprintf(ls->agency, sizeof ls->agency, "%s", u->agency_id);
	}
	/* A clock moved back invalidates too: the count is only known from
	 * `from` on. */
	if (ls->seq != v[0] || now < ls->from || now >= ls->until || !ls->until) {
		if (count_overdue(s, u->agency_id, now, &ls->overdue, &ls->until, e) < 0) {
			ls->until = 0;
			return -1;
		}
		ls->seq = v[0];
		ls->from = now;
	}
	v[1] = ls->overdue;
	*state = sbx_fnv1a(SBX_FNV_INIT, v, sizeof v);
	return 0;
}

/* ---- the detail ----------------------------------------------------------- */

int sbx_op_version(struct sbx *s, const struct sbx_user *u, const char *code,
		   int64_t *version, struct sbx_error *e)
{
	struct sbx_dossier_row r;

	if (sbx_dossier_load(s, u, code, &r, e) < 0)
		return -1;
	*version = r.version;
	return 0;
}

static int add_rows(struct sbx *s, cJSON *arr, const char *sql, const char *code,
		    cJSON *(*row)(sqlite3_stmt *), struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, sql, e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cJSON_AddItemToArray(arr, row(st));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}

static cJSON *component_row(sqlite3_stmt *st)
{
	cJSON *o = cJSON_CreateObject();

	sbx_json_col(o, "seq", st, 0);
	sbx_json_col(o, "name", st, 1);
	sbx_json_col(o, "copies", st, 2);
	cJSON_AddBoolToObject(o, "from_national", sqlite3_column_int(st, 3));
	cJSON_AddBoolToObject(o, "provided", sqlite3_column_int(st, 4));
	return o;
}

static cJSON *due_row(sqlite3_stmt *st)
{
	cJSON *o = cJSON_CreateObject();

	sbx_json_col(o, "seq", st, 0);
	add_time(o, "old_due_at", col_time(st, 1));
	add_time(o, "new_due_at", col_time(st, 2));
	sbx_json_col(o, "reason", st, 3);
	add_time(o, "changed_at", col_time(st, 4));
	return o;
}

static cJSON *log_row(sqlite3_stmt *st)
{
	cJSON *o = cJSON_CreateObject();

	sbx_json_col(o, "seq", st, 0);
	add_time(o, "logged_at", col_time(st, 1));
	cJSON_AddItemToObject(o, "user", person(st, 2, 3, 4));
	sbx_json_col(o, "role", st, 5);
	sbx_json_col(o, "action", st, 6);
	sbx_json_col(o, "from_status", st, 7);
	sbx_json_col(o, "to_status", st, 8);
	sbx_json_col(o, "note", st, 9);
	return o;
}

int sbx_op_get(struct sbx *s, const struct sbx_user *u, const char *code,
	       cJSON **out, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT " SUMMARY_COLS ","
		" p.field, p.days_text, p.minutes, p.cutoff_minute, p.fee_note,"
		" d.applicant_phone, d.applicant_email, d.applicant_address,"
		" d.proxy_name, d.proxy_id, d.fee, d.copies, d.apology_used,"
		" d.form, d.created_at, d.agency_id"
		SUMMARY_FROM " WHERE d.code = ?1 AND d.agency_id = ?2", e);
	struct sbx_dossier_row r;
	struct sbx_wf_actor actor = { u->id, u->role };
	int64_t now = sbx_now(s);
	cJSON *o, *pr, *ap, *form, *acts;
	unsigned allowed;
	bool running;
	int rc, c = SC_NCOLS;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	sbx_bind_text(st, 2, u->agency_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return sbx_fail(e, SBX_E_NOT_FOUND, "not_found", NULL,
					"no dossier %.80s in your agency", code);
		return sbx_fail_db(e, s->db);
	}
	o = summary(st, now);
	pr = cJSON_CreateObject();
	sbx_json_col(pr, "code", st, 1);
	sbx_json_col(pr, "name", st, 2);
	sbx_json_col(pr, "field", st, c);
	sbx_json_col(pr, "days_text", st, c + 1);
	sbx_json_col(pr, "working_minutes", st, c + 2);
	sbx_json_col(pr, "cutoff_minute", st, c + 3);
	sbx_json_col(pr, "fee_note", st, c + 4);
	cJSON_AddItemToObject(o, "procedure", pr);
	ap = cJSON_GetObjectItemCaseSensitive(o, "applicant");
	sbx_json_col(ap, "phone", st, c + 5);
	sbx_json_col(ap, "email", st, c + 6);
	sbx_json_col(ap, "address", st, c + 7);
	if (sqlite3_column_type(st, c + 8) == SQLITE_NULL) {
		cJSON_AddNullToObject(o, "proxy");
	} else {
		cJSON *px = cJSON_AddObjectToObject(o, "proxy");

		sbx_json_col(px, "name", st, c + 8);
		sbx_json_col(px, "id_number", st, c + 9);
	}
	sbx_json_col(o, "fee", st, c + 10);
	sbx_json_col(o, "copies", st, c + 11);
	cJSON_AddBoolToObject(o, "apology_used", sqlite3_column_int(st, c + 12));
	form = cJSON_Parse(sbx_col_text(st, c + 13));
	if (!cJSON_IsObject(form)) {
		cJSON_Delete(form);
		form = cJSON_CreateObject();
	}
	cJSON_AddItemToObject(o, "form", form);
	add_time(o, "created_at", col_time(st, c + 14));
	sbx_json_col(o, "agency_id", st, c + 15);
	sqlite3_finalize(st);

	if (sbx_dossier_load(s, u, code, &r, e) < 0)
		goto fail;
	/* The clock runs in 2, 4 and 6 only (stopped while a supplement is
	 * awaited), so only they have time left and an apology to send. */
	running = r.st.due_at && (r.st.status == ST_ACCEPTED ||
				  r.st.status == ST_PROCESSING || r.st.status == ST_PAYMENT);
	if (running)
		cJSON_AddNumberToObject(o, "remaining_working_minutes",
					(double)cal_working_minutes_between(s->cal, now, r.st.due_at));
	else
		cJSON_AddNullToObject(o, "remaining_working_minutes");
	if (running && !r.st.apology_used)
		add_time(o, "apology_deadline_at", cal_apology_deadline(s->cal, r.st.due_at));
	else
		cJSON_AddNullToObject(o, "apology_deadline_at");
	if (add_rows(s, cJSON_AddArrayToObject(o, "components"),
		     "SELECT seq, name, copies, from_national, provided FROM dossier_components"
		     " WHERE dossier_code = ?1 ORDER BY seq", code, component_row, e) < 0 ||
	    add_rows(s, cJSON_AddArrayToObject(o, "due_history"),
		     "SELECT seq, old_due, new_due, reason, at FROM due_history"
		     " WHERE dossier_code = ?1 ORDER BY seq", code, due_row, e) < 0 ||
	    add_rows(s, cJSON_AddArrayToObject(o, "log"),
		     "SELECT l.seq, l.at, l.user_id, u.login, u.full_name, l.role, l.action,"
		     " l.from_status, l.to_status, l.note FROM dossier_log l"
		     " LEFT JOIN users u ON u.id = l.user_id"
		     " WHERE l.dossier_code = ?1 ORDER BY l.seq", code, log_row, e) < 0)
		goto fail;
	allowed = sbx_wf_allowed(&r.st, &actor, now, s->cal);
	acts = cJSON_AddArrayToObject(o, "allowed_actions");
	for (int a = 0; a < ACT_COUNT; a++)
		if (allowed & (1u << a))
			cJSON_AddItemToArray(acts, cJSON_CreateString(action_name((enum action)a)));
	*out = o;
	return 0;
fail:
	cJSON_Delete(o);
	return -1;
}
