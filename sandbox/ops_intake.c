/* Intake: a new dossier from the desk (complete, accepted at once, due date
 * computed) or from the online portal (status 1, waiting for reception),
 * with its form checked against the procedure's fields. Also the body
 * helpers and the log writer the action code shares. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/ident.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "sbx_db.h"
#include "sbx_ops_int.h"
#include "sbx_util.h"

#define TEXT_MAX SBX_TEXT_MAX

/* ---- body fields ---------------------------------------------------------- */

int sbx_body_opt_string(const cJSON *o, const char *key, const char *field,
			size_t max, const char **out, struct sbx_error *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	*out = NULL;
	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", field,
				"%s must be a string", field);
	if (strlen(v->valuestring) > max)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", field,
				"%s is longer than %zu bytes", field, max);
	*out = sbx_blank(v->valuestring) ? NULL : v->valuestring;
	return 0;
}

int sbx_body_req_string(const cJSON *o, const char *key, const char *field,
			size_t max, const char **out, struct sbx_error *e)
{
	if (sbx_body_opt_string(o, key, field, max, out, e) < 0)
		return -1;
	if (!*out)
		return sbx_fail(e, SBX_E_INVALID, "missing_field", field,
				"%s is required", field);
	return 0;
}

int sbx_body_only_keys(const cJSON *o, const char *const *keys,
		       const char *where, struct sbx_error *e)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, o) {
		bool known = false;

		for (const char *const *k = keys; *k; k++)
			if (it->string && !strcmp(it->string, *k))
				known = true;
		if (!known)
			return sbx_fail(e, SBX_E_INVALID, "unknown_field", it->string,
					"unknown field \"%.60s\"%s%s", it->string ? it->string : "",
					where ? " in " : "", where ? where : "");
	}
	return 0;
}

/* Normalise an applicant or proxy ID: a personal ID number or a tax code. */
static int check_party_id(const char *in, char out[IDENT_BUF], const char *field,
			  struct sbx_error *e)
{
	struct err er, er2;

	if (ident_id_check(in, out, IDENT_BUF, NULL, &er) == 0 ||
	    ident_tax_check(in, out, IDENT_BUF, NULL, &er2) == 0)
		return 0;
	return sbx_fail(e, SBX_E_INVALID, "invalid_field", field,
			"%s: %s", field, er.msg);
}

/* ---- form validation ------------------------------------------------------ */

static int check_select(const char *options, const char *value, const char *field,
			struct sbx_error *e)
{
	cJSON *opts = cJSON_Parse(options ? options : "[]"), *it;
	bool ok = !cJSON_IsArray(opts) || !cJSON_GetArraySize(opts);

	cJSON_ArrayForEach(it, opts) {
		const cJSON *v = cJSON_IsObject(it) ?
				 cJSON_GetObjectItemCaseSensitive(it, "value") : it;

		if (cJSON_IsString(v) && !strcmp(v->valuestring, value))
			ok = true;
	}
	cJSON_Delete(opts);
	if (!ok)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", field,
				"%s: \"%.60s\" is not one of the options", field, value);
	return 0;
}

