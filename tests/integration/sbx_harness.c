#include "config.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <locale.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "sbx_harness.h"

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int sbxh_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	if (!getenv("SANDBOX") || !*getenv("SANDBOX")) {
		printf("SANDBOX is not set (configure without --disable-sandbox): skipped\n");
		srunner_free(sr);
		return 77;
	}
	setlocale(LC_ALL, "C.UTF-8");
	curl_global_init(CURL_GLOBAL_DEFAULT);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	curl_global_cleanup();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

int sbxh_init(struct sbxh *h)
{
	const char *tmp = getenv("TMPDIR");

	memset(h, 0, sizeof *h);
	snprintf(h->dir, sizeof h->dir, "%s/sbxh-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(h->dir)) {
		fprintf(stderr, "sbxh: mkdtemp %s: %s\n", h->dir, strerror(errno));
		return -1;
	}
	snprintf(h->db, sizeof h->db, "%s/sandbox.db", h->dir);
	snprintf(h->log, sizeof h->log, "%s/server.log", h->dir);
	return 0;
}

static void show_log(const struct sbxh *h)
{
	FILE *f = fopen(h->log, "r");
	char line[512];

	if (!f)
		return;
	fprintf(stderr, "sbxh: server log %s:\n", h->log);
	while (fgets(line, sizeof line, f))
		fprintf(stderr, "  %s", line);
	fclose(f);
}

int sbxh_start(struct sbxh *h, const char *const *args)
{
	const char *bin = getenv("SANDBOX"), *to = getenv("SBXH_START_TIMEOUT");
	const char *argv[64];
	char buf[1024];
	size_t got = 0;
	double deadline = mono() + (to && atoi(to) > 0 ? atoi(to) : 60);
	int fds[2], n = 0;

	if (!bin || !*bin) {
		fprintf(stderr, "sbxh: SANDBOX must name the motcua-sandbox binary\n");
		return -1;
	}
	argv[n++] = bin;
	argv[n++] = "--listen";
	argv[n++] = "127.0.0.1:0";
	argv[n++] = "--db";
	argv[n++] = h->db;
	for (int i = 0; args && args[i] && n < 62; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if (pipe(fds) < 0)
		return -1;
	fflush(NULL);
	h->pid = fork();
	if (h->pid < 0)
		return -1;
	if (h->pid == 0) {
		int log = open(h->log, O_WRONLY | O_CREAT | O_APPEND, 0600);

#ifdef __linux__
		/* Never outlive the test program, whatever happens to it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
		dup2(fds[1], 1);
		if (log >= 0)
			dup2(log, 2);
		close(fds[0]);
		close(fds[1]);
		execv(bin, (char *const *)argv);
		fprintf(stderr, "sbxh: exec %s: %s\n", bin, strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	while (mono() < deadline) {
		struct pollfd p = { fds[0], POLLIN, 0 };
		char *url, *end;
		ssize_t r;

		if (poll(&p, 1, 100) <= 0)
			continue;
		r = read(fds[0], buf + got, sizeof buf - 1 - got);
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r <= 0) {
			int st = sbxh_stop(h);	/* shows the log */

			fprintf(stderr, "sbxh: %s exited (status %d) before it was listening\n", bin, st);
			close(fds[0]);
			return -1;
		}
		got += (size_t)r;
		buf[got] = '\0';
		if (!(url = strstr(buf, "http://")) || !strchr(url, '\n'))
			continue;
		end = url + strcspn(url, " \t\r\n");
		*end = '\0';
		snprintf(h->url, sizeof h->url, "%s", url);
		h->port = atoi(strrchr(url, ':') + 1);
		close(fds[0]);
		return 0;
	}
	close(fds[0]);
	fprintf(stderr, "sbxh: %s did not say \"listening on\" in time\n", bin);
	show_log(h);
	sbxh_stop(h);
	return -1;
}

