#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "sbx_db.h"
#include "sbx_ops_int.h"
#include "sbx_util.h"

static const char schema_sql[] =
#include "schema_sql.h"
	;

const char *sbx_schema_sql(void)
{
	return schema_sql;
}

int sbx_fail(struct sbx_error *e, enum sbx_ekind kind, const char *code,
	     const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->kind = kind;
	snprintf(e->code, sizeof e->code, "%s", code);
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return -1;
}

int sbx_fail_db(struct sbx_error *e, sqlite3 *db)
{
	return sbx_fail(e, SBX_E_INTERNAL, "internal", NULL, "database error: %s",
			sqlite3_errmsg(db));
}

/* ---- opening ------------------------------------------------------------ */

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);
	char *f;

	(void)argc;
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	f = sbx_fold((const char *)t);
	sqlite3_result_text(ctx, f, -1, free);
}

/* Whether path holds a sandbox database we may delete: it has our tables,
 * or it is an empty file. */
static bool is_sandbox_db(const char *path)
{
	struct stat st;
	sqlite3 *db;
	sqlite3_stmt *q = NULL;
	bool ok = false;

	if (stat(path, &st) == 0 && st.st_size == 0)
		return true;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return false;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
			       " AND name IN ('meta', 'dossiers', 'procedures')",
			       -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		ok = sqlite3_column_int(q, 0) == 3;
	sqlite3_finalize(q);
	sqlite3_close(db);
	return ok;
}

static int remove_db(const char *path, struct err *e)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

	if (access(path, F_OK) != 0)
		return 0;
	if (!is_sandbox_db(path))
		return err_set(e, _("%s is not a sandbox database; --reset does not delete it"),
			       path);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char p[4096];

		snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
		if (unlink(p) != 0 && errno != ENOENT)
			return err_set(e, _("cannot delete %s: %s"), p, strerror(errno));
	}
	return 0;
}

static int exec(sqlite3 *db, const char *sql, struct err *e)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int query_int(sqlite3 *db, const char *sql, int64_t *v)
{
	sqlite3_stmt *q;
	int rc = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW) {
		*v = sqlite3_column_int64(q, 0);
		rc = 0;
	}
	sqlite3_finalize(q);
	return rc;
}

int sbx_db_open(const char *path, bool reset, sqlite3 **out, bool *created,
		struct err *e)
{
	bool memory = !strcmp(path, ":memory:");
	sqlite3 *db = NULL;
	int64_t tables, version;

	*out = NULL;
	*created = false;
	if (reset && !memory && remove_db(path, e) < 0)
		return -1;
	/* NOMUTEX: every use is serialised by struct sbx's lock already. */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		err_set(e, _("cannot open the database %s: %s"), path,
			db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_extended_result_codes(db, 1);
	if (query_int(db, "SELECT count(*) FROM sqlite_master", &tables) < 0) {
		err_set(e, _("%s is not a usable SQLite database: %s"), path,
			sqlite3_errmsg(db));
		goto fail;
	}
	/* The whole training database fits in memory: a page cache and a map
	 * that large keep list queries off read(2). */
	if ((!memory && exec(db, "PRAGMA journal_mode = WAL", e) < 0) ||
	    exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
		 " PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY", e) < 0)
		goto fail_prefix;
	if (tables == 0) {
		if (exec(db, "BEGIN", e) < 0)
			goto fail_prefix;
		if (exec(db, schema_sql, e) < 0) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			err_prefix(e, _("%s: cannot create the schema: "), path);
			goto fail;
		}
		if (exec(db, "COMMIT", e) < 0)
			goto fail_prefix;
		*created = true;
	} else if (query_int(db, "PRAGMA user_version", &version) < 0 ||
		   version != SBX_SCHEMA_VERSION) {
		err_set(e, _("%s has schema version %lld, this sandbox needs %d (start with --reset to recreate it)"),
			path, (long long)version, SBX_SCHEMA_VERSION);
		goto fail;
	}
	if (sqlite3_create_function(db, "sbx_fold", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    fold_fn, NULL, NULL) != SQLITE_OK) {
		err_set(e, "%s", sqlite3_errmsg(db));
		goto fail;
	}
	*out = db;
	return 0;
fail_prefix:
	err_prefix(e, "%s: ", path);
fail:
	sqlite3_close(db);
	return -1;
}

void sbx_db_close(sqlite3 *db)
{
	sqlite3_close(db);
}

/* ---- meta, counter, clock ----------------------------------------------- */

int sbx_meta_get_int(sqlite3 *db, const char *key, int64_t *v)
{
	sqlite3_stmt *q;
	int rc = 1;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &q,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	switch (sqlite3_step(q)) {
	case SQLITE_ROW:
		if (sbx_parse_int(sbx_col_text(q, 0), INT64_MIN + 1, INT64_MAX, v) < 0)
			rc = -1;
		else
			rc = 0;
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = -1;
	}
	sqlite3_finalize(q);
	return rc;
}

int sbx_meta_set_int(sqlite3 *db, const char *key, int64_t v)
{
	sqlite3_stmt *q;
	char num[24];
	int rc;

	if (sqlite3_prepare_v2(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)"
			       " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
			       -1, &q, NULL) != SQLITE_OK)
		return -1;
	snprintf(num, sizeof num, "%lld", (long long)v);
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, num, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(q);
	return rc;
}

int64_t sbx_change_current(struct sbx *s)
{
	int64_t v = 0;

	return sbx_meta_get_int(s->db, "change_seq", &v) == 0 ? v : 0;
}

