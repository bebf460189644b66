/* The dashboard at 80x24, on a UTF-8 terminal (blocks, stars) and on a
 * vt100 (ASCII only), opened with D from the inbox: every figure in words
 * with its numerator and denominator, "—" for a ratio of nothing, the
 * charts, the star rating, a leader's table, the periods. And the status
 * bar saying a year's working-day file is missing (the calendar the
 * figures are counted by). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "screens/screen.h"
#include "vscreen.h"

static struct vscreen vs;

#define T(y, mo, d, h, mi) cal_join((y), (mo), (d), (h), (mi), 0)

#define ck_shows(text) \
	ck_assert_msg(vscreen_find(&vs, (text), &y, &x), "no \"%s\" on:\n%s", (text), vscreen_dump(&vs))

static struct dossier mk(const char *code, const char *clerk, int status, int channel,
			 int64_t received, int64_t due, int64_t finished)
{
	return (struct dossier){
		.code = xstrdup(code), .procedure_code = xstrdup("1.001193"),
		.procedure_name = xstrdup("Đăng ký khai sinh"), .assignee = xstrdup(clerk),
		.status = status, .channel = channel, .received_at = received, .due_at = due,
		.finished_at = finished, .updated_at = finished ? finished : received,
		.version = xstrdup("1"),
	};
}

/* A desk on Monday 20 October 2025, 10:00, with October's dossiers. */
static void open_desk(const char *term, bool empty)
{
	struct dossier *d = xcalloc(5, sizeof *d);
	size_t n = 0;

	vscreen_open(&vs, term, 24, 80);
	vs.app.clock_offset = T(2025, 10, 20, 10, 0) - (int64_t)time(NULL);
	if (!empty) {
		d[n++] = mk("D1", "An", ST_RETURNED, CH_ONLINE, T(2025, 10, 6, 9, 0), T(2025, 10, 8, 9, 0),
			    T(2025, 10, 7, 9, 0));
		d[n++] = mk("D2", "An", ST_RESULT_READY, CH_DIRECT, T(2025, 10, 8, 9, 0),
			    T(2025, 10, 9, 15, 0), T(2025, 10, 9, 9, 0));
		d[n++] = mk("D3", "Bình", ST_RETURNED, CH_DIRECT, T(2025, 10, 6, 9, 0),
			    T(2025, 10, 7, 9, 0), T(2025, 10, 7, 10, 0));
		d[n++] = mk("D4", "Bình", ST_PROCESSING, CH_ONLINE, T(2025, 10, 14, 9, 0),
			    T(2025, 10, 17, 9, 0), 0);
	}
	app_set_dossiers(&vs.app, d, n);
	vscreen_draw(&vs);
	vscreen_keys(&vs, (const char *[]){ "D" }, 1);
}

START_TEST(utf8_at_80x24)
{
	int y, x;

	open_desk("xterm-256color", false);
	ck_assert_ptr_eq(vs.app.ui->screen, &screen_dashboard);
	ck_shows("Dashboard: this month");
	ck_shows("Received 4 (at the desk 2, online 2, by post 0); resolved 3 (early 1, on time");
	ck_shows("1, late 1)");
	/* a 09:00 result due at 15:00 the same day is on time, not early */
	ck_shows("On-time rate 66.7 %: 2 of 3 resolved in the period (result ready at the desk)");
	ck_shows("Online share 50.0 %: 2 of 4 received in the period (all channels)");
	ck_shows("Open now 1: \u2588 overdue 1, \u2593 today 0");
	ck_shows("\u2605\u2605\u2605\u2605\u2606 4 of 5 stars; a star lost for each of: on-time rate");
	/* the fourth criterion has no source: said, not made up */
	ck_shows("Satisfaction \u2014: neither the store nor the server has a figure; no star lost");
	/* the bars' figures in words, each day with something */
	ck_shows("Per day, received/resolved: 06/10 2/0, 07/10 0/2, 08/10 1/0, 09/10 0/1");
	/* the charts, in blocks, and the weekly rate in words too */
	/* received and resolved differ by glyph, not by colour alone */
	ck_shows("Received \u2588 and resolved \u2592 per day, 2 at most");
	ck_shows("\u2592\u2588");
	ck_shows("01/10/2025");
	ck_shows("31/10/2025");
	/* the thresholds are settings: a lower on-time threshold gives the star back */
	vs.app.conf.stars_on_time = 60;
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_shows("\u2605\u2605\u2605\u2605\u2605 5 of 5 stars");
	ck_shows("On-time rate per week");
	ck_shows("06/10 66.7 %");
	ck_assert_msg(y < 23, "the weekly line must fit 80x24:\n%s", vscreen_dump(&vs));
	vscreen_close(&vs);
}
END_TEST

START_TEST(vt100_is_ascii)
{
	const char *dump;
	int y, x;

	open_desk("vt100", false);
	ck_shows("Received 4 (at the desk 2, online 2, by post 0)");
	ck_shows("****- 4 of 5 stars");
	ck_shows("# overdue 1");
	ck_shows("#  =#  =");
	ck_shows("06/10 66.7 %");
	dump = vscreen_dump(&vs);
	ck_assert_msg(!strstr(dump, "\u2588") && !strstr(dump, "\u2605") && !strstr(dump, "\u2581"),
		      "blocks on a vt100:\n%s", dump);
	vscreen_close(&vs);
}
END_TEST

