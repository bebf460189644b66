#include "config.h"

#include <string.h>

#include "core/when.h"
#include "sbx_util.h"
#include "sbx_workflow.h"

#define R(role) (1u << (role))
#define S(st) (1u << (st))
#define P(step) (1u << (step))
#define ANY_STEP 0u

/* One way an action may be done. An action has one or more rules; a role
 * not named in any of them may never do it (403), a role named whose
 * status/step does not match may not do it now (422). */
struct rule {
	enum action action;
	unsigned roles, statuses, steps;
	bool assignee_only;	/* only the specialist the dossier is assigned to */
};

static const struct rule rules[] = {
	{ ACT_ACCEPT, R(ROLE_RECEPTION), S(ST_NEW), ANY_STEP, false },
	{ ACT_REFUSE, R(ROLE_RECEPTION), S(ST_NEW), ANY_STEP, false },
	{ ACT_REQUEST_SUPPLEMENT, R(ROLE_RECEPTION), S(ST_NEW) | S(ST_ACCEPTED),
	  ANY_STEP, false },
	{ ACT_REQUEST_SUPPLEMENT, R(ROLE_SPECIALIST), S(ST_PROCESSING),
	  P(STEP_PROCESSING), true },
	{ ACT_RECEIVE_SUPPLEMENT, R(ROLE_RECEPTION), S(ST_SUPPLEMENT), ANY_STEP, false },
	{ ACT_ASSIGN, R(ROLE_LEADER), S(ST_ACCEPTED), P(STEP_ASSIGNMENT), false },
	{ ACT_ASSIGN, R(ROLE_LEADER), S(ST_PROCESSING), P(STEP_PROCESSING), false },
	{ ACT_FORWARD_SIGNING, R(ROLE_SPECIALIST), S(ST_PROCESSING),
	  P(STEP_PROCESSING), true },
	{ ACT_APPROVE, R(ROLE_LEADER), S(ST_PROCESSING), P(STEP_SIGNING), false },
	{ ACT_CONFIRM_PAYMENT, R(ROLE_RECEPTION), S(ST_PAYMENT), ANY_STEP, false },
	{ ACT_STOP, R(ROLE_SPECIALIST), S(ST_PROCESSING), P(STEP_PROCESSING), true },
	{ ACT_STOP, R(ROLE_LEADER), S(ST_PROCESSING),
	  P(STEP_PROCESSING) | P(STEP_SIGNING), false },
	{ ACT_WITHDRAW, R(ROLE_RECEPTION),
	  S(ST_NEW) | S(ST_ACCEPTED) | S(ST_PROCESSING) | S(ST_SUPPLEMENT) | S(ST_PAYMENT),
	  ANY_STEP, false },
	{ ACT_RESULT_READY, R(ROLE_RECORDS), S(ST_PROCESSING), P(STEP_ISSUE), false },
	{ ACT_RETURN_RESULT, R(ROLE_RECEPTION), S(ST_RESULT_READY), ANY_STEP, false },
	{ ACT_RESCHEDULE, R(ROLE_LEADER), S(ST_ACCEPTED) | S(ST_PROCESSING) | S(ST_PAYMENT),
	  ANY_STEP, false },
	{ ACT_RESCHEDULE, R(ROLE_SPECIALIST), S(ST_PROCESSING), ANY_STEP, true },
};

#define NRULES (sizeof rules / sizeof rules[0])

static const char *an(enum action a)
{
	return action_name(a);
}

int sbx_wf_check(const struct sbx_wf_state *d, const struct sbx_wf_actor *u,
		 enum action a, int64_t now, const struct cal *cal,
		 struct sbx_error *e)
{
	bool role_named = false, state_ok = false, assignee_ok = false;

	if ((unsigned)a >= ACT_COUNT)
		return sbx_fail(e, SBX_E_INVALID, "unknown_action", NULL,
				"unknown action");
	for (size_t i = 0; i < NRULES; i++) {
		const struct rule *r = &rules[i];

		if (r->action != a || !(r->roles & R(u->role)))
			continue;
		role_named = true;
		if (d->status < 0 || d->status > 31 || !(r->statuses & S(d->status)) ||
		    (r->steps && !(r->steps & P(d->step))))
			continue;
		state_ok = true;
		if (!r->assignee_only || d->assignee_id == u->id)
			assignee_ok = true;
	}
	if (!role_named)
		return sbx_fail(e, SBX_E_FORBIDDEN, "role_forbidden", NULL,
				"a user with role '%s' may not %s a dossier",
				role_name(u->role), an(a));
	if (!state_ok)
		return sbx_fail(e, SBX_E_STATE, "invalid_state", NULL,
				"cannot %s a dossier in status %d '%s' at step '%s'",
				an(a), d->status, status_name(d->status),
				step_name(d->step));
	if (!assignee_ok)
		return sbx_fail(e, SBX_E_FORBIDDEN, "not_assignee", NULL,
				"only the specialist the dossier is assigned to may %s it",
				an(a));
	if (a == ACT_RESCHEDULE) {
		int64_t deadline;
		char due[WHEN_LEN], dl[WHEN_LEN];

		if (d->apology_used)
			return sbx_fail(e, SBX_E_STATE, "apology_used", NULL,
					"the appointment was already moved once with an apology; it may be moved only once");
		if (!d->due_at)
			return sbx_fail(e, SBX_E_STATE, "invalid_state", NULL,
					"the dossier has no due date to move");
		deadline = cal_apology_deadline(cal, d->due_at);
		if (now > deadline) {
			when_iso(d->due_at, due, sizeof due);
			when_iso(deadline, dl, sizeof dl);
			return sbx_fail(e, SBX_E_STATE, "apology_too_late", NULL,
					"the apology and new date had to be sent by %s, one working day before the due date %s",
					dl, due);
		}
	}
	return 0;
}

