#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/fold.h"
#include "core/text.h"

static const char *fold(const char *s)
{
	static char out[512];
	size_t n = fold_text(out, sizeof out, s, strlen(s));

	ck_assert_uint_eq(n, strlen(out));
	ck_assert_uint_le(n, strlen(s));
	return out;
}

#define ck_fold(in, want) ck_assert_str_eq(fold(in), (want))

/* Every Vietnamese vowel with every tone, precomposed, by family. */
static const struct {
	const char *letters;
	char base;
	size_t count;
} families[] = {
	{ "aàáảãạăằắẳẵặâầấẩẫậ", 'a', 18 }, { "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a', 18 },
	{ "eèéẻẽẹêềếểễệ", 'e', 12 }, { "EÈÉẺẼẸÊỀẾỂỄỆ", 'e', 12 },
	{ "iìíỉĩị", 'i', 6 }, { "IÌÍỈĨỊ", 'i', 6 },
	{ "oòóỏõọôồốổỗộơờớởỡợ", 'o', 18 }, { "OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o', 18 },
	{ "uùúủũụưừứửữự", 'u', 12 }, { "UÙÚỦŨỤƯỪỨỬỮỰ", 'u', 12 },
	{ "yỳýỷỹỵ", 'y', 6 }, { "YỲÝỶỸỴ", 'y', 6 },
	{ "dđDĐ", 'd', 4 },
};

START_TEST(every_precomposed_vowel_family)
{
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
		char want[32];

		memset(want, families[i].base, families[i].count);
		want[families[i].count] = '\0';
		ck_assert_msg(!strcmp(fold(families[i].letters), want), "%s folds to %s, not %s",
			      families[i].letters, fold(families[i].letters), want);
	}
}
END_TEST

START_TEST(every_letter_of_the_vietnamese_block)
{
	/* U+1EA0..U+1EF9: each one folds to one ASCII vowel */
	for (uint32_t cp = 0x1EA0; cp <= 0x1EF9; cp++) {
		char in[5], out[8];
		size_t n = text_utf8_put(in, cp);

		in[n] = '\0';
		ck_assert_uint_eq(fold_text(out, sizeof out, in, n), 1);
		ck_assert_msg(strchr("aeiouy", out[0]), "U+%04X folds to %s", cp, out);
	}
}
END_TEST

/* Every vowel written decomposed: base letter, vowel mark, tone mark. */
START_TEST(every_decomposed_vowel)
{
	static const struct {
		char base;
		uint32_t vowel[3];
	} bases[] = {
		{ 'a', { 0, 0x306, 0x302 } }, { 'e', { 0, 0x302, 0 } }, { 'i', { 0, 0, 0 } },
		{ 'o', { 0, 0x302, 0x31B } }, { 'u', { 0, 0x31B, 0 } }, { 'y', { 0, 0, 0 } },
	};
	static const uint32_t tones[] = { 0, 0x300, 0x301, 0x309, 0x303, 0x323, 0x340, 0x341 };

	for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++)
		for (int upper = 0; upper < 2; upper++)
			for (size_t v = 0; v < 3; v++)
				for (size_t t = 0; t < sizeof tones / sizeof tones[0]; t++) {
					char in[16], want[2] = { bases[b].base, '\0' };
					size_t n = 0;

					in[n++] = (char)(upper ? bases[b].base - 'a' + 'A' : bases[b].base);
					if (bases[b].vowel[v])
						n += text_utf8_put(in + n, bases[b].vowel[v]);
					if (tones[t])
						n += text_utf8_put(in + n, tones[t]);
					in[n] = '\0';
					ck_assert_msg(!strcmp(fold(in), want), "%s folds to %s", in, fold(in));
				}
}
END_TEST

START_TEST(names_in_any_form)
{
	ck_fold("Nguyễn Văn An", "nguyen van an");
	ck_fold("Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An", "nguyen van an");	/* NFD */
	/* mixed: precomposed ê with a combining tone, as some input methods send */
	ck_fold("Nguy\xc3\xaa\xcc\x83n", "nguyen");
	ck_fold("TRƯƠNG THỊ HƯƠNG", "truong thi huong");
	ck_fold("Đặng Đức Được", "dang duc duoc");
	ck_fold("\xc3\x90\xe1\xba\xb7ng", "dang");	/* Eth for Đ, from old encodings */
	ck_fold("000.00.01.H22-251014-0007", "000.00.01.h22-251014-0007");
	ck_fold("Đăng ký khai sinh (liên thông)", "dang ky khai sinh (lien thong)");
	ck_fold("", "");
}
END_TEST

START_TEST(other_text_is_kept_lower_cased_where_simple)
{
	ck_fold("Müller ÇA Ñ", "müller ça ñ");
	ck_fold("u\xcc\x88", "u\xcc\x88");	/* a combining umlaut is not Vietnamese */
	ck_fold("ΩMEGA Ωμέγα", "ωmega ωμέγα");
	ck_fold("ПРИВЕТ Ёж", "привет ёж");
	ck_fold("ŁÓDŹ Ÿ", "łodź ÿ");	/* Ó is also a Vietnamese letter */
	ck_fold("中文 ✓ 😀", "中文 ✓ 😀");
	ck_fold("a\xff\xc3z", "a\xff\xc3z");	/* invalid bytes stay */
	ck_fold("\xed\xa0\x80", "\xed\xa0\x80");	/* a surrogate is invalid */
}
END_TEST

START_TEST(truncation_never_cuts_a_character)
{
	char out[16];

	/* snprintf-like: the whole length comes back, out holds a beginning */
	ck_assert_uint_eq(fold_text(out, 5, "Nguyễn", strlen("Nguyễn")), 6);
	ck_assert_str_eq(out, "nguy");
	ck_assert_uint_eq(fold_text(out, 3, "ΩΩ", 4), 4);
	ck_assert_str_eq(out, "ω");
	ck_assert_uint_eq(fold_text(out, 2, "ΩΩ", 4), 4);
	ck_assert_str_eq(out, "");
	/* once a character does not fit, a shorter one after it is not written */
	ck_assert_uint_eq(fold_text(out, 3, "中a", 4), 4);
	ck_assert_str_eq(out, "");
	/* an input cut inside a character: the cut bytes are kept as they are */
	ck_assert_uint_eq(fold_text(out, sizeof out, "Nguy\xe1\xbb", 6), 6);
	ck_assert_str_eq(out, "nguy\xe1\xbb");
	/* size 0 writes nothing at all */
	out[0] = 'x';
	ck_assert_uint_eq(fold_text(out, 0, "abc", 3), 3);
	ck_assert_int_eq(out[0], 'x');
	/* len, not a NUL, ends the input */
	ck_assert_uint_eq(fold_text(out, sizeof out, "ABCDEF", 3), 3);
	ck_assert_str_eq(out, "abc");
}
END_TEST

static Suite *fold_suite(void)
{
	Suite *s = suite_create("fold");
	TCase *tc = tcase_create("fold");

	tcase_add_test(tc, every_precomposed_vowel_family);
	tcase_add_test(tc, every_letter_of_the_vietnamese_block);
	tcase_add_test(tc, every_decomposed_vowel);
	tcase_add_test(tc, names_in_any_form);
	tcase_add_test(tc, other_text_is_kept_lower_cased_where_simple);
	tcase_add_test(tc, truncation_never_cuts_a_character);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(fold_suite)
