#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/when.h"
#include "desk/stats.h"
#include "prompt.h"
#include "ui.h"

/* The desk dashboard: the indicators of desk/stats.h for a period, every
 * figure in words, with terminal charts beside them (received and resolved
 * per day as bars, the on-time rate per week as a sparkline, the open
 * dossiers' deadline bands as a stacked bar), the star rating, and the
 * server's own figures when the profile can fetch them. A leader sees each
 * clerk or each procedure too (b). Unicode blocks on UTF-8 terminals,
 * ASCII on others and on DEC VT terminals (vt100 has no such glyphs). */

#define BAR_ROWS 4
#define DAY_SECS 86400

struct dash {
	struct pager p;
	enum stats_period period;	/* STATS_PERIODS: from .. to below */
	int64_t from, to;		/* a period the clerk typed */
	bool asking;			/* for that period */
	struct prompt range;
	enum stats_by by;		/* NONE, CLERK or PROCEDURE */
	struct record *server;		/* the server's figures, NULL if none */
	int64_t server_from;		/* the period they are for */
	char server_note[256];		/* why there are none, or "" */
	unsigned asked;			/* a fetch under way, for this period */
};

static struct dash *dash_state(struct app *app)
{
	return ui_state(app, &screen_dashboard);
}

static void drop_server(struct dash *d)
{
	if (d->server) {
		record_free(d->server);
		free(d->server);
		d->server = NULL;
	}
	d->server_note[0] = '\0';
}

static void dash_free(struct app *app, void *state)
{
	struct dash *d = state;

	(void)app;
	drop_server(d);
	pager_free(&d->p);
}

static void period_bounds(const struct dash *d, int64_t now, int64_t *from, int64_t *to)
{
	if (d->period == STATS_PERIODS) {
		*from = d->from;
		*to = d->to;
	} else {
		stats_period(d->period, now, from, to);
	}
}

/* "this month", or the typed period's days. */
static void period_name(const struct dash *d, char *buf, size_t len)
{
	char a[WHEN_LEN], b[WHEN_LEN];

	if (d->period == STATS_PERIODS)
		snprintf(buf, len, _("%s to %s"), when_date(d->from, a, sizeof a),
			 when_date(d->to - DAY_SECS, b, sizeof b));
	else
		snprintf(buf, len, "%s", stats_period_name(d->period));
}

static void on_server(struct app *app, struct record *rec, const struct api_result *r, void *arg)
{
	struct dash *d;

	(void)arg;
	if (!app->ui || !(d = dash_state(app))) {
		if (rec) {
			record_free(rec);
			free(rec);
		}
		return;
	}
	d->asked = 0;
	drop_server(d);
	d->server = rec;
	if (!rec && r->fail != API_E_UNSUPPORTED)
		snprintf(d->server_note, sizeof d->server_note, "%.200s", r->e.msg);
	app->redraw |= RD_BODY;
}

/* Ask the server for the period's figures (the profile may have none). */
static void fetch_server(struct app *app, struct dash *d)
{
	int64_t from, to;

	period_bounds(d, app_now(app), &from, &to);
	drop_server(d);
	d->server_from = from;
	d->asked = session_server_stats(app, from, to - DAY_SECS, on_server, NULL);
}

unsigned dashboard_open(struct app *app)
{
	struct dash *d = dash_state(app);

	if (app->ui->screen == &screen_dashboard)
		return RD_NONE;
	if (!d->period && !d->by)
		d->period = STATS_MONTH;
	d->p.top = 0;
	fetch_server(app, d);
	return ui_push(app, &screen_dashboard);
}

static unsigned op_period(struct app *app)
{
	struct dash *d = dash_state(app);

	d->period = d->period + 1 >= STATS_PERIODS ? STATS_TODAY : d->period + 1;
	d->p.top = 0;
	fetch_server(app, d);
	return RD_BODY | RD_TITLE;
}

static unsigned op_range(struct app *app)
{
	struct dash *d = dash_state(app);

	prompt_clear(&d->range);
	d->asking = true;
	return RD_BODY;
}

/* "dd/mm/yyyy dd/mm/yyyy", the first day and the last, as typed dates. */
static int parse_range(const char *text, int64_t *from, int64_t *to, struct err *e)
{
	char a[64], b[64];
	struct ident_date x, y;

	if (sscanf(text, "%63s %63s", a, b) != 2)
		return err_set(e, "%s", _("type the first and the last day, e.g. 01/09/2025 30/09/2025"));
	if (ident_date_parse(a, &x, e) < 0 || ident_date_parse(b, &y, e) < 0)
		return -1;
	*from = cal_join(x.year, x.month, x.day, 0, 0, 0);
	*to = cal_join(y.year, y.month, y.day, 0, 0, 0) + DAY_SECS;
	if (*to <= *from)
		return err_set(e, "%s", _("the last day comes before the first"));
	return 0;
}

