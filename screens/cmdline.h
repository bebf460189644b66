/* The command language on the screens' side: the table of commands
 * (cmds.c) and the ':' line that runs them (cmdline.c), with Tab
 * completion from the same tables, a history kept across sessions, and
 * the message history behind :messages (messages.c). */
#ifndef MOTCUA_CMDLINE_H
#define MOTCUA_CMDLINE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "app/cmd.h"
#include "keymaps/km.h"
#include "prompt.h"

/* set, bind, unbind, source, messages, and whatever rows are added
 * (color, macro): the settings files and the ':' line read this table. */
extern const struct cmd_def ui_commands[];

/* Run one line as typed at ':' (or played by a macro): a command of
 * ui_commands, or the name of an operation of the screen on top (or of
 * the generic table). Says what it did or why not in the status bar;
 * returns what must be redrawn. */
unsigned ui_command(struct app *app, const char *line);

/* Read the system's settings file, then the clerk's (at start, after
 * ui_open: bindings need the keymap). Every broken line is in the
 * message history; the status bar shows the first, and how many more,
 * once no login or lock hides it. */
void ui_load_settings(struct app *app);

/* Tab completion: the candidates for the last word of line (the one
 * being typed), as the table says what each argument names. Calls fn
 * for each, in order, with the whole word it would become. */
void ui_complete(struct app *app, const char *line,
		 void (*fn)(void *arg, const char *word), void *arg);

#define CMDLINE_HISTORY_MAX 200

struct cmdline {
	bool active;
	struct prompt p;
	char **hist;		/* oldest first */
	size_t nhist;
	size_t at;		/* browsing: hist[at]; nhist: the line being typed */
	char typed[PROMPT_MAX];	/* what was typed before browsing */
	bool loaded;		/* the history file was read */
	/* What Tab found, shown above the line until the next key (not a
	 * message: it would fill the message history); NULL: none. */
	char *choices;
};

/* Open the ':' line (the generic operation command-line). */
unsigned cmdline_open(struct app *app);
/* While active, every key goes here first; true if taken. */
bool cmdline_key(struct app *app, km_key key);
/* The line on the status bar's last row. */
void cmdline_draw(struct app *app, WINDOW *win, int y);
void cmdline_free(struct cmdline *c);

#endif
