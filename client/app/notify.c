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

struct notify {
	struct app *app;
	struct store *store;
	bool quiet;		/* the first sync of an empty store is under way */
	int desktop;		/* -1: not asked yet, 0: no, 1: yes */
	const char *channel;
	struct pending pending[NOTICE_KINDS];
	sqlite3_stmt *get, *put;
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
	/* a failure leaves the statements NULL: deadlines are then told at
	 * every start, which is better than never */
	if (sqlite3_prepare_v2(db, "SELECT kinds FROM notified WHERE code = ? AND due_at = ?", -1,
			       &n->get, NULL) != SQLITE_OK ||
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
	sqlite3_finalize(n->get);
	sqlite3_finalize(n->put);
	desktop_off(n);
	free(n);
}

static void add(struct notify *n, enum notice_kind k, const struct dossier *d)
{
	struct pending *p = &n->pending[k];

	if (p->n < NOTIFY_NAMED) {
		p->named[p->n].code = xstrdup(d->code);
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

static unsigned told(struct notify *n, const struct dossier *d)
{
	unsigned kinds = 0;

	if (!n->get)
		return 0;
	sqlite3_bind_text(n->get, 1, d->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(n->get, 2, d->due_at);
	if (sqlite3_step(n->get) == SQLITE_ROW)
		kinds = (unsigned)sqlite3_column_int(n->get, 0);
	sqlite3_reset(n->get);
	return kinds;
}

static void remember(struct notify *n, const struct dossier *d, unsigned kinds)
{
	if (!n->put)
		return;
	sqlite3_bind_text(n->put, 1, d->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(n->put, 2, d->due_at);
	sqlite3_bind_int(n->put, 3, (int)kinds);
	sqlite3_step(n->put);
	sqlite3_reset(n->put);
}

/* The deadline notices that apply to d now, as 1 << enum notice_kind. */
static unsigned due_kinds(const struct notify *n, const struct dossier *d, int64_t now)
{
	const struct app *app = n->app;
	unsigned kinds = 0;
	int hours = app->conf.notify_due_hours;

	/* running clock, not yet overdue, due within a month: the rest cannot
	 * be in a band worth telling, and the calendar need not be asked */
	if (!status_clock_runs(d->status) || !d->due_at || d->due_at <= now ||
	    d->due_at - now > 31 * 86400)
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

/* A page of the store's running dossiers at a time, after the overdue
 * ones (part 0 of the urgency order), before those whose clock stops and
 * within a month (as due_kinds() asks): only those can be due a notice. */
#define JUDGE_PAGE 64

static void judge_deadlines(struct notify *n)
{
	struct app *app = n->app;
	int64_t now = app_now(app);
	bool open = false;
	struct deadline_cuts c;
	struct inboxq q = { .statuses = 0 };
	struct inboxq_pos at = { .part = 0, .due = INT64_MAX };
	struct dossier page[JUDGE_PAGE];
	size_t got = 0;
	struct err e;

	deadline_cuts(app->cal, now, &c);
	q.cut = (struct inboxq_cuts){ c.now, c.today_end, c.apology, c.soon };
	do {
		memset(page, 0, sizeof page);
		if (store_inbox_rows(n->store, &q, &at, page, NULL, JUDGE_PAGE, &got, &e) < 0)
			break;
		for (size_t i = 0; i < got; i++) {
			const struct dossier *d = &page[i];
			unsigned want = due_kinds(n, d, now), had, fresh;

			if (!want)
				continue;
			had = told(n, d);
			fresh = want & ~had;
			if (!fresh)
				continue;
			/* entering two bands at once is one notice: the most urgent */
			if (fresh & (1u << NOTICE_TODAY))
				add(n, NOTICE_TODAY, d);
			else if (fresh & (1u << NOTICE_APOLOGY))
				add(n, NOTICE_APOLOGY, d);
			else
				add(n, NOTICE_DUE_HOURS, d);
			if (!open && n->put)
				open = sqlite3_exec(store_db(n->store), "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
			remember(n, d, had | want);
		}
		for (size_t i = 0; i < got; i++)
			dossier_free(&page[i]);
	} while (got == JUDGE_PAGE && at.part < INBOXQ_PARTS - 2 && at.due - now <= 31 * 86400);
	if (open)
		sqlite3_exec(store_db(n->store), "COMMIT", NULL, NULL, NULL);
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
