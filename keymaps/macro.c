#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "macro.h"

#define ASK "ask:"

static void add_step(struct mstep **v, size_t *n, size_t *cap, struct mstep s)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*n)++] = s;
}

/* An operation's name as the tables write them: "dossier-accept". */
static bool op_name(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789-", s[i]))
			return false;
	return true;
}

/* The bracket at body[at] (from '<' to '>', len bytes) as one step. */
static int bracket(const char *body, size_t at, size_t len, struct mstep *s, struct err *e)
{
	const char *in = body + at + 1;
	size_t m = len - 2;
	char *name = xstrndup(body + at, len);
	int rc = 0;

	if (m >= strlen(ASK) && !strncmp(in, ASK, strlen(ASK))) {
		if (m == strlen(ASK))
			rc = err_set(e, _("character %zu: <ask:> needs the question to show, as in <ask:ID number>"),
				     at + 1);
		else
			*s = (struct mstep){ MS_ASK, 0, xstrndup(in + strlen(ASK), m - strlen(ASK)) };
	} else if (m == 2 && !strncmp(in, "lt", 2)) {
		*s = (struct mstep){ MS_KEY, '<', NULL };
	} else if (km_key_parse(name, &s->key, NULL) == 0) {
		s->kind = MS_KEY;
		s->text = NULL;
	} else if (op_name(in, m)) {
		*s = (struct mstep){ MS_OP, 0, xstrndup(in, m) };
	} else {
		rc = err_set(e, _("character %zu: %s is neither a key name (<Enter>, <C-a>), an operation (<dossier-accept>) nor a question (<ask:ID number>)"),
			     at + 1, name);
	}
	free(name);
	return rc;
}

int macro_parse(const char *body, struct mstep **steps, size_t *n, struct err *e)
{
	struct mstep *v = NULL;
	size_t nv = 0, cap = 0, len = strlen(body);

	for (size_t i = 0; i < len;) {
		struct mstep s = { MS_KEY, 0, NULL };
		size_t step;
		int32_t cp;

		if (body[i] == '<') {
			const char *end = strchr(body + i + 1, '>');

			if (!end || end == body + i + 1) {
				macro_steps_free(v, nv);
				return err_set(e, _("character %zu: '<' opens no key name; write <lt> for the character itself"),
					       i + 1);
			}
			step = (size_t)(end - body) + 1 - i;
			if (bracket(body, i, step, &s, e) < 0) {
				macro_steps_free(v, nv);
				return -1;
			}
		} else {
			step = text_utf8_next(body + i, len - i, &cp);
			if (cp < 0) {
				macro_steps_free(v, nv);
				return err_set(e, _("character %zu is not UTF-8 text"), i + 1);
			}
			s.key = cp;
		}
		add_step(&v, &nv, &cap, s);
		i += step;
	}
	if (!nv)
		return err_set(e, _("the macro is empty: give the keys it types, as in \"n1.001193<Enter>\""));
	*steps = v;
	*n = nv;
	return 0;
}

void macro_steps_free(struct mstep *steps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(steps[i].text);
	free(steps);
}

void macro_step_name(const struct mstep *s, char *buf, size_t len)
{
	switch (s->kind) {
	case MS_KEY:
		/* a space reads better as itself in a body's text */
		if (s->key == '<')
			snprintf(buf, len, "<lt>");
		else if (s->key == ' ')
			snprintf(buf, len, " ");
		else
			km_key_name(s->key, buf, len);
		break;
	case MS_OP:
		snprintf(buf, len, "<%s>", s->text);
		break;
	case MS_ASK:
		snprintf(buf, len, "<" ASK "%s>", s->text);
		break;
	}
}

static void macro_clear(struct macro *m)
{
	free(m->context);
	free(m->body);
	free(m->desc);
	macro_steps_free(m->steps, m->nsteps);
}

static struct macro *find(const struct macros *ms, const char *context, km_key key)
{
	for (size_t i = 0; i < ms->n; i++)
		if (ms->m[i].key == key && !strcmp(ms->m[i].context, context))
			return &ms->m[i];
	return NULL;
}

int macros_define(struct macros *ms, const char *context, const char *keyname,
		  const char *body, const char *desc, struct err *e)
{
	struct macro m = { 0 }, *old;

	if (km_key_parse(keyname, &m.key, e) < 0 ||
	    macro_parse(body, &m.steps, &m.nsteps, e) < 0)
		return -1;
	m.context = xstrdup(context);
	m.body = xstrdup(body);
	m.desc = xstrdup(desc ? desc : "");
	old = find(ms, context, m.key);
	if (old) {
		macro_clear(old);
		*old = m;
		return 0;
	}
	if (ms->n == ms->cap) {
		ms->cap = ms->cap ? 2 * ms->cap : 8;
		ms->m = xrealloc(ms->m, ms->cap * sizeof *ms->m);
	}
	ms->m[ms->n++] = m;
	return 0;
}

const struct macro *macros_find(const struct macros *ms, const char *context, km_key key)
{
	const struct macro *m = find(ms, context, key);

	return m ? m : find(ms, KM_GENERIC, key);
}

void macros_remove(struct macros *ms, size_t i)
{
	if (i >= ms->n)
		return;
	macro_clear(&ms->m[i]);
	ms->m[i] = ms->m[--ms->n];
}

void macros_free(struct macros *ms)
{
	for (size_t i = 0; i < ms->n; i++)
		macro_clear(&ms->m[i]);
	free(ms->m);
	memset(ms, 0, sizeof *ms);
}
