#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_lex.h"
#include "conf.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define AT(f) offsetof(struct conf, f)

const struct conf_def conf_defs[] = {
	{ "lock-after", CONF_INT, AT(lock_after), "15", 0, 24 * 60,
	  N_("minutes without a key before the screen locks and asks for the password; 0: never") },
	{ "notify", CONF_BOOL, AT(notify), "yes", 0, 0,
	  N_("desktop notifications for new dossiers and near deadlines (the bell where there is no desktop); no: the status line only") },
	{ "notify-due-hours", CONF_INT, AT(notify_due_hours), "8", 0, 10 * 8,
	  N_("warn this many working hours before a dossier falls due; 0: no such warning") },
	{ "print-command", CONF_STRING, AT(print_command), "lpr", 0, 0,
	  N_("the command that prints a receipt or form; it reads the text on its standard input") },
	{ "desk-name", CONF_STRING, AT(desk_name), "", 0, 0,
	  N_("the service centre as receipts and forms name it, and where results are collected; empty: the dossier's agency code") },
	{ "request-timeout", CONF_INT, AT(request_timeout), "30", 1, CONF_TIMEOUT_MAX,
	  N_("seconds to wait for the server's whole reply before trying again; a request gives up after twice this, retries included") },
	{ NULL, 0, 0, NULL, 0, 0, NULL },
};

static const struct conf_def *find_def(const char *name)
{
	for (const struct conf_def *d = conf_defs; d->name; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

static int parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "on", "true", "1", "có" };
	static const char *const no[] = { "no", "off", "false", "0", "không" };

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (!strcasecmp(v, yes[i]))
			return *out = true, 0;
		if (!strcasecmp(v, no[i]))
			return *out = false, 0;
	}
	return -1;
}

int conf_set(struct conf *c, const char *name, const char *value, struct err *e)
{
	const struct conf_def *d = find_def(name);
	char *p = (char *)c + (d ? d->offset : 0);

	if (!d)
		return err_set(e, _("'%s' is not a setting"), name);
	switch (d->type) {
	case CONF_BOOL:
		if (parse_bool(value, (bool *)p) < 0)
			return err_set(e, _("%s takes yes or no, not '%s'"), name, value);
		break;
	case CONF_INT: {
		char *end;
		long n;

		errno = 0;
		n = strtol(value, &end, 10);
		if (errno || end == value || *end || n < d->min || n > d->max)
			return err_set(e, _("%s takes a whole number from %d to %d, not '%s'"), name,
				       d->min, d->max, value);
		*(int *)p = (int)n;
		break;
	}
	case CONF_STRING:
		free(*(char **)p);
		*(char **)p = xstrdup(value);
		break;
	}
	return 0;
}

void conf_init(struct conf *c)
{
	memset(c, 0, sizeof *c);
	for (const struct conf_def *d = conf_defs; d->name; d++)
		if (conf_set(c, d->name, d->def, NULL) < 0)
			abort();	/* a default that does not parse */
}

void conf_free(struct conf *c)
{
	for (const struct conf_def *d = conf_defs; d->name; d++)
		if (d->type == CONF_STRING)
			free(*(char **)((char *)c + d->offset));
	memset(c, 0, sizeof *c);
}

static int run_line(struct conf *c, const struct cmd_words *w, conf_other_fn other,
		    void *arg, struct err *e)
{
	if (!w->n)
		return 0;
	if (other && strcmp(w->v[0], "set"))
		return other(arg, w, e);
	/* the interactive client's: batch mode reads the same file */
	if (!strcmp(w->v[0], "macro"))
		return 0;
	if (strcmp(w->v[0], "set"))
		return err_set(e, _("'%s' is not a command here (set)"), w->v[0]);
	if (w->n != 3)
		return err_set(e, _("set takes a setting and a value: set lock-after 15"));
	return conf_set(c, w->v[1], w->v[2], e);
}

int conf_load(struct conf *c, const char *path, char **warnings, struct err *e)
{
	return conf_load_with(c, path, NULL, NULL, warnings, e);
}

int conf_load_with(struct conf *c, const char *path, conf_other_fn other, void *arg,
		   char **warnings, struct err *e)
{
	FILE *f = fopen(path, "r");
	struct cmd_words w = { 0 };
	struct sb warn = { 0 };
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;

	*warnings = NULL;
	if (!f)
		return errno == ENOENT ? 0 : err_set(e, _("cannot read %s: %s"), path, strerror(errno));
	while (getline(&line, &cap, f) != -1) {
		struct err le = { "" };

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (cmd_split(line, &w, &le) < 0 || run_line(c, &w, other, arg, &le) < 0)
			sb_printf(&warn, "%s%s:%u: %s", warn.len ? "\n" : "", path, lineno, le.msg);
	}
	*warnings = warn.len ? sb_take(&warn) : NULL;
	free(line);
	cmd_words_free(&w);
	fclose(f);
	return 0;
}

