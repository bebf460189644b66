/* One Check suite per test program: each test file defines its suite and
 * ends with CHECK_MAIN(its_suite). The closing line Check prints
 * ("100%: Checks: N, Failures: 0, Errors: 0") is what CI shows. */
#ifndef MOTCUA_CHECK_MAIN_H
#define MOTCUA_CHECK_MAIN_H

#include <check.h>
#include <locale.h>
#include <stdlib.h>

#define CHECK_MAIN(make_suite)                                          \
	int main(void)                                                  \
	{                                                               \
		SRunner *sr = srunner_create(make_suite());             \
		int failed;                                             \
		/* tests see the same UTF-8 locale everywhere */        \
		setlocale(LC_ALL, "C.UTF-8");                           \
		srunner_run_all(sr, CK_ENV);                            \
		failed = srunner_ntests_failed(sr);                     \
		srunner_free(sr);                                       \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;            \
	}

#endif
