#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/text.h"
#include "list.h"
#include "marks.h"
#include "store/outbox.h"
#include "ui.h"

/* The outbox screen: the clerk's actions not yet delivered (app->outbox,
 * kept up to date by the session), what became of each, and the decision
 * on those the server did not take. */

struct outbox_view {
	struct list list;	/* over app->outbox */
	bool confirming;	/* asking y/n before discarding the selected one */
};

static struct outbox_view *view(struct app *app)
{
	return ui_state(app, &screen_outbox);
}

unsigned outbox_open(struct app *app)
{
	struct outbox_view *v = view(app);

	if (app->ui->screen == &screen_outbox)
		return RD_NONE;
	v->list.sel = v->list.top = 0;
	v->confirming = false;
	return ui_push(app, &screen_outbox);
}

/* The list over the outbox's entries, as the session has them now. */
static struct list *entries(struct app *app)
{
	struct list *l = &view(app)->list;

	l->n = app->noutbox;
	list_clamp(l);
	return l;
}

static const struct ob_entry *selected(struct app *app)
{
	struct list *l = entries(app);

	return l->n ? &app->outbox[l->sel] : NULL;
}

static unsigned op_open(struct app *app)
{
	const struct ob_entry *en = selected(app);

	if (!en)
		return RD_NONE;
	if (!app_find_dossier(app, en->code)) {
		app_message(app, MSG_ERROR, "%s", _("This dossier is no longer in the inbox."));
		return RD_STATUS;
	}
	return dossier_open(app, en->code);
}

