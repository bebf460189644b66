#include "config.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/timer.h"
#include "core/xalloc.h"
#include "http_int.h"

#define EWMA_WEIGHT 0.3		/* of the newest time-to-first-byte sample */
#define HTTP_MAX_BODY ((size_t)64 * 1024 * 1024)
#define HTTP_TIMEOUT_MS 30000

void http_opts_init(struct http_opts *o)
{
	*o = (struct http_opts){
		.connect_timeout_ms = 10000,
		/* a stall; a reply that trickles meets the timeouts. libcurl
		 * averages over 5 s, the request sent included: a server that
		 * sends nothing is given up on after about 15 s */
		.low_speed_bytes = 1,
		.low_speed_secs = 10,
		.timeout_ms = HTTP_TIMEOUT_MS,
		.max_background = 2,
		.max_host_connections = 4,
		.max_attempts = 4,
		.backoff_base_ms = 500,
		.backoff_cap_ms = 30000,
		.max_body = HTTP_MAX_BODY,
		.slow_ttfb_ms = 1500,
	};
}

/* ---- the list of live requests ---- */

static void link_in(struct http *h, struct http_xfer *x)
{
	x->prev = h->tail;
	x->next = NULL;
	if (h->tail)
		h->tail->next = x;
	else
		h->head = x;
	h->tail = x;
}

static void unlink_x(struct http *h, struct http_xfer *x)
{
	if (x->prev)
		x->prev->next = x->next;
	else
		h->head = x->next;
	if (x->next)
		x->next->prev = x->prev;
	else
		h->tail = x->prev;
	x->prev = x->next = NULL;
}

static struct http_xfer *find(const struct http *h, unsigned id)
{
	for (struct http_xfer *x = h->head; x; x = x->next)
		if (x->id == id)
			return x;
	return NULL;
}

/* ---- starting, finishing ---- */

static void finish(struct http *h, struct http_xfer *x);
static void pump(struct http *h);

static void report_failure(void *arg)
{
	struct http_xfer *x = arg;

	x->timer = 0;
	finish(x->h, x);
}

/* Report the outcome from the loop, never from inside a call. */
static void finish_later(struct http *h, struct http_xfer *x)
{
	x->state = HTTP_X_FAILED;
	x->timer = loop_timer(h->loop, 0, report_failure, x);
}

/* Begin an attempt. Never calls done(): a failure is reported from a timer,
 * so http_send() is never re-entered. */
static void start(struct http *h, struct http_xfer *x)
{
	int64_t now = timer_now_ms();
	CURL *c;
	CURLMcode mc;
	int rc;

	if (!x->deadline)
		x->deadline = now + h->o.deadline_ms;
	if (now >= x->deadline) {
		/* a retry kept waiting for a slot, or the repeat after a
		 * re-login: the last attempt's outcome stands */
		if (!x->r.attempts) {
			x->r.error = HTTP_E_TIMEOUT;
			snprintf(x->msg, sizeof x->msg,
				 _("gave up on %s: its time ran out before it could be sent"), x->what);
		}
		finish_later(h, x);
		return;
	}
	c = curl_easy_init();
	http_xfer_reset(x);
	if (!c) {
		rc = CURLE_OUT_OF_MEMORY;
	} else if ((rc = http_xfer_setup(h, x, c)) == CURLE_OK &&
		   (mc = curl_multi_add_handle(h->loop->multi, c)) != CURLM_OK) {
		snprintf(x->errbuf, sizeof x->errbuf, "%s", curl_multi_strerror(mc));
		rc = CURLE_FAILED_INIT;
	}
	if (rc != CURLE_OK) {
		if (c)
			curl_easy_cleanup(c);
		x->r.curl_code = rc;
		x->r.error = HTTP_E_REQUEST;
		snprintf(x->msg, sizeof x->msg, _("cannot start the request to %s: %s"), x->where,
			 x->errbuf[0] ? x->errbuf : curl_easy_strerror((CURLcode)rc));
		finish_later(h, x);
		return;
	}
	x->easy = c;
	x->state = HTTP_X_RUNNING;
	x->r.attempts++;
	h->st.attempts++;
	if (x->prio == HTTP_BACKGROUND)
		h->bg_running++;
}

