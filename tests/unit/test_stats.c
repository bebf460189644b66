/* The desk's indicators from hand-made stores: every ratio with its
 * numerator and denominator, zero denominators, a period across Tết, the
 * desk's whole and a leader's groups (by clerk, by procedure, by day), the
 * star rating. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/session.h"
#include "check_main.h"
#include "core/calendar.h"
#include "core/xalloc.h"
#include "desk/stats.h"
#include "store/store.h"

#define T(y, mo, d, h, mi) cal_join((y), (mo), (d), (h), (mi), 0)

static char dir[64], db[128];
static struct store *st;
static struct cal *cal;
static int serial;

static void setup(void)
{
	struct err e = { "" };

	snprintf(dir, sizeof dir, "/tmp/motcua-stats.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/t.db", dir);
	st = store_open(db, &e);
	ck_assert_msg(st != NULL, "%s", e.msg);
	cal = cal_new();
	serial = 0;
}

static void teardown(void)
{
	char cmd[128];

	store_close(st);
	cal_free(cal);
	/* the database with SQLite's -wal and -shm */
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* One dossier into the store; apologies/supplements as due history. */
static void put(const char *proc, const char *clerk, int status, int channel,
		int64_t received, int64_t due, int64_t finished, int64_t updated,
		int supplements, int apologies)
{
	struct dossier d;
	struct due_change h[4];
	struct err e = { "" };
	char code[32];
	int n = 0;

	memset(&d, 0, sizeof d);
	memset(h, 0, sizeof h);
	snprintf(code, sizeof code, "H%04d", ++serial);
	d.code = code;
	d.procedure_code = (char *)proc;
	d.procedure_name = (char *)(strcmp(proc, "P1") ? "Thủ tục hai" : "Thủ tục một");
	d.assignee = (char *)clerk;
	d.status = status;
	d.channel = channel;
	d.received_at = received;
	d.due_at = due;
	d.finished_at = finished;
	d.updated_at = updated ? updated : received;
	d.version = "1";
	while (supplements-- > 0 && n < 4)
		h[n++] = (struct due_change){ due - 86400, due, received + 60, "supplement" };
	while (apologies-- > 0 && n < 4)
		h[n++] = (struct due_change){ due - 86400, due, received + 120, "apology" };
	d.due_history = h;
	d.ndue = n;
	ck_assert_msg(store_put_dossier(st, &d, true, 1, &e) == 0, "%s", e.msg);
}

static void compute(struct stats *s, int64_t from, int64_t to, int64_t now,
		    enum stats_by by)
{
	struct err e = { "" };

	stats_init(s, cal, from, to, now, by);
	ck_assert_msg(session_count_stats(st, s, &e) == 0, "%s", e.msg);
}

START_TEST(empty_store_has_no_ratios)
{
	struct stats s;
	struct stats_ratio r[STATS_RATIOS];
	char buf[32];
	double avg;

	compute(&s, T(2025, 10, 1, 0, 0), T(2025, 11, 1, 0, 0), T(2025, 10, 15, 9, 0),
		STATS_BY_NONE);
	stats_ratios(&s.all, r);
	for (int i = 0; i < STATS_RATIOS; i++) {
		ck_assert_int_eq(r[i].den, 0);
		ck_assert_str_eq(stats_percent(r[i].num, r[i].den, buf, sizeof buf), "—");
	}
	ck_assert_str_eq(r[STATS_ON_TIME_RATE].den_is,
			 "resolved in the period (result ready at the desk)");
	ck_assert(!stats_avg_days(&s, &s.all, &avg));
	stats_free(&s);
}
END_TEST

