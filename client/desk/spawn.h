/* The clerk's own commands (print-command) as child processes: run by
 * /bin/sh -c, with standard input from a file, standard output thrown
 * away and standard error captured in a file of their own; nothing from
 * them reaches the terminal. A child gets a minimal environment (where
 * programs are, who and in which language and time zone, the print
 * system's settings: never the client's password or anything else), no
 * descriptor beyond the three, a session of its own (no controlling
 * terminal to write on or ask from) and the default signal dispositions.
 * Waiting is the caller's: the event loop (loop_watch_child) or, in batch
 * mode, spawn_wait. */
#ifndef MOTCUA_SPAWN_H
#define MOTCUA_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/err.h"

struct spawn {
	pid_t pid;
	int err;		/* where its standard error went; -1: closed */
};

/* Whether a child keeps the environment variable of that name (len bytes
 * of name). */
bool spawn_keeps(const char *name, size_t len);

/* A file for a child's standard input (the text given) or error, that no
 * other process can open: in memory where the system allows it, else an
 * unlinked file of mode 0600 in $TMPDIR. */
int spawn_file(const char *text, size_t len, struct err *e);

/* Whether the program command starts with is installed, looked up in the
 * PATH the child gets: 0 if it is (or the shell decides: a builtin,
 * quoting, an expansion); -1 if not, with its name in name (len bytes). */
int spawn_check(const char *command, char *name, size_t len);

/* Start command with in as its standard input (kept by the caller). */
int spawn_start(struct spawn *s, const char *command, int in, struct err *e);

/* The first line the child wrote on its standard error, control
 * characters blanked, "" if none; then the capture is closed. */
void spawn_first_error(struct spawn *s, char *buf, size_t len);

/* Block until the child ends (batch mode): its waitpid() status. */
int spawn_wait(struct spawn *s);

#endif
