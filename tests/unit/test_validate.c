#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/calendar.h"
#include "desk/validate.h"

#define ck_has(e, needle) \
	ck_assert_msg(strstr((e).msg, (needle)) != NULL, "message \"%s\" lacks \"%s\"", (e).msg, (needle))
/* the label is on the row above the problem: it is not said again */
#define ck_unnamed(e, label) \
	ck_assert_msg(strstr((e).msg, (label)) == NULL, "message \"%s\" repeats \"%s\"", (e).msg, (label))

/* Wednesday 15 October 2025, 10:00 in Vietnam: the sandbox's clock. */
static int64_t today(void)
{
	return cal_join(2025, 10, 15, 10, 0, 0);
}

static struct vrule rule(const char *key, const char *label, const char *type, bool required,
			 const char *pattern)
{
	struct vrule r;

	vrule_init(&r, key, label, type, required, pattern, NULL, 0);
	return r;
}

START_TEST(types_parse_and_unknown_is_text)
{
	ck_assert_int_eq(vtype_parse("id_number"), VT_ID_NUMBER);
	ck_assert_int_eq(vtype_parse("tax_code"), VT_TAX_CODE);
	ck_assert_int_eq(vtype_parse("select"), VT_SELECT);
	ck_assert_int_eq(vtype_parse("address"), VT_ADDRESS);
	ck_assert_int_eq(vtype_parse("signature"), VT_TEXT);
	ck_assert_int_eq(vtype_parse(NULL), VT_TEXT);
}
END_TEST

