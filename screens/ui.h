/* The curses side of the client: owns the terminal, the windows, the theme
 * and the keymap; hooks into the app's event loop for input, signals and
 * drawing. */
#ifndef MOTCUA_UI_H
#define MOTCUA_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "err.h"
#include "km.h"
#include "pager.h"
#include "screen.h"
#include "theme.h"

/* Below this the screens cannot lay out their columns. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

struct dossier;

struct inbox_view {
	struct dossier **rows;	/* app->dossiers in urgency order */
	size_t n, sel, top;
	unsigned gen;		/* app->dossiers_gen the rows were built for */
};

/* One dossier, whole: its code is kept, never a pointer into the inbox,
 * which a refresh replaces. */
struct dossier_view {
	char *code;
	struct pager pager;
	bool loading;		/* the whole dossier is being fetched */
	bool failed;		/* that fetch failed: the summary shows */
	unsigned gen;		/* app->dossiers_gen the fetch left */
};

struct help_view {
	struct pager pager;
};

/* Screens opened over the first one, at most this many. */
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
	const struct screen *under[UI_STACK_MAX];
	size_t nunder;
	struct inbox_view inbox;
	struct dossier_view dossier;
	struct help_view help;
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

/* The bars above and below the body (bars.c). */
void ui_draw_title(struct app *app, WINDOW *win);
void ui_draw_status(struct app *app, WINDOW *win);

#endif
