#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "app/cli.h"
#include "app/session.h"
#include "check_main.h"
#include "core/calendar.h"
#include "core/model.h"
#include "diskfull.h"
#include "screens/intake_view.h"
#include "store/store.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), "the screen lacks \"%s\":\n%s", (text), \
		      vscreen_dump(&vs))
#define ck_lacks(text) \
	ck_assert_msg(!strstr(vscreen_dump(&vs), (text)), "the screen shows \"%s\":\n%s", (text), \
		      vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* Text as the terminal sends it: one key per character. */
static void type(const char *s)
{
	mbstate_t st = { 0 };
	wchar_t wc;
	size_t n;

	while (*s && (n = mbrtowc(&wc, s, strlen(s), &st)) > 0 && n < (size_t)-2) {
		ui_key(&vs.app, (km_key)wc);
		s += n;
	}
	vscreen_draw(&vs);
}

static struct intake_view *iv(void)
{
	return ui_state(&vs.app, &screen_intake);
}

static int F(const char *key)
{
	int i = iform_find(&iv()->form, key);

	ck_assert_msg(i >= 0, "no field %s", key);
	return i;
}

/* Focus a field by moving to it, as the clerk does. */
static void go_to(const char *key)
{
	int want = F(key);

	for (int guard = 0; iv()->cur != want && guard < 200; guard++)
		keys(iv()->cur < want ? "<Tab>" : "<BackTab>");
	ck_assert_int_eq(iv()->cur, want);
}

static char *sex[] = { "M", "F" };
static struct proc_field fields[] = {
	{ .key = "applicant.id_number", .label = "Số định danh của người đi đăng ký",
	  .type = "id_number", .lookup = "citizen", .required = true, .pattern = "[0-9]{12}" },
	{ .key = "applicant.full_name", .label = "Họ và tên người đi đăng ký", .type = "text",
	  .fill_from = "citizen:full_name", .required = true },
	{ .key = "applicant.birth_date", .label = "Ngày sinh người đi đăng ký", .type = "date",
	  .fill_from = "citizen:birth_date", .required = true },
	{ .key = "child.full_name", .label = "Họ và tên trẻ", .type = "text", .required = true },
	{ .key = "child.birth_date", .label = "Ngày sinh của trẻ", .type = "date", .required = true },
	{ .key = "child.sex", .label = "Giới tính", .type = "select", .required = true,
	  .options = sex, .noptions = 2 },
};
static struct component comps[] = {
	{ .name = "Tờ khai đăng ký khai sinh", .copies = 1 },
	{ .name = "Giấy tờ tùy thân", .copies = 1, .national_source = "population" },
};

static struct procedure birth(void)
{
	return (struct procedure){ .code = "1.001193", .name = "Đăng ký khai sinh", .minutes = 120,
				   .cutoff = 900, .fields = fields, .nfields = 6,
				   .components = comps, .ncomponents = 2 };
}

/* Wednesday 15 October 2025, 09:59:30: the appointment reads 14:00. */
static void open_birth(int rows, int cols)
{
	struct procedure p = birth();

	vscreen_open(&vs, "vt100", rows, cols);
	vs.app.clock_offset = cal_join(2025, 10, 15, 9, 59, 30) - (int64_t)time(NULL);
	vs.app.redraw |= intake_open_with(&vs.app, &p);
	vscreen_draw(&vs);
}

static void teardown(void)
{
	vscreen_close(&vs);
}

/* The clerk pauses: the debounce and any other timer fire. */
static void pause_typing(void)
{
	timers_run(&vs.app.loop.timers, timer_now_ms() + AF_DEBOUNCE_MS + 1);
	vscreen_draw(&vs);
}

START_TEST(form_from_the_procedure_with_the_appointment)
{
	int y, x;

	open_birth(24, 80);
	ck_shows("Intake 1.001193");
	ck_shows("Đăng ký khai sinh (1.001193)");
	ck_shows("Received now, due 14:00 Wed 15/10/2025");
	ck_shows("\u00b7 cut-off 15:00");
	ck_shows("Applicant");
	ck_assert(vscreen_find(&vs, "Số định danh của người đi đăng", &y, &x));
	ck_assert_msg(strstr(vscreen_row(&vs, y), "\u2026 *"), "no required mark:\n%s", vscreen_dump(&vs));
	ck_shows("Child");
	ck_shows("<F10>, <C-t> receives it");
	ck_shows("\u2717 6 to complete");
	/* the focus is on the first field, marked so without colour */
	ck_assert(vscreen_find(&vs, "> ", &y, &x) || vscreen_find(&vs, "\u25b8", &y, &x));
	/* the appointment moves as time passes: after the cut-off, next day */
	vs.app.clock_offset = cal_join(2025, 10, 15, 15, 10, 0) - (int64_t)time(NULL);
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_shows("Received now, due 09:00 Thu 16/10/2025");
}
END_TEST

START_TEST(inline_error_says_why_once_left)
{
	int y, x;

	open_birth(24, 80);
	type("0010850");
	/* still typing: a quiet guide, not a problem mark */
	ck_shows("\u2026 ID number must have 12 digits (9 for an old ID card), got 7");
	ck_lacks("\u2717 Số định danh");
	keys("<Tab>");
	/* at 80 columns, whole: the label is on the row above, not repeated */
	ck_shows("\u2717 ID number must have 12 digits (9 for an old ID card), got 7");
	ck_assert(vscreen_find(&vs, "\u2717 ID number must have", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_BOLD);
	/* the field's own mark is the same glyph, on the row above */
	ck_assert_msg(strstr(vscreen_row(&vs, y - 1), "\u2717 Số định danh"), "%s", vscreen_dump(&vs));
	go_to("applicant.id_number");
	type("12345");
	ck_lacks("must have 12 digits");
	ck_shows("ID number says: Hà Nội, male, born 1985");
}
END_TEST

/* In Vietnamese at 80 columns: the reason whole, the field's label not
 * said again in front of it. */
START_TEST(id_error_whole_at_80_columns_in_vietnamese)
{
	int y, x;

	open_birth(24, 80);
	if (!vscreen_language("vi"))
		return;
	type("0010850");
	keys("<Tab>");
	ck_assert_msg(vscreen_find(&vs, "\u2717 Số định danh cá nhân phải có 12 chữ số (9 chữ số với CMND cũ), "
				   "đã nhập 7", &y, &x), "the reason is cut:\n%s", vscreen_dump(&vs));
	ck_assert_msg(!strstr(vscreen_row(&vs, y), "đi đăng ký"), "the label is repeated:\n%s",
		      vscreen_dump(&vs));
}
END_TEST

/* A reason longer than its row goes on under itself; the next field
 * follows it. */
START_TEST(long_problem_wraps_under_itself)
{
	struct proc_field tax[] = {
		{ .key = "business.tax_code", .label = "Mã số thuế của hộ kinh doanh", .type = "tax_code",
		  .required = true },
		{ .key = "business.name", .label = "Tên hộ kinh doanh", .type = "text" },
	};
	struct procedure p = birth();
	int y, x;

	p.fields = tax;
	p.nfields = 2;
	vscreen_open(&vs, "vt100", 24, 80);
	vs.app.redraw |= intake_open_with(&vs.app, &p);
	go_to("business.tax_code");
	type("0100109106-12");
	keys("<Tab>");
	ck_assert_msg(vscreen_find(&vs, "\u2717 A branch tax code is 10 digits, a dash and 3 digits", &y, &x),
		      "%s", vscreen_dump(&vs));
	ck_assert_msg(strstr(vscreen_row(&vs, y + 1), "got 10 and 2 digits"), "the reason is cut:\n%s",
		      vscreen_dump(&vs));
	ck_assert_int_eq(x, 6);
	ck_assert_msg(strstr(vscreen_row(&vs, y + 2), "Tên hộ kinh doanh"), "%s", vscreen_dump(&vs));
}
END_TEST

START_TEST(offline_lookup_not_done_and_said)
{
	int y, x;

	open_birth(24, 80);
	type("001085012345");
	pause_typing();		/* no server in this test: the lookup cannot be made */
	ck_shows("lookup not done: the register cannot be reached");
	/* and what to do, whole at 80 columns, under its first words */
	ck_assert(vscreen_find(&vs, "lookup not done:", &y, &x));
	ck_assert_msg(strstr(vscreen_row(&vs, y), "type the details by") &&
		      !strcmp(vscreen_row(&vs, y + 1) + strspn(vscreen_row(&vs, y + 1), " "), "hand"),
		      "%s", vscreen_dump(&vs));
	ck_shows("Offline: national data not looked up; complete the form by hand");
	/* typing goes on */
	keys("<Tab>");
	type("Nguyễn Văn An");
	ck_shows("Nguyễn Văn An");
}
END_TEST

/* A register that answers at once: An of the training data. */
static int looked_up;
static unsigned now_lookup(void *arg, const char *reg, const char *id, const char *purpose,
			   af_got_fn got, void *ctx)
{
	struct record *r = calloc(1, sizeof *r);
	struct api_result res = { .fail = API_OK };

	(void)arg, (void)purpose;
	looked_up++;
	ck_assert_str_eq(reg, "citizen");	/* the field's register, by name */
	ck_assert_str_eq(id, "001085012345");
	record_set(r, "full_name", "Nguyễn Văn An");
	record_set(r, "birth_date", "1985-04-12");
	got(ctx, r, &res);
	return 7;
}

static void no_cancel(void *arg, unsigned id)
{
	(void)arg, (void)id;
}

START_TEST(national_fields_marked_by_glyph_and_attribute)
{
	int y, x;

	open_birth(24, 80);
	iv()->af.be = (struct af_backend){ now_lookup, no_cancel, NULL };
	type("001085012345");
	pause_typing();
	ck_assert_int_eq(looked_up, 1);
	ck_shows("found in the register: 2 fields filled");
	ck_assert(vscreen_find(&vs, "Nguyễn Văn An", &y, &x));
	ck_assert_msg(strstr(vscreen_row(&vs, y), "\u25c6 Họ và tên"), "no national mark:\n%s",
		      vscreen_dump(&vs));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_shows("12/04/1985");
	ck_assert(iv()->form.c[1].from_national);
	for (int i = 0; i < 20 && iv()->cur != iv()->form.nf + 1; i++)
		keys("<Tab>");
	ck_shows("\u25c6 Giấy tờ tùy thân \u2014 national data (from the lookup)");
	/* the clerk corrects the name: another mark */
	go_to("applicant.full_name");
	keys("<Backspace>");
	type("h");
	ck_assert(vscreen_find(&vs, "Nguyễn Văn Ah", &y, &x));
	ck_assert_msg(strstr(vscreen_row(&vs, y), "\u270e Họ và tên"), "no corrected mark:\n%s",
		      vscreen_dump(&vs));
	ck_assert_int_eq(iv()->form.f[F("applicant.full_name")].origin, IO_CORRECTED);
}
END_TEST

START_TEST(submit_goes_to_the_first_problem)
{
	open_birth(24, 80);
	iv()->af.be = (struct af_backend){ now_lookup, no_cancel, NULL };
	type("001085012345");
	pause_typing();
	keys("<F10>");
	ck_assert_int_eq(iv()->cur, F("child.full_name"));
	ck_assert_int_eq(iv()->phase, IP_FORM);
	ck_shows("\u2717 This field is required");
	ck_shows("3 problems; the first: This field is required (Họ và tên trẻ)");
	ck_shows("3 to complete");
	type("Nguyễn Minh Khôi");
	keys("<Tab>");
	type("01/10/2026");	/* a birth in the future */
	keys("<F10>");
	ck_shows("\u2717 In the future: today is 15/10/2025");
	ck_assert_int_eq(iv()->cur, F("child.birth_date"));
	keys("<C-u>");
	type("01/10/2025");
	keys("<Tab>");
	ck_assert_int_eq(iv()->cur, F("child.sex"));
	keys("<Space>");
	/* the register's codes, in words */
	ck_shows("\u2039 Male \u203a");
	keys("<Right>");
	ck_shows("\u2039 Female \u203a");
	ck_assert_str_eq(iv()->form.f[F("child.sex")].value, "F");
	ck_shows("complete");
	ck_lacks("to complete");
	/* valid now: it goes to the engine, which has no server in this test
	 * (the e2e tests send it); the form stays, nothing is lost */
	keys("<F10>");
	ck_shows("the intake could not be saved: no server");
	ck_assert_int_eq(iv()->phase, IP_FORM);
}
END_TEST

START_TEST(joint_procedure_is_one_form)
{
	struct proc_part parts[] = { { "1.001193", "Đăng ký khai sinh" },
				     { "1.004222", "Đăng ký thường trú" },
				     { "SBX.BH1", "Cấp thẻ BHYT" } };
	struct procedure p = birth();

	p.code = "SBX.LT1";
	p.name = "Liên thông khai sinh, thường trú, BHYT cho trẻ dưới 6 tuổi";
	p.joint = true;
	p.minutes = 3 * 480;
	p.parts = parts;
	p.nparts = 3;
	vscreen_open(&vs, "vt100", 24, 100);
	vs.app.clock_offset = cal_join(2025, 10, 15, 9, 59, 30) - (int64_t)time(NULL);
	vs.app.redraw |= intake_open_with(&vs.app, &p);
	vscreen_draw(&vs);
	ck_shows("Joint procedure, one form for: Đăng ký khai sinh + Đăng ký thường trú + Cấp thẻ BHYT");
	ck_shows("Received now, due 10:00 Mon 20/10/2025");
}
END_TEST

/* Blocks are headed by the person's role; a server's other blocks by one
 * plain heading, not by its keys. */
START_TEST(blocks_headed_for_the_clerk)
{
	struct proc_field f[] = {
		{ .key = "applicant.full_name", .label = "Họ và tên người yêu cầu", .type = "text" },
		{ .key = "deceased.full_name", .label = "Họ và tên người chết", .type = "text" },
		{ .key = "household_head.full_name", .label = "Họ và tên chủ hộ", .type = "text" },
		{ .key = "residence.address", .label = "Nơi đăng ký thường trú", .type = "text" },
		{ .key = "health_insurance.facility", .label = "Nơi khám bệnh ban đầu",
		  .type = "text" },
	};
	struct procedure p = birth();
	const char *dump;

	p.fields = f;
	p.nfields = 5;
	vscreen_open(&vs, "vt100", 24, 80);
	vs.app.redraw |= intake_open_with(&vs.app, &p);
	vscreen_draw(&vs);
	ck_shows("The deceased");
	ck_shows("Head of household");
	dump = vscreen_dump(&vs);
	ck_assert_ptr_nonnull(strstr(dump, "Other details"));
	ck_assert_ptr_null(strstr(strstr(dump, "Other details") + 1, "Other details"));
	ck_lacks("health_insurance");
	ck_lacks("residence");
}
END_TEST

/* Once received: the receipt under the result, whole at 80 columns (an A4
 * receipt is 80 columns wide; the margin gives way, not its words). */
START_TEST(receipt_whole_at_80_columns)
{
	struct component c = { .name = "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, "
				       "bảo hiểm y tế (Mẫu TK1-TS)", .copies = 1, .provided = true };
	struct dossier d = { .code = "000.01.01.H26-251015-0013", .procedure_code = "SBX.BH1",
			     .procedure_name = "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
			     .agency = "000.01.01.H26", .applicant_name = "Nguyễn Văn An",
			     .applicant_id = "001085012345", .components = &c, .ncomponents = 1,
			     .copies = 1 };
	struct receipt_opts o = { .paper = PAPER_A4 };
	struct err e;
	int y, x;

	open_birth(24, 80);
	d.received_at = cal_join(2025, 10, 15, 10, 0, 0);
	d.due_at = cal_join(2025, 10, 16, 10, 0, 0);
	o.now = d.received_at;
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &iv()->receipt, &e), 0);
	iv()->have_receipt = true;
	iv()->phase = IP_SENT;
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_shows("p prints the receipt");
	ck_shows("bảo hiểm y tế (Mẫu");
	ck_lacks("(M\u2026");
	ck_assert(vscreen_find(&vs, "Applicant: Nguyễn Văn An", &y, &x));
	ck_assert_int_eq(x, 0);
	/* wider, the margin is back */
	vscreen_resize(&vs, 24, 100);
	ck_assert(vscreen_find(&vs, "Applicant: Nguyễn Văn An", &y, &x));
	ck_assert_int_eq(x, 2);
}
END_TEST

