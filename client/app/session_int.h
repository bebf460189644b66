/* The session's state, shared by session.c (log in, sync, the outbox) and
 * session_intake.c (intakes, the catalog, lookups). Not for screens. */
#ifndef MOTCUA_SESSION_INT_H
#define MOTCUA_SESSION_INT_H

#include "conn.h"
#include "session.h"
#include "store/outbox_send.h"

struct session {
	struct app *app;
	struct conn conn;	/* profile, transport, API, store */
	struct outbox_sender *out;
	struct notify *notify;
	enum session_state state;
	struct sync *sync;	/* under way, else NULL */
	struct http_stats sync_from;	/* the transport's counts when it began */
	unsigned login_id, timer, notify_timer;
	int fails;		/* syncs failed in a row: the next waits longer */
	bool unreachable;	/* the last of them could not reach the server */
	int64_t tried_ms;	/* app_now_ms() of the last try made for a key */
	bool closing;
	bool timeout_given;	/* --timeout: request-timeout does not apply */
	void (*login_hook)(struct app *app, const struct api_result *r);
	unsigned get_id;	/* session_fetch_dossier's call */
	void (*get_done)(struct app *app, bool ok);
	/* session_fetch_procedure's call, and what the clerk already has */
	unsigned proc_id;
	void (*proc_done)(struct app *app, const struct procedure *p, const struct err *e);
	char *proc_shown;	/* the cached procedure as JSON, NULL if none */
	unsigned cat_id;	/* session_refresh_catalog's call */
	void (*cat_done)(struct app *app, bool changed, const struct err *e);
	struct session_lookup *lookups;	/* under way */
	struct session_watch *watches;	/* session_intake's fn, per entry */
};

/* Cancel what session_intake.c started (session_close). */
void session_intake_close(struct session *s);
/* The outbox moved entry id to st (code: a delivered intake's dossier):
 * its watcher hears it, once per change. */
void session_intake_news(struct session *s, int64_t id, enum ob_state st, const char *code);
/* The sender stopped: what it was sending is back in the queue, or
 * failed; the watchers of entries being sent hear where they stand. */
void session_intake_recheck(struct session *s);

#endif
