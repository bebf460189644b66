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
	bool full;		/* the store's disk is full: a notice says so */
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
	unsigned cat_id;	/* the catalog's call (session_catalog.c) */
	void (*cat_done)(struct app *app, bool changed, const struct err *e);
	int64_t cat_asked;	/* app_now() the list was last asked for; 0: ask at the next sync */
	unsigned form_id;	/* a procedure's form being fetched for the store */
	char form_after[128];	/* its code: the next one asked for comes after it */
	bool forms_done;	/* no form missing since the last list */
	struct session_lookup *lookups;	/* under way */
	struct session_watch *watches;	/* session_intake's fn, per entry */
};

/* The catalog and its forms into the store, in the background, if it is
 * time (session_catalog.c): at the end of each sync. */
void session_catalog_sync(struct session *s);
void session_catalog_close(struct session *s);
/* After a write to the store failed: if the disk is full, a notice says
 * it until session_disk_room, and the outbox and the sync are tried again
 * soon, so what the server already did is recorded (by its idempotency
 * key) once there is room. */
void session_disk_full(struct session *s);
/* A write to the store went through: a full disk's notice goes. */
void session_disk_room(struct session *s);
/* Cancel what session_intake.c started (session_close). */
void session_intake_close(struct session *s);
/* The outbox moved entry id to st (code: a delivered intake's dossier):
 * its watcher hears it, once per change. */
void session_intake_news(struct session *s, int64_t id, enum ob_state st, const char *code);
/* The sender stopped: what it was sending is back in the queue, or
 * failed; the watchers of entries being sent hear where they stand. */
void session_intake_recheck(struct session *s);

#endif