START_TEST(resize_keeps_the_focus_in_view)
{
	open_birth(24, 80);
	for (int i = 0; i < 9; i++)
		keys("<Tab>");
	ck_assert_int_eq(iv()->cur, F(IFORM_NOTE));
	ck_shows("Note");
	vscreen_resize(&vs, 30, 120);
	ck_shows("Note");
	vscreen_resize(&vs, 20, 60);
	ck_shows("Terminal too small");
	vscreen_resize(&vs, 24, 80);
	ck_shows("Note");
	keys("<Tab>");
	ck_shows("Components");
	ck_shows("\u25b8 \u2713 Tờ khai đăng ký khai sinh \u2014 on paper");
	keys("<Esc>");
	ck_assert_ptr_eq(vs.app.ui->screen, &screen_inbox);
}
END_TEST

START_TEST(esc_asks_before_losing_typed_data)
{
	open_birth(24, 80);
	type("0010");
	keys("<Tab>");
	keys("<Esc>");
	ck_assert_ptr_eq(vs.app.ui->screen, &screen_intake);
	ck_shows("Esc again leaves the form");
	keys("<Esc>");
	ck_assert_ptr_eq(vs.app.ui->screen, &screen_inbox);
}
END_TEST

/* The disk is full as the intake is saved: the form stays with all that
 * was typed, a notice says so, and once there is room the same F10 saves
 * it (queued: this session's server does not answer). */
