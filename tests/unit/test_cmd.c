#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/cmd.h"
#include "check_main.h"

static struct app app;
static char dir[] = "/tmp/motcua-cmd-XXXXXX";
static int echoed;

static int run_echo(struct app *a, const struct cmd_words *w, struct err *e)
{
	(void)a;
	(void)e;
	echoed += (int)w->n - 1;
	return 0;
}

static const struct cmd_def table[];

static int run_source(struct app *a, const struct cmd_words *w, struct err *e)
{
	return cmd_source(a, table, w->v[1], true, e) < 0 ? -1 : 0;
}

static const struct cmd_def table[] = {
	{ "set", cmd_set, 2, 2, "set NAME VALUE", "", { CMD_ARG_SETTING } },
	{ "echo", run_echo, 1, 2, "echo WORD [WORD]", "", { CMD_ARG_NONE } },
	{ "source", run_source, 1, 1, "source FILE", "", { CMD_ARG_FILE } },
	{ NULL, NULL, 0, 0, NULL, NULL, { CMD_ARG_NONE } },
};

static void setup(void)
{
	struct err e;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(app_init(&app, &e), 0);
	echoed = 0;
}

static void teardown(void)
{
	char cmd[128];

	app_free(&app);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(dir, "/tmp/motcua-cmd-XXXXXX");
}

static char *write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static int run(const char *line, struct err *e)
{
	struct cmd_words w = { 0 };
	int rc;

	ck_assert_int_eq(cmd_split(line, &w, e), 0);
	rc = cmd_run(&app, table, &w, e);
	cmd_words_free(&w);
	return rc;
}

/* The message number i of the history holds text. */
#define ck_msg_has(i, want) \
	ck_assert_msg((size_t)(i) < app.nmsgs && strstr(app.msgs[i].text, (want)), \
		      "message %d lacks \"%s\" (%zu messages)", (i), (want), app.nmsgs)

START_TEST(commands_by_the_table)
{
	struct err e = { "" };

	ck_assert_int_eq(run("", &e), 0);
	ck_assert_int_eq(run("# a comment", &e), 0);
	ck_assert_int_eq(run("echo a b", &e), 0);
	ck_assert_int_eq(echoed, 2);
	ck_assert_int_eq(run("frob x", &e), -1);
	ck_assert_str_eq(e.msg, "'frob' is not a command (set, echo, source)");
	ck_assert_int_eq(run("echo", &e), -1);
	ck_assert_str_eq(e.msg, "expected: echo WORD [WORD]");
	ck_assert_int_eq(run("echo a b c", &e), -1);
	ck_assert_int_eq(echoed, 2);		/* a refused line runs nothing */
	ck_assert_ptr_eq(cmd_find(table, "echo"), &table[1]);
	ck_assert_ptr_null(cmd_find(table, "ech"));
}
END_TEST

START_TEST(set_takes_effect)
{
	struct err e = { "" };

	ck_assert_int_eq(run("set lock-after 5", &e), 0);
	ck_assert_int_eq(app.conf.lock_after, 5);
	ck_assert_int_eq(run("set print-command 'lpr -P quay 2'", &e), 0);
	ck_assert_str_eq(app.conf.print_command, "lpr -P quay 2");
	ck_assert_int_eq(run("set lock-after", &e), -1);
	ck_assert_str_eq(e.msg, "expected: set NAME VALUE");
	ck_assert_int_eq(run("set lock-after soon", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "lock-after takes a whole number from 0 to 1440"));
	ck_assert_int_eq(app.conf.lock_after, 5);
	ck_assert_int_eq(run("set colour red", &e), -1);
	ck_assert_str_eq(e.msg, "'colour' is not a setting");
}
END_TEST

/* Each broken line is told as file:line and skipped; the others count. */
START_TEST(source_tells_file_and_line)
{
	struct err e = { "" };
	char *path = write_file("motcuarc", "# quầy 1\nset lock-after 30\nset notify perhaps\n"
				"bind\necho 'unterminated\n\necho ok\nset request-timeout 45\n");
	char where[300];

	ck_assert_int_eq(cmd_source(&app, table, path, false, &e), 3);
	ck_assert_int_eq(app.conf.lock_after, 30);
	ck_assert_int_eq(app.conf.request_timeout, 45);
	ck_assert_int_eq(echoed, 1);
	ck_assert_uint_eq(app.nmsgs, 3);
	snprintf(where, sizeof where, "%s:3: notify takes yes or no, not 'perhaps'", path);
	ck_msg_has(0, where);
	ck_assert_int_eq(app.msgs[0].kind, MSG_ERROR);
	snprintf(where, sizeof where, "%s:4: 'bind' is not a command (set, echo, source)", path);
	ck_msg_has(1, where);
	snprintf(where, sizeof where, "%s:5: column 6: the quote ' opened here is not closed", path);
	ck_msg_has(2, where);
	ck_assert_str_eq(app.msg, app.msgs[2].text);	/* the last is on the status bar */
	ck_assert_ptr_null(app.cmd_file);
}
END_TEST

START_TEST(source_missing_and_relative)
{
	struct err e = { "" };
	char *path;

	path = write_file("absent", "");
	unlink(path);
	ck_assert_int_eq(cmd_source(&app, table, path, false, &e), 0);	/* no file: no settings */
	ck_assert_int_eq(cmd_source(&app, table, path, true, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot read "));
	ck_assert_ptr_nonnull(strstr(e.msg, "No such file"));
	/* a relative source is found beside the file that names it */
	write_file("desk", "set desk-name \"Xã Tân Phú\"\n");
	path = write_file("motcuarc", "source desk\nsource gone\n");
	ck_assert_int_eq(cmd_source(&app, table, path, false, &e), 1);
	ck_assert_str_eq(app.conf.desk_name, "Xã Tân Phú");
	ck_msg_has(0, "motcuarc:2: cannot read ");
	ck_msg_has(0, "/gone: No such file");
}
END_TEST

/* A file that sources itself stops, said once, and the client goes on. */
START_TEST(source_loop_stops)
{
	struct err e = { "" };
	char *path = write_file("loop", "echo once\nsource loop\n");

	ck_assert_int_eq(cmd_source(&app, table, path, false, &e), 0);
	ck_assert_uint_eq(app.nmsgs, 1);
	ck_msg_has(0, "loop:2: ");
	ck_msg_has(0, "files source each other more than 8 deep");
	ck_assert_int_eq(echoed, 8);
	ck_assert_uint_eq(app.cmd_depth, 0);
}
END_TEST

START_TEST(message_history_keeps_the_last)
{
	for (int i = 0; i < APP_MESSAGES_MAX + 5; i++)
		app_message(&app, i % 2 ? MSG_ERROR : MSG_INFO, "message %d", i);
	ck_assert_uint_eq(app.nmsgs, APP_MESSAGES_MAX);
	ck_assert_str_eq(app.msgs[0].text, "message 5");
	ck_assert_int_eq(app.msgs[0].kind, MSG_ERROR);
	ck_assert_str_eq(app.msgs[APP_MESSAGES_MAX - 1].text, "message 204");
}
END_TEST

static Suite *cmd_suite(void)
{
	Suite *s = suite_create("cmd");
	TCase *tc = tcase_create("language");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, commands_by_the_table);
	tcase_add_test(tc, set_takes_effect);
	tcase_add_test(tc, source_tells_file_and_line);
	tcase_add_test(tc, source_missing_and_relative);
	tcase_add_test(tc, source_loop_stops);
	tcase_add_test(tc, message_history_keeps_the_last);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cmd_suite)
