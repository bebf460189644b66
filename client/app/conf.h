/* The clerk's settings, set in the command language (cmd.h):
 * `set lock-after 15`, `set notify no`, `set print-command "lpr -P quay1"`.
 * One table names every setting, its type, default and help, so `set` in
 * the files and at the ':' line, its completion and the docs share one
 * source. A broken line is reported with file:line and skipped; the lines
 * around it still count. */
#ifndef MOTCUA_CONF_H
#define MOTCUA_CONF_H

#include <stdbool.h>

#include "cmd_lex.h"
#include "core/err.h"

/* Runs one line of a file in the command language. */
typedef int conf_line_fn(void *arg, const struct cmd_words *w, struct err *e);

struct conf {
	int lock_after;		/* minutes without a key before the screen locks; 0: never */
	bool notify;		/* desktop notifications (else bell and status line) */
	int notify_due_hours;	/* warn this many working hours before a due time */
	char *print_command;	/* reads the printable file on stdin */
	char *desk_name;	/* heads receipts and forms; "": the dossier's agency */
	int request_timeout;	/* seconds for one attempt at a request; twice
				 * that for the request, retries included */
	char *theme;		/* a theme's name or a theme file's path */
	/* Runs the `color` and `mono` lines of the settings file for who
	 * draws; NULL (batch mode draws nothing): they are skipped. */
	conf_line_fn *color;
	void *color_arg;
	int input_method;	/* enum vnime_method: off, telex, vni, viqr */
	int tone_style;		/* CONF_TONE_NEW: hoà; CONF_TONE_OLD: hòa */
	/* the star rating's thresholds (desk/stats.h) */
	int stars_on_time, stars_online, stars_average_days;
};

enum { CONF_TONE_NEW, CONF_TONE_OLD };

/* The longest request-timeout (and --timeout): an hour. */
#define CONF_TIMEOUT_MAX 3600

/* CONF_WORD: one of the words of `words`, kept as its index (an int). */
enum conf_type { CONF_BOOL, CONF_INT, CONF_STRING, CONF_WORD };

struct conf_def {
	const char *name;
	enum conf_type type;
	size_t offset;		/* in struct conf */
	const char *def;	/* the default, as it would be written */
	int min, max;		/* CONF_INT */
	const char *help;	/* N_() */
	const char *words;	/* CONF_WORD: the words, separated by '|' */
};

extern const struct conf_def conf_defs[];	/* NULL name ends it */

/* Every setting at its default. */
void conf_init(struct conf *c);
void conf_free(struct conf *c);

/* Set one setting from its written form ("yes", "15", "lpr"). */
int conf_set(struct conf *c, const char *name, const char *value, struct err *e);

/* Read the `set` lines of a config file (batch mode; the interactive
 * client runs every command of the file: cmd.h). Each broken line is reported in *warnings (one
 * "file:line: problem" per line, newline-separated, NULL if none; the caller
 * frees it) and skipped. Fails (e) only when the file exists and cannot be
 * read; a missing file is no error. */
int conf_load(struct conf *c, const char *path, char **warnings, struct err *e);
/* The same for any file in the command language: run(arg, words) for each
 * line (a theme file's `color` lines). */
int conf_run_file(const char *path, conf_line_fn *run, void *arg, char **warnings,
		  struct err *e);

#endif
