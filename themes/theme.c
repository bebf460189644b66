#include "config.h"

#include "theme.h"

/* The default theme: a monochrome attribute for each object, then colours
 * for 8-colour terminals (-1 is the terminal's default) and a refinement for
 * 256-colour ones. */
static const struct {
	const char *name;
	attr_t mono;
	short fg8, bg8, fg256, bg256;
} objs[TH_COUNT] = {
	[TH_DEFAULT]          = { "default", A_NORMAL, -1, -1, -1, -1 },
	[TH_TITLE_BAR]        = { "title-bar", A_REVERSE, COLOR_WHITE, COLOR_BLUE, 231, 24 },
	[TH_STATUS_BAR]       = { "status-bar", A_REVERSE, COLOR_WHITE, COLOR_BLUE, 231, 24 },
	[TH_STATUS_ERROR]     = { "status-error", A_REVERSE | A_BOLD, COLOR_WHITE, COLOR_RED, 231, 124 },
	[TH_LIST_HEADER]      = { "list-header", A_BOLD | A_UNDERLINE, -1, -1, -1, -1 },
	[TH_LIST_SELECTED]    = { "list-selected", A_REVERSE, COLOR_BLACK, COLOR_CYAN, 16, 152 },
	[TH_EMPTY_HINT]       = { "empty-hint", A_DIM, -1, -1, 245, -1 },
	[TH_DEADLINE_OVERDUE] = { "deadline-overdue", A_BOLD, COLOR_RED, -1, 196, -1 },
	[TH_DEADLINE_TODAY]   = { "deadline-today", A_BOLD, COLOR_YELLOW, -1, 208, -1 },
	[TH_DEADLINE_SOON]    = { "deadline-soon", A_NORMAL, COLOR_YELLOW, -1, 178, -1 },
	[TH_DEADLINE_APOLOGY] = { "deadline-apology", A_UNDERLINE, COLOR_MAGENTA, -1, 170, -1 },
	[TH_DEADLINE_OK]      = { "deadline-ok", A_NORMAL, -1, -1, -1, -1 },
	[TH_FIELD_NATIONAL]   = { "field-from-national-data", A_UNDERLINE, COLOR_GREEN, -1, 35, -1 },
	[TH_COMPONENT_MISSING] = { "component-missing", A_BOLD, COLOR_RED, -1, 160, -1 },
	[TH_FIELD_CORRECTED]  = { "field-corrected", A_UNDERLINE | A_BOLD, COLOR_CYAN, -1, 37, -1 },
	[TH_FIELD_INVALID]    = { "field-invalid", A_BOLD, COLOR_RED, -1, 160, -1 },
	[TH_LINK_ONLINE]      = { "link-online", A_NORMAL, COLOR_WHITE, COLOR_BLUE, 120, 24 },
	[TH_LINK_SLOW]        = { "link-slow", A_BOLD, COLOR_YELLOW, COLOR_BLUE, 220, 24 },
	[TH_LINK_OFFLINE]     = { "link-offline", A_BOLD | A_REVERSE, COLOR_WHITE, COLOR_RED, 231, 124 },
	[TH_ACTION_PENDING]   = { "action-pending", A_UNDERLINE, COLOR_CYAN, -1, 39, -1 },
	[TH_ACTION_WAITING]   = { "action-waiting", A_BOLD | A_UNDERLINE, COLOR_MAGENTA, -1, 201, -1 },
};

const char *theme_obj_name(enum theme_obj obj)
{
	return obj < TH_COUNT ? objs[obj].name : "";
}

void theme_init(struct theme *t, int no_color)
{
	t->colors = 0;
	if (!no_color && has_colors() && start_color() == OK) {
		use_default_colors();
		t->colors = COLORS >= 256 ? 256 : COLORS >= 8 ? 8 : 0;
	}
	for (int i = 0; i < TH_COUNT; i++) {
		short fg = t->colors == 256 ? objs[i].fg256 : objs[i].fg8;
		short bg = t->colors == 256 ? objs[i].bg256 : objs[i].bg8;

		t->attr[i] = objs[i].mono;
		if (t->colors && i < COLOR_PAIRS && (fg >= 0 || bg >= 0)) {
			init_pair((short)i, fg, bg);
			/* With colour the reverse video of bars is not needed. */
			t->attr[i] = (objs[i].mono & ~A_REVERSE) | COLOR_PAIR(i);
		}
	}
}
