/* National lookups with their audit trail, the catalog, administrative
 * units, colleagues and the period figures. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/ident.h"
#include "core/strbuf.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "sbx_db.h"
#include "sbx_ops_int.h"
#include "sbx_util.h"

/* ---- lookups and audit ---------------------------------------------------- */

int sbx_op_lookup(struct sbx *s, const struct sbx_user *u,
		  enum sbx_register reg, const char *number,
		  const char *dossier, const char *purpose, cJSON **out,
		  struct sbx_error *e)
{
	bool citizen = reg == SBX_REG_CITIZEN;
	char norm[IDENT_BUF];
	struct sbx_dossier_row r;
	sqlite3_stmt *st;
	struct err er;
	int64_t now = sbx_now(s);
	int rc, found;

	if (citizen ? ident_id_check(number, norm, sizeof norm, NULL, &er) < 0 :
		      ident_tax_check(number, norm, sizeof norm, NULL, &er) < 0)
		return sbx_fail(e, SBX_E_INVALID, "invalid_number",
				citizen ? "id_number" : "tax_code", "%s", er.msg);
	if (dossier && sbx_dossier_load(s, u, dossier, &r, e) < 0) {
		snprintf(e->field, sizeof e->field, "dossier");
		return -1;
	}
	if (purpose && strlen(purpose) > 200)
		return sbx_fail(e, SBX_E_INVALID, "invalid_parameter", "purpose",
				"purpose is longer than 200 bytes");
	if (!(st = sbx_prep(s, citizen ? "SELECT * FROM citizens WHERE id_number = ?1" :
			    "SELECT * FROM enterprises WHERE tax_code = ?1", e)))
		return -1;
	sbx_bind_text(st, 1, norm);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW;
	if (found) {
		*out = sbx_json_row(st);
		cJSON_AddStringToObject(*out, "source", citizen ? "population" : "enterprise");
		cJSON_AddNumberToObject(*out, "looked_up_at", (double)now);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sbx_fail_db(e, s->db);
	/* Accountability first: the lookup is recorded whatever it found. */
	if (!(st = sbx_prep(s, "INSERT INTO audit (at, user_id, kind, subject, dossier_code,"
			    " purpose, found) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e)))
		goto fail;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, u->id);
	sbx_bind_text(st, 3, citizen ? "citizen" : "enterprise");
	sbx_bind_text(st, 4, norm);
	sbx_bind_text(st, 5, dossier ? r.code : NULL);
	sbx_bind_text(st, 6, purpose);
	sqlite3_bind_int(st, 7, found);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sbx_fail_db(e, s->db);
		goto fail;
	}
	if (!found)
		return sbx_fail(e, SBX_E_NOT_FOUND, "not_found", NULL,
				citizen ? "no citizen with ID number %s in the population register" :
				"no enterprise with tax code %s in the enterprise register", norm);
	return 0;
fail:
	if (found) {
		cJSON_Delete(*out);
		*out = NULL;
	}
	return -1;
}

int sbx_op_audit(struct sbx *s, const struct sbx_user *u,
		 const struct sbx_audit_query *q, cJSON **out,
		 struct sbx_error *e)
{
	static const char where[] =
		" FROM audit a JOIN users u ON u.id = a.user_id"
		" WHERE u.agency_id = ?1 AND (?2 IS NULL OR u.login = ?2)"
		" AND (?3 IS NULL OR a.subject = ?3) AND (?4 IS NULL OR a.dossier_code = ?4)"
		" AND (?5 IS NULL OR a.kind = ?5) AND (?6 IS NULL OR a.at >= ?6)"
		" AND (?7 IS NULL OR a.at < ?7)";
	struct sb sql = { 0 };
	sqlite3_stmt *st;
	int64_t total = 0;
	cJSON *items;
	int rc;

	if (u->role != ROLE_LEADER)
		return sbx_fail(e, SBX_E_FORBIDDEN, "role_forbidden", NULL,
				"only leaders may read the lookup audit");
	for (int pass = 0; pass < 2; pass++) {
		sql.len = 0;
		if (pass == 0)
			sb_printf(&sql, "SELECT count(*)%s", where);
		else
			sb_printf(&sql, "SELECT a.id, a.at, a.user_id, u.login, u.full_name,"
				       " a.kind, a.subject, a.dossier_code, a.purpose, a.found%s"
				       " ORDER BY a.id DESC LIMIT %d OFFSET %lld", where,
				       q->per_page, (long long)(q->page - 1) * q->per_page);
		if (!(st = sbx_prep(s, sql.s, e))) {
			sb_free(&sql);
			if (pass)
				cJSON_Delete(*out);
			return -1;
		}
		sbx_bind_text(st, 1, u->agency_id);
		sbx_bind_text(st, 2, q->user);
		sbx_bind_text(st, 3, q->subject);
		sbx_bind_text(st, 4, q->dossier);
		if (q->kind >= 0)
			sbx_bind_text(st, 5, q->kind == SBX_REG_CITIZEN ? "citizen" : "enterprise");
		if (q->from)
			sqlite3_bind_int64(st, 6, q->from);
		if (q->to)
			sqlite3_bind_int64(st, 7, q->to);
		if (pass == 0) {
			rc = sqlite3_step(st);
			total = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
			if (rc != SQLITE_ROW) {
				sb_free(&sql);
				return sbx_fail_db(e, s->db);
			}
			*out = cJSON_CreateObject();
			items = cJSON_AddArrayToObject(*out, "items");
			continue;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			cJSON *it = cJSON_CreateObject(), *who;

			sbx_json_col(it, "id", st, 0);
			sbx_json_col(it, "looked_up_at", st, 1);
			who = cJSON_AddObjectToObject(it, "user");
			sbx_json_col(who, "id", st, 2);
			sbx_json_col(who, "login", st, 3);
			sbx_json_col(who, "full_name", st, 4);
			sbx_json_col(it, "kind", st, 5);
			sbx_json_col(it, "subject", st, 6);
			sbx_json_col(it, "dossier_code", st, 7);
			sbx_json_col(it, "purpose", st, 8);
			cJSON_AddBoolToObject(it, "found", sqlite3_column_int(st, 9));
			cJSON_AddItemToArray(items, it);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			sb_free(&sql);
			cJSON_Delete(*out);
			return sbx_fail_db(e, s->db);
		}
	}
	sb_free(&sql);
	sbx_add_paging(*out, q->page, q->per_page, total);
	return 0;
}

/* ---- catalog -------------------------------------------------------------- */

static void add_cutoff(cJSON *o, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		cJSON_AddNullToObject(o, "cutoff_minute");
		cJSON_AddNullToObject(o, "cutoff");
	} else {
		int m = sqlite3_column_int(st, i);
		char t[WHEN_LEN];

		cJSON_AddNumberToObject(o, "cutoff_minute", m);
		cJSON_AddStringToObject(o, "cutoff", when_minute(m, t, sizeof t));
	}
}

#define PROC_COLS "code, name, field, level, minutes, days_text, cutoff_minute," \
	" fee, fee_note, result, joint"

static cJSON *procedure_row(struct sbx *s, sqlite3_stmt *st)
{
	cJSON *o = cJSON_CreateObject();
	int minutes = sqlite3_column_int(st, 4);

	sbx_json_col(o, "code", st, 0);
	sbx_json_col(o, "name", st, 1);
	sbx_json_col(o, "field", st, 2);
	sbx_json_col(o, "level", st, 3);
	cJSON_AddNumberToObject(o, "working_minutes", minutes);
	cJSON_AddNumberToObject(o, "working_days",
				(double)minutes / cal_day_minutes(s->cal));
	sbx_json_col(o, "days_text", st, 5);
	add_cutoff(o, st, 6);
	sbx_json_col(o, "fee", st, 7);
	sbx_json_col(o, "fee_note", st, 8);
	sbx_json_col(o, "result", st, 9);
	cJSON_AddBoolToObject(o, "joint", sqlite3_column_int(st, 10));
	return o;
}

int sbx_op_procedures(struct sbx *s, const char *q, const char *field,
		      cJSON **out, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT " PROC_COLS " FROM procedures"
		" WHERE (?1 IS NULL OR code LIKE ?1 || '%' ESCAPE '\\'"
		"  OR sbx_fold(name) LIKE '%' || ?2 || '%' ESCAPE '\\')"
		" AND (?3 IS NULL OR field = ?3) ORDER BY field, code", e);
	char *esc = NULL, *fold = NULL, *fesc = NULL;
	cJSON *items;
	int rc, n = 0;

