#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "adapter.h"
#include "api.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "tmpl.h"

struct api {
	struct loop *loop;
	struct http *http;
	const struct profile *p;
	char *base_url, *user, *secret, *token;
	char *server_id;		/* as the last login's reply named the server */
	int64_t token_expires;		/* ms on timer_now_ms()'s clock; 0: unknown */
	int role;			/* the clerk's, from the login (auth.role); -1 */
	bool resumed;			/* a kept session: no login needed */
	api_session_fn on_session;
	void *session_arg;
	unsigned next_id;
	struct call *calls;
};

#define CALL_STRS 24

struct call {
	struct api *a;
	struct call *next;
	unsigned id, http_id, login_id, timer;
	enum op_id op;
	int join;			/* get_dossier: the part being read, from 1 */
	struct dossier *joined;		/* ... into this record */
	bool resolving;			/* action: asking the assignee's id first */
	enum http_prio prio;
	struct tvars tv;
	char *strs[CALL_STRS];		/* what tv points to */
	int nstrs;
	cJSON *json[3];			/* JSON variables tv points to */
	const char *if_none_match;
	char etag[128], cursor[256], page_cursor[256];
	int page, pages, max_pages, per_page;
	long seen;			/* items of the list so far */
	int64_t list_time;		/* the first page's Date */
	int64_t deadline;		/* a re-login's: the first request's */
	int sent;			/* attempts before a re-login's repeat */
	bool relogged, finished, since;	/* since: following a change cursor */
	bool asked;			/* a login sent to the server */
	struct procedure *procs;	/* api_procedures gathers every page */
	int nprocs;
	struct api_result early;	/* a failure known before sending */
	api_done_fn done;
	api_page_fn page_fn;
	api_dossier_fn dossier_fn;
	api_record_fn record_fn;
	api_procedures_fn procs_fn;
	api_procedure_fn proc_fn;
	void *arg;
};

void api_new_key(char out[33])
{
	unsigned char b[16];

	if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
		/* no entropy source: the clock and the process are unique enough */
		uint64_t st = (uint64_t)timer_now_ms() ^ ((uint64_t)getpid() << 40);

		for (int i = 0; i < 16; i += 8) {
			uint64_t r = http_rand(&st);

			memcpy(b + i, &r, 8);
		}
	}
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

struct api *api_new(struct loop *l, struct http *h, const struct profile *p,
		    const char *server, const char *user, const char *secret)
{
	struct api *a = xcalloc(1, sizeof *a);
	const char *base = server && *server ? server : p->base_url;

	a->loop = l;
	a->http = h;
	a->p = p;
	a->role = -1;
	if (base) {
		a->base_url = xstrdup(base);
		/* paths start with '/': keep one */
		for (size_t n = strlen(a->base_url); n && a->base_url[n - 1] == '/'; n--)
			a->base_url[n - 1] = '\0';
	}
	a->user = xstrdup_opt(user);
	a->secret = xstrdup_opt(secret);
	return a;
}

static void wipe(char *s)
{
	if (s)
		memset(s, 0, strlen(s));
	free(s);
}

void api_set_secret(struct api *a, const char *secret)
{
	wipe(a->secret);
	a->secret = xstrdup_opt(secret);
	wipe(a->token);
	a->token = NULL;
	a->token_expires = 0;
	a->resumed = false;
}

void api_resume(struct api *a, const char *token, int role)
{
	wipe(a->token);
	a->token = xstrdup_opt(token);
	a->token_expires = 0;
	a->role = role;
	a->resumed = true;
}

void api_resume_server(struct api *a, const char *id)
{
	free(a->server_id);
	a->server_id = xstrdup_opt(id);
}

void api_on_session(struct api *a, api_session_fn fn, void *arg)
{
	a->on_session = fn;
	a->session_arg = arg;
}

/* The login call c ended with r: tell whoever keeps the session. */
static void told_session(struct call *c, const struct api_result *r)
{
	struct api *a = c->a;

	if (r->fail == API_OK)
		a->resumed = true;	/* a later api_login has nothing to do */
	else if (r->fail == API_E_AUTH)
		a->resumed = false;
	if (a->on_session && (r->fail == API_OK || r->fail == API_E_AUTH))
		a->on_session(a->session_arg, r->fail == API_OK, a->token, a->role);
}

const struct profile *api_profile(const struct api *a)
{
	return a->p;
}

int api_role(const struct api *a)
{
	return a->role;
}

static char *keep(struct call *c, const char *s)
{
	if (!s || c->nstrs == CALL_STRS)
		return NULL;
	return c->strs[c->nstrs++] = xstrdup(s);
}

static struct call *call_new(struct api *a, enum op_id op, enum http_prio prio, void *arg)
{
	struct call *c = xcalloc(1, sizeof *c);

	c->a = a;
	c->id = ++a->next_id ? a->next_id : ++a->next_id;
	c->op = op;
	c->prio = prio;
	c->arg = arg;
	c->tv.dates = &a->p->dates;
	tvars_str(&c->tv, "user", keep(c, a->user));
	tvars_str(&c->tv, "password", keep(c, a->secret));
	tvars_str(&c->tv, "token", keep(c, a->token));
	c->next = a->calls;
	a->calls = c;
	return c;
}

