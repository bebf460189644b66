/* The local store and the outbox: files and modes, migrations, what a
 * summary keeps and a whole dossier replaces, the outbox's order, states
 * and version rebasing. Each test works in its own temporary directory. */
#include "config.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api/fields_json.h"
#include "check_main.h"
#include "core/xalloc.h"
#include "store/outbox.h"
#include "store/store.h"
#include "store/store_inbox.h"

static char dir[256], db[4200];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/motcua-store.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/t.db", dir);
}

static void teardown(void)
{
	char cmd[400];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static struct store *open_ok(void)
{
	struct err e = { "" };
	struct store *s = store_open(db, &e);

	ck_assert_msg(s != NULL, "%s", e.msg);
	return s;
}

static void sample(struct dossier *d, const char *code, const char *version)
{
	memset(d, 0, sizeof *d);
	d->code = xstrdup(code);
	d->procedure_name = xstrdup("Đăng ký khai sinh");
	d->applicant_name = xstrdup("Nguyễn Văn An");
	d->status = ST_PROCESSING;
	d->channel = CH_DIRECT;
	d->due_at = 1760500000;
	d->updated_at = 1760400000;
	d->fee = 8000;
	d->version = xstrdup(version);
}

static void add_details(struct dossier *d)
{
	d->allowed = 1u << ACT_APPROVE;
	d->applicant_phone = xstrdup("0912345678");
	d->ncomponents = 1;
	d->components = xcalloc(1, sizeof *d->components);
	d->components[0].name = xstrdup("Tờ khai");
	d->components[0].from_national = true;
	d->nlog = 1;
	d->log = xcalloc(1, sizeof *d->log);
	d->log[0].who = xstrdup("Lê Văn Tâm");
	d->log[0].at = 1760300000;
	d->log[0].to_status = ST_ACCEPTED;
}

START_TEST(test_path_and_modes)
{
	char path[4096], xdg[300];
	struct err e;
	struct stat st;
	struct store *s;
	struct dossier d;

	snprintf(xdg, sizeof xdg, "%s/data", dir);
	setenv("XDG_DATA_HOME", xdg, 1);
	ck_assert_int_eq(store_settle("https://dvc.example.vn:8443/api", NULL, "tiep nhan/1", path, sizeof path, &e), 0);
	ck_assert_msg(strstr(path, "/data/motcua/dvc.example.vn_8443/tiep_nhan_1.db") != NULL, "%s", path);
	snprintf(xdg, sizeof xdg, "%s/data/motcua/dvc.example.vn_8443", dir);
	ck_assert_int_eq(stat(xdg, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);

	umask(022);
	snprintf(db, sizeof db, "%s", path);
	s = open_ok();
	sample(&d, "A-1", "1");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	dossier_free(&d);
	/* the database and its WAL files: the owner's only */
	for (const char *suffix = ""; suffix; suffix = !*suffix ? "-wal" : !strcmp(suffix, "-wal") ? "-shm" : NULL) {
		char f[4200];

		snprintf(f, sizeof f, "%s%s", path, suffix);
		ck_assert_msg(stat(f, &st) == 0, "%s missing", f);
		ck_assert_msg((st.st_mode & 0777) == 0600, "%s has mode %o", f, st.st_mode & 0777);
	}
	store_close(s);
	unsetenv("XDG_DATA_HOME");
}
END_TEST

/* What schema 9 added (the indicators' indexes), for a store made older. */
#define UNDO_SCHEMA_9 "DROP INDEX dossiers_received; DROP INDEX dossiers_resolved; " \
	"DROP INDEX dossiers_closed; DROP INDEX dossiers_running_clerk; DROP INDEX dossiers_running_proc; "

START_TEST(test_migrations)
{
	struct store *s;
	struct err e = { "" };
	struct dossier d;
	sqlite3 *raw;
	FILE *f;

	/* a store of schema 1 (before the audit log) is upgraded, data kept */
	s = open_ok();
	ck_assert_int_eq(store_schema(s), STORE_SCHEMA);
	sample(&d, "A-1", "1");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	dossier_free(&d);
	store_close(s);
	ck_assert_int_eq(sqlite3_open(db, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, UNDO_SCHEMA_9 "DROP TABLE inbox_text; DROP INDEX dossiers_running; DROP INDEX dossiers_idle; "
					   "DROP INDEX dossiers_undated; DROP TRIGGER inbox_tally_in; DROP TRIGGER inbox_tally_out; "
					   "DROP TRIGGER inbox_tally_move; DROP TABLE inbox_tally; "
					   "ALTER TABLE dossiers DROP COLUMN apology_used; "
					   "DROP TABLE audit; DROP TABLE notified; ALTER TABLE dossiers DROP COLUMN assignee_login; "
					   "DROP TABLE procedures; ALTER TABLE dossiers DROP COLUMN copies; "
					   "ALTER TABLE dossiers DROP COLUMN days_text; DROP INDEX dossiers_due; "
					   "DROP INDEX dossiers_number; ALTER TABLE dossiers DROP COLUMN number; "
					   "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	s = open_ok();
	ck_assert_int_eq(store_schema(s), STORE_SCHEMA);
	ck_assert_int_eq(store_count_dossiers(s), 1);
	ck_assert_int_eq(store_audit_add(s, &(struct audit_entry){ .at = 1, .reg = "citizen", .subject = "001085012345",
								     .outcome = "found" }, &e), 0);
	store_close(s);

	/* a newer store is refused, not damaged */
	ck_assert_int_eq(sqlite3_open(db, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	ck_assert_ptr_null(store_open(db, &e));
	ck_assert_msg(strstr(e.msg, "newer") && strstr(e.msg, "99"), "%s", e.msg);

	/* a file that is not a store */
	f = fopen(db, "w");
	fputs("this is not a database, it is a letter to the commune\n", f);
	for (int i = 0; i < 200; i++)
		fputs("padding padding padding padding\n", f);
	fclose(f);
	unlink(strcat(strcpy((char[4300]){ 0 }, db), "-wal"));
	ck_assert_ptr_null(store_open(db, &e));
	ck_assert_msg(strstr(e.msg, "not a motcua local store") != NULL, "%s", e.msg);
}
END_TEST

/* Processes opening one new store at once (the client and a batch sync,
 * or many batch commands) all get it: a schema step another one took
 * while this one waited is not taken twice. */
/* Schema 7: a store of schema 6 keeps its dossiers (numbered by their
 * code) and its outbox; then dossiers an API addresses by an id of its own
 * are kept under that id with their number, and those without a number
 * yet (before reception) are stored, each under its id. */
START_TEST(test_number_beside_the_id)
{
	struct store *s = open_ok();
	struct err e = { "" };
	struct dossier d, got;
	struct ob_entry en;
	struct api_act_args args = { .version = "1" };
	int64_t en_id;
	bool whole;
	sqlite3 *raw;

	sample(&d, "000.01.01.H26-251012-0010", "1");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	dossier_free(&d);
	ck_assert_int_eq(outbox_add(s, "000.01.01.H26-251012-0010", ACT_ACCEPT, &args, 100, &en, &e), 0);
	en_id = en.id;
	ob_entry_free(&en);
	store_close(s);
	ck_assert_int_eq(sqlite3_open(db, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, UNDO_SCHEMA_9 "DROP TABLE inbox_text; DROP INDEX dossiers_running; DROP INDEX dossiers_idle; "
				      "DROP INDEX dossiers_undated; DROP TRIGGER inbox_tally_in; DROP TRIGGER inbox_tally_out; "
				      "DROP TRIGGER inbox_tally_move; DROP TABLE inbox_tally; "
				      "ALTER TABLE dossiers DROP COLUMN apology_used; "
				      "DROP INDEX dossiers_number; ALTER TABLE dossiers DROP COLUMN number; "
				      "PRAGMA user_version = 6",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);

	s = open_ok();
	ck_assert_int_eq(store_schema(s), STORE_SCHEMA);
	ck_assert_int_eq(store_get_dossier(s, "000.01.01.H26-251012-0010", &got, &whole, &e), 1);
	ck_assert_ptr_null(got.number);
	ck_assert_str_eq(dossier_number(&got), "000.01.01.H26-251012-0010");
	dossier_free(&got);
	ck_assert_int_eq(outbox_pending(s), 1);

	/* two received ones and two not yet */
	for (int i = 0; i < 4; i++) {
		char id[16];

		snprintf(id, sizeof id, "85650376%d", i);
		sample(&d, id, "2");
		d.number = xstrdup(i < 2 ? "" : i == 2 ? "H26-251015-0001" : "H26-251015-0002");
		if (i % 2)
			add_details(&d);
		ck_assert_msg(store_put_dossier(s, &d, i % 2, 2, &e) == 0, "%s", e.msg);
		dossier_free(&d);
	}
	ck_assert_int_eq(store_count_dossiers(s), 5);
	ck_assert_int_eq(store_get_dossier(s, "856503761", &got, &whole, &e), 1);
	ck_assert(whole);
	ck_assert_str_eq(got.number, "");
	ck_assert_str_eq(dossier_number(&got), "(not yet received)");
	dossier_free(&got);
	ck_assert_int_eq(store_get_dossier(s, "856503763", &got, &whole, &e), 1);
	ck_assert_str_eq(got.number, "H26-251015-0002");
	ck_assert_str_eq(dossier_number(&got), "H26-251015-0002");
	dossier_free(&got);
	/* found by the number the clerk sees too */
	ck_assert_int_eq(store_get_dossier(s, "H26-251015-0002", &got, &whole, &e), 1);
	ck_assert_str_eq(got.code, "856503763");
	dossier_free(&got);
	/* a summary after reception brings the number */
	sample(&d, "856503760", "3");
	d.number = xstrdup("H26-251015-0003");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 3, &e), 0);
	dossier_free(&d);
	ck_assert_int_eq(store_get_dossier(s, "856503760", &got, &whole, &e), 1);
	ck_assert_str_eq(dossier_number(&got), "H26-251015-0003");
	dossier_free(&got);

	/* the row from before, kept by its number, gives way to its id; its
	 * queued action follows */
	sample(&d, "4711", "4");
	d.number = xstrdup("000.01.01.H26-251012-0010");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 4, &e), 0);
	dossier_free(&d);
	ck_assert_int_eq(store_count_dossiers(s), 5);
	ck_assert_int_eq(store_get_dossier(s, "000.01.01.H26-251012-0010", &got, &whole, &e), 1);
	ck_assert_str_eq(got.code, "4711");
	dossier_free(&got);
	ck_assert_int_eq(outbox_get(s, en_id, &en, &e), 1);
	ck_assert_str_eq(en.code, "4711");
	ob_entry_free(&en);
	store_close(s);
}
END_TEST

START_TEST(test_many_open_a_new_store_at_once)
{
	enum { N = 12 };
	pid_t pids[N];
	int ready[2];
	char go = 0;

	ck_assert_int_eq(pipe(ready), 0);
	for (int i = 0; i < N; i++) {
		ck_assert_int_ge(pids[i] = fork(), 0);
		if (pids[i] == 0) {
			struct err e = { "" };
			struct store *st;

			close(ready[1]);
			/* all start together: the pipe opens when it is closed */
			(void)!read(ready[0], &go, 1);
			st = store_open(db, &e);
			if (!st)
				fprintf(stderr, "child %d: %s\n", i, e.msg);
			store_close(st);
			_exit(st ? 0 : 1);
		}
	}
	close(ready[0]);
	close(ready[1]);
	for (int i = 0; i < N; i++) {
		int status;

		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "opener %d failed", i);
	}
	store_close(open_ok());
}
END_TEST

START_TEST(test_summary_and_whole)
{
	struct store *s = open_ok();
	struct err e;
	struct dossier d, got;
	bool whole;

	/* a whole dossier, then a summary of the same version: details stay */
	sample(&d, "A-1", "1");
	add_details(&d);
	ck_assert_int_eq(store_put_dossier(s, &d, true, 1, &e), 0);
	dossier_free(&d);
	sample(&d, "A-1", "1");
	d.status = ST_PROCESSING;
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	dossier_free(&d);
	ck_assert_int_eq(store_get_dossier(s, "A-1", &got, &whole, &e), 1);
	ck_assert(whole);
	ck_assert_str_eq(got.applicant_phone, "0912345678");	/* not in summaries */
	ck_assert_int_eq(got.ncomponents, 1);
	ck_assert(got.components[0].from_national);
	ck_assert_str_eq(got.log[0].who, "Lê Văn Tâm");
	ck_assert_uint_eq(got.allowed, 1u << ACT_APPROVE);
	dossier_free(&got);

	/* a newer summary: new fields, the old details kept but not current,
	 * the actions allowed dropped (they belonged to version 1) */
	sample(&d, "A-1", "2");
	d.status = ST_SUPPLEMENT;
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	dossier_free(&d);
	ck_assert_int_eq(store_get_dossier(s, "A-1", &got, &whole, &e), 1);
	ck_assert(!whole);
	ck_assert_int_eq(got.status, ST_SUPPLEMENT);
	ck_assert_str_eq(got.version, "2");
	ck_assert_int_eq(got.nlog, 1);
	ck_assert_uint_eq(got.allowed, 0);
	dossier_free(&got);

	ck_assert_int_eq(store_get_dossier(s, "NONE", &got, &whole, &e), 0);
	sample(&d, "", "1");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), -1);
	dossier_free(&d);
	store_close(s);
}
END_TEST

