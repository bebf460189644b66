/* HTTP requests and replies as plain values, independent of the socket
 * layer: server.c fills a struct sbx_request from libmicrohttpd and sends
 * the struct sbx_reply back; the fuzz target builds requests from bytes.
 * Also the HTTP helpers every dialect needs (JSON error replies, entity
 * tags, gzip, query parsing) and the top-level dispatch. */
#ifndef MOTCUA_SBX_HTTP_H
#define MOTCUA_SBX_HTTP_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "sbx.h"

#define SBX_MAX_ARGS 48
#define SBX_MAX_HEADERS 64
#define SBX_MAX_REPLY_HEADERS 10

struct sbx_kv {
	const char *key;
	const char *value;	/* "" for a query argument without '=' */
};

struct sbx_request {
	const char *method;
	const char *path;		/* percent-decoded, without the query */
	struct sbx_kv args[SBX_MAX_ARGS];	/* query arguments, decoded, in order */
	int nargs;
	bool args_overflow;		/* more than SBX_MAX_ARGS: refused */
	struct sbx_kv headers[SBX_MAX_HEADERS];
	int nheaders;
	const char *body;		/* NUL-terminated copy, NULL when none */
	size_t body_len;
	bool body_too_large;		/* over the limit: refused with 413 */
	bool loopback;			/* the peer is on this host */
};

struct sbx_reply {
	int status;
	char *body;			/* malloc'd; NULL for no body */
	size_t len;
	char content_type[48];
	struct {
		char name[32];
		char value[200];
	} hdr[SBX_MAX_REPLY_HEADERS];
	int nhdr;
	bool admin;			/* a /_sandbox reply: never faulted */
};

/* Case-insensitive header lookup; NULL when absent. */
const char *sbx_req_header(const struct sbx_request *rq, const char *name);
/* The value of query argument name; NULL when absent. */
const char *sbx_req_arg(const struct sbx_request *rq, const char *name);

void sbx_reply_init(struct sbx_reply *rp);
void sbx_reply_free(struct sbx_reply *rp);
/* Add (or replace) a reply header; the value is cut at 199 bytes. */
/* Send again the JSON reply stored for an idempotency key (body taken
 * over), marked as a replay. */
void sbx_reply_replayed(struct sbx_reply *rp, int status, char *body);
void sbx_reply_header(struct sbx_reply *rp, const char *name,
		      const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *sbx_reply_get_header(const struct sbx_reply *rp,
				 const char *name);
/* Body = j printed compactly (j is freed), Content-Type application/json. */
void sbx_reply_json(struct sbx_reply *rp, int status, cJSON *j);
/* {"error":{"code":..,"message":..,"field":..}}. field may be NULL. */
void sbx_reply_error(struct sbx_reply *rp, int status, const char *code,
		     const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The same from an error value, with status for its kind. */
void sbx_reply_sbx_error(struct sbx_reply *rp, const struct sbx_error *e);
int sbx_error_status(enum sbx_ekind k);

/* If-None-Match (weak comparison) / If-Match (strong) against one entity
 * tag written with its quotes ("\"v3\""); "*" matches any. */
bool sbx_etag_match_weak(const char *header, const char *etag);
bool sbx_etag_match_strong(const char *header, const char *etag);

/* Accept-Encoding allows gzip (q > 0). */
bool sbx_accepts_gzip(const char *accept_encoding);
/* gzip-compress; 0 or -1. */
int sbx_gzip(const char *in, size_t len, char **out, size_t *outlen);

/* The request body as JSON: 0 with *out (NULL when there is no body), or
 * -1 with rp set to 415 (not JSON) or 400 naming the parse position. */
int sbx_parse_body(const struct sbx_request *rq, cJSON **out,
		   struct sbx_reply *rp);

/* Split "path?query" (modified in place) into rq->path and rq->args,
 * percent-decoding both ('+' is a space in the query), as a server does
 * before dispatch. For the fuzz target and tests. */
void sbx_parse_target(char *target, struct sbx_request *rq);

/* What --log may show: a number of 9 or more digits, written whole or in
 * groups split by spaces or dots (a 12-digit ID number, an old 9-digit
 * card, a tax code, a phone number), keeps its first 3 and last 2 digits;
 * the others become '*' (in place). Dossier and procedure codes have
 * shorter runs and stay readable. */
void sbx_log_mask(char *s);

/* The one entry point: /_sandbox/... goes to the admin endpoints, the
 * rest to the active dialect, with s->lock held for the whole call. */
void sbx_dispatch(struct sbx *s, const struct sbx_request *rq,
		  struct sbx_reply *rp);

/* The dialects and the admin endpoints (called with s->lock held). */
void sbx_ref_handle(struct sbx *s, const struct sbx_request *rq,
		    struct sbx_reply *rp);
void sbx_admin_handle(struct sbx *s, const struct sbx_request *rq,
		      struct sbx_reply *rp);
/* The portal dialect (api_portal.c): every reply is its envelope, the
 * errors of the transport too (413, 415, ...). */
void sbx_portal_handle(struct sbx *s, const struct sbx_request *rq,
		       struct sbx_reply *rp);
/* The opencps dialect (api_opencps.c). */
void sbx_opencps_handle(struct sbx *s, const struct sbx_request *rq,
			struct sbx_reply *rp);
/* An injected fault (status 5xx) in the portal's envelope. */
void sbx_portal_fault(struct sbx_reply *rp, int status);

#endif
