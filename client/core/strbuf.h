/* A growable string: the one buffer every part of motcua builds text in
 * (a request body, a reply, SQL, a word of a command line, a template).
 * The bytes are always followed by a NUL, so s is a C string whenever no
 * NUL was added; a reply with NULs in it is still len bytes. A zeroed
 * struct sb is an empty buffer: `struct sb b = { 0 };`. Growing cannot
 * fail (xalloc.h). */
#ifndef MOTCUA_STRBUF_H
#define MOTCUA_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sb {
	char *s;		/* NULL until the first byte is added */
	size_t len, cap;
};

/* Append n bytes from p (NULs included). */
void sb_add(struct sb *b, const void *p, size_t n);
void sb_addc(struct sb *b, char c);
void sb_puts(struct sb *b, const char *s);
void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct sb *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* The text so far, "" when empty; stays owned by b. */
const char *sb_str(const struct sb *b);
/* The text so far, now owned by the caller ("" allocated when empty); b is
 * left empty. */
char *sb_take(struct sb *b);
/* Empty b, keeping its memory for the next text. */
void sb_reset(struct sb *b);
void sb_free(struct sb *b);

#endif
