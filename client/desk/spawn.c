#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "spawn.h"

extern char **environ;

/* When the client has no PATH, the child gets the system's usual one. */
#define DEFAULT_PATH "/usr/local/bin:/usr/bin:/bin"

/* Where programs and home are, who runs them, in which language and time
 * zone, where temporary files go, and the print system's own settings
 * (CUPS and the BSD and System V spoolers): what a printing command
 * needs, nothing that could carry a secret. */
static const char *const kept[] = {
	"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR",
	"PRINTER", "LPDEST", "CUPS_SERVER", "CUPS_USER", "CUPS_ENCRYPTION", NULL,
};

bool spawn_keeps(const char *name, size_t len)
{
	if (len > 3 && !strncmp(name, "LC_", 3))
		return true;
	for (int i = 0; kept[i]; i++)
		if (strlen(kept[i]) == len && !strncmp(kept[i], name, len))
			return true;
	return false;
}

/* The child's environment, NULL-terminated, in one allocation per
 * string; built before fork (the child may only call what is safe
 * after a fork in a process with threads). */
static char **child_env(void)
{
	size_t n = 0, k = 0;
	bool path = false;
	char **env;

	while (environ && environ[n])
		n++;
	env = xcalloc(n + 2, sizeof *env);
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(environ[i], '=');

		if (!eq || !spawn_keeps(environ[i], (size_t)(eq - environ[i])))
			continue;
		path |= !strncmp(environ[i], "PATH=", 5);
		env[k++] = xstrdup(environ[i]);
	}
	if (!path)
		env[k++] = xstrdup("PATH=" DEFAULT_PATH);
	return env;
}

static void env_free(char **env)
{
	for (size_t i = 0; env[i]; i++)
		free(env[i]);
	free(env);
}

