/* Writes motcuarc(5): the hand-written template doc/motcuarc.5.in with its
 * @COMMANDS@, @SETTINGS@ and @OPERATIONS@ lines replaced by one entry per
 * row of the tables the client reads (the commands of screens/cmds.c, the
 * settings of client/app/conf.c, the operations of each screen and their
 * default keys), so the page lists exactly those, as neomutt writes its own.
 * Usage: gen_motcuarc TEMPLATE > motcuarc.5 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/conf.h"
#include "screens/cmdline.h"
#include "screens/screen.h"

/* Text as roff reads it: a backslash printed, a minus not a hyphen, and a
 * line that would start with a control character kept as text. */
static void put_roff(const char *s, FILE *out)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

/* The help as a sentence (a capital first, a full stop last), in lines of
 * at most about 72 columns, as the rest of the page is written. */
static void put_sentence(const char *help, FILE *out)
{
	char buf[1024];
	size_t col = 0;

	snprintf(buf, sizeof buf, "%s", help);
	if (!buf[0])
		return;
	buf[0] = (char)toupper((unsigned char)buf[0]);
	for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
		size_t n = strlen(w);

		if (col && col + 1 + n > 72) {
			fputc('\n', out);
			col = 0;
		} else if (col) {
			fputc(' ', out);
			col++;
		}
		put_roff(w, out);
		col += n;
	}
	fputs(help[strlen(help) - 1] == '.' ? "\n" : ".\n", out);
}

/* The words of a CONF_WORD setting, each after a space, between them sep. */
static void put_words(const char *words, const char *sep, FILE *out)
{
	fputc(' ', out);
	for (const char *w = words; *w; w++) {
		if (*w == '|')
			fputs(sep, out);
		else
			fputc(*w, out);
	}
}

static void put_setting(const struct conf_def *d, FILE *out)
{
	static const char *const value[] = {
		[CONF_BOOL] = "yes\\fR|\\fBno", [CONF_INT] = "\\fIN", [CONF_STRING] = "\\fItext",
	};

	fputs(".TP\n.B set ", out);
	put_roff(d->name, out);
	if (d->type == CONF_WORD)
		put_words(d->words, "\\fR|\\fB", out);
	else
		fprintf(out, " %s", value[d->type]);
	fputs("\\fR\n", out);
	put_sentence(d->help, out);
	fputs(".br\n", out);
	switch (d->type) {
	case CONF_BOOL:
		fputs("A yes or a no.", out);
		break;
	case CONF_INT:
		fprintf(out, "A whole number from %d to %d.", d->min, d->max);
		break;
	case CONF_STRING:
		fputs("Text; quote it when it has blanks.", out);
		break;
	case CONF_WORD:
		fputs("One of", out);
		put_words(d->words, ", ", out);
		fputs(".", out);
		break;
	}
	if (*d->def) {
		fputs(" Default: \\fB", out);
		put_roff(d->def, out);
		fputs("\\fR.\n", out);
	} else {
		fputs(" Default: empty.\n", out);
	}
}

/* "bind CONTEXT KEY OPERATION" as a synopsis: the command in bold, what
 * it takes in italics. */
static void put_command(const struct cmd_def *c, FILE *out)
{
	const char *args = strchr(c->usage, ' ');

	fputs(".TP\n.B ", out);
	put_roff(c->name, out);
	if (args) {
		fputs(" \\fI", out);
		for (const char *p = args + 1; *p; p++)
			fputc(tolower((unsigned char)*p), out);
		fputs("\\fR", out);
	}
	fputc('\n', out);
	put_sentence(c->help, out);
}

static void put_ops(const char *context, const struct op_def *ops, FILE *out)
{
	fputs(".SS ", out);
	put_roff(context, out);
	fputc('\n', out);
	for (const struct op_def *op = ops; op->name; op++) {
		/* the tag: the name, then its shipped keys */
		fputs(".TP\n\\fB", out);
		put_roff(op->name, out);
		fputs("\\fR", out);
		if (op->keys) {
			fputs("  (", out);
			put_roff(op->keys, out);
			fputs(")", out);
		}
		fputc('\n', out);
		put_sentence(op->help, out);
	}
}

/* Writes the section the mark names; false if it names none. */
static bool put_section(const char *mark, FILE *out)
{
	if (!strcmp(mark, "@COMMANDS@\n")) {
		for (const struct cmd_def *c = ui_commands; c->name; c++)
			put_command(c, out);
	} else if (!strcmp(mark, "@SETTINGS@\n")) {
		for (const struct conf_def *d = conf_defs; d->name; d++)
			put_setting(d, out);
	} else if (!strcmp(mark, "@OPERATIONS@\n")) {
		put_ops(KM_GENERIC, ops_generic, out);
		for (const struct screen *const *s = screen_registry; *s; s++)
			put_ops((*s)->context, (*s)->ops, out);
	} else {
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	char line[4096];
	int marks = 0;
	FILE *in;

	if (argc != 2) {
		fputs("usage: gen_motcuarc TEMPLATE > motcuarc.5\n", stderr);
		return 2;
	}
	if (!(in = fopen(argv[1], "r"))) {
		perror(argv[1]);
		return 1;
	}
	while (fgets(line, sizeof line, in)) {
		if (put_section(line, stdout))
			marks++;
		else
			fputs(line, stdout);
	}
	fclose(in);
	if (marks != 3) {
		fprintf(stderr, "gen_motcuarc: %s must hold one line of each of @COMMANDS@, @SETTINGS@ and @OPERATIONS@; it has %d\n",
			argv[1], marks);
		return 1;
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
