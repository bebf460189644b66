#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "loop.h"

/* A signal handler cannot be given an argument: the write end of the
 * self-pipe of the loop that catches signals is the one piece of state it
 * needs, so it lives here. */
static volatile int signal_fd = -1;

static void on_signal(int signo)
{
	int saved = errno;
	unsigned char b = (unsigned char)signo;

	if (signal_fd >= 0 && write(signal_fd, &b, 1) < 0) {
		/* pipe full: a signal of this burst is already queued */
	}
	errno = saved;
}

static int set_flags(int fd, struct err *e)
{
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)
		return err_set(e, _("cannot set up the event loop: %s"), strerror(errno));
	return 0;
}

int loop_init(struct loop *l, struct err *e)
{
	memset(l, 0, sizeof *l);
	l->sigpipe[0] = l->sigpipe[1] = -1;
	timers_init(&l->timers);
	if (pipe(l->sigpipe) < 0) {
		err_set(e, _("cannot set up the event loop: %s"), strerror(errno));
		goto fail;
	}
	if (set_flags(l->sigpipe[0], e) < 0 || set_flags(l->sigpipe[1], e) < 0)
		goto fail;
	return 0;
fail:
	loop_free(l);
	return -1;
}

void loop_free(struct loop *l)
{
	/* what the children would tell has no one to tell it to; they go on
	 * (a print job finishes) and init reaps them */
	while (l->nchildren) {
		struct loop_child c = l->children[--l->nchildren];

		c.fn(c.arg, -1);
	}
	if (signal_fd == l->sigpipe[1])
		signal_fd = -1;
	for (int i = 0; i < 2; i++)
		if (l->sigpipe[i] >= 0)
			close(l->sigpipe[i]);
	l->sigpipe[0] = l->sigpipe[1] = -1;
	if (l->multi)
		curl_multi_cleanup(l->multi);
	l->multi = NULL;
	timers_free(&l->timers);
}

int loop_watch(struct loop *l, int fd, loop_fd_fn fn, void *arg, struct err *e)
{
	if (l->nfds == LOOP_MAX_FDS)
		return err_set(e, _("too many descriptors watched by the event loop"));
	l->fds[l->nfds++] = (struct loop_fd){ .fd = fd, .fn = fn, .arg = arg };
	return 0;
}

void loop_unwatch(struct loop *l, int fd)
{
	for (int i = 0; i < l->nfds; i++) {
		if (l->fds[i].fd == fd) {
			l->fds[i] = l->fds[--l->nfds];
			return;
		}
	}
}

int loop_catch_signals(struct loop *l, const int *signals, int n,
		       loop_signal_fn fn, void *arg, struct err *e)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	l->on_signal = fn;
	l->signal_arg = arg;
	signal_fd = l->sigpipe[1];
	for (int i = 0; i < n; i++)
		if (sigaction(signals[i], &sa, NULL) < 0)
			return err_set(e, _("cannot catch signal %d: %s"), signals[i], strerror(errno));
	return 0;
}

int loop_watch_child(struct loop *l, pid_t pid, loop_child_fn fn, void *arg, struct err *e)
{
	static const unsigned char chld = SIGCHLD;
	struct sigaction sa;

	if (l->nchildren == LOOP_MAX_CHILDREN)
		return err_set(e, _("too many commands running: wait for one to finish"));
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	signal_fd = l->sigpipe[1];
	if (sigaction(SIGCHLD, &sa, NULL) < 0)
		return err_set(e, _("cannot catch signal %d: %s"), SIGCHLD, strerror(errno));
	l->children[l->nchildren++] = (struct loop_child){ .pid = pid, .fn = fn, .arg = arg };
	/* it may have ended before SIGCHLD was caught: look once anyway */
	if (write(l->sigpipe[1], &chld, 1) < 0) {
		/* pipe full: a look is queued already */
	}
	return 0;
}

