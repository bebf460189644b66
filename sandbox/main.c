/* motcua-sandbox: a provincial procedure API on loopback for the demo,
 * training and tests. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"

static void usage(FILE *out)
{
	fputs(_("Usage: motcua-sandbox [OPTION]...\n"
		"A provincial procedure API server with training data, for the motcua\n"
		"demo, for training clerks and for the tests. It listens on loopback only.\n"
		"\n"
		"Options:\n"
		"  -h, --help       show this help and exit\n"
		"  -V, --version    show the version and exit\n"), out);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, getenv("MOTCUA_LOCALEDIR") ? getenv("MOTCUA_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	while ((ch = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("motcua-sandbox %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fprintf(stderr, _("Try 'motcua-sandbox --help' for more information.\n"));
			return 2;
		}
	}
	fprintf(stderr, "motcua-sandbox: %s\n", _("the server is not built yet in this version"));
	return 1;
}
