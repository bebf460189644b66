#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "macro.h"
#include "ui.h"

#define KEY_ESC 0x1b
#define KEY_CTRL_G 0x07

struct macro_view *macro_view(struct app *app)
{
	return ui_state(app, &screen_macros);
}

/* The state as it is: none made means no macro ever recorded or ran. */
static struct macro_view *peek(struct app *app)
{
	return ui_state_made(app, &screen_macros);
}

/* An operation of some screen, or of the generic table: a macro's <op>
 * runs on whichever screen is on top when it comes. */
static bool known_op(const char *name)
{
	if (ops_find(ops_generic, name))
		return true;
	for (const struct screen *const *s = screen_registry; *s; s++)
		if (ops_find((*s)->ops, name))
			return true;
	return false;
}

int macro_cmd(struct app *app, const struct cmd_words *w, struct err *e)
{
	struct mstep *steps;
	size_t n;
	int rc = 0;

	if (w->n != 4 && w->n != 5)
		return err_set(e, _("macro takes a context, a key, the keys it types and a description: macro inbox <F5> \"n1.001193<Enter>\" \"Birth registration\""));
	if (strcmp(w->v[1], KM_GENERIC) && !screen_find(w->v[1]))
		return err_set(e, _("'%s' is not a context: give a screen's (inbox, dossier, intake, ...) or generic"),
			       w->v[1]);
	if (macro_parse(w->v[3], &steps, &n, e) < 0)
		return -1;
	for (size_t i = 0; i < n && !rc; i++)
		if (steps[i].kind == MS_OP && !known_op(steps[i].text))
			rc = err_set(e, _("<%s> is not an operation (help lists them with their names)"),
				     steps[i].text);
	macro_steps_free(steps, n);
	if (rc < 0)
		return -1;
	if (!app->macros)
		app->macros = xcalloc(1, sizeof *app->macros);
	return macros_define(app->macros, w->v[1], w->v[2], w->v[3], w->n == 5 ? w->v[4] : "", e);
}

void macro_free_all(struct app *app)
{
	if (!app->macros)
		return;
	macros_free(app->macros);
	free(app->macros);
	app->macros = NULL;
}

/* ---- replay ---- */

void macro_run_free(struct macro_view *v)
{
	if (!v->run)
		return;
	macro_steps_free(v->run->steps, v->run->n);
	free(v->run);
	v->run = NULL;
}

/* The steps before step i, as written, cut to about a line. */
static void done_before(struct app *app, const struct macro_run *r, size_t i, char *buf, size_t len)
{
	struct sb b = { 0 };

	for (size_t k = 0; k < i; k++) {
		char name[128];

		macro_step_name(&r->steps[k], name, sizeof name);
		sb_puts(&b, name);
	}
	text_fit(buf, len, sb_str(&b), 60, app->ui->ellipsis, 0);
	sb_free(&b);
}

/* Stop at step i (0-based), saying why and what the macro had done. */
static void run_stop(struct app *app, struct macro_view *v, size_t i, const char *why)
{
	struct macro_run *r = v->run;
	char step[128], done[256], reason[sizeof app->msg];
	size_t n;

	/* why may be app->msg, which the report replaces; its full stop goes */
	snprintf(reason, sizeof reason, "%s", why);
	n = strlen(reason);
	if (n && reason[n - 1] == '.')
		reason[n - 1] = '\0';
	macro_step_name(&r->steps[i], step, sizeof step);
	done_before(app, r, i, done, sizeof done);
	if (i)
		/* TRANSLATORS: the macro's key, the step's number, how many there
		 * are, the step as written, why; then what it did before */
		app_message(app, MSG_ERROR, _("Macro %s stopped at step %zu of %zu (%s): %s. It had typed: %s"),
			    r->key, i + 1, r->n, step, reason, done);
	else
		app_message(app, MSG_ERROR, _("Macro %s stopped at step %zu of %zu (%s): %s. It had done nothing."),
			    r->key, i + 1, r->n, step, reason);
	snprintf(v->report, sizeof v->report, "%s", app->msg);
	macro_run_free(v);
	app->redraw |= RD_STATUS;
}

const char *macro_report(struct app *app)
{
	struct macro_view *v = peek(app);

	return v && v->report[0] ? v->report : NULL;
}

bool macro_start(struct app *app, km_key key)
{
	struct macro_view *v;
	const struct macro *m;
	struct macro_run *r;

	if (!app->macros || !app->ui)
		return false;
	v = macro_view(app);
	m = macros_find(app->macros, app->ui->screen->context, key);
	if (!m || v->run)
		return false;
	r = xcalloc(1, sizeof *r);
	/* a copy: deleting the macro does not pull the steps from under it */
	if (macro_parse(m->body, &r->steps, &r->n, NULL) < 0)
		abort();	/* it parsed when defined */
	km_key_name(m->key, r->key, sizeof r->key);
	r->errors = app->msg_errors;
	v->run = r;
	app->redraw |= RD_STATUS;
	return true;
}

/* Whether the clerk still has to answer a y/n question on the top screen. */
static bool question_open(struct app *app)
{
	const struct screen *s = app->ui->screen;

	return s->asking && s->asking(app);
}

