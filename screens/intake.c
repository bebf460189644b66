#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/xalloc.h"
#include "intake_view.h"
#include "ui.h"

/* The appointment follows the clock: a form left open over 15:00 moves to
 * the next working day by itself. */
#define TICK_MS (30 * 1000)

static struct intake_view *view(struct app *app)
{
	return ui_state(app, &screen_intake);
}

int64_t intake_appointment(struct app *app, int64_t now)
{
	const struct iform *f = &view(app)->form;

	return cal_due(app->cal, now, f->minutes, f->cutoff < 0 ? CAL_NO_CUTOFF : f->cutoff);
}

/* Auto-fill changed the form or a lookup's state. */
static void on_changed(void *arg)
{
	struct app *app = arg;

	app->redraw |= RD_BODY | RD_STATUS;
}

/* ---- focus and editing ---- */

static int items(const struct intake_view *v)
{
	return v->form.nf + v->form.nc;
}

static void focus(struct intake_view *v, int i)
{
	if (i < 0)
		i = 0;
	if (i >= items(v))
		i = items(v) - 1;
	/* leaving a field: its problem may show from now on */
	if (v->cur < v->form.nf && v->cur != i)
		v->form.f[v->cur].touched = true;
	v->cur = i;
	prompt_clear(&v->edit);
	if (i < v->form.nf) {
		snprintf(v->edit.text, sizeof v->edit.text, "%s", v->form.f[i].value);
		v->edit.len = strlen(v->edit.text);
	}
	v->leave_armed = false;
}

static void edited(struct app *app)
{
	struct intake_view *v = view(app);

	iform_set(&v->form, v->cur, v->edit.text);
	af_edited(&v->af, v->cur);
	v->leave_armed = false;
	v->dirty = true;
}

/* Select fields and components change by choice, not by typing. */
static void choose(struct app *app, int dir)
{
	struct intake_view *v = view(app);

	if (v->cur >= v->form.nf) {
		iform_comp_cycle(&v->form, v->cur - v->form.nf);
		v->dirty = true;
		return;
	}
	{
		struct iform_field *x = &v->form.f[v->cur];
		int at = -1;

		if (x->rule.type != VT_SELECT || !x->noptions)
			return;
		for (int i = 0; i < x->noptions; i++)
			if (!strcmp(x->options[i], x->value))
				at = i;
		at = at < 0 ? (dir > 0 ? 0 : x->noptions - 1) : (at + dir + x->noptions) % x->noptions;
		snprintf(v->edit.text, sizeof v->edit.text, "%s", x->options[at]);
		v->edit.len = strlen(v->edit.text);
		edited(app);
	}
}

static bool is_select(const struct intake_view *v)
{
	return v->cur >= v->form.nf ||
	       (v->form.f[v->cur].rule.type == VT_SELECT && v->form.f[v->cur].noptions);
}

/* The focused field holds words (a name, an address, a note): the input
 * method composes there; an e-mail, a number or a date is typed as is. */
static bool words(const struct intake_view *v)
{
	enum vtype t = v->form.f[v->cur].rule.type;

	return t == VT_TEXT || t == VT_ADDRESS;
}

static void fetch(struct app *app, const char *code);

/* The code typed at the desk: the clerk knows the daily ones by heart. */
static bool ask_key(struct app *app, km_key key)
{
	struct intake_view *v = view(app);
	char code[PROMPT_MAX];

	switch (prompt_type(&v->edit, key, ui_ime(app))) {
	case PROMPT_IGNORED:
		return false;
	case PROMPT_CANCELLED:
		app->redraw |= ui_pop(app);
		return true;
	case PROMPT_ACCEPTED:
		snprintf(code, sizeof code, "%s", ident_trim(v->edit.text, NULL));
		code[strcspn(code, " \t")] = '\0';
		if (code[0])
			fetch(app, code);
		break;
	case PROMPT_TAKEN:
	case PROMPT_EDITED:
		break;
	}
	app->redraw |= RD_BODY | RD_TITLE;
	return true;
}

