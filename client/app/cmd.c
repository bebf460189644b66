#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "session.h"

/* Files that source files: deep enough for a desk's layout, shallow
 * enough that a file sourcing itself stops at once. */
#define SOURCE_DEPTH_MAX 8

const struct cmd_def *cmd_find(const struct cmd_def *table, const char *name)
{
	for (; table->name; table++)
		if (!strcmp(table->name, name))
			return table;
	return NULL;
}

int cmd_run(struct app *app, const struct cmd_def *table, const struct cmd_words *w,
	    struct err *e)
{
	const struct cmd_def *c;
	int args;

	if (!w->n)
		return 0;
	c = cmd_find(table, w->v[0]);
	if (!c) {
		struct sb names = { 0 };

		for (const struct cmd_def *t = table; t->name; t++)
			sb_printf(&names, "%s%s", names.len ? ", " : "", t->name);
		err_set(e, _("'%s' is not a command (%s)"), w->v[0], names.s ? names.s : "");
		sb_free(&names);
		return -1;
	}
	args = (int)w->n - 1;
	if (args < c->min || args > c->max)
		return err_set(e, _("expected: %s"), c->usage);
	return c->run(app, w, e);
}

/* path as the clerk wrote it, made absolute: "~/" from $HOME, relative
 * from the directory of the file that sources it. */
static char *resolve(const struct app *app, const char *path)
{
	const char *home = getenv("HOME"), *slash;
	struct sb b = { 0 };

	if (!strncmp(path, "~/", 2) && home && *home)
		sb_printf(&b, "%s/%s", home, path + 2);
	else if (path[0] != '/' && app->cmd_file && (slash = strrchr(app->cmd_file, '/')))
		sb_printf(&b, "%.*s/%s", (int)(slash - app->cmd_file), app->cmd_file, path);
	else
		sb_printf(&b, "%s", path);
	return sb_take(&b);
}

static int source_file(struct app *app, const struct cmd_def *table, const char *path,
		       FILE *f)
{
	const char *outer = app->cmd_file;
	unsigned outer_line = app->cmd_line;
	struct cmd_words w = { 0 };
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int broken = 0;

	app->cmd_file = path;
	app->cmd_depth++;
	while (getline(&line, &cap, f) != -1) {
		struct err le = { "" };

		app->cmd_line = ++lineno;
		line[strcspn(line, "\r\n")] = '\0';
		if (cmd_split(line, &w, &le) < 0 || cmd_run(app, table, &w, &le) < 0) {
			app_message(app, MSG_ERROR, "%s:%u: %s", path, lineno, le.msg);
			broken++;
		}
	}
	app->cmd_depth--;
	app->cmd_file = outer;
	app->cmd_line = outer_line;
	free(line);
	cmd_words_free(&w);
	return broken;
}

int cmd_source(struct app *app, const struct cmd_def *table, const char *path,
	       bool must_exist, struct err *e)
{
	char *full = resolve(app, path);
	FILE *f;
	int rc;

	if (app->cmd_depth >= SOURCE_DEPTH_MAX) {
		err_set(e, _("%s: files source each other more than %d deep (does one source itself?)"),
			full, SOURCE_DEPTH_MAX);
		free(full);
		return -1;
	}
	f = fopen(full, "r");
	if (!f) {
		rc = errno == ENOENT && !must_exist ? 0 : -1;
		if (rc < 0)
			err_set(e, _("cannot read %s: %s"), full, strerror(errno));
		free(full);
		return rc;
	}
	rc = source_file(app, table, full, f);
	fclose(f);
	free(full);
	return rc;
}

int cmd_set(struct app *app, const struct cmd_words *w, struct err *e)
{
	if (conf_set(&app->conf, w->v[1], w->v[2], e) < 0)
		return -1;
	session_conf_changed(app);
	return 0;
}
