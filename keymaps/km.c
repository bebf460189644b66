#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "km.h"

struct binding {
	char *context;
	km_key key;
	char *op;
	char *origin;		/* NULL: shipped */
};

struct keymap {
	struct binding *b;
	size_t n, cap;
};

static const struct {
	const char *name;
	km_key key;
} named[] = {
	{ "Up", KM_FKEY | KEY_UP }, { "Down", KM_FKEY | KEY_DOWN },
	{ "Left", KM_FKEY | KEY_LEFT }, { "Right", KM_FKEY | KEY_RIGHT },
	{ "PageUp", KM_FKEY | KEY_PPAGE }, { "PageDown", KM_FKEY | KEY_NPAGE },
	{ "Home", KM_FKEY | KEY_HOME }, { "End", KM_FKEY | KEY_END },
	{ "Enter", '\r' }, { "Tab", '\t' }, { "BackTab", KM_FKEY | KEY_BTAB },
	{ "Esc", 0x1b }, { "Space", ' ' }, { "Backspace", KM_FKEY | KEY_BACKSPACE },
	{ "Delete", KM_FKEY | KEY_DC }, { "Insert", KM_FKEY | KEY_IC },
};

/* Meta (Alt) keys arrive as Esc followed by the key; they are kept as one
 * key with this bit so bindings can name them. */
#define KM_META 0x2000000

struct keymap *km_new(void)
{
	struct keymap *km = xcalloc(1, sizeof *km);

	return km;
}

void km_free(struct keymap *km)
{
	if (!km)
		return;
	for (size_t i = 0; i < km->n; i++) {
		free(km->b[i].context);
		free(km->b[i].op);
		free(km->b[i].origin);
	}
	free(km->b);
	free(km);
}

static struct binding *find(const struct keymap *km, const char *context, km_key key)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].key == key && !strcmp(km->b[i].context, context))
			return &km->b[i];
	return NULL;
}

int km_bind_from(struct keymap *km, const char *context, const char *keyname,
		 const char *op, const char *origin, struct err *e)
{
	struct binding *b;
	km_key key;

	if (km_key_parse(keyname, &key, e) < 0)
		return -1;
	b = find(km, context, key);
	if (b) {
		free(b->op);
		free(b->origin);
		b->op = xstrdup(op);
		b->origin = xstrdup_opt(origin);
		return 0;
	}
	if (km->n == km->cap) {
		km->cap = km->cap ? 2 * km->cap : 32;
		km->b = xrealloc(km->b, km->cap * sizeof *km->b);
	}
	km->b[km->n++] = (struct binding){ xstrdup(context), key, xstrdup(op), xstrdup_opt(origin) };
	return 0;
}

int km_bind(struct keymap *km, const char *context, const char *keyname,
	    const char *op, struct err *e)
{
	return km_bind_from(km, context, keyname, op, NULL, e);
}

size_t km_count(const struct keymap *km)
{
	return km->n;
}

struct km_binding km_at(const struct keymap *km, size_t i)
{
	const struct binding *b = &km->b[i];

	return (struct km_binding){ b->context, b->key, b->op, b->origin };
}

int km_bind_keys(struct keymap *km, const char *context, const char *keys,
		 const char *op, struct err *e)
{
	keys += strspn(keys, " ");
	while (*keys) {
		size_t n = strcspn(keys, " ");
		char *name = xstrndup(keys, n);
		int rc = km_bind(km, context, name, op, e);

		free(name);
		if (rc < 0)
			return -1;
		keys += n;
		keys += strspn(keys, " ");
	}
	return 0;
}

int km_unbind(struct keymap *km, const char *context, const char *keyname, struct err *e)
{
	struct binding *b;
	km_key key;

	if (km_key_parse(keyname, &key, e) < 0)
		return -1;
	b = find(km, context, key);
	if (!b)
		return err_set(e, _("the key %s is not bound in the %s context"), keyname, context);
	free(b->context);
	free(b->op);
	free(b->origin);
	*b = km->b[--km->n];
	return 0;
}

const char *km_lookup(const struct keymap *km, const char *context, km_key key)
{
	const struct binding *b = find(km, context, key);

	if (!b)
		b = find(km, KM_GENERIC, key);
	return b ? b->op : NULL;
}

/* Keys bound to op in context, appended to buf after what is there;
 * with shadow, only those that context does not bind itself. */
