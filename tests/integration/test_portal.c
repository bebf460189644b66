/* Integration tests of motcua-sandbox's portal dialect (sandbox/API_PORTAL.md)
 * against the real server on loopback (sbx_harness), started with
 * --dialect portal on the fixture database (tests/integration/fixture.c):
 * one endpoint, {"service": ...} bodies, the {"error_code", "message",
 * "data"} envelope with errors inside HTTP 200, Vietnamese names,
 * yyyyMMddHHmmss times, page and size, X-API-Key (the fixture's keys are
 * "key-" + login). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "sbx_harness.h"

static struct sbxh H;

/* ---- helpers -------------------------------------------------------------- */

#define NRING 32
static struct sbxh_reply ring[NRING];
static unsigned ring_i;

/* Replies live in a ring (reachable, freed on reuse): a test never frees. */
static struct sbxh_reply *call(const struct sbxh_req *rq)
{
	struct sbxh_reply *r = &ring[ring_i++ % NRING];

	sbxh_reply_free(r);
	ck_assert_int_eq(sbxh_do(&H, rq, r), 0);
	return r;
}

/* The API key of a fixture user. */
#define K(login) ("key-" login)

/* A service call: the body is printf-formatted. */
static struct sbxh_reply *SVC(const char *key, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static struct sbxh_reply *SVC(const char *key, const char *fmt, ...)
{
	static char body[8][4096];
	static unsigned bi;
	char *b = body[bi++ % 8];
	struct sbxh_req rq = { .path = "/api/portal", .method = "POST", .body = b, .api_key = key };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b, 4096, fmt, ap);
	va_end(ap);
	return call(&rq);
}

static struct sbxh_reply *GET(const char *path)
{
	return call(&(struct sbxh_req){ .path = path });
}

static struct sbxh_reply *POST(const char *path, const char *body)
{
	return call(&(struct sbxh_req){ .path = path, .body = body, .method = "POST" });
}

static const char *S(const struct sbxh_reply *r, const char *path)
{
	const char *v = sbxh_str(r->json, path);

	return v ? v : "(missing)";
}

static double N(const struct sbxh_reply *r, const char *path)
{
	return sbxh_num(r->json, path);
}

static int count(const struct sbxh_reply *r, const char *path)
{
	return cJSON_GetArraySize(sbxh_at(r->json, path));
}

static bool has(const struct sbxh_reply *r, const char *path, const char *word)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, sbxh_at(r->json, path))
		if (cJSON_IsString(it) && !strcmp(it->valuestring, word))
			return true;
	return false;
}

