/* The intake engine against the real sandbox, through both shipped
 * profiles: a procedure read whole (components with their national
 * source, form fields with types and options, a joint procedure's parts),
 * an intake that creates a dossier with the due date of the working-day
 * calendar and the cut-off, and an intake through the outbox: queued while
 * the server cannot be reached, delivered later, created once however
 * often it is sent with its key. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/dates.h"
#include "app/session.h"
#include "check_main.h"
#include "core/calendar.h"
#include "core/xalloc.h"
#include "diskfull.h"
#include "fixture.h"
#include "sbx_harness.h"
#include "store/outbox_send.h"
#include "store/store.h"

static struct sbxh H;
static struct loop L;
static struct http *HT;
static struct profile *P;
static struct api *A;
static const char *dialect;	/* set by each test case's set-up */

struct got {
	bool done;
	struct api_result r;
	struct dossier *d;
	struct procedure *p;
};

static void stop(struct got *g, const struct api_result *r)
{
	g->done = true;
	g->r = *r;
	loop_stop(&L);
}

static void on_done(void *arg, const struct api_result *r)
{
	stop(arg, r);
}

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	((struct got *)arg)->d = d;
	stop(arg, r);
}

static void on_procedure(void *arg, struct procedure *p, const struct api_result *r)
{
	((struct got *)arg)->p = p;
	stop(arg, r);
}

/* Run the loop until g is done; every call ends (the transport has its
 * own deadlines), so this cannot hang. */
static void wait_for(struct got *g)
{
	struct err e;

	while (!g->done)
		ck_assert_msg(loop_run(&L, &e) == 0, "%s", e.msg);
	L.stop = false;
}

static struct api *new_api(const char *url)
{
	return api_new(&L, HT, P, url, FX_RECEPTION, "pw-" FX_RECEPTION);
}