/* Reap the children watched that have ended, each told once. */
static void reap(struct loop *l)
{
	for (int i = 0; i < l->nchildren;) {
		struct loop_child c = l->children[i];
		int status;
		pid_t r = waitpid(c.pid, &status, WNOHANG);

		if (r == 0 || (r < 0 && errno == EINTR)) {
			i++;
			continue;
		}
		/* ended; or reaped elsewhere, an end not known: said as a failure */
		l->children[i] = l->children[--l->nchildren];
		c.fn(c.arg, r < 0 ? 255 << 8 : status);
	}
}

unsigned loop_timer(struct loop *l, int64_t delay_ms, timer_fn fn, void *arg)
{
	return timer_add(&l->timers, timer_now_ms(), delay_ms, fn, arg);
}

bool loop_timer_cancel(struct loop *l, unsigned id)
{
	return timer_cancel(&l->timers, id);
}

static void drain_signals(struct loop *l)
{
	unsigned char buf[64];
	ssize_t n;

	while ((n = read(l->sigpipe[0], buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] == SIGCHLD)
				reap(l);	/* the loop's own, not the caller's */
			else if (l->on_signal)
				l->on_signal(l->signal_arg, buf[i]);
}

/* Sleep until one of the n descriptors is readable, or wait_ms: in
 * libcurl's poll once a transport has made the multi handle (http_new),
 * in poll(2) before, marking what is readable as libcurl would. */
static int sleep_on(struct loop *l, struct curl_waitfd *wfd, int n, int wait_ms, struct err *e)
{
	struct pollfd p[LOOP_MAX_FDS + 1];
	int numfds = 0;

	if (l->multi) {
		CURLMcode mc = curl_multi_poll(l->multi, wfd, (unsigned)n, wait_ms, &numfds);

		if (mc != CURLM_OK)
			return err_set(e, _("event loop failed: %s"), curl_multi_strerror(mc));
		return 0;
	}
	for (int i = 0; i < n; i++)
		p[i] = (struct pollfd){ .fd = wfd[i].fd, .events = POLLIN };
	if (poll(p, (nfds_t)n, wait_ms) < 0 && errno != EINTR)
		return err_set(e, _("event loop failed: %s"), strerror(errno));
	for (int i = 0; i < n; i++)
		wfd[i].revents = p[i].revents & POLLIN ? CURL_WAIT_POLLIN : 0;
	return 0;
}

int loop_once(struct loop *l, int max_wait_ms, struct err *e)
{
	struct curl_waitfd wfd[LOOP_MAX_FDS + 1];
	int64_t wait;
	int n = 0;
	size_t fired = timers_run(&l->timers, timer_now_ms());

	if (l->stop)
		return 0;
	if (l->before_sleep)
		l->before_sleep(l->idle_arg);

	/* A timer may have finished what the caller waits for: look, do not
	 * sleep, so the caller's loop can see it. */
	wait = fired ? 0 : timer_wait_ms(&l->timers, timer_now_ms());
	if (max_wait_ms >= 0 && (wait < 0 || wait > max_wait_ms))
		wait = max_wait_ms;
	if (wait < 0 || wait > 60000)
		wait = 60000;	/* curl_multi_poll needs a bound */

	wfd[n++] = (struct curl_waitfd){ .fd = l->sigpipe[0], .events = CURL_WAIT_POLLIN };
	for (int i = 0; i < l->nfds; i++)
		wfd[n++] = (struct curl_waitfd){ .fd = l->fds[i].fd, .events = CURL_WAIT_POLLIN };

	if (sleep_on(l, wfd, n, (int)wait, e) < 0)
		return -1;

	if (l->after_poll)
		l->after_poll(l->after_poll_arg);
	if (wfd[0].revents)
		drain_signals(l);
	for (int i = 1; i < n && !l->stop; i++) {
		/* a callback may unwatch: look the descriptor up again */
		for (int j = 0; j < l->nfds; j++) {
			if (l->fds[j].fd == wfd[i].fd && wfd[i].revents) {
				l->fds[j].fn(l->fds[j].arg);
				break;
			}
		}
	}
	return 0;
}

int loop_run(struct loop *l, struct err *e)
{
	while (!l->stop)
		if (loop_once(l, -1, e) < 0)
			return -1;
	return 0;
}

void loop_stop(struct loop *l)
{
	l->stop = true;
}
