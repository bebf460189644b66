/* The inbox read from the store on demand (store_inbox.h): the order, the
 * views, the filter, the counts, the procedures and finding a code give
 * what the inbox computes in memory (deadline_sort() and friends) on the
 * same dossiers, at instants that put them in every band. */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/fold.h"
#include "core/xalloc.h"
#include "desk/deadline.h"
#include "desk/filter.h"
#include "store/store.h"
#include "store/store_inbox.h"

#define N 400

static char dir[256], db[4200];
static struct cal *cal;
static struct dossier mem[N];	/* what the store holds, in memory */

static const char *const names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn \"Tâm\"", NULL };
static const char *const procs[] = { "P-1", "P-2", NULL, "P-3" };

static unsigned seed = 1;
static int rnd(int n)
{
	seed = seed * 1103515245 + 12345;
	return (int)((seed >> 8) % (unsigned)n);
}

/* Dossiers in every status, due from ten days ago to ten days on (some
 * not at all), some whole with their date moved once for an apology. */
static void make(struct store *s, int64_t base)
{
	struct err e = { "" };

	ck_assert_int_eq(store_begin(s, &e), 0);
	for (int i = 0; i < N; i++) {
		struct dossier *d = &mem[i];
		char code[32];
		bool whole = rnd(4) == 0;

		memset(d, 0, sizeof *d);
		/* codes that are not in any order the due times are */
		snprintf(code, sizeof code, "C-%03d", (i * 7919) % 1000);
		d->code = xstrdup(code);
		d->status = rnd(11);	/* 0: unknown */
		d->due_at = rnd(8) ? base + (rnd(20 * 24) - 10 * 24) * 3600 + rnd(4) * 900 : 0;
		if (i % 9 == 0 && i)
			d->due_at = mem[i - 1].due_at;	/* ties go by code */
		d->applicant_name = names[rnd(3)] ? xstrdup(names[rnd(3)]) : NULL;
		if (rnd(3))
			d->applicant_id = xstrdup(rnd(2) ? "001085012345" : "079190000111");
		if (procs[i % 4]) {
			d->procedure_code = xstrdup(procs[i % 4]);
			d->procedure_name = xstrdup(i % 3 ? "Đăng ký khai sinh" : "Cấp bản sao");
		}
		if (rnd(3) == 0)
			d->assignee_login = xstrdup(rnd(2) ? "CBTN01" : "other");
		else if (rnd(2))
			d->assignee = xstrdup("cbtn01");
		if (whole && rnd(2)) {
			d->ndue = 1;
			d->due_history = xcalloc(1, sizeof *d->due_history);
			d->due_history[0].reason = xstrdup(rnd(2) ? "apology" : "supplement");
		}
		d->version = xstrdup("1");
		ck_assert_msg(store_put_dossier(s, d, whole, 1, &e) == 0, "%s", e.msg);
	}
	ck_assert_int_eq(store_commit(s, &e), 0);
}

static struct store *s;

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/motcua-inboxq.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/t.db", dir);
	cal = cal_new();
	s = store_open(db, &(struct err){ "" });
	ck_assert_ptr_nonnull(s);
	seed = 1;
	make(s, cal_join(2025, 12, 10, 10, 0, 0));
}

