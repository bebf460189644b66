/* The opencps dialect's shapes: the operations' model objects in OpenCPS
 * v2's names (camelCase, dossierNo and dossierId, serviceCode, dates as
 * dd/MM/yyyy HH:mm:ss, status words, numeric action codes), and the
 * endpoints that only read: the catalog (serviceinfos), the national
 * registers through the province's integration platform (lgsp), the
 * agencies and the statistics. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "sbx_api_opencps.h"
#include "sbx_ops.h"
#include "sbx_util.h"

/* ---- words ----------------------------------------------------------------- */

/* dossierStatus by national code; "interoperating" (a joint procedure at
 * another agency) is processing too, on input. */
static const char *const status_words[] = {
	[ST_NEW] = "new", [ST_ACCEPTED] = "receiving", [ST_REFUSED] = "denied",
	[ST_PROCESSING] = "processing", [ST_SUPPLEMENT] = "waiting", [ST_PAYMENT] = "paying",
	[ST_WITHDRAWN] = "cancelled", [ST_STOPPED] = "unresolved",
	[ST_RESULT_READY] = "releasing", [ST_RETURNED] = "done",
};

const char *sbx_ocps_status_word(int code)
{
	return code >= ST_MIN && code <= ST_MAX ? status_words[code] : "";
}

int sbx_ocps_status_parse(const char *word)
{
	if (!strcmp(word, "interoperating"))
		return ST_PROCESSING;
	for (int i = ST_MIN; i <= ST_MAX; i++)
		if (!strcmp(word, status_words[i]))
			return i;
	return -1;
}

/* OpenCPS configures its actions per process as numeric codes. */
static const char *const action_codes[ACT_COUNT] = {
	[ACT_ACCEPT] = "1100", [ACT_REFUSE] = "1300", [ACT_REQUEST_SUPPLEMENT] = "2100",
	[ACT_RECEIVE_SUPPLEMENT] = "2200", [ACT_ASSIGN] = "3100",
	[ACT_FORWARD_SIGNING] = "3200", [ACT_APPROVE] = "3300", [ACT_STOP] = "3400",
	[ACT_WITHDRAW] = "4100", [ACT_RESULT_READY] = "5100", [ACT_RETURN_RESULT] = "5200",
	[ACT_RESCHEDULE] = "6100", [ACT_CONFIRM_PAYMENT] = "7100",
};

const char *sbx_ocps_action_code(int action)
{
	return action >= 0 && action < ACT_COUNT && action_codes[action] ? action_codes[action] : "";
}

int sbx_ocps_action_parse(const char *code)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (action_codes[a] && !strcmp(code, action_codes[a]))
			return a;
	return -1;
}

/* ---- times ----------------------------------------------------------------- */

void sbx_ocps_time(int64_t t, char out[20])
{
	struct cal_time c;

	cal_split(t, &c);
	snprintf(out, 20, "%02u/%02u/%04u %02u:%02u:%02u", (unsigned)c.day % 100u,
		 (unsigned)c.month % 100u, (unsigned)c.year % 10000u, (unsigned)c.hour % 100u,
		 (unsigned)c.minute % 100u, (unsigned)c.second % 100u);
}

int sbx_ocps_time_parse(const char *s, int64_t *t)
{
	int d, mo, y, h = 0, mi = 0, sec = 0, n = 0;
	size_t len = s ? strlen(s) : 0;

	if (len == 10 && sscanf(s, "%2d/%2d/%4d%n", &d, &mo, &y, &n) == 3 && n == 10)
		;
	else if (len == 19 && sscanf(s, "%2d/%2d/%4d %2d:%2d:%2d%n", &d, &mo, &y, &h, &mi, &sec, &n) == 6 &&
		 n == 19)
		;
	else
		return -1;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]) && !strchr("/ :", s[i]))
			return -1;
	if (y < 1970 || y > CAL_YEAR_MAX || !cal_valid_date(y, mo, d) || h > 23 || mi > 59 || sec > 59)
		return -1;
	*t = cal_join(y, mo, d, h, mi, sec);
	return 0;
}

/* ---- names ------------------------------------------------------------------ */

/* "received_at" -> "receivedDate", "id_number" -> "idNumber". */
static void camel(const char *key, char *out, size_t len)
{
	size_t n = strlen(key), o = 0;
	bool at = n > 3 && !strcmp(key + n - 3, "_at");
	bool up = false;

	if (at)
		n -= 3;
	for (size_t i = 0; i < n && o + 1 < len; i++) {
		if (key[i] == '_') {
			up = true;
			continue;
		}
		out[o++] = up ? (char)toupper((unsigned char)key[i]) : key[i];
		up = false;
	}
	out[o] = '\0';
	if (at)
		snprintf(out + o, len - o, "Date");
}

static bool is_status_key(const char *k)
{
	return !strcmp(k, "status") || !strcmp(k, "from_status") || !strcmp(k, "to_status");
}

