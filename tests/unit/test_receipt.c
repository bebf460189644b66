/* The receipt, the supplement request and the refusal: what each says
 * (DOMAIN.md's list for the receipt), laid out in the paper's columns.
 * Printing them: test_print.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "desk/receipt.h"

/* Wednesday 15/10/2025 09:00 and Monday 20/10/2025 09:00, Vietnam time. */
#define T_RECEIVED 1760493600
#define T_DUE 1760925600

static void sample(struct dossier *d)
{
	memset(d, 0, sizeof *d);
	d->code = xstrdup("000.01.01.H26-251015-0007");
	d->procedure_code = xstrdup("1.001193");
	d->procedure_name = xstrdup("Đăng ký khai sinh");
	d->agency = xstrdup("000.01.01.H26");
	d->applicant_name = xstrdup("Nguyễn Văn An");
	d->applicant_id = xstrdup("001085012345");
	d->applicant_phone = xstrdup("0912345678");
	d->applicant_address = xstrdup("12 Hàng Bài, phường Hoàn Kiếm, Hà Nội");
	d->proxy_name = xstrdup("Trần Thị Bình");
	d->proxy_id = xstrdup("079190000001");
	d->status = ST_ACCEPTED;
	d->copies = 2;
	d->days_text = xstrdup("03 ngày làm việc");
	d->received_at = T_RECEIVED;
	d->due_at = T_DUE;
	d->ncomponents = 3;
	d->components = xcalloc(3, sizeof *d->components);
	d->components[0] = (struct component){ .seq = 1, .name = xstrdup("Tờ khai đăng ký khai sinh"),
					       .copies = 1, .provided = true };
	d->components[1] = (struct component){ .seq = 2, .name = xstrdup("Giấy chứng sinh"), .copies = 1 };
	d->components[2] = (struct component){ .seq = 3, .name = xstrdup("Căn cước của người đi đăng ký"),
					       .from_national = true, .provided = true };
}

/* The line that contains s, or NULL. */
static const char *line_with(const struct receipt *r, const char *s)
{
	for (int i = 0; i < r->n; i++)
		if (strstr(r->lines[i], s))
			return r->lines[i];
	return NULL;
}

#define HAS(r, s) ck_assert_msg(line_with(r, s) != NULL, "no line with \"%s\"", s)

START_TEST(receipt_content)
{
	struct dossier d;
	struct receipt r;
	struct receipt_opts o = { .desk = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm",
				  .now = T_RECEIVED };
	struct err e;

	sample(&d);
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &r, &e), 0);
	ck_assert_int_eq(r.width, 80);
	HAS(&r, "RECEIPT OF DOSSIER AND APPOINTMENT");
	HAS(&r, "Dossier code: 000.01.01.H26-251015-0007");
	HAS(&r, "Applicant: Nguyễn Văn An");
	HAS(&r, "ID number: 001085012345");
	HAS(&r, "Contact: 0912345678; 12 Hàng Bài");
	HAS(&r, "Proxy: Trần Thị Bình (079190000001)");
	HAS(&r, "Procedure: 1.001193 - Đăng ký khai sinh");
	HAS(&r, "1. Tờ khai đăng ký khai sinh (1 copy)");
	HAS(&r, "2. Căn cước của người đi đăng ký (from national data, no paper copy)");
	ck_assert_ptr_null(line_with(&r, "Giấy chứng sinh"));	/* not handed in */
	HAS(&r, "Number of sets: 2");
	HAS(&r, "Legal processing time: 03 ngày làm việc");
	HAS(&r, "Received at: 09:00 15/10/2025");
	HAS(&r, "Result due at: 09:00 20/10/2025");
	HAS(&r, "Collect the result at: Trung tâm Phục vụ hành chính công phường Hoàn Kiếm");
	/* the centre's name heads it, centred */
	ck_assert_int_gt((int)strspn(r.lines[0], " "), 5);
	for (int i = 0; i < r.n; i++)
		ck_assert_int_le(text_width(r.lines[i]), 80);
	receipt_free(&r);

	/* A5: 60 columns, long values wrapped with an indent */
	o.paper = PAPER_A5;
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &r, &e), 0);
	ck_assert_int_eq(r.width, 60);
	for (int i = 0; i < r.n; i++)
		ck_assert_msg(text_width(r.lines[i]) <= 60, "too wide: %s", r.lines[i]);
	for (int i = 0; i < r.n; i++) {
		if (strncmp(r.lines[i], "Collect the result at: ", 23))
			continue;
		ck_assert_int_lt(i + 1, r.n);
		ck_assert_msg(!strncmp(r.lines[i + 1], "    ", 4) && r.lines[i + 1][4] != ' ',
			      "not an indented continuation: '%s'", r.lines[i + 1]);
	}
	HAS(&r, "Collect the result at: ");
	receipt_free(&r);

	/* no receipt before reception */
	d.received_at = 0;
	d.status = ST_NEW;
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &r, &e), -1);
	ck_assert_msg(strstr(e.msg, "not been received"), "%s", e.msg);
	dossier_free(&d);
}
END_TEST

