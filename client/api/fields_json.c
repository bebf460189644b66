#include "config.h"

#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "fields_json.h"

/* The members are the model's field names, the values the model's own
 * (Unix seconds, national status codes, action bitmasks): no profile is
 * involved, so what is written is read back exactly. */

cJSON *fields_to_json(const struct target *t, const void *obj, bool lists)
{
	cJSON *o = cJSON_CreateObject();

	for (const struct fdef *f = t->fields; f->name; f++) {
		switch (f->kind) {
		case FK_STR:
		case FK_VERSION:
		case FK_TEXT:
			if (*FIELD_CAT(obj, f, char *))
				cJSON_AddStringToObject(o, f->name, *FIELD_CAT(obj, f, char *));
			break;
		case FK_INT:
		case FK_STATUS:
		case FK_CHANNEL:
		case FK_DAYS:
		case FK_CUTOFF:
			cJSON_AddNumberToObject(o, f->name, *FIELD_CAT(obj, f, int));
			break;
		case FK_BOOL:
			cJSON_AddBoolToObject(o, f->name, *FIELD_CAT(obj, f, bool));
			break;
		case FK_MONEY:
			cJSON_AddNumberToObject(o, f->name, (double)*FIELD_CAT(obj, f, long long));
			break;
		case FK_TIME:
			if (*FIELD_CAT(obj, f, int64_t))
				cJSON_AddNumberToObject(o, f->name, (double)*FIELD_CAT(obj, f, int64_t));
			break;
		case FK_ACTIONS:
			cJSON_AddNumberToObject(o, f->name, *FIELD_CAT(obj, f, unsigned));
			break;
		case FK_STRS: {
			char *const *v = *(char **const *)((const char *)obj + f->off);
			int n = *(const int *)((const char *)obj + f->count_off);
			cJSON *a;

			if (!n)
				break;
			a = cJSON_AddArrayToObject(o, f->name);
			for (int i = 0; i < n; i++)
				cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
			break;
		}
		case FK_LIST: {
			const char *arr = *FIELD_CAT(obj, f, char *);
			int n = *(const int *)((const char *)obj + f->count_off);
			cJSON *a;

			if (!lists || !n)
				break;
			a = cJSON_AddArrayToObject(o, f->name);
			for (int i = 0; i < n; i++)
				cJSON_AddItemToArray(a, fields_to_json(f->sub, arr + (size_t)i * f->sub->size, true));
			break;
		}
		}
	}
	return o;
}

static int read_list(const struct fdef *f, const cJSON *a, void *obj, struct err *e)
{
	int n = cJSON_GetArraySize(a), i = 0;
	char *arr;
	const cJSON *it;

	if (!cJSON_IsArray(a)) {
		err_set(e, _("'%s' is not an array"), f->name);
		return -1;
	}
	arr = xcalloc((size_t)(n ? n : 1), f->sub->size);
	/* set first, so that freeing the object frees what was read so far */
	*FIELD_AT(obj, f, char *) = arr;
	cJSON_ArrayForEach(it, a) {
		*(int *)((char *)obj + f->count_off) = i;
		if (fields_from_json(f->sub, it, arr + (size_t)i * f->sub->size, e) < 0) {
			*(int *)((char *)obj + f->count_off) = i + 1;
			err_prefix(e, "%s[%d]: ", f->name, i);
			return -1;
		}
		i++;
	}
	*(int *)((char *)obj + f->count_off) = n;
	return 0;
}

int fields_from_json(const struct target *t, const cJSON *o, void *obj, struct err *e)
{
	if (!cJSON_IsObject(o)) {
		err_set(e, _("a %s is not a JSON object"), t->name);
		return -1;
	}
	for (const struct fdef *f = t->fields; f->name; f++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, f->name);
		bool ok = true;

		if (!v || cJSON_IsNull(v))
			continue;
		switch (f->kind) {
		case FK_STR:
		case FK_VERSION:
		case FK_TEXT:
			if ((ok = cJSON_IsString(v)))
				*FIELD_AT(obj, f, char *) = xstrdup(v->valuestring);
			break;
		case FK_INT:
		case FK_STATUS:
		case FK_CHANNEL:
		case FK_DAYS:
		case FK_CUTOFF:
			if ((ok = cJSON_IsNumber(v)))
				*FIELD_AT(obj, f, int) = v->valueint;
			break;
		case FK_BOOL:
			if ((ok = cJSON_IsBool(v)))
				*FIELD_AT(obj, f, bool) = cJSON_IsTrue(v);
			break;
		case FK_MONEY:
			if ((ok = cJSON_IsNumber(v)))
				*FIELD_AT(obj, f, long long) = (long long)v->valuedouble;
			break;
		case FK_TIME:
			if ((ok = cJSON_IsNumber(v)))
				*FIELD_AT(obj, f, int64_t) = (int64_t)v->valuedouble;
			break;
		case FK_ACTIONS:
			if ((ok = cJSON_IsNumber(v)))
				*FIELD_AT(obj, f, unsigned) = (unsigned)v->valuedouble;
			break;
		case FK_LIST:
			if (read_list(f, v, obj, e) < 0)
				return -1;
			break;
		case FK_STRS: {
			const cJSON *it;
			char **arr;
			int n = 0;

			if (!(ok = cJSON_IsArray(v)))
				break;
			arr = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *arr);
			*FIELD_AT(obj, f, char **) = arr;
			cJSON_ArrayForEach(it, v) {
				if (!(ok = cJSON_IsString(it)))
					break;
				arr[n++] = xstrdup(it->valuestring);
				*(int *)((char *)obj + f->count_off) = n;
			}
			break;
		}
		}
		if (!ok) {
			err_set(e, _("%s.%s has the wrong type"), t->name, f->name);
			return -1;
		}
	}
	return 0;
}