START_TEST(every_ratio_counts)
{
	int64_t from = T(2025, 10, 1, 0, 0), to = T(2025, 11, 1, 0, 0);
	int64_t now = T(2025, 10, 20, 10, 0);
	struct stats s;
	struct stats_ratio r[STATS_RATIOS];
	char buf[32];
	double avg;

	/* early: ready Mon, due Tue; 1 working day from Mon 9:00 to Tue 9:00 */
	put("P1", "An", ST_RETURNED, CH_ONLINE, T(2025, 10, 6, 9, 0),
	    T(2025, 10, 8, 9, 0), T(2025, 10, 7, 9, 0), 0, 1, 0);
	/* on time: ready 09:00, due 15:00 the same day (not early) */
	put("P1", "An", ST_RESULT_READY, CH_DIRECT, T(2025, 10, 8, 9, 0),
	    T(2025, 10, 9, 15, 0), T(2025, 10, 9, 9, 0), 0, 0, 1);
	/* late */
	put("P2", "Bình", ST_RETURNED, CH_POSTAL, T(2025, 10, 6, 9, 0),
	    T(2025, 10, 7, 9, 0), T(2025, 10, 7, 10, 0), 0, 2, 0);
	/* received in September, resolved in October: resolved, not received */
	put("P2", "Bình", ST_RETURNED, CH_ONLINE, T(2025, 9, 29, 9, 0),
	    T(2025, 10, 2, 9, 0), T(2025, 10, 1, 9, 0), 0, 0, 0);
	/* refused, withdrawn, stopped in the period; one refused before it */
	put("P1", "An", ST_REFUSED, CH_ONLINE, T(2025, 10, 10, 9, 0), 0, 0,
	    T(2025, 10, 10, 9, 30), 0, 0);
	put("P1", "An", ST_REFUSED, CH_DIRECT, T(2025, 9, 10, 9, 0), 0, 0,
	    T(2025, 9, 10, 9, 30), 0, 0);
	put("P2", "Bình", ST_WITHDRAWN, CH_DIRECT, T(2025, 10, 13, 9, 0),
	    T(2025, 10, 20, 9, 0), 0, T(2025, 10, 14, 9, 0), 0, 0);
	put("P2", "Bình", ST_STOPPED, CH_DIRECT, T(2025, 10, 13, 9, 0),
	    T(2025, 10, 20, 9, 0), 0, T(2025, 10, 15, 9, 0), 0, 0);
	/* open now: one overdue, one in time, one whose apology day is today
	 * and one already apologised for (so in time, no apology band); a
	 * supplement stops the clock */
	put("P1", "An", ST_PROCESSING, CH_DIRECT, T(2025, 9, 1, 9, 0),
	    T(2025, 10, 21, 10, 0), 0, 0, 0, 0);
	put("P1", "An", ST_PROCESSING, CH_DIRECT, T(2025, 9, 1, 9, 0),
	    T(2025, 10, 21, 10, 0), 0, 0, 0, 1);
	put("P1", "An", ST_PROCESSING, CH_ONLINE, T(2025, 10, 14, 9, 0),
	    T(2025, 10, 17, 9, 0), 0, 0, 0, 0);
	put("P2", "Bình", ST_ACCEPTED, CH_DIRECT, T(2025, 10, 20, 8, 0),
	    T(2025, 11, 20, 8, 0), 0, 0, 0, 0);
	put("P2", "Bình", ST_SUPPLEMENT, CH_DIRECT, T(2025, 10, 16, 8, 0),
	    T(2025, 11, 20, 8, 0), 0, 0, 0, 0);

	compute(&s, from, to, now, STATS_BY_NONE);
	ck_assert_int_eq(s.all.received, 9);
	ck_assert_int_eq(s.all.channel[0], 5);
	ck_assert_int_eq(s.all.channel[1], 3);
	ck_assert_int_eq(s.all.channel[2], 1);
	ck_assert_int_eq(s.all.resolved, 4);
	ck_assert_int_eq(s.all.early, 2);
	ck_assert_int_eq(s.all.on_time, 1);
	ck_assert_int_eq(s.all.late, 1);
	ck_assert_int_eq(s.all.refused, 1);
	ck_assert_int_eq(s.all.withdrawn, 1);
	ck_assert_int_eq(s.all.stopped, 1);
	ck_assert_int_eq(s.all.supplements, 3);
	ck_assert_int_eq(s.all.apologies, 1);
	ck_assert_int_eq(s.all.open, 4);
	ck_assert_int_eq(s.all.bands[BAND_OVERDUE], 1);
	ck_assert_int_eq(s.all.bands[BAND_APOLOGY], 1);
	ck_assert_int_eq(s.all.bands[BAND_SOON], 1);
	ck_assert_int_eq(s.all.bands[BAND_OK], 1);
	stats_ratios(&s.all, r);
	ck_assert_int_eq(r[STATS_ON_TIME_RATE].num, 3);
	ck_assert_int_eq(r[STATS_ON_TIME_RATE].den, 4);
	ck_assert_str_eq(stats_percent(r[STATS_ON_TIME_RATE].num, r[STATS_ON_TIME_RATE].den,
				       buf, sizeof buf), "75.0 %");
	ck_assert_int_eq(r[STATS_LATE_RATE].num, 1);
	ck_assert_int_eq(r[STATS_ONLINE_SHARE].num, 3);
	ck_assert_int_eq(r[STATS_ONLINE_SHARE].den, 9);
	ck_assert_int_eq(r[STATS_OPEN_OVERDUE].num, 1);
	ck_assert_int_eq(r[STATS_OPEN_OVERDUE].den, 4);
	/* 1 + 1 (Wed 9:00 -> Thu 9:00) + 1h (Mon 9 -> Tue 10 = 1 day 1 h)
	 * + 2 days (Mon 29 Sep 9:00 -> Wed 1 Oct 9:00) */
	ck_assert(stats_avg_days(&s, &s.all, &avg));
	ck_assert_int_eq((int)(avg * 480 * 4 + 0.5), 480 + 480 + 540 + 960);
	stats_free(&s);
}
END_TEST

