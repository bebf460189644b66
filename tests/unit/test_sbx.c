/* Unit tests of motcua-sandbox's pure parts: times, folding, entity tags,
 * Accept-Encoding, request targets and bodies, what the log masks, the
 * workflow rules and the fault plans. The HTTP behaviour is tested against the running server in
 * tests/integration/test_ref.c. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "sandbox/sbx_api_portal.h"
#include "sandbox/sbx_faults.h"
#include "sandbox/sbx_http.h"
#include "sandbox/sbx_util.h"
#include "sandbox/sbx_workflow.h"

static int64_t vn(int y, int mo, int d, int h, int mi)
{
	return cal_join(y, mo, d, h, mi, 0);
}

START_TEST(time_round_trip)
{
	char iso[WHEN_LEN];
	int64_t t;

	when_iso(vn(2025, 10, 15, 9, 0), iso, sizeof iso);
	ck_assert_str_eq(iso, "2025-10-15T09:00:00+07:00");
	ck_assert_int_eq(sbx_time_parse(iso, &t, NULL), 0);
	ck_assert_int_eq(t, vn(2025, 10, 15, 9, 0));
	ck_assert_int_eq(sbx_time_parse("2025-10-15T02:00:00Z", &t, NULL), 0);
	ck_assert_int_eq(t, vn(2025, 10, 15, 9, 0));
	ck_assert_int_eq(sbx_time_parse("2025-10-15 09:00", &t, NULL), 0);
	ck_assert_int_eq(t, vn(2025, 10, 15, 9, 0));
	ck_assert_int_eq(sbx_time_parse("2025-10-15T04:00:00.250+0200", &t, NULL), 0);
	ck_assert_int_eq(t, vn(2025, 10, 15, 9, 0));
	ck_assert_int_eq(sbx_time_parse("2025-10-14T21:00:00-05:00", &t, NULL), 0);
	ck_assert_int_eq(t, vn(2025, 10, 15, 9, 0));
}
END_TEST

START_TEST(time_rejects)
{
	static const char *const bad[] = {
		"", "2025-10-15", "2025-10-15T9:00", "2025-13-01T09:00", "2025-02-29T09:00",
		"2025-10-15T24:00", "2025-10-15T09:60", "2025-10-15T09:00:00+7", "1969-12-31T23:00Z",
		"2200-01-01T00:00+07:00", "2025-10-15T09:00 ", "2025-10-15T09:00:00.Z", "x",
	};
	struct err e;
	int64_t t;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		e.msg[0] = '\0';
		ck_assert_msg(sbx_time_parse(bad[i], &t, &e) < 0, "accepted \"%s\"", bad[i]);
		ck_assert(strstr(e.msg, "ISO 8601") != NULL);
	}
	ck_assert_int_eq(sbx_date_parse("2024-02-29", &t, NULL), 0);
	ck_assert_int_eq(t, vn(2024, 2, 29, 0, 0));
	ck_assert_int_lt(sbx_date_parse("2025-02-29", &t, NULL), 0);
	ck_assert_int_lt(sbx_date_parse("15/10/2025", &t, NULL), 0);
}
END_TEST

START_TEST(fold_vietnamese)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "Nguyễn Văn Đức", "nguyen van duc" },
		{ "TRẦN THỊ HỒNG NHUNG", "tran thi hong nhung" },
		{ "Phường Hoàn Kiếm", "phuong hoan kiem" },
		{ "Ưu Ơn Ỹ Ỵ", "uu on y y" },
		/* decomposed: base letters and combining marks */
		{ "Nguye\xcc\x82\xcc\x83n", "nguyen" },
		{ "ABC-123 \xff!", "abc-123 \xff!" },
		{ "日本", "日本" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *f = sbx_fold(cases[i].in);

		ck_assert_str_eq(f, cases[i].out);
		free(f);
	}
}
END_TEST

START_TEST(etags)
{
	ck_assert(sbx_etag_match_weak("\"v3\"", "\"v3\""));
	ck_assert(sbx_etag_match_weak("W/\"v3\"", "\"v3\""));
	ck_assert(sbx_etag_match_weak("\"a\", \"b\",W/\"v3\"", "\"v3\""));
	ck_assert(sbx_etag_match_weak("*", "\"v3\""));
	ck_assert(sbx_etag_match_weak("v3", "\"v3\""));
	ck_assert(!sbx_etag_match_weak("\"v30\"", "\"v3\""));
	ck_assert(!sbx_etag_match_weak("\"v3", "\"v3\""));
	ck_assert(!sbx_etag_match_weak(NULL, "\"v3\""));
	ck_assert(!sbx_etag_match_weak("", "\"v3\""));
	ck_assert(sbx_etag_match_strong("\"v3\"", "\"v3\""));
	ck_assert(!sbx_etag_match_strong("W/\"v3\"", "\"v3\""));
}
END_TEST