static bool intake_key(struct app *app, km_key key)
{
	struct intake_view *v = view(app);

	if (v->phase == IP_ASK)
		return ask_key(app, key);
	if (v->phase != IP_FORM || key == 0x1b)
		return false;	/* Esc: the keymap's cancel */
	if (is_select(v)) {
		if (key != ' ')
			return false;
		choose(app, 1);
		app->redraw |= RD_BODY;
		return true;
	}
	switch (prompt_type(&v->edit, key, words(v) ? ui_ime(app) : NULL)) {
	case PROMPT_IGNORED:
	case PROMPT_CANCELLED:
		return false;
	case PROMPT_TAKEN:
		break;
	case PROMPT_EDITED:
		edited(app);
		break;
	case PROMPT_ACCEPTED:
		focus(v, v->cur + 1);
		break;
	}
	app->redraw |= RD_BODY;
	return true;
}

/* ---- opening ---- */

static void on_tick(void *arg)
{
	struct app *app = arg;
	struct intake_view *v = view(app);

	v->tick = loop_timer(&app->loop, TICK_MS, on_tick, app);
	v->form.today = app_now(app);
	app->redraw |= RD_BODY;
}

static void drop_form(struct app *app)
{
	struct intake_view *v = view(app);

	if (v->phase == IP_FORM || v->phase == IP_SENT) {
		af_free(&v->af);
		iform_free(&v->form);
	}
	if (v->have_receipt)
		receipt_free(&v->receipt);
	v->have_receipt = false;
	if (v->tick)
		loop_timer_cancel(&app->loop, v->tick);
	v->tick = 0;
	/* what becomes of the intake sent is no longer this screen's */
	session_intake_forget(app, v->outbox_id);
	v->outbox_id = 0;
}

static void intake_show_procedure(struct app *app, const struct procedure *p)
{
	struct intake_view *v = view(app);
	struct af_backend be = session_autofill_backend(app);

	drop_form(app);
	iform_init(&v->form, p, app_now(app));
	af_init(&v->af, &app->loop, &be, v->cache, &v->form, NULL);
	v->af.changed = on_changed;
	v->af.changed_arg = app;
	v->phase = IP_FORM;
	v->dirty = false;
	v->cur = v->top = 0;
	v->dossier[0] = '\0';
	v->due = 0;
	focus(v, 0);
	v->tick = loop_timer(&app->loop, TICK_MS, on_tick, app);
	app->redraw |= RD_ALL;
}

static void on_procedure(struct app *app, const struct procedure *p, const struct err *e)
{
	struct intake_view *v;

	if (!(v = view(app)) || app->ui->screen != &screen_intake)
		return;		/* closed meanwhile */
	if (v->phase == IP_FORM && p) {
		/* the server's differs from the stored one shown: take it,
		 * unless the clerk has started typing on the old one */
		if (v->dirty) {
			app_message(app, MSG_INFO, "%s",
				    _("the procedure changed on the server; the form keeps what was shown"));
			return;
		}
		intake_show_procedure(app, p);
		return;
	}
	if (v->phase != IP_LOADING)
		return;
	if (!p) {
		v->phase = IP_NOPROC;
		v->why = *e;
		app->redraw |= RD_BODY;
		return;
	}
	intake_show_procedure(app, p);
}

static struct intake_view *prepare(struct app *app)
{
	struct intake_view *v = view(app);

	if (!v->cache)
		v->cache = af_cache_new();
	drop_form(app);
	v->phase = IP_LOADING;
	return v;
}

static void fetch(struct app *app, const char *code)
{
	struct intake_view *v = prepare(app);

	free(v->code);
	v->code = xstrdup(code);
	/* a cached procedure comes back at once, before this returns */
	if (!session_fetch_procedure(app, code, on_procedure)) {
		v->phase = IP_NOPROC;
		err_set(&v->why, "%s", _("no server configured: start motcua with --profile"));
	}
}

unsigned intake_open(struct app *app, const char *procedure_code)
{
	unsigned flags = ui_push(app, &screen_intake);

	if (app->ui->screen != &screen_intake)
		return flags;	/* the stack is full */
	fetch(app, procedure_code);
	return flags | RD_ALL;
}

unsigned intake_ask(struct app *app)
{
	unsigned flags = ui_push(app, &screen_intake);
	struct intake_view *v;

	if (app->ui->screen != &screen_intake)
		return flags;
	v = prepare(app);
	v->phase = IP_ASK;
	free(v->code);
	v->code = NULL;
	prompt_clear(&v->edit);
	return flags | RD_ALL;
}

unsigned intake_open_with(struct app *app, const struct procedure *p)
{
	unsigned flags = ui_push(app, &screen_intake);

	if (app->ui->screen != &screen_intake)
		return flags;
	free(prepare(app)->code);
	view(app)->code = xstrdup(p->code ? p->code : "");
	intake_show_procedure(app, p);
	return flags;
}

