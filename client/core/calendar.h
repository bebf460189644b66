/* The working-day calendar: which days a public office works, and deadlines
 * counted in working time. Shared by the client (remaining time, the
 * appointment date at intake) and the sandbox (due dates). Pure logic: no
 * curses, no network, no TZ variable.
 *
 * Time. Instants are int64_t Unix seconds. Vietnam keeps UTC+7 all year
 * (Asia/Ho_Chi_Minh, no DST since 1975), so civil time is always
 * t + 7 h; cal_split() and cal_join() do that conversion.
 *
 * Days. Saturdays and Sundays are off. Public holidays (Labor Code 2019,
 * Art. 112, in force since 2021 and applied to every year of the table, so
 * earlier years are approximate):
 *   1 January;
 *   Tết: the last day of the old lunar year and lunar 1/1 to 1/4;
 *   Hùng Kings: lunar 10/3;
 *   30 April and 1 May;
 *   2 September and one adjacent day: 1 September, except when
 *     2 September is a Thursday, then 3 September (the government's
 *     placements for 2021, 2024, 2025 and 2026 follow this rule);
 * and a holiday on a Saturday or Sunday gives a compensatory day off
 * (nghỉ bù) on the next working day that is not already a holiday or
 * compensatory day, holidays taken in date order.
 * The government places Tết and announces swaps each year; override files
 * carry those (below) and always win over the rules.
 *
 * Working time. Office hours default to 07:00-11:30 and 13:30-17:00, that
 * is 480 working minutes = one working day; cal_set_hours() changes them.
 * Budgets are working minutes; cal_budget() turns days and half days into
 * minutes (half a day = half the day's minutes, whatever the split between
 * morning and afternoon).
 *
 * Override file format (client/core/calendar/README.md says the same):
 *
 *     # comment; blank lines are ignored
 *     YYYY-MM-DD off  [free text up to the end of the line]
 *     YYYY-MM-DD work [free text]
 *
 * "off" makes the day a day off (an extra holiday, a placed Tết day, the
 * weekday half of a swap); "work" makes it a working day (a make-up
 * Saturday, or a weekday the rules made a holiday or compensatory day that
 * the government's placement does not have). A date may appear once per
 * file; across files the one loaded last wins. Errors read
 * "FILE:LINE: what was wrong", and a file with an error changes nothing.
 *
 * Vietnam Culture Day, 24 November, is a holiday from 2026 on (Resolution
 * 28/2026/QH16 amending Art. 112, in force 1 July 2026).
 *
 * Range: days 1900-01-01 .. 2199-12-31 are tabulated at cal_new(). Instants
 * outside are clamped to the table's ends. Queries are O(1) except
 * cal_due() and cal_apology_deadline() (a binary search over the table)
 * and allocate nothing. */
#ifndef MOTCUA_CALENDAR_H
#define MOTCUA_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

#define CAL_YEAR_MIN 1900
#define CAL_YEAR_MAX 2199
#define CAL_UTC_OFFSET (7 * 3600)	/* seconds east of UTC */
#define CAL_DAY_SECS 86400		/* a civil day: no DST in Vietnam */
#define CAL_NO_CUTOFF (-1)
#define CAL_CUTOFF_1500 (15 * 60)	/* the usual per-procedure cut-off */

/* Minutes after local midnight; am_start < am_end <= pm_start < pm_end. */
struct cal_hours {
	int am_start, am_end, pm_start, pm_end;
};

/* Why a day is (not) worked, for calendar views. */
enum cal_day_kind {
	CAL_WORKDAY,		/* ordinary Monday..Friday */
	CAL_WEEKEND,
	CAL_HOLIDAY,		/* a public holiday from the rules */
	CAL_COMPENSATORY,	/* day off for a holiday on a weekend */
	CAL_OFF,		/* weekday made a day off by an override */
	CAL_MAKEUP,		/* weekend day made a working day by one */
	CAL_OUT_OF_RANGE,	/* not a date in the table */
};

/* Civil time in Vietnam. wday: 0 = Sunday .. 6 = Saturday. */
struct cal_time {
	int year, month, day, hour, minute, second, wday;
};

