/* Desktop notifications through libnotify, when the build has its headers.
 * The library is opened only when a desktop session bus is there, the
 * first time a notice is due: libnotify brings GLib, GObject, GIO and
 * D-Bus, some 3 MB and a few milliseconds of start-up that a clerk on a
 * thin terminal over SSH, who never has a session bus, would pay for
 * nothing. Without the library every call says "not available" and the
 * terminal is used.
 *
 * Showing one is a D-Bus call that a hung notification server holds for
 * its 25 s timeout: it is made by a thread of its own, never by the loop.
 * The loop queues notices and goes on; a notice the desktop did not show
 * is told through a pipe the loop watches (notify_desktop_fd). */
#include "config.h"

#include <stdlib.h>

#include "notify.h"

#if HAVE_LIBNOTIFY
#include <dlfcn.h>
#include <fcntl.h>
#include <libnotify/notify.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "core/timer.h"
#include "core/xalloc.h"

/* Notices waiting for the desktop, at most. */
#define QUEUE_MAX 8
/* A show under way for longer than this: the desktop does not answer,
 * the terminal tells meanwhile. */
#define ANSWER_MS 2000

/* The library is process-wide by nature, like libcurl's global state: one
 * table of its functions for the process. */
static struct {
	void *lib;
	gboolean (*init)(const char *);
	gboolean (*is_initted)(void);
	void (*uninit)(void);
	NotifyNotification *(*new)(const char *, const char *, const char *);
	void (*set_urgency)(NotifyNotification *, NotifyUrgency);
	void (*set_app_name)(NotifyNotification *, const char *);
	gboolean (*show)(NotifyNotification *, GError **);
	void (*error_free)(GError *);
	void (*unref)(gpointer);
} nd;

struct notice {
	char *summary, *body;
	bool urgent;
};

/* The thread that shows them, and what it shares with the loop: all of it
 * under lock, but the pipe. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t more;
	pthread_t thread;
	bool running;		/* the thread exists */
	bool quit;		/* it is to end, dropping what waits */
	bool hung;		/* it was left in a show that did not return */
	struct notice q[QUEUE_MAX];
	int n;
	int64_t busy_since;	/* timer_now_ms() when its show began; 0: idle */
	int failed[2];		/* a byte per notice not shown */
} w = { .lock = PTHREAD_MUTEX_INITIALIZER, .more = PTHREAD_COND_INITIALIZER, .failed = { -1, -1 } };

#define LOAD(field, name) (*(void **)&nd.field = dlsym(nd.lib, name))

static bool load(void)
{
	if (nd.lib)
		return true;
	if (!(nd.lib = dlopen("libnotify.so.4", RTLD_LAZY | RTLD_LOCAL)))
		return false;
	/* dlsym on the handle also finds GLib's and GObject's functions: they
	 * are libnotify's dependencies */
	if (!LOAD(init, "notify_init") || !LOAD(is_initted, "notify_is_initted") ||
	    !LOAD(uninit, "notify_uninit") || !LOAD(new, "notify_notification_new") ||
	    !LOAD(set_urgency, "notify_notification_set_urgency") ||
	    !LOAD(set_app_name, "notify_notification_set_app_name") ||
	    !LOAD(show, "notify_notification_show") || !LOAD(error_free, "g_error_free") ||
	    !LOAD(unref, "g_object_unref")) {
		dlclose(nd.lib);
		nd.lib = NULL;
		return false;
	}
	return true;
}

static void drop(struct notice *q)
{
	free(q->summary);
	free(q->body);
}

