/* One operation of a profile: method, path, query, headers and body
 * templates, envelope, paging, the intake's element templates, date
 * formats of its own, a reply that is not its record, parts joined from
 * endpoints of their own, a login resolved to the API's id. The format is
 * documented in profiles/README.md. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "profile.h"
#include "profile_int.h"
#include "tmpl.h"

/* The element templates of the intake's arrays and their variables. */
/* NULL-ended too: pf_check_keys() walks to the NULL */
static const char *const each_names[EACH_COUNT + 1] = { "components", "lookups", NULL };
static const char *const vars_each_components[] = { "seq", "provided", "from_national", NULL };
static const char *const vars_each_lookups[] = { "field", "register", "corrected", NULL };
static const char *const *const each_vars[EACH_COUNT] = { vars_each_components, vars_each_lookups };
static const char *const each_defaults[EACH_COUNT] = {
	"{\"seq\": \"{seq}\", \"provided\": \"{provided}\", \"from_national\": \"{from_national}\"}",
	"{\"field\": \"{field}\", \"register\": \"{register}\", \"corrected\": \"{corrected}\"}",
};

const char *each_name(enum each_id id)
{
	return id < EACH_COUNT ? each_names[id] : "";
}


static int load_paging(struct ctx *c, const cJSON *obj, struct paging *pg)
{
	static const char *const keys[] = { "style", "first", "size", "total", "next", NULL };
	static const char *const styles[] = { "none", "page", "offset", "cursor", NULL };
	char *style = NULL;
	const cJSON *v;
	int rc = 0;

	if (pf_check_keys(c, obj, keys) < 0 || pf_get_str(c, obj, "style", true, &style) < 0)
		return -1;
	for (int i = 0; styles[i]; i++)
		if (!strcmp(style, styles[i]))
			pg->style = (enum paging_style)i;
	if (pg->style == PAGING_NONE && strcmp(style, "none")) {
		size_t old = pf_enter(c, "style");

		rc = pf_fail(c, _("'%s' is not a paging style (expected none, page, offset or cursor)"), style);
		pf_leave(c, old);
	}
	free(style);
	if (rc < 0)
		return -1;
	pg->first = 1;
	pg->size = 50;
	if ((v = pf_member(c, obj, "first", false, pf_is_number, _("a number"), &rc)))
		pg->first = v->valueint;
	if (rc < 0)
		return -1;
	if ((v = pf_member(c, obj, "size", false, pf_is_number, _("a number"), &rc)))
		pg->size = v->valueint;
	if (rc < 0)
		return -1;
	if (pg->size < 1 || pg->size > 1000) {
		size_t old = pf_enter(c, "size");

		rc = pf_fail(c, _("expected 1 to 1000 items per page, got %d"), pg->size);
		pf_leave(c, old);
		return rc;
	}
	if (pf_get_path(c, obj, "total", &pg->has_total, &pg->total) < 0 ||
	    pf_get_path(c, obj, "next", &pg->has_next, &pg->next) < 0)
		return -1;
	if (pg->style == PAGING_CURSOR && !pg->has_next)
		return pf_fail(c, _("cursor paging needs 'next': the path of the next page's cursor"));
	return 0;
}

/* "each": {"components": {"STT": "{seq}", ...}}: how one element of an
 * array variable is written. Only the intake has array variables. */
static int load_each(struct ctx *c, const cJSON *obj, enum op_id id, struct op *op)
{
	int rc;
	const cJSON *o = pf_member(c, obj, "each", false, pf_is_object,
				_("an object of element templates (components, lookups)"), &rc);
	size_t old;

	/* without one, the elements are written with the model's names */
	for (int i = 0; id == OP_INTAKE && i < EACH_COUNT; i++)
		op->each[i] = cJSON_Parse(each_defaults[i]);
	if (!o)
		return rc;
	old = pf_enter(c, "each");
	if (id != OP_INTAKE)
		rc = pf_fail(c, _("only the intake operation has array variables to write element by element"));
	else
		rc = pf_check_keys(c, o, each_names);
	for (int i = 0; !rc && i < EACH_COUNT; i++) {
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, each_names[i]);
		size_t o2;

		if (!t)
			continue;
		o2 = pf_enter(c, each_names[i]);
		if (!cJSON_IsObject(t))
			rc = pf_fail(c, _("expected an object template of one element, got %s"), pf_json_type(t));
		else if (tmpl_check_json(t, each_vars[i], c->e) < 0)
			rc = pf_fail(c, "%s", c->e->msg);
		else {
			cJSON_Delete(op->each[i]);
			op->each[i] = cJSON_Duplicate(t, 1);
		}
		pf_leave(c, o2);
	}
	pf_leave(c, old);
	return rc;
}

