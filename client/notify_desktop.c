/* Desktop notifications through libnotify, when the build has it. Without
 * it every call says "not available" and the terminal is used. */
#include "config.h"

#include <stdlib.h>

#include "notify.h"

#if HAVE_LIBNOTIFY
#include <libnotify/notify.h>

bool notify_desktop_open(void)
{
	const char *bus = getenv("DBUS_SESSION_BUS_ADDRESS");

	/* no session bus: libnotify would try to start one through X11, which
	 * on a thin terminal over SSH only fails slowly */
	if (!bus || !*bus)
		return false;
	if (notify_is_initted())
		return true;
	return notify_init("motcua");
}

int notify_desktop_show(const char *summary, const char *body, bool urgent)
{
	NotifyNotification *nn = notify_notification_new(summary, body, NULL);
	GError *err = NULL;
	gboolean ok;

	notify_notification_set_urgency(nn, urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
	notify_notification_set_app_name(nn, "motcua");
	/* a local call on the session bus; a failure (no server) is not
	 * worth a word to the clerk: the terminal tells instead */
	ok = notify_notification_show(nn, &err);
	if (err)
		g_error_free(err);
	g_object_unref(nn);
	return ok ? 0 : -1;
}

void notify_desktop_close(void)
{
	if (notify_is_initted())
		notify_uninit();
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
