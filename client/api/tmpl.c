#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "tmpl.h"

static struct tvar *slot(struct tvars *tv, const char *name)
{
	for (int i = 0; i < tv->n; i++)
		if (!strcmp(tv->v[i].name, name))
			return &tv->v[i];
	if (tv->n == TVARS_MAX)
		abort();	/* the engine sets a fixed handful: a bug */
	tv->v[tv->n].name = name;
	return &tv->v[tv->n++];
}

void tvars_str(struct tvars *tv, const char *name, const char *s)
{
	if (s)
		*slot(tv, name) = (struct tvar){ .name = name, .type = TV_STR, .s = s };
}

void tvars_int(struct tvars *tv, const char *name, long long i)
{
	*slot(tv, name) = (struct tvar){ .name = name, .type = TV_INT, .i = i };
}

void tvars_bool(struct tvars *tv, const char *name, bool b)
{
	*slot(tv, name) = (struct tvar){ .name = name, .type = TV_BOOL, .i = b };
}

void tvars_time(struct tvars *tv, const char *name, int64_t t)
{
	*slot(tv, name) = (struct tvar){ .name = name, .type = TV_TIME, .t = t };
}

void tvars_json(struct tvars *tv, const char *name, const cJSON *json)
{
	if (json)
		*slot(tv, name) = (struct tvar){ .name = name, .type = TV_JSON, .json = json };
}

const struct tvar *tvars_get(const struct tvars *tv, const char *name)
{
	for (int i = 0; i < tv->n; i++)
		if (!strcmp(tv->v[i].name, name))
			return &tv->v[i];
	return NULL;
}

void tvars_unset(struct tvars *tv, const char *name)
{
	for (int i = 0; i < tv->n; i++) {
		if (!strcmp(tv->v[i].name, name)) {
			tv->v[i] = tv->v[--tv->n];
			return;
		}
	}
}

void tvars_format(struct tvars *tv, const char *name, const struct datefmt *fmt)
{
	for (int i = 0; i < tv->n; i++)
		if (!strcmp(tv->v[i].name, name) && tv->v[i].type == TV_TIME)
			tv->v[i].fmt = fmt;
}

static const struct datefmt *fmt_of(const struct tvars *tv, const struct tvar *v)
{
	return v->fmt ? v->fmt : tv->dates;
}

/* A list inside text reads as a list: [1, 3] -> "1, 3". */
static char *list_text(const cJSON *arr)
{
	struct sb b = { 0 };
	const cJSON *it;

	cJSON_ArrayForEach(it, arr) {
		char *one = cJSON_IsString(it) ? NULL : cJSON_PrintUnformatted(it);

		sb_printf(&b, "%s%s", b.len ? ", " : "", one ? one : it->valuestring);
		free(one);
	}
	return sb_take(&b);
}

static void add_encoded(struct sb *b, const char *s, bool encode)
{
	if (!encode) {
		sb_puts(b, s);
		return;
	}
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    strchr("-._~", c))
			sb_addc(b, *s);
		else
			sb_printf(b, "%%%02X", c);
	}
}

/* The text form of a variable, into buf (or a pointer to the value). */
static const char *var_text(const struct tvars *tv, const struct tvar *v, char *buf, size_t len,
			    char **owned)
{
	*owned = NULL;
	switch (v->type) {
	case TV_STR:
		return v->s;
	case TV_INT:
		snprintf(buf, len, "%lld", v->i);
		return buf;
	case TV_BOOL:
		return v->i ? "true" : "false";
	case TV_TIME:
		date_to_text(fmt_of(tv, v), v->t, buf, len);
		return buf;
	case TV_JSON:
		*owned = cJSON_IsString(v->json) ? xstrdup(v->json->valuestring) :
			 cJSON_IsArray(v->json) ? list_text(v->json) :
			 cJSON_PrintUnformatted(v->json);
		return *owned ? *owned : "";
	}
	return "";
}

