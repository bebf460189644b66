#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"

int json_text(const cJSON *v, char *buf, size_t len)
{
	if (cJSON_IsString(v))
		snprintf(buf, len, "%s", v->valuestring);
	else if (cJSON_IsNumber(v) && v->valuedouble == floor(v->valuedouble) &&
		 fabs(v->valuedouble) < 1e15)
		snprintf(buf, len, "%.0f", v->valuedouble);
	else if (cJSON_IsNumber(v))
		snprintf(buf, len, "%g", v->valuedouble);
	else if (cJSON_IsBool(v))
		snprintf(buf, len, "%s", cJSON_IsTrue(v) ? "true" : "false");
	else
		return -1;
	return 0;
}

void reply_free(struct reply *r)
{
	cJSON_Delete(r->root);
	memset(r, 0, sizeof *r);
}

/* The kind of failure the API's code (or its success value) means. */
static enum fail_kind kind_of(const struct envelope *env, const struct reply *r)
{
	char status[64] = "";
	const cJSON *v;

	if (env->has_success && (v = jpath_get(&env->success, r->root)))
		json_text(v, status, sizeof status);
	for (int i = 0; i < env->nkinds; i++)
		if ((r->code[0] && !strcmp(env->kinds[i].code, r->code)) ||
		    (status[0] && !strcmp(env->kinds[i].code, status)))
			return env->kinds[i].kind;
	return FAIL_REFUSED;
}

/* Copy the envelope's message, code and field from root into e and r. */
static int api_error(const struct envelope *env, struct reply *r, long status, struct err *e)
{
	char msg[300] = "";
	const cJSON *v;
	bool gone;

	if (env->has_code && (v = jpath_get(&env->code, r->root)))
		json_text(v, r->code, sizeof r->code);
	r->kind = kind_of(env, r);
	if (env->has_field && (v = jpath_get(&env->field, r->root)))
		json_text(v, r->field, sizeof r->field);
	if (env->has_message && (v = jpath_get(&env->message, r->root)))
		json_text(v, msg, sizeof msg);
	/* not found is said as such, whatever words the API uses */
	gone = r->kind == FAIL_NOT_FOUND || (r->kind == FAIL_REFUSED && (status == 404 || status == 410));

	if (gone && (msg[0] || r->code[0]) && r->field[0])
		err_set(e, _("not found: %s (field %s)"), msg[0] ? msg : r->code, r->field);
	else if (gone && (msg[0] || r->code[0]))
		err_set(e, _("not found: %s"), msg[0] ? msg : r->code);
	else if (msg[0] && r->field[0])
		err_set(e, _("the server refused: %s (field %s)"), msg, r->field);
	else if (msg[0])
		err_set(e, _("the server refused: %s"), msg);
	else if (r->code[0])
		err_set(e, _("the server refused with code %s"), r->code);
	else
		err_set(e, _("the server answered HTTP %ld"), status);
	return ADAPTER_REFUSED;
}

static const char *status_sentence(long status)
{
	switch (status) {
	case 401: return _("the server does not accept these credentials (HTTP 401)");
	case 403: return _("this account may not do that (HTTP 403)");
	case 404: return _("the server has no such record (HTTP 404)");
	case 409: return _("the record changed on the server meanwhile (HTTP 409)");
	case 429: return _("the server asks to slow down (HTTP 429)");
	default: return NULL;
	}
}

/* cJSON decodes \u0000 into a NUL, which ends its C string: "An\u0000Bình"
 * would read "An", silently. In a copy of body, each \u0000 inside a
 * string becomes C0 80, the overlong form of NUL: not UTF-8, so the field
 * that holds it is refused by name (check_text). NULL when the body has
 * none, the usual case. */