static void call_free(struct call *c)
{
	struct call **pp;

	for (pp = &c->a->calls; *pp && *pp != c; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = c->next;
	for (int i = 0; i < c->nstrs; i++)
		free(c->strs[i]);
	for (int i = 0; i < 3; i++)
		cJSON_Delete(c->json[i]);
	if (c->joined) {
		dossier_free(c->joined);
		free(c->joined);
	}
	for (int i = 0; i < c->nprocs; i++)
		procedure_free(&c->procs[i]);
	free(c->procs);
	free(c);
}

/* Hand the result to whichever callback the call has, with obj (what the
 * reply held: a dossier, a record, a procedure, or n procedures; NULL on
 * failure), then free the call. */
static void deliver(struct call *c, void *obj, int n, struct api_result *r)
{
	if (c->finished)
		return;
	c->finished = true;
	if (c->timer)
		loop_timer_cancel(c->a->loop, c->timer);
	r->cursor = c->cursor[0] ? c->cursor : NULL;
	r->etag = c->etag[0] ? c->etag : NULL;
	if (c->asked)
		told_session(c, r);
	if (c->dossier_fn)
		c->dossier_fn(c->arg, obj, r);
	else if (c->record_fn)
		c->record_fn(c->arg, obj, r);
	else if (c->procs_fn)
		c->procs_fn(c->arg, obj, n, r);
	else if (c->proc_fn)
		c->proc_fn(c->arg, obj, r);
	else if (c->done)
		c->done(c->arg, r);
	call_free(c);
}

static void finish(struct call *c, struct api_result *r)
{
	deliver(c, NULL, 0, r);
}

__attribute__((format(printf, 3, 4)))
static void fail(struct call *c, enum api_fail kind, const char *fmt, ...)
{
	struct api_result r = { .fail = kind };
	char msg[sizeof r.e.msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(&r.e, "%s", msg);	/* made safe to show: it may quote the server */
	finish(c, &r);
}

static void fire_early(void *arg)
{
	struct call *c = arg;

	c->timer = 0;
	finish(c, &c->early);
}

/* A result known before anything is sent still arrives from the loop, as
 * the callers expect. */
static unsigned later(struct call *c, enum api_fail kind, const char *msg)
{
	unsigned id = c->id;

	c->early.fail = kind;
	snprintf(c->early.e.msg, sizeof c->early.e.msg, "%s", msg);
	c->timer = loop_timer(c->a->loop, 0, fire_early, c);
	return id;
}

/* ---- building the request ---- */

struct strv {
	char **v;
	int n;
};

static void strv_add(struct strv *s, char *str)
{
	s->v = xrealloc(s->v, (size_t)(s->n + 2) * sizeof *s->v);
	s->v[s->n++] = str;
	s->v[s->n] = NULL;
}

static void strv_free(struct strv *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static char *join3(const char *a, const char *b, const char *c)
{
	char *s = xmalloc(strlen(a) + strlen(b) + strlen(c) + 1);

	sprintf(s, "%s%s%s", a, b, c);
	return s;
}

static char *form_encode(const cJSON *obj)
{
	char *out = xstrdup("");
	struct tvars none = { 0 };

	for (const cJSON *it = obj->child; it; it = it->next) {
		char text[1024], *k, *v, *joined;

		if (json_text(it, text, sizeof text) < 0)
			continue;
		/* tmpl_string percent-encodes when there is nothing to expand */
		k = tmpl_string(it->string, &none, true, NULL);
		{
			struct tvars one = { 0 };

			tvars_str(&one, "v", text);
			v = tmpl_string("{v}", &one, true, NULL);
		}
		joined = xmalloc(strlen(out) + strlen(k) + strlen(v) + 3);
		sprintf(joined, "%s%s%s=%s", out, *out ? "&" : "", k, v);
		free(out);
		free(k);
		free(v);
		out = joined;
	}
	return out;
}

static void on_http(void *arg, const struct http_resp *r);
static bool relogin(struct call *c, int64_t deadline, int attempts);

/* "Authorization: Basic " and base64 of user:password (RFC 7617). */
static char *basic_header(const char *user, const char *secret)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *plain = join3(user ? user : "", ":", secret ? secret : "");
	size_t n = strlen(plain);
	char *out = xmalloc(sizeof "Authorization: Basic " + (n + 2) / 3 * 4);
	size_t o = (size_t)sprintf(out, "Authorization: Basic ");
	for (size_t i = 0; i < n; i += 3) {
		unsigned char b[3] = { (unsigned char)plain[i], i + 1 < n ? (unsigned char)plain[i + 1] : 0,
				       i + 2 < n ? (unsigned char)plain[i + 2] : 0 };

		out[o++] = digits[b[0] >> 2];
		out[o++] = digits[(b[0] & 3) << 4 | b[1] >> 4];
		out[o++] = i + 1 < n ? digits[(b[1] & 15) << 2 | b[2] >> 6] : '=';
		out[o++] = i + 2 < n ? digits[b[2] & 63] : '=';
	}
	out[o] = '\0';
	wipe(plain);
	return out;
}

static void add_headers(struct strv *headers, const struct kv_tmpl *h, int n,
			const struct tvars *tv)
{
	for (int i = 0; i < n; i++) {
		bool unset;
		char *v = tmpl_string(h[i].value, tv, false, &unset);

		if (!unset)
			strv_add(headers, join3(h[i].name, ": ", v));
		free(v);
	}
}

/* The request the call is at: its operation's, or a part it joins. */
static const struct op *current_op(const struct call *c)
{
	const struct op *op = &c->a->p->ops[c->op];

	if (c->resolving)
		return &op->resolve->op;
	return c->join ? &op->joins[c->join - 1].op : op;
}

static void send_call(struct call *c)
{
	const struct profile *p = c->a->p;
	const struct op *op = current_op(c);
	struct strv headers = { 0 };
	struct http_req rq = { 0 };
	char *path, *url, *body = NULL, *q;
	struct err e;
	bool unset;

	if (c->a->token_expires && timer_now_ms() >= c->a->token_expires &&
	    relogin(c, c->deadline, 0))
		return;		/* sent again once logged in */
	q = xstrdup("");
	tvars_str(&c->tv, "token", keep(c, c->a->token));
	for (int i = 0; i < op->nformats; i++)
		tvars_format(&c->tv, op->formats[i].name, &op->formats[i].fmt);
	path = tmpl_string(op->path, &c->tv, true, &unset);
	if (unset) {
		free(path);
		free(q);
		fail(c, API_E_REFUSED, _("operation %s: its path needs a value that is missing here"),
		     op_name(c->op));
		return;
	}
	for (int i = 0; i < op->nquery; i++) {
		char *v = tmpl_string(op->query[i].value, &c->tv, true, &unset), *n;

		if (!unset) {
			n = join3(q, *q ? "&" : "", op->query[i].name);
			free(q);
			q = join3(n, "=", v);
			free(n);
		}
		free(v);
	}
	if (p->auth_query && c->op != OP_LOGIN && (c->a->token || c->a->secret)) {
		struct tvars one = { 0 };
		char *v, *n;

		tvars_str(&one, "v", c->a->token ? c->a->token : c->a->secret);
		v = tmpl_string("{v}", &one, true, NULL);
		n = join3(q, *q ? "&" : "", p->auth_query);
		free(q);
		q = join3(n, "=", v);
		free(n);
		free(v);
	}
	url = join3(c->a->base_url, path, "");
	if (*q) {
		char *u = join3(url, "?", q);

		free(url);
		url = u;
	}
	free(path);
	free(q);

	strv_add(&headers, xstrdup("Accept: application/json"));
	if (p->auth == AUTH_BASIC)
		strv_add(&headers, basic_header(c->a->user, c->a->secret));
	else if (p->auth_header.name && c->op != OP_LOGIN)
		add_headers(&headers, &p->auth_header, 1, &c->tv);
	add_headers(&headers, p->headers, p->nheaders, &c->tv);
	add_headers(&headers, op->headers, op->nheaders, &c->tv);
	if (c->if_none_match)
		strv_add(&headers, join3("If-None-Match: ", c->if_none_match, ""));
	if (p->idempotency_header && tvars_get(&c->tv, "idempotency_key")) {
		strv_add(&headers, join3(p->idempotency_header, ": ",
					 tvars_get(&c->tv, "idempotency_key")->s));
		rq.idempotent = true;
	}
	if (op->body) {
		cJSON *b = tmpl_json(op->body, &c->tv);

		body = op->form && cJSON_IsObject(b) ? form_encode(b) : cJSON_PrintUnformatted(b);
		cJSON_Delete(b);
		rq.content_type = op->form ? "application/x-www-form-urlencoded" : "application/json";
	}
	/* a POST that only reads (RPC-style APIs) may be repeated */
	if (c->op != OP_INTAKE && c->op != OP_ACTION)
		rq.idempotent = true;

	rq.method = op->method;
	rq.url = url;
	rq.headers = (const char *const *)headers.v;
	rq.body = body;
	rq.body_len = body ? strlen(body) : 0;
	rq.prio = c->prio;
	rq.deadline_ms = c->deadline;
	rq.attempts_before = c->sent;
	c->sent = 0;
	rq.done = on_http;
	rq.arg = c;
	c->http_id = http_send(c->a->http, &rq, &e);
	free(url);
	free(body);
	strv_free(&headers);
	if (!c->http_id)
		fail(c, API_E_NETWORK, "%s", e.msg);
}

static unsigned start(struct call *c)
{
	unsigned id = c->id;

	if (!c->a->p->ops[c->op].present) {
		char msg[200];

		snprintf(msg, sizeof msg, _("this server's profile has no %s operation"), op_name(c->op));
		return later(c, API_E_UNSUPPORTED, msg);
	}
	if (!c->a->base_url)
		return later(c, API_E_UNSUPPORTED,
			     _("no server address: give --server URL, or base_url in the profile"));
	send_call(c);
	return id;
}

/* ---- replies ---- */

static enum api_fail classify(long status)
{
	switch (status) {
	case 401: case 403: return API_E_AUTH;
	case 404: case 410: return API_E_NOTFOUND;
	case 409: case 412: return API_E_CONFLICT;
	default: return status >= 500 ? API_E_NETWORK : API_E_REFUSED;
	}
}

static unsigned login(struct api *a, api_done_fn done, void *arg, int64_t deadline);

static void relogin_done(void *arg, const struct api_result *r)
{
	struct call *c = arg;

	c->login_id = 0;
	if (r->fail != API_OK) {
		struct api_result copy = *r;

		finish(c, &copy);
		return;
	}
	send_call(c);
}

/* The session expired (a 401, or the API says so in its own words): log
 * in again, once per call, then send the call again, all within the time
 * the first request had. False when this call cannot (the login itself,
 * an API without one, the second time). */
static bool relogin(struct call *c, int64_t deadline, int attempts)
{
	if (c->op == OP_LOGIN || c->a->p->auth != AUTH_LOGIN || c->relogged)
		return false;
	c->relogged = true;
	c->a->resumed = false;	/* the kept session is what expired */
	c->deadline = deadline;
	c->sent = attempts;	/* the repeat counts on from them */
	c->login_id = login(c->a, relogin_done, c, c->deadline);
	return true;
}

/* Parse the reply as the profile says. -1 when the call is not to be read
 * on: the server said no or the reply does not fit (the call is finished
 * with why), or the API asked for a new login (the call goes on). */
static int open_reply(struct call *c, const struct http_resp *hr, struct reply *rep,
		      struct api_result *res)
{
	static const enum api_fail by_kind[] = {
		[FAIL_AUTH] = API_E_AUTH, [FAIL_NOT_FOUND] = API_E_NOTFOUND,
		[FAIL_CONFLICT] = API_E_CONFLICT,
	};
	const struct profile *p = c->a->p;
	int rc = adapter_open(p, current_op(c), hr->status, hr->body, hr->body_len, rep, &res->e);

	snprintf(res->code, sizeof res->code, "%s", rep->code);
	snprintf(res->field, sizeof res->field, "%s", rep->field);
	if (rc == 0)
		return 0;
	if (rc == ADAPTER_REFUSED && rep->kind == FAIL_AUTH && relogin(c, hr->deadline_ms, hr->attempts)) {
		reply_free(rep);
		return -1;
	}
	res->fail = rc == ADAPTER_BADREPLY ? API_E_BADREPLY :
		    rep->kind != FAIL_REFUSED ? by_kind[rep->kind] :
		    hr->status >= 200 && hr->status <= 299 ? API_E_REFUSED : classify(hr->status);
	/* a login the server refused, in whatever words, is a failed login;
	 * one whose reply does not fit is said as a failed login too */
	if (c->op == OP_LOGIN && (res->fail == API_E_REFUSED || res->fail == API_E_NOTFOUND ||
				  res->fail == API_E_CONFLICT))
		res->fail = API_E_AUTH;
	if (c->op == OP_LOGIN)
		err_prefix(&res->e, _("the login of %s failed: "), c->a->user);
	reply_free(rep);
	finish(c, res);
	return -1;
}

/* Keep the login reply's token, or its session cookie when the profile
 * logs in by cookie; -1 if it has neither. */
static int keep_token(struct call *c, const struct http_resp *hr, const struct reply *rep)
{
	const struct profile *p = c->a->p;
	const cJSON *t = p->has_token ? jpath_get(&p->token, rep->payload) : NULL;
	const cJSON *life = p->has_expires_in ? jpath_get(&p->expires_in, rep->payload) : NULL;
	const char *cookie = http_resp_header(hr, "Set-Cookie");
	char text[2048];

	if (p->auth_cookie && cookie)
		snprintf(text, sizeof text, "%.*s", (int)strcspn(cookie, ";"), cookie);
	else if (!t || json_text(t, text, sizeof text) < 0 || !text[0])
		return -1;
	free(c->a->token);
	c->a->token = xstrdup(text);
	/* a relative lifetime: log in again a little before it runs out */
	c->a->token_expires = cJSON_IsNumber(life) && life->valuedouble > 0 ?
		timer_now_ms() + (int64_t)(life->valuedouble * 900) : 0;
	return 0;
}

/* A login counts when the reply proves it: a token (or cookie), and the
 * identity the profile names, not a guest's. 0, or -1 with why in e. */
static int check_login(struct call *c, const struct http_resp *hr, const struct reply *rep,
		       struct err *e)
{
	const struct profile *p = c->a->p;
	char who[128] = "";

	if (p->has_identity) {
		const cJSON *v = jpath_get(&p->identity, rep->payload);

		if (!v || json_text(v, who, sizeof who) < 0 || !who[0])
			return err_set(e, _("the server did not accept the login of %s: its reply names no user at %s"),
				       c->a->user, p->identity.text);
		for (int i = 0; i < p->nguest; i++)
			if (!strcmp(who, p->guest[i]))
				return err_set(e, _("the server did not accept the login of %s: it answered as to an anonymous guest (wrong user name or password?)"),
					       c->a->user);
	}
	if (p->has_role) {
		const cJSON *v = jpath_get(&p->role, rep->payload);
		char role[64];

		c->a->role = v && json_text(v, role, sizeof role) == 0 ? profile_role(p, role) : -1;
	}
	if (p->server_header) {
		const char *id = http_resp_header(hr, p->server_header);

		free(c->a->server_id);
		c->a->server_id = id && *id ? xstrdup(id) : NULL;
	}
	if (p->auth == AUTH_LOGIN && keep_token(c, hr, rep) < 0)
		return err_set(e, _("the server did not accept the login of %s: its reply has no token at %s"),
			       c->a->user, p->has_token ? p->token.text : "?");
	return 0;
}

/* A reply of one item, read into a new object of what its mapping reads
 * (a dossier, a record, a procedure), which the callback then owns. */
static void read_item(struct call *c, struct reply *rep, struct api_result *res)
{
	const struct profile *p = c->a->p;
	const struct op *op = &p->ops[c->op];
	const cJSON *item;
	void *obj = NULL;

	if (!op->map) {
		/* only an intake or an action may have none (profile.c): both read a dossier */
		err_set(&res->e, "%s", _("the profile has no fields.dossier"));
	} else if (c->op != OP_INTAKE && c->op != OP_ACTION && c->op != OP_STATS && adapter_empty(op, rep)) {
		reply_free(rep);
		res->fail = API_E_NOTFOUND;
		err_set(&res->e, "%s", _("not found: the server answered with an empty record"));
		deliver(c, NULL, 0, res);
		return;
	} else if ((item = adapter_item(op, rep, &res->e))) {
		obj = xcalloc(1, op->map->target->size);
		if (adapter_read_as(p, c->a->role, op->map, item, obj, &res->e) < 0) {
			free(obj);
			obj = NULL;
		}
	}
	if (!obj)
		res->fail = API_E_BADREPLY;
	reply_free(rep);
	if (obj && c->op == OP_GET_DOSSIER && op->njoins) {
		c->joined = obj;
		c->join = 1;
		send_call(c);
		return;
	}
	deliver(c, obj, 0, res);
}

/* The API's id of the assignee: the action is then sent with it. */
static void read_resolve(struct call *c, struct reply *rep, struct api_result *res)
{
	const struct join *r = c->a->p->ops[OP_ACTION].resolve;
	const cJSON *v = jpath_get(&r->name, rep->payload);
	char id[128];

	if (!v || json_text(v, id, sizeof id) < 0 || !id[0]) {
		const struct tvar *who = tvars_get(&c->tv, "assignee");

		reply_free(rep);
		err_set(&res->e, _("the server knows no colleague %s to assign (nothing at %s of its reply)"),
			who ? who->s : "", r->name.text);
		res->fail = API_E_REFUSED;
		finish(c, res);
		return;
	}
	reply_free(rep);
	c->resolving = false;
	tvars_str(&c->tv, "assignee", keep(c, id));
	send_call(c);
}

/* A part of the dossier read apart: into c->joined; then the next part,
 * or the dossier whole to the caller. */
static void read_join(struct call *c, struct reply *rep, struct api_result *res)
{
	const struct op *op = &c->a->p->ops[OP_GET_DOSSIER];
	const struct join *j = &op->joins[c->join - 1];
	const cJSON *items = adapter_items(&j->op, rep, &res->e);
	cJSON *names = NULL;
	struct dossier *d;

	if (items && j->has_name) {
		const cJSON *it;

		names = cJSON_CreateArray();
		cJSON_ArrayForEach(it, items) {
			const cJSON *n = jpath_get(&j->name, it);

			if (n)
				cJSON_AddItemToArray(names, cJSON_Duplicate(n, 0));
		}
	}
	if (!items || adapter_read_part(c->a->p, j->def, names ? names : items, c->joined,
					&res->e) < 0) {
		err_prefix(&res->e, _("%s of the dossier: "), j->def->name);
		res->fail = API_E_BADREPLY;
	}
	cJSON_Delete(names);
	reply_free(rep);
	if (res->fail == API_OK && c->join < op->njoins) {
		c->join++;
		send_call(c);
		return;
	}
	d = res->fail == API_OK ? c->joined : NULL;
	if (d)
		c->joined = NULL;	/* handed over */
	deliver(c, d, 0, res);
}

static void read_list_page(struct call *c, struct reply *rep, const struct api_result *res);

/* The server's clock from the reply's Date ("Sun, 06 Nov 1994 08:49:37
 * GMT", RFC 9110); 0 when it has none that reads. */
static int64_t server_clock(const struct http_resp *hr)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	static const struct datefmt iso = { .kind = DATE_ISO8601 };
	const char *v = http_resp_header(hr, "Date"), *m;
	char mon[4], text[40];
	int d, y, H, M, S;
	int64_t t;

	if (!v || !(v = strchr(v, ',')) ||
	    sscanf(v + 1, "%d %3s %d %d:%d:%d", &d, mon, &y, &H, &M, &S) != 6 ||
	    strlen(mon) != 3 || !(m = strstr(months, mon)) || (m - months) % 3)
		return 0;
	snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, (int)(m - months) / 3 + 1, d,
		 H, M, S);
	return date_from_text(&iso, text, &t, NULL) == 0 ? t : 0;
}

