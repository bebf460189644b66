/* Paths into JSON replies, as profiles write them: keys separated by dots,
 * [N] for an array element, [] for "each element" (only where a profile
 * maps a list), and "" or "." for the value itself:
 *
 *   data.items          applicant.name          log[0].at
 *
 * A key that itself contains a dot or bracket is written in quotes:
 * "a.b".c. Paths are parsed once, when the profile is loaded. */
#ifndef MOTCUA_JPATH_H
#define MOTCUA_JPATH_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "core/err.h"

struct jpath_step {
	char *key;		/* NULL for an index step */
	int index;		/* >= 0: that element; -1: each element ([]) */
};

struct jpath {
	struct jpath_step *steps;
	int n;
	char *text;		/* as written, for error messages */
};

int jpath_parse(struct jpath *p, const char *text, struct err *e);
void jpath_free(struct jpath *p);
bool jpath_has_each(const struct jpath *p);

/* The node at p under root, or NULL. A [] step is not allowed here. */
const cJSON *jpath_get(const struct jpath *p, const cJSON *root);

/* Set value (taken over) at p under root, creating objects on the way.
 * Arrays are not created; -1 if the path goes through a non-object. */
int jpath_set(const struct jpath *p, cJSON *root, cJSON *value);

#endif
