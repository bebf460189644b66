#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "ui.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/motcua"
#endif

int colors_line(void *arg, const struct cmd_words *w, struct err *e)
{
	return w->n ? theme_color_cmd(arg, w->n, w->v, e) : 0;	/* blank, comment */
}

/* A name is looked for as NAME.theme in $MOTCUA_THEME_DIR (an uninstalled
 * build's), beside the settings file, then among the shipped ones; a
 * path (with a slash) is taken as it is. */
static int find(const char *name, char *path, size_t len, struct err *e)
{
	const char *env = getenv("MOTCUA_THEME_DIR");
	char user[PATH_MAX] = "";
	const char *dirs[3];
	int n = 0;

	if (strchr(name, '/')) {
		snprintf(path, len, "%s", name);
		return access(path, R_OK) == 0 ? 0 :
		       err_set(e, _("cannot read the theme %s: %s"), name, strerror(errno));
	}
	if (env && *env)
		dirs[n++] = env;
	if (path_config(user, sizeof user) == 0) {
		char *slash = strrchr(user, '/');

		if (slash && (size_t)(slash - user) + sizeof "/themes" <= sizeof user) {
			strcpy(slash, "/themes");
			dirs[n++] = user;
		}
	}
	dirs[n++] = PKGDATADIR "/themes";
	for (int i = 0; i < n; i++) {
		snprintf(path, len, "%s/%s.theme", dirs[i], name);
		if (access(path, R_OK) == 0)
			return 0;
	}
	return err_set(e, _("no theme named '%s' (looked for %s.theme in %s%s%s and %s)"), name, name,
		       env && *env ? env : "", env && *env ? ", " : "", user, PKGDATADIR "/themes");
}

int colors_read(const char *name, const struct theme *user, struct theme *t, char **warnings,
		struct err *e)
{
	char path[PATH_MAX];
	int rc = 0;

	*warnings = NULL;
	theme_default(t);
	if (find(name, path, sizeof path, e) == 0)
		rc = conf_run_file(path, colors_line, t, warnings, e);
	else if (strcmp(name, "default"))
		rc = -1;
	/* the default is built in: it needs no file */
	theme_overlay(t, user);
	return rc;
}

unsigned ui_theme(struct app *app, const struct theme *t)
{
	struct ui *ui = app->ui;

	ui->theme = *t;
	theme_apply(&ui->theme, ui->no_color);
	if (ui->body)
		wbkgdset(ui->body, ' ' | theme_attr(&ui->theme, TH_DEFAULT));
	return RD_ALL;
}

int colors_cmd(struct app *app, const struct cmd_words *w, struct err *e)
{
	struct theme t = app->ui->theme;

	if (colors_line(&t, w, e) < 0)
		return -1;
	app->redraw |= ui_theme(app, &t);
	return 0;
}

/* The preview: each object drawn as it is now, with its name and the
 * lines that make it, so a clerk can copy and change them. */

static struct pager *colors_pager(struct app *app)
{
	return ui_state(app, &screen_colors);
}

static void colors_pager_free(struct app *app, void *state)
{
	(void)app;
	pager_free(state);
}

unsigned colors_open(struct app *app)
{
	if (app->ui->screen == &screen_colors)
		return RD_NONE;
	colors_pager(app)->top = 0;
	return ui_push(app, &screen_colors);
}

static const struct op_def colors_ops[] = {
	PAGER_OPS,
	OP_END,
};

static const char *const colors_hints[] = { "view-close", "page-down", NULL };

static void colors_title(struct app *app, char *buf, size_t len)
{
	const struct theme *t = &app->ui->theme;

	if (t->colors)
		snprintf(buf, len, _("Colours: %s (%d colours)"), app->conf.theme, t->colors);
	else
		snprintf(buf, len, _("Colours: %s (no colours: attributes only)"), app->conf.theme);
}

#define NAME_COLS 26

static void colors_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct pager *p = colors_pager(app);
	attr_t dim = theme_attr(&ui->theme, TH_EMPTY_HINT);

	(void)flags;
	pager_begin(p, win);
	pager_wrap(p, 0, dim,
		   _("Each colour object as it is drawn now, then the lines that make it; a `color` or `mono` line in your settings file changes it."));
	pager_newline(p);
	for (int i = 0; i < TH_COUNT; i++) {
		const struct theme_look *l = &ui->theme.look[i];
		char fg[16], bg[16], at[64], mono[64];

		pager_newline(p);
		pager_add(p, theme_attr(&ui->theme, (enum theme_obj)i), theme_obj_name((enum theme_obj)i));
		pager_tab(p, NAME_COLS);
		pager_addf(p, A_NORMAL, "color %s %s %s", theme_color_name(l->fg, fg, sizeof fg),
			   theme_color_name(l->bg, bg, sizeof bg), theme_attr_names(l->attr, at, sizeof at));
		pager_add(p, A_NORMAL, "  ");
		pager_addf(p, A_NORMAL, "mono %s", theme_attr_names(l->mono, mono, sizeof mono));
	}
	pager_draw(app, p, win);
}

const struct screen screen_colors = {
	.context = "colors",
	.name = N_("Colours"),
	.ops = colors_ops,
	.generic_keys = ops_back_keys,
	.hints = colors_hints,
	.title = colors_title,
	.draw = colors_draw,
	.pager = colors_pager,
	.state_size = sizeof(struct pager),
	.state_free = colors_pager_free,
};