static char *mark_nul(const char *body, size_t len, size_t *out_len)
{
	bool in_string = false;
	size_t o = 0;
	char *out;

	if (!memmem(body, len, "\\u0000", 6))
		return NULL;
	out = xmalloc(len);
	for (size_t i = 0; i < len; i++) {
		if (in_string && body[i] == '\\' && i + 6 <= len && !memcmp(body + i, "\\u0000", 6)) {
			out[o++] = '\xC0';
			out[o++] = '\x80';
			i += 5;
			continue;
		}
		if (in_string && body[i] == '\\' && i + 1 < len) {
			out[o++] = body[i++];	/* an escaped quote does not end it */
		} else if (body[i] == '"') {
			in_string = !in_string;
		}
		out[o++] = body[i];
	}
	*out_len = o;
	return out;
}

/* Parse len > 0 bytes of body; on failure *at is where the parse stopped. */
static cJSON *parse(const char *body, size_t len, size_t *at)
{
	size_t marked_len;
	char *marked = mark_nul(body, len, &marked_len);
	const char *text = marked ? marked : body, *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(text, marked ? marked_len : len, &end, 0);

	*at = end ? (size_t)(end - text) : 0;
	free(marked);	/* cJSON keeps copies of its strings */
	return root;
}

int adapter_open(const struct profile *p, const struct op *op, long status,
		 const char *body, size_t len, struct reply *r, struct err *e)
{
	const struct envelope *env = &op->env;
	size_t at = 0;

	memset(r, 0, sizeof *r);
	if (len)
		r->root = parse(body, len, &at);
	if (status < 200 || status > 299) {
		const char *s = status_sentence(status);

		if (r->root && (p->errors.has_message || p->errors.has_code))
			return api_error(&p->errors, r, status, e);
		if (r->root && (env->has_message || env->has_code))
			return api_error(env, r, status, e);
		if (s)
			err_set(e, "%s", s);
		else
			err_set(e, _("the server answered HTTP %ld"), status);
		return ADAPTER_REFUSED;
	}
	if (!r->root) {
		if (!len)
			return err_set(e, _("the server sent an empty reply where data was expected"));
		return err_set(e, _("the server's reply is not valid JSON (at byte %zu of %zu)"), at, len);
	}
	if (env->has_failure) {
		const cJSON *v = jpath_get(&env->failure, r->root);

		if (v && !cJSON_IsNull(v))
			return api_error(env, r, status, e);
	}
	if (env->has_success) {
		const cJSON *v = jpath_get(&env->success, r->root);
		char text[64] = "";
		bool ok = false;

		if (v)
			json_text(v, text, sizeof text);
		for (int i = 0; v && i < env->nsuccess; i++)
			ok |= !strcmp(text, env->success_values[i]);
		if (!ok) {
			if (!v)
				return err_set(e, _("the server's reply lacks %s, which says whether it worked"),
					       env->success.text);
			return api_error(env, r, status, e);
		}
	}
	r->payload = r->root;
	if (env->has_data) {
		r->payload = jpath_get(&env->data, r->root);
		if (!r->payload)
			return err_set(e, _("the server's reply has no %s where the data should be"),
				       env->data.text);
	}
	return 0;
}

const cJSON *adapter_items(const struct op *op, const struct reply *r, struct err *e)
{
	const cJSON *items = op->has_items ? jpath_get(&op->items, r->payload) : r->payload;

	/* null is not "no items": taken so, a full sync would forget every
	 * stored dossier on a reply that does not fit */
	if (cJSON_IsNull(items)) {
		err_set(e, _("the server's reply has null at %s where the list should be"),
			op->has_items ? op->items.text : _("its top level"));
		return NULL;
	}
	if (!cJSON_IsArray(items)) {
		err_set(e, _("the server's reply has no list at %s"),
			op->has_items ? op->items.text : _("its top level"));
		return NULL;
	}
	return items;
}

const cJSON *adapter_item(const struct op *op, const struct reply *r, struct err *e)
{
	const cJSON *item = op->has_item ? jpath_get(&op->item, r->payload) : r->payload;

	if (!cJSON_IsObject(item)) {
		err_set(e, _("the server's reply has no record at %s"),
			op->has_item ? op->item.text : _("its top level"));
		return NULL;
	}
	return item;
}

