#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/xalloc.h"
#include "desk/autofill.h"

/* A register the test answers by hand: what was asked. (Auditing is the
 * backend's: the session's writes the audit log, test_intake.) */
struct fake {
	int asked, cancelled;
	char last_id[32], last_reg[16], last_purpose[160];
	af_got_fn got;
	void *ctx;		/* the request waiting for an answer */
	unsigned next;
	bool no_server;
};

static unsigned fake_lookup(void *arg, const char *reg, const char *id, const char *purpose,
			    af_got_fn got, void *ctx)
{
	struct fake *f = arg;

	if (f->no_server)
		return 0;
	f->asked++;
	snprintf(f->last_id, sizeof f->last_id, "%s", id);
	snprintf(f->last_reg, sizeof f->last_reg, "%s", reg);
	snprintf(f->last_purpose, sizeof f->last_purpose, "%s", purpose);
	f->got = got;
	f->ctx = ctx;
	return ++f->next;
}

static void answer(struct fake *f, struct record *rec, enum api_fail fail)
{
	struct api_result r = { .fail = fail };
	af_got_fn got = f->got;

	ck_assert_ptr_nonnull(got);
	f->got = NULL;
	if (fail == API_E_NETWORK)
		snprintf(r.e.msg, sizeof r.e.msg, "could not connect");
	got(f->ctx, rec, &r);
}

static void fake_cancel(void *arg, unsigned id)
{
	struct fake *f = arg;

	(void)id;
	f->cancelled++;
	answer(f, NULL, API_E_CANCELLED);
}

static struct record *an(void)
{
	struct record *r = xcalloc(1, sizeof *r);

	record_set(r, "id_number", "001085012345");
	record_set(r, "full_name", "Nguyễn Văn An");
	record_set(r, "birth_date", "1985-04-12");
	record_set(r, "sex", "M");
	record_set(r, "source", "population");
	return r;
}

/* A birth registration's form, cut down: the applicant and the father
 * (each a lookup and what it fills), the child typed by hand. */
static struct procedure birth(void)
{
	static char *sex[] = { "M", "F" };
	struct procedure p = { .code = "1.001193", .name = "Đăng ký khai sinh", .minutes = 120,
			       .cutoff = 900 };
	static struct proc_field fields[] = {
		{ .key = "applicant.id_number", .label = "ID", .type = "id_number", .lookup = "citizen",
		  .required = true },
		{ .key = "applicant.full_name", .label = "Name", .type = "text",
		  .fill_from = "citizen:full_name", .required = true },
		{ .key = "applicant.birth_date", .label = "Born", .type = "date",
		  .fill_from = "citizen:birth_date", .required = true },
		{ .key = "applicant.sex", .label = "Sex", .type = "select", .fill_from = "citizen:sex",
		  .required = true, .options = sex, .noptions = 2 },
		{ .key = "applicant.phone", .label = "Phone", .type = "phone",
		  .fill_from = "citizen:phone" },
		{ .key = "father.id_number", .label = "Father's ID", .type = "id_number",
		  .lookup = "citizen" },
		{ .key = "father.full_name", .label = "Father", .type = "text",
		  .fill_from = "citizen:full_name" },
		{ .key = "child.full_name", .label = "Child", .type = "text", .required = true },
	};
	static struct component comps[] = {
		{ .name = "Tờ khai", .copies = 1 },
		{ .name = "Giấy tờ tùy thân", .copies = 1, .national_source = "population" },
		{ .name = "Giấy chứng nhận kết hôn", .copies = 1, .national_source = "civil_status" },
	};

	p.fields = fields;
	p.nfields = sizeof fields / sizeof fields[0];
	p.components = comps;
	p.ncomponents = 3;
	return p;
}

static struct loop loop;
static struct fake fk;
static struct af_cache *cache;
static struct iform form;
static struct autofill af;
static int changes;

static void on_changed(void *arg)
{
	(void)arg;
	changes++;
}

