#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/ident.h"
#include "seed_priv.h"

/* The 34 provinces from 1 July 2025 (Decision 19/2025/QĐ-TTg). */
static const struct sbx_unit provinces[] = {
	{ "01", "Thành phố Hà Nội", NULL },	{ "04", "Tỉnh Cao Bằng", NULL },
	{ "08", "Tỉnh Tuyên Quang", NULL },	{ "11", "Tỉnh Điện Biên", NULL },
	{ "12", "Tỉnh Lai Châu", NULL },	{ "14", "Tỉnh Sơn La", NULL },
	{ "15", "Tỉnh Lào Cai", NULL },		{ "19", "Tỉnh Thái Nguyên", NULL },
	{ "20", "Tỉnh Lạng Sơn", NULL },	{ "22", "Tỉnh Quảng Ninh", NULL },
	{ "24", "Tỉnh Bắc Ninh", NULL },	{ "25", "Tỉnh Phú Thọ", NULL },
	{ "31", "Thành phố Hải Phòng", NULL },	{ "33", "Tỉnh Hưng Yên", NULL },
	{ "37", "Tỉnh Ninh Bình", NULL },	{ "38", "Tỉnh Thanh Hóa", NULL },
	{ "40", "Tỉnh Nghệ An", NULL },		{ "42", "Tỉnh Hà Tĩnh", NULL },
	{ "44", "Tỉnh Quảng Trị", NULL },	{ "46", "Thành phố Huế", NULL },
	{ "48", "Thành phố Đà Nẵng", NULL },	{ "51", "Tỉnh Quảng Ngãi", NULL },
	{ "52", "Tỉnh Gia Lai", NULL },		{ "56", "Tỉnh Khánh Hòa", NULL },
	{ "66", "Tỉnh Đắk Lắk", NULL },		{ "68", "Tỉnh Lâm Đồng", NULL },
	{ "75", "Tỉnh Đồng Nai", NULL },	{ "79", "Thành phố Hồ Chí Minh", NULL },
	{ "80", "Tỉnh Tây Ninh", NULL },	{ "82", "Tỉnh Đồng Tháp", NULL },
	{ "86", "Tỉnh Vĩnh Long", NULL },	{ "91", "Tỉnh An Giang", NULL },
	{ "92", "Thành phố Cần Thơ", NULL },	{ "96", "Tỉnh Cà Mau", NULL },
};

#define HN "01"

/* Every commune of Hà Nội, the sandbox's province, and a handful
 * elsewhere (codes and names per Decision 19/2025/QĐ-TTg). */
