#include "config.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "outbox.h"

static const char *const state_names[] = {
	[OB_QUEUED] = "queued", [OB_SENDING] = "sending", [OB_DONE] = "done",
	[OB_CONFLICT] = "conflict", [OB_FAILED] = "failed",
};

static const char *const state_labels[] = {
	[OB_QUEUED] = N_("queued"), [OB_SENDING] = N_("sending"), [OB_DONE] = N_("delivered"),
	[OB_CONFLICT] = N_("conflict"), [OB_FAILED] = N_("refused"),
};

const char *ob_state_name(enum ob_state s)
{
	return (unsigned)s <= OB_FAILED ? state_names[s] : "";
}

const char *ob_state_label(enum ob_state s)
{
	return (unsigned)s <= OB_FAILED ? _(state_labels[s]) : "";
}

const char *ob_entry_name(const struct ob_entry *en)
{
	return en->intake ? "intake" : action_name(en->act);
}

const char *ob_entry_label(const struct ob_entry *en)
{
	return en->intake ? _("Intake") : action_label(en->act);
}

#define COLS "id, key, code, action, args, version, state, attempts, error, created_at, updated_at"

/* One statement, run to completion; binds: i int64, t text (NULL ok). */
static int run(struct store *s, const char *sql, const char *types, struct err *e, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc, i = 1;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, _("outbox"));
	va_start(ap, e);
	for (const char *t = types; *t; t++, i++) {
		if (*t == 'i')
			sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
		else
			sqlite3_bind_text(st, i, va_arg(ap, const char *), -1, SQLITE_TRANSIENT);
	}
	va_end(ap);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, _("outbox"));
	return sqlite3_changes(store_db(s));
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static char *json_str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

static void read_entry(sqlite3_stmt *st, struct ob_entry *en)
{
	const char *args = (const char *)sqlite3_column_text(st, 4);
	cJSON *o = args ? cJSON_Parse(args) : NULL;
	const cJSON *v;
	int act;

	memset(en, 0, sizeof *en);
	en->id = sqlite3_column_int64(st, 0);
	snprintf(en->key, sizeof en->key, "%s", (const char *)sqlite3_column_text(st, 1));
	en->code = col_dup(st, 2);
	act = action_parse((const char *)sqlite3_column_text(st, 3));
	en->act = act < 0 ? ACT_COUNT : (enum action)act;
	en->version = col_dup(st, 5);
	en->state = (enum ob_state)sqlite3_column_int(st, 6);
	en->attempts = sqlite3_column_int(st, 7);
	en->error = col_dup(st, 8);
	en->created_at = sqlite3_column_int64(st, 9);
	en->updated_at = sqlite3_column_int64(st, 10);
	en->note = json_str(o, "note");
	en->reason = json_str(o, "reason");
	en->assignee = json_str(o, "assignee");
	if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(o, "new_due")))
		en->new_due = (int64_t)v->valuedouble;
	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(o, "supplement")) {
		if (!cJSON_IsNumber(v))
			continue;
		en->missing = xrealloc(en->missing, (size_t)(en->nmissing + 1) * sizeof *en->missing);
		en->missing[en->nmissing++] = v->valueint;
	}
	if (cJSON_IsObject(v = cJSON_GetObjectItemCaseSensitive(o, "seen"))) {
		const cJSON *x;

		en->seen.known = true;
		if (cJSON_IsNumber(x = cJSON_GetObjectItemCaseSensitive(v, "status")))
			en->seen.status = x->valueint;
		if (cJSON_IsNumber(x = cJSON_GetObjectItemCaseSensitive(v, "due_at")))
			en->seen.due_at = (int64_t)x->valuedouble;
		en->seen.step = json_str(v, "step");
		en->seen.assignee = json_str(v, "assignee");
	}
	if (!strcmp((const char *)sqlite3_column_text(st, 3), "intake")) {
		en->intake = o;		/* the whole intake, read when it is sent */
		o = NULL;
		if (!en->intake)
			en->intake = cJSON_CreateObject();	/* unreadable: fails when sent */
	}
	cJSON_Delete(o);
}

void ob_entry_free(struct ob_entry *en)
{
	free(en->code);
	free(en->version);
	free(en->note);
	free(en->reason);
	free(en->assignee);
	free(en->error);
	free(en->seen.step);
	free(en->seen.assignee);
	free(en->missing);
	cJSON_Delete(en->intake);
	memset(en, 0, sizeof *en);
}

void ob_entry_args(const struct ob_entry *en, struct api_act_args *args)
{
	memset(args, 0, sizeof *args);
	args->version = en->version;
	args->idempotency_key = en->key;
	args->note = en->note;
	args->reason = en->reason;
	args->assignee = en->assignee;
	args->new_due = en->new_due;
	args->missing = en->missing;
	args->nmissing = en->nmissing;
}

