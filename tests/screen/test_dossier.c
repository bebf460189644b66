#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "screens/dossier.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_row_has(y, text) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d lacks \"%s\":\n%s", (y), (text), vscreen_dump(&vs))
#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), \
		      "the screen lacks \"%s\":\n%s", (text), vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* Monday 24 November 2025, 09:00 in Vietnam. */
#define NOW_Y 2025, 11, 24, 9, 0, 0
#define CODE "000.00.01.H22-251120-0001"

static struct dossier mk(const char *code, const char *who, int64_t due)
{
	return (struct dossier){ .code = xstrdup(code), .applicant_name = xstrdup(who),
				 .status = ST_PROCESSING, .due_at = due, .channel = CH_DIRECT };
}

/* A dossier as the server gives it whole: the inbox's most urgent. */
static struct dossier whole(void)
{
	struct dossier d = mk(CODE, "Nguyễn Thị Hồng Nhung", cal_join(2025, 11, 21, 10, 0, 0));

	d.procedure_code = xstrdup("1.000894");
	d.procedure_name = xstrdup("Đăng ký kết hôn");
	d.agency = xstrdup("000.00.01.H22");
	d.applicant_id = xstrdup("001304601085");
	d.applicant_phone = xstrdup("0890233131");
	d.applicant_email = xstrdup("nhung@example.vn");
	d.applicant_address = xstrdup("Số 138 phố Hàng Hòm, Phường Hoàn Kiếm, Thành phố Hà Nội, "
				      "tổ dân phố số 7, ngõ 12 ngách 34 hẻm 56");
	d.proxy_name = xstrdup("Lê Văn Bảo");
	d.proxy_id = xstrdup("001200000002");
	d.step = xstrdup("processing");
	d.assignee = xstrdup("Lê Thị Hồng");
	d.fee = 1250000;
	d.submitted_at = cal_join(2025, 11, 19, 23, 21, 0);
	d.received_at = cal_join(2025, 11, 20, 8, 30, 0);
	d.allowed = 1u << ACT_ACCEPT | 1u << ACT_REQUEST_SUPPLEMENT;
	d.ncomponents = 3;
	d.components = xcalloc(3, sizeof *d.components);
	d.components[0] = (struct component){ .name = xstrdup("Tờ khai đăng ký kết hôn"),
					      .copies = 1, .provided = true };
	d.components[1] = (struct component){ .name = xstrdup("Giấy tờ chứng minh nơi cư trú"),
					      .copies = 1, .from_national = true };
	d.components[2] = (struct component){ .name = xstrdup("Giấy xác nhận tình trạng hôn nhân"),
					      .copies = 2 };
	d.ndue = 1;
	d.due_history = xcalloc(1, sizeof *d.due_history);
	d.due_history[0] = (struct due_change){ cal_join(2025, 11, 20, 10, 0, 0),
						cal_join(2025, 11, 21, 10, 0, 0),
						cal_join(2025, 11, 19, 16, 0, 0), xstrdup("apology") };
	d.nlog = 2;
	d.log = xcalloc(2, sizeof *d.log);
	d.log[0] = (struct log_entry){ .at = d.submitted_at, .action = xstrdup("submit"),
				       .note = xstrdup("Nộp hồ sơ trực tuyến"), .to_status = ST_NEW };
	d.log[1] = (struct log_entry){ .at = d.received_at, .who = xstrdup("Trần Minh Đức"),
				       .role = xstrdup("reception"), .action = xstrdup("accept"),
				       .note = xstrdup("Tiếp nhận hồ sơ"),
				       .from_status = ST_NEW, .to_status = ST_ACCEPTED };
	return d;
}

/* An inbox of n dossiers: the whole one first in urgency, then later ones. */
static void fill(int n)
{
	struct dossier *d = xcalloc((size_t)n, sizeof *d);

	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	d[0] = whole();
	for (int i = 1; i < n; i++) {
		char code[32];

		snprintf(code, sizeof code, "X-%02d", i);
		d[i] = mk(code, "Đỗ Văn X", cal_join(2025, 12, 1 + i, 9, 0, 0));
	}
	app_set_dossiers(&vs.app, d, (size_t)n);
	vscreen_draw(&vs);
}

