#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "app/cli.h"
#include "app/session.h"
#include "check_main.h"
#include "diskfull.h"
#include "core/calendar.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "store/outbox.h"
#include "store/store.h"
#include "vscreen.h"

/* The dossier's actions: the line of what can be done, each action's form,
 * the y/n before what cannot be undone, and what becomes of the action
 * (queued in a real outbox, conflict, refused). A session is opened on a
 * server that never answers (the loop does not run here), so submitting
 * queues the action in a real local store, as the client would. */

static struct vscreen vs;
static char dir[] = "/tmp/motcua-screen-act.XXXXXX";

#define ck_shows(text) \
	ck_assert_msg(strstr(vscreen_dump(&vs), (text)), "the screen lacks \"%s\":\n%s", (text), vscreen_dump(&vs))
#define ck_lacks(text) \
	ck_assert_msg(!strstr(vscreen_dump(&vs), (text)), "the screen has \"%s\":\n%s", (text), vscreen_dump(&vs))

static void keys(const char *k)
{
	vscreen_keys(&vs, &k, 1);
}

/* Type text as the terminal would send it, one character at a time. */
static void type(const char *s)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;

	memset(&st, 0, sizeof st);
	while (*s && (n = mbrtowc(&wc, s, strlen(s), &st)) > 0 && n < (size_t)-2) {
		ui_key(&vs.app, (km_key)wc);
		s += n;
	}
	vscreen_draw(&vs);
}

/* Monday 24 November 2025, 09:00 in Vietnam. */
#define NOW 2025, 11, 24, 9, 0, 0
#define CODE "000.01.01.H26-251120-0001"

static struct dossier mk(const char *code, int status, unsigned allowed)
{
	struct dossier d = { .code = xstrdup(code), .applicant_name = xstrdup("Nguyễn Thị Hồng Nhung"),
			     .status = status, .allowed = allowed, .channel = CH_DIRECT,
			     .version = xstrdup("3"), .step = xstrdup("reception") };

	d.received_at = cal_join(2025, 11, 20, 10, 0, 0);
	d.due_at = cal_join(2025, 11, 28, 10, 0, 0);
	d.ncomponents = 3;
	d.components = xcalloc(3, sizeof *d.components);
	d.components[0] = (struct component){ .seq = 1, .name = xstrdup("Tờ khai"), .copies = 1, .provided = true };
	d.components[1] = (struct component){ .seq = 2, .name = xstrdup("Giấy tờ cư trú"), .copies = 1,
					      .from_national = true };
	d.components[2] = (struct component){ .seq = 3, .name = xstrdup("Giấy xác nhận hôn nhân"), .copies = 2 };
	d.nlog = 1;
	d.log = xcalloc(1, sizeof *d.log);
	d.log[0] = (struct log_entry){ .at = d.received_at, .action = xstrdup("submit") };
	return d;
}

static struct dossier colleague(const char *code, const char *name, const char *login)
{
	struct dossier d = mk(code, ST_PROCESSING, 0);

	d.assignee = xstrdup(name);
	d.assignee_login = xstrdup(login);
	d.due_at = cal_join(2025, 12, 20, 10, 0, 0);
	return d;
}

static void inbox(struct dossier *v, size_t n)
{
	struct dossier *d = xcalloc(n, sizeof *d);

	memcpy(d, v, n * sizeof *d);
	vs.app.clock_offset = cal_join(NOW) - (int64_t)time(NULL);
	app_set_dossiers(&vs.app, d, n);
	vscreen_draw(&vs);
}

/* An app with a session whose server never answers: actions stay queued.
 * The clerk logged in there before: the store exists (none is made
 * before a login). */