unsigned sbx_wf_allowed(const struct sbx_wf_state *d,
			const struct sbx_wf_actor *u, int64_t now,
			const struct cal *cal)
{
	unsigned set = 0;

	for (int a = 0; a < ACT_COUNT; a++)
		if (sbx_wf_check(d, u, (enum action)a, now, cal, NULL) == 0)
			set |= 1u << a;
	return set;
}

bool sbx_wf_overdue(int status, int64_t due_at, int64_t now)
{
	return status_clock_runs(status) && due_at && due_at <= now;
}

const char *sbx_wf_timeliness(int64_t finished_at, int64_t due_at)
{
	static const char *const word[] = {
		[TL_NONE] = NULL, [TL_EARLY] = "early", [TL_ON_TIME] = "on_time",
		[TL_LATE] = "late",
	};

	return word[cal_timeliness(finished_at, due_at)];
}

int sbx_wf_apply(const struct sbx_wf_state *d, enum action a,
		 const struct sbx_wf_params *p, int64_t now,
		 const struct cal *cal, struct sbx_wf_result *r,
		 struct sbx_error *e)
{
	struct sbx_wf_state *n = &r->next;

	memset(r, 0, sizeof *r);
	*n = *d;
	switch (a) {
	case ACT_ACCEPT:
		n->status = ST_ACCEPTED;
		n->step = STEP_ASSIGNMENT;
		n->received_at = now;
		n->due_at = cal_due(cal, now, p->budget_minutes, p->cutoff_minute);
		break;
	case ACT_REFUSE:
		n->status = ST_REFUSED;
		n->step = STEP_DONE;
		break;
	case ACT_REQUEST_SUPPLEMENT:
		n->status = ST_SUPPLEMENT;
		break;
	case ACT_RECEIVE_SUPPLEMENT:
		/* The processing time restarts from the complete dossier. */
		r->due_moved = true;
		r->old_due = d->due_at;
		r->due_reason = "supplement";
		n->due_at = cal_due(cal, now, p->budget_minutes, p->cutoff_minute);
		if (!d->received_at)
			n->received_at = now;
		if (d->assignee_id && d->received_at) {
			n->status = ST_PROCESSING;
			n->step = STEP_PROCESSING;
		} else {
			n->status = ST_ACCEPTED;
			n->step = STEP_ASSIGNMENT;
		}
		break;
	case ACT_ASSIGN:
		n->status = ST_PROCESSING;
		n->step = STEP_PROCESSING;
		n->assignee_id = p->assignee_id;
		break;
	case ACT_FORWARD_SIGNING:
		n->step = STEP_SIGNING;
		break;
	case ACT_APPROVE:
		n->status = p->obligation > 0 ? ST_PAYMENT : ST_PROCESSING;
		n->step = STEP_ISSUE;
		break;
	case ACT_CONFIRM_PAYMENT:
		n->status = ST_PROCESSING;
		n->step = STEP_ISSUE;
		break;
	case ACT_STOP:
		n->status = ST_STOPPED;
		n->step = STEP_DONE;
		break;
	case ACT_WITHDRAW:
		n->status = ST_WITHDRAWN;
		n->step = STEP_DONE;
		break;
	case ACT_RESULT_READY:
		n->status = ST_RESULT_READY;
		n->step = STEP_RETURN;
		n->finished_at = now;
		break;
	case ACT_RETURN_RESULT:
		n->status = ST_RETURNED;
		n->step = STEP_DONE;
		n->returned_at = now;
		break;
	case ACT_RESCHEDULE:
		if (p->new_due <= d->due_at) {
			char due[WHEN_LEN];

			when_iso(d->due_at, due, sizeof due);
			return sbx_fail(e, SBX_E_STATE, "invalid_field", "new_due_at",
					"the new due date must be later than the current one, %s",
					due);
		}
		r->due_moved = true;
		r->old_due = d->due_at;
		r->due_reason = "apology";
		n->due_at = p->new_due;
		n->apology_used = true;
		break;
	default:
		return sbx_fail(e, SBX_E_INVALID, "unknown_action", NULL,
				"unknown action");
	}
	return 0;
}
