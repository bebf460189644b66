#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "vscreen.h"

static struct vscreen vs;
static char dir[] = "/tmp/motcua-cmdline-XXXXXX";

#define ck_row_has(y, want) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (want)), \
		      "row %d lacks \"%s\":\n%s", (y), (want), vscreen_dump(&vs))
#define ck_status_has(want) ck_row_has(LINES - 1, want)

static bool shows(const char *text)
{
	int y, x;

	return vscreen_find(&vs, text, &y, &x);
}

#define ck_shows(want) ck_assert_msg(shows(want), "no \"%s\" on:\n%s", (want), vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* Type text into whatever takes it, a character at a time. */
static void type(const char *text)
{
	for (; *text; text++) {
		char name[2] = { *text, '\0' };

		keys(*text == ' ' ? "<Space>" : name);
	}
}

/* ':' then line then Enter. */
static void command(const char *line)
{
	keys(":");
	type(line);
	keys("<Enter>");
}

static const char *bound(const char *context, const char *key)
{
	struct err e;
	km_key k;

	ck_assert_int_eq(km_key_parse(key, &k, &e), 0);
	return km_lookup(vs.app.ui->km, context, k);
}

static void setup(void)
{
	char path[256];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	snprintf(path, sizeof path, "%s/none", dir);
	setenv("MOTCUA_CONFIG", path, 1);
	setenv("MOTCUA_SYSTEM_CONFIG", path, 1);
	vscreen_open(&vs, "vt100", 24, 80);
}

static void teardown(void)
{
	char cmd[128];

	vscreen_close(&vs);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(dir, "/tmp/motcua-cmdline-XXXXXX");
}

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(the_line_runs_commands_and_operations)
{
	keys(":");
	ck_assert(vs.app.ui->cmdline.active);
	ck_assert_str_eq(vscreen_row(&vs, LINES - 1), ":");
	type("bind inbox o catalog");
	ck_status_has(":bind inbox o catalog");
	keys("<Enter>");
	ck_assert(!vs.app.ui->cmdline.active);
	ck_assert_str_eq(bound("inbox", "o"), "catalog");
	keys("o");
	ck_row_has(0, "Procedures");
	keys("q");
	command("unbind inbox o");
	ck_assert_ptr_null(bound("inbox", "o"));
	/* an operation by its name, on the screen on top */
	command("help");
	ck_row_has(0, "Help: Inbox");
	keys("q");
	command("set request-timeout 5");
	ck_assert_int_eq(vs.app.conf.request_timeout, 5);
	/* Esc leaves the line, running nothing */
	keys(":");
	type("quit");
	keys("<Esc>");
	ck_assert(!vs.app.quit);
	ck_assert(!vs.app.ui->cmdline.active);
}
END_TEST

START_TEST(the_line_says_what_was_expected)
{
	command("frob");
	ck_shows("'frob' is neither a command nor an operation here");
	command("bind inbox o");
	ck_shows("expected: bind CONTEXT KEY OPERATION");
	command("bind desk o catalog");
	ck_shows("'desk' is not a context (generic, inbox");
	command("bind inbox o dossier-accept");
	ck_shows("'dossier-accept' is not an operation of the inbox context");
	command("bind inbox <C-1> catalog");
	ck_shows("'<C-1>' is not a key");
	command("set lock-after never");
	ck_shows("lock-after takes a whole number from 0 to 1440");
	command("help me");
	ck_shows("the operation help takes nothing after its name");
	ck_assert_int_eq(vs.app.ui->screen == &screen_inbox, 1);
}
END_TEST

