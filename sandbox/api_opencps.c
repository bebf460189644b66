/* The opencps dialect (sandbox/API_OPENCPS.md): the officer REST API of
 * OpenCPS v2 as its public JAX-RS resources shape it, under /o/rest/v2.
 * HTTP Basic credentials and a groupId header on every request; a wrong
 * password is not refused but served as the anonymous guest (an empty
 * list, 203 elsewhere), as the real server does; start/end paging (end
 * exclusive, pages capped); status words; actions POSTed form-encoded
 * with an actionCode, answered with the action record, not the dossier;
 * the log and the next actions at endpoints of their own. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sbx_api_opencps.h"
#include "sbx_db.h"
#include "sbx_ops.h"
#include "sbx_util.h"

/* ---- replies ---------------------------------------------------------------- */

void sbx_ocps_reply(struct sbx_ocps *c, int status, cJSON *data)
{
	sbx_reply_json(c->rp, status, data);
}

void sbx_ocps_error(struct sbx_ocps *c, int status, const char *code, const char *fmt, ...)
{
	cJSON *o = cJSON_CreateObject();
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* ExceptionModel: the status again, a sentence, a code */
	cJSON_AddNumberToObject(o, "status", status);
	cJSON_AddStringToObject(o, "message", msg);
	cJSON_AddStringToObject(o, "description", code);
	sbx_reply_json(c->rp, status, o);
}

void sbx_ocps_fail(struct sbx_ocps *c, const struct sbx_error *e)
{
	sbx_ocps_error(c, sbx_error_status(e->kind), e->code, "%s", e->message);
}

/* ---- authentication ----------------------------------------------------------- */

static int b64(int ch)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = ch ? strchr(digits, ch) : NULL;

	return p ? (int)(p - digits) : -1;
}

/* "Basic base64(login:password)" into login and password; -1 if not. */
static int basic(const char *h, char *login, size_t llen, char *password, size_t plen)
{
	char plain[256];
	size_t o = 0;
	unsigned acc = 0;
	int bits = 0;
	char *colon;

	if (!h || strncmp(h, "Basic ", 6))
		return -1;
	for (h += 6; *h && *h != '='; h++) {
		int v = b64(*h);

		if (v < 0 || o + 1 >= sizeof plain)
			return -1;
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			plain[o++] = (char)(acc >> bits & 0xff);
		}
	}
	plain[o] = '\0';
	if (strlen(plain) != o || !(colon = strchr(plain, ':')))
		return -1;
	*colon = '\0';
	snprintf(login, llen, "%s", plain);
	snprintf(password, plen, "%s", colon + 1);
	memset(plain, 0, sizeof plain);
	return 0;
}

/* The user of the request, or the guest. -1 after replying (a missing
 * groupId, too many wrong passwords). */
static int authenticate(struct sbx_ocps *c)
{
	const char *group = sbx_req_header(c->rq, "groupId");
	char login[64], password[128], key[128];
	struct sbx_error e;
	cJSON *out = NULL;
	int64_t g;

	if (!group || sbx_parse_int(group, 1, INT64_MAX / 2, &g) < 0) {
		sbx_ocps_error(c, 400, "invalid_header", "the groupId header names the site: a number");
		return -1;
	}
	if (basic(sbx_req_header(c->rq, "Authorization"), login, sizeof login, password,
		  sizeof password) < 0) {
		c->guest = true;
		return 0;
	}
	if (sbx_auth_login_key(c->s, login, password, &out, &e) < 0) {
		memset(password, 0, sizeof password);
		if (e.kind != SBX_E_UNAUTHORIZED) {
			sbx_ocps_fail(c, &e);
			return -1;
		}
		c->guest = true;	/* no 401: the portal's guest session */
		return 0;
	}
	memset(password, 0, sizeof password);
	snprintf(key, sizeof key, "%s", cJSON_GetObjectItemCaseSensitive(out, "api_key")->valuestring);
	cJSON_Delete(out);
	if (sbx_auth_api_key(c->s, key, &c->user, &e) < 0) {
		sbx_ocps_fail(c, &e);
		return -1;
	}
	return 0;
}

