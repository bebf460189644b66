#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "profile.h"
#include "profile_int.h"
#include "tmpl.h"

#define PROFILE_VERSION 1
#define PROFILE_MAX_BYTES (1 << 20)

static const char *const op_names[OP_COUNT] = {
	[OP_LOGIN] = "login", [OP_LIST_DOSSIERS] = "list_dossiers",
	[OP_GET_DOSSIER] = "get_dossier", [OP_INTAKE] = "intake", [OP_ACTION] = "action",
	[OP_LIST_PROCEDURES] = "list_procedures", [OP_GET_PROCEDURE] = "get_procedure",
	[OP_LOOKUP_CITIZEN] = "lookup_citizen", [OP_LOOKUP_ENTERPRISE] = "lookup_enterprise",
	[OP_STATS] = "stats", [OP_UNITS] = "units",
};

/* The target each operation's replies are read into. */
static const struct target *const op_targets[OP_COUNT] = {
	[OP_LIST_DOSSIERS] = &target_dossier, [OP_GET_DOSSIER] = &target_dossier,
	[OP_INTAKE] = &target_dossier, [OP_ACTION] = &target_dossier,
	[OP_LIST_PROCEDURES] = &target_procedure, [OP_GET_PROCEDURE] = &target_procedure,
	[OP_LOOKUP_CITIZEN] = &target_citizen, [OP_LOOKUP_ENTERPRISE] = &target_enterprise,
	[OP_STATS] = &target_stats, [OP_UNITS] = &target_unit,
};

/* The variables each operation's templates may use (besides the common
 * ones); the engine sets exactly these. */
#define COMMON "token", "user", "password"
#define PAGING "page", "per_page", "offset", "end", "page_cursor"
static const char *const vars_login[] = { COMMON, NULL };
static const char *const vars_list[] = { COMMON, PAGING, "since", "sort", "status", "assignee",
	"procedure", "q", "overdue", NULL };
static const char *const vars_get[] = { COMMON, "code", "version", NULL };
static const char *const vars_intake[] = { COMMON, "idempotency_key", "procedure_code",
	"applicant_name", "applicant_id", "applicant_phone", "applicant_email",
	"applicant_address", "proxy_name", "proxy_id", "channel", "copies", "form",
	"components", "lookups", "note", NULL };
static const char *const vars_action[] = { COMMON, "code", "action", "version",
	"idempotency_key", "note", "reason", "assignee", "new_due", "supplement", NULL };
static const char *const vars_procs[] = { COMMON, PAGING, NULL };
static const char *const vars_citizen[] = { COMMON, "id", "dossier", "purpose", NULL };
static const char *const vars_enterprise[] = { COMMON, "tax_code", "dossier", "purpose", NULL };
static const char *const vars_stats[] = { COMMON, "from", "to", NULL };
static const char *const vars_units[] = { COMMON, "parent", NULL };

static const char *const *const op_vars[OP_COUNT] = {
	[OP_LOGIN] = vars_login, [OP_LIST_DOSSIERS] = vars_list, [OP_GET_DOSSIER] = vars_get,
	[OP_INTAKE] = vars_intake, [OP_ACTION] = vars_action, [OP_LIST_PROCEDURES] = vars_procs,
	[OP_GET_PROCEDURE] = vars_get, [OP_LOOKUP_CITIZEN] = vars_citizen,
	[OP_LOOKUP_ENTERPRISE] = vars_enterprise, [OP_STATS] = vars_stats, [OP_UNITS] = vars_units,
};

const char *const *pf_op_vars(enum op_id op)
{
	return op_vars[op];
}

const char *op_name(enum op_id op)
{
	return op < OP_COUNT ? op_names[op] : "";
}

/* ---- loading context: errors say file and key ---- */

__attribute__((format(printf, 2, 3)))
int pf_fail(struct ctx *c, const char *fmt, ...)
{
	char msg[sizeof c->e->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->key[0])
		return err_set(c->e, "%s: %s: %s", c->file, c->key, msg);
	return err_set(c->e, "%s: %s", c->file, msg);
}

/* Enter key (appended to the key path); returns the old length to leave. */
size_t pf_enter(struct ctx *c, const char *key)
{
	size_t old = strlen(c->key);

	snprintf(c->key + old, sizeof c->key - old, "%s%s", old ? "." : "", key);
	return old;
}

void pf_leave(struct ctx *c, size_t old)
{
	c->key[old] = '\0';
}

const char *pf_json_type(const cJSON *v)
{
	return cJSON_IsString(v) ? _("a string") : cJSON_IsNumber(v) ? _("a number") :
	       cJSON_IsBool(v) ? _("true or false") : cJSON_IsNull(v) ? "null" :
	       cJSON_IsArray(v) ? _("an array") : _("an object");
}

/* A scalar of the profile as the text it is compared with. */
int pf_json_scalar(const cJSON *v, char *buf, size_t len)
{
	if (cJSON_IsString(v))
		snprintf(buf, len, "%s", v->valuestring);
	else if (cJSON_IsNumber(v))
		snprintf(buf, len, "%g", v->valuedouble);
	else if (cJSON_IsBool(v))
		snprintf(buf, len, "%s", cJSON_IsTrue(v) ? "true" : "false");
	else
		return -1;
	return 0;
}

int pf_check_keys(struct ctx *c, const cJSON *obj, const char *const *allowed)
{
	for (const cJSON *it = obj->child; it; it = it->next) {
		const char *const *a;
		char list[400] = "";

		for (const cJSON *prev = obj->child; prev != it; prev = prev->next)
			if (!strcmp(prev->string, it->string))
				return pf_fail(c, _("the key '%s' is given twice"), it->string);

		for (a = allowed; *a; a++)
			if (!strcmp(*a, it->string))
				break;
		if (*a)
			continue;
		for (a = allowed; *a; a++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
				 a == allowed ? "" : ", ", *a);
		return pf_fail(c, _("unknown key '%s' (expected one of: %s)"), it->string, list);
	}
	return 0;
}