static size_t list_keys(const struct keymap *km, const char *context, const char *op,
			const char *shadow, size_t found, char *buf, size_t len)
{
	size_t used = len ? strlen(buf) : 0;

	for (size_t i = 0; i < km->n; i++) {
		char name[32];
		int w;

		if (strcmp(km->b[i].context, context) || strcmp(km->b[i].op, op) ||
		    (shadow && find(km, shadow, km->b[i].key)))
			continue;
		km_key_name(km->b[i].key, name, sizeof name);
		w = snprintf(buf + used, len > used ? len - used : 0, "%s%s",
			     found ? ", " : "", name);
		if (w > 0 && used + (size_t)w < len)
			used += (size_t)w;
		found++;
	}
	return found;
}

size_t km_keys_for(const struct keymap *km, const char *context, const char *op,
		   char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	return list_keys(km, context, op, NULL, 0, buf, len);
}

size_t km_keys_in(const struct keymap *km, const char *context, const char *op,
		  char *buf, size_t len)
{
	size_t found = km_keys_for(km, context, op, buf, len);

	if (strcmp(context, KM_GENERIC))
		found = list_keys(km, KM_GENERIC, op, context, found, buf, len);
	return found;
}

static int parse_special(const char *name, size_t n, km_key *key)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (strlen(named[i].name) == n && !strncasecmp(named[i].name, name, n)) {
			*key = named[i].key;
			return 0;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && n >= 2 && n <= 3) {
		int f = atoi(name + 1);

		if (f >= 1 && f <= 12) {
			*key = KM_FKEY | KEY_F(f);
			return 0;
		}
	}
	return -1;
}

/* One character, as a code point; returns its length in bytes or -1. */
static int one_char(const char *s, size_t n, km_key *key)
{
	mbstate_t st;
	wchar_t wc;
	size_t r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(&wc, s, n, &st);
	if (r == 0 || r == (size_t)-1 || r == (size_t)-2)
		return -1;
	*key = (km_key)wc;
	return (int)r;
}

int km_key_parse(const char *name, km_key *key, struct err *e)
{
	size_t n = strlen(name);

	if (n > 2 && name[0] == '<' && name[n - 1] == '>') {
		const char *in = name + 1;
		size_t m = n - 2;
		km_key k;

		if (m >= 3 && in[1] == '-' && strchr("CcMm", in[0])) {
			bool ctrl = in[0] == 'C' || in[0] == 'c';

			if (one_char(in + 2, m - 2, &k) == (int)m - 2 ||
			    (!ctrl && parse_special(in + 2, m - 2, &k) == 0)) {
				if (!ctrl) {
					*key = k | KM_META;
					return 0;
				}
				if (k >= '@' && k <= '_')
					k += 'a' - 'A';
				if (k >= 'a' && k <= 'z') {
					*key = k - 'a' + 1;
					return 0;
				}
			}
			return err_set(e, _("'%s' is not a key: Ctrl goes with a letter, as in <C-x>"), name);
		}
		if (parse_special(in, m, key) == 0)
			return 0;
		return err_set(e, _("'%s' is not a key name (see the list in the manual: <Up>, <Enter>, <F1>, ...)"), name);
	}
	if (n > 0 && one_char(name, n, key) == (int)n)
		return 0;
	return err_set(e, _("'%s' is not a key: give one character or a name such as <Enter>"), name);
}

const char *km_key_named(size_t i, char *buf, size_t len)
{
	size_t n = sizeof named / sizeof named[0];

	if (i < n)
		snprintf(buf, len, "<%s>", named[i].name);
	else if (i < n + 12)
		snprintf(buf, len, "<F%zu>", i - n + 1);
	else
		return NULL;
	return buf;
}

void km_key_name(km_key key, char *buf, size_t len)
{
	const char *meta = key & KM_META ? "M-" : "";
	km_key k = key & ~KM_META;

	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (named[i].key == k) {
			snprintf(buf, len, "<%s%s>", meta, named[i].name);
			return;
		}
	}
	if (k & KM_FKEY && (k & ~KM_FKEY) >= KEY_F(1) && (k & ~KM_FKEY) <= KEY_F(12)) {
		snprintf(buf, len, "<%sF%d>", meta, (k & ~KM_FKEY) - KEY_F0);
	} else if (k >= 1 && k <= 26) {
		snprintf(buf, len, "<C-%c>", 'a' + k - 1);
	} else if (!(k & KM_FKEY)) {
		char mb[MB_LEN_MAX + 1];
		mbstate_t st;
		size_t r;

		memset(&st, 0, sizeof st);
		r = wcrtomb(mb, (wchar_t)k, &st);
		if (r == (size_t)-1)
			r = 0;
		mb[r] = '\0';
		snprintf(buf, len, *meta ? "<%s%s>" : "%s%s", meta, mb);
	} else {
		snprintf(buf, len, "<key-%d>", k & ~KM_FKEY);
	}
}
