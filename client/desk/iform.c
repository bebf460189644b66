#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/ident.h"
#include "core/xalloc.h"
#include "iform.h"

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

static struct iform_field *add(struct iform *f, const char *key, const char *label,
			       const char *type, bool required, const char *pattern)
{
	struct iform_field *x;

	f->f = xrealloc(f->f, (size_t)(f->nf + 1) * sizeof *f->f);
	x = &f->f[f->nf++];
	memset(x, 0, sizeof *x);
	x->key = xstrdup(key);
	x->label = xstrdup(label && *label ? label : key);
	/* the procedure may be freed: the rule keeps nothing of it */
	x->pattern = dup_or_null(pattern);
	vrule_init(&x->rule, x->key, x->label, type, required, x->pattern, NULL, 0);
	return x;
}

static void split_fill(struct iform_field *x, const char *fill_from)
{
	const char *colon = fill_from ? strchr(fill_from, ':') : NULL;

	if (!colon || colon == fill_from || !colon[1])
		return;
	x->fill_reg = xstrndup(fill_from, (size_t)(colon - fill_from));
	x->fill_key = xstrdup(colon + 1);
}

static bool any_required(const struct procedure *p)
{
	for (int i = 0; i < p->ncomponents; i++)
		if (p->components[i].required)
			return true;
	return false;
}

void iform_init(struct iform *f, const struct procedure *p, int64_t today)
{
	struct iform_field *x;

	memset(f, 0, sizeof *f);
	f->procedure_code = xstrdup(p->code ? p->code : "");
	f->procedure_name = xstrdup(p->name ? p->name : "");
	f->minutes = p->minutes;
	f->cutoff = p->cutoff;
	f->joint = p->joint || p->nparts > 0;
	f->today = today;
	if (p->nparts) {
		f->parts = xcalloc((size_t)p->nparts, sizeof *f->parts);
		/* names, what the clerk goes by; the catalog shows the codes */
		for (int i = 0; i < p->nparts; i++) {
			const struct proc_part *pt = &p->parts[i];
			const char *name = pt->name && *pt->name ? pt->name : pt->code;

			f->parts[f->nparts++] = xstrdup(name ? name : "");
		}
	}
	/* the desk must know who hands the dossier in, whatever the form asks */
	for (int i = 0; i < p->nfields; i++)
		if (p->fields[i].key && !strcmp(p->fields[i].key, "applicant.full_name"))
			goto has_name;
	add(f, IFORM_APPLICANT_NAME, _("Applicant's full name"), "text", true, NULL);
has_name:
	for (int i = 0; i < p->nfields; i++) {
		const struct proc_field *pf = &p->fields[i];

		if (!pf->key || !*pf->key)
			continue;
		x = add(f, pf->key, pf->label, pf->type, pf->required, pf->pattern);
		if (pf->noptions) {
			x->options = xcalloc((size_t)pf->noptions, sizeof *x->options);
			for (int j = 0; j < pf->noptions; j++)
				x->options[x->noptions++] = xstrdup(pf->options[j] ? pf->options[j] : "");
			x->rule.options = (const char *const *)x->options;
			x->rule.noptions = x->noptions;
		}
		x->lookup = dup_or_null(pf->lookup);
		split_fill(x, pf->fill_from);
	}
	/* a proxy hands in for someone else: looked up like any person */
	x = add(f, IFORM_PROXY_ID, _("Proxy's ID number (if a proxy hands it in)"), "id_number",
		false, NULL);
	x->lookup = xstrdup("citizen");
	x = add(f, IFORM_PROXY_NAME, _("Proxy's full name"), "text", false, NULL);
	split_fill(x, "citizen:full_name");
	x = add(f, IFORM_COPIES, _("Sets of the dossier"), "number", true, "[1-9]|[1-4][0-9]|50");
	snprintf(x->value, sizeof x->value, "1");
	add(f, IFORM_NOTE, _("Note"), "text", false, NULL);

	f->c = xcalloc((size_t)(p->ncomponents ? p->ncomponents : 1), sizeof *f->c);
	for (int i = 0; i < p->ncomponents; i++) {
		const struct component *pc = &p->components[i];
		struct iform_comp *c = &f->c[f->nc++];

		c->name = xstrdup(pc->name ? pc->name : "");
		c->source = dup_or_null(pc->national_source);
		c->seq = pc->seq ? pc->seq : i + 1;
		c->copies = pc->copies;
		c->required = pc->required;
		/* what the procedure requires is handed in on paper unless the
		 * clerk says otherwise; an optional paper only when ticked (a
		 * procedure that says nothing of it: everything, as the server) */
		c->provided = pc->required || !any_required(p);
	}
	for (int i = 0; i < f->nf; i++)
		iform_check(f, i);
}

void iform_free(struct iform *f)
{
	for (int i = 0; i < f->nf; i++) {
		struct iform_field *x = &f->f[i];

		free(x->key);
		free(x->label);
		free(x->pattern);
		for (int j = 0; j < x->noptions; j++)
			free(x->options[j]);
		free(x->options);
		vrule_free(&x->rule);
		free(x->lookup);
		free(x->fill_reg);
		free(x->fill_key);
		free(x->from_reg);
		free(x->national);
	}
	free(f->f);
	for (int i = 0; i < f->nc; i++) {
		free(f->c[i].name);
		free(f->c[i].source);
	}
	free(f->c);
	for (int i = 0; i < f->nparts; i++)
		free(f->parts[i]);
	free(f->parts);
	free(f->procedure_code);
	free(f->procedure_name);
	memset(f, 0, sizeof *f);
}

int iform_find(const struct iform *f, const char *key)
{
	for (int i = 0; i < f->nf; i++)
		if (!strcmp(f->f[i].key, key))
			return i;
	return -1;
}