/* A number from SQL on the server's database (read-only, WAL allows it). */
static long long Q(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long long Q(const char *fmt, ...)
{
	char sql[1024];
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	ck_assert_int_eq(sqlite3_open_v2(H.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* A success: HTTP 200, "00", the data. */
static struct sbxh_reply *ok(struct sbxh_reply *r)
{
	ck_assert_msg(r->status == 200, "status %ld: %s", r->status, r->body);
	ck_assert_msg(r->json != NULL, "not JSON: %s", r->body);
	ck_assert_msg(!strcmp(S(r, "error_code"), "00"), "not 00: %s", r->body);
	ck_assert_str_eq(S(r, "message"), "Thành công");
	return r;
}

/* A refusal inside HTTP 200 (or status, for the transport's): the code,
 * a Vietnamese message and the stable sandbox code in ChiTietLoi. */
static struct sbxh_reply *refused(struct sbxh_reply *r, long status, const char *code,
				  const char *what)
{
	ck_assert_msg(r->status == status, "status %ld, expected %ld: %s", r->status, status, r->body);
	ck_assert_msg(r->json != NULL, "not JSON: %s", r->body);
	ck_assert_msg(!strcmp(S(r, "error_code"), code), "error_code %s, expected %s: %s",
		      S(r, "error_code"), code, r->body);
	ck_assert_str_eq(S(r, "ChiTietLoi.MaLoi"), what);
	ck_assert_msg(strlen(S(r, "message")) > 10, "no message: %s", r->body);
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data")));
	return r;
}

static void set_clock(const char *iso)
{
	char body[128];

	snprintf(body, sizeof body, "{\"now\":\"%s\",\"frozen\":true}", iso);
	ck_assert_int_eq(POST("/_sandbox/clock", body)->status, 200);
}

static void set_faults(const char *json)
{
	struct sbxh_reply *r = POST("/_sandbox/faults", json);

	ck_assert_msg(r->status == 200, "faults: %s", r->body);
}

static const char *newkey(void)
{
	static char keys[8][48];
	static unsigned n, ki;
	char *k = keys[ki++ % 8];

	snprintf(k, 48, "portal-%d-%u", (int)getpid(), ++n);
	return k;
}

#define BIRTH_MEMBERS \
	"\"MaTTHC\":\"" FX_PROC_BIRTH "\",\"HinhThuc\":1," \
	"\"ChuHoSo\":\"Nguyễn Văn An\",\"SoDinhDanh\":\"001 085 012345\"," \
	"\"SoDienThoai\":\"0912 345 678\",\"NguoiUyQuyen\":{}," \
	"\"DuLieuBieuMau\":{\"applicant.id_number\":\"" FX_CITIZEN "\"," \
	"\"applicant.full_name\":\"Nguyễn Văn An\",\"child.full_name\":\"Nguyễn Minh Khôi\"," \
	"\"child.birth_date\":\"01/10/2025\",\"child.sex\":\"Nam\"}," \
	"\"ThanhPhanHoSo\":[{\"STT\":3,\"TuDuLieuQuocGia\":true}]"

/* Take in a birth registration at the desk; its code. */
static const char *intake(void)
{
	static char codes[8][64];
	static unsigned ci;
	char *c = codes[ci++ % 8];
	struct sbxh_reply *r = ok(SVC(K(FX_RECEPTION), "{\"service\":\"TiepNhanHoSo\","
				      "\"MaYeuCau\":\"%s\"," BIRTH_MEMBERS "}", newkey()));

	snprintf(c, 64, "%s", S(r, "data.MaHoSo"));
	return c;
}

/* An action; version < 0 sends no PhienBan; extra adds members. */
static struct sbxh_reply *ACT(const char *key, const char *code, const char *action,
			      int version, const char *extra)
{
	char ver[32] = "";

	if (version >= 0)
		snprintf(ver, sizeof ver, ",\"PhienBan\":%d", version);
	return SVC(key, "{\"service\":\"XuLyHoSo\",\"MaHoSo\":\"%s\",\"ThaoTac\":\"%s\"%s%s%s}",
		   code, action, ver, extra ? "," : "", extra ? extra : "");
}

static struct sbxh_reply *at(struct sbxh_reply *r, int status, const char *step)
{
	ok(r);
	ck_assert_int_eq((int)N(r, "data.TrangThaiHoSo"), status);
	ck_assert_str_eq(S(r, "data.BuocXuLy"), step);
	return r;
}

/* ---- set-up per test case ------------------------------------------------- */

static void start_fixture_server(const char *const *args)
{
	char err[512];
	const char *base[24] = { "--dialect", "portal", "--clock", FX_CLOCK, "--freeze-clock",
		"--seed", "7", NULL };
	int n = 7;

	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_msg(fx_create(H.db, err, sizeof err) == 0, "%s", err);
	for (int i = 0; args && args[i] && n < 23; i++)
		base[n++] = args[i];
	base[n] = NULL;
	ck_assert_int_eq(sbxh_start(&H, base), 0);
}

static void setup_plain(void)
{
	start_fixture_server(NULL);
}

static void setup_faulty(void)
{
	static const char *const args[] = { "--fail-rate", "100", NULL };

	start_fixture_server(args);
}

static void teardown(void)
{
	ck_assert_int_eq(sbxh_stop(&H), 0);
	sbxh_cleanup(&H);
}

/* ---- the endpoint and the envelope ---------------------------------------- */

START_TEST(index_and_transport)
{
	struct sbxh_reply *r = ok(GET("/api/portal"));
	char *big;

	ck_assert_str_eq(S(r, "data.KieuAPI"), "portal");
	ck_assert_int_eq(count(r, "data.DichVu"), 14);
	ck_assert(has(r, "data.DichVu", "LayDanhSachHoSo"));
	ck_assert(has(r, "data.DichVu", "DangNhap"));
	ck_assert_str_eq(S(GET("/_sandbox/health"), "dialect"), "portal");
	/* the transport's mistakes keep an HTTP status, in the envelope */
	refused(GET("/api/v1/dossiers"), 404, "01", "not_found");
	refused(POST("/api/portal/x", "{}"), 404, "01", "not_found");
	r = refused(call(&(struct sbxh_req){ .method = "DELETE", .path = "/api/portal" }), 405, "01",
		    "method_not_allowed");
	ck_assert_str_eq(r->allow, "GET, POST");
	r = call(&(struct sbxh_req){ .path = "/api/portal", .body = "service=x",
				     .content_type = "application/x-www-form-urlencoded" });
	refused(r, 415, "01", "unsupported_media_type");
	big = malloc(1100 * 1024 + 1);
	memset(big, ' ', 1100 * 1024);
	big[0] = '{';
	big[1100 * 1024 - 1] = '}';
	big[1100 * 1024] = '\0';
	r = call(&(struct sbxh_req){ .path = "/api/portal", .body = big, .api_key = K(FX_RECEPTION) });
	free(big);
	refused(r, 413, "01", "payload_too_large");
	/* a service's, inside 200 */
	r = refused(POST("/api/portal?service=x", "{}"), 200, "01", "invalid_parameter");
	r = refused(POST("/api/portal", "{\"service\": \"LayDanh"), 200, "01", "invalid_json");
	ck_assert_msg(strstr(S(r, "ChiTietLoi.MoTa"), "line 1") != NULL, "%s", r->body);
	refused(POST("/api/portal", "[1, 2]"), 200, "01", "invalid_body");
	refused(POST("/api/portal", ""), 200, "01", "invalid_body");
	r = refused(POST("/api/portal", "{\"TrangSo\": 1}"), 200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "service");
	refused(SVC(K(FX_RECEPTION), "{\"service\":\"XoaHoSo\"}"), 200, "01", "unknown_service");
	r = refused(SVC(K(FX_RECEPTION), "{\"service\":\"LayDanhSachHoSo\",\"Trang\":1}"), 200, "01",
		    "unknown_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "Trang");
	ck_assert_msg(strstr(S(r, "message"), "Trang") != NULL, "%s", r->body);
	/* still well */
	ck_assert_int_eq(Q("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
}
END_TEST

/* ---- authentication ------------------------------------------------------- */

START_TEST(auth_by_key)
{
	struct sbxh_reply *r;
	char *key;

	refused(SVC(NULL, "{\"service\":\"LayDanhSachHoSo\"}"), 200, "02", "unauthorized");
	refused(SVC("not-a-key", "{\"service\":\"LayDanhSachHoSo\"}"), 200, "02", "invalid_api_key");
	refused(SVC(NULL, "{\"service\":\"TraCuuCongDan\",\"SoDinhDanh\":\"" FX_CITIZEN "\"}"), 200,
		"02", "unauthorized");
	r = ok(SVC(K(FX_LEADER), "{\"service\":\"LayThongTinCanBo\"}"));
	ck_assert_str_eq(S(r, "data.TenDangNhap"), FX_LEADER);
	ck_assert_str_eq(S(r, "data.VaiTro"), "LanhDao");
	ck_assert_str_eq(S(r, "data.DonVi.MaDonVi"), FX_AGENCY);
	/* trainers and tests get a key on loopback without the database */
	key = sbxh_api_key(&H, FX_RECEPTION);
	ck_assert_ptr_nonnull(key);
	ck_assert_str_eq(key, K(FX_RECEPTION));
	free(key);
	r = POST("/_sandbox/api-key", "{\"login\":\"" FX_RECORDS "\"}");
	ck_assert_int_eq(r->status, 200);
	ck_assert_str_eq(S(r, "api_key"), K(FX_RECORDS));
	ck_assert_str_eq(S(r, "header"), "X-API-Key");
	ck_assert_int_eq(GET("/_sandbox/api-key?login=nobody")->status, 404);
	ck_assert_int_eq(GET("/_sandbox/api-key")->status, 400);
}
END_TEST

START_TEST(auth_by_login)
{
	struct sbxh_reply *r = ok(SVC(NULL, "{\"service\":\"DangNhap\",\"TenDangNhap\":\"" FX_RECEPTION
				      "\",\"MatKhau\":\"pw-" FX_RECEPTION "\"}"));
	char key[64];

	snprintf(key, sizeof key, "%s", S(r, "data.ApiKey"));
	ck_assert_str_eq(key, K(FX_RECEPTION));
	ck_assert_str_eq(S(r, "data.CanBo.VaiTro"), "TiepNhan");
	ck_assert_str_eq(S(r, "data.CanBo.HoTen"), "Nguyễn Thị Tiếp");
	ck_assert_str_eq(r->cache_control, "no-store");
	ok(SVC(key, "{\"service\":\"LayDanhSachHoSo\",\"SoBanGhi\":1}"));
	/* the key is the user's own: a second login gives the same */
	r = ok(SVC(NULL, "{\"service\":\"DangNhap\",\"TenDangNhap\":\"" FX_RECEPTION
		   "\",\"MatKhau\":\"pw-" FX_RECEPTION "\"}"));
	ck_assert_str_eq(S(r, "data.ApiKey"), key);
	refused(SVC(NULL, "{\"service\":\"DangNhap\",\"TenDangNhap\":\"" FX_RECEPTION
		    "\",\"MatKhau\":\"wrong\"}"), 200, "02", "invalid_credentials");
	r = refused(SVC(NULL, "{\"service\":\"DangNhap\",\"TenDangNhap\":\"" FX_RECEPTION "\"}"),
		    200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "MatKhau");
	/* guessing is throttled per login, as in the reference dialect */
	for (int i = 0; i < 10; i++)
		refused(SVC(NULL, "{\"service\":\"DangNhap\",\"TenDangNhap\":\"guesser\","
			    "\"MatKhau\":\"guess\"}"), 200, "02", "invalid_credentials");
	refused(SVC(NULL, "{\"service\":\"DangNhap\",\"TenDangNhap\":\"guesser\","
		    "\"MatKhau\":\"another\"}"), 200, "07", "too_many_attempts");
}
END_TEST

/* ---- catalog, units, users ------------------------------------------------ */

START_TEST(procedures)
{
	const char *k = K(FX_SPECIALIST);
	struct sbxh_reply *r = ok(SVC(k, "{\"service\":\"LayDanhSachTTHC\"}"));
	const cJSON *it;
	bool copy = false;

	ck_assert_int_eq((int)N(r, "data.TongSo"), 4);
	ck_assert_int_eq(count(r, "data.DanhSach"), 4);
	cJSON_ArrayForEach(it, sbxh_at(r->json, "data.DanhSach")) {
		if (!strcmp(sbxh_str(it, "MaTTHC"), FX_PROC_COPY)) {
			copy = true;
			ck_assert_str_eq(sbxh_str(it, "GioTiepNhanCuoi"), "15:00");
			ck_assert_int_eq((int)sbxh_num(it, "SoPhutXuLy"), 0);
			ck_assert_int_eq((int)sbxh_num(it, "LePhi"), 2000);
			ck_assert_str_eq(sbxh_str(it, "CapThucHien"), "CapXa");
		}
		if (!strcmp(sbxh_str(it, "MaTTHC"), FX_PROC_BIRTH)) {
			ck_assert(sbxh_num(it, "SoNgayXuLy") == 3.0);
			ck_assert(cJSON_IsNull(sbxh_at(it, "GioTiepNhanCuoi")));
		}
		ck_assert_ptr_null(sbxh_at(it, "code"));	/* nothing English */
	}
	ck_assert(copy);
	/* pages of the catalog, and its filters */
	r = ok(SVC(k, "{\"service\":\"LayDanhSachTTHC\",\"TrangSo\":2,\"SoBanGhi\":3}"));
	ck_assert_int_eq(count(r, "data.DanhSach"), 1);
	ck_assert_int_eq((int)N(r, "data.TongSo"), 4);
	ck_assert_int_eq((int)N(r, "data.TrangSo"), 2);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachTTHC\",\"TuKhoa\":\"chung thuc\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 1);
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaTTHC"), FX_PROC_COPY);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachTTHC\",\"LinhVuc\":\"Hộ tịch\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 2);
	refused(SVC(k, "{\"service\":\"LayDanhSachTTHC\",\"SoBanGhi\":0}"), 200, "01", "invalid_field");
	/* the detail */
	r = ok(SVC(k, "{\"service\":\"LayChiTietTTHC\",\"MaTTHC\":\"" FX_PROC_BIRTH "\"}"));
	ck_assert_str_eq(S(r, "data.TenTTHC"), "Đăng ký khai sinh");
	ck_assert_int_eq(count(r, "data.ThanhPhanHoSo"), 4);
	ck_assert_str_eq(S(r, "data.ThanhPhanHoSo.2.NguonDuLieuQuocGia"), "DanCu");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.ThanhPhanHoSo.0.BatBuoc")));
	ck_assert_int_eq(count(r, "data.TruongDuLieu"), 7);
	ck_assert_str_eq(S(r, "data.TruongDuLieu.0.Ma"), "applicant.id_number");
	ck_assert_str_eq(S(r, "data.TruongDuLieu.0.TraCuu"), "CongDan");
	ck_assert_str_eq(S(r, "data.TruongDuLieu.1.LayTu"), "CongDan:HoTen");
	ck_assert_str_eq(S(r, "data.TruongDuLieu.5.LayTu"), "CongDan:SoDienThoai");
	ck_assert_str_eq(S(r, "data.TruongDuLieu.4.LuaChon.1"), "Nữ");
	r = ok(SVC(k, "{\"service\":\"LayChiTietTTHC\",\"MaTTHC\":\"" FX_PROC_JOINT "\"}"));
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.LienThong")));
	ck_assert_str_eq(S(r, "data.ThuTucThanhPhan.0.MaTTHC"), FX_PROC_BIRTH);
	refused(SVC(k, "{\"service\":\"LayChiTietTTHC\",\"MaTTHC\":\"9.999999\"}"), 200, "04", "not_found");
	refused(SVC(k, "{\"service\":\"LayChiTietTTHC\"}"), 200, "01", "missing_field");
}
END_TEST

START_TEST(units_and_users)
{
	const char *k = K(FX_RECEPTION);
	struct sbxh_reply *r = ok(SVC(k, "{\"service\":\"LayDanhMucDonVi\"}"));

	ck_assert_int_eq((int)N(r, "data.TongSo"), 2);
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaDonVi"), "01");
	ck_assert_str_eq(S(r, "data.DanhSach.0.Cap"), "Tinh");
	r = ok(SVC(k, "{\"service\":\"LayDanhMucDonVi\",\"MaCha\":\"01\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 3);
	r = ok(SVC(k, "{\"service\":\"LayDanhMucDonVi\",\"MaCha\":\"01\",\"TuKhoa\":\"bat trang\"}"));
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaDonVi"), "00577");
	r = ok(SVC(k, "{\"service\":\"LayDanhMucDonVi\",\"MaDonVi\":\"00070\"}"));
	ck_assert_str_eq(S(r, "data.TenDonVi"), "Phường Hoàn Kiếm");
	ck_assert_str_eq(S(r, "data.Cap"), "Xa");
	ck_assert_str_eq(S(r, "data.MaCha"), "01");
	refused(SVC(k, "{\"service\":\"LayDanhMucDonVi\",\"MaDonVi\":\"99999\"}"), 200, "04", "not_found");
	r = ok(SVC(k, "{\"service\":\"LayDanhSachCanBo\",\"VaiTro\":\"ChuyenVien\"}"));
	ck_assert_int_eq(count(r, "data.DanhSach"), 2);
	ck_assert_str_eq(S(r, "data.DanhSach.0.TenDangNhap"), FX_SPECIALIST);
	ck_assert_str_eq(S(r, "data.DanhSach.0.VaiTro"), "ChuyenVien");
	r = ok(SVC(k, "{\"service\":\"LayDanhSachCanBo\"}"));
	ck_assert_int_eq(count(r, "data.DanhSach"), 5);	/* the agency's only */
	refused(SVC(k, "{\"service\":\"LayDanhSachCanBo\",\"VaiTro\":\"Vua\"}"), 200, "01", "invalid_field");
}
END_TEST

/* ---- dossier lists -------------------------------------------------------- */

START_TEST(list_paging_and_times)
{
	const char *k = K(FX_RECEPTION);
	struct sbxh_reply *r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\"}"));

	ck_assert_int_eq((int)N(r, "data.TongSo"), FX_DOSSIERS);	/* not the other agency's */
	ck_assert_int_eq(count(r, "data.DanhSach"), 50);
	ck_assert_int_eq((int)N(r, "data.TrangSo"), 1);
	ck_assert_int_eq((int)N(r, "data.SoBanGhi"), 50);
	/* default order: due first; times yyyyMMddHHmmss in Vietnam time */
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaHoSo"), "FX1-251001-0001");
	ck_assert_str_eq(S(r, "data.DanhSach.0.NgayHenTra"), "20251013090000");
	ck_assert_str_eq(S(r, "data.DanhSach.0.NgayTiepNhan"), "20251001080000");
	ck_assert_str_eq(S(r, "data.DanhSach.0.NgayNopHoSo"), "20251001080000");
	ck_assert_str_eq(S(r, "data.DanhSach.0.NgayCoKetQua"), "");	/* not yet: "" */
	ck_assert_int_eq((int)N(r, "data.DanhSach.0.TrangThaiHoSo"), 2);
	ck_assert_str_eq(S(r, "data.DanhSach.0.TenTrangThai"), "Đã tiếp nhận");
	ck_assert_str_eq(S(r, "data.DanhSach.0.BuocXuLy"), "PhanCong");
	ck_assert_int_eq((int)N(r, "data.DanhSach.0.HinhThuc"), 1);
	ck_assert_str_eq(S(r, "data.DanhSach.0.ChuHoSo"), "Nguyễn Văn Đức 1");
	ck_assert_str_eq(S(r, "data.DanhSach.0.SoDinhDanh"), "001085000001");
	ck_assert_int_eq((int)N(r, "data.DanhSach.0.PhienBan"), 1);
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.DanhSach.0.CanBoXuLy")));
	ck_assert_str_eq(S(r, "data.DanhSach.1.CanBoXuLy.TenDangNhap"), FX_SPECIALIST2);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangSo\":2}"));
	ck_assert_int_eq(count(r, "data.DanhSach"), 10);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangSo\":\"3\",\"SoBanGhi\":7,"
		   "\"SapXep\":\"MaHoSo\"}"));
	ck_assert_int_eq(count(r, "data.DanhSach"), 7);
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaHoSo"), "FX1-251001-0015");
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"SapXep\":\"NgayTiepNhan\",\"SoBanGhi\":1}"));
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaHoSo"), "FX1-251001-0060");
	/* a finished one judges its timeliness */
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TuKhoa\":\"FX1-251001-0005\"}"));
	ck_assert_str_eq(S(r, "data.DanhSach.0.DanhGiaTienDo"), "TruocHan");
	ck_assert_str_eq(S(r, "data.DanhSach.0.NgayCoKetQua"), "20251012090000");
	r = refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"SoBanGhi\":201}"), 200, "01", "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "SoBanGhi");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangSo\":0}"), 200, "01", "invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangSo\":\"x\"}"), 200, "01", "invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"SapXep\":\"Mau\"}"), 200, "01", "invalid_field");
}
END_TEST

