/* The password form of the login and the lock screens: the masked
 * password, the server and the user it is for, and what came of the last
 * try. Each of the two screens keeps one in its state. */
#ifndef MOTCUA_CRED_H
#define MOTCUA_CRED_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "keymaps/km.h"
#include "prompt.h"

struct cred_form {
	struct prompt pw;	/* wiped once used */
	char note[256];		/* what came of the last try */
	bool note_error;
	int fails;		/* wrong ones in a row: each waits longer */
	int64_t retry_at;	/* app_now_ms() before which no try is taken */
	unsigned timer;		/* says when the wait is over */
};

/* Draw the form: a heading, the server and the user, the masked password,
 * the note. */
void cred_form_draw(struct app *app, WINDOW *win, const struct cred_form *f, const char *heading);
/* Feed a key to the form's password; whether the form took it (else the
 * keymap has it). *accepted is set on Enter. */
bool cred_form_key(struct app *app, struct cred_form *f, km_key key, bool *accepted);
void cred_form_clear(struct cred_form *f);

#endif