/* ---- fields ---- */

struct rd {
	const struct profile *p;
	struct err *e;
};

__attribute__((format(printf, 3, 4)))
static int bad(struct rd *rd, const struct field_map *f, const char *fmt, ...)
{
	char what[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return err_set(rd->e, _("field %s (%s): %s"), f->key,
		       f->has_path ? f->path.text : "const", what);
}

/* A text from the server is kept as it is, so it must be whole and UTF-8:
 * a NUL (marked by mark_nul) would cut it, and bytes that are not UTF-8
 * would go on to the store, the screens and the JSON output. */
static int check_text(struct rd *rd, const struct field_map *f, const cJSON *v)
{
	const char *s, *at;

	if (!cJSON_IsString(v) || !(at = text_utf8_invalid(v->valuestring, strlen(v->valuestring))))
		return 0;
	s = v->valuestring;
	if ((unsigned char)at[0] == 0xC0 && (unsigned char)at[1] == 0x80)
		return bad(rd, f, _("the text holds a NUL character (\\u0000), which would cut it short"));
	return bad(rd, f, _("the text is not valid UTF-8 (byte %zu)"), (size_t)(at - s) + 1);
}

/* The API's value, after the field's own values table. */
static const cJSON *translate(const struct field_map *f, const cJSON *v)
{
	char text[128];
	const cJSON *m;

	if (!f->values || json_text(v, text, sizeof text) < 0)
		return v;
	m = cJSON_GetObjectItemCaseSensitive(f->values, text);
	return m ? m : v;
}

static int read_time(struct rd *rd, const struct field_map *f, const cJSON *v, int64_t *t)
{
	struct err e2;

	if (cJSON_IsString(v) && !v->valuestring[0]) {
		*t = 0;		/* "" for "not yet" */
		return 0;
	}
	if (date_from_json(f->has_date ? &f->date : &rd->p->dates, v, t, &e2) < 0)
		return bad(rd, f, "%s", e2.msg);
	return 0;
}

static int read_code(struct rd *rd, const struct field_map *f, const cJSON *v,
		     const struct vocab *voc, int lo, int hi, const char *what, int *out)
{
	char text[64];
	int code = -1;

	if (json_text(v, text, sizeof text) < 0)
		return bad(rd, f, _("expected a %s"), what);
	if (voc->n)
		code = vocab_code(voc, text);
	else if (cJSON_IsNumber(v) || (text[0] >= '0' && text[0] <= '9'))
		code = atoi(text);
	/* a word the vocabulary lacks (a status the API added later) leaves
	 * this one record's value unset, not the whole list unread */
	if (voc->n && code < 0 && cJSON_IsString(v))
		return 0;
	if (code < lo || code > hi)
		return voc->n ? bad(rd, f, _("'%s' is not in the profile's vocabulary"), text) :
				bad(rd, f, _("'%s' is not a national code"), text);
	*out = code;
	return 0;
}

static int read_list(struct rd *rd, const struct field_map *f, const cJSON *v, void *base);

static int read_field(struct rd *rd, const struct field_map *f, const cJSON *v, void *base)
{
	char text[512];
	void *at = (char *)base + f->def->off;

	if (check_text(rd, f, v) < 0)
		return -1;
	v = translate(f, v);
	if (cJSON_IsNull(v) && f->def->kind != FK_LIST)
		return 0;	/* null: not set */
	switch (f->def->kind) {
	case FK_STR:
	case FK_VERSION:
		if (json_text(v, text, sizeof text) < 0)
			return bad(rd, f, _("expected text, got %s"), cJSON_IsArray(v) ? "[...]" : "{...}");
		free(*(char **)at);
		/* a text whole, however long; a number as text */
		*(char **)at = xstrdup(cJSON_IsString(v) ? v->valuestring : text);
		return 0;
	case FK_INT:
	case FK_MONEY:
	case FK_DAYS: {
		double d;

		if (cJSON_IsNumber(v))
			d = v->valuedouble;
		else if (cJSON_IsString(v) && sscanf(v->valuestring, "%lf", &d) == 1)
			;
		else
			return bad(rd, f, _("expected a number"));
		if (f->def->kind == FK_DAYS)
			*(int *)at = (int)lround(d * 480);
		else if (f->def->kind == FK_MONEY)
			*(long long *)at = llround(d);
		else
			*(int *)at = (int)lround(d);
		return 0;
	}
	case FK_BOOL:
		if (cJSON_IsBool(v))
			*(bool *)at = cJSON_IsTrue(v);
		else if (cJSON_IsNumber(v))
			*(bool *)at = v->valuedouble != 0;
		else if (cJSON_IsString(v) && (!strcmp(v->valuestring, "true") || !strcmp(v->valuestring, "1")))
			*(bool *)at = true;
		else if (cJSON_IsString(v) && (!strcmp(v->valuestring, "false") || !strcmp(v->valuestring, "0")))
			*(bool *)at = false;
		else
			return bad(rd, f, _("expected true or false"));
		return 0;
	case FK_TIME:
		return read_time(rd, f, v, (int64_t *)at);
	case FK_STATUS:
		return read_code(rd, f, v, &rd->p->status, ST_MIN, ST_MAX, _("status"), (int *)at);
	case FK_CHANNEL:
		return read_code(rd, f, v, &rd->p->channel, CH_DIRECT, CH_POSTAL, _("channel"), (int *)at);
	case FK_CUTOFF: {
		int h, m;

		if (cJSON_IsNumber(v))
			*(int *)at = v->valueint;
		else if (cJSON_IsString(v) && sscanf(v->valuestring, "%d:%d", &h, &m) == 2)
			*(int *)at = h * 60 + m;
		else if (cJSON_IsString(v) && !v->valuestring[0])
			*(int *)at = -1;
		else
			return bad(rd, f, _("expected a time of day such as 15:00"));
		return 0;
	}
	case FK_ACTIONS: {
		unsigned mask = 0;
		const cJSON *a;

		if (!cJSON_IsArray(v))
			return bad(rd, f, _("expected a list of actions"));
		cJSON_ArrayForEach(a, v) {
			if (!cJSON_IsString(a))
				continue;
			for (int i = 0; i < ACT_COUNT; i++)
				if (rd->p->actions[i] && !strcmp(rd->p->actions[i], a->valuestring))
					mask |= 1u << i;
			/* an action the profile does not know is not offered */
		}
		*(unsigned *)at = mask;
		return 0;
	}
	case FK_LIST:
		return read_list(rd, f, v, base);
	case FK_STRS: {
		const cJSON *it;
		char **arr;
		int n = 0;

		if (!cJSON_IsArray(v))
			return bad(rd, f, _("expected a list of values"));
		arr = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *arr);
		/* set first, so a failure midway frees what was read */
		*(char ***)at = arr;
		cJSON_ArrayForEach(it, v) {
			if (json_text(it, text, sizeof text) < 0)
				return bad(rd, f, _("item %d: expected text"), n + 1);
			if (check_text(rd, f, it) < 0)
				return -1;
			arr[n++] = xstrdup(text);
			*(int *)((char *)base + f->def->count_off) = n;
		}
		return 0;
	}
	case FK_TEXT:
		break;
	}
	return 0;
}

