#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "app/secret.h"
#include "batch_int.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/paths.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "desk/report.h"

int batch_exit_of(enum api_fail f)
{
	static const int codes[] = {
		[API_OK] = EXIT_OK, [API_E_NETWORK] = EXIT_NETWORK, [API_E_AUTH] = EXIT_AUTH,
		[API_E_NOTFOUND] = EXIT_NOTFOUND, [API_E_CONFLICT] = EXIT_CONFLICT,
		[API_E_REFUSED] = EXIT_REFUSED, [API_E_BADREPLY] = EXIT_BADREPLY,
		[API_E_UNSUPPORTED] = EXIT_REFUSED, [API_E_CANCELLED] = EXIT_FAIL,
		[API_E_LOCAL] = EXIT_FAIL, [API_E_SETUP] = EXIT_SETUP,
	};

	return codes[f];
}

int batch_exit_for(const struct api_result *r)
{
	return r->fail == API_E_NETWORK && r->down ? EXIT_DOWN : batch_exit_of(r->fail);
}

/* Report a failed call and end the run with its exit code. */
void batch_failed(struct batch *b, const struct api_result *r)
{
	report_printf(stderr, "motcua: %s\n", r->e.msg);
	b->rc = batch_exit_for(r);
	b->done = true;
	loop_stop(&b->loop);
}

void batch_finished(struct batch *b)
{
	b->done = true;
	loop_stop(&b->loop);
}

/* Run the loop until the current call's callback says it is done. */
int batch_wait(struct batch *b)
{
	struct err e;
	bool broken;

	/* a call may be over before this (an empty outbox): then no loop */
	b->loop.stop = false;
	broken = !b->done && loop_run(&b->loop, &e) < 0 && !b->done;
	b->done = false;
	if (broken) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	return b->rc;
}

/* ---- commands ---- */

static void on_login(void *arg, const struct api_result *r)
{
	struct batch *b = arg;

	b->login = *r;
	if (r->fail == API_OK && b->conn.store) {
		/* open before the login (for a kept session): now named after
		 * the server's identity the login learnt */
		struct store *was;
		struct err e;

		if (conn_settle(&b->conn, &was, &e) < 0)
			report_printf(stderr, "motcua: %s\n", e.msg);
		store_close(was);
	} else if (r->fail == API_OK) {
		conn_logged_in(&b->conn);	/* the store may be made now */
	}
	/* offline, the commands that can work from the store still run */
	if (r->fail && r->fail != API_E_NETWORK)
		batch_failed(b, r);
	else
		batch_finished(b);
}

