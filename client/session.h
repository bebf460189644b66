/* The interactive client's connection to its server: profile, transport and
 * API, logged in once, the inbox fetched in the background (first page
 * first) and refreshed periodically, the link state for the status bar.
 * Screens read app->dossiers; nothing here draws. */
#ifndef MOTCUA_SESSION_H
#define MOTCUA_SESSION_H

#include "api.h"
#include "app.h"
#include "cli.h"

enum session_state {
	SESSION_LOGGING_IN,
	SESSION_READY,
	SESSION_FAILED,		/* login refused: app->msg says why */
};

/* How often the inbox is synced: online; after a failure (doubling with
 * each one); at most, and when the clerk is idle (no key for a while). */
#define SESSION_REFRESH_MS (60 * 1000)
#define SESSION_RETRY_MS (5 * 1000)
#define SESSION_SLOW_MS (5 * 60 * 1000)
#define SESSION_IDLE_S (10 * 60)

/* Load the profile, open the local store (the inbox shows what it holds at
 * once) and start logging in; the outbox and a sync follow. Fails (with e)
 * when the profile or the store cannot be opened, or the transport cannot
 * be set up. */
int session_open(struct app *app, const struct cli *cli, const char *secret, struct err *e);
void session_close(struct app *app);

/* Send the outbox and sync now (Ctrl-R, and the timer). */
void session_refresh(struct app *app);
/* The clerk pressed a key: polling comes back to its normal pace. */
void session_activity(struct app *app);
/* Queue an action in the outbox (durably: on 0 it is saved) and send it
 * when the link allows. */
int session_act(struct app *app, const char *code, enum action act, const struct api_act_args *args,
		struct err *e);
/* Stop what is under way (Esc): a dossier being fetched first, else the
 * sync; false if nothing was. */
bool session_cancel(struct app *app);

/* Fetch one dossier whole (components, log, allowed actions: the inbox has
 * summaries), ahead of background sync. On success it is stored and
 * replaces the dossier of that code in app->dossiers; a failure is said in
 * the status bar. done runs once, later, also when cancelled (ok false).
 * Starting another fetch cancels this one. False (done never runs)
 * without a server. */
bool session_fetch_dossier(struct app *app, const char *code,
			   void (*done)(struct app *app, bool ok));

#endif