static void setup(const char *which)
{
	char err[512], path[4096];
	const char *args[] = { "--clock", FX_CLOCK, "--freeze-clock", "--dialect", which, NULL };
	struct http_opts ho;
	struct err e;
	struct got g = { 0 };

	dialect = which;
	ck_assert_int_eq(sbxh_init(&H), 0);
	ck_assert_msg(fx_create(H.db, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(sbxh_start(&H, args), 0);
	ck_assert_int_eq(loop_init(&L, &e), 0);
	http_opts_init(&ho);
	ho.max_attempts = 1;	/* a closed port fails at once */
	ck_assert(HT = http_new(&L, &ho, &e));
	snprintf(path, sizeof path, "%s/client/api/profiles/sandbox-%s.json", getenv("srcdir") ? getenv("srcdir") : ".",
		 which);
	P = profile_load(path, &e);
	ck_assert_msg(P != NULL, "%s", e.msg);
	A = new_api(H.url);
	api_login(A, on_done, &g);
	wait_for(&g);
	ck_assert_msg(g.r.fail == API_OK, "login: %s", g.r.e.msg);
}

static void setup_ref(void)
{
	setup("reference");
}

static void setup_portal(void)
{
	setup("portal");
}

static void teardown(void)
{
	api_free(A);
	http_free(HT);
	loop_free(&L);
	profile_free(P);
	ck_assert_int_eq(sbxh_stop(&H), 0);
	sbxh_cleanup(&H);
}

static int64_t at(const char *vn_time)
{
	struct datefmt f;
	int64_t t;
	struct err e;

	ck_assert_int_eq(datefmt_parse(&f, "iso8601", 7 * 3600, &e), 0);
	ck_assert_msg(date_from_text(&f, vn_time, &t, &e) == 0, "%s", e.msg);
	return t;
}

static void set_clock(const char *iso)
{
	char body[128];
	struct sbxh_reply r;

	snprintf(body, sizeof body, "{\"now\":\"%s\",\"frozen\":true}", iso);
	ck_assert_int_eq(sbxh_post(&H, NULL, "/_sandbox/clock", body, &r), 0);
	ck_assert_int_eq(r.status, 200);
	sbxh_reply_free(&r);
}

/* A birth registration at the desk, as the intake form fills it. */
static void birth(struct intake *in, const char *child)
{
	static struct intake_component comps[] = { { 3, true, true }, { 4, true, false } };

	memset(in, 0, sizeof *in);
	in->procedure_code = FX_PROC_BIRTH;
	in->channel = CH_DIRECT;
	in->applicant_name = "Nguyễn Văn An";
	in->applicant_id = FX_CITIZEN;
	in->applicant_phone = "0912 345 678";
	in->proxy_name = "Trần Thị Bình";
	in->proxy_id = FX_CITIZEN2;
	record_set(&in->form, "applicant.id_number", FX_CITIZEN);
	record_set(&in->form, "applicant.full_name", "Nguyễn Văn An");
	record_set(&in->form, "child.full_name", child);
	record_set(&in->form, "child.birth_date", "01/10/2025");
	record_set(&in->form, "child.sex", "Nam");
	record_set(&in->national, "applicant.full_name", "citizen");
	in->components = comps;
	in->ncomponents = 2;
	in->copies = 2;
	in->note = "hồ sơ giấy đủ";
	in->lookup_purpose = "intake 1.001193 (test)";
}

/* Frees only what birth() allocated (the strings are literals). */
static void birth_free(struct intake *in)
{
	record_free(&in->form);
	record_free(&in->national);
}

START_TEST(procedure_whole)
{
	struct got g = { 0 };
	struct procedure *p;
	const struct proc_field *sex = NULL;

	api_procedure(A, FX_PROC_BIRTH, HTTP_INTERACTIVE, on_procedure, &g);
	wait_for(&g);
	ck_assert_msg(g.r.fail == API_OK, "%s: %s", dialect, g.r.e.msg);
	p = g.p;
	ck_assert_str_eq(p->code, FX_PROC_BIRTH);
	ck_assert_str_eq(p->field, "Hộ tịch");
	ck_assert_int_eq(p->minutes, 1440);
	ck_assert_int_eq(p->cutoff, -1);
	ck_assert_str_eq(p->fee_note, "Miễn lệ phí");
	ck_assert_int_eq(p->ncomponents, 4);
	ck_assert_int_eq(p->components[2].seq, 3);
	ck_assert_str_eq(p->components[2].national_source, "population");
	ck_assert(p->components[2].required);
	ck_assert_ptr_null(p->components[0].national_source);
	ck_assert(!p->components[3].required);
	ck_assert_int_eq(p->nfields, 7);
	ck_assert_str_eq(p->fields[0].key, "applicant.id_number");
	ck_assert_str_eq(p->fields[0].type, "id_number");
	ck_assert_str_eq(p->fields[0].lookup, "citizen");
	ck_assert_str_eq(p->fields[1].fill_from, "citizen:full_name");
	for (int i = 0; i < p->nfields; i++)
		if (!strcmp(p->fields[i].key, "child.sex"))
			sex = &p->fields[i];
	ck_assert_ptr_nonnull(sex);
	ck_assert_str_eq(sex->type, "select");
	ck_assert_int_eq(sex->noptions, 2);
	ck_assert_str_eq(sex->options[1], "Nữ");
	ck_assert_int_eq(p->nparts, 0);
	procedure_free(p);
	free(p);

	memset(&g, 0, sizeof g);
	api_procedure(A, FX_PROC_JOINT, HTTP_INTERACTIVE, on_procedure, &g);
	wait_for(&g);
	ck_assert_msg(g.r.fail == API_OK, "%s", g.r.e.msg);
	ck_assert(g.p->joint);
	ck_assert_int_eq(g.p->cutoff, 900);
	ck_assert_int_eq(g.p->nparts, 1);
	ck_assert_str_eq(g.p->parts[0].code, FX_PROC_BIRTH);
	ck_assert_str_eq(g.p->parts[0].name, "Đăng ký khai sinh");
	procedure_free(g.p);
	free(g.p);

	memset(&g, 0, sizeof g);
	api_procedure(A, "9.999999", HTTP_INTERACTIVE, on_procedure, &g);
	wait_for(&g);
	ck_assert_int_eq(g.r.fail, API_E_NOTFOUND);
	ck_assert_ptr_null(g.p);
}
END_TEST

START_TEST(intake_due_dates)
{
	struct got g = { 0 };
	struct intake in;
	struct dossier *d;

	/* three working days from Wednesday 09:00: Monday 09:00 */
	birth(&in, "Nguyễn Minh Khôi");
	api_intake(A, &in, NULL, on_dossier, &g);
	wait_for(&g);
	birth_free(&in);
	ck_assert_msg(g.r.fail == API_OK, "%s: %s", dialect, g.r.e.msg);
	d = g.d;
	ck_assert_msg(!strncmp(d->code, "FX1-251015-", 11), "%s", d->code);
	ck_assert_int_eq(d->status, ST_ACCEPTED);
	ck_assert_int_eq(d->channel, CH_DIRECT);
	ck_assert_int_eq(d->received_at, at("2025-10-15T09:00:00+07:00"));
	ck_assert_int_eq(d->due_at, at("2025-10-20T09:00:00+07:00"));
	ck_assert_str_eq(d->applicant_name, "Nguyễn Văn An");
	ck_assert_str_eq(d->applicant_phone, "0912345678");
	ck_assert_str_eq(d->proxy_name, "Trần Thị Bình");
	ck_assert_str_eq(d->proxy_id, FX_CITIZEN2);
	ck_assert_int_eq(d->copies, 2);
	ck_assert_str_eq(d->days_text, "03 ngày làm việc");
	ck_assert_int_eq(d->ncomponents, 4);
	ck_assert(d->components[2].from_national);
	ck_assert(!d->components[1].from_national);
	dossier_free(d);
	free(d);

	/* a copy certification after the 15:00 cut-off: the next working day */
	set_clock("2025-10-15T15:30:00+07:00");
	memset(&in, 0, sizeof in);
	in.procedure_code = FX_PROC_COPY;
	in.applicant_name = "Lê Văn C";
	record_set(&in.form, "document.name", "Bằng tốt nghiệp");
	record_set(&in.form, "document.pages", "3");
	memset(&g, 0, sizeof g);
	api_intake(A, &in, NULL, on_dossier, &g);
	wait_for(&g);
	ck_assert_msg(g.r.fail == API_OK, "%s: %s", dialect, g.r.e.msg);
	ck_assert_int_eq(g.d->due_at, at("2025-10-16T17:00:00+07:00"));
	ck_assert_int_eq(g.d->fee, 2000);
	ck_assert_int_eq(g.d->copies, 1);
	dossier_free(g.d);
	free(g.d);

	/* refused: the server's reason comes back, naming the field */
	record_set(&in.form, "document.pages", "ba");
	memset(&g, 0, sizeof g);
	api_intake(A, &in, NULL, on_dossier, &g);
	wait_for(&g);
	record_free(&in.form);
	ck_assert_int_eq(g.r.fail, API_E_REFUSED);
	ck_assert_msg(strstr(g.r.e.msg, "document.pages"), "%s", g.r.e.msg);
	ck_assert_ptr_null(g.d);
}
END_TEST

/* ---- through the outbox ---- */

struct run {
	bool idle;
	struct api_result r;
	int delivered;
	char code[64];
};

static void ob_delivered(void *arg, const struct ob_entry *en, struct dossier *d)
{
	struct run *run = arg;

	run->delivered++;
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(en->intake);
	snprintf(run->code, sizeof run->code, "%s", d->code);
	dossier_free(d);
	free(d);
}

static void ob_idle(void *arg, const struct api_result *r)
{
	struct run *run = arg;

	run->idle = true;
	run->r = *r;
	loop_stop(&L);
}

static int64_t ob_now(void *arg)
{
	(void)arg;
	return at("2025-10-15T09:00:00+07:00");
}

static void send_all(struct api *a, struct store *s, struct run *run)
{
	struct outbox_hooks h = { .delivered = ob_delivered, .idle = ob_idle, .now = ob_now, .arg = run };
	struct outbox_sender *o = outbox_sender_new(a, s, &h);
	struct err e;

	run->idle = false;
	outbox_send(o);
	while (!run->idle)
		ck_assert_msg(loop_run(&L, &e) == 0, "%s", e.msg);
	L.stop = false;
	outbox_sender_free(o);
}

/* How many dossiers the server holds, from its health report: what an
 * intake sent twice would make two of. */
static int server_count(void)
{
	struct sbxh_reply r;
	int n;

	ck_assert_int_eq(sbxh_get(&H, NULL, "/_sandbox/health", &r), 0);
	n = (int)sbxh_num(r.json, "counts.dossiers");
	sbxh_reply_free(&r);
	return n;
}

/* Whether the audit entry of that purpose names the dossier code (with
 * code NULL: names none). */
static int audit_dossier(struct store *s, const char *purpose, const char *code)
{
	sqlite3_stmt *st;
	const unsigned char *v;
	int same;

	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), "SELECT dossier FROM audit WHERE purpose = ?", -1,
					    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, purpose, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_text(st, 0);
	same = code ? v && !strcmp((const char *)v, code) : v != NULL;
	sqlite3_finalize(st);
	return same;
}

START_TEST(intake_outbox_once)
{
	char dir[512], path[600], code[64];
	struct store *s;
	struct intake in;
	struct ob_entry en, got;
	struct run run = { 0 };
	struct api *offline;
	struct err e;
	struct dossier d;
	bool whole;
	int before = server_count();

	snprintf(dir, sizeof dir, "%s", H.dir);
	snprintf(path, sizeof path, "%s/client-%s.db", dir, dialect);
	ck_assert_msg((s = store_open(path, &e)) != NULL, "%s", e.msg);
	/* lookups made while the form was filled, before there was a code;
	 * and one for another intake */
	ck_assert_int_eq(store_audit_add(s, &(struct audit_entry){ 1, FX_RECEPTION, "citizen", FX_CITIZEN,
				NULL, "intake 1.001193 (test)", "found" }, &e), 0);
	ck_assert_int_eq(store_audit_add(s, &(struct audit_entry){ 2, FX_RECEPTION, "citizen", FX_CITIZEN2,
				NULL, "intake 1.001193 (other)", "found" }, &e), 0);
	birth(&in, "Phạm Gia Huy");
	ck_assert_msg(outbox_add_intake(s, &in, ob_now(NULL), &en, &e) == 0, "%s", e.msg);
	birth_free(&in);
	ck_assert_str_eq(en.code, "");
	ck_assert_ptr_nonnull(en.intake);
	ck_assert_int_eq(outbox_pending(s), 1);

	/* the server cannot be reached: it stays queued, with its key */
	offline = api_new(&L, HT, P, "http://127.0.0.1:1", FX_RECEPTION, "pw-" FX_RECEPTION);
	send_all(offline, s, &run);
	api_free(offline);
	ck_assert_int_eq(run.r.fail, API_E_NETWORK);
	ck_assert_int_eq(run.delivered, 0);
	ck_assert_int_eq(outbox_get(s, en.id, &got, &e), 1);
	ck_assert_int_eq(got.state, OB_QUEUED);
	ck_assert_int_eq(got.attempts, 1);
	ck_assert_str_eq(got.key, en.key);
	ob_entry_free(&got);
	ck_assert_int_eq(server_count(), before);

	/* back online: delivered, the entry knows the dossier, the store has it */
	send_all(A, s, &run);
	ck_assert_msg(run.r.fail == API_OK, "%s", run.r.e.msg);
	ck_assert_int_eq(run.delivered, 1);
	snprintf(code, sizeof code, "%s", run.code);
	ck_assert_int_eq(outbox_get(s, en.id, &got, &e), 1);
	ck_assert_int_eq(got.state, OB_DONE);
	ck_assert_str_eq(got.code, code);
	ob_entry_free(&got);
	ck_assert_int_eq(outbox_pending(s), 0);
	ck_assert_int_eq(store_get_dossier(s, code, &d, &whole, &e), 1);
	ck_assert_int_eq(d.due_at, at("2025-10-20T09:00:00+07:00"));
	ck_assert_int_eq(d.ncomponents, 4);
	dossier_free(&d);
	ck_assert_int_eq(server_count(), before + 1);
	/* the intake's lookups name the dossier now; the other's do not */
	ck_assert_int_eq(audit_dossier(s, "intake 1.001193 (test)", code), 1);
	ck_assert_int_eq(audit_dossier(s, "intake 1.001193 (other)", NULL), 0);

	/* killed after the server did it, before the store knew: sent again
	 * with the same key, the server answers with the same dossier */
	ck_assert_int_eq(outbox_set_state(s, en.id, OB_QUEUED, NULL, ob_now(NULL), &e), 0);
	run.delivered = 0;
	send_all(A, s, &run);
	ck_assert_msg(run.r.fail == API_OK, "%s", run.r.e.msg);
	ck_assert_int_eq(run.delivered, 1);
	ck_assert_str_eq(run.code, code);
	ck_assert_int_eq(server_count(), before + 1);
	ob_entry_free(&en);
	store_close(s);
}
END_TEST

/* ---- through the session, as the screens use it ---- */

static struct app app;
static bool logged_in;

static void on_logged_in(struct app *a, const struct api_result *r)
{
	(void)a;
	ck_assert_msg(r->fail == API_OK, "login: %s", r->e.msg);
	logged_in = true;
}

/* An app with a session of the test's dialect on the sandbox, logged in,
 * its first sync done. */
static void open_session(void)
{
	char path[4096];
	struct cli cli = { .profile = path, .server = H.url, .user = FX_RECEPTION };
	struct err e;

	snprintf(path, sizeof path, "%s/client/api/profiles/sandbox-%s.json",
		 getenv("srcdir") ? getenv("srcdir") : ".", dialect);
	setenv("XDG_DATA_HOME", H.dir, 1);
	ck_assert_int_eq(app_init(&app, &e), 0);
	ck_assert_msg(session_open(&app, &cli, "pw-" FX_RECEPTION, &e) == 0, "%s", e.msg);
	logged_in = false;
	session_on_login(&app, on_logged_in);
	/* the login, then the sync it starts; every call ends (the
	 * transport's deadlines), so these loops cannot hang */
	while (!logged_in)
		ck_assert_msg(loop_once(&app.loop, 1000, &e) == 0, "%s", e.msg);
	while (app.loading)
		ck_assert_msg(loop_once(&app.loop, 1000, &e) == 0, "%s", e.msg);
	ck_assert(app.data_time);
}

/* Run the app's loop until a callback stops it. */
static void run_app(void)
{
	struct err e;

	app.loop.stop = false;
	ck_assert_msg(loop_run(&app.loop, &e) == 0, "%s", e.msg);
	app.loop.stop = false;
}

static void close_session(void)
{
	session_close(&app);
	app_free(&app);
}

/* What the watcher of an intake heard, the last time and how often. */
struct heard {
	int told;
	enum ob_state st;
	char code[64];
	int64_t due;		/* of the dossier in the inbox when told */
};

static void heard(struct app *a, int64_t id, enum ob_state st, const char *code, void *arg)
{
	struct heard *h = arg;
	const struct dossier *d = app_find_dossier(a, code);

	(void)id;
	h->told++;
	h->st = st;
	snprintf(h->code, sizeof h->code, "%s", code);
	h->due = d ? d->due_at : 0;
	loop_stop(&a->loop);
}

/* The intake screen hears of its intake when the session does: once when
 * delivered, the dossier then in the inbox; not after it stopped
 * listening, not after the session closed. No timer, no polling. */
START_TEST(session_tells_the_intake_once)
{
	struct heard h = { 0 }, forgotten = { 0 }, closed = { 0 };
	struct intake in;
	enum ob_state st;
	int64_t id, id2;
	struct err e;

	open_session();
	birth(&in, "Phạm Gia Huy");
	ck_assert_msg(session_intake(&app, &in, &id, &st, heard, &h, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(st, OB_SENDING);	/* it went at once */
	ck_assert_int_eq(h.told, 0);		/* not from within the call */
	run_app();
	ck_assert_int_eq(h.told, 1);
	ck_assert_int_eq(h.st, OB_DONE);
	ck_assert_msg(!strncmp(h.code, "FX1-251015-", 11), "%s", h.code);
	ck_assert_int_eq(h.due, at("2025-10-20T09:00:00+07:00"));
	/* a refresh sends the outbox and syncs: nothing more to tell */
	session_refresh(&app);
	while (app.loading)
		ck_assert_msg(loop_once(&app.loop, 1000, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(h.told, 1);

	/* its screen closed: delivered all the same, not told */
	ck_assert_int_eq(session_intake(&app, &in, &id2, &st, heard, &forgotten, &e), 0);
	session_intake_forget(&app, id2);
	while (app.queued)
		ck_assert_msg(loop_once(&app.loop, 1000, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(forgotten.told, 0);

	/* the session closes while it is being sent: never told */
	ck_assert_int_eq(session_intake(&app, &in, &id2, &st, heard, &closed, &e), 0);
	ck_assert_int_eq(st, OB_SENDING);
	close_session();
	ck_assert_int_eq(closed.told, 0);
	birth_free(&in);
	ck_assert_int_eq(h.told, 1);
}
END_TEST

/* The link goes while the intake is being sent: the watcher hears that
 * it is queued again (the sender says nothing about the entry it was
 * sending; the session looks). */
START_TEST(session_tells_an_intake_queued_again)
{
	const char *args[] = { "--clock", FX_CLOCK, "--freeze-clock", "--dialect", dialect, NULL };
	struct heard h = { 0 };
	struct intake in;
	enum ob_state st;
	int64_t id;
	struct err e;

	open_session();
	ck_assert_int_eq(sbxh_stop(&H), 0);
	birth(&in, "Phạm Gia Huy");
	ck_assert_msg(session_intake(&app, &in, &id, &st, heard, &h, &e) == 0, "%s", e.msg);
	birth_free(&in);
	ck_assert_int_eq(st, OB_SENDING);
	run_app();
	ck_assert_int_eq(h.told, 1);
	ck_assert_int_eq(h.st, OB_QUEUED);
	ck_assert_str_eq(h.code, "");
	ck_assert_int_eq(app.queued, 1);
	close_session();
	ck_assert_int_eq(sbxh_start(&H, args), 0);	/* for the teardown */
}
END_TEST

/* The disk fills up after the server created the intake's dossier and
 * before the store recorded it: the clerk is told in a notice, the intake
 * is still on its way (not lost, not failed), and once there is room the
 * session sends it again by itself with the same key: the server answers
 * with the dossier it made, the watcher hears "delivered" once, the
 * server holds one dossier, the notice goes. */
START_TEST(session_full_disk_resolves_the_intake_by_its_key)
{
	struct heard h = { 0 };
	struct intake in;
	struct ob_entry en;
	enum ob_state st;
	int64_t id;
	struct err e;
	int before;

	open_session();
	before = server_count();
	birth(&in, "Phạm Gia Huy");
	ck_assert_msg(session_intake(&app, &in, &id, &st, heard, &h, &e) == 0, "%s", e.msg);
	birth_free(&in);
	ck_assert_int_eq(st, OB_SENDING);
	/* full before the reply: recording it delivered cannot be written */
	diskfull_on(store_db(app.store), "BEFORE UPDATE OF state ON outbox WHEN NEW.state = 2");
	for (int i = 0; i < 100 && !app.notice[0]; i++)
		ck_assert_msg(loop_once(&app.loop, 200, &e) == 0, "%s", e.msg);
	ck_assert_msg(strstr(app.notice, "DISK FULL"), "notice: '%s'", app.notice);
	ck_assert_int_eq(server_count(), before + 1);	/* the server did it */
	ck_assert_int_eq(h.told, 0);			/* still being sent */
	ck_assert_int_eq(outbox_get(app.store, id, &en, &e), 1);
	ck_assert_int_eq(en.state, OB_SENDING);
	ob_entry_free(&en);

	/* space is back: no key pressed, the session tries again */
	diskfull_off(store_db(app.store));
	run_app();
	ck_assert_int_eq(h.told, 1);
	ck_assert_int_eq(h.st, OB_DONE);
	ck_assert_msg(!strncmp(h.code, "FX1-251015-", 11), "%s", h.code);
	ck_assert_int_eq(server_count(), before + 1);	/* once, by its key */
	ck_assert_str_eq(app.notice, "");
	ck_assert_int_eq(app.queued, 0);
	close_session();
}
END_TEST

struct looked {
	bool done;
	struct api_result r;
	struct record *rec;
};

static void looked_up(void *arg, struct record *rec, const struct api_result *r)
{
	struct looked *l = arg;

	l->done = true;
	l->r = *r;
	l->rec = rec;
	loop_stop(&app.loop);
}

/* The audit rows of the session's store for that purpose: "reg subject
 * outcome" lines, in order. */
static void audited(const char *purpose, char *out, size_t len)
{
	char path[4096];
	struct store *s;
	sqlite3_stmt *st;
	struct err e;

	ck_assert_int_eq(store_path(H.url, NULL, FX_RECEPTION, path, sizeof path, &e), 0);
	ck_assert_msg((s = store_open(path, &e)) != NULL, "%s", e.msg);
	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), "SELECT register, subject, outcome FROM audit "
					    "WHERE purpose = ? ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, purpose, -1, SQLITE_STATIC);
	out[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out + strlen(out), len - strlen(out), "%s %s %s\n", sqlite3_column_text(st, 0),
			 sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	store_close(s);
}

/* Auto-fill's registers as the session supplies them: by the register's
 * name, straight to the API, each lookup audited before it is shown. */
START_TEST(session_lookups_by_register_name_are_audited)
{
	const char *purpose = "intake 1.001193 (0123456789ab)";
	struct af_backend be;
	struct looked l = { 0 };
	char rows[512];

	open_session();
	be = session_autofill_backend(&app);
	ck_assert_uint_ne(be.lookup(be.arg, "citizen", FX_CITIZEN, purpose, looked_up, &l), 0);
	run_app();
	ck_assert_msg(l.r.fail == API_OK, "%s", l.r.e.msg);
	ck_assert_str_eq(record_get(l.rec, "full_name"), "Nguyễn Văn An");
	record_free(l.rec);
	free(l.rec);
	memset(&l, 0, sizeof l);
	ck_assert_uint_ne(be.lookup(be.arg, "enterprise", FX_ENTERPRISE, purpose, looked_up, &l), 0);
	run_app();
	ck_assert_msg(l.r.fail == API_OK, "%s", l.r.e.msg);
	record_free(l.rec);
	free(l.rec);
	memset(&l, 0, sizeof l);
	ck_assert_uint_ne(be.lookup(be.arg, "land", "123", purpose, looked_up, &l), 0);
	ck_assert(!l.done);	/* from the loop, as every answer */
	run_app();
	ck_assert_int_eq(l.r.fail, API_E_UNSUPPORTED);
	ck_assert_ptr_null(l.rec);
	audited(purpose, rows, sizeof rows);
	ck_assert_str_eq(rows, "citizen " FX_CITIZEN " found\nenterprise " FX_ENTERPRISE " found\nland 123 failed\n");
	close_session();
}
END_TEST

static Suite *intake_suite(void)
{
	Suite *s = suite_create("intake");
	TCase *ref = tcase_create("reference"), *portal = tcase_create("portal");
	TCase *both[] = { ref, portal };

	tcase_add_checked_fixture(ref, setup_ref, teardown);
	tcase_add_checked_fixture(portal, setup_portal, teardown);
	for (int i = 0; i < 2; i++) {
		tcase_set_timeout(both[i], 120);
		tcase_add_test(both[i], procedure_whole);
		tcase_add_test(both[i], intake_due_dates);
		tcase_add_test(both[i], intake_outbox_once);
		tcase_add_test(both[i], session_tells_the_intake_once);
		tcase_add_test(both[i], session_tells_an_intake_queued_again);
		tcase_add_test(both[i], session_full_disk_resolves_the_intake_by_its_key);
		tcase_add_test(both[i], session_lookups_by_register_name_are_audited);
		suite_add_tcase(s, both[i]);
	}
	return s;
}

CHECK_MAIN(intake_suite)
