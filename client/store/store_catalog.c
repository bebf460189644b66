#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "api/fields_json.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store.h"

/* Procedures are kept as JSON of the model's fields (fields_json.c): the
 * catalog is small (a province decentralises about a thousand procedures
 * to a desk) and read whole, so columns would buy nothing but migrations. */

static char *to_text(const struct procedure *p, bool whole)
{
	cJSON *o = fields_to_json(&target_procedure, p, whole);
	char *s = cJSON_PrintUnformatted(o);

	cJSON_Delete(o);
	return s;
}

static int from_text(const char *text, struct procedure *p, struct err *e)
{
	cJSON *o = cJSON_Parse(text);
	int rc;

	memset(p, 0, sizeof *p);
	p->cutoff = -1;
	if (!o)
		return err_set(e, "%s", _("a stored procedure is not valid JSON"));
	rc = fields_from_json(&target_procedure, o, p, e);
	cJSON_Delete(o);
	if (rc == 0 && !p->code)
		rc = err_set(e, "%s", _("a stored procedure has no code"));
	if (rc < 0)
		procedure_free(p);
	return rc;
}

int store_put_catalog(struct store *s, const struct procedure *items, int n, int64_t now,
		      struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;

	if (store_begin(s, e) < 0)
		return -1;
	/* a summary never erases a known detail: the form needs it offline;
	 * a changed one makes it stale (store_catalog_stale) */
	if (sqlite3_prepare_v2(store_db(s),
			       "INSERT INTO procedures (code, field, summary, seen) VALUES (?, ?, ?, ?) "
			       "ON CONFLICT (code) DO UPDATE SET field = excluded.field, "
			       "detail_at = CASE WHEN summary IS excluded.summary THEN detail_at END, "
			       "summary = excluded.summary, seen = excluded.seen", -1, &st, NULL) != SQLITE_OK) {
		rc = store_sql_error(s, e, _("cannot store the catalog"));
		goto out;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		char *json;

		if (!items[i].code)
			continue;
		json = to_text(&items[i], false);
		sqlite3_bind_text(st, 1, items[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, items[i].field, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, json, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, now);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_sql_error(s, e, items[i].code);
		sqlite3_reset(st);
		free(json);
	}
	sqlite3_finalize(st);
	st = NULL;
	/* what the server no longer lists is no longer offered */
	if (rc == 0 && sqlite3_prepare_v2(store_db(s), "DELETE FROM procedures WHERE seen <> ?", -1, &st,
					  NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, now);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_sql_error(s, e, _("cannot drop the procedures no longer listed"));
	}
	sqlite3_finalize(st);
out:
	if (rc < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

static int by_field_code(const void *x, const void *y)
{
	const struct procedure *a = x, *b = y;
	int c = strcmp(a->field ? a->field : "", b->field ? b->field : "");

	return c ? c : strcmp(a->code, b->code);
}

int store_load_catalog(struct store *s, struct procedure **items, int *n, struct err *e)
{
	sqlite3_stmt *st;
	struct procedure *v = NULL;
	int k = 0, cap = 0, rc;

	if (sqlite3_prepare_v2(store_db(s), "SELECT coalesce(detail, summary) FROM procedures", -1, &st,
			       NULL) != SQLITE_OK)
		return store_sql_error(s, e, _("cannot read the catalog"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct err ignored;

		if (k == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, (size_t)cap * sizeof *v);
		}
		/* one unreadable row does not hide the rest of the catalog */
		if (from_text((const char *)sqlite3_column_text(st, 0), &v[k], &ignored) == 0)
			k++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (int i = 0; i < k; i++)
			procedure_free(&v[i]);
		free(v);
		return store_sql_error(s, e, _("cannot read the catalog"));
	}
	if (k)
		qsort(v, (size_t)k, sizeof *v, by_field_code);
	*items = v;
	*n = k;
	return 0;
}

int store_put_procedure(struct store *s, const struct procedure *p, int64_t now, struct err *e)
{
	sqlite3_stmt *st;
	char *whole = to_text(p, true), *summary = to_text(p, false);
	int rc;

	if (sqlite3_prepare_v2(store_db(s),
			       "INSERT INTO procedures (code, field, summary, detail, detail_at) "
			       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO UPDATE SET "
			       "field = excluded.field, detail = excluded.detail, "
			       "detail_at = excluded.detail_at", -1, &st, NULL) != SQLITE_OK) {
		free(whole);
		free(summary);
		return store_sql_error(s, e, _("cannot store the procedure"));
	}
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, whole, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(whole);
	free(summary);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, p->code ? p->code : "?");
}

int store_get_procedure(struct store *s, const char *code, struct procedure *p, int64_t *at,
			struct err *e)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	memset(p, 0, sizeof *p);
	if (sqlite3_prepare_v2(store_db(s), "SELECT detail, detail_at FROM procedures "
			       "WHERE code = ? AND detail IS NOT NULL", -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, code);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (at)
			*at = sqlite3_column_int64(st, 1);
		found = from_text((const char *)sqlite3_column_text(st, 0), p, e) == 0 ? 1 : -1;
	} else if (rc != SQLITE_DONE) {
		found = store_sql_error(s, e, code);
	}
	sqlite3_finalize(st);
	return found;
}

int store_catalog_stale(struct store *s, const char *after, char *code, size_t len, struct err *e)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if (sqlite3_prepare_v2(store_db(s), "SELECT code FROM procedures WHERE code > ? "
			       "AND (detail IS NULL OR detail_at IS NULL) ORDER BY code LIMIT 1", -1, &st,
			       NULL) != SQLITE_OK)
		return store_sql_error(s, e, _("cannot read the catalog"));
	/* a copy: code may be after's own buffer */
	sqlite3_bind_text(st, 1, after, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(code, len, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = store_sql_error(s, e, _("cannot read the catalog"));
	}
	sqlite3_finalize(st);
	return found;
}
