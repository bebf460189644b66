#include "config.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include "check_main.h"
#include "net/http.h"

/* ---- a real HTTP server on loopback, in this process ---- */

#define MAX_HITS 64

struct hit {
	char url[64];
	int64_t ms;
};

static struct server {
	struct MHD_Daemon *d;
	unsigned short port;
	pthread_mutex_t mu;
	struct hit hits[MAX_HITS];
	int nhits;
	atomic_int stopping;
	char text[20000];
	size_t text_len;
	unsigned char gz[20000];
	size_t gz_len;
} srv = { .mu = PTHREAD_MUTEX_INITIALIZER };

/* A self-signed certificate for 127.0.0.1, valid 2000-2125. */
static const char tls_key[] =
	"-----BEGIN PRIVATE KEY-----\n"
	"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgqVfUfQ98FXWDOYat\n"
	"hF+Dc4GPId6txlc7LD3hBLZyiquhRANCAATWn43YMKJDZUKu3QkjVT+uYTVwFt95\n"
	"GekLu9c+3Eqla3g535Fa+Fh50ZbYie1vUJw4LoozugWbH7ZzYA+niOwH\n"
	"-----END PRIVATE KEY-----\n";
static const char tls_cert[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBXzCCAQagAwIBAgIBATAKBggqhkjOPQQDAjAWMRQwEgYDVQQDDAttb3RjdWEt\n"
	"dGVzdDAgFw0wMDAxMDEwMDAwMDBaGA8yMTI1MDEwMTAwMDAwMFowFjEUMBIGA1UE\n"
	"AwwLbW90Y3VhLXRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATWn43YMKJD\n"
	"ZUKu3QkjVT+uYTVwFt95GekLu9c+3Eqla3g535Fa+Fh50ZbYie1vUJw4LoozugWb\n"
	"H7ZzYA+niOwHo0MwQTAPBgNVHRMBAf8EBTADAQH/MA8GA1UdEQQIMAaHBH8AAAEw\n"
	"HQYDVR0OBBYEFItdWr/47h8lDl4316WnE2CLamg2MAoGCCqGSM49BAMCA0cAMEQC\n"
	"ICb0jnSd1fc54XucrBiijm/k3SMKALfCYKkH3FdFdxdUAiA4wG3V7YavQ6xS+FTO\n"
	"DqdK5NzgdBrFUL0YwJHsr8S6yw==\n"
	"-----END CERTIFICATE-----\n";

static int record_hit(const char *url)
{
	int n = 0;

	pthread_mutex_lock(&srv.mu);
	if (srv.nhits < MAX_HITS) {
		snprintf(srv.hits[srv.nhits].url, sizeof srv.hits[0].url, "%s", url);
		srv.hits[srv.nhits].ms = timer_now_ms();
		srv.nhits++;
	}
	for (int i = 0; i < srv.nhits; i++)
		n += !strcmp(srv.hits[i].url, url);
	pthread_mutex_unlock(&srv.mu);
	return n;
}

static int hits_of(const char *url)
{
	int n = 0;

	pthread_mutex_lock(&srv.mu);
	for (int i = 0; i < srv.nhits; i++)
		n += !strcmp(srv.hits[i].url, url);
	pthread_mutex_unlock(&srv.mu);
	return n;
}

/* Sleep up to ms, in short steps, so stopping the server is never slow. */
static bool nap(int ms)
{
	for (int i = 0; i < ms; i += 10) {
		if (atomic_load(&srv.stopping))
			return false;
		usleep(10000);
	}
	return !atomic_load(&srv.stopping);
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const void *body,
			     size_t len, const char *const *hdrs)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body,
								  MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret;

	for (int i = 0; hdrs && hdrs[i]; i += 2)
		MHD_add_response_header(r, hdrs[i], hdrs[i + 1]);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static long arg_long(struct MHD_Connection *c, const char *name, long dflt)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);

	return v ? atol(v) : dflt;
}

/* /drip: one byte every ?ms= milliseconds */
static ssize_t read_drip(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)pos;
	(void)max;
	if (!nap((int)(long)cls))
		return MHD_CONTENT_READER_END_WITH_ERROR;
	buf[0] = 'd';
	return 1;
}

/* /cut: 100 bytes of the 1000 promised, then the connection drops */
static ssize_t read_cut(void *cls, uint64_t pos, char *buf, size_t max)
{
	size_t n = 100 - (size_t)pos;

	(void)cls;
	if (pos >= 100)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (n > max)
		n = max;
	memset(buf, 'c', n);
	return (ssize_t)n;
}

/* /stall: headers and one byte, then nothing */
static ssize_t read_stall(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)cls;
	(void)max;
	if (pos == 0) {
		buf[0] = 's';
		return 1;
	}
	while (nap(100))
		;
	return MHD_CONTENT_READER_END_WITH_ERROR;
}

static enum MHD_Result stream(struct MHD_Connection *c, uint64_t size,
			      MHD_ContentReaderCallback fn, void *cls)
{
	struct MHD_Response *r = MHD_create_response_from_callback(size, 1024, fn, cls, NULL);
	enum MHD_Result ret = MHD_queue_response(c, 200, r);

	MHD_destroy_response(r);
	return ret;
}

