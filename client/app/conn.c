#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "conn.h"
#include "core/i18n.h"
#include "core/xalloc.h"

enum conn_fail conn_open(struct conn *c, struct loop *l, const struct cli *cli,
			 const struct conn_opts *o, struct err *e)
{
	static const struct conn_opts none;
	struct http_opts ho;
	char path[4096];

	memset(c, 0, sizeof *c);
	if (!cli->profile) {
		err_set(e, "%s", _("which server? give --profile NAME (or set MOTCUA_PROFILE)"));
		return CONN_E_PROFILE;
	}
	if (profile_find(cli->profile, path, sizeof path, e) < 0 || !(c->prof = profile_load(path, e)))
		return CONN_E_PROFILE;
	/* every transport option of the command line goes through here, once */
	if (!o)
		o = &none;
	http_opts_init(&ho);
	ho.ca_file = cli->ca_file;
	if (cli->timeout || o->timeout_s)
		ho.timeout_ms = 1000L * (cli->timeout ? cli->timeout : o->timeout_s);
	ho.fail_fast = o->fail_fast;
	ho.on_link = o->on_link;
	ho.on_link_arg = o->arg;
	if (!(c->http = http_new(l, &ho, e))) {
		conn_close(c);
		return CONN_E_TRANSPORT;
	}
	c->api = api_new(l, c->http, c->prof, cli->server, cli->user, NULL);
	c->server = xstrdup_opt(cli->server);
	c->user = xstrdup_opt(cli->user);
	return CONN_OK;
}

static void keep_pending(struct conn *c);

struct store *conn_store(struct conn *c, struct err *e)
{
	char path[4096];

	if (!c->store && store_path(c->server ? c->server : c->prof->base_url, c->user, path, sizeof path, e) == 0 &&
	    (c->store = store_open(path, e)))
		keep_pending(c);
	return c->store;
}

/* The store if it is open or its file exists: none is made only to look
 * for a kept session or to forget one. */
static struct store *existing_store(struct conn *c)
{
	char path[4096];
	struct err e;

	if (c->store)
		return c->store;
	if (store_path(c->server ? c->server : c->prof->base_url, c->user, path, sizeof path, &e) < 0 ||
	    access(path, F_OK) < 0)
		return NULL;
	return conn_store(c, &e);
}

static const char *const session_keys[] = { "session_token", "session_role", "session_salt",
					      "session_check" };
static const char *const no_session[4] = { "", "", "", "" };

static int write_session(struct store *s, const char *const values[4], struct err *e)
{
	if (store_begin(s, e) < 0)
		return -1;
	for (int i = 0; i < 4; i++) {
		if (store_meta_set(s, session_keys[i], values[i], e) < 0) {
			store_rollback(s);
			return -1;
		}
	}
	return store_commit(s, e);
}

static void forget_pending(struct conn *c)
{
	if (c->pending_token)
		memset(c->pending_token, 0, strlen(c->pending_token));
	free(c->pending_token);
	c->pending_token = NULL;
	c->pending = false;
}

/* Write the session held back into the store now open. A failure to
 * write costs only a login next time: it is not worth a message. */
static void keep_pending(struct conn *c)
{
	char r[16];

	if (!c->pending)
		return;
	pw_verifier_settle(&c->secret);
	snprintf(r, sizeof r, "%d", c->pending_role);
	if (c->secret.set)
		write_session(c->store, (const char *const[4]){ c->pending_token ? c->pending_token : "", r,
								c->secret.salt, c->secret.hash },
			      &(struct err){ "" });
	forget_pending(c);
}

/* api_on_session's: a login's outcome, kept (now if the store exists,
 * else when the command opens it) or forgotten. */
static void on_session(void *arg, bool ok, const char *token, int role)
{
	struct conn *c = arg;
	struct store *s;

	forget_pending(c);
	s = existing_store(c);
	if (!ok) {
		if (s)
			write_session(s, no_session, &(struct err){ "" });
		return;
	}
	c->pending = true;
	c->pending_token = xstrdup_opt(token);
	c->pending_role = role;
	if (s)
		keep_pending(c);
}

void conn_keep_session(struct conn *c, const char *secret)
{
	const struct profile *p = c->prof;
	struct store *s;
	char token[4096], salt[64], check[PW_SHA256_HEX];

	/* only a login says something worth keeping: a token, or the proof
	 * that a Basic password is not served as a guest */
	if (!secret || !(p->auth == AUTH_LOGIN || (p->auth == AUTH_BASIC && p->ops[OP_LOGIN].present)))
		return;
	pw_verifier_set(&c->secret, secret);
	api_on_session(c->api, on_session, c);
	if ((s = existing_store(c)) &&
	    store_meta_get(s, "session_salt", salt, sizeof salt) && salt[0] &&
	    store_meta_get(s, "session_check", check, sizeof check) && pw_check(salt, secret, check) &&
	    store_meta_get(s, "session_token", token, sizeof token) &&
	    (token[0] || p->auth != AUTH_LOGIN))
		api_resume(c->api, token[0] ? token : NULL, (int)store_meta_int(s, "session_role"));
	memset(token, 0, sizeof token);
}

int conn_forget_session(struct conn *c, struct err *e)
{
	struct store *s = existing_store(c);

	if (c->api)
		api_set_secret(c->api, NULL);	/* and the session in memory */
	return s ? write_session(s, no_session, e) : 0;
}

void conn_stop(struct conn *c)
{
	api_free(c->api);
	c->api = NULL;
}

void conn_close(struct conn *c)
{
	conn_stop(c);
	store_close(c->store);
	forget_pending(c);
	pw_verifier_clear(&c->secret);
	http_free(c->http);
	profile_free(c->prof);
	free(c->server);
	free(c->user);
	memset(c, 0, sizeof *c);
}
