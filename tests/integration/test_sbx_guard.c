/* motcua-sandbox keeps what a training room or a test run must not lose:
 * its --log shows no citizen's full ID number or tax code, and clients
 * that connect and then send nothing, or trickle, neither lock the others
 * out nor stay for ever. */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "sbx_harness.h"

static struct sbxh H;

/* The fixture's database and a server on it with args. */
static void start(const char *const *args)
{
	char err[512];
	const char *argv[24] = { "--clock", FX_CLOCK, "--freeze-clock", NULL };
	int n = 3;

	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_msg(fx_create(H.db, err, sizeof err) == 0, "%s", err);
	for (int i = 0; args && args[i] && n < 23; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	ck_assert_int_eq(sbxh_start(&H, argv), 0);
}

static void stop(void)
{
	ck_assert_int_eq(sbxh_stop(&H), 0);
	sbxh_cleanup(&H);
}

/* A connection to the server that has sent text and then nothing more:
 * the fd, or -1 (errno kept) when it could not connect or send within
 * 30 s. The bound is wide: on a loaded machine a full listen queue makes
 * connect() wait for a SYN to be sent again (1 s, then 3 s). */
static int connect_and_send(const char *text)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)H.port) };
	struct timeval bound = { 30, 0 };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), saved;

	ck_assert_int_ge(fd, 0);
	inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &bound, sizeof bound);	/* bounds connect() */
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    send(fd, text, strlen(text), MSG_NOSIGNAL) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

/* What the server did next on fd, within 30 s: "closed" it, "answered"
 * (the connection left open) or stayed "silent"; named so that a failed
 * check says which. */
static const char *next_on(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[4096];

	if (poll(&p, 1, 30000) != 1)
		return "silent";
	return recv(fd, buf, sizeof buf, 0) > 0 ? "answered" : "closed";
}

/* GET path within timeout_ms: its status, 0 when none came. */
static long status_within(const char *path, long timeout_ms)
{
	struct sbxh_reply r = { 0 };
	long status;

	ck_assert_int_eq(sbxh_do(&H, &(struct sbxh_req){ .path = path, .timeout_ms = timeout_ms }, &r), 0);
	status = r.status;
	sbxh_reply_free(&r);
	return status;
}

static long status_of(const char *token, const char *path)
{
	struct sbxh_reply r = { 0 };
	long status;

	ck_assert_int_eq(sbxh_get(&H, token, path, &r), 0);
	status = r.status;
	sbxh_reply_free(&r);
	return status;
}

