/* The desk's indicators (DOMAIN.md "Evaluation indicators"), counted from
 * the local store the way the sandbox's GET /stats counts them, so they
 * work offline and the two can be compared:
 *   received   received in the period, by channel;
 *   resolved   result ready at the desk in the period (status result-ready
 *              or returned, finished in the period), judged early / on
 *              time / late by cal_timeliness();
 *   refused, withdrawn, stopped: in that status, last changed in the period;
 *   supplement rounds and apologies: in the due-date history of the
 *              dossiers received in the period (only those whose details
 *              the store holds);
 *   open now   a running clock and a due date, by deadline band at `now`
 *              (counted by the store per band: stats_add_open);
 *   average processing time: working minutes from receipt to result ready
 *              over the resolved ones, in working days.
 * Every ratio keeps its numerator and denominator; a zero denominator
 * has no value ("—"), never 0 %. */
#ifndef MOTCUA_STATS_H
#define MOTCUA_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/model.h"
#include "deadline.h"

enum stats_by {
	STATS_BY_NONE,
	STATS_BY_CLERK,		/* the assignee, as the API names them */
	STATS_BY_PROCEDURE,
	STATS_BY_DAY,		/* each event on its own day */
};

struct stats_fig {
	char *key;		/* clerk, procedure code or YYYY-MM-DD; NULL: all */
	char *name;		/* a procedure's name, else NULL */
	long received, channel[3];	/* at the desk, online, by post */
	long resolved, early, on_time, late;
	long refused, withdrawn, stopped, supplements, apologies;
	long open, bands[BAND_NONE];	/* not by day: open is now */
	int64_t minutes;	/* receipt to result, summed over resolved */
};

struct stats {
	const struct cal *cal;
	int64_t from, to, now;	/* the period is [from, to) */
	enum stats_by by;
	struct stats_fig all;
	struct stats_fig *groups;	/* sorted by key */
	size_t ngroups, cap;
};

enum stats_period {
	STATS_TODAY,
	STATS_WEEK,		/* Monday to Sunday */
	STATS_MONTH,
	STATS_QUARTER,
	STATS_YEAR,
	STATS_PERIODS,
};

/* The calendar period holding now, as [from, to). */
void stats_period(enum stats_period p, int64_t now, int64_t *from, int64_t *to);
/* Its name for a person, translated ("this week"). */
const char *stats_period_name(enum stats_period p);

void stats_init(struct stats *s, const struct cal *c, int64_t from, int64_t to,
		int64_t now, enum stats_by by);
/* Count one dossier's events in the period: received, resolved, closed
 * (a store_stats_fn: arg is the struct stats). */
void stats_add(void *arg, const struct dossier *d, int supplements, int apologies);
/* Count open dossiers by band, bands[BAND_NONE] in the order of enum
 * band, for the whole desk and the group of key (its assignee or its
 * procedure; none by day: open is now); a store_open_fn. */
void stats_add_open(void *arg, const struct dossier *key, const long *bands);
void stats_free(struct stats *s);

/* A ratio as the sandbox reports it: name, what the numerator and the
 * denominator count (English, N_()-marked: translate to show). */
struct stats_ratio {
	const char *name, *num_is, *den_is;
	long num, den;
};

enum {
	STATS_ON_TIME_RATE,
	STATS_EARLY_RATE,
	STATS_LATE_RATE,
	STATS_ONLINE_SHARE,
	STATS_OPEN_OVERDUE,
	STATS_RATIOS,
};

void stats_ratios(const struct stats_fig *f, struct stats_ratio out[STATS_RATIOS]);
/* "88.2 %", or "—" when den is 0. */
const char *stats_percent(long num, long den, char *buf, size_t len);
/* Average working days from receipt to result, false when none resolved. */
bool stats_avg_days(const struct stats *s, const struct stats_fig *f, double *days);

/* The server's figures (a record read through the profile's "stats"
 * mapping: received, resolved, early, on_time, late, on_time_rate,
 * online_share, open_overdue, average_processing_days) against the local
 * ones of the whole desk: the number of figures that differ, each written
 * into diff as "received 73 (server 75)", separated by ", ". A figure the
 * server does not give is not compared. */
int stats_compare(const struct stats *s, const struct record *server, char *diff,
		  size_t len);

/* The star rating a leader proposes for a desk (settings stars-*): five
 * stars, less one for each criterion below its threshold. A criterion
 * with nothing to judge by (nothing resolved, nothing received) costs
 * nothing. Satisfaction, the fourth criterion of the provinces' rating,
 * is in neither the store nor the server's statistics, so it costs none. */
struct stats_stars_conf {
	int on_time_min;	/* per cent */
	int online_min;		/* per cent */
	int avg_days_max;	/* working days */
};

enum {
	STATS_CRIT_ON_TIME = 1 << 0,
	STATS_CRIT_ONLINE = 1 << 1,
	STATS_CRIT_AVG_DAYS = 1 << 2,
};

/* Stars 2..5; *missed gets the STATS_CRIT_* bits that cost one each. */
int stats_stars(const struct stats *s, const struct stats_fig *f,
		const struct stats_stars_conf *c, unsigned *missed);
/* The criterion's name for a person, translated. */
const char *stats_crit_name(unsigned crit);

#endif
