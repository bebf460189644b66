#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/fields_json.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "store.h"
#include "store_int.h"

/* What inbox_tally counts a row under: its status (0: none), its
 * assignee's login or name, its procedure's key (as store_inbox_procs
 * gives it) and name ("" for none). */
#define TALLY_KEY(r) "ifnull(" r ".status, 0), ifnull(ifnull(" r ".assignee_login, " r ".assignee), ''), " \
	"ifnull(" r ".procedure_code, ifnull(" r ".procedure_name, '')), ifnull(" r ".procedure_name, '')"
#define TALLY_ADD(r) "INSERT INTO inbox_tally VALUES (" TALLY_KEY(r) ", 1)" \
	" ON CONFLICT DO UPDATE SET n = n + 1;"
#define TALLY_SUB(r) "UPDATE inbox_tally SET n = n - 1 WHERE (status, who, proc, name) = (" TALLY_KEY(r) ");"

/* How long a store waits for another process's lock before it fails. */
#define STORE_BUSY_MS 5000

/* Migrations, in order: migrations[i] takes the schema from version i to
 * i + 1. Never edit one that has shipped; add the next. */
static const char *const migrations[] = {
	/* 1: dossiers, sync state, outbox */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE dossiers ("
	" code TEXT PRIMARY KEY, procedure_code TEXT, procedure_name TEXT, agency TEXT,"
	" applicant_name TEXT, applicant_id TEXT, applicant_phone TEXT, applicant_email TEXT,"
	" applicant_address TEXT, proxy_name TEXT, proxy_id TEXT, step TEXT, assignee TEXT,"
	" status INTEGER, channel INTEGER, fee INTEGER, submitted_at INTEGER,"
	" received_at INTEGER, due_at INTEGER, finished_at INTEGER, returned_at INTEGER,"
	" updated_at INTEGER, version TEXT, allowed_actions INTEGER,"
	" detail TEXT, detail_version TEXT, seen INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE outbox ("
	" id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, code TEXT NOT NULL,"
	" action TEXT NOT NULL, args TEXT NOT NULL, version TEXT,"
	" state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, error TEXT,"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
	"CREATE INDEX outbox_state ON outbox (state, id);",
	/* 2: the audit log of national-data lookups */
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT, register TEXT NOT NULL,"
	" subject TEXT NOT NULL, dossier TEXT, purpose TEXT, outcome TEXT NOT NULL);",
	/* 3: the assignee's login, for "assigned to me" */
	"ALTER TABLE dossiers ADD COLUMN assignee_login TEXT;",
	/* 4: which deadline notices were given, per dossier and due time
	 * (notify.c), so none is repeated at the next poll or start */
	"CREATE TABLE notified (code TEXT PRIMARY KEY, due_at INTEGER NOT NULL,"
	" kinds INTEGER NOT NULL) WITHOUT ROWID;",
	/* 5: the procedure catalog and the procedures' details, so the catalog
	 * and the intake form work offline (store_catalog.c); the number of
	 * sets and the legal processing time, for the receipt */
	"ALTER TABLE dossiers ADD COLUMN copies INTEGER;"
	"ALTER TABLE dossiers ADD COLUMN days_text TEXT;"
	"CREATE TABLE procedures ("
	" code TEXT PRIMARY KEY, field TEXT, summary TEXT NOT NULL, detail TEXT,"
	" detail_at INTEGER, seen INTEGER NOT NULL DEFAULT 0);",
	/* 6: the due time, so the deadline notices (notify.c) read only the
	 * dossiers near a band change, not every one */
	"CREATE INDEX dossiers_due ON dossiers (due_at);",
	/* 7: the number shown when the API addresses dossiers by an id of
	 * its own (fields.dossier.number); code stays the key, and the rows
	 * kept from before read as numbered by their code */
	"ALTER TABLE dossiers ADD COLUMN number TEXT;"
	"CREATE INDEX dossiers_number ON dossiers (number);",
	/* 8: the inbox read on demand (store_inbox.c): an index per part of
	 * the urgency order (open dossiers whose clock runs, the others, those
	 * without a due time); the views' counts kept by triggers, per status,
	 * assignee and procedure, so that counting does not read every row;
	 * and the filter's folded text in a trigram index. The clock runs in
	 * statuses 2, 4 and 6 (STORE_CLOCK below checks it against vocab.h). */
	"ALTER TABLE dossiers ADD COLUMN apology_used INTEGER"
	" AS (json_extract(detail, '$.due_history[#-1].reason') IS 'apology');"
	"CREATE INDEX dossiers_running ON dossiers (due_at, code) WHERE status IN (2, 4, 6);"
	"CREATE INDEX dossiers_idle ON dossiers (due_at, code)"
	" WHERE (status IS NULL OR status NOT IN (2, 4, 6));"
	"CREATE INDEX dossiers_undated ON dossiers (code) WHERE due_at IS NULL;"
	"CREATE TABLE inbox_tally (status INTEGER NOT NULL, who TEXT NOT NULL, proc TEXT NOT NULL,"
	" name TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (status, who, proc, name)) WITHOUT ROWID;"
	"CREATE TRIGGER inbox_tally_in AFTER INSERT ON dossiers BEGIN " TALLY_ADD("new") " END;"
	"CREATE TRIGGER inbox_tally_out AFTER DELETE ON dossiers BEGIN " TALLY_SUB("old") " END;"
	"CREATE TRIGGER inbox_tally_move AFTER UPDATE OF status, assignee_login, assignee,"
	" procedure_code, procedure_name ON dossiers BEGIN "
	TALLY_SUB("old") TALLY_ADD("new") " END;"
	"INSERT INTO inbox_tally SELECT " TALLY_KEY("dossiers") ", 1 FROM dossiers WHERE 1"
	" ON CONFLICT DO UPDATE SET n = n + 1;"
	/* case-sensitive: the text is folded already, so a phrase found is
	 * exactly the folded text's substring, as the filter means it */
	"CREATE VIRTUAL TABLE inbox_text USING fts5 (hay, tokenize = 'trigram case_sensitive 1');"
	"INSERT INTO inbox_text (rowid, hay) SELECT rowid, " STORE_HAY " FROM dossiers;",
	/* 9: the desk's indicators read by index ranges (store_stats.c):
	 * what was received, resolved (result ready or returned: 9, 10) or
	 * closed (refused, withdrawn, stopped: 3, 7, 8) in a period, and
	 * the running dossiers per clerk and per procedure in due order,
	 * so that a period costs its own dossiers, not the store's history */
	"CREATE INDEX dossiers_received ON dossiers (received_at);"
	"CREATE INDEX dossiers_resolved ON dossiers (finished_at) WHERE status IN (9, 10);"
	"CREATE INDEX dossiers_closed ON dossiers (updated_at) WHERE status IN (3, 7, 8);"
	"CREATE INDEX dossiers_running_clerk ON dossiers (assignee, due_at)"
	" WHERE status IN (2, 4, 6);"
	"CREATE INDEX dossiers_running_proc ON dossiers (procedure_code, procedure_name, due_at)"
	" WHERE status IN (2, 4, 6);",
};

#define STORE_CLOCK(id, code, name, label, open, clock) | (clock ? 1u << code : 0u)
_Static_assert((0u STATUSES(STORE_CLOCK)) == (1u << 2 | 1u << 4 | 1u << 6),
	       "the statuses whose clock runs are those migration 6 indexes");

_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA,
	       "STORE_SCHEMA is the number of migrations");

