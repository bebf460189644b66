#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "secret.h"

/* A copy of buf, which is wiped: no secret left behind on the stack. */
static char *keep(char *buf)
{
	char *s = xstrdup(buf);

	memset(buf, 0, strlen(buf));
	return s;
}

char *secret_read(const char *file, const char *user, struct err *e)
{
	const char *env = getenv("MOTCUA_PASSWORD");
	char buf[1024];
	FILE *f;

	if (env && *env)
		return xstrdup(env);
	if (file) {
		f = fopen(file, "r");
		if (!f) {
			err_set(e, _("cannot read the password file %s: %s"), file, strerror(errno));
			return NULL;
		}
		if (!fgets(buf, sizeof buf, f))
			buf[0] = '\0';
		fclose(f);
		buf[strcspn(buf, "\r\n")] = '\0';
		return keep(buf);
	}
	f = fopen("/dev/tty", "r+");
	if (f) {
		struct termios t, quiet;
		bool ok = tcgetattr(fileno(f), &t) == 0;

		fprintf(f, _("Password for %s: "), user ? user : "");
		fflush(f);
		quiet = t;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		if (ok)
			tcsetattr(fileno(f), TCSAFLUSH, &quiet);
		if (!fgets(buf, sizeof buf, f))
			buf[0] = '\0';
		if (ok)
			tcsetattr(fileno(f), TCSAFLUSH, &t);
		fputc('\n', f);
		fclose(f);
		buf[strcspn(buf, "\r\n")] = '\0';
		return keep(buf);
	}
	return NULL;	/* no secret: fine for a profile without authentication */
}

void secret_free(char *secret)
{
	if (!secret)
		return;
	memset(secret, 0, strlen(secret));
	free(secret);
}