START_TEST(zero_denominators_read_as_a_dash)
{
	int y, x;

	open_desk("xterm-256color", true);
	ck_shows("On-time rate \u2014: 0 of 0 resolved in the period");
	ck_shows("Online share \u2014: 0 of 0 received");
	ck_shows("Average processing time \u2014: nothing resolved in the period");
	ck_assert_msg(!vscreen_find(&vs, "0.0 %", &y, &x), "a ratio of nothing as 0 %%:\n%s",
		      vscreen_dump(&vs));
	/* the counts are kept while nothing changes, made again when a sync
	 * brings dossiers */
	{
		struct dossier *d = xcalloc(1, sizeof *d);

		d[0] = mk("D9", "An", ST_RETURNED, CH_ONLINE, T(2025, 10, 6, 9, 0), T(2025, 10, 8, 9, 0),
			  T(2025, 10, 7, 9, 0));
		app_set_dossiers(&vs.app, d, 1);
		vscreen_draw(&vs);
	}
	ck_shows("On-time rate 100.0 %: 1 of 1 resolved in the period");
	vscreen_close(&vs);
}
END_TEST

START_TEST(leader_table_and_periods)
{
	int y, x;

	open_desk("xterm-256color", false);
	vscreen_keys(&vs, (const char *[]){ "b" }, 1);
	ck_shows("Each clerk (2)");
	ck_shows("An ");
	ck_shows("Bình");
	ck_shows("100.0 %");	/* An: both early or on time */
	vscreen_keys(&vs, (const char *[]){ "b" }, 1);
	ck_shows("Each procedure (1)");
	ck_shows("Đăng ký khai sinh");
	vscreen_keys(&vs, (const char *[]){ "p" }, 1);
	ck_shows("Dashboard: this quarter");
	vscreen_keys(&vs, (const char *[]){ "p", "p", "p" }, 3);
	ck_shows("Dashboard: this week");
	ck_shows("Received 0 (");
	vscreen_keys(&vs, (const char *[]){ "q" }, 1);
	ck_assert_ptr_eq(vs.app.ui->screen, &screen_inbox);
	vscreen_close(&vs);
}
END_TEST

/* In Vietnamese too, the desk's month fits 80x24, the weekly line last. */
START_TEST(vietnamese_fits)
{
	int y, x;

	if (!vscreen_language("vi"))
		return;
	open_desk("xterm-256color", false);
	ck_shows("Bảng chỉ số: tháng này");
	ck_shows("Tỷ lệ đúng hạn 66.7 %: 2 trên 3 đã giải quyết trong kỳ");
	ck_shows("Tỷ lệ đúng hạn theo tuần");
	ck_assert_msg(y < 23, "the weekly line must fit 80x24:\n%s", vscreen_dump(&vs));
	vscreen_close(&vs);
}
END_TEST

static void type(const char *text)
{
	for (const char *c = text; *c; c++) {
		char name[8];
		const char *k = name;

		if (*c == ' ')
			k = "<Space>";
		else
			snprintf(name, sizeof name, "%c", *c);
		vscreen_keys(&vs, &k, 1);
	}
}

/* r asks for a period from one day to another, as dd/mm/yyyy. */
START_TEST(a_typed_period)
{
	int y, x;

	open_desk("xterm-256color", false);
	vscreen_keys(&vs, (const char *[]){ "r" }, 1);
	ck_shows("From day to day (dd/mm/yyyy dd/mm/yyyy):");
	type("06/10/2025 31/09/2025");
	vscreen_keys(&vs, (const char *[]){ "<Enter>" }, 1);
	ck_shows("31/09/2025 is not a date");
	vscreen_keys(&vs, (const char *[]){ "<C-u>" }, 1);
	type("06/10/2025 07/10/2025");
	vscreen_keys(&vs, (const char *[]){ "<Enter>" }, 1);
	ck_shows("Dashboard: 06/10/2025 to 07/10/2025");
	ck_shows("Received 2 (at the desk 1, online 1, by post 0); resolved 2 (early 1, on time");
	ck_assert_msg(!vscreen_find(&vs, "From day to day", &y, &x), "still asking:\n%s", vscreen_dump(&vs));
	vscreen_keys(&vs, (const char *[]){ "p" }, 1);
	ck_shows("Dashboard: today");
	vscreen_close(&vs);
}
END_TEST

/* A year without its working-day file is said in the status bar at
 * start: November 2025, due dates run into 2026, whose file is missing. */
START_TEST(missing_calendar_year_in_the_status_bar)
{
	char dir[] = "/tmp/test_dashboard.XXXXXX", path[64], cmd[128];
	FILE *f;
	int y, x;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/vn-2025.days", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fclose(f);
	setenv("MOTCUA_CALENDAR_DIR", dir, 1);
	setenv("MOTCUA_CLOCK", "2025-11-20 09:00", 1);
	vscreen_open(&vs, "xterm-256color", 24, 80);
	vscreen_draw(&vs);
	ck_assert_msg(vscreen_find(&vs, "No working-day file for 2026", &y, &x) && y > 16,
		      "the status bar does not say it:\n%s", vscreen_dump(&vs));
	vscreen_close(&vs);
	unsetenv("MOTCUA_CLOCK");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("screen_dashboard");
	TCase *tc = tcase_create("dashboard");

	tcase_add_test(tc, utf8_at_80x24);
	tcase_add_test(tc, vt100_is_ascii);
	tcase_add_test(tc, zero_denominators_read_as_a_dash);
	tcase_add_test(tc, leader_table_and_periods);
	tcase_add_test(tc, a_typed_period);
	tcase_add_test(tc, vietnamese_fits);
	tcase_add_test(tc, missing_calendar_year_in_the_status_bar);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
