#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox/sbx_util.h"
#include "seed_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct wname {
	const char *s;
	unsigned w;
};

static const char *pick(struct rng *r, const struct wname *t, size_t n)
{
	unsigned w[128];

	for (size_t i = 0; i < n; i++)
		w[i] = t[i].w;
	return t[rng_weighted(r, w, n)].s;
}

#define PICKW(r, t) pick((r), (t), N(t))
#define PICK(r, a) ((a)[rng_below((r), (uint32_t)N(a))])

/* Family names in per mille, a northern population: Hoàng and Vũ much
 * more than the southern Huỳnh and Võ. */
static const struct wname families[] = {
	{ "Nguyễn", 370 }, { "Trần", 105 }, { "Lê", 90 }, { "Phạm", 70 },
	{ "Hoàng", 45 }, { "Phan", 40 }, { "Vũ", 35 }, { "Đặng", 22 },
	{ "Bùi", 22 }, { "Đỗ", 20 }, { "Ngô", 14 }, { "Hồ", 12 },
	{ "Dương", 12 }, { "Đinh", 12 }, { "Đào", 10 }, { "Trịnh", 10 },
	{ "Huỳnh", 8 }, { "Võ", 8 }, { "Mai", 7 }, { "Trương", 7 },
	{ "Lý", 6 }, { "Lương", 6 }, { "Hà", 6 }, { "Lưu", 5 }, { "Tạ", 5 },
	{ "Cao", 5 }, { "Đoàn", 5 }, { "Chu", 4 }, { "Phùng", 4 },
	{ "Vương", 3 }, { "Kiều", 3 }, { "Lại", 3 }, { "Tô", 3 },
	{ "Triệu", 3 }, { "Quách", 2 }, { "Khuất", 2 }, { "Nghiêm", 2 },
	{ "Thái", 2 }, { "Lã", 1 }, { "Văn", 1 },
};

/* Family names common among some minorities of the north. */
static const struct wname minority_families[] = {
	{ "Nông", 10 }, { "Lò", 8 }, { "Hà", 8 }, { "Hoàng", 8 }, { "Lương", 6 },
	{ "Bùi", 6 }, { "Đinh", 6 }, { "Triệu", 6 }, { "Giàng", 5 },
	{ "Sùng", 4 }, { "Vàng", 4 }, { "Lục", 4 }, { "Cầm", 3 }, { "Quách", 3 },
	{ "Bàn", 4 }, { "Lường", 3 }, { "Vi", 3 },
};

/* Middle and given names shift with the generations: Văn and Thị are
 * most common among people born before the mid-1980s. */
static const struct wname male_mid_old[] = {
	{ "Văn", 40 }, { "Đức", 8 }, { "Hữu", 7 }, { "Minh", 6 }, { "Quang", 6 },
	{ "Công", 5 }, { "Xuân", 5 }, { "Đình", 6 }, { "Thành", 3 },
	{ "Ngọc", 3 }, { "Mạnh", 3 }, { "Trọng", 4 }, { "Thế", 3 },
	{ "Khắc", 2 }, { "Tiến", 2 }, { "Thanh", 3 }, { "Việt", 2 },
	{ "Hồng", 2 }, { "Quốc", 3 }, { "Kim", 1 },
};

static const struct wname male_mid_young[] = {
	{ "Văn", 10 }, { "Minh", 12 }, { "Đức", 8 }, { "Gia", 8 }, { "Quang", 6 },
	{ "Hoàng", 5 }, { "Anh", 4 }, { "Duy", 5 }, { "Bảo", 6 }, { "Đăng", 5 },
	{ "Tuấn", 3 }, { "Thành", 3 }, { "Hữu", 3 }, { "Trung", 3 },
	{ "Việt", 4 }, { "Hải", 3 }, { "Nhật", 4 }, { "Quốc", 4 },
	{ "Tiến", 2 }, { "Khánh", 3 }, { "Phúc", 2 },
};

static const struct wname female_mid_old[] = {
	{ "Thị", 70 }, { "Thu", 5 }, { "Thanh", 5 }, { "Ngọc", 4 },
	{ "Hồng", 4 }, { "Kim", 3 }, { "Minh", 3 }, { "Phương", 3 },
	{ "Bích", 3 }, { "Mai", 2 }, { "Lệ", 2 }, { "Thúy", 2 },
};

