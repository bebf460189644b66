#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "stats.h"


void stats_period(enum stats_period p, int64_t now, int64_t *from, int64_t *to)
{
	struct cal_time t;
	int back, m;

	cal_split(now, &t);
	switch (p) {
	case STATS_WEEK:
		back = (t.wday + 6) % 7;	/* days since Monday */
		*from = cal_join(t.year, t.month, t.day - back, 0, 0, 0);
		*to = *from + 7 * CAL_DAY_SECS;
		return;
	case STATS_MONTH:
		*from = cal_join(t.year, t.month, 1, 0, 0, 0);
		*to = t.month == 12 ? cal_join(t.year + 1, 1, 1, 0, 0, 0) :
				      cal_join(t.year, t.month + 1, 1, 0, 0, 0);
		return;
	case STATS_QUARTER:
		m = (t.month - 1) / 3 * 3 + 1;
		*from = cal_join(t.year, m, 1, 0, 0, 0);
		*to = m == 10 ? cal_join(t.year + 1, 1, 1, 0, 0, 0) :
				cal_join(t.year, m + 3, 1, 0, 0, 0);
		return;
	case STATS_YEAR:
		*from = cal_join(t.year, 1, 1, 0, 0, 0);
		*to = cal_join(t.year + 1, 1, 1, 0, 0, 0);
		return;
	case STATS_TODAY:
	case STATS_PERIODS:
		break;
	}
	*from = cal_join(t.year, t.month, t.day, 0, 0, 0);
	*to = *from + CAL_DAY_SECS;
}

const char *stats_period_name(enum stats_period p)
{
	static const char *const names[STATS_PERIODS] = {
		N_("today"), N_("this week"), N_("this month"), N_("this quarter"),
		N_("this year"),
	};

	return _(names[p < STATS_PERIODS ? p : STATS_TODAY]);
}

void stats_init(struct stats *s, const struct cal *c, int64_t from, int64_t to,
		int64_t now, enum stats_by by)
{
	memset(s, 0, sizeof *s);
	s->cal = c;
	s->from = from;
	s->to = to;
	s->now = now;
	s->by = by;
}

void stats_free(struct stats *s)
{
	for (size_t i = 0; i < s->ngroups; i++) {
		free(s->groups[i].key);
		free(s->groups[i].name);
	}
	free(s->groups);
	s->groups = NULL;
	s->ngroups = s->cap = 0;
}

static bool in_period(const struct stats *s, int64_t t)
{
	return t && t >= s->from && t < s->to;
}

/* The group of a key, made in its sorted place when new. */
static struct stats_fig *group(struct stats *s, const char *key, const char *name)
{
	size_t lo = 0, hi = s->ngroups;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->groups[mid].key, key);

		if (c == 0)
			return &s->groups[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->ngroups == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->groups = xrealloc(s->groups, s->cap * sizeof *s->groups);
	}
	memmove(&s->groups[lo + 1], &s->groups[lo], (s->ngroups - lo) * sizeof *s->groups);
	s->ngroups++;
	memset(&s->groups[lo], 0, sizeof *s->groups);
	s->groups[lo].key = xstrdup(key);
	s->groups[lo].name = name ? xstrdup(name) : NULL;
	return &s->groups[lo];
}

/* Where an event of d at instant t counts besides the whole: its clerk's,
 * its procedure's or its day's group; NULL when not grouped (or for the
 * open ones by day: open is now, not a day of the period). */
static struct stats_fig *group_of(struct stats *s, const struct dossier *d, int64_t t)
{
	char day[WHEN_LEN];

	switch (s->by) {
	case STATS_BY_CLERK:
		return group(s, d->assignee && *d->assignee ? d->assignee : "", NULL);
	case STATS_BY_PROCEDURE:
		return group(s, d->procedure_code ? d->procedure_code : "", d->procedure_name);
	case STATS_BY_DAY:
		return t ? group(s, when_iso_date(t, day, sizeof day), NULL) : NULL;
	case STATS_BY_NONE:
		break;
	}
	return NULL;
}

static void count_received(struct stats_fig *f, const struct dossier *d, int sup, int apo)
{
	f->received++;
	if (d->channel >= 1 && d->channel <= 3)
		f->channel[d->channel - 1]++;
	f->supplements += sup;
	f->apologies += apo;
}

static void count_resolved(struct stats_fig *f, enum timeliness tl, int64_t minutes)
{
	f->resolved++;
	if (tl == TL_EARLY)
		f->early++;
	else if (tl == TL_ON_TIME)
		f->on_time++;
	else
		f->late++;	/* as the sandbox: no due date judges late */
	f->minutes += minutes;
}

static void count_closed(struct stats_fig *f, int status)
{
	if (status == ST_REFUSED)
		f->refused++;
	else if (status == ST_WITHDRAWN)
		f->withdrawn++;
	else
		f->stopped++;
}

void stats_add(void *arg, const struct dossier *d, int supplements, int apologies)
{
	struct stats *s = arg;
	struct stats_fig *g;

	if (in_period(s, d->received_at)) {
		count_received(&s->all, d, supplements, apologies);
		if ((g = group_of(s, d, d->received_at)))
			count_received(g, d, supplements, apologies);
	}
	if ((d->status == ST_RESULT_READY || d->status == ST_RETURNED) &&
	    in_period(s, d->finished_at)) {
		enum timeliness tl = cal_timeliness(d->finished_at, d->due_at);
		int64_t m = d->received_at && d->finished_at > d->received_at ?
			    cal_working_minutes_between(s->cal, d->received_at, d->finished_at) : 0;

		count_resolved(&s->all, tl, m);
		if ((g = group_of(s, d, d->finished_at)))
			count_resolved(g, tl, m);
	}
	if ((d->status == ST_REFUSED || d->status == ST_WITHDRAWN || d->status == ST_STOPPED) &&
	    in_period(s, d->updated_at)) {
		count_closed(&s->all, d->status);
		if ((g = group_of(s, d, d->updated_at)))
			count_closed(g, d->status);
	}
}

