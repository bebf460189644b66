#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "intake_view.h"
#include "marks.h"
#include "ui.h"

/* Rows the header takes above the fields, and the footer below them. */
#define HEAD 3
#define FOOT 1
#define LABEL_MAX 34

/* R_ERROR_MORE, R_LOOKUP_MORE: the rest of a problem or of a lookup's
 * outcome too long for its row (at 80 columns the reason and what to do
 * must be read whole). */
enum row_kind { R_HEADING, R_FIELD, R_ERROR, R_ERROR_MORE, R_HINT, R_LOOKUP, R_LOOKUP_MORE, R_COMP };

/* Where a field's problem starts, and its glyph's width with the space. */
#define PROBLEM_X 6
#define GLYPH_W 2

struct row {
	enum row_kind kind;
	int i;			/* field or component; R_HEADING: a field, or -1 */
};

/* ---- words ---- */

/* The block a field belongs to, as the clerk calls it: the people a form
 * names, by their role. Other blocks ("residence", "health_insurance") are
 * a server's keys, not words for a clerk: one heading covers them. */
static const char *block_title(const char *key)
{
	static const struct {
		const char *prefix, *title;
	} known[] = {
		{ "applicant", N_("Applicant") }, { "child", N_("Child") },
		{ "father", N_("Father") }, { "mother", N_("Mother") },
		{ "partner", N_("Partner") }, { "deceased", N_("The deceased") },
		{ "protected", N_("Ward") }, { "beneficiary", N_("Beneficiary") },
		{ "household_head", N_("Head of household") },
		{ "counterparty", N_("Other party") },
		{ "business", N_("Household business") }, { "~proxy", N_("Proxy") },
		{ "~applicant", N_("Applicant") }, { "~copies", N_("The dossier") },
		{ "~note", N_("The dossier") },
	};
	const char *dot = strchr(key, '.');
	size_t n = dot ? (size_t)(dot - key) : strlen(key);

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strlen(known[i].prefix) == n && !strncmp(known[i].prefix, key, n))
			return _(known[i].title);
	return _("Other details");
}

static bool shows_problem(const struct iform *f, const struct iform_field *x)
{
	return !x->valid && (x->touched || f->submit_tried);
}

static const char *lookup_line(const struct intake_view *v, const struct af_lookup *l,
			       char *buf, size_t len)
{
	const char *reg = v->form.f[l->field].lookup;
	bool ent = reg && !strcmp(reg, "enterprise");

	switch (l->state) {
	case AF_IDLE:
	case AF_WAITING:
		return NULL;
	case AF_LOOKING:
		snprintf(buf, len, ent ? _("looking up the enterprise register\u2026 (Esc stops)")
				       : _("looking up the population register\u2026 (Esc stops)"));
		break;
	case AF_FOUND:
		snprintf(buf, len, P_("found in the register: %d field filled",
				      "found in the register: %d fields filled", l->filled), l->filled);
		break;
	case AF_NOT_FOUND:
		snprintf(buf, len, "%s", _("not in the register: type the details by hand"));
		break;
	case AF_OFFLINE:
		snprintf(buf, len, "%s",
			 _("lookup not done: the register cannot be reached; type the details by hand"));
		break;
	case AF_FAILED:
		snprintf(buf, len, _("lookup not done: %s"), l->why.msg);
		break;
	case AF_CANCELLED:
		snprintf(buf, len, "%s", _("lookup stopped: type the details by hand"));
		break;
	}
	return buf;
}

/* ---- the rows ---- */

static int build(const struct intake_view *v, struct row *rows, int max, int width)
{
	const struct iform *f = &v->form;
	int n = 0;

#define ADD(k, x) do { if (n < max) rows[n] = (struct row){ (k), (x) }; n++; } while (0)
	for (int i = 0; i < f->nf; i++) {
		const struct iform_field *x = &f->f[i];
		const struct af_lookup *l = af_lookup_of(&v->af, i);
		char line[512];

		if (!i || strcmp(block_title(x->key), block_title(f->f[i - 1].key)))
			ADD(R_HEADING, i);
		ADD(R_FIELD, i);
		if (shows_problem(f, x) || (i == v->cur && !x->valid && x->value[0])) {
			ADD(R_ERROR, i);
			if (text_width(x->error.msg) > width - PROBLEM_X - GLYPH_W)
				ADD(R_ERROR_MORE, i);
		} else if (x->hint[0])
			ADD(R_HINT, i);
		if (l && lookup_line(v, l, line, sizeof line)) {
			ADD(R_LOOKUP, i);
			if (text_width(line) > width - PROBLEM_X - GLYPH_W)
				ADD(R_LOOKUP_MORE, i);
		}
	}
	if (f->nc)
		ADD(R_HEADING, -1);
	for (int j = 0; j < f->nc; j++)
		ADD(R_COMP, j);
#undef ADD
	return n;
}

