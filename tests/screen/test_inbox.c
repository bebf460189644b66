#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/session.h"
#include "check_main.h"
#include "core/calendar.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "screens/inbox.h"
#include "screens/macro.h"
#include "store/store.h"
#include "vscreen.h"

static struct vscreen vs;

static void open_at(const char *term, int rows, int cols)
{
	vscreen_open(&vs, term, rows, cols);
}

#define ck_row_has(y, text) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d lacks \"%s\":\n%s", (y), (text), vscreen_dump(&vs))

START_TEST(frame_at_80x24)
{
	int y, x;

	open_at("xterm-256color", 24, 80);
	ck_row_has(0, "motcua");
	ck_row_has(0, "Inbox (0)");
	ck_row_has(0, "not logged in");
	ck_row_has(1, "All 0");
	ck_row_has(2, "Code");
	ck_row_has(2, "Applicant");
	ck_row_has(2, "Status");
	ck_assert(vscreen_find(&vs, "No dossiers", &y, &x));
	ck_assert_int_gt(y, 5);
	ck_assert_int_lt(y, 18);
	ck_assert_int_eq(x, (80 - 11) / 2);
	ck_row_has(23, "q Quit");
	ck_row_has(23, "no server");
	ck_row_has(23, "no data");
	ck_assert_ptr_null(strstr(vscreen_row(&vs, 23), "queued"));	/* only when some are */
	/* the bars are coloured, the header underlined */
	ck_assert_int_ne(vscreen_pair(&vs, 0, 0), 0);
	ck_assert_int_ne(vscreen_pair(&vs, 23, 0), 0);
	ck_assert(vscreen_attr(&vs, 2, 0) & A_UNDERLINE);
	vscreen_close(&vs);
}
END_TEST

/* What a clerk on a flaky link must see: actions not yet delivered, how old
 * the data is, a slow link with its delay. */
START_TEST(status_bar_shows_queue_data_age_and_link)
{
	open_at("xterm-256color", 24, 80);
	vs.app.queued = 3;
	vs.app.data_time = app_now(&vs.app) - 5 * 60 - 10;
	vs.app.link = LINK_SLOW;
	vs.app.rtt_ms = 1800;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "3 queued");
	ck_row_has(23, "data 5 min");
	ck_row_has(23, "slow link 1.8 s");
	vs.app.loading = true;
	vs.app.data_time -= 3 * 3600;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "syncing");
	vs.app.loading = false;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "data 3 h");
	vscreen_close(&vs);
}
END_TEST

START_TEST(monochrome_terminal_marks_bars_by_attribute)
{
	open_at("vt100", 24, 80);
	ck_assert_int_eq(vscreen_pair(&vs, 0, 0), 0);
	ck_assert(vscreen_attr(&vs, 0, 0) & A_REVERSE);
	ck_assert(vscreen_attr(&vs, 23, 79) & A_REVERSE);
	vscreen_close(&vs);
}
END_TEST

START_TEST(no_color_is_honoured)
{
	setenv("NO_COLOR", "1", 1);
	open_at("xterm-256color", 24, 80);
	ck_assert_int_eq(vscreen_pair(&vs, 0, 0), 0);
	ck_assert(vscreen_attr(&vs, 0, 0) & A_REVERSE);
	vscreen_close(&vs);
	unsetenv("NO_COLOR");
}
END_TEST

START_TEST(resize_relays_out)
{
	open_at("xterm-256color", 24, 80);
	vscreen_resize(&vs, 40, 120);
	ck_row_has(0, "Inbox (0)");
	ck_row_has(39, "no data");
	ck_assert_int_eq((int)strlen(vscreen_row(&vs, 39)) >= 100, 1);
	vscreen_resize(&vs, 24, 80);
	ck_row_has(23, "no data");
	ck_assert_str_eq(vscreen_row(&vs, 30), "");
	vscreen_close(&vs);
}
END_TEST