struct cal;

/* Rules and default hours, no overrides; NULL only when out of memory. */
struct cal *cal_new(void);
void cal_free(struct cal *c);

/* Apply one override file; on error c is unchanged. */
int cal_load_overrides(struct cal *c, const char *path, struct err *e);
/* Apply every *.days file of dir in name order (vn-2025.days before
 * vn-2026.days); stops at the first error, keeping the files before it. */
int cal_load_dir(struct cal *c, const char *dir, struct err *e);
/* Whether an override file for the year was loaded: one named
 * "...-YYYY.days" (vn-2027.days). Without it the year's due dates follow
 * the rules alone, which the government's placement of Tết often moves. */
bool cal_year_known(const struct cal *c, int year);
/* One override set from code (the sandbox, tests). */
int cal_set_day(struct cal *c, int year, int month, int day, bool working,
		struct err *e);

int cal_set_hours(struct cal *c, const struct cal_hours *h, struct err *e);
void cal_get_hours(const struct cal *c, struct cal_hours *h);
/* Working minutes in one working day (480 by default). */
int cal_day_minutes(const struct cal *c);
/* days whole days plus half_days half days, in working minutes. */
int cal_budget(const struct cal *c, int days, int half_days);

bool cal_is_working_day(const struct cal *c, int year, int month, int day);
enum cal_day_kind cal_day_kind(const struct cal *c, int year, int month,
			       int day);

/* When a dossier received at `received` with a budget of working_minutes is
 * due. The clock starts at the receipt when that is in office hours on a
 * working day, else at the next start of office hours; with a cut-off
 * (minutes after midnight, e.g. CAL_CUTOFF_1500, or CAL_NO_CUTOFF), a
 * receipt on a working day strictly after it starts at the next working
 * day. The budget ending exactly at the end of a morning or afternoon is
 * due then (17:00, not 07:00 next day). The result is rounded up to the
 * quarter hour. A budget <= 0 is a same-day procedure: due at the end of
 * office hours of the working day the clock starts on (so with the 15:00
 * cut-off, a receipt at 15:30 is due at 17:00 the next working day). */
int64_t cal_due(const struct cal *c, int64_t received, int working_minutes,
		int cutoff_minute);

/* Working minutes from `from` to `to`, truncated toward zero; negative
 * when to is before from (time remaining = between(now, due), overdue when
 * negative). Overdue status itself is `due <= now`: a dossier due Friday
 * 17:00 looked at on Saturday is overdue by 0 working minutes. */
int64_t cal_working_minutes_between(const struct cal *c, int64_t from,
				    int64_t to);

/* Split |minutes| of working time into working days (of
 * cal_day_minutes()), hours and minutes; returns the sign (-1 overdue,
 * 0, 1) so a screen can say "còn 2 ngày 3 giờ" or "quá hạn 1 ngày". */
int cal_split_minutes(const struct cal *c, int64_t minutes, int *days,
		      int *hours, int *mins);

/* How a finished dossier is judged, the same in client and sandbox (and
 * as provincial systems count it): early when the result was ready on a
 * day before the due day, on time when on the due day and not after the
 * due time, late after it. TL_NONE when either instant is 0. */
enum timeliness {
	TL_NONE,
	TL_EARLY,
	TL_ON_TIME,
	TL_LATE,
};

enum timeliness cal_timeliness(int64_t finished, int64_t due);

/* Last moment to send the apology and new date (phiếu xin lỗi): one full
 * working day of working time before the due instant, the earlier reading
 * of "at least one working day before" (due Thu 10:00 -> Wed 10:00; due
 * Thu 17:00 -> Wed 17:00). */
int64_t cal_apology_deadline(const struct cal *c, int64_t due);

/* Civil time <-> instant, always UTC+7. cal_join does not validate: month
 * must be 1..12, while day, hour, minute and second carry over (day 32 of
 * January is 1 February, hour 24 is the next midnight). */
void cal_split(int64_t t, struct cal_time *out);
int64_t cal_join(int year, int month, int day, int hour, int minute,
		 int second);
bool cal_valid_date(int year, int month, int day);

#endif