static const struct wname female_mid_young[] = {
	{ "Thị", 14 }, { "Ngọc", 9 }, { "Thu", 5 }, { "Thanh", 5 },
	{ "Minh", 8 }, { "Phương", 6 }, { "Khánh", 7 }, { "Bảo", 7 },
	{ "Hà", 4 }, { "Diệu", 3 }, { "Thùy", 4 }, { "Quỳnh", 4 }, { "Gia", 4 },
	{ "Hoài", 3 }, { "Mai", 4 }, { "Hải", 3 }, { "An", 3 }, { "Tường", 2 },
	{ "Ánh", 2 }, { "Kim", 2 }, { "Tuệ", 2 },
};

/* A second middle name after Thị: "Nguyễn Thị Thu Hương". */
static const char *const female_mid2[] = {
	"Thu", "Thanh", "Ngọc", "Hồng", "Minh", "Kim", "Lan", "Thúy", "Bích",
	"Hải", "Phương",
};

static const char *const male_given_old[] = {
	"Hùng", "Dũng", "Tuấn", "Hải", "Nam", "Long", "Sơn", "Thắng", "Trung",
	"Đức", "Hiếu", "Hoàng", "Huy", "Khánh", "Phong", "Phúc", "Quân", "Tài",
	"Thành", "Tiến", "Toàn", "Trọng", "Tú", "Việt", "Vinh", "Bình",
	"Cường", "Đạt", "Định", "Giang", "Hậu", "Hưng", "Khoa", "Kiên", "Lâm",
	"Lực", "Mạnh", "Nghĩa", "Nhân", "Quý", "Tâm", "Thái", "Thịnh",
	"Thông", "Tín", "Trí", "Trường", "Vũ", "Chiến", "Chính", "Công",
	"Hòa", "Lợi", "Lộc", "Minh", "Quang", "Thanh", "Thuận", "Tùng",
	"Vượng", "Xuân", "Bảo", "Đông", "Tuyên",
};

static const char *const male_given_young[] = {
	"Anh", "Minh", "Khôi", "Bảo", "Huy", "Khoa", "Nam", "Phúc", "An",
	"Long", "Quân", "Đăng", "Duy", "Hiếu", "Hoàng", "Kiên", "Lâm", "Nhật",
	"Phong", "Quang", "Sơn", "Thành", "Trí", "Tuấn", "Vinh", "Bách",
	"Dương", "Hải", "Khang", "Kiệt", "Lộc", "Nguyên", "Phát", "Tài",
	"Thiện", "Tín", "Toàn", "Tùng", "Việt", "Vũ", "Đức", "Hưng",
};

static const char *const female_given_old[] = {
	"Hương", "Lan", "Hoa", "Mai", "Hằng", "Hạnh", "Thảo", "Trang", "Nga",
	"Huyền", "Hà", "Nhung", "Phương", "Thủy", "Thúy", "Yến", "Dung",
	"Hiền", "Loan", "Oanh", "Quyên", "Tâm", "Thu", "Vân", "Ngân", "Ngọc",
	"Giang", "Hồng", "Liên", "Ly", "Nhàn", "Tuyết", "Xuân", "Hậu", "Bình",
	"Chi", "Cúc", "Duyên", "Hải", "Hòa", "Huệ", "Lý", "Minh", "Nguyệt",
	"Phượng", "Sen", "Tình", "Tươi", "Vui", "Hường",
};

static const char *const female_given_young[] = {
	"Anh", "Linh", "Trang", "Ngọc", "Vy", "Nhi", "Chi", "My", "Hân",
	"Ngân", "Thảo", "Hà", "Hương", "Phương", "Quỳnh", "Uyên", "Trâm",
	"Diệp", "Khánh", "An", "Châu", "Nhiên", "Mai", "Giang", "Huyền",
	"Lan", "Thư", "Tâm", "Yến", "Hằng", "Hiền", "Nhung", "Thủy", "Vân",
	"Diệu", "Ly", "Trinh", "Ánh",
};

const char *sbx_seed_family(struct rng *r, const char *ethnicity)
{
	if (ethnicity && strcmp(ethnicity, "Kinh") && strcmp(ethnicity, "Hoa"))
		return PICKW(r, minority_families);
	return PICKW(r, families);
}

