/* The inbox's views with their counts, the filter typed key by key, and
 * going to a dossier by its code. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "screens/inbox.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_row_has(y, text) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d lacks \"%s\":\n%s", (y), (text), vscreen_dump(&vs))
#define ck_row_lacks(y, text) \
	ck_assert_msg(!strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d has \"%s\":\n%s", (y), (text), vscreen_dump(&vs))
#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), "no \"%s\" on:\n%s", (text), vscreen_dump(&vs))
#define ck_hides(text) \
	ck_assert_msg(!strstr(vscreen_dump(&vs), (text)), "\"%s\" on:\n%s", (text), vscreen_dump(&vs))

#define KS "1.001193", "Đăng ký khai sinh"
#define KH "1.000894", "Đăng ký kết hôn"
#define CT "2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp"

static const struct {
	const char *tail, *name;
	int status;
	const char *proc_code, *proc_name, *login, *assignee;
} inbox[] = {
	{ "0001", "Nguyễn Văn An", 1, KS, NULL, NULL },
	{ "0002", "Trần Thị Bích", 1, KH, NULL, NULL },
	{ "0003", "Lê Văn Cường", 2, KS, NULL, NULL },
	{ "0004", "Phạm Thị Dung", 4, CT, "chuyenvien1", "Phạm Văn Quý" },
	{ "0005", "Hoàng Văn Em", 4, KS, "CHUYENVIEN1", NULL },
	/* decomposed, as some systems send names */
	{ "0006", "Nguye\xcc\x82\xcc\x83n Thị Bình", 4, KH, "chuyenvien2", NULL },
	/* an API that names the assignee by login only */
	{ "0007", "Vũ Thị Giang", 6, CT, NULL, "chuyenvien1" },
	{ "0008", "Đặng Văn Hải", 5, KS, NULL, NULL },
	{ "0009", "Bùi Thị Hoa", 9, KS, NULL, NULL },
	{ "0010", "Đỗ Văn Khánh", 9, CT, NULL, NULL },
	{ "0011", "Trần Thị Nguyên", 10, KH, NULL, NULL },
	{ "0012", "Ngô Văn Long", 3, KS, NULL, NULL },
	{ "0013", "Dương Thị Mai", 7, CT, NULL, NULL },
	{ "1007", "Lý Văn Nam", 8, KS, NULL, NULL },
	{ "0014", "Hồ Thị Oanh", 2, KH, NULL, NULL },
};
#define NINBOX (sizeof inbox / sizeof inbox[0])

static char *dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void open_inbox(int rows, int cols)
{
	struct dossier *d = xcalloc(NINBOX, sizeof *d);

	vscreen_open(&vs, "vt100", rows, cols);
	vs.app.user = xstrdup("chuyenvien1");
	for (size_t i = 0; i < NINBOX; i++) {
		char code[64];

		snprintf(code, sizeof code, "000.00.01.H22-251014-%s", inbox[i].tail);
		d[i] = (struct dossier){
			.code = xstrdup(code), .applicant_name = xstrdup(inbox[i].name),
			.applicant_id = xstrdup("001085012345"), .status = inbox[i].status,
			.procedure_code = dup(inbox[i].proc_code), .procedure_name = dup(inbox[i].proc_name),
			.assignee_login = dup(inbox[i].login), .assignee = dup(inbox[i].assignee),
			.channel = 1,
		};
	}
	app_set_dossiers(&vs.app, d, NINBOX);
	vscreen_draw(&vs);
}

static void keys(const char *const *names, int n)
{
	vscreen_keys(&vs, names, n);
}

#define KEYS(...) do { \
		static const char *const k_[] = { __VA_ARGS__ }; \
		keys(k_, (int)(sizeof k_ / sizeof k_[0])); \
	} while (0)

/* Type text into whatever has the keys, one character at a time. */
static void type(const char *text)
{
	while (*text) {
		char one[8];
		int32_t cp;
		size_t n = text_utf8_next(text, strlen(text), &cp);
		const char *name = one;

		memcpy(one, text, n);
		one[n] = '\0';
		vscreen_keys(&vs, &name, 1);
		text += n;
	}
}

/* The screen row showing the dossier whose code ends with tail, or -1. */
static int row_of(const char *tail)
{
	char want[16];
	int y, x;

	snprintf(want, sizeof want, "-%s ", tail);
	return vscreen_find(&vs, want, &y, &x) ? y : -1;
}

static bool selected(const char *tail)
{
	int y = row_of(tail);

	return y >= 0 && (vscreen_attr(&vs, y, 5) & A_REVERSE);
}

