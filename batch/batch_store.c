#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/dates.h"
#include "batch_int.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "desk/report.h"
#include "store/outbox_send.h"
#include "store/sync.h"

/* Actions stranded in another store of this clerk and server are told,
 * with the command that takes them over. */
static void tell_stranded(struct batch *b)
{
	int64_t stranded = conn_stranded(&b->conn);

	if (stranded > 0)
		report_printf(stderr, P_("motcua: %lld action waits in another local store of yours for this server "
					 "(made at another address); 'motcua outbox adopt' takes it over and sends it\n",
					 "motcua: %lld actions wait in other local stores of yours for this server "
					 "(made at another address); 'motcua outbox adopt' takes them over and sends them\n",
					 (unsigned long)stranded), (long long)stranded);
}

struct store *batch_store(struct batch *b)
{
	struct err e;

	if (!conn_store(&b->conn, &e)) {
		if (!(b->conn.missing && b->login.fail == API_E_NETWORK))
			report_printf(stderr, "motcua: %s\n", e.msg);
	} else if (b->conn.settled && !b->told_stranded) {
		/* once, after the login (the store may have been open before
		 * it, for a kept session) */
		b->told_stranded = true;
		tell_stranded(b);
	}
	return b->conn.store;
}

int batch_offline_exit(const struct api_result *r)
{
	return r->down ? EXIT_DOWN : EXIT_OFFLINE;
}

int batch_no_store(struct batch *b)
{
	if (!(b->conn.missing && b->login.fail == API_E_NETWORK))
		return EXIT_FAIL;
	/* never logged in here, and the server is away: that is the news */
	report_printf(stderr, "motcua: %s\n", b->login.e.msg);
	return batch_exit_for(&b->login);
}

int batch_offline_note(struct batch *b, const struct api_result *r)
{
	int64_t at = store_meta_int(b->conn.store, "synced_at");
	char when[WHEN_LEN];

	report_printf(stderr, r->down ?
		      _("motcua: the server is not running (%s): from the local store, data of %s\n") :
		      _("motcua: offline (%s): from the local store, data of %s\n"), r->e.msg,
		      at ? when_time_date(at, when, sizeof when) : _("an unknown time"));
	return batch_offline_exit(r);
}

static int64_t batch_now(void *arg)
{
	(void)arg;
	return date_now();
}

/* The number the clerk knows an outbox entry's dossier by (the store has
 * it when the API addresses dossiers by an id of their own), else its code. */
static const char *entry_number(struct batch *b, const char *code, char *buf, size_t len)
{
	struct dossier d;
	bool whole;
	struct err e;

	snprintf(buf, len, "%s", code ? code : "");
	if (code && store_get_dossier(b->conn.store, code, &d, &whole, &e) == 1) {
		if (d.number && d.number[0])
			snprintf(buf, len, "%s", d.number);
		dossier_free(&d);
	}
	return buf;
}

/* ---- act: through the outbox ---- */

struct act_state {
	struct batch *b;
	enum action act;
	struct api_act_args args;
	const char *code;	/* as the clerk gave it, then the dossier's own */
	char key[256], shown[256];	/* its code and its number */
	struct ob_entry en;	/* the entry queued */
	bool go;		/* the dossier was read and the action may go */
	struct dossier *result;
	enum ob_state final;
	char error[512];
};

/* An entry on code refused or in conflict holds the later ones back until
 * the clerk decides on it: say which, and return the exit status that
 * says so (0: none holds). mine: the entry held back (NULL: none queued). */
static int blocked_by(struct batch *b, const struct ob_entry *mine, const char *code)
{
	struct ob_entry bl;
	struct err e;
	int rc = outbox_blocker(b->conn.store, code, &bl, &e);

	if (rc <= 0) {
		if (rc < 0)
			report_printf(stderr, "motcua: %s\n", e.msg);
		return rc < 0 ? EXIT_FAIL : EXIT_OK;
	}
	if (mine)
		report_printf(stderr, _("motcua: outbox #%lld (%s %s) waits behind #%lld (%s, %s: %s); "
					"decide on #%lld first: 'motcua outbox retry %lld' or 'motcua outbox discard %lld'\n"),
			      (long long)mine->id, ob_entry_name(mine), code, (long long)bl.id,
			      ob_entry_name(&bl), ob_state_label(bl.state), bl.error ? bl.error : "",
			      (long long)bl.id, (long long)bl.id, (long long)bl.id);
	else
		report_printf(stderr, _("motcua: nothing was queued: outbox #%lld (%s %s, %s: %s) waits for your "
					"decision; 'motcua outbox retry %lld' or 'motcua outbox discard %lld' first\n"),
			      (long long)bl.id, ob_entry_name(&bl), code, ob_state_label(bl.state),
			      bl.error ? bl.error : "", (long long)bl.id, (long long)bl.id);
	rc = batch_exit_of(bl.state == OB_CONFLICT ? API_E_CONFLICT : API_E_REFUSED);
	ob_entry_free(&bl);
	return rc;
}

