/* Where the local stores live (store_where.c): named after the server's
 * identity, else its host and port; nothing made before a login
 * (store_path) and the folders made after it (store_settle); a store
 * from before identities moved and linked, not stranded; the other
 * stores of a clerk found and their waiting actions taken over once. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "store/outbox.h"
#include "store/store.h"

static char dir[256], top[300];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/motcua-where.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	setenv("XDG_DATA_HOME", dir, 1);
	snprintf(top, sizeof top, "%s/motcua", dir);
}

static void teardown(void)
{
	char cmd[400];

	unsetenv("XDG_DATA_HOME");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void ends_with(const char *path, const char *tail)
{
	size_t n = strlen(path), t = strlen(tail);

	ck_assert_msg(n >= t && !strcmp(path + n - t, tail), "%s does not end with %s", path, tail);
}

START_TEST(the_key_is_the_identity_else_host_and_port)
{
	char path[4096];
	struct err e;

	ck_assert_int_eq(store_path("https://dvc.example.vn:8443/api", NULL, "tiep nhan/1", path, sizeof path, &e), 0);
	ends_with(path, "/motcua/dvc.example.vn_8443/tiep_nhan_1.db");
	ck_assert_int_eq(store_path("https://dvc.example.vn:8443/api", "", "canbo", path, sizeof path, &e), 0);
	ends_with(path, "/motcua/dvc.example.vn_8443/canbo.db");
	/* the identity, whatever the address; no name of it leaves the folder */
	ck_assert_int_eq(store_path("http://127.0.0.1:40001", "sandbox-1f2e", "canbo", path, sizeof path, &e), 0);
	ends_with(path, "/motcua/@sandbox-1f2e/canbo.db");
	ck_assert_int_eq(store_path("http://127.0.0.1:40002", "sandbox-1f2e", "canbo", path, sizeof path, &e), 0);
	ends_with(path, "/motcua/@sandbox-1f2e/canbo.db");
	ck_assert_int_eq(store_path("http://x", "../../etc", NULL, path, sizeof path, &e), 0);
	ends_with(path, "/motcua/@.._.._etc/default.db");
	ck_assert_int_eq(store_path("http://", NULL, "canbo", path, sizeof path, &e), -1);
	ck_assert_str_eq(e.msg, "no server URL to name the local store after");
	/* naming makes nothing */
	ck_assert_int_eq(access(top, F_OK), -1);
}
END_TEST

START_TEST(settling_makes_the_folders_private)
{
	char path[4096], want[4096];
	struct stat st;
	struct err e;

	ck_assert_int_eq(store_settle("http://127.0.0.1:40001", "sandbox-1f2e", "canbo", path, sizeof path, &e), 0);
	snprintf(want, sizeof want, "%s/@sandbox-1f2e/canbo.db", top);
	ck_assert_str_eq(path, want);
	snprintf(want, sizeof want, "%s/@sandbox-1f2e", top);
	ck_assert_int_eq(stat(want, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	ck_assert_int_eq(stat(top, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
}
END_TEST

static void make_store(const char *path, const char *server_id, const char *code, char key[33])
{
	struct store *s;
	struct ob_entry en;
	struct err e;

	ck_assert_msg((s = store_open(path, &e)) != NULL, "%s", e.msg);
	if (server_id)
		ck_assert_int_eq(store_meta_set(s, "server_id", server_id, &e), 0);
	if (code) {
		ck_assert_int_eq(outbox_add(s, code, ACT_ACCEPT, &(struct api_act_args){ .note = "n" }, 100,
					    &en, &e), 0);
		memcpy(key, en.key, 33);
		ob_entry_free(&en);
	}
	store_close(s);
}

static void link_is(const char *name, const char *target)
{
	char path[600], got[256];
	ssize_t n;

	snprintf(path, sizeof path, "%s/%s", top, name);
	ck_assert_int_gt(n = readlink(path, got, sizeof got - 1), 0);
	got[n] = '\0';
	ck_assert_str_eq(got, target);
}

/* A store kept by host and port before the server named itself becomes
 * the named one, and the address a link to it; another server later at
 * that address takes the link. */
START_TEST(a_store_from_before_is_moved_and_linked)
{
	char path[4096], old[4096], key[33];
	struct err e;

	ck_assert_int_eq(store_settle("http://127.0.0.1:40001", NULL, "canbo", old, sizeof old, &e), 0);
	make_store(old, NULL, "D-1", key);
	ck_assert_int_eq(store_settle("http://127.0.0.1:40001", "s1", "canbo", path, sizeof path, &e), 0);
	link_is("127.0.0.1_40001", "@s1");
	ck_assert_int_eq(access(path, F_OK), 0);
	/* the old path still reaches it: an open store stays valid */
	ck_assert_int_eq(access(old, F_OK), 0);
	ck_assert_int_eq(store_settle("http://127.0.0.1:40001", "s2", "canbo", path, sizeof path, &e), 0);
	link_is("127.0.0.1_40001", "@s2");
	snprintf(old, sizeof old, "%s/@s1/canbo.db", top);
	ck_assert_int_eq(access(old, F_OK), 0);
}
END_TEST

/* The other stores with waiting actions: of this server or from before
 * identities, never another server's, never this one, never a link; taken
 * over once, keys and all. */
START_TEST(the_other_stores_are_found_and_taken_over_once)
{
	char mine[4096], a[4096], b[4096], c[4096], key[33], k2[33];
	struct store_other *v;
	struct ob_entry en;
	struct store *s;
	size_t n;
	struct err e;

	ck_assert_int_eq(store_settle("http://127.0.0.1:1", "s1", "canbo", mine, sizeof mine, &e), 0);
	make_store(mine, "s1", NULL, NULL);
	ck_assert_int_eq(store_settle("http://127.0.0.1:2", NULL, "canbo", a, sizeof a, &e), 0);
	make_store(a, NULL, "D-1", key);			/* before identities */
	ck_assert_int_eq(store_settle("http://127.0.0.1:3", "s2", "canbo", b, sizeof b, &e), 0);
	make_store(b, "s2", "D-2", k2);				/* another server */
	ck_assert_int_eq(store_settle("http://127.0.0.1:4", NULL, "other", c, sizeof c, &e), 0);
	make_store(c, NULL, "D-3", k2);				/* another clerk */
	ck_assert_int_eq(store_others(mine, "s1", "p", "canbo", &v, &n, &e), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].path, a);
	ck_assert_int_eq(v[0].waiting, 1);
	store_others_free(v, n);

	ck_assert_msg((s = store_open(mine, &e)) != NULL, "%s", e.msg);
	ck_assert_int_eq(outbox_adopt(s, a, 200, &e), 1);
	ck_assert_int_eq(outbox_next(s, &en, &e), 1);
	ck_assert_str_eq(en.key, key);
	ck_assert_str_eq(en.code, "D-1");
	ck_assert_str_eq(en.note, "n");
	ob_entry_free(&en);
	ck_assert_int_eq(outbox_adopt(s, a, 200, &e), 0);
	ck_assert_int_eq(outbox_pending(s), 1);
	ck_assert_int_eq(store_others(mine, "s1", "p", "canbo", &v, &n, &e), 0);
	ck_assert_uint_eq(n, 0);
	store_others_free(v, n);
	store_close(s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store_where");
	TCase *tc = tcase_create("store_where");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_key_is_the_identity_else_host_and_port);
	tcase_add_test(tc, settling_makes_the_folders_private);
	tcase_add_test(tc, a_store_from_before_is_moved_and_linked);
	tcase_add_test(tc, the_other_stores_are_found_and_taken_over_once);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