START_TEST(too_small_says_so_and_recovers)
{
	open_at("xterm-256color", 24, 80);
	vscreen_resize(&vs, 20, 60);
	ck_assert_msg(strstr(vscreen_dump(&vs), "Terminal too small"), "%s", vscreen_dump(&vs));
	ck_assert_msg(strstr(vscreen_dump(&vs), "60x20, needs 80x24"), "%s", vscreen_dump(&vs));
	vscreen_resize(&vs, 24, 80);
	ck_row_has(0, "Inbox (0)");
	ck_assert_ptr_null(strstr(vscreen_dump(&vs), "too small"));
	vscreen_close(&vs);
}
END_TEST

START_TEST(keys_on_an_empty_inbox_change_nothing)
{
	static const char *const keys[] = { "j", "<Down>", "k", "Z", "<C-l>" };
	char before[8192];

	open_at("xterm-256color", 24, 80);
	snprintf(before, sizeof before, "%s", vscreen_dump(&vs));
	vscreen_keys(&vs, keys, 5);
	ck_assert_str_eq(vscreen_dump(&vs), before);
	ck_assert(!vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

START_TEST(quit_key_quits)
{
	static const char *const keys[] = { "q" };

	open_at("xterm-256color", 24, 80);
	vscreen_keys(&vs, keys, 1);
	ck_assert(vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

/* An empty inbox says why: only a server that answered has no dossiers.
 * A session with a new store on a port where nothing listens: before the
 * first try it is not offline, after it the server is down, not empty. */
START_TEST(an_empty_inbox_says_why)
{
	struct cli cli = { .profile = "sandbox-reference", .server = "http://127.0.0.1:9", .user = "tiepnhan1" };
	char dir[64], cmd[128];
	struct err e;
	int y, x;

	open_at("vt100", 24, 80);	/* each hint whole, wrapped */
	ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/motcua-screen-empty.XXXXXX")));
	setenv("XDG_DATA_HOME", dir, 1);
	ck_assert_msg(session_open(&vs.app, &cli, "x", &e) == 0, "%s", e.msg);
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_assert_msg(!vscreen_find(&vs, "OFFLINE", NULL, NULL), "%s", vscreen_dump(&vs));
	ck_assert_msg(!vscreen_find(&vs, "has no dossiers", NULL, NULL), "%s", vscreen_dump(&vs));
	/* the login's tries end (the transport's deadlines); the link is
	 * never called offline meanwhile: the machine answered */
	for (int i = 0; i < 120 && vs.app.link != LINK_DOWN; i++) {
		ck_assert_msg(loop_once(&vs.app.loop, 500, &e) == 0, "%s", e.msg);
		ck_assert_int_ne(vs.app.link, LINK_OFFLINE);
	}
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_assert_msg(vscreen_find(&vs, "The server is not running (it refused the connection)", &y, &x) &&
		      vscreen_find(&vs, "back.", &y, &x), "%s", vscreen_dump(&vs));
	ck_row_has(23, "SERVER DOWN");
	ck_assert_msg(!vscreen_find(&vs, "has no dossiers", NULL, NULL), "%s", vscreen_dump(&vs));

	/* no answer at all (a name, a route, a timeout) */
	vs.app.link = LINK_OFFLINE;
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_assert_msg(vscreen_find(&vs, "The server cannot be reached and nothing is stored here yet", &y, &x) &&
		      vscreen_find(&vs, "answers.", &y, &x), "%s", vscreen_dump(&vs));
	/* an address or a certificate that cannot work */
	vs.app.link = LINK_BROKEN;
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_assert_msg(vscreen_find(&vs, "Cannot connect as configured", &y, &x) &&
		      vscreen_find(&vs, "server.", &y, &x), "%s", vscreen_dump(&vs));
	/* only once the server answered with nothing */
	vs.app.link = LINK_ONLINE;
	vs.app.data_time = app_now(&vs.app);
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_assert_msg(vscreen_find(&vs, "The server has no dossiers for this desk.", &y, &x), "%s",
		      vscreen_dump(&vs));
	session_close(&vs.app);
	vscreen_close(&vs);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(status_bar_shows_link_and_messages)
{
	int y, x;

	open_at("vt100", 24, 80);
	vs.app.link = LINK_OFFLINE;
	vs.app.queued = 3;
	app_message(&vs.app, MSG_ERROR, "the server refused the login");
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_row_has(23, "the server refused the login");
	ck_row_has(23, "3 queued");
	ck_assert(vscreen_find(&vs, "OFFLINE", &y, &x));
	ck_assert_int_eq(y, 23);
	ck_assert(vscreen_attr(&vs, y, x) & A_BOLD);
	ck_assert(vscreen_attr(&vs, 23, 1) & A_BOLD);	/* an error, not a hint */
	vscreen_close(&vs);
}
END_TEST

/* Before the first try the link is not called offline; once a try has
 * failed, the bar counts down to the next one. */
START_TEST(status_bar_says_connecting_then_when_the_next_try_is)
{
	open_at("vt100", 24, 80);
	vs.app.link = LINK_CONNECTING;
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_row_has(23, "connecting");
	ck_assert(!vscreen_find(&vs, "OFFLINE", NULL, NULL));

	vs.app.link = LINK_OFFLINE;
	vs.app.next_try = app_now(&vs.app) + 4;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "OFFLINE, retry in 4 s");

	/* a server whose machine refuses the connection is down, not offline */
	vs.app.link = LINK_DOWN;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "SERVER DOWN, retry in 4 s");
	ck_assert(!vscreen_find(&vs, "OFFLINE", NULL, NULL));

	/* a bad address or certificate is not offline */
	vs.app.link = LINK_BROKEN;
	vs.app.next_try = 0;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "CANNOT CONNECT");
	ck_assert(!vscreen_find(&vs, "OFFLINE", NULL, NULL));

	/* refused actions are the clerk's to decide, not queued */
	vs.app.queued = 3;
	vs.app.waiting = 2;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "2 to decide, 1 queued");
	vscreen_close(&vs);
}
END_TEST

/* Monday 24 November 2025, 09:00 in Vietnam. */
#define NOW_Y 2025, 11, 24, 9, 0, 0

static struct dossier mk(const char *code, const char *who, int status, int64_t due)
{
	return (struct dossier){ .code = xstrdup(code), .applicant_name = xstrdup(who),
				 .status = status, .due_at = due, .channel = 1 };
}

/* One dossier in each band, given in the wrong order. The time left is
 * shown in whole minutes, hours or days, so a second passing between
 * setting the clock and drawing would change it ("5h 00m" to "4h 59m"): the
 * clock is set at the start of a second, and all is done again if the draw
 * still ran into the next one (a slow sanitizer build on a busy machine). */
static void fill_bands(void)
{
	for (int tries = 0; tries < 10; tries++) {
		struct dossier *d = xcalloc(6, sizeof *d);
		time_t t0 = time(NULL);

		while (time(NULL) == t0)
			usleep(1000);
		t0 = time(NULL);
		vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)t0;
		d[0] = mk("E-OK", "Phạm Văn E", 4, cal_join(2025, 12, 10, 9, 0, 0));
		d[1] = mk("F-DONE", "Vũ Thị F", 10, cal_join(2025, 11, 20, 9, 0, 0));
		d[2] = mk("C-SOON", "Lê Văn C", 4, cal_join(2025, 11, 26, 9, 0, 0));
		d[3] = mk("A-OVERDUE", "Nguyễn Văn A", 4, cal_join(2025, 11, 21, 10, 0, 0));
		d[4] = mk("D-APOLOGY", "Hoàng Thị D", 6, cal_join(2025, 11, 25, 10, 0, 0));
		d[5] = mk("B-TODAY", "Trần Thị B", 2, cal_join(2025, 11, 24, 16, 0, 0));
		app_set_dossiers(&vs.app, d, 6);
		vs.app.redraw |= RD_ALL;
		vscreen_draw(&vs);
		if (time(NULL) == t0)
			return;
	}
	ck_abort_msg("ten draws of six rows each took more than a second");
}

