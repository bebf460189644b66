#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/timer.h"
#include "core/xalloc.h"
#include "http_int.h"

static void clear_headers(struct http_xfer *x)
{
	for (size_t i = 0; i < x->hn; i++) {
		free(x->hv[i].name);
		free(x->hv[i].value);
	}
	x->hn = 0;
}

void http_xfer_free(struct http_xfer *x)
{
	clear_headers(x);
	free(x->hv);
	sb_free(&x->in);
	curl_slist_free_all(x->hdrs);
	free(x->method);
	free(x->url);
	free(x->where);
	free(x->what);
	free(x->body);
	free(x);
}

/* Messages name the server as "host:port" (the URL itself if unparsable)
 * and the request as "GET /path": never the query, which may carry a key. */
static void describe(struct http_xfer *x)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL, *path = NULL;

	if (u && curl_url_set(u, CURLUPART_URL, x->url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		x->where = xmalloc(strlen(host) + strlen(port) + 2);
		sprintf(x->where, "%s:%s", host, port);
	} else {
		x->where = xstrdup(x->url);
	}
	if (!u || curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK)
		path = NULL;
	x->what = xmalloc(strlen(x->method) + (path ? strlen(path) : 1) + 2);
	sprintf(x->what, "%s %s", x->method, path ? path : "/");
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_url_cleanup(u);
}

static struct curl_slist *add_header(struct curl_slist *list, const char *line)
{
	struct curl_slist *l = curl_slist_append(list, line);

	if (!l)
		fatal(_("out of memory"));
	return l;
}

