/* The engine's view of one provincial API: operations (log in, list and
 * read dossiers, act on them, look people and enterprises up in the
 * national registers, read the catalog) carried out through a profile and
 * the HTTP transport. Everything is asynchronous: each call returns an id
 * at once and its callback runs later from the event loop, exactly once
 * (also when cancelled). Nothing here draws or blocks. */
#ifndef MOTCUA_API_H
#define MOTCUA_API_H

#include <stdbool.h>

#include "core/err.h"
#include "core/model.h"
#include "intake.h"
#include "net/http.h"
#include "profile.h"

enum api_fail {
	API_OK,
	API_E_NETWORK,		/* unreachable, timed out, or 5xx after the retries */
	API_E_AUTH,		/* credentials refused (401) or no right (403) */
	API_E_NOTFOUND,
	API_E_CONFLICT,		/* changed on the server meanwhile (409, 412) */
	API_E_REFUSED,		/* the server said no; e says why */
	API_E_BADREPLY,		/* the reply does not fit the profile */
	API_E_UNSUPPORTED,	/* the profile has no such operation or action */
	/* the request cannot be made as configured: a bad address, a TLS
	 * failure, an untrusted certificate; not offline, and waiting will
	 * not mend it */
	API_E_SETUP,
	API_E_CANCELLED,
	API_E_LOCAL,		/* this machine failed: the local store */
};

struct api_result {
	enum api_fail fail;
	long status;		/* HTTP status, 0 if none */
	/* API_E_NETWORK only: the server's machine answered that nothing
	 * listens on the port (connection refused): the service is down,
	 * not the link; otherwise no answer came (no route, name, timeout) */
	bool down;
	struct err e;		/* one sentence when fail != API_OK */
	char code[64], field[64];	/* what the API said, if anything */
	const char *cursor;	/* api_list: the change cursor to send next time */
	bool not_modified;	/* 304: nothing changed since the ETag given */
	bool complete;		/* api_list: the server reported a total, and
				 * that many came: a listing to forget by */
	long listed, total;	/* api_list: items that came; the total the
				 * server reported, -1 if none */
	const char *etag;	/* the reply's ETag, if any */
	int64_t server_time;	/* the reply's Date: the server's clock, Unix
				 * seconds; 0 if it gave none */
	int64_t list_time;	/* api_list: the first page's Date, when the
				 * list began to be read; 0 if none */
};

struct api;

/* server overrides the profile's base_url; secret is the password, API key
 * or token, as the profile's auth says. */
struct api *api_new(struct loop *l, struct http *h, const struct profile *p,
		    const char *server, const char *user, const char *secret);
void api_free(struct api *a);	/* cancels what is running */

const struct profile *api_profile(const struct api *a);
/* The clerk's role as the last login named it (auth.role); -1: not known. */
int api_role(const struct api *a);
/* The server's identity (the profile's server_id): its name when the API
 * is at the profile's own base_url, or what the last login's reply said
 * in the profile's header; NULL when none is known. It names the local
 * store (store_path). */
const char *api_server_id(const struct api *a);
/* Stop a call; its callback runs with API_E_CANCELLED before this returns. */
void api_cancel(struct api *a, unsigned id);

typedef void (*api_done_fn)(void *arg, const struct api_result *r);

/* Use this password or key from now on (the login screen's); the old one
 * is wiped and the session it opened forgotten. */
void api_set_secret(struct api *a, const char *secret);

/* Authenticate as the profile says (a no-op for API keys and tokens). A
 * later 401 logs in again once, by itself. */
unsigned api_login(struct api *a, api_done_fn done, void *arg);

/* A session kept between runs (app/conn.c keeps it in the store): its
 * token (NULL when the profile logs in only to prove the password, as
 * with Basic) and the role its login gave (-1: none). api_login then
 * answers at once without a request; a reply saying the session is no
 * longer valid (401, or the profile's failure of kind auth) logs in again,
 * once per call, as for any expired session. */
void api_resume(struct api *a, const char *token, int role);
/* The server's identity as the store of a kept session recorded it: a
 * resumed session reads no login reply to learn it from (server_id). */
void api_resume_server(struct api *a, const char *id);
/* fn is told of each login's outcome: a session opened (its token, NULL
 * with Basic, and role), or, with ok false, a login refused (forget any
 * session kept). Not told of a login that did not reach the server. */
typedef void (*api_session_fn)(void *arg, bool ok, const char *token, int role);
void api_on_session(struct api *a, api_session_fn fn, void *arg);