/* "formats": {"new_due": "epoch_ms"}: a date variable sent in a format of
 * its own, whatever the replies use. */
static int load_formats(struct ctx *c, const cJSON *obj, enum op_id id, struct op *op)
{
	static const char *const dated[] = { "new_due", "from", "to", NULL };
	int rc;
	const cJSON *o = pf_member(c, obj, "formats", false, pf_is_object,
				_("an object of date variables and their formats"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "formats");
	for (const cJSON *it = o->child; it && !rc; it = it->next) {
		size_t o2 = pf_enter(c, it->string);
		struct var_format *f;
		bool known = false;

		for (const char *const *k = pf_op_vars(id); *k; k++)
			for (const char *const *d = dated; *d; d++)
				known |= !strcmp(*k, *d) && !strcmp(*k, it->string);
		if (!known)
			rc = pf_fail(c, _("not a date variable of this operation (date variables: new_due in action, from and to in stats)"));
		else if (!cJSON_IsString(it))
			rc = pf_fail(c, _("expected a date format such as epoch_ms or dd/MM/yyyy, got %s"),
				  pf_json_type(it));
		if (!rc) {
			op->formats = xrealloc(op->formats, (size_t)(op->nformats + 1) * sizeof *op->formats);
			f = &op->formats[op->nformats];
			if (datefmt_parse(&f->fmt, it->valuestring, c->p->dates.offset, c->e) < 0) {
				rc = pf_fail(c, "%s", c->e->msg);
			} else {
				f->name = xstrdup(it->string);
				op->nformats++;
			}
		}
		pf_leave(c, o2);
	}
	pf_leave(c, old);
	return rc;
}

/* "reply": "none": the action's reply is not the dossier (an action record,
 * an empty body); the engine reads the dossier again after it. */
static int load_reply(struct ctx *c, const cJSON *obj, enum op_id id, struct op *op)
{
	char *reply = NULL;
	int rc = pf_get_str(c, obj, "reply", false, &reply);
	size_t old;

	if (rc < 0 || !reply)
		return rc;
	old = pf_enter(c, "reply");
	if (id != OP_ACTION)
		rc = pf_fail(c, _("only the action operation may have a reply that is not its record"));
	else if (!strcmp(reply, "none"))
		op->reply_none = true;
	else if (strcmp(reply, "dossier"))
		rc = pf_fail(c, _("expected dossier (the reply is the dossier after the action) or none (read it again)"));
	pf_leave(c, old);
	free(reply);
	return rc;
}

static bool mapped(const struct mapping *m, const struct fdef *def)
{
	for (int i = 0; m && i < m->n; i++)
		if (m->f[i].def == def)
			return true;
	return false;
}

/* The request of a join or a resolve: method (GET or POST), path, query. */
static int load_part(struct ctx *c, const cJSON *it, enum op_id id, struct op *parent,
		     struct join *j, const char *const *keys)
{
	int rc = 0;
	size_t old;

	if (pf_check_keys(c, it, keys) < 0 || pf_get_str(c, it, "path", true, &j->op.path) < 0 ||
	    pf_load_templates(c, it, "query", pf_op_vars(id), &j->op.query, &j->op.nquery) < 0 ||
	    pf_get_path(c, it, "items", &j->op.has_items, &j->op.items) < 0 ||
	    pf_get_str(c, it, "method", false, &j->op.method) < 0)
		return -1;
	old = pf_enter(c, "path");
	if (tmpl_check(j->op.path, pf_op_vars(id), c->e) < 0)
		rc = pf_fail(c, "%s", c->e->msg);
	else if (j->op.path[0] != '/')
		rc = pf_fail(c, _("expected a path starting with '/' (the base URL comes from base_url)"));
	pf_leave(c, old);
	if (!rc && j->op.method && strcmp(j->op.method, "GET") && strcmp(j->op.method, "POST"))
		rc = pf_fail(c, _("'%s' is not a method for reading (expected GET or POST)"), j->op.method);
	if (rc)
		return rc;
	if (!j->op.method)
		j->op.method = xstrdup("GET");
	pf_envelope_copy(&j->op.env, &parent->env);
	j->op.present = true;
	return 0;
}

/* "resolve": {"assignee": {"path": "/users", "query": {"screenName":
 * "{assignee}"}, "value": "data[0].userId"}}: the API names a colleague by
 * an id of its own, the clerk by a login. */
static int load_resolve(struct ctx *c, const cJSON *obj, enum op_id id, struct op *op)
{
	static const char *const keys[] = { "method", "path", "query", "value", NULL };
	static const char *const names[] = { "assignee", NULL };
	int rc;
	const cJSON *o = pf_member(c, obj, "resolve", false, pf_is_object,
				_("an object: assignee, and how to read its id"), &rc);
	const cJSON *it;
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "resolve");
	if (id != OP_ACTION)
		rc = pf_fail(c, _("only the action operation resolves a login to the API's id"));
	else
		rc = pf_check_keys(c, o, names);
	if (!rc && (it = cJSON_GetObjectItemCaseSensitive(o, "assignee"))) {
		size_t o2 = pf_enter(c, "assignee");

		op->resolve = xcalloc(1, sizeof *op->resolve);
		if (!cJSON_IsObject(it))
			rc = pf_fail(c, _("expected an object with path and value, got %s"), pf_json_type(it));
		else if (load_part(c, it, id, op, op->resolve, keys) < 0 ||
			 pf_get_path(c, it, "value", &op->resolve->has_name, &op->resolve->name) < 0)
			rc = -1;
		else if (!op->resolve->has_name)
			rc = pf_fail(c, _("'value' is missing: the path of the id in the reply"));
		pf_leave(c, o2);
	}
	pf_leave(c, old);
	return rc;
}

