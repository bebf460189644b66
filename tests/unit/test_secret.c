/* The clerk's secret: MOTCUA_PASSWORD taken out of the environment and
 * wiped there, a password file other users may read refused with the fix
 * named, and the process made to dump no core. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "app/secret.h"
#include "check_main.h"

START_TEST(env_password_is_taken_out_and_wiped)
{
	char *was, *got;

	setenv("MOTCUA_PASSWORD", "s3cret-unit", 1);
	was = getenv("MOTCUA_PASSWORD");
	got = secret_take_env();
	ck_assert_str_eq(got, "s3cret-unit");
	ck_assert_ptr_null(getenv("MOTCUA_PASSWORD"));
	/* the text itself, not only the pointer to it */
	ck_assert_int_eq(was[0], '\0');
	/* a child (the print command) does not inherit it */
	ck_assert_int_eq(system("test -z \"${MOTCUA_PASSWORD+set}\""), 0);
	secret_free(got);

	setenv("MOTCUA_PASSWORD", "", 1);
	ck_assert_ptr_null(secret_take_env());
	ck_assert_ptr_null(getenv("MOTCUA_PASSWORD"));
}
END_TEST

/* A password file of that mode in a fresh directory; its path in buf. */
static void password_file(char *buf, size_t len, mode_t mode)
{
	const char *tmp = getenv("TMPDIR");
	char dir[256];
	int fd;

	snprintf(dir, sizeof dir, "%s/test_secret-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(buf, len, "%s/password", dir);
	fd = open(buf, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "desk-pass\n", 10), 10);
	ck_assert_int_eq(fchmod(fd, mode), 0);
	close(fd);
}

START_TEST(password_file_open_to_others_is_refused)
{
	char path[300], want[800];
	struct err e = { "" };
	char *got;

	password_file(path, sizeof path, 0644);
	ck_assert_ptr_null(secret_read(NULL, path, "tiepnhan1", &e));
	snprintf(want, sizeof want, "the password file %s is open to other users (mode 0644): "
		 "make it private with chmod 600 %s", path, path);
	ck_assert_str_eq(e.msg, want);

	ck_assert_int_eq(chmod(path, 0620), 0);
	e.msg[0] = '\0';
	ck_assert_ptr_null(secret_read(NULL, path, "tiepnhan1", &e));
	ck_assert_ptr_nonnull(strstr(e.msg, "(mode 0620)"));

	ck_assert_int_eq(chmod(path, 0600), 0);
	got = secret_read(NULL, path, "tiepnhan1", &e);
	ck_assert_str_eq(got, "desk-pass");
	secret_free(got);
	ck_assert_int_eq(chmod(path, 0400), 0);
	got = secret_read(NULL, path, "tiepnhan1", &e);
	ck_assert_str_eq(got, "desk-pass");
	secret_free(got);
	/* MOTCUA_PASSWORD (taken by main) comes first */
	got = secret_read("from-env", path, "tiepnhan1", &e);
	ck_assert_str_eq(got, "from-env");
	secret_free(got);
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}
END_TEST

START_TEST(no_core_dump)
{
	struct rlimit rl;

	secret_protect_process();
	ck_assert_int_eq(getrlimit(RLIMIT_CORE, &rl), 0);
	ck_assert_int_eq(rl.rlim_cur, 0);
	ck_assert_int_eq(rl.rlim_max, 0);
#ifdef __linux__
	ck_assert_int_eq(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
}
END_TEST

static Suite *secret_suite(void)
{
	Suite *s = suite_create("secret");
	TCase *tc = tcase_create("secret");

	tcase_add_test(tc, env_password_is_taken_out_and_wiped);
	tcase_add_test(tc, password_file_open_to_others_is_refused);
	tcase_add_test(tc, no_core_dump);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(secret_suite)