START_TEST(accept_encoding)
{
	ck_assert(sbx_accepts_gzip("gzip"));
	ck_assert(sbx_accepts_gzip("deflate, gzip;q=0.5"));
	ck_assert(sbx_accepts_gzip("GZIP"));
	ck_assert(sbx_accepts_gzip("*"));
	ck_assert(sbx_accepts_gzip("gzip;q=0.001"));
	ck_assert(!sbx_accepts_gzip("gzip;q=0"));
	ck_assert(!sbx_accepts_gzip("gzip; q=0.000"));
	ck_assert(!sbx_accepts_gzip("deflate, br"));
	ck_assert(!sbx_accepts_gzip("gzipx"));
	ck_assert(!sbx_accepts_gzip(""));
	ck_assert(!sbx_accepts_gzip(NULL));
}
END_TEST

START_TEST(targets)
{
	char t[] = "/api/v1/lookup/citizens/001%20085?q=nguy%E1%BB%85n+van&flag&=x&a=1%2";
	struct sbx_request rq;

	memset(&rq, 0, sizeof rq);
	sbx_parse_target(t, &rq);
	ck_assert_str_eq(rq.path, "/api/v1/lookup/citizens/001 085");
	ck_assert_int_eq(rq.nargs, 4);
	ck_assert_str_eq(sbx_req_arg(&rq, "q"), "nguyễn van");
	ck_assert_str_eq(sbx_req_arg(&rq, "flag"), "");
	ck_assert_str_eq(sbx_req_arg(&rq, ""), "x");
	ck_assert_str_eq(sbx_req_arg(&rq, "a"), "1%2");
	ck_assert(!rq.args_overflow);
	{
		char many[SBX_MAX_ARGS * 4 + 16] = "/x?";

		for (int i = 0; i <= SBX_MAX_ARGS; i++)
			strcat(many, "a&");
		sbx_parse_target(many, &rq);
		ck_assert(rq.args_overflow);
	}
}
END_TEST

static void masked(const char *in, const char *want)
{
	char buf[128];

	snprintf(buf, sizeof buf, "%s", in);
	sbx_log_mask(buf);
	ck_assert_str_eq(buf, want);
}

START_TEST(log_masks_personal_numbers)
{
	masked("/api/v1/lookup/citizens/001085012345", "/api/v1/lookup/citizens/001*******45");
	masked("/api/v1/lookup/citizens/123456789", "/api/v1/lookup/citizens/123****89");
	masked("/api/v1/lookup/citizens/001 085 012345", "/api/v1/lookup/citizens/001 *** ****45");
	masked("/api/v1/lookup/enterprises/0100.109.106", "/api/v1/lookup/enterprises/010*.***.*06");
	masked("/api/v1/lookup/enterprises/0100109106-001", "/api/v1/lookup/enterprises/010*****06-001");
	masked("tel 0912345678, +84912345678", "tel 091*****78, +849******78");
	/* codes stay readable: runs of 8 digits or fewer */
	masked("/api/v1/dossiers/000.01.01.H26-251015-0007/actions/accept",
	       "/api/v1/dossiers/000.01.01.H26-251015-0007/actions/accept");
	masked("/api/v1/procedures/1.001193", "/api/v1/procedures/1.001193");
	masked("/api/v1/units/00070", "/api/v1/units/00070");
	masked("", "");
}
END_TEST

static int body_of(const char *ct, const char *body, struct sbx_reply *rp, cJSON **out)
{
	struct sbx_request rq;

	memset(&rq, 0, sizeof rq);
	rq.headers[0].key = "content-type";
	rq.headers[0].value = ct;
	rq.nheaders = ct != NULL;
	rq.body = body;
	rq.body_len = body ? strlen(body) : 0;
	sbx_reply_init(rp);
	return sbx_parse_body(&rq, out, rp);
}

