/* One line of text typed by the clerk: the inbox's filter, a code to go to,
 * and whatever asks next. Keys come as ui_key() gets them (km.h: code points,
 * KM_FKEY | a curses code); the text is kept in UTF-8. Enter accepts, Esc
 * or Ctrl-G cancels, Backspace, Ctrl-W and Ctrl-U erase a character, a
 * word, everything. prompt_type adds the input method (core/vnime.h):
 * every field the clerk types words in goes through it, a password never. */
#ifndef MOTCUA_PROMPT_H
#define MOTCUA_PROMPT_H

#include <curses.h>
#include <stddef.h>

#include "core/vnime.h"
#include "keymaps/km.h"

#define PROMPT_MAX 256

struct prompt {
	char text[PROMPT_MAX];
	size_t len;
};

enum prompt_event {
	PROMPT_IGNORED,		/* not a key for the prompt: the keymap has it */
	PROMPT_TAKEN,		/* taken, the text unchanged (full, nothing to erase) */
	PROMPT_EDITED,
	PROMPT_ACCEPTED,
	PROMPT_CANCELLED,
};

void prompt_clear(struct prompt *p);
enum prompt_event prompt_key(struct prompt *p, km_key key);
/* prompt_key, with the key composed by the input method im (NULL: none). */
enum prompt_event prompt_type(struct prompt *p, km_key key, const struct vnime *im);

/* Draw label and the text's end, with a block cursor after it when
 * editing, into width columns of win from (y, x); returns the columns
 * used. */
int prompt_draw(const struct prompt *p, WINDOW *win, int y, int x, int width,
		const char *label, const char *ellipsis, bool editing);

#endif
