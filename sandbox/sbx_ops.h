/* The operations of the procedure system, independent of any dialect: each
 * takes C values (or a cJSON body in model field names) and returns a
 * cJSON model object, or -1 with a struct sbx_error. A dialect maps its
 * URLs, field names, time format and envelope onto these; it never talks
 * SQL.
 *
 * Model conventions: snake_case keys; every instant is a number of Unix
 * seconds under a key ending in "_at" (a dialect formats them: the
 * reference dialect as ISO 8601 with +07:00), or null; statuses and
 * channels are the national portal's codes with their stable names
 * alongside ("status": 4, "status_name": "processing").
 *
 * All of them run with s->lock held. */
#ifndef MOTCUA_SBX_OPS_H
#define MOTCUA_SBX_OPS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "sbx.h"

#define SBX_PER_PAGE_DEFAULT 50
#define SBX_PER_PAGE_MAX 200
#define SBX_SESSION_SECONDS (12 * 3600)

/* ---- authentication (auth.c) --------------------------------------------- */

/* {"token", "token_type": "Bearer", "expires_at", "user": {...}}. Bad
 * credentials: SBX_E_UNAUTHORIZED; too many failures for the login in a
 * minute: SBX_E_TOO_MANY. */
int sbx_auth_login(struct sbx *s, const char *login, const char *password,
		   cJSON **out, struct sbx_error *e);
/* The user of a session token (SBX_E_UNAUTHORIZED when unknown or
 * expired) or of an API key (the portal dialect). */
int sbx_auth_token(struct sbx *s, const char *token, struct sbx_user *u,
		   struct sbx_error *e);
int sbx_auth_api_key(struct sbx *s, const char *key, struct sbx_user *u,
		     struct sbx_error *e);
int sbx_auth_logout(struct sbx *s, const char *token, struct sbx_error *e);
/* The portal's login: {"api_key", "user": {...}} for a good password
 * (failures as sbx_auth_login). The key is the user's own, not a session:
 * it stays valid. */
int sbx_auth_login_key(struct sbx *s, const char *login, const char *password,
		       cJSON **out, struct sbx_error *e);
/* A user's API key by login, without a password (for /_sandbox, on
 * loopback); SBX_E_NOT_FOUND for an unknown login. */
int sbx_auth_user_key(struct sbx *s, const char *login, char *key, size_t sz,
		      struct sbx_error *e);
/* {"id","login","full_name","role","agency":{"id","name","unit_code"}} */
cJSON *sbx_user_json(struct sbx *s, const struct sbx_user *u);

/* ---- dossiers (ops_dossier.c) -------------------------------------------- */

enum sbx_sort {
	SBX_SORT_DUE,		/* due first, undated last */
	SBX_SORT_RECEIVED,	/* newest receipt first */
	SBX_SORT_UPDATED,	/* most recently changed first */
	SBX_SORT_CODE,
};

struct sbx_list_query {
	unsigned statuses;	/* bit per status code; 0 = any */
	unsigned steps;		/* bit per enum step; 0 = any */
	int assignee;		/* 0 any, 1 the given id, 2 unassigned */
	int64_t assignee_id;
	const char *procedure;	/* NULL = any */
	int channel;		/* 0 = any */
	int overdue;		/* -1 any, 0 not overdue, 1 overdue */
	const char *q;		/* code prefix, ID number, or name (folded) */
	int64_t due_before;	/* 0 = none */
	enum sbx_sort sort;
	bool has_since;		/* changed_since cursor given */
	int64_t since;
	int page, per_page;
};

/* {"items": [summary...], "page", "per_page", "total", "next_page" (or
 * null), "cursor": "<change counter>"}. With a cursor: items changed after
 * it, oldest change first, whether they match the filter or not (each has
 * "matches_filter"), at most per_page; "more" tells whether another call is
 * needed and "cursor" where to continue. */
int sbx_op_list(struct sbx *s, const struct sbx_user *u,
		const struct sbx_list_query *q, cJSON **out,
		struct sbx_error *e);
/* What every list reply of this user depends on besides its parameters:
 * the change counter and the number of the agency's overdue dossiers (the
 * only thing in a list that moves with time alone: for fixed data the
 * overdue set only grows with time, so equal counts mean equal sets).
 * Cheap enough to answer a conditional poll without building the list. */
