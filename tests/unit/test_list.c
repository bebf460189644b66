/* The list widget the inbox, the catalog and the outbox move in: moving
 * never leaves the rows, paging by the rows shown, the selection kept on
 * the rows as they shrink, scrolling as little as possible. */
#include "config.h"

#include "check_main.h"
#include "screens/list.h"

static const enum list_move every_move[] = {
	LIST_DOWN, LIST_UP, LIST_PAGE_DOWN, LIST_PAGE_UP, LIST_FIRST, LIST_LAST
};
#define NMOVES (sizeof every_move / sizeof every_move[0])

START_TEST(nothing_moves_in_an_empty_list)
{
	struct list l = { .n = 0, .rows = 10 };

	for (size_t i = 0; i < NMOVES; i++) {
		ck_assert_uint_eq(list_move(&l, every_move[i]), RD_NONE);
		ck_assert_uint_eq(l.sel, 0);
	}
	list_clamp(&l);
	ck_assert_uint_eq(l.sel, 0);
	ck_assert_uint_eq(list_scroll(&l), 0);
}
END_TEST

START_TEST(one_row_is_first_and_last)
{
	struct list l = { .n = 1, .rows = 10 };

	for (size_t i = 0; i < NMOVES; i++) {
		ck_assert_uint_eq(list_move(&l, every_move[i]), RD_NONE);
		ck_assert_uint_eq(l.sel, 0);
	}
	ck_assert_uint_eq(list_scroll(&l), 0);
	/* a page of no rows (a body not laid out yet) pages by one */
	l.rows = 0;
	ck_assert_uint_eq(list_move(&l, LIST_PAGE_DOWN), RD_NONE);
	ck_assert_uint_eq(list_scroll(&l), 0);
}
END_TEST

START_TEST(steps_stop_at_the_ends)
{
	struct list l = { .n = 3, .rows = 10 };

	ck_assert_uint_eq(list_move(&l, LIST_UP), RD_NONE);
	ck_assert_uint_eq(list_move(&l, LIST_DOWN), RD_BODY);
	ck_assert_uint_eq(list_move(&l, LIST_DOWN), RD_BODY);
	ck_assert_uint_eq(l.sel, 2);
	ck_assert_uint_eq(list_move(&l, LIST_DOWN), RD_NONE);
	ck_assert_uint_eq(l.sel, 2);
	ck_assert_uint_eq(list_move(&l, LIST_UP), RD_BODY);
	ck_assert_uint_eq(l.sel, 1);
	ck_assert_uint_eq(list_move(&l, LIST_FIRST), RD_BODY);
	ck_assert_uint_eq(l.sel, 0);
	ck_assert_uint_eq(list_move(&l, LIST_FIRST), RD_NONE);
	ck_assert_uint_eq(list_move(&l, LIST_LAST), RD_BODY);
	ck_assert_uint_eq(l.sel, 2);
	ck_assert_uint_eq(list_move(&l, LIST_LAST), RD_NONE);
}
END_TEST

START_TEST(pages_go_by_the_rows_shown_and_stop_at_the_ends)
{
	struct list l = { .n = 25, .rows = 10 };
	static const size_t down[] = { 10, 20, 24 }, up[] = { 14, 4, 0 };

	for (size_t i = 0; i < 3; i++) {
		ck_assert_uint_eq(list_move(&l, LIST_PAGE_DOWN), RD_BODY);
		ck_assert_uint_eq(l.sel, down[i]);
	}
	ck_assert_uint_eq(list_move(&l, LIST_PAGE_DOWN), RD_NONE);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_uint_eq(list_move(&l, LIST_PAGE_UP), RD_BODY);
		ck_assert_uint_eq(l.sel, up[i]);
	}
	ck_assert_uint_eq(list_move(&l, LIST_PAGE_UP), RD_NONE);
}
END_TEST

START_TEST(the_selection_stays_on_the_rows_as_they_shrink)
{
	struct list l = { .n = 10, .sel = 9, .rows = 5 };

	l.n = 4;
	list_clamp(&l);
	ck_assert_uint_eq(l.sel, 3);
	l.n = 8;
	list_clamp(&l);
	ck_assert_uint_eq(l.sel, 3);	/* growing moves nothing */
	l.n = 0;
	list_clamp(&l);
	ck_assert_uint_eq(l.sel, 0);
	/* a selection left past the end (rows gone meanwhile) moves onto them */
	l = (struct list){ .n = 3, .sel = 7, .rows = 5 };
	ck_assert_uint_eq(list_move(&l, LIST_UP), RD_BODY);
	ck_assert_uint_eq(l.sel, 2);
}
END_TEST

START_TEST(scrolling_keeps_the_selection_in_view_and_no_blank_below)
{
	struct list l = { .n = 25, .rows = 10 };

	ck_assert_uint_eq(list_scroll(&l), 0);
	l.sel = 9;
	ck_assert_uint_eq(list_scroll(&l), 0);	/* in view: no scrolling */
	l.sel = 12;
	ck_assert_uint_eq(list_scroll(&l), 3);	/* as little as possible */
	l.sel = 5;
	ck_assert_uint_eq(list_scroll(&l), 3);
	l.sel = 2;
	ck_assert_uint_eq(list_scroll(&l), 2);
	l.sel = 24;
	ck_assert_uint_eq(list_scroll(&l), 15);
	/* the list shrank under a scrolled page: the page fills again */
	l.n = 18;
	list_clamp(&l);
	ck_assert_uint_eq(list_scroll(&l), 8);
	ck_assert_uint_eq(l.sel, 17);
	l.n = 6;
	list_clamp(&l);
	ck_assert_uint_eq(list_scroll(&l), 0);
	/* more rows shown than the list has */
	l.rows = 40;
	ck_assert_uint_eq(list_scroll(&l), 0);
}
END_TEST

static Suite *list_suite(void)
{
	Suite *s = suite_create("list");
	TCase *tc = tcase_create("cursor");

	tcase_add_test(tc, nothing_moves_in_an_empty_list);
	tcase_add_test(tc, one_row_is_first_and_last);
	tcase_add_test(tc, steps_stop_at_the_ends);
	tcase_add_test(tc, pages_go_by_the_rows_shown_and_stop_at_the_ends);
	tcase_add_test(tc, the_selection_stays_on_the_rows_as_they_shrink);
	tcase_add_test(tc, scrolling_keeps_the_selection_in_view_and_no_blank_below);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(list_suite)
