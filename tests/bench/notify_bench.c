/* notify_bench: what an idle refresh of the deadline notices costs (the
 * check the session runs each minute and after each sync) on a store of
 * many dossiers: the SQL statements it runs, the transactions among them,
 * and its CPU time (median of the runs, a minute apart on the session's
 * clock), once every notice due at the start has been given.
 *
 *   notify_bench [-n DOSSIERS] [-r RUNS]
 *
 * The dossiers are synthetic and the same every run: due times spread over
 * 30 days back to 90 days ahead of the clock, three in four of them open.
 * It uses only the notify, app and store interfaces, so the same source
 * builds against an earlier tree for its baseline (doc/benchmarks.md). */
#include "config.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/notify.h"
#include "core/xalloc.h"
#include "store/store.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned below(unsigned n)
{
	rng = rng * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(rng >> 33) % n;
}

/* Statements, and transactions: each BEGIN, and each statement run
 * outside one (SQLite wraps it in a transaction of its own). */
static int statements, transactions;
static bool in_tx;

static int on_stmt(unsigned what, void *ctx, void *p, void *x)
{
	const char *sql = x;

	(void)what, (void)ctx, (void)p;
	statements++;
	if (!strncmp(sql, "BEGIN", 5)) {
		in_tx = true;
		transactions++;
	} else if (!strncmp(sql, "COMMIT", 6)) {
		in_tx = false;
	} else if (!in_tx) {
		transactions++;
	}
	return 0;
}

static double cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int n = 100000, runs = 21, opt;
	char dir[] = "/tmp/motcua-notify-bench.XXXXXX", path[64];
	struct err e = { "" };
	struct app app;
	struct store *st;
	struct notify *nf;
	struct dossier *items;
	double *us;
	int64_t now;

	while ((opt = getopt(argc, argv, "n:r:")) != -1) {
		if (opt == 'n')
			n = atoi(optarg);
		else if (opt == 'r')
			runs = atoi(optarg);
		else
			return 2;
	}
	if (!mkdtemp(dir) || app_init(&app, &e) < 0 ||
	    app_set_clock(&app, "2025-10-15 09:00", &e) < 0)
		return fprintf(stderr, "notify_bench: %s\n", e.msg), 1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	if (!(st = store_open(path, &e)))
		return fprintf(stderr, "notify_bench: %s\n", e.msg), 1;
	now = app_now(&app);
	items = xcalloc((size_t)n, sizeof *items);
	store_begin(st, &e);
	for (int i = 0; i < n; i++) {
		char code[32];

		snprintf(code, sizeof code, "B-%07d", i);
		items[i].code = xstrdup(code);
		items[i].procedure_name = xstrdup("Đăng ký khai sinh");
		items[i].status = below(4) ? ST_PROCESSING : ST_RETURNED;
		items[i].due_at = now - 30 * 86400 + (int64_t)below(120 * 86400);
		store_put_dossier(st, &items[i], false, 1, &e);
	}
	store_commit(st, &e);
	app_set_dossiers(&app, items, (size_t)n);	/* the inbox, as at start-up */
	nf = notify_new(&app, st);
	notify_check(nf);	/* every notice due now is given once */
	us = xcalloc((size_t)runs, sizeof *us);
	sqlite3_trace_v2(store_db(st), SQLITE_TRACE_STMT, on_stmt, NULL);
	for (int r = 0; r < runs; r++) {
		double t0;

		app.clock_offset += 60;	/* the session checks each minute */
		t0 = cpu_us();

		notify_check(nf);
		us[r] = cpu_us() - t0;
	}
	sqlite3_trace_v2(store_db(st), 0, NULL, NULL);
	qsort(us, (size_t)runs, sizeof *us, by_value);
	printf("idle refresh, %d dossiers: %.0f statements, %.0f read transactions, "
	       "%.1f us CPU (median of %d; worst %.1f)\n", n, (double)statements / runs,
	       (double)transactions / runs, us[runs / 2], runs, us[runs - 1]);
	notify_free(nf);
	store_close(st);
	app_free(&app);
	free(us);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	return system(path) == 0 ? 0 : 1;
}
