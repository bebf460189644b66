/* Batch mode: the engine without the screen, for scripts and tests:
 * `motcua [OPTION]... COMMAND...` runs one command against the server and
 * exits with a documented status (client/app/cli.h). */
#ifndef MOTCUA_BATCH_H
#define MOTCUA_BATCH_H

#include "app/cli.h"

/* Run cli->argv (a command and its arguments); returns the exit status. */
int batch_run(const struct cli *cli);

#endif
