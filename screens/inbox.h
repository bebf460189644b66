/* The inbox screen's parts, shared between its files: inbox.c draws the
 * list and moves in it; inbox_views.c keeps the views, their counts and
 * the filter's rows; inbox_find.c asks for the filter and for a code to go
 * to. State: struct inbox_view, the screen's (ui_state). */
#ifndef MOTCUA_INBOX_H
#define MOTCUA_INBOX_H

#include "list.h"
#include "ui.h"

struct dossier;
struct filter;

/* The inbox's views, in the order Tab goes through them. */
enum inbox_view_id {
	IV_ALL, IV_RECEIVE, IV_PROCESS, IV_SUPPLEMENT, IV_READY, IV_DONE, IV_MINE,
	IV_PROCEDURE, IV_COUNT
};

/* A procedure present in the inbox. */
struct inbox_proc {
	const char *key, *name;	/* point into the dossiers */
	size_t n;
};

struct inbox_view {
	struct dossier **sorted;	/* app->dossiers in urgency order */
	size_t nsorted;
	unsigned gen;		/* app->dossiers_gen they were sorted for */
	unsigned char *member;	/* per sorted row: 1 << each view it is in */
	size_t *proc_of;	/* per sorted row: its procedure in procs */
	struct inbox_proc *procs;	/* most dossiers first */
	size_t nprocs, proc;	/* proc: the one IV_PROCEDURE shows */
	char *proc_key;		/* its key, to find it in the next inbox */
	size_t total[IV_COUNT];	/* rows per view */

	enum inbox_view_id view;
	struct filter *filter;
	struct prompt query;	/* the filter as typed */
	struct prompt go;	/* a code to go to, while asked for */
	enum { ASK_NONE, ASK_FILTER, ASK_GOTO } asking;
	struct err query_note;	/* why the filter is matched as typed */

	size_t *shown;		/* sorted rows in the view that match the filter */
	struct list list;	/* over shown */
	size_t counts[IV_COUNT];	/* rows per view that match the filter */
	bool stale;		/* the view or the filter changed since shown was built */
};

/* The inbox's state (made on first use), and what frees what it holds
 * (inbox_views.c). */
struct inbox_view *inbox_view(struct app *app);
void inbox_view_free(struct app *app, void *state);

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
