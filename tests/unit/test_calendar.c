#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "core/calendar.h"

/* An instant given as Vietnamese civil time. */
#define T(y, mo, d, h, mi) cal_join((y), (mo), (d), (h), (mi), 0)

#define ck_assert_time(got, want)                                       \
	do {                                                            \
		int64_t g_ = (got), w_ = (want);                        \
		char gs_[32], ws_[32];                                  \
		fmt_time(g_, gs_, sizeof gs_);                          \
		fmt_time(w_, ws_, sizeof ws_);                          \
		ck_assert_msg(g_ == w_, "%s: got %s, want %s", #got,    \
			      gs_, ws_);                                \
	} while (0)

static void fmt_time(int64_t t, char *buf, size_t n)
{
	struct cal_time tm;

	cal_split(t, &tm);
	snprintf(buf, n, "%04d-%02d-%02d %02d:%02d:%02d", tm.year, tm.month,
		 tm.day, tm.hour, tm.minute, tm.second);
}

/* The shipped override files, found from the source tree whether the test
 * runs from the top directory, from tests/unit or under `make check`
 * (which exports srcdir). MOTCUA_CALENDAR_DIR overrides. */
static const char *data_dir(char *buf, size_t n)
{
	const char *env = getenv("MOTCUA_CALENDAR_DIR");
	const char *srcdir = getenv("srcdir");
	const char *rel[] = { "client/core/calendar", "../client/core/calendar",
			      "../../client/core/calendar" };
	char probe[4200];
	size_t i;

	if (env)
		return env;
	for (i = 0; i < 2 * sizeof rel / sizeof *rel; i++) {
		if (i < 3)
			snprintf(buf, n, "%s", rel[i]);
		else if (srcdir)
			snprintf(buf, n, "%s/%s", srcdir, rel[i - 3]);
		else
			continue;
		snprintf(probe, sizeof probe, "%s/vn-2025.days", buf);
		if (access(probe, R_OK) == 0)
			return buf;
	}
	ck_abort_msg("client/core/calendar/vn-2025.days not found; set MOTCUA_CALENDAR_DIR");
	return NULL;
}

static struct cal *cal_official(void)
{
	struct cal *c = cal_new();
	struct err e = { "" };
	char buf[4096];

	ck_assert_ptr_nonnull(c);
	ck_assert_msg(cal_load_dir(c, data_dir(buf, sizeof buf), &e) == 0,
		      "%s", e.msg);
	return c;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

/* A scratch file with the given text; the caller unlinks it. */
static void scratch(char *path, size_t n, const char *name, const char *text)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(path, n, "%s/motcua-cal-%ld-%s", tmp ? tmp : "/tmp",
		 (long)getpid(), name);
	write_file(path, text);
}

/* ---- civil time ------------------------------------------------------ */

START_TEST(test_civil_time)
{
	struct cal_time tm;

	ck_assert_int_eq(T(1970, 1, 1, 7, 0), 0);
	ck_assert_int_eq(T(2025, 1, 1, 0, 0), 1735664400);	/* 2024-12-31T17:00Z */
	/* Never the TZ variable: the answer is the same in New York. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	cal_split(1735664400, &tm);
	ck_assert(tm.year == 2025 && tm.month == 1 && tm.day == 1 &&
		  tm.hour == 0 && tm.minute == 0 && tm.wday == 3);
	cal_split(-1, &tm);	/* 1970-01-01 06:59:59 */
	ck_assert(tm.year == 1970 && tm.day == 1 && tm.hour == 6 &&
		  tm.minute == 59 && tm.second == 59 && tm.wday == 4);
	cal_split(T(2026, 2, 17, 23, 59) + 59, &tm);
	ck_assert(tm.month == 2 && tm.day == 17 && tm.hour == 23 &&
		  tm.second == 59 && tm.wday == 2);
	ck_assert_int_eq(cal_join(2025, 1, 32, 24, 0, 0), T(2025, 2, 2, 0, 0));
	ck_assert(cal_valid_date(2024, 2, 29));
	ck_assert(!cal_valid_date(2025, 2, 29));
	ck_assert(!cal_valid_date(2025, 4, 31));
	ck_assert(!cal_valid_date(2025, 13, 1));
}
END_TEST

