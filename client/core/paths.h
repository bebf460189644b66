/* Where motcua's own files are, from the environment: the settings file
 * ($MOTCUA_CONFIG, else $XDG_CONFIG_HOME/motcua/motcuarc, else
 * ~/.config/motcua/motcuarc). Here, low, because rules far from the
 * settings module (printing) name the file in what they tell the clerk. */
#ifndef MOTCUA_PATHS_H
#define MOTCUA_PATHS_H

#include <stddef.h>

/* The settings file's path in buf; -1 when no home is known or it does
 * not fit. */
int path_config(char *buf, size_t len);

#endif