int outbox_add(struct store *s, const char *code, enum action act, const struct api_act_args *args,
	       int64_t now, struct ob_entry *out, struct err *e)
{
	return outbox_add_seen(s, code, act, args, NULL, now, out, e);
}

int outbox_add_seen(struct store *s, const char *code, enum action act,
		    const struct api_act_args *args, const struct dossier *seen, int64_t now,
		    struct ob_entry *out, struct err *e)
{
	cJSON *o = cJSON_CreateObject();
	char *json;
	int rc;

	if (args->note)
		cJSON_AddStringToObject(o, "note", args->note);
	if (args->reason)
		cJSON_AddStringToObject(o, "reason", args->reason);
	if (args->assignee)
		cJSON_AddStringToObject(o, "assignee", args->assignee);
	if (args->new_due)
		cJSON_AddNumberToObject(o, "new_due", (double)args->new_due);
	if (args->nmissing)
		cJSON_AddItemToObject(o, "supplement", cJSON_CreateIntArray(args->missing, args->nmissing));
	if (seen) {
		cJSON *v = cJSON_AddObjectToObject(o, "seen");

		cJSON_AddNumberToObject(v, "status", seen->status);
		cJSON_AddNumberToObject(v, "due_at", (double)seen->due_at);
		if (seen->step)
			cJSON_AddStringToObject(v, "step", seen->step);
		if (seen->assignee)
			cJSON_AddStringToObject(v, "assignee", seen->assignee);
	}
	json = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	memset(out, 0, sizeof *out);
	api_new_key(out->key);
	/* autocommit with synchronous=FULL: on disk when this returns */
	rc = run(s, "INSERT INTO outbox (key, code, action, args, version, created_at, updated_at) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?)", "tttttii", e, out->key, code, action_name(act), json,
		 args->version, now, now);
	free(json);
	if (rc < 0)
		return err_prefix(e, _("the action could not be saved: "));
	out->id = sqlite3_last_insert_rowid(store_db(s));
	return outbox_get(s, out->id, out, e) == 1 ? 0 : -1;
}

int outbox_add_intake(struct store *s, const struct intake *in, int64_t now, struct ob_entry *out,
		      struct err *e)
{
	cJSON *o = intake_to_json(in);
	char *json = cJSON_PrintUnformatted(o);
	int rc;

	cJSON_Delete(o);
	memset(out, 0, sizeof *out);
	api_new_key(out->key);
	rc = run(s, "INSERT INTO outbox (key, code, action, args, created_at, updated_at) "
		    "VALUES (?, '', 'intake', ?, ?, ?)", "ttii", e, out->key, json, now, now);
	free(json);
	if (rc < 0)
		return err_prefix(e, _("the intake could not be saved: "));
	out->id = sqlite3_last_insert_rowid(store_db(s));
	return outbox_get(s, out->id, out, e) == 1 ? 0 : -1;
}

static int select_entries(struct store *s, const char *sql, int64_t arg, struct ob_entry **v, size_t *n,
			  struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 16, k = 0;
	int rc;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, _("outbox"));
	sqlite3_bind_int64(st, 1, arg);
	*v = xcalloc(cap, sizeof **v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			cap *= 2;
			*v = xrealloc(*v, cap * sizeof **v);
		}
		read_entry(st, &(*v)[k++]);
	}
	sqlite3_finalize(st);
	*n = k;
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < k; i++)
			ob_entry_free(&(*v)[i]);
		free(*v);
		*v = NULL;
		*n = 0;
		return store_sql_error(s, e, _("outbox"));
	}
	return 0;
}

static int select_one(struct store *s, const char *sql, int64_t arg, struct ob_entry *out, struct err *e)
{
	struct ob_entry *v;
	size_t n;

	if (select_entries(s, sql, arg, &v, &n, e) < 0)
		return -1;
	if (n)
		*out = v[0];
	for (size_t i = 1; i < n; i++)
		ob_entry_free(&v[i]);
	free(v);
	return n ? 1 : 0;
}

int outbox_get(struct store *s, int64_t id, struct ob_entry *out, struct err *e)
{
	return select_one(s, "SELECT " COLS " FROM outbox WHERE id = ?", id, out, e);
}

int outbox_next(struct store *s, struct ob_entry *out, struct err *e)
{
	/* intakes (code '') wait on nothing: each makes its own dossier */
	return select_one(s, "SELECT " COLS " FROM outbox o WHERE state < 2 AND id > ? AND (o.code = '' "
			  "OR NOT EXISTS (SELECT 1 FROM outbox p WHERE p.code = o.code AND p.id < o.id "
			  "AND p.state > 2)) ORDER BY id LIMIT 1", 0, out, e);
}

int outbox_blocker(struct store *s, const char *code, struct ob_entry *out, struct err *e)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (sqlite3_prepare_v2(store_db(s), "SELECT min(id) FROM outbox WHERE code = ? AND code <> '' "
			       "AND state > 2", -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "outbox_blocker");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id ? outbox_get(s, id, out, e) : 0;
}

