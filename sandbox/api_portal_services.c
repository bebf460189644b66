/* The portal dialect's services other than the dossier ones (those are in
 * api_portal_dossiers.c): DangNhap, LayThongTinCanBo, the catalog, the
 * national lookups with their audit, statistics, units and colleagues;
 * and the table of every service with the members it takes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "sbx_api_portal.h"
#include "sbx_ops.h"
#include "sbx_util.h"

/* Reply with the model object *model (rc 0) shaped by t, or the error. A
 * pointer, as the operation's call in the same argument list fills it. */
static void answer(struct sbx_portal *c, int rc, cJSON *const *model,
		   const struct sbx_error *e, const struct sbx_pfield *t, bool list)
{
	if (rc < 0) {
		sbx_portal_fail(c, e, NULL);
		return;
	}
	sbx_portal_ok(c, list ? sbx_portal_page(*model, t) : sbx_portal_shape(*model, t));
	cJSON_Delete(*model);
}

/* ---- the smaller services ------------------------------------------------- */

static void svc_login(struct sbx_portal *c)
{
	const char *user, *pw;
	struct sbx_error e;
	cJSON *out, *d;

	if (sbx_portal_str(c, "TenDangNhap", 63, true, &user) < 0 ||
	    sbx_portal_str(c, "MatKhau", 1024, true, &pw) < 0)
		return;
	if (sbx_auth_login_key(c->s, user, pw, &out, &e) < 0) {
		sbx_portal_fail(c, &e, NULL);
		return;
	}
	c->s->logins++;
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "ApiKey",
				cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(out, "api_key")));
	cJSON_AddItemToObject(d, "CanBo", sbx_portal_shape(
		cJSON_GetObjectItemCaseSensitive(out, "user"), sbx_pt_me));
	cJSON_Delete(out);
	sbx_portal_ok(c, d);
	sbx_reply_header(c->rp, "Cache-Control", "no-store");
	sbx_reply_header(c->rp, SBX_SERVER_ID_HEADER, "%s", c->s->server_id);
}

static void svc_me(struct sbx_portal *c)
{
	cJSON *u = sbx_user_json(c->s, &c->user);

	sbx_portal_ok(c, sbx_portal_shape(u, sbx_pt_me));
	cJSON_Delete(u);
}

static void svc_procedures(struct sbx_portal *c)
{
	const char *q, *field;
	struct sbx_error e;
	cJSON *out, *items, *slice;
	int page, size, n, first, rc;

	if (sbx_portal_str(c, "TuKhoa", 100, false, &q) < 0 ||
	    sbx_portal_str(c, "LinhVuc", 200, false, &field) < 0 ||
	    sbx_portal_paging(c, 0, &page, &size) < 0)
		return;
	if ((rc = sbx_op_procedures(c->s, q, field, &out, &e)) < 0) {
		answer(c, rc, &out, &e, NULL, false);
		return;
	}
	/* the catalog is small: page it here (without SoBanGhi, all of it) */
	items = cJSON_GetObjectItemCaseSensitive(out, "items");
	n = cJSON_GetArraySize(items);
	slice = cJSON_CreateArray();
	first = size ? (page - 1) * size : page > 1 ? n : 0;
	for (int i = first; i < n && (!size || i < page * size); i++)
		cJSON_AddItemToArray(slice, cJSON_Duplicate(cJSON_GetArrayItem(items, i), true));
	cJSON_ReplaceItemInObjectCaseSensitive(out, "items", slice);
	cJSON_AddNumberToObject(out, "page", page);
	cJSON_AddNumberToObject(out, "per_page", size ? size : n);
	answer(c, 0, &out, &e, sbx_pt_procedure, true);
}

