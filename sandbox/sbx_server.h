/* The HTTP server: libmicrohttpd with a thread per connection (so a
 * faulted reply that sleeps holds up only its own client), request bodies
 * gathered up to the limit, replies compressed with gzip when asked, and
 * the fault plan applied around sbx_dispatch(). */
#ifndef MOTCUA_SBX_SERVER_H
#define MOTCUA_SBX_SERVER_H

#include <stddef.h>

#include "core/err.h"
#include "sbx.h"

struct sbx_server;

/* Listen on "HOST:PORT" ("[::1]:PORT" for IPv6; port 0 picks a free one)
 * and serve s. url gets "http://HOST:PORT" with the real port. */
int sbx_server_start(struct sbx *s, const char *addr, struct sbx_server **out,
		     char *url, size_t urlsz, struct err *e);
/* Stop accepting, finish or cut the connections, free. */
void sbx_server_stop(struct sbx_server *srv);

#endif