START_TEST(test_load_and_forget)
{
	struct store *s = open_ok();
	struct err e;
	struct dossier d, *items;
	struct ob_entry en;
	struct api_act_args args = { .version = "1" };
	size_t n;

	for (int i = 0; i < 5; i++) {
		char code[16];

		snprintf(code, sizeof code, "C-%d", i);
		sample(&d, code, "1");
		ck_assert_int_eq(store_put_dossier(s, &d, false, i < 3 ? 2 : 1, &e), 0);
		dossier_free(&d);
	}
	/* C-4 was not seen by full sync 2 but has an action waiting: kept */
	ck_assert_int_eq(outbox_add(s, "C-4", ACT_APPROVE, &args, 100, &en, &e), 0);
	ob_entry_free(&en);
	ck_assert_int_eq(store_forget_unseen(s, 2, &e), 1);
	ck_assert_int_eq(store_load_dossiers(s, &items, &n, &e), 0);
	ck_assert_uint_eq(n, 4);
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_ne(items[i].code, "C-3");
		ck_assert_str_eq(items[i].applicant_name, "Nguyễn Văn An");
		ck_assert_int_eq(items[i].due_at, 1760500000);
		dossier_free(&items[i]);
	}
	free(items);
	store_close(s);
}
END_TEST

/* A dossier read whole while a full sync runs (open on the clerk's screen,
 * changed by someone else) keeps the sync's mark: the sync's end does not
 * take it for one the list no longer has. */
