/* The screens' state through the screen interface: each registered screen
 * that keeps one gets it zeroed on first use, the same one afterwards, and
 * the ui frees it when it closes, with all it holds (run under ASan:
 * no leak, no double free). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "screens/catalog.h"
#include "vscreen.h"

static struct vscreen vs;

#define CODE "000.00.01.H22-251014-0001"

static void open_desk(void)
{
	struct dossier *d = xcalloc(1, sizeof *d);

	vscreen_open(&vs, "xterm-256color", 24, 80);
	vs.app.clock_offset = cal_join(2025, 10, 15, 9, 0, 0) - (int64_t)time(NULL);
	vs.app.user = xstrdup("tiepnhan1");
	d[0] = (struct dossier){ .code = xstrdup(CODE), .applicant_name = xstrdup("Nguyễn Văn An"),
				 .procedure_name = xstrdup("Đăng ký khai sinh"), .status = ST_PROCESSING,
				 .received_at = cal_join(2025, 10, 14, 8, 0, 0),
				 .due_at = cal_join(2025, 10, 20, 17, 0, 0),
				 .allowed = 1u << ACT_REQUEST_SUPPLEMENT };
	app_set_dossiers(&vs.app, d, 1);
	pw_verifier_set(&vs.app.unlock, "mật khẩu");
	vscreen_draw(&vs);
}

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* Opened, drawn: what it holds is made now. */
static void shown(unsigned flags, const struct screen *s)
{
	vs.app.redraw |= flags;
	vscreen_draw(&vs);
	ck_assert_ptr_eq(vs.app.ui->screen, s);
}

START_TEST(each_state_is_made_zeroed_once_and_kept)
{
	vscreen_open(&vs, "vt100", 24, 80);
	/* the inbox is drawn already: its state is made */
	ck_assert_ptr_nonnull(vs.app.ui->state[0]);
	ck_assert_ptr_eq(screen_registry[0], &screen_inbox);
	for (size_t i = 1; screen_registry[i]; i++) {
		const struct screen *s = screen_registry[i];
		const unsigned char *p;

		ck_assert_ptr_null(vs.app.ui->state[i]);
		if (!s->state_size) {
			ck_assert_ptr_null(s->state_free);
			continue;
		}
		p = ui_state(&vs.app, s);
		ck_assert_ptr_nonnull(p);
		for (size_t b = 0; b < s->state_size; b++)
			ck_assert_msg(!p[b], "%s's state is not zeroed", s->context);
		ck_assert_ptr_eq(ui_state(&vs.app, s), p);
		ck_assert_ptr_eq(vs.app.ui->state[i], p);
	}
	ui_close(&vs.app);
	ck_assert_ptr_null(ui_state(&vs.app, &screen_inbox));	/* a late callback finds none */
	vscreen_close(&vs);
}
END_TEST

/* Every screen opened with something in it, a few still open when the ui
 * closes: everything they hold is freed, once. */
START_TEST(every_screen_opened_is_freed_with_the_ui)
{
	struct procedure *items = xcalloc(1, sizeof *items);
	struct procedure p = { .code = "1.001193", .name = "Đăng ký khai sinh", .minutes = 120,
			       .cutoff = 900 };

	open_desk();
	keys("/");
	keys("A");
	keys("<Enter>");
	login_open(&vs.app);
	shown(0, &screen_login);
	keys("x");
	ui_pop(&vs.app);
	shown(messages_open(&vs.app), &screen_messages);
	ui_pop(&vs.app);
	/* a recording stopped: the macros screen asks for its name */
	keys("<F9>");
	keys("j");
	keys("<F9>");
	shown(0, &screen_macros);
	ui_pop(&vs.app);
	shown(dossier_open(&vs.app, CODE), &screen_dossier);
	shown(paper_open(&vs.app, CODE), &screen_paper);
	shown(act_open(&vs.app, CODE, ACT_REQUEST_SUPPLEMENT), &screen_act);
	keys("<Tab>");
	keys("x");
	shown(outbox_open(&vs.app), &screen_outbox);
	items[0] = (struct procedure){ .code = xstrdup(p.code), .name = xstrdup(p.name), .minutes = 120 };
	shown(catalog_open(&vs.app), &screen_catalog);
	catalog_set(&vs.app, items, 1);
	shown(catalog_detail_open(&vs.app, p.code), &screen_catalog_detail);
	shown(intake_open_with(&vs.app, &p), &screen_intake);
	shown(help_open(&vs.app), &screen_help);
	ui_pop(&vs.app);	/* the stack is full */
	shown(colors_open(&vs.app), &screen_colors);
	ui_pop(&vs.app);
	shown(dashboard_open(&vs.app), &screen_dashboard);
	shown(lock_open(&vs.app), &screen_lock);
	keys("y");
	for (size_t i = 0; screen_registry[i]; i++)
		ck_assert_msg(!screen_registry[i]->state_size || vs.app.ui->state[i],
			      "the %s screen keeps a state: open it in this test", screen_registry[i]->context);
	vscreen_close(&vs);
}
END_TEST

static Suite *screens_suite(void)
{
	Suite *s = suite_create("screen_screens");
	TCase *tc = tcase_create("state");

	tcase_add_test(tc, each_state_is_made_zeroed_once_and_kept);
	tcase_add_test(tc, every_screen_opened_is_freed_with_the_ui);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(screens_suite)
