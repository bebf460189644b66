#include "config.h"

#include <curses.h>

#include "check_main.h"
#include "keymaps/km.h"
#include "screens/screen.h"

static void roundtrip(const char *name)
{
	km_key k;
	struct err e;
	char back[32];

	ck_assert_msg(km_key_parse(name, &k, &e) == 0, "%s: %s", name, e.msg);
	km_key_name(k, back, sizeof back);
	ck_assert_str_eq(back, name);
}

START_TEST(key_names_round_trip)
{
	roundtrip("q");
	roundtrip("đ");
	roundtrip("<C-l>");
	roundtrip("<Down>");
	roundtrip("<PageUp>");
	roundtrip("<Enter>");
	roundtrip("<Esc>");
	roundtrip("<F1>");
	roundtrip("<F12>");
	roundtrip("<M-x>");
	roundtrip("<M-Down>");
}
END_TEST

START_TEST(key_names_decode_to_codes)
{
	km_key k;
	struct err e;

	ck_assert_int_eq(km_key_parse("<C-L>", &k, &e), 0);
	ck_assert_int_eq(k, 12);
	ck_assert_int_eq(km_key_parse("<down>", &k, &e), 0);
	ck_assert_int_eq(k, KM_FKEY | KEY_DOWN);
	ck_assert_int_eq(km_key_parse("<Space>", &k, &e), 0);
	ck_assert_int_eq(k, ' ');
}
END_TEST

START_TEST(bad_key_names_say_why)
{
	km_key k;
	struct err e;

	ck_assert_int_eq(km_key_parse("<Dwon>", &k, &e), -1);
	ck_assert_str_eq(e.msg, "'<Dwon>' is not a key name (see the list in the manual: <Up>, <Enter>, <F1>, ...)");
	ck_assert_int_eq(km_key_parse("<C-1>", &k, &e), -1);
	ck_assert_int_eq(km_key_parse("ab", &k, &e), -1);
	ck_assert_str_eq(e.msg, "'ab' is not a key: give one character or a name such as <Enter>");
	ck_assert_int_eq(km_key_parse("", &k, &e), -1);
	ck_assert_int_eq(km_key_parse("<F13>", &k, &e), -1);
}
END_TEST

/* The names completion offers are keys, each once. */
START_TEST(named_keys_are_keys)
{
	char name[16], back[32];
	size_t i;
	km_key k;
	struct err e;

	for (i = 0; km_key_named(i, name, sizeof name); i++) {
		ck_assert_msg(km_key_parse(name, &k, &e) == 0, "%s: %s", name, e.msg);
		km_key_name(k, back, sizeof back);
		ck_assert_str_eq(back, name);
	}
	ck_assert_uint_eq(i, 16 + 12);
}
END_TEST

START_TEST(context_binding_falls_back_to_generic)
{
	struct keymap *km = screen_keymap_new();
	struct err e;

	ck_assert_str_eq(km_lookup(km, "inbox", 'j'), "move-down");
	ck_assert_str_eq(km_lookup(km, "inbox", 'q'), "quit");	/* generic */
	ck_assert_ptr_null(km_lookup(km, "inbox", 'Z'));
	ck_assert_int_eq(km_bind(km, "inbox", "q", "inbox-filter", &e), 0);
	ck_assert_str_eq(km_lookup(km, "inbox", 'q'), "inbox-filter");
	ck_assert_str_eq(km_lookup(km, "login", 'q'), "quit");
	/* the catalog is opened over others: q goes back; C opens it anywhere */
	ck_assert_str_eq(km_lookup(km, "catalog", 'q'), "view-close");
	ck_assert_str_eq(km_lookup(km, "dossier", 'C'), "catalog");
	ck_assert_int_eq(km_unbind(km, "inbox", "q", &e), 0);
	ck_assert_str_eq(km_lookup(km, "inbox", 'q'), "quit");
	ck_assert_int_eq(km_unbind(km, "inbox", "q", &e), -1);
	ck_assert_str_eq(e.msg, "the key q is not bound in the inbox context");
	km_free(km);
}
END_TEST