/* Calls fn for each placeholder name in s; returns -1 at the first failure. */
static int each_name(const char *s, int (*fn)(const char *name, size_t n, void *arg), void *arg)
{
	for (const char *p = s; *p; p++) {
		if (p[0] == '{' && p[1] == '{') {
			p++;
		} else if (*p == '{') {
			const char *end = strchr(p, '}');

			if (!end || fn(p + 1, (size_t)(end - p - 1), arg) < 0)
				return -1;
			p = end;
		}
	}
	return 0;
}

struct check_ctx {
	const char *const *known;
	const char *s;
	struct err *e;
};

static int check_one(const char *name, size_t n, void *arg)
{
	struct check_ctx *c = arg;
	char list[400] = "";

	for (const char *const *k = c->known; *k; k++)
		if (strlen(*k) == n && !strncmp(*k, name, n))
			return 0;
	for (const char *const *k = c->known; *k; k++)
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			 k == c->known ? "" : ", ", *k);
	return err_set(c->e, _("unknown variable {%.*s} in \"%s\" (known here: %s)"),
		       (int)n, name, c->s, *list ? list : "none");
}

int tmpl_check(const char *s, const char *const *known, struct err *e)
{
	struct check_ctx c = { known, s, e };

	for (const char *p = s; (p = strchr(p, '{')); p += 2)
		if (p[1] != '{' && !strchr(p, '}'))
			return err_set(e, _("a '{' in \"%s\" is not closed"), s);
	return each_name(s, check_one, &c);
}

/* {"$text": ["...", ...], "$sep": "..."}: strings only. */
static int check_text(const cJSON *t, struct err *e)
{
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(t, "$text");
	const cJSON *sep = cJSON_GetObjectItemCaseSensitive(t, "$sep");

	for (const cJSON *c = t->child; c; c = c->next)
		if (strcmp(c->string, "$text") && strcmp(c->string, "$sep"))
			return err_set(e, _("a \"$text\" object has only \"$text\" and \"$sep\", not \"%s\""),
				       c->string);
	if (!cJSON_IsArray(parts) || (sep && !cJSON_IsString(sep)))
		return err_set(e, _("\"$text\" is a list of text templates and \"$sep\" a string"));
	for (const cJSON *c = parts->child; c; c = c->next)
		if (!cJSON_IsString(c))
			return err_set(e, _("\"$text\" is a list of text templates and \"$sep\" a string"));
	return 0;
}

int tmpl_check_json(const cJSON *t, const char *const *known, struct err *e)
{
	if (cJSON_IsString(t))
		return tmpl_check(t->valuestring, known, e);
	if (cJSON_IsObject(t) && cJSON_GetObjectItemCaseSensitive(t, "$text") && check_text(t, e) < 0)
		return -1;
	for (const cJSON *c = t ? t->child : NULL; c; c = c->next)
		if (tmpl_check_json(c, known, e) < 0)
			return -1;
	return 0;
}

char *tmpl_string(const char *s, const struct tvars *tv, bool url_encode, bool *unset)
{
	struct sb b = { 0 };

	if (unset)
		*unset = false;
	for (const char *p = s; *p; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			sb_addc(&b, *p);
			p++;
		} else if (*p == '{' && strchr(p, '}')) {
			const char *end = strchr(p, '}');
			char name[64], buf[64], *owned;
			const struct tvar *v;

			snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
			v = tvars_get(tv, name);
			if (v) {
				add_encoded(&b, var_text(tv, v, buf, sizeof buf, &owned), url_encode);
				free(owned);
			} else if (unset) {
				*unset = true;
			}
			p = end;
		} else {
			sb_addc(&b, *p);
		}
	}
	return sb_take(&b);
}

/* The variable a string consists of, if it is exactly "{name}". */
static const char *sole_placeholder(const char *s, char *name, size_t len)
{
	size_t n = strlen(s);

	if (n < 3 || s[0] != '{' || s[1] == '{' || s[n - 1] != '}' || memchr(s + 1, '{', n - 2) ||
	    memchr(s + 1, '}', n - 2) || n - 2 >= len)
		return NULL;
	memcpy(name, s + 1, n - 2);
	name[n - 2] = '\0';
	return name;
}