static void on_http(void *arg, const struct http_resp *hr)
{
	struct call *c = arg;
	const struct profile *p = c->a->p;
	struct api_result res = { .status = hr->status, .server_time = server_clock(hr) };
	struct reply rep;
	const char *etag;

	c->http_id = 0;
	c->deadline = 0;	/* the next page has time of its own */
	if (hr->error == HTTP_E_CANCELLED) {
		fail(c, API_E_CANCELLED, "%s", _("cancelled"));
		return;
	}
	if (hr->error != HTTP_E_NONE) {
		res.fail = hr->error == HTTP_E_TLS || hr->error == HTTP_E_REQUEST ? API_E_SETUP :
			   API_E_NETWORK;
		res.down = hr->error == HTTP_E_REFUSED;
		err_set(&res.e, "%s", hr->msg);
		finish(c, &res);
		return;
	}
	if (hr->status == 401 && relogin(c, hr->deadline_ms, hr->attempts))
		return;
	if ((etag = http_resp_header(hr, "ETag")))
		snprintf(c->etag, sizeof c->etag, "%s", etag);
	if (hr->status == 304) {
		res.not_modified = true;
		finish(c, &res);
		return;
	}
	if (open_reply(c, hr, &rep, &res) < 0)
		return;
	if (c->join) {
		read_join(c, &rep, &res);
		return;
	}
	if (c->resolving) {
		read_resolve(c, &rep, &res);
		return;
	}
	switch (c->op) {
	case OP_LOGIN:
		if (check_login(c, hr, &rep, &res.e) < 0) {
			reply_free(&rep);
			res.fail = API_E_AUTH;
			finish(c, &res);
			return;
		}
		break;
	case OP_LIST_DOSSIERS:
	case OP_LIST_PROCEDURES:
		read_list_page(c, &rep, &res);
		return;		/* it finishes or sends the next page */
	case OP_ACTION:
		if (p->ops[OP_ACTION].reply_none) {
			/* done; what the dossier is now takes one more request */
			reply_free(&rep);
			c->op = OP_GET_DOSSIER;
			tvars_unset(&c->tv, "version");
			send_call(c);
			return;
		}
		read_item(c, &rep, &res);
		return;
	case OP_GET_DOSSIER:
	case OP_INTAKE:
	case OP_LOOKUP_CITIZEN:
	case OP_LOOKUP_ENTERPRISE:
	case OP_STATS:
	case OP_GET_PROCEDURE:
		read_item(c, &rep, &res);
		return;
	case OP_UNITS:
	case OP_COUNT:
		abort();	/* no call sends these yet */
	}
	reply_free(&rep);
	finish(c, &res);
}