	if (!st)
		return -1;
	if (q && *q) {
		esc = sbx_like_escape(q);
		fold = sbx_fold(q);
		fesc = sbx_like_escape(fold);
		sbx_bind_text(st, 1, esc);
		sbx_bind_text(st, 2, fesc);
	}
	sbx_bind_text(st, 3, field);
	*out = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(*out, "items");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON_AddItemToArray(items, procedure_row(s, st));
		n++;
	}
	sqlite3_finalize(st);
	free(esc);
	free(fold);
	free(fesc);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(*out);
		return sbx_fail_db(e, s->db);
	}
	cJSON_AddNumberToObject(*out, "total", n);
	return 0;
}

static int add_list(struct sbx *s, cJSON *arr, const char *sql, const char *code,
		    struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, sql, e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *row = sbx_json_row(st), *opt = cJSON_GetObjectItemCaseSensitive(row, "options");

		/* booleans and the JSON options array read better as such */
		for (cJSON *it = row->child, *next; it; it = next) {
			next = it->next;	/* it may be replaced (freed) below */
			if (!strcmp(it->string, "required") && cJSON_IsNumber(it))
				sbx_json_replace(row, it, cJSON_CreateBool(it->valueint));
		}
		if (cJSON_IsString(opt)) {
			cJSON *parsed = cJSON_Parse(opt->valuestring);

			if (parsed)
				sbx_json_replace(row, opt, parsed);
		}
		cJSON_AddItemToArray(arr, row);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}

