/* The outbox (DESIGN.md section 6): every clerk action is committed to the
 * local store before anything says "saved", then sent with its own
 * idempotency key until the server confirms it. Because the key is stored
 * with the action, a process killed at any moment sends the same request
 * again on restart and the server does it once. A conflict (the dossier
 * changed meanwhile) or a refusal is kept for the clerk to see, never
 * retried on its own. */
#ifndef MOTCUA_OUTBOX_H
#define MOTCUA_OUTBOX_H

#include <stdbool.h>
#include <stdint.h>

#include "api/api.h"
#include "api/intake.h"
#include "store.h"

enum ob_state {
	OB_QUEUED,		/* waiting to be sent (again) */
	OB_SENDING,		/* sent; the reply is not in yet */
	OB_DONE,		/* the server confirmed it */
	OB_CONFLICT,		/* the dossier changed on the server: the clerk decides */
	OB_FAILED,		/* the server refused it: error says why */
};

/* What the clerk saw of the dossier when acting, kept with the action so
 * that a conflict can say what changed since, whatever the store holds by
 * then. known: false for actions queued without it (batch mode). */
struct ob_seen {
	bool known;
	int status;
	char *step, *assignee;
	int64_t due_at;
};

struct ob_entry {
	int64_t id;
	char key[33];		/* idempotency key, fixed when queued */
	char *code;		/* an intake: "" until delivered, then the new dossier's */
	enum action act;	/* ACT_COUNT for an intake */
	cJSON *intake;		/* an intake: what intake_to_json wrote; else NULL */
	char *version;		/* what the clerk acted on, for If-Match */
	char *note, *reason, *assignee;
	int64_t new_due;
	int *missing;		/* request-supplement: the components' seq */
	int nmissing;
	enum ob_state state;
	int attempts;
	char *error;
	int64_t created_at, updated_at;
	struct ob_seen seen;
};

const char *ob_state_name(enum ob_state s);	/* "queued", ... */
const char *ob_state_label(enum ob_state s);	/* translated */
/* What the entry does: "accept", ..., "intake"; and as a clerk reads it. */
const char *ob_entry_name(const struct ob_entry *en);
const char *ob_entry_label(const struct ob_entry *en);

/* Queue an action, durably: on return 0 it is on disk. e->id and e->key
 * are filled in. args->idempotency_key is ignored (a new one is made). */
int outbox_add(struct store *s, const char *code, enum action act, const struct api_act_args *args,
	       int64_t now, struct ob_entry *out, struct err *e);
/* The same, keeping what the clerk saw of the dossier (seen may be NULL). */
int outbox_add_seen(struct store *s, const char *code, enum action act,
		    const struct api_act_args *args, const struct dossier *seen, int64_t now,
		    struct ob_entry *out, struct err *e);

/* Queue an intake, durably, like an action: one idempotency key for all
 * its sends, so the dossier is created once however often it is sent. Its
 * code is "" until it is delivered; then it is the new dossier's. */
int outbox_add_intake(struct store *s, const struct intake *in, int64_t now, struct ob_entry *out,
		      struct err *e);

/* The next entry to send: the oldest queued or sending one whose dossier
 * has no earlier entry waiting on the clerk (conflict, failed), so actions
 * on one dossier go in the order they were made. 1 found, 0 none, -1. */
int outbox_next(struct store *s, struct ob_entry *out, struct err *e);
/* The earliest entry on code that waits on the clerk (conflict, failed):
 * later ones on that dossier wait behind it. 1 found, 0 none, -1. */
int outbox_blocker(struct store *s, const char *code, struct ob_entry *out, struct err *e);
/* Entries in order; all: the delivered ones too (the last 200). */
int outbox_list(struct store *s, bool all, struct ob_entry **v, size_t *n, struct err *e);
int outbox_get(struct store *s, int64_t id, struct ob_entry *out, struct err *e);	/* 1, 0, -1 */
/* Queued, sending, conflict and failed: what the status bar counts. */
int outbox_pending(struct store *s);
int outbox_waiting(struct store *s);	/* conflict and failed only */

/* Record a send attempt before the request goes out. */
int outbox_sending(struct store *s, int64_t id, int64_t now, struct err *e);
/* Record the outcome, in one transaction with what follows from it:
 * delivered, the dossier as the server returned it is stored and the
 * later entries queued on the same dossier move to its new version; an
 * intake takes the code of the dossier it created. */
int outbox_delivered(struct store *s, const struct ob_entry *en, const struct dossier *result,
		     int64_t now, struct err *e);
/* Not delivered: back to queued (a network failure), or conflict/failed
 * with the server's words. */
int outbox_set_state(struct store *s, int64_t id, enum ob_state st, const char *error, int64_t now,
		     struct err *e);
/* The clerk decided: send a conflicting or failed entry again, on the
 * dossier's current version (NULL: keep the one it has). */
int outbox_retry(struct store *s, int64_t id, const char *version, int64_t now, struct err *e);
/* The clerk gave the action up (not once delivered). 1 done, 0 no such
 * undelivered entry, -1. */
int outbox_discard(struct store *s, int64_t id, struct err *e);
/* Forget delivered entries older than this. */
int outbox_prune(struct store *s, int64_t before, struct err *e);

/* Take over the undelivered entries of another store of the same server
 * and clerk (store_others), in their order, with their idempotency keys,
 * and remove them from it; returns how many came (one already here by
 * its key is not added twice), or -1. */
int outbox_adopt(struct store *s, const char *other, int64_t now, struct err *e);

/* The entry as api_act takes it (pointers into en). */
void ob_entry_args(const struct ob_entry *en, struct api_act_args *args);
void ob_entry_free(struct ob_entry *en);

#endif
