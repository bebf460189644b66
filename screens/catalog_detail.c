#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "catalog.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "marks.h"

/* The procedure shown: as fetched whole, else as the catalog lists it. */
static const struct procedure *shown(struct catalog_view *v)
{
	return v->have_whole ? &v->whole : catalog_find(v, v->code);
}

static void on_procedure(struct app *app, const struct procedure *p, const struct err *e)
{
	struct catalog_view *v = catalog_view(app);

	if (!v)
		return;		/* the ui closed meanwhile */
	v->loading = false;
	if (!p || !p->code || !v->code || strcmp(p->code, v->code)) {
		v->failed = !p;
		if (e && e->msg[0])
			app_message(app, MSG_ERROR, "%s", e->msg);
		app->redraw |= RD_BODY | RD_STATUS;
		return;
	}
	if (v->have_whole)
		procedure_free(&v->whole);
	procedure_copy(&v->whole, p);
	v->have_whole = true;
	v->failed = false;
	app->redraw |= RD_BODY;
}

static void fetch(struct app *app)
{
	struct catalog_view *v = catalog_view(app);

	v->failed = false;
	v->loading = true;
	/* from the cache at once (on_procedure runs before this returns) */
	if (!session_fetch_procedure(app, v->code, on_procedure))
		v->loading = false;
}

unsigned catalog_detail_open(struct app *app, const char *code)
{
	struct catalog_view *v = catalog_view(app);
	unsigned flags = ui_push(app, &screen_catalog_detail);

	if (app->ui->screen != &screen_catalog_detail)
		return flags;	/* the stack is full */
	free(v->code);
	v->code = xstrdup(code);
	if (v->have_whole)
		procedure_free(&v->whole);
	v->have_whole = false;
	v->pager.top = 0;
	fetch(app);
	return flags;
}

static unsigned op_reload(struct app *app)
{
	if (!app->session) {
		app_message(app, MSG_ERROR, "%s", _("no server configured: start motcua with --profile"));
		return RD_STATUS;
	}
	fetch(app);
	return RD_BODY;
}

static struct pager *detail_pager(struct app *app)
{
	return &catalog_view(app)->pager;
}

static const struct op_def detail_ops[] = {
	PAGER_OPS,
	OP("catalog-intake", N_("Start an intake"), catalog_op_intake, "i"),
	OP("catalog-reload", N_("Load again"), op_reload, "<C-r>"),
	OP_END,
};

static const char *const detail_hints[] = { "catalog-intake", "view-close", "page-down", NULL };

static void detail_title(struct app *app, char *buf, size_t len)
{
	const char *code = catalog_view(app)->code;

	snprintf(buf, len, _("Procedure %s"), code ? code : "");
}

/* ---- layout ---- */

enum field { F_CODE, F_FIELD, F_LEVEL, F_TIME, F_LEGAL, F_CUTOFF, F_FEE, F_RESULT, NFIELDS };

static const char *const labels[NFIELDS] = {
	[F_CODE] = N_("Code"), [F_FIELD] = N_("Field"), [F_LEVEL] = N_("Level"),
	[F_TIME] = N_("Processing time"), [F_LEGAL] = N_("As the law says"),
	[F_CUTOFF] = N_("Cut-off"), [F_FEE] = N_("Fee"), [F_RESULT] = N_("Result"),
};

#define INDENT PAGER_INDENT

struct layout {
	struct app *app;
	struct pager *p;
	int value_col;
	attr_t heading, dim;
};

static void heading(struct layout *l, const char *title, int count)
{
	pager_heading(l->p, l->heading, title, count);
}

static void field(struct layout *l, enum field f, const char *value, attr_t attr)
{
	pager_field(l->p, _(labels[f]), l->value_col, value, attr, l->dim, l->app->ui->ellipsis);
}

static void nothing(struct layout *l, const char *none)
{
	const struct catalog_view *v = catalog_view(l->app);

	pager_newline(l->p);
	pager_tab(l->p, INDENT);
	pager_add(l->p, l->dim, v->loading ? _("loading\u2026") : none);
}

/* The national register a component's data comes from, as a clerk calls
 * it; the profile's own word when it is none of these. */
static const char *register_name(const char *source)
{
	static const struct {
		const char *key, *name;
	} known[] = {
		{ "population", N_("population database") },
		{ "citizen", N_("population database") },
		{ "civil_status", N_("civil status register") },
		{ "enterprise", N_("enterprise register") },
		{ "land", N_("land register") },
		{ "tax", N_("tax register") },
		{ "insurance", N_("insurance register") },
	};

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (!strcmp(source, known[i].key))
			return _(known[i].name);
	return source;
}