START_TEST(rows_sorted_by_urgency_with_band_glyphs)
{
	open_at("vt100", 24, 80);
	fill_bands();
	ck_row_has(0, "Inbox (6)");
	ck_row_has(3, "\u203c A-OVERDUE");
	ck_row_has(3, "Nguyễn Văn A");
	ck_row_has(3, "21/11 10:00");
	ck_row_has(3, "7 hours overdue");
	ck_row_has(4, "\u25cf B-TODAY");
	ck_row_has(4, "5h 00m left");
	ck_row_has(5, "\u2709 D-APOLOGY");
	ck_row_has(5, "Fee due");
	ck_row_has(6, "\u25b2 C-SOON");
	ck_row_has(6, "2d 0h left");
	ck_row_has(7, "  E-OK");
	ck_row_has(7, "12 days left");
	ck_row_has(8, "  F-DONE");
	ck_row_has(8, "Returned");
	/* monochrome: the bands are told apart by attributes too */
	ck_assert(vscreen_attr(&vs, 4, 0) & A_BOLD);		/* today */
	ck_assert(vscreen_attr(&vs, 5, 0) & A_UNDERLINE);	/* apology */
	/* the first row is selected */
	ck_assert(vscreen_attr(&vs, 3, 5) & A_REVERSE);
	ck_assert(!(vscreen_attr(&vs, 4, 5) & A_REVERSE));
	vscreen_close(&vs);
}
END_TEST