START_TEST(views_line_counts_every_view_at_80_columns)
{
	int y, x;

	open_inbox(24, 80);
	ck_row_has(0, "Inbox (15)");
	/* the current view in full, the others short, all on 80 columns */
	ck_row_has(1, "All 15 \u00b7 New 2 \u00b7 Working 6 \u00b7 Suppl. 1 \u00b7 Ready 2 \u00b7 Done 4 \u00b7 Mine 3");
	ck_assert(text_width(vscreen_row(&vs, 1)) <= 80);
	ck_assert(vscreen_find(&vs, "All 15", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_REVERSE);
	ck_assert(!(vscreen_attr(&vs, y, x + 10) & A_REVERSE));
	ck_row_has(2, "Code");
	vscreen_close(&vs);
}
END_TEST

START_TEST(wide_terminal_names_every_view_in_full)
{
	open_inbox(30, 120);
	ck_row_has(1, "All 15 \u00b7 To receive 2 \u00b7 In process 6 \u00b7 Supplement 1 \u00b7 "
		   "Result ready 2 \u00b7 Finished 4 \u00b7 Mine 3");
	vscreen_close(&vs);
}
END_TEST

START_TEST(tab_goes_through_the_views)
{
	int y, x;

	open_inbox(24, 80);
	KEYS("<Tab>");
	ck_row_has(0, "Inbox: To receive (2)");
	ck_row_has(1, "To receive 2");
	ck_assert(vscreen_find(&vs, "To receive 2", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_REVERSE);
	ck_assert_int_ge(row_of("0001"), 3);
	ck_assert_int_ge(row_of("0002"), 3);
	ck_assert_int_eq(row_of("0003"), -1);
	KEYS("<Tab>", "<Tab>", "<Tab>");
	ck_row_has(0, "Inbox: Result ready (2)");
	ck_assert_int_ge(row_of("0009"), 3);
	KEYS("<BackTab>");
	ck_row_has(0, "Inbox: Supplement (1)");
	KEYS("<Tab>", "<Tab>");
	ck_row_has(0, "Inbox: Finished (4)");
	KEYS("a");
	ck_row_has(0, "Inbox (15)");
	KEYS("<BackTab>");	/* from All back round to the procedure view */
	ck_row_has(0, "Inbox: Procedure (7)");
	vscreen_close(&vs);
}
END_TEST

START_TEST(mine_compares_logins_in_any_case)
{
	open_inbox(24, 80);
	KEYS("m");
	ck_row_has(0, "Inbox: Mine (3)");
	ck_assert_int_ge(row_of("0004"), 3);
	ck_assert_int_ge(row_of("0005"), 3);	/* CHUYENVIEN1 */
	ck_assert_int_ge(row_of("0007"), 3);	/* named by login, no login field */
	ck_assert_int_eq(row_of("0006"), -1);	/* a colleague's */
	vscreen_close(&vs);
}
END_TEST

START_TEST(procedure_view_starts_on_the_selected_dossier)
{
	open_inbox(24, 80);
	/* select a dossier of the marriage procedure */
	for (int i = 0; i < 15 && !selected("0002"); i++)
		KEYS("j");
	ck_assert(selected("0002"));
	KEYS("p");
	ck_row_has(0, "Inbox: Procedure (4)");
	ck_row_has(1, "Đăng ký kết hôn 4");
	ck_assert(selected("0002"));
	ck_assert_int_eq(row_of("0001"), -1);
	/* then through the others, most dossiers first */
	KEYS("p");
	ck_row_has(1, "4");
	ck_assert_int_ge(row_of("0004"), 3);	/* the long-named one: cut, its count kept */
	ck_assert(text_width(vscreen_row(&vs, 1)) <= 80);
	ck_assert_msg(strstr(vscreen_row(&vs, 1), "\u2026 4"), "%s", vscreen_dump(&vs));
	KEYS("p");
	ck_row_has(1, "Đăng ký khai sinh 7");
	KEYS("P", "P");
	ck_row_has(1, "Đăng ký kết hôn 4");
	vscreen_close(&vs);
}
END_TEST

START_TEST(filter_as_you_type_finds_vietnamese_without_marks)
{
	open_inbox(24, 80);
	KEYS("/");
	ck_row_has(22, "Filter:");
	type("nguy");
	ck_row_has(22, "Filter: nguy");
	type("en");
	ck_row_has(0, "Inbox (3)");
	ck_assert_int_ge(row_of("0001"), 3);	/* Nguyễn Văn An */
	ck_assert_int_ge(row_of("0006"), 3);	/* decomposed */
	ck_assert_int_ge(row_of("0011"), 3);	/* Trần Thị Nguyên */
	ck_assert_int_eq(row_of("0002"), -1);
	ck_row_has(22, "3 of 15");
	/* the views count what the filter leaves */
	ck_row_has(1, "All 3 \u00b7 New 1 \u00b7 Working 1 \u00b7 Suppl. 0 \u00b7 Ready 0 \u00b7 Done 1 \u00b7 Mine 0");
	/* keys that are text go to the filter, not to the keymap */
	type(" vq");
	ck_assert(!vs.app.quit);
	ck_row_has(22, "Filter: nguyen vq");
	KEYS("<Backspace>");
	type("an an");
	ck_row_has(0, "Inbox (1)");
	/* Enter keeps it, without the cursor */
	KEYS("<Enter>");
	ck_row_has(22, "Filter: nguyen van an");
	ck_row_has(22, "1 of 15");
	ck_assert(!(vscreen_attr(&vs, 22, 22) & A_REVERSE));
	KEYS("j", "q");		/* the keymap's again */
	ck_assert(vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

START_TEST(esc_clears_the_filter)
{
	open_inbox(24, 80);
	KEYS("/");
	type("Nguyễn");
	ck_row_has(0, "Inbox (3)");
	KEYS("<Enter>", "/");
	ck_row_has(22, "Filter: Nguyễn");
	KEYS("<Esc>");
	ck_row_has(0, "Inbox (15)");
	ck_row_lacks(22, "Filter");
	ck_row_has(1, "All 15");
	ck_assert_int_ge(row_of("0002"), 3);
	/* Ctrl-U erases all of it */
	KEYS("/");
	type("zz");
	KEYS("<C-u>");
	ck_row_has(0, "Inbox (15)");
	vscreen_close(&vs);
}
END_TEST

/* README: "Enter keeps the filter, Esc clears it": a filter kept goes
 * with Esc on the list too, the selection staying on its dossier. */
START_TEST(esc_clears_a_kept_filter)
{
	open_inbox(24, 80);
	KEYS("/");
	type("Nguyễn");
	KEYS("<Enter>");
	ck_row_has(0, "Inbox (3)");
	ck_row_has(22, "Filter: Nguyễn");
	KEYS("j");
	ck_assert(selected("0006"));
	KEYS("<Esc>");
	ck_row_has(0, "Inbox (15)");
	ck_row_lacks(22, "Filter");
	ck_assert(selected("0006"));
	/* without a filter, Esc changes nothing on the list */
	KEYS("<Esc>");
	ck_row_has(0, "Inbox (15)");
	ck_assert(selected("0006"));
	vscreen_close(&vs);
}
END_TEST

START_TEST(no_match_says_so)
{
	open_inbox(24, 80);
	KEYS("/");
	type("xyz");
	ck_row_has(0, "Inbox (0)");
	ck_shows("No match");
	ck_shows("No dossier in this view matches the filter.");
	ck_row_has(22, "0 of 15");
	ck_row_has(1, "All 0");
	/* a view with nothing in it, without a filter */
	KEYS("<Esc>", "<Tab>", "<Tab>", "<Tab>");
	ck_row_has(0, "Inbox: Supplement (1)");
	KEYS("/");
	type("oanh");
	ck_shows("No match");
	vscreen_close(&vs);
}
END_TEST

START_TEST(half_typed_regex_is_matched_as_typed)
{
	open_inbox(24, 80);
	KEYS("/");
	type("(00");
	ck_row_has(22, "not a regular expression");
	ck_row_has(22, "0 of 15");
	type("1)");
	ck_row_lacks(22, "not a regular expression");
	type("$");
	ck_row_has(0, "Inbox (1)");		/* codes ending in 001 */
	ck_assert_int_ge(row_of("0001"), 3);
	vscreen_close(&vs);
}
END_TEST

START_TEST(selection_stays_on_its_dossier)
{
	const char *away[1], *back[1];
	bool first;

	open_inbox(24, 80);
	for (int i = 0; i < 15 && !selected("0011"); i++)
		KEYS("j");
	ck_assert(selected("0011"));
	KEYS("/");
	type("nguyen");
	ck_assert(selected("0011"));
	/* moving while the filter is typed */
	first = inbox_view(&vs.app)->list.sel == 0;
	away[0] = first ? "<Down>" : "<Up>";
	back[0] = first ? "<Up>" : "<Down>";
	keys(away, 1);
	ck_assert(!selected("0011"));
	keys(back, 1);
	ck_assert(selected("0011"));
	/* filtered out: another one shown is selected */
	type(" van");
	ck_assert(selected("0001"));
	vscreen_close(&vs);
}
END_TEST

START_TEST(goto_by_code_tail)
{
	open_inbox(24, 80);
	KEYS("#");
	ck_row_has(22, "Go to:");
	type("0009");
	ck_row_has(22, "Go to: 0009");
	KEYS("<Enter>");
	ck_assert(selected("0009"));
	ck_row_lacks(22, "Go to");
	/* the whole code, in any case */
	KEYS("#");
	type("000.00.01.h22-251014-0003");
	KEYS("<Enter>");
	ck_assert(selected("0003"));
	/* a longer tail */
	KEYS("#");
	type("251014-0012");
	KEYS("<Enter>");
	ck_assert(selected("0012"));
	vscreen_close(&vs);
}
END_TEST

START_TEST(goto_says_not_found_and_ambiguous)
{
	open_inbox(24, 80);
	KEYS("#");
	type("9999");
	KEYS("<Enter>");
	ck_row_has(23, "no dossier code is or ends with 9999");
	KEYS("#");
	type("007");
	KEYS("<Enter>");
	ck_row_has(23, "2 dossier codes end with 007");
	/* a tail after a separator is enough */
	KEYS("#");
	type("0007");
	KEYS("<Enter>");
	ck_assert(selected("0007"));
	/* Esc cancels without moving */
	KEYS("#");
	type("0001");
	KEYS("<Esc>");
	ck_assert(selected("0007"));
	vscreen_close(&vs);
}
END_TEST

START_TEST(goto_outside_the_view_shows_all)
{
	open_inbox(24, 80);
	KEYS("m", "/");
	type("pham");
	KEYS("<Enter>", "#");
	type("0013");
	KEYS("<Enter>");
	ck_row_has(0, "Inbox (15)");
	ck_assert(selected("0013"));
	ck_hides("Filter: pham");
	ck_shows("Showing all dossiers");
	vscreen_close(&vs);
}
END_TEST

/* An API with ids of its own: the clerk goes to the number printed on
 * the receipt (the one the list shows), by its end, or to the id whole. */
START_TEST(goto_by_the_number_shown)
{
	struct dossier *d = xcalloc(3, sizeof *d);

	vscreen_open(&vs, "vt100", 24, 80);
	for (int i = 0; i < 3; i++) {
		char code[32], number[64];

		snprintf(code, sizeof code, "id-%d", 7 + i);
		snprintf(number, sizeof number, "000.00.01.H22-251014-%04d", 101 + i);
		d[i] = (struct dossier){ .code = xstrdup(code), .number = xstrdup(number),
					 .applicant_name = xstrdup(inbox[i].name), .status = 1, .channel = 1 };
	}
	app_set_dossiers(&vs.app, d, 3);
	vscreen_draw(&vs);
	KEYS("#");
	type("0102");
	KEYS("<Enter>");
	ck_assert(selected("0102"));
	KEYS("#");
	type("h22-251014-0103");
	KEYS("<Enter>");
	ck_assert(selected("0103"));
	KEYS("#");
	type("id-7");
	KEYS("<Enter>");
	ck_assert(selected("0101"));
	vscreen_close(&vs);
}
END_TEST

static Suite *inbox_find_suite(void)
{
	Suite *s = suite_create("screen_inbox_find");
	TCase *tc = tcase_create("find");

	tcase_add_test(tc, views_line_counts_every_view_at_80_columns);
	tcase_add_test(tc, wide_terminal_names_every_view_in_full);
	tcase_add_test(tc, tab_goes_through_the_views);
	tcase_add_test(tc, mine_compares_logins_in_any_case);
	tcase_add_test(tc, procedure_view_starts_on_the_selected_dossier);
	tcase_add_test(tc, filter_as_you_type_finds_vietnamese_without_marks);
	tcase_add_test(tc, esc_clears_the_filter);
	tcase_add_test(tc, esc_clears_a_kept_filter);
	tcase_add_test(tc, no_match_says_so);
	tcase_add_test(tc, half_typed_regex_is_matched_as_typed);
	tcase_add_test(tc, selection_stays_on_its_dossier);
	tcase_add_test(tc, goto_by_code_tail);
	tcase_add_test(tc, goto_says_not_found_and_ambiguous);
	tcase_add_test(tc, goto_outside_the_view_shows_all);
	tcase_add_test(tc, goto_by_the_number_shown);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(inbox_find_suite)
