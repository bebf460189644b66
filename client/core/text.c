#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "vnime.h"
#include "xalloc.h"

bool text_hidden(int32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;	/* not UTF-8, C0, DEL, C1 */
	switch (cp) {
	case 0xAD:	/* soft hyphen: invisible unless a line breaks there */
	case 0x61C:	/* Arabic letter mark */
	case 0x180E:	/* Mongolian vowel separator */
	case 0xFEFF:	/* zero-width no-break space, byte order mark */
		return true;
	default:
		return (cp >= 0x200B && cp <= 0x200F) ||	/* zero-width space, joiners, LRM, RLM */
		       (cp >= 0x2028 && cp <= 0x202E) ||	/* separators, embeddings, overrides */
		       (cp >= 0x2060 && cp <= 0x206F) ||	/* word joiner, invisible operators, isolates */
		       (cp >= 0xFFF9 && cp <= 0xFFFB) ||	/* interlinear annotation */
		       (cp >= 0xE0000 && cp <= 0xE007F);	/* tags: invisible ASCII */
	}
}

/* What the character cp shows as: NULL for itself, else its stand-in. */
static const char *shown_as(int32_t cp, unsigned flags)
{
	if ((cp == '\n' && (flags & TEXT_KEEP_NL)) || (cp == '\t' && (flags & TEXT_KEEP_TAB)))
		return NULL;
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return " ";
	if (text_hidden(cp))
		return MB_CUR_MAX > 1 ? "\xEF\xBF\xBD" : "?";	/* U+FFFD */
	return NULL;
}

/* What a terminal that is not UTF-8 shows for the non-ASCII cp, in one
 * column or none: a Vietnamese letter without its marks (Nguyễn: Nguyen), no
 * combining mark, a look-alike for the signs the screens draw, else '?'. */
static const char *ascii_for(int32_t cp)
{
	static const char letters[] =
		"a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0u\0v\0w\0x\0y\0z\0"
		"A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z\0";
	static const struct {
		int32_t cp;
		const char *as;
	} signs[] = {
		{ 0xA0, " " }, { 0x2013, "-" }, { 0x2014, "-" }, { 0x2018, "'" }, { 0x2019, "'" },
		{ 0x201C, "\"" }, { 0x201D, "\"" }, { 0x2026, "~" }, { 0x203A, ">" }, { 0x2191, "^" },
		{ 0x2193, "v" }, { 0x2502, "|" }, { 0x25B6, ">" },
	};
	char c = vnime_ascii(cp);

	if (c)
		return &letters[2 * (c >= 'a' ? c - 'a' : 26 + c - 'A')];
	if (cp >= 0x300 && cp <= 0x36F)
		return "";
	for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
		if (signs[i].cp == cp)
			return signs[i].as;
	return "?";
}

/* Decode one character: its byte length, its column width (>= 0) and in
 * *as what it shows as (NULL: itself). */
static size_t next_char(const char *s, size_t n, int *width, const char **as)
{
	mbstate_t st;
	wchar_t wc;
	int32_t cp;
	size_t len = text_utf8_next(s, n, &cp);

	*as = shown_as(cp, 0);
	if (!*as && cp >= 0x80 && MB_CUR_MAX == 1)
		*as = ascii_for(cp);
	if (*as) {
		*width = **as ? 1 : 0;
		return len;
	}
	memset(&st, 0, sizeof st);
	if (mbrtowc(&wc, s, len, &st) != len) {
		*width = (int)len;	/* a locale that is not UTF-8: a column a byte */
		return len;
	}
	*width = wcwidth(wc);
	if (*width < 0)
		*width = 1;
	return len;
}

