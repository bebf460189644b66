/* The local store (DESIGN.md section 6): one SQLite database per server and
 * user, in WAL mode, readable only by its owner. It keeps the dossiers seen
 * (summaries in columns, so start-up reads 10,000 of them at once; the
 * details as JSON), the sync validators, the outbox (outbox.h), the audit
 * log of national-data lookups and the deadline notices given (notify.h).
 * The schema is versioned (PRAGMA user_version) and upgraded in place by
 * migrations. */
#ifndef MOTCUA_STORE_H
#define MOTCUA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/model.h"

struct store;
struct sqlite3;

/* The schema version this build writes. */
#define STORE_SCHEMA 9

/* Where a store lives (store_where.c): $XDG_DATA_HOME/motcua/<server>/<user>.db
 * (~/.local/share when XDG_DATA_HOME is unset). <server> is "@" and the
 * server's identity when it has one (api_server_id), else its host and
 * port ("127.0.0.1_8470"). store_path only names it and creates nothing:
 * nothing is written before a login succeeded. */
int store_path(const char *server_url, const char *server_id, const char *user, char *buf,
	       size_t len, struct err *e);
/* After a login: the same path, with its folders made (mode 0700). With
 * an identity, the host and port's folder of stores from before becomes
 * the identity's (when it has none yet) and stays as a link to it, so a
 * start at that address finds the store before reaching the server. */
int store_settle(const char *server_url, const char *server_id, const char *user, char *buf,
		 size_t len, struct err *e);
/* The other stores of this user (not the file mine) that hold actions
 * not delivered, of this server: the same identity, or made before
 * identities with the same profile (or none recorded). */
struct store_other {
	char *path;
	int64_t waiting;	/* undelivered outbox entries */
};
int store_others(const char *mine, const char *server_id, const char *profile, const char *user,
		 struct store_other **v, size_t *n, struct err *e);
void store_others_free(struct store_other *v, size_t n);
/* Whether s is that file (through any link). */
bool store_is_file(const struct store *s, const char *path);

/* Open or create (mode 0600) and migrate. Refuses a store written by a
 * newer motcua, and a file that is not one. STORE_MEMORY: a store of the
 * process's own, in memory, gone when closed. */
#define STORE_MEMORY ":memory:"
struct store *store_open(const char *path, struct err *e);
void store_close(struct store *s);
const char *store_file(const struct store *s);
int store_schema(const struct store *s);	/* user_version after migration */

/* One transaction around many writes: durable at store_commit(). */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Small values that survive restarts: sync cursor, ETag, times. */
bool store_meta_get(struct store *s, const char *key, char *buf, size_t len);
int64_t store_meta_int(struct store *s, const char *key);	/* 0 if absent */
int store_meta_set(struct store *s, const char *key, const char *value, struct err *e);
int store_meta_set_int(struct store *s, const char *key, int64_t value, struct err *e);

/* Insert or update a dossier. A summary (no lists: as a list returns it)
 * never erases what is known of it; a whole dossier (whole = true, as
 * get_dossier returns it) replaces it, details included. seen marks the
 * full sync that saw it (store_forget_unseen). */
int store_put_dossier(struct store *s, const struct dossier *d, bool whole, int64_t seen,
		      struct err *e);
/* After a complete full listing: drop the dossiers it did not return
 * (finished elsewhere, moved to another agency), unless the outbox still
 * holds an action on them. Returns how many were dropped. */
int store_forget_unseen(struct store *s, int64_t seen, struct err *e);
/* How many store_forget_unseen would drop (0 on an error). */
int64_t store_count_unseen(struct store *s, int64_t seen);
/* How many different dossiers the full sync `seen` stored (0 on an error). */
int64_t store_count_seen(struct store *s, int64_t seen);

/* Every dossier's summary, for the inbox (details left out). */
int store_load_dossiers(struct store *s, struct dossier **items, size_t *n, struct err *e);
/* One dossier with its details if they were ever read: 1 found, 0 not
 * in the store, -1 error. *whole says whether the details are current.
 * code is its code, or else its number (struct dossier). */
