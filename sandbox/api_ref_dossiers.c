/* The reference dialect's dossier endpoints: the list (filters, paging,
 * change cursor, entity tags computed without building the list), the
 * detail (ETag "v<version>"), intake and actions under Idempotency-Key
 * and If-Match. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "sbx_api_ref.h"
#include "sbx_db.h"
#include "sbx_ops.h"
#include "sbx_util.h"
#include "sbx_workflow.h"


static int one_status(const char *it, void *arg)
{
	int64_t v;
	int st = sbx_parse_int(it, ST_MIN, ST_MAX, &v) == 0 ? (int)v : status_parse(it);

	if (st < ST_MIN)
		return -1;
	*(unsigned *)arg |= 1u << st;
	return 0;
}

static int one_step(const char *it, void *arg)
{
	int st = step_parse(it);

	if (st < 0)
		return -1;
	*(unsigned *)arg |= 1u << st;
	return 0;
}

static int parse_bool(const char *v, int *out)
{
	if (!strcmp(v, "1") || !strcmp(v, "true"))
		*out = 1;
	else if (!strcmp(v, "0") || !strcmp(v, "false"))
		*out = 0;
	else
		return -1;
	return 0;
}

/* ---- idempotent writes ---------------------------------------------------- */

static void dossier_headers(struct sbx_ref *c, bool created)
{
	cJSON *j = cJSON_ParseWithLength(c->rp->body ? c->rp->body : "", c->rp->len);
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(j, "code");
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(j, "version");

	if (cJSON_IsNumber(ver))
		sbx_reply_header(c->rp, "ETag", "\"v%lld\"", (long long)ver->valuedouble);
	if (created && cJSON_IsString(code))
		sbx_reply_header(c->rp, "Location", "/api/v1/dossiers/%s", code->valuestring);
	cJSON_Delete(j);
}

typedef int (*write_fn)(struct sbx_ref *c, cJSON *body, cJSON **out,
			struct sbx_error *e);

/* Run a change under its Idempotency-Key: a replay of the same request
 * gets the first reply again; the key with another request is refused.
 * The change and the stored reply commit together. */
static void keyed_write(struct sbx_ref *c, bool key_required, int status,
			bool created, write_fn fn)
{
	const char *key = sbx_req_header(c->rq, "Idempotency-Key");
	struct sbx_error e;
	cJSON *body = NULL, *out = NULL;
	char digest[24];
	uint64_t h;
	char *stored = NULL;
	int st = 0, found = 0;

	if (!key && key_required) {
		sbx_reply_error(c->rp, 400, "idempotency_key_required", "Idempotency-Key",
				"this request needs an Idempotency-Key header (a unique string per intended change, e.g. a UUID)");
		return;
	}
	if (key && !sbx_idem_key_ok(key)) {
		sbx_reply_error(c->rp, 400, "invalid_header", "Idempotency-Key",
				"Idempotency-Key is 1 to %d visible ASCII characters", SBX_IDEM_KEY_MAX);
		return;
	}
	if (sbx_parse_body(c->rq, &body, c->rp) < 0)
		return;
	h = sbx_fnv1a(SBX_FNV_INIT, c->rq->method, strlen(c->rq->method));
	h = sbx_fnv1a(h, c->rq->path, strlen(c->rq->path) + 1);
	h = sbx_fnv1a(h, c->rq->body ? c->rq->body : "", c->rq->body_len);
	snprintf(digest, sizeof digest, "%016llx", (unsigned long long)h);
	if (sbx_tx_begin(c->s, &e) < 0)
		goto error;
	if (key && (found = sbx_idem_find(c->s, c->user.id, key, digest, &st, &stored, &e)) < 0)
		goto rollback;
	if (found) {
		sbx_tx_commit(c->s, &e);
		sbx_reply_replayed(c->rp, st, stored);
		dossier_headers(c, created);
		cJSON_Delete(body);
		return;
	}
	if (sbx_ref_parse_times(body, &e) < 0 || fn(c, body, &out, &e) < 0)
		goto rollback;
	sbx_ref_reply(c, status, out);
	if (key && sbx_idem_store(c->s, c->user.id, key, digest, status, c->rp->body, &e) < 0) {
		sbx_reply_free(c->rp);
		goto rollback;
	}
	if (sbx_tx_commit(c->s, &e) < 0) {
		sbx_reply_free(c->rp);
		goto error;
	}
	dossier_headers(c, created);
	cJSON_Delete(body);
	return;
rollback:
	sbx_tx_rollback(c->s);
error:
	cJSON_Delete(body);
	sbx_ref_fail(c, &e);
}

/* ---- dossiers ------------------------------------------------------------- */

/* A list's entity tag without building it: the user, the parameters as
 * sent and the state lists depend on (sbx_op_list_state). */
