/* Inside the HTTP transport: what http.c (the queue, retries, the link)
 * and http_xfer.c (one attempt with libcurl) share. Not for other modules. */
#ifndef MOTCUA_HTTP_INT_H
#define MOTCUA_HTTP_INT_H

#include "core/strbuf.h"
#include "http.h"

enum http_xstate {
	HTTP_X_QUEUED,		/* background, waiting for a slot */
	HTTP_X_RUNNING,		/* in the multi handle */
	HTTP_X_BACKOFF,		/* waiting on a timer to try again */
	HTTP_X_FAILED,		/* could not start; a timer reports it from the loop */
};

/* One request, from http_send() to its done(). */
struct http_xfer {
	struct http *h;
	struct http_xfer *prev, *next;
	unsigned id;
	enum http_xstate state;
	unsigned timer;

	char *method, *url, *where, *what;	/* what: "GET /path" */
	struct curl_slist *hdrs;
	char *body;
	size_t body_len;
	enum http_prio prio;
	bool retryable;
	int max_attempts;
	int before;		/* http_req.attempts_before */
	long timeout_ms;
	http_done_fn done;
	void *arg;
	int64_t sent_ms, deadline;	/* deadline: 0 until the first attempt */

	/* the current attempt */
	CURL *easy;
	char errbuf[CURL_ERROR_SIZE];
	int64_t attempt_ms, last_in_ms;
	long attempt_timeout_ms;	/* its limit, as set on the handle */
	bool sent_req, got_byte, too_big;
	struct sb in;		/* the reply's body */
	struct http_header *hv;
	size_t hn, hcap;

	struct http_resp r;
	char msg[512];
};

struct http {
	struct loop *loop;
	struct http_opts o;	/* strings point into the copies below */
	char *ca_file, *proxy, *user_agent;
	CURLSH *share;
	struct http_xfer *head, *tail;
	unsigned next_id;
	int bg_running;
	uint64_t rng;
	struct http_stats st;
	double ewma_us;
	bool offline;		/* a transport failure and no reply since */
	bool refused;		/* that failure was a connection refused */
	enum http_error down;	/* o.fail_fast: the failure every request gets */
	char down_msg[512];
	bool in_after_poll;
	enum http_link link;	/* last reported to on_link */
};

/* Copy a request (the caller numbers it); running out of memory is fatal. */
struct http_xfer *http_xfer_new(struct http *h, const struct http_req *req);
void http_xfer_free(struct http_xfer *x);
/* Forget the previous attempt's reply before the next one. */
void http_xfer_reset(struct http_xfer *x);
/* Set the options of one attempt on c; returns a CURLcode. */
int http_xfer_setup(struct http *h, struct http_xfer *x, CURL *c);
const char *http_xfer_header(const struct http_xfer *x, const char *name);

#endif
