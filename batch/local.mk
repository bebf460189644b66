# batch/: Batch mode: the scriptable front end (list, show, act, sync,
# receipt, outbox, ...).
noinst_LIBRARIES += batch/libmcbatch.a
batch_libmcbatch_a_SOURCES = \
	batch/batch.c batch/batch.h batch/batch_check.c batch/batch_forms.c batch/batch_int.h \
	batch/batch_stats.c batch/batch_store.c
EXTRA_DIST += batch/README.md batch/local.mk