/* Check one form value by the field's type; *norm gets the value to store. */
static int check_value(const char *type, const char *options, const cJSON *v,
		       const char *field, cJSON **norm, struct sbx_error *e)
{
	char buf[IDENT_BUF];
	struct err er;
	const char *t;

	if (!strcmp(type, "number") && cJSON_IsNumber(v)) {
		*norm = cJSON_CreateNumber(v->valuedouble);
		return 0;
	}
	if (!cJSON_IsString(v))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", field,
				"%s must be a string", field);
	t = v->valuestring;
	if (strlen(t) > TEXT_MAX)
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", field,
				"%s is longer than %d bytes", field, TEXT_MAX);
	if (!strcmp(type, "id_number")) {
		if (ident_id_check(t, buf, sizeof buf, NULL, &er) < 0)
			goto bad;
		t = buf;
	} else if (!strcmp(type, "tax_code")) {
		if (ident_tax_check(t, buf, sizeof buf, NULL, &er) < 0)
			goto bad;
		t = buf;
	} else if (!strcmp(type, "phone")) {
		if (ident_phone_check(t, buf, sizeof buf, NULL, &er) < 0)
			goto bad;
		t = buf;
	} else if (!strcmp(type, "date")) {
		/* dd/mm/yyyy as typed, or ISO as the registers give it; kept ISO */
		struct ident_date d;
		int n = 0;

		if (sscanf(t, "%4d-%2d-%2d%n", &d.year, &d.month, &d.day, &n) == 3 &&
		    n == 10 && !t[n]) {
			if (!ident_date_is_valid(d.year, d.month, d.day) ||
			    d.year < IDENT_YEAR_MIN || d.year > IDENT_YEAR_MAX) {
				snprintf(er.msg, sizeof er.msg, "%.20s is not a real date", t);
				goto bad;
			}
		} else if (ident_date_parse(t, &d, &er) < 0) {
			goto bad;
		}
		t = when_iso_ymd(d.year, d.month, d.day, buf, sizeof buf);
	} else if (!strcmp(type, "email")) {
		const char *at = strchr(t, '@');

		if (!at || at == t || !strchr(at, '.') || strchr(t, ' ')) {
			snprintf(er.msg, sizeof er.msg, "\"%.60s\" is not an e-mail address", t);
			goto bad;
		}
	} else if (!strcmp(type, "number")) {
		int64_t n;

		if (sbx_parse_int(t, INT64_MIN + 1, INT64_MAX, &n) < 0) {
			snprintf(er.msg, sizeof er.msg, "\"%.60s\" is not a whole number", t);
			goto bad;
		}
	} else if (!strcmp(type, "select")) {
		if (check_select(options, t, field, e) < 0)
			return -1;
	}
	*norm = cJSON_CreateString(t);
	return 0;
bad:
	return sbx_fail(e, SBX_E_INVALID, "invalid_field", field, "%s: %s", field, er.msg);
}

/* Validate form against the procedure's fields; *out is the form to store. */
static int check_form(struct sbx *s, const char *proc, const cJSON *form,
		      cJSON **out, struct sbx_error *e)
{
	sqlite3_stmt *st;
	const cJSON *it;
	char field[96];
	int rc;

	if (form && !cJSON_IsNull(form) && !cJSON_IsObject(form))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "form",
				"form must be an object of field keys and values");
	if (!(st = sbx_prep(s, "SELECT key, type, required, options FROM procedure_fields"
			    " WHERE procedure_code = ?1 ORDER BY seq", e)))
		return -1;
	sbx_bind_text(st, 1, proc);
	*out = cJSON_CreateObject();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = sbx_col_text(st, 0);
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(form, key);
		cJSON *norm = NULL;

		snprintf(field, sizeof field, "form.%s", key);
		if (!v || cJSON_IsNull(v) || (cJSON_IsString(v) && sbx_blank(v->valuestring))) {
			if (sqlite3_column_int(st, 2)) {
				sqlite3_finalize(st);
				return sbx_fail(e, SBX_E_INVALID, "missing_field", field,
						"%s is required", field);
			}
			continue;
		}
		if (check_value(sbx_col_text(st, 1),
				sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL :
				sbx_col_text(st, 3), v, field, &norm, e) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		cJSON_AddItemToObject(*out, key, norm);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sbx_fail_db(e, s->db);
	cJSON_ArrayForEach(it, form) {
		if (!cJSON_GetObjectItemCaseSensitive(*out, it->string) &&
		    !(cJSON_IsNull(it) || (cJSON_IsString(it) && sbx_blank(it->valuestring)))) {
			/* not stored: either unknown or blank; unknown is refused */
			sqlite3_stmt *k = sbx_prep(s, "SELECT 1 FROM procedure_fields"
						   " WHERE procedure_code = ?1 AND key = ?2", e);

			if (!k)
				return -1;
			sbx_bind_text(k, 1, proc);
			sbx_bind_text(k, 2, it->string);
			rc = sqlite3_step(k);
			sqlite3_finalize(k);
			if (rc != SQLITE_ROW)
				return sbx_fail(e, SBX_E_INVALID, "unknown_field", "form",
						"form.%.60s is not a field of procedure %s",
						it->string, proc);
		}
	}
	return 0;
}

