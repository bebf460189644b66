/* The portal dialect's dossier services: LayDanhSachHoSo (filters, page and
 * size), LayChiTietHoSo, and the writes TiepNhanHoSo and XuLyHoSo under a
 * request id (MaYeuCau, or the Idempotency-Key header) with the version
 * check of PhienBan. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "sbx_api_portal.h"
#include "sbx_db.h"
#include "sbx_ops.h"
#include "sbx_util.h"
#include "sbx_workflow.h"


/* ---- the list ------------------------------------------------------------- */

/* "4", "4,5", 4 or [4, 5]: bits of the statuses (or steps) named; -1 when
 * one is not. one() turns an item's text into its bit number. */
static int each_word(const cJSON *v, int (*one)(const char *), unsigned *mask)
{
	char item[48];

	if (cJSON_IsNumber(v)) {
		int bit;

		/* range first: casting a huge double to int is undefined */
		if (v->valuedouble < 0 || v->valuedouble > 99 || v->valuedouble != (int)v->valuedouble)
			return -1;
		snprintf(item, sizeof item, "%d", (int)v->valuedouble);
		if ((bit = one(item)) < 0)
			return -1;
		*mask |= 1u << bit;
		return 0;
	}
	if (cJSON_IsArray(v)) {
		for (const cJSON *it = v->child; it; it = it->next)
			if (cJSON_IsArray(it) || each_word(it, one, mask) < 0)
				return -1;
		return 0;
	}
	if (!cJSON_IsString(v))
		return -1;
	for (const char *p = v->valuestring; *p;) {
		size_t n;
		int bit;

		while (*p == ' ')
			p++;
		n = strcspn(p, ",");
		while (n && p[n - 1] == ' ')
			n--;
		if (!n || n >= sizeof item)
			return -1;
		snprintf(item, sizeof item, "%.*s", (int)n, p);
		if ((bit = one(item)) < 0)
			return -1;
		*mask |= 1u << bit;
		p += strcspn(p, ",");
		if (*p == ',' && !*++p)
			return -1;
	}
	return 0;
}

static int one_status(const char *s)
{
	int64_t v;

	return sbx_parse_int(s, ST_MIN, ST_MAX, &v) == 0 ? (int)v : -1;
}

static int one_step(const char *s)
{
	const char *m = sbx_portal_unword(sbx_pw_step, s);

	return m ? step_parse(m) : -1;
}

static const struct {
	const char *portal;
	enum sbx_sort sort;
} sorts[] = {
	{ "NgayHenTra", SBX_SORT_DUE }, { "NgayTiepNhan", SBX_SORT_RECEIVED },
	{ "NgayCapNhat", SBX_SORT_UPDATED }, { "MaHoSo", SBX_SORT_CODE },
};

