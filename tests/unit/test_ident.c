#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/ident.h"

/* The message must say what is wrong, not just that something is. */
#define ck_assert_msg_has(e, needle)                                    \
	ck_assert_msg(strstr((e).msg, (needle)) != NULL,                \
		      "message \"%s\" lacks \"%s\"", (e).msg, (needle))

/* ---- whitespace and required ----------------------------------------- */

START_TEST(trim_and_required)
{
	struct err e = { "" };
	size_t len;
	const char *p = ident_trim(" \t abc \n", &len);

	ck_assert_int_eq(len, 3);
	ck_assert_int_eq(strncmp(p, "abc", 3), 0);
	p = ident_trim("\xC2\xA0x\xC2\xA0", &len);	/* no-break spaces */
	ck_assert_int_eq(len, 1);
	ck_assert_int_eq(*p, 'x');
	ck_assert(ident_is_blank(NULL));
	ck_assert(ident_is_blank(""));
	ck_assert(ident_is_blank(" \t\r\n "));
	ck_assert(!ident_is_blank(" a "));
	ck_assert_int_eq(ident_required("Nguyễn Văn A", "Full name", &e), 0);
	ck_assert_int_eq(ident_required("   ", "Full name", &e), -1);
	ck_assert_str_eq(e.msg, "Full name is required");
	ck_assert_int_eq(ident_required(NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "This field is required");
}
END_TEST

/* ---- tax codes ------------------------------------------------------- */

START_TEST(tax_valid)
{
	struct err e = { "" };
	char out[IDENT_BUF];
	bool branch = true;

	ck_assert_int_eq(ident_tax_check("0100109106", out, sizeof out, &branch, &e), 0);
	ck_assert_str_eq(out, "0100109106");
	ck_assert(!branch);
	/* Surrounding spaces trimmed, spaces and dots inside dropped. */
	ck_assert_int_eq(ident_tax_check("  0100.109.106 ", out, sizeof out, NULL, &e), 0);
	ck_assert_str_eq(out, "0100109106");
	ck_assert_int_eq(ident_tax_check("0100 109 106", out, sizeof out, NULL, &e), 0);
	ck_assert_str_eq(out, "0100109106");
	/* Sum mod 11 == 10 gives check digit 0. */
	ck_assert_int_eq(ident_tax_check("0100000010", NULL, 0, NULL, &e), 0);
	/* Since 1 July 2025 the personal ID number is an individual's tax
	 * code (Circular 86/2024/TT-BTC): 12 digits, checked as an ID. */
	branch = true;
	ck_assert_int_eq(ident_tax_check("001 085 012345", out, sizeof out, &branch, &e), 0);
	ck_assert_str_eq(out, "001085012345");
	ck_assert(!branch);
	ck_assert_int_eq(ident_tax_check_digit("010010910"), 6);
	ck_assert_int_eq(ident_tax_check_digit("123456789"), 3);
	ck_assert_int_eq(ident_tax_check_digit("010000001"), 0);
	ck_assert_int_eq(ident_tax_check_digit("000000000"), 10);
	ck_assert_int_eq(ident_tax_check_digit("0100"), -1);
	ck_assert_int_eq(ident_tax_check_digit("01001091x"), -1);
}
END_TEST

START_TEST(tax_invalid)
{
	struct err e = { "" };
	char out[IDENT_BUF] = "untouched";

	ck_assert_int_eq(ident_tax_check("0100109105", out, sizeof out, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code check digit should be 6, got 5");
	ck_assert_str_eq(out, "untouched");
	ck_assert_int_eq(ident_tax_check("0100109107", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "should be 6, got 7");
	/* A prefix whose weighted sum is a multiple of 11 has no check digit. */
	ck_assert_int_eq(ident_tax_check("0000000000", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "cannot be valid");
	ck_assert_int_eq(ident_tax_check("0100000050", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "cannot be valid");
	/* Digits 3-9 run 0000001-9999999: all zeros is no code, even
	 * with a fitting check digit. */
	ck_assert_int_eq(ident_tax_check_digit("010000000"), 3);
	ck_assert_int_eq(ident_tax_check("0100000003", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code 0100000003 cannot be valid: its digits 3 to 9 are all zero");
	ck_assert_int_eq(ident_tax_check("0100000003-001", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "digits 3 to 9 are all zero");
	ck_assert_int_eq(ident_tax_check("010010910", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code must have 10 digits (12 for a personal ID number, 13 for a branch), got 9");
	ck_assert_int_eq(ident_tax_check("01001091066", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "got 11");
	ck_assert_int_eq(ident_tax_check("01001O9106", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code may contain only digits, found \"O\" at position 6");
	ck_assert_int_eq(ident_tax_check("", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code is empty");
	ck_assert_int_eq(ident_tax_check(" \t", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code is empty");
}
END_TEST

START_TEST(tax_branch)
{
	struct err e = { "" };
	char out[IDENT_BUF];
	bool branch = false;

	ck_assert_int_eq(ident_tax_check("0100109106-001", out, sizeof out, &branch, &e), 0);
	ck_assert_str_eq(out, "0100109106-001");
	ck_assert(branch);
	ck_assert_int_eq(ident_tax_check(" 0100109106 - 012 ", out, sizeof out, &branch, &e), 0);
	ck_assert_str_eq(out, "0100109106-012");
	/* Without the dash: accepted and written back with it. */
	ck_assert_int_eq(ident_tax_check("0100109106999", out, sizeof out, &branch, &e), 0);
	ck_assert_str_eq(out, "0100109106-999");
	ck_assert(branch);
	/* The first 10 digits must be a valid code. */
	ck_assert_int_eq(ident_tax_check("0100109105-001", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Tax code check digit should be 6, got 5");
	ck_assert_int_eq(ident_tax_check("0100109105001", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "should be 6, got 5");
	ck_assert_int_eq(ident_tax_check("0100109106-000", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "001 to 999, got 000");
	ck_assert_int_eq(ident_tax_check("0100109106-01", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "got 10 and 2 digits");
	ck_assert_int_eq(ident_tax_check("01001091-06001", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "got 8 and 5 digits");
	ck_assert_int_eq(ident_tax_check("0100109106-001-2", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "only one dash");
	ck_assert_int_eq(ident_tax_check("0100109106-0a1", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "found \"a\" at position 13");
}
END_TEST

START_TEST(tax_generator)
{
	struct err e = { "" };
	char prefix[16], code[IDENT_BUF], again[IDENT_BUF];
	int made = 0, unusable = 0;

	ck_assert_int_eq(ident_tax_make("010010910", code, sizeof code, &e), 0);
	ck_assert_str_eq(code, "0100109106");
	ck_assert_int_eq(ident_tax_make("010000005", code, sizeof code, &e), -1);
	ck_assert_str_eq(e.msg, "No tax code can start with 010000005: its check digit would be 10");
	ck_assert_int_eq(ident_tax_make("01001091", code, sizeof code, &e), -1);
	ck_assert_msg_has(e, "9 digits, got 8");
	ck_assert_int_eq(ident_tax_make("010000000", code, sizeof code, &e), -1);
	ck_assert_msg_has(e, "digits 3 to 9 would all be zero");
	/* Every generated code validates; about one prefix in 11 is unusable. */
	for (long i = 0; i < 22000; i++) {
		snprintf(prefix, sizeof prefix, "%09ld", 100000001 + i * 37);
		if (ident_tax_make(prefix, code, sizeof code, &e)) {
			ck_assert_msg_has(e, "would be 10");
			unusable++;
			continue;
		}
		made++;
		ck_assert_int_eq(strncmp(code, prefix, 9), 0);
		ck_assert_int_eq(ident_tax_check(code, again, sizeof again, NULL, &e), 0);
		ck_assert_str_eq(again, code);
	}
	ck_assert_int_gt(unusable, 1500);
	ck_assert_int_lt(unusable, 2500);
	ck_assert_int_eq(made + unusable, 22000);
	ck_assert_int_eq(ident_tax_branch_make("0100109106", 7, code, sizeof code, &e), 0);
	ck_assert_str_eq(code, "0100109106-007");
	ck_assert_int_eq(ident_tax_branch_make("0100109106", 0, code, sizeof code, &e), -1);
	ck_assert_int_eq(ident_tax_branch_make("0100109106", 1000, code, sizeof code, &e), -1);
	ck_assert_int_eq(ident_tax_branch_make("0100109106-001", 2, code, sizeof code, &e), -1);
	ck_assert_msg_has(e, "already a branch");
	ck_assert_int_eq(ident_tax_branch_make("0100109107", 2, code, sizeof code, &e), -1);
}
END_TEST

/* ---- personal ID numbers --------------------------------------------- */

START_TEST(cccd_decode_known)
{
	struct err e = { "" };
	struct ident_cccd d;
	char hint[128];

	ck_assert_int_eq(ident_cccd_decode("001085012345", &d, &e), 0);
	ck_assert_str_eq(d.digits, "001085012345");
	ck_assert_int_eq(d.place, IDENT_PLACE_PROVINCE);
	ck_assert_int_eq(d.place_code, 1);
	ck_assert_str_eq(d.province, "Hà Nội");
	ck_assert_int_eq(d.sex, IDENT_SEX_MALE);
	ck_assert_int_eq(d.birth_year, 1985);
	ident_cccd_hint(&d, hint, sizeof hint);
	ck_assert_str_eq(hint, "Hà Nội, male, born 1985");

	ck_assert_int_eq(ident_cccd_decode("079305000123", &d, &e), 0);
	ck_assert_str_eq(d.province, "Hồ Chí Minh");
	ck_assert_int_eq(d.sex, IDENT_SEX_FEMALE);
	ck_assert_int_eq(d.birth_year, 2005);
	ident_cccd_hint(&d, hint, sizeof hint);
	ck_assert_str_eq(hint, "Hồ Chí Minh, female, born 2005");

	ck_assert_int_eq(ident_cccd_decode("027199999999", &d, &e), 0);
	ck_assert_str_eq(d.province, "Bắc Ninh");
	ck_assert_int_eq(d.sex, IDENT_SEX_FEMALE);
	ck_assert_int_eq(d.birth_year, 1999);
	/* Digit 4 = 8/9: born 2300-2399 (Circular 07/2016/TT-BCA, Art. 7). */
	ck_assert_int_eq(ident_cccd_decode("096899000000", &d, &e), 0);
	ck_assert_str_eq(d.province, "Cà Mau");
	ck_assert_int_eq(d.birth_year, 2399);
	ck_assert_int_eq(d.sex, IDENT_SEX_MALE);
	ck_assert_int_eq(ident_cccd_decode("046912000000", &d, &e), 0);
	ck_assert_int_eq(d.birth_year, 2312);
	ck_assert_int_eq(d.sex, IDENT_SEX_FEMALE);
	ck_assert_int_eq(ident_cccd_decode("001450000000", &d, &e), 0);
	ck_assert_int_eq(d.birth_year, 2150);
	ck_assert_int_eq(ident_cccd_decode("001701000000", &d, &e), 0);
	ck_assert_int_eq(d.birth_year, 2201);
	/* Spaces, dots and no-break spaces inside are accepted. */
	ck_assert_int_eq(ident_cccd_decode(" 001 085.012 345\xC2\xA0", &d, &e), 0);
	ck_assert_str_eq(d.digits, "001085012345");
}
END_TEST

START_TEST(cccd_odd_but_valid)
{
	struct err e = { "" };
	struct ident_cccd d;
	char hint[128];

	/* 003 is not a province code: the number is still valid. */
	ck_assert_int_eq(ident_cccd_check("003085012345", NULL, 0, &e), 0);
	ck_assert_int_eq(ident_cccd_decode("003085012345", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_UNKNOWN);
	ck_assert_ptr_null(d.province);
	ck_assert_int_eq(d.birth_year, 1985);
	ident_cccd_hint(&d, hint, sizeof hint);
	ck_assert_str_eq(hint, "unknown place code 003, male, born 1985");
	ck_assert_int_eq(ident_cccd_decode("999999999999", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_UNKNOWN);
	ck_assert_int_eq(ident_cccd_decode("000000000000", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_UNKNOWN);
	/* 101-295: birth registered abroad. */
	ck_assert_int_eq(ident_cccd_decode("101290000001", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_ABROAD);
	ck_assert_ptr_null(d.province);
	ident_cccd_hint(&d, hint, sizeof hint);
	ck_assert_str_eq(hint, "birth registered abroad, male, born 2090");
	ck_assert_int_eq(ident_cccd_decode("295100000001", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_ABROAD);
	ck_assert_int_eq(ident_cccd_decode("100100000001", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_UNKNOWN);
	ck_assert_int_eq(ident_cccd_decode("296100000001", &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_UNKNOWN);
}
END_TEST

START_TEST(cccd_rejected)
{
	struct err e = { "" };
	struct ident_cccd d;
	char small[12];

	ck_assert_int_eq(ident_cccd_check("00108501234", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "ID number must have 12 digits, got 11");
	ck_assert_int_eq(ident_cccd_check("0010850123456", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "ID number must have 12 digits, got 13");
	ck_assert_int_eq(ident_cccd_check("00108501234A", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "ID number may contain only digits, found \"A\" at position 12");
	/* Positions count characters, not bytes; non-ASCII shows its code. */
	ck_assert_int_eq(ident_cccd_check("đ01085012345", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "ID number may contain only digits, found \"đ\" (U+0111) at position 1");
	ck_assert_int_eq(ident_cccd_check("00\xC2\xA0\xE2\x80\x8B" "1085012345", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "(U+200B) at position 4");
	ck_assert_int_eq(ident_cccd_check("001\t085012345", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "a control character U+0009 at position 4");
	ck_assert_int_eq(ident_cccd_check("001\xFF" "085012345", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "an invalid byte 0xFF at position 4");
	ck_assert_int_eq(ident_cccd_check("001-085-012345", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "found \"-\" at position 4");
	ck_assert_int_eq(ident_cccd_decode("12345", &d, &e), -1);
	ck_assert_int_eq(ident_cccd_check("", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "ID number is empty");
	ck_assert_int_eq(ident_cccd_check(NULL, NULL, 0, &e), -1);
	/* A buffer that cannot hold 12 digits and the NUL is an error. */
	ck_assert_int_eq(ident_cccd_check("001085012345", small, sizeof small, &e), -1);
	ck_assert_msg_has(e, "No room");
	/* A NULL err is allowed: only the return value counts. */
	ck_assert_int_eq(ident_cccd_check("1", NULL, 0, NULL), -1);
}
END_TEST

START_TEST(id_kinds)
{
	struct err e = { "" };
	enum ident_id_kind kind = 0;
	char out[IDENT_BUF];

	ck_assert_int_eq(ident_id_check("001085012345", out, sizeof out, &kind, &e), 0);
	ck_assert_int_eq(kind, IDENT_ID_CCCD);
	ck_assert_int_eq(ident_id_check(" 012 345 678 ", out, sizeof out, &kind, &e), 0);
	ck_assert_int_eq(kind, IDENT_ID_CMND);
	ck_assert_str_eq(out, "012345678");
	ck_assert_int_eq(ident_id_check("0123456789", out, sizeof out, &kind, &e), -1);
	ck_assert_str_eq(e.msg, "ID number must have 12 digits (9 for an old ID card), got 10");
	/* A CMND is not a CCCD. */
	ck_assert_int_eq(ident_cccd_check("012345678", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "got 9");
}
END_TEST

START_TEST(cccd_generator)
{
	struct err e = { "" };
	struct ident_cccd d;
	char out[IDENT_BUF];
	static const int years[] = { 1900, 1985, 1999, 2000, 2005, 2099, 2100,
				     2199, 2200, 2299, 2300, 2399 };

	for (size_t i = 0; i < ident_province_count(); i++) {
		const struct ident_province *p = ident_province_at(i);

		for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
			for (int s = 0; s < 2; s++) {
				long r = (long)(i * 7919 + y * 104729 + s) % 1000000;

				ck_assert_int_eq(ident_cccd_make(p->code, s, years[y], r,
								 out, sizeof out, &e), 0);
				ck_assert_int_eq(strlen(out), 12);
				ck_assert_int_eq(ident_cccd_decode(out, &d, &e), 0);
				ck_assert_int_eq(d.place, IDENT_PLACE_PROVINCE);
				ck_assert_int_eq(d.place_code, p->code);
				ck_assert_str_eq(d.province, p->name);
				ck_assert_int_eq(d.sex, s);
				ck_assert_int_eq(d.birth_year, years[y]);
				ck_assert_int_eq(atol(out + 6), r);
			}
		}
	}
	ck_assert_int_eq(ident_cccd_make(1, IDENT_SEX_MALE, 1985, 12345, out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "001085012345");
	ck_assert_int_eq(ident_cccd_make(79, IDENT_SEX_FEMALE, 2005, 999999, out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "079305999999");
	ck_assert_int_eq(ident_cccd_make(150, IDENT_SEX_MALE, 1990, 0, out, sizeof out, &e), 0);
	ck_assert_int_eq(ident_cccd_decode(out, &d, &e), 0);
	ck_assert_int_eq(d.place, IDENT_PLACE_ABROAD);
	ck_assert_int_eq(ident_cccd_make(1000, IDENT_SEX_MALE, 1990, 0, out, sizeof out, &e), -1);
	ck_assert_int_eq(ident_cccd_make(-1, IDENT_SEX_MALE, 1990, 0, out, sizeof out, &e), -1);
	ck_assert_int_eq(ident_cccd_make(1, 2, 1990, 0, out, sizeof out, &e), -1);
	ck_assert_int_eq(ident_cccd_make(1, IDENT_SEX_MALE, 1899, 0, out, sizeof out, &e), -1);
	ck_assert_msg_has(e, "between 1900 and 2399, got 1899");
	ck_assert_int_eq(ident_cccd_make(1, IDENT_SEX_MALE, 2400, 0, out, sizeof out, &e), -1);
	ck_assert_int_eq(ident_cccd_make(1, IDENT_SEX_MALE, 1990, 1000000, out, sizeof out, &e), -1);
	ck_assert_int_eq(ident_cccd_make(1, IDENT_SEX_MALE, 1990, -1, out, sizeof out, &e), -1);
}
END_TEST

START_TEST(province_table)
{
	ck_assert_int_eq(ident_province_count(), 63);
	for (size_t i = 0; i < ident_province_count(); i++) {
		const struct ident_province *p = ident_province_at(i);

		ck_assert_int_ge(p->code, 1);
		ck_assert_int_le(p->code, 96);
		ck_assert_int_gt(strlen(p->name), 1);
		if (i > 0)
			ck_assert_int_lt(ident_province_at(i - 1)->code, p->code);
		ck_assert_str_eq(ident_province_name(p->code), p->name);
	}
	ck_assert_ptr_null(ident_province_at(63));
	ck_assert_str_eq(ident_province_name(1), "Hà Nội");
	ck_assert_str_eq(ident_province_name(27), "Bắc Ninh");
	ck_assert_str_eq(ident_province_name(46), "Thừa Thiên Huế");
	ck_assert_str_eq(ident_province_name(48), "Đà Nẵng");
	ck_assert_str_eq(ident_province_name(66), "Đắk Lắk");
	ck_assert_str_eq(ident_province_name(77), "Bà Rịa - Vũng Tàu");
	ck_assert_str_eq(ident_province_name(92), "Cần Thơ");
	ck_assert_str_eq(ident_province_name(96), "Cà Mau");
	ck_assert_ptr_null(ident_province_name(0));
	ck_assert_ptr_null(ident_province_name(3));
	ck_assert_ptr_null(ident_province_name(97));
	ck_assert_ptr_null(ident_province_name(101));
}
END_TEST

/* ---- dates ----------------------------------------------------------- */

START_TEST(dates_valid)
{
	struct err e = { "" };
	struct ident_date d;
	char out[IDENT_BUF];

	ck_assert_int_eq(ident_date_parse("29/02/2024", &d, &e), 0);
	ck_assert_int_eq(d.day, 29);
	ck_assert_int_eq(d.month, 2);
	ck_assert_int_eq(d.year, 2024);
	ck_assert_int_eq(ident_date_check(" 1/2/2024 ", out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "01/02/2024");
	ck_assert_int_eq(ident_date_check("05-09-2024", out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "05/09/2024");
	ck_assert_int_eq(ident_date_check("31.12.1999", out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "31/12/1999");
	ck_assert_int_eq(ident_date_check("29/02/2000", NULL, 0, &e), 0);
	ck_assert_int_eq(ident_date_check("31/01/2025", NULL, 0, &e), 0);
	ck_assert(ident_is_leap(2024));
	ck_assert(ident_is_leap(2000));
	ck_assert(!ident_is_leap(1900));
	ck_assert(!ident_is_leap(2025));
	ck_assert_int_eq(ident_days_in_month(2025, 2), 28);
	ck_assert_int_eq(ident_days_in_month(2024, 4), 30);
	ck_assert_int_eq(ident_days_in_month(2024, 13), 0);
	ck_assert(ident_date_is_valid(2024, 2, 29));
	ck_assert(!ident_date_is_valid(2023, 2, 29));
	ck_assert(!ident_date_is_valid(2024, 0, 1));
}
END_TEST

START_TEST(dates_invalid)
{
	struct err e = { "" };
	struct ident_date d;

	ck_assert_int_eq(ident_date_parse("29/02/2025", &d, &e), -1);
	ck_assert_str_eq(e.msg, "29/02/2025 is not a date: February 2025 has 28 days");
	ck_assert_int_eq(ident_date_parse("31/02/2024", &d, &e), -1);
	ck_assert_str_eq(e.msg, "31/02/2024 is not a date: February 2024 has 29 days");
	ck_assert_int_eq(ident_date_parse("29/02/1900", &d, &e), -1);
	ck_assert_int_eq(ident_date_parse("31/04/2024", &d, &e), -1);
	ck_assert_msg_has(e, "April 2024 has 30 days");
	ck_assert_int_eq(ident_date_parse("32/01/2024", &d, &e), -1);
	ck_assert_str_eq(e.msg, "Day must be 1 to 31, got 32");
	ck_assert_int_eq(ident_date_parse("00/01/2024", &d, &e), -1);
	ck_assert_msg_has(e, "got 0");
	ck_assert_int_eq(ident_date_parse("01/13/2024", &d, &e), -1);
	ck_assert_str_eq(e.msg, "Month must be 1 to 12, got 13");
	ck_assert_int_eq(ident_date_parse("01/02/24", &d, &e), -1);
	ck_assert_str_eq(e.msg, "Year must have 4 digits (e.g. 2024), got 2");
	ck_assert_int_eq(ident_date_parse("01/02/1700", &d, &e), -1);
	ck_assert_msg_has(e, "between 1900 and 2399, got 1700");
	ck_assert_int_eq(ident_date_parse("", &d, &e), -1);
	ck_assert_str_eq(e.msg, "Date is empty");
	static const char *const bad_format[] = {
		"2024-02-01", "01/02-2024", "01022024", "1 / 2 / 2024",
		"01/02/2024x", "a1/02/2024", "01//2024", "/02/2024", "01/02/",
		"001/02/2024", "01/002/2024",
	};
	for (size_t i = 0; i < sizeof bad_format / sizeof bad_format[0]; i++) {
		e.msg[0] = '\0';
		ck_assert_msg(ident_date_parse(bad_format[i], &d, &e) == -1,
			      "accepted %s", bad_format[i]);
		ck_assert_msg(e.msg[0] != '\0', "no message for %s", bad_format[i]);
	}
	ck_assert_int_eq(ident_date_parse("2024-02-01", &d, &e), -1);
	ck_assert_str_eq(e.msg, "Date must be written dd/mm/yyyy, e.g. 05/09/2024");
}
END_TEST

/* ---- phones ---------------------------------------------------------- */

START_TEST(phones_valid)
{
	struct err e = { "" };
	enum ident_phone_kind kind = 0;
	char out[IDENT_BUF];

	ck_assert_int_eq(ident_phone_check("0912345678", out, sizeof out, &kind, &e), 0);
	ck_assert_str_eq(out, "0912345678");
	ck_assert_int_eq(kind, IDENT_PHONE_MOBILE);
	static const char *const same[] = {
		"+84912345678", "+84 912 345 678", " 0912.345.678 ",
		"0912-345-678", "0084 912 345 678", "+84 (0) 912 345 678",
		"+84 912-345-678",
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		ck_assert_msg(ident_phone_check(same[i], out, sizeof out, &kind, &e) == 0,
			      "%s: %s", same[i], e.msg);
		ck_assert_str_eq(out, "0912345678");
	}
	ck_assert_int_eq(ident_phone_check("(024) 3825 1234", out, sizeof out, &kind, &e), 0);
	ck_assert_str_eq(out, "02438251234");
	ck_assert_int_eq(kind, IDENT_PHONE_LANDLINE);
	ck_assert_int_eq(ident_phone_check("+84 222 3871 234", out, sizeof out, &kind, &e), 0);
	ck_assert_str_eq(out, "02223871234");
	static const char *const mobiles[] = { "0321234567", "0561234567",
					       "0701234567", "0861234567" };
	for (size_t i = 0; i < sizeof mobiles / sizeof mobiles[0]; i++)
		ck_assert_int_eq(ident_phone_check(mobiles[i], NULL, 0, &kind, &e), 0);
}
END_TEST

START_TEST(phones_invalid)
{
	struct err e = { "" };

	ck_assert_int_eq(ident_phone_check("091234567", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Mobile number must have 10 digits, got 9");
	ck_assert_int_eq(ident_phone_check("+84 91234567", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Mobile number must have 10 digits, got 9");
	ck_assert_int_eq(ident_phone_check("0243825123", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "Landline number must have 11 digits");
	ck_assert_int_eq(ident_phone_check("01234567890", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "changed to 10 digits in 2018");
	ck_assert_int_eq(ident_phone_check("0612345678", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "must start with 03, 05, 07, 08 or 09");
	ck_assert_int_eq(ident_phone_check("912345678", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Phone number must start with 0 or +84");
	/* "84..." without the plus is ambiguous: the clerk must add it. */
	ck_assert_int_eq(ident_phone_check("84912345678", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Phone number must start with 0 or +84");
	ck_assert_int_eq(ident_phone_check("+1 212 555 0100", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "Only Vietnamese");
	ck_assert_int_eq(ident_phone_check("0033 1 23 45 67 89", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "Only Vietnamese");
	ck_assert_int_eq(ident_phone_check("+", NULL, 0, NULL, &e), -1);
	ck_assert_int_eq(ident_phone_check("0", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "got 1");
	ck_assert_int_eq(ident_phone_check("0912 34S 678", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Phone number may contain only digits, found \"S\" at position 8");
	ck_assert_int_eq(ident_phone_check("0912+345678", NULL, 0, NULL, &e), -1);
	ck_assert_msg_has(e, "found \"+\" at position 5");
	ck_assert_int_eq(ident_phone_check("  ", NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Phone number is empty");
	/* Very long input: counted, not overflowed. */
	ck_assert_int_eq(ident_phone_check("09123456789012345678901234567890123456789",
					   NULL, 0, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "Mobile number must have 10 digits, got 41");
}
END_TEST

/* ---- other numbers --------------------------------------------------- */

START_TEST(other_numbers)
{
	struct err e = { "" };
	char out[IDENT_BUF];

	ck_assert_int_eq(ident_social_insurance_check(" 01 2345 6789 ", out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "0123456789");
	ck_assert_int_eq(ident_social_insurance_check("012345678", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "Social insurance number must have 10 digits, got 9");
	ck_assert_int_eq(ident_social_insurance_check("001085012345", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "ID number field");
	ck_assert_int_eq(ident_social_insurance_check("01234x6789", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "found \"x\" at position 6");

	ck_assert_int_eq(ident_unit_province_check("01", out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "01");
	ck_assert_int_eq(ident_unit_province_check(" 79 ", out, sizeof out, &e), 0);
	ck_assert_int_eq(ident_unit_province_check("1", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "Province code must have 2 digits, got 1");
	ck_assert_int_eq(ident_unit_province_check("001", NULL, 0, &e), -1);
	ck_assert_int_eq(ident_unit_commune_check("26734", out, sizeof out, &e), 0);
	ck_assert_str_eq(out, "26734");
	ck_assert_int_eq(ident_unit_commune_check("2673", NULL, 0, &e), -1);
	ck_assert_str_eq(e.msg, "Commune code must have 5 digits, got 4");
	ck_assert_int_eq(ident_unit_commune_check("xã 1", NULL, 0, &e), -1);
	ck_assert_msg_has(e, "found \"x\" at position 1");
}
END_TEST

static Suite *ident_suite(void)
{
	Suite *s = suite_create("ident");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, trim_and_required);
	tcase_add_test(tc, tax_valid);
	tcase_add_test(tc, tax_invalid);
	tcase_add_test(tc, tax_branch);
	tcase_add_test(tc, tax_generator);
	tcase_add_test(tc, cccd_decode_known);
	tcase_add_test(tc, cccd_odd_but_valid);
	tcase_add_test(tc, cccd_rejected);
	tcase_add_test(tc, id_kinds);
	tcase_add_test(tc, cccd_generator);
	tcase_add_test(tc, province_table);
	tcase_add_test(tc, dates_valid);
	tcase_add_test(tc, dates_invalid);
	tcase_add_test(tc, phones_valid);
	tcase_add_test(tc, phones_invalid);
	tcase_add_test(tc, other_numbers);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(ident_suite)