int store_sql_error(struct store *s, struct err *e, const char *what)
{
	int sys = sqlite3_system_errno(s->db);

	s->full = sqlite3_errcode(s->db) == SQLITE_FULL ||
		  (sqlite3_errcode(s->db) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT));
	if (s->full)
		return err_set(e, _("the disk is full: the local store %s cannot save (%s: %s)"), s->path,
			       what, sqlite3_errmsg(s->db));
	return err_set(e, _("local store %s: %s: %s"), s->path, what, sqlite3_errmsg(s->db));
}

bool store_take_full(struct store *s)
{
	bool full = s->full;

	s->full = false;
	return full;
}

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

const char *store_file(const struct store *s)
{
	return s->path;
}

int store_schema(const struct store *s)
{
	return s->schema;
}

/* ---- open ---- */

static int exec(struct store *s, const char *sql, struct err *e)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, sql);
	return 0;
}

/* motcua_hay(field, ...): the fields folded (fold.h), one per line, as
 * the inbox filter searches them; NULL fields are empty lines. */
static void sql_hay(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	size_t size = 1, pos = 0;
	char *out;

	for (int i = 0; i < argc; i++)
		size += (size_t)sqlite3_value_bytes(argv[i]) + 1;
	out = xmalloc(size);
	for (int i = 0; i < argc; i++) {
		const char *t = (const char *)sqlite3_value_text(argv[i]);

		if (i)
			out[pos++] = '\n';
		if (t)
			pos += fold_text(out + pos, size - pos, t, strlen(t));
	}
	out[pos] = '\0';
	sqlite3_result_text(ctx, out, (int)pos, free);
}