START_TEST(bodies)
{
	struct sbx_reply rp;
	cJSON *j;

	ck_assert_int_eq(body_of("application/json; charset=utf-8", "{\"a\":1}\r\n", &rp, &j), 0);
	ck_assert(cJSON_IsObject(j));
	cJSON_Delete(j);
	ck_assert_int_eq(body_of("application/merge-patch+json", "[]", &rp, &j), 0);
	cJSON_Delete(j);
	ck_assert_int_eq(body_of(NULL, NULL, &rp, &j), 0);
	ck_assert(j == NULL);
	ck_assert_int_lt(body_of("text/plain", "{}", &rp, &j), 0);
	ck_assert_int_eq(rp.status, 415);
	sbx_reply_free(&rp);
	ck_assert_int_lt(body_of(NULL, "{}", &rp, &j), 0);
	ck_assert_int_eq(rp.status, 415);
	sbx_reply_free(&rp);
	ck_assert_int_lt(body_of("application/json", "{\n\"a\": tru}", &rp, &j), 0);
	ck_assert_int_eq(rp.status, 400);
	ck_assert_msg(strstr(rp.body, "line 2") && strstr(rp.body, "invalid_json"), "%s", rp.body);
	sbx_reply_free(&rp);
	ck_assert_int_lt(body_of("application/json", "{} {}", &rp, &j), 0);
	ck_assert(strstr(rp.body, "byte 3") != NULL);
	sbx_reply_free(&rp);
}
END_TEST

/* ---- workflow -------------------------------------------------------------- */

static struct cal *cal;

static void cal_setup(void)
{
	cal = cal_new();
}

static void cal_teardown(void)
{
	cal_free(cal);
}

static const struct sbx_wf_actor reception = { 1, ROLE_RECEPTION }, specialist = { 2, ROLE_SPECIALIST },
	other_specialist = { 3, ROLE_SPECIALIST }, leader = { 4, ROLE_LEADER }, records = { 5, ROLE_RECORDS };

static struct sbx_wf_state st(int status, enum step step)
{
	struct sbx_wf_state d = { .status = status, .step = step };

	if (status != ST_NEW) {
		d.received_at = vn(2025, 10, 15, 9, 0);
		d.due_at = vn(2025, 10, 20, 9, 0);
	}
	if (status >= ST_PROCESSING && step != STEP_ASSIGNMENT)
		d.assignee_id = specialist.id;
	return d;
}

static const char *why(const struct sbx_wf_state *d, const struct sbx_wf_actor *u,
		       enum action a, int64_t now)
{
	static struct sbx_error e;

	if (sbx_wf_check(d, u, a, now, cal, &e) == 0)
		return "ok";
	return e.code;
}

START_TEST(rules)
{
	int64_t now = vn(2025, 10, 15, 10, 0);
	struct sbx_wf_state n = st(ST_NEW, STEP_RECEPTION), acc = st(ST_ACCEPTED, STEP_ASSIGNMENT),
		proc = st(ST_PROCESSING, STEP_PROCESSING), sign = st(ST_PROCESSING, STEP_SIGNING),
		issue = st(ST_PROCESSING, STEP_ISSUE), sup = st(ST_SUPPLEMENT, STEP_PROCESSING),
		ready = st(ST_RESULT_READY, STEP_RETURN), done = st(ST_RETURNED, STEP_DONE);

	ck_assert_str_eq(why(&n, &reception, ACT_ACCEPT, now), "ok");
	ck_assert_str_eq(why(&n, &leader, ACT_ACCEPT, now), "role_forbidden");
	ck_assert_str_eq(why(&acc, &reception, ACT_ACCEPT, now), "invalid_state");
	ck_assert_str_eq(why(&acc, &leader, ACT_ASSIGN, now), "ok");
	ck_assert_str_eq(why(&proc, &leader, ACT_ASSIGN, now), "ok");
	ck_assert_str_eq(why(&sign, &leader, ACT_ASSIGN, now), "invalid_state");
	ck_assert_str_eq(why(&proc, &specialist, ACT_FORWARD_SIGNING, now), "ok");
	ck_assert_str_eq(why(&proc, &other_specialist, ACT_FORWARD_SIGNING, now), "not_assignee");
	ck_assert_str_eq(why(&proc, &leader, ACT_FORWARD_SIGNING, now), "role_forbidden");
	ck_assert_str_eq(why(&sign, &leader, ACT_APPROVE, now), "ok");
	ck_assert_str_eq(why(&proc, &leader, ACT_APPROVE, now), "invalid_state");
	ck_assert_str_eq(why(&issue, &records, ACT_RESULT_READY, now), "ok");
	ck_assert_str_eq(why(&sign, &records, ACT_RESULT_READY, now), "invalid_state");
	ck_assert_str_eq(why(&ready, &reception, ACT_RETURN_RESULT, now), "ok");
	ck_assert_str_eq(why(&sup, &reception, ACT_RECEIVE_SUPPLEMENT, now), "ok");
	ck_assert_str_eq(why(&proc, &specialist, ACT_REQUEST_SUPPLEMENT, now), "ok");
	ck_assert_str_eq(why(&sign, &specialist, ACT_REQUEST_SUPPLEMENT, now), "invalid_state");
	ck_assert_str_eq(why(&sign, &leader, ACT_STOP, now), "ok");
	ck_assert_str_eq(why(&sign, &specialist, ACT_STOP, now), "invalid_state");
	ck_assert_str_eq(why(&sup, &reception, ACT_WITHDRAW, now), "ok");
	ck_assert_str_eq(why(&done, &reception, ACT_WITHDRAW, now), "invalid_state");
	/* nothing is allowed on a finished dossier */
	for (const struct sbx_wf_actor *u = &reception; u; u = u == &reception ? &leader : NULL)
		ck_assert_uint_eq(sbx_wf_allowed(&done, u, now, cal), 0);
}
END_TEST

