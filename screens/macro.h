/* Macros at the desk: the `macro` command, recording, replaying, and the
 * screen that lists them (macros.c). A macro replays at the pace of the
 * link, not of a clock: before each step it waits, in the event loop,
 * until what the step before started is over (ui_busy), and it stops at the
 * first error the client says, naming the step. A y/n question is left to
 * the clerk; <ask:...> lets the clerk type a value. */
#ifndef MOTCUA_SCREENS_MACRO_H
#define MOTCUA_SCREENS_MACRO_H

#include <stdbool.h>

#include "app/app.h"
#include "app/cmd_lex.h"
#include "core/strbuf.h"
#include "keymaps/macro.h"
#include "list.h"
#include "prompt.h"

/* macro CONTEXT KEY "KEYS-OR-<op>" ["description"] (w->v[0] is "macro"):
 * define it in app->macros (made on first use). The context is a screen's
 * or "generic"; every <op> must be an operation of some screen. */
int macro_cmd(struct app *app, const struct cmd_words *w, struct err *e);
/* Free app->macros (after ui_close). */
void macro_free_all(struct app *app);

/* A key from the terminal, before anything else sees it: the record key,
 * a running macro's question or <ask:>, Esc stopping it. True if taken. */
bool macro_key(struct app *app, km_key key);
/* Start the macro bound to key on the top screen; false if none (or one
 * runs already: macros do not start macros). */
bool macro_start(struct app *app, km_key key);
/* Feed a running macro's next steps while nothing is under way (before
 * each draw, from the loop). */
void macro_pump(struct app *app);
/* What the status bar shows instead of key hints while a macro records or
 * runs; false when none does. */
bool macro_status(struct app *app, char *buf, size_t len);
/* Why the last macro stopped, until the clerk's next key; NULL if none. */
const char *macro_report(struct app *app);
/* Start or stop recording (the macro-record operation). */
unsigned macro_record(struct app *app);

/* The list screen's state, which also holds recording and replay (one
 * place per ui; macro.c and macros.c share it). */
struct macro_run {
	struct mstep *steps;
	size_t n, next;
	char key[32];		/* the macro's key, for messages */
	bool asking;		/* at an <ask:>: the clerk types, Enter goes on */
	bool question;		/* a y/n question is open: the clerk answers */
	unsigned errors;	/* app->msg_errors when the last step was fed */
};

struct macro_view {
	bool recording;
	char *rec_context;
	struct sb rec;		/* the keys so far, as a body */
	struct macro_run *run;	/* NULL: none runs */
	/* why the last one stopped, shown over other messages until the
	 * clerk's next key: what came after the stop must not hide it */
	char report[768];
	/* the screen: naming what was recorded, then the list */
	enum { MV_LIST, MV_DESC, MV_KEY } mode;
	struct prompt desc;
	struct list list;
};

struct macro_view *macro_view(struct app *app);
/* Forget the macro running, if any. */
void macro_run_free(struct macro_view *v);
/* Open the list screen naming what was just recorded (macros.c). */
unsigned macros_name_open(struct app *app);

#endif