/* PRAGMA user_version; -1 if it cannot be read. */
static int schema_version(struct store *s)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Switching a new store to WAL takes a lock SQLite does not wait for
 * with its busy handler: two processes opening a new store together (the
 * client and a batch sync) would see "database is locked". Wait here. */
static int wal(struct store *s, struct err *e)
{
	for (int waited = 0;; waited += 10) {
		int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);

		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= STORE_BUSY_MS)
			return store_sql_error(s, e, "PRAGMA journal_mode = WAL");
		sqlite3_sleep(10);
	}
}

static int migrate(struct store *s, struct err *e)
{
	int have = schema_version(s), want = (int)(sizeof migrations / sizeof migrations[0]);

	if (have < 0)
		return store_sql_error(s, e, _("cannot read the schema version"));
	if (have > want)
		return err_set(e, _("local store %s has schema version %d, newer than this motcua knows (%d): "
				    "use a newer motcua, or move the file away to start afresh"),
			       s->path, have, want);
	for (int v = have; v < want; v++) {
		char pragma[64];

		/* each step and its version number commit together */
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (exec(s, "BEGIN IMMEDIATE", e) < 0)
			return -1;
		/* another process opening the same new store may have taken
		 * this step while this one waited for the lock */
		if (schema_version(s) > v) {
			if (exec(s, "COMMIT", e) < 0)
				return -1;
			continue;
		}
		if (exec(s, migrations[v], e) < 0 || exec(s, pragma, e) < 0) {
			exec(s, "ROLLBACK", NULL);
			return err_prefix(e, _("upgrading to schema version %d: "), v + 1);
		}
		if (exec(s, "COMMIT", e) < 0)
			return -1;
	}
	s->schema = want;
	return 0;
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e)
{
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, sql);
	return 0;
}

/* The summary columns are the dossier's scalar fields, named as in
 * fields.c, so a field added to the model is stored by adding its column. */
