/* The portal dialect (sandbox/API_PORTAL.md): one endpoint, POST
 * /api/portal, taking {"service": NAME, ...} and answering every outcome of
 * a service inside HTTP 200 as {"error_code", "message", "data"}, in the
 * style of national-portal integrations. Authentication by X-API-Key (or
 * the DangNhap service, which returns the key). This file has the
 * endpoint, the envelope, errors and parameters; the services are in
 * api_portal_services.c and api_portal_dossiers.c, the names in
 * api_portal_names.c and api_portal_shape.c. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sbx_api_portal.h"
#include "sbx_ops.h"
#include "sbx_util.h"

/* ---- the envelope --------------------------------------------------------- */

static void envelope(struct sbx_reply *rp, int status, const char *code,
		     const char *message, cJSON *data, cJSON *detail)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "error_code", code);
	cJSON_AddStringToObject(o, "message", message);
	cJSON_AddItemToObject(o, "data", data ? data : cJSON_CreateNull());
	if (detail)
		cJSON_AddItemToObject(o, "ChiTietLoi", detail);
	sbx_reply_json(rp, status, o);
}

static cJSON *detail(const char *code, const char *field, const char *text)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "MaLoi", code);
	if (field && *field)
		cJSON_AddStringToObject(d, "TruongDuLieu", field);
	else
		cJSON_AddNullToObject(d, "TruongDuLieu");
	cJSON_AddStringToObject(d, "MoTa", text);
	return d;
}

void sbx_portal_ok(struct sbx_portal *c, cJSON *data)
{
	envelope(c->rp, 200, "00", "Thành công", data, NULL);
}

/* Failures of the transport rather than of a service keep an HTTP status
 * (wrong path or method, body too large or not JSON, injected faults). */
static void transport(struct sbx_reply *rp, int status, const char *code,
		      const char *message, const char *ecode, const char *text)
{
	envelope(rp, status, code, message, NULL, detail(ecode, NULL, text));
}

void sbx_portal_fault(struct sbx_reply *rp, int status)
{
	transport(rp, status, "99", "Hệ thống đang bận, vui lòng thử lại sau", "injected_fault",
		  "fault injected by motcua-sandbox (fail_rate); nothing was done, retry later");
}

/* The Vietnamese sentence of each stable error code of the operations. */
static const struct {
	const char *code, *message;
} messages[] = {
	{ "invalid_json", "Dữ liệu gửi lên không phải là JSON hợp lệ" },
	{ "invalid_body", "Nội dung yêu cầu không hợp lệ" },
	{ "missing_field", "Thiếu thông tin bắt buộc" },
	{ "unknown_field", "Có trường không được hỗ trợ" },
	{ "invalid_field", "Thông tin không hợp lệ" },
	{ "invalid_parameter", "Tham số không hợp lệ" },
	{ "invalid_number", "Số định danh hoặc mã số thuế không hợp lệ" },
	{ "unknown_service", "Dịch vụ không tồn tại" },
	{ "unknown_action", "Thao tác không hợp lệ" },
	{ "unauthorized", "Thiếu khóa API (X-API-Key)" },
	{ "invalid_api_key", "Khóa API không hợp lệ" },
	{ "invalid_credentials", "Sai tên đăng nhập hoặc mật khẩu" },
	{ "role_forbidden", "Vai trò của cán bộ không được thực hiện thao tác này" },
	{ "not_assignee", "Hồ sơ không được phân công cho cán bộ này" },
	{ "version_conflict", "Hồ sơ đã được cập nhật; tải lại hồ sơ và thực hiện lại" },
	{ "idempotency_key_reused", "Mã yêu cầu đã được dùng cho một yêu cầu khác" },
	{ "invalid_state", "Trạng thái hồ sơ không cho phép thao tác này" },
	{ "apology_used", "Hồ sơ đã được xin lỗi và hẹn lại một lần" },
	{ "apology_too_late", "Đã quá thời hạn gửi phiếu xin lỗi và hẹn lại ngày trả kết quả" },
	{ "incomplete_dossier", "Hồ sơ chưa đủ thành phần bắt buộc" },
	{ "unknown_procedure", "Không có thủ tục hành chính này" },
	{ "too_many_attempts", "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau" },
};

