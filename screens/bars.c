#include "config.h"

#include <string.h>
#include <time.h>

#include "calendar.h"
#include "i18n.h"
#include "text.h"
#include "ui.h"

/* Write s right-aligned so that it ends at the window's last column. */
static void put_right(WINDOW *win, const char *s, attr_t attr)
{
	int w = text_width(s);

	wattrset(win, attr);
	mvwaddstr(win, 0, getmaxx(win) - w > 0 ? getmaxx(win) - w : 0, s);
}

void ui_draw_title(struct app *app, WINDOW *win)
{
	struct ui *ui = app->ui;
	attr_t bar = theme_attr(&ui->theme, TH_TITLE_BAR);
	char title[128], line[512];

	ui->screen->title(app, title, sizeof title);
	wbkgdset(win, ' ' | bar);
	werase(win);
	wattrset(win, bar);
	snprintf(line, sizeof line, " motcua \u2502 %s", title);
	mvwaddstr(win, 0, 0, line);
	if (app->session) {
		char who[256], fitted[256];
		int room = getmaxx(win) - text_width(line) - 2;

		snprintf(who, sizeof who, "%s \u2502 %s ", app->user ? app->user : "",
			 app->server_name ? app->server_name : "");
		text_fit(fitted, sizeof fitted, who, room > 0 ? room : 0, ui->ellipsis, 0);
		put_right(win, fitted, bar);
	} else {
		put_right(win, _("not logged in "), bar);
	}
}

static const char *link_label(enum link_state s, enum theme_obj *obj)
{
	switch (s) {
	case LINK_ONLINE:
		*obj = TH_LINK_ONLINE;
		return _("online");
	case LINK_SLOW:
		*obj = TH_LINK_SLOW;
		return _("slow link");
	case LINK_OFFLINE:
		*obj = TH_LINK_OFFLINE;
		return _("OFFLINE");
	case LINK_NONE:
		break;
	}
	*obj = TH_STATUS_BAR;
	return _("no server");
}

/* "q Quit  ^L Redraw  j Next ...": for each operation of the generic
 * context, then of the current screen, its shortest key from the keymap,
 * so hints follow the clerk's own bindings. */
static void key_hints(struct ui *ui, char *buf, size_t len)
{
	const struct op_def *tables[] = { ops_generic, ui->screen->ops };
	const char *contexts[] = { KM_GENERIC, ui->screen->context };
	size_t used = 0;

	buf[0] = '\0';
	for (size_t t = 0; t < 2; t++) {
		for (const struct op_def *op = tables[t]; op->name; op++) {
			char keys[128], best[32] = "", *k, *save = NULL;
			int w;

			if (!km_keys_for(ui->km, contexts[t], op->name, keys, sizeof keys))
				continue;
			for (k = strtok_r(keys, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
				while (*k == ' ')
					k++;
				if (!best[0] || strlen(k) < strlen(best))
					snprintf(best, sizeof best, "%s", k);
			}
			/* <C-l> reads ^L in a hint */
			if (!strncmp(best, "<C-", 3) && strlen(best) == 5)
				snprintf(best, sizeof best, "^%c", best[3] - 'a' + 'A');
			w = snprintf(buf + used, len - used, "%s%s %s", used ? "  " : " ",
				     best, _(op->help));
			if (w < 0 || used + (size_t)w >= len)
				return;
			used += (size_t)w;
		}
	}
}

void ui_draw_status(struct app *app, WINDOW *win)
{
	struct ui *ui = app->ui;
	attr_t bar = theme_attr(&ui->theme, TH_STATUS_BAR);
	enum theme_obj link_obj;
	const char *link = link_label(app->link, &link_obj);
	char right[128], left[512], fitted[512], clock[16];
	struct cal_time now;
	int room;

	cal_split(app_now(app), &now);
	snprintf(clock, sizeof clock, "%02d:%02d", now.hour, now.minute);
	/* TRANSLATORS: %d clerk actions wait in the outbox to be sent; then the time */
	snprintf(right, sizeof right, _(" %d queued \u2502 %s "), app->queued, clock);

	wbkgdset(win, ' ' | bar);
	werase(win);
	if (app->msg[0])
		snprintf(left, sizeof left, " %s", app->msg);
	else
		key_hints(ui, left, sizeof left);

	room = getmaxx(win) - text_width(right) - text_width(link) - 2;
	text_fit(fitted, sizeof fitted, left, room > 0 ? room : 0, ui->ellipsis, 0);
	wattrset(win, app->msg[0] && app->msg_kind == MSG_ERROR ?
		 theme_attr(&ui->theme, TH_STATUS_ERROR) : bar);
	mvwaddstr(win, 0, 0, fitted);
	put_right(win, right, bar);
	wattrset(win, theme_attr(&ui->theme, link_obj));
	mvwaddstr(win, 0, getmaxx(win) - text_width(right) - text_width(link) - 1, link);
}
