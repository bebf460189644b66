# client/store/: The local store (SQLite): dossiers, catalog, audit log, the
# outbox and its sender, and sync.
noinst_LIBRARIES += client/store/libmcstore.a
client_store_libmcstore_a_SOURCES = \
	client/store/outbox.c client/store/outbox.h client/store/outbox_send.c \
	client/store/outbox_send.h client/store/store.c client/store/store.h \
	client/store/store_catalog.c client/store/store_inbox.c client/store/store_inbox.h \
	client/store/store_int.h client/store/store_stats.c client/store/store_where.c client/store/sync.c client/store/sync.h
EXTRA_DIST += client/store/README.md client/store/local.mk
