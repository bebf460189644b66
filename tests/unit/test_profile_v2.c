/* The profile language's second round of keys (issue 13), loaded from
 * tests/fixtures/profiles/v2.json and run against a scripted server on
 * loopback: what each key sends, how each reply is read, and what each
 * mistake in a profile is told as. */
#include "config.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "api/adapter.h"
#include "api/api.h"
#include "api/tmpl.h"
#include "check_main.h"
#include "core/xalloc.h"

/* ---- the server: a route table per test, and a log of what came ---- */

struct route {
	const char *method, *url;
	const char *body;	/* replied with 200 */
};

static struct {
	struct MHD_Daemon *d;
	pthread_mutex_t mu;
	const struct route *routes;
	int logins;
	char log[4096];		/* one line per request: METHOD URL?QUERY | groupId | Authorization | body */
} srv = { .mu = PTHREAD_MUTEX_INITIALIZER };

struct upload {
	char body[1024];
	size_t len;
};

static enum MHD_Result reply(struct MHD_Connection *c, int status, const char *body)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body,
								MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	MHD_add_response_header(r, "Content-Type", "application/json");
	MHD_add_response_header(r, "X-Server-Id", "fake-1");	/* only a profile that asks reads it */
	rc = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
	char *q = cls;

	(void)kind;
	snprintf(q + strlen(q), 256 - strlen(q), "%s%s=%s", *q ? "&" : "", k, v ? v : "");
	return MHD_YES;
}

static const char *header(struct MHD_Connection *c, const char *name)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);

	return v ? v : "-";
}

/* /dossiers: five dossiers, at most two per reply whatever end asks. */
static void capped_list(struct MHD_Connection *c, char *out, size_t len)
{
	const char *s = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "start");
	int start = s ? atoi(s) : 0;

	snprintf(out, len, "{\"total\":5,\"data\":[");
	for (int i = start; i < start + 2 && i < 5; i++)
		snprintf(out + strlen(out), len - strlen(out),
			 "%s{\"dossierId\":\"D%d\",\"dossierStatus\":\"%s\"}", i > start ? "," : "", i,
			 i == 3 ? "archived" : "processing");
	snprintf(out + strlen(out), len - strlen(out), "]}");
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
			       const char *method, const char *version, const char *data,
			       size_t *size, void **ctx)
{
	struct upload *up = *ctx;
	char query[256] = "", body[1024];

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
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_arg, query);
	pthread_mutex_lock(&srv.mu);
	snprintf(srv.log + strlen(srv.log), sizeof srv.log - strlen(srv.log), "%s %s%s%s | %s | %s | %s\n",
		 method, url, *query ? "?" : "", query, header(c, "groupId"),
		 header(c, "Authorization"), up->body);
	srv.logins += !strcmp(url, "/users/login");
	for (const struct route *r = srv.routes; r && r->method; r++) {
		if (strcmp(r->method, method) || strcmp(r->url, url))
			continue;
		pthread_mutex_unlock(&srv.mu);
		if (!r->body) {
			capped_list(c, body, sizeof body);
			return reply(c, 200, body);
		}
		return reply(c, 200, r->body);
	}
	pthread_mutex_unlock(&srv.mu);
	return reply(c, 404, "{\"status\":404,\"message\":\"no such path\"}");
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

/* ---- the fixture, as is or with pieces replaced ---- */