START_TEST(tab_completes_from_the_tables)
{
	keys(":");
	type("he");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "help ");
	keys("<C-u>");
	type("bind inb");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "bind inbox ");
	type("o inbox-fil");
	keys("<Tab>");
	/* inbox-filter and inbox-filter-clear: as far as they agree, both listed */
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "bind inbox o inbox-filter");
	ck_row_has(LINES - 2, "inbox-filter  inbox-filter-clear");
	ck_status_has(":bind inbox o inbox-filter");
	ck_assert_uint_eq(vs.app.nmsgs, 0);	/* a listing, not a message to keep */
	keys("-");
	ck_assert_int_eq(shows("inbox-filter  inbox-filter-clear"), 0);	/* gone at the next key */
	keys("<C-u>");
	type("set request-t");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "set request-timeout ");
	keys("<C-u>");
	type("bind generic x dossier-");
	keys("<Tab>");	/* the dossier's operations are not generic ones */
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "bind generic x dossier-");
	keys("<C-u>");
	type("bind dossier <F1");
	keys("<Tab>");	/* <F1>, <F10>, <F11>, <F12> */
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "bind dossier <F1");
	ck_row_has(LINES - 2, "<F1>  <F10>  <F11>  <F12>");
	type("0");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "bind dossier <F10> ");
	type("dossier-acc");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "bind dossier <F10> dossier-accept ");
	keys("<C-u>");
	type("unb");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "unbind ");
	keys("<C-u>");
	/* the theme's objects, for color and mono */
	type("color deadline-ov");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "color deadline-overdue ");
	keys("<C-u>");
	type("mono field-");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "mono field-");
	ck_row_has(LINES - 2, "field-corrected");
	keys("<Esc>");
}
END_TEST

START_TEST(tab_completes_a_file_to_source)
{
	char want[256], sub[256];

	write_file("quay1.rc", "");
	snprintf(sub, sizeof sub, "%s/sub", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	write_file("sub/desk", "");
	keys(":");
	type("source ");
	type(dir);
	type("/qu");
	keys("<Tab>");
	snprintf(want, sizeof want, "source %s/quay1.rc ", dir);
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, want);
	keys("<C-u>");
	type("source ");
	type(dir);
	type("/su");
	keys("<Tab>");
	snprintf(want, sizeof want, "source %s/sub/", dir);	/* no blank: it goes on */
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, want);
	keys("<Tab>");
	snprintf(want, sizeof want, "source %s/sub/desk ", dir);
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, want);
	/* a name without a directory is one of the current directory */
	keys("<C-u>");
	ck_assert_int_eq(chdir(sub), 0);
	type("source de");
	keys("<Tab>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "source desk ");
	keys("<Esc>");
}
END_TEST

