#include "config.h"

#include <stdbool.h>
#include <stdio.h>

#include "calendar.h"
#include "i18n.h"
#include "when.h"

/* The civil time of t, or false (and buf emptied) when t is not set. */
static bool split(int64_t t, struct cal_time *c, char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	if (!t)
		return false;
	cal_split(t, c);
	return true;
}

const char *when_iso(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", c.year, c.month, c.day,
			 c.hour, c.minute, c.second);
	return buf;
}

const char *when_iso_date(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		when_iso_ymd(c.year, c.month, c.day, buf, len);
	return buf;
}

const char *when_date(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		when_ymd(c.year, c.month, c.day, buf, len);
	return buf;
}

const char *when_date_time(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		snprintf(buf, len, "%02d/%02d/%04d %02d:%02d", c.day, c.month, c.year, c.hour,
			 c.minute);
	return buf;
}

const char *when_time_date(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		snprintf(buf, len, "%02d:%02d %02d/%02d/%04d", c.hour, c.minute, c.day, c.month,
			 c.year);
	return buf;
}

const char *when_time_wday_date(int64_t t, char *buf, size_t len)
{
	/* TRANSLATORS: weekdays, short, in an appointment "14:05 Sun 23/11/2025" */
	static const char *const wd[] = { N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					  N_("Fri"), N_("Sat") };
	struct cal_time c;

	if (split(t, &c, buf, len))
		snprintf(buf, len, "%02d:%02d %s %02d/%02d/%04d", c.hour, c.minute, _(wd[c.wday]),
			 c.day, c.month, c.year);
	return buf;
}

const char *when_day_month_time(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		snprintf(buf, len, "%02d/%02d %02d:%02d", c.day, c.month, c.hour, c.minute);
	return buf;
}

const char *when_clock(int64_t t, char *buf, size_t len)
{
	struct cal_time c;

	if (split(t, &c, buf, len))
		when_minute(c.hour * 60 + c.minute, buf, len);
	return buf;
}

const char *when_minute(int minute, char *buf, size_t len)
{
	if (minute < 0)
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "%02d:%02d", minute / 60, minute % 60);
	return buf;
}

const char *when_ymd(int year, int month, int day, char *buf, size_t len)
{
	snprintf(buf, len, "%02d/%02d/%04d", day, month, year);
	return buf;
}

const char *when_iso_ymd(int year, int month, int day, char *buf, size_t len)
{
	snprintf(buf, len, "%04d-%02d-%02d", year, month, day);
	return buf;
}
