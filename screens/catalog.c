#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "catalog.h"
#include "core/calendar.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"

/* ---- state ---- */

struct catalog_view *catalog_view(struct app *app)
{
	return ui_state(app, &screen_catalog);
}

static void free_items(struct catalog_view *v)
{
	for (int i = 0; i < v->n; i++) {
		procedure_free(&v->items[i]);
		free(v->hay[i]);
	}
	free(v->items);
	free(v->hay);
	free(v->shown);
	v->items = NULL;
	v->hay = NULL;
	v->shown = NULL;
	v->n = 0;
	v->list.n = 0;
}

static void catalog_view_free(struct app *app, void *state)
{
	struct catalog_view *v = state;

	(void)app;
	free_items(v);
	free(v->code);
	if (v->have_whole)
		procedure_free(&v->whole);
	pager_free(&v->pager);
}

/* What the filter searches: code, name and field, folded once per
 * catalog so that "ho tich" finds "Hộ tịch". */
static char *folded(const struct procedure *p)
{
	char joined[2048], *out;
	size_t len;

	snprintf(joined, sizeof joined, "%s\n%s\n%s", p->code ? p->code : "",
		 p->name ? p->name : "", p->field ? p->field : "");
	len = strlen(joined);
	out = xmalloc(len + 1);
	fold_text(out, len + 1, joined, len);
	return out;
}

const struct procedure *catalog_find(const struct catalog_view *v, const char *code)
{
	for (int i = 0; code && i < v->n; i++)
		if (v->items[i].code && !strcmp(v->items[i].code, code))
			return &v->items[i];
	return NULL;
}

static const struct procedure *selected(const struct catalog_view *v)
{
	return v->list.sel < v->list.n ? &v->items[v->shown[v->list.sel]] : NULL;
}

void catalog_set(struct app *app, struct procedure *items, int n)
{
	struct catalog_view *v = catalog_view(app);
	const struct procedure *was = selected(v);
	char *keep = was && was->code ? xstrdup(was->code) : NULL;

	free_items(v);
	v->items = items;
	v->n = n;
	v->hay = xcalloc(n > 0 ? (size_t)n : 1, sizeof *v->hay);
	v->shown = xcalloc(n > 0 ? (size_t)n : 1, sizeof *v->shown);
	for (int i = 0; i < n; i++)
		v->hay[i] = folded(&items[i]);
	v->loaded = true;
	v->stale = true;
	v->list.sel = 0;
	/* the selection stays on its procedure: an item index until sync()
	 * finds it among those shown */
	for (int i = 0; keep && i < n; i++)
		if (items[i].code && !strcmp(items[i].code, keep))
			v->list.sel = (size_t)i;
	v->list.top = 0;
	free(keep);
	app->redraw |= RD_TITLE | RD_BODY;
}

/* ---- the filter ---- */

/* Every word of the folded query somewhere in the item's folded text:
 * "ho tich khai" finds "Hộ tịch … Đăng ký khai sinh" in any order. */
static bool matches(const char *hay, const char *query)
{
	char word[PROMPT_MAX];
	const char *q = query;

	while (*q) {
		size_t len;

		while (*q == ' ')
			q++;
		len = strcspn(q, " ");
		if (!len)
			break;
		snprintf(word, sizeof word, "%.*s", (int)len, q);
		if (!strstr(hay, word))
			return false;
		q += len;
	}
	return true;
}

/* Bring the rows shown up to date; the selection stays on its item while
 * it is shown, else goes to the first one after it. */
static void sync(struct catalog_view *v)
{
	char query[PROMPT_MAX];
	struct list *l = &v->list;
	size_t anchor = l->sel < l->n ? v->shown[l->sel] : l->sel, n = 0;

	if (!v->stale)
		return;
	fold_text(query, sizeof query, v->query.text, v->query.len);
	for (int i = 0; i < v->n; i++)
		if (matches(v->hay[i], query))
			v->shown[n++] = (size_t)i;
	l->n = n;
	l->sel = 0;
	while (l->sel < n && v->shown[l->sel] < anchor)
		l->sel++;
	list_clamp(l);
	v->stale = false;
}

/* ---- loading and refreshing ---- */

static void load(struct app *app)
{
	struct procedure *items;
	struct err e = { "" };
	int n;

	if (session_catalog(app, &items, &n, &e) < 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
		return;
	}
	catalog_set(app, items, n);
}