struct upload {
	char body[4096];
	size_t len;
};

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version, const char *data,
			      size_t *data_size, void **ctx)
{
	static const char hello[] = "hello, world\n";
	struct upload *up = *ctx;
	char out[4200];
	int n;

	(void)cls;
	(void)version;
	if (!up) {
		*ctx = calloc(1, sizeof *up);
		return MHD_YES;
	}
	if (*data_size) {
		size_t k = *data_size < sizeof up->body - 1 - up->len ?
			*data_size : sizeof up->body - 1 - up->len;

		memcpy(up->body + up->len, data, k);
		up->len += k;
		*data_size = 0;
		return MHD_YES;
	}
	n = record_hit(url);
	if (!strcmp(url, "/hello"))
		return reply(c, 200, hello, strlen(hello), (const char *[]){
			"ETag", "\"v1\"", "Last-Modified", "Sat, 01 Nov 2025 08:00:00 GMT",
			"Content-Type", "text/plain", "X-Dossier-Count", "42", NULL });
	if (!strcmp(url, "/gzip"))
		return reply(c, 200, srv.gz, srv.gz_len, (const char *[]){
			"Content-Encoding", "gzip", "Content-Type", "text/plain", NULL });
	if (!strncmp(url, "/flaky/", 7)) {
		if (n <= 2)
			return reply(c, 503, "busy", 4, NULL);
		return reply(c, 200, "ok", 2, NULL);
	}
	if (!strcmp(url, "/busy")) {
		char ra[16];

		snprintf(ra, sizeof ra, "%ld", arg_long(c, "ra", 1));
		if (n == 1)
			return reply(c, 429, "slow down", 9, (const char *[]){ "Retry-After", ra, NULL });
		return reply(c, 200, "ok", 2, NULL);
	}
	if (!strcmp(url, "/slow")) {
		if (!nap((int)arg_long(c, "ms", 1000)))
			return MHD_NO;
		return reply(c, 200, "slow", 4, NULL);
	}
	if (!strcmp(url, "/echo")) {
		const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
		const char *key = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Idempotency-Key");
		const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");

		snprintf(out, sizeof out, "%s %s %s %s %.*s", method, ct ? ct : "-", key ? key : "-",
			 ua ? ua : "-", (int)up->len, up->body);
		return reply(c, 200, out, strlen(out), NULL);
	}
	if (!strncmp(url, "http://", 7))	/* we are someone's proxy */
		return reply(c, 200, "proxied", 7, NULL);
	if (!strcmp(url, "/drip"))
		return stream(c, 100, read_drip, (void *)arg_long(c, "ms", 1000));
	if (!strcmp(url, "/cut"))
		return stream(c, 1000, read_cut, NULL);
	if (!strcmp(url, "/stall"))
		return stream(c, 10, read_stall, NULL);
	return reply(c, 404, "no", 2, NULL);
}

static void completed(void *cls, struct MHD_Connection *c, void **ctx,
		      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	free(*ctx);
	*ctx = NULL;
}

static struct MHD_Daemon *daemon_start(bool tls, unsigned short *port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	struct MHD_Daemon *d;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION;

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (tls)
		d = MHD_start_daemon(flags | MHD_USE_TLS, 0, NULL, NULL, handle, NULL,
				     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
				     MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				     MHD_OPTION_HTTPS_MEM_KEY, tls_key,
				     MHD_OPTION_HTTPS_MEM_CERT, tls_cert, MHD_OPTION_END);
	else
		d = MHD_start_daemon(flags, 0, NULL, NULL, handle, NULL,
				     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
				     MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_END);
	ck_assert_ptr_nonnull(d);
	*port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;
	ck_assert_uint_ne(*port, 0);
	return d;
}

static void gzip_text(void)
{
	z_stream z = { 0 };

	srv.text_len = 0;
	for (int i = 0; srv.text_len + 64 < sizeof srv.text; i++)
		srv.text_len += (size_t)snprintf(srv.text + srv.text_len, 64,
						 "hồ sơ %05d: đã tiếp nhận, chờ xử lý\n", i);
	ck_assert_int_eq(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)srv.text;
	z.avail_in = (unsigned)srv.text_len;
	z.next_out = srv.gz;
	z.avail_out = sizeof srv.gz;
	ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	srv.gz_len = z.total_out;
	deflateEnd(&z);
}

static void server_up(void)
{
	srv.nhits = 0;
	atomic_store(&srv.stopping, 0);
	gzip_text();
	srv.d = daemon_start(false, &srv.port);
}

static void server_down(void)
{
	atomic_store(&srv.stopping, 1);
	MHD_stop_daemon(srv.d);
	srv.d = NULL;
}

/* ---- the client side ---- */

static int seq;	/* completion order across requests */

struct got {
	int calls, order;
	struct http_resp r;
	char body[32768];
	char msg[512];
	char etag[64];
	char count[16];
	const char *url;	/* for chaining */
	struct http *h;
};

static void on_done(void *arg, const struct http_resp *r)
{
	struct got *g = arg;
	const char *v;

	g->calls++;
	g->order = ++seq;
	g->r = *r;
	g->r.headers = NULL;
	g->r.body = NULL;
	g->r.msg = NULL;
	ck_assert_ptr_nonnull(r->body);
	ck_assert_ptr_nonnull(r->msg);
	ck_assert_uint_lt(r->body_len, sizeof g->body);
	memcpy(g->body, r->body, r->body_len);
	g->body[r->body_len] = '\0';
	snprintf(g->msg, sizeof g->msg, "%s", r->msg);
	if ((v = http_resp_header(r, "etag")))
		snprintf(g->etag, sizeof g->etag, "%s", v);
	if ((v = http_resp_header(r, "x-dossier-count")))
		snprintf(g->count, sizeof g->count, "%s", v);
}

struct client {
	struct loop l;
	struct http *h;
	struct http_opts o;
	struct err e;
};

/* Defaults fit for loopback tests: no proxy from the environment, a fixed
 * seed, short backoff. */
static void client_opts(struct client *c)
{
	http_opts_init(&c->o);
	c->o.proxy = "";
	c->o.seed = 42;
	c->o.backoff_base_ms = 20;
	c->o.backoff_cap_ms = 200;
	c->o.connect_timeout_ms = 2000;
}

static void client_up(struct client *c)
{
	seq = 0;
	ck_assert_int_eq(loop_init(&c->l, &c->e), 0);
	c->h = http_new(&c->l, &c->o, &c->e);
	ck_assert_msg(c->h != NULL, "%s", c->e.msg);
}

static void client_down(struct client *c)
{
	http_free(c->h);
	loop_free(&c->l);
}

static void url_of(char *buf, size_t n, unsigned short port, const char *path)
{
	snprintf(buf, n, "http://127.0.0.1:%u%s", port, path);
}

static unsigned send_req(struct client *c, struct http_req q, const char *path, struct got *g)
{
	char url[256];
	unsigned id;

	url_of(url, sizeof url, srv.port, path);
	q.url = url;
	q.done = on_done;
	q.arg = g;
	id = http_send(c->h, &q, &c->e);
	ck_assert_msg(id != 0, "%s", c->e.msg);
	ck_assert_int_eq(g->calls, 0);	/* never from inside http_send */
	return id;
}

static unsigned get(struct client *c, const char *path, struct got *g)
{
	return send_req(c, (struct http_req){ 0 }, path, g);
}

static void wait_for(struct client *c, unsigned id, int ms)
{
	ck_assert_msg(http_wait(c->h, id, ms, &c->e) == 0, "%s", c->e.msg);
}

