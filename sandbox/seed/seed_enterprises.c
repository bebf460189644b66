/* The enterprise register: companies, branches and household businesses
 * with valid tax codes (ident_tax_make). Companies of Hà Nội carry the
 * city's 01 prefix; household businesses carry a personal tax code (8...).
 * Many representatives are people of the population register. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/ident.h"
#include "core/when.h"
#include "seed_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[rng_below((r), (uint32_t)N(a))])

struct sector {
	const char *words;		/* in the name */
	const char *line;		/* business line, VSIC 2018 */
};

static const struct sector sectors[] = {
	{ "Thương mại Dịch vụ", "4690 - Bán buôn tổng hợp" },
	{ "Thương mại và Dịch vụ", "4690 - Bán buôn tổng hợp" },
	{ "Xây dựng và Thương mại", "4100 - Xây dựng nhà các loại" },
	{ "Đầu tư và Phát triển", "6810 - Kinh doanh bất động sản, quyền sử "
	  "dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê" },
	{ "Công nghệ", "6201 - Lập trình máy vi tính" },
	{ "Vận tải", "4933 - Vận tải hàng hóa bằng đường bộ" },
	{ "Du lịch", "7911 - Đại lý du lịch" },
	{ "Thực phẩm", "1079 - Sản xuất thực phẩm khác chưa được phân vào đâu" },
	{ "Gốm sứ", "2393 - Sản xuất sản phẩm gốm sứ khác" },
	{ "Kỹ thuật", "7110 - Hoạt động kiến trúc và tư vấn kỹ thuật có liên "
	  "quan" },
	{ "Tư vấn", "7020 - Hoạt động tư vấn quản lý" },
	{ "Xuất nhập khẩu", "4690 - Bán buôn tổng hợp" },
	{ "In ấn", "1811 - In ấn" },
	{ "Nội thất", "3100 - Sản xuất giường, tủ, bàn, ghế" },
	{ "May mặc", "1410 - May trang phục (trừ trang phục từ da lông thú)" },
	{ "Giáo dục", "8559 - Giáo dục khác chưa được phân vào đâu" },
	{ "Truyền thông", "7310 - Quảng cáo" },
	{ "Dược phẩm", "4649 - Bán buôn đồ dùng khác cho gia đình" },
	{ "Môi trường", "3811 - Thu gom rác thải không độc hại" },
	{ "Điện tử", "4652 - Bán buôn thiết bị và linh kiện điện tử, viễn "
	  "thông" },
};

/* A household business: its shop and line. */
static const struct sector shops[] = {
	{ "Cửa hàng tạp hóa", "4711 - Bán lẻ lương thực, thực phẩm, đồ uống, "
	  "thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh "
	  "tổng hợp" },
	{ "Gốm sứ", "2393 - Sản xuất sản phẩm gốm sứ khác" },
	{ "Quán phở", "5610 - Nhà hàng và các dịch vụ ăn uống phục vụ lưu "
	  "động" },
	{ "Cà phê", "5630 - Dịch vụ phục vụ đồ uống" },
	{ "Tiệm may", "1410 - May trang phục (trừ trang phục từ da lông thú)" },
	{ "Salon tóc", "9631 - Cắt tóc, làm đầu, gội đầu" },
	{ "Sửa chữa xe máy", "4542 - Bảo dưỡng và sửa chữa mô tô, xe máy" },
	{ "Cửa hàng điện thoại", "4741 - Bán lẻ máy vi tính, thiết bị ngoại vi, "
	  "phần mềm và thiết bị viễn thông trong các cửa hàng chuyên doanh" },
	{ "Bánh mì", "1071 - Sản xuất các loại bánh từ bột" },
	{ "Nhà thuốc", "4772 - Bán lẻ thuốc, dụng cụ y tế, mỹ phẩm và vật phẩm "
	  "vệ sinh trong các cửa hàng chuyên doanh" },
	{ "Nhà nghỉ", "5510 - Dịch vụ lưu trú ngắn ngày" },
	{ "Văn phòng phẩm", "4761 - Bán lẻ sách, báo, tạp chí văn phòng phẩm "
	  "trong các cửa hàng chuyên doanh" },
};

static const char *const brand_a[] = {
	"Minh", "Hoàng", "An", "Thành", "Phú", "Việt", "Tân", "Hưng", "Đại",
	"Sao", "Bình", "Hồng", "Thăng", "Hà", "Kinh", "Trường", "Nam",
	"Phương", "Hải", "Đức", "Gia", "Bảo", "Kim", "Ngọc", "Thiên", "Quang",
	"Toàn", "Vạn", "Hòa", "Hợp",
};

