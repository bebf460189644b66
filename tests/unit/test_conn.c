/* The one wiring of profile, transport, API and local store that both front
 * ends use (client/app/conn.c): what cannot be set up comes back as a
 * value with a sentence, and a failed connection is left closed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/conn.h"
#include "check_main.h"

static struct loop loop;
static char dir[] = "/tmp/motcua-conn.XXXXXX";

static void setup(void)
{
	struct err e;

	ck_assert_int_eq(loop_init(&loop, &e), 0);
	ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/motcua-conn.XXXXXX")));
	setenv("XDG_DATA_HOME", dir, 1);	/* the stores go here */
}

static void teardown(void)
{
	char cmd[128];

	loop_free(&loop);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static bool closed(const struct conn *c)
{
	return !c->prof && !c->http && !c->api && !c->store;
}

START_TEST(a_profile_that_does_not_exist_is_named)
{
	struct cli cli = { .profile = "sandbox-nowhere", .server = "http://127.0.0.1:9" };
	struct conn c;
	struct err e;

	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_E_PROFILE);
	ck_assert_msg(strstr(e.msg, "no profile named 'sandbox-nowhere'"), "%s", e.msg);
	ck_assert(closed(&c));
	conn_close(&c);		/* harmless on a failed one */

	cli.profile = "/nowhere/profile.json";
	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_E_PROFILE);
	ck_assert_msg(strstr(e.msg, "cannot read the profile /nowhere/profile.json"), "%s", e.msg);

	cli.profile = NULL;
	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_E_PROFILE);
	ck_assert_msg(strstr(e.msg, "give --profile NAME"), "%s", e.msg);
	ck_assert(closed(&c));
}
END_TEST

/* A URL with no host names no store: the connection itself opens (the API
 * says so when it sends), the store is refused with a sentence. */
START_TEST(a_url_without_a_host_names_no_store)
{
	struct cli cli = { .profile = "sandbox-reference", .server = "http://", .user = "tiepnhan1" };
	struct conn c;
	struct err e;

	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_OK);
	ck_assert_ptr_null(conn_store(&c, &e));
	ck_assert_str_eq(e.msg, "no server URL to name the local store after");
	ck_assert_ptr_null(c.store);
	conn_close(&c);
	ck_assert(closed(&c));
}
END_TEST

START_TEST(the_store_is_named_after_the_server_and_user_and_opened_once)
{
	struct cli cli = { .profile = "sandbox-reference", .server = "http://127.0.0.1:9/api", .user = "tiepnhan1" };
	struct conn c;
	struct store *s, *was;
	struct err e;
	char want[256];

	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_OK);
	ck_assert_str_eq(api_profile(c.api)->name, c.prof->name);
	ck_assert_ptr_null(c.store);	/* not before it is wanted */
	/* nothing is made before a login: none there yet is said so */
	ck_assert_ptr_null(conn_store(&c, &e));
	ck_assert_str_eq(e.msg, "no local store of tiepnhan1 for this server yet: it is made at the first login");
	snprintf(want, sizeof want, "%s/motcua", dir);
	ck_assert_int_eq(access(want, F_OK), -1);
	/* the client draws from one in memory until then */
	ck_assert_msg((s = conn_store_interim(&c, &e)) != NULL, "%s", e.msg);
	ck_assert(c.interim);
	ck_assert_int_eq(access(want, F_OK), -1);
	/* the login succeeded (this server names no identity): made now */
	ck_assert_msg(conn_settle(&c, &was, &e) == 0, "%s", e.msg);
	ck_assert_ptr_eq(was, s);
	store_close(was);
	ck_assert(!c.interim);
	ck_assert_msg((s = conn_store(&c, &e)) != NULL, "%s", e.msg);
	ck_assert_ptr_eq(conn_store(&c, &e), s);
	snprintf(want, sizeof want, "%s/motcua/127.0.0.1_9/tiepnhan1.db", dir);
	ck_assert_str_eq(store_file(s), want);
	ck_assert_int_eq(access(want, F_OK), 0);
	conn_close(&c);
	ck_assert(closed(&c));
	/* the next run finds it before any contact */
	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_OK);
	ck_assert_msg((s = conn_store(&c, &e)) != NULL, "%s", e.msg);
	ck_assert_str_eq(store_file(s), want);
	conn_close(&c);
}
END_TEST

/* One loop drives one transport: a second connection on it fails as a
 * transport failure, and frees its profile (the sanitizers see a leak). */
START_TEST(a_transport_that_cannot_be_set_up)
{
	struct cli cli = { .profile = "sandbox-reference", .server = "http://127.0.0.1:9" };
	struct conn c, again;
	struct err e;

	ck_assert_int_eq(conn_open(&c, &loop, &cli, NULL, &e), CONN_OK);
	ck_assert_int_eq(conn_open(&again, &loop, &cli, NULL, &e), CONN_E_TRANSPORT);
	ck_assert_str_eq(e.msg, "the event loop already drives an HTTP transport");
	ck_assert(closed(&again));
	conn_close(&c);
}
END_TEST

static Suite *conn_suite(void)
{
	Suite *s = suite_create("conn");
	TCase *tc = tcase_create("conn");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_profile_that_does_not_exist_is_named);
	tcase_add_test(tc, a_url_without_a_host_names_no_store);
	tcase_add_test(tc, the_store_is_named_after_the_server_and_user_and_opened_once);
	tcase_add_test(tc, a_transport_that_cannot_be_set_up);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(conn_suite)