static void idle(struct client *c, int ms)
{
	ck_assert_msg(http_run_until_idle(c->h, ms, &c->e) == 0, "%s", c->e.msg);
}

START_TEST(get_body_and_headers)
{
	struct client c;
	struct got g = { 0 };
	struct http_stats st;
	unsigned id;

	client_opts(&c);
	client_up(&c);
	id = get(&c, "/hello", &g);
	ck_assert(http_pending(c.h, id));
	wait_for(&c, id, 2000);
	ck_assert(!http_pending(c.h, id));
	ck_assert_int_eq(g.calls, 1);
	ck_assert_uint_eq(g.r.id, id);
	ck_assert_int_eq(g.r.error, HTTP_E_NONE);
	ck_assert(http_resp_ok(&g.r));
	ck_assert_int_eq(g.r.status, 200);
	ck_assert_str_eq(g.body, "hello, world\n");
	ck_assert_str_eq(g.msg, "");
	ck_assert_str_eq(g.etag, "\"v1\"");
	ck_assert_str_eq(g.count, "42");
	ck_assert_int_eq(g.r.attempts, 1);
	ck_assert_int_gt(g.r.ttfb_us, 0);
	ck_assert_int_ge(g.r.total_us, g.r.ttfb_us);
	ck_assert_uint_gt(g.r.wire_in, g.r.body_len);
	ck_assert_uint_gt(g.r.wire_out, 0);
	ck_assert(!g.r.reused);
	http_get_stats(c.h, &st);
	ck_assert_uint_eq(st.requests, 1);
	ck_assert_uint_eq(st.attempts, 1);
	ck_assert_uint_eq(st.connects, 1);
	ck_assert_uint_eq(st.wire_in, g.r.wire_in);
	ck_assert_uint_eq(st.wire_out, g.r.wire_out);
	ck_assert_int_gt(st.ttfb_ewma_us, 0);
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_ONLINE);
	client_down(&c);
}
END_TEST

START_TEST(gzip_is_decoded_and_counted_compressed)
{
	struct client c;
	struct got g = { 0 };

	client_opts(&c);
	client_up(&c);
	wait_for(&c, get(&c, "/gzip", &g), 2000);
	ck_assert_int_eq(g.r.status, 200);
	ck_assert_uint_eq(g.r.body_len, srv.text_len);
	ck_assert(memcmp(g.body, srv.text, srv.text_len) == 0);
	/* what crossed the wire is the compressed reply plus headers */
	ck_assert_uint_gt(g.r.wire_in, srv.gz_len);
	ck_assert_uint_lt(g.r.wire_in, srv.gz_len + 1024);
	ck_assert_uint_lt(g.r.wire_in, g.r.body_len / 4);
	client_down(&c);
}
END_TEST

START_TEST(connection_is_reused)
{
	struct client c;
	struct got a = { 0 }, b = { 0 };
	struct http_stats st;

	client_opts(&c);
	client_up(&c);
	wait_for(&c, get(&c, "/hello", &a), 2000);
	wait_for(&c, get(&c, "/hello", &b), 2000);
	ck_assert(!a.r.reused);
	ck_assert(b.r.reused);
	http_get_stats(c.h, &st);
	ck_assert_uint_eq(st.connects, 1);
	client_down(&c);
}
END_TEST

START_TEST(get_retried_after_503)
{
	struct client c;
	struct got g = { 0 };
	struct http_stats st;

	client_opts(&c);
	client_up(&c);
	wait_for(&c, get(&c, "/flaky/get", &g), 3000);
	ck_assert_int_eq(g.calls, 1);
	ck_assert_int_eq(g.r.status, 200);
	ck_assert_str_eq(g.body, "ok");
	ck_assert_int_eq(g.r.attempts, 3);
	ck_assert_int_eq(hits_of("/flaky/get"), 3);
	http_get_stats(c.h, &st);
	ck_assert_uint_eq(st.retries, 2);
	ck_assert_uint_eq(st.attempts, 3);
	ck_assert_uint_eq(st.failures, 0);
	client_down(&c);
}
END_TEST

START_TEST(retries_give_up_with_the_last_reply)
{
	struct client c;
	struct got g = { 0 };

	client_opts(&c);
	client_up(&c);
	wait_for(&c, send_req(&c, (struct http_req){ .max_attempts = 2 }, "/flaky/two", &g), 3000);
	ck_assert_int_eq(g.r.error, HTTP_E_NONE);
	ck_assert_int_eq(g.r.status, 503);
	ck_assert(!http_resp_ok(&g.r));
	ck_assert_str_eq(g.body, "busy");
	ck_assert_int_eq(g.r.attempts, 2);
	client_down(&c);
}
END_TEST

START_TEST(post_without_key_is_not_retried)
{
	struct client c;
	struct got g = { 0 };

	client_opts(&c);
	client_up(&c);
	wait_for(&c, send_req(&c, (struct http_req){ .method = "POST", .body = "x", .body_len = 1 },
			      "/flaky/post", &g), 3000);
	ck_assert_int_eq(g.r.status, 503);
	ck_assert_int_eq(g.r.attempts, 1);
	ck_assert_int_eq(hits_of("/flaky/post"), 1);
	client_down(&c);
}
END_TEST

START_TEST(post_with_key_is_retried)
{
	struct client c;
	struct got g = { 0 }, h = { 0 };

	client_opts(&c);
	client_up(&c);
	send_req(&c, (struct http_req){
		.method = "POST", .body = "{}", .body_len = 2, .content_type = "application/json",
		.headers = (const char *[]){ "Idempotency-Key: 7f3a", NULL } }, "/flaky/keyed", &g);
	/* the caller may also vouch for an API with its own key header */
	send_req(&c, (struct http_req){ .method = "put", .idempotent = true }, "/flaky/put", &h);
	idle(&c, 3000);
	ck_assert_int_eq(g.r.status, 200);
	ck_assert_int_eq(g.r.attempts, 3);
	ck_assert_int_eq(hits_of("/flaky/keyed"), 3);
	ck_assert_int_eq(h.r.status, 200);
	ck_assert_int_eq(h.r.attempts, 3);
	client_down(&c);
}
END_TEST

