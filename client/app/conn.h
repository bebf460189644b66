/* One connection to a server, wired once for both front ends (the
 * interactive session and batch mode): the profile found and loaded, the
 * HTTP transport with the command line's options, the API over them, and
 * the local store of this server and user, opened when first wanted. What
 * fails is a value, which each front end says in its own way (a message in
 * the status bar, an exit code). */
#ifndef MOTCUA_CONN_H
#define MOTCUA_CONN_H

#include "api/api.h"
#include "cli.h"
#include "core/password.h"
#include "store/store.h"

enum conn_fail {
	CONN_OK,
	CONN_E_PROFILE,		/* no profile given, or it cannot be found or read */
	CONN_E_TRANSPORT,	/* the HTTP transport cannot be set up */
};

struct conn {
	struct profile *prof;
	struct http *http;
	struct api *api;
	struct store *store;	/* NULL until conn_store() */
	char *server, *user;	/* the command line's: they name the store */
	bool settled;		/* a login succeeded: the store may be made */
	bool interim;		/* store is conn_store_interim()'s, in memory */
	bool missing;		/* conn_store found none, before a login */
	struct pw_verifier secret;	/* conn_keep_session's, for the next login */
	/* a session opened while no store exists: kept when the command
	 * opens one, never a store made for it alone */
	char *pending_token;
	int pending_role;
	bool pending;
};

/* What differs between the front ends. */
struct conn_opts {
	int timeout_s;		/* request-timeout of motcuarc; --timeout wins */
	bool fail_fast;		/* once the server did not answer, ask no more */
	void (*on_link)(void *arg, enum http_link link);	/* or NULL */
	void *arg;
};

/* Load cli->profile, set up the transport with the command line's options
 * and o (NULL: the defaults) and the API for cli->server and cli->user.
 * The API has no secret yet: whether one is needed is the profile's to
 * say (api_set_secret). On failure c is left closed and e says why. */
enum conn_fail conn_open(struct conn *c, struct loop *l, const struct cli *cli,
			 const struct conn_opts *o, struct err *e);
/* The local store of this server and user, opened the first time. Before
 * a login succeeded (conn_settle) only one that exists is opened: none is
 * NULL with e saying so, for nothing is written to disk before a login.
 * Named before contact by the server's identity when the profile gives
 * it, else by the host and port (an alias of the named store once a
 * login at that address learnt the identity). */
struct store *conn_store(struct conn *c, struct err *e);
/* The same, but a store in memory when none exists yet (the interactive
 * client draws from it until the login); conn_settle replaces it. */
struct store *conn_store_interim(struct conn *c, struct err *e);
/* A login succeeded: from now on conn_store names the store after the
 * server's identity as the login learnt it, and makes it when first
 * wanted (batch mode: a command that needs no store makes none). */
void conn_logged_in(struct conn *c);
/* A login succeeded, in a client that drew from a store before it: name the store after the server's identity as the
 * login learnt it, make its folders and open or create it, recording the
 * identity and the profile in it. When the store open so far is another
 * (in memory, or another server's now at that address), *was is that one,
 * for the caller to close once nothing uses it; else NULL. */
int conn_settle(struct conn *c, struct store **was, struct err *e);
/* Take over the undelivered actions of this clerk's other stores of this
 * server (store_others: a store made at another address before the server
 * named itself, or before this motcua): how many came, or -1. */
int conn_adopt(struct conn *c, int64_t now, struct err *e);
/* How many undelivered actions those stores hold. */
int64_t conn_stranded(struct conn *c);
/* Keep the session a login opens between runs, for the password secret
 * (the one given to api_set_secret): resume the session an earlier run
 * kept, when the store exists already and the same secret opened it; from
 * now on keep each one a login opens, and forget it when a login is
 * refused. It lives in the store's meta table (the store is its owner's
 * alone, mode 0600) beside a salted hash of the secret, never in a log or
 * a message; a command that opens no store keeps none (no store is made
 * for it). Nothing for a profile without a login to save. */
void conn_keep_session(struct conn *c, const char *secret);
/* Forget the kept session (motcua logout): 0, or -1 with e. */
int conn_forget_session(struct conn *c, struct err *e);
/* Cancel every call: their callbacks run now, while the store is open. */
void conn_stop(struct conn *c);
/* Stop, close the store and free the rest; c is left closed. */
void conn_close(struct conn *c);

#endif
