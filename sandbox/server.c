#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "sbx_faults.h"
#include "sbx_http.h"
#include "i18n.h"
#include "sbx_server.h"
#include "sbx_util.h"
#include "xalloc.h"

#define GZIP_MIN 256		/* smaller replies are not worth compressing */
#define DISCARD_MAX (64L * 1024 * 1024)	/* then an oversized upload is cut */

struct sbx_server {
	struct MHD_Daemon *daemon;
	struct sbx *s;
};

/* One request being received. */
struct conn {
	struct sbx_buf body;
	bool too_large;
	size_t discarded;
	struct timespec start;
};

/* A reply body sent under the fault plan: capped, dripped, cut, or
 * trickled without end. */
struct stream {
	struct sbx *s;
	char *body;
	size_t len, cut;
	bool drop, drip, trickle;
	long bandwidth;
	int drip_bytes, drip_ms;
	struct timespec start;
};

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Sleep ms, in short naps so a shutdown is not held up. */
static void nap(struct sbx *s, long ms)
{
	while (ms > 0 && !atomic_load(&s->stopping)) {
		long step = ms < 50 ? ms : 50;
		struct timespec ts = { step / 1000, (step % 1000) * 1000000L };

		nanosleep(&ts, NULL);
		ms -= step;
	}
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *st = cls;
	size_t end = st->drop ? st->cut : st->len, n;

	if (atomic_load(&st->s->stopping))
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (st->trickle && pos >= end) {
		/* JSON may end in blanks: the reply is whole, yet never over */
		nap(st->s, st->drip_ms);
		n = max < (size_t)st->drip_bytes ? max : (size_t)st->drip_bytes;
		memset(buf, ' ', n);
		return (ssize_t)n;
	}
	if (pos >= end)
		return st->drop ? MHD_CONTENT_READER_END_WITH_ERROR :
				  MHD_CONTENT_READER_END_OF_STREAM;
	n = end - (size_t)pos;
	if (n > max)
		n = max;
	if (st->drip || st->trickle) {
		if (pos > 0)
			nap(st->s, st->drip_ms);
		if (n > (size_t)st->drip_bytes)
			n = (size_t)st->drip_bytes;
	}
	if (st->bandwidth > 0) {
		/* Pieces of a tenth of a second, each sent no earlier than the
		 * cap allows for the bytes before it. */
		size_t piece = (size_t)(st->bandwidth / 10) ? (size_t)(st->bandwidth / 10) : 1;
		double due = (double)pos / (double)st->bandwidth, now = since(&st->start);

		if (n > piece)
			n = piece;
		if (due > now)
			nap(st->s, (long)((due - now) * 1000.0));
	}
	memcpy(buf, st->body + pos, n);
	return (ssize_t)n;
}

static void stream_free(void *cls)
{
	struct stream *st = cls;

	free(st->body);
	free(st);
}

static enum MHD_Result add_kv(void *cls, enum MHD_ValueKind kind, const char *key,
			      const char *value)
{
	struct sbx_request *rq = cls;

	if (kind == MHD_HEADER_KIND) {
		if (rq->nheaders < SBX_MAX_HEADERS) {
			rq->headers[rq->nheaders].key = key;
			rq->headers[rq->nheaders].value = value ? value : "";
			rq->nheaders++;
		}
	} else if (rq->nargs < SBX_MAX_ARGS) {
		rq->args[rq->nargs].key = key;
		rq->args[rq->nargs].value = value ? value : "";
		rq->nargs++;
	} else {
		rq->args_overflow = true;
	}
	return MHD_YES;
}

static bool is_loopback(struct MHD_Connection *con)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	if (!sa)
		return false;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;

		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;

		if (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr))
			return true;
		return IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr) && in6->sin6_addr.s6_addr[12] == 127;
	}
	return false;
}

static bool is_json(const struct sbx_reply *rp)
{
	return !strncmp(rp->content_type, "application/json", 16);
}

