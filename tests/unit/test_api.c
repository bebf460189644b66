/* The API layer against a scripted HTTP server on loopback, through the REST
 * fixture profile: login and a second login when the session expires,
 * paging, the change cursor and ETag, errors mapped to what failed,
 * actions with the version and an idempotency key, lookups, cancel. */
#include "config.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "check_main.h"
#include "core/xalloc.h"

static struct {
	struct MHD_Daemon *d;
	unsigned short port;
	pthread_mutex_t mu;
	int logins, valid_token;	/* the token the server accepts: T<valid_token> */
	int late_401_ms;		/* "session expired" after this long */
	bool stall_logins;		/* a login is never answered */
	bool drop_relogged;		/* after a second login, requests are cut off */
	atomic_int stopping;
	char last_if_match[64], last_idem[64], last_body[512], last_query[256];
	char last_filter[128];		/* the list's status and sort */
} srv = { .mu = PTHREAD_MUTEX_INITIALIZER };

/* Sleep up to ms, in short steps, so stopping the server is never slow. */
static bool nap(int ms)
{
	for (int i = 0; i < ms && !atomic_load(&srv.stopping); i += 10)
		usleep(10000);
	return !atomic_load(&srv.stopping);
}

struct upload {
	char body[512];
	size_t len;
};

/* date: the server's clock in the Date header; NULL: microhttpd's own */
static enum MHD_Result reply_dated(struct MHD_Connection *c, int status, const char *body,
				   const char *etag, const char *date)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body,
								MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	MHD_add_response_header(r, "Content-Type", "application/json");
	if (etag)
		MHD_add_response_header(r, "ETag", etag);
	if (date)
		MHD_add_response_header(r, "Date", date);
	rc = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result reply(struct MHD_Connection *c, int status, const char *body,
			     const char *etag)
{
	return reply_dated(c, status, body, etag, NULL);
}

