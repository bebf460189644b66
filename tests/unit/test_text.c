#include "config.h"

#include <locale.h>
#include <stdlib.h>
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

/* ---- text from a server, made safe to show ---- */

#define FFFD "\xef\xbf\xbd"

/* s made safe with flags, checked against want, in a buffer just big
 * enough and through the allocating form. */
static void ck_safe(const char *s, unsigned flags, const char *want)
{
	char out[512];
	char *dup = text_safe_dup(s, flags);

	ck_assert_uint_eq(text_safe(out, sizeof out, s, flags), strlen(want));
	ck_assert_str_eq(out, want);
	ck_assert_str_eq(dup, want);
	free(dup);
}

/* The code point cp, encoded, between two letters. */
static const char *around(uint32_t cp, char *buf)
{
	size_t n;

	buf[0] = 'a';
	n = text_utf8_put(buf + 1, cp);
	buf[1 + n] = 'b';
	buf[2 + n] = '\0';
	return buf;
}

START_TEST(safe_replaces_terminal_controls)
{
	/* OSC 52 (write the clipboard), OSC 0 (the title), CSI 2J, a cursor move */
	ck_safe("An\x1b]52;c;cm0gLXJmIH4=\x07", 0, "An" FFFD "]52;c;cm0gLXJmIH4=" FFFD);
	ck_safe("\x1b]0;pwned\x1b\\x", 0, FFFD "]0;pwned" FFFD "\\x");
	ck_safe("\x1b[2J\x1b[H\x1b[10;10H", 0, FFFD "[2J" FFFD "[H" FFFD "[10;10H");
	ck_safe("a\x7f" "b\x01" "c\x08", 0, "a" FFFD "b" FFFD "c" FFFD);
	/* C1: encoded as code points, and as raw bytes (not UTF-8) */
	ck_safe("a\xc2\x9b" "2Jb\xc2\x80\xc2\x9f", 0, "a" FFFD "2Jb" FFFD FFFD);
	ck_safe("a\x9b" "2Jb\x90", 0, "a" FFFD "2Jb" FFFD);
}
END_TEST

START_TEST(safe_turns_tabs_and_breaks_into_spaces_unless_kept)
{
	ck_safe("a\tb\nc\rd", 0, "a b c d");
	ck_safe("a\tb\nc\rd", TEXT_KEEP_NL, "a b\nc d");
	ck_safe("a\tb\nc\rd", TEXT_KEEP_TAB, "a\tb c d");
	ck_safe("a\tb\nc", TEXT_KEEP_NL | TEXT_KEEP_TAB, "a\tb\nc");
}
END_TEST

START_TEST(safe_replaces_bidi_and_invisible_characters)
{
	static const uint32_t hidden[] = {
		0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,	/* bidi */
		0x2066, 0x2067, 0x2068, 0x2069,
		0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064,	/* invisible */
		0xFEFF, 0x00AD, 0x180E, 0x2028, 0x2029, 0xFFF9, 0xE0001, 0xE0041, 0xE007F,
	};
	char buf[16];

	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		ck_assert_msg(text_hidden((int32_t)hidden[i]), "U+%04X", hidden[i]);
		ck_safe(around(hidden[i], buf), 0, "a" FFFD "b");
	}
	/* "An" + RLO + "cod.exe" would read "Anexe.doc" */
	ck_safe("An\xe2\x80\xae" "cod.exe", 0, "An" FFFD "cod.exe");
}
END_TEST

START_TEST(safe_keeps_vietnamese_and_other_text)
{
	static const uint32_t kept[] = {
		' ', '~', 0xA0, 0xC0, 0x1EA0, 0x1EF9, 0x2010, 0x2014, 0x2026, 0x2027, 0x202F,
		0x205F, 0x2070, 0x20AB, 0xFFFD, 0x4E2D, 0x1F600, 0x10FFFF,
	};
	char buf[16];

	ck_safe("Nguyễn Thị Hương, Đắk Lắk — 1.250.000 ₫", 0, "Nguyễn Thị Hương, Đắk Lắk — 1.250.000 ₫");
	ck_safe("Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3", 0, "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3");
	/* every combining mark, U+0300..U+036F */
	for (uint32_t cp = 0x300; cp <= 0x36F; cp++) {
		ck_assert(!text_hidden((int32_t)cp));
		ck_safe(around(cp, buf), 0, buf);
	}
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		ck_assert_msg(!text_hidden((int32_t)kept[i]), "U+%04X", kept[i]);
		ck_safe(around(kept[i], buf), 0, buf);
	}
}
END_TEST

