#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "jpath.h"

static void add_step(struct jpath *p, char *key, int index)
{
	p->steps = xrealloc(p->steps, (size_t)(p->n + 1) * sizeof *p->steps);
	p->steps[p->n++] = (struct jpath_step){ key, index };
}

int jpath_parse(struct jpath *p, const char *text, struct err *e)
{
	const char *s = text;

	memset(p, 0, sizeof *p);
	p->text = xstrdup(text);
	if (!strcmp(s, ".") || !*s)
		return 0;
	while (*s) {
		if (*s == '[') {
			char *end;
			long idx = -1;

			if (s[1] != ']') {
				idx = strtol(s + 1, &end, 10);
				if (end == s + 1 || *end != ']' || idx < 0 || idx > 1000000)
					goto bad;
				s = end + 1;
			} else {
				s += 2;
			}
			add_step(p, NULL, (int)idx);
		} else if (*s == '"') {
			const char *q = strchr(s + 1, '"');

			if (!q || q == s + 1)
				goto bad;
			add_step(p, xstrndup(s + 1, (size_t)(q - s - 1)), 0);
			s = q + 1;
		} else {
			size_t n = strcspn(s, ".[]\"");

			if (!n || s[n] == ']' || s[n] == '"')
				goto bad;
			add_step(p, xstrndup(s, n), 0);
			s += n;
		}
		if (*s == '.') {
			if (!s[1])
				goto bad;
			s++;
		} else if (*s && *s != '[') {
			goto bad;
		}
	}
	return 0;
bad:
	err_set(e, _("'%s' is not a path: write keys separated by dots, [N] for an element, [] for each element (e.g. data.items[0].name)"),
		text);
	jpath_free(p);
	return -1;
}

void jpath_free(struct jpath *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->steps[i].key);
	free(p->steps);
	free(p->text);
	memset(p, 0, sizeof *p);
}

bool jpath_has_each(const struct jpath *p)
{
	for (int i = 0; i < p->n; i++)
		if (!p->steps[i].key && p->steps[i].index < 0)
			return true;
	return false;
}

const cJSON *jpath_get(const struct jpath *p, const cJSON *root)
{
	const cJSON *node = root;

	for (int i = 0; node && i < p->n; i++) {
		const struct jpath_step *st = &p->steps[i];

		if (st->key)
			node = cJSON_IsObject(node) ? cJSON_GetObjectItemCaseSensitive(node, st->key) : NULL;
		else if (st->index >= 0 && cJSON_IsArray(node))
			node = cJSON_GetArrayItem(node, st->index);
		else
			node = NULL;
	}
	return node;
}

int jpath_set(const struct jpath *p, cJSON *root, cJSON *value)
{
	cJSON *node = root;

	if (!p->n || !cJSON_IsObject(root)) {
		cJSON_Delete(value);
		return -1;
	}
	for (int i = 0; i < p->n; i++) {
		const struct jpath_step *st = &p->steps[i];
		cJSON *next;

		if (!st->key || !cJSON_IsObject(node)) {
			cJSON_Delete(value);
			return -1;
		}
		if (i == p->n - 1) {
			if (cJSON_GetObjectItemCaseSensitive(node, st->key))
				cJSON_ReplaceItemInObjectCaseSensitive(node, st->key, value);
			else
				cJSON_AddItemToObject(node, st->key, value);
			return 0;
		}
		next = cJSON_GetObjectItemCaseSensitive(node, st->key);
		if (!next)
			next = cJSON_AddObjectToObject(node, st->key);
		node = next;
	}
	return 0;
}