static int prepare_statements(struct store *s, struct err *e)
{
	struct sb cols = { 0 }, qs = { 0 }, upd = { 0 }, all = { 0 }, sql = { 0 };
	int rc;

	for (const struct fdef *f = target_dossier.fields; f->name; f++) {
		const char *sep = s->ncols ? ", " : "";

		if (f->kind == FK_LIST)
			continue;
		sb_printf(&cols, "%s%s", sep, f->name);
		sb_printf(&qs, "%s?", sep);
		/* what a summary lacks stays known, except the actions allowed,
		 * which belong to the version they came with */
		if (f->kind == FK_ACTIONS)
			sb_printf(&upd, "%s%s = CASE WHEN excluded.%s IS NOT NULL THEN excluded.%s "
				  "WHEN excluded.version IS version THEN %s END",
				  upd.len ? ", " : "", f->name, f->name, f->name, f->name);
		else if (strcmp(f->name, "code"))
			sb_printf(&upd, "%s%s = coalesce(excluded.%s, %s)",
				  upd.len ? ", " : "", f->name, f->name, f->name);
		if (strcmp(f->name, "code"))
			sb_printf(&all, "%s = excluded.%s, ", f->name, f->name);
		s->ncols++;
	}
	s->cols = sb_take(&cols);
	/* the details stay too: stale ones are better than none offline,
	 * and detail_version says they are stale */
	sb_printf(&sql,
		  "INSERT INTO dossiers (%s, seen) VALUES (%s, ?) ON CONFLICT (code) DO UPDATE SET %s, "
		  "seen = max(seen, excluded.seen)", s->cols, sb_str(&qs), sb_str(&upd));
	rc = store_prepare(s, sb_str(&sql), &s->put_summary, e);
	sb_reset(&sql);
	/* a whole dossier replaces what is known of it, but not the mark of
	 * the full sync that listed it: read apart during that sync (the
	 * dossier open on the clerk's screen), it must not pass for unlisted;
	 * an upsert, not a replace: the row keeps its rowid, which its folded
	 * text in inbox_text is filed under */
	sb_printf(&sql,
		  "INSERT INTO dossiers (%s, seen, detail, detail_version) VALUES (%s, ?, ?, ?) "
		  "ON CONFLICT (code) DO UPDATE SET %sseen = max(seen, excluded.seen), "
		  "detail = excluded.detail, detail_version = excluded.detail_version",
		  s->cols, sb_str(&qs), sb_str(&all));
	if (rc == 0)
		rc = store_prepare(s, sb_str(&sql), &s->put_whole, e);
	if (rc == 0)
		rc = store_prepare(s, "INSERT OR REPLACE INTO inbox_text (rowid, hay) SELECT rowid, "
				   STORE_HAY " FROM dossiers WHERE code = ?", &s->put_hay, e);
	if (rc == 0)
		rc = store_prepare(s, "SELECT value FROM meta WHERE key = ?", &s->meta_get, e);
	if (rc == 0)
		rc = store_prepare(s, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", &s->meta_set, e);
	if (rc == 0)
		rc = store_prepare(s, "SELECT version FROM dossiers WHERE code = ?", &s->version_get, e);
	if (rc == 0)
		rc = store_prepare(s, "DELETE FROM inbox_text WHERE rowid IN "
				   "(SELECT rowid FROM dossiers WHERE code = ?1 AND number IS NULL)",
				   &s->rekey_text, e);
	if (rc == 0)
		rc = store_prepare(s, "DELETE FROM dossiers WHERE code = ?1 AND number IS NULL", &s->rekey_row, e);
	if (rc == 0)
		rc = store_prepare(s, "UPDATE outbox SET code = ?2 WHERE code = ?1 AND state < 2",
				   &s->rekey_outbox, e);
	sb_free(&qs);
	sb_free(&upd);
	sb_free(&all);
	sb_free(&sql);
	return rc;
}

/* SQLite's process-wide memory settings, before its first connection
 * (sqlite3_config refuses them once SQLite is initialised, which is then
 * harmless: the defaults hold). Each clerk's session is a process of its
 * own on a shared host, so what SQLite keeps privately is paid per clerk:
 * - a sort (the filter's count per status) keeps at most 64 pages in
 *   memory before it spills, not SQLite's 250 (1 MB): over 100,000
 *   matches the peak is 1 MB lower, over a million no higher (fewer
 *   pages make more runs to merge, each with its own buffer);
 * - a connection's lookaside, the slots SQLite writes all of as it opens,
 *   is 40 slots of 512 B (20 KiB) instead of 100 of 1,200 (120 KiB). */
static void sqlite_once(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_PMASZ, 64u);
	sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 512, 40);
}

struct store *store_open(const char *path, struct err *e)
{
	struct store *s = xcalloc(1, sizeof *s);
	int fd;

	s->path = xstrdup(path);
	/* created by hand, so its mode is 0600 whatever the umask; SQLite
	 * gives the -wal and -shm files the database file's mode */
	fd = strcmp(path, STORE_MEMORY) ? open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -2;
	if (fd == -1) {
		err_set(e, _("cannot open the local store %s: %s"), path, strerror(errno));
		goto fail;
	}
	if (fd >= 0 && fchmod(fd, 0600) < 0) {
		err_set(e, _("cannot make the local store %s private: %s"), path, strerror(errno));
		close(fd);
		goto fail;
	}
	if (fd >= 0)
		close(fd);
	sqlite_once();
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_sql_error(s, e, _("cannot open"));
		goto fail;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);	/* a batch sync and the client may share it */
	if (sqlite3_create_function(s->db, "motcua_hay", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				    SQLITE_INNOCUOUS, NULL, sql_hay, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(s->db, "motcua_match", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, s,
				    store_sql_match, NULL, NULL) != SQLITE_OK) {
		store_sql_error(s, e, _("cannot register the store's functions"));
		goto fail;
	}
	/* FULL: a queued action is on disk when the outbox says it is */
	if (wal(s, e) < 0 || exec(s, "PRAGMA synchronous = FULL", e) < 0 ||
	    exec(s, "PRAGMA foreign_keys = ON", e) < 0 ||
	    /* 128 KiB, not SQLite's 2 MB: the inbox reads a screenful at a
	     * time through indexes, whose upper pages are all a cache keeps
	     * hot; the rest is in the system's file cache, shared, where a
	     * page is a read away, while this cache is each session's own */
	    exec(s, "PRAGMA cache_size = -128", e) < 0) {
		if (sqlite3_errcode(s->db) == SQLITE_NOTADB)
			err_set(e, _("%s is not a motcua local store (not an SQLite database): "
				     "move it away to start afresh"), path);
		goto fail;
	}
	if (migrate(s, e) < 0 || prepare_statements(s, e) < 0)
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->put_summary);
	sqlite3_finalize(s->put_whole);
	sqlite3_finalize(s->put_hay);
	sqlite3_finalize(s->meta_get);
	sqlite3_finalize(s->meta_set);
	sqlite3_finalize(s->version_get);
	sqlite3_finalize(s->rekey_text);
	sqlite3_finalize(s->rekey_row);
	sqlite3_finalize(s->rekey_outbox);
	sqlite3_close(s->db);
	free(s->cols);
	free(s->hits_phrase);
	free(s->path);
	free(s);
}

