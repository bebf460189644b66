/* The inbox's rows as a window over the store's urgency order: what is
 * drawn and a page or so each side, read again as the clerk moves past
 * it. Getting there goes from the nearest known position (the start, the
 * end, the window's edges) by keyset paging, so a move costs what it
 * passes over, not the inbox's size. */
#include "config.h"

#include <string.h>

#include "core/model.h"
#include "core/xalloc.h"
#include "inbox.h"

/* Rows passed over are read this many at a time, and dropped. */
#define SKIP_PAGE 64

static int read_page(struct app *app, const struct inboxq *q, struct inboxq_pos *at, bool back,
		     struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got, struct err *e)
{
	memset(out, 0, n * sizeof *out);
	return back ? store_inbox_rows_before(app->store, q, at, out, each, n, got, e) :
		store_inbox_rows(app->store, q, at, out, each, n, got, e);
}

/* Move *at over k rows, forwards or back. */
static int pass_over(struct app *app, const struct inboxq *q, struct inboxq_pos *at, size_t k, bool back,
		     struct err *e)
{
	struct dossier page[SKIP_PAGE];

	while (k) {
		size_t want = k < SKIP_PAGE ? k : SKIP_PAGE, got;
		int rc = read_page(app, q, at, back, page, NULL, want, &got, e);

		for (size_t i = 0; i < got; i++)
			dossier_free(&page[i]);
		if (rc < 0)
			return -1;
		if (got < want)
			break;	/* the store holds fewer than counted */
		k -= got;
	}
	return 0;
}

/* Where row t of the list stands (t < 0: before the first), from the
 * nearest position known. */
static int seek(struct app *app, const struct inboxq *q, int64_t t, struct inboxq_pos *at, struct err *e)
{
	struct inbox_view *v = inbox_view(app);
	int64_t n = (int64_t)v->list.n, lo = (int64_t)v->first, hi = lo + (int64_t)v->nwin - 1;
	int64_t from = -1;	/* the anchor's row: -1 the start, n the end */

	store_inbox_start(at);
	if (t < 0)
		return 0;
	if (v->nwin && t >= lo && t <= hi) {
		*at = v->win_pos[t - lo];
		return 0;
	}
	if (n - t < t + 1)
		from = n;
	if (v->nwin && t > hi && t - hi < (from == n ? n - t : t + 1))
		from = hi;
	if (v->nwin && t < lo && lo - t < (from == n ? n - t : t + 1))
		from = lo;
	if (from == n)
		at->part = INBOXQ_PARTS;	/* past the end */
	else if (from >= 0)
		*at = v->win_pos[from - lo];
	return from < t ? pass_over(app, q, at, (size_t)(t - from), false, e) :
		pass_over(app, q, at, (size_t)(from - t), true, e);
}

void inbox_window(struct app *app, size_t first, size_t n)
{
	struct inbox_view *v = inbox_view(app);
	struct inboxq q;
	struct inboxq_pos at;
	struct dossier *rows;
	struct inboxq_pos *pos;
	size_t cap, from, got = 0;
	struct err e;

	if (!app->store || first >= v->list.n)
		return;
	if (n > v->list.n - first)
		n = v->list.n - first;
	if (v->nwin && first >= v->first && first + n <= v->first + v->nwin)
		return;
	cap = 3 * n > WINDOW_ROWS ? 3 * n : WINDOW_ROWS;
	from = first > (cap - n) / 2 ? first - (cap - n) / 2 : 0;
	inbox_query(app, &q);
	rows = xcalloc(cap, sizeof *rows);
	pos = xcalloc(cap, sizeof *pos);
	if (seek(app, &q, (int64_t)from - 1, &at, &e) < 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
		free(rows);
		free(pos);
		return;
	}
	if (read_page(app, &q, &at, false, rows, pos, cap, &got, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	dossiers_free(v->win, v->nwin);
	free(v->win_pos);
	v->win = rows;
	v->win_pos = pos;
	v->first = from;
	v->nwin = got;
}

bool inbox_fill(struct app *app, int64_t until)
{
	struct inbox_view *v = inbox_view(app);
	struct inboxq q;
	size_t got = 0;
	struct err e;
	int rc;

	if (!app->store)
		return true;
	if (!v->win) {
		v->win = xcalloc(WINDOW_ROWS, sizeof *v->win);
		free(v->win_pos);
		v->win_pos = xcalloc(WINDOW_ROWS, sizeof *v->win_pos);
		v->first = v->nwin = 0;
	}
	inbox_query(app, &q);
	rc = store_inbox_rows_until(app->store, &q, &v->fill, until, v->win + v->nwin, v->win_pos + v->nwin,
				    WINDOW_ROWS - v->nwin, &got, &e);
	if (rc < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	v->nwin += got;
	v->list.n = v->nwin;
	return rc != 0 || v->nwin == WINDOW_ROWS;
}

struct dossier *inbox_row(struct app *app, size_t i)
{
	struct inbox_view *v = inbox_view(app);

	inbox_window(app, i, 1);
	return i >= v->first && i < v->first + v->nwin ? &v->win[i - v->first] : NULL;
}
