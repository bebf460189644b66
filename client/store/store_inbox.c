#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/timer.h"
#include "core/xalloc.h"
#include "store.h"
#include "store_inbox.h"
#include "store_int.h"

/* The parts of the urgency order (store_inbox.h), with the parameters
 * ?1 now, ?2 today_end, ?3 apology, ?4 soon. Each is read through the
 * partial index of migration 6 that its first term matches, in its order,
 * so that reading a screenful stops after a screenful; named, because on
 * a store never analysed SQLite may rather scan the table and sort what
 * it finds, which reads every row. */
#define RUNNING "dossiers_running", "status IN (2, 4, 6)"
#define IDLE "dossiers_idle", "(status IS NULL OR status NOT IN (2, 4, 6)) AND due_at IS NOT NULL"
#define UNDATED_ROWS "dossiers_undated", "due_at IS NULL"
/* status_is_finished(): finished work comes after all work still to do */
#define FINISHED " AND status IN (3, 7, 8, 10)"
#define TO_DO " AND (status IS NULL OR status NOT IN (3, 7, 8, 10))"
enum { P_IDLE = 5, P_UNDATED, P_DONE, P_DONE_UNDATED };
static const struct {
	const char *index;
	const char *terms, *more;	/* its index's own terms, then the part's */
} parts[INBOXQ_PARTS] = {
	{ RUNNING, " AND due_at <= ?1" },
	{ RUNNING, " AND due_at > ?1 AND due_at <= ?2" },
	{ RUNNING, " AND due_at > ?2 AND due_at <= ?3 AND NOT apology_used" },
	{ RUNNING, " AND due_at > ?2 AND due_at <= ?4 AND (apology_used OR due_at > ?3)" },
	{ RUNNING, " AND due_at > ?4 AND (apology_used OR due_at > ?3)" },
	[P_IDLE] = { IDLE, TO_DO },
	[P_UNDATED] = { UNDATED_ROWS, TO_DO },
	[P_DONE] = { IDLE, FINISHED },
	[P_DONE_UNDATED] = { UNDATED_ROWS, FINISHED },
};

/* The parts without a due time are ordered by code alone. */
static bool undated(int part)
{
	return part == P_UNDATED || part == P_DONE_UNDATED;
}

/* The other parameters: ?5, ?6 the position to go on after, ?7 the login,
 * ?8 the procedure, ?9 the filter's phrase (FTS5 syntax) and ?12 as it is,
 * ?10 a limit, ?11 a code. */

/* motcua_match(hay): the query's test of a row's folded text. */
void store_sql_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);
	const char *hay = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	sqlite3_result_int(ctx, hay && s->q && s->q->match &&
			   s->q->match(s->q->arg, hay, (size_t)sqlite3_value_bytes(argv[0])));
}

