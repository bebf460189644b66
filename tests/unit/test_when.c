#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/when.h"

/* 14:05:09 on Sunday 23 November 2025, Vietnam time */
#define T_AFTERNOON ((int64_t)1763881509)
/* midnight starting 1 January 2026 in Vietnam: still 2025 in UTC */
#define T_NEW_YEAR ((int64_t)1767200400)

typedef const char *(*fmt_fn)(int64_t, char *, size_t);

static const char *fmt(fmt_fn f, int64_t t)
{
	static char buf[WHEN_LEN];

	memset(buf, '#', sizeof buf);
	return f(t, buf, sizeof buf);
}

START_TEST(vietnam_is_utc_plus_7)
{
	/* the instants above are the civil times they claim */
	ck_assert_int_eq(cal_join(2025, 11, 23, 14, 5, 9), T_AFTERNOON);
	ck_assert_int_eq(cal_join(2026, 1, 1, 0, 0, 0), T_NEW_YEAR);
	ck_assert_int_eq(T_NEW_YEAR, 1767225600 - 7 * 3600);	/* 2026-01-01T00:00Z - 7 h */
}
END_TEST

START_TEST(each_format_of_an_afternoon)
{
	ck_assert_str_eq(fmt(when_iso, T_AFTERNOON), "2025-11-23T14:05:09+07:00");
	ck_assert_str_eq(fmt(when_iso_date, T_AFTERNOON), "2025-11-23");
	ck_assert_str_eq(fmt(when_date, T_AFTERNOON), "23/11/2025");
	ck_assert_str_eq(fmt(when_date_time, T_AFTERNOON), "23/11/2025 14:05");
	ck_assert_str_eq(fmt(when_time_date, T_AFTERNOON), "14:05 23/11/2025");
	ck_assert_str_eq(fmt(when_time_wday_date, T_AFTERNOON), "14:05 Sun 23/11/2025");
	ck_assert_str_eq(fmt(when_day_month_time, T_AFTERNOON), "23/11 14:05");
	ck_assert_str_eq(fmt(when_clock, T_AFTERNOON), "14:05");
}
END_TEST

START_TEST(midnight_and_the_year_boundary)
{
	ck_assert_str_eq(fmt(when_iso, T_NEW_YEAR), "2026-01-01T00:00:00+07:00");
	ck_assert_str_eq(fmt(when_iso_date, T_NEW_YEAR), "2026-01-01");
	ck_assert_str_eq(fmt(when_date, T_NEW_YEAR), "01/01/2026");
	ck_assert_str_eq(fmt(when_date_time, T_NEW_YEAR), "01/01/2026 00:00");
	ck_assert_str_eq(fmt(when_time_date, T_NEW_YEAR), "00:00 01/01/2026");
	ck_assert_str_eq(fmt(when_time_wday_date, T_NEW_YEAR), "00:00 Thu 01/01/2026");
	ck_assert_str_eq(fmt(when_day_month_time, T_NEW_YEAR), "01/01 00:00");
	ck_assert_str_eq(fmt(when_clock, T_NEW_YEAR), "00:00");
	/* one second earlier is the last of the old year */
	ck_assert_str_eq(fmt(when_iso, T_NEW_YEAR - 1), "2025-12-31T23:59:59+07:00");
	ck_assert_str_eq(fmt(when_date_time, T_NEW_YEAR - 1), "31/12/2025 23:59");
	ck_assert_str_eq(fmt(when_time_wday_date, T_NEW_YEAR - 1), "23:59 Wed 31/12/2025");
}
END_TEST

START_TEST(zero_is_not_set)
{
	static const fmt_fn all[] = { when_iso, when_iso_date, when_date, when_date_time,
				      when_time_date, when_time_wday_date, when_day_month_time,
				      when_clock };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		ck_assert_str_eq(fmt(all[i], 0), "");
	/* the first second after it is an instant like any other */
	ck_assert_str_eq(fmt(when_iso, 1), "1970-01-01T07:00:01+07:00");
	/* and so is a time before 1970 */
	ck_assert_str_eq(fmt(when_iso_date, -7 * 3600), "1970-01-01");
	ck_assert_str_eq(fmt(when_date_time, -7 * 3600 - 60), "31/12/1969 23:59");
}
END_TEST

START_TEST(minutes_of_the_day)
{
	char buf[WHEN_LEN];

	ck_assert_str_eq(when_minute(0, buf, sizeof buf), "00:00");
	ck_assert_str_eq(when_minute(CAL_CUTOFF_1500, buf, sizeof buf), "15:00");
	ck_assert_str_eq(when_minute(7 * 60 + 5, buf, sizeof buf), "07:05");
	ck_assert_str_eq(when_minute(24 * 60 - 1, buf, sizeof buf), "23:59");
	ck_assert_str_eq(when_minute(CAL_NO_CUTOFF, buf, sizeof buf), "");
}
END_TEST

START_TEST(days_by_their_numbers)
{
	char buf[WHEN_LEN];

	ck_assert_str_eq(when_ymd(2025, 3, 7, buf, sizeof buf), "07/03/2025");
	ck_assert_str_eq(when_iso_ymd(2025, 3, 7, buf, sizeof buf), "2025-03-07");
	ck_assert_str_eq(when_ymd(1900, 1, 1, buf, sizeof buf), "01/01/1900");
	ck_assert_str_eq(when_iso_ymd(2199, 12, 31, buf, sizeof buf), "2199-12-31");
}
END_TEST

START_TEST(a_short_buffer_is_cut_and_terminated)
{
	char buf[6];

	ck_assert_str_eq(when_date_time(T_AFTERNOON, buf, sizeof buf), "23/11");
	ck_assert_str_eq(when_iso(T_AFTERNOON, buf, sizeof buf), "2025-");
	ck_assert_str_eq(when_clock(0, buf, sizeof buf), "");
}
END_TEST

static Suite *when_suite(void)
{
	Suite *s = suite_create("when");
	TCase *tc = tcase_create("formats");

	tcase_add_test(tc, vietnam_is_utc_plus_7);
	tcase_add_test(tc, each_format_of_an_afternoon);
	tcase_add_test(tc, midnight_and_the_year_boundary);
	tcase_add_test(tc, zero_is_not_set);
	tcase_add_test(tc, minutes_of_the_day);
	tcase_add_test(tc, days_by_their_numbers);
	tcase_add_test(tc, a_short_buffer_is_cut_and_terminated);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(when_suite)
