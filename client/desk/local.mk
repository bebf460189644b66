# client/desk/: Desk rules: deadlines, validation, the intake form model,
# auto-fill, the inbox filter, receipts and paper forms.
noinst_LIBRARIES += client/desk/libmcdesk.a
client_desk_libmcdesk_a_SOURCES = \
	client/desk/autofill.c client/desk/autofill.h client/desk/deadline.c \
	client/desk/deadline.h client/desk/filter.c client/desk/filter.h \
	client/desk/iform.c client/desk/iform.h client/desk/receipt.c \
	client/desk/receipt.h client/desk/report.c client/desk/report.h client/desk/spawn.c client/desk/spawn.h \
	client/desk/stats.c client/desk/stats.h \
	client/desk/validate.c client/desk/validate.h
EXTRA_DIST += client/desk/README.md client/desk/local.mk
