# keymaps/: Keys: the keymap that binds keys to operation names per context.
noinst_LIBRARIES += keymaps/libmckeymaps.a
keymaps_libmckeymaps_a_SOURCES = \
	keymaps/km.c keymaps/km.h keymaps/macro.c keymaps/macro.h
EXTRA_DIST += keymaps/README.md keymaps/local.mk

# The example macros (motcuarc(5), MACROS), for the clerk or the province to copy.
examplesdir = $(docdir)/examples
dist_examples_DATA = keymaps/macros.motcuarc