static bool status_wanted(const char *filter, int status)
{
	char buf[64];
	const char *p = filter;

	if (!filter)
		return true;
	while (*p) {
		size_t n = strcspn(p, ",");

		snprintf(buf, sizeof buf, "%.*s", (int)n, p);
		if (atoi(buf) == status || status_parse(buf) == status)
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

bool batch_list_wanted(const struct batch *b, const struct dossier *d)
{
	/* The server may not filter as asked (a profile without that
	 * parameter), and the store does not: filter here too, so every API
	 * gives the same list. */
	return status_wanted(b->status_filter, d->status) &&
	       (!b->overdue || (status_clock_runs(d->status) && d->due_at && d->due_at <= date_now())) &&
	       (!b->mine || (d->assignee_login && b->cli->user && !strcmp(d->assignee_login, b->cli->user)));
}

static void keep_item(struct batch *b, struct dossier *d)
{
	if (!batch_list_wanted(b, d)) {
		dossier_free(d);
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->items = xrealloc(b->items, (size_t)b->cap * sizeof *b->items);
	}
	b->items[b->n++] = *d;
}

static bool on_page(void *arg, struct dossier *items, int n, long total)
{
	struct batch *b = arg;

	(void)total;

	for (int i = 0; i < n; i++)
		keep_item(b, &items[i]);
	free(items);
	return true;
}

static int by_code(const void *x, const void *y)
{
	const struct dossier *a = x, *b = y;

	int c = strcmp(dossier_number(a), dossier_number(b));

	/* the numberless (before reception) among themselves by their id */
	return c ? c : strcmp(a->code, b->code);
}

void batch_print_list(struct batch *b)
{
	/* one order whatever the server's (an empty list has no array at all) */
	if (b->n > 1)
		qsort(b->items, (size_t)b->n, sizeof *b->items, by_code);
	if (b->fmt == FMT_JSON) {
		cJSON *arr = cJSON_CreateArray();

		for (int i = 0; i < b->n; i++)
			cJSON_AddItemToArray(arr, report_json_dossier(&b->items[i]));
		report_json_print(stdout, arr);
		cJSON_Delete(arr);
	} else {
		report_tsv_header(stdout);
		for (int i = 0; i < b->n; i++)
			report_tsv_dossier(stdout, &b->items[i]);
	}
}

/* Offline, the list comes from the local store, with a note saying so. */
static bool list_from_store(struct batch *b, const struct api_result *r)
{
	struct dossier *items;
	size_t n;
	struct err e;

	if (r->fail != API_E_NETWORK || !batch_store(b) || store_count_dossiers(b->conn.store) == 0)
		return false;
	if (store_load_dossiers(b->conn.store, &items, &n, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return false;
	}
	for (int i = 0; i < b->n; i++)
		dossier_free(&b->items[i]);
	b->n = 0;
	for (size_t i = 0; i < n; i++)
		keep_item(b, &items[i]);
	free(items);
	b->rc = batch_offline_note(b, r);
	batch_print_list(b);
	return true;
}

static void on_list_done(void *arg, const struct api_result *r)
{
	struct batch *b = arg;

	if (r->fail) {
		if (list_from_store(b, r))
			batch_finished(b);
		else
			batch_failed(b, r);
		return;
	}
	batch_print_list(b);
	batch_finished(b);
}

int batch_format(const char *s, enum format *f, bool text_ok)
{
	if (!strcmp(s, "tsv") && !text_ok)
		*f = FMT_TSV;
	else if (!strcmp(s, "json"))
		*f = FMT_JSON;
	else if (!strcmp(s, "text") && text_ok)
		*f = FMT_TEXT;
	else
		return -1;
	return 0;
}

int batch_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("motcua: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	report_printf(stderr, "%s", _("Try 'motcua --help' for more information.\n"));
	return EXIT_USAGE;
}

/* getopt for a command: its options follow its name. */
int batch_opts(int argc, char **argv, const struct option *opts, int *opt, char **val)
{
	int ch = getopt_long(argc, argv, ":", opts, NULL);

	*opt = ch;
	*val = optarg;
	return ch;
}

static int cmd_list(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 's' }, { "overdue", no_argument, NULL, 'o' },
		{ "mine", no_argument, NULL, 'm' }, { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct api_list_query q = { .prio = HTTP_INTERACTIVE };
	int ch;
	char *val;

	b->fmt = FMT_TSV;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		switch (ch) {
		case 's': q.status = b->status_filter = val; break;
		case 'o': q.overdue = b->overdue = true; break;
		case 'm': q.mine = b->mine = true; break;
		case 'f':
			if (batch_format(val, &b->fmt, false) < 0)
				return batch_usage(_("list: --format is tsv or json, not '%s'"), val);
			break;
		default:
			return batch_usage(_("list: unknown option or missing value: %s"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return batch_usage(_("list: unexpected argument '%s'"), argv[optind]);
	api_list(b->conn.api, &q, on_page, on_list_done, b);
	return batch_wait(b);
}

static void on_show(void *arg, struct dossier *d, const struct api_result *r)
{
	struct batch *b = arg;
	struct dossier stored;
	bool whole;
	struct err e;

	if (!d && r->fail == API_E_NETWORK && batch_store(b) &&
	    store_get_dossier(b->conn.store, b->show_code, &stored, &whole, &e) == 1) {
		b->rc = batch_offline_note(b, r);
		d = xmalloc(sizeof *d);
		*d = stored;
	}
	if (!d) {
		batch_failed(b, r);
		return;
	}
	if (b->conn.store)
		store_put_dossier(b->conn.store, d, true, 0, &e);	/* a copy for offline; best effort */
	if (b->fmt == FMT_JSON) {
		cJSON *o = report_json_dossier(d);

		report_json_print(stdout, o);
		cJSON_Delete(o);
	} else {
		report_text_dossier(stdout, d);
	}
	dossier_free(d);
	free(d);
	batch_finished(b);
}

static int cmd_show(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	int ch;
	char *val;

	b->fmt = FMT_TEXT;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		if (ch != 'f' || batch_format(val, &b->fmt, true) < 0)
			return batch_usage(_("show: the only option is --format text|json (got %s)"),
					   argv[optind - 1]);
	}
	if (argc - optind != 1)
		return batch_usage("%s", _("show: give one dossier code"));
	b->show_code = argv[optind];
	api_get(b->conn.api, argv[optind], HTTP_INTERACTIVE, on_show, b);
	return batch_wait(b);
}

static void on_record(void *arg, struct record *rec, const struct api_result *r)
{
	struct batch *b = arg;
	struct err e;

	b->audit.at = date_now();
	b->audit.outcome = rec ? "found" : r->fail == API_E_NOTFOUND ? "not-found" : "failed";
	if (!batch_store(b) || store_audit_add(b->conn.store, &b->audit, &e) < 0) {
		/* a lookup that cannot be audited is not shown */
		if (b->conn.store)
			report_printf(stderr, "motcua: %s\n", e.msg);
		if (rec) {
			record_free(rec);
			free(rec);
		}
		b->rc = EXIT_FAIL;
		batch_finished(b);
		return;
	}
	if (!rec) {
		batch_failed(b, r);
		return;
	}
	report_record(stdout, rec, b->fmt == FMT_JSON);
	record_free(rec);
	free(rec);
	batch_finished(b);
}

static int cmd_lookup(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dossier", required_argument, NULL, 'd' }, { "purpose", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	const char *dossier = NULL, *purpose = NULL;
	char norm[IDENT_BUF];
	struct err e;
	int ch;
	char *val;
	bool citizen;

	b->fmt = FMT_TEXT;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		switch (ch) {
		case 'd': dossier = val; break;
		case 'p': purpose = val; break;
		case 'f':
			if (batch_format(val, &b->fmt, true) < 0)
				return batch_usage(_("lookup: --format is text or json, not '%s'"), val);
			break;
		default:
			return batch_usage(_("lookup: unknown option or missing value: %s"), argv[optind - 1]);
		}
	}
	if (argc - optind != 2 || (strcmp(argv[optind], "citizen") && strcmp(argv[optind], "enterprise")))
		return batch_usage("%s", _("lookup: give 'citizen ID' or 'enterprise TAXCODE'"));
	citizen = !strcmp(argv[optind], "citizen");
	/* refuse a mistyped number here: no lookup is recorded for it */
	if ((citizen ? ident_cccd_check(argv[optind + 1], norm, sizeof norm, &e) :
		       ident_tax_check(argv[optind + 1], norm, sizeof norm, NULL, &e)) < 0)
		return batch_usage("%s", e.msg);
	b->audit = (struct audit_entry){ .user = b->cli->user, .reg = argv[optind], .subject = norm,
					 .dossier = dossier, .purpose = purpose };
	api_lookup(b->conn.api, argv[optind], norm, dossier, purpose, on_record, b);
	return batch_wait(b);
}

static void on_procedures(void *arg, struct procedure *items, int n, const struct api_result *r)
{
	struct batch *b = arg;

	if (r->fail) {
		batch_failed(b, r);
		return;
	}
	if (b->fmt == FMT_JSON) {
		cJSON *arr = cJSON_CreateArray();

		for (int i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();

			cJSON_AddStringToObject(o, "code", items[i].code);
			if (items[i].name)
				cJSON_AddStringToObject(o, "name", items[i].name);
			if (items[i].field)
				cJSON_AddStringToObject(o, "field", items[i].field);
			cJSON_AddNumberToObject(o, "minutes", items[i].minutes);
			if (items[i].cutoff >= 0)
				cJSON_AddNumberToObject(o, "cutoff", items[i].cutoff);
			cJSON_AddNumberToObject(o, "fee", (double)items[i].fee);
			cJSON_AddItemToArray(arr, o);
		}
		report_json_print(stdout, arr);
		cJSON_Delete(arr);
	} else {
		fputs("code\tname\tfield\tworking_minutes\tcutoff\tfee\n", stdout);
		for (int i = 0; i < n; i++) {
			char cut[WHEN_LEN];

			when_minute(items[i].cutoff, cut, sizeof cut);
			report_printf(stdout, "%s\t%s\t%s\t%d\t%s\t%lld\n", items[i].code,
				      items[i].name ? items[i].name : "", items[i].field ? items[i].field : "",
				      items[i].minutes, cut, items[i].fee);
		}
	}
	for (int i = 0; i < n; i++)
		procedure_free(&items[i]);
	free(items);
	batch_finished(b);
}

static int cmd_procedures(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	int ch;
	char *val;

	b->fmt = FMT_TSV;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1)
		if (ch != 'f' || batch_format(val, &b->fmt, false) < 0)
			return batch_usage(_("procedures: the only option is --format tsv|json (got %s)"),
					   argv[optind - 1]);
	api_procedures(b->conn.api, on_procedures, b);
	return batch_wait(b);
}

static const struct {
	const char *name;
	int (*fn)(struct batch *b, int argc, char **argv);
} commands[] = {
	{ "list", cmd_list }, { "show", cmd_show }, { "lookup", cmd_lookup },
	{ "act", batch_cmd_act }, { "procedures", cmd_procedures },
	{ "sync", batch_cmd_sync }, { "outbox", batch_cmd_outbox },
	{ "receipt", batch_cmd_form }, { "supplement-form", batch_cmd_form },
	{ "refusal-form", batch_cmd_form }, { "stats", batch_cmd_stats },
};

/* The settings (request-timeout, print-command, desk-name): the desk's
 * file, then the clerk's, as the client reads them. A broken line is
 * said and skipped. */
static void load_conf(struct conf *c)
{
	int (*const where[])(char *, size_t) = { path_system_config, path_config };

	conf_init(c);
	for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
		char path[4096], *warnings = NULL;
		struct err e;

		if (where[i](path, sizeof path) < 0)
			continue;
		if (conf_load(c, path, &warnings, &e) < 0)
			report_printf(stderr, "motcua: %s\n", e.msg);
		if (warnings)
			report_printf(stderr, "%s\n", warnings);
		free(warnings);
	}
}

/* Connect as the command line says, with the secret when the profile
 * needs one; the exit status (a failure is said on stderr). */
static int connect_to(struct batch *b)
{
	static const int codes[] = {
		[CONN_OK] = EXIT_OK, [CONN_E_PROFILE] = EXIT_PROFILE, [CONN_E_TRANSPORT] = EXIT_FAIL,
	};
	const struct cli *cli = b->cli;
	struct err e = { "" };
	/* a login that timed out: the command answers from the store, or
	 * fails, at once instead of waiting as long again */
	struct conn_opts o = { .timeout_s = b->conf.request_timeout, .fail_fast = true };
	enum conn_fail f = conn_open(&b->conn, &b->loop, cli, &o, &e);
	char *secret;

	if (f != CONN_OK) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return codes[f];
	}
	if (b->conn.prof->auth == AUTH_NONE)
		return EXIT_OK;
	secret = secret_read(cli->env_secret, cli->password_file, cli->user, &e);
	if (!secret && e.msg[0]) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_USAGE;
	}
	api_set_secret(b->conn.api, secret);	/* copied */
	/* a profile check proves the login itself */
	if (strcmp(cli->argv[0], "profile"))
		conn_keep_session(&b->conn, secret);
	secret_free(secret);
	return EXIT_OK;
}

