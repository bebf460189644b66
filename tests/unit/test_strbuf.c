#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/strbuf.h"

START_TEST(empty_is_a_string)
{
	struct sb b = { 0 };
	char *s;

	ck_assert_str_eq(sb_str(&b), "");
	ck_assert_uint_eq(b.len, 0);
	sb_reset(&b);
	ck_assert_str_eq(sb_str(&b), "");
	s = sb_take(&b);
	ck_assert_str_eq(s, "");
	free(s);
	sb_free(&b);
	ck_assert_ptr_null(b.s);
}
END_TEST

START_TEST(grows_byte_by_byte)
{
	struct sb b = { 0 };

	for (int i = 0; i < 10000; i++)
		sb_addc(&b, (char)('a' + i % 26));
	ck_assert_uint_eq(b.len, 10000);
	ck_assert_uint_gt(b.cap, b.len);
	ck_assert_uint_eq(strlen(sb_str(&b)), 10000);
	for (int i = 0; i < 10000; i++)
		ck_assert_int_eq(b.s[i], 'a' + i % 26);
	sb_free(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len + b.cap, 0);
}
END_TEST

START_TEST(adds_strings_and_bytes)
{
	struct sb b = { 0 };
	char big[5000];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	sb_puts(&b, "một ");
	sb_add(&b, "cửa sổ", strlen("cửa"));
	ck_assert_str_eq(sb_str(&b), "một cửa");
	sb_puts(&b, big);	/* one piece larger than twice the room */
	ck_assert_uint_eq(b.len, strlen("một cửa") + sizeof big - 1);
	ck_assert_int_eq(strncmp(b.s, "một cửax", strlen("một cửax")), 0);
	ck_assert_int_eq(b.s[b.len - 1], 'x');
	ck_assert_int_eq(b.s[b.len], '\0');
	sb_add(&b, "", 0);
	ck_assert_uint_eq(b.len, strlen("một cửa") + sizeof big - 1);
	sb_free(&b);
}
END_TEST

START_TEST(printf_appends)
{
	struct sb b = { 0 };
	char big[3000], want[3100];

	sb_printf(&b, "%d/%02d", 23, 1);
	sb_printf(&b, "%s", "");
	sb_printf(&b, " %s=%lld", "fee", 1250000LL);
	ck_assert_str_eq(sb_str(&b), "23/01 fee=1250000");
	/* longer than the room left: formatted a second time, after growing */
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	sb_reset(&b);
	sb_puts(&b, "head:");
	sb_printf(&b, "[%s]%c", big, '!');
	snprintf(want, sizeof want, "head:[%s]!", big);
	ck_assert_str_eq(sb_str(&b), want);
	ck_assert_uint_eq(b.len, strlen(want));
	sb_free(&b);
}
END_TEST

START_TEST(keeps_embedded_nuls)
{
	struct sb b = { 0 };
	static const char data[] = { 'a', '\0', 'b', '\0', '\xff' };

	sb_add(&b, data, sizeof data);
	sb_add(&b, data, sizeof data);
	ck_assert_uint_eq(b.len, 2 * sizeof data);
	ck_assert_int_eq(memcmp(b.s, data, sizeof data), 0);
	ck_assert_int_eq(memcmp(b.s + sizeof data, data, sizeof data), 0);
	ck_assert_int_eq(b.s[b.len], '\0');	/* terminated after the data */
	ck_assert_str_eq(sb_str(&b), "a");	/* as a C string, up to the first NUL */
	sb_free(&b);
}
END_TEST

START_TEST(take_hands_over_and_empties)
{
	struct sb b = { 0 };
	const char *kept;
	char *s;

	sb_puts(&b, "first");
	kept = b.s;
	s = sb_take(&b);
	ck_assert_ptr_eq(s, kept);	/* the same memory, no copy */
	ck_assert_str_eq(s, "first");
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len + b.cap, 0);
	sb_puts(&b, "second");	/* b is usable again, apart from s */
	ck_assert_str_eq(sb_str(&b), "second");
	ck_assert_str_eq(s, "first");
	free(s);
	sb_free(&b);
}
END_TEST

START_TEST(reset_keeps_memory)
{
	struct sb b = { 0 };
	const char *kept;
	size_t cap;

	sb_printf(&b, "%0100d", 7);
	kept = b.s;
	cap = b.cap;
	sb_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(sb_str(&b), "");
	sb_puts(&b, "again");
	ck_assert_ptr_eq(b.s, kept);
	ck_assert_uint_eq(b.cap, cap);
	ck_assert_str_eq(sb_str(&b), "again");
	sb_free(&b);
}
END_TEST

static Suite *strbuf_suite(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, empty_is_a_string);
	tcase_add_test(tc, grows_byte_by_byte);
	tcase_add_test(tc, adds_strings_and_bytes);
	tcase_add_test(tc, printf_appends);
	tcase_add_test(tc, keeps_embedded_nuls);
	tcase_add_test(tc, take_hands_over_and_empties);
	tcase_add_test(tc, reset_keeps_memory);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(strbuf_suite)
