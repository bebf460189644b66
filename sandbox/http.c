#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "core/xalloc.h"
#include "sbx_http.h"

const char *sbx_req_header(const struct sbx_request *rq, const char *name)
{
	for (int i = 0; i < rq->nheaders; i++)
		if (!strcasecmp(rq->headers[i].key, name))
			return rq->headers[i].value;
	return NULL;
}

const char *sbx_req_arg(const struct sbx_request *rq, const char *name)
{
	for (int i = 0; i < rq->nargs; i++)
		if (!strcmp(rq->args[i].key, name))
			return rq->args[i].value;
	return NULL;
}

void sbx_reply_init(struct sbx_reply *rp)
{
	memset(rp, 0, sizeof *rp);
	rp->status = 500;
}

void sbx_reply_free(struct sbx_reply *rp)
{
	free(rp->body);
	rp->body = NULL;
	rp->len = 0;
}

void sbx_reply_header(struct sbx_reply *rp, const char *name,
		      const char *fmt, ...)
{
	va_list ap;
	int i;

	for (i = 0; i < rp->nhdr; i++)
		if (!strcasecmp(rp->hdr[i].name, name))
			break;
	if (i == rp->nhdr) {
		if (rp->nhdr == SBX_MAX_REPLY_HEADERS)
			return;
		rp->nhdr++;
	}
	snprintf(rp->hdr[i].name, sizeof rp->hdr[i].name, "%s", name);
	va_start(ap, fmt);
	vsnprintf(rp->hdr[i].value, sizeof rp->hdr[i].value, fmt, ap);
	va_end(ap);
}

const char *sbx_reply_get_header(const struct sbx_reply *rp, const char *name)
{
	for (int i = 0; i < rp->nhdr; i++)
		if (!strcasecmp(rp->hdr[i].name, name))
			return rp->hdr[i].value;
	return NULL;
}

void sbx_reply_json(struct sbx_reply *rp, int status, cJSON *j)
{
	char *text = cJSON_PrintUnformatted(j);

	cJSON_Delete(j);
	if (!text)
		fatal("out of memory printing a reply");
	free(rp->body);
	rp->status = status;
	rp->body = text;
	rp->len = strlen(text);
	snprintf(rp->content_type, sizeof rp->content_type, "application/json");
}

static void error_reply(struct sbx_reply *rp, int status, const char *code,
			const char *field, const char *msg, long long version)
{
	cJSON *root = cJSON_CreateObject(), *err = cJSON_AddObjectToObject(root, "error");

	cJSON_AddStringToObject(err, "code", code);
	cJSON_AddStringToObject(err, "message", msg);
	if (field && *field)
		cJSON_AddStringToObject(err, "field", field);
	if (version > 0)
		cJSON_AddNumberToObject(err, "current_version", (double)version);
	sbx_reply_json(rp, status, root);
}

void sbx_reply_error(struct sbx_reply *rp, int status, const char *code,
		     const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	error_reply(rp, status, code, field, msg, 0);
}

int sbx_error_status(enum sbx_ekind k)
{
	switch (k) {
	case SBX_E_INVALID: return 400;
	case SBX_E_UNAUTHORIZED: return 401;
	case SBX_E_FORBIDDEN: return 403;
	case SBX_E_NOT_FOUND: return 404;
	case SBX_E_CONFLICT: return 409;
	case SBX_E_STATE: return 422;
	case SBX_E_TOO_MANY: return 429;
	case SBX_E_UNAVAILABLE: return 503;
	case SBX_E_INTERNAL:
	default: return 500;
	}
}

void sbx_reply_sbx_error(struct sbx_reply *rp, const struct sbx_error *e)
{
	int status = sbx_error_status(e->kind);

	error_reply(rp, status, e->code[0] ? e->code : "internal", e->field,
		    e->message[0] ? e->message : "internal error",
		    e->kind == SBX_E_CONFLICT ? (long long)e->current_version : 0);
	if (e->kind == SBX_E_CONFLICT && e->current_version > 0)
		sbx_reply_header(rp, "ETag", "\"v%lld\"", (long long)e->current_version);
	if (status == 401)
		sbx_reply_header(rp, "WWW-Authenticate", "Bearer realm=\"motcua-sandbox\"");
}

/* ---- entity tags ---------------------------------------------------------- */

