/* The interactive client's connection to its server: profile, transport and
 * API, logged in once, the inbox fetched in the background (first page
 * first) and refreshed periodically, the link state for the status bar.
 * Screens read the inbox from the session's store (app->store); nothing
 * here draws. */
#ifndef MOTCUA_SESSION_H
#define MOTCUA_SESSION_H

#include "api/api.h"
#include "api/intake.h"
#include "app.h"
#include "cli.h"
#include "desk/autofill.h"
#include "desk/stats.h"
#include "store/outbox.h"

enum session_state {
	SESSION_NEEDS_SECRET,	/* none was given: the login screen asks */
	SESSION_LOGGING_IN,
	SESSION_READY,
	SESSION_FAILED,		/* login refused: app->msg says why */
};

/* How often the inbox is synced: online; after a failure (doubling with
 * each one, unless the server could not be reached: then every
 * SESSION_RETRY_MS, so that the client is back within seconds of the
 * server, or SESSION_OFFLINE_IDLE_MS while no one is at the desk); at most,
 * and when the clerk is idle (no key for a while). A key typed while the
 * server is unreachable tries at once, at most once per
 * SESSION_KEY_TRY_MS. */
#define SESSION_REFRESH_MS (60 * 1000)
#define SESSION_RETRY_MS (5 * 1000)
#define SESSION_OFFLINE_IDLE_MS (60 * 1000)
#define SESSION_KEY_TRY_MS (2 * 1000)
#define SESSION_SLOW_MS (5 * 60 * 1000)
#define SESSION_IDLE_S (10 * 60)
/* The procedure catalog is fetched whole (with every procedure's form)
 * into the store once the first sync of a session has ended, then again
 * once it is this old. */
#define SESSION_CATALOG_S (60 * 60)

/* Load the profile, open the local store (the inbox shows what it holds at
 * once) and start logging in; the outbox and a sync follow. Without a
 * secret, when the profile needs one, it waits for session_login() instead.
 * Fails (with e) when the profile or the store cannot be opened, or the
 * transport cannot be set up. */
int session_open(struct app *app, const struct cli *cli, const char *secret, struct err *e);
void session_close(struct app *app);

/* No secret was given and the profile needs one: nothing is sent until
 * session_login(). */
bool session_needs_secret(const struct app *app);
/* Log in with this password or key (the login screen's; copied, the
 * caller wipes its own). */
void session_login(struct app *app, const char *secret);
/* Called with the outcome of every login from now on (the first, and those
 * the session makes again later); NULL stops it. */
void session_on_login(struct app *app, void (*fn)(struct app *app, const struct api_result *r));

/* Send the outbox and sync now (Ctrl-R, and the timer). */
void session_refresh(struct app *app);
/* A setting changed (`set`, `:source`): what the session holds from the
 * settings follows, request-timeout for the requests started from now
 * (unless --timeout set it for this run). Nothing without a server. */
void session_conf_changed(struct app *app);
/* The clerk pressed a key: polling comes back to its normal pace, and an
 * unreachable server is tried again now. */
void session_activity(struct app *app);
/* Try the server now (log in again if that failed), whatever the timer
 * says: the retry-now operation. False: there is no server. */
bool session_retry_now(struct app *app);
/* Queue an action in the outbox (durably: on 0 it is saved) and send it
 * when the link allows. seen: the dossier as the clerk saw it (its status,
 * step, assignee and due date are kept to explain a conflict), or NULL. */
int session_act(struct app *app, const char *code, enum action act, const struct api_act_args *args,
		const struct dossier *seen, struct err *e);
/* The clerk decided on a conflicting or refused action (app->outbox):
 * send it again on the dossier's version now known (its code's in the
 * store), or give it up. */
int session_retry(struct app *app, int64_t id, struct err *e);
int session_discard(struct app *app, int64_t id, struct err *e);
/* Take over the actions waiting in this clerk's other stores of this
 * server (app->stranded, counted after the login) and send them: how many
 * came, or -1; app->stranded counts what is left. */
int session_adopt(struct app *app, struct err *e);
/* Stop what is under way (Esc): a dossier being fetched first, else the
 * sync; false if nothing was. */
bool session_cancel(struct app *app);

/* Something the clerk started is still under way: logging in, a dossier
 * or a procedure being fetched, a lookup, the inbox or the catalog being
 * refreshed, an action or intake being sent or queued while the link is
 * up (queued offline is not under way). A macro waits for none of these before its next key. */
bool session_busy(const struct app *app);

