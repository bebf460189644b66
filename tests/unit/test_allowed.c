/* The actions a dossier allows when it was not read whole (offline, a
 * list's summary): the shipped profiles' vocab.allowed says, per status
 * and role, what the sandbox's workflow allows, and a summary read through
 * a profile whose API lists the actions of a whole dossier is left
 * unknown (for the session to guess and say so), never given the rules as
 * if the server had said them. */
#include "config.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_main.h"
#include "api/adapter.h"
#include "api/profile.h"
#include "core/calendar.h"
#include "core/model.h"
#include "sandbox/sbx_workflow.h"

static const char *const shipped[] = { "sandbox-reference", "sandbox-portal", "opencps" };

static struct profile *shipped_profile(const char *name)
{
	const char *dir = getenv("srcdir");
	char path[1024];
	struct profile *p;
	struct err e;

	snprintf(path, sizeof path, "%s/client/api/profiles/%s.json", dir ? dir : ".", name);
	p = profile_load(path, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	return p;
}

/* What the workflow lets role do at status at some step: assigned to the
 * clerk, the due date ahead, the one apology not spent. */
static unsigned workflow_allows(const struct cal *cal, int role, int status)
{
	int64_t now = cal_join(2025, 10, 15, 9, 0, 0);
	struct sbx_wf_actor u = { 7, (enum role)role };
	unsigned set = 0;

	for (int step = 0; step < STEP_COUNT; step++) {
		struct sbx_wf_state d = { .status = status, .step = (enum step)step, .assignee_id = 7,
					  .received_at = now - 86400, .due_at = now + 10 * 86400 };

		set |= sbx_wf_allowed(&d, &u, now, cal);
	}
	return set;
}

START_TEST(shipped_rules_are_the_sandbox_workflow)
{
	struct profile *p = shipped_profile(shipped[_i]);
	struct cal *cal = cal_new();

	for (int st = ST_MIN; st <= ST_MAX; st++) {
		unsigned any = 0;

		for (int r = 0; r < ROLE_COUNT; r++) {
			unsigned want = workflow_allows(cal, r, st);

			any |= want;
			ck_assert_msg(profile_allowed(p, r, st) == want,
				      "%s: %s on %s: the profile allows %#x, the workflow %#x", shipped[_i],
				      role_name((enum role)r), status_name((enum status)st),
				      profile_allowed(p, r, st), want);
		}
		/* a role not known: what any role may do, the server decides */
		ck_assert_msg(profile_allowed(p, -1, st) == any, "%s: status %s for a role not known",
			      shipped[_i], status_name((enum status)st));
	}
	cal_free(cal);
	profile_free(p);
}
END_TEST

START_TEST(a_summary_of_an_api_that_lists_actions_is_left_unknown)
{
	struct profile *p = shipped_profile("sandbox-reference");
	cJSON *item = cJSON_Parse("{\"code\": \"X-1\", \"status\": 1, \"version\": 3}");
	struct dossier d;
	struct err e;

	ck_assert(profile_reads_allowed(p));
	ck_assert_int_eq(adapter_read_as(p, ROLE_RECEPTION, profile_mapping(p, &target_dossier), item, &d, &e), 0);
	ck_assert_uint_eq(d.allowed, 0);
	ck_assert_int_eq(d.allowed_from, ALLOWED_READ);
	dossier_free(&d);
	cJSON_Delete(item);
	profile_free(p);
}
END_TEST

/* Only the sandbox's and OpenCPS's read them: one that never lists them
 * takes the rules as all there is to know. */
START_TEST(an_api_without_lists_takes_the_rules)
{
	static const char text[] =
		"{ \"motcua_profile\": 1, \"name\": \"t\", \"auth\": { \"type\": \"none\" },\n"
		"  \"vocab\": { \"allowed\": { \"new\": [\"accept\"],\n"
		"               \"leader\": { \"new\": [] } } },\n"
		"  \"operations\": { \"list_dossiers\": { \"method\": \"GET\", \"path\": \"/d\", \"items\": \"i\" },\n"
		"                  \"get_dossier\": { \"method\": \"GET\", \"path\": \"/d/{code}\" } },\n"
		"  \"fields\": { \"dossier\": { \"code\": \"code\", \"status\": \"status\" } } }";
	struct err e;
	struct profile *p = profile_parse(text, "t.json", &e);
	cJSON *item = cJSON_Parse("{\"code\": \"X-1\", \"status\": 1}");
	struct dossier d;

	ck_assert_ptr_nonnull(p);
	ck_assert(!profile_reads_allowed(p));
	ck_assert_int_eq(adapter_read_as(p, ROLE_RECEPTION, profile_mapping(p, &target_dossier), item, &d, &e), 0);
	ck_assert_uint_eq(d.allowed, 1u << ACT_ACCEPT);
	dossier_free(&d);
	ck_assert_int_eq(adapter_read_as(p, ROLE_LEADER, profile_mapping(p, &target_dossier), item, &d, &e), 0);
	ck_assert_uint_eq(d.allowed, 0);
	dossier_free(&d);
	cJSON_Delete(item);
	profile_free(p);
}
END_TEST

/* A rule the API could never be sent is a mistake in the profile, named
 * with the file and the key. */
START_TEST(a_rule_the_api_has_no_word_for_is_refused)
{
	static const char text[] =
		"{ \"motcua_profile\": 1, \"name\": \"t\", \"auth\": { \"type\": \"none\" },\n"
		"  \"vocab\": { \"actions\": { \"accept\": \"TiepNhan\" },\n"
		"             \"allowed\": { \"new\": [\"accept\", \"refuse\"] } },\n"
		"  \"operations\": { \"list_dossiers\": { \"method\": \"GET\", \"path\": \"/d\", \"items\": \"i\" },\n"
		"                  \"get_dossier\": { \"method\": \"GET\", \"path\": \"/d/{code}\" } },\n"
		"  \"fields\": { \"dossier\": { \"code\": \"code\" } } }";
	struct err e;

	ck_assert_ptr_null(profile_parse(text, "t.json", &e));
	ck_assert_str_eq(e.msg, "t.json: vocab.allowed.new: 'refuse' is not in vocab.actions: the API has no word for it");
}
END_TEST

static Suite *allowed_suite(void)
{
	Suite *s = suite_create("allowed");
	TCase *tc = tcase_create("rules");

	tcase_add_loop_test(tc, shipped_rules_are_the_sandbox_workflow, 0,
			    (int)(sizeof shipped / sizeof shipped[0]));
	tcase_add_test(tc, a_summary_of_an_api_that_lists_actions_is_left_unknown);
	tcase_add_test(tc, an_api_without_lists_takes_the_rules);
	tcase_add_test(tc, a_rule_the_api_has_no_word_for_is_refused);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(allowed_suite)