static const struct sbx_unit communes[] = {
	{ "00070", "Phường Hoàn Kiếm", HN }, { "00577", "Xã Bát Tràng", HN },
	{ "00004", "Phường Ba Đình", HN }, { "00008", "Phường Ngọc Hà", HN },
	{ "00025", "Phường Giảng Võ", HN }, { "00082", "Phường Cửa Nam", HN },
	{ "00091", "Phường Phú Thượng", HN }, { "00097", "Phường Hồng Hà", HN },
	{ "00103", "Phường Tây Hồ", HN }, { "00118", "Phường Bồ Đề", HN },
	{ "00127", "Phường Việt Hưng", HN }, { "00136", "Phường Phúc Lợi", HN },
	{ "00145", "Phường Long Biên", HN }, { "00160", "Phường Nghĩa Đô", HN },
	{ "00166", "Phường Cầu Giấy", HN }, { "00175", "Phường Yên Hòa", HN },
	{ "00190", "Phường Ô Chợ Dừa", HN }, { "00199", "Phường Láng", HN },
	{ "00226", "Phường Văn Miếu - Quốc Tử Giám", HN },
	{ "00229", "Phường Kim Liên", HN }, { "00235", "Phường Đống Đa", HN },
	{ "00256", "Phường Hai Bà Trưng", HN }, { "00283", "Phường Vĩnh Tuy", HN },
	{ "00292", "Phường Bạch Mai", HN }, { "00301", "Phường Vĩnh Hưng", HN },
	{ "00316", "Phường Định Công", HN }, { "00322", "Phường Tương Mai", HN },
	{ "00328", "Phường Lĩnh Nam", HN }, { "00331", "Phường Hoàng Mai", HN },
	{ "00337", "Phường Hoàng Liệt", HN }, { "00340", "Phường Yên Sở", HN },
	{ "00352", "Phường Phương Liệt", HN },
	{ "00364", "Phường Khương Đình", HN },
	{ "00367", "Phường Thanh Xuân", HN }, { "00592", "Phường Từ Liêm", HN },
	{ "00598", "Phường Thượng Cát", HN }, { "00602", "Phường Đông Ngạc", HN },
	{ "00611", "Phường Xuân Đỉnh", HN }, { "00613", "Phường Tây Tựu", HN },
	{ "00619", "Phường Phú Diễn", HN }, { "00622", "Phường Xuân Phương", HN },
	{ "00634", "Phường Tây Mỗ", HN }, { "00637", "Phường Đại Mỗ", HN },
	{ "00643", "Phường Thanh Liệt", HN }, { "09552", "Phường Kiến Hưng", HN },
	{ "09556", "Phường Hà Đông", HN }, { "09562", "Phường Yên Nghĩa", HN },
	{ "09568", "Phường Phú Lương", HN }, { "09574", "Phường Sơn Tây", HN },
	{ "09604", "Phường Tùng Thiện", HN }, { "09886", "Phường Dương Nội", HN },
	{ "10015", "Phường Chương Mỹ", HN }, { "00376", "Xã Sóc Sơn", HN },
	{ "00382", "Xã Kim Anh", HN }, { "00385", "Xã Trung Giã", HN },
	{ "00430", "Xã Đa Phúc", HN }, { "00433", "Xã Nội Bài", HN },
	{ "00454", "Xã Đông Anh", HN }, { "00466", "Xã Phúc Thịnh", HN },
	{ "00475", "Xã Thư Lâm", HN }, { "00493", "Xã Thiên Lộc", HN },
	{ "00508", "Xã Vĩnh Thanh", HN }, { "00541", "Xã Phù Đổng", HN },
	{ "00562", "Xã Thuận An", HN }, { "00565", "Xã Gia Lâm", HN },
	{ "00640", "Xã Thanh Trì", HN }, { "00664", "Xã Đại Thanh", HN },
	{ "00679", "Xã Ngọc Hồi", HN }, { "00685", "Xã Nam Phù", HN },
	{ "04930", "Xã Yên Xuân", HN }, { "08974", "Xã Quang Minh", HN },
	{ "08980", "Xã Yên Lãng", HN }, { "08995", "Xã Tiến Thắng", HN },
	{ "09022", "Xã Mê Linh", HN }, { "09616", "Xã Đoài Phương", HN },
	{ "09619", "Xã Quảng Oai", HN }, { "09634", "Xã Cổ Đô", HN },
	{ "09661", "Xã Minh Châu", HN }, { "09664", "Xã Vật Lại", HN },
	{ "09676", "Xã Bất Bạt", HN }, { "09694", "Xã Suối Hai", HN },
	{ "09700", "Xã Ba Vì", HN }, { "09706", "Xã Yên Bài", HN },
	{ "09715", "Xã Phúc Thọ", HN }, { "09739", "Xã Phúc Lộc", HN },
	{ "09772", "Xã Hát Môn", HN }, { "09784", "Xã Đan Phượng", HN },
	{ "09787", "Xã Liên Minh", HN }, { "09817", "Xã Ô Diên", HN },
	{ "09832", "Xã Hoài Đức", HN }, { "09856", "Xã Dương Hòa", HN },
	{ "09871", "Xã Sơn Đồng", HN }, { "09877", "Xã An Khánh", HN },
	{ "09895", "Xã Quốc Oai", HN }, { "09910", "Xã Kiều Phú", HN },
	{ "09931", "Xã Hưng Đạo", HN }, { "09952", "Xã Phú Cát", HN },
	{ "09955", "Xã Thạch Thất", HN }, { "09982", "Xã Hạ Bằng", HN },
	{ "09988", "Xã Hòa Lạc", HN }, { "10003", "Xã Tây Phương", HN },
	{ "10030", "Xã Phú Nghĩa", HN }, { "10045", "Xã Xuân Mai", HN },
	{ "10072", "Xã Quảng Bị", HN }, { "10081", "Xã Trần Phú", HN },
	{ "10096", "Xã Hòa Phú", HN }, { "10114", "Xã Thanh Oai", HN },
	{ "10126", "Xã Bình Minh", HN }, { "10144", "Xã Tam Hưng", HN },
	{ "10180", "Xã Dân Hòa", HN }, { "10183", "Xã Thường Tín", HN },
	{ "10210", "Xã Hồng Vân", HN }, { "10231", "Xã Thượng Phúc", HN },
	{ "10237", "Xã Chương Dương", HN }, { "10273", "Xã Phú Xuyên", HN },
	{ "10279", "Xã Phượng Dực", HN }, { "10330", "Xã Chuyên Mỹ", HN },
	{ "10342", "Xã Đại Xuyên", HN }, { "10354", "Xã Vân Đình", HN },
	{ "10369", "Xã Ứng Thiên", HN }, { "10402", "Xã Ứng Hòa", HN },
	{ "10417", "Xã Hòa Xá", HN }, { "10441", "Xã Mỹ Đức", HN },
	{ "10459", "Xã Phúc Sơn", HN }, { "10465", "Xã Hồng Sơn", HN },
	{ "10489", "Xã Hương Sơn", HN },
	/* elsewhere */
	{ "07210", "Phường Bắc Giang", "24" }, { "09187", "Phường Kinh Bắc", "24" },
	{ "09169", "Phường Vũ Ninh", "24" }, { "09367", "Phường Từ Sơn", "24" },
	{ "09400", "Phường Thuận Thành", "24" }, { "09319", "Xã Tiên Du", "24" },
	{ "09193", "Xã Yên Phong", "24" }, { "09454", "Xã Gia Bình", "24" },
	{ "26740", "Phường Sài Gòn", "79" }, { "26743", "Phường Bến Thành", "79" },
	{ "26737", "Phường Tân Định", "79" }, { "27343", "Phường Chợ Lớn", "79" },
	{ "26824", "Phường Thủ Đức", "79" }, { "25747", "Phường Thủ Dầu Một", "79" },
	{ "26506", "Phường Vũng Tàu", "79" }, { "27553", "Xã Củ Chi", "79" },
	{ "27664", "Xã Cần Giờ", "79" }, { "26732", "Đặc khu Côn Đảo", "79" },
	{ "20242", "Phường Hải Châu", "48" }, { "20263", "Phường Sơn Trà", "48" },
	{ "20410", "Phường Hội An", "48" }, { "20341", "Phường Tam Kỳ", "48" },
	{ "20320", "Xã Hòa Vang", "48" }, { "20333", "Đặc khu Hoàng Sa", "48" },
	{ "06685", "Phường Hồng Gai", "22" }, { "06688", "Phường Hạ Long", "22" },
	{ "06673", "Phường Bãi Cháy", "22" }, { "06862", "Xã Tiên Yên", "22" },
	{ "06994", "Đặc khu Vân Đồn", "22" }, { "07192", "Đặc khu Cô Tô", "22" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NHANOI 126		/* the first 126 communes */

/* The pre-2025 code that births registered in a new province carry; the
 * seat of the merged province when several merged. */
static int old_code_of(const char *province)
{
	static const struct { const char *p; int old; } map[] = {
		{ "01", 1 }, { "24", 24 }, { "79", 79 }, { "48", 48 },
		{ "22", 22 },
	};

	for (size_t i = 0; i < N(map); i++)
		if (!strcmp(map[i].p, province))
			return map[i].old;
	return 1;
}

/* Streets of the old quarter, for Phường Hoàn Kiếm. */
static const char *const hk_streets[] = {
	"Hàng Bạc", "Hàng Đào", "Hàng Gai", "Hàng Bồ", "Hàng Buồm", "Hàng Mã",
	"Hàng Ngang", "Hàng Bông", "Hàng Trống", "Lý Thái Tổ", "Đinh Tiên Hoàng",
	"Hàng Bè", "Mã Mây", "Tạ Hiện", "Lương Văn Can", "Hàng Thiếc",
	"Hàng Nón", "Hàng Hòm", "Hàng Quạt", "Cầu Gỗ", "Nguyễn Hữu Huân",
	"Lý Quốc Sư", "Nhà Thờ", "Bảo Khánh", "Hàng Khay", "Tràng Tiền",
	"Hàng Chiếu", "Đào Duy Từ", "Hàng Muối", "Ô Quan Chưởng",
};

/* Villages of Xã Bát Tràng. */
static const char *const bt_villages[] = {
	"Bát Tràng", "Giang Cao", "Kim Lan", "Văn Đức",
};

static const char *const hn_streets[] = {
	"phố Kim Mã", "phố Giảng Võ", "đường Láng", "phố Láng Hạ",
	"đường Nguyễn Chí Thanh", "phố Xã Đàn", "đường Giải Phóng",
	"đường Trường Chinh", "đường Cầu Giấy", "đường Xuân Thủy",
	"đường Trần Duy Hưng", "đường Nguyễn Trãi", "phố Minh Khai",
	"phố Bạch Mai", "đường Lạc Long Quân", "đường Âu Cơ",
	"đường Nguyễn Văn Cừ", "phố Ngọc Lâm", "đường Lê Văn Lương",
	"đường Tố Hữu", "phố Quang Trung", "phố Huế", "phố Tôn Đức Thắng",
	"phố Hoàng Hoa Thám", "phố Đội Cấn", "đường Phạm Văn Đồng",
	"đường Hồ Tùng Mậu", "phố Trần Cung", "đường Lĩnh Nam",
	"phố Tam Trinh", "đường Kim Giang", "phố Vũ Tông Phan",
};

static const char *const towns_streets[] = {
	"đường Lê Lợi", "đường Trần Hưng Đạo", "đường Nguyễn Huệ",
	"đường Hai Bà Trưng", "đường Lý Thường Kiệt", "đường Quang Trung",
	"đường Nguyễn Văn Linh", "đường Hùng Vương", "đường Lê Duẩn",
	"đường Nguyễn Trãi",
};

static const char *const villages[] = {
	"Đông", "Đoài", "Thượng", "Hạ", "Trung", "Nội", "An Lạc", "Phú Mỹ",
	"Yên Thái", "Đồng Tâm", "Tân Phú", "Phú Thọ", "Bình Minh", "Hòa Bình",
	"Xuân Đỉnh", "Đại Đồng",
};

static const struct sbx_unit *find_commune(const char *code)
{
	for (size_t i = 0; i < N(communes); i++)
		if (!strcmp(communes[i].code, code))
			return &communes[i];
	return NULL;
}

static const char *province_name(const char *code)
{
	for (size_t i = 0; i < N(provinces); i++)
		if (!strcmp(provinces[i].code, code))
			return provinces[i].name;
	return "";
}

const char *sbx_seed_unit_name(const char *code)
{
	const struct sbx_unit *u = find_commune(code);

	return u ? u->name : province_name(code);
}

int sbx_seed_old_code(const char *commune_code)
{
	const struct sbx_unit *u = find_commune(commune_code);

	return old_code_of(u ? u->province : HN);
}

#define PICK(r, a) ((a)[rng_below((r), (uint32_t)N(a))])

void sbx_seed_address(struct rng *r, const char *commune_code, char *buf,
		      size_t n)
{
	const struct sbx_unit *u = find_commune(commune_code);
	const char *where, *prov;
	char place[120];
	bool ward;

	if (!u)
		u = &communes[0];
	where = u->name;
	prov = province_name(u->province);
	ward = !strncmp(where, "Phường", strlen("Phường"));
	if (!strcmp(u->code, "00070")) {
		if (rng_pct(r, 70))
			snprintf(place, sizeof place, "Số %d phố %s",
				 rng_range(r, 1, 150), PICK(r, hk_streets));
		else
			snprintf(place, sizeof place, "Số %d, ngõ %d phố %s",
				 rng_range(r, 1, 40), rng_range(r, 2, 60),
				 PICK(r, hk_streets));
	} else if (!strcmp(u->code, "00577")) {
		snprintf(place, sizeof place, "Xóm %d, thôn %s",
			 rng_range(r, 1, 9), PICK(r, bt_villages));
	} else if (ward && !strcmp(u->province, HN)) {
		if (rng_pct(r, 55))
			snprintf(place, sizeof place, "Số %d, ngõ %d %s",
				 rng_range(r, 1, 80), rng_range(r, 2, 300),
				 PICK(r, hn_streets));
		else
			snprintf(place, sizeof place, "Số %d %s",
				 rng_range(r, 1, 400), PICK(r, hn_streets));
	} else if (ward) {
		snprintf(place, sizeof place, "Số %d %s", rng_range(r, 1, 300),
			 PICK(r, towns_streets));
	} else if (!strncmp(where, "Đặc khu", strlen("Đặc khu"))) {
		snprintf(place, sizeof place, "Khu %d", rng_range(r, 1, 8));
	} else {
		snprintf(place, sizeof place, "Thôn %s", PICK(r, villages));
	}
	snprintf(buf, n, "%s, %s, %s", place, where, prov);
}

const char *sbx_seed_pick_commune(struct rng *r, bool hanoi_only)
{
	unsigned x = rng_below(r, 100);

	if (x < 30)
		return communes[0].code;	/* Phường Hoàn Kiếm */
	if (x < 55)
		return communes[1].code;	/* Xã Bát Tràng */
	if (x < 90 || hanoi_only)
		return communes[rng_range(r, 2, NHANOI - 1)].code;
	return communes[rng_range(r, NHANOI, (int)N(communes) - 1)].code;
}

/* Old provinces that were centrally run cities before 2025. */
static bool old_city(int code)
{
	return code == 1 || code == 31 || code == 48 || code == 79 ||
	       code == 92;
}

void sbx_seed_old_province(int old_code, char *buf, size_t n)
{
	const char *name = ident_province_name(old_code);

	if (!name)
		snprintf(buf, n, "Cơ quan đại diện Việt Nam ở nước ngoài");
	else
		snprintf(buf, n, "%s %s", old_city(old_code) ? "Thành phố" :
			 "Tỉnh", name);
}

int sbx_seed_pick_origin(struct rng *r)
{
	/* Where people living in Hà Nội were born: the capital, then the
	 * Red River delta and the north central coast. */
	static const struct { int code; unsigned w; } origin[] = {
		{ 1, 520 }, { 36, 40 }, { 34, 40 }, { 38, 40 }, { 40, 35 },
		{ 30, 35 }, { 33, 30 }, { 35, 25 }, { 27, 25 }, { 24, 20 },
		{ 26, 20 }, { 25, 20 }, { 37, 20 }, { 42, 20 }, { 31, 20 },
		{ 19, 15 }, { 22, 10 }, { 17, 10 }, { 20, 8 }, { 8, 8 },
		{ 15, 6 }, { 10, 5 }, { 14, 5 }, { 2, 4 }, { 4, 4 }, { 6, 3 },
		{ 11, 2 }, { 12, 2 }, { 44, 6 }, { 45, 4 }, { 46, 5 }, { 48, 5 },
		{ 49, 4 }, { 51, 3 }, { 52, 3 }, { 79, 10 }, { 92, 2 },
		{ 66, 3 }, { 68, 2 }, { 75, 2 }, { 56, 2 },
		{ 131, 3 },	/* registered abroad */
	};
	unsigned w[N(origin)];

	for (size_t i = 0; i < N(origin); i++)
		w[i] = origin[i].w;
	return origin[rng_weighted(r, w, N(origin))].code;
}

int sbx_seed_units(sqlite3 *db, struct err *e)
{
	static const char sql[] =
		"INSERT INTO units (code, name, level, parent) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return err_set(e, _("cannot prepare the insert of units: %s"),
			       sqlite3_errmsg(db));
	for (size_t i = 0; i < N(provinces) + N(communes) && !rc; i++) {
		const struct sbx_unit *u = i < N(provinces) ? &provinces[i] :
					   &communes[i - N(provinces)];

		sbx_seed_bind_text(st, 1, u->code);
		sbx_seed_bind_text(st, 2, u->name);
		sbx_seed_bind_text(st, 3, u->province ? "commune" : "province");
		sbx_seed_bind_text(st, 4, u->province);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = err_set(e, _("cannot insert unit %s (%s): %s"),
				     u->code, u->name, sqlite3_errmsg(db));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}