int store_begin(struct store *s, struct err *e)
{
	return exec(s, "BEGIN IMMEDIATE", e);
}

int store_commit(struct store *s, struct err *e)
{
	return exec(s, "COMMIT", e);
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- meta ---- */

bool store_meta_get(struct store *s, const char *key, char *buf, size_t len)
{
	bool found = false;

	sqlite3_bind_text(s->meta_get, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s->meta_get) == SQLITE_ROW) {
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(s->meta_get, 0));
		found = true;
	}
	sqlite3_reset(s->meta_get);
	return found;
}

int64_t store_meta_int(struct store *s, const char *key)
{
	char buf[32];

	return store_meta_get(s, key, buf, sizeof buf) ? strtoll(buf, NULL, 10) : 0;
}

int store_meta_set(struct store *s, const char *key, const char *value, struct err *e)
{
	int rc;

	sqlite3_bind_text(s->meta_set, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->meta_set, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s->meta_set);
	sqlite3_reset(s->meta_set);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, key);
}

int store_meta_set_int(struct store *s, const char *key, int64_t value, struct err *e)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", (long long)value);
	return store_meta_set(s, key, buf, e);
}

/* ---- dossiers ---- */

/* Bind the summary columns in order; 0 and NULL are "not known". */
static int bind_summary(sqlite3_stmt *st, const struct dossier *d)
{
	int i = 1;

	for (const struct fdef *f = target_dossier.fields; f->name; f++) {
		switch (f->kind) {
		case FK_LIST:
			continue;
		case FK_STR:
		case FK_VERSION:
		case FK_TEXT:
			sqlite3_bind_text(st, i, *FIELD_AT(d, f, char *), -1, SQLITE_STATIC);
			break;
		case FK_TIME:
			if (*FIELD_AT(d, f, int64_t))
				sqlite3_bind_int64(st, i, *FIELD_AT(d, f, int64_t));
			else
				sqlite3_bind_null(st, i);
			break;
		case FK_MONEY:
			sqlite3_bind_int64(st, i, *FIELD_AT(d, f, long long));
			break;
		case FK_ACTIONS:
			if (*FIELD_AT(d, f, unsigned))
				sqlite3_bind_int64(st, i, *FIELD_AT(d, f, unsigned));
			else
				sqlite3_bind_null(st, i);
			break;
		default:	/* the int kinds */
			if (*FIELD_AT(d, f, int))
				sqlite3_bind_int(st, i, *FIELD_AT(d, f, int));
			else
				sqlite3_bind_null(st, i);
			break;
		}
		i++;
	}
	return i;
}

#define SUMMARY_MAX 64	/* summary columns */

/* The strings go into one block (dossier.pack): one allocation instead of
 * a dozen per dossier saves a good part of the memory of a large inbox. */
