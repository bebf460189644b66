/* The HTTP server: libmicrohttpd, event-driven on a few threads (an idle
 * or slow client costs a socket, not a thread; a faulted reply that waits
 * suspends its connection), request bodies gathered up to the limit,
 * replies compressed with gzip when asked, and the fault plan applied
 * around sbx_dispatch(). Connections idle too long are closed, and their
 * number is capped, in total and per client address. */
#ifndef MOTCUA_SBX_SERVER_H
#define MOTCUA_SBX_SERVER_H

#include <stddef.h>

#include "core/err.h"
#include "sbx.h"

struct sbx_server;

#define SBX_THREADS 4
#define SBX_MAX_CONNECTIONS 1000
#define SBX_PER_ADDRESS 32
#define SBX_IDLE_TIMEOUT 15

struct sbx_server_opts {
	unsigned threads;		/* serving every connection between them */
	unsigned max_connections;	/* at once; more wait to be accepted */
	int max_per_address;		/* at once from one client address (0: no
					 * limit); -1: none on a loopback address,
					 * SBX_PER_ADDRESS on any other */
	unsigned idle_timeout;		/* seconds without a byte in or out before
					 * a connection is closed (a request
					 * trickling in, a kept-alive one unused) */
};

/* Listen on "HOST:PORT" ("[::1]:PORT" for IPv6; port 0 picks a free one)
 * and serve s. url gets "http://HOST:PORT" with the real port. */
int sbx_server_start(struct sbx *s, const char *addr, const struct sbx_server_opts *o,
		     struct sbx_server **out, char *url, size_t urlsz, struct err *e);
/* Stop accepting, finish or cut the connections, free. */
void sbx_server_stop(struct sbx_server *srv);

#endif