static void teardown(void)
{
	char cmd[400];

	store_close(s);
	for (int i = 0; i < N; i++)
		dossier_free(&mem[i]);
	cal_free(cal);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Instants that put dossiers in every band: a weekday morning, the last
 * minutes of a working day, a Saturday, the night. */
static const int64_t *instants(void)
{
	static int64_t t[5];

	t[0] = cal_join(2025, 12, 10, 10, 0, 0);
	t[1] = cal_join(2025, 12, 11, 16, 50, 0);
	t[2] = cal_join(2025, 12, 13, 9, 0, 0);
	t[3] = cal_join(2025, 12, 8, 23, 30, 0);
	t[4] = cal_join(2025, 12, 12, 7, 59, 0);
	return t;
}

static void query_at(struct inboxq *q, int64_t now)
{
	struct deadline_cuts c;

	memset(q, 0, sizeof *q);
	deadline_cuts(cal, now, &c);
	q->cut = (struct inboxq_cuts){ c.now, c.today_end, c.apology, c.soon };
}

/* The filter's test: the folded text holds the folded literal. */
static bool holds(void *arg, const char *hay, size_t len)
{
	return memmem(hay, len, arg, strlen(arg)) != NULL;
}

/* A row's folded text as the filter reads it: its fields, one per line. */
static size_t hay_of(const struct dossier *d, char *hay, size_t size)
{
	const char *f[] = { d->code, d->applicant_name, d->applicant_id, d->procedure_code, d->procedure_name };
	size_t len = 0;

	for (int k = 0; k < 5; k++) {
		if (k)
			hay[len++] = '\n';
		len += fold_text(hay + len, size - len, f[k] ? f[k] : "", f[k] ? strlen(f[k]) : 0);
	}
	return len;
}

static bool passes(const struct inboxq *q, const struct dossier *d)
{
	char hay[1024];
	size_t len = hay_of(d, hay, sizeof hay);

	if (q->phrase && !memmem(hay, len, q->phrase, strlen(q->phrase)))
		return false;
	return !q->match || q->match(q->arg, hay, len);
}

/* The inbox's own filter as the store's test. */
static bool filter_says(void *arg, const char *hay, size_t len)
{
	return filter_text_hit(arg, hay, len);
}

static const char *pkey(const struct dossier *d)
{
	return d->procedure_code ? d->procedure_code : d->procedure_name ? d->procedure_name : "";
}

static bool mine(const struct dossier *d, const char *who)
{
	const char *a = d->assignee_login ? d->assignee_login : d->assignee;

	return a && !strcasecmp(a, who);
}

static bool in_query(const struct inboxq *q, const struct dossier *d)
{
	if (q->statuses && !(q->statuses & 1u << d->status))
		return false;
	if (q->mine && !mine(d, q->mine))
		return false;
	if (q->proc && strcmp(pkey(d), q->proc))
		return false;
	return passes(q, d);
}

/* The rows in memory, in urgency order, that q keeps. */
static size_t expected(const struct inboxq *q, struct dossier **rows)
{
	size_t n = 0;

	for (int i = 0; i < N; i++)
		if (in_query(q, &mem[i]))
			rows[n++] = &mem[i];
	deadline_sort(cal, rows, n, q->cut.now);
	return n;
}

/* Page through q by pages of `page` rows; each row must be the one
 * deadline_sort() puts there. */
static size_t check_order(const struct inboxq *q, size_t page, const char *what)
{
	struct dossier *want[N], got[N];
	size_t nwant = expected(q, want), total = 0, n;
	struct inboxq_pos at;
	struct err e = { "" };

	store_inbox_start(&at);
	memset(got, 0, sizeof got);
	do {
		ck_assert_msg(store_inbox_rows(s, q, &at, got + total, NULL, page, &n, &e) == 0, "%s", e.msg);
		total += n;
		ck_assert_uint_le(total, nwant);
	} while (n == page);
	ck_assert_msg(total == nwant, "%s: %zu rows, %zu expected", what, total, nwant);
	for (size_t i = 0; i < total; i++)
		ck_assert_msg(!strcmp(got[i].code, want[i]->code), "%s, row %zu: %s, %s expected (band %d)",
			      what, i, got[i].code, want[i]->code, deadline_band(cal, want[i], q->cut.now));
	for (size_t i = 0; i < total; i++)
		dossier_free(&got[i]);
	return total;
}

START_TEST(test_order)
{
	const int64_t *t = instants();
	struct inboxq q;
	int bands[BAND_NONE + 1] = { 0 };

	for (int k = 0; k < 5; k++) {
		query_at(&q, t[k]);
		check_order(&q, 1, "pages of 1");
		check_order(&q, 23, "pages of 23");
		check_order(&q, N, "one page");
		for (int i = 0; i < N; i++)
			bands[deadline_band(cal, &mem[i], t[k])]++;
	}
	/* the instants did reach every band */
	for (int b = 0; b <= BAND_NONE; b++)
		ck_assert_msg(bands[b] > 0, "band %d never reached", b);
}
END_TEST

/* Finished work never shows above work still to do: after the running
 * dossiers come those still to do (by due time, then the undated by code),
 * and only then the finished ones, whatever their due times (a first sync
 * without capabilities.open_first stores the oldest, finished, first). */
START_TEST(test_finished_last)
{
	struct dossier want[N], got[N];
	struct inboxq q;
	struct inboxq_pos at;
	struct err e = { "" };
	size_t n, k = 0;
	bool seen_finished = false;

	query_at(&q, instants()[0]);
	store_inbox_start(&at);
	memset(got, 0, sizeof got);
	ck_assert_int_eq(store_inbox_rows(s, &q, &at, got, NULL, N, &n, &e), 0);
	ck_assert_uint_eq(n, N);
	for (size_t i = 0; i < n; i++) {
		if (status_is_finished(got[i].status))
			seen_finished = true;
		else
			ck_assert_msg(!seen_finished, "row %zu: %s (status %d) below finished work", i,
				      got[i].code, got[i].status);
		/* the statuses still to do without a running clock, dated or not */
		if (!status_is_finished(got[i].status) && !status_clock_runs(got[i].status))
			want[k++] = got[i];
	}
	ck_assert(seen_finished && k > 0);
	/* those still to do: the dated by due time, then the undated */
	for (size_t i = 1; i < k; i++)
		ck_assert(want[i - 1].due_at ? !want[i].due_at || want[i].due_at >= want[i - 1].due_at
					     : !want[i].due_at);
	for (size_t i = 0; i < n; i++)
		dossier_free(&got[i]);
}
END_TEST

START_TEST(test_views_and_filter)
{
	struct inboxq q;

	query_at(&q, instants()[0]);
	q.statuses = 1u << ST_NEW;
	check_order(&q, 10, "to receive");
	q.statuses = 1u << ST_ACCEPTED | 1u << ST_PROCESSING | 1u << ST_PAYMENT;
	check_order(&q, 10, "in process");
	q.statuses = 0;
	q.mine = "cbtn01";
	check_order(&q, 10, "mine");
	q.mine = NULL;
	q.proc = "P-2";
	check_order(&q, 10, "a procedure");
	q.proc = NULL;
	/* a phrase the index finds, one too short for it, each alone and
	 * with a test besides */
	for (int tested = 0; tested < 2; tested++) {
		q.match = tested ? holds : NULL;
		q.statuses = 0;
		q.phrase = q.arg = "nguyen";
		ck_assert_uint_gt(check_order(&q, 10, "filter nguyen"), 0);
		q.phrase = q.arg = "\"t";
		ck_assert_uint_gt(check_order(&q, 10, "filter too short for the index"), 0);
		q.phrase = q.arg = "\"tam\"";
		ck_assert_uint_gt(check_order(&q, 10, "filter with quotes"), 0);
		q.phrase = q.arg = "0791";
		ck_assert_uint_gt(check_order(&q, 10, "filter on the ID"), 0);
		q.phrase = q.arg = "ran thi";
		q.statuses = 1u << ST_PROCESSING;
		ck_assert_uint_gt(check_order(&q, 10, "filter in a view"), 0);
		/* folded text is matched as folded: nothing is folded again */
		q.phrase = q.arg = "Tran";
		ck_assert_uint_eq(check_order(&q, 10, "unfolded text"), 0);
	}
}
END_TEST

/* The inbox's filter, run by the store: the rows it keeps, in order,
 * with and without a phrase for the index. */
START_TEST(test_inbox_filter)
{
	static const char *const texts[] = { "nguyen", "Nguyễn Văn", "^c-0", "001085|tam", "an$",
					     "(", "khai sinh", "\"tam\"", "ng" };
	struct filter *f = filter_new();
	struct inboxq q;
	struct err e;

	query_at(&q, instants()[3]);
	q.arg = f;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		filter_set(f, texts[t], &e);
		/* plain text: the phrase alone; an expression: the filter's test */
		q.phrase = filter_literal(f);
		q.match = q.phrase ? NULL : filter_says;
		/* only "(" (matched as typed) is in no row */
		ck_assert_msg((check_order(&q, 17, texts[t]) > 0) == (t != 5), "%s", texts[t]);
	}
	filter_free(f);
}
END_TEST

