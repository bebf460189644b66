#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/conf.h"
#include "check_main.h"
#include "keymaps/macro.h"
#include "screens/cmdline.h"
#include "screens/macro.h"

static struct mstep *steps;
static size_t n;

static void parse_ok(const char *body, size_t want)
{
	struct err e = { "" };

	ck_assert_msg(macro_parse(body, &steps, &n, &e) == 0, "%s: %s", body, e.msg);
	ck_assert_uint_eq(n, want);
}

static void parse_fails(const char *body, const char *msg)
{
	struct err e = { "" };

	steps = NULL;
	ck_assert_int_eq(macro_parse(body, &steps, &n, &e), -1);
	ck_assert_ptr_null(steps);
	ck_assert_str_eq(e.msg, msg);
}

START_TEST(keys_ops_asks_and_counts)
{
	char name[64];

	parse_ok("n1.001193<Enter><ask:ID number><F2>5j<dossier-accept><C-a>đ<lt>", 18);
	ck_assert_int_eq(steps[0].kind, MS_KEY);
	ck_assert_int_eq(steps[0].key, 'n');
	ck_assert_int_eq(steps[9].key, '\r');
	ck_assert_int_eq(steps[10].kind, MS_ASK);
	ck_assert_str_eq(steps[10].text, "ID number");
	ck_assert_int_eq(steps[11].key, KM_FKEY | KEY_F(2));
	/* a count is two plain keys: the screens read it as typed */
	ck_assert_int_eq(steps[12].key, '5');
	ck_assert_int_eq(steps[13].key, 'j');
	ck_assert_int_eq(steps[14].kind, MS_OP);
	ck_assert_str_eq(steps[14].text, "dossier-accept");
	ck_assert_int_eq(steps[15].key, 1);
	ck_assert_int_eq(steps[16].key, 0x111);	/* đ: one key */
	ck_assert_int_eq(steps[17].key, '<');
	/* written back as they were written */
	macro_step_name(&steps[10], name, sizeof name);
	ck_assert_str_eq(name, "<ask:ID number>");
	macro_step_name(&steps[14], name, sizeof name);
	ck_assert_str_eq(name, "<dossier-accept>");
	macro_step_name(&steps[17], name, sizeof name);
	ck_assert_str_eq(name, "<lt>");
	macro_step_name(&steps[15], name, sizeof name);
	ck_assert_str_eq(name, "<C-a>");
	steps[15].key = ' ';
	macro_step_name(&steps[15], name, sizeof name);
	ck_assert_str_eq(name, " ");
	macro_steps_free(steps, n);
	/* a lone '>' is a character */
	parse_ok("a>b", 3);
	macro_steps_free(steps, n);
}
END_TEST

START_TEST(errors_say_where_and_what)
{
	parse_fails("", "the macro is empty: give the keys it types, as in \"n1.001193<Enter>\"");
	parse_fails("ab<Enter", "character 3: '<' opens no key name; write <lt> for the character itself");
	parse_fails("<>", "character 1: '<' opens no key name; write <lt> for the character itself");
	parse_fails("x<ask:>", "character 2: <ask:> needs the question to show, as in <ask:ID number>");
	parse_fails("jj<Not A Key>",
		    "character 3: <Not A Key> is neither a key name (<Enter>, <C-a>), an operation (<dossier-accept>) nor a question (<ask:ID number>)");
	parse_fails("<C-1>",
		    "character 1: <C-1> is neither a key name (<Enter>, <C-a>), an operation (<dossier-accept>) nor a question (<ask:ID number>)");
	parse_fails("ab\xff", "character 3 is not UTF-8 text");
}
END_TEST

START_TEST(define_find_redefine_remove)
{
	struct macros ms = { 0 };
	struct err e = { "" };
	km_key f5 = KM_FKEY | KEY_F(5);

	ck_assert_int_eq(macros_define(&ms, "inbox", "<F5>", "n<Enter>", "Intake", &e), 0);
	ck_assert_int_eq(macros_define(&ms, KM_GENERIC, "<F6>", "O", NULL, &e), 0);
	ck_assert_str_eq(macros_find(&ms, "inbox", f5)->desc, "Intake");
	ck_assert_ptr_null(macros_find(&ms, "dossier", f5));
	/* the generic context's macros reach every screen */
	ck_assert_str_eq(macros_find(&ms, "dossier", KM_FKEY | KEY_F(6))->body, "O");
	ck_assert_str_eq(macros_find(&ms, "dossier", KM_FKEY | KEY_F(6))->desc, "");
	ck_assert_int_eq(macros_define(&ms, "inbox", "<F5>", "5j", "Down five", &e), 0);
	ck_assert_uint_eq(ms.n, 2);
	ck_assert_uint_eq(macros_find(&ms, "inbox", f5)->nsteps, 2);
	ck_assert_int_eq(macros_define(&ms, "inbox", "<F55>", "j", "", &e), -1);
	ck_assert_int_eq(macros_define(&ms, "inbox", "<F7>", "<nope", "", &e), -1);
	ck_assert_uint_eq(ms.n, 2);
	macros_remove(&ms, 0);
	ck_assert_ptr_null(macros_find(&ms, "inbox", f5));
	ck_assert_uint_eq(ms.n, 1);
	macros_free(&ms);
}
END_TEST