static void open_with_session(void)
{
	struct cli cli = { .profile = "sandbox-reference", .server = "http://127.0.0.1:9", .user = "tiepnhan1" };
	char path[4096];
	struct store *st;
	struct err e;

	vscreen_open(&vs, "vt100", 40, 100);
	ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/motcua-screen-act.XXXXXX")));
	setenv("XDG_DATA_HOME", dir, 1);
	ck_assert_msg(store_settle(cli.server, NULL, cli.user, path, sizeof path, &e) == 0, "%s", e.msg);
	ck_assert_msg((st = store_open(path, &e)) != NULL, "%s", e.msg);
	store_close(st);
	ck_assert_msg(session_open(&vs.app, &cli, "x", &e) == 0, "%s", e.msg);
}

static void close_all(void)
{
	char cmd[128];

	if (vs.app.session)
		session_close(&vs.app);
	vscreen_close(&vs);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void open_first(void)
{
	keys("#");
	type("0001");
	keys("<Enter>");
	keys("<Enter>");
	ck_assert_ptr_eq(vs.app.ui->screen, &screen_dossier);
	ck_shows(CODE);
}

START_TEST(the_view_lists_what_can_be_done_and_refuses_the_rest)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT | 1u << ACT_REFUSE | 1u << ACT_REQUEST_SUPPLEMENT);

	vscreen_open(&vs, "vt100", 40, 100);
	inbox(&d, 1);
	open_first();
	ck_assert_str_eq(vscreen_row(&vs, 2), "You can: a Accept  x Refuse  s Request supplement");
	keys("A");
	ck_shows("Assign: not allowed, the dossier is Not yet accepted. Allowed now: Accept, Refuse, Request");
	ck_shows("Dossier " CODE);	/* no form opened */
	keys("D");
	ck_shows("Apologise and reschedule: not allowed");
	vscreen_close(&vs);
}
END_TEST

START_TEST(refuse_needs_a_reason_and_asks_first)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT | 1u << ACT_REFUSE);
	int y, x;

	open_with_session();
	inbox(&d, 1);
	open_first();
	keys("x");
	ck_shows("Refuse \u2014 dossier " CODE);
	ck_shows("\u25b6 Reason (required)");
	keys("<Enter>");
	ck_shows("Give the reason: it goes to the applicant.");
	type("Không thuộc thẩm quyền; q không thoát");	/* q is typed, not quit */
	ck_assert(!vs.app.quit);
	ck_lacks("Give the reason");
	keys("<Tab>");
	ck_shows("\u25b6 Note");
	type("gọi điện báo");
	keys("<Enter>");
	ck_shows("Refuse dossier " CODE " (Nguyễn Thị Hồng Nhung)? It cannot be undone.  y / n");
	ck_assert_uint_eq(vs.app.noutbox, 0);
	keys("n");
	ck_lacks("It cannot be undone");
	ck_shows("Refuse \u2014 dossier");
	keys("<Enter>");
	keys("y");
	/* queued in the store's outbox, with what the clerk saw */
	ck_assert_uint_eq(vs.app.noutbox, 1);
	ck_assert_int_eq(vs.app.outbox[0].act, ACT_REFUSE);
	ck_assert_int_eq(vs.app.outbox[0].state, OB_QUEUED);
	ck_assert_str_eq(vs.app.outbox[0].reason, "Không thuộc thẩm quyền; q không thoát");
	ck_assert_str_eq(vs.app.outbox[0].note, "gọi điện báo");
	ck_assert_str_eq(vs.app.outbox[0].version, "3");
	ck_assert(vs.app.outbox[0].seen.known);
	ck_assert_int_eq(vs.app.outbox[0].seen.status, ST_NEW);
	/* back on the dossier: pending, by a glyph and an attribute */
	ck_shows("Dossier " CODE);
	ck_assert(vscreen_find(&vs, "\u21e1 Your Refuse is queued in the outbox", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_shows("1 queued");
	/* no second action while the first is not confirmed */
	keys("a");
	ck_shows("Not now: your Refuse is not confirmed by the server yet");
	keys("q");
	ck_assert(vscreen_find(&vs, "\u21e1 Not yet", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	close_all();
}
END_TEST

START_TEST(supplement_lists_the_components_and_typed_papers)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_REQUEST_SUPPLEMENT);

	open_with_session();
	inbox(&d, 1);
	open_first();
	keys("s");
	ck_shows("\u25b6 Missing components (Space ticks)");
	/* the paper not provided is ticked; national data is never asked for */
	ck_shows("[ ] Tờ khai");
	ck_shows("[x] Giấy xác nhận hôn nhân");
	ck_lacks("Giấy tờ cư trú");
	keys("<Space>");
	ck_shows("[x] Tờ khai");
	keys("<Down>");
	keys("<Space>");
	ck_shows("[ ] Giấy xác nhận hôn nhân");
	keys("<Enter>");
	ck_assert_uint_eq(vs.app.noutbox, 1);	/* one ticked is enough */
	ck_assert_int_eq(vs.app.outbox[0].nmissing, 1);
	ck_assert_int_eq(vs.app.outbox[0].missing[0], 1);
	ck_assert_ptr_null(vs.app.outbox[0].note);
	close_all();
}
END_TEST

START_TEST(supplement_needs_something_missing)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_REQUEST_SUPPLEMENT);

	open_with_session();
	inbox(&d, 1);
	open_first();
	keys("s");
	keys("<Down>");
	keys("<Space>");	/* untick the only ticked one */
	keys("<Enter>");
	ck_shows("Say what is missing: tick a component or type the papers.");
	ck_assert_uint_eq(vs.app.noutbox, 0);
	keys("<Tab>");
	ck_shows("\u25b6 Other missing papers");
	type("Bản sao sổ hộ khẩu");
	keys("<Enter>");
	ck_assert_uint_eq(vs.app.noutbox, 1);
	ck_assert_int_eq(vs.app.outbox[0].nmissing, 0);
	ck_assert_str_eq(vs.app.outbox[0].note, "Also missing: Bản sao sổ hộ khẩu.");
	close_all();
}
END_TEST

