/* The reference dialect: a REST API under /api/v1 (sandbox/API.md). It
 * routes, checks parameters and headers, calls the operations (sbx_ops.h)
 * and shapes their model objects: instants as ISO 8601 with +07:00, entity
 * tags, conditional requests. The dossier endpoints are in
 * api_ref_dossiers.c. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/when.h"
#include "core/xalloc.h"
#include "sbx_api_ref.h"
#include "sbx_db.h"
#include "sbx_ops.h"
#include "sbx_util.h"

/* ---- shaping -------------------------------------------------------------- */

static bool is_time_key(const char *k)
{
	size_t n = k ? strlen(k) : 0;

	return n > 3 && !strcmp(k + n - 3, "_at");
}

/* Every number under a key ending in "_at" becomes an ISO 8601 string. */
static void iso_times(cJSON *node)
{
	for (cJSON *it = node ? node->child : NULL, *next; it; it = next) {
		next = it->next;
		if (cJSON_IsNumber(it) && is_time_key(it->string)) {
			char iso[WHEN_LEN];

			when_iso((int64_t)it->valuedouble, iso, sizeof iso);
			sbx_json_replace(node, it, cJSON_CreateString(iso));
		} else if (cJSON_IsObject(it) || cJSON_IsArray(it)) {
			iso_times(it);
		}
	}
}

/* The inverse for request bodies: top-level "*_at" strings to seconds. */
int sbx_ref_parse_times(cJSON *body, struct sbx_error *e)
{
	for (cJSON *it = body ? body->child : NULL, *next; it; it = next) {
		next = it->next;
		if (is_time_key(it->string) && cJSON_IsString(it)) {
			int64_t t;
			struct err er;

			if (sbx_time_parse(it->valuestring, &t, &er) < 0)
				return sbx_fail(e, SBX_E_INVALID, "invalid_field", it->string,
						"%s: %s", it->string, er.msg);
			sbx_json_replace(body, it, cJSON_CreateNumber((double)t));
		} else if (is_time_key(it->string) && !cJSON_IsNull(it)) {
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", it->string,
					"%s must be an ISO 8601 time string", it->string);
		}
	}
	return 0;
}

void sbx_ref_reply(struct sbx_ref *c, int status, cJSON *model)
{
	iso_times(model);
	sbx_reply_json(c->rp, status, model);
}

void sbx_ref_fail(struct sbx_ref *c, const struct sbx_error *e)
{
	sbx_reply_sbx_error(c->rp, e);
}

/* A GET reply with an entity tag from its content: 304 when the client
 * has it already. */
static void reply_cached(struct sbx_ref *c, cJSON *model)
{
	const char *inm = sbx_req_header(c->rq, "If-None-Match");
	char etag[24];

	sbx_ref_reply(c, 200, model);
	snprintf(etag, sizeof etag, "\"%016llx\"",
		 (unsigned long long)sbx_fnv1a(SBX_FNV_INIT, c->rp->body, c->rp->len));
	sbx_reply_header(c->rp, "ETag", "%s", etag);
	if (sbx_etag_match_weak(inm, etag)) {
		sbx_reply_free(c->rp);
		c->rp->status = 304;
	}
}

/* ---- parameters ------------------------------------------------------------ */

int sbx_ref_bad_param(struct sbx_ref *c, const char *name, const char *fmt, ...)
{
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sbx_reply_error(c->rp, 400, "invalid_parameter", name, "%s: %s", name, msg);
	return -1;
}

/* Refuse parameters this endpoint does not know, and repeated ones. */
int sbx_ref_only_params(struct sbx_ref *c, const char *const *names)
{
	for (int i = 0; i < c->rq->nargs; i++) {
		const char *k = c->rq->args[i].key;
		bool known = false;

		for (const char *const *n = names; n && *n; n++)
			known |= !strcmp(k, *n);
		if (!known) {
			sbx_reply_error(c->rp, 400, "invalid_parameter", k,
					"unknown query parameter \"%.60s\"", k);
			return -1;
		}
		for (int j = 0; j < i; j++)
			if (!strcmp(c->rq->args[j].key, k)) {
				sbx_reply_error(c->rp, 400, "invalid_parameter", k,
						"query parameter \"%.60s\" is given twice", k);
				return -1;
			}
	}
	return 0;
}

const char *sbx_ref_param(struct sbx_ref *c, const char *name)
{
	const char *v = sbx_req_arg(c->rq, name);

	return v && *v ? v : NULL;
}

