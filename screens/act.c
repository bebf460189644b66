#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "form.h"
#include "store/outbox.h"
#include "store/store_inbox.h"
#include "ui.h"

/* The form of one action on one dossier. */
struct act_view {
	char *code;
	enum action act;
	struct form form;
	/* which field holds what; -1: the form has none */
	int f_note, f_reason, f_assignee, f_missing, f_items, f_due;
	/* asking y/n: before a step that cannot be undone, before leaving
	 * what was typed */
	enum { ACT_ASK_NONE, ACT_ASK_SEND, ACT_ASK_DISCARD } asking;
	bool typed;		/* the clerk changed a field */
	char error[512];	/* why it cannot be sent yet */
};

static struct act_view *view(struct app *app)
{
	return ui_state(app, &screen_act);
}

static void act_view_free(struct app *app, void *state)
{
	struct act_view *v = state;

	(void)app;
	free(v->code);
	form_free(&v->form);
}

static struct dossier *acted_on(struct app *app)
{
	return app_find_dossier(app, view(app)->code);
}

/* dd/mm/yyyy [HH:MM] in Vietnam time; a date alone is at the end of the
 * office day, when appointments are usually set. */
static int parse_when(const struct app *app, const char *s, int64_t *t)
{
	struct cal_hours h;
	int d, m, y, hh = -1, mm = 0;
	char tail;
	int n = sscanf(s, "%d/%d/%d %d:%d %c", &d, &m, &y, &hh, &mm, &tail);

	if ((n != 3 && n != 5) || !cal_valid_date(y, m, d) || (n == 5 && (hh < 0 || hh > 23 || mm < 0 || mm > 59)))
		return -1;
	if (n == 3) {
		cal_get_hours(app->cal, &h);
		hh = h.pm_end / 60;
		mm = h.pm_end % 60;
	}
	*t = cal_join(y, m, d, hh, mm, 0);
	return 0;
}

/* ---- the one allowed new date (DOMAIN.md "Deadlines") ---- */

static bool apology_used(const struct dossier *d)
{
	for (int i = 0; i < d->ndue; i++)
		if (d->due_history[i].reason && !strcmp(d->due_history[i].reason, "apology"))
			return true;
	return false;
}

/* The new date proposed: the procedure's own time once more, counted in
 * working days from the current due date. The procedure's time is read
 * from the dossier (receipt to first due date), the catalog not being at
 * hand here; at least one working day. */
static int64_t propose_due(const struct cal *c, const struct dossier *d)
{
	int64_t first = d->ndue ? d->due_history[0].old_due : d->due_at;
	int64_t budget = d->received_at && first > d->received_at ?
		cal_working_minutes_between(c, d->received_at, first) : 0;

	if (budget < cal_day_minutes(c))
		budget = cal_day_minutes(c);
	return cal_due(c, d->due_at, (int)budget, CAL_NO_CUTOFF);
}

/* Said before the form opens: the server would refuse it anyway. */
static int reschedule_refused(struct app *app, const struct dossier *d, char *why, size_t len)
{
	char at[32], due[32];
	int64_t last;

	if (apology_used(d)) {
		snprintf(why, len, "%s", _("The appointment was already moved once with an apology; it may be moved only once."));
		return -1;
	}
	if (!d->due_at) {
		snprintf(why, len, "%s", _("The dossier has no due date to move."));
		return -1;
	}
	last = cal_apology_deadline(app->cal, d->due_at);
	if (app_now(app) > last) {
		snprintf(why, len, _("Too late for an apology with a new date: it had to be sent by %s, one working day before the due date %s."),
			 when_date_time(last, at, sizeof at), when_date_time(d->due_at, due, sizeof due));
		return -1;
	}
	return 0;
}

/* ---- building the form ---- */

/* Colleagues to assign to: the assignees seen on dossiers being processed
 * (their assignee is the specialist), the API offering the desk no list
 * of users through the profile. Typing a login not listed sends it as is. */
static void add_assignee(void *arg, const char *login, const char *name)
{
	char label[256];

	snprintf(label, sizeof label, "%s (%s)", name ? name : login, login);
	form_add_item(arg, label, login, false);
}