int sbx_op_list_state(struct sbx *s, const struct sbx_user *u, uint64_t *state,
		      struct sbx_error *e);
/* The full dossier as this user sees it (allowed_actions for them). */
int sbx_op_get(struct sbx *s, const struct sbx_user *u, const char *code,
	       cJSON **out, struct sbx_error *e);
/* Only the version (for If-None-Match); SBX_E_NOT_FOUND when not visible. */
int sbx_op_version(struct sbx *s, const struct sbx_user *u, const char *code,
		   int64_t *version, struct sbx_error *e);

/* ---- changes (ops_write.c) ------------------------------------------------ */

/* Intake: body {"procedure_code", "channel", "applicant": {...}, "proxy",
 * "form": {...}, "components": [...], "copies", "note"}; returns the new
 * dossier (as sbx_op_get). */
int sbx_op_intake(struct sbx *s, const struct sbx_user *u, const cJSON *body,
		  cJSON **out, struct sbx_error *e);
/* An action. if_match: the version the client saw, or -1. body (may be
 * NULL): "note", "reason", "missing": [seq], "received": [seq],
 * "assignee": login, "new_due_at": seconds, "financial_obligation". */
int sbx_op_act(struct sbx *s, const struct sbx_user *u, const char *code,
	       enum action a, int64_t if_match, const cJSON *body, cJSON **out,
	       struct sbx_error *e);

/* Idempotency keys, per user. find: 1 and the first reply when the key
 * was used with the same request digest, 0 when unused, -1 with
 * SBX_E_STATE "idempotency_key_reused" when used with another request. */
int sbx_idem_find(struct sbx *s, int64_t user_id, const char *key,
		  const char *digest, int *status, char **body,
		  struct sbx_error *e);
int sbx_idem_store(struct sbx *s, int64_t user_id, const char *key,
		   const char *digest, int status, const char *body,
		   struct sbx_error *e);

/* ---- registers, audit, catalog, units, stats (ops_misc.c) ----------------- */

enum sbx_register {
	SBX_REG_CITIZEN,
	SBX_REG_ENTERPRISE,
};

/* The register record (keys = the register's columns) plus "source" and
 * "looked_up_at". An invalid number: SBX_E_INVALID; not in the register:
 * SBX_E_NOT_FOUND. Every lookup of a well-formed number is audited. */
int sbx_op_lookup(struct sbx *s, const struct sbx_user *u,
		  enum sbx_register reg, const char *number,
		  const char *dossier, const char *purpose, cJSON **out,
		  struct sbx_error *e);

struct sbx_audit_query {
	const char *user;	/* login */
	const char *subject;
	const char *dossier;
	int kind;		/* -1 any, else enum sbx_register */
	int64_t from, to;	/* [from, to), 0 = open */
	int page, per_page;
};

/* Leaders only. */
int sbx_op_audit(struct sbx *s, const struct sbx_user *u,
		 const struct sbx_audit_query *q, cJSON **out,
		 struct sbx_error *e);

int sbx_op_procedures(struct sbx *s, const char *q, const char *field,
		      cJSON **out, struct sbx_error *e);
int sbx_op_procedure(struct sbx *s, const char *code, cJSON **out,
		     struct sbx_error *e);
/* parent NULL: the provinces; else that unit's children. */
int sbx_op_units(struct sbx *s, const char *parent, const char *q,
		 cJSON **out, struct sbx_error *e);
int sbx_op_unit(struct sbx *s, const char *code, cJSON **out,
		struct sbx_error *e);
/* A user's id by login within an agency, with their role; 0 when none. */
int64_t sbx_user_id(struct sbx *s, const char *agency, const char *login,
		    enum role *role);
/* The user's colleagues (same agency), optionally of one role. */
int sbx_op_users(struct sbx *s, const struct sbx_user *u, int role,
		 cJSON **out, struct sbx_error *e);

/* Figures for the civil days [from, to) of the user's agency. */
int sbx_op_stats(struct sbx *s, const struct sbx_user *u, int64_t from,
		 int64_t to, cJSON **out, struct sbx_error *e);

#endif