/* Whether the index can find the phrase. */
static bool indexed(const struct inboxq *q)
{
	size_t chars = 0;

	/* the trigram tokenizer needs three characters to look anything up */
	for (const char *p = q->phrase; p && *p && chars < 3; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	return chars >= 3;
}

static bool filtered(const struct inboxq *q)
{
	return (q->phrase && *q->phrase) || q->match;
}

/* A part's rows: through its index, or from the few rows a rare phrase
 * is in (few_hits()), each looked up by its rowid and sorted. */
static void add_part(struct sb *sql, int part, bool few)
{
	if (few)
		sb_puts(sql, " FROM temp.inbox_hits h CROSS JOIN dossiers ON dossiers.rowid = h.rowid");
	else
		sb_printf(sql, " FROM dossiers INDEXED BY %s", parts[part].index);
	sb_printf(sql, " WHERE %s%s", parts[part].terms, parts[part].more);
}

/* What the phrase finds, looked up once per statement: it opens every
 * statement that add_filter() ends. */
static void add_hits(struct sb *sql, const struct inboxq *q, bool few)
{
	if (indexed(q) && !few)
		sb_puts(sql, "WITH hits AS MATERIALIZED (SELECT rowid FROM inbox_text WHERE inbox_text MATCH ?9) ");
}

/* The filter's terms, on a row of dossiers. */
static void add_filter(struct sb *sql, const struct inboxq *q, bool few)
{
	if (few)
		sb_puts(sql, " AND dossiers.rowid IN temp.inbox_hits");
	else if (indexed(q))
		sb_puts(sql, " AND rowid IN hits");
	else if (q->phrase && *q->phrase)
		sb_puts(sql, " AND instr((SELECT hay FROM inbox_text t WHERE t.rowid = dossiers.rowid), ?12)");
	if (q->match)
		sb_puts(sql, " AND motcua_match((SELECT hay FROM inbox_text t WHERE t.rowid = dossiers.rowid))");
}

/* The view's terms. */
static void add_view(struct sb *sql, const struct inboxq *q)
{
	if (q->statuses) {
		const char *sep = " AND status IN (";

		for (int st = 0; st <= ST_MAX; st++)
			if (q->statuses & 1u << st) {
				sb_printf(sql, "%s%d", sep, st);
				sep = ", ";
			}
		sb_addc(sql, ')');
	}
	if (q->mine)
		sb_puts(sql, " AND ifnull(assignee_login, assignee) = ?7 COLLATE NOCASE");
	if (q->proc)
		sb_puts(sql, " AND ifnull(procedure_code, ifnull(procedure_name, '')) = ?8");
}

static int prepare_bound(struct store *s, const struct inboxq *q, const char *sql,
			 const struct inboxq_pos *at, sqlite3_stmt **st, struct err *e)
{
	struct sb phrase = { 0 };

	if (store_prepare(s, sql, st, e) < 0)
		return -1;
	sqlite3_bind_int64(*st, 1, q->cut.now);
	sqlite3_bind_int64(*st, 2, q->cut.today_end);
	sqlite3_bind_int64(*st, 3, q->cut.apology);
	sqlite3_bind_int64(*st, 4, q->cut.soon);
	if (at) {
		sqlite3_bind_int64(*st, 5, at->due);
		sqlite3_bind_text(*st, 6, at->code, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_text(*st, 7, q->mine, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 8, q->proc, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 12, q->phrase, -1, SQLITE_STATIC);
	if (indexed(q)) {
		/* one FTS5 string: its quotes doubled */
		sb_addc(&phrase, '"');
		for (const char *p = q->phrase; *p; p++) {
			if (*p == '"')
				sb_addc(&phrase, '"');
			sb_addc(&phrase, *p);
		}
		sb_addc(&phrase, '"');
		sqlite3_bind_text(*st, 9, sb_str(&phrase), -1, SQLITE_TRANSIENT);
		sb_free(&phrase);
	}
	return 0;
}

/* Run a statement that returns no rows, bound as prepare_bound does. */
static int run_bound(struct store *s, const struct inboxq *q, const char *sql, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare_bound(s, q, sql, NULL, &st, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, _("cannot read the inbox"));
}

/* At most this many rows found by the index make a phrase rare. */
#define FEW_HITS 1024
/* The look-up reads the index a range of rowids at a time, sized to take
 * about this long (µs of CPU), from PROBE_ROWS rowids at first. */
#define PROBE_US 2000
#define PROBE_ROWS 4096

static int64_t data_version(struct store *s)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The hits kept are of the store as it is now (its changes here, and by
 * other connections). */
static void hits_mark(struct store *s, int64_t version)
{
	s->hits_changes = sqlite3_total_changes64(s->db);
	s->hits_version = version;
}

/* Start looking up q's phrase: temp.inbox_hits emptied, from the first
 * rowid of the text to its last. */
static int probe_start(struct store *s, const struct inboxq *q, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	free(s->hits_phrase);
	s->hits_phrase = NULL;
	if (sqlite3_exec(s->db, "CREATE TEMP TABLE IF NOT EXISTS inbox_hits (rowid INTEGER PRIMARY KEY);"
			 "DELETE FROM temp.inbox_hits", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_error(s, e, _("cannot read the inbox"));
	if (store_prepare(s, "SELECT ifnull(max(rowid), 0) FROM inbox_text", &st, e) < 0)
		return -1;
	rc = sqlite3_step(st);
	s->hits_end = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_sql_error(s, e, _("cannot read the inbox"));
	s->hits_phrase = xstrdup(q->phrase);
	s->hits_done = false;
	s->hits_last = s->hits_n = 0;
	s->hits_chunk = PROBE_ROWS;
	return 0;
}

/* Look on until the phrase is known to be in more than FEW_HITS rows or
 * the whole text is read, a range of rowids at a time, stopping when
 * until (timer_cpu_us(); 0: none) has passed. 1 when it is known, 0 when
 * the time was up first. */
static int probe_step(struct store *s, const struct inboxq *q, int64_t until, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare_bound(s, q, "INSERT INTO temp.inbox_hits SELECT rowid FROM inbox_text"
			  " WHERE inbox_text MATCH ?9 AND rowid > ?13 AND rowid <= ?14 LIMIT ?10", NULL, &st, e) < 0)
		return -1;
	while (s->hits_n <= FEW_HITS && s->hits_last < s->hits_end) {
		int64_t t0 = timer_cpu_us(), hi = s->hits_last + s->hits_chunk, spent;

		if (hi > s->hits_end)
			hi = s->hits_end;
		sqlite3_bind_int64(st, 10, FEW_HITS + 1 - s->hits_n);	/* one more than few: enough to know */
		sqlite3_bind_int64(st, 13, s->hits_last);
		sqlite3_bind_int64(st, 14, hi);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_sql_error(s, e, _("cannot read the inbox"));
		}
		s->hits_n += sqlite3_changes(s->db);
		s->hits_last = hi;
		/* the next range sized by what this one cost, growing at most
		 * fourfold: the postings are not spread evenly over the rowids */
		spent = timer_cpu_us() - t0;
		if (spent * 4 < PROBE_US)
			s->hits_chunk *= 4;
		else
			s->hits_chunk = s->hits_chunk * PROBE_US / spent;
		if (s->hits_chunk < 1024)
			s->hits_chunk = 1024;
		if (until && timer_cpu_us() >= until)
			break;
	}
	sqlite3_finalize(st);
	if (s->hits_n <= FEW_HITS && s->hits_last < s->hits_end)
		return 0;
	s->hits_done = true;
	s->hits_few = s->hits_n <= FEW_HITS;
	return 1;
}

/* Whether q's phrase is in FEW_HITS rows at most: then their rowids are
 * kept in temp.inbox_hits, and reads and counts start from them rather
 * than walk the urgency order's indexes (or the text) whole for a rare
 * text, an ID number say. Looked up once per phrase and state of the
 * store, in slices: until (timer_cpu_us(); 0: none) bounds this call,
 * since a phrase the index finds in few rows of a large store has it read
 * every posting of its trigrams (some 15 ms at a million dossiers), and
 * a key typed meanwhile must not wait for that. 1 when *few was known,
 * 2 when it is now (this call looked), 0 when the time was up first (the
 * next call goes on), -1 on error. */
static int few_hits(struct store *s, const struct inboxq *q, int64_t until, bool *few, struct err *e)
{
	int64_t version;
	bool same;
	int rc;

	*few = false;
	if (!indexed(q) || q->match)
		return 1;
	version = data_version(s);
	/* what temp.inbox_hits holds, or has begun to, is of the store as it is */
	same = s->hits_phrase && s->hits_changes == sqlite3_total_changes64(s->db) && s->hits_version == version;
	if (same && s->hits_done) {
		if (!strcmp(s->hits_phrase, q->phrase)) {
			*few = s->hits_few;
			return 1;
		}
		/* a key typed onto a rare phrase: its rows are among those */
		if (s->hits_few && strstr(q->phrase, s->hits_phrase)) {
			if (run_bound(s, q, "DELETE FROM temp.inbox_hits WHERE NOT instr("
				      "(SELECT hay FROM inbox_text t WHERE t.rowid = inbox_hits.rowid), ?12)", e) < 0)
				return -1;
			free(s->hits_phrase);
			s->hits_phrase = xstrdup(q->phrase);
			hits_mark(s, version);
			*few = true;
			return 2;
		}
	}
	/* a look-up of this phrase under way on the store as it is goes on;
	 * any other starts again */
	if ((!same || s->hits_done || strcmp(s->hits_phrase, q->phrase)) && probe_start(s, q, e) < 0)
		return -1;
	if ((rc = probe_step(s, q, until, e)) < 0)
		return -1;
	hits_mark(s, version);
	if (!rc)
		return 0;
	*few = s->hits_few;
	return 2;
}

void store_inbox_start(struct inboxq_pos *p)
{
	memset(p, 0, sizeof *p);
	p->part = -1;		/* before part 0: nothing to go on after */
}

int store_inbox_pos_cmp(const struct inboxq_pos *a, const struct inboxq_pos *b)
{
	/* as the parts' ORDER BY: the code compared as SQLite's BINARY does */
	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	if (a->part < 0 || a->part >= INBOXQ_PARTS)
		return 0;
	if (!undated(a->part) && a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* A filtered read tests each row in the select list, not in WHERE: every
 * row looked at comes back, kept or not, so that a read stopped by its
 * time limit knows where it stands and the next one goes on from there
 * rather than over the same rows again. */
static void add_test(struct sb *sql, const struct inboxq *q)
{
	sb_puts(sql, ", (SELECT 1");
	if (q->phrase && *q->phrase)
		sb_puts(sql, " AND instr(hay, ?12)");
	if (q->match)
		sb_puts(sql, " AND motcua_match(hay)");
	sb_puts(sql, " FROM inbox_text t WHERE t.rowid = dossiers.rowid)");
}

/* The few rows a rare phrase is in, each looked up once: its part
 * told by the parts' own terms, then sorted into the order (the
 * columns as read_rows() reads them). */
static void add_few(struct sb *sql, struct store *s, const struct inboxq *q, const struct inboxq_pos *at, bool back)
{
	const char *desc = back ? " DESC" : "";
	char cmp = back ? '<' : '>';

	sb_printf(sql, "SELECT * FROM (SELECT %s, due_at, CASE", s->cols);
	for (int part = 0; part < INBOXQ_PARTS; part++)
		sb_printf(sql, " WHEN %s%s THEN %d", parts[part].terms, parts[part].more, part);
	sb_puts(sql, " END AS part, apology_used FROM temp.inbox_hits h CROSS JOIN dossiers"
		" ON dossiers.rowid = h.rowid WHERE 1");
	add_view(sql, q);
	sb_puts(sql, ")");
	if (at->part >= 0)
		sb_printf(sql, undated(at->part) ? " WHERE part %c %d OR (part = %d AND code %c ?6)" :
			  " WHERE part %c %d OR (part = %d AND (due_at, code) %c (?5, ?6))",
			  cmp, at->part, at->part, cmp);
	sb_printf(sql, " ORDER BY part%s, due_at%s, code%s", desc, desc, desc);
}

/* One statement for the parts from at->part on (back: down to part 0,
 * each in reverse), the first after (before) *at. Returns 1 when it
 * reached the end (the start), 0 when it read n rows or its time (until,
 * timer_cpu_us(); 0: none) was up, -1 on error. */
static int read_rows(struct store *s, const struct inboxq *q, struct inboxq_pos *at, bool back,
		     int64_t until, struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
		     struct err *e)
{
	struct sb sql = { 0 };
	sqlite3_stmt *st;
	int rc, from = at->part, end = back ? -1 : INBOXQ_PARTS, step = back ? -1 : 1;
	const char *desc = back ? " DESC" : "";
	bool scan, few;
	unsigned looked = 0;

	*got = 0;
	if (from < 0)
		from = back ? -1 : 0;
	if (from >= INBOXQ_PARTS)
		from = back ? INBOXQ_PARTS - 1 : INBOXQ_PARTS;
	if (from == end)
		return 1;
	if (!n)
		return 0;
	/* the look-up of a rare phrase may take this read's time, or more:
	 * the next read goes on with it, and reads its rows */
	if ((rc = few_hits(s, q, until, &few, e)) <= 0)
		return rc;
	if (rc == 2 && until && timer_cpu_us() >= until)
		return 0;
	/* the few rows a rare phrase is in need no test */
	scan = filtered(q) && !few;
	if (few)
		add_few(&sql, s, q, at, back);
	for (int part = from; part != end && !few; part += step) {
		/* the limit in each part too: it keeps each part's order */
		sb_printf(&sql, "%sSELECT * FROM (SELECT %s, due_at, %d, apology_used", part != from ? " UNION ALL " : "",
			  s->cols, part);
		if (scan)
			add_test(&sql, q);
		add_part(&sql, part, false);
		if (part == at->part)
			sb_printf(&sql, undated(part) ? " AND code %c ?6" : " AND (due_at, code) %c (?5, ?6)",
				  back ? '<' : '>');
		add_view(&sql, q);
		if (undated(part))
			sb_printf(&sql, " ORDER BY code%s LIMIT ?10)", desc);
		else
			sb_printf(&sql, " ORDER BY due_at%s, code%s LIMIT ?10)", desc, desc);
	}
	sb_puts(&sql, " LIMIT ?10");
	rc = prepare_bound(s, q, sb_str(&sql), at, &st, e);
	sb_free(&sql);
	if (rc < 0)
		return -1;
	/* a scan reads on until it has kept n */
	sqlite3_bind_int64(st, 10, scan ? -1 : (int64_t)n);
	s->q = q;
	while (*got < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		at->due = sqlite3_column_int64(st, s->ncols);
		at->part = sqlite3_column_int(st, s->ncols + 1);
		snprintf(at->code, sizeof at->code, "%s", (const char *)sqlite3_column_text(st, 0));
		if (!scan || sqlite3_column_int(st, s->ncols + 3)) {
			struct dossier *d = &out[(*got)++];

			store_read_summary(st, d);
			/* what the band needs of the details: a date moved for
			 * an apology already has no apology left (deadline_band()) */
			if (sqlite3_column_int(st, s->ncols + 2)) {
				d->due_history = xcalloc(1, sizeof *d->due_history);
				d->due_history[0].reason = xstrdup("apology");
				d->ndue = 1;
			}
			if (each)
				each[*got - 1] = *at;
		}
		/* the clock read once every few rows, and not before 4n rows
		 * were looked at: a filter that keeps one row in four or more
		 * gets its n rows whatever the host's speed (a sanitizer's
		 * build, an old PC), at the cost of a few hundred rows */
		if (until && ++looked >= 4 * n && !(looked % 32) && timer_cpu_us() >= until)
			break;
	}
	s->q = NULL;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sql_error(s, e, _("cannot read the inbox"));
	if (rc == SQLITE_DONE) {
		if (back)
			store_inbox_start(at);
		else
			at->part = INBOXQ_PARTS;
		return 1;
	}
	return 0;
}

int store_inbox_rows(struct store *s, const struct inboxq *q, struct inboxq_pos *at,
		     struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
		     struct err *e)
{
	return read_rows(s, q, at, false, 0, out, each, n, got, e) < 0 ? -1 : 0;
}

int store_inbox_rows_before(struct store *s, const struct inboxq *q, struct inboxq_pos *at,
			    struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
			    struct err *e)
{
	return read_rows(s, q, at, true, 0, out, each, n, got, e) < 0 ? -1 : 0;
}

int store_inbox_rows_until(struct store *s, const struct inboxq *q, struct inboxq_pos *at, int64_t until,
			   struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
			   struct err *e)
{
	return read_rows(s, q, at, false, until, out, each, n, got, e);
}

/* The part a row is in: the parts' terms, in C. */
static int part_of(const struct inboxq_cuts *c, int status, bool dated, int64_t due, bool used)
{
	if (!dated)
		return status_is_finished(status) ? P_DONE_UNDATED : P_UNDATED;
	if (!status_clock_runs(status))
		return status_is_finished(status) ? P_DONE : P_IDLE;
	if (due <= c->now)
		return 0;
	if (due <= c->today_end)
		return 1;
	if (!used && due <= c->apology)
		return 2;
	return due <= c->soon ? 3 : 4;
}

static int count(struct store *s, const struct inboxq *q, const char *sql, const struct inboxq_pos *at,
		 int64_t *n, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare_bound(s, q, sql, at, &st, e) < 0)
		return -1;
	s->q = q;
	rc = sqlite3_step(st);
	s->q = NULL;
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_sql_error(s, e, _("cannot count the inbox"));
}

int store_inbox_index(struct store *s, const struct inboxq *q, const struct inboxq_pos *pos,
		      int64_t *index, struct err *e)
{
	struct sb sql = { 0 };
	int rc = 0;
	bool few;

	*index = 0;
	if (few_hits(s, q, 0, &few, e) < 0)
		return -1;
	/* the rows of the parts before, and of its own part before it */
	for (int part = 0; part <= pos->part && part < INBOXQ_PARTS; part++) {
		int64_t n = 0;

		sb_reset(&sql);
		add_hits(&sql, q, few);
		sb_puts(&sql, "SELECT count(*)");
		add_part(&sql, part, few);
		if (part == pos->part)
			sb_puts(&sql, undated(part) ? " AND code < ?6" : " AND (due_at, code) < (?5, ?6)");
		add_view(&sql, q);
		if (!few)
			add_filter(&sql, q, false);
		if ((rc = count(s, q, sb_str(&sql), pos, &n, e)) < 0)
			break;
		*index += n;
	}
	sb_free(&sql);
	return rc;
}

int store_inbox_find(struct store *s, const struct inboxq *q, const char *code,
		     int64_t *index, struct inboxq_pos *pos, struct err *e)
{
	struct sb sql = { 0 };
	sqlite3_stmt *st;
	int rc, found = 0;
	bool few;

	if (few_hits(s, q, 0, &few, e) < 0)
		return -1;
	add_hits(&sql, q, few);
	sb_puts(&sql, "SELECT status, due_at IS NOT NULL, due_at, apology_used FROM dossiers WHERE code = ?11");
	add_view(&sql, q);
	add_filter(&sql, q, few);
	rc = prepare_bound(s, q, sb_str(&sql), NULL, &st, e);
	sb_free(&sql);
	if (rc < 0)
		return -1;
	sqlite3_bind_text(st, 11, code, -1, SQLITE_STATIC);
	s->q = q;
	rc = sqlite3_step(st);
	s->q = NULL;
	if (rc == SQLITE_ROW) {
		found = 1;
		pos->due = sqlite3_column_int64(st, 2);
		pos->part = part_of(&q->cut, sqlite3_column_int(st, 0), sqlite3_column_int(st, 1),
				    pos->due, sqlite3_column_int(st, 3));
		snprintf(pos->code, sizeof pos->code, "%s", code);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sql_error(s, e, code);
	if (found && store_inbox_index(s, q, pos, index, e) < 0)
		return -1;
	return found;
}

/* Without a filter, the tally the triggers keep. */
static int count_tally(struct store *s, const struct inboxq *q, struct inboxq_counts *c, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare_bound(s, q, "SELECT status, sum(n), sum(CASE WHEN who = ?7 COLLATE NOCASE THEN n END),"
			  " sum(CASE WHEN proc = ?8 THEN n END) FROM inbox_tally GROUP BY status", NULL, &st, e) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int status = sqlite3_column_int(st, 0);
		int64_t n = sqlite3_column_int64(st, 1);

		c->by_status[status >= 0 && status <= ST_MAX ? status : 0] += n;
		c->all += n;
		c->mine += sqlite3_column_int64(st, 2);
		c->proc += sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, _("cannot count the inbox"));
}

void store_inbox_count_start(struct inboxq_count *k)
{
	memset(k, 0, sizeof *k);
}

/* With a filter, row by row in the order of the text's rowids, each
 * counted in C: where a slice stopped is the last rowid it saw, and the
 * next one goes on after it. The index narrows to the rows the phrase
 * is in; what it cannot find, the test in the select list decides. */
int store_inbox_count_step(struct store *s, const struct inboxq *q, struct inboxq_count *k, int64_t until,
			   struct err *e)
{
	struct sb sql = { 0 };
	sqlite3_stmt *st;
	unsigned looked = 0;
	bool few;
	int rc;

	if (k->done)
		return 1;
	if (!filtered(q)) {
		memset(&k->c, 0, sizeof k->c);
		if (count_tally(s, q, &k->c, e) < 0)
			return -1;
		k->done = true;
		return 1;
	}
	if ((rc = few_hits(s, q, until, &few, e)) <= 0)
		return rc;	/* the time was up first: nothing counted yet */
	sb_puts(&sql, "SELECT t.rowid, d.status, ifnull(d.assignee_login, d.assignee) = ?7 COLLATE NOCASE,"
		" ifnull(d.procedure_code, ifnull(d.procedure_name, '')) = ?8, 1");
	if (!indexed(q) && q->phrase && *q->phrase)
		sb_puts(&sql, " AND instr(t.hay, ?12)");
	if (q->match)
		sb_puts(&sql, " AND motcua_match(t.hay)");
	if (few)
		/* the few rows found: no text to read */
		sb_puts(&sql, " FROM temp.inbox_hits t CROSS JOIN dossiers d ON d.rowid = t.rowid WHERE t.rowid > ?13");
	else
		sb_puts(&sql, " FROM inbox_text t CROSS JOIN dossiers d ON d.rowid = t.rowid WHERE t.rowid > ?13");
	if (indexed(q) && !few)
		sb_puts(&sql, " AND inbox_text MATCH ?9");
	sb_puts(&sql, " ORDER BY t.rowid");
	rc = prepare_bound(s, q, sb_str(&sql), NULL, &st, e);
	sb_free(&sql);
	if (rc < 0)
		return -1;
	sqlite3_bind_int64(st, 13, k->last);
	s->q = q;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k->last = sqlite3_column_int64(st, 0);
		if (sqlite3_column_int(st, 4)) {
			int status = sqlite3_column_int(st, 1);

			k->c.by_status[status >= 0 && status <= ST_MAX ? status : 0]++;
			k->c.all++;
			k->c.mine += sqlite3_column_int(st, 2);
			k->c.proc += sqlite3_column_int(st, 3);
		}
		if (until && !(++looked % 32) && timer_cpu_us() >= until)
			break;
	}
	s->q = NULL;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sql_error(s, e, _("cannot count the inbox"));
	k->done = rc == SQLITE_DONE;
	return k->done;
}

int store_inbox_counts(struct store *s, const struct inboxq *q, struct inboxq_counts *c, struct err *e)
{
	struct inboxq_count k;
	int rc;

	store_inbox_count_start(&k);
	rc = store_inbox_count_step(s, q, &k, 0, e);
	*c = k.c;
	return rc < 0 ? -1 : 0;
}

int store_inbox_procs(struct store *s, struct inboxq_proc **v, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 16;
	int rc;

	*n = 0;
	if (store_prepare(s, "SELECT proc, min(nullif(name, '')), sum(n) AS c FROM inbox_tally"
			  " GROUP BY proc HAVING c > 0 ORDER BY c DESC, proc", &st, e) < 0)
		return -1;
	*v = xmalloc(cap * sizeof **v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);

		if (*n == cap)
			*v = xrealloc(*v, (cap *= 2) * sizeof **v);
		(*v)[*n].key = xstrdup(key ? key : "");
		/* unnamed: the code stands for the name, as in the summary */
		(*v)[*n].name = name ? xstrdup(name) : key && *key ? xstrdup(key) : NULL;
		(*v)[(*n)++].n = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_inbox_procs_free(*v, *n);
		*v = NULL;
		*n = 0;
		return store_sql_error(s, e, _("cannot list the inbox's procedures"));
	}
	return 0;
}

void store_inbox_procs_free(struct inboxq_proc *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].name);
	}
	free(v);
}

