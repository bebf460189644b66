/* The clerk's settings, read from the config file in the command language
 * (cmd_lex.h): `set lock-after 15`, `set notify no`,
 * `set print-command "lpr -P quay1"`. One table names every setting, its
 * type, default and help, so `set`, the docs and a future `:set` prompt
 * share one source. A broken line is reported with file:line and skipped;
 * the lines around it still count. */
#ifndef MOTCUA_CONF_H
#define MOTCUA_CONF_H

#include <stdbool.h>

#include "core/err.h"

struct conf {
	int lock_after;		/* minutes without a key before the screen locks; 0: never */
	bool notify;		/* desktop notifications (else bell and status line) */
	int notify_due_hours;	/* warn this many working hours before a due time */
	char *print_command;	/* reads the printable file on stdin */
	char *desk_name;	/* heads receipts and forms; "": the dossier's agency */
	int request_timeout;	/* seconds for one attempt at a request; twice
				 * that for the request, retries included */
};

/* The longest request-timeout (and --timeout): an hour. */
#define CONF_TIMEOUT_MAX 3600

enum conf_type { CONF_BOOL, CONF_INT, CONF_STRING };

struct conf_def {
	const char *name;
	enum conf_type type;
	size_t offset;		/* in struct conf */
	const char *def;	/* the default, as it would be written */
	int min, max;		/* CONF_INT */
	const char *help;	/* N_() */
};

extern const struct conf_def conf_defs[];	/* NULL name ends it */

/* Every setting at its default. */
void conf_init(struct conf *c);
void conf_free(struct conf *c);

/* Set one setting from its written form ("yes", "15", "lpr"). */
int conf_set(struct conf *c, const char *name, const char *value, struct err *e);

/* Read a config file. Each broken line is reported in *warnings (one
 * "file:line: problem" per line, newline-separated, NULL if none; the caller
 * frees it) and skipped. Fails (e) only when the file exists and cannot be
 * read; a missing file is no error. */
int conf_load(struct conf *c, const char *path, char **warnings, struct err *e);

/* conf_load, handing each line whose command is not `set` (`macro`, for
 * the screens' side) to other, which says what is wrong with it in e.
 * Without other (conf_load), `macro` lines are skipped in silence. */
struct cmd_words;
typedef int (*conf_other_fn)(void *arg, const struct cmd_words *w, struct err *e);
int conf_load_with(struct conf *c, const char *path, conf_other_fn other, void *arg,
		   char **warnings, struct err *e);

/* $MOTCUA_CONFIG, else $XDG_CONFIG_HOME/motcua/motcuarc, else
 * ~/.config/motcua/motcuarc, into buf; -1 if none can be formed. */

#endif
