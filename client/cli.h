/* The command line of motcua, parsed into options without side effects so it
 * can be tested. Exit codes are part of the interface for scripts. */
#ifndef MOTCUA_CLI_H
#define MOTCUA_CLI_H

#include <stdio.h>

#include "err.h"

enum exit_code {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* something went wrong; the message says what */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_NOTERM = 3,	/* the interactive client has no usable terminal */
};

enum cli_action {
	CLI_RUN,		/* open the interactive client */
	CLI_HELP,
	CLI_VERSION,
};

struct cli {
	enum cli_action action;
};

int cli_parse(struct cli *c, int argc, char **argv, struct err *e);
void cli_usage(FILE *out);
void cli_version(FILE *out);

#endif
