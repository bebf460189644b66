/* Adapters: read a provincial API's replies into the model through a
 * profile, and say clearly what was wrong when a reply does not fit
 * ("server reply, item 3, field due_at: '31/02/2025' is not a date in the
 * format dd/MM/yyyy"). Nothing here touches the network. */
#ifndef MOTCUA_ADAPTER_H
#define MOTCUA_ADAPTER_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "core/err.h"
#include "core/model.h"
#include "profile.h"

struct reply {
	cJSON *root;		/* the parsed body (owned) */
	const cJSON *payload;	/* inside root, after the envelope */
	char code[64];		/* the API's error code, if it gave one */
	enum fail_kind kind;	/* what that code means, by the profile's kinds */
	char field[64];		/* the field an error is about, if given */
};

/* Parse and check a reply of op with HTTP status `status`: JSON, the
 * envelope's success rule (some APIs report errors inside a 200), the
 * payload's place. Returns 0, ADAPTER_REFUSED when the server said no (an
 * error status, or an envelope without success: e holds the API's own
 * message when it has one, r->code / r->field what it said), or
 * ADAPTER_BADREPLY when the reply does not fit the profile. */
#define ADAPTER_REFUSED (-2)
#define ADAPTER_BADREPLY (-1)
int adapter_open(const struct profile *p, const struct op *op, long status,
		 const char *body, size_t len, struct reply *r, struct err *e);
void reply_free(struct reply *r);

/* The array of items of a list reply, and the object of a single one. */
const cJSON *adapter_items(const struct op *op, const struct reply *r, struct err *e);
const cJSON *adapter_item(const struct op *op, const struct reply *r, struct err *e);

/* Read obj into out (a struct dossier, struct procedure, ... or a struct
 * record, as m's target says). out is zeroed first; on failure it holds
 * nothing to free. */
int adapter_read(const struct profile *p, const struct mapping *m, const cJSON *obj,
		 void *out, struct err *e);
/* The same for a clerk of that role (enum role; -1: not known), whose
 * dossiers without a list of their own get vocab.allowed's for the role. */
int adapter_read_as(const struct profile *p, int role, const struct mapping *m, const cJSON *obj,
		    void *out, struct err *e);

/* One field of a dossier from a value read apart (get_dossier's join):
 * a list of log entries, components, due changes, or action names. */
int adapter_read_part(const struct profile *p, const struct fdef *def, const cJSON *v,
		      struct dossier *d, struct err *e);

/* Whether a single-record reply holds nothing: null, {} or [] where the
 * record (or the whole payload) should be. Many APIs answer an unknown
 * id so, with 200. */
bool adapter_empty(const struct op *op, const struct reply *r);

/* The total number of items a list reply reports (paging.total), -1 if
 * it reports none. */
long adapter_total(const struct op *op, const struct reply *r);

/* Paging: after a page of size (asked) with got items, seen in all so
 * far, the next request's position. Returns 1 if there is a next page
 * (filling *next_page or next_cursor), 0 if this was the last, -1 (e says
 * why) when the pages ended short of the total the server reported: a
 * server that caps its page size must not pass for a complete list. */
int adapter_next_page(const struct op *op, const struct reply *r, int page, int size, long seen,
		      int got, int *next_page, char *next_cursor, size_t len, struct err *e);

/* The change cursor a list reply carries, as text ("" if none). */
void adapter_cursor(const struct op *op, const struct reply *r, char *buf, size_t len);

/* A scalar as text: strings as they are, numbers without a trailing .0. */
int json_text(const cJSON *v, char *buf, size_t len);

#endif