int sbx_op_procedure(struct sbx *s, const char *code, cJSON **out,
		     struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT " PROC_COLS " FROM procedures WHERE code = ?1", e);
	cJSON *o;
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ?
			sbx_fail(e, SBX_E_NOT_FOUND, "not_found", NULL, "no procedure %.60s", code) :
			sbx_fail_db(e, s->db);
	}
	o = procedure_row(s, st);
	sqlite3_finalize(st);
	if (add_list(s, cJSON_AddArrayToObject(o, "components"),
		     "SELECT seq, name, copies, required, national_source"
		     " FROM procedure_components WHERE procedure_code = ?1 ORDER BY seq", code, e) < 0 ||
	    add_list(s, cJSON_AddArrayToObject(o, "fields"),
		     "SELECT seq, key, label, type, required, pattern, options, lookup, fill_from"
		     " FROM procedure_fields WHERE procedure_code = ?1 ORDER BY seq", code, e) < 0 ||
	    add_list(s, cJSON_AddArrayToObject(o, "parts"),
		     "SELECT p.code, p.name FROM procedure_parts pp JOIN procedures p"
		     " ON p.code = pp.part_code WHERE pp.procedure_code = ?1 ORDER BY p.code",
		     code, e) < 0) {
		cJSON_Delete(o);
		return -1;
	}
	*out = o;
	return 0;
}

/* ---- units and users ------------------------------------------------------ */