START_TEST(colour_terminal_gets_colours)
{
	open_at("xterm-256color", 24, 80);
	fill_bands();
	ck_row_has(3, "\u203c A-OVERDUE");
	ck_assert_int_ne(vscreen_pair(&vs, 3, 0), 0);
	ck_assert_int_ne(vscreen_pair(&vs, 4, 0), vscreen_pair(&vs, 3, 0));
	vscreen_close(&vs);
}
END_TEST

START_TEST(non_utf8_locale_gets_ascii_glyphs)
{
	setlocale(LC_ALL, "C");
	open_at("vt100", 24, 80);
	fill_bands();
	ck_row_has(3, "! A-OVERDUE");
	ck_row_has(4, "* B-TODAY");
	ck_row_has(5, "@ D-APOLOGY");
	ck_row_has(6, "^ C-SOON");
	vscreen_close(&vs);
}
END_TEST

/* Names without their marks, one column a letter, so the columns after
 * them stay where they are; the clerk is told why. */
START_TEST(non_utf8_locale_shows_names_without_marks)
{
	int y, x, y2, x2;

	setlocale(LC_ALL, "C");
	open_at("vt100", 24, 80);
	ck_assert_ptr_nonnull(strstr(vs.app.msg, "not UTF-8"));
	fill_bands();
	ck_row_has(3, "Nguyen Van A");
	ck_row_has(5, "Hoang Thi D");
	ck_assert(vscreen_find(&vs, "Nguyen Van A", &y, &x));
	ck_assert(vscreen_find(&vs, "Tran Thi B", &y2, &x2));
	ck_assert_int_eq(x, x2);
	ck_assert(vscreen_find(&vs, "21/11 10:00", &y, &x));
	ck_assert(vscreen_find(&vs, "24/11 16:00", &y2, &x2));
	ck_assert_int_eq(x, x2);
	ck_row_has(0, " motcua | Inbox (6)");
	ck_row_has(23, "no UTF-8 |");
	vscreen_close(&vs);
}
END_TEST

