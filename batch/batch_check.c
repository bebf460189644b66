#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/fields.h"
#include "batch_int.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "desk/report.h"

/* `motcua profile check`: the integrator's first step with a profile. The
 * profile is loaded and the login made by batch_connected (a broken
 * profile exits 10, a refused login 5); then each read operation runs
 * once and every field of the dossier model is reported. Nothing is sent
 * that changes anything on the server: no action, no intake. */

struct check {
	struct batch *b;
	const char *id;		/* --id: a citizen to look up */
	int warnings, rc;	/* rc: the worst failure so far */
	/* the first page */
	char code[256];
	bool open;		/* code is a dossier still being handled */
	int listed, unknown_status;
	/* the open listing (capabilities.open_first): finished dossiers in
	 * it, and dossiers out of due order */
	bool open_listing;
	int finished, unsorted;
	int64_t last_due;
	struct api_result list;
	struct dossier *d;	/* the sample dossier, read whole */
	int nprocs;
	int nkeys;		/* of the looked-up record */
	int64_t probed[2];	/* the probe's dossiers' updated_at */
	int nprobed;
};

static void warn(struct check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(struct check *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	report_printf(stdout, _("warning: %s\n"), msg);
	c->warnings++;
}

/* An operation failed: said on its line, and the exit status is its. */
static void failed(struct check *c, const char *what, const struct api_result *r)
{
	int rc = batch_exit_for(r);

	report_printf(stdout, _("%-11s FAILED: %s\n"), what, r->e.msg);
	if (c->rc == EXIT_OK || rc == EXIT_AUTH)
		c->rc = rc;
}

/* The open listing: every dossier open, and by due date (those without
 * one may come anywhere) when the profile says the API sorts so. */
static void check_open_items(struct check *c, const struct dossier *items, int n)
{
	for (int i = 0; i < n; i++) {
		if (status_valid(items[i].status) && !status_is_open(items[i].status))
			c->finished++;
		if (items[i].due_at && items[i].due_at < c->last_due)
			c->unsorted++;
		if (items[i].due_at)
			c->last_due = items[i].due_at;
	}
	c->listed += n;
}

static bool on_page(void *arg, struct dossier *items, int n, long total)
{
	struct check *c = arg;

	(void)total;
	if (c->open_listing) {
		check_open_items(c, items, n);
		dossiers_free(items, (size_t)n);
		return true;
	}
	for (int i = 0; i < n; i++) {
		/* a dossier still being handled shows the most: its allowed
		 * actions, its assignee; else the first one */
		bool open = status_valid(items[i].status) && status_is_open(items[i].status);

		if (items[i].code && (!c->code[0] || (!c->open && open))) {
			snprintf(c->code, sizeof c->code, "%s", items[i].code);
			c->open = open;
		}
		if (!status_valid(items[i].status))
			c->unknown_status++;
	}
	c->listed += n;
	dossiers_free(items, (size_t)n);
	return true;
}

static void on_listed(void *arg, const struct api_result *r)
{
	struct check *c = arg;

	c->list = *r;
	c->list.cursor = c->list.etag = NULL;	/* they die with the call */
	batch_finished(c->b);
}

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	struct check *c = arg;

	c->d = d;
	if (!d)
		failed(c, _("dossier"), r);
	batch_finished(c->b);
}

static void on_procs(void *arg, struct procedure *items, int n, const struct api_result *r)
{
	struct check *c = arg;

	c->nprocs = n;
	for (int i = 0; i < n; i++)
		procedure_free(&items[i]);
	free(items);
	if (r->fail != API_OK)
		failed(c, _("procedures"), r);
	batch_finished(c->b);
}

static void on_record(void *arg, struct record *rec, const struct api_result *r)
{
	struct check *c = arg;

	if (rec) {
		c->nkeys = rec->n;
		record_free(rec);
		free(rec);
	} else {
		failed(c, _("lookup"), r);
	}
	batch_finished(c->b);
}

/* The applicant's and the proxy's data is personal: the sample shows the
 * first character of each word and a star for every other one, enough to
 * see that the right field came, not whose it is. */
static bool personal(const char *name)
{
	return !strncmp(name, "applicant_", 10) || !strncmp(name, "proxy_", 6);
}

static void mask(const char *s, char *out, size_t len)
{
	size_t k = 0, n = strlen(s);
	bool word_start = true;

	for (size_t i = 0; i < n && k + 5 < len;) {
		int32_t cp;
		size_t l = text_utf8_next(s + i, n - i, &cp);

		if (s[i] == ' ') {
			out[k++] = ' ';
			word_start = true;
		} else if (word_start) {
			memcpy(out + k, s + i, l);
			k += l;
			word_start = false;
		} else {
			out[k++] = '*';
		}
		i += l;
	}
	out[k] = '\0';
}