static char *fixture_text(void)
{
	const char *dir = getenv("srcdir");
	char path[1024];
	FILE *f;
	char *text;
	long n;

	snprintf(path, sizeof path, "%s/tests/fixtures/profiles/v2.json", dir ? dir : ".");
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

/* The fixture with from replaced by to (NULL: as it is), parsed. */
static struct profile *variant(const char *from, const char *to, struct err *e)
{
	char *text = fixture_text(), *mod = text;
	struct profile *p;

	if (from) {
		char *at = strstr(text, from);

		ck_assert_msg(at != NULL, "'%s' not in v2.json", from);
		mod = xmalloc(strlen(text) - strlen(from) + strlen(to) + 1);
		sprintf(mod, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
		free(text);
	}
	p = profile_parse(mod, "v2.json", e);
	free(mod);
	return p;
}

static const char *refused(const char *from, const char *to)
{
	static struct err e;
	struct profile *p = variant(from, to, &e);

	ck_assert_msg(p == NULL, "accepted: %s -> %s", from, to);
	return e.msg;
}

/* ---- an engine against the server ---- */

static struct loop loop;
static struct http *http;
static struct profile *prof;
static struct api *api;

static struct {
	bool done;
	struct api_result r;
	int items;
	char codes[128];
	int statuses[8];
	struct dossier *d;
} got;

static void start_with(const struct route *routes, const char *from, const char *to,
		       const char *secret)
{
	struct err e;
	struct http_opts o;
	char url[64];

	memset(&got, 0, sizeof got);
	srv.routes = routes;
	srv.log[0] = '\0';
	srv.logins = 0;
	srv.d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
				 handler, NULL, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				 MHD_OPTION_END);
	ck_assert_ptr_nonnull(srv.d);
	ck_assert_int_eq(loop_init(&loop, &e), 0);
	http_opts_init(&o);
	o.max_attempts = 1;
	http = http_new(&loop, &o, &e);
	ck_assert_ptr_nonnull(http);
	prof = variant(from, to, &e);
	ck_assert_msg(prof != NULL, "%s", e.msg);
	snprintf(url, sizeof url, "http://127.0.0.1:%u",
		 MHD_get_daemon_info(srv.d, MHD_DAEMON_INFO_BIND_PORT)->port);
	api = api_new(&loop, http, prof, url, "tiepnhan1", secret);
}

static void stop(void)
{
	api_free(api);
	http_free(http);
	loop_free(&loop);
	profile_free(prof);
	MHD_stop_daemon(srv.d);
	if (got.d)
		dossier_free(got.d);
	free(got.d);
}

static void on_done(void *arg, const struct api_result *r)
{
	(void)arg;
	got.done = true;
	got.r = *r;
}

static bool on_page(void *arg, struct dossier *items, int n, long total)
{
	(void)arg;
	(void)total;
	for (int i = 0; i < n; i++) {
		snprintf(got.codes + strlen(got.codes), sizeof got.codes - strlen(got.codes), "%s ",
			 items[i].code);
		if (got.items < 8)
			got.statuses[got.items] = items[i].status;
		got.items++;
		dossier_free(&items[i]);
	}
	free(items);
	return true;
}

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	got.d = d;
	on_done(arg, r);
}

static void run(void)
{
	struct err e;

	for (int i = 0; i < 2000 && !got.done; i++)
		ck_assert_int_eq(loop_once(&loop, 10, &e), 0);
	ck_assert_msg(got.done, "no answer");
}

static const struct route opencps[] = {
	{ "GET", "/users/login", "{\"userId\":20301,\"screenName\":\"tiepnhan1\"}" },
	{ "GET", "/dossiers", NULL },
	{ "POST", "/dossiers/D2/actions", "{\"dossierActionId\":77,\"actionCode\":\"2100\"}" },
	{ "GET", "/dossiers/D2", "{\"dossierId\":\"D2\",\"dossierStatus\":\"waiting\",\"dueDate\":\"25/11/2025 08:30:00\"}" },
	{ NULL, NULL, NULL },
};

/* ---- loading ---- */