/* ---- which days are worked ------------------------------------------- */

START_TEST(test_rules)
{
	struct cal *c = cal_new();

	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 3), CAL_WORKDAY);
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 8), CAL_WEEKEND);
	ck_assert_int_eq(cal_day_kind(c, 2025, 1, 1), CAL_HOLIDAY);
	/* Tết by the rule: last day of the year (28 Jan) + 1/1..1/4, the
	 * 5th falling on Saturday 1 Feb, so Monday 3 Feb is compensatory. */
	ck_assert_int_eq(cal_day_kind(c, 2025, 1, 27), CAL_WORKDAY);
	ck_assert_int_eq(cal_day_kind(c, 2025, 1, 28), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2025, 2, 1), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2025, 2, 3), CAL_COMPENSATORY);
	ck_assert_int_eq(cal_day_kind(c, 2026, 2, 16), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2026, 2, 20), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2026, 2, 23), CAL_WORKDAY);
	/* Hùng Kings, lunar 10/3. */
	ck_assert_int_eq(cal_day_kind(c, 2025, 4, 7), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2026, 4, 26), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2026, 4, 27), CAL_COMPENSATORY);
	/* 2023: Hùng Kings Sat 29 Apr, 30 Apr Sun, 1 May Mon: the
	 * compensatory days skip 1 May and take 2 and 3 May. */
	ck_assert_int_eq(cal_day_kind(c, 2023, 5, 1), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2023, 5, 2), CAL_COMPENSATORY);
	ck_assert_int_eq(cal_day_kind(c, 2023, 5, 3), CAL_COMPENSATORY);
	ck_assert_int_eq(cal_day_kind(c, 2023, 5, 4), CAL_WORKDAY);
	/* 1 Jan 2023 on a Sunday. */
	ck_assert_int_eq(cal_day_kind(c, 2023, 1, 2), CAL_COMPENSATORY);
	/* National Day's adjacent day: 1 Sep (2025, Tue 2nd), 3 Sep when
	 * the 2nd is a Thursday (2021), and for Mon 2 Sep 2024 the 1st is a
	 * Sunday, so Tuesday 3 Sep is compensatory. */
	ck_assert_int_eq(cal_day_kind(c, 2025, 9, 1), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2025, 9, 3), CAL_WORKDAY);
	ck_assert_int_eq(cal_day_kind(c, 2021, 9, 3), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2021, 9, 1), CAL_WORKDAY);
	ck_assert_int_eq(cal_day_kind(c, 2024, 9, 3), CAL_COMPENSATORY);
	ck_assert(!cal_is_working_day(c, 2024, 9, 3));
	ck_assert(cal_is_working_day(c, 2024, 9, 4));
	/* Table ends and non-dates. */
	ck_assert_int_eq(cal_day_kind(c, 1899, 12, 31), CAL_OUT_OF_RANGE);
	ck_assert_int_ne(cal_day_kind(c, 1900, 1, 1), CAL_OUT_OF_RANGE);
	ck_assert_int_ne(cal_day_kind(c, 2199, 12, 31), CAL_OUT_OF_RANGE);
	ck_assert_int_eq(cal_day_kind(c, 2200, 1, 1), CAL_OUT_OF_RANGE);
	ck_assert_int_eq(cal_day_kind(c, 2025, 2, 29), CAL_OUT_OF_RANGE);
	ck_assert(!cal_is_working_day(c, 2025, 2, 29));
	cal_free(c);
}
END_TEST