static const char *const brand_b[] = {
	"Phát", "Long", "Khang", "Đạt", "Gia", "Hưng", "Thịnh", "Mai", "Minh",
	"Hà", "Bắc", "An", "Việt", "Phong", "Thành", "Lộc", "Tài", "Tín",
	"Nguyên", "Phúc", "Lợi", "Sơn", "Anh", "Đông", "Á", "Dương",
};

struct kind {
	const char *kind, *prefix, *suffix;
	unsigned w;
	int64_t cap_lo, cap_hi;		/* capital in millions */
};

static const struct kind kinds[] = {
	{ "Công ty TNHH", "Công ty TNHH", "CO., LTD", 40, 500, 20000 },
	{ "Công ty TNHH một thành viên", "Công ty TNHH Một thành viên",
	  "ONE MEMBER CO., LTD", 12, 300, 10000 },
	{ "Công ty cổ phần", "Công ty Cổ phần", "JSC", 18, 5000, 200000 },
	{ "Hộ kinh doanh", "Hộ kinh doanh", NULL, 25, 20, 2000 },
	{ "Doanh nghiệp tư nhân", "Doanh nghiệp tư nhân", NULL, 3, 200, 5000 },
	{ "Hợp tác xã", "Hợp tác xã", NULL, 2, 100, 3000 },
};

#define HKD 3

struct egen {
	struct sbx_seed_ctx *c;
	struct sbx_idset *ids;
	struct rng r;
};

/* The first two digits of an enterprise code are the tax department's
 * province code, not the administrative one: Hà Nội 01, Hồ Chí Minh City
 * 03, Đà Nẵng 04, Bắc Ninh 23, Quảng Ninh 57. */
static unsigned tax_province(int old_code)
{
	switch (old_code) {
	case 79: return 3;
	case 48: return 4;
	case 24: return 23;
	case 22: return 57;
	default: return 1;
	}
}

static void tax_code(struct egen *g, struct sbx_enterprise *x, bool personal,
		     const char *unit)
{
	unsigned tp = tax_province(sbx_seed_old_code(unit));
	char prefix[10];

	do {
		if (personal)	/* personal tax codes: 8... */
			snprintf(prefix, sizeof prefix, "8%08u",
				 rng_below(&g->r, 100000000));
		else
			snprintf(prefix, sizeof prefix, "%02u%07u", tp % 100,
				 100000 + rng_below(&g->r, tp == 1 ? 1000000 :
						    800000));
	} while (ident_tax_make(prefix, x->tax, sizeof x->tax, NULL) ||
		 !sbx_idset_add(g->ids, x->tax));
}

/* An adult of the register to represent a business, or -1. */
static int representative(struct egen *g)
{
	for (int tries = 0; tries < 20; tries++) {
		int i = (int)rng_below(&g->r, (uint32_t)g->c->ncit);

		if (g->c->cit[i].age >= 22 && g->c->cit[i].age <= 70)
			return i;
	}
	return -1;
}

static void date_between(struct egen *g, int y0, char *buf, size_t len)
{
	int y = rng_range(&g->r, y0, g->c->now.year - 1);
	int m = rng_range(&g->r, 1, 12);

	when_iso_ymd(y, m, rng_range(&g->r, 1, ident_days_in_month(y, m)), buf, len);
}

static void status(struct egen *g, struct sbx_enterprise *x)
{
	unsigned v = rng_below(&g->r, 100);

	x->status = v < 88 ? "active" : v < 95 ? "suspended" : "dissolved";
}