static struct MHD_Response *make_response(struct sbx *s, struct sbx_reply *rp,
					  const struct sbx_fault_plan *plan, bool api)
{
	struct MHD_Response *r;

	if (api && rp->body && (plan->bandwidth || plan->drip || plan->drop || plan->trickle)) {
		struct stream *st = xcalloc(1, sizeof *st);

		st->s = s;
		st->body = rp->body;
		st->len = rp->len;
		st->drop = plan->drop;
		/* Cut inside the body: the headers and at least a byte go out,
		 * never all of it. */
		st->cut = (size_t)((double)rp->len * plan->drop_at);
		if (st->cut >= rp->len)
			st->cut = rp->len - 1;
		if (st->cut == 0 && rp->len > 1)
			st->cut = 1;
		st->drip = plan->drip;
		st->trickle = plan->trickle;
		st->drip_bytes = plan->drip_bytes;
		st->drip_ms = plan->drip_interval_ms;
		st->bandwidth = plan->bandwidth;
		clock_gettime(CLOCK_MONOTONIC, &st->start);
		rp->body = NULL;
		r = MHD_create_response_from_callback(st->trickle ? MHD_SIZE_UNKNOWN : st->len, 16384,
						      stream_read, st, stream_free);
		if (!r)
			stream_free(st);
		return r;
	}
	r = MHD_create_response_from_buffer(rp->len, rp->body ? rp->body : (void *)"",
					    rp->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (r)
		rp->body = NULL;
	return r;
}

static enum MHD_Result send_reply(struct sbx *s, struct MHD_Connection *con,
				  const struct sbx_request *rq, struct sbx_reply *rp,
				  const struct sbx_fault_plan *plan, bool api,
				  const struct conn *c)
{
	const char *ae = sbx_req_header(rq, "Accept-Encoding");
	struct MHD_Response *r;
	enum MHD_Result ok;
	bool garbled = false;
	int status = rp->status;
	size_t plain = rp->len;

	if (api && plan->garble && rp->body && is_json(rp)) {
		sbx_faults_garble(plan, &rp->body, &rp->len, rp->content_type,
				  sizeof rp->content_type);
		garbled = true;
	}
	/* a trickle's blanks would not fit inside a gzip stream */
	if (rp->body && rp->len >= GZIP_MIN && sbx_accepts_gzip(ae) && !(api && plan->trickle)) {
		char *z;
		size_t zl;

		if (sbx_gzip(rp->body, rp->len, &z, &zl) == 0) {
			free(rp->body);
			rp->body = z;
			rp->len = zl;
			sbx_reply_header(rp, "Content-Encoding", "gzip");
		}
	}
	if (rp->body || status == 304)
		sbx_reply_header(rp, "Vary", "Accept-Encoding");
	if (api) {
		sbx_faults_count(s->faults, plan, garbled);
		if (plan->delay_ms)
			nap(s, plan->delay_ms);
	}
	if (!(r = make_response(s, rp, plan, api)))
		return MHD_NO;
	if (rp->content_type[0] && status != 304)
		MHD_add_response_header(r, "Content-Type", rp->content_type);
	for (int i = 0; i < rp->nhdr; i++)
		MHD_add_response_header(r, rp->hdr[i].name, rp->hdr[i].value);
	ok = MHD_queue_response(con, (unsigned)status, r);
	MHD_destroy_response(r);
	if (s->log_requests)
		fprintf(stderr, "%s %s %d %zu bytes %.1f ms%s%s%s\n", rq->method, rq->path, status,
			plain, since(&c->start) * 1000.0, plan->drop ? " [drop]" : "",
			garbled ? " [garble]" : "", plan->fail_status ? " [fail]" : "");
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct sbx *s = cls;
	struct conn *c = *con_cls;
	struct sbx_request rq;
	struct sbx_reply rp;
	struct sbx_fault_plan plan;
	enum MHD_Result ok;
	bool api;

	(void)version;
	if (!c) {
		const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
							     "Content-Length");
		int64_t n;

		c = xcalloc(1, sizeof *c);
		clock_gettime(CLOCK_MONOTONIC, &c->start);
		*con_cls = c;
		if (cl && sbx_parse_int(cl, 0, INT64_MAX, &n) == 0 && (uint64_t)n > s->body_limit)
			c->too_large = true;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!c->too_large && c->body.len + *upload_data_size > s->body_limit) {
			c->too_large = true;
			sbx_buf_free(&c->body);
		}
		if (!c->too_large)
			sbx_buf_add(&c->body, upload_data, *upload_data_size);
		else if ((c->discarded += *upload_data_size) > (size_t)DISCARD_MAX)
			return MHD_NO;
		*upload_data_size = 0;
		return MHD_YES;
	}
	memset(&rq, 0, sizeof rq);
	rq.method = method;
	rq.path = url;
	MHD_get_connection_values(con, MHD_HEADER_KIND, add_kv, &rq);
	MHD_get_connection_values(con, MHD_GET_ARGUMENT_KIND, add_kv, &rq);
	rq.body = c->body.p;
	rq.body_len = c->body.len;
	rq.body_too_large = c->too_large;
	rq.loopback = is_loopback(con);

	api = strncmp(url, "/_sandbox", 9) != 0;
	memset(&plan, 0, sizeof plan);
	if (api)
		sbx_faults_plan(s->faults, &plan);
	if (plan.stall) {
		/* a server that hangs: nothing done, nothing said, until the
		 * stall is switched off; then the connection just closes */
		while (!atomic_load(&s->stopping) && sbx_faults_stalled(s->faults))
			nap(s, 50);
		return MHD_NO;
	}
	sbx_reply_init(&rp);
	if (plan.fail_status) {
		/* Refused before any work, as an overloaded gateway would. */
		if (s->dialect == SBX_DIALECT_PORTAL)
			sbx_portal_fault(&rp, plan.fail_status);
		else
			sbx_reply_error(&rp, plan.fail_status, "injected_fault", NULL,
					"fault injected by motcua-sandbox (fail_rate); nothing was done, retry later");
		sbx_reply_header(&rp, "Retry-After", "1");
	} else {
		sbx_dispatch(s, &rq, &rp);
	}
	ok = send_reply(s, con, &rq, &rp, &plan, api, c);
	sbx_reply_free(&rp);
	return ok;
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct conn *c = *con_cls;

	(void)cls;
	(void)con;
	(void)toe;
	if (c) {
		sbx_buf_free(&c->body);
		free(c);
		*con_cls = NULL;
	}
}