START_TEST(test_whole_keeps_the_sync_mark)
{
	struct store *s = open_ok();
	struct err e;
	struct dossier d;
	bool whole;

	sample(&d, "W-1", "1");
	ck_assert_int_eq(store_put_dossier(s, &d, false, 3, &e), 0);
	dossier_free(&d);
	sample(&d, "W-1", "2");
	ck_assert_int_eq(store_put_dossier(s, &d, true, 0, &e), 0);
	dossier_free(&d);
	ck_assert_int_eq(store_count_seen(s, 3), 1);
	ck_assert_int_eq(store_count_unseen(s, 3), 0);
	ck_assert_int_eq(store_forget_unseen(s, 3, &e), 0);
	/* and the whole one is what the store has */
	ck_assert_int_eq(store_get_dossier(s, "W-1", &d, &whole, &e), 1);
	ck_assert(whole);
	ck_assert_str_eq(d.version, "2");
	dossier_free(&d);
	store_close(s);
}
END_TEST

/* A store of the process's own, in memory: no file, the same queries;
 * a row without a version is still held. */
START_TEST(test_memory_store)
{
	struct store *s = store_open(STORE_MEMORY, &(struct err){ "" });
	struct err e;
	struct dossier d;
	char v[16];

	ck_assert_ptr_nonnull(s);
	ck_assert_int_ne(access(STORE_MEMORY, F_OK), 0);
	sample(&d, "M-1", "1");
	free(d.version);
	d.version = NULL;
	ck_assert_int_eq(store_put_dossier(s, &d, false, 1, &e), 0);
	dossier_free(&d);
	ck_assert(store_has_dossier(s, "M-1"));
	ck_assert_int_eq(store_version(s, "M-1", v, sizeof v), 0);
	ck_assert(!store_has_dossier(s, "M-2"));
	ck_assert_int_eq(store_count_dossiers(s), 1);
	store_close(s);
}
END_TEST