int intake_rows(struct app *app, int width, int *focus_row)
{
	struct intake_view *v = ui_state(app, &screen_intake);
	struct row rows[512];
	int n = build(v, rows, 512, width);

	*focus_row = 0;
	for (int r = 0; r < n && r < 512; r++)
		if ((rows[r].kind == R_FIELD && rows[r].i == v->cur) ||
		    (rows[r].kind == R_COMP && v->form.nf + rows[r].i == v->cur))
			*focus_row = r;
	return n;
}

/* ---- drawing ---- */

static void put(WINDOW *win, int y, int x, int width, attr_t attr, const char *s, const char *ell)
{
	char buf[1024];

	if (width <= 0)
		return;
	text_fit(buf, sizeof buf, s, width, ell, 0);
	wattrset(win, attr);
	mvwaddstr(win, y, x, buf);
	wattrset(win, A_NORMAL);
}

/* A choice as the clerk reads it: the registers' sex codes (a choice of
 * just M and F) in words; any other as the server gives it. */
static const char *choice_text(const struct iform_field *x)
{
	bool mf = x->noptions == 2 &&
		  ((!strcmp(x->options[0], "M") && !strcmp(x->options[1], "F")) ||
		   (!strcmp(x->options[0], "F") && !strcmp(x->options[1], "M")));

	if (!x->value[0])
		return "\u2014";
	if (mf && !strcmp(x->value, "M"))
		return _("Male");
	if (mf && !strcmp(x->value, "F"))
		return _("Female");
	return x->value;
}

static void draw_field(struct app *app, WINDOW *win, int y, int i, int cols)
{
	struct ui *ui = app->ui;
	struct intake_view *v = ui_state(app, &screen_intake);
	const struct iform_field *x = &v->form.f[i];
	bool cur = v->cur == i;
	enum field_mark m = shows_problem(&v->form, x) ? FM_INVALID :
			    x->origin == IO_NATIONAL ? FM_NATIONAL :
			    x->origin == IO_CORRECTED ? FM_CORRECTED : FM_NONE;
	enum theme_obj obj;
	const char *g = mark_field(ui, m, &obj);
	int lw = cols / 2 - 4 < LABEL_MAX ? cols / 2 - 4 : LABEL_MAX, vx = 4 + lw + 1;
	char label[256];
	attr_t va = m == FM_NATIONAL || m == FM_CORRECTED ? theme_attr(&ui->theme, obj) : A_NORMAL;

	put(win, y, 0, 2, cur ? A_BOLD : A_NORMAL, cur ? "\u25b8" : " ", ui->ellipsis);
	if (cur && !strcmp(ui->ellipsis, "~"))
		put(win, y, 0, 2, A_BOLD, ">", ui->ellipsis);
	put(win, y, 2, 1, theme_attr(&ui->theme, obj), g, ui->ellipsis);
	/* the required mark survives a long label being cut */
	snprintf(label, sizeof label, "%s", x->label);
	put(win, y, 4, lw - 2, cur ? A_BOLD : A_NORMAL, label, ui->ellipsis);
	if (x->rule.required)
		put(win, y, 4 + lw - 1, 1, A_BOLD, "*", ui->ellipsis);
	if (x->rule.type == VT_SELECT && x->noptions) {
		char sel[VALIDATE_MAX + 16];

		snprintf(sel, sizeof sel, cur ? "\u2039 %s \u203a" : "%s", choice_text(x));
		put(win, y, vx, cols - vx, va | (cur ? A_REVERSE : 0), sel, ui->ellipsis);
	} else if (cur) {
		wattrset(win, va);
		prompt_draw(&v->edit, win, y, vx, cols - vx, "", ui->ellipsis, true);
		wattrset(win, A_NORMAL);
	} else {
		put(win, y, vx, cols - vx, va, x->value, ui->ellipsis);
	}
}

