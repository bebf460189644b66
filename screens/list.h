/* A list to move in, shared by the inbox, the catalog and the outbox: the
 * selected row and the first row shown, kept on the rows as the list
 * shrinks and in view as the selection moves. The screen counts its rows
 * and measures its page; its operations move the top screen's list
 * (struct screen's list), as pager.h's scroll its pager. */
#ifndef MOTCUA_LIST_H
#define MOTCUA_LIST_H

#include <stddef.h>

#include "app/app.h"
#include "ops.h"

struct list {
	size_t n;		/* rows */
	size_t sel;		/* the selected one; 0 when there are none */
	size_t top;		/* the first one shown */
	size_t rows;		/* shown at once: a page (0 counts as 1) */
};

/* After n changed: a selection past the end goes to the last row. */
void list_clamp(struct list *l);

/* How the operations move the selection. */
enum list_move { LIST_DOWN, LIST_UP, LIST_PAGE_DOWN, LIST_PAGE_UP, LIST_FIRST, LIST_LAST };

/* Move the selection, never past the first or the last row; RD_BODY if
 * it moved, else RD_NONE (no rows, or already there). */
unsigned list_move(struct list *l, enum list_move m);

/* Scroll as little as possible to show the selection, leaving no rows
 * blank below while the list has enough to fill them; the first row to
 * draw (l->top). */
size_t list_scroll(struct list *l);

/* Move the top screen's list; m is an enum list_move (OP_ARG). */
unsigned list_op(struct app *app, int m);

/* The entries of a list screen's operation table, with their keys: to the
 * next and previous row, and by pages and to the ends. */
#define LIST_OPS_STEP \
	OP_ARG("move-down", N_("Next"), list_op, LIST_DOWN, "j <Down>"), \
	OP_ARG("move-up", N_("Previous"), list_op, LIST_UP, "k <Up>")
#define LIST_OPS \
	LIST_OPS_STEP, \
	OP_ARG("page-down", N_("Page down"), list_op, LIST_PAGE_DOWN, "<PageDown> <C-f>"), \
	OP_ARG("page-up", N_("Page up"), list_op, LIST_PAGE_UP, "<PageUp> <C-b>"), \
	OP_ARG("move-first", N_("First"), list_op, LIST_FIRST, "g <Home>"), \
	OP_ARG("move-last", N_("Last"), list_op, LIST_LAST, "G <End>")

#endif