void sbx_seed_name(struct rng *r, char sex, int byear, const char *family,
		   char *buf, size_t n)
{
	bool young = byear >= 1985;
	const char *mid, *mid2 = NULL, *given;

	if (!family)
		family = PICKW(r, families);
	if (sex == 'M') {
		mid = young ? PICKW(r, male_mid_young) : PICKW(r, male_mid_old);
		given = young ? PICK(r, male_given_young) :
			PICK(r, male_given_old);
	} else {
		mid = young ? PICKW(r, female_mid_young) :
		      PICKW(r, female_mid_old);
		if (!strcmp(mid, "Thị") && rng_pct(r, young ? 35 : 25))
			mid2 = PICK(r, female_mid2);
		given = young ? PICK(r, female_given_young) :
			PICK(r, female_given_old);
	}
	/* "Minh Minh" or "Thu Thu" are not names. */
	if (!strcmp(mid, given) || (mid2 && !strcmp(mid2, given)))
		given = sex == 'M' ? "Tuấn" : "Hương";
	if (mid2)
		snprintf(buf, n, "%s %s %s %s", family, mid, mid2, given);
	else
		snprintf(buf, n, "%s %s %s", family, mid, given);
}

const char *sbx_seed_given(const char *full_name)
{
	const char *sp = strrchr(full_name, ' ');

	return sp ? sp + 1 : full_name;
}

const char *sbx_seed_ethnicity(struct rng *r)
{
	static const struct wname t[] = {
		{ "Kinh", 970 }, { "Mường", 8 }, { "Tày", 7 }, { "Thái", 4 },
		{ "Nùng", 3 }, { "Hoa", 2 }, { "Dao", 2 }, { "Mông", 2 },
		{ "Sán Dìu", 1 }, { "Khmer", 1 },
	};

	return PICKW(r, t);
}

const char *sbx_seed_religion(struct rng *r)
{
	static const struct wname t[] = {
		{ "Không", 880 }, { "Phật giáo", 70 }, { "Công giáo", 40 },
		{ "Tin lành", 5 }, { "Cao Đài", 3 }, { "Phật giáo Hòa Hảo", 2 },
	};

	return PICKW(r, t);
}

void sbx_seed_mobile(struct rng *r, char buf[11])
{
	/* Mobile prefixes in use since the 2018 renumbering. */
	static const char *const pre[] = {
		"032", "033", "034", "035", "036", "037", "038", "039", "052",
		"056", "058", "070", "076", "077", "078", "079", "081", "082",
		"083", "084", "085", "086", "088", "089", "090", "091", "093",
		"094", "096", "097", "098",
	};

	snprintf(buf, 11, "%s%07u", PICK(r, pre), rng_below(r, 10000000));
}

void sbx_seed_fold(const char *in, char *out, size_t n)
{
	size_t o = 0;
	char *f = sbx_fold(in);

	/* an e-mail address or a domain: what is left outside ASCII goes */
	for (const char *p = f; *p && o + 1 < n; p++)
		if (!((unsigned char)*p & 0x80))
			out[o++] = *p;
	if (n)
		out[o] = '\0';
	free(f);
}

void sbx_seed_email(struct rng *r, const char *full_name, int byear,
		    char *buf, size_t n)
{
	static const char *const domains[] = {
		"gmail.com", "gmail.com", "gmail.com", "yahoo.com",
		"outlook.com", "hotmail.com",
	};
	char folded[96], family[32] = "", given[32] = "";
	const char *sp;

	sbx_seed_fold(full_name, folded, sizeof folded);
	sp = strchr(folded, ' ');
	snprintf(family, sizeof family, "%.*s",
		 sp ? (int)(sp - folded) : (int)strlen(folded), folded);
	snprintf(given, sizeof given, "%s", sbx_seed_given(folded));
	switch (rng_below(r, 3)) {
	case 0:
		snprintf(buf, n, "%s%s%d@%s", given, family, byear % 100,
			 PICK(r, domains));
		break;
	case 1:
		snprintf(buf, n, "%s.%s%u@%s", family, given,
			 rng_below(r, 1000), PICK(r, domains));
		break;
	default:
		snprintf(buf, n, "%s%s%d@%s", given, family, byear,
			 PICK(r, domains));
	}
}