struct api_list_query {
	const char *status;	/* "4,5": national codes */
	bool mine, overdue;
	const char *procedure, *q;
	const char *since;	/* change cursor from the last api_list: only
				 * what changed after it, following "more" */
	const char *etag;	/* of the last first page, for If-None-Match */
	bool updated_first;	/* most recently changed first (sort_updated) */
	bool open_first;	/* the open dossiers only (status_is_open), earliest
				 * due first where the profile sorts so
				 * (capabilities.open_first) */
	long skip;		/* start after this many items, rounded down to
				 * a whole page (api_list_skip) */
	int per_page;		/* 0: the profile's page size */
	enum http_prio prio;
	int max_pages;		/* 0: all */
};

/* Pages arrive in order; page() takes ownership of items (an array of n
 * dossiers to dossier_free and free) and returns false to stop there (the
 * list then ends as if complete); total is what the page says the whole
 * list holds, -1 if it says nothing. done() follows the last page. */
typedef bool (*api_page_fn)(void *arg, struct dossier *items, int n, long total);
unsigned api_list(struct api *a, const struct api_list_query *q, api_page_fn page,
		  api_done_fn done, void *arg);
/* Where a listing asked to skip items starts: skip itself with offset
 * paging, a whole number of pages of per_page (0: the profile's) with page
 * paging, 0 when the paging cannot start in the middle (a cursor). */
long api_list_skip(const struct api *a, long skip, int per_page);

/* got() owns the dossier (NULL when r->fail). */
typedef void (*api_dossier_fn)(void *arg, struct dossier *d, const struct api_result *r);
unsigned api_get(struct api *a, const char *code, enum http_prio prio, api_dossier_fn got,
		 void *arg);

struct api_act_args {
	const char *version;	/* what the clerk saw, for If-Match */
	const char *idempotency_key;	/* the outbox's; NULL: a new one */
	const char *note, *reason, *assignee;
	int64_t new_due;	/* reschedule: the new appointment; 0 if none */
	const int *missing;	/* request-supplement: the components missing, */
	int nmissing;		/* by their seq; sent as {supplement} */
};
unsigned api_act(struct api *a, const char *code, enum action act,
		 const struct api_act_args *args, api_dossier_fn got, void *arg);
/* Whether the profile can send act at all; e says why not. Asked before
 * an action is queued, so that one the server is never offered is not. */
int api_can_act(const struct api *a, enum action act, struct err *e);

/* Look id up in the national register reg ("citizen": an ID number;
 * "enterprise": a tax code), for dossier (NULL: none yet) and purpose, as
 * the server's audit wants them. got() owns the record (NULL when
 * r->fail; API_E_UNSUPPORTED for a register the engine does not know). */
typedef void (*api_record_fn)(void *arg, struct record *rec, const struct api_result *r);
unsigned api_lookup(struct api *a, const char *reg, const char *id, const char *dossier,
		    const char *purpose, api_record_fn got, void *arg);

/* The server's own indicators for the days from `from` to `last_day`
 * (both local midnights; the profile's date format writes them), as the
 * profile's "stats" mapping reads them: API_E_UNSUPPORTED when the
 * profile has no stats operation. got() owns the record. */
unsigned api_stats(struct api *a, int64_t from, int64_t last_day, api_record_fn got,
		   void *arg);

/* All pages of the catalog; got() owns items (n procedures). */
typedef void (*api_procedures_fn)(void *arg, struct procedure *items, int n,
				  const struct api_result *r);
unsigned api_procedures(struct api *a, api_procedures_fn got, void *arg);

/* The catalog again, unless it is unchanged since etag (the ETag of the
 * last complete catalog, from r->etag; NULL: unconditional): then
 * r->not_modified and no items. APIs without ETags always send it. */
unsigned api_procedures_if(struct api *a, const char *etag, enum http_prio prio, api_procedures_fn got,
			   void *arg);

/* One procedure whole: components (with the national register that
 * replaces each), the intake form's fields, a joint procedure's parts.
 * got() owns the procedure (NULL when r->fail). */
typedef void (*api_procedure_fn)(void *arg, struct procedure *p, const struct api_result *r);
unsigned api_procedure(struct api *a, const char *code, enum http_prio prio, api_procedure_fn got,
		       void *arg);

/* Create a dossier (the profile's intake operation) with the idempotency
 * key given (the outbox's, so a resend is done once; NULL: a new one).
 * got() owns the dossier the server created. */
unsigned api_intake(struct api *a, const struct intake *in, const char *idempotency_key,
		    api_dossier_fn got, void *arg);

/* A fresh idempotency key (32 hex digits). */
void api_new_key(char out[33]);

#endif
