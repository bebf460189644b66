/* The sandbox's paged lists, as both dialects ask them (sbx_op_list with
 * page and per_page): every dossier once, in the list's order; the total
 * counted once per listing, and a deep page no dearer than the second (a
 * seek, not an OFFSET scan); a change between pages shows on the next. */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/xalloc.h"
#include "sandbox/sbx.h"
#include "sandbox/sbx_db.h"
#include "sandbox/sbx_ops.h"
#include "sandbox/seed/seed.h"

#define AGENCY "000.01.01.H26"
#define PER_PAGE 50

static struct sbx S;
static struct cal *cal;
static const struct sbx_user clerk = { .id = 1, .login = "tiepnhan1", .agency_id = AGENCY,
				       .role = ROLE_RECEPTION };
static int counts;
static int64_t steps;

static void setup(void)
{
	struct err e = { "" };
	sqlite3 *db;
	bool created;
	struct sbx_seed_opts o = { .seed = 1, .now = cal_join(2025, 10, 15, 10, 0, 0),
				   .dossiers = 1200, .citizens = 200, .enterprises = 20 };

	cal = cal_new();
	ck_assert_int_eq(sbx_db_open(":memory:", false, &db, &created, &e), 0);
	ck_assert_msg(sbx_seed(db, &o, cal, &e) == 0, "%s", e.msg);
	ck_assert_msg(sbx_init(&S, db, cal, NULL, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(sbx_clock_set(&S, o.now, true, &e), 0);
}

static void teardown(void)
{
	sbx_destroy(&S);
	sbx_db_close(S.db);
	cal_free(cal);
}

/* Statements and their virtual-machine steps, as SQLite reports them. */
static int profile(unsigned what, void *ctx, void *p, void *x)
{
	sqlite3_stmt *st = p;

	(void)what, (void)ctx, (void)x;
	if (strstr(sqlite3_sql(st), "count("))
		counts++;
	steps += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0);
	return 0;
}

static cJSON *page(int n)
{
	struct sbx_list_query q = { .overdue = -1, .page = n, .per_page = PER_PAGE };
	struct sbx_error e = { 0 };
	cJSON *out = NULL;

	ck_assert_msg(sbx_op_list(&S, &clerk, &q, &out, &e) == 0, "%s", e.message);
	return out;
}

static int agency_dossiers(void)
{
	sqlite3_stmt *st;
	int n;

	sqlite3_prepare_v2(S.db, "SELECT count(*) FROM dossiers WHERE agency_id = '" AGENCY "'",
			   -1, &st, NULL);
	sqlite3_step(st);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

START_TEST(every_dossier_once_in_order_and_one_count_per_listing)
{
	int total = agency_dossiers(), pages = (total + PER_PAGE - 1) / PER_PAGE, seen = 0;
	int64_t second = 0, last = 0;
	sqlite3_stmt *order;
	cJSON *r;

	ck_assert_int_gt(pages, 10);
	sqlite3_prepare_v2(S.db, "SELECT code FROM dossiers d WHERE agency_id = '" AGENCY "'"
			   " ORDER BY d.due_at IS NULL, d.due_at, d.code", -1, &order, NULL);
	sqlite3_trace_v2(S.db, SQLITE_TRACE_PROFILE, profile, NULL);
	for (int p = 1; p <= pages; p++) {
		const cJSON *it;

		counts = 0;
		steps = 0;
		r = page(p);
		ck_assert_int_eq((int)cJSON_GetObjectItem(r, "total")->valuedouble, total);
		cJSON_ArrayForEach(it, cJSON_GetObjectItem(r, "items")) {
			ck_assert_int_eq(sqlite3_step(order), SQLITE_ROW);
			ck_assert_str_eq(cJSON_GetObjectItem(it, "code")->valuestring,
					 (const char *)sqlite3_column_text(order, 0));
			seen++;
		}
		ck_assert(cJSON_IsNull(cJSON_GetObjectItem(r, "next_page")) == (p == pages));
		if (p > 1)
			ck_assert_msg(counts == 0, "page %d counted the list again", p);
		if (p == 2)
			second = steps;
		if (p == pages - 1)
			last = steps;
		cJSON_Delete(r);
	}
	sqlite3_trace_v2(S.db, 0, NULL, NULL);
	ck_assert_int_eq(sqlite3_step(order), SQLITE_DONE);
	sqlite3_finalize(order);
	ck_assert_int_eq(seen, total);
	/* a seek: the next-to-last page costs what the second does */
	ck_assert_msg(last <= 2 * second, "page %d: %lld steps, page 2: %lld", pages - 1,
		      (long long)last, (long long)second);
}
END_TEST

static const char *code_at(cJSON *r, int i)
{
	return cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "items"), i),
				   "code")->valuestring;
}

START_TEST(a_change_between_pages_shows_on_the_next)
{
	struct sbx_error e = { 0 };
	cJSON *r = page(1);
	char last_of_first[80];

	snprintf(last_of_first, sizeof last_of_first, "%s", code_at(r, PER_PAGE - 1));
	cJSON_Delete(r);
	/* the last dossier in the order becomes the most urgent, as an
	 * action would change it: with the change counter */
	ck_assert_int_eq(sqlite3_exec(S.db, "UPDATE dossiers SET due_at = 1 WHERE code ="
				      " (SELECT code FROM dossiers WHERE agency_id = '" AGENCY "'"
				      " ORDER BY due_at IS NULL DESC, due_at DESC, code DESC LIMIT 1)",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_gt(sbx_change_bump(&S, &e), 0);
	/* everything moved one place down: page 2 starts with what ended
	 * page 1 before */
	r = page(2);
	ck_assert_str_eq(code_at(r, 0), last_of_first);
	cJSON_Delete(r);
}
END_TEST

static Suite *sbx_list_suite(void)
{
	Suite *s = suite_create("sbx_list");
	TCase *tc = tcase_create("sbx_list");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_dossier_once_in_order_and_one_count_per_listing);
	tcase_add_test(tc, a_change_between_pages_shows_on_the_next);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(sbx_list_suite)
