/* The opencps dialect's internals (sandbox/API_OPENCPS.md), shaped after
 * OpenCPS v2's officer REST API: api_opencps.c (routing, Basic
 * authentication and the guest, errors, the dossier endpoints) and
 * api_opencps_shape.c (model objects to OpenCPS's camelCase names and
 * dd/MM/yyyy HH:mm:ss times, its status words and action codes, and the
 * catalog, register, unit and statistics endpoints). */
#ifndef MOTCUA_SBX_API_OPENCPS_H
#define MOTCUA_SBX_API_OPENCPS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "sbx.h"
#include "sbx_http.h"

#define SBX_OCPS_PREFIX "/o/rest/v2"
#define SBX_OCPS_MAX_SEGS 4
#define SBX_OCPS_GUEST_ID 20105	/* the anonymous user a wrong password gets */
#define SBX_OCPS_PAGE_MAX 100	/* items per reply, whatever end asks */

struct sbx_ocps {
	struct sbx *s;
	const struct sbx_request *rq;
	struct sbx_reply *rp;
	struct sbx_user user;
	bool guest;			/* no or wrong credentials */
	char *seg[SBX_OCPS_MAX_SEGS];
	int nseg;
	char number[64];		/* the dossier a dossierId in the path names */
};

/* Replies: data shaped already; an error {"status", "message",
 * "description"} with its HTTP status. */
void sbx_ocps_reply(struct sbx_ocps *c, int status, cJSON *data);
void sbx_ocps_fail(struct sbx_ocps *c, const struct sbx_error *e);
void sbx_ocps_error(struct sbx_ocps *c, int status, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A model object (or array) in OpenCPS's names, recursively: snake_case
 * keys in camelCase, an instant "x_at" as "xDate" in dd/MM/yyyy HH:mm:ss
 * ("" when unset), statuses as words. The object is consumed. */
cJSON *sbx_ocps_shape(cJSON *model);
/* A model dossier as OpenCPS's detail: dossierNo, dossierId, serviceCode,
 * ...; its log and allowed actions are left out (served apart). With
 * s->number_on_reception, dossierNo is "" until the dossier is received. */
cJSON *sbx_ocps_dossier(const struct sbx *s, cJSON *model);
/* The internal dossierId of the dossier numbered code. */
int64_t sbx_ocps_dossier_id(const char *code);
/* {"total", "data"} of the items start..end of a model list. */
cJSON *sbx_ocps_page(cJSON *items, int total, int start, int end);

/* Status words and action codes. */
const char *sbx_ocps_status_word(int code);
int sbx_ocps_status_parse(const char *word);	/* -1 unknown */
const char *sbx_ocps_action_code(int action);
int sbx_ocps_action_parse(const char *code);	/* -1 unknown */

/* "dd/MM/yyyy HH:mm:ss" or "dd/MM/yyyy" (midnight), Vietnam time. */
void sbx_ocps_time(int64_t t, char out[20]);
int sbx_ocps_time_parse(const char *s, int64_t *t);

/* The smaller endpoints (api_opencps_shape.c). */
void sbx_ocps_serviceinfos(struct sbx_ocps *c);
void sbx_ocps_lookup(struct sbx_ocps *c);
void sbx_ocps_govagencies(struct sbx_ocps *c);
void sbx_ocps_statistics(struct sbx_ocps *c);
/* start/end of the query (end exclusive, at most SBX_OCPS_PAGE_MAX apart:
 * a larger window is cut, as the real server caps its pages); -1 after
 * replying 400. */
int sbx_ocps_window(struct sbx_ocps *c, int *start, int *end);

#endif
