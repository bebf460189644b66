#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "desk/deadline.h"
#include "store/store_inbox.h"
#include "session_int.h"

_Static_assert(STORE_BANDS == BAND_NONE, "the store counts every band of enum band");

int session_count_stats(struct store *store, struct stats *st, struct err *e)
{
	struct deadline_cuts c;
	struct inboxq_cuts cut;
	enum store_stats_key key = st->by == STATS_BY_CLERK ? STORE_STATS_CLERK :
				   st->by == STATS_BY_PROCEDURE ? STORE_STATS_PROCEDURE :
				   STORE_STATS_DESK;

	deadline_cuts(st->cal, st->now, &c);
	cut = (struct inboxq_cuts){ c.now, c.today_end, c.apology, c.soon };
	if (store_stats_scan(store, st->from, st->to, stats_add, st, e) < 0)
		return -1;
	return store_stats_open(store, &cut, key, stats_add_open, st, e);
}

int session_stats(struct app *app, struct stats *st, struct err *e)
{
	/* the session's store, or without a server the app's own (tests) */
	struct store *store = app->session ? app->session->conn.store : app->store;

	if (!store)
		return 0;
	return session_count_stats(store, st, e);
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
