#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "core/i18n.h"
#include "http.h"

uint64_t http_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int64_t http_backoff_ms(uint64_t *rng, int failures, long base_ms, long cap_ms)
{
	int64_t ceil = base_ms;

	for (int i = 1; i < failures && ceil < cap_ms; i++)
		ceil *= 2;
	if (ceil > cap_ms)
		ceil = cap_ms;
	if (ceil <= 0)
		return 0;
	/* full jitter: clients that failed together do not retry together */
	return (int64_t)(http_rand(rng) % (uint64_t)(ceil + 1));
}

int64_t http_retry_after_ms(const char *value, time_t now)
{
	const char *p;
	int64_t secs = 0;
	time_t t;

	if (!value)
		return -1;
	while (isspace((unsigned char)*value))
		value++;
	if (isdigit((unsigned char)*value)) {
		for (p = value; isdigit((unsigned char)*p); p++)
			if (secs < 10 * 365 * 86400L)	/* no overflow on nonsense */
				secs = secs * 10 + (*p - '0');
		while (isspace((unsigned char)*p))
			p++;
		return *p ? -1 : secs * 1000;
	}
	t = curl_getdate(value, NULL);
	if (t == (time_t)-1)
		return -1;
	return t > now ? (int64_t)(t - now) * 1000 : 0;
}

bool http_status_retryable(long status)
{
	/* 501 and 505 say the server will never do it: asking again is noise */
	return status == 408 || status == 429 ||
	       (status >= 500 && status <= 599 && status != 501 && status != 505);
}

bool http_method_safe(const char *method)
{
	return !method || !strcasecmp(method, "GET") || !strcasecmp(method, "HEAD");
}

enum http_error http_error_of(int curl_code)
{
	switch ((CURLcode)curl_code) {
	case CURLE_OK:
		return HTTP_E_NONE;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return HTTP_E_RESOLVE;
	case CURLE_COULDNT_CONNECT:
		return HTTP_E_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_E_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_USE_SSL_FAILED:
		return HTTP_E_TLS;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_HTTP3:
		return HTTP_E_BROKEN;
	case CURLE_FILESIZE_EXCEEDED:
		return HTTP_E_TOO_BIG;
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_BAD_CONTENT_ENCODING:
	case CURLE_TOO_MANY_REDIRECTS:
		return HTTP_E_PROTOCOL;
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_BAD_FUNCTION_ARGUMENT:
	case CURLE_NOT_BUILT_IN:
	case CURLE_UNKNOWN_OPTION:
		return HTTP_E_REQUEST;
	default:
		return HTTP_E_OTHER;
	}
}

bool http_code_retryable(int curl_code)
{
	switch (http_error_of(curl_code)) {
	case HTTP_E_RESOLVE:	/* a flaky link loses DNS answers too */
	case HTTP_E_CONNECT:
	case HTTP_E_TIMEOUT:
	case HTTP_E_BROKEN:
		return true;
	case HTTP_E_TLS:
		/* a handshake cut by the link, not a certificate problem */
		return curl_code == CURLE_SSL_CONNECT_ERROR;
	default:
		return false;
	}
}

static const char *errno_text(long err)
{
	switch (err) {
	case ECONNREFUSED:
		return _("connection refused");
	case ETIMEDOUT:
		return _("no answer");
	case ENETUNREACH:
		return _("network unreachable");
	case EHOSTUNREACH:
		return _("host unreachable");
	case ECONNRESET:
		return _("connection reset");
	case EPIPE:
		return _("connection closed by the other side");
	default:
		return strerror((int)err);
	}
}

/* libcurl's own words, or the errno, or a fallback. */
static const char *why(const struct http_fail *f, const char *fallback)
{
	if (f->os_errno)
		return errno_text(f->os_errno);
	if (f->detail && *f->detail)
		return f->detail;
	return fallback;
}

static long secs_up(long ms)
{
	return ms <= 0 ? 0 : (ms + 999) / 1000;
}

static void size_text(char *buf, size_t n, size_t bytes)
{
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
		snprintf(buf, n, _("%zu MiB"), bytes / (1024 * 1024));
	else if (bytes >= 1024 && bytes % 1024 == 0)
		snprintf(buf, n, _("%zu KiB"), bytes / 1024);
	else
		snprintf(buf, n, P_("%zu byte", "%zu bytes", bytes), bytes);
}

