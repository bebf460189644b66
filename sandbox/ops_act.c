/* Workflow actions on a dossier (the rules are in workflow.c; this is
 * their parameters and the database writes) and idempotency keys. Each
 * change is one transaction that bumps the dossier's version and the
 * change counter and writes the processing log. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "sbx_db.h"
#include "sbx_ops_int.h"
#include "sbx_util.h"

#define TEXT_MAX SBX_TEXT_MAX
#define IDEM_KEEP (24 * 3600)

/* ---- actions -------------------------------------------------------------- */

/* An array of component seqs of this dossier; *n = 0 when absent. */
static int seq_list(struct sbx *s, const cJSON *body, const char *key, const char *code,
		    int *seqs, int max, int *n, struct sbx_error *e)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(body, key), *it;

	*n = 0;
	if (!arr || cJSON_IsNull(arr))
		return 0;
	if (!cJSON_IsArray(arr))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", key,
				"%s is an array of component numbers (seq)", key);
	cJSON_ArrayForEach(it, arr) {
		sqlite3_stmt *st;
		int rc;

		/* range first: casting a huge double to int is undefined */
		if (!cJSON_IsNumber(it) || it->valuedouble < 0 || it->valuedouble > 1e6 ||
		    it->valuedouble != (int)it->valuedouble)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", key,
					"%s is an array of component numbers (seq)", key);
		if (*n == max)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", key,
					"%s lists more than %d components", key, max);
		if (!(st = sbx_prep(s, "SELECT 1 FROM dossier_components WHERE dossier_code = ?1"
				    " AND seq = ?2", e)))
			return -1;
		sbx_bind_text(st, 1, code);
		sqlite3_bind_int(st, 2, (int)it->valuedouble);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", key,
					"the dossier has no component %d", (int)it->valuedouble);
		seqs[(*n)++] = (int)it->valuedouble;
	}
	return 0;
}

struct act_in {
	const char *note, *reason, *assignee;
	int missing[64], nmissing, received[64], nreceived;
	struct sbx_wf_params p;
};

static int parse_act(struct sbx *s, const struct sbx_user *u, const char *code,
		     enum action a, const cJSON *body, struct act_in *in,
		     struct sbx_error *e)
{
	const char *keys[6] = { "note", NULL };
	int nk = 1;
	bool need_reason = action_irreversible(a);

	if (body && !cJSON_IsNull(body) && !cJSON_IsObject(body))
		return sbx_fail(e, SBX_E_INVALID, "invalid_body", NULL,
				"the body must be a JSON object");
	if (need_reason)
		keys[nk++] = "reason";
	if (a == ACT_REQUEST_SUPPLEMENT)
		keys[nk++] = "missing";
	if (a == ACT_RECEIVE_SUPPLEMENT)
		keys[nk++] = "received";
	if (a == ACT_ASSIGN)
		keys[nk++] = "assignee";
	if (a == ACT_RESCHEDULE)
		keys[nk++] = "new_due_at";
	if (a == ACT_APPROVE)
		keys[nk++] = "financial_obligation";
	if (sbx_body_only_keys(body, keys, NULL, e) < 0 ||
	    sbx_body_opt_string(body, "note", "note", TEXT_MAX, &in->note, e) < 0)
		return -1;
	if (need_reason &&
	    sbx_body_req_string(body, "reason", "reason", TEXT_MAX, &in->reason, e) < 0)
		return -1;
	if (a == ACT_REQUEST_SUPPLEMENT) {
		if (seq_list(s, body, "missing", code, in->missing, 64, &in->nmissing, e) < 0)
			return -1;
		if (!in->nmissing && !in->note)
			return sbx_fail(e, SBX_E_INVALID, "missing_field", "missing",
					"say what must be supplemented: \"missing\" (component numbers) or \"note\"");
	}
	if (a == ACT_RECEIVE_SUPPLEMENT &&
	    seq_list(s, body, "received", code, in->received, 64, &in->nreceived, e) < 0)
		return -1;
	if (a == ACT_ASSIGN) {
		enum role r = ROLE_COUNT;

		if (sbx_body_req_string(body, "assignee", "assignee", 64, &in->assignee, e) < 0)
			return -1;
		in->p.assignee_id = sbx_user_id(s, u->agency_id, in->assignee, &r);
		if (!in->p.assignee_id || r != ROLE_SPECIALIST)
			return sbx_fail(e, SBX_E_STATE, "invalid_field", "assignee",
					"%.64s is not a specialist of your agency (see GET /api/v1/users?role=specialist)",
					in->assignee);
	}
	if (a == ACT_RESCHEDULE) {
		const cJSON *nd = cJSON_GetObjectItemCaseSensitive(body, "new_due_at");

		if (!nd || cJSON_IsNull(nd))
			return sbx_fail(e, SBX_E_INVALID, "missing_field", "new_due_at",
					"new_due_at is required: the new appointment");
		if (!cJSON_IsNumber(nd) || nd->valuedouble < (double)SBX_TIME_MIN ||
		    nd->valuedouble >= (double)SBX_TIME_MAX)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "new_due_at",
					"new_due_at must be a time between 1970 and 2199");
		in->p.new_due = (int64_t)nd->valuedouble;
	}
	if (a == ACT_APPROVE) {
		const cJSON *fo = cJSON_GetObjectItemCaseSensitive(body, "financial_obligation");

		if (fo && !cJSON_IsNull(fo)) {
			if (!cJSON_IsNumber(fo) || fo->valuedouble < 0 || fo->valuedouble > 1e15 ||
			    fo->valuedouble != (double)(int64_t)fo->valuedouble)
				return sbx_fail(e, SBX_E_INVALID, "invalid_field", "financial_obligation",
						"financial_obligation is a whole number of VND, 0 or more");
			in->p.obligation = (int64_t)fo->valuedouble;
		}
	}
	return 0;
}