/* motcua logout: forget the session kept for this server and user; the
 * next command logs in again. No login for it, nor the network. */
static int batch_logout(const struct cli *cli)
{
	struct batch b = { .cli = cli };
	struct err e = { "" };
	int rc = EXIT_OK;

	if (cli->argc > 1)
		return batch_usage(_("logout: unexpected argument '%s'"), cli->argv[1]);
	if (loop_init(&b.loop, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (conn_open(&b.conn, &b.loop, cli, NULL, &e) != CONN_OK) {
		rc = EXIT_PROFILE;
	} else if (conn_forget_session(&b.conn, &e) < 0) {
		rc = EXIT_FAIL;
	}
	if (rc != EXIT_OK)
		report_printf(stderr, "motcua: %s\n", e.msg);
	conn_close(&b.conn);
	loop_free(&b.loop);
	return rc;
}

int batch_run(const struct cli *cli)
{
	int (*fn)(struct batch *, int, char **) = NULL;

	if (!strcmp(cli->argv[0], "profile"))
		return batch_profile(cli);
	if (!strcmp(cli->argv[0], "logout"))
		return batch_logout(cli);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(commands[i].name, cli->argv[0]))
			fn = commands[i].fn;
	if (!fn)
		return batch_usage(_("'%s' is not a command (list, show, lookup, act, procedures, sync, outbox, receipt, supplement-form, refusal-form, stats)"),
				   cli->argv[0]);
	return batch_connected(cli, fn, NULL);
}

int batch_connected(const struct cli *cli, int (*fn)(struct batch *, int, char **),
		    const void *cmd_arg)
{
	struct batch b = { .rc = EXIT_OK, .cli = cli, .cmd_arg = cmd_arg };
	struct err e;
	int rc;

	if (!cli->profile)
		return batch_usage("%s", _("which server? give --profile NAME (or set MOTCUA_PROFILE)"));
	if (loop_init(&b.loop, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	load_conf(&b.conf);
	rc = connect_to(&b);
	if (rc == EXIT_OK) {
		api_login(b.conn.api, on_login, &b);
		rc = batch_wait(&b);
	}
	if (rc == EXIT_OK) {
		optind = 0;	/* the command's own options */
		rc = fn(&b, cli->argc, cli->argv);
	}
	dossiers_free(b.items, (size_t)b.n);
	conn_close(&b.conn);
	loop_free(&b.loop);
	conf_free(&b.conf);
	return rc;
}
