#include "config.h"

#include <string.h>

#include "i18n.h"
#include "model.h"
#include "xalloc.h"

/* Each list of vocab.h as arrays indexed by its enum. */
#define NAME_AT(prefix, id, name) [prefix##id] = name,
#define ST_NAME(id, code, name, ...) NAME_AT(ST_, id, name)
#define ST_LABEL(id, code, name, label, ...) NAME_AT(ST_, id, label)
#define CH_NAME(id, code, name, label) NAME_AT(CH_, id, name)
#define CH_LABEL(id, code, name, label) NAME_AT(CH_, id, label)
#define ROLE_NAME(id, name, label) NAME_AT(ROLE_, id, name)
#define ROLE_LABEL(id, name, label) NAME_AT(ROLE_, id, label)
#define ACT_NAME(id, bit, name, ...) NAME_AT(ACT_, id, name)
#define ACT_LABEL(id, bit, name, label, ...) NAME_AT(ACT_, id, label)
#define STEP_NAME(id, name, label) NAME_AT(STEP_, id, name)
#define STEP_LABEL(id, name, label) NAME_AT(STEP_, id, label)

static const char *const status_names[ST_MAX + 1] = { STATUSES(ST_NAME) };
static const char *const status_labels[ST_MAX + 1] = { STATUSES(ST_LABEL) };
static const char *const channel_names[CH_MAX + 1] = { CHANNELS(CH_NAME) };
static const char *const channel_labels[CH_MAX + 1] = { CHANNELS(CH_LABEL) };
static const char *const role_names[ROLE_COUNT] = { ROLES(ROLE_NAME) };
static const char *const role_labels[ROLE_COUNT] = { ROLES(ROLE_LABEL) };
static const char *const action_names[ACT_COUNT] = { ACTIONS(ACT_NAME) };
static const char *const action_labels[ACT_COUNT] = { ACTIONS(ACT_LABEL) };
static const char *const step_names[STEP_COUNT] = { STEPS(STEP_NAME) };
static const char *const step_labels[STEP_COUNT] = { STEPS(STEP_LABEL) };

/* A set of bits, one per entry of a list: a bit or code out of range or
 * given twice leaves a hole in the set, and the build fails. */
#define BIT_OF(id, n, ...) | 1u << (n)
_Static_assert((0u STATUSES(BIT_OF)) == (1u << (ST_MAX + 1)) - 2,
	       "the status codes run 1..ST_MAX, each once");
_Static_assert((0u CHANNELS(BIT_OF)) == (1u << (CH_MAX + 1)) - 2,
	       "the channel codes run 1..CH_MAX, each once");
_Static_assert((0u ACTIONS(BIT_OF)) == (1u << ACT_COUNT) - 1,
	       "the action bits run 0..ACT_COUNT - 1, each once");

/* The columns that are yes or no, as sets of bits. */
#define ST_OPEN(id, code, name, label, open, clock) | (open ? 1u << code : 0u)
#define ST_CLOCK(id, code, name, label, open, clock) | (clock ? 1u << code : 0u)
#define ACT_IRREVERSIBLE(id, bit, name, label, help, key, irrev) | (irrev ? 1u << bit : 0u)
static const unsigned status_open = 0u STATUSES(ST_OPEN);
static const unsigned status_clock = 0u STATUSES(ST_CLOCK);
static const unsigned action_irrev = 0u ACTIONS(ACT_IRREVERSIBLE);

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
	return status_valid((int)s) && status_open & 1u << s;
}

bool status_is_finished(enum status s)
{
	return status_valid((int)s) && !status_is_open(s) && s != ST_RESULT_READY;
}

bool status_clock_runs(enum status s)
{
	return status_valid((int)s) && status_clock & 1u << s;
}

const char *status_label(enum status s)
{
	return status_valid((int)s) ? _(status_labels[s]) : "";
}

static bool channel_valid(enum channel c)
{
	return (int)c >= CH_MIN && (int)c <= CH_MAX;
}

const char *dossier_status_label(const struct dossier *d)
{
	if (d->status == ST_NEW && channel_valid(d->channel) && d->channel != CH_ONLINE)
		return _("Not yet accepted");
	return status_label(d->status);
}

const char *channel_name(enum channel c)
{
	return channel_valid(c) ? channel_names[c] : "";
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

bool action_irreversible(enum action a)
{
	return a < ACT_COUNT && action_irrev & 1u << a;
}

const char *action_label(enum action a)
{
	return a < ACT_COUNT ? _(action_labels[a]) : "";
}

const char *channel_label(enum channel c)
{
	return channel_valid(c) ? _(channel_labels[c]) : "";
}

const char *role_label(enum role r)
{
	return r < ROLE_COUNT ? _(role_labels[r]) : "";
}

const char *step_name(enum step s)
{
	return s < STEP_COUNT ? step_names[s] : "";
}

int step_parse(const char *name)
{
	return lookup(step_names, COUNT(step_names), name);
}

const char *step_label(const char *step)
{
	int i = step ? step_parse(step) : -1;

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

const char *dossier_number(const struct dossier *d)
{
	const char *n = d->number ? d->number : d->code;

	return n && n[0] ? n : _("(not yet received)");
}

void dossier_free(struct dossier *d)
{
	char **strs[] = {
		&d->code, &d->number, &d->procedure_code, &d->procedure_name, &d->agency,
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