static void on_refreshed(struct app *app, bool changed, const struct err *e)
{
	struct catalog_view *v = catalog_view(app);

	if (!v)
		return;		/* the ui closed meanwhile */
	v->refreshing = false;
	v->offline = e && e->msg[0];
	if (v->offline)
		/* TRANSLATORS: %s says why the server could not be asked */
		app_message(app, MSG_ERROR, _("offline: the stored catalog is shown (%s)"), e->msg);
	else if (changed)
		load(app);
	if (!v->offline)
		app_message(app, MSG_INFO, "%s", changed ? _("the catalog was updated from the server") :
			    _("the catalog is up to date"));
	app->redraw |= RD_TITLE | RD_BODY | RD_STATUS;
}

static void ask_server(struct app *app)
{
	struct catalog_view *v = catalog_view(app);

	if (session_refresh_catalog(app, on_refreshed)) {
		v->refreshing = true;
		app_message(app, MSG_INFO, "%s", _("refreshing the catalog from the server\u2026"));
	}
}

unsigned catalog_open(struct app *app)
{
	struct catalog_view *v = catalog_view(app);
	unsigned flags;

	if (app->ui->screen == &screen_catalog)
		return RD_NONE;
	flags = ui_push(app, &screen_catalog);
	if (app->ui->screen != &screen_catalog)
		return flags;	/* the stack is full */
	/* the stored one at once; the server's when it answers */
	load(app);
	if (!v->loaded)
		catalog_set(app, NULL, 0);
	ask_server(app);
	return flags | RD_ALL;
}

/* ---- operations ---- */

/* Body rows for the list: the body minus the column names above it and
 * the filter's line below it. */
static size_t page_rows(struct app *app)
{
	const struct catalog_view *v = catalog_view(app);
	int h = app->ui->body ? getmaxy(app->ui->body) - 1 - (v->asking || v->query.len) : 1;

	return h > 1 ? (size_t)h : 1;
}

static struct list *catalog_list(struct app *app)
{
	struct catalog_view *v = catalog_view(app);

	sync(v);
	v->list.rows = page_rows(app);
	return &v->list;
}

static unsigned op_open(struct app *app)
{
	struct catalog_view *v = catalog_view(app);
	const struct procedure *p;

	sync(v);
	p = selected(v);
	if (!p || !p->code)
		return RD_NONE;
	return catalog_detail_open(app, p->code);
}

static unsigned op_filter(struct app *app)
{
	catalog_view(app)->asking = true;
	return RD_BODY;
}

static unsigned op_refresh(struct app *app)
{
	if (!app->session) {
		app_message(app, MSG_ERROR, "%s", _("no server configured: start motcua with --profile"));
		return RD_STATUS;
	}
	if (catalog_view(app)->refreshing) {
		app_message(app, MSG_INFO, "%s", _("the catalog is being refreshed already"));
		return RD_STATUS;
	}
	ask_server(app);
	return RD_TITLE | RD_STATUS;
}

/* Back: first out of the filter held, then out of the catalog. */
static unsigned op_back(struct app *app)
{
	struct catalog_view *v = catalog_view(app);

	if (!v->query.len)
		return ui_pop(app);
	prompt_clear(&v->query);
	v->stale = true;
	return RD_BODY | RD_TITLE;
}

/* Keys typed into the filter while it is asked for; moving keys go on to
 * the keymap, so the clerk can pick among the matches as she types. */
static bool catalog_key(struct app *app, km_key key)
{
	struct catalog_view *v = catalog_view(app);

	if (!v->asking)
		return false;
	switch (prompt_type(&v->query, key, ui_ime(app))) {
	case PROMPT_IGNORED:
		return false;
	case PROMPT_TAKEN:
		break;
	case PROMPT_EDITED:
		v->stale = true;
		app->redraw |= RD_BODY | RD_TITLE;
		break;
	case PROMPT_ACCEPTED:
		v->asking = false;
		app->redraw |= RD_BODY;
		break;
	case PROMPT_CANCELLED:
		if (v->query.len) {
			prompt_clear(&v->query);
			v->stale = true;
		}
		v->asking = false;
		app->redraw |= RD_BODY | RD_TITLE;
		break;
	}
	return true;
}

static const struct op_def catalog_ops[] = {
	LIST_OPS,
	OP("catalog-open", N_("Details"), op_open, "<Enter> <Right>"),
	OP("catalog-filter", N_("Filter"), op_filter, "/"),
	OP("catalog-intake", N_("Start an intake"), catalog_op_intake, "i"),
	OP("catalog-refresh", N_("Refresh from the server"), op_refresh, "<C-r>"),
	OP("view-close", N_("Back (first out of the filter)"), op_back, OPS_BACK_KEYS),
	OP_END,
};

static const char *const catalog_hints[] = {
	"catalog-open", "catalog-filter", "catalog-intake", "view-close", NULL
};

