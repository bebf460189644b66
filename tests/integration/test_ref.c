/* Integration tests of motcua-sandbox's reference dialect, against the real
 * server on loopback (sbx_harness). Each test case runs its own server on
 * its own database: the fixture (tests/integration/fixture.c) for precise
 * numbers, or a new database seeded by the server itself. Expected counts
 * come from the fixture's rules or from SQL on the same database file. */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fixture.h"
#include "sandbox/seed/seed.h"
#include "sbx_harness.h"

static struct sbxh H;

/* ---- helpers -------------------------------------------------------------- */

#define NRING 32
static struct sbxh_reply ring[NRING];
static unsigned ring_i;

/* Replies live in a ring (reachable, freed on reuse): a test never frees. */
static struct sbxh_reply *call(const struct sbxh_req *rq)
{
	struct sbxh_reply *r = &ring[ring_i++ % NRING];

	sbxh_reply_free(r);
	ck_assert_int_eq(sbxh_do(&H, rq, r), 0);
	return r;
}

static struct sbxh_reply *GET(const char *token, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static struct sbxh_reply *GET(const char *token, const char *fmt, ...)
{
	static char path[8][1024];
	static unsigned pi;
	struct sbxh_req rq = { .token = token };
	char *p = path[pi++ % 8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p, 1024, fmt, ap);
	va_end(ap);
	rq.path = p;
	return call(&rq);
}

static struct sbxh_reply *POST(const char *token, const char *path, const char *body)
{
	struct sbxh_req rq = { .token = token, .path = path, .body = body ? body : "",
			       .method = "POST" };

	return call(&rq);
}

static const char *newkey(void)
{
	static char keys[8][48];
	static unsigned n, ki;
	char *k = keys[ki++ % 8];

	snprintf(k, 48, "key-%d-%u", (int)getpid(), ++n);
	return k;
}

/* An action, with an optional If-Match. */
static struct sbxh_reply *ACT(const char *token, const char *code, const char *action,
			      const char *body, const char *if_match)
{
	static char path[4][256];
	static unsigned pi;
	char *p = path[pi++ % 4];
	struct sbxh_req rq = { .token = token, .path = p, .body = body ? body : "{}",
			       .method = "POST", .if_match = if_match };

	snprintf(p, 256, "/api/v1/dossiers/%s/actions/%s", code, action);
	return call(&rq);
}

/* The token of a fixture user (password pw-LOGIN), logging in each time:
 * a test may have moved the clock past a session's expiry. */
static const char *T(const char *login)
{
	static char *toks[16];
	static unsigned ti;
	char pw[64];
	char **slot = &toks[ti++ % 16];

	free(*slot);
	snprintf(pw, sizeof pw, "pw-%s", login);
	*slot = sbxh_login(&H, login, pw);
	ck_assert_msg(*slot != NULL, "login as %s failed", login);
	return *slot;
}

static const char *S(const struct sbxh_reply *r, const char *path)
{
	const char *v = sbxh_str(r->json, path);

	return v ? v : "(missing)";
}

static double N(const struct sbxh_reply *r, const char *path)
{
	return sbxh_num(r->json, path);
}

static int count(const struct sbxh_reply *r, const char *path)
{
	return cJSON_GetArraySize(sbxh_at(r->json, path));
}

/* A number from SQL on the server's database (read-only, WAL allows it). */
static long long Q(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long long Q(const char *fmt, ...)
{
	char sql[1024];
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	ck_assert_int_eq(sqlite3_open_v2(H.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void expect_error(const struct sbxh_reply *r, long status, const char *code)
{
	ck_assert_msg(r->status == status, "status %ld, expected %ld: %s", r->status, status, r->body);
	ck_assert_msg(r->json != NULL, "error reply is not JSON: %s", r->body);
	ck_assert_str_eq(S(r, "error.code"), code);
	ck_assert_msg(strlen(S(r, "error.message")) > 10, "no message: %s", r->body);
}

static void set_clock(const char *iso)
{
	char body[128];
	struct sbxh_reply *r;

	snprintf(body, sizeof body, "{\"now\":\"%s\",\"frozen\":true}", iso);
	r = POST(NULL, "/_sandbox/clock", body);
	ck_assert_msg(r->status == 200, "clock: %s", r->body);
}

static void set_faults(const char *json)
{
	struct sbxh_reply *r = POST(NULL, "/_sandbox/faults", json);

	ck_assert_msg(r->status == 200, "faults: %s", r->body);
}

#define BIRTH_BODY(extra) \
	"{\"procedure_code\":\"" FX_PROC_BIRTH "\",\"channel\":\"direct\"," \
	"\"applicant\":{\"name\":\"Nguyễn Văn An\",\"id_number\":\"001 085 012345\"," \
	"\"phone\":\"0912 345 678\"}," \
	"\"form\":{\"applicant.id_number\":\"" FX_CITIZEN "\",\"applicant.full_name\":\"Nguyễn Văn An\"," \
	"\"child.full_name\":\"Nguyễn Minh Khôi\",\"child.birth_date\":\"01/10/2025\"," \
	"\"child.sex\":\"Nam\"},\"components\":[{\"seq\":3,\"from_national\":true}]" extra "}"

/* Take in a birth registration at the desk; its code. */
static const char *intake(const char *body)
{
	static char codes[8][64];
	static unsigned ci;
	struct sbxh_req rq = { .token = T(FX_RECEPTION), .path = "/api/v1/dossiers",
			       .body = body ? body : BIRTH_BODY(""), .idempotency_key = newkey() };
	struct sbxh_reply *r = call(&rq);
	char *c = codes[ci++ % 8];

	ck_assert_msg(r->status == 201, "intake: %ld %s", r->status, r->body);
	snprintf(c, 64, "%s", S(r, "code"));
	return c;
}

/* ---- set-up per test case ------------------------------------------------- */

static void start_fixture_server(const char *const *args)
{
	char err[512];
	const char *base[24] = { "--clock", FX_CLOCK, "--freeze-clock", "--seed", "7", NULL };
	int n = 5;

	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_msg(fx_create(H.db, err, sizeof err) == 0, "%s", err);
	for (int i = 0; args && args[i] && n < 23; i++)
		base[n++] = args[i];
	base[n] = NULL;
	ck_assert_int_eq(sbxh_start(&H, base), 0);
}

static void setup_plain(void)
{
	start_fixture_server(NULL);
}

static void setup_faulty(void)
{
	static const char *const args[] = { "--fail-rate", "100", NULL };

	start_fixture_server(args);
}

static void teardown(void)
{
	ck_assert_int_eq(sbxh_stop(&H), 0);
	sbxh_cleanup(&H);
}

/* ---- authentication ------------------------------------------------------- */

START_TEST(login_ok)
{
	struct sbxh_reply *r = POST(NULL, "/api/v1/auth/login",
				    "{\"username\":\"" FX_RECEPTION "\",\"password\":\"pw-" FX_RECEPTION "\"}");

	ck_assert_int_eq(r->status, 200);
	ck_assert_uint_eq(strlen(S(r, "token")), 64);
	ck_assert_str_eq(S(r, "token_type"), "Bearer");
	ck_assert_str_eq(S(r, "expires_at"), "2025-10-15T21:00:00+07:00");
	ck_assert_str_eq(S(r, "user.role"), "reception");
	ck_assert_str_eq(S(r, "user.agency.id"), FX_AGENCY);
	ck_assert_str_eq(r->cache_control, "no-store");
}
END_TEST

START_TEST(login_bad)
{
	expect_error(POST(NULL, "/api/v1/auth/login",
			  "{\"username\":\"" FX_RECEPTION "\",\"password\":\"wrong\"}"),
		     401, "invalid_credentials");
	expect_error(POST(NULL, "/api/v1/auth/login", "{\"username\":\"nobody\",\"password\":\"x\"}"),
		     401, "invalid_credentials");
	expect_error(POST(NULL, "/api/v1/auth/login", "{\"username\":\"" FX_RECEPTION "\"}"),
		     400, "invalid_body");
	expect_error(POST(NULL, "/api/v1/auth/login", "{\"username\":"), 400, "invalid_json");
	{
		struct sbxh_req rq = { .path = "/api/v1/auth/login", .body = "username=a&password=b",
				       .content_type = "application/x-www-form-urlencoded" };

		expect_error(call(&rq), 415, "unsupported_media_type");
	}
	expect_error(GET(NULL, "/api/v1/auth/login"), 405, "method_not_allowed");
}
END_TEST

START_TEST(login_throttled)
{
	struct sbxh_reply *r = NULL;

	/* a login name of its own: the other tests' users stay usable */
	for (int i = 0; i < 10; i++)
		expect_error(POST(NULL, "/api/v1/auth/login",
				  "{\"username\":\"guesser\",\"password\":\"guess\"}"),
			     401, "invalid_credentials");
	r = POST(NULL, "/api/v1/auth/login",
		 "{\"username\":\"guesser\",\"password\":\"another\"}");
	expect_error(r, 429, "too_many_attempts");
	ck_assert_str_eq(r->retry_after, "60");
}
END_TEST

START_TEST(auth_required)
{
	struct sbxh_reply *r = GET(NULL, "/api/v1/dossiers");
	struct sbxh_req rq = { .path = "/api/v1/dossiers",
			       .headers = (const char *const[]){ "Authorization: Basic eDp5", NULL } };

	expect_error(r, 401, "unauthorized");
	expect_error(GET("0123456789abcdef", "/api/v1/dossiers"), 401, "invalid_token");
	expect_error(call(&rq), 401, "unauthorized");
	expect_error(GET(NULL, "/api/v1/procedures"), 401, "unauthorized");
}
END_TEST

START_TEST(me_and_logout)
{
	const char *t = T(FX_LEADER);
	struct sbxh_reply *r = GET(t, "/api/v1/auth/me");
	char tok[80];

	snprintf(tok, sizeof tok, "%s", t);
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "login"), FX_LEADER);
	ck_assert_str_eq(S(r, "role"), "leader");
	ck_assert_int_eq(POST(tok, "/api/v1/auth/logout", NULL)->status, 204);
	expect_error(GET(tok, "/api/v1/auth/me"), 401, "invalid_token");
}
END_TEST

START_TEST(session_expires)
{
	char tok[80];

	snprintf(tok, sizeof tok, "%s", T(FX_LEADER));
	ck_assert_int_eq(GET(tok, "/api/v1/auth/me")->status, 200);
	set_clock("2025-10-15T21:00:01+07:00");
	expect_error(GET(tok, "/api/v1/auth/me"), 401, "token_expired");
	set_clock(FX_CLOCK_ISO);
}
END_TEST

/* ---- catalog, units, users ------------------------------------------------ */

START_TEST(index_and_unknown)
{
	struct sbxh_reply *r = GET(NULL, "/api/v1");

	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "dialect"), "reference");
	ck_assert_int_ge(count(r, "endpoints"), 15);
	expect_error(GET(NULL, "/nothing/here"), 404, "not_found");
	expect_error(GET(T(FX_RECEPTION), "/api/v1/nothing"), 404, "not_found");
	r = call(&(struct sbxh_req){ .method = "DELETE", .path = "/api/v1/dossiers",
				     .token = T(FX_RECEPTION) });
	expect_error(r, 405, "method_not_allowed");
	ck_assert_str_eq(r->allow, "GET, POST");
}
END_TEST

START_TEST(procedures)
{
	const char *t = T(FX_SPECIALIST);
	struct sbxh_reply *r = GET(t, "/api/v1/procedures");
	const cJSON *it;
	bool copy = false;
	char etag[128];

	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq((int)N(r, "total"), 4);
	cJSON_ArrayForEach(it, sbxh_at(r->json, "items")) {
		if (!strcmp(sbxh_str(it, "code"), FX_PROC_COPY)) {
			copy = true;
			ck_assert_str_eq(sbxh_str(it, "cutoff"), "15:00");
			ck_assert_int_eq((int)sbxh_num(it, "working_minutes"), 0);
			ck_assert_int_eq((int)sbxh_num(it, "fee"), 2000);
		}
		if (!strcmp(sbxh_str(it, "code"), FX_PROC_BIRTH))
			ck_assert(sbxh_num(it, "working_days") == 3.0);
	}
	ck_assert(copy);
	snprintf(etag, sizeof etag, "%s", r->etag);
	ck_assert_uint_gt(strlen(etag), 4);
	r = call(&(struct sbxh_req){ .path = "/api/v1/procedures", .token = t,
				     .if_none_match = etag });
	ck_assert_int_eq(r->status, 304);
	ck_assert_uint_eq(r->len, 0);
	/* folded search: no diacritics needed */
	r = GET(t, "/api/v1/procedures?q=chung%%20thuc");
	ck_assert_int_eq((int)N(r, "total"), 1);
	ck_assert_str_eq(S(r, "items.0.code"), FX_PROC_COPY);
	r = GET(t, "/api/v1/procedures?field=H%%E1%%BB%%99%%20t%%E1%%BB%%8Bch");	/* Hộ tịch */
	ck_assert_int_eq((int)N(r, "total"), 2);
	expect_error(GET(t, "/api/v1/procedures?sort=x"), 400, "invalid_parameter");
}
END_TEST

START_TEST(procedure_detail)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *r = GET(t, "/api/v1/procedures/" FX_PROC_BIRTH);

	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "name"), "Đăng ký khai sinh");
	ck_assert_int_eq(count(r, "components"), 4);
	ck_assert_str_eq(S(r, "components.2.national_source"), "population");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "components.0.required")));
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "components.3.required")));
	ck_assert_int_eq(count(r, "fields"), 7);
	ck_assert_str_eq(S(r, "fields.0.lookup"), "citizen");
	ck_assert_str_eq(S(r, "fields.1.fill_from"), "citizen:full_name");
	ck_assert_str_eq(S(r, "fields.4.options.1"), "Nữ");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "cutoff")));
	r = GET(t, "/api/v1/procedures/" FX_PROC_JOINT);
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "joint")));
	ck_assert_str_eq(S(r, "parts.0.code"), FX_PROC_BIRTH);
	expect_error(GET(t, "/api/v1/procedures/9.999999"), 404, "not_found");
}
END_TEST

