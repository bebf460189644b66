/* inbox_filter_bench: the inbox filter through the inbox screen itself,
 * over a store on disk (tests/bench/inbox_bench make), as the client runs
 * it: each key by ui_key() and ui_draw() on an 80x24 terminal writing to
 * /dev/null, then the event loop's rounds (loop_once() without sleeping,
 * each drawn) until the matches are counted, before the next key.
 *
 *   inbox_filter_bench DB TEXT
 *
 * One line per key: the key's wall and CPU time (what the clerk waits for
 * before the key is drawn), the longest round of the loop after it (what
 * a key typed meanwhile would wait for), the time until the count was
 * shown, and the count. Built against only what the screen
 * offers to its tests, so that an earlier commit's tree builds it too:
 * tests/bench/inbox_filter.sh runs both side by side. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "app/app.h"
#include "core/calendar.h"
#include "core/text.h"
#include "screens/inbox.h"
#include "store/store.h"

/* MOTCUA_CLOCK of the other benches: the sandbox's training clock */
#define NOW_Y 2025, 10, 15, 10, 0, 0
/* a count not shown after this long is reported as such */
#define GIVE_UP_MS 60000.0

static double ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

int main(int argc, char **argv)
{
	struct app app;
	struct store *s;
	struct err e = { "" };
	FILE *out, *in;
	const char *text;
	size_t len;

	if (argc != 3) {
		fprintf(stderr, "usage: inbox_filter_bench DB TEXT\n");
		return 2;
	}
	text = argv[2];
	len = strlen(text);
	setlocale(LC_ALL, "C.UTF-8");
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || app_init(&app, &e) < 0 || ui_open(&app, "xterm-256color", out, in, &e) < 0) {
		fprintf(stderr, "inbox_filter_bench: cannot open a screen: %s\n", e.msg);
		return 1;
	}
	if (!(s = store_open(argv[1], &e))) {
		fprintf(stderr, "inbox_filter_bench: %s\n", e.msg);
		return 1;
	}
	app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	ui_resize(&app, 24, 80);
	app_set_store(&app, s);
	ui_draw(&app);
	ui_key(&app, '/');
	ui_draw(&app);
	for (size_t at = 0; at < len;) {
		int32_t cp;
		double t0, c0, worst = 0, worst_cpu = 0, start;

		at += text_utf8_next(text + at, len - at, &cp);
		start = t0 = ms();
		c0 = cpu_ms();
		ui_key(&app, (km_key)cp);
		ui_draw(&app);
		printf("key text=\"%.*s\" ms=%.2f cpu-ms=%.2f", (int)at, text, ms() - t0, cpu_ms() - c0);
		/* the loop's rounds, drawn as the client draws them */
		while (inbox_view(&app)->counting && ms() - start < GIVE_UP_MS) {
			t0 = ms();
			c0 = cpu_ms();
			if (loop_once(&app.loop, 0, &e) < 0)
				break;
			ui_draw(&app);
			if (ms() - t0 > worst)
				worst = ms() - t0;
			if (cpu_ms() - c0 > worst_cpu)
				worst_cpu = cpu_ms() - c0;
		}
		printf(" longest-round-ms=%.2f cpu-ms=%.2f counted-after-ms=%.1f%s matches=%zu\n", worst, worst_cpu,
		       ms() - start, inbox_view(&app)->counting ? "(gave up)" : "", inbox_view(&app)->list.n);
		fflush(stdout);
	}
	ui_close(&app);
	app_free(&app);
	fclose(out);
	fclose(in);
	return 0;
}