/* Each word of the model's vocabularies is the sandbox's too: some role
 * may do each action, and the portal dialect has a word for each. */
START_TEST(every_action_has_a_rule_and_portal_words)
{
	const struct sbx_wf_actor *actors[] = { &reception, &specialist, &leader, &records };
	struct sbx_wf_state d = st(ST_NEW, STEP_RECEPTION);

	for (int a = 0; a < ACT_COUNT; a++) {
		bool someone = false;

		for (size_t i = 0; i < sizeof actors / sizeof actors[0]; i++)
			someone |= strcmp(why(&d, actors[i], a, vn(2025, 10, 15, 10, 0)),
					  "role_forbidden") != 0;
		ck_assert_msg(someone, "no role may %s", action_name(a));
		ck_assert_msg(sbx_portal_word(sbx_pw_action, action_name(a)), "portal: %s",
			      action_name(a));
	}
	for (int s = 0; s < STEP_COUNT; s++)
		ck_assert_msg(sbx_portal_word(sbx_pw_step, step_name(s)), "portal: %s", step_name(s));
	for (int r = 0; r < ROLE_COUNT; r++)
		ck_assert_msg(sbx_portal_word(sbx_pw_role, role_name(r)), "portal: %s", role_name(r));
}
END_TEST

START_TEST(apology_rules)
{
	struct sbx_wf_state d = st(ST_PROCESSING, STEP_PROCESSING);
	int64_t deadline = cal_apology_deadline(cal, d.due_at);
	struct sbx_wf_params p = { .new_due = vn(2025, 10, 24, 9, 0) };
	struct sbx_wf_result r;
	struct sbx_error e;

	ck_assert_int_eq(deadline, vn(2025, 10, 17, 9, 0));
	ck_assert_str_eq(why(&d, &leader, ACT_RESCHEDULE, deadline), "ok");
	ck_assert_str_eq(why(&d, &specialist, ACT_RESCHEDULE, deadline), "ok");
	ck_assert_str_eq(why(&d, &other_specialist, ACT_RESCHEDULE, deadline), "not_assignee");
	ck_assert_str_eq(why(&d, &leader, ACT_RESCHEDULE, deadline + 1), "apology_too_late");
	ck_assert_int_eq(sbx_wf_apply(&d, ACT_RESCHEDULE, &p, deadline, cal, &r, &e), 0);
	ck_assert(r.next.apology_used);
	ck_assert(r.due_moved);
	ck_assert_str_eq(r.due_reason, "apology");
	ck_assert_int_eq(r.old_due, d.due_at);
	ck_assert_str_eq(why(&r.next, &leader, ACT_RESCHEDULE, deadline - 86400), "apology_used");
	p.new_due = d.due_at;
	ck_assert_int_lt(sbx_wf_apply(&d, ACT_RESCHEDULE, &p, deadline, cal, &r, &e), 0);
	ck_assert_str_eq(e.field, "new_due_at");
}
END_TEST