START_TEST(units_and_users)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *r = GET(t, "/api/v1/units");

	ck_assert_int_eq((int)N(r, "total"), 2);
	ck_assert_str_eq(S(r, "items.0.code"), "01");
	r = GET(t, "/api/v1/units?parent=01");
	ck_assert_int_eq((int)N(r, "total"), 3);
	r = GET(t, "/api/v1/units?parent=01&q=bat%%20trang");
	ck_assert_int_eq((int)N(r, "total"), 1);
	ck_assert_str_eq(S(r, "items.0.code"), "00577");
	r = GET(t, "/api/v1/units/00070");
	ck_assert_str_eq(S(r, "name"), "Phường Hoàn Kiếm");
	ck_assert_str_eq(S(r, "parent"), "01");
	expect_error(GET(t, "/api/v1/units/99999"), 404, "not_found");
	r = GET(t, "/api/v1/users?role=specialist");
	ck_assert_int_eq(count(r, "items"), 2);
	ck_assert_str_eq(S(r, "items.0.login"), FX_SPECIALIST);
	expect_error(GET(t, "/api/v1/users?role=king"), 400, "invalid_parameter");
}
END_TEST

/* ---- dossier lists -------------------------------------------------------- */

START_TEST(list_paging)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *r = GET(t, "/api/v1/dossiers");

	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq((int)N(r, "total"), FX_DOSSIERS);	/* the other agency's are not seen */
	ck_assert_int_eq(count(r, "items"), 50);
	ck_assert_int_eq((int)N(r, "page"), 1);
	ck_assert_int_eq((int)N(r, "next_page"), 2);
	ck_assert_str_eq(S(r, "cursor"), "63");
	/* default order: due first */
	ck_assert_str_eq(S(r, "items.0.code"), "FX1-251001-0001");
	ck_assert_str_eq(S(r, "items.0.due_at"), "2025-10-13T09:00:00+07:00");
	ck_assert_str_eq(S(r, "items.0.received_at"), "2025-10-01T08:00:00+07:00");
	r = GET(t, "/api/v1/dossiers?page=2");
	ck_assert_int_eq(count(r, "items"), 10);
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "next_page")));
	r = GET(t, "/api/v1/dossiers?per_page=7&page=3&sort=code");
	ck_assert_int_eq(count(r, "items"), 7);
	ck_assert_str_eq(S(r, "items.0.code"), "FX1-251001-0015");
	r = GET(t, "/api/v1/dossiers?sort=received&per_page=1");
	ck_assert_str_eq(S(r, "items.0.code"), "FX1-251001-0060");
	expect_error(GET(t, "/api/v1/dossiers?per_page=201"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/dossiers?page=0"), 400, "invalid_parameter");
	r = GET(t, "/api/v1/dossiers?page=x");
	expect_error(r, 400, "invalid_parameter");
	ck_assert_str_eq(S(r, "error.field"), "page");
}
END_TEST

START_TEST(list_filters)
{
	const char *t = T(FX_SPECIALIST);
	struct sbxh_reply *r;

	r = GET(t, "/api/v1/dossiers?status=4");
	ck_assert_int_eq((int)N(r, "total"), 20);
	ck_assert_int_eq((int)N(r, "items.0.status"), 4);
	ck_assert_str_eq(S(r, "items.0.status_name"), "processing");
	r = GET(t, "/api/v1/dossiers?status=processing,supplement");
	ck_assert_int_eq((int)N(r, "total"), 30);
	r = GET(t, "/api/v1/dossiers?assignee=me");
	ck_assert_int_eq((int)N(r, "total"),
			 Q("SELECT count(*) FROM dossiers WHERE assignee_id = 2 AND agency_id = '" FX_AGENCY "'"));
	r = GET(t, "/api/v1/dossiers?assignee=none");
	ck_assert_int_eq((int)N(r, "total"), 10);
	r = GET(t, "/api/v1/dossiers?assignee=" FX_SPECIALIST2 "&status=5");
	ck_assert_int_eq((int)N(r, "total"), 10);	/* i = 4, 10, ... 58: all even */
	r = GET(t, "/api/v1/dossiers?overdue=1");
	ck_assert_int_eq((int)N(r, "total"),
			 Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			   " AND status IN (2,4,6) AND due_at <= 1760493600"));
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "items.0.overdue")));
	r = GET(t, "/api/v1/dossiers?overdue=0");
	ck_assert_int_eq((int)N(r, "total"),
			 FX_DOSSIERS - Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
					 " AND status IN (2,4,6) AND due_at <= 1760493600"));
	r = GET(t, "/api/v1/dossiers?procedure=" FX_PROC_COPY);
	ck_assert_int_eq((int)N(r, "total"), 12);
	r = GET(t, "/api/v1/dossiers?channel=online");
	ck_assert_int_eq((int)N(r, "total"), 15);
	r = GET(t, "/api/v1/dossiers?channel=2&status=4");
	ck_assert_int_eq((int)N(r, "total"),
			 Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			   " AND channel = 2 AND status = 4"));
	r = GET(t, "/api/v1/dossiers?step=assignment");
	ck_assert_int_eq((int)N(r, "total"), 10);
	r = GET(t, "/api/v1/dossiers?due_before=2025-10-14T09:00:00%%2B07:00");
	ck_assert_int_eq((int)N(r, "total"), 4);
	/* search: folded name, code prefix, ID number */
	r = GET(t, "/api/v1/dossiers?q=nguyen%%20van%%20duc");
	ck_assert_int_eq((int)N(r, "total"), 10);
	r = GET(t, "/api/v1/dossiers?q=FX1-251001-001");
	ck_assert_int_eq((int)N(r, "total"), 10);
	r = GET(t, "/api/v1/dossiers?q=001085000007");
	ck_assert_int_eq((int)N(r, "total"), 1);
	ck_assert_str_eq(S(r, "items.0.code"), "FX1-251001-0007");
	r = GET(t, "/api/v1/dossiers?q=100%%25");
	ck_assert_int_eq((int)N(r, "total"), 0);
	/* mistakes say what was wrong */
	r = GET(t, "/api/v1/dossiers?status=11");
	expect_error(r, 400, "invalid_parameter");
	ck_assert_str_eq(S(r, "error.field"), "status");
	expect_error(GET(t, "/api/v1/dossiers?status=4,"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/dossiers?overdue=maybe"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/dossiers?assignee=ghost"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/dossiers?due_before=tomorrow"), 400, "invalid_parameter");
	r = GET(t, "/api/v1/dossiers?colour=red");
	expect_error(r, 400, "invalid_parameter");
	ck_assert_str_eq(S(r, "error.field"), "colour");
	expect_error(GET(t, "/api/v1/dossiers?status=4&status=5"), 400, "invalid_parameter");
}
END_TEST

START_TEST(list_etag_gzip_head)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *plain = GET(t, "/api/v1/dossiers?per_page=50"), *r;
	char etag[128];
	unsigned char out[256 * 1024];
	uLongf outlen = sizeof out;
	z_stream z;

	ck_assert_int_eq(plain->status, 200);
	snprintf(etag, sizeof etag, "%s", plain->etag);
	ck_assert_uint_gt(strlen(etag), 4);
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers?per_page=50", .token = t,
				     .if_none_match = etag });
	ck_assert_int_eq(r->status, 304);
	ck_assert_uint_eq(r->len, 0);
	ck_assert_str_eq(r->etag, etag);
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers?per_page=49", .token = t,
				     .if_none_match = etag });
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_ne(r->etag, etag);
	/* W/ and lists of tags match too */
	{
		char list[300];

		snprintf(list, sizeof list, "\"x\", W/%s", etag);
		r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers?per_page=50", .token = t,
					     .if_none_match = list });
		ck_assert_int_eq(r->status, 304);
	}
	/* gzip: decode and compare with the plain reply */
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers?per_page=50", .token = t,
				     .gzip = true });
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(r->content_encoding, "gzip");
	ck_assert_uint_lt(r->len, plain->len / 3);
	memset(&z, 0, sizeof z);
	ck_assert_int_eq(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)r->body;
	z.avail_in = (uInt)r->len;
	z.next_out = out;
	z.avail_out = (uInt)outlen;
	ck_assert_int_eq(inflate(&z, Z_FINISH), Z_STREAM_END);
	outlen = z.total_out;
	inflateEnd(&z);
	ck_assert_uint_eq(outlen, plain->len);
	ck_assert(!memcmp(out, plain->body, plain->len));
	ck_assert_str_eq(r->etag, etag);
	/* q=0 refuses gzip */
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers?per_page=50", .token = t,
				     .headers = (const char *const[]){ "Accept-Encoding: gzip;q=0", NULL } });
	ck_assert_str_eq(r->content_encoding, "");
	/* HEAD: the headers without the body */
	r = call(&(struct sbxh_req){ .method = "HEAD", .path = "/api/v1/dossiers", .token = t });
	ck_assert_int_eq(r->status, 200);
	ck_assert_uint_eq(r->len, 0);
}
END_TEST