static void add_assignees(struct app *app, struct form_field *ff)
{
	struct err e;

	if (app->store && store_inbox_assignees(app->store, 1u << ST_PROCESSING | 1u << ST_SUPPLEMENT |
						1u << ST_PAYMENT, add_assignee, ff, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
}

static void add_components(const struct dossier *d, struct form_field *ff)
{
	for (int i = 0; i < d->ncomponents; i++) {
		const struct component *c = &d->components[i];
		char seq[16];

		/* national data is never asked of the citizen again */
		if (c->from_national || !c->name)
			continue;
		snprintf(seq, sizeof seq, "%d", c->seq ? c->seq : i + 1);
		/* the ones not provided are the likely answer: ticked already */
		form_add_item(ff, c->name, seq, !c->provided);
	}
}

static int field_index(struct act_view *v, struct form_field *ff)
{
	return ff ? (int)(ff - v->form.f) : -1;
}

static void build(struct app *app, const struct dossier *d)
{
	struct act_view *v = view(app);
	struct form *f = &v->form;
	struct form_field *ff;
	char due[32];

	form_free(f);
	form_init(f);
	v->f_note = v->f_reason = v->f_assignee = v->f_missing = v->f_items = v->f_due = -1;
	v->asking = ACT_ASK_NONE;
	v->typed = false;
	v->error[0] = '\0';
	switch (v->act) {
	case ACT_ASSIGN:
		ff = form_add(f, FORM_PICK, _("Assign to (type to narrow)"), true);
		ff->free_text = true;
		add_assignees(app, ff);
		v->f_assignee = field_index(v, ff);
		break;
	case ACT_REQUEST_SUPPLEMENT:
		ff = form_add(f, FORM_CHECKS, _("Missing components (Space ticks)"), false);
		add_components(d, ff);
		v->f_missing = field_index(v, ff);
		v->f_items = field_index(v, form_add(f, FORM_TEXT, _("Other missing papers"), false));
		break;
	case ACT_RESCHEDULE:
		ff = form_add(f, FORM_DATE, _("New due date"), true);
		when_date_time(propose_due(app->cal, d), due, sizeof due);
		snprintf(ff->text.text, sizeof ff->text.text, "%s", due);
		ff->text.len = strlen(ff->text.text);
		v->f_due = field_index(v, ff);
		break;
	default:
		break;
	}
	if (action_irreversible(v->act))
		v->f_reason = field_index(v, form_add(f, FORM_TEXT, _("Reason"), true));
	v->f_note = field_index(v, form_add(f, FORM_TEXT, _("Note"), false));
}

size_t act_allowed_list(const struct dossier *d, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int a = 0; a < ACT_COUNT && used < len; a++)
		if (d->allowed & (1u << a))
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
						 action_label(a));
	return used;
}

/* Why the key does nothing: the action, refused, the dossier's status,
 * and what it allows instead. */
static void not_allowed(struct app *app, const struct dossier *d, enum action act)
{
	char list[512];

	/* not read whole: what is known is a rule, not the server's word */
	if (d->allowed_from == ALLOWED_UNKNOWN)
		app_message(app, MSG_ERROR, _("%s: this server's API has no such action."), action_label(act));
	else if (d->allowed_from == ALLOWED_RULES)
		/* TRANSLATORS: the action refused, the dossier's status */
		app_message(app, MSG_ERROR, _("%s: the profile's rules do not allow it to your role on a dossier that is %s. It was not read whole since it changed: open it online to see what the server allows."),
			    action_label(act), dossier_status_label(d));
	else if (act_allowed_list(d, list, sizeof list))
		/* TRANSLATORS: the action refused, the dossier's status, the actions allowed */
		app_message(app, MSG_ERROR, _("%s: not allowed, the dossier is %s. Allowed now: %s."),
			    action_label(act), dossier_status_label(d), list);
	else
		app_message(app, MSG_ERROR, _("%s: not allowed, the dossier is %s and nothing is allowed for you at this step."),
			    action_label(act), dossier_status_label(d));
}