START_TEST(assign_picks_a_colleague_by_typing)
{
	struct dossier d[3] = {
		mk(CODE, ST_ACCEPTED, 1u << ACT_ASSIGN),
		colleague("000.01.01.H26-251101-0002", "Lê Thị Hồng Nhung", "chuyenvien1"),
		colleague("000.01.01.H26-251101-0003", "Phạm Quang Huy", "chuyenvien2"),
	};

	open_with_session();
	inbox(d, 3);
	open_first();
	keys("A");
	ck_shows("\u25b6 Assign to (type to narrow) (required)");
	ck_shows("\u203a Lê Thị Hồng Nhung (chuyenvien1)");
	ck_shows("  Phạm Quang Huy (chuyenvien2)");
	type("huy");	/* without diacritics */
	ck_lacks("Nhung (chuyenvien1)");
	ck_shows("\u203a Phạm Quang Huy (chuyenvien2)");
	type("x");
	ck_shows("no one of that name: the text is sent as typed");
	keys("<Backspace>");
	keys("<Enter>");
	ck_assert_uint_eq(vs.app.noutbox, 1);
	ck_assert_str_eq(vs.app.outbox[0].assignee, "chuyenvien2");
	close_all();
}
END_TEST

START_TEST(apology_proposes_the_one_new_date)
{
	struct dossier d = mk(CODE, ST_PROCESSING, 1u << ACT_RESCHEDULE);

	open_with_session();
	inbox(&d, 1);
	open_first();
	keys("D");
	/* received Thu 20/11 10:00, due Fri 28/11 10:00: six working days;
	 * six more from the due date is Mon 8/12 10:00 */
	ck_shows("\u25b6 New due date (required)  dd/mm/yyyy HH:MM");
	ck_shows("08/12/2025 10:00");
	keys("<Tab>");
	type("Cần xác minh thêm");
	keys("<BackTab>");
	keys("<C-u>");
	type("27/11/2025");
	keys("<Enter>");
	ck_shows("The new date must be later than the current one, 28/11/2025 10:00.");
	keys("<C-u>");
	type("3/12/2025 15:30");
	keys("<Enter>");
	ck_shows("Apologise and reschedule dossier " CODE);
	keys("y");
	ck_assert_uint_eq(vs.app.noutbox, 1);
	ck_assert_int_eq(vs.app.outbox[0].new_due, cal_join(2025, 12, 3, 15, 30, 0));
	ck_assert_str_eq(vs.app.outbox[0].reason, "Cần xác minh thêm");
	close_all();
}
END_TEST