/* ---- intake --------------------------------------------------------------- */

struct comp {
	int seq, copies;
	char name[400];
	bool required, national, from_national, provided;
};

static int load_components(struct sbx *s, const char *proc, struct comp **out,
			   int *n, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT seq, name, copies, required,"
				    " national_source IS NOT NULL FROM procedure_components"
				    " WHERE procedure_code = ?1 ORDER BY seq", e);
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sbx_bind_text(st, 1, proc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct comp *c;

		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->seq = sqlite3_column_int(st, 0);
		snprintf(c->name, sizeof c->name, "%s", sbx_col_text(st, 1));
		c->copies = sqlite3_column_int(st, 2);
		c->required = sqlite3_column_int(st, 3);
		c->national = sqlite3_column_int(st, 4);
		c->provided = true;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}

static int apply_components(const cJSON *list, struct comp *c, int n,
			    struct sbx_error *e)
{
	static const char *const keys[] = { "seq", "provided", "from_national", NULL };
	const cJSON *it;

	if (!list || cJSON_IsNull(list))
		return 0;
	if (!cJSON_IsArray(list))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "components",
				"components must be an array of {\"seq\", \"provided\", \"from_national\"}");
	cJSON_ArrayForEach(it, list) {
		const cJSON *seq = cJSON_GetObjectItemCaseSensitive(it, "seq");
		const cJSON *prov = cJSON_GetObjectItemCaseSensitive(it, "provided");
		const cJSON *nat = cJSON_GetObjectItemCaseSensitive(it, "from_national");
		int i;

		if (!cJSON_IsObject(it) || !cJSON_IsNumber(seq))
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "components",
					"each component needs a numeric \"seq\"");
		if (sbx_body_only_keys(it, keys, "a component", e) < 0)
			return -1;
		for (i = 0; i < n && c[i].seq != seq->valuedouble; i++)
			;
		if (i == n)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "components",
					"the procedure has no component %g", seq->valuedouble);
		if ((prov && !cJSON_IsBool(prov)) || (nat && !cJSON_IsBool(nat)))
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "components",
					"\"provided\" and \"from_national\" are true or false");
		if (prov)
			c[i].provided = cJSON_IsTrue(prov);
		if (nat && cJSON_IsTrue(nat)) {
			if (!c[i].national)
				return sbx_fail(e, SBX_E_STATE, "invalid_field", "components",
						"component %d (%s) cannot be replaced by national data",
						c[i].seq, c[i].name);
			c[i].from_national = true;
			if (!prov)
				c[i].provided = false;
		}
	}
	return 0;
}

/* <prefix>-YYMMDD-NNNN, numbered per agency and day. */
static int new_code(struct sbx *s, const char *agency, int64_t now, char *out,
		    size_t outsz, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT code_prefix FROM agencies WHERE id = ?1", e);
	char head[120], lo[130], hi[130];
	struct cal_time t;
	int64_t max = 0;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, agency);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sbx_fail(e, SBX_E_INTERNAL, "internal", NULL,
				"the user's agency %s is not in the database", agency);
	}
	cal_split(now, &t);
	snprintf(head, sizeof head, "%.80s-%02d%02d%02d-", sbx_col_text(st, 0),
		 t.year % 100, t.month, t.day);
	sqlite3_finalize(st);
	snprintf(lo, sizeof lo, "%s0", head);
	snprintf(hi, sizeof hi, "%s:", head);	/* ':' sorts right after '9' */
	if (!(st = sbx_prep(s, "SELECT MAX(CAST(substr(code, ?3) AS INTEGER)) FROM dossiers"
			    " WHERE code >= ?1 AND code < ?2", e)))
		return -1;
	sbx_bind_text(st, 1, lo);
	sbx_bind_text(st, 2, hi);
	sqlite3_bind_int(st, 3, (int)strlen(head) + 1);
	if (sqlite3_step(st) == SQLITE_ROW)
		max = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(out, outsz, "%s%04lld", head, (long long)max + 1);
	return 0;
}