START_TEST(safe_replaces_every_byte_that_is_not_utf8)
{
	ck_safe("a\xff" "b", 0, "a" FFFD "b");
	ck_safe("\xc0\xaf", 0, FFFD FFFD);			/* overlong '/' */
	ck_safe("\xe0\x80\xaf", 0, FFFD FFFD FFFD);		/* overlong, 3 bytes */
	ck_safe("\xc0\x80", 0, FFFD FFFD);			/* overlong NUL */
	ck_safe("\xed\xa0\x80" "x", 0, FFFD FFFD FFFD "x");	/* a surrogate */
	ck_safe("\xf4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD);	/* beyond U+10FFFF */
	ck_safe("Nguy\xe1\xbb", 0, "Nguy" FFFD FFFD);		/* cut at the end */
	ck_safe("\xe1\xbb" "n", 0, FFFD FFFD "n");		/* cut inside */
	ck_assert_ptr_null(text_utf8_invalid("Nguyễn", strlen("Nguyễn")));
	ck_assert_ptr_null(text_utf8_invalid("\x1b[2J", 4));	/* controls are UTF-8 */
	{
		const char *s = "Lê\xed\xa0\x80";

		ck_assert_ptr_eq(text_utf8_invalid(s, strlen(s)), s + 3);
		ck_assert_ptr_eq(text_utf8_invalid(s, 2), s + 1);	/* cut */
	}
}
END_TEST

START_TEST(safe_is_snprintf_like_and_never_cuts_a_character)
{
	char out[6];

	/* "Lê" then U+FFFD: 3 + 3 bytes do not fit in 5 */
	ck_assert_uint_eq(text_safe(out, sizeof out, "Lê\x1b" "x", 0), 7);
	ck_assert_str_eq(out, "Lê");
	ck_assert_uint_eq(text_safe(NULL, 0, "\x1b", 0), 3);
}
END_TEST

START_TEST(safe_uses_a_question_mark_in_a_single_byte_locale)
{
	char out[16];

	setlocale(LC_ALL, "C");
	text_safe(out, sizeof out, "a\x1b" "b\xe2\x80\xae" "c", 0);
	setlocale(LC_ALL, "C.UTF-8");
	ck_assert_str_eq(out, "a?b?c");
}
END_TEST

START_TEST(fit_and_width_show_what_is_safe)
{
	char out[64];

	ck_assert_int_eq(text_width("a\x1b[2Jb"), 6);
	ck_assert_int_eq(text_width("A\xe2\x80\xae" "B\xe2\x80\x8b"), 4);
	ck_assert_int_eq(text_fit(out, sizeof out, "A\xe2\x80\xae" "B\xe2\x80\x8b" "C", 10, "…", 0), 5);
	ck_assert_str_eq(out, "A" FFFD "B" FFFD "C");
	ck_assert_int_eq(text_fit(out, sizeof out, "\x1b]52;c;eA==\x07", 6, "…", 0), 6);
	ck_assert_str_eq(out, FFFD "]52;…");
	ck_assert_int_eq(text_fit(out, sizeof out, "a\tb\nc", 5, "…", 0), 5);
	ck_assert_str_eq(out, "a b c");
	/* the wrap counts the placeholder's column too */
	ck_assert_uint_eq(text_wrap("ab\xe2\x80\x8b" "c d", 3), 5);
}
END_TEST

/* LC_ALL=C: one column per character, Vietnamese without its marks, in
 * either form; the signs the screens draw have ASCII look-alikes; the
 * rest is a '?'. What is printed (text_safe) keeps its letters. */
START_TEST(fit_shows_letters_without_marks_in_a_single_byte_locale)
{
	char out[64];
	int w1, w2, w3;

	setlocale(LC_ALL, "C");
	w1 = text_fit(out, sizeof out, "Nguyễn Thị Hoà │ ĐẶNG", 30, "~", 1);
	w2 = text_width("Nguye\xcc\x82\xcc\x83n");	/* NFD: e, circumflex, tilde */
	w3 = text_width("Trần 😀");
	setlocale(LC_ALL, "C.UTF-8");
	ck_assert_int_eq(w1, 30);
	ck_assert_str_eq(out, "Nguyen Thi Hoa | DANG         ");
	ck_assert_int_eq(w2, 6);
	ck_assert_int_eq(w3, 6);
	setlocale(LC_ALL, "C");
	text_fit(out, sizeof out, "Nguye\xcc\x82\xcc\x83n Trần 😀", 13, "~", 0);
	w1 = text_fit(out + 20, sizeof out - 20, "Phường Hoàn Kiếm", 10, "~", 0);
	setlocale(LC_ALL, "C.UTF-8");
	ck_assert_str_eq(out, "Nguyen Tran ?");
	ck_assert_int_eq(w1, 10);
	ck_assert_str_eq(out + 20, "Phuong Ho~");
	/* in a UTF-8 locale, as it was */
	ck_assert_int_eq(text_fit(out, sizeof out, "Nguyễn", 10, "~", 0), 6);
	ck_assert_str_eq(out, "Nguyễn");
	setlocale(LC_ALL, "C");
	text_safe(out, sizeof out, "Nguyễn", 0);
	setlocale(LC_ALL, "C.UTF-8");
	ck_assert_str_eq(out, "Nguyễn");
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
	tc = tcase_create("safe");
	tcase_add_test(tc, safe_replaces_terminal_controls);
	tcase_add_test(tc, safe_turns_tabs_and_breaks_into_spaces_unless_kept);
	tcase_add_test(tc, safe_replaces_bidi_and_invisible_characters);
	tcase_add_test(tc, safe_keeps_vietnamese_and_other_text);
	tcase_add_test(tc, safe_replaces_every_byte_that_is_not_utf8);
	tcase_add_test(tc, safe_is_snprintf_like_and_never_cuts_a_character);
	tcase_add_test(tc, safe_uses_a_question_mark_in_a_single_byte_locale);
	tcase_add_test(tc, fit_and_width_show_what_is_safe);
	tcase_add_test(tc, fit_shows_letters_without_marks_in_a_single_byte_locale);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(text_suite)
