#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "sbx_faults.h"
#include "sbx_http.h"
#include "sbx_server.h"
#include "sbx_util.h"

#define GZIP_MIN 256		/* smaller replies are not worth compressing */
#define DISCARD_MAX (64L * 1024 * 1024)	/* then an oversized upload is cut */

/* A connection put aside until a time (a fault's delay, the next piece of
 * a capped or dripped body): suspended, so no thread waits for it. */
struct pause {
	struct MHD_Connection *con;
	struct timespec at;	/* CLOCK_MONOTONIC */
	struct pause *next;
};

struct sbx_server {
	struct MHD_Daemon *daemon;
	struct sbx *s;
	/* The paused connections, soonest first, resumed on time by the
	 * waker thread; all of them at once when stopping. */
	pthread_mutex_t lock;
	pthread_cond_t cond;	/* timed on CLOCK_MONOTONIC */
	struct pause *paused;
	bool stopping;
	pthread_t waker;
};

/* One request being received, then its reply until it is queued. */
struct conn {
	struct sb body;
	bool too_large;
	size_t discarded;
	struct timespec start;
	struct MHD_Response *held;	/* the reply, while the latency fault holds it */
	int status;
	size_t plain;			/* the body's size before gzip, for the log */
	bool drop, garbled, failed;
	bool stalled;			/* the stall fault holds it, unanswered */
	struct pause pause;
};

/* How often a stalled request looks whether the stall was switched off. */
#define STALL_CHECK_MS 50

/* A reply body sent under the fault plan: capped, dripped, cut, or
 * trickled without end. */
struct stream {
	struct sbx_server *srv;
	struct MHD_Connection *con;
	char *body;
	size_t len, cut;
	bool drop, drip, trickle;
	long bandwidth;
	int drip_bytes, drip_ms;
	uint64_t dripped;		/* the position whose drip pause is done */
	struct timespec start;
	struct pause pause;
};

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static bool is_due(const struct timespec *at, const struct timespec *now)
{
	return at->tv_sec < now->tv_sec || (at->tv_sec == now->tv_sec && at->tv_nsec <= now->tv_nsec);
}

/* Suspend con (from its own callback) for ms milliseconds; libmicrohttpd
 * calls the callback again once it is resumed. Suspended connections do
 * not time out. */
static void pause_for(struct sbx_server *srv, struct MHD_Connection *con, struct pause *p, long ms)
{
	struct pause **at;

	clock_gettime(CLOCK_MONOTONIC, &p->at);
	p->at.tv_sec += ms / 1000;
	p->at.tv_nsec += ms % 1000 * 1000000L;
	if (p->at.tv_nsec >= 1000000000L) {
		p->at.tv_sec++;
		p->at.tv_nsec -= 1000000000L;
	}
	p->con = con;
	MHD_suspend_connection(con);
	pthread_mutex_lock(&srv->lock);
	if (srv->stopping) {
		/* no pause at shutdown: a suspended connection would stop it */
		pthread_mutex_unlock(&srv->lock);
		MHD_resume_connection(con);
		return;
	}
	for (at = &srv->paused; *at && is_due(&(*at)->at, &p->at); at = &(*at)->next)
		;
	p->next = *at;
	*at = p;
	pthread_cond_signal(&srv->cond);
	pthread_mutex_unlock(&srv->lock);
}