START_TEST(selection_moves_and_scrolls)
{
	static const char *const down[] = { "j", "j" };
	static const char *const last[] = { "G" };
	static const char *const first[] = { "g" };
	struct dossier *d = xcalloc(40, sizeof *d);

	open_at("vt100", 24, 80);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	for (int i = 0; i < 40; i++) {
		char code[32];

		snprintf(code, sizeof code, "X-%02d", i);
		d[i] = mk(code, "Đỗ Văn X", 4, cal_join(2025, 12, 1 + i % 20, 9, 0, 0) + i);
	}
	app_set_dossiers(&vs.app, d, 40);
	vscreen_keys(&vs, down, 2);
	ck_assert(vscreen_attr(&vs, 5, 5) & A_REVERSE);
	ck_assert(!(vscreen_attr(&vs, 3, 5) & A_REVERSE));
	vscreen_keys(&vs, last, 1);
	/* 20 list rows at 80x24: the last dossier is on the last one */
	ck_assert(vscreen_attr(&vs, 22, 5) & A_REVERSE);
	ck_row_has(0, "Inbox (40)");
	vscreen_keys(&vs, first, 1);
	ck_assert(vscreen_attr(&vs, 3, 5) & A_REVERSE);
	vscreen_close(&vs);
}
END_TEST

/* A count before a move repeats it, typed by hand or by a macro; it does
 * not carry over to a key that is no move. */
START_TEST(counts_repeat_moves_by_hand_and_in_macros)
{
	static const char *const five_down[] = { "5", "j" };
	static const char *const twelve_up[] = { "1", "2", "k" };
	static const char *const count_then_other[] = { "3", "<C-l>", "j" };
	static const char *const f5[] = { "<F5>" };
	struct dossier *d = xcalloc(40, sizeof *d);
	struct cmd_words w = { 0 };
	struct err e = { "" };

	open_at("vt100", 24, 80);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	for (int i = 0; i < 40; i++) {
		char code[32];

		snprintf(code, sizeof code, "X-%02d", i);
		d[i] = mk(code, "Đỗ Văn X", 4, cal_join(2025, 12, 1 + i % 20, 9, 0, 0) + i);
	}
	app_set_dossiers(&vs.app, d, 40);
	vscreen_keys(&vs, five_down, 2);
	ck_assert(vscreen_attr(&vs, 3 + 5, 5) & A_REVERSE);
	vscreen_keys(&vs, twelve_up, 3);
	/* never past the first row */
	ck_assert(vscreen_attr(&vs, 3, 5) & A_REVERSE);
	vscreen_keys(&vs, count_then_other, 3);
	ck_assert(vscreen_attr(&vs, 4, 5) & A_REVERSE);
	ck_assert_int_eq(cmd_split("macro inbox <F5> 10j \"Ten down\"", &w, &e), 0);
	ck_assert_msg(macro_cmd(&vs.app, &w, &e) == 0, "%s", e.msg);
	vscreen_keys(&vs, f5, 1);
	macro_pump(&vs.app);
	vscreen_draw(&vs);
	ck_assert(vscreen_attr(&vs, 4 + 10, 5) & A_REVERSE);
	ck_row_has(23, "Macro <F5> done (3 steps).");
	cmd_words_free(&w);
	macro_free_all(&vs.app);
	vscreen_close(&vs);
}
END_TEST

/* An inbox longer than what is kept of it at a time: the rows are read
 * from the store around what is drawn, from either end, by a code, through
 * the filter, and a row the store gains shows at the next generation. */
#define LONG 500

static void press(const char *key, int times)
{
	for (int i = 0; i < times; i++)
		vscreen_keys(&vs, &key, 1);
}

static void type_text(const char *text)
{
	for (; *text; text++) {
		char one[2] = { *text, '\0' };
		const char *name = one;

		vscreen_keys(&vs, &name, 1);
	}
}