static const struct {
	const char *code, *message;
} kinds[] = {
	[SBX_E_INVALID] = { "01", "Yêu cầu không hợp lệ" },
	[SBX_E_UNAUTHORIZED] = { "02", "Chưa xác thực" },
	[SBX_E_FORBIDDEN] = { "03", "Không có quyền thực hiện" },
	[SBX_E_NOT_FOUND] = { "04", "Không tìm thấy dữ liệu" },
	[SBX_E_CONFLICT] = { "05", "Xung đột dữ liệu" },
	[SBX_E_STATE] = { "06", "Không thể thực hiện ở trạng thái hiện tại" },
	[SBX_E_TOO_MANY] = { "07", "Quá nhiều yêu cầu" },
	[SBX_E_INTERNAL] = { "99", "Lỗi hệ thống" },
	[SBX_E_UNAVAILABLE] = { "99", "Hệ thống tạm thời không phục vụ" },
};

/* Parameters every service may name in an error (the lookups'). */
static const struct sbx_pfield common_t[] = {
	{ "id_number", "SoDinhDanh", SBX_PK_COPY, NULL, NULL },
	{ "tax_code", "MaSoThue", SBX_PK_COPY, NULL, NULL },
	{ "dossier", "MaHoSo", SBX_PK_COPY, NULL, NULL },
	{ "purpose", "MucDich", SBX_PK_COPY, NULL, NULL },
	{ "login", "TenDangNhap", SBX_PK_COPY, NULL, NULL },
	{ NULL, NULL, SBX_PK_COPY, NULL, NULL },
};

void sbx_portal_fail(struct sbx_portal *c, const struct sbx_error *e,
		     const struct sbx_pfield *t)
{
	const char *code = "99", *base = "Lỗi hệ thống";
	char field[128] = "", msg[600];
	cJSON *d;

	if (e->kind >= SBX_E_INVALID && e->kind <= SBX_E_UNAVAILABLE) {
		code = kinds[e->kind].code;
		base = kinds[e->kind].message;
	}
	/* a conflict of request ids is one of the client's, like a version's */
	if (!strcmp(e->code, "idempotency_key_reused"))
		code = "05";
	else if (!strcmp(e->code, "unknown_procedure"))
		code = "04";
	for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
		if (!strcmp(messages[i].code, e->code))
			base = messages[i].message;
	if (e->field[0]) {
		sbx_portal_field(t, e->field, field, sizeof field);
		if (!strcmp(field, e->field))
			sbx_portal_field(common_t, e->field, field, sizeof field);
	}
	if (e->kind == SBX_E_NOT_FOUND && !field[0] && c->notfound)
		base = c->notfound;
	if (e->kind == SBX_E_CONFLICT)
		snprintf(msg, sizeof msg, "%s (phiên bản hiện tại: %lld)", base,
			 (long long)e->current_version);
	else if (field[0])
		snprintf(msg, sizeof msg, "%s: %s", base, field);
	else
		snprintf(msg, sizeof msg, "%s", base);
	d = detail(e->code, field, e->message);
	if (e->kind == SBX_E_CONFLICT)
		cJSON_AddNumberToObject(d, "PhienBanHienTai", (double)e->current_version);
	envelope(c->rp, 200, code, msg, NULL, d);
}

int sbx_portal_bad(struct sbx_portal *c, const char *code, const char *field,
		   const char *fmt, ...)
{
	struct sbx_error e = { .kind = SBX_E_INVALID };
	va_list ap;

	snprintf(e.code, sizeof e.code, "%s", code);
	snprintf(e.field, sizeof e.field, "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e.message, sizeof e.message, fmt, ap);
	va_end(ap);
	sbx_portal_fail(c, &e, NULL);
	return -1;
}

/* ---- parameters ----------------------------------------------------------- */

static const cJSON *member(struct sbx_portal *c, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->body, name);

	return cJSON_IsNull(v) || (cJSON_IsString(v) && !*v->valuestring) ? NULL : v;
}

int sbx_portal_str(struct sbx_portal *c, const char *name, size_t max,
		   bool required, const char **out)
{
	const cJSON *v = member(c, name);

	*out = NULL;
	if (!v)
		return required ? sbx_portal_bad(c, "missing_field", name, "%s is required", name) : 0;
	if (!cJSON_IsString(v))
		return sbx_portal_bad(c, "invalid_field", name, "%s must be a string", name);
	if (strlen(v->valuestring) > max)
		return sbx_portal_bad(c, "invalid_field", name, "%s is longer than %zu bytes",
				      name, max);
	*out = v->valuestring;
	return 0;
}

