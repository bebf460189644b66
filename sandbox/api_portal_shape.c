/* Applying the portal dialect's name tables (api_portal_names.c): model
 * objects to portal objects for replies, portal request bodies to model
 * bodies for the operations, the portal's time format, and the way back
 * from a model field name an operation reported to the portal's name. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/when.h"
#include "sbx_api_portal.h"
#include "sbx_util.h"

/* ---- times ---------------------------------------------------------------- */

void sbx_portal_time(int64_t t, char out[SBX_PORTAL_TIME_LEN])
{
	struct cal_time c;

	cal_split(t, &c);
	snprintf(out, SBX_PORTAL_TIME_LEN, "%04u%02u%02u%02u%02u%02u",
		 (unsigned)c.year % 10000u, (unsigned)c.month % 100u, (unsigned)c.day % 100u,
		 (unsigned)c.hour % 100u, (unsigned)c.minute % 100u, (unsigned)c.second % 100u);
}

/* n digits from s as a number; -1 when not all digits. */
static int num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + s[i] - '0';
	}
	return v;
}

static int parse_digits(const char *s, size_t len, int64_t *t)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;

	if (!s || strlen(s) != len)
		return -1;
	y = num(s, 4);
	mo = num(s + 4, 2);
	d = num(s + 6, 2);
	if (len == 14) {
		h = num(s + 8, 2);
		mi = num(s + 10, 2);
		sec = num(s + 12, 2);
	}
	if (y < 1970 || y > CAL_YEAR_MAX || mo < 1 || !cal_valid_date(y, mo, d) ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
		return -1;
	*t = cal_join(y, mo, d, h, mi, sec);
	return 0;
}

int sbx_portal_time_parse(const char *s, int64_t *t)
{
	return parse_digits(s, 14, t);
}

int sbx_portal_date_parse(const char *s, int64_t *t)
{
	struct cal_time c;

	if (s && strlen(s) == 14) {	/* a time names its day */
		if (parse_digits(s, 14, t) < 0)
			return -1;
		cal_split(*t, &c);
		*t = cal_join(c.year, c.month, c.day, 0, 0, 0);
		return 0;
	}
	return parse_digits(s, 8, t);
}

/* ---- shaping -------------------------------------------------------------- */

const char *sbx_portal_word(const struct sbx_pword *w, const char *model)
{
	for (; w && w->model; w++)
		if (!strcmp(w->model, model))
			return w->portal;
	return NULL;
}

const char *sbx_portal_unword(const struct sbx_pword *w, const char *portal)
{
	for (; w && w->model; w++)
		if (!strcmp(w->portal, portal))
			return w->model;
	return NULL;
}

/* A word the table lacks passes unchanged: data is never dropped. */
static cJSON *word(const struct sbx_pword *w, const cJSON *v)
{
	const char *p;

	if (!cJSON_IsString(v))
		return cJSON_Duplicate(v, true);
	p = sbx_portal_word(w, v->valuestring);
	return cJSON_CreateString(p ? p : v->valuestring);
}

/* "citizen:full_name" -> "CongDan:HoTen" */
static cJSON *fill_from(const cJSON *v)
{
	const struct sbx_pfield *t;
	const char *colon, *kind, *key = NULL;
	char buf[128], out[160];

	if (!cJSON_IsString(v) || !(colon = strchr(v->valuestring, ':')) ||
	    (size_t)(colon - v->valuestring) >= sizeof buf)
		return cJSON_Duplicate(v, true);
	snprintf(buf, sizeof buf, "%.*s", (int)(colon - v->valuestring), v->valuestring);
	kind = sbx_portal_word(sbx_pw_register, buf);
	t = !strcmp(buf, "citizen") ? sbx_pt_citizen : sbx_pt_enterprise;
	for (; kind && t->model && !key; t++)
		if (!strcmp(t->model, colon + 1))
			key = t->portal;
	if (!key)
		return cJSON_Duplicate(v, true);
	snprintf(out, sizeof out, "%s:%s", kind, key);
	return cJSON_CreateString(out);
}

