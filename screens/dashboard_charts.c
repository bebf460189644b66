#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/when.h"
#include "dashboard.h"

/* The dashboard's charts. Each figure a chart shows is also written out
 * beside it, for a reader who would rather read, and for a screen reader. */

#define BAR_ROWS 4

bool dash_blocks(void)
{
	return !strcmp(nl_langinfo(CODESET), "UTF-8") && strncmp(termname(), "vt", 2);
}

/* A cell of a bar chart's row: full, its series' own glyph (received and
 * resolved differ by glyph, not by colour alone); part of a row, eighth
 * blocks on UTF-8, else ':' for at least half of one. level: eighths in
 * this row. */
static const char *bar_cell(bool utf8, int level, const char *full)
{
	static const char *const eighth[8] = {
		" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587",
	};

	if (level <= 0)
		return " ";
	if (level >= 8)
		return full;
	if (utf8)
		return eighth[level];
	return level >= 4 ? ":" : " ";
}

static int by_key(const void *key, const void *fig)
{
	return strcmp(key, ((const struct stats_fig *)fig)->key);
}

/* The day's group of a by-day count, or NULL. */
static const struct stats_fig *day_fig(const struct stats *s, int64_t day)
{
	char key[WHEN_LEN];

	when_iso_date(day, key, sizeof key);
	return s->ngroups ? bsearch(key, s->groups, s->ngroups, sizeof *s->groups, by_key) : NULL;
}

void dash_day_words(struct pager *p, const struct stats *days)
{
	struct sb words = { 0 };

	for (size_t i = 0; i < days->ngroups; i++) {
		const struct stats_fig *f = &days->groups[i];

		/* the groups are the period's days, YYYY-MM-DD, in order */
		if ((f->received || f->resolved) && strlen(f->key) == 10)
			sb_printf(&words, "%s%.2s/%.2s %ld/%ld", words.len ? ", " : "", f->key + 8,
				  f->key + 5, f->received, f->resolved);
	}
	pager_newline(p);
	pager_add(p, A_BOLD, _("Per day, received/resolved:"));
	pager_add(p, A_NORMAL, " ");
	pager_wrap(p, 2, A_NORMAL, words.len ? sb_str(&words) : _("none"));
	sb_free(&words);
}

/* Received and resolved per day as pairs of bars (resolved in the deadline
 * colour and its own glyph); periods longer than the width put several days in a bar. */
void dash_day_bars(struct app *app, struct pager *p, const struct stats *days, bool utf8)
{
	int ndays = (int)((days->to - days->from) / CAL_DAY_SECS), per, nbars, i, row;
	long rec[200] = { 0 }, res[200] = { 0 }, max = 0;
	char first[WHEN_LEN], last[WHEN_LEN], title[256];
	const char *rec_full = utf8 ? "\u2588" : "#", *res_full = utf8 ? "\u2592" : "=";
	attr_t ok = theme_attr(&app->ui->theme, TH_DEADLINE_OK);

	nbars = (p->width - 2) / 2;
	if (nbars > 200)
		nbars = 200;
	per = (ndays + nbars - 1) / nbars;
	nbars = (ndays + per - 1) / per;
	for (i = 0; i < ndays; i++) {
		const struct stats_fig *f = day_fig(days, days->from + (int64_t)i * CAL_DAY_SECS);

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
			 rec_full, res_full, max);
	else
		snprintf(title, sizeof title, _("Received %s and resolved %s per %d days, %ld at most"),
			 rec_full, res_full, per, max);
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

			pager_add(p, A_NORMAL, bar_cell(utf8, a, rec_full));
			pager_add(p, ok, bar_cell(utf8, b, res_full));
		}
	}
	pager_newline(p);
	pager_tab(p, 2);
	pager_add(p, A_NORMAL, when_date(days->from, first, sizeof first));
	when_date(days->to - CAL_DAY_SECS, last, sizeof last);
	if (2 + nbars * 2 - text_width(last) > pager_col(p) + 1)
		pager_tab(p, 2 + nbars * 2 - text_width(last));
	else
		pager_add(p, A_NORMAL, " ");
	pager_add(p, A_NORMAL, last);
}

/* The on-time rate of each week (Monday to Sunday) of the period, as a
 * sparkline and in words. */
void dash_week_sparkline(struct pager *p, const struct stats *days, bool utf8)
{
	static const char *const spark[8] = {
		"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
	};
	static const char ascii[] = "_.-~=+*#";
	int64_t week, wend;
	struct cal_time t;
	struct sb line = { 0 }, words = { 0 };

	cal_split(days->from, &t);
	week = days->from - (int64_t)((t.wday + 6) % 7) * CAL_DAY_SECS;
	for (; week < days->to; week = wend) {
		long good = 0, all = 0;
		char pc[32], day[WHEN_LEN];

		wend = week + 7 * CAL_DAY_SECS;
		for (int64_t dd = week; dd < wend; dd += CAL_DAY_SECS) {
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
void dash_band_bar(struct app *app, struct pager *p, const struct stats_fig *f, bool utf8)
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
