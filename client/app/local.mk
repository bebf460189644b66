# client/app/: The application: the app state, the session that wires profile,
# transport, API and store, settings, the command line, notifications.
noinst_LIBRARIES += client/app/libmcapp.a
client_app_libmcapp_a_SOURCES = \
	client/app/app.c client/app/app.h client/app/cli.c client/app/cli.h \
	client/app/cmd.c client/app/cmd.h \
	client/app/cmd_lex.c client/app/cmd_lex.h client/app/conf.c client/app/conf.h \
	client/app/conn.c client/app/conn.h \
	client/app/notify.c client/app/notify.h client/app/notify_desktop.c \
	client/app/secret.c client/app/secret.h client/app/session.c \
	client/app/session.h client/app/session_int.h client/app/session_intake.c client/app/session_catalog.c \
	client/app/session_stats.c
EXTRA_DIST += client/app/README.md client/app/local.mk
