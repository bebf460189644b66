/* Test harness for motcua-sandbox: start the real server on a free
 * loopback port with a private database, talk to it over HTTP (libcurl),
 * stop it with SIGTERM. Shared by the sandbox's own integration tests (of
 * both dialects: pass "--dialect", "portal" to sbxh_start for the second)
 * and the client engine's tests against both dialects.
 *
 * Environment: SANDBOX names the motcua-sandbox binary (set by `make
 * check`); SBXH_START_TIMEOUT (seconds, default 60) bounds the start-up;
 * MOTCUA_CALENDAR_DIR is passed through to the server. Every wait has a
 * deadline: nothing here can hang a test run. */
#ifndef MOTCUA_SBX_HARNESS_H
#define MOTCUA_SBX_HARNESS_H

#include <check.h>
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct sbxh {
	pid_t pid;
	int port;
	char url[64];		/* "http://127.0.0.1:PORT" */
	char dir[256];		/* private temporary directory */
	char db[320];		/* DIR/sandbox.db unless set before start */
	char log[320];		/* the server's standard error: DIR/server.log */
};

struct sbxh_req {
	const char *method;	/* default GET, or POST when body is set */
	const char *path;	/* "/api/v1/..." */
	const char *token;	/* Authorization: Bearer TOKEN */
	const char *body;	/* sent as application/json unless content_type */
	size_t body_len;	/* 0: strlen(body) */
	const char *content_type;
	const char *if_match, *if_none_match, *idempotency_key;
	const char *api_key;	/* X-API-Key: KEY (the portal dialect) */
	bool gzip;		/* Accept-Encoding: gzip, body left compressed */
	const char *const *headers;	/* extra "Name: value" lines, NULL-terminated */
	long timeout_ms;	/* default 20000 */
};

struct sbxh_reply {
	long status;		/* 0 when no HTTP status arrived */
	int curl_rc;		/* CURLcode: 0, or e.g. 18 for a body cut short */
	char *body;		/* as received (NUL-terminated), never NULL */
	size_t len;
	cJSON *json;		/* body parsed when it is complete JSON, else NULL */
	char etag[128], content_type[96], content_encoding[32], location[256];
	char retry_after[16], replayed[16], cache_control[64], allow[64];
	double seconds;		/* total time of the exchange */
};

/* The main() of a Check suite against the sandbox: 77 (skipped) when
 * SANDBOX is not set, else the suite run in the tests' locale with libcurl
 * set up; EXIT_SUCCESS or EXIT_FAILURE. */
int sbxh_run_suite(Suite *s);

/* A private directory and an unused db path in it; 0 or -1. */
int sbxh_init(struct sbxh *h);
/* Start SANDBOX --listen 127.0.0.1:0 --db h->db ARGS... and wait for its
 * "listening on http://..." line. 0, or -1 with a message on stderr. */
int sbxh_start(struct sbxh *h, const char *const *args);
/* SIGTERM and wait (10 s, then SIGKILL): the exit status, or -1 when it
 * had to be killed, 128+N when it died of signal N. */
int sbxh_stop(struct sbxh *h);
/* Stop if running and remove the directory. */
void sbxh_cleanup(struct sbxh *h);

int sbxh_do(const struct sbxh *h, const struct sbxh_req *rq, struct sbxh_reply *r);
void sbxh_reply_free(struct sbxh_reply *r);
/* Shorthands: GET and POST of a JSON text. */
int sbxh_get(const struct sbxh *h, const char *token, const char *path,
	     struct sbxh_reply *r);
int sbxh_post(const struct sbxh *h, const char *token, const char *path,
	      const char *body, struct sbxh_reply *r);
/* POST /api/v1/auth/login; the token (malloc'd) or NULL. */
char *sbxh_login(const struct sbxh *h, const char *user, const char *password);
/* A service of the portal dialect (start the server with --dialect portal):
 * POST /api/portal with the JSON body, as the user of api_key (NULL: none). */
int sbxh_portal(const struct sbxh *h, const char *api_key, const char *body,
		struct sbxh_reply *r);
/* A user's API key from GET /_sandbox/api-key (malloc'd) or NULL. */
char *sbxh_api_key(const struct sbxh *h, const char *login);

/* A string / number member by a dotted path ("error.code", "items.0.code");
 * NULL / NAN when absent or of another type. */
const char *sbxh_str(const cJSON *j, const char *path);
double sbxh_num(const cJSON *j, const char *path);
const cJSON *sbxh_at(const cJSON *j, const char *path);

#endif