/* The sample value of field f of d as text; "" when it has none. */
static void sample(const struct dossier *d, const struct fdef *f, char *buf, size_t len)
{
	buf[0] = '\0';
	switch (f->kind) {
	case FK_STR:
	case FK_VERSION: {
		const char *s = *FIELD_CAT(d, f, char *);

		if (s && personal(f->name))
			mask(s, buf, len);
		else if (s)
			snprintf(buf, len, "%s", s);
		break;
	}
	case FK_INT:
	case FK_STATUS:
	case FK_CHANNEL:
		if (*FIELD_CAT(d, f, int))
			snprintf(buf, len, "%d", *FIELD_CAT(d, f, int));
		break;
	case FK_MONEY:
		if (*FIELD_CAT(d, f, long long))
			snprintf(buf, len, "%lld", *FIELD_CAT(d, f, long long));
		break;
	case FK_TIME:
		if (*FIELD_CAT(d, f, int64_t))
			when_iso(*FIELD_CAT(d, f, int64_t), buf, len);
		break;
	case FK_ACTIONS:
		for (int a = 0; a < ACT_COUNT; a++)
			if (d->allowed & 1u << a)
				snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", buf[0] ? "," : "",
					 action_name(a));
		break;
	case FK_LIST: {
		int n = *(const int *)((const char *)d + f->count_off);

		if (n)
			snprintf(buf, len, P_("%d entry", "%d entries", n), n);
		break;
	}
	default:
		break;
	}
}

/* Whether the profile reads field f of a dossier: a path, a constant, a
 * join, or (the allowed actions) vocab.allowed. */
static bool mapped(const struct profile *p, const struct fdef *f)
{
	const struct op *get = &p->ops[OP_GET_DOSSIER];
	const struct mapping *m = get->map ? get->map : profile_mapping(p, &target_dossier);

	for (int i = 0; m && i < m->n; i++)
		if (m->f[i].def == f && (m->f[i].has_path || m->f[i].constant))
			return true;
	for (int j = 0; j < get->njoins; j++)
		if (get->joins[j].def == f)
			return true;
	return f->kind == FK_ACTIONS && p->nallowed;
}

/* How a field the profile does not read shows to the clerk. */
static const char *unmapped_shows(const struct fdef *f)
{
	switch (f->kind) {
	case FK_ACTIONS: return _("unmapped: no action is offered");
	case FK_LIST: return _("unmapped: shown as an empty list");
	default: return _("unmapped: shown as \"—\"");
	}
}

static void report_fields(struct check *c)
{
	const struct profile *p = api_profile(c->b->conn.api);
	char val[512], safe[160];

	report_printf(stdout, "%s\n", _("fields of the sample dossier:"));
	for (const struct fdef *f = target_dossier.fields; f->name; f++) {
		if (!mapped(p, f)) {
			report_printf(stdout, "  %-18s %s\n", f->name, unmapped_shows(f));
			continue;
		}
		if (!c->d) {
			report_printf(stdout, "  %-18s %s\n", f->name, _("mapped, not read (the dossier failed)"));
			continue;
		}
		sample(c->d, f, val, sizeof val);
		text_fit(safe, sizeof safe, val, 60, "…", 0);
		if (!val[0])
			report_printf(stdout, "  %-18s %s\n", f->name, _("mapped, empty in this dossier"));
		else if (personal(f->name))
			report_printf(stdout, "  %-18s %s %s %s\n", f->name, _("mapped"), safe,
				      _("(personal data, masked)"));
		else
			report_printf(stdout, "  %-18s %s %s\n", f->name, _("mapped"), safe);
	}
	if (c->d && !c->d->allowed)
		warn(c, "%s", _("the sample dossier allows no action: the clerk will be offered none (map allowed_actions, or vocab.allowed by status)"));
	/* the list's summaries: what they allow is known only from the rules */
	if (profile_reads_allowed(p) && !p->nallowed)
		warn(c, "%s", _("no vocab.allowed: offline, a dossier not read whole offers every action and the server decides (give the actions of each status, per role)"));
}

