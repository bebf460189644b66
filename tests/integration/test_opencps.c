/* Integration tests of motcua-sandbox's opencps dialect
 * (sandbox/API_OPENCPS.md) against the real server on loopback
 * (sbx_harness), started with --dialect opencps on the fixture database
 * (tests/integration/fixture.c): Basic credentials and groupId, the guest
 * a wrong password gets, start/end pages with a cap, status words,
 * dd/MM/yyyy HH:mm:ss, the log and next actions apart, form-encoded
 * actions answered with the action record. The fixture's passwords are
 * "pw-" + login. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbx_harness.h"

static struct sbxh H;

#define NRING 16
static struct sbxh_reply ring[NRING];
static unsigned ring_i;

/* Basic base64("tn1:pw-tn1"), and of a wrong password ("tn1:wrong"). */
#define AUTH_TN1 "Authorization: Basic dG4xOnB3LXRuMQ=="
#define AUTH_WRONG "Authorization: Basic dG4xOndyb25n"
#define GROUP "groupId: 35417"

/* body: form-encoded, or JSON when it starts with '{'. */
static struct sbxh_reply *call(const char *method, const char *path, const char *auth,
			       const char *body)
{
	const char *headers[] = { GROUP, auth, NULL };
	struct sbxh_reply *r = &ring[ring_i++ % NRING];
	struct sbxh_req rq = { .method = method, .path = path, .headers = headers, .body = body,
			       .content_type = body && *body != '{' ? "application/x-www-form-urlencoded" : NULL };

	sbxh_reply_free(r);
	ck_assert_int_eq(sbxh_do(&H, &rq, r), 0);
	return r;
}

static struct sbxh_reply *GET(const char *path)
{
	return call("GET", path, AUTH_TN1, NULL);
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

static void setup(void)
{
	char err[512];
	static const char *const args[] = { "--dialect", "opencps", "--clock", FX_CLOCK,
		"--freeze-clock", NULL };

	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_msg(fx_create(H.db, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(sbxh_start(&H, args), 0);
}

static void teardown(void)
{
	ck_assert_int_eq(sbxh_stop(&H), 0);
	sbxh_cleanup(&H);
}

START_TEST(basic_credentials_and_the_group)
{
	const char *none[] = { AUTH_TN1, NULL };
	struct sbxh_reply r = { 0 };
	struct sbxh_req rq = { .path = "/o/rest/v2/dossiers", .headers = none };
	struct sbxh_reply *me;

	/* the site is not optional */
	ck_assert_int_eq(sbxh_do(&H, &rq, &r), 0);
	ck_assert_int_eq(r.status, 400);
	ck_assert_str_eq(S(&r, "description"), "invalid_header");
	ck_assert_int_eq((int)N(&r, "status"), 400);
	sbxh_reply_free(&r);
	me = call("POST", "/o/rest/v2/login", AUTH_TN1, NULL);
	ck_assert_int_eq(me->status, 200);
	ck_assert_str_eq(S(me, "screenName"), FX_RECEPTION);
	ck_assert_int_ne((int)N(me, "userId"), 20105);
	/* colleagues by screenName: the id an assignment names */
	me = GET("/o/rest/v2/users?screenName=" FX_SPECIALIST);
	ck_assert_int_eq((int)N(me, "total"), 1);
	ck_assert_str_eq(S(me, "data.0.fullName"), FX_SPECIALIST_NAME);
	ck_assert(cJSON_IsNumber(sbxh_at(me->json, "data.0.userId")));
}
END_TEST

START_TEST(a_wrong_password_is_served_as_the_guest)
{
	struct sbxh_reply *r = call("POST", "/o/rest/v2/login", AUTH_WRONG, NULL);

	/* no 401: the guest user, whom a client must recognise */
	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq((int)N(r, "userId"), 20105);
	r = call("GET", "/o/rest/v2/dossiers", AUTH_WRONG, NULL);
	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq((int)N(r, "total"), 0);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(r->json, "data")), 0);
	r = call("GET", "/o/rest/v2/serviceinfos", AUTH_WRONG, NULL);
	ck_assert_int_eq(r->status, 203);
	ck_assert_str_eq(S(r, "description"), "guest");
	/* no credentials at all: the guest too */
	r = call("GET", "/o/rest/v2/dossiers", GROUP, NULL);
	ck_assert_int_eq((int)N(r, "total"), 0);
}
END_TEST

START_TEST(start_end_pages_and_status_words)
{
	struct sbxh_reply *r = GET("/o/rest/v2/dossiers?start=0&end=250");
	const cJSON *it;
	int total = (int)N(r, "total");

	ck_assert_int_eq(r->status, 200);
	ck_assert_int_eq(total, FX_DOSSIERS);
	/* end exclusive: 10..19 */
	r = GET("/o/rest/v2/dossiers?start=10&end=20");
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(r->json, "data")), 10);
	r = GET("/o/rest/v2/dossiers?start=0&end=60&status=waiting,paying");
	ck_assert_int_gt((int)N(r, "total"), 0);
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(r->json, "data")) {
		const char *st = cJSON_GetObjectItem(it, "dossierStatus")->valuestring;
		const char *due = cJSON_GetObjectItem(it, "dueDate")->valuestring;

		ck_assert_msg(!strcmp(st, "waiting") || !strcmp(st, "paying"), "%s", st);
		/* dd/MM/yyyy HH:mm:ss, or "" when there is none */
		ck_assert_msg(!*due || (strlen(due) == 19 && due[2] == '/' && due[5] == '/' && due[13] == ':'),
			      "%s", due);
		ck_assert_str_ne(cJSON_GetObjectItem(it, "dossierNo")->valuestring, "");
		ck_assert(cJSON_IsNumber(cJSON_GetObjectItem(it, "dossierId")));
	}
	r = GET("/o/rest/v2/dossiers?status=archived");
	ck_assert_int_eq(r->status, 400);
	r = GET("/o/rest/v2/dossiers?start=5&end=15");
	ck_assert_int_eq(r->status, 400);
}
END_TEST