static void login(struct sbx_ocps *c)
{
	cJSON *o = cJSON_CreateObject();

	if (c->guest) {
		cJSON_AddNumberToObject(o, "userId", SBX_OCPS_GUEST_ID);
		cJSON_AddStringToObject(o, "screenName", "");
		cJSON_AddStringToObject(o, "fullName", "Guest");
	} else {
		c->s->logins++;
		cJSON_AddNumberToObject(o, "userId", (double)c->user.id);
		cJSON_AddStringToObject(o, "screenName", c->user.login);
		cJSON_AddStringToObject(o, "fullName", c->user.full_name);
		cJSON_AddStringToObject(o, "role", role_name(c->user.role));
		cJSON_AddStringToObject(o, "govAgencyCode", c->user.agency_id);
	}
	sbx_ocps_reply(c, 200, o);
	sbx_reply_header(c->rp, SBX_SERVER_ID_HEADER, "%s", c->s->server_id);
}

/* ---- dossiers ------------------------------------------------------------------- */

static int one_status(const char *word, unsigned *mask)
{
	int st = sbx_ocps_status_parse(word);

	if (st < 0)
		return -1;
	*mask |= 1u << st;
	return 0;
}

static void list(struct sbx_ocps *c)
{
	struct sbx_list_query q = { .overdue = -1 };
	const char *v;
	struct sbx_error e;
	cJSON *out, *items, *shaped;
	int start, end, total;

	if (sbx_ocps_window(c, &start, &end) < 0)
		return;
	if (c->guest) {
		/* what OpenCPS gives a guest: nothing, and no error */
		sbx_ocps_reply(c, 200, sbx_ocps_page(NULL, 0, 0, 0));
		return;
	}
	if ((v = sbx_req_arg(c->rq, "status")) && *v) {
		char *copy = xstrdup(v), *save = NULL;

		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			if (one_status(w, &q.statuses) < 0) {
				sbx_ocps_error(c, 400, "invalid_parameter",
					       "status: \"%.40s\" is not a dossier status (new, receiving, processing, waiting, paying, releasing, done, ...)", w);
				free(copy);
				return;
			}
		}
		free(copy);
	}
	if ((v = sbx_req_arg(c->rq, "assigned")) && !strcmp(v, "me")) {
		q.assignee = 1;
		q.assignee_id = c->user.id;
	}
	if ((v = sbx_req_arg(c->rq, "overdue")))
		q.overdue = !strcmp(v, "true") || !strcmp(v, "1");
	q.procedure = sbx_req_arg(c->rq, "serviceCode");
	q.q = sbx_req_arg(c->rq, "keyword");
	if ((v = sbx_req_arg(c->rq, "sort")) && !strcmp(v, "modified"))
		q.sort = SBX_SORT_UPDATED;
	/* start/end onto the operations' pages: a window at a multiple of
	 * its size, as the client's pages are */
	q.per_page = end > start ? end - start : 1;
	if (start % q.per_page) {
		sbx_ocps_error(c, 400, "invalid_parameter", "start must be a multiple of end - start");
		return;
	}
	q.page = start / q.per_page + 1;
	if (sbx_op_list(c->s, &c->user, &q, &out, &e) < 0) {
		sbx_ocps_fail(c, &e);
		return;
	}
	total = cJSON_GetObjectItemCaseSensitive(out, "total")->valueint;
	items = cJSON_DetachItemFromObjectCaseSensitive(out, "items");
	cJSON_Delete(out);
	shaped = cJSON_CreateArray();
	while (items && items->child)
		cJSON_AddItemToArray(shaped, sbx_ocps_dossier(c->s, cJSON_DetachItemViaPointer(items, items->child)));
	cJSON_Delete(items);
	out = sbx_ocps_page(shaped, 0, 0, end - start);
	cJSON_ReplaceItemInObjectCaseSensitive(out, "total", cJSON_CreateNumber(total));
	sbx_ocps_reply(c, 200, out);
}

