/* What a profile can map: the engine's record types (targets) and their
 * fields, by stable name. The profile loader checks names against these
 * tables and the adapter writes values through them, so both agree. */
#ifndef MOTCUA_FIELDS_H
#define MOTCUA_FIELDS_H

#include <stddef.h>

enum fkind {
	FK_STR,
	FK_INT,
	FK_MONEY,		/* VND, a long long */
	FK_BOOL,
	FK_TIME,		/* an instant, read in the profile's date format */
	FK_STATUS,		/* through vocab.status to the national code 1-10 */
	FK_CHANNEL,		/* through vocab.channel to 1-3 */
	FK_VERSION,		/* string or number, kept as text */
	FK_ACTIONS,		/* array of the API's action names -> bitmask */
	FK_DAYS,		/* working days -> working minutes (8 h a day) */
	FK_CUTOFF,		/* "15:00" or minutes -> minute of the day */
	FK_LIST,		/* array of another target's records */
	FK_TEXT,		/* a record value: any scalar as text, dates as yyyy-mm-dd */
	FK_STRS,		/* array of scalars -> char ** with a count (count_off) */
};

struct target;

struct fdef {
	const char *name;
	enum fkind kind;
	size_t off;		/* into the target's struct */
	const struct target *sub;	/* FK_LIST: the element's target */
	size_t count_off;	/* FK_LIST, FK_STRS: where the element count goes */
};

/* The field f of a record of its target, as type. */
#define FIELD_AT(obj, f, type) ((type *)((char *)(obj) + (f)->off))
#define FIELD_CAT(obj, f, type) ((const type *)((const char *)(obj) + (f)->off))

struct target {
	const char *name;	/* "dossier", "log_entry", "citizen", ... */
	size_t size;		/* of one element, for lists */
	const struct fdef *fields;	/* NULL for records (struct record) */
	const char *const *keys;	/* records: the keys allowed; NULL: any */
};

extern const struct target target_dossier, target_log_entry, target_component,
	target_due_change, target_procedure, target_proc_field, target_proc_part, target_citizen,
	target_enterprise, target_stats, target_unit;

const struct target *target_find(const char *name);
const struct fdef *target_field(const struct target *t, const char *name);
/* "code, procedure_code, ..." for error messages. */
void target_field_names(const struct target *t, char *buf, size_t len);

#endif
