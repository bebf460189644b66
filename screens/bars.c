#include "config.h"

#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "macro.h"
#include "ui.h"

/* Write s on row y right-aligned so that it ends at the window's last
 * column; fitted, so a terminal that is not UTF-8 gets its stand-ins. */
static void put_right(WINDOW *win, int y, const char *s, attr_t attr)
{
	char shown[512];
	int w = text_fit(shown, sizeof shown, s, getmaxx(win), "", 0);

	wattrset(win, attr);
	mvwaddstr(win, y, getmaxx(win) - w, shown);
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
		put_right(win, 0, fitted, bar);
	} else {
		put_right(win, 0, _("not logged in "), bar);
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
	case LINK_CONNECTING:
		*obj = TH_LINK_SLOW;
		return _("connecting");
	case LINK_OFFLINE:
		*obj = TH_LINK_OFFLINE;
		return _("OFFLINE");
	case LINK_DOWN:
		*obj = TH_LINK_OFFLINE;
		/* TRANSLATORS: the server's machine answered that the service
		 * is not running (connection refused): not the link's fault */
		return _("SERVER DOWN");
	case LINK_BROKEN:
		*obj = TH_LINK_OFFLINE;
		/* TRANSLATORS: a bad server address or a failed secure connection
		 * (certificate): the message beside it says which */
		return _("CANNOT CONNECT");
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

	if (app->loading && app->sync_note[0])
		snprintf(buf, len, "%s", app->sync_note);
	else if (app->loading)
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

/* The right end of the status bar: the link state, then the input method
 * when it is on, a terminal that is not UTF-8 (its text is shown without
 * Vietnamese marks), the actions queued, the data's age and the clock. */
struct status_right {
	char text[240];
	char slow[64];		/* the link with a figure: its delay, the next try */
	const char *link;
	enum theme_obj link_obj;
};

static void status_right(struct app *app, struct status_right *r)
{
	char clock[WHEN_LEN], age[96], notes[48] = "", rest[192];
	const char *im = ui_ime_name(app);
	size_t n = 0;

	if (im)
		n = (size_t)snprintf(notes, sizeof notes, " %s \u2502", im);
	if (*app->ui->ellipsis == '~')
		/* TRANSLATORS: the status bar's note that the terminal is not UTF-8 */
		snprintf(notes + n, sizeof notes - n, " %.20s \u2502", _("no UTF-8"));
	r->link = link_label(app->link, &r->link_obj);
	when_clock(app_now(app), clock, sizeof clock);
	data_age(app, age, sizeof age);
	if (app->link == LINK_SLOW && app->rtt_ms > 0) {
		/* TRANSLATORS: the link is slow; the time a reply takes to start */
		snprintf(r->slow, sizeof r->slow, _("slow link %.1f s"), app->rtt_ms / 1000.0);
		r->link = r->slow;
	} else if ((app->link == LINK_OFFLINE || app->link == LINK_DOWN) && app->next_try) {
		long long in = app->next_try > app_now(app) ? (long long)(app->next_try - app_now(app)) : 0;

		snprintf(r->slow, sizeof r->slow, app->link == LINK_DOWN ?
			 /* TRANSLATORS: the server's service is not running
			  * (connection refused); the client tries again in
			  * %lld seconds (any key, or Ctrl-R, tries at once) */
			 _("SERVER DOWN, retry in %lld s") :
			 /* TRANSLATORS: the server cannot be reached; the client tries
			  * again in %lld seconds (any key, or Ctrl-R, tries at once) */
			 _("OFFLINE, retry in %lld s"), in);
		r->link = r->slow;
	}
	if (app->waiting)
		/* TRANSLATORS: %d clerk actions the server refused or found in
		 * conflict: the clerk must retry or discard them; then the
		 * actions still to send (maybe 0), the data's age, the time */
		snprintf(rest, sizeof rest, _(" %d to decide, %d queued \u2502 %s \u2502 %s "), app->waiting,
			 app->queued - app->waiting, age, clock);
	else if (app->queued)
		/* TRANSLATORS: %d clerk actions wait in the outbox to be sent; then
		 * the data's age ("data 5 min", "syncing"); then the time */
		snprintf(rest, sizeof rest, _(" %d queued \u2502 %s \u2502 %s "), app->queued, age, clock);
	else
		snprintf(rest, sizeof rest, " %s \u2502 %s ", age, clock);
	snprintf(r->text, sizeof r->text, "%s%s", notes, rest);
}

/* The message shown, NULL when none is (or a login or lock hides it): a
 * notice stays over the passing messages until it is mended. */
static const char *shown_message(struct app *app)
{
	const char *report = macro_report(app);

	if (covered(app->ui))
		return NULL;
	return report ? report : app->notice[0] ? app->notice : app->msg[0] ? app->msg : NULL;
}

/* Columns left of the right end for the message or the key hints. */
static int status_room(int cols, const struct status_right *r)
{
	return cols - text_width(r->text) - text_width(r->link) - 2;
}

/* A long message's rows: whole ones above, the last beside the right
 * end, at most STATUS_ROWS_MAX. Sets where each starts and its length;
 * returns how many. */
#define STATUS_ROWS_MAX 3

static int message_rows(const char *msg, int cols, int room, const char **at, size_t *len)
{
	int n = 0;

	while (n < STATUS_ROWS_MAX - 1 && text_width(msg) + 1 > room) {
		at[n] = msg;
		len[n] = text_wrap(msg, cols - 2);
		for (msg += len[n++]; *msg == ' '; msg++)
			;
	}
	at[n] = msg;
	len[n] = strlen(msg);
	return n + 1;
}

/* Over the ':' line: what Tab found, else the message. */
static const char *above_line(const struct app *app, const char *msg)
{
	return app->ui->cmdline.choices ? app->ui->cmdline.choices : msg;
}

int ui_status_rows(struct app *app, int cols)
{
	struct status_right r;
	const char *msg = shown_message(app), *at[STATUS_ROWS_MAX];
	size_t len[STATUS_ROWS_MAX];

	/* the ':' line takes the last row, what is above it the rows over it */
	if (app->ui->cmdline.active) {
		msg = above_line(app, msg);
		return msg ? message_rows(msg, cols, cols - 2, at, len) + 1 : 1;
	}
	if (!msg)
		return 1;
	status_right(app, &r);
	/* the clerk must read why, not a cut sentence: more rows */
	return message_rows(msg, cols, status_room(cols, &r), at, len);
}

void ui_draw_status(struct app *app, WINDOW *win)
{
	struct ui *ui = app->ui;
	attr_t bar = theme_attr(&ui->theme, TH_STATUS_BAR);
	const char *msg = shown_message(app), *at[STATUS_ROWS_MAX];
	/* a macro's report (not app->msg) says why it stopped: an error */
	attr_t look = msg && (app->msg_kind == MSG_ERROR || msg != app->msg) ?
		theme_attr(&ui->theme, TH_STATUS_ERROR) : bar;
	char left[1024], fitted[1024];
	struct status_right r;
	size_t len[STATUS_ROWS_MAX];
	int cols = getmaxx(win), last = getmaxy(win) - 1, room, n = 0;

	status_right(app, &r);
	room = status_room(cols, &r);
	wbkgdset(win, ' ' | bar);
	werase(win);
	if (ui->cmdline.active) {
		/* the message, or what Tab found, whole above the line */
		if (ui->cmdline.choices)
			look = bar;
		msg = above_line(app, msg);
		n = msg ? message_rows(msg, cols, cols - 2, at, len) : 0;
		for (int i = last > n ? 0 : n - last; i < n; i++) {
			snprintf(left, sizeof left, " %.*s", (int)len[i], at[i]);
			text_fit(fitted, sizeof fitted, left, cols, ui->ellipsis, 1);
			wattrset(win, look);
			mvwaddstr(win, last - n + i, 0, fitted);
		}
		wattrset(win, bar);
		cmdline_draw(app, win, last);
		return;
	}
	if (msg)
		n = message_rows(msg, cols, room, at, len);
	/* the rows the window has: the first ones whole, the last beside the
	 * link state */
	for (int i = 0; i < n - 1 && i < last; i++) {
		snprintf(left, sizeof left, " %.*s", (int)len[i], at[i]);
		text_fit(fitted, sizeof fitted, left, cols, ui->ellipsis, 1);
		wattrset(win, look);
		mvwaddstr(win, i, 0, fitted);
	}
	if (msg)
		snprintf(left, sizeof left, " %s", at[n - 1 < last ? n - 1 : last]);
	else if (!macro_status(app, left, sizeof left))
		key_hints(ui, left, sizeof left, room);
	text_fit(fitted, sizeof fitted, left, room > 0 ? room : 0, ui->ellipsis, 0);
	wattrset(win, msg ? look : bar);
	mvwaddstr(win, last, 0, fitted);
	put_right(win, last, r.text, bar);
	wattrset(win, theme_attr(&ui->theme, r.link_obj));
	mvwaddstr(win, last, cols - text_width(r.text) - text_width(r.link) - 1, r.link);
}

void ui_draw_question(struct app *app, WINDOW *win, const char *question)
{
	/* TRANSLATORS: the keys that answer a yes/no question: they stay y and n */
	const char *keys = _("y / n");
	int cols = getmaxx(win) - 1, kw = text_width(keys) + 2, y = getmaxy(win) - 1;
	char line[1024], fitted[1024 + 64];
	size_t n = text_wrap(question, cols - kw);
	const char *rest = question + n;

	if (*rest) {
		/* two rows: as much as fits on the first, the rest beside the keys */
		n = text_wrap(question, cols);
		snprintf(line, sizeof line, "%.*s", (int)n, question);
		text_fit(fitted, sizeof fitted, line, cols, app->ui->ellipsis, 1);
		wattrset(win, A_BOLD | A_REVERSE);
		mvwaddstr(win, y - 1, 0, fitted);
		for (rest = question + n; *rest == ' '; rest++)
			;
		question = rest;
	}
	text_fit(line, sizeof line, question, cols - kw, app->ui->ellipsis, 0);
	snprintf(fitted, sizeof fitted, "%s  %.40s", line, keys);
	text_fit(line, sizeof line, fitted, cols, "", 1);
	wattrset(win, A_BOLD | A_REVERSE);
	mvwaddstr(win, y, 0, line);
	wattrset(win, A_NORMAL);
}