START_TEST(required_and_blank_optional)
{
	struct vrule r = rule("child.full_name", "Họ và tên", "text", true, NULL);
	struct err e;
	char out[VALIDATE_MAX];

	ck_assert_int_eq(validate_value(&r, "  ", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "This field is required");
	r.required = false;
	ck_assert_int_eq(validate_value(&r, "  ", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(validate_value(&r, "  Nguyễn Minh Khôi ", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "Nguyễn Minh Khôi");
	vrule_free(&r);
}
END_TEST

START_TEST(id_numbers_new_and_old_the_reason_without_the_label)
{
	struct vrule r = rule("applicant.id_number", "Số định danh", "id_number", true, "[0-9]{12}|[0-9]{9}");
	struct err e;
	char out[VALIDATE_MAX], hint[128];

	ck_assert_int_eq(validate_value(&r, "001 085 012345", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "001085012345");
	ck_assert_int_eq(validate_value(&r, "012345678", today(), out, sizeof out, &e), 0);
	ck_assert_int_eq(validate_value(&r, "00108501234", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "ID number must have 12 digits (9 for an old ID card), got 11");
	ck_assert_int_eq(validate_value(&r, "00108501234x", today(), out, sizeof out, &e), -1);
	ck_unnamed(e, "Số định danh");
	ck_has(e, "only digits");
	/* the decode is a hint, never a rejection */
	ck_assert_int_eq(validate_hint(&r, "001085012345", hint, sizeof hint), 1);
	ck_assert_str_eq(hint, "Hà Nội, male, born 1985");
	ck_assert_int_eq(validate_hint(&r, "036188004567", hint, sizeof hint), 1);
	ck_assert_str_eq(hint, "Nam Định, female, born 1988");
	ck_assert_int_eq(validate_value(&r, "999085012345", today(), out, sizeof out, &e), 0);
	ck_assert_int_eq(validate_hint(&r, "999085012345", hint, sizeof hint), 1);
	ck_assert_str_eq(hint, "unknown place code 999, male, born 1985");
	ck_assert_int_eq(validate_hint(&r, "0010850", hint, sizeof hint), 0);
	ck_assert_str_eq(hint, "");
	vrule_free(&r);
}
END_TEST

START_TEST(tax_codes_check_digit_and_branch)
{
	struct vrule r = rule("business.tax_code", "Mã số thuế", "tax_code", true, "[0-9]{10}(-[0-9]{3})?");
	struct err e;
	char out[VALIDATE_MAX];

	ck_assert_int_eq(validate_value(&r, "0100109106", today(), out, sizeof out, &e), 0);
	ck_assert_int_eq(validate_value(&r, "0105558881-001", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "0105558881-001");
	ck_assert_int_eq(validate_value(&r, "0105558881001", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "0105558881-001");
	ck_assert_int_eq(validate_value(&r, "0100109107", today(), out, sizeof out, &e), -1);
	ck_unnamed(e, "Mã số thuế");
	ck_has(e, "check digit should be 6");
	vrule_free(&r);
}
END_TEST

START_TEST(phones_normalised_before_the_pattern)
{
	struct vrule r = rule("applicant.phone", "Số điện thoại", "phone", false, "0[35789][0-9]{8}");
	struct err e;
	char out[VALIDATE_MAX];

	ck_assert_int_eq(validate_value(&r, "+84 912 345 678", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "0912345678");
	ck_assert_int_eq(validate_value(&r, "0912.345.678", today(), out, sizeof out, &e), 0);
	/* a landline is a phone number, but this procedure asks for a mobile */
	ck_assert_int_eq(validate_value(&r, "024 3825 1234", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "Not in the form this procedure asks for");
	ck_assert_int_eq(validate_value(&r, "0123456789", today(), out, sizeof out, &e), -1);
	ck_unnamed(e, "Số điện thoại");
	ck_has(e, "Phone number must start with 03, 05, 07, 08 or 09");
	vrule_free(&r);
	r = rule("x.phone", "Phone", "phone", false, NULL);
	ck_assert_int_eq(validate_value(&r, "024 3825 1234", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "02438251234");
	vrule_free(&r);
}
END_TEST

START_TEST(dates_real_and_not_in_the_future_for_births)
{
	struct vrule r = rule("child.birth_date", "Ngày sinh", "date", true, NULL);
	struct err e;
	char out[VALIDATE_MAX];

	ck_assert(r.past);
	ck_assert_int_eq(validate_value(&r, "1/10/2025", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "01/10/2025");
	ck_assert_int_eq(validate_value(&r, "15/10/2025", today(), out, sizeof out, &e), 0);
	ck_assert_int_eq(validate_value(&r, "16/10/2025", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "In the future: today is 15/10/2025");
	ck_assert_int_eq(validate_value(&r, "29/02/2023", today(), out, sizeof out, &e), -1);
	ck_has(e, "29/02/2023 is not a date");
	ck_unnamed(e, "Ngày sinh");
	ck_assert_int_eq(validate_value(&r, "2025-10-01", today(), out, sizeof out, &e), -1);
	ck_has(e, "dd/mm/yyyy");
	vrule_free(&r);
	/* the end of a period may be later */
	r = rule("absence.to", "Đến ngày", "date", true, NULL);
	ck_assert(!r.past);
	ck_assert_int_eq(validate_value(&r, "16/12/2025", today(), out, sizeof out, &e), 0);
	vrule_free(&r);
}
END_TEST

START_TEST(email_number_and_pattern)
{
	struct vrule r = rule("applicant.email", "Thư điện tử", "email", false, NULL);
	struct err e;
	char out[VALIDATE_MAX];

	ck_assert_int_eq(validate_value(&r, "an@example.vn", today(), out, sizeof out, &e), 0);
	ck_assert_int_eq(validate_value(&r, "an@example", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "The e-mail address must end with a domain like example.vn");
	ck_assert_int_eq(validate_value(&r, "an example.vn", today(), out, sizeof out, &e), -1);
	ck_assert_int_eq(validate_value(&r, "a@b@c.vn", today(), out, sizeof out, &e), -1);
	vrule_free(&r);

	r = rule("business.capital", "Vốn kinh doanh", "number", true, "[1-9][0-9]{5,12}");
	ck_assert_int_eq(validate_value(&r, "1.000.000", today(), out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "1000000");
	ck_assert_int_eq(validate_value(&r, "5000", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "Not in the form this procedure asks for");
	ck_assert_int_eq(validate_value(&r, "12a", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "Not a number: a whole number in digits, e.g. 12");
	vrule_free(&r);

	/* a broken pattern from the server does not make the form unusable */
	r = rule("x", "X", "text", true, "([a-z");
	ck_assert_int_eq(validate_value(&r, "anything", today(), out, sizeof out, &e), 0);
	ck_assert(r.bad_pattern);
	vrule_free(&r);
	/* the pattern is matched whole, not found inside */
	r = rule("x", "X", "text", true, "[0-9]{3}");
	ck_assert_int_eq(validate_value(&r, "a123b", today(), out, sizeof out, &e), -1);
	ck_assert_int_eq(validate_value(&r, "123", today(), out, sizeof out, &e), 0);
	vrule_free(&r);
}
END_TEST

START_TEST(select_among_options)
{
	static const char *const sex[] = { "M", "F" };
	struct vrule r;
	struct err e;
	char out[VALIDATE_MAX];

	vrule_init(&r, "child.sex", "Giới tính", "select", true, NULL, sex, 2);
	ck_assert_int_eq(validate_value(&r, "F", today(), out, sizeof out, &e), 0);
	ck_assert_int_eq(validate_value(&r, "X", today(), out, sizeof out, &e), -1);
	ck_assert_str_eq(e.msg, "Not one of the choices: Space or Left/Right choose");
	vrule_free(&r);
}
END_TEST

START_TEST(register_values_in_the_field_form)
{
	char out[64];

	validate_from_register(VT_DATE, "1985-04-12", out, sizeof out);
	ck_assert_str_eq(out, "12/04/1985");
	validate_from_register(VT_TEXT, "1985-04-12", out, sizeof out);
	ck_assert_str_eq(out, "1985-04-12");
	validate_from_register(VT_DATE, "12/04/1985", out, sizeof out);
	ck_assert_str_eq(out, "12/04/1985");
}
END_TEST

static Suite *validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("validate");

	tcase_add_test(tc, types_parse_and_unknown_is_text);
	tcase_add_test(tc, required_and_blank_optional);
	tcase_add_test(tc, id_numbers_new_and_old_the_reason_without_the_label);
	tcase_add_test(tc, tax_codes_check_digit_and_branch);
	tcase_add_test(tc, phones_normalised_before_the_pattern);
	tcase_add_test(tc, dates_real_and_not_in_the_future_for_births);
	tcase_add_test(tc, email_number_and_pattern);
	tcase_add_test(tc, select_among_options);
	tcase_add_test(tc, register_values_in_the_field_form);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(validate_suite)