int sbxh_stop(struct sbxh *h)
{
	double deadline = mono() + 10;
	int status;

	if (h->pid <= 0)
		return -1;
	kill(h->pid, SIGTERM);
	while (mono() < deadline) {
		pid_t r = waitpid(h->pid, &status, WNOHANG);

		if (r == h->pid) {
			h->pid = 0;
			if (WIFEXITED(status)) {
				if (WEXITSTATUS(status))
					show_log(h);
				return WEXITSTATUS(status);
			}
			show_log(h);
			return 128 + WTERMSIG(status);
		}
		usleep(10000);
	}
	kill(h->pid, SIGKILL);
	waitpid(h->pid, &status, 0);
	h->pid = 0;
	fprintf(stderr, "sbxh: the server did not stop within 10 s of SIGTERM\n");
	show_log(h);
	return -1;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void sbxh_cleanup(struct sbxh *h)
{
	if (h->pid > 0)
		sbxh_stop(h);
	if (h->dir[0] && !getenv("SBXH_KEEP"))
		nftw(h->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- requests ------------------------------------------------------------- */

static size_t on_body(char *p, size_t size, size_t n, void *cls)
{
	struct sbxh_reply *r = cls;
	size_t len = size * n;
	char *b = realloc(r->body, r->len + len + 1);

	if (!b)
		return 0;
	memcpy(b + r->len, p, len);
	r->body = b;
	r->len += len;
	r->body[r->len] = '\0';
	return len;
}

static void copy_value(char *dst, size_t sz, const char *v, size_t n)
{
	while (n && (*v == ' ' || *v == '\t')) {
		v++;
		n--;
	}
	while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' '))
		n--;
	if (n >= sz)
		n = sz - 1;
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static size_t on_header(char *p, size_t size, size_t n, void *cls)
{
	static const struct { const char *name; size_t off, sz; } want[] = {
#define F(name, field) { name, offsetof(struct sbxh_reply, field), \
			 sizeof(((struct sbxh_reply *)0)->field) }
		F("ETag", etag), F("Content-Type", content_type),
		F("Content-Encoding", content_encoding), F("Location", location),
		F("Retry-After", retry_after), F("Idempotent-Replayed", replayed),
		F("Cache-Control", cache_control), F("Allow", allow),
#undef F
	};
	struct sbxh_reply *r = cls;
	size_t len = size * n;
	const char *colon = memchr(p, ':', len);

	if (!colon)
		return len;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		size_t nl = strlen(want[i].name);

		if ((size_t)(colon - p) == nl && !strncasecmp(p, want[i].name, nl))
			copy_value((char *)r + want[i].off, want[i].sz, colon + 1,
				   len - nl - 1);
	}
	return len;
}

int sbxh_do(const struct sbxh *h, const struct sbxh_req *rq, struct sbxh_reply *r)
{
	struct curl_slist *hd = NULL;
	char url[2048], line[512];
	const char *method = rq->method ? rq->method : rq->body ? "POST" : "GET";
	double t0 = mono();
	CURL *c;

	memset(r, 0, sizeof *r);
	r->body = calloc(1, 1);
	if (!(c = curl_easy_init()) || !r->body)
		return -1;
	snprintf(url, sizeof url, "%s%s", h->url, rq->path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, rq->timeout_ms ? rq->timeout_ms : 20000L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	if (!strcmp(method, "HEAD"))
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	else
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if (rq->body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, rq->body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE,
				 (long)(rq->body_len ? rq->body_len : strlen(rq->body)));
		snprintf(line, sizeof line, "Content-Type: %s",
			 rq->content_type ? rq->content_type : "application/json");
		hd = curl_slist_append(hd, line);
	}
	hd = curl_slist_append(hd, "Expect:");
	if (rq->token) {
		snprintf(line, sizeof line, "Authorization: Bearer %s", rq->token);
		hd = curl_slist_append(hd, line);
	}
	if (rq->if_match) {
		snprintf(line, sizeof line, "If-Match: %s", rq->if_match);
		hd = curl_slist_append(hd, line);
	}
	if (rq->if_none_match) {
		snprintf(line, sizeof line, "If-None-Match: %s", rq->if_none_match);
		hd = curl_slist_append(hd, line);
	}
	if (rq->idempotency_key) {
		snprintf(line, sizeof line, "Idempotency-Key: %s", rq->idempotency_key);
		hd = curl_slist_append(hd, line);
	}
	if (rq->api_key) {
		snprintf(line, sizeof line, "X-API-Key: %s", rq->api_key);
		hd = curl_slist_append(hd, line);
	}
	if (rq->gzip)
		hd = curl_slist_append(hd, "Accept-Encoding: gzip");
	for (int i = 0; rq->headers && rq->headers[i]; i++)
		hd = curl_slist_append(hd, rq->headers[i]);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hd);
	r->curl_rc = (int)curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	r->seconds = mono() - t0;
	curl_slist_free_all(hd);
	curl_easy_cleanup(c);
	if (r->curl_rc == 0 && r->len && !r->content_encoding[0])
		/* + 1: cJSON wants to see the terminating NUL when it must */
		r->json = cJSON_ParseWithLengthOpts(r->body, r->len + 1, NULL, true);
	return 0;
}

