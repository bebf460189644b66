#include "config.h"

#include <string.h>

#include "cmd_lex.h"
#include "core/i18n.h"
#include "core/xalloc.h"

struct buf {
	char *s;
	size_t len, cap;
};

static void put(struct buf *b, char c)
{
	if (b->len + 1 >= b->cap) {
		b->cap = b->cap ? 2 * b->cap : 32;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static void push_word(struct cmd_words *w, struct buf *b)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 8;
		w->v = xrealloc(w->v, w->cap * sizeof *w->v);
	}
	w->v[w->n++] = b->s ? b->s : xstrdup("");
	*b = (struct buf){ 0 };
}

static void clear(struct cmd_words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	w->n = 0;
}

void cmd_words_free(struct cmd_words *w)
{
	clear(w);
	free(w->v);
	*w = (struct cmd_words){ 0 };
}

static int escape(char c)
{
	switch (c) {
	case 'n': return '\n';
	case 't': return '\t';
	case 'e': return 0x1b;
	case '"': return '"';
	case '\\': return '\\';
	default: return -1;
	}
}

static int split(const char *line, struct cmd_words *w, struct err *e)
{
	const char *p = line;
	struct buf b = { 0 };

	for (;;) {
		int in_word = 0;

		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (!*p || *p == '#')
			return 0;
		while (*p && !strchr(" \t\r\n", *p)) {
			const char *open = p;

			in_word = 1;
			if (*p == '\'') {
				for (p++; *p && *p != '\''; p++)
					put(&b, *p);
				if (!*p)
					goto unterminated;
				p++;
			} else if (*p == '"') {
				for (p++; *p && *p != '"'; p++) {
					if (*p == '\\') {
						int c = escape(p[1]);

						if (c < 0) {
							free(b.s);
							return err_set(e, _("column %d: unknown escape '\\%c' (use \\\", \\\\, \\n, \\t or \\e)"),
								       (int)(p - line) + 1, p[1] ? p[1] : ' ');
						}
						put(&b, (char)c);
						p++;
					} else {
						put(&b, *p);
					}
				}
				if (!*p)
					goto unterminated;
				p++;
			} else if (*p == '\\') {
				if (!p[1]) {
					free(b.s);
					return err_set(e, _("column %d: a backslash ends the line"),
						       (int)(p - line) + 1);
				}
				put(&b, p[1]);
				p += 2;
			} else {
				put(&b, *p++);
			}
			continue;
unterminated:
			free(b.s);
			return err_set(e, _("column %d: the quote %c opened here is not closed"),
				       (int)(open - line) + 1, *open);
		}
		if (in_word)
			push_word(w, &b);
	}
}

int cmd_split(const char *line, struct cmd_words *w, struct err *e)
{
	clear(w);
	if (split(line, w, e) == 0)
		return 0;
	clear(w);
	return -1;
}
