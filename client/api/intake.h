/* One intake: what the desk received, as the intake form holds it, ready
 * for the profile's "intake" operation and for the outbox (an intake made
 * offline waits there like any action and is delivered exactly once).
 *
 * The contract between the engine (api_intake, session_intake, the outbox)
 * and the intake screen: the screen fills a struct intake, the engine sends
 * it. Field keys are the procedure's (struct proc_field.key). */
#ifndef MOTCUA_INTAKE_H
#define MOTCUA_INTAKE_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "core/err.h"
#include "core/model.h"

struct intake_component {
	int seq;		/* the procedure's component number */
	bool provided;		/* handed in (on paper or as data) */
	bool from_national;	/* national data replaces the paper */
};

struct intake {
	char *procedure_code;	/* a joint procedure's own code */
	enum channel channel;
	char *applicant_name, *applicant_id, *applicant_phone, *applicant_email,
	     *applicant_address;
	char *proxy_name, *proxy_id;	/* NULL: no proxy */
	struct record form;	/* field key → value as the clerk confirmed it */
	/* Field key → the register it came from ("citizen", "enterprise") for
	 * values filled from national data and left as they came; a value the
	 * clerk corrected is listed in corrected instead (key → register). */
	struct record national, corrected;
	struct intake_component *components;
	int ncomponents;
	int copies;		/* sets of the dossier, 1–50 */
	char *note;
	/* The purpose its national-data lookups were audited under (they
	 * were made before the dossier had a code): once delivered, those
	 * audit entries name the new dossier. Not sent to the server. */
	char *lookup_purpose;
};

void intake_free(struct intake *in);

/* For the outbox: the whole intake as JSON, and back (e says which member
 * is wrong in an entry that does not read). */
cJSON *intake_to_json(const struct intake *in);
int intake_from_json(const cJSON *o, struct intake *in, struct err *e);

#endif
