/* The clerk's secret (password, API key or token): from MOTCUA_PASSWORD,
 * else the first line of a file, else asked for on the terminal without
 * echo. It is never logged. */
#ifndef MOTCUA_SECRET_H
#define MOTCUA_SECRET_H

#include "core/err.h"

/* A new string, or NULL: with e set when the file cannot be read, with
 * e->msg empty when there is no way to ask (no terminal). */
char *secret_read(const char *file, const char *user, struct err *e);
/* Wipe and free. */
void secret_free(char *secret);

#endif
