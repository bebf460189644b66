#include "config.h"

#include <string.h>
#include <time.h>

#include "i18n.h"
#include "session.h"
#include "xalloc.h"

struct session {
	struct app *app;
	struct http *http;
	struct profile *prof;
	struct api *api;
	enum session_state state;
	unsigned list_id, login_id, timer;
	struct dossier *next;	/* the inbox being fetched */
	size_t n, cap;
	bool live;		/* pages go straight into the (empty) inbox */
	bool closing;
	unsigned get_id;	/* session_fetch_dossier's call */
	void (*get_done)(struct app *app, bool ok);
};

static void schedule(struct session *s);
static void on_login(void *arg, const struct api_result *r);

static void on_link(void *arg, enum http_link link)
{
	struct app *app = arg;
	static const enum link_state map[] = {
		[HTTP_LINK_UNKNOWN] = LINK_OFFLINE, [HTTP_LINK_ONLINE] = LINK_ONLINE,
		[HTTP_LINK_SLOW] = LINK_SLOW, [HTTP_LINK_OFFLINE] = LINK_OFFLINE,
	};

	app->link = map[link];
	app->redraw |= RD_STATUS;
}

static void on_page(void *arg, struct dossier *items, int n)
{
	struct session *s = arg;
	struct app *app = s->app;

	/* An empty inbox fills page by page, so the first page shows before
	 * the rest arrives; a full one is replaced when the whole list is in,
	 * so rows do not come and go under the clerk's cursor. */
	if (s->live) {
		app_add_dossiers(app, items, (size_t)n);
		return;
	}
	if (s->n + (size_t)n > s->cap) {
		s->cap = (s->n + (size_t)n) * 2;
		s->next = xrealloc(s->next, s->cap * sizeof *s->next);
	}
	memcpy(s->next + s->n, items, (size_t)n * sizeof *items);
	s->n += (size_t)n;
	free(items);
}

static void on_list_done(void *arg, const struct api_result *r)
{
	struct session *s = arg;
	struct app *app = s->app;

	s->list_id = 0;
	app->loading = false;
	if (r->fail == API_OK) {
		if (!s->live)
			app_set_dossiers(app, s->next, s->n);
		else
			free(s->next);
		app->data_time = app_now(app);
	} else {
		for (size_t i = 0; i < s->n; i++)
			dossier_free(&s->next[i]);
		free(s->next);
		if (r->fail != API_E_CANCELLED)
			app_message(app, MSG_ERROR, _("could not refresh the inbox: %s"), r->e.msg);
	}
	s->next = NULL;
	s->n = s->cap = 0;
	app->redraw |= RD_STATUS | RD_TITLE;
	if (!s->closing)
		schedule(s);
}

static void fetch(struct session *s)
{
	struct api_list_query q = { .prio = HTTP_BACKGROUND };

	if (s->list_id || s->state != SESSION_READY)
		return;
	s->live = s->app->ndossiers == 0;
	s->app->loading = true;
	s->app->redraw |= RD_STATUS;
	s->list_id = api_list(s->api, &q, on_page, on_list_done, s);
}

static void on_timer(void *arg)
{
	struct session *s = arg;

	s->timer = 0;
	session_refresh(s->app);	/* logs in again first if that failed */
}

static void schedule(struct session *s)
{
	if (s->timer)
		loop_timer_cancel(&s->app->loop, s->timer);
	s->timer = loop_timer(&s->app->loop, SESSION_REFRESH_MS, on_timer, s);
}

static void on_login(void *arg, const struct api_result *r)
{
	struct session *s = arg;

	s->login_id = 0;
	if (r->fail != API_OK) {
		s->state = SESSION_FAILED;
		app_message(s->app, MSG_ERROR, _("login failed: %s"), r->e.msg);
		if (r->fail == API_E_NETWORK)
			schedule(s);	/* try again later; the clerk may work offline */
		return;
	}
	s->state = SESSION_READY;
	app_message(s->app, MSG_INFO, _("logged in to %s"), s->prof->name);
	s->app->redraw |= RD_TITLE;
	fetch(s);
}

void session_refresh(struct app *app)
{
	struct session *s = app->session;

	if (!s)
		return;
	if (s->login_id)
		return;		/* a login is under way */
	if (s->state != SESSION_READY) {
		s->state = SESSION_LOGGING_IN;
		s->login_id = api_login(s->api, on_login, s);
		return;
	}
	fetch(s);
}

bool session_cancel(struct app *app)
{
	struct session *s = app->session;

	if (s && s->get_id) {
		api_cancel(s->api, s->get_id);	/* the clerk is waiting on this one */
		return true;
	}
	if (!s || !s->list_id)
		return false;
	api_cancel(s->api, s->list_id);	/* on_list_done keeps the old inbox */
	return true;
}

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	struct session *s = arg;
	struct app *app = s->app;
	void (*done)(struct app *, bool) = s->get_done;
	bool ok = d != NULL;
	size_t i = 0;

	s->get_id = 0;
	s->get_done = NULL;
	if (d) {
		while (i < app->ndossiers && strcmp(app->dossiers[i].code ? app->dossiers[i].code : "",
						   d->code ? d->code : ""))
			i++;
		/* gone from the inbox meanwhile: nothing to show it in */
		if (i < app->ndossiers) {
			dossier_free(&app->dossiers[i]);
			app->dossiers[i] = *d;
			app->dossiers_gen++;
			app->redraw |= RD_BODY | RD_TITLE;
		} else {
			dossier_free(d);
		}
		free(d);
	} else if (r->fail != API_E_CANCELLED) {
		app_message(app, MSG_ERROR, _("could not load the dossier: %s"), r->e.msg);
	}
	if (done)
		done(app, ok);
}

bool session_fetch_dossier(struct app *app, const char *code,
			   void (*done)(struct app *app, bool ok))
{
	struct session *s = app->session;

	if (!s)
		return false;
	if (s->get_id)
		api_cancel(s->api, s->get_id);
	s->get_done = done;
	s->get_id = api_get(s->api, code, HTTP_INTERACTIVE, on_dossier, s);
	return true;
}

int session_open(struct app *app, const struct cli *cli, const char *secret, struct err *e)
{
	struct session *s;
	struct http_opts ho;
	char path[4096];

	s = xcalloc(1, sizeof *s);
	s->app = app;
	if (profile_find(cli->profile, path, sizeof path, e) < 0 || !(s->prof = profile_load(path, e))) {
		free(s);
		return -1;
	}
	http_opts_init(&ho);
	ho.ca_file = cli->ca_file;
	ho.on_link = on_link;
	ho.on_link_arg = app;
	if (!(s->http = http_new(&app->loop, &ho, e))) {
		profile_free(s->prof);
		free(s);
		return -1;
	}
	s->api = api_new(&app->loop, s->http, s->prof, cli->server, cli->user, secret);
	app->session = s;
	app->server_name = xstrdup(s->prof->name);
	app->user = cli->user ? xstrdup(cli->user) : NULL;
	app->link = LINK_OFFLINE;
	s->state = SESSION_LOGGING_IN;
	s->login_id = api_login(s->api, on_login, s);
	return 0;
}

void session_close(struct app *app)
{
	struct session *s = app->session;

	if (!s)
		return;
	s->closing = true;
	if (s->timer)
		loop_timer_cancel(&app->loop, s->timer);
	api_free(s->api);	/* cancels the fetch: on_list_done frees s->next */
	http_free(s->http);
	profile_free(s->prof);
	free(s);
	app->session = NULL;
}