START_TEST(apology_is_refused_when_used_or_too_late)
{
	struct dossier d[2] = { mk(CODE, ST_PROCESSING, 1u << ACT_RESCHEDULE),
				mk("000.01.01.H26-251120-0002", ST_PROCESSING, 1u << ACT_RESCHEDULE) };

	d[0].ndue = 1;
	d[0].due_history = xcalloc(1, sizeof *d[0].due_history);
	d[0].due_history[0] = (struct due_change){ cal_join(2025, 11, 26, 10, 0, 0), d[0].due_at,
						   cal_join(2025, 11, 21, 9, 0, 0), xstrdup("apology") };
	d[1].due_at = cal_join(2025, 11, 24, 16, 0, 0);	/* due today */
	vscreen_open(&vs, "vt100", 40, 100);
	inbox(d, 2);
	open_first();
	keys("D");
	ck_shows("The appointment was already moved once with an apology");
	keys("q");
	keys("#");
	type("0002");
	keys("<Enter>");
	keys("<Enter>");
	keys("D");
	ck_shows("Too late for an apology with a new date: it had to be sent by 21/11/20");
	vscreen_close(&vs);
}
END_TEST

/* An entry as the outbox lists it after a conflict or a refusal. */
static struct ob_entry *entry(enum ob_state st, const char *error)
{
	struct ob_entry *en = xcalloc(1, sizeof *en);

	en->id = 7;
	en->created_at = cal_join(NOW) - 120;
	en->code = xstrdup(CODE);
	en->act = ACT_ACCEPT;
	en->version = xstrdup("1");
	en->state = st;
	en->error = error ? xstrdup(error) : NULL;
	en->seen = (struct ob_seen){ .known = true, .status = ST_NEW, .step = xstrdup("reception") };
	return en;
}

START_TEST(a_conflict_shows_what_changed)
{
	struct dossier d = mk(CODE, ST_ACCEPTED, 1u << ACT_ASSIGN);
	int y, x;

	vscreen_open(&vs, "vt100", 40, 100);
	free(d.step);
	d.step = xstrdup("assignment");
	d.assignee = xstrdup("Đỗ Văn Thành");
	inbox(&d, 1);
	app_set_outbox(&vs.app, entry(OB_CONFLICT, "changed"), 1);
	vscreen_draw(&vs);
	ck_assert(vscreen_find(&vs, "\u2260 " CODE, &y, &x) || vscreen_find(&vs, "\u2260 Accepted", &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_BOLD);
	open_first();
	ck_assert(vscreen_find(&vs, "\u2260 Your Accept was not done: the dossier changed on the server meanwhile.",
			       &y, &x));
	ck_assert(vscreen_attr(&vs, y, x) & A_BOLD);
	ck_assert(vscreen_attr(&vs, y, x) & A_UNDERLINE);
	ck_shows("you saw                   the server has now");
	ck_shows("  Status      New online                Accepted *");
	ck_shows("  Step        Receiving                 Assigning *");
	ck_shows("  Assignee    \u2014                         Đỗ Văn Thành *");
	ck_shows("  Due         \u2014                         28/11/2025 10:00 *");
	ck_shows("  Version     1                         3 *");
	ck_shows("r sends it again on the dossier as it is now, z discards it");
	ck_lacks("You can:");
	/* no new action before deciding on this one */
	keys("A");
	ck_shows("Not now: your Accept was not done and waits on you");
	/* discarding asks first */
	keys("z");
	ck_shows("Discard your Accept on " CODE "? Nothing of it reaches the server.  y / n");
	keys("j");	/* only the answer counts */
	ck_shows("Discard your Accept");
	keys("n");
	ck_lacks("Discard your Accept");
	keys("r");
	ck_shows("no server: nothing can be sent");
	vscreen_close(&vs);
}
END_TEST

/* The dossier left the inbox while its view is open: z still asks, and
 * the question is drawn; an answer ends it and the keys work again. */
START_TEST(discarding_on_a_dossier_gone_from_the_inbox_asks_visibly)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT);

	vscreen_open(&vs, "vt100", 40, 100);
	inbox(&d, 1);
	app_set_outbox(&vs.app, entry(OB_FAILED, "refused"), 1);
	vscreen_draw(&vs);
	open_first();
	app_set_dossiers(&vs.app, NULL, 0);	/* a refresh without it */
	vscreen_draw(&vs);
	ck_shows("This dossier is no longer in the inbox.");
	keys("z");
	ck_shows("Discard your Accept on " CODE "? Nothing of it reaches the server.  y / n");
	keys("n");
	ck_lacks("Discard your Accept");
	keys("?");
	ck_shows("Discard my action (asks)");	/* the help: keys work again */
	vscreen_close(&vs);
}
END_TEST