static void *waker(void *arg)
{
	struct sbx_server *srv = arg;
	struct timespec now;

	pthread_mutex_lock(&srv->lock);
	while (!srv->stopping) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (srv->paused && is_due(&srv->paused->at, &now)) {
			struct MHD_Connection *con = srv->paused->con;

			/* once resumed, the connection may end and free its pause */
			srv->paused = srv->paused->next;
			pthread_mutex_unlock(&srv->lock);
			MHD_resume_connection(con);
			pthread_mutex_lock(&srv->lock);
		} else if (srv->paused) {
			pthread_cond_timedwait(&srv->cond, &srv->lock, &srv->paused->at);
		} else {
			pthread_cond_wait(&srv->cond, &srv->lock);
		}
	}
	pthread_mutex_unlock(&srv->lock);
	return NULL;
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *st = cls;
	size_t end = st->drop ? st->cut : st->len, n;
	long wait = 0;

	if (atomic_load(&st->srv->s->stopping))
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (st->trickle && pos >= end) {
		/* JSON may end in blanks: the reply is whole, yet never over */
		if (st->dripped != pos) {
			st->dripped = pos;
			pause_for(st->srv, st->con, &st->pause, st->drip_ms);
			return 0;	/* asked again once resumed */
		}
		n = max < (size_t)st->drip_bytes ? max : (size_t)st->drip_bytes;
		memset(buf, ' ', n);
		return (ssize_t)n;
	}
	if (pos >= end)
		return st->drop ? MHD_CONTENT_READER_END_WITH_ERROR :
				  MHD_CONTENT_READER_END_OF_STREAM;
	if (pos == 0)	/* the cap counts from here, after any delay */
		clock_gettime(CLOCK_MONOTONIC, &st->start);
	n = end - (size_t)pos;
	if (n > max)
		n = max;
	if (st->drip || st->trickle) {
		if (pos > 0 && st->dripped != pos)
			wait = st->drip_ms;
		st->dripped = pos;
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
		if (due > now && (long)((due - now) * 1000.0) + 1 > wait)
			wait = (long)((due - now) * 1000.0) + 1;
	}
	if (wait > 0) {
		pause_for(st->srv, st->con, &st->pause, wait);
		return 0;	/* asked again once resumed */
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

static bool loopback_address(const struct sockaddr *sa)
{
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

static bool is_loopback(struct MHD_Connection *con)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	return ci && ci->client_addr && loopback_address(ci->client_addr);
}

static bool is_json(const struct sbx_reply *rp)
{
	return !strncmp(rp->content_type, "application/json", 16);
}

/* Date tells the sandbox's own clock (--clock, frozen or not), as a real
 * server's tells the clock its records are stamped with: a client may
 * judge by it whether a change could still come within the same second
 * as the newest it saw (client/store/sync.c's probe). Written by hand:
 * strftime's names follow the locale. */
static void add_date(struct MHD_Response *r, struct sbx *s)
{
	static const char days[][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	char v[40];
	time_t t;

	pthread_mutex_lock(&s->lock);	/* the admin endpoint may set the clock */
	t = (time_t)sbx_now(s);
	pthread_mutex_unlock(&s->lock);
	if (!gmtime_r(&t, &tm))
		return;
	snprintf(v, sizeof v, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	MHD_add_response_header(r, "Date", v);
}

static struct MHD_Response *make_response(struct sbx_server *srv, struct MHD_Connection *con,
					  struct sbx_reply *rp, const struct sbx_fault_plan *plan,
					  bool api)
{
	struct MHD_Response *r;

	if (api && rp->body && (plan->bandwidth || plan->drip || plan->drop || plan->trickle)) {
		struct stream *st = xcalloc(1, sizeof *st);

		st->srv = srv;
		st->con = con;
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

/* The reply as a response held in c (c->held stays NULL when it cannot
 * be made), with what the log says of it. */
static void hold_reply(struct sbx_server *srv, struct MHD_Connection *con,
		       const struct sbx_request *rq, struct sbx_reply *rp,
		       const struct sbx_fault_plan *plan, bool api, struct conn *c)
{
	const char *ae = sbx_req_header(rq, "Accept-Encoding");
	struct MHD_Response *r;
	int status = rp->status;

	c->status = status;
	c->plain = rp->len;
	c->drop = plan->drop;
	c->failed = plan->fail_status != 0;
	c->garbled = false;
	if (api && plan->garble && rp->body && is_json(rp)) {
		sbx_faults_garble(plan, &rp->body, &rp->len, rp->content_type,
				  sizeof rp->content_type);
		c->garbled = true;
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
	if (api)
		sbx_faults_count(srv->s->faults, plan, c->garbled);
	if (!(r = make_response(srv, con, rp, plan, api)))
		return;
	if (rp->content_type[0] && status != 304)
		MHD_add_response_header(r, "Content-Type", rp->content_type);
	for (int i = 0; i < rp->nhdr; i++)
		MHD_add_response_header(r, rp->hdr[i].name, rp->hdr[i].value);
	add_date(r, srv->s);
	c->held = r;
}

/* Send the reply held in c and log it. */
static enum MHD_Result queue_held(struct sbx_server *srv, struct MHD_Connection *con,
				  const char *method, const char *url, struct conn *c)
{
	enum MHD_Result ok = MHD_queue_response(con, (unsigned)c->status, c->held);

	MHD_destroy_response(c->held);
	c->held = NULL;
	if (srv->s->log_requests) {
		char *path = xstrdup(url);

		sbx_log_mask(path);	/* /lookup/citizens/{id_number}: personal data */
		fprintf(stderr, "%s %s %d %zu bytes %.1f ms%s%s%s\n", method, path, c->status,
			c->plain, since(&c->start) * 1000.0, c->drop ? " [drop]" : "",
			c->garbled ? " [garble]" : "", c->failed ? " [fail]" : "");
		free(path);
	}
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct sbx_server *srv = cls;
	struct sbx *s = srv->s;
	struct conn *c = *con_cls;
	struct sbx_request rq;
	struct sbx_reply rp;
	struct sbx_fault_plan plan;
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
	if (c->stalled) {	/* back from a stall's pause: still stalled? */
		if (atomic_load(&s->stopping) || !sbx_faults_stalled(s->faults))
			return MHD_NO;
		pause_for(srv, con, &c->pause, STALL_CHECK_MS);
		return MHD_YES;
	}
	if (c->held)	/* back from the latency fault's pause */
		return queue_held(srv, con, method, url, c);
	if (*upload_data_size) {
		if (!c->too_large && c->body.len + *upload_data_size > s->body_limit) {
			c->too_large = true;
			sb_free(&c->body);
		}
		if (!c->too_large)
			sb_add(&c->body, upload_data, *upload_data_size);
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
	rq.body = c->body.s;
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
		c->stalled = true;
		pause_for(srv, con, &c->pause, STALL_CHECK_MS);
		return MHD_YES;
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
	hold_reply(srv, con, &rq, &rp, &plan, api, c);
	sbx_reply_free(&rp);
	if (!c->held)
		return MHD_NO;
	if (api && plan.delay_ms > 0) {
		pause_for(srv, con, &c->pause, plan.delay_ms);
		return MHD_YES;
	}
	return queue_held(srv, con, method, url, c);
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct conn *c = *con_cls;

	(void)cls;
	(void)con;
	(void)toe;
	if (c) {
		sb_free(&c->body);
		if (c->held)	/* cut while held: never sent */
			MHD_destroy_response(c->held);
		free(c);
		*con_cls = NULL;
	}
}

/* libmicrohttpd's own messages (malformed HTTP it answered itself, ...)
 * go to stderr with --log only: a training console stays quiet. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	const struct sbx *s = cls;
	char line[1024];

	if (!s->log_requests)
		return;
	vsnprintf(line, sizeof line, fmt, ap);
	sbx_log_mask(line);
	fprintf(stderr, "motcua-sandbox: http: %s", line);
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

static int open_listener(const char *addr, int *fd_out, int *family, bool *loopback,
			 char *url, size_t urlsz, struct err *e)
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
	if (bind(fd, res->ai_addr, res->ai_addrlen) < 0 || listen(fd, SOMAXCONN) < 0) {
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
	*loopback = loopback_address((struct sockaddr *)&ss);
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

/* Resume every paused connection and end the waker: libmicrohttpd must
 * not be stopped with a connection suspended. */
static void stop_waker(struct sbx_server *srv)
{
	struct pause *p, *next;

	pthread_mutex_lock(&srv->lock);
	srv->stopping = true;
	p = srv->paused;
	srv->paused = NULL;
	pthread_cond_signal(&srv->cond);
	pthread_mutex_unlock(&srv->lock);
	for (; p; p = next) {
		next = p->next;
		MHD_resume_connection(p->con);
	}
	pthread_join(srv->waker, NULL);
}

static void server_free(struct sbx_server *srv)
{
	pthread_cond_destroy(&srv->cond);
	pthread_mutex_destroy(&srv->lock);
	free(srv);
}

int sbx_server_start(struct sbx *s, const char *addr, const struct sbx_server_opts *o,
		     struct sbx_server **out, char *url, size_t urlsz, struct err *e)
{
	struct sbx_server *srv;
	pthread_condattr_t ca;
	/* Event-driven: a few threads serve every connection, so idle or
	 * slow clients cost a socket each, not a thread, and a fault's delay
	 * suspends its connection instead of holding a thread. */
	unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
	unsigned per_address;
	int fd, family;
	bool loopback;

	if (open_listener(addr, &fd, &family, &loopback, url, urlsz, e) < 0)
		return -1;
	if (family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* Every client of a loopback address is this machine's and comes from
	 * the same address: only the total limit applies there. */
	per_address = o->max_per_address >= 0 ? (unsigned)o->max_per_address :
		      loopback ? 0 : SBX_PER_ADDRESS;
	srv = xcalloc(1, sizeof *srv);
	srv->s = s;
	pthread_mutex_init(&srv->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&srv->cond, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&srv->waker, NULL, waker, srv) != 0) {
		close(fd);
		server_free(srv);
		return err_set(e, _("cannot start the HTTP server on %s"), addr);
	}
	srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s,
		MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_THREAD_POOL_SIZE, o->threads,
		MHD_OPTION_CONNECTION_TIMEOUT, o->idle_timeout,
		MHD_OPTION_CONNECTION_LIMIT, o->max_connections,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
		MHD_OPTION_END);
	if (!srv->daemon) {
		stop_waker(srv);
		close(fd);
		server_free(srv);
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
	stop_waker(srv);
	MHD_stop_daemon(srv->daemon);
	server_free(srv);
}
