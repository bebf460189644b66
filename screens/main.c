/* motcua: the interactive client. main() only wires the pieces together. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/cli.h"
#include "app/secret.h"
#include "app/session.h"
#include "batch/batch.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "macro.h"
#include "ui.h"

static void setup_locale(void)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	/* MOTCUA_LOCALEDIR lets an uninstalled build find its catalogs. */
	const char *dir = getenv("MOTCUA_LOCALEDIR");

	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

/* The clerk's settings before the screen opens, for the theme its colours
 * start with (`set theme`, `color`, `mono`): a broken line is told when
 * ui_load_settings reads the file again, once the screen is up. */
static void load_conf(struct app *app)
{
	char path[4096], *warnings = NULL;
	struct err e = { "" };

	if (path_config(path, sizeof path) == 0)
		conf_load(&app->conf, path, &warnings, &e);
	free(warnings);
}

/* The theme set in the settings file, with its `color` lines over it:
 * what cannot be read is said as a settings problem is. */
static void read_theme(struct app *app, const struct theme *user, struct theme *t)
{
	char *warnings = NULL;
	struct err e = { "" };

	if (colors_read(app->conf.theme, user, t, &warnings, &e) < 0 && !warnings)
		warnings = xstrdup(e.msg);
	if (warnings) {
		fprintf(stderr, "motcua: %s\n", warnings);
		app_message(app, MSG_ERROR, "%.*s", (int)strcspn(warnings, "\n"), warnings);
	}
	free(warnings);
}

static int run_client(const struct cli *cli)
{
	struct app app;
	struct theme user, theme;
	struct err e = { "" };
	char *secret = NULL;
	int rc = EXIT_FAIL;

	if (ui_check_terminal(&e) < 0) {
		fprintf(stderr, "motcua: %s\n", e.msg);
		return EXIT_NOTERM;
	}
	if (app_init(&app, &e) < 0) {
		fprintf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	theme_default(&user);
	app.conf.color = colors_line;
	app.conf.color_arg = &user;
	load_conf(&app);
	app.conf.color = NULL;
	read_theme(&app, &user, &theme);
	if (cli->profile) {
		/* given: taken as is; not given: the login screen asks for it */
		if (cli->env_secret || cli->password_file)
			secret = secret_read(cli->env_secret, cli->password_file, cli->user, &e);
		if (!secret && e.msg[0]) {
			fprintf(stderr, "motcua: %s\n", e.msg);
			macro_free_all(&app);
			app_free(&app);
			return EXIT_USAGE;
		}
		rc = session_open(&app, cli, secret, &e);
		if (secret)
			pw_verifier_set(&app.unlock, secret);
		secret_free(secret);
		if (rc < 0) {
			fprintf(stderr, "motcua: %s\n", e.msg);
			macro_free_all(&app);
			app_free(&app);
			return EXIT_PROFILE;
		}
		rc = EXIT_FAIL;
	}
	if (ui_open_themed(&app, NULL, stdout, stdin, &theme, &e) < 0) {
		fprintf(stderr, "motcua: %s\n", e.msg);
		session_close(&app);
		macro_free_all(&app);
		app_free(&app);
		return EXIT_NOTERM;
	}
	if (session_needs_secret(&app))
		login_open(&app);
	/* the settings files after the screen is up: their bindings go into
	 * its keymap, and a broken line is told there, where the clerk reads
	 * (after the login, if one is asked for); what the session took from
	 * the defaults follows (request-timeout) */
	ui_load_settings(&app);
	if (ui_attach(&app, &e) == 0 && loop_run(&app.loop, &e) == 0)
		rc = EXIT_OK;
	ui_close(&app);
	session_close(&app);
	macro_free_all(&app);
	app_free(&app);
	if (rc != EXIT_OK)
		fprintf(stderr, "motcua: %s\n", e.msg);
	return rc;
}

static int run(const struct cli *cli)
{
	int rc;

	switch (cli->action) {
	case CLI_HELP:
		cli_usage(stdout);
		return EXIT_OK;
	case CLI_VERSION:
		cli_version(stdout);
		return EXIT_OK;
	case CLI_RUN:
	case CLI_BATCH:
		break;
	}
	rc = cli->action == CLI_BATCH ? batch_run(cli) : run_client(cli);
	app_global_cleanup();
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct err e = { "" };
	char *env_secret;
	int rc;

	/* first: from here on no core, no child and no reader of /proc
	 * gets the password */
	secret_protect_process();
	env_secret = secret_take_env();
	setup_locale();
	if (cli_parse(&cli, argc, argv, &e) < 0) {
		fprintf(stderr, "motcua: %s\n", e.msg);
		fprintf(stderr, _("Try 'motcua --help' for more information.\n"));
		rc = EXIT_USAGE;
	} else {
		cli.env_secret = env_secret;
		rc = run(&cli);
	}
	secret_free(env_secret);
	return rc;
}