static int list_query(struct sbx_portal *c, struct sbx_list_query *q)
{
	const cJSON *v;
	const char *who, *sort;
	int64_t n;
	bool b;
	int rc;

	memset(q, 0, sizeof *q);
	q->overdue = -1;
	if (sbx_portal_paging(c, SBX_PER_PAGE_DEFAULT, &q->page, &q->per_page) < 0)
		return -1;
	if ((v = cJSON_GetObjectItemCaseSensitive(c->body, "TrangThaiHoSo")) && !cJSON_IsNull(v) &&
	    each_word(v, one_status, &q->statuses) < 0)
		return sbx_portal_bad(c, "invalid_field", "TrangThaiHoSo",
				      "TrangThaiHoSo: expected codes 1-10 (a number, \"4,5\" or [4, 5])");
	if ((v = cJSON_GetObjectItemCaseSensitive(c->body, "BuocXuLy")) && !cJSON_IsNull(v) &&
	    each_word(v, one_step, &q->steps) < 0)
		return sbx_portal_bad(c, "invalid_field", "BuocXuLy",
				      "BuocXuLy: expected TiepNhan, PhanCong, ThuLy, TrinhKy, PhatHanh, TraKetQua or HoanThanh");
	if (sbx_portal_str(c, "CanBoXuLy", 63, false, &who) < 0 ||
	    sbx_portal_str(c, "MaTTHC", 40, false, &q->procedure) < 0 ||
	    sbx_portal_str(c, "TuKhoa", 100, false, &q->q) < 0 ||
	    sbx_portal_str(c, "SapXep", 40, false, &sort) < 0 ||
	    sbx_portal_when(c, "HanTruoc", &q->due_before) < 0)
		return -1;
	if ((rc = sbx_portal_int(c, "HinhThuc", CH_DIRECT, CH_POSTAL, &n)) < 0)
		return -1;
	q->channel = rc ? (int)n : 0;
	if ((rc = sbx_portal_bool(c, "QuaHan", &b)) < 0)
		return -1;
	q->overdue = rc ? b : -1;
	if (who && !strcmp(who, "me")) {
		q->assignee = 1;
		q->assignee_id = c->user.id;
	} else if (who && !strcmp(who, "none")) {
		q->assignee = 2;
	} else if (who) {
		q->assignee = 1;
		if (!(q->assignee_id = sbx_user_id(c->s, c->user.agency_id, who, NULL)))
			return sbx_portal_bad(c, "invalid_field", "CanBoXuLy",
					      "CanBoXuLy: expected me, none or the login of a colleague");
	}
	if (sort) {
		size_t i;

		for (i = 0; i < sizeof sorts / sizeof sorts[0] && strcmp(sorts[i].portal, sort); i++)
			;
		if (i == sizeof sorts / sizeof sorts[0])
			return sbx_portal_bad(c, "invalid_field", "SapXep",
					      "SapXep: expected NgayHenTra, NgayTiepNhan, NgayCapNhat or MaHoSo");
		q->sort = sorts[i].sort;
	}
	return 0;
}

void sbx_portal_list(struct sbx_portal *c)
{
	struct sbx_list_query q;
	struct sbx_error e;
	cJSON *out;

	if (list_query(c, &q) < 0)
		return;
	if (sbx_op_list(c->s, &c->user, &q, &out, &e) < 0) {
		sbx_portal_fail(c, &e, NULL);
		return;
	}
	sbx_portal_ok(c, sbx_portal_page(out, sbx_pt_dossier));
	cJSON_Delete(out);
}

void sbx_portal_detail(struct sbx_portal *c)
{
	const char *code;
	struct sbx_error e;
	cJSON *out;

	c->notfound = "Không có hồ sơ này trong đơn vị của cán bộ";
	if (sbx_portal_str(c, "MaHoSo", 80, true, &code) < 0)
		return;
	if (sbx_op_get(c->s, &c->user, code, &out, &e) < 0) {
		sbx_portal_fail(c, &e, NULL);
		return;
	}
	sbx_portal_ok(c, sbx_portal_shape(out, sbx_pt_dossier));
	cJSON_Delete(out);
}

/* ---- writes under a request id -------------------------------------------- */

struct act_args {
	const char *code;
	enum action action;
	int64_t version;	/* -1: not checked */
};

typedef int (*write_fn)(struct sbx_portal *c, const struct act_args *a,
			const cJSON *model, cJSON **out, struct sbx_error *e);

/* Run a change under its request id: a replay of the same request gets the
 * first reply again (and the header Idempotent-Replayed), the id with
 * another request is refused ("05"). The change and the stored reply
 * commit together. */
