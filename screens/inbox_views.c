#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/text.h"
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

	(void)app;
	free(v->sorted);
	free(v->member);
	free(v->proc_of);
	free(v->procs);
	free(v->proc_key);
	free(v->shown);
	filter_free(v->filter);
}

/* The clerk's own dossiers. Profiles map the assignee's login when the
 * API has it; without one, an API that names assignees by login still
 * works through the name. */
static bool is_mine(const struct app *app, const struct dossier *d)
{
	const char *who = d->assignee_login ? d->assignee_login : d->assignee;

	return app->user && who && !strcasecmp(who, app->user);
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

struct keyed {
	const char *key;
	size_t row;
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

struct ranked {
	struct inbox_proc p;
	size_t old;
};

static int by_size(const void *a, const void *b)
{
	const struct inbox_proc *x = &((const struct ranked *)a)->p;
	const struct inbox_proc *y = &((const struct ranked *)b)->p;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The procedures present, most dossiers first; the one viewed stays the
 * one viewed when the inbox is fetched again. */
static void index_procedures(struct inbox_view *v)
{
	size_t n = v->nsorted, *old_to_new;
	struct keyed *k = xmalloc((n ? n : 1) * sizeof *k);
	struct ranked *r = xmalloc((n ? n : 1) * sizeof *r);
	size_t np = 0;

	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){ proc_key(v->sorted[i]), i };
	qsort(k, n, sizeof *k, by_key);
	for (size_t i = 0; i < n; i++) {
		const struct dossier *d = v->sorted[k[i].row];

		if (!i || strcmp(k[i].key, k[i - 1].key)) {
			r[np].p = (struct inbox_proc){ k[i].key, d->procedure_name ? d->procedure_name :
						       d->procedure_code, 0 };
			r[np].old = np;
			np++;
		}
		r[np - 1].p.n++;
		v->proc_of[k[i].row] = np - 1;
	}
	qsort(r, np, sizeof *r, by_size);
	old_to_new = xmalloc((np ? np : 1) * sizeof *old_to_new);
	free(v->procs);
	v->procs = xmalloc((np ? np : 1) * sizeof *v->procs);
	for (size_t i = 0; i < np; i++) {
		v->procs[i] = r[i].p;
		old_to_new[r[i].old] = i;
	}
	for (size_t i = 0; i < n; i++)
		v->proc_of[i] = old_to_new[v->proc_of[i]];
	v->nprocs = np;
	v->proc = 0;
	for (size_t i = 0; v->proc_key && i < np; i++)
		if (!strcmp(v->procs[i].key, v->proc_key))
			v->proc = i;
	set_proc(v, v->proc);
	free(old_to_new);
	free(r);
	free(k);
}

/* A new inbox: sorted by urgency with one clock reading (so the order
 * does not shift under the cursor while the clerk reads), each row's
 * views worked out, the filter's text folded, once. */
static void sort_rows(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	size_t n = app->ndossiers;

	free(v->sorted);
	free(v->member);
	free(v->proc_of);
	free(v->shown);
	v->sorted = xcalloc(n ? n : 1, sizeof *v->sorted);
	v->member = xcalloc(n ? n : 1, 1);
	v->proc_of = xcalloc(n ? n : 1, sizeof *v->proc_of);
	v->shown = xcalloc(n ? n : 1, sizeof *v->shown);
	for (size_t i = 0; i < n; i++)
		v->sorted[i] = &app->dossiers[i];
	deadline_sort(app->cal, v->sorted, n, app_now(app));
	v->nsorted = n;
	v->gen = app->dossiers_gen;
	memset(v->total, 0, sizeof v->total);
	for (size_t i = 0; i < n; i++) {
		const struct dossier *d = v->sorted[i];
		unsigned m = 1u << IV_ALL;

		for (int id = IV_ALL; id < IV_COUNT; id++)
			if (d->status >= 0 && d->status < 32 && views[id].statuses & S(d->status))
				m |= 1u << id;
		if (is_mine(app, d))
			m |= 1u << IV_MINE;
		v->member[i] = (unsigned char)m;
		for (int id = IV_ALL; id < IV_PROCEDURE; id++)
			v->total[id] += m >> id & 1;
	}
	index_procedures(v);
	if (!v->filter)
		v->filter = filter_new();
	filter_index(v->filter, v->sorted, n, v->gen);
	v->stale = true;
}

/* The rows in the view that match the filter, and every view's count. */
static void show(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	size_t n = 0;

	if (filter_set(v->filter, v->query.text, &v->query_note) == 0)
		v->query_note.msg[0] = '\0';
	memset(v->counts, 0, sizeof v->counts);
	v->total[IV_PROCEDURE] = v->nprocs ? v->procs[v->proc].n : 0;
	for (size_t i = 0; i < v->nsorted; i++) {
		unsigned m = v->member[i];

		if (!filter_hit(v->filter, i))
			continue;
		if (v->nprocs && v->proc_of[i] == v->proc)
			m |= 1u << IV_PROCEDURE;
		for (int id = 0; id < IV_COUNT; id++)
			v->counts[id] += m >> id & 1;
		if (m >> v->view & 1)
			v->shown[n++] = i;
	}
	v->list.n = n;
}

void inbox_sync(struct app *app)
{
	struct inbox_view *v = inbox_view(app);
	bool keep = v->sorted && v->gen == app->dossiers_gen && v->list.sel < v->list.n;
	size_t anchor = keep ? v->shown[v->list.sel] : 0;

	if (!v->sorted || v->gen != app->dossiers_gen)
		sort_rows(app);
	if (!v->stale)
		return;
	show(app);
	v->stale = false;
	if (keep)
		v->list.sel = inbox_shown_at(v, anchor);
	list_clamp(&v->list);
}

struct dossier *inbox_row(const struct inbox_view *v, size_t i)
{
	return v->sorted[v->shown[i]];
}

size_t inbox_shown_at(const struct inbox_view *v, size_t sorted)
{
	size_t lo = 0, hi = v->list.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->shown[mid] < sorted)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *inbox_view_label(const struct inbox_view *v)
{
	return _(views[v->view].label);
}

/* --- the line of views ---------------------------------------------------- */

/* How much of each name the line can afford: every name in full; the
 * current one in full and the others short; every one short. */
enum { LINE_FULL, LINE_CURRENT, LINE_BRIEF, LINE_FORMS };

static void item_text(const struct inbox_view *v, enum inbox_view_id id, int form,
		      char *buf, size_t len)
{
	bool full = form == LINE_FULL || (form == LINE_CURRENT && id == v->view);

	if (id == IV_PROCEDURE) {
		char label[192];

		/* TRANSLATORS: the procedure view in the line of views, with its name */
		snprintf(label, sizeof label, full ? _("Procedure: %s") : "%s", proc_name(v));
		snprintf(buf, len, "%s %zu", label, v->counts[id]);
	} else {
		snprintf(buf, len, "%s %zu", full ? _(views[id].label) : _(views[id].brief),
			 v->counts[id]);
	}
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
			item_text(v, ids[i], form, items[i], sizeof items[i]);
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

			snprintf(count, sizeof count, " %zu", v->counts[IV_PROCEDURE]);
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
		if (v->list.n)
			set_proc(v, v->proc_of[v->shown[v->list.sel]]);
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