START_TEST(a_long_inbox_is_read_around_what_is_shown)
{
	struct dossier *d = xcalloc(LONG, sizeof *d);
	struct dossier late = { 0 };
	char code[32];
	struct err e = { "" };

	open_at("vt100", 24, 80);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	/* in time, due in code order: L-000 first */
	for (int i = 0; i < LONG; i++) {
		snprintf(code, sizeof code, "L-%03d", i);
		d[i] = mk(code, "Đỗ Văn L", 4, cal_join(2026, 1, 5, 9, 0, 0) + i * 60);
	}
	app_set_dossiers(&vs.app, d, LONG);
	vscreen_draw(&vs);
	ck_row_has(0, "Inbox (500)");
	ck_row_has(3, "L-000");
	press("G", 1);
	ck_row_has(22, "L-499");
	ck_row_has(3, "L-480");
	ck_assert(vscreen_attr(&vs, 22, 5) & A_REVERSE);
	press("<PageUp>", 12);
	/* 20 rows a page: 499 - 240 */
	ck_row_has(3, "L-259");
	ck_assert(vscreen_attr(&vs, 3, 5) & A_REVERSE);
	press("k", 1);
	ck_row_has(3, "L-258");
	press("g", 1);
	ck_row_has(3, "L-000");
	press("j", 150);
	ck_row_has(22, "L-150");
	ck_row_has(3, "L-131");
	ck_assert(vscreen_attr(&vs, 22, 5) & A_REVERSE);
	press("#", 1);
	type_text("L-377");
	press("<Enter>", 1);
	ck_assert(vscreen_find(&vs, "L-377", &(int){ 0 }, &(int){ 0 }));
	for (int y = 3; y <= 22; y++)
		if (strstr(vscreen_row(&vs, y), "L-377"))
			ck_assert(vscreen_attr(&vs, y, 5) & A_REVERSE);
	/* the filter: a hundred codes start L-3 */
	press("/", 1);
	type_text("L-3");
	press("<Enter>", 1);
	ck_row_has(23 - 1, "L-3");
	ck_assert(vscreen_find(&vs, "100 of 500", &(int){ 0 }, &(int){ 0 }));
	press("G", 1);
	ck_row_has(21, "L-399");
	press("<Esc>", 1);
	ck_row_has(0, "Inbox (500)");
	/* the store gains a dossier due first: shown at the next generation */
	late = mk("L-NEW", "Đỗ Văn M", 4, cal_join(2026, 1, 5, 8, 0, 0));
	ck_assert_msg(store_put_dossier(vs.app.store, &late, false, 0, &e) == 0, "%s", e.msg);
	dossier_free(&late);
	app_dossiers_changed(&vs.app);
	press("g", 1);
	ck_row_has(0, "Inbox (501)");
	ck_row_has(3, "L-NEW");
	ck_row_has(4, "L-000");
	vscreen_close(&vs);
}
END_TEST

/* Over a large inbox a filter key shows the first matches at once and
 * counts them all once the keys stop. */
#define LARGE 6000

START_TEST(a_large_inbox_counts_a_filter_after_the_keys)
{
	struct dossier *d = xcalloc(LARGE, sizeof *d);
	char code[32];
	struct err e = { "" };

	open_at("xterm-256color", 24, 80);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	for (int i = 0; i < LARGE; i++) {
		snprintf(code, sizeof code, "M-%04d", i);
		d[i] = mk(code, i % 2 ? "Trần Thị B" : "Nguyễn Văn A", 4,
			  cal_join(2026, 1, 5, 9, 0, 0) + i * 60);
	}
	app_set_dossiers(&vs.app, d, LARGE);
	vscreen_draw(&vs);
	ck_row_has(0, "Inbox (6000)");
	press("/", 1);
	type_text("tran");
	/* the first matches, not yet counted */
	ck_row_has(3, "M-0001");
	ck_row_has(3, "Trần Thị B");
	ck_row_has(4, "M-0003");
	ck_assert_ptr_null(strstr(vscreen_row(&vs, 0), "(3000)"));
	ck_row_has(0, "Inbox (\u2026)");
	/* a dossier selected past the first matches stays selected */
	press("<Esc>", 1);
	press("<Esc>", 1);
	press("g", 1);
	press("j", 201);
	ck_row_has(22, "M-0201");
	press("/", 1);
	type_text("tran");
	ck_row_has(21, "M-0201");
	/* the selection's colour */
	ck_assert_int_ne(vscreen_pair(&vs, 21, 5), vscreen_pair(&vs, 20, 5));
	/* the loop counts them once the keys stop */
	for (int i = 0; i < 100 && !strstr(vscreen_row(&vs, 0), "(3000)"); i++) {
		ck_assert_int_eq(loop_once(&vs.app.loop, 50, &e), 0);
		vscreen_draw(&vs);
	}
	ck_row_has(0, "Inbox (3000)");
	ck_assert(vscreen_find(&vs, "3000 of 6000", &(int){ 0 }, &(int){ 0 }));
	press("<Enter>", 1);
	press("G", 1);
	ck_row_has(21, "M-5999");
	vscreen_close(&vs);
}
END_TEST