unsigned act_open(struct app *app, const char *code, enum action act)
{
	struct act_view *v = view(app);
	const struct dossier *d = app_find_dossier(app, code);
	const struct ob_entry *en = app_outbox_for(app, code);
	char why[512];
	unsigned flags;

	if (!d) {
		app_message(app, MSG_ERROR, "%s", _("This dossier is no longer in the inbox."));
		return RD_STATUS;
	}
	/* the answer first, then why: at 80 columns the end may wrap */
	if (en && (en->state == OB_QUEUED || en->state == OB_SENDING)) {
		/* what is allowed next depends on what the server makes of it */
		app_message(app, MSG_ERROR, _("Not now: your %s is not confirmed by the server yet; act again once it is."),
			    action_label(en->act));
		return RD_STATUS;
	}
	if (en) {
		app_message(app, MSG_ERROR, _("Not now: your %s was not done and waits on you; retry or discard it first."),
			    action_label(en->act));
		return RD_STATUS;
	}
	if (!(d->allowed & (1u << act))) {
		not_allowed(app, d, act);
		return RD_STATUS;
	}
	if (act == ACT_RESCHEDULE && reschedule_refused(app, d, why, sizeof why) < 0) {
		app_message(app, MSG_ERROR, "%s", why);
		return RD_STATUS;
	}
	flags = ui_push(app, &screen_act);
	if (app->ui->screen != &screen_act)
		return flags;
	free(v->code);
	v->code = xstrdup(code);
	v->act = act;
	build(app, d);
	return flags;
}

/* ---- sending ---- */

static const char *text_of(struct act_view *v, int i, char *buf, size_t len)
{
	buf[0] = '\0';
	return i < 0 ? buf : form_text(&v->form.f[i], buf, len);
}

/* Check the form and, unless only checking, queue the action; false
 * with v->error set. */
static bool queue_action(struct app *app, bool check_only)
{
	struct act_view *v = view(app);
	const struct dossier *d = acted_on(app);
	struct api_act_args args = { 0 };
	char note[PROMPT_MAX * 2 + 64], typed[PROMPT_MAX], reason[PROMPT_MAX], who[PROMPT_MAX], due[PROMPT_MAX];
	int *missing = NULL;
	struct err e;
	bool guessed;
	int rc;

	if (!d) {
		snprintf(v->error, sizeof v->error, "%s", _("This dossier is no longer in the inbox."));
		return false;
	}
	args.version = d->version;
	text_of(v, v->f_note, note, sizeof note);
	if (v->f_reason >= 0 && !*(args.reason = text_of(v, v->f_reason, reason, sizeof reason))) {
		v->form.focus = v->f_reason;
		snprintf(v->error, sizeof v->error, "%s", _("Give the reason: it goes to the applicant."));
		return false;
	}
	if (v->f_assignee >= 0) {
		const struct form_item *it = form_picked(&v->form.f[v->f_assignee]);

		args.assignee = it ? it->value : text_of(v, v->f_assignee, who, sizeof who);
		if (!*args.assignee) {
			v->form.focus = v->f_assignee;
			snprintf(v->error, sizeof v->error, "%s", _("Choose the specialist to assign the dossier to."));
			return false;
		}
	}
	if (v->f_due >= 0) {
		char cur[32];

		if (parse_when(app, text_of(v, v->f_due, due, sizeof due), &args.new_due) < 0) {
			v->form.focus = v->f_due;
			snprintf(v->error, sizeof v->error, "%s", _("Write the new date as dd/mm/yyyy HH:MM."));
			return false;
		}
		if (args.new_due <= d->due_at) {
			v->form.focus = v->f_due;
			snprintf(v->error, sizeof v->error, _("The new date must be later than the current one, %s."),
				 when_date_time(d->due_at, cur, sizeof cur));
			return false;
		}
	}
	if (v->f_missing >= 0) {
		const struct form_field *ff = &v->form.f[v->f_missing];

		missing = xcalloc(ff->nitems + 1, sizeof *missing);
		for (size_t i = 0; i < ff->nitems; i++)
			if (ff->items[i].on)
				missing[args.nmissing++] = atoi(ff->items[i].value);
		/* papers typed in are not components: they go in the note */
		if (*text_of(v, v->f_items, typed, sizeof typed)) {
			char rest[sizeof note];

			snprintf(rest, sizeof rest, "%s", note);
			/* TRANSLATORS: the note of a supplement request: papers typed in, then the clerk's note */
			snprintf(note, sizeof note, *rest ? _("Also missing: %s. %s") : _("Also missing: %s."), typed, rest);
		}
		if (!args.nmissing && !*note) {
			free(missing);
			v->form.focus = v->f_missing;
			snprintf(v->error, sizeof v->error, "%s", _("Say what is missing: tick a component or type the papers."));
			return false;
		}
		args.missing = missing;
	}
	args.note = *note ? note : NULL;
	if (check_only) {
		free(missing);
		return true;
	}
	guessed = d->allowed_from != ALLOWED_READ;
	rc = session_act(app, v->code, v->act, &args, d, &e);
	free(missing);
	if (rc < 0) {
		snprintf(v->error, sizeof v->error, "%s", e.msg);
		return false;
	}
	if (guessed)
		app_message(app, MSG_INFO, _("%s on %s saved in the outbox; the dossier was not read whole since it changed: the server decides whether it allows it"),
			    action_label(v->act), app_dossier_number(app, v->code));
	else
		app_message(app, MSG_INFO, app->link == LINK_ONLINE ?
			    _("%s on %s saved in the outbox; sending it") :
			    _("%s on %s saved in the outbox; it is sent when the link is back"),
			    action_label(v->act), app_dossier_number(app, v->code));
	return true;
}