START_TEST(list_filters)
{
	const char *k = K(FX_SPECIALIST);
	struct sbxh_reply *r;
	long long overdue = Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			      " AND status IN (2,4,6) AND due_at <= 1760493600");

	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":4}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 20);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":\"4,5\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 30);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":[4, \"5\"]}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 30);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"CanBoXuLy\":\"me\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"),
			 Q("SELECT count(*) FROM dossiers WHERE assignee_id = 2 AND agency_id = '" FX_AGENCY "'"));
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"CanBoXuLy\":\"none\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 10);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"CanBoXuLy\":\"" FX_SPECIALIST2 "\","
		   "\"TrangThaiHoSo\":5}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 10);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"QuaHan\":1}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), overdue);
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.DanhSach.0.QuaHan")));
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"QuaHan\":false}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), FX_DOSSIERS - overdue);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"MaTTHC\":\"" FX_PROC_COPY "\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 12);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"HinhThuc\":2}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 15);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"BuocXuLy\":\"PhanCong\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 10);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"HanTruoc\":\"20251014090000\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 4);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TuKhoa\":\"nguyen van duc\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 10);
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TuKhoa\":\"001085000007\"}"));
	ck_assert_str_eq(S(r, "data.DanhSach.0.MaHoSo"), "FX1-251001-0007");
	/* empty members are absent ones: a template with nothing set */
	r = ok(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":\"\",\"TuKhoa\":null}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), FX_DOSSIERS);
	r = refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":11}"), 200, "01",
		    "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "TrangThaiHoSo");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":\"4,\"}"), 200, "01", "invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"TrangThaiHoSo\":\"processing\"}"), 200, "01",
		"invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"BuocXuLy\":\"assignment\"}"), 200, "01",
		"invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"QuaHan\":\"maybe\"}"), 200, "01", "invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"CanBoXuLy\":\"ghost\"}"), 200, "01", "invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"HanTruoc\":\"2025-10-14\"}"), 200, "01",
		"invalid_field");
	refused(SVC(k, "{\"service\":\"LayDanhSachHoSo\",\"HinhThuc\":4}"), 200, "01", "invalid_field");
}
END_TEST