START_TEST(test_official_2025_2026)
{
	struct cal *c = cal_official();

	/* Tết 2025 placed Mon 27 - Fri 31 Jan, no compensatory day. */
	ck_assert_int_eq(cal_day_kind(c, 2025, 1, 27), CAL_OFF);
	ck_assert_int_eq(cal_day_kind(c, 2025, 2, 3), CAL_WORKDAY);
	/* 30/4 2025: Fri 2 May off for Sat 26 Apr. */
	ck_assert_int_eq(cal_day_kind(c, 2025, 4, 26), CAL_MAKEUP);
	ck_assert(cal_is_working_day(c, 2025, 4, 26));
	ck_assert_int_eq(cal_day_kind(c, 2025, 5, 2), CAL_OFF);
	/* 2026: Fri 2 Jan for Sat 10 Jan; Mon 31 Aug for Sat 22 Aug. */
	ck_assert(!cal_is_working_day(c, 2026, 1, 2));
	ck_assert(cal_is_working_day(c, 2026, 1, 10));
	ck_assert(cal_is_working_day(c, 2026, 8, 22));
	ck_assert(!cal_is_working_day(c, 2026, 8, 31));
	ck_assert(!cal_is_working_day(c, 2026, 9, 1));
	ck_assert(!cal_is_working_day(c, 2026, 9, 2));
	ck_assert(cal_is_working_day(c, 2026, 9, 3));
	/* Tết 2027 placed Thu 4 - Wed 10 Feb (dispatch 10065/VPCP-KGVX);
	 * the rule alone gives Fri 5 - Thu 11. */
	ck_assert_int_eq(cal_day_kind(c, 2027, 2, 4), CAL_OFF);
	ck_assert(!cal_is_working_day(c, 2027, 2, 10));
	ck_assert(cal_is_working_day(c, 2027, 2, 11));
	ck_assert(cal_is_working_day(c, 2027, 2, 3));
	ck_assert(cal_is_working_day(c, 2027, 2, 12));
	cal_free(c);
}
END_TEST

/* Which years an override file covers, so a missing one can be said. */
START_TEST(test_year_known)
{
	struct cal *rules = cal_new(), *c = cal_official();

	ck_assert(!cal_year_known(rules, 2026));
	ck_assert(cal_year_known(c, 2025));
	ck_assert(cal_year_known(c, 2026));
	ck_assert(cal_year_known(c, 2027));
	ck_assert(!cal_year_known(c, 2028));
	ck_assert(!cal_year_known(c, 1899));
	ck_assert(!cal_year_known(c, 2200));
	cal_free(rules);
	cal_free(c);
}
END_TEST

/* 24 November, Vietnam Culture Day, a paid holiday from 2026 on
 * (Resolution 28/2026/QH16 amending Art. 112 of the Labor Code). */
START_TEST(test_culture_day)
{
	struct cal *c = cal_new();

	ck_assert_int_eq(cal_day_kind(c, 2025, 11, 24), CAL_WORKDAY);
	ck_assert_int_eq(cal_day_kind(c, 2026, 11, 24), CAL_HOLIDAY);
	ck_assert_int_eq(cal_day_kind(c, 2027, 11, 24), CAL_HOLIDAY);
	/* Sat 24 Nov 2029: compensatory Mon 26 Nov. */
	ck_assert_int_eq(cal_day_kind(c, 2029, 11, 26), CAL_COMPENSATORY);
	cal_free(c);
}
END_TEST

/* ---- due dates ------------------------------------------------------- */