static void open_form(void)
{
	struct procedure p = birth();
	struct af_backend be = { fake_lookup, fake_cancel, &fk };

	iform_init(&form, &p, cal_join(2025, 10, 15, 10, 0, 0));
	af_init(&af, &loop, &be, cache, &form, "ref-1");
	af.changed = on_changed;
}

static void close_form(void)
{
	af_free(&af);
	iform_free(&form);
}

static void setup(void)
{
	struct err e;

	ck_assert_int_eq(loop_init(&loop, &e), 0);
	memset(&fk, 0, sizeof fk);
	cache = af_cache_new();
	changes = 0;
	open_form();
}

static void teardown(void)
{
	close_form();
	af_cache_free(cache);
	loop_free(&loop);
}

static int F(const char *key)
{
	int i = iform_find(&form, key);

	ck_assert_msg(i >= 0, "no field %s", key);
	return i;
}

/* The clerk types: the form revalidates, the lookup hears of it. */
static void type(const char *key, const char *value)
{
	iform_set(&form, F(key), value);
	af_edited(&af, F(key));
}

/* The clerk's pause: every timer due by then fires. */
static void pause_typing(void)
{
	timers_run(&loop.timers, timer_now_ms() + AF_DEBOUNCE_MS + 1);
}

START_TEST(fill_from_maps_to_the_lookup_of_its_block)
{
	ck_assert_int_eq(af_source_field(&form, F("applicant.full_name")), F("applicant.id_number"));
	ck_assert_int_eq(af_source_field(&form, F("father.full_name")), F("father.id_number"));
	ck_assert_int_eq(af_source_field(&form, F(IFORM_PROXY_NAME)), F(IFORM_PROXY_ID));
	ck_assert_int_eq(af_source_field(&form, F("child.full_name")), -1);
}
END_TEST

START_TEST(debounced_one_request_for_the_last_number)
{
	type("applicant.id_number", "00108501234");	/* 11 digits: not yet */
	pause_typing();
	ck_assert_int_eq(fk.asked, 0);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_IDLE);
	type("applicant.id_number", "001085012340");
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_WAITING);
	type("applicant.id_number", "001085012345");	/* corrected before the pause */
	ck_assert_int_eq(fk.asked, 0);
	pause_typing();
	ck_assert_int_eq(fk.asked, 1);
	ck_assert_str_eq(fk.last_id, "001085012345");
	ck_assert_str_eq(fk.last_reg, "citizen");
	ck_assert_str_eq(fk.last_purpose, "intake 1.001193 (ref-1)");
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_LOOKING);
	/* typing elsewhere meanwhile is not held back */
	type("child.full_name", "Nguyễn Minh Khôi");
	ck_assert(form.f[F("child.full_name")].valid);
}
END_TEST

