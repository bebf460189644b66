#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "desk/deadline.h"
#include "dossier.h"
#include "marks.h"

struct dossier_view *dossier_view(struct app *app)
{
	return ui_state(app, &screen_dossier);
}

const char *dossier_code(struct app *app)
{
	return dossier_view(app)->code;
}

static void dossier_view_free(struct app *app, void *state)
{
	struct dossier_view *v = state;

	(void)app;
	free(v->code);
	pager_free(&v->pager);
}

/* Looked up at each use: a refresh or the fetch replaces the inbox's
 * array, so no pointer into it is kept. */
static struct dossier *shown(struct app *app)
{
	const char *code = dossier_code(app);

	return code ? app_find_dossier(app, code) : NULL;
}

static void on_fetched(struct app *app, bool ok)
{
	struct dossier_view *v = dossier_view(app);

	if (!v)
		return;		/* the ui closed meanwhile */
	v->loading = false;
	v->failed = !ok;
	v->gen = app->dossiers_gen;
	app->redraw |= RD_BODY;
}

static void fetch(struct app *app)
{
	struct dossier_view *v = dossier_view(app);

	v->failed = false;
	v->loading = session_fetch_dossier(app, v->code, on_fetched);
}

unsigned dossier_open(struct app *app, const char *code)
{
	struct dossier_view *v = dossier_view(app);
	unsigned flags = ui_push(app, &screen_dossier);

	if (app->ui->screen != &screen_dossier)
		return flags;	/* the stack is full */
	free(v->code);
	v->code = xstrdup(code);
	v->pager.top = 0;
	v->confirm_discard = false;
	fetch(app);
	return flags;
}

static void dossier_close(struct app *app)
{
	/* gone back while loading: the clerk no longer waits for it */
	if (dossier_view(app)->loading)
		session_cancel(app);
}

static unsigned op_reload(struct app *app)
{
	if (!app->session) {
		app_message(app, MSG_ERROR, "%s", _("no server configured: start motcua with --profile"));
		return RD_STATUS;
	}
	fetch(app);
	return RD_BODY;
}

static unsigned op_paper(struct app *app)
{
	return paper_open(app, dossier_code(app));
}

static struct pager *dossier_pager(struct app *app)
{
	return &dossier_view(app)->pager;
}

/* An operation per action of vocab.h, "dossier-accept", ..., with its key:
 * one handler opens the form of the action the row names. */