START_TEST(comments_and_new_keys_load)
{
	struct err e;
	struct profile *p = variant(NULL, NULL, &e);

	ck_assert_msg(p != NULL, "%s", e.msg);
	ck_assert_int_eq(p->auth, AUTH_BASIC);
	ck_assert_int_eq(p->nheaders, 1);
	ck_assert_int_eq(p->nguest, 2);
	ck_assert(p->ops[OP_ACTION].reply_none);
	ck_assert_int_eq(p->ops[OP_ACTION].nformats, 1);
	ck_assert_uint_eq(profile_allowed(p, -1, ST_ACCEPTED), 1u << ACT_ASSIGN);
	profile_free(p);
	/* a comment keeps the lines: an error after one is still placed */
	ck_assert_str_eq(refused("\"motcua_profile\": 1,", "\"motcua_profile\": 1,,"),
			 "v2.json:5:24: not valid JSON here");
	/* slashes inside strings are not comments */
	p = variant("\"/users/login\"", "\"/users//login/*x*/\"", &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	ck_assert_str_eq(p->ops[OP_LOGIN].path, "/users//login/*x*/");
	profile_free(p);
}
END_TEST

START_TEST(mistakes_in_new_keys_name_the_key)
{
	ck_assert_str_eq(refused("\"type\": \"basic\",", "\"type\": \"basic\", \"header\": \"A\", \"value\": \"{password}\","),
			 "v2.json: auth: basic authentication sends its own Authorization header; leave out 'header' and 'value'");
	ck_assert_str_eq(refused("\"identity\": \"userId\", ", ""),
			 "v2.json: auth: 'guest' needs 'identity': the path whose value tells a guest");
	ck_assert_str_eq(refused("\"guest\": [0, \"20139\"]", "\"guest\": [{}]"),
			 "v2.json: auth.guest: expected strings or numbers, got an object");
	ck_assert_str_eq(refused("\"type\": \"basic\"", "\"type\": \"digest\""),
			 "v2.json: auth: 'digest' is not an authentication type (expected none, login, api_key, bearer or basic)");
	ck_assert_str_eq(refused("\"groupId\": \"35417\"", "\"groupId\": \"{group}\""),
			 "v2.json: headers.groupId: unknown variable {group} in \"{group}\" (known here: token, user, password)");
	ck_assert_str_eq(refused("\"new_due\": \"epoch_ms\"", "\"due\": \"epoch_ms\""),
			 "v2.json: operations.action.formats.due: not a date variable of this operation (date variables: new_due in action, from and to in stats)");
	ck_assert_str_eq(refused("\"new_due\": \"epoch_ms\"", "\"new_due\": \"yy\""),
			 "v2.json: operations.action.formats.new_due: 'yy' is not a date format (expected iso8601, epoch, epoch_ms or a pattern with yyyy, MM, dd and optionally HH, mm, ss)");
	ck_assert_str_eq(refused("\"reply\": \"none\"", "\"reply\": \"nothing\""),
			 "v2.json: operations.action.reply: expected dossier (the reply is the dossier after the action) or none (read it again)");
	ck_assert_str_eq(refused("\"path\": \"/dossiers/{code}\",", "\"path\": \"/dossiers/{code}\", \"reply\": \"none\","),
			 "v2.json: operations.get_dossier.reply: only the action operation may have a reply that is not its record");
	ck_assert_str_eq(refused("\"2\": [\"assign\"]", "\"11\": [\"assign\"]"),
			 "v2.json: vocab.allowed.11: expected a status: a national code 1 to 10 or its name (new, accepted, ...), "
			 "or a role (reception, specialist, leader, records) with its own statuses");
	ck_assert_str_eq(refused("\"2\": [\"assign\"]", "\"2\": [\"sign\"]"),
			 "v2.json: vocab.allowed.2: 'sign' is not an action (expected motcua's names: accept, assign, ...)");
	ck_assert_str_eq(refused("\"$sep\": \". \"", "\"$sep\": \". \", \"$join\": 1"),
			 "v2.json: operations.action.body: a \"$text\" object has only \"$text\" and \"$sep\", not \"$join\"");
	ck_assert_str_eq(refused("\"failure\": \"status\"", "\"failure\": \"items[]\""),
			 "v2.json: envelope.failure: '[]' is not allowed here: name one element, as in [0]");
}
END_TEST

/* ---- what is sent and how replies are read ---- */

START_TEST(basic_auth_and_group_header_on_every_request)
{
	struct api_list_query q = { .prio = HTTP_INTERACTIVE, .status = "2,4" };

	start_with(opencps, NULL, NULL, "right");
	api_login(api, on_done, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	got.done = false;
	api_list(api, &q, on_page, on_done, NULL);
	run();
	/* base64("tiepnhan1:right"); the status filter in the API's words,
	 * every word of a code; start/end with end exclusive; pages counted
	 * by what came, since this server sends 2 where 3 were asked */
	ck_assert_str_eq(srv.log,
			 "GET /users/login | 35417 | Basic dGllcG5oYW4xOnJpZ2h0 | \n"
			 "GET /dossiers?start=0&end=3&status=receiving,processing,waiting | 35417 | Basic dGllcG5oYW4xOnJpZ2h0 | \n"
			 "GET /dossiers?start=2&end=5&status=receiving,processing,waiting | 35417 | Basic dGllcG5oYW4xOnJpZ2h0 | \n"
			 "GET /dossiers?start=4&end=7&status=receiving,processing,waiting | 35417 | Basic dGllcG5oYW4xOnJpZ2h0 | \n");
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_str_eq(got.codes, "D0 D1 D2 D3 D4 ");
	/* a status word the profile lacks leaves that one unset */
	ck_assert_int_eq(got.statuses[3], 0);
	ck_assert_int_eq(got.statuses[4], ST_PROCESSING);
	stop();
}
END_TEST

START_TEST(a_capped_page_size_is_never_a_complete_list)
{
	struct api_list_query q = { .prio = HTTP_INTERACTIVE };

	/* a server that places a page by the size asked (its start is the
	 * end asked) but sends fewer: items are skipped, and the total tells */
	start_with(opencps, "\"start\": \"{offset}\"", "\"start\": \"{end}\"", "right");
	api_list(api, &q, on_page, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_BADREPLY);
	ck_assert_str_eq(got.r.e.msg, "the server listed 2 of the 5 it reported, asking 3 per page: it may send fewer per page than asked; set paging.size to what it sends");
	stop();
}
END_TEST

START_TEST(a_guest_for_a_wrong_password_is_a_failed_login)
{
	static const struct route guest[] = {
		{ "GET", "/users/login", "{\"userId\":20139,\"screenName\":\"guest\"}" },
		{ NULL, NULL, NULL },
	};

	start_with(guest, NULL, NULL, "wrong");
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_AUTH);
	ck_assert_str_eq(got.r.e.msg, "the server did not accept the login of tiepnhan1: it answered as to an anonymous guest (wrong user name or password?)");
	stop();
}
END_TEST

/* server_id: a profile names its server, or points at the login reply's
 * header that does; the identity names the local store. */
START_TEST(the_server_s_identity_from_the_profile_or_the_login)
{
	static const struct route login[] = {
		{ "GET", "/users/login", "{\"userId\":5,\"screenName\":\"tiepnhan1\"}" },
		{ NULL, NULL, NULL },
	};
	struct profile *p;
	struct api *a;
	struct err e;

	ck_assert_str_eq(refused("\"headers\"", "\"server_id\": \"x\", \"headers\""),
			 "v2.json: server_id: expected an object: {\"name\": ...} or {\"header\": ...}, got a string");
	ck_assert_str_eq(refused("\"headers\"", "\"server_id\": {}, \"headers\""),
			 "v2.json: server_id: give one of 'name' (the identity itself) or 'header' (the login reply's header that carries it)");
	ck_assert_str_eq(refused("\"headers\"", "\"server_id\": {\"name\": \"a\", \"header\": \"b\"}, \"headers\""),
			 "v2.json: server_id: give one of 'name' (the identity itself) or 'header' (the login reply's header that carries it)");
	ck_assert_str_eq(refused("\"headers\"", "\"server_id\": {\"name\": \"\"}, \"headers\""),
			 "v2.json: server_id: 'name' is empty: give the identity the local store is named after");

	/* a name is the server at the profile's own address only */
	p = variant("\"headers\"", "\"base_url\": \"http://10.0.0.1:8080/\", \"server_id\": {\"name\": \"tinh-x\"}, \"headers\"", &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	a = api_new(NULL, NULL, p, NULL, "u", NULL);
	ck_assert_str_eq(api_server_id(a), "tinh-x");
	api_free(a);
	a = api_new(NULL, NULL, p, "http://10.0.0.1:8080", "u", NULL);
	ck_assert_str_eq(api_server_id(a), "tinh-x");
	api_free(a);
	a = api_new(NULL, NULL, p, "http://10.0.0.2:8080", "u", NULL);
	ck_assert_ptr_null(api_server_id(a));
	api_free(a);
	profile_free(p);

	/* a header: known once a login's reply said it */
	start_with(login, "\"headers\"", "\"server_id\": {\"header\": \"X-Server-Id\"}, \"headers\"", "pw");
	ck_assert_ptr_null(api_server_id(api));
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_OK);
	ck_assert_str_eq(api_server_id(api), "fake-1");
	stop();
	/* a profile that does not ask knows none */
	start_with(login, NULL, NULL, "pw");
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_OK);
	ck_assert_ptr_null(api_server_id(api));
	stop();
}
END_TEST

