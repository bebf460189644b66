#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "dossier.h"
#include "marks.h"
#include "store/outbox.h"

unsigned dossier_op_act(struct app *app, int act)
{
	return act_open(app, dossier_code(app), (enum action)act);
}

/* The clerk's action on the dossier shown that waits on the clerk. */
static const struct ob_entry *waiting(struct app *app)
{
	const struct ob_entry *en = app_outbox_for(app, dossier_code(app));

	if (!en || (en->state != OB_CONFLICT && en->state != OB_FAILED)) {
		app_message(app, MSG_ERROR, "%s", _("No action of yours on this dossier waits to be retried or discarded."));
		return NULL;
	}
	return en;
}

unsigned dossier_op_retry(struct app *app)
{
	const struct ob_entry *en = waiting(app);
	char what[128];
	struct err e;

	if (!en)
		return RD_STATUS;
	snprintf(what, sizeof what, "%s", action_label(en->act));
	if (session_retry(app, en->id, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else
		app_message(app, MSG_INFO, _("%s sent again, on the dossier as it is now"), what);
	return RD_BODY | RD_STATUS;
}

unsigned dossier_op_discard(struct app *app)
{
	struct dossier_view *v = dossier_view(app);
	const struct ob_entry *en = waiting(app);
	char what[128];
	struct err e;

	if (!en)
		return RD_STATUS;
	/* what the clerk typed is given up: asked first */
	if (!v->confirm_discard) {
		v->confirm_discard = true;
		v->pager.top = 0;
		return RD_BODY;
	}
	v->confirm_discard = false;
	snprintf(what, sizeof what, "%s", action_label(en->act));
	if (session_discard(app, en->id, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else
		app_message(app, MSG_INFO, _("%s discarded: nothing was done on the server"), what);
	return RD_BODY | RD_STATUS;
}

bool dossier_asking(struct app *app)
{
	return dossier_view(app)->confirm_discard;
}

/* While asking y/n only the answer counts; a question whose entry went
 * meanwhile (delivered, discarded elsewhere) is no longer asked. */
bool dossier_key(struct app *app, km_key key)
{
	struct dossier_view *v = dossier_view(app);

	if (v->confirm_discard && !app_outbox_for(app, dossier_code(app))) {
		v->confirm_discard = false;
		app->redraw |= RD_BODY;
	}
	if (!v->confirm_discard)
		return false;
	if (key == 'y' || key == 'Y') {
		app->redraw |= dossier_op_discard(app);
	} else if (key == 'n' || key == 'N' || key == 0x1b || key == 0x07) {
		v->confirm_discard = false;
		app->redraw |= RD_BODY;
	}
	return true;
}

/* ---- drawing ---- */

/* The shortest key bound to op in the dossier context, "" if none. */
static const char *key_of(struct app *app, const char *op, char *buf, size_t len)
{
	char keys[128], *comma;

	buf[0] = '\0';
	if (!km_keys_in(app->ui->km, screen_dossier.context, op, keys, sizeof keys))
		return buf;
	if ((comma = strchr(keys, ',')))
		*comma = '\0';
	snprintf(buf, len, "%s", keys);
	return buf;
}

/* "a Accept  s Request supplement": what the clerk can do, with keys. */
static void allowed_line(struct app *app, struct pager *p, const struct dossier *d)
{
	attr_t dim = theme_attr(&app->ui->theme, TH_EMPTY_HINT);
	bool any = false;

	pager_newline(p);
	pager_add(p, A_NORMAL, _("You can: "));
	if (d->allowed_from == ALLOWED_UNKNOWN) {
		/* a list of every action would read as permission */
		pager_add(p, dim, _("not known: the dossier was not read whole since it changed, and the profile has no rules for it; an action is queued and the server decides."));
		return;
	}
	for (int a = 0; a < ACT_COUNT; a++) {
		char op[64], key[128];

		if (!(d->allowed & (1u << a)))
			continue;
		if (any)
			pager_add(p, A_NORMAL, "  ");
		snprintf(op, sizeof op, "dossier-%s", action_name(a));	/* its operation */
		if (*key_of(app, op, key, sizeof key)) {
			pager_add(p, A_BOLD, key);
			pager_add(p, A_NORMAL, " ");
		}
		pager_add(p, A_NORMAL, action_label(a));
		any = true;
	}
	if (!any)
		pager_add(p, dim, d->allowed_from == ALLOWED_RULES ?
			  _("nothing for your role at this status, by the profile's rules") :
			  _("nothing at this step"));
	if (d->allowed_from == ALLOWED_RULES) {
		pager_newline(p);
		pager_wrap(p, 2, dim, _("Not read whole since it changed: these are the profile's rules for its status and your role; an action is queued and the server decides."));
	}
}

#define COL_SAW 14
#define COL_NOW 40

static void diff_row(struct pager *p, const char *label, const char *saw, const char *now)
{
	bool changed = strcmp(saw ? saw : "", now ? now : "") != 0;

	pager_newline(p);
	pager_tab(p, 2);
	pager_add(p, A_NORMAL, label);
	pager_tab(p, COL_SAW);
	pager_add(p, A_NORMAL, saw && *saw ? saw : "\u2014");
	pager_tab(p, COL_NOW);
	/* what changed is bold, and marked for monochrome */
	pager_add(p, changed ? A_BOLD : A_NORMAL, now && *now ? now : "\u2014");
	if (changed)
		pager_add(p, A_BOLD, " *");
}

/* What the clerk saw when acting against what the server has now. */
static void conflict_table(struct pager *p, const struct ob_entry *en, const struct dossier *d, attr_t head)
{
	char a[32], b[32];

	pager_newline(p);
	pager_tab(p, COL_SAW);
	pager_add(p, head, _("you saw"));
	pager_tab(p, COL_NOW);
	pager_add(p, head, _("the server has now"));
	diff_row(p, _("Status"), en->seen.known ? status_label(en->seen.status) : NULL, status_label(d->status));
	if (en->seen.known) {
		diff_row(p, _("Step"), step_label(en->seen.step), step_label(d->step));
		diff_row(p, _("Assignee"), en->seen.assignee, d->assignee);
		diff_row(p, _("Due"), en->seen.due_at ? when_date_time(en->seen.due_at, a, sizeof a) : NULL,
			 d->due_at ? when_date_time(d->due_at, b, sizeof b) : NULL);
	}
	diff_row(p, _("Version"), en->version, d->version);
}

void dossier_draw_acting(struct app *app, struct pager *p, const struct dossier *d)
{
	struct ui *ui = app->ui;
	const struct ob_entry *en = app_outbox_for(app, d->code);
	enum theme_obj obj;
	const char *glyph = mark_action(ui, en, &obj);
	attr_t look;
	char retry[128], discard[128], buf[512];

	if (!en) {
		allowed_line(app, p, d);
		return;
	}
	look = theme_attr(&ui->theme, obj);
	pager_newline(p);
	pager_add(p, look, glyph);
	pager_add(p, A_NORMAL, " ");
	switch (en->state) {
	case OB_QUEUED:
		snprintf(buf, sizeof buf, app->link == LINK_ONLINE ? _("Your %s is queued: sending it.") :
			 _("Your %s is queued in the outbox: it is sent when the link is back."), action_label(en->act));
		pager_wrap(p, 2, look, buf);
		if (d->allowed_from != ALLOWED_READ) {
			pager_newline(p);
			pager_wrap(p, 2, theme_attr(&ui->theme, TH_EMPTY_HINT),
				   _("The dossier was not read whole since it changed: the server decides whether it allows this; if it refuses, you are told here."));
		}
		return;
	case OB_SENDING:
		snprintf(buf, sizeof buf, _("Your %s was sent: waiting for the server to confirm it."),
			 action_label(en->act));
		pager_wrap(p, 2, look, buf);
		return;
	case OB_CONFLICT:
		snprintf(buf, sizeof buf, _("Your %s was not done: the dossier changed on the server meanwhile."),
			 action_label(en->act));
		pager_wrap(p, 2, look, buf);
		conflict_table(p, en, d, theme_attr(&ui->theme, TH_LIST_HEADER));
		break;
	case OB_FAILED:
		snprintf(buf, sizeof buf, _("The server refused your %s: %s"), action_label(en->act),
			 en->error ? en->error : "");
		pager_wrap(p, 2, look, buf);
		break;
	case OB_DONE:
		return;
	}
	if (dossier_view(app)->confirm_discard)
		return;		/* dossier_draw_question asks at the bottom */
	key_of(app, "dossier-retry", retry, sizeof retry);
	key_of(app, "dossier-discard", discard, sizeof discard);
	pager_newline(p);
	pager_tab(p, 2);
	/* TRANSLATORS: the keys that decide on a conflicting or refused action */
	snprintf(buf, sizeof buf, _("%s sends it again on the dossier as it is now, %s discards it"),
		 *retry ? retry : "dossier-retry", *discard ? discard : "dossier-discard");
	pager_wrap(p, 2, A_BOLD, buf);
}

void dossier_draw_question(struct app *app, WINDOW *win, const char *code)
{
	const struct ob_entry *en = app_outbox_for(app, code);
	char buf[512];

	if (!dossier_view(app)->confirm_discard || !en)
		return;
	/* TRANSLATORS: y/n question: the action, the dossier's code */
	snprintf(buf, sizeof buf, _("Discard your %s on %s? Nothing of it reaches the server."),
		 action_label(en->act), app_dossier_number(app, code));
	ui_draw_question(app, win, buf);
}