/* The count under way: the ellipsis before anything is counted, what is
 * counted so far with a plus, the whole once done; a key starts over. */
START_TEST(a_large_inbox_shows_its_count_under_way)
{
	struct dossier *d = xcalloc(LARGE, sizeof *d);
	struct inbox_view *v;
	char code[32], text[32];
	struct err e = { "" };

	open_at("xterm-256color", 24, 80);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	for (int i = 0; i < LARGE; i++) {
		snprintf(code, sizeof code, "M-%04d", i);
		d[i] = mk(code, i % 3 ? "Trần Thị B" : "Nguyễn Văn A", 4, cal_join(2026, 1, 5, 9, 0, 0) + i * 60);
	}
	app_set_dossiers(&vs.app, d, LARGE);
	vscreen_draw(&vs);
	press("/", 1);
	type_text("tran");
	v = inbox_view(&vs.app);
	ck_assert(v->counting);
	ck_row_has(0, "Inbox (\u2026)");
	ck_row_has(22, "\u2026 of 6000, counting\u2026");
	inbox_count_text(&vs.app, 1000, text, sizeof text);
	ck_assert_str_eq(text, "1000+");
	for (int i = 0; i < 100 && v->counting; i++) {
		ck_assert_int_eq(loop_once(&vs.app.loop, 50, &e), 0);
		vscreen_draw(&vs);
		/* a count under way is a lower bound */
		ck_assert_int_le(v->tally.c.all, 4000);
	}
	ck_assert(!v->counting);
	ck_row_has(0, "Inbox (4000)");
	ck_row_has(22, "4000 of 6000");
	ck_assert_ptr_null(strstr(vscreen_row(&vs, 22), "counting"));
	/* the next key counts again, from nothing */
	type_text(" t");
	ck_assert(v->counting);
	ck_assert_int_eq(v->tally.c.all, 0);
	ck_row_has(0, "Inbox (\u2026)");
	vscreen_close(&vs);
}
END_TEST

static Suite *inbox_screen_suite(void)
{
	Suite *s = suite_create("screen_inbox");
	TCase *tc = tcase_create("draw");

	tcase_add_test(tc, frame_at_80x24);
	tcase_add_test(tc, an_empty_inbox_says_why);
	tcase_add_test(tc, status_bar_shows_queue_data_age_and_link);
	tcase_add_test(tc, monochrome_terminal_marks_bars_by_attribute);
	tcase_add_test(tc, no_color_is_honoured);
	tcase_add_test(tc, resize_relays_out);
	tcase_add_test(tc, too_small_says_so_and_recovers);
	tcase_add_test(tc, keys_on_an_empty_inbox_change_nothing);
	tcase_add_test(tc, quit_key_quits);
	tcase_add_test(tc, status_bar_shows_link_and_messages);
	tcase_add_test(tc, status_bar_says_connecting_then_when_the_next_try_is);
	tcase_add_test(tc, rows_sorted_by_urgency_with_band_glyphs);
	tcase_add_test(tc, colour_terminal_gets_colours);
	tcase_add_test(tc, non_utf8_locale_gets_ascii_glyphs);
	tcase_add_test(tc, non_utf8_locale_shows_names_without_marks);
	tcase_add_test(tc, selection_moves_and_scrolls);
	tcase_add_test(tc, counts_repeat_moves_by_hand_and_in_macros);
	tcase_add_test(tc, a_long_inbox_is_read_around_what_is_shown);
	tcase_add_test(tc, a_large_inbox_counts_a_filter_after_the_keys);
	tcase_add_test(tc, a_large_inbox_shows_its_count_under_way);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(inbox_screen_suite)