static void catalog_title(struct app *app, char *buf, size_t len)
{
	struct catalog_view *v = catalog_view(app);
	char state[96] = "";

	sync(v);
	if (v->refreshing)
		snprintf(state, sizeof state, " \u2014 %s", _("refreshing\u2026"));
	else if (v->offline)
		snprintf(state, sizeof state, " \u2014 %s", _("stored copy, offline"));
	if (v->query.len)
		/* TRANSLATORS: the catalog's title while filtered: shown, of all */
		snprintf(buf, len, _("Procedures (%zu of %d)%s"), v->list.n, v->n, state);
	else
		snprintf(buf, len, _("Procedures (%d)%s"), v->n, state);
}

/* ---- drawing ---- */

void catalog_time(struct app *app, const struct procedure *p, char *buf, size_t len)
{
	int day = app->cal ? cal_day_minutes(app->cal) : 480;

	buf[0] = '\0';
	if (p->minutes <= 0 || day <= 0)
		return;
	if (p->minutes % day == 0)
		snprintf(buf, len, P_("%d day", "%d days", p->minutes / day), p->minutes / day);
	else if (p->minutes >= day)
		/* TRANSLATORS: working days with a fraction: "2.5 days" */
		snprintf(buf, len, _("%.1f days"), (double)p->minutes / day);
	else if (p->minutes % 60 == 0)
		snprintf(buf, len, P_("%d hour", "%d hours", p->minutes / 60), p->minutes / 60);
	else
		snprintf(buf, len, P_("%d minute", "%d minutes", p->minutes), p->minutes);
}

const char *catalog_level(const char *level)
{
	if (!level)
		return "";
	if (!strcmp(level, "commune"))
		return _("commune");
	if (!strcmp(level, "province"))
		return _("province");
	return level;
}

enum { COL_CODE, COL_NAME, COL_FIELD, COL_LEVEL, COL_TIME, COL_CUTOFF, COL_FEE, NCOLS };

/* The name takes the width left over; the level shows on wide terminals. */
static const struct {
	const char *label;
	int width;
} columns[NCOLS] = {
	[COL_CODE] = { N_("Code"), 9 },
	[COL_NAME] = { N_("Procedure"), 0 },
	[COL_FIELD] = { N_("Field"), 14 },
	[COL_LEVEL] = { N_("Level"), 9 },
	[COL_TIME] = { N_("Time"), 8 },
	[COL_CUTOFF] = { N_("Cut-off"), 7 },
	[COL_FEE] = { N_("Fee"), 10 },
};

#define WIDE_COLS 110

static int col_width(WINDOW *win, int i)
{
	int fixed = 1;

	if (i == COL_LEVEL && getmaxx(win) < WIDE_COLS)
		return 0;
	if (i == COL_FIELD && getmaxx(win) >= WIDE_COLS)
		return 22;
	if (columns[i].width)
		return columns[i].width;
	for (int c = 0; c < NCOLS; c++)
		if (c != i && col_width(win, c))
			fixed += col_width(win, c) + 1;
	return getmaxx(win) - fixed > 8 ? getmaxx(win) - fixed : 8;
}

static int put_cell(struct ui *ui, WINDOW *win, int y, int x, int col, const char *s, attr_t attr)
{
	char cell[512];
	int w = col_width(win, col);

	if (!w)
		return x;
	text_fit(cell, sizeof cell, s ? s : "", w, ui->ellipsis, 1);
	wattrset(win, attr);
	mvwaddstr(win, y, x, cell);
	return x + w + 1;
}

static void draw_header(struct ui *ui, WINDOW *win)
{
	attr_t a = theme_attr(&ui->theme, TH_LIST_HEADER);
	int x = 1;

	wattrset(win, a);
	wmove(win, 0, 0);
	wclrtoeol(win);
	for (int i = 0; i < NCOLS; i++)
		x = put_cell(ui, win, 0, x, i, _(columns[i].label), a);
	wattrset(win, A_NORMAL);
}

/* 15000 -> "15.000", the fee column's short form; "free" for none. */
static void fee_short(long long fee, char *buf, size_t len)
{
	char money[64];
	char *sp;

	if (fee <= 0) {
		snprintf(buf, len, "%s", _("free"));
		return;
	}
	ui_money(fee, money, sizeof money);
	sp = strchr(money, ' ');
	if (sp)
		*sp = '\0';	/* the column's name says it is in đồng */
	snprintf(buf, len, "%s", money);
}

