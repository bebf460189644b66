#include "config.h"

#include <stdio.h>
#include <string.h>

#include "autofill.h"
#include "core/i18n.h"
#include "core/xalloc.h"

/* ---- the session's cache ---- */

struct af_entry {
	char *reg, *id;
	bool found;
	struct record rec;
};

struct af_cache {
	struct af_entry *e;
	int n;
};

struct af_cache *af_cache_new(void)
{
	return xcalloc(1, sizeof(struct af_cache));
}

void af_cache_free(struct af_cache *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->n; i++) {
		free(c->e[i].reg);
		free(c->e[i].id);
		record_free(&c->e[i].rec);
	}
	free(c->e);
	free(c);
}

int af_cache_size(const struct af_cache *c)
{
	return c ? c->n : 0;
}

static struct af_entry *cache_get(struct af_cache *c, const char *reg, const char *id)
{
	for (int i = 0; c && i < c->n; i++)
		if (!strcmp(c->e[i].reg, reg) && !strcmp(c->e[i].id, id))
			return &c->e[i];
	return NULL;
}

/* An answer (found or not) is kept; a failure is not, so it is tried again. */
static struct af_entry *cache_put(struct af_cache *c, const char *reg, const char *id,
				  const struct record *rec)
{
	struct af_entry *en;

	if (!c)
		return NULL;
	c->e = xrealloc(c->e, (size_t)(c->n + 1) * sizeof *c->e);
	en = &c->e[c->n++];
	*en = (struct af_entry){ .reg = xstrdup(reg), .id = xstrdup(id), .found = rec != NULL };
	for (int i = 0; rec && i < rec->n; i++)
		record_set(&en->rec, rec->kv[i].key, rec->kv[i].value);
	return en;
}

/* ---- the mapping ---- */

/* "father.full_name" and "father.id_number" are one block: "father". */
static size_t block_len(const char *key)
{
	const char *dot = strrchr(key, '.');

	return dot ? (size_t)(dot - key) : 0;
}

int af_source_field(const struct iform *f, int i)
{
	const struct iform_field *x = &f->f[i];
	size_t bl = block_len(x->key);
	int first = -1;

	if (!x->fill_reg)
		return -1;
	for (int j = 0; j < f->nf; j++) {
		const struct iform_field *s = &f->f[j];

		if (!s->lookup || strcmp(s->lookup, x->fill_reg))
			continue;
		if (block_len(s->key) == bl && !strncmp(s->key, x->key, bl))
			return j;
		if (first < 0)
			first = j;
	}
	/* no lookup in its block: the form's first lookup of that register */
	return first;
}

int af_apply(struct iform *f, int src, const char *reg, const struct record *rec)
{
	int n = 0;

	for (int i = 0; i < f->nf; i++) {
		struct iform_field *x = &f->f[i];
		const char *v;

		if (!x->fill_reg || strcmp(x->fill_reg, reg) || af_source_field(f, i) != src)
			continue;
		v = record_get(rec, x->fill_key);
		if (!v || !*v)
			continue;	/* the register lacks it: the clerk asks */
		/* never over what the clerk typed */
		if (x->origin == IO_TYPED && x->value[0])
			continue;
		iform_fill(f, i, reg, v);
		n++;
	}
	iform_cover(f, reg);
	return n;
}

/* ---- lookups ---- */

static void changed(struct autofill *af)
{
	if (af->changed)
		af->changed(af->changed_arg);
}

static struct af_lookup *lookup_at(struct autofill *af, int field)
{
	for (int i = 0; i < af->nl; i++)
		if (af->l[i].field == field)
			return &af->l[i];
	return NULL;
}

void af_init(struct autofill *af, struct loop *loop, const struct af_backend *be,
	     struct af_cache *cache, struct iform *form, const char *intake_ref)
{
	char key[33];

	memset(af, 0, sizeof *af);
	af->loop = loop;
	af->be = *be;
	af->cache = cache;
	af->form = form;
	if (!intake_ref) {
		api_new_key(key);
		key[12] = '\0';
	}
	/* TRANSLATORS: the purpose of a lookup, in the server's audit and the
	 * local one: procedure code, then the intake's reference */
	snprintf(af->purpose, sizeof af->purpose, _("intake %s (%s)"), form->procedure_code,
		 intake_ref ? intake_ref : key);
	for (int i = 0; i < form->nf; i++) {
		if (!form->f[i].lookup)
			continue;
		af->l = xrealloc(af->l, (size_t)(af->nl + 1) * sizeof *af->l);
		af->l[af->nl++] = (struct af_lookup){ .field = i, .af = af };
	}
}

static bool stop(struct autofill *af, struct af_lookup *l)
{
	bool was = l->timer || l->req;

	if (l->timer)
		loop_timer_cancel(af->loop, l->timer);
	l->timer = 0;
	if (l->req) {
		unsigned req = l->req;

		l->req = 0;	/* got() sees it is no longer wanted */
		af->be.cancel(af->be.arg, req);
	}
	return was;
}

void af_free(struct autofill *af)
{
	for (int i = 0; i < af->nl; i++)
		stop(af, &af->l[i]);
	free(af->l);
	af->l = NULL;
	af->nl = 0;
}

static void answered(struct autofill *af, struct af_lookup *l, const struct af_entry *en)
{
	const char *reg = af->form->f[l->field].lookup;

	l->state = en->found ? AF_FOUND : AF_NOT_FOUND;
	l->filled = en->found ? af_apply(af->form, l->field, reg, &en->rec) : 0;
}