static const char *arg(struct MHD_Connection *c, const char *k)
{
	return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, k);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
			       const char *method, const char *version, const char *data,
			       size_t *size, void **ctx)
{
	struct upload *up = *ctx;
	const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	char want[32], body[2048], when[40];
	int page;

	(void)cls;
	(void)version;
	if (!up) {
		*ctx = xcalloc(1, sizeof *up);
		return MHD_YES;
	}
	if (*size) {
		size_t n = *size < sizeof up->body - 1 - up->len ? *size : sizeof up->body - 1 - up->len;

		memcpy(up->body + up->len, data, n);
		up->len += n;
		*size = 0;
		return MHD_YES;
	}
	pthread_mutex_lock(&srv.mu);
	snprintf(srv.last_body, sizeof srv.last_body, "%s", up->body);
	if (!strcmp(url, "/auth/login") && !strcmp(method, "POST")) {
		if (srv.stall_logins) {
			pthread_mutex_unlock(&srv.mu);
			nap(20000);
			return MHD_NO;
		}
		srv.logins++;
		if (!strstr(up->body, "\"password\":\"right\"")) {
			pthread_mutex_unlock(&srv.mu);
			return reply(c, 401, "{\"error\":{\"code\":\"bad_login\",\"message\":\"wrong user name or password\"}}", NULL);
		}
		srv.valid_token = srv.logins;
		snprintf(body, sizeof body, "{\"token\":\"T%d\"}", srv.valid_token);
		pthread_mutex_unlock(&srv.mu);
		return reply(c, 200, body, NULL);
	}
	snprintf(want, sizeof want, "Bearer T%d", srv.valid_token);
	if (!auth || strcmp(auth, want)) {
		pthread_mutex_unlock(&srv.mu);
		if (!nap(srv.late_401_ms))
			return MHD_NO;
		return reply(c, 401, "{\"error\":{\"message\":\"session expired\"}}", NULL);
	}
	snprintf(srv.last_query, sizeof srv.last_query, "page=%s since=%s",
		 arg(c, "page") ? arg(c, "page") : "", arg(c, "changed_since") ? arg(c, "changed_since") : "");
	snprintf(srv.last_filter, sizeof srv.last_filter, "status=%s sort=%s",
		 arg(c, "status") ? arg(c, "status") : "", arg(c, "sort") ? arg(c, "sort") : "");
	snprintf(srv.last_if_match, sizeof srv.last_if_match, "%s",
		 MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-Match") ?: "");
	snprintf(srv.last_idem, sizeof srv.last_idem, "%s",
		 MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Idempotency-Key") ?: "");
	if (srv.drop_relogged && srv.logins > 1) {
		pthread_mutex_unlock(&srv.mu);
		return MHD_NO;
	}
	pthread_mutex_unlock(&srv.mu);

	if (!strcmp(url, "/dossiers")) {
		const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");

		if (inm && !strcmp(inm, "\"list-1\""))
			return reply(c, 304, "", "\"list-1\"");
		page = arg(c, "page") ? atoi(arg(c, "page")) : 1;
		/* three pages: D1 E1, D3 E2, D5 */
		{
			char second[96] = "";

			if (page < 3)
				snprintf(second, sizeof second, ",{\"code\":\"E%d\",\"status\":\"new\"}", page);
			snprintf(body, sizeof body,
				 "{\"items\":[{\"code\":\"D%d\",\"status\":\"processing\",\"applicant\":{\"name\":\"Người %d\"},"
				 "\"due_at\":\"2025-11-25T08:30:00+07:00\",\"version\":%d}%s],"
				 "\"next_page\":%s,\"cursor\":\"c-%d\"}",
				 2 * page - 1, 2 * page - 1, page, second,
				 page == 1 ? "2" : page == 2 ? "3" : "null", page);
		}
		/* each page read a minute after the one before */
		snprintf(when, sizeof when, "Wed, 15 Oct 2025 03:%02d:00 GMT", page - 1);
		return reply_dated(c, 200, body, page == 1 ? "\"list-1\"" : NULL, when);
	}
	if (!strncmp(url, "/dossiers/", 10)) {
		if (strcmp(url + 10, "D1"))
			return reply(c, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no dossier with this code\"}}", NULL);
		return reply(c, 200, "{\"code\":\"D1\",\"status\":\"accepted\",\"version\":7}", "\"v7\"");
	}
	if (!strncmp(url, "/lookup/citizens/", 17)) {
		snprintf(body, sizeof body, "{\"id\":\"%s\",\"name\":\"Trần Văn Bình\",\"dob\":\"05/03/1985\",\"gender\":\"Nam\"}",
			 url + 17);
		return reply(c, 200, body, NULL);
	}
	return reply(c, 404, "{\"error\":{\"message\":\"no such path\"}}", NULL);
}

static void completed(void *cls, struct MHD_Connection *c, void **ctx,
		      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	free(*ctx);
	*ctx = NULL;
}

static struct loop loop;
static struct http *http;
static struct profile *prof;
static struct api *api;
static long deadline_ms;	/* of each request, if not the default */

static char *fixture_path(void)
{
	static char path[1024];
	const char *dir = getenv("srcdir");

	snprintf(path, sizeof path, "%s/tests/fixtures/profiles/rest.json", dir ? dir : ".");
	return path;
}

static void setup_with(const char *secret)
{
	struct err e;
	char url[64];
	struct http_opts o;

	srv.d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
				 handler, NULL, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				 MHD_OPTION_END);
	ck_assert_ptr_nonnull(srv.d);
	srv.port = MHD_get_daemon_info(srv.d, MHD_DAEMON_INFO_BIND_PORT)->port;
	srv.logins = srv.valid_token = srv.late_401_ms = 0;
	srv.stall_logins = srv.drop_relogged = false;
	atomic_store(&srv.stopping, 0);
	ck_assert_int_eq(loop_init(&loop, &e), 0);
	http_opts_init(&o);
	o.max_attempts = 1;
	if (deadline_ms)
		o.timeout_ms = o.deadline_ms = deadline_ms;
	http = http_new(&loop, &o, &e);
	ck_assert_ptr_nonnull(http);
	prof = profile_load(fixture_path(), &e);
	ck_assert_msg(prof != NULL, "%s", e.msg);
	snprintf(url, sizeof url, "http://127.0.0.1:%u/", srv.port);
	api = api_new(&loop, http, prof, url, "tiepnhan1", secret);
}

static void setup(void)
{
	setup_with("right");
}

/* Requests of 1.5 s, retries and re-login included. */
static void setup_deadline(void)
{
	deadline_ms = 1500;
	setup();
	deadline_ms = 0;
}

static void teardown(void)
{
	atomic_store(&srv.stopping, 1);
	api_free(api);
	http_free(http);
	loop_free(&loop);
	profile_free(prof);
	MHD_stop_daemon(srv.d);
}

/* ---- callbacks record what arrived ---- */

static struct {
	bool done;
	struct api_result r;
	char cursor[64], etag[64];
	int pages, items;
	char codes[256];
	struct dossier *d;
	struct record *rec;
} got;

static void reset(void)
{
	memset(&got, 0, sizeof got);
}

static void on_done(void *arg, const struct api_result *r)
{
	(void)arg;
	got.done = true;
	got.r = *r;
	snprintf(got.cursor, sizeof got.cursor, "%s", r->cursor ? r->cursor : "");
	snprintf(got.etag, sizeof got.etag, "%s", r->etag ? r->etag : "");
	loop_stop(&loop);
}

static bool on_page(void *arg, struct dossier *items, int n, long total)
{
	(void)arg;
	(void)total;
	got.pages++;
	for (int i = 0; i < n; i++) {
		strcat(got.codes, items[i].code);
		strcat(got.codes, " ");
		got.items++;
		dossier_free(&items[i]);
	}
	free(items);
	return true;
}

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	(void)arg;
	got.d = d;
	on_done(NULL, r);
}

