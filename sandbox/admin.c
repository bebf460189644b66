/* The sandbox's own endpoints, for tests and demos, answered only to
 * clients on loopback: GET/POST /_sandbox/faults, GET/POST /_sandbox/clock,
 * GET /_sandbox/health, GET/POST /_sandbox/api-key. Never faulted, no
 * authentication. */
#include "config.h"

#include <string.h>

#include "core/when.h"
#include "sbx_db.h"
#include "sbx_faults.h"
#include "sbx_http.h"
#include "sbx_ops.h"
#include "sbx_util.h"

static cJSON *clock_json(struct sbx *s)
{
	cJSON *o = cJSON_CreateObject();
	char iso[WHEN_LEN];

	when_iso(sbx_now(s), iso, sizeof iso);
	cJSON_AddStringToObject(o, "now", iso);
	cJSON_AddBoolToObject(o, "frozen", s->clock_frozen);
	cJSON_AddNumberToObject(o, "offset_seconds", (double)s->clock_offset);
	return o;
}

static void clock_post(struct sbx *s, const cJSON *body, struct sbx_reply *rp)
{
	static const char *const keys[] = { "now", "advance_seconds", "frozen", NULL };
	const cJSON *now = cJSON_GetObjectItemCaseSensitive(body, "now");
	const cJSON *adv = cJSON_GetObjectItemCaseSensitive(body, "advance_seconds");
	const cJSON *frozen = cJSON_GetObjectItemCaseSensitive(body, "frozen");
	const cJSON *it;
	int64_t t = sbx_now(s);
	struct err e;

	if (!cJSON_IsObject(body)) {
		sbx_reply_error(rp, 400, "invalid_body", NULL,
				"the body must be a JSON object: {\"now\", \"advance_seconds\", \"frozen\"}");
		return;
	}
	cJSON_ArrayForEach(it, body) {
		bool known = false;

		for (const char *const *k = keys; *k; k++)
			known |= !strcmp(it->string, *k);
		if (!known) {
			sbx_reply_error(rp, 400, "unknown_field", it->string,
					"unknown clock setting \"%.40s\"", it->string);
			return;
		}
	}
	if (now && (!cJSON_IsString(now) || sbx_time_parse(now->valuestring, &t, &e) < 0)) {
		sbx_reply_error(rp, 400, "invalid_field", "now", "now: %s",
				cJSON_IsString(now) ? e.msg : "expected an ISO 8601 time string");
		return;
	}
	if (adv) {
		if (!cJSON_IsNumber(adv) || adv->valuedouble < -1e10 || adv->valuedouble > 1e10) {
			sbx_reply_error(rp, 400, "invalid_field", "advance_seconds",
					"advance_seconds is a number of seconds");
			return;
		}
		t += (int64_t)adv->valuedouble;
	}
	if (frozen && !cJSON_IsBool(frozen)) {
		sbx_reply_error(rp, 400, "invalid_field", "frozen", "frozen is true or false");
		return;
	}
	if (t < SBX_TIME_MIN || t >= SBX_TIME_MAX) {
		sbx_reply_error(rp, 400, "invalid_field", "now",
				"the clock must stay within 1970-2199");
		return;
	}
	if (sbx_clock_set(s, t, frozen ? cJSON_IsTrue(frozen) : s->clock_frozen, &e) < 0) {
		sbx_reply_error(rp, 500, "internal", NULL, "%s", e.msg);
		return;
	}
	sbx_reply_json(rp, 200, clock_json(s));
}

static cJSON *health_json(struct sbx *s)
{
	cJSON *o = cJSON_CreateObject();
	sqlite3_stmt *st;
	char iso[WHEN_LEN];

	cJSON_AddStringToObject(o, "status", "ok");
	cJSON_AddStringToObject(o, "version", PACKAGE_VERSION);
	cJSON_AddStringToObject(o, "dialect",
				s->dialect == SBX_DIALECT_PORTAL ? "portal" :
				s->dialect == SBX_DIALECT_OPENCPS ? "opencps" : "reference");
	when_iso(sbx_now(s), iso, sizeof iso);
	cJSON_AddStringToObject(o, "now", iso);
	cJSON_AddNumberToObject(o, "change_seq", (double)sbx_change_current(s));
	cJSON_AddNumberToObject(o, "logins", (double)s->logins);
	st = sbx_prep(s, "SELECT (SELECT count(*) FROM dossiers), (SELECT count(*) FROM users),"
		      " (SELECT count(*) FROM procedures), (SELECT count(*) FROM citizens),"
		      " (SELECT count(*) FROM enterprises)", NULL);
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		cJSON *c = cJSON_AddObjectToObject(o, "counts");

		sbx_json_col(c, "dossiers", st, 0);
		sbx_json_col(c, "users", st, 1);
		sbx_json_col(c, "procedures", st, 2);
		sbx_json_col(c, "citizens", st, 3);
		sbx_json_col(c, "enterprises", st, 4);
	}
	sqlite3_finalize(st);
	return o;
}

