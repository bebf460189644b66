/* The sandbox database: opening (WAL, schema applied to a new file, reset),
 * the meta table (change counter, clock), transactions and statement
 * helpers shared by the operations. */
#ifndef MOTCUA_SBX_DB_H
#define MOTCUA_SBX_DB_H

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "sbx.h"

#define SBX_SCHEMA_VERSION 1

/* The schema (sandbox/schema.sql, embedded at build time). */
const char *sbx_schema_sql(void);

/* Open path (":memory:" for a private in-memory database), creating it with
 * the schema when it is new or empty; *created tells whether it was. With
 * reset, an existing sandbox database is deleted first (a file that is not
 * one is refused, never deleted). */
int sbx_db_open(const char *path, bool reset, sqlite3 **out, bool *created,
		struct err *e);
void sbx_db_close(sqlite3 *db);

/* Context set-up after the database is seeded: foreign keys on, change
 * counter present, clock read from meta (see sbx_clock_set). */
int sbx_init(struct sbx *s, sqlite3 *db, struct cal *cal,
	     struct sbx_faults *faults, struct err *e);
void sbx_destroy(struct sbx *s);

/* meta values as integers: 0 found, 1 missing, -1 error. */
int sbx_meta_get_int(sqlite3 *db, const char *key, int64_t *v);
int sbx_meta_set_int(sqlite3 *db, const char *key, int64_t v);

/* The next value of the change counter, stored; -1 on error. */
int64_t sbx_change_bump(struct sbx *s, struct sbx_error *e);
int64_t sbx_change_current(struct sbx *s);

/* Set the clock to `now` (running on from there, or frozen) and keep the
 * offset in meta so a restart continues the same sandbox time. */
int sbx_clock_set(struct sbx *s, int64_t now, bool frozen, struct err *e);

/* Nestable transactions (savepoints). */
int sbx_tx_begin(struct sbx *s, struct sbx_error *e);
int sbx_tx_commit(struct sbx *s, struct sbx_error *e);
void sbx_tx_rollback(struct sbx *s);

/* Statement helpers: prepare (NULL and e filled on error), bind text
 * (NULL binds NULL), and add column i of the current row to a JSON object
 * under key, typed by the column (NULL -> null). */
sqlite3_stmt *sbx_prep(struct sbx *s, const char *sql, struct sbx_error *e);
void sbx_bind_text(sqlite3_stmt *st, int i, const char *v);
void sbx_json_col(cJSON *o, const char *key, sqlite3_stmt *st, int i);
/* Column i as text, "" for NULL. */
const char *sbx_col_text(sqlite3_stmt *st, int i);
/* Every column of the current row, keyed by column name. */
cJSON *sbx_json_row(sqlite3_stmt *st);
/* Replace member old of object parent by repl under the same key (cJSON's
 * own replace-by-pointer drops the key). */
void sbx_json_replace(cJSON *parent, cJSON *old, cJSON *repl);

#endif
