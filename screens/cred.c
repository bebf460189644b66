#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "cred.h"
#include "ui.h"

void cred_form_clear(struct cred_form *f)
{
	memset(f->pw.text, 0, sizeof f->pw.text);
	f->pw.len = 0;
}

/* Enter, Esc (clears) and editing keys go to the password; other keys to
 * the keymap only if the screen has an operation for them, or to redraw or
 * show the help: typed text must never run `quit` or `lock`. */
bool cred_form_key(struct app *app, struct cred_form *f, km_key key, bool *accepted)
{
	const char *name;

	*accepted = false;
	switch (prompt_key(&f->pw, key)) {
	case PROMPT_ACCEPTED:
		*accepted = true;
		return true;
	case PROMPT_CANCELLED:
		cred_form_clear(f);
		app->redraw |= RD_BODY;
		return true;
	case PROMPT_EDITED:
	case PROMPT_TAKEN:
		app->redraw |= RD_BODY;
		return true;
	case PROMPT_IGNORED:
		break;
	}
	name = km_lookup(app->ui->km, app->ui->screen->context, key);
	return !(name && (ops_find(app->ui->screen->ops, name) || !strcmp(name, "redraw") ||
			  !strcmp(name, "help")));
}

void cred_form_draw(struct app *app, WINDOW *win, const struct cred_form *f, const char *heading)
{
	struct ui *ui = app->ui;
	int w = getmaxx(win), h = getmaxy(win), x = w / 2 - 30, y = h / 2 - 4;
	char masked[PROMPT_MAX + 1], line[512];
	struct prompt shown = { "", 0 };
	const char *label = _("Password: ");
	size_t chars = 0;

	if (x < 2)
		x = 2;
	/* one * per character typed, never the text */
	for (size_t i = 0; i < f->pw.len; i++)
		if (((unsigned char)f->pw.text[i] & 0xC0) != 0x80 && chars < PROMPT_MAX)
			masked[chars++] = '*';
	masked[chars] = '\0';
	memcpy(shown.text, masked, chars + 1);
	shown.len = chars;

	wattrset(win, A_BOLD);
	mvwaddstr(win, y, x, heading);
	wattrset(win, A_NORMAL);
	snprintf(line, sizeof line, _("Server:   %s"), app->server_name ? app->server_name : "");
	mvwaddstr(win, y + 2, x, line);
	snprintf(line, sizeof line, _("User:     %s"), app->user ? app->user : "");
	mvwaddstr(win, y + 3, x, line);
	prompt_draw(&shown, win, y + 5, x, w - x - 2, label, ui->ellipsis, true);
	if (f->note[0]) {
		char fitted[512];

		text_fit(fitted, sizeof fitted, f->note, w - x - 2, ui->ellipsis, 0);
		wattrset(win, f->note_error ? theme_attr(&ui->theme, TH_STATUS_ERROR) | A_BOLD : A_NORMAL);
		mvwaddstr(win, y + 7, x, fitted);
		wattrset(win, A_NORMAL);
	}
}
