/* The inbox screen's parts, shared between its files: inbox.c draws the
 * list and moves in it; inbox_views.c keeps the views, their counts and
 * the filter's rows; inbox_find.c asks for the filter, for a code to go
 * to, and whether to take over actions waiting in other stores. State:
 * struct inbox_view, the screen's (ui_state). */
#ifndef MOTCUA_INBOX_H
#define MOTCUA_INBOX_H

#include "list.h"
#include "ui.h"

#include "store/store_inbox.h"

struct dossier;
struct filter;

/* The inbox's views, in the order Tab goes through them. */
enum inbox_view_id {
	IV_ALL, IV_RECEIVE, IV_PROCESS, IV_SUPPLEMENT, IV_READY, IV_DONE, IV_MINE,
	IV_PROCEDURE, IV_COUNT
};

/* The rows are read from the store (app->store) on demand: the counts and
 * procedures once per generation of the inbox, the rows shown as a window
 * around what is drawn, read again as the clerk moves past it. */
struct inbox_view {
	unsigned gen;		/* app->dossiers_gen the rows are for */
	bool read;		/* gen is read */
	struct inboxq_cuts cut;	/* the bands at the generation's instant: the
				 * order does not shift under the cursor */
	struct inboxq_proc *procs;	/* most dossiers first */
	size_t nprocs, proc;	/* proc: the one IV_PROCEDURE shows */
	char *proc_key;		/* its key, to find it in the next inbox */
	size_t total[IV_COUNT];	/* rows per view */

	enum inbox_view_id view;
	struct filter *filter;
	struct prompt query;	/* the filter as typed */
	struct prompt go;	/* a code to go to, while asked for */
	enum { ASK_NONE, ASK_FILTER, ASK_GOTO } asking;
	bool offering;		/* asking y/n to take over app->stranded */
	struct err query_note;	/* why the filter is matched as typed */

	struct list list;	/* over the rows in the view that match the filter */
	size_t counts[IV_COUNT];	/* rows per view that match the filter */
	bool stale;		/* the view or the filter changed since counted */
	/* A large inbox's filter is read in slices from a timer (count_timer)
	 * between keys: first the rest of the first window of matches
	 * (filling, from fill on), then the counts (tally, a lower bound until
	 * done). Meanwhile the list is that window. */
	bool counting, filling;
	unsigned count_timer;
	struct inboxq_pos fill;
	struct inboxq_count tally;
	int64_t drawn_us;	/* when a slice last asked for a redraw */
	/* where the selection was before the filter changed; anchored: not
	 * found yet in the window being filled, while the clerk stays on
	 * anchor_sel */
	struct inboxq_pos anchor;
	bool anchored;
	size_t anchor_sel;

	struct dossier *win;	/* rows first .. first + nwin - 1 of the list */
	struct inboxq_pos *win_pos;	/* and where each stands in the order */
	size_t first, nwin, win_cap;
};

/* The inbox's state (made on first use), and what frees what it holds
 * (inbox_views.c). */
struct inbox_view *inbox_view(struct app *app);
void inbox_view_free(struct app *app, void *state);

/* Bring the counts up to date: read again when the inbox changed, counted
 * again when the view or the filter did. The selection stays on its
 * dossier while it is shown, else moves to the next one shown. */
void inbox_sync(struct app *app);

/* The query of the view and the filter shown. */
void inbox_query(struct app *app, struct inboxq *q);

/* At least this many rows in the window: a few moves without a read. */
#define WINDOW_ROWS 64

/* Read rows first .. first + n - 1 of the list into the window, unless
 * they are there; then the dossier on row i (NULL: the store failed, and
 * the status bar says why). */
void inbox_window(struct app *app, size_t first, size_t n);
/* Read on into the first window from v->fill, until that instant
 * (timer_cpu_us()): true once the window is full or the list ended. */
bool inbox_fill(struct app *app, int64_t until);
struct dossier *inbox_row(struct app *app, size_t i);

/* A count as shown: while it is being counted, what is counted so far
 * and a plus, or the ellipsis before anything is. */
void inbox_count_text(struct app *app, size_t n, char *buf, size_t len);

/* A view's name as the title shows it. */
const char *inbox_view_label(const struct inbox_view *v);

/* The line of views with their counts, and the filter or go-to line. */
void inbox_draw_views(struct app *app, WINDOW *win, int y);
bool inbox_query_line(const struct inbox_view *v);
void inbox_draw_query(struct app *app, WINDOW *win, int y);

bool inbox_key(struct app *app, km_key key);

/* The question whether to take over the actions waiting in other stores
 * (app->stranded): asked once a run, when the inbox is drawn on top with
 * nothing typed into it (a form, the filter or the ':' line defer it), and
 * drawn over the last rows while it is open. */
void inbox_offer(struct app *app);
void inbox_draw_offer(struct app *app, WINDOW *win);
bool inbox_asking(struct app *app);

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