void store_read_summary(sqlite3_stmt *st, struct dossier *d)
{
	const unsigned char *text[SUMMARY_MAX];
	size_t len[SUMMARY_MAX], size = 0;
	char *p;
	int i = 0;

	for (const struct fdef *f = target_dossier.fields; f->name; f++) {
		if (f->kind == FK_LIST)
			continue;
		if (i == SUMMARY_MAX)
			abort();	/* the model outgrew SUMMARY_MAX */
		if (f->kind == FK_STR || f->kind == FK_VERSION || f->kind == FK_TEXT) {
			/* text first, then its length: the order SQLite documents */
			text[i] = sqlite3_column_text(st, i);
			len[i] = text[i] ? (size_t)sqlite3_column_bytes(st, i) + 1 : 0;
			size += len[i];
		}
		i++;
	}
	p = d->pack = size ? xmalloc(size) : NULL;
	i = 0;
	for (const struct fdef *f = target_dossier.fields; f->name; f++) {
		switch (f->kind) {
		case FK_LIST:
			continue;
		case FK_STR:
		case FK_VERSION:
		case FK_TEXT:
			*FIELD_AT(d, f, char *) = text[i] ? p : NULL;
			if (text[i]) {
				memcpy(p, text[i], len[i]);
				p += len[i];
			}
			break;
		case FK_TIME:
			*FIELD_AT(d, f, int64_t) = sqlite3_column_int64(st, i);
			break;
		case FK_MONEY:
			*FIELD_AT(d, f, long long) = sqlite3_column_int64(st, i);
			break;
		case FK_ACTIONS:
			*FIELD_AT(d, f, unsigned) = (unsigned)sqlite3_column_int64(st, i);
			break;
		default:
			*FIELD_AT(d, f, int) = sqlite3_column_int(st, i);
			break;
		}
		i++;
	}
}

/* A dossier kept by its number (a profile before fields.dossier.number)
 * that now comes by its id: the old row goes, the undelivered actions on
 * it follow the id. */
static int rekey(struct store *s, const struct dossier *d, struct err *e)
{
	sqlite3_stmt *st[] = { s->rekey_text, s->rekey_row, s->rekey_outbox };
	int rc = SQLITE_DONE;

	if (!d->number || !d->number[0] || !strcmp(d->number, d->code))
		return 0;
	for (size_t i = 0; i < sizeof st / sizeof st[0] && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st[i], 1, d->number, -1, SQLITE_STATIC);
		if (st[i] == s->rekey_outbox)
			sqlite3_bind_text(st[i], 2, d->code, -1, SQLITE_STATIC);
		rc = sqlite3_step(st[i]);
		sqlite3_reset(st[i]);
		sqlite3_clear_bindings(st[i]);
	}
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, d->number);
}

