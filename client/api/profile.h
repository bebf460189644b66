/* API profiles (DESIGN.md section 4): a JSON file that describes one
 * provincial procedure API completely, so supporting a new province means
 * writing a profile, not C code. The format is documented in
 * client/api/profiles/README.md; this is its loaded, checked form. */
#ifndef MOTCUA_PROFILE_H
#define MOTCUA_PROFILE_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "core/err.h"
#include "core/model.h"
#include "dates.h"
#include "fields.h"
#include "jpath.h"

enum op_id {
	OP_LOGIN,
	OP_LIST_DOSSIERS,
	OP_GET_DOSSIER,
	OP_INTAKE,
	OP_ACTION,
	OP_LIST_PROCEDURES,
	OP_GET_PROCEDURE,
	OP_LOOKUP_CITIZEN,
	OP_LOOKUP_ENTERPRISE,
	OP_STATS,
	OP_UNITS,
	OP_COUNT
};

enum auth_type {
	AUTH_NONE,
	AUTH_LOGIN,		/* a login operation returns a token or a session cookie */
	AUTH_API_KEY,		/* the secret is sent as is, in a header or the query */
	AUTH_BEARER,		/* a fixed token in the Authorization header */
	AUTH_BASIC,		/* HTTP Basic: base64(user:password) on every request */
};

enum paging_style {
	PAGING_NONE,
	PAGING_PAGE,		/* page number + size */
	PAGING_OFFSET,		/* offset + limit */
	PAGING_CURSOR,		/* an opaque next-page cursor from each reply */
};

struct kv_tmpl {
	char *name, *value;	/* value is a template */
};

/* What kind of failure an API's own error code means, so a refusal inside
 * an HTTP 200 can still say "log in again", "not found" or "conflict". */
enum fail_kind {
	FAIL_REFUSED,
	FAIL_AUTH,
	FAIL_NOT_FOUND,
	FAIL_CONFLICT,
};

struct code_kind {
	char *code;
	enum fail_kind kind;
};

struct envelope {
	struct code_kind *kinds;	/* the API's codes -> kinds of failure */
	int nkinds;
	bool has_success;
	struct jpath success;	/* value that says "it worked" ... */
	char **success_values;	/* ... when it equals one of these (as text) */
	int nsuccess;
	bool has_data;
	struct jpath data;	/* where the payload is */
	bool has_failure;
	struct jpath failure;	/* present in a 2xx reply: it failed (a success
				 * unwrapped, a failure wrapped) */
	bool has_message, has_code, has_field;
	struct jpath message, code, field;	/* an error's sentence, code, field */
};

struct paging {
	enum paging_style style;
	int first;		/* number of the first page (PAGE), usually 1 */
	int size;		/* items per request */
	bool has_total, has_next;
	struct jpath total;	/* total items, to know when to stop */
	struct jpath next;	/* CURSOR: next cursor; PAGE/OFFSET: next page or has-more flag */
};

struct mapping;

/* A date variable an operation sends in its own format ("new_due" as
 * epoch_ms where the API's replies use dd/MM/yyyy). */
struct var_format {
	char *name;
	struct datefmt fmt;
};

/* The intake's array variables, {components} and {lookups}: how one
 * element is written is a template of its own ("each" in the operation),
 * since APIs name the members differently ({"seq", "provided"} here,
 * {"STT", "DaNop"} there). */
enum each_id { EACH_COMPONENTS, EACH_LOOKUPS, EACH_COUNT };
const char *each_name(enum each_id id);

struct join;

struct op {
	bool present;
	char *method, *path;
	struct kv_tmpl *query, *headers;
	int nquery, nheaders;
	cJSON *body;		/* JSON template, or NULL */
	bool form;		/* send the body form-encoded instead of JSON */
	struct envelope env;
	bool has_items, has_item, has_cursor, has_more;
	struct jpath items;	/* lists: the array of items, under the payload */
	struct jpath item;	/* single records: the object, under the payload */
	struct jpath cursor;	/* list_dossiers: the change cursor to send next time */
	struct jpath more;	/* list_dossiers with {since}: true while more changes wait */
	struct paging paging;
	struct var_format *formats;
	int nformats;
	bool reply_none;	/* action: the reply is not the dossier; read it again */
	struct join *joins;	/* get_dossier: parts of the record read apart */
	int njoins;
	struct join *resolve;	/* action: the API's id of {assignee}, by a request */
	const struct mapping *map;
	cJSON *each[EACH_COUNT];	/* intake: element templates (the model's
					 * names when the profile gives none) */
};

/* get_dossier's "join": a part of the dossier (its log, components, due
 * history or allowed actions) that the API serves at an endpoint of its
 * own, read by one more request and joined into the record. */
struct join {
	const struct fdef *def;	/* the dossier's field it fills (NULL: resolve) */
	struct op op;		/* method, path, query, envelope, items */
	bool has_name;
	struct jpath name;	/* allowed_actions: the action's name in an item;
				 * resolve: the id in the reply */
};