/* The context of one request: the form may have moved on meanwhile. */
struct af_req {
	struct autofill *af;
	int field;
	char id[VALIDATE_MAX];
};

static void on_got(void *ctx, struct record *rec, const struct api_result *r)
{
	struct af_req *q = ctx;
	struct autofill *af = q->af;
	struct af_lookup *l = lookup_at(af, q->field);
	const char *reg = af->form->f[q->field].lookup;
	bool answer = rec || r->fail == API_E_NOTFOUND;

	if (answer && !cache_get(af->cache, reg, q->id))
		cache_put(af->cache, reg, q->id, rec);
	/* still the number the field holds, and still wanted */
	if (l && l->req && !strcmp(l->id, q->id)) {
		l->req = 0;
		if (answer) {
			struct af_entry tmp = { .found = rec != NULL };

			if (rec)
				tmp.rec = *rec;
			answered(af, l, &tmp);
		} else if (r->fail == API_E_CANCELLED) {
			l->state = AF_CANCELLED;
		} else {
			l->state = r->fail == API_E_NETWORK ? AF_OFFLINE : AF_FAILED;
			l->why = r->e;
		}
		changed(af);
	}
	if (rec) {
		record_free(rec);
		free(rec);
	}
	free(q);
}

static void go(struct autofill *af, struct af_lookup *l)
{
	const char *reg = af->form->f[l->field].lookup;
	const struct af_entry *en = cache_get(af->cache, reg, l->id);
	struct af_req *q;
	unsigned id;

	if (en) {
		answered(af, l, en);
		changed(af);
		return;
	}
	q = xcalloc(1, sizeof *q);
	q->af = af;
	q->field = l->field;
	snprintf(q->id, sizeof q->id, "%s", l->id);
	l->state = AF_LOOKING;
	af->requests++;
	/* set before the call: a backend may answer at once */
	l->req = (unsigned)-1;
	id = af->be.lookup(af->be.arg, reg, l->id, af->purpose, on_got, q);
	if (l->state != AF_LOOKING) {
		l->req = 0;	/* answered already */
	} else if (!id) {
		/* no server at all: nothing was sent, nothing to audit */
		l->req = 0;
		af->requests--;
		l->state = AF_OFFLINE;
		free(q);
	} else {
		l->req = id;
	}
	changed(af);
}

static void on_timer(void *arg)
{
	struct af_lookup *l = arg;

	l->timer = 0;
	go(l->af, l);
}

/* Another number now: what the old one's reply filled (and the clerk left
 * as it came) is not this person's. */
static void unfill(struct autofill *af, struct af_lookup *l)
{
	struct iform *f = af->form;
	const char *reg = f->f[l->field].lookup;
	bool other = false;

	if (l->state != AF_FOUND)
		return;
	for (int i = 0; i < f->nf; i++) {
		struct iform_field *x = &f->f[i];

		if (x->origin != IO_NATIONAL || af_source_field(f, i) != l->field)
			continue;
		free(x->from_reg);
		free(x->national);
		x->from_reg = x->national = NULL;
		x->origin = IO_TYPED;
		x->value[0] = '\0';
		iform_check(f, i);
	}
	for (int i = 0; i < af->nl; i++)
		if (&af->l[i] != l && af->l[i].state == AF_FOUND &&
		    !strcmp(f->f[af->l[i].field].lookup, reg))
			other = true;
	for (int i = 0; !other && i < f->nc; i++) {
		const char *r = iform_source_register(f->c[i].source);

		if (f->c[i].auto_national && r && !strcmp(r, reg))
			f->c[i].from_national = f->c[i].auto_national = false;
	}
	l->filled = 0;
}

void af_edited(struct autofill *af, int field)
{
	struct af_lookup *l = lookup_at(af, field);
	const struct iform_field *x = &af->form->f[field];

	if (!l)
		return;
	if (x->valid && x->norm[0] && !strcmp(x->norm, l->id) &&
	    (l->state == AF_FOUND || l->state == AF_NOT_FOUND || l->state == AF_LOOKING ||
	     l->state == AF_WAITING))
		return;		/* the same number: what was asked stands */
	stop(af, l);
	unfill(af, l);
	if (!x->valid || !x->norm[0]) {
		l->state = AF_IDLE;
		l->id[0] = '\0';
		changed(af);
		return;
	}
	snprintf(l->id, sizeof l->id, "%s", x->norm);
	/* answered before in this session: no request to spare, no pause */
	if (cache_get(af->cache, x->lookup, l->id)) {
		go(af, l);
		return;
	}
	l->state = AF_WAITING;
	/* l stays put: the array is not resized after af_init */
	l->timer = loop_timer(af->loop, AF_DEBOUNCE_MS, on_timer, l);
	changed(af);
}

bool af_cancel(struct autofill *af)
{
	bool any = false;

	for (int i = 0; i < af->nl; i++) {
		struct af_lookup *l = &af->l[i];

		if (stop(af, l)) {
			l->state = AF_CANCELLED;
			any = true;
		}
	}
	if (any)
		changed(af);
	return any;
}

const struct af_lookup *af_lookup_of(const struct autofill *af, int field)
{
	for (int i = 0; i < af->nl; i++)
		if (af->l[i].field == field)
			return &af->l[i];
	return NULL;
}

bool af_any_offline(const struct autofill *af)
{
	for (int i = 0; i < af->nl; i++)
		if (af->l[i].state == AF_OFFLINE)
			return true;
	return false;
}
