/* Operation tables: one per context, mapping stable operation names to their
 * handlers and help text. Keymaps bind keys to these names; help screens
 * and key hints are generated from the same tables. A handler returns what
 * must be redrawn (enum redraw). */
#ifndef MOTCUA_OPS_H
#define MOTCUA_OPS_H

#include "app/app.h"

struct op_def {
	const char *name;
	const char *help;	/* N_(): translated where shown */
	unsigned (*fn)(struct app *app);
};

extern const struct op_def ops_generic[];

/* The operation called name in table (terminated by a NULL name). */
const struct op_def *ops_find(const struct op_def *table, const char *name);

#endif
