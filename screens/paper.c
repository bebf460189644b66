#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "desk/receipt.h"
#include "ui.h"

/* The papers a dossier has, as they print: the receipt with the
 * appointment (the applicant lost it), the supplement request or the
 * refusal (just sent from the dossier view). Laid out from the dossier as
 * the inbox holds it at each draw, so a refresh shows at once; printed at
 * the paper's width whatever the terminal's. */

static const char *const titles[] = {
	[RECEIPT_RECEIPT] = N_("Receipt"),
	[RECEIPT_SUPPLEMENT] = N_("Supplement request"),
	[RECEIPT_REFUSAL] = N_("Refusal"),
};
#define NKINDS (int)(sizeof titles / sizeof titles[0])

/* A paper form of one dossier, laid out from it at each draw. */
struct paper_view {
	char *code;
	enum receipt_kind kind;
	struct pager pager;
};

static struct paper_view *view(struct app *app)
{
	return ui_state(app, &screen_paper);
}

static void paper_view_free(struct app *app, void *state)
{
	struct paper_view *v = state;

	(void)app;
	free(v->code);
	pager_free(&v->pager);
}

static int make(struct app *app, int width, struct receipt *r, struct err *e)
{
	struct paper_view *v = view(app);
	const struct dossier *d = app_find_dossier(app, v->code);
	struct receipt_opts o = { .desk = app->conf.desk_name, .now = app_now(app),
				  .paper = PAPER_A4, .width = width };

	if (!d)
		return err_set(e, _("%s is no longer in the inbox."), v->code);
	return receipt_make(v->kind, d, &o, r, e);
}

/* The first form the dossier has, from start on in the kinds' order. */
static int next_kind(const struct dossier *d, int start)
{
	for (int i = 0; i < NKINDS; i++)
		if (receipt_applies((enum receipt_kind)((start + i) % NKINDS), d))
			return (start + i) % NKINDS;
	return -1;
}

unsigned paper_open(struct app *app, const char *code)
{
	struct paper_view *v = view(app);
	const struct dossier *d = code ? app_find_dossier(app, code) : NULL;
	int kind;
	unsigned flags;

	/* what the dossier's state calls for first */
	kind = !d ? -1 : next_kind(d, d->status == ST_REFUSED ? RECEIPT_REFUSAL :
				      d->status == ST_SUPPLEMENT ? RECEIPT_SUPPLEMENT :
								   RECEIPT_RECEIPT);
	if (kind < 0) {
		app_message(app, MSG_ERROR, "%s", _("no paper form before the dossier is received"));
		return RD_STATUS;
	}
	flags = ui_push(app, &screen_paper);
	if (app->ui->screen != &screen_paper)
		return flags;	/* the stack is full */
	free(v->code);
	v->code = xstrdup(code);
	v->kind = (enum receipt_kind)kind;
	v->pager.top = 0;
	return flags;
}

static unsigned op_next(struct app *app)
{
	struct paper_view *v = view(app);
	const struct dossier *d = app_find_dossier(app, v->code);
	int kind = d ? next_kind(d, (int)v->kind + 1) : -1;

	if (kind < 0 || kind == (int)v->kind) {
		app_message(app, MSG_INFO, "%s", _("this dossier has no other paper form"));
		return RD_STATUS;
	}
	v->kind = (enum receipt_kind)kind;
	v->pager.top = 0;
	return RD_TITLE | RD_BODY;
}

/* A form on its way to the printer: what the status line says of it. */
struct printing {
	struct app *app;
	char what[128];
};

static void printed(void *arg, const struct err *why, bool closing)
{
	struct printing *p = arg;

	if (closing)
		;	/* the client is closing: no one to tell */
	else if (why)
		/* TRANSLATORS: the form ("Receipt"), then why */
		app_message(p->app, MSG_ERROR, _("%s not printed: %s"), p->what, why->msg);
	else
		/* TRANSLATORS: the form: "Receipt" */
		app_message(p->app, MSG_INFO, _("%s sent to the printer"), p->what);
	free(p);
}

unsigned paper_print(struct app *app, const struct receipt *r, const char *what)
{
	struct printing *p = xcalloc(1, sizeof *p);
	struct err e;

	p->app = app;
	snprintf(p->what, sizeof p->what, "%s", what);
	if (receipt_print_start(&app->loop, r, app->conf.print_command, printed, p, &e) < 0) {
		app_message(app, MSG_ERROR, _("%s not printed: %s"), what, e.msg);
		free(p);
		return RD_STATUS;
	}
	/* TRANSLATORS: the form ("Receipt"), while the print command runs */
	app_message(app, MSG_INFO, _("%s: printing\u2026"), what);
	return RD_STATUS;
}

static unsigned op_print(struct app *app)
{
	struct paper_view *v = view(app);
	struct receipt r;
	struct err e;
	unsigned flags;

	if (make(app, 0, &r, &e) < 0) {
		app_message(app, MSG_ERROR, _("not printed: %s"), e.msg);
		return RD_STATUS;
	}
	flags = paper_print(app, &r, _(titles[v->kind]));
	receipt_free(&r);
	return flags;
}

static struct pager *paper_pager(struct app *app)
{
	return &view(app)->pager;
}

static const struct op_def paper_ops[] = {
	PAGER_OPS,
	OP("paper-print", N_("Print"), op_print, "p"),
	OP("paper-next", N_("Next form"), op_next, "<Tab>"),
	OP_END,
};

static const char *const paper_hints[] = { "view-close", "paper-print", "paper-next", NULL };

static void paper_title(struct app *app, char *buf, size_t len)
{
	struct paper_view *v = view(app);

	/* TRANSLATORS: the form ("Receipt"), then the dossier's code */
	snprintf(buf, len, _("%s \u2014 dossier %s"), _(titles[v->kind]),
		 app_dossier_number(app, v->code));
}

static void paper_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct paper_view *v = view(app);
	struct receipt r;
	struct err e;
	int margin;

	(void)flags;
	pager_begin(&v->pager, win);
	if (make(app, v->pager.width, &r, &e) < 0) {
		pager_add(&v->pager, theme_attr(&app->ui->theme, TH_EMPTY_HINT), e.msg);
		pager_draw(app, &v->pager, win);
		return;
	}
	/* the page's margin when there is room for one */
	margin = v->pager.width - r.width >= 4 ? 2 : 0;
	for (int i = 0; i < r.n; i++) {
		if (i)
			pager_newline(&v->pager);
		pager_tab(&v->pager, margin);
		pager_add(&v->pager, A_NORMAL, r.lines[i]);
	}
	receipt_free(&r);
	pager_draw(app, &v->pager, win);
}

const struct screen screen_paper = {
	.context = "paper",
	.name = N_("Paper form"),
	.ops = paper_ops,
	.generic_keys = ops_back_keys,
	.hints = paper_hints,
	.title = paper_title,
	.draw = paper_draw,
	.pager = paper_pager,
	.state_size = sizeof(struct paper_view),
	.state_free = paper_view_free,
};
