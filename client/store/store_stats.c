#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store.h"

/* Every dossier a period's indicators can count: received, finished or
 * last changed in it, or open now (its deadline band). Supplement rounds
 * and apologies come from the due-date history of the details the store
 * holds (JSON, store.c); a summary without details counts none. */
static const char stats_sql[] =
	"SELECT status, channel, received_at, due_at, finished_at, updated_at,"
	" procedure_code, procedure_name, assignee,"
	" CASE WHEN detail IS NULL THEN 0 ELSE"
	"  (SELECT count(*) FROM json_each(detail, '$.due_history') j"
	"   WHERE json_extract(j.value, '$.reason') = 'supplement') END,"
	" CASE WHEN detail IS NULL THEN 0 ELSE"
	"  (SELECT count(*) FROM json_each(detail, '$.due_history') j"
	"   WHERE json_extract(j.value, '$.reason') = 'apology') END,"
	" CASE WHEN detail IS NULL THEN NULL ELSE"
	"  json_extract(detail, '$.due_history[#-1].reason') END"
	" FROM dossiers WHERE (received_at >= ?1 AND received_at < ?2)"
	" OR (finished_at >= ?1 AND finished_at < ?2)"
	" OR (updated_at >= ?1 AND updated_at < ?2) OR status IN (2, 4, 6)";

static char *col_text(sqlite3_stmt *st, int i)
{
	return (char *)sqlite3_column_text(st, i);
}

int store_stats_scan(struct store *s, int64_t from, int64_t to,
		     store_stats_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(store_db(s), stats_sql, -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "stats");
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct due_change last = { .reason = col_text(st, 11) };
		struct dossier d;

		memset(&d, 0, sizeof d);
		if (last.reason) {
			d.due_history = &last;
			d.ndue = 1;
		}
		d.status = sqlite3_column_int(st, 0);
		d.channel = sqlite3_column_int(st, 1);
		d.received_at = sqlite3_column_int64(st, 2);
		d.due_at = sqlite3_column_int64(st, 3);
		d.finished_at = sqlite3_column_int64(st, 4);
		d.updated_at = sqlite3_column_int64(st, 5);
		/* the row's own text, valid until the next step */
		d.procedure_code = col_text(st, 6);
		d.procedure_name = col_text(st, 7);
		d.assignee = col_text(st, 8);
		fn(arg, &d, sqlite3_column_int(st, 9), sqlite3_column_int(st, 10));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, "stats");
}
