/* The idle lock, for shared desks: after lock-after minutes without a key,
 * or at once with the `lock` operation, a screen that hides every dossier
 * goes on top of the stack and asks for the clerk's password. Nothing under
 * it changes: the screens, a half-typed filter, background sync and the
 * outbox go on. The password is checked against the salted hash kept since
 * login (app->unlock); each wrong one makes the next try wait longer. */
#include "config.h"

#include <stdio.h>

#include "core/i18n.h"
#include "cred.h"
#include "ui.h"

/* Waits after the 1st, 2nd, ... wrong password: 1, 2, 4, ... s, at most: */
#define LOCK_WAIT_MAX_S 30

struct lock_view {
	struct cred_form form;
	unsigned idle_timer;	/* checks for idleness (lock_start_timer) */
};

static struct lock_view *view(struct app *app)
{
	return ui_state(app, &screen_lock);
}

static struct cred_form *form(struct app *app)
{
	return &view(app)->form;
}

static void lock_view_free(struct app *app, void *state)
{
	struct lock_view *v = state;

	if (v->idle_timer)
		loop_timer_cancel(&app->loop, v->idle_timer);
	if (v->form.timer)
		loop_timer_cancel(&app->loop, v->form.timer);
	cred_form_clear(&v->form);
}

bool lock_active(const struct app *app)
{
	const struct ui *ui = app->ui;

	if (!ui)
		return false;
	for (size_t i = 0; i < ui->nunder; i++)
		if (ui->under[i] == &screen_lock)
			return true;
	return ui->screen == &screen_lock;
}

unsigned lock_open(struct app *app)
{
	struct cred_form *f = form(app);

	if (lock_active(app))
		return RD_NONE;
	if (!app->unlock.set) {
		app_message(app, MSG_ERROR, "%s",
			    _("the screen cannot be locked: no password was given to unlock it with"));
		return RD_STATUS;
	}
	cred_form_clear(f);
	f->note[0] = '\0';
	return ui_push(app, &screen_lock);
}

bool lock_idle_check(struct app *app)
{
	int64_t since = app->last_key;

	if (!app->conf.lock_after || !app->unlock.set || lock_active(app) || !app->ui)
		return false;
	if (app->ui->screen == &screen_login)
		return false;	/* not logged in yet: nothing to hide */
	if (!since || app_now(app) - since < (int64_t)app->conf.lock_after * 60)
		return false;
	app->redraw |= lock_open(app);
	return true;
}

static void on_lock_timer(void *arg)
{
	struct app *app = arg;

	lock_idle_check(app);
	view(app)->idle_timer = loop_timer(&app->loop, LOCK_CHECK_MS, on_lock_timer, app);
}

void lock_start_timer(struct app *app)
{
	/* idle from the start, not from the first key */
	if (!app->last_key)
		app->last_key = app_now(app);
	view(app)->idle_timer = loop_timer(&app->loop, LOCK_CHECK_MS, on_lock_timer, app);
}

static void wait_over(void *arg)
{
	struct app *app = arg;
	struct cred_form *f = form(app);

	f->timer = 0;
	snprintf(f->note, sizeof f->note, "%s", _("Wrong password. Type it again."));
	app->redraw |= RD_BODY;
}

static void try_unlock(struct app *app)
{
	struct cred_form *f = form(app);
	int64_t now = app_now_ms(app);
	int wait;

	if (now < f->retry_at) {
		/* TRANSLATORS: after wrong passwords, seconds before the next try */
		snprintf(f->note, sizeof f->note, _("Wait %lld s before the next try."),
			 (long long)((f->retry_at - now + 999) / 1000));
		f->note_error = true;
		app->redraw |= RD_BODY;
		return;
	}
	if (pw_verifier_check(&app->unlock, f->pw.text)) {
		cred_form_clear(f);
		f->fails = 0;
		f->retry_at = 0;
		f->note[0] = '\0';
		if (f->timer)
			loop_timer_cancel(&app->loop, f->timer);
		f->timer = 0;
		app->last_key = app_now(app);
		app->redraw |= ui_pop(app);
		return;
	}
	cred_form_clear(f);
	f->fails++;
	wait = f->fails > 5 ? LOCK_WAIT_MAX_S : 1 << (f->fails - 1);
	if (wait > LOCK_WAIT_MAX_S)
		wait = LOCK_WAIT_MAX_S;
	/* counted from the refusal, not from the key: the check itself
	 * is slow on purpose */
	f->retry_at = app_now_ms(app) + (int64_t)wait * 1000;
	snprintf(f->note, sizeof f->note,
		 P_("Wrong password. Try again in %d second.", "Wrong password. Try again in %d seconds.", wait),
		 wait);
	f->note_error = true;
	if (f->timer)
		loop_timer_cancel(&app->loop, f->timer);
	f->timer = loop_timer(&app->loop, (int64_t)wait * 1000, wait_over, app);
	app->redraw |= RD_BODY;
}

static bool lock_key(struct app *app, km_key key)
{
	bool accepted;
	bool taken = cred_form_key(app, form(app), key, &accepted);

	if (accepted)
		try_unlock(app);
	return taken;
}

static unsigned op_unlock(struct app *app)
{
	try_unlock(app);
	return RD_BODY;
}

static unsigned op_quit(struct app *app)
{
	/* allowed: what waits in the outbox is on disk and goes next time */
	app_quit(app);
	return RD_NONE;
}

static const struct op_def lock_ops[] = {
	OP("unlock", N_("Unlock with the password"), op_unlock, "<Enter>"),
	OP("lock-quit", N_("Quit (queued actions are kept)"), op_quit, "<F10>"),
	OP_END,
};

static const char *const lock_hints[] = { "unlock", "lock-quit", NULL };

static void lock_title(struct app *app, char *buf, size_t len)
{
	/* TRANSLATORS: the title bar of the lock screen; %s is the clerk's login */
	snprintf(buf, len, _("%s \u2014 locked"), app->user ? app->user : "");
}

static void lock_draw(struct app *app, WINDOW *win, unsigned flags)
{
	(void)flags;
	cred_form_draw(app, win, form(app), _("The screen is locked. Type your password to unlock it."));
}

const struct screen screen_lock = {
	.context = "lock",
	.covers = true,
	.name = N_("Lock"),
	.ops = lock_ops,
	.hints = lock_hints,
	.title = lock_title,
	.draw = lock_draw,
	.key = lock_key,
	.state_size = sizeof(struct lock_view),
	.state_free = lock_view_free,
};