static void read_list_page(struct call *c, struct reply *rep, const struct api_result *res0)
{
	const struct profile *p = c->a->p;
	const struct op *op = &p->ops[c->op];
	struct api_result res = *res0;
	const cJSON *items = adapter_items(op, rep, &res.e), *it;
	int n = items ? cJSON_GetArraySize(items) : 0, i = 0, next_page = 0, next;
	size_t size = op->map->target->size;
	char *arr;

	if (!items) {
		res.fail = API_E_BADREPLY;
		reply_free(rep);
		finish(c, &res);
		return;
	}
	if (!c->pages)
		c->list_time = res.server_time;
	res.list_time = c->list_time;
	arr = xcalloc((size_t)(n ? n : 1), size);
	cJSON_ArrayForEach(it, items) {
		if (adapter_read_as(p, c->a->role, op->map, it, arr + (size_t)i * size, &res.e) < 0) {
			for (int j = 0; j < i; j++) {
				if (c->op == OP_LIST_DOSSIERS)
					dossier_free((struct dossier *)arr + j);
				else
					procedure_free((struct procedure *)arr + j);
			}
			free(arr);
			err_prefix(&res.e, _("page %d, item %d: "), c->pages + 1, i + 1);
			res.fail = API_E_BADREPLY;
			reply_free(rep);
			finish(c, &res);
			return;
		}
		i++;
	}
	c->pages++;
	c->seen += n;
	/* a full list's cursor is the one from before its first page; changes
	 * come with the cursor after each batch */
	if (c->op == OP_LIST_DOSSIERS && (c->pages == 1 || c->since))
		adapter_cursor(op, rep, c->cursor, sizeof c->cursor);
	if (c->op == OP_LIST_DOSSIERS) {
		if (!c->page_fn(c->arg, (struct dossier *)arr, n, adapter_total(op, rep))) {
			/* what the server reported, though not all was read */
			res.listed = c->seen;
			res.total = adapter_total(op, rep);
			reply_free(rep);
			finish(c, &res);
			return;
		}
	} else {
		c->procs = xrealloc(c->procs, (size_t)(c->nprocs + n + 1) * sizeof *c->procs);
		memcpy(c->procs + c->nprocs, arr, (size_t)n * size);
		c->nprocs += n;
		free(arr);
	}
	if (c->since) {
		const cJSON *more = op->has_more ? jpath_get(&op->more, rep->payload) : NULL;

		if (cJSON_IsTrue(more) && c->cursor[0] && n > 0 &&
		    !(c->max_pages && c->pages >= c->max_pages)) {
			reply_free(rep);
			/* c->cursor changes only when the next batch is in */
			tvars_str(&c->tv, "since", c->cursor);
			c->if_none_match = NULL;
			send_call(c);
			return;
		}
		reply_free(rep);
		finish(c, &res);
		return;
	}
	next = c->max_pages && c->pages >= c->max_pages ? 0 :
	       adapter_next_page(op, rep, c->page, c->per_page, c->seen, n, &next_page,
				 c->page_cursor, sizeof c->page_cursor, &res.e);
	if (next < 0) {
		/* the pages that came are delivered; the list is not complete */
		res.fail = API_E_BADREPLY;
		reply_free(rep);
		finish(c, &res);
		return;
	}
	if (!next) {
		res.listed = c->seen;
		res.total = adapter_total(op, rep);
		res.complete = !c->since && res.total >= 0 && c->seen == res.total;
		reply_free(rep);
		if (c->op == OP_LIST_PROCEDURES) {
			struct procedure *procs = c->procs;
			int np = c->nprocs;

			c->procs = NULL;	/* handed over, not freed with the call */
			c->nprocs = 0;
			deliver(c, procs, np, &res);
			return;
		}
		finish(c, &res);
		return;
	}
	reply_free(rep);
	c->page = next_page;
	tvars_int(&c->tv, "page", c->page);
	tvars_int(&c->tv, "offset", c->page);
	tvars_int(&c->tv, "end", c->page + c->per_page);
	tvars_str(&c->tv, "page_cursor", c->page_cursor[0] ? c->page_cursor : NULL);
	c->if_none_match = NULL;	/* only the first page is conditional */
	send_call(c);
}