static void count_open(struct stats_fig *f, const long *bands)
{
	for (int b = 0; b < BAND_NONE; b++) {
		f->open += bands[b];
		f->bands[b] += bands[b];
	}
}

void stats_add_open(void *arg, const struct dossier *key, const long *bands)
{
	struct stats *s = arg;
	struct stats_fig *g;

	count_open(&s->all, bands);
	if ((g = group_of(s, key, 0)))
		count_open(g, bands);
}

void stats_ratios(const struct stats_fig *f, struct stats_ratio out[STATS_RATIOS])
{
	static const char resolved_is[] = N_("resolved in the period (result ready at the desk)");

	out[STATS_ON_TIME_RATE] = (struct stats_ratio){
		"on_time_rate", N_("early or on time"), resolved_is,
		f->early + f->on_time, f->resolved };
	out[STATS_EARLY_RATE] = (struct stats_ratio){
		"early_rate", N_("early"), resolved_is, f->early, f->resolved };
	out[STATS_LATE_RATE] = (struct stats_ratio){
		"late_rate", N_("late"), resolved_is, f->late, f->resolved };
	out[STATS_ONLINE_SHARE] = (struct stats_ratio){
		"online_share", N_("received online"),
		N_("received in the period (all channels)"), f->channel[CH_ONLINE - 1],
		f->received };
	out[STATS_OPEN_OVERDUE] = (struct stats_ratio){
		"open_overdue", N_("overdue now"), N_("open with a running clock now"),
		f->bands[BAND_OVERDUE], f->open };
}

const char *stats_percent(long num, long den, char *buf, size_t len)
{
	if (den <= 0)
		snprintf(buf, len, "—");
	else
		snprintf(buf, len, "%.1f %%", 100.0 * (double)num / (double)den);
	return buf;
}

bool stats_avg_days(const struct stats *s, const struct stats_fig *f, double *days)
{
	if (!f->resolved)
		return false;
	*days = (double)f->minutes / (double)f->resolved / cal_day_minutes(s->cal);
	return true;
}

/* One figure: the local value as the server would write it. */
static int compare_one(const char *key, const char *local, const struct record *server,
		       struct sb *out)
{
	const char *v = record_get(server, key);

	if (!v || !strcmp(v, local))
		return 0;
	/* the server may write 0.9130 or 0.913: compare numbers when both are */
	if (*v && *local) {
		char *end;
		double a = strtod(v, &end);

		if (!*end && a == strtod(local, NULL))
			return 0;
	}
	sb_printf(out, "%s%s %s (%s %s)", out->len ? ", " : "", key, *local ? local : "—",
		  _("server"), *v ? v : "—");
	return 1;
}

static void ratio_text(const struct stats_ratio *r, char *buf, size_t len)
{
	if (r->den)
		snprintf(buf, len, "%.4f", (double)r->num / (double)r->den);
	else
		buf[0] = '\0';
}

int stats_compare(const struct stats *s, const struct record *server, char *diff,
		  size_t len)
{
	const struct stats_fig *f = &s->all;
	struct stats_ratio r[STATS_RATIOS];
	const struct {
		const char *key;
		long v;
	} counts[] = {
		{ "received", f->received }, { "resolved", f->resolved }, { "early", f->early },
		{ "on_time", f->on_time }, { "late", f->late },
		{ "open_overdue", f->bands[BAND_OVERDUE] },
	};
	struct sb out = { 0 };
	char v[32];
	double avg;
	int n = 0;

	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		snprintf(v, sizeof v, "%ld", counts[i].v);
		n += compare_one(counts[i].key, v, server, &out);
	}
	stats_ratios(f, r);
	ratio_text(&r[STATS_ON_TIME_RATE], v, sizeof v);
	n += compare_one("on_time_rate", v, server, &out);
	ratio_text(&r[STATS_ONLINE_SHARE], v, sizeof v);
	n += compare_one("online_share", v, server, &out);
	if (stats_avg_days(s, f, &avg))
		snprintf(v, sizeof v, "%.2f", avg);
	else
		v[0] = '\0';
	n += compare_one("average_processing_days", v, server, &out);
	snprintf(diff, len, "%s", sb_str(&out));
	sb_free(&out);
	return n;
}

int stats_stars(const struct stats *s, const struct stats_fig *f,
		const struct stats_stars_conf *c, unsigned *missed)
{
	long online = f->channel[CH_ONLINE - 1];
	double avg;
	int stars = 5;

	*missed = 0;
	if (f->resolved && (f->early + f->on_time) * 100 < (long)c->on_time_min * f->resolved)
		*missed |= STATS_CRIT_ON_TIME;
	if (f->received && online * 100 < (long)c->online_min * f->received)
		*missed |= STATS_CRIT_ONLINE;
	if (stats_avg_days(s, f, &avg) && avg > c->avg_days_max)
		*missed |= STATS_CRIT_AVG_DAYS;
	for (unsigned b = *missed; b; b &= b - 1)
		stars--;
	return stars;
}

const char *stats_crit_name(unsigned crit)
{
	switch (crit) {
	case STATS_CRIT_ON_TIME: return _("on-time rate");
	case STATS_CRIT_ONLINE: return _("online share");
	default: return _("average processing time");
	}
}