cJSON *sbx_ocps_shape(cJSON *m)
{
	cJSON *out;

	if (cJSON_IsArray(m)) {
		out = cJSON_CreateArray();
		while (m->child)
			cJSON_AddItemToArray(out, sbx_ocps_shape(cJSON_DetachItemViaPointer(m, m->child)));
		cJSON_Delete(m);
		return out;
	}
	if (!cJSON_IsObject(m))
		return m;
	out = cJSON_CreateObject();
	while (m->child) {
		cJSON *v = cJSON_DetachItemViaPointer(m, m->child);
		size_t n = strlen(v->string);
		char name[64];

		/* "status_name" beside a status code: the word says it */
		if (n > 5 && !strcmp(v->string + n - 5, "_name")) {
			char base[64];

			snprintf(base, sizeof base, "%.*s", (int)(n - 5), v->string);
			if (is_status_key(base)) {
				cJSON_Delete(v);
				continue;
			}
		}
		camel(v->string, name, sizeof name);
		if (n > 3 && !strcmp(v->string + n - 3, "_at") && (cJSON_IsNumber(v) || cJSON_IsNull(v))) {
			char t[20] = "";

			if (cJSON_IsNumber(v))
				sbx_ocps_time((int64_t)v->valuedouble, t);
			cJSON_AddStringToObject(out, name, t);
			cJSON_Delete(v);
		} else if (!strcmp(v->string, "form")) {
			cJSON_AddItemToObject(out, name, v);	/* its keys are data */
		} else if (is_status_key(v->string) && cJSON_IsNumber(v)) {
			cJSON_AddStringToObject(out, name, sbx_ocps_status_word(v->valueint));
			cJSON_Delete(v);
		} else {
			cJSON_AddItemToObject(out, name, sbx_ocps_shape(v));
		}
	}
	cJSON_Delete(m);
	return out;
}

static void rename_key(cJSON *o, const char *from, const char *to)
{
	cJSON *v = cJSON_DetachItemFromObjectCaseSensitive(o, from);

	if (v)
		cJSON_AddItemToObject(o, to, v);
}

/* OpenCPS's dossier is flat: applicantName, contactTelNo, delegateName. */
static const char *const applicant[][2] = {
	{ "name", "applicantName" }, { "idNumber", "applicantIdNo" }, { "phone", "contactTelNo" },
	{ "email", "contactEmail" }, { "address", "address" }, { NULL, NULL },
};
static const char *const delegate[][2] = {
	{ "name", "delegateName" }, { "idNumber", "delegateIdNo" }, { NULL, NULL },
};

static void flatten(cJSON *o, const char *key, const char *const names[][2])
{
	cJSON *sub = cJSON_DetachItemFromObjectCaseSensitive(o, key);

	for (int i = 0; cJSON_IsObject(sub) && names[i][0]; i++) {
		cJSON *v = cJSON_DetachItemFromObjectCaseSensitive(sub, names[i][0]);

		if (v)
			cJSON_AddItemToObject(o, names[i][1], v);
	}
	cJSON_Delete(sub);
}

int64_t sbx_ocps_dossier_id(const char *code)
{
	/* wide enough that the sandbox's dossiers never share one */
	return (int64_t)(sbx_fnv1a(SBX_FNV_INIT, code, strlen(code)) % 900000000u) + 100000000;
}

cJSON *sbx_ocps_dossier(const struct sbx *s, cJSON *model)
{
	static const char *const names[][2] = {
		{ "code", "dossierNo" }, { "status", "dossierStatus" },
		{ "procedureCode", "serviceCode" }, { "procedureName", "serviceName" },
		{ "agencyId", "govAgencyCode" }, { "updatedDate", "modifiedDate" },
		{ "receivedDate", "receiveDate" }, { "finishedDate", "finishDate" },
		{ "returnedDate", "releaseDate" }, { "submittedDate", "submitDate" },
	};
	const cJSON *code = cJSON_GetObjectItemCaseSensitive(model, "code");
	int64_t id = cJSON_IsString(code) ? sbx_ocps_dossier_id(code->valuestring) : 0;
	const cJSON *received;
	cJSON *o;

	/* served by /logs and /nextactions, as OpenCPS does */
	cJSON_DeleteItemFromObjectCaseSensitive(model, "log");
	cJSON_DeleteItemFromObjectCaseSensitive(model, "allowed_actions");
	o = sbx_ocps_shape(model);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		rename_key(o, names[i][0], names[i][1]);
	flatten(o, "applicant", applicant);
	flatten(o, "proxy", delegate);
	/* the internal id, apart from the number a receipt shows */
	cJSON_AddNumberToObject(o, "dossierId", (double)id);
	received = cJSON_GetObjectItemCaseSensitive(o, "receiveDate");
	if (s->number_on_reception && (!cJSON_IsString(received) || !received->valuestring[0]))
		cJSON_ReplaceItemInObjectCaseSensitive(o, "dossierNo", cJSON_CreateString(""));
	return o;
}

