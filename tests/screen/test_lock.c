/* The idle lock and the password form it shares with the login screen:
 * idle by the app's clock, everything hidden, a masked password, waits that
 * grow after wrong ones, nothing under it lost; and the login screen's form. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/model.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "vscreen.h"

static struct vscreen vs;

#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), "no \"%s\" on:\n%s", (text), vscreen_dump(&vs))
#define ck_hides(text) \
	ck_assert_msg(!strstr(vscreen_dump(&vs), (text)), "\"%s\" on:\n%s", (text), vscreen_dump(&vs))

#define PASSWORD "mật-khẩu 1"

static void open_desk(void)
{
	struct dossier *d = xcalloc(2, sizeof *d);

	vscreen_open(&vs, "xterm-256color", 24, 80);
	vs.app.user = xstrdup("tiepnhan1");
	vs.app.server_name = xstrdup("sandbox-reference");
	d[0] = (struct dossier){ .code = xstrdup("000.00.01.H22-251014-0001"),
				 .applicant_name = xstrdup("Nguyễn Văn An"), .status = 1,
				 .procedure_name = xstrdup("Đăng ký khai sinh") };
	d[1] = (struct dossier){ .code = xstrdup("000.00.01.H22-251014-0002"),
				 .applicant_name = xstrdup("Trần Thị Bích"), .status = 1,
				 .procedure_name = xstrdup("Đăng ký kết hôn") };
	app_set_dossiers(&vs.app, d, 2);
	pw_verifier_set(&vs.app.unlock, PASSWORD);
	vs.app.last_key = app_now(&vs.app);
	vscreen_draw(&vs);
}

static void key(const char *name)
{
	vscreen_keys(&vs, &name, 1);
}

static void type(const char *text)
{
	while (*text) {
		char one[8];
		int32_t cp;
		size_t n = text_utf8_next(text, strlen(text), &cp);

		memcpy(one, text, n);
		one[n] = '\0';
		key(one);
		text += n;
	}
}

/* Away lock-after minutes, by the app's clock. */
static void away(int minutes)
{
	vs.app.clock_offset += minutes * 60;
}

START_TEST(idle_locks_by_the_clock_and_hides_everything)
{
	open_desk();
	ck_shows("Nguyễn Văn An");
	away(14);
	ck_assert(!lock_idle_check(&vs.app));	/* lock-after is 15 */
	away(1);
	ck_assert(lock_idle_check(&vs.app));
	vscreen_draw(&vs);
	ck_assert(lock_active(&vs.app));
	ck_hides("Nguyễn");
	ck_hides("000.00.01.H22");
	ck_hides("Đăng ký");
	ck_assert_msg(strstr(vscreen_row(&vs, 0), "tiepnhan1 \u2014 locked"), "%s", vscreen_dump(&vs));
	ck_shows("Password:");
	ck_shows("Enter Unlock");
	/* a background message names a dossier: not while locked */
	app_message(&vs.app, MSG_INFO, "delivered: accept, 000.00.01.H22-251014-0001");
	vscreen_draw(&vs);
	ck_hides("000.00.01.H22");
	/* locked already: the check does not stack another */
	away(30);
	ck_assert(!lock_idle_check(&vs.app));
	vscreen_close(&vs);
}
END_TEST

START_TEST(a_key_keeps_it_open)
{
	open_desk();
	away(10);
	key("j");
	away(10);
	ck_assert(!lock_idle_check(&vs.app));	/* 10 minutes since the key */
	vs.app.conf.lock_after = 0;
	away(600);
	ck_assert(!lock_idle_check(&vs.app));	/* 0: never */
	vscreen_close(&vs);
}
END_TEST

START_TEST(the_password_unlocks_and_nothing_is_lost)
{
	open_desk();
	/* a filter half typed, then the clerk walks away */
	type("/");
	type("tran");
	ck_shows("tran");
	key("<Esc>");	/* cleared: type again, keep it this time */
	type("/bich");
	away(15);
	lock_idle_check(&vs.app);
	vscreen_draw(&vs);
	ck_hides("bich");
	type(PASSWORD);
	ck_shows("Password: **********");	/* one star per character, never the text */
	ck_hides(PASSWORD);
	key("<Enter>");
	ck_assert(!lock_active(&vs.app));
	ck_shows("bich");		/* the filter as it was left */
	ck_shows("Trần Thị Bích");
	ck_hides("Nguyễn Văn An");	/* still filtered */
	vscreen_close(&vs);
}
END_TEST

