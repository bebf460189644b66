#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "paths.h"

int path_config(char *buf, size_t len)
{
	const char *env = getenv("MOTCUA_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n;

	if (env && *env)
		n = snprintf(buf, len, "%s", env);
	else if (xdg && *xdg)
		n = snprintf(buf, len, "%s/motcua/motcuarc", xdg);
	else if (home && *home)
		n = snprintf(buf, len, "%s/.config/motcua/motcuarc", home);
	else
		return -1;
	return n < 0 || (size_t)n >= len ? -1 : 0;
}