void macro_pump(struct app *app)
{
	struct macro_view *v = peek(app);

	while (v && v->run && !app->quit) {
		struct macro_run *r = v->run;
		const struct mstep *s;

		/* the lock or the login over it: its keys are the password's */
		if (r->asking || question_open(app) || app->ui->screen->covers)
			return;
		if (ui_busy(app))
			return;
		/* before its first step an error is not the macro's doing */
		if (!r->next)
			r->errors = app->msg_errors;
		/* what the step before started failed or was refused */
		if (app->msg_errors != r->errors) {
			run_stop(app, v, r->next - 1, app->msg);
			return;
		}
		if (r->next == r->n) {
			app_message(app, MSG_INFO, _("Macro %s done (%zu steps)."), r->key, r->n);
			macro_run_free(v);
			return;
		}
		s = &r->steps[r->next];
		if (s->kind == MS_ASK) {
			r->asking = true;
			/* TRANSLATORS: a macro asks the clerk for a value: the
			 * macro's key, its question */
			app_message(app, MSG_INFO, _("Macro %s: %s: type it, then Enter (Esc stops the macro)."),
				    r->key, s->text);
			return;
		}
		if (s->kind == MS_OP) {
			const struct op_def *op = screen_op(app->ui->screen, s->text);

			if (!op) {
				run_stop(app, v, r->next, _("not an operation of the screen on top"));
				return;
			}
			r->next++;
			app->redraw |= ops_run(app, op);
		} else {
			r->next++;
			ui_feed(app, s->key);
		}
		app->redraw |= RD_STATUS;
	}
}

bool macro_status(struct app *app, char *buf, size_t len)
{
	struct macro_view *v = peek(app);
	const struct macro_run *r = v ? v->run : NULL;

	if (!v)
		return false;
	if (v->recording) {
		char stop[64];

		km_keys_in(app->ui->km, app->ui->screen->context, "macro-record", stop, sizeof stop);
		/* TRANSLATORS: the status bar while keys are recorded; the keys
		 * that stop it */
		snprintf(buf, len, _(" Recording a macro: %s stops it"), stop);
		return true;
	}
	if (!r)
		return false;
	if (r->asking)
		snprintf(buf, len, _(" Macro %s asks: %s; Enter goes on, Esc stops"), r->key,
			 r->steps[r->next].text);
	else if (question_open(app))
		snprintf(buf, len, _(" Macro %s waits for your answer"), r->key);
	else
		/* TRANSLATORS: a macro runs: its key, the step, how many */
		snprintf(buf, len, _(" Macro %s: step %zu of %zu (Esc stops it)"), r->key, r->next + 1, r->n);
	return true;
}

/* ---- recording ---- */

unsigned macro_record(struct app *app)
{
	struct macro_view *v = macro_view(app);

	/* not while one runs, nor over the naming of the last one */
	if (v->run || (app->ui->screen == &screen_macros && v->mode != MV_LIST))
		return RD_NONE;
	if (!v->recording) {
		v->recording = true;
		free(v->rec_context);
		v->rec_context = xstrdup(app->ui->screen->context);
		sb_reset(&v->rec);
		app_message(app, MSG_INFO, _("Recording: the keys you type now make the macro."));
		return RD_STATUS;
	}
	v->recording = false;
	if (!v->rec.len) {
		app_message(app, MSG_INFO, "%s", _("Nothing recorded."));
		return RD_STATUS;
	}
	return macros_name_open(app);
}

static bool is_record_key(struct app *app, km_key key)
{
	const char *op = km_lookup(app->ui->km, app->ui->screen->context, key);

	return op && !strcmp(op, "macro-record");
}

bool macro_key(struct app *app, km_key key)
{
	struct macro_view *v = peek(app);
	struct macro_run *r = v ? v->run : NULL;

	if (!v) {
		if (!is_record_key(app, key))
			return false;
		v = macro_view(app);
	}
	if (v->report[0]) {
		v->report[0] = '\0';
		app->redraw |= RD_STATUS;
	}
	if (r) {
		if (r->asking) {
			if (key == '\r' || key == '\n') {
				r->asking = false;
				r->next++;
				app->redraw |= RD_STATUS;
				return true;
			}
			if (key == KEY_ESC) {
				run_stop(app, v, r->next, _("stopped by you"));
				return true;
			}
			return false;	/* the value, typed into the screen */
		}
		if (question_open(app)) {
			/* the clerk's answer goes to the screen; no stops the macro */
			if (key == 'n' || key == 'N' || key == KEY_ESC || key == KEY_CTRL_G)
				run_stop(app, v, r->next - 1, _("you answered no"));
			return false;
		}
		if (key == KEY_ESC)
			run_stop(app, v, r->next ? r->next - 1 : 0, _("stopped by you"));
		else
			app_message(app, MSG_INFO, _("Macro %s is running: Esc stops it."), r->key);
		return true;
	}
	/* naming the last recording, the key may be asked for: the screen's */
	if (is_record_key(app, key) && (app->ui->screen != &screen_macros || v->mode == MV_LIST)) {
		app->redraw |= macro_record(app);
		return true;
	}
	if (v->recording) {
		struct mstep s = { MS_KEY, key, NULL };
		char name[32];

		macro_step_name(&s, name, sizeof name);
		sb_puts(&v->rec, name);
	}
	return false;
}