START_TEST(test_counts_and_procs)
{
	struct inboxq q;
	struct inboxq_counts c;
	struct inboxq_proc *p;
	size_t np;
	struct err e = { "" };

	query_at(&q, instants()[1]);
	for (int filtered = 0; filtered < 2; filtered++) {
		int64_t by[ST_MAX + 1] = { 0 }, all = 0, m = 0, pr = 0;

		q.mine = "CBTN01";
		q.proc = "P-3";
		q.match = filtered ? holds : NULL;
		q.phrase = q.arg = filtered ? "van" : NULL;
		ck_assert_msg(store_inbox_counts(s, &q, &c, &e) == 0, "%s", e.msg);
		for (int i = 0; i < N; i++) {
			if (!passes(&q, &mem[i]))
				continue;
			by[mem[i].status]++;
			all++;
			m += mine(&mem[i], "CBTN01");
			pr += !strcmp(pkey(&mem[i]), "P-3");
		}
		for (int st = 0; st <= ST_MAX; st++)
			ck_assert_int_eq(c.by_status[st], by[st]);
		ck_assert_int_eq(c.all, all);
		ck_assert_int_eq(c.mine, m);
		ck_assert_int_eq(c.proc, pr);
	}
	ck_assert_int_eq(store_inbox_procs(s, &p, &np, &e), 0);
	/* P-1, P-2, P-3 a quarter each, those without a procedure the last */
	ck_assert_uint_eq(np, 4);
	for (size_t i = 1; i < np; i++)
		ck_assert(p[i - 1].n > p[i].n || (p[i - 1].n == p[i].n && strcmp(p[i - 1].key, p[i].key) < 0));
	for (size_t i = 0; i < np; i++) {
		int64_t n = 0;

		for (int k = 0; k < N; k++)
			n += !strcmp(pkey(&mem[k]), p[i].key);
		ck_assert_int_eq(p[i].n, n);
		ck_assert(*p[i].key ? p[i].name != NULL : p[i].name == NULL);
	}
	store_inbox_procs_free(p, np);
}
END_TEST

