#include "config.h"

#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/timer.h"
#include "core/xalloc.h"
#include "net/http.h"
#include "notify.h"
#include "session.h"
#include "session_int.h"
#include "store/outbox_send.h"
#include "store/sync.h"

static void schedule(struct session *s);
static void settle(struct session *s);
static void failed(struct session *s, const struct api_result *r);
static void reached(struct session *s);

static void count_outbox(struct session *s)
{
	struct ob_entry *v;
	size_t n;
	struct err e;

	s->app->queued = outbox_pending(s->conn.store);
	s->app->waiting = outbox_waiting(s->conn.store);
	/* the screens mark dossiers with an action under way from this list */
	if (outbox_list(s->conn.store, false, &v, &n, &e) == 0)
		app_set_outbox(s->app, v, n);
	s->app->redraw |= RD_STATUS | RD_BODY;
}

static void note_link(struct session *s)
{
	struct http_stats st;

	http_get_stats(s->conn.http, &st);
	s->app->rtt_ms = st.ttfb_ewma_us < 0 ? -1 : (int)(st.ttfb_ewma_us / 1000);
}

static enum link_state link_of(enum http_link link)
{
	static const enum link_state map[] = {
		[HTTP_LINK_UNKNOWN] = LINK_CONNECTING, [HTTP_LINK_ONLINE] = LINK_ONLINE,
		[HTTP_LINK_SLOW] = LINK_SLOW, [HTTP_LINK_OFFLINE] = LINK_OFFLINE,
		[HTTP_LINK_DOWN] = LINK_DOWN,
	};

	return map[link];
}

static void on_link(void *arg, enum http_link link)
{
	struct session *s = arg;
	struct app *app = s->app;
	bool away = app->link == LINK_OFFLINE || app->link == LINK_DOWN || app->link == LINK_BROKEN;
	bool back = away && link != HTTP_LINK_OFFLINE && link != HTTP_LINK_DOWN &&
		    link != HTTP_LINK_UNKNOWN;

	if (s->closing)
		return;
	app->link = link_of(link);
	note_link(s);
	app->redraw |= RD_STATUS;
	/* the link is back: what waited goes now, not at the next tick */
	if (back) {
		reached(s);
		if (s->state == SESSION_READY && s->out)
			outbox_send(s->out);
	}
}

/* ---- sync into the store, and on into the inbox ---- */

static void on_arriving(void *arg, const struct dossier *items, int n)
{
	struct session *s = arg;

	if (!s->closing)	/* before the store, and so the inbox, holds them */
		notify_arrived(s->notify, items, n);
}

/* The inbox reads the store: what came is shown by a new generation. */
static void on_stored(void *arg, struct dossier *items, int n)
{
	struct session *s = arg;

	dossiers_free(items, (size_t)n);
	if (!s->closing)
		app_dossiers_changed(s->app);
}

static void on_reload(void *arg)
{
	struct session *s = arg;

	if (!s->closing)
		app_dossiers_changed(s->app);
}

/* The status bar says how far the sync is: on a slow link a first sync
 * takes a while, and the clerk should know how long. */
static void on_progress(void *arg, const struct sync_progress *p)
{
	struct session *s = arg;
	struct http_stats now;

	if (s->closing)
		return;
	http_get_stats(s->conn.http, &now);
	sync_progress_text(p, now.wire_in - s->sync_from.wire_in, s->app->sync_note, sizeof s->app->sync_note);
	s->app->redraw |= RD_STATUS;
}

static void on_synced(void *arg, const struct api_result *r, const struct sync_report *rep)
{
	struct session *s = arg;
	struct app *app = s->app;

	s->sync = NULL;
	if (s->closing)
		return;
	app->loading = false;
	app->sync_note[0] = '\0';
	note_link(s);
	if (r->fail == API_OK && rep->doubtful) {
		/* the store is kept as it was; the data's time stays old */
		failed(s, r);
		app_message(app, MSG_ERROR, _("the inbox was not refreshed: %s"), rep->doubt.msg);
	} else if (r->fail == API_OK) {
		reached(s);
		session_disk_room(s);
		app->data_time = store_meta_int(s->conn.store, "synced_at");
		notify_synced(s->notify);
		session_catalog_sync(s);
	} else if (r->fail != API_E_CANCELLED) {
		if (r->fail == API_E_LOCAL)
			session_disk_full(s);
		failed(s, r);
		app_message(app, MSG_ERROR, _("could not refresh the inbox: %s"), r->e.msg);
	}
	app->redraw |= RD_STATUS | RD_TITLE;
	notify_check(s->notify);	/* what came, and deadlines on new data */
	schedule(s);
}

