#include "config.h"

#include <string.h>

#include "api/dates.h"
#include "api/jpath.h"
#include "api/tmpl.h"
#include "check_main.h"

static cJSON *json(const char *s)
{
	cJSON *j = cJSON_Parse(s);

	ck_assert_msg(j != NULL, "bad test JSON: %s", s);
	return j;
}

START_TEST(paths_reach_nested_values)
{
	cJSON *j = json("{\"data\":{\"items\":[{\"a.b\":1},{\"name\":\"Lê\"}]},\"x\":null}");
	struct jpath p;
	struct err e;

	ck_assert_int_eq(jpath_parse(&p, "data.items[1].name", &e), 0);
	ck_assert_str_eq(jpath_get(&p, j)->valuestring, "Lê");
	jpath_free(&p);
	ck_assert_int_eq(jpath_parse(&p, "data.items[0].\"a.b\"", &e), 0);
	ck_assert_int_eq(jpath_get(&p, j)->valueint, 1);
	jpath_free(&p);
	ck_assert_int_eq(jpath_parse(&p, "data.items[5]", &e), 0);
	ck_assert_ptr_null(jpath_get(&p, j));
	jpath_free(&p);
	ck_assert_int_eq(jpath_parse(&p, ".", &e), 0);
	ck_assert_ptr_eq(jpath_get(&p, j), j);
	jpath_free(&p);
	ck_assert_int_eq(jpath_parse(&p, "data.items[]", &e), 0);
	ck_assert(jpath_has_each(&p));
	jpath_free(&p);
	cJSON_Delete(j);
}
END_TEST

START_TEST(bad_paths_are_refused)
{
	static const char *const bad[] = { "a..b", "a.", "a[x]", "a[1", "\"\"", "a]b", "a[-1]" };
	struct jpath p;
	struct err e;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(jpath_parse(&p, bad[i], &e) == -1, "%s accepted", bad[i]);
		ck_assert_ptr_nonnull(strstr(e.msg, "is not a path"));
	}
}
END_TEST

START_TEST(set_creates_objects_on_the_way)
{
	cJSON *j = cJSON_CreateObject();
	struct jpath p;
	struct err e;
	char *s;

	ck_assert_int_eq(jpath_parse(&p, "applicant.name", &e), 0);
	ck_assert_int_eq(jpath_set(&p, j, cJSON_CreateString("An")), 0);
	ck_assert_int_eq(jpath_set(&p, j, cJSON_CreateString("Bình")), 0);
	s = cJSON_PrintUnformatted(j);
	ck_assert_str_eq(s, "{\"applicant\":{\"name\":\"Bình\"}}");
	free(s);
	jpath_free(&p);
	cJSON_Delete(j);
}
END_TEST

START_TEST(strings_expand_and_encode)
{
	struct tvars tv = { 0 };
	bool unset;
	char *s;

	tvars_str(&tv, "code", "000.00.01.H22-251123-0001");
	tvars_str(&tv, "q", "Nguyễn Văn");
	tvars_int(&tv, "page", 3);
	s = tmpl_string("/dossiers/{code}?page={page}&q={q}&x={{y}}", &tv, true, &unset);
	ck_assert_str_eq(s, "/dossiers/000.00.01.H22-251123-0001?page=3&q=Nguy%E1%BB%85n%20V%C4%83n&x={y}");
	ck_assert(!unset);
	free(s);
	s = tmpl_string("\"v{version}\"", &tv, false, &unset);
	ck_assert(unset);
	free(s);
}
END_TEST

START_TEST(json_templates_keep_types_and_drop_unset)
{
	struct datefmt df;
	struct tvars tv = { .dates = &df };
	cJSON *t = json("{\"service\":\"LayHoSo\",\"page\":\"{page}\",\"note\":\"{note}\","
			"\"form\":\"{form}\",\"when\":\"{due}\",\"list\":[\"{note}\",\"x{page}\"]}");
	cJSON *form = json("{\"a\":[1,2]}");
	cJSON *out;
	char *s;

	ck_assert_int_eq(datefmt_parse(&df, "yyyyMMddHHmmss", 7 * 3600, NULL), 0);
	tvars_int(&tv, "page", 2);
	tvars_json(&tv, "form", form);
	tvars_time(&tv, "due", 1764034200);	/* 2025-11-25 08:30 +07 */
	out = tmpl_json(t, &tv);
	s = cJSON_PrintUnformatted(out);
	ck_assert_str_eq(s, "{\"service\":\"LayHoSo\",\"page\":2,\"form\":{\"a\":[1,2]},"
			 "\"when\":\"20251125083000\",\"list\":[\"x2\"]}");
	free(s);
	cJSON_Delete(out);
	cJSON_Delete(t);
	cJSON_Delete(form);
}
END_TEST

