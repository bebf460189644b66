#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "xalloc.h"

/* Room for n more bytes and the NUL. Doubling keeps appending a byte at a
 * time linear (a reply arrives in many small pieces). */
static void reserve(struct sb *b, size_t n)
{
	size_t need;

	if (n > SIZE_MAX - b->len - 1)
		fatal(_("out of memory (%zu bytes)"), n);
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	b->cap = b->cap > need / 2 ? 2 * b->cap : need;
	if (b->cap < 64)
		b->cap = 64;
	b->s = xrealloc(b->s, b->cap);
}

void sb_add(struct sb *b, const void *p, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_addc(struct sb *b, char c)
{
	sb_add(b, &c, 1);
}

void sb_puts(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void sb_vprintf(struct sb *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	/* most text fits the room already there: format once */
	reserve(b, 0);
	va_copy(again, ap);
	n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	if (n > 0 && (size_t)n >= b->cap - b->len) {
		reserve(b, (size_t)n);
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, again);
	}
	va_end(again);
	if (n > 0)
		b->len += (size_t)n;
	b->s[b->len] = '\0';	/* a failed format adds nothing */
}

void sb_printf(struct sb *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *sb_str(const struct sb *b)
{
	return b->s ? b->s : "";
}

char *sb_take(struct sb *b)
{
	char *s = b->s ? b->s : xstrdup("");

	*b = (struct sb){ 0 };
	return s;
}

void sb_reset(struct sb *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sb_free(struct sb *b)
{
	free(b->s);
	*b = (struct sb){ 0 };
}