const cJSON *pf_member(struct ctx *c, const cJSON *obj, const char *key, bool required,
			   int (*is)(const cJSON *), const char *what, int *rc)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	size_t old;

	*rc = 0;
	if (!v) {
		if (required) {
			old = pf_enter(c, key);
			*rc = pf_fail(c, _("missing; expected %s"), what);
			pf_leave(c, old);
		}
		return NULL;
	}
	if (is && !is(v)) {
		old = pf_enter(c, key);
		*rc = pf_fail(c, _("expected %s, got %s"), what, pf_json_type(v));
		pf_leave(c, old);
		return NULL;
	}
	return v;
}

int pf_is_string(const cJSON *v) { return cJSON_IsString(v); }
int pf_is_object(const cJSON *v) { return cJSON_IsObject(v); }
int pf_is_bool(const cJSON *v) { return cJSON_IsBool(v); }
int pf_is_number(const cJSON *v) { return cJSON_IsNumber(v); }

int pf_get_str(struct ctx *c, const cJSON *obj, const char *key, bool required, char **out)
{
	int rc;
	const cJSON *v = pf_member(c, obj, key, required, pf_is_string, _("a string"), &rc);

	if (v)
		*out = xstrdup(v->valuestring);
	return rc;
}

int pf_get_bool(struct ctx *c, const cJSON *obj, const char *key, bool *out)
{
	int rc;
	const cJSON *v = pf_member(c, obj, key, false, pf_is_bool, _("true or false"), &rc);

	if (v)
		*out = cJSON_IsTrue(v);
	return rc;
}

int pf_get_path(struct ctx *c, const cJSON *obj, const char *key, bool *has, struct jpath *out)
{
	int rc;
	const cJSON *v = pf_member(c, obj, key, false, pf_is_string, _("a path such as data.items"), &rc);
	size_t old;

	if (!v)
		return rc;
	old = pf_enter(c, key);
	if (jpath_parse(out, v->valuestring, c->e) < 0) {
		rc = pf_fail(c, "%s", c->e->msg);
	} else if (jpath_has_each(out)) {
		jpath_free(out);
		rc = pf_fail(c, _("'[]' is not allowed here: name one element, as in [0]"));
	} else {
		*has = true;
	}
	pf_leave(c, old);
	return rc;
}

/* ---- parts of the profile ---- */

static int load_kinds(struct ctx *c, const cJSON *obj, struct envelope *env)
{
	static const char *const names[] = { "refused", "auth", "not_found", "conflict", NULL };
	int rc;
	const cJSON *o = pf_member(c, obj, "kinds", false, pf_is_object,
				_("an object mapping the API's error codes to auth, not_found, conflict or refused"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "kinds");
	for (const cJSON *it = o->child; it && !rc; it = it->next) {
		int k;

		for (k = 0; names[k] && !(cJSON_IsString(it) && !strcmp(names[k], it->valuestring)); k++)
			;
		if (!names[k]) {
			size_t o2 = pf_enter(c, it->string);

			rc = pf_fail(c, _("expected auth, not_found, conflict or refused"));
			pf_leave(c, o2);
			break;
		}
		env->kinds = xrealloc(env->kinds, (size_t)(env->nkinds + 1) * sizeof *env->kinds);
		env->kinds[env->nkinds++] = (struct code_kind){ xstrdup(it->string), (enum fail_kind)k };
	}
	pf_leave(c, old);
	return rc;
}

int pf_load_envelope(struct ctx *c, const cJSON *obj, struct envelope *env)
{
	static const char *const keys[] = { "success", "equals", "data", "failure", "message",
		"code", "field", "kinds", NULL };
	const cJSON *eq;
	int rc;

	if (pf_check_keys(c, obj, keys) < 0 || pf_get_path(c, obj, "success", &env->has_success, &env->success) < 0 ||
	    pf_get_path(c, obj, "data", &env->has_data, &env->data) < 0 ||
	    pf_get_path(c, obj, "failure", &env->has_failure, &env->failure) < 0 ||
	    pf_get_path(c, obj, "message", &env->has_message, &env->message) < 0 ||
	    pf_get_path(c, obj, "code", &env->has_code, &env->code) < 0 ||
	    pf_get_path(c, obj, "field", &env->has_field, &env->field) < 0 ||
	    load_kinds(c, obj, env) < 0)
		return -1;
	eq = pf_member(c, obj, "equals", env->has_success, NULL,
		    _("the value or values that mean success, e.g. [\"00\"]"), &rc);
	if (rc < 0)
		return -1;
	if (!eq)
		return 0;
	for (const cJSON *v = cJSON_IsArray(eq) ? eq->child : eq; v; v = cJSON_IsArray(eq) ? v->next : NULL) {
		char buf[64];

		if (pf_json_scalar(v, buf, sizeof buf) < 0) {
			size_t old = pf_enter(c, "equals");

			rc = pf_fail(c, _("expected strings, numbers or booleans, got %s"), pf_json_type(v));
			pf_leave(c, old);
			return rc;
		}
		env->success_values = xrealloc(env->success_values,
					       (size_t)(env->nsuccess + 1) * sizeof(char *));
		env->success_values[env->nsuccess++] = xstrdup(buf);
	}
	return 0;
}

void pf_envelope_free(struct envelope *env)
{
	jpath_free(&env->success);
	jpath_free(&env->data);
	jpath_free(&env->failure);
	jpath_free(&env->message);
	jpath_free(&env->code);
	jpath_free(&env->field);
	for (int i = 0; i < env->nsuccess; i++)
		free(env->success_values[i]);
	free(env->success_values);
	for (int i = 0; i < env->nkinds; i++)
		free(env->kinds[i].code);
	free(env->kinds);
	memset(env, 0, sizeof *env);
}

/* A deep copy, so each operation owns its envelope. */
void pf_envelope_copy(struct envelope *dst, const struct envelope *src)
{
	const struct jpath *from[] = { &src->success, &src->data, &src->failure, &src->message,
		&src->code, &src->field };
	struct jpath *to[] = { &dst->success, &dst->data, &dst->failure, &dst->message, &dst->code,
		&dst->field };

	*dst = *src;
	for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) {
		memset(to[i], 0, sizeof *to[i]);
		if (from[i]->text)
			jpath_parse(to[i], from[i]->text, NULL);
	}
	dst->success_values = src->nsuccess ? xcalloc((size_t)src->nsuccess, sizeof(char *)) : NULL;
	for (int i = 0; i < src->nsuccess; i++)
		dst->success_values[i] = xstrdup(src->success_values[i]);
	dst->kinds = src->nkinds ? xcalloc((size_t)src->nkinds, sizeof *dst->kinds) : NULL;
	for (int i = 0; i < src->nkinds; i++)
		dst->kinds[i] = (struct code_kind){ xstrdup(src->kinds[i].code), src->kinds[i].kind };
}

