#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
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
	ck_row_has(1, "Code");
	ck_row_has(1, "Applicant");
	ck_row_has(1, "Status");
	ck_assert(vscreen_find(&vs, "No dossiers", &y, &x));
	ck_assert_int_gt(y, 5);
	ck_assert_int_lt(y, 18);
	ck_assert_int_eq(x, (80 - 11) / 2);
	ck_row_has(23, "q Quit");
	ck_row_has(23, "no server");
	ck_row_has(23, "0 queued");
	/* the bars are coloured, the header underlined */
	ck_assert_int_ne(vscreen_pair(&vs, 0, 0), 0);
	ck_assert_int_ne(vscreen_pair(&vs, 23, 0), 0);
	ck_assert(vscreen_attr(&vs, 1, 0) & A_UNDERLINE);
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
	ck_row_has(39, "0 queued");
	ck_assert_int_eq((int)strlen(vscreen_row(&vs, 39)) >= 100, 1);
	vscreen_resize(&vs, 24, 80);
	ck_row_has(23, "0 queued");
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

static Suite *inbox_screen_suite(void)
{
	Suite *s = suite_create("screen_inbox");
	TCase *tc = tcase_create("draw");

	tcase_add_test(tc, frame_at_80x24);
	tcase_add_test(tc, monochrome_terminal_marks_bars_by_attribute);
	tcase_add_test(tc, no_color_is_honoured);
	tcase_add_test(tc, resize_relays_out);
	tcase_add_test(tc, too_small_says_so_and_recovers);
	tcase_add_test(tc, keys_on_an_empty_inbox_change_nothing);
	tcase_add_test(tc, quit_key_quits);
	tcase_add_test(tc, status_bar_shows_link_and_messages);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(inbox_screen_suite)