START_TEST(a_failure_wrapped_in_a_200_is_a_failed_login)
{
	static const struct route wrapped[] = {
		{ "GET", "/users/login", "{\"status\":401,\"message\":\"Sai mật khẩu\"}" },
		{ NULL, NULL, NULL },
	};

	start_with(wrapped, NULL, NULL, "wrong");
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_AUTH);
	ck_assert_str_eq(got.r.e.msg, "the login of tiepnhan1 failed: the server refused: Sai mật khẩu");
	stop();
}
END_TEST

START_TEST(a_token_login_without_a_token_failed)
{
	static const struct route token[] = {
		{ "GET", "/users/login", "{\"userId\":20301,\"token\":\"\"}" },
		{ NULL, NULL, NULL },
	};

	start_with(token, "\"type\": \"basic\",",
		   "\"type\": \"login\", \"token\": \"token\", \"header\": \"X-Token\", \"value\": \"{token}\",",
		   "right");
	api_login(api, on_done, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_AUTH);
	ck_assert_str_eq(got.r.e.msg, "the server did not accept the login of tiepnhan1: its reply has no token at token");
	stop();
}
END_TEST

START_TEST(a_token_that_ran_out_is_renewed_before_the_request)
{
	static const struct route token[] = {
		{ "GET", "/users/login", "{\"userId\":20301,\"token\":\"T1\",\"expires_in\":0.001}" },
		{ "GET", "/dossiers/D2", "{\"dossierId\":\"D2\",\"dossierStatus\":\"waiting\"}" },
		{ NULL, NULL, NULL },
	};

	start_with(token, "\"type\": \"basic\",",
		   "\"type\": \"login\", \"token\": \"token\", \"expires_in\": \"expires_in\", \"header\": \"X-Token\", \"value\": \"{token}\",",
		   "right");
	api_login(api, on_done, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	usleep(5000);	/* past the token's one millisecond */
	got.done = false;
	api_get(api, "D2", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_int_eq(srv.logins, 2);
	stop();
}
END_TEST

/* vocab.allowed by role: the fixture's auth names where the role is, its
 * vocabularies what the API's roles are and what a leader may do. */
#define VOCAB_TAIL \
	"    \"status\": { \"new\": 1, \"receiving\": 2, \"processing\": 4, \"waiting\": 4, \"done\": 10 },\n" \
	"    \"actions\": { \"accept\": \"1100\", \"assign\": \"1200\", \"request-supplement\": \"2100\",\n" \
	"                 \"reschedule\": \"8000\" },\n"
#define ROLE_FROM "\"guest\": [0, \"20139\"] },\n" \
	"  /* a failure is wrapped, a success is not */\n" \
	"  \"envelope\": { \"failure\": \"status\", \"message\": \"message\", \"code\": \"status\" },\n" \
	"  \"vocab\": {\n" VOCAB_TAIL \
	"    \"allowed\": { \"2\": [\"assign\"], \"processing\": [\"request-supplement\", \"reschedule\"] }\n"
#define ROLE_TO "\"guest\": [0, \"20139\"], \"role\": \"role\" },\n" \
	"  \"envelope\": { \"failure\": \"status\", \"message\": \"message\", \"code\": \"status\" },\n" \
	"  \"vocab\": { \"role\": { \"LD\": \"leader\", \"CV\": \"specialist\" },\n" VOCAB_TAIL \
	"    \"allowed\": { \"processing\": [\"request-supplement\", \"reschedule\"],\n" \
	"                 \"leader\": { \"processing\": [\"assign\"], \"new\": [\"accept\"] } }\n"

START_TEST(allowed_actions_by_role)
{
	static const struct route routes[] = {
		{ "GET", "/users/login", "{\"userId\":20301,\"role\":\"LD\"}" },
		{ "GET", "/dossiers/D2", "{\"dossierId\":\"D2\",\"dossierStatus\":\"waiting\"}" },
		{ NULL, NULL, NULL },
	};
	struct err e;
	struct profile *p = variant(ROLE_FROM, ROLE_TO, &e);

	ck_assert_msg(p != NULL, "%s", e.msg);
	ck_assert_uint_eq(profile_allowed(p, ROLE_LEADER, ST_PROCESSING), 1u << ACT_ASSIGN);
	ck_assert_uint_eq(profile_allowed(p, ROLE_LEADER, ST_NEW), 1u << ACT_ACCEPT);
	ck_assert_uint_eq(profile_allowed(p, ROLE_SPECIALIST, ST_PROCESSING),
			  1u << ACT_REQUEST_SUPPLEMENT | 1u << ACT_RESCHEDULE);
	ck_assert_uint_eq(profile_allowed(p, -1, ST_PROCESSING), 1u << ACT_REQUEST_SUPPLEMENT | 1u << ACT_RESCHEDULE);
	ck_assert_uint_eq(profile_allowed(p, ROLE_SPECIALIST, ST_NEW), 0);
	ck_assert_int_eq(profile_role(p, "CV"), ROLE_SPECIALIST);
	ck_assert_int_eq(profile_role(p, "specialist"), -1);
	profile_free(p);
	ck_assert_str_eq(refused("\"allowed\": { \"2\"", "\"allowed\": { \"leader\": [\"assign\"], \"2\""),
			 "v2.json: vocab.allowed.leader: expected a status: a national code 1 to 10 or its name (new, accepted, ...), or a role (reception, specialist, leader, records) with its own statuses");
	ck_assert_str_eq(refused("\"allowed\": { \"2\"", "\"allowed\": { \"leader\": { \"boss\": [] }, \"2\""),
			 "v2.json: vocab.allowed.leader.boss: expected a status: a national code 1 to 10 or its name (new, accepted, ...)");

	/* the login says a leader: a dossier in processing offers assign */
	start_with(routes, ROLE_FROM, ROLE_TO, "right");
	api_login(api, on_done, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	got.done = false;
	api_get(api, "D2", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_uint_eq(got.d->allowed, 1u << ACT_ASSIGN);
	stop();
}
END_TEST

START_TEST(an_action_record_reply_reads_the_dossier_again)
{
	static const int missing[] = { 2, 5 };
	struct api_act_args args = { .version = "9", .reason = "thiếu bản sao", .missing = missing,
				     .nmissing = 2, .new_due = 1764034200 };
	const char *post;

	start_with(opencps, NULL, NULL, "right");
	api_act(api, "D2", ACT_REQUEST_SUPPLEMENT, &args, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_ptr_nonnull(got.d);
	ck_assert_int_eq(got.d->status, ST_PROCESSING);
	/* no list from the API: the status's actions, as far as the profile has them */
	ck_assert_uint_eq(got.d->allowed, 1u << ACT_REQUEST_SUPPLEMENT | 1u << ACT_RESCHEDULE);
	/* the date in epoch ms; the note composed of what is set only, the
	 * list as text; the dossier read again without the old version */
	post = strstr(srv.log, "POST ");
	ck_assert_ptr_nonnull(post);
	ck_assert_str_eq(post,
			 "POST /dossiers/D2/actions | 35417 | Basic dGllcG5oYW4xOnJpZ2h0 | "
			 "actionCode=2100&dueDate=1764034200000&actionNote=L%C3%BD%20do%3A%20thi%E1%BA%BFu%20b%E1%BA%A3n%20sao.%20Thi%E1%BA%BFu%3A%202%2C%205\n"
			 "GET /dossiers/D2 | 35417 | Basic dGllcG5oYW4xOnJpZ2h0 | \n");
	stop();
}
END_TEST

START_TEST(parts_read_apart_are_joined_into_the_dossier)
{
	static const struct route parts[] = {
		{ "GET", "/dossiers/D2", "{\"dossierId\":\"D2\",\"dossierStatus\":\"receiving\"}" },
		{ "GET", "/dossiers/D2/logs", "{\"total\":2,\"data\":[{\"createDate\":\"24/11/2025 08:00:00\",\"userName\":\"Lê An\",\"content\":\"Tiếp nhận\"},{\"createDate\":\"24/11/2025 09:00:00\",\"userName\":\"Hà Bình\"}]}" },
		{ "GET", "/dossiers/D2/nextactions", "{\"data\":[{\"actionCode\":\"1100\"},{\"actionCode\":\"9999\"}]}" },
		{ NULL, NULL, NULL },
	};

	start_with(parts, "\"headers\": { \"If-None-Match\": \"{version}\" } },",
		   "\"join\": { \"log\": { \"path\": \"/dossiers/{code}/logs\", \"items\": \"data\" },"
		   " \"allowed_actions\": { \"path\": \"/dossiers/{code}/nextactions\", \"items\": \"data\","
		   " \"name\": \"actionCode\" } } },", "right");
	api_get(api, "D2", HTTP_INTERACTIVE, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_int_eq(got.d->nlog, 2);
	ck_assert_str_eq(got.d->log[1].who, "Hà Bình");
	/* the API's list, not the status's: accept, and no unknown 9999 */
	ck_assert_uint_eq(got.d->allowed, 1u << ACT_ACCEPT);
	stop();
}
END_TEST

START_TEST(a_join_s_mistakes_name_the_key)
{
	ck_assert_str_eq(refused("\"headers\": { \"If-None-Match\": \"{version}\" } },",
				 "\"join\": { \"fee\": { \"path\": \"/f\" } } },"),
			 "v2.json: operations.get_dossier.join.fee: only log, components, due_history and allowed_actions can be joined");
	ck_assert_str_eq(refused("\"headers\": { \"If-None-Match\": \"{version}\" } },",
				 "\"join\": { \"components\": { \"path\": \"/c\" } } },"),
			 "v2.json: operations.get_dossier.join.components: needs fields.component to read its items");
	ck_assert_str_eq(refused("\"headers\": { \"If-None-Match\": \"{version}\" } },",
				 "\"join\": { \"log\": { \"path\": \"/l/{id}\" } } },"),
			 "v2.json: operations.get_dossier.join.log.path: unknown variable {id} in \"/l/{id}\" (known here: token, user, password, code, version)");
}
END_TEST

START_TEST(an_assignee_s_login_becomes_the_api_s_id)
{
	static const struct route users[] = {
		{ "GET", "/users", "{\"data\":[{\"userId\":20401,\"screenName\":\"chuyenvien1\"}]}" },
		{ "POST", "/dossiers/D2/actions", "{\"dossierActionId\":78}" },
		{ "GET", "/dossiers/D2", "{\"dossierId\":\"D2\",\"dossierStatus\":\"processing\"}" },
		{ NULL, NULL, NULL },
	};
	static const struct route nobody[] = {
		{ "GET", "/users", "{\"data\":[]}" },
		{ NULL, NULL, NULL },
	};
	struct api_act_args args = { .assignee = "chuyenvien1" };
	const char *resolve = "\"resolve\": { \"assignee\": { \"path\": \"/users\","
			      " \"query\": { \"screenName\": \"{assignee}\" }, \"value\": \"data[0].userId\" } },"
			      " \"formats\"";

	start_with(users, "\"formats\"", resolve, "right");
	api_act(api, "D2", ACT_ASSIGN, &args, on_dossier, NULL);
	run();
	ck_assert_msg(got.r.fail == API_OK, "%s", got.r.e.msg);
	ck_assert_ptr_nonnull(strstr(srv.log, "GET /users?screenName=chuyenvien1 |"));
	ck_assert_ptr_nonnull(strstr(srv.log, "actionCode=1200&assignUsers=20401\n"));
	stop();
	start_with(nobody, "\"formats\"", resolve, "right");
	api_act(api, "D2", ACT_ASSIGN, &args, on_dossier, NULL);
	run();
	ck_assert_int_eq(got.r.fail, API_E_REFUSED);
	ck_assert_str_eq(got.r.e.msg, "the server knows no colleague chuyenvien1 to assign (nothing at data[0].userId of its reply)");
	/* nothing was sent but the question */
	ck_assert_ptr_null(strstr(srv.log, "POST"));
	stop();
	ck_assert_str_eq(refused("\"headers\": { \"If-None-Match\": \"{version}\" } },",
				 "\"resolve\": { \"assignee\": { \"path\": \"/u\", \"value\": \"id\" } } },"),
			 "v2.json: operations.get_dossier.resolve: only the action operation resolves a login to the API's id");
	ck_assert_str_eq(refused("\"formats\"", "\"resolve\": { \"assignee\": { \"path\": \"/u\" } }, \"formats\""),
			 "v2.json: operations.action.resolve.assignee: 'value' is missing: the path of the id in the reply");
}
END_TEST

START_TEST(unset_parts_of_a_text_are_left_out)
{
	struct tvars tv = { 0 };
	cJSON *t = cJSON_Parse("{\"a\": \"{reason} {note}\", \"b\": {\"$text\": [\"R: {reason}\", \"{note}\"]},"
			       " \"c\": \"{{literal}}\"}");
	cJSON *out = tmpl_json(t, &tv);
	char *s = cJSON_PrintUnformatted(out);

	/* nothing set: no blank for the API to store as the clerk's note */
	ck_assert_str_eq(s, "{\"c\":\"{literal}\"}");
	free(s);
	cJSON_Delete(out);
	tvars_str(&tv, "note", "xin gấp");
	out = tmpl_json(t, &tv);
	s = cJSON_PrintUnformatted(out);
	ck_assert_str_eq(s, "{\"a\":\" xin gấp\",\"b\":\"xin gấp\",\"c\":\"{literal}\"}");
	free(s);
	cJSON_Delete(out);
	cJSON_Delete(t);
}
END_TEST

static Suite *profile_v2_suite(void)
{
	Suite *s = suite_create("profile_v2");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, comments_and_new_keys_load);
	tcase_add_test(tc, mistakes_in_new_keys_name_the_key);
	tcase_add_test(tc, basic_auth_and_group_header_on_every_request);
	tcase_add_test(tc, a_capped_page_size_is_never_a_complete_list);
	tcase_add_test(tc, a_guest_for_a_wrong_password_is_a_failed_login);
	tcase_add_test(tc, the_server_s_identity_from_the_profile_or_the_login);
	tcase_add_test(tc, a_failure_wrapped_in_a_200_is_a_failed_login);
	tcase_add_test(tc, a_token_login_without_a_token_failed);
	tcase_add_test(tc, a_token_that_ran_out_is_renewed_before_the_request);
	tcase_add_test(tc, an_action_record_reply_reads_the_dossier_again);
	tcase_add_test(tc, allowed_actions_by_role);
	tcase_add_test(tc, parts_read_apart_are_joined_into_the_dossier);
	tcase_add_test(tc, a_join_s_mistakes_name_the_key);
	tcase_add_test(tc, an_assignee_s_login_becomes_the_api_s_id);
	tcase_add_test(tc, unset_parts_of_a_text_are_left_out);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(profile_v2_suite)