START_TEST(test_find)
{
	struct inboxq q;
	struct dossier *want[N];
	struct err e = { "" };

	query_at(&q, instants()[2]);
	q.statuses = 1u << ST_ACCEPTED | 1u << ST_PROCESSING | 1u << ST_PAYMENT | 1u << ST_NEW;
	for (size_t n = expected(&q, want), i = 0; i < n; i += 3) {
		struct inboxq_pos pos;
		struct dossier next = { 0 };
		int64_t index;
		size_t got;

		ck_assert_int_eq(store_inbox_find(s, &q, want[i]->code, &index, &pos, &e), 1);
		ck_assert_int_eq(index, (int64_t)i);
		/* and paging goes on from there */
		ck_assert_int_eq(store_inbox_rows(s, &q, &pos, &next, NULL, 1, &got, &e), 0);
		ck_assert_uint_eq(got, i + 1 < n);
		if (got)
			ck_assert_str_eq(next.code, want[i + 1]->code);
		dossier_free(&next);
	}
	q.statuses = 1u << ST_RETURNED;
	for (int i = 0; i < N; i++)
		if (mem[i].status == ST_PROCESSING) {
			struct inboxq_pos pos;
			int64_t index;

			/* not in the view */
			ck_assert_int_eq(store_inbox_find(s, &q, mem[i].code, &index, &pos, &e), 0);
			break;
		}
	ck_assert_int_eq(store_inbox_find(s, &q, "no-such", &(int64_t){ 0 }, &(struct inboxq_pos){ 0 }, &e), 0);
}
END_TEST

/* The filter's text follows the rows: a summary that renames the
 * applicant, a whole dossier stored again, dossiers no longer listed. */