/* How one model field is read: a path, or a constant, with options. */
struct field_map {
	const struct fdef *def;	/* NULL for record keys */
	char *key;		/* record key, or the fdef's name */
	bool has_path;
	struct jpath path;
	cJSON *constant;	/* used when the API lacks the field */
	cJSON *values;		/* the API's values -> the model's ("Nam" -> "M") */
	bool has_date;
	struct datefmt date;	/* overrides the profile's format */
};

struct mapping {
	const struct target *target;
	struct field_map *f;
	int n;
};

struct vocab_entry {
	char *api;		/* the API's value, as text */
	int code;		/* the model's code */
};

struct vocab {
	struct vocab_entry *e;
	int n;
};

/* The actions a status allows, for APIs that send no list of their own;
 * to one role (enum role), or to every role (-1). */
struct status_actions {
	int role;
	int status;
	unsigned actions;	/* 1u << enum action */
};

struct profile {
	char *file, *name, *base_url;
	struct datefmt dates;
	bool has_timezone;		/* the profile says its dates' zone */
	enum auth_type auth;
	bool auth_cookie;		/* AUTH_LOGIN: the session is a cookie */
	bool has_token, has_expires;
	struct jpath token, expires;	/* AUTH_LOGIN: in the login reply's payload */
	bool has_expires_in;
	struct jpath expires_in;	/* AUTH_LOGIN: the token's lifetime in seconds */
	bool has_identity;
	struct jpath identity;		/* in the login reply: who logged in; a login
					 * without it, or with a guest's, failed */
	bool has_role;
	struct jpath role;		/* in the login reply: the clerk's role */
	char **guest;			/* identity values of an anonymous guest */
	int nguest;
	struct kv_tmpl auth_header;	/* how credentials go with each request */
	char *auth_query;		/* AUTH_API_KEY in the query: parameter name */
	struct kv_tmpl *headers;	/* sent with every request (a groupId) */
	int nheaders;
	struct op ops[OP_COUNT];
	struct envelope errors;		/* how error replies (4xx/5xx) say what went wrong */
	struct mapping maps[11];	/* one per target (fields.c) */
	int nmaps;
	struct vocab status, channel, roles;
	char *actions[ACT_COUNT];	/* the API's name of each action; NULL: unsupported */
	struct status_actions *allowed;	/* vocab.allowed: by role and status */
	int nallowed;
	char *idempotency_header;
	/* server_id: the server's identity given (name), or the login reply's
	 * header that carries it (header); neither: none */
	char *server_name, *server_header;
	bool etag;			/* the API answers If-None-Match with 304 */
	bool changed_since;		/* list_dossiers takes a change cursor */
	char *sort_updated;		/* {sort} for "most recently changed first" */
	bool open_first;		/* list_dossiers filters by {status}: a first
					 * sync lists the open dossiers first ... */
	char *sort_due;			/* ... by this {sort}, earliest due first
					 * (NULL: the API's own order) */
	bool changes_in_order;		/* ... in the order of the changes, also
					 * within one second of its stamps */
};

/* Load and check a profile. Every error names the file, the key and what
 * was expected: "tinh-x.json: operations.get_dossier.path: unknown
 * variable {id} (known here: code, ...)". */
struct profile *profile_load(const char *path, struct err *e);
struct profile *profile_parse(const char *text, const char *name, struct err *e);
void profile_free(struct profile *p);

const char *op_name(enum op_id op);
const struct mapping *profile_mapping(const struct profile *p, const struct target *t);

/* The model code for an API value of a vocabulary; -1 if unknown. */
int vocab_code(const struct vocab *v, const char *api);
const char *vocab_api(const struct vocab *v, int code);
/* The API's words for national codes ("2,4" -> "receiving,processing"):
 * every word of each code, comma-separated, in a new string. Codes the
 * vocabulary lacks are kept as they are. */
char *vocab_api_list(const struct vocab *v, const char *codes);
/* The actions vocab.allowed gives a status, to that role if it says (role
 * -1: not known), else to everyone; 0: none given. */
unsigned profile_allowed(const struct profile *p, int role, int status);
/* Whether get_dossier reads a dossier's allowed actions from the API (a
 * path, a constant or a join): then vocab.allowed only stands in for them
 * on a dossier not read whole, offline. */
bool profile_reads_allowed(const struct profile *p);
/* The role a login reply's value names (vocab.role, else motcua's role
 * names); -1 if none. */
int profile_role(const struct profile *p, const char *api);

/* Where profiles are looked for by name: $MOTCUA_PROFILE_DIR, then the
 * user's ~/.config/motcua/profiles, then the installed ones. NAME may also
 * be a path. Fills path (size len). */
int profile_find(const char *name, char *path, size_t len, struct err *e);

#endif