static int read_object(struct rd *rd, const struct mapping *m, const cJSON *obj, void *out);

static int read_list(struct rd *rd, const struct field_map *f, const cJSON *v, void *base)
{
	const struct target *sub = f->def->sub;
	const struct mapping *m = profile_mapping(rd->p, sub);
	char *arr;
	int n = 0, i = 0;
	const cJSON *it;

	if (cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsArray(v))
		return bad(rd, f, _("expected a list"));
	if (!m)
		return bad(rd, f, _("the profile has no fields.%s to read its items"), sub->name);
	n = cJSON_GetArraySize(v);
	arr = xcalloc((size_t)(n ? n : 1), sub->size);
	/* set the list first, so a failure midway frees what was read */
	*(void **)((char *)base + f->def->off) = arr;
	cJSON_ArrayForEach(it, v) {
		if (read_object(rd, m, it, arr + (size_t)i * sub->size) < 0) {
			*(int *)((char *)base + f->def->count_off) = i + 1;
			return err_prefix(rd->e, _("%s item %d: "), f->key, i + 1);
		}
		i++;
	}
	*(int *)((char *)base + f->def->count_off) = n;
	return 0;
}

static int read_record(struct rd *rd, const struct mapping *m, const cJSON *obj, struct record *out)
{
	for (int i = 0; i < m->n; i++) {
		const struct field_map *f = &m->f[i];
		const cJSON *v = f->has_path ? jpath_get(&f->path, obj) : NULL;
		char text[1024];

		if (!v)
			v = f->constant;
		if (!v || cJSON_IsNull(v))
			continue;
		if (check_text(rd, f, v) < 0)
			return -1;
		v = translate(f, v);
		if (f->has_date) {
			struct cal_time ct;
			int64_t t;

			if (read_time(rd, f, v, &t) < 0)
				return -1;
			/* a register's date: every instant is one, 0 included */
			cal_split(t, &ct);
			when_iso_ymd(ct.year, ct.month, ct.day, text, sizeof text);
		} else if (json_text(v, text, sizeof text) < 0) {
			return bad(rd, f, _("expected text, got %s"), cJSON_IsArray(v) ? "[...]" : "{...}");
		}
		record_set(out, f->key, !f->has_date && cJSON_IsString(v) ? v->valuestring : text);
	}
	return 0;
}

