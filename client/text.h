/* Display width of UTF-8 text on a terminal. Vietnamese may arrive
 * decomposed (a base letter and combining marks), so widths come from
 * wcwidth() per code point, combining marks counting zero. */
#ifndef MOTCUA_TEXT_H
#define MOTCUA_TEXT_H

#include <stddef.h>

/* Columns s occupies; invalid bytes count one column each. */
int text_width(const char *s);

/* Copy s into out (size outlen) cut to at most width columns, ending with
 * ellipsis when cut (pass "" for none), then padded with spaces to exactly
 * width columns when pad is set. Returns the columns written. */
int text_fit(char *out, size_t outlen, const char *s, int width,
	     const char *ellipsis, int pad);

/* The bytes of s that make its first line when wrapped at width columns:
 * up to the last space that fits, or cut inside a word longer than the
 * line; at least one character. The next line starts after the spaces
 * that follow. */
size_t text_wrap(const char *s, int width);

#endif