START_TEST(reply_fills_marks_national_and_ticks_components)
{
	struct intake in;
	struct err e;

	type("applicant.id_number", "001 085 012345");
	pause_typing();
	answer(&fk, an(), API_OK);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_FOUND);
	ck_assert_str_eq(form.f[F("applicant.full_name")].value, "Nguyễn Văn An");
	ck_assert_str_eq(form.f[F("applicant.birth_date")].value, "12/04/1985");
	ck_assert_str_eq(form.f[F("applicant.sex")].value, "M");
	ck_assert_int_eq(form.f[F("applicant.full_name")].origin, IO_NATIONAL);
	ck_assert(form.f[F("applicant.birth_date")].valid);
	/* the register had no phone: left for the clerk */
	ck_assert_str_eq(form.f[F("applicant.phone")].value, "");
	/* the father's block is not the applicant's */
	ck_assert_str_eq(form.f[F("father.full_name")].value, "");
	/* the identity paper is replaced; the marriage certificate is not */
	ck_assert(form.c[1].from_national && form.c[1].auto_national);
	ck_assert(!form.c[2].from_national);
	ck_assert(!form.c[0].from_national);
	ck_assert_str_eq(fk.last_reg, "citizen");
	ck_assert_str_eq(fk.last_id, "001085012345");

	/* the clerk corrects the name: recorded as a correction */
	type("applicant.full_name", "Nguyễn Văn Ân");
	ck_assert_int_eq(form.f[F("applicant.full_name")].origin, IO_CORRECTED);
	type("child.full_name", "Nguyễn Minh Khôi");
	ck_assert_int_eq(iform_intake(&form, &in, &e), 0);
	ck_assert_str_eq(in.applicant_name, "Nguyễn Văn Ân");
	ck_assert_str_eq(in.applicant_id, "001085012345");
	ck_assert_str_eq(record_get(&in.form, "applicant.birth_date"), "12/04/1985");
	ck_assert_str_eq(record_get(&in.national, "applicant.birth_date"), "citizen");
	ck_assert_ptr_null(record_get(&in.national, "applicant.full_name"));
	ck_assert_str_eq(record_get(&in.corrected, "applicant.full_name"), "citizen");
	ck_assert_ptr_null(record_get(&in.form, IFORM_COPIES));
	ck_assert_int_eq(in.copies, 1);
	ck_assert_int_eq(in.ncomponents, 3);
	ck_assert(in.components[1].from_national && in.components[1].provided);
	ck_assert(!in.components[2].from_national && in.components[2].provided);
	intake_free(&in);
	/* back to the register's value: national again */
	type("applicant.full_name", "Nguyễn Văn An");
	ck_assert_int_eq(form.f[F("applicant.full_name")].origin, IO_NATIONAL);
}
END_TEST

START_TEST(another_number_clears_the_other_persons_data)
{
	type("applicant.full_name", "");
	type("applicant.phone", "0987654321");	/* typed: stays */
	type("applicant.id_number", "001085012345");
	pause_typing();
	answer(&fk, an(), API_OK);
	ck_assert_str_eq(form.f[F("applicant.full_name")].value, "Nguyễn Văn An");
	ck_assert(form.c[1].from_national);
	type("applicant.full_name", "Nguyễn Văn Ân");	/* corrected: the clerk's now */
	type("applicant.id_number", "036188004567");
	ck_assert_str_eq(form.f[F("applicant.birth_date")].value, "");
	ck_assert_int_eq(form.f[F("applicant.birth_date")].origin, IO_TYPED);
	ck_assert_str_eq(form.f[F("applicant.full_name")].value, "Nguyễn Văn Ân");
	ck_assert_str_eq(form.f[F("applicant.phone")].value, "0987654321");
	ck_assert(!form.c[1].from_national);
}
END_TEST

START_TEST(typed_values_are_not_overwritten)
{
	type("applicant.full_name", "Nguyễn Văn An (typed)");
	type("applicant.id_number", "001085012345");
	pause_typing();
	answer(&fk, an(), API_OK);
	ck_assert_str_eq(form.f[F("applicant.full_name")].value, "Nguyễn Văn An (typed)");
	ck_assert_int_eq(form.f[F("applicant.full_name")].origin, IO_TYPED);
	ck_assert_str_eq(form.f[F("applicant.birth_date")].value, "12/04/1985");
}
END_TEST

START_TEST(the_same_id_twice_is_one_request_across_forms)
{
	type("applicant.id_number", "001085012345");
	pause_typing();
	answer(&fk, an(), API_OK);
	ck_assert_int_eq(fk.asked, 1);
	/* the father's ID is the same person: the cache answers */
	type("father.id_number", "001085012345");
	pause_typing();
	ck_assert_int_eq(fk.asked, 1);
	ck_assert_str_eq(form.f[F("father.full_name")].value, "Nguyễn Văn An");
	/* a new form in the same session: answered at once, no pause */
	close_form();
	open_form();
	type("applicant.id_number", "001085012345");
	ck_assert_int_eq(fk.asked, 1);
	ck_assert_int_eq(af.requests, 0);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_FOUND);
	ck_assert_str_eq(form.f[F("applicant.full_name")].value, "Nguyễn Văn An");
	ck_assert_int_eq(af_cache_size(cache), 1);
	/* not in the register is an answer too */
	type("applicant.id_number", "001099999999");
	pause_typing();
	answer(&fk, NULL, API_E_NOTFOUND);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_NOT_FOUND);
	type("father.id_number", "001099999999");
	pause_typing();
	ck_assert_int_eq(fk.asked, 2);
	ck_assert_int_eq(af_lookup_of(&af, F("father.id_number"))->state, AF_NOT_FOUND);
	ck_assert_str_eq(fk.last_id, "001099999999");
}
END_TEST