/* The dossier's model object, or -1 after replying. */
static int dossier(struct sbx_ocps *c, cJSON **out)
{
	struct sbx_error e;

	if (sbx_op_get(c->s, &c->user, c->seg[1], out, &e) < 0) {
		sbx_ocps_fail(c, &e);
		return -1;
	}
	return 0;
}

static void detail(struct sbx_ocps *c)
{
	cJSON *m;

	if (dossier(c, &m) == 0)
		sbx_ocps_reply(c, 200, sbx_ocps_dossier(c->s, m));
}

static void logs(struct sbx_ocps *c)
{
	cJSON *m, *log;
	int n;

	if (dossier(c, &m) < 0)
		return;
	log = cJSON_DetachItemFromObjectCaseSensitive(m, "log");
	cJSON_Delete(m);
	/* an entry's action as the action code it was done with */
	for (cJSON *it = log ? log->child : NULL; it; it = it->next) {
		const cJSON *a = cJSON_GetObjectItemCaseSensitive(it, "action");
		int act = cJSON_IsString(a) ? action_parse(a->valuestring) : -1;

		if (act >= 0)
			cJSON_ReplaceItemInObjectCaseSensitive(it, "action",
							       cJSON_CreateString(sbx_ocps_action_code(act)));
	}
	n = cJSON_GetArraySize(log);
	sbx_ocps_reply(c, 200, sbx_ocps_page(sbx_ocps_shape(log), n, 0, n));
}

static void nextactions(struct sbx_ocps *c)
{
	cJSON *m, *acts, *data = cJSON_CreateArray();
	const cJSON *a;
	int n = 0;

	if (dossier(c, &m) < 0) {
		cJSON_Delete(data);
		return;
	}
	acts = cJSON_GetObjectItemCaseSensitive(m, "allowed_actions");
	cJSON_ArrayForEach(a, acts) {
		int act = cJSON_IsString(a) ? action_parse(a->valuestring) : -1;
		cJSON *o;

		if (act < 0)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "actionCode", sbx_ocps_action_code(act));
		cJSON_AddStringToObject(o, "actionName", action_label((enum action)act));
		cJSON_AddItemToArray(data, o);
		n++;
	}
	cJSON_Delete(m);
	sbx_ocps_reply(c, 200, sbx_ocps_page(data, n, 0, n));
}

/* "2, 5" or "2,5" -> [2, 5] for the operations; -1 on anything else. */
static int parts(const char *s, cJSON **out)
{
	*out = cJSON_CreateArray();
	while (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);

		if (end == s || v < 1 || v > 99) {
			cJSON_Delete(*out);
			*out = NULL;
			return -1;
		}
		cJSON_AddItemToArray(*out, cJSON_CreateNumber((double)v));
		s = end + strspn(end, ", ");
	}
	return 0;
}

/* The colleagues, OpenCPS's employees: {"total", "data": [{"userId",
 * "screenName", "fullName", "role"}]}, screenName filtering. */
static cJSON *colleagues(struct sbx_ocps *c, const char *screen_name, struct sbx_error *e)
{
	cJSON *out, *data = cJSON_CreateArray();
	const cJSON *it;
	int n = 0;

	if (sbx_op_users(c->s, &c->user, -1, &out, e) < 0) {
		cJSON_Delete(data);
		return NULL;
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(out, "items")) {
		const cJSON *login = cJSON_GetObjectItemCaseSensitive(it, "login");
		cJSON *o;

		if (screen_name && (!cJSON_IsString(login) || strcmp(login->valuestring, screen_name)))
			continue;
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "userId", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(it, "id"), 1));
		cJSON_AddItemToObject(o, "screenName", cJSON_Duplicate(login, 1));
		cJSON_AddItemToObject(o, "fullName", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(it, "full_name"), 1));
		cJSON_AddItemToObject(o, "role", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(it, "role"), 1));
		cJSON_AddItemToArray(data, o);
		n++;
	}
	cJSON_Delete(out);
	return sbx_ocps_page(data, n, 0, n);
}