START_TEST(test_meta)
{
	struct store *s = open_ok();
	struct err e;
	char buf[64];

	ck_assert(!store_meta_get(s, "cursor", buf, sizeof buf));
	ck_assert_int_eq(store_meta_int(s, "hwm"), 0);
	ck_assert_int_eq(store_meta_set(s, "cursor", "5012", &e), 0);
	ck_assert_int_eq(store_meta_set_int(s, "hwm", 1760400000, &e), 0);
	store_close(s);
	s = open_ok();
	ck_assert(store_meta_get(s, "cursor", buf, sizeof buf));
	ck_assert_str_eq(buf, "5012");
	ck_assert_int_eq(store_meta_int(s, "hwm"), 1760400000);
	store_close(s);
}
END_TEST

START_TEST(test_fields_json_roundtrip)
{
	struct dossier d, back = { 0 };
	struct err e;
	cJSON *o, *again;
	char *a, *b;

	sample(&d, "A-1", "7");
	add_details(&d);
	o = fields_to_json(&target_dossier, &d, true);
	ck_assert_int_eq(fields_from_json(&target_dossier, o, &back, &e), 0);
	again = fields_to_json(&target_dossier, &back, true);
	a = cJSON_PrintUnformatted(o);
	b = cJSON_PrintUnformatted(again);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	cJSON_Delete(again);
	dossier_free(&back);
	/* a wrong type is named */
	cJSON_ReplaceItemInObject(o, "status", cJSON_CreateString("four"));
	memset(&back, 0, sizeof back);
	ck_assert_int_eq(fields_from_json(&target_dossier, o, &back, &e), -1);
	ck_assert_msg(strstr(e.msg, "dossier.status") != NULL, "%s", e.msg);
	dossier_free(&back);
	cJSON_Delete(o);
	dossier_free(&d);
}
END_TEST