/* "join": {"log": {"path": "/dossiers/{code}/logs", "items": "data"}, ...} */
static int load_joins(struct ctx *c, const cJSON *obj, enum op_id id, struct op *op)
{
	static const char *const keys[] = { "method", "path", "query", "items", "name", NULL };
	int rc;
	const cJSON *o = pf_member(c, obj, "join", false, pf_is_object,
				_("an object of dossier fields read by requests of their own"), &rc);
	size_t old;

	if (!o)
		return rc;
	old = pf_enter(c, "join");
	if (id != OP_GET_DOSSIER)
		rc = pf_fail(c, _("only get_dossier joins parts read apart into its record"));
	for (const cJSON *it = rc ? NULL : o->child; it && !rc; it = it->next) {
		size_t o2 = pf_enter(c, it->string);
		const struct fdef *def = target_field(&target_dossier, it->string);
		struct join *j;

		op->joins = xrealloc(op->joins, (size_t)(op->njoins + 1) * sizeof *op->joins);
		j = &op->joins[op->njoins++];
		memset(j, 0, sizeof *j);
		j->def = def;
		if (!def || (def->kind != FK_LIST && def->kind != FK_ACTIONS))
			rc = pf_fail(c, _("only log, components, due_history and allowed_actions can be joined"));
		else if (!cJSON_IsObject(it))
			rc = pf_fail(c, _("expected an object with path and items, got %s"), pf_json_type(it));
		else if (def->kind == FK_LIST && !profile_mapping(c->p, def->sub))
			rc = pf_fail(c, _("needs fields.%s to read its items"), def->sub->name);
		else if (mapped(profile_mapping(c->p, &target_dossier), def))
			rc = pf_fail(c, _("fields.dossier reads it from the record already; map it in one place"));
		if (!rc && (load_part(c, it, id, op, j, keys) < 0 ||
			    pf_get_path(c, it, "name", &j->has_name, &j->name) < 0))
			rc = -1;
		pf_leave(c, o2);
	}
	pf_leave(c, old);
	return rc;
}

