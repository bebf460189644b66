#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/conf.h"
#include "cmdline.h"
#include "macro.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "ui.h"

/* Whether context names a keymap context; if not, e lists them. */
static bool known_context(const char *context, struct err *e)
{
	struct sb names = { 0 };

	if (screen_find(context) || !strcmp(context, KM_GENERIC))
		return true;
	sb_printf(&names, "%s", KM_GENERIC);
	for (const struct screen *const *r = screen_registry; *r; r++)
		sb_printf(&names, ", %s", (*r)->context);
	err_set(e, _("'%s' is not a context (%s)"), context, names.s);
	sb_free(&names);
	return false;
}

/* The operation op as keys reach it in context (a screen's table, then
 * the generic one; or the generic table alone), or NULL with e saying
 * what was expected. */
static const struct op_def *context_op(const char *context, const char *op, struct err *e)
{
	const struct screen *s = screen_find(context);
	const struct op_def *def;

	if (!known_context(context, e))
		return NULL;
	def = s ? screen_op(s, op) : ops_find(ops_generic, op);
	if (!def)
		err_set(e, _("'%s' is not an operation of the %s context (the help, ?, names each on the right)"),
			op, context);
	return def;
}

static int cmd_bind(struct app *app, const struct cmd_words *w, struct err *e)
{
	char origin[256] = ":";	/* typed at the ':' line */

	if (!context_op(w->v[1], w->v[3], e))
		return -1;
	if (app->cmd_file) {
		const char *base = strrchr(app->cmd_file, '/');

		snprintf(origin, sizeof origin, "%s:%u", base ? base + 1 : app->cmd_file,
			 app->cmd_line);
	}
	app->redraw |= RD_STATUS;	/* the key hints follow the keymap */
	return km_bind_from(app->ui->km, w->v[1], w->v[2], w->v[3], origin, e);
}

static int cmd_unbind(struct app *app, const struct cmd_words *w, struct err *e)
{
	if (!known_context(w->v[1], e))
		return -1;
	app->redraw |= RD_STATUS;
	return km_unbind(app->ui->km, w->v[1], w->v[2], e);
}

/* After a file read at the ':' line or at start: the first broken line
 * stays on the status bar, with how many more the history holds. */
static void say_broken(struct app *app, size_t first, int broken)
{
	if (broken > 1 && first < app->nmsgs) {
		char *text = xstrdup(app->msgs[first].text);

		app_message(app, MSG_ERROR,
			    ngettext("%s (and %d more broken line: :messages lists it)",
				     "%s (and %d more broken lines: :messages lists them)", broken - 1),
			    text, broken - 1);
		free(text);
	}
}

static int cmd_source_file(struct app *app, const struct cmd_words *w, struct err *e)
{
	size_t first = app->nmsgs;
	int broken = cmd_source(app, ui_commands, w->v[1], true, e);

	if (broken < 0)
		return -1;
	if (app->cmd_depth)
		return 0;	/* a file's source: the outer reader sums up */
	if (!broken)
		app_message(app, MSG_INFO, _("read %s"), w->v[1]);
	say_broken(app, first, broken);
	return 0;
}

/* `set`, and a new theme drawn at once: the `color` and `mono` lines
 * read so far belonged to the old one; those that follow apply over it. */
static int ui_cmd_set(struct app *app, const struct cmd_words *w, struct err *e)
{
	struct theme none, t;
	char *warnings = NULL;
	int rc;

	if (cmd_set(app, w, e) < 0)
		return -1;
	if (strcmp(w->v[1], "theme"))
		return 0;
	theme_default(&none);
	rc = colors_read(app->conf.theme, &none, &t, &warnings, e);
	if (warnings) {
		err_set(e, "%s", warnings);
		rc = -1;
	}
	free(warnings);
	app->redraw |= ui_theme(app, &t);
	return rc;
}