int sbx_op_units(struct sbx *s, const char *parent, const char *q,
		 cJSON **out, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT code, name, level, parent FROM units"
		" WHERE (CASE WHEN ?1 IS NULL THEN level = 'province' ELSE parent = ?1 END)"
		" AND (?2 IS NULL OR sbx_fold(name) LIKE '%' || ?2 || '%' ESCAPE '\\')"
		" ORDER BY code", e);
	char *fold = NULL, *fesc = NULL;
	cJSON *items;
	int rc, n = 0;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, parent);
	if (q && *q) {
		fold = sbx_fold(q);
		fesc = sbx_like_escape(fold);
		sbx_bind_text(st, 2, fesc);
	}
	*out = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(*out, "items");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON_AddItemToArray(items, sbx_json_row(st));
		n++;
	}
	sqlite3_finalize(st);
	free(fold);
	free(fesc);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(*out);
		return sbx_fail_db(e, s->db);
	}
	cJSON_AddNumberToObject(*out, "total", n);
	return 0;
}

int sbx_op_unit(struct sbx *s, const char *code, cJSON **out,
		struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT code, name, level, parent FROM units"
				    " WHERE code = ?1", e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sbx_json_row(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return sbx_fail(e, SBX_E_NOT_FOUND, "not_found", NULL,
				"no administrative unit %.20s", code);
	return rc == SQLITE_ROW ? 0 : sbx_fail_db(e, s->db);
}

int sbx_op_users(struct sbx *s, const struct sbx_user *u, int role,
		 cJSON **out, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT id, login, full_name, role FROM users"
				    " WHERE agency_id = ?1 AND (?2 IS NULL OR role = ?2)"
				    " ORDER BY role, login", e);
	cJSON *items;
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, u->agency_id);
	sbx_bind_text(st, 2, role >= 0 ? role_name((enum role)role) : NULL);
	*out = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(*out, "items");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cJSON_AddItemToArray(items, sbx_json_row(st));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cJSON_Delete(*out);
		return sbx_fail_db(e, s->db);
	}
	return 0;
}

/* ---- stats ---------------------------------------------------------------- */

/* {"value": n/d or null, "numerator", "numerator_is", "denominator",
 * "denominator_is"}: a ratio always says what it divides. */
static void add_ratio(cJSON *o, const char *key, int64_t num, const char *num_is,
		      int64_t den, const char *den_is)
{
	cJSON *r = cJSON_AddObjectToObject(o, key);

	if (den)	/* four decimals are plenty for a share */
		cJSON_AddNumberToObject(r, "value",
					round((double)num / (double)den * 1e4) / 1e4);
	else
		cJSON_AddNullToObject(r, "value");
	cJSON_AddNumberToObject(r, "numerator", (double)num);
	cJSON_AddStringToObject(r, "numerator_is", num_is);
	cJSON_AddNumberToObject(r, "denominator", (double)den);
	cJSON_AddStringToObject(r, "denominator_is", den_is);
}

static int scalar(struct sbx *s, const char *sql, const char *agency, int64_t a,
		  int64_t b, int64_t *v, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, sql, e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, agency);
	sqlite3_bind_int64(st, 2, a);
	sqlite3_bind_int64(st, 3, b);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sbx_fail_db(e, s->db);
}