int pf_load_templates(struct ctx *c, const cJSON *obj, const char *key,
			  const char *const *known, struct kv_tmpl **out, int *n)
{
	int rc;
	const cJSON *o = pf_member(c, obj, key, false, pf_is_object, _("an object of names and values"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, key);
	for (const cJSON *it = o->child; it; it = it->next) {
		char buf[32];
		const char *val = it->valuestring;

		if (cJSON_IsNumber(it)) {
			snprintf(buf, sizeof buf, "%g", it->valuedouble);
			val = buf;
		} else if (!cJSON_IsString(it)) {
			size_t o2 = pf_enter(c, it->string);

			rc = pf_fail(c, _("expected a string, got %s"), pf_json_type(it));
			pf_leave(c, o2);
			break;
		}
		if (tmpl_check(val, known, c->e) < 0) {
			size_t o2 = pf_enter(c, it->string);

			rc = pf_fail(c, "%s", c->e->msg);
			pf_leave(c, o2);
			break;
		}
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		(*out)[(*n)++] = (struct kv_tmpl){ xstrdup(it->string), xstrdup(val) };
	}
	pf_leave(c, old);
	return rc;
}

static int load_vocab(struct ctx *c, const cJSON *obj, const char *key, struct vocab *v,
		      int (*parse)(const char *), int lo, int hi)
{
	int rc;
	const cJSON *o = pf_member(c, obj, key, false, pf_is_object,
				_("an object mapping the API's values to the model's"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, key);
	for (const cJSON *it = o->child; it; it = it->next) {
		int code = -1;

		if (cJSON_IsNumber(it))
			code = it->valueint;
		else if (cJSON_IsString(it))
			code = parse(it->valuestring);
		if (code < lo || code > hi) {
			size_t o2 = pf_enter(c, it->string);

			rc = pf_fail(c, _("expected a code from %d to %d or a model name, got %s"), lo, hi,
				  cJSON_IsString(it) ? it->valuestring : pf_json_type(it));
			pf_leave(c, o2);
			break;
		}
		v->e = xrealloc(v->e, (size_t)(v->n + 1) * sizeof *v->e);
		v->e[v->n++] = (struct vocab_entry){ xstrdup(it->string), code };
	}
	pf_leave(c, old);
	return rc;
}

static int load_actions(struct ctx *c, const cJSON *obj)
{
	int rc;
	const cJSON *o = pf_member(c, obj, "actions", false, pf_is_object,
				_("an object mapping action names to the API's"), &rc);
	size_t old;

	if (!o) {
		/* without a mapping, actions keep their model names */
		for (int a = 0; a < ACT_COUNT && !rc; a++)
			c->p->actions[a] = xstrdup(action_name(a));
		return rc;
	}
	old = pf_enter(c, "actions");
	for (const cJSON *it = o->child; it; it = it->next) {
		int a = action_parse(it->string);
		size_t o2 = pf_enter(c, it->string);

		if (a < 0) {
			char list[400] = "";

			for (int i = 0; i < ACT_COUNT; i++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
					 i ? ", " : "", action_name(i));
			rc = pf_fail(c, _("unknown action (expected one of: %s)"), list);
		} else if (!cJSON_IsString(it) && !cJSON_IsNull(it)) {
			rc = pf_fail(c, _("expected the API's name for the action, or null if it has none"));
		} else if (cJSON_IsString(it)) {
			free(c->p->actions[a]);
			c->p->actions[a] = xstrdup(it->valuestring);
		}
		pf_leave(c, o2);
		if (rc < 0)
			break;
	}
	pf_leave(c, old);
	return rc;
}

/* A status as a profile or a query names it: a national code or its name. */
static int status_of(const char *s)
{
	char *end;
	long code = strtol(s, &end, 10);

	if (end != s && !*end)
		return code >= ST_MIN && code <= ST_MAX ? (int)code : -1;
	return status_parse(s);
}

/* {"accepted": ["assign", "stop"], ...}: the actions of each status, to
 * role (-1: everyone); at the top, a role's name may hold its own. */
static int load_allowed_of(struct ctx *c, const cJSON *o, int role)
{
	int rc = 0;

	for (const cJSON *it = o->child; it && !rc; it = it->next) {
		size_t o2 = pf_enter(c, it->string);
		int st = status_of(it->string), r = role < 0 ? role_parse(it->string) : -1;
		unsigned mask = 0;
		const cJSON *a;

		if (r >= 0 && cJSON_IsObject(it)) {
			rc = load_allowed_of(c, it, r);
			pf_leave(c, o2);
			continue;
		}
		if (st < ST_MIN)
			rc = pf_fail(c, role < 0 ? _("expected a status: a national code 1 to 10 or its name (new, accepted, ...), or a role (reception, specialist, leader, records) with its own statuses")
				     : _("expected a status: a national code 1 to 10 or its name (new, accepted, ...)"));
		else if (!cJSON_IsArray(it))
			rc = pf_fail(c, _("expected a list of action names, got %s"), pf_json_type(it));
		for (a = rc ? NULL : it->child; a; a = a->next) {
			int act = cJSON_IsString(a) ? action_parse(a->valuestring) : -1;

			if (act < 0) {
				rc = pf_fail(c, _("'%s' is not an action (expected motcua's names: accept, assign, ...)"),
					  cJSON_IsString(a) ? a->valuestring : pf_json_type(a));
				break;
			}
			/* offered offline, it could never be sent */
			if (!c->p->actions[act]) {
				rc = pf_fail(c, _("'%s' is not in vocab.actions: the API has no word for it"),
					     a->valuestring);
				break;
			}
			mask |= 1u << act;
		}
		if (!rc) {
			c->p->allowed = xrealloc(c->p->allowed,
						 (size_t)(c->p->nallowed + 1) * sizeof *c->p->allowed);
			c->p->allowed[c->p->nallowed++] = (struct status_actions){ role, st, mask };
		}
		pf_leave(c, o2);
	}
	return rc;
}

/* "allowed": for an API that does not list a dossier's allowed actions. */
static int load_allowed(struct ctx *c, const cJSON *obj)
{
	int rc;
	const cJSON *o = pf_member(c, obj, "allowed", false, pf_is_object,
				_("an object mapping statuses to lists of actions"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "allowed");
	rc = load_allowed_of(c, o, -1);
	pf_leave(c, old);
	return rc;
}

static int status_from_name(const char *s)
{
	return status_parse(s);
}

static int load_vocabs(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "status", "channel", "actions", "allowed", "role", NULL };
	int rc;
	const cJSON *o = pf_member(c, root, "vocab", false, pf_is_object, _("an object"), &rc);
	size_t old;

	if (rc < 0)
		return -1;
	old = pf_enter(c, "vocab");
	if (o)
		rc = pf_check_keys(c, o, keys);
	if (!rc && o)
		rc = load_vocab(c, o, "status", &c->p->status, status_from_name, ST_MIN, ST_MAX);
	if (!rc && o)
		rc = load_vocab(c, o, "channel", &c->p->channel, channel_parse, CH_DIRECT, CH_POSTAL);
	if (!rc && o)
		rc = load_vocab(c, o, "role", &c->p->roles, role_parse, 0, ROLE_COUNT - 1);
	if (!rc)
		rc = load_actions(c, o);	/* o may be NULL: default names */
	if (!rc && o)
		rc = load_allowed(c, o);
	pf_leave(c, old);
	return rc;
}

static int load_field(struct ctx *c, const cJSON *v, struct mapping *m, const char *name)
{
	static const char *const keys[] = { "path", "const", "format", "values", NULL };
	struct field_map *f;
	const cJSON *vals;
	const struct fdef *def = target_field(m->target, name);
	int rc = 0;

	if (m->target->fields && !def) {
		char list[600];

		target_field_names(m->target, list, sizeof list);
		return pf_fail(c, _("unknown field (fields of %s: %s)"), m->target->name, list);
	}
	if (!m->target->fields && m->target->keys) {
		const char *const *k;

		for (k = m->target->keys; *k && strcmp(*k, name); k++)
			;
		if (!*k) {
			char list[600];

			target_field_names(m->target, list, sizeof list);
			return pf_fail(c, _("unknown key (keys of %s: %s)"), m->target->name, list);
		}
	}
	m->f = xrealloc(m->f, (size_t)(m->n + 1) * sizeof *m->f);
	f = &m->f[m->n++];
	memset(f, 0, sizeof *f);
	f->def = def;
	f->key = xstrdup(name);
	if (cJSON_IsString(v)) {
		if (jpath_parse(&f->path, v->valuestring, c->e) < 0)
			return pf_fail(c, "%s", c->e->msg);
		f->has_path = true;
		return 0;
	}
	if (!cJSON_IsObject(v))
		return pf_fail(c, _("expected a path, or an object with path, const or format; got %s"),
			    pf_json_type(v));
	if (pf_check_keys(c, v, keys) < 0 || pf_get_path(c, v, "path", &f->has_path, &f->path) < 0)
		return -1;
	if (cJSON_GetObjectItemCaseSensitive(v, "const"))
		f->constant = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(v, "const"), 1);
	if (!f->has_path && !f->constant)
		return pf_fail(c, _("give a 'path' to read the field from, or a 'const' value"));
	if ((vals = pf_member(c, v, "values", false, pf_is_object,
			   _("an object mapping the API's values to the model's"), &rc)))
		f->values = cJSON_Duplicate(vals, 1);
	if (rc < 0)
		return -1;
	if (cJSON_GetObjectItemCaseSensitive(v, "format")) {
		char *fmt = NULL;
		size_t old;

		if (pf_get_str(c, v, "format", false, &fmt) < 0)
			return -1;
		old = pf_enter(c, "format");
		if (datefmt_parse(&f->date, fmt, c->p->dates.offset, c->e) < 0)
			rc = pf_fail(c, "%s", c->e->msg);
		f->has_date = rc == 0;
		pf_leave(c, old);
		free(fmt);
	}
	return rc;
}

static int load_fields(struct ctx *c, const cJSON *root)
{
	int rc;
	const cJSON *o = pf_member(c, root, "fields", true, pf_is_object,
				_("an object of mappings (dossier, procedure, citizen, ...)"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "fields");
	for (const cJSON *t = o->child; t && !rc; t = t->next) {
		const struct target *tg = target_find(t->string);
		struct mapping *m;
		size_t o2 = pf_enter(c, t->string);

		if (!tg)
			rc = pf_fail(c, _("unknown mapping (expected dossier, log_entry, component, due_change, procedure, proc_field, proc_part, citizen, enterprise, stats or unit)"));
		else if (!cJSON_IsObject(t))
			rc = pf_fail(c, _("expected an object of fields, got %s"), pf_json_type(t));
		else if (profile_mapping(c->p, tg))
			rc = pf_fail(c, _("this mapping is given twice"));
		if (!rc) {
			/* one mapping per target: maps[] has room for each */
			m = &c->p->maps[c->p->nmaps++];
			m->target = tg;
			for (const cJSON *f = t->child; f && !rc; f = f->next) {
				size_t o3 = pf_enter(c, f->string);

				rc = load_field(c, f, m, f->string);
				pf_leave(c, o3);
			}
		}
		pf_leave(c, o2);
	}
	pf_leave(c, old);
	for (int i = 0; !rc && i < c->p->nmaps; i++) {
		const struct mapping *m = &c->p->maps[i];

		for (int j = 0; !rc && j < m->n; j++) {
			const struct fdef *d = m->f[j].def;

			if (d && d->kind == FK_LIST && !profile_mapping(c->p, d->sub)) {
				old = pf_enter(c, "fields");
				old = (pf_enter(c, m->target->name), pf_enter(c, d->name), old);
				rc = pf_fail(c, _("needs fields.%s to read its items"), d->sub->name);
				pf_leave(c, old);
			}
		}
	}
	if (!rc && !profile_mapping(c->p, &target_dossier))
		return pf_fail(c, _("fields.dossier is missing: how dossiers are read is required"));
	return rc;
}

/* "guest": [0, "guest"]: what the identity reads for an anonymous guest,
 * which some APIs serve instead of refusing a wrong password. */
static int load_guest(struct ctx *c, const cJSON *o)
{
	const cJSON *g = cJSON_GetObjectItemCaseSensitive(o, "guest");
	int rc = 0;
	size_t old;

	if (!g)
		return 0;
	old = pf_enter(c, "guest");
	for (const cJSON *v = cJSON_IsArray(g) ? g->child : g; v && !rc;
	     v = cJSON_IsArray(g) ? v->next : NULL) {
		char text[64];

		if (pf_json_scalar(v, text, sizeof text) < 0) {
			rc = pf_fail(c, _("expected strings or numbers, got %s"), pf_json_type(v));
			break;
		}
		c->p->guest = xrealloc(c->p->guest, (size_t)(c->p->nguest + 1) * sizeof(char *));
		c->p->guest[c->p->nguest++] = xstrdup(text);
	}
	pf_leave(c, old);
	return rc;
}

static int load_auth(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "type", "token", "expires_at", "expires_in", "cookie",
		"header", "value", "query", "identity", "guest", "role", NULL };
	static const char *const types[] = { "none", "login", "api_key", "bearer", "basic", NULL };
	struct profile *p = c->p;
	char *type = NULL;
	int rc;
	const cJSON *o = pf_member(c, root, "auth", true, pf_is_object, _("an object"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "auth");
	rc = pf_check_keys(c, o, keys);
	if (!rc)
		rc = pf_get_str(c, o, "type", true, &type);
	if (!rc) {
		int i;

		for (i = 0; types[i] && strcmp(types[i], type); i++)
			;
		if (types[i])
			p->auth = (enum auth_type)i;
		else
			rc = pf_fail(c, _("'%s' is not an authentication type (expected none, login, api_key, bearer or basic)"), type);
	}
	free(type);
	if (!rc)
		rc = pf_get_path(c, o, "token", &p->has_token, &p->token);
	if (!rc)
		rc = pf_get_path(c, o, "expires_at", &p->has_expires, &p->expires);
	if (!rc)
		rc = pf_get_path(c, o, "expires_in", &p->has_expires_in, &p->expires_in);
	if (!rc)
		rc = pf_get_path(c, o, "identity", &p->has_identity, &p->identity);
	if (!rc)
		rc = pf_get_path(c, o, "role", &p->has_role, &p->role);
	if (!rc)
		rc = load_guest(c, o);
	if (!rc)
		rc = pf_get_bool(c, o, "cookie", &p->auth_cookie);
	if (!rc)
		rc = pf_get_str(c, o, "header", false, &p->auth_header.name);
	if (!rc)
		rc = pf_get_str(c, o, "value", p->auth_header.name != NULL, &p->auth_header.value);
	if (!rc)
		rc = pf_get_str(c, o, "query", false, &p->auth_query);
	if (!rc && p->auth_header.value && tmpl_check(p->auth_header.value, vars_login, c->e) < 0)
		rc = pf_fail(c, "%s", c->e->msg);
	if (!rc && p->nguest && !p->has_identity)
		rc = pf_fail(c, _("'guest' needs 'identity': the path whose value tells a guest"));
	if (!rc && p->auth == AUTH_BASIC && p->auth_header.name)
		rc = pf_fail(c, _("basic authentication sends its own Authorization header; leave out 'header' and 'value'"));
	if (!rc && p->auth == AUTH_LOGIN && !p->has_token && !p->auth_cookie)
		rc = pf_fail(c, _("a login needs 'token' (where the login reply has the token) or \"cookie\": true"));
	if (!rc && p->auth == AUTH_LOGIN && p->has_token && !p->auth_header.name && !p->auth_query)
		rc = pf_fail(c, _("say how the token is sent: 'header' and 'value' (e.g. Authorization, \"Bearer {token}\") or 'query'"));
	if (!rc && (p->auth == AUTH_API_KEY || p->auth == AUTH_BEARER) && !p->auth_header.name && !p->auth_query)
		rc = pf_fail(c, _("say how the key is sent: 'header' and 'value' (e.g. X-API-Key, \"{password}\") or 'query'"));
	pf_leave(c, old);
	return rc;
}

/* capabilities.open_first: true, or the {sort} value for "earliest due
 * first" (which implies true). */
static int load_open_first(struct ctx *c, const cJSON *caps)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(caps, "open_first");
	size_t old;
	int rc = 0;

	if (!v)
		return 0;
	if (cJSON_IsBool(v)) {
		c->p->open_first = cJSON_IsTrue(v);
	} else if (cJSON_IsString(v) && v->valuestring[0]) {
		c->p->open_first = true;
		c->p->sort_due = xstrdup(v->valuestring);
	} else {
		old = pf_enter(c, "open_first");
		rc = pf_fail(c, _("expected true, false or the value of {sort} that lists the earliest due first, got %s"),
			     pf_json_type(v));
		pf_leave(c, old);
	}
	return rc;
}

/* Whether a template of op names {var}: its path, a query or header value,
 * or its body. */
static bool op_uses(const struct op *op, const char *var)
{
	char ph[64];
	char *body;
	bool used;

	snprintf(ph, sizeof ph, "{%s}", var);
	used = op->path && strstr(op->path, ph);
	for (int i = 0; i < op->nquery && !used; i++)
		used = strstr(op->query[i].value, ph) != NULL;
	for (int i = 0; i < op->nheaders && !used; i++)
		used = strstr(op->headers[i].value, ph) != NULL;
	if (!used && op->body && (body = cJSON_PrintUnformatted(op->body))) {
		used = strstr(body, ph) != NULL;
		cJSON_free(body);
	}
	return used;
}

/* open_first promises a filter (and a sort) that list_dossiers must be
 * able to send. */
static int check_open_first(struct ctx *c)
{
	const struct op *op = &c->p->ops[OP_LIST_DOSSIERS];
	size_t old = pf_enter(c, "capabilities");
	size_t old2 = pf_enter(c, "open_first");
	int rc = 0;

	if (!op_uses(op, "status"))
		rc = pf_fail(c, _("operations.list_dossiers has no {status} to list the open dossiers by"));
	else if (c->p->sort_due && !op_uses(op, "sort"))
		rc = pf_fail(c, _("operations.list_dossiers has no {sort} to send \"%s\" in"), c->p->sort_due);
	pf_leave(c, old2);
	pf_leave(c, old);
	return rc;
}

/* server_id: the server's identity, which names the local store instead
 * of its host and port: given here ("name") or sent by the server in a
 * header of the login reply ("header"). */
static int load_server_id(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "name", "header", NULL };
	struct profile *p = c->p;
	const cJSON *v;
	size_t old;
	int rc;

	if (!(v = pf_member(c, root, "server_id", false, pf_is_object, _("an object: {\"name\": ...} or {\"header\": ...}"), &rc)))
		return rc;
	old = pf_enter(c, "server_id");
	rc = pf_check_keys(c, v, keys);
	if (!rc)
		rc = pf_get_str(c, v, "name", false, &p->server_name);
	if (!rc)
		rc = pf_get_str(c, v, "header", false, &p->server_header);
	if (!rc && !p->server_name == !p->server_header)
		rc = pf_fail(c, "%s", _("give one of 'name' (the identity itself) or 'header' (the login reply's header that carries it)"));
	if (!rc && p->server_name && !p->server_name[0])
		rc = pf_fail(c, "%s", _("'name' is empty: give the identity the local store is named after"));
	if (!rc && p->server_header && !p->server_header[0])
		rc = pf_fail(c, "%s", _("'header' is empty: give the name of the header, e.g. X-Server-Id"));
	pf_leave(c, old);
	return rc;
}