const struct cmd_def ui_commands[] = {
	{ "set", ui_cmd_set, 2, 2, "set NAME VALUE",
	  N_("Change a setting; it takes effect at once"), { CMD_ARG_SETTING, CMD_ARG_NONE } },
	{ "bind", cmd_bind, 3, 3, "bind CONTEXT KEY OPERATION",
	  N_("Bind a key to an operation in a context (generic: everywhere)"),
	  { CMD_ARG_CONTEXT, CMD_ARG_KEY, CMD_ARG_OPERATION } },
	{ "unbind", cmd_unbind, 2, 2, "unbind CONTEXT KEY",
	  N_("Take a key's binding away in a context"), { CMD_ARG_CONTEXT, CMD_ARG_KEY } },
	{ "source", cmd_source_file, 1, 1, "source FILE",
	  N_("Run the commands of a file (again: what it sets takes effect now)"), { CMD_ARG_FILE } },
	{ "macro", macro_cmd, 3, 4, "macro CONTEXT KEY \"KEYS-OR-<op>\" [\"DESCRIPTION\"]",
	  N_("Bind a key to a macro: keys and operations replayed, each waiting for what the one before started"),
	  { CMD_ARG_CONTEXT, CMD_ARG_KEY, CMD_ARG_NONE, CMD_ARG_NONE } },
	{ "color", colors_cmd, 3, 9, "color OBJECT FOREGROUND BACKGROUND [ATTRIBUTE...]",
	  N_("Draw a colour object in these colours and attributes (the preview, T, lists them)"),
	  { CMD_ARG_COLOR_OBJECT } },
	{ "mono", colors_cmd, 2, 7, "mono OBJECT ATTRIBUTE...",
	  N_("Draw a colour object with these attributes where there is no colour"),
	  { CMD_ARG_COLOR_OBJECT } },
	{ NULL, NULL, 0, 0, NULL, NULL, { CMD_ARG_NONE } },
};

