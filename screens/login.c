/* The login screen: when no password was given (no MOTCUA_PASSWORD, no
 * --password-file) and the profile needs one, the client asks for it here,
 * in the screen, over the inbox: the local store is already read under it,
 * so the dossiers show the moment the login is through. A refused password
 * is said and asked again, without a restart. When the server cannot be
 * reached the clerk is let in to the store (offline first): the password is
 * tried again in the background and, should the server refuse it then,
 * this screen comes back. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/text.h"
#include "cred.h"
#include "ui.h"

/* Its state: the password form. */
static struct cred_form *form(struct app *app)
{
	return ui_state(app, &screen_login);
}

static void form_wipe(struct app *app, void *state)
{
	(void)app;
	cred_form_clear(state);
}

static void on_login(struct app *app, const struct api_result *r);

void login_open(struct app *app)
{
	struct cred_form *f = form(app);

	session_on_login(app, on_login);
	if (app->ui->screen == &screen_login)
		return;
	cred_form_clear(f);
	app->redraw |= ui_push(app, &screen_login);
}

static void on_login(struct app *app, const struct api_result *r)
{
	struct cred_form *f = form(app);
	bool shown;

	if (!f)
		return;		/* the ui closed meanwhile */
	shown = app->ui->screen == &screen_login;
	if (r->fail == API_OK || ((r->fail == API_E_NETWORK || r->fail == API_E_SETUP) && shown)) {
		if (!shown)
			return;
		/* in: what was typed unlocks the idle lock from now on */
		pw_verifier_set(&app->unlock, f->pw.text);
		cred_form_clear(f);
		f->note[0] = '\0';
		f->fails = 0;
		app->last_key = app_now(app);
		app->redraw |= ui_pop(app);
		if (r->fail == API_E_NETWORK && r->down)
			app_message(app, MSG_ERROR,
				    _("the server is not running (it refused the connection): working from the local store; the login is tried again"));
		else if (r->fail == API_E_NETWORK)
			app_message(app, MSG_ERROR,
				    _("the server cannot be reached: working from the local store; the login is tried again"));
		else if (r->fail == API_E_SETUP)
			app_message(app, MSG_ERROR,
				    _("cannot connect as configured (%s): tell whoever set up this desk; working from the local store"),
				    r->e.msg);
		return;
	}
	if (r->fail != API_E_AUTH && !shown)
		return;		/* said in the status bar */
	/* refused: ask again, here or over whatever is open now; any other
	 * failure is said here too, never left at "Logging in…" */
	cred_form_clear(f);
	if (r->fail == API_E_AUTH) {
		f->fails++;
		snprintf(f->note, sizeof f->note, _("Login refused: %s"), r->e.msg);
	} else {
		text_safe(f->note, sizeof f->note, r->e.msg, 0);	/* it says so */
	}
	f->note_error = true;
	if (!shown)
		login_open(app);
	app->redraw |= RD_ALL;
}

static void try_login(struct app *app)
{
	struct cred_form *f = form(app);

	if (!f->pw.len) {
		snprintf(f->note, sizeof f->note, "%s", _("Type your password, then Enter."));
		f->note_error = true;
	} else {
		snprintf(f->note, sizeof f->note, "%s", _("Logging in\u2026"));
		f->note_error = false;
		session_login(app, f->pw.text);
	}
	app->redraw |= RD_BODY;
}

static bool login_key(struct app *app, km_key key)
{
	bool accepted;
	bool taken = cred_form_key(app, form(app), key, &accepted);

	if (accepted)
		try_login(app);
	return taken;
}

static unsigned op_login(struct app *app)
{
	try_login(app);
	return RD_BODY;
}

static unsigned op_quit(struct app *app)
{
	app_quit(app);
	return RD_NONE;
}

static const struct op_def login_ops[] = {
	OP("login", N_("Log in"), op_login, "<Enter>"),
	OP("login-quit", N_("Quit"), op_quit, "<F10>"),
	OP_END,
};

static const char *const login_hints[] = { "login", "login-quit", NULL };

static void login_title(struct app *app, char *buf, size_t len)
{
	(void)app;
	snprintf(buf, len, "%s", _("Log in"));
}

static void login_draw(struct app *app, WINDOW *win, unsigned flags)
{
	(void)flags;
	cred_form_draw(app, win, form(app), _("Log in to the server with your password."));
}

const struct screen screen_login = {
	.context = "login",
	.covers = true,
	.name = N_("Log in"),
	.ops = login_ops,
	.hints = login_hints,
	.title = login_title,
	.draw = login_draw,
	.key = login_key,
	.state_size = sizeof(struct cred_form),
	.state_free = form_wipe,
};
