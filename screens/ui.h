/* The curses side of the client: owns the terminal, the windows, the theme
 * and the keymap; hooks into the app's event loop for input, signals and
 * drawing. */
#ifndef MOTCUA_UI_H
#define MOTCUA_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "app/app.h"
#include "core/err.h"
#include "cred.h"
#include "desk/receipt.h"
#include "form.h"
#include "keymaps/km.h"
#include "pager.h"
#include "prompt.h"
#include "screen.h"
#include "themes/theme.h"

/* Below this the screens cannot lay out their columns. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

struct catalog_view;
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
	size_t n, sel, top;	/* sel and top index shown */
	size_t counts[IV_COUNT];	/* rows per view that match the filter */
	bool stale;		/* the view or the filter changed since shown was built */
};

/* One dossier, whole: its code is kept, never a pointer into the inbox,
 * which a refresh replaces. */
struct dossier_view {
	char *code;
	struct pager pager;
	bool loading;		/* the whole dossier is being fetched */
	bool failed;		/* that fetch failed: the summary shows */
	unsigned gen;		/* app->dossiers_gen the fetch left */
	bool confirm_discard;	/* asking y/n before discarding the clerk's action */
};

struct intake_view;	/* screens/intake.h */

struct help_view {
	struct pager pager;
};

/* A paper form of one dossier, laid out from it at each draw (paper.c). */
struct paper_view {
	char *code;
	enum receipt_kind kind;
	struct pager pager;
};

/* The form of one action on one dossier (act.c). */
struct act_view {
	char *code;
	enum action act;
	struct form form;
	/* which field holds what; -1: the form has none */
	int f_note, f_reason, f_assignee, f_missing, f_items, f_due;
	/* asking y/n: before a step that cannot be undone, before leaving
	 * what was typed */
	enum { ACT_ASK_NONE, ACT_ASK_SEND, ACT_ASK_DISCARD } asking;
	bool typed;		/* the clerk changed a field */
	char error[512];	/* why it cannot be sent yet */
};

/* The outbox screen (outbox.c). */
struct outbox_view {
	size_t sel, top;
	bool confirming;	/* asking y/n before discarding the selected one */
};

/* Screens opened over the first one, at most this many; the lock and a
 * help over it may go beyond. */
#define UI_STACK_MAX 8

struct ui {
	SCREEN *term;
	FILE *out, *in;
	WINDOW *title, *body, *status;
	int rows, cols;
	struct theme theme;
	struct keymap *km;
	/* The screen on top gets the keys and the body; those under it, the
	 * first opened first, come back as the ones above them close. */
	const struct screen *screen;
	const struct screen *under[UI_STACK_MAX + 2];
	size_t nunder;
	struct inbox_view inbox;
	struct dossier_view dossier;
	struct help_view help;
	struct paper_view paper;
	struct catalog_view *catalog;	/* made when the catalog first opens */
	struct cred_form lock, login;
	unsigned lock_timer;
	struct act_view act;
	struct outbox_view outbox;
	struct intake_view *intake;	/* NULL until the first intake */
	const char *ellipsis;	/* "…" on UTF-8 terminals, "~" elsewhere */
};

/* Say in err why this process cannot run the interactive client (standard
 * input or output not a terminal, TERM unset or unknown); 0 if it can. */
int ui_check_terminal(struct err *e);

/* Open the screen on out/in as terminal type term (NULL: $TERM). Tests pass
 * a file and a fixed type; the program passes its own terminal. */
int ui_open(struct app *app, const char *term, FILE *out, FILE *in, struct err *e);
void ui_close(struct app *app);

/* Take input from stdin and signals through the app's loop; restore the
 * terminal if the process dies of a fatal error or a crash. */
int ui_attach(struct app *app, struct err *e);

/* Free what the inbox keeps (inbox_views.c). */
void inbox_view_free(struct inbox_view *v);

/* Rebuild the windows for the terminal's size (after SIGWINCH). */
void ui_resize(struct app *app, int rows, int cols);
/* Draw whatever app->redraw asks for, in one doupdate(). */
void ui_draw(struct app *app);
/* Feed one key, as read from the terminal. */
void ui_key(struct app *app, km_key key);

/* Open s over the screen on top / close the one on top, which gives the
 * keys back to the one under it; the first screen never closes. Both
 * return what must be redrawn. */
unsigned ui_push(struct app *app, const struct screen *s);
unsigned ui_pop(struct app *app);

/* 1250000 -> "1.250.000 VND", grouped as Vietnamese amounts are; "none"
 * for no amount. Returns the text (buf, or a constant). */
/* An instant as views show it: dd/mm/yyyy HH:MM, Vietnam time; "" when
 * not set (0). */
const char *ui_when(int64_t t, char *buf, size_t len);
const char *ui_money(long long amount, char *buf, size_t len);

/* The bars above and below the body (bars.c). The status bar is one row,
 * two while a message is too long for one beside the link state. */
void ui_draw_title(struct app *app, WINDOW *win);
int ui_status_rows(struct app *app, int cols);
void ui_draw_status(struct app *app, WINDOW *win);
/* A y/n question on the last rows of win, over what is drawn there: the
 * question wrapped onto at most two rows, the keys that answer it at the
 * end, where they are never cut. */
void ui_draw_question(struct app *app, WINDOW *win, const char *question);

#endif