/* ---- operations ---- */

static unsigned op_submit(struct app *app)
{
	struct act_view *v = view(app);

	if (action_irreversible(v->act) && v->asking != ACT_ASK_SEND) {
		/* check first: no question about a form that cannot go */
		if (!queue_action(app, true))
			return RD_BODY | RD_STATUS;
		v->asking = ACT_ASK_SEND;
		v->error[0] = '\0';
		return RD_BODY | RD_STATUS;
	}
	v->asking = ACT_ASK_NONE;
	if (!queue_action(app, false))
		return RD_BODY | RD_STATUS;
	return ui_pop(app);
}

/* Esc: out of a question back to the form; out of the form, asking first
 * when something was typed (a reason is not typed twice by a stray key). */
static unsigned op_cancel(struct app *app)
{
	struct act_view *v = view(app);

	if (v->asking != ACT_ASK_NONE) {
		v->asking = ACT_ASK_NONE;
		return RD_BODY;
	}
	if (v->typed) {
		v->asking = ACT_ASK_DISCARD;
		return RD_BODY;
	}
	return ui_pop(app);
}

static unsigned op_next(struct app *app)
{
	form_focus(&view(app)->form, 1);
	return RD_BODY;
}

static unsigned op_prev(struct app *app)
{
	form_focus(&view(app)->form, -1);
	return RD_BODY;
}

static unsigned op_item_down(struct app *app)
{
	return form_move(&view(app)->form, 1) ? RD_BODY : RD_NONE;
}

static unsigned op_item_up(struct app *app)
{
	return form_move(&view(app)->form, -1) ? RD_BODY : RD_NONE;
}

/* Characters are typed into the form: these keys move and decide. */
static const struct op_def act_ops[] = {
	OP("form-submit", N_("Send"), op_submit, "<Enter>"),
	OP("form-cancel", N_("Cancel"), op_cancel, "<Esc>"),
	OP("form-next-field", N_("Next field"), op_next, "<Tab>"),
	OP("form-prev-field", N_("Previous field"), op_prev, "<BackTab>"),
	OP("form-item-down", N_("Next in the list"), op_item_down, "<Down>"),
	OP("form-item-up", N_("Previous in the list"), op_item_up, "<Up>"),
	OP_END,
};

static const char *const act_hints[] = { "form-submit", "form-next-field", "form-cancel", NULL };

/* Typing goes to the form; while asking y/n, only the answer counts. A
 * character the field does not take is dropped, never run as a key of
 * the screens below (q would quit). */