static void svc_procedure(struct sbx_portal *c)
{
	const char *code;
	struct sbx_error e;
	cJSON *out = NULL;

	c->notfound = "Không có thủ tục hành chính này";
	if (sbx_portal_str(c, "MaTTHC", 40, true, &code) < 0)
		return;
	answer(c, sbx_op_procedure(c->s, code, &out, &e), &out, &e, sbx_pt_procedure, false);
}

static void lookup(struct sbx_portal *c, enum sbx_register reg)
{
	bool citizen = reg == SBX_REG_CITIZEN;
	const char *num, *dossier, *purpose;
	struct sbx_error e;
	cJSON *out = NULL;

	c->notfound = citizen ? "Không có công dân này trong Cơ sở dữ liệu quốc gia về dân cư" :
		      "Không có doanh nghiệp này trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp";
	if (sbx_portal_str(c, citizen ? "SoDinhDanh" : "MaSoThue", 40, true, &num) < 0 ||
	    sbx_portal_str(c, "MaHoSo", 80, false, &dossier) < 0 ||
	    sbx_portal_str(c, "MucDich", 1000, false, &purpose) < 0)
		return;
	answer(c, sbx_op_lookup(c->s, &c->user, reg, num, dossier, purpose, &out, &e), &out, &e,
	       citizen ? sbx_pt_citizen : sbx_pt_enterprise, false);
}

static void svc_citizen(struct sbx_portal *c)
{
	lookup(c, SBX_REG_CITIZEN);
}

static void svc_enterprise(struct sbx_portal *c)
{
	lookup(c, SBX_REG_ENTERPRISE);
}

static void svc_audit(struct sbx_portal *c)
{
	struct sbx_audit_query q = { .kind = -1 };
	const char *kind;
	struct sbx_error e;
	cJSON *out = NULL;
	int rc;

	if (sbx_portal_str(c, "TenDangNhap", 63, false, &q.user) < 0 ||
	    sbx_portal_str(c, "SoTraCuu", 40, false, &q.subject) < 0 ||
	    sbx_portal_str(c, "MaHoSo", 80, false, &q.dossier) < 0 ||
	    sbx_portal_str(c, "Loai", 40, false, &kind) < 0 ||
	    sbx_portal_date(c, "TuNgay", &q.from) < 0 || (rc = sbx_portal_date(c, "DenNgay", &q.to)) < 0 ||
	    sbx_portal_paging(c, SBX_PER_PAGE_DEFAULT, &q.page, &q.per_page) < 0)
		return;
	if (rc)
		q.to += 24 * 3600;	/* DenNgay is inclusive */
	if (kind) {
		const char *m = sbx_portal_unword(sbx_pw_register, kind);

		if (!m) {
			sbx_portal_bad(c, "invalid_field", "Loai", "Loai: expected CongDan or DoanhNghiep");
			return;
		}
		q.kind = !strcmp(m, "citizen") ? SBX_REG_CITIZEN : SBX_REG_ENTERPRISE;
	}
	answer(c, sbx_op_audit(c->s, &c->user, &q, &out, &e), &out, &e, sbx_pt_audit, true);
}

static void svc_stats(struct sbx_portal *c)
{
	int64_t now = sbx_now(c->s), from, to;
	struct cal_time t;
	struct sbx_error e;
	cJSON *out = NULL;

	cal_split(now, &t);
	from = cal_join(t.year, t.month, 1, 0, 0, 0);
	to = cal_join(t.year, t.month, t.day, 0, 0, 0);
	if (sbx_portal_date(c, "TuNgay", &from) < 0 || sbx_portal_date(c, "DenNgay", &to) < 0)
		return;
	to += 24 * 3600;	/* through the end of the DenNgay day */
	if (from >= to) {
		sbx_portal_bad(c, "invalid_parameter", "DenNgay", "DenNgay must not be before TuNgay");
		return;
	}
	if (to - from > 3700LL * 24 * 3600) {
		sbx_portal_bad(c, "invalid_parameter", "TuNgay", "a period is at most ten years");
		return;
	}
	answer(c, sbx_op_stats(c->s, &c->user, from, to, &out, &e), &out, &e, sbx_pt_stats, false);
}

