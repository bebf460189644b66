# sandbox/seed/: The sandbox's training data generator: people, enterprises,
# catalog, dossiers and their timelines.
if SANDBOX
noinst_LIBRARIES += sandbox/seed/libmcseed.a
endif
sandbox_seed_libmcseed_a_SOURCES = \
	sandbox/seed/seed.c sandbox/seed/seed.h sandbox/seed/seed_applicants.c \
	sandbox/seed/seed_catalog.c sandbox/seed/seed_dossier_db.c \
	sandbox/seed/seed_dossiers.c sandbox/seed/seed_dossiers.h \
	sandbox/seed/seed_enterprises.c sandbox/seed/seed_forms.c \
	sandbox/seed/seed_formvals.c sandbox/seed/seed_names.c \
	sandbox/seed/seed_people.c sandbox/seed/seed_priv.h sandbox/seed/seed_time.c \
	sandbox/seed/seed_timeline.c sandbox/seed/seed_units.c
EXTRA_DIST += sandbox/seed/README.md sandbox/seed/local.mk