/* The clerk's bindings say where they come from; the shipped ones, that
 * they are shipped; rebinding a shipped key makes it the clerk's. */
START_TEST(bindings_keep_their_origin)
{
	struct keymap *km = screen_keymap_new();
	size_t shipped = km_count(km), own = 0;
	struct err e;

	for (size_t i = 0; i < shipped; i++)
		ck_assert_ptr_null(km_at(km, i).origin);
	ck_assert_int_eq(km_bind_from(km, "inbox", "Z", "catalog", "motcuarc:3", &e), 0);
	ck_assert_int_eq(km_bind_from(km, "inbox", "j", "catalog", ":", &e), 0);
	ck_assert_uint_eq(km_count(km), shipped + 1);	/* j was there: rebound */
	for (size_t i = 0; i < km_count(km); i++) {
		struct km_binding b = km_at(km, i);

		if (!b.origin)
			continue;
		own++;
		ck_assert_str_eq(b.context, "inbox");
		ck_assert_str_eq(b.op, "catalog");
		ck_assert_str_eq(b.origin, b.key == 'Z' ? "motcuarc:3" : ":");
	}
	ck_assert_uint_eq(own, 2);
	ck_assert_int_eq(km_bind_from(km, "inbox", "<Bad>", "catalog", ":", &e), -1);
	km_free(km);
}
END_TEST

START_TEST(keys_for_an_operation_are_listed)
{
	struct keymap *km = screen_keymap_new();
	char buf[64];

	ck_assert_uint_eq(km_keys_for(km, "inbox", "move-down", buf, sizeof buf), 2);
	ck_assert_str_eq(buf, "j, <Down>");
	ck_assert_uint_eq(km_keys_for(km, "inbox", "nothing", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");
	km_free(km);
}
END_TEST

START_TEST(keys_in_a_context_count_the_generic_ones_it_keeps)
{
	struct keymap *km = screen_keymap_new();
	struct err e;
	char buf[64];

	/* q quits at the inbox; over a dossier it goes back instead */
	ck_assert_uint_eq(km_keys_in(km, "inbox", "quit", buf, sizeof buf), 1);
	ck_assert_str_eq(buf, "q");
	ck_assert_uint_eq(km_keys_in(km, "dossier", "quit", buf, sizeof buf), 0);
	ck_assert_uint_eq(km_keys_in(km, "dossier", "view-close", buf, sizeof buf), 3);
	ck_assert_str_eq(buf, "q, <Esc>, <Left>");
	ck_assert_uint_eq(km_keys_in(km, "inbox", "help", buf, sizeof buf), 2);
	ck_assert_str_eq(buf, "?, <F1>");
	/* a generic binding reaches a context's operation of that name */
	ck_assert_int_eq(km_bind(km, KM_GENERIC, "J", "move-down", &e), 0);
	ck_assert_uint_eq(km_keys_in(km, "inbox", "move-down", buf, sizeof buf), 3);
	ck_assert_str_eq(buf, "j, <Down>, J");
	ck_assert_uint_eq(km_keys_in(km, KM_GENERIC, "move-down", buf, sizeof buf), 1);
	km_free(km);
}
END_TEST

static Suite *km_suite(void)
{
	Suite *s = suite_create("keymap");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, key_names_round_trip);
	tcase_add_test(tc, key_names_decode_to_codes);
	tcase_add_test(tc, bad_key_names_say_why);
	tcase_add_test(tc, named_keys_are_keys);
	tcase_add_test(tc, context_binding_falls_back_to_generic);
	tcase_add_test(tc, bindings_keep_their_origin);
	tcase_add_test(tc, keys_for_an_operation_are_listed);
	tcase_add_test(tc, keys_in_a_context_count_the_generic_ones_it_keeps);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(km_suite)
