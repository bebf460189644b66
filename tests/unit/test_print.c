/* Printing through the clerk's print-command: what the command is given
 * (the form on its standard input, a minimal environment, no other
 * descriptor), what comes back (its status, the first line of its
 * standard error, nothing on our terminal), a missing command said before
 * anything runs, and the event loop never waiting for it. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "core/xalloc.h"
#include "desk/receipt.h"
#include "desk/spawn.h"
#include "net/loop.h"

static char dir[] = "/tmp/motcua-print.XXXXXX";
static struct receipt form;

/* A form of n lines: one page of the desk's, or more than a pipe holds. */
static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/motcua-print.XXXXXX")));
	memset(&form, 0, sizeof form);
	form.width = 80;
	form.n = 40;
	form.lines = xcalloc((size_t)form.n, sizeof *form.lines);
	for (int i = 0; i < form.n; i++)
		form.lines[i] = xstrdup("Giấy tiếp nhận hồ sơ và hẹn trả kết quả: Nguyễn Văn An");
}

static void teardown(void)
{
	char cmd[128];

	receipt_free(&form);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void big_form(int lines)
{
	receipt_free(&form);
	form.width = 80;
	form.n = lines;
	form.lines = xcalloc((size_t)lines, sizeof *form.lines);
	for (int i = 0; i < lines; i++)
		form.lines[i] = xstrdup("  1. Bản sao giấy chứng nhận quyền sử dụng đất (1 copy) ..........");
}

/* The text of a file in dir, "" if none. */
static const char *slurp(const char *name)
{
	static char buf[65536];
	char path[256];
	FILE *f;
	size_t n = 0;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	buf[0] = '\0';
	if ((f = fopen(path, "r"))) {
		n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	return buf;
}

/* Print through command, where @ stands for the test's directory. */
static int print(const char *command, struct err *e)
{
	char cmd[1024];
	size_t n = 0;

	for (; *command && n + sizeof dir < sizeof cmd; command++)
		if (*command == '@')
			n += (size_t)snprintf(cmd + n, sizeof cmd - n, "%s", dir);
		else
			cmd[n++] = *command;
	cmd[n] = '\0';
	return receipt_print(&form, cmd, e);
}

START_TEST(the_form_on_standard_input)
{
	struct err e;
	const char *got;

	ck_assert_msg(print("cat > '@/printed'", &e) == 0, "%s", e.msg);
	got = slurp("printed");
	ck_assert_msg(strstr(got, "Giấy tiếp nhận hồ sơ"), "%s", got);
	ck_assert_int_eq(got[strlen(got) - 1], '\f');
}
END_TEST

START_TEST(a_failure_says_the_commands_first_line)
{
	struct err e;

	ck_assert_int_eq(print("cat >/dev/null; echo 'lpr: The printer or class does not exist.' >&2; "
			       "echo 'second line' >&2; exit 1", &e), -1);
	ck_assert_str_eq(e.msg, "the print command failed: lpr: The printer or class does not exist.");
	/* silent: its status */
	ck_assert_int_eq(print("cat >/dev/null; exit 3", &e), -1);
	ck_assert_msg(strstr(e.msg, "exit status 3"), "%s", e.msg);
	/* what it writes is words, never terminal controls */
	ck_assert_int_eq(print("printf 'bad\\033]0;owned\\007 \\302\\233thing\\n' >&2; exit 1", &e), -1);
	ck_assert_msg(!strchr(e.msg, '\033') && !strchr(e.msg, '\007') && !strstr(e.msg, "\302\233"),
		      "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "bad ]0;owned"), "%s", e.msg);
	/* more than is kept of it: the first line still */
	ck_assert_int_eq(print("yes 'lpr: paper jam' | head -c 300000 >&2; exit 1", &e), -1);
	ck_assert_str_eq(e.msg, "the print command failed: lpr: paper jam");
}
END_TEST

START_TEST(a_missing_command_is_said_before_anything_runs)
{
	struct err e;

	unsetenv("MOTCUA_CONFIG");
	setenv("XDG_CONFIG_HOME", "/home/clerk/.config", 1);
	ck_assert_int_eq(print("lpr-not-installed-xyz -P quay1", &e), -1);
	ck_assert_str_eq(e.msg, "no print command: 'lpr-not-installed-xyz' is not installed; "
				"set print-command in /home/clerk/.config/motcua/motcuarc");
	ck_assert_int_eq(print("/no/such/dir/lpr", &e), -1);
	ck_assert_msg(strstr(e.msg, "'/no/such/dir/lpr' is not installed"), "%s", e.msg);
	ck_assert_int_eq(receipt_print(&form, "", &e), -1);
	ck_assert_msg(strstr(e.msg, "no print-command is set"), "%s", e.msg);
	/* what only the shell can tell is left to it */
	ck_assert_int_eq(print("\"lpr-not-installed-xyz\"", &e), -1);
	ck_assert_msg(strstr(e.msg, "the print command failed: "), "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "not found"), "%s", e.msg);
}
END_TEST

/* A command that reads nothing (true) has nothing to fail on: no EPIPE, no
 * SIGPIPE, whatever the timing, even with a form larger than a pipe. */
START_TEST(a_command_that_reads_nothing_is_no_failure)
{
	struct err e;

	for (int i = 0; i < 200; i++)
		ck_assert_msg(receipt_print(&form, "true", &e) == 0, "try %d: %s", i, e.msg);
	big_form(4000);
	ck_assert_msg(receipt_print(&form, "true", &e) == 0, "%s", e.msg);
	ck_assert_msg(receipt_print(&form, "exec 0<&-; exit 0", &e) == 0, "%s", e.msg);
}
END_TEST

/* The child's environment: the allowed names only, never a password. */
START_TEST(the_environment_is_minimal)
{
	static const char *const allowed[] = { "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE",
					       "TZ", "TMPDIR", "PRINTER", "LPDEST", "CUPS_SERVER",
					       "CUPS_USER", "CUPS_ENCRYPTION", "PWD", NULL };
	struct err e;
	char *env, *line, *save = NULL;

	setenv("MOTCUA_PASSWORD", "motcua-demo", 1);
	setenv("MOTCUA_CONFIG", "/dev/null", 1);
	setenv("HTTPS_PROXY", "http://clerk:secret@proxy:3128", 1);
	setenv("PRINTER", "quay1", 1);
	setenv("LC_TIME", "C.UTF-8", 1);
	ck_assert_msg(print("env > '@/env'", &e) == 0, "%s", e.msg);
	env = xstrdup(slurp("env"));
	ck_assert_msg(strstr(env, "PRINTER=quay1\n"), "%s", env);
	ck_assert_msg(strstr(env, "LC_TIME=C.UTF-8\n"), "%s", env);
	ck_assert_msg(strstr(env, "PATH="), "%s", env);
	ck_assert_msg(!strstr(env, "motcua-demo") && !strstr(env, "secret"), "%s", env);
	for (line = strtok_r(env, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t n = strcspn(line, "=");
		bool ok = !strncmp(line, "LC_", 3);

		for (int i = 0; allowed[i] && !ok; i++)
			ok = strlen(allowed[i]) == n && !strncmp(allowed[i], line, n);
		ck_assert_msg(ok, "the print command got %s", line);
	}
	free(env);
}
END_TEST

/* Only its three standard descriptors, however many the client holds. */
START_TEST(no_other_descriptor_is_inherited)
{
	struct err e;
	int fd = open("/dev/null", O_RDONLY);	/* not close-on-exec, as a library's may be */
	const char *fds;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(dup2(fd, 42), 42);
	ck_assert_msg(print("exec ls /proc/self/fd > '@/fds'", &e) == 0, "%s", e.msg);
	fds = slurp("fds");
	/* 0, 1 and 2, and the one ls reads the list from */
	ck_assert_str_eq(fds, "0\n1\n2\n3\n");
	close(fd);
	close(42);
}
END_TEST

/* What the command writes goes neither on our output nor our error: the
 * client's terminal is the screen. */
START_TEST(nothing_reaches_the_terminal)
{
	struct err e;
	char path[256];
	int saved[2], fd;
	struct stat st;

	snprintf(path, sizeof path, "%s/terminal", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	fflush(stdout);
	fflush(stderr);
	saved[0] = dup(STDOUT_FILENO);
	saved[1] = dup(STDERR_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	print("echo 'request id is quay1-7 (1 file(s))'; echo 'lpr: error' >&2; exit 0", &e);
	print("echo out; echo err >&2; echo tty > /dev/tty; exit 1", &e);
	dup2(saved[0], STDOUT_FILENO);
	dup2(saved[1], STDERR_FILENO);
	close(saved[0]);
	close(saved[1]);
	close(fd);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 0);
	ck_assert_str_eq(e.msg, "the print command failed: err");
}
END_TEST

struct job {
	struct loop *loop;
	bool done, closing;
	struct err why;
	bool failed;
};

static void printed(void *arg, const struct err *why, bool closing)
{
	struct job *j = arg;

	j->done = true;
	j->closing = closing;
	j->failed = why != NULL;
	if (why)
		j->why = *why;
	loop_stop(j->loop);
}

/* The command waits until the test lets it go: starting it returns at
 * once, the loop runs meanwhile, and the outcome comes through the loop. */
START_TEST(printing_does_not_wait)
{
	struct loop l;
	struct err e;
	struct job j = { .loop = &l };
	char fifo[256], cmd[600];
	int fd;

	snprintf(fifo, sizeof fifo, "%s/go", dir);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(loop_init(&l, &e), 0);
	snprintf(cmd, sizeof cmd, "cat > '%s/printed'; read go < '%s'; echo \"lpr: $go\" >&2; exit 1",
		 dir, fifo);
	ck_assert_msg(receipt_print_start(&l, &form, cmd, printed, &j, &e) == 0, "%s", e.msg);
	ck_assert(!j.done);
	/* the loop goes on while the command waits */
	ck_assert_int_eq(loop_once(&l, 0, &e), 0);
	ck_assert(!j.done);
	fd = open(fifo, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "out of paper\n", 13), 13);
	close(fd);
	while (!j.done)
		ck_assert_int_eq(loop_once(&l, -1, &e), 0);
	ck_assert(!j.closing);
	ck_assert(j.failed);
	ck_assert_str_eq(j.why.msg, "the print command failed: lpr: out of paper");
	ck_assert_msg(strstr(slurp("printed"), "Giấy tiếp nhận"), "%s", slurp("printed"));
	/* a missing command: said at once, nothing started */
	ck_assert_int_eq(receipt_print_start(&l, &form, "lpr-not-installed-xyz", printed, &j, &e), -1);
	ck_assert_msg(strstr(e.msg, "is not installed"), "%s", e.msg);
	ck_assert_int_eq(l.nchildren, 0);
	loop_free(&l);
}
END_TEST

/* The client quits while a form prints: the job lets go of what it holds
 * and says nothing; the command goes on. */
START_TEST(closing_while_printing)
{
	struct loop l;
	struct err e;
	struct job j = { .loop = &l };
	char cmd[300];

	ck_assert_int_eq(loop_init(&l, &e), 0);
	snprintf(cmd, sizeof cmd, "sleep 1; cat > '%s/printed'", dir);
	ck_assert_msg(receipt_print_start(&l, &form, cmd, printed, &j, &e) == 0, "%s", e.msg);
	loop_free(&l);
	ck_assert(j.done);
	ck_assert(j.closing);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_form_on_standard_input);
	tcase_add_test(tc, a_failure_says_the_commands_first_line);
	tcase_add_test(tc, a_missing_command_is_said_before_anything_runs);
	tcase_add_test(tc, a_command_that_reads_nothing_is_no_failure);
	tcase_add_test(tc, the_environment_is_minimal);
	tcase_add_test(tc, no_other_descriptor_is_inherited);
	tcase_add_test(tc, nothing_reaches_the_terminal);
	tcase_add_test(tc, printing_does_not_wait);
	tcase_add_test(tc, closing_while_printing);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
