#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/password.h"
#include "fixture.h"
#include "sandbox/sbx_db.h"

static const char base_sql[] =
	"INSERT INTO units (code, name, level, parent) VALUES"
	" ('01', 'Thành phố Hà Nội', 'province', NULL),"
	" ('79', 'Thành phố Hồ Chí Minh', 'province', NULL),"
	" ('00070', 'Phường Hoàn Kiếm', 'commune', '01'),"
	" ('00577', 'Xã Bát Tràng', 'commune', '01'),"
	" ('00004', 'Phường Ba Đình', 'commune', '01'),"
	" ('26734', 'Phường Sài Gòn', 'commune', '79');"
	"INSERT INTO agencies (id, name, unit_code, code_prefix) VALUES"
	" ('" FX_AGENCY "', 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm', '00070', 'FX1'),"
	" ('" FX_AGENCY2 "', 'Trung tâm Phục vụ hành chính công xã Bát Tràng', '00577', 'FX2');"
	"INSERT INTO procedures (code, name, field, level, minutes, days_text, cutoff_minute,"
	" fee, fee_note, result, joint) VALUES"
	" ('" FX_PROC_BIRTH "', 'Đăng ký khai sinh', 'Hộ tịch', 'commune', 1440,"
	"  '03 ngày làm việc', NULL, 0, 'Miễn lệ phí', 'Giấy khai sinh', 0),"
	" ('" FX_PROC_COPY "', 'Chứng thực bản sao từ bản chính', 'Chứng thực', 'commune', 0,"
	"  'Trong ngày làm việc', 900, 2000, '2.000 đồng/trang', 'Bản sao có chứng thực', 0),"
	" ('" FX_PROC_BIZ "', 'Đăng ký thành lập hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh',"
	"  'commune', 1440, '03 ngày làm việc', NULL, 100000, NULL, 'Giấy chứng nhận đăng ký hộ kinh doanh', 0),"
	" ('" FX_PROC_JOINT "', 'Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi',"
	"  'Hộ tịch', 'commune', 2400, '05 ngày làm việc', 900, 0, NULL, 'Giấy khai sinh, thẻ BHYT', 1);"
	"INSERT INTO procedure_parts VALUES ('" FX_PROC_JOINT "', '" FX_PROC_BIRTH "');"
	"INSERT INTO procedure_components (procedure_code, seq, name, copies, required, national_source) VALUES"
	" ('" FX_PROC_BIRTH "', 1, 'Tờ khai đăng ký khai sinh', 1, 1, NULL),"
	" ('" FX_PROC_BIRTH "', 2, 'Giấy chứng sinh', 1, 1, NULL),"
	" ('" FX_PROC_BIRTH "', 3, 'Căn cước của người đi đăng ký', 1, 1, 'population'),"
	" ('" FX_PROC_BIRTH "', 4, 'Văn bản ủy quyền', 1, 0, NULL),"
	" ('" FX_PROC_COPY "', 1, 'Bản chính giấy tờ', 1, 1, NULL),"
	" ('" FX_PROC_BIZ "', 1, 'Giấy đề nghị đăng ký hộ kinh doanh', 1, 1, NULL),"
	" ('" FX_PROC_BIZ "', 2, 'Căn cước của chủ hộ', 1, 1, 'population'),"
	" ('" FX_PROC_JOINT "', 1, 'Tờ khai liên thông', 1, 1, NULL);"
	"INSERT INTO procedure_fields (procedure_code, seq, key, label, type, required, pattern,"
	" options, lookup, fill_from) VALUES"
	" ('" FX_PROC_BIRTH "', 1, 'applicant.id_number', 'Số định danh người đi đăng ký', 'id_number', 1, NULL, NULL, 'citizen', NULL),"
	" ('" FX_PROC_BIRTH "', 2, 'applicant.full_name', 'Họ và tên người đi đăng ký', 'text', 1, NULL, NULL, NULL, 'citizen:full_name'),"
	" ('" FX_PROC_BIRTH "', 3, 'child.full_name', 'Họ và tên trẻ', 'text', 1, NULL, NULL, NULL, NULL),"
	" ('" FX_PROC_BIRTH "', 4, 'child.birth_date', 'Ngày sinh', 'date', 1, NULL, NULL, NULL, NULL),"
	" ('" FX_PROC_BIRTH "', 5, 'child.sex', 'Giới tính', 'select', 1, NULL, '[\"Nam\",\"Nữ\"]', NULL, NULL),"
	" ('" FX_PROC_BIRTH "', 6, 'contact.phone', 'Số điện thoại', 'phone', 0, NULL, NULL, NULL, 'citizen:phone'),"
	" ('" FX_PROC_BIRTH "', 7, 'contact.email', 'Thư điện tử', 'email', 0, NULL, NULL, NULL, NULL),"
	" ('" FX_PROC_COPY "', 1, 'document.name', 'Tên giấy tờ', 'text', 1, NULL, NULL, NULL, NULL),"
	" ('" FX_PROC_COPY "', 2, 'document.pages', 'Số trang', 'number', 1, NULL, NULL, NULL, NULL),"
	" ('" FX_PROC_BIZ "', 1, 'business.tax_code', 'Mã số thuế', 'tax_code', 0, NULL, NULL, 'enterprise', NULL),"
	" ('" FX_PROC_BIZ "', 2, 'business.name', 'Tên hộ kinh doanh', 'text', 1, NULL, NULL, NULL, 'enterprise:name');"
	"INSERT INTO citizens (id_number, full_name, other_name, birth_date, sex, birth_place,"
	" birth_registration_place, home_town, ethnicity, religion, nationality, permanent_address,"
	" permanent_unit, temporary_address, current_address, marital_status, household_head_id,"
	" relation_to_head, father_name, mother_name, spouse_name, phone, email) VALUES"
	" ('" FX_CITIZEN "', 'Nguyễn Văn An', NULL, '1985-03-12', 'M', 'Hà Nội', 'Thành phố Hà Nội',"
	"  'Hà Nội', 'Kinh', 'Không', 'Việt Nam', '12 Hàng Bài, phường Hoàn Kiếm, Hà Nội', '00070', NULL,"
	"  '12 Hàng Bài, phường Hoàn Kiếm, Hà Nội', 'Đã kết hôn', '" FX_CITIZEN "', 'Chủ hộ',"
	"  'Nguyễn Văn Bảo', 'Lê Thị Cúc', 'Phạm Thị Dung', '0912345678', 'an.nguyen@example.vn'),"
	" ('" FX_CITIZEN2 "', 'Trần Thị Bình', NULL, '1990-07-01', 'F', 'TP Hồ Chí Minh',"
	"  'Thành phố Hồ Chí Minh', 'Nam Định', 'Kinh', 'Công giáo', 'Việt Nam',"
	"  '5 Lê Lợi, phường Sài Gòn, TP Hồ Chí Minh', '26734', NULL, '5 Lê Lợi, phường Sài Gòn',"
	"  'Độc thân', '" FX_CITIZEN2 "', 'Chủ hộ', 'Trần Văn Cường', 'Đỗ Thị Hạnh', NULL, NULL, NULL);"
	"INSERT INTO enterprises (tax_code, name, short_name, kind, address, unit_code, representative,"
	" representative_id, established, status, business_line, capital, phone) VALUES"
	" ('" FX_ENTERPRISE "', 'Công ty TNHH Thương mại Hoàn Kiếm', 'HK Trading', 'Công ty TNHH',"
	"  '20 Tràng Tiền, phường Hoàn Kiếm, Hà Nội', '00070', 'Nguyễn Văn An', '" FX_CITIZEN "',"
	"  '2010-05-20', 'active', 'Bán lẻ', 5000000000, '02439123456');";

