#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/conf.h"
#include "check_main.h"

START_TEST(defaults_and_set)
{
	struct conf c;
	struct err e;

	conf_init(&c);
	ck_assert_int_eq(c.lock_after, 15);
	ck_assert(c.notify);
	ck_assert_str_eq(c.print_command, "lpr");
	ck_assert_int_eq(conf_set(&c, "notify", "no", &e), 0);
	ck_assert(!c.notify);
	ck_assert_int_eq(conf_set(&c, "lock-after", "0", &e), 0);
	ck_assert_int_eq(c.lock_after, 0);
	ck_assert_int_eq(conf_set(&c, "lock-after", "-1", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "from 0 to 1440"));
	ck_assert_int_eq(conf_set(&c, "lock-after", "5m", &e), -1);
	ck_assert_int_eq(conf_set(&c, "notify", "maybe", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "yes or no"));
	ck_assert_int_eq(conf_set(&c, "colour", "red", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "'colour'"));
	ck_assert_int_eq(c.lock_after, 0);	/* a refused value changes nothing */
	conf_free(&c);
}
END_TEST

START_TEST(words)
{
	struct conf c;
	struct err e;

	conf_init(&c);
	ck_assert_int_eq(c.input_method, 0);	/* off */
	ck_assert_int_eq(c.tone_style, CONF_TONE_OLD);
	ck_assert_int_eq(conf_set(&c, "input-method", "vni", &e), 0);
	ck_assert_int_eq(c.input_method, 2);
	ck_assert_int_eq(conf_set(&c, "input-method", "Telex", &e), 0);
	ck_assert_int_eq(c.input_method, 1);
	ck_assert_int_eq(conf_set(&c, "tone-style", "new", &e), 0);
	ck_assert_int_eq(c.tone_style, CONF_TONE_NEW);
	ck_assert_int_eq(conf_set(&c, "input-method", "unikey", &e), -1);
	ck_assert_str_eq(e.msg, "input-method takes one of off|telex|vni|viqr, not 'unikey'");
	ck_assert_int_eq(conf_set(&c, "input-method", "tele", &e), -1);
	ck_assert_int_eq(conf_set(&c, "input-method", "", &e), -1);
	ck_assert_int_eq(c.input_method, 1);
	conf_free(&c);
}
END_TEST

START_TEST(request_timeout)
{
	struct conf c;
	struct err e;

	conf_init(&c);
	ck_assert_int_eq(c.request_timeout, 30);
	ck_assert_int_eq(conf_set(&c, "request-timeout", "5", &e), 0);
	ck_assert_int_eq(c.request_timeout, 5);
	ck_assert_int_eq(conf_set(&c, "request-timeout", "3600", &e), 0);
	ck_assert_int_eq(c.request_timeout, CONF_TIMEOUT_MAX);
	/* no "never": every request has a deadline */
	ck_assert_int_eq(conf_set(&c, "request-timeout", "0", &e), -1);
	ck_assert_str_eq(e.msg, "request-timeout takes a whole number from 1 to 3600, not '0'");
	ck_assert_int_eq(conf_set(&c, "request-timeout", "3601", &e), -1);
	ck_assert_int_eq(conf_set(&c, "request-timeout", "30s", &e), -1);
	ck_assert_int_eq(c.request_timeout, 3600);
	conf_free(&c);
}
END_TEST

/* Broken lines are reported with file:line and skipped; the others count. */
START_TEST(load_reports_and_goes_on)
{
	char path[] = "/tmp/motcua-conf-XXXXXX", *warnings;
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct conf c;
	struct err e;

	fputs("# quầy 1\nset lock-after 30\nset notify perhaps\nbind inbox x quit\n"
	      "set print-command \"lpr -P quay1\"  # printer\nset 'unterminated\n"
	      "set request-timeout 45\nmacro inbox <F5> \"n1.001193<Enter>\"\n", f);
	fclose(f);
	conf_init(&c);
	ck_assert_int_eq(conf_load(&c, path, &warnings, &e), 0);
	ck_assert_int_eq(c.lock_after, 30);
	ck_assert(c.notify);
	ck_assert_str_eq(c.print_command, "lpr -P quay1");
	ck_assert_int_eq(c.request_timeout, 45);
	ck_assert_ptr_nonnull(warnings);
	ck_assert_ptr_nonnull(strstr(warnings, ":3: notify takes yes or no"));
	ck_assert_ptr_null(strstr(warnings, ":4:"));	/* the client's, not batch's */
	ck_assert_ptr_nonnull(strstr(warnings, ":6: "));
	ck_assert_ptr_null(strstr(warnings, ":5:"));
	/* the interactive client's macros are no concern of batch mode */
	ck_assert_ptr_null(strstr(warnings, ":8:"));
	free(warnings);
	unlink(path);
	ck_assert_int_eq(conf_load(&c, path, &warnings, &e), 0);	/* missing: defaults */
	ck_assert_ptr_null(warnings);
	conf_free(&c);
}
END_TEST

/* Counts the lines handed to it; refuses "mono bad". */
static int count_color(void *arg, const struct cmd_words *w, struct err *e)
{
	if (!strcmp(w->v[w->n - 1], "bad"))
		return err_set(e, "no bad");
	++*(int *)arg;
	return 0;
}

/* color and mono lines go to who draws; without one (batch mode) they are
 * skipped without a word. */
START_TEST(color_lines_go_to_the_hook)
{
	char path[] = "/tmp/motcua-conf-XXXXXX", *warnings;
	int fd = mkstemp(path), n = 0;
	FILE *f = fdopen(fd, "w");
	struct conf c;
	struct err e;

	fputs("set theme light\ncolor title-bar black yellow\nmono title-bar bold\nmono x bad\n", f);
	fclose(f);
	conf_init(&c);
	ck_assert_str_eq(c.theme, "default");
	ck_assert_int_eq(conf_load(&c, path, &warnings, &e), 0);
	ck_assert_ptr_null(warnings);
	ck_assert_str_eq(c.theme, "light");
	c.color = count_color;
	c.color_arg = &n;
	ck_assert_int_eq(conf_load(&c, path, &warnings, &e), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_ptr_nonnull(warnings);
	ck_assert_ptr_nonnull(strstr(warnings, ":4: no bad"));
	free(warnings);
	unlink(path);
	conf_free(&c);
}
END_TEST

static Suite *conf_suite(void)
{
	Suite *s = suite_create("conf");
	TCase *tc = tcase_create("settings");

	tcase_add_test(tc, defaults_and_set);
	tcase_add_test(tc, request_timeout);
	tcase_add_test(tc, words);
	tcase_add_test(tc, load_reports_and_goes_on);
	tcase_add_test(tc, color_lines_go_to_the_hook);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(conf_suite)
