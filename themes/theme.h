/* Semantic colour objects (DESIGN.md section 7): screens ask for "what it
 * means" (an overdue deadline, the status bar), the theme decides how it
 * looks. Every object carries an attribute that still reads in monochrome,
 * so nothing is signalled by colour alone; colour is added on top when the
 * terminal has it and NO_COLOR is not set. */
#ifndef MOTCUA_THEME_H
#define MOTCUA_THEME_H

#include <curses.h>

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

struct theme {
	attr_t attr[TH_COUNT];
	int colors;		/* 0 (monochrome), 8 or 256 */
};

/* Choose attributes for the current screen; call after initscr/newterm.
 * no_color: the user asked for none (NO_COLOR). */
void theme_init(struct theme *t, int no_color);
/* The stable name of an object, as `color` lines will use it. */
const char *theme_obj_name(enum theme_obj obj);

static inline attr_t theme_attr(const struct theme *t, enum theme_obj obj)
{
	return t->attr[obj];
}

#endif
