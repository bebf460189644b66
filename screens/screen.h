/* A screen is a small vtable, like tig's view_ops: its keymap context and
 * operations, how it titles itself and draws its body window. Screens are
 * stacked (ui.h): the one on top gets the keys and the body. */
#ifndef MOTCUA_SCREEN_H
#define MOTCUA_SCREEN_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "core/model.h"
#include "keymaps/km.h"
#include "ops.h"

struct pager;
struct receipt;

struct screen {
	const char *context;		/* keymap context, e.g. "inbox" */
	/* It hides what the screens under it show (login, lock): the status
	 * bar then shows no message, which may name a dossier. */
	bool covers;
	const char *name;		/* N_(): what help calls it, "Inbox" */
	const struct op_def *ops;	/* with their default keys here */
	/* Optional: keys it gives operations of the generic table (going
	 * back: ops_back_keys); NULL-terminated. */
	const struct op_keys *generic_keys;
	/* The operations worth a hint in the status bar, most useful first
	 * (NULL-terminated names; "help" is always added). */
	const char *const *hints;
	/* The title shown in the title bar, e.g. "Inbox (12)". */
	void (*title)(struct app *app, char *buf, size_t len);
	/* Draw the body window; win is already erased when flags hold RD_BODY. */
	void (*draw)(struct app *app, WINDOW *win, unsigned flags);
	/* Optional: on top again, as closed (the screen above it) closed. */
	void (*resume)(struct app *app, const struct screen *closed);
	/* Optional: leaving the stack; stop what it started. */
	void (*close)(struct app *app);
	/* Optional: the lines it scrolls, for the pager's operations. */
	struct pager *(*pager)(struct app *app);
	/* Optional: take a key before the keymap does (text typed into a
	 * prompt); false leaves it to the keymap. Sets app->redraw itself. */
	bool (*key)(struct app *app, km_key key);
};

extern const struct screen screen_inbox;
extern const struct screen screen_dossier;
extern const struct screen screen_help;
extern const struct screen screen_lock;
extern const struct screen screen_login;
extern const struct screen screen_catalog;
extern const struct screen screen_catalog_detail;
extern const struct screen screen_paper;

/* Ask for the password in the login screen, over the inbox (login.c), and
 * come back to it whenever the server refuses the password later. */
void login_open(struct app *app);

/* Lock the screen now, over whatever is open (lock.c); what must be
 * redrawn. Says why in the status bar when it cannot (no password known). */
unsigned lock_open(struct app *app);
/* Whether the lock is on the stack. */
bool lock_active(const struct app *app);
/* Lock when the clerk has been away lock-after minutes (by app_now(), so a
 * test moves the clock instead of waiting); true if it locked now. */
bool lock_idle_check(struct app *app);
/* Check for idleness every LOCK_CHECK_MS from now on (ui_attach). */
void lock_start_timer(struct app *app);
#define LOCK_CHECK_MS (10 * 1000)
extern const struct screen screen_act;
extern const struct screen screen_outbox;
extern const struct screen screen_intake;

struct procedure;

/* Ask for a procedure's code first (the desk knows its daily ones). */
unsigned intake_ask(struct app *app);
/* The same with the procedure at hand (copied). */
unsigned intake_open_with(struct app *app, const struct procedure *p);
/* Free what the intake screen keeps for the session (ui_close). */
void intake_view_free(struct app *app);

/* Open the dossier of that code over the screen on top, and fetch it
 * whole; returns what must be redrawn. */
unsigned dossier_open(struct app *app, const char *code);

/* Open the procedure catalog over the screen on top: the stored one at
 * once, refreshed from the server in the background (catalog.c). */
unsigned catalog_open(struct app *app);
/* Free what the catalog keeps (ui_close). */
void catalog_free(struct app *app);

/* Open the intake form for that procedure over the screen on top (the
 * intake screen implements it; the catalog's "start intake" calls it);
 * returns what must be redrawn. */
unsigned intake_open(struct app *app, const char *procedure_code);
/* Open the form of act on the dossier of that code over the screen on
 * top; refused (with a message saying why, RD_STATUS) when the dossier
 * does not allow it now. act.c. */
unsigned act_open(struct app *app, const char *code, enum action act);
/* The actions the dossier allows, "Accept, Refuse", in buf; the length
 * written (0: none). */
size_t act_allowed_list(const struct dossier *d, char *buf, size_t len);

/* The operations of the dossier screen that act (dossier_act.c), and the
 * lines it draws about acting: the keys of the actions allowed, and what
 * became of the clerk's last action on it (pending, conflict, refused).
 * dossier_op_act opens the form of act (an enum action): the operations
 * "dossier-accept", ... */
unsigned dossier_op_act(struct app *app, int act);
unsigned dossier_op_retry(struct app *app);
unsigned dossier_op_discard(struct app *app);
bool dossier_key(struct app *app, km_key key);
void dossier_draw_acting(struct app *app, struct pager *p, const struct dossier *d);
/* The y/n question before discarding the clerk's action, over the bottom
 * of the view while it is asked. */
void dossier_draw_question(struct app *app, WINDOW *win, const struct dossier *d);

/* Show the paper form the dossier of that code calls for now (the
 * refusal, the supplement request, else the receipt) over the screen on
 * top, to read and print; says why in the status bar when it has none
 * (paper.c). */
unsigned paper_open(struct app *app, const char *code);
/* Print a form through print-command without waiting for it: the status
 * line says it is printing, then that it went to the printer or why not.
 * what names the form ("Receipt"), translated. */
unsigned paper_print(struct app *app, const struct receipt *r, const char *what);

/* Every screen, NULL-terminated: one list of contexts and operation tables
 * for the help, the key hints and `bind`. */
extern const struct screen *const screen_registry[];

/* The screen whose keymap context is context; NULL if none (the generic
 * context is no screen: its table is ops_generic). */
const struct screen *screen_find(const char *context);

/* The operation called name as keys reach it on s: its own table first,
 * then the generic one; NULL if neither has it. */
const struct op_def *screen_op(const struct screen *s, const char *name);

/* A keymap with the shipped bindings: the default keys of ops_generic in
 * the generic context, and each registered screen's in its own. */
struct keymap *screen_keymap_new(void);

#endif