static int run(struct app *app, const char *line, struct err *e)
{
	struct cmd_words w = { 0 };
	int rc = cmd_split(line, &w, e);

	if (rc == 0)
		rc = macro_cmd(app, &w, e);
	cmd_words_free(&w);
	return rc;
}

START_TEST(the_macro_command)
{
	struct app app;
	struct err e = { "" };

	memset(&app, 0, sizeof app);
	ck_assert_int_eq(run(&app, "macro inbox <F5>", &e), -1);
	ck_assert_str_eq(e.msg, "macro takes a context, a key, the keys it types and a description: macro inbox <F5> \"n1.001193<Enter>\" \"Birth registration\"");
	ck_assert_int_eq(run(&app, "macro inbux <F5> n", &e), -1);
	ck_assert_str_eq(e.msg, "'inbux' is not a context: give a screen's (inbox, dossier, intake, ...) or generic");
	ck_assert_int_eq(run(&app, "macro dossier <F5> '<Enter><dossier-acept>'", &e), -1);
	ck_assert_str_eq(e.msg, "<dossier-acept> is not an operation (help lists them with their names)");
	ck_assert_int_eq(run(&app, "macro inbox <F5> '<Enter' x", &e), -1);
	ck_assert_str_eq(e.msg, "character 1: '<' opens no key name; write <lt> for the character itself");
	ck_assert_ptr_null(app.macros);
	/* an operation of another screen: it runs where the keys before lead */
	ck_assert_int_eq(run(&app, "macro inbox <F5> '<Enter><dossier-accept>' \"Accept the selected\"", &e), 0);
	ck_assert_int_eq(run(&app, "macro generic <C-x> 'O'", &e), 0);
	ck_assert_uint_eq(app.macros->n, 2);
	ck_assert_str_eq(macros_find(app.macros, "inbox", KM_FKEY | KEY_F(5))->desc, "Accept the selected");
	macro_free_all(&app);
	ck_assert_ptr_null(app.macros);
}
END_TEST

/* A settings file with a macro and broken lines: the macro is defined, each
 * broken line is reported with file:line, the others still count. */
/* A line of a settings file as the client runs it: through the command
 * table, without a screen (no bind here). */
static int run_line(void *arg, const struct cmd_words *w, struct err *e)
{
	return cmd_run(arg, ui_commands, w, e);
}

START_TEST(settings_file_lines)
{
	char path[] = "/tmp/motcua-macro-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	struct app app;
	struct err e = { "" };
	char *warnings = NULL, want[512];

	memset(&app, 0, sizeof app);
	conf_init(&app.conf);
	fputs("set lock-after 5\n"
	      "macro inbox <F5> \"n1.001193<Enter><ask:ID number>\" \"Birth\"\n"
	      "macro inbox <F6> \"<ask:>\"\n"
	      "macro inbox <F7>\n", f);
	fclose(f);
	ck_assert_int_eq(conf_run_file(path, run_line, &app, &warnings, &e), 0);
	ck_assert_int_eq(app.conf.lock_after, 5);
	ck_assert_uint_eq(app.macros->n, 1);
	snprintf(want, sizeof want,
		 "%s:3: character 1: <ask:> needs the question to show, as in <ask:ID number>\n"
		 "%s:4: expected: macro CONTEXT KEY \"KEYS-OR-<op>\" [\"DESCRIPTION\"]", path, path);
	ck_assert_str_eq(warnings, want);
	free(warnings);
	unlink(path);
	macro_free_all(&app);
	conf_free(&app.conf);
}
END_TEST

/* The shipped examples load without a warning, each with a description. */
START_TEST(shipped_examples_load)
{
	const char *top = getenv("srcdir");
	char path[4096];
	struct app app;
	struct err e = { "" };
	char *warnings = NULL;

	snprintf(path, sizeof path, "%s/keymaps/macros.motcuarc", top ? top : ".");
	memset(&app, 0, sizeof app);
	conf_init(&app.conf);
	ck_assert_int_eq(conf_run_file(path, run_line, &app, &warnings, &e), 0);
	ck_assert_msg(!warnings, "%s", warnings);
	ck_assert_uint_eq(app.macros->n, 4);
	for (size_t i = 0; i < app.macros->n; i++)
		ck_assert_str_ne(app.macros->m[i].desc, "");
	macro_free_all(&app);
	conf_free(&app.conf);
}
END_TEST

static Suite *macro_suite(void)
{
	Suite *s = suite_create("macro");
	TCase *tc = tcase_create("body");

	tcase_add_test(tc, keys_ops_asks_and_counts);
	tcase_add_test(tc, errors_say_where_and_what);
	tcase_add_test(tc, define_find_redefine_remove);
	tcase_add_test(tc, the_macro_command);
	tcase_add_test(tc, settings_file_lines);
	tcase_add_test(tc, shipped_examples_load);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(macro_suite)
