/* Semantic colour objects (DESIGN.md section 7): screens ask for "what it
 * means" (an overdue deadline, the status bar), the theme decides how it
 * looks. A theme is written in the command language as lines
 *
 *   color OBJECT FG BG [ATTR...]    drawn on a terminal with colours
 *   mono  OBJECT ATTR...            drawn without (monochrome, NO_COLOR)
 *
 * Every object carries an attribute that still reads in monochrome, and the
 * screens add a glyph where a state has one, so nothing is told by colour
 * alone. Colours a terminal lacks fall back to the nearest it has: 256 to
 * 8 to none. */
#ifndef MOTCUA_THEME_H
#define MOTCUA_THEME_H

#include <curses.h>
#include <stddef.h>

#include "core/err.h"

enum theme_obj {
	TH_DEFAULT,
	TH_TITLE_BAR,
	TH_STATUS_BAR,
	TH_STATUS_ERROR,
	TH_LIST_HEADER,
	TH_LIST_SELECTED,
	TH_EMPTY_HINT,
	TH_DEADLINE_OVERDUE,
	TH_DEADLINE_TODAY,
	TH_DEADLINE_SOON,
	TH_DEADLINE_APOLOGY,
	TH_DEADLINE_OK,
	TH_FIELD_NATIONAL,
	TH_COMPONENT_MISSING,
	TH_FIELD_CORRECTED,	/* national data the clerk changed */
	TH_FIELD_INVALID,	/* a form field's problem */
	TH_LINK_ONLINE,
	TH_LINK_SLOW,
	TH_LINK_OFFLINE,
	TH_ACTION_PENDING,	/* the clerk's action, not yet confirmed by the server */
	TH_ACTION_WAITING,	/* a conflict or refusal: the clerk decides */
	TH_COUNT
};

/* How one object looks: colours (-1: the terminal's own, else 0-255) with
 * attributes on a colour terminal, and attributes alone without colours. */
struct theme_look {
	short fg, bg;
	attr_t attr, mono;
};

/* Which lines named an object, so that an overlay (the settings file's
 * colours over the chosen theme) changes only those. */
enum { TH_SET_COLOR = 1, TH_SET_MONO = 2 };

struct theme {
	struct theme_look look[TH_COUNT];
	unsigned char set[TH_COUNT];
	attr_t attr[TH_COUNT];	/* what is drawn, after theme_apply */
	int colors;		/* 0 (monochrome), 8 or 256 */
};

/* The built-in default (dark) theme, no object marked as set. Needs no
 * terminal. */
void theme_default(struct theme *t);
/* Start colours on the current screen (after initscr/newterm) unless
 * no_color (NO_COLOR), and work out what each object draws. */
void theme_apply(struct theme *t, int no_color);

/* Run one `color` or `mono` line, words v[0..n-1] (v[0] is the command).
 * On an error t is unchanged and e says what was expected. */
int theme_color_cmd(struct theme *t, size_t n, char *const *v, struct err *e);
/* Copy into dst the looks src's lines set (and mark them set in dst). */
void theme_overlay(struct theme *dst, const struct theme *src);

/* The stable name of an object, as `color` lines use it; every object is
 * named by theme_obj_name(0) .. theme_obj_name(TH_COUNT - 1), which is
 * what a completion lists. */
const char *theme_obj_name(enum theme_obj obj);
/* The object named name; -1 if none. */
int theme_obj_find(const char *name);
/* A look's parts as a line would write them ("red", "196", "default";
 * "bold underline", "normal"), into buf; returns buf. */
const char *theme_color_name(short c, char *buf, size_t size);
const char *theme_attr_names(attr_t a, char *buf, size_t size);

static inline attr_t theme_attr(const struct theme *t, enum theme_obj obj)
{
	return t->attr[obj];
}

#endif