static void check_list(struct check *c)
{
	const struct profile *p = api_profile(c->b->conn.api);
	struct api_list_query q = { .prio = HTTP_INTERACTIVE, .max_pages = 1 };
	int size = p->ops[OP_LIST_DOSSIERS].paging.size;

	api_list(c->b->conn.api, &q, on_page, on_listed, c);
	batch_wait(c->b);
	if (c->list.fail != API_OK) {
		failed(c, _("list"), &c->list);
		return;
	}
	if (c->list.total >= 0)
		report_printf(stdout, _("%-11s first page: %d dossiers of the %ld reported\n"), _("list"),
			      c->listed, c->list.total);
	else
		report_printf(stdout, _("%-11s first page: %d dossiers (no total reported)\n"), _("list"),
			      c->listed);
	if (!c->listed)
		warn(c, "%s", _("the list is empty: nothing to sample (a login served as a guest? a user of another agency?)"));
	if (c->list.total < 0)
		warn(c, "%s", _("the list reports no total (paging.total): sync cannot prove a list complete, so dossiers that left the agency stay in the store"));
	if (size > 0 && c->listed < size && c->list.total > c->listed)
		warn(c, _("asked %d per page, the server sent %d of %ld: it caps its pages; set paging.size to %d"),
		     size, c->listed, c->list.total, c->listed);
	if (c->unknown_status)
		warn(c, _("%d dossiers of the first page have a status the profile's vocab.status lacks: they show without a status"),
		     c->unknown_status);
}

/* capabilities.open_first: a first sync trusts this listing to bring the
 * open work first, so its first page is checked. */
static void check_open_first(struct check *c)
{
	const struct profile *p = api_profile(c->b->conn.api);
	struct api_list_query q = { .prio = HTTP_INTERACTIVE, .max_pages = 1, .open_first = true };

	c->open_listing = true;
	c->listed = 0;
	api_list(c->b->conn.api, &q, on_page, on_listed, c);
	batch_wait(c->b);
	c->open_listing = false;
	if (c->list.fail != API_OK) {
		failed(c, _("open first"), &c->list);
		return;
	}
	report_printf(stdout, p->sort_due ? _("%-11s first page: %d open dossiers, earliest due first\n") :
		      _("%-11s first page: %d open dossiers\n"), _("open first"), c->listed);
	if (c->finished)
		warn(c, _("capabilities.open_first: %d dossiers of the open listing are finished: the API does not filter by {status} as the profile says"),
		     c->finished);
	if (p->sort_due && c->unsorted)
		warn(c, _("capabilities.open_first: %d dossiers of the open listing come before an earlier due date: the API does not sort by \"%s\" earliest due first"),
		     c->unsorted, p->sort_due);
}

/* What names the local store: the server's identity (server_id), else
 * its host and port, which a new port changes. */
static void check_server_id(struct check *c, const struct profile *p)
{
	const char *id = api_server_id(c->b->conn.api);

	if (id)
		report_printf(stdout, _("%-11s %s: the local store is named after it (server_id)\n"), _("server"), id);
	else if (p->server_header)
		warn(c, _("the login reply has no %s header (server_id.header): the local store is named after the "
			  "server's host and port, and actions queued there stay behind when the port changes"),
		     p->server_header);
	else
		report_printf(stdout, _("%-11s no identity (server_id): the local store is named after the host and port\n"),
			      _("server"));
}

static bool on_probe_page(void *arg, struct dossier *items, int n, long total)
{
	struct check *c = arg;

	(void)total;
	for (int i = 0; i < n && c->nprobed < 2; i++)
		c->probed[c->nprobed++] = items[i].updated_at;
	dossiers_free(items, (size_t)n);
	return true;
}

/* The recent mode's probe (client/api/profiles/README.md): two dossiers,
 * the most recently changed first; how a quiet poll will go. */
static void check_probe(struct check *c)
{
	const struct profile *p = api_profile(c->b->conn.api);
	struct api_list_query q = { .prio = HTTP_INTERACTIVE, .max_pages = 1, .per_page = 2,
				    .updated_first = true };

	if (p->etag || p->changed_since || !p->sort_updated)
		return;		/* not polled by the probe */
	api_list(c->b->conn.api, &q, on_probe_page, on_listed, c);
	batch_wait(c->b);
	if (c->list.fail != API_OK) {
		failed(c, _("probe"), &c->list);
		return;
	}
	if (c->nprobed == 2 && c->probed[0] < c->probed[1]) {
		warn(c, _("sorted by %s (capabilities.sort_updated), the list does not come most recently changed first: a quiet poll cannot stop early"),
		     p->sort_updated);
		return;
	}
	report_printf(stdout, _("%-11s %s: the most recently changed dossier first; %s\n"), _("probe"),
		      p->sort_updated,
		      p->changes_in_order ? _("changes in order (changes_in_order): one dossier a quiet poll") :
		      c->list.server_time ? _("one dossier a quiet poll, a minute after the newest change (the server's Date)") :
		      _("two dossiers a quiet poll: the server sends no Date and the profile does not say changes_in_order"));
}