START_TEST(esc_cancels_pending_and_running)
{
	type("applicant.id_number", "001085012345");
	ck_assert(af_cancel(&af));	/* during the pause: nothing is sent */
	pause_typing();
	ck_assert_int_eq(fk.asked, 0);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_CANCELLED);
	type("applicant.id_number", "036188004567");
	pause_typing();
	ck_assert_int_eq(fk.asked, 1);
	ck_assert(af_cancel(&af));
	ck_assert_int_eq(fk.cancelled, 1);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_CANCELLED);
	ck_assert_str_eq(fk.last_id, "036188004567");
	ck_assert(!af_cancel(&af));
	ck_assert_int_eq(af_cache_size(cache), 0);
	/* a changed number stops the old request */
	type("applicant.id_number", "001085012345");
	pause_typing();
	type("applicant.id_number", "00108501234");
	ck_assert_int_eq(fk.cancelled, 2);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_IDLE);
}
END_TEST

START_TEST(offline_the_form_is_completed_by_hand)
{
	struct intake in;
	struct err e;

	type("applicant.id_number", "001085012345");
	pause_typing();
	answer(&fk, NULL, API_E_NETWORK);
	ck_assert_int_eq(af_lookup_of(&af, F("applicant.id_number"))->state, AF_OFFLINE);
	ck_assert(af_any_offline(&af));
	ck_assert_int_eq(af_cache_size(cache), 0);	/* asked again next time */
	ck_assert_str_eq(fk.last_id, "001085012345");
	type("applicant.full_name", "Nguyễn Văn An");
	type("applicant.birth_date", "12/04/1985");
	type("applicant.sex", "M");
	type("child.full_name", "Nguyễn Minh Khôi");
	ck_assert_int_eq(iform_first_problem(&form), -1);
	ck_assert_int_eq(iform_intake(&form, &in, &e), 0);
	ck_assert_int_eq(in.national.n, 0);
	ck_assert(!in.components[1].from_national);
	intake_free(&in);
	/* no server at all: nothing sent, not done */
	fk.no_server = true;
	type("father.id_number", "036188004567");
	pause_typing();
	ck_assert_int_eq(af_lookup_of(&af, F("father.id_number"))->state, AF_OFFLINE);
	ck_assert_int_eq(fk.asked, 1);
}
END_TEST

/* Without a reference from the caller each form makes its own: the
 * purpose names this intake, and no other, in the audit. */
START_TEST(each_form_names_itself_in_the_purpose)
{
	struct procedure p = birth();
	struct af_backend be = { fake_lookup, fake_cancel, &fk };
	const char *head = "intake 1.001193 (", *ref = af.purpose + strlen(head);
	struct autofill other;

	close_form();
	iform_init(&form, &p, cal_join(2025, 10, 15, 10, 0, 0));
	af_init(&af, &loop, &be, cache, &form, NULL);
	af_init(&other, &loop, &be, cache, &form, NULL);
	ck_assert_msg(!strncmp(af.purpose, head, strlen(head)), "%s", af.purpose);
	ck_assert_uint_eq(strspn(ref, "0123456789abcdef"), 12);
	ck_assert_str_eq(ref + 12, ")");
	ck_assert_str_ne(af.purpose, other.purpose);
	af_free(&other);
}
END_TEST