static int load_root(struct ctx *c, const cJSON *root)
{
	static const char *const keys[] = { "motcua_profile", "name", "description", "base_url",
		"timezone", "dates", "auth", "envelope", "errors", "idempotency_header",
		"capabilities", "vocab", "operations", "fields", "headers", "server_id", NULL };
	struct profile *p = c->p;
	struct envelope def_env = { 0 };
	char *tz = NULL, *dates = NULL;
	const cJSON *v, *ops;
	int rc, offset = CAL_UTC_OFFSET;	/* a profile without a timezone is in Vietnam */

	if (!cJSON_IsObject(root))
		return pf_fail(c, _("a profile is a JSON object"));
	if (pf_check_keys(c, root, keys) < 0)
		return -1;
	v = pf_member(c, root, "motcua_profile", true, pf_is_number, _("the format version, 1"), &rc);
	if (!v)
		return rc;
	if (v->valueint != PROFILE_VERSION)
		return pf_fail(c, _("motcua_profile: this motcua reads format version %d, the file is version %d"),
			    PROFILE_VERSION, v->valueint);
	if (pf_get_str(c, root, "name", true, &p->name) < 0 ||
	    pf_get_str(c, root, "base_url", false, &p->base_url) < 0 ||
	    pf_get_str(c, root, "timezone", false, &tz) < 0 ||
	    pf_get_str(c, root, "dates", false, &dates) < 0 ||
	    pf_get_str(c, root, "idempotency_header", false, &p->idempotency_header) < 0)
		goto out_fail;
	p->has_timezone = tz != NULL;
	if (tz && date_offset_parse(tz, &offset, c->e) < 0) {
		size_t old = pf_enter(c, "timezone");

		pf_fail(c, "%s", c->e->msg);
		pf_leave(c, old);
		goto out_fail;
	}
	if (datefmt_parse(&p->dates, dates ? dates : "iso8601", offset, c->e) < 0) {
		size_t old = pf_enter(c, "dates");

		pf_fail(c, "%s", c->e->msg);
		pf_leave(c, old);
		goto out_fail;
	}
	if (load_server_id(c, root) < 0 || load_auth(c, root) < 0 || load_vocabs(c, root) < 0 ||
	    pf_load_templates(c, root, "headers", vars_login, &p->headers, &p->nheaders) < 0)
		goto out_fail;
	if ((v = pf_member(c, root, "capabilities", false, pf_is_object, _("an object"), &rc))) {
		static const char *const caps[] = { "etag", "changed_since", "sort_updated", "open_first",
						    "changes_in_order", NULL };
		size_t old = pf_enter(c, "capabilities");

		rc = pf_check_keys(c, v, caps);
		if (!rc)
			rc = pf_get_bool(c, v, "etag", &p->etag);
		if (!rc)
			rc = pf_get_bool(c, v, "changed_since", &p->changed_since);
		if (!rc)
			rc = pf_get_str(c, v, "sort_updated", false, &p->sort_updated);
		if (!rc)
			rc = load_open_first(c, v);
		if (!rc)
			rc = pf_get_bool(c, v, "changes_in_order", &p->changes_in_order);
		if (!rc && p->changes_in_order && !p->sort_updated) {
			size_t o2 = pf_enter(c, "changes_in_order");

			rc = pf_fail(c, "%s", _("it says how sort_updated lists the dossiers: give sort_updated too"));
			pf_leave(c, o2);
		}
		pf_leave(c, old);
	}
	if (rc < 0)
		goto out_fail;
	if ((v = pf_member(c, root, "envelope", false, pf_is_object, _("an object"), &rc))) {
		size_t old = pf_enter(c, "envelope");

		rc = pf_load_envelope(c, v, &def_env);
		pf_leave(c, old);
	}
	if (rc < 0)
		goto out_fail;
	if ((v = pf_member(c, root, "errors", false, pf_is_object, _("an object"), &rc))) {
		size_t old = pf_enter(c, "errors");

		rc = pf_load_envelope(c, v, &p->errors);
		pf_leave(c, old);
	}
	if (rc < 0 || load_fields(c, root) < 0)
		goto out_fail;
	ops = pf_member(c, root, "operations", true, pf_is_object, _("an object of operations"), &rc);
	if (!ops)
		goto out_fail;
	{
		size_t old = pf_enter(c, "operations");

		for (const cJSON *o = ops->child; o && !rc; o = o->next) {
			int id;
			size_t o2 = pf_enter(c, o->string);

			for (id = 0; id < OP_COUNT && strcmp(op_names[id], o->string); id++)
				;
			if (id == OP_COUNT)
				rc = pf_fail(c, _("unknown operation (expected login, list_dossiers, get_dossier, intake, action, list_procedures, get_procedure, lookup_citizen, lookup_enterprise, stats or units)"));
			else if (!cJSON_IsObject(o))
				rc = pf_fail(c, _("expected an object, got %s"), pf_json_type(o));
			else if (p->ops[id].present)
				rc = pf_fail(c, _("the key '%s' is given twice"), o->string);
			else
				rc = pf_load_op(c, o, (enum op_id)id, &def_env);
			if (!rc && id < OP_COUNT && op_targets[id])
				p->ops[id].map = profile_mapping(p, op_targets[id]);
			if (!rc && id < OP_COUNT && op_targets[id] && !p->ops[id].map && id != OP_INTAKE && id != OP_ACTION)
				rc = pf_fail(c, _("no mapping fields.%s to read its replies"), op_targets[id]->name);
			pf_leave(c, o2);
		}
		pf_leave(c, old);
	}
	if (rc < 0)
		goto out_fail;
	if (!p->ops[OP_LIST_DOSSIERS].present || !p->ops[OP_GET_DOSSIER].present) {
		pf_fail(c, _("operations: list_dossiers and get_dossier are required"));
		goto out_fail;
	}
	if (p->open_first && check_open_first(c) < 0)
		goto out_fail;
	if (p->auth == AUTH_LOGIN && !p->ops[OP_LOGIN].present) {
		pf_fail(c, _("auth.type is login, but operations.login is missing"));
		goto out_fail;
	}
	pf_envelope_free(&def_env);
	free(tz);
	free(dates);
	return 0;
out_fail:
	pf_envelope_free(&def_env);
	free(tz);
	free(dates);
	return -1;
}

