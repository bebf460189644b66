/* Desktop notifications through libnotify, when the build has its headers.
 * The library is opened only when a desktop session bus is there, the
 * first time a notice is due: libnotify brings GLib, GObject, GIO and
 * D-Bus, some 3 MB and a few milliseconds of start-up that a clerk on a
 * thin terminal over SSH, who never has a session bus, would pay for
 * nothing. Without the library every call says "not available" and the
 * terminal is used. */
#include "config.h"

#include <stdlib.h>

#include "notify.h"

#if HAVE_LIBNOTIFY
#include <dlfcn.h>
#include <libnotify/notify.h>

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

bool notify_desktop_open(void)
{
	const char *bus = getenv("DBUS_SESSION_BUS_ADDRESS");

	/* no session bus: libnotify would try to start one through X11, which
	 * on a thin terminal over SSH only fails slowly */
	if (!bus || !*bus || !load())
		return false;
	if (nd.is_initted())
		return true;
	return nd.init("motcua");
}

int notify_desktop_show(const char *summary, const char *body, bool urgent)
{
	NotifyNotification *nn;
	GError *err = NULL;
	gboolean ok;

	if (!nd.lib)
		return -1;
	nn = nd.new(summary, body, NULL);
	nd.set_urgency(nn, urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
	nd.set_app_name(nn, "motcua");
	/* a local call on the session bus; a failure (no server) is not
	 * worth a word to the clerk: the terminal tells instead */
	ok = nd.show(nn, &err);
	if (err)
		nd.error_free(err);
	nd.unref(nn);
	return ok ? 0 : -1;
}

void notify_desktop_close(void)
{
	if (nd.lib && nd.is_initted())
		nd.uninit();
}

#else

bool notify_desktop_open(void)
{
	return false;
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