/* ---- dossier detail ------------------------------------------------------- */

START_TEST(detail)
{
	const char *t = T(FX_LEADER);
	struct sbxh_reply *r = GET(t, "/api/v1/dossiers/FX1-251001-0002");
	const cJSON *acts;
	bool assign = false, reschedule = false;
	const cJSON *it;

	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "code"), "FX1-251001-0002");
	ck_assert_int_eq((int)N(r, "status"), 4);
	ck_assert_str_eq(S(r, "step"), "processing");
	ck_assert_str_eq(S(r, "assignee.login"), FX_SPECIALIST2);
	ck_assert_str_eq(S(r, "procedure.code"), FX_PROC_BIRTH);
	ck_assert_int_eq((int)N(r, "procedure.working_minutes"), 1440);
	ck_assert_str_eq(S(r, "received_at"), "2025-10-01T09:00:00+07:00");
	ck_assert_str_eq(S(r, "due_at"), "2025-10-13T15:00:00+07:00");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "overdue")));
	ck_assert_int_eq(count(r, "components"), 4);
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "components.2.from_national")));
	ck_assert_int_eq((int)N(r, "version"), 1);
	ck_assert_str_eq(r->etag, "\"v1\"");
	ck_assert(N(r, "remaining_working_minutes") < 0);
	acts = sbxh_at(r->json, "allowed_actions");
	cJSON_ArrayForEach(it, acts) {
		assign |= !strcmp(it->valuestring, "assign");
		reschedule |= !strcmp(it->valuestring, "reschedule");
	}
	ck_assert(assign);
	ck_assert(!reschedule);	/* overdue: too late for an apology */
	/* the assignee sees their own actions */
	r = GET(T(FX_SPECIALIST2), "/api/v1/dossiers/FX1-251001-0002");
	ck_assert_int_ge(count(r, "allowed_actions"), 3);
	r = GET(T(FX_SPECIALIST), "/api/v1/dossiers/FX1-251001-0002");
	ck_assert_int_eq(count(r, "allowed_actions"), 0);
	/* finished dossiers carry their timeliness */
	r = GET(t, "/api/v1/dossiers/FX1-251001-0005");
	ck_assert_int_eq((int)N(r, "status"), 9);
	ck_assert_str_eq(S(r, "timeliness"), "early");
	r = GET(t, "/api/v1/dossiers/FX1-251001-0006");
	ck_assert_int_eq((int)N(r, "status"), 10);
	ck_assert_str_eq(S(r, "timeliness"), "on_time");
	r = GET(t, "/api/v1/dossiers/FX1-251001-0012");
	ck_assert_str_eq(S(r, "timeliness"), "late");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "apology_deadline_at")));
	expect_error(GET(t, "/api/v1/dossiers/FX2-251001-0001"), 404, "not_found");
	expect_error(GET(t, "/api/v1/dossiers/NOPE"), 404, "not_found");
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers/FX1-251001-0002", .token = t,
				     .if_none_match = "\"v1\"" });
	ck_assert_int_eq(r->status, 304);
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers/FX1-251001-0002", .token = t,
				     .if_none_match = "\"v0\"" });
	ck_assert_int_eq(r->status, 200);
}
END_TEST

/* ---- lookups and audit ---------------------------------------------------- */

START_TEST(lookup_citizen)
{
	const char *t = T(FX_RECEPTION);
	long long before = Q("SELECT count(*) FROM audit");
	struct sbxh_reply *r = GET(t, "/api/v1/lookup/citizens/001%%20085%%20012345"
				   "?dossier=FX1-251001-0003&purpose=intake");

	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "id_number"), FX_CITIZEN);
	ck_assert_str_eq(S(r, "full_name"), "Nguyễn Văn An");
	ck_assert_str_eq(S(r, "birth_date"), "1985-03-12");
	ck_assert_str_eq(S(r, "permanent_unit"), "00070");
	ck_assert_str_eq(S(r, "source"), "population");
	ck_assert_str_eq(S(r, "looked_up_at"), FX_CLOCK_ISO);
	ck_assert_int_eq(Q("SELECT count(*) FROM audit"), before + 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM audit WHERE subject = '" FX_CITIZEN "'"
			   " AND dossier_code = 'FX1-251001-0003' AND purpose = 'intake'"
			   " AND found = 1 AND user_id = 1 AND kind = 'citizen' AND at = 1760493600"), 1);
	/* not in the register: 404, still audited */
	r = GET(t, "/api/v1/lookup/citizens/" FX_CITIZEN_ABSENT);
	expect_error(r, 404, "not_found");
	ck_assert_int_eq(Q("SELECT count(*) FROM audit WHERE subject = '" FX_CITIZEN_ABSENT
			   "' AND found = 0 AND dossier_code IS NULL"), 1);
	r = GET(t, "/api/v1/lookup/citizens/123456789");	/* an old 9-digit card */
	expect_error(r, 404, "not_found");
	/* malformed numbers never reach the register */
	before = Q("SELECT count(*) FROM audit");
	r = GET(t, "/api/v1/lookup/citizens/00108501234X");
	expect_error(r, 400, "invalid_number");
	ck_assert_str_eq(S(r, "error.field"), "id_number");
	expect_error(GET(t, "/api/v1/lookup/citizens/12345"), 400, "invalid_number");
	ck_assert_int_eq(Q("SELECT count(*) FROM audit"), before);
	/* the dossier must be one of the agency's */
	r = GET(t, "/api/v1/lookup/citizens/" FX_CITIZEN "?dossier=FX2-251001-0001");
	expect_error(r, 404, "not_found");
	ck_assert_str_eq(S(r, "error.field"), "dossier");
	expect_error(GET(t, "/api/v1/lookup/citizens/" FX_CITIZEN "?who=me"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/lookup/pets/1"), 404, "not_found");
}
END_TEST

START_TEST(lookup_enterprise)
{
	const char *t = T(FX_SPECIALIST);
	struct sbxh_reply *r = GET(t, "/api/v1/lookup/enterprises/0100.109.106");

	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "tax_code"), FX_ENTERPRISE);
	ck_assert_str_eq(S(r, "status"), "active");
	ck_assert(N(r, "capital") == 5e9);
	ck_assert_str_eq(S(r, "source"), "enterprise");
	expect_error(GET(t, "/api/v1/lookup/enterprises/" FX_ENTERPRISE_ABSENT), 404, "not_found");
	r = GET(t, "/api/v1/lookup/enterprises/0100109107");	/* wrong check digit */
	expect_error(r, 400, "invalid_number");
	ck_assert_str_eq(S(r, "error.field"), "tax_code");
	ck_assert_int_eq(Q("SELECT count(*) FROM audit WHERE kind = 'enterprise' AND user_id = 2"), 2);
}
END_TEST