START_TEST(test_due_basic)
{
	struct cal *c = cal_new();
	int day = cal_day_minutes(c);

	ck_assert_int_eq(day, 480);
	/* Mon 3 Mar 2025. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 0), day, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 9, 0));
	/* A full day from the opening ends at closing, not next morning. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 7, 0), day, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 17, 0));
	/* Ending exactly at the end of the morning. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 7, 0), 270, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 11, 30));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 7, 0), 271, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 13, 45));	/* 13:31 rounded up */
	/* Over the weekend: Fri 10:00 + 2 days = Tue 10:00. */
	ck_assert_time(cal_due(c, T(2025, 3, 7, 10, 0), 2 * day,
			       CAL_NO_CUTOFF),
		       T(2025, 3, 11, 10, 0));
	/* Half days: 10:00 + half a day = 90 min to 11:30, 150 after 13:30. */
	ck_assert_int_eq(cal_budget(c, 0, 1), 240);
	ck_assert_int_eq(cal_budget(c, 2, 1), 1200);
	ck_assert_time(cal_due(c, T(2025, 3, 3, 10, 0), cal_budget(c, 0, 1),
			       CAL_NO_CUTOFF),
		       T(2025, 3, 3, 16, 0));
	/* A zero budget is a same-day procedure: due at the close of the
	 * day the clock starts on, the cut-off deciding which day. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 1), 0, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 17, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 0), 0, CAL_CUTOFF_1500),
		       T(2025, 3, 3, 17, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 15, 30), 0, CAL_CUTOFF_1500),
		       T(2025, 3, 4, 17, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 8, 10, 0), 0, CAL_CUTOFF_1500),
		       T(2025, 3, 10, 17, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 17, 30), 0, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 17, 0));
	cal_free(c);
}
END_TEST

/* One rule for client and sandbox: early when the result is ready on a
 * day before the due day, on time on the due day up to the due time. */
START_TEST(test_timeliness)
{
	int64_t due = T(2025, 10, 20, 15, 0);

	ck_assert_int_eq(cal_timeliness(T(2025, 10, 17, 16, 0), due), TL_EARLY);
	ck_assert_int_eq(cal_timeliness(T(2025, 10, 20, 9, 0), due), TL_ON_TIME);
	ck_assert_int_eq(cal_timeliness(due, due), TL_ON_TIME);
	ck_assert_int_eq(cal_timeliness(due + 1, due), TL_LATE);
	ck_assert_int_eq(cal_timeliness(T(2025, 10, 21, 8, 0), due), TL_LATE);
	ck_assert_int_eq(cal_timeliness(0, due), TL_NONE);
	ck_assert_int_eq(cal_timeliness(due, 0), TL_NONE);
}
END_TEST

START_TEST(test_due_outside_hours)
{
	struct cal *c = cal_new();

	/* Before opening: counts from 07:00. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 6, 0), 60, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 8, 0));
	/* Lunch: counts from 13:30. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 12, 15), 60, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 14, 30));
	/* After closing: next working morning. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 18, 0), 60, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 8, 0));
	/* Friday evening and Saturday: Monday. */
	ck_assert_time(cal_due(c, T(2025, 3, 7, 17, 30), 60, CAL_NO_CUTOFF),
		       T(2025, 3, 10, 8, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 8, 10, 0), 480, CAL_NO_CUTOFF),
		       T(2025, 3, 10, 17, 0));
	cal_free(c);
}
END_TEST

START_TEST(test_due_cutoff)
{
	struct cal *c = cal_new();

	/* After 15:00 with a cut-off: the clock starts next morning. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 15, 30), 480, CAL_CUTOFF_1500),
		       T(2025, 3, 4, 17, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 15, 30), 480, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 15, 30));
	/* At or before the cut-off: counts from the receipt. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 15, 0), 480, CAL_CUTOFF_1500),
		       T(2025, 3, 4, 15, 0));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 14, 45), 480, CAL_CUTOFF_1500),
		       T(2025, 3, 4, 14, 45));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 15, 0) + 1, 480,
			       CAL_CUTOFF_1500),
		       T(2025, 3, 4, 17, 0));
	/* Friday after the cut-off: from Monday morning. */
	ck_assert_time(cal_due(c, T(2025, 3, 7, 16, 0), 480, CAL_CUTOFF_1500),
		       T(2025, 3, 10, 17, 0));
	/* Another cut-off time per procedure: 11:00. */
	ck_assert_time(cal_due(c, T(2025, 3, 3, 11, 15), 60, 11 * 60),
		       T(2025, 3, 4, 8, 0));
	cal_free(c);
}
END_TEST

START_TEST(test_due_rounding)
{
	struct cal *c = cal_new();

	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 7) + 30, 480, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 9, 15));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 0) + 1, 480, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 9, 15));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 15), 480, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 9, 15));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 9, 46), 480, CAL_NO_CUTOFF),
		       T(2025, 3, 4, 10, 0));
	cal_free(c);
}
END_TEST