START_TEST(test_text_follows)
{
	struct err e = { "" };
	struct dossier d = { 0 };
	struct inboxq q;
	struct inboxq_counts c;
	sqlite3_stmt *st;
	int64_t texts = -1;

	query_at(&q, instants()[0]);
	q.match = holds;
	q.phrase = q.arg = "pham thi dao";
	ck_assert_int_eq(store_inbox_counts(s, &q, &c, &e), 0);
	ck_assert_int_eq(c.all, 0);
	d.code = xstrdup(mem[5].code);
	d.applicant_name = xstrdup("Phạm Thị Đào");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 2, &e), 0);
	ck_assert_int_eq(store_inbox_counts(s, &q, &c, &e), 0);
	ck_assert_int_eq(c.all, 1);
	d.status = ST_PROCESSING;
	d.version = xstrdup("2");
	ck_assert_int_eq(store_put_dossier(s, &d, true, 2, &e), 0);
	q.phrase = q.arg = "pham thi dao";
	ck_assert_int_eq(store_inbox_counts(s, &q, &c, &e), 0);
	ck_assert_int_eq(c.all, 1);
	ck_assert_int_eq(store_forget_unseen(s, 2, &e), N - 1);
	ck_assert_int_eq(store_inbox_counts(s, &q, &c, &e), 0);
	ck_assert_int_eq(c.all, 1);
	/* and the counts the triggers keep follow the rows too */
	q.match = NULL;
	q.phrase = NULL;
	ck_assert_int_eq(store_inbox_counts(s, &q, &c, &e), 0);
	ck_assert_int_eq(c.all, 1);
	ck_assert_int_eq(c.by_status[ST_PROCESSING], 1);
	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM inbox_text", -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		texts = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	ck_assert_int_eq(texts, 1);
	dossier_free(&d);
}
END_TEST

/* Backwards, from the end and from a row: the same rows as forwards, in
 * reverse; and the index of a position whichever rows q keeps. */
START_TEST(test_backwards_and_index)
{
	const size_t pages[] = { 1, 7, N };
	struct inboxq q;
	struct dossier *want[N];
	struct err e = { "" };

	query_at(&q, instants()[1]);
	for (int v = 0; v < 3; v++) {
		size_t n;

		q.statuses = v == 1 ? 1u << ST_PROCESSING | 1u << ST_NEW : 0;
		q.phrase = q.arg = v == 2 ? "van" : NULL;
		q.match = v == 2 ? holds : NULL;
		n = expected(&q, want);
		ck_assert_uint_gt(n, 10);
		for (size_t p = 0; p < 3; p++) {
			struct inboxq_pos at = { .part = INBOXQ_PARTS };
			struct dossier got[N];
			size_t total = 0, k;

			memset(got, 0, sizeof got);
			do {
				ck_assert_int_eq(store_inbox_rows_before(s, &q, &at, got + total, NULL, pages[p], &k, &e), 0);
				total += k;
				ck_assert_uint_le(total, n);
			} while (k == pages[p]);
			ck_assert_uint_eq(total, n);
			ck_assert_int_eq(at.part, -1);
			for (size_t i = 0; i < n; i++) {
				ck_assert_str_eq(got[i].code, want[n - 1 - i]->code);
				dossier_free(&got[i]);
			}
		}
		/* from a row: those before it, nearest first; its index */
		for (size_t i = 0; i < n; i += 5) {
			struct inboxq_pos pos, each[3];
			struct dossier prev[3];
			int64_t index = -1;
			size_t k;

			memset(prev, 0, sizeof prev);
			ck_assert_int_eq(store_inbox_find(s, &q, want[i]->code, &index, &pos, &e), 1);
			ck_assert_int_eq(index, (int64_t)i);
			ck_assert_int_eq(store_inbox_rows_before(s, &q, &pos, prev, each, 3, &k, &e), 0);
			ck_assert_uint_eq(k, i < 3 ? i : 3);
			for (size_t j = 0; j < k; j++) {
				struct inboxq_pos same;

				ck_assert_str_eq(prev[j].code, want[i - 1 - j]->code);
				/* each row's position is the one finding it gives */
				ck_assert_int_eq(store_inbox_find(s, &q, prev[j].code, &index, &same, &e), 1);
				ck_assert_int_eq(each[j].part, same.part);
				ck_assert_str_eq(each[j].code, same.code);
				ck_assert(same.part == INBOXQ_PARTS - 1 || each[j].due == same.due);
				dossier_free(&prev[j]);
			}
		}
	}
	/* a row the view leaves out: the index of the first one after it */
	q.phrase = NULL;
	q.match = NULL;
	q.statuses = 0;
	{
		size_t n = expected(&q, want);

		for (size_t i = 0; i < n; i += 7) {
			struct inboxq_pos pos;
			struct inboxq narrow = q;
			int64_t index, before = 0;

			ck_assert_int_eq(store_inbox_find(s, &q, want[i]->code, &index, &pos, &e), 1);
			narrow.statuses = 1u << ST_RETURNED | 1u << ST_PROCESSING;
			for (size_t j = 0; j < i; j++)
				before += want[j]->status == ST_RETURNED || want[j]->status == ST_PROCESSING;
			ck_assert_int_eq(store_inbox_index(s, &narrow, &pos, &index, &e), 0);
			ck_assert_int_eq(index, before);
		}
	}
}
END_TEST