START_TEST(template_variables_are_checked)
{
	static const char *const known[] = { "code", "page", NULL };
	struct err e;

	ck_assert_int_eq(tmpl_check("/x/{code}/{page}", known, &e), 0);
	ck_assert_int_eq(tmpl_check("/x/{id}", known, &e), -1);
	ck_assert_str_eq(e.msg, "unknown variable {id} in \"/x/{id}\" (known here: code, page)");
	ck_assert_int_eq(tmpl_check("/x/{code", known, &e), -1);
	ck_assert_str_eq(e.msg, "a '{' in \"/x/{code\" is not closed");
}
END_TEST

START_TEST(dates_in_every_format)
{
	struct datefmt iso, compact, vn, ms;
	int64_t t;
	char buf[64];
	struct err e;
	cJSON *n = cJSON_CreateNumber(1764034200000.0);

	datefmt_parse(&iso, "iso8601", 7 * 3600, NULL);
	datefmt_parse(&compact, "yyyyMMddHHmmss", 7 * 3600, NULL);
	datefmt_parse(&vn, "dd/MM/yyyy HH:mm:ss", 7 * 3600, NULL);
	datefmt_parse(&ms, "epoch_ms", 7 * 3600, NULL);

	ck_assert_int_eq(date_from_text(&iso, "2025-11-25T08:30:00+07:00", &t, &e), 0);
	ck_assert_int_eq(t, 1764034200);
	ck_assert_int_eq(date_from_text(&iso, "2025-11-25T01:30:00Z", &t, &e), 0);
	ck_assert_int_eq(t, 1764034200);
	ck_assert_int_eq(date_from_text(&iso, "2025-11-25T08:30:00.123+07:00", &t, &e), 0);
	ck_assert_int_eq(date_from_text(&iso, "2025-11-25", &t, &e), 0);
	ck_assert_int_eq(t, 1764003600);	/* midnight in Vietnam */
	ck_assert_int_eq(date_from_text(&compact, "20251125083000", &t, &e), 0);
	ck_assert_int_eq(t, 1764034200);
	ck_assert_int_eq(date_from_text(&vn, "25/11/2025 08:30:00", &t, &e), 0);
	ck_assert_int_eq(t, 1764034200);
	ck_assert_int_eq(date_from_json(&ms, n, &t, &e), 0);
	ck_assert_int_eq(t, 1764034200);

	date_to_text(&iso, 1764034200, buf, sizeof buf);
	ck_assert_str_eq(buf, "2025-11-25T08:30:00+07:00");
	date_to_text(&vn, 1764034200, buf, sizeof buf);
	ck_assert_str_eq(buf, "25/11/2025 08:30:00");

	ck_assert_int_eq(date_from_text(&vn, "31/02/2025 08:30:00", &t, &e), -1);
	ck_assert_str_eq(e.msg, "'31/02/2025 08:30:00' is not a date in the format dd/MM/yyyy HH:mm:ss");
	ck_assert_int_eq(date_from_text(&compact, "2025112508300", &t, &e), -1);
	ck_assert_int_eq(datefmt_parse(&iso, "ddMM", 0, &e), -1);
	cJSON_Delete(n);
}
END_TEST

static Suite *jpath_tmpl_suite(void)
{
	Suite *s = suite_create("jpath_tmpl_dates");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, paths_reach_nested_values);
	tcase_add_test(tc, bad_paths_are_refused);
	tcase_add_test(tc, set_creates_objects_on_the_way);
	tcase_add_test(tc, strings_expand_and_encode);
	tcase_add_test(tc, json_templates_keep_types_and_drop_unset);
	tcase_add_test(tc, template_variables_are_checked);
	tcase_add_test(tc, dates_in_every_format);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(jpath_tmpl_suite)