void sbxh_reply_free(struct sbxh_reply *r)
{
	free(r->body);
	cJSON_Delete(r->json);
	memset(r, 0, sizeof *r);
}

int sbxh_get(const struct sbxh *h, const char *token, const char *path,
	     struct sbxh_reply *r)
{
	struct sbxh_req rq = { .path = path, .token = token };

	return sbxh_do(h, &rq, r);
}

int sbxh_post(const struct sbxh *h, const char *token, const char *path,
	      const char *body, struct sbxh_reply *r)
{
	struct sbxh_req rq = { .path = path, .token = token, .body = body ? body : "",
			       .method = "POST" };

	return sbxh_do(h, &rq, r);
}

char *sbxh_login(const struct sbxh *h, const char *user, const char *password)
{
	struct sbxh_reply r;
	char body[512];
	char *tok = NULL;
	const char *t;

	snprintf(body, sizeof body, "{\"username\":\"%s\",\"password\":\"%s\"}", user, password);
	if (sbxh_post(h, NULL, "/api/v1/auth/login", body, &r) == 0 && r.status == 200 &&
	    (t = sbxh_str(r.json, "token")))
		tok = strdup(t);
	sbxh_reply_free(&r);
	return tok;
}

int sbxh_portal(const struct sbxh *h, const char *api_key, const char *body,
		struct sbxh_reply *r)
{
	struct sbxh_req rq = { .path = "/api/portal", .body = body, .method = "POST",
			       .api_key = api_key };

	return sbxh_do(h, &rq, r);
}

char *sbxh_api_key(const struct sbxh *h, const char *login)
{
	struct sbxh_reply r;
	char path[128];
	char *key = NULL;
	const char *k;

	snprintf(path, sizeof path, "/_sandbox/api-key?login=%s", login);
	if (sbxh_get(h, NULL, path, &r) == 0 && r.status == 200 && (k = sbxh_str(r.json, "api_key")))
		key = strdup(k);
	sbxh_reply_free(&r);
	return key;
}

/* ---- JSON paths ----------------------------------------------------------- */

const cJSON *sbxh_at(const cJSON *j, const char *path)
{
	char part[128];

	while (j && *path) {
		size_t n = strcspn(path, ".");

		if (n >= sizeof part)
			return NULL;
		memcpy(part, path, n);
		part[n] = '\0';
		if (cJSON_IsArray(j) && isdigit((unsigned char)part[0]))
			j = cJSON_GetArrayItem(j, atoi(part));
		else
			j = cJSON_GetObjectItemCaseSensitive(j, part);
		path += n;
		if (*path == '.')
			path++;
	}
	return j;
}

const char *sbxh_str(const cJSON *j, const char *path)
{
	const cJSON *v = sbxh_at(j, path);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

double sbxh_num(const cJSON *j, const char *path)
{
	const cJSON *v = sbxh_at(j, path);

	return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}
