/* Internals shared by the ops_*.c files (not for dialects). */
#ifndef MOTCUA_SBX_OPS_INT_H
#define MOTCUA_SBX_OPS_INT_H

#include <stdint.h>

#include "sbx_ops.h"
#include "sbx_workflow.h"

/* What the workflow and the writers need of one dossier. */
struct sbx_dossier_row {
	char code[80];
	char procedure_code[40];
	struct sbx_wf_state st;
	int64_t version;
	int minutes;		/* the procedure's budget */
	int cutoff;		/* CAL_NO_CUTOFF or minutes after midnight */
};

/* The listing kept for key at the change counter seq, or NULL. */
const struct sbx_listing *sbx_listing_find(struct sbx *s, const char *key, int64_t seq);
/* Make and keep the listing for key from st, a query stepping one rowid
 * per row in order; NULL (and e) on a database failure. */
const struct sbx_listing *sbx_listing_make(struct sbx *s, const char *key, int64_t seq,
					   sqlite3_stmt *st, struct sbx_error *e);
void sbx_listings_free(struct sbx *s);

/* Load a dossier of the user's agency; SBX_E_NOT_FOUND otherwise. */
int sbx_dossier_load(struct sbx *s, const struct sbx_user *u, const char *code,
		     struct sbx_dossier_row *r, struct sbx_error *e);

#define SBX_TEXT_MAX 2000	/* notes, reasons, form values */

/* Members of a JSON body (ops_intake.c). An optional string: 0 and *out
 * (NULL when absent, null or blank), or -1 with a 400 naming field; a
 * required one: the same, absent is "missing_field". */
int sbx_body_opt_string(const cJSON *o, const char *key, const char *field,
			size_t max, const char **out, struct sbx_error *e);
int sbx_body_req_string(const cJSON *o, const char *key, const char *field,
			size_t max, const char **out, struct sbx_error *e);
/* Members of o not in the NULL-terminated keys: a typo, refused (400
 * "unknown_field"); where names the object in the message, or NULL. */
int sbx_body_only_keys(const cJSON *o, const char *const *keys,
		       const char *where, struct sbx_error *e);

/* Append to a dossier's processing log (u NULL: the applicant or portal;
 * from 0: no previous status). */
int sbx_dossier_log(struct sbx *s, const char *code, int64_t now,
		    const struct sbx_user *u, const char *action, int from, int to,
		    const char *note, struct sbx_error *e);

/* Escape %, _ and \ for LIKE ... ESCAPE '\'; malloc'd. */
char *sbx_like_escape(const char *s);

/* Paging values of a reply: page, per_page, total, next_page. */
void sbx_add_paging(cJSON *o, int page, int per_page, int64_t total);

#endif