static char *upper(const char *s)
{
	char *u = xstrdup(s);

	for (char *p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

struct http_xfer *http_xfer_new(struct http *h, const struct http_req *req)
{
	static const char key[] = "Idempotency-Key:";
	struct http_xfer *x = xcalloc(1, sizeof *x);
	bool keyed = false;

	x->h = h;
	x->method = upper(req->method ? req->method : "GET");
	x->url = xstrdup(req->url);
	describe(x);
	for (const char *const *p = req->headers; p && *p; p++) {
		x->hdrs = add_header(x->hdrs, *p);
		if (!strncasecmp(*p, key, sizeof key - 1) && (*p)[sizeof key - 1])
			keyed = true;
	}
	if (req->content_type) {
		char *line = xmalloc(strlen(req->content_type) + sizeof "Content-Type: ");

		sprintf(line, "Content-Type: %s", req->content_type);
		x->hdrs = add_header(x->hdrs, line);
		free(line);
	}
	/* no "Expect: 100-continue" wait before a large body: one round trip
	 * (or a one-second stall) less on a slow link */
	x->hdrs = add_header(x->hdrs, "Expect:");
	if (req->body) {
		x->body = xmalloc(req->body_len + 1);
		memcpy(x->body, req->body, req->body_len);
		x->body[req->body_len] = '\0';
		x->body_len = req->body_len;
	}
	x->prio = req->prio;
	x->retryable = req->idempotent || keyed || http_method_safe(x->method);
	x->max_attempts = req->max_attempts > 0 ? req->max_attempts : h->o.max_attempts;
	x->before = req->attempts_before;
	x->timeout_ms = req->timeout_ms ? req->timeout_ms : h->o.timeout_ms;
	x->deadline = req->deadline_ms;
	x->done = req->done;
	x->arg = req->arg;
	x->sent_ms = timer_now_ms();
	return x;
}

void http_xfer_reset(struct http_xfer *x)
{
	x->sent_req = x->got_byte = x->too_big = false;
	sb_reset(&x->in);
	x->errbuf[0] = '\0';
	clear_headers(x);
	x->r.status = 0;
	x->attempt_ms = x->last_in_ms = timer_now_ms();
}

/* ---- libcurl callbacks: they only record, never call back into the multi ---- */

static size_t on_body(char *p, size_t size, size_t n, void *arg)
{
	struct http_xfer *x = arg;
	size_t len = size * n;

	if (len > x->h->o.max_body - x->in.len) {
		x->too_big = true;
		return 0;	/* anything but len aborts the transfer */
	}
	sb_add(&x->in, p, len);
	return len;
}

static char *trimmed(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
		end--;
	return xstrndup(s, (size_t)(end - s));
}

static size_t on_header(char *p, size_t size, size_t n, void *arg)
{
	struct http_xfer *x = arg;
	size_t len = size * n;
	const char *end = p + len, *colon;

	/* a status line starts a new reply (after 100 Continue, a proxy's
	 * CONNECT): keep only the last reply's headers */
	if (len >= 5 && !strncmp(p, "HTTP/", 5)) {
		clear_headers(x);
		return len;
	}
	if ((p[0] == ' ' || p[0] == '\t') && x->hn > 0) {
		/* obsolete line folding: continues the previous value */
		struct http_header *hd = &x->hv[x->hn - 1];
		char *more = trimmed(p, end);

		if (*more) {
			size_t a = strlen(hd->value), b = strlen(more);

			hd->value = xrealloc(hd->value, a + b + 2);
			hd->value[a] = ' ';
			memcpy(hd->value + a + 1, more, b + 1);
		}
		free(more);
		return len;
	}
	colon = memchr(p, ':', len);
	if (!colon)
		return len;
	if (x->hn == x->hcap) {
		x->hcap = x->hcap ? x->hcap * 2 : 16;
		x->hv = xrealloc(x->hv, x->hcap * sizeof *x->hv);
	}
	x->hv[x->hn].name = trimmed(p, colon);
	x->hv[x->hn].value = trimmed(colon + 1, end);
	x->hn++;
	return len;
}

/* The debug hook sees the bytes as they cross the socket: headers, and the
 * body before de-chunking and decompression. That is the exact count the
 * slow-link benchmarks need; CURLINFO_SIZE_DOWNLOAD is not it. */
static int on_debug(CURL *c, curl_infotype type, char *data, size_t n, void *arg)
{
	struct http_xfer *x = arg;

	(void)c;
	(void)data;
	switch (type) {
	case CURLINFO_HEADER_IN:
	case CURLINFO_DATA_IN:
		x->r.wire_in += n;
		x->h->st.wire_in += n;
		x->last_in_ms = timer_now_ms();
		x->got_byte = true;
		break;
	case CURLINFO_HEADER_OUT:
		x->sent_req = true;	/* so the connection was up */
		/* fall through */
	case CURLINFO_DATA_OUT:
		x->r.wire_out += n;
		x->h->st.wire_out += n;
		break;
	default:
		break;
	}
	return 0;
}

int http_xfer_setup(struct http *h, struct http_xfer *x, CURL *c)
{
	const struct http_opts *o = &h->o;
	int64_t left = x->deadline - timer_now_ms();
	int rc = 0;

	/* the last attempt gets what is left of the request's time */
	x->attempt_timeout_ms = left < x->timeout_ms ? (long)(left > 1 ? left : 1) : x->timeout_ms;

	rc |= curl_easy_setopt(c, CURLOPT_URL, x->url);
	rc |= curl_easy_setopt(c, CURLOPT_PRIVATE, (void *)x);
	rc |= curl_easy_setopt(c, CURLOPT_SHARE, h->share);
	rc |= curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	rc |= curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	rc |= curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	rc |= curl_easy_setopt(c, CURLOPT_USERAGENT, o->user_agent);
	rc |= curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	rc |= curl_easy_setopt(c, CURLOPT_HTTPHEADER, x->hdrs);
	rc |= curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
	rc |= curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_bytes);
	rc |= curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->low_speed_secs);
	rc |= curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, x->attempt_timeout_ms);
	rc |= curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_body);
	/* NAT boxes and 3G links drop idle connections silently */
	rc |= curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
	rc |= curl_easy_setopt(c, CURLOPT_TCP_KEEPIDLE, 30L);
	rc |= curl_easy_setopt(c, CURLOPT_TCP_KEEPINTVL, 15L);
	rc |= curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	rc |= curl_easy_setopt(c, CURLOPT_WRITEDATA, (void *)x);
	rc |= curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	rc |= curl_easy_setopt(c, CURLOPT_HEADERDATA, (void *)x);
	rc |= curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
	rc |= curl_easy_setopt(c, CURLOPT_DEBUGDATA, (void *)x);
	rc |= curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);	/* feeds on_debug only */
	rc |= curl_easy_setopt(c, CURLOPT_ERRORBUFFER, x->errbuf);
	if (o->ca_file)
		rc |= curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file);
	if (o->proxy)
		rc |= curl_easy_setopt(c, CURLOPT_PROXY, o->proxy);
	/* TLS verification stays at libcurl's default: on */

	if (!strcmp(x->method, "GET")) {
		rc |= curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	} else if (!strcmp(x->method, "HEAD")) {
		rc |= curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	} else {
		if (strcmp(x->method, "POST"))
			rc |= curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, x->method);
		if (x->body || !strcmp(x->method, "POST")) {
			rc |= curl_easy_setopt(c, CURLOPT_POSTFIELDS, x->body ? x->body : "");
			rc |= curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
					       (curl_off_t)x->body_len);
		}
	}
	return rc;
}

const char *http_xfer_header(const struct http_xfer *x, const char *name)
{
	for (size_t i = 0; i < x->hn; i++)
		if (!strcasecmp(x->hv[i].name, name))
			return x->hv[i].value;
	return NULL;
}

const char *http_resp_header(const struct http_resp *r, const char *name)
{
	for (size_t i = 0; i < r->nheaders; i++)
		if (!strcasecmp(r->headers[i].name, name))
			return r->headers[i].value;
	return NULL;
}

bool http_resp_ok(const struct http_resp *r)
{
	return r->error == HTTP_E_NONE && r->status >= 200 && r->status <= 299;
}