static void svc_units(struct sbx_portal *c)
{
	const char *code, *parent, *q;
	struct sbx_error e;
	cJSON *out = NULL;

	c->notfound = "Không có đơn vị hành chính này";
	if (sbx_portal_str(c, "MaDonVi", 20, false, &code) < 0 ||
	    sbx_portal_str(c, "MaCha", 20, false, &parent) < 0 ||
	    sbx_portal_str(c, "TuKhoa", 100, false, &q) < 0)
		return;
	if (code)
		answer(c, sbx_op_unit(c->s, code, &out, &e), &out, &e, sbx_pt_unit, false);
	else
		answer(c, sbx_op_units(c->s, parent, q, &out, &e), &out, &e, sbx_pt_unit, true);
}

static void svc_users(struct sbx_portal *c)
{
	const char *r, *m;
	struct sbx_error e;
	cJSON *out = NULL;
	int role = -1;

	if (sbx_portal_str(c, "VaiTro", 40, false, &r) < 0)
		return;
	if (r && (!(m = sbx_portal_unword(sbx_pw_role, r)) || (role = role_parse(m)) < 0)) {
		sbx_portal_bad(c, "invalid_field", "VaiTro",
			       "VaiTro: expected TiepNhan, ChuyenVien, LanhDao or VanThu");
		return;
	}
	answer(c, sbx_op_users(c->s, &c->user, role, &out, &e), &out, &e, sbx_pt_user, true);
}

/* ---- the services --------------------------------------------------------- */

#define P(...) (const char *const[]){ __VA_ARGS__, NULL }

const struct sbx_portal_service sbx_portal_services[] = {
	{ "DangNhap", false, P("TenDangNhap", "MatKhau"), NULL, svc_login },
	{ "LayThongTinCanBo", true, P(NULL), NULL, svc_me },
	{ "LayDanhSachHoSo", true, P("TrangSo", "SoBanGhi", "TrangThaiHoSo", "BuocXuLy",
				     "CanBoXuLy", "MaTTHC", "HinhThuc", "QuaHan", "TuKhoa",
				     "HanTruoc", "SapXep"), NULL, sbx_portal_list },
	{ "LayChiTietHoSo", true, P("MaHoSo"), NULL, sbx_portal_detail },
	{ "TiepNhanHoSo", true, P("MaYeuCau"), sbx_pt_intake, sbx_portal_intake },
	{ "XuLyHoSo", true, P("MaHoSo", "ThaoTac", "PhienBan", "MaYeuCau"), sbx_pt_act,
	  sbx_portal_act },
	{ "LayDanhSachTTHC", true, P("TuKhoa", "LinhVuc", "TrangSo", "SoBanGhi"), NULL,
	  svc_procedures },
	{ "LayChiTietTTHC", true, P("MaTTHC"), NULL, svc_procedure },
	{ "TraCuuCongDan", true, P("SoDinhDanh", "MaHoSo", "MucDich"), NULL, svc_citizen },
	{ "TraCuuDoanhNghiep", true, P("MaSoThue", "MaHoSo", "MucDich"), NULL, svc_enterprise },
	{ "LayNhatKyTraCuu", true, P("TenDangNhap", "SoTraCuu", "MaHoSo", "Loai", "TuNgay",
				     "DenNgay", "TrangSo", "SoBanGhi"), NULL, svc_audit },
	{ "ThongKe", true, P("TuNgay", "DenNgay"), NULL, svc_stats },
	{ "LayDanhMucDonVi", true, P("MaDonVi", "MaCha", "TuKhoa"), NULL, svc_units },
	{ "LayDanhSachCanBo", true, P("VaiTro"), NULL, svc_users },
};

const size_t sbx_portal_nservices = sizeof sbx_portal_services / sizeof sbx_portal_services[0];
