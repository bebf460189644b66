#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "vscreen.h"

static const char *const shipped[] = { "default", "light", "high-contrast", "monochrome" };

static struct vscreen vs;

/* The theme called name, read as the client reads it (no settings lines
 * over it); fails the test on any broken line. */
static void read_shipped(const char *name, struct theme *t)
{
	struct theme none;
	struct err e = { "" };
	char *warnings;

	theme_default(&none);
	ck_assert_msg(colors_read(name, &none, t, &warnings, &e) == 0, "%s: %s", name, e.msg);
	ck_assert_msg(!warnings, "%s", warnings);
}

/* The preview on a terminal of type term in theme name; every object's
 * name is drawn as the theme says it is drawn. */
static void ck_preview_draws_every_object(const char *term, const char *name)
{
	struct theme t;

	read_shipped(name, &t);
	vscreen_open(&vs, term, 40, 100);
	vs.app.redraw |= ui_theme(&vs.app, &t);
	vs.app.redraw |= colors_open(&vs.app);
	vscreen_draw(&vs);
	for (int i = 0; i < TH_COUNT; i++) {
		attr_t want = theme_attr(&vs.app.ui->theme, (enum theme_obj)i);
		const char *obj = theme_obj_name((enum theme_obj)i);
		char label[64];
		int y, x;

		/* the name at the start of its row: "default" is in other words too */
		snprintf(label, sizeof label, "%s ", obj);
		for (y = 0; y < LINES; y++)
			if (!strncmp(vscreen_row(&vs, y), label, strlen(label)))
				break;
		ck_assert_msg(y < LINES, "%s, %s: no row for %s:\n%s", term, name, obj, vscreen_dump(&vs));
		x = 0;
		ck_assert_msg(vscreen_attr(&vs, y, x) == (want & ~A_COLOR),
			      "%s, %s: %s drawn with attributes %lx, not %lx", term, name, obj,
			      (unsigned long)vscreen_attr(&vs, y, x), (unsigned long)(want & ~A_COLOR));
		ck_assert_int_eq(vscreen_pair(&vs, y, x), PAIR_NUMBER(want));
		if (!vs.app.ui->theme.colors)
			ck_assert(want == vs.app.ui->theme.look[i].mono);
	}
	vscreen_close(&vs);
}

START_TEST(each_shipped_theme_draws_every_object)
{
	static const char *const terms[] = { "xterm-256color", "xterm", "vt100" };

	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++)
		for (size_t k = 0; k < sizeof terms / sizeof *terms; k++)
			ck_preview_draws_every_object(terms[k], shipped[i]);
}
END_TEST

/* Each shipped theme names every object, with and without colours, so a
 * copy of it shows a clerk everything there is to change. */
START_TEST(each_shipped_theme_names_every_object)
{
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		struct theme t;

		read_shipped(shipped[i], &t);
		for (int o = 0; o < TH_COUNT; o++)
			ck_assert_msg(t.set[o] == (TH_SET_COLOR | TH_SET_MONO), "%s.theme lacks a %s line for %s",
				      shipped[i], t.set[o] & TH_SET_COLOR ? "mono" : "color",
				      theme_obj_name((enum theme_obj)o));
	}
}
END_TEST

/* default.theme is the built-in theme written out, for copying. */
START_TEST(default_theme_file_is_the_built_in_one)
{
	struct theme file, built_in;

	read_shipped("default", &file);
	theme_default(&built_in);
	for (int o = 0; o < TH_COUNT; o++)
		ck_assert_msg(!memcmp(&file.look[o], &built_in.look[o], sizeof file.look[o]),
			      "default.theme and theme.c differ on %s", theme_obj_name((enum theme_obj)o));
}
END_TEST

START_TEST(a_broken_theme_line_names_file_and_line)
{
	char path[] = "/tmp/motcua-theme-XXXXXX", want[128];
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct theme none, t;
	struct err e = { "" };
	char *warnings;

	fputs("# mine\ncolor title-bar black yellow bold\ncolor status-bar black yellow blink\n"
	      "mono deadline-today reverse\n", f);
	fclose(f);
	theme_default(&none);
	ck_assert_int_eq(colors_read(path, &none, &t, &warnings, &e), 0);
	ck_assert_ptr_nonnull(warnings);
	snprintf(want, sizeof want, "%s:3: 'blink' is not an attribute", path);
	ck_assert_msg(strstr(warnings, want), "%s", warnings);
	ck_assert_ptr_null(strchr(warnings, '\n'));	/* one broken line */
	ck_assert_int_eq(t.look[TH_TITLE_BAR].bg, COLOR_YELLOW);	/* the others count */
	ck_assert(t.look[TH_DEADLINE_TODAY].mono == A_REVERSE);
	ck_assert_int_eq(t.look[TH_STATUS_BAR].bg, 24);	/* the broken one changed nothing */
	free(warnings);
	unlink(path);
}
END_TEST

