#include "config.h"

#include <check.h>
#include <stdio.h>

#include "diskfull.h"

static void full(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_error_code(ctx, SQLITE_FULL);
}

void diskfull_on(sqlite3 *db, const char *when)
{
	char sql[256];

	ck_assert_int_eq(sqlite3_create_function(db, "test_disk_full", 0, SQLITE_UTF8, NULL, full, NULL, NULL),
			 SQLITE_OK);
	snprintf(sql, sizeof sql, "CREATE TEMP TRIGGER test_disk_full %s BEGIN SELECT test_disk_full(); END",
		 when);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
}

void diskfull_off(sqlite3 *db)
{
	ck_assert_msg(sqlite3_exec(db, "DROP TRIGGER temp.test_disk_full", NULL, NULL, NULL) == SQLITE_OK, "%s",
		      sqlite3_errmsg(db));
}