/* ---- the operations ---- */

static unsigned login(struct api *a, api_done_fn done, void *arg, int64_t deadline)
{
	struct call *c = call_new(a, OP_LOGIN, HTTP_INTERACTIVE, arg);

	c->done = done;
	c->deadline = deadline;
	/* Basic sends the password with every request; its login, when the
	 * profile has one, only proves the password right */
	if (a->p->auth != AUTH_LOGIN && !(a->p->auth == AUTH_BASIC && a->p->ops[OP_LOGIN].present))
		return later(c, API_OK, "");
	if (a->resumed)
		return later(c, API_OK, "");
	if (!a->user || !a->secret)
		return later(c, API_E_AUTH, _("a user name and a password are needed to log in"));
	c->asked = true;
	return start(c);
}

unsigned api_login(struct api *a, api_done_fn done, void *arg)
{
	return login(a, done, arg, 0);
}

long api_list_skip(const struct api *a, long skip, int per_page)
{
	const struct paging *pg = &a->p->ops[OP_LIST_DOSSIERS].paging;
	long size = per_page > 0 ? per_page : pg->size;

	if (skip <= 0 || size <= 0)
		return 0;
	if (pg->style == PAGING_OFFSET)
		return skip;
	return pg->style == PAGING_PAGE ? skip / size * size : 0;
}

