#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/lunar.h"

/* JDN of a Gregorian date, named for readability in the assertions. */
static long G(int y, int m, int d)
{
	return lunar_jdn(y, m, d);
}

static void assert_lunar(int y, int m, int d, int ly, int lm, int ld,
			 bool leap)
{
	struct lunar_date got;
	struct err e = { "" };

	ck_assert_msg(lunar_from_solar(y, m, d, &got, &e) == 0,
		      "%04d-%02d-%02d: %s", y, m, d, e.msg);
	ck_assert_msg(got.year == ly && got.month == lm && got.day == ld &&
		      got.leap == leap,
		      "%04d-%02d-%02d: got %d/%d%s/%d, want %d/%d%s/%d", y, m,
		      d, got.day, got.month, got.leap ? "L" : "", got.year, ld,
		      lm, leap ? "L" : "", ly);
}

START_TEST(test_jdn)
{
	int y, m, d;

	ck_assert_int_eq(lunar_jdn(2000, 1, 1), 2451545);
	ck_assert_int_eq(lunar_jdn(1970, 1, 1), 2440588);
	ck_assert_int_eq(lunar_jdn(1900, 1, 1), 2415021);
	ck_assert_int_eq(lunar_jdn(2000, 3, 1) - lunar_jdn(2000, 2, 28), 2);
	ck_assert_int_eq(lunar_jdn(1900, 3, 1) - lunar_jdn(1900, 2, 28), 1);
	lunar_jdn_to_date(2451545 + 59, &y, &m, &d);
	ck_assert(y == 2000 && m == 2 && d == 29);
	lunar_jdn_to_date(lunar_jdn(2199, 12, 31), &y, &m, &d);
	ck_assert(y == 2199 && m == 12 && d == 31);
}
END_TEST

START_TEST(test_new_year)
{
	ck_assert_int_eq(lunar_new_year(2025), G(2025, 1, 29));
	ck_assert_int_eq(lunar_new_year(2026), G(2026, 2, 17));
	ck_assert_int_eq(lunar_new_year(2027), G(2027, 2, 6));
	ck_assert_int_eq(lunar_new_year(2028), G(2028, 1, 26));
	ck_assert_int_eq(lunar_new_year(1900), G(1900, 1, 31));
	assert_lunar(2026, 2, 17, 2026, 1, 1, false);
	/* 29 tháng Chạp, the last day of Ất Tỵ: a 29-day 12th month. */
	assert_lunar(2026, 2, 16, 2025, 12, 29, false);
	assert_lunar(2025, 1, 28, 2024, 12, 29, false);
}
END_TEST

/* Years where Vietnam (UTC+7) and China (UTC+8) disagree: a calendar
 * computed for the wrong meridian fails here. */
START_TEST(test_vietnam_meridian)
{
	ck_assert_int_eq(lunar_new_year(1968), G(1968, 1, 29));
	ck_assert_int_eq(lunar_new_year(1985), G(1985, 1, 21));
	ck_assert_int_eq(lunar_new_year(2007), G(2007, 2, 17));
}
END_TEST

START_TEST(test_hung_kings)
{
	struct lunar_date ld = { .year = 2025, .month = 3, .day = 10 };
	long jdn;

	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, NULL), 0);
	ck_assert_int_eq(jdn, G(2025, 4, 7));
	ld.year = 2026;
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, NULL), 0);
	ck_assert_int_eq(jdn, G(2026, 4, 26));
	assert_lunar(2025, 4, 7, 2025, 3, 10, false);
	assert_lunar(2026, 4, 26, 2026, 3, 10, false);
}
END_TEST

/* The calendar's shortcut agrees with the general conversion, every year. */
START_TEST(test_holidays_whole_range)
{
	long tet, hung, jdn;

	for (int y = LUNAR_YEAR_MIN; y <= LUNAR_YEAR_MAX; y++) {
		struct lunar_date ld = { .year = y, .month = 3, .day = 10 };

		ck_assert_int_eq(lunar_holidays(y, &tet, &hung), 0);
		ck_assert_int_eq(tet, lunar_new_year(y));
		ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, NULL), 0);
		ck_assert_msg(hung == jdn, "Hùng Kings' day of %d", y);
	}
	ck_assert_int_eq(lunar_holidays(2025, &tet, &hung), 0);
	ck_assert_int_eq(tet, G(2025, 1, 29));
	ck_assert_int_eq(hung, G(2025, 4, 7));
	/* 2023 repeats month 2: the Hùng Kings' day comes a month later */
	ck_assert_int_eq(lunar_holidays(2023, &tet, &hung), 0);
	ck_assert_int_eq(hung, G(2023, 4, 29));
	ck_assert_int_eq(lunar_holidays(LUNAR_YEAR_MAX + 1, &tet, &hung), -1);
}
END_TEST