static void users(struct sbx_ocps *c)
{
	struct sbx_error e;
	cJSON *out = colleagues(c, sbx_req_arg(c->rq, "screenName"), &e);

	if (out)
		sbx_ocps_reply(c, 200, out);
	else
		sbx_ocps_fail(c, &e);
}

/* assignUsers: OpenCPS's userId of the colleague, as the operations'
 * login; -1 after replying. */
static int assignee(struct sbx_ocps *c, const char *id, cJSON *body)
{
	struct sbx_error e;
	cJSON *all = colleagues(c, NULL, &e);
	const cJSON *it;

	if (!all) {
		sbx_ocps_fail(c, &e);
		return -1;
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(all, "data")) {
		const cJSON *uid = cJSON_GetObjectItemCaseSensitive(it, "userId");
		char text[24];

		snprintf(text, sizeof text, "%.0f", cJSON_IsNumber(uid) ? uid->valuedouble : -1.0);
		if (!strcmp(text, id)) {
			cJSON_AddStringToObject(body, "assignee",
						cJSON_GetObjectItemCaseSensitive(it, "screenName")->valuestring);
			cJSON_Delete(all);
			return 0;
		}
	}
	cJSON_Delete(all);
	sbx_ocps_error(c, 400, "invalid_parameter", "assignUsers: no colleague with userId %.20s", id);
	return -1;
}

/* The form's fields as the operations' body. */
static int action_body(struct sbx_ocps *c, const struct sbx_request *form, cJSON *body)
{
	static const char *const copied[][2] = {
		{ "actionNote", "note" }, { "actionReason", "reason" },
	};
	const char *v;
	cJSON *list;

	for (size_t i = 0; i < sizeof copied / sizeof copied[0]; i++)
		if ((v = sbx_req_arg(form, copied[i][0])) && *v)
			cJSON_AddStringToObject(body, copied[i][1], v);
	if ((v = sbx_req_arg(form, "assignUsers")) && *v && assignee(c, v, body) < 0)
		return -1;
	if ((v = sbx_req_arg(form, "dueDate")) && *v) {
		int64_t ms;

		/* OpenCPS takes a new appointment as epoch milliseconds */
		if (sbx_parse_int(v, 0, INT64_MAX / 2, &ms) < 0) {
			sbx_ocps_error(c, 400, "invalid_parameter", "dueDate is epoch milliseconds");
			return -1;
		}
		cJSON_AddNumberToObject(body, "new_due_at", (double)(ms / 1000));
	}
	if ((v = sbx_req_arg(form, "missingParts")) && *v) {
		if (parts(v, &list) < 0) {
			sbx_ocps_error(c, 400, "invalid_parameter", "missingParts lists part numbers: 2, 5");
			return -1;
		}
		cJSON_AddItemToObject(body, "missing", list);
	}
	return 0;
}

