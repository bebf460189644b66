/* Placing events in working time, for the dossiers' timelines. Everything
 * goes through the calendar the sandbox runs with, so a log never shows a
 * clerk at work on a Sunday or at lunch. */
#include "config.h"

#include "seed_priv.h"

int64_t sbx_seed_work_after(const struct sbx_seed_ctx *c, struct rng *r,
			    int64_t t, int working_minutes)
{
	int64_t at = cal_due(c->cal, t, working_minutes, CAL_NO_CUTOFF);

	/* cal_due rounds up to the quarter hour, at least 15 minutes into a
	 * morning or afternoon: taking back up to 14 minutes keeps the
	 * instant in office hours and after t, and makes it look typed. */
	if (working_minutes >= 15)
		at -= (int64_t)rng_below(r, 15) * 60 + rng_below(r, 60);
	return at;
}

void sbx_seed_workday_back(const struct sbx_seed_ctx *c, int back, int *y,
			   int *m, int *d)
{
	int64_t t = cal_join(c->now.year, c->now.month, c->now.day, 12, 0, 0);
	struct cal_time tm;
	int k = -1;

	for (;; t -= SBX_DAY) {
		cal_split(t, &tm);
		if (cal_is_working_day(c->cal, tm.year, tm.month, tm.day) &&
		    ++k == back)
			break;
	}
	*y = tm.year;
	*m = tm.month;
	*d = tm.day;
}

int64_t sbx_seed_office_time(const struct sbx_seed_ctx *c, struct rng *r,
			     int y, int m, int d, int64_t latest)
{
	struct cal_hours h;
	int64_t start, span;
	int am, o;

	cal_get_hours(c->cal, &h);
	am = h.am_end - h.am_start;
	start = cal_join(y, m, d, 0, h.am_start, 0);
	span = cal_day_minutes(c->cal);
	if (latest < start + (int64_t)cal_day_minutes(c->cal) * 120) {
		/* latest falls on that day (or before): keep within it */
		span = cal_working_minutes_between(c->cal, start, latest);
		if (span > cal_day_minutes(c->cal))
			span = cal_day_minutes(c->cal);
	}
	if (span <= 0)
		return -1;
	o = (int)rng_below(r, (uint32_t)span);
	if (o < am)
		return cal_join(y, m, d, 0, h.am_start + o, (int)rng_below(r, 60));
	return cal_join(y, m, d, 0, h.pm_start + o - am, (int)rng_below(r, 60));
}

bool sbx_seed_same_day(int64_t a, int64_t b)
{
	struct cal_time x, y;

	cal_split(a, &x);
	cal_split(b, &y);
	return x.year == y.year && x.month == y.month && x.day == y.day;
}
