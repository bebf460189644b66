#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "desk/deadline.h"
#include "notify.h"
#include "store/store_inbox.h"

/* A dossier a notice is about: its code and procedure, never whose it is. */
struct named {
	char *code, *procedure;
};

struct pending {
	struct named named[NOTIFY_NAMED];
	int n;			/* how many, named or not */
};

/* The bands a notice tells of, by the latest due time each reaches now. */
enum limit { LIMIT_TODAY, LIMIT_APOLOGY, LIMIT_HOURS, LIMITS };

struct notify {
	struct app *app;
	struct store *store;
	bool quiet;		/* the first sync of an empty store is under way */
	int desktop;		/* -1: not asked yet, 0: no, 1: yes */
	const char *channel;
	struct pending pending[NOTICE_KINDS];
	sqlite3_stmt *near, *put;
	/* What the last check judged: up to which due time each band reached
	 * (enum limit), and the store's changes then (this session's; a
	 * batch sync in another process is judged at the session's next
	 * sync). Until the store changes, the next check needs only the
	 * dossiers the bands reached since. */
	bool judged;
	int64_t reached[LIMITS];
	int64_t changes;
};

/* No more desktop notices this session: the terminal from now on. */
static void desktop_off(struct notify *n)
{
	if (n->desktop == 1) {
		loop_unwatch(&n->app->loop, notify_desktop_fd());
		notify_desktop_close();
	}
	n->desktop = 0;
}

/* The desktop could not show a notice queued for it (no notification
 * server answered): the bell tells it late, the terminal the next ones. */
static void desktop_failed(void *arg)
{
	struct notify *n = arg;

	if (!notify_desktop_failures())
		return;
	desktop_off(n);
	n->app->bell = true;
	n->channel = "terminal";
}

struct notify *notify_new(struct app *app, struct store *store)
{
	struct notify *n = xcalloc(1, sizeof *n);
	sqlite3 *db = store_db(store);

	n->app = app;
	n->store = store;
	n->quiet = store_meta_int(store, "synced_at") == 0;
	n->desktop = -1;
	n->channel = "";
	/* a failure leaves the statements NULL: without the first no
	 * deadline is told (the message says why), without the second each
	 * is told at every start, which is better than never */
	if (sqlite3_prepare_v2(db, "SELECT d.code, d.procedure_name, d.procedure_code, d.status,"
			       " d.due_at, coalesce(t.kinds, 0),"
			       " json_extract(d.detail, '$.due_history[#-1].reason') FROM dossiers d"
			       " LEFT JOIN notified t ON t.code = d.code AND t.due_at = d.due_at"
			       " WHERE d.due_at > ?1 AND (d.due_at > ?2 AND d.due_at <= ?3"
			       " OR d.due_at > ?4 AND d.due_at <= ?5 OR d.due_at > ?6 AND d.due_at <= ?7)",
			       -1, &n->near, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO notified (code, due_at, kinds) VALUES (?, ?, ?)",
			       -1, &n->put, NULL) != SQLITE_OK)
		app_message(app, MSG_ERROR, _("local store %s: cannot remember the notices given: %s"),
			    store_file(store), sqlite3_errmsg(db));
	/* finished or gone dossiers need no memory of their notices */
	sqlite3_exec(db, "DELETE FROM notified WHERE code NOT IN (SELECT code FROM dossiers)",
		     NULL, NULL, NULL);
	return n;
}

static void pending_clear(struct pending *p)
{
	for (int i = 0; i < p->n && i < NOTIFY_NAMED; i++) {
		free(p->named[i].code);
		free(p->named[i].procedure);
	}
	memset(p, 0, sizeof *p);
}

void notify_free(struct notify *n)
{
	if (!n)
		return;
	for (int k = 0; k < NOTICE_KINDS; k++)
		pending_clear(&n->pending[k]);
	sqlite3_finalize(n->near);
	sqlite3_finalize(n->put);
	desktop_off(n);
	free(n);
}

static void add(struct notify *n, enum notice_kind k, const struct dossier *d)
{
	struct pending *p = &n->pending[k];

	if (p->n < NOTIFY_NAMED) {
		p->named[p->n].code = xstrdup(dossier_number(d));
		p->named[p->n].procedure = xstrdup(d->procedure_name ? d->procedure_name :
						   d->procedure_code ? d->procedure_code : "");
	}
	p->n++;
}