static void act_delivered(void *arg, const struct ob_entry *en, struct dossier *d)
{
	struct act_state *st = arg;

	if (en->id != st->en.id) {	/* an older entry, sent first */
		if (d) {
			dossier_free(d);
			free(d);
		}
		return;
	}
	st->final = OB_DONE;
	st->result = d;
}

static void act_changed(void *arg, const struct ob_entry *en)
{
	struct act_state *st = arg;

	if (en->id == st->en.id) {
		st->final = en->state;
		snprintf(st->error, sizeof st->error, "%s", en->error ? en->error : "");
	} else {
		char no[256];

		report_printf(stderr, _("motcua: outbox #%lld (%s %s): %s\n"), (long long)en->id,
			      ob_entry_name(en), entry_number(st->b, en->code, no, sizeof no),
			      en->error ? en->error : "");
	}
}

static void act_idle(void *arg, const struct api_result *r)
{
	struct act_state *st = arg;
	struct batch *b = st->b;
	int rc;

	if (st->final == OB_DONE) {
		if (st->result)
			report_printf(stdout, "%s\t%d\t%s\n", dossier_number(st->result), st->result->status,
				      status_label(st->result->status));
		else
			report_printf(stdout, "%s\t%s\n", st->shown, _("done"));
		batch_finished(b);
	} else if (st->final == OB_CONFLICT || st->final == OB_FAILED) {
		struct api_result no = { .fail = st->final == OB_CONFLICT ? API_E_CONFLICT : API_E_REFUSED };

		snprintf(no.e.msg, sizeof no.e.msg, "%s", st->error);
		batch_failed(b, &no);
	} else if (r->fail == API_OK && (rc = blocked_by(b, &st->en, st->code))) {
		/* an older entry on the dossier was refused meanwhile */
		b->rc = rc;
		batch_finished(b);
	} else {
		/* saved, not yet delivered: say where it is */
		report_printf(stderr, _("motcua: %s; the action is kept in the outbox as #%lld and goes with "
					"'motcua sync' or 'motcua outbox send'\n"),
			      r->fail == API_OK ? _("not sent") : r->e.msg, (long long)st->en.id);
		b->rc = r->fail == API_E_LOCAL || r->fail == API_E_AUTH || r->fail == API_E_SETUP ?
			batch_exit_of(r->fail) : batch_offline_exit(r);
		batch_finished(b);
	}
}

static void queue_and_send(struct act_state *st)
{
	struct batch *b = st->b;
	struct outbox_hooks h = { .delivered = act_delivered, .changed = act_changed, .idle = act_idle,
				  .now = batch_now, .arg = st };
	struct outbox_sender *o;
	struct err e;

	if (outbox_add(b->conn.store, st->code, st->act, &st->args, date_now(), &st->en, &e) < 0) {
		struct api_result r = { .fail = API_E_LOCAL, .e = e };

		batch_failed(b, &r);
		return;
	}
	st->final = OB_QUEUED;
	o = outbox_sender_new(b->conn.api, b->conn.store, &h);
	outbox_send(o);
	batch_wait(b);
	outbox_sender_free(o);
}

/* Whether the action may go: the version it goes with is kept. */
static bool may_act(struct act_state *st, const struct dossier *d)
{
	struct api_result no = { .fail = API_E_REFUSED };

	if (d->allowed && !(d->allowed & (1u << st->act))) {
		snprintf(no.e.msg, sizeof no.e.msg, _("%s is not allowed on %s now (status %d %s)"),
			 action_name(st->act), dossier_number(d), d->status, status_label(d->status));
		batch_failed(st->b, &no);
		return false;
	}
	st->args.version = xstrdup_opt(d->version);
	/* queued by what the API addresses it by, not the number typed */
	snprintf(st->key, sizeof st->key, "%s", d->code);
	snprintf(st->shown, sizeof st->shown, "%s", dossier_number(d));
	st->code = st->key;
	return true;
}

