#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "themes/theme.h"

/* Run a line of words, NULL-terminated. */
static int run(struct theme *t, struct err *e, ...)
{
	char *v[16];
	size_t n = 0;
	va_list ap;

	va_start(ap, e);
	while (n < 16 && (v[n] = va_arg(ap, char *)))
		n++;
	va_end(ap);
	return theme_color_cmd(t, n, v, e);
}

START_TEST(color_sets_colours_and_attributes)
{
	struct theme t;
	struct err e;

	theme_default(&t);
	ck_assert_int_eq(run(&t, &e, "color", "deadline-overdue", "red", "default", "bold", "underline", NULL), 0);
	ck_assert_int_eq(t.look[TH_DEADLINE_OVERDUE].fg, COLOR_RED);
	ck_assert_int_eq(t.look[TH_DEADLINE_OVERDUE].bg, -1);
	ck_assert(t.look[TH_DEADLINE_OVERDUE].attr == (A_BOLD | A_UNDERLINE));
	ck_assert(t.look[TH_DEADLINE_OVERDUE].mono == A_BOLD);	/* mono untouched */
	ck_assert_int_eq(t.set[TH_DEADLINE_OVERDUE], TH_SET_COLOR);
	ck_assert_int_eq(run(&t, &e, "color", "status-bar", "0", "255", NULL), 0);
	ck_assert_int_eq(t.look[TH_STATUS_BAR].fg, 0);
	ck_assert_int_eq(t.look[TH_STATUS_BAR].bg, 255);
	ck_assert(t.look[TH_STATUS_BAR].attr == A_NORMAL);	/* none given: normal */
	ck_assert_int_eq(run(&t, &e, "color", "empty-hint", "white", "blue", "dim", "standout", "reverse", NULL), 0);
	ck_assert(t.look[TH_EMPTY_HINT].attr == (A_DIM | A_STANDOUT | A_REVERSE));
	ck_assert_int_eq(run(&t, &e, "mono", "list-selected", "bold", "underline", NULL), 0);
	ck_assert(t.look[TH_LIST_SELECTED].mono == (A_BOLD | A_UNDERLINE));
	ck_assert_int_eq(t.set[TH_LIST_SELECTED], TH_SET_MONO);
	ck_assert_int_eq(run(&t, &e, "mono", "list-selected", "normal", NULL), 0);
	ck_assert(t.look[TH_LIST_SELECTED].mono == A_NORMAL);
}
END_TEST

/* Each mistake is named, and a refused line changes nothing. */
START_TEST(errors_say_what_is_expected)
{
	struct theme t, before;
	struct err e;

	theme_default(&t);
	before = t;
	ck_assert_int_eq(run(&t, &e, "color", "deadline-late", "red", "default", NULL), -1);
	ck_assert_str_eq(e.msg, "'deadline-late' is not a colour object; the theme preview (theme-preview) lists them all");
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "orange", "default", NULL), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "'orange' is not a colour: a name (black, red"));
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "red", "256", NULL), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "'256' is not a colour"));
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "-1", "red", NULL), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "'-1' is not a colour"));
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "12x", "red", NULL), -1);
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "", "red", NULL), -1);
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "red", "default", "blink", NULL), -1);
	ck_assert_str_eq(e.msg, "'blink' is not an attribute: bold, underline, reverse, dim, standout or normal");
	ck_assert_int_eq(run(&t, &e, "color", "deadline-today", "red", NULL), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "color takes an object, a foreground and a background colour"));
	ck_assert_int_eq(run(&t, &e, "mono", "deadline-today", NULL), -1);
	ck_assert_str_eq(e.msg, "mono takes an object and attributes: mono deadline-overdue bold");
	ck_assert_int_eq(run(&t, &e, "mono", "deadline-today", "bright", NULL), -1);
	ck_assert_int_eq(run(&t, &e, "colour", "deadline-today", "red", "default", NULL), -1);
	ck_assert_str_eq(e.msg, "'colour' is not a theme command (color, mono)");
	ck_assert_int_eq(memcmp(&t, &before, sizeof t), 0);
}
END_TEST