/* cJSON reports the byte where parsing stopped: turn it into line:column. */
static void where(const char *text, const char *at, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (const char *p = text; p < at && *p; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

/* Integrators annotate profiles: blank out // and slash-star comments
 * outside strings, keeping every newline so errors keep their line:column. */
static char *strip_comments(const char *text)
{
	char *s = xstrdup(text);
	bool in_str = false;

	for (char *p = s; *p; p++) {
		if (in_str) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '"')
				in_str = false;
		} else if (*p == '"') {
			in_str = true;
		} else if (p[0] == '/' && p[1] == '/') {
			for (; *p && *p != '\n'; p++)
				*p = ' ';
			if (!*p)
				break;
		} else if (p[0] == '/' && p[1] == '*') {
			char *close = strstr(p + 2, "*/");
			char *stop = close ? close + 2 : p + strlen(p);

			for (; p < stop; p++)
				if (*p != '\n')
					*p = ' ';
			p--;
		}
	}
	return s;
}

struct profile *profile_parse(const char *text, const char *name, struct err *e)
{
	struct profile *p = xcalloc(1, sizeof *p);
	struct ctx c = { .file = name, .e = e, .p = p };
	const char *end = NULL;
	char *plain = strip_comments(text);
	cJSON *root = cJSON_ParseWithOpts(plain, &end, 1);

