#include "config.h"

#include <stdlib.h>
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
	&screen_colors,
	&screen_messages,
	&screen_dashboard,
	&screen_macros,
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

/* A shipped key name that does not parse is a bug in a table (test_vocab
 * binds them all): stop at start-up rather than lose the key. */
static void bind_keys(struct keymap *km, const char *context, const char *keys, const char *op)
{
	if (keys && km_bind_keys(km, context, keys, op, NULL) < 0)
		abort();
}

static void bind_table(struct keymap *km, const char *context, const struct op_def *t)
{
	for (; t->name; t++)
		bind_keys(km, context, t->keys, t->name);
}

struct keymap *screen_keymap_new(void)
{
	struct keymap *km = km_new();

	bind_table(km, KM_GENERIC, ops_generic);
	for (const struct screen *const *s = screen_registry; *s; s++) {
		bind_table(km, (*s)->context, (*s)->ops);
		for (const struct op_keys *k = (*s)->generic_keys; k && k->name; k++)
			bind_keys(km, (*s)->context, k->keys, k->name);
	}
	return km;
}