static void draw_comp(struct app *app, WINDOW *win, int y, int j, int cols)
{
	struct ui *ui = app->ui;
	struct intake_view *v = ui_state(app, &screen_intake);
	const struct iform_comp *c = &v->form.c[j];
	struct component mc = { .from_national = c->from_national, .provided = c->provided };
	enum theme_obj obj;
	const char *g = mark_component(ui, &mc, &obj);
	bool cur = v->cur == v->form.nf + j;
	char line[512];

	put(win, y, 0, 2, A_BOLD, cur ? (strcmp(ui->ellipsis, "~") ? "\u25b8" : ">") : " ", ui->ellipsis);
	put(win, y, 2, 1, theme_attr(&ui->theme, obj), g, ui->ellipsis);
	snprintf(line, sizeof line, "%s \u2014 %s", c->name,
		 c->from_national ? (c->auto_national ? _("national data (from the lookup)")
						      : _("national data"))
		 : c->provided ? _("on paper") : _("not handed in"));
	put(win, y, 4, cols - 4, (cur ? A_BOLD : A_NORMAL) | (c->from_national ? theme_attr(&ui->theme, obj) : 0),
	    line, ui->ellipsis);
}

/* A problem or a lookup's outcome under its field, after its glyph: the
 * first row of it, or (more) the rest, under its first word. */
static void wrapped(struct app *app, WINDOW *win, int y, int cols, bool more, const char *glyph,
		    attr_t look, const char *text)
{
	size_t first = text_wrap(text, cols - PROBLEM_X - GLYPH_W);
	char buf[640];

	if (more) {
		for (text += first; *text == ' '; text++)
			;
		put(win, y, PROBLEM_X + GLYPH_W, cols - PROBLEM_X - GLYPH_W, look, text, app->ui->ellipsis);
		return;
	}
	snprintf(buf, sizeof buf, "%s %.*s", glyph, (int)first, text);
	put(win, y, PROBLEM_X, cols - PROBLEM_X, look, buf, app->ui->ellipsis);
}

static void draw_row(struct app *app, WINDOW *win, int y, const struct row *r, int cols)
{
	struct ui *ui = app->ui;
	struct intake_view *v = ui_state(app, &screen_intake);
	char buf[640];

	switch (r->kind) {
	case R_HEADING:
		put(win, y, 0, cols, theme_attr(&ui->theme, TH_LIST_HEADER),
		    r->i < 0 ? _("Components (Space: paper / national data / not handed in)")
			     : block_title(v->form.f[r->i].key), ui->ellipsis);
		break;
	case R_FIELD:
		draw_field(app, win, y, r->i, cols);
		break;
	case R_ERROR:
	case R_ERROR_MORE: {
		enum theme_obj obj;
		const char *g = mark_field(ui, FM_INVALID, &obj);
		/* while it is being typed, the problem is a quiet guide */
		bool quiet = !shows_problem(&v->form, &v->form.f[r->i]);

		wrapped(app, win, y, cols, r->kind == R_ERROR_MORE, quiet ? "\u2026" : g,
			quiet ? theme_attr(&ui->theme, TH_EMPTY_HINT) : theme_attr(&ui->theme, obj),
			v->form.f[r->i].error.msg);
		break;
	}
	case R_HINT:
		/* TRANSLATORS: what an ID number says, a hint only: "Hà Nội, male, born 1985" */
		snprintf(buf, sizeof buf, _("ID number says: %s"), v->form.f[r->i].hint);
		put(win, y, PROBLEM_X, cols - PROBLEM_X, theme_attr(&ui->theme, TH_EMPTY_HINT), buf, ui->ellipsis);
		break;
	case R_LOOKUP:
	case R_LOOKUP_MORE: {
		const struct af_lookup *l = af_lookup_of(&v->af, r->i);
		enum theme_obj obj;
		const char *g = mark_field(ui, l->state == AF_FOUND ? FM_NATIONAL : FM_NONE, &obj);
		char line[512];

		if (!lookup_line(v, l, line, sizeof line))
			break;
		wrapped(app, win, y, cols, r->kind == R_LOOKUP_MORE, g,
			l->state == AF_FOUND ? theme_attr(&ui->theme, obj) :
			l->state == AF_LOOKING ? A_NORMAL : A_BOLD, line);
		break;
	}
	case R_COMP:
		draw_comp(app, win, y, r->i, cols);
		break;
	}
}

