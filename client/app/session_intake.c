#include "config.h"

#include <stdio.h>
#include <string.h>

#include "api/fields_json.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "session_int.h"

static void count_outbox(struct session *s)
{
	s->app->queued = outbox_pending(s->conn.store);
	s->app->waiting = outbox_waiting(s->conn.store);
	s->app->redraw |= RD_STATUS;
}

/* ---- intake ---- */

struct session_watch {
	struct session_watch *next;
	int64_t id;
	enum ob_state state;	/* as last told */
	session_intake_fn fn;	/* NULL while session_intake runs */
	void *arg;
};

static struct session_watch *watch_of(struct session *s, int64_t id)
{
	struct session_watch *w;

	for (w = s->watches; w && w->id != id; w = w->next)
		;
	return w;
}

static void watch_free(struct session *s, struct session_watch *w)
{
	struct session_watch **pp;

	for (pp = &s->watches; *pp != w; pp = &(*pp)->next)
		;
	*pp = w->next;
	free(w);
}

int session_intake(struct app *app, const struct intake *in, int64_t *id, enum ob_state *st,
		   session_intake_fn fn, void *arg, struct err *e)
{
	struct session *s = app->session;
	struct session_watch *w;
	struct ob_entry en;

	if (!s)
		return err_set(e, "%s", _("no server: nothing can be sent"));
	if (!in->procedure_code || !in->applicant_name || !in->applicant_name[0])
		return err_set(e, "%s", _("an intake needs a procedure and the applicant's name"));
	if (s->conn.interim)
		return err_set(e, "%s", _("nothing is kept for this server before the first login: log in, then act"));
	if (outbox_add_intake(s->conn.store, in, app_now(app), &en, e) < 0) {
		session_disk_full(s);
		return -1;
	}
	session_disk_room(s);
	*id = en.id;
	ob_entry_free(&en);
	/* watched from now, silently: what sending does now is returned */
	w = xcalloc(1, sizeof *w);
	*w = (struct session_watch){ .next = s->watches, .id = *id, .state = OB_QUEUED };
	s->watches = w;
	count_outbox(s);
	if (s->state == SESSION_READY)
		outbox_send(s->out);
	*st = w->state;
	if (fn) {
		w->fn = fn;
		w->arg = arg;
	} else {
		watch_free(s, w);
	}
	return 0;
}

void session_intake_forget(struct app *app, int64_t id)
{
	struct session_watch *w;

	if (app->session && (w = watch_of(app->session, id)))
		watch_free(app->session, w);
}

void session_intake_news(struct session *s, int64_t id, enum ob_state st, const char *code)
{
	struct session_watch *w = watch_of(s, id);

	if (!w || w->state == st)
		return;
	w->state = st;
	if (w->fn)
		w->fn(s->app, id, st, code ? code : "", w->arg);
}

void session_intake_recheck(struct session *s)
{
	struct session_watch *w = s->watches;
	struct ob_entry en;
	struct err e;

	while (w) {
		if (w->state == OB_SENDING && outbox_get(s->conn.store, w->id, &en, &e) == 1) {
			enum ob_state st = en.state;

			ob_entry_free(&en);
			if (st != OB_SENDING) {
				session_intake_news(s, w->id, st, NULL);
				w = s->watches;		/* fn may have forgotten one */
				continue;
			}
		}
		w = w->next;
	}
}

/* ---- one procedure ---- */

static char *proc_json(const struct procedure *p)
{
	cJSON *o = fields_to_json(&target_procedure, p, true);
	char *t = cJSON_PrintUnformatted(o);

	cJSON_Delete(o);
	return t;
}