int pf_load_op(struct ctx *c, const cJSON *obj, enum op_id id, const struct envelope *def_env)
{
	static const char *const keys[] = { "method", "path", "query", "headers", "body", "form",
		"envelope", "items", "item", "paging", "cursor", "more", "each", "formats", "reply",
		"join", "resolve", NULL };
	static const char *const methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", NULL };
	struct op *op = &c->p->ops[id];
	const cJSON *v;
	int rc;
	size_t old;
	bool ok = false;

	op->present = true;
	if (pf_check_keys(c, obj, keys) < 0 || pf_get_str(c, obj, "method", true, &op->method) < 0 ||
	    pf_get_str(c, obj, "path", true, &op->path) < 0)
		return -1;
	for (int i = 0; methods[i]; i++)
		ok |= !strcmp(op->method, methods[i]);
	if (!ok) {
		old = pf_enter(c, "method");
		rc = pf_fail(c, _("'%s' is not a method (expected GET, POST, PUT, PATCH or DELETE)"), op->method);
		pf_leave(c, old);
		return rc;
	}
	old = pf_enter(c, "path");
	rc = tmpl_check(op->path, pf_op_vars(id), c->e) < 0 ? pf_fail(c, "%s", c->e->msg) : 0;
	if (!rc && op->path[0] != '/')
		rc = pf_fail(c, _("expected a path starting with '/' (the base URL comes from base_url)"));
	pf_leave(c, old);
	if (rc < 0 || pf_load_templates(c, obj, "query", pf_op_vars(id), &op->query, &op->nquery) < 0 ||
	    pf_load_templates(c, obj, "headers", pf_op_vars(id), &op->headers, &op->nheaders) < 0 ||
	    pf_get_bool(c, obj, "form", &op->form) < 0)
		return -1;
	if ((v = cJSON_GetObjectItemCaseSensitive(obj, "body"))) {
		old = pf_enter(c, "body");
		rc = tmpl_check_json(v, pf_op_vars(id), c->e) < 0 ? pf_fail(c, "%s", c->e->msg) : 0;
		if (!rc && op->form && !cJSON_IsObject(v))
			rc = pf_fail(c, _("a form-encoded body must be an object of names and values"));
		pf_leave(c, old);
		if (rc < 0)
			return -1;
		op->body = cJSON_Duplicate(v, 1);
	}
	v = cJSON_GetObjectItemCaseSensitive(obj, "envelope");
	if (v && cJSON_IsNull(v)) {
		/* explicitly none for this operation */
	} else if (v) {
		old = pf_enter(c, "envelope");
		rc = cJSON_IsObject(v) ? pf_load_envelope(c, v, &op->env) :
		     pf_fail(c, _("expected an object or null, got %s"), pf_json_type(v));
		pf_leave(c, old);
		if (rc < 0)
			return -1;
	} else {
		pf_envelope_copy(&op->env, def_env);
	}
	if (pf_get_path(c, obj, "items", &op->has_items, &op->items) < 0 ||
	    pf_get_path(c, obj, "item", &op->has_item, &op->item) < 0 ||
	    pf_get_path(c, obj, "cursor", &op->has_cursor, &op->cursor) < 0 ||
	    pf_get_path(c, obj, "more", &op->has_more, &op->more) < 0)
		return -1;
	if ((v = pf_member(c, obj, "paging", false, pf_is_object, _("an object"), &rc))) {
		old = pf_enter(c, "paging");
		rc = load_paging(c, v, &op->paging);
		pf_leave(c, old);
	}
	if (rc < 0)
		return -1;
	if ((id == OP_LIST_DOSSIERS || id == OP_LIST_PROCEDURES || id == OP_UNITS) && !op->has_items)
		return pf_fail(c, _("a list operation needs 'items': the path of the array of items"));
	if (load_formats(c, obj, id, op) < 0 || load_reply(c, obj, id, op) < 0 ||
	    load_joins(c, obj, id, op) < 0 || load_resolve(c, obj, id, op) < 0)
		return -1;
	return load_each(c, obj, id, op);
}

void pf_op_free(struct op *op)
{
	free(op->method);
	free(op->path);
	for (int i = 0; i < op->nquery; i++) {
		free(op->query[i].name);
		free(op->query[i].value);
	}
	free(op->query);
	for (int i = 0; i < op->nheaders; i++) {
		free(op->headers[i].name);
		free(op->headers[i].value);
	}
	free(op->headers);
	cJSON_Delete(op->body);
	pf_envelope_free(&op->env);
	jpath_free(&op->items);
	jpath_free(&op->item);
	jpath_free(&op->cursor);
	jpath_free(&op->more);
	jpath_free(&op->paging.total);
	jpath_free(&op->paging.next);
	for (int i = 0; i < op->nformats; i++)
		free(op->formats[i].name);
	free(op->formats);
	for (int i = 0; i < op->njoins; i++) {
		pf_op_free(&op->joins[i].op);
		jpath_free(&op->joins[i].name);
	}
	free(op->joins);
	if (op->resolve) {
		pf_op_free(&op->resolve->op);
		jpath_free(&op->resolve->name);
		free(op->resolve);
	}
	for (int i = 0; i < EACH_COUNT; i++)
		cJSON_Delete(op->each[i]);
}