static cJSON *shape_value(const cJSON *v, const struct sbx_pfield *f)
{
	char buf[SBX_PORTAL_TIME_LEN];
	cJSON *arr;

	switch (f->kind) {
	case SBX_PK_TIME:
		if (!cJSON_IsNumber(v))
			return cJSON_CreateString("");
		sbx_portal_time((int64_t)v->valuedouble, buf);
		return cJSON_CreateString(buf);
	case SBX_PK_DATE:
		if (cJSON_IsString(v) && strlen(v->valuestring) == 10 && v->valuestring[4] == '-') {
			snprintf(buf, sizeof buf, "%.4s%.2s%.2s", v->valuestring,
				 v->valuestring + 5, v->valuestring + 8);
			return cJSON_CreateString(buf);
		}
		break;
	case SBX_PK_HHMM:
		if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 24 * 60) {
			return cJSON_CreateString(when_minute((int)v->valuedouble, buf, sizeof buf));
		}
		break;
	case SBX_PK_WORDS:
		if (!cJSON_IsArray(v))
			return word(f->words, v);
		arr = cJSON_CreateArray();
		for (const cJSON *it = v->child; it; it = it->next)
			cJSON_AddItemToArray(arr, word(f->words, it));
		return arr;
	case SBX_PK_FILL:
		return fill_from(v);
	case SBX_PK_OBJ:
		if (cJSON_IsObject(v))
			return sbx_portal_shape(v, f->sub);
		break;
	case SBX_PK_ARR:
		if (cJSON_IsArray(v))
			return sbx_portal_shape_items(v, f->sub);
		break;
	case SBX_PK_COPY:
	case SBX_PK_NUM:
	case SBX_PK_FLAT:
		break;
	}
	return cJSON_Duplicate(v, true);
}

static void shape_into(cJSON *o, const cJSON *m, const struct sbx_pfield *t)
{
	for (; t->model; t++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, t->model);

		if (!v)
			continue;
		if (t->kind == SBX_PK_FLAT) {
			if (cJSON_IsObject(v))
				shape_into(o, v, t->sub);
			continue;
		}
		cJSON_AddItemToObject(o, t->portal, shape_value(v, t));
	}
}

cJSON *sbx_portal_shape(const cJSON *model, const struct sbx_pfield *t)
{
	cJSON *o = cJSON_CreateObject();

	shape_into(o, model, t);
	return o;
}

cJSON *sbx_portal_shape_items(const cJSON *items, const struct sbx_pfield *t)
{
	cJSON *arr = cJSON_CreateArray();

	for (const cJSON *it = items ? items->child : NULL; it; it = it->next)
		cJSON_AddItemToArray(arr, cJSON_IsObject(it) ? sbx_portal_shape(it, t) :
					  cJSON_Duplicate(it, true));
	return arr;
}

/* ---- requests ------------------------------------------------------------- */

bool sbx_portal_known(const struct sbx_pfield *t, const char *name)
{
	for (; t->model; t++)
		if (t->kind == SBX_PK_FLAT ? sbx_portal_known(t->sub, name) :
		    !strcmp(t->portal, name))
			return true;
	return false;
}

static int unshape_into(const cJSON *p, const struct sbx_pfield *t, cJSON *m,
			const char *where, struct sbx_error *e);

/* Members of a nested object t does not name: a typo, refused. */
static int only_known(const cJSON *p, const struct sbx_pfield *t, const char *where,
		      struct sbx_error *e)
{
	for (const cJSON *it = p->child; it; it = it->next)
		if (!sbx_portal_known(t, it->string))
			return sbx_fail(e, SBX_E_INVALID, "unknown_field", where,
					"%s: unknown member \"%.60s\"", where, it->string);
	return 0;
}

