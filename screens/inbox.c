#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"
#include "core/when.h"
#include "desk/deadline.h"
#include "inbox.h"
#include "marks.h"

struct inbox_view *inbox_view(struct app *app)
{
	return ui_state(app, &screen_inbox);
}

static size_t inbox_count(struct app *app)
{
	inbox_sync(app);
	return inbox_view(app)->list.n;
}

/* The body's lines above the list: the views, the column names. */
#define LIST_TOP 2

/* Body rows available for the list: the body minus the lines above it and
 * the filter's line below it. */
static size_t page_rows(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	/* the question may wrap onto two rows */
	int h = app->ui->body ? getmaxy(app->ui->body) - LIST_TOP -
		(v->offering ? 2 : inbox_query_line(v)) : 1;

	return h > 1 ? (size_t)h : 1;
}

static struct list *inbox_list(struct app *app)
{
	struct inbox_view *v = inbox_view(app);

	inbox_sync(app);
	v->list.rows = page_rows(app);
	return &v->list;
}

static unsigned op_refresh(struct app *app)
{
	if (!app->session) {
		app_message(app, MSG_ERROR, "%s", _("no server configured: start motcua with --profile"));
		return RD_STATUS;
	}
	session_refresh(app);
	return RD_STATUS;
}

static unsigned op_open(struct app *app)
{
	const struct dossier *d = inbox_count(app) ? inbox_row(app, inbox_view(app)->list.sel) : NULL;

	return d ? dossier_open(app, d->code) : RD_NONE;
}

/* Back from the dossier: select it again, wherever its new data (or a
 * refresh meanwhile) moved it in the order. */
static void inbox_resume(struct app *app, const struct screen *closed)
{
	struct inbox_view *v = inbox_view(app);
	const char *code = dossier_code(app);
	struct inboxq q;
	struct inboxq_pos pos;
	int64_t at;
	struct err e;

	if (closed != &screen_dossier || !code || !inbox_count(app) || !app->store)
		return;
	inbox_query(app, &q);
	switch (store_inbox_find(app->store, &q, code, &at, &pos, &e)) {
	case 1:
		v->list.sel = (size_t)at;
		break;
	case -1:
		app_message(app, MSG_ERROR, "%s", e.msg);
		break;
	}
}

static unsigned op_dashboard(struct app *app)
{
	return dashboard_open(app);
}

static const struct op_def inbox_ops[] = {
	LIST_OPS,
	OP("inbox-refresh", N_("Refresh"), op_refresh, "<C-r>"),
	OP("inbox-open", N_("Open"), op_open, "<Enter> <Right>"),
	OP("inbox-filter", N_("Filter"), inbox_op_filter, "/"),
	OP("inbox-filter-clear", N_("Clear the filter kept (without one: cancel)"), inbox_op_filter_clear, "<Esc>"),
	OP("inbox-goto", N_("Go to code"), inbox_op_goto, "#"),
	OP("inbox-view-next", N_("Next view"), inbox_op_view_next, "<Tab>"),
	OP("inbox-view-prev", N_("Previous view"), inbox_op_view_prev, "<BackTab>"),
	OP("inbox-view-all", N_("All dossiers"), inbox_op_view_all, "a"),
	OP("inbox-view-mine", N_("Assigned to me"), inbox_op_view_mine, "m"),
	/* first the selected dossier's procedure, then the next one */
	OP("inbox-view-procedure", N_("By procedure"), inbox_op_view_procedure, "p"),
	OP("inbox-view-procedure-prev", N_("Previous procedure"), inbox_op_view_procedure_prev, "P"),
	OP("dashboard", N_("Desk dashboard: the indicators, charts and star rating"), op_dashboard, "D"),
	OP_END,
};

static const struct op_keys inbox_generic_keys[] = {
	{ "intake-new", "n" },
	{ NULL, NULL },
};

static const char *const inbox_hints[] = { "inbox-open", "inbox-refresh", "quit", NULL };

static void inbox_title(struct app *app, char *buf, size_t len)
{
	size_t n = inbox_count(app);
	char counted[32];

	if (inbox_view(app)->counting) {
		inbox_count_text(app, inbox_view(app)->counts[inbox_view(app)->view], counted, sizeof counted);
		if (inbox_view(app)->view == IV_ALL)
			/* TRANSLATORS: the inbox's title while its filter's matches are counted */
			snprintf(buf, len, _("Inbox (%s)"), counted);
		else
			snprintf(buf, len, _("Inbox: %s (%s)"), inbox_view_label(inbox_view(app)), counted);
	} else if (inbox_view(app)->view == IV_ALL) {
		snprintf(buf, len, _("Inbox (%zu)"), n);
	} else {
		/* TRANSLATORS: the inbox's title in a view: its name, the dossiers shown */
		snprintf(buf, len, _("Inbox: %s (%zu)"), inbox_view_label(inbox_view(app)), n);
	}
}

