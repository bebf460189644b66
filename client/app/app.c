#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/dates.h"
#include "app.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "net/http.h"
#include "session.h"
#include "store/outbox.h"
#include "store/store.h"

/* Long enough to read a sentence, short enough not to linger. */
#define MSG_SHOW_MS 6000

const char *app_calendar_dir(void)
{
	const char *dir = getenv("MOTCUA_CALENDAR_DIR");

	return dir && *dir ? dir : PKGDATADIR "/calendar";
}

int app_calendar_gap(const struct cal *c, int64_t now, char *buf, size_t len)
{
	/* this year, and the next one once due dates can run into it */
	const int64_t at[2] = { now, now + 60 * 86400LL };
	struct cal_time t;

	for (int i = 0; i < 2; i++) {
		cal_split(at[i], &t);
		if (t.year >= CAL_YEAR_MIN && t.year <= CAL_YEAR_MAX &&
		    !cal_year_known(c, t.year)) {
			snprintf(buf, len, _("No working-day file for %d (vn-%d.days in %s): due dates in %d follow the built-in rules, which may place Tết and the swapped days differently."),
				 t.year, t.year, app_calendar_dir(), t.year);
			return t.year;
		}
	}
	return 0;
}

int app_init(struct app *app, struct err *e)
{
	const char *dir = app_calendar_dir();
	struct err warn;
	char gap[512];

	memset(app, 0, sizeof *app);
	app->redraw = RD_ALL;
	conf_init(&app->conf);
	if (loop_init(&app->loop, e) < 0) {
		conf_free(&app->conf);
		return -1;
	}
	if (getenv("MOTCUA_CLOCK") && app_set_clock(app, getenv("MOTCUA_CLOCK"), e) < 0) {
		conf_free(&app->conf);
		loop_free(&app->loop);
		return -1;
	}
	app->cal = cal_new();
	if (!app->cal)
		fatal(_("out of memory (calendar)"));
	/* no directory, no overrides: the rules alone still hold */
	if (access(dir, F_OK) != 0)
		return 0;
	if (cal_load_dir(app->cal, dir, &warn) < 0)
		app_message(app, MSG_ERROR, "%s", warn.msg);
	else if (app_calendar_gap(app->cal, app_now(app), gap, sizeof gap))
		app_message(app, MSG_ERROR, "%s", gap);
	return 0;
}

/* How many dossiers app_find_dossier() keeps read: the screens look up
 * the one shown and a few more. */
#define FOUND_MAX 8

static void forget_found(struct app *app)
{
	for (size_t i = 0; i < app->nfound; i++)
		dossier_free(&app->found[i]);
	app->nfound = app->next_found = 0;
}

void app_dossiers_changed(struct app *app)
{
	forget_found(app);
	app->dossiers_gen++;
	app->redraw |= RD_BODY | RD_TITLE;
}

void app_set_store(struct app *app, struct store *s)
{
	if (app->own_store)
		store_close(app->store);
	app->store = s;
	app->own_store = false;
	app_dossiers_changed(app);
}

/* Into the app's store (its own, made now, when it has none); a dossier
 * with details is stored whole. seen: the generation that saw it. */