/* A line's words: a command of the table, else an operation by name. */
static unsigned run_words(struct app *app, const struct cmd_words *w)
{
	struct err e = { "" };
	const struct op_def *op;

	if (cmd_find(ui_commands, w->v[0])) {
		if (cmd_run(app, ui_commands, w, &e) < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
		return RD_STATUS;
	}
	op = screen_op(app->ui->screen, w->v[0]);
	if (!op)
		app_message(app, MSG_ERROR,
			    _("'%s' is neither a command nor an operation here (Tab lists them)"), w->v[0]);
	else if (w->n > 1)
		app_message(app, MSG_ERROR, _("the operation %s takes nothing after its name"), w->v[0]);
	else
		return RD_STATUS | ops_run(app, op);
	return RD_STATUS;
}

unsigned ui_command(struct app *app, const char *line)
{
	struct cmd_words w = { 0 };
	struct err e = { "" };
	unsigned rd = RD_STATUS;

	if (cmd_split(line, &w, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else if (w.n)
		rd = run_words(app, &w);
	cmd_words_free(&w);
	return rd;
}

void ui_load_settings(struct app *app)
{
	int (*const where[])(char *, size_t) = { path_system_config, path_config };
	size_t first = app->nmsgs;
	int broken = 0;

	for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
		char path[4096];
		struct err e = { "" };
		int n;

		if (where[i](path, sizeof path) < 0)
			continue;
		n = cmd_source(app, ui_commands, path, false, &e);
		if (n < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
		broken += n < 0 ? 1 : n;
	}
	say_broken(app, first, broken);
	/* under the login the status bar is hidden: said again after it */
	if (broken && app->ui->screen->covers)
		app->ui->held_error = xstrdup(app->msg);
}

/* --- completion --- */

struct completion {
	const char *prefix;
	size_t len;
	void (*fn)(void *arg, const char *word);
	void *arg;
};

static void offer(const struct completion *c, const char *word)
{
	if (!strncmp(word, c->prefix, c->len))
		c->fn(c->arg, word);
}

static void offer_ops(const struct completion *c, const struct op_def *table)
{
	for (; table && table->name; table++)
		offer(c, table->name);
}

/* The entries of the directory the word names so far ("~/" the home),
 * as the word would read with each; a directory ends in '/'. Hidden
 * ones only when the word asks for them. */
static void offer_files(const struct completion *c)
{
	const char *slash = strrchr(c->prefix, '/'), *home = getenv("HOME");
	size_t dirlen = slash ? (size_t)(slash - c->prefix) + 1 : 0;
	const char *base = c->prefix + dirlen;
	struct sb dir = { 0 }, word = { 0 };
	struct dirent *de;
	DIR *d;

	if (!strncmp(c->prefix, "~/", 2) && home)
		sb_printf(&dir, "%s/%.*s", home, (int)dirlen - 2, c->prefix + 2);
	else if (dirlen)
		sb_printf(&dir, "%.*s", (int)dirlen, c->prefix);
	else
		sb_puts(&dir, ".");
	d = opendir(dir.s);
	while (d && (de = readdir(d))) {
		struct stat st;
		bool is_dir;

		if (strncmp(de->d_name, base, strlen(base)) || (de->d_name[0] == '.' && base[0] != '.') ||
		    !strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		is_dir = fstatat(dirfd(d), de->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
		sb_reset(&word);
		sb_printf(&word, "%.*s%s%s", (int)dirlen, c->prefix, de->d_name, is_dir ? "/" : "");
		c->fn(c->arg, word.s);
	}
	if (d)
		closedir(d);
	sb_free(&dir);
	sb_free(&word);
}

static void offer_kind(struct app *app, const struct completion *c, enum cmd_arg kind,
		       const char *before)
{
	const struct screen *s;
	char key[16];

	switch (kind) {
	case CMD_ARG_COMMAND:
		for (const struct cmd_def *d = ui_commands; d->name; d++)
			offer(c, d->name);
		break;
	case CMD_ARG_OPERATION:
		/* of the context named before (bind), else of the screen on
		 * top, as the ':' line runs them */
		s = before ? screen_find(before) : app->ui->screen;
		if (s)
			offer_ops(c, s->ops);
		offer_ops(c, ops_generic);
		break;
	case CMD_ARG_CONTEXT:
		offer(c, KM_GENERIC);
		for (const struct screen *const *r = screen_registry; *r; r++)
			offer(c, (*r)->context);
		break;
	case CMD_ARG_SETTING:
		for (const struct conf_def *d = conf_defs; d->name; d++)
			offer(c, d->name);
		break;
	case CMD_ARG_FILE:
		offer_files(c);
		break;
	case CMD_ARG_KEY:
		/* a character is typed as itself: only the names in <> */
		for (size_t i = 0; c->len && km_key_named(i, key, sizeof key); i++)
			offer(c, key);
		break;
	case CMD_ARG_COLOR_OBJECT:
		for (int i = 0; i < TH_COUNT; i++)
			offer(c, theme_obj_name((enum theme_obj)i));
		break;
	case CMD_ARG_NONE:
		break;
	}
}

void ui_complete(struct app *app, const char *line, void (*fn)(void *arg, const char *word),
		 void *arg)
{
	const char *last = strrchr(line, ' ');
	struct completion c = { last ? last + 1 : line, 0, fn, arg };
	struct cmd_words w = { 0 };
	struct err e;
	char *head = xstrndup(line, (size_t)(c.prefix - line));
	const struct cmd_def *d;

	c.len = strlen(c.prefix);
	if (cmd_split(head, &w, &e) == 0) {
		if (!w.n) {
			offer_kind(app, &c, CMD_ARG_COMMAND, NULL);
			offer_kind(app, &c, CMD_ARG_OPERATION, NULL);
		} else if ((d = cmd_find(ui_commands, w.v[0])) && w.n - 1 < CMD_ARGS_MAX) {
			enum cmd_arg kind = d->args[w.n - 1];
			const char *context = NULL;

			/* an operation belongs to the context named before it */
			for (size_t i = 0; i + 1 < w.n && kind == CMD_ARG_OPERATION; i++)
				if (d->args[i] == CMD_ARG_CONTEXT)
					context = w.v[i + 1];
			if (kind != CMD_ARG_OPERATION || context)
				offer_kind(app, &c, kind, context);
		}
	}
	cmd_words_free(&w);
	free(head);
}
