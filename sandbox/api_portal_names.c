/* The portal dialect's names: the tables that map the operations' model
 * objects (snake_case English keys, Unix seconds, stable English words) to
 * the national-portal style (Vietnamese PascalCase without diacritics,
 * yyyyMMddHHmmss, Vietnamese words) and request bodies back. They are the
 * whole vocabulary of the dialect: sandbox/API_PORTAL.md lists them; the
 * code that applies them is api_portal_shape.c. */
#include "config.h"

#include <stddef.h>

#include "sbx_api_portal.h"

#define W(m, p) { m, p }
#define WEND { NULL, NULL }
#define F(m, p) { m, p, SBX_PK_COPY, NULL, NULL }
#define N(m, p) { m, p, SBX_PK_NUM, NULL, NULL }
#define T(m, p) { m, p, SBX_PK_TIME, NULL, NULL }
#define D(m, p) { m, p, SBX_PK_DATE, NULL, NULL }
#define V(m, p, w) { m, p, SBX_PK_WORDS, w, NULL }
#define O(m, p, s) { m, p, SBX_PK_OBJ, NULL, s }
#define A(m, p, s) { m, p, SBX_PK_ARR, NULL, s }
#define FEND { NULL, NULL, SBX_PK_COPY, NULL, NULL }

/* ---- vocabularies --------------------------------------------------------- */

const struct sbx_pword sbx_pw_action[] = {
	W("accept", "TiepNhan"), W("refuse", "TuChoi"),
	W("request-supplement", "YeuCauBoSung"), W("receive-supplement", "NhanBoSung"),
	W("assign", "PhanCong"), W("forward-signing", "TrinhKy"), W("approve", "PheDuyet"),
	W("stop", "DungXuLy"), W("withdraw", "RutHoSo"), W("result-ready", "CoKetQua"),
	W("return-result", "TraKetQua"), W("reschedule", "XinLoiHenLai"),
	W("confirm-payment", "XacNhanNopPhi"),
	W("submit", "NopHoSo"),		/* the log's first row: filed */
	WEND,
};

const struct sbx_pword sbx_pw_step[] = {
	W("reception", "TiepNhan"), W("assignment", "PhanCong"), W("processing", "ThuLy"),
	W("signing", "TrinhKy"), W("issue", "PhatHanh"), W("return", "TraKetQua"),
	W("done", "HoanThanh"), WEND,
};

const struct sbx_pword sbx_pw_role[] = {
	W("reception", "TiepNhan"), W("specialist", "ChuyenVien"), W("leader", "LanhDao"),
	W("records", "VanThu"), WEND,
};

const struct sbx_pword sbx_pw_register[] = {
	W("citizen", "CongDan"), W("enterprise", "DoanhNghiep"), WEND,
};

static const struct sbx_pword status_words[] = {
	W("new", "Mới đăng ký"), W("accepted", "Đã tiếp nhận"),
	W("refused", "Không được tiếp nhận"), W("processing", "Đang xử lý"),
	W("supplement", "Yêu cầu bổ sung"), W("payment", "Thực hiện nghĩa vụ tài chính"),
	W("withdrawn", "Rút hồ sơ"), W("stopped", "Dừng xử lý"),
	W("result-ready", "Đã xử lý xong"), W("returned", "Đã trả kết quả"), WEND,
};

static const struct sbx_pword channel_words[] = {
	W("direct", "Trực tiếp"), W("online", "Trực tuyến"),
	W("postal", "Bưu chính công ích"), WEND,
};

static const struct sbx_pword timeliness_words[] = {
	W("early", "TruocHan"), W("on_time", "DungHan"), W("late", "TreHan"), WEND,
};

static const struct sbx_pword due_words[] = {
	W("supplement", "BoSung"), W("apology", "XinLoi"), WEND,
};

static const struct sbx_pword level_words[] = {
	W("commune", "CapXa"), W("province", "CapTinh"), WEND,
};

static const struct sbx_pword unit_level_words[] = {
	W("province", "Tinh"), W("commune", "Xa"), WEND,
};

static const struct sbx_pword source_words[] = {
	W("population", "DanCu"), W("civil_status", "HoTich"), W("land", "DatDai"),
	W("enterprise", "DoanhNghiep"), W("tax", "Thue"), WEND,
};