START_TEST(supplement_restarts)
{
	struct sbx_wf_state d = st(ST_SUPPLEMENT, STEP_PROCESSING);
	struct sbx_wf_params p = { .budget_minutes = 3 * 480, .cutoff_minute = CAL_NO_CUTOFF };
	struct sbx_wf_result r;

	ck_assert_int_eq(sbx_wf_apply(&d, ACT_RECEIVE_SUPPLEMENT, &p, vn(2025, 10, 17, 9, 0), cal,
				      &r, NULL), 0);
	ck_assert_int_eq(r.next.status, ST_PROCESSING);
	ck_assert_int_eq(r.next.due_at, vn(2025, 10, 22, 9, 0));
	ck_assert(r.due_moved);
	ck_assert_int_eq(r.old_due, vn(2025, 10, 20, 9, 0));
	ck_assert_str_eq(r.due_reason, "supplement");
	ck_assert_int_eq(r.next.received_at, d.received_at);
	/* never accepted (an online filing): the receipt starts now */
	d = st(ST_SUPPLEMENT, STEP_RECEPTION);
	d.received_at = d.due_at = d.assignee_id = 0;
	ck_assert_int_eq(sbx_wf_apply(&d, ACT_RECEIVE_SUPPLEMENT, &p, vn(2025, 10, 17, 9, 0), cal,
				      &r, NULL), 0);
	ck_assert_int_eq(r.next.status, ST_ACCEPTED);
	ck_assert_int_eq(r.next.received_at, vn(2025, 10, 17, 9, 0));
	ck_assert_int_eq(r.old_due, 0);
}
END_TEST

START_TEST(due_and_timeliness)
{
	/* same day with a 15:00 cut-off */
	ck_assert_int_eq(cal_due(cal, vn(2025, 10, 15, 9, 0), 0, CAL_CUTOFF_1500), vn(2025, 10, 15, 17, 0));
	ck_assert_int_eq(cal_due(cal, vn(2025, 10, 15, 15, 30), 0, CAL_CUTOFF_1500), vn(2025, 10, 16, 17, 0));
	ck_assert_int_eq(cal_due(cal, vn(2025, 10, 18, 10, 0), 0, CAL_CUTOFF_1500), vn(2025, 10, 20, 17, 0));
	ck_assert_int_eq(cal_due(cal, vn(2025, 10, 15, 9, 0), 1440, CAL_NO_CUTOFF), vn(2025, 10, 20, 9, 0));
	ck_assert_str_eq(sbx_wf_timeliness(vn(2025, 10, 19, 9, 0), vn(2025, 10, 20, 9, 0)), "early");
	ck_assert_str_eq(sbx_wf_timeliness(vn(2025, 10, 20, 8, 0), vn(2025, 10, 20, 9, 0)), "on_time");
	ck_assert_str_eq(sbx_wf_timeliness(vn(2025, 10, 20, 9, 0), vn(2025, 10, 20, 9, 0)), "on_time");
	ck_assert_str_eq(sbx_wf_timeliness(vn(2025, 10, 20, 9, 1), vn(2025, 10, 20, 9, 0)), "late");
	ck_assert(sbx_wf_timeliness(0, vn(2025, 10, 20, 9, 0)) == NULL);
	ck_assert(sbx_wf_overdue(ST_PROCESSING, vn(2025, 10, 20, 9, 0), vn(2025, 10, 20, 9, 0)));
	ck_assert(!sbx_wf_overdue(ST_SUPPLEMENT, vn(2025, 10, 20, 9, 0), vn(2025, 10, 21, 9, 0)));
	ck_assert(!sbx_wf_overdue(ST_PROCESSING, 0, vn(2025, 10, 21, 9, 0)));
}
END_TEST

/* ---- faults ---------------------------------------------------------------- */

START_TEST(fault_plans)
{
	struct sbx_fault_cfg cfg = { .fail_rate = 50, .drop_rate = 0, .garble_rate = 100,
				     .drip_bytes = 64, .drip_interval_ms = 50, .seed = 9 };
	struct sbx_faults f, g;
	struct sbx_fault_plan p, q;
	int fails = 0;

	sbx_faults_init(&f, &cfg);
	sbx_faults_init(&g, &cfg);
	for (int i = 0; i < 1000; i++) {
		sbx_faults_plan(&f, &p);
		sbx_faults_plan(&g, &q);
		ck_assert_int_eq(p.fail_status, q.fail_status);
		ck_assert_int_eq(p.garble, q.garble);
		ck_assert(!p.drop);
		ck_assert(p.garble != SBX_GARBLE_NONE);
		fails += p.fail_status != 0;
	}
	ck_assert_msg(fails > 400 && fails < 600, "%d of 1000 at 50%%", fails);
	sbx_faults_destroy(&f);
	sbx_faults_destroy(&g);
}
END_TEST

