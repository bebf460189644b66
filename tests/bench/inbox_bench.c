/* inbox_bench: what the inbox costs as the store grows, read whole (as
 * the inbox does before its first draw today) and on demand
 * (store_inbox.h), in one process each, with the peak memory.
 *
 *   inbox_bench make DB N         a store of N synthetic dossiers: a desk's
 *                                 years, a few percent of them still open
 *   inbox_bench whole DB          every summary read, sorted by urgency, the
 *                                 views counted: the inbox's start-up today
 *   inbox_bench demand DB         the views' counts, the procedures and the
 *                                 first screenful (22 rows), by queries
 *   inbox_bench filter DB TEXT    TEXT typed one key at a time on demand: per
 *                                 key the counts and the first screenful
 *
 * Prints "ms=... peak-kb=..." (filter: one line per key); the times are
 * from the store's opening to the last row read. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/calendar.h"
#include "core/xalloc.h"
#include "desk/deadline.h"
#include "desk/filter.h"
#include "store/store.h"
#include "store/store_inbox.h"

#define SCREEN 22
/* MOTCUA_CLOCK of the other benches: the sandbox's training clock */
#define NOW_Y 2025, 10, 15, 10, 0, 0

static double ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* CPU time, user and system: less moved than the wall clock by others'
 * work on a shared machine. */
static double cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static long peak_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static struct store *open_or_die(const char *path)
{
	struct err e = { "" };
	struct store *s = store_open(path, &e);

	if (!s) {
		fprintf(stderr, "inbox_bench: %s\n", e.msg);
		exit(1);
	}
	return s;
}

static const char *const family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
				      "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };
static const char *const middle[] = { "Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Ngọc", "Quốc" };
static const char *const given[] = { "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng",
				     "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân",
				     "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến" };
static const char *const procs[] = { "Đăng ký khai sinh", "Đăng ký kết hôn", "Chứng thực bản sao",
				     "Đăng ký khai tử", "Cấp bản sao trích lục", "Xác nhận tình trạng hôn nhân",
				     "Đăng ký thường trú", "Chứng thực chữ ký", "Đăng ký giám hộ",
				     "Cấp giấy phép xây dựng" };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static unsigned rnd_state = 7;
static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return (rnd_state >> 8) % n;
}

static int make(const char *path, long n)
{
	struct store *s = open_or_die(path);
	struct err e = { "" };
	int64_t now = cal_join(NOW_Y);

	for (long i = 0; i < n; i++) {
		struct dossier d = { 0 };
		char code[64], name[128], id[16], pcode[16], login[16];
		/* the open ones: a few hundred at a desk, whatever the years */
		bool open = (long)rnd((unsigned)n) < 400 + n / 50;
		int64_t received = open ? now - rnd(20 * 86400) : now - 86400 - rnd(5 * 365 * 86400u);
		unsigned p = rnd(COUNT(procs));

		if (i % 10000 == 0 && store_begin(s, &e) < 0)
			break;
		snprintf(code, sizeof code, "000.00.01.H26-%06ld-%04ld", 250000 + i / 10000, i % 10000);
		snprintf(name, sizeof name, "%s %s %s", family[rnd(COUNT(family))], middle[rnd(COUNT(middle))],
			 given[rnd(COUNT(given))]);
		snprintf(id, sizeof id, "0%02u%09u", rnd(96), rnd(1000000000));
		snprintf(pcode, sizeof pcode, "1.00%04u", 1000 + p);
		snprintf(login, sizeof login, "cb%02u", rnd(12));
		d.code = code;
		d.applicant_name = name;
		d.applicant_id = id;
		d.procedure_code = pcode;
		d.procedure_name = (char *)procs[p];
		d.assignee_login = login;
		d.status = open ? (int[]){ ST_NEW, ST_ACCEPTED, ST_PROCESSING, ST_PROCESSING, ST_SUPPLEMENT,
					   ST_PAYMENT, ST_RESULT_READY }[rnd(7)] :
				  (int[]){ ST_RETURNED, ST_RETURNED, ST_RETURNED, ST_REFUSED, ST_WITHDRAWN }[rnd(5)];
		d.received_at = received;
		d.due_at = received + (3 + rnd(12)) * 86400;
		d.updated_at = received;
		d.version = "1";
		if (store_put_dossier(s, &d, false, 1, &e) < 0 ||
		    ((i % 10000 == 9999 || i == n - 1) && store_commit(s, &e) < 0))
			break;
	}
	if (e.msg[0])
		fprintf(stderr, "inbox_bench: %s\n", e.msg);
	store_close(s);
	return e.msg[0] ? 1 : 0;
}

