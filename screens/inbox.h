/* The inbox screen's parts, shared between its files: inbox.c draws the
 * list and moves in it; inbox_views.c keeps the views, their counts and
 * the filter's rows; inbox_find.c asks for the filter and for a code to go
 * to. State: struct inbox_view (ui.h). */
#ifndef MOTCUA_INBOX_H
#define MOTCUA_INBOX_H

#include "ui.h"

/* Bring the rows up to date: sorted again when the inbox changed, shown
 * again when the view or the filter did. The selection stays on its
 * dossier while it is shown, else moves to the next one shown. */
void inbox_sync(struct app *app);

/* The dossier on shown row i, and the position of a sorted row among the
 * shown ones (or of the first one after it). */
struct dossier *inbox_row(const struct inbox_view *v, size_t i);
size_t inbox_shown_at(const struct inbox_view *v, size_t sorted);

/* A view's name as the title shows it. */
const char *inbox_view_label(const struct inbox_view *v);

/* The line of views with their counts, and the filter or go-to line. */
void inbox_draw_views(struct app *app, WINDOW *win, int y);
bool inbox_query_line(const struct inbox_view *v);
void inbox_draw_query(struct app *app, WINDOW *win, int y);

bool inbox_key(struct app *app, km_key key);

unsigned inbox_op_view_next(struct app *app);
unsigned inbox_op_view_prev(struct app *app);
unsigned inbox_op_view_all(struct app *app);
unsigned inbox_op_view_mine(struct app *app);
unsigned inbox_op_view_procedure(struct app *app);
unsigned inbox_op_view_procedure_prev(struct app *app);
unsigned inbox_op_filter(struct app *app);
unsigned inbox_op_filter_clear(struct app *app);
unsigned inbox_op_goto(struct app *app);

#endif
