/* The Vietnamese lunisolar calendar (âm lịch), computed astronomically for
 * the UTC+7 meridian: months begin on the local day of the new moon, the
 * 11th month is the one containing the winter solstice, and in a year of 13
 * months the first month without a major solar term (trung khí) after the
 * 11th is the leap month, numbered like the month before it.
 *
 * New moons and the sun's longitude come from the truncated series of Jean
 * Meeus, "Astronomical Algorithms" (the method published for the
 * Vietnamese calendar by Hồ Ngọc Đức). The series are good to a few
 * minutes, so a month could start a day off a modern ephemeris only where a
 * new moon falls within minutes of local midnight; there this module agrees
 * with the calendars printed from the same method.
 *
 * Days are Julian day numbers (JDN: whole days, 2000-01-01 is 2451545) so
 * this module needs no time zone and no struct tm. Pure functions: no
 * allocation, no globals, no environment. Valid for lunar years
 * LUNAR_YEAR_MIN..LUNAR_YEAR_MAX; outside, they fail. */
#ifndef MOTCUA_LUNAR_H
#define MOTCUA_LUNAR_H

#include <stdbool.h>

#include "err.h"

#define LUNAR_YEAR_MIN 1900
#define LUNAR_YEAR_MAX 2199

struct lunar_date {
	int year;	/* lunar year, named after the Gregorian year it mostly
			 * overlaps: lunar 1/1/2026 is 2026-02-17 */
	int month;	/* 1..12 */
	int day;	/* 1..30 */
	bool leap;	/* the repeated (nhuận) month */
};

/* Gregorian date <-> JDN, proleptic Gregorian for any year. */
long lunar_jdn(int year, int month, int day);
void lunar_jdn_to_date(long jdn, int *year, int *month, int *day);

/* Lunar date of the Gregorian date y-m-d. -1 with a message when the date is
 * outside the supported range. */
int lunar_from_solar(int year, int month, int day, struct lunar_date *out,
		     struct err *e);

/* JDN of a lunar date; -1 with a message when no such day exists (month
 * out of 1..12, day 30 of a 29-day month, a leap month the year does not
 * have) or the year is outside the range. */
int lunar_to_jdn(const struct lunar_date *ld, long *jdn, struct err *e);

/* The month number the lunar year repeats (1..12), 0 when it has none
 * (2023: 2, 2025: 6, 2026: 0). Also 0 outside the range. */
int lunar_leap_month(int year);

/* JDN of lunar 1/1 of a lunar year (Tết); -1 outside the range. */
long lunar_new_year(int year);

/* JDNs of lunar 1/1 (Tết) and 10/3 (the Hùng Kings' day) of a lunar year,
 * from one reckoning of its months: the calendar's holidays for three
 * centuries at start-up. -1 outside the range. */
int lunar_holidays(int year, long *tet, long *hung);

#endif
