#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/fold.h"
#include "core/model.h"
#include "desk/filter.h"

static struct dossier rows[] = {
	{ .code = "000.00.01.H22-251014-0007", .applicant_name = "Nguyễn Văn An",
	  .applicant_id = "001085012345", .procedure_code = "1.001193",
	  .procedure_name = "Đăng ký khai sinh" },
	{ .code = "000.00.01.H22-251014-1008", .applicant_name = "Trần Thị Nguyên",
	  .applicant_id = "079190000001", .procedure_code = "1.000894",
	  .procedure_name = "Đăng ký kết hôn" },
	/* decomposed, as some systems send it */
	{ .code = "000.00.01.H22-251015-0012", .applicant_name = "Nguye\xcc\x82\xcc\x83n Thị Bình",
	  .applicant_id = "027301000777", .procedure_code = "2.000986",
	  .procedure_name = "Đăng ký khai sinh (liên thông)" },
	{ .code = "AB-1234", .applicant_name = "Lê Hoàng", .procedure_name = "Chứng thực bản sao" },
	{ .code = "12-3456", .applicant_name = NULL, .procedure_name = NULL },
};
#define NROWS (sizeof rows / sizeof rows[0])

static struct filter *f;
static struct dossier *ptrs[NROWS];

static void setup(void)
{
	for (size_t i = 0; i < NROWS; i++)
		ptrs[i] = &rows[i];
	f = filter_new();
	filter_index(f, ptrs, NROWS, 1);
}

static void teardown(void)
{
	filter_free(f);
}

/* The rows text matches, as a string of row numbers ("013"). */
static const char *hits(const char *text)
{
	static char out[NROWS + 1];
	struct err e = { "" };
	size_t n = 0;

	filter_set(f, text, &e);
	for (size_t i = 0; i < NROWS; i++)
		if (filter_hit(f, i))
			out[n++] = (char)('0' + i);
	out[n] = '\0';
	ck_assert_uint_eq(filter_count(f), n);
	return out;
}

#define ck_hits(text, want) ck_assert_msg(!strcmp(hits(text), (want)), \
	"\"%s\" matches rows %s, not %s", (text), hits(text), (want))

START_TEST(nothing_typed_matches_everything)
{
	ck_hits("", "01234");
	ck_assert(!filter_active(f));
	ck_hits("nguyen", "012");
	ck_assert(filter_active(f));
	ck_hits("", "01234");
}
END_TEST

START_TEST(folded_text_finds_vietnamese_in_any_form)
{
	ck_hits("nguyen", "012");
	ck_hits("Nguyễn", "012");
	ck_hits("NGUYỄN", "012");
	ck_hits("Nguye\xcc\x82\xcc\x83n", "012");
	ck_hits("nguyen van an", "0");
	ck_hits("khai sinh", "02");
	ck_hits("dang ky", "012");
	ck_hits("lê hoàng", "3");
}
END_TEST

START_TEST(every_field_is_searched)
{
	ck_hits("251014-0007", "0");		/* code */
	ck_hits("079190", "1");			/* ID number */
	ck_hits("1.000894", "1");		/* procedure code */
	ck_hits("chung thuc", "3");		/* procedure name */
	ck_hits("zzz", "");
}
END_TEST

START_TEST(regular_expressions_work_per_field)
{
	ck_hits("0[0-9]{3}$", "012");		/* codes ending in 0NNN, IDs too */
	ck_hits("-0[0-9]{3}$", "02");
	ck_hits("^nguyen", "02");		/* a name that starts so */
	ck_hits("nguyen$", "1");
	ck_hits("van an|binh", "02");
	ck_hits("sinh.*thông", "2");
	ck_hits("khai sinh$", "0");
	/* escapes keep their case: \D is a non-digit, not a digit */
	ck_hits("^\\D{2}-", "3");
	ck_hits("^\\d{2}-", "4");
	/* a field ends at its line: no match across fields */
	ck_hits("an.*001085", "");
}
END_TEST

