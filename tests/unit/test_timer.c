#include "config.h"

#include "check_main.h"
#include "core/timer.h"

static int order[16], norder;

static void record(void *arg)
{
	order[norder++] = (int)(long)arg;
}

START_TEST(fires_in_due_order)
{
	struct timers t;

	norder = 0;
	timers_init(&t);
	timer_add(&t, 1000, 300, record, (void *)3L);
	timer_add(&t, 1000, 100, record, (void *)1L);
	timer_add(&t, 1000, 200, record, (void *)2L);
	ck_assert_int_eq(timer_wait_ms(&t, 1000), 100);
	ck_assert_uint_eq(timers_run(&t, 1150), 1);
	ck_assert_int_eq(timer_wait_ms(&t, 1150), 50);
	ck_assert_uint_eq(timers_run(&t, 5000), 2);
	ck_assert_int_eq(norder, 3);
	ck_assert_int_eq(order[0], 1);
	ck_assert_int_eq(order[1], 2);
	ck_assert_int_eq(order[2], 3);
	ck_assert_int_eq(timer_wait_ms(&t, 5000), -1);
	timers_free(&t);
}
END_TEST

START_TEST(equal_due_times_fire_in_arming_order)
{
	struct timers t;

	norder = 0;
	timers_init(&t);
	for (long i = 0; i < 10; i++)
		timer_add(&t, 0, 50, record, (void *)i);
	timers_run(&t, 50);
	ck_assert_int_eq(norder, 10);
	for (int i = 0; i < 10; i++)
		ck_assert_int_eq(order[i], i);
	timers_free(&t);
}
END_TEST

START_TEST(cancel_removes_only_that_timer)
{
	struct timers t;
	unsigned a, b;

	norder = 0;
	timers_init(&t);
	a = timer_add(&t, 0, 10, record, (void *)1L);
	b = timer_add(&t, 0, 20, record, (void *)2L);
	ck_assert(timer_cancel(&t, a));
	ck_assert(!timer_cancel(&t, a));
	timers_run(&t, 100);
	ck_assert_int_eq(norder, 1);
	ck_assert_int_eq(order[0], 2);
	ck_assert(!timer_cancel(&t, b));
	timers_free(&t);
}
END_TEST

static struct timers *rearm_heap;
static int rearm_count;

static void rearm(void *arg)
{
	(void)arg;
	rearm_count++;
	timer_add(rearm_heap, 100, 0, rearm, NULL);
}

START_TEST(a_timer_rearming_itself_waits_for_the_next_round)
{
	struct timers t;

	timers_init(&t);
	rearm_heap = &t;
	rearm_count = 0;
	timer_add(&t, 100, 0, rearm, NULL);
	ck_assert_uint_eq(timers_run(&t, 100), 1);
	ck_assert_uint_eq(timers_run(&t, 100), 1);
	ck_assert_int_eq(rearm_count, 2);
	timers_free(&t);
}
END_TEST

START_TEST(many_timers_keep_heap_order)
{
	struct timers t;
	int64_t last = -1;

	timers_init(&t);
	for (int i = 0; i < 1000; i++)
		timer_add(&t, 0, (i * 7919) % 1000, record, NULL);
	while (timer_wait_ms(&t, 0) >= 0) {
		int64_t due = t.heap[0].due_ms;

		ck_assert_int_ge(due, last);
		last = due;
		norder = 0;
		timers_run(&t, due);
	}
	timers_free(&t);
}
END_TEST

static Suite *timer_suite(void)
{
	Suite *s = suite_create("timer");
	TCase *tc = tcase_create("heap");

	tcase_add_test(tc, fires_in_due_order);
	tcase_add_test(tc, equal_due_times_fire_in_arming_order);
	tcase_add_test(tc, cancel_removes_only_that_timer);
	tcase_add_test(tc, a_timer_rearming_itself_waits_for_the_next_round);
	tcase_add_test(tc, many_timers_keep_heap_order);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(timer_suite)