int sbx_dossier_log(struct sbx *s, const char *code, int64_t now,
		    const struct sbx_user *u, const char *action, int from, int to,
		    const char *note, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "INSERT INTO dossier_log (dossier_code, seq, at, user_id,"
		" role, action, from_status, to_status, note) VALUES (?1,"
		" (SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_log WHERE dossier_code = ?1),"
		" ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, code);
	sqlite3_bind_int64(st, 2, now);
	if (u) {
		sqlite3_bind_int64(st, 3, u->id);
		sbx_bind_text(st, 4, role_name(u->role));
	}
	sbx_bind_text(st, 5, action);
	if (from)
		sqlite3_bind_int(st, 6, from);
	sqlite3_bind_int(st, 7, to);
	sbx_bind_text(st, 8, note);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}

struct intake {
	const char *proc, *name, *phone_in, *email, *address, *proxy_name, *note;
	char id[IDENT_BUF], proxy_id[IDENT_BUF], phone[IDENT_BUF];
	bool has_id, has_proxy_id;
	int channel, copies;
};

static int parse_party(const cJSON *body, struct intake *in, struct sbx_error *e)
{
	static const char *const akeys[] = { "name", "id_number", "phone", "email",
					     "address", NULL };
	static const char *const pkeys[] = { "name", "id_number", NULL };
	const cJSON *ap = cJSON_GetObjectItemCaseSensitive(body, "applicant");
	const cJSON *px = cJSON_GetObjectItemCaseSensitive(body, "proxy");
	const char *id;

	if (!cJSON_IsObject(ap))
		return sbx_fail(e, SBX_E_INVALID, "missing_field", "applicant",
				"applicant is required: an object with name, id_number, phone, email, address");
	if (sbx_body_only_keys(ap, akeys, "applicant", e) < 0 ||
	    sbx_body_req_string(ap, "name", "applicant.name", 200, &in->name, e) < 0 ||
	    sbx_body_opt_string(ap, "id_number", "applicant.id_number", 40, &id, e) < 0 ||
	    sbx_body_opt_string(ap, "phone", "applicant.phone", 40, &in->phone_in, e) < 0 ||
	    sbx_body_opt_string(ap, "email", "applicant.email", 200, &in->email, e) < 0 ||
	    sbx_body_opt_string(ap, "address", "applicant.address", 500, &in->address, e) < 0)
		return -1;
	if (id) {
		if (check_party_id(id, in->id, "applicant.id_number", e) < 0)
			return -1;
		in->has_id = true;
	}
	if (in->phone_in) {
		struct err er;

		if (ident_phone_check(in->phone_in, in->phone, sizeof in->phone, NULL, &er) < 0)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "applicant.phone",
					"applicant.phone: %s", er.msg);
	}
	if (in->email && (!strchr(in->email, '@') || strchr(in->email, ' ')))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "applicant.email",
				"applicant.email is not an e-mail address");
	if (px && !cJSON_IsNull(px)) {
		if (!cJSON_IsObject(px))
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "proxy",
					"proxy must be an object with name and id_number, or null");
		if (sbx_body_only_keys(px, pkeys, "proxy", e) < 0 ||
		    sbx_body_req_string(px, "name", "proxy.name", 200, &in->proxy_name, e) < 0 ||
		    sbx_body_opt_string(px, "id_number", "proxy.id_number", 40, &id, e) < 0)
			return -1;
		if (id) {
			if (check_party_id(id, in->proxy_id, "proxy.id_number", e) < 0)
				return -1;
			in->has_proxy_id = true;
		}
	}
	return 0;
}

