#include "config.h"

#include <math.h>

#include "i18n.h"
#include "lunar.h"

#define TZ_DAYS (7.0 / 24.0)		/* Vietnam: UTC+7 */
#define SYNODIC 29.530588853		/* mean lunation, days */
#define NM_EPOCH 2415021.076998695	/* JD of mean new moon k = 0 (1900) */
#define DEG (M_PI / 180.0)

/* ---- Gregorian <-> Julian day number --------------------------------- */

/* Fliegel and Van Flandern's integer formulas, shifted so every division
 * works on positive numbers (valid after 4800 BC). */
long lunar_jdn(int year, int month, int day)
{
	long a = (14 - month) / 12;
	long y = (long)year + 4800 - a;
	long m = month + 12 * a - 3;

	return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 -
	       32045;
}

void lunar_jdn_to_date(long jdn, int *year, int *month, int *day)
{
	long a = jdn + 32044;
	long b = (4 * a + 3) / 146097;
	long c = a - 146097 * b / 4;
	long d = (4 * c + 3) / 1461;
	long e = c - 1461 * d / 4;
	long m = (5 * e + 2) / 153;

	*day = (int)(e - (153 * m + 2) / 5 + 1);
	*month = (int)(m + 3 - 12 * (m / 10));
	*year = (int)(100 * b + d - 4800 + m / 10);
}

/* ---- astronomy ------------------------------------------------------- */

/* Julian day (UT) of the k-th new moon counted from January 1900, from
 * Meeus's series; the terms are the ones of the published method. */
static double new_moon_jd(long k)
{
	double t = k / 1236.85, t2 = t * t, t3 = t2 * t;
	double m, mpr, f, c, dt, jd;

	jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 -
	     0.000000155 * t3;
	jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
	m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 -
	     0.00000347 * t3) * DEG;		/* sun's mean anomaly */
	mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 +
	       0.00001236 * t3) * DEG;		/* moon's mean anomaly */
	f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 -
	     0.00000239 * t3) * DEG;		/* moon's argument of latitude */
	c = (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2 * m) -
	    0.4068 * sin(mpr) + 0.0161 * sin(2 * mpr) -
	    0.0004 * sin(3 * mpr) + 0.0104 * sin(2 * f) -
	    0.0051 * sin(m + mpr) - 0.0074 * sin(m - mpr) +
	    0.0004 * sin(2 * f + m) - 0.0004 * sin(2 * f - m) -
	    0.0006 * sin(2 * f + mpr) + 0.0010 * sin(2 * f - mpr) +
	    0.0005 * sin(2 * mpr + m);
	/* Delta T, the clock difference between dynamical time and UT. */
	if (t < -11)
		dt = 0.001 + 0.000839 * t + 0.0002261 * t2 -
		     0.00000845 * t3 - 0.000000081 * t * t3;
	else
		dt = -0.000278 + 0.000265 * t + 0.000262 * t2;
	return jd + c - dt;
}

/* JDN of the local (UTC+7) day the k-th new moon falls on. */
static long new_moon_day(long k)
{
	return (long)floor(new_moon_jd(k) + 0.5 + TZ_DAYS);
}

/* Which 30-degree sector (0..11) of ecliptic longitude the sun is in at
 * local midnight starting day jdn; a major term begins each sector, and the
 * winter solstice (270 degrees) begins sector 9. */