static void set_paging(struct call *c, const struct op *op, int per_page, long skip)
{
	c->per_page = per_page > 0 ? per_page : op->paging.size;
	c->seen = skip;
	if (op->paging.style == PAGING_OFFSET)
		c->page = (int)skip;
	else
		c->page = op->paging.first + (int)(skip / (c->per_page > 0 ? c->per_page : 1));
	tvars_int(&c->tv, "page", c->page);
	tvars_int(&c->tv, "offset", c->page);
	tvars_int(&c->tv, "end", c->page + c->per_page);
	tvars_int(&c->tv, "per_page", c->per_page);
}

unsigned api_list(struct api *a, const struct api_list_query *q, api_page_fn page,
		  api_done_fn done, void *arg)
{
	struct call *c = call_new(a, OP_LIST_DOSSIERS, q->prio, arg);
	const struct op *op = &a->p->ops[OP_LIST_DOSSIERS];
	const char *status = q->status;
	char open[64] = "";

	c->page_fn = page;
	c->done = done;
	c->max_pages = q->max_pages;
	set_paging(c, op, q->per_page, api_list_skip(a, q->skip, q->per_page));
	if (q->open_first && !status) {
		for (int st = ST_MIN; st <= ST_MAX; st++)
			if (status_is_open((enum status)st))
				snprintf(open + strlen(open), sizeof open - strlen(open), "%s%d",
					 open[0] ? "," : "", st);
		status = open;
	}
	if (status && a->p->status.n) {
		/* the API filters by its own words, not the national codes */
		char *words = vocab_api_list(&a->p->status, status);

		tvars_str(&c->tv, "status", keep(c, words));
		free(words);
	} else {
		tvars_str(&c->tv, "status", keep(c, status));
	}
	tvars_str(&c->tv, "procedure", keep(c, q->procedure));
	tvars_str(&c->tv, "q", keep(c, q->q));
	if (q->mine)
		tvars_str(&c->tv, "assignee", "me");
	if (q->overdue)
		tvars_int(&c->tv, "overdue", 1);
	if (a->p->changed_since && q->since) {
		tvars_str(&c->tv, "since", keep(c, q->since));
		c->since = true;
	}
	if (q->updated_first)
		tvars_str(&c->tv, "sort", a->p->sort_updated);
	else if (q->open_first)
		tvars_str(&c->tv, "sort", a->p->sort_due);
	if (a->p->etag && q->etag)
		c->if_none_match = keep(c, q->etag);
	return start(c);
}

