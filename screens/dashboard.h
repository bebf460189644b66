/* The dashboard's charts (dashboard_charts.c), drawn into its pager. */
#ifndef MOTCUA_DASHBOARD_H
#define MOTCUA_DASHBOARD_H

#include <stdbool.h>

#include "desk/stats.h"
#include "pager.h"
#include "ui.h"

/* Block characters can be drawn: a UTF-8 locale and not a DEC VT
 * terminal (vt100 has no such glyphs); else the charts are ASCII. */
bool dash_blocks(void);
/* Received and resolved per day (of a by-day count) as pairs of bars. */
void dash_day_bars(struct app *app, struct pager *p, const struct stats *days, bool utf8);
/* The bars' figures in words: each day with something received or
 * resolved, "06/10 2/0". */
void dash_day_words(struct pager *p, const struct stats *days);
/* The on-time rate of each week of the period, a sparkline and words. */
void dash_week_sparkline(struct pager *p, const struct stats *days, bool utf8);
/* The open dossiers by deadline band, in words and as a stacked bar. */
void dash_band_bar(struct app *app, struct pager *p, const struct stats_fig *f, bool utf8);

#endif