static const struct sbx_pword sex_words[] = { W("M", "Nam"), W("F", "Nữ"), WEND };

static const struct sbx_pword ent_status_words[] = {
	W("active", "DangHoatDong"), W("suspended", "TamNgungKinhDoanh"),
	W("dissolved", "DaGiaiThe"), WEND,
};

/* What a figure divides, said in Vietnamese (ops_misc.c's sentences). */
static const struct sbx_pword stat_words[] = {
	W("early + on time", "trước hạn + đúng hạn"), W("early", "trước hạn"),
	W("late", "quá hạn"), W("received online", "tiếp nhận trực tuyến"),
	W("resolved in period (result ready at the desk)",
	  "đã giải quyết trong kỳ (có kết quả tại bộ phận một cửa)"),
	W("received in period (all channels)", "tiếp nhận trong kỳ (mọi hình thức)"),
	W("open and due at or before now", "đang giải quyết, đã đến hoặc quá hạn trả"),
	W("open with a running clock now (status 2, 4, 6)",
	  "đang giải quyết và đang tính thời gian (trạng thái 2, 4, 6)"),
	W("working days from receipt to result ready",
	  "ngày làm việc từ khi tiếp nhận đến khi có kết quả"),
	WEND,
};

/* ---- tables --------------------------------------------------------------- */

static const struct sbx_pfield person_t[] = {
	F("id", "Ma"), F("login", "TenDangNhap"), F("full_name", "HoTen"), FEND,
};

static const struct sbx_pfield applicant_t[] = {
	F("name", "ChuHoSo"), F("id_number", "SoDinhDanh"), F("phone", "SoDienThoai"),
	F("email", "Email"), F("address", "DiaChi"), FEND,
};

static const struct sbx_pfield proxy_t[] = {
	F("name", "HoTen"), F("id_number", "SoDinhDanh"), FEND,
};

static const struct sbx_pfield dossier_proc_t[] = {
	F("code", "MaTTHC"), F("name", "TenTTHC"), F("field", "LinhVuc"),
	F("days_text", "ThoiHanGiaiQuyet"), F("working_minutes", "SoPhutXuLy"),
	{ "cutoff_minute", "GioTiepNhanCuoi", SBX_PK_HHMM, NULL, NULL },
	F("fee_note", "GhiChuLePhi"), FEND,
};

static const struct sbx_pfield dossier_comp_t[] = {
	F("seq", "STT"), F("name", "TenThanhPhan"), F("copies", "SoBan"),
	F("from_national", "TuDuLieuQuocGia"), F("provided", "DaNop"), FEND,
};

static const struct sbx_pfield due_t[] = {
	F("seq", "STT"), T("old_due_at", "NgayHenTraTruoc"), T("new_due_at", "NgayHenTraMoi"),
	V("reason", "LyDo", due_words), T("changed_at", "NgayThayDoi"), FEND,
};

static const struct sbx_pfield log_t[] = {
	F("seq", "STT"), T("logged_at", "ThoiDiem"), O("user", "CanBo", person_t),
	V("role", "VaiTro", sbx_pw_role), V("action", "ThaoTac", sbx_pw_action),
	F("from_status", "TuTrangThai"), F("to_status", "DenTrangThai"),
	F("note", "GhiChu"), FEND,
};

/* A list item has the first part; the detail all of it. */
const struct sbx_pfield sbx_pt_dossier[] = {
	F("code", "MaHoSo"), F("procedure_code", "MaTTHC"), F("procedure_name", "TenTTHC"),
	{ "applicant", NULL, SBX_PK_FLAT, NULL, applicant_t },
	O("proxy", "NguoiUyQuyen", proxy_t),
	F("channel", "HinhThuc"), V("channel_name", "TenHinhThuc", channel_words),
	F("status", "TrangThaiHoSo"), V("status_name", "TenTrangThai", status_words),
	V("step", "BuocXuLy", sbx_pw_step), O("assignee", "CanBoXuLy", person_t),
	T("submitted_at", "NgayNopHoSo"), T("received_at", "NgayTiepNhan"),
	T("due_at", "NgayHenTra"), T("finished_at", "NgayCoKetQua"), T("returned_at", "NgayTra"),
	F("overdue", "QuaHan"), V("timeliness", "DanhGiaTienDo", timeliness_words),
	F("version", "PhienBan"), T("updated_at", "NgayCapNhat"),
	F("agency_id", "MaDonViXuLy"), O("procedure", "ThuTuc", dossier_proc_t),
	F("fee", "LePhi"), F("copies", "SoBo"), F("form", "DuLieuBieuMau"),
	A("components", "ThanhPhanHoSo", dossier_comp_t),
	A("due_history", "LichSuHenTra", due_t), A("log", "NhatKyXuLy", log_t),
	F("remaining_working_minutes", "SoPhutLamViecConLai"),
	F("apology_used", "DaXinLoiHenLai"), T("apology_deadline_at", "HanXinLoiHenLai"),
	V("allowed_actions", "ThaoTacDuocPhep", sbx_pw_action), T("created_at", "NgayTao"),
	FEND,
};