static void sync_now(struct session *s)
{
	struct sync_hooks h = { .arriving = on_arriving, .stored = on_stored, .progress = on_progress,
				.reload = on_reload, .done = on_synced, .arg = s };

	if (s->sync || s->state != SESSION_READY)
		return;
	http_get_stats(s->conn.http, &s->sync_from);
	s->app->loading = true;
	s->app->redraw |= RD_STATUS;
	s->sync = sync_start(s->conn.api, s->conn.store, &h, HTTP_BACKGROUND, app_now(s->app), false);
}

/* ---- the outbox ---- */

static int64_t out_now(void *arg)
{
	struct session *s = arg;

	return app_now(s->app);
}

static void out_sending(void *arg, const struct ob_entry *en)
{
	struct session *s = arg;

	if (!s->closing)
		session_intake_news(s, en->id, OB_SENDING, NULL);
}

static void out_delivered(void *arg, const struct ob_entry *en, struct dossier *d)
{
	struct session *s = arg;
	char code[128];

	if (s->closing) {
		if (d) {
			dossier_free(d);
			free(d);
		}
		return;
	}
	/* an intake's entry learns its code from the dossier it created */
	snprintf(code, sizeof code, "%s", d && d->code ? d->code : en->code);
	if (d) {	/* stored by the sender */
		dossier_free(d);
		free(d);
		app_dossiers_changed(s->app);
	}
	session_disk_room(s);
	app_message(s->app, MSG_INFO, _("delivered: %s, %s"), ob_entry_label(en),
		    app_dossier_number(s->app, code));
	count_outbox(s);
	session_intake_news(s, en->id, OB_DONE, code);	/* the inbox has the dossier */
}

static void out_changed(void *arg, const struct ob_entry *en)
{
	struct session *s = arg;

	if (s->closing)
		return;
	/* the store has the dossier as it is now: show that */
	app_dossiers_changed(s->app);
	app_message(s->app, MSG_ERROR, "%s", en->error ? en->error : "");
	count_outbox(s);
	session_intake_news(s, en->id, en->state, NULL);
}

static void out_idle(void *arg, const struct api_result *r)
{
	struct session *s = arg;

	if (s->closing)
		return;
	count_outbox(s);
	session_intake_recheck(s);
	if (r->fail == API_E_LOCAL) {
		session_disk_full(s);
		app_message(s->app, MSG_ERROR, "%s", r->e.msg);
	}
	/* a network failure: try again soon, backing off, not a minute later */
	if (r->fail == API_E_NETWORK) {
		failed(s, r);
		schedule(s);
	}
}

/* ---- notifications ---- */

/* Deadlines move with the clock, not only with syncs. */
static void on_notify_timer(void *arg)
{
	struct session *s = arg;

	/* not before the clerk has logged in: nothing is told to nobody */
	if (s->state != SESSION_NEEDS_SECRET)
		notify_check(s->notify);
	s->notify_timer = loop_timer(&s->app->loop, NOTIFY_CHECK_MS, on_notify_timer, s);
}

/* ---- polling ---- */

static bool idle(const struct app *app)
{
	return app->last_key && app_now(app) - app->last_key > SESSION_IDLE_S;
}

/* Online, every minute; idle (no key for 10 minutes), every 5. An
 * unreachable server is tried every few seconds while the clerk works (a
 * try that fails to connect costs a few packets), so the client is back
 * soon after it; other failures wait longer each time, up to 5 minutes. */