START_TEST(test_leap_months)
{
	struct lunar_date ld = { .year = 2023, .month = 2, .day = 1,
				 .leap = true };
	long jdn;

	ck_assert_int_eq(lunar_leap_month(2023), 2);
	ck_assert_int_eq(lunar_leap_month(2025), 6);
	ck_assert_int_eq(lunar_leap_month(2020), 4);
	ck_assert_int_eq(lunar_leap_month(2024), 0);
	ck_assert_int_eq(lunar_leap_month(2026), 0);
	ck_assert_int_eq(lunar_leap_month(2033), 11);

	/* 2023: 2nd month from 20 Feb, the leap 2nd from 22 Mar. */
	assert_lunar(2023, 3, 21, 2023, 2, 30, false);
	assert_lunar(2023, 3, 22, 2023, 2, 1, true);
	assert_lunar(2023, 4, 20, 2023, 3, 1, false);
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, NULL), 0);
	ck_assert_int_eq(jdn, G(2023, 3, 22));
	/* 2025: leap 6th month 25 Jul - 22 Aug. */
	assert_lunar(2025, 7, 25, 2025, 6, 1, true);
	assert_lunar(2025, 8, 23, 2025, 7, 1, false);
	assert_lunar(2025, 8, 22, 2025, 6, 29, true);
	/* The "2033 problem": a leap 11th month, which belongs to lunar
	 * 2033 (months 11 and 12 start in Gregorian 2033), not 2034. */
	assert_lunar(2033, 11, 22, 2033, 11, 1, false);
	assert_lunar(2033, 12, 22, 2033, 11, 1, true);
	assert_lunar(2034, 1, 20, 2033, 12, 1, false);
	ld = (struct lunar_date){ .year = 2033, .month = 11, .day = 1,
				  .leap = true };
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, NULL), 0);
	ck_assert_int_eq(jdn, G(2033, 12, 22));
}
END_TEST

START_TEST(test_bad_dates)
{
	struct lunar_date ld = { .year = 2026, .month = 2, .day = 1,
				 .leap = true };
	struct lunar_date got;
	struct err e = { "" };
	long jdn = 0;

	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, &e), -1);
	ck_assert_str_eq(e.msg,
			 "no such lunar date: day 1 of leap month 2 of 2026");
	/* The 12th month of Ất Tỵ (lunar 2025) has 29 days. */
	ld = (struct lunar_date){ .year = 2025, .month = 12, .day = 30 };
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, &e), -1);
	ck_assert_str_eq(e.msg, "no such lunar date: day 30 of month 12 of 2025");
	ld.day = 29;
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, &e), 0);
	ck_assert_int_eq(jdn, G(2026, 2, 16));
	ld = (struct lunar_date){ .year = 2025, .month = 13, .day = 1 };
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, &e), -1);
	ld = (struct lunar_date){ .year = 1899, .month = 1, .day = 1 };
	ck_assert_int_eq(lunar_to_jdn(&ld, &jdn, &e), -1);
	ck_assert_str_eq(e.msg, "lunar year 1899 is outside 1900-2199");
	ck_assert_int_eq(lunar_new_year(2200), -1);
	ck_assert_int_eq(lunar_from_solar(2025, 2, 29, &got, &e), -1);
	ck_assert_str_eq(e.msg, "no such date: 2025-02-29");
	ck_assert_int_eq(lunar_from_solar(1900, 1, 30, &got, &e), -1);
	ck_assert_int_eq(lunar_from_solar(2300, 1, 1, &got, &e), -1);
}
END_TEST

/* Every month of every supported year: day 1 converts both ways, months
 * have 29 or 30 days and follow each other without gaps, years have
 * 12 or 13 months, and only 13-month years name a leap month. */
START_TEST(test_whole_range)
{
	long prev_end = -1, start, next;
	int y, m, leap;

	for (y = LUNAR_YEAR_MIN; y <= LUNAR_YEAR_MAX; y++) {
		int lm = lunar_leap_month(y), months = 0;
		long first = lunar_new_year(y);

		for (m = 1; m <= 12; m++) {
			for (leap = 0; leap <= (m == lm); leap++) {
				struct lunar_date ld = { y, m, 1, leap };
				struct lunar_date back;
				struct err e = { "" };
				int gy, gm, gd;

				ck_assert_msg(lunar_to_jdn(&ld, &start, &e) == 0,
					      "%d/%d: %s", m, y, e.msg);
				ck_assert_msg(prev_end < 0 || start == prev_end,
					      "gap before %d%s/%d", m,
					      leap ? "L" : "", y);
				lunar_jdn_to_date(start, &gy, &gm, &gd);
				ck_assert_int_eq(lunar_from_solar(gy, gm, gd,
								  &back, &e), 0);
				ck_assert_msg(back.year == y && back.month == m &&
					      back.day == 1 && back.leap == leap,
					      "%d%s/%d round trip", m,
					      leap ? "L" : "", y);
				ld.day = 29;
				ck_assert_int_eq(lunar_to_jdn(&ld, &next, &e), 0);
				ld.day = 30;
				if (lunar_to_jdn(&ld, &next, &e) == 0)
					prev_end = next + 1;
				else
					prev_end = start + 29;
				months++;
			}
		}
		ck_assert_int_eq(months, lm ? 13 : 12);
		ck_assert_msg(prev_end - first >= (lm ? 383 : 353) &&
			      prev_end - first <= (lm ? 385 : 355),
			      "lunar %d has %ld days", y, prev_end - first);
	}
}
END_TEST

static Suite *lunar_suite(void)
{
	Suite *s = suite_create("lunar");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_jdn);
	tcase_add_test(tc, test_new_year);
	tcase_add_test(tc, test_vietnam_meridian);
	tcase_add_test(tc, test_hung_kings);
	tcase_add_test(tc, test_holidays_whole_range);
	tcase_add_test(tc, test_leap_months);
	tcase_add_test(tc, test_bad_dates);
	tcase_add_test(tc, test_whole_range);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(lunar_suite)