START_TEST(test_due_holidays)
{
	struct cal *rules = cal_new(), *c = cal_official();

	/* Tết 2025, Fri 24 Jan + 1 day. By the rules Mon 27 is worked; as
	 * placed, everything to Sun 2 Feb is off and Mon 3 Feb is worked. */
	ck_assert_time(cal_due(rules, T(2025, 1, 24, 10, 0), 480,
			       CAL_NO_CUTOFF),
		       T(2025, 1, 27, 10, 0));
	ck_assert_time(cal_due(c, T(2025, 1, 24, 10, 0), 480, CAL_NO_CUTOFF),
		       T(2025, 2, 3, 10, 0));
	/* The make-up Saturday 26 Apr 2025 counts. */
	ck_assert_time(cal_due(c, T(2025, 4, 25, 10, 0), 480, CAL_NO_CUTOFF),
		       T(2025, 4, 26, 10, 0));
	ck_assert_time(cal_due(c, T(2025, 4, 25, 10, 0), 3 * 480,
			       CAL_NO_CUTOFF),
		       T(2025, 4, 29, 10, 0));
	ck_assert_time(cal_due(rules, T(2025, 4, 25, 10, 0), 480,
			       CAL_NO_CUTOFF),
		       T(2025, 4, 28, 10, 0));
	/* 30 Apr, 1 May, swapped 2 May, weekend: Tue 29 Apr -> Mon 5 May. */
	ck_assert_time(cal_due(c, T(2025, 4, 29, 10, 0), 480, CAL_NO_CUTOFF),
		       T(2025, 5, 5, 10, 0));
	/* Compensatory Mon 27 Apr 2026 for Hùng Kings on Sunday. */
	ck_assert_time(cal_due(c, T(2026, 4, 24, 10, 0), 480, CAL_NO_CUTOFF),
		       T(2026, 4, 28, 10, 0));
	/* Tết 2026: Fri 13 Feb after the cut-off + 2 days -> Tue 24 Feb. */
	ck_assert_time(cal_due(c, T(2026, 2, 13, 16, 0), 2 * 480,
			       CAL_CUTOFF_1500),
		       T(2026, 2, 24, 17, 0));
	cal_free(rules);
	cal_free(c);
}
END_TEST

START_TEST(test_office_hours)
{
	struct cal *c = cal_new();
	struct cal_hours bad = { 7 * 60, 12 * 60, 11 * 60 + 30, 17 * 60 };
	struct cal_hours h = { 7 * 60 + 30, 11 * 60 + 30, 13 * 60, 16 * 60 + 30 };
	struct cal_hours got;
	struct err e = { "" };
	int d, hr, mi;

	ck_assert_int_eq(cal_set_hours(c, &bad, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "office hours"));
	cal_get_hours(c, &got);
	ck_assert_int_eq(got.am_start, 7 * 60);
	ck_assert_int_eq(got.pm_end, 17 * 60);

	ck_assert_int_eq(cal_set_hours(c, &h, &e), 0);
	ck_assert_int_eq(cal_day_minutes(c), 450);
	ck_assert_time(cal_due(c, T(2025, 3, 3, 7, 0), 450, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 16, 30));
	ck_assert_time(cal_due(c, T(2025, 3, 3, 11, 0), 60, CAL_NO_CUTOFF),
		       T(2025, 3, 3, 13, 30));
	ck_assert_int_eq(cal_split_minutes(c, 900 + 75, &d, &hr, &mi), 1);
	ck_assert(d == 2 && hr == 1 && mi == 15);
	cal_free(c);
}
END_TEST

/* ---- remaining and overdue time -------------------------------------- */