static void free_partial(const struct target *t, void *out)
{
	if (t == &target_dossier)
		dossier_free(out);
	else if (t == &target_procedure)
		procedure_free(out);
	else if (!t->fields)
		record_free(out);
	/* list elements (log entries, components...) are freed by their parent */
}

static int read_object(struct rd *rd, const struct mapping *m, const cJSON *obj, void *out)
{
	if (!cJSON_IsObject(obj))
		return err_set(rd->e, _("expected an object, got %s"),
			       cJSON_IsArray(obj) ? _("a list") : _("a single value"));
	if (!m->target->fields)
		return read_record(rd, m, obj, out);
	for (int i = 0; i < m->n; i++) {
		const struct field_map *f = &m->f[i];
		const cJSON *v = f->has_path ? jpath_get(&f->path, obj) : NULL;

		if (!v)
			v = f->constant;
		if (v && read_field(rd, f, v, out) < 0)
			return -1;
	}
	return 0;
}

/* Whether the mapping has a path or constant for the fdef named name. */
static bool maps(const struct mapping *m, const char *name)
{
	for (int i = 0; i < m->n; i++)
		if (m->f[i].def && !strcmp(m->f[i].def->name, name))
			return true;
	return false;
}

int adapter_read(const struct profile *p, const struct mapping *m, const cJSON *obj,
		 void *out, struct err *e)
{
	return adapter_read_as(p, -1, m, obj, out, e);
}

