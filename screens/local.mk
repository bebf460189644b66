# screens/: Everything drawn: one file per screen, the shared widgets, the
# status bar, the UI loop glue.
noinst_LIBRARIES += screens/libmcscreens.a
screens_libmcscreens_a_SOURCES = \
	screens/act.c screens/bars.c screens/catalog.c screens/catalog.h \
	screens/catalog_detail.c screens/catalog_intake.c screens/colors.c screens/cred.c \
	screens/cmdline.c screens/cmdline.h screens/cmds.c \
	screens/catalog_detail.c screens/catalog_intake.c screens/cred.c \
	screens/dashboard.c screens/dashboard.h screens/dashboard_charts.c \
	screens/cred.h screens/dossier.c screens/dossier.h \
	screens/dossier_act.c screens/form.c screens/form.h screens/help.c \
	screens/inbox.c screens/inbox.h screens/inbox_find.c screens/inbox_rows.c screens/inbox_views.c \
	screens/intake.c screens/intake_draw.c screens/intake_view.h screens/list.c \
	screens/list.h screens/lock.c \
	screens/login.c screens/macro.c screens/macro.h screens/macros.c screens/marks.c screens/marks.h \
	screens/messages.c screens/ops.c screens/ops.h \
	screens/outbox.c screens/pager.c screens/pager.h screens/paper.c \
	screens/prompt.c screens/prompt.h screens/registry.c screens/screen.h \
	screens/ui.c screens/ui.h
EXTRA_DIST += screens/README.md screens/local.mk