static bool collect(void *arg, const char *code, const char *shown)
{
	char *seen = arg;

	ck_assert_str_eq(shown, code);	/* none has a number of its own */
	strcat(seen, code);
	strcat(seen, " ");
	return strlen(seen) < 60;
}

/* Codes by their end, in any case, LIKE's wildcards taken as typed. */
START_TEST(test_ending)
{
	char seen[1024] = "", want[1024] = "";
	struct err e = { "" };
	const char *codes[N];
	int n = 0;

	for (int i = 0; i < N; i++)
		codes[n++] = mem[i].code;
	for (int i = 0; i < n; i++)	/* in code order */
		for (int j = i + 1; j < n; j++)
			if (strcmp(codes[j], codes[i]) < 0) {
				const char *t = codes[i];

				codes[i] = codes[j];
				codes[j] = t;
			}
	for (int i = 0; i < n && strlen(want) < 60; i++) {
		size_t l = strlen(codes[i]);

		if (l >= 1 && codes[i][l - 1] == '7') {
			strcat(want, codes[i]);
			strcat(want, " ");
		}
	}
	ck_assert_int_eq(store_inbox_ending(s, "7", collect, seen, &e), 0);
	ck_assert_str_eq(seen, want);
	seen[0] = '\0';
	snprintf(want, sizeof want, "c%s", mem[3].code + 1);
	ck_assert_int_eq(store_inbox_ending(s, want, collect, seen, &e), 0);
	snprintf(want, sizeof want, "%s ", mem[3].code);
	ck_assert_str_eq(seen, want);
	seen[0] = '\0';
	ck_assert_int_eq(store_inbox_ending(s, "_", collect, seen, &e), 0);
	ck_assert_int_eq(store_inbox_ending(s, "%", collect, seen, &e), 0);
	ck_assert_str_eq(seen, "");
}
END_TEST

static void add_who(void *arg, const char *login, const char *name)
{
	char *seen = arg;

	strcat(seen, login);
	strcat(seen, "/");
	strcat(seen, name ? name : "-");
	strcat(seen, " ");
}

START_TEST(test_assignees)
{
	unsigned running = 1u << ST_PROCESSING | 1u << ST_SUPPLEMENT | 1u << ST_PAYMENT;
	char seen[1024] = "", want[1024] = "";
	const struct dossier *first[2] = { NULL, NULL };
	static const char *const logins[2] = { "CBTN01", "other" };
	struct err e = { "" };

	for (int i = 0; i < N; i++) {
		const struct dossier *d = &mem[i];

		for (int k = 0; k < 2; k++)
			if (d->assignee_login && !strcmp(d->assignee_login, logins[k]) &&
			    running & 1u << d->status && (!first[k] || strcmp(d->code, first[k]->code) < 0))
				first[k] = d;
	}
	ck_assert_ptr_nonnull(first[0]);
	ck_assert_ptr_nonnull(first[1]);
	for (int k = 0, o = strcmp(first[0]->code, first[1]->code) > 0; k < 2; k++) {
		strcat(want, logins[k ^ o]);
		strcat(want, "/- ");
	}
	ck_assert_int_eq(store_inbox_assignees(s, running, add_who, seen, &e), 0);
	ck_assert_str_eq(seen, want);
}
END_TEST

/* A phrase in more rows than the few kept apart, read and counted in
 * slices whose time is up at once: the same rows in the same order, and
 * counts that only grow, to the whole. */
#define MANY 1300