START_TEST(post_body_headers_and_head)
{
	struct client c;
	struct got g = { 0 }, h = { 0 };
	static const char body[] = "{\"ma_ho_so\":\"000.00.01.H12-250101-0001\"}";

	client_opts(&c);
	client_up(&c);
	send_req(&c, (struct http_req){
		.method = "POST", .body = body, .body_len = strlen(body),
		.content_type = "application/json",
		.headers = (const char *[]){ "Idempotency-Key: k-1", NULL } }, "/echo", &g);
	send_req(&c, (struct http_req){ .method = "HEAD" }, "/hello", &h);
	idle(&c, 2000);
	ck_assert_int_eq(g.r.status, 200);
	ck_assert_str_eq(g.body, "POST application/json k-1 motcua/" PACKAGE_VERSION
			 " {\"ma_ho_so\":\"000.00.01.H12-250101-0001\"}");
	ck_assert_uint_gt(g.r.wire_out, strlen(body));
	ck_assert_int_eq(h.r.status, 200);
	ck_assert_uint_eq(h.r.body_len, 0);
	ck_assert_str_eq(h.etag, "\"v1\"");
	client_down(&c);
}
END_TEST

START_TEST(retry_after_is_honoured)
{
	struct client c;
	struct got g = { 0 };
	int64_t gap;

	client_opts(&c);
	c.o.backoff_cap_ms = 2000;	/* Retry-After beyond the cap is not waited for */
	client_up(&c);
	wait_for(&c, get(&c, "/busy?ra=1", &g), 3000);
	ck_assert_int_eq(g.r.status, 200);
	ck_assert_int_eq(g.r.attempts, 2);
	ck_assert_int_eq(srv.nhits, 2);
	gap = srv.hits[1].ms - srv.hits[0].ms;
	ck_assert_msg(gap >= 980 && gap < 2500, "second attempt after %lld ms", (long long)gap);
	ck_assert_int_ge(g.r.elapsed_ms, 980);
	client_down(&c);
}
END_TEST

START_TEST(long_retry_after_is_left_to_the_caller)
{
	struct client c;
	struct got g = { 0 };

	client_opts(&c);
	client_up(&c);
	wait_for(&c, get(&c, "/busy?ra=120", &g), 2000);
	ck_assert_int_eq(g.r.status, 429);
	ck_assert_int_eq(g.r.attempts, 1);
	ck_assert_int_lt(g.r.elapsed_ms, 1000);
	client_down(&c);
}
END_TEST

static void cancel_later(void *arg)
{
	struct got *g = arg;

	ck_assert(http_cancel(g->h, g->r.id));
}

START_TEST(cancel_a_running_request)
{
	struct client c;
	struct got g = { 0 };
	unsigned id;

	client_opts(&c);
	client_up(&c);
	id = get(&c, "/slow?ms=3000", &g);
	g.h = c.h;
	g.r.id = id;
	loop_timer(&c.l, 100, cancel_later, &g);
	wait_for(&c, id, 2000);
	ck_assert_int_eq(g.calls, 1);
	ck_assert_int_eq(g.r.error, HTTP_E_CANCELLED);
	ck_assert_str_eq(g.msg, "cancelled");
	ck_assert_int_lt(g.r.elapsed_ms, 1000);
	ck_assert(!http_cancel(c.h, id));
	client_down(&c);
	ck_assert_int_eq(g.calls, 1);
}
END_TEST

START_TEST(cancel_queued_waiting_and_all)
{
	struct client c;
	struct got slow = { 0 }, queued = { 0 }, flaky = { 0 }, last = { 0 };
	unsigned q, f;
	struct http_stats st;

	client_opts(&c);
	c.o.max_background = 1;
	c.o.backoff_base_ms = c.o.backoff_cap_ms = 5000;
	client_up(&c);
	send_req(&c, (struct http_req){ .prio = HTTP_BACKGROUND }, "/slow?ms=3000", &slow);
	q = send_req(&c, (struct http_req){ .prio = HTTP_BACKGROUND }, "/hello", &queued);
	f = get(&c, "/flaky/wait", &flaky);
	/* the queued one goes at once, its callback before http_cancel returns */
	ck_assert(http_cancel(c.h, q));
	ck_assert_int_eq(queued.calls, 1);
	ck_assert_int_eq(queued.r.error, HTTP_E_CANCELLED);
	ck_assert_int_eq(queued.r.attempts, 0);
	/* let the flaky one fail once and wait for its retry */
	while (hits_of("/flaky/wait") < 1)
		ck_assert_int_eq(loop_once(&c.l, 50, &c.e), 0);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(loop_once(&c.l, 10, &c.e), 0);
	ck_assert(http_pending(c.h, f));
	ck_assert_int_eq(http_active(c.h), 2);
	ck_assert_uint_eq(http_cancel_all(c.h), 2);
	ck_assert_int_eq(http_active(c.h), 0);
	ck_assert_int_eq(slow.calls, 1);
	ck_assert_int_eq(flaky.calls, 1);
	ck_assert_int_eq(flaky.r.error, HTTP_E_CANCELLED);
	ck_assert_int_eq(flaky.r.attempts, 1);
	ck_assert_int_eq(flaky.r.status, 503);
	/* and the transport still works after */
	wait_for(&c, get(&c, "/hello", &last), 2000);
	ck_assert_int_eq(last.r.status, 200);
	http_get_stats(c.h, &st);
	ck_assert_uint_eq(st.cancelled, 3);
	client_down(&c);
}
END_TEST

START_TEST(free_cancels_everything)
{
	struct client c;
	struct got a = { 0 }, b = { 0 };

	client_opts(&c);
	client_up(&c);
	get(&c, "/slow?ms=3000", &a);
	send_req(&c, (struct http_req){ .prio = HTTP_BACKGROUND }, "/slow?ms=3000", &b);
	ck_assert_int_eq(loop_once(&c.l, 50, &c.e), 0);
	client_down(&c);
	ck_assert_int_eq(a.calls, 1);
	ck_assert_int_eq(b.calls, 1);
	ck_assert_int_eq(a.r.error, HTTP_E_CANCELLED);
	ck_assert_int_eq(b.r.error, HTTP_E_CANCELLED);
}
END_TEST

static enum http_link links[8];
static int nlinks;

static void on_link(void *arg, enum http_link link)
{
	(void)arg;
	if (nlinks < 8)
		links[nlinks++] = link;
}