cJSON *sbx_ocps_page(cJSON *items, int total, int start, int end)
{
	cJSON *o = cJSON_CreateObject(), *data = cJSON_AddArrayToObject(o, "data");
	int i = 0;

	cJSON_AddNumberToObject(o, "total", total);
	while (items && items->child) {
		cJSON *it = cJSON_DetachItemViaPointer(items, items->child);

		if (i >= start && i < end)
			cJSON_AddItemToArray(data, it);
		else
			cJSON_Delete(it);
		i++;
	}
	cJSON_Delete(items);
	return o;
}

/* ---- the endpoints that only read ------------------------------------------ */

int sbx_ocps_window(struct sbx_ocps *c, int *start, int *end)
{
	const char *s = sbx_req_arg(c->rq, "start"), *e = sbx_req_arg(c->rq, "end");
	int64_t a = 0, b = SBX_OCPS_PAGE_MAX;

	if ((s && sbx_parse_int(s, 0, INT32_MAX / 2, &a) < 0) ||
	    (e && sbx_parse_int(e, 0, INT32_MAX / 2, &b) < 0) || b < a) {
		sbx_ocps_error(c, 400, "invalid_parameter",
			       "start and end are item numbers, end after start (end exclusive)");
		return -1;
	}
	*start = (int)a;
	*end = (int)(b - a > SBX_OCPS_PAGE_MAX ? a + SBX_OCPS_PAGE_MAX : b);
	return 0;
}

/* A model list reply's items, their count, shaped. */
static void reply_list(struct sbx_ocps *c, cJSON *model, int start, int end,
		       cJSON *(*shape)(cJSON *))
{
	cJSON *items = cJSON_DetachItemFromObjectCaseSensitive(model, "items");
	int n = cJSON_GetArraySize(items);
	cJSON *shaped = cJSON_CreateArray();

	cJSON_Delete(model);
	while (items && items->child)
		cJSON_AddItemToArray(shaped, shape(cJSON_DetachItemViaPointer(items, items->child)));
	cJSON_Delete(items);
	sbx_ocps_reply(c, 200, sbx_ocps_page(shaped, n, start, end));
}

static cJSON *service(cJSON *model)
{
	cJSON *o = sbx_ocps_shape(model);

	rename_key(o, "code", "serviceCode");
	rename_key(o, "name", "serviceName");
	return o;
}

void sbx_ocps_serviceinfos(struct sbx_ocps *c)
{
	struct sbx_error e;
	cJSON *out;
	int start, end;

	if (c->nseg == 2) {
		if (sbx_op_procedure(c->s, c->seg[1], &out, &e) < 0)
			sbx_ocps_fail(c, &e);
		else
			sbx_ocps_reply(c, 200, service(out));
		return;
	}
	if (sbx_ocps_window(c, &start, &end) < 0)
		return;
	if (sbx_op_procedures(c->s, NULL, NULL, &out, &e) < 0)
		sbx_ocps_fail(c, &e);
	else
		reply_list(c, out, start, end, service);
}

void sbx_ocps_lookup(struct sbx_ocps *c)
{
	enum sbx_register reg = !strcmp(c->seg[1], "citizens") ? SBX_REG_CITIZEN : SBX_REG_ENTERPRISE;
	struct sbx_error e;
	cJSON *out;

	if (strcmp(c->seg[1], "citizens") && strcmp(c->seg[1], "enterprises")) {
		sbx_ocps_error(c, 404, "not_found", "no register %.40s (citizens, enterprises)", c->seg[1]);
		return;
	}
	if (sbx_op_lookup(c->s, &c->user, reg, c->seg[2], sbx_req_arg(c->rq, "dossierNo"),
			  sbx_req_arg(c->rq, "purpose"), &out, &e) < 0)
		sbx_ocps_fail(c, &e);
	else
		sbx_ocps_reply(c, 200, sbx_ocps_shape(out));
}

void sbx_ocps_govagencies(struct sbx_ocps *c)
{
	struct sbx_error e;
	cJSON *out;

	if (sbx_op_units(c->s, sbx_req_arg(c->rq, "parent"), NULL, &out, &e) < 0)
		sbx_ocps_fail(c, &e);
	else
		reply_list(c, out, 0, INT32_MAX, sbx_ocps_shape);
}

void sbx_ocps_statistics(struct sbx_ocps *c)
{
	const char *f = sbx_req_arg(c->rq, "fromDate"), *t = sbx_req_arg(c->rq, "toDate");
	int64_t from, to;
	struct sbx_error e;
	cJSON *out;

	if (!f || !t || sbx_ocps_time_parse(f, &from) < 0 || sbx_ocps_time_parse(t, &to) < 0) {
		sbx_ocps_error(c, 400, "invalid_parameter", "fromDate and toDate are dd/MM/yyyy");
		return;
	}
	if (sbx_op_stats(c->s, &c->user, from, to, &out, &e) < 0)
		sbx_ocps_fail(c, &e);
	else
		sbx_ocps_reply(c, 200, sbx_ocps_shape(out));
}
