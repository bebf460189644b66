#include "config.h"

#include <string.h>

#include "i18n.h"
#include "model.h"
#include "xalloc.h"

static const char *const status_names[] = {
	[ST_NEW] = "new", [ST_ACCEPTED] = "accepted", [ST_REFUSED] = "refused",
	[ST_PROCESSING] = "processing", [ST_SUPPLEMENT] = "supplement",
	[ST_PAYMENT] = "payment", [ST_WITHDRAWN] = "withdrawn",
	[ST_STOPPED] = "stopped", [ST_RESULT_READY] = "result-ready",
	[ST_RETURNED] = "returned",
};

static const char *const status_labels[] = {
	[ST_NEW] = N_("New online"), [ST_ACCEPTED] = N_("Accepted"),
	[ST_REFUSED] = N_("Refused"), [ST_PROCESSING] = N_("Processing"),
	[ST_SUPPLEMENT] = N_("Supplement"), [ST_PAYMENT] = N_("Fee due"),
	[ST_WITHDRAWN] = N_("Withdrawn"), [ST_STOPPED] = N_("Stopped"),
	[ST_RESULT_READY] = N_("Result ready"), [ST_RETURNED] = N_("Returned"),
};

static const char *const channel_names[] = {
	[CH_DIRECT] = "direct", [CH_ONLINE] = "online", [CH_POSTAL] = "postal",
};

static const char *const channel_labels[] = {
	[CH_DIRECT] = N_("At the desk"), [CH_ONLINE] = N_("Online"),
	[CH_POSTAL] = N_("By post"),
};

static const char *const role_names[] = {
	[ROLE_RECEPTION] = "reception", [ROLE_SPECIALIST] = "specialist",
	[ROLE_LEADER] = "leader", [ROLE_RECORDS] = "records",
};

static const char *const role_labels[] = {
	[ROLE_RECEPTION] = N_("Reception"), [ROLE_SPECIALIST] = N_("Specialist"),
	[ROLE_LEADER] = N_("Leader"), [ROLE_RECORDS] = N_("Records"),
};

static const char *const action_names[] = {
	[ACT_ACCEPT] = "accept", [ACT_REFUSE] = "refuse",
	[ACT_REQUEST_SUPPLEMENT] = "request-supplement",
	[ACT_RECEIVE_SUPPLEMENT] = "receive-supplement",
	[ACT_ASSIGN] = "assign", [ACT_FORWARD_SIGNING] = "forward-signing",
	[ACT_APPROVE] = "approve", [ACT_STOP] = "stop", [ACT_WITHDRAW] = "withdraw",
	[ACT_RESULT_READY] = "result-ready", [ACT_RETURN_RESULT] = "return-result",
	[ACT_RESCHEDULE] = "reschedule", [ACT_CONFIRM_PAYMENT] = "confirm-payment",
};

/* The steps a profile's "step" vocabulary maps to (DOMAIN.md lifecycle). */
static const char *const step_names[] = {
	"reception", "assignment", "processing", "signing", "issue", "return", "done",
};

static const char *const step_labels[] = {
	N_("Receiving"), N_("Assigning"), N_("Examining"), N_("Signing"),
	N_("Issuing the result"), N_("Returning the result"), N_("Completed"),
};

static const char *const action_labels[] = {
	[ACT_ACCEPT] = N_("Accept"), [ACT_REFUSE] = N_("Refuse"),
	[ACT_REQUEST_SUPPLEMENT] = N_("Request supplement"),
	[ACT_RECEIVE_SUPPLEMENT] = N_("Receive supplement"),
	[ACT_ASSIGN] = N_("Assign"), [ACT_FORWARD_SIGNING] = N_("Forward for signing"),
	[ACT_APPROVE] = N_("Approve"), [ACT_STOP] = N_("Stop processing"),
	[ACT_WITHDRAW] = N_("Withdraw"), [ACT_RESULT_READY] = N_("Mark result ready"),
	[ACT_RETURN_RESULT] = N_("Return result"),
	[ACT_RESCHEDULE] = N_("Apologise and reschedule"),
	[ACT_CONFIRM_PAYMENT] = N_("Confirm payment"),
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int lookup(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], name))
			return i;
	return -1;
}

bool status_valid(int code)
{
	return code >= ST_MIN && code <= ST_MAX;
}

const char *status_name(enum status s)
{
	return status_valid((int)s) ? status_names[s] : "";
}

int status_parse(const char *name)
{
	return lookup(status_names, COUNT(status_names), name);
}

bool status_is_open(enum status s)
{
	switch (s) {
	case ST_NEW: case ST_ACCEPTED: case ST_PROCESSING:
	case ST_SUPPLEMENT: case ST_PAYMENT:
		return true;
	default:
		return false;
	}
}

bool status_clock_runs(enum status s)
{
	return s == ST_ACCEPTED || s == ST_PROCESSING || s == ST_PAYMENT;
}

const char *status_label(enum status s)
{
	return status_valid((int)s) ? _(status_labels[s]) : "";
}

const char *channel_name(enum channel c)
{
	return c >= CH_DIRECT && c <= CH_POSTAL ? channel_names[c] : "";
}

int channel_parse(const char *name)
{
	return lookup(channel_names, COUNT(channel_names), name);
}

const char *role_name(enum role r)
{
	return r < ROLE_COUNT ? role_names[r] : "";
}

int role_parse(const char *name)
{
	return lookup(role_names, COUNT(role_names), name);
}

const char *action_name(enum action a)
{
	return a < ACT_COUNT ? action_names[a] : "";
}

int action_parse(const char *name)
{
	return lookup(action_names, COUNT(action_names), name);
}

