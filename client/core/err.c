#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

int err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int err_prefix(struct err *e, const char *fmt, ...)
{
	char head[sizeof e->msg];
	size_t hl, tl;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	hl = strlen(head);
	tl = strnlen(e->msg, sizeof e->msg - 1);
	if (hl + tl >= sizeof e->msg)	/* keep the head whole: it says where */
		tl = sizeof e->msg - 1 - hl;
	memmove(e->msg + hl, e->msg, tl);
	memcpy(e->msg, head, hl);
	e->msg[hl + tl] = '\0';
	return -1;
}