int store_get_dossier(struct store *s, const char *code, struct dossier *d, bool *whole,
		      struct err *e);
int64_t store_count_dossiers(struct store *s);
/* Whether the store holds a dossier of that code. */
bool store_has_dossier(struct store *s, const char *code);
/* The stored version of a dossier: 1 found, 0 not (or no version). */
int store_version(struct store *s, const char *code, char *buf, size_t len);

/* The audit log: every national-data lookup, who, when, which register,
 * which ID, for which dossier and purpose, and what came of it. */
struct audit_entry {
	int64_t at;
	const char *user, *reg, *subject, *dossier, *purpose, *outcome;
};
int store_audit_add(struct store *s, const struct audit_entry *a, struct err *e);

/* The procedure catalog (store_catalog.c). A whole catalog replaces the
 * one kept (procedures no longer listed go, with their details); a
 * procedure's detail is kept beside its summary until the catalog drops
 * it. Loaded sorted by field, then code; a procedure whose detail is known
 * comes whole (components, fields, parts). */
int store_put_catalog(struct store *s, const struct procedure *items, int n, int64_t now,
		      struct err *e);
int store_load_catalog(struct store *s, struct procedure **items, int *n, struct err *e);
int store_put_procedure(struct store *s, const struct procedure *p, int64_t now, struct err *e);
/* The procedure's detail: 1 found, 0 only a summary or nothing, -1 error.
 * *at: when it was stored. */
int store_get_procedure(struct store *s, const char *code, struct procedure *p, int64_t *at,
			struct err *e);
/* The first procedure by code after `after` ("": from the start) whose
 * detail is missing, or older than the catalog entry it was read for (a
 * catalog that changed its summary): 1 found (code, which may be after's
 * buffer), 0 none, -1 error. */
int store_catalog_stale(struct store *s, const char *after, char *code, size_t len, struct err *e);

/* For the outbox, which lives in the same database. */
/* ---- indicators (store_stats.c) ---- */

/* One dossier for the indicators: its summary fields only (the strings
 * valid during the call), with the number of supplement rounds and of
 * apologies in its due-date history. */
typedef void (*store_stats_fn)(void *arg, const struct dossier *d, int supplements,
			       int apologies);
/* Every dossier received in [from, to), or resolved (result ready or
 * returned) or closed (refused, withdrawn, stopped) in it, to fn in no
 * set order. */
int store_stats_scan(struct store *s, int64_t from, int64_t to,
		     store_stats_fn fn, void *arg, struct err *e);

/* The open dossiers (a running clock and a due time) counted by deadline
 * band, in the order of enum band (desk/deadline.h: overdue, today,
 * apology, soon, in time), at the bounds of one instant (struct
 * inboxq_cuts, store_inbox.h, as deadline_cuts() fills them), for the
 * whole desk or per clerk (key->assignee) or per procedure
 * (key->procedure_code and _name); key's strings are valid during the
 * call. Reads index ranges only, however many dossiers are open. */
#define STORE_BANDS 5
enum store_stats_key {
	STORE_STATS_DESK,
	STORE_STATS_CLERK,
	STORE_STATS_PROCEDURE,
};
struct inboxq_cuts;
typedef void (*store_open_fn)(void *arg, const struct dossier *key, const long *bands);
int store_stats_open(struct store *s, const struct inboxq_cuts *cut, enum store_stats_key key,
		     store_open_fn fn, void *arg, struct err *e);

struct sqlite3 *store_db(struct store *s);
/* What went wrong with the last statement, said in e (a full disk says
 * so first: the clerk can mend that); -1. */
int store_sql_error(struct store *s, struct err *e, const char *what);
/* Whether the last error store_sql_error reported was a full disk
 * (SQLITE_FULL, or a write that met ENOSPC or a quota): nothing more can
 * be saved until space is freed, and the same write can then go again.
 * Asked once: the answer is forgotten, so it never outlives its error. */
bool store_take_full(struct store *s);

#endif