/* ---- the detail ----------------------------------------------------------- */

START_TEST(detail)
{
	const char *k = K(FX_LEADER);
	struct sbxh_reply *r = ok(SVC(k, "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":\"FX1-251001-0002\"}"));

	ck_assert_str_eq(S(r, "data.MaHoSo"), "FX1-251001-0002");
	ck_assert_int_eq((int)N(r, "data.TrangThaiHoSo"), 4);
	ck_assert_str_eq(S(r, "data.TenTrangThai"), "Đang xử lý");
	ck_assert_str_eq(S(r, "data.BuocXuLy"), "ThuLy");
	ck_assert_str_eq(S(r, "data.CanBoXuLy.TenDangNhap"), FX_SPECIALIST2);
	ck_assert_str_eq(S(r, "data.ThuTuc.MaTTHC"), FX_PROC_BIRTH);
	ck_assert_int_eq((int)N(r, "data.ThuTuc.SoPhutXuLy"), 1440);
	ck_assert_str_eq(S(r, "data.NgayTiepNhan"), "20251001090000");
	ck_assert_str_eq(S(r, "data.NgayHenTra"), "20251013150000");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.QuaHan")));
	ck_assert_int_eq(count(r, "data.ThanhPhanHoSo"), 4);
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.ThanhPhanHoSo.2.TuDuLieuQuocGia")));
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.ThanhPhanHoSo.0.DaNop")));
	ck_assert_int_eq((int)N(r, "data.PhienBan"), 1);
	ck_assert_str_eq(S(r, "data.MaDonViXuLy"), FX_AGENCY);
	ck_assert(N(r, "data.SoPhutLamViecConLai") < 0);
	/* one working day before the due date, already past */
	ck_assert_str_eq(S(r, "data.HanXinLoiHenLai"), "20251010150000");
	ck_assert(has(r, "data.ThaoTacDuocPhep", "PhanCong"));
	ck_assert(!has(r, "data.ThaoTacDuocPhep", "XinLoiHenLai"));
	ck_assert(!has(r, "data.ThaoTacDuocPhep", "assign"));
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.NguoiUyQuyen")));
	ck_assert_ptr_null(sbxh_at(r->json, "data.status"));
	/* the assignee sees their own actions */
	r = ok(SVC(K(FX_SPECIALIST2), "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":\"FX1-251001-0002\"}"));
	ck_assert(has(r, "data.ThaoTacDuocPhep", "TrinhKy"));
	r = ok(SVC(k, "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":\"FX1-251001-0006\"}"));
	ck_assert_int_eq((int)N(r, "data.TrangThaiHoSo"), 10);
	ck_assert_str_eq(S(r, "data.DanhGiaTienDo"), "DungHan");
	ck_assert_int_eq((int)strlen(S(r, "data.NgayTra")), 14);
	r = ok(SVC(k, "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":\"FX1-251001-0012\"}"));
	ck_assert_str_eq(S(r, "data.DanhGiaTienDo"), "TreHan");
	ck_assert_str_eq(S(r, "data.HanXinLoiHenLai"), "");	/* finished: none, "" */
	r = refused(SVC(k, "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":\"FX2-251001-0001\"}"), 200, "04",
		    "not_found");
	ck_assert_msg(strstr(S(r, "message"), "hồ sơ") != NULL, "%s", r->body);
	refused(SVC(k, "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":42}"), 200, "01", "invalid_field");
}
END_TEST

/* ---- lookups and their audit ---------------------------------------------- */

START_TEST(lookups_audited)
{
	const char *k = K(FX_RECEPTION);
	long long before = Q("SELECT count(*) FROM audit");
	struct sbxh_reply *r = ok(SVC(k, "{\"service\":\"TraCuuCongDan\",\"SoDinhDanh\":\"001 085 012345\","
				      "\"MaHoSo\":\"FX1-251001-0003\",\"MucDich\":\"intake\"}"));

	ck_assert_str_eq(S(r, "data.SoDinhDanh"), FX_CITIZEN);
	ck_assert_str_eq(S(r, "data.HoTen"), "Nguyễn Văn An");
	ck_assert_str_eq(S(r, "data.NgaySinh"), "19850312");
	ck_assert_str_eq(S(r, "data.GioiTinh"), "Nam");
	ck_assert_str_eq(S(r, "data.MaDVHCThuongTru"), "00070");
	ck_assert_str_eq(S(r, "data.NguonDuLieu"), "DanCu");
	ck_assert_str_eq(S(r, "data.ThoiDiemTraCuu"), "20251015090000");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.TenGoiKhac")));
	ck_assert_int_eq(Q("SELECT count(*) FROM audit"), before + 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM audit WHERE subject = '" FX_CITIZEN "'"
			   " AND dossier_code = 'FX1-251001-0003' AND purpose = 'intake'"
			   " AND found = 1 AND user_id = 1 AND kind = 'citizen' AND at = 1760493600"), 1);
	r = ok(SVC(k, "{\"service\":\"TraCuuCongDan\",\"SoDinhDanh\":\"" FX_CITIZEN2 "\"}"));
	ck_assert_str_eq(S(r, "data.GioiTinh"), "Nữ");
	/* not in the register: "04", still audited */
	r = refused(SVC(k, "{\"service\":\"TraCuuCongDan\",\"SoDinhDanh\":\"" FX_CITIZEN_ABSENT "\"}"),
		    200, "04", "not_found");
	ck_assert_msg(strstr(S(r, "message"), "dân cư") != NULL, "%s", r->body);
	ck_assert_int_eq(Q("SELECT count(*) FROM audit WHERE subject = '" FX_CITIZEN_ABSENT
			   "' AND found = 0 AND dossier_code IS NULL"), 1);
	/* malformed numbers never reach the register */
	before = Q("SELECT count(*) FROM audit");
	r = refused(SVC(k, "{\"service\":\"TraCuuCongDan\",\"SoDinhDanh\":\"00108501234X\"}"), 200, "01",
		    "invalid_number");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "SoDinhDanh");
	ck_assert_int_eq(Q("SELECT count(*) FROM audit"), before);
	/* the dossier must be one of the agency's */
	r = refused(SVC(k, "{\"service\":\"TraCuuCongDan\",\"SoDinhDanh\":\"" FX_CITIZEN "\","
			"\"MaHoSo\":\"FX2-251001-0001\"}"), 200, "04", "not_found");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "MaHoSo");
	refused(SVC(k, "{\"service\":\"TraCuuCongDan\"}"), 200, "01", "missing_field");
	/* enterprises */
	r = ok(SVC(K(FX_SPECIALIST), "{\"service\":\"TraCuuDoanhNghiep\",\"MaSoThue\":\"0100.109.106\"}"));
	ck_assert_str_eq(S(r, "data.MaSoThue"), FX_ENTERPRISE);
	ck_assert_str_eq(S(r, "data.TrangThai"), "DangHoatDong");
	ck_assert_str_eq(S(r, "data.NgayThanhLap"), "20100520");
	ck_assert(N(r, "data.VonDieuLe") == 5e9);
	ck_assert_str_eq(S(r, "data.NguonDuLieu"), "DoanhNghiep");
	refused(SVC(K(FX_SPECIALIST), "{\"service\":\"TraCuuDoanhNghiep\",\"MaSoThue\":\""
		    FX_ENTERPRISE_ABSENT "\"}"), 200, "04", "not_found");
	r = refused(SVC(K(FX_SPECIALIST), "{\"service\":\"TraCuuDoanhNghiep\",\"MaSoThue\":\"0100109107\"}"),
		    200, "01", "invalid_number");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "MaSoThue");
	ck_assert_int_eq(Q("SELECT count(*) FROM audit WHERE kind = 'enterprise' AND user_id = 2"), 2);
	/* the audit, for leaders */
	refused(SVC(k, "{\"service\":\"LayNhatKyTraCuu\"}"), 200, "03", "role_forbidden");
	r = ok(SVC(K(FX_LEADER), "{\"service\":\"LayNhatKyTraCuu\",\"SoTraCuu\":\"" FX_CITIZEN "\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 1);
	ck_assert_str_eq(S(r, "data.DanhSach.0.CanBo.TenDangNhap"), FX_RECEPTION);
	ck_assert_str_eq(S(r, "data.DanhSach.0.MucDich"), "intake");
	ck_assert_str_eq(S(r, "data.DanhSach.0.ThoiDiem"), "20251015090000");
	ck_assert_str_eq(S(r, "data.DanhSach.0.Loai"), "CongDan");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.DanhSach.0.TimThay")));
	r = ok(SVC(K(FX_LEADER), "{\"service\":\"LayNhatKyTraCuu\",\"Loai\":\"DoanhNghiep\","
		   "\"TenDangNhap\":\"" FX_SPECIALIST "\",\"TuNgay\":\"20251015\",\"DenNgay\":\"20251015\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 2);
	r = ok(SVC(K(FX_LEADER), "{\"service\":\"LayNhatKyTraCuu\",\"TuNgay\":\"20251016\"}"));
	ck_assert_int_eq((int)N(r, "data.TongSo"), 0);
	refused(SVC(K(FX_LEADER), "{\"service\":\"LayNhatKyTraCuu\",\"Loai\":\"citizen\"}"), 200, "01",
		"invalid_field");
	refused(SVC(K(FX_LEADER), "{\"service\":\"LayNhatKyTraCuu\",\"TuNgay\":\"15/10/2025\"}"), 200,
		"01", "invalid_field");
}
END_TEST

/* ---- stats ---------------------------------------------------------------- */

START_TEST(stats)
{
	const char *k = K(FX_LEADER);
	struct sbxh_reply *r = ok(SVC(k, "{\"service\":\"ThongKe\",\"TuNgay\":\"20251001\","
				      "\"DenNgay\":\"20251031\"}"));
	long long resolved = Q("SELECT count(*) FROM dossiers WHERE agency_id = '" FX_AGENCY "'"
			       " AND status IN (9,10) AND finished_at >= 1759251600 AND finished_at < 1761930000");

	ck_assert_str_eq(S(r, "data.TuNgay"), "20251001");
	ck_assert_str_eq(S(r, "data.DenNgay"), "20251031");
	ck_assert_int_eq((int)N(r, "data.SoTiepNhan"), FX_DOSSIERS);
	ck_assert_int_eq((int)N(r, "data.SoDaGiaiQuyet"), resolved);
	ck_assert_int_eq((int)(N(r, "data.SoTruocHan") + N(r, "data.SoDungHan") + N(r, "data.SoQuaHan")),
			 resolved);
	ck_assert_int_eq((int)N(r, "data.TyLeDungHan.MauSo"), resolved);
	ck_assert_str_eq(S(r, "data.TyLeDungHan.MoTaTuSo"), "trước hạn + đúng hạn");
	ck_assert_msg(strstr(S(r, "data.TyLeDungHan.MoTaMauSo"), "đã giải quyết") != NULL, "%s", r->body);
	ck_assert_int_eq((int)N(r, "data.TyLeTrucTuyen.TuSo"), 15);
	ck_assert_int_eq((int)N(r, "data.DangQuaHan.MauSo"), 30);
	ck_assert_str_eq(S(r, "data.DangQuaHanTinhDen"), "20251015090000");
	ck_assert(N(r, "data.ThoiGianGiaiQuyetTrungBinh.GiaTri") > 5);
	/* an empty period: rates without a denominator are null */
	r = ok(SVC(k, "{\"service\":\"ThongKe\",\"TuNgay\":\"20240101\",\"DenNgay\":\"20240131\"}"));
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.TyLeDungHan.GiaTri")));
	/* default: this month to date; a time names its day */
	r = ok(SVC(k, "{\"service\":\"ThongKe\"}"));
	ck_assert_str_eq(S(r, "data.TuNgay"), "20251001");
	ck_assert_str_eq(S(r, "data.DenNgay"), "20251015");
	r = ok(SVC(k, "{\"service\":\"ThongKe\",\"TuNgay\":\"20251002235959\"}"));
	ck_assert_str_eq(S(r, "data.TuNgay"), "20251002");
	refused(SVC(k, "{\"service\":\"ThongKe\",\"TuNgay\":\"20251031\",\"DenNgay\":\"20251001\"}"), 200,
		"01", "invalid_parameter");
	refused(SVC(k, "{\"service\":\"ThongKe\",\"TuNgay\":\"20250230\"}"), 200, "01", "invalid_field");
}
END_TEST

/* ---- intake --------------------------------------------------------------- */

START_TEST(intake_idempotent)
{
	char body[4096], code[64];
	struct sbxh_req rq = { .path = "/api/portal", .method = "POST", .body = body,
			       .api_key = K(FX_RECEPTION) };
	struct sbxh_reply *r, *again;
	const char *key = newkey();

	snprintf(body, sizeof body, "{\"service\":\"TiepNhanHoSo\",\"MaYeuCau\":\"%s\","
		 BIRTH_MEMBERS ",\"SoBo\":\"2\",\"GhiChu\":\"hồ sơ giấy đủ\"}", key);
	r = ok(call(&rq));
	snprintf(code, sizeof code, "%s", S(r, "data.MaHoSo"));
	ck_assert_msg(!strncmp(code, "FX1-251015-", 11), "%s", code);
	ck_assert_int_eq((int)N(r, "data.TrangThaiHoSo"), 2);
	ck_assert_str_eq(S(r, "data.BuocXuLy"), "PhanCong");
	ck_assert_str_eq(S(r, "data.NgayTiepNhan"), "20251015090000");
	/* Wed 09:00 + 3 working days = Mon 09:00 */
	ck_assert_str_eq(S(r, "data.NgayHenTra"), "20251020090000");
	ck_assert_str_eq(S(r, "data.SoDinhDanh"), FX_CITIZEN);
	ck_assert_str_eq(S(r, "data.SoDienThoai"), "0912345678");
	ck_assert_int_eq((int)N(r, "data.SoBo"), 2);
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.NguoiUyQuyen")));	/* {} is none */
	{
		const cJSON *bd = cJSON_GetObjectItemCaseSensitive(sbxh_at(r->json, "data.DuLieuBieuMau"),
								   "child.birth_date");

		ck_assert(cJSON_IsString(bd));
		ck_assert_str_eq(bd->valuestring, "2025-10-01");
	}
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.ThanhPhanHoSo.2.TuDuLieuQuocGia")));
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.0.ThaoTac"), "NopHoSo");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.0.VaiTro"), "TiepNhan");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.0.GhiChu"), "hồ sơ giấy đủ");
	ck_assert_str_eq(S(r, "data.HanXinLoiHenLai"), "20251017090000");
	ck_assert_int_eq((int)N(r, "data.SoPhutLamViecConLai"), 1440);
	/* the replay gets the same reply; no second dossier */
	again = call(&rq);
	ck_assert_int_eq(again->status, 200);
	ck_assert_str_eq(again->replayed, "true");
	ck_assert_str_eq(again->body, r->body);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossier_log WHERE note = 'hồ sơ giấy đủ'"), 1);
	/* the header may carry the id instead, not a different one */
	rq.idempotency_key = key;
	ck_assert_str_eq(call(&rq)->replayed, "true");
	rq.idempotency_key = "another";
	refused(call(&rq), 200, "01", "invalid_field");
	/* same id, another request: "05" */
	rq.idempotency_key = NULL;
	snprintf(body, sizeof body, "{\"service\":\"TiepNhanHoSo\",\"MaYeuCau\":\"%s\","
		 BIRTH_MEMBERS ",\"GhiChu\":\"khác\"}", key);
	refused(call(&rq), 200, "05", "idempotency_key_reused");
	/* none at all: refused */
	r = refused(SVC(K(FX_RECEPTION), "{\"service\":\"TiepNhanHoSo\"," BIRTH_MEMBERS "}"), 200, "01",
		    "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "MaYeuCau");
	/* the Idempotency-Key header alone does */
	rq.body = "{\"service\":\"TiepNhanHoSo\"," BIRTH_MEMBERS "}";
	rq.idempotency_key = newkey();
	ok(call(&rq));
	ck_assert_str_eq(call(&rq)->replayed, "true");
	ck_assert_str_gt(intake(), code);
}
END_TEST

START_TEST(intake_invalid)
{
	const char *k = K(FX_RECEPTION);
	struct sbxh_reply *r;

#define TRY(members) SVC(k, "{\"service\":\"TiepNhanHoSo\",\"MaYeuCau\":\"%s\"," members "}", newkey())
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_BIRTH "\",\"ChuHoSo\":\"A\","
			"\"DuLieuBieuMau\":{\"applicant.id_number\":\"" FX_CITIZEN "\","
			"\"applicant.full_name\":\"A\",\"child.birth_date\":\"01/10/2025\",\"child.sex\":\"Nam\"}"),
		    200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "DuLieuBieuMau.child.full_name");
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_BIRTH "\",\"ChuHoSo\":\"A\",\"SoDinhDanh\":\"12ab\""),
		    200, "01", "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "SoDinhDanh");
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\""), 200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "ChuHoSo");
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"ChuHoSo\":\"A\",\"NguoiUyQuyen\":{\"SoDinhDanh\":\""
			FX_CITIZEN2 "\"}"), 200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "NguoiUyQuyen.HoTen");
	refused(TRY("\"MaTTHC\":\"9.999\",\"ChuHoSo\":\"A\""), 200, "04", "unknown_procedure");
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"ChuHoSo\":\"A\",\"MauSac\":1"), 200, "01",
		    "unknown_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "MauSac");
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"ChuHoSo\":\"A\",\"ThanhPhanHoSo\":[{\"seq\":1}]"),
		    200, "01", "unknown_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "ThanhPhanHoSo");
	r = refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"HinhThuc\":\"bo-cau\",\"ChuHoSo\":\"A\""),
		    200, "01", "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "HinhThuc");
	/* at the desk only a complete dossier is entered */
	refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"ChuHoSo\":\"A\","
		    "\"DuLieuBieuMau\":{\"document.name\":\"Bằng\",\"document.pages\":2},"
		    "\"ThanhPhanHoSo\":[{\"STT\":1,\"DaNop\":false}]"), 200, "06", "incomplete_dossier");
	/* online: status 1, no receipt or due date yet ("") */
	r = ok(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"HinhThuc\":\"2\",\"ChuHoSo\":\"Phạm Văn D\","
		   "\"Email\":\"d@example.vn\",\"DuLieuBieuMau\":{\"document.name\":\"Học bạ\","
		   "\"document.pages\":5}"));
	ck_assert_int_eq((int)N(r, "data.TrangThaiHoSo"), 1);
	ck_assert_str_eq(S(r, "data.TenHinhThuc"), "Trực tuyến");
	ck_assert_str_eq(S(r, "data.NgayTiepNhan"), "");
	ck_assert_str_eq(S(r, "data.NgayHenTra"), "");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.NhatKyXuLy.0.CanBo")));
	/* only reception takes in */
	k = K(FX_SPECIALIST);
	refused(TRY("\"MaTTHC\":\"" FX_PROC_COPY "\",\"ChuHoSo\":\"A\""), 200, "03", "role_forbidden");
