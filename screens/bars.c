#include "config.h"

#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
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
	char title[128], raw[512], line[512];

	ui->screen->title(app, title, sizeof title);
	wbkgdset(win, ' ' | bar);
	werase(win);
	wattrset(win, bar);
	/* a title may quote the server (a dossier's code): fitted, made safe */
	snprintf(raw, sizeof raw, " motcua \u2502 %s", title);
	text_fit(line, sizeof line, raw, getmaxx(win), ui->ellipsis, 0);
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

/* How old the inbox is: a clerk on a flaky link must know whether what
 * she sees is current. */
static void data_age(const struct app *app, char *buf, size_t len)
{
	int64_t s = app->data_time ? app_now(app) - app->data_time : -1;

	if (app->loading)
		snprintf(buf, len, "%s", _("syncing"));
	else if (s < 0)
		snprintf(buf, len, "%s", _("no data"));
	else if (s < 60)
		snprintf(buf, len, "%s", _("data now"));
	else if (s < 3600)
		snprintf(buf, len, _("data %lld min"), (long long)(s / 60));
	else if (s < 86400)
		snprintf(buf, len, _("data %lld h"), (long long)(s / 3600));
	else
		snprintf(buf, len, _("data %lld d"), (long long)(s / 86400));
}

/* The shortest key that runs op on the top screen, as a hint reads it
 * ("q", "Enter", "^R"); false if none does. */
static bool hint_key(struct ui *ui, const char *op, char *best, size_t len)
{
	char keys[128], *k, *save = NULL;
	size_t n;

	best[0] = '\0';
	if (!km_keys_in(ui->km, ui->screen->context, op, keys, sizeof keys))
		return false;
	for (k = strtok_r(keys, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		while (*k == ' ')
			k++;
		if (!best[0] || strlen(k) < strlen(best))
			snprintf(best, len, "%s", k);
	}
	if (!strncmp(best, "<C-", 3) && strlen(best) == 5) {
		best[0] = '^';
		best[1] = (char)(best[3] - 'a' + 'A');
		best[2] = '\0';
	} else if (best[0] == '<' && (n = strlen(best)) > 2) {
		/* <Enter> reads Enter */
		memmove(best, best + 1, n - 2);
		best[n - 2] = '\0';
	}
	return true;
}

/* "Enter Open  ^R Refresh  q Quit  ? Help": the top screen's most useful
 * operations, as many as fit room columns, then help, which lists the
 * rest; keys from the keymap, so hints follow the clerk's own bindings. */
static void key_hints(struct ui *ui, char *buf, size_t len, int room)
{
	const char *const *names = ui->screen->hints;
	char key[32], help[96] = "";
	size_t used = 0;

	buf[0] = '\0';
	if (hint_key(ui, "help", key, sizeof key))
		snprintf(help, sizeof help, "%s %s", key, _(screen_op(ui->screen, "help")->help));
	room -= text_width(help) + 1;
	for (; names && *names; names++) {
		const struct op_def *op = screen_op(ui->screen, *names);
		char item[128];

		if (!op || !hint_key(ui, op->name, key, sizeof key))
			continue;
		snprintf(item, sizeof item, " %s %s ", key, _(op->help));
		if (text_width(buf) + text_width(item) > room || used + strlen(item) >= len)
			break;
		used += (size_t)snprintf(buf + used, len - used, "%s", item);
	}
	if (help[0])
		snprintf(buf + used, len - used, " %s", help);
}

/* A login or lock screen is open: what lies under it stays hidden. */
static bool covered(const struct ui *ui)
{
	for (size_t i = 0; i < ui->nunder; i++)
		if (ui->under[i]->covers)
			return true;
	return ui->screen->covers;
}

void ui_draw_status(struct app *app, WINDOW *win)
{
	struct ui *ui = app->ui;
	attr_t bar = theme_attr(&ui->theme, TH_STATUS_BAR);
	enum theme_obj link_obj;
	const char *link = link_label(app->link, &link_obj);
	char slow[64], right[160], left[512], fitted[512], clock[WHEN_LEN], age[48];
	int room;

	when_clock(app_now(app), clock, sizeof clock);
	data_age(app, age, sizeof age);
	if (app->link == LINK_SLOW && app->rtt_ms > 0) {
		/* TRANSLATORS: the link is slow; the time a reply takes to start */
		snprintf(slow, sizeof slow, _("slow link %.1f s"), app->rtt_ms / 1000.0);
		link = slow;
	}
	if (app->queued)
		/* TRANSLATORS: %d clerk actions wait in the outbox to be sent; then
		 * the data's age ("data 5 min", "syncing"); then the time */
		snprintf(right, sizeof right, _(" %d queued \u2502 %s \u2502 %s "), app->queued, age, clock);
	else
		snprintf(right, sizeof right, " %s \u2502 %s ", age, clock);

	wbkgdset(win, ' ' | bar);
	werase(win);
	room = getmaxx(win) - text_width(right) - text_width(link) - 2;
	if (app->msg[0] && !covered(ui))
		snprintf(left, sizeof left, " %s", app->msg);
	else
		key_hints(ui, left, sizeof left, room);

	text_fit(fitted, sizeof fitted, left, room > 0 ? room : 0, ui->ellipsis, 0);
	wattrset(win, app->msg[0] && !covered(ui) && app->msg_kind == MSG_ERROR ?
		 theme_attr(&ui->theme, TH_STATUS_ERROR) : bar);
	mvwaddstr(win, 0, 0, fitted);
	put_right(win, right, bar);
	wattrset(win, theme_attr(&ui->theme, link_obj));
	mvwaddstr(win, 0, getmaxx(win) - text_width(right) - text_width(link) - 1, link);
}