	p->file = xstrdup(name);
	if (!root) {
		int line, col;

		where(plain, end ? end : plain, &line, &col);
		err_set(e, _("%s:%d:%d: not valid JSON here"), name, line, col);
		free(plain);
		profile_free(p);
		return NULL;
	}
	free(plain);
	if (load_root(&c, root) < 0) {
		cJSON_Delete(root);
		profile_free(p);
		return NULL;
	}
	cJSON_Delete(root);
	return p;
}

struct profile *profile_load(const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct profile *p;
	struct stat st;
	char *text;
	size_t n;

	if (!f) {
		err_set(e, _("cannot open the profile %s: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) < 0 || st.st_size > PROFILE_MAX_BYTES) {
		err_set(e, _("%s: too large for a profile (over 1 MiB)"), path);
		fclose(f);
		return NULL;
	}
	text = xmalloc((size_t)st.st_size + 1);
	n = fread(text, 1, (size_t)st.st_size, f);
	text[n] = '\0';
	fclose(f);
	p = profile_parse(text, path, e);
	free(text);
	return p;
}

static void vocab_free(struct vocab *v)
{
	for (int i = 0; i < v->n; i++)
		free(v->e[i].api);
	free(v->e);
}

void profile_free(struct profile *p)
{
	if (!p)
		return;
	for (int i = 0; i < OP_COUNT; i++)
		pf_op_free(&p->ops[i]);
	for (int i = 0; i < p->nmaps; i++) {
		for (int j = 0; j < p->maps[i].n; j++) {
			free(p->maps[i].f[j].key);
			jpath_free(&p->maps[i].f[j].path);
			cJSON_Delete(p->maps[i].f[j].constant);
			cJSON_Delete(p->maps[i].f[j].values);
		}
		free(p->maps[i].f);
	}
	vocab_free(&p->status);
	vocab_free(&p->channel);
	vocab_free(&p->roles);
	for (int a = 0; a < ACT_COUNT; a++)
		free(p->actions[a]);
	pf_envelope_free(&p->errors);
	jpath_free(&p->token);
	jpath_free(&p->expires);
	jpath_free(&p->expires_in);
	jpath_free(&p->identity);
	jpath_free(&p->role);
	for (int i = 0; i < p->nguest; i++)
		free(p->guest[i]);
	free(p->guest);
	for (int i = 0; i < p->nheaders; i++) {
		free(p->headers[i].name);
		free(p->headers[i].value);
	}
	free(p->headers);
	free(p->allowed);
	free(p->auth_header.name);
	free(p->auth_header.value);
	free(p->auth_query);
	free(p->idempotency_header);
	free(p->server_name);
	free(p->server_header);
	free(p->sort_updated);
	free(p->sort_due);
	free(p->file);
	free(p->name);
	free(p->base_url);
	free(p);
}

const struct mapping *profile_mapping(const struct profile *p, const struct target *t)
{
	for (int i = 0; i < p->nmaps; i++)
		if (p->maps[i].target == t)
			return &p->maps[i];
	return NULL;
}

int vocab_code(const struct vocab *v, const char *api)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->e[i].api, api))
			return v->e[i].code;
	return -1;
}