START_TEST(test_outbox_order_and_states)
{
	struct store *s = open_ok();
	struct err e;
	struct ob_entry a, b, c, next;
	struct api_act_args args = { .version = "3", .note = "đủ giấy tờ" };
	struct dossier res;
	char key[33];

	ck_assert_int_eq(outbox_add(s, "X", ACT_ACCEPT, &args, 100, &a, &e), 0);
	args.note = NULL;
	ck_assert_int_eq(outbox_add(s, "X", ACT_ASSIGN, &args, 101, &b, &e), 0);
	ck_assert_int_eq(outbox_add(s, "Y", ACT_APPROVE, &args, 102, &c, &e), 0);
	ck_assert_str_ne(a.key, b.key);
	ck_assert_int_eq(strlen(a.key), 32);
	ck_assert_int_eq(outbox_pending(s), 3);

	/* oldest first; the entry read back is what was queued */
	ck_assert_int_eq(outbox_next(s, &next, &e), 1);
	ck_assert_int_eq(next.id, a.id);
	ck_assert_str_eq(next.key, a.key);
	ck_assert_str_eq(next.note, "đủ giấy tờ");
	ck_assert_int_eq(next.act, ACT_ACCEPT);
	ob_entry_free(&next);

	/* delivered: X goes to version 4, and the clerk's next action on X,
	 * made on version 3, moves to 4 with it */
	ck_assert_int_eq(outbox_sending(s, a.id, 103, &e), 0);
	sample(&res, "X", "4");
	ck_assert_int_eq(outbox_delivered(s, &a, &res, 104, &e), 0);
	dossier_free(&res);
	ck_assert_int_eq(outbox_get(s, b.id, &next, &e), 1);
	ck_assert_str_eq(next.version, "4");
	ck_assert_int_eq(next.state, OB_QUEUED);
	ob_entry_free(&next);
	ck_assert_int_eq(outbox_pending(s), 2);

	/* a conflict on X holds X's later actions, not Y's */
	ck_assert_int_eq(outbox_set_state(s, b.id, OB_CONFLICT, "changed", 105, &e), 0);
	ob_entry_free(&a);
	ck_assert_int_eq(outbox_add(s, "X", ACT_APPROVE, &args, 106, &a, &e), 0);
	ck_assert_int_eq(outbox_next(s, &next, &e), 1);
	ck_assert_int_eq(next.id, c.id);
	ob_entry_free(&next);
	ck_assert_int_eq(outbox_set_state(s, c.id, OB_DONE, NULL, 107, &e), 0);
	ck_assert_int_eq(outbox_next(s, &next, &e), 0);
	ck_assert_int_eq(outbox_waiting(s), 1);

	/* the clerk retries the conflict on version 9: a new key */
	snprintf(key, sizeof key, "%s", b.key);
	ck_assert_int_eq(outbox_retry(s, b.id, "9", 108, &e), 1);
	ck_assert_int_eq(outbox_next(s, &next, &e), 1);
	ck_assert_int_eq(next.id, b.id);
	ck_assert_str_eq(next.version, "9");
	ck_assert_str_ne(next.key, key);
	ob_entry_free(&next);
	ck_assert_int_eq(outbox_retry(s, c.id, NULL, 108, &e), 0);	/* delivered: no */

	/* discard: not a delivered one */
	ck_assert_int_eq(outbox_discard(s, c.id, &e), 0);
	ck_assert_int_eq(outbox_discard(s, a.id, &e), 1);
	ck_assert_int_eq(outbox_prune(s, 200, &e), 2);
	ck_assert_int_eq(outbox_pending(s), 1);
	ob_entry_free(&a);
	ob_entry_free(&b);
	ob_entry_free(&c);
	store_close(s);
}
END_TEST

