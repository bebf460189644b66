/* Auto-fill of an intake form from the national registers (DOMAIN.md
 * "National data instead of paper"): a field with a lookup (the applicant's
 * ID number, a household business's tax code) looks its register up once
 * its value is valid and the clerk has paused typing (debounced); the reply
 * fills the fields of the same block whose fill_from names that register,
 * marked as national data, and ticks the components the register covers.
 *
 * Lookups never block typing (the loop's timers and the API's async
 * calls), can be cancelled (Esc), are cached for the session (the same ID
 * twice is one request, across forms) and each one is audited: on the
 * server through the request's purpose, which names the intake, and in the
 * local audit log by the backend (the session's, session_lookup). Offline
 * the form is completed by hand and says that the lookup was not done.
 *
 * The registers are behind struct af_backend, which the session supplies
 * (session_autofill_backend), so tests drive it by hand. */
#ifndef MOTCUA_AUTOFILL_H
#define MOTCUA_AUTOFILL_H

#include <stdbool.h>
#include <stdint.h>

#include "api/api.h"
#include "core/model.h"
#include "iform.h"
#include "net/loop.h"

/* How long the clerk's pause must be before a lookup goes out: a typed
 * ID number is often corrected at once (a transposed digit). */
#define AF_DEBOUNCE_MS 300

enum af_state {
	AF_IDLE,		/* no valid number yet */
	AF_WAITING,		/* valid; the debounce runs */
	AF_LOOKING,		/* the request is out */
	AF_FOUND,
	AF_NOT_FOUND,		/* not in the register: typed by hand */
	AF_OFFLINE,		/* the register could not be reached: not done */
	AF_FAILED,		/* refused or broken: not done; why is in err */
	AF_CANCELLED,		/* Esc */
};

typedef void (*af_got_fn)(void *ctx, struct record *rec, const struct api_result *r);

struct af_backend {
	/* Start a lookup in the register of that name (a field's lookup:
	 * "citizen", "enterprise"), audited; got runs later, exactly once,
	 * owning rec. Returns an id, or 0 when no request can be made (no
	 * server): the lookup is then "not done". */
	unsigned (*lookup)(void *arg, const char *reg, const char *id, const char *purpose,
			   af_got_fn got, void *ctx);
	void (*cancel)(void *arg, unsigned id);	/* got runs with API_E_CANCELLED */
	void *arg;
};

/* The answers of the session: register + ID -> record, or "not in it". */
struct af_cache;
struct af_cache *af_cache_new(void);
void af_cache_free(struct af_cache *c);
int af_cache_size(const struct af_cache *c);

/* One per lookup field of the form. */
struct autofill;

struct af_lookup {
	struct autofill *af;
	int field;		/* its index in the form */
	enum af_state state;
	char id[VALIDATE_MAX];	/* the number looked up (normalised) */
	unsigned timer, req;
	int filled;		/* fields filled by its reply */
	struct err why;		/* AF_FAILED */
};

struct autofill {
	struct loop *loop;
	struct af_backend be;
	struct af_cache *cache;	/* not owned: it outlives the form */
	struct iform *form;
	char purpose[160];	/* sent and audited with every lookup */
	struct af_lookup *l;
	int nl;
	int requests;		/* sent to a register (the cache answered the rest) */
	/* Something changed the form or a lookup's state: redraw. */
	void (*changed)(void *arg);
	void *changed_arg;
};

/* intake_ref names the intake in the audit until it has a dossier code
 * (NULL: a fresh one, 12 hex digits). */
void af_init(struct autofill *af, struct loop *loop, const struct af_backend *be,
	     struct af_cache *cache, struct iform *form, const char *intake_ref);
void af_free(struct autofill *af);	/* cancels what runs */

/* The clerk changed field i: a lookup field re-arms its debounce (or goes
 * idle when no longer valid, cancelling what ran for the old number). */
void af_edited(struct autofill *af, int field);
/* Esc: stop every pending or running lookup; false if none was. */
bool af_cancel(struct autofill *af);
/* The lookup of field i, or NULL if it has none. */
const struct af_lookup *af_lookup_of(const struct autofill *af, int field);
/* Any lookup not done because the register could not be reached. */
bool af_any_offline(const struct autofill *af);

/* The field that looks up what fills field i (same block first, else the
 * first lookup of that register), or -1. The mapping, public for tests. */
int af_source_field(const struct iform *f, int i);
/* Fill every field of lookup field src from rec and tick the components
 * the register covers; returns how many fields were filled. */
int af_apply(struct iform *f, int src, const char *reg, const struct record *rec);

#endif