int outbox_list(struct store *s, bool all, struct ob_entry **v, size_t *n, struct err *e)
{
	return select_entries(s, "SELECT " COLS " FROM outbox WHERE state <> 2 OR id IN "
			      "(SELECT id FROM outbox WHERE state = 2 ORDER BY id DESC LIMIT ?) ORDER BY id",
			      all ? 200 : 0, v, n, e);
}

static int count(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	int n = 0;

	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int outbox_pending(struct store *s)
{
	return count(s, "SELECT count(*) FROM outbox WHERE state <> 2");
}

int outbox_waiting(struct store *s)
{
	return count(s, "SELECT count(*) FROM outbox WHERE state > 2");
}

int outbox_sending(struct store *s, int64_t id, int64_t now, struct err *e)
{
	return run(s, "UPDATE outbox SET state = 1, attempts = attempts + 1, updated_at = ? WHERE id = ?",
		   "ii", e, now, id) < 0 ? -1 : 0;
}

int outbox_delivered(struct store *s, const struct ob_entry *en, const struct dossier *result, int64_t now,
		     struct err *e)
{
	if (store_begin(s, e) < 0)
		return -1;
	if (run(s, "UPDATE outbox SET state = 2, error = NULL, updated_at = ? WHERE id = ?", "ii", e, now,
		en->id) < 0)
		goto fail;
	if (en->intake && result && result->code) {
		const cJSON *purpose = cJSON_GetObjectItemCaseSensitive(en->intake, "lookup_purpose");

		if (run(s, "UPDATE outbox SET code = ? WHERE id = ?", "ti", e, result->code, en->id) < 0)
			goto fail;
		/* the lookups made for it, before it had a code, now name it */
		if (cJSON_IsString(purpose) &&
		    run(s, "UPDATE audit SET dossier = ? WHERE dossier IS NULL AND purpose = ?", "tt", e,
			result->code, purpose->valuestring) < 0)
			goto fail;
	}
	if (result && result->code) {
		/* the clerk's next actions on this dossier were made on the
		 * version this one started from, plus this one */
		if (result->version && en->version &&
		    run(s, "UPDATE outbox SET version = ? WHERE code = ? AND state = 0 AND attempts = 0 "
			   "AND version = ? AND id > ?", "ttti", e, result->version, en->code, en->version,
			en->id) < 0)
			goto fail;
		if (store_put_dossier(s, result, result->nlog || result->ncomponents, 0, e) < 0)
			goto fail;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int outbox_set_state(struct store *s, int64_t id, enum ob_state st, const char *error, int64_t now,
		     struct err *e)
{
	return run(s, "UPDATE outbox SET state = ?, error = ?, updated_at = ? WHERE id = ?", "itii", e,
		   (int64_t)st, error, now, id) < 0 ? -1 : 0;
}

int outbox_retry(struct store *s, int64_t id, const char *version, int64_t now, struct err *e)
{
	char key[33];
	int n;

	/* a new key: the server did not do it, and the request changes */
	api_new_key(key);
	n = run(s, "UPDATE outbox SET state = 0, error = NULL, key = ?, attempts = 0, "
		   "version = coalesce(?, version), updated_at = ? WHERE id = ? AND state > 2",
		"ttii", e, key, version, now, id);
	return n < 0 ? -1 : n;
}

int outbox_discard(struct store *s, int64_t id, struct err *e)
{
	return run(s, "DELETE FROM outbox WHERE id = ? AND state <> 2", "i", e, id);
}

int outbox_prune(struct store *s, int64_t before, struct err *e)
{
	return run(s, "DELETE FROM outbox WHERE state = 2 AND updated_at < ?", "i", e, before);
}

int outbox_adopt(struct store *s, const char *other, int64_t now, struct err *e)
{
	int moved;

	if (run(s, "ATTACH ? AS other", "s", e, other) < 0)
		return -1;
	/* Each database commits on its own: should the process die between
	 * the two, an entry is in both, and its idempotency key, which comes
	 * along, still has the server do it once. One sent and not answered
	 * is queued again, with the same key. */
	if (store_begin(s, e) < 0)
		goto detach;
	moved = run(s, "INSERT INTO main.outbox (key, code, action, args, version, state, attempts, error,"
		    " created_at, updated_at) SELECT key, code, action, args, version,"
		    " CASE state WHEN 1 THEN 0 ELSE state END, attempts, error, created_at, ?"
		    " FROM other.outbox WHERE state <> 2 AND key NOT IN (SELECT key FROM main.outbox)"
		    " ORDER BY id", "i", e, now);
	if (moved < 0 || run(s, "DELETE FROM other.outbox WHERE state <> 2", "", e) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		goto detach;
	}
	run(s, "DETACH other", "", e);
	return moved;
detach:
	run(s, "DETACH other", "", NULL);
	return -1;
}