/* Fri 13 Feb 2026 16:00 to Mon 23 Feb 16:00 is one working day: the
 * five Tết days and two weekends between count nothing. */
START_TEST(period_across_tet)
{
	struct stats s;
	double avg;

	put("P1", "An", ST_RETURNED, CH_DIRECT, T(2026, 2, 13, 16, 0),
	    T(2026, 2, 24, 16, 0), T(2026, 2, 23, 16, 0), 0, 0, 0);
	compute(&s, T(2026, 2, 1, 0, 0), T(2026, 3, 1, 0, 0), T(2026, 2, 25, 9, 0),
		STATS_BY_NONE);
	ck_assert_int_eq(s.all.resolved, 1);
	ck_assert_int_eq(s.all.early, 1);
	ck_assert(stats_avg_days(&s, &s.all, &avg));
	ck_assert_msg(avg > 0.999 && avg < 1.001, "average %f working days", avg);
	stats_free(&s);
	/* a period of Tết alone holds nothing */
	compute(&s, T(2026, 2, 16, 0, 0), T(2026, 2, 21, 0, 0), T(2026, 2, 25, 9, 0),
		STATS_BY_NONE);
	ck_assert_int_eq(s.all.received + s.all.resolved, 0);
	stats_free(&s);
}
END_TEST