START_TEST(audit_list)
{
	struct sbxh_reply *r;

	GET(T(FX_RECEPTION), "/api/v1/lookup/citizens/" FX_CITIZEN2 "?purpose=audit-test");
	GET(T(FX_RECEPTION), "/api/v1/lookup/enterprises/" FX_ENTERPRISE);
	expect_error(GET(T(FX_RECEPTION), "/api/v1/audit"), 403, "role_forbidden");
	r = GET(T(FX_LEADER), "/api/v1/audit?subject=" FX_CITIZEN2);
	ck_assert_int_eq(r->status, 200);
	ck_assert_int_ge((int)N(r, "total"), 1);
	ck_assert_str_eq(S(r, "items.0.user.login"), FX_RECEPTION);
	ck_assert_str_eq(S(r, "items.0.purpose"), "audit-test");
	ck_assert_str_eq(S(r, "items.0.looked_up_at"), FX_CLOCK_ISO);
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "items.0.found")));
	r = GET(T(FX_LEADER), "/api/v1/audit?kind=enterprise&user=" FX_RECEPTION "&from=2025-10-15&to=2025-10-15");
	ck_assert_int_ge((int)N(r, "total"), 1);
	ck_assert_str_eq(S(r, "items.0.kind"), "enterprise");
	r = GET(T(FX_LEADER), "/api/v1/audit?from=2025-10-16");
	ck_assert_int_eq((int)N(r, "total"), 0);
	expect_error(GET(T(FX_LEADER), "/api/v1/audit?kind=pet"), 400, "invalid_parameter");
	expect_error(GET(T(FX_LEADER), "/api/v1/audit?from=15/10/2025"), 400, "invalid_parameter");
}
END_TEST

/* ---- stats ---------------------------------------------------------------- */

START_TEST(stats)
{
	const char *t = T(FX_LEADER);
	struct sbxh_reply *r = GET(t, "/api/v1/stats?from=2025-10-01&to=2025-10-31");
	long long resolved = Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			       " AND status IN (9,10) AND finished_at >= 1759251600 AND finished_at < 1761930000");
	long long late = Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			   " AND status IN (9,10) AND finished_at > due_at AND finished_at < 1761930000"
			   " AND finished_at >= 1759251600");

	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "from"), "2025-10-01");
	ck_assert_str_eq(S(r, "to"), "2025-10-31");
	ck_assert_int_eq((int)N(r, "received"), FX_DOSSIERS);
	ck_assert_int_eq((int)N(r, "resolved"), resolved);
	ck_assert_int_eq((int)N(r, "late"), late);
	ck_assert_int_eq((int)(N(r, "early") + N(r, "on_time") + N(r, "late")), resolved);
	ck_assert_int_eq((int)N(r, "on_time_rate.denominator"), resolved);
	ck_assert_int_eq((int)N(r, "on_time_rate.numerator"), resolved - late);
	ck_assert_str_eq(S(r, "on_time_rate.denominator_is"), "resolved in period (result ready at the desk)");
	ck_assert_str_eq(S(r, "on_time_rate.numerator_is"), "early + on time");
	ck_assert(fabs(N(r, "on_time_rate.value") - (double)(resolved - late) / (double)resolved) < 1e-4);
	ck_assert_int_eq((int)N(r, "online_share.numerator"), 15);
	ck_assert_int_eq((int)N(r, "online_share.denominator"), FX_DOSSIERS);
	ck_assert_str_eq(S(r, "online_share.denominator_is"), "received in period (all channels)");
	ck_assert_int_eq((int)N(r, "open_overdue.numerator"),
			 Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			   " AND status IN (2,4,6) AND due_at <= 1760493600"));
	ck_assert_int_eq((int)N(r, "open_overdue.denominator"), 30);
	ck_assert_int_eq((int)N(r, "average_processing_days.denominator"), resolved);
	ck_assert(N(r, "average_processing_days.value") > 5);
	ck_assert_str_eq(S(r, "open_overdue_as_of_at"), FX_CLOCK_ISO);
	/* an empty period: rates without a denominator are null, not 0 */
	r = GET(t, "/api/v1/stats?from=2024-01-01&to=2024-01-31");
	ck_assert_int_eq((int)N(r, "resolved"), 0);
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "on_time_rate.value")));
	ck_assert_int_eq((int)N(r, "on_time_rate.denominator"), 0);
	/* default period: this month to date */
	r = GET(t, "/api/v1/stats");
	ck_assert_str_eq(S(r, "from"), "2025-10-01");
	ck_assert_str_eq(S(r, "to"), "2025-10-15");
	expect_error(GET(t, "/api/v1/stats?from=2025-10-31&to=2025-10-01"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/stats?from=2025-02-30"), 400, "invalid_parameter");
}
END_TEST

/* ---- bad input ------------------------------------------------------------ */

START_TEST(malformed_requests)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *r;
	char *big;

	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t,
				     .body = "{\"procedure_code\": \"x\",\n \"applicant\": {]}",
				     .idempotency_key = newkey() });
	expect_error(r, 400, "invalid_json");
	ck_assert_msg(strstr(S(r, "error.message"), "line 2") != NULL, "%s", r->body);
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t, .body = "{} trailing",
				     .idempotency_key = newkey() });
	expect_error(r, 400, "invalid_json");
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t, .body = "[1,2]",
				     .idempotency_key = newkey() });
	expect_error(r, 400, "invalid_body");
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t, .body = "<xml/>",
				     .content_type = "text/xml", .idempotency_key = newkey() });
	expect_error(r, 415, "unsupported_media_type");
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t, .body = "\x01\x02\xff",
				     .body_len = 3, .idempotency_key = newkey() });
	expect_error(r, 400, "invalid_json");
	/* over 1 MiB */
	big = malloc(1100 * 1024 + 1);
	memset(big, ' ', 1100 * 1024);
	big[0] = '{';
	big[1100 * 1024 - 1] = '}';
	big[1100 * 1024] = '\0';
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t, .body = big,
				     .idempotency_key = newkey() });
	free(big);
	expect_error(r, 413, "payload_too_large");
	/* odd paths and headers */
	expect_error(GET(t, "/api/v1/dossiers/%%01%%02"), 404, "not_found");
	expect_error(GET(t, "/api/v1/dossiers/a/b/c/d/e/f/g/h/i"), 404, "not_found");
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers", .token = t, .body = "{}",
				     .idempotency_key = "has space" });
	expect_error(r, 400, "invalid_header");
	/* the server is still well */
	r = GET(NULL, "/_sandbox/health");
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "status"), "ok");
	ck_assert_int_eq(Q("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
}
END_TEST

/* ---- intake --------------------------------------------------------------- */

START_TEST(intake_direct)
{
	struct sbxh_req rq = { .token = T(FX_RECEPTION), .path = "/api/v1/dossiers",
			       .body = BIRTH_BODY(",\"note\":\"hồ sơ giấy đủ\""),
			       .idempotency_key = newkey() };
	struct sbxh_reply *r = call(&rq), *again;
	char code[64], loc[128];

	ck_assert_msg(r->status == 201, "%s", r->body);
	snprintf(code, sizeof code, "%s", S(r, "code"));
	ck_assert_msg(!strncmp(code, "FX1-251015-", 11), "%s", code);
	snprintf(loc, sizeof loc, "/api/v1/dossiers/%s", code);
	ck_assert_str_eq(r->location, loc);
	ck_assert_str_eq(r->etag, "\"v1\"");
	ck_assert_int_eq((int)N(r, "status"), 2);
	ck_assert_str_eq(S(r, "step"), "assignment");
	ck_assert_str_eq(S(r, "received_at"), FX_CLOCK_ISO);
	/* Wed 09:00 + 3 working days = Mon 09:00 */
	ck_assert_str_eq(S(r, "due_at"), "2025-10-20T09:00:00+07:00");
	ck_assert_str_eq(S(r, "applicant.id_number"), FX_CITIZEN);
	ck_assert_str_eq(S(r, "applicant.phone"), "0912345678");
	{
		const cJSON *bd = cJSON_GetObjectItemCaseSensitive(sbxh_at(r->json, "form"),
								   "child.birth_date");

		ck_assert(cJSON_IsString(bd));
		ck_assert_str_eq(bd->valuestring, "2025-10-01");
	}
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "components.2.from_national")));
	ck_assert_str_eq(S(r, "log.0.action"), "submit");
	ck_assert_str_eq(S(r, "log.0.user.login"), FX_RECEPTION);
	ck_assert_str_eq(S(r, "log.0.note"), "hồ sơ giấy đủ");
	ck_assert_str_eq(S(r, "apology_deadline_at"), "2025-10-17T09:00:00+07:00");
	ck_assert_int_eq((int)N(r, "remaining_working_minutes"), 1440);
	/* the replay gets the same reply; no second dossier */
	again = call(&rq);
	ck_assert_int_eq(again->status, 201);
	ck_assert_str_eq(again->replayed, "true");
	ck_assert_str_eq(again->body, r->body);
	ck_assert_str_eq(again->location, loc);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossier_log WHERE note = 'hồ sơ giấy đủ'"), 1);
	/* same key, another body: refused */
	rq.body = BIRTH_BODY(",\"note\":\"khác\"");
	expect_error(call(&rq), 422, "idempotency_key_reused");
	/* no key: refused */
	rq.idempotency_key = NULL;
	expect_error(call(&rq), 400, "idempotency_key_required");
	/* the next code of the day */
	r = GET(T(FX_RECEPTION), "/api/v1/dossiers/%s", intake(NULL));
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_gt(S(r, "code"), code);
}
END_TEST

