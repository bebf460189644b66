#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "conn.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/outbox.h"

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

static const char *conn_url(const struct conn *c)
{
	return c->server ? c->server : c->prof->base_url;
}

/* The store's path before a login, and whether it exists: 1, 0, or -1
 * (the URL names no server). */
static int locate(const struct conn *c, char *path, size_t len, struct err *e)
{
	if (store_path(conn_url(c), api_server_id(c->api), c->user, path, len, e) < 0)
		return -1;
	return access(path, F_OK) == 0;
}

/* Record in a store whose it is: the server's identity and the profile
 * (store_others tells the stores of this server by them). */
static int note_owner(const struct conn *c, struct store *s, struct err *e)
{
	const char *id = api_server_id(c->api);

	if ((id && store_meta_set(s, "server_id", id, e) < 0) ||
	    store_meta_set(s, "profile", c->prof->name, e) < 0)
		return -1;
	return 0;
}

/* Open (or make) the store at path once a login succeeded. */
static struct store *open_settled(struct conn *c, const char *path, struct err *e)
{
	struct store *s = store_open(path, e);

	if (s && note_owner(c, s, e) < 0) {
		store_close(s);
		return NULL;
	}
	return s;
}

static void keep_pending(struct conn *c);

struct store *conn_store(struct conn *c, struct err *e)
{
	char path[4096];
	int rc;

	if (c->store)
		return c->store;
	if (c->settled) {
		if (store_settle(conn_url(c), api_server_id(c->api), c->user, path, sizeof path, e) == 0)
			c->store = open_settled(c, path, e);
	} else if ((c->missing = (rc = locate(c, path, sizeof path, e)) == 0)) {
		err_set(e, _("no local store of %s for this server yet: it is made at the first login"),
			c->user ? c->user : "default");
	} else if (rc == 1) {
		c->store = store_open(path, e);
	}
	if (c->store)
		keep_pending(c);
	return c->store;
}

struct store *conn_store_interim(struct conn *c, struct err *e)
{
	char path[4096];
	int rc;

	if (c->store || c->settled || (rc = locate(c, path, sizeof path, e)) == 1)
		return conn_store(c, e);
	if (rc < 0)
		return NULL;
	if ((c->store = store_open(STORE_MEMORY, e)))
		c->interim = true;
	return c->store;
}

void conn_logged_in(struct conn *c)
{
	c->settled = true;
}

int conn_settle(struct conn *c, struct store **was, struct err *e)
{
	struct store *s = c->store;
	char path[4096];

	*was = NULL;
	c->settled = true;
	if (!s || c->interim) {
		c->store = NULL;
		c->interim = false;
		if (!conn_store(c, e)) {
			c->store = s;	/* the session goes on with what it had */
			c->interim = s != NULL;
			return -1;
		}
		*was = s;
		return 0;
	}
	if (store_settle(conn_url(c), api_server_id(c->api), c->user, path, sizeof path, e) < 0)
		return -1;
	if (store_is_file(s, path))
		return note_owner(c, s, e);
	if (!(c->store = open_settled(c, path, e))) {
		c->store = s;
		return -1;
	}
	keep_pending(c);
	*was = s;
	return 0;
}

int conn_adopt(struct conn *c, int64_t now, struct err *e)
{
	struct store_other *v;
	size_t n;
	int moved = 0, one;

	if (!c->settled || !c->store)
		return err_set(e, "%s", _("log in first: the actions are taken over into the store of this login"));
	if (store_others(store_file(c->store), api_server_id(c->api), c->prof->name, c->user, &v, &n, e) < 0)
		return -1;
	for (size_t i = 0; i < n && moved >= 0; i++)
		moved = (one = outbox_adopt(c->store, v[i].path, now, e)) < 0 ? -1 : moved + one;
	store_others_free(v, n);
	return moved;
}

int64_t conn_stranded(struct conn *c)
{
	struct store_other *v;
	size_t n;
	int64_t waiting = 0;
	struct err e;

	if (!c->store || store_others(store_file(c->store), api_server_id(c->api), c->prof->name, c->user,
				      &v, &n, &e) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		waiting += v[i].waiting;
	store_others_free(v, n);
	return waiting;
}

/* The store if it is open or its file exists: none is made only to look
 * for a kept session or to forget one. */
static struct store *existing_store(struct conn *c)
{
	char path[4096];
	struct err e;

	if (c->store)
		return c->interim ? NULL : c->store;	/* memory: kept at conn_settle */
	if (locate(c, path, sizeof path, &e) != 1)
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
	char token[4096], salt[64], check[PW_SHA256_HEX], id[256];

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
	    (token[0] || p->auth != AUTH_LOGIN) &&
	    /* a server that names itself at login: only a store that knows
	     * the name (else the login learns it and the store moves there) */
	    (!p->server_header || (store_meta_get(s, "server_id", id, sizeof id) && id[0]))) {
		api_resume(c->api, token[0] ? token : NULL, (int)store_meta_int(s, "session_role"));
		if (p->server_header)
			api_resume_server(c->api, id);
	}
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
