#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "theme.h"

/* The default (dark) theme; themes/default.theme writes the same as lines
 * (a unit test holds them together). Colours are from the 256-colour
 * palette; an 8-colour terminal gets the nearest basic colour. */
static const struct {
	const char *name;
	struct theme_look look;
} objs[TH_COUNT] = {
	[TH_DEFAULT]          = { "default", { -1, -1, A_NORMAL, A_NORMAL } },
	[TH_TITLE_BAR]        = { "title-bar", { 231, 24, A_NORMAL, A_REVERSE } },
	[TH_STATUS_BAR]       = { "status-bar", { 231, 24, A_NORMAL, A_REVERSE } },
	[TH_STATUS_ERROR]     = { "status-error", { 231, 124, A_BOLD, A_REVERSE | A_BOLD } },
	[TH_LIST_HEADER]      = { "list-header", { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE } },
	/* bold too: the selected row is not told by its background alone */
	[TH_LIST_SELECTED]    = { "list-selected", { 16, 152, A_BOLD, A_REVERSE } },
	[TH_EMPTY_HINT]       = { "empty-hint", { 245, -1, A_DIM, A_DIM } },
	[TH_DEADLINE_OVERDUE] = { "deadline-overdue", { 196, -1, A_BOLD, A_BOLD } },
	[TH_DEADLINE_TODAY]   = { "deadline-today", { 208, -1, A_BOLD, A_BOLD } },
	[TH_DEADLINE_SOON]    = { "deadline-soon", { 178, -1, A_NORMAL, A_NORMAL } },
	[TH_DEADLINE_APOLOGY] = { "deadline-apology", { 170, -1, A_UNDERLINE, A_UNDERLINE } },
	[TH_DEADLINE_OK]      = { "deadline-ok", { -1, -1, A_NORMAL, A_NORMAL } },
	[TH_FIELD_NATIONAL]   = { "field-from-national-data", { 35, -1, A_UNDERLINE, A_UNDERLINE } },
	[TH_COMPONENT_MISSING] = { "component-missing", { 160, -1, A_BOLD, A_BOLD } },
	[TH_FIELD_CORRECTED]  = { "field-corrected", { 37, -1, A_UNDERLINE | A_BOLD, A_UNDERLINE | A_BOLD } },
	[TH_FIELD_INVALID]    = { "field-invalid", { 160, -1, A_BOLD, A_BOLD } },
	[TH_LINK_ONLINE]      = { "link-online", { 120, 24, A_NORMAL, A_NORMAL } },
	[TH_LINK_SLOW]        = { "link-slow", { 220, 24, A_BOLD, A_BOLD | A_REVERSE } },
	[TH_LINK_OFFLINE]     = { "link-offline", { 231, 124, A_BOLD, A_BOLD | A_REVERSE } },
	[TH_ACTION_PENDING]   = { "action-pending", { 39, -1, A_UNDERLINE, A_UNDERLINE } },
	[TH_ACTION_WAITING]   = { "action-waiting", { 201, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE } },
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	attr_t attr;
} attr_names[] = {
	{ "bold", A_BOLD }, { "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
	{ "dim", A_DIM }, { "standout", A_STANDOUT }, { "normal", A_NORMAL },
};

const char *theme_obj_name(enum theme_obj obj)
{
	return obj < TH_COUNT ? objs[obj].name : "";
}

int theme_obj_find(const char *name)
{
	for (int i = 0; i < TH_COUNT; i++)
		if (!strcmp(objs[i].name, name))
			return i;
	return -1;
}

void theme_default(struct theme *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < TH_COUNT; i++)
		t->look[i] = objs[i].look;
}

static int parse_color(const char *s, short *out, struct err *e)
{
	char *end;
	long n;

	if (!strcmp(s, "default"))
		return *out = -1, 0;
	for (short i = 0; i < (short)(sizeof color_names / sizeof *color_names); i++)
		if (!strcmp(s, color_names[i]))
			return *out = i, 0;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*s >= '0' && *s <= '9' && !errno && !*end && n <= 255)
		return *out = (short)n, 0;
	return err_set(e, _("'%s' is not a colour: a name (black, red, green, yellow, blue, magenta, cyan, white), a number from 0 to 255, or default"), s);
}

static int parse_attrs(size_t n, char *const *v, attr_t *out, struct err *e)
{
	*out = A_NORMAL;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;

		while (k < sizeof attr_names / sizeof *attr_names && strcmp(v[i], attr_names[k].name))
			k++;
		if (k == sizeof attr_names / sizeof *attr_names)
			return err_set(e, _("'%s' is not an attribute: bold, underline, reverse, dim, standout or normal"), v[i]);
		*out |= attr_names[k].attr;
	}
	return 0;
}

