#include "config.h"

#include <string.h>

#include "check_main.h"
#include "screens/prompt.h"

static struct prompt p;

static void type(const char *keys)
{
	for (const char *k = keys; *k; k++)
		ck_assert_int_eq(prompt_key(&p, (km_key)(unsigned char)*k), PROMPT_EDITED);
}

START_TEST(text_is_kept_in_utf8)
{
	prompt_clear(&p);
	type("Nguy");
	ck_assert_int_eq(prompt_key(&p, 0x1EC5), PROMPT_EDITED);	/* ễ */
	ck_assert_int_eq(prompt_key(&p, 'n'), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn");
	ck_assert_uint_eq(p.len, strlen("Nguyễn"));
	ck_assert_int_eq(prompt_key(&p, 0x1F600), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn😀");
}
END_TEST

START_TEST(erasing_takes_whole_characters_words_and_all)
{
	prompt_clear(&p);
	type("Nguy");
	prompt_key(&p, 0x1EC5);
	ck_assert_int_eq(prompt_key(&p, KM_FKEY | KEY_BACKSPACE), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguy");
	ck_assert_int_eq(prompt_key(&p, 0x7f), PROMPT_EDITED);	/* DEL, as many terminals send */
	ck_assert_str_eq(p.text, "Ngu");
	type(" van  an");
	ck_assert_int_eq(prompt_key(&p, 0x17), PROMPT_EDITED);	/* Ctrl-W */
	ck_assert_str_eq(p.text, "Ngu van  ");
	ck_assert_int_eq(prompt_key(&p, 0x17), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Ngu ");
	ck_assert_int_eq(prompt_key(&p, 0x15), PROMPT_EDITED);	/* Ctrl-U */
	ck_assert_str_eq(p.text, "");
	/* nothing left to erase: taken, unchanged */
	ck_assert_int_eq(prompt_key(&p, 0x08), PROMPT_TAKEN);
	ck_assert_int_eq(prompt_key(&p, 0x17), PROMPT_TAKEN);
	ck_assert_int_eq(prompt_key(&p, 0x15), PROMPT_TAKEN);
}
END_TEST

START_TEST(enter_accepts_esc_cancels_others_pass)
{
	prompt_clear(&p);
	ck_assert_int_eq(prompt_key(&p, '\r'), PROMPT_ACCEPTED);
	ck_assert_int_eq(prompt_key(&p, KM_FKEY | KEY_ENTER), PROMPT_ACCEPTED);
	ck_assert_int_eq(prompt_key(&p, 0x1b), PROMPT_CANCELLED);
	ck_assert_int_eq(prompt_key(&p, 0x07), PROMPT_CANCELLED);
	/* moving, changing view, redrawing: for the keymap */
	ck_assert_int_eq(prompt_key(&p, KM_FKEY | KEY_DOWN), PROMPT_IGNORED);
	ck_assert_int_eq(prompt_key(&p, '\t'), PROMPT_IGNORED);
	ck_assert_int_eq(prompt_key(&p, 0x0c), PROMPT_IGNORED);
	ck_assert_int_eq(prompt_key(&p, 0x85), PROMPT_IGNORED);	/* a C1 control */
	ck_assert_str_eq(p.text, "");
}
END_TEST

START_TEST(a_full_prompt_takes_no_more)
{
	prompt_clear(&p);
	for (int i = 0; i < PROMPT_MAX - 1; i++)
		ck_assert_int_eq(prompt_key(&p, 'x'), PROMPT_EDITED);
	ck_assert_int_eq(prompt_key(&p, 'x'), PROMPT_TAKEN);
	ck_assert_uint_eq(p.len, PROMPT_MAX - 1);
	ck_assert_int_eq(prompt_key(&p, KM_FKEY | KEY_BACKSPACE), PROMPT_EDITED);
	/* a character of several bytes goes in whole or not at all */
	ck_assert_int_eq(prompt_key(&p, 0x1EC5), PROMPT_TAKEN);
	ck_assert_uint_eq(p.len, PROMPT_MAX - 2);
	ck_assert_uint_eq(strlen(p.text), p.len);
}
END_TEST

/* The input method composes as the clerk types; Backspace takes the last
 * letter with its marks, and typing on composes again. */
START_TEST(typing_through_the_input_method)
{
	struct vnime telex = { VNIME_TELEX, true }, off = { VNIME_OFF, true };
	const char *k;

	prompt_clear(&p);
	for (k = "Nguyeenx Thij Hoaf"; *k; k++)
		ck_assert_int_eq(prompt_type(&p, (km_key)*k, &telex), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn Thị Hòa");
	ck_assert_uint_eq(p.len, strlen(p.text));
	ck_assert_int_eq(prompt_type(&p, 'n', &telex), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn Thị Hoàn");
	ck_assert_int_eq(prompt_type(&p, KM_FKEY | KEY_BACKSPACE, &telex), PROMPT_EDITED);
	ck_assert_int_eq(prompt_type(&p, KM_FKEY | KEY_BACKSPACE, &telex), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn Thị Ho");
	ck_assert_int_eq(prompt_type(&p, 'a', &telex), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn Thị Hoa");
	ck_assert_int_eq(prompt_type(&p, 0x17, &telex), PROMPT_EDITED);	/* Ctrl-W */
	ck_assert_int_eq(prompt_type(&p, 'x', &off), PROMPT_EDITED);
	ck_assert_int_eq(prompt_type(&p, 'x', NULL), PROMPT_EDITED);
	ck_assert_str_eq(p.text, "Nguyễn Thị xx");
	ck_assert_int_eq(prompt_type(&p, '\r', &telex), PROMPT_ACCEPTED);
	ck_assert_int_eq(prompt_type(&p, KM_FKEY | KEY_DOWN, &telex), PROMPT_IGNORED);
	/* a full prompt: the composed letter does not fit, nothing changes */
	prompt_clear(&p);
	for (int i = 0; i < PROMPT_MAX - 2; i++)
		prompt_key(&p, ' ');
	ck_assert_int_eq(prompt_type(&p, 'a', &telex), PROMPT_EDITED);
	ck_assert_int_eq(prompt_type(&p, 's', &telex), PROMPT_TAKEN);
	ck_assert_uint_eq(p.len, PROMPT_MAX - 1);
	ck_assert_int_eq(p.text[p.len - 1], 'a');
}
END_TEST

static Suite *prompt_suite(void)
{
	Suite *s = suite_create("prompt");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, text_is_kept_in_utf8);
	tcase_add_test(tc, erasing_takes_whole_characters_words_and_all);
	tcase_add_test(tc, enter_accepts_esc_cancels_others_pass);
	tcase_add_test(tc, a_full_prompt_takes_no_more);
	tcase_add_test(tc, typing_through_the_input_method);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(prompt_suite)
