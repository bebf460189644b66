#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store.h"
#include "store_inbox.h"

_Static_assert(ST_REFUSED == 3 && ST_WITHDRAWN == 7 && ST_STOPPED == 8 &&
	       ST_RESULT_READY == 9 && ST_RETURNED == 10,
	       "the statuses that migration 9's partial indexes name");

/* The dossiers a period's events count: received, resolved or closed in
 * it, each range read through its own index of migration 9 (named: on a
 * store never analysed SQLite may rather scan the table), and a dossier
 * in two of them once. Supplement rounds and apologies come from the
 * due-date history of the details the store holds (JSON, store.c); a
 * summary without details counts none. */
static const char period_sql[] =
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
	" FROM dossiers WHERE rowid IN ("
	"  SELECT rowid FROM dossiers INDEXED BY dossiers_received"
	"   WHERE received_at >= ?1 AND received_at < ?2"
	"  UNION SELECT rowid FROM dossiers INDEXED BY dossiers_resolved"
	"   WHERE status IN (9, 10) AND finished_at >= ?1 AND finished_at < ?2"
	"  UNION SELECT rowid FROM dossiers INDEXED BY dossiers_closed"
	"   WHERE status IN (3, 7, 8) AND updated_at >= ?1 AND updated_at < ?2)";

static char *col_text(sqlite3_stmt *st, int i)
{
	return (char *)sqlite3_column_text(st, i);
}

int store_stats_scan(struct store *s, int64_t from, int64_t to,
		     store_stats_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(store_db(s), period_sql, -1, &st, NULL) != SQLITE_OK)
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

/* The bands of the running dossiers as the inbox's parts (store_inbox.c)
 * bound them, with ?1 now, ?2 today_end, ?3 apology, ?4 soon; a FILTER
 * clause stops at its first false term, so only the few dossiers due near
 * the apology's bound have their details read for apology_used. */
#define BAND_COUNTS \
	" count(*) FILTER (WHERE due_at <= ?1)," \
	" count(*) FILTER (WHERE due_at > ?1 AND due_at <= ?2)," \
	" count(*) FILTER (WHERE due_at > ?2 AND due_at <= ?3 AND NOT apology_used)," \
	" count(*) FILTER (WHERE due_at > ?2 AND due_at <= ?4 AND (apology_used OR due_at > ?3))," \
	" count(*) FILTER (WHERE due_at > ?4 AND (apology_used OR due_at > ?3))"
#define RUNNING(index) " FROM dossiers INDEXED BY " index \
	" WHERE status IN (2, 4, 6) AND due_at IS NOT NULL"

/* Per key, an index that holds the key and the due time, so that the
 * counting reads no table row (but the few near the apology's bound). */
static const char *const open_sql[] = {
	[STORE_STATS_DESK] = "SELECT NULL, NULL," BAND_COUNTS RUNNING("dossiers_running"),
	[STORE_STATS_CLERK] = "SELECT assignee, NULL," BAND_COUNTS RUNNING("dossiers_running_clerk")
			      " GROUP BY assignee",
	[STORE_STATS_PROCEDURE] = "SELECT procedure_code, procedure_name," BAND_COUNTS
				  RUNNING("dossiers_running_proc")
				  " GROUP BY procedure_code, procedure_name",
};

int store_stats_open(struct store *s, const struct inboxq_cuts *cut, enum store_stats_key key,
		     store_open_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(store_db(s), open_sql[key], -1, &st, NULL) != SQLITE_OK)
		return store_sql_error(s, e, "stats");
	sqlite3_bind_int64(st, 1, cut->now);
	sqlite3_bind_int64(st, 2, cut->today_end);
	sqlite3_bind_int64(st, 3, cut->apology);
	sqlite3_bind_int64(st, 4, cut->soon);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dossier d;
		long n[STORE_BANDS];

		memset(&d, 0, sizeof d);
		if (key == STORE_STATS_CLERK)
			d.assignee = col_text(st, 0);
		d.procedure_code = key == STORE_STATS_PROCEDURE ? col_text(st, 0) : NULL;
		d.procedure_name = col_text(st, 1);
		for (int b = 0; b < STORE_BANDS; b++)
			n[b] = (long)sqlite3_column_int64(st, 2 + b);
		fn(arg, &d, n);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, "stats");
}