static void one(struct egen *g, struct sbx_enterprise *x)
{
	const struct kind *k = &kinds[rng_weighted(&g->r, (const unsigned[]){
		kinds[0].w, kinds[1].w, kinds[2].w, kinds[3].w, kinds[4].w,
		kinds[5].w }, N(kinds))];
	bool hkd = k == &kinds[HKD];
	const char *unit = sbx_seed_pick_commune(&g->r, false);
	const char *a = PICK(&g->r, brand_a), *b = PICK(&g->r, brand_b);
	char brand[40], folded[48];

	if (!strcmp(a, b))
		b = "Phát";
	snprintf(brand, sizeof brand, "%s %s", a, b);
	memset(x, 0, sizeof *x);
	x->kind = k->kind;
	x->unit = unit;
	x->rep_idx = rng_pct(&g->r, hkd ? 90 : 60) ? representative(g) : -1;
	if (x->rep_idx >= 0)
		snprintf(x->rep, sizeof x->rep, "%s", g->c->cit[x->rep_idx].name);
	else
		sbx_seed_name(&g->r, rng_pct(&g->r, 60) ? 'M' : 'F',
			      g->c->now.year - rng_range(&g->r, 25, 65), NULL,
			      x->rep, sizeof x->rep);
	if (hkd) {
		const struct sector *s = &shops[rng_below(&g->r, N(shops))];

		/* Bát Tràng is the pottery village. */
		if (!strcmp(unit, "00577") && rng_pct(&g->r, 60))
			s = &shops[1];
		if (rng_pct(&g->r, 40))
			snprintf(x->name, sizeof x->name, "Hộ kinh doanh %s",
				 x->rep);
		else
			snprintf(x->name, sizeof x->name, "Hộ kinh doanh %s %s",
				 s->words, sbx_seed_given(x->rep));
		x->line = s->line;
		tax_code(g, x, true, unit);
		date_between(g, 2000, x->established, sizeof x->established);
		sbx_seed_mobile(&g->r, x->phone);
	} else {
		const struct sector *s = &sectors[rng_below(&g->r, N(sectors))];

		if (!strcmp(unit, "00577") && rng_pct(&g->r, 50))
			s = &sectors[8];
		if (!strcmp(k->kind, "Doanh nghiệp tư nhân"))
			snprintf(x->name, sizeof x->name, "%s %s", k->prefix,
				 brand);
		else if (!strcmp(k->kind, "Hợp tác xã"))
			snprintf(x->name, sizeof x->name, "%s %s %s", k->prefix,
				 s->words, sbx_seed_unit_name(unit) +
				 (strchr(sbx_seed_unit_name(unit), ' ') -
				  sbx_seed_unit_name(unit)) + 1);
		else
			snprintf(x->name, sizeof x->name, "%s %s %s", k->prefix,
				 s->words, brand);
		x->line = s->line;
		if (k->suffix) {
			sbx_seed_fold(brand, folded, sizeof folded);
			for (char *p = folded; *p; p++)
				if (*p >= 'a' && *p <= 'z')
					*p = (char)(*p - 'a' + 'A');
			snprintf(x->short_name, sizeof x->short_name, "%s %s",
				 folded, k->suffix);
		}
		tax_code(g, x, false, unit);
		date_between(g, 1995, x->established, sizeof x->established);
		if (sbx_seed_old_code(unit) == 1 && rng_pct(&g->r, 60))
			snprintf(x->phone, sizeof x->phone, "024%08u",
				 rng_below(&g->r, 100000000));
		else
			sbx_seed_mobile(&g->r, x->phone);
	}
	sbx_seed_address(&g->r, unit, x->address, sizeof x->address);
	x->capital = (int64_t)rng_range(&g->r, (int)k->cap_lo, (int)k->cap_hi) *
		     1000000;
	status(g, x);
}

/* A branch of an existing company: its code with a branch number. */
static bool branch(struct egen *g, struct sbx_enterprise *x)
{
	const struct sbx_enterprise *parent = NULL;
	const char *unit = sbx_seed_pick_commune(&g->r, true);

	for (int tries = 0; tries < 10 && !parent; tries++) {
		const struct sbx_enterprise *p =
			&g->c->ent[rng_below(&g->r, (uint32_t)g->c->nent)];

		if (strcmp(p->kind, "Hộ kinh doanh") && !strchr(p->tax, '-') &&
		    strncmp(p->name, "Chi nhánh", 9))
			parent = p;
	}
	if (!parent)
		return false;
	*x = *parent;
	if (ident_tax_branch_make(parent->tax, rng_range(&g->r, 1, 30), x->tax,
				  sizeof x->tax, NULL) ||
	    !sbx_idset_add(g->ids, x->tax))
		return false;
	snprintf(x->name, sizeof x->name, "Chi nhánh %.180s tại %.50s", parent->name,
		 sbx_seed_unit_name(unit));
	x->short_name[0] = '\0';
	x->kind = "Chi nhánh";
	x->unit = unit;
	sbx_seed_address(&g->r, unit, x->address, sizeof x->address);
	x->rep_idx = representative(g);
	if (x->rep_idx >= 0)
		snprintf(x->rep, sizeof x->rep, "%s", g->c->cit[x->rep_idx].name);
	date_between(g, 2005, x->established, sizeof x->established);
	x->capital = 0;
	status(g, x);
	return true;
}

/* Fixed for demos (sandbox/TRAINING.md); the representatives are the
 * demo people of seed_people.c (indices 0 and 4). */
