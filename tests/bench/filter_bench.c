/* filter_bench: the inbox filter as a clerk types, key by key, over
 * synthetic dossiers, side by side with a naive filter in the same run:
 * one that folds every row again at every key and searches every row.
 * Then the same keys through the inbox screen itself (ui_key() and
 * ui_draw() on an 80x24 terminal writing to /dev/null): the filter, the
 * views' counts and the drawing of the visible rows, key to screen.
 *
 *   filter_bench [-n DOSSIERS] [-r RUNS]
 *
 * Each key is timed RUNS times (median kept); prints per text the mean and
 * the worst key, and the matches found (which must agree). */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "core/fold.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "desk/filter.h"
#include "screens/inbox.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A fixed generator, so every run sees the same inbox. */
static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned below(unsigned n)
{
	rng = rng * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(rng >> 33) % n;
}

#define PICK(a) ((a)[below(sizeof(a) / sizeof((a)[0]))])

/* Family names roughly as common as they are (Nguyễn about 4 in 10);
 * a few written decomposed, as some systems send them. */
static const char *const families[] = {
	"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguye\xcc\x82\xcc\x83n",
	"Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ",
	"Hồ", "Ngô", "Dương", "Đinh", "Trịnh", "Huỳnh", "Võ", "Trương", "Lý", "Lương",
};
static const char *const middles[] = {
	"Văn", "Văn", "Văn", "Thị", "Thị", "Thị", "Hữu", "Đức", "Minh", "Quang", "Ngọc",
	"Thanh", "Xuân", "Hoàng", "Thu", "Kim", "Công", "Đình", "Va\xcc\x86n",
};
static const char *const givens[] = {
	"An", "Anh", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
	"Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Ngọc",
	"Nhung", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Tuấn",
	"Tùng", "Vy", "Yến", "Đạt", "Ánh",
};
static const char *const procedures[][2] = {
	{ "1.001193", "Đăng ký khai sinh" },
	{ "1.000894", "Đăng ký kết hôn" },
	{ "1.000656", "Đăng ký khai tử" },
	{ "2.000986", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi" },
	{ "2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản" },
	{ "2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản" },
	{ "1.004227", "Đăng ký thường trú" },
	{ "1.004194", "Đăng ký tạm trú" },
	{ "1.001612", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam" },
	{ "2.002226", "Đăng ký thành lập hộ kinh doanh" },
	{ "1.003583", "Xác nhận tình trạng hôn nhân" },
	{ "1.004746", "Cấp giấy phép xây dựng nhà ở riêng lẻ" },
	{ "1.001035", "Đăng ký biến động quyền sử dụng đất" },
	{ "1.005462", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội" },
	{ "2.001819", "Trợ cấp xã hội hằng tháng" },
	{ "1.000775", "Đăng ký nhận cha, mẹ, con" },
	{ "1.001022", "Thay đổi, cải chính, bổ sung thông tin hộ tịch" },
	{ "1.003005", "Cấp bản sao trích lục hộ tịch" },
};
static const char *const provinces[] = { "001", "027", "079", "031", "036", "038", "048", "092" };

static struct dossier *make_inbox(size_t n)
{
	struct dossier *d = xcalloc(n, sizeof *d);
	int64_t now = (int64_t)time(NULL);

	for (size_t i = 0; i < n; i++) {
		char buf[256];
		unsigned p = below(sizeof procedures / sizeof procedures[0]);

		snprintf(buf, sizeof buf, "000.00.01.H22-25%02u%02u-%04zu", 10 + below(3),
			 1 + below(28), i % 9000 + 1);
		d[i].code = xstrdup(buf);
		snprintf(buf, sizeof buf, "%s %s %s", PICK(families), PICK(middles), PICK(givens));
		d[i].applicant_name = xstrdup(buf);
		snprintf(buf, sizeof buf, "%s%u%02u%06u", PICK(provinces), below(4), 40 + below(60),
			 below(1000000));
		d[i].applicant_id = xstrdup(buf);
		d[i].procedure_code = xstrdup(procedures[p][0]);
		d[i].procedure_name = xstrdup(procedures[p][1]);
		d[i].status = 1 + (int)below(10);
		d[i].channel = 1 + (int)below(3);
		d[i].due_at = now + ((int64_t)below(30 * 24) - 5 * 24) * 3600;
	}
	return d;
}

/* The naive filter: fold every row and search every one, at every key. */
static size_t naive(struct dossier *const *rows, size_t n, const char *text)
{
	size_t len = strlen(text), hits = 0;
	char *pat = xmalloc(len + 1), row[1024];
	pcre2_code *re = NULL;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int code;
	PCRE2_SIZE off;

	fold_text(pat, len + 1, text, len);
	if (strpbrk(pat, "\\^$.|?*+()[]{}")) {
		re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
				   PCRE2_UTF | PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_MATCH_INVALID_UTF,
				   &code, &off, NULL);
		if (re)
			pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	}
	for (size_t i = 0; i < n; i++) {
		const char *f[] = { rows[i]->code, rows[i]->applicant_name, rows[i]->applicant_id,
				    rows[i]->procedure_code, rows[i]->procedure_name };
		size_t used = 0;

		for (size_t k = 0; k < 5; k++) {
			used += fold_text(row + used, sizeof row - used, f[k], strlen(f[k]));
			row[used++] = '\n';
		}
		used--;
		if (re ? pcre2_match(re, (PCRE2_SPTR)row, used, 0, 0, md, NULL) >= 0 :
			 memmem(row, used, pat, strlen(pat)) != NULL)
			hits++;
	}
	pcre2_code_free(re);
	pcre2_match_data_free(md);
	free(pat);
	return hits;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

struct result {
	double mean, max;
	size_t hits;
};

/* The keys of text: each one's code point, and the length of the text
 * typed once it is in. */
static size_t split_keys(const char *text, int32_t *cp, size_t *end, size_t max)
{
	size_t n = 0, at = 0, len = strlen(text);

	while (at < len && n < max) {
		at += text_utf8_next(text + at, len - at, &cp[n]);
		end[n++] = at;
	}
	return n;
}

/* Mean and worst over keys of each key's median over runs: t[run][key]. */
static void summarize(const double *t, int runs, size_t keys, struct result *res)
{
	double sample[64];

	res->mean = res->max = 0;
	for (size_t k = 0; k < keys; k++) {
		double med;

		for (int r = 0; r < runs; r++)
			sample[r] = t[(size_t)r * keys + k];
		qsort(sample, (size_t)runs, sizeof *sample, cmp_double);
		med = sample[runs / 2];
		res->mean += med / (double)keys;
		if (med > res->max)
			res->max = med;
	}
}

#define MAX_KEYS 64

/* Type text one key at a time, runs times, into the filter and the naive
 * one. */
static void type(struct filter *f, struct dossier *const *rows, size_t n, const char *text,
		 int runs, struct result *ours, struct result *base)
{
	int32_t cp[MAX_KEYS];
	size_t end[MAX_KEYS], keys = split_keys(text, cp, end, MAX_KEYS);
	double *t = xmalloc((size_t)runs * keys * sizeof *t);
	double *tb = xmalloc((size_t)runs * keys * sizeof *tb);
	char prefix[256];
	struct err e;

	for (int r = 0; r < runs; r++) {
		filter_set(f, "", &e);
		for (size_t k = 0; k < keys; k++) {
			double t0;

			snprintf(prefix, sizeof prefix, "%.*s", (int)end[k], text);
			t0 = now_ms();
			filter_set(f, prefix, &e);
			t[(size_t)r * keys + k] = now_ms() - t0;
			t0 = now_ms();
			base->hits = naive(rows, n, prefix);
			tb[(size_t)r * keys + k] = now_ms() - t0;
		}
	}
	summarize(t, runs, keys, ours);
	ours->hits = filter_count(f);
	summarize(tb, runs, keys, base);
	free(t);
	free(tb);
}

/* The same keys into the inbox screen: / then the text, each key drawn;
 * Esc clears the filter between runs. */
static void type_screen(struct app *app, const char *text, int runs, struct result *res)
{
	int32_t cp[MAX_KEYS];
	size_t end[MAX_KEYS], keys = split_keys(text, cp, end, MAX_KEYS);
	double *t = xmalloc((size_t)runs * keys * sizeof *t);

	for (int r = 0; r < runs; r++) {
		ui_key(app, '/');
		ui_draw(app);
		for (size_t k = 0; k < keys; k++) {
			double t0 = now_ms();

			ui_key(app, (km_key)cp[k]);
			ui_draw(app);
			t[(size_t)r * keys + k] = now_ms() - t0;
		}
		res->hits = inbox_view(app)->list.n;
		ui_key(app, 0x1b);
		ui_draw(app);
	}
	summarize(t, runs, keys, res);
	free(t);
}

int main(int argc, char **argv)
{
	static const char *const texts[] = { "nguyen van an", "0[0-9]{3}$", "Nguyễn Thị Hương" };
	size_t n = 10000;
	int runs = 5, opt;
	struct dossier *inbox, **rows;
	struct filter *f;
	double t0, index_ms, sort_ms;
	struct app app;
	struct err e;
	FILE *out, *in;

	while ((opt = getopt(argc, argv, "n:r:")) != -1) {
		if (opt == 'n')
			n = (size_t)atol(optarg);
		else if (opt == 'r')
			runs = atoi(optarg);
		else
			return 2;
	}
	if (runs < 1 || runs > 64 || !n)
		return 2;
	setlocale(LC_ALL, "C.UTF-8");	/* display widths for the table */
	inbox = make_inbox(n);
	rows = xmalloc(n * sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = &inbox[i];
	f = filter_new();
	/* the rows are folded at the first key, not when they are given */
	t0 = now_ms();
	filter_index(f, rows, n, 1);
	filter_set(f, "\x01", NULL);
	index_ms = now_ms() - t0;
	filter_set(f, "", NULL);

	printf("== inbox filter, %zu dossiers, typed one key at a time (median of %d runs per key)\n",
	       n, runs);
	printf("%-20s %-34s %9s %9s %8s\n", "typed", "filter", "mean ms", "max ms", "matches");
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct result ours, base;
		char quoted[64], cell[128];

		type(f, rows, n, texts[i], runs, &ours, &base);
		snprintf(quoted, sizeof quoted, "\"%s\"", texts[i]);
		text_fit(cell, sizeof cell, quoted, 20, "", 1);
		printf("%s %-34s %9.3f %9.3f %8zu\n", cell, "motcua (folded once, narrowing)",
		       ours.mean, ours.max, ours.hits);
		printf("%-20s %-34s %9.3f %9.3f %8zu\n", "", "baseline: fold and search all",
		       base.mean, base.max, base.hits);
		if (ours.hits != base.hits)
			printf("%-20s the two disagree!\n", "");
	}
	filter_free(f);
	free(rows);

	/* the screen: the app takes the dossiers over */
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || app_init(&app, &e) < 0 ||
	    ui_open(&app, "xterm-256color", out, in, &e) < 0) {
		fprintf(stderr, "filter_bench: cannot open a screen: %s\n", e.msg);
		return 1;
	}
	ui_resize(&app, 24, 80);
	app_set_dossiers(&app, inbox, n);
	t0 = now_ms();
	ui_draw(&app);
	sort_ms = now_ms() - t0;
	printf("-- the same keys through the inbox screen: filter, views' counts, drawing at 80x24\n");
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct result res;
		char quoted[64], cell[128];

		type_screen(&app, texts[i], runs, &res);
		snprintf(quoted, sizeof quoted, "\"%s\"", texts[i]);
		text_fit(cell, sizeof cell, quoted, 20, "", 1);
		printf("%s %-34s %9.3f %9.3f %8zu\n", cell, "motcua inbox screen, key to draw",
		       res.mean, res.max, res.hits);
	}
	printf("once per inbox: folding the rows (at the first key) %.3f ms; sorting, views, first draw %.3f ms\n",
	       index_ms, sort_ms);
	ui_close(&app);
	app_free(&app);
	fclose(out);
	fclose(in);
	return 0;
}
