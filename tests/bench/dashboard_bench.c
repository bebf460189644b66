/* dashboard_bench: the dashboard's figures over a store of synthetic
 * dossiers (100,000 by default), a month of them in the period:
 *   - the store's queries and the counting (session_count_stats), what
 *     the dashboard's first draw does against the store, and the same
 *     per clerk (a leader's table);
 *   - the dashboard's first draw itself (dashboard_open + ui_draw on an
 *     80x24 terminal writing to /dev/null), counting the dossiers the app
 *     holds (the client without a session), the charts drawn.
 * Leaves the store at DB for tests/bench/dashboard.sh, which runs the same
 * aggregate with the sqlite3 shell beside it.
 *
 *   dashboard_bench DB [-n DOSSIERS] [-r RUNS] */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "app/session.h"
#include "core/calendar.h"
#include "core/xalloc.h"
#include "desk/stats.h"
#include "screens/screen.h"
#include "screens/ui.h"
#include "store/store.h"

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Wall time, and this process's CPU time: on a shared machine the wall
 * clock also counts the other processes' turns. */
struct span {
	double wall, cpu;
};

static struct span since(struct span t0)
{
	return (struct span){ clock_ms(CLOCK_MONOTONIC) - t0.wall,
			      clock_ms(CLOCK_PROCESS_CPUTIME_ID) - t0.cpu };
}

static struct span start(void)
{
	return (struct span){ clock_ms(CLOCK_MONOTONIC), clock_ms(CLOCK_PROCESS_CPUTIME_ID) };
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned below(unsigned n)
{
	rng = rng * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(rng >> 33) % n;
}

static int by_wall(const void *a, const void *b)
{
	double x = ((const struct span *)a)->wall, y = ((const struct span *)b)->wall;

	return x < y ? -1 : x > y;
}

/* Dossiers over the year before now: a third finished, some refused. */
static void fill(struct store *st, int n, int64_t now, struct err *e)
{
	static const char *const clerks[] = { "Nguyễn Thị Thu Hà", "Trần Minh Đức", "Lê Thị Hồng Nhung" };
	static const char *const procs[] = { "1.001193", "1.000894", "2.000046", "1.003583" };
	char code[32];

	store_begin(st, e);
	for (int i = 0; i < n; i++) {
		struct dossier d = { 0 };
		int64_t rec = now - (int64_t)below(365 * 86400);

		snprintf(code, sizeof code, "B%07d", i);
		d.code = code;
		d.procedure_code = (char *)procs[below(4)];
		d.procedure_name = "Thủ tục";
		d.assignee = (char *)clerks[below(3)];
		d.channel = 1 + (int)below(3);
		d.received_at = rec;
		d.due_at = rec + (int64_t)(1 + below(10)) * 86400;
		d.updated_at = rec;
		d.version = "1";
		switch (below(6)) {
		case 0: case 1:
			d.status = ST_RETURNED;
			d.finished_at = rec + (int64_t)below(12 * 86400);
			break;
		case 2:
			d.status = ST_REFUSED;
			break;
		default:
			d.status = ST_PROCESSING;
		}
		if (store_put_dossier(st, &d, false, 1, e) < 0)
			break;
	}
	store_commit(st, e);
}

int main(int argc, char **argv)
{
	const char *db = argc > 1 ? argv[1] : NULL;
	int n = 100000, runs = 5, opt;
	struct span scan[64], clerk[64], draw[64];
	struct dossier *items;
	size_t nitems;
	struct store *st;
	struct app app;
	struct err e = { "" };
	int64_t now, from, to;
	FILE *out, *in;

	optind = 2;
	while ((opt = getopt(argc, argv, "n:r:")) != -1) {
		if (opt == 'n')
			n = atoi(optarg);
		else if (opt == 'r')
			runs = atoi(optarg) < 64 ? atoi(optarg) : 64;
	}
	if (!db) {
		fprintf(stderr, "usage: dashboard_bench DB [-n DOSSIERS] [-r RUNS]\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	remove(db);
	if (!(st = store_open(db, &e))) {
		fprintf(stderr, "dashboard_bench: %s\n", e.msg);
		return 1;
	}
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || app_init(&app, &e) < 0 || ui_open(&app, "xterm-256color", out, in, &e) < 0) {
		fprintf(stderr, "dashboard_bench: cannot open a screen: %s\n", e.msg);
		return 1;
	}
	ui_resize(&app, 24, 80);
	now = app_now(&app);
	fill(st, n, now, &e);
	stats_period(STATS_MONTH, now, &from, &to);
	for (int r = 0; r < runs; r++) {
		struct stats s;
		struct span t0 = start();

		stats_init(&s, app.cal, from, to, now, STATS_BY_DAY);
		session_count_stats(st, &s, &e);
		scan[r] = since(t0);
		if (r == 0)
			printf("this month: %ld received, %ld resolved, %ld open now\n", s.all.received,
			       s.all.resolved, s.all.open);
		stats_free(&s);
		t0 = start();
		stats_init(&s, app.cal, from, to, now, STATS_BY_CLERK);
		session_count_stats(st, &s, &e);
		clerk[r] = since(t0);
		stats_free(&s);
	}
	if (store_load_dossiers(st, &items, &nitems, &e) < 0) {
		fprintf(stderr, "dashboard_bench: %s\n", e.msg);
		return 1;
	}
	app_set_dossiers(&app, items, nitems);
	ui_draw(&app);
	for (int r = 0; r < runs; r++) {
		struct span t0 = start();

		app.redraw |= dashboard_open(&app);
		ui_draw(&app);
		draw[r] = since(t0);
		app.redraw |= ui_pop(&app);
		ui_draw(&app);
	}
	qsort(scan, (size_t)runs, sizeof *scan, by_wall);
	qsort(clerk, (size_t)runs, sizeof *clerk, by_wall);
	qsort(draw, (size_t)runs, sizeof *draw, by_wall);
	printf("%-52s %9s %9s\n", "", "wall ms", "cpu ms");
	printf("%-52s %9.1f %9.1f\n", "motcua: the store's query and the counting",
	       scan[runs / 2].wall, scan[runs / 2].cpu);
	printf("%-52s %9.1f %9.1f\n", "motcua: the same, each clerk (a leader's table)",
	       clerk[runs / 2].wall, clerk[runs / 2].cpu);
	printf("%-52s %9.1f %9.1f\n", "motcua: the dashboard's first draw, 80x24",
	       draw[runs / 2].wall, draw[runs / 2].cpu);
	printf("(%d dossiers, median of %d runs; period %s)\n", n, runs, stats_period_name(STATS_MONTH));
	ui_close(&app);
	app_free(&app);
	store_close(st);
	fclose(out);
	fclose(in);
	return 0;
}
