/* A notification server for the tests: owns org.freedesktop.Notifications
 * on the session bus (run it under dbus-run-session), answers what
 * libnotify asks, and appends each notification to a file as one line,
 * "summary<TAB>body" (newlines in the body as " | "). Once the name is
 * owned it writes "ready" to the second file. Stops on SIGTERM or when the
 * bus goes away. With --stall it writes each notification down and never
 * answers, as a hung notification server does: the caller's D-Bus call
 * waits for its 25 s timeout.
 *
 *   notifyd LOG READY [--stall] */
#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char introspection[] =
	"<node><interface name='org.freedesktop.Notifications'>"
	"<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
	"<method name='Notify'>"
	"<arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
	"<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
	"<arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
	"<arg type='u' direction='out'/></method>"
	"<method name='CloseNotification'><arg type='u' direction='in'/></method>"
	"<method name='GetServerInformation'>"
	"<arg type='s' direction='out'/><arg type='s' direction='out'/>"
	"<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
	"<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
	"</interface></node>";

struct daemon {
	const char *log, *ready;
	bool stall;
	guint32 next_id;
	GMainLoop *loop;
};

static void append(const char *path, const char *summary, const char *body)
{
	FILE *f = fopen(path, "a");

	if (!f)
		return;
	fprintf(f, "%s\t", summary);
	for (const char *p = body; *p; p++) {
		if (*p == '\n')
			fputs(" | ", f);
		else
			fputc(*p, f);
	}
	fputc('\n', f);
	fclose(f);
}

static void on_call(GDBusConnection *conn, const gchar *sender, const gchar *path,
		    const gchar *iface, const gchar *method, GVariant *params,
		    GDBusMethodInvocation *inv, gpointer data)
{
	struct daemon *d = data;

	(void)conn;
	(void)sender;
	(void)path;
	(void)iface;
	if (!strcmp(method, "GetCapabilities")) {
		const gchar *caps[] = { "body", NULL };

		g_dbus_method_invocation_return_value(inv, g_variant_new("(^as)", caps));
	} else if (!strcmp(method, "GetServerInformation")) {
		g_dbus_method_invocation_return_value(inv, g_variant_new("(ssss)", "motcua-test-notifyd",
									    "motcua", "1", "1.2"));
	} else if (!strcmp(method, "Notify")) {
		const gchar *summary, *body;

		g_variant_get(params, "(&su&s&s&s@as@a{sv}i)", NULL, NULL, NULL, &summary, &body,
			      NULL, NULL, NULL);
		append(d->log, summary, body);
		if (d->stall)
			return;	/* the invocation is never answered */
		g_dbus_method_invocation_return_value(inv, g_variant_new("(u)", ++d->next_id));
	} else if (!strcmp(method, "CloseNotification")) {
		g_dbus_method_invocation_return_value(inv, NULL);
	} else {
		g_dbus_method_invocation_return_dbus_error(inv, "org.freedesktop.DBus.Error.UnknownMethod",
							   method);
	}
}

static const GDBusInterfaceVTable vtable = { on_call, NULL, NULL, { 0 } };

static void on_bus(GDBusConnection *conn, const gchar *name, gpointer data)
{
	GDBusNodeInfo *info = g_dbus_node_info_new_for_xml(introspection, NULL);

	(void)name;
	g_dbus_connection_register_object(conn, "/org/freedesktop/Notifications",
					  info->interfaces[0], &vtable, data, NULL, NULL);
	g_dbus_node_info_unref(info);
}

static void on_name(GDBusConnection *conn, const gchar *name, gpointer data)
{
	struct daemon *d = data;
	FILE *f = fopen(d->ready, "w");

	(void)conn;
	(void)name;
	if (f) {
		fputs("ready\n", f);
		fclose(f);
	}
}

static void on_lost(GDBusConnection *conn, const gchar *name, gpointer data)
{
	struct daemon *d = data;

	(void)conn;
	fprintf(stderr, "notifyd: cannot own %s\n", name);
	g_main_loop_quit(d->loop);
}

static gboolean on_term(gpointer data)
{
	g_main_loop_quit(((struct daemon *)data)->loop);
	return G_SOURCE_REMOVE;
}

int main(int argc, char **argv)
{
	struct daemon d = { 0 };
	guint owner;

	if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--stall"))) {
		fprintf(stderr, "usage: notifyd LOG READY [--stall]\n");
		return 2;
	}
	d.log = argv[1];
	d.ready = argv[2];
	d.stall = argc == 4;
	d.loop = g_main_loop_new(NULL, FALSE);
	g_unix_signal_add(SIGTERM, on_term, &d);
	owner = g_bus_own_name(G_BUS_TYPE_SESSION, "org.freedesktop.Notifications",
			       G_BUS_NAME_OWNER_FLAGS_NONE, on_bus, on_name, on_lost, &d, NULL);
	g_main_loop_run(d.loop);
	g_bus_unown_name(owner);
	g_main_loop_unref(d.loop);
	return 0;
}
