/* Display width of UTF-8 text on a terminal, and text from elsewhere made
 * safe to show. Vietnamese may arrive decomposed (a base letter and
 * combining marks), so widths come from wcwidth() per code point,
 * combining marks counting zero.
 *
 * Text from a server is untrusted. It may hold what a terminal or a
 * printer takes as a command: C0 controls (ESC starts the sequences that
 * set the window title, write the clipboard, clear the screen), DEL, C1
 * controls (U+0080..U+009F: U+009B is a one-byte CSI). It may hold what
 * hides or reorders text before the clerk's eyes: bidirectional controls
 * (U+202E shows "An<U+202E>cod.exe" as "Anexe.doc"), zero-width and other
 * invisible format characters, tag characters. And it may not be UTF-8.
 * Shown, each such character, and each byte that is not UTF-8, becomes one
 * placeholder, U+FFFD (a single '?' in a locale that is not multibyte):
 * the clerk sees that something was there, and no column moves. A tab, a
 * line break and a carriage return become a space, unless the caller keeps
 * them. Everything else is kept as it is, Vietnamese in either form
 * included. The store keeps the server's text intact; it is made safe
 * where it is shown or printed: text_fit() for the screens, text_safe()
 * for the rest. */
#ifndef MOTCUA_TEXT_H
#define MOTCUA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Columns s occupies as shown: a character shown as the placeholder or a
 * space counts one column. */
int text_width(const char *s);

/* Copy s into out (size outlen), made safe to show (see above), cut to at
 * most width columns, ending with ellipsis when cut (pass "" for none),
 * then padded with spaces to exactly width columns when pad is set.
 * Returns the columns written. */
int text_fit(char *out, size_t outlen, const char *s, int width,
	     const char *ellipsis, int pad);

/* The bytes of s that make its first line when wrapped at width columns:
 * up to the last space that fits, or cut inside a word longer than the
 * line; at least one character. The next line starts after the spaces
 * that follow. */
size_t text_wrap(const char *s, int width);
/* The end of s that fits width columns, after ellipsis, in buf (len
 * bytes); s itself when it fits. */
const char *text_tail(const char *s, int width, const char *ellipsis, char *buf, size_t len);

/* Whether the code point cp is shown as the placeholder (see above): C0
 * (tab, line break and carriage return included: callers turn those into
 * spaces), DEL, C1, the soft hyphen, bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), zero-width and
 * invisible format characters (U+180E, U+200B..U+200D, U+2060..U+2064 and
 * the rest of U+2060..U+206F, U+FEFF, U+FFF9..U+FFFB), the line and
 * paragraph separators U+2028, U+2029 and the tag characters
 * U+E0000..U+E007F. A negative cp (not UTF-8, from text_utf8_next) too. */
bool text_hidden(int32_t cp);

/* What text_safe keeps that it would otherwise turn into a space. */
#define TEXT_KEEP_NL 1u		/* line breaks: a multi-line field */
#define TEXT_KEEP_TAB 2u	/* tabs: columns laid out by the caller */

/* s made safe to show into out (size bytes, NUL-terminated when size >
 * 0), never cutting a character. Returns the length of the whole safe
 * text, like snprintf. */
size_t text_safe(char *out, size_t size, const char *s, unsigned flags);
/* The same, allocated. */
char *text_safe_dup(const char *s, unsigned flags);

/* The first byte of the len bytes at s that does not begin a valid UTF-8
 * character (overlong forms and surrogates are not valid), or NULL. */
const char *text_utf8_invalid(const char *s, size_t len);

/* Decode the UTF-8 character at s (n > 0 bytes available) into *cp and
 * return its length. An invalid, overlong or cut sequence is one byte long
 * and decodes as -1. */
size_t text_utf8_next(const char *s, size_t n, int32_t *cp);
/* Encode the code point cp (at most 0x10FFFF, not a surrogate) into out,
 * which has room for 4 bytes; returns the length, 0 for an invalid cp. */
size_t text_utf8_put(char *out, uint32_t cp);

#endif
