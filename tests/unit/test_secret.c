/* The clerk's secret: MOTCUA_PASSWORD taken out of the environment and
 * wiped there, and the process made to dump no core. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "check_main.h"
#include "secret.h"

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
	tcase_add_test(tc, no_core_dump);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(secret_suite)