static void bind_time(sqlite3_stmt *st, int i, int64_t t)
{
	if (t)
		sqlite3_bind_int64(st, i, t);
	else
		sqlite3_bind_null(st, i);
}

static int mark_components(struct sbx *s, const char *code, const int *seqs, int n,
			   int provided, struct sbx_error *e)
{
	for (int i = 0; i < n || (n == 0 && i == 0 && provided); i++) {
		sqlite3_stmt *st = sbx_prep(s, n ?
			"UPDATE dossier_components SET provided = ?3 WHERE dossier_code = ?1 AND seq = ?2" :
			"UPDATE dossier_components SET provided = ?3 WHERE dossier_code = ?1"
			" AND from_national = 0", e);
		int rc;

		if (!st)
			return -1;
		sbx_bind_text(st, 1, code);
		if (n)
			sqlite3_bind_int(st, 2, seqs[i]);
		sqlite3_bind_int(st, 3, provided);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sbx_fail_db(e, s->db);
	}
	return 0;
}

/* The text the query selects, for code (?1, when given) and n (?2),
 * appended to b; nothing if no row has it. */
static int append_text(struct sbx *s, struct sb *b, const char *sql, const char *code,
		       int64_t n, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, sql, e);
	int rc;

	if (!st)
		return -1;
	if (code)
		sbx_bind_text(st, 1, code);
	sqlite3_bind_int64(st, 2, n);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_text(st, 0))
		sb_puts(b, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}

/* The log's note, in the words the seeded logs use: the desk reads both
 * alike (who was assigned, what is missing, what is owed). */
static int action_note(struct sbx *s, const struct sbx_dossier_row *r, enum action a,
		       const struct act_in *in, struct sb *note, struct sbx_error *e)
{
	char amount[40];

	if (a == ACT_ASSIGN) {
		sb_puts(note, "Phân công chuyên viên ");
		if (append_text(s, note, "SELECT full_name FROM users WHERE id = ?2",
				NULL, in->p.assignee_id, e) < 0)
			return -1;
		sb_puts(note, " thụ lý");
	}
	if (a == ACT_APPROVE && in->p.obligation) {
		sbx_vnd(in->p.obligation, amount, sizeof amount);
		sb_printf(note, "Thông báo nghĩa vụ tài chính %s đồng", amount);
	}
	if (a == ACT_REQUEST_SUPPLEMENT && in->nmissing) {
		sb_puts(note, "Yêu cầu bổ sung, hoàn thiện hồ sơ: ");
		for (int i = 0; i < in->nmissing; i++) {
			if (i)
				sb_puts(note, "; ");
			if (append_text(s, note, "SELECT name FROM dossier_components"
					" WHERE dossier_code = ?1 AND seq = ?2", r->code, in->missing[i], e) < 0)
				return -1;
		}
	}
	if (in->reason)
		sb_printf(note, "%s%s", note->len ? "; " : "", in->reason);
	if (in->note)
		sb_printf(note, "%s%s", note->len ? "; " : "", in->note);
	return 0;
}