/* Walk the comma-separated tags of an If-Match / If-None-Match header. */
static bool etag_list_match(const char *h, const char *etag, bool weak_ok)
{
	size_t el = strlen(etag);

	if (!h)
		return false;
	while (*h) {
		const char *start;
		bool weak = false;

		while (*h == ' ' || *h == '\t' || *h == ',')
			h++;
		if (!*h)
			break;
		if (*h == '*')
			return true;
		if (h[0] == 'W' && h[1] == '/') {
			weak = true;
			h += 2;
		}
		start = h;
		if (*h == '"') {
			h = strchr(h + 1, '"');
			if (!h)
				return false;
			h++;
		} else {	/* tolerate a bare tag: v3 means "v3" */
			while (*h && *h != ',' && *h != ' ')
				h++;
		}
		if ((weak_ok || !weak) && (size_t)(h - start) == el &&
		    !memcmp(start, etag, el))
			return true;
		if (*start != '"' && (weak_ok || !weak) && el >= 2 &&
		    (size_t)(h - start) == el - 2 && !memcmp(start, etag + 1, el - 2))
			return true;
	}
	return false;
}

bool sbx_etag_match_weak(const char *header, const char *etag)
{
	return etag_list_match(header, etag, true);
}

bool sbx_etag_match_strong(const char *header, const char *etag)
{
	return etag_list_match(header, etag, false);
}

/* ---- gzip ----------------------------------------------------------------- */

bool sbx_accepts_gzip(const char *h)
{
	if (!h)
		return false;
	while (*h) {
		const char *tok, *end;
		size_t n;
		bool q0 = false;

		while (*h == ' ' || *h == '\t' || *h == ',')
			h++;
		tok = h;
		while (*h && *h != ',' && *h != ';' && *h != ' ' && *h != '\t')
			h++;
		n = (size_t)(h - tok);
		end = strchr(h, ',');
		if (!end)
			end = h + strlen(h);
		/* parameters: only q=0 (or 0.0...) refuses */
		for (const char *p = h; p < end; p++) {
			if ((*p == 'q' || *p == 'Q') && p[1] == '=') {
				const char *v = p + 2;

				q0 = *v == '0';
				for (v++; q0 && v < end && (*v == '.' || *v == '0'); v++)
					;
				if (q0 && v < end && isdigit((unsigned char)*v))
					q0 = false;
			}
		}
		if (n && !q0 && ((n == 4 && !strncasecmp(tok, "gzip", 4)) ||
				 (n == 6 && !strncasecmp(tok, "x-gzip", 6)) ||
				 (n == 1 && *tok == '*')))
			return true;
		h = end;
	}
	return false;
}

int sbx_gzip(const char *in, size_t len, char **out, size_t *outlen)
{
	z_stream z;
	uLong cap;
	char *buf;

	memset(&z, 0, sizeof z);
	/* 15 + 16: a gzip wrapper rather than zlib's */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	cap = deflateBound(&z, (uLong)len) + 32;
	buf = xmalloc(cap);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)buf;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		deflateEnd(&z);
		free(buf);
		return -1;
	}
	*outlen = z.total_out;
	*out = buf;
	deflateEnd(&z);
	return 0;
}

/* ---- targets -------------------------------------------------------------- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void pct_decode(char *s, bool plus_space)
{
	char *o = s;

	for (; *s; s++) {
		if (*s == '%' && hexval((unsigned char)s[1]) >= 0 &&
		    hexval((unsigned char)s[2]) >= 0) {
			*o++ = (char)(hexval((unsigned char)s[1]) * 16 +
				      hexval((unsigned char)s[2]));
			s += 2;
		} else if (plus_space && *s == '+') {
			*o++ = ' ';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

void sbx_parse_target(char *target, struct sbx_request *rq)
{
	char *q = strchr(target, '?'), *p;

	rq->nargs = 0;
	rq->args_overflow = false;
	if (q)
		*q++ = '\0';
	pct_decode(target, false);
	rq->path = target;
	for (p = q; p && *p;) {
		char *amp = strchr(p, '&'), *eq;

		if (amp)
			*amp = '\0';
		if (*p) {
			eq = strchr(p, '=');
			if (eq)
				*eq = '\0';
			pct_decode(p, true);
			if (eq)
				pct_decode(eq + 1, true);
			if (rq->nargs == SBX_MAX_ARGS) {
				rq->args_overflow = true;
			} else {
				rq->args[rq->nargs].key = p;
				rq->args[rq->nargs].value = eq ? eq + 1 : "";
				rq->nargs++;
			}
		}
		p = amp ? amp + 1 : NULL;
	}
}

/* ---- logs ----------------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

void sbx_log_mask(char *s)
{
	while (*s) {
		size_t len = 0, n = 0;

		/* digits, grouped or not: the API takes "001 085 012345" too */
		while (is_digit(s[len]) ||
		       (len && (s[len] == ' ' || s[len] == '.') && is_digit(s[len + 1])))
			n += is_digit(s[len++]);
		for (size_t i = 0, d = 0; n >= 9 && i < len; i++)
			if (is_digit(s[i]) && d++ >= 3 && d <= n - 2)
				s[i] = '*';
		s += len ? len : 1;
	}
}

