/* The command language (DESIGN.md section 7): one table of commands serves
 * the settings files, the ':' line and macro bodies. A row names the
 * command, its handler, how many words it takes, its usage and help, and
 * what each argument names so the ':' line can complete it. The table
 * itself is the front end's (screens/cmds.c: `set` from here, `bind` and
 * `unbind` over the keymap, `source`); adding `color` or `macro` is one
 * row there. Words come from cmd_lex. */
#ifndef MOTCUA_CMD_H
#define MOTCUA_CMD_H

#include <stdbool.h>

#include "app.h"
#include "cmd_lex.h"
#include "core/err.h"

/* What an argument names: the ':' line completes it from that list. */
enum cmd_arg {
	CMD_ARG_NONE,		/* free text: nothing to complete */
	CMD_ARG_COMMAND,
	CMD_ARG_OPERATION,	/* in the context named by the word before */
	CMD_ARG_CONTEXT,
	CMD_ARG_KEY,
	CMD_ARG_SETTING,
	CMD_ARG_FILE,
	CMD_ARG_COLOR_OBJECT,	/* for `color` and `mono` */
};

#define CMD_ARGS_MAX 4

struct cmd_def {
	const char *name;
	/* w->v[0] is the command's name; the count of words after it is
	 * already checked against min and max. Fills e on failure. */
	int (*run)(struct app *app, const struct cmd_words *w, struct err *e);
	int min, max;			/* words after the name */
	const char *usage;		/* "bind CONTEXT KEY OPERATION", as typed */
	const char *help;		/* N_() */
	enum cmd_arg args[CMD_ARGS_MAX];
};

/* The row called name; NULL if none. Tables end with a NULL name. */
const struct cmd_def *cmd_find(const struct cmd_def *table, const char *name);

/* Run one command split into words (none: nothing to do). */
int cmd_run(struct app *app, const struct cmd_def *table, const struct cmd_words *w,
	    struct err *e);

/* Run every line of the file at path. Each broken line is said in the
 * status bar and the message history as "path:line: what was expected"
 * and skipped; the lines around it still count. Returns how many lines
 * were broken, or -1 with e when the file cannot be read (a missing one
 * only when must_exist). A relative path is taken from the directory of
 * the file being read, if any; "~/" is the home directory. */
int cmd_source(struct app *app, const struct cmd_def *table, const char *path,
	       bool must_exist, struct err *e);

/* `set NAME VALUE`: a row for the front end's table. The new value takes
 * effect at once (session_conf_changed). */
int cmd_set(struct app *app, const struct cmd_words *w, struct err *e);

#endif
