#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "net/http.h"
#include "net/loop.h"

struct probe {
	struct loop *loop;
	int hits, signo, fd;
	char byte;
};

static void stop_on_timer(void *arg)
{
	struct probe *p = arg;

	p->hits++;
	loop_stop(p->loop);
}

START_TEST(timer_wakes_the_loop)
{
	struct loop l;
	struct err e;
	struct probe p = { .loop = &l };

	ck_assert_int_eq(loop_init(&l, &e), 0);
	loop_timer(&l, 20, stop_on_timer, &p);
	ck_assert_int_eq(loop_run(&l, &e), 0);
	ck_assert_int_eq(p.hits, 1);
	loop_free(&l);
}
END_TEST

static void read_fd(void *arg)
{
	struct probe *p = arg;

	ck_assert_int_eq(read(p->fd, &p->byte, 1), 1);
	p->hits++;
	loop_stop(p->loop);
}

START_TEST(readable_descriptor_calls_back)
{
	struct loop l;
	struct err e;
	struct probe p = { .loop = &l };
	int fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(loop_init(&l, &e), 0);
	p.fd = fds[0];
	ck_assert_int_eq(loop_watch(&l, fds[0], read_fd, &p, &e), 0);
	ck_assert_int_eq(write(fds[1], "x", 1), 1);
	ck_assert_int_eq(loop_run(&l, &e), 0);
	ck_assert_int_eq(p.hits, 1);
	ck_assert_int_eq(p.byte, 'x');
	loop_free(&l);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

static void got_signal(void *arg, int signo)
{
	struct probe *p = arg;

	p->signo = signo;
	p->hits++;
	loop_stop(p->loop);
}

/* A client with no server never sets libcurl up (nor TLS, its largest
 * cost in memory): the loop sleeps in poll(2) and wakes on a descriptor;
 * the first transport makes libcurl's handle, and the loop then sleeps in
 * it and still wakes on the descriptor. */
START_TEST(libcurl_waits_for_a_transport)
{
	struct loop l;
	struct err e;
	struct probe p = { .loop = &l };
	struct http *h;
	int fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(loop_init(&l, &e), 0);
	p.fd = fds[0];
	ck_assert_int_eq(loop_watch(&l, fds[0], read_fd, &p, &e), 0);
	ck_assert_int_eq(write(fds[1], "x", 1), 1);
	ck_assert_int_eq(loop_run(&l, &e), 0);
	ck_assert_int_eq(p.hits, 1);
	ck_assert_ptr_null(l.multi);

	h = http_new(&l, NULL, &e);
	ck_assert_msg(h != NULL, "%s", e.msg);
	ck_assert_ptr_nonnull(l.multi);
	l.stop = false;
	ck_assert_int_eq(write(fds[1], "y", 1), 1);
	ck_assert_int_eq(loop_run(&l, &e), 0);
	ck_assert_int_eq(p.hits, 2);
	ck_assert_int_eq(p.byte, 'y');
	http_free(h);
	loop_free(&l);
	http_global_cleanup();
	close(fds[0]);
	close(fds[1]);
}
END_TEST

START_TEST(signal_arrives_through_the_self_pipe)
{
	static const int sigs[] = { SIGUSR1 };
	struct loop l;
	struct err e;
	struct probe p = { .loop = &l };

	ck_assert_int_eq(loop_init(&l, &e), 0);
	ck_assert_int_eq(loop_catch_signals(&l, sigs, 1, got_signal, &p, &e), 0);
	raise(SIGUSR1);
	/* the handler only wrote to the pipe: nothing ran yet */
	ck_assert_int_eq(p.hits, 0);
	ck_assert_int_eq(loop_run(&l, &e), 0);
	ck_assert_int_eq(p.signo, SIGUSR1);
	ck_assert_int_eq(p.hits, 1);
	loop_free(&l);
}
END_TEST

START_TEST(idle_round_returns_after_its_bound)
{
	struct loop l;
	struct err e;
	int64_t t0;

	ck_assert_int_eq(loop_init(&l, &e), 0);
	t0 = timer_now_ms();
	ck_assert_int_eq(loop_once(&l, 30, &e), 0);
	/* it slept, rather than returning at once or hanging */
	ck_assert_int_ge(timer_now_ms() - t0, 25);
	loop_free(&l);
}
END_TEST

START_TEST(watch_table_is_bounded)
{
	struct loop l;
	struct err e;

	ck_assert_int_eq(loop_init(&l, &e), 0);
	for (int i = 0; i < LOOP_MAX_FDS; i++)
		ck_assert_int_eq(loop_watch(&l, 100 + i, NULL, NULL, &e), 0);
	ck_assert_int_eq(loop_watch(&l, 200, NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "too many descriptors watched by the event loop");
	loop_unwatch(&l, 100);
	ck_assert_int_eq(loop_watch(&l, 200, NULL, NULL, &e), 0);
	loop_free(&l);
}
END_TEST

static void child_ended(void *arg, int status)
{
	struct probe *p = arg;

	p->signo = status;
	p->hits++;
	loop_stop(p->loop);
}

/* A child's end comes through the loop, as SIGCHLD, to its watcher only:
 * the caller's signal function (the client's quits on what it does not
 * know) never sees it. */
START_TEST(a_child_ends_through_the_loop)
{
	static const int sigs[] = { SIGUSR1 };
	struct loop l;
	struct err e;
	struct probe p = { .loop = &l }, other = { .loop = &l };
	pid_t pid;

	ck_assert_int_eq(loop_init(&l, &e), 0);
	ck_assert_int_eq(loop_catch_signals(&l, sigs, 1, got_signal, &other, &e), 0);
	pid = fork();
	if (pid == 0)
		_exit(3);
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(loop_watch_child(&l, pid, child_ended, &p, &e), 0);
	ck_assert_int_eq(loop_run(&l, &e), 0);
	ck_assert_int_eq(p.hits, 1);
	ck_assert(WIFEXITED(p.signo) && WEXITSTATUS(p.signo) == 3);
	ck_assert_int_eq(other.hits, 0);
	ck_assert_int_eq(l.nchildren, 0);
	loop_free(&l);
}
END_TEST

static Suite *loop_suite(void)
{
	Suite *s = suite_create("loop");
	TCase *tc = tcase_create("events");

	tcase_add_test(tc, timer_wakes_the_loop);
	tcase_add_test(tc, readable_descriptor_calls_back);
	tcase_add_test(tc, libcurl_waits_for_a_transport);
	tcase_add_test(tc, signal_arrives_through_the_self_pipe);
	tcase_add_test(tc, idle_round_returns_after_its_bound);
	tcase_add_test(tc, watch_table_is_bounded);
	tcase_add_test(tc, a_child_ends_through_the_loop);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(loop_suite)