static void draw_row(struct app *app, WINDOW *win, int y, const struct procedure *p, bool sel)
{
	struct ui *ui = app->ui;
	attr_t base = sel ? theme_attr(&ui->theme, TH_LIST_SELECTED) : A_NORMAL;
	char time[64], cutoff[WHEN_LEN], fee[64];
	int x = 1;

	catalog_time(app, p, time, sizeof time);
	if (!time[0] && p->days_text)
		snprintf(time, sizeof time, "%s", p->days_text);
	when_minute(p->cutoff, cutoff, sizeof cutoff);
	fee_short(p->fee, fee, sizeof fee);
	wattrset(win, base);
	/* a joint procedure bundles others: a glyph, so it is not told by
	 * position alone */
	mvwaddstr(win, y, 0, p->joint ? (strcmp(ui->ellipsis, "~") ? "\u2295" : "&") : " ");
	x = put_cell(ui, win, y, x, COL_CODE, p->code, base);
	x = put_cell(ui, win, y, x, COL_NAME, p->name, base | (p->joint ? A_BOLD : A_NORMAL));
	x = put_cell(ui, win, y, x, COL_FIELD, p->field, base);
	x = put_cell(ui, win, y, x, COL_LEVEL, catalog_level(p->level), base);
	x = put_cell(ui, win, y, x, COL_TIME, time, base);
	x = put_cell(ui, win, y, x, COL_CUTOFF, cutoff, base | (cutoff[0] ? A_BOLD : A_NORMAL));
	put_cell(ui, win, y, x, COL_FEE, fee, base);
	if (sel)
		mvwchgat(win, y, 0, -1, base & ~A_COLOR, (short)PAIR_NUMBER(base), NULL);
	wattrset(win, A_NORMAL);
}

static void draw_query(struct app *app, WINDOW *win, int y)
{
	struct ui *ui = app->ui;
	struct catalog_view *v = catalog_view(app);
	char right[64];
	int cols = getmaxx(win);

	wattrset(win, A_NORMAL);
	wmove(win, y, 0);
	wclrtoeol(win);
	/* TRANSLATORS: procedures shown, of those in the catalog */
	snprintf(right, sizeof right, _("%zu of %d"), v->list.n, v->n);
	prompt_draw(&v->query, win, y, 1, cols - text_width(right) - 4, _("Filter: "),
		    ui->ellipsis, v->asking);
	mvwaddstr(win, y, cols - text_width(right) - 1, right);
}

static void draw_centered(WINDOW *win, int y, const char *s, attr_t attr)
{
	int x = (getmaxx(win) - text_width(s)) / 2;

	wattrset(win, attr);
	mvwaddstr(win, y, x > 0 ? x : 0, s);
	wattrset(win, A_NORMAL);
}

static void catalog_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct catalog_view *v = catalog_view(app);
	struct list *l = catalog_list(app);
	int mid = getmaxy(win) / 2;
	attr_t hint = theme_attr(&ui->theme, TH_EMPTY_HINT);

	(void)flags;
	draw_header(ui, win);
	if (v->asking || v->query.len)
		draw_query(app, win, getmaxy(win) - 1);
	if (!l->n) {
		const char *what = _("No procedures"), *why;

		if (v->n) {
			what = _("No match");
			why = _("No procedure's code, name or field matches the filter.");
		} else if (!app->session) {
			why = _("The catalog appears here once the client is connected to a provincial server.");
		} else if (v->refreshing) {
			why = _("Loading the catalog from the server\u2026");
		} else {
			why = _("The stored catalog is empty; the server could not be asked yet.");
		}
		draw_centered(win, mid - 1, what, hint | A_BOLD);
		draw_centered(win, mid + 1, why, hint);
		return;
	}
	list_scroll(l);
	for (size_t i = 0; i < l->rows && l->top + i < l->n; i++)
		draw_row(app, win, (int)i + 1, &v->items[v->shown[l->top + i]], l->top + i == l->sel);
}

static void catalog_resume(struct app *app, const struct screen *closed)
{
	struct catalog_view *v = catalog_view(app);

	/* back from a procedure: select it, wherever a refresh put it */
	if (closed != &screen_catalog_detail || !v->code)
		return;
	sync(v);
	for (size_t i = 0; i < v->list.n; i++)
		if (v->items[v->shown[i]].code && !strcmp(v->items[v->shown[i]].code, v->code))
			v->list.sel = i;
}

const struct screen screen_catalog = {
	.context = "catalog",
	.name = N_("Procedure catalog"),
	.ops = catalog_ops,
	.hints = catalog_hints,
	.title = catalog_title,
	.draw = catalog_draw,
	.resume = catalog_resume,
	.list = catalog_list,
	.key = catalog_key,
	.state_size = sizeof(struct catalog_view),
	.state_free = catalog_view_free,
};
