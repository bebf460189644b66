/* Fuzz target: one HTTP request, as bytes, through motcua-sandbox's request
 * handling without sockets: target parsing (path, query, percent-decoding),
 * routing, authentication, parameters, JSON bodies, the operations and the
 * admin endpoints, on an in-memory copy of the test fixture.
 *
 * Input: "METHOD TARGET\n" then "Name: value\n" header lines, an empty
 * line, and the body (CRLF accepted). Sessions exist for the tokens
 * tok-tn1, tok-cv1, tok-ld1 and tok-vt1 (see the corpus). An input that
 * starts with '@' is served by the portal dialect instead of the reference
 * one (the '@' is dropped); its API keys are key-tn1, key-cv1, ...
 *
 * Every reply must be a status 100-599; a JSON reply must parse; an error
 * reply must carry error.code and error.message, and every reply of the
 * portal (but /_sandbox's) its envelope's error_code and message. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/xalloc.h"
#include "fixture.h"
#include "sandbox/sbx_db.h"
#include "sandbox/sbx_faults.h"
#include "sandbox/sbx_http.h"
#include "sandbox/sbx_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define INPUTS_PER_SANDBOX 20000

/* The sandbox under test serves many inputs in a row, like requests to a
 * server; it is rebuilt now and then so the in-memory database (dossiers,
 * audit rows, keys) does not grow without end. */
static struct sbx *sandbox(void)
{
	static struct sbx s;
	static struct sbx_faults faults;
	static bool ready;
	static unsigned long served;
	struct sbx_fault_cfg cfg = { .drip_bytes = SBX_DRIP_BYTES,
				     .drip_interval_ms = SBX_DRIP_INTERVAL_MS };
	struct cal *cal;
	sqlite3 *db;
	bool created;
	char msg[512];
	struct err e;

	if (ready && ++served % INPUTS_PER_SANDBOX)
		return &s;
	if (ready) {
		sbx_db_close(s.db);
		cal_free(s.cal);
		sbx_destroy(&s);
		sbx_faults_destroy(&faults);
	}
	if (!(cal = cal_new()) || sbx_db_open(":memory:", false, &db, &created, &e) < 0 ||
	    fx_fill(db, msg, sizeof msg) < 0 ||
	    sqlite3_exec(db, "INSERT INTO sessions (token, user_id, created_at, expires_at)"
			 " SELECT 'tok-' || login, id, 0, 7258000000 FROM users", NULL, NULL,
			 NULL) != SQLITE_OK)
		fatal("fuzz set-up failed");
	sbx_faults_init(&faults, &cfg);
	if (sbx_init(&s, db, cal, &faults, &e) < 0 ||
	    sbx_clock_set(&s, cal_join(2025, 10, 15, 9, 0, 0), true, &e) < 0)
		fatal("fuzz set-up failed: %s", e.msg);
	ready = true;
	return &s;
}

/* The sandbox's session tokens and API keys come from getrandom: here from
 * a fixed sequence. libFuzzer takes the bytes the code compares, tokens
 * included, into its mutations: random ones would make two runs of one seed
 * differ. */
ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	static uint64_t x = 88172645463325252u;
	unsigned char *b = buf;

	(void)flags;
	for (size_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		b[i] = (unsigned char)x;
	}
	return (ssize_t)len;
}

/* Before each input, what would follow the machine's clock is pinned, so
 * that a run of one seed is the same run however fast the machine is. A
 * clock the last input set going is stopped where it set it (the time stays
 * what inputs make it); the login throttle's windows, in monotonic seconds,
 * start now: failures add up as if they all came at once. */
static void pin_clocks(struct sbx *s)
{
	struct timespec mono;
	struct err e;

	if (!s->clock_frozen && sbx_clock_set(s, s->clock_frozen_at, true, &e) < 0)
		fatal("fuzz set-up failed: %s", e.msg);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	for (size_t i = 0; i < sizeof s->login_failures / sizeof s->login_failures[0]; i++)
		s->login_failures[i].window_start = (int64_t)mono.tv_sec;
}

/* Split the next line off *p (NUL-terminating it); NULL at the end. */
static char *next_line(char **p, char *end)
{
	char *line = *p, *nl;

	if (line >= end)
		return NULL;
	nl = memchr(line, '\n', (size_t)(end - line));
	if (!nl)
		nl = end;
	*nl = '\0';
	if (nl > line && nl[-1] == '\r')
		nl[-1] = '\0';
	*p = nl < end ? nl + 1 : end;
	return line;
}

static void check_reply(const struct sbx_reply *rp, bool portal)
{
	cJSON *j;

	if (rp->status < 100 || rp->status > 599)
		__builtin_trap();
	if (!rp->body || strncmp(rp->content_type, "application/json", 16))
		return;
	j = cJSON_ParseWithLength(rp->body, rp->len);
	if (!j)
		__builtin_trap();	/* the server produced invalid JSON */
	if (portal && !rp->admin) {
		const cJSON *code = cJSON_GetObjectItemCaseSensitive(j, "error_code");

		/* every outcome in the envelope; a refusal explains itself */
		if (!cJSON_IsString(code) ||
		    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(j, "message")) ||
		    !cJSON_GetObjectItemCaseSensitive(j, "data") ||
		    (strcmp(code->valuestring, "00") &&
		     !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(j, "ChiTietLoi"))))
			__builtin_trap();
	} else if (rp->status >= 400) {
		const cJSON *err = cJSON_GetObjectItemCaseSensitive(j, "error");

		if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(err, "code")) ||
		    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(err, "message")))
			__builtin_trap();	/* an error that does not explain itself */
	}
	cJSON_Delete(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbx *s = sandbox();
	char *buf = xmalloc(size + 1), *p = buf, *end = buf + size, *line, *target;
	struct sbx_request rq;
	struct sbx_reply rp;
	bool portal = size > 0 && data[0] == '@';

	pin_clocks(s);
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (portal)
		p++;
	s->dialect = portal ? SBX_DIALECT_PORTAL : SBX_DIALECT_REFERENCE;
	memset(&rq, 0, sizeof rq);
	line = next_line(&p, end);
	if (!line || !(target = strchr(line, ' '))) {
		free(buf);
		return 0;
	}
	*target++ = '\0';
	rq.method = line;
	sbx_parse_target(target, &rq);
	while ((line = next_line(&p, end)) && *line) {
		char *colon = strchr(line, ':');

		if (!colon || rq.nheaders == SBX_MAX_HEADERS)
			continue;
		*colon++ = '\0';
		while (*colon == ' ')
			colon++;
		rq.headers[rq.nheaders].key = line;
		rq.headers[rq.nheaders].value = colon;
		rq.nheaders++;
	}
	if (p < end) {
		rq.body = p;
		rq.body_len = (size_t)(end - p);
	}
	rq.loopback = true;
	sbx_reply_init(&rp);
	sbx_dispatch(s, &rq, &rp);
	check_reply(&rp, portal);
	sbx_reply_free(&rp);
	free(buf);
	return 0;
}
