/* The reference dialect's internals, shared by api_ref.c (shaping,
 * parameters, routing, the smaller endpoints) and api_ref_dossiers.c (the
 * dossier endpoints and idempotent writes). */
#ifndef MOTCUA_SBX_API_REF_H
#define MOTCUA_SBX_API_REF_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbx.h"
#include "sbx_http.h"

#define SBX_REF_MAX_SEGS 8

/* One request being answered. */
struct sbx_ref {
	struct sbx *s;
	const struct sbx_request *rq;
	struct sbx_reply *rp;
	struct sbx_user user;
	const char *token;	/* the bearer token, once authenticated */
	char *seg[SBX_REF_MAX_SEGS];
	int nseg;
	bool get, post;
};

/* Reply with a model object (freed): instants become ISO 8601 strings. */
void sbx_ref_reply(struct sbx_ref *c, int status, cJSON *model);
void sbx_ref_fail(struct sbx_ref *c, const struct sbx_error *e);
/* Top-level "*_at" strings of a request body to Unix seconds. */
int sbx_ref_parse_times(cJSON *body, struct sbx_error *e);

/* Query parameters: a 400 naming one (returns -1); unknown or repeated
 * ones refused (names NULL-terminated, or NULL for none); a value ("" is
 * absent); page and per_page; a comma-separated list, one() per item. */
int sbx_ref_bad_param(struct sbx_ref *c, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int sbx_ref_only_params(struct sbx_ref *c, const char *const *names);
const char *sbx_ref_param(struct sbx_ref *c, const char *name);
int sbx_ref_paging(struct sbx_ref *c, int *page, int *per_page);
int sbx_ref_each_item(const char *list, int (*one)(const char *, void *),
		      void *arg);

/* /api/v1/dossiers[/CODE[/actions/ACTION]], authenticated (api_ref_dossiers.c). */
void sbx_ref_dossiers(struct sbx_ref *c);

#endif
