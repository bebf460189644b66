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
#include "themes/theme.h"

struct list;
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
	/* Optional: the list it moves in, brought up to date (its rows
	 * counted, its page measured), for the list's operations (list.h). */
	struct list *(*list)(struct app *app);
	/* Optional: take a key before the keymap does (text typed into a
	 * prompt); false leaves it to the keymap. Sets app->redraw itself. */
	bool (*key)(struct app *app, km_key key);
	/* Optional: something it started is still under way (a lookup): a
	 * macro waits (ui_busy). */
	bool (*busy)(struct app *app);
	/* Optional: a y/n question is open: a macro leaves it to the clerk. */
	bool (*asking)(struct app *app);
	/* Optional: the size of the state it keeps while the ui is open
	 * (private to its file), made zeroed when first asked for
	 * (ui_state); state_free, if any, frees what it holds before the ui
	 * frees it (ui_close). */
	size_t state_size;
	void (*state_free)(struct app *app, void *state);
};

/* Each screen: its vtable, and the functions that open it over the screen
 * on top and return what must be redrawn (they refuse, saying why in the
 * status bar, when the stack is full). */

extern const struct screen screen_inbox;	/* the first one: never opened, never closed */

extern const struct screen screen_dossier;
/* The dossier of that code, fetched whole. */
unsigned dossier_open(struct app *app, const char *code);
/* The code of the dossier it shows, or showed last; NULL before the first. */
const char *dossier_code(struct app *app);

extern const struct screen screen_help;
/* The help about the screen on top, from the top. */
unsigned help_open(struct app *app);

extern const struct screen screen_colors;
/* The theme's preview: every colour object drawn, with its lines. */
unsigned colors_open(struct app *app);
/* Run a `color` or `mono` line on the struct theme arg (conf_line_fn). */
int colors_line(void *arg, const struct cmd_words *w, struct err *e);
/* The theme called name (theme.h; a shipped or the clerk's own, or a
 * file's path), with user's lines over it, into t: -1 (e) when it cannot
 * be found or read (t: the default with user's lines), its broken lines
 * in *warnings ("file:line: problem", newline-separated; freed by the
 * caller). */
int colors_read(const char *name, const struct theme *user, struct theme *t, char **warnings,
		struct err *e);
/* Draw with t from now on. */
unsigned ui_theme(struct app *app, const struct theme *t);
/* A `color` or `mono` line typed at the `:` prompt: the theme drawn
 * changes at once (app->redraw), or e says why not and nothing does. */
int colors_cmd(struct app *app, const struct cmd_words *w, struct err *e);

extern const struct screen screen_lock;
/* Lock the screen now, over whatever is open. Says why in the status bar
 * when it cannot (no password known). */
unsigned lock_open(struct app *app);
/* Whether the lock is on the stack. */
bool lock_active(const struct app *app);
/* Lock when the clerk has been away lock-after minutes (by app_now(), so a
 * test moves the clock instead of waiting); true if it locked now. */
bool lock_idle_check(struct app *app);
/* Check for idleness every LOCK_CHECK_MS from now on (ui_attach). */
void lock_start_timer(struct app *app);
#define LOCK_CHECK_MS (10 * 1000)

extern const struct screen screen_login;
/* Ask for the password, over the inbox, and come back whenever the server
 * refuses the password later. Sets app->redraw itself. */
void login_open(struct app *app);

extern const struct screen screen_act;
/* The form of act on the dossier of that code; refused (with a message
 * saying why, RD_STATUS) when the dossier does not allow it now. */
unsigned act_open(struct app *app, const char *code, enum action act);
/* The actions the dossier allows, "Accept, Refuse", in buf; the length
 * written (0: none). */
size_t act_allowed_list(const struct dossier *d, char *buf, size_t len);

extern const struct screen screen_outbox;
/* The clerk's actions not yet delivered, the first one selected. */
unsigned outbox_open(struct app *app);

struct procedure;

extern const struct screen screen_intake;
/* The intake form: asking for a procedure's code first (the desk knows
 * its daily ones), for the procedure of that code, or for the procedure
 * at hand (copied). */
unsigned intake_ask(struct app *app);
unsigned intake_open(struct app *app, const char *procedure_code);
unsigned intake_open_with(struct app *app, const struct procedure *p);

extern const struct screen screen_catalog;
extern const struct screen screen_catalog_detail;
/* The procedure catalog: the stored one at once, refreshed from the
 * server in the background. Its detail opens from it (catalog.h). */
unsigned catalog_open(struct app *app);

extern const struct screen screen_messages;
/* The message history, the newest in view (:messages). */
unsigned messages_open(struct app *app);

extern const struct screen screen_paper;
/* The paper form the dossier of that code calls for now (the refusal, the
 * supplement request, else the receipt), to read and print; says why in
 * the status bar when it has none. */
unsigned paper_open(struct app *app, const char *code);
/* Print a form through print-command without waiting for it: the status
 * line says it is printing, then that it went to the printer or why not.
 * what names the form ("Receipt"), translated. */
unsigned paper_print(struct app *app, const struct receipt *r, const char *what);

extern const struct screen screen_dashboard;
/* The desk's indicators for this month (the period it showed last), from
 * the local store, with the server's own figures when it has them. */
unsigned dashboard_open(struct app *app);
extern const struct screen screen_macros;
/* The clerk's macros, to read and delete (macro.h). */
unsigned macros_open(struct app *app);

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
