#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "session_int.h"

int session_stats(struct app *app, struct stats *st, struct err *e)
{
	struct session *s = app->session;

	if (s)
		return store_stats_scan(s->conn.store, st->from, st->to, stats_add, st, e);
	/* no server, no store: what the app holds (a client shown in tests) */
	for (size_t i = 0; i < app->ndossiers; i++) {
		const struct dossier *d = &app->dossiers[i];
		int sup = 0, apo = 0;

		for (int j = 0; j < d->ndue; j++) {
			const char *r = d->due_history[j].reason;

			sup += r && !strcmp(r, "supplement");
			apo += r && !strcmp(r, "apology");
		}
		stats_add(st, d, sup, apo);
	}
	return 0;
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