unsigned api_get(struct api *a, const char *code, enum http_prio prio, api_dossier_fn got,
		 void *arg)
{
	struct call *c = call_new(a, OP_GET_DOSSIER, prio, arg);

	c->dossier_fn = got;
	tvars_str(&c->tv, "code", keep(c, code));
	return start(c);
}

unsigned api_act(struct api *a, const char *code, enum action act,
		 const struct api_act_args *args, api_dossier_fn got, void *arg)
{
	struct call *c = call_new(a, OP_ACTION, HTTP_INTERACTIVE, arg);
	char key[33];
	struct err no;

	c->dossier_fn = got;
	if (api_can_act(a, act, &no) < 0)
		return later(c, API_E_UNSUPPORTED, no.msg);
	if (!args->idempotency_key)
		api_new_key(key);
	tvars_str(&c->tv, "code", keep(c, code));
	tvars_str(&c->tv, "action", keep(c, a->p->actions[act]));
	tvars_str(&c->tv, "version", keep(c, args->version));
	tvars_str(&c->tv, "idempotency_key", keep(c, args->idempotency_key ? args->idempotency_key : key));
	tvars_str(&c->tv, "note", keep(c, args->note));
	tvars_str(&c->tv, "reason", keep(c, args->reason));
	tvars_str(&c->tv, "assignee", keep(c, args->assignee));
	if (args->new_due)
		tvars_time(&c->tv, "new_due", args->new_due);
	if (args->nmissing) {
		c->json[0] = cJSON_CreateIntArray(args->missing, args->nmissing);
		tvars_json(&c->tv, "supplement", c->json[0]);
	}
	c->resolving = args->assignee && a->p->ops[OP_ACTION].resolve;
	return start(c);
}

int api_can_act(const struct api *a, enum action act, struct err *e)
{
	if (act >= ACT_COUNT || !a->p->actions[act])
		return err_set(e, _("this server's profile has no action %s"),
			       act < ACT_COUNT ? action_name(act) : "?");
	if (!a->p->ops[OP_ACTION].present)
		return err_set(e, "%s", _("this server's profile has no action operation"));
	return 0;
}

/* The lookup operation of a national register, by its name: the one place
 * a register's name becomes an operation. OP_COUNT for one not known. */
static enum op_id register_op(const char *reg)
{
	static const struct {
		const char *name;
		enum op_id op;
	} regs[] = { { "citizen", OP_LOOKUP_CITIZEN }, { "enterprise", OP_LOOKUP_ENTERPRISE } };

	for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
		if (reg && !strcmp(reg, regs[i].name))
			return regs[i].op;
	return OP_COUNT;
}

unsigned api_lookup(struct api *a, const char *reg, const char *id, const char *dossier,
		    const char *purpose, api_record_fn got, void *arg)
{
	enum op_id op = register_op(reg);
	struct call *c = call_new(a, op, HTTP_INTERACTIVE, arg);
	char msg[200];

	c->record_fn = got;
	if (op == OP_COUNT) {
		snprintf(msg, sizeof msg, _("there is no national register '%s' to look up (citizen or enterprise)"),
			 reg ? reg : "");
		return later(c, API_E_UNSUPPORTED, msg);
	}
	tvars_str(&c->tv, op == OP_LOOKUP_ENTERPRISE ? "tax_code" : "id", keep(c, id));
	tvars_str(&c->tv, "dossier", keep(c, dossier));
	tvars_str(&c->tv, "purpose", keep(c, purpose));
	if (!a->p->ops[op].present) {
		snprintf(msg, sizeof msg, _("this server's profile has no %s operation"), op_name(op));
		return later(c, API_E_UNSUPPORTED, msg);
	}
	return start(c);
}

unsigned api_stats(struct api *a, int64_t from, int64_t last_day, api_record_fn got,
		   void *arg)
{
	struct call *c = call_new(a, OP_STATS, HTTP_INTERACTIVE, arg);
	char msg[200];

	c->record_fn = got;
	tvars_time(&c->tv, "from", from);
	tvars_time(&c->tv, "to", last_day);
	if (!a->p->ops[OP_STATS].present) {
		snprintf(msg, sizeof msg, _("this server's profile has no %s operation"),
			 op_name(OP_STATS));
		return later(c, API_E_UNSUPPORTED, msg);
	}
	return start(c);
}

unsigned api_procedures(struct api *a, api_procedures_fn got, void *arg)
{
	return api_procedures_if(a, NULL, HTTP_INTERACTIVE, got, arg);
}

