#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

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

void secret_protect_process(void)
{
	const struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
	/* Not dumpable: no core even through a core_pattern pipe, and
	 * /proc/PID/{environ,mem} and ptrace (gdb -p, strace -p) become
	 * root's only. Best effort: a kernel that refuses leaves the limit. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

char *secret_take_env(void)
{
	static const char name[] = "MOTCUA_PASSWORD";
	const size_t len = sizeof name - 1;
	char *copy = NULL;

	/* Every entry of that name (an exec may pass several), wiped where
	 * the kernel put it: unsetenv() alone only drops the pointer. */
	for (char **v = environ; v && *v; v++) {
		char *value;

		if (strncmp(*v, name, len) || (*v)[len] != '=')
			continue;
		value = *v + len + 1;
		if (!copy && *value)
			copy = xstrdup(value);
		memset(value, 0, strlen(value));
	}
	unsetenv(name);
	return copy;
}

/* The first line of file, refused when other users may read or change
 * it, as ssh refuses such a key: the password would be theirs too. A pipe
 * (--password-file <(pass show desk)) is private to the process. */
static char *read_file(const char *file, struct err *e)
{
	char buf[1024];
	struct stat st;
	FILE *f = fopen(file, "r");

	if (!f) {
		err_set(e, _("cannot read the password file %s: %s"), file, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077)) {
		err_set(e, _("the password file %s is open to other users (mode %04o): "
			     "make it private with chmod 600 %s"),
			file, (unsigned)(st.st_mode & 07777), file);
		fclose(f);
		return NULL;
	}
	setvbuf(f, NULL, _IONBF, 0);	/* no copy left in stdio's buffer */
	if (!fgets(buf, sizeof buf, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return keep(buf);
}

char *secret_read(const char *env, const char *file, const char *user, struct err *e)
{
	char buf[1024];
	FILE *f;

	if (env && *env)
		return xstrdup(env);
	if (file)
		return read_file(file, e);
	f = fopen("/dev/tty", "r+");
	if (f) {
		struct termios t, quiet;
		bool ok = tcgetattr(fileno(f), &t) == 0;

		setvbuf(f, NULL, _IONBF, 0);

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
