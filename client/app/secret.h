/* The clerk's secret (password, API key or token): from MOTCUA_PASSWORD,
 * else the first line of a private file, else asked for on the terminal
 * without echo. It is never logged, never left in the environment, and the
 * process that holds it writes no core dump. */
#ifndef MOTCUA_SECRET_H
#define MOTCUA_SECRET_H

#include "core/err.h"

/* No core dump from this process (it holds the secret and citizens'
 * personal data): RLIMIT_CORE 0 and, on Linux, not dumpable, which also
 * keeps debuggers and /proc readers of the same user out. */
void secret_protect_process(void);
/* Take MOTCUA_PASSWORD out of the environment: a new string (NULL when it
 * is unset or empty). The variable is removed and its value wiped in the
 * environment block itself, so that no child (the print command) inherits
 * it and /proc/PID/environ no longer shows it. Called first in main(),
 * before anything can run a child. */
char *secret_take_env(void);
/* A new string, or NULL: env (from secret_take_env) when given, else the
 * file, else the terminal. NULL with e set when the file cannot be read or
 * is open to other users; with e->msg empty when there is no way to ask
 * (no terminal). */
char *secret_read(const char *env, const char *file, const char *user, struct err *e);
/* Wipe and free. */
void secret_free(char *secret);

#endif
