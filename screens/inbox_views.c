#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"
#include "core/timer.h"
#include "core/xalloc.h"
#include "desk/deadline.h"
#include "desk/filter.h"
#include "inbox.h"

#define S(code) (1u << (code))

/* The views a desk works through, by the national status codes
 * (DOMAIN.md): new online dossiers to receive; those being processed,
 * fee due included; those waiting for the applicant's supplement; results
 * waiting at the desk; and the finished ones, however they ended. */
static const struct {
	const char *label;
	/* TRANSLATORS: the short form of a view's name, for a narrow line */
	const char *brief;
	unsigned statuses;	/* 0: not a status view */
} views[IV_COUNT] = {
	[IV_ALL] = { N_("All"), N_("All"), 0 },
	[IV_RECEIVE] = { N_("To receive"), N_("New"), S(ST_NEW) },
	[IV_PROCESS] = { N_("In process"), N_("Working"), S(ST_ACCEPTED) | S(ST_PROCESSING) | S(ST_PAYMENT) },
	[IV_SUPPLEMENT] = { N_("Supplement"), N_("Suppl."), S(ST_SUPPLEMENT) },
	[IV_READY] = { N_("Result ready"), N_("Ready"), S(ST_RESULT_READY) },
	[IV_DONE] = { N_("Finished"), N_("Done"),
		      S(ST_REFUSED) | S(ST_WITHDRAWN) | S(ST_STOPPED) | S(ST_RETURNED) },
	[IV_MINE] = { N_("Mine"), N_("Mine"), 0 },
	[IV_PROCEDURE] = { N_("Procedure"), N_("Procedure"), 0 },
};

void inbox_view_free(struct app *app, void *state)
{
	struct inbox_view *v = state;

	if (v->count_timer)
		loop_timer_cancel(&app->loop, v->count_timer);
	dossiers_free(v->win, v->nwin);
	free(v->win_pos);
	store_inbox_procs_free(v->procs, v->nprocs);
	free(v->proc_key);
	filter_free(v->filter);
}

static const char *proc_key(const struct dossier *d)
{
	return d->procedure_code ? d->procedure_code : d->procedure_name ? d->procedure_name : "";
}

static const char *proc_name(const struct inbox_view *v)
{
	if (!v->nprocs)
		return "";
	return v->procs[v->proc].name ? v->procs[v->proc].name : _("(no procedure)");
}

static void set_proc(struct inbox_view *v, size_t p)
{
	v->proc = p;
	free(v->proc_key);
	v->proc_key = p < v->nprocs ? xstrdup(v->procs[p].key) : NULL;
}

/* The filter as the store runs it: a plain text by the index alone, an
 * expression by the filter's own test of each row. */
static bool filter_says(void *arg, const char *hay, size_t len)
{
	return filter_text_hit(arg, hay, len);
}

static void add_filter(const struct inbox_view *v, struct inboxq *q)
{
	if (!v->filter || !filter_active(v->filter))
		return;
	q->phrase = filter_literal(v->filter);
	q->match = q->phrase ? NULL : filter_says;
	q->arg = v->filter;
}

/* What counting needs: the clerk and the procedure shown, for the counts
 * of their views. */
static void count_query(struct app *app, struct inboxq *q)
{
	struct inbox_view *v = inbox_view(app);

	memset(q, 0, sizeof *q);
	q->cut = v->cut;
	q->mine = app->user;
	q->proc = v->nprocs ? v->procs[v->proc].key : NULL;
}

void inbox_query(struct app *app, struct inboxq *q)
{
	struct inbox_view *v = inbox_view(app);

	memset(q, 0, sizeof *q);
	q->cut = v->cut;
	q->statuses = views[v->view].statuses;
	/* without a clerk or a procedure these views have no rows to read */
	if (v->view == IV_MINE)
		q->mine = app->user;
	if (v->view == IV_PROCEDURE && v->nprocs)
		q->proc = v->procs[v->proc].key;
	add_filter(v, q);
}

/* Every view's count from the store's. */
static void tally(struct app *app, const struct inboxq_counts *c, size_t out[IV_COUNT])
{
	struct inbox_view *v = inbox_view(app);

	for (int id = IV_ALL; id < IV_COUNT; id++) {
		out[id] = 0;
		for (int st = 1; st <= ST_MAX; st++)
			if (views[id].statuses & S(st))
				out[id] += (size_t)c->by_status[st];
	}
	out[IV_ALL] = (size_t)c->all;
	out[IV_MINE] = app->user ? (size_t)c->mine : 0;
	out[IV_PROCEDURE] = v->nprocs ? (size_t)c->proc : 0;
}

