/* The HTTP transport (DESIGN.md sections 3 and 6). Every request is
 * asynchronous: http_send() queues it and returns at once, the one event
 * loop drives libcurl, and the request's done() callback runs later from
 * inside the loop. The UI never waits on the network.
 *
 * What it does for a slow, flaky link:
 * - one libcurl multi handle (the loop's) keeps the connection cache, so
 *   connections are reused; TLS sessions are shared between transfers;
 * - Accept-Encoding is offered (gzip, deflate, br, zstd: what libcurl was
 *   built with) and replies are decoded before done() sees them;
 * - deadlines, so that no request waits without end: a connect timeout, a
 *   stall limit (less than N bytes/s for T s fails), a limit on each
 *   attempt (connect to last byte), and one on the whole request, from its
 *   first attempt: every attempt, the waits between them, and a re-login
 *   and its repeat (the API module passes the first request's deadline on);
 * - retries with exponential backoff and full jitter, but only for requests
 *   that may be repeated: GET and HEAD, or ones carrying an Idempotency-Key
 *   header (or marked idempotent), and only after a connection failure, a
 *   timeout, a broken reply, 408, 429 or a 5xx other than 501 and 505;
 *   Retry-After is honoured up to the backoff cap;
 * - interactive requests start at once; background ones wait for one of a
 *   few slots, so a lookup the clerk waits for goes ahead of sync;
 * - any request can be cancelled.
 *
 * TLS peers and host names are always verified; opts.ca_file replaces the
 * system's trust store (a provincial CA, or the sandbox's own certificate).
 *
 * Proxies: unless opts.proxy is set, libcurl reads the usual environment
 * variables itself: http_proxy, https_proxy, all_proxy and no_proxy (and
 * their upper-case forms, except HTTP_PROXY, which libcurl ignores on
 * purpose because a CGI environment can set it from a request header).
 *
 * Redirects are not followed: a 3xx comes back to the caller.
 *
 * The loop's multi handle belongs to this module: nothing else may add
 * transfers to it. Call curl_global_init() once at start-up, and free the
 * struct http before the loop. */
#ifndef MOTCUA_HTTP_H
#define MOTCUA_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/err.h"
#include "loop.h"

struct http;

enum http_prio {
	HTTP_INTERACTIVE,	/* someone is waiting: start at once */
	HTTP_BACKGROUND,	/* sync and outbox: wait for a slot */
};

/* What went wrong below HTTP. A reply with any status, 4xx and 5xx
 * included, is HTTP_E_NONE: what a status means is the caller's business. */
enum http_error {
	HTTP_E_NONE,
	HTTP_E_CANCELLED,
	HTTP_E_RESOLVE,		/* the server's (or proxy's) name was not found */
	HTTP_E_CONNECT,		/* no route, host unreachable */
	HTTP_E_REFUSED,		/* the host answered that nothing listens on
				 * the port (connection refused): the machine
				 * is up, the service is not */
	HTTP_E_TIMEOUT,		/* connect, low-speed or overall timeout */
	HTTP_E_TLS,		/* handshake failed, certificate not trusted */
	HTTP_E_BROKEN,		/* connection lost, empty or truncated reply */
	HTTP_E_TOO_BIG,		/* decoded body above opts.max_body */
	HTTP_E_PROTOCOL,	/* not HTTP, or a body that cannot be decoded */
	HTTP_E_REQUEST,		/* bad URL, unsupported scheme, setup failed */
	HTTP_E_OTHER,
};

enum http_link {
	HTTP_LINK_UNKNOWN,	/* nothing tried yet */
	HTTP_LINK_ONLINE,
	HTTP_LINK_SLOW,		/* replies are slow to start, or one is stuck */
	HTTP_LINK_OFFLINE,	/* an attempt got nothing back (no route, name,
				 * timed out, lost) and nothing has answered since */
	HTTP_LINK_DOWN,		/* as offline, but the host refused the
				 * connection: up, its service is not */
};