/* Take the transfer out of the multi: its slot is free again. */
static void stop_easy(struct http *h, struct http_xfer *x)
{
	curl_multi_remove_handle(h->loop->multi, x->easy);
	curl_easy_cleanup(x->easy);
	x->easy = NULL;
	if (x->prio == HTTP_BACKGROUND)
		h->bg_running--;
}

/* Start queued background requests while there are free slots, oldest
 * first: a retried request keeps its place. */
static void pump(struct http *h)
{
	for (struct http_xfer *x = h->head, *next; x && h->bg_running < h->o.max_background; x = next) {
		next = x->next;	/* start() never frees x */
		if (x->state == HTTP_X_QUEUED)
			start(h, x);
	}
}

static void finish(struct http *h, struct http_xfer *x)
{
	size_t len;
	int n;

	unlink_x(h, x);
	n = x->r.attempts + x->before;
	if (x->r.error != HTTP_E_NONE && x->r.error != HTTP_E_CANCELLED && n > 1) {
		len = strlen(x->msg);
		snprintf(x->msg + len, sizeof x->msg - len,
			 P_(" (after %d attempt)", " (after %d attempts)", n), n);
	}
	if (x->r.error == HTTP_E_CANCELLED)
		h->st.cancelled++;
	else if (x->r.error != HTTP_E_NONE)
		h->st.failures++;
	if (h->o.fail_fast && !h->down && (x->r.error == HTTP_E_RESOLVE ||
					   x->r.error == HTTP_E_CONNECT ||
					   x->r.error == HTTP_E_REFUSED ||
					   x->r.error == HTTP_E_TIMEOUT)) {
		h->down = x->r.error;
		snprintf(h->down_msg, sizeof h->down_msg, "%s", x->msg);
	}
	x->r.id = x->id;
	x->r.msg = x->msg;
	x->r.headers = x->hv;
	x->r.nheaders = x->hn;
	x->r.body = sb_str(&x->in);	/* always terminated */
	x->r.body_len = x->in.len;
	x->r.elapsed_ms = timer_now_ms() - x->sent_ms;
	x->r.deadline_ms = x->deadline;
	x->done(x->arg, &x->r);
	http_xfer_free(x);
	/* finished from a timer or a key: the loop is about to sleep, but
	 * whoever waits for this request (http_wait) must look again */
	if (!h->in_after_poll)
		curl_multi_wakeup(h->loop->multi);
}

static void retry_due(void *arg)
{
	struct http_xfer *x = arg;
	struct http *h = x->h;

	x->timer = 0;
	if (x->prio == HTTP_INTERACTIVE)
		start(h, x);
	else
		x->state = HTTP_X_QUEUED;
	pump(h);
}

static void link_sample(struct http *h, int64_t us)
{
	if (h->st.ttfb_ewma_us < 0)
		h->ewma_us = (double)us;
	else
		h->ewma_us += EWMA_WEIGHT * ((double)us - h->ewma_us);
	h->st.ttfb_ewma_us = (int64_t)h->ewma_us;
}

/* How long to wait before the next attempt, or -1: do not retry. */
static int64_t retry_delay(struct http *h, struct http_xfer *x, CURLcode res)
{
	int64_t delay, after;

	if (!x->retryable || x->r.attempts >= x->max_attempts)
		return -1;
	if (x->r.error == HTTP_E_NONE) {
		if (!http_status_retryable(x->r.status))
			return -1;
		delay = http_backoff_ms(&h->rng, x->r.attempts, h->o.backoff_base_ms,
					h->o.backoff_cap_ms);
		after = http_retry_after_ms(http_xfer_header(x, "Retry-After"), time(NULL));
		if (after > h->o.backoff_cap_ms)
			return -1;	/* the caller schedules long waits, not us */
		if (after > delay)
			delay = after;
	} else {
		if (x->too_big || !http_code_retryable(res))
			return -1;
		delay = http_backoff_ms(&h->rng, x->r.attempts, h->o.backoff_base_ms,
					h->o.backoff_cap_ms);
	}
	/* no attempt left with less than half its time: on a slow link it
	 * would only fail again */
	return timer_now_ms() + delay + x->timeout_ms / 2 <= x->deadline ? delay : -1;
}