static cJSON *typed(const struct tvars *tv, const struct tvar *v)
{
	switch (v->type) {
	case TV_STR:
		return cJSON_CreateString(v->s);
	case TV_INT:
		return cJSON_CreateNumber((double)v->i);
	case TV_BOOL:
		return cJSON_CreateBool(v->i != 0);
	case TV_TIME:
		return date_to_json(fmt_of(tv, v), v->t);
	case TV_JSON:
		return cJSON_Duplicate(v->json, 1);
	}
	return cJSON_CreateNull();
}

static int is_set(const char *name, size_t n, void *arg)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%.*s", (int)n, name);
	return tvars_get(arg, buf) ? -1 : 0;	/* -1 stops at the first set one */
}

/* s has placeholders and none of them is set: " " from "{reason} {note}"
 * would be sent as if the clerk had typed a blank. */
static bool all_unset(const char *s, const struct tvars *tv)
{
	const char *p;

	for (p = s; (p = strchr(p, '{')) && p[1] == '{'; p += 2)
		;
	return p && each_name(s, is_set, (void *)tv) == 0;
}

/* {"$text": [...], "$sep": ...}: the parts whose variables are all set. */
static cJSON *compose(const cJSON *t, const struct tvars *tv)
{
	const cJSON *sep = cJSON_GetObjectItemCaseSensitive(t, "$sep"), *part;
	struct sb b = { 0 };
	cJSON *r = NULL;

	cJSON_ArrayForEach(part, cJSON_GetObjectItemCaseSensitive(t, "$text")) {
		bool unset;
		char *s = tmpl_string(part->valuestring, tv, false, &unset);

		if (!unset && *s)
			sb_printf(&b, "%s%s", b.len && sep ? sep->valuestring : b.len ? " " : "", s);
		free(s);
	}
	if (b.len)
		r = cJSON_CreateString(b.s);
	sb_free(&b);
	return r;
}

/* Expand t; NULL means "leave it out" (an unset sole placeholder, or a
 * nested object all of whose members were left out: {"name": "{proxy_name}"}
 * without a proxy is no proxy, not an empty one the API would refuse). */
static cJSON *expand(const cJSON *t, const struct tvars *tv, bool nested)
{
	char name[64];

	if (cJSON_IsString(t)) {
		if (sole_placeholder(t->valuestring, name, sizeof name)) {
			const struct tvar *v = tvars_get(tv, name);

			return v ? typed(tv, v) : NULL;
		} else if (all_unset(t->valuestring, tv)) {
			return NULL;
		} else {
			char *s = tmpl_string(t->valuestring, tv, false, NULL);
			cJSON *r = cJSON_CreateString(s);

			free(s);
			return r;
		}
	}
	if (cJSON_IsObject(t) && cJSON_GetObjectItemCaseSensitive(t, "$text"))
		return compose(t, tv);
	if (cJSON_IsObject(t) || cJSON_IsArray(t)) {
		cJSON *out = cJSON_IsObject(t) ? cJSON_CreateObject() : cJSON_CreateArray();

		for (const cJSON *c = t->child; c; c = c->next) {
			cJSON *v = expand(c, tv, true);

			if (!v)
				continue;
			if (cJSON_IsObject(t))
				cJSON_AddItemToObject(out, c->string, v);
			else
				cJSON_AddItemToArray(out, v);
		}
		if (nested && cJSON_IsObject(t) && t->child && !out->child) {
			cJSON_Delete(out);
			return NULL;
		}
		return out;
	}
	return cJSON_Duplicate(t, 1);
}

cJSON *tmpl_json(const cJSON *t, const struct tvars *tv)
{
	cJSON *r = expand(t, tv, false);

	return r ? r : cJSON_CreateNull();
}
