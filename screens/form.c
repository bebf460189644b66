#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "form.h"

void form_init(struct form *f)
{
	memset(f, 0, sizeof *f);
}

void form_free(struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		struct form_field *ff = &f->f[i];

		for (size_t k = 0; k < ff->nitems; k++) {
			free(ff->items[k].label);
			free(ff->items[k].value);
			free(ff->items[k].folded);
		}
		free(ff->items);
	}
	memset(f, 0, sizeof *f);
}

struct form_field *form_add(struct form *f, enum form_kind kind, const char *label, bool required)
{
	struct form_field *ff;

	if (f->n == FORM_FIELDS)
		return NULL;
	ff = &f->f[f->n++];
	memset(ff, 0, sizeof *ff);
	ff->kind = kind;
	ff->label = label;
	ff->required = required;
	return ff;
}

static char *folded(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);

	fold_text(out, n + 1, s, n);
	return out;
}

void form_add_item(struct form_field *ff, const char *label, const char *value, bool on)
{
	ff->items = xrealloc(ff->items, (ff->nitems + 1) * sizeof *ff->items);
	ff->items[ff->nitems++] = (struct form_item){ xstrdup(label), xstrdup(value), folded(label), on };
}

const char *form_text(const struct form_field *ff, char *buf, size_t len)
{
	const char *s = ff->text.text;
	size_t n;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* Typing narrows to the items with a word of the label starting with the
 * text, without diacritics: "nhung" finds "Lê Thị Hồng Nhung (chuyenvien1)",
 * "chuyenvien1" too; "huy" does not find that one inside "chuyenvien1". */
bool form_shows(const struct form_field *ff, size_t i)
{
	char q[PROMPT_MAX];
	const char *label = ff->items[i].folded, *at;

	if (!ff->text.len)
		return true;
	fold_text(q, sizeof q, ff->text.text, ff->text.len);
	for (at = label; (at = strstr(at, q)); at++)
		if (at == label || at[-1] == ' ' || at[-1] == '(')
			return true;
	return false;
}

static size_t shown_count(const struct form_field *ff)
{
	size_t n = 0;

	for (size_t i = 0; i < ff->nitems; i++)
		n += ff->kind != FORM_PICK || form_shows(ff, i);
	return n;
}

/* The item on shown row r. */
static struct form_item *shown_item(const struct form_field *ff, size_t r)
{
	for (size_t i = 0; i < ff->nitems; i++)
		if (ff->kind != FORM_PICK || form_shows(ff, i)) {
			if (!r)
				return &ff->items[i];
			r--;
		}
	return NULL;
}

const struct form_item *form_picked(const struct form_field *ff)
{
	return shown_item(ff, ff->cur);
}

bool form_key(struct form *f, km_key key, const struct vnime *im)
{
	struct form_field *ff;

	if (!f->n)
		return false;
	ff = &f->f[f->focus];
	if (ff->kind == FORM_CHECKS) {
		struct form_item *it = shown_item(ff, ff->cur);

		if (key != ' ')
			return false;
		if (it)
			it->on = !it->on;
		return true;
	}
	/* the keys that edit; Enter, Esc and Tab are the screen's */
	if (key == '\r' || key == '\n' || key == 0x1b || key == 0x07 || key == '\t' ||
	    key == (KM_FKEY | KEY_ENTER))
		return false;
	switch (prompt_type(&ff->text, key, im)) {
	case PROMPT_EDITED:
		ff->cur = 0;	/* the list narrowed: start from its top */
		return true;
	case PROMPT_TAKEN:
		return true;
	default:
		return false;
	}
}

void form_focus(struct form *f, int dir)
{
	if (f->n)
		f->focus = (f->focus + dir + f->n) % f->n;
}

bool form_move(struct form *f, int dir)
{
	struct form_field *ff = f->n ? &f->f[f->focus] : NULL;
	size_t n;

	if (!ff || (ff->kind != FORM_PICK && ff->kind != FORM_CHECKS) || !(n = shown_count(ff)))
		return false;
	if (dir < 0 && ff->cur > 0)
		ff->cur--;
	else if (dir > 0 && ff->cur + 1 < n)
		ff->cur++;
	return true;
}

/* ---- drawing ---- */

#define INDENT 4

static void put(WINDOW *win, int y, int x, attr_t attr, const char *s, int width, const char *ellipsis)
{
	char fitted[1024];

	if (width <= 0 || y >= getmaxy(win))
		return;
	text_fit(fitted, sizeof fitted, s, width, ellipsis, 0);
	wattrset(win, attr);
	mvwaddstr(win, y, x, fitted);
	wattrset(win, A_NORMAL);
}

static int draw_list(const struct form_field *ff, bool focused, WINDOW *win, int y,
		     const struct theme *t, const char *ellipsis)
{
	size_t n = shown_count(ff), top = 0;
	int w = getmaxx(win) - INDENT - 1;
	bool utf8 = strcmp(ellipsis, "~") != 0;
	attr_t dim = theme_attr(t, TH_EMPTY_HINT);

	if (!n) {
		put(win, y++, INDENT, dim, ff->kind == FORM_PICK && ff->free_text ?
		    _("no one of that name: the text is sent as typed") : _("nothing matches"), w, ellipsis);
		return y;
	}
	if (ff->cur >= FORM_LIST_ROWS)
		top = ff->cur - FORM_LIST_ROWS + 1;
	for (size_t r = top; r < n && r < top + FORM_LIST_ROWS; r++) {
		const struct form_item *it = shown_item(ff, r);
		char line[512];
		bool here = r == ff->cur;
		attr_t a = here && focused ? theme_attr(t, TH_LIST_SELECTED) : here ? A_BOLD : A_NORMAL;

		if (ff->kind == FORM_CHECKS)
			snprintf(line, sizeof line, "%s %s", it->on ? "[x]" : "[ ]", it->label);
		else
			/* the chosen one has a glyph too, for monochrome */
			snprintf(line, sizeof line, "%s %s", here ? (utf8 ? "\u203a" : ">") : " ", it->label);
		put(win, y++, INDENT, a, line, w, ellipsis);
	}
	if (top + FORM_LIST_ROWS < n) {
		char more[64];
		size_t rest = n - top - FORM_LIST_ROWS;

		/* TRANSLATORS: more items of a list, below the ones shown */
		snprintf(more, sizeof more, P_("\u2026 and %zu more", "\u2026 and %zu more", rest), rest);
		put(win, y++, INDENT, dim, more, w, ellipsis);
	}
	return y;
}

int form_draw(const struct form *f, WINDOW *win, int y, const struct theme *t, const char *ellipsis)
{
	bool utf8 = strcmp(ellipsis, "~") != 0;
	attr_t dim = theme_attr(t, TH_EMPTY_HINT);
	int w = getmaxx(win);

	for (int i = 0; i < f->n; i++) {
		const struct form_field *ff = &f->f[i];
		bool focused = i == f->focus;
		char label[256];

		snprintf(label, sizeof label, "%s %s%s", focused ? (utf8 ? "\u25b6" : ">") : " ", ff->label,
			 ff->required ? _(" (required)") : "");
		put(win, y, 0, focused ? A_BOLD : A_NORMAL, label, w - 1, ellipsis);
		if (ff->kind == FORM_DATE && focused)
			put(win, y, text_width(label) + 2, dim, _("dd/mm/yyyy HH:MM"), w - text_width(label) - 3,
			    ellipsis);
		y++;
		if (ff->kind != FORM_CHECKS && y < getmaxy(win)) {
			if (focused || ff->text.len)
				prompt_draw(&ff->text, win, y, INDENT, w - INDENT - 1, "", ellipsis, focused);
			else
				put(win, y, INDENT, dim, "\u2014", 1, ellipsis);
			y++;
		}
		if (ff->kind == FORM_PICK || ff->kind == FORM_CHECKS)
			y = draw_list(ff, focused, win, y, t, ellipsis);
		y++;
	}
	return y;
}
