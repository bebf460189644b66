#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "screens/macro.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_row_has(y, text) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d lacks \"%s\":\n%s", (y), (text), vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* The row listing operation op (its name ends the row); -1 if none. */
static int op_row(const char *op)
{
	for (int y = 1; y < LINES - 1; y++) {
		const char *row = vscreen_row(&vs, y);
		size_t n = strlen(row), k = strlen(op);

		if (n > k && !strcmp(row + n - k, op) && row[n - k - 1] == ' ')
			return y;
	}
	return -1;
}

/* op's row starts with keys, then its help text. */
static void ck_op(const char *op, const char *keys_text, const char *help)
{
	int y = op_row(op);

	ck_assert_msg(y > 0, "no row for %s:\n%s", op, vscreen_dump(&vs));
	ck_assert_msg(!strncmp(vscreen_row(&vs, y) + 2, keys_text, strlen(keys_text)),
		      "%s: keys are not \"%s\":\n%s", op, keys_text, vscreen_dump(&vs));
	ck_row_has(y, help);
}

static void one_dossier(void)
{
	struct dossier *d = xcalloc(1, sizeof *d);

	d->code = xstrdup("D-01");
	d->applicant_name = xstrdup("Lê Văn C");
	d->status = ST_ACCEPTED;
	app_set_dossiers(&vs.app, d, 1);
	vscreen_draw(&vs);
}

START_TEST(every_operation_has_help_and_hints_name_operations)
{
	const struct op_def *tables[32];
	size_t n = 0;

	tables[n++] = ops_generic;
	for (const struct screen *const *s = screen_registry; *s; s++) {
		ck_assert_uint_lt(n, sizeof tables / sizeof *tables);
		ck_assert_ptr_eq(screen_find((*s)->context), *s);
		ck_assert_str_ne((*s)->name, "");
		tables[n++] = (*s)->ops;
		for (const char *const *h = (*s)->hints; h && *h; h++)
			ck_assert_msg(screen_op(*s, *h), "%s hints at unknown %s", (*s)->context, *h);
	}
	ck_assert_ptr_null(screen_find(KM_GENERIC));
	for (size_t t = 0; t < n; t++) {
		for (const struct op_def *op = tables[t]; op->name; op++) {
			ck_assert_msg(op->help && *op->help, "%s has no help text", op->name);
			ck_assert_msg(!op->fn != !op->fn_arg, "%s has one handler", op->name);
			ck_assert_ptr_eq(ops_find(tables[t], op->name), op);	/* once per table */
		}
	}
}
END_TEST

START_TEST(help_lists_the_inbox_operations_with_their_keys)
{
	vscreen_open(&vs, "vt100", 50, 80);	/* all of it on one screen */
	keys("?");
	ck_row_has(0, "Help: Inbox");
	ck_op("move-down", "j, <Down>", "Next");
	ck_op("page-down", "<PageDown>, <C-f>", "Page down");
	ck_op("inbox-refresh", "<C-r>", "Refresh");
	ck_op("inbox-open", "<Enter>, <Right>", "Open");
	ck_op("quit", "q", "Quit");
	ck_op("help", "?, <F1>", "Help");
	ck_op("view-close", "\u2014", "Back");	/* nothing to go back to here */
	/* the inbox's own, then the generic ones */
	ck_assert_int_lt(op_row("inbox-open"), op_row("quit"));
	for (int y = 0; y < LINES; y++)
		ck_assert_int_le(text_width(vscreen_row(&vs, y)), 80);
	/* q closes the help, not the client */
	keys("q");
	ck_assert(!vs.app.quit);
	ck_row_has(0, "Inbox (0)");
	keys("<F1>");
	ck_row_has(0, "Help: Inbox");
	keys("<Esc>");
	ck_row_has(0, "Inbox (0)");
	vscreen_close(&vs);
}
END_TEST