static bool act_key(struct app *app, km_key key)
{
	struct act_view *v = view(app);
	bool text = !(key & KM_FKEY) && key >= 0x20 && key != 0x7f;

	if (v->asking != ACT_ASK_NONE) {
		if (key == 'y' || key == 'Y') {
			app->redraw |= v->asking == ACT_ASK_SEND ? op_submit(app) : ui_pop(app);
			return true;
		}
		if (key == 'n' || key == 'N' || key == 0x1b || key == 0x07) {
			app->redraw |= op_cancel(app);
			return true;
		}
		return key != (KM_FKEY | KEY_F(1));
	}
	if (form_key(&v->form, key, ui_ime(app))) {
		v->error[0] = '\0';
		v->typed = true;
		app->redraw |= RD_BODY;
		return true;
	}
	return text;
}

static bool act_asking(struct app *app)
{
	return view(app)->asking != ACT_ASK_NONE;
}

static void act_title(struct app *app, char *buf, size_t len)
{
	struct act_view *v = view(app);

	/* TRANSLATORS: the title of an action's form: the action, the dossier */
	snprintf(buf, len, _("%s \u2014 dossier %s"), action_label(v->act),
		 app_dossier_number(app, v->code));
}

static void line(WINDOW *win, int y, attr_t attr, const char *s, const char *ellipsis)
{
	char fitted[1024];

	if (y >= getmaxy(win))
		return;
	text_fit(fitted, sizeof fitted, s, getmaxx(win) - 1, ellipsis, 0);
	wattrset(win, attr);
	mvwaddstr(win, y, 0, fitted);
	wattrset(win, A_NORMAL);
}

static void act_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct act_view *v = view(app);
	const struct dossier *d = acted_on(app);
	attr_t dim = theme_attr(&ui->theme, TH_EMPTY_HINT);
	char buf[512], due[32];
	int y = 0, rows = 0;

	(void)flags;
	if (!d) {
		line(win, 0, dim, _("This dossier is no longer in the inbox."), ui->ellipsis);
		return;
	}
	snprintf(buf, sizeof buf, "%s \u2014 %s", d->applicant_name ? d->applicant_name : "",
		 dossier_status_label(d));
	line(win, y++, A_BOLD, buf, ui->ellipsis);
	if (d->due_at) {
		snprintf(buf, sizeof buf, _("Due %s"), when_date_time(d->due_at, due, sizeof due));
		line(win, y++, A_NORMAL, buf, ui->ellipsis);
	}
	if (d->allowed_from != ALLOWED_READ)
		line(win, y++, dim, _("Not read whole since it changed: it is queued, and the server decides whether it allows this."),
		     ui->ellipsis);
	y++;
	y = form_draw(&v->form, win, y, &ui->theme, ui->ellipsis);
	/* why it cannot go, whole: on the rows it takes, the third cut if need be */
	for (const char *why = v->error; *why && rows < 3; rows++) {
		size_t n = rows == 2 ? strlen(why) : text_wrap(why, getmaxx(win) - 1);

		snprintf(buf, sizeof buf, "%.*s", (int)n, why);
		line(win, y++, theme_attr(&ui->theme, TH_STATUS_ERROR), buf, ui->ellipsis);
		for (why += n; *why == ' '; why++)
			;
	}
	if (v->asking == ACT_ASK_SEND) {
		/* TRANSLATORS: y/n question before a step that cannot be undone:
		 * the action, the dossier's code, its applicant */
		snprintf(buf, sizeof buf, _("%s dossier %s (%s)? It cannot be undone."),
			 action_label(v->act), dossier_number(d), d->applicant_name ? d->applicant_name : "");
		ui_draw_question(app, win, buf);
	} else if (v->asking == ACT_ASK_DISCARD) {
		ui_draw_question(app, win, _("Leave the form and discard what you typed?"));
	}
}

static void act_close(struct app *app)
{
	form_free(&view(app)->form);
}

const struct screen screen_act = {
	.context = "form",
	.name = N_("Action form"),
	.ops = act_ops,
	.hints = act_hints,
	.title = act_title,
	.draw = act_draw,
	.close = act_close,
	.key = act_key,
	.asking = act_asking,
	.state_size = sizeof(struct act_view),
	.state_free = act_view_free,
};
