#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "pager.h"
#include "ui.h"

static void clear_lines(struct pager *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (int s = 0; s < p->lines[i].n; s++)
			free(p->lines[i].spans[s].text);
		free(p->lines[i].spans);
	}
	p->n = 0;
}

void pager_begin(struct pager *p, WINDOW *win)
{
	clear_lines(p);
	/* the last column is kept for the "more" marks */
	p->width = getmaxx(win) > 1 ? getmaxx(win) - 1 : 1;
	p->rows = getmaxy(win) > 0 ? getmaxy(win) : 1;
}

void pager_free(struct pager *p)
{
	clear_lines(p);
	free(p->lines);
	memset(p, 0, sizeof *p);
}

void pager_newline(struct pager *p)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->lines = xrealloc(p->lines, p->cap * sizeof *p->lines);
	}
	p->lines[p->n++] = (struct pager_line){ NULL, 0, 0 };
}

static struct pager_line *current(struct pager *p)
{
	if (!p->n)
		pager_newline(p);
	return &p->lines[p->n - 1];
}

static void add_len(struct pager *p, attr_t attr, const char *s, size_t len)
{
	struct pager_line *l = current(p);
	char *text = xmalloc(len + 1);

	memcpy(text, s, len);
	text[len] = '\0';
	l->spans = xrealloc(l->spans, (size_t)(l->n + 1) * sizeof *l->spans);
	l->spans[l->n++] = (struct pager_span){ text, attr };
	l->cols += text_width(text);
}

void pager_add(struct pager *p, attr_t attr, const char *s)
{
	if (s && *s)
		add_len(p, attr, s, strlen(s));
}

void pager_addf(struct pager *p, attr_t attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	pager_add(p, attr, buf);
}

int pager_col(const struct pager *p)
{
	return p->n ? p->lines[p->n - 1].cols : 0;
}

void pager_tab(struct pager *p, int col)
{
	static const char blanks[] = "                                        ";
	int gap = col - pager_col(p);

	while (gap > 0) {
		int k = gap < (int)sizeof blanks - 1 ? gap : (int)sizeof blanks - 1;

		add_len(p, A_NORMAL, blanks, (size_t)k);
		gap -= k;
	}
}

void pager_wrap(struct pager *p, int indent, attr_t attr, const char *s)
{
	if (indent >= p->width)
		indent = 0;
	while (s && *s) {
		int room = p->width - pager_col(p);
		size_t n = room > 0 ? text_wrap(s, room) : 0;

		/* a word that does not fit after other text goes to the next
		 * line rather than being cut */
		if (!n || (s[n] && s[n] != ' ' && pager_col(p) > indent && !memchr(s, ' ', n))) {
			pager_newline(p);
			pager_tab(p, indent);
			continue;
		}
		add_len(p, attr, s, n);
		for (s += n; *s == ' '; s++)
			;
		if (*s) {
			pager_newline(p);
			pager_tab(p, indent);
		}
	}
}

void pager_draw(struct app *app, struct pager *p, WINDOW *win)
{
	bool utf8 = strcmp(app->ui->ellipsis, "~") != 0;
	size_t max_top = p->n > (size_t)p->rows ? p->n - (size_t)p->rows : 0;
	int edge = getmaxx(win) - 1;

	if (p->top > max_top)
		p->top = max_top;
	for (int y = 0; y < p->rows && p->top + (size_t)y < p->n; y++) {
		const struct pager_line *l = &p->lines[p->top + (size_t)y];
		int x = 0;

		for (int s = 0; s < l->n && x < p->width; s++) {
			char cut[2048];
			int w = text_fit(cut, sizeof cut, l->spans[s].text, p->width - x,
					 app->ui->ellipsis, 0);

			wattrset(win, l->spans[s].attr);
			mvwaddstr(win, y, x, cut);
			x += w;
		}
	}
	wattrset(win, A_REVERSE | A_BOLD);
	if (p->top)
		mvwaddstr(win, 0, edge, utf8 ? "\u2191" : "^");
	if (p->top < max_top)
		mvwaddstr(win, p->rows - 1, edge, utf8 ? "\u2193" : "v");
	wattrset(win, A_NORMAL);
}

/* The pager of the screen on top; screens without one do not bind these. */
static struct pager *top_pager(struct app *app)
{
	const struct screen *s = app->ui->screen;

	return s->pager ? s->pager(app) : NULL;
}

static unsigned scroll_to(struct app *app, long target)
{
	struct pager *p = top_pager(app);
	long max_top;

	if (!p)
		return RD_NONE;
	max_top = p->n > (size_t)p->rows ? (long)(p->n - (size_t)p->rows) : 0;
	if (target > max_top)
		target = max_top;
	if (target < 0)
		target = 0;
	if ((size_t)target == p->top)
		return RD_NONE;
	p->top = (size_t)target;
	return RD_BODY;
}

static long top_of(struct app *app)
{
	struct pager *p = top_pager(app);

	return p ? (long)p->top : 0;
}

static long page_of(struct app *app)
{
	struct pager *p = top_pager(app);

	/* keep a line of context across pages */
	return p && p->rows > 2 ? p->rows - 1 : 1;
}

unsigned pager_op_down(struct app *app)
{
	return scroll_to(app, top_of(app) + 1);
}

unsigned pager_op_up(struct app *app)
{
	return scroll_to(app, top_of(app) - 1);
}

unsigned pager_op_page_down(struct app *app)
{
	return scroll_to(app, top_of(app) + page_of(app));
}

unsigned pager_op_page_up(struct app *app)
{
	return scroll_to(app, top_of(app) - page_of(app));
}

unsigned pager_op_first(struct app *app)
{
	return scroll_to(app, 0);
}

unsigned pager_op_last(struct app *app)
{
	return scroll_to(app, LONG_MAX);
}

void pager_heading(struct pager *p, attr_t attr, const char *title, int count)
{
	pager_newline(p);
	pager_newline(p);
	if (count < 0)
		pager_add(p, attr, title);
	else
		pager_addf(p, attr, "%s (%d)", title, count);
}

int pager_value_col(const char *const *labels, int n)
{
	int w = 0;

	for (int i = 0; i < n; i++)
		if (text_width(labels[i]) > w)
			w = text_width(labels[i]);
	return PAGER_INDENT + (w < PAGER_LABEL_MAX ? w : PAGER_LABEL_MAX) + 2;
}

void pager_field(struct pager *p, const char *label, int value_col, const char *value, attr_t attr,
		 attr_t dim, const char *ellipsis)
{
	char fit[128];

	text_fit(fit, sizeof fit, label, PAGER_LABEL_MAX, ellipsis, 0);
	pager_newline(p);
	pager_tab(p, PAGER_INDENT);
	pager_add(p, A_NORMAL, fit);
	pager_tab(p, value_col);
	if (value && *value)
		pager_wrap(p, value_col, attr, value);
	else
		pager_add(p, dim, "\u2014");
}