static long next_poll_ms(const struct session *s)
{
	const struct app *app = s->app;
	long ms = SESSION_REFRESH_MS;

	if (s->full)	/* what waits to be saved goes as soon as there is room */
		ms = SESSION_RETRY_MS;
	else if (s->fails && s->unreachable)
		ms = idle(app) ? SESSION_OFFLINE_IDLE_MS : SESSION_RETRY_MS;
	else if (s->fails)
		ms = SESSION_RETRY_MS << (s->fails > 6 ? 6 : s->fails - 1);
	else if (idle(app))
		ms = SESSION_SLOW_MS;
	return ms > SESSION_SLOW_MS ? SESSION_SLOW_MS : ms;
}

static void on_timer(void *arg)
{
	struct session *s = arg;

	s->timer = 0;
	s->app->next_try = 0;
	session_refresh(s->app);	/* logs in again first if that failed */
}

static void schedule(struct session *s)
{
	long ms = next_poll_ms(s);

	if (s->timer)
		loop_timer_cancel(&s->app->loop, s->timer);
	s->timer = loop_timer(&s->app->loop, ms, on_timer, s);
	/* the status bar counts down to it while the server is away */
	s->app->next_try = s->unreachable ? app_now(s->app) + (ms + 999) / 1000 : 0;
	s->app->redraw |= RD_STATUS;
}

static void failed(struct session *s, const struct api_result *r)
{
	s->fails++;
	s->unreachable = r->fail == API_E_NETWORK;
	/* the link would read "connecting", "online" or "OFFLINE": the
	 * address is wrong, or the machine answered that the service is down */
	if (r->fail == API_E_SETUP || (r->fail == API_E_NETWORK && r->down)) {
		s->app->link = r->fail == API_E_SETUP ? LINK_BROKEN : LINK_DOWN;
		s->app->redraw |= RD_STATUS;
	}
}

void session_disk_full(struct session *s)
{
	if (!store_take_full(s->conn.store))
		return;
	if (!s->full) {
		s->full = true;
		app_notice(s->app, _("DISK FULL: nothing more can be saved on this machine. What you typed stays "
				     "on screen and nothing is lost: free some space on the disk, then save "
				     "again."));
		schedule(s);
	}
}

void session_disk_room(struct session *s)
{
	if (!s->full)
		return;
	s->full = false;
	app_notice(s->app, NULL);
	app_message(s->app, MSG_INFO, "%s", _("the disk has room again: the local store saves once more"));
}

static void reached(struct session *s)
{
	s->fails = 0;
	s->unreachable = false;
	s->app->next_try = 0;
	/* set by a failure the transport's link state did not see (a
	 * certificate renewed on a link that stayed up) */
	if (s->app->link == LINK_BROKEN || s->app->link == LINK_DOWN)
		s->app->link = link_of(http_link_state(s->conn.http));
	s->app->redraw |= RD_STATUS;
}

/* Try now, unless a try is under way already. */
static bool try_now(struct session *s)
{
	if (s->login_id || s->sync || s->state == SESSION_NEEDS_SECRET)
		return false;
	if (s->timer)
		loop_timer_cancel(&s->app->loop, s->timer);
	s->timer = 0;
	s->app->next_try = 0;
	s->tried_ms = app_now_ms(s->app);
	session_refresh(s->app);
	return true;
}

bool session_retry_now(struct app *app)
{
	struct session *s = app->session;

	if (!s)
		return false;
	try_now(s);
	return true;
}

void session_activity(struct app *app)
{
	struct session *s = app->session;
	bool was_idle = idle(app);

	app->last_key = app_now(app);
	/* someone is at the desk and the server was away: look now */
	if (s && s->unreachable && app_now_ms(app) - s->tried_ms >= SESSION_KEY_TRY_MS) {
		try_now(s);
		return;
	}
	/* back at the desk after a while: fresh data now, not in 5 minutes */
	if (s && was_idle && !s->fails && app_now(app) - app->data_time >= SESSION_REFRESH_MS / 1000)
		session_refresh(app);
}

/* The role the login named, for the rules of the actions allowed offline. */
static void remember_role(struct session *s)
{
	int role = api_role(s->conn.api);
	struct err e;

	if (store_meta_set(s->conn.store, "role", role >= 0 ? role_name(role) : "", &e) < 0)
		app_message(s->app, MSG_ERROR, "%s", e.msg);
}

