/* Errors are values: a function that can fail returns 0 on success or -1 on
 * failure and fills a struct err with one sentence a clerk or an integrator
 * can act on (what was wrong and where: file:line, field, key). */
#ifndef MOTCUA_ERR_H
#define MOTCUA_ERR_H

#include <stddef.h>

struct err {
	char msg[512];
};

/* Format into e (if e is not NULL) and return -1, so a failing path reads
 * `return err_set(e, _("..."), ...);`. The sentence is made safe to show
 * (text_safe: one line, no controls), whatever it quotes from a server. */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prefix an existing message with context ("profile.json: "), keeping it. */
int err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
