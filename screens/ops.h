/* Operation tables: one per context, mapping stable operation names to their
 * handlers, help text and default keys. Keymaps bind keys to these names;
 * the shipped keymap, help screens and key hints are generated from the
 * same tables (screen_keymap_new, help.c, bars.c). A handler returns what
 * must be redrawn (enum redraw). */
#ifndef MOTCUA_OPS_H
#define MOTCUA_OPS_H

#include <stdbool.h>

#include "app/app.h"

struct op_def {
	const char *name;
	const char *help;	/* N_(): translated where shown */
	unsigned (*fn)(struct app *app);
	/* Its default keys in the table's context, by name, separated by
	 * spaces: "j <Down>"; NULL for none. */
	const char *keys;
	/* Instead of fn, for a family of operations that one handler runs
	 * told which by arg: the dossier's actions (arg: the enum action). */
	unsigned (*fn_arg)(struct app *app, int arg);
	int arg;
};

/* Table rows: an operation, one of a family, the end of the table. */
#define OP(name, help, fn, keys) { name, help, fn, keys, NULL, 0 }
#define OP_ARG(name, help, fn_arg, arg, keys) { name, help, NULL, keys, fn_arg, arg }
#define OP_END { NULL, NULL, NULL, NULL, NULL, 0 }

/* Keys a screen gives an operation of another table, the generic one. */
struct op_keys {
	const char *name, *keys;
};

/* Over other screens q, Esc and Left go back (view-close), not out. */
#define OPS_BACK_KEYS "q <Esc> <Left>"
/* That, for the screens whose view-close is the generic one. */
extern const struct op_keys ops_back_keys[];

extern const struct op_def ops_generic[];

/* The operation called name in table (terminated by a NULL name). */
const struct op_def *ops_find(const struct op_def *table, const char *name);

/* A move that a count repeats (5j): a row or a page up or down. */
bool ops_counted(const struct op_def *op);

/* Run op; what must be redrawn. */
unsigned ops_run(struct app *app, const struct op_def *op);

#endif
