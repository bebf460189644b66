/* The vocabularies of core/vocab.h and what is generated from them: the
 * model's names and labels, the dossier screen's operations, and the
 * shipped keymap built from the operation tables. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/model.h"
#include "screens/dossier.h"
#include "screens/screen.h"

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

START_TEST(every_action_is_a_dossier_operation_with_its_key)
{
	struct keymap *km = screen_keymap_new();

	for (int a = 0; a < ACT_COUNT; a++) {
		const struct op_def *op;
		char name[64], keys[64];

		snprintf(name, sizeof name, "dossier-%s", action_name(a));
		op = ops_find(screen_dossier.ops, name);
		ck_assert_msg(op, "no operation %s", name);
		ck_assert_ptr_eq(op->fn_arg, dossier_op_act);
		ck_assert_int_eq(op->arg, a);
		ck_assert_str_ne(op->help, "");
		ck_assert_msg(op->keys && *op->keys, "%s has no default key", name);
		ck_assert_uint_eq(km_keys_for(km, screen_dossier.context, name, keys, sizeof keys), 1);
		ck_assert_str_eq(keys, op->keys);
	}
	km_free(km);
}
END_TEST

/* The keys named in keys, appended to v[*n]. */
static void parse_keys(const char *keys, km_key *v, size_t *n, size_t max, const char *op)
{
	char buf[128];
	struct err e;

	snprintf(buf, sizeof buf, "%s", keys ? keys : "");
	for (char *save = NULL, *k = strtok_r(buf, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
		ck_assert_uint_lt(*n, max);
		ck_assert_msg(km_key_parse(k, &v[*n], &e) == 0, "%s: %s", op, e.msg);
		(*n)++;
	}
}

/* Every key of a context's table (and the keys it gives generic
 * operations) is given once: a second would silently take the first's
 * place in the keymap. And every key named is bound. */
static void ck_context(struct keymap *km, const char *context, const struct op_def *ops,
		       const struct op_keys *generic)
{
	km_key seen[128];
	size_t n = 0;

	for (const struct op_def *op = ops; op->name; op++) {
		size_t from = n;
		char buf[128];

		parse_keys(op->keys, seen, &n, 128, op->name);
		ck_assert_uint_eq(km_keys_for(km, context, op->name, buf, sizeof buf), n - from);
	}
	for (const struct op_keys *k = generic; k && k->name; k++) {
		ck_assert_msg(ops_find(ops_generic, k->name), "%s: %s is no generic operation",
			      context, k->name);
		ck_assert_msg(!ops_find(ops, k->name), "%s: %s is its own operation", context, k->name);
		parse_keys(k->keys, seen, &n, 128, k->name);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			ck_assert_msg(seen[i] != seen[j], "%s: a key is given twice (%s)", context,
				      km_lookup(km, context, seen[i]));
}

START_TEST(default_keys_are_unique_in_their_context)
{
	struct keymap *km = screen_keymap_new();

	ck_context(km, KM_GENERIC, ops_generic, NULL);
	for (const struct screen *const *s = screen_registry; *s; s++)
		ck_context(km, (*s)->context, (*s)->ops, (*s)->generic_keys);
	km_free(km);
}
END_TEST

START_TEST(scrolling_screens_take_the_pager_keys)
{
	struct keymap *km = screen_keymap_new();
	char buf[64];

	for (const struct screen *const *s = screen_registry; *s; s++) {
		if (!(*s)->pager)
			continue;
		km_keys_for(km, (*s)->context, "page-down", buf, sizeof buf);
		ck_assert_str_eq(buf, "<PageDown>, <C-f>, <Space>");
		km_keys_in(km, (*s)->context, "view-close", buf, sizeof buf);
		ck_assert_str_eq(buf, "q, <Esc>, <Left>");
	}
	km_free(km);
}
END_TEST

START_TEST(keys_bind_by_name_and_say_which_is_wrong)
{
	struct keymap *km = km_new();
	struct err e;
	char buf[64];

	ck_assert_int_eq(km_bind_keys(km, "inbox", "j  <Down>", "move-down", &e), 0);
	ck_assert_uint_eq(km_keys_for(km, "inbox", "move-down", buf, sizeof buf), 2);
	ck_assert_str_eq(buf, "j, <Down>");
	ck_assert_int_eq(km_bind_keys(km, "inbox", "", "move-up", &e), 0);
	ck_assert_int_eq(km_bind_keys(km, "inbox", "k <Dwon>", "move-up", &e), -1);
	ck_assert_str_eq(e.msg, "'<Dwon>' is not a key name (see the list in the manual: <Up>, <Enter>, <F1>, ...)");
	km_free(km);
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
	tc = tcase_create("operations");
	tcase_add_test(tc, every_action_is_a_dossier_operation_with_its_key);
	tcase_add_test(tc, default_keys_are_unique_in_their_context);
	tcase_add_test(tc, scrolling_screens_take_the_pager_keys);
	tcase_add_test(tc, keys_bind_by_name_and_say_which_is_wrong);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(vocab_suite)
