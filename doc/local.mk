# doc/: the clerk's manual, the benchmarks and the man pages. motcuarc(5)
# is built, not distributed: doc/gen_motcuarc writes its COMMANDS, SETTINGS
# and OPERATIONS sections from the client's tables into the template
# doc/motcuarc.5.in.
dist_man_MANS = doc/motcua.1
if SANDBOX
dist_man_MANS += doc/motcua-sandbox.1
endif
nodist_man_MANS = doc/motcuarc.5
noinst_PROGRAMS = doc/gen_motcuarc
doc_gen_motcuarc_SOURCES = doc/gen_motcuarc.c
doc_gen_motcuarc_LDADD = $(UI_LIBS) $(LIBINTL)

doc/motcuarc.5: doc/gen_motcuarc$(EXEEXT) $(srcdir)/doc/motcuarc.5.in
	$(AM_V_GEN)$(MKDIR_P) doc && \
	doc/gen_motcuarc$(EXEEXT) $(srcdir)/doc/motcuarc.5.in >$@.tmp && mv $@.tmp $@

# Every page renders without a warning and names what its program parses.
TESTS += tests/unit/test_man.sh
CLEANFILES += doc/motcuarc.5
EXTRA_DIST += doc/local.mk doc/motcuarc.5.in doc/motcua-sandbox.1 doc/manual.md \
	doc/benchmarks.md doc/architecture.md doc/security.md tests/unit/test_man.sh
