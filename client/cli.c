#include "config.h"

#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

int cli_parse(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(c, 0, sizeof *c);
	opterr = 0;
	optind = 0;	/* also resets getopt's state, so tests may parse twice */
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			c->action = CLI_HELP;
			return 0;
		case 'V':
			c->action = CLI_VERSION;
			return 0;
		default:
			if (optopt)
				return err_set(e, _("unknown option '-%c'"), optopt);
			return err_set(e, _("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return err_set(e, _("unexpected argument '%s'"), argv[optind]);
	return 0;
}

void cli_usage(FILE *out)
{
	fputs(_("Usage: motcua [OPTION]...\n"
		"A keyboard-driven terminal workstation for one-stop public-service desks:\n"
		"incoming dossiers and their deadlines, national data lookups, offline work.\n"
		"\n"
		"Options:\n"
		"  -h, --help       show this help and exit\n"
		"  -V, --version    show the version and exit\n"
		"\n"
		"Exit status:\n"
		"  0  success\n"
		"  1  failure (the message says what went wrong)\n"
		"  2  wrong command line\n"
		"  3  no usable terminal (standard input and output must be a terminal\n"
		"     and TERM must name a known terminal type)\n"), out);
}

void cli_version(FILE *out)
{
	fprintf(out, "motcua %s\n", PACKAGE_VERSION);
}