const char *action_label(enum action a)
{
	return a < ACT_COUNT ? _(action_labels[a]) : "";
}

const char *channel_label(enum channel c)
{
	return c >= CH_DIRECT && c <= CH_POSTAL ? _(channel_labels[c]) : "";
}

const char *role_label(enum role r)
{
	return r < ROLE_COUNT ? _(role_labels[r]) : "";
}

const char *step_label(const char *step)
{
	int i = step ? lookup(step_names, COUNT(step_names), step) : -1;

	return i >= 0 ? _(step_labels[i]) : step;
}

const char *log_action_label(const char *action)
{
	int a = action ? action_parse(action) : -1;

	if (a >= 0)
		return action_label((enum action)a);
	return action && !strcmp(action, "submit") ? _("Filed by the applicant") : action;
}

/* ---- records ---- */

const char *record_get(const struct record *r, const char *key)
{
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->kv[i].key, key))
			return r->kv[i].value;
	return NULL;
}

void record_set(struct record *r, const char *key, const char *value)
{
	for (int i = 0; i < r->n; i++) {
		if (!strcmp(r->kv[i].key, key)) {
			free(r->kv[i].value);
			r->kv[i].value = xstrdup(value);
			return;
		}
	}
	r->kv = xrealloc(r->kv, (size_t)(r->n + 1) * sizeof *r->kv);
	r->kv[r->n++] = (struct kv){ xstrdup(key), xstrdup(value) };
}

void record_free(struct record *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->kv[i].key);
		free(r->kv[i].value);
	}
	free(r->kv);
	r->kv = NULL;
	r->n = 0;
}

static void components_free(struct component *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].name);
		free(c[i].national_source);
	}
	free(c);
}

void dossier_free(struct dossier *d)
{
	char **strs[] = {
		&d->code, &d->procedure_code, &d->procedure_name, &d->agency,
		&d->applicant_name, &d->applicant_id, &d->applicant_phone,
		&d->applicant_email, &d->applicant_address, &d->proxy_name,
		&d->proxy_id, &d->step, &d->assignee, &d->assignee_login, &d->version,
		&d->days_text,
	};

	for (size_t i = 0; i < sizeof strs / sizeof strs[0] && !d->pack; i++)
		free(*strs[i]);
	free(d->pack);
	components_free(d->components, d->ncomponents);
	for (int i = 0; i < d->ndue; i++)
		free(d->due_history[i].reason);
	free(d->due_history);
	for (int i = 0; i < d->nlog; i++) {
		free(d->log[i].who);
		free(d->log[i].role);
		free(d->log[i].action);
		free(d->log[i].note);
	}
	free(d->log);
	memset(d, 0, sizeof *d);
}

void dossiers_free(struct dossier *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dossier_free(&v[i]);
	free(v);
}

void procedure_free(struct procedure *p)
{
	char **strs[] = { &p->code, &p->name, &p->field, &p->level, &p->days_text, &p->result,
			  &p->fee_note };

	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
	components_free(p->components, p->ncomponents);
	for (int i = 0; i < p->nfields; i++) {
		struct proc_field *f = &p->fields[i];

		free(f->key);
		free(f->label);
		free(f->type);
		free(f->pattern);
		free(f->lookup);
		free(f->fill_from);
		for (int j = 0; j < f->noptions; j++)
			free(f->options[j]);
		free(f->options);
	}
	free(p->fields);
	for (int i = 0; i < p->nparts; i++) {
		free(p->parts[i].code);
		free(p->parts[i].name);
	}
	free(p->parts);
	memset(p, 0, sizeof *p);
}

void procedure_copy(struct procedure *dst, const struct procedure *src)
{
	*dst = *src;
	dst->code = xstrdup_opt(src->code);
	dst->name = xstrdup_opt(src->name);
	dst->field = xstrdup_opt(src->field);
	dst->level = xstrdup_opt(src->level);
	dst->days_text = xstrdup_opt(src->days_text);
	dst->result = xstrdup_opt(src->result);
	dst->fee_note = xstrdup_opt(src->fee_note);
	dst->components = src->ncomponents ?
		xcalloc((size_t)src->ncomponents, sizeof *dst->components) : NULL;
	for (int i = 0; i < src->ncomponents; i++) {
		dst->components[i] = src->components[i];
		dst->components[i].name = xstrdup_opt(src->components[i].name);
		dst->components[i].national_source = xstrdup_opt(src->components[i].national_source);
	}
	dst->fields = src->nfields ? xcalloc((size_t)src->nfields, sizeof *dst->fields) : NULL;
	for (int i = 0; i < src->nfields; i++) {
		const struct proc_field *f = &src->fields[i];
		struct proc_field *g = &dst->fields[i];

		*g = *f;
		g->key = xstrdup_opt(f->key);
		g->label = xstrdup_opt(f->label);
		g->type = xstrdup_opt(f->type);
		g->pattern = xstrdup_opt(f->pattern);
		g->lookup = xstrdup_opt(f->lookup);
		g->fill_from = xstrdup_opt(f->fill_from);
		g->options = f->noptions ? xcalloc((size_t)f->noptions, sizeof *g->options) : NULL;
		for (int j = 0; j < f->noptions; j++)
			g->options[j] = xstrdup_opt(f->options[j]);
	}
	dst->parts = src->nparts ? xcalloc((size_t)src->nparts, sizeof *dst->parts) : NULL;
	for (int i = 0; i < src->nparts; i++) {
		dst->parts[i].code = xstrdup_opt(src->parts[i].code);
		dst->parts[i].name = xstrdup_opt(src->parts[i].name);
	}
}