START_TEST(intake_invalid)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *r;
	struct sbxh_req rq = { .token = t, .path = "/api/v1/dossiers" };
#define TRY(body_) (rq.body = (body_), rq.idempotency_key = newkey(), call(&rq))

	r = TRY("{\"procedure_code\":\"" FX_PROC_BIRTH "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"applicant.id_number\":\"" FX_CITIZEN "\",\"applicant.full_name\":\"A\","
		"\"child.birth_date\":\"01/10/2025\",\"child.sex\":\"Nam\"}}");
	expect_error(r, 400, "missing_field");
	ck_assert_str_eq(S(r, "error.field"), "form.child.full_name");
	r = TRY("{\"procedure_code\":\"" FX_PROC_BIRTH "\",\"applicant\":{\"name\":\"A\",\"id_number\":\"12ab\"}}");
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "applicant.id_number");
	r = TRY("{\"procedure_code\":\"9.999\",\"applicant\":{\"name\":\"A\"}}");
	expect_error(r, 422, "unknown_procedure");
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"A\"},\"colour\":1}");
	expect_error(r, 400, "unknown_field");
	ck_assert_str_eq(S(r, "error.field"), "colour");
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"document.name\":\"Bằng\",\"document.pages\":\"two\"}}");
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "form.document.pages");
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"document.name\":\"Bằng\",\"document.pages\":2,\"document.x\":\"y\"}}");
	expect_error(r, 400, "unknown_field");
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"channel\":\"pigeon\",\"applicant\":{\"name\":\"A\"}}");
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "channel");
	r = TRY("{\"procedure_code\":\"" FX_PROC_BIRTH "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"applicant.id_number\":\"" FX_CITIZEN "\",\"applicant.full_name\":\"A\","
		"\"child.full_name\":\"B\",\"child.birth_date\":\"31/02/2025\",\"child.sex\":\"Nam\"}}");
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "form.child.birth_date");
	r = TRY("{\"procedure_code\":\"" FX_PROC_BIRTH "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"applicant.id_number\":\"" FX_CITIZEN "\",\"applicant.full_name\":\"A\","
		"\"child.full_name\":\"B\",\"child.birth_date\":\"01/10/2025\",\"child.sex\":\"X\"}}");
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "form.child.sex");
	/* at the desk only a complete dossier is entered */
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"document.name\":\"Bằng\",\"document.pages\":2},"
		"\"components\":[{\"seq\":1,\"provided\":false}]}");
	expect_error(r, 422, "incomplete_dossier");
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"A\"},"
		"\"form\":{\"document.name\":\"Bằng\",\"document.pages\":2},"
		"\"components\":[{\"seq\":1,\"from_national\":true}]}");
	expect_error(r, 422, "invalid_field");
	r = TRY("{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"A\"},"
		"\"components\":[{\"seq\":9}]}");
	expect_error(r, 400, "missing_field");	/* form first */
	/* only reception takes in */
	rq.token = T(FX_SPECIALIST);
	r = TRY(BIRTH_BODY(""));
	expect_error(r, 403, "role_forbidden");
#undef TRY
}
END_TEST

START_TEST(intake_cutoff)
{
	struct sbxh_reply *r;
	const char *body = "{\"procedure_code\":\"" FX_PROC_COPY "\",\"applicant\":{\"name\":\"Lê Văn C\"},"
			   "\"form\":{\"document.name\":\"Bằng tốt nghiệp\",\"document.pages\":\"3\"}}";

	r = GET(T(FX_RECEPTION), "/api/v1/dossiers/%s", intake(body));
	ck_assert_str_eq(S(r, "due_at"), "2025-10-15T17:00:00+07:00");
	ck_assert_int_eq((int)N(r, "fee"), 2000);
	set_clock("2025-10-15T15:30:00+07:00");
	r = GET(T(FX_RECEPTION), "/api/v1/dossiers/%s", intake(body));
	ck_assert_str_eq(S(r, "received_at"), "2025-10-15T15:30:00+07:00");
	ck_assert_str_eq(S(r, "due_at"), "2025-10-16T17:00:00+07:00");
	/* Friday after the cut-off: due Monday */
	set_clock("2025-10-17T16:00:00+07:00");
	r = GET(T(FX_RECEPTION), "/api/v1/dossiers/%s", intake(body));
	ck_assert_str_eq(S(r, "due_at"), "2025-10-20T17:00:00+07:00");
	ck_assert_msg(!strncmp(S(r, "code"), "FX1-251017-0001", 15), "%s", S(r, "code"));
	set_clock(FX_CLOCK_ISO);
}
END_TEST

START_TEST(intake_online_accept)
{
	const char *body = "{\"procedure_code\":\"" FX_PROC_COPY "\",\"channel\":2,"
			   "\"applicant\":{\"name\":\"Phạm Văn D\",\"email\":\"d@example.vn\"},"
			   "\"form\":{\"document.name\":\"Học bạ\",\"document.pages\":5},"
			   "\"components\":[{\"seq\":1,\"provided\":false}]}";
	const char *code = intake(body);
	struct sbxh_reply *r = GET(T(FX_RECEPTION), "/api/v1/dossiers/%s", code);

	ck_assert_int_eq((int)N(r, "status"), 1);
	ck_assert_str_eq(S(r, "channel_name"), "online");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "received_at")));
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "due_at")));
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "log.0.user")));
	set_clock("2025-10-15T10:00:00+07:00");
	r = ACT(T(FX_RECEPTION), code, "accept", NULL, "\"v1\"");
	ck_assert_msg(r->status == 200, "%s", r->body);
	ck_assert_int_eq((int)N(r, "status"), 2);
	ck_assert_int_eq((int)N(r, "version"), 2);
	ck_assert_str_eq(r->etag, "\"v2\"");
	ck_assert_str_eq(S(r, "received_at"), "2025-10-15T10:00:00+07:00");
	ck_assert_str_eq(S(r, "due_at"), "2025-10-15T17:00:00+07:00");
	ck_assert_str_eq(S(r, "log.1.action"), "accept");
	ck_assert_int_eq((int)N(r, "log.1.from_status"), 1);
	ck_assert_int_eq((int)N(r, "log.1.to_status"), 2);
	expect_error(ACT(T(FX_RECEPTION), code, "accept", NULL, NULL), 422, "invalid_state");
	set_clock(FX_CLOCK_ISO);
}
END_TEST

/* ---- workflow ------------------------------------------------------------- */

static struct sbxh_reply *ok(struct sbxh_reply *r, int status, const char *step)
{
	ck_assert_msg(r->status == 200, "%ld %s", r->status, r->body);
	ck_assert_int_eq((int)N(r, "status"), status);
	ck_assert_str_eq(S(r, "step"), step);
	return r;
}

START_TEST(workflow_full)
{
	const char *code = intake(NULL);
	struct sbxh_reply *r;

	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", "\"v1\""),
	   4, "processing");
	r = ok(ACT(T(FX_SPECIALIST), code, "forward-signing", "{\"note\":\"đủ điều kiện\"}", "\"v2\""),
	       4, "signing");
	ck_assert_str_eq(S(r, "assignee.login"), FX_SPECIALIST);
	ok(ACT(T(FX_LEADER), code, "approve", NULL, "\"v3\""), 4, "issue");
	set_clock("2025-10-16T10:00:00+07:00");
	r = ok(ACT(T(FX_RECORDS), code, "result-ready", NULL, "\"v4\""), 9, "return");
	ck_assert_str_eq(S(r, "finished_at"), "2025-10-16T10:00:00+07:00");
	ck_assert_str_eq(S(r, "timeliness"), "early");
	r = ok(ACT(T(FX_RECEPTION), code, "return-result", NULL, "\"v5\""), 10, "done");
	ck_assert_str_eq(S(r, "returned_at"), "2025-10-16T10:00:00+07:00");
	ck_assert_int_eq(count(r, "log"), 6);
	ck_assert_str_eq(S(r, "log.1.note"), "Phân công chuyên viên " FX_SPECIALIST_NAME " thụ lý");
	ck_assert_str_eq(S(r, "log.1.role"), "leader");
	ck_assert_int_eq(count(r, "allowed_actions"), 0);
	ck_assert_int_eq((int)N(r, "version"), 6);
	set_clock(FX_CLOCK_ISO);
}
END_TEST