START_TEST(test_between)
{
	struct cal *c = cal_official();
	int d, h, m;

	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 3, 9, 0),
						     T(2025, 3, 3, 10, 0)), 60);
	/* Lunch does not count. */
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 3, 11, 0),
						     T(2025, 3, 3, 14, 0)), 60);
	/* Nor the weekend or the night. */
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 7, 16, 0),
						     T(2025, 3, 10, 8, 0)), 120);
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 8, 9, 0),
						     T(2025, 3, 9, 9, 0)), 0);
	/* Still 2 days 3 hours: Mon 10:00 to Wed 15:00. */
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 3, 10, 0),
						     T(2025, 3, 5, 15, 0)), 1140);
	ck_assert_int_eq(cal_split_minutes(c, 1140, &d, &h, &m), 1);
	ck_assert(d == 2 && h == 3 && m == 0);
	/* Overdue: due Mon 09:00, now Tue 10:00. */
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 4, 10, 0),
						     T(2025, 3, 3, 9, 0)), -540);
	ck_assert_int_eq(cal_split_minutes(c, -540, &d, &h, &m), -1);
	ck_assert(d == 1 && h == 1 && m == 0);
	ck_assert_int_eq(cal_split_minutes(c, 0, &d, &h, &m), 0);
	ck_assert(d == 0 && h == 0 && m == 0);
	/* Across Tết 2025 as placed: Fri 24 Jan 16:00 to Mon 3 Feb 8:00. */
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 1, 24, 16, 0),
						     T(2025, 2, 3, 8, 0)), 120);
	/* Seconds are truncated toward zero both ways. */
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 3, 9, 0),
						     T(2025, 3, 3, 9, 1) - 1), 0);
	ck_assert_int_eq(cal_working_minutes_between(c, T(2025, 3, 3, 9, 1) - 1,
						     T(2025, 3, 3, 9, 0)), 0);
	cal_free(c);
}
END_TEST

/* cal_due and cal_working_minutes_between agree: the working time from
 * the start of the clock to the due time is the budget, plus less than a
 * quarter hour of rounding. */
START_TEST(test_due_between_agree)
{
	struct cal *c = cal_official();
	int64_t t, due, got;
	int budget;

	for (t = T(2024, 12, 20, 0, 0); t < T(2026, 12, 31, 0, 0);
	     t += 7 * 3600 + 23 * 60 + 17) {
		for (budget = 1; budget < 15 * 480; budget = budget * 3 + 7) {
			due = cal_due(c, t, budget, CAL_NO_CUTOFF);
			got = cal_working_minutes_between(c, t, due);
			ck_assert_msg(got >= budget && got <= budget + 14,
				      "t=%lld budget=%d got=%lld", (long long)t,
				      budget, (long long)got);
			ck_assert_int_ge(due, t);
			ck_assert_int_eq(due % 900, 0);
		}
	}
	cal_free(c);
}
END_TEST

START_TEST(test_apology_deadline)
{
	struct cal *c = cal_official();

	ck_assert_time(cal_apology_deadline(c, T(2025, 3, 6, 10, 0)),
		       T(2025, 3, 5, 10, 0));
	ck_assert_time(cal_apology_deadline(c, T(2025, 3, 6, 17, 0)),
		       T(2025, 3, 5, 17, 0));
	/* Over a weekend and over the 30/4 break with its swap. */
	ck_assert_time(cal_apology_deadline(c, T(2025, 3, 10, 10, 0)),
		       T(2025, 3, 7, 10, 0));
	ck_assert_time(cal_apology_deadline(c, T(2025, 5, 5, 10, 0)),
		       T(2025, 4, 29, 10, 0));
	cal_free(c);
}
END_TEST

/* ---- override files -------------------------------------------------- */

static void assert_load_error(const char *text, int line, const char *what)
{
	struct cal *c = cal_new();
	struct err e = { "" };
	char path[512], want[700];

	scratch(path, sizeof path, "bad.days", text);
	ck_assert_int_eq(cal_load_overrides(c, path, &e), -1);
	snprintf(want, sizeof want, "%s:%d: %s", path, line, what);
	ck_assert_str_eq(e.msg, want);
	/* A file with an error changes nothing, not even its good lines. */
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 3), CAL_WORKDAY);
	unlink(path);
	cal_free(c);
}

START_TEST(test_override_errors)
{
	assert_load_error("2025-03-03 off\n2025-1-5 off\n", 2,
			  "expected a date as YYYY-MM-DD at the start of the line");
	assert_load_error("2025-03-03 off\n\n# x\n2025-02-29 off\n", 4,
			  "no such date: 2025-02-29");
	assert_load_error("2025-03-03 off\n2025-03-04 holiday\n", 2,
			  "expected \"off\" or \"work\" after the date");
	assert_load_error("2025-03-03 off\n2025-03-04\n", 2,
			  "expected \"off\" or \"work\" after the date");
	assert_load_error("2025-03-03 off\n2025-03-04 offish\n", 2,
			  "expected \"off\" or \"work\" after the date");
	assert_load_error("2025-03-03off\n", 1,
			  "expected a date as YYYY-MM-DD at the start of the line");
	assert_load_error("2300-01-01 off\n", 1,
			  "year 2300 is outside the supported years 1900-2199");
	assert_load_error("# swaps\n2025-04-26 work\n2025-03-03 off\n"
			  "2025-04-26 off\n", 4,
			  "2025-04-26 is already listed at line 2");
}
END_TEST