void session_guess_allowed(struct app *app, struct dossier *d)
{
	struct session *s = app->session;
	const struct profile *p;
	char role[32] = "";

	if (!s)
		return;
	p = s->conn.prof;
	if (p->nallowed && d->status >= ST_MIN && d->status <= ST_MAX) {
		store_meta_get(s->conn.store, "role", role, sizeof role);
		d->allowed = profile_allowed(p, role_parse(role), d->status);
		d->allowed_from = ALLOWED_RULES;
		return;
	}
	d->allowed = 0;
	for (int a = 0; a < ACT_COUNT; a++)
		if (p->actions[a])
			d->allowed |= 1u << a;
	d->allowed_from = ALLOWED_UNKNOWN;
}

static void on_login(void *arg, const struct api_result *r)
{
	struct session *s = arg;

	s->login_id = 0;
	if (s->closing)
		return;
	note_link(s);
	if (r->fail != API_OK) {
		s->state = SESSION_FAILED;
		app_message(s->app, MSG_ERROR, _("login failed: %s"), r->e.msg);
		if (r->fail == API_E_NETWORK || r->fail == API_E_SETUP) {
			failed(s, r);
			schedule(s);	/* try again later; the clerk works from the store */
		}
		if (s->login_hook)
			s->login_hook(s->app, r);
		return;
	}
	s->state = SESSION_READY;
	remember_role(s);
	app_message(s->app, MSG_INFO, _("logged in to %s"), s->conn.prof->name);
	settle(s);
	s->app->redraw |= RD_TITLE;
	outbox_send(s->out);
	sync_now(s);
	if (s->login_hook)
		s->login_hook(s->app, r);
}

bool session_needs_secret(const struct app *app)
{
	return app->session && app->session->state == SESSION_NEEDS_SECRET;
}

void session_login(struct app *app, const char *secret)
{
	struct session *s = app->session;

	if (!s || s->login_id)
		return;
	api_set_secret(s->conn.api, secret);
	conn_keep_session(&s->conn, secret);
	s->state = SESSION_LOGGING_IN;
	s->login_id = api_login(s->conn.api, on_login, s);
}

void session_on_login(struct app *app, void (*fn)(struct app *app, const struct api_result *r))
{
	if (app->session)
		app->session->login_hook = fn;
}

void session_refresh(struct app *app)
{
	struct session *s = app->session;

	if (!s || s->login_id || s->state == SESSION_NEEDS_SECRET)
		return;		/* none, a login under way, or no password yet */
	if (s->state != SESSION_READY) {
		s->state = SESSION_LOGGING_IN;
		s->login_id = api_login(s->conn.api, on_login, s);
		return;
	}
	outbox_send(s->out);
	sync_now(s);
}

bool session_cancel(struct app *app)
{
	struct session *s = app->session;

	if (s && s->get_id) {
		api_cancel(s->conn.api, s->get_id);	/* the clerk is waiting on this one */
		return true;
	}
	if (!s || !s->sync)
		return false;
	sync_cancel(s->sync);	/* on_synced keeps what came */
	return true;
}

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	struct session *s = arg;
	struct app *app = s->app;
	void (*done)(struct app *, bool) = s->get_done;
	bool ok = d != NULL;
	struct err e;

	s->get_id = 0;
	s->get_done = NULL;
	if (s->closing) {
		if (d) {
			dossier_free(d);
			free(d);
		}
		return;
	}
	if (d) {
		/* kept whole, for the next start and for offline */
		if (store_put_dossier(s->conn.store, d, true, 0, &e) < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
		dossier_free(d);
		free(d);
		app_dossiers_changed(app);
	} else if (r->fail != API_E_CANCELLED) {
		app_message(app, MSG_ERROR, _("could not load the dossier: %s"), r->e.msg);
	}
	if (done)
		done(app, ok);
}

