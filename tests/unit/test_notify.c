/* Notifications: which dossiers are told (new ones, not the first sync's;
 * each deadline band once, across restarts), how bursts are grouped, that
 * no applicant's name is in the text, and the terminal and status-line
 * paths (no session bus here; the desktop path is tests/e2e/test_notify.sh). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/notify.h"
#include "check_main.h"
#include "core/calendar.h"
#include "core/xalloc.h"
#include "store/store.h"

static char dir[256], db[4200];
static struct app app;
static struct store *st;

static void setup(void)
{
	struct err e = { "" };

	unsetenv("DBUS_SESSION_BUS_ADDRESS");
	snprintf(dir, sizeof dir, "/tmp/motcua-notify.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/t.db", dir);
	ck_assert_int_eq(app_init(&app, &e), 0);
	/* Wednesday 15 October 2025, 09:00 */
	ck_assert_int_eq(app_set_clock(&app, "2025-10-15 09:00", &e), 0);
	st = store_open(db, &e);
	ck_assert_msg(st != NULL, "%s", e.msg);
}

static void teardown(void)
{
	char cmd[400];

	store_close(st);
	app_free(&app);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static struct dossier make(const char *code, int status, int64_t due)
{
	struct dossier d = { 0 };

	d.code = xstrdup(code);
	d.procedure_name = xstrdup("Đăng ký khai sinh");
	d.applicant_name = xstrdup("Nguyễn Văn An");
	d.status = status;
	d.due_at = due;
	return d;
}

static int64_t at(int day, int hour)
{
	return cal_join(2025, 10, day, hour, 0, 0);
}

/* Put dossiers into the inbox and the store, as a sync and a fetch of each
 * would: the deadline checks read the store, the history of due dates from
 * the whole dossier. */
static void inbox(struct dossier *items, size_t n)
{
	struct dossier *copy = xcalloc(n, sizeof *copy);
	struct err e = { "" };

	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(store_put_dossier(st, &items[i], true, 1, &e), 0);
		copy[i] = items[i];
	}
	app_set_dossiers(&app, copy, n);
}

static void synced_once(void)
{
	struct err e = { "" };

	ck_assert_int_eq(store_meta_set_int(st, "synced_at", app_now(&app), &e), 0);
}

static void free_items(struct dossier *items, int n)
{
	for (int i = 0; i < n; i++)
		dossier_free(&items[i]);
}

START_TEST(a_new_dossier_is_told_by_code_and_procedure_not_name)
{
	struct dossier known[1], page[2];
	struct notify *n;

	synced_once();
	known[0] = make("H26-251015-0001", ST_PROCESSING, at(24, 9));
	inbox(known, 1);
	n = notify_new(&app, st);
	page[0] = make("H26-251015-0001", ST_PROCESSING, at(24, 9));
	page[1] = make("H26-251015-0002", ST_NEW, 0);
	notify_arrived(n, page, 2);
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_msg(strstr(app.msg, "1 new dossier") && strstr(app.msg, "H26-251015-0002") &&
		      strstr(app.msg, "Đăng ký khai sinh"), "%s", app.msg);
	ck_assert_ptr_null(strstr(app.msg, "H26-251015-0001"));
	ck_assert_ptr_null(strstr(app.msg, "Nguyễn"));
	ck_assert(app.bell);	/* no desktop here: the terminal rings */
	ck_assert_str_eq(notify_channel(n), "terminal");
	/* told once */
	app.bell = false;
	ck_assert_int_eq(notify_check(n), 0);
	ck_assert(!app.bell);
	free_items(page, 2);
	notify_free(n);
}
END_TEST

START_TEST(a_burst_is_one_notice)
{
	struct dossier page[12];
	struct notify *n;
	char code[32];

	synced_once();
	n = notify_new(&app, st);
	for (int i = 0; i < 12; i++) {
		snprintf(code, sizeof code, "H26-251015-%04d", i + 1);
		page[i] = make(code, ST_NEW, 0);
	}
	notify_arrived(n, page, 12);
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_str_eq(app.msg, "12 new dossiers");
	free_items(page, 12);
	notify_free(n);
}
END_TEST

START_TEST(the_first_sync_of_an_empty_store_is_quiet)
{
	struct dossier page[3];
	struct notify *n = notify_new(&app, st);	/* never synced */

	page[0] = make("A-1", ST_NEW, 0);
	page[1] = make("A-2", ST_NEW, 0);
	page[2] = make("A-3", ST_NEW, 0);
	notify_arrived(n, page, 2);
	ck_assert_int_eq(notify_check(n), 0);
	ck_assert_str_eq(app.msg, "");
	/* after it, what comes is new */
	notify_synced(n);
	notify_arrived(n, page + 2, 1);
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_msg(strstr(app.msg, "A-3"), "%s", app.msg);
	free_items(page, 3);
	notify_free(n);
}
END_TEST