START_TEST(refused_connection_is_reported_and_down)
{
	struct client c;
	struct got g = { 0 }, ok = { 0 };
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	char url[64], want[128];

	/* bound but not listening: the port is ours and refuses */
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	client_opts(&c);
	c.o.on_link = on_link;
	nlinks = 0;
	client_up(&c);
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_UNKNOWN);
	url_of(url, sizeof url, ntohs(sa.sin_port), "/");
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){ .url = url, .done = on_done, .arg = &g },
				    &c.e), 0);
	idle(&c, 3000);
	ck_assert_int_eq(g.calls, 1);
	ck_assert_int_eq(g.r.error, HTTP_E_REFUSED);
	ck_assert_int_eq(g.r.status, 0);
	ck_assert_int_eq(g.r.attempts, 4);
	snprintf(want, sizeof want,
		 "could not connect to 127.0.0.1:%u: connection refused (after 4 attempts)",
		 ntohs(sa.sin_port));
	ck_assert_str_eq(g.msg, want);
	/* the host answered that nothing listens: down, not offline */
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_DOWN);
	wait_for(&c, get(&c, "/hello", &ok), 2000);
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_ONLINE);
	ck_assert_int_eq(nlinks, 2);
	ck_assert_int_eq(links[0], HTTP_LINK_DOWN);
	ck_assert_int_eq(links[1], HTTP_LINK_ONLINE);
	client_down(&c);
	close(fd);
}
END_TEST

/* TLS spoken to a port that speaks plain HTTP: a failure of the secure
 * connection, with a peer that answered; never offline. */
START_TEST(tls_failure_is_not_offline)
{
	struct client c;
	struct got g = { 0 };
	char url[64];

	client_opts(&c);
	client_up(&c);
	snprintf(url, sizeof url, "https://127.0.0.1:%u/hello", srv.port);
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){ .url = url, .done = on_done, .arg = &g },
				    &c.e), 0);
	idle(&c, 10000);
	ck_assert_int_eq(g.calls, 1);
	ck_assert_int_eq(g.r.error, HTTP_E_TLS);
	ck_assert_int_ne(http_link_state(c.h), HTTP_LINK_OFFLINE);
	ck_assert_int_ne(http_link_state(c.h), HTTP_LINK_DOWN);
	client_down(&c);
}
END_TEST

START_TEST(connection_closed_mid_body)
{
	struct client c;
	struct got g = { 0 };
	char want[128];

	client_opts(&c);
	client_up(&c);
	wait_for(&c, get(&c, "/cut", &g), 3000);
	ck_assert_int_eq(g.r.error, HTTP_E_BROKEN);
	ck_assert_int_eq(g.r.attempts, 4);
	snprintf(want, sizeof want, "the connection to 127.0.0.1:%u broke before the reply "
		 "was complete (after 4 attempts)", srv.port);
	ck_assert_str_eq(g.msg, want);
	/* the server did answer: slow or flaky, but not offline */
	ck_assert_int_ne(http_link_state(c.h), HTTP_LINK_OFFLINE);
	client_down(&c);
}
END_TEST

START_TEST(low_speed_limit)
{
	struct client c;
	struct got stall = { 0 }, drip = { 0 };

	client_opts(&c);
	c.o.low_speed_bytes = 100;
	c.o.low_speed_secs = 1;
	client_up(&c);
	/* together: each waits a second at least, a few more at most
	 * (libcurl averages the speed over up to 5 s, so the limit bites
	 * late), never its 30 s attempt */
	send_req(&c, (struct http_req){ .max_attempts = 1 }, "/stall", &stall);
	send_req(&c, (struct http_req){ .max_attempts = 1 }, "/drip?ms=200", &drip);
	idle(&c, 8000);
	ck_assert_int_eq(stall.r.error, HTTP_E_TIMEOUT);
	ck_assert_int_eq(stall.r.status, 200);
	/* libcurl's average lags: the silence said is the one measured */
	ck_assert_msg(!strncmp(stall.msg, "the server stopped answering (no data for ", 42) &&
		      strstr(stall.msg, " s): gave up on GET /stall"), "%s", stall.msg);
	ck_assert_int_ge(stall.r.elapsed_ms, 900);
	ck_assert_int_lt(stall.r.elapsed_ms, 7000);
	ck_assert_int_eq(drip.r.error, HTTP_E_TIMEOUT);
	ck_assert_str_eq(drip.msg, "the server sent too little (under 100 bytes in 1 s): "
			 "gave up on GET /drip");
	ck_assert_int_lt(drip.r.elapsed_ms, 7000);
	client_down(&c);
}
END_TEST

START_TEST(each_attempt_and_the_request_have_a_deadline)
{
	struct client c;
	struct got g = { 0 };

	client_opts(&c);
	c.o.timeout_ms = 600;
	c.o.deadline_ms = 1000;
	client_up(&c);
	/* 20 bytes/s, 100 bytes: never over by itself in time, and far above
	 * the stall limit */
	wait_for(&c, get(&c, "/drip?ms=50", &g), 5000);
	ck_assert_int_eq(g.r.error, HTTP_E_TIMEOUT);
	ck_assert_int_eq(g.r.status, 200);
	/* 600 ms, then what is left of the second (half an attempt fits in
	 * it, no more) */
	ck_assert_int_eq(g.r.attempts, 2);
	ck_assert_int_lt(g.r.elapsed_ms, 1600);
	ck_assert_str_eq(g.msg, "the server did not finish its reply within 1 s: "
			 "gave up on GET /drip (after 2 attempts)");
	ck_assert_int_gt(g.r.deadline_ms, 0);
	client_down(&c);
}
END_TEST

/* `set request-timeout` at the ':' line: the next request has the new
 * limits, without a new transport. */
START_TEST(a_new_timeout_for_the_next_requests)
{
	struct client c;
	struct got g = { 0 };

	client_opts(&c);
	client_up(&c);	/* 30 s an attempt: the 20 s reply would come */
	http_set_timeout(c.h, 300);
	wait_for(&c, get(&c, "/slow?ms=20000", &g), 5000);
	ck_assert_int_eq(g.r.error, HTTP_E_TIMEOUT);
	ck_assert_int_eq(g.r.attempts, 2);	/* 300 ms, then what is left of 600 */
	ck_assert_str_eq(g.msg, "the server did not answer within 1 s: gave up on GET /slow "
			 "(after 2 attempts)");
	client_down(&c);
}
END_TEST

