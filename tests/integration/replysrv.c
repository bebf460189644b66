/* A scripted server for the shell tests: it answers every request with the
 * bytes of a file, so a test can send the client what no correct server
 * sends (a NUL inside a name, "items": null, escape sequences, bytes that
 * are not UTF-8).
 *
 *   replysrv DIR
 *
 * Listens on a free loopback port and prints "listening on
 * http://127.0.0.1:PORT". A request METHOD /a/b?query is answered from
 * DIR/METHOD_a_b (each '/' of the path a '_', the query left out): 200
 * and application/json, or the status of a first line "HTTP NNN". No
 * such file: 404. The file is read at each request: a test changes the
 * server's replies by writing it. Stops on SIGTERM. */
#include "config.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"

static const char *dir;

/* The file's bytes (malloc'd), or NULL. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n == cap)
			buf = xrealloc(buf, cap = cap ? 2 * cap : 4096);
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*len = n;
	return buf;
}

static enum MHD_Result answer(struct MHD_Connection *c, unsigned status, const char *body,
			      size_t len)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body,
								MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	MHD_add_response_header(r, "Content-Type", "application/json");
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
			       const char *method, const char *version, const char *data,
			       size_t *size, void **ctx)
{
	static const char missing[] = "{\"error\":{\"message\":\"replysrv: no file for this request\"}}";
	char path[4096], *body, *p;
	unsigned status = 200;
	size_t len, skip = 0;
	enum MHD_Result rc;

	(void)cls;
	(void)version;
	(void)data;
	if (!*ctx) {		/* the headers: wait for the body */
		*ctx = (void *)1;
		return MHD_YES;
	}
	if (*size) {		/* the body: not looked at */
		*size = 0;
		return MHD_YES;
	}
	snprintf(path, sizeof path, "%s/%s%s", dir, method, url);
	for (p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/')
			*p = '_';
	if (!(body = slurp(path, &len)))
		return answer(c, 404, missing, sizeof missing - 1);
	if (len >= 8 && !memcmp(body, "HTTP ", 5)) {
		status = (unsigned)atoi(body + 5);
		while (skip < len && body[skip++] != '\n')
			;
	}
	rc = answer(c, status, body + skip, len - skip);
	free(body);
	return rc;
}

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_term };
	struct sockaddr_in lo = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;

	if (argc != 2) {
		fprintf(stderr, "usage: replysrv DIR\n");
		return 2;
	}
	dir = argv[1];
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
			     handler, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&lo, MHD_OPTION_END);
	if (!d || !(info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT))) {
		fprintf(stderr, "replysrv: cannot listen\n");
		return 1;
	}
	printf("listening on http://127.0.0.1:%u\n", (unsigned)info->port);
	fflush(stdout);
	while (!stop)
		pause();
	MHD_stop_daemon(d);
	return 0;
}