int64_t sbx_change_bump(struct sbx *s, struct sbx_error *e)
{
	int64_t v = sbx_change_current(s) + 1;

	if (sbx_meta_set_int(s->db, "change_seq", v) < 0)
		return sbx_fail_db(e, s->db);
	return v;
}

static int64_t real_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec;
}

int64_t sbx_now(const struct sbx *s)
{
	return s->clock_frozen ? s->clock_frozen_at : real_now() + s->clock_offset;
}

int sbx_clock_set(struct sbx *s, int64_t now, bool frozen, struct err *e)
{
	s->clock_offset = now - real_now();
	s->clock_frozen = frozen;
	s->clock_frozen_at = now;
	if (sbx_meta_set_int(s->db, "clock_offset", s->clock_offset) < 0 ||
	    sbx_meta_set_int(s->db, "clock_frozen", frozen ? now : 0) < 0)
		return err_set(e, _("cannot store the clock: %s"), sqlite3_errmsg(s->db));
	return 0;
}

/* The database's identity, made at its first start. */
static int server_id(struct sbx *s, struct err *e)
{
	sqlite3_stmt *q;
	char hex[17];
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'server_id'", -1, &q,
			       NULL) != SQLITE_OK)
		return err_set(e, "%s", sqlite3_errmsg(s->db));
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		snprintf(s->server_id, sizeof s->server_id, "%s", sbx_col_text(q, 0));
	sqlite3_finalize(q);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return err_set(e, "%s", sqlite3_errmsg(s->db));
	if (sbx_random_hex(hex, 8, e) < 0)
		return -1;
	snprintf(s->server_id, sizeof s->server_id, "sandbox-%s", hex);
	if (sqlite3_prepare_v2(s->db, "INSERT INTO meta (key, value) VALUES ('server_id', ?1)", -1, &q,
			       NULL) != SQLITE_OK)
		return err_set(e, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_text(q, 1, s->server_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : err_set(e, _("cannot store the server's identity: %s"),
					       sqlite3_errmsg(s->db));
}

int sbx_init(struct sbx *s, sqlite3 *db, struct cal *cal,
	     struct sbx_faults *faults, struct err *e)
{
	int64_t v;

	memset(s, 0, sizeof *s);
	s->db = db;
	s->cal = cal;
	s->faults = faults;
	s->body_limit = SBX_BODY_LIMIT;
	atomic_init(&s->stopping, false);
	pthread_mutex_init(&s->lock, NULL);
	if (exec(db, "PRAGMA foreign_keys = ON", e) < 0)
		return -1;
	/* A database seeded or filled by hand may lack the counter: start it
	 * above every dossier's change_seq so cursors stay monotonic. */
	if (sbx_meta_get_int(db, "change_seq", &v) == 1) {
		if (query_int(db, "SELECT COALESCE(MAX(change_seq), 0) FROM dossiers", &v) < 0 ||
		    sbx_meta_set_int(db, "change_seq", v) < 0)
			return err_set(e, "%s", sqlite3_errmsg(db));
	}
	if (server_id(s, e) < 0)
		return -1;
	if (sbx_meta_get_int(db, "clock_offset", &v) == 0)
		s->clock_offset = v;
	if (sbx_meta_get_int(db, "clock_frozen", &v) == 0 && v > 0) {
		s->clock_frozen = true;
		s->clock_frozen_at = v;
	}
	return 0;
}

void sbx_destroy(struct sbx *s)
{
	sbx_listings_free(s);
	pthread_mutex_destroy(&s->lock);
}

/* ---- transactions and statements ---------------------------------------- */

int sbx_tx_begin(struct sbx *s, struct sbx_error *e)
{
	if (sqlite3_exec(s->db, "SAVEPOINT sbx", NULL, NULL, NULL) != SQLITE_OK)
		return sbx_fail_db(e, s->db);
	return 0;
}

int sbx_tx_commit(struct sbx *s, struct sbx_error *e)
{
	if (sqlite3_exec(s->db, "RELEASE sbx", NULL, NULL, NULL) != SQLITE_OK) {
		sbx_fail_db(e, s->db);
		sbx_tx_rollback(s);
		return -1;
	}
	return 0;
}

void sbx_tx_rollback(struct sbx *s)
{
	sqlite3_exec(s->db, "ROLLBACK TO sbx; RELEASE sbx", NULL, NULL, NULL);
}

sqlite3_stmt *sbx_prep(struct sbx *s, const char *sql, struct sbx_error *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		sbx_fail_db(e, s->db);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

void sbx_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

const char *sbx_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

void sbx_json_col(cJSON *o, const char *key, sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		cJSON_AddNumberToObject(o, key, (double)sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT:
		cJSON_AddNumberToObject(o, key, sqlite3_column_double(st, i));
		break;
	case SQLITE_NULL:
		cJSON_AddNullToObject(o, key);
		break;
	default:
		cJSON_AddStringToObject(o, key, sbx_col_text(st, i));
	}
}

cJSON *sbx_json_row(sqlite3_stmt *st)
{
	cJSON *o = cJSON_CreateObject();
	int n = sqlite3_column_count(st);

	for (int i = 0; i < n; i++)
		sbx_json_col(o, sqlite3_column_name(st, i), st, i);
	return o;
}

void sbx_json_replace(cJSON *parent, cJSON *old, cJSON *repl)
{
	if (old->string && !(old->type & cJSON_StringIsConst))
		repl->string = xstrdup(old->string);
	cJSON_ReplaceItemViaPointer(parent, old, repl);
}