START_TEST(half_typed_text_is_matched_as_typed)
{
	struct err e = { "" };

	ck_assert_int_eq(filter_set(f, "(liên", &e), -1);
	ck_assert_msg(strstr(e.msg, "matching the text as typed"), "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "missing closing parenthesis"), "%s", e.msg);
	/* the same text again says the same, without matching again */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(filter_set(f, "(liên", &e), -1);
	ck_assert_msg(strstr(e.msg, "missing closing parenthesis"), "%s", e.msg);
	ck_hits("(liên", "2");
	ck_hits("(lien thong)", "2");	/* valid again: the group matches "lien thong" */
	ck_assert_int_eq(filter_set(f, "liên", &e), 0);
	ck_hits("[0-9", "");
	ck_hits("\\", "");
}
END_TEST

/* Typing one key at a time (narrowing on the rows matched so far) gives
 * what a filter that sees the whole text at once gives. */
START_TEST(typing_matches_what_the_whole_text_matches)
{
	static const char *const texts[] = {
		"n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen ", "nguyen v", "nguyen va",
		"nguyen", "nguye", "n", "", "0", "00", "00(", "00(7", "00(7)", "007", "0", "0.", "0.1",
		"0", "01", "01|", "01|a", "01", "1.00", "1.001", "1.0011",
	};

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct filter *fresh = filter_new();
		struct err e;

		filter_index(fresh, ptrs, NROWS, 1);
		filter_set(fresh, texts[i], &e);
		filter_set(f, texts[i], &e);
		ck_assert_uint_eq(filter_count(f), filter_count(fresh));
		for (size_t r = 0; r < NROWS; r++)
			ck_assert_msg(filter_hit(f, r) == filter_hit(fresh, r), "\"%s\", row %zu",
				      texts[i], r);
		filter_free(fresh);
	}
}
END_TEST

START_TEST(a_new_inbox_is_matched_again)
{
	struct dossier *two[] = { &rows[3], &rows[0] };
	struct err e;

	ck_hits("nguyen", "012");
	filter_index(f, two, 2, 1);	/* the same generation: nothing changes */
	ck_assert_uint_eq(filter_count(f), 3);
	filter_index(f, two, 2, 2);
	ck_assert_int_eq(filter_set(f, "nguyen", &e), 0);
	ck_assert_uint_eq(filter_count(f), 1);
	ck_assert(!filter_hit(f, 0));
	ck_assert(filter_hit(f, 1));
	filter_index(f, NULL, 0, 3);
	ck_assert_int_eq(filter_set(f, "nguyen", &e), 0);
	ck_assert_uint_eq(filter_count(f), 0);
}
END_TEST

START_TEST(costly_patterns_stop_and_say_so)
{
	static struct dossier many = { .code = "X-1",
		.applicant_name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac" };
	struct dossier *one[] = { &many };
	struct err e = { "" };

	filter_index(f, one, 1, 9);
	ck_assert_int_eq(filter_set(f, "(a|aa)+(b|c)(a|aa)+$", &e), -1);
	ck_assert_msg(strstr(e.msg, "too costly"), "%s", e.msg);
	ck_assert_uint_eq(filter_count(f), 0);
}
END_TEST

/* Run by the store: one row's folded text at a time, and the plain text
 * the store's index narrows by. */
START_TEST(the_store_s_rows_are_matched_alike)
{
	static const char *const texts[] = { "nguyen", "Nguyễn", "^ng", "khai sinh$", "0007|ab-", "(", "" };
	struct filter *alone = filter_new();
	struct err e;

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		filter_set(f, texts[t], &e);
		filter_set(alone, texts[t], &e);
		for (size_t i = 0; i < NROWS; i++) {
			const char *fs[] = { rows[i].code, rows[i].applicant_name, rows[i].applicant_id,
					     rows[i].procedure_code, rows[i].procedure_name };
			char hay[512];
			size_t len = 0;

			for (int k = 0; k < 5; k++) {
				if (k)
					hay[len++] = '\n';
				len += fold_text(hay + len, sizeof hay - len, fs[k] ? fs[k] : "",
						 fs[k] ? strlen(fs[k]) : 0);
			}
			ck_assert_msg(filter_text_hit(alone, hay, len) == filter_hit(f, i),
				      "\"%s\", row %zu", texts[t], i);
		}
	}
	filter_set(alone, "Nguyễn", &e);
	ck_assert_str_eq(filter_literal(alone), "nguyen");
	filter_set(alone, "ng.yen", &e);
	ck_assert_ptr_null(filter_literal(alone));
	filter_set(alone, "(", &e);	/* not an expression: matched as typed */
	ck_assert_str_eq(filter_literal(alone), "(");
	filter_set(alone, "", &e);
	ck_assert_ptr_null(filter_literal(alone));
	filter_free(alone);
}
END_TEST

static Suite *filter_suite(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("filter");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nothing_typed_matches_everything);
	tcase_add_test(tc, folded_text_finds_vietnamese_in_any_form);
	tcase_add_test(tc, every_field_is_searched);
	tcase_add_test(tc, regular_expressions_work_per_field);
	tcase_add_test(tc, half_typed_text_is_matched_as_typed);
	tcase_add_test(tc, typing_matches_what_the_whole_text_matches);
	tcase_add_test(tc, a_new_inbox_is_matched_again);
	tcase_add_test(tc, costly_patterns_stop_and_say_so);
	tcase_add_test(tc, the_store_s_rows_are_matched_alike);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(filter_suite)