int store_inbox_ending(struct store *s, const char *tail,
		       bool (*fn)(void *arg, const char *code, const char *shown), void *arg, struct err *e)
{
	struct sb pattern = { 0 }, line = { 0 };
	struct inboxq q = { 0 };
	sqlite3_stmt *st;
	char folded[512];
	int rc;

	/* LIKE narrows (ASCII in any case, as the caller compares); its own
	 * wildcards in the tail stand for themselves */
	sb_addc(&pattern, '%');
	for (const char *p = tail; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			sb_addc(&pattern, '\\');
		sb_addc(&pattern, *p);
	}
	/* the number shown is the first line of a dossier's folded text:
	 * the trigram index finds the lines that end with the tail */
	fold_text(folded, sizeof folded, tail, strlen(tail));
	sb_printf(&line, "%s\n", folded);
	q.phrase = sb_str(&line);
	rc = prepare_bound(s, &q, indexed(&q) ?
			   "WITH hits AS MATERIALIZED (SELECT rowid FROM inbox_text WHERE inbox_text MATCH ?9)"
			   " SELECT code, ifnull(number, code) AS shown FROM dossiers"
			   " WHERE rowid IN hits AND shown LIKE ?13 ESCAPE '\\'"
			   /* an API's own id, whole */
			   " UNION SELECT code, ifnull(number, code) FROM dossiers WHERE code = ?11"
			   " ORDER BY 2, 1" :
			   /* a character: every code and number read */
			   "SELECT code, ifnull(number, code) AS shown FROM dossiers"
			   " WHERE shown LIKE ?13 ESCAPE '\\' OR code LIKE ?13 ESCAPE '\\' ORDER BY 2, 1",
			   NULL, &st, e);
	if (rc == 0) {
		sqlite3_bind_text(st, 11, tail, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, sb_str(&pattern), -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
		       fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1)))
			;
		sqlite3_finalize(st);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_error(s, e, _("cannot look up a dossier code"));
	}
	sb_free(&pattern);
	sb_free(&line);
	return rc;
}

int store_inbox_assignees(struct store *s, unsigned statuses,
			  void (*fn)(void *arg, const char *login, const char *name), void *arg,
			  struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	/* each login once, named as on its dossier with the first code */
	if (store_prepare(s, "SELECT assignee_login, assignee, min(code) AS first FROM dossiers"
			  " WHERE assignee_login <> '' AND ?1 >> status & 1 GROUP BY assignee_login ORDER BY first",
			  &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, statuses);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sql_error(s, e, _("cannot list the colleagues"));
}