int sbx_portal_int(struct sbx_portal *c, const char *name, int64_t min,
		   int64_t max, int64_t *out)
{
	const cJSON *v = member(c, name);

	if (!v)
		return 0;
	if (cJSON_IsNumber(v) && v->valuedouble >= (double)min && v->valuedouble <= (double)max &&
	    v->valuedouble == (double)(int64_t)v->valuedouble) {
		*out = (int64_t)v->valuedouble;
		return 1;
	}
	if (cJSON_IsString(v) && sbx_parse_int(v->valuestring, min, max, out) == 0)
		return 1;
	return sbx_portal_bad(c, "invalid_field", name, "%s: expected a whole number from %lld to %lld",
			      name, (long long)min, (long long)max);
}

int sbx_portal_bool(struct sbx_portal *c, const char *name, bool *out)
{
	const cJSON *v = member(c, name);
	const char *s = cJSON_IsString(v) ? v->valuestring : "";

	if (!v)
		return 0;
	if (cJSON_IsBool(v))
		*out = cJSON_IsTrue(v);
	else if (cJSON_IsNumber(v) && (v->valuedouble == 0 || v->valuedouble == 1))
		*out = v->valuedouble == 1;
	else if (!strcmp(s, "true") || !strcmp(s, "1"))
		*out = true;
	else if (!strcmp(s, "false") || !strcmp(s, "0"))
		*out = false;
	else
		return sbx_portal_bad(c, "invalid_field", name, "%s: expected true or false", name);
	return 1;
}

static int when(struct sbx_portal *c, const char *name, bool date, int64_t *t)
{
	const cJSON *v = member(c, name);

	if (!v)
		return 0;
	if (cJSON_IsString(v) && (date ? sbx_portal_date_parse(v->valuestring, t) :
				  sbx_portal_time_parse(v->valuestring, t)) == 0)
		return 1;
	return sbx_portal_bad(c, "invalid_field", name, "%s: expected %s", name,
			      date ? "a date yyyyMMdd" : "a time yyyyMMddHHmmss");
}

int sbx_portal_date(struct sbx_portal *c, const char *name, int64_t *t)
{
	return when(c, name, true, t);
}

int sbx_portal_when(struct sbx_portal *c, const char *name, int64_t *t)
{
	return when(c, name, false, t);
}

int sbx_portal_paging(struct sbx_portal *c, int def, int *page, int *size)
{
	int64_t v;
	int rc;

	*page = 1;
	*size = def;
	if ((rc = sbx_portal_int(c, "TrangSo", 1, 1000000, &v)) < 0)
		return -1;
	if (rc)
		*page = (int)v;
	if ((rc = sbx_portal_int(c, "SoBanGhi", 1, SBX_PER_PAGE_MAX, &v)) < 0)
		return -1;
	if (rc)
		*size = (int)v;
	return 0;
}

cJSON *sbx_portal_page(const cJSON *model, const struct sbx_pfield *t)
{
	cJSON *d = cJSON_CreateObject();
	const cJSON *v;

	cJSON_AddItemToObject(d, "DanhSach", sbx_portal_shape_items(
		cJSON_GetObjectItemCaseSensitive(model, "items"), t));
	v = cJSON_GetObjectItemCaseSensitive(model, "total");
	cJSON_AddNumberToObject(d, "TongSo", cJSON_IsNumber(v) ? v->valuedouble :
				cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(model, "items")));
	if ((v = cJSON_GetObjectItemCaseSensitive(model, "page")))
		cJSON_AddNumberToObject(d, "TrangSo", v->valuedouble);
	if ((v = cJSON_GetObjectItemCaseSensitive(model, "per_page")))
		cJSON_AddNumberToObject(d, "SoBanGhi", v->valuedouble);
	return d;
}

/* ---- the endpoint --------------------------------------------------------- */

static void index_page(struct sbx_portal *c)
{
	cJSON *d = cJSON_CreateObject(), *arr;

	cJSON_AddStringToObject(d, "Ten", "motcua-sandbox");
	cJSON_AddStringToObject(d, "KieuAPI", "portal");
	cJSON_AddStringToObject(d, "PhienBanPhanMem", PACKAGE_VERSION);
	cJSON_AddStringToObject(d, "DiaChi", "POST " SBX_PORTAL_PATH);
	arr = cJSON_AddArrayToObject(d, "DichVu");
	for (size_t i = 0; i < sbx_portal_nservices; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(sbx_portal_services[i].name));
	sbx_portal_ok(c, d);
}

/* The members of the body must all be the service's: a typo never passes. */
static int check_members(struct sbx_portal *c, const struct sbx_portal_service *sv)
{
	for (const cJSON *it = c->body->child; it; it = it->next) {
		bool known = !strcmp(it->string, "service") ||
			     (sv->table && sbx_portal_known(sv->table, it->string));

		for (const char *const *p = sv->params; !known && *p; p++)
			known = !strcmp(*p, it->string);
		if (!known)
			return sbx_portal_bad(c, "unknown_field", it->string,
					      "service %s has no member \"%.60s\"", sv->name, it->string);
	}
	return 0;
}