START_TEST(the_log_and_next_actions_apart_and_a_form_action)
{
	/* an online intake: a new dossier, in OpenCPS's names */
	struct sbxh_reply *r = call("POST", "/o/rest/v2/dossiers", AUTH_TN1,
				    "{\"serviceCode\":\"" FX_PROC_COPY "\",\"dossierChannel\":2,"
				    "\"applicantName\":\"Phạm Văn D\",\"contactEmail\":\"d@example.vn\","
				    "\"formData\":{\"document.name\":\"Học bạ\",\"document.pages\":5}}");
	char code[64], path[160];
	int before;

	ck_assert_msg(r->status == 200, "%s", r->body);
	ck_assert_str_eq(S(r, "applicantName"), "Phạm Văn D");
	ck_assert_str_eq(S(r, "receiveDate"), "");
	snprintf(code, sizeof code, "%s", S(r, "dossierNo"));
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s", code);
	r = GET(path);
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "dossierStatus"), "new");
	ck_assert_ptr_null(cJSON_GetObjectItem(r->json, "log"));
	ck_assert_ptr_null(cJSON_GetObjectItem(r->json, "allowedActions"));
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s/nextactions", code);
	r = GET(path);
	ck_assert_str_eq(S(r, "data.0.actionCode"), "1100");	/* accept */
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s/logs", code);
	before = (int)N(GET(path), "total");
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s/actions", code);
	r = call("POST", path, AUTH_TN1, "actionCode=1100&actionNote=%C4%91%E1%BB%A7+gi%E1%BA%A5y+t%E1%BB%9D");
	ck_assert_msg(r->status == 200, "%s", r->body);
	/* the action record, not the dossier */
	ck_assert_str_eq(S(r, "actionCode"), "1100");
	ck_assert_int_gt((int)N(r, "dossierActionId"), 0);
	ck_assert_ptr_null(cJSON_GetObjectItem(r->json, "dossierStatus"));
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s/logs", code);
	r = GET(path);
	ck_assert_int_eq((int)N(r, "total"), before + 1);
	snprintf(path, sizeof path, "data.%d.note", before);
	ck_assert_str_eq(S(r, path), "đủ giấy tờ");
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s", code);
	ck_assert_str_eq(S(GET(path), "dossierStatus"), "receiving");
	snprintf(path, sizeof path, "/o/rest/v2/dossiers/%s/actions", code);
	r = call("POST", path, AUTH_TN1, "actionCode=9999");
	ck_assert_int_eq(r->status, 404);
}
END_TEST

static Suite *opencps_suite(void)
{
	Suite *s = suite_create("sandbox opencps dialect");
	TCase *t = tcase_create("api");

	tcase_add_unchecked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	tcase_add_test(t, basic_credentials_and_the_group);
	tcase_add_test(t, a_wrong_password_is_served_as_the_guest);
	tcase_add_test(t, start_end_pages_and_status_words);
	tcase_add_test(t, the_log_and_next_actions_apart_and_a_form_action);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return sbxh_run_suite(opencps_suite());
}
