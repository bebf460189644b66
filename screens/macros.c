#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "macro.h"
#include "ui.h"

/* The macros screen: what the clerk just recorded is named here (a
 * description, then the key that runs it) and saved; then, as when opened
 * with macro-list, the macros with their keys, and d deletes one. Saved
 * and deleted in the clerk's settings file, where `macro` lines live. */

#define KEY_ESC 0x1b

static void view_free(struct app *app, void *state)
{
	struct macro_view *v = state;

	(void)app;
	free(v->rec_context);
	sb_free(&v->rec);
	macro_run_free(v);
}

static size_t count(const struct app *app)
{
	return app->macros ? app->macros->n : 0;
}

static struct list *rows(struct app *app)
{
	struct list *l = &macro_view(app)->list;

	l->n = count(app);
	list_clamp(l);
	return l;
}

unsigned macros_open(struct app *app)
{
	struct macro_view *v = macro_view(app);

	if (app->ui->screen == &screen_macros)
		return RD_NONE;
	v->mode = MV_LIST;
	v->list.sel = v->list.top = 0;
	return ui_push(app, &screen_macros);
}

unsigned macros_name_open(struct app *app)
{
	struct macro_view *v = macro_view(app);
	unsigned rd = app->ui->screen == &screen_macros ? RD_BODY | RD_STATUS : ui_push(app, &screen_macros);

	v->mode = MV_DESC;
	prompt_clear(&v->desc);
	return rd;
}

/* s in double quotes, as the command language reads it back. */
static void put_quoted(struct sb *b, const char *s)
{
	sb_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_addc(b, '\\');
		sb_addc(b, *s);
	}
	sb_addc(b, '"');
}

