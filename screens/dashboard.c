#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/when.h"
#include "dashboard.h"
#include "prompt.h"

/* The desk dashboard: the indicators of desk/stats.h for a period, every
 * figure in words, with terminal charts beside them (dashboard_charts.c:
 * received and resolved per day as bars, the on-time rate per week as a
 * sparkline, the open dossiers' deadline bands as a stacked bar), the star
 * rating, and the server's own figures when the profile can fetch them. A
 * leader sees each clerk or each procedure too (b). */


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
	/* The counts, made again only when the period, the grouping or the
	 * dossiers change: scrolling does not query the store. */
	bool counted;
	unsigned gen;			/* app->dossiers_gen they were made at */
	int count_rc;
	struct err count_err;
	struct stats days, groups;	/* by day (the charts), by d->by */
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
	stats_free(&d->days);
	stats_free(&d->groups);
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
			 when_date(d->to - CAL_DAY_SECS, b, sizeof b));
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
	d->asked = session_server_stats(app, from, to - CAL_DAY_SECS, on_server, NULL);
}

unsigned dashboard_open(struct app *app)
{
	struct dash *d = dash_state(app);

	if (app->ui->screen == &screen_dashboard)
		return RD_NONE;
	if (!d->period && !d->by)
		d->period = STATS_MONTH;
	d->p.top = 0;
	d->counted = false;
	fetch_server(app, d);
	return ui_push(app, &screen_dashboard);
}

static unsigned op_period(struct app *app)
{
	struct dash *d = dash_state(app);

	d->period = d->period + 1 >= STATS_PERIODS ? STATS_TODAY : d->period + 1;
	d->p.top = 0;
	d->counted = false;
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
	*to = cal_join(y.year, y.month, y.day, 0, 0, 0) + CAL_DAY_SECS;
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
		d->counted = false;
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
	d->counted = false;
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
		 when_date(s->to - CAL_DAY_SECS, d2, sizeof d2));
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
	/* the provinces' fourth criterion: no API nor the store carries it */
	pager_newline(p);
	pager_wrap(p, 2, A_NORMAL,
		   _("Satisfaction —: neither the store nor the server has a figure; no star lost"));
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

/* Count the period's dossiers, unless nothing changed since the last time. */
static void count(struct app *app, struct dash *d)
{
	int64_t now = app_now(app), from, to;

	if (d->counted && d->gen == app->dossiers_gen)
		return;
	stats_free(&d->days);
	stats_free(&d->groups);
	period_bounds(d, now, &from, &to);
	stats_init(&d->days, app->cal, from, to, now, STATS_BY_DAY);
	stats_init(&d->groups, app->cal, from, to, now, d->by);
	d->count_rc = session_stats(app, &d->days, &d->count_err);
	if (d->count_rc == 0 && d->by != STATS_BY_NONE)
		d->count_rc = session_stats(app, &d->groups, &d->count_err);
	d->counted = true;
	d->gen = app->dossiers_gen;
}

static void dash_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct dash *d = dash_state(app);
	struct pager *p = &d->p;
	bool utf8 = dash_blocks();

	(void)flags;
	count(app, d);
	pager_begin(p, win);
	if (d->count_rc < 0) {
		pager_newline(p);
		pager_wrap(p, 0, theme_attr(&app->ui->theme, TH_STATUS_ERROR), d->count_err.msg);
	} else {
		figures(app, p, &d->days);
		dash_band_bar(app, p, &d->days.all, utf8);
		stars_line(app, p, &d->days, &d->days.all, utf8);
		server_line(app, p, d, &d->days);
		if (d->by != STATS_BY_NONE) {
			group_table(app, p, &d->groups);
		} else {
			dash_day_bars(app, p, &d->days, utf8);
			dash_week_sparkline(p, &d->days, utf8);
			dash_day_words(p, &d->days);
		}
	}
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