/* On the thread: one notice to the notification server. */
static bool show(const struct notice *q)
{
	NotifyNotification *nn = nd.new(q->summary, q->body, NULL);
	GError *err = NULL;
	gboolean ok;

	nd.set_urgency(nn, q->urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
	nd.set_app_name(nn, "motcua");
	ok = nd.show(nn, &err);
	if (err)
		nd.error_free(err);
	nd.unref(nn);
	return ok;
}

static void *shower(void *arg)
{
	sigset_t all;

	(void)arg;
	/* signals are the loop's (its self-pipe) */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pthread_mutex_lock(&w.lock);
	for (;;) {
		struct notice q;
		bool ok;

		while (!w.n && !w.quit)
			pthread_cond_wait(&w.more, &w.lock);
		if (w.quit)
			break;
		q = w.q[0];
		memmove(w.q, w.q + 1, (size_t)--w.n * sizeof *w.q);
		w.busy_since = timer_now_ms();
		pthread_mutex_unlock(&w.lock);
		ok = show(&q);
		drop(&q);
		pthread_mutex_lock(&w.lock);
		w.busy_since = 0;
		if (!ok && write(w.failed[1], "x", 1) < 0) {
			/* pipe full: failures are said already */
		}
	}
	while (w.n)
		drop(&w.q[--w.n]);
	pthread_mutex_unlock(&w.lock);
	return NULL;
}

static bool pipe_open(void)
{
	if (w.failed[0] >= 0)
		return true;
	if (pipe(w.failed) < 0)
		return false;
	for (int i = 0; i < 2; i++) {
		fcntl(w.failed[i], F_SETFL, fcntl(w.failed[i], F_GETFL) | O_NONBLOCK);
		fcntl(w.failed[i], F_SETFD, FD_CLOEXEC);
	}
	return true;
}

bool notify_desktop_open(void)
{
	const char *bus = getenv("DBUS_SESSION_BUS_ADDRESS");

	/* no session bus: libnotify would try to start one through X11, which
	 * on a thin terminal over SSH only fails slowly; a thread left in a
	 * show that never returned: this desktop does not answer */
	if (!bus || !*bus || w.hung || !load() || !pipe_open())
		return false;
	if (nd.is_initted())
		return true;
	return nd.init("motcua");
}

int notify_desktop_show(const char *summary, const char *body, bool urgent)
{
	int rc = 0;

	if (!nd.lib)
		return -1;
	pthread_mutex_lock(&w.lock);
	if (!w.running) {
		w.quit = false;
		w.running = pthread_create(&w.thread, NULL, shower, NULL) == 0;
	}
	/* a desktop slow to answer, or not at all: the terminal tells */
	if (!w.running || w.n == QUEUE_MAX || (w.busy_since && timer_now_ms() - w.busy_since > ANSWER_MS)) {
		rc = -1;
	} else {
		w.q[w.n++] = (struct notice){ xstrdup(summary), xstrdup(body), urgent };
		pthread_cond_signal(&w.more);
	}
	pthread_mutex_unlock(&w.lock);
	return rc;
}

int notify_desktop_fd(void)
{
	return w.failed[0];
}

int notify_desktop_failures(void)
{
	char buf[64];
	ssize_t r;
	int n = 0;

	while (w.failed[0] >= 0 && (r = read(w.failed[0], buf, sizeof buf)) > 0)
		n += (int)r;
	return n;
}

void notify_desktop_close(void)
{
	bool busy;

	if (!nd.lib)
		return;
	pthread_mutex_lock(&w.lock);
	w.quit = true;
	busy = w.busy_since != 0;
	pthread_cond_signal(&w.more);
	pthread_mutex_unlock(&w.lock);
	if (w.running && busy) {
		/* stuck in a show: it is not waited for; the library stays as
		 * the thread uses it, until the process ends */
		pthread_detach(w.thread);
		w.running = false;
		w.hung = true;
		return;
	}
	if (w.running)
		pthread_join(w.thread, NULL);
	w.running = false;
	if (nd.is_initted())
		nd.uninit();
	for (int i = 0; i < 2; i++) {
		if (w.failed[i] >= 0)
			close(w.failed[i]);
		w.failed[i] = -1;
	}
}

#else

bool notify_desktop_open(void)
{
	return false;
}

int notify_desktop_fd(void)
{
	return -1;
}

int notify_desktop_failures(void)
{
	return 0;
}

int notify_desktop_show(const char *summary, const char *body, bool urgent)
{
	(void)summary;
	(void)body;
	(void)urgent;
	return -1;
}

void notify_desktop_close(void)
{
}

#endif