static void header(struct app *app, WINDOW *win, int cols)
{
	struct ui *ui = app->ui;
	struct intake_view *v = ui_state(app, &screen_intake);
	const struct iform *f = &v->form;
	char buf[1024], t[WHEN_LEN];
	int64_t due = intake_appointment(app, app_now(app));

	snprintf(buf, sizeof buf, "%s (%s)", f->procedure_name, f->procedure_code);
	put(win, 0, 0, cols, A_BOLD, buf, ui->ellipsis);
	/* TRANSLATORS: the appointment date if the dossier is received now */
	snprintf(buf, sizeof buf, _("Received now, due %s"), when_time_wday_date(due, t, sizeof t));
	if (f->cutoff >= 0) {
		size_t n = strlen(buf);

		/* TRANSLATORS: received after it ("15:00"), a dossier counts from the next working day */
		snprintf(buf + n, sizeof buf - n, _(" \u00b7 cut-off %s"),
			 when_minute(f->cutoff, t, sizeof t));
	}
	put(win, 1, 0, cols, A_BOLD, buf, ui->ellipsis);
	if (f->joint) {
		size_t n = (size_t)snprintf(buf, sizeof buf, "%s", _("Joint procedure, one form for:"));

		for (int i = 0; i < f->nparts && n < sizeof buf; i++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " + " : " ", f->parts[i]);
		put(win, 2, 0, cols, A_NORMAL, buf, ui->ellipsis);
	} else if (af_any_offline(&v->af)) {
		put(win, 2, 0, cols, A_BOLD,
		    _("Offline: national data not looked up; complete the form by hand"), ui->ellipsis);
	}
}

static void footer(struct app *app, WINDOW *win, int y, int cols)
{
	struct ui *ui = app->ui;
	struct intake_view *v = ui_state(app, &screen_intake);
	enum theme_obj on, oc, oi;
	const char *gn = mark_field(ui, FM_NATIONAL, &on), *gc = mark_field(ui, FM_CORRECTED, &oc),
		   *gi = mark_field(ui, FM_INVALID, &oi);
	char keys[64], buf[512];
	int n = iform_problems(&v->form), x;

	if (!km_keys_in(ui->km, screen_intake.context, "intake-submit", keys, sizeof keys))
		snprintf(keys, sizeof keys, "intake-submit");
	snprintf(buf, sizeof buf, "%s %s", gn, _("national data"));
	put(win, y, 0, cols, theme_attr(&ui->theme, on), buf, ui->ellipsis);
	x = text_width(buf) + 2;
	snprintf(buf, sizeof buf, "%s %s", gc, _("corrected"));
	put(win, y, x, cols - x, theme_attr(&ui->theme, oc), buf, ui->ellipsis);
	x += text_width(buf) + 2;
	if (n)
		snprintf(buf, sizeof buf, P_("%s %d to complete", "%s %d to complete", n), gi, n);
	else
		snprintf(buf, sizeof buf, "%s", _("complete"));
	put(win, y, x, cols - x, n ? theme_attr(&ui->theme, oi) : A_BOLD, buf, ui->ellipsis);
	x += text_width(buf) + 2;
	/* TRANSLATORS: %s names the keys that submit, e.g. <F10> */
	snprintf(buf, sizeof buf, _("%s receives it"), keys);
	put(win, y, x, cols - x, A_NORMAL, buf, ui->ellipsis);
}

