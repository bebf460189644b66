/* The sandbox's shared context and its error values.
 *
 * One struct sbx holds everything a request needs: the SQLite connection,
 * the working-day calendar, the sandbox clock and the fault settings. The
 * server's threads run requests side by side; every use of the database and
 * of the clock happens with `lock` held (one connection, serialised), so the
 * operations below never race. Faults have their own lock: they are drawn
 * before a request is dispatched and applied after it. */
#ifndef MOTCUA_SBX_H
#define MOTCUA_SBX_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/model.h"

struct sbx_faults;

enum sbx_dialect {
	SBX_DIALECT_REFERENCE,
	SBX_DIALECT_PORTAL,
	SBX_DIALECT_OPENCPS,	/* OpenCPS v2's officer REST API (API_OPENCPS.md) */
};

#define SBX_BODY_LIMIT (1024 * 1024)	/* request bodies: 1 MiB */

#define SBX_SERVER_ID_HEADER "X-Server-Id"

struct sbx {
	sqlite3 *db;
	struct cal *cal;
	pthread_mutex_t lock;		/* db and clock */
	/* The sandbox clock: real time + offset, or frozen at frozen_at. */
	int64_t clock_offset;
	bool clock_frozen;
	int64_t clock_frozen_at;
	struct sbx_faults *faults;
	enum sbx_dialect dialect;
	size_t body_limit;
	atomic_bool stopping;		/* set at shutdown: cut fault sleeps short */
	bool log_requests;		/* one line per request on stderr */
	bool number_on_reception;	/* opencps: no dossierNo before reception */
	/* The server's name for itself, sent with every login's reply in
	 * SBX_SERVER_ID_HEADER: made once per database (meta server_id), so
	 * the same training data is the same server on whatever port. */
	char server_id[48];
	/* sbx_op_list_state per agency, valid for one change counter value
	 * until the next due date passes (so polls need no counting). */
	struct sbx_list_state {
		char agency[40];
		int64_t seq, from, until, overdue;
	} list_states[8];
	/* Paged list queries' rows in order, per query, for the change
	 * counter value they were made at (ops_listing.c). */
	struct sbx_listing {
		char *key;		/* agency, filter, sort and their values */
		int64_t seq;
		int64_t *rows;		/* rowids, in the listing's order */
		int64_t n;
		unsigned used;		/* listing_tick when last used */
	} listings[4];
	unsigned listing_tick;
	/* Failed logins per login name, to answer guessing with 429. */
	struct sbx_login_failures {
		char login[64];
		int64_t window_start;	/* monotonic seconds */
		int count;
	} login_failures[32];
	/* Logins answered with a session (or, in the opencps dialect, with the
	 * user's record), for tests that count them: /_sandbox/health. */
	int64_t logins;
};

/* The user a request acts for (after authentication). */
struct sbx_user {
	int64_t id;
	char login[64];
	char full_name[128];
	char agency_id[40];
	enum role role;
};

/* What went wrong, independent of the dialect: each dialect maps the kind
 * to its own status code or error_code. */
enum sbx_ekind {
	SBX_E_INVALID = 1,	/* malformed request: 400 */
	SBX_E_UNAUTHORIZED,	/* 401 */
	SBX_E_FORBIDDEN,	/* 403 */
	SBX_E_NOT_FOUND,	/* 404 */
	SBX_E_CONFLICT,		/* version mismatch: 409 */
	SBX_E_STATE,		/* well-formed but not allowed now: 422 */
	SBX_E_TOO_MANY,		/* 429 */
	SBX_E_INTERNAL,		/* 500 */
	SBX_E_UNAVAILABLE,	/* 503 */
};

struct sbx_error {
	enum sbx_ekind kind;
	char code[40];		/* stable, e.g. "invalid_field" */
	char field[96];		/* the field or parameter at fault, or "" */
	char message[400];	/* one sentence for an integrator */
	int64_t current_version;	/* SBX_E_CONFLICT: the version now */
};

/* Fill e and return -1. field may be NULL. */
int sbx_fail(struct sbx_error *e, enum sbx_ekind kind, const char *code,
	     const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* An internal error from the database's last message. */
int sbx_fail_db(struct sbx_error *e, sqlite3 *db);

/* The sandbox clock (call with lock held). */
int64_t sbx_now(const struct sbx *s);

#endif
