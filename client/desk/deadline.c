#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "deadline.h"

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
	return cal_timeliness(d->finished_at, d->due_at);
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

/* The last instant in [lo, lo + 400 days] at which keep(c, now, t) holds,
 * keep being true up to a point and false after; lo - 1 if it never does. */
static int64_t last_true(const struct cal *c, int64_t now, int64_t lo,
			 bool (*keep)(const struct cal *c, int64_t now, int64_t t))
{
	int64_t hi = lo + 400 * 86400;

	if (!keep(c, now, lo))
		return lo - 1;
	while (lo < hi) {
		int64_t mid = lo + (hi - lo + 1) / 2;

		if (keep(c, now, mid))
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The apology's last day is today or past: the band's test above. */
static bool apology_due(const struct cal *c, int64_t now, int64_t due)
{
	int64_t last = cal_apology_deadline(c, due);

	return last <= now || same_day(last, now);
}

static bool soon(const struct cal *c, int64_t now, int64_t due)
{
	return cal_working_minutes_between(c, now, due) <= (int64_t)DEADLINE_SOON_DAYS * cal_day_minutes(c);
}

static bool today(const struct cal *c, int64_t now, int64_t due)
{
	(void)c;
	return same_day(due, now);
}

void deadline_cuts(const struct cal *c, int64_t now, struct deadline_cuts *out)
{
	out->now = now;
	out->today_end = last_true(c, now, now, today);
	out->apology = last_true(c, now, now, apology_due);
	out->soon = last_true(c, now, now, soon);
}

struct urgency {
	enum band band;
	struct dossier *d;
};

static int by_urgency(const void *x, const void *y)
{
	const struct urgency *a = x, *b = y;

	if (a->band != b->band)
		return a->band < b->band ? -1 : 1;
	/* finished work never above work still to do */
	if (status_is_finished(a->d->status) != status_is_finished(b->d->status))
		return status_is_finished(a->d->status) ? 1 : -1;
	if (a->d->due_at != b->d->due_at) {
		if (!a->d->due_at || !b->d->due_at)
			return a->d->due_at ? -1 : 1;
		return a->d->due_at < b->d->due_at ? -1 : 1;
	}
	return strcmp(a->d->code ? a->d->code : "", b->d->code ? b->d->code : "");
}

void deadline_sort(const struct cal *c, struct dossier **rows, size_t n, int64_t now)
{
	/* each band once, not once per comparison: it is the costly part */
	struct urgency *u = xcalloc(n ? n : 1, sizeof *u);

	for (size_t i = 0; i < n; i++)
		u[i] = (struct urgency){ deadline_band(c, rows[i], now), rows[i] };
	qsort(u, n, sizeof *u, by_urgency);
	for (size_t i = 0; i < n; i++)
		rows[i] = u[i].d;
	free(u);
}