bool session_busy(const struct app *app)
{
	const struct session *s = app->session;

	if (!s)
		return false;
	if (s->state == SESSION_LOGGING_IN || s->sync || s->get_id || s->proc_id || s->cat_done ||
	    s->lookups)
		return true;
	/* queued while the link is up: the sender takes it at once */
	for (size_t i = 0; i < app->noutbox; i++)
		if (app->outbox[i].state == OB_SENDING ||
		    (app->outbox[i].state == OB_QUEUED && s->state == SESSION_READY &&
		     (app->link == LINK_ONLINE || app->link == LINK_SLOW)))
			return true;
	return false;
}

bool session_fetch_dossier(struct app *app, const char *code,
			   void (*done)(struct app *app, bool ok))
{
	struct session *s = app->session;

	if (!s)
		return false;
	if (s->get_id)
		api_cancel(s->conn.api, s->get_id);
	s->get_done = done;
	s->get_id = api_get(s->conn.api, code, HTTP_INTERACTIVE, on_dossier, s);
	return true;
}

/* ---- acting ---- */

int session_act(struct app *app, const char *code, enum action act, const struct api_act_args *args,
		const struct dossier *seen, struct err *e)
{
	struct session *s = app->session;
	struct ob_entry en;
	int rc;

	if (!s)
		return err_set(e, "%s", _("no server: nothing can be sent"));
	if (s->conn.interim)
		return err_set(e, "%s", _("nothing is kept for this server before the first login: log in, then act"));
	if (api_can_act(s->conn.api, act, e) < 0)
		return -1;
	/* it would only wait behind the one the clerk must decide on */
	if ((rc = outbox_blocker(s->conn.store, code, &en, e)) != 0) {
		if (rc > 0) {
			err_set(e, _("your %s on this dossier (outbox #%lld) is %s: retry or discard it first"),
				ob_entry_label(&en), (long long)en.id, ob_state_label(en.state));
			ob_entry_free(&en);
		}
		return -1;
	}
	if (outbox_add_seen(s->conn.store, code, act, args, seen, app_now(app), &en, e) < 0) {
		session_disk_full(s);
		return -1;
	}
	session_disk_room(s);
	ob_entry_free(&en);
	count_outbox(s);
	if (s->state == SESSION_READY)
		outbox_send(s->out);
	return 0;
}

int session_retry(struct app *app, int64_t id, struct err *e)
{
	struct session *s = app->session;
	struct ob_entry en;
	const struct dossier *d;
	int rc;

	if (!s)
		return err_set(e, "%s", _("no server: nothing can be sent"));
	if ((rc = outbox_get(s->conn.store, id, &en, e)) <= 0)
		return rc < 0 ? -1 : err_set(e, "%s", _("that action is no longer in the outbox"));
	/* the version the conflict brought into the store, and the inbox */
	d = app_find_dossier(app, en.code);
	rc = outbox_retry(s->conn.store, id, d ? d->version : NULL, app_now(app), e);
	ob_entry_free(&en);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, "%s", _("only a conflicting or refused action can be sent again"));
	session_intake_news(s, id, OB_QUEUED, NULL);
	count_outbox(s);
	if (s->state == SESSION_READY)
		outbox_send(s->out);
	return 0;
}

int session_discard(struct app *app, int64_t id, struct err *e)
{
	struct session *s = app->session;
	int rc;

	if (!s)
		return err_set(e, "%s", _("no server: nothing to discard"));
	if ((rc = outbox_discard(s->conn.store, id, e)) < 0)
		return -1;
	count_outbox(s);
	return rc ? 0 : err_set(e, "%s", _("that action is no longer in the outbox"));
}

/* ---- open and close ---- */

/* The inbox, the deadline notices and the outbox sender work on the
 * connection's store. */
static void use_store(struct session *s)
{
	struct outbox_hooks oh = { .sending = out_sending, .delivered = out_delivered,
				   .changed = out_changed, .idle = out_idle, .now = out_now, .arg = s };
	struct app *app = s->app;

	app_set_store(app, s->conn.store);
	app->data_time = store_meta_int(s->conn.store, "synced_at");
	count_outbox(s);
	s->notify = notify_new(app, s->conn.store);
	s->out = outbox_sender_new(s->conn.api, s->conn.store, &oh);
}