START_TEST(wrong_passwords_wait_longer_each_time)
{
	open_desk();
	key("L");
	ck_assert(lock_active(&vs.app));
	type("sai");
	key("<Enter>");
	ck_shows("Wrong password. Try again in 1 second.");
	ck_hides("***");	/* the field is emptied */
	/* at once: refused without a check, even the right one */
	type(PASSWORD);
	key("<Enter>");
	ck_assert(lock_active(&vs.app));
	ck_shows("Wait 1 s before the next try.");
	vs.app.clock_offset += 1;
	key("<C-u>");
	type("sai nữa");
	key("<Enter>");
	ck_shows("Try again in 2 seconds.");
	vs.app.clock_offset += 2;
	type("sai lần ba");
	key("<Enter>");
	ck_shows("Try again in 4 seconds.");
	vs.app.clock_offset += 4;
	type(PASSWORD);
	key("<Enter>");
	ck_assert(!lock_active(&vs.app));
	ck_shows("Nguyễn Văn An");
	/* and the next lock starts from one second again */
	key("L");
	type("x");
	key("<Enter>");
	ck_shows("Try again in 1 second.");
	vscreen_close(&vs);
}
END_TEST

START_TEST(typed_keys_are_the_password_not_operations)
{
	open_desk();
	key("L");
	type("q?L/");
	ck_assert(!vs.app.quit);
	ck_assert(lock_active(&vs.app));
	ck_shows("Password: ****");
	key("<C-r>");		/* not an operation of the lock: nothing */
	ck_assert(lock_active(&vs.app));
	key("<F10>");		/* quitting is allowed: the outbox is on disk */
	ck_assert(vs.app.quit);
	vscreen_close(&vs);
}
END_TEST

START_TEST(no_password_no_lock)
{
	open_desk();
	pw_verifier_clear(&vs.app.unlock);
	key("L");
	ck_assert(!lock_active(&vs.app));
	ck_shows("cannot be locked");
	away(60);
	ck_assert(!lock_idle_check(&vs.app));
	vscreen_close(&vs);
}
END_TEST

START_TEST(the_lock_goes_over_a_full_stack)
{
	open_desk();
	for (int i = 0; i < UI_STACK_MAX; i++)
		ui_push(&vs.app, &screen_help);
	ck_assert_int_eq(vs.app.ui->nunder, UI_STACK_MAX);
	key("L");
	ck_assert(lock_active(&vs.app));
	type(PASSWORD);
	key("<Enter>");
	ck_assert(!lock_active(&vs.app));
	ck_assert_int_eq(vs.app.ui->nunder, UI_STACK_MAX);
	vscreen_close(&vs);
}
END_TEST

/* The login screen without a server: its form, masked, and what Enter
 * says when nothing was typed. */
START_TEST(login_form_hides_the_inbox_and_masks)
{
	open_desk();
	pw_verifier_clear(&vs.app.unlock);
	vs.app.redraw |= ui_push(&vs.app, &screen_login);
	vscreen_draw(&vs);
	ck_assert_msg(strstr(vscreen_row(&vs, 0), "Log in"), "%s", vscreen_dump(&vs));
	ck_hides("Nguyễn");
	ck_shows("Server:   sandbox-reference");
	ck_shows("User:     tiepnhan1");
	key("<Enter>");
	ck_shows("Type your password, then Enter.");
	type("abc");
	ck_shows("Password: ***");
	ck_hides("abc");
	/* not logged in: nothing to lock */
	away(60);
	ck_assert(!lock_idle_check(&vs.app));
	vscreen_close(&vs);
}
END_TEST

START_TEST(verifier_keeps_a_salted_hash_not_the_password)
{
	struct pw_verifier a = { 0 }, b = { 0 };

	pw_verifier_set(&a, PASSWORD);
	pw_verifier_set(&b, PASSWORD);
	ck_assert_ptr_nonnull(a.pending);	/* kept until the first screen is out */
	pw_verifier_settle(&a);
	pw_verifier_settle(&b);
	ck_assert_ptr_null(a.pending);
	ck_assert(pw_verifier_check(&a, PASSWORD));
	ck_assert(!pw_verifier_check(&a, "mật-khẩu 2"));
	ck_assert(!pw_verifier_check(&a, ""));
	ck_assert_str_ne(a.salt, b.salt);
	ck_assert_str_ne(a.hash, b.hash);
	ck_assert_ptr_null(memmem(&a, sizeof a, PASSWORD, strlen(PASSWORD)));
	pw_verifier_clear(&a);
	ck_assert(!pw_verifier_check(&a, PASSWORD));
}
END_TEST

static Suite *lock_suite(void)
{
	Suite *s = suite_create("lock");
	TCase *tc = tcase_create("lock");

	tcase_add_test(tc, idle_locks_by_the_clock_and_hides_everything);
	tcase_add_test(tc, a_key_keeps_it_open);
	tcase_add_test(tc, the_password_unlocks_and_nothing_is_lost);
	tcase_add_test(tc, wrong_passwords_wait_longer_each_time);
	tcase_add_test(tc, typed_keys_are_the_password_not_operations);
	tcase_add_test(tc, no_password_no_lock);
	tcase_add_test(tc, the_lock_goes_over_a_full_stack);
	tcase_add_test(tc, login_form_hides_the_inbox_and_masks);
	tcase_add_test(tc, verifier_keeps_a_salted_hash_not_the_password);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(lock_suite)