/* A theme that is not there: said, and the built-in one with the
 * settings file's lines is drawn. */
START_TEST(a_missing_theme_is_said_and_the_default_drawn)
{
	struct theme user, t;
	struct err e = { "" };
	char *warnings;
	char *line[] = { "color", "list-header", "red", "default" };

	theme_default(&user);
	ck_assert_int_eq(theme_color_cmd(&user, 4, line, &e), 0);
	ck_assert_int_eq(colors_read("solarized", &user, &t, &warnings, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "no theme named 'solarized' (looked for solarized.theme in "));
	ck_assert_ptr_null(warnings);
	ck_assert_int_eq(t.look[TH_LIST_HEADER].fg, COLOR_RED);
	ck_assert_int_eq(t.look[TH_TITLE_BAR].bg, 24);
	ck_assert_int_eq(colors_read("/nonexistent/mine.theme", &user, &t, &warnings, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot read the theme /nonexistent/mine.theme"));
}
END_TEST

/* An SGR sequence that sets a colour: 30-49 (38 and 48 included, and the
 * terminal's own, 39 and 49), 90-107. */
static bool sgr_has_color(const char *p, const char *end)
{
	const char *q = p;
	bool color = false;

	while (q < end && ((*q >= '0' && *q <= '9') || *q == ';'))
		q++;
	if (q == end || *q != 'm')
		return false;	/* another sequence: a cursor move to row 40 is no colour */
	while (p < q) {
		long n = strtol(p, (char **)&p, 10);

		color |= (n >= 30 && n <= 49) || (n >= 90 && n <= 107);
		if (*p == ';')
			p++;
	}
	return color;
}

/* Whether the bytes written hold an escape that sets a colour (SGR, or a
 * colour the terminal is told to define). */
static bool bytes_have_color(const char *b, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++) {
		if (b[i] != '\033')
			continue;
		if (b[i + 1] == '[' && sgr_has_color(b + i + 2, b + n))
			return true;
		if (b[i + 1] == ']' && b[i + 2] == '4')	/* OSC 4: a palette entry */
			return true;
	}
	return false;
}

/* The bytes the client writes to draw the inbox and the preview of theme
 * name on a terminal of type term. */
static char *drawn_bytes(const char *term, const char *name, size_t *n)
{
	char path[] = "/tmp/motcua-bytes-XXXXXX";
	int fd = mkstemp(path);
	struct err e = { "" };
	struct theme t;
	char *buf;
	FILE *f;
	long len;

	read_shipped(name, &t);
	memset(&vs, 0, sizeof vs);
	vs.out = fdopen(fd, "w+");
	vs.in = fopen("/dev/null", "r");
	ck_assert_msg(app_init(&vs.app, &e) == 0, "%s", e.msg);
	ck_assert_msg(ui_open_themed(&vs.app, term, vs.out, vs.in, &t, &e) == 0, "%s", e.msg);
	vscreen_resize(&vs, 40, 100);
	vs.app.redraw |= colors_open(&vs.app);
	vscreen_draw(&vs);
	vscreen_close(&vs);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	ck_assert_int_eq(fread(buf, 1, (size_t)len, f), len);
	fclose(f);
	unlink(path);
	*n = (size_t)len;
	ck_assert_msg(len > 1000, "%s: only %ld bytes drawn", term, len);
	return buf;
}

static void ck_color_bytes(const char *term, const char *name, bool want)
{
	size_t n;
	char *b = drawn_bytes(term, name, &n);

	ck_assert_msg(bytes_have_color(b, n) == want, "%s, theme %s, NO_COLOR=%s: %s colour escape",
		      term, name, getenv("NO_COLOR") ? getenv("NO_COLOR") : "",
		      want ? "no" : "a");
	free(b);
}

START_TEST(no_color_and_monochrome_write_no_colour_escape)
{
	/* the check sees colour where there is some */
	ck_color_bytes("xterm-256color", "default", true);
	ck_color_bytes("xterm", "light", true);
	/* monochrome, on a colour terminal: not even a reset to the
	 * terminal's own colours */
	ck_color_bytes("xterm-256color", "monochrome", false);
	/* a terminal without colours, whatever the theme */
	ck_color_bytes("vt100", "high-contrast", false);
	/* NO_COLOR: set and not empty */
	setenv("NO_COLOR", "1", 1);
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++)
		ck_color_bytes("xterm-256color", shipped[i], false);
	setenv("NO_COLOR", "", 1);	/* empty: as if not set */
	ck_color_bytes("xterm-256color", "default", true);
	unsetenv("NO_COLOR");
}
END_TEST