START_TEST(a_deadline_given_is_kept)
{
	struct client c;
	struct got late = { 0 }, gone = { 0 };

	client_opts(&c);
	client_up(&c);
	/* the default attempt (30 s) and request (60 s) limits are far off:
	 * the deadline of the request (a re-login's repeat) ends it */
	send_req(&c, (struct http_req){ .deadline_ms = timer_now_ms() + 400 }, "/slow?ms=20000", &late);
	/* and one already past never goes out */
	send_req(&c, (struct http_req){ .deadline_ms = timer_now_ms() - 1 }, "/hello", &gone);
	idle(&c, 5000);
	ck_assert_int_eq(late.r.error, HTTP_E_TIMEOUT);
	ck_assert_int_eq(late.r.attempts, 1);
	ck_assert_int_lt(late.r.elapsed_ms, 2000);
	ck_assert_str_eq(late.msg, "the server did not answer within 1 s: gave up on GET /slow");
	ck_assert_int_eq(gone.r.error, HTTP_E_TIMEOUT);
	ck_assert_int_eq(gone.r.attempts, 0);
	ck_assert_str_eq(gone.msg, "gave up on GET /hello: its time ran out before it could be sent");
	ck_assert_int_eq(hits_of("/hello"), 0);
	client_down(&c);
}
END_TEST

START_TEST(fail_fast_after_a_request_timed_out)
{
	struct client c;
	struct got a = { 0 }, b = { 0 }, d = { 0 };

	client_opts(&c);
	c.o.fail_fast = true;
	c.o.timeout_ms = 300;
	client_up(&c);
	/* a reply with a status is no reason to stop */
	wait_for(&c, get(&c, "/nothing-here", &d), 3000);
	ck_assert_int_eq(d.r.status, 404);
	wait_for(&c, get(&c, "/slow?ms=20000", &a), 3000);
	ck_assert_int_eq(a.r.error, HTTP_E_TIMEOUT);
	/* the next one gets the same failure at once, and never goes out */
	wait_for(&c, get(&c, "/hello", &b), 3000);
	ck_assert_int_eq(b.r.error, HTTP_E_TIMEOUT);
	ck_assert_int_eq(b.r.attempts, 0);
	ck_assert_str_eq(b.msg, a.msg);
	ck_assert_int_eq(hits_of("/hello"), 0);
	client_down(&c);
}
END_TEST

START_TEST(environment_proxy_is_used)
{
	struct client c;
	struct got g = { 0 };
	char proxy[64];

	/* the default: libcurl reads http_proxy and friends itself */
	url_of(proxy, sizeof proxy, srv.port, "");
	setenv("http_proxy", proxy, 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	client_opts(&c);
	c.o.proxy = NULL;
	client_up(&c);
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){
		.url = "http://motcua.invalid/hello", .done = on_done, .arg = &g }, &c.e), 0);
	idle(&c, 2000);
	unsetenv("http_proxy");
	ck_assert_int_eq(g.r.error, HTTP_E_NONE);
	ck_assert_str_eq(g.body, "proxied");
	ck_assert_int_eq(hits_of("http://motcua.invalid/hello"), 1);
	client_down(&c);
}
END_TEST

START_TEST(body_limit)
{
	struct client c;
	struct got g = { 0 }, h = { 0 };
	char want[128];

	client_opts(&c);
	c.o.max_body = 1000;
	client_up(&c);
	/* decoded size counts: a small gzip cannot smuggle a big body */
	get(&c, "/gzip", &g);
	/* and a declared length fails before the body comes */
	send_req(&c, (struct http_req){ 0 }, "/hello", &h);
	idle(&c, 2000);
	ck_assert_int_eq(g.r.error, HTTP_E_TOO_BIG);
	ck_assert_int_eq(g.r.attempts, 1);
	snprintf(want, sizeof want, "the reply from 127.0.0.1:%u is larger than the limit (1000 bytes)",
		 srv.port);
	ck_assert_str_eq(g.msg, want);
	ck_assert_int_eq(h.r.error, HTTP_E_NONE);
	client_down(&c);

	client_opts(&c);
	c.o.max_body = 4;
	client_up(&c);
	memset(&h, 0, sizeof h);
	wait_for(&c, get(&c, "/hello", &h), 2000);
	ck_assert_int_eq(h.r.error, HTTP_E_TOO_BIG);
	ck_assert_int_eq(h.r.attempts, 1);
	client_down(&c);
}
END_TEST

START_TEST(interactive_overtakes_background)
{
	struct client c;
	struct got slow = { 0 }, queued = { 0 }, now = { 0 };

	client_opts(&c);
	c.o.max_background = 1;
	client_up(&c);
	send_req(&c, (struct http_req){ .prio = HTTP_BACKGROUND }, "/slow?ms=300", &slow);
	send_req(&c, (struct http_req){ .prio = HTTP_BACKGROUND }, "/hello", &queued);
	ck_assert_int_eq(loop_once(&c.l, 20, &c.e), 0);
	get(&c, "/echo", &now);
	idle(&c, 3000);
	ck_assert_int_eq(now.order, 1);
	ck_assert_int_eq(slow.order, 2);
	ck_assert_int_eq(queued.order, 3);
	ck_assert_int_lt(now.r.elapsed_ms, 250);
	/* the queued one did not even start before the slot was free */
	ck_assert_int_eq(srv.nhits, 3);
	ck_assert_str_eq(srv.hits[2].url, "/hello");
	ck_assert_int_ge(queued.r.elapsed_ms, 290);
	client_down(&c);
}
END_TEST

static void chain(void *arg, const struct http_resp *r)
{
	struct got *g = arg;
	struct err e;

	on_done(g, r);
	if (g->url) {
		struct got *next = g + 1;

		ck_assert_uint_ne(http_send(g->h, &(struct http_req){
			.url = g->url, .done = on_done, .arg = next }, &e), 0);
		ck_assert_int_eq(next->calls, 0);
	}
}

START_TEST(send_from_a_callback)
{
	struct client c;
	struct got g[2] = { { 0 } };
	char url[128];

	client_opts(&c);
	client_up(&c);
	url_of(url, sizeof url, srv.port, "/gzip");
	g[0].url = url;
	g[0].h = c.h;
	url_of(url + 64, 64, srv.port, "/hello");
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){
		.url = url + 64, .done = chain, .arg = &g[0] }, &c.e), 0);
	idle(&c, 2000);
	ck_assert_int_eq(g[0].calls, 1);
	ck_assert_int_eq(g[1].calls, 1);
	ck_assert_int_eq(g[1].r.status, 200);
	ck_assert_uint_eq(g[1].r.body_len, srv.text_len);
	client_down(&c);
}
END_TEST

