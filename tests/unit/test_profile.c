#include "config.h"

#include <stdio.h>
#include <string.h>

#include "api/adapter.h"
#include "api/profile.h"
#include "check_main.h"
#include "core/xalloc.h"

static char *fixture(const char *name)
{
	const char *dir = getenv("srcdir");
	char path[1024];
	FILE *f;
	char *text;
	long n;

	snprintf(path, sizeof path, "%s/tests/fixtures/profiles/%s", dir ? dir : ".", name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = xmalloc((size_t)n + 1);
	ck_assert_int_eq(fread(text, 1, (size_t)n, f), n);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* text with the first from replaced by to, in a new string. */
static char *replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	char *mod;

	ck_assert_msg(at != NULL, "'%s' not in the profile", from);
	mod = xmalloc(strlen(text) - strlen(from) + strlen(to) + 1);
	sprintf(mod, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return mod;
}

/* The fixture with one piece of text replaced, loaded; returns the error. */
static const char *broken(const char *name, const char *from, const char *to)
{
	static struct err e;
	char *text = fixture(name);
	char *mod = replace(text, from, to);
	struct profile *p;

	p = profile_parse(mod, name, &e);
	ck_assert_msg(p == NULL, "broken profile accepted (%s -> %s)", from, to);
	free(text);
	free(mod);
	return e.msg;
}

static struct profile *load(const char *name)
{
	char *text = fixture(name);
	struct err e;
	struct profile *p = profile_parse(text, name, &e);

	ck_assert_msg(p != NULL, "%s", e.msg);
	free(text);
	return p;
}

START_TEST(fixtures_load)
{
	struct profile *rpc = load("rpc.json"), *rest = load("rest.json");

	ck_assert_int_eq(rpc->auth, AUTH_API_KEY);
	ck_assert_int_eq(rpc->dates.kind, DATE_PATTERN);
	ck_assert(rpc->ops[OP_LIST_DOSSIERS].present);
	ck_assert(!rpc->ops[OP_INTAKE].present);
	ck_assert_int_eq(rpc->ops[OP_LIST_DOSSIERS].paging.style, PAGING_PAGE);
	ck_assert_str_eq(rpc->actions[ACT_ACCEPT], "TiepNhan");
	ck_assert_ptr_null(rpc->actions[ACT_STOP]);	/* not listed: not offered */
	ck_assert_int_eq(vocab_code(&rpc->channel, "TRUC_TUYEN"), CH_ONLINE);
	ck_assert_int_eq(rest->auth, AUTH_LOGIN);
	ck_assert(rest->etag && rest->changed_since);
	ck_assert_str_eq(rest->actions[ACT_REQUEST_SUPPLEMENT], "request-supplement");
	ck_assert_int_eq(vocab_code(&rest->status, "returned"), ST_RETURNED);
	/* the default envelope reaches every operation */
	ck_assert(rpc->ops[OP_GET_DOSSIER].env.has_success);
	profile_free(rpc);
	profile_free(rest);
}
END_TEST

START_TEST(errors_name_file_key_and_expectation)
{
	ck_assert_str_eq(broken("rest.json", "\"method\": \"GET\", \"path\": \"/dossiers/{code}\"",
				"\"method\": \"FETCH\", \"path\": \"/dossiers/{code}\""),
			 "rest.json: operations.get_dossier.method: 'FETCH' is not a method (expected GET, POST, PUT, PATCH or DELETE)");
	ck_assert_str_eq(broken("rest.json", "/dossiers/{code}", "/dossiers/{id}"),
			 "rest.json: operations.get_dossier.path: unknown variable {id} in \"/dossiers/{id}\" (known here: token, user, password, code, version)");
	ck_assert_str_eq(broken("rest.json", "\"capabilities\"", "\"capabilites\""),
			 "rest.json: unknown key 'capabilites' (expected one of: motcua_profile, name, description, base_url, timezone, dates, auth, envelope, errors, idempotency_header, capabilities, vocab, operations, fields, headers, server_id)");
	ck_assert_ptr_nonnull(strstr(broken("rest.json", "\"applicant_name\"", "\"applicant_nmae\""),
				     "rest.json: fields.dossier.applicant_nmae: unknown field (fields of dossier: code, number, procedure_code,"));
	ck_assert_str_eq(broken("rest.json", "\"items\": \"items\", ", ""),
			 "rest.json: operations.list_dossiers: a list operation needs 'items': the path of the array of items");
	ck_assert_str_eq(broken("rest.json", "\"returned\": \"returned\"", "\"returned\": 11"),
			 "rest.json: vocab.status.returned: expected a code from 1 to 10 or a model name, got a number");
	/* the probe's key: it qualifies sort_updated, and is true or false */
	ck_assert_str_eq(broken("rpc.json", "\"changed_since\": false }", "\"changed_since\": false, \"changes_in_order\": true }"),
			 "rpc.json: capabilities.changes_in_order: it says how sort_updated lists the dossiers: give sort_updated too");
	ck_assert_str_eq(broken("rpc.json", "\"changed_since\": false }", "\"changed_since\": false, \"sort_updated\": \"u\", \"changes_in_order\": 1 }"),
			 "rpc.json: capabilities.changes_in_order: expected true or false, got a number");
}
END_TEST

START_TEST(more_errors)
{
	ck_assert_str_eq(broken("rpc.json", "\"dates\": \"yyyyMMddHHmmss\"", "\"dates\": \"ddMM\""),
			 "rpc.json: dates: 'ddMM' is not a date format (expected iso8601, epoch, epoch_ms or a pattern with yyyy, MM, dd and optionally HH, mm, ss)");
	ck_assert_str_eq(broken("rpc.json", "\"status\": { \"1\"", "\"status\": { \"1\": 1, \"x\": \"bogus\", \"0\""),
			 "rpc.json: vocab.status.x: expected a code from 1 to 10 or a model name, got bogus");
	ck_assert_str_eq(broken("rpc.json", "\"reschedule\"", "\"apologize\""),
			 "rpc.json: vocab.actions.apologize: unknown action (expected one of: accept, refuse, request-supplement, receive-supplement, assign, forward-signing, approve, stop, withdraw, result-ready, return-result, reschedule, confirm-payment)");
	ck_assert_str_eq(broken("rpc.json", "\"motcua_profile\": 1", "\"motcua_profile\": 2"),
			 "rpc.json: motcua_profile: this motcua reads format version 1, the file is version 2");
	ck_assert_str_eq(broken("rest.json", "\"login\": {", "\"logon\": {"),
			 "rest.json: operations.logon: unknown operation (expected login, list_dossiers, get_dossier, intake, action, list_procedures, get_procedure, lookup_citizen, lookup_enterprise, stats or units)");
	ck_assert_str_eq(broken("rest.json", "\"citizen\": {", "\"dossier\": { \"code\": \"x\" }, \"citizen\": {"),
			 "rest.json: fields.dossier: this mapping is given twice");
	ck_assert_str_eq(broken("rest.json", "\"name\": \"Test REST dialect\",", "\"name\": \"a\", \"name\": \"b\","),
			 "rest.json: the key 'name' is given twice");
	/* an operation given twice (the fuzzer found its first copy leaked) */
	ck_assert_str_eq(broken("rest.json", "\"login\": {", "\"get_dossier\": { \"method\": \"GET\", \"path\": \"/x\" }, \"login\": {"),
			 "rest.json: operations.get_dossier: the key 'get_dossier' is given twice");
	ck_assert_str_eq(broken("rest.json", "\"style\": \"page\"", "\"style\": \"pages\""),
			 "rest.json: operations.list_dossiers.paging.style: 'pages' is not a paging style (expected none, page, offset or cursor)");
	ck_assert_str_eq(broken("rpc.json", ",\n    \"log_entry\": { \"at\": \"ThoiGian\", \"who\": \"NguoiXuLy\", \"action\": \"ThaoTac\",\n                   \"to_status\": \"TrangThai\" }", ""),
			 "rpc.json: fields.dossier.log: needs fields.log_entry to read its items");
	/* the table of element templates ends like every other (it had no
	 * end: an unknown key read past it, found by fuzz_profile) */
	ck_assert_str_eq(broken("rest.json", "\"login\": {", "\"intake\": { \"method\": \"POST\", \"path\": \"/d\", \"each\": { \"parts\": {} } }, \"login\": {"),
			 "rest.json: operations.intake.each: unknown key 'parts' (expected one of: components, lookups)");
}
END_TEST

/* capabilities.open_first: true, or the {sort} value for earliest due
 * first; it promises what list_dossiers must be able to send. */
START_TEST(open_first_is_checked)
{
	const char *caps = "\"capabilities\": { \"etag\": true, \"changed_since\": true }";
	const char *query = "\"changed_since\": \"{since}\" }";
	char *text = fixture("rest.json"), *mod;
	struct profile *p;
	struct err e;

	ck_assert_str_eq(broken("rest.json", caps, "\"capabilities\": { \"open_first\": 1 }"),
			 "rest.json: capabilities.open_first: expected true, false or the value of {sort} that lists the earliest due first, got a number");
	ck_assert_str_eq(broken("rest.json", caps, "\"capabilities\": { \"open_first\": true }"),
			 "rest.json: capabilities.open_first: operations.list_dossiers has no {status} to list the open dossiers by");
	ck_assert_str_eq(broken("rest.json", caps, "\"capabilities\": { \"open_first\": \"due\" }"),
			 "rest.json: capabilities.open_first: operations.list_dossiers has no {status} to list the open dossiers by");

	/* with {status} but no {sort}: true loads, a sort value does not */
	mod = replace(text, query, "\"changed_since\": \"{since}\", \"status\": \"{status}\" }");
	free(text);
	text = replace(mod, caps, "\"capabilities\": { \"open_first\": true }");
	free(mod);
	p = profile_parse(text, "rest.json", &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	ck_assert(p->open_first);
	ck_assert_ptr_null(p->sort_due);
	profile_free(p);
	mod = replace(text, "\"open_first\": true", "\"open_first\": \"due\"");
	ck_assert_ptr_null(profile_parse(mod, "rest.json", &e));
	ck_assert_str_eq(e.msg, "rest.json: capabilities.open_first: operations.list_dossiers has no {sort} to send \"due\" in");
	free(mod);
	free(text);
}
END_TEST

START_TEST(syntax_errors_give_line_and_column)
{
	ck_assert_str_eq(broken("rest.json", "\"name\": \"Test REST dialect\",", "\"name\": \"Test REST dialect\""),
			 "rest.json:4:3: not valid JSON here");
	ck_assert_str_eq(broken("rest.json", "{\n  \"motcua_profile\"", "[\n  \"motcua_profile\""),
			 "rest.json:2:19: not valid JSON here");
}
END_TEST

static const char rpc_list[] =
	"{\"error_code\":\"00\",\"message\":\"OK\",\"data\":{\"TongSo\":3,\"DanhSach\":["
	"{\"MaHoSo\":\"H22-251120-0001\",\"MaTTHC\":\"1.001193\",\"TenTTHC\":\"Đăng ký khai sinh\","
	"\"ChuHoSo\":\"Nguyễn Thị Hoa\",\"NgayTiepNhan\":\"20251120093000\",\"NgayHenTra\":\"20251125083000\","
	"\"NgayTra\":\"\",\"TrangThaiHoSo\":4,\"HinhThuc\":\"TRUC_TUYEN\",\"LePhi\":\"8000\","
	"\"ThaoTacDuocPhep\":[\"TiepNhan\",\"XinLoi\",\"KhongBiet\"],"
	"\"NhatKy\":[{\"ThoiGian\":\"20251120093000\",\"NguoiXuLy\":\"Lê Văn Tâm\",\"ThaoTac\":\"TiepNhan\",\"TrangThai\":\"2\"}]},"
	"{\"MaHoSo\":\"H22-251120-0002\",\"TrangThaiHoSo\":\"10\",\"HinhThuc\":\"TRUC_TIEP\","
	"\"NgayTra\":\"24/11/2025 16:45:00\"}]}}";

START_TEST(rpc_list_reply_is_read)
{
	struct profile *p = load("rpc.json");
	const struct op *op = &p->ops[OP_LIST_DOSSIERS];
	struct reply r;
	struct err e;
	const cJSON *items;
	struct dossier d;
	int next = 0;

	ck_assert_msg(adapter_open(p, op, 200, rpc_list, strlen(rpc_list), &r, &e) == 0, "%s", e.msg);
	items = adapter_items(op, &r, &e);
	ck_assert_ptr_nonnull(items);
	ck_assert_int_eq(cJSON_GetArraySize(items), 2);

	ck_assert_msg(adapter_read(p, op->map, cJSON_GetArrayItem(items, 0), &d, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(d.code, "H22-251120-0001");
	ck_assert_str_eq(d.applicant_name, "Nguyễn Thị Hoa");
	ck_assert_int_eq(d.received_at, 1763605800);	/* 2025-11-20 09:30 +07 */
	ck_assert_int_eq(d.due_at, 1764034200);
	ck_assert_int_eq(d.finished_at, 0);		/* "" = not yet */
	ck_assert_int_eq(d.status, ST_PROCESSING);
	ck_assert_int_eq(d.channel, CH_ONLINE);
	ck_assert_int_eq(d.fee, 8000);
	ck_assert_str_eq(d.version, "1");
	ck_assert_uint_eq(d.allowed, (1u << ACT_ACCEPT) | (1u << ACT_RESCHEDULE));
	ck_assert_int_eq(d.nlog, 1);
	ck_assert_str_eq(d.log[0].who, "Lê Văn Tâm");
	ck_assert_int_eq(d.log[0].to_status, ST_ACCEPTED);
	dossier_free(&d);

	ck_assert_msg(adapter_read(p, op->map, cJSON_GetArrayItem(items, 1), &d, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(d.status, ST_RETURNED);
	ck_assert_int_eq(d.finished_at, 1763977500);	/* its own format: 24/11/2025 16:45 */
	dossier_free(&d);

	/* 2 per page, 3 in all: page 1 has a next page, page 2 does not */
	ck_assert_int_eq(adapter_next_page(op, &r, 1, op->paging.size, 2, 2, &next, NULL, 0, &e), 1);
	ck_assert_int_eq(next, 2);
	ck_assert_int_eq(adapter_next_page(op, &r, 2, op->paging.size, 3, 1, &next, NULL, 0, &e), 0);
	reply_free(&r);
	profile_free(p);
}
END_TEST

START_TEST(errors_inside_a_200_are_errors)
{
	static const char body[] = "{\"error_code\":\"99\",\"message\":\"Mã hồ sơ không tồn tại\",\"data\":null}";
	struct profile *p = load("rpc.json");
	struct reply r;
	struct err e;

	ck_assert_int_eq(adapter_open(p, &p->ops[OP_GET_DOSSIER], 200, body, strlen(body), &r, &e), ADAPTER_REFUSED);
	ck_assert_str_eq(e.msg, "the server refused: Mã hồ sơ không tồn tại");
	ck_assert_str_eq(r.code, "99");
	ck_assert_int_eq(r.kind, FAIL_REFUSED);
	reply_free(&r);
	/* the profile says what the API's own codes mean */
	ck_assert_int_eq(adapter_open(p, &p->ops[OP_GET_DOSSIER], 200,
				      "{\"error_code\":\"04\",\"message\":\"Không tìm thấy\"}", 50, &r, &e), ADAPTER_REFUSED);
	ck_assert_int_eq(r.kind, FAIL_NOT_FOUND);
	reply_free(&r);
	profile_free(p);
}
END_TEST

START_TEST(malformed_replies_say_what_and_where)
{
	struct profile *p = load("rpc.json");
	const struct op *op = &p->ops[OP_LIST_DOSSIERS];
	struct reply r;
	struct err e;
	struct dossier d;
	cJSON *item;
	static const char trunc[] = "{\"error_code\":\"00\",\"data\":{\"DanhSach\":[{\"MaHoSo\":\"X";

	ck_assert_int_eq(adapter_open(p, op, 200, trunc, strlen(trunc), &r, &e), ADAPTER_BADREPLY);
	ck_assert_str_eq(e.msg, "the server's reply is not valid JSON (at byte 50 of 51)");
	reply_free(&r);
	ck_assert_int_eq(adapter_open(p, op, 200, "", 0, &r, &e), -1);
	ck_assert_str_eq(e.msg, "the server sent an empty reply where data was expected");
	reply_free(&r);
	ck_assert_int_eq(adapter_open(p, op, 200, "{\"data\":{}}", 11, &r, &e), -1);
	ck_assert_str_eq(e.msg, "the server's reply lacks error_code, which says whether it worked");
	reply_free(&r);

	item = cJSON_Parse("{\"MaHoSo\":\"A\",\"NgayHenTra\":\"2025-11-25\"}");
	ck_assert_int_eq(adapter_read(p, op->map, item, &d, &e), -1);
	ck_assert_str_eq(e.msg, "field due_at (NgayHenTra): '2025-11-25' is not a date in the format yyyyMMddHHmmss");
	cJSON_Delete(item);
	item = cJSON_Parse("{\"MaHoSo\":\"A\",\"TrangThaiHoSo\":12}");
	ck_assert_int_eq(adapter_read(p, op->map, item, &d, &e), -1);
	ck_assert_str_eq(e.msg, "field status (TrangThaiHoSo): '12' is not in the profile's vocabulary");
	cJSON_Delete(item);
	item = cJSON_Parse("{\"MaHoSo\":\"A\",\"NhatKy\":[{\"ThoiGian\":\"2025\"}]}");
	ck_assert_int_eq(adapter_read(p, op->map, item, &d, &e), -1);
	ck_assert_str_eq(e.msg, "log item 1: field at (ThoiGian): '2025' is not a date in the format yyyyMMddHHmmss");
	cJSON_Delete(item);
	item = cJSON_Parse("{\"TenTTHC\":\"x\"}");
	ck_assert_int_eq(adapter_read(p, op->map, item, &d, &e), -1);
	ck_assert_str_eq(e.msg, "a dossier without a code (fields.dossier.code found nothing)");
	cJSON_Delete(item);
	profile_free(p);
}
END_TEST

START_TEST(rest_errors_and_records)
{
	static const char err404[] = "{\"error\":{\"code\":\"not_found\",\"message\":\"no citizen with this ID number\",\"field\":\"id\"}}";
	static const char cit[] = "{\"id\":\"001085012345\",\"name\":\"Trần Văn Bình\",\"dob\":\"05/03/1985\",\"gender\":\"Nam\"}";
	struct profile *p = load("rest.json");
	const struct op *op = &p->ops[OP_LOOKUP_CITIZEN];
	struct reply r;
	struct record rec;
	struct err e;

	ck_assert_int_eq(adapter_open(p, op, 404, err404, strlen(err404), &r, &e), ADAPTER_REFUSED);
	ck_assert_str_eq(e.msg, "not found: no citizen with this ID number (field id)");
	ck_assert_str_eq(r.code, "not_found");
	reply_free(&r);
	ck_assert_int_eq(adapter_open(p, op, 503, "<html>busy</html>", 17, &r, &e), ADAPTER_REFUSED);
	ck_assert_str_eq(e.msg, "the server answered HTTP 503");
	reply_free(&r);

	ck_assert_int_eq(adapter_open(p, op, 200, cit, strlen(cit), &r, &e), 0);
	ck_assert_int_eq(adapter_read(p, op->map, adapter_item(op, &r, &e), &rec, &e), 0);
	ck_assert_str_eq(record_get(&rec, "full_name"), "Trần Văn Bình");
	ck_assert_str_eq(record_get(&rec, "birth_date"), "1985-03-05");
	ck_assert_str_eq(record_get(&rec, "sex"), "M");
	ck_assert_ptr_null(record_get(&rec, "phone"));
	record_free(&rec);
	reply_free(&r);
	profile_free(p);
}
END_TEST

/* A reply that does not fit is refused by the field it is about, the
 * text it holds otherwise kept exactly as the server sent it. */
static int read_first(const struct profile *p, const char *body, struct dossier *d, struct err *e)
{
	const struct op *op = &p->ops[OP_LIST_DOSSIERS];
	struct reply r;
	const cJSON *items;
	int rc;

	ck_assert_int_eq(adapter_open(p, op, 200, body, strlen(body), &r, e), 0);
	items = adapter_items(op, &r, e);
	ck_assert_ptr_nonnull(items);
	rc = adapter_read(p, op->map, cJSON_GetArrayItem(items, 0), d, e);
	reply_free(&r);
	return rc;
}

START_TEST(replies_that_do_not_fit_are_refused_by_field)
{
	struct profile *p = load("rest.json");
	const struct op *op = &p->ops[OP_LIST_DOSSIERS];
	static const char hostile[] = "{\"error\":{\"message\":\"no\\u001b[2J such\\u202e\xc2\x9b\xff\"}}";
	struct dossier d;
	struct reply r;
	struct err e;
	char body[1200], longname[700];

	ck_assert_int_eq(read_first(p, "{\"items\":[{\"code\":\"A\",\"applicant\":{\"name\":\"An\\u0000Bình\"}}]}",
				    &d, &e), -1);
	ck_assert_str_eq(e.msg, "field applicant_name (applicant.name): the text holds a NUL character (\\u0000), which would cut it short");
	ck_assert_int_eq(read_first(p, "{\"items\":[{\"code\":\"A\",\"applicant\":{\"name\":\"Tr\xff\"}}]}",
				    &d, &e), -1);
	ck_assert_str_eq(e.msg, "field applicant_name (applicant.name): the text is not valid UTF-8 (byte 3)");
	ck_assert_int_eq(read_first(p, "{\"items\":[{\"code\":\"A\xed\xa0\x80\"}]}", &d, &e), -1);
	ck_assert_str_eq(e.msg, "field code (code): the text is not valid UTF-8 (byte 2)");

	/* an escaped backslash before u0000 is text; a NUL in a key matches nothing */
	ck_assert_int_eq(read_first(p, "{\"items\":[{\"code\":\"A\",\"applicant\":{\"name\":\"An\\\\u0000\\\"B\"}}]}",
				    &d, &e), 0);
	ck_assert_str_eq(d.applicant_name, "An\\u0000\"B");
	dossier_free(&d);
	ck_assert_int_eq(read_first(p, "{\"items\":[{\"code\":\"A\",\"applicant\":{\"na\\u0000me\":\"x\"}}]}",
				    &d, &e), 0);
	ck_assert_ptr_null(d.applicant_name);
	dossier_free(&d);
	/* controls are UTF-8: kept as sent (they are made safe where shown) */
	ck_assert_int_eq(read_first(p, "{\"items\":[{\"code\":\"A\",\"applicant\":{\"name\":\"\\u001b]52;c;eA==\\u0007\xe2\x80\xae\"}}]}",
				    &d, &e), 0);
	ck_assert_str_eq(d.applicant_name, "\x1b]52;c;eA==\x07\xe2\x80\xae");
	dossier_free(&d);
	/* and whole, however long */
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	snprintf(body, sizeof body, "{\"items\":[{\"code\":\"A\",\"applicant\":{\"name\":\"%s\"}}]}", longname);
	ck_assert_int_eq(read_first(p, body, &d, &e), 0);
	ck_assert_str_eq(d.applicant_name, longname);
	dossier_free(&d);

	/* "items": null is not an empty list */
	ck_assert_int_eq(adapter_open(p, op, 200, "{\"items\":null}", 14, &r, &e), 0);
	ck_assert_ptr_null(adapter_items(op, &r, &e));
	ck_assert_str_eq(e.msg, "the server's reply has null at items where the list should be");
	reply_free(&r);
	ck_assert_int_eq(adapter_open(p, op, 200, "{\"items\":{}}", 12, &r, &e), 0);
	ck_assert_ptr_null(adapter_items(op, &r, &e));
	ck_assert_str_eq(e.msg, "the server's reply has no list at items");
	reply_free(&r);

	/* the server's own message, made safe to show */
	ck_assert_int_eq(adapter_open(p, op, 404, hostile, strlen(hostile), &r, &e), ADAPTER_REFUSED);
	ck_assert_str_eq(e.msg, "not found: no\uFFFD[2J such\uFFFD\uFFFD\uFFFD");
	reply_free(&r);
	profile_free(p);
}
END_TEST

/* fields.dossier.number: the number shown apart from the code requests
 * use; "" (shown as a placeholder) when the reply has none yet, where a
 * profile without it keeps the code as the number. */
START_TEST(a_number_apart_from_the_code)
{
	char *text = fixture("rest.json"), *at = strstr(text, "\"code\": \"code\",");
	char *mod = xmalloc(strlen(text) + 64);
	struct profile *p, *old = load("rest.json");
	struct dossier d;
	struct err e;

	ck_assert_ptr_nonnull(at);
	sprintf(mod, "%.*s\"code\": \"id\", \"number\": \"no\",%s", (int)(at - text), text,
		at + strlen("\"code\": \"code\","));
	p = profile_parse(mod, "rest.json", &e);
	ck_assert_msg(p != NULL, "%s", e.msg);

	ck_assert_msg(read_first(p, "{\"items\":[{\"id\":4711,\"no\":\"H26-0001\"}]}", &d, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(d.code, "4711");
	ck_assert_str_eq(dossier_number(&d), "H26-0001");
	dossier_free(&d);
	ck_assert_msg(read_first(p, "{\"items\":[{\"id\":4712,\"no\":\"\"}]}", &d, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(d.code, "4712");
	ck_assert_str_eq(dossier_number(&d), "(not yet received)");
	dossier_free(&d);
	ck_assert_msg(read_first(p, "{\"items\":[{\"id\":4713}]}", &d, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(dossier_number(&d), "(not yet received)");
	dossier_free(&d);

	ck_assert_msg(read_first(old, "{\"items\":[{\"code\":\"H26-0002\"}]}", &d, &e) == 0, "%s", e.msg);
	ck_assert_ptr_null(d.number);
	ck_assert_str_eq(dossier_number(&d), "H26-0002");
	dossier_free(&d);
	profile_free(p);
	profile_free(old);
	free(text);
	free(mod);
}
END_TEST

static Suite *profile_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("load");
	TCase *ta = tcase_create("adapter");

	tcase_add_test(tc, fixtures_load);
	tcase_add_test(tc, errors_name_file_key_and_expectation);
	tcase_add_test(tc, more_errors);
	tcase_add_test(tc, open_first_is_checked);
	tcase_add_test(tc, syntax_errors_give_line_and_column);
	tcase_add_test(ta, rpc_list_reply_is_read);
	tcase_add_test(ta, errors_inside_a_200_are_errors);
	tcase_add_test(ta, malformed_replies_say_what_and_where);
	tcase_add_test(ta, rest_errors_and_records);
	tcase_add_test(ta, replies_that_do_not_fit_are_refused_by_field);
	tcase_add_test(ta, a_number_apart_from_the_code);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, ta);
	return s;
}

CHECK_MAIN(profile_suite)
