#include "config.h"

#include "app/cmd_lex.h"
#include "check_main.h"

static struct cmd_words w;
static struct err e;

static void split_ok(const char *line, size_t n)
{
	ck_assert_msg(cmd_split(line, &w, &e) == 0, "%s: %s", line, e.msg);
	ck_assert_uint_eq(w.n, n);
}

START_TEST(plain_words_and_comments)
{
	split_ok("  bind inbox  j   move-down  # go down\n", 4);
	ck_assert_str_eq(w.v[0], "bind");
	ck_assert_str_eq(w.v[3], "move-down");
	split_ok("# only a comment", 0);
	split_ok("", 0);
	split_ok("set a#b", 2);
	ck_assert_str_eq(w.v[1], "a#b");
	cmd_words_free(&w);
}
END_TEST

START_TEST(quotes_and_escapes)
{
	split_ok("macro inbox ,r 'ijk<Enter> # kept' \"a\\tb\\\"c\\e\"", 5);
	ck_assert_str_eq(w.v[3], "ijk<Enter> # kept");
	ck_assert_str_eq(w.v[4], "a\tb\"c\x1b");
	split_ok("say \"\" ''", 3);
	ck_assert_str_eq(w.v[1], "");
	ck_assert_str_eq(w.v[2], "");
	split_ok("a\\ b 'x'\"y\"z", 2);
	ck_assert_str_eq(w.v[0], "a b");
	ck_assert_str_eq(w.v[1], "xyz");
	split_ok("set greeting \"Xin chào\"", 3);
	ck_assert_str_eq(w.v[2], "Xin chào");
	cmd_words_free(&w);
}
END_TEST

START_TEST(errors_say_where)
{
	split_ok("a b c", 3);
	ck_assert_int_eq(cmd_split("bind inbox 'x", &w, &e), -1);
	ck_assert_str_eq(e.msg, "column 12: the quote ' opened here is not closed");
	ck_assert_uint_eq(w.n, 0);
	ck_assert_int_eq(cmd_split("set x \"a\\qb\"", &w, &e), -1);
	ck_assert_str_eq(e.msg, "column 9: unknown escape '\\q' (use \\\", \\\\, \\n, \\t or \\e)");
	ck_assert_int_eq(cmd_split("set x \\", &w, &e), -1);
	ck_assert_str_eq(e.msg, "column 7: a backslash ends the line");
	cmd_words_free(&w);
}
END_TEST

START_TEST(many_words_grow)
{
	char line[4096] = "";

	for (int i = 0; i < 500; i++)
		strcat(line, "w ");
	split_ok(line, 500);
	cmd_words_free(&w);
}
END_TEST

static Suite *cmd_lex_suite(void)
{
	Suite *s = suite_create("cmd_lex");
	TCase *tc = tcase_create("split");

	tcase_add_test(tc, plain_words_and_comments);
	tcase_add_test(tc, quotes_and_escapes);
	tcase_add_test(tc, errors_say_where);
	tcase_add_test(tc, many_words_grow);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(cmd_lex_suite)
