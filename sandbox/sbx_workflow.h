/* The dossier workflow: which role may do which action in which status and
 * step, and what each action changes (status, step, assignee, receipt,
 * due date, finish). Pure logic over a small state struct: the database
 * work is in ops_write.c.
 *
 *   action              who                          from                 to
 *   accept              reception                    1                    2 assignment (clock starts)
 *   refuse              reception                    1                    3 done
 *   request-supplement  reception                    1, 2                 5 (clock stops)
 *                       specialist, assignee         4 processing         5
 *   receive-supplement  reception                    5                    2 assignment or 4 processing;
 *                                                                          due restarts from the receipt
 *   assign              leader                       2 assignment,        4 processing
 *                                                    4 processing (reassign)
 *   forward-signing     specialist, assignee         4 processing         4 signing
 *   approve             leader                       4 signing            4 issue, or 6 issue with a
 *                                                                          financial obligation
 *   confirm-payment     reception                    6                    4 issue
 *   stop                specialist, assignee         4 processing         8 done
 *                       leader                       4 processing/signing 8 done
 *   withdraw            reception                    1, 2, 4, 5, 6        7 done
 *   result-ready        records                      4 issue              9 return (finished: early/on
 *                                                                          time/late is judged here)
 *   return-result       reception                    9                    10 done
 *   reschedule          leader; specialist assignee  2, 4, 6              same; new due date, once per
 *                                                                          dossier, later than the current
 *                                                                          one, no later than one working
 *                                                                          day before it (apology form)
 */
#ifndef MOTCUA_SBX_WORKFLOW_H
#define MOTCUA_SBX_WORKFLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/model.h"
#include "sbx.h"

/* What the rules look at. Times are Unix seconds, 0 for "not set". */
struct sbx_wf_state {
	int status;
	enum step step;
	int64_t assignee_id;
	int64_t received_at;
	int64_t due_at;
	int64_t finished_at;
	int64_t returned_at;
	bool apology_used;
};

struct sbx_wf_actor {
	int64_t id;
	enum role role;
};

/* May the actor do a now? 0, or -1 with e: SBX_E_FORBIDDEN when the role
 * never may (code "role_forbidden") or the dossier is someone else's
 * ("not_assignee"), SBX_E_STATE when the status or step does not allow it
 * ("invalid_state", "apology_used", "apology_too_late"). */
int sbx_wf_check(const struct sbx_wf_state *d, const struct sbx_wf_actor *u,
		 enum action a, int64_t now, const struct cal *cal,
		 struct sbx_error *e);

/* Bit (1u << action) set for each action sbx_wf_check allows. */
unsigned sbx_wf_allowed(const struct sbx_wf_state *d,
			const struct sbx_wf_actor *u, int64_t now,
			const struct cal *cal);

/* The parameters an action needs (the caller validates their form). */
struct sbx_wf_params {
	int budget_minutes;	/* the procedure's processing time */
	int cutoff_minute;	/* CAL_NO_CUTOFF or minutes after midnight */
	int64_t assignee_id;	/* assign */
	int64_t new_due;	/* reschedule */
	int64_t obligation;	/* approve: financial obligation in VND, 0 none */
};

struct sbx_wf_result {
	struct sbx_wf_state next;
	bool due_moved;		/* a due_history row: old_due -> next.due_at */
	int64_t old_due;	/* 0 when there was none */
	const char *due_reason;	/* "supplement" or "apology" */
};

/* The state after a (sbx_wf_check passed). Fails only on the parameters:
 * reschedule's new date not later than the current one. */
int sbx_wf_apply(const struct sbx_wf_state *d, enum action a,
		 const struct sbx_wf_params *p, int64_t now,
		 const struct cal *cal, struct sbx_wf_result *r,
		 struct sbx_error *e);

/* Overdue: open with a running clock (2, 4, 6) and due <= now. */
bool sbx_wf_overdue(int status, int64_t due_at, int64_t now);

/* "early", "on_time" or "late" for a finished dossier (NULL otherwise):
 * cal_timeliness, the rule the client uses too. */
const char *sbx_wf_timeliness(int64_t finished_at, int64_t due_at);

#endif