START_TEST(supplement_and_refusal)
{
	struct dossier d;
	struct receipt r;
	struct receipt_opts o = { .now = T_DUE };
	struct err e;

	sample(&d);
	ck_assert_int_eq(receipt_make(RECEIPT_SUPPLEMENT, &d, &o, &r, &e), 0);
	HAS(&r, "REQUEST TO SUPPLEMENT");
	HAS(&r, "1. Giấy chứng sinh");	/* what is missing, only that */
	ck_assert_ptr_null(line_with(&r, "Tờ khai"));
	HAS(&r, "Made at: 09:00 20/10/2025");
	HAS(&r, "000.01.01.H26");	/* no desk name: the agency heads it */
	receipt_free(&r);

	/* a refusal takes its reason from the log, or from the clerk */
	ck_assert_int_eq(receipt_make(RECEIPT_REFUSAL, &d, &o, &r, &e), -1);
	ck_assert_msg(strstr(e.msg, "reason"), "%s", e.msg);
	d.nlog = 1;
	d.log = xcalloc(1, sizeof *d.log);
	d.log[0].action = xstrdup("refuse");
	d.log[0].note = xstrdup("Không thuộc thẩm quyền giải quyết của xã");
	ck_assert_int_eq(receipt_make(RECEIPT_REFUSAL, &d, &o, &r, &e), 0);
	HAS(&r, "REFUSAL TO RECEIVE");
	HAS(&r, "Không thuộc thẩm quyền giải quyết của xã");
	receipt_free(&r);
	o.reason = "Hồ sơ không đúng thủ tục";
	ck_assert_int_eq(receipt_make(RECEIPT_REFUSAL, &d, &o, &r, &e), 0);
	HAS(&r, "Hồ sơ không đúng thủ tục");
	receipt_free(&r);
	ck_assert_int_eq(receipt_kind_parse("supplement"), RECEIPT_SUPPLEMENT);
	ck_assert_int_eq(receipt_kind_parse("x"), -1);
	dossier_free(&d);
}
END_TEST

/* Which forms a dossier has to hand over, by its state and its log. */
START_TEST(forms_that_apply)
{
	struct dossier d;

	sample(&d);
	ck_assert(receipt_applies(RECEIPT_RECEIPT, &d));
	ck_assert(!receipt_applies(RECEIPT_SUPPLEMENT, &d));
	ck_assert(!receipt_applies(RECEIPT_REFUSAL, &d));
	/* the summary's status says a supplement was asked for before the log comes */
	d.status = ST_SUPPLEMENT;
	ck_assert(receipt_applies(RECEIPT_SUPPLEMENT, &d));
	/* received again since: the log still has the request */
	d.status = ST_PROCESSING;
	d.nlog = 1;
	d.log = xcalloc(1, sizeof *d.log);
	d.log[0].action = xstrdup("request-supplement");
	ck_assert(receipt_applies(RECEIPT_SUPPLEMENT, &d));
	/* refused at reception: never received; the refusal needs its reason */
	free(d.log[0].action);
	d.log[0].action = xstrdup("refuse");
	d.status = ST_REFUSED;
	d.received_at = 0;
	ck_assert(!receipt_applies(RECEIPT_RECEIPT, &d));
	ck_assert(!receipt_applies(RECEIPT_REFUSAL, &d));
	d.log[0].note = xstrdup("Không thuộc thẩm quyền");
	ck_assert(receipt_applies(RECEIPT_REFUSAL, &d));
	dossier_free(&d);
}
END_TEST

