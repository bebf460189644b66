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

/* How often the inbox is refreshed while online. */
#define SESSION_REFRESH_MS (60 * 1000)

/* Load the profile and start logging in; the first inbox fetch follows.
 * Fails (with e) only when the profile cannot be loaded or the transport
 * cannot be set up. */
int session_open(struct app *app, const struct cli *cli, const char *secret, struct err *e);
void session_close(struct app *app);

/* Fetch the inbox again now (Ctrl-R, and the refresh timer). */
void session_refresh(struct app *app);
/* Stop what is under way (Esc): a dossier being fetched first, else the
 * inbox refresh; false if nothing was. */
bool session_cancel(struct app *app);

/* Fetch one dossier whole (components, log, allowed actions: the inbox has
 * summaries), ahead of background sync. On success it replaces the dossier
 * of that code in app->dossiers; a failure is said in the status bar. done
 * runs once, later, also when cancelled (ok false). Starting another fetch
 * cancels this one. False (done never runs) without a server. */
bool session_fetch_dossier(struct app *app, const char *code,
			   void (*done)(struct app *app, bool ok));

#endif