static int write_action(struct sbx *s, const struct sbx_user *u,
			const struct sbx_dossier_row *r, enum action a,
			const struct act_in *in, const struct sbx_wf_result *res,
			int64_t now, struct sbx_error *e)
{
	const struct sbx_wf_state *n = &res->next;
	struct sb note = { 0 };
	sqlite3_stmt *st;
	int64_t seq;
	int rc;

	if ((seq = sbx_change_bump(s, e)) < 0)
		return -1;
	if (!(st = sbx_prep(s, "UPDATE dossiers SET status = ?2, step = ?3, assignee_id = ?4,"
			    " received_at = ?5, due_at = ?6, finished_at = ?7, returned_at = ?8,"
			    " apology_used = ?9, version = version + 1, change_seq = ?10,"
			    " updated_at = ?11 WHERE code = ?1", e)))
		return -1;
	sbx_bind_text(st, 1, r->code);
	sqlite3_bind_int(st, 2, n->status);
	sbx_bind_text(st, 3, step_name(n->step));
	bind_time(st, 4, n->assignee_id);
	bind_time(st, 5, n->received_at);
	bind_time(st, 6, n->due_at);
	bind_time(st, 7, n->finished_at);
	bind_time(st, 8, n->returned_at);
	sqlite3_bind_int(st, 9, n->apology_used);
	sqlite3_bind_int64(st, 10, seq);
	sqlite3_bind_int64(st, 11, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sbx_fail_db(e, s->db);
	if (res->due_moved) {
		if (!(st = sbx_prep(s, "INSERT INTO due_history (dossier_code, seq, old_due, new_due,"
				    " reason, at) VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1"
				    " FROM due_history WHERE dossier_code = ?1), ?2, ?3, ?4, ?5)", e)))
			return -1;
		sbx_bind_text(st, 1, r->code);
		bind_time(st, 2, res->old_due);
		sqlite3_bind_int64(st, 3, n->due_at);
		sbx_bind_text(st, 4, res->due_reason);
		sqlite3_bind_int64(st, 5, now);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sbx_fail_db(e, s->db);
	}
	if ((a == ACT_REQUEST_SUPPLEMENT && in->nmissing &&
	     mark_components(s, r->code, in->missing, in->nmissing, 0, e) < 0) ||
	    (a == ACT_RECEIVE_SUPPLEMENT &&
	     mark_components(s, r->code, in->received, in->nreceived, 1, e) < 0))
		return -1;
	if (action_note(s, r, a, in, &note, e) < 0) {
		sb_free(&note);
		return -1;
	}
	rc = sbx_dossier_log(s, r->code, now, u, action_name(a), r->st.status, n->status,
		     note.len ? note.s : NULL, e);
	sb_free(&note);
	return rc;
}

int sbx_op_act(struct sbx *s, const struct sbx_user *u, const char *code,
	       enum action a, int64_t if_match, const cJSON *body, cJSON **out,
	       struct sbx_error *e)
{
	struct sbx_wf_actor actor = { u->id, u->role };
	struct sbx_dossier_row r;
	struct sbx_wf_result res;
	struct act_in in;
	int64_t now = sbx_now(s);

	memset(&in, 0, sizeof in);
	if (sbx_dossier_load(s, u, code, &r, e) < 0)
		return -1;
	if (if_match >= 0 && if_match != r.version) {
		sbx_fail(e, SBX_E_CONFLICT, "version_conflict", NULL,
			 "the dossier changed since version %lld: it is at version %lld now; reload it and decide again",
			 (long long)if_match, (long long)r.version);
		e->current_version = r.version;
		return -1;
	}
	if (sbx_wf_check(&r.st, &actor, a, now, s->cal, e) < 0 ||
	    parse_act(s, u, r.code, a, body, &in, e) < 0)
		return -1;
	in.p.budget_minutes = r.minutes;
	in.p.cutoff_minute = r.cutoff;
	if (sbx_wf_apply(&r.st, a, &in.p, now, s->cal, &res, e) < 0)
		return -1;
	if (sbx_tx_begin(s, e) < 0)
		return -1;
	if (write_action(s, u, &r, a, &in, &res, now, e) < 0) {
		sbx_tx_rollback(s);
		return -1;
	}
	if (sbx_tx_commit(s, e) < 0)
		return -1;
	return sbx_op_get(s, u, r.code, out, e);
}

/* ---- idempotency ---------------------------------------------------------- */

int sbx_idem_find(struct sbx *s, int64_t user_id, const char *key,
		  const char *digest, int *status, char **body,
		  struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT request_hash, status, response FROM idempotency"
				    " WHERE user_id = ?1 AND key = ?2 AND created_at > ?3", e);
	int rc, found = 0;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, user_id);
	sbx_bind_text(st, 2, key);
	sqlite3_bind_int64(st, 3, sbx_now(s) - IDEM_KEEP);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (strcmp(sbx_col_text(st, 0), digest)) {
			found = sbx_fail(e, SBX_E_STATE, "idempotency_key_reused", NULL,
					 "this Idempotency-Key was used with a different request; use a new key for a new request");
		} else {
			*status = sqlite3_column_int(st, 1);
			*body = xstrdup(sbx_col_text(st, 2));
			found = 1;
		}
	} else if (rc != SQLITE_DONE) {
		found = sbx_fail_db(e, s->db);
	}
	sqlite3_finalize(st);
	return found;
}

int sbx_idem_store(struct sbx *s, int64_t user_id, const char *key,
		   const char *digest, int status, const char *body,
		   struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "DELETE FROM idempotency WHERE created_at <= ?1", e);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, sbx_now(s) - IDEM_KEEP);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!(st = sbx_prep(s, "INSERT OR REPLACE INTO idempotency (key, user_id, request_hash,"
			    " status, response, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e)))
		return -1;
	sbx_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, user_id);
	sbx_bind_text(st, 3, digest);
	sqlite3_bind_int(st, 4, status);
	sbx_bind_text(st, 5, body);
	sqlite3_bind_int64(st, 6, sbx_now(s));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}
