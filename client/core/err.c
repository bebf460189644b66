#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "text.h"

int err_set(struct err *e, const char *fmt, ...)
{
	char raw[sizeof e->msg];
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	text_safe(e->msg, sizeof e->msg, raw, 0);
	return -1;
}

int err_prefix(struct err *e, const char *fmt, ...)
{
	char raw[sizeof e->msg], head[sizeof e->msg];
	size_t hl, tl;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	text_safe(head, sizeof head, raw, 0);
	hl = strlen(head);
	tl = strnlen(e->msg, sizeof e->msg - 1);
	if (hl + tl >= sizeof e->msg) {	/* keep the head whole: it says where */
		tl = sizeof e->msg - 1 - hl;
		while (tl && ((unsigned char)e->msg[tl] & 0xC0) == 0x80)
			tl--;	/* and the tail's characters */
	}
	memmove(e->msg + hl, e->msg, tl);
	memcpy(e->msg, head, hl);
	e->msg[hl + tl] = '\0';
	return -1;
}
