#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "screens/catalog.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_row_has(y, text) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d lacks \"%s\":\n%s", (y), (text), vscreen_dump(&vs))
#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), \
		      "the screen lacks \"%s\":\n%s", (text), vscreen_dump(&vs))
#define ck_lacks(text) \
	ck_assert_msg(!strstr(vscreen_dump(&vs), (text)), \
		      "the screen shows \"%s\":\n%s", (text), vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* Type text into whatever takes it, one key per character. */
static void type(const char *s)
{
	for (; *s; s++) {
		char k[8];

		if (*s == ' ')
			snprintf(k, sizeof k, "<Space>");
		else
			snprintf(k, sizeof k, "%c", *s);
		keys(k);
	}
}

static void ck_rows_fit(int cols)
{
	for (int y = 0; y < LINES; y++)
		ck_assert_msg(text_width(vscreen_row(&vs, y)) <= cols, "row %d is wider than %d:\n%s",
			      y, cols, vscreen_dump(&vs));
}

static struct procedure mk(const char *code, const char *name, const char *field, int minutes,
			   int cutoff, long long fee)
{
	return (struct procedure){ .code = xstrdup(code), .name = xstrdup(name),
				   .field = xstrdup(field), .level = xstrdup("commune"),
				   .minutes = minutes, .cutoff = cutoff, .fee = fee };
}

static struct component comp(const char *name, bool required, const char *national)
{
	return (struct component){ .name = xstrdup(name), .copies = 1, .required = required,
				   .from_national = national != NULL,
				   .national_source = national ? xstrdup(national) : NULL };
}

#define NFILL 30
#define NITEMS (5 + NFILL)

/* The catalog as the store gives it: sorted by field, then code. */
static void fill(void)
{
	struct procedure *p = xcalloc(NITEMS, sizeof *p);
	int n = 0;

	p[n] = mk("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực",
		  120, 900, 2000);
	p[n++].fee_note = xstrdup("2.000 đồng/trang");
	p[n++] = mk("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú", 7 * 480, -1, 15000);
	p[n] = mk("1.000894", "Đăng ký kết hôn", "Hộ tịch", 480, -1, 0);
	p[n++].days_text = xstrdup("Ngay sau khi nhận đủ giấy tờ");
	p[n] = mk("1.001193", "Đăng ký khai sinh", "Hộ tịch", 120, 900, 0);
	p[n].days_text = xstrdup("Ngay trong ngày tiếp nhận hồ sơ");
	p[n].result = xstrdup("Giấy khai sinh (bản chính)");
	p[n].ncomponents = 3;
	p[n].components = xcalloc(3, sizeof *p[n].components);
	p[n].components[0] = comp("Tờ khai đăng ký khai sinh theo mẫu", true, NULL);
	p[n].components[1] = comp("Giấy tờ chứng minh nơi cư trú", true, "population");
	p[n].components[2] = comp("Giấy chứng nhận kết hôn của cha, mẹ trẻ", false, "civil_status");
	/* as the sandbox's profiles read it: the register named, no flag */
	p[n].components[2].from_national = false;
	p[n].nfields = 2;
	p[n].fields = xcalloc(2, sizeof *p[n].fields);
	p[n].fields[0] = (struct proc_field){ .key = xstrdup("child_name"),
					      .label = xstrdup("Họ, chữ đệm, tên của trẻ"),
					      .type = xstrdup("text"), .required = true };
	p[n].fields[1] = (struct proc_field){ .key = xstrdup("mother_id"),
					      .label = xstrdup("Số định danh của mẹ"),
					      .type = xstrdup("id"), .lookup = xstrdup("population") };
	n++;
	p[n] = mk("SBX.LT1", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế "
		  "cho trẻ em dưới 6 tuổi", "Hộ tịch", 3 * 480, 900, 0);
	p[n].joint = true;
	p[n].nparts = 3;
	p[n].parts = xcalloc(3, sizeof *p[n].parts);
	p[n].parts[0].code = xstrdup("1.001193");
	p[n].parts[1] = (struct proc_part){ xstrdup("1.004222"), xstrdup("Đăng ký thường trú") };
	p[n].parts[2] = (struct proc_part){ xstrdup("SBX.BH1"), xstrdup("Cấp thẻ bảo hiểm y tế") };
	n++;
	for (int i = 0; i < NFILL; i++) {
		char code[16], name[64];

		snprintf(code, sizeof code, "X.%03d", i);
		snprintf(name, sizeof name, "Thủ tục đất đai mẫu %d", i);
		p[n++] = mk(code, name, "Đất đai", 10 * 480, -1, 100000);
	}
	catalog_set(&vs.app, p, n);
	vscreen_draw(&vs);
}

static int row_of(const char *text)
{
	int y, x;

	ck_assert_msg(vscreen_find(&vs, text, &y, &x), "no \"%s\":\n%s", text, vscreen_dump(&vs));
	return y;
}

START_TEST(the_list_shows_what_the_desk_needs)
{
	int y;

	vscreen_open(&vs, "vt100", 24, 80);
	keys("C");
	fill();
	ck_rows_fit(80);
	ck_row_has(0, "Procedures (35)");
	ck_row_has(1, "Code");
	ck_row_has(1, "Procedure");
	ck_row_has(1, "Field");
	ck_row_has(1, "Time");
	ck_row_has(1, "Cut-off");
	ck_row_has(1, "Fee");
	/* the level only where there is room for it */
	ck_assert_ptr_null(strstr(vscreen_row(&vs, 1), "Level"));
	y = row_of("1.001193");
	ck_row_has(y, "Đăng ký khai sinh");
	ck_row_has(y, "Hộ tịch");
	ck_row_has(y, "2 hours");
	ck_row_has(y, "15:00");
	ck_row_has(y, "free");
	y = row_of("1.000894");
	ck_row_has(y, "1 day");
	ck_assert_ptr_null(strstr(vscreen_row(&vs, y), "15:00"));
	y = row_of("1.004222");
	ck_row_has(y, "7 days");
	ck_row_has(y, "15.000");
	/* a joint procedure: a glyph and bold, not position alone */
	y = row_of("SBX.LT1");
	ck_assert_msg(!strncmp(vscreen_row(&vs, y), "\u2295", strlen("\u2295")), "%s",
		      vscreen_dump(&vs));
	ck_assert(vscreen_attr(&vs, y, 12) & A_BOLD);
	/* the first row is selected, edge to edge */
	ck_assert(vscreen_attr(&vs, 2, 3) & A_REVERSE);
	ck_assert(vscreen_attr(&vs, 2, 79) & A_REVERSE);
	ck_assert(!(vscreen_attr(&vs, 3, 3) & A_REVERSE));
	/* scrolling down the list keeps the selection in view */
	keys("G");
	ck_row_has(22, "X.029");
	ck_assert(vscreen_attr(&vs, 22, 3) & A_REVERSE);
	keys("g");
	ck_row_has(2, "2.000815");
	/* wider: the level shows */
	vscreen_resize(&vs, 40, 130);
	ck_rows_fit(130);
	ck_row_has(1, "Level");
	ck_row_has(row_of("1.001193"), "commune");
	vscreen_resize(&vs, 24, 80);
	ck_rows_fit(80);
	ck_row_has(0, "Procedures (35)");
	/* q goes back to the inbox, it does not quit */
	keys("q");
	ck_assert(!vs.app.quit);
	ck_row_has(0, "Inbox");
	vscreen_close(&vs);
}
END_TEST

START_TEST(the_filter_ignores_diacritics)
{
	int y;

	vscreen_open(&vs, "vt100", 24, 80);
	keys("C");
	fill();
	keys("/");
	type("ho tich");
	/* live, as typed: the three civil-status procedures */
	ck_row_has(0, "Procedures (3 of 35)");
	ck_row_has(LINES - 2, "Filter: ho tich");
	ck_row_has(LINES - 2, "3 of 35");
	ck_shows("1.000894");
	ck_shows("1.001193");
	ck_shows("SBX.LT1");
	ck_lacks("2.000815");
	ck_lacks("X.001");
	/* words in any order, over code, name and field */
	keys("<C-u>");
	type("sinh khai");
	ck_row_has(0, "Procedures (2 of 35)");
	ck_shows("1.001193");
	ck_shows("SBX.LT1");
	keys("<C-u>");
	type("CHUNG THUC");
	ck_row_has(0, "Procedures (1 of 35)");
	ck_shows("2.000815");
	keys("<C-u>");
	type("2.000");
	ck_row_has(0, "Procedures (1 of 35)");
	keys("<C-u>");
	type("zzz");
	ck_shows("No match");
	/* Esc drops the filter */
	keys("<Esc>");
	ck_row_has(0, "Procedures (35)");
	ck_lacks("Filter:");
	/* Enter keeps it and leaves typing; Down picks among the matches */
	keys("/");
	type("ho tich");
	keys("<Enter>");
	ck_row_has(LINES - 2, "Filter: ho tich");
	keys("j");
	y = row_of("1.001193");
	ck_assert(vscreen_attr(&vs, y, 3) & A_REVERSE);
	keys("<Enter>");
	ck_row_has(0, "Procedure 1.001193");
	keys("q");
	ck_row_has(0, "Procedures (3 of 35)");
	ck_assert(vscreen_attr(&vs, row_of("1.001193"), 3) & A_REVERSE);
	vscreen_close(&vs);
}
END_TEST

START_TEST(the_detail_shows_the_procedure_whole)
{
	int y, x;

	vscreen_open(&vs, "vt100", 60, 100);
	keys("C");
	fill();
	keys("/");
	type("1.001193");
	keys("<Enter>");
	keys("<Enter>");
	ck_row_has(0, "Procedure 1.001193");
	ck_row_has(1, "Đăng ký khai sinh");
	ck_shows("Code             1.001193");
	ck_shows("Field            Hộ tịch");
	ck_shows("Level            commune");
	ck_shows("Processing time  2 hours, in working time");
	ck_shows("As the law says  Ngay trong ngày tiếp nhận hồ sơ");
	ck_shows("Cut-off          15:00: received later, it counts from the next working day");
	ck_shows("Fee              free");
	ck_shows("Result           Giấy khai sinh (bản chính)");
	ck_shows("Components (3)");
	ck_shows("\u2022 Tờ khai đăng ký khai sinh theo mẫu  1 copy, required");
	ck_shows("no paper: national data from the population database");
	ck_shows("no paper: national data from the civil status register");
	/* national data: a glyph and an attribute, not colour alone */
	ck_assert(vscreen_find(&vs, "\u25c6 Giấy tờ chứng minh nơi cư trú", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_assert(vscreen_attr(&vs, y, x + 2) & A_UNDERLINE);
	ck_assert(vscreen_find(&vs, "\u25c6 Giấy chứng nhận kết hôn", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_assert(vscreen_find(&vs, "\u2022 Tờ khai", &y, &x));
	ck_assert(!(vscreen_attr(&vs, y, x + 2) & A_UNDERLINE));
	ck_shows("Form fields (2)");
	ck_shows("* Họ, chữ đệm, tên của trẻ  text, required");
	ck_shows("Số định danh của mẹ  id");
	ck_shows("filled from the population database");
	ck_lacks("Joint procedure");
	ck_assert(!vs.app.quit);
	/* the intake starts from here too: the help lists it with its key */
	keys("?");
	ck_shows("catalog-intake");
	keys("q");
	keys("q");
	/* a joint procedure names what it bundles */
	keys("<Esc>");
	keys("/");
	type("lien thong");
	keys("<Enter>");
	keys("<Enter>");
	ck_row_has(0, "Procedure SBX.LT1");
	ck_shows("Joint procedure: it bundles (3)");
	ck_shows("1.001193  Đăng ký khai sinh");
	ck_shows("1.004222  Đăng ký thường trú");
	/* a shorter code: the names still line up */
	ck_shows("SBX.BH1   Cấp thẻ bảo hiểm y tế");
	ck_shows("Processing time  3 days, in working time");
	vscreen_close(&vs);
}
END_TEST

START_TEST(the_detail_scrolls_at_80x24_and_survives_resizes)
{
	vscreen_open(&vs, "vt100", 24, 80);
	keys("C");
	fill();
	keys("/");
	type("khai sinh");
	keys("<Enter>");
	keys("<Enter>");
	ck_rows_fit(80);
	ck_row_has(0, "Procedure 1.001193");
	ck_lacks("filled from the population database");
	keys("G");
	ck_rows_fit(80);
	ck_shows("filled from the population database");
	vscreen_resize(&vs, 50, 140);
	ck_rows_fit(140);
	ck_shows("Đăng ký khai sinh");
	vscreen_resize(&vs, 24, 80);
	ck_rows_fit(80);
	keys("g");
	ck_row_has(1, "Đăng ký khai sinh");
	vscreen_close(&vs);
}
END_TEST

START_TEST(without_a_server_the_catalog_says_so)
{
	vscreen_open(&vs, "vt100", 24, 80);
	keys("C");
	ck_row_has(0, "Procedures (0)");
	ck_shows("No procedures");
	ck_shows("The catalog appears here once the client is connected to a provincial server.");
	keys("<C-r>");
	ck_row_has(LINES - 1, "no server configured");
	keys("<Enter>");
	ck_row_has(0, "Procedures (0)");
	/* C again is the catalog already open, not another one */
	keys("C");
	keys("q");
	ck_row_has(0, "Inbox");
	vscreen_close(&vs);
}
END_TEST

static Suite *catalog_screen_suite(void)
{
	Suite *s = suite_create("screen_catalog");
	TCase *tc = tcase_create("draw");

	tcase_add_test(tc, the_list_shows_what_the_desk_needs);
	tcase_add_test(tc, the_filter_ignores_diacritics);
	tcase_add_test(tc, the_detail_shows_the_procedure_whole);
	tcase_add_test(tc, the_detail_scrolls_at_80x24_and_survives_resizes);
	tcase_add_test(tc, without_a_server_the_catalog_says_so);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(catalog_screen_suite)