static void act(struct sbx_ocps *c)
{
	struct sbx_request form = { 0 };
	char *target = NULL;
	const char *code;
	struct sbx_error e;
	cJSON *body = cJSON_CreateObject(), *out = NULL, *rec;
	int a;

	/* the form is a query string without its '?' */
	target = xmalloc(c->rq->body_len + 3);
	snprintf(target, c->rq->body_len + 3, "/?%s", c->rq->body ? c->rq->body : "");
	sbx_parse_target(target, &form);
	code = sbx_req_arg(&form, "actionCode");
	a = code ? sbx_ocps_action_parse(code) : -1;
	if (a < 0)
		sbx_ocps_error(c, 404, "not_found", "no action with actionCode \"%.20s\" in this process",
			       code ? code : "");
	else if (action_body(c, &form, body) == 0 &&
		 sbx_op_act(c->s, &c->user, c->seg[1], (enum action)a, -1, body, &out, &e) < 0)
		sbx_ocps_fail(c, &e);
	else if (out) {
		const cJSON *ver = cJSON_GetObjectItemCaseSensitive(out, "version");
		char now[20];

		/* the action record, not the dossier */
		sbx_ocps_time(sbx_now(c->s), now);
		rec = cJSON_CreateObject();
		cJSON_AddNumberToObject(rec, "dossierActionId", cJSON_IsNumber(ver) ? ver->valuedouble : 0);
		cJSON_AddStringToObject(rec, "dossierNo", c->seg[1]);
		cJSON_AddStringToObject(rec, "actionCode", code);
		cJSON_AddStringToObject(rec, "actionUser", c->user.full_name);
		cJSON_AddStringToObject(rec, "createDate", now);
		sbx_ocps_reply(c, 200, rec);
	}
	cJSON_Delete(out);
	cJSON_Delete(body);
	free(target);
}

static void intake(struct sbx_ocps *c)
{
	static const char *const names[][2] = {
		{ "serviceCode", "procedure_code" }, { "dossierChannel", "channel" },
		{ "numberOfCopies", "copies" }, { "applicantNote", "note" }, { "formData", "form" },
		{ "dossierParts", "components" }, { "lookups", "lookups" },
	};
	static const char *const applicant[][2] = {
		{ "applicantName", "name" }, { "applicantIdNo", "id_number" },
		{ "contactTelNo", "phone" }, { "contactEmail", "email" }, { "address", "address" },
	};
	struct sbx_error e;
	cJSON *in = NULL, *body, *ap, *out;

	if (sbx_parse_body(c->rq, &in, c->rp) < 0)
		return;
	if (!cJSON_IsObject(in)) {
		cJSON_Delete(in);
		sbx_ocps_error(c, 400, "invalid_body", "the body is a JSON object: serviceCode, applicantName, ...");
		return;
	}
	body = cJSON_CreateObject();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		cJSON *v = cJSON_DetachItemFromObjectCaseSensitive(in, names[i][0]);

		if (v)
			cJSON_AddItemToObject(body, names[i][1], v);
	}
	ap = cJSON_AddObjectToObject(body, "applicant");
	for (size_t i = 0; i < sizeof applicant / sizeof applicant[0]; i++) {
		cJSON *v = cJSON_DetachItemFromObjectCaseSensitive(in, applicant[i][0]);

		if (v)
			cJSON_AddItemToObject(ap, applicant[i][1], v);
	}
	if (cJSON_GetObjectItemCaseSensitive(in, "delegateName")) {
		cJSON *px = cJSON_AddObjectToObject(body, "proxy");

		cJSON_AddItemToObject(px, "name", cJSON_DetachItemFromObjectCaseSensitive(in, "delegateName"));
		if (cJSON_GetObjectItemCaseSensitive(in, "delegateIdNo"))
			cJSON_AddItemToObject(px, "id_number",
					      cJSON_DetachItemFromObjectCaseSensitive(in, "delegateIdNo"));
	}
	cJSON_Delete(in);
	if (sbx_op_intake(c->s, &c->user, body, &out, &e) < 0)
		sbx_ocps_fail(c, &e);
	else
		sbx_ocps_reply(c, 200, sbx_ocps_dossier(c->s, out));
	cJSON_Delete(body);
}

/* ---- routing ---------------------------------------------------------------------- */

/* OpenCPS takes a dossier's id or its number in paths: an id (all digits,
 * which no number is) becomes the number of the dossier it names in the
 * user's agency; an unknown one stays, for the not found it earns. */