enum { COL_MARK, COL_CODE, COL_APPLICANT, COL_DUE, COL_LEFT, COL_STATUS, NCOLS };

/* Columns of the dossier list; the applicant takes the width left over. */
static const struct {
	const char *label;
	int width;
} columns[NCOLS] = {
	[COL_MARK] = { "", 1 },
	[COL_CODE] = { N_("Code"), 25 },
	[COL_APPLICANT] = { N_("Applicant"), 0 },
	[COL_DUE] = { N_("Due"), 11 },
	[COL_LEFT] = { N_("Left"), 17 },
	[COL_STATUS] = { N_("Status"), 12 },
};

/* Dossier codes are long ("000.00.01.H22-251123-0001") and a desk's all
 * start alike: on a narrow terminal the code column keeps their tails. */
#define CODE_NARROW 16
#define WIDE_COLS 100

static int col_width(WINDOW *win, int i)
{
	int fixed = 1;	/* the flexible column's own separator */

	if (i == COL_CODE && getmaxx(win) < WIDE_COLS)
		return CODE_NARROW;
	if (columns[i].width)
		return columns[i].width;
	for (int c = 0; c < NCOLS; c++)
		if (c != i)
			fixed += col_width(win, c) + 1;
	return getmaxx(win) - fixed > 8 ? getmaxx(win) - fixed : 8;
}

static int put_cell(struct ui *ui, WINDOW *win, int y, int x, int col, const char *s, attr_t attr)
{
	char cell[512];
	int w = col_width(win, col);

	text_fit(cell, sizeof cell, s ? s : "", w, ui->ellipsis, 1);
	wattrset(win, attr);
	mvwaddstr(win, y, x, cell);
	return x + w + 1;
}

static void draw_header(struct ui *ui, WINDOW *win, int y)
{
	attr_t a = theme_attr(&ui->theme, TH_LIST_HEADER);
	int x = 0;

	wattrset(win, a);
	wmove(win, y, 0);
	wclrtoeol(win);
	/* "" must not go through gettext: it returns the catalog's header */
	for (int i = 0; i < NCOLS; i++)
		x = put_cell(ui, win, y, x, i, *columns[i].label ? _(columns[i].label) : "", a);
	wattrset(win, A_NORMAL);
}

static void draw_row(struct app *app, WINDOW *win, int y, const struct dossier *d, bool selected,
		     int64_t now)
{
	struct ui *ui = app->ui;
	enum theme_obj band_obj;
	/* a glyph with the colour, for monochrome terminals and colour-blind clerks */
	const char *mark = mark_band(ui, deadline_band(app->cal, d, now), &band_obj);
	attr_t base = selected ? theme_attr(&ui->theme, TH_LIST_SELECTED) : A_NORMAL;
	attr_t band = theme_attr(&ui->theme, band_obj);
	char due[WHEN_LEN], left[64], code[128], st[128];
	int x = 0;
	enum theme_obj act_obj;
	const char *pending = mark_action(ui, app_outbox_for(app, d->code), &act_obj);
	attr_t act_look = pending ? theme_attr(&ui->theme, act_obj) : A_NORMAL;

	when_day_month_time(d->due_at, due, sizeof due);
	deadline_remaining(app->cal, d, now, left, sizeof left);
	/* A selected row is one attribute from edge to edge, its band shown
	 * by its glyph alone: keeping the band's bold within it would cost
	 * four attribute changes on every move, over links that bill by the
	 * byte. A pending action (rare) keeps its attribute. */
	if (selected) {
		band = base;
		act_look = base | (act_look & (A_BOLD | A_UNDERLINE));
		/* the gaps between cells too */
		mvwchgat(win, y, 0, -1, base & ~A_COLOR, (short)PAIR_NUMBER(base), NULL);
	}
	x = put_cell(ui, win, y, x, COL_MARK, mark, band);
	x = put_cell(ui, win, y, x, COL_CODE,
		     text_tail(dossier_number(d), col_width(win, COL_CODE), ui->ellipsis, code, sizeof code), base);
	x = put_cell(ui, win, y, x, COL_APPLICANT, d->applicant_name, base);
	x = put_cell(ui, win, y, x, COL_DUE, due, base);
	x = put_cell(ui, win, y, x, COL_LEFT, left, band);
	/* the clerk's action is not confirmed yet: glyph and attribute */
	if (pending)
		snprintf(st, sizeof st, "%s %s", pending, dossier_status_label(d));
	else
		snprintf(st, sizeof st, "%s", dossier_status_label(d));
	put_cell(ui, win, y, x, COL_STATUS, st, pending ? act_look : base);
	wattrset(win, A_NORMAL);
}