START_TEST(test_slices)
{
	static struct dossier more[MANY];
	struct dossier *want[N + MANY], got[N + MANY];
	struct inboxq q;
	struct inboxq_pos at;
	struct inboxq_count k;
	struct inboxq_counts whole;
	struct err e = { "" };
	size_t nwant = 0, total = 0, n;
	int rc, steps = 0;

	ck_assert_int_eq(store_begin(s, &e), 0);
	for (int i = 0; i < MANY; i++) {
		char code[32];

		snprintf(code, sizeof code, "M-%04d", i);
		more[i] = (struct dossier){ .code = xstrdup(code), .status = 1 + i % 10,
					    .applicant_name = xstrdup(i % 13 ? "Nguyễn Văn Nhiều" : "Lê Thị Hiếm"),
					    .due_at = i % 7 ? cal_join(2025, 12, 1 + i % 20, 9, 0, 0) : 0 };
		ck_assert_msg(store_put_dossier(s, &more[i], false, 1, &e) == 0, "%s", e.msg);
	}
	ck_assert_int_eq(store_commit(s, &e), 0);
	for (int phrase = 0; phrase < 3; phrase++) {
		/* in many rows (by the order's indexes), in few (by its rows),
		 * too short for the index */
		query_at(&q, instants()[phrase]);
		q.phrase = (const char *[]){ "nhieu", "hiem", "m-" }[phrase];
		nwant = total = 0;
		for (int i = 0; i < N + MANY; i++)
			if (in_query(&q, i < N ? &mem[i] : &more[i - N]))
				want[nwant++] = i < N ? &mem[i] : &more[i - N];
		deadline_sort(cal, want, nwant, q.cut.now);
		ck_assert_uint_gt(nwant, phrase == 1 ? 50 : 1024);
		store_inbox_start(&at);
		memset(got, 0, sizeof got);
		do {
			rc = store_inbox_rows_until(s, &q, &at, 1, got + total, NULL, 100, &n, &e);
			ck_assert_msg(rc >= 0, "%s", e.msg);
			total += n;
			ck_assert_uint_le(total, nwant);
		} while (rc == 0);
		ck_assert_uint_eq(total, nwant);
		for (size_t i = 0; i < total; i++) {
			ck_assert_str_eq(got[i].code, want[i]->code);
			dossier_free(&got[i]);
		}
		ck_assert_int_eq(store_inbox_counts(s, &q, &whole, &e), 0);
		ck_assert_int_eq(whole.all, (int64_t)nwant);
		store_inbox_count_start(&k);
		for (steps = 0; (rc = store_inbox_count_step(s, &q, &k, 1, &e)) == 0; steps++)
			ck_assert_int_le(k.c.all, whole.all);
		ck_assert_int_eq(rc, 1);
		ck_assert_int_gt(steps, 1);
		ck_assert_int_eq(k.c.all, whole.all);
		for (int st = 0; st <= ST_MAX; st++)
			ck_assert_int_eq(k.c.by_status[st], whole.by_status[st]);
	}
	for (int i = 0; i < MANY; i++)
		dossier_free(&more[i]);
}
END_TEST

/* A rare phrase looked up in slices whose time is up at once: nothing is
 * read until the look-up is whole, each call goes on where the last one
 * stopped, and a dossier stored between two calls is found (the look-up
 * starts again on the store as it is now). */
#define WIDE 9000