/* ---- dispatch ------------------------------------------------------------- */

void sbx_dispatch(struct sbx *s, const struct sbx_request *rq,
		  struct sbx_reply *rp)
{
	bool admin = !strncmp(rq->path, "/_sandbox/", 10) ||
		     !strcmp(rq->path, "/_sandbox");

	pthread_mutex_lock(&s->lock);
	if (admin) {
		rp->admin = true;
		sbx_admin_handle(s, rq, rp);
	} else if (s->dialect == SBX_DIALECT_PORTAL) {
		sbx_portal_handle(s, rq, rp);	/* its own envelope, for 413 too */
	} else if (s->dialect == SBX_DIALECT_OPENCPS) {
		sbx_opencps_handle(s, rq, rp);	/* its own errors, for 413 too */
	} else if (rq->body_too_large) {
		sbx_reply_error(rp, 413, "payload_too_large", NULL,
				"the request body is larger than %zu bytes", s->body_limit);
	} else if (rq->args_overflow) {
		sbx_reply_error(rp, 400, "invalid_parameter", NULL,
				"more than %d query parameters", SBX_MAX_ARGS);
	} else {
		sbx_ref_handle(s, rq, rp);
	}
	pthread_mutex_unlock(&s->lock);
}

/* ---- JSON bodies ---------------------------------------------------------- */

static bool json_type(const char *ct)
{
	size_t n;

	while (ct && (*ct == ' ' || *ct == '\t'))
		ct++;
	if (!ct)
		return false;
	n = strcspn(ct, "; \t");
	if (n == 16 && !strncasecmp(ct, "application/json", 16))
		return true;
	/* application/problem+json and friends */
	return n > 17 && !strncasecmp(ct, "application/", 12) &&
	       !strncasecmp(ct + n - 5, "+json", 5);
}

int sbx_parse_body(const struct sbx_request *rq, cJSON **out,
		   struct sbx_reply *rp)
{
	const char *end = NULL;
	size_t line = 1, col = 1, pos;

	*out = NULL;
	if (!rq->body || !rq->body_len)
		return 0;
	if (!json_type(sbx_req_header(rq, "Content-Type"))) {
		sbx_reply_error(rp, 415, "unsupported_media_type", NULL,
				"the body must be JSON, sent with Content-Type: application/json");
		return -1;
	}
	*out = cJSON_ParseWithLengthOpts(rq->body, rq->body_len, &end, false);
	if (*out && end && (size_t)(end - rq->body) < rq->body_len) {
		/* cJSON stops after one value: anything but blanks after it is an error */
		const char *p = end;

		while ((size_t)(p - rq->body) < rq->body_len && strchr(" \t\r\n", *p))
			p++;
		if ((size_t)(p - rq->body) < rq->body_len) {
			cJSON_Delete(*out);
			*out = NULL;
			end = p;
		}
	}
	if (*out)
		return 0;
	pos = end && end >= rq->body ? (size_t)(end - rq->body) : 0;
	if (pos > rq->body_len)
		pos = rq->body_len;
	for (size_t i = 0; i < pos; i++) {
		if (rq->body[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	sbx_reply_error(rp, 400, "invalid_json", NULL,
			"the body is not valid JSON: error at byte %zu (line %zu, column %zu)",
			pos, line, col);
	return -1;
}

void sbx_reply_replayed(struct sbx_reply *rp, int status, char *body)
{
	rp->status = status;
	rp->body = body;
	rp->len = strlen(body);
	snprintf(rp->content_type, sizeof rp->content_type, "application/json");
	sbx_reply_header(rp, "Idempotent-Replayed", "true");
}
