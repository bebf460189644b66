#include "config.h"

#include <string.h>

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

struct store *conn_store(struct conn *c, struct err *e)
{
	char path[4096];

	if (!c->store && store_path(c->server ? c->server : c->prof->base_url, c->user, path, sizeof path, e) == 0)
		c->store = store_open(path, e);
	return c->store;
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
	http_free(c->http);
	profile_free(c->prof);
	free(c->server);
	free(c->user);
	memset(c, 0, sizeof *c);
}