static int unshape_value(const cJSON *v, const struct sbx_pfield *f, cJSON **out,
			 const char *where, struct sbx_error *e)
{
	int64_t t;

	switch (f->kind) {
	case SBX_PK_TIME:
		if (cJSON_IsNull(v) || (cJSON_IsString(v) && !*v->valuestring)) {
			*out = cJSON_CreateNull();
			return 0;
		}
		if (!cJSON_IsString(v) || sbx_portal_time_parse(v->valuestring, &t) < 0)
			return sbx_fail(e, SBX_E_INVALID, "invalid_field", where,
					"%s: expected a time yyyyMMddHHmmss", where);
		*out = cJSON_CreateNumber((double)t);
		return 0;
	case SBX_PK_NUM:
		if (cJSON_IsString(v) && *v->valuestring &&
		    strspn(v->valuestring, "0123456789") == strlen(v->valuestring) &&
		    strlen(v->valuestring) < 16) {
			*out = cJSON_CreateNumber((double)strtoll(v->valuestring, NULL, 10));
			return 0;
		}
		break;
	case SBX_PK_WORDS:
		if (cJSON_IsString(v) && sbx_portal_unword(f->words, v->valuestring)) {
			*out = cJSON_CreateString(sbx_portal_unword(f->words, v->valuestring));
			return 0;
		}
		break;
	case SBX_PK_OBJ:
		if (!cJSON_IsObject(v))
			break;
		if (!v->child) {	/* {} is none, as a template with nothing set sends it */
			*out = cJSON_CreateNull();
			return 0;
		}
		if (only_known(v, f->sub, where, e) < 0)
			return -1;
		*out = cJSON_CreateObject();
		if (unshape_into(v, f->sub, *out, where, e) < 0) {
			cJSON_Delete(*out);
			return -1;
		}
		return 0;
	case SBX_PK_ARR:
		if (!cJSON_IsArray(v))
			break;
		*out = cJSON_CreateArray();
		for (const cJSON *it = v->child; it; it = it->next) {
			cJSON *o;

			if (!cJSON_IsObject(it)) {
				cJSON_AddItemToArray(*out, cJSON_Duplicate(it, true));
				continue;
			}
			if (only_known(it, f->sub, where, e) < 0) {
				cJSON_Delete(*out);
				return -1;
			}
			o = cJSON_CreateObject();
			cJSON_AddItemToArray(*out, o);
			if (unshape_into(it, f->sub, o, where, e) < 0) {
				cJSON_Delete(*out);
				return -1;
			}
		}
		return 0;
	default:
		break;
	}
	/* anything else goes as it is: the operation checks it and names it */
	*out = cJSON_Duplicate(v, true);
	return 0;
}

static int unshape_into(const cJSON *p, const struct sbx_pfield *t, cJSON *m,
			const char *where, struct sbx_error *e)
{
	for (; t->model; t++) {
		const cJSON *v;
		cJSON *out = NULL;
		char name[96];

		if (t->kind == SBX_PK_FLAT) {
			cJSON *sub = cJSON_CreateObject();

			if (unshape_into(p, t->sub, sub, where, e) < 0) {
				cJSON_Delete(sub);
				return -1;
			}
			if (sub->child)
				cJSON_AddItemToObject(m, t->model, sub);
			else
				cJSON_Delete(sub);
			continue;
		}
		if (!(v = cJSON_GetObjectItemCaseSensitive(p, t->portal)))
			continue;
		snprintf(name, sizeof name, "%s%s%s", where ? where : "", where ? "." : "",
			 t->portal);
		if (unshape_value(v, t, &out, name, e) < 0)
			return -1;
		cJSON_AddItemToObject(m, t->model, out);
	}
	return 0;
}

int sbx_portal_unshape(const cJSON *p, const struct sbx_pfield *t, cJSON *m,
		       struct sbx_error *e)
{
	return unshape_into(p, t, m, NULL, e);
}

void sbx_portal_field(const struct sbx_pfield *t, const char *field, char *out,
		      size_t sz)
{
	size_t head = strcspn(field, ".");

	for (; t && t->model; t++) {
		if (strlen(t->model) != head || strncmp(t->model, field, head))
			continue;
		if (t->kind == SBX_PK_FLAT) {	/* "applicant" alone: its name */
			sbx_portal_field(t->sub, field[head] ? field + head + 1 : t->sub->model,
					 out, sz);
			return;
		}
		if (t->kind == SBX_PK_OBJ && field[head]) {
			char rest[96];

			sbx_portal_field(t->sub, field + head + 1, rest, sizeof rest);
			snprintf(out, sz, "%s.%s", t->portal, rest);
			return;
		}
		/* form.child.full_name: the form's own keys stay */
		snprintf(out, sz, "%s%s", t->portal ? t->portal : field, field + head);
		return;
	}
	snprintf(out, sz, "%s", field);
}
