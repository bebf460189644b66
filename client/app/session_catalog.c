#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "session_int.h"

/* The procedure catalog, kept whole in the store with every procedure's
 * form, so that any intake works offline: a province decentralises about
 * a thousand procedures to a desk, a few kilobytes each. It gives way to
 * the inbox and to the clerk: the list comes once a sync has ended (the
 * inbox whole, its first screenful long shown), and again once it is
 * SESSION_CATALOG_S old (conditionally, where the API has ETags); then
 * each form the store lacks, or holds for an older entry of the list, one
 * request at a time and none while a sync runs, which takes up from the
 * first form still missing when it ends. */

int session_catalog(struct app *app, struct procedure **items, int *n, struct err *e)
{
	if (!app->session) {
		*items = NULL;
		*n = 0;
		return 0;
	}
	return store_load_catalog(app->session->conn.store, items, n, e);
}

static void next_form(struct session *s);

static void on_form(void *arg, struct procedure *p, const struct api_result *r)
{
	struct session *s = arg;
	bool go_on = r->fail != API_E_NETWORK && r->fail != API_E_CANCELLED;
	struct err e;

	s->form_id = 0;
	if (p) {
		if (!s->closing && store_put_procedure(s->conn.store, p, app_now(s->app), &e) < 0) {
			app_message(s->app, MSG_ERROR, "%s", e.msg);
			go_on = false;	/* a full disk: not one message per procedure */
		}
		procedure_free(p);
		free(p);
	}
	/* one the server cannot give is skipped; offline, or a sync under
	 * way, the end of a sync goes on from the first form still missing */
	if (!s->closing && go_on && !s->sync)
		next_form(s);
}

static void next_form(struct session *s)
{
	struct err e;
	int rc = store_catalog_stale(s->conn.store, s->form_after, s->form_after, sizeof s->form_after, &e);

	if (rc < 0)
		app_message(s->app, MSG_ERROR, "%s", e.msg);
	if (rc != 1) {
		s->forms_done = rc == 0;
		return;
	}
	s->form_id = api_procedure(s->conn.api, s->form_after, HTTP_BACKGROUND, on_form, s);
}

static void on_catalog(void *arg, struct procedure *items, int n, const struct api_result *r)
{
	struct session *s = arg;
	void (*done)(struct app *, bool, const struct err *) = s->cat_done;
	bool changed = false;
	struct err e = { "" };
	int64_t now = app_now(s->app);

	s->cat_id = 0;
	s->cat_done = NULL;
	if (r->fail != API_OK) {
		e = r->e;
		if (r->fail == API_E_NETWORK)
			s->cat_asked = 0;	/* the next sync asks again */
	} else if (!r->not_modified) {
		/* the tag is kept only with the catalog it describes */
		changed = store_put_catalog(s->conn.store, items, n, now, &e) == 0 &&
			  store_meta_set(s->conn.store, "catalog_etag", r->etag ? r->etag : "", &e) == 0;
	}
	if (r->fail == API_OK && !e.msg[0]) {
		store_meta_set_int(s->conn.store, "catalog_at", now, &e);
		if (!s->closing && !s->form_id && !s->sync) {
			s->form_after[0] = '\0';
			next_form(s);
		}
	}
	for (int i = 0; i < n; i++)
		procedure_free(&items[i]);
	free(items);
	if (done && !s->closing)
		done(s->app, changed, e.msg[0] ? &e : NULL);
}

static void ask_catalog(struct session *s, enum http_prio prio)
{
	char etag[256] = "";

	store_meta_get(s->conn.store, "catalog_etag", etag, sizeof etag);
	/* an empty store asks unconditionally, whatever tag it kept */
	if (!store_meta_int(s->conn.store, "catalog_at"))
		etag[0] = '\0';
	s->cat_asked = app_now(s->app);
	s->cat_id = api_procedures_if(s->conn.api, etag[0] ? etag : NULL, prio, on_catalog, s);
}

bool session_refresh_catalog(struct app *app,
			     void (*done)(struct app *app, bool changed, const struct err *e))
{
	struct session *s = app->session;

	if (!s || s->cat_done)
		return false;
	s->cat_done = done;
	if (!s->cat_id)		/* else the background one tells it */
		ask_catalog(s, HTTP_INTERACTIVE);
	return true;
}

void session_catalog_sync(struct session *s)
{
	int64_t now = app_now(s->app), at;

	if (s->closing || s->sync || s->cat_id || s->form_id)
		return;
	at = store_meta_int(s->conn.store, "catalog_at");
	if ((!at || now - at >= SESSION_CATALOG_S) && (!s->cat_asked || now - s->cat_asked >= SESSION_CATALOG_S)) {
		ask_catalog(s, HTTP_BACKGROUND);
	} else if (!s->forms_done) {
		s->form_after[0] = '\0';
		next_form(s);
	}
}

void session_catalog_close(struct session *s)
{
	if (s->cat_id)
		api_cancel(s->conn.api, s->cat_id);
	if (s->form_id)
		api_cancel(s->conn.api, s->form_id);
}