START_TEST(every_object_has_one_name)
{
	for (int i = 0; i < TH_COUNT; i++) {
		const char *name = theme_obj_name((enum theme_obj)i);

		ck_assert_msg(*name, "object %d has no name", i);
		ck_assert_int_eq(theme_obj_find(name), i);
	}
	ck_assert_int_eq(theme_obj_find("status"), -1);
	ck_assert_str_eq(theme_obj_name(TH_COUNT), "");
}
END_TEST

/* What the preview writes for an object is a line that makes it again. */
START_TEST(written_looks_read_back)
{
	struct theme shipped, t;
	struct err e;

	theme_default(&shipped);
	memset(&t, 0, sizeof t);
	for (int i = 0; i < TH_COUNT; i++) {
		const struct theme_look *l = &shipped.look[i];
		char fg[16], bg[16], at[64], mono[64];
		char *words[8] = { "color", (char *)theme_obj_name((enum theme_obj)i), fg, bg };
		size_t n = 4;

		theme_color_name(l->fg, fg, sizeof fg);
		theme_color_name(l->bg, bg, sizeof bg);
		theme_attr_names(l->attr, at, sizeof at);
		theme_attr_names(l->mono, mono, sizeof mono);
		/* attribute lists are one word per attribute */
		for (char *w = strtok(at, " "); w; w = strtok(NULL, " "))
			words[n++] = w;
		ck_assert_msg(theme_color_cmd(&t, n, words, &e) == 0, "%s", e.msg);
		words[0] = "mono";
		n = 2;
		for (char *w = strtok(mono, " "); w; w = strtok(NULL, " "))
			words[n++] = w;
		ck_assert_msg(theme_color_cmd(&t, n, words, &e) == 0, "%s", e.msg);
		ck_assert_int_eq(t.set[i], TH_SET_COLOR | TH_SET_MONO);
	}
	ck_assert_int_eq(memcmp(t.look, shipped.look, sizeof t.look), 0);
}
END_TEST

/* The settings file's lines go over the theme: only what they name. */
START_TEST(overlay_changes_only_what_was_set)
{
	struct theme base, user;
	struct err e;

	theme_default(&base);
	ck_assert_int_eq(run(&base, &e, "color", "title-bar", "black", "white", NULL), 0);
	theme_default(&user);
	ck_assert_int_eq(run(&user, &e, "color", "deadline-overdue", "white", "red", "bold", NULL), 0);
	ck_assert_int_eq(run(&user, &e, "mono", "title-bar", "bold", NULL), 0);
	theme_overlay(&base, &user);
	ck_assert_int_eq(base.look[TH_DEADLINE_OVERDUE].fg, COLOR_WHITE);
	ck_assert_int_eq(base.look[TH_DEADLINE_OVERDUE].bg, COLOR_RED);
	ck_assert_int_eq(base.look[TH_TITLE_BAR].fg, COLOR_BLACK);	/* the theme's colour stays */
	ck_assert(base.look[TH_TITLE_BAR].mono == A_BOLD);
	ck_assert_int_eq(base.set[TH_TITLE_BAR], TH_SET_COLOR | TH_SET_MONO);
	ck_assert_int_eq(base.look[TH_LINK_SLOW].fg, 220);
}
END_TEST

static Suite *theme_suite(void)
{
	Suite *s = suite_create("theme");
	TCase *tc = tcase_create("lines");

	tcase_add_test(tc, color_sets_colours_and_attributes);
	tcase_add_test(tc, errors_say_what_is_expected);
	tcase_add_test(tc, every_object_has_one_name);
	tcase_add_test(tc, written_looks_read_back);
	tcase_add_test(tc, overlay_changes_only_what_was_set);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(theme_suite)
