#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/text.h"

START_TEST(width_counts_columns_not_bytes)
{
	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("Nguyễn"), 6);		/* precomposed */
	ck_assert_int_eq(text_width("Nguye\xcc\x82\xcc\x83n"), 6);	/* e + combining marks */
	ck_assert_int_eq(text_width("\xe4\xb8\xad"), 2);	/* a wide CJK character */
	ck_assert_int_eq(text_width("a\xffz"), 3);		/* invalid byte: one column */
	ck_assert_int_eq(text_width(""), 0);
}
END_TEST

START_TEST(fit_cuts_with_ellipsis_and_pads)
{
	char out[64];

	ck_assert_int_eq(text_fit(out, sizeof out, "Trần Thị Hương", 8, "…", 0), 8);
	ck_assert_str_eq(out, "Trần Th…");
	ck_assert_int_eq(text_fit(out, sizeof out, "Lê", 5, "…", 1), 5);
	ck_assert_str_eq(out, "Lê   ");
	ck_assert_int_eq(text_fit(out, sizeof out, "abcdef", 6, "~", 0), 6);
	ck_assert_str_eq(out, "abcdef");
	ck_assert_int_eq(text_fit(out, sizeof out, "abcdefg", 6, "~", 0), 6);
	ck_assert_str_eq(out, "abcde~");
	ck_assert_int_eq(text_fit(out, sizeof out, "abc", 0, "~", 1), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(fit_keeps_combining_marks_with_their_letter)
{
	char out[64];

	/* "Hoà" with a combining grave after 'a', cut at 3 columns */
	text_fit(out, sizeof out, "Hoa\xcc\x80ng", 3, "", 0);
	ck_assert_str_eq(out, "Hoa\xcc\x80");
}
END_TEST

START_TEST(fit_never_overflows_the_buffer)
{
	char out[6];

	text_fit(out, sizeof out, "Nguyễn Văn An", 40, "…", 1);
	ck_assert_uint_lt(strlen(out), sizeof out);
}
END_TEST

START_TEST(wrap_breaks_at_the_last_space_that_fits)
{
	const char *s = "Thôn Phú Thọ, Xã Yên Xuân";

	ck_assert_uint_eq(text_wrap(s, 100), strlen(s));
	/* "Thôn Phú Thọ," is 13 columns */
	ck_assert_uint_eq(text_wrap(s, 14), strlen("Thôn Phú Thọ,"));
	ck_assert_uint_eq(text_wrap(s, 13), strlen("Thôn Phú Thọ,"));
	ck_assert_uint_eq(text_wrap(s, 12), strlen("Thôn Phú"));
	ck_assert_uint_eq(text_wrap("ab cd ef", 5), 5);
	/* a word longer than the line is cut; never nothing */
	ck_assert_uint_eq(text_wrap("Nguyễn", 3), strlen("Ngu"));
	ck_assert_uint_eq(text_wrap("Nguyễn", 0), 1);
	/* a combining mark stays with its letter */
	ck_assert_uint_eq(text_wrap("Hoa\xcc\x80ng", 3), 5);
	ck_assert_uint_eq(text_wrap("", 5), 0);
}
END_TEST

START_TEST(tail_keeps_the_end)
{
	char out[64];

	ck_assert_str_eq(text_tail("000.00.01.H22-251014-0007", 12, "…", out, sizeof out),
			 "…251014-0007");
	ck_assert_str_eq(text_tail("short", 12, "…", out, sizeof out), "short");
	/* never starts inside a character */
	ck_assert_str_eq(text_tail("Nguyễn", 3, "~", out, sizeof out), "~ễn");
}
END_TEST

START_TEST(utf8_decodes_and_encodes)
{
	static const uint32_t cps[] = { 'a', 0xE9, 0x1EC5, 0x10FFFF, 0x1F600 };
	int32_t cp;
	char buf[4];

	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		size_t n = text_utf8_put(buf, cps[i]);

		ck_assert_uint_eq(text_utf8_next(buf, n, &cp), n);
		ck_assert_int_eq(cp, (int32_t)cps[i]);
	}
	ck_assert_uint_eq(text_utf8_put(buf, 0xD800), 0);
	ck_assert_uint_eq(text_utf8_put(buf, 0x110000), 0);
	/* invalid: one byte each */
	ck_assert_uint_eq(text_utf8_next("\xc0\xaf", 2, &cp), 1);	/* overlong */
	ck_assert_int_eq(cp, -1);
	ck_assert_uint_eq(text_utf8_next("\xe1\xbb", 2, &cp), 1);	/* cut */
	ck_assert_int_eq(cp, -1);
	ck_assert_uint_eq(text_utf8_next("\xed\xa0\x80", 3, &cp), 1);	/* surrogate */
	ck_assert_uint_eq(text_utf8_next("\x80", 1, &cp), 1);
	ck_assert_int_eq(cp, -1);
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("width");

	tcase_add_test(tc, width_counts_columns_not_bytes);
	tcase_add_test(tc, fit_cuts_with_ellipsis_and_pads);
	tcase_add_test(tc, fit_keeps_combining_marks_with_their_letter);
	tcase_add_test(tc, fit_never_overflows_the_buffer);
	tcase_add_test(tc, wrap_breaks_at_the_last_space_that_fits);
	tcase_add_test(tc, tail_keeps_the_end);
	tcase_add_test(tc, utf8_decodes_and_encodes);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(text_suite)