/* libmicrohttpd's own messages (malformed HTTP it answered itself, ...)
 * go to stderr with --log only: a training console stays quiet. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	const struct sbx *s = cls;

	if (!s->log_requests)
		return;
	fputs("motcua-sandbox: http: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* Split "host:port" / "[v6]:port". */
static int split_listen(const char *addr, char *host, size_t hsz, char *port,
			size_t psz, struct err *e)
{
	const char *colon;
	size_t hl;

	if (addr[0] == '[') {
		const char *close = strchr(addr, ']');

		if (!close || close[1] != ':')
			goto bad;
		hl = (size_t)(close - addr - 1);
		if (hl == 0 || hl >= hsz)
			goto bad;
		memcpy(host, addr + 1, hl);
		host[hl] = '\0';
		colon = close + 1;
	} else {
		colon = strrchr(addr, ':');
		if (!colon || colon == addr)
			goto bad;
		hl = (size_t)(colon - addr);
		if (hl >= hsz || memchr(addr, ':', hl))
			goto bad;
		memcpy(host, addr, hl);
		host[hl] = '\0';
	}
	{
		int64_t p;

		if (sbx_parse_int(colon + 1, 0, 65535, &p) < 0)
			goto bad;
		snprintf(port, psz, "%lld", (long long)p);
	}
	return 0;
bad:
	return err_set(e, _("--listen expects HOST:PORT (or [IPv6]:PORT), got \"%s\""), addr);
}

static int open_listener(const char *addr, int *fd_out, int *family, char *url,
			 size_t urlsz, struct err *e)
{
	struct addrinfo hints, *res = NULL;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char host[256], port[8], numhost[INET6_ADDRSTRLEN];
	int fd, one = 1, rc, p;

	if (split_listen(addr, host, sizeof host, port, sizeof port, e) < 0)
		return -1;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0)
		return err_set(e, _("cannot resolve %s: %s"), host, gai_strerror(rc));
	fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
	if (fd < 0) {
		freeaddrinfo(res);
		return err_set(e, _("cannot create a socket: %s"), strerror(errno));
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, res->ai_addr, res->ai_addrlen) < 0 || listen(fd, 128) < 0) {
		err_set(e, _("cannot listen on %s: %s"), addr, strerror(errno));
		freeaddrinfo(res);
		close(fd);
		return -1;
	}
	*family = res->ai_family;
	freeaddrinfo(res);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) < 0) {
		close(fd);
		return err_set(e, "getsockname: %s", strerror(errno));
	}
	if (ss.ss_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;

		inet_ntop(AF_INET6, &in6->sin6_addr, numhost, sizeof numhost);
		p = ntohs(in6->sin6_port);
		snprintf(url, urlsz, "http://[%s]:%d", numhost, p);
	} else {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;

		inet_ntop(AF_INET, &in->sin_addr, numhost, sizeof numhost);
		p = ntohs(in->sin_port);
		snprintf(url, urlsz, "http://%s:%d", numhost, p);
	}
	*fd_out = fd;
	return 0;
}

int sbx_server_start(struct sbx *s, const char *addr, struct sbx_server **out,
		     char *url, size_t urlsz, struct err *e)
{
	struct sbx_server *srv;
	unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	int fd, family;

	if (open_listener(addr, &fd, &family, url, urlsz, e) < 0)
		return -1;
	if (family == AF_INET6)
		flags |= MHD_USE_IPv6;
	srv = xcalloc(1, sizeof *srv);
	srv->s = s;
	srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
		MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)120,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)256,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s,
		MHD_OPTION_END);
	if (!srv->daemon) {
		close(fd);
		free(srv);
		return err_set(e, _("cannot start the HTTP server on %s"), addr);
	}
	*out = srv;
	return 0;
}

void sbx_server_stop(struct sbx_server *srv)
{
	if (!srv)
		return;
	atomic_store(&srv->s->stopping, true);
	MHD_stop_daemon(srv->daemon);
	free(srv);
}
