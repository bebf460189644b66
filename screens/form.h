/* A small form: a few labelled fields, one focused at a time. Text and
 * date fields are typed into; a pick field narrows a list as the clerk
 * types and takes the highlighted item (or, if allowed, the text as
 * typed); a checks field ticks items of a list. The screen that owns the
 * form maps Tab, Enter, Esc... to operations (act.c); the form only
 * edits, moves and draws. */
#ifndef MOTCUA_FORM_H
#define MOTCUA_FORM_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "keymaps/km.h"
#include "prompt.h"
#include "themes/theme.h"

#define FORM_FIELDS 6
/* Items of a pick or checks field shown at once. */
#define FORM_LIST_ROWS 6

enum form_kind {
	FORM_TEXT,
	FORM_DATE,		/* text, dd/mm/yyyy HH:MM */
	FORM_PICK,		/* one item of a list, narrowed by typing */
	FORM_CHECKS,		/* any items of a list */
};

struct form_item {
	char *label, *value;	/* shown / what is sent */
	char *folded;		/* label, caseless and without diacritics */
	bool on;		/* FORM_CHECKS: ticked */
};

struct form_field {
	enum form_kind kind;
	const char *label;	/* translated, kept by the caller */
	bool required;
	bool free_text;		/* FORM_PICK: text matching no item is taken as typed */
	struct prompt text;	/* typed; FORM_PICK: what narrows the list */
	struct form_item *items;
	size_t nitems;
	size_t cur;		/* the highlighted item: its index among those shown */
};

struct form {
	struct form_field f[FORM_FIELDS];
	int n, focus;
};

void form_init(struct form *f);
void form_free(struct form *f);
/* Add a field; NULL if the form is full (a bug). */
struct form_field *form_add(struct form *f, enum form_kind kind, const char *label, bool required);
void form_add_item(struct form_field *ff, const char *label, const char *value, bool on);

/* Feed a key to the focused field: a character typed (composed by the
 * input method im), Backspace, Ctrl-W, Ctrl-U; Space ticks in a checks
 * field. False: not the field's key (the
 * screen's keymap has it). */
bool form_key(struct form *f, km_key key, const struct vnime *im);
/* Focus the next (dir 1) or previous (-1) field, round. */
void form_focus(struct form *f, int dir);
/* Move the highlight of the focused pick or checks field; false if none. */
bool form_move(struct form *f, int dir);

/* A field's text with the blanks around it removed, into buf. */
const char *form_text(const struct form_field *ff, char *buf, size_t len);
/* FORM_PICK: whether item i is shown for the text typed; the highlighted
 * one (NULL when none is shown). */
bool form_shows(const struct form_field *ff, size_t i);
const struct form_item *form_picked(const struct form_field *ff);

/* Draw the fields from row y of win; returns the next free row. */
int form_draw(const struct form *f, WINDOW *win, int y, const struct theme *t,
	      const char *ellipsis);

#endif
