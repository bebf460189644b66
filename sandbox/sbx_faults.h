/* Fault injection for tests and demos: added latency, a bandwidth cap, a
 * share of 5xx replies, connections closed mid-body, malformed or
 * truncated JSON, a slow drip of the body, a reply that never ends (a
 * trickle) and a server that never answers (a stall). Every decision comes from a
 * PRNG seeded by --seed and advanced once per API request, so the same
 * seed and the same sequence of requests give the same faults. Settings
 * can be changed while running (POST /_sandbox/faults), which restarts the
 * sequence. Admin endpoints are never faulted. */
#ifndef MOTCUA_SBX_FAULTS_H
#define MOTCUA_SBX_FAULTS_H

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbx.h"

#define SBX_DRIP_BYTES 64		/* defaults of a drip: 1280 bytes/s */
#define SBX_DRIP_INTERVAL_MS 50

struct sbx_fault_cfg {
	int latency_ms;		/* added before every reply */
	int jitter_ms;		/* plus 0..jitter_ms, drawn per request */
	long bandwidth;		/* bytes per second of body, 0 = unlimited */
	int fail_rate;		/* percent of requests answered 5xx, unprocessed */
	int drop_rate;		/* percent of replies cut mid-body (connection closed) */
	int garble_rate;	/* percent of JSON replies made malformed */
	bool drip;		/* body in drip_bytes pieces every drip_interval_ms */
	int drip_bytes;
	int drip_interval_ms;
	bool trickle;		/* as drip, then blanks at that pace: no end */
	bool stall;		/* read the request, do nothing, answer nothing */
	int after;		/* the first N requests after a change go unfaulted */
	uint64_t seed;
};

struct sbx_faults {
	pthread_mutex_t lock;
	struct sbx_fault_cfg cfg;
	uint64_t state;		/* PRNG */
	uint64_t requests, failed, dropped, garbled, delayed;
};

/* What to do to one reply. */
enum sbx_garble {
	SBX_GARBLE_NONE,
	SBX_GARBLE_TRUNCATE,	/* a prefix of the JSON, with a matching length */
	SBX_GARBLE_QUOTE,	/* one '"' replaced: the text no longer parses */
	SBX_GARBLE_HTML,	/* a proxy's HTML page instead of JSON */
};

struct sbx_fault_plan {
	int delay_ms;
	long bandwidth;
	bool drip, trickle, stall;
	int drip_bytes, drip_interval_ms;
	int fail_status;	/* 0, or 500/502/503/504 */
	bool drop;
	double drop_at;		/* fraction of the body sent before the cut */
	enum sbx_garble garble;
	double garble_at;	/* where in the body */
};

void sbx_faults_init(struct sbx_faults *f, const struct sbx_fault_cfg *cfg);
void sbx_faults_destroy(struct sbx_faults *f);
/* Draw the plan for the next API request. */
void sbx_faults_plan(struct sbx_faults *f, struct sbx_fault_plan *p);
/* Whether the stall is still on: a stalled request waits while it is. */
bool sbx_faults_stalled(struct sbx_faults *f);
/* Count what was applied (for GET /_sandbox/faults). */
void sbx_faults_count(struct sbx_faults *f, const struct sbx_fault_plan *p,
		      bool garbled);
/* Apply the plan's garbling to a JSON body; may change the content type. */
void sbx_faults_garble(const struct sbx_fault_plan *p, char **body,
		       size_t *len, char *content_type, size_t ctsz);

/* The settings and counters as JSON; an update from a JSON object (keys as
 * in struct sbx_fault_cfg; "reset": true clears everything first). */
cJSON *sbx_faults_json(struct sbx_faults *f);
int sbx_faults_update(struct sbx_faults *f, const cJSON *body,
		      struct sbx_error *e);
/* Check a configuration (command line or update). */
int sbx_faults_check(const struct sbx_fault_cfg *c, struct sbx_error *e);

#endif
