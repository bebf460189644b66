/* The model's vocabularies, shared by the client and the sandbox
 * (DESIGN.md section 5, DOMAIN.md "Dossier lifecycle"), listed once in
 * vocab.h: statuses are the national portal's codes 1-10, channels its
 * codes 1-3; actions, roles and steps have stable names used in profiles,
 * the API and the command language. */
#ifndef MOTCUA_MODEL_H
#define MOTCUA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

/* The enums, from the lists in vocab.h. */
#define MODEL_ST(id, code, ...) ST_##id = code,
#define MODEL_CH(id, code, ...) CH_##id = code,
#define MODEL_ROLE(id, ...) ROLE_##id,
#define MODEL_ACT(id, bit, ...) ACT_##id = bit,
#define MODEL_STEP(id, ...) STEP_##id,

enum status {
	STATUSES(MODEL_ST)
};
enum { ST_MIN = 1, ST_MAX = 0 STATUSES(VOCAB_ONE) };	/* the codes run 1..ST_MAX */

enum channel {
	CHANNELS(MODEL_CH)
};
enum { CH_MIN = 1, CH_MAX = 0 CHANNELS(VOCAB_ONE) };

enum role {
	ROLES(MODEL_ROLE)
	ROLE_COUNT
};

enum action {
	ACTIONS(MODEL_ACT)
	ACT_COUNT = 0 ACTIONS(VOCAB_ONE)	/* the bits run 0..ACT_COUNT - 1 */
};

enum step {
	STEPS(MODEL_STEP)
	STEP_COUNT
};

#undef MODEL_ST
#undef MODEL_CH
#undef MODEL_ROLE
#undef MODEL_ACT
#undef MODEL_STEP

/* Stable names ("accept", "request-supplement", "reception", ...) and their
 * inverses; the parsers return -1 for an unknown name. */
const char *status_name(enum status s);	/* "processing"; "" if out of range */
int status_parse(const char *name);
bool status_valid(int code);
bool status_is_open(enum status s);	/* not finished in any way */
/* Finished for good, nothing left for the desk: refused, withdrawn,
 * stopped, returned (a result ready still waits at the desk). */
bool status_is_finished(enum status s);
/* The processing clock runs (accepted, processing, fee due): only then can
 * a dossier be overdue. New ones have no due date yet; a supplement
 * request stops the clock until the supplement comes. */
bool status_clock_runs(enum status s);

const char *channel_name(enum channel c);
int channel_parse(const char *name);

const char *role_name(enum role r);
int role_parse(const char *name);

const char *action_name(enum action a);
int action_parse(const char *name);
/* It cannot be undone: it closes the dossier (refuse, stop, withdraw) or
 * spends its one apology (reschedule). It takes a reason, and the client
 * asks before it queues it. */
bool action_irreversible(enum action a);

/* "signing"; "" if out of range. A profile may name steps the model does
 * not know: step_label shows those as they are. */
const char *step_name(enum step s);
int step_parse(const char *name);

/* The label a clerk reads (translated through gettext). */
const char *status_label(enum status s);
const char *action_label(enum action a);
const char *channel_label(enum channel c);
const char *role_label(enum role r);
/* A workflow step of the model ("signing"), and a processing log's action
 * (the clerk actions, and "submit": filed by the applicant), as a clerk
 * reads them; a word the model does not know comes back as it is. */
const char *step_label(const char *step);
const char *log_action_label(const char *action);

/* ---- records the engine reads from a provincial API (adapter.c) ---- */

/* Instants are Unix seconds; 0 means "not set". */

/* A flat record of text values: a citizen or enterprise from a national
 * register, a statistics reply, an administrative unit. */
struct kv {
	char *key, *value;
};

struct record {
	struct kv *kv;
	int n;
};

const char *record_get(const struct record *r, const char *key);
void record_set(struct record *r, const char *key, const char *value);
void record_free(struct record *r);

struct component {
	int seq;		/* its number in the procedure, kept by a dossier: what an
				 * intake and a supplement request name; 0: unknown */
	char *name;
	char *national_source;	/* procedures: the register that replaces it */
	int copies;
	bool from_national;	/* national data replaces the paper */
	bool provided;
	bool required;		/* procedures: a dossier without it is incomplete */
};

struct due_change {
	int64_t old_due, new_due, at;
	char *reason;		/* "supplement", "apology" */
};

struct log_entry {
	int64_t at;
	char *who, *role, *action, *note;
	int from_status, to_status;
};

/* Where a dossier's allowed actions come from. */
enum allowed_from {
	ALLOWED_READ,		/* the server's word, with the dossier as it is now */
	/* not read whole since it last changed (offline, a summary): */
	ALLOWED_RULES,		/* the profile's rules for its status and the clerk's role */
	ALLOWED_UNKNOWN,	/* no rules: every action the API has, the server decides */
};

struct dossier {
	/* code: what the API addresses the dossier by, in requests, the
	 * store and the outbox. number: the dossier number the clerk sees,
	 * when the API's id is something else (OpenCPS's dossierId beside
	 * its dossierNo); "" before reception, NULL when code is the number. */
	char *code, *number, *procedure_code, *procedure_name, *agency;
	char *applicant_name, *applicant_id, *applicant_phone;
	char *applicant_email, *applicant_address;
	char *proxy_name, *proxy_id;
	char *step;
	char *assignee;		/* who handles it, as the API names them */
	char *assignee_login;	/* their login, to compare with the clerk's own */
	int status, channel;
	long long fee;		/* VND; -1: the API does not say */
	int copies;		/* sets handed in, for the receipt; 0: unknown */
	char *days_text;	/* the legal processing time as the law says it */
	int64_t submitted_at, received_at, due_at, finished_at, returned_at;
	int64_t updated_at;	/* last change on the server: sync's fallback */
	char *version;		/* opaque: compared, sent back in If-Match */
	unsigned allowed;	/* 1u << enum action */
	enum allowed_from allowed_from;
	struct component *components;
	int ncomponents;
	struct due_change *due_history;
	int ndue;
	struct log_entry *log;
	int nlog;
	/* Non-NULL: the strings above live in this one block (summaries
	 * loaded from the store, thousands at start-up); never replace one of
	 * them, make a new dossier. */
	char *pack;
};

void dossier_free(struct dossier *d);
/* The status of this dossier for a person: status 1 is "New online" only
 * for a dossier filed online; one handed in at the desk or by post is
 * "Not yet accepted". */
const char *dossier_status_label(const struct dossier *d);
/* The number to show: number, else code; a placeholder while the API has
 * none yet (an online submission before reception). */
const char *dossier_number(const struct dossier *d);
/* Free n dossiers and the array that holds them. */
void dossiers_free(struct dossier *v, size_t n);

struct proc_field {
	char *key, *label, *type, *pattern, *lookup, *fill_from;
	bool required;
	char **options;		/* a select's choices */
	int noptions;
};

/* A procedure bundled into a joint (liên thông) one. */
struct proc_part {
	char *code, *name;
};

struct procedure {
	char *code, *name, *field, *level, *days_text, *result, *fee_note;
	int minutes;		/* processing time in working minutes */
	int cutoff;		/* minute of the day, -1 for none */
	long long fee;
	bool joint;
	struct component *components;
	int ncomponents;
	struct proc_field *fields;
	int nfields;
	struct proc_part *parts;	/* joint procedures: what they bundle */
	int nparts;
};

void procedure_free(struct procedure *p);
/* A deep copy of src into dst, to keep beyond a callback. */
void procedure_copy(struct procedure *dst, const struct procedure *src);

#endif