START_TEST(enter_opens_the_dossier_with_every_section)
{
	int y, x;

	vscreen_open(&vs, "vt100", 70, 100);
	fill(3);
	keys("<Enter>");
	ck_row_has(0, "Dossier " CODE);
	ck_row_has(1, "\u203c 7 hours overdue");
	ck_row_has(1, "Processing");
	ck_shows("Status     Processing");
	ck_shows("Step       Examining");
	ck_shows("Assignee   Lê Thị Hồng");
	ck_shows("Procedure  1.000894 \u2014 Đăng ký kết hôn");
	ck_shows("Channel    At the desk");
	ck_shows("Fee        1.250.000 VND");
	ck_shows("Name       Nguyễn Thị Hồng Nhung");
	ck_shows("ID number  001304601085");
	ck_shows("Phone      0890233131");
	ck_shows("Email      nhung@example.vn");
	ck_shows("Proxy      Lê Văn Bảo (001200000002)");
	ck_shows("Submitted  19/11/2025 23:21");
	ck_shows("Received   20/11/2025 08:30");
	ck_shows("Due        21/11/2025 10:00  7 hours overdue");
	ck_shows("Finished   \u2014");
	ck_shows("Due date changes (1)");
	ck_shows("20/11/2025 10:00 \u2192 21/11/2025 10:00  apology with a new date, on 19/11/2025 16:00");
	ck_shows("Components (3)");
	ck_shows("\u2713 Tờ khai đăng ký kết hôn  1 copy, provided");
	ck_shows("\u2717 Giấy xác nhận tình trạng hôn nhân  2 copies, missing");
	ck_shows("Processing log (2)");
	ck_shows("19/11/2025 23:21  Filed by the applicant  \u2192 New online");
	ck_shows("20/11/2025 08:30  Accept  New online \u2192 Accepted");
	ck_shows("Trần Minh Đức (Reception)");
	ck_shows("Tiếp nhận hồ sơ");
	ck_shows("Actions allowed");
	ck_shows("Accept, Request supplement");
	/* national data: a glyph and an attribute, not colour alone */
	ck_assert(vscreen_find(&vs, "\u25c6 Giấy tờ chứng minh nơi cư trú", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_assert(vscreen_attr(&vs, y, x + 2) & A_UNDERLINE);
	ck_row_has(y, "national data replaces the paper");
	ck_assert(vscreen_find(&vs, "\u2717 Giấy xác nhận", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_BOLD);
	/* the band as in the inbox: overdue is bold in monochrome */
	ck_assert(vscreen_attr(&vs, 1, 0) & A_BOLD);
	ck_assert(!vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

START_TEST(colour_terminal_colours_national_data)
{
	int y, x, py, px;

	vscreen_open(&vs, "xterm-256color", 70, 100);
	fill(1);
	keys("<Enter>");
	ck_assert(vscreen_find(&vs, "\u25c6 Giấy tờ chứng minh", &y, &x));
	ck_assert(vscreen_find(&vs, "\u2713 Tờ khai", &py, &px));
	ck_assert_int_ne(vscreen_pair(&vs, y, x), 0);
	ck_assert_int_ne(vscreen_pair(&vs, y, x), vscreen_pair(&vs, py, px));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_assert_int_ne(vscreen_pair(&vs, 1, 0), 0);	/* the overdue band */
	vscreen_close(&vs);
}
END_TEST

START_TEST(ascii_terminal_gets_ascii_marks)
{
	setlocale(LC_ALL, "C");
	vscreen_open(&vs, "vt100", 70, 100);
	fill(1);
	keys("<Enter>");
	ck_row_has(1, "! 7 hours overdue");
	ck_shows("  + T");
	ck_shows("  # Gi");
	ck_shows("  x Gi");
	vscreen_close(&vs);
	setlocale(LC_ALL, "C.UTF-8");
}
END_TEST

/* Every row fits the terminal, measured in columns: long Vietnamese
 * values wrap instead of running off the edge. */
static void ck_rows_fit(int cols)
{
	for (int y = 0; y < LINES; y++)
		ck_assert_msg(text_width(vscreen_row(&vs, y)) <= cols, "row %d is wider than %d:\n%s",
			      y, cols, vscreen_dump(&vs));
}

START_TEST(scrolls_at_80x24)
{
	char first[256];
	int y, x;

	vscreen_open(&vs, "vt100", 24, 80);
	fill(3);
	keys("<Enter>");
	ck_rows_fit(80);
	ck_row_has(1, "7 hours overdue");
	/* more below: marked in the last column of the last body row */
	ck_assert_str_eq(vscreen_row(&vs, 22) + strlen(vscreen_row(&vs, 22)) - 3, "\u2193");
	ck_assert(!vscreen_find(&vs, "Actions allowed", &y, &x));
	snprintf(first, sizeof first, "%s", vscreen_row(&vs, 3));
	keys("j");
	keys("j");
	ck_assert_msg(!strncmp(vscreen_row(&vs, 1), first, strlen(first)), "%s", vscreen_dump(&vs));
	ck_row_has(1, "\u2191");	/* more above */
	keys("k");
	keys("k");
	ck_row_has(1, "7 hours overdue");
	keys("G");
	ck_rows_fit(80);
	ck_row_has(22, "Accept, Request supplement");
	ck_row_has(1, "\u2191");
	keys("<PageUp>");
	ck_assert(!vscreen_find(&vs, "Accept, Request supplement", &y, &x));
	keys("<PageDown>");
	ck_row_has(22, "Accept, Request supplement");
	keys("g");
	ck_row_has(1, "7 hours overdue");
	/* the long address wraps under its value column */
	ck_assert(vscreen_find(&vs, "Address    Số 138", &y, &x));
	ck_assert_msg(!strncmp(vscreen_row(&vs, y + 1), "             ", 13) &&
		      vscreen_row(&vs, y + 1)[13] != ' ', "%s", vscreen_dump(&vs));
	vscreen_close(&vs);
}
END_TEST

START_TEST(wider_terminal_lays_out_again)
{
	int y, x;

	vscreen_open(&vs, "vt100", 24, 80);
	fill(1);
	keys("<Enter>");
	vscreen_resize(&vs, 60, 160);
	ck_rows_fit(160);
	ck_row_has(0, "Dossier " CODE);
	ck_assert(vscreen_find(&vs, "Address    Số 138", &y, &x));
	ck_row_has(y, "hẻm 56");	/* on one line now */
	ck_shows("Accept, Request supplement");
	vscreen_close(&vs);
}
END_TEST

START_TEST(back_restores_the_inbox_selection)
{
	static const char *const close_keys[] = { "q", "<Esc>", "<Left>" };
	struct dossier *moved;

	vscreen_open(&vs, "vt100", 24, 80);
	fill(6);
	for (int i = 0; i < 3; i++) {
		keys("g");
		keys("j");
		keys("j");
		keys("<Enter>");
		ck_row_has(0, "Dossier X-02");
		keys(close_keys[i]);
		ck_assert(!vs.app.quit);
		ck_row_has(0, "Inbox (6)");
		ck_assert(vscreen_attr(&vs, 5, 5) & A_REVERSE);
		ck_assert(!(vscreen_attr(&vs, 3, 5) & A_REVERSE));
	}
	/* the dossier moved in the order while open: the selection follows it */
	keys("<Enter>");
	moved = xcalloc(1, sizeof *moved);
	*moved = mk("X-02", "Đỗ Văn X", cal_join(2025, 12, 20, 9, 0, 0));
	app_merge_dossiers(&vs.app, moved, 1);
	keys("q");
	ck_row_has(8, "X-02");
	ck_assert(vscreen_attr(&vs, 8, 5) & A_REVERSE);
	/* and q at the inbox still quits */
	keys("q");
	ck_assert(vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

START_TEST(a_summary_says_what_is_still_coming)
{
	struct dossier *d = xcalloc(1, sizeof *d);

	vscreen_open(&vs, "vt100", 60, 100);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	d[0] = mk("S-01", "Phạm Văn E", cal_join(2025, 12, 10, 9, 0, 0));
	app_set_dossiers(&vs.app, d, 1);
	keys("<Enter>");
	/* no server: the summary is all there is */
	ck_shows("Components (0)");
	ck_shows("none for you at this step");
	ck_assert_ptr_null(strstr(vscreen_dump(&vs), "loading"));
	/* while the fetch runs, and after it failed */
	dossier_view(&vs.app)->loading = true;
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_row_has(2, "Loading the whole dossier from the server");
	ck_shows("Processing log (0)");
	ck_shows("  loading\u2026");
	dossier_view(&vs.app)->loading = false;
	dossier_view(&vs.app)->failed = true;
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_row_has(2, "Only the summary is shown; <C-r> loads the dossier again.");
	ck_shows("  not loaded");
	/* it left the inbox meanwhile */
	app_set_dossiers(&vs.app, NULL, 0);
	vscreen_draw(&vs);
	ck_row_has(1, "This dossier is no longer in the inbox.");
	keys("<C-r>");
	ck_row_has(LINES - 1, "no server configured");
	vscreen_close(&vs);
}
END_TEST

/* P shows the paper form the dossier's state calls for, as it prints; Tab
 * goes to its other forms; p prints it at the paper's width. */
/* Run the loop until the print command has ended and said so. */
static void wait_printed(void)
{
	struct err e;

	while (!strstr(vs.app.msg, "sent to the printer") && !strstr(vs.app.msg, "not printed"))
		ck_assert_msg(loop_once(&vs.app.loop, -1, &e) == 0, "%s", e.msg);
	vscreen_draw(&vs);
}

START_TEST(paper_forms_shown_and_printed)
{
	char path[] = "/tmp/motcua-paper-XXXXXX", cmd[64], buf[8192];
	struct dossier *d;
	FILE *f;
	size_t n;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	vscreen_open(&vs, "vt100", 24, 80);
	snprintf(cmd, sizeof cmd, "cat > %s", path);
	free(vs.app.conf.print_command);
	vs.app.conf.print_command = xstrdup(cmd);
	fill(3);
	/* not received yet: nothing to hand over, said so, the view stays */
	keys("j");
	keys("<Enter>");
	keys("P");
	ck_row_has(0, "Dossier X-01");
	ck_row_has(LINES - 1, "no paper form before the dossier is received");
	keys("q");
	keys("k");
	keys("<Enter>");
	keys("P");
	/* received: the receipt with the appointment */
	ck_row_has(0, "Receipt \u2014 dossier " CODE);
	ck_shows("RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT");
	ck_shows("Applicant: Nguyễn Thị Hồng Nhung");
	ck_shows("1. Tờ khai đăng ký kết hôn (1 copy)");
	keys("?");
	ck_row_has(0, "Help: Paper form");
	ck_shows("paper-print");
	ck_shows("paper-next");
	keys("q");
	ck_row_has(0, "Receipt \u2014 dossier " CODE);
	keys("<Tab>");
	ck_row_has(LINES - 1, "this dossier has no other paper form");
	keys("p");
	ck_row_has(LINES - 1, "Receipt: printing\u2026");
	wait_printed();
	ck_row_has(LINES - 1, "Receipt sent to the printer");
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	ck_assert_ptr_nonnull(strstr(buf, "Dossier code: " CODE));
	ck_assert_int_eq(buf[n - 1], '\f');
	keys("q");
	ck_row_has(0, "Dossier " CODE);

	/* a supplement was asked for: that form first, the receipt after */
	d = app_find_dossier(&vs.app, CODE);
	d->status = ST_SUPPLEMENT;
	d->log = xrealloc(d->log, 3 * sizeof *d->log);
	d->log[d->nlog++] = (struct log_entry){ .at = cal_join(2025, 11, 21, 9, 0, 0),
						.action = xstrdup("request-supplement"),
						.note = xstrdup("thiếu bản chính"),
						.from_status = ST_PROCESSING, .to_status = ST_SUPPLEMENT };
	keys("P");
	ck_row_has(0, "Supplement request \u2014 dossier " CODE);
	ck_shows("REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER");
	ck_shows("1. Giấy xác nhận tình trạng hôn nhân");
	ck_shows("What to supplement: thiếu bản chính");
	keys("<Tab>");
	ck_row_has(0, "Receipt \u2014 dossier " CODE);
	keys("<Tab>");
	ck_row_has(0, "Supplement request \u2014 dossier " CODE);
	vscreen_close(&vs);
	unlink(path);
}
END_TEST

/* Text from the server that a terminal would act on or that hides or
 * reorders what the clerk reads is drawn as U+FFFD, never passed on: in
 * the inbox, the dossier, the title bar and the paper form. */
#define HOSTILE_CODE "H\x1b]0;x\x07-1"
#define RLO "\xe2\x80\xae"
#define ZWSP "\xe2\x80\x8b"

static void ck_nothing_hidden(void)
{
	const char *dump = vscreen_dump(&vs);

	ck_assert_msg(!strstr(dump, RLO) && !strstr(dump, ZWSP) && !strstr(dump, "\xe2\x81\xa6") &&
		      !strstr(dump, "\xc2\x9b") && !strchr(dump, '\x1b'),
		      "the screen passes on a control or an invisible character:\n%s", dump);
}

START_TEST(hostile_text_is_drawn_safe)
{
	struct dossier *d = xcalloc(2, sizeof *d);

	vscreen_open(&vs, "vt100", 24, 80);
	vs.app.clock_offset = cal_join(NOW_Y) - (int64_t)time(NULL);
	d[0] = whole();
	free(d[0].code);
	d[0].code = xstrdup(HOSTILE_CODE);
	free(d[0].applicant_name);
	d[0].applicant_name = xstrdup("An" RLO ZWSP "cod.exe\x1b[2J");
	free(d[0].applicant_address);
	d[0].applicant_address = xstrdup("Số 1\xe2\x81\xa6 phố\xc2\x9b" "2J Huế");
	d[1] = mk("X-01", "Đỗ Văn X", cal_join(2025, 12, 1, 9, 0, 0));
	app_set_dossiers(&vs.app, d, 2);
	vscreen_draw(&vs);
	ck_shows("An\uFFFD\uFFFDcod.exe\uFFFD[2J");
	ck_nothing_hidden();
	keys("<Enter>");
	ck_row_has(0, "Dossier H\uFFFD]0;x\uFFFD-1");
	ck_shows("Name       An\uFFFD\uFFFDcod.exe\uFFFD[2J");
	ck_shows("Số 1\uFFFD phố\uFFFD2J Huế");
	ck_nothing_hidden();
	keys("P");
	ck_shows("Applicant: An\uFFFD\uFFFDcod.exe\uFFFD[2J");
	ck_nothing_hidden();
	vscreen_close(&vs);
}
END_TEST

/* The print command's outcome at 80 columns, in its own words, whole, on
 * the status bar's rows; the form above stays as it was. */
START_TEST(print_failure_said_in_the_status_bar)
{
	char top[24][256];

	vscreen_open(&vs, "vt100", 24, 80);
	free(vs.app.conf.print_command);
	vs.app.conf.print_command =
		xstrdup("cat >/dev/null; echo 'lpr: The printer or class does not exist.' >&2; exit 1");
	fill(3);
	keys("<Enter>");
	keys("P");
	ck_row_has(0, "Receipt \u2014 dossier " CODE);
	for (int y = 0; y < LINES - 3; y++)
		snprintf(top[y], sizeof top[y], "%s", vscreen_row(&vs, y));
	keys("p");
	wait_printed();
	ck_row_has(LINES - 2, "Receipt not printed: the print command failed: lpr: The printer or class");
	ck_row_has(LINES - 1, "not exist.");
	/* the body gave the status bar its last row, nothing else changed */
	for (int y = 0; y < LINES - 3; y++)
		ck_assert_msg(!strcmp(top[y], vscreen_row(&vs, y)), "row %d changed:\n%s", y, vscreen_dump(&vs));
	/* a command that is not installed: said at once, nothing runs */
	free(vs.app.conf.print_command);
	vs.app.conf.print_command = xstrdup("lpr-not-installed-xyz -P quay1");
	keys("p");
	ck_assert_int_eq(vs.app.loop.nchildren, 0);
	ck_shows("Receipt not printed: no print command: 'lpr-not-installed-xyz' is not");
	ck_shows("installed; set print-command in");
	vscreen_close(&vs);
}
END_TEST

static Suite *dossier_screen_suite(void)
{
	Suite *s = suite_create("screen_dossier");
	TCase *tc = tcase_create("draw");

	tcase_add_test(tc, enter_opens_the_dossier_with_every_section);
	tcase_add_test(tc, colour_terminal_colours_national_data);
	tcase_add_test(tc, ascii_terminal_gets_ascii_marks);
	tcase_add_test(tc, scrolls_at_80x24);
	tcase_add_test(tc, wider_terminal_lays_out_again);
	tcase_add_test(tc, back_restores_the_inbox_selection);
	tcase_add_test(tc, a_summary_says_what_is_still_coming);
	tcase_add_test(tc, paper_forms_shown_and_printed);
	tcase_add_test(tc, hostile_text_is_drawn_safe);
	tcase_add_test(tc, print_failure_said_in_the_status_bar);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(dossier_screen_suite)
