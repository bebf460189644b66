/* Allocation that cannot fail: running out of memory in a terminal client is
 * an impossible state to recover from, so it ends the program through
 * fatal(), which restores the terminal first. */
#ifndef MOTCUA_XALLOC_H
#define MOTCUA_XALLOC_H

#include <stddef.h>
#include <stdlib.h>	/* free() goes with every x*alloc */

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* xstrdup, except that NULL stays NULL (an optional field). */
char *xstrdup_opt(const char *s);

/* Run hook (e.g. the screen's teardown) before fatal() prints and exits, so a
 * fatal error never leaves a broken terminal. One hook: there is one screen. */
void fatal_set_hook(void (*hook)(void));
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
