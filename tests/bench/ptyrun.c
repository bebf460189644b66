/* ptyrun: run a terminal program on a pseudo-terminal of a fixed size and
 * measure what it writes: the time and bytes of its first screen, then the
 * bytes written in answer to each key sent. A screen is "done" when the
 * program has been silent for the settle time.
 *
 *   ptyrun [-s COLSxROWS] [-t TERM] [-S SETTLE_MS] [-w TEXT] [-k KEY]... [-q QUIT] -- CMD [ARG]...
 *
 * With -w, the first screen ends when TEXT has been written (then settles),
 * so a program that keeps drawing (a clock, a message that expires) is
 * timed to the screen the user waits for.
 * Prints one line per measurement: "first-screen ms=.. bytes=..", then
 * "key N bytes=..", and "keys avg-bytes=..". Exit status 1 when TEXT never
 * appeared (the program ended, or was silent for 60 s): the time printed
 * is then not the one asked for. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Read until the program is silent for settle_ms (or exits), after `want`
 * (if any) has appeared; returns bytes read, sets *last to the time of the
 * last byte and *found to whether `want` appeared. */
static long drain_for(int fd, int settle_ms, const char *want, double *last, bool *found)
{
	/* the last bytes of the previous read stay in front, so TEXT split
	 * across two reads is still found */
	static char win[256 + 65536];
	size_t kept = 0, wl = want ? strlen(want) : 0;
	long total = 0;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	bool seen = !want;

	*found = seen;
	for (;;) {
		int r = poll(&p, 1, seen ? settle_ms : 60000);
		ssize_t n;

		if (r <= 0)
			return total;
		n = read(fd, win + kept, sizeof win - kept);
		if (n <= 0)
			return total;
		total += n;
		*last = now_ms();
		if (!seen) {
			size_t len = kept + (size_t)n;

			if (memmem(win, len, want, wl)) {
				*found = true;
				return total;
			}
			kept = len < 256 ? len : 256;
			memmove(win, win + len - kept, kept);
		}
	}
}

static long drain(int fd, int settle_ms, double *last)
{
	bool found;

	return drain_for(fd, settle_ms, NULL, last, &found);
}

/* Key names: a plain string is sent as is; ^X sends Ctrl-X; "down", "up",
 * "enter" send the usual sequences. */
static const char *key_bytes(const char *k)
{
	static char ctl[2];

	if (!strcmp(k, "down"))
		return "\033[B";
	if (!strcmp(k, "up"))
		return "\033[A";
	if (!strcmp(k, "enter"))
		return "\r";
	if (k[0] == '^' && k[1]) {
		ctl[0] = (char)(k[1] & 0x1f);
		return ctl;
	}
	return k;
}

int main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	const char *term = "xterm-256color", *quit = "q", *want = NULL;
	const char *keys[256];
	int nkeys = 0, settle = 300, opt, fd, status;
	double t0, last = 0;
	long first, sum = 0;
	bool found;
	pid_t pid;

	while ((opt = getopt(argc, argv, "s:t:S:k:q:w:")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%hux%hu", &ws.ws_col, &ws.ws_row) != 2) {
				fprintf(stderr, "ptyrun: -s wants COLSxROWS\n");
				return 2;
			}
			break;
		case 't': term = optarg; break;
		case 'S': settle = atoi(optarg); break;
		case 'k': if (nkeys < 256) keys[nkeys++] = optarg; break;
		case 'q': quit = optarg; break;
		case 'w': want = optarg; break;
		default: return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: ptyrun [-s COLSxROWS] [-t TERM] [-S MS] [-k KEY]... [-q QUIT] -- CMD...\n");
		return 2;
	}
	t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", term, 1);
		execvp(argv[optind], argv + optind);
		perror(argv[optind]);
		_exit(127);
	}
	first = drain_for(fd, settle, want, &last, &found);
	printf("first-screen ms=%.1f bytes=%ld\n", last - t0, first);
	if (!found)
		fprintf(stderr, "ptyrun: \"%s\" did not appear\n", want);
	for (int i = 0; i < nkeys; i++) {
		const char *b = key_bytes(keys[i]);
		long n;

		if (write(fd, b, strlen(b)) < 0)
			break;
		n = drain(fd, settle, &last);
		sum += n;
		printf("key %d bytes=%ld\n", i + 1, n);
	}
	if (nkeys)
		printf("keys avg-bytes=%.1f\n", (double)sum / nkeys);
	if (write(fd, key_bytes(quit), strlen(key_bytes(quit))) < 0) {
		/* the program is gone already */
	}
	drain(fd, settle, &last);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	close(fd);
	return found ? 0 : 1;
}
