/* The forms of the catalog the store still needs (store_catalog_stale),
 * which the session fetches in the background so that any intake works
 * offline: those never read, and those read for a catalog entry that has
 * changed since; a changed entry keeps its old form until the new one
 * comes, offline it is better than none. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/xalloc.h"
#include "store/store.h"

static void proc(struct procedure *p, const char *code, const char *name)
{
	memset(p, 0, sizeof *p);
	p->code = xstrdup(code);
	p->field = xstrdup("Hộ tịch");
	p->name = xstrdup(name);
	p->cutoff = -1;
}

/* The codes stale after `after`, in order, as one string "A B". */
static const char *stale(struct store *s)
{
	static char all[256];
	char code[64] = "";
	struct err e;
	int rc;

	all[0] = '\0';
	while ((rc = store_catalog_stale(s, code, code, sizeof code, &e)) == 1)
		snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", all[0] ? " " : "", code);
	ck_assert_msg(rc == 0, "%s", e.msg);
	return all;
}

START_TEST(forms_missing_or_older_than_their_entry)
{
	struct err e = { "" };
	struct store *s = store_open(STORE_MEMORY, &e);
	struct procedure cat[3], one;

	ck_assert_msg(s != NULL, "%s", e.msg);
	proc(&cat[0], "1.001193", "Đăng ký khai sinh");
	proc(&cat[1], "1.010041", "Xác nhận thông tin về cư trú");
	proc(&cat[2], "2.000815", "Chứng thực bản sao");
	ck_assert_int_eq(store_put_catalog(s, cat, 3, 100, &e), 0);
	ck_assert_str_eq(stale(s), "1.001193 1.010041 2.000815");

	/* a form read: no longer needed, also after the same list again */
	ck_assert_int_eq(store_put_procedure(s, &cat[1], 110, &e), 0);
	ck_assert_str_eq(stale(s), "1.001193 2.000815");
	ck_assert_int_eq(store_put_catalog(s, cat, 3, 120, &e), 0);
	ck_assert_str_eq(stale(s), "1.001193 2.000815");

	/* its entry changed: read again, and meanwhile the old form stays */
	free(cat[1].name);
	cat[1].name = xstrdup("Xác nhận thông tin về cư trú (sửa đổi)");
	ck_assert_int_eq(store_put_catalog(s, cat, 3, 130, &e), 0);
	ck_assert_str_eq(stale(s), "1.001193 1.010041 2.000815");
	ck_assert_int_eq(store_get_procedure(s, "1.010041", &one, NULL, &e), 1);
	procedure_free(&one);

	for (int i = 0; i < 3; i++)
		procedure_free(&cat[i]);
	store_close(s);
}
END_TEST

static Suite *store_forms_suite(void)
{
	Suite *s = suite_create("store_forms");
	TCase *tc = tcase_create("stale");

	tcase_add_test(tc, forms_missing_or_older_than_their_entry);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(store_forms_suite)