/* Fetch one dossier whole (components, log, allowed actions: the inbox has
 * summaries), ahead of background sync. On success it is stored, a new
 * generation of the inbox (app_find_dossier() reads it); a failure is said in
 * the status bar. done runs once, later, also when cancelled (ok false).
 * Starting another fetch cancels this one. False (done never runs)
 * without a server. */
bool session_fetch_dossier(struct app *app, const char *code,
			   void (*done)(struct app *app, bool ok));

/* The actions a dossier not read whole since it last changed may allow,
 * for app_find_dossier: the profile's rules (vocab.allowed) for its status
 * and the clerk's role as the last login named it (kept in the store, so
 * that they hold offline), else every action the API has, the server
 * deciding (d->allowed_from says which). */
void session_guess_allowed(struct app *app, struct dossier *d);

/* ---- intake, catalog, lookups (session_intake.c, session_catalog.c) ---- */

/* What became of a queued intake: its entry, its state now, and once
 * delivered (OB_DONE) the new dossier's code ("" otherwise). */
typedef void (*session_intake_fn)(struct app *app, int64_t id, enum ob_state st, const char *code,
				  void *arg);
/* Queue an intake in the outbox: durable when this returns 0 (the form may
 * say "saved"), *id its entry, *st where it stands (OB_SENDING when it
 * went at once). It is sent at once when the link allows, else later, with
 * one idempotency key, so the dossier is created once. When delivered the
 * dossier is stored and merged into the inbox.
 *
 * From then on fn (unless NULL) hears each change of its state: sent, back
 * in the queue, delivered (the dossier the server returned is in the inbox
 * by then), refused (the status bar says why). Never from within this
 * call, never after session_intake_forget(*id) or session_close; it may
 * run from within another session call (a refresh sends the outbox), so fn
 * only notes the state and asks for a redraw. */
int session_intake(struct app *app, const struct intake *in, int64_t *id, enum ob_state *st,
		   session_intake_fn fn, void *arg, struct err *e);
/* Stop telling session_intake's fn about intake id (its screen closed). */
void session_intake_forget(struct app *app, int64_t id);

/* A procedure whole, for the intake form: from the local store at once
 * (done runs before this returns) when it is cached, and from the server;
 * done runs again when the server's differs from what was shown. With
 * nothing cached, a failure runs done(app, NULL, e). Starting another fetch
 * cancels this one. False (done never runs) without a server. */
bool session_fetch_procedure(struct app *app, const char *code,
			     void (*done)(struct app *app, const struct procedure *p, const struct err *e));

/* The catalog as the local store has it (sorted by field, then code); the
 * caller frees each procedure and the array. */
int session_catalog(struct app *app, struct procedure **items, int *n, struct err *e);
/* Bring the stored catalog up to date (conditionally, where the API has
 * ETags), and then the forms it lacks; done says whether the list changed,
 * or why it could not. False (done never runs) without a server, or while
 * another refresh waits on its done. */
bool session_refresh_catalog(struct app *app,
			     void (*done)(struct app *app, bool changed, const struct err *e));

/* A national lookup in register reg ("citizen", "enterprise": api_lookup)
 * for the intake form, recorded in the local store's audit log (who, when,
 * which register and number, for which dossier and purpose, and the
 * outcome) before the record is handed over; a lookup that cannot be
 * recorded is not shown. done owns rec (NULL on failure, r says why) and
 * runs once, also when cancelled, never after session_close. Returns the
 * call's id for session_lookup_cancel, 0 (done never runs) without a
 * server. */
unsigned session_lookup(struct app *app, const char *reg, const char *id, const char *dossier,
			const char *purpose, api_record_fn done, void *arg);
void session_lookup_cancel(struct app *app, unsigned id);
/* The registers as auto-fill reaches them: session_lookup and its cancel,
 * without a dossier (the purpose names the intake). */
struct af_backend session_autofill_backend(struct app *app);

/* ---- the desk's indicators (session_stats.c) ---- */

/* Count the local store's dossiers into st (stats_init'ed: its period);
 * without a server, the dossiers the app holds. */
int session_stats(struct app *app, struct stats *st, struct err *e);
/* The same from a given store (batch mode): the period's events, then
 * the open dossiers by band at st->now, grouped as st is. */
int session_count_stats(struct store *store, struct stats *st, struct err *e);
/* The server's own figures (api_stats): done owns rec (NULL on failure, r
 * says why; API_E_UNSUPPORTED when the profile has no stats operation) and
 * runs once, later, never after session_close. False (done never runs)
 * without a server or before the login. */
typedef void (*session_stats_fn)(struct app *app, struct record *rec, const struct api_result *r,
				 void *arg);
bool session_server_stats(struct app *app, int64_t from, int64_t last_day,
			  session_stats_fn done, void *arg);

#endif