/* Start from http_opts_init(): zero is not a default for every field. */
struct http_opts {
	const char *ca_file;		/* PEM bundle to trust; NULL: the system's */
	const char *proxy;		/* NULL: from the environment; "": none */
	const char *user_agent;		/* NULL: "motcua/VERSION" */
	long connect_timeout_ms;	/* TCP and TLS handshake; 10 s */
	long low_speed_bytes;		/* an attempt slower than this (bytes/s) */
	long low_speed_secs;		/* for this long has stalled; 1 B/s, 10 s
					 * (libcurl's 5 s average makes it 15) */
	long timeout_ms;		/* one attempt, connect to last byte;
					 * 30 s (also if 0) */
	long deadline_ms;		/* the whole request from its first attempt,
					 * retries and waits included; 0: twice
					 * timeout_ms */
	int max_background;		/* background transfers at once; 2 */
	int max_host_connections;	/* per host; 4 (more than max_background) */
	int max_attempts;		/* default for requests; 4 */
	long backoff_base_ms;		/* first retry waits up to this; 500 */
	long backoff_cap_ms;		/* no wait longer; also the longest
					 * Retry-After honoured; 30 s */
	size_t max_body;		/* decoded reply body; 64 MiB (also if 0) */
	long slow_ttfb_ms;		/* time to first byte that means "slow"; 1.5 s */
	uint64_t seed;			/* jitter PRNG; 0: from the clock */
	/* Once a request has failed for want of an answer (name lookup,
	 * connection, timeout: every retry spent), every later one fails at
	 * once with its reason. For a one-shot command, where waiting on a
	 * dead server twice helps no one. */
	bool fail_fast;
	/* Called from the loop when http_link_state() changes. */
	void (*on_link)(void *arg, enum http_link link);
	void *on_link_arg;
};

struct http_header {
	char *name;
	char *value;
};

struct http_resp {
	unsigned id;
	long status;			/* of the last reply seen; 0: none */
	enum http_error error;
	int curl_code;			/* CURLcode of the last attempt */
	const char *msg;		/* "" or one sentence a clerk can read */
	const struct http_header *headers;	/* of the last reply, in order */
	size_t nheaders;
	const char *body;		/* decoded, NUL-terminated, never NULL */
	size_t body_len;
	int attempts;
	int64_t total_us;		/* last attempt, connect to last byte */
	int64_t ttfb_us;		/* last attempt, to the first reply byte */
	int64_t elapsed_ms;		/* from http_send, queue and waits included */
	int64_t deadline_ms;		/* the request's, on timer_now_ms()'s clock;
					 * 0 if it never started */
	uint64_t wire_in;		/* bytes on the wire, all attempts: */
	uint64_t wire_out;		/* HTTP headers + body as sent, compressed
					 * and chunked; TLS and HTTP/2 framing
					 * not counted */
	bool reused;			/* last attempt used a kept-alive connection */
};

/* r and everything it points to live only during the call: copy what you
 * keep. done() may call http_send() and http_cancel(), not http_free(). */
typedef void (*http_done_fn)(void *arg, const struct http_resp *r);

struct http_req {
	const char *method;		/* NULL: GET */
	const char *url;
	const char *const *headers;	/* "Name: value", NULL-terminated */
	const void *body;
	size_t body_len;
	const char *content_type;	/* of the body */
	enum http_prio prio;
	bool idempotent;		/* the caller vouches it may be repeated */
	int max_attempts;		/* 0: opts.max_attempts; 1: never retry */
	int attempts_before;		/* of the same request, sent again (after a
					 * re-login): counted in "after N attempts" */
	long timeout_ms;		/* each attempt; 0: opts.timeout_ms */
	int64_t deadline_ms;		/* timer_now_ms() by which it must be over;
					 * 0: opts.deadline_ms after its first
					 * attempt starts */
	http_done_fn done;
	void *arg;
};