static void on_act_get(void *arg, struct dossier *d, const struct api_result *r)
{
	struct act_state *st = arg;
	struct dossier stored;
	bool whole;
	struct err e;

	if (!d) {
		/* offline: the action is queued on the version the store has */
		if (r->fail == API_E_NETWORK &&
		    store_get_dossier(st->b->conn.store, st->code, &stored, &whole, &e) == 1) {
			batch_offline_note(st->b, r);
			st->go = may_act(st, &stored);
			dossier_free(&stored);
			batch_finished(st->b);
			return;
		}
		batch_failed(st->b, r);
		return;
	}
	store_put_dossier(st->b->conn.store, d, true, 0, &e);
	st->go = may_act(st, d);
	dossier_free(d);
	free(d);
	batch_finished(st->b);
}

int batch_cmd_act(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' }, { "reason", required_argument, NULL, 'r' },
		{ "assignee", required_argument, NULL, 'a' }, { "new-due", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct act_state st = { .b = b };
	struct datefmt df;
	struct err e;
	int ch, act, rc;
	char *val;

	datefmt_parse(&df, "iso8601", CAL_UTC_OFFSET, NULL);
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		switch (ch) {
		case 'n': st.args.note = val; break;
		case 'r': st.args.reason = val; break;
		case 'a': st.args.assignee = val; break;
		case 'd':
			if (date_from_text(&df, val, &st.args.new_due, &e) < 0)
				return batch_usage(_("act: --new-due: %s (write YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
						   e.msg);
			break;
		default:
			return batch_usage(_("act: unknown option or missing value: %s"), argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return batch_usage("%s", _("act: give a dossier code and an action"));
	act = action_parse(argv[optind + 1]);
	if (act < 0)
		return batch_usage(_("act: '%s' is not an action (see the actions allowed in 'motcua show CODE')"),
				   argv[optind + 1]);
	if (!batch_store(b))
		return batch_no_store(b);
	st.act = (enum action)act;
	st.code = argv[optind];
	/* nothing goes to the outbox that could not go: an action the server
	 * is not offered, or one stuck behind an entry the clerk must decide */
	if (api_can_act(b->conn.api, st.act, &e) < 0) {
		report_printf(stderr, _("motcua: %s: nothing was sent or queued\n"), e.msg);
		return EXIT_USAGE;
	}
	if ((rc = blocked_by(b, NULL, st.code)))
		return rc;
	/* read it first: the action goes with the version the clerk acts on */
	api_get(b->conn.api, st.code, HTTP_INTERACTIVE, on_act_get, &st);
	rc = batch_wait(b);
	if (st.go)
		queue_and_send(&st);
	rc = st.go ? b->rc : rc;
	free((char *)st.args.version);
	if (st.result) {
		dossier_free(st.result);
		free(st.result);
	}
	ob_entry_free(&st.en);
	return rc;
}

/* ---- sync ---- */

struct sync_state {
	struct batch *b;
	struct api_result r;
	struct sync_report rep;
	int delivered, waiting;
	struct sync *y;		/* under way */
	int signo;		/* that stopped it */
	bool drawn;		/* a progress line is on the terminal */
	struct http_stats start;
};

static void on_synced(void *arg, const struct api_result *r, const struct sync_report *rep)
{
	struct sync_state *st = arg;

	if (st->drawn)
		fputs("\r\033[K", stderr);
	st->y = NULL;
	st->r = *r;
	st->rep = *rep;
	batch_finished(st->b);
}

/* One line redrawn in place on a terminal; nothing on a pipe or a log. */
static void on_progress(void *arg, const struct sync_progress *p)
{
	struct sync_state *st = arg;
	struct http_stats now;
	char line[160];

	http_get_stats(st->b->conn.http, &now);
	sync_progress_text(p, now.wire_in - st->start.wire_in, line, sizeof line);
	/* report_printf() would show the control characters as text */
	fputs("\r", stderr);
	report_printf(stderr, "%s", line);
	fputs("\033[K", stderr);
	fflush(stderr);
	st->drawn = true;
}

/* Ctrl-C or a TERM: stop the sync; what came is stored. */
static void on_signal(void *arg, int signo)
{
	struct sync_state *st = arg;

	st->signo = signo;
	if (st->y)
		sync_cancel(st->y);
}

static void sync_delivered(void *arg, const struct ob_entry *en, struct dossier *d)
{
	struct sync_state *st = arg;

	(void)en;
	st->delivered++;
	if (d) {
		dossier_free(d);
		free(d);
	}
}

static void sync_changed(void *arg, const struct ob_entry *en)
{
	struct sync_state *st = arg;
	char no[256];

	st->waiting++;
	report_printf(stderr, _("motcua: outbox #%lld (%s %s): %s\n"), (long long)en->id, ob_entry_name(en),
		      entry_number(st->b, en->code, no, sizeof no), en->error ? en->error : "");
}

static void sync_idle(void *arg, const struct api_result *r)
{
	struct sync_state *st = arg;

	st->r = *r;
	batch_finished(st->b);
}

/* After a send, what is still queued can only be held back by an entry
 * refused or in conflict: say so for each, rather than exit 0 as if all
 * had gone. */
static int held_back(struct batch *b)
{
	struct ob_entry *v;
	size_t n;
	struct err e;
	int rc = EXIT_OK, one;

	if (outbox_list(b->conn.store, false, &v, &n, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].state <= OB_SENDING && v[i].code && v[i].code[0] &&
		    (one = blocked_by(b, &v[i], v[i].code)) && !rc)
			rc = one;
		ob_entry_free(&v[i]);
	}
	free(v);
	return rc;
}

/* Send what the outbox holds; returns the exit status. */
static int send_outbox(struct batch *b, struct sync_state *st)
{
	struct outbox_hooks h = { .delivered = sync_delivered, .changed = sync_changed, .idle = sync_idle,
				  .now = batch_now, .arg = st };
	struct outbox_sender *o = outbox_sender_new(b->conn.api, b->conn.store, &h);

	st->r.fail = API_OK;
	outbox_send(o);
	batch_wait(b);
	outbox_sender_free(o);
	if (st->r.fail != API_OK) {
		report_printf(stderr, "motcua: %s\n", st->r.e.msg);
		return batch_exit_for(&st->r);
	}
	return st->waiting ? EXIT_CONFLICT : held_back(b);
}

/* A sync that did not finish: why, what the store holds, and that the
 * next one goes on from there; a signal's exit status is the shell's. */
static int sync_stopped(struct batch *b, struct sync_state *st)
{
	long long n = (long long)store_count_dossiers(b->conn.store);

	if (st->signo)
		report_printf(stderr, P_("motcua: sync interrupted: %lld dossier is in the store\n",
					       "motcua: sync interrupted: %lld dossiers are in the store\n", (unsigned long)n), n);
	else
		batch_failed(b, &st->r);
	if (sync_resumable(b->conn.store))
		report_printf(stderr, "%s\n", _("motcua: the next sync goes on where this one stopped"));
	return st->signo ? 128 + st->signo : b->rc;
}

int batch_cmd_sync(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "full", no_argument, NULL, 'F' }, { NULL, 0, NULL, 0 },
	};
	static const int sigs[] = { SIGINT, SIGTERM };
	struct sync_hooks h = { .done = on_synced };
	struct sync_state st = { .b = b };
	struct http_stats after;
	bool full = false;
	int ch, rc;
	char *val;
	struct err e;

	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		if (ch != 'F')
			return batch_usage(_("sync: the only option is --full (got %s)"), argv[optind - 1]);
		full = true;
	}
	if (optind < argc)
		return batch_usage(_("sync: unexpected argument '%s'"), argv[optind]);
	if (!batch_store(b))
		return batch_no_store(b);
	/* the clerk's actions first: the list then shows their effect */
	rc = send_outbox(b, &st);
	if (rc != EXIT_OK && rc != EXIT_CONFLICT)
		return rc;
	http_get_stats(b->conn.http, &st.start);
	h.arg = &st;
	if (isatty(STDERR_FILENO))
		h.progress = on_progress;
	if (loop_catch_signals(&b->loop, sigs, 2, on_signal, &st, &e) < 0)
		report_printf(stderr, "motcua: %s\n", e.msg);
	st.y = sync_start(b->conn.api, b->conn.store, &h, HTTP_INTERACTIVE, date_now(), full);
	batch_wait(b);
	http_get_stats(b->conn.http, &after);
	if (st.r.fail != API_OK) {
		if (st.r.fail == API_E_BADREPLY)
			err_prefix(&st.r.e, "%s", _("sync stopped, nothing dropped from the store: "));
		return sync_stopped(b, &st);
	}
	/* one line for scripts and logs: what came, what it cost */
	report_printf(stdout, _("synced (%s%s): %d dossiers received, %d dropped, %lld in the store; "
				"%d actions delivered, %d in the outbox; %llu bytes in, %llu out, %lld ms\n"),
		      sync_mode_name(st.rep.mode), st.rep.not_modified ? _(", not modified") : "", st.rep.items,
		      st.rep.dropped, (long long)store_count_dossiers(b->conn.store), st.delivered, outbox_pending(b->conn.store),
		      (unsigned long long)(after.wire_in - st.start.wire_in),
		      (unsigned long long)(after.wire_out - st.start.wire_out), (long long)st.rep.elapsed_ms);
	if (st.rep.kept) {
		report_printf(stderr, "motcua: %s\n", st.rep.doubt.msg);
		/* nothing was lost, but the list cannot be trusted: a script
		 * must not take this sync for a good one */
		if (st.rep.doubtful)
			return EXIT_BADREPLY;
	}
	return rc;
}

