#include "config.h"

#include <string.h>

#include "cmd_lex.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static void push_word(struct cmd_words *w, struct sb *b)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 8;
		w->v = xrealloc(w->v, w->cap * sizeof *w->v);
	}
	w->v[w->n++] = sb_take(b);
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
	struct sb b = { 0 };

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
					sb_addc(&b, *p);
				if (!*p)
					goto unterminated;
				p++;
			} else if (*p == '"') {
				for (p++; *p && *p != '"'; p++) {
					if (*p == '\\') {
						int c = escape(p[1]);

						if (c < 0) {
							sb_free(&b);
							return err_set(e, _("column %d: unknown escape '\\%c' (use \\\", \\\\, \\n, \\t or \\e)"),
								       (int)(p - line) + 1, p[1] ? p[1] : ' ');
						}
						sb_addc(&b, (char)c);
						p++;
					} else {
						sb_addc(&b, *p);
					}
				}
				if (!*p)
					goto unterminated;
				p++;
			} else if (*p == '\\') {
				if (!p[1]) {
					sb_free(&b);
					return err_set(e, _("column %d: a backslash ends the line"),
						       (int)(p - line) + 1);
				}
				sb_addc(&b, p[1]);
				p += 2;
			} else {
				sb_addc(&b, *p++);
			}
			continue;
unterminated:
			sb_free(&b);
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