/* A stall and a trickle, set at run time, spare the first requests when
 * told, and say so in the settings. */
START_TEST(stall_trickle_and_after)
{
	struct sbx_fault_cfg cfg = { .drip_bytes = 64, .drip_interval_ms = 50 };
	struct sbx_faults f;
	struct sbx_fault_plan p;
	struct sbx_error e;
	cJSON *body = cJSON_Parse("{\"stall\": true, \"trickle\": true, \"after\": 2}"), *j;

	sbx_faults_init(&f, &cfg);
	ck_assert(!sbx_faults_stalled(&f));
	ck_assert_int_eq(sbx_faults_update(&f, body, &e), 0);
	ck_assert(sbx_faults_stalled(&f));
	for (int i = 0; i < 2; i++) {
		sbx_faults_plan(&f, &p);
		ck_assert(!p.stall && !p.trickle);
	}
	sbx_faults_plan(&f, &p);
	ck_assert(p.stall && p.trickle);
	j = sbx_faults_json(&f);
	ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(j, "stall")));
	ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(j, "trickle")));
	ck_assert_int_eq(cJSON_GetObjectItem(j, "after")->valueint, 2);
	cJSON_Delete(j);
	cJSON_Delete(body);
	body = cJSON_Parse("{\"stall\": 1}");
	ck_assert_int_eq(sbx_faults_update(&f, body, &e), -1);
	cJSON_Delete(body);
	body = cJSON_Parse("{\"after\": -1}");
	ck_assert_int_eq(sbx_faults_update(&f, body, &e), -1);
	cJSON_Delete(body);
	body = cJSON_Parse("{\"reset\": true}");
	ck_assert_int_eq(sbx_faults_update(&f, body, &e), 0);
	ck_assert(!sbx_faults_stalled(&f));
	cJSON_Delete(body);
	sbx_faults_destroy(&f);
}
END_TEST

START_TEST(garbled_never_parses)
{
	static const char json[] =
		"{\"items\":[{\"code\":\"FX1-251001-0001\",\"n\":[1,2,3],\"ok\":true,\"x\":null}],"
		"\"total\":1,\"cursor\":\"63\"}";
	struct sbx_fault_cfg cfg = { .garble_rate = 100, .drip_bytes = 64, .drip_interval_ms = 50,
				     .seed = 1 };
	struct sbx_faults f;

	sbx_faults_init(&f, &cfg);
	for (int i = 0; i < 3000; i++) {
		struct sbx_fault_plan p;
		char *body = xstrdup(json), ct[48] = "application/json";
		size_t len = strlen(body);
		cJSON *j;

		sbx_faults_plan(&f, &p);
		sbx_faults_garble(&p, &body, &len, ct, sizeof ct);
		j = cJSON_ParseWithLengthOpts(body, len + 1, NULL, true);
		ck_assert_msg(j == NULL, "plan %d (mode %d) left valid JSON: %.*s", i, p.garble,
			      (int)len, body);
		free(body);
	}
	sbx_faults_destroy(&f);
}
END_TEST

static Suite *sbx_suite(void)
{
	Suite *s = suite_create("sandbox units");
	TCase *t = tcase_create("pure");

	tcase_add_test(t, time_round_trip);
	tcase_add_test(t, time_rejects);
	tcase_add_test(t, fold_vietnamese);
	tcase_add_test(t, etags);
	tcase_add_test(t, accept_encoding);
	tcase_add_test(t, targets);
	tcase_add_test(t, log_masks_personal_numbers);
	tcase_add_test(t, bodies);
	tcase_add_test(t, fault_plans);
	tcase_add_test(t, garbled_never_parses);
	tcase_add_test(t, stall_trickle_and_after);
	suite_add_tcase(s, t);
	t = tcase_create("workflow");
	tcase_add_checked_fixture(t, cal_setup, cal_teardown);
	tcase_add_test(t, rules);
	tcase_add_test(t, every_action_has_a_rule_and_portal_words);
	tcase_add_test(t, apology_rules);
	tcase_add_test(t, supplement_restarts);
	tcase_add_test(t, due_and_timeliness);
	suite_add_tcase(s, t);
	return s;
}

CHECK_MAIN(sbx_suite)