/* The folders above path, made as needed (mkdir -p), private. */
static int make_parents(char *path, struct err *e)
{
	for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		int rc = 0;

		*slash = '\0';
		if (mkdir(path, 0700) < 0 && errno != EEXIST)
			rc = err_set(e, _("cannot make %s: %s"), path, strerror(errno));
		*slash = '/';
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Append a `macro` line to the settings file, made 0600. A file that is
 * not a regular one (MOTCUA_CONFIG=/dev/null) is left alone. */
static int save_line(const char *context, const char *key, const char *body, const char *desc,
		     char *path, size_t len, struct err *e)
{
	struct sb line = { 0 };
	struct stat st;
	int fd, rc = 0;

	if (path_config(path, len) < 0)
		return err_set(e, "%s", _("no home directory is known to keep the settings file in"));
	if (make_parents(path, e) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || fstat(fd, &st) < 0) {
		rc = err_set(e, _("cannot save the macro in %s: %s"), path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		rc = err_set(e, _("%s is not a regular file: the macro works until you quit, unsaved"), path);
	} else {
		sb_printf(&line, "macro %s ", context);
		put_quoted(&line, key);
		sb_addc(&line, ' ');
		put_quoted(&line, body);
		if (*desc) {
			sb_addc(&line, ' ');
			put_quoted(&line, desc);
		}
		sb_addc(&line, '\n');
		/* private, as the history is: what a desk types is its own */
		if (((st.st_mode & 077) && fchmod(fd, 0600) < 0) ||
		    write(fd, line.s, line.len) != (ssize_t)line.len)
			rc = err_set(e, _("cannot save the macro in %s: %s"), path, strerror(errno));
	}
	if (fd >= 0 && close(fd) < 0 && !rc)
		rc = err_set(e, _("cannot save the macro in %s: %s"), path, strerror(errno));
	sb_free(&line);
	return rc;
}

/* The clerk pressed the key that will run what was recorded. */
static unsigned name_key(struct app *app, km_key key)
{
	struct macro_view *v = macro_view(app);
	/* a macro's key comes before the keymap's */
	const char *shadowed = km_lookup(app->ui->km, v->rec_context, key);
	char keyname[32], path[4096];
	struct err e = { "" };

	km_key_name(key, keyname, sizeof keyname);
	if (shadowed && !strcmp(shadowed, "macro-record")) {
		app_message(app, MSG_ERROR, _("%s records macros: press another key."), keyname);
		return RD_STATUS;
	}
	if (!app->macros)
		app->macros = xcalloc(1, sizeof *app->macros);
	if (macros_define(app->macros, v->rec_context, keyname, sb_str(&v->rec), v->desc.text, &e) < 0 ||
	    save_line(v->rec_context, keyname, sb_str(&v->rec), v->desc.text, path, sizeof path, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else if (shadowed)
		/* TRANSLATORS: the key, its screen's context, the settings file,
		 * the operation the key ran there until now */
		app_message(app, MSG_INFO, _("Macro %s of the %s screen saved in %s; the key no longer runs %s there."),
			    keyname, v->rec_context, path, shadowed);
	else
		/* TRANSLATORS: the key, its screen's context, the settings file */
		app_message(app, MSG_INFO, _("Macro %s of the %s screen saved in %s."), keyname,
			    v->rec_context, path);
	v->mode = MV_LIST;
	sb_reset(&v->rec);
	return RD_TITLE | RD_BODY | RD_STATUS;
}

static bool macros_key(struct app *app, km_key key)
{
	struct macro_view *v = macro_view(app);

	switch (v->mode) {
	case MV_DESC:
		switch (prompt_key(&v->desc, key)) {
		case PROMPT_ACCEPTED:
			v->mode = MV_KEY;
			break;
		case PROMPT_CANCELLED:
			v->mode = MV_LIST;
			sb_reset(&v->rec);
			app_message(app, MSG_INFO, "%s", _("The recorded keys were dropped."));
			break;
		default:
			break;
		}
		app->redraw |= RD_BODY | RD_STATUS;
		return true;
	case MV_KEY:
		if (key == KEY_ESC) {
			v->mode = MV_LIST;
			sb_reset(&v->rec);
			app_message(app, MSG_INFO, "%s", _("The recorded keys were dropped."));
			app->redraw |= RD_BODY | RD_STATUS;
		} else {
			app->redraw |= name_key(app, key);
		}
		return true;
	case MV_LIST:
		break;
	}
	return false;
}

/* Rewrite the settings file without the `macro` lines of m. */
static int unsave(const struct macro *m, struct err *e)
{
	char path[4096], tmp[4200];
	struct cmd_words w = { 0 };
	struct sb kept = { 0 };
	struct stat st;
	char *line = NULL;
	size_t cap = 0;
	FILE *in;
	int fd, rc = 0;

	if (path_config(path, sizeof path) < 0 || lstat(path, &st) < 0)
		return 0;	/* nothing saved: defined in a file it cannot name */
	/* it is replaced by a new file: not a link nor a device */
	if (!S_ISREG(st.st_mode))
		return err_set(e, _("%s is not a regular file: delete the macro's line there by hand"), path);
	if (!(in = fopen(path, "r")))
		return err_set(e, _("cannot remove the macro from %s: %s"), path, strerror(errno));
	while (getline(&line, &cap, in) != -1) {
		km_key k;

		if (cmd_split(line, &w, NULL) == 0 && w.n >= 3 && !strcmp(w.v[0], "macro") &&
		    !strcmp(w.v[1], m->context) && km_key_parse(w.v[2], &k, NULL) == 0 && k == m->key)
			continue;
		sb_puts(&kept, line);
	}
	free(line);
	cmd_words_free(&w);
	fclose(in);
	snprintf(tmp, sizeof tmp, "%s.new", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (kept.len && write(fd, kept.s, kept.len) != (ssize_t)kept.len) ||
	    close(fd) < 0 || rename(tmp, path) < 0) {
		rc = err_set(e, _("cannot remove the macro from %s: %s"), path, strerror(errno));
		unlink(tmp);
	}
	sb_free(&kept);
	return rc;
}

static unsigned op_delete(struct app *app)
{
	struct list *l = rows(app);
	char key[32];
	struct err e = { "" };

	if (!l->n)
		return RD_NONE;
	km_key_name(app->macros->m[l->sel].key, key, sizeof key);
	if (unsave(&app->macros->m[l->sel], &e) < 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
		return RD_STATUS;
	}
	macros_remove(app->macros, l->sel);
	app_message(app, MSG_INFO, _("Macro %s deleted."), key);
	return RD_TITLE | RD_BODY | RD_STATUS;
}

static const struct op_def macros_ops[] = {
	LIST_OPS,
	OP("macro-delete", N_("Delete the macro (from the settings file too)"), op_delete, "d <Delete>"),
	OP_END,
};

static const char *const macros_hints[] = { "macro-delete", "view-close", NULL };

static void macros_title(struct app *app, char *buf, size_t len)
{
	snprintf(buf, len, _("Macros (%zu)"), count(app));
}

static void cell(struct ui *ui, WINDOW *win, int y, int x, int w, attr_t a, const char *s)
{
	char safe[1024], fitted[1024];

	if (w <= 0)
		return;
	text_safe(safe, sizeof safe, s, 0);
	text_fit(fitted, sizeof fitted, safe, w, ui->ellipsis, 1);
	wattrset(win, a);
	mvwaddstr(win, y, x, fitted);
}

static void draw_naming(struct app *app, WINDOW *win)
{
	struct macro_view *v = macro_view(app);
	int w = getmaxx(win);
	char line[512];

	snprintf(line, sizeof line, _("Recorded on the %s screen:"), v->rec_context);
	cell(app->ui, win, 1, 2, w - 4, A_BOLD, line);
	cell(app->ui, win, 2, 4, w - 6, A_NORMAL, sb_str(&v->rec));
	if (v->mode == MV_DESC) {
		prompt_draw(&v->desc, win, 4, 2, w - 4, _("What it does: "), app->ui->ellipsis, true);
		cell(app->ui, win, 6, 2, w - 4, A_DIM, _("Enter: then pick its key; Esc drops the recording."));
	} else {
		cell(app->ui, win, 4, 2, w - 4, A_NORMAL, v->desc.text);
		cell(app->ui, win, 6, 2, w - 4, A_BOLD,
		     _("Press the key that will run it on that screen (an F key or a Ctrl key is safest; Esc drops it)."));
	}
}

enum { W_CTX = 10, W_KEY = 10, W_DESC = 30 };

static void macros_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct list *l = rows(app);
	attr_t head = theme_attr(&ui->theme, TH_LIST_HEADER);
	int w = getmaxx(win), x_body = W_CTX + W_KEY + W_DESC + 4;

	(void)flags;
	if (macro_view(app)->mode != MV_LIST) {
		draw_naming(app, win);
		return;
	}
	cell(ui, win, 0, 1, W_CTX, head, _("Screen"));
	cell(ui, win, 0, W_CTX + 2, W_KEY, head, _("Key"));
	cell(ui, win, 0, W_CTX + W_KEY + 3, W_DESC, head, _("What it does"));
	cell(ui, win, 0, x_body, w - x_body, head, _("Keys it types"));
	if (!l->n) {
		char rec[64], hint[256];

		km_keys_in(ui->km, screen_macros.context, "macro-record", rec, sizeof rec);
		/* TRANSLATORS: %s names the keys that start and stop recording */
		snprintf(hint, sizeof hint, _("No macros yet: %s starts recording one, and again stops it."), rec);
		cell(ui, win, 2, 2, w - 4, theme_attr(&ui->theme, TH_EMPTY_HINT), hint);
		return;
	}
	l->rows = getmaxy(win) > 2 ? (size_t)getmaxy(win) - 1 : 1;
	list_scroll(l);
	for (size_t i = l->top; i < l->n && i < l->top + l->rows; i++) {
		const struct macro *m = &app->macros->m[i];
		attr_t a = i == l->sel ? theme_attr(&ui->theme, TH_LIST_SELECTED) : A_NORMAL;
		int y = (int)(i - l->top) + 1;
		char key[32];

		km_key_name(m->key, key, sizeof key);
		if (i == l->sel)
			mvwchgat(win, y, 0, -1, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
		cell(ui, win, y, 1, W_CTX, a, m->context);
		cell(ui, win, y, W_CTX + 2, W_KEY, a, key);
		cell(ui, win, y, W_CTX + W_KEY + 3, W_DESC, a, m->desc);
		cell(ui, win, y, x_body, w - x_body, a, m->body);
	}
}

const struct screen screen_macros = {
	.context = "macros",
	.name = N_("Macros"),
	.ops = macros_ops,
	.generic_keys = ops_back_keys,
	.hints = macros_hints,
	.title = macros_title,
	.draw = macros_draw,
	.list = rows,
	.key = macros_key,
	.state_size = sizeof(struct macro_view),
	.state_free = view_free,
};