START_TEST(bad_requests)
{
	struct client c;
	struct got g = { 0 }, h = { 0 };
	struct loop other;
	struct err e;

	client_opts(&c);
	client_up(&c);
	/* unusable in itself: refused at once, no callback */
	ck_assert_uint_eq(http_send(c.h, &(struct http_req){ .done = on_done, .arg = &g }, &e), 0);
	ck_assert_str_eq(e.msg, "a request without an address (URL)");
	ck_assert_uint_eq(http_send(c.h, &(struct http_req){ .url = "http://x/" }, &e), 0);
	/* bad addresses come back through the callback, not retried */
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){
		.url = "http://[::1/", .done = on_done, .arg = &g }, &e), 0);
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){
		.url = "file:///etc/passwd", .done = on_done, .arg = &h }, &e), 0);
	ck_assert_int_eq(g.calls + h.calls, 0);
	idle(&c, 2000);
	ck_assert_int_eq(g.r.error, HTTP_E_REQUEST);
	ck_assert_int_eq(g.r.attempts, 1);
	ck_assert_str_eq(g.msg, "invalid address (URL): http://[::1/");
	ck_assert_int_eq(h.r.error, HTTP_E_REQUEST);
	ck_assert_str_eq(h.body, "");
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_UNKNOWN);
	/* one transport per loop */
	ck_assert_ptr_null(http_new(&c.l, NULL, &e));
	client_down(&c);
	ck_assert_int_eq(loop_init(&other, &e), 0);
	http_free(http_new(&other, NULL, &e));
	ck_assert_ptr_null(other.after_poll);
	loop_free(&other);
}
END_TEST

static void check_slow(void *arg)
{
	struct client *c = arg;

	/* the reply has not come yet, but the clerk is already waiting */
	ck_assert_int_eq(http_link_state(c->h), HTTP_LINK_SLOW);
}

START_TEST(slow_link)
{
	struct client c;
	struct got a = { 0 }, b = { 0 };
	struct http_stats st;

	client_opts(&c);
	c.o.slow_ttfb_ms = 80;
	client_up(&c);
	wait_for(&c, get(&c, "/hello", &a), 2000);
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_ONLINE);
	get(&c, "/slow?ms=300", &b);
	loop_timer(&c.l, 200, check_slow, &c);
	idle(&c, 2000);
	ck_assert_int_ge(b.r.ttfb_us, 290000);
	http_get_stats(c.h, &st);
	ck_assert_int_gt(st.ttfb_ewma_us, 80000);
	ck_assert_int_eq(http_link_state(c.h), HTTP_LINK_SLOW);
	client_down(&c);
}
END_TEST

static void tls_get(const char *ca_file, unsigned short port, struct got *g)
{
	struct client c;
	char url[64];

	client_opts(&c);
	c.o.ca_file = ca_file;
	client_up(&c);
	snprintf(url, sizeof url, "https://127.0.0.1:%u/hello", port);
	ck_assert_uint_ne(http_send(c.h, &(struct http_req){
		.url = url, .done = on_done, .arg = g }, &c.e), 0);
	idle(&c, 3000);
	client_down(&c);
}

START_TEST(tls_is_verified)
{
	struct MHD_Daemon *d;
	unsigned short port;
	struct got bad = { 0 }, good = { 0 }, nofile = { 0 };
	char ca[] = "/tmp/motcua-test-ca-XXXXXX", want[128];
	int fd;

	d = daemon_start(true, &port);
	fd = mkstemp(ca);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, tls_cert, strlen(tls_cert)), (ssize_t)strlen(tls_cert));
	close(fd);

	tls_get(NULL, port, &bad);
	ck_assert_int_eq(bad.r.error, HTTP_E_TLS);
	ck_assert_int_eq(bad.r.attempts, 1);
	snprintf(want, sizeof want, "TLS certificate of 127.0.0.1:%u not trusted: ", port);
	ck_assert_msg(!strncmp(bad.msg, want, strlen(want)), "%s", bad.msg);

	tls_get(ca, port, &good);
	ck_assert_int_eq(good.r.error, HTTP_E_NONE);
	ck_assert_str_eq(good.body, "hello, world\n");

	tls_get("/nonexistent/ca.pem", port, &nofile);
	ck_assert_int_eq(nofile.r.error, HTTP_E_TLS);
	ck_assert_msg(strstr(nofile.msg, "/nonexistent/ca.pem"), "%s", nofile.msg);

	unlink(ca);
	MHD_stop_daemon(d);
}
END_TEST

/* ---- the policy, without a network ---- */

START_TEST(backoff_is_jittered_capped_and_seeded)
{
	uint64_t a = 7, b = 7;
	int64_t seen_max = 0;

	for (int round = 0; round < 200; round++) {
		for (int n = 1; n <= 8; n++) {
			int64_t d = http_backoff_ms(&a, n, 500, 30000);
			int64_t ceil = 500LL << (n - 1);

			ck_assert_int_eq(d, http_backoff_ms(&b, n, 500, 30000));
			ck_assert_int_ge(d, 0);
			ck_assert_int_le(d, ceil < 30000 ? ceil : 30000);
			if (n == 8 && d > seen_max)
				seen_max = d;
		}
	}
	/* spread over the whole window, not clustered */
	ck_assert_int_gt(seen_max, 25000);
	ck_assert_int_eq(http_backoff_ms(&a, 100, 500, 30000) <= 30000, 1);
	ck_assert_int_eq(http_backoff_ms(&a, 1, 0, 0), 0);
}
END_TEST