START_TEST(workflow_refused)
{
	const char *code = intake(NULL);
	struct sbxh_reply *r;

	r = ACT(T(FX_SPECIALIST), code, "accept", NULL, NULL);
	expect_error(r, 403, "role_forbidden");
	expect_error(ACT(T(FX_RECEPTION), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL),
		     403, "role_forbidden");
	expect_error(ACT(T(FX_LEADER), code, "approve", NULL, NULL), 422, "invalid_state");
	expect_error(ACT(T(FX_RECEPTION), code, "return-result", NULL, NULL), 422, "invalid_state");
	r = ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_RECEPTION "\"}", NULL);
	expect_error(r, 422, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "assignee");
	expect_error(ACT(T(FX_LEADER), code, "assign", "{}", NULL), 400, "missing_field");
	expect_error(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\",\"x\":1}", NULL),
		     400, "unknown_field");
	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL), 4, "processing");
	expect_error(ACT(T(FX_SPECIALIST2), code, "forward-signing", NULL, NULL), 403, "not_assignee");
	expect_error(ACT(T(FX_RECORDS), code, "result-ready", NULL, NULL), 422, "invalid_state");
	/* reassignment by the leader */
	r = ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST2 "\"}", NULL),
	       4, "processing");
	ck_assert_str_eq(S(r, "assignee.login"), FX_SPECIALIST2);
	/* unknown actions and methods */
	expect_error(ACT(T(FX_LEADER), code, "bless", NULL, NULL), 404, "unknown_action");
	expect_error(GET(T(FX_LEADER), "/api/v1/dossiers/%s/actions/assign", code), 405,
		     "method_not_allowed");
	expect_error(ACT(T(FX_LEADER), "FX2-251001-0001", "assign", NULL, NULL), 404, "not_found");
	expect_error(ACT(T(FX_LEADER), code, "assign", "[]", NULL), 400, "invalid_body");
}
END_TEST

START_TEST(workflow_reasons)
{
	const char *code = intake(NULL), *code2 = intake(NULL), *code3;
	struct sbxh_reply *r;

	r = ACT(T(FX_RECEPTION), code, "withdraw", "{}", NULL);
	expect_error(r, 400, "missing_field");
	ck_assert_str_eq(S(r, "error.field"), "reason");
	r = ok(ACT(T(FX_RECEPTION), code, "withdraw", "{\"reason\":\"công dân rút hồ sơ\"}", NULL),
	       7, "done");
	ck_assert_str_eq(S(r, "log.1.note"), "công dân rút hồ sơ");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "remaining_working_minutes")));
	ok(ACT(T(FX_LEADER), code2, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL), 4, "processing");
	expect_error(ACT(T(FX_LEADER), code2, "stop", NULL, NULL), 400, "missing_field");
	ok(ACT(T(FX_LEADER), code2, "stop", "{\"reason\":\"không đủ điều kiện\"}", NULL), 8, "done");
	/* refusal at reception, of an online filing */
	code3 = intake("{\"procedure_code\":\"" FX_PROC_COPY "\",\"channel\":\"online\","
		       "\"applicant\":{\"name\":\"E\"},\"form\":{\"document.name\":\"X\",\"document.pages\":1}}");
	expect_error(ACT(T(FX_RECEPTION), code3, "refuse", NULL, NULL), 400, "missing_field");
	ok(ACT(T(FX_RECEPTION), code3, "refuse", "{\"reason\":\"không thuộc thẩm quyền\"}", NULL), 3, "done");
}
END_TEST

START_TEST(workflow_payment)
{
	const char *code = intake(NULL);

	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL), 4, "processing");
	ok(ACT(T(FX_SPECIALIST), code, "forward-signing", NULL, NULL), 4, "signing");
	expect_error(ACT(T(FX_LEADER), code, "approve", "{\"financial_obligation\":-1}", NULL),
		     400, "invalid_field");
	ok(ACT(T(FX_LEADER), code, "approve", "{\"financial_obligation\":500000}", NULL), 6, "issue");
	expect_error(ACT(T(FX_RECORDS), code, "result-ready", NULL, NULL), 422, "invalid_state");
	ok(ACT(T(FX_RECEPTION), code, "confirm-payment", NULL, NULL), 4, "issue");
	ok(ACT(T(FX_RECORDS), code, "result-ready", NULL, NULL), 9, "return");
}
END_TEST

START_TEST(if_match_conflict)
{
	const char *code = intake(NULL);
	struct sbxh_reply *r;

	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", "\"v1\""),
	   4, "processing");
	/* a second leader screen still at v1 */
	r = ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST2 "\"}", "\"v1\"");
	expect_error(r, 409, "version_conflict");
	ck_assert_int_eq((int)N(r, "error.current_version"), 2);
	ck_assert_str_eq(r->etag, "\"v2\"");
	r = GET(T(FX_LEADER), "/api/v1/dossiers/%s", code);
	ck_assert_str_eq(S(r, "assignee.login"), FX_SPECIALIST);	/* unchanged */
	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST2 "\"}", "v2"),
	   4, "processing");
	ok(ACT(T(FX_SPECIALIST2), code, "forward-signing", NULL, "*"), 4, "signing");
	expect_error(ACT(T(FX_LEADER), code, "approve", NULL, "\"version-3\""), 400, "invalid_header");
	expect_error(ACT(T(FX_LEADER), code, "approve", NULL, "\"v\""), 400, "invalid_header");
}
END_TEST

START_TEST(action_idempotent)
{
	const char *code = intake(NULL);
	struct sbxh_req rq = { .token = T(FX_LEADER), .method = "POST",
			       .body = "{\"assignee\":\"" FX_SPECIALIST "\"}",
			       .idempotency_key = newkey() };
	char path[128];
	struct sbxh_reply *a, *b;

	snprintf(path, sizeof path, "/api/v1/dossiers/%s/actions/assign", code);
	rq.path = path;
	rq.if_match = "\"v1\"";
	a = call(&rq);
	ck_assert_int_eq(a->status, 200);
	b = call(&rq);	/* a retry after a lost reply: same answer, no second change */
	ck_assert_int_eq(b->status, 200);
	ck_assert_str_eq(b->replayed, "true");
	ck_assert_str_eq(a->body, b->body);
	ck_assert_str_eq(b->etag, "\"v2\"");
	ck_assert_int_eq((int)Q("SELECT version FROM dossiers WHERE code = '%s'", code), 2);
	ck_assert_int_eq((int)Q("SELECT count(*) FROM dossier_log WHERE dossier_code = '%s'", code), 2);
}
END_TEST

START_TEST(supplement_moves_due)
{
	const char *code = intake(NULL);
	struct sbxh_reply *r;
	char want[512];

	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL), 4, "processing");
	expect_error(ACT(T(FX_SPECIALIST), code, "request-supplement", "{}", NULL), 400, "missing_field");
	expect_error(ACT(T(FX_SPECIALIST), code, "request-supplement", "{\"missing\":[9]}", NULL),
		     400, "invalid_field");
	r = ok(ACT(T(FX_SPECIALIST), code, "request-supplement",
		   "{\"missing\":[2],\"note\":\"thiếu giấy chứng sinh bản chính\"}", NULL), 5, "processing");
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "components.1.provided")));
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "overdue")));
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "remaining_working_minutes")));
	/* the log says it as the seeded logs do: by the component's name */
	snprintf(want, sizeof want, "Yêu cầu bổ sung, hoàn thiện hồ sơ: %s; thiếu giấy chứng sinh bản chính",
		 S(r, "components.1.name"));
	ck_assert_str_eq(S(r, "log.2.note"), want);
	/* two days later the applicant brings it */
	set_clock("2025-10-17T09:00:00+07:00");
	expect_error(ACT(T(FX_SPECIALIST), code, "receive-supplement", NULL, NULL), 403, "role_forbidden");
	r = ok(ACT(T(FX_RECEPTION), code, "receive-supplement", NULL, NULL), 4, "processing");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "components.1.provided")));
	/* the time restarts from the complete dossier: Fri 09:00 + 3 days */
	ck_assert_str_eq(S(r, "due_at"), "2025-10-22T09:00:00+07:00");
	ck_assert_str_eq(S(r, "received_at"), FX_CLOCK_ISO);
	ck_assert_int_eq(count(r, "due_history"), 1);
	ck_assert_str_eq(S(r, "due_history.0.old_due_at"), "2025-10-20T09:00:00+07:00");
	ck_assert_str_eq(S(r, "due_history.0.new_due_at"), "2025-10-22T09:00:00+07:00");
	ck_assert_str_eq(S(r, "due_history.0.reason"), "supplement");
	ck_assert_str_eq(S(r, "due_history.0.changed_at"), "2025-10-17T09:00:00+07:00");
	/* a supplement before assignment returns to assignment */
	{
		const char *c2 = intake(NULL);

		ok(ACT(T(FX_RECEPTION), c2, "request-supplement", "{\"note\":\"ảnh\"}", NULL), 5, "assignment");
		ok(ACT(T(FX_RECEPTION), c2, "receive-supplement", NULL, NULL), 2, "assignment");
	}
	set_clock(FX_CLOCK_ISO);
}
END_TEST