#define ACT_OP(id, bit, name, label, help, key, irreversible) \
	OP_ARG("dossier-" name, help, dossier_op_act, ACT_##id, key),

static const struct op_def dossier_ops[] = {
	PAGER_OPS,
	OP("dossier-reload", N_("Load again"), op_reload, "<C-r>"),
	ACTIONS(ACT_OP)
	OP("dossier-retry", N_("Retry my action"), dossier_op_retry, "r"),
	OP("dossier-discard", N_("Discard my action (asks)"), dossier_op_discard, "z"),
	OP("dossier-paper", N_("Paper forms: receipt, supplement request, refusal"), op_paper, "P"),
	OP_END,
};

static const char *const dossier_hints[] = { "view-close", "page-down", "dossier-reload", NULL };

static void dossier_title(struct app *app, char *buf, size_t len)
{
	snprintf(buf, len, _("Dossier %s"), app_dossier_number(app, dossier_code(app)));
}

/* ---- layout ---- */

enum field {
	F_STATUS, F_STEP, F_ASSIGNEE, F_PROCEDURE, F_AGENCY, F_CHANNEL, F_FEE,
	F_NAME, F_ID, F_PHONE, F_EMAIL, F_ADDRESS, F_PROXY,
	F_SUBMITTED, F_RECEIVED, F_DUE, F_FINISHED, F_RETURNED,
	NFIELDS
};

static const char *const labels[NFIELDS] = {
	[F_STATUS] = N_("Status"), [F_STEP] = N_("Step"), [F_ASSIGNEE] = N_("Assignee"),
	[F_PROCEDURE] = N_("Procedure"), [F_AGENCY] = N_("Agency"),
	[F_CHANNEL] = N_("Channel"), [F_FEE] = N_("Fee"),
	[F_NAME] = N_("Name"), [F_ID] = N_("ID number"), [F_PHONE] = N_("Phone"),
	[F_EMAIL] = N_("Email"), [F_ADDRESS] = N_("Address"), [F_PROXY] = N_("Proxy"),
	[F_SUBMITTED] = N_("Submitted"), [F_RECEIVED] = N_("Received"), [F_DUE] = N_("Due"),
	[F_FINISHED] = N_("Finished"), [F_RETURNED] = N_("Returned"),
};

#define INDENT PAGER_INDENT

struct layout {
	struct app *app;
	struct pager *p;
	const struct dossier *d;
	int value_col;		/* where values start, after the widest label */
	attr_t heading, dim;
};

static void heading(struct layout *l, const char *title, int count)
{
	pager_heading(l->p, l->heading, title, count);
}

static void field(struct layout *l, enum field f, const char *value, attr_t attr)
{
	pager_field(l->p, _(labels[f]), l->value_col, value, attr, l->dim, l->app->ui->ellipsis);
}

/* What an empty list of details means: not here yet, not loaded, none. */
static void nothing(struct layout *l, const char *none)
{
	const struct dossier_view *v = dossier_view(l->app);

	pager_newline(l->p);
	pager_tab(l->p, INDENT);
	pager_add(l->p, l->dim, v->loading ? _("loading\u2026") : v->failed ? _("not loaded") : none);
}

/* The deadline as the inbox shows it (band glyph and colour, time left),
 * or how a finished dossier kept it. */
static void deadline_line(struct layout *l, int64_t now)
{
	const struct dossier *d = l->d;
	struct ui *ui = l->app->ui;
	enum theme_obj obj;
	const char *glyph = mark_band(ui, deadline_band(l->app->cal, d, now), &obj);
	attr_t band = theme_attr(&ui->theme, obj);
	char left[64];

	static const char *const judged[] = {
		[TL_NONE] = "", [TL_EARLY] = N_("finished early"),
		[TL_ON_TIME] = N_("finished on time"), [TL_LATE] = N_("finished late"),
	};

	deadline_remaining(l->app->cal, d, now, left, sizeof left);
	pager_newline(l->p);
	pager_add(l->p, band, glyph);
	pager_add(l->p, A_NORMAL, " ");
	if (left[0])
		pager_add(l->p, band | A_BOLD, left);
	else if (deadline_timeliness(d) != TL_NONE)
		pager_add(l->p, A_BOLD, _(judged[deadline_timeliness(d)]));
	else if (d->status == ST_SUPPLEMENT)
		pager_add(l->p, A_BOLD, _("the clock is stopped until the supplement comes"));
	else if (d->status == ST_NEW)
		pager_add(l->p, A_BOLD, _("not accepted yet"));
	pager_add(l->p, A_NORMAL, "  ");
	pager_add(l->p, A_BOLD, dossier_status_label(d));
}

static void loading_line(struct layout *l)
{
	const struct dossier_view *v = dossier_view(l->app);
	char keys[64];

	if (v->loading) {
		pager_newline(l->p);
		pager_add(l->p, l->dim, _("Loading the whole dossier from the server\u2026"));
	} else if (v->failed) {
		pager_newline(l->p);
		if (!km_keys_in(l->app->ui->km, screen_dossier.context, "dossier-reload",
				keys, sizeof keys))
			snprintf(keys, sizeof keys, "%s", "dossier-reload");
		/* TRANSLATORS: %s names the keys that load it again, e.g. <C-r> */
		pager_addf(l->p, l->dim, _("Only the summary is shown; %s loads the dossier again."),
			   keys);
	}
}

static void general(struct layout *l)
{
	const struct dossier *d = l->d;
	char buf[512];

	heading(l, _("Dossier"), -1);
	field(l, F_STATUS, dossier_status_label(d), A_NORMAL);
	field(l, F_STEP, step_label(d->step), A_NORMAL);
	field(l, F_ASSIGNEE, d->assignee, A_NORMAL);
	snprintf(buf, sizeof buf, "%s%s%s", d->procedure_code ? d->procedure_code : "",
		 d->procedure_code && d->procedure_name ? " \u2014 " : "",
		 d->procedure_name ? d->procedure_name : "");
	field(l, F_PROCEDURE, buf, A_NORMAL);
	field(l, F_AGENCY, d->agency, A_NORMAL);
	field(l, F_CHANNEL, channel_label(d->channel), A_NORMAL);
	/* a fee the API does not give is unknown, not nil */
	field(l, F_FEE, d->fee < 0 ? "\u2014" : ui_money(d->fee, buf, sizeof buf), A_NORMAL);
}

static void applicant(struct layout *l)
{
	const struct dossier *d = l->d;
	char buf[256] = "";

	heading(l, _("Applicant"), -1);
	field(l, F_NAME, d->applicant_name, A_BOLD);
	field(l, F_ID, d->applicant_id, A_NORMAL);
	field(l, F_PHONE, d->applicant_phone, A_NORMAL);
	field(l, F_EMAIL, d->applicant_email, A_NORMAL);
	field(l, F_ADDRESS, d->applicant_address, A_NORMAL);
	if (d->proxy_name)
		snprintf(buf, sizeof buf, "%s%s%s%s", d->proxy_name, d->proxy_id ? " (" : "",
			 d->proxy_id ? d->proxy_id : "", d->proxy_id ? ")" : "");
	field(l, F_PROXY, buf, A_NORMAL);
}

static void dates(struct layout *l, int64_t now)
{
	const struct dossier *d = l->d;
	enum theme_obj obj;
	char buf[64], left[64];

	heading(l, _("Dates"), -1);
	field(l, F_SUBMITTED, when_date_time(d->submitted_at, buf, sizeof buf), A_NORMAL);
	field(l, F_RECEIVED, when_date_time(d->received_at, buf, sizeof buf), A_NORMAL);
	field(l, F_DUE, when_date_time(d->due_at, buf, sizeof buf), A_BOLD);
	deadline_remaining(l->app->cal, d, now, left, sizeof left);
	if (left[0]) {
		mark_band(l->app->ui, deadline_band(l->app->cal, d, now), &obj);
		pager_add(l->p, A_NORMAL, "  ");
		pager_add(l->p, theme_attr(&l->app->ui->theme, obj), left);
	}
	field(l, F_FINISHED, when_date_time(d->finished_at, buf, sizeof buf), A_NORMAL);
	field(l, F_RETURNED, when_date_time(d->returned_at, buf, sizeof buf), A_NORMAL);
}

static void due_changes(struct layout *l)
{
	const struct dossier *d = l->d;

	heading(l, _("Due date changes"), d->ndue);
	if (!d->ndue)
		nothing(l, _("none: the first due date holds"));
	for (int i = 0; i < d->ndue; i++) {
		const struct due_change *c = &d->due_history[i];
		char old[32], new[32], at[32], why[160];
		const char *reason = c->reason ? c->reason : "";

		if (!strcmp(reason, "supplement"))
			reason = _("after a supplement");
		else if (!strcmp(reason, "apology"))
			reason = _("apology with a new date");
		pager_newline(l->p);
		pager_tab(l->p, INDENT);
		pager_addf(l->p, A_NORMAL, "%s \u2192 ", when_date_time(c->old_due, old, sizeof old));
		pager_add(l->p, A_BOLD, when_date_time(c->new_due, new, sizeof new));
		pager_add(l->p, A_NORMAL, "  ");
		/* TRANSLATORS: why a due date moved, and when: "after a supplement, on 10/10/2025 14:00" */
		snprintf(why, sizeof why, _("%s, on %s"), reason, when_date_time(c->at, at, sizeof at));
		pager_wrap(l->p, INDENT * 2, A_NORMAL, why);
	}
}

static void components(struct layout *l)
{
	const struct dossier *d = l->d;
	struct ui *ui = l->app->ui;

	heading(l, _("Components"), d->ncomponents);
	if (!d->ncomponents)
		nothing(l, _("none"));
	for (int i = 0; i < d->ncomponents; i++) {
		const struct component *c = &d->components[i];
		enum theme_obj obj;
		const char *glyph = mark_component(ui, c, &obj);
		attr_t look = theme_attr(&ui->theme, obj);
		char state[256];

		if (c->from_national && c->national_source)
			snprintf(state, sizeof state, _("national data (%s) replaces the paper"),
				 c->national_source);
		else if (c->from_national)
			snprintf(state, sizeof state, "%s", _("national data replaces the paper"));
		else if (c->provided)
			snprintf(state, sizeof state, P_("%d copy, provided", "%d copies, provided",
							 c->copies), c->copies);
		else
			snprintf(state, sizeof state, P_("%d copy, missing", "%d copies, missing",
							 c->copies), c->copies);
		pager_newline(l->p);
		pager_tab(l->p, INDENT);
		pager_add(l->p, look, glyph);
		pager_add(l->p, A_NORMAL, " ");
		pager_wrap(l->p, INDENT * 2, c->from_national ? look : A_NORMAL, c->name);
		/* the state after the name if it fits, else under it */
		if (pager_col(l->p) + 2 + text_width(state) > l->p->width) {
			pager_newline(l->p);
			pager_tab(l->p, INDENT * 2);
		} else {
			pager_add(l->p, A_NORMAL, "  ");
		}
		pager_wrap(l->p, INDENT * 2, look == A_NORMAL ? l->dim : look, state);
	}
}

static void log_entries(struct layout *l)
{
	const struct dossier *d = l->d;
	const int text_col = INDENT + 18;	/* after "dd/mm/yyyy HH:MM  " */

	heading(l, _("Processing log"), d->nlog);
	if (!d->nlog)
		nothing(l, _("none"));
	for (int i = 0; i < d->nlog; i++) {
		const struct log_entry *e = &d->log[i];
		int role = e->role ? role_parse(e->role) : -1;
		char at[32], who[256];

		pager_newline(l->p);
		pager_tab(l->p, INDENT);
		pager_add(l->p, A_NORMAL, when_date_time(e->at, at, sizeof at));
		pager_tab(l->p, text_col);
		pager_add(l->p, A_BOLD, log_action_label(e->action));
		if (e->to_status && e->to_status != e->from_status) {
			pager_add(l->p, A_NORMAL, "  ");
			if (e->from_status)
				pager_addf(l->p, A_NORMAL, "%s ", status_label(e->from_status));
			pager_addf(l->p, A_NORMAL, "\u2192 %s", status_label(e->to_status));
		}
		if (e->who || e->role) {
			snprintf(who, sizeof who, "%s%s%s%s", e->who ? e->who : "",
				 e->who && e->role ? " (" : "",
				 role >= 0 ? role_label(role) : e->role ? e->role : "",
				 e->who && e->role ? ")" : "");
			pager_newline(l->p);
			pager_tab(l->p, text_col);
			pager_wrap(l->p, text_col, A_NORMAL, who);
		}
		if (e->note) {
			pager_newline(l->p);
			pager_tab(l->p, text_col);
			pager_wrap(l->p, text_col, l->dim, e->note);
		}
	}
}

static void actions(struct layout *l)
{
	const struct dossier *d = l->d;
	char list[1024];

	heading(l, _("Actions allowed"), -1);
	if (d->allowed_from == ALLOWED_UNKNOWN) {
		nothing(l, _("not known until the dossier is read whole"));
		return;
	}
	if (!act_allowed_list(d, list, sizeof list)) {
		nothing(l, d->allowed_from == ALLOWED_RULES ? _("none for your role at this status, by the profile's rules")
			: _("none for you at this step"));
		return;
	}
	pager_newline(l->p);
	pager_tab(l->p, INDENT);
	pager_wrap(l->p, INDENT, A_NORMAL, list);
}

static void dossier_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct dossier_view *v = dossier_view(app);
	const struct dossier *d = shown(app);
	int64_t now = app_now(app);
	const char *tr[NFIELDS];
	struct layout l = {
		.app = app, .p = &v->pager, .d = d,
		.heading = theme_attr(&ui->theme, TH_LIST_HEADER),
		.dim = theme_attr(&ui->theme, TH_EMPTY_HINT),
	};

	(void)flags;
	/* A refresh of the inbox brings back summaries: fetch the details
	 * again, once per change. */
	if (app->session && d && !d->nlog && !v->loading && !v->failed &&
	    v->gen != app->dossiers_gen)
		fetch(app);
	pager_begin(l.p, win);
	if (!d) {
		pager_add(l.p, l.dim, _("This dossier is no longer in the inbox."));
		pager_draw(app, l.p, win);
		/* its action in the outbox may still be discarded: the
		 * question is drawn, never asked unseen */
		dossier_draw_question(app, win, dossier_code(app));
		return;
	}
	for (int f = 0; f < NFIELDS; f++)
		tr[f] = _(labels[f]);
	l.value_col = pager_value_col(tr, NFIELDS);
	deadline_line(&l, now);
	loading_line(&l);
	dossier_draw_acting(app, l.p, d);
	general(&l);
	applicant(&l);
	dates(&l, now);
	due_changes(&l);
	components(&l);
	log_entries(&l);
	actions(&l);
	pager_draw(app, l.p, win);
	dossier_draw_question(app, win, d->code);
}

const struct screen screen_dossier = {
	.context = "dossier",
	.name = N_("Dossier"),
	.ops = dossier_ops,
	.generic_keys = ops_back_keys,
	.hints = dossier_hints,
	.title = dossier_title,
	.draw = dossier_draw,
	.close = dossier_close,
	.pager = dossier_pager,
	.key = dossier_key,
	.asking = dossier_asking,
	.state_size = sizeof(struct dossier_view),
	.state_free = dossier_view_free,
};