static bool dash_key(struct app *app, km_key key)
{
	struct dash *d = dash_state(app);
	struct err e;

	if (!d->asking)
		return false;
	switch (prompt_key(&d->range, key)) {
	case PROMPT_IGNORED:
		return false;
	case PROMPT_ACCEPTED:
		if (parse_range(d->range.text, &d->from, &d->to, &e) < 0) {
			app_message(app, MSG_ERROR, "%s", e.msg);
			app->redraw |= RD_STATUS;
			return true;
		}
		d->asking = false;
		d->period = STATS_PERIODS;
		d->p.top = 0;
		fetch_server(app, d);
		app->redraw |= RD_TITLE;
		break;
	case PROMPT_CANCELLED:
		d->asking = false;
		break;
	default:
		break;
	}
	app->redraw |= RD_BODY;
	return true;
}

static unsigned op_by(struct app *app)
{
	struct dash *d = dash_state(app);

	d->by = d->by == STATS_BY_NONE ? STATS_BY_CLERK :
		d->by == STATS_BY_CLERK ? STATS_BY_PROCEDURE : STATS_BY_NONE;
	d->p.top = 0;
	return RD_BODY;
}

static const struct op_def dash_ops[] = {
	OP("dashboard-period", N_("Next period: today, this week, month, quarter, year"), op_period, "p"),
	OP("dashboard-by", N_("Each clerk, each procedure, or the desk alone"), op_by, "b"),
	OP("dashboard-range", N_("A period from one day to another"), op_range, "r"),
	PAGER_OPS,
	OP_END,
};

static const char *const dash_hints[] = { "dashboard-period", "dashboard-range", "dashboard-by",
					    "view-close", NULL };

static void dash_title(struct app *app, char *buf, size_t len)
{
	char name[128];

	period_name(dash_state(app), name, sizeof name);
	snprintf(buf, len, _("Dashboard: %s"), name);
}

/* ---- charts ---------------------------------------------------------- */

static bool blocks(void)
{
	return !strcmp(nl_langinfo(CODESET), "UTF-8") && strncmp(termname(), "vt", 2);
}

/* A cell of a bar chart's row: eighth blocks on UTF-8, else '#' for a
 * full row and ':' for at least half of one. level: eighths in this row. */