START_TEST(test_rare_in_slices)
{
	static struct dossier more[WIDE + 1];
	struct dossier *want[N + WIDE + 1], got[64];
	struct inboxq q;
	struct inboxq_pos at;
	struct inboxq_count k;
	struct err e = { "" };
	size_t nwant = 0, n = 0;
	int rc, calls;

	/* more rowids than the look-up reads at first (4,096), the phrase
	 * at the start, the middle and the end */
	ck_assert_int_eq(store_begin(s, &e), 0);
	for (int i = 0; i < WIDE + 1; i++) {
		char code[32];
		bool rare = i == 5 || i == WIDE / 2 || i == WIDE - 1 || i == WIDE;

		snprintf(code, sizeof code, "W-%05d", i);
		more[i] = (struct dossier){ .code = xstrdup(code), .status = 1 + i % 10,
					    .applicant_name = xstrdup(rare ? "Đinh Thị Hiếm" : "Nguyễn Văn Nhiều"),
					    .due_at = cal_join(2025, 12, 1 + i % 20, 9, 0, 0) };
		if (i < WIDE)
			ck_assert_msg(store_put_dossier(s, &more[i], false, 1, &e) == 0, "%s", e.msg);
	}
	ck_assert_int_eq(store_commit(s, &e), 0);
	query_at(&q, instants()[0]);
	q.phrase = "dinh thi hiem";

	store_inbox_start(&at);
	rc = store_inbox_rows_until(s, &q, &at, 1, got, NULL, 64, &n, &e);
	ck_assert_msg(rc == 0 && n == 0, "rc %d, %zu rows: the look-up should have taken the first call", rc, n);
	ck_assert_int_eq(at.part, -1);	/* nothing passed over */

	/* stored meanwhile: the look-up starts again and finds it */
	ck_assert_int_eq(store_begin(s, &e), 0);
	ck_assert_msg(store_put_dossier(s, &more[WIDE], false, 1, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(store_commit(s, &e), 0);
	for (int i = 0; i < WIDE + 1; i++)
		if (in_query(&q, &more[i]))
			want[nwant++] = &more[i];
	ck_assert_uint_eq(nwant, 4);
	deadline_sort(cal, want, nwant, q.cut.now);

	memset(got, 0, sizeof got);
	for (calls = 1; (rc = store_inbox_rows_until(s, &q, &at, 1, got, NULL, 64, &n, &e)) == 0 && !n; calls++)
		ck_assert_int_lt(calls, 1000);
	ck_assert_msg(rc >= 0, "%s", e.msg);
	ck_assert_int_gt(calls, 1);	/* in more than one slice */
	ck_assert_uint_eq(n, nwant);
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(got[i].code, want[i]->code);
		dossier_free(&got[i]);
	}

	/* the count, on the look-up made: whole at its first step */
	store_inbox_count_start(&k);
	ck_assert_int_eq(store_inbox_count_step(s, &q, &k, 1, &e), 1);
	ck_assert_int_eq(k.c.all, 4);
	for (int i = 0; i < WIDE + 1; i++)
		dossier_free(&more[i]);
}
END_TEST

static bool collect_numbers(void *arg, const char *code, const char *shown)
{
	char *seen = arg;

	strcat(seen, code);
	strcat(seen, "=");
	strcat(seen, shown);
	strcat(seen, " ");
	return true;
}

/* An API with ids of its own: the number on the receipt is what the
 * clerk goes to by its end, or the id whole. */
START_TEST(test_ending_number)
{
	struct dossier d = { .code = "api-77", .number = "000.00.01.H22-251014-0042", .version = "1" };
	char seen[256] = "";
	struct err e = { "" };

	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	ck_assert_int_eq(store_inbox_ending(s, "0042", collect_numbers, seen, &e), 0);
	ck_assert_str_eq(seen, "api-77=000.00.01.H22-251014-0042 ");
	seen[0] = '\0';
	ck_assert_int_eq(store_inbox_ending(s, "h22-251014-0042", collect_numbers, seen, &e), 0);
	ck_assert_str_eq(seen, "api-77=000.00.01.H22-251014-0042 ");
	seen[0] = '\0';
	/* two characters, through the index too: with the codes ending so */
	ck_assert_int_eq(store_inbox_ending(s, "42", collect_numbers, seen, &e), 0);
	ck_assert_ptr_nonnull(strstr(seen, "api-77=000.00.01.H22-251014-0042 "));
	ck_assert_ptr_nonnull(strstr(seen, "C-242=C-242 "));
	seen[0] = '\0';
	ck_assert_int_eq(store_inbox_ending(s, "api-77", collect_numbers, seen, &e), 0);
	ck_assert_str_eq(seen, "api-77=000.00.01.H22-251014-0042 ");
	/* the number's middle is not its end */
	seen[0] = '\0';
	ck_assert_int_eq(store_inbox_ending(s, "251014", collect_numbers, seen, &e), 0);
	ck_assert_str_eq(seen, "");
}
END_TEST

static Suite *store_inbox_suite(void)
{
	Suite *su = suite_create("store_inbox");
	TCase *tc = tcase_create("core");

	/* a few thousand queries, under the sanitizers on a busy machine too */
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_finished_last);
	tcase_add_test(tc, test_views_and_filter);
	tcase_add_test(tc, test_inbox_filter);
	tcase_add_test(tc, test_counts_and_procs);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_text_follows);
	tcase_add_test(tc, test_backwards_and_index);
	tcase_add_test(tc, test_ending);
	tcase_add_test(tc, test_assignees);
	tcase_add_test(tc, test_slices);
	tcase_add_test(tc, test_rare_in_slices);
	tcase_add_test(tc, test_ending_number);
	suite_add_tcase(su, tc);
	return su;
}

CHECK_MAIN(store_inbox_suite)
