#include "config.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"
#include "inbox.h"

bool inbox_query_line(const struct inbox_view *v)
{
	return v->asking != ASK_NONE || v->query.len;
}

/* The line under the list: the filter (while typed, and afterwards while
 * it holds) with its count and, discreetly, why it is matched as typed;
 * or the code being asked for. */
void inbox_draw_query(struct app *app, WINDOW *win, int y)
{
	struct ui *ui = app->ui;
	struct inbox_view *v = inbox_view(app);
	attr_t hint = theme_attr(&ui->theme, TH_EMPTY_HINT);
	int cols = getmaxx(win), used, room;
	char right[128], note[256];

	wattrset(win, A_NORMAL);
	wmove(win, y, 0);
	wclrtoeol(win);
	if (v->asking == ASK_GOTO)
		snprintf(right, sizeof right, "%s", _("a code or its end; Enter goes, Esc cancels"));
	else if (v->counting) {
		char counted[32];

		inbox_count_text(app, v->counts[v->view], counted, sizeof counted);
		/* TRANSLATORS: dossiers shown so far (still being counted), of
		 * those in the view, and the ellipsis */
		snprintf(right, sizeof right, _("%s of %zu, counting%s"), counted, v->total[v->view], ui->ellipsis);
	}
	else
		/* TRANSLATORS: dossiers shown, of those in the view */
		snprintf(right, sizeof right, _("%zu of %zu"), v->list.n, v->total[v->view]);
	used = prompt_draw(v->asking == ASK_GOTO ? &v->go : &v->query, win, y, 1,
			   cols - text_width(right) - 4,
			   v->asking == ASK_GOTO ? _("Go to: ") : _("Filter: "), ui->ellipsis,
			   v->asking != ASK_NONE);
	/* two columns apart from what is left and right of it */
	room = cols - text_width(right) - used - 6;
	if (v->asking != ASK_GOTO && v->query_note.msg[0] && room > 8) {
		text_fit(note, sizeof note, v->query_note.msg, room, ui->ellipsis, 0);
		wattrset(win, hint);
		mvwaddstr(win, y, used + 3, note);
	}
	wattrset(win, v->asking == ASK_GOTO ? hint : A_NORMAL);
	mvwaddstr(win, y, cols - text_width(right) - 1, right);
	wattrset(win, A_NORMAL);
}

/* The dossiers whose number (as shown) or code the clerk's text is, or
 * is the end of. */
struct tails {
	const char *want;
	size_t len, tails, whole;
	char any[PROMPT_MAX * 2], at_sep[PROMPT_MAX * 2];
	bool exact;
};

/* Whether s is want or ends with it, in any case; *sep: after a separator. */
static bool ends_with(const struct tails *t, const char *s, bool *sep)
{
	size_t l = strlen(s);

	if (l < t->len || strcasecmp(s + l - t->len, t->want))
		return false;
	*sep = l > t->len && strchr("-./_", s[l - t->len - 1]);
	return true;
}

static bool tail_seen(void *arg, const char *code, const char *shown)
{
	struct tails *t = arg;
	bool sep;

	if (!ends_with(t, shown, &sep) && !ends_with(t, code, &sep))
		return true;
	t->exact = !strcasecmp(shown, t->want) || !strcasecmp(code, t->want);
	if (t->exact || !t->tails++)
		snprintf(t->any, sizeof t->any, "%s", code);
	if (!t->exact && sep && !t->whole++)
		snprintf(t->at_sep, sizeof t->at_sep, "%s", code);
	return !t->exact;
}

/* Select the row whose number or code is want, or ends with it (any
 * case); a tail that several end with is enough when only one has it
 * after a separator ("0007" for "...-0007", not "...-10007"). */
static unsigned go_to(struct app *app, const char *typed)
{
	struct inbox_view *v = inbox_view(app);
	struct tails t = { 0 };
	char want[PROMPT_MAX];
	const char *s = typed;
	struct inboxq q;
	struct inboxq_pos pos;
	int64_t at;
	struct err e;
	unsigned rd = RD_BODY;
	int found;

	while (*s == ' ')
		s++;
	snprintf(want, sizeof want, "%s", s);
	for (t.len = strlen(want); t.len && want[t.len - 1] == ' ';)
		want[--t.len] = '\0';
	if (!t.len)
		return RD_NONE;
	t.want = want;
	inbox_sync(app);
	if (app->store && store_inbox_ending(app->store, want, tail_seen, &t, &e) < 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
		return RD_STATUS;
	}
	if (!t.exact && t.tails > 1 && t.whole == 1)
		snprintf(t.any, sizeof t.any, "%s", t.at_sep);
	else if (!t.exact && t.tails != 1) {
		if (t.tails)
			app_message(app, MSG_ERROR, _("%zu dossier codes end with %s: type more of the code"),
				    t.tails, want);
		else
			app_message(app, MSG_ERROR, _("no dossier code is or ends with %s"), want);
		return RD_STATUS;
	}
	inbox_query(app, &q);
	found = store_inbox_find(app->store, &q, t.any, &at, &pos, &e);
	if (found == 0) {
		/* not in this view, or filtered out: show it among all */
		v->view = IV_ALL;
		prompt_clear(&v->query);
		v->stale = true;
		inbox_sync(app);
		inbox_query(app, &q);
		found = store_inbox_find(app->store, &q, t.any, &at, &pos, &e);
		app_message(app, MSG_INFO, _("Showing all dossiers: the view or the filter hid %s"),
			    app_dossier_number(app, t.any));
		rd |= RD_TITLE | RD_STATUS;
	}
	if (found < 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
		return RD_STATUS;
	}
	if (found)
		v->list.sel = (size_t)at;
	return rd;
}