/* A user's API key (for the portal dialect's X-API-Key) by login: trainers
 * and tests get it without reading the database. */
static void api_key(struct sbx *s, const char *login, struct sbx_reply *rp)
{
	struct sbx_error e;
	char key[128];
	cJSON *o;

	if (!login || !*login || strlen(login) > 63) {
		sbx_reply_error(rp, 400, "invalid_field", "login",
				"give the user's login: {\"login\": \"tiepnhan1\"} or ?login=tiepnhan1");
		return;
	}
	if (sbx_auth_user_key(s, login, key, sizeof key, &e) < 0) {
		sbx_reply_sbx_error(rp, &e);
		return;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "login", login);
	cJSON_AddStringToObject(o, "api_key", key);
	cJSON_AddStringToObject(o, "header", "X-API-Key");
	sbx_reply_json(rp, 200, o);
}

void sbx_admin_handle(struct sbx *s, const struct sbx_request *rq,
		      struct sbx_reply *rp)
{
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
	bool post = !strcmp(rq->method, "POST");
	cJSON *body = NULL;
	struct sbx_error e;

	if (!rq->loopback) {
		sbx_reply_error(rp, 403, "forbidden", NULL,
				"the /_sandbox endpoints answer only on loopback");
		return;
	}
	if (rq->body_too_large) {
		sbx_reply_error(rp, 413, "payload_too_large", NULL,
				"the request body is larger than %zu bytes", s->body_limit);
		return;
	}
	if (!strcmp(rq->path, "/_sandbox/faults") || !strcmp(rq->path, "/_sandbox/clock")) {
		bool faults = rq->path[10] == 'f';

		if (!get && !post) {
			sbx_reply_header(rp, "Allow", "GET, POST");
			sbx_reply_error(rp, 405, "method_not_allowed", NULL,
					"%s takes GET or POST", rq->path);
			return;
		}
		if (get) {
			sbx_reply_json(rp, 200, faults ? sbx_faults_json(s->faults) : clock_json(s));
			return;
		}
		if (sbx_parse_body(rq, &body, rp) < 0)
			return;
		if (!faults) {
			clock_post(s, body, rp);
		} else if (sbx_faults_update(s->faults, body, &e) < 0) {
			sbx_reply_sbx_error(rp, &e);
		} else {
			sbx_reply_json(rp, 200, sbx_faults_json(s->faults));
		}
		cJSON_Delete(body);
		return;
	}
	if (!strcmp(rq->path, "/_sandbox/health")) {
		if (!get) {
			sbx_reply_header(rp, "Allow", "GET");
			sbx_reply_error(rp, 405, "method_not_allowed", NULL,
					"/_sandbox/health takes GET");
			return;
		}
		sbx_reply_json(rp, 200, health_json(s));
		return;
	}
	if (!strcmp(rq->path, "/_sandbox/api-key")) {
		const cJSON *login;

		if (get) {
			api_key(s, sbx_req_arg(rq, "login"), rp);
			return;
		}
		if (!post) {
			sbx_reply_header(rp, "Allow", "GET, POST");
			sbx_reply_error(rp, 405, "method_not_allowed", NULL,
					"/_sandbox/api-key takes GET or POST");
			return;
		}
		if (sbx_parse_body(rq, &body, rp) < 0)
			return;
		login = cJSON_GetObjectItemCaseSensitive(body, "login");
		api_key(s, cJSON_IsString(login) ? login->valuestring : NULL, rp);
		cJSON_Delete(body);
		return;
	}
	sbx_reply_error(rp, 404, "not_found", NULL,
			"no such sandbox endpoint; there are /_sandbox/faults, /_sandbox/clock, /_sandbox/health and /_sandbox/api-key");
}