START_TEST(test_outbox_durable)
{
	struct store *s = open_ok();
	struct err e;
	struct ob_entry a, *v;
	static const int missing[] = { 3, 5 };
	struct api_act_args args = { .reason = "thiếu giấy", .missing = missing, .nmissing = 2,
				     .new_due = 1760600000 };
	size_t n;

	ck_assert_int_eq(outbox_add(s, "X", ACT_REQUEST_SUPPLEMENT, &args, 100, &a, &e), 0);
	store_close(s);	/* as if the process ended here */
	s = open_ok();
	ck_assert_int_eq(outbox_list(s, false, &v, &n, &e), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].key, a.key);
	ck_assert_str_eq(v[0].reason, "thiếu giấy");
	ck_assert_int_eq(v[0].new_due, 1760600000);
	ck_assert_int_eq(v[0].nmissing, 2);
	ck_assert_int_eq(v[0].missing[0], 3);
	ck_assert_int_eq(v[0].missing[1], 5);
	ob_entry_free(&v[0]);
	free(v);
	ob_entry_free(&a);
	store_close(s);
}
END_TEST

static void proc(struct procedure *p, const char *code, const char *field, const char *name)
{
	memset(p, 0, sizeof *p);
	p->code = xstrdup(code);
	p->field = xstrdup(field);
	p->name = xstrdup(name);
	p->minutes = 1440;
	p->cutoff = -1;
}

