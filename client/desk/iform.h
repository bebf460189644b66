/* The intake form as data (no curses): the procedure's fields plus the
 * desk's own (the proxy, the number of sets, a note), each with its rule,
 * its value as typed, whether it is valid, where the value came from
 * (typed, national data, national data the clerk corrected), and the
 * dossier's components with their paper / national-data ticks. The screen
 * draws and edits it; autofill.c fills it from the registers; iform_intake
 * turns it into the struct intake the engine sends.
 *
 * Fields whose key starts with IFORM_DESK are the desk's own: they are not
 * procedure fields and never go into intake.form. */
#ifndef MOTCUA_IFORM_H
#define MOTCUA_IFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "api/intake.h"
#include "core/err.h"
#include "core/model.h"
#include "validate.h"

#define IFORM_DESK "~"
#define IFORM_PROXY_NAME "~proxy.full_name"
#define IFORM_PROXY_ID "~proxy.id_number"
#define IFORM_COPIES "~copies"
#define IFORM_NOTE "~note"
/* What the desk needs to know of the applicant when a procedure's form
 * does not ask for it itself. */
#define IFORM_APPLICANT_NAME "~applicant.full_name"

enum iform_origin {
	IO_TYPED,
	IO_NATIONAL,		/* filled from a register, left as it came */
	IO_CORRECTED,		/* filled from a register, then changed by the clerk */
};

struct iform_field {
	char *key, *label;
	char *pattern;		/* the procedure's own rule: the rule points here */
	char **options;		/* a select's choices */
	int noptions;
	struct vrule rule;
	char *lookup;		/* "citizen", "enterprise": typing it looks up */
	char *fill_reg, *fill_key;	/* fill_from "citizen:full_name", split */
	char value[VALIDATE_MAX];	/* as typed (or filled) */
	char norm[VALIDATE_MAX];	/* normalised, when valid */
	bool valid;
	struct err error;	/* why not, naming the field */
	char hint[128];		/* the ID number's decode, a hint only */
	enum iform_origin origin;
	char *from_reg;		/* IO_NATIONAL / IO_CORRECTED: the register */
	char *national;		/* the value the register gave */
	bool touched;		/* left by the clerk: its problem is shown as one */
};

struct iform_comp {
	char *name, *source;	/* source: the register that can replace it */
	int seq;		/* the procedure's number for it */
	int copies;
	bool required;
	bool provided;		/* handed in, on paper or as data */
	bool from_national;
	bool auto_national;	/* ticked by a lookup, not by the clerk */
};

struct iform {
	char *procedure_code, *procedure_name;
	int minutes, cutoff;	/* processing time, cut-off minute or -1 */
	bool joint;
	char **parts;		/* a joint procedure's parts, "code name" */
	int nparts;
	struct iform_field *f;
	int nf;
	struct iform_comp *c;
	int nc;
	int64_t today;		/* for "not in the future"; the screen keeps it */
	bool submit_tried;	/* every problem shows, touched or not */
};

/* Build the form for p (copied: p may be freed afterwards). */
void iform_init(struct iform *f, const struct procedure *p, int64_t today);
void iform_free(struct iform *f);

/* The field of that key, or -1. */
int iform_find(const struct iform *f, const char *key);

/* The clerk set field i to value: revalidate, and note a correction of a
 * national value (back to the register's value: national again). */
void iform_set(struct iform *f, int i, const char *value);
/* A register filled field i: the value as it came, marked national. */
void iform_fill(struct iform *f, int i, const char *reg, const char *value);
/* Check field i again (the date changed, the form was submitted). */
void iform_check(struct iform *f, int i);

/* The first field with a problem, or -1: nothing is submitted invalid. */
int iform_first_problem(struct iform *f);
int iform_problems(struct iform *f);

/* Tick the components a register covers ("population" for a citizen
 * lookup, "enterprise" for an enterprise one): from national data, not
 * asked on paper. Returns how many changed. */
int iform_cover(struct iform *f, const char *reg);
/* The register whose data replaces a component's source, or NULL. */
const char *iform_source_register(const char *source);

/* Cycle a component: on paper -> from national data (if it has a source)
 * -> not handed in -> on paper. */
void iform_comp_cycle(struct iform *f, int i);

/* The form as the engine sends it: 0, or -1 (e) if a field is invalid. */
int iform_intake(struct iform *f, struct intake *in, struct err *e);

#endif