struct http_stats {
	uint64_t requests;		/* accepted by http_send */
	uint64_t attempts;		/* transfers run, retries included */
	uint64_t retries;
	uint64_t failures;		/* requests that ended with an error */
	uint64_t cancelled;
	uint64_t connects;		/* new connections (the rest were reused) */
	uint64_t wire_in, wire_out;
	int64_t ttfb_ewma_us;		/* round-trip estimate; -1: unknown */
	int64_t last_ok_ms;		/* timer_now_ms() of the last reply; 0: never */
	int64_t last_fail_ms;		/* of the last transport failure; 0: never */
};

void http_opts_init(struct http_opts *o);

/* Bind to the loop (takes its after_poll hook). opts is copied; NULL:
 * defaults. */
/* libcurl's global state, which the first http_new sets up: released
 * once per process, at its end. */
void http_global_cleanup(void);

struct http *http_new(struct loop *l, const struct http_opts *opts, struct err *e);
/* Cancels every request (their callbacks run) and unbinds from the loop. */
void http_free(struct http *h);
/* A new opts.timeout_ms (and a deadline of twice that) for the requests
 * sent from now on; those under way keep theirs. */
void http_set_timeout(struct http *h, long timeout_ms);

/* Queue a request; everything in req is copied. Returns its id (never 0),
 * and done() will be called exactly once, later, from the loop. Returns 0
 * and no callback only when req itself is unusable (no URL, no callback). */
unsigned http_send(struct http *h, const struct http_req *req, struct err *e);

/* Stop a request wherever it is (running, queued, waiting to retry); its
 * done() runs before this returns, with HTTP_E_CANCELLED. False if the id
 * is unknown or already done. */
bool http_cancel(struct http *h, unsigned id);
/* Cancel every request sent so far; returns how many. */
size_t http_cancel_all(struct http *h);

bool http_pending(const struct http *h, unsigned id);
size_t http_active(const struct http *h);

/* For batch mode and tests: run the loop until the request is done, or
 * until nothing is pending. timeout_ms < 0: no limit. -1 with e on timeout,
 * loop failure or loop_stop(). */
int http_wait(struct http *h, unsigned id, int timeout_ms, struct err *e);
int http_run_until_idle(struct http *h, int timeout_ms, struct err *e);

enum http_link http_link_state(const struct http *h);
void http_get_stats(const struct http *h, struct http_stats *s);

/* The first header of that name (any case), or NULL. */
const char *http_resp_header(const struct http_resp *r, const char *name);
/* A complete reply with a 2xx status. */
bool http_resp_ok(const struct http_resp *r);

/* The retry policy and the messages, in http_retry.c; shared with http.c
 * and exposed for the tests. */

/* splitmix64: any seed, 0 included, gives a full-period sequence. */
uint64_t http_rand(uint64_t *state);
/* Full jitter: uniform in [0, min(cap, base * 2^(failures-1))]. */
int64_t http_backoff_ms(uint64_t *rng, int failures, long base_ms, long cap_ms);
/* Retry-After as delay-seconds or an HTTP date; -1 if absent or invalid. */
int64_t http_retry_after_ms(const char *value, time_t now);
bool http_status_retryable(long status);
bool http_method_safe(const char *method);
enum http_error http_error_of(int curl_code);
bool http_code_retryable(int curl_code);

/* What is known about a failed attempt, to say what went wrong. */
struct http_fail {
	int curl_code;
	const char *where;		/* "host:port" */
	const char *request;		/* "GET /path", without the query */
	long os_errno;
	bool connected;			/* TCP and TLS were up */
	bool answered;			/* a byte of the reply came */
	bool too_big;			/* the body limit stopped it */
	int64_t idle_ms;		/* since the last byte came in */
	int64_t elapsed_ms;		/* of the attempt */
	long low_speed_bytes, low_speed_secs, connect_timeout_ms;
	long timeout_ms;		/* this attempt's limit, the deadline's
					 * remainder if that was less */
	size_t max_body;
	const char *ca_file;
	const char *detail;		/* libcurl's error buffer; may be "" */
};
void http_fail_text(char *buf, size_t n, const struct http_fail *f);

#endif