unsigned api_procedures_if(struct api *a, const char *etag, enum http_prio prio, api_procedures_fn got,
			   void *arg)
{
	struct call *c = call_new(a, OP_LIST_PROCEDURES, prio, arg);

	c->procs_fn = got;
	if (a->p->etag && etag)
		c->if_none_match = keep(c, etag);
	set_paging(c, &a->p->ops[OP_LIST_PROCEDURES], 0, 0);
	if (!a->p->ops[OP_LIST_PROCEDURES].present)
		return later(c, API_E_UNSUPPORTED,
			     _("this server's profile has no list_procedures operation"));
	return start(c);
}

unsigned api_procedure(struct api *a, const char *code, enum http_prio prio, api_procedure_fn got,
		       void *arg)
{
	struct call *c = call_new(a, OP_GET_PROCEDURE, prio, arg);

	c->proc_fn = got;
	tvars_str(&c->tv, "code", keep(c, code));
	return start(c);
}

/* {components}: one element per component, written by the profile's
 * template of an element (its "each"), so each API gets its own names. */
static cJSON *components_json(const struct intake *in, const cJSON *each, const struct datefmt *dates)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < in->ncomponents; i++) {
		struct tvars tv = { .dates = dates };

		tvars_int(&tv, "seq", in->components[i].seq);
		tvars_bool(&tv, "provided", in->components[i].provided);
		tvars_bool(&tv, "from_national", in->components[i].from_national);
		cJSON_AddItemToArray(arr, tmpl_json(each, &tv));
	}
	return arr;
}

/* {lookups}: the fields filled from national data, and whether the clerk
 * corrected them, for APIs that count the reuse of national data. */
static cJSON *lookups_json(const struct intake *in, const cJSON *each, const struct datefmt *dates)
{
	cJSON *arr = cJSON_CreateArray();
	const struct record *r[2] = { &in->national, &in->corrected };

	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < r[k]->n; i++) {
			struct tvars tv = { .dates = dates };

			tvars_str(&tv, "field", r[k]->kv[i].key);
			tvars_str(&tv, "register", r[k]->kv[i].value);
			tvars_bool(&tv, "corrected", k == 1);
			cJSON_AddItemToArray(arr, tmpl_json(each, &tv));
		}
	}
	return arr;
}

unsigned api_intake(struct api *a, const struct intake *in, const char *idempotency_key,
		    api_dossier_fn got, void *arg)
{
	struct call *c = call_new(a, OP_INTAKE, HTTP_INTERACTIVE, arg);
	const struct op *op = &a->p->ops[OP_INTAKE];
	const char *ch = vocab_api(&a->p->channel, in->channel);
	char key[33];

	c->dossier_fn = got;
	if (!op->present)
		return later(c, API_E_UNSUPPORTED, _("this server's profile has no intake operation"));
	if (!idempotency_key)
		api_new_key(key);
	tvars_str(&c->tv, "idempotency_key", keep(c, idempotency_key ? idempotency_key : key));
	tvars_str(&c->tv, "procedure_code", keep(c, in->procedure_code));
	tvars_str(&c->tv, "applicant_name", keep(c, in->applicant_name));
	tvars_str(&c->tv, "applicant_id", keep(c, in->applicant_id));
	tvars_str(&c->tv, "applicant_phone", keep(c, in->applicant_phone));
	tvars_str(&c->tv, "applicant_email", keep(c, in->applicant_email));
	tvars_str(&c->tv, "applicant_address", keep(c, in->applicant_address));
	tvars_str(&c->tv, "proxy_name", keep(c, in->proxy_name));
	tvars_str(&c->tv, "proxy_id", keep(c, in->proxy_id));
	tvars_str(&c->tv, "note", keep(c, in->note));
	/* the API's word for the channel when the profile has a vocabulary,
	 * else the national code */
	if (ch)
		tvars_str(&c->tv, "channel", keep(c, ch));
	else
		tvars_int(&c->tv, "channel", in->channel ? in->channel : CH_DIRECT);
	tvars_int(&c->tv, "copies", in->copies > 0 ? in->copies : 1);
	{
		cJSON *form = cJSON_CreateObject();

		for (int i = 0; i < in->form.n; i++)
			cJSON_AddStringToObject(form, in->form.kv[i].key, in->form.kv[i].value);
		c->json[0] = form;
	}
	tvars_json(&c->tv, "form", c->json[0]);
	/* no overrides: the API's default (every component on paper) */
	if (in->ncomponents) {
		c->json[1] = components_json(in, op->each[EACH_COMPONENTS], &a->p->dates);
		tvars_json(&c->tv, "components", c->json[1]);
	}
	if (in->national.n || in->corrected.n) {
		c->json[2] = lookups_json(in, op->each[EACH_LOOKUPS], &a->p->dates);
		tvars_json(&c->tv, "lookups", c->json[2]);
	}
	return start(c);
}

void api_cancel(struct api *a, unsigned id)
{
	struct call *c;

	for (c = a->calls; c && c->id != id; c = c->next)
		;
	if (!c)
		return;
	if (c->http_id && http_cancel(a->http, c->http_id))
		return;		/* on_http finished it */
	if (c->login_id)
		api_cancel(a, c->login_id);	/* relogin_done finishes it */
	else
		fail(c, API_E_CANCELLED, "%s", _("cancelled"));
}

void api_free(struct api *a)
{
	if (!a)
		return;
	while (a->calls)
		api_cancel(a, a->calls->id);
	free(a->base_url);
	free(a->user);
	free(a->secret);
	free(a->token);
	free(a->server_id);
	free(a);
}

const char *api_server_id(const struct api *a)
{
	const char *base = a->p->base_url;
	size_t n = base ? strlen(base) : 0;

	if (a->p->server_name) {
		/* the profile names the server at its own address, not another
		 * one --server points at (a test system beside production) */
		while (n && base[n - 1] == '/')
			n--;
		return a->base_url && n == strlen(a->base_url) && !strncmp(base, a->base_url, n) ?
			a->p->server_name : NULL;
	}
	return a->server_id;
}