const char *vocab_api(const struct vocab *v, int code)
{
	for (int i = 0; i < v->n; i++)
		if (v->e[i].code == code)
			return v->e[i].api;
	return NULL;
}

char *vocab_api_list(const struct vocab *v, const char *codes)
{
	struct sb b = { 0 };

	for (const char *p = codes; *p; p += *p == ',') {
		size_t n = strcspn(p, ",");
		char one[16];
		bool found = false;
		int code;

		snprintf(one, sizeof one, "%.*s", (int)n, p);
		p += n;
		code = status_of(one);
		for (int i = 0; i < v->n && code >= ST_MIN; i++) {
			if (v->e[i].code == code) {
				sb_printf(&b, "%s%s", b.len ? "," : "", v->e[i].api);
				found = true;
			}
		}
		if (!found)
			sb_printf(&b, "%s%s", b.len ? "," : "", one);
	}
	return sb_take(&b);
}

unsigned profile_allowed(const struct profile *p, int role, int status)
{
	unsigned all = 0;

	for (int i = 0; i < p->nallowed; i++) {
		if (p->allowed[i].status != status)
			continue;
		if (role >= 0 && p->allowed[i].role == role)
			return p->allowed[i].actions;
		if (p->allowed[i].role < 0)
			all = p->allowed[i].actions;
	}
	return all;
}