static int check_cmd(struct batch *b, int argc, char **argv)
{
	struct check c = { .b = b, .id = b->cmd_arg };
	const struct profile *p = api_profile(b->conn.api);

	(void)argc;
	(void)argv;
	report_printf(stdout, _("%-11s %s: loaded from %s\n"), _("profile"), p->name, p->file ? p->file : "-");
	if (p->auth == AUTH_NONE)
		report_printf(stdout, _("%-11s none needed\n"), _("login"));
	else if (p->has_identity)
		report_printf(stdout, _("%-11s %s: accepted, the reply names the user (auth.identity)\n"),
			      _("login"), b->cli->user ? b->cli->user : "-");
	else
		report_printf(stdout, _("%-11s %s: accepted\n"), _("login"), b->cli->user ? b->cli->user : "-");
	check_server_id(&c, p);
	check_list(&c);
	/* a login the profile cannot prove, and nothing to show for it: a
	 * wrong password served as a guest looks exactly like this */
	if (c.list.fail == API_OK && !c.listed && p->auth != AUTH_NONE && !p->has_identity &&
	    p->auth != AUTH_LOGIN) {
		report_printf(stdout, _("%-11s FAILED: %s\n"), _("login"),
			      _("the profile cannot prove the login (no auth.identity) and the list is empty: a wrong password served as a guest looks like this"));
		c.rc = EXIT_AUTH;
	}
	if (p->open_first && c.list.fail == API_OK)
		check_open_first(&c);
	check_probe(&c);
	if (c.code[0]) {
		api_get(b->conn.api, c.code, HTTP_INTERACTIVE, on_dossier, &c);
		batch_wait(b);
		if (c.d)
			report_printf(stdout, _("%-11s %s: read, with its %d log entries and %d components\n"),
				      _("dossier"), c.code, c.d->nlog, c.d->ncomponents);
	}
	api_procedures(b->conn.api, on_procs, &c);
	batch_wait(b);
	if (c.nprocs)
		report_printf(stdout, _("%-11s %d in the catalog\n"), _("procedures"), c.nprocs);
	if (c.id) {
		api_lookup(b->conn.api, "citizen", c.id, NULL, _("profile check"), on_record, &c);
		batch_wait(b);
		if (c.nkeys)
			report_printf(stdout, _("%-11s citizen: %d values read\n"), _("lookup"), c.nkeys);
	}
	if (p->dates.kind == DATE_PATTERN && !strpbrk(p->dates.pattern, "XZ") && !p->has_timezone)
		warn(&c, _("dates carry no zone (%s) and the profile names none (timezone): they are read as UTC%+d:%02d, Vietnam's time"),
		     p->dates.pattern, p->dates.offset / 3600, (p->dates.offset % 3600) / 60);
	report_fields(&c);
	if (c.d) {
		dossier_free(c.d);
		free(c.d);
	}
	if (c.rc != EXIT_OK) {
		report_printf(stdout, "%s\n", _("result: FAILED"));
		return c.rc;
	}
	report_printf(stdout, P_("result: works, %d warning\n", "result: works, %d warnings\n", c.warnings),
		      c.warnings);
	return c.warnings ? EXIT_FAIL : EXIT_OK;
}

int batch_profile(const struct cli *cli)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' }, { "server", required_argument, NULL, 's' },
		{ "user", required_argument, NULL, 'u' }, { "id", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = *cli;
	const char *id = NULL;
	int ch;
	char *val;

	if (cli->argc < 2 || strcmp(cli->argv[1], "check"))
		return batch_usage("%s", _("profile: the only subcommand is check"));
	optind = 0;
	while (batch_opts(cli->argc - 1, cli->argv + 1, opts, &ch, &val) != -1) {
		switch (ch) {
		case 'p': c.profile = val; break;
		case 's': c.server = val; break;
		case 'u': c.user = val; break;
		case 'i': id = val; break;
		default:
			return batch_usage(_("profile check: the options are --profile, --server, --user and --id (got %s)"),
					   cli->argv[optind]);
		}
	}
	if (optind < cli->argc - 1)
		return batch_usage(_("profile check: unexpected argument '%s'"), cli->argv[optind + 1]);
	return batch_connected(&c, check_cmd, id);
}
