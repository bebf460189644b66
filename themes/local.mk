# themes/: Colours: semantic colour objects mapped to curses attributes.
noinst_LIBRARIES += themes/libmcthemes.a
themes_libmcthemes_a_SOURCES = \
	themes/theme.c themes/theme.h
EXTRA_DIST += themes/README.md themes/local.mk