#undef TRY
}
END_TEST

/* ---- actions -------------------------------------------------------------- */

START_TEST(workflow_full)
{
	const char *code = intake();
	struct sbxh_reply *r;

	r = at(ACT(K(FX_LEADER), code, "PhanCong", 1, "\"CanBoXuLy\":\"" FX_SPECIALIST "\""), 4, "ThuLy");
	ck_assert_int_eq((int)N(r, "data.PhienBan"), 2);
	r = at(ACT(K(FX_SPECIALIST), code, "TrinhKy", 2, "\"GhiChu\":\"đủ điều kiện\""), 4, "TrinhKy");
	ck_assert_str_eq(S(r, "data.CanBoXuLy.TenDangNhap"), FX_SPECIALIST);
	/* the stable English names are accepted too */
	at(ACT(K(FX_LEADER), code, "approve", 3, NULL), 4, "PhatHanh");
	set_clock("2025-10-16T10:00:00+07:00");
	r = at(ACT(K(FX_RECORDS), code, "CoKetQua", 4, NULL), 9, "TraKetQua");
	ck_assert_str_eq(S(r, "data.NgayCoKetQua"), "20251016100000");
	ck_assert_str_eq(S(r, "data.DanhGiaTienDo"), "TruocHan");
	r = at(ACT(K(FX_RECEPTION), code, "TraKetQua", 5, NULL), 10, "HoanThanh");
	ck_assert_str_eq(S(r, "data.NgayTra"), "20251016100000");
	ck_assert_int_eq(count(r, "data.NhatKyXuLy"), 6);
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.1.ThaoTac"), "PhanCong");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.1.VaiTro"), "LanhDao");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.1.GhiChu"), "Phân công chuyên viên " FX_SPECIALIST_NAME " thụ lý");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.3.ThaoTac"), "PheDuyet");
	ck_assert_int_eq((int)N(r, "data.NhatKyXuLy.4.TuTrangThai"), 4);
	ck_assert_int_eq((int)N(r, "data.NhatKyXuLy.4.DenTrangThai"), 9);
	ck_assert_int_eq(count(r, "data.ThaoTacDuocPhep"), 0);
	set_clock(FX_CLOCK_ISO);
}
END_TEST