static void attempt_done(struct http *h, struct http_xfer *x, CURLcode res)
{
	CURL *c = x->easy;
	long status = 0, oserr = 0, nconn = 0;
	curl_off_t total = 0, ttfb = 0;
	int64_t now = timer_now_ms(), delay;

	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c, CURLINFO_OS_ERRNO, &oserr);
	curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &nconn);
	curl_easy_getinfo(c, CURLINFO_TOTAL_TIME_T, &total);
	curl_easy_getinfo(c, CURLINFO_STARTTRANSFER_TIME_T, &ttfb);
	stop_easy(h, x);

	h->st.connects += (uint64_t)nconn;
	x->r.status = status;
	x->r.curl_code = res;
	x->r.total_us = total;
	x->r.ttfb_us = ttfb;
	x->r.reused = nconn == 0 && x->sent_req;
	x->r.error = x->too_big ? HTTP_E_TOO_BIG : http_error_of(res);
	if (x->r.error == HTTP_E_CONNECT && oserr == ECONNREFUSED)
		x->r.error = HTTP_E_REFUSED;
	x->msg[0] = '\0';

	if (x->r.error == HTTP_E_NONE) {
		h->offline = false;
		h->st.last_ok_ms = now;
		link_sample(h, ttfb);
	} else {
		struct http_fail f = {
			.curl_code = res,
			.where = x->where,
			.request = x->what,
			.os_errno = oserr,
			.connected = x->sent_req || x->got_byte,
			.answered = x->got_byte,
			.too_big = x->too_big,
			.idle_ms = now - x->last_in_ms,
			.elapsed_ms = now - x->attempt_ms,
			.low_speed_bytes = h->o.low_speed_bytes,
			.low_speed_secs = h->o.low_speed_secs,
			.timeout_ms = x->attempt_timeout_ms,
			.connect_timeout_ms = h->o.connect_timeout_ms,
			.max_body = h->o.max_body,
			.ca_file = h->o.ca_file,
			.detail = x->errbuf,
		};

		http_fail_text(x->msg, sizeof x->msg, &f);
		if (!x->too_big && http_code_retryable(res)) {
			if (x->got_byte) {
				/* the server answered, then stalled: slow, not gone */
				link_sample(h, (now - x->attempt_ms) * 1000);
			} else if (x->r.error != HTTP_E_TLS) {
				/* a handshake that failed had a peer: not offline */
				h->offline = true;
				h->refused = x->r.error == HTTP_E_REFUSED;
				h->st.last_fail_ms = now;
			}
		}
	}

	delay = retry_delay(h, x, res);
	if (delay >= 0) {
		h->st.retries++;
		x->state = HTTP_X_BACKOFF;
		x->timer = loop_timer(h->loop, delay, retry_due, x);
		return;
	}
	finish(h, x);
}

static void notify_link(struct http *h)
{
	enum http_link link = http_link_state(h);

	if (link != h->link) {
		h->link = link;
		if (h->o.on_link)
			h->o.on_link(h->o.on_link_arg, link);
	}
}

/* The loop's after_poll hook: let libcurl move the transfers, then collect
 * the finished ones. */
static void after_poll(void *arg)
{
	struct http *h = arg;
	CURLM *m = h->loop->multi;
	CURLMsg *msg;
	int running, left;

	h->in_after_poll = true;
	curl_multi_perform(m, &running);
	while ((msg = curl_multi_info_read(m, &left))) {
		if (msg->msg == CURLMSG_DONE) {
			/* msg dies with the handle: copy what we need first */
			CURLcode res = msg->data.result;
			char *x = NULL;

			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &x);
			attempt_done(h, (struct http_xfer *)(void *)x, res);
		}
	}
	pump(h);
	h->in_after_poll = false;
	notify_link(h);
}

