#include "config.h"

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