static void resolve_id(struct sbx_ocps *c)
{
	const char *ref = c->seg[1];
	struct sbx_error e;
	sqlite3_stmt *st;

	if (!ref[0] || ref[strspn(ref, "0123456789")] ||
	    !(st = sbx_prep(c->s, "SELECT code FROM dossiers WHERE agency_id = ?", &e)))
		return;
	sbx_bind_text(st, 1, c->user.agency_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = sbx_col_text(st, 0);

		if (sbx_ocps_dossier_id(code) == strtoll(ref, NULL, 10)) {
			snprintf(c->number, sizeof c->number, "%s", code);
			c->seg[1] = c->number;
			break;
		}
	}
	sqlite3_finalize(st);
}

static void route(struct sbx_ocps *c)
{
	bool get = !strcmp(c->rq->method, "GET"), post = !strcmp(c->rq->method, "POST");
	const char *r = c->nseg ? c->seg[0] : "";

	if (!strcmp(r, "login") && c->nseg == 1 && post) {
		login(c);
		return;
	}
	if (!strcmp(r, "dossiers") && c->nseg == 1 && get) {
		list(c);	/* a guest gets an empty list, with 200 */
		return;
	}
	if (c->guest) {
		sbx_ocps_error(c, 203, "guest", "Bạn chưa đăng nhập (the request was served as a guest)");
		return;
	}
	if (!strcmp(r, "dossiers")) {
		if (c->nseg >= 2)
			resolve_id(c);
		if (c->nseg == 1 && post)
			intake(c);
		else if (c->nseg == 2 && get)
			detail(c);
		else if (c->nseg == 3 && get && !strcmp(c->seg[2], "logs"))
			logs(c);
		else if (c->nseg == 3 && get && !strcmp(c->seg[2], "nextactions"))
			nextactions(c);
		else if (c->nseg == 3 && post && !strcmp(c->seg[2], "actions"))
			act(c);
		else
			sbx_ocps_error(c, 404, "not_found", "no such endpoint: %.10s %.200s", c->rq->method,
				       c->rq->path);
		return;
	}
	if (get && !strcmp(r, "serviceinfos") && c->nseg <= 2)
		sbx_ocps_serviceinfos(c);
	else if (get && !strcmp(r, "lgsp") && c->nseg == 3)
		sbx_ocps_lookup(c);
	else if (get && !strcmp(r, "users") && c->nseg == 1)
		users(c);
	else if (get && !strcmp(r, "govagencies") && c->nseg == 1)
		sbx_ocps_govagencies(c);
	else if (get && !strcmp(r, "statistics") && c->nseg == 1)
		sbx_ocps_statistics(c);
	else
		sbx_ocps_error(c, 404, "not_found", "no such endpoint: %.10s %.200s", c->rq->method,
			       c->rq->path);
}

void sbx_opencps_handle(struct sbx *s, const struct sbx_request *rq, struct sbx_reply *rp)
{
	struct sbx_ocps c = { .s = s, .rq = rq, .rp = rp };
	size_t plen = strlen(SBX_OCPS_PREFIX);
	char *path, *save = NULL;

	if (strncmp(rq->path, SBX_OCPS_PREFIX, plen) || (rq->path[plen] && rq->path[plen] != '/')) {
		sbx_ocps_error(&c, 404, "not_found", "no such endpoint: %.200s (the API is under %s)",
			       rq->path, SBX_OCPS_PREFIX);
		return;
	}
	if (rq->body_too_large) {
		sbx_ocps_error(&c, 413, "payload_too_large", "the request body is larger than %zu bytes",
			       s->body_limit);
		return;
	}
	path = xstrdup(rq->path + plen);
	for (char *tok = strtok_r(path, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (c.nseg == SBX_OCPS_MAX_SEGS) {
			c.nseg = 0;
			break;
		}
		c.seg[c.nseg++] = tok;
	}
	if (!c.nseg)
		sbx_ocps_error(&c, 404, "not_found", "no such endpoint: %.200s", rq->path);
	else if (authenticate(&c) == 0)
		route(&c);
	free(path);
}
