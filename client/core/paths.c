#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
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

static int fits(int n, size_t len)
{
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

int path_system_config(char *buf, size_t len)
{
	const char *env = getenv("MOTCUA_SYSTEM_CONFIG");

	return fits(snprintf(buf, len, "%s", env && *env ? env : SYSCONFDIR "/motcua/motcuarc"), len);
}

int path_state(const char *name, char *buf, size_t len)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg && *xdg)
		return fits(snprintf(buf, len, "%s/motcua/%s", xdg, name), len);
	if (home && *home)
		return fits(snprintf(buf, len, "%s/.local/state/motcua/%s", home, name), len);
	return -1;
}

int path_make_dirs(const char *path, struct err *e)
{
	char dir[4096];

	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return err_set(e, _("the path %s is too long"), path);
	for (char *p = strchr(dir + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return err_set(e, _("cannot create %s: %s"), dir, strerror(errno));
		*p = '/';
	}
	return 0;
}