static int parse_intake(const cJSON *body, struct intake *in, struct sbx_error *e)
{
	static const char *const keys[] = { "procedure_code", "channel", "applicant",
					    "proxy", "form", "components", "copies",
					    "note", NULL };
	const cJSON *ch = cJSON_GetObjectItemCaseSensitive(body, "channel");
	const cJSON *cp = cJSON_GetObjectItemCaseSensitive(body, "copies");

	memset(in, 0, sizeof *in);
	if (!cJSON_IsObject(body))
		return sbx_fail(e, SBX_E_INVALID, "invalid_body", NULL,
				"the body must be a JSON object");
	if (sbx_body_only_keys(body, keys, NULL, e) < 0 ||
	    sbx_body_req_string(body, "procedure_code", "procedure_code", 40, &in->proc, e) < 0 ||
	    sbx_body_opt_string(body, "note", "note", TEXT_MAX, &in->note, e) < 0)
		return -1;
	in->channel = CH_DIRECT;
	if (cJSON_IsNumber(ch) && ch->valuedouble >= CH_DIRECT && ch->valuedouble <= CH_POSTAL &&
	    ch->valuedouble == (int)ch->valuedouble)
		in->channel = (int)ch->valuedouble;
	else if (cJSON_IsString(ch) && channel_parse(ch->valuestring) > 0)
		in->channel = channel_parse(ch->valuestring);
	else if (ch && !cJSON_IsNull(ch))
		return sbx_fail(e, SBX_E_INVALID, "invalid_field", "channel",
				"channel is \"direct\", \"online\" or \"postal\" (or 1, 2, 3)");
	in->copies = 1;
	if (cp && !cJSON_IsNull(cp)) {
		if (!cJSON_IsNumber(cp) || cp->valuedouble < 1 || cp->valuedouble > 50 ||
		    cp->valuedouble != (int)cp->valuedouble)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", "copies",
					"copies is a whole number from 1 to 50");
		in->copies = (int)cp->valuedouble;
	}
	return parse_party(body, in, e);
}