static void intake_close(struct app *app)
{
	drop_form(app);
}

static void intake_view_free(struct app *app, void *state)
{
	struct intake_view *v = state;

	drop_form(app);
	af_cache_free(v->cache);
	free(v->code);
}

/* ---- submitting ---- */

/* The receipt with the appointment, shown under the result and printed
 * with p: the applicant leaves with it. */
static void make_receipt(struct app *app, const struct dossier *d)
{
	struct intake_view *v = view(app);
	struct receipt_opts o = { .desk = app->conf.desk_name, .now = app_now(app),
				  .paper = PAPER_A4 };
	struct err e;

	if (v->have_receipt || !d->received_at)
		return;		/* an online intake has no receipt until accepted */
	if (receipt_make(RECEIPT_RECEIPT, d, &o, &v->receipt, &e) < 0) {
		app_message(app, MSG_ERROR, _("no receipt: %s"), e.msg);
		return;
	}
	v->have_receipt = true;
	v->receipt_top = 0;
}

/* The session tells what became of the intake sent: sent, queued again,
 * refused, or delivered, the dossier then in the inbox. */
static void on_intake(struct app *app, int64_t id, enum ob_state st, const char *code, void *arg)
{
	struct intake_view *v;
	struct dossier *d;

	(void)arg;
	if (!app->ui || !(v = view(app)) || v->phase != IP_SENT || v->outbox_id != id)
		return;
	v->state = st;
	snprintf(v->dossier, sizeof v->dossier, "%s", code);
	if (st == OB_DONE && v->dossier[0] && (d = app_find_dossier(app, v->dossier))) {
		v->due = d->due_at;
		make_receipt(app, d);
	}
	app->redraw |= RD_BODY | RD_TITLE;
}

static unsigned op_submit(struct app *app)
{
	struct intake_view *v = view(app);
	struct intake in;
	struct err e;
	int bad;

	if (v->phase != IP_FORM)
		return RD_NONE;
	v->form.today = app_now(app);
	v->form.submit_tried = true;
	if ((bad = iform_first_problem(&v->form)) >= 0) {
		int n = iform_problems(&v->form);

		focus(v, bad);
		/* the reason first, the field after it: the cursor is on it */
		app_message(app, MSG_ERROR, P_("%d problem: %s (%s)", "%d problems; the first: %s (%s)", n), n,
			    v->form.f[bad].error.msg, v->form.f[bad].label);
		return RD_BODY | RD_STATUS;
	}
	if (iform_intake(&v->form, &in, &e) < 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
		return RD_STATUS;
	}
	in.lookup_purpose = xstrdup(v->af.purpose);
	v->offline_lookup = af_any_offline(&v->af);
	if (v->offline_lookup) {
		/* the dossier's log says why the data was typed, not looked up */
		char note[VALIDATE_MAX];

		snprintf(note, sizeof note, "%s%s%s", in.note ? in.note : "", in.note ? " — " : "",
			 _("national data lookup not done (offline): typed by hand"));
		free(in.note);
		in.note = xstrdup(note);
	}
	if (session_intake(app, &in, &v->outbox_id, &v->state, on_intake, NULL, &e) < 0) {
		intake_free(&in);
		app_message(app, MSG_ERROR, _("the intake could not be saved: %s"), e.msg);
		return RD_STATUS;
	}
	intake_free(&in);
	af_cancel(&v->af);
	v->phase = IP_SENT;
	v->sent_at = app_now(app);
	return RD_ALL;
}

/* ---- operations ---- */

static unsigned op_next(struct app *app)
{
	struct intake_view *v = view(app);

	if (v->phase == IP_FORM)
		focus(v, v->cur + 1);
	else if (v->phase == IP_SENT && v->have_receipt && v->receipt_top + 1 < v->receipt.n)
		v->receipt_top++;	/* the receipt scrolls */
	return RD_BODY;
}

static unsigned op_prev(struct app *app)
{
	struct intake_view *v = view(app);

	if (v->phase == IP_FORM)
		focus(v, v->cur - 1);
	else if (v->phase == IP_SENT && v->receipt_top > 0)
		v->receipt_top--;
	return RD_BODY;
}

static unsigned op_print(struct app *app)
{
	struct intake_view *v = view(app);

	if (v->phase != IP_SENT || !v->have_receipt) {
		app_message(app, MSG_ERROR, "%s", _("no receipt yet: it comes once the server has the dossier"));
		return RD_STATUS;
	}
	return paper_print(app, &v->receipt, _("Receipt"));
}

