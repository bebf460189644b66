#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "fields.h"

#define F(st, name, kind) { #name, kind, offsetof(struct st, name), NULL, 0 }
#define L(st, name, sub, count) { #name, FK_LIST, offsetof(struct st, name), &sub, offsetof(struct st, count) }
#define END { NULL, 0, 0, NULL, 0 }

static const struct fdef component_fields[] = {
	F(component, seq, FK_INT),
	F(component, name, FK_STR), F(component, national_source, FK_STR), F(component, copies, FK_INT),
	F(component, from_national, FK_BOOL), F(component, provided, FK_BOOL),
	F(component, required, FK_BOOL), END,
};
const struct target target_component = { "component", sizeof(struct component), component_fields, NULL };

static const struct fdef due_fields[] = {
	F(due_change, old_due, FK_TIME), F(due_change, new_due, FK_TIME),
	F(due_change, at, FK_TIME), F(due_change, reason, FK_STR), END,
};
const struct target target_due_change = { "due_change", sizeof(struct due_change), due_fields, NULL };

static const struct fdef log_fields[] = {
	F(log_entry, at, FK_TIME), F(log_entry, who, FK_STR), F(log_entry, role, FK_STR),
	F(log_entry, action, FK_STR), F(log_entry, note, FK_STR),
	F(log_entry, from_status, FK_STATUS), F(log_entry, to_status, FK_STATUS), END,
};
const struct target target_log_entry = { "log_entry", sizeof(struct log_entry), log_fields, NULL };

static const struct fdef dossier_fields[] = {
	F(dossier, code, FK_STR), F(dossier, number, FK_STR), F(dossier, procedure_code, FK_STR),
	F(dossier, procedure_name, FK_STR), F(dossier, agency, FK_STR),
	F(dossier, applicant_name, FK_STR), F(dossier, applicant_id, FK_STR),
	F(dossier, applicant_phone, FK_STR), F(dossier, applicant_email, FK_STR),
	F(dossier, applicant_address, FK_STR), F(dossier, proxy_name, FK_STR),
	F(dossier, proxy_id, FK_STR), F(dossier, step, FK_STR), F(dossier, assignee, FK_STR),
	F(dossier, assignee_login, FK_STR),
	F(dossier, status, FK_STATUS), F(dossier, channel, FK_CHANNEL), F(dossier, fee, FK_MONEY),
	F(dossier, copies, FK_INT), F(dossier, days_text, FK_STR),
	F(dossier, submitted_at, FK_TIME), F(dossier, received_at, FK_TIME),
	F(dossier, due_at, FK_TIME), F(dossier, finished_at, FK_TIME),
	F(dossier, returned_at, FK_TIME), F(dossier, updated_at, FK_TIME),
	F(dossier, version, FK_VERSION),
	{ "allowed_actions", FK_ACTIONS, offsetof(struct dossier, allowed), NULL, 0 },
	L(dossier, components, target_component, ncomponents),
	L(dossier, due_history, target_due_change, ndue),
	L(dossier, log, target_log_entry, nlog),
	END,
};
const struct target target_dossier = { "dossier", sizeof(struct dossier), dossier_fields, NULL };

static const struct fdef proc_field_fields[] = {
	F(proc_field, key, FK_STR), F(proc_field, label, FK_STR), F(proc_field, type, FK_STR),
	F(proc_field, pattern, FK_STR), F(proc_field, lookup, FK_STR),
	F(proc_field, fill_from, FK_STR), F(proc_field, required, FK_BOOL),
	{ "options", FK_STRS, offsetof(struct proc_field, options), NULL,
	  offsetof(struct proc_field, noptions) }, END,
};
const struct target target_proc_field = { "proc_field", sizeof(struct proc_field), proc_field_fields, NULL };

static const struct fdef proc_part_fields[] = {
	F(proc_part, code, FK_STR), F(proc_part, name, FK_STR), END,
};
const struct target target_proc_part = { "proc_part", sizeof(struct proc_part), proc_part_fields, NULL };

static const struct fdef procedure_fields[] = {
	F(procedure, code, FK_STR), F(procedure, name, FK_STR), F(procedure, field, FK_STR),
	F(procedure, level, FK_STR), F(procedure, days_text, FK_STR), F(procedure, result, FK_STR),
	F(procedure, minutes, FK_INT), { "days", FK_DAYS, offsetof(struct procedure, minutes), NULL, 0 },
	F(procedure, cutoff, FK_CUTOFF), F(procedure, fee, FK_MONEY), F(procedure, fee_note, FK_STR),
	F(procedure, joint, FK_BOOL),
	L(procedure, components, target_component, ncomponents),
	L(procedure, fields, target_proc_field, nfields),
	L(procedure, parts, target_proc_part, nparts),
	END,
};
const struct target target_procedure = { "procedure", sizeof(struct procedure), procedure_fields, NULL };

/* What the population register returns (DOMAIN.md "National data instead
 * of paper"); intake forms fill from these keys. */
static const char *const citizen_keys[] = {
	"id_number", "full_name", "other_name", "birth_date", "sex", "birth_place",
	"birth_registration_place", "home_town", "ethnicity", "religion", "nationality",
	"permanent_address", "temporary_address", "current_address", "marital_status",
	"household_head_id", "relation_to_head", "father_name", "mother_name",
	"spouse_name", "phone", "email", NULL,
};
const struct target target_citizen = { "citizen", sizeof(struct record), NULL, citizen_keys };

static const char *const enterprise_keys[] = {
	"tax_code", "name", "short_name", "kind", "address", "representative",
	"representative_id", "established", "status", "business_line", "capital", "phone", NULL,
};
const struct target target_enterprise = { "enterprise", sizeof(struct record), NULL, enterprise_keys };

const struct target target_stats = { "stats", sizeof(struct record), NULL, NULL };

static const char *const unit_keys[] = { "code", "name", "level", "parent", NULL };
const struct target target_unit = { "unit", sizeof(struct record), NULL, unit_keys };

static const struct target *const targets[] = {
	&target_dossier, &target_log_entry, &target_component, &target_due_change,
	&target_procedure, &target_proc_field, &target_proc_part, &target_citizen, &target_enterprise,
	&target_stats, &target_unit,
};

const struct target *target_find(const char *name)
{
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
		if (!strcmp(targets[i]->name, name))
			return targets[i];
	return NULL;
}

const struct fdef *target_field(const struct target *t, const char *name)
{
	for (const struct fdef *f = t->fields; f && f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

void target_field_names(const struct target *t, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	if (t->fields) {
		for (const struct fdef *f = t->fields; f->name && used < len; f++)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "", f->name);
	} else if (t->keys) {
		for (const char *const *k = t->keys; *k && used < len; k++)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "", *k);
	}
}