/* ---- actions waiting in other stores ---- */

void inbox_offer(struct app *app)
{
	struct inbox_view *v = inbox_view(app);

	if (app->stranded <= 0 || app->stranded_asked || app->ui->screen != &screen_inbox ||
	    v->asking != ASK_NONE || app->ui->cmdline.active)
		return;
	app->stranded_asked = true;
	v->offering = true;
}

void inbox_draw_offer(struct app *app, WINDOW *win)
{
	char q[512];

	snprintf(q, sizeof q,
		 P_("%lld action waits in another local store of yours for this server (made at another address): send it now?",
		    "%lld actions wait in another local store of yours for this server (made at another address): send them now?",
		    (unsigned long)app->stranded), (long long)app->stranded);
	ui_draw_question(app, win, q);
}

bool inbox_asking(struct app *app)
{
	return inbox_view(app)->offering;
}

/* While asking only the answer counts. Yes runs what :outbox-adopt runs;
 * no leaves them where they are, for :outbox-adopt or the outbox's key
 * later. */
static bool offer_key(struct app *app, km_key key)
{
	struct inbox_view *v = inbox_view(app);

	if (key == 'y' || key == 'Y') {
		v->offering = false;
		app->redraw |= RD_BODY | ops_find(ops_generic, "outbox-adopt")->fn(app);
	} else if (key == 'n' || key == 'N' || key == 0x1b || key == 0x07) {
		v->offering = false;
		app_message(app, MSG_INFO,
			    P_("%lld action left in the other store: :outbox-adopt sends it later",
			       "%lld actions left in the other store: :outbox-adopt sends them later",
			       (unsigned long)app->stranded), (long long)app->stranded);
		app->redraw |= RD_BODY | RD_STATUS;
	}
	return true;
}

bool inbox_key(struct app *app, km_key key)
{
	struct inbox_view *v = inbox_view(app);
	bool filtering = v->asking == ASK_FILTER;

	if (v->offering)
		return offer_key(app, key);
	if (v->asking == ASK_NONE)
		return false;
	switch (prompt_type(filtering ? &v->query : &v->go, key, ui_ime(app))) {
	case PROMPT_IGNORED:
		return false;	/* moving, changing view: the keymap's */
	case PROMPT_TAKEN:
		break;
	case PROMPT_EDITED:
		/* filtered when drawn: keys typed ahead are filtered for once */
		v->stale |= filtering;
		app->redraw |= RD_BODY | (filtering ? RD_TITLE : RD_NONE);
		break;
	case PROMPT_ACCEPTED:
		v->asking = ASK_NONE;
		app->redraw |= RD_BODY | (filtering ? RD_NONE : go_to(app, v->go.text));
		break;
	case PROMPT_CANCELLED:
		if (filtering && v->query.len) {
			prompt_clear(&v->query);
			v->stale = true;
			app->redraw |= RD_TITLE;
		}
		v->asking = ASK_NONE;
		app->redraw |= RD_BODY;
		break;
	}
	return true;
}

unsigned inbox_op_filter(struct app *app)
{
	inbox_view(app)->asking = ASK_FILTER;
	return RD_BODY;
}

/* Esc on the list: a filter kept with Enter goes first, the view shows
 * all its dossiers again; without one, Esc cancels what runs, as it does
 * on every screen. */
unsigned inbox_op_filter_clear(struct app *app)
{
	struct inbox_view *v = inbox_view(app);

	if (!v->query.len)
		return ops_find(ops_generic, "cancel")->fn(app);
	prompt_clear(&v->query);
	v->stale = true;
	return RD_TITLE | RD_BODY;
}

unsigned inbox_op_goto(struct app *app)
{
	prompt_clear(&inbox_view(app)->go);
	inbox_view(app)->asking = ASK_GOTO;
	return RD_BODY;
}
