#include "config.h"

#include <stdint.h>

#include "list.h"
#include "ui.h"

void list_clamp(struct list *l)
{
	if (l->sel >= l->n)
		l->sel = l->n ? l->n - 1 : 0;
}

static size_t page(const struct list *l)
{
	return l->rows ? l->rows : 1;
}

static unsigned select_row(struct list *l, size_t target)
{
	if (!l->n)
		return RD_NONE;
	if (target >= l->n)
		target = l->n - 1;
	if (target == l->sel)
		return RD_NONE;
	l->sel = target;
	return RD_BODY;
}

unsigned list_move(struct list *l, enum list_move m)
{
	switch (m) {
	case LIST_DOWN:
		return select_row(l, l->sel + 1);
	case LIST_UP:
		return select_row(l, l->sel ? l->sel - 1 : 0);
	case LIST_PAGE_DOWN:
		return select_row(l, l->sel + page(l));
	case LIST_PAGE_UP:
		return select_row(l, l->sel > page(l) ? l->sel - page(l) : 0);
	case LIST_FIRST:
		return select_row(l, 0);
	case LIST_LAST:
		return select_row(l, SIZE_MAX);
	}
	return RD_NONE;
}

size_t list_scroll(struct list *l)
{
	size_t rows = page(l);

	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top + rows > l->n)
		l->top = l->n > rows ? l->n - rows : 0;
	return l->top;
}

unsigned list_op(struct app *app, int m)
{
	const struct screen *s = app->ui->screen;

	return s->list ? list_move(s->list(app), (enum list_move)m) : RD_NONE;
}