void iform_check(struct iform *f, int i)
{
	struct iform_field *x = &f->f[i];

	x->valid = validate_value(&x->rule, x->value, f->today, x->norm, sizeof x->norm,
				  &x->error) == 0;
	/* a proxy is a person the dossier must name: the ID alone is not enough */
	if (x->valid && !x->norm[0] && !strcmp(x->key, IFORM_PROXY_NAME)) {
		int id = iform_find(f, IFORM_PROXY_ID);

		if (id >= 0 && !ident_is_blank(f->f[id].value))
			x->valid = err_set(&x->error, "%s",
					   _("Required when a proxy's ID number is given")) == 0;
	}
	if (x->valid)
		x->error.msg[0] = '\0';
	else
		x->norm[0] = '\0';
	validate_hint(&x->rule, x->valid ? x->norm : x->value, x->hint, sizeof x->hint);
}

void iform_set(struct iform *f, int i, const char *value)
{
	struct iform_field *x = &f->f[i];

	snprintf(x->value, sizeof x->value, "%s", value);
	if (x->from_reg)
		x->origin = x->national && !strcmp(x->national, x->value) ? IO_NATIONAL : IO_CORRECTED;
	iform_check(f, i);
	if (!strcmp(x->key, IFORM_PROXY_ID) && (i = iform_find(f, IFORM_PROXY_NAME)) >= 0)
		iform_check(f, i);
}

void iform_fill(struct iform *f, int i, const char *reg, const char *value)
{
	struct iform_field *x = &f->f[i];

	validate_from_register(x->rule.type, value, x->value, sizeof x->value);
	free(x->from_reg);
	free(x->national);
	x->from_reg = xstrdup(reg);
	x->national = xstrdup(x->value);
	x->origin = IO_NATIONAL;
	iform_check(f, i);
}

int iform_first_problem(struct iform *f)
{
	for (int i = 0; i < f->nf; i++) {
		iform_check(f, i);
		if (!f->f[i].valid)
			return i;
	}
	return -1;
}

int iform_problems(struct iform *f)
{
	int n = 0;

	for (int i = 0; i < f->nf; i++)
		n += !f->f[i].valid;
	return n;
}

const char *iform_source_register(const char *source)
{
	if (!source)
		return NULL;
	if (!strcmp(source, "population"))
		return "citizen";
	if (!strcmp(source, "enterprise"))
		return "enterprise";
	return NULL;	/* civil status, land, tax: no lookup here replaces them */
}

int iform_cover(struct iform *f, const char *reg)
{
	int n = 0;

	for (int i = 0; i < f->nc; i++) {
		struct iform_comp *c = &f->c[i];
		const char *r = iform_source_register(c->source);

		if (r && !strcmp(r, reg) && !c->from_national) {
			c->from_national = c->provided = c->auto_national = true;
			n++;
		}
	}
	return n;
}

void iform_comp_cycle(struct iform *f, int i)
{
	struct iform_comp *c = &f->c[i];

	c->auto_national = false;
	if (c->provided && !c->from_national && c->source) {
		c->from_national = true;
	} else if (c->provided) {
		c->provided = c->from_national = false;
	} else {
		c->provided = true;
	}
}

static char *value_of(const struct iform *f, const char *key)
{
	int i = iform_find(f, key);

	return i >= 0 && f->f[i].norm[0] ? xstrdup(f->f[i].norm) : NULL;
}

int iform_intake(struct iform *f, struct intake *in, struct err *e)
{
	int bad = iform_first_problem(f), copies;
	char *s;

	if (bad >= 0)
		/* TRANSLATORS: a field's label, then what is wrong with its value */
		return err_set(e, _("%s: %s"), f->f[bad].label, f->f[bad].error.msg);
	memset(in, 0, sizeof *in);
	in->procedure_code = xstrdup(f->procedure_code);
	in->channel = CH_DIRECT;
	in->applicant_name = value_of(f, "applicant.full_name");
	if (!in->applicant_name)
		in->applicant_name = value_of(f, IFORM_APPLICANT_NAME);
	in->applicant_id = value_of(f, "applicant.id_number");
	in->applicant_phone = value_of(f, "applicant.phone");
	in->applicant_email = value_of(f, "applicant.email");
	in->applicant_address = value_of(f, "applicant.current_address");
	if (!in->applicant_address)
		in->applicant_address = value_of(f, "applicant.permanent_address");
	in->proxy_name = value_of(f, IFORM_PROXY_NAME);
	in->proxy_id = in->proxy_name ? value_of(f, IFORM_PROXY_ID) : NULL;
	s = value_of(f, IFORM_COPIES);
	copies = s ? atoi(s) : 1;
	free(s);
	in->copies = copies < 1 ? 1 : copies;
	in->note = value_of(f, IFORM_NOTE);
	for (int i = 0; i < f->nf; i++) {
		const struct iform_field *x = &f->f[i];

		if (!strncmp(x->key, IFORM_DESK, strlen(IFORM_DESK)) || !x->norm[0])
			continue;
		record_set(&in->form, x->key, x->norm);
		if (x->origin == IO_NATIONAL)
			record_set(&in->national, x->key, x->from_reg);
		else if (x->origin == IO_CORRECTED)
			record_set(&in->corrected, x->key, x->from_reg);
	}
	in->components = xcalloc((size_t)(f->nc ? f->nc : 1), sizeof *in->components);
	in->ncomponents = f->nc;
	for (int i = 0; i < f->nc; i++)
		in->components[i] = (struct intake_component){
			.seq = f->c[i].seq, .provided = f->c[i].provided,
			.from_national = f->c[i].provided && f->c[i].from_national };
	return 0;
}
