#include "config.h"

#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui.h"

/* Dossiers arrive with the engine; until then the inbox holds none and says
 * how to get some. */
static size_t inbox_count(struct app *app)
{
	(void)app;
	return 0;
}

static unsigned op_move(struct app *app, int delta)
{
	struct inbox_view *v = &app->ui->inbox;
	size_t n = inbox_count(app);

	if (!n)
		return RD_NONE;
	if (delta < 0 && v->sel > 0)
		v->sel--;
	else if (delta > 0 && v->sel + 1 < n)
		v->sel++;
	return RD_BODY;
}

static unsigned op_move_down(struct app *app)
{
	return op_move(app, +1);
}

static unsigned op_move_up(struct app *app)
{
	return op_move(app, -1);
}

static const struct op_def inbox_ops[] = {
	{ "move-down", N_("Next dossier"), op_move_down },
	{ "move-up", N_("Previous dossier"), op_move_up },
	{ NULL, NULL, NULL },
};

static void inbox_title(struct app *app, char *buf, size_t len)
{
	snprintf(buf, len, _("Inbox (%zu)"), inbox_count(app));
}

/* Columns of the dossier list; the applicant takes the width left over. */
static const struct {
	const char *label;
	int width;
} columns[] = {
	{ N_("Code"), 25 },
	{ N_("Applicant"), 0 },
	{ N_("Due"), 11 },
	{ N_("Left"), 12 },
	{ N_("Status"), 12 },
};

static void draw_header(struct ui *ui, WINDOW *win)
{
	int ncol = (int)(sizeof columns / sizeof columns[0]);
	int fixed = 0, x = 0;

	for (int i = 0; i < ncol; i++)
		fixed += columns[i].width + 1;
	wattrset(win, theme_attr(&ui->theme, TH_LIST_HEADER));
	wmove(win, 0, 0);
	wclrtoeol(win);
	for (int i = 0; i < ncol; i++) {
		int w = columns[i].width ? columns[i].width : getmaxx(win) - fixed;
		char cell[256];

		text_fit(cell, sizeof cell, _(columns[i].label), w, ui->ellipsis, 1);
		mvwaddstr(win, 0, x, cell);
		x += w + 1;
	}
	wattrset(win, A_NORMAL);
}

static void draw_centered(WINDOW *win, int y, const char *s, attr_t attr)
{
	int x = (getmaxx(win) - text_width(s)) / 2;

	wattrset(win, attr);
	mvwaddstr(win, y, x > 0 ? x : 0, s);
}

static void inbox_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	int mid = getmaxy(win) / 2;

	(void)flags;
	draw_header(ui, win);
	if (inbox_count(app))
		return;
	draw_centered(win, mid - 1, _("No dossiers"),
		      theme_attr(&ui->theme, TH_EMPTY_HINT) | A_BOLD);
	draw_centered(win, mid + 1,
		      _("Dossiers appear here once the client is connected to a provincial server."),
		      theme_attr(&ui->theme, TH_EMPTY_HINT));
}

const struct screen screen_inbox = {
	.context = "inbox",
	.ops = inbox_ops,
	.title = inbox_title,
	.draw = inbox_draw,
};
