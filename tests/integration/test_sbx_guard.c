/* motcua-sandbox keeps what a training room or a test run must not lose:
 * its --log shows no citizen's full ID number or tax code. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbx_harness.h"

static struct sbxh H;

/* The fixture's database and a server on it with args. */
static void start(const char *const *args)
{
	char err[512];
	const char *argv[24] = { "--clock", FX_CLOCK, "--freeze-clock", NULL };
	int n = 3;

	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_msg(fx_create(H.db, err, sizeof err) == 0, "%s", err);
	for (int i = 0; args && args[i] && n < 23; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	ck_assert_int_eq(sbxh_start(&H, argv), 0);
}

static long status_of(const char *token, const char *path)
{
	struct sbxh_reply r = { 0 };
	long status;

	ck_assert_int_eq(sbxh_get(&H, token, path, &r), 0);
	status = r.status;
	sbxh_reply_free(&r);
	return status;
}

/* The whole server log (malloc'd). */
static char *server_log(void)
{
	FILE *f = fopen(H.log, "r");
	char *text = calloc(1, 1 << 20);
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, (1 << 20) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

START_TEST(log_masks_personal_numbers)
{
	static const char *const args[] = { "--log", NULL };
	char *tok, *log;

	start(args);
	tok = sbxh_login(&H, FX_RECEPTION, "pw-" FX_RECEPTION);
	ck_assert_ptr_nonnull(tok);
	ck_assert_int_eq(status_of(tok, "/api/v1/lookup/citizens/" FX_CITIZEN "?dossier=FX1-251001-0003"), 200);
	ck_assert_int_eq(status_of(tok, "/api/v1/lookup/citizens/079%20190%20000001"), 200);
	ck_assert_int_eq(status_of(tok, "/api/v1/lookup/enterprises/" FX_ENTERPRISE), 200);
	free(tok);
	ck_assert_int_eq(sbxh_stop(&H), 0);
	log = server_log();
	/* the request was logged, its number masked */
	ck_assert_msg(strstr(log, "GET /api/v1/lookup/citizens/001*******45 200"), "%s", log);
	ck_assert_msg(strstr(log, "GET /api/v1/lookup/citizens/079 *** ****01 200"), "%s", log);
	ck_assert_msg(strstr(log, "GET /api/v1/lookup/enterprises/010*****06 200"), "%s", log);
	ck_assert_msg(!strstr(log, FX_CITIZEN) && !strstr(log, "190 000001") &&
		      !strstr(log, FX_ENTERPRISE), "%s", log);
	free(log);
	sbxh_cleanup(&H);
}
END_TEST

static Suite *guard_suite(void)
{
	Suite *s = suite_create("sandbox guards");
	TCase *t = tcase_create("guard");

	tcase_set_timeout(t, 120);
	tcase_add_test(t, log_masks_personal_numbers);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return sbxh_run_suite(guard_suite());
}