int spawn_file(const char *text, size_t len, struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	int fd = -1;

#if HAVE_MEMFD_CREATE
	fd = memfd_create("motcua", MFD_CLOEXEC);
#endif
	if (fd < 0) {
		snprintf(path, sizeof path, "%s/motcua-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		/* mkstemp makes it 0600; it has no name once unlinked */
		if ((fd = mkostemp(path, O_CLOEXEC)) < 0)
			return err_set(e, _("cannot make a temporary file in %s: %s"),
				       tmp && *tmp ? tmp : "/tmp", strerror(errno));
		unlink(path);
	}
	while (len) {
		ssize_t w = write(fd, text, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			err_set(e, _("cannot write a temporary file: %s"), strerror(errno));
			close(fd);
			return -1;
		}
		text += w;
		len -= (size_t)w;
	}
	if (lseek(fd, 0, SEEK_SET) < 0) {
		err_set(e, _("cannot write a temporary file: %s"), strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* What a child may write on its standard error, at most: a command that
 * writes without end fills neither the memory nor the disk. */
#define CAPTURE_MAX (64 * 1024)

/* The file that catches a child's standard error: in memory, sealed at
 * CAPTURE_MAX (writes beyond fail), where the system allows it. */
static int capture_file(struct err *e)
{
#if HAVE_MEMFD_CREATE && defined(F_ADD_SEALS)
	int fd = memfd_create("motcua-stderr", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	if (fd >= 0 && ftruncate(fd, CAPTURE_MAX) == 0 &&
	    fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
#endif
	return spawn_file("", 0, e);
}

/* The first word of command when it names a program plainly; false when
 * the shell must decide (quoting, an expansion, an assignment first). */
static bool first_word(const char *command, char *buf, size_t len)
{
	size_t n;

	command += strspn(command, " \t\n");
	n = strcspn(command, " \t\n;&|<>()");
	if (!n || n >= len)
		return false;
	memcpy(buf, command, n);
	buf[n] = '\0';
	return !strpbrk(buf, "\"'\\$`=*?[~{}!#");
}

/* What sh runs by itself: not looked up. */
static bool builtin(const char *word)
{
	static const char *const words[] = {
		":", ".", "true", "false", "exit", "echo", "printf", "exec", "cd", "test", "[",
		"if", "for", "while", "until", "case", "eval", "command", "set", "trap",
		"read", "wait", "umask", "export", "unset", "shift", "return", "type",
		"ulimit", "pwd", "kill", "times", NULL,
	};

	for (int i = 0; words[i]; i++)
		if (!strcmp(words[i], word))
			return true;
	return false;
}

static bool runnable(const char *path)
{
	struct stat st;

	return access(path, X_OK) == 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int spawn_check(const char *command, char *name, size_t len)
{
	const char *path = getenv("PATH"), *p;
	char word[256], full[4096];

	if (!first_word(command, word, sizeof word) || builtin(word))
		return 0;
	snprintf(name, len, "%s", word);
	if (strchr(word, '/'))
		return runnable(word) ? 0 : -1;
	for (p = path ? path : DEFAULT_PATH; ; p += strcspn(p, ":") + 1) {
		int n = (int)strcspn(p, ":");

		/* an empty entry is the current directory, as sh takes it */
		snprintf(full, sizeof full, "%.*s%s%s", n, n ? p : ".", "/", word);
		if (runnable(full))
			return 0;
		if (!p[n])
			return -1;
	}
}

int spawn_start(struct spawn *s, const char *command, int in, struct err *e)
{
	static const int defaults[] = { SIGPIPE, SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGCHLD, SIGTSTP };
	char *argv[] = { "sh", "-c", (char *)command, NULL };
	struct sigaction dfl;
	sigset_t none;
	char **env;
	int null, errfd;
#if !HAVE_CLOSE_RANGE
	long maxfd = sysconf(_SC_OPEN_MAX);
#endif

	s->pid = -1;
	s->err = -1;
	if ((errfd = capture_file(e)) < 0)
		return -1;
	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0) {
		err_set(e, _("cannot open /dev/null: %s"), strerror(errno));
		close(errfd);
		return -1;
	}
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigemptyset(&none);
	env = child_env();
	s->pid = fork();
	if (s->pid == 0) {
		/* the child: only what is safe after fork until exec */
		for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
			sigaction(defaults[i], &dfl, NULL);
		sigprocmask(SIG_SETMASK, &none, NULL);
		setsid();
		if (dup2(in, STDIN_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0 ||
		    dup2(errfd, STDERR_FILENO) < 0)
			_exit(126);
#if HAVE_CLOSE_RANGE
		close_range(3, ~0U, 0);
#else
		for (long fd = 3; fd < maxfd; fd++)
			close((int)fd);
#endif
		execve("/bin/sh", argv, env);
		_exit(127);
	}
	env_free(env);
	close(null);
	if (s->pid < 0) {
		err_set(e, _("cannot start a command: %s"), strerror(errno));
		close(errfd);
		return -1;
	}
	s->err = errfd;
	return 0;
}

void spawn_first_error(struct spawn *s, char *buf, size_t len)
{
	ssize_t n = 0;

	buf[0] = '\0';
	if (s->err >= 0 && len > 1) {
		n = pread(s->err, buf, len - 1, 0);
		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		/* its words only: the status line and the terminal take no
		 * control character (C0, DEL, C1) and no broken UTF-8 from a
		 * command */
		for (size_t i = 0, k; buf[i]; i += k) {
			int32_t cp;

			k = text_utf8_next(buf + i, strlen(buf + i), &cp);
			if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
				memset(buf + i, cp < 0 ? '?' : ' ', k);
		}
	}
	if (s->err >= 0)
		close(s->err);
	s->err = -1;
}

int spawn_wait(struct spawn *s)
{
	int status;

	while (waitpid(s->pid, &status, 0) < 0)
		if (errno != EINTR)
			return 255 << 8;	/* not ours to wait for: an end not known */
	return status;
}