static void on_record(void *arg, struct record *rec, const struct api_result *r)
{
	(void)arg;
	got.rec = rec;
	on_done(NULL, r);
}

static void run(void)
{
	struct err e;

	loop.stop = false;
	for (int i = 0; i < 2000 && !got.done; i++)
		ck_assert_int_eq(loop_once(&loop, 10, &e), 0);
	ck_assert_msg(got.done, "no answer");
}

START_TEST(login_then_all_pages_in_order)
{
	struct api_list_query q = { .prio = HTTP_INTERACTIVE };

	reset();
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_OK);
	ck_assert_int_eq(srv.logins, 1);
	reset();
	api_list(api, &q, on_page, on_done, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_int_eq(got.pages, 3);
	ck_assert_int_eq(got.items, 5);
	ck_assert_str_eq(got.codes, "D1 E1 D3 E2 D5 ");
	ck_assert_str_eq(got.cursor, "c-1");	/* the first page's cursor */
	ck_assert_str_eq(got.etag, "\"list-1\"");
	/* the last page's Date, and when the list began to be read */
	ck_assert_int_eq(got.r.server_time, 1760497200 + 120);
	ck_assert_int_eq(got.r.list_time, 1760497200);
}
END_TEST

/* Put what after the first where in text (of size cap). */
static void insert_after(char *text, size_t cap, const char *where, const char *what)
{
	char *at = strstr(text, where);
	size_t len = strlen(what);

	ck_assert_ptr_nonnull(at);
	at += strlen(where);
	ck_assert_uint_lt(strlen(text) + len, cap);
	memmove(at + len, at, strlen(at) + 1);
	memcpy(at, what, len);
}

/* capabilities.open_first: the open statuses in the API's words (and the
 * codes its vocabulary lacks), the profile's sort, and a listing that goes
 * on after what was stored starts at the whole page it falls in. */