START_TEST(help_follows_the_keymap)
{
	struct err e;

	vscreen_open(&vs, "vt100", 50, 80);
	ck_assert_int_eq(km_bind(vs.app.ui->km, "inbox", "o", "inbox-open", &e), 0);
	ck_assert_int_eq(km_bind(vs.app.ui->km, "inbox", "q", "inbox-refresh", &e), 0);
	ck_assert_int_eq(km_bind(vs.app.ui->km, KM_GENERIC, "Q", "quit", &e), 0);
	keys("?");
	ck_op("inbox-open", "<Enter>, <Right>, o", "Open");
	ck_op("inbox-refresh", "<C-r>, q", "Refresh");
	ck_op("quit", "Q", "Quit");	/* q no longer quits here */
	keys("<Esc>");
	ck_assert_int_eq(km_unbind(vs.app.ui->km, "inbox", "q", &e), 0);
	keys("?");
	ck_op("quit", "q, Q", "Quit");
	vscreen_close(&vs);
}
END_TEST

START_TEST(help_over_a_dossier_is_about_the_dossier)
{
	/* tall enough for the dossier's operations and the generic ones */
	vscreen_open(&vs, "vt100", 60, 80);
	one_dossier();
	keys("<Enter>");
	ck_row_has(0, "Dossier D-01");
	keys("?");
	ck_row_has(0, "Help: Dossier");
	ck_op("move-down", "j, <Down>", "Scroll down");
	ck_op("page-down", "<PageDown>, <C-f>, <Space>", "Page down");
	ck_op("dossier-reload", "<C-r>", "Load again");
	ck_op("dossier-refuse", "x", "Refuse (asks)");
	ck_op("dossier-retry", "r", "Retry my action");
	ck_op("outbox", "O", "Outbox: my actions");
	ck_op("view-close", "q, <Esc>, <Left>", "Back");
	ck_op("quit", "\u2014", "Quit");	/* q goes back here */
	ck_assert_int_eq(op_row("inbox-open"), -1);
	keys("?");	/* no help over the help */
	keys("q");
	ck_row_has(0, "Dossier D-01");
	keys("q");
	ck_row_has(0, "Inbox (1)");
	ck_assert(!vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

/* A row of the macros: the key, what it does, "macro" at the end. */
static void ck_macro(const char *key, const char *what)
{
	for (int y = 1; y < LINES - 1; y++) {
		const char *row = vscreen_row(&vs, y);

		if (!strncmp(row + 2, key, strlen(key)) && strstr(row, what) &&
		    !strcmp(row + strlen(row) - strlen(" macro"), " macro"))
			return;
	}
	ck_abort_msg("no macro row \"%s ... %s ... macro\":\n%s", key, what, vscreen_dump(&vs));
}

/* The clerk's macros of the screen and the generic ones, with their
 * descriptions, after the operations; another screen's are not. */
START_TEST(help_lists_the_macros_that_work_here)
{
	static const char *const lines[] = {
		"macro inbox <F5> \"n1.001193<Enter><ask:ID number>\" \"Birth registration\"",
		"macro generic <F6> O \"Open the outbox\"",
		"macro dossier <F7> a \"Accept\"",
		"macro inbox <F3> 5j",
	};
	struct cmd_words w = { 0 };
	struct err e = { "" };

	vscreen_open(&vs, "vt100", 60, 80);
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		ck_assert_int_eq(cmd_split(lines[i], &w, &e), 0);
		ck_assert_msg(macro_cmd(&vs.app, &w, &e) == 0, "%s", e.msg);
	}
	keys("?");
	ck_assert_int_gt(op_row("macro"), op_row("quit"));
	ck_assert_msg(strstr(vscreen_dump(&vs), "Your macros"), "%s", vscreen_dump(&vs));
	ck_macro("<F5>", "Birth registration");
	ck_macro("<F6>", "Open the outbox");
	ck_macro("<F3>", "5j");	/* no description: the keys it types */
	ck_assert_ptr_null(strstr(vscreen_dump(&vs), "Accept"));
	cmd_words_free(&w);
	macro_free_all(&vs.app);
	vscreen_close(&vs);
}
END_TEST

START_TEST(help_that_fits_does_not_scroll)
{
	vscreen_open(&vs, "vt100", 50, 80);	/* the inbox's help fits in 50 rows */
	keys("?");
	keys("G");
	keys("<PageDown>");
	ck_row_has(1, "The keys that work here");
	ck_assert_int_gt(op_row("view-close"), 0);
	ck_assert_ptr_null(strstr(vscreen_dump(&vs), "\u2193"));
	vscreen_close(&vs);
}
END_TEST

/* The key hints of the status bar: what fits, help always. */
static void ck_hints(const char *const *want, int n)
{
	const char *row = vscreen_row(&vs, LINES - 1);

	ck_assert_int_le(text_width(row), COLS);
	for (int i = 0; i < n; i++)
		ck_row_has(LINES - 1, want[i]);
	ck_row_has(LINES - 1, "? Help");
	ck_row_has(LINES - 1, "online");
	ck_row_has(LINES - 1, "12 queued");
	ck_assert_ptr_null(strstr(row, "\u2026"));	/* nothing cut */
}

START_TEST(hints_fit_in_80_columns)
{
	static const char *const inbox[] = { "Enter Open", "^R Refresh", "q Quit" };
	static const char *const dossier[] = { "q Back", "^F Page down" };
	static const char *const help[] = { "q Back" };
	struct err e;

	vscreen_open(&vs, "vt100", 24, 80);
	vs.app.link = LINK_ONLINE;
	vs.app.queued = 12;
	vs.app.redraw |= RD_STATUS;
	one_dossier();
	ck_hints(inbox, 3);
	keys("<Enter>");
	ck_hints(dossier, 2);
	keys("?");
	ck_hints(help, 1);
	keys("q");
	keys("q");
	/* from the clerk's keymap */
	ck_assert_int_eq(km_bind(vs.app.ui->km, "inbox", "o", "inbox-open", &e), 0);
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "o Open");
	/* a narrow room keeps help and drops what does not fit */
	vs.app.queued = 123456789;
	vs.app.link = LINK_OFFLINE;
	vs.app.redraw |= RD_STATUS;
	vscreen_draw(&vs);
	ck_row_has(23, "? Help");
	ck_assert_int_le(text_width(vscreen_row(&vs, 23)), 80);
	vscreen_close(&vs);
}
END_TEST