bool profile_reads_allowed(const struct profile *p)
{
	const struct op *get = &p->ops[OP_GET_DOSSIER];
	const struct mapping *m = get->map ? get->map : profile_mapping(p, &target_dossier);

	for (int i = 0; m && i < m->n; i++)
		if (m->f[i].def->kind == FK_ACTIONS && (m->f[i].has_path || m->f[i].constant))
			return true;
	for (int j = 0; j < get->njoins; j++)
		if (get->joins[j].def->kind == FK_ACTIONS)
			return true;
	return false;
}

int profile_role(const struct profile *p, const char *api)
{
	return p->roles.n ? vocab_code(&p->roles, api) : role_parse(api);
}

int profile_find(const char *name, char *path, size_t len, struct err *e)
{
	const char *env = getenv("MOTCUA_PROFILE_DIR");
	const char *home = getenv("XDG_CONFIG_HOME");
	const char *dirs[3];
	char user[1024];
	int n = 0;

	if (strchr(name, '/')) {
		snprintf(path, len, "%s", name);
		return access(path, R_OK) == 0 ? 0 :
		       err_set(e, _("cannot read the profile %s: %s"), name, strerror(errno));
	}
	if (env && *env)
		dirs[n++] = env;
	if (home && *home)
		snprintf(user, sizeof user, "%s/motcua/profiles", home);
	else
		snprintf(user, sizeof user, "%s/.config/motcua/profiles", getenv("HOME") ? getenv("HOME") : "");
	dirs[n++] = user;
	dirs[n++] = PKGDATADIR "/profiles";
	for (int i = 0; i < n; i++) {
		snprintf(path, len, "%s/%s.json", dirs[i], name);
		if (access(path, R_OK) == 0)
			return 0;
	}
	return err_set(e, _("no profile named '%s' (looked in %s%s%s and %s)"), name,
		       env && *env ? env : "", env && *env ? ", " : "", user, PKGDATADIR "/profiles");
}