START_TEST(test_catalog)
{
	struct store *s = open_ok();
	struct err e = { "" };
	struct procedure cat[3], *v, one;
	int n;
	int64_t at;

	proc(&cat[0], "2.000815", "Chứng thực", "Chứng thực bản sao");
	cat[0].cutoff = 900;
	proc(&cat[1], "1.001193", "Hộ tịch", "Đăng ký khai sinh");
	proc(&cat[2], "1.004227", "Hộ tịch", "Liên thông khai sinh");
	ck_assert_int_eq(store_put_catalog(s, cat, 3, 100, &e), 0);
	/* a detail, with its lists, is kept beside the summary */
	cat[1].ncomponents = 1;
	cat[1].components = xcalloc(1, sizeof *cat[1].components);
	cat[1].components[0].seq = 3;
	cat[1].components[0].name = xstrdup("Căn cước");
	cat[1].components[0].national_source = xstrdup("population");
	cat[1].nfields = 1;
	cat[1].fields = xcalloc(1, sizeof *cat[1].fields);
	cat[1].fields[0].key = xstrdup("child.sex");
	cat[1].fields[0].noptions = 2;
	cat[1].fields[0].options = xcalloc(2, sizeof(char *));
	cat[1].fields[0].options[0] = xstrdup("Nam");
	cat[1].fields[0].options[1] = xstrdup("Nữ");
	ck_assert_int_eq(store_put_procedure(s, &cat[1], 150, &e), 0);
	ck_assert_int_eq(store_get_procedure(s, "2.000815", &one, NULL, &e), 0);	/* no detail */
	ck_assert_int_eq(store_get_procedure(s, "1.001193", &one, &at, &e), 1);
	ck_assert_int_eq(at, 150);
	ck_assert_int_eq(one.components[0].seq, 3);
	ck_assert_str_eq(one.components[0].national_source, "population");
	ck_assert_int_eq(one.fields[0].noptions, 2);
	ck_assert_str_eq(one.fields[0].options[1], "Nữ");
	procedure_free(&one);

	/* sorted by field, then code; the detailed one comes whole */
	ck_assert_int_eq(store_load_catalog(s, &v, &n, &e), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(v[0].code, "2.000815");
	ck_assert_int_eq(v[0].cutoff, 900);
	ck_assert_str_eq(v[1].code, "1.001193");
	ck_assert_int_eq(v[1].ncomponents, 1);
	ck_assert_str_eq(v[2].code, "1.004227");
	for (int i = 0; i < n; i++)
		procedure_free(&v[i]);
	free(v);

	/* a new catalog without one: it goes; the others keep their details */
	ck_assert_int_eq(store_put_catalog(s, cat + 1, 2, 200, &e), 0);
	ck_assert_int_eq(store_load_catalog(s, &v, &n, &e), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(v[0].code, "1.001193");
	ck_assert_int_eq(v[0].ncomponents, 1);
	for (int i = 0; i < n; i++)
		procedure_free(&v[i]);
	free(v);
	for (int i = 0; i < 3; i++)
		procedure_free(&cat[i]);
	store_close(s);

	/* and it is there after a restart: the catalog works offline */
	s = open_ok();
	ck_assert_int_eq(store_get_procedure(s, "1.001193", &one, NULL, &e), 1);
	procedure_free(&one);
	store_close(s);
}
END_TEST

START_TEST(test_outbox_intake)
{
	struct store *s = open_ok();
	struct err e = { "" };
	struct intake in = { 0 }, back;
	struct intake_component comps[] = { { 3, true, true } };
	struct ob_entry en, first, got;
	struct dossier d;

	in.procedure_code = xstrdup("1.001193");
	in.channel = CH_POSTAL;
	in.applicant_name = xstrdup("Nguyễn Văn An");
	in.proxy_name = xstrdup("Trần Thị Bình");
	record_set(&in.form, "child.full_name", "Nguyễn Minh Khôi");
	record_set(&in.national, "applicant.full_name", "citizen");
	in.components = xcalloc(1, sizeof comps);
	memcpy(in.components, comps, sizeof comps);
	in.ncomponents = 1;
	in.copies = 2;

	/* an action on a dossier that failed does not hold intakes back */
	ck_assert_int_eq(outbox_add(s, "A-1", ACT_ACCEPT, &(struct api_act_args){ .version = "1" }, 10, &first, &e), 0);
	ck_assert_int_eq(outbox_set_state(s, first.id, OB_FAILED, "no", 11, &e), 0);
	ck_assert_int_eq(outbox_add_intake(s, &in, 12, &en, &e), 0);
	ck_assert_str_eq(en.code, "");
	ck_assert_str_eq(ob_entry_name(&en), "intake");
	ck_assert_int_eq(outbox_next(s, &got, &e), 1);
	ck_assert_int_eq(got.id, en.id);
	ck_assert_str_eq(got.key, en.key);
	ck_assert_int_eq(intake_from_json(got.intake, &back, &e), 0);
	ck_assert_str_eq(back.procedure_code, "1.001193");
	ck_assert_int_eq(back.channel, CH_POSTAL);
	ck_assert_str_eq(back.proxy_name, "Trần Thị Bình");
	ck_assert_ptr_null(back.proxy_id);
	ck_assert_str_eq(record_get(&back.form, "child.full_name"), "Nguyễn Minh Khôi");
	ck_assert_str_eq(record_get(&back.national, "applicant.full_name"), "citizen");
	ck_assert_int_eq(back.ncomponents, 1);
	ck_assert(back.components[0].from_national);
	ck_assert_int_eq(back.copies, 2);
	intake_free(&back);
	ob_entry_free(&got);

	/* delivered: the entry takes the new dossier's code, the store has it */
	sample(&d, "FX1-251015-0001", "1");
	ck_assert_int_eq(outbox_delivered(s, &en, &d, 13, &e), 0);
	ck_assert_int_eq(outbox_get(s, en.id, &got, &e), 1);
	ck_assert_int_eq(got.state, OB_DONE);
	ck_assert_str_eq(got.code, "FX1-251015-0001");
	ob_entry_free(&got);
	ck_assert_int_eq(store_count_dossiers(s), 1);
	dossier_free(&d);

	/* an entry that does not read fails with the member it lacks */
	{
		cJSON *bad = cJSON_Parse("{\"applicant\":{\"name\":\"A\"}}");

		ck_assert_int_eq(intake_from_json(bad, &back, &e), -1);
		ck_assert_msg(strstr(e.msg, "procedure_code"), "%s", e.msg);
		cJSON_Delete(bad);
	}
	intake_free(&in);
	ob_entry_free(&en);
	ob_entry_free(&first);
	store_close(s);
}
END_TEST

/* Each clerk's session is a process of its own on a shared host, so what
 * SQLite keeps for a store is paid per clerk and must not follow its
 * size: over 6,000 dossiers (some 3 MB), written, read through, and
 * counted under a filter that keeps every one (a sort of them all, by
 * status), the page cache stays within 128 KiB and SQLite's heap grows by
 * less than 512 KiB (633 KiB before: a 512 KiB cache, a 1 MB sort). */
START_TEST(test_sqlite_memory_bounded)
{
	struct store *s = open_ok();
	struct inboxq q = { .phrase = "nguyen" };
	struct inboxq_counts c;
	sqlite3_int64 before, now, peak;
	int cache, unused;
	struct err e;

	ck_assert_int_eq(store_begin(s, &e), 0);
	for (int i = 0; i < 6000; i++) {
		struct dossier d;
		char code[32];

		snprintf(code, sizeof code, "MEM-%05d", i);
		sample(&d, code, "1");
		d.status = ST_MIN + i % ST_MAX;
		ck_assert_msg(store_put_dossier(s, &d, false, 1, &e) == 0, "%s", e.msg);
		dossier_free(&d);
	}
	ck_assert_int_eq(store_commit(s, &e), 0);
	sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &before, &peak, 1);
	ck_assert_msg(store_inbox_counts(s, &q, &c, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(c.all, 6000);
	ck_assert_int_eq(sqlite3_exec(store_db(s), "SELECT sum(length(applicant_name)) FROM dossiers",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &now, &peak, 0);
	ck_assert_int_lt(peak - before, 512 * 1024);
	sqlite3_db_status(store_db(s), SQLITE_DBSTATUS_CACHE_USED, &cache, &unused, 0);
	/* 32 pages of 4 KiB, each with SQLite's header (some 700 B) */
	ck_assert_int_le(cache, 32 * (4096 + 1024));
	store_close(s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_path_and_modes);
	tcase_add_test(tc, test_migrations);
	tcase_add_test(tc, test_number_beside_the_id);
	tcase_add_test(tc, test_many_open_a_new_store_at_once);
	tcase_add_test(tc, test_summary_and_whole);
	tcase_add_test(tc, test_load_and_forget);
	tcase_add_test(tc, test_whole_keeps_the_sync_mark);
	tcase_add_test(tc, test_meta);
	tcase_add_test(tc, test_memory_store);
	tcase_add_test(tc, test_fields_json_roundtrip);
	tcase_add_test(tc, test_outbox_order_and_states);
	tcase_add_test(tc, test_outbox_durable);
	tcase_add_test(tc, test_catalog);
	tcase_add_test(tc, test_outbox_intake);
	tcase_add_test(tc, test_sqlite_memory_bounded);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