START_TEST(open_first_and_a_listing_that_goes_on)
{
	struct api_list_query q = { .prio = HTTP_INTERACTIVE, .open_first = true, .skip = 2 };
	FILE *f = fopen(fixture_path(), "rb");
	char text[16384], url[64];
	size_t n;
	struct err e;

	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	/* the fixture's list with a filter and a sort, and open_first */
	insert_after(text, sizeof text, "\"changed_since\": \"{since}\"", ", \"status\": \"{status}\", \"sort\": \"{sort}\"");
	insert_after(text, sizeof text, "\"changed_since\": true", ", \"open_first\": \"due\"");
	api_free(api);
	profile_free(prof);
	prof = profile_parse(text, "rest.json", &e);
	ck_assert_msg(prof != NULL, "%s", e.msg);
	snprintf(url, sizeof url, "http://127.0.0.1:%u/", srv.port);
	api = api_new(&loop, http, prof, url, "tiepnhan1", "right");

	/* pages of 2: two items stored, the listing goes on at page 2 */
	ck_assert_int_eq(api_list_skip(api, 2, 2), 2);
	ck_assert_int_eq(api_list_skip(api, 3, 2), 2);
	ck_assert_int_eq(api_list_skip(api, 3, 0), 0);	/* under one page of 50 */
	q.per_page = 2;
	reset();
	api_login(api, on_done, NULL);
	run();
	reset();
	api_list(api, &q, on_page, on_done, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_str_eq(srv.last_filter, "status=new,accepted,processing,5,6 sort=due");
	ck_assert_str_eq(got.codes, "D3 E2 D5 ");	/* pages 2 and 3 */
	ck_assert_int_eq(got.r.listed, 5);	/* counted from the skip */
}
END_TEST

START_TEST(conditional_list_and_change_cursor)
{
	struct api_list_query q = { .prio = HTTP_INTERACTIVE, .etag = "\"list-1\"", .since = "c-9" };

	reset();
	api_login(api, on_done, NULL);
	run();
	reset();
	api_list(api, &q, on_page, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_OK);
	ck_assert(got.r.not_modified);
	ck_assert_int_eq(got.pages, 0);
	ck_assert_str_eq(srv.last_query, "page=1 since=c-9");
}
END_TEST

START_TEST(an_expired_session_logs_in_again_once)
{
	reset();
	api_login(api, on_done, NULL);
	run();
	srv.valid_token = 99;	/* the server forgets the session */
	reset();
	api_get(api, "D1", HTTP_INTERACTIVE, on_dossier, NULL);
	/* 401, a second login (T2), the request again */
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_int_eq(srv.logins, 2);
	ck_assert_str_eq(got.d->code, "D1");
	ck_assert_str_eq(got.d->version, "7");
	dossier_free(got.d);
	free(got.d);
}
END_TEST

/* What api_on_session was told, last. */
static struct {
	int calls;
	bool ok;
	char token[32];
} told;

static void on_session(void *arg, bool ok, const char *token, int role)
{
	(void)arg;
	(void)role;
	told.calls++;
	told.ok = ok;
	snprintf(told.token, sizeof told.token, "%s", token ? token : "");
}

/* A session kept by an earlier run: no login while the server takes it;
 * one login, told to the keeper, when it does not; and against a password
 * the server refuses, one login and a failure, never a loop. */
START_TEST(a_kept_session_is_used_then_renewed_once)
{
	memset(&told, 0, sizeof told);
	api_on_session(api, on_session, NULL);
	srv.valid_token = 5;
	api_resume(api, "T5", -1);
	reset();
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_OK);
	reset();
	api_get(api, "D1", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	dossier_free(got.d);
	free(got.d);
	ck_assert_int_eq(srv.logins, 0);
	ck_assert_int_eq(told.calls, 0);

	srv.valid_token = 99;	/* the kept session expired */
	reset();
	api_get(api, "D1", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	dossier_free(got.d);
	free(got.d);
	ck_assert_int_eq(srv.logins, 1);
	ck_assert(told.calls == 1 && told.ok);
	ck_assert_str_eq(told.token, "T1");

	api_set_secret(api, "wrong");
	api_resume(api, "T77", -1);	/* kept, but no longer good */
	reset();
	api_get(api, "D1", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_AUTH);
	ck_assert_int_eq(srv.logins, 2);
	ck_assert(told.calls == 2 && !told.ok);
}
END_TEST

/* The request refused for an expired session counts among the attempts
 * the repeat after the second login reports. */
START_TEST(a_repeat_after_a_login_counts_every_attempt)
{
	reset();
	api_login(api, on_done, NULL);
	run();
	srv.valid_token = 99;
	srv.drop_relogged = true;
	reset();
	api_get(api, "D1", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_NETWORK);
	ck_assert_int_eq(srv.logins, 2);
	ck_assert_msg(strstr(got.r.e.msg, "(after 2 attempts)"), "%s", got.r.e.msg);
}
END_TEST

START_TEST(wrong_password_is_an_auth_failure)
{
	char url[64];

	snprintf(url, sizeof url, "http://127.0.0.1:%u", srv.port);
	api_free(api);
	api = api_new(&loop, http, prof, url, "tiepnhan1", "wrong");
	reset();
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_AUTH);
	ck_assert_int_eq(got.r.status, 401);
	ck_assert_str_eq(got.r.e.msg, "the login of tiepnhan1 failed: the server refused: wrong user name or password");
	ck_assert_str_eq(got.r.code, "bad_login");
}
END_TEST

START_TEST(errors_say_what_failed)
{
	struct err no;

	reset();
	api_login(api, on_done, NULL);
	run();
	reset();
	api_get(api, "NOPE", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_NOTFOUND);
	ck_assert_int_eq(got.r.status, 404);
	ck_assert_str_eq(got.r.e.msg, "not found: no dossier with this code");
	ck_assert_str_eq(got.r.code, "not_found");
	ck_assert_ptr_null(got.d);
	reset();
	api_act(api, "D1", ACT_ACCEPT, &(struct api_act_args){ 0 }, on_dossier, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_UNSUPPORTED);
	ck_assert_str_eq(got.r.e.msg, "this server's profile has no action operation");
	/* asked before queueing, with the same words, nothing sent */
	ck_assert_int_eq(api_can_act(api, ACT_ACCEPT, &no), -1);
	ck_assert_str_eq(no.msg, "this server's profile has no action operation");
}
END_TEST

START_TEST(unreachable_server_is_a_network_failure)
{
	api_free(api);
	api = api_new(&loop, http, prof, "http://127.0.0.1:1", "u", "right");
	reset();
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_NETWORK);
	ck_assert_ptr_nonnull(strstr(got.r.e.msg, "127.0.0.1:1"));
}
END_TEST