int sbx_op_intake(struct sbx *s, const struct sbx_user *u, const cJSON *body,
		  cJSON **out, struct sbx_error *e)
{
	struct intake in;
	struct comp *comps = NULL;
	int ncomps = 0, status, minutes = 0, cutoff = CAL_NO_CUTOFF, rc = -1;
	int64_t now = sbx_now(s), fee = 0, due = 0, seq;
	cJSON *form = NULL;
	char code[160], *form_text = NULL;
	sqlite3_stmt *st;
	bool tx = false;

	if (u->role != ROLE_RECEPTION)
		return sbx_fail(e, SBX_E_FORBIDDEN, "role_forbidden", NULL,
				"only reception clerks take in dossiers");
	if (parse_intake(body, &in, e) < 0)
		return -1;
	if (!(st = sbx_prep(s, "SELECT minutes, cutoff_minute, fee FROM procedures WHERE code = ?1", e)))
		return -1;
	sbx_bind_text(st, 1, in.proc);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sbx_fail(e, SBX_E_STATE, "unknown_procedure", "procedure_code",
				"there is no procedure %.40s (see GET /api/v1/procedures)", in.proc);
	}
	minutes = sqlite3_column_int(st, 0);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		cutoff = sqlite3_column_int(st, 1);
	fee = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	if (check_form(s, in.proc, cJSON_GetObjectItemCaseSensitive(body, "form"), &form, e) < 0 ||
	    load_components(s, in.proc, &comps, &ncomps, e) < 0 ||
	    apply_components(cJSON_GetObjectItemCaseSensitive(body, "components"),
			     comps, ncomps, e) < 0)
		goto out;
	/* At the desk only a complete dossier is entered; an incomplete one
	 * gets a supplement guide instead. Online filings may be incomplete. */
	for (int i = 0; i < ncomps && in.channel != CH_ONLINE; i++)
		if (comps[i].required && !comps[i].provided && !comps[i].from_national) {
			sbx_fail(e, SBX_E_STATE, "incomplete_dossier", "components",
				 "component %d (%.200s) is required: a dossier taken in at the desk must be complete",
				 comps[i].seq, comps[i].name);
			goto out;
		}
	status = in.channel == CH_ONLINE ? ST_NEW : ST_ACCEPTED;
	if (status == ST_ACCEPTED)
		due = cal_due(s->cal, now, minutes, cutoff);
	form_text = cJSON_PrintUnformatted(form);
	if (sbx_tx_begin(s, e) < 0)
		goto out;
	tx = true;
	if (new_code(s, u->agency_id, now, code, sizeof code, e) < 0 ||
	    (seq = sbx_change_bump(s, e)) < 0)
		goto out;
	if (!(st = sbx_prep(s, "INSERT INTO dossiers (code, procedure_code, agency_id,"
		" applicant_name, applicant_id, applicant_phone, applicant_email,"
		" applicant_address, proxy_name, proxy_id, channel, status, step, fee, copies,"
		" submitted_at, received_at, due_at, form, version, change_seq, created_at,"
		" updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
		" ?14, ?15, ?16, ?17, ?18, ?19, 1, ?20, ?16, ?16)", e)))
		goto out;
	sbx_bind_text(st, 1, code);
	sbx_bind_text(st, 2, in.proc);
	sbx_bind_text(st, 3, u->agency_id);
	sbx_bind_text(st, 4, in.name);
	sbx_bind_text(st, 5, in.has_id ? in.id : NULL);
	sbx_bind_text(st, 6, in.phone_in ? in.phone : NULL);
	sbx_bind_text(st, 7, in.email);
	sbx_bind_text(st, 8, in.address);
	sbx_bind_text(st, 9, in.proxy_name);
	sbx_bind_text(st, 10, in.has_proxy_id ? in.proxy_id : NULL);
	sqlite3_bind_int(st, 11, in.channel);
	sqlite3_bind_int(st, 12, status);
	sbx_bind_text(st, 13, status == ST_NEW ? "reception" : "assignment");
	sqlite3_bind_int64(st, 14, fee);
	sqlite3_bind_int(st, 15, in.copies);
	sqlite3_bind_int64(st, 16, now);
	if (status == ST_ACCEPTED) {
		sqlite3_bind_int64(st, 17, now);
		sqlite3_bind_int64(st, 18, due);
	}
	sbx_bind_text(st, 19, form_text);
	sqlite3_bind_int64(st, 20, seq);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = sbx_fail_db(e, s->db);
		goto out;
	}
	rc = -1;
	for (int i = 0; i < ncomps; i++) {
		if (!(st = sbx_prep(s, "INSERT INTO dossier_components (dossier_code, seq, name,"
				    " copies, from_national, provided) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e)))
			goto out;
		sbx_bind_text(st, 1, code);
		sqlite3_bind_int(st, 2, comps[i].seq);
		sbx_bind_text(st, 3, comps[i].name);
		sqlite3_bind_int(st, 4, comps[i].copies);
		sqlite3_bind_int(st, 5, comps[i].from_national);
		sqlite3_bind_int(st, 6, comps[i].provided);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			sbx_fail_db(e, s->db);
			goto out;
		}
		sqlite3_finalize(st);
	}
	if (sbx_dossier_log(s, code, now, in.channel == CH_ONLINE ? NULL : u, "submit", 0, status,
		    in.note ? in.note : in.channel == CH_ONLINE ? "filed online" : NULL, e) < 0 ||
	    sbx_tx_commit(s, e) < 0)
		goto out;
	tx = false;
	rc = sbx_op_get(s, u, code, out, e);
out:
	if (tx)
		sbx_tx_rollback(s);
	free(comps);
	free(form_text);
	cJSON_Delete(form);
	return rc;
}