static unsigned op_retry(struct app *app)
{
	const struct ob_entry *en = selected(app);
	struct err e;

	if (!en)
		return RD_NONE;
	if (session_retry(app, en->id, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else
		app_message(app, MSG_INFO, "%s", _("sent again, on the dossier as it is now"));
	return RD_BODY | RD_STATUS;
}

static unsigned op_discard(struct app *app)
{
	struct outbox_view *v = view(app);
	const struct ob_entry *en = selected(app);
	struct err e;

	if (!en)
		return RD_NONE;
	if (en->state == OB_SENDING) {
		app_message(app, MSG_ERROR, "%s", _("It is being sent: wait for the server's answer."));
		return RD_STATUS;
	}
	if (!v->confirming) {
		v->confirming = true;
		return RD_BODY;
	}
	v->confirming = false;
	if (session_discard(app, en->id, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else
		app_message(app, MSG_INFO, "%s", _("discarded: nothing of it reaches the server"));
	return RD_BODY | RD_STATUS;
}

static bool outbox_key(struct app *app, km_key key)
{
	struct outbox_view *v = view(app);

	if (!v->confirming)
		return false;
	if (key == 'y' || key == 'Y') {
		app->redraw |= op_discard(app);
	} else if (key == 'n' || key == 'N' || key == 0x1b || key == 0x07) {
		v->confirming = false;
		app->redraw |= RD_BODY;
	}
	return true;
}

static bool outbox_asking(struct app *app)
{
	return view(app)->confirming;
}

static const struct op_def outbox_ops[] = {
	LIST_OPS_STEP,
	OP("outbox-open", N_("Open the dossier"), op_open, "<Enter>"),
	OP("outbox-retry", N_("Retry the action"), op_retry, "r"),
	OP("outbox-discard", N_("Discard it (asks)"), op_discard, "z"),
	OP_END,
};

/* Its back keys, and the key that takes over the actions waiting in other
 * stores (the generic outbox-adopt, which the line under the list names). */
static const struct op_keys outbox_generic_keys[] = {
	{ "view-close", OPS_BACK_KEYS },
	{ "outbox-adopt", "A" },
	{ NULL, NULL },
};

static const char *const outbox_hints[] = { "outbox-open", "outbox-retry", "outbox-discard", "view-close", NULL };

static void outbox_title(struct app *app, char *buf, size_t len)
{
	snprintf(buf, len, _("Outbox (%zu)"), app->noutbox);
}

static void age(int64_t s, char *buf, size_t len)
{
	if (s < 60)
		snprintf(buf, len, "%s", _("now"));
	else if (s < 3600)
		snprintf(buf, len, _("%lld min"), (long long)(s / 60));
	else if (s < 86400)
		snprintf(buf, len, _("%lld h"), (long long)(s / 3600));
	else
		snprintf(buf, len, _("%lld d"), (long long)(s / 86400));
}

static void cell(struct ui *ui, WINDOW *win, int y, int x, int w, attr_t a, const char *s)
{
	char fitted[1024];

	if (w <= 0)
		return;
	text_fit(fitted, sizeof fitted, s ? s : "", w, ui->ellipsis, 1);
	wattrset(win, a);
	mvwaddstr(win, y, x, fitted);
}

/* An action on a dossier not read whole since it changed: the profile's
 * rules offered it, the server decides (dossier_act.c says it too). */
static bool guessed(struct app *app, const struct ob_entry *en)
{
	const struct dossier *d = en->code && en->state != OB_DONE ? app_find_dossier(app, en->code) : NULL;

	return d && d->allowed_from != ALLOWED_READ;
}

/* The last two rows: how many actions wait in other stores of this clerk
 * for this server, and the key that takes them over. */
static void draw_stranded(struct app *app, WINDOW *win)
{
	struct ui *ui = app->ui;
	attr_t a = theme_attr(&ui->theme, TH_EMPTY_HINT) | A_BOLD;
	int w = getmaxx(win) - 2, y = getmaxy(win) - 2;
	char keys[128], line[512], first[512];
	const char *rest;
	size_t n;

	if (!km_keys_in(ui->km, screen_outbox.context, "outbox-adopt", keys, sizeof keys))
		snprintf(keys, sizeof keys, "%s", ":outbox-adopt");
	/* TRANSLATORS: %2$s names the keys that take them over, e.g. A */
	snprintf(line, sizeof line,
		 P_("%1$lld action waits in another local store of yours for this server (made at another address): %2$s takes it over and sends it.",
		    "%1$lld actions wait in another local store of yours for this server (made at another address): %2$s takes them over and sends them.",
		    (unsigned long)app->stranded), (long long)app->stranded, keys);
	n = text_wrap(line, w);
	snprintf(first, sizeof first, "%.*s", (int)n, line);
	for (rest = line + n; *rest == ' '; rest++)
		;
	cell(ui, win, y, 1, w, a, first);
	cell(ui, win, y + 1, 1, w, a, rest);
}

/* Columns: mark, state, age, action, dossier, then what the server said. */
enum { W_MARK = 1, W_STATE = 10, W_AGE = 7, W_ACT = 20, W_CODE = 26 };

static void outbox_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct outbox_view *v = view(app);
	struct list *l = entries(app);
	bool stranded = app->stranded > 0 && !v->confirming;
	int rows = getmaxy(win) - 2 - (stranded ? 2 : v->confirming ? 1 : 0), w = getmaxx(win);
	int x_err = W_MARK + W_STATE + W_AGE + W_ACT + W_CODE + 5;
	attr_t head = theme_attr(&ui->theme, TH_LIST_HEADER);
	int64_t now = app_now(app);

	(void)flags;
	wattrset(win, head);
	wmove(win, 0, 0);
	wclrtoeol(win);
	cell(ui, win, 0, W_MARK + 1, W_STATE, head, _("State"));
	cell(ui, win, 0, W_MARK + W_STATE + 2, W_AGE, head, _("Age"));
	cell(ui, win, 0, W_MARK + W_STATE + W_AGE + 3, W_ACT, head, _("Action"));
	cell(ui, win, 0, W_MARK + W_STATE + W_AGE + W_ACT + 4, W_CODE, head, _("Dossier"));
	cell(ui, win, 0, x_err, w - x_err, head, _("What the server said"));
	if (stranded)
		draw_stranded(app, win);
	if (!app->noutbox) {
		cell(ui, win, 2, 2, w - 4, theme_attr(&ui->theme, TH_EMPTY_HINT),
		     stranded ? _("Every action in this store has reached the server.") :
		     _("Every action you made has reached the server."));
		return;
	}
	l->rows = rows > 1 ? (size_t)rows : 1;
	list_scroll(l);
	for (size_t i = l->top; i < l->n && i < l->top + l->rows; i++) {
		const struct ob_entry *en = &app->outbox[i];
		int y = (int)(i - l->top) + 1;
		bool sel = i == l->sel;
		attr_t base = sel ? theme_attr(&ui->theme, TH_LIST_SELECTED) : A_NORMAL;
		enum theme_obj obj;
		const char *glyph = mark_action(ui, en, &obj);
		attr_t look = sel ? base | (theme_attr(&ui->theme, obj) & (A_BOLD | A_UNDERLINE)) :
			theme_attr(&ui->theme, obj);
		char when[32];
		int x = 0;

		age(now - en->created_at, when, sizeof when);
		if (sel)
			mvwchgat(win, y, 0, -1, base & ~A_COLOR, (short)PAIR_NUMBER(base), NULL);
		cell(ui, win, y, x, W_MARK, look, glyph);
		x += W_MARK + 1;
		cell(ui, win, y, x, W_STATE, look, ob_state_label(en->state));
		x += W_STATE + 1;
		cell(ui, win, y, x, W_AGE, base, when);
		x += W_AGE + 1;
		cell(ui, win, y, x, W_ACT, base, action_label(en->act));
		x += W_ACT + 1;
		cell(ui, win, y, x, W_CODE, base, app_dossier_number(app, en->code));
		if (en->error || !guessed(app, en))
			cell(ui, win, y, x_err, w - x_err, base, en->error);
		else
			cell(ui, win, y, x_err, w - x_err, base | theme_attr(&ui->theme, TH_EMPTY_HINT),
			     _("not read whole: the server decides"));
	}
	if (v->confirming && selected(app)) {
		char q[512];

		snprintf(q, sizeof q, _("Discard your %s on %s? Nothing of it reaches the server."),
			 action_label(selected(app)->act), app_dossier_number(app, selected(app)->code));
		ui_draw_question(app, win, q);
	}
	wattrset(win, A_NORMAL);
}

const struct screen screen_outbox = {
	.context = "outbox",
	.name = N_("Outbox"),
	.ops = outbox_ops,
	.generic_keys = outbox_generic_keys,
	.hints = outbox_hints,
	.title = outbox_title,
	.draw = outbox_draw,
	.list = entries,
	.key = outbox_key,
	.asking = outbox_asking,
	.state_size = sizeof(struct outbox_view),
};