static const struct sbx_pfield proc_comp_t[] = {
	F("seq", "STT"), F("name", "TenThanhPhan"), F("copies", "SoBan"),
	F("required", "BatBuoc"), V("national_source", "NguonDuLieuQuocGia", source_words),
	FEND,
};

static const struct sbx_pfield proc_field_t[] = {
	F("seq", "STT"), F("key", "Ma"), F("label", "Nhan"), F("type", "KieuDuLieu"),
	F("required", "BatBuoc"), F("pattern", "MauKiemTra"), F("options", "LuaChon"),
	V("lookup", "TraCuu", sbx_pw_register),
	{ "fill_from", "LayTu", SBX_PK_FILL, NULL, NULL }, FEND,
};

static const struct sbx_pfield proc_part_t[] = {
	F("code", "MaTTHC"), F("name", "TenTTHC"), FEND,
};

const struct sbx_pfield sbx_pt_procedure[] = {
	F("code", "MaTTHC"), F("name", "TenTTHC"), F("field", "LinhVuc"),
	V("level", "CapThucHien", level_words), F("working_minutes", "SoPhutXuLy"),
	F("working_days", "SoNgayXuLy"), F("days_text", "ThoiHanGiaiQuyet"),
	{ "cutoff_minute", "GioTiepNhanCuoi", SBX_PK_HHMM, NULL, NULL },
	F("fee", "LePhi"), F("fee_note", "GhiChuLePhi"), F("result", "KetQua"),
	F("joint", "LienThong"), A("components", "ThanhPhanHoSo", proc_comp_t),
	A("fields", "TruongDuLieu", proc_field_t), A("parts", "ThuTucThanhPhan", proc_part_t),
	FEND,
};

const struct sbx_pfield sbx_pt_citizen[] = {
	F("id_number", "SoDinhDanh"), F("full_name", "HoTen"), F("other_name", "TenGoiKhac"),
	D("birth_date", "NgaySinh"), V("sex", "GioiTinh", sex_words),
	F("birth_place", "NoiSinh"), F("birth_registration_place", "NoiDangKyKhaiSinh"),
	F("home_town", "QueQuan"), F("ethnicity", "DanToc"), F("religion", "TonGiao"),
	F("nationality", "QuocTich"), F("permanent_address", "NoiThuongTru"),
	F("permanent_unit", "MaDVHCThuongTru"), F("temporary_address", "NoiTamTru"),
	F("current_address", "NoiOHienTai"), F("marital_status", "TinhTrangHonNhan"),
	F("household_head_id", "SoDinhDanhChuHo"), F("relation_to_head", "QuanHeVoiChuHo"),
	F("father_name", "HoTenCha"), F("mother_name", "HoTenMe"),
	F("spouse_name", "HoTenVoChong"), F("phone", "SoDienThoai"), F("email", "Email"),
	V("source", "NguonDuLieu", source_words), T("looked_up_at", "ThoiDiemTraCuu"), FEND,
};

const struct sbx_pfield sbx_pt_enterprise[] = {
	F("tax_code", "MaSoThue"), F("name", "TenDoanhNghiep"), F("short_name", "TenVietTat"),
	F("kind", "LoaiHinh"), F("address", "DiaChiTruSo"), F("unit_code", "MaDVHC"),
	F("representative", "NguoiDaiDien"), F("representative_id", "SoDinhDanhNguoiDaiDien"),
	D("established", "NgayThanhLap"), V("status", "TrangThai", ent_status_words),
	F("business_line", "NganhNgheChinh"), F("capital", "VonDieuLe"),
	F("phone", "SoDienThoai"), V("source", "NguonDuLieu", source_words),
	T("looked_up_at", "ThoiDiemTraCuu"), FEND,
};

