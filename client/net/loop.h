/* The one event loop (DESIGN.md section 3): libcurl's multi handle polled
 * together with stdin and a self-pipe that carries signals, sleeping until
 * the earliest timer. Nothing here blocks on the network. */
#ifndef MOTCUA_LOOP_H
#define MOTCUA_LOOP_H

#include <stdbool.h>
#include <sys/types.h>
#include <curl/curl.h>

#include "core/err.h"
#include "core/timer.h"

#define LOOP_MAX_FDS 8
#define LOOP_MAX_CHILDREN 8

typedef void (*loop_fd_fn)(void *arg);
/* status as waitpid() gives it; -1: the loop is freed before the child
 * ended, release arg and nothing else (what it would tell is going). */
typedef void (*loop_child_fn)(void *arg, int status);
typedef void (*loop_signal_fn)(void *arg, int signo);
typedef void (*loop_idle_fn)(void *arg);

struct loop_fd {
	int fd;
	loop_fd_fn fn;
	void *arg;
};

struct loop_child {
	pid_t pid;
	loop_child_fn fn;
	void *arg;
};

struct loop {
	CURLM *multi;		/* made by the first HTTP transport (http_new) */
	struct timers timers;
	int sigpipe[2];
	struct loop_fd fds[LOOP_MAX_FDS];
	int nfds;
	struct loop_child children[LOOP_MAX_CHILDREN];
	int nchildren;
	loop_signal_fn on_signal;
	void *signal_arg;
	loop_idle_fn before_sleep;	/* e.g. draw the screen once per round */
	void *idle_arg;
	loop_idle_fn after_poll;	/* drive libcurl's transfers (http.c) */
	void *after_poll_arg;
	bool stop;
};

int loop_init(struct loop *l, struct err *e);
void loop_free(struct loop *l);

/* Call fn(arg) whenever fd is readable. */
int loop_watch(struct loop *l, int fd, loop_fd_fn fn, void *arg, struct err *e);
void loop_unwatch(struct loop *l, int fd);

/* Deliver these signals through the self-pipe to fn, inside the loop, where
 * it is safe to do anything. Only one loop may catch signals at a time. */
int loop_catch_signals(struct loop *l, const int *signals, int n,
		       loop_signal_fn fn, void *arg, struct err *e);

/* Call fn(arg, status) from the loop once child pid has ended (reaped
 * with waitpid on SIGCHLD, which comes through the self-pipe: the loop
 * never waits for a child). Only children watched so are reaped. */
int loop_watch_child(struct loop *l, pid_t pid, loop_child_fn fn, void *arg, struct err *e);

unsigned loop_timer(struct loop *l, int64_t delay_ms, timer_fn fn, void *arg);
bool loop_timer_cancel(struct loop *l, unsigned id);

/* One round: run due timers, call before_sleep, sleep (in curl_multi_poll
 * once a transport is there, else poll(2)) at most max_wait_ms (-1: until something happens), dispatch what woke it. */
int loop_once(struct loop *l, int max_wait_ms, struct err *e);
/* Rounds until loop_stop(). */
int loop_run(struct loop *l, struct err *e);
void loop_stop(struct loop *l);

#endif