START_TEST(retry_after_values)
{
	time_t now = 1445412470;	/* Wed, 21 Oct 2015 07:27:50 GMT */

	ck_assert_int_eq(http_retry_after_ms("1", now), 1000);
	ck_assert_int_eq(http_retry_after_ms(" 120 ", now), 120000);
	ck_assert_int_eq(http_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", now), 10000);
	ck_assert_int_eq(http_retry_after_ms("Wed, 21 Oct 2015 07:00:00 GMT", now), 0);
	ck_assert_int_eq(http_retry_after_ms("soon", now), -1);
	ck_assert_int_eq(http_retry_after_ms("5s", now), -1);
	ck_assert_int_eq(http_retry_after_ms(NULL, now), -1);
	ck_assert_int_gt(http_retry_after_ms("99999999999999999999", now), 0);
}
END_TEST

START_TEST(what_is_retried)
{
	ck_assert(http_status_retryable(503));
	ck_assert(http_status_retryable(500));
	ck_assert(http_status_retryable(429));
	ck_assert(http_status_retryable(408));
	ck_assert(!http_status_retryable(501));
	ck_assert(!http_status_retryable(404));
	ck_assert(!http_status_retryable(409));
	ck_assert(!http_status_retryable(200));
	ck_assert(http_method_safe("GET"));
	ck_assert(http_method_safe("head"));
	ck_assert(http_method_safe(NULL));
	ck_assert(!http_method_safe("POST"));
	ck_assert(!http_method_safe("DELETE"));
	ck_assert(http_code_retryable(CURLE_COULDNT_CONNECT));
	ck_assert(http_code_retryable(CURLE_OPERATION_TIMEDOUT));
	ck_assert(http_code_retryable(CURLE_PARTIAL_FILE));
	ck_assert(http_code_retryable(CURLE_SSL_CONNECT_ERROR));
	ck_assert(!http_code_retryable(CURLE_PEER_FAILED_VERIFICATION));
	ck_assert(!http_code_retryable(CURLE_URL_MALFORMAT));
	ck_assert(!http_code_retryable(CURLE_OK));
	ck_assert_int_eq(http_error_of(CURLE_COULDNT_RESOLVE_HOST), HTTP_E_RESOLVE);
	ck_assert_int_eq(http_error_of(CURLE_PEER_FAILED_VERIFICATION), HTTP_E_TLS);
}
END_TEST

START_TEST(failure_messages)
{
	char buf[256];
	struct http_fail f = { .where = "dvc.example.gov.vn:443", .request = "GET /api/dossiers",
			       .low_speed_bytes = 1, .low_speed_secs = 10, .connect_timeout_ms = 10000 };

	f.curl_code = CURLE_PEER_FAILED_VERIFICATION;
	f.detail = "SSL certificate problem: certificate has expired";
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "TLS certificate of dvc.example.gov.vn:443 not trusted: "
			 "certificate has expired");
	f.curl_code = CURLE_COULDNT_RESOLVE_HOST;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "could not find the server dvc.example.gov.vn:443 (name lookup failed)");
	f.curl_code = CURLE_OPERATION_TIMEDOUT;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "could not connect to dvc.example.gov.vn:443: no answer within 10 s");
	/* an attempt's limit shorter than the connect timeout is the one met */
	f.timeout_ms = 2000;
	f.elapsed_ms = 2000;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "could not connect to dvc.example.gov.vn:443: no answer within 2 s");
	f.timeout_ms = 30000;
	f.connected = true;
	f.elapsed_ms = f.idle_ms = 15000;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "the server stopped answering (no data for 15 s): gave up on GET /api/dossiers");
	f.idle_ms = 9500;	/* the limit, less a little */
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "the server stopped answering (no data for 10 s): gave up on GET /api/dossiers");
	f.answered = true;
	f.idle_ms = 1000;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "the server sent too little (under 10 bytes in 10 s): gave up on GET /api/dossiers");
	f.elapsed_ms = 30000;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "the server did not finish its reply within 30 s: gave up on GET /api/dossiers");
	f.answered = false;
	f.idle_ms = 30000;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "the server did not answer within 30 s: gave up on GET /api/dossiers");

	f.curl_code = CURLE_WRITE_ERROR;
	f.too_big = true;
	f.max_body = 64 * 1024 * 1024;
	http_fail_text(buf, sizeof buf, &f);
	ck_assert_str_eq(buf, "the reply from dvc.example.gov.vn:443 is larger than the limit (64 MiB)");
}
END_TEST

START_TEST(every_request_is_bounded_by_default)
{
	struct http_opts o;

	http_opts_init(&o);
	ck_assert_int_eq(o.timeout_ms, 30000);
	ck_assert_int_eq(o.deadline_ms, 0);	/* twice timeout_ms */
	/* a stall, not a slow link: a trickle is the timeouts' business */
	ck_assert_int_eq(o.low_speed_bytes, 1);
	ck_assert_int_eq(o.low_speed_secs, 10);
}
END_TEST

static Suite *http_suite(void)
{
	Suite *s = suite_create("http");
	TCase *net = tcase_create("loopback");
	TCase *policy = tcase_create("policy");

	tcase_add_checked_fixture(net, server_up, server_down);
	tcase_set_timeout(net, 10);
	tcase_add_test(net, get_body_and_headers);
	tcase_add_test(net, gzip_is_decoded_and_counted_compressed);
	tcase_add_test(net, connection_is_reused);
	tcase_add_test(net, get_retried_after_503);
	tcase_add_test(net, retries_give_up_with_the_last_reply);
	tcase_add_test(net, post_without_key_is_not_retried);
	tcase_add_test(net, post_with_key_is_retried);
	tcase_add_test(net, post_body_headers_and_head);
	tcase_add_test(net, retry_after_is_honoured);
	tcase_add_test(net, long_retry_after_is_left_to_the_caller);
	tcase_add_test(net, cancel_a_running_request);
	tcase_add_test(net, cancel_queued_waiting_and_all);
	tcase_add_test(net, free_cancels_everything);
	tcase_add_test(net, refused_connection_is_reported_and_down);
	tcase_add_test(net, tls_failure_is_not_offline);
	tcase_add_test(net, connection_closed_mid_body);
	tcase_add_test(net, low_speed_limit);
	tcase_add_test(net, each_attempt_and_the_request_have_a_deadline);
	tcase_add_test(net, a_new_timeout_for_the_next_requests);
	tcase_add_test(net, a_deadline_given_is_kept);
	tcase_add_test(net, fail_fast_after_a_request_timed_out);
	tcase_add_test(net, environment_proxy_is_used);
	tcase_add_test(net, body_limit);
	tcase_add_test(net, interactive_overtakes_background);
	tcase_add_test(net, send_from_a_callback);
	tcase_add_test(net, bad_requests);
	tcase_add_test(net, slow_link);
	tcase_add_test(net, tls_is_verified);
	suite_add_tcase(s, net);
	tcase_add_test(policy, backoff_is_jittered_capped_and_seeded);
	tcase_add_test(policy, retry_after_values);
	tcase_add_test(policy, what_is_retried);
	tcase_add_test(policy, failure_messages);
	tcase_add_test(policy, every_request_is_bounded_by_default);
	suite_add_tcase(s, policy);
	return s;
}

CHECK_MAIN(http_suite)
