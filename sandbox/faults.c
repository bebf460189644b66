#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"
#include "sbx_faults.h"

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static void restart(struct sbx_faults *f)
{
	f->state = f->cfg.seed;
	f->requests = f->failed = f->dropped = f->garbled = f->delayed = 0;
}

void sbx_faults_init(struct sbx_faults *f, const struct sbx_fault_cfg *cfg)
{
	memset(f, 0, sizeof *f);
	pthread_mutex_init(&f->lock, NULL);
	f->cfg = *cfg;
	if (!f->cfg.drip_bytes)
		f->cfg.drip_bytes = SBX_DRIP_BYTES;
	if (!f->cfg.drip_interval_ms)
		f->cfg.drip_interval_ms = SBX_DRIP_INTERVAL_MS;
	restart(f);
}

void sbx_faults_destroy(struct sbx_faults *f)
{
	pthread_mutex_destroy(&f->lock);
}

void sbx_faults_plan(struct sbx_faults *f, struct sbx_fault_plan *p)
{
	static const int statuses[] = { 500, 502, 503, 504 };
	uint64_t r[7];
	const struct sbx_fault_cfg *c = &f->cfg;

	memset(p, 0, sizeof *p);
	pthread_mutex_lock(&f->lock);
	/* Always the same draws per request, whatever is enabled, so turning
	 * one fault on does not shift the sequence of another. */
	for (int i = 0; i < 7; i++)
		r[i] = splitmix(&f->state);
	if (++f->requests <= (uint64_t)c->after) {
		pthread_mutex_unlock(&f->lock);
		return;
	}
	p->delay_ms = c->latency_ms + (c->jitter_ms ? (int)(r[0] % (uint64_t)(c->jitter_ms + 1)) : 0);
	if (r[1] % 100 < (uint64_t)c->fail_rate)
		p->fail_status = statuses[r[2] % 4];
	if (r[3] % 100 < (uint64_t)c->drop_rate) {
		p->drop = true;
		p->drop_at = (double)(r[4] % 1000) / 1000.0;
	}
	if (r[5] % 100 < (uint64_t)c->garble_rate) {
		p->garble = (enum sbx_garble)(SBX_GARBLE_TRUNCATE + r[6] % 3);
		p->garble_at = (double)(r[6] / 3 % 1000) / 1000.0;
	}
	p->bandwidth = c->bandwidth;
	p->drip = c->drip;
	p->trickle = c->trickle;
	p->stall = c->stall;
	p->drip_bytes = c->drip_bytes;
	p->drip_interval_ms = c->drip_interval_ms;
	pthread_mutex_unlock(&f->lock);
}

bool sbx_faults_stalled(struct sbx_faults *f)
{
	bool on;

	pthread_mutex_lock(&f->lock);
	on = f->cfg.stall;
	pthread_mutex_unlock(&f->lock);
	return on;
}

void sbx_faults_count(struct sbx_faults *f, const struct sbx_fault_plan *p,
		      bool garbled)
{
	pthread_mutex_lock(&f->lock);
	if (p->fail_status)
		f->failed++;
	else if (p->drop)
		f->dropped++;
	if (garbled)
		f->garbled++;
	if (p->delay_ms)
		f->delayed++;
	pthread_mutex_unlock(&f->lock);
}