START_TEST(a_full_disk_keeps_the_intake_form)
{
	struct cli cli = { .profile = "sandbox-reference", .server = "http://127.0.0.1:9", .user = "tiepnhan1" };
	char dir[64], cmd[128], path[4096];
	struct store *st;
	struct err e;

	open_birth(24, 80);
	ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/motcua-screen-full.XXXXXX")));
	setenv("XDG_DATA_HOME", dir, 1);
	/* the clerk logged in there before: the store exists (none is made
	 * before a login) */
	ck_assert_msg(store_settle(cli.server, NULL, cli.user, path, sizeof path, &e) == 0, "%s", e.msg);
	ck_assert_msg((st = store_open(path, &e)) != NULL, "%s", e.msg);
	store_close(st);
	ck_assert_msg(session_open(&vs.app, &cli, "x", &e) == 0, "%s", e.msg);
	iv()->af.be = (struct af_backend){ now_lookup, no_cancel, NULL };
	type("001085012345");
	pause_typing();
	go_to("child.full_name");
	type("Nguyễn Minh Khôi");
	keys("<Tab>");
	type("01/10/2025");
	keys("<Tab>");
	keys("<Space>");
	diskfull_on(store_db(vs.app.store), "BEFORE INSERT ON outbox");
	keys("<F10>");
	ck_assert_int_eq(iv()->phase, IP_FORM);
	ck_shows("DISK FULL: nothing more can be saved on this machine.");
	ck_assert_str_eq(iv()->form.f[F("child.full_name")].value, "Nguyễn Minh Khôi");
	ck_assert_int_eq(vs.app.queued, 0);

	diskfull_off(store_db(vs.app.store));
	keys("<F10>");
	ck_assert_int_eq(iv()->phase, IP_SENT);
	ck_assert_int_eq(vs.app.queued, 1);
	ck_lacks("DISK FULL");
	session_close(&vs.app);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *intake_suite(void)
{
	Suite *s = suite_create("intake screen");
	TCase *tc = tcase_create("intake");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, form_from_the_procedure_with_the_appointment);
	tcase_add_test(tc, inline_error_says_why_once_left);
	tcase_add_test(tc, id_error_whole_at_80_columns_in_vietnamese);
	tcase_add_test(tc, long_problem_wraps_under_itself);
	tcase_add_test(tc, offline_lookup_not_done_and_said);
	tcase_add_test(tc, national_fields_marked_by_glyph_and_attribute);
	tcase_add_test(tc, submit_goes_to_the_first_problem);
	tcase_add_test(tc, joint_procedure_is_one_form);
	tcase_add_test(tc, blocks_headed_for_the_clerk);
	tcase_add_test(tc, receipt_whole_at_80_columns);
	tcase_add_test(tc, resize_keeps_the_focus_in_view);
	tcase_add_test(tc, esc_asks_before_losing_typed_data);
	tcase_add_test(tc, a_full_disk_keeps_the_intake_form);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(intake_suite)