static void general(struct layout *l, const struct procedure *p)
{
	char buf[256], cut[WHEN_LEN];

	heading(l, _("Procedure"), -1);
	field(l, F_CODE, p->code, A_BOLD);
	field(l, F_FIELD, p->field, A_NORMAL);
	field(l, F_LEVEL, catalog_level(p->level), A_NORMAL);
	catalog_time(l->app, p, buf, sizeof buf);
	if (buf[0]) {
		char line[300];

		/* TRANSLATORS: a processing time, "3 days", counted in working days */
		snprintf(line, sizeof line, _("%s, in working time"), buf);
		field(l, F_TIME, line, A_BOLD);
	} else {
		field(l, F_TIME, "", A_NORMAL);
	}
	field(l, F_LEGAL, p->days_text, A_NORMAL);
	if (p->cutoff >= 0)
		/* TRANSLATORS: the cut-off time of the day, "15:00" */
		snprintf(buf, sizeof buf, _("%s: received later, it counts from the next working day"),
			 when_minute(p->cutoff, cut, sizeof cut));
	else
		snprintf(buf, sizeof buf, "%s", _("none"));
	field(l, F_CUTOFF, buf, p->cutoff >= 0 ? A_BOLD : A_NORMAL);
	field(l, F_FEE, p->fee > 0 ? ui_money(p->fee, buf, sizeof buf) : _("free"), A_NORMAL);
	if (p->fee_note) {
		pager_newline(l->p);
		pager_tab(l->p, l->value_col);
		pager_wrap(l->p, l->value_col, l->dim, p->fee_note);
	}
	field(l, F_RESULT, p->result, A_NORMAL);
}

static void parts(struct layout *l, const struct procedure *p)
{
	int code_cols = 0;

	if (!p->joint && !p->nparts)
		return;
	heading(l, _("Joint procedure: it bundles"), p->nparts);
	if (!p->nparts)
		nothing(l, _("not listed"));
	/* codes are ASCII: their length is their width, and the names line up */
	for (int i = 0; i < p->nparts; i++)
		if (p->parts[i].code && (int)strlen(p->parts[i].code) > code_cols)
			code_cols = (int)strlen(p->parts[i].code);
	for (int i = 0; i < p->nparts; i++) {
		const struct proc_part *pt = &p->parts[i];
		const struct procedure *known = catalog_find(catalog_view(l->app), pt->code);
		const char *name = pt->name ? pt->name : known ? known->name : "";

		pager_newline(l->p);
		pager_tab(l->p, INDENT);
		pager_add(l->p, A_BOLD, pt->code ? pt->code : "");
		pager_tab(l->p, INDENT + code_cols + 2);
		pager_wrap(l->p, INDENT * 2, A_NORMAL, name);
	}
}

static void components(struct layout *l, const struct procedure *p)
{
	struct ui *ui = l->app->ui;
	bool ascii = !strcmp(ui->ellipsis, "~");

	heading(l, _("Components"), p->ncomponents);
	if (!p->ncomponents)
		nothing(l, _("none listed"));
	for (int i = 0; i < p->ncomponents; i++) {
		const struct component *c = &p->components[i];
		/* a procedure's component names the register that replaces
		 * it; the flag is a dossier's (profiles may map only one) */
		struct component as_national = { .from_national = true };
		bool national = c->from_national || (c->national_source && *c->national_source);
		enum theme_obj obj = TH_DEFAULT;
		/* national data: the glyph and the attribute of the dossier's */
		const char *glyph = national ? mark_component(ui, &as_national, &obj) :
			ascii ? "-" : "\u2022";
		attr_t look = national ? theme_attr(&ui->theme, obj) : A_NORMAL;
		char state[256];

		if (national && c->national_source)
			/* TRANSLATORS: %s names the register, "population database" */
			snprintf(state, sizeof state, _("no paper: national data from the %s"),
				 register_name(c->national_source));
		else if (national)
			snprintf(state, sizeof state, "%s", _("no paper: national data replaces it"));
		else if (c->required)
			snprintf(state, sizeof state, P_("%d copy, required", "%d copies, required",
							 c->copies), c->copies);
		else
			snprintf(state, sizeof state, P_("%d copy, if it applies",
							 "%d copies, if it applies", c->copies),
				 c->copies);
		pager_newline(l->p);
		pager_tab(l->p, INDENT);
		pager_add(l->p, look, glyph);
		pager_add(l->p, A_NORMAL, " ");
		pager_wrap(l->p, INDENT * 2, look, c->name ? c->name : "");
		if (pager_col(l->p) + 2 + text_width(state) > l->p->width) {
			pager_newline(l->p);
			pager_tab(l->p, INDENT * 2);
		} else {
			pager_add(l->p, A_NORMAL, "  ");
		}
		pager_wrap(l->p, INDENT * 2, national ? look : l->dim, state);
	}
}