/* Colours the terminal lacks come out as the nearest of its eight. */
START_TEST(colours_fall_back_to_eight)
{
	struct theme t;
	short fg, bg;

	read_shipped("default", &t);
	vscreen_open(&vs, "xterm", 24, 80);
	vs.app.redraw |= ui_theme(&vs.app, &t);
	vscreen_draw(&vs);
	ck_assert_int_eq(vs.app.ui->theme.colors, 8);
	pair_content((short)PAIR_NUMBER(theme_attr(&vs.app.ui->theme, TH_TITLE_BAR)), &fg, &bg);
	ck_assert_int_eq(fg, COLOR_WHITE);	/* 231 */
	ck_assert_int_eq(bg, COLOR_BLUE);	/* 24 */
	pair_content((short)PAIR_NUMBER(theme_attr(&vs.app.ui->theme, TH_DEADLINE_TODAY)), &fg, &bg);
	ck_assert_int_eq(fg, COLOR_YELLOW);	/* 208, orange */
	ck_assert_int_eq(bg, -1);
	pair_content((short)PAIR_NUMBER(theme_attr(&vs.app.ui->theme, TH_LIST_SELECTED)), &fg, &bg);
	ck_assert_int_eq(fg, COLOR_BLACK);
	ck_assert_int_eq(bg, COLOR_WHITE);	/* 152, pale cyan */
	vscreen_close(&vs);
}
END_TEST

/* States that no glyph or word goes with keep an attribute on every
 * terminal, in every shipped theme: a selected row is not told by its
 * background colour alone (the audit of issue 17). The others have a
 * glyph (marks.c) or a word (the link's state). */
START_TEST(states_without_a_glyph_keep_an_attribute)
{
	static const enum theme_obj bare[] = {
		TH_LIST_HEADER, TH_LIST_SELECTED, TH_STATUS_ERROR,
	};
	static const char *const terms[] = { "xterm-256color", "xterm", "vt100" };

	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		struct theme t;

		read_shipped(shipped[i], &t);
		for (size_t k = 0; k < sizeof terms / sizeof *terms; k++) {
			vscreen_open(&vs, terms[k], 24, 80);
			vs.app.redraw |= ui_theme(&vs.app, &t);
			for (size_t o = 0; o < sizeof bare / sizeof *bare; o++)
				ck_assert_msg(theme_attr(&vs.app.ui->theme, bare[o]) & ~A_COLOR,
					      "%s on %s: %s is told by colour alone", shipped[i], terms[k],
					      theme_obj_name(bare[o]));
			vscreen_close(&vs);
		}
	}
}
END_TEST

/* A line typed at the `:` prompt changes what is drawn at once. */
START_TEST(a_color_command_redraws_at_once)
{
	char *ok[] = { "color", "title-bar", "black", "yellow", "bold" };
	char *bad[] = { "color", "title-bar", "black", "beige" };
	struct cmd_words w = { ok, 5, 5 };
	struct err e = { "" };
	short fg, bg;

	vscreen_open(&vs, "xterm-256color", 24, 80);
	ck_assert_int_eq(colors_cmd(&vs.app, &w, &e), 0);
	vscreen_draw(&vs);
	ck_assert(vscreen_attr(&vs, 0, 0) & A_BOLD);
	pair_content(vscreen_pair(&vs, 0, 0), &fg, &bg);
	ck_assert_int_eq(fg, COLOR_BLACK);
	ck_assert_int_eq(bg, COLOR_YELLOW);
	w = (struct cmd_words){ bad, 4, 4 };
	ck_assert_int_eq(colors_cmd(&vs.app, &w, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "'beige' is not a colour"));
	ck_assert_int_eq(vs.app.ui->theme.look[TH_TITLE_BAR].bg, COLOR_YELLOW);
	vscreen_close(&vs);
}
END_TEST

static Suite *colors_suite(void)
{
	Suite *s = suite_create("screen_colors");
	TCase *tc = tcase_create("themes");

	tcase_add_test(tc, each_shipped_theme_draws_every_object);
	tcase_add_test(tc, each_shipped_theme_names_every_object);
	tcase_add_test(tc, default_theme_file_is_the_built_in_one);
	tcase_add_test(tc, a_broken_theme_line_names_file_and_line);
	tcase_add_test(tc, a_missing_theme_is_said_and_the_default_drawn);
	tcase_add_test(tc, no_color_and_monochrome_write_no_colour_escape);
	tcase_add_test(tc, colours_fall_back_to_eight);
	tcase_add_test(tc, states_without_a_glyph_keep_an_attribute);
	tcase_add_test(tc, a_color_command_redraws_at_once);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(colors_suite)