/* A question whose entry went meanwhile is not asked unseen: the next key
 * does what it says. */
START_TEST(a_discard_question_ends_with_its_entry)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT);

	vscreen_open(&vs, "vt100", 40, 100);
	inbox(&d, 1);
	app_set_outbox(&vs.app, entry(OB_FAILED, "refused"), 1);
	vscreen_draw(&vs);
	open_first();
	keys("z");
	ck_shows("Discard your Accept on " CODE "?");
	app_set_outbox(&vs.app, NULL, 0);	/* delivered or discarded elsewhere */
	vscreen_draw(&vs);
	ck_lacks("Discard your Accept");
	keys("?");
	ck_shows("Discard my action (asks)");
	vscreen_close(&vs);
}
END_TEST

START_TEST(a_refusal_shows_the_servers_reason)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT);

	vscreen_open(&vs, "vt100", 40, 100);
	inbox(&d, 1);
	app_set_outbox(&vs.app, entry(OB_FAILED, "dossier 000.01.01.H26-251120-0001 is in status 3 (refused)"), 1);
	vscreen_draw(&vs);
	open_first();
	ck_shows("\u2298 The server refused your Accept: dossier 000.01.01.H26-251120-0001 is in status 3");
	ck_shows("r sends it again");
	keys("O");
	ck_shows("Outbox (1)");
	ck_shows("refused");
	ck_shows("Accept");
	ck_shows("2 min");
	ck_shows("dossier 000.01.01.H26-251120-0");
	keys("<Enter>");
	ck_shows("Dossier " CODE);
	vscreen_close(&vs);
}
END_TEST

/* The outbox's list: Down and Up move through the entries, Enter opens the
 * selected one's dossier; when entries go (delivered, discarded) the
 * selection stays on those left and the page fills again. */