START_TEST(nothing_submitted_invalid)
{
	struct intake in;
	struct err e;

	ck_assert_int_eq(iform_first_problem(&form), F("applicant.id_number"));
	ck_assert_int_eq(iform_intake(&form, &in, &e), -1);
	ck_assert_str_eq(e.msg, "ID: This field is required");
	type("applicant.id_number", "001085012345");
	type(IFORM_PROXY_ID, "036188004567");
	ck_assert_int_eq(iform_first_problem(&form), F("applicant.full_name"));
	type("applicant.full_name", "A");
	type("applicant.birth_date", "12/04/1985");
	type("applicant.sex", "M");
	type("child.full_name", "B");
	/* a proxy's ID without the proxy's name */
	ck_assert_int_eq(iform_first_problem(&form), F(IFORM_PROXY_NAME));
	ck_assert_str_eq(form.f[F(IFORM_PROXY_NAME)].error.msg,
			 "Required when a proxy's ID number is given");
	type(IFORM_COPIES, "51");
	type(IFORM_PROXY_NAME, "Trần Thị Bình");
	ck_assert_int_eq(iform_first_problem(&form), F(IFORM_COPIES));
	type(IFORM_COPIES, "2");
	ck_assert_int_eq(iform_intake(&form, &in, &e), 0);
	ck_assert_str_eq(in.proxy_name, "Trần Thị Bình");
	ck_assert_str_eq(in.proxy_id, "036188004567");
	ck_assert_int_eq(in.copies, 2);
	intake_free(&in);
}
END_TEST

/* The form keeps nothing of the procedure it was built from. */
START_TEST(the_form_outlives_its_procedure)
{
	struct procedure p = { .code = xstrdup("X"), .cutoff = -1 };
	struct iform f;

	p.nfields = 1;
	p.fields = xcalloc(1, sizeof *p.fields);
	p.fields[0] = (struct proc_field){ .key = xstrdup("a.phone"), .label = xstrdup("Phone"),
					   .type = xstrdup("phone"), .pattern = xstrdup("0[35789][0-9]{8}") };
	p.fields[0].options = xcalloc(1, sizeof(char *));
	p.fields[0].options[0] = xstrdup("unused");
	p.fields[0].noptions = 1;
	iform_init(&f, &p, 0);
	procedure_free(&p);
	iform_set(&f, iform_find(&f, "a.phone"), "0912345678");
	ck_assert_msg(f.f[iform_find(&f, "a.phone")].valid, "%s", f.f[iform_find(&f, "a.phone")].error.msg);
	iform_set(&f, iform_find(&f, "a.phone"), "0212345678");
	ck_assert(!f.f[iform_find(&f, "a.phone")].valid);
	iform_free(&f);
}
END_TEST

START_TEST(components_cycle_paper_national_missing)
{
	ck_assert(form.c[1].provided && !form.c[1].from_national);
	iform_comp_cycle(&form, 1);
	ck_assert(form.c[1].provided && form.c[1].from_national);
	iform_comp_cycle(&form, 1);
	ck_assert(!form.c[1].provided && !form.c[1].from_national);
	iform_comp_cycle(&form, 1);
	ck_assert(form.c[1].provided && !form.c[1].from_national);
	/* no register holds the form itself: paper or nothing */
	iform_comp_cycle(&form, 0);
	ck_assert(!form.c[0].provided);
}
END_TEST

static Suite *autofill_suite(void)
{
	Suite *s = suite_create("autofill");
	TCase *tc = tcase_create("autofill");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, fill_from_maps_to_the_lookup_of_its_block);
	tcase_add_test(tc, debounced_one_request_for_the_last_number);
	tcase_add_test(tc, each_form_names_itself_in_the_purpose);
	tcase_add_test(tc, reply_fills_marks_national_and_ticks_components);
	tcase_add_test(tc, typed_values_are_not_overwritten);
	tcase_add_test(tc, another_number_clears_the_other_persons_data);
	tcase_add_test(tc, the_same_id_twice_is_one_request_across_forms);
	tcase_add_test(tc, esc_cancels_pending_and_running);
	tcase_add_test(tc, offline_the_form_is_completed_by_hand);
	tcase_add_test(tc, nothing_submitted_invalid);
	tcase_add_test(tc, components_cycle_paper_national_missing);
	tcase_add_test(tc, the_form_outlives_its_procedure);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(autofill_suite)