/* ---- the public side ---- */

unsigned http_send(struct http *h, const struct http_req *req, struct err *e)
{
	struct http_xfer *x;

	if (!req->url || !*req->url) {
		err_set(e, _("a request without an address (URL)"));
		return 0;
	}
	if (!req->done) {
		err_set(e, _("a request to %s without a completion callback"), req->url);
		return 0;
	}
	x = http_xfer_new(h, req);
	x->id = h->next_id++;
	if (!h->next_id)
		h->next_id = 1;	/* 0 means "no request" */
	link_in(h, x);
	h->st.requests++;
	if (h->down) {
		x->r.error = h->down;
		snprintf(x->msg, sizeof x->msg, "%s", h->down_msg);
		finish_later(h, x);
	} else if (x->prio == HTTP_INTERACTIVE) {
		start(h, x);
	} else {
		x->state = HTTP_X_QUEUED;
		pump(h);
	}
	return x->id;
}

bool http_cancel(struct http *h, unsigned id)
{
	struct http_xfer *x = find(h, id);

	if (!x)
		return false;
	switch (x->state) {
	case HTTP_X_RUNNING:
		stop_easy(h, x);
		break;
	case HTTP_X_BACKOFF:
	case HTTP_X_FAILED:
		loop_timer_cancel(h->loop, x->timer);
		x->timer = 0;
		break;
	case HTTP_X_QUEUED:
		break;
	}
	x->r.error = HTTP_E_CANCELLED;
	snprintf(x->msg, sizeof x->msg, "%s", _("cancelled"));
	finish(h, x);
	pump(h);
	return true;
}

size_t http_cancel_all(struct http *h)
{
	size_t n = http_active(h), i = 0, done = 0;
	unsigned *ids;

	if (!n)
		return 0;
	/* ids first: callbacks may send new requests or cancel others */
	ids = xmalloc(n * sizeof *ids);
	for (struct http_xfer *x = h->head; x; x = x->next)
		ids[i++] = x->id;
	for (i = 0; i < n; i++)
		done += http_cancel(h, ids[i]);
	free(ids);
	return done;
}

bool http_pending(const struct http *h, unsigned id)
{
	return find(h, id) != NULL;
}

size_t http_active(const struct http *h)
{
	size_t n = 0;

	for (struct http_xfer *x = h->head; x; x = x->next)
		n++;
	return n;
}

static int one_round(struct http *h, int timeout_ms, int64_t end, struct err *e)
{
	int64_t left = -1;

	if (h->loop->stop)
		return err_set(e, _("interrupted while waiting for the network"));
	if (timeout_ms >= 0) {
		left = end - timer_now_ms();
		if (left <= 0)
			return err_set(e, _("the network did not answer within %.1f s"),
				       timeout_ms / 1000.0);
	}
	return loop_once(h->loop, (int)left, e);
}

int http_wait(struct http *h, unsigned id, int timeout_ms, struct err *e)
{
	int64_t end = timer_now_ms() + timeout_ms;

	while (find(h, id))
		if (one_round(h, timeout_ms, end, e) < 0)
			return -1;
	return 0;
}

int http_run_until_idle(struct http *h, int timeout_ms, struct err *e)
{
	int64_t end = timer_now_ms() + timeout_ms;

	while (h->head)
		if (one_round(h, timeout_ms, end, e) < 0)
			return -1;
	return 0;
}

enum http_link http_link_state(const struct http *h)
{
	int64_t now = timer_now_ms();

	if (h->offline)
		return h->refused ? HTTP_LINK_DOWN : HTTP_LINK_OFFLINE;
	/* a reply that keeps the clerk waiting makes the link slow now, not
	 * when it finally arrives */
	for (const struct http_xfer *x = h->head; x; x = x->next)
		if (x->state == HTTP_X_RUNNING && now - x->last_in_ms > h->o.slow_ttfb_ms)
			return HTTP_LINK_SLOW;
	if (h->st.ttfb_ewma_us < 0)
		return HTTP_LINK_UNKNOWN;
	return h->ewma_us > h->o.slow_ttfb_ms * 1000.0 ? HTTP_LINK_SLOW : HTTP_LINK_ONLINE;
}