static unsigned op_first_problem(struct app *app)
{
	struct intake_view *v = view(app);
	int bad;

	if (v->phase != IP_FORM)
		return RD_NONE;
	if ((bad = iform_first_problem(&v->form)) >= 0)
		focus(v, bad);
	else
		app_message(app, MSG_INFO, "%s", _("no problem: the form can be submitted"));
	return RD_BODY | RD_STATUS;
}

static unsigned op_choice_next(struct app *app)
{
	if (view(app)->phase == IP_FORM)
		choose(app, 1);
	return RD_BODY;
}

static unsigned op_choice_prev(struct app *app)
{
	if (view(app)->phase == IP_FORM)
		choose(app, -1);
	return RD_BODY;
}

/* Esc: stop a lookup first; then leave, asking once if something was
 * typed (nothing typed is lost by a stray key). */
static unsigned op_cancel(struct app *app)
{
	struct intake_view *v = view(app);

	if (v->phase == IP_LOADING || v->phase == IP_NOPROC)
		return ui_pop(app);
	if (v->phase == IP_FORM && af_cancel(&v->af)) {
		app_message(app, MSG_INFO, "%s", _("lookup cancelled: fill the fields by hand"));
		return RD_BODY | RD_STATUS;
	}
	if (v->phase == IP_FORM && v->dirty && !v->leave_armed) {
		v->leave_armed = true;
		app_message(app, MSG_ERROR, "%s",
			    _("Esc again leaves the form and what was typed is lost; F10 submits it"));
		return RD_STATUS;
	}
	return ui_pop(app);
}

static unsigned op_close(struct app *app)
{
	if (view(app)->phase == IP_FORM)
		return op_cancel(app);
	return ui_pop(app);
}

/* A field takes printable keys as text, so the form's keys are not
 * letters; p and q work where no text is typed (a list, the form sent). */
static const struct op_def intake_ops[] = {
	OP("intake-next", N_("Next field"), op_next, "<Tab> <Down> <Enter>"),
	OP("intake-prev", N_("Previous field"), op_prev, "<BackTab> <Up>"),
	OP("intake-choice-next", N_("Next choice (a list, a component's paper / national data)"),
	   op_choice_next, "<Right>"),
	OP("intake-choice-prev", N_("Previous choice"), op_choice_prev, "<Left>"),
	OP("intake-first-problem", N_("Go to the first problem"), op_first_problem, "<F2>"),
	OP("intake-submit", N_("Receive the dossier (send it, or queue it offline)"), op_submit,
	   "<F10> <C-t>"),
	OP("intake-print", N_("Print the receipt with the appointment"), op_print, "p"),
	OP("cancel", N_("Stop the lookup; again: leave the form"), op_cancel, NULL),
	OP("view-close", N_("Back"), op_close, "q"),
	OP_END,
};

static const char *const intake_hints[] = { "intake-submit", "intake-next", "cancel", NULL };

static void intake_title(struct app *app, char *buf, size_t len)
{
	struct intake_view *v = view(app);

	if (v && v->phase == IP_SENT && v->dossier[0])
		snprintf(buf, len, _("Intake %s: %s"), v->code, app_dossier_number(app, v->dossier));
	else
		snprintf(buf, len, _("Intake %s"), v && v->code ? v->code : "");
}

static void intake_draw(struct app *app, WINDOW *win, unsigned flags)
{
	(void)flags;
	intake_draw_form(app, win);
}

/* A lookup waits for its debounce or its answer, or the intake is being
 * sent: a macro's next key would land on a form about to change. */
static bool intake_busy(struct app *app)
{
	struct intake_view *v = view(app);

	if (v->phase == IP_SENT)
		return v->state == OB_SENDING;
	for (int i = 0; v->phase == IP_FORM && i < v->af.nl; i++)
		if (v->af.l[i].state == AF_WAITING || v->af.l[i].state == AF_LOOKING)
			return true;
	return false;
}

const struct screen screen_intake = {
	.context = "intake",
	.name = N_("Intake"),
	.ops = intake_ops,
	.hints = intake_hints,
	.title = intake_title,
	.draw = intake_draw,
	.close = intake_close,
	.key = intake_key,
	.busy = intake_busy,
	.state_size = sizeof(struct intake_view),
	.state_free = intake_view_free,
};