static int sun_sector(long jdn)
{
	double t = (jdn - 0.5 - TZ_DAYS - 2451545.0) / 36525.0;
	double t2 = t * t, m, l;

	m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 -
	     0.00000048 * t2 * t) * DEG;
	l = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
	l += (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(m) +
	     (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000290 * sin(3 * m);
	l = fmod(l, 360.0);
	if (l < 0)
		l += 360.0;
	return (int)(l / 30.0);
}

/* Index of the new moon nearest to day jdn. */
static long lunation_at(long jdn)
{
	return (long)floor((jdn - NM_EPOCH) / SYNODIC + 0.5);
}

/* ---- months ---------------------------------------------------------- */

/* A "sui": the months from the 11th month that starts in Gregorian year
 * gyear (it holds the December solstice) to the next 11th month, 12 or 13
 * of them. In a 13-month sui, leap_off is the offset from the 11th month of
 * the first month with no major term, the leap month; else 0. */
struct sui {
	long a11, b11;
	long k11;			/* lunation number of a11 */
	int leap_off;
};

static long month11_start(int gyear)
{
	long k = (long)floor((lunar_jdn(gyear, 12, 31) - NM_EPOCH) / SYNODIC);
	long nm = new_moon_day(k);

	/* Sun already past the solstice at this new moon: the 11th month
	 * began one lunation earlier. */
	if (sun_sector(nm) >= 9)
		nm = new_moon_day(k - 1);
	return nm;
}

static void sui_of(int gyear, struct sui *s)
{
	int i, prev;

	s->a11 = month11_start(gyear);
	s->b11 = month11_start(gyear + 1);
	s->k11 = lunation_at(s->a11);
	s->leap_off = 0;
	if (s->b11 - s->a11 <= 365)
		return;
	/* each month's sector once: it is the costly part */
	prev = sun_sector(new_moon_day(s->k11 + 1));
	for (i = 1; i <= 12; i++) {
		int next = sun_sector(new_moon_day(s->k11 + i + 1));

		if (prev == next) {
			s->leap_off = i;
			return;
		}
		prev = next;
	}
}

/* Month number at offset off from the 11th month, ignoring leaps. */
static int month_at(int off)
{
	return (11 + off - 1) % 12 + 1;
}

static bool year_ok(int year)
{
	return year >= LUNAR_YEAR_MIN && year <= LUNAR_YEAR_MAX;
}

int lunar_from_solar(int year, int month, int day, struct lunar_date *out,
		     struct err *e)
{
	struct sui s;
	long jdn, k, start;
	int y, m, d, sy, off, idx;

	if (year < LUNAR_YEAR_MIN || year > LUNAR_YEAR_MAX + 1)
		return err_set(e, _("year %d is outside %d-%d"), year,
			       LUNAR_YEAR_MIN, LUNAR_YEAR_MAX);
	jdn = lunar_jdn(year, month, day);
	lunar_jdn_to_date(jdn, &y, &m, &d);
	if (month < 1 || month > 12 || day < 1 || y != year || m != month ||
	    d != day)
		return err_set(e, _("no such date: %04d-%02d-%02d"), year,
			       month, day);

	/* Start of the lunar month holding jdn; the mean lunation guess can
	 * be off by one either way near a new moon. */
	k = (long)floor((jdn - NM_EPOCH) / SYNODIC);
	while ((start = new_moon_day(k)) > jdn)
		k--;
	while (new_moon_day(k + 1) <= jdn)
		start = new_moon_day(++k);

	sy = year;
	if (month11_start(year) > start)
		sy = year - 1;
	sui_of(sy, &s);
	off = (int)(lunation_at(start) - s.k11);
	idx = off;
	out->leap = false;
	if (s.leap_off && off >= s.leap_off) {
		idx = off - 1;
		out->leap = off == s.leap_off;
	}
	out->month = month_at(idx);
	out->year = idx <= 1 ? sy : sy + 1;
	out->day = (int)(jdn - start + 1);
	if (!year_ok(out->year))
		return err_set(e, _("lunar year %d is outside %d-%d"),
			       out->year, LUNAR_YEAR_MIN, LUNAR_YEAR_MAX);
	return 0;
}

int lunar_to_jdn(const struct lunar_date *ld, long *jdn, struct err *e)
{
	struct sui s;
	long start, next;
	int off;

	if (!year_ok(ld->year))
		return err_set(e, _("lunar year %d is outside %d-%d"),
			       ld->year, LUNAR_YEAR_MIN, LUNAR_YEAR_MAX);
	if (ld->month < 1 || ld->month > 12 || ld->day < 1 || ld->day > 30)
		goto no_such;
	/* Months 11 and 12 lie in the sui starting in the same Gregorian
	 * year; months 1..10 in the one starting the year before. */
	if (ld->month >= 11) {
		sui_of(ld->year, &s);
		off = ld->month - 11;
	} else {
		sui_of(ld->year - 1, &s);
		off = ld->month + 1;
	}
	if (ld->leap) {
		if (!s.leap_off || month_at(s.leap_off - 1) != ld->month)
			goto no_such;
		off = s.leap_off;
	} else if (s.leap_off && off >= s.leap_off) {
		off++;
	}
	start = new_moon_day(s.k11 + off);
	next = new_moon_day(s.k11 + off + 1);
	if (ld->day > next - start)
		goto no_such;
	*jdn = start + ld->day - 1;
	return 0;

no_such:
	if (ld->leap)
		return err_set(e, _("no such lunar date: day %d of leap month %d of %d"),
			       ld->day, ld->month, ld->year);
	return err_set(e, _("no such lunar date: day %d of month %d of %d"),
		       ld->day, ld->month, ld->year);
}

int lunar_leap_month(int year)
{
	struct sui s;
	int m;

	if (!year_ok(year))
		return 0;
	/* A leap 11th or 12th month belongs to the sui starting in the same
	 * Gregorian year, any other to the one starting the year before. */
	sui_of(year - 1, &s);
	if (s.leap_off) {
		m = month_at(s.leap_off - 1);
		if (m <= 10)
			return m;
	}
	sui_of(year, &s);
	if (s.leap_off) {
		m = month_at(s.leap_off - 1);
		if (m >= 11)
			return m;
	}
	return 0;
}

/* The first day of month 1..10 (not a leap one) of the lunar year whose
 * sui is s (the one starting the Gregorian year before). */
static long early_month_start(const struct sui *s, int month)
{
	int off = month + 1;

	if (s->leap_off && off >= s->leap_off)
		off++;
	return new_moon_day(s->k11 + off);
}

int lunar_holidays(int year, long *tet, long *hung)
{
	struct sui s;

	if (!year_ok(year))
		return -1;
	sui_of(year - 1, &s);
	*tet = early_month_start(&s, 1);
	*hung = early_month_start(&s, 3) + 9;
	return 0;
}

long lunar_new_year(int year)
{
	struct lunar_date ld = { .year = year, .month = 1, .day = 1 };
	long jdn;

	if (lunar_to_jdn(&ld, &jdn, NULL) < 0)
		return -1;
	return jdn;
}