START_TEST(the_outbox_moves_through_its_entries_and_keeps_them_in_view)
{
	enum { N = 30, LEFT = 5 };
	struct dossier d[N];
	struct ob_entry *en = xcalloc(N, sizeof *en), *left = xcalloc(LEFT, sizeof *left);
	char code[N][32], title[64];

	vscreen_open(&vs, "vt100", 24, 80);
	for (int i = 0; i < N; i++) {
		struct ob_entry *e = entry(OB_QUEUED, NULL);

		snprintf(code[i], sizeof code[i], "000.01.01.H26-251120-%04d", i + 1);
		d[i] = mk(code[i], ST_NEW, 1u << ACT_ACCEPT);
		free(e->code);
		e->code = xstrdup(code[i]);
		e->id = i + 1;
		en[i] = *e;
		free(e);
	}
	inbox(d, N);
	app_set_outbox(&vs.app, en, N);
	keys("O");
	ck_shows("Outbox (30)");
	keys("k");		/* on the first already */
	keys("j");
	keys("j");
	keys("<Enter>");
	snprintf(title, sizeof title, "Dossier %s", code[2]);
	ck_shows(title);
	keys("q");
	ck_shows("Outbox (30)");
	for (int i = 0; i < N + 5; i++)
		keys("j");
	ck_shows(code[N - 1]);
	ck_lacks(code[0]);	/* scrolled */
	for (int i = 0; i < LEFT; i++) {
		struct ob_entry *e = entry(OB_QUEUED, NULL);

		free(e->code);
		e->code = xstrdup(code[i]);
		left[i] = *e;
		free(e);
	}
	app_set_outbox(&vs.app, left, LEFT);
	vscreen_draw(&vs);
	for (int i = 0; i < LEFT; i++)
		ck_shows(code[i]);
	ck_lacks(code[LEFT]);
	keys("<Enter>");
	snprintf(title, sizeof title, "Dossier %s", code[LEFT - 1]);
	ck_shows(title);
	vscreen_close(&vs);
}
END_TEST

START_TEST(esc_leaves_the_form_asking_when_something_was_typed)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT);

	open_with_session();
	inbox(&d, 1);
	open_first();
	keys("a");
	ck_shows("Accept \u2014 dossier " CODE);
	ck_shows("\u25b6 Note");
	type("đủ");
	/* something typed: asked first, and n (or Esc) keeps it */
	keys("<Esc>");
	ck_shows("Leave the form and discard what you typed?  y / n");
	keys("n");
	ck_lacks("discard what you typed");
	ck_shows("Accept \u2014 dossier " CODE);
	ck_shows("đủ");
	keys("<Esc>");
	keys("<Esc>");
	ck_shows("đủ");
	keys("<Esc>");
	keys("y");
	ck_shows("Dossier " CODE);
	ck_assert_uint_eq(vs.app.noutbox, 0);
	/* nothing typed: Esc leaves at once */
	keys("a");
	keys("<Esc>");
	ck_shows("Dossier " CODE);
	keys("a");
	keys("<Enter>");	/* the note is optional */
	ck_assert_uint_eq(vs.app.noutbox, 1);
	ck_assert_ptr_null(vs.app.outbox[0].note);
	close_all();
}
END_TEST

/* The status bar's rows (one, or two for a long message), as one text. */
static const char *status_text(void)
{
	static char buf[1024];
	size_t used = 0;

	buf[0] = '\0';
	for (int y = getbegy(vs.app.ui->status); y < LINES && used < sizeof buf; y++) {
		const char *row = vscreen_row(&vs, y);

		row += strspn(row, " ");
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", used ? " " : "", row);
	}
	return buf;
}

#define ck_status_has(text) \
	ck_assert_msg(strstr(status_text(), (text)), "the status bar lacks \"%s\":\n%s", (text), vscreen_dump(&vs))

/* The refusal's question at 80x24, a long applicant's name: the keys that
 * answer it end its last row, and nothing of it is cut. */
static void refuse_question(const char *refuse, const char *question, const char *keys_shown)
{
	char whole[512];
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT | 1u << ACT_REFUSE);
	const char *last;
	int y, x;

	free(d.applicant_name);
	d.applicant_name = xstrdup("Công ty TNHH Thương mại Dịch vụ Hoàng Long");
	inbox(&d, 1);
	open_first();
	keys("x");
	ck_shows(refuse);
	type("Không thuộc thẩm quyền");
	keys("<Enter>");
	ck_assert_msg(vscreen_find(&vs, keys_shown, &y, &x), "the question lacks \"%s\":\n%s", keys_shown,
		      vscreen_dump(&vs));
	/* the body's last row, whole */
	ck_assert_int_eq(y, getbegy(vs.app.ui->body) + getmaxy(vs.app.ui->body) - 1);
	last = vscreen_row(&vs, y);
	ck_assert_msg(!strcmp(last + strlen(last) - strlen(keys_shown), keys_shown),
		      "the question's last row does not end with \"%s\":\n%s", keys_shown, vscreen_dump(&vs));
	/* both rows read as the whole question */
	snprintf(whole, sizeof whole, "%s ", vscreen_row(&vs, y - 1));
	snprintf(whole + strlen(whole), sizeof whole - strlen(whole), "%s", vscreen_row(&vs, y));
	ck_assert_msg(!strcmp(whole, question), "the question is not whole:\n%s", vscreen_dump(&vs));
	keys("y");
	ck_assert_uint_eq(vs.app.noutbox, 1);
}