void sbx_faults_garble(const struct sbx_fault_plan *p, char **body,
		       size_t *len, char *content_type, size_t ctsz)
{
	static const char html[] =
		"<html><head><title>502 Bad Gateway</title></head><body>"
		"<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
		"</body></html>\n";
	enum sbx_garble g = p->garble;
	size_t quotes = 0;

	if (g == SBX_GARBLE_NONE || !*body || !*len)
		return;
	for (size_t i = 0; i < *len; i++)
		quotes += (*body)[i] == '"';
	if (g == SBX_GARBLE_QUOTE && !quotes)
		g = SBX_GARBLE_TRUNCATE;
	switch (g) {
	case SBX_GARBLE_TRUNCATE: {
		/* Any strict prefix of a JSON object is invalid: its closing
		 * brace is the last byte. */
		size_t n = (size_t)((double)*len * p->garble_at);

		if (n >= *len)
			n = *len - 1;
		if (n == 0)
			n = *len > 1 ? 1 : 0;
		*len = n;
		(*body)[n] = '\0';
		break;
	}
	case SBX_GARBLE_QUOTE: {
		size_t k = (size_t)((double)quotes * p->garble_at), seen = 0;

		for (size_t i = 0; i < *len; i++)
			if ((*body)[i] == '"' && seen++ == k) {
				(*body)[i] = '\'';
				break;
			}
		break;
	}
	case SBX_GARBLE_HTML:
		free(*body);
		*body = xstrdup(html);
		*len = sizeof html - 1;
		snprintf(content_type, ctsz, "text/html; charset=utf-8");
		break;
	default:
		break;
	}
}

cJSON *sbx_faults_json(struct sbx_faults *f)
{
	cJSON *o = cJSON_CreateObject(), *n;

	pthread_mutex_lock(&f->lock);
	cJSON_AddNumberToObject(o, "latency_ms", f->cfg.latency_ms);
	cJSON_AddNumberToObject(o, "jitter_ms", f->cfg.jitter_ms);
	cJSON_AddNumberToObject(o, "bandwidth", (double)f->cfg.bandwidth);
	cJSON_AddNumberToObject(o, "fail_rate", f->cfg.fail_rate);
	cJSON_AddNumberToObject(o, "drop_rate", f->cfg.drop_rate);
	cJSON_AddNumberToObject(o, "garble_rate", f->cfg.garble_rate);
	cJSON_AddBoolToObject(o, "drip", f->cfg.drip);
	cJSON_AddNumberToObject(o, "drip_bytes", f->cfg.drip_bytes);
	cJSON_AddNumberToObject(o, "drip_interval_ms", f->cfg.drip_interval_ms);
	cJSON_AddBoolToObject(o, "trickle", f->cfg.trickle);
	cJSON_AddBoolToObject(o, "stall", f->cfg.stall);
	cJSON_AddNumberToObject(o, "after", f->cfg.after);
	cJSON_AddNumberToObject(o, "seed", (double)f->cfg.seed);
	n = cJSON_AddObjectToObject(o, "counters");
	cJSON_AddNumberToObject(n, "requests", (double)f->requests);
	cJSON_AddNumberToObject(n, "failed", (double)f->failed);
	cJSON_AddNumberToObject(n, "dropped", (double)f->dropped);
	cJSON_AddNumberToObject(n, "garbled", (double)f->garbled);
	cJSON_AddNumberToObject(n, "delayed", (double)f->delayed);
	pthread_mutex_unlock(&f->lock);
	return o;
}

int sbx_faults_check(const struct sbx_fault_cfg *c, struct sbx_error *e)
{
	if (c->latency_ms < 0 || c->latency_ms > 60000)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "latency_ms",
				"latency_ms is 0 to 60000");
	if (c->jitter_ms < 0 || c->jitter_ms > 60000)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "jitter_ms",
				"jitter_ms is 0 to 60000");
	if (c->bandwidth < 0 || c->bandwidth > 1000000000L ||
	    (c->bandwidth > 0 && c->bandwidth < 16))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "bandwidth",
				"bandwidth is 0 (unlimited) or 16 to 1000000000 bytes per second");
	if (c->fail_rate < 0 || c->fail_rate > 100)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "fail_rate",
				"fail_rate is a percentage, 0 to 100");
	if (c->drop_rate < 0 || c->drop_rate > 100)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "drop_rate",
				"drop_rate is a percentage, 0 to 100");
	if (c->garble_rate < 0 || c->garble_rate > 100)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "garble_rate",
				"garble_rate is a percentage, 0 to 100");
	if (c->drip_bytes < 1 || c->drip_bytes > 65536)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "drip_bytes",
				"drip_bytes is 1 to 65536");
	if (c->drip_interval_ms < 1 || c->drip_interval_ms > 10000)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "drip_interval_ms",
				"drip_interval_ms is 1 to 10000");
	if (c->after < 0 || c->after > 1000000)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "after",
				"after is 0 to 1000000 requests");
	return 0;
}

