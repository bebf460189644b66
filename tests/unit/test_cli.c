#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/cli.h"
#include "check_main.h"
#include "core/calendar.h"

static int parse(struct cli *c, struct err *e, int argc, const char **argv)
{
	return cli_parse(c, argc, (char **)argv, e);
}

START_TEST(no_arguments_runs_the_client)
{
	const char *argv[] = { "motcua", NULL };
	struct cli c;
	struct err e;

	ck_assert_int_eq(parse(&c, &e, 1, argv), 0);
	ck_assert_int_eq(c.action, CLI_RUN);
}
END_TEST

START_TEST(help_and_version)
{
	const char *h[] = { "motcua", "--help", NULL };
	const char *v[] = { "motcua", "-V", NULL };
	struct cli c;
	struct err e;

	ck_assert_int_eq(parse(&c, &e, 2, h), 0);
	ck_assert_int_eq(c.action, CLI_HELP);
	ck_assert_int_eq(parse(&c, &e, 2, v), 0);
	ck_assert_int_eq(c.action, CLI_VERSION);
}
END_TEST

/* A year without its working-day file is said, in --version too. */
START_TEST(missing_calendar_year_is_said)
{
	char dir[] = "/tmp/test_cli.XXXXXX", path[64], gap[512], *text = NULL;
	struct cal *c = cal_new();
	struct err e = { "" };
	size_t len = 0;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/vn-2025.days", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("2025-05-02 off\n", f);
	fclose(f);
	setenv("MOTCUA_CALENDAR_DIR", dir, 1);
	ck_assert_int_eq(cal_load_dir(c, dir, &e), 0);
	ck_assert_int_eq(app_calendar_gap(c, cal_join(2025, 6, 1, 9, 0, 0), gap, sizeof gap), 0);
	/* in November the next year's due dates are near */
	ck_assert_int_eq(app_calendar_gap(c, cal_join(2025, 11, 20, 9, 0, 0), gap, sizeof gap), 2026);
	ck_assert_msg(strstr(gap, "No working-day file for 2026 (vn-2026.days in /tmp/test_cli."), "%s", gap);
	f = open_memstream(&text, &len);
	cli_version(f);
	fclose(f);
	ck_assert_msg(strstr(text, "motcua " PACKAGE_VERSION "\n"), "%s", text);
	ck_assert_msg(strstr(text, "No working-day file for "), "%s", text);
	free(text);
	unlink(path);
	rmdir(dir);
	cal_free(c);
}
END_TEST

START_TEST(wrong_command_lines_are_named)
{
	const char *a[] = { "motcua", "--frobnicate", NULL };
	const char *b[] = { "motcua", "-x", NULL };
	const char *c2[] = { "motcua", "--profile", NULL };
	struct cli c;
	struct err e;

	ck_assert_int_eq(parse(&c, &e, 2, a), -1);
	ck_assert_str_eq(e.msg, "unknown option '--frobnicate'");
	ck_assert_int_eq(parse(&c, &e, 2, b), -1);
	ck_assert_str_eq(e.msg, "unknown option '-x'");
	ck_assert_int_eq(parse(&c, &e, 2, c2), -1);
	ck_assert_str_eq(e.msg, "option '--profile' needs a value");
}
END_TEST

START_TEST(a_command_means_batch_mode)
{
	const char *argv[] = { "motcua", "-p", "sandbox-portal", "--user", "tiepnhan1",
			       "list", "--overdue", NULL };
	struct cli c;
	struct err e;

	unsetenv("MOTCUA_SERVER");
	ck_assert_int_eq(parse(&c, &e, 7, argv), 0);
	ck_assert_int_eq(c.action, CLI_BATCH);
	ck_assert_str_eq(c.profile, "sandbox-portal");
	ck_assert_str_eq(c.user, "tiepnhan1");
	ck_assert_ptr_null(c.server);
	ck_assert_int_eq(c.argc, 2);
	ck_assert_str_eq(c.argv[0], "list");
	ck_assert_str_eq(c.argv[1], "--overdue");
}
END_TEST

START_TEST(environment_fills_in_and_options_win)
{
	const char *argv[] = { "motcua", "--server", "http://127.0.0.1:1", NULL };
	struct cli c;
	struct err e;

	setenv("MOTCUA_SERVER", "http://127.0.0.1:2", 1);
	setenv("MOTCUA_USER", "chuyenvien1", 1);
	ck_assert_int_eq(parse(&c, &e, 3, argv), 0);
	ck_assert_int_eq(c.action, CLI_RUN);
	ck_assert_str_eq(c.server, "http://127.0.0.1:1");
	ck_assert_str_eq(c.user, "chuyenvien1");
}
END_TEST

START_TEST(timeout_in_whole_seconds)
{
	const char *ok[] = { "motcua", "--timeout", "5", "list", NULL };
	const char *eq[] = { "motcua", "--timeout=3600", NULL };
	const char *bad[][3] = {
		{ "motcua", "--timeout", "0" }, { "motcua", "--timeout", "3601" },
		{ "motcua", "--timeout", "2.5" }, { "motcua", "--timeout", "" },
		{ "motcua", "--timeout", "-1" }, { "motcua", "--timeout", "30s" },
	};
	struct cli c;
	struct err e;

	ck_assert_int_eq(parse(&c, &e, 1, (const char *[]){ "motcua", NULL }), 0);
	ck_assert_int_eq(c.timeout, 0);	/* not given: the setting's */
	ck_assert_int_eq(parse(&c, &e, 4, ok), 0);
	ck_assert_int_eq(c.timeout, 5);
	ck_assert_int_eq(c.action, CLI_BATCH);
	ck_assert_str_eq(c.argv[0], "list");
	ck_assert_int_eq(parse(&c, &e, 2, eq), 0);
	ck_assert_int_eq(c.timeout, 3600);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *argv[] = { bad[i][0], bad[i][1], bad[i][2], NULL };

		ck_assert_int_eq(parse(&c, &e, 3, argv), -1);
		ck_assert_ptr_nonnull(strstr(e.msg, "--timeout takes a whole number of seconds "
					 "from 1 to 3600"));
	}
	ck_assert_int_eq(parse(&c, &e, 2, (const char *[]){ "motcua", "--timeout", NULL }), -1);
	ck_assert_str_eq(e.msg, "option '--timeout' needs a value");
}
END_TEST

static Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, no_arguments_runs_the_client);
	tcase_add_test(tc, help_and_version);
	tcase_add_test(tc, missing_calendar_year_is_said);
	tcase_add_test(tc, wrong_command_lines_are_named);
	tcase_add_test(tc, a_command_means_batch_mode);
	tcase_add_test(tc, environment_fills_in_and_options_win);
	tcase_add_test(tc, timeout_in_whole_seconds);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cli_suite)