START_TEST(test_override_syntax)
{
	struct cal *c = cal_new();
	struct err e = { "" };
	char path[512];

	scratch(path, sizeof path, "ok.days",
		"\xEF\xBB\xBF# BOM, CRLF, blanks and notes\r\n"
		"\r\n"
		"   2025-03-03 off\tđi họp # note\r\n"
		"2025-03-08 work\n"
		"2025-03-09 work");		/* no final newline */
	ck_assert_msg(cal_load_overrides(c, path, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 3), CAL_OFF);
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 8), CAL_MAKEUP);
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 9), CAL_MAKEUP);
	/* The due date follows: Fri 7 Mar + 2 days = Sun 9 Mar. */
	ck_assert_time(cal_due(c, T(2025, 3, 7, 10, 0), 960, CAL_NO_CUTOFF),
		       T(2025, 3, 9, 10, 0));
	unlink(path);

	ck_assert_int_eq(cal_load_overrides(c, "/nonexistent/x.days", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/x.days: cannot open"));

	ck_assert_int_eq(cal_set_day(c, 2025, 3, 3, true, &e), 0);
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 3), CAL_WORKDAY);
	ck_assert_int_eq(cal_set_day(c, 2025, 3, 8, false, &e), 0);
	ck_assert_int_eq(cal_day_kind(c, 2025, 3, 8), CAL_WEEKEND);
	ck_assert_int_eq(cal_set_day(c, 2025, 2, 30, false, &e), -1);
	ck_assert_str_eq(e.msg, "2025-02-30 is not a valid date in the years 1900 to 2199");
	cal_free(c);
}
END_TEST

START_TEST(test_override_dir)
{
	struct cal *c = cal_new();
	struct err e = { "" };
	char dir[512], a[600], b[600], other[600];
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/motcua-cal-XXXXXX", tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(a, sizeof a, "%s/a.days", dir);
	snprintf(b, sizeof b, "%s/b.days", dir);
	snprintf(other, sizeof other, "%s/notes.txt", dir);
	/* Written b first: order must come from the names, not the disk. */
	write_file(b, "2025-03-03 work\n");
	write_file(a, "2025-03-03 off\n2025-03-04 off\n");
	write_file(other, "2025-03-05 off\n");
	ck_assert_msg(cal_load_dir(c, dir, &e) == 0, "%s", e.msg);
	ck_assert(cal_is_working_day(c, 2025, 3, 3));	/* b.days wins */
	ck_assert(!cal_is_working_day(c, 2025, 3, 4));
	ck_assert(cal_is_working_day(c, 2025, 3, 5));	/* not a .days */
	unlink(a);
	unlink(b);
	unlink(other);
	rmdir(dir);
	ck_assert_int_eq(cal_load_dir(c, dir, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot open directory"));
	cal_free(c);
}
END_TEST

static Suite *calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_civil_time);
	tcase_add_test(tc, test_rules);
	tcase_add_test(tc, test_official_2025_2026);
	tcase_add_test(tc, test_year_known);
	tcase_add_test(tc, test_culture_day);
	tcase_add_test(tc, test_timeliness);
	tcase_add_test(tc, test_due_basic);
	tcase_add_test(tc, test_due_outside_hours);
	tcase_add_test(tc, test_due_cutoff);
	tcase_add_test(tc, test_due_rounding);
	tcase_add_test(tc, test_due_holidays);
	tcase_add_test(tc, test_office_hours);
	tcase_add_test(tc, test_between);
	tcase_add_test(tc, test_due_between_agree);
	tcase_add_test(tc, test_apology_deadline);
	tcase_add_test(tc, test_override_errors);
	tcase_add_test(tc, test_override_syntax);
	tcase_add_test(tc, test_override_dir);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(calendar_suite)