START_TEST(history_across_sessions)
{
	char path[256];
	struct stat st;

	command("set lock-after 20");
	command("messages");
	keys("q");
	keys(":");
	keys("<Up>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "messages");
	keys("<Up>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "set lock-after 20");
	keys("<Up>");	/* the oldest stays */
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "set lock-after 20");
	keys("<Down>");
	keys("<Down>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "");
	keys("<Esc>");
	snprintf(path, sizeof path, "%s/motcua/history", dir);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	/* the next session has it */
	vscreen_close(&vs);
	vscreen_open(&vs, "vt100", 24, 80);
	keys(":");
	keys("<Up>");
	ck_assert_str_eq(vs.app.ui->cmdline.p.text, "messages");
	keys("<Esc>");
}
END_TEST

START_TEST(messages_read_whole)
{
	app_message(&vs.app, MSG_ERROR, "%s",
		    "the first sentence is long enough to need a second row on the status bar, "
		    "and this one is longer still so that a third row would not hold it whole: "
		    "the end is here.");
	app_message(&vs.app, MSG_INFO, "%s", "delivered");
	vscreen_draw(&vs);
	ck_status_has("delivered");
	command("messages");
	ck_row_has(0, "Messages (2)");
	ck_shows("the end is here.");
	ck_shows("! the first sentence");
	ck_shows("  delivered");
	keys("q");
	ck_row_has(0, "Inbox");
}
END_TEST

/* The system's file first, then the clerk's; a broken line is told in
 * the client, with its file and line, and the rest still holds. */
START_TEST(settings_files_at_start)
{
	char sys[256], user[256];

	snprintf(sys, sizeof sys, "%s/system", dir);
	snprintf(user, sizeof user, "%s/motcuarc", dir);
	write_file("system", "bind generic Z outbox\nbind inbox o catalog\nset lock-after 30\n");
	write_file("motcuarc", "set lock-after 10\nbind inbox o help\nset notify perhaps\n"
		   "bind inbox\n");
	setenv("MOTCUA_SYSTEM_CONFIG", sys, 1);
	setenv("MOTCUA_CONFIG", user, 1);
	ui_load_settings(&vs.app);
	vscreen_draw(&vs);
	ck_assert_str_eq(bound("inbox", "Z"), "outbox");
	ck_assert_str_eq(bound("inbox", "o"), "help");
	ck_assert_int_eq(vs.app.conf.lock_after, 10);
	ck_shows("motcuarc:3: notify takes yes or no");
	ck_shows("(and 1 more broken line: :messages lists it)");
	ck_assert_uint_ge(vs.app.nmsgs, 2);
	ck_assert_ptr_nonnull(strstr(vs.app.msgs[1].text, "motcuarc:4: expected: bind CONTEXT KEY OPERATION"));
	/* :source reads it again */
	write_file("motcuarc", "set lock-after 12\n");
	keys(":");
	type("source ");
	type(user);
	keys("<Enter>");
	ck_assert_int_eq(vs.app.conf.lock_after, 12);
	ck_shows("read ");
}
END_TEST

/* Where the clerk types text (the inbox's filter), ':' is text. */
START_TEST(a_colon_typed_into_a_prompt_is_text)
{
	keys("/");
	keys(":");
	ck_assert(!vs.app.ui->cmdline.active);
	ck_shows("Filter: :");
	keys("<Esc>");
}
END_TEST

/* A broken line at start under the login is said once the clerk is in. */
START_TEST(a_broken_line_waits_for_the_login)
{
	char user[256];

	snprintf(user, sizeof user, "%s/motcuarc", dir);
	write_file("motcuarc", "set notify perhaps\n");
	setenv("MOTCUA_CONFIG", user, 1);
	login_open(&vs.app);
	ui_load_settings(&vs.app);
	vscreen_draw(&vs);
	ck_assert_int_eq(shows("notify takes yes or no"), 0);	/* the login hides it */
	vs.app.msg[0] = '\0';	/* and its time ran out */
	vs.app.redraw |= ui_pop(&vs.app);
	vscreen_draw(&vs);
	ck_shows("motcuarc:1: notify takes yes or no");
}
END_TEST

START_TEST(no_line_over_the_login)
{
	login_open(&vs.app);
	vscreen_draw(&vs);
	keys(":");
	ck_assert(!vs.app.ui->cmdline.active);
}
END_TEST

/* A line left open when the lock comes (the clerk went away) is gone:
 * what is typed then is the password's, never a command. */
START_TEST(the_lock_closes_the_line)
{
	pw_verifier_set(&vs.app.unlock, "mật khẩu");
	keys(":");
	type("quit");
	ck_assert(vs.app.ui->cmdline.active);
	vs.app.redraw |= lock_open(&vs.app);
	vscreen_draw(&vs);
	ck_assert(lock_active(&vs.app));
	ck_assert(!vs.app.ui->cmdline.active);
	keys("<Enter>");
	ck_assert(!vs.app.quit);
	ck_assert(lock_active(&vs.app));
	ck_assert_int_eq(shows(":quit"), 0);
}
END_TEST

static Suite *cmdline_suite(void)
{
	Suite *s = suite_create("screen_cmdline");
	TCase *tc = tcase_create("cmdline");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_line_runs_commands_and_operations);
	tcase_add_test(tc, the_line_says_what_was_expected);
	tcase_add_test(tc, tab_completes_from_the_tables);
	tcase_add_test(tc, tab_completes_a_file_to_source);
	tcase_add_test(tc, history_across_sessions);
	tcase_add_test(tc, messages_read_whole);
	tcase_add_test(tc, settings_files_at_start);
	tcase_add_test(tc, a_colon_typed_into_a_prompt_is_text);
	tcase_add_test(tc, a_broken_line_waits_for_the_login);
	tcase_add_test(tc, no_line_over_the_login);
	tcase_add_test(tc, the_lock_closes_the_line);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cmdline_suite)