void notify_arrived(struct notify *n, const struct dossier *items, int count)
{
	if (!n || n->quiet)
		return;
	for (int i = 0; i < count; i++)
		if (items[i].code && status_is_open(items[i].status) &&
		    !store_has_dossier(n->store, items[i].code))
			add(n, NOTICE_NEW, &items[i]);
}

void notify_synced(struct notify *n)
{
	if (n)
		n->quiet = false;
}

/* ---- deadlines ---- */

/* The notices one dossier is due: given after the reading is done, so the
 * read is not written under. */
struct fresh {
	char *code;
	int64_t due_at;
	unsigned kinds;
};

static void remember(struct notify *n, const struct fresh *f)
{
	if (!n->put)
		return;
	sqlite3_bind_text(n->put, 1, f->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(n->put, 2, f->due_at);
	sqlite3_bind_int(n->put, 3, (int)f->kinds);
	sqlite3_step(n->put);
	sqlite3_reset(n->put);
}

/* The deadline notices that apply to d now, as 1 << enum notice_kind. */
static unsigned due_kinds(const struct notify *n, const struct dossier *d, int64_t now)
{
	const struct app *app = n->app;
	unsigned kinds = 0;
	int hours = app->conf.notify_due_hours;

	if (!status_clock_runs(d->status) || !d->due_at || d->due_at <= now)
		return 0;
	switch (deadline_band(app->cal, d, now)) {
	case BAND_TODAY:
		kinds |= 1u << NOTICE_TODAY;
		break;
	case BAND_APOLOGY:
		kinds |= 1u << NOTICE_APOLOGY;
		break;
	default:
		break;
	}
	if (hours > 0 && cal_working_minutes_between(app->cal, now, d->due_at) <= (int64_t)hours * 60)
		kinds |= 1u << NOTICE_DUE_HOURS;
	return kinds;
}

/* The latest due time each band reaches now: due today, the apology's last
 * day today, due within the working hours asked for. Each limit is taken
 * one working minute further, where the calendar's answer starts to be
 * "no", so the index on due_at leaves out only dossiers that cannot be in
 * the band. As time passes each limit only moves forward. */
static void band_limits(const struct app *app, int64_t now, int64_t limit[LIMITS])
{
	struct cal_time t;
	int hours = app->conf.notify_due_hours;

	cal_split(now, &t);
	limit[LIMIT_TODAY] = cal_join(t.year, t.month, t.day, 0, 0, 0) + 86400;
	limit[LIMIT_APOLOGY] = cal_due(app->cal, limit[LIMIT_TODAY], cal_day_minutes(app->cal) + 1,
				       CAL_NO_CUTOFF);
	limit[LIMIT_HOURS] = hours > 0 ? cal_due(app->cal, now, hours * 60 + 1, CAL_NO_CUTOFF) : 0;
}

/* One read of the store per check, in one transaction: the dossiers due
 * before the bands' limits, with the notices they were given. When the
 * store has not changed since the last check, only those the limits
 * reached since then: an idle minute reads a handful. */
static void judge_deadlines(struct notify *n)
{
	struct app *app = n->app;
	sqlite3 *db = store_db(n->store);
	int64_t now = app_now(app), limit[LIMITS];
	bool whole = !n->judged || sqlite3_total_changes64(db) != n->changes;
	struct fresh *fresh = NULL;
	size_t nfresh = 0, cap = 0;

	if (!n->near || sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return;
	band_limits(app, now, limit);
	sqlite3_bind_int64(n->near, 1, now);
	for (int b = 0; b < LIMITS; b++) {
		sqlite3_bind_int64(n->near, 2 + 2 * b, whole ? now : n->reached[b]);
		sqlite3_bind_int64(n->near, 3 + 2 * b, limit[b]);
	}
	while (sqlite3_step(n->near) == SQLITE_ROW) {
		/* whether the date was moved for an apology already: known from
		 * the last whole read of the dossier, as the band needs it */
		struct due_change last = { .reason = (char *)sqlite3_column_text(n->near, 6) };
		struct dossier d = {
			.code = (char *)sqlite3_column_text(n->near, 0),
			.procedure_name = (char *)sqlite3_column_text(n->near, 1),
			.procedure_code = (char *)sqlite3_column_text(n->near, 2),
			.status = sqlite3_column_int(n->near, 3),
			.due_at = sqlite3_column_int64(n->near, 4),
			.due_history = last.reason ? &last : NULL,
			.ndue = last.reason ? 1 : 0,
		};
		unsigned want = due_kinds(n, &d, now), had = (unsigned)sqlite3_column_int(n->near, 5);
		unsigned now_told = want & ~had;

		if (!now_told || !d.code)
			continue;
		/* entering two bands at once is one notice: the most urgent */
		if (now_told & (1u << NOTICE_TODAY))
			add(n, NOTICE_TODAY, &d);
		else if (now_told & (1u << NOTICE_APOLOGY))
			add(n, NOTICE_APOLOGY, &d);
		else
			add(n, NOTICE_DUE_HOURS, &d);
		if (nfresh == cap) {
			cap = cap ? 2 * cap : 16;
			fresh = xrealloc(fresh, cap * sizeof *fresh);
		}
		fresh[nfresh++] = (struct fresh){ xstrdup(d.code), d.due_at, had | want };
	}
	sqlite3_reset(n->near);
	for (size_t i = 0; i < nfresh; i++) {
		remember(n, &fresh[i]);
		free(fresh[i].code);
	}
	free(fresh);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	memcpy(n->reached, limit, sizeof limit);
	n->judged = true;
	n->changes = sqlite3_total_changes64(db);
}

/* ---- telling ---- */

static void summary_of(const struct notify *n, enum notice_kind k, int count, char *buf, size_t len)
{
	int hours = n->app->conf.notify_due_hours;

	switch (k) {
	case NOTICE_NEW:
		snprintf(buf, len, P_("%d new dossier", "%d new dossiers", count), count);
		break;
	case NOTICE_TODAY:
		snprintf(buf, len, P_("%d dossier due today", "%d dossiers due today", count), count);
		break;
	case NOTICE_APOLOGY:
		snprintf(buf, len, P_("%d dossier: last day to send the apology with a new date",
				      "%d dossiers: last day to send the apology with a new date", count), count);
		break;
	case NOTICE_DUE_HOURS:
		/* TRANSLATORS: %d dossiers, due within %d working hours */
		snprintf(buf, len, P_("%d dossier due within %d working hours",
				      "%d dossiers due within %d working hours", count), count, hours);
		break;
	case NOTICE_KINDS:
		break;
	}
}

/* One line per dossier named, "CODE  procedure", and how many more. */
static void body_of(const struct pending *p, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < p->n && i < NOTIFY_NAMED; i++) {
		int w = snprintf(buf + used, len - used, "%s%s  %s", i ? "\n" : "",
				 p->named[i].code, p->named[i].procedure);

		if (w < 0 || (size_t)w >= len - used)
			return;
		used += (size_t)w;
	}
	if (p->n > NOTIFY_NAMED)
		snprintf(buf + used, len - used, P_("\nand %d more", "\nand %d more", p->n - NOTIFY_NAMED),
			 p->n - NOTIFY_NAMED);
}

static bool desktop(struct notify *n)
{
	struct err e;

	if (n->desktop < 0) {
		n->desktop = notify_desktop_open();
		/* without the watch a failure is not told late, only the next
		 * notices go to the terminal */
		if (n->desktop == 1)
			loop_watch(&n->app->loop, notify_desktop_fd(), desktop_failed, n, &e);
	}
	return n->desktop == 1;
}

static void deliver(struct notify *n, enum notice_kind k)
{
	struct app *app = n->app;
	struct pending *p = &n->pending[k];
	char summary[256], body[1024];

	summary_of(n, k, p->n, summary, sizeof summary);
	body_of(p, body, sizeof body);
	if (!app->conf.notify) {
		n->channel = "status line";
	} else if (desktop(n) && notify_desktop_show(summary, body, k == NOTICE_TODAY) == 0) {
		n->channel = "desktop";
	} else {
		/* the server went away or hangs: the terminal from now on */
		desktop_off(n);
		app->bell = true;
		n->channel = "terminal";
	}
	/* the status line as well: it stays on the screen the clerk looks at */
	if (p->n == 1)
		app_message(app, MSG_INFO, "%s: %s  %s", summary, p->named[0].code, p->named[0].procedure);
	else
		app_message(app, MSG_INFO, "%s", summary);
}

int notify_check(struct notify *n)
{
	/* the most urgent last: it is the one left on the status line */
	static const enum notice_kind order[] = {
		NOTICE_NEW, NOTICE_DUE_HOURS, NOTICE_APOLOGY, NOTICE_TODAY,
	};
	int told_now = 0;

	if (!n)
		return 0;
	judge_deadlines(n);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		enum notice_kind kind = order[i];

		if (!n->pending[kind].n)
			continue;
		deliver(n, kind);
		pending_clear(&n->pending[kind]);
		told_now++;
	}
	return told_now;
}

const char *notify_channel(const struct notify *n)
{
	return n->channel;
}
