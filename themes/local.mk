# themes/: Colours: semantic colour objects mapped to curses attributes,
# and the shipped themes, files of `color` lines a clerk can copy and edit.
noinst_LIBRARIES += themes/libmcthemes.a
themes_libmcthemes_a_SOURCES = \
	themes/theme.c themes/theme.h

themesdir = $(pkgdatadir)/themes
dist_themes_DATA = themes/default.theme themes/light.theme \
	themes/high-contrast.theme themes/monochrome.theme
EXTRA_DIST += themes/README.md themes/local.mk