START_TEST(workflow_refusals)
{
	const char *code = intake(), *code2 = intake();
	struct sbxh_reply *r;

	refused(ACT(K(FX_SPECIALIST), code, "TiepNhan", -1, NULL), 200, "03", "role_forbidden");
	refused(ACT(K(FX_LEADER), code, "PheDuyet", -1, NULL), 200, "06", "invalid_state");
	r = refused(ACT(K(FX_LEADER), code, "PhanCong", -1, "\"CanBoXuLy\":\"" FX_RECEPTION "\""), 200,
		    "06", "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "CanBoXuLy");
	r = refused(ACT(K(FX_LEADER), code, "PhanCong", -1, NULL), 200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "CanBoXuLy");
	r = refused(ACT(K(FX_LEADER), code, "PhanCong", -1, "\"CanBoXuLy\":\"" FX_SPECIALIST "\","
			"\"LyDo\":\"x\""), 200, "01", "unknown_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "LyDo");
	at(ACT(K(FX_LEADER), code, "PhanCong", -1, "\"CanBoXuLy\":\"" FX_SPECIALIST "\""), 4, "ThuLy");
	refused(ACT(K(FX_SPECIALIST2), code, "TrinhKy", -1, NULL), 200, "03", "not_assignee");
	r = refused(ACT(K(FX_LEADER), code, "Ban", -1, NULL), 200, "01", "unknown_action");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "ThaoTac");
	ck_assert_msg(strstr(S(r, "ChiTietLoi.MoTa"), "XinLoiHenLai") != NULL, "%s", r->body);
	refused(ACT(K(FX_LEADER), code, "NopHoSo", -1, NULL), 200, "01", "unknown_action");
	refused(ACT(K(FX_LEADER), "FX2-251001-0001", "PhanCong", -1, NULL), 200, "04", "not_found");
	/* reasons where the law wants one */
	r = refused(ACT(K(FX_RECEPTION), code2, "RutHoSo", -1, NULL), 200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "LyDo");
	r = at(ACT(K(FX_RECEPTION), code2, "RutHoSo", -1, "\"LyDo\":\"công dân rút hồ sơ\""), 7, "HoanThanh");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.1.GhiChu"), "công dân rút hồ sơ");
	ck_assert_str_eq(S(r, "data.NhatKyXuLy.1.ThaoTac"), "RutHoSo");
	ck_assert(cJSON_IsNull(sbxh_at(r->json, "data.SoPhutLamViecConLai")));
}
END_TEST

START_TEST(version_conflict)
{
	const char *code = intake();
	struct sbxh_reply *r;

	at(ACT(K(FX_LEADER), code, "PhanCong", 1, "\"CanBoXuLy\":\"" FX_SPECIALIST "\""), 4, "ThuLy");
	/* a second leader screen still at version 1 */
	r = refused(ACT(K(FX_LEADER), code, "PhanCong", 1, "\"CanBoXuLy\":\"" FX_SPECIALIST2 "\""), 200,
		    "05", "version_conflict");
	ck_assert_int_eq((int)N(r, "ChiTietLoi.PhienBanHienTai"), 2);
	ck_assert_msg(strstr(S(r, "message"), "2") != NULL, "%s", r->body);
	r = ok(SVC(K(FX_LEADER), "{\"service\":\"LayChiTietHoSo\",\"MaHoSo\":\"%s\"}", code));
	ck_assert_str_eq(S(r, "data.CanBoXuLy.TenDangNhap"), FX_SPECIALIST);	/* unchanged */
	/* the version as text, as a template sends it */
	r = SVC(K(FX_LEADER), "{\"service\":\"XuLyHoSo\",\"MaHoSo\":\"%s\",\"ThaoTac\":\"PhanCong\","
		"\"PhienBan\":\"2\",\"CanBoXuLy\":\"" FX_SPECIALIST2 "\"}", code);
	at(r, 4, "ThuLy");
	r = refused(SVC(K(FX_LEADER), "{\"service\":\"XuLyHoSo\",\"MaHoSo\":\"%s\",\"ThaoTac\":\"PheDuyet\","
			"\"PhienBan\":\"v3\"}", code), 200, "01", "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "PhienBan");
}
END_TEST

START_TEST(action_idempotent)
{
	const char *code = intake();
	char body[512];
	struct sbxh_req rq = { .path = "/api/portal", .method = "POST", .body = body,
			       .api_key = K(FX_LEADER) };
	struct sbxh_reply *a, *b;

	snprintf(body, sizeof body, "{\"service\":\"XuLyHoSo\",\"MaYeuCau\":\"%s\",\"MaHoSo\":\"%s\","
		 "\"ThaoTac\":\"PhanCong\",\"PhienBan\":1,\"CanBoXuLy\":\"" FX_SPECIALIST "\"}",
		 newkey(), code);
	a = ok(call(&rq));
	/* a retry after a lost reply: same answer, no second change, no conflict */
	b = call(&rq);
	ck_assert_int_eq(b->status, 200);
	ck_assert_str_eq(b->replayed, "true");
	ck_assert_str_eq(a->body, b->body);
	ck_assert_int_eq((int)Q("SELECT version FROM dossiers WHERE code = '%s'", code), 2);
	ck_assert_int_eq((int)Q("SELECT count(*) FROM dossier_log WHERE dossier_code = '%s'", code), 2);
}
END_TEST

START_TEST(supplement_and_apology)
{
	const char *code = intake(), *code2 = intake();
	struct sbxh_reply *r;
	char path[64];

	at(ACT(K(FX_LEADER), code, "PhanCong", -1, "\"CanBoXuLy\":\"" FX_SPECIALIST "\""), 4, "ThuLy");
	refused(ACT(K(FX_SPECIALIST), code, "YeuCauBoSung", -1, "\"ThanhPhanThieu\":[9]"), 200, "01",
		"invalid_field");
	r = at(ACT(K(FX_SPECIALIST), code, "YeuCauBoSung", -1,
		   "\"ThanhPhanThieu\":[2],\"GhiChu\":\"thiếu giấy chứng sinh\""), 5, "ThuLy");
	ck_assert(cJSON_IsFalse(sbxh_at(r->json, "data.ThanhPhanHoSo.1.DaNop")));
	set_clock("2025-10-17T09:00:00+07:00");
	r = at(ACT(K(FX_RECEPTION), code, "NhanBoSung", -1, NULL), 4, "ThuLy");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.ThanhPhanHoSo.1.DaNop")));
	ck_assert_str_eq(S(r, "data.NgayHenTra"), "20251022090000");
	ck_assert_int_eq(count(r, "data.LichSuHenTra"), 1);
	ck_assert_str_eq(S(r, "data.LichSuHenTra.0.NgayHenTraTruoc"), "20251020090000");
	ck_assert_str_eq(S(r, "data.LichSuHenTra.0.NgayHenTraMoi"), "20251022090000");
	ck_assert_str_eq(S(r, "data.LichSuHenTra.0.LyDo"), "BoSung");
	ck_assert_str_eq(S(r, "data.LichSuHenTra.0.NgayThayDoi"), "20251017090000");
	set_clock(FX_CLOCK_ISO);
	/* the apology with a new date, once */
	at(ACT(K(FX_LEADER), code2, "PhanCong", -1, "\"CanBoXuLy\":\"" FX_SPECIALIST "\""), 4, "ThuLy");
	r = refused(ACT(K(FX_LEADER), code2, "XinLoiHenLai", -1, "\"LyDo\":\"x\",\"NgayHenTraMoi\":\"next week\""),
		    200, "01", "invalid_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "NgayHenTraMoi");
	r = refused(ACT(K(FX_LEADER), code2, "XinLoiHenLai", -1, "\"LyDo\":\"x\""), 200, "01", "missing_field");
	ck_assert_str_eq(S(r, "ChiTietLoi.TruongDuLieu"), "NgayHenTraMoi");
	r = at(ACT(K(FX_SPECIALIST), code2, "XinLoiHenLai", -1,
		   "\"LyDo\":\"cần xác minh thêm\",\"NgayHenTraMoi\":\"20251024090000\""), 4, "ThuLy");
	ck_assert_str_eq(S(r, "data.NgayHenTra"), "20251024090000");
	ck_assert(cJSON_IsTrue(sbxh_at(r->json, "data.DaXinLoiHenLai")));
	ck_assert_str_eq(S(r, "data.LichSuHenTra.0.LyDo"), "XinLoi");
	refused(ACT(K(FX_LEADER), code2, "XinLoiHenLai", -1, "\"LyDo\":\"lần nữa\",\"NgayHenTraMoi\":\"20251030090000\""),
		200, "06", "apology_used");
	/* a financial obligation, then its payment */
	at(ACT(K(FX_SPECIALIST), code2, "TrinhKy", -1, NULL), 4, "TrinhKy");
	r = at(ACT(K(FX_LEADER), code2, "PheDuyet", -1, "\"NghiaVuTaiChinh\":\"500000\""), 6, "PhatHanh");
	/* the log tells the amount as the desk writes it */
	snprintf(path, sizeof path, "data.NhatKyXuLy.%d.GhiChu", count(r, "data.NhatKyXuLy") - 1);
	ck_assert_str_eq(S(r, path), "Thông báo nghĩa vụ tài chính 500.000 đồng");
	at(ACT(K(FX_RECEPTION), code2, "XacNhanNopPhi", -1, NULL), 4, "PhatHanh");
}
END_TEST

/* ---- faults --------------------------------------------------------------- */

START_TEST(faults_in_the_envelope)
{
	struct sbxh_reply *r = SVC(K(FX_RECEPTION), "{\"service\":\"LayDanhSachHoSo\"}");
	char body[4096];
	struct sbxh_req rq = { .path = "/api/portal", .method = "POST", .body = body,
			       .api_key = K(FX_RECEPTION) };
	long long before;

	/* transport-level: a 5xx status, the envelope's "99", nothing done */
	ck_assert_int_ge(r->status, 500);
	ck_assert_int_le(r->status, 504);
	ck_assert_str_eq(S(r, "error_code"), "99");
	ck_assert_str_eq(S(r, "ChiTietLoi.MaLoi"), "injected_fault");
	ck_assert_str_eq(r->retry_after, "1");
	ck_assert_int_eq(GET("/_sandbox/faults")->status, 200);	/* never faulted */
	set_faults("{\"fail_rate\":0}");
	ok(SVC(K(FX_RECEPTION), "{\"service\":\"LayDanhSachHoSo\"}"));
	/* a dropped reply: the intake was done, the retry with its id gets it */
	before = Q("SELECT count(*) FROM dossiers");
	snprintf(body, sizeof body, "{\"service\":\"TiepNhanHoSo\",\"MaYeuCau\":\"%s\","
		 BIRTH_MEMBERS "}", newkey());
	set_faults("{\"reset\":true,\"drop_rate\":100}");
	r = call(&rq);
	ck_assert_int_ne(r->curl_rc, 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers"), before + 1);
	set_faults("{\"drop_rate\":0}");
	r = ok(call(&rq));
	ck_assert_str_eq(r->replayed, "true");
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers"), before + 1);
	/* garbled replies do not parse */
	set_faults("{\"reset\":true,\"garble_rate\":100}");
	for (int i = 0; i < 6; i++) {
		r = SVC(K(FX_RECEPTION), "{\"service\":\"LayDanhSachHoSo\",\"SoBanGhi\":%d}", i + 1);
		ck_assert_int_eq(r->status, 200);
		ck_assert_msg(r->json == NULL, "reply %d still parses: %.80s", i, r->body);
	}
	/* latency applies to the portal too */
	set_faults("{\"reset\":true,\"latency_ms\":300}");
	r = GET("/api/portal");
	ck_assert_msg(r->seconds >= 0.3, "%.3f s", r->seconds);
	set_faults("{\"reset\":true}");
	ok(GET("/api/portal"));
}
END_TEST

/* ---- suite ---------------------------------------------------------------- */

static TCase *tc(Suite *s, const char *name, void (*setup)(void))
{
	TCase *t = tcase_create(name);

	tcase_add_unchecked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 120);
	suite_add_tcase(s, t);
	return t;
}

static Suite *portal_suite(void)
{
	Suite *s = suite_create("sandbox portal dialect");
	TCase *t;

	t = tc(s, "read", setup_plain);
	tcase_add_test(t, index_and_transport);
	tcase_add_test(t, auth_by_key);
	tcase_add_test(t, auth_by_login);
	tcase_add_test(t, procedures);
	tcase_add_test(t, units_and_users);
	tcase_add_test(t, list_paging_and_times);
	tcase_add_test(t, list_filters);
	tcase_add_test(t, detail);
	tcase_add_test(t, lookups_audited);
	tcase_add_test(t, stats);

	t = tc(s, "write", setup_plain);
	tcase_add_test(t, intake_idempotent);
	tcase_add_test(t, intake_invalid);
	tcase_add_test(t, workflow_full);
	tcase_add_test(t, workflow_refusals);
	tcase_add_test(t, version_conflict);
	tcase_add_test(t, action_idempotent);
	tcase_add_test(t, supplement_and_apology);

	t = tc(s, "faults", setup_faulty);
	tcase_add_test(t, faults_in_the_envelope);
	return s;
}

int main(void)
{
	return sbxh_run_suite(portal_suite());
}