int sbx_op_stats(struct sbx *s, const struct sbx_user *u, int64_t from,
		 int64_t to, cJSON **out, struct sbx_error *e)
{
	int64_t now = sbx_now(s), received = 0, online = 0, open = 0, overdue = 0;
	int64_t resolved = 0, early = 0, on_time = 0, late = 0, minutes = 0;
	int64_t refused = 0, withdrawn = 0, stopped = 0;
	char d1[WHEN_LEN], d2[WHEN_LEN];
	sqlite3_stmt *st;
	cJSON *o, *avg;
	int rc;

	if (scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1"
		   " AND received_at >= ?2 AND received_at < ?3", u->agency_id, from, to,
		   &received, e) < 0 ||
	    scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1 AND channel = 2"
		   " AND received_at >= ?2 AND received_at < ?3", u->agency_id, from, to,
		   &online, e) < 0 ||
	    scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1 AND status IN (2,4,6)"
		   " AND due_at IS NOT NULL AND ?2 = ?2 AND ?3 = ?3", u->agency_id, 0, 0,
		   &open, e) < 0 ||
	    scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1 AND status IN (2,4,6)"
		   " AND due_at IS NOT NULL AND due_at <= ?2 AND ?3 = ?3", u->agency_id, now, 0,
		   &overdue, e) < 0 ||
	    scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1 AND status = 3"
		   " AND updated_at >= ?2 AND updated_at < ?3", u->agency_id, from, to,
		   &refused, e) < 0 ||
	    scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1 AND status = 7"
		   " AND updated_at >= ?2 AND updated_at < ?3", u->agency_id, from, to,
		   &withdrawn, e) < 0 ||
	    scalar(s, "SELECT count(*) FROM dossiers WHERE agency_id = ?1 AND status = 8"
		   " AND updated_at >= ?2 AND updated_at < ?3", u->agency_id, from, to,
		   &stopped, e) < 0)
		return -1;
	/* Resolved: result ready at the desk within the period (9 or 10). */
	if (!(st = sbx_prep(s, "SELECT received_at, due_at, finished_at FROM dossiers"
			    " WHERE agency_id = ?1 AND status IN (9, 10) AND finished_at >= ?2"
			    " AND finished_at < ?3", e)))
		return -1;
	sbx_bind_text(st, 1, u->agency_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t rec = sqlite3_column_int64(st, 0), due = sqlite3_column_int64(st, 1);
		int64_t fin = sqlite3_column_int64(st, 2);
		const char *tl = sbx_wf_timeliness(fin, due);

		resolved++;
		if (tl && !strcmp(tl, "early"))
			early++;
		else if (tl && !strcmp(tl, "on_time"))
			on_time++;
		else
			late++;
		if (rec && fin > rec)
			minutes += cal_working_minutes_between(s->cal, rec, fin);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sbx_fail_db(e, s->db);

	o = cJSON_CreateObject();
	when_iso_date(from, d1, sizeof d1);
	when_iso_date(to - 1, d2, sizeof d2);
	cJSON_AddStringToObject(o, "from", d1);
	cJSON_AddStringToObject(o, "to", d2);
	cJSON_AddStringToObject(o, "agency_id", u->agency_id);
	cJSON_AddNumberToObject(o, "received", (double)received);
	cJSON_AddNumberToObject(o, "resolved", (double)resolved);
	cJSON_AddNumberToObject(o, "early", (double)early);
	cJSON_AddNumberToObject(o, "on_time", (double)on_time);
	cJSON_AddNumberToObject(o, "late", (double)late);
	cJSON_AddNumberToObject(o, "refused", (double)refused);
	cJSON_AddNumberToObject(o, "withdrawn", (double)withdrawn);
	cJSON_AddNumberToObject(o, "stopped", (double)stopped);
	add_ratio(o, "on_time_rate", early + on_time, "early + on time", resolved,
		  "resolved in period (result ready at the desk)");
	add_ratio(o, "early_rate", early, "early", resolved,
		  "resolved in period (result ready at the desk)");
	add_ratio(o, "late_rate", late, "late", resolved,
		  "resolved in period (result ready at the desk)");
	add_ratio(o, "online_share", online, "received online", received,
		  "received in period (all channels)");
	add_ratio(o, "open_overdue", overdue, "open and due at or before now", open,
		  "open with a running clock now (status 2, 4, 6)");
	cJSON_AddNumberToObject(o, "open_overdue_as_of_at", (double)now);
	avg = cJSON_AddObjectToObject(o, "average_processing_days");
	if (resolved)
		cJSON_AddNumberToObject(avg, "value", round((double)minutes / (double)resolved /
							    cal_day_minutes(s->cal) * 100) / 100);
	else
		cJSON_AddNullToObject(avg, "value");
	cJSON_AddStringToObject(avg, "unit", "working days from receipt to result ready");
	cJSON_AddNumberToObject(avg, "denominator", (double)resolved);
	cJSON_AddStringToObject(avg, "denominator_is",
				"resolved in period (result ready at the desk)");
	*out = o;
	return 0;
}