int sbx_ref_paging(struct sbx_ref *c, int *page, int *per_page)
{
	const char *p = sbx_ref_param(c, "page"), *pp = sbx_ref_param(c, "per_page");
	int64_t v;

	*page = 1;
	*per_page = SBX_PER_PAGE_DEFAULT;
	if (p) {
		if (sbx_parse_int(p, 1, 1000000, &v) < 0)
			return sbx_ref_bad_param(c, "page", "expected a page number from 1, got \"%.20s\"", p);
		*page = (int)v;
	}
	if (pp) {
		if (sbx_parse_int(pp, 1, SBX_PER_PAGE_MAX, &v) < 0)
			return sbx_ref_bad_param(c, "per_page", "expected 1 to 200, got \"%.20s\"", pp);
		*per_page = (int)v;
	}
	return 0;
}

static int date_param(struct sbx_ref *c, const char *name, int64_t *t)
{
	const char *v = sbx_ref_param(c, name);
	struct err er;

	if (!v)
		return 0;
	/* a date, or an instant naming its day (a client writes its one
	 * time format) */
	if (sbx_date_parse(v, t, &er) < 0) {
		struct cal_time d;
		struct err ignored;

		if (sbx_time_parse(v, t, &ignored) < 0) {
			sbx_reply_error(c->rp, 400, "invalid_parameter", name, "%s: %s", name, er.msg);
			return -1;
		}
		cal_split(*t, &d);
		*t = cal_join(d.year, d.month, d.day, 0, 0, 0);
	}
	return 1;
}

/* Walk a comma-separated list, calling one() for each item. */
int sbx_ref_each_item(const char *list, int (*one)(const char *, void *),
		      void *arg)
{
	char item[64];

	while (*list) {
		size_t n = strcspn(list, ",");

		if (n == 0 || n >= sizeof item)
			return -1;
		memcpy(item, list, n);
		item[n] = '\0';
		if (one(item, arg) < 0)
			return -1;
		list += n;
		if (*list == ',' && !*++list)
			return -1;
	}
	return 0;
}

/* ---- authentication ------------------------------------------------------- */

static int authenticate(struct sbx_ref *c)
{
	const char *h = sbx_req_header(c->rq, "Authorization");
	struct sbx_error e;

	if (h && !strncasecmp(h, "Bearer ", 7)) {
		h += 7;
		while (*h == ' ')
			h++;
	} else if (h) {
		sbx_reply_error(c->rp, 401, "unauthorized", NULL,
				"Authorization must be \"Bearer <token>\"");
		sbx_reply_header(c->rp, "WWW-Authenticate", "Bearer realm=\"motcua-sandbox\"");
		return -1;
	}
	if (sbx_auth_token(c->s, h, &c->user, &e) < 0) {
		sbx_ref_fail(c, &e);
		return -1;
	}
	c->token = h;
	return 0;
}

/* ---- the rest ------------------------------------------------------------- */

