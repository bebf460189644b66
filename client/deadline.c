#include "config.h"

#include <stdio.h>
#include <string.h>

#include "deadline.h"
#include "i18n.h"

static int same_day(int64_t a, int64_t b)
{
	struct cal_time x, y;

	cal_split(a, &x);
	cal_split(b, &y);
	return x.year == y.year && x.month == y.month && x.day == y.day;
}

enum band deadline_band(const struct cal *c, const struct dossier *d, int64_t now)
{
	int64_t left;

	if (!status_clock_runs(d->status) || !d->due_at)
		return BAND_NONE;
	if (d->due_at <= now)
		return BAND_OVERDUE;
	if (same_day(d->due_at, now))
		return BAND_TODAY;
	/* The date may be moved only once: after that there is no apology
	 * left to send, the dossier is just due soon. */
	if (!d->ndue || !d->due_history[d->ndue - 1].reason ||
	    strcmp(d->due_history[d->ndue - 1].reason, "apology")) {
		int64_t last = cal_apology_deadline(c, d->due_at);

		if (last <= now || same_day(last, now))
			return BAND_APOLOGY;
	}
	left = cal_working_minutes_between(c, now, d->due_at);
	if (left <= (int64_t)DEADLINE_SOON_DAYS * cal_day_minutes(c))
		return BAND_SOON;
	return BAND_OK;
}

enum timeliness deadline_timeliness(const struct dossier *d)
{
	if (!d->finished_at || !d->due_at)
		return TL_NONE;
	if (d->finished_at < d->due_at)
		return TL_EARLY;
	return d->finished_at == d->due_at ? TL_ON_TIME : TL_LATE;
}

void deadline_remaining(const struct cal *c, const struct dossier *d, int64_t now,
			char *buf, size_t len)
{
	int days, hours, mins, sign;

	buf[0] = '\0';
	if (!status_clock_runs(d->status) || !d->due_at)
		return;
	sign = cal_split_minutes(c, cal_working_minutes_between(c, now, d->due_at),
				 &days, &hours, &mins);
	/* As precise as it matters: hours when under a day, days and hours
	 * in the last two days, whole days beyond. */
	if (d->due_at <= now && sign >= 0)
		snprintf(buf, len, "%s", _("overdue"));	/* due at a close, seen after */
	else if (sign < 0 && days)
		snprintf(buf, len, P_("%d day overdue", "%d days overdue", days), days);
	else if (sign < 0 && hours)
		snprintf(buf, len, P_("%d hour overdue", "%d hours overdue", hours), hours);
	else if (sign < 0)
		snprintf(buf, len, _("%d min overdue"), mins);
	else if (days > DEADLINE_SOON_DAYS)
		snprintf(buf, len, P_("%d day left", "%d days left", days), days);
	else if (days)
		/* TRANSLATORS: working days and hours left until the due time */
		snprintf(buf, len, _("%dd %dh left"), days, hours);
	else
		snprintf(buf, len, _("%dh %02dm left"), hours, mins);
}

int deadline_compare(const struct cal *c, const struct dossier *a, const struct dossier *b,
		     int64_t now)
{
	enum band ba = deadline_band(c, a, now), bb = deadline_band(c, b, now);

	if (ba != bb)
		return ba < bb ? -1 : 1;
	if (a->due_at != b->due_at) {
		if (!a->due_at || !b->due_at)
			return a->due_at ? -1 : 1;
		return a->due_at < b->due_at ? -1 : 1;
	}
	return strcmp(a->code ? a->code : "", b->code ? b->code : "");
}