/* A leader's view: each clerk and each procedure; a clerk's desk whole. */
START_TEST(leader_and_clerk_scope)
{
	int64_t from = T(2025, 10, 1, 0, 0), to = T(2025, 11, 1, 0, 0);
	int64_t now = T(2025, 10, 20, 10, 0);
	struct stats s;

	put("P1", "An", ST_RETURNED, CH_ONLINE, T(2025, 10, 6, 9, 0),
	    T(2025, 10, 8, 9, 0), T(2025, 10, 7, 9, 0), 0, 0, 0);
	put("P2", "An", ST_RETURNED, CH_DIRECT, T(2025, 10, 6, 9, 0),
	    T(2025, 10, 7, 9, 0), T(2025, 10, 7, 10, 0), 0, 0, 0);
	put("P2", "Bình", ST_PROCESSING, CH_DIRECT, T(2025, 10, 7, 9, 0),
	    T(2025, 10, 17, 9, 0), 0, 0, 0, 0);

	compute(&s, from, to, now, STATS_BY_CLERK);
	ck_assert_int_eq(s.ngroups, 2);
	ck_assert_str_eq(s.groups[0].key, "An");
	ck_assert_int_eq(s.groups[0].received, 2);
	ck_assert_int_eq(s.groups[0].resolved, 2);
	ck_assert_int_eq(s.groups[0].late, 1);
	ck_assert_int_eq(s.groups[0].open, 0);
	ck_assert_str_eq(s.groups[1].key, "Bình");
	ck_assert_int_eq(s.groups[1].received, 1);
	ck_assert_int_eq(s.groups[1].resolved, 0);
	ck_assert_int_eq(s.groups[1].bands[BAND_OVERDUE], 1);
	ck_assert_int_eq(s.all.received, 3);
	stats_free(&s);

	compute(&s, from, to, now, STATS_BY_PROCEDURE);
	ck_assert_int_eq(s.ngroups, 2);
	ck_assert_str_eq(s.groups[0].key, "P1");
	ck_assert_str_eq(s.groups[0].name, "Thủ tục một");
	ck_assert_int_eq(s.groups[0].early, 1);
	ck_assert_int_eq(s.groups[1].received, 2);
	ck_assert_int_eq(s.groups[1].late, 1);
	stats_free(&s);

	/* by day: received on its day, resolved on its own */
	compute(&s, from, to, now, STATS_BY_DAY);
	ck_assert_int_eq(s.ngroups, 2);
	ck_assert_str_eq(s.groups[0].key, "2025-10-06");
	ck_assert_int_eq(s.groups[0].received, 2);
	ck_assert_int_eq(s.groups[0].resolved, 0);
	ck_assert_str_eq(s.groups[1].key, "2025-10-07");
	ck_assert_int_eq(s.groups[1].received, 1);
	ck_assert_int_eq(s.groups[1].resolved, 2);
	ck_assert_int_eq(s.groups[1].open, 0);
	stats_free(&s);
}
END_TEST

START_TEST(periods)
{
	int64_t from, to, now = T(2025, 11, 20, 10, 0);	/* a Thursday */

	stats_period(STATS_TODAY, now, &from, &to);
	ck_assert(from == T(2025, 11, 20, 0, 0) && to == T(2025, 11, 21, 0, 0));
	stats_period(STATS_WEEK, now, &from, &to);
	ck_assert(from == T(2025, 11, 17, 0, 0) && to == T(2025, 11, 24, 0, 0));
	stats_period(STATS_MONTH, now, &from, &to);
	ck_assert(from == T(2025, 11, 1, 0, 0) && to == T(2025, 12, 1, 0, 0));
	stats_period(STATS_QUARTER, now, &from, &to);
	ck_assert(from == T(2025, 10, 1, 0, 0) && to == T(2026, 1, 1, 0, 0));
	stats_period(STATS_YEAR, now, &from, &to);
	ck_assert(from == T(2025, 1, 1, 0, 0) && to == T(2026, 1, 1, 0, 0));
	/* a Sunday's week started the Monday before */
	stats_period(STATS_WEEK, T(2025, 11, 23, 10, 0), &from, &to);
	ck_assert(from == T(2025, 11, 17, 0, 0));
}
END_TEST

