#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "keymaps/macro.h"
#include "ui.h"

/* The screen the help is about: the one under it. */
static const struct screen *described(const struct ui *ui)
{
	return ui->nunder ? ui->under[ui->nunder - 1] : ui->screen;
}

/* Its state: the pager of the help laid out. */
static struct pager *help_pager(struct app *app)
{
	return ui_state(app, &screen_help);
}

static void help_pager_free(struct app *app, void *state)
{
	(void)app;
	pager_free(state);
}

unsigned help_open(struct app *app)
{
	if (app->ui->screen == &screen_help)
		return RD_NONE;
	help_pager(app)->top = 0;
	return ui_push(app, &screen_help);
}

static const struct op_def help_ops[] = {
	PAGER_OPS,
	OP_END,
};

static const char *const help_hints[] = { "view-close", "page-down", NULL };

static void help_title(struct app *app, char *buf, size_t len)
{
	snprintf(buf, len, _("Help: %s"), _(described(app->ui)->name));
}

#define INDENT 2
#define KEYS_MAX 28	/* wider key lists are cut; the rest is in the keymap */

struct columns {
	int keys, name;		/* widths */
};

/* Widths of the keys and name columns over the tables shown. */
static void measure(const struct ui *ui, const char *context, const struct op_def *table,
		    struct columns *c)
{
	for (const struct op_def *op = table; op->name; op++) {
		char keys[256];
		int w;

		km_keys_in(ui->km, context, op->name, keys, sizeof keys);
		w = text_width(keys);
		if (w > c->keys)
			c->keys = w > KEYS_MAX ? KEYS_MAX : w;
		if (text_width(op->name) > c->name)
			c->name = text_width(op->name);
	}
}

/* One line per operation: the keys that run it here (as the clerk's
 * keymap binds them), what it does, and its name for key files. */
static void section(struct app *app, struct pager *p, const char *title, const char *context,
		    const struct op_def *table, const struct columns *c)
{
	struct ui *ui = app->ui;
	attr_t dim = theme_attr(&ui->theme, TH_EMPTY_HINT);
	int help_col = INDENT + c->keys + 2;
	int name_col = p->width - c->name;

	pager_newline(p);
	pager_newline(p);
	pager_add(p, theme_attr(&ui->theme, TH_LIST_HEADER), title);
	for (const struct op_def *op = table; op->name; op++) {
		char keys[256], cut[256], what[512];
		bool bound = km_keys_in(ui->km, context, op->name, keys, sizeof keys);

		text_fit(cut, sizeof cut, bound ? keys : "\u2014", c->keys, ui->ellipsis, 0);
		text_fit(what, sizeof what, _(op->help), name_col - help_col - 2, ui->ellipsis, 0);
		pager_newline(p);
		pager_tab(p, INDENT);
		pager_add(p, bound ? A_BOLD : dim, cut);
		pager_tab(p, help_col);
		pager_add(p, A_NORMAL, what);
		pager_tab(p, name_col);
		pager_add(p, dim, op->name);
	}
}

/* The clerk's own bindings that work on s (from the settings files or
 * the ':' line; a generic one unless s binds the key itself): the key,
 * what it does and where it was bound, and the operation's name. */
static void own_keys(struct app *app, struct pager *p, const struct screen *s,
		     const struct columns *c)
{
	struct ui *ui = app->ui;
	attr_t dim = theme_attr(&ui->theme, TH_EMPTY_HINT);
	int help_col = INDENT + c->keys + 2, name_col = p->width - c->name;
	bool any = false;

	for (size_t i = 0; i < km_count(ui->km); i++) {
		struct km_binding b = km_at(ui->km, i);
		const struct op_def *op;
		char key[32], what[512], line[600];

		/* km_lookup hands back this very binding's name when it is
		 * the one a key press here reaches */
		if (!b.origin || km_lookup(ui->km, s->context, b.key) != b.op ||
		    !(op = screen_op(s, b.op)))
			continue;
		if (!any) {
			pager_newline(p);
			pager_newline(p);
			pager_add(p, theme_attr(&ui->theme, TH_LIST_HEADER), _("Your keys"));
			any = true;
		}
		km_key_name(b.key, key, sizeof key);
		snprintf(line, sizeof line, "%s (%s)", _(op->help), b.origin);
		text_fit(what, sizeof what, line, name_col - help_col - 2, ui->ellipsis, 0);
		pager_newline(p);
		pager_tab(p, INDENT);
		pager_add(p, A_BOLD, key);
		pager_tab(p, help_col);
		pager_add(p, A_NORMAL, what);
		pager_tab(p, name_col);
		pager_add(p, dim, op->name);
	}
}

/* The clerk's macros that work here (this context's, then the generic
 * ones), as the operations are shown: key, description, and "macro". */
static void macros_section(struct app *app, struct pager *p, const char *context,
			   const struct columns *c)
{
	struct ui *ui = app->ui;
	const struct macros *ms = app->macros;
	int help_col = INDENT + c->keys + 2, name_col = p->width - c->name;
	bool titled = false;

	for (size_t i = 0; ms && i < ms->n; i++) {
		const struct macro *m = &ms->m[i];
		char key[32], cut[64], what[512], safe[512];

		if (strcmp(m->context, context) && (strcmp(m->context, KM_GENERIC) ||
						     macros_find(ms, context, m->key) != m))
			continue;
		if (!titled) {
			pager_newline(p);
			pager_newline(p);
			pager_add(p, theme_attr(&ui->theme, TH_LIST_HEADER), _("Your macros"));
			titled = true;
		}
		km_key_name(m->key, key, sizeof key);
		text_fit(cut, sizeof cut, key, c->keys, ui->ellipsis, 0);
		/* the settings file may come from anyone: shown safe */
		text_safe(safe, sizeof safe, *m->desc ? m->desc : m->body, 0);
		text_fit(what, sizeof what, safe, name_col - help_col - 2, ui->ellipsis, 0);
		pager_newline(p);
		pager_tab(p, INDENT);
		pager_add(p, A_BOLD, cut);
		pager_tab(p, help_col);
		pager_add(p, A_NORMAL, what);
		pager_tab(p, name_col);
		pager_add(p, theme_attr(&ui->theme, TH_EMPTY_HINT), "macro");
	}
}

static void help_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct pager *p = help_pager(app);
	const struct screen *s = described(ui);
	struct columns c = { 0, 0 };

	(void)flags;
	measure(ui, s->context, s->ops, &c);
	measure(ui, s->context, ops_generic, &c);
	pager_begin(p, win);
	pager_wrap(p, 0, theme_attr(&ui->theme, TH_EMPTY_HINT),
		   _("The keys that work here, from your keymap; the names on the right are what key files bind."));
	own_keys(app, p, s, &c);
	section(app, p, _(s->name), s->context, s->ops, &c);
	section(app, p, _("Everywhere"), s->context, ops_generic, &c);
	macros_section(app, p, s->context, &c);
	pager_draw(app, p, win);
}

const struct screen screen_help = {
	.context = "help",
	.name = N_("Help"),
	.ops = help_ops,
	.generic_keys = ops_back_keys,
	.hints = help_hints,
	.title = help_title,
	.draw = help_draw,
	.pager = help_pager,
	.state_size = sizeof(struct pager),
	.state_free = help_pager_free,
};