static void draw_centered(WINDOW *win, int y, const char *s, attr_t attr)
{
	int x = (getmaxx(win) - text_width(s)) / 2;

	wattrset(win, attr);
	mvwaddstr(win, y, x > 0 ? x : 0, s);
}

/* s centred from row y, wrapped at the window's width: a hint that says
 * why the inbox is empty is read whole. */
static void draw_wrapped(WINDOW *win, int y, const char *s, attr_t attr)
{
	char line[512];

	while (*s && y < getmaxy(win)) {
		size_t n = text_wrap(s, getmaxx(win) - 2);

		snprintf(line, sizeof line, "%.*s", (int)n, s);
		draw_centered(win, y++, line, attr);
		for (s += n; *s == ' '; s++)
			;
	}
}

/* Why the inbox is empty: only a server that answered can be said to have
 * no dossiers; until one did, say what stands in the way. */
static const char *empty_hint(const struct app *app)
{
	if (!app->session)
		return _("Dossiers appear here once the client is connected to a provincial server.");
	if (app->loading)
		return _("Loading the inbox from the server...");
	switch (app->link) {
	case LINK_OFFLINE:
		return app->data_time ?
		       _("The server had no dossiers for this desk at the last sync; it cannot be reached now.") :
		       _("The server cannot be reached and nothing is stored here yet: the inbox fills once it answers.");
	case LINK_DOWN:
		return _("The server is not running (it refused the connection): the inbox fills once it is back.");
	case LINK_BROKEN:
		return _("Cannot connect as configured (the message below says why): nothing was asked of the server.");
	default:
		break;
	}
	return app->data_time ? _("The server has no dossiers for this desk.") :
	       _("Nothing asked of the server yet: the inbox fills once it answers.");
}

static void inbox_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct inbox_view *v = inbox_view(app);
	struct list *l;
	int mid = getmaxy(win) / 2;
	int64_t now = app_now(app);

	(void)flags;
	inbox_offer(app);
	l = inbox_list(app);
	inbox_draw_views(app, win, 0);
	draw_header(ui, win, 1);
	if (v->offering)
		inbox_draw_offer(app, win);
	else if (inbox_query_line(v))
		inbox_draw_query(app, win, getmaxy(win) - 1);
	if (!l->n) {
		const char *what = _("No dossiers"), *hint;

		if (v->counting) {
			/* a filter with few matches in a large inbox: read in slices */
			what = _("Searching...");
			hint = _("The matches appear here as they are found; typing goes on meanwhile.");
		} else if (v->total[IV_ALL] && v->query.len) {
			what = _("No match");
			hint = _("No dossier in this view matches the filter.");
		} else if (v->total[IV_ALL]) {
			what = _("None in this view");
			hint = _("The line above counts the dossiers of the other views.");
		} else {
			hint = empty_hint(app);
		}
		draw_centered(win, mid - 1, what, theme_attr(&ui->theme, TH_EMPTY_HINT) | A_BOLD);
		draw_wrapped(win, mid + 1, hint, theme_attr(&ui->theme, TH_EMPTY_HINT));
		return;
	}
	list_scroll(l);
	inbox_window(app, l->top, l->rows);
	for (size_t i = 0; i < l->rows && l->top + i < l->n; i++) {
		const struct dossier *d = inbox_row(app, l->top + i);

		if (d)
			draw_row(app, win, (int)i + LIST_TOP, d, l->top + i == l->sel, now);
	}
}

const struct screen screen_inbox = {
	.context = "inbox",
	.name = N_("Inbox"),
	.ops = inbox_ops,
	.generic_keys = inbox_generic_keys,
	.hints = inbox_hints,
	.title = inbox_title,
	.draw = inbox_draw,
	.resume = inbox_resume,
	.list = inbox_list,
	.key = inbox_key,
	.asking = inbox_asking,
	.state_size = sizeof(struct inbox_view),
	.state_free = inbox_view_free,
};