/* The whole server log (malloc'd). */
static char *server_log(void)
{
	FILE *f = fopen(H.log, "r");
	char *text = calloc(1, 1 << 20);
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, (1 << 20) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

START_TEST(log_masks_personal_numbers)
{
	static const char *const args[] = { "--log", NULL };
	char *tok, *log;

	start(args);
	tok = sbxh_login(&H, FX_RECEPTION, "pw-" FX_RECEPTION);
	ck_assert_ptr_nonnull(tok);
	ck_assert_int_eq(status_of(tok, "/api/v1/lookup/citizens/" FX_CITIZEN "?dossier=FX1-251001-0003"), 200);
	ck_assert_int_eq(status_of(tok, "/api/v1/lookup/citizens/079%20190%20000001"), 200);
	ck_assert_int_eq(status_of(tok, "/api/v1/lookup/enterprises/" FX_ENTERPRISE), 200);
	free(tok);
	ck_assert_int_eq(sbxh_stop(&H), 0);
	log = server_log();
	/* the request was logged, its number masked */
	ck_assert_msg(strstr(log, "GET /api/v1/lookup/citizens/001*******45 200"), "%s", log);
	ck_assert_msg(strstr(log, "GET /api/v1/lookup/citizens/079 *** ****01 200"), "%s", log);
	ck_assert_msg(strstr(log, "GET /api/v1/lookup/enterprises/010*****06 200"), "%s", log);
	ck_assert_msg(!strstr(log, FX_CITIZEN) && !strstr(log, "190 000001") &&
		      !strstr(log, FX_ENTERPRISE), "%s", log);
	free(log);
	sbxh_cleanup(&H);
}
END_TEST

#define SLOW 300

START_TEST(slow_clients_do_not_lock_out_the_others)
{
	/* slow clients kept longer than a loaded machine could take to
	 * answer: the answers below do not come from their being dropped */
	static const char *const args[] = { "--idle-timeout", "120", NULL };
	struct rlimit rl;
	int fds[SLOW];

	/* the test's own sockets, and the server's: well under 1024 */
	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	if (rl.rlim_cur < 2 * SLOW && rl.rlim_max >= 2 * SLOW) {
		rl.rlim_cur = 2 * SLOW;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	start(args);
	for (int i = 0; i < SLOW; i++) {
		/* a request line, a header begun, and then nothing */
		fds[i] = connect_and_send("GET /api/v1/procedures HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
		ck_assert_msg(fds[i] >= 0, "slow client %d of %d could not connect: %s", i + 1, SLOW,
			      strerror(errno));
	}
	for (int i = 0; i < 10; i++)
		ck_assert_int_eq(status_within("/_sandbox/health", 60000), 200);
	for (int i = 0; i < SLOW; i++)
		close(fds[i]);
	stop();
}
END_TEST

START_TEST(idle_connections_are_closed)
{
	static const char *const args[] = { "--idle-timeout", "1", NULL };
	int fd;

	start(args);
	fd = connect_and_send("GET /_sandbox/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
	ck_assert_int_ge(fd, 0);
	ck_assert_str_eq(next_on(fd), "closed");
	close(fd);
	ck_assert_int_eq(status_within("/_sandbox/health", 30000), 200);
	stop();
}
END_TEST

START_TEST(one_address_has_its_share)
{
	/* given on loopback too (by default it applies only beyond); logged,
	 * for a failure to show what the server saw */
	static const char *const args[] = { "--max-per-address", "2", "--log", NULL };
	struct timespec t0, t;
	long status;
	int a, b, c;

	start(args);
	/* two answered and kept open: the server has taken both before the
	 * third comes (its threads accept in no set order) */
	a = connect_and_send("GET /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
	b = connect_and_send("GET /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
	ck_assert_msg(a >= 0 && b >= 0, "could not connect: %s", strerror(errno));
	ck_assert_str_eq(next_on(a), "answered");
	ck_assert_str_eq(next_on(b), "answered");
	c = connect_and_send("GET /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
	if (c >= 0) {
		ck_assert_str_eq(next_on(c), "closed");
		close(c);
	}
	close(a);
	close(b);
	/* its slots free again: the server sees the closes in its own time
	 * (once in CI, more than 5 s under load), at the latest when its idle
	 * timeout (15 s) reaps them; a shorter one could reap a and b before
	 * c comes on a loaded machine */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if ((status = status_within("/_sandbox/health", 10000)) != 200)
			usleep(100000);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (status != 200 && t.tv_sec - t0.tv_sec < 60);
	if (status != 200) {
		char *log = server_log();

		ck_abort_msg("not served again %ld s after its connections closed; the server's log:\n%s",
			     (long)(t.tv_sec - t0.tv_sec), log);
	}
	stop();
}
END_TEST

START_TEST(a_delayed_reply_holds_no_thread)
{
	/* one thread, and replies held 20 s: the admin endpoints are never
	 * delayed, and must still answer at once */
	static const char *const args[] = { "--threads", "1", "--latency", "20000", NULL };
	int fds[4];

	start(args);
	for (int i = 0; i < 4; i++) {
		fds[i] = connect_and_send("GET /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
		ck_assert_int_ge(fds[i], 0);
	}
	ck_assert_int_eq(status_within("/_sandbox/health", 30000), 200);
	/* and SIGTERM stops it cleanly with those replies still held */
	stop();
	for (int i = 0; i < 4; i++)
		close(fds[i]);
}
END_TEST

START_TEST(a_delayed_capped_reply_keeps_both)
{
	/* the body's cap counts from the end of the delay, as a slow link
	 * behind a slow server would do */
	static const char *const args[] = { "--latency", "500", "--bandwidth", "4000", NULL };
	struct sbxh_reply r = { 0 };
	char *tok;

	start(args);
	tok = sbxh_login(&H, FX_RECEPTION, "pw-" FX_RECEPTION);
	ck_assert_ptr_nonnull(tok);
	ck_assert_int_eq(sbxh_get(&H, tok, "/api/v1/dossiers?per_page=10", &r), 0);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_gt(r.len, 3500);
	ck_assert_msg(r.seconds >= 0.5 + (double)r.len / 4000 - 0.15, "%.3f s for %zu bytes",
		      r.seconds, r.len);
	sbxh_reply_free(&r);
	free(tok);
	stop();
}
END_TEST

static Suite *guard_suite(void)
{
	Suite *s = suite_create("sandbox guards");
	TCase *t = tcase_create("guard");

	tcase_set_timeout(t, 120);
	tcase_add_test(t, log_masks_personal_numbers);
	tcase_add_test(t, slow_clients_do_not_lock_out_the_others);
	tcase_add_test(t, idle_connections_are_closed);
	tcase_add_test(t, one_address_has_its_share);
	tcase_add_test(t, a_delayed_reply_holds_no_thread);
	tcase_add_test(t, a_delayed_capped_reply_keeps_both);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return sbxh_run_suite(guard_suite());
}