static void on_procedure(void *arg, struct procedure *p, const struct api_result *r)
{
	struct session *s = arg;
	struct app *app = s->app;
	void (*done)(struct app *, const struct procedure *, const struct err *) = s->proc_done;
	char *shown = s->proc_shown;
	struct err e;

	s->proc_id = 0;
	s->proc_done = NULL;
	s->proc_shown = NULL;
	if (p) {
		char *now = proc_json(p);

		if (store_put_procedure(s->conn.store, p, app_now(app), &e) < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
		/* the clerk has it already as it is: nothing to redo */
		if (done && !s->closing && (!shown || strcmp(shown, now)))
			done(app, p, NULL);
		free(now);
		procedure_free(p);
		free(p);
	} else if (!shown && done && !s->closing) {
		struct err why = r->e;

		/* offline with a cached copy is normal: only "nothing at all" is said */
		if (r->fail == API_E_NETWORK)
			err_set(&why, _("its form is not on this machine yet (the forms are stored after a sync with the server) and the server cannot be reached: %s"),
				r->e.msg);
		done(app, NULL, &why);
	}
	free(shown);
}

bool session_fetch_procedure(struct app *app, const char *code,
			     void (*done)(struct app *app, const struct procedure *p, const struct err *e))
{
	struct session *s = app->session;
	struct procedure cached;
	struct err e;
	int rc;

	if (!s)
		return false;
	if (s->proc_id) {
		s->proc_done = NULL;	/* replaced: the old one hears no more */
		api_cancel(s->conn.api, s->proc_id);
	}
	free(s->proc_shown);
	s->proc_shown = NULL;
	rc = store_get_procedure(s->conn.store, code, &cached, NULL, &e);
	if (rc == 1) {
		s->proc_shown = proc_json(&cached);
		done(app, &cached, NULL);
		procedure_free(&cached);
	}
	s->proc_done = done;
	s->proc_id = api_procedure(s->conn.api, code, HTTP_INTERACTIVE, on_procedure, s);
	return true;
}

/* ---- lookups, audited ---- */

struct session_lookup {
	struct session_lookup *next;
	struct session *s;
	unsigned id;
	api_record_fn done;
	void *arg;
	char *user, *reg, *subject, *dossier, *purpose;
};

static void lookup_free(struct session_lookup *l)
{
	struct session_lookup **pp;

	for (pp = &l->s->lookups; *pp && *pp != l; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = l->next;
	free(l->user);
	free(l->reg);
	free(l->subject);
	free(l->dossier);
	free(l->purpose);
	free(l);
}

static void on_record(void *arg, struct record *rec, const struct api_result *r)
{
	struct session_lookup *l = arg;
	struct session *s = l->s;
	struct api_result res = *r;
	struct audit_entry a = { .at = app_now(s->app), .user = l->user, .reg = l->reg,
				 .subject = l->subject, .dossier = l->dossier, .purpose = l->purpose };

	/* a cancelled call never reached the register: nothing to account for */
	if (r->fail != API_E_CANCELLED) {
		a.outcome = rec ? "found" : r->fail == API_E_NOTFOUND ? "not-found" : "failed";
		if (store_audit_add(s->conn.store, &a, &res.e) < 0) {
			if (rec) {
				record_free(rec);
				free(rec);
				rec = NULL;
			}
			res.fail = API_E_LOCAL;
		}
	}
	if (!s->closing)
		l->done(l->arg, rec, &res);
	else if (rec) {
		record_free(rec);
		free(rec);
	}
	lookup_free(l);
}

unsigned session_lookup(struct app *app, const char *reg, const char *id, const char *dossier,
			const char *purpose, api_record_fn done, void *arg)
{
	struct session *s = app->session;
	struct session_lookup *l;

	if (!s)
		return 0;
	l = xcalloc(1, sizeof *l);
	l->s = s;
	l->done = done;
	l->arg = arg;
	l->user = xstrdup_opt(app->user);
	l->reg = xstrdup(reg);
	l->subject = xstrdup(id);
	l->dossier = xstrdup_opt(dossier);
	l->purpose = xstrdup_opt(purpose);
	l->next = s->lookups;
	s->lookups = l;
	/* the id is known before the callback can run: it comes from the loop */
	l->id = api_lookup(s->conn.api, reg, id, dossier, purpose, on_record, l);
	return l->id;
}

void session_lookup_cancel(struct app *app, unsigned id)
{
	struct session *s = app->session;

	if (s && id)
		api_cancel(s->conn.api, id);
}

/* Auto-fill asks the registers through the session: audited, cancelled
 * with the session. No dossier yet: the purpose names the intake. */
static unsigned be_lookup(void *arg, const char *reg, const char *id, const char *purpose,
			  af_got_fn got, void *ctx)
{
	return session_lookup(arg, reg, id, NULL, purpose, got, ctx);
}

static void be_cancel(void *arg, unsigned id)
{
	session_lookup_cancel(arg, id);
}

struct af_backend session_autofill_backend(struct app *app)
{
	return (struct af_backend){ .lookup = be_lookup, .cancel = be_cancel, .arg = app };
}

void session_intake_close(struct session *s)
{
	if (s->proc_id)
		api_cancel(s->conn.api, s->proc_id);
	while (s->lookups) {
		struct session_lookup *l = s->lookups;

		api_cancel(s->conn.api, l->id);	/* on_record frees it */
		if (s->lookups == l)
			lookup_free(l);		/* the call had already ended */
	}
	free(s->proc_shown);
	s->proc_shown = NULL;
	while (s->watches)	/* their screens hear no more */
		watch_free(s, s->watches);
}