static int authenticate(struct sbx_portal *c)
{
	const char *key = sbx_req_header(c->rq, SBX_PORTAL_KEY_HEADER);
	struct sbx_error e;

	while (key && *key == ' ')
		key++;
	if (sbx_auth_api_key(c->s, key, &c->user, &e) < 0) {
		if (!key || !*key)
			snprintf(e.message, sizeof e.message,
				 "send the user's API key in the X-API-Key header (service DangNhap returns it)");
		sbx_portal_fail(c, &e, NULL);
		return -1;
	}
	return 0;
}

/* The body as an object, or a reply: 415 for a body that is not JSON by
 * its type, "01" for one that does not parse. */
static int parse(struct sbx_portal *c)
{
	struct sbx_reply scratch;
	const cJSON *msg;
	cJSON *j;

	sbx_reply_init(&scratch);
	if (sbx_parse_body(c->rq, &c->body, &scratch) < 0) {
		j = cJSON_ParseWithLength(scratch.body ? scratch.body : "", scratch.len);
		msg = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(j, "error"),
						       "message");
		if (scratch.status == 415)
			transport(c->rp, 415, "01", "Dữ liệu phải là JSON (Content-Type: application/json)",
				  "unsupported_media_type", cJSON_IsString(msg) ? msg->valuestring : "");
		else
			sbx_portal_bad(c, "invalid_json", NULL, "%s",
				       cJSON_IsString(msg) ? msg->valuestring : "invalid JSON");
		cJSON_Delete(j);
		sbx_reply_free(&scratch);
		return -1;
	}
	sbx_reply_free(&scratch);
	if (!cJSON_IsObject(c->body))
		return sbx_portal_bad(c, "invalid_body", NULL,
				      "the body must be a JSON object {\"service\": NAME, ...}");
	return 0;
}

void sbx_portal_handle(struct sbx *s, const struct sbx_request *rq,
		       struct sbx_reply *rp)
{
	struct sbx_portal c = { .s = s, .rq = rq, .rp = rp };
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD");
	size_t n = strlen(SBX_PORTAL_PATH);
	const struct sbx_portal_service *sv = NULL;
	const cJSON *name;

	if (strncmp(rq->path, SBX_PORTAL_PATH, n) || (rq->path[n] && strcmp(rq->path + n, "/"))) {
		transport(rp, 404, "01", "Đường dẫn không tồn tại; API ở POST " SBX_PORTAL_PATH,
			  "not_found", "no such endpoint (the portal dialect is POST /api/portal)");
		return;
	}
	if (!get && strcmp(rq->method, "POST")) {
		sbx_reply_header(rp, "Allow", "GET, POST");
		transport(rp, 405, "01", "Phương thức không được hỗ trợ; dùng POST",
			  "method_not_allowed", "the portal takes POST (GET lists the services)");
		return;
	}
	if (rq->body_too_large) {
		transport(rp, 413, "01", "Dữ liệu gửi lên quá lớn", "payload_too_large",
			  "the request body is larger than the limit (1 MiB)");
		return;
	}
	if (rq->nargs || rq->args_overflow) {
		sbx_portal_bad(&c, "invalid_parameter", rq->nargs ? rq->args[0].key : NULL,
			       "the portal takes no query parameters: put them in the JSON body");
		return;
	}
	if (get) {
		index_page(&c);
		return;
	}
	if (parse(&c) < 0)
		goto out;
	name = cJSON_GetObjectItemCaseSensitive(c.body, "service");
	if (!cJSON_IsString(name)) {
		sbx_portal_bad(&c, "missing_field", "service",
			       "the body needs \"service\": the name of the service (GET %s lists them)",
			       SBX_PORTAL_PATH);
		goto out;
	}
	for (size_t i = 0; i < sbx_portal_nservices && !sv; i++)
		if (!strcmp(sbx_portal_services[i].name, name->valuestring))
			sv = &sbx_portal_services[i];
	if (!sv) {
		sbx_portal_bad(&c, "unknown_service", NULL,
			       "no service \"%.60s\" (GET %s lists them)", name->valuestring,
			       SBX_PORTAL_PATH);
		goto out;
	}
	c.service = sv->name;
	if (check_members(&c, sv) < 0 || (sv->auth && authenticate(&c) < 0))
		goto out;
	sv->fn(&c);
out:
	cJSON_Delete(c.body);
}
