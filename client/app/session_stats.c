#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "session_int.h"

int session_stats(struct app *app, struct stats *st, struct err *e)
{
	/* the session's store, or without a server the app's own (tests) */
	struct store *store = app->session ? app->session->conn.store : app->store;

	if (!store)
		return 0;
	return store_stats_scan(store, st->from, st->to, stats_add, st, e);
}

struct server_call {
	struct session *s;
	session_stats_fn done;
	void *arg;
};

static void on_stats(void *arg, struct record *rec, const struct api_result *r)
{
	struct server_call *c = arg;

	if (c->s->closing) {
		if (rec) {
			record_free(rec);
			free(rec);
		}
	} else {
		c->done(c->s->app, rec, r, c->arg);
	}
	free(c);
}

bool session_server_stats(struct app *app, int64_t from, int64_t last_day,
			  session_stats_fn done, void *arg)
{
	struct session *s = app->session;
	struct server_call *c;

	if (!s || s->state != SESSION_READY)
		return false;
	c = xmalloc(sizeof *c);
	*c = (struct server_call){ s, done, arg };
	api_stats(s->conn.api, from, last_day, on_stats, c);
	return true;
}