size_t text_safe(char *out, size_t size, const char *s, unsigned flags)
{
	size_t n = strlen(s), total = 0, used = 0;
	bool full = false;

	while (n) {
		int32_t cp;
		size_t r = text_utf8_next(s, n, &cp);
		const char *as = shown_as(cp, flags);
		size_t k = as ? strlen(as) : r;

		/* once a character does not fit, none after it goes in */
		if (!full && used + k < size) {
			memcpy(out + used, as ? as : s, k);
			used += k;
		} else {
			full = true;
		}
		total += k;
		s += r;
		n -= r;
	}
	if (size)
		out[used] = '\0';
	return total;
}

char *text_safe_dup(const char *s, unsigned flags)
{
	size_t len = text_safe(NULL, 0, s, flags);
	char *out = xmalloc(len + 1);

	text_safe(out, len + 1, s, flags);
	return out;
}

const char *text_utf8_invalid(const char *s, size_t len)
{
	while (len) {
		int32_t cp;
		size_t r = text_utf8_next(s, len, &cp);

		if (cp < 0)
			return s;
		s += r;
		len -= r;
	}
	return NULL;
}

int text_width(const char *s)
{
	size_t n = strlen(s);
	int total = 0;

	while (n) {
		const char *as;
		int w;
		size_t r = next_char(s, n, &w, &as);

		total += w;
		s += r;
		n -= r;
	}
	return total;
}

int text_fit(char *out, size_t outlen, const char *s, int width,
	     const char *ellipsis, int pad)
{
	size_t n = strlen(s), used = 0;
	int cols = 0, ew = text_width(ellipsis);
	int room = text_width(s) > width ? width - ew : width;

	if (!outlen)
		return 0;
	if (room < 0) {
		room = width;
		ellipsis = "";
	}
	while (n) {
		const char *as;
		int w;
		size_t r = next_char(s, n, &w, &as);
		size_t k = as ? strlen(as) : r;

		if (cols + w > room || used + k >= outlen)
			break;
		memcpy(out + used, as ? as : s, k);
		used += k;
		cols += w;
		s += r;
		n -= r;
	}
	/* Combining marks that follow the last base letter belong to it. */
	while (n) {
		const char *as;
		int w;
		size_t r = next_char(s, n, &w, &as);
		size_t k = as ? strlen(as) : r;

		if (w != 0 || used + k >= outlen)
			break;
		memcpy(out + used, as ? as : s, k);
		used += k;
		s += r;
		n -= r;
	}
	if (n && *ellipsis && used + strlen(ellipsis) < outlen) {
		memcpy(out + used, ellipsis, strlen(ellipsis));
		used += strlen(ellipsis);
		cols += ew;
	}
	while (pad && cols < width && used + 1 < outlen) {
		out[used++] = ' ';
		cols++;
	}
	out[used] = '\0';
	return cols;
}

size_t text_wrap(const char *s, int width)
{
	size_t n = strlen(s), used = 0, space = 0;
	int cols = 0;

	while (used < n) {
		const char *as;
		int w;
		size_t r = next_char(s + used, n - used, &w, &as);

		if (s[used] == ' ')
			space = used;
		/* combining marks stay with their letter, whatever the width */
		if (cols + w > width && w > 0 && used)
			return space ? space : used;
		cols += w;
		used += r;
	}
	return used;
}

const char *text_tail(const char *s, int width, const char *ellipsis, char *buf, size_t len)
{
	int room = width - text_width(ellipsis);

	if (!s || text_width(s) <= width)
		return s;
	while (*s && text_width(s) > room)
		s++;
	/* never start inside a character */
	while ((*s & 0xC0) == 0x80)
		s++;
	snprintf(buf, len, "%s%s", ellipsis, s);
	return buf;
}

size_t text_utf8_next(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (n < len) {
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = c << 6 | (u[i] & 0x3F);
	}
	if (c < min[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = -1;
		return 1;
	}
	*cp = (int32_t)c;
	return len;
}

size_t text_utf8_put(char *out, uint32_t cp)
{
	unsigned char *u = (unsigned char *)out;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | cp >> 6);
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | cp >> 12);
		u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	u[0] = (unsigned char)(0xF0 | cp >> 18);
	u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}
