/* Private to the store's files (store.c, store_inbox.c): the handle and
 * the helpers they share. */
#ifndef MOTCUA_STORE_INT_H
#define MOTCUA_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

struct inboxq;

struct store {
	sqlite3 *db;
	char *path;
	int schema;
	char *cols;		/* the summary columns, "code, procedure_code, ..." */
	int ncols;
	const struct inboxq *q;	/* the inbox query running, for motcua_match() */
	/* the phrase whose rows temp.inbox_hits holds when they are few
	 * (store_inbox.c), and the store's state it was looked up in; while
	 * the look-up is under way (!hits_done), the text rowids it has
	 * read up to, the last one there is, the rows found so far and the
	 * rowids it reads at a time */
	char *hits_phrase;
	bool hits_few, hits_done;
	int64_t hits_changes, hits_version;
	int64_t hits_last, hits_end, hits_n, hits_chunk;
	sqlite3_stmt *put_summary, *put_whole, *put_hay, *meta_get, *meta_set, *version_get;
	sqlite3_stmt *rekey_text, *rekey_row, *rekey_outbox;
	bool full;		/* the last error was a full disk */
};

/* The text the inbox filter searches (the number the clerk sees, not the
 * API's id), one folded field per line, made by
 * the SQL function motcua_hay() the store registers on its connection. */
#define STORE_HAY "motcua_hay(ifnull(number, code), applicant_name, applicant_id, procedure_code, procedure_name)"

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e);
/* The summary columns of a row (selected as s->cols, from column 0). */
void store_read_summary(sqlite3_stmt *st, struct dossier *d);

/* motcua_match(hay), registered with the store as user data: the test
 * of the inbox query running (store_inbox.c). */
void store_sql_match(sqlite3_context *ctx, int argc, sqlite3_value **argv);

#endif