/* ---- outbox ---- */

static void print_entries(struct batch *b, const struct ob_entry *v, size_t n)
{
	if (b->fmt == FMT_JSON) {
		cJSON *arr = cJSON_CreateArray();
		char t[WHEN_LEN];

		for (size_t i = 0; i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			char no[256];

			cJSON_AddNumberToObject(o, "id", (double)v[i].id);
			cJSON_AddStringToObject(o, "code", entry_number(b, v[i].code, no, sizeof no));
			cJSON_AddStringToObject(o, "action", ob_entry_name(&v[i]));
			cJSON_AddStringToObject(o, "state", ob_state_name(v[i].state));
			cJSON_AddNumberToObject(o, "attempts", v[i].attempts);
			cJSON_AddStringToObject(o, "created_at", when_iso(v[i].created_at, t, sizeof t));
			cJSON_AddStringToObject(o, "idempotency_key", v[i].key);
			if (v[i].error)
				cJSON_AddStringToObject(o, "error", v[i].error);
			cJSON_AddItemToArray(arr, o);
		}
		report_json_print(stdout, arr);
		cJSON_Delete(arr);
		return;
	}
	fputs("id\tcode\taction\tstate\tattempts\tcreated_at\terror\n", stdout);
	for (size_t i = 0; i < n; i++) {
		char t[WHEN_LEN], no[256];

		report_printf(stdout, "%lld\t%s\t%s\t%s\t%d\t%s\t%s\n", (long long)v[i].id,
			      entry_number(b, v[i].code, no, sizeof no), ob_entry_name(&v[i]),
			      ob_state_name(v[i].state), v[i].attempts, when_iso(v[i].created_at, t, sizeof t),
			      v[i].error ? v[i].error : "");
	}
}