static void form_fields(struct layout *l, const struct procedure *p)
{
	struct ui *ui = l->app->ui;
	attr_t national = theme_attr(&ui->theme, TH_FIELD_NATIONAL);

	heading(l, _("Form fields"), p->nfields);
	if (!p->nfields)
		nothing(l, _("none listed"));
	for (int i = 0; i < p->nfields; i++) {
		const struct proc_field *f = &p->fields[i];
		char about[256];

		pager_newline(l->p);
		pager_tab(l->p, INDENT);
		pager_add(l->p, f->required ? A_BOLD : A_NORMAL, f->required ? "*" : " ");
		pager_add(l->p, A_NORMAL, " ");
		pager_wrap(l->p, INDENT * 2, f->required ? A_BOLD : A_NORMAL,
			   f->label ? f->label : f->key ? f->key : "");
		snprintf(about, sizeof about, "%s%s", f->type ? f->type : "",
			 f->required ? _(", required") : "");
		pager_add(l->p, A_NORMAL, "  ");
		pager_wrap(l->p, INDENT * 2, l->dim, about);
		if (f->lookup) {
			pager_newline(l->p);
			pager_tab(l->p, INDENT * 2);
			/* TRANSLATORS: a form field filled by a lookup in a national register */
			snprintf(about, sizeof about, _("filled from the %s"), register_name(f->lookup));
			pager_wrap(l->p, INDENT * 2, national, about);
		}
		if (f->noptions) {
			char list[1024];
			size_t used = 0;

			list[0] = '\0';
			for (int o = 0; o < f->noptions && used < sizeof list; o++)
				used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
							 o ? ", " : "", f->options[o]);
			pager_newline(l->p);
			pager_tab(l->p, INDENT * 2);
			pager_wrap(l->p, INDENT * 2, l->dim, list);
		}
	}
}

static void detail_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct catalog_view *v = catalog_view(app);
	const struct procedure *p = shown(v);
	const char *tr[NFIELDS];
	struct layout l = {
		.app = app, .p = &v->pager,
		.heading = theme_attr(&ui->theme, TH_LIST_HEADER),
		.dim = theme_attr(&ui->theme, TH_EMPTY_HINT),
	};
	char keys[64];

	(void)flags;
	pager_begin(l.p, win);
	if (!p) {
		pager_add(l.p, l.dim, v->loading ? _("Loading the procedure from the server\u2026") :
			  _("This procedure is not in the catalog."));
		pager_draw(app, l.p, win);
		return;
	}
	for (int f = 0; f < NFIELDS; f++)
		tr[f] = _(labels[f]);
	l.value_col = pager_value_col(tr, NFIELDS);
	pager_wrap(l.p, 0, A_BOLD, p->name ? p->name : "");
	if (v->loading && !v->have_whole) {
		pager_newline(l.p);
		pager_add(l.p, l.dim, _("Loading the whole procedure from the server\u2026"));
	} else if (v->failed) {
		pager_newline(l.p);
		if (!km_keys_in(ui->km, screen_catalog_detail.context, "catalog-reload", keys,
				sizeof keys))
			snprintf(keys, sizeof keys, "%s", "catalog-reload");
		/* TRANSLATORS: %s names the keys that load it again, e.g. <C-r> */
		pager_addf(l.p, l.dim, _("Only the catalog's summary is shown; %s loads it again."), keys);
	}
	general(&l, p);
	parts(&l, p);
	components(&l, p);
	form_fields(&l, p);
	pager_draw(app, l.p, win);
}

const struct screen screen_catalog_detail = {
	.context = "catalog-detail",
	.name = N_("Procedure"),
	.ops = detail_ops,
	.generic_keys = ops_back_keys,
	.hints = detail_hints,
	.title = detail_title,
	.draw = detail_draw,
	.pager = detail_pager,
};
