#include "config.h"

#include "check_main.h"
#include "core/model.h"

START_TEST(every_status_code_has_a_name_and_back)
{
	for (int s = ST_MIN; s <= ST_MAX; s++) {
		ck_assert(status_valid(s));
		ck_assert_str_ne(status_name(s), "");
		ck_assert_int_eq(status_parse(status_name(s)), s);
		ck_assert_str_ne(status_label(s), "");
	}
	ck_assert(!status_valid(0));
	ck_assert(!status_valid(11));
	ck_assert_str_eq(status_name(11), "");
	ck_assert_int_eq(status_parse("nonsense"), -1);
}
END_TEST

/* Status 1 is "New online" only for a dossier filed online. */
START_TEST(a_new_dossier_is_named_by_its_channel)
{
	struct dossier d = { .status = ST_NEW, .channel = CH_ONLINE };

	ck_assert_str_eq(dossier_status_label(&d), "New online");
	d.channel = CH_DIRECT;
	ck_assert_str_eq(dossier_status_label(&d), "Not yet accepted");
	d.channel = CH_POSTAL;
	ck_assert_str_eq(dossier_status_label(&d), "Not yet accepted");
	d.channel = 0;		/* unknown: the national name */
	ck_assert_str_eq(dossier_status_label(&d), "New online");
	d.status = ST_ACCEPTED;
	d.channel = CH_DIRECT;
	ck_assert_str_eq(dossier_status_label(&d), "Accepted");
}
END_TEST

START_TEST(open_statuses_are_the_unfinished_ones)
{
	static const int open[] = { 1, 2, 4, 5, 6 };
	int n = 0;

	for (int s = ST_MIN; s <= ST_MAX; s++)
		n += status_is_open(s);
	ck_assert_int_eq(n, 5);
	for (size_t i = 0; i < 5; i++)
		ck_assert(status_is_open(open[i]));
}
END_TEST

START_TEST(actions_roles_channels_round_trip)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		ck_assert_int_eq(action_parse(action_name(a)), a);
		ck_assert_str_ne(action_label(a), "");
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		ck_assert_int_eq(role_parse(role_name(r)), r);
		ck_assert_str_ne(role_label(r), "");
	}
	for (int c = CH_DIRECT; c <= CH_POSTAL; c++) {
		ck_assert_int_eq(channel_parse(channel_name(c)), c);
		ck_assert_str_ne(channel_label(c), "");
	}
	ck_assert_str_eq(channel_label(0), "");
	ck_assert_str_eq(role_label(ROLE_COUNT), "");
	ck_assert_int_eq(action_parse("request-supplement"), ACT_REQUEST_SUPPLEMENT);
	ck_assert_int_eq(role_parse("leader"), ROLE_LEADER);
	ck_assert_int_eq(channel_parse("online"), CH_ONLINE);
	ck_assert_str_eq(action_name(ACT_COUNT), "");
}
END_TEST

START_TEST(steps_and_log_actions_read_as_labels)
{
	/* the lifecycle's steps, as the shipped profiles map them */
	const char *steps[] = { "reception", "assignment", "processing", "signing",
				"issue", "return", "done" };

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		ck_assert_ptr_nonnull(step_label(steps[i]));
		ck_assert_str_ne(step_label(steps[i]), steps[i]);
	}
	ck_assert_str_eq(step_label("signing"), "Signing");
	ck_assert_str_eq(step_label("issue"), "Issuing the result");
	/* a word the model does not know is the server's own: shown as it is */
	ck_assert_str_eq(step_label("kiem-tra-them"), "kiem-tra-them");
	ck_assert_ptr_null(step_label(NULL));
	ck_assert_str_eq(log_action_label("submit"), "Filed by the applicant");
	ck_assert_str_eq(log_action_label("request-supplement"), "Request supplement");
	ck_assert_str_eq(log_action_label("note"), "note");
	ck_assert_ptr_null(log_action_label(NULL));
}
END_TEST

static Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("names");

	tcase_add_test(tc, every_status_code_has_a_name_and_back);
	tcase_add_test(tc, a_new_dossier_is_named_by_its_channel);
	tcase_add_test(tc, open_statuses_are_the_unfinished_ones);
	tcase_add_test(tc, actions_roles_channels_round_trip);
	tcase_add_test(tc, steps_and_log_actions_read_as_labels);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(model_suite)