static int outbox_list_cmd(struct batch *b, bool all)
{
	struct ob_entry *v;
	size_t n;
	struct err e;

	if (outbox_list(b->conn.store, all, &v, &n, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	print_entries(b, v, n);
	for (size_t i = 0; i < n; i++)
		ob_entry_free(&v[i]);
	free(v);
	return EXIT_OK;
}

static int entry_id(const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (!*s || *end || v <= 0)
		return batch_usage(_("outbox: '%s' is not an entry number (see 'motcua outbox list')"), s);
	*id = v;
	return 0;
}

/* A discarded action is lost: ask, unless --yes. */
static bool confirm(struct batch *b, const struct ob_entry *en, bool yes)
{
	char line[16], no[256];

	if (yes)
		return true;
	report_printf(stderr, _("Discard #%lld, %s on %s? It will not be sent. [y/N] "), (long long)en->id,
		      ob_entry_label(en), entry_number(b, en->code, no, sizeof no));
	if (!fgets(line, sizeof line, stdin))
		return false;
	return line[0] && strchr("yYcC", line[0]);	/* yes, or "có" */
}

static int outbox_discard_cmd(struct batch *b, int64_t id, bool yes)
{
	struct ob_entry en;
	struct err e;
	int rc = outbox_get(b->conn.store, id, &en, &e);

	if (rc <= 0 || en.state == OB_DONE) {
		if (rc == 1)
			ob_entry_free(&en);
		report_printf(stderr, _("motcua: the outbox has no undelivered entry #%lld\n"), (long long)id);
		return rc < 0 ? EXIT_FAIL : EXIT_NOTFOUND;
	}
	if (!yes && !isatty(STDIN_FILENO)) {
		ob_entry_free(&en);
		return batch_usage("%s", _("outbox discard: a discarded action is lost; confirm with --yes"));
	}
	if (!confirm(b, &en, yes)) {
		ob_entry_free(&en);
		report_printf(stderr, "%s\n", _("motcua: kept"));
		return EXIT_FAIL;
	}
	ob_entry_free(&en);
	if (outbox_discard(b->conn.store, id, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	report_printf(stdout, _("discarded #%lld\n"), (long long)id);
	return EXIT_OK;
}

static void on_retry_get(void *arg, struct dossier *d, const struct api_result *r)
{
	struct sync_state *st = arg;

	st->r = *r;
	if (d) {
		struct err e;

		store_put_dossier(st->b->conn.store, d, true, 0, &e);
		dossier_free(d);
		free(d);
	}
	batch_finished(st->b);
}

/* Send a conflicting or refused entry again, on the dossier as it is now. */
static int outbox_retry_cmd(struct batch *b, int64_t id)
{
	struct sync_state st = { .b = b };
	struct ob_entry en;
	char version[128];
	struct err e;
	int rc = outbox_get(b->conn.store, id, &en, &e);

	if (rc <= 0 || en.state < OB_CONFLICT) {
		if (rc == 1)
			ob_entry_free(&en);
		report_printf(stderr, _("motcua: the outbox has no conflicting or refused entry #%lld\n"), (long long)id);
		return rc < 0 ? EXIT_FAIL : EXIT_NOTFOUND;
	}
	api_get(b->conn.api, en.code, HTTP_INTERACTIVE, on_retry_get, &st);
	batch_wait(b);
	if (st.r.fail != API_OK) {
		ob_entry_free(&en);
		batch_failed(b, &st.r);
		return b->rc;
	}
	rc = outbox_retry(b->conn.store, id, store_version(b->conn.store, en.code, version, sizeof version) ? version : NULL,
			  date_now(), &e);
	ob_entry_free(&en);
	if (rc < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	return send_outbox(b, &st);
}

/* Take over what waits in this clerk's other stores of this server, then
 * send the outbox. */
static int outbox_adopt_cmd(struct batch *b, struct sync_state *st)
{
	struct err e;
	int moved = conn_adopt(&b->conn, date_now(), &e), rc;

	if (moved < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	report_printf(stdout, P_("took over %d action from another local store\n",
				 "took over %d actions from other local stores\n", (unsigned long)moved), moved);
	rc = send_outbox(b, st);
	report_printf(stdout, _("%d actions delivered, %d in the outbox\n"), st->delivered,
		      outbox_pending(b->conn.store));
	return rc;
}

int batch_cmd_outbox(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'A' }, { "yes", no_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 },
	};
	struct sync_state st = { .b = b };
	bool all = false, yes = false;
	const char *sub;
	int64_t id;
	int ch;
	char *val;

	b->fmt = FMT_TSV;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		switch (ch) {
		case 'A': all = true; break;
		case 'y': yes = true; break;
		case 'f':
			if (batch_format(val, &b->fmt, false) < 0)
				return batch_usage(_("outbox: --format is tsv or json, not '%s'"), val);
			break;
		default:
			return batch_usage(_("outbox: unknown option or missing value: %s"), argv[optind - 1]);
		}
	}
	sub = optind < argc ? argv[optind] : "list";
	if (!batch_store(b))
		return batch_no_store(b);
	if (!strcmp(sub, "list") && argc - optind <= 1)
		return outbox_list_cmd(b, all);
	if (!strcmp(sub, "send") && argc - optind == 1)
		return send_outbox(b, &st);
	if (!strcmp(sub, "retry") && argc - optind == 2)
		return entry_id(argv[optind + 1], &id) < 0 ? EXIT_USAGE : outbox_retry_cmd(b, id);
	if (!strcmp(sub, "discard") && argc - optind == 2)
		return entry_id(argv[optind + 1], &id) < 0 ? EXIT_USAGE : outbox_discard_cmd(b, id, yes);
	if (!strcmp(sub, "adopt") && argc - optind == 1)
		return outbox_adopt_cmd(b, &st);
	return batch_usage("%s", _("outbox: list [--all], send, retry ID, discard ID [--yes] or adopt"));
}