/* What timed out and after how long, then which request was given up. */
static void timeout_text(char *buf, size_t n, const struct http_fail *f)
{
	long window = f->low_speed_secs * 1000, least = f->low_speed_bytes * f->low_speed_secs;
	const char *req = f->request ? f->request : "?";

	if (!f->connected) {
		long limit = f->timeout_ms > 0 && f->timeout_ms < f->connect_timeout_ms ?
			     f->timeout_ms : f->connect_timeout_ms;

		snprintf(buf, n, _("could not connect to %s: no answer within %ld s"),
			 f->where, secs_up(limit));
	} else if (f->timeout_ms > 0 && f->elapsed_ms + 100 >= f->timeout_ms) {
		snprintf(buf, n, f->answered ?
			 _("the server did not finish its reply within %ld s: gave up on %s") :
			 _("the server did not answer within %ld s: gave up on %s"),
			 secs_up(f->timeout_ms), req);
	} else if (window > 0 && f->idle_ms * 10 >= window * 9) {
		/* the silence as it was: longer than the limit (libcurl's
		 * average lags) */
		long idle = f->idle_ms / 1000 > f->low_speed_secs ? (long)(f->idle_ms / 1000) :
			    f->low_speed_secs;

		snprintf(buf, n, _("the server stopped answering (no data for %ld s): gave up on %s"),
			 idle, req);
	} else {
		snprintf(buf, n, P_("the server sent too little (under %ld byte in %ld s): gave up on %s",
				    "the server sent too little (under %ld bytes in %ld s): gave up on %s",
				    least),
			 least, f->low_speed_secs, req);
	}
}

static const char *strip(const char *detail, const char *prefix)
{
	size_t n = strlen(prefix);

	return detail && !strncmp(detail, prefix, n) ? detail + n : detail;
}

void http_fail_text(char *buf, size_t n, const struct http_fail *f)
{
	char size[32];

	if (f->too_big || f->curl_code == CURLE_FILESIZE_EXCEEDED) {
		size_text(size, sizeof size, f->max_body);
		snprintf(buf, n, _("the reply from %s is larger than the limit (%s)"), f->where, size);
		return;
	}
	switch ((CURLcode)f->curl_code) {
	case CURLE_OK:
		*buf = '\0';
		return;
	case CURLE_COULDNT_RESOLVE_HOST:
		snprintf(buf, n, _("could not find the server %s (name lookup failed)"), f->where);
		return;
	case CURLE_COULDNT_RESOLVE_PROXY:
		snprintf(buf, n, _("could not find the proxy: %s"), why(f, "?"));
		return;
	case CURLE_COULDNT_CONNECT:
		snprintf(buf, n, _("could not connect to %s: %s"), f->where,
			 why(f, _("unknown reason")));
		return;
	case CURLE_OPERATION_TIMEDOUT:
		timeout_text(buf, n, f);
		return;
	case CURLE_PEER_FAILED_VERIFICATION:
		snprintf(buf, n, _("TLS certificate of %s not trusted: %s"), f->where,
			 strip(f->detail && *f->detail ? f->detail : "?",
			       "SSL certificate problem: "));
		return;
	case CURLE_SSL_CACERT_BADFILE:
		snprintf(buf, n, _("cannot use the CA file %s: %s"),
			 f->ca_file ? f->ca_file : "?", f->detail && *f->detail ? f->detail : "?");
		return;
	case CURLE_GOT_NOTHING:
		snprintf(buf, n, _("%s closed the connection without replying"), f->where);
		return;
	case CURLE_PARTIAL_FILE:
		snprintf(buf, n, _("the connection to %s broke before the reply was complete"),
			 f->where);
		return;
	case CURLE_RECV_ERROR:
		snprintf(buf, n, _("the connection to %s was lost while receiving: %s"),
			 f->where, why(f, "?"));
		return;
	case CURLE_SEND_ERROR:
		snprintf(buf, n, _("the connection to %s was lost while sending: %s"),
			 f->where, why(f, "?"));
		return;
	case CURLE_WEIRD_SERVER_REPLY:
		snprintf(buf, n, _("%s sent a reply that is not valid HTTP"), f->where);
		return;
	case CURLE_BAD_CONTENT_ENCODING:
		snprintf(buf, n, _("%s sent a compressed reply that could not be decoded"),
			 f->where);
		return;
	case CURLE_URL_MALFORMAT:
		snprintf(buf, n, _("invalid address (URL): %s"), f->where);
		return;
	case CURLE_UNSUPPORTED_PROTOCOL:
		snprintf(buf, n, _("unsupported address (only http and https): %s"), f->where);
		return;
	default:
		break;
	}
	if (http_error_of(f->curl_code) == HTTP_E_TLS)
		snprintf(buf, n, _("secure connection (TLS) to %s failed: %s"), f->where,
			 f->detail && *f->detail ? f->detail :
			 curl_easy_strerror((CURLcode)f->curl_code));
	else
		snprintf(buf, n, _("network error with %s: %s"), f->where,
			 f->detail && *f->detail ? f->detail :
			 curl_easy_strerror((CURLcode)f->curl_code));
}