static void keyed_write(struct sbx_portal *c, bool key_required, const struct sbx_pfield *t,
			const struct act_args *a, write_fn fn)
{
	const char *hdr = sbx_req_header(c->rq, "Idempotency-Key"), *key;
	struct sbx_error e;
	cJSON *model = NULL, *out = NULL;
	char digest[24], *stored = NULL;
	uint64_t h;
	int st = 0, found = 0;

	if (sbx_portal_str(c, "MaYeuCau", SBX_IDEM_KEY_MAX, false, &key) < 0)
		return;
	if ((key && !sbx_idem_key_ok(key)) || (hdr && !sbx_idem_key_ok(hdr))) {
		sbx_portal_bad(c, "invalid_field", "MaYeuCau",
			       "MaYeuCau (or Idempotency-Key) is 1 to %d visible ASCII characters",
			       SBX_IDEM_KEY_MAX);
		return;
	}
	if (key && hdr && strcmp(key, hdr)) {
		sbx_portal_bad(c, "invalid_field", "MaYeuCau",
			       "MaYeuCau and the Idempotency-Key header differ: send one of them");
		return;
	}
	if (!key)
		key = hdr;
	if (!key && key_required) {
		sbx_portal_bad(c, "missing_field", "MaYeuCau",
			       "MaYeuCau is required: a unique id per intended change, e.g. a UUID");
		return;
	}
	model = cJSON_CreateObject();
	if (sbx_portal_unshape(c->body, t, model, &e) < 0)
		goto fail;
	h = sbx_fnv1a(SBX_FNV_INIT, c->service, strlen(c->service) + 1);
	h = sbx_fnv1a(h, c->rq->body ? c->rq->body : "", c->rq->body_len);
	snprintf(digest, sizeof digest, "%016llx", (unsigned long long)h);
	if (sbx_tx_begin(c->s, &e) < 0)
		goto fail;
	if (key && (found = sbx_idem_find(c->s, c->user.id, key, digest, &st, &stored, &e)) < 0)
		goto rollback;
	if (found) {
		sbx_tx_commit(c->s, &e);
		sbx_reply_replayed(c->rp, st, stored);
		cJSON_Delete(model);
		return;
	}
	if (fn(c, a, model, &out, &e) < 0)
		goto rollback;
	sbx_portal_ok(c, sbx_portal_shape(out, sbx_pt_dossier));
	cJSON_Delete(out);
	if (key && sbx_idem_store(c->s, c->user.id, key, digest, 200, c->rp->body, &e) < 0) {
		sbx_reply_free(c->rp);
		goto rollback;
	}
	if (sbx_tx_commit(c->s, &e) < 0) {
		sbx_reply_free(c->rp);
		goto fail;
	}
	cJSON_Delete(model);
	return;
rollback:
	sbx_tx_rollback(c->s);
fail:
	cJSON_Delete(model);
	sbx_portal_fail(c, &e, t);
}

static int do_intake(struct sbx_portal *c, const struct act_args *a, const cJSON *model,
		     cJSON **out, struct sbx_error *e)
{
	(void)a;
	return sbx_op_intake(c->s, &c->user, model, out, e);
}

static int do_act(struct sbx_portal *c, const struct act_args *a, const cJSON *model,
		  cJSON **out, struct sbx_error *e)
{
	return sbx_op_act(c->s, &c->user, a->code, a->action, a->version, model, out, e);
}

void sbx_portal_intake(struct sbx_portal *c)
{
	keyed_write(c, true, sbx_pt_intake, NULL, do_intake);
}

void sbx_portal_act(struct sbx_portal *c)
{
	struct act_args a = { .version = -1 };
	const char *name, *m;
	int64_t v;
	int rc, act;

	c->notfound = "Không có hồ sơ này trong đơn vị của cán bộ";
	if (sbx_portal_str(c, "MaHoSo", 80, true, &a.code) < 0 ||
	    sbx_portal_str(c, "ThaoTac", 40, true, &name) < 0 ||
	    (rc = sbx_portal_int(c, "PhienBan", 0, INT64_MAX / 2, &v)) < 0)
		return;
	if (rc)
		a.version = v;
	/* the portal's name, or the stable English one */
	m = sbx_portal_unword(sbx_pw_action, name);
	if ((act = action_parse(m ? m : name)) < 0) {
		struct sb b = { 0 };

		for (int i = 0; i < ACT_COUNT; i++)
			sb_printf(&b, "%s%s", i ? ", " : "",
				       sbx_portal_word(sbx_pw_action, action_name((enum action)i)));
		sbx_portal_bad(c, "unknown_action", "ThaoTac", "no action \"%.40s\"; the actions are %s",
			       name, sb_str(&b));
		sb_free(&b);
		return;
	}
	a.action = (enum action)act;
	keyed_write(c, false, sbx_pt_act, &a, do_act);
}