void http_get_stats(const struct http *h, struct http_stats *s)
{
	*s = h->st;
}

/* libcurl's global state, set up by the first transport: it initialises
 * TLS (OpenSSL: some 2 MB of its pages touched), which a client that
 * never talks to a server (at its login screen, or without a profile)
 * would pay for nothing. Process-wide by nature, like libcurl's own. */
static bool curl_ready;

static int global_init(struct err *e)
{
	if (curl_ready)
		return 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return err_set(e, "%s", _("cannot initialise libcurl"));
	curl_ready = true;
	return 0;
}

void http_global_cleanup(void)
{
	if (curl_ready)
		curl_global_cleanup();
	curl_ready = false;
}

struct http *http_new(struct loop *l, const struct http_opts *opts, struct err *e)
{
	struct http *h;
	struct http_opts *o;

	if (l->after_poll) {
		err_set(e, _("the event loop already drives an HTTP transport"));
		return NULL;
	}
	if (global_init(e) < 0)
		return NULL;
	/* the loop polls through it from now on */
	if (!l->multi && !(l->multi = curl_multi_init())) {
		err_set(e, _("cannot set up the network layer (libcurl)"));
		return NULL;
	}
	h = xcalloc(1, sizeof *h);
	h->loop = l;
	o = &h->o;
	if (opts)
		*o = *opts;
	else
		http_opts_init(o);
	o->ca_file = h->ca_file = xstrdup_opt(o->ca_file);
	o->proxy = h->proxy = xstrdup_opt(o->proxy);
	o->user_agent = h->user_agent = xstrdup(o->user_agent ? o->user_agent
						: "motcua/" PACKAGE_VERSION);
	/* keep the numbers usable whatever the caller set */
	if (o->max_attempts < 1)
		o->max_attempts = 1;
	if (o->max_host_connections < 2)
		o->max_host_connections = 2;
	/* leave interactive requests a connection of their own */
	if (o->max_background >= o->max_host_connections)
		o->max_background = o->max_host_connections - 1;
	if (o->max_background < 1)
		o->max_background = 1;
	if (o->backoff_cap_ms < o->backoff_base_ms)
		o->backoff_cap_ms = o->backoff_base_ms;
	/* every request ends: there is no "no limit" */
	if (o->timeout_ms <= 0)
		o->timeout_ms = HTTP_TIMEOUT_MS;
	if (o->deadline_ms <= 0)
		o->deadline_ms = 2 * o->timeout_ms;
	if (!o->max_body)
		o->max_body = HTTP_MAX_BODY;

	h->share = curl_share_init();
	if (!h->share ||
	    curl_share_setopt(h->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION) != CURLSHE_OK ||
	    curl_multi_setopt(l->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
			      (long)o->max_host_connections) != CURLM_OK) {
		err_set(e, _("cannot set up the network layer (libcurl)"));
		http_free(h);
		return NULL;
	}
	h->rng = o->seed ? o->seed
		: (uint64_t)timer_now_ms() ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)h;
	h->next_id = 1;
	h->st.ttfb_ewma_us = -1;
	l->after_poll = after_poll;
	l->after_poll_arg = h;
	return h;
}

void http_set_timeout(struct http *h, long timeout_ms)
{
	h->o.timeout_ms = timeout_ms > 0 ? timeout_ms : HTTP_TIMEOUT_MS;
	h->o.deadline_ms = 2 * h->o.timeout_ms;
}

void http_free(struct http *h)
{
	if (!h)
		return;
	/* a callback may send again; cancel those too */
	while (h->head)
		http_cancel_all(h);
	if (h->loop->after_poll == after_poll && h->loop->after_poll_arg == h) {
		h->loop->after_poll = NULL;
		h->loop->after_poll_arg = NULL;
	}
	if (h->share)
		curl_share_cleanup(h->share);
	free(h->ca_file);
	free(h->proxy);
	free(h->user_agent);
	free(h);
}