/* Today's start-up: every summary, in urgency order, counted per status. */
static int whole(const char *path)
{
	double t0 = ms(), c0 = cpu_ms();
	struct store *s = open_or_die(path);
	struct cal *cal = cal_new();
	struct dossier *v, **rows;
	size_t n, counts[ST_MAX + 1] = { 0 };
	struct err e;

	if (store_load_dossiers(s, &v, &n, &e) < 0) {
		fprintf(stderr, "inbox_bench: %s\n", e.msg);
		return 1;
	}
	rows = xmalloc((n ? n : 1) * sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		rows[i] = &v[i];
		counts[v[i].status >= 0 && v[i].status <= ST_MAX ? v[i].status : 0]++;
	}
	deadline_sort(cal, rows, n, cal_join(NOW_Y));
	printf("whole n=%zu ms=%.1f cpu-ms=%.1f peak-kb=%ld first=%s\n", n, ms() - t0, cpu_ms() - c0, peak_kb(),
	       n ? rows[0]->code : "-");
	free(rows);
	dossiers_free(v, n);
	cal_free(cal);
	store_close(s);
	return 0;
}

static bool filter_says(void *arg, const char *hay, size_t len)
{
	return filter_text_hit(arg, hay, len);
}

static double t_counts;	/* of the last screenful(): the counts' share */

/* What the first draw needs: the counts, the procedures, a screenful. */
static int screenful(struct store *s, const struct inboxq *q, int64_t *all, char *first, size_t len)
{
	struct inboxq_counts c;
	struct inboxq_proc *p;
	struct inboxq_pos at;
	struct dossier rows[SCREEN];
	struct inboxq all_rows = *q;	/* the view All: the login only counts */
	size_t np = 0, got = 0;
	struct err e = { "" };
	int rc;

	memset(rows, 0, sizeof rows);
	all_rows.mine = NULL;
	store_inbox_start(&at);
	t_counts = ms();
	rc = store_inbox_counts(s, q, &c, &e);
	t_counts = ms() - t_counts;
	if (rc == 0 && !q->match)
		rc = store_inbox_procs(s, &p, &np, &e);
	if (rc == 0 && !q->match)
		store_inbox_procs_free(p, np);
	if (rc == 0)
		rc = store_inbox_rows(s, &all_rows, &at, rows, NULL, SCREEN, &got, &e);
	if (rc < 0)
		fprintf(stderr, "inbox_bench: %s\n", e.msg);
	*all = c.all;
	snprintf(first, len, "%s", got ? rows[0].code : "-");
	for (size_t i = 0; i < got; i++)
		dossier_free(&rows[i]);
	return rc;
}

static void query_now(struct inboxq *q, struct cal *cal)
{
	struct deadline_cuts c;

	memset(q, 0, sizeof *q);
	deadline_cuts(cal, cal_join(NOW_Y), &c);
	q->cut = (struct inboxq_cuts){ c.now, c.today_end, c.apology, c.soon };
	q->mine = "cb01";
}

static int demand(const char *path)
{
	double t0 = ms(), c0 = cpu_ms();
	struct store *s = open_or_die(path);
	struct cal *cal = cal_new();
	struct inboxq q;
	int64_t all;
	char first[128];
	int rc;

	query_now(&q, cal);
	rc = screenful(s, &q, &all, first, sizeof first);
	printf("demand n=%lld ms=%.1f cpu-ms=%.1f peak-kb=%ld first=%s\n", (long long)all, ms() - t0,
	       cpu_ms() - c0, peak_kb(), first);
	cal_free(cal);
	store_close(s);
	return rc < 0;
}

static int filter(const char *path, const char *text)
{
	struct store *s = open_or_die(path);
	struct cal *cal = cal_new();
	struct filter *f = filter_new();
	struct inboxq q;
	char typed[256], first[128];
	int rc = 0;

	query_now(&q, cal);
	q.arg = f;
	for (size_t k = 1; k <= strlen(text) && k < sizeof typed && rc == 0; k++) {
		double t0, c0;
		int64_t all;
		struct err e;

		snprintf(typed, k + 1, "%s", text);
		t0 = ms();
		c0 = cpu_ms();
		filter_set(f, typed, &e);
		/* plain text: the phrase alone; an expression: the filter's test */
		q.phrase = filter_literal(f);
		q.match = q.phrase ? NULL : filter_says;
		rc = screenful(s, &q, &all, first, sizeof first);
		printf("filter key=%zu text=\"%s\" matches=%lld ms=%.1f cpu-ms=%.1f counts-ms=%.1f peak-kb=%ld\n",
		       k, typed, (long long)all, ms() - t0, cpu_ms() - c0, t_counts, peak_kb());
	}
	filter_free(f);
	cal_free(cal);
	store_close(s);
	return rc < 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "make"))
		return make(argv[2], atol(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "whole"))
		return whole(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "demand"))
		return demand(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "filter"))
		return filter(argv[2], argv[3]);
	fprintf(stderr, "usage: inbox_bench make DB N | whole DB | demand DB | filter DB TEXT\n");
	return 2;
}