/* Fixture dossier i of FX_AGENCY (1..60): statuses cycle through
 * 2, 4, 4, 5, 9, 10; received from 1 October 2025 08:00 one hour apart;
 * due from 13 October 09:00 six hours apart (so the first ones are
 * overdue at FX_CLOCK); finished early, on time or late in turn
 * (by i / 6 % 3: 0005 early, 0006 and 0011 on time, 0012 late). */
static const int cycle[] = { 2, 4, 4, 5, 9, 10 };
static const char *const steps[] = { [2] = "assignment", [4] = "processing",
	[5] = "processing", [9] = "return", [10] = "done" };
static const char *const names[] = {
	"Nguyễn Văn Đức", "Trần Thị Hoa", "Lê Minh Tuấn", "Phạm Thu Hằng",
	"Hoàng Văn Nam", "Vũ Thị Lan",
};

static int exec(sqlite3 *db, const char *sql, char *err, size_t errsz)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errsz, "fixture: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int add_users(sqlite3 *db, char *err, size_t errsz)
{
	static const struct { const char *login, *name, *role, *agency; } users[] = {
		{ FX_RECEPTION, "Nguyễn Thị Tiếp", "reception", FX_AGENCY },
		{ FX_SPECIALIST, FX_SPECIALIST_NAME, "specialist", FX_AGENCY },
		{ FX_SPECIALIST2, "Phạm Thị Viên", "specialist", FX_AGENCY },
		{ FX_LEADER, "Đỗ Văn Lãnh", "leader", FX_AGENCY },
		{ FX_RECORDS, "Ngô Thị Văn", "records", FX_AGENCY },
		{ FX_RECEPTION2, "Trần Văn Nhận", "reception", FX_AGENCY2 },
	};
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "INSERT INTO users (id, login, full_name, role, agency_id,"
			       " salt, pw_hash, api_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
		char salt[33], hash[PW_SHA256_HEX], pw[64], key[48];

		snprintf(salt, sizeof salt, "%032zx", i + 0xabc);
		snprintf(pw, sizeof pw, "pw-%s", users[i].login);
		snprintf(key, sizeof key, "key-%s", users[i].login);
		pw_hash(salt, pw, hash);
		sqlite3_bind_int(st, 1, (int)i + 1);
		sqlite3_bind_text(st, 2, users[i].login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, users[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, users[i].role, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, users[i].agency, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, salt, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 7, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 8, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
fail:
	snprintf(err, errsz, "fixture users: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return -1;
}

static int add_dossier(sqlite3 *db, sqlite3_stmt *st, const char *agency, const char *prefix,
		       int i, int64_t seq)
{
	int status = cycle[(i - 1) % 6];
	int64_t received = cal_join(2025, 10, 1, 8, 0, 0) + (int64_t)(i - 1) * 3600;
	int64_t due = cal_join(2025, 10, 13, 9, 0, 0) + (int64_t)(i - 1) * 6 * 3600;
	int64_t fin = 0;
	char code[64], name[96], id[24];

	(void)db;
	snprintf(code, sizeof code, "%s-251001-%04d", prefix, i);
	snprintf(name, sizeof name, "%s %d", names[(i - 1) % 6], i);
	snprintf(id, sizeof id, "0010850%05d", i);
	if (status >= 9) {
		switch (i / 6 % 3) {
		case 0: fin = due - 2 * 86400; break;	/* early */
		case 1: fin = due - 3600; break;	/* on time, same day */
		default: fin = due + 86400; break;	/* late */
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, i % 5 == 0 ? FX_PROC_COPY : FX_PROC_BIRTH, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, agency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, i % 4 == 0 ? 2 : 1);		/* a quarter online */
	sqlite3_bind_int(st, 7, status);
	sqlite3_bind_text(st, 8, steps[status], -1, SQLITE_STATIC);
	if (status == 4 || status == 5 || status >= 9)
		sqlite3_bind_int(st, 9, i % 2 ? 2 : 3);		/* cv1 or cv2 */
	sqlite3_bind_int64(st, 10, received);
	sqlite3_bind_int64(st, 11, received);
	sqlite3_bind_int64(st, 12, due);
	if (fin)
		sqlite3_bind_int64(st, 13, fin);
	if (status == 10)
		sqlite3_bind_int64(st, 14, fin + 3600);
	sqlite3_bind_int64(st, 15, seq);
	sqlite3_bind_int64(st, 16, fin ? fin : received);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

static int add_dossiers(sqlite3 *db, char *err, size_t errsz)
{
	sqlite3_stmt *st = NULL, *comp = NULL;
	int64_t seq = 0;

	if (sqlite3_prepare_v2(db, "INSERT INTO dossiers (code, procedure_code, agency_id,"
		" applicant_name, applicant_id, channel, status, step, assignee_id, submitted_at,"
		" received_at, due_at, finished_at, returned_at, form, version, change_seq,"
		" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		" ?12, ?13, ?14, '{}', 1, ?15, ?10, ?16)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO dossier_components (dossier_code, seq, name,"
		" copies, from_national, provided) SELECT d.code, c.seq, c.name, c.copies,"
		" c.national_source IS NOT NULL, 1 FROM dossiers d JOIN procedure_components c"
		" ON c.procedure_code = d.procedure_code", -1, &comp, NULL) != SQLITE_OK)
		goto fail;
	for (int i = 1; i <= FX_DOSSIERS; i++)
		if (add_dossier(db, st, FX_AGENCY, "FX1", i, ++seq) < 0)
			goto fail;
	for (int i = 1; i <= FX_DOSSIERS2; i++)
		if (add_dossier(db, st, FX_AGENCY2, "FX2", i, ++seq) < 0)
			goto fail;
	if (sqlite3_step(comp) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	sqlite3_finalize(comp);
	{
		char sql[128];

		snprintf(sql, sizeof sql, "INSERT INTO meta (key, value) VALUES ('change_seq', '%lld')",
			 (long long)seq);
		return exec(db, sql, err, errsz);
	}
fail:
	snprintf(err, errsz, "fixture dossiers: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_finalize(comp);
	return -1;
}

int fx_fill(sqlite3 *db, char *err, size_t errsz)
{
	if (exec(db, "BEGIN", err, errsz) < 0)
		return -1;
	if (exec(db, base_sql, err, errsz) < 0 || add_users(db, err, errsz) < 0 ||
	    add_dossiers(db, err, errsz) < 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return exec(db, "COMMIT", err, errsz);
}

int fx_create(const char *path, char *err, size_t errsz)
{
	sqlite3 *db;
	bool created;
	struct err e;
	int rc;

	if (sbx_db_open(path, true, &db, &created, &e) < 0) {
		snprintf(err, errsz, "%s", e.msg);
		return -1;
	}
	rc = fx_fill(db, err, errsz);
	sbx_db_close(db);
	return rc;
}