START_TEST(refuse_question_whole_at_80_columns)
{
	open_with_session();
	vscreen_resize(&vs, 24, 80);
	refuse_question("Refuse \u2014 dossier",
			"Refuse dossier " CODE " (Công ty TNHH Thương mại Dịch vụ Hoàng Long)? It cannot be undone.  y / n",
			"It cannot be undone.  y / n");
	close_all();
}
END_TEST

START_TEST(refuse_question_whole_at_80_columns_in_vietnamese)
{
	open_with_session();
	if (!vscreen_language("vi")) {
		close_all();
		return;
	}
	vscreen_resize(&vs, 24, 80);
	refuse_question("Từ chối \u2014 hồ sơ",
			"Thực hiện Từ chối với hồ sơ " CODE " (Công ty TNHH Thương mại Dịch vụ Hoàng Long)? "
			"Không thể hoàn tác.  y / n", "Không thể hoàn tác.  y / n");
	close_all();
}
END_TEST

/* A key for an action the dossier does not allow at 80x24: the status bar
 * says so first, then why and what is allowed, on two rows if need be. */
START_TEST(not_allowed_says_why_at_80_columns)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT | 1u << ACT_REFUSE | 1u << ACT_REQUEST_SUPPLEMENT);

	vscreen_open(&vs, "vt100", 24, 80);
	inbox(&d, 1);
	open_first();
	keys("A");
	ck_status_has("Assign: not allowed, the dossier is Not yet accepted. Allowed now: Accept, Refuse, Request supplement.");
	/* the link state stays on the last row */
	ck_assert_msg(strstr(vscreen_row(&vs, 23), "no server"), "%s", vscreen_dump(&vs));
	vscreen_close(&vs);
}
END_TEST

START_TEST(not_allowed_says_why_at_80_columns_in_vietnamese)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT | 1u << ACT_REFUSE | 1u << ACT_REQUEST_SUPPLEMENT);

	vscreen_open(&vs, "vt100", 24, 80);
	if (!vscreen_language("vi")) {
		vscreen_close(&vs);
		return;
	}
	inbox(&d, 1);
	open_first();
	keys("A");
	ck_status_has("Phân công: không được phép, hồ sơ đang ở trạng thái Chưa tiếp nhận. "
		      "Được phép lúc này: Tiếp nhận, Từ chối, Yêu cầu bổ sung.");
	vscreen_close(&vs);
}
END_TEST

/* The local store refuses what is added to its outbox from now on, saying
 * why (as a full disk would): through a connection of its own, as another
 * process could. */