static void put(struct app *app, struct dossier *items, size_t n, int64_t seen)
{
	struct err e;

	if (!app->store && n) {
		app->store = store_open(STORE_MEMORY, &e);
		app->own_store = app->store != NULL;
		if (!app->store)
			app_message(app, MSG_ERROR, "%s", e.msg);
	}
	if (app->store && store_begin(app->store, &e) == 0) {
		for (size_t i = 0; i < n; i++)
			if (store_put_dossier(app->store, &items[i],
					      items[i].ncomponents || items[i].nlog || items[i].ndue, seen, &e) < 0)
				app_message(app, MSG_ERROR, "%s", e.msg);
		if (store_commit(app->store, &e) < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
	}
	dossiers_free(items, n);
	app_dossiers_changed(app);
}

void app_set_dossiers(struct app *app, struct dossier *items, size_t n)
{
	struct err e;
	int64_t seen = (int64_t)app->dossiers_gen + 1;

	put(app, items, n, seen);
	if (app->store && store_forget_unseen(app->store, seen, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
}

void app_merge_dossiers(struct app *app, struct dossier *items, size_t n)
{
	put(app, items, n, 0);
}

struct dossier *app_find_dossier(struct app *app, const char *code)
{
	struct dossier *d;
	bool whole;
	struct err e;

	for (size_t i = 0; code && i < app->nfound; i++)
		if (app->found[i].code && !strcmp(app->found[i].code, code))
			return &app->found[i];
	if (!code || !app->store)
		return NULL;
	if (!app->found)
		app->found = xcalloc(FOUND_MAX, sizeof *app->found);
	/* the oldest read makes room */
	d = &app->found[app->next_found];
	if (app->nfound == FOUND_MAX)
		dossier_free(d);
	memset(d, 0, sizeof *d);
	if (store_get_dossier(app->store, code, d, &whole, &e) != 1)
		return NULL;
	/* a list's summary, or details gone stale: what may be done is
	 * guessed, and said to be */
	if (!whole && !d->allowed)
		session_guess_allowed(app, d);
	if (app->nfound < FOUND_MAX)
		app->nfound++;
	app->next_found = (app->next_found + 1) % FOUND_MAX;
	return d;
}

const char *app_dossier_number(struct app *app, const char *code)
{
	const struct dossier *d = code ? app_find_dossier(app, code) : NULL;

	return d ? dossier_number(d) : code ? code : "";
}

void app_set_outbox(struct app *app, struct ob_entry *v, size_t n)
{
	for (size_t i = 0; i < app->noutbox; i++)
		ob_entry_free(&app->outbox[i]);
	free(app->outbox);
	app->outbox = v;
	app->noutbox = n;
	app->redraw |= RD_BODY;
}

const struct ob_entry *app_outbox_for(const struct app *app, const char *code)
{
	const struct ob_entry *best = NULL;

	for (size_t i = 0; code && i < app->noutbox; i++) {
		const struct ob_entry *en = &app->outbox[i];

		if (en->state == OB_DONE || !en->code || strcmp(en->code, code))
			continue;
		if (en->state == OB_CONFLICT || en->state == OB_FAILED)
			return en;	/* the sender stops on the first of these */
		best = en;
	}
	return best;
}

void app_free(struct app *app)
{
	app_set_store(app, NULL);
	forget_found(app);
	free(app->found);
	app_set_outbox(app, NULL, 0);
	cal_free(app->cal);
	free(app->server_name);
	free(app->user);
	conf_free(&app->conf);
	for (size_t i = 0; i < app->nmsgs; i++)
		free(app->msgs[i].text);
	free(app->msgs);
	pw_verifier_clear(&app->unlock);
	loop_free(&app->loop);
}

static void clear_message(void *arg)
{
	struct app *app = arg;

	app->msg[0] = '\0';
	app->msg_timer = 0;
	app->redraw |= RD_STATUS;
}

static void keep_message(struct app *app, enum msg_kind kind, const char *text)
{
	if (app->nmsgs == APP_MESSAGES_MAX) {
		free(app->msgs[0].text);
		memmove(app->msgs, app->msgs + 1, --app->nmsgs * sizeof *app->msgs);
	}
	if (!app->msgs)
		app->msgs = xcalloc(APP_MESSAGES_MAX, sizeof *app->msgs);
	app->msgs[app->nmsgs++] = (struct app_msg){ app_now(app), kind, xstrdup(text) };
}

void app_notice(struct app *app, const char *text)
{
	snprintf(app->notice, sizeof app->notice, "%s", text ? text : "");
	if (text) {
		keep_message(app, MSG_ERROR, text);
		app->bell = true;
	}
	app->redraw |= RD_STATUS;
}

void app_message(struct app *app, enum msg_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	keep_message(app, kind, app->msg);
	app->msg_kind = kind;
	if (kind == MSG_ERROR)
		app->msg_errors++;
	if (app->msg_timer)
		loop_timer_cancel(&app->loop, app->msg_timer);
	app->msg_timer = loop_timer(&app->loop, MSG_SHOW_MS, clear_message, app);
	app->redraw |= RD_STATUS;
}

int64_t app_now(const struct app *app)
{
	return (int64_t)time(NULL) + app->clock_offset;
}

int64_t app_now_ms(const struct app *app)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ((int64_t)ts.tv_sec + app->clock_offset) * 1000 + ts.tv_nsec / 1000000;
}

int app_set_clock(struct app *app, const char *when, struct err *e)
{
	return date_clock_offset(when, &app->clock_offset, e);
}

void app_quit(struct app *app)
{
	app->quit = true;
	loop_stop(&app->loop);
}

void app_global_cleanup(void)
{
	http_global_cleanup();
}
