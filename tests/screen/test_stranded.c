/* Actions waiting in another local store of the clerk (made at another
 * address of the same server, issue 15): the inbox asks once whether to
 * send them, never while the clerk types, and the outbox says how many
 * wait and which key takes them over. app->stranded is what the session
 * counts after the login; no server runs here, so taking over says that
 * there is none (the e2e test store_ident delivers them for real). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "screens/inbox.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), "no \"%s\" on:\n%s", (text), vscreen_dump(&vs))
#define ck_hides(text) \
	ck_assert_msg(!strstr(vscreen_dump(&vs), (text)), "\"%s\" on:\n%s", (text), vscreen_dump(&vs))

/* More dossiers than the page holds, so the list reaches the last rows. */
#define NDOSSIERS 40

static void open_inbox(int64_t stranded)
{
	struct dossier *d = xcalloc(NDOSSIERS, sizeof *d);

	vscreen_open(&vs, "vt100", 24, 80);
	for (size_t i = 0; i < NDOSSIERS; i++) {
		char code[64];

		snprintf(code, sizeof code, "000.00.01.H22-251014-%04zu", i + 1);
		d[i] = (struct dossier){ .code = xstrdup(code), .applicant_name = xstrdup("Nguyễn Văn An"),
					 .status = 2, .channel = 1 };
	}
	app_set_dossiers(&vs.app, d, NDOSSIERS);
	vs.app.stranded = stranded;	/* counted once the login settled the store */
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
}

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* The row where text is, -1 if none. */
static int row_of(const char *text)
{
	int y, x;

	return vscreen_find(&vs, text, &y, &x) ? y : -1;
}

START_TEST(asked_once_over_the_list_and_no_leaves_them)
{
	int y;

	open_inbox(2);
	ck_shows("2 actions wait in another local store of yours for this server");
	/* whole, on two rows, the keys that answer at the end */
	y = row_of("send them now?  y / n");
	ck_assert_msg(y == 22, "the answer's keys on row %d:\n%s", y, vscreen_dump(&vs));
	/* the list stops above the question */
	ck_assert_msg(!strstr(vscreen_row(&vs, 21), "H22-") && !strstr(vscreen_row(&vs, 22), "H22-"),
		      "%s", vscreen_dump(&vs));
	ck_assert(screen_inbox.asking(&vs.app));	/* a macro leaves it to the clerk */
	/* only the answer counts */
	keys("j");
	keys("q");
	ck_assert(!vs.app.quit);
	ck_shows("send them now?");
	keys("n");
	ck_hides("send them now?");
	ck_shows("2 actions left in the other store: :outbox-adopt sends them later");
	ck_assert_int_eq(vs.app.stranded, 2);	/* left where they are */
	/* not asked again in this run */
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_hides("send them now?");
	ck_assert(!screen_inbox.asking(&vs.app));
	vscreen_close(&vs);
}
END_TEST

START_TEST(yes_takes_them_over)
{
	open_inbox(1);
	ck_shows("1 action waits in another local store of yours for this server");
	ck_shows("send it now?");
	keys("y");
	ck_hides("send it now?");
	/* what :outbox-adopt says, here without a server */
	ck_shows("no server: nothing to take over");
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_hides("send it now?");
	vscreen_close(&vs);
}
END_TEST

/* The filter being typed is not broken into: asked once it is done. */
START_TEST(typing_defers_the_question)
{
	open_inbox(0);
	keys("/");
	keys("N");
	vs.app.stranded = 1;	/* the login settled meanwhile */
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_hides("send it now?");
	ck_shows("Filter: N");
	keys("g");
	ck_hides("send it now?");
	keys("<Enter>");
	ck_shows("send it now?");
	keys("<Esc>");	/* Esc answers no */
	ck_hides("send it now?");
	ck_shows("1 action left in the other store");
	vscreen_close(&vs);
}
END_TEST

/* Nor is a line being typed at the ':' prompt. */
START_TEST(the_command_line_defers_the_question)
{
	open_inbox(0);
	keys(":");
	keys("h");
	vs.app.stranded = 2;
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_hides("send them now?");
	keys("<Esc>");
	vs.app.redraw |= RD_BODY;
	vscreen_draw(&vs);
	ck_shows("send them now?");
	vscreen_close(&vs);
}
END_TEST

/* The outbox's help names the key, from the keymap. */
START_TEST(the_outbox_help_names_the_key)
{
	int y;

	open_inbox(0);
	keys("O");
	keys("?");
	y = row_of("outbox-adopt");
	ck_assert_msg(y > 0 && strstr(vscreen_row(&vs, y), "  A  "), "%s", vscreen_dump(&vs));
	vscreen_close(&vs);
}
END_TEST

/* Over another screen the question waits for the inbox; the outbox says
 * how many wait elsewhere, with its key. */
START_TEST(the_outbox_tells_and_takes_them_over)
{
	int y;

	open_inbox(0);
	vs.app.stranded = 3;
	keys("O");
	ck_hides("send them now?");
	ck_shows("Every action in this store has reached the server.");
	y = row_of("3 actions wait in another local store");
	ck_assert_msg(y == 21, "on row %d:\n%s", y, vscreen_dump(&vs));
	ck_assert_msg(strstr(vscreen_row(&vs, 22), "A takes them over and sends them."), "%s", vscreen_dump(&vs));
	keys("A");
	ck_shows("no server: nothing to take over");
	keys("q");
	ck_shows("3 actions wait in another local store of yours for this server");
	ck_shows("send them now?");
	vscreen_close(&vs);
}
END_TEST

START_TEST(the_question_whole_at_80_columns_in_vietnamese)
{
	open_inbox(0);
	if (!vscreen_language("vi")) {
		vscreen_close(&vs);
		return;
	}
	vs.app.stranded = 1;
	vs.app.redraw |= RD_ALL;
	vscreen_draw(&vs);
	ck_shows("1 thao tác của bạn cho máy chủ này đang chờ");
	ck_shows("gửi ngay bây giờ?");
	vscreen_close(&vs);
}
END_TEST

static Suite *stranded_suite(void)
{
	Suite *s = suite_create("screen_stranded");
	TCase *tc = tcase_create("stranded");

	tcase_add_test(tc, asked_once_over_the_list_and_no_leaves_them);
	tcase_add_test(tc, yes_takes_them_over);
	tcase_add_test(tc, typing_defers_the_question);
	tcase_add_test(tc, the_command_line_defers_the_question);
	tcase_add_test(tc, the_outbox_help_names_the_key);
	tcase_add_test(tc, the_outbox_tells_and_takes_them_over);
	tcase_add_test(tc, the_question_whole_at_80_columns_in_vietnamese);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(stranded_suite)