static void lookup(struct sbx_ref *c)
{
	static const char *const names[] = { "dossier", "purpose", NULL };
	enum sbx_register reg;
	struct sbx_error e;
	cJSON *out;

	if (!strcmp(c->seg[1], "citizens"))
		reg = SBX_REG_CITIZEN;
	else if (!strcmp(c->seg[1], "enterprises"))
		reg = SBX_REG_ENTERPRISE;
	else {
		sbx_reply_error(c->rp, 404, "not_found", NULL,
				"no register \"%.40s\"; there are citizens and enterprises", c->seg[1]);
		return;
	}
	if (sbx_ref_only_params(c, names) < 0)
		return;
	if (sbx_op_lookup(c->s, &c->user, reg, c->seg[2], sbx_ref_param(c, "dossier"),
			  sbx_ref_param(c, "purpose"), &out, &e) < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	sbx_ref_reply(c, 200, out);
}

static void audit(struct sbx_ref *c)
{
	static const char *const names[] = { "user", "subject", "dossier", "kind", "from",
		"to", "page", "per_page", NULL };
	struct sbx_audit_query q;
	struct sbx_error e;
	const char *k;
	cJSON *out;

	memset(&q, 0, sizeof q);
	q.kind = -1;
	if (sbx_ref_only_params(c, names) < 0 || sbx_ref_paging(c, &q.page, &q.per_page) < 0 ||
	    date_param(c, "from", &q.from) < 0 || date_param(c, "to", &q.to) < 0)
		return;
	if (q.to)
		q.to += 24 * 3600;	/* "to" is inclusive */
	if ((k = sbx_ref_param(c, "kind"))) {
		if (!strcmp(k, "citizen"))
			q.kind = SBX_REG_CITIZEN;
		else if (!strcmp(k, "enterprise"))
			q.kind = SBX_REG_ENTERPRISE;
		else {
			sbx_ref_bad_param(c, "kind", "expected citizen or enterprise, got \"%.30s\"", k);
			return;
		}
	}
	q.user = sbx_ref_param(c, "user");
	q.subject = sbx_ref_param(c, "subject");
	q.dossier = sbx_ref_param(c, "dossier");
	if (sbx_op_audit(c->s, &c->user, &q, &out, &e) < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	sbx_ref_reply(c, 200, out);
}

static void stats(struct sbx_ref *c)
{
	static const char *const names[] = { "from", "to", NULL };
	int64_t now = sbx_now(c->s), from, to;
	struct cal_time t;
	struct sbx_error e;
	cJSON *out;

	if (sbx_ref_only_params(c, names) < 0)
		return;
	cal_split(now, &t);
	from = cal_join(t.year, t.month, 1, 0, 0, 0);
	to = cal_join(t.year, t.month, t.day, 0, 0, 0);
	if (date_param(c, "from", &from) < 0 || date_param(c, "to", &to) < 0)
		return;
	to += 24 * 3600;	/* through the end of the "to" day */
	if (from >= to) {
		sbx_reply_error(c->rp, 400, "invalid_parameter", "to",
				"to must not be before from");
		return;
	}
	if (to - from > 3700LL * 24 * 3600) {
		sbx_reply_error(c->rp, 400, "invalid_parameter", "from",
				"a period is at most ten years");
		return;
	}
	if (sbx_op_stats(c->s, &c->user, from, to, &out, &e) < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	sbx_ref_reply(c, 200, out);
}

typedef int (*list_op)(struct sbx *s, const char *a, const char *b, cJSON **out,
		       struct sbx_error *e);
typedef int (*one_op)(struct sbx *s, const char *code, cJSON **out, struct sbx_error *e);

/* GET /things?a=..&b=.. or GET /things/{code}: the catalog and the units. */
static void list_or_one(struct sbx_ref *c, const char *const names[3], list_op list, one_op one)
{
	struct sbx_error e;
	cJSON *out;
	int rc;

	if (sbx_ref_only_params(c, c->nseg == 1 ? names : NULL) < 0)
		return;
	if (c->nseg == 1)
		rc = list(c->s, sbx_ref_param(c, names[0]), sbx_ref_param(c, names[1]), &out, &e);
	else
		rc = one(c->s, c->seg[1], &out, &e);
	if (rc < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	reply_cached(c, out);
}

static void catalog(struct sbx_ref *c)
{
	static const char *const names[] = { "q", "field", NULL };

	list_or_one(c, names, sbx_op_procedures, sbx_op_procedure);
}

static void units(struct sbx_ref *c)
{
	static const char *const names[] = { "parent", "q", NULL };

	list_or_one(c, names, sbx_op_units, sbx_op_unit);
}

static void users(struct sbx_ref *c)
{
	static const char *const names[] = { "role", NULL };
	const char *r;
	struct sbx_error e;
	cJSON *out;
	int role = -1;

	if (sbx_ref_only_params(c, names) < 0)
		return;
	if ((r = sbx_ref_param(c, "role")) && (role = role_parse(r)) < 0) {
		sbx_ref_bad_param(c, "role", "expected reception, specialist, leader or records, got \"%.30s\"", r);
		return;
	}
	if (sbx_op_users(c->s, &c->user, role, &out, &e) < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	reply_cached(c, out);
}

static void login(struct sbx_ref *c)
{
	cJSON *body = NULL, *out;
	const cJSON *u, *p;
	struct sbx_error e;

	if (sbx_ref_only_params(c, NULL) < 0 || sbx_parse_body(c->rq, &body, c->rp) < 0)
		return;
	u = cJSON_GetObjectItemCaseSensitive(body, "username");
	p = cJSON_GetObjectItemCaseSensitive(body, "password");
	if (!cJSON_IsObject(body) || !cJSON_IsString(u) || !cJSON_IsString(p) ||
	    !*u->valuestring || strlen(u->valuestring) > 63 || strlen(p->valuestring) > 1024) {
		sbx_reply_error(c->rp, 400, "invalid_body",
				cJSON_IsString(u) ? "password" : "username",
				"the body must be {\"username\": \"...\", \"password\": \"...\"}");
		cJSON_Delete(body);
		return;
	}
	if (sbx_auth_login(c->s, u->valuestring, p->valuestring, &out, &e) < 0) {
		cJSON_Delete(body);
		sbx_ref_fail(c, &e);
		if (e.kind == SBX_E_TOO_MANY)
			sbx_reply_header(c->rp, "Retry-After", "60");
		return;
	}
	cJSON_Delete(body);
	c->s->logins++;
	sbx_ref_reply(c, 200, out);
	sbx_reply_header(c->rp, "Cache-Control", "no-store");
	sbx_reply_header(c->rp, SBX_SERVER_ID_HEADER, "%s", c->s->server_id);
}

static void index_page(struct sbx_ref *c)
{
	static const char *const endpoints[] = {
		"POST /api/v1/auth/login", "POST /api/v1/auth/logout", "GET /api/v1/auth/me",
		"GET /api/v1/procedures", "GET /api/v1/procedures/{code}",
		"GET /api/v1/dossiers", "POST /api/v1/dossiers", "GET /api/v1/dossiers/{code}",
		"POST /api/v1/dossiers/{code}/actions/{action}",
		"GET /api/v1/lookup/citizens/{id_number}",
		"GET /api/v1/lookup/enterprises/{tax_code}", "GET /api/v1/audit",
		"GET /api/v1/stats", "GET /api/v1/units", "GET /api/v1/units/{code}",
		"GET /api/v1/users",
	};
	cJSON *o = cJSON_CreateObject(), *arr;

	cJSON_AddStringToObject(o, "name", "motcua-sandbox");
	cJSON_AddStringToObject(o, "dialect", "reference");
	cJSON_AddStringToObject(o, "version", PACKAGE_VERSION);
	arr = cJSON_AddArrayToObject(o, "endpoints");
	for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(endpoints[i]));
	sbx_ref_reply(c, 200, o);
}

/* ---- routing -------------------------------------------------------------- */

static bool allow(struct sbx_ref *c, bool get_ok, bool post_ok)
{
	if ((c->get && get_ok) || (c->post && post_ok))
		return true;
	sbx_reply_header(c->rp, "Allow", "%s", get_ok && post_ok ? "GET, POST" :
			 get_ok ? "GET" : "POST");
	sbx_reply_error(c->rp, 405, "method_not_allowed", NULL,
			"%.10s is not allowed on %.200s", c->rq->method, c->rq->path);
	return false;
}

static void route(struct sbx_ref *c)
{
	const char *r = c->nseg ? c->seg[0] : "";

	if (c->nseg == 0) {
		if (allow(c, true, false))
			index_page(c);
		return;
	}
	if (!strcmp(r, "auth") && c->nseg == 2) {
		if (!strcmp(c->seg[1], "login")) {
			if (allow(c, false, true))
				login(c);
			return;
		}
		if (!strcmp(c->seg[1], "logout") || !strcmp(c->seg[1], "me")) {
			bool out = c->seg[1][0] == 'l';
			struct sbx_error e;

			if (!allow(c, !out, out) || sbx_ref_only_params(c, NULL) < 0 || authenticate(c) < 0)
				return;
			if (!out) {
				sbx_ref_reply(c, 200, sbx_user_json(c->s, &c->user));
			} else if (sbx_auth_logout(c->s, c->token, &e) < 0) {
				sbx_ref_fail(c, &e);
			} else {
				c->rp->status = 204;
			}
			return;
		}
	}
	if (!strcmp(r, "dossiers") && c->nseg <= 4) {
		if (authenticate(c) == 0)
			sbx_ref_dossiers(c);
		return;
	}
	if (((!strcmp(r, "procedures") || !strcmp(r, "units")) && c->nseg <= 2) ||
	    (!strcmp(r, "lookup") && c->nseg == 3) ||
	    ((!strcmp(r, "audit") || !strcmp(r, "stats") || !strcmp(r, "users")) && c->nseg == 1)) {
		if (!allow(c, true, false) || authenticate(c) < 0)
			return;
		switch (r[0]) {
		case 'p': catalog(c); break;
		case 'u': if (r[1] == 'n') units(c); else users(c); break;
		case 'l': lookup(c); break;
		case 'a': audit(c); break;
		default: stats(c); break;
		}
		return;
	}
	sbx_reply_error(c->rp, 404, "not_found", NULL,
			"no such endpoint: %.200s (GET /api/v1 lists them)", c->rq->path);
}

void sbx_ref_handle(struct sbx *s, const struct sbx_request *rq,
		    struct sbx_reply *rp)
{
	struct sbx_ref c = { .s = s, .rq = rq, .rp = rp };
	char *path, *save = NULL, *tok;
	bool bad = false;

	c.get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
	c.post = !strcmp(rq->method, "POST");
	if (strncmp(rq->path, "/api/v1", 7) || (rq->path[7] && rq->path[7] != '/')) {
		sbx_reply_error(rp, 404, "not_found", NULL,
				"no such endpoint: %.200s (the API is under /api/v1)", rq->path);
		return;
	}
	path = xstrdup(rq->path + 7);
	for (tok = strtok_r(path, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (c.nseg == SBX_REF_MAX_SEGS || strlen(tok) > 100) {
			bad = true;
			break;
		}
		for (const char *p = tok; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				bad = true;
		c.seg[c.nseg++] = tok;
	}
	if (bad)
		sbx_reply_error(rp, 404, "not_found", NULL, "no such endpoint");
	else
		route(&c);
	if (c.get && rp->status < 300 && !sbx_reply_get_header(rp, "Cache-Control"))
		sbx_reply_header(rp, "Cache-Control", "private, no-cache");
	free(path);
}
