# client/core/: The shared domain library: errors, allocation, text and
# folding, the string buffer, the time formats, timers, the model, the
# working-day calendar, identifiers, password hashing. All the sandbox links
# from the client.
noinst_LIBRARIES += client/core/libmccore.a
client_core_libmccore_a_SOURCES = \
	client/core/calendar.c client/core/calendar.h client/core/err.c \
	client/core/err.h client/core/fold.c client/core/fold.h client/core/i18n.h \
	client/core/ident.c client/core/ident.h client/core/ident_provinces.c \
	client/core/lunar.c client/core/lunar.h client/core/model.c \
	client/core/model.h client/core/password.c client/core/password.h \
	client/core/paths.c client/core/paths.h client/core/strbuf.c \
	client/core/strbuf.h client/core/text.c client/core/text.h \
	client/core/timer.c client/core/timer.h client/core/vnime.c \
	client/core/vnime.h client/core/vocab.h \
	client/core/when.c client/core/when.h client/core/xalloc.c \
	client/core/xalloc.h

# Working-day calendar overrides, one file per year (client/core/calendar/README.md).
calendardir = $(pkgdatadir)/calendar
dist_calendar_DATA = client/core/calendar/vn-2025.days client/core/calendar/vn-2026.days \
	client/core/calendar/vn-2027.days
EXTRA_DIST += client/core/calendar/README.md client/core/README.md client/core/local.mk