START_TEST(apology_once)
{
	const char *code = intake(NULL);
	struct sbxh_reply *r;

	ok(ACT(T(FX_LEADER), code, "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL), 4, "processing");
	expect_error(ACT(T(FX_LEADER), code, "reschedule", "{\"reason\":\"x\"}", NULL), 400, "missing_field");
	r = ACT(T(FX_LEADER), code, "reschedule",
		"{\"reason\":\"x\",\"new_due_at\":\"next week\"}", NULL);
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "new_due_at");
	r = ACT(T(FX_LEADER), code, "reschedule",
		"{\"reason\":\"x\",\"new_due_at\":\"2025-10-20T08:00:00+07:00\"}", NULL);
	expect_error(r, 422, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "new_due_at");
	expect_error(ACT(T(FX_SPECIALIST2), code, "reschedule",
			 "{\"reason\":\"x\",\"new_due_at\":\"2025-10-24T09:00:00+07:00\"}", NULL),
		     403, "not_assignee");
	r = ok(ACT(T(FX_SPECIALIST), code, "reschedule",
		   "{\"reason\":\"cần xác minh thêm\",\"new_due_at\":\"2025-10-24T09:00:00+07:00\"}", NULL),
	       4, "processing");
	ck_assert_str_eq(S(r, "due_at"), "2025-10-24T09:00:00+07:00");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "apology_used")));
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "apology_deadline_at")));
	ck_assert_str_eq(S(r, "due_history.0.reason"), "apology");
	ck_assert_str_eq(S(r, "due_history.0.old_due_at"), "2025-10-20T09:00:00+07:00");
	r = ACT(T(FX_LEADER), code, "reschedule",
		"{\"reason\":\"again\",\"new_due_at\":\"2025-10-30T09:00:00Z\"}", NULL);
	expect_error(r, 422, "apology_used");
}
END_TEST

START_TEST(apology_too_late)
{
	const char *code = intake(NULL);
	struct sbxh_reply *r;

	/* due Mon 20 Oct 09:00: the apology must go by Fri 17 Oct 09:00 */
	set_clock("2025-10-17T09:00:00+07:00");
	r = GET(T(FX_LEADER), "/api/v1/dossiers/%s", code);
	ck_assert_str_eq(S(r, "apology_deadline_at"), "2025-10-17T09:00:00+07:00");
	set_clock("2025-10-17T09:15:00+07:00");
	r = GET(T(FX_LEADER), "/api/v1/dossiers/%s", code);
	{
		const cJSON *it;

		cJSON_ArrayForEach(it, sbxh_at(r->json, "allowed_actions"))
			ck_assert_str_ne(it->valuestring, "reschedule");
	}
	r = ACT(T(FX_LEADER), code, "reschedule",
		"{\"reason\":\"trễ\",\"new_due_at\":\"2025-10-24T09:00:00+07:00\"}", NULL);
	expect_error(r, 422, "apology_too_late");
	ck_assert_msg(strstr(S(r, "error.message"), "2025-10-17T09:00:00+07:00") != NULL, "%s", r->body);
	set_clock(FX_CLOCK_ISO);
}
END_TEST

START_TEST(changed_since)
{
	const char *t = T(FX_SPECIALIST);
	struct sbxh_reply *r = GET(t, "/api/v1/dossiers?status=4&per_page=1");
	char cursor[32], cursor2[32];
	const char *code = "FX1-251001-0003";	/* status 4, assigned to cv1 */

	snprintf(cursor, sizeof cursor, "%s", S(r, "cursor"));
	r = GET(t, "/api/v1/dossiers?status=4&changed_since=%s", cursor);
	ck_assert_int_eq(count(r, "items"), 0);
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "more")));
	ck_assert_str_eq(S(r, "cursor"), cursor);
	/* one dossier leaves the filter, another one changes within it */
	ok(ACT(t, code, "request-supplement", "{\"note\":\"thiếu\"}", NULL), 5, "processing");
	ok(ACT(T(FX_LEADER), "FX1-251001-0009", "assign", "{\"assignee\":\"" FX_SPECIALIST "\"}", NULL),
	   4, "processing");
	r = GET(t, "/api/v1/dossiers?status=4&changed_since=%s", cursor);
	ck_assert_int_eq(count(r, "items"), 2);
	ck_assert_str_eq(S(r, "items.0.code"), code);
	ck_assert_int_eq((int)N(r, "items.0.status"), 5);
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "items.0.matches_filter")));
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "items.1.matches_filter")));
	snprintf(cursor2, sizeof cursor2, "%s", S(r, "cursor"));
	ck_assert_int_eq(atoi(cursor2), atoi(cursor) + 2);
	/* page through changes one at a time */
	r = GET(t, "/api/v1/dossiers?changed_since=%s&per_page=1", cursor);
	ck_assert_int_eq(count(r, "items"), 1);
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "more")));
	r = GET(t, "/api/v1/dossiers?changed_since=%s&per_page=1", S(r, "cursor"));
	ck_assert_str_eq(S(r, "items.0.code"), "FX1-251001-0009");
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "more")));
	ck_assert_str_eq(S(r, "cursor"), cursor2);
	r = GET(t, "/api/v1/dossiers?changed_since=%s", cursor2);
	ck_assert_int_eq(count(r, "items"), 0);
	expect_error(GET(t, "/api/v1/dossiers?changed_since=abc"), 400, "invalid_parameter");
	expect_error(GET(t, "/api/v1/dossiers?changed_since=1&page=2"), 400, "invalid_parameter");
}
END_TEST

START_TEST(overdue_follows_clock)
{
	const char *t = T(FX_LEADER);
	int before = (int)N(GET(t, "/api/v1/dossiers?overdue=1"), "total"), after;
	char etag[128];
	struct sbxh_reply *r = GET(t, "/api/v1/dossiers?overdue=1");

	snprintf(etag, sizeof etag, "%s", r->etag);
	set_clock("2025-10-20T09:00:00+07:00");
	r = call(&(struct sbxh_req){ .path = "/api/v1/dossiers?overdue=1", .token = T(FX_LEADER),
				     .if_none_match = etag });
	ck_assert_int_eq(r->status, 200);	/* time moved: not the same reply */
	after = (int)N(r, "total");
	ck_assert_int_gt(after, before);
	set_clock(FX_CLOCK_ISO);
}
END_TEST

/* ---- faults --------------------------------------------------------------- */

START_TEST(faults_at_start)
{
	struct sbxh_reply *r = GET(NULL, "/api/v1");

	ck_assert_int_ge(r->status, 500);
	ck_assert_int_le(r->status, 504);
	ck_assert_str_eq(S(r, "error.code"), "injected_fault");
	ck_assert_str_eq(r->retry_after, "1");
	/* the admin endpoints are never faulted */
	r = GET(NULL, "/_sandbox/faults");
	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq((int)N(r, "fail_rate"), 100);
	ck_assert_int_ge((int)N(r, "counters.failed"), 1);
	set_faults("{\"fail_rate\":0}");
	ck_assert_int_eq(GET(NULL, "/api/v1")->status, 200);
	/* an injected failure does no work: the login is not throttled */
	set_faults("{\"fail_rate\":100}");
	for (int i = 0; i < 3; i++)
		ck_assert_int_ge(POST(NULL, "/api/v1/auth/login", "{}")->status, 500);
	set_faults("{\"reset\":true}");
}
END_TEST

static void statuses(char *out, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = GET(NULL, "/api/v1")->status == 200 ? '.' : 'F';
	out[n] = '\0';
}

START_TEST(faults_fail_share_deterministic)
{
	char a[101], b[101];
	int fails = 0;
	struct sbxh_reply *r;

	set_faults("{\"reset\":true,\"fail_rate\":30,\"seed\":42}");
	statuses(a, 100);
	for (int i = 0; i < 100; i++)
		fails += a[i] == 'F';
	ck_assert_msg(fails >= 15 && fails <= 45, "%d failures of 100 at 30%%", fails);
	r = GET(NULL, "/_sandbox/faults");
	ck_assert_int_eq((int)N(r, "counters.failed"), fails);
	ck_assert_int_eq((int)N(r, "counters.requests"), 100);
	/* same seed, same sequence */
	set_faults("{\"fail_rate\":30,\"seed\":42}");
	statuses(b, 100);
	ck_assert_str_eq(a, b);
	set_faults("{\"seed\":43}");
	statuses(b, 100);
	ck_assert_str_ne(a, b);
	set_faults("{\"reset\":true}");
}
END_TEST

START_TEST(faults_drop_and_retry)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_req rq = { .token = t, .path = "/api/v1/dossiers", .body = BIRTH_BODY(""),
			       .idempotency_key = newkey() };
	struct sbxh_reply *r;
	long long before = Q("SELECT count(*) FROM dossiers");

	set_faults("{\"reset\":true,\"drop_rate\":100}");
	r = GET(t, "/api/v1/dossiers");
	ck_assert_int_eq(r->curl_rc, CURLE_PARTIAL_FILE);
	ck_assert(r->json == NULL);
	/* the intake is done, only its reply is lost ... */
	r = call(&rq);
	ck_assert_int_ne(r->curl_rc, 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers"), before + 1);
	/* ... and the retry with the same key gets it, without a second dossier */
	set_faults("{\"drop_rate\":0}");
	r = call(&rq);
	ck_assert_int_eq(r->status, 201);
	ck_assert_str_eq(r->replayed, "true");
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers"), before + 1);
	r = GET(NULL, "/_sandbox/faults");
	ck_assert_int_eq((int)N(r, "counters.dropped"), 0);	/* counters restart on change */
	set_faults("{\"reset\":true}");
}
END_TEST