/* A whole number member into *out within [min, max]. */
static int num(const cJSON *body, const char *key, long long min, long long max,
	       long long *out, struct sbx_error *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, key);

	if (!v)
		return 0;
	if (!cJSON_IsNumber(v) || v->valuedouble < (double)min ||
	    v->valuedouble > (double)max || v->valuedouble != (double)(long long)v->valuedouble)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", key,
				"%s must be a whole number from %lld to %lld", key, min, max);
	*out = (long long)v->valuedouble;
	return 0;
}

int sbx_faults_update(struct sbx_faults *f, const cJSON *body,
		      struct sbx_error *e)
{
	static const char *const keys[] = { "latency_ms", "jitter_ms", "bandwidth",
		"fail_rate", "drop_rate", "garble_rate", "drip", "drip_bytes",
		"drip_interval_ms", "trickle", "stall", "after", "seed", "reset", NULL };
	static const char *const flags[] = { "drip", "trickle", "stall" };
	struct sbx_fault_cfg c;
	bool *flag[3];
	const cJSON *it, *reset;
	long long v;

	if (!cJSON_IsObject(body))
		return sbx_fail(e, SBX_E_INVALID, "invalid_body", NULL,
				"the body must be a JSON object of fault settings");
	cJSON_ArrayForEach(it, body) {
		bool known = false;

		for (const char *const *k = keys; *k; k++)
			known |= !strcmp(it->string, *k);
		if (!known)
			return sbx_fail(e, SBX_E_INVALID, "unknown_field", it->string,
					"unknown fault setting \"%.40s\"", it->string);
	}
	pthread_mutex_lock(&f->lock);
	c = f->cfg;
	pthread_mutex_unlock(&f->lock);
	reset = cJSON_GetObjectItemCaseSensitive(body, "reset");
	if (reset && !cJSON_IsBool(reset))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "reset",
				"reset is true or false");
	if (cJSON_IsTrue(reset)) {
		uint64_t seed = c.seed;

		memset(&c, 0, sizeof c);
		c.seed = seed;
		c.drip_bytes = SBX_DRIP_BYTES;
		c.drip_interval_ms = SBX_DRIP_INTERVAL_MS;
	}
#define SET(key, field, min, max) \
	do { \
		v = (long long)c.field; \
		if (num(body, key, min, max, &v, e) < 0) \
			return -1; \
		c.field = (__typeof__(c.field))v; \
	} while (0)
	SET("latency_ms", latency_ms, 0, 60000);
	SET("jitter_ms", jitter_ms, 0, 60000);
	SET("bandwidth", bandwidth, 0, 1000000000LL);
	SET("fail_rate", fail_rate, 0, 100);
	SET("drop_rate", drop_rate, 0, 100);
	SET("garble_rate", garble_rate, 0, 100);
	SET("drip_bytes", drip_bytes, 1, 65536);
	SET("drip_interval_ms", drip_interval_ms, 1, 10000);
	SET("after", after, 0, 1000000);
	SET("seed", seed, 0, (1LL << 53));
#undef SET
	flag[0] = &c.drip;
	flag[1] = &c.trickle;
	flag[2] = &c.stall;
	for (int i = 0; i < 3; i++) {
		const cJSON *b = cJSON_GetObjectItemCaseSensitive(body, flags[i]);

		if (b && !cJSON_IsBool(b))
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", flags[i],
					"%s is true or false", flags[i]);
		if (b)
			*flag[i] = cJSON_IsTrue(b);
	}
	if (sbx_faults_check(&c, e) < 0)
		return -1;
	pthread_mutex_lock(&f->lock);
	f->cfg = c;
	restart(f);
	pthread_mutex_unlock(&f->lock);
	return 0;
}