static void result(struct app *app, WINDOW *win, int cols)
{
	struct ui *ui = app->ui;
	struct intake_view *v = ui_state(app, &screen_intake);
	char buf[640], t[WHEN_LEN];
	int y = 0, margin;

	snprintf(buf, sizeof buf, "%s (%s)", v->form.procedure_name, v->form.procedure_code);
	put(win, y++, 0, cols, A_BOLD, buf, ui->ellipsis);
	y++;
	switch (v->state) {
	case OB_DONE:
		put(win, y++, 0, cols, A_BOLD, _("Dossier received."), ui->ellipsis);
		snprintf(buf, sizeof buf, _("Dossier code: %s"), v->dossier[0] ? v->dossier : "\u2014");
		put(win, y++, 2, cols - 2, A_BOLD, buf, ui->ellipsis);
		if (v->due)
			snprintf(buf, sizeof buf, _("Appointment: %s"), when_time_wday_date(v->due, t, sizeof t));
		else
			snprintf(buf, sizeof buf, "%s", _("Appointment: not set (an online dossier)"));
		put(win, y++, 2, cols - 2, A_BOLD, buf, ui->ellipsis);
		break;
	case OB_QUEUED:
	case OB_SENDING:
		/* queued: not sent yet, or a try failed and it waits for the link */
		if (v->state == OB_QUEUED || app->link == LINK_OFFLINE || app->link == LINK_DOWN ||
		    app->link == LINK_NONE)
			put(win, y++, 0, cols, A_BOLD,
			    _("Queued: it will be sent when the link is back."), ui->ellipsis);
		else
			put(win, y++, 0, cols, A_BOLD, _("Sending\u2026"), ui->ellipsis);
		put(win, y++, 2, cols - 2, A_NORMAL,
		    _("It is saved on this machine and is sent once; nothing needs typing again."),
		    ui->ellipsis);
		snprintf(buf, sizeof buf, _("Expected appointment: %s"),
			 when_time_wday_date(intake_appointment(app, v->sent_at), t, sizeof t));
		put(win, y++, 2, cols - 2, A_NORMAL, buf, ui->ellipsis);
		break;
	case OB_CONFLICT:
	case OB_FAILED:
		put(win, y++, 0, cols, theme_attr(&ui->theme, TH_FIELD_INVALID),
		    _("The server refused the intake; the outbox keeps it with the reason."), ui->ellipsis);
		break;
	}
	if (v->offline_lookup)
		put(win, y++, 2, cols - 2, A_NORMAL,
		    _("National data was not looked up (offline); the dossier says so."), ui->ellipsis);
	put(win, y++, 0, cols, theme_attr(&ui->theme, TH_EMPTY_HINT),
	    v->have_receipt ? _("p prints the receipt, Up/Down scroll it, q goes back.")
			    : _("q goes back."), ui->ellipsis);
	if (!v->have_receipt)
		return;
	y++;
	/* an A4 receipt is 80 columns: at 80 its margin goes, not its words */
	margin = cols - v->receipt.width < 2 ? 0 : 2;
	for (int i = v->receipt_top; i < v->receipt.n && y < getmaxy(win); i++)
		put(win, y++, margin, cols - margin, A_NORMAL, v->receipt.lines[i], ui->ellipsis);
}

void intake_draw_form(struct app *app, WINDOW *win)
{
	struct intake_view *v = ui_state(app, &screen_intake);
	int rows = getmaxy(win), cols = getmaxx(win), n, focus_row, end, space = rows - HEAD - FOOT;
	struct row r[512];

	switch (v->phase) {
	case IP_ASK:
		prompt_draw(&v->edit, win, 1, 0, cols, _("Procedure code: "), app->ui->ellipsis, true);
		put(win, 3, 0, cols, theme_attr(&app->ui->theme, TH_EMPTY_HINT),
		    _("e.g. 1.001193 (birth registration); Enter opens its form, Esc goes back"),
		    app->ui->ellipsis);
		return;
	case IP_LOADING:
		put(win, 0, 0, cols, A_DIM, _("Loading the procedure\u2026"), app->ui->ellipsis);
		return;
	case IP_NOPROC:
		put(win, 0, 0, cols, A_BOLD, _("The procedure could not be loaded:"), app->ui->ellipsis);
		put(win, 1, 2, cols - 2, A_NORMAL, v->why.msg, app->ui->ellipsis);
		return;
	case IP_SENT:
		result(app, win, cols);
		return;
	case IP_FORM:
		break;
	}
	header(app, win, cols);
	n = intake_rows(app, cols, &focus_row);
	build(v, r, 512, cols);
	if (n > 512)
		n = 512;
	/* keep the focus in view, with its problem, hint and lookup lines */
	end = focus_row;
	while (end + 1 < n && r[end + 1].kind != R_HEADING && r[end + 1].kind != R_FIELD &&
	       r[end + 1].kind != R_COMP)
		end++;
	if (focus_row < v->top)
		v->top = focus_row > 0 && r[focus_row - 1].kind == R_HEADING ? focus_row - 1 : focus_row;
	if (end >= v->top + space)
		v->top = end + 1 - space;
	if (v->top > n - space)
		v->top = n - space;
	if (v->top < 0)
		v->top = 0;
	for (int y = 0; y < space && v->top + y < n; y++)
		draw_row(app, win, HEAD + y, &r[v->top + y], cols);
	footer(app, win, rows - 1, cols);
}