START_TEST(stars)
{
	struct stats_stars_conf c = { 95, 50, 3 };
	struct stats s;
	unsigned missed;

	compute(&s, T(2025, 10, 1, 0, 0), T(2025, 11, 1, 0, 0), T(2025, 10, 20, 10, 0),
		STATS_BY_NONE);
	/* nothing to judge by: five stars, nothing costs one */
	ck_assert_int_eq(stats_stars(&s, &s.all, &c, &missed), 5);
	ck_assert_int_eq(missed, 0);
	stats_free(&s);
	put("P1", "An", ST_RETURNED, CH_DIRECT, T(2025, 10, 6, 9, 0),
	    T(2025, 10, 7, 9, 0), T(2025, 10, 7, 10, 0), 0, 0, 0);
	put("P1", "An", ST_RETURNED, CH_ONLINE, T(2025, 10, 6, 9, 0),
	    T(2025, 10, 9, 9, 0), T(2025, 10, 7, 10, 0), 0, 0, 0);
	compute(&s, T(2025, 10, 1, 0, 0), T(2025, 11, 1, 0, 0), T(2025, 10, 20, 10, 0),
		STATS_BY_NONE);
	/* one of two late (50 % < 95 %), one of two online (50 % is enough),
	 * 1 day 1 h on average is within 3 days */
	ck_assert_int_eq(stats_stars(&s, &s.all, &c, &missed), 4);
	ck_assert_int_eq(missed, STATS_CRIT_ON_TIME);
	c.online_min = 51;
	c.avg_days_max = 1;
	ck_assert_int_eq(stats_stars(&s, &s.all, &c, &missed), 2);
	ck_assert_int_eq(missed, STATS_CRIT_ON_TIME | STATS_CRIT_ONLINE | STATS_CRIT_AVG_DAYS);
	ck_assert_str_eq(stats_crit_name(STATS_CRIT_AVG_DAYS), "average processing time");
	stats_free(&s);
}
END_TEST

/* The store's counts equal each dossier counted one by one (stats_add,
 * and deadline_band for the open ones) on a random desk, at instants that
 * reach every band, for the desk, each clerk and each procedure. */
static void same_fig(const struct stats_fig *a, const struct stats_fig *b)
{
	ck_assert_str_eq(a->key ? a->key : "", b->key ? b->key : "");
	ck_assert_int_eq(a->received, b->received);
	for (int c = 0; c < 3; c++)
		ck_assert_int_eq(a->channel[c], b->channel[c]);
	ck_assert_int_eq(a->resolved, b->resolved);
	ck_assert_int_eq(a->early, b->early);
	ck_assert_int_eq(a->on_time, b->on_time);
	ck_assert_int_eq(a->late, b->late);
	ck_assert_int_eq(a->refused, b->refused);
	ck_assert_int_eq(a->withdrawn, b->withdrawn);
	ck_assert_int_eq(a->stopped, b->stopped);
	ck_assert_int_eq(a->supplements, b->supplements);
	ck_assert_int_eq(a->apologies, b->apologies);
	ck_assert_int_eq(a->open, b->open);
	for (int k = 0; k < BAND_NONE; k++)
		ck_assert_int_eq(a->bands[k], b->bands[k]);
	ck_assert(a->minutes == b->minutes);
}