START_TEST(finished_arrivals_are_not_told)
{
	struct dossier page[1];
	struct notify *n;

	synced_once();
	n = notify_new(&app, st);
	page[0] = make("A-1", ST_RETURNED, 0);
	notify_arrived(n, page, 1);
	ck_assert_int_eq(notify_check(n), 0);
	free_items(page, 1);
	notify_free(n);
}
END_TEST

START_TEST(each_deadline_band_once_across_restarts)
{
	struct dossier items[4];
	struct notify *n;
	struct err e = { "" };

	app.conf.notify_due_hours = 20;
	items[0] = make("D-today", ST_PROCESSING, at(15, 16));	/* due today 16:00 */
	items[1] = make("D-apology", ST_ACCEPTED, at(16, 16));	/* apology due today 16:00 */
	items[2] = make("D-hours", ST_PROCESSING, at(17, 10));	/* 17 working hours left */
	items[3] = make("D-later", ST_PROCESSING, at(24, 10));	/* in time */
	inbox(items, 4);
	n = notify_new(&app, st);
	ck_assert_int_eq(notify_check(n), 3);
	/* the most urgent is the one left on the status line */
	ck_assert_msg(strstr(app.msg, "1 dossier due today: D-today"), "%s", app.msg);
	ck_assert_int_eq(notify_check(n), 0);
	notify_free(n);

	/* a restart does not tell them again */
	n = notify_new(&app, st);
	ck_assert_int_eq(notify_check(n), 0);

	/* a new due time (a supplement round moved it) is told again */
	app_find_dossier(&app, "D-later")->due_at = at(15, 15);
	ck_assert_int_eq(store_put_dossier(st, app_find_dossier(&app, "D-later"), false, 1, &e), 0);
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_msg(strstr(app.msg, "D-later"), "%s", app.msg);

	/* a day later the dossier due within hours is due today: told again */
	app.clock_offset += 2 * 86400;	/* Friday 09:00 */
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_msg(strstr(app.msg, "due today: D-hours"), "%s", app.msg);
	notify_free(n);
}
END_TEST

START_TEST(entering_the_due_hours_band)
{
	struct dossier items[1];
	struct notify *n;

	app.conf.notify_due_hours = 8;
	items[0] = make("D-1", ST_PROCESSING, at(17, 10));	/* Friday 10:00 */
	/* its date was moved once already: no apology band left */
	items[0].due_history = xcalloc(1, sizeof *items[0].due_history);
	items[0].due_history[0].reason = xstrdup("apology");
	items[0].ndue = 1;
	inbox(items, 1);
	n = notify_new(&app, st);
	ck_assert_int_eq(notify_check(n), 0);	/* 17 working hours away */
	app.clock_offset += 86400 + 3 * 3600;	/* Thursday 12:00: 8 h left */
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_msg(strstr(app.msg, "1 dossier due within 8 working hours: D-1"), "%s", app.msg);
	notify_free(n);
}
END_TEST

START_TEST(notify_no_is_the_status_line_only)
{
	struct dossier items[1];
	struct notify *n;

	app.conf.notify = false;
	items[0] = make("D-1", ST_PROCESSING, at(15, 16));
	inbox(items, 1);
	n = notify_new(&app, st);
	ck_assert_int_eq(notify_check(n), 1);
	ck_assert_msg(strstr(app.msg, "due today"), "%s", app.msg);
	ck_assert(!app.bell);
	ck_assert_str_eq(notify_channel(n), "status line");
	notify_free(n);
}
END_TEST

START_TEST(no_desktop_without_a_session_bus)
{
	ck_assert(!notify_desktop_open());
}
END_TEST

static Suite *notify_suite(void)
{
	Suite *s = suite_create("notify");
	TCase *tc = tcase_create("notify");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_new_dossier_is_told_by_code_and_procedure_not_name);
	tcase_add_test(tc, a_burst_is_one_notice);
	tcase_add_test(tc, the_first_sync_of_an_empty_store_is_quiet);
	tcase_add_test(tc, finished_arrivals_are_not_told);
	tcase_add_test(tc, each_deadline_band_once_across_restarts);
	tcase_add_test(tc, entering_the_due_hours_band);
	tcase_add_test(tc, notify_no_is_the_status_line_only);
	tcase_add_test(tc, no_desktop_without_a_session_bus);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(notify_suite)