/* The row where text first shows; -1 if none. */
static int row_of(const char *text)
{
	int y, x;

	return vscreen_find(&vs, text, &y, &x) ? y : -1;
}

START_TEST(help_lists_the_clerks_own_keys)
{
	char path[] = "/tmp/mh-XXXXXX", line[128], origin[64];	/* short: its name shows */
	int fd = mkstemp(path), y;
	FILE *f = fdopen(fd, "w");

	fputs("bind inbox o catalog\nbind generic Z outbox\nbind dossier x catalog\n"
	      "bind generic j catalog\n", f);
	fclose(f);
	vscreen_open(&vs, "vt100", 60, 80);
	ui_command(&vs.app, "bind inbox K inbox-refresh");
	snprintf(line, sizeof line, "source %s", path);
	ui_command(&vs.app, line);
	keys("?");
	y = row_of("Your keys");
	ck_assert_msg(y > 0, "no list of the clerk's keys:\n%s", vscreen_dump(&vs));
	ck_assert_int_lt(y, row_of("Everywhere"));
	ck_assert_int_eq(op_row("inbox-refresh"), y + 1);	/* the first of its rows */
	ck_op("inbox-refresh", "K ", "Refresh (:)");
	snprintf(origin, sizeof origin, "Procedure catalog (%s:1)", strrchr(path, '/') + 1);
	ck_op("catalog", "o ", origin);
	ck_op("outbox", "Z ", "Outbox: my actions (mh-");	/* the rest cut at 80 columns */
	/* the dossier's key is not the inbox's; j moves here: the inbox binds it */
	ck_assert_int_eq(row_of(":3)"), -1);
	ck_assert_int_eq(row_of(":4)"), -1);
	vscreen_close(&vs);
	unlink(path);
}
END_TEST

static Suite *help_screen_suite(void)
{
	Suite *s = suite_create("screen_help");
	TCase *tc = tcase_create("draw");

	tcase_add_test(tc, every_operation_has_help_and_hints_name_operations);
	tcase_add_test(tc, help_lists_the_inbox_operations_with_their_keys);
	tcase_add_test(tc, help_follows_the_keymap);
	tcase_add_test(tc, help_lists_the_clerks_own_keys);
	tcase_add_test(tc, help_over_a_dossier_is_about_the_dossier);
	tcase_add_test(tc, help_lists_the_macros_that_work_here);
	tcase_add_test(tc, help_that_fits_does_not_scroll);
	tcase_add_test(tc, hints_fit_in_80_columns);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(help_screen_suite)
