#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "screens/macro.h"
#include "vscreen.h"

/* Macros on a virtual screen: naming and saving what was recorded (the
 * settings file's folders made, the file private), deleting it from the
 * list and the file, a question answered into the screen, Esc stopping. */

static struct vscreen vs;
static char dir[] = "/tmp/motcua-macros-XXXXXX";
static char rc[256];

#define ck_row_has(y, text) \
	ck_assert_msg(strstr(vscreen_row(&vs, (y)), (text)), \
		      "row %d lacks \"%s\":\n%s", (y), (text), vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

static void typed(const char *s)
{
	for (; *s; s++) {
		char k[2] = { *s, '\0' };

		keys(k);
	}
}

/* An inbox of n dossiers, the first selected (row 3). */
static void open_inbox(int n)
{
	struct dossier *d = xcalloc((size_t)n, sizeof *d);

	vscreen_open(&vs, "vt100", 24, 80);
	vs.app.clock_offset = cal_join(2025, 11, 24, 9, 0, 0) - (int64_t)time(NULL);
	for (int i = 0; i < n; i++) {
		char code[32];

		snprintf(code, sizeof code, "X-%02d", i);
		d[i] = (struct dossier){ .code = xstrdup(code), .applicant_name = xstrdup("Đỗ Văn X"),
					 .status = ST_PROCESSING,
					 .due_at = cal_join(2025, 12, 1, 9, 0, 0) + i };
	}
	app_set_dossiers(&vs.app, d, (size_t)n);
	vscreen_draw(&vs);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = xcalloc(1, 4096);

	if (f) {
		if (fread(buf, 1, 4095, f) == 0)
			buf[0] = '\0';
		fclose(f);
	}
	return buf;
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* two folders that do not exist yet */
	snprintf(rc, sizeof rc, "%s/config/motcua/motcuarc", dir);
	setenv("MOTCUA_CONFIG", rc, 1);
}

START_TEST(recorded_named_saved_and_deleted)
{
	struct stat st;
	char *text;

	setup();
	open_inbox(10);
	keys("<F9>");
	ck_row_has(23, "Recording: the keys you type now make the macro.");
	keys("2");
	keys("j");
	keys("<F9>");
	ck_row_has(0, "Macros (0)");
	ck_row_has(2, "Recorded on the inbox screen:");
	ck_row_has(3, "2j");
	typed("Down two");
	keys("<Enter>");
	ck_row_has(7, "Press the key that will run it");
	keys("<F5>");
	ck_row_has(0, "Macros (1)");
	ck_row_has(2, "Down two");
	ck_assert_int_eq(stat(rc, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	text = slurp(rc);
	ck_assert_str_eq(text, "macro inbox \"<F5>\" \"2j\" \"Down two\"\n");
	free(text);
	keys("d");
	ck_row_has(0, "Macros (0)");
	ck_assert_ptr_null(macros_find(vs.app.macros, "inbox", KM_FKEY | KEY_F(5)));
	text = slurp(rc);
	ck_assert_str_eq(text, "");
	free(text);
	unlink(rc);
	*strrchr(rc, '/') = '\0';
	rmdir(rc);
	*strrchr(rc, '/') = '\0';
	rmdir(rc);
	rmdir(dir);
	macro_free_all(&vs.app);
	vscreen_close(&vs);
}
END_TEST

static void define(const char *line)
{
	struct cmd_words w = { 0 };
	struct err e = { "" };

	ck_assert_int_eq(cmd_split(line, &w, &e), 0);
	ck_assert_msg(macro_cmd(&vs.app, &w, &e) == 0, "%s", e.msg);
	cmd_words_free(&w);
}

START_TEST(a_question_is_answered_into_the_screen)
{
	open_inbox(10);
	define("macro inbox <F6> \"<ask:How many rows down>j\" \"Down some\"");
	keys("<F6>");
	macro_pump(&vs.app);
	vscreen_draw(&vs);
	ck_row_has(22, "Macro <F6>: How many rows down: type it, then Enter");
	/* typed into the inbox: a count */
	keys("4");
	keys("<Enter>");
	macro_pump(&vs.app);
	vscreen_draw(&vs);
	ck_assert(vscreen_attr(&vs, 3 + 4, 5) & A_REVERSE);
	ck_row_has(23, "Macro <F6> done (2 steps).");
	macro_free_all(&vs.app);
	vscreen_close(&vs);
}
END_TEST

START_TEST(esc_stops_at_the_step_it_is_on)
{
	int y, x;

	open_inbox(10);
	define("macro inbox <F7> \"jj<ask:Go on>j\"");
	keys("<F7>");
	macro_pump(&vs.app);
	keys("<Esc>");
	ck_row_has(22, "Macro <F7> stopped at step 3 of 4 (<ask:Go on>): stopped by you. It had typed:");
	ck_assert_msg(!strncmp(vscreen_row(&vs, 23), " jj ", 4), "%s", vscreen_dump(&vs));
	ck_assert(vscreen_attr(&vs, 3 + 2, 5) & A_REVERSE);
	/* the report stays until the next key */
	macro_pump(&vs.app);
	vscreen_draw(&vs);
	ck_assert(vscreen_find(&vs, "stopped by you", &y, &x));
	keys("k");
	ck_assert_ptr_null(macro_report(&vs.app));
	macro_free_all(&vs.app);
	vscreen_close(&vs);
}
END_TEST

static Suite *macros_screen_suite(void)
{
	Suite *s = suite_create("screen_macros");
	TCase *tc = tcase_create("macros");

	tcase_add_test(tc, recorded_named_saved_and_deleted);
	tcase_add_test(tc, a_question_is_answered_into_the_screen);
	tcase_add_test(tc, esc_stops_at_the_step_it_is_on);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(macros_screen_suite)
