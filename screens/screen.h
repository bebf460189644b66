/* A screen is a small vtable, like tig's view_ops: its keymap context and
 * operations, how it titles itself and draws its body window. */
#ifndef MOTCUA_SCREEN_H
#define MOTCUA_SCREEN_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "km.h"
#include "ops.h"

struct screen {
	const char *context;		/* keymap context, e.g. "inbox" */
	const struct op_def *ops;
	/* The title shown in the title bar, e.g. "Inbox (12)". */
	void (*title)(struct app *app, char *buf, size_t len);
	/* Draw the body window; win is already erased when flags hold RD_BODY. */
	void (*draw)(struct app *app, WINDOW *win, unsigned flags);
	/* Optional: take a key before the keymap does (text typed into a
	 * prompt); false leaves it to the keymap. Sets app->redraw itself. */
	bool (*key)(struct app *app, km_key key);
};

extern const struct screen screen_inbox;

#endif