static void counts(struct app *app, const struct inboxq *q, size_t out[IV_COUNT])
{
	struct inboxq_counts c;
	struct err e;

	memset(&c, 0, sizeof c);
	if (app->store && store_inbox_counts(app->store, q, &c, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	tally(app, &c, out);
}

/* A new inbox: its bands judged at one instant (so the order does not
 * shift under the cursor while the clerk reads), the procedures present
 * (the one viewed stays the one viewed), every view's count. */
static void read_inbox(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	struct deadline_cuts c;
	struct inboxq q;
	struct err e;

	deadline_cuts(app->cal, app_now(app), &c);
	v->cut = (struct inboxq_cuts){ c.now, c.today_end, c.apology, c.soon };
	v->gen = app->dossiers_gen;
	v->read = true;
	v->stale = true;
	store_inbox_procs_free(v->procs, v->nprocs);
	v->procs = NULL;
	v->nprocs = 0;
	if (app->store && store_inbox_procs(app->store, &v->procs, &v->nprocs, &e) < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	v->proc = 0;
	for (size_t i = 0; v->proc_key && i < v->nprocs; i++)
		if (!strcmp(v->procs[i].key, v->proc_key))
			v->proc = i;
	set_proc(v, v->proc);
	count_query(app, &q);
	counts(app, &q, v->total);
}

/* Counting what a filter keeps passes over every row it keeps, and its
 * first window of rows may take long to fill when matches are few: over
 * a large inbox, a key reads the rows it can in KEY_US and draws them;
 * the rest of the window and then the counts are read from a timer in
 * slices of SLICE_US at most, with the keys read between them, so that
 * the next key never waits behind a count (and starts another). */
#define COUNT_NOW_MAX 5000
#define KEY_US 4000
#define SLICE_US 3000
/* how often a count under way is drawn again */
#define DRAW_US 100000

static void find_anchor(struct app *app);

static void count_filter(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	struct inboxq q;

	count_query(app, &q);
	add_filter(v, &q);
	counts(app, &q, v->counts);
	v->counting = false;
	v->list.n = v->counts[v->view];
}

static void count_slice(void *arg)
{
	struct app *app = arg;
	struct inbox_view *v = inbox_view(app);
	int64_t now = timer_cpu_us();
	struct inboxq q;
	struct err e;
	int rc;

	v->count_timer = 0;
	if (v->stale || !app->store)
		return;		/* a key changed the filter: show() starts again */
	if (v->filling) {
		v->filling = !inbox_fill(app, now + SLICE_US);
		if (v->anchored && v->list.sel == v->anchor_sel)
			find_anchor(app);
		app->redraw |= RD_BODY | RD_TITLE;
	} else {
		count_query(app, &q);
		add_filter(v, &q);
		rc = store_inbox_count_step(app->store, &q, &v->tally, now + SLICE_US, &e);
		if (rc < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
		tally(app, &v->tally.c, v->counts);
		if (rc != 0) {
			/* counted, or what was counted is all there is to show */
			v->counting = false;
			if (rc > 0)
				v->list.n = v->counts[v->view];
			list_clamp(&v->list);
			app->redraw |= RD_BODY | RD_TITLE | RD_STATUS;
			return;
		}
		if (timer_now_us() - v->drawn_us >= DRAW_US) {
			v->drawn_us = timer_now_us();
			app->redraw |= RD_BODY | RD_TITLE;
		}
	}
	v->count_timer = loop_timer(&app->loop, 0, count_slice, app);
}

void inbox_count_text(struct app *app, size_t n, char *buf, size_t len)
{
	if (!inbox_view(app)->counting)
		snprintf(buf, len, "%zu", n);
	else if (n)
		/* TRANSLATORS: a count not finished yet: at least this many */
		snprintf(buf, len, _("%zu+"), n);
	else
		snprintf(buf, len, "%s", app->ui->ellipsis);
}

/* Every view's count with the filter, and the rows of the one shown. */
static void show(struct app *app)
{
	struct inbox_view *v = inbox_view(app);

	if (!v->filter)
		v->filter = filter_new();
	if (filter_set(v->filter, v->query.text, &v->query_note) == 0)
		v->query_note.msg[0] = '\0';
	v->total[IV_PROCEDURE] = v->nprocs ? (size_t)v->procs[v->proc].n : 0;
	dossiers_free(v->win, v->nwin);
	v->win = NULL;
	v->nwin = 0;
	if (v->count_timer)
		loop_timer_cancel(&app->loop, v->count_timer);
	v->count_timer = 0;
	v->counting = v->filling = false;
	if (!filter_active(v->filter)) {
		memcpy(v->counts, v->total, sizeof v->counts);
		v->list.n = v->counts[v->view];
	} else if (v->total[IV_ALL] <= COUNT_NOW_MAX) {
		count_filter(app);
	} else {
		v->counting = true;
		memset(v->counts, 0, sizeof v->counts);
		store_inbox_count_start(&v->tally);
		store_inbox_start(&v->fill);
		v->filling = !inbox_fill(app, timer_cpu_us() + KEY_US);
		v->drawn_us = timer_now_us();
		v->count_timer = loop_timer(&app->loop, 0, count_slice, app);
	}
}

/* The selected dossier if it is shown, else the next one that is. While
 * counting, the list is the first window of matches: the anchor is looked
 * for there, while it fills too (as long as the clerk does not move);
 * past a full window, the store says where it is, and the list reaches
 * to it. */
static void find_anchor(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	struct inboxq q;
	int64_t at;
	struct err e;

	for (at = 0; v->counting && (size_t)at < v->nwin &&
	     store_inbox_pos_cmp(&v->win_pos[at], &v->anchor) < 0; at++)
		;
	v->anchored = false;
	if (v->counting && (size_t)at < v->nwin) {
		v->list.sel = (size_t)at;
	} else if (v->counting && v->filling) {
		v->anchored = true;	/* looked for again as the window fills */
		v->list.sel = v->nwin;
	} else if (v->counting && v->nwin < WINDOW_ROWS) {
		v->list.sel = v->nwin;	/* past the last match */
	} else {
		inbox_query(app, &q);
		if (store_inbox_index(app->store, &q, &v->anchor, &at, &e) < 0) {
			app_message(app, MSG_ERROR, "%s", e.msg);
			return;
		}
		v->list.sel = (size_t)at;
		if (v->counting && v->list.sel >= v->list.n) {
			/* not counted yet: at least the rows up to it */
			v->list.n = v->list.sel + 1;
			v->filling = false;
		}
	}
	list_clamp(&v->list);
	v->anchor_sel = v->list.sel;
}

void inbox_sync(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	/* an anchor not found yet is kept while the clerk stays */
	bool pending = v->anchored && v->list.sel == v->anchor_sel && v->gen == app->dossiers_gen;
	bool keep = pending || (v->read && v->gen == app->dossiers_gen && v->list.sel < v->list.n &&
				v->list.sel >= v->first && v->list.sel < v->first + v->nwin);

	struct inboxq_pos anchor = v->anchor;

	if (keep && !pending)
		anchor = v->win_pos[v->list.sel - v->first];
	if (!v->read || v->gen != app->dossiers_gen)
		read_inbox(app);
	if (!v->stale)
		return;
	v->anchor = anchor;
	v->anchored = false;
	show(app);
	v->stale = false;
	if (keep && app->store)
		find_anchor(app);
	list_clamp(&v->list);
}

const char *inbox_view_label(const struct inbox_view *v)
{
	return _(views[v->view].label);
}

/* --- the line of views ---------------------------------------------------- */

/* How much of each name the line can afford: every name in full; the
 * current one in full and the others short; every one short. */
enum { LINE_FULL, LINE_CURRENT, LINE_BRIEF, LINE_FORMS };

static void item_text(struct app *app, enum inbox_view_id id, int form, char *buf, size_t len)
{
	const struct inbox_view *v = inbox_view(app);
	bool full = form == LINE_FULL || (form == LINE_CURRENT && id == v->view);
	char label[192], n[32];

	if (id == IV_PROCEDURE)
		/* TRANSLATORS: the procedure view in the line of views, with its name */
		snprintf(label, sizeof label, full ? _("Procedure: %s") : "%s", proc_name(v));
	else
		snprintf(label, sizeof label, "%s", full ? _(views[id].label) : _(views[id].brief));
	inbox_count_text(app, v->counts[id], n, sizeof n);
	snprintf(buf, len, "%s %s", label, n);
}

void inbox_draw_views(struct app *app, WINDOW *win, int y)
{
	struct ui *ui = app->ui;
	struct inbox_view *v = inbox_view(app);
	const char *sep = strcmp(ui->ellipsis, "~") ? " \u00b7 " : " | ";
	char items[IV_COUNT][256];
	enum inbox_view_id ids[IV_COUNT];
	size_t nids = 0;
	int form, x = 1, cols = getmaxx(win);

	/* the procedure view has a line of its own only while it is shown:
	 * it is one procedure at a time */
	for (int id = IV_ALL; id < IV_PROCEDURE; id++)
		ids[nids++] = (enum inbox_view_id)id;
	if (v->view == IV_PROCEDURE)
		ids[nids++] = IV_PROCEDURE;
	for (form = LINE_FULL; form < LINE_FORMS; form++) {
		int w = 1;

		for (size_t i = 0; i < nids; i++) {
			item_text(app, ids[i], form, items[i], sizeof items[i]);
			w += text_width(items[i]) + (i ? text_width(form == LINE_BRIEF ? " " : sep) : 0);
		}
		if (w <= cols)
			break;
	}
	if (form == LINE_FORMS)
		form = LINE_BRIEF;	/* and what does not fit is cut */
	if (form == LINE_BRIEF)
		sep = " ";
	wmove(win, y, 0);
	wclrtoeol(win);
	for (size_t i = 0; i < nids && x < cols; i++) {
		char cell[256];

		if (i) {
			wattrset(win, A_NORMAL);
			mvwaddstr(win, y, x, sep);
			x += text_width(sep);
		}
		if (x >= cols)
			break;
		if (ids[i] == IV_PROCEDURE && text_width(items[i]) > cols - x) {
			/* cut the procedure's name, not its count */
			char count[32], name[192];
			int room;

			count[0] = ' ';
			inbox_count_text(app, v->counts[IV_PROCEDURE], count + 1, sizeof count - 1);
			room = cols - x - text_width(count);
			text_fit(name, sizeof name, proc_name(v), room > 0 ? room : 0, ui->ellipsis, 0);
			snprintf(items[i], sizeof items[i], "%s%s", name, count);
		}
		text_fit(cell, sizeof cell, items[i], cols - x, ui->ellipsis, 0);
		/* the current view by an attribute, so monochrome shows it too */
		wattrset(win, ids[i] == v->view ? theme_attr(&ui->theme, TH_LIST_SELECTED) : A_NORMAL);
		mvwaddstr(win, y, x, cell);
		x += text_width(cell);
	}
	wattrset(win, A_NORMAL);
}

/* --- operations ---------------------------------------------------------- */

static unsigned set_view(struct app *app, enum inbox_view_id id)
{
	struct inbox_view *v = inbox_view(app);

	if (v->view == id)
		return RD_NONE;
	v->view = id;
	v->stale = true;
	return RD_BODY | RD_TITLE;
}

unsigned inbox_op_view_next(struct app *app)
{
	return set_view(app, (inbox_view(app)->view + 1) % IV_COUNT);
}

unsigned inbox_op_view_prev(struct app *app)
{
	return set_view(app, (inbox_view(app)->view + IV_COUNT - 1) % IV_COUNT);
}

unsigned inbox_op_view_all(struct app *app)
{
	return set_view(app, IV_ALL);
}

unsigned inbox_op_view_mine(struct app *app)
{
	if (!app->user)
		app_message(app, MSG_INFO, "%s", _("not logged in: no dossier is yours"));
	return set_view(app, IV_MINE) | RD_STATUS;
}

/* The procedure view: first on the selected dossier's procedure, then
 * through the others by how many dossiers they have. */
static unsigned view_procedure(struct app *app, int step)
{
	struct inbox_view *v = inbox_view(app);

	inbox_sync(app);
	if (!v->nprocs) {
		app_message(app, MSG_INFO, "%s", _("no dossiers, so no procedures to show"));
		return RD_STATUS;
	}
	if (v->view != IV_PROCEDURE) {
		const struct dossier *d = v->list.n ? inbox_row(app, v->list.sel) : NULL;

		for (size_t p = 0; d && p < v->nprocs; p++)
			if (!strcmp(v->procs[p].key, proc_key(d)))
				set_proc(v, p);
	} else {
		set_proc(v, step > 0 ? (v->proc + 1) % v->nprocs : (v->proc + v->nprocs - 1) % v->nprocs);
	}
	v->view = IV_PROCEDURE;
	v->stale = true;
	return RD_BODY | RD_TITLE;
}

unsigned inbox_op_view_procedure(struct app *app)
{
	return view_procedure(app, 1);
}

unsigned inbox_op_view_procedure_prev(struct app *app)
{
	return view_procedure(app, -1);
}
