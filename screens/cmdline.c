#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdline.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui.h"

#define HISTORY_FILE "history"

/* --- the history, kept across sessions --- */

static void hist_push(struct cmdline *c, const char *line)
{
	if (c->nhist && !strcmp(c->hist[c->nhist - 1], line))
		return;
	if (c->nhist == CMDLINE_HISTORY_MAX) {
		free(c->hist[0]);
		memmove(c->hist, c->hist + 1, --c->nhist * sizeof *c->hist);
	}
	if (!c->hist)
		c->hist = xcalloc(CMDLINE_HISTORY_MAX, sizeof *c->hist);
	c->hist[c->nhist++] = xstrdup(line);
}

static void hist_load(struct cmdline *c)
{
	char path[4096], *line = NULL;
	size_t cap = 0;
	FILE *f;

	c->loaded = true;
	if (path_state(HISTORY_FILE, path, sizeof path) < 0 || !(f = fopen(path, "r")))
		return;
	while (getline(&line, &cap, f) != -1) {
		line[strcspn(line, "\r\n")] = '\0';
		if (*line && strlen(line) < PROMPT_MAX)
			hist_push(c, line);
	}
	free(line);
	fclose(f);
}

/* The whole history again, private to the clerk (0600): it may hold
 * what she typed about a citizen. A failure is said, not fatal. */
static void hist_save(struct app *app, const struct cmdline *c)
{
	char path[4096], tmp[4200];
	struct err e = { "" };
	FILE *f = NULL;
	int fd;

	if (path_state(HISTORY_FILE, path, sizeof path) < 0 || path_make_dirs(path, &e) < 0)
		goto fail;
	snprintf(tmp, sizeof tmp, "%s.new", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || fchmod(fd, 0600) < 0 || !(f = fdopen(fd, "w"))) {
		err_set(&e, _("cannot write %s: %s"), tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto fail;
	}
	for (size_t i = 0; i < c->nhist; i++)
		fprintf(f, "%s\n", c->hist[i]);
	if (fclose(f) != 0 || rename(tmp, path) < 0) {
		err_set(&e, _("cannot write %s: %s"), path, strerror(errno));
		goto fail;
	}
	return;
fail:
	if (e.msg[0])
		app_message(app, MSG_ERROR, _("the command history is not kept: %s"), e.msg);
}

void cmdline_free(struct cmdline *c)
{
	for (size_t i = 0; i < c->nhist; i++)
		free(c->hist[i]);
	free(c->hist);
	free(c->choices);
	memset(c, 0, sizeof *c);
}

static void set_text(struct prompt *p, const char *text)
{
	snprintf(p->text, sizeof p->text, "%s", text);
	p->len = strlen(p->text);
}

/* Up: an older line (what was typed is kept for Down to come back to). */
static void browse(struct cmdline *c, int step)
{
	if (step < 0 && c->at == 0)
		return;
	if (step > 0 && c->at >= c->nhist)
		return;
	if (c->at == c->nhist)
		snprintf(c->typed, sizeof c->typed, "%s", c->p.text);
	c->at = (size_t)((long)c->at + step);
	set_text(&c->p, c->at == c->nhist ? c->typed : c->hist[c->at]);
}

unsigned cmdline_open(struct app *app)
{
	struct cmdline *c = &app->ui->cmdline;

	if (!c->loaded)
		hist_load(c);
	prompt_clear(&c->p);
	c->at = c->nhist;
	c->active = true;
	return RD_STATUS;
}

/* --- Tab --- */

struct candidates {
	char **v;
	size_t n;
};

static void collect(void *arg, const char *word)
{
	struct candidates *c = arg;

	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i], word))
			return;
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n++] = xstrdup(word);
}

/* Complete the last word as far as the candidates agree; a single one is
 * finished with a blank, several are listed in *choices. */
static void complete(struct app *app, struct prompt *p, char **choices)
{
	struct candidates c = { NULL, 0 };
	const char *last = strrchr(p->text, ' ');
	size_t start = last ? (size_t)(last + 1 - p->text) : 0, common;

	ui_complete(app, p->text, collect, &c);
	if (!c.n) {
		*choices = xstrdup(_("nothing to complete here"));
		return;
	}
	common = strlen(c.v[0]);
	for (size_t i = 1; i < c.n; i++) {
		size_t k = 0;

		while (k < common && c.v[i][k] == c.v[0][k])
			k++;
		common = k;
	}
	if (start + common + 1 < sizeof p->text) {
		memcpy(p->text + start, c.v[0], common);
		p->len = start + common;
		if (c.n == 1 && p->text[p->len - 1] != '/')	/* a directory goes on */
			p->text[p->len++] = ' ';
		p->text[p->len] = '\0';
	}
	if (c.n > 1) {
		struct sb list = { 0 };

		for (size_t i = 0; i < c.n; i++)
			sb_printf(&list, "%s%s", i ? "  " : "", c.v[i]);
		*choices = sb_take(&list);
	}
	for (size_t i = 0; i < c.n; i++)
		free(c.v[i]);
	free(c.v);
}

bool cmdline_key(struct app *app, km_key key)
{
	struct cmdline *c = &app->ui->cmdline;
	char line[PROMPT_MAX];

	if (!c->active)
		return false;
	app->redraw |= RD_STATUS;
	free(c->choices);
	c->choices = NULL;
	switch (key) {
	case '\t':
		complete(app, &c->p, &c->choices);
		return true;
	case KM_FKEY | KEY_UP:
	case 0x10:		/* Ctrl-P */
		browse(c, -1);
		return true;
	case KM_FKEY | KEY_DOWN:
	case 0x0e:		/* Ctrl-N */
		browse(c, 1);
		return true;
	default:
		break;
	}
	switch (prompt_type(&c->p, key, ui_ime(app))) {
	case PROMPT_ACCEPTED:
		c->active = false;
		snprintf(line, sizeof line, "%s", c->p.text);
		/* as a completion left it, the blank after the last word goes
		 * (not "\ ", the space key) */
		for (size_t n = strlen(line); n && line[n - 1] == ' ' && !(n > 1 && line[n - 2] == '\\'); n--)
			line[n - 1] = '\0';
		if (line[0]) {
			hist_push(c, line);
			hist_save(app, c);
			app->redraw |= ui_command(app, line);
		}
		break;
	case PROMPT_CANCELLED:
		c->active = false;
		break;
	default:		/* the line has every key while it is open */
		break;
	}
	return true;
}

void cmdline_draw(struct app *app, WINDOW *win, int y)
{
	struct ui *ui = app->ui;

	wmove(win, y, 0);
	wclrtoeol(win);
	prompt_draw(&ui->cmdline.p, win, y, 0, getmaxx(win), ":", ui->ellipsis, true);
}