/* The store first: the inbox shows at once, from what was seen last. A
 * clerk who never logged in to this server has none: one in memory until
 * the login, so that a failed one leaves nothing on disk. */
static int open_store(struct session *s, struct err *e)
{
	if (!conn_store_interim(&s->conn, e))
		return -1;
	use_store(s);
	/* the first look at the deadlines once the screen is up: timers due
	 * now would run before the first drawing */
	s->notify_timer = loop_timer(&s->app->loop, NOTIFY_FIRST_MS, on_notify_timer, s);
	return 0;
}

/* A login succeeded: the store named after the server as the login said,
 * made now if it is the first; the session moves to it when it is another
 * than the one it drew from (in memory, or another server's at this
 * address). Actions waiting in other stores of this clerk and server are
 * counted for the screens, which offer to take them over. */
static void settle(struct session *s)
{
	struct store *was;
	struct err e;

	if (conn_settle(&s->conn, &was, &e) < 0) {
		app_message(s->app, MSG_ERROR, "%s", e.msg);
		return;
	}
	if (was) {
		outbox_sender_free(s->out);	/* idle: nothing is sent before a login */
		notify_free(s->notify);
		use_store(s);
		store_close(was);
	}
	if ((s->app->stranded = conn_stranded(&s->conn)) > 0)
		s->app->redraw |= RD_BODY;	/* the inbox asks */
}

int session_adopt(struct app *app, struct err *e)
{
	struct session *s = app->session;
	int moved;

	if (!s)
		return err_set(e, "%s", _("no server: nothing to take over"));
	moved = conn_adopt(&s->conn, app_now(app), e);
	app->stranded = conn_stranded(&s->conn);	/* what a failure left */
	if (moved < 0)
		return -1;
	count_outbox(s);
	if (s->state == SESSION_READY)
		outbox_send(s->out);
	return moved;
}

int session_open(struct app *app, const struct cli *cli, const char *secret, struct err *e)
{
	struct session *s = xcalloc(1, sizeof *s);
	struct conn_opts co = { 0 };

	s->app = app;
	app->session = s;
	co.timeout_s = app->conf.request_timeout;
	s->timeout_given = cli->timeout > 0;
	co.on_link = on_link;
	co.arg = s;
	if (conn_open(&s->conn, &app->loop, cli, &co, e) != CONN_OK || open_store(s, e) < 0) {
		session_close(app);
		return -1;
	}
	api_set_secret(s->conn.api, secret);
	conn_keep_session(&s->conn, secret);
	app->server_name = xstrdup(s->conn.prof->name);
	app->user = xstrdup_opt(cli->user);
	app->link = LINK_CONNECTING;
	app->rtt_ms = -1;
	if (!secret && s->conn.prof->auth != AUTH_NONE) {
		s->state = SESSION_NEEDS_SECRET;
		return 0;
	}
	s->state = SESSION_LOGGING_IN;
	s->login_id = api_login(s->conn.api, on_login, s);
	return 0;
}

void session_conf_changed(struct app *app)
{
	struct session *s = app->session;

	if (s && !s->timeout_given && s->conn.http)
		http_set_timeout(s->conn.http, 1000L * app->conf.request_timeout);
}

void session_close(struct app *app)
{
	struct session *s = app->session;

	if (!s)
		return;
	/* Cancelling below runs the callbacks of what was under way; from
	 * here on each of them only releases what it was handed, so none
	 * reaches into the app, the screens or what is freed after it. */
	s->closing = true;
	if (s->timer)
		loop_timer_cancel(&app->loop, s->timer);
	if (s->notify_timer)
		loop_timer_cancel(&app->loop, s->notify_timer);
	session_intake_close(s);
	session_catalog_close(s);
	outbox_sender_free(s->out);	/* what is being sent stays queued */
	conn_stop(&s->conn);		/* cancels the sync: what came is stored */
	notify_free(s->notify);		/* after every callback that could use it */
	app_set_store(app, NULL);
	conn_close(&s->conn);
	free(s);
	app->session = NULL;
}