static void store_refuses_actions(const char *why)
{
	char path[4096], sql[1024];
	struct err e;
	sqlite3 *db;

	ck_assert_msg(store_path("http://127.0.0.1:9", NULL, "tiepnhan1", path, sizeof path, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "CREATE TRIGGER refuse BEFORE INSERT ON outbox "
		 "BEGIN SELECT RAISE(ABORT, '%s'); END", why);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Why a form cannot go, longer than a row at 80 columns (the store's
 * sentence, with its path): read whole, on the rows it takes. */
START_TEST(a_long_reason_wraps_in_the_form)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT);
	char shown[1024] = "";
	int y, x;

	open_with_session();
	vscreen_resize(&vs, 24, 80);
	inbox(&d, 1);
	open_first();
	store_refuses_actions("database or disk is full; free some space and send it again");
	keys("a");
	keys("<Enter>");
	ck_shows("Accept \u2014 dossier " CODE);	/* not sent: the form stays */
	ck_assert_msg(vscreen_find(&vs, "the action could not be saved: local store", &y, &x),
		      "%s", vscreen_dump(&vs));
	for (int i = 0; i < 3 && y + i < LINES; i++)
		snprintf(shown + strlen(shown), sizeof shown - strlen(shown), "%s ", vscreen_row(&vs, y + i));
	ck_assert_msg(strstr(shown, "database or disk is full; free some space and send it again"), "%s",
		      vscreen_dump(&vs));
	ck_assert_uint_eq(vs.app.noutbox, 0);
	close_all();
}
END_TEST

/* The disk fills up as an action is saved: the form stays with what was
 * typed, a notice says so over every passing message, and once there is
 * room the same Enter saves it and the notice goes. */
START_TEST(a_full_disk_keeps_the_form_and_says_so)
{
	struct dossier d = mk(CODE, ST_NEW, 1u << ACT_ACCEPT);

	open_with_session();
	vscreen_resize(&vs, 24, 80);
	inbox(&d, 1);
	open_first();
	diskfull_on(store_db(vs.app.store), "BEFORE INSERT ON outbox");
	keys("a");
	type("đủ giấy tờ");
	keys("<Enter>");
	ck_shows("Accept \u2014 dossier " CODE);	/* not saved: the form stays */
	ck_shows("DISK FULL: nothing more can be saved on this machine.");
	ck_assert_uint_eq(vs.app.noutbox, 0);
	/* a passing message does not hide it */
	app_message(&vs.app, MSG_INFO, "%s", "something else happened");
	ck_shows("DISK FULL");
	ck_lacks("something else happened");

	diskfull_off(store_db(vs.app.store));
	keys("<Enter>");
	ck_assert_uint_eq(vs.app.noutbox, 1);
	ck_assert_str_eq(vs.app.outbox[0].note, "đủ giấy tờ");
	ck_lacks("DISK FULL");
	ck_shows("Dossier " CODE);
	close_all();
}
END_TEST

static Suite *actions_suite(void)
{
	Suite *s = suite_create("screen_actions");
	TCase *tc = tcase_create("act");

	tcase_add_test(tc, the_view_lists_what_can_be_done_and_refuses_the_rest);
	tcase_add_test(tc, refuse_needs_a_reason_and_asks_first);
	tcase_add_test(tc, a_full_disk_keeps_the_form_and_says_so);
	tcase_add_test(tc, supplement_lists_the_components_and_typed_papers);
	tcase_add_test(tc, supplement_needs_something_missing);
	tcase_add_test(tc, assign_picks_a_colleague_by_typing);
	tcase_add_test(tc, apology_proposes_the_one_new_date);
	tcase_add_test(tc, apology_is_refused_when_used_or_too_late);
	tcase_add_test(tc, a_conflict_shows_what_changed);
	tcase_add_test(tc, a_refusal_shows_the_servers_reason);
	tcase_add_test(tc, discarding_on_a_dossier_gone_from_the_inbox_asks_visibly);
	tcase_add_test(tc, a_discard_question_ends_with_its_entry);
	tcase_add_test(tc, the_outbox_moves_through_its_entries_and_keeps_them_in_view);
	tcase_add_test(tc, esc_leaves_the_form_asking_when_something_was_typed);
	tcase_add_test(tc, refuse_question_whole_at_80_columns);
	tcase_add_test(tc, refuse_question_whole_at_80_columns_in_vietnamese);
	tcase_add_test(tc, not_allowed_says_why_at_80_columns);
	tcase_add_test(tc, not_allowed_says_why_at_80_columns_in_vietnamese);
	tcase_add_test(tc, a_long_reason_wraps_in_the_form);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(actions_suite)