START_TEST(lookups_read_the_register_record)
{
	reset();
	api_login(api, on_done, NULL);
	run();
	reset();
	api_lookup(api, "citizen", "001085012345", "D1", NULL, on_record, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_str_eq(record_get(got.rec, "id_number"), "001085012345");
	ck_assert_str_eq(record_get(got.rec, "sex"), "M");
	ck_assert_str_eq(record_get(got.rec, "birth_date"), "1985-03-05");
	record_free(got.rec);
	free(got.rec);
	reset();
	api_lookup(api, "enterprise", "0100109106", NULL, NULL, on_record, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_UNSUPPORTED);
	/* a register is named: one the engine does not know is said so */
	reset();
	api_lookup(api, "land", "0100109106", NULL, NULL, on_record, NULL);
	ck_assert(!got.done);	/* from the loop, as every answer */
	run();
	ck_assert_int_eq(got.r.fail, API_E_UNSUPPORTED);
	ck_assert_str_eq(got.r.e.msg, "there is no national register 'land' to look up (citizen or enterprise)");
	ck_assert_ptr_null(got.rec);
}
END_TEST

START_TEST(cancel_delivers_cancelled_once)
{
	struct api_list_query q = { .prio = HTTP_INTERACTIVE };
	unsigned id;

	reset();
	api_login(api, on_done, NULL);
	run();
	reset();
	id = api_list(api, &q, on_page, on_done, NULL);
	api_cancel(api, id);
	ck_assert(got.done);
	ck_assert_int_eq(got.r.fail, API_E_CANCELLED);
	api_cancel(api, id);	/* already gone: nothing happens */
}
END_TEST

START_TEST(a_second_login_keeps_the_first_request_s_deadline)
{
	reset();
	api_login(api, on_done, NULL);
	run();
	srv.valid_token = 99;		/* the session expired */
	srv.late_401_ms = 600;		/* the server says so late */
	srv.stall_logins = true;	/* and then does not answer the login */
	reset();
	api_get(api, "D1", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_NETWORK);
	ck_assert_ptr_null(got.d);
	/* the login had what was left of the 1.5 s, not 1.5 s of its own */
	ck_assert_str_eq(got.r.e.msg, "the server did not answer within 1 s: gave up on POST /auth/login");
}
END_TEST

static Suite *api_suite(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("rest"), *slow = tcase_create("deadline");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, login_then_all_pages_in_order);
	tcase_add_test(tc, open_first_and_a_listing_that_goes_on);
	tcase_add_test(tc, conditional_list_and_change_cursor);
	tcase_add_test(tc, an_expired_session_logs_in_again_once);
	tcase_add_test(tc, a_kept_session_is_used_then_renewed_once);
	tcase_add_test(tc, a_repeat_after_a_login_counts_every_attempt);
	tcase_add_test(tc, wrong_password_is_an_auth_failure);
	tcase_add_test(tc, errors_say_what_failed);
	tcase_add_test(tc, unreachable_server_is_a_network_failure);
	tcase_add_test(tc, lookups_read_the_register_record);
	tcase_add_test(tc, cancel_delivers_cancelled_once);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(slow, setup_deadline, teardown);
	tcase_add_test(slow, a_second_login_keeps_the_first_request_s_deadline);
	suite_add_tcase(s, slow);
	return s;
}

CHECK_MAIN(api_suite)
