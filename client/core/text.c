#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

/* Decode one character: its byte length and column width (>= 0). */
static size_t next_char(const char *s, size_t n, int *width)
{
	mbstate_t st;
	wchar_t wc;
	size_t r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(&wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*width = 1;	/* shown as a replacement glyph */
		return 1;
	}
	*width = wcwidth(wc);
	if (*width < 0)
		*width = 1;
	return r;
}

int text_width(const char *s)
{
	size_t n = strlen(s);
	int total = 0;

	while (n) {
		int w;
		size_t r = next_char(s, n, &w);

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
		int w;
		size_t r = next_char(s, n, &w);

		if (cols + w > room || used + r >= outlen)
			break;
		memcpy(out + used, s, r);
		used += r;
		cols += w;
		s += r;
		n -= r;
	}
	/* Combining marks that follow the last base letter belong to it. */
	while (n) {
		int w;
		size_t r = next_char(s, n, &w);

		if (w != 0 || used + r >= outlen)
			break;
		memcpy(out + used, s, r);
		used += r;
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
		int w;
		size_t r = next_char(s + used, n - used, &w);

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
