/* The curses side of the client: owns the terminal, the windows, the theme
 * and the keymap; hooks into the app's event loop for input, signals and
 * drawing. */
#ifndef MOTCUA_UI_H
#define MOTCUA_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "app/app.h"
#include "core/err.h"
#include "cmdline.h"
#include "keymaps/km.h"
#include "pager.h"
#include "prompt.h"
#include "screen.h"
#include "themes/theme.h"

/* Below this the screens cannot lay out their columns. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* Screens opened over the first one, at most this many; the lock and a
 * help over it may go beyond. */
#define UI_STACK_MAX 8

struct ui {
	SCREEN *term;
	FILE *out, *in;
	WINDOW *title, *body, *status;
	int rows, cols;
	struct theme theme;
	bool no_color;		/* NO_COLOR: attributes only */
	struct keymap *km;
	/* The screen on top gets the keys and the body; those under it, the
	 * first opened first, come back as the ones above them close. */
	const struct screen *screen;
	const struct screen *under[UI_STACK_MAX + 2];
	size_t nunder;
	/* Each registered screen's state, in the registry's order: made
	 * when first asked for (ui_state), freed by ui_close. */
	void **state;
	const char *ellipsis;	/* "…" on UTF-8 terminals, "~" elsewhere */
	/* the status bar's clock moves without events: a timer at each
	 * minute, or each second while it counts down to a retry */
	unsigned tick;
	bool tick_seconds;
	/* The input method as the text fields use it (ui_ime); toggled: the
	 * clerk turned the `input-method` setting off (or, if it is off, on). */
	struct vnime ime;
	bool ime_toggled;
	struct cmdline cmdline;	/* the ':' line, over the status bar */
	/* An error said while the login or the lock hid the status bar (a
	 * broken settings line at start), said again once they are gone;
	 * NULL: none. */
	char *held_error;
	unsigned count;		/* digits typed before a move: 5j */
};

/* Say in err why this process cannot run the interactive client (standard
 * input or output not a terminal, TERM unset or unknown); 0 if it can. */
int ui_check_terminal(struct err *e);

/* Open the screen on out/in as terminal type term (NULL: $TERM). Tests pass
 * a file and a fixed type; the program passes its own terminal. */
int ui_open(struct app *app, const char *term, FILE *out, FILE *in, struct err *e);
/* The same, drawing with theme (NULL: the built-in one). */
int ui_open_themed(struct app *app, const char *term, FILE *out, FILE *in,
		   const struct theme *theme, struct err *e);
void ui_close(struct app *app);

/* Take input from stdin and signals through the app's loop; restore the
 * terminal if the process dies of a fatal error or a crash. */
int ui_attach(struct app *app, struct err *e);

/* The state of screen s (screen.h, state_size), made zeroed on first use
 * and kept until ui_close; NULL once the ui is closed (a late callback). */
void *ui_state(struct app *app, const struct screen *s);
/* The same, NULL when not made yet: for looking on every draw or key
 * without making it. */
void *ui_state_made(struct app *app, const struct screen *s);

/* Rebuild the windows for the terminal's size (after SIGWINCH). */
void ui_resize(struct app *app, int rows, int cols);
/* Draw whatever app->redraw asks for, in one doupdate(). */
void ui_draw(struct app *app);
/* Feed one key, as read from the terminal. */
void ui_key(struct app *app, km_key key);
/* A key as ui_key handles it once recording and a running macro had their
 * look: to the screen, a macro's key, a count, the keymap. Macros feed
 * their keys here. */
void ui_feed(struct app *app, km_key key);
/* Something the clerk started is still under way, in the session or on the
 * top screen: a macro's next key waits. */
bool ui_busy(struct app *app);

/* The input method for the text fields: the `input-method` setting, or
 * the other way when the clerk toggled it, in the `tone-style` set. */
const struct vnime *ui_ime(struct app *app);
/* Its name as the status bar shows it ("Telex"); NULL when it is off. */
const char *ui_ime_name(struct app *app);
/* Toggle it: off, or back on (Telex when the setting is off). */
unsigned ui_ime_toggle(struct app *app);

/* Open s over the screen on top / close the one on top, which gives the
 * keys back to the one under it; the first screen never closes. Both
 * return what must be redrawn. */
unsigned ui_push(struct app *app, const struct screen *s);
unsigned ui_pop(struct app *app);

/* 1250000 -> "1.250.000 VND", grouped as Vietnamese amounts are; "none"
 * for no amount. Returns the text (buf, or a constant). */
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