START_TEST(faults_garble)
{
	const char *t = T(FX_RECEPTION);
	int html = 0;

	set_faults("{\"reset\":true,\"garble_rate\":100}");
	for (int i = 0; i < 12; i++) {
		struct sbxh_reply *r = GET(t, "/api/v1/dossiers?per_page=%d", i + 1);

		ck_assert_int_eq(r->status, 200);
		ck_assert_int_eq(r->curl_rc, 0);
		ck_assert_msg(r->json == NULL, "reply %d still parses: %.80s", i, r->body);
		html += !strncmp(r->content_type, "text/html", 9);
	}
	ck_assert_int_gt(html, 0);
	ck_assert_int_eq((int)N(GET(NULL, "/_sandbox/faults"), "counters.garbled"), 12);
	set_faults("{\"reset\":true}");
	ck_assert(GET(t, "/api/v1/dossiers")->json != NULL);
}
END_TEST

START_TEST(faults_latency_bandwidth_drip)
{
	const char *t = T(FX_RECEPTION);
	struct sbxh_reply *r, *plain;

	set_faults("{\"reset\":true,\"latency_ms\":300}");
	r = GET(NULL, "/api/v1");
	ck_assert_int_eq(r->status, 200);
	ck_assert_msg(r->seconds >= 0.3, "%.3f s", r->seconds);
	ck_assert_msg(GET(NULL, "/_sandbox/health")->seconds < 0.3, "admin delayed");
	/* about 4 KB at 4000 bytes/s */
	set_faults("{\"reset\":true}");
	plain = GET(t, "/api/v1/dossiers?per_page=10");
	ck_assert_uint_gt(plain->len, 3500);
	set_faults("{\"reset\":true,\"bandwidth\":4000}");
	r = GET(t, "/api/v1/dossiers?per_page=10");
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(r->body, plain->body);
	ck_assert_msg(r->seconds >= (double)plain->len / 4000 - 0.15, "%.3f s for %zu bytes",
		      r->seconds, r->len);
	/* drip: 16 bytes every 20 ms */
	set_faults("{\"reset\":true,\"drip\":true,\"drip_bytes\":16,\"drip_interval_ms\":20}");
	r = GET(NULL, "/api/v1");
	ck_assert_int_eq(r->status, 200);
	ck_assert(r->json != NULL);
	ck_assert_msg(r->seconds >= (double)(r->len / 16 - 1) * 0.02 * 0.9, "%.3f s for %zu bytes",
		      r->seconds, r->len);
	set_faults("{\"reset\":true}");
}
END_TEST

START_TEST(faults_admin_input)
{
	struct sbxh_reply *r;

	r = POST(NULL, "/_sandbox/faults", "{\"fail_rate\":101}");
	expect_error(r, 400, "invalid_field");
	ck_assert_str_eq(S(r, "error.field"), "fail_rate");
	expect_error(POST(NULL, "/_sandbox/faults", "{\"chaos\":1}"), 400, "unknown_field");
	expect_error(POST(NULL, "/_sandbox/faults", "{\"drip\":\"yes\"}"), 400, "invalid_field");
	expect_error(POST(NULL, "/_sandbox/faults", "{\"bandwidth\":5}"), 400, "invalid_field");
	expect_error(POST(NULL, "/_sandbox/faults", "nope"), 400, "invalid_json");
	expect_error(POST(NULL, "/_sandbox/clock", "{\"now\":\"yesterday\"}"), 400, "invalid_field");
	expect_error(POST(NULL, "/_sandbox/clock", "{\"now\":\"2300-01-01T00:00:00Z\"}"), 400,
		     "invalid_field");
	expect_error(GET(NULL, "/_sandbox/nothing"), 404, "not_found");
	r = POST(NULL, "/_sandbox/clock", "{\"advance_seconds\":3600}");
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "now"), "2025-10-15T10:00:00+07:00");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "frozen")));
	set_clock(FX_CLOCK_ISO);
	r = GET(NULL, "/_sandbox/faults");
	ck_assert_int_eq((int)N(r, "fail_rate"), 0);
}
END_TEST

/* ---- life cycle ----------------------------------------------------------- */

START_TEST(restart_keeps_data)
{
	struct sbxh_reply *r;
	const char *code;
	char saved[64];
	static const char *const args[] = { "--seed", "7", NULL };

	start_fixture_server(NULL);
	code = intake(NULL);
	snprintf(saved, sizeof saved, "%s", code);
	set_clock("2025-11-03T08:30:00+07:00");
	ck_assert_int_eq(sbxh_stop(&H), 0);
	/* no clock option: the database keeps the sandbox time */
	ck_assert_int_eq(sbxh_start(&H, args), 0);
	r = GET(NULL, "/_sandbox/clock");
	ck_assert_str_eq(S(r, "now"), "2025-11-03T08:30:00+07:00");
	r = GET(T(FX_RECEPTION), "/api/v1/dossiers/%s", saved);
	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq(sbxh_stop(&H), 0);
	sbxh_cleanup(&H);
}
END_TEST

START_TEST(fresh_database_seeded)
{
	static const char *const args[] = { "--clock", FX_CLOCK, "--freeze-clock", "--dossiers", "300",
		"--citizens", "300", "--enterprises", "40", NULL };
	struct sbxh_reply *r;

	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_int_eq(sbxh_start(&H, args), 0);
	r = GET(NULL, "/_sandbox/health");
	ck_assert_int_eq(r->status, 200);
	if (sbx_accounts[0].login) {	/* the seed generator is linked in */
		char *tok = sbxh_login(&H, sbx_accounts[0].login, sbx_accounts[0].password);

		ck_assert_int_eq((int)N(r, "counts.dossiers"), 300);
		ck_assert_msg(tok != NULL, "training account %s cannot log in", sbx_accounts[0].login);
		r = GET(tok, "/api/v1/dossiers?per_page=5");
		ck_assert_int_eq(r->status, 200);
		ck_assert_int_gt((int)N(r, "total"), 0);
		r = GET(tok, "/api/v1/procedures");
		ck_assert_int_gt((int)N(r, "total"), 0);
		free(tok);
	}
	ck_assert_int_eq(sbxh_stop(&H), 0);
	/* --reset makes a new one; a file that is not a sandbox database is kept */
	{
		static const char *const reset[] = { "--reset", "--dossiers", "10", "--citizens", "200",
			"--enterprises", "20", NULL };
		FILE *f;

		ck_assert_int_eq(sbxh_start(&H, reset), 0);
		ck_assert_int_eq(sbxh_stop(&H), 0);
		f = fopen(H.db, "w");
		fputs("precious", f);
		fclose(f);
		ck_assert_int_ne(sbxh_start(&H, reset), 0);
		f = fopen(H.db, "r");
		ck_assert(f != NULL);
		fclose(f);
	}
	sbxh_cleanup(&H);
}
END_TEST

/* ---- suite ---------------------------------------------------------------- */

static TCase *tc(Suite *s, const char *name, void (*setup)(void))
{
	TCase *t = tcase_create(name);

	if (setup)
		tcase_add_unchecked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	suite_add_tcase(s, t);
	return t;
}

static Suite *ref_suite(void)
{
	Suite *s = suite_create("sandbox reference dialect");
	TCase *t;

	t = tc(s, "read", setup_plain);
	tcase_add_test(t, login_ok);
	tcase_add_test(t, login_bad);
	tcase_add_test(t, login_throttled);
	tcase_add_test(t, auth_required);
	tcase_add_test(t, me_and_logout);
	tcase_add_test(t, session_expires);
	tcase_add_test(t, index_and_unknown);
	tcase_add_test(t, procedures);
	tcase_add_test(t, procedure_detail);
	tcase_add_test(t, units_and_users);
	tcase_add_test(t, list_paging);
	tcase_add_test(t, list_filters);
	tcase_add_test(t, list_etag_gzip_head);
	tcase_add_test(t, detail);
	tcase_add_test(t, lookup_citizen);
	tcase_add_test(t, lookup_enterprise);
	tcase_add_test(t, audit_list);
	tcase_add_test(t, stats);
	tcase_add_test(t, malformed_requests);

	t = tc(s, "write", setup_plain);
	tcase_add_test(t, intake_direct);
	tcase_add_test(t, intake_invalid);
	tcase_add_test(t, intake_cutoff);
	tcase_add_test(t, intake_online_accept);
	tcase_add_test(t, workflow_full);
	tcase_add_test(t, workflow_refused);
	tcase_add_test(t, workflow_reasons);
	tcase_add_test(t, workflow_payment);
	tcase_add_test(t, if_match_conflict);
	tcase_add_test(t, action_idempotent);
	tcase_add_test(t, supplement_moves_due);
	tcase_add_test(t, apology_once);
	tcase_add_test(t, apology_too_late);
	tcase_add_test(t, changed_since);
	tcase_add_test(t, overdue_follows_clock);

	t = tc(s, "faults", setup_faulty);
	tcase_add_test(t, faults_at_start);
	tcase_add_test(t, faults_fail_share_deterministic);
	tcase_add_test(t, faults_drop_and_retry);
	tcase_add_test(t, faults_garble);
	tcase_add_test(t, faults_latency_bandwidth_drip);
	tcase_add_test(t, faults_admin_input);

	t = tc(s, "lifecycle", NULL);
	tcase_add_test(t, restart_keeps_data);
	tcase_add_test(t, fresh_database_seeded);
	return s;
}

int main(void)
{
	return sbxh_run_suite(ref_suite());
}