START_TEST(store_counts_as_each_dossier)
{
	static const char *const procs[] = { "P1", "P2" }, *const clerks[] = { "An", "Bình", "" };
	enum { N = 400 };
	int64_t from = T(2025, 10, 1, 0, 0), to = T(2025, 11, 1, 0, 0);
	struct dossier d[N];
	struct due_change last[N];
	int sup[N], apo[N];
	unsigned rng = 7;

	for (int i = 0; i < N; i++) {
		int64_t rec;

		rng = rng * 1103515245u + 12345u;
		rec = T(2025, 9, 1, 8, 0) + (int64_t)(rng >> 8) % (90 * 86400);
		memset(&d[i], 0, sizeof d[i]);
		d[i].procedure_code = (char *)procs[i % 2];
		d[i].procedure_name = (char *)(i % 2 ? "Thủ tục hai" : "Thủ tục một");
		d[i].assignee = (char *)clerks[i % 3];
		d[i].status = 1 + (int)((rng >> 4) % 10);
		d[i].channel = 1 + i % 3;
		d[i].received_at = rec;
		d[i].due_at = i % 17 ? rec + (int64_t)(1 + (rng >> 12) % 20) * 43200 : 0;
		d[i].finished_at = d[i].status >= ST_RESULT_READY ? rec + (int64_t)(rng >> 16) % (12 * 86400) : 0;
		d[i].updated_at = rec + (int64_t)(rng >> 3) % (5 * 86400);
		sup[i] = i % 5 == 0;
		apo[i] = i % 7 == 0;
		put(d[i].procedure_code, d[i].assignee, d[i].status, d[i].channel, d[i].received_at,
		    d[i].due_at, d[i].finished_at, d[i].updated_at, sup[i], apo[i]);
		/* as the store reads it back: the last change's reason */
		last[i] = (struct due_change){ .reason = apo[i] ? "apology" : sup[i] ? "supplement" : NULL };
		d[i].due_history = &last[i];
		d[i].ndue = last[i].reason != NULL;
	}
	for (int64_t now = T(2025, 10, 1, 9, 0); now < T(2025, 12, 1, 0, 0); now += 5 * 3600 + 1234) {
		for (enum stats_by by = STATS_BY_NONE; by <= STATS_BY_PROCEDURE; by++) {
			struct stats s, ref;

			compute(&s, from, to, now, by);
			stats_init(&ref, cal, from, to, now, by);
			for (int i = 0; i < N; i++) {
				long bands[BAND_NONE] = { 0 };

				stats_add(&ref, &d[i], sup[i], apo[i]);
				if (status_clock_runs(d[i].status) && d[i].due_at) {
					bands[deadline_band(cal, &d[i], now)] = 1;
					stats_add_open(&ref, &d[i], bands);
				}
			}
			same_fig(&s.all, &ref.all);
			ck_assert_int_eq(s.ngroups, ref.ngroups);
			for (size_t g = 0; g < s.ngroups; g++)
				same_fig(&s.groups[g], &ref.groups[g]);
			stats_free(&s);
			stats_free(&ref);
		}
	}
}
END_TEST

/* SQLite's count of steps through a whole table, over every statement run. */
static int full_scans;

static int on_profile(unsigned kind, void *arg, void *stmt, void *x)
{
	(void)arg;
	(void)x;
	if (kind == SQLITE_TRACE_PROFILE)
		full_scans += sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
	return 0;
}

/* A period's figures read index ranges: their cost is the period's
 * dossiers and the open ones (a partial index of those alone, walked
 * whole when grouped by clerk or procedure), not the store's history. */
START_TEST(counting_reads_no_history)
{
	struct stats s;

	for (int i = 0; i < 60; i++)
		put("P1", "An", i % 2 ? ST_RETURNED : ST_REFUSED, CH_DIRECT, T(2024, 3, 1, 9, i),
		    T(2024, 3, 8, 9, 0), i % 2 ? T(2024, 3, 5, 9, 0) : 0, 0, 0, 0);
	for (int i = 0; i < 5; i++)
		put("P2", "Bình", ST_PROCESSING, CH_DIRECT, T(2025, 9, 1, 9, i), T(2025, 9, 8, 9, 0), 0, 0,
		    0, 0);
	ck_assert_int_eq(sqlite3_trace_v2(store_db(st), SQLITE_TRACE_PROFILE, on_profile, NULL), SQLITE_OK);
	for (enum stats_by by = STATS_BY_NONE; by <= STATS_BY_DAY; by++) {
		full_scans = 0;
		compute(&s, T(2025, 10, 1, 0, 0), T(2025, 11, 1, 0, 0), T(2025, 10, 20, 10, 0), by);
		ck_assert_int_eq(s.all.open, 5);
		ck_assert_int_eq(s.all.received, 0);
		ck_assert_msg(full_scans <= 5, "%d steps through a whole table or index, grouped %d",
			      full_scans, by);
		stats_free(&s);
	}
	sqlite3_trace_v2(store_db(st), 0, NULL, NULL);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("desk");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, empty_store_has_no_ratios);
	tcase_add_test(tc, every_ratio_counts);
	tcase_add_test(tc, period_across_tet);
	tcase_add_test(tc, leader_and_clerk_scope);
	tcase_add_test(tc, periods);
	tcase_add_test(tc, stars);
	tcase_add_test(tc, store_counts_as_each_dossier);
	tcase_add_test(tc, counting_reads_no_history);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