int adapter_read_as(const struct profile *p, int role, const struct mapping *m, const cJSON *obj,
		    void *out, struct err *e)
{
	struct rd rd = { p, e };

	memset(out, 0, m->target->size);
	if (m->target == &target_procedure)
		((struct procedure *)out)->cutoff = -1;
	if (m->target == &target_dossier)
		((struct dossier *)out)->fee = -1;	/* unknown until the API says */
	if (read_object(&rd, m, obj, out) < 0) {
		free_partial(m->target, out);
		return -1;
	}
	if (m->target == &target_dossier && !((struct dossier *)out)->code) {
		dossier_free(out);
		return err_set(e, _("a dossier without a code (fields.dossier.code found nothing)"));
	}
	if (m->target == &target_dossier && !((struct dossier *)out)->number && maps(m, "number"))
		((struct dossier *)out)->number = xstrdup("");	/* none yet: not the id shown */
	/* an API without a list of its own: the status says; one with a list
	 * says it on the whole dossier, a summary's stays unknown */
	if (m->target == &target_dossier && !((struct dossier *)out)->allowed && !profile_reads_allowed(p))
		((struct dossier *)out)->allowed = profile_allowed(p, role, ((struct dossier *)out)->status);
	if (m->target == &target_procedure && !((struct procedure *)out)->code) {
		procedure_free(out);
		return err_set(e, _("a procedure without a code (fields.procedure.code found nothing)"));
	}
	return 0;
}

int adapter_read_part(const struct profile *p, const struct fdef *def, const cJSON *v,
		      struct dossier *d, struct err *e)
{
	struct rd rd = { p, e };
	struct field_map f = { .def = def, .key = (char *)def->name };

	return read_field(&rd, &f, v, d);
}

static bool hollow(const cJSON *v)
{
	return !v || cJSON_IsNull(v) || ((cJSON_IsObject(v) || cJSON_IsArray(v)) && !v->child);
}

bool adapter_empty(const struct op *op, const struct reply *r)
{
	const cJSON *item = op->has_item ? jpath_get(&op->item, r->payload) : NULL;

	/* a path that finds nothing in a full reply is the profile's
	 * mistake, not an empty record */
	return hollow(r->payload) || (item && hollow(item));
}

long adapter_total(const struct op *op, const struct reply *r)
{
	const cJSON *v = op->paging.has_total ? jpath_get(&op->paging.total, r->payload) : NULL;

	return cJSON_IsNumber(v) && v->valuedouble >= 0 ? (long)v->valuedouble : -1;
}

int adapter_next_page(const struct op *op, const struct reply *r, int page, int size, long seen,
		      int got, int *next_page, char *next_cursor, size_t len, struct err *e)
{
	const struct paging *pg = &op->paging;
	const cJSON *v;
	long total = adapter_total(op, r);

	if (total >= 0 && got == 0 && seen < total)
		return err_set(e, _("the server listed %ld of the %.0f it reported, asking %d per page: it may send fewer per page than asked; set paging.size to what it sends"),
			       seen, (double)total, size);

	switch (pg->style) {
	case PAGING_NONE:
		return 0;
	case PAGING_CURSOR:
		v = jpath_get(&pg->next, r->payload);
		if (!v || cJSON_IsNull(v) || json_text(v, next_cursor, len) < 0 || !next_cursor[0])
			return 0;
		return 1;
	case PAGING_PAGE:
	case PAGING_OFFSET:
		if (got == 0)
			return 0;
		if (pg->has_next && (v = jpath_get(&pg->next, r->payload))) {
			/* a next page number, or a has-more flag */
			if (cJSON_IsNull(v) || cJSON_IsFalse(v))
				return 0;
			*next_page = cJSON_IsNumber(v) ? v->valueint : page + 1;
			return 1;
		}
		if (total >= 0) {
			/* the items that came, not pages times size: a server
			 * may send fewer than asked */
			if (seen >= total)
				return 0;
			*next_page = pg->style == PAGING_PAGE ? page + 1 : page + got;
			return 1;
		}
		/* neither: a short page is the last one */
		if (got < size)
			return 0;
		*next_page = pg->style == PAGING_PAGE ? page + 1 : page + got;
		return 1;
	}
	return 0;
}

void adapter_cursor(const struct op *op, const struct reply *r, char *buf, size_t len)
{
	const cJSON *v = op->has_cursor ? jpath_get(&op->cursor, r->payload) : NULL;

	buf[0] = '\0';
	if (v && !cJSON_IsNull(v))
		json_text(v, buf, len);
}
