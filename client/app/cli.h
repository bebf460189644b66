/* The command line of motcua, parsed into options without side effects so it
 * can be tested. Exit codes are part of the interface for scripts. */
#ifndef MOTCUA_CLI_H
#define MOTCUA_CLI_H

#include <stdio.h>

#include "core/err.h"

enum exit_code {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* something went wrong; the message says what */
	EXIT_USAGE = 2,		/* the command line is wrong */
	EXIT_NOTERM = 3,	/* the interactive client has no usable terminal */
	EXIT_NETWORK = 4,	/* the server could not be reached, or kept failing */
	EXIT_AUTH = 5,		/* the server refused the credentials or the right */
	EXIT_NOTFOUND = 6,	/* no such dossier, citizen, procedure */
	EXIT_CONFLICT = 7,	/* the dossier changed on the server meanwhile */
	EXIT_REFUSED = 8,	/* the server refused the request (its message says why) */
	EXIT_BADREPLY = 9,	/* the server's reply does not fit the profile */
	EXIT_PROFILE = 10,	/* the profile cannot be loaded */
	EXIT_OFFLINE = 11,	/* the server could not be reached: answered from the
				 * local store, or the action queued in the outbox */
	EXIT_SETUP = 12,	/* the server's address or its certificate is wrong
				 * (bad URL, TLS failure): not offline */
	EXIT_DOWN = 13,		/* the server's machine refused the connection
				 * (its service is not running): answered from
				 * the local store or queued, as for 11 */
};

enum cli_action {
	CLI_RUN,		/* open the interactive client */
	CLI_BATCH,		/* run a command (argv[cmd_index...]) and exit */
	CLI_HELP,
	CLI_VERSION,
};

struct cli {
	enum cli_action action;
	const char *profile, *server, *user, *password_file, *ca_file;
	const char *env_secret;	/* MOTCUA_PASSWORD, set by main() once it has
				 * taken it out of the environment (not by cli_parse) */
	int timeout;		/* --timeout seconds; 0: request-timeout of motcuarc */
	int argc;		/* CLI_BATCH: the command and its arguments */
	char **argv;
};

/* Options may also come from the environment: MOTCUA_PROFILE,
 * MOTCUA_SERVER, MOTCUA_USER (the command line wins). */
int cli_parse(struct cli *c, int argc, char **argv, struct err *e);
void cli_usage(FILE *out);
void cli_version(FILE *out);

#endif
