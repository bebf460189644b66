#include "config.h"

#include <string.h>

#include "screen.h"

const struct screen *const screen_registry[] = {
	&screen_inbox,
	&screen_dossier,
	&screen_help,
	&screen_lock,
	&screen_login,
	&screen_act,
	&screen_outbox,
	&screen_intake,
	&screen_catalog,
	&screen_catalog_detail,
	&screen_paper,
	NULL,
};

const struct screen *screen_find(const char *context)
{
	for (const struct screen *const *s = screen_registry; *s; s++)
		if (!strcmp((*s)->context, context))
			return *s;
	return NULL;
}

const struct op_def *screen_op(const struct screen *s, const char *name)
{
	const struct op_def *op = ops_find(s->ops, name);

	return op ? op : ops_find(ops_generic, name);
}
