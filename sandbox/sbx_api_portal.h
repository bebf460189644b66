/* The portal dialect's internals (sandbox/API_PORTAL.md), shared by
 * api_portal.c (the endpoint, envelope, errors, authentication and
 * parameters), api_portal_services.c (the services' table and the smaller
 * services), api_portal_dossiers.c (the dossier services and idempotent
 * writes), api_portal_names.c (the field tables that turn the operations'
 * model objects into the portal's Vietnamese names and back) and
 * api_portal_shape.c (the code that applies them). */
#ifndef MOTCUA_SBX_API_PORTAL_H
#define MOTCUA_SBX_API_PORTAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbx.h"
#include "sbx_http.h"

#define SBX_PORTAL_PATH "/api/portal"
#define SBX_PORTAL_KEY_HEADER "X-API-Key"
#define SBX_PORTAL_TIME_LEN 15	/* "yyyyMMddHHmmss" and its NUL */

/* ---- field tables (api_portal_names.c, api_portal_shape.c) ---------------- */

enum sbx_pkind {
	SBX_PK_COPY,	/* as it is */
	SBX_PK_NUM,	/* as it is; in requests a string of digits becomes a number */
	SBX_PK_TIME,	/* Unix seconds <-> "yyyyMMddHHmmss" (Vietnam); unset is "" */
	SBX_PK_DATE,	/* "YYYY-MM-DD" -> "yyyyMMdd" */
	SBX_PK_WORDS,	/* a word, or an array of words, through `words` */
	SBX_PK_HHMM,	/* minutes after midnight -> "HH:MM" */
	SBX_PK_FILL,	/* "citizen:full_name" -> "CongDan:HoTen" */
	SBX_PK_OBJ,	/* an object (or null) through `sub` */
	SBX_PK_ARR,	/* an array of objects through `sub` */
	SBX_PK_FLAT,	/* an object whose members (through `sub`) sit in the parent */
};

struct sbx_pword {
	const char *model, *portal;
};

struct sbx_pfield {
	const char *model, *portal;
	enum sbx_pkind kind;
	const struct sbx_pword *words;	/* SBX_PK_WORDS */
	const struct sbx_pfield *sub;	/* SBX_PK_OBJ, _ARR, _FLAT */
};

/* The tables: replies ... */
extern const struct sbx_pfield sbx_pt_dossier[], sbx_pt_procedure[],
	sbx_pt_citizen[], sbx_pt_enterprise[], sbx_pt_audit[], sbx_pt_unit[],
	sbx_pt_user[], sbx_pt_me[], sbx_pt_stats[];
/* ... and request bodies. */
extern const struct sbx_pfield sbx_pt_intake[], sbx_pt_act[];
/* Vocabularies requests use too. */
extern const struct sbx_pword sbx_pw_action[], sbx_pw_step[], sbx_pw_role[],
	sbx_pw_register[];

/* A model object in portal names (a new object; keys the table lacks are
 * left out, so nothing English leaks into a reply). */
cJSON *sbx_portal_shape(const cJSON *model, const struct sbx_pfield *t);
/* An array of model objects, each shaped. */
cJSON *sbx_portal_shape_items(const cJSON *items, const struct sbx_pfield *t);
/* The members of portal object p that t names, in model names, added to m
 * (times parsed). Members t does not name are the caller's to check. */
int sbx_portal_unshape(const cJSON *p, const struct sbx_pfield *t, cJSON *m,
		       struct sbx_error *e);
/* Whether name is a top-level portal member of t (flattened ones too). */
bool sbx_portal_known(const struct sbx_pfield *t, const char *name);
/* The portal name of a model field path the operations reported
 * ("applicant.name" -> "ChuHoSo"); field itself when t does not know it. */
void sbx_portal_field(const struct sbx_pfield *t, const char *field, char *out,
		      size_t sz);

/* Words: model -> portal, and back; NULL when unknown. */
const char *sbx_portal_word(const struct sbx_pword *w, const char *model);
const char *sbx_portal_unword(const struct sbx_pword *w, const char *portal);

/* Times and dates of the portal, Vietnam time. */
void sbx_portal_time(int64_t t, char out[SBX_PORTAL_TIME_LEN]);
int sbx_portal_time_parse(const char *s, int64_t *t);	/* "yyyyMMddHHmmss" */
/* "yyyyMMdd" (or a time "yyyyMMddHHmmss": its day): midnight. */
int sbx_portal_date_parse(const char *s, int64_t *t);

/* ---- one request (api_portal.c) ------------------------------------------- */

struct sbx_portal {
	struct sbx *s;
	const struct sbx_request *rq;
	struct sbx_reply *rp;
	cJSON *body;			/* the request object */
	const char *service;
	const char *notfound;		/* the service's "not found" sentence */
	struct sbx_user user;		/* after authentication */
};

/* Reply "00" with data (taken over; NULL for null). */
void sbx_portal_ok(struct sbx_portal *c, cJSON *data);
/* Reply with the error's code and a Vietnamese message; the operations'
 * field names become portal names through t (may be NULL). */
void sbx_portal_fail(struct sbx_portal *c, const struct sbx_error *e,
		     const struct sbx_pfield *t);
/* {"DanhSach", "TongSo", "TrangSo", "SoBanGhi"} of a model list reply
 * ({"items", "total", "page", "per_page"}), the items shaped by t. */
cJSON *sbx_portal_page(const cJSON *model, const struct sbx_pfield *t);
/* A malformed parameter ("01"), naming it; returns -1. */
int sbx_portal_bad(struct sbx_portal *c, const char *code, const char *field,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Request members. A string: 0 and *out (NULL when absent, null or "");
 * required: absent is an error. A whole number in [min, max], given as a
 * number or a string of digits: 1 and *out, 0 when absent. A boolean (true,
 * false, 1, 0, "true", "false", "1", "0"): 1 and *out, 0 when absent. A
 * date "yyyyMMdd" or time "yyyyMMddHHmmss": 1 and *t, 0 when absent. All
 * -1 after replying "01". */
int sbx_portal_str(struct sbx_portal *c, const char *name, size_t max,
		   bool required, const char **out);
int sbx_portal_int(struct sbx_portal *c, const char *name, int64_t min,
		   int64_t max, int64_t *out);
int sbx_portal_bool(struct sbx_portal *c, const char *name, bool *out);
int sbx_portal_date(struct sbx_portal *c, const char *name, int64_t *t);
int sbx_portal_when(struct sbx_portal *c, const char *name, int64_t *t);
/* TrangSo and SoBanGhi: page from 1, size 1-200 (def when absent). */
int sbx_portal_paging(struct sbx_portal *c, int def, int *page, int *size);

/* The services (api_portal_services.c): the members each takes besides
 * "service" (params, and those of a body table) and whether it needs the
 * X-API-Key. */
struct sbx_portal_service {
	const char *name;
	bool auth;
	const char *const *params;
	const struct sbx_pfield *table;
	void (*fn)(struct sbx_portal *c);
};

extern const struct sbx_portal_service sbx_portal_services[];
extern const size_t sbx_portal_nservices;

/* The dossier services (api_portal_dossiers.c). */
void sbx_portal_list(struct sbx_portal *c);
void sbx_portal_detail(struct sbx_portal *c);
void sbx_portal_intake(struct sbx_portal *c);
void sbx_portal_act(struct sbx_portal *c);

#endif