static const char *bar_cell(bool utf8, int level, const char *ascii)
{
	static const char *const eighth[9] = {
		" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};

	if (level <= 0)
		return " ";
	if (utf8)
		return eighth[level > 8 ? 8 : level];
	return level >= 8 ? ascii : level >= 4 ? ":" : " ";
}

/* The day's group of a by-day stats, or NULL. */
static const struct stats_fig *day_fig(const struct stats *s, int64_t day)
{
	char key[WHEN_LEN];

	when_iso_date(day, key, sizeof key);
	for (size_t i = 0; i < s->ngroups; i++)
		if (!strcmp(s->groups[i].key, key))
			return &s->groups[i];
	return NULL;
}

/* Received and resolved per day as pairs of bars (resolved in the deadline
 * colour); periods longer than the width put several days in a bar. */
static void day_bars(struct app *app, struct pager *p, const struct stats *days, bool utf8)
{
	int ndays = (int)((days->to - days->from) / DAY_SECS), per, nbars, i, row;
	long rec[200] = { 0 }, res[200] = { 0 }, max = 0;
	char first[WHEN_LEN], last[WHEN_LEN], title[256];
	attr_t ok = theme_attr(&app->ui->theme, TH_DEADLINE_OK);

	nbars = (p->width - 2) / 2;
	if (nbars > 200)
		nbars = 200;
	per = (ndays + nbars - 1) / nbars;
	nbars = (ndays + per - 1) / per;
	for (i = 0; i < ndays; i++) {
		const struct stats_fig *f = day_fig(days, days->from + (int64_t)i * DAY_SECS);

		if (f) {
			rec[i / per] += f->received;
			res[i / per] += f->resolved;
		}
	}
	for (i = 0; i < nbars; i++) {
		max = rec[i] > max ? rec[i] : max;
		max = res[i] > max ? res[i] : max;
	}
	if (per == 1)
		snprintf(title, sizeof title, _("Received %s and resolved %s per day, %ld at most"),
			 utf8 ? "\u2588" : "#", utf8 ? "\u2588" : "=", max);
	else
		snprintf(title, sizeof title, _("Received %s and resolved %s per %d days, %ld at most"),
			 utf8 ? "\u2588" : "#", utf8 ? "\u2588" : "=", per, max);
	pager_newline(p);
	pager_newline(p);
	pager_wrap(p, 2, A_BOLD, title);
	for (row = BAR_ROWS - 1; row >= 0; row--) {
		pager_newline(p);
		pager_tab(p, 2);
		for (i = 0; i < nbars; i++) {
			/* eighths of this row filled by each value */
			int a = max ? (int)(rec[i] * BAR_ROWS * 8 / max) - row * 8 : 0;
			int b = max ? (int)(res[i] * BAR_ROWS * 8 / max) - row * 8 : 0;

			pager_add(p, A_NORMAL, bar_cell(utf8, a, "#"));
			pager_add(p, ok, bar_cell(utf8, b, "="));
		}
	}
	pager_newline(p);
	pager_tab(p, 2);
	pager_add(p, A_NORMAL, when_date(days->from, first, sizeof first));
	when_date(days->to - DAY_SECS, last, sizeof last);
	if (2 + nbars * 2 - text_width(last) > pager_col(p) + 1)
		pager_tab(p, 2 + nbars * 2 - text_width(last));
	else
		pager_add(p, A_NORMAL, " ");
	pager_add(p, A_NORMAL, last);
}

/* The on-time rate of each week (Monday to Sunday) of the period, as a
 * sparkline and in words. */
static void week_sparkline(struct pager *p, const struct stats *days, bool utf8)
{
	static const char *const spark[8] = {
		"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};
	static const char ascii[] = "_.-~=+*#";
	int64_t week, wend;
	struct cal_time t;
	struct sb line = { 0 }, words = { 0 };

	cal_split(days->from, &t);
	week = days->from - (int64_t)((t.wday + 6) % 7) * DAY_SECS;
	for (; week < days->to; week = wend) {
		long good = 0, all = 0;
		char pc[32], day[WHEN_LEN];

		wend = week + 7 * DAY_SECS;
		for (int64_t dd = week; dd < wend; dd += DAY_SECS) {
			const struct stats_fig *f = day_fig(days, dd);

			if (f) {
				good += f->early + f->on_time;
				all += f->resolved;
			}
		}
		if (!all)
			sb_puts(&line, " ");
		else if (utf8)
			sb_puts(&line, spark[good * 7 / all]);
		else
			sb_addc(&line, ascii[good * 7 / all]);
		when_day_month_time(week, day, sizeof day);
		day[5] = '\0';	/* the day and month of the Monday */
		sb_printf(&words, "%s%s %s", words.len ? ", " : "", day,
			  stats_percent(good, all, pc, sizeof pc));
	}
	pager_newline(p);
	pager_add(p, A_BOLD, _("On-time rate per week"));
	pager_add(p, A_NORMAL, " ");
	pager_add(p, A_NORMAL, sb_str(&line));
	pager_add(p, A_NORMAL, " ");
	pager_wrap(p, 2, A_NORMAL, sb_str(&words));
	sb_free(&line);
	sb_free(&words);
}

/* The open dossiers by deadline band in words, then as one stacked bar. */
static void band_bar(struct app *app, struct pager *p, const struct stats_fig *f, bool utf8)
{
	static const int th[BAND_NONE] = {
		TH_DEADLINE_OVERDUE, TH_DEADLINE_TODAY, TH_DEADLINE_APOLOGY, TH_DEADLINE_SOON,
		TH_DEADLINE_OK,
	};
	static const char *const glyph[BAND_NONE] = {
		"\u2588", "\u2593", "\u2592", "\u2591", "\u00b7",
	};
	static const char *const ascii[BAND_NONE] = { "#", "=", "+", "-", "." };
	const char *const *g = utf8 ? glyph : ascii;
	int width = p->width - 4, used = 0;
	char words[512];

	snprintf(words, sizeof words,
		 _("Open now %ld: %s overdue %ld, %s today %ld, %s apology %ld, %s soon %ld, %s in time %ld"),
		 f->open, g[0], f->bands[BAND_OVERDUE], g[1], f->bands[BAND_TODAY], g[2],
		 f->bands[BAND_APOLOGY], g[3], f->bands[BAND_SOON], g[4], f->bands[BAND_OK]);
	pager_newline(p);
	pager_wrap(p, 2, A_NORMAL, words);
	if (!f->open)
		return;
	pager_newline(p);
	pager_tab(p, 2);
	for (int b = 0; b < BAND_NONE; b++) {
		/* the remainder goes to the last band */
		int n = b == BAND_NONE - 1 ? width - used : (int)(f->bands[b] * width / f->open);

		for (int i = 0; i < n; i++)
			pager_add(p, theme_attr(&app->ui->theme, th[b]), g[b]);
		used += n;
	}
}

/* ---- figures --------------------------------------------------------- */

/* "On-time rate 91.3 %: 42 of 46 resolved in the period (result ready
 * at the desk)"; "—" for a ratio of nothing. */
static void ratio_line(struct pager *p, const char *label, const struct stats_ratio *r)
{
	char pc[32], line[512];

	stats_percent(r->num, r->den, pc, sizeof pc);
	/* TRANSLATORS: "On-time rate 91.3 %: 42 of 46 resolved in the
	 * period (result ready at the desk)" */
	snprintf(line, sizeof line, _("%s %s: %ld of %ld %s"), label, pc, r->num, r->den, _(r->den_is));
	pager_newline(p);
	pager_wrap(p, 2, A_NORMAL, line);
}

static void figures(struct app *app, struct pager *p, const struct stats *s)
{
	const struct stats_fig *f = &s->all;
	struct stats_ratio r[STATS_RATIOS];
	char line[512], d1[WHEN_LEN], d2[WHEN_LEN];
	double avg;

	stats_ratios(f, r);
	snprintf(line, sizeof line, _("%s to %s, from the local store"), when_date(s->from, d1, sizeof d1),
		 when_date(s->to - DAY_SECS, d2, sizeof d2));
	pager_newline(p);
	pager_wrap(p, 0, theme_attr(&app->ui->theme, TH_EMPTY_HINT), line);
	snprintf(line, sizeof line, _("Received %ld (at the desk %ld, online %ld, by post %ld); resolved %ld (early %ld, on time %ld, late %ld)"),
		 f->received, f->channel[0], f->channel[1], f->channel[2], f->resolved, f->early,
		 f->on_time, f->late);
	pager_newline(p);
	pager_wrap(p, 2, A_NORMAL, line);
	ratio_line(p, _("On-time rate"), &r[STATS_ON_TIME_RATE]);
	ratio_line(p, _("Online share"), &r[STATS_ONLINE_SHARE]);
	if (stats_avg_days(s, f, &avg))
		snprintf(line, sizeof line, _("Average processing time %.2f working days, over %ld resolved"), avg,
			 f->resolved);
	else
		snprintf(line, sizeof line, "%s", _("Average processing time —: nothing resolved in the period"));
	pager_newline(p);
	pager_wrap(p, 2, A_NORMAL, line);
	snprintf(line, sizeof line, _("Refused %ld, withdrawn %ld, stopped %ld; supplement rounds %ld, apology letters %ld"),
		 f->refused, f->withdrawn, f->stopped, f->supplements, f->apologies);
	pager_newline(p);
	pager_wrap(p, 2, A_NORMAL, line);
}

/* "★★★★☆ 4 of 5: the online share costs a star" (ASCII: "****-"). */
static void stars_line(struct app *app, struct pager *p, const struct stats *s,
		       const struct stats_fig *f, bool utf8)
{
	struct stats_stars_conf c = {
		app->conf.stars_on_time, app->conf.stars_online, app->conf.stars_average_days,
	};
	struct sb line = { 0 };
	unsigned missed;
	int n = stats_stars(s, f, &c, &missed);

	for (int i = 0; i < 5; i++)
		sb_puts(&line, i < n ? (utf8 ? "\u2605" : "*") : (utf8 ? "\u2606" : "-"));
	sb_printf(&line, _(" %d of 5 stars"), n);
	if (missed)
		sb_puts(&line, _("; a star lost for each of:"));
	for (unsigned b = 1; b <= STATS_CRIT_AVG_DAYS; b <<= 1)
		if (missed & b)
			sb_printf(&line, " %s%s", stats_crit_name(b), missed >= b << 1 ? "," : "");
	pager_newline(p);
	pager_wrap(p, 2, A_BOLD, sb_str(&line));
	sb_free(&line);
}

static void server_line(struct app *app, struct pager *p, const struct dash *d, const struct stats *s)
{
	attr_t dim = theme_attr(&app->ui->theme, TH_EMPTY_HINT);
	char diff[1024], line[1200];

	if (d->server || d->asked || d->server_note[0])
		pager_newline(p);
	if (d->server) {
		if (stats_compare(s, d->server, diff, sizeof diff)) {
			snprintf(line, sizeof line, _("The server counts differently: %s"), diff);
			pager_wrap(p, 2, theme_attr(&app->ui->theme, TH_STATUS_ERROR), line);
		} else {
			pager_wrap(p, 2, dim, _("The server's own figures are the same."));
		}
	} else if (d->asked) {
		pager_wrap(p, 2, dim, _("Asking the server for its own figures..."));
	} else if (d->server_note[0]) {
		snprintf(line, sizeof line, _("The server's figures are not available: %s"), d->server_note);
		pager_wrap(p, 2, dim, line);
	}
}

/* A leader's table: one row per clerk or procedure. */
static void group_table(struct app *app, struct pager *p, const struct stats *s)
{
	attr_t head = theme_attr(&app->ui->theme, TH_LIST_HEADER);
	int name_w = p->width - 44;

	pager_heading(p, A_BOLD, s->by == STATS_BY_CLERK ? _("Each clerk") : _("Each procedure"),
		      (int)s->ngroups);
	pager_newline(p);
	pager_addf(p, head, "%-*s%7s%7s%8s%8s%7s%7s", name_w, "", _("recv"), _("done"), _("on time"),
		   _("online"), _("days"), _("open"));
	for (size_t i = 0; i < s->ngroups; i++) {
		const struct stats_fig *f = &s->groups[i];
		char name[256], on[32], online[32], avg_s[32];
		double avg;

		text_fit(name, sizeof name, f->name ? f->name : *f->key ? f->key : _("(nobody)"), name_w - 1,
			 app->ui->ellipsis, 1);
		if (stats_avg_days(s, f, &avg))
			snprintf(avg_s, sizeof avg_s, "%.1f", avg);
		else
			snprintf(avg_s, sizeof avg_s, "—");
		pager_newline(p);
		pager_add(p, A_NORMAL, name);
		pager_tab(p, name_w);
		pager_addf(p, A_NORMAL, "%7ld%7ld%8s%8s%7s%7ld", f->received, f->resolved,
			   stats_percent(f->early + f->on_time, f->resolved, on, sizeof on),
			   stats_percent(f->channel[CH_ONLINE - 1], f->received, online, sizeof online),
			   avg_s, f->open);
	}
}

static void dash_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct dash *d = dash_state(app);
	struct pager *p = &d->p;
	int64_t now = app_now(app), from, to;
	struct stats days, groups;
	bool utf8 = blocks();
	struct err e;

	(void)flags;
	period_bounds(d, now, &from, &to);
	pager_begin(p, win);
	stats_init(&days, app->cal, from, to, now, STATS_BY_DAY);
	stats_init(&groups, app->cal, from, to, now, d->by);
	if (session_stats(app, &days, &e) < 0 ||
	    (d->by != STATS_BY_NONE && session_stats(app, &groups, &e) < 0)) {
		pager_newline(p);
		pager_wrap(p, 0, theme_attr(&app->ui->theme, TH_STATUS_ERROR), e.msg);
	} else {
		figures(app, p, &days);
		band_bar(app, p, &days.all, utf8);
		stars_line(app, p, &days, &days.all, utf8);
		server_line(app, p, d, &days);
		if (d->by != STATS_BY_NONE) {
			group_table(app, p, &groups);
		} else {
			day_bars(app, p, &days, utf8);
			week_sparkline(p, &days, utf8);
		}
	}
	stats_free(&days);
	stats_free(&groups);
	pager_draw(app, p, win);
	if (d->asking)
		prompt_draw(&d->range, win, getmaxy(win) - 1, 0, getmaxx(win),
			    _("From day to day (dd/mm/yyyy dd/mm/yyyy): "), app->ui->ellipsis, true);
}

static struct pager *dash_pager(struct app *app)
{
	return &dash_state(app)->p;
}

const struct screen screen_dashboard = {
	.context = "dashboard",
	.name = N_("Dashboard"),
	.ops = dash_ops,
	.generic_keys = ops_back_keys,
	.hints = dash_hints,
	.title = dash_title,
	.draw = dash_draw,
	.pager = dash_pager,
	.key = dash_key,
	.state_size = sizeof(struct dash),
	.state_free = dash_free,
};