static int list_tag(struct sbx_ref *c, char *etag, size_t sz)
{
	struct sbx_error e;
	uint64_t h, state;

	if (sbx_op_list_state(c->s, &c->user, &state, &e) < 0) {
		sbx_ref_fail(c, &e);
		return -1;
	}
	h = sbx_fnv1a(SBX_FNV_INIT, &c->user.id, sizeof c->user.id);
	h = sbx_fnv1a(h, &state, sizeof state);
	for (int i = 0; i < c->rq->nargs; i++) {
		h = sbx_fnv1a(h, c->rq->args[i].key, strlen(c->rq->args[i].key) + 1);
		h = sbx_fnv1a(h, c->rq->args[i].value, strlen(c->rq->args[i].value) + 1);
	}
	snprintf(etag, sz, "\"l%016llx\"", (unsigned long long)h);
	return 0;
}

static void list_dossiers(struct sbx_ref *c)
{
	static const char *const names[] = { "status", "step", "assignee", "procedure",
		"channel", "overdue", "q", "due_before", "sort", "changed_since", "page",
		"per_page", NULL };
	struct sbx_list_query q;
	const char *v;
	struct err er;
	cJSON *out;
	struct sbx_error e;
	char etag[32];

	memset(&q, 0, sizeof q);
	q.overdue = -1;
	if (sbx_ref_only_params(c, names) < 0 || sbx_ref_paging(c, &q.page, &q.per_page) < 0)
		return;
	if ((v = sbx_ref_param(c, "status")) && sbx_ref_each_item(v, one_status, &q.statuses) < 0) {
		sbx_ref_bad_param(c, "status", "expected status codes 1-10 or names, comma-separated, got \"%.60s\"", v);
		return;
	}
	if ((v = sbx_ref_param(c, "step")) && sbx_ref_each_item(v, one_step, &q.steps) < 0) {
		sbx_ref_bad_param(c, "step", "expected steps (reception, assignment, processing, signing, issue, return, done), got \"%.60s\"", v);
		return;
	}
	if ((v = sbx_ref_param(c, "assignee"))) {
		if (!strcmp(v, "me")) {
			q.assignee = 1;
			q.assignee_id = c->user.id;
		} else if (!strcmp(v, "none")) {
			q.assignee = 2;
		} else {
			q.assignee = 1;
			q.assignee_id = sbx_user_id(c->s, c->user.agency_id, v, NULL);
			if (!q.assignee_id) {
				sbx_ref_bad_param(c, "assignee", "expected me, none or the login of a colleague, got \"%.60s\"", v);
				return;
			}
		}
	}
	q.procedure = sbx_ref_param(c, "procedure");
	if ((v = sbx_ref_param(c, "channel"))) {
		int64_t n;

		q.channel = sbx_parse_int(v, CH_DIRECT, CH_POSTAL, &n) == 0 ? (int)n : channel_parse(v);
		if (q.channel < CH_DIRECT) {
			sbx_ref_bad_param(c, "channel", "expected direct, online, postal or 1-3, got \"%.60s\"", v);
			return;
		}
	}
	if ((v = sbx_ref_param(c, "overdue")) && parse_bool(v, &q.overdue) < 0) {
		sbx_ref_bad_param(c, "overdue", "expected 1, 0, true or false, got \"%.20s\"", v);
		return;
	}
	if ((v = sbx_ref_param(c, "q")) && strlen(v) > 100) {
		sbx_ref_bad_param(c, "q", "at most 100 bytes");
		return;
	}
	q.q = v;
	if ((v = sbx_ref_param(c, "due_before")) && sbx_time_parse(v, &q.due_before, &er) < 0) {
		sbx_ref_bad_param(c, "due_before", "%s", er.msg);
		return;
	}
	if ((v = sbx_ref_param(c, "sort"))) {
		static const char *const sorts[] = { "due", "received", "updated", "code" };
		int i;

		for (i = 0; i < 4 && strcmp(v, sorts[i]); i++)
			;
		if (i == 4) {
			sbx_ref_bad_param(c, "sort", "expected due, received, updated or code, got \"%.30s\"", v);
			return;
		}
		q.sort = (enum sbx_sort)i;
	}
	if ((v = sbx_req_arg(c->rq, "changed_since"))) {
		if (sbx_parse_int(v, 0, INT64_MAX / 2, &q.since) < 0) {
			sbx_ref_bad_param(c, "changed_since", "expected the cursor of an earlier reply, got \"%.30s\"", v);
			return;
		}
		if (sbx_ref_param(c, "page") && q.page != 1) {
			sbx_ref_bad_param(c, "page", "%s", "with changed_since, continue with the returned cursor instead of pages");
			return;
		}
		q.has_since = true;
	}
	if (list_tag(c, etag, sizeof etag) < 0)
		return;
	if (sbx_etag_match_weak(sbx_req_header(c->rq, "If-None-Match"), etag)) {
		c->rp->status = 304;
		sbx_reply_header(c->rp, "ETag", "%s", etag);
		return;
	}
	if (sbx_op_list(c->s, &c->user, &q, &out, &e) < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	sbx_ref_reply(c, 200, out);
	sbx_reply_header(c->rp, "ETag", "%s", etag);
}

static void get_dossier(struct sbx_ref *c, const char *code)
{
	const char *inm = sbx_req_header(c->rq, "If-None-Match");
	struct sbx_error e;
	int64_t version;
	char etag[32];
	cJSON *out;

	if (sbx_ref_only_params(c, NULL) < 0)
		return;
	if (inm) {	/* answer a poll without building the detail */
		if (sbx_op_version(c->s, &c->user, code, &version, &e) < 0) {
			sbx_ref_fail(c, &e);
			return;
		}
		snprintf(etag, sizeof etag, "\"v%lld\"", (long long)version);
		if (sbx_etag_match_weak(inm, etag)) {
			c->rp->status = 304;
			sbx_reply_header(c->rp, "ETag", "%s", etag);
			return;
		}
	}
	if (sbx_op_get(c->s, &c->user, code, &out, &e) < 0) {
		sbx_ref_fail(c, &e);
		return;
	}
	sbx_ref_reply(c, 200, out);
	dossier_headers(c, false);
}

static int do_intake(struct sbx_ref *c, cJSON *body, cJSON **out,
		     struct sbx_error *e)
{
	if (!body)
		return sbx_fail(e, SBX_E_INVALID, "invalid_body", NULL,
				"the body is required: {\"procedure_code\", \"applicant\", ...}");
	return sbx_op_intake(c->s, &c->user, body, out, e);
}

static int do_action(struct sbx_ref *c, cJSON *body, cJSON **out,
		     struct sbx_error *e)
{
	const char *im = sbx_req_header(c->rq, "If-Match");
	int64_t version = -1;
	int a = action_parse(c->seg[3]);

	if (im) {
		const char *p = im;
		char num[24];
		size_t n;

		while (*p == ' ')
			p++;
		if (!strncmp(p, "W/", 2))
			p += 2;
		if (*p == '"')
			p++;
		if (*p == '*') {
			version = -1;
		} else {
			if (*p == 'v')
				p++;
			n = strspn(p, "0123456789");
			if (!n || n >= sizeof num || (p[n] && p[n] != '"') ||
			    (p[n] == '"' && p[n + 1] && p[n + 1] != ' '))
				return sbx_fail(e, SBX_E_INVALID, "invalid_header", "If-Match",
						"If-Match must be the dossier's ETag, e.g. \"v3\"");
			memcpy(num, p, n);
			num[n] = '\0';
			if (sbx_parse_int(num, 0, INT64_MAX / 2, &version) < 0)
				return sbx_fail(e, SBX_E_INVALID, "invalid_header", "If-Match",
						"If-Match must be the dossier's ETag, e.g. \"v3\"");
		}
	}
	return sbx_op_act(c->s, &c->user, c->seg[1], (enum action)a, version, body, out, e);
}

void sbx_ref_dossiers(struct sbx_ref *c)
{
	if (c->nseg == 1) {
		if (c->get)
			list_dossiers(c);
		else if (c->post && sbx_ref_only_params(c, NULL) == 0)
			keyed_write(c, true, 201, true, do_intake);
		else if (!c->post)
			goto method;
		return;
	}
	if (c->nseg == 2) {
		if (!c->get)
			goto method;
		get_dossier(c, c->seg[1]);
		return;
	}
	if (c->nseg == 4 && !strcmp(c->seg[2], "actions")) {
		if (!c->post) {
			sbx_reply_header(c->rp, "Allow", "POST");
			sbx_reply_error(c->rp, 405, "method_not_allowed", NULL,
					"actions are POSTed");
			return;
		}
		if (action_parse(c->seg[3]) < 0) {
			struct sb b = { 0 };

			for (int a = 0; a < ACT_COUNT; a++)
				sb_printf(&b, "%s%s", a ? ", " : "", action_name((enum action)a));
			sbx_reply_error(c->rp, 404, "unknown_action", NULL,
					"no action \"%.40s\"; the actions are %s", c->seg[3], b.s);
			sb_free(&b);
			return;
		}
		if (sbx_ref_only_params(c, NULL) == 0)
			keyed_write(c, false, 200, false, do_action);
		return;
	}
	sbx_reply_error(c->rp, 404, "not_found", NULL, "no such endpoint: %.200s", c->rq->path);
	return;
method:
	sbx_reply_header(c->rp, "Allow", c->nseg == 1 ? "GET, POST" : "GET");
	sbx_reply_error(c->rp, 405, "method_not_allowed", NULL,
			"%s is not allowed on %.200s", c->rq->method, c->rq->path);
}