int theme_color_cmd(struct theme *t, size_t n, char *const *v, struct err *e)
{
	bool mono = n && !strcmp(v[0], "mono");
	struct theme_look look;
	int obj;

	if (!n || (!mono && strcmp(v[0], "color")))
		return err_set(e, _("'%s' is not a theme command (color, mono)"), n ? v[0] : "");
	if (mono ? n < 3 : n < 4)
		return err_set(e, mono ? _("mono takes an object and attributes: mono deadline-overdue bold")
				       : _("color takes an object, a foreground and a background colour, then attributes: color deadline-overdue red default bold"));
	obj = theme_obj_find(v[1]);
	if (obj < 0)
		return err_set(e, _("'%s' is not a colour object; the theme preview (theme-preview) lists them all"), v[1]);
	look = t->look[obj];
	if (mono) {
		if (parse_attrs(n - 2, v + 2, &look.mono, e) < 0)
			return -1;
	} else if (parse_color(v[2], &look.fg, e) < 0 || parse_color(v[3], &look.bg, e) < 0 ||
		   parse_attrs(n - 4, v + 4, &look.attr, e) < 0) {
		return -1;
	}
	t->look[obj] = look;
	t->set[obj] |= mono ? TH_SET_MONO : TH_SET_COLOR;
	return 0;
}

void theme_overlay(struct theme *dst, const struct theme *src)
{
	for (int i = 0; i < TH_COUNT; i++) {
		if (src->set[i] & TH_SET_COLOR) {
			dst->look[i].fg = src->look[i].fg;
			dst->look[i].bg = src->look[i].bg;
			dst->look[i].attr = src->look[i].attr;
		}
		if (src->set[i] & TH_SET_MONO)
			dst->look[i].mono = src->look[i].mono;
		dst->set[i] |= src->set[i];
	}
}

const char *theme_color_name(short c, char *buf, size_t size)
{
	if (c < 0)
		snprintf(buf, size, "default");
	else if (c < (short)(sizeof color_names / sizeof *color_names))
		snprintf(buf, size, "%s", color_names[c]);
	else
		snprintf(buf, size, "%d", c);
	return buf;
}

const char *theme_attr_names(attr_t a, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof attr_names / sizeof *attr_names; i++)
		if (attr_names[i].attr && (a & attr_names[i].attr) == attr_names[i].attr && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? " " : "", attr_names[i].name);
	if (!len)
		snprintf(buf, size, "normal");
	return buf;
}

/* A colour the terminal lacks, as the nearest basic one: 8-15 are the
 * bright versions of 0-7; the 6x6x6 cube and the grey ramp keep each
 * primary that is more than half on. */
static short fit(short c, int colors)
{
	static const short level[6] = { 0, 95, 135, 175, 215, 255 };
	int r, g, b;

	if (c < colors)
		return c;
	if (c < 16)
		return (short)(c - 8);
	if (c >= 232)
		return 8 + 10 * (c - 232) > 127 ? COLOR_WHITE : COLOR_BLACK;
	c = (short)(c - 16);
	r = level[c / 36] > 127;
	g = level[c / 6 % 6] > 127;
	b = level[c % 6] > 127;
	return (short)(r * COLOR_RED + g * COLOR_GREEN + b * COLOR_BLUE);
}

void theme_apply(struct theme *t, int no_color)
{
	bool colour = !no_color && has_colors(), any = false;

	for (int i = 0; i < TH_COUNT; i++)
		any |= t->look[i].fg >= 0 || t->look[i].bg >= 0;
	t->colors = 0;
	/* colours are started only for a theme that has some: ncurses resets
	 * them with escapes of its own once started */
	if (colour && any) {
		if (start_color() == OK) {
			use_default_colors();
			t->colors = COLORS >= 256 ? 256 : COLORS >= 8 ? 8 : 0;
		}
		colour = t->colors != 0;
	}
	for (int i = 0; i < TH_COUNT; i++) {
		const struct theme_look *l = &t->look[i];
		short pair = (short)(i + 1);	/* pair 0 is the terminal's own */

		if (!colour) {
			t->attr[i] = l->mono;
		} else if (t->colors && (l->fg >= 0 || l->bg >= 0) && pair < COLOR_PAIRS) {
			init_pair(pair, l->fg < 0 ? -1 : fit(l->fg, t->colors),
				  l->bg < 0 ? -1 : fit(l->bg, t->colors));
			t->attr[i] = l->attr | COLOR_PAIR(pair);
		} else {
			t->attr[i] = l->attr;
		}
	}
}