/* A screen narrower than the paper lays the form out in its columns. */
START_TEST(narrower_than_the_paper)
{
	struct dossier d;
	struct receipt r;
	struct receipt_opts o = { .now = T_DUE, .width = 40 };
	struct err e;

	sample(&d);
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &r, &e), 0);
	ck_assert_int_eq(r.width, 40);
	for (int i = 0; i < r.n; i++)
		ck_assert_msg(text_width(r.lines[i]) <= 40, "too wide: %s", r.lines[i]);
	receipt_free(&r);
	o.width = 100;	/* wider: the paper's */
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &r, &e), 0);
	ck_assert_int_eq(r.width, 80);
	receipt_free(&r);
	dossier_free(&d);
}
END_TEST

/* What the server sent that a printer or a terminal would act on, or that
 * hides text, is on no line of the form: each such character is one
 * U+FFFD, and the lines still fit the paper. */
START_TEST(hostile_text_is_made_safe)
{
	struct dossier d;
	struct receipt r;
	struct receipt_opts o = { .now = T_DUE, .paper = PAPER_A5 };
	struct err e;

	sample(&d);
	free(d.applicant_name);
	d.applicant_name = xstrdup("Nguyễn\x1b]52;c;eA==\x07 Văn\xe2\x80\xae\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b"
				   "\xe2\x80\x8b\xe2\x80\x8b An\xc2\x9b" "2J\tx\ny\x7f");
	free(d.components[0].name);
	d.components[0].name = xstrdup("\xef\xbb\xbf\xe2\x81\xa6Tờ khai\x1b[2J\xe2\x81\xa9");
	ck_assert_int_eq(receipt_make(RECEIPT_RECEIPT, &d, &o, &r, &e), 0);
	HAS(&r, "Applicant: Nguyễn\uFFFD]52;c;eA==\uFFFD Văn\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD An\uFFFD2J x y\uFFFD");
	HAS(&r, "1. \uFFFD\uFFFDTờ khai\uFFFD[2J\uFFFD (1 copy)");
	for (int i = 0; i < r.n; i++) {
		const char *l = r.lines[i];

		ck_assert_msg(text_width(l) <= 60, "too wide: %s", l);
		ck_assert_msg(!text_utf8_invalid(l, strlen(l)), "not UTF-8: %s", l);
		for (size_t k = 0; l[k]; k++) {
			int32_t cp;
			size_t n = text_utf8_next(l + k, strlen(l + k), &cp);

			ck_assert_msg(!text_hidden(cp), "U+%04X on line %d: %s", cp, i, l);
			k += n - 1;
		}
	}
	receipt_free(&r);
	dossier_free(&d);
}
END_TEST

/* A form larger than a pipe holds (64 KiB): writing it to a command that
 * reads nothing fails with EPIPE every time, not only when the command
 * happens to exit before a small form fits in the pipe. The command's exit
 * status is what counts, as for a small form. */
START_TEST(printing_to_a_command_that_reads_nothing)
{
	char dir[] = "/tmp/motcua-print.XXXXXX", cmd[300], file[200];
	struct receipt r = { .n = 2000, .width = 70 };
	struct err e;
	struct stat st;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/printed", dir);
	r.lines = xcalloc((size_t)r.n, sizeof *r.lines);
	for (int i = 0; i < r.n; i++)
		r.lines[i] = xstrdup("Line of a long form, seventy columns wide, to fill a pipe ....");

	ck_assert_msg(receipt_print(&r, "true", &e) == 0, "%s", e.msg);
	ck_assert_msg(receipt_print(&r, "head -c 100 >/dev/null", &e) == 0, "%s", e.msg);
	ck_assert_int_eq(receipt_print(&r, "exit 5", &e), -1);
	ck_assert_msg(strstr(e.msg, "exit status 5"), "%s", e.msg);
	/* and one that reads it all gets it all */
	snprintf(cmd, sizeof cmd, "cat > '%s'", file);
	ck_assert_msg(receipt_print(&r, cmd, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(stat(file, &st), 0);
	ck_assert_int_eq(st.st_size, (off_t)r.n * ((off_t)strlen(r.lines[0]) + 1) + 1);
	receipt_free(&r);
	unlink(file);
	rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("receipt");
	TCase *tc = tcase_create("receipt");

	tcase_add_test(tc, receipt_content);
	tcase_add_test(tc, supplement_and_refusal);
	tcase_add_test(tc, forms_that_apply);
	tcase_add_test(tc, narrower_than_the_paper);
	tcase_add_test(tc, hostile_text_is_made_safe);
	tcase_add_test(tc, printing_to_a_command_that_reads_nothing);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(suite)
