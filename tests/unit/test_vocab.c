/* The vocabularies of core/vocab.h and what is generated from them: the
 * model's names and labels. */
#include "config.h"

#include "check_main.h"
#include "core/model.h"

START_TEST(every_action_has_a_name_a_label_and_a_bit)
{
	unsigned bits = 0;

	for (int a = 0; a < ACT_COUNT; a++) {
		ck_assert_str_ne(action_name(a), "");
		ck_assert_int_eq(action_parse(action_name(a)), a);
		ck_assert_str_ne(action_label(a), "");
		ck_assert_str_ne(action_label(a), action_name(a));
		bits |= 1u << a;
	}
	ck_assert_uint_eq(bits, (1u << ACT_COUNT) - 1);
	/* the bits the store keeps for each action's name */
	ck_assert_int_eq(ACT_ACCEPT, 0);
	ck_assert_int_eq(ACT_RESCHEDULE, 11);
	ck_assert_int_eq(ACT_CONFIRM_PAYMENT, 12);
}
END_TEST

START_TEST(irreversible_actions_are_those_that_close_or_spend_the_apology)
{
	int n = 0;

	for (int a = 0; a < ACT_COUNT; a++)
		n += action_irreversible(a);
	ck_assert_int_eq(n, 4);
	ck_assert(action_irreversible(ACT_REFUSE));
	ck_assert(action_irreversible(ACT_STOP));
	ck_assert(action_irreversible(ACT_WITHDRAW));
	ck_assert(action_irreversible(ACT_RESCHEDULE));
	ck_assert(!action_irreversible(ACT_COUNT));
}
END_TEST

START_TEST(statuses_run_one_to_ten_and_the_clock_runs_in_three)
{
	static const int clock[] = { ST_ACCEPTED, ST_PROCESSING, ST_PAYMENT };
	int n = 0;

	ck_assert_int_eq(ST_MIN, 1);
	ck_assert_int_eq(ST_MAX, 10);
	ck_assert_int_eq(ST_RETURNED, 10);
	for (int s = ST_MIN; s <= ST_MAX; s++) {
		n += status_clock_runs(s);
		/* a running clock means the dossier is still open */
		ck_assert(!status_clock_runs(s) || status_is_open(s));
	}
	ck_assert_int_eq(n, 3);
	for (size_t i = 0; i < 3; i++)
		ck_assert(status_clock_runs(clock[i]));
	ck_assert(!status_clock_runs(0));
	ck_assert(!status_is_open(11));
}
END_TEST

START_TEST(steps_and_channels_round_trip)
{
	ck_assert_int_eq(STEP_COUNT, 7);
	for (int s = 0; s < STEP_COUNT; s++) {
		ck_assert_str_ne(step_name(s), "");
		ck_assert_int_eq(step_parse(step_name(s)), s);
		ck_assert_str_ne(step_label(step_name(s)), step_name(s));
	}
	ck_assert_str_eq(step_name(STEP_COUNT), "");
	ck_assert_int_eq(step_parse("kiem-tra-them"), -1);
	ck_assert_int_eq(CH_MIN, CH_DIRECT);
	ck_assert_int_eq(CH_MAX, CH_POSTAL);
	ck_assert_str_eq(channel_name(CH_MAX + 1), "");
}
END_TEST

static Suite *vocab_suite(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, every_action_has_a_name_a_label_and_a_bit);
	tcase_add_test(tc, irreversible_actions_are_those_that_close_or_spend_the_apology);
	tcase_add_test(tc, statuses_run_one_to_ten_and_the_clock_runs_in_three);
	tcase_add_test(tc, steps_and_channels_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(vocab_suite)