int store_put_dossier(struct store *s, const struct dossier *d, bool whole, int64_t seen, struct err *e)
{
	sqlite3_stmt *st = whole ? s->put_whole : s->put_summary;
	char *detail = NULL;
	int i, rc;

	if (!d->code || !d->code[0])
		return err_set(e, "%s", _("a dossier without a code cannot be stored"));
	/* the row and its text together, and one commit for both when the
	 * caller began no transaction */
	if (exec(s, "SAVEPOINT put", e) < 0)
		return -1;
	if (rekey(s, d, e) < 0) {
		exec(s, "ROLLBACK TO put", NULL);
		exec(s, "RELEASE put", NULL);
		return -1;
	}
	i = bind_summary(st, d);
	sqlite3_bind_int64(st, i++, seen);
	if (whole) {
		cJSON *o = fields_to_json(&target_dossier, d, true);

		detail = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		sqlite3_bind_text(st, i++, detail, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, i, d->version, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	free(detail);
	if (rc == SQLITE_DONE) {
		/* the filter's text, from the row as it now is (a summary
		 * keeps what it does not carry) */
		sqlite3_bind_text(s->put_hay, 1, d->code, -1, SQLITE_STATIC);
		rc = sqlite3_step(s->put_hay);
		sqlite3_reset(s->put_hay);
	}
	if (rc != SQLITE_DONE) {
		store_sql_error(s, e, d->code);
		exec(s, "ROLLBACK TO put", NULL);
		exec(s, "RELEASE put", NULL);
		return -1;
	}
	return exec(s, "RELEASE put", e);
}

/* The dossiers a full listing of generation ? did not return, less those
 * the outbox still holds an action on. */
#define UNSEEN "seen < ? AND code NOT IN (SELECT code FROM outbox WHERE state < 2)"

int store_forget_unseen(struct store *s, int64_t seen, struct err *e)
{
	static const char *const sql[] = {
		"DELETE FROM inbox_text WHERE rowid IN (SELECT rowid FROM dossiers WHERE " UNSEEN ")",
		"DELETE FROM dossiers WHERE " UNSEEN,
	};
	int dropped = 0;

	/* the text goes with its row, in one step whoever began the transaction */
	if (exec(s, "SAVEPOINT forget", e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;
		int rc;

		if (store_prepare(s, sql[i], &st, e) < 0)
			goto fail;
		sqlite3_bind_int64(st, 1, seen);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			store_sql_error(s, e, _("cannot drop the dossiers no longer listed"));
			goto fail;
		}
		dropped = sqlite3_changes(s->db);
	}
	if (exec(s, "RELEASE forget", e) < 0)
		goto fail;
	return dropped;
fail:
	exec(s, "ROLLBACK TO forget", NULL);
	exec(s, "RELEASE forget", NULL);
	return -1;
}

int store_load_dossiers(struct store *s, struct dossier **items, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	char sql[2048];
	size_t cap = (size_t)store_count_dossiers(s) + 1, k = 0;
	struct dossier *v;
	int rc;

	snprintf(sql, sizeof sql, "SELECT %s FROM dossiers", s->cols);
	if (store_prepare(s, sql, &st, e) < 0)
		return -1;
	v = xcalloc(cap, sizeof *v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[k], 0, sizeof v[k]);
		store_read_summary(st, &v[k++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		dossiers_free(v, k);
		return store_sql_error(s, e, _("cannot read the dossiers"));
	}
	*items = v;
	*n = k;
	return 0;
}

#define SWAP_LIST(a, b, list, count) do { \
		void *t_ = (a)->list; int n_ = (a)->count; \
		(a)->list = (b)->list; (a)->count = (b)->count; \
		(b)->list = t_; (b)->count = n_; \
	} while (0)

int store_get_dossier(struct store *s, const char *code, struct dossier *d, bool *whole, struct err *e)
{
	sqlite3_stmt *st;
	char sql[2048];
	int rc, found = 0;

	/* the clerk may name it by the number shown */
	snprintf(sql, sizeof sql, "SELECT %s, detail, detail_version IS version FROM dossiers "
		 "WHERE code = ?1 OR number = ?1 ORDER BY code IS ?1 DESC LIMIT 1", s->cols);
	if (store_prepare(s, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	memset(d, 0, sizeof *d);
	*whole = false;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, s->ncols);
		cJSON *o = detail ? cJSON_Parse(detail) : NULL;
		struct dossier full = { 0 };
		struct err ignored;

		found = 1;
		store_read_summary(st, d);
		/* the lists from the last whole read; the summary columns are
		 * newer. Details we cannot read are dropped: the summary stands. */
		if (o && fields_from_json(&target_dossier, o, &full, &ignored) == 0) {
			SWAP_LIST(d, &full, components, ncomponents);
			SWAP_LIST(d, &full, due_history, ndue);
			SWAP_LIST(d, &full, log, nlog);
			*whole = sqlite3_column_int(st, s->ncols + 1);
		}
		dossier_free(&full);
		cJSON_Delete(o);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sql_error(s, e, code);
	return found;
}

bool store_has_dossier(struct store *s, const char *code)
{
	bool found;

	/* the version's statement: a row without a version is still a row */
	sqlite3_bind_text(s->version_get, 1, code, -1, SQLITE_STATIC);
	found = sqlite3_step(s->version_get) == SQLITE_ROW;
	sqlite3_reset(s->version_get);
	return found;
}

int store_version(struct store *s, const char *code, char *buf, size_t len)
{
	int found = 0;

	sqlite3_bind_text(s->version_get, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(s->version_get) == SQLITE_ROW && sqlite3_column_text(s->version_get, 0)) {
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(s->version_get, 0));
		found = 1;
	}
	sqlite3_reset(s->version_get);
	return found;
}

int store_audit_add(struct store *s, const struct audit_entry *a, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "INSERT INTO audit (at, user, register, subject, dossier, purpose, outcome) "
		       "VALUES (?, ?, ?, ?, ?, ?, ?)", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, a->at);
	sqlite3_bind_text(st, 2, a->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->reg, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->dossier, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, a->purpose, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, a->outcome, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, _("cannot write the audit log"));
}

static int64_t count_where(struct store *s, const char *sql, int64_t seen)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, seen);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int64_t store_count_unseen(struct store *s, int64_t seen)
{
	return count_where(s, "SELECT count(*) FROM dossiers WHERE " UNSEEN, seen);
}

int64_t store_count_seen(struct store *s, int64_t seen)
{
	return count_where(s, "SELECT count(*) FROM dossiers WHERE seen >= ?", seen);
}

int64_t store_count_dossiers(struct store *s)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM dossiers", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
