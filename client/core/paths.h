/* Where motcua's own files are, from the environment: the settings files
 * ($MOTCUA_CONFIG, else $XDG_CONFIG_HOME/motcua/motcuarc, else
 * ~/.config/motcua/motcuarc; the system's before it) and its state. Here, low, because rules far from the
 * settings module (printing) name the file in what they tell the clerk. */
#ifndef MOTCUA_PATHS_H
#define MOTCUA_PATHS_H

#include <stddef.h>

#include "err.h"

/* The settings file's path in buf; -1 when no home is known or it does
 * not fit. */
int path_config(char *buf, size_t len);

/* The desk-wide settings file, read before the clerk's:
 * $MOTCUA_SYSTEM_CONFIG, else $(sysconfdir)/motcua/motcuarc. */
int path_system_config(char *buf, size_t len);

/* A file the client keeps between runs (the ':' line's history), named
 * name: $XDG_STATE_HOME/motcua/name, else ~/.local/state/motcua/name. */
int path_state(const char *name, char *buf, size_t len);

/* Make the directories on the way to the file at path, those missing
 * private to the user (0700). */
int path_make_dirs(const char *path, struct err *e);

#endif