const struct sbx_pfield sbx_pt_audit[] = {
	F("id", "Ma"), T("looked_up_at", "ThoiDiem"), O("user", "CanBo", person_t),
	V("kind", "Loai", sbx_pw_register), F("subject", "SoTraCuu"),
	F("dossier_code", "MaHoSo"), F("purpose", "MucDich"), F("found", "TimThay"), FEND,
};

const struct sbx_pfield sbx_pt_unit[] = {
	F("code", "MaDonVi"), F("name", "TenDonVi"), V("level", "Cap", unit_level_words),
	F("parent", "MaCha"), FEND,
};

const struct sbx_pfield sbx_pt_user[] = {
	F("id", "Ma"), F("login", "TenDangNhap"), F("full_name", "HoTen"),
	V("role", "VaiTro", sbx_pw_role), FEND,
};

static const struct sbx_pfield agency_t[] = {
	F("id", "MaDonVi"), F("name", "TenDonVi"), F("unit_code", "MaDVHC"), FEND,
};

const struct sbx_pfield sbx_pt_me[] = {
	F("id", "Ma"), F("login", "TenDangNhap"), F("full_name", "HoTen"),
	V("role", "VaiTro", sbx_pw_role), O("agency", "DonVi", agency_t), FEND,
};

static const struct sbx_pfield ratio_t[] = {
	F("value", "GiaTri"), F("numerator", "TuSo"), V("numerator_is", "MoTaTuSo", stat_words),
	F("denominator", "MauSo"), V("denominator_is", "MoTaMauSo", stat_words), FEND,
};

static const struct sbx_pfield average_t[] = {
	F("value", "GiaTri"), V("unit", "DonViTinh", stat_words), F("denominator", "MauSo"),
	V("denominator_is", "MoTaMauSo", stat_words), FEND,
};

const struct sbx_pfield sbx_pt_stats[] = {
	D("from", "TuNgay"), D("to", "DenNgay"), F("agency_id", "MaDonVi"),
	F("received", "SoTiepNhan"), F("resolved", "SoDaGiaiQuyet"), F("early", "SoTruocHan"),
	F("on_time", "SoDungHan"), F("late", "SoQuaHan"), F("refused", "SoTuChoi"),
	F("withdrawn", "SoRutHoSo"), F("stopped", "SoDungXuLy"),
	O("on_time_rate", "TyLeDungHan", ratio_t), O("early_rate", "TyLeTruocHan", ratio_t),
	O("late_rate", "TyLeQuaHan", ratio_t), O("online_share", "TyLeTrucTuyen", ratio_t),
	O("open_overdue", "DangQuaHan", ratio_t), T("open_overdue_as_of_at", "DangQuaHanTinhDen"),
	O("average_processing_days", "ThoiGianGiaiQuyetTrungBinh", average_t), FEND,
};

/* ---- request bodies ------------------------------------------------------- */

static const struct sbx_pfield intake_comp_t[] = {
	N("seq", "STT"), F("provided", "DaNop"), F("from_national", "TuDuLieuQuocGia"), FEND,
};

const struct sbx_pfield sbx_pt_intake[] = {
	F("procedure_code", "MaTTHC"), N("channel", "HinhThuc"),
	{ "applicant", NULL, SBX_PK_FLAT, NULL, applicant_t },
	O("proxy", "NguoiUyQuyen", proxy_t), F("form", "DuLieuBieuMau"),
	A("components", "ThanhPhanHoSo", intake_comp_t), N("copies", "SoBo"),
	F("note", "GhiChu"), FEND,
};

const struct sbx_pfield sbx_pt_act[] = {
	F("note", "GhiChu"), F("reason", "LyDo"), F("missing", "ThanhPhanThieu"),
	F("received", "ThanhPhanDaNhan"), F("assignee", "CanBoXuLy"),
	T("new_due_at", "NgayHenTraMoi"), N("financial_obligation", "NghiaVuTaiChinh"), FEND,
};