static void demos(struct egen *g)
{
	static const struct {
		const char *tax, *name, *short_name, *kind, *addr, *unit, *rep;
		int rep_idx;
		const char *est, *line;
		int64_t capital;
		const char *phone;
	} d[] = {
		{ "0107654326", "Công ty TNHH Thương mại Dịch vụ Phố Cổ",
		  "PHO CO CO., LTD", "Công ty TNHH",
		  "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội",
		  "00070", "Nguyễn Văn An", 0, "2016-08-15",
		  "4690 - Bán buôn tổng hợp", 2000000000, "02438251234" },
		{ "0105558881", "Công ty Cổ phần Gốm sứ Giang Cao",
		  "GIANG CAO CERAMICS JSC", "Công ty cổ phần",
		  "Xóm 1, thôn Giang Cao, Xã Bát Tràng, Thành phố Hà Nội",
		  "00577", "Lê Văn Quý", -1, "2011-03-02",
		  "2393 - Sản xuất sản phẩm gốm sứ khác", 15000000000,
		  "02438740555" },
		{ "0105558881-001",
		  "Chi nhánh Công ty Cổ phần Gốm sứ Giang Cao tại Phường Hoàn "
		  "Kiếm", NULL, "Chi nhánh",
		  "Số 40 phố Hàng Gai, Phường Hoàn Kiếm, Thành phố Hà Nội",
		  "00070", "Lê Văn Quý", -1, "2019-10-10",
		  "4649 - Bán buôn đồ dùng khác cho gia đình", 0, "02438254321" },
		{ "8012345677", "Hộ kinh doanh Gốm sứ Thu Trang", NULL,
		  "Hộ kinh doanh",
		  "Xóm 2, thôn Giang Cao, Xã Bát Tràng, Thành phố Hà Nội",
		  "00577", "Phạm Thu Trang", 4, "2021-05-20",
		  "2393 - Sản xuất sản phẩm gốm sứ khác", 300000000,
		  "0355123456" },
	};

	for (size_t i = 0; i < N(d); i++) {
		struct sbx_enterprise *x = &g->c->ent[g->c->nent++];

		memset(x, 0, sizeof *x);
		snprintf(x->tax, sizeof x->tax, "%s", d[i].tax);
		sbx_idset_add(g->ids, d[i].tax);
		snprintf(x->name, sizeof x->name, "%s", d[i].name);
		snprintf(x->short_name, sizeof x->short_name, "%s",
			 d[i].short_name ? d[i].short_name : "");
		x->kind = d[i].kind;
		snprintf(x->address, sizeof x->address, "%s", d[i].addr);
		x->unit = d[i].unit;
		snprintf(x->rep, sizeof x->rep, "%s", d[i].rep);
		x->rep_idx = d[i].rep_idx;
		snprintf(x->established, sizeof x->established, "%s", d[i].est);
		x->status = "active";
		x->line = d[i].line;
		x->capital = d[i].capital;
		snprintf(x->phone, sizeof x->phone, "%s", d[i].phone);
	}
	/* Valid, and never issued here: the "not found" demo. */
	sbx_idset_add(g->ids, "8012345684");
}

int sbx_seed_enterprises(struct sbx_seed_ctx *c, struct sbx_idset *ids,
			 struct err *e)
{
	struct egen g = {
		.c = c, .ids = ids,
		.r = rng_stream(c->o.seed, 0x656e7472),	/* "entr" */
	};
	size_t cap = (size_t)c->o.enterprises;
	sqlite3_stmt *st;
	int rc = 0;

	c->ent = calloc(cap, sizeof *c->ent);
	if (!c->ent)
		return err_set(e, _("out of memory for %d enterprises"),
			       c->o.enterprises);
	demos(&g);
	while (c->nent < cap) {
		struct sbx_enterprise *x = &c->ent[c->nent];

		if (c->nent > 50 && rng_pct(&g.r, 5) && branch(&g, x)) {
			c->nent++;
			continue;
		}
		one(&g, x);
		c->nent++;
	}
	if (sbx_seed_prepare(c, &st, "INSERT INTO enterprises (tax_code, name, "
			     "short_name, kind, address, unit_code, "
			     "representative, representative_id, established, "
			     "status, business_line, capital, phone) VALUES (?, "
			     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e))
		return -1;
	for (size_t i = 0; i < c->nent && !rc; i++) {
		const struct sbx_enterprise *x = &c->ent[i];
		char what[240];

		sbx_seed_bind_text(st, 1, x->tax);
		sbx_seed_bind_text(st, 2, x->name);
		sbx_seed_bind_text(st, 3, x->short_name[0] ? x->short_name : NULL);
		sbx_seed_bind_text(st, 4, x->kind);
		sbx_seed_bind_text(st, 5, x->address);
		sbx_seed_bind_text(st, 6, x->unit);
		sbx_seed_bind_text(st, 7, x->rep);
		sbx_seed_bind_text(st, 8, x->rep_idx >= 0 ?
				   c->cit[x->rep_idx].id : NULL);
		sbx_seed_bind_text(st, 9, x->established);
		sbx_seed_bind_text(st, 10, x->status);
		sbx_seed_bind_text(st, 11, x->line);
		sbx_seed_bind_int(st, 12, x->capital, x->capital > 0);
		sbx_seed_bind_text(st, 13, x->phone);
		snprintf(what, sizeof what, "enterprise %s (%.200s)", x->tax,
			 x->name);
		rc = sbx_seed_step(c, st, what, e);
	}
	sqlite3_finalize(st);
	return rc;
}
