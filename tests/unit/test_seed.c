#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "core/calendar.h"
#include "core/ident.h"
#include "core/model.h"
#include "core/password.h"
#include "sandbox/seed/seed.h"

/* The sandbox clock of the tests: Wednesday 15 October 2025, 10:00, a
 * working day in office hours, so every deadline band can exist. */
#define NOW cal_join(2025, 10, 15, 10, 0, 0)

/* The default-size database, seeded once into a file before the tests
 * fork; each property test opens it read-only (a connection must not
 * cross a fork, and a small parent heap keeps the leak checker quick). */
static char db_path[4096];
static sqlite3 *db;
static struct cal *cal;

/* ---- helpers --------------------------------------------------------- */

/* path relative to the top of the source tree, found from the top, from
 * tests/unit or through $srcdir (make check). */
static const char *source_path(const char *rel, char *buf, size_t n)
{
	const char *srcdir = getenv("srcdir");
	const char *ups[] = { ".", "..", "../.." };

	for (size_t i = 0; i < 3; i++) {
		snprintf(buf, n, "%s/%s", ups[i], rel);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	if (srcdir) {
		snprintf(buf, n, "%s/%s", srcdir, rel);
		if (access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	ck_assert(s != NULL);
	ck_assert_int_eq(fread(s, 1, (size_t)n, f), n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static struct cal *make_cal(void)
{
	struct cal *c = cal_new();
	const char *env = getenv("MOTCUA_CALENDAR_DIR");
	char buf[4096];
	struct err e;

	ck_assert(c != NULL);
	if (!env)
		env = source_path("client/core/calendar", buf, sizeof buf);
	if (env)
		ck_assert_msg(cal_load_dir(c, env, &e) == 0, "%s", e.msg);
	return c;
}

static sqlite3 *fresh_db(const char *path)
{
	char buf[4096];
	const char *schema = source_path("sandbox/schema.sql", buf, sizeof buf);
	sqlite3 *d;
	char *sql;

	ck_assert_msg(schema != NULL, "sandbox/schema.sql not found; set srcdir");
	ck_assert_int_eq(sqlite3_open(path, &d), SQLITE_OK);
	sql = slurp(schema);
	ck_assert_msg(sqlite3_exec(d, sql, NULL, NULL, NULL) == SQLITE_OK, "%s",
		      sqlite3_errmsg(d));
	free(sql);
	return d;
}

static int seed_into(sqlite3 *d, uint32_t seed, int citizens,
		     int enterprises, int dossiers, struct err *e)
{
	struct sbx_seed_opts o = {
		.seed = seed, .now = NOW, .citizens = citizens,
		.enterprises = enterprises, .dossiers = dossiers,
	};

	return sbx_seed(d, &o, cal, e);
}

static int64_t q_int(sqlite3 *d, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_msg(sqlite3_prepare_v2(d, sql, -1, &st, NULL) == SQLITE_OK,
		      "%s: %s", sql, sqlite3_errmsg(d));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#define Q(sql) q_int(db, (sql))

/* In per-row loops: Check records every ck_assert (a write each), which
 * over a few hundred thousand rows costs more than the checks. */
#define EXPECT(cond, ...)                                               \
	do {                                                            \
		if (!(cond))                                            \
			ck_abort_msg(__VA_ARGS__);                      \
	} while (0)

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *st;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
		      "%s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : NULL;
}

/* SHA-256 of every row of every table, in rowid order. */
static void content_hash(sqlite3 *d, char out[PW_SHA256_HEX])
{
	struct pw_sha256 h;
	sqlite3_stmt *tables, *st;
	uint8_t dig[PW_SHA256_LEN];
	char sql[256];

	pw_sha256_init(&h);
	ck_assert(sqlite3_prepare_v2(d, "SELECT name FROM sqlite_master WHERE "
				     "type = 'table' ORDER BY name", -1, &tables,
				     NULL) == SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);

		pw_sha256_update(&h, t, strlen(t) + 1);
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", t);
		ck_assert(sqlite3_prepare_v2(d, sql, -1, &st, NULL) == SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const unsigned char *v = sqlite3_column_text(st, i);
				char type = (char)('0' + sqlite3_column_type(st, i));

				pw_sha256_update(&h, &type, 1);
				if (v)
					pw_sha256_update(&h, v,
						strlen((const char *)v) + 1);
			}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	pw_sha256_final(&h, dig);
	for (int i = 0; i < PW_SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", dig[i]);
}

/* Seed the default sizes into a file, as the server does, and report
 * the figures sandbox/TRAINING.md quotes; no pass/fail on time
 * (DESIGN.md section 9). */
static int seed_file(void)
{
	struct timespec a, b;
	struct stat sb;
	struct err e;
	sqlite3 *d = fresh_db(db_path);

	clock_gettime(CLOCK_MONOTONIC, &a);
	if (seed_into(d, 20250701, 0, 0, 0, &e)) {
		fprintf(stderr, "test_seed: %s\n", e.msg);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	sqlite3_close(d);
	if (stat(db_path, &sb))
		return 1;
	fprintf(stderr, "test_seed: default sizes seeded in %.2f s, %.1f MiB\n",
		(double)(b.tv_sec - a.tv_sec) +
		(double)(b.tv_nsec - a.tv_nsec) / 1e9,
		(double)sb.st_size / 1048576.0);
	return 0;
}

static void setup_db(void)
{
	const char *tmp = getenv("TMPDIR");
	int fd, status;
	pid_t pid;

	cal = make_cal();
	snprintf(db_path, sizeof db_path, "%s/test_seed_XXXXXX",
		 tmp ? tmp : "/tmp");
	fd = mkstemp(db_path);
	ck_assert_msg(fd >= 0, "mkstemp %s", db_path);
	close(fd);
	/* In a child: the memory seeding touches stays out of the parent,
	 * whose every fork for a test would copy it. */
	pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0)
		_exit(seed_file());
	ck_assert(waitpid(pid, &status, 0) == pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "seeding %s failed", db_path);
}

static void teardown_db(void)
{
	unlink(db_path);
	cal_free(cal);
	cal = NULL;
}

static void open_db(void)
{
	ck_assert_int_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY,
					 NULL), SQLITE_OK);
}

static void close_db(void)
{
	sqlite3_close(db);
	db = NULL;
}

static void setup_cal(void)
{
	cal = make_cal();
}

static void teardown_cal(void)
{
	cal_free(cal);
	cal = NULL;
}

/* ---- SHA-256 and passwords ------------------------------------------- */

static void check_hex(const char *msg, size_t n, const char *want)
{
	char got[PW_SHA256_HEX];

	pw_sha256_hex(msg, n, got);
	ck_assert_str_eq(got, want);
}

START_TEST(test_sha256_vectors)
{
	/* FIPS 180-2 appendix B and the empty string */
	check_hex("", 0,
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_hex("abc", 3,
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		  "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112,
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}
END_TEST

START_TEST(test_sha256_incremental)
{
	struct pw_sha256 h;
	uint8_t d[PW_SHA256_LEN], one[PW_SHA256_LEN];
	char block[1001], hex[PW_SHA256_HEX];

	/* a million 'a' in odd-sized pieces */
	memset(block, 'a', sizeof block);
	pw_sha256_init(&h);
	for (int i = 0; i < 1000; i++)
		pw_sha256_update(&h, block, i % 2 ? 999 : 1001);
	pw_sha256_final(&h, d);
	for (int i = 0; i < PW_SHA256_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
			 "f1809a48a497200e046d39ccc7112cd0");
	/* byte by byte equals one call, across the 55/56/64 boundaries */
	for (size_t n = 50; n < 130; n++) {
		pw_sha256_init(&h);
		for (size_t i = 0; i < n; i++)
			pw_sha256_update(&h, block + i, 1);
		pw_sha256_final(&h, d);
		pw_sha256(block, n, one);
		ck_assert_mem_eq(d, one, sizeof d);
	}
}
END_TEST

START_TEST(test_password_hash)
{
	char a[PW_SHA256_HEX], b[PW_SHA256_HEX], c[PW_SHA256_HEX];
	uint8_t d[PW_SHA256_LEN];
	char first[PW_SHA256_HEX];

	pw_hash("00112233445566778899aabbccddeeff", "motcua-demo", a);
	pw_hash("00112233445566778899aabbccddeeff", "motcua-demo", b);
	pw_hash("ffeeddccbbaa99887766554433221100", "motcua-demo", c);
	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_uint_eq(strlen(a), 64);
	ck_assert(strspn(a, "0123456789abcdef") == 64);
	/* the definition: iterated SHA-256 of salt || password */
	pw_sha256_hex("00112233445566778899aabbccddeeffmotcua-demo", 43, first);
	ck_assert_str_ne(a, first);
	pw_sha256("00112233445566778899aabbccddeeffmotcua-demo", 43, d);
	for (int i = 1; i < PW_ITERATIONS; i++)
		pw_sha256(d, sizeof d, d);
	for (int i = 0; i < PW_SHA256_LEN; i++)
		snprintf(first + 2 * i, 3, "%02x", d[i]);
	ck_assert_str_eq(a, first);
	ck_assert(pw_check("00112233445566778899aabbccddeeff",
				     "motcua-demo", a));
	ck_assert(!pw_check("00112233445566778899aabbccddeeff",
				      "motcua-dem0", a));
	ck_assert(!pw_check("00112233445566778899aabbccddeeff",
				      "motcua-demo", "abc"));
	ck_assert(!pw_check(NULL, "x", a));
}
END_TEST

/* ---- the seeded database --------------------------------------------- */

START_TEST(test_counts_and_meta)
{
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens"), 10000);
	ck_assert_int_eq(Q("SELECT count(*) FROM enterprises"), 1000);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers"), 5000);
	ck_assert_int_eq(Q("SELECT count(*) FROM agencies"), 2);
	ck_assert_int_eq(Q("SELECT count(*) FROM meta"), 4);
	ck_assert_int_eq(Q("SELECT value FROM meta WHERE key = 'seed'"), 20250701);
	ck_assert_int_eq(Q("SELECT value FROM meta WHERE key = 'seeded_at'"), NOW);
	ck_assert_int_eq(Q("SELECT value FROM meta WHERE key = 'schema_version'"), 1);
	ck_assert_int_eq(Q("SELECT value FROM meta WHERE key = 'change_seq'"),
			 Q("SELECT max(change_seq) FROM dossiers"));
	ck_assert_int_eq(Q("SELECT count(DISTINCT change_seq) FROM dossiers"), 5000);
	/* change_seq grows with updated_at */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers a JOIN dossiers b ON "
			   "b.change_seq = a.change_seq + 1 WHERE b.updated_at < "
			   "a.updated_at"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM pragma_foreign_key_check"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM sessions") +
			 Q("SELECT count(*) FROM idempotency") +
			 Q("SELECT count(*) FROM audit"), 0);
}
END_TEST

START_TEST(test_units)
{
	static const char *const codes[] = {
		"01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24",
		"25", "31", "33", "37", "38", "40", "42", "44", "46", "48", "51",
		"52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92",
		"96",
	};
	char sql[160];

	ck_assert_int_eq(Q("SELECT count(*) FROM units WHERE level = 'province'"), 34);
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM units WHERE code = "
			 "'%s' AND level = 'province' AND parent IS NULL", codes[i]);
		ck_assert_msg(Q(sql) == 1, "province %s", codes[i]);
	}
	ck_assert_int_eq(Q("SELECT count(*) FROM units WHERE level = 'province' "
			   "AND name NOT LIKE 'Tỉnh %' AND name NOT LIKE "
			   "'Thành phố %'"), 0);
	/* every commune of Hà Nội, and some elsewhere */
	ck_assert_int_eq(Q("SELECT count(*) FROM units WHERE parent = '01'"), 126);
	ck_assert_int_ge(Q("SELECT count(DISTINCT parent) FROM units WHERE level = "
			   "'commune'"), 5);
	ck_assert_int_eq(Q("SELECT count(*) FROM units WHERE level = 'commune' AND "
			   "(length(code) != 5 OR code GLOB '*[^0-9]*' OR parent "
			   "IS NULL OR (name NOT LIKE 'Xã %' AND name NOT LIKE "
			   "'Phường %' AND name NOT LIKE 'Đặc khu %'))"), 0);
	ck_assert_int_ge(Q("SELECT count(*) FROM units WHERE name LIKE 'Đặc khu %'"), 3);
	ck_assert_int_eq(Q("SELECT count(*) FROM units WHERE code = '00070' AND "
			   "name = 'Phường Hoàn Kiếm'"), 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM agencies a JOIN units u ON "
			   "u.code = a.unit_code WHERE u.level = 'commune' AND "
			   "a.code_prefix = a.id"), 2);
}
END_TEST

START_TEST(test_users_and_accounts)
{
	sqlite3_stmt *st;
	int n = 0;

	/* at least 2 reception, 2 specialists, 1 leader, 1 records each */
	ck_assert_int_eq(Q("SELECT count(*) FROM (SELECT agency_id FROM users "
			   "GROUP BY agency_id HAVING sum(role = 'reception') >= 2 "
			   "AND sum(role = 'specialist') >= 2 AND sum(role = "
			   "'leader') >= 1 AND sum(role = 'records') >= 1)"), 2);
	ck_assert_int_eq(Q("SELECT count(*) FROM users WHERE length(salt) != 32 "
			   "OR length(pw_hash) != 64 OR length(api_key) < 32"), 0);
	ck_assert_int_eq(Q("SELECT count(DISTINCT salt) FROM users"),
			 Q("SELECT count(*) FROM users"));
	st = prep("SELECT salt, pw_hash, role, agency_id FROM users WHERE login = ?");
	for (const struct sbx_account *a = sbx_accounts; a->login; a++, n++) {
		sqlite3_bind_text(st, 1, a->login, -1, SQLITE_STATIC);
		ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "%s", a->login);
		ck_assert(pw_check(col(st, 0), a->password, col(st, 1)));
		ck_assert(!pw_check(col(st, 0), "wrong", col(st, 1)));
		ck_assert_str_eq(col(st, 2), a->role);
		ck_assert_str_eq(col(st, 3), a->agency);
		ck_assert_int_ge(role_parse(a->role), 0);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(n, Q("SELECT count(*) FROM users"));
}
END_TEST

START_TEST(test_catalog)
{
	sqlite3_stmt *st;

	ck_assert_int_ge(Q("SELECT count(*) FROM procedures"), 25);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures WHERE level != "
			   "'commune' OR minutes < 0 OR days_text = '' OR fee < 0 "
			   "OR result = ''"), 0);
	/* real codes and facts */
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures WHERE code IN "
			   "('1.001193', '1.000894', '1.000656', '2.000815', "
			   "'2.000884', '1.004222', '1.004194', '1.001612', "
			   "'1.004873', '1.004884', '1.004859', '1.004837', "
			   "'1.001022', '2.000635')"), 14);
	ck_assert_int_eq(Q("SELECT fee FROM procedures WHERE code = '2.000815'"), 2000);
	ck_assert_int_eq(Q("SELECT fee FROM procedures WHERE code = '1.001193'"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures WHERE cutoff_minute = "
			   "900 AND code IN ('2.000815', '2.000884', 'SBX.LT1', "
			   "'SBX.DD1', '1.001193')"), 5);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures WHERE cutoff_minute "
			   "IS NOT NULL AND cutoff_minute != 900"), 0);
	ck_assert_int_ge(Q("SELECT count(DISTINCT field) FROM procedures"), 6);
	/* the joint procedure for children under 6 */
	ck_assert_int_eq(Q("SELECT joint FROM procedures WHERE name LIKE "
			   "'Liên thông đăng ký khai sinh, đăng ký thường trú, "
			   "cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi'"), 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_parts WHERE "
			   "procedure_code = 'SBX.LT1' AND part_code IN "
			   "('1.001193', '1.004222', 'SBX.BH1')"), 3);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_parts WHERE "
			   "procedure_code = 'SBX.LT1'"), 3);
	/* the card alone asks for the child's ID number: a register lookup */
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_fields WHERE "
			   "procedure_code = 'SBX.BH1' AND key = 'child.id_number' "
			   "AND lookup = 'citizen'"), 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures p WHERE joint != "
			   "EXISTS (SELECT 1 FROM procedure_parts WHERE "
			   "procedure_code = p.code)"), 0);
	/* components, with national data where it replaces paper */
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures p WHERE NOT EXISTS "
			   "(SELECT 1 FROM procedure_components WHERE "
			   "procedure_code = p.code) OR NOT EXISTS (SELECT 1 FROM "
			   "procedure_fields WHERE procedure_code = p.code)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_components WHERE "
			   "national_source IS NOT NULL AND national_source NOT IN "
			   "('population', 'civil_status', 'enterprise', 'land', "
			   "'tax')"), 0);
	ck_assert_int_ge(Q("SELECT count(DISTINCT national_source) FROM "
			   "procedure_components"), 4);
	/* fields: lookups first, then the fields they fill */
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_fields WHERE lookup = "
			   "'citizen' AND type != 'id_number'"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_fields WHERE lookup = "
			   "'enterprise' AND type != 'tax_code'"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedures p WHERE NOT EXISTS "
			   "(SELECT 1 FROM procedure_fields WHERE procedure_code = "
			   "p.code AND key = 'applicant.id_number' AND lookup = "
			   "'citizen')"), 0);
	ck_assert_int_ge(Q("SELECT count(*) FROM procedure_fields WHERE key = "
			   "'business.tax_code' AND lookup = 'enterprise'"), 3);
	ck_assert_int_eq(Q("SELECT count(*) FROM procedure_fields WHERE type = "
			   "'select' AND (options IS NULL OR NOT json_valid(options) "
			   "OR json_type(options) != 'array')"), 0);
	/* fill_from keys are columns of the registers, and each has a lookup
	 * of the same kind and prefix before it */
	st = prep("SELECT f.procedure_code, f.key, f.fill_from FROM "
		  "procedure_fields f WHERE fill_from IS NOT NULL");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = col(st, 1), *fill = col(st, 2);
		const char *colon = strchr(fill, ':'), *dot = strchr(key, '.');
		char sql[512];

		EXPECT(colon && dot, "%s: bad fill_from %s", key, fill);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM pragma_table_info("
			 "'%s') WHERE name = '%s'", !strncmp(fill, "citizen:", 8) ?
			 "citizens" : "enterprises", colon + 1);
		EXPECT(Q(sql) == 1, "%s fills from %s", key, fill);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM procedure_fields "
			 "WHERE procedure_code = '%s' AND key = '%.*s.%s' AND "
			 "lookup = '%.*s' AND seq < (SELECT seq FROM "
			 "procedure_fields WHERE procedure_code = '%s' AND key = "
			 "'%s')", col(st, 0), (int)(dot - key), key,
			 !strncmp(fill, "citizen:", 8) ? "id_number" : "tax_code",
			 (int)(colon - fill), fill, col(st, 0), key);
		EXPECT(Q(sql) == 1, "%s: no lookup before %s", col(st, 0), key);
	}
	sqlite3_finalize(st);
}
END_TEST

/* Vietnamese text in NFC never holds combining diacritics (U+0300-036F,
 * UTF-8 CC 80 - CD AF). */
static bool has_combining(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((p[0] == 0xCC && p[1] >= 0x80 && p[1] <= 0xBF) ||
		    (p[0] == 0xCD && p[1] >= 0x80 && p[1] <= 0xAF))
			return true;
	return false;
}

START_TEST(test_text_is_nfc)
{
	sqlite3_stmt *tables, *st;
	char sql[256];
	long cells = 0;

	tables = prep("SELECT name FROM sqlite_master WHERE type = 'table'");
	while (sqlite3_step(tables) == SQLITE_ROW) {
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", col(tables, 0));
		st = prep(sql);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = col(st, i);

				cells++;
				EXPECT(!v || !has_combining(v), "%s: %s",
					      col(tables, 0), v);
			}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	ck_assert_int_gt(cells, 100000);
}
END_TEST

START_TEST(test_citizens)
{
	sqlite3_stmt *st;
	struct err e;
	long n = 0, nguyen = 0, kinh = 0;

	st = prep("SELECT id_number, full_name, birth_date, sex, "
		  "birth_registration_place, marital_status, phone, email, "
		  "ethnicity, nationality, religion FROM citizens");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct ident_cccd dec;
		char out[IDENT_BUF];
		int y, m, d;

		n++;
		EXPECT(ident_cccd_check(col(st, 0), out, sizeof out, &e) == 0,
			      "%s: %s", col(st, 0), e.msg);
		EXPECT(!strcmp(out, col(st, 0)), "%s != %s", out, col(st, 0));
		EXPECT(ident_cccd_decode(col(st, 0), &dec, NULL) == 0,
		       "%s: no decode", col(st, 0));
		EXPECT(sscanf(col(st, 2), "%d-%d-%d", &y, &m, &d) == 3, "%s",
		       col(st, 2));
		EXPECT(ident_date_is_valid(y, m, d), "%s: born %s", col(st, 0),
		       col(st, 2));
		EXPECT(dec.birth_year == y, "%s born %s", col(st, 0), col(st, 2));
		EXPECT((dec.sex == IDENT_SEX_MALE) == !strcmp(col(st, 3), "M"),
			      "%s sex %s", col(st, 0), col(st, 3));
		if (dec.place == IDENT_PLACE_PROVINCE)
			EXPECT(strstr(col(st, 4), dec.province),
				      "%s registered in %s", col(st, 0), col(st, 4));
		else
			EXPECT(!strncmp(col(st, 4), "Cơ quan đại diện", 15),
			       "%s registered in %s", col(st, 0), col(st, 4));
		EXPECT(2025 - y >= 0 && 2025 - y <= 91, "%s born %d", col(st, 0), y);
		if (2025 - y < 17)
			EXPECT(!strcmp(col(st, 5), "Chưa kết hôn"), "%s: %s at %d",
			       col(st, 0), col(st, 5), 2025 - y);
		if (col(st, 6))
			EXPECT(ident_phone_check(col(st, 6), NULL, 0, NULL,
						 NULL) == 0 &&
			       strlen(col(st, 6)) == 10, "%s: phone %s",
			       col(st, 0), col(st, 6));
		if (col(st, 7))
			EXPECT(strchr(col(st, 7), '@') != NULL, "%s: e-mail %s",
			       col(st, 0), col(st, 7));
		EXPECT(!strcmp(col(st, 9), "Việt Nam"), "%s: %s", col(st, 0),
		       col(st, 9));
		nguyen += !strncmp(col(st, 1), "Nguyễn ", strlen("Nguyễn "));
		kinh += !strcmp(col(st, 8), "Kinh");
		EXPECT(col(st, 10) != NULL, "%s: no religion", col(st, 0));
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(n, 10000);
	ck_assert_msg(nguyen > n * 28 / 100 && nguyen < n * 45 / 100, "%ld", nguyen);
	ck_assert_msg(kinh > n * 90 / 100, "%ld", kinh);
	/* households */
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens c WHERE NOT EXISTS "
			   "(SELECT 1 FROM citizens h WHERE h.id_number = "
			   "c.household_head_id AND h.relation_to_head = 'Chủ hộ' "
			   "AND h.permanent_address = c.permanent_address)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens WHERE (relation_to_head "
			   "= 'Chủ hộ') != (household_head_id = id_number)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens WHERE (marital_status = "
			   "'Đã kết hôn') != (spouse_name IS NOT NULL)"), 0);
	/* a wife's husband is her household's head, and names agree */
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens w JOIN citizens h ON "
			   "h.id_number = w.household_head_id WHERE "
			   "w.relation_to_head = 'Vợ' AND (h.spouse_name != "
			   "w.full_name OR w.spouse_name != h.full_name)"), 0);
	/* children of the head carry the head's name as a parent's */
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens k JOIN citizens h ON "
			   "h.id_number = k.household_head_id WHERE "
			   "k.relation_to_head = 'Con' AND h.full_name NOT IN "
			   "(k.father_name, k.mother_name)"), 0);
	ck_assert_int_ge(Q("SELECT count(DISTINCT household_head_id) FROM citizens"), 2000);
	ck_assert_int_ge(Q("SELECT count(*) FROM citizens WHERE birth_date > "
			   "'2019-10-15'"), 200);		/* under 6 */
	ck_assert_int_ge(Q("SELECT count(*) FROM citizens WHERE birth_date < "
			   "'1945-01-01'"), 50);
	ck_assert_int_ge(Q("SELECT count(DISTINCT permanent_unit) FROM citizens"), 100);
	ck_assert_int_ge(Q("SELECT count(*) FROM citizens WHERE temporary_address "
			   "IS NOT NULL AND current_address = temporary_address"), 50);
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens WHERE permanent_address "
			   "NOT LIKE '%, ' || (SELECT name FROM units WHERE code = "
			   "permanent_unit) || ', %'"), 0);
}
END_TEST

START_TEST(test_enterprises)
{
	sqlite3_stmt *st;
	struct err e;
	long branches = 0;

	st = prep("SELECT tax_code, kind FROM enterprises");
	while (sqlite3_step(st) == SQLITE_ROW) {
		char out[IDENT_BUF];
		bool branch;

		EXPECT(ident_tax_check(col(st, 0), out, sizeof out, &branch,
					      &e) == 0, "%s: %s", col(st, 0), e.msg);
		EXPECT(!strcmp(out, col(st, 0)), "%s != %s", out, col(st, 0));
		EXPECT(branch == !strcmp(col(st, 1), "Chi nhánh"), "%s is a %s",
		       col(st, 0), col(st, 1));
		branches += branch;
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(branches, 5);
	ck_assert_int_eq(Q("SELECT count(*) FROM enterprises b WHERE kind = "
			   "'Chi nhánh' AND NOT EXISTS (SELECT 1 FROM enterprises p "
			   "WHERE p.tax_code = substr(b.tax_code, 1, 10))"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM enterprises x LEFT JOIN citizens c "
			   "ON c.id_number = x.representative_id WHERE "
			   "x.representative_id IS NOT NULL AND (c.full_name IS NULL "
			   "OR c.full_name != x.representative)"), 0);
	ck_assert_int_ge(Q("SELECT count(*) FROM enterprises WHERE "
			   "representative_id IS NOT NULL"), 400);
	ck_assert_int_ge(Q("SELECT count(*) FROM enterprises WHERE kind = "
			   "'Hộ kinh doanh' AND name LIKE 'Hộ kinh doanh %'"), 150);
	ck_assert_int_ge(Q("SELECT count(*) FROM enterprises WHERE name LIKE "
			   "'Công ty TNHH %'"), 300);
	ck_assert_int_ge(Q("SELECT count(*) FROM enterprises WHERE status = "
			   "'active'") * 100 / 1000, 80);
	ck_assert_int_eq(Q("SELECT count(*) FROM enterprises WHERE status NOT IN "
			   "('active', 'suspended', 'dissolved')"), 0);
}
END_TEST

START_TEST(test_demo_data)
{
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens WHERE (id_number, "
			   "full_name) IN (VALUES ('001085012345', 'Nguyễn Văn An'), "
			   "('036188004567', 'Trần Thị Bình'), ('001222000321', "
			   "'Nguyễn Minh Khôi'), ('001158007777', 'Lê Thị Cúc'), "
			   "('001196023456', 'Phạm Thu Trang'), ('034040001122', "
			   "'Hoàng Văn Tư'))"), 6);
	ck_assert_int_eq(Q("SELECT count(*) FROM citizens WHERE id_number = "
			   "'001099999999'"), 0);
	ck_assert(ident_cccd_check("001099999999", NULL, 0, NULL) == 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM enterprises WHERE tax_code IN "
			   "('0107654326', '0105558881', '0105558881-001', "
			   "'8012345677')"), 4);
	ck_assert_int_eq(Q("SELECT count(*) FROM enterprises WHERE tax_code = "
			   "'8012345684'"), 0);
	ck_assert(ident_tax_check("8012345684", NULL, 0, NULL, NULL) == 0);
}
END_TEST

/* ---- dossiers -------------------------------------------------------- */

static bool in_office(int64_t t)
{
	struct cal_time tm;
	int mins;

	cal_split(t, &tm);
	mins = tm.hour * 60 + tm.minute;
	return cal_is_working_day(cal, tm.year, tm.month, tm.day) &&
	       ((mins >= 7 * 60 && mins < 11 * 60 + 30) ||
		(mins >= 13 * 60 + 30 && mins < 17 * 60) ||
		(tm.second == 0 && (mins == 11 * 60 + 30 || mins == 17 * 60)));
}

START_TEST(test_dossier_codes_and_times)
{
	sqlite3_stmt *st;
	char sql[320];

	st = prep("SELECT d.code, a.code_prefix, d.created_at, d.received_at, "
		  "d.status, d.channel, d.submitted_at, d.due_at FROM dossiers d "
		  "JOIN agencies a ON a.id = d.agency_id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = col(st, 0), *prefix = col(st, 1);
		size_t pl = strlen(prefix);
		struct cal_time t;
		char want[16];
		int64_t rec = sqlite3_column_int64(st, 3);

		EXPECT(!strncmp(code, prefix, pl) && strlen(code) == pl + 12,
			      "%s", code);
		cal_split(sqlite3_column_int64(st, 2), &t);
		snprintf(want, sizeof want, "-%02d%02d%02d-", t.year % 100,
			 t.month, t.day);
		EXPECT(!strncmp(code + pl, want, 8), "%s created %s", code, want);
		EXPECT(strspn(code + pl + 8, "0123456789") == 4, "%s", code);
		EXPECT(sqlite3_column_int64(st, 6) <= NOW, "%s submitted later",
		       code);
		if (sqlite3_column_type(st, 3) == SQLITE_NULL) {
			EXPECT(sqlite3_column_type(st, 7) == SQLITE_NULL,
			       "%s has a due date", code);
			EXPECT(sqlite3_column_int(st, 4) == ST_NEW ||
			       sqlite3_column_int(st, 4) == ST_REFUSED,
			       "%s: not received in status %d", code,
			       sqlite3_column_int(st, 4));
		} else {
			EXPECT(in_office(rec), "%s received out of hours", code);
			EXPECT(rec <= NOW, "%s received after now", code);
			EXPECT(sqlite3_column_int64(st, 6) <= rec,
			       "%s submitted after receipt", code);
		}
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE status = 1 AND "
			   "(channel != 2 OR received_at IS NOT NULL)"), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM dossiers WHERE "
		 "finished_at > returned_at OR finished_at < received_at OR "
		 "max(submitted_at, coalesce(received_at, 0), coalesce("
		 "finished_at, 0), coalesce(returned_at, 0), updated_at) > %lld",
		 (long long)NOW);
	ck_assert_int_eq(Q(sql), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE (status IN (9, "
			   "10)) != (finished_at IS NOT NULL) OR (status = 10) != "
			   "(returned_at IS NOT NULL)"), 0);
	ck_assert_int_ge(Q("SELECT min(received_at) FROM dossiers"),
			 NOW - 200 * 86400);
	ck_assert_int_le(Q("SELECT min(received_at) FROM dossiers"),
			 NOW - 150 * 86400);
}
END_TEST

START_TEST(test_due_dates)
{
	sqlite3_stmt *st;
	long checked = 0;

	/* due = cal_due(received, minutes, cutoff), or the last move */
	st = prep("SELECT d.code, d.received_at, d.due_at, p.minutes, "
		  "coalesce(p.cutoff_minute, -1), (SELECT new_due FROM due_history "
		  "WHERE dossier_code = d.code ORDER BY seq DESC LIMIT 1), d.status "
		  "FROM dossiers d JOIN procedures p ON p.code = d.procedure_code "
		  "WHERE d.received_at IS NOT NULL");
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t want = sqlite3_column_type(st, 5) != SQLITE_NULL ?
			       sqlite3_column_int64(st, 5) :
			       cal_due(cal, sqlite3_column_int64(st, 1),
				       sqlite3_column_int(st, 3),
				       sqlite3_column_int(st, 4));

		EXPECT(sqlite3_column_int64(st, 2) == want, "%s", col(st, 0));
		checked += status_is_open(sqlite3_column_int(st, 6));
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(checked, 300);
	/* each supplement move restarts from the supplement's receipt */
	st = prep("SELECT h.dossier_code, h.at, h.new_due, p.minutes, "
		  "coalesce(p.cutoff_minute, -1), h.old_due FROM due_history h "
		  "JOIN dossiers d ON d.code = h.dossier_code JOIN procedures p "
		  "ON p.code = d.procedure_code WHERE h.reason = 'supplement'");
	while (sqlite3_step(st) == SQLITE_ROW) {
		EXPECT(sqlite3_column_int64(st, 2) ==
		       cal_due(cal, sqlite3_column_int64(st, 1),
			       sqlite3_column_int(st, 3), sqlite3_column_int(st, 4)),
		       "%s: supplement due", col(st, 0));
		EXPECT(sqlite3_column_int64(st, 5) != sqlite3_column_int64(st, 2),
		       "%s: supplement did not move the date", col(st, 0));
	}
	sqlite3_finalize(st);
	ck_assert_int_ge(Q("SELECT count(*) FROM due_history WHERE reason = "
			   "'supplement'"), 50);
	ck_assert_int_eq(Q("SELECT count(*) FROM due_history h JOIN dossier_log l "
			   "ON l.dossier_code = h.dossier_code AND l.at = h.at AND "
			   "l.action = CASE h.reason WHEN 'supplement' THEN "
			   "'receive-supplement' ELSE 'reschedule' END"),
			 Q("SELECT count(*) FROM due_history"));
}
END_TEST

START_TEST(test_apology)
{
	int64_t old_due, at;

	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE apology_used = 1"), 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM due_history WHERE reason = "
			   "'apology'"), 1);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d JOIN due_history h ON "
			   "h.dossier_code = d.code WHERE h.reason = 'apology' AND "
			   "d.apology_used = 1 AND d.due_at = h.new_due AND "
			   "h.new_due > h.old_due AND d.status = 4"), 1);
	/* sent at least a working day before the old date */
	old_due = Q("SELECT old_due FROM due_history WHERE reason = 'apology'");
	at = Q("SELECT at FROM due_history WHERE reason = 'apology'");
	ck_assert_int_le(at, cal_apology_deadline(cal, old_due));
	ck_assert_int_le(at, NOW);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossier_log WHERE action = "
			   "'reschedule'"), 1);
}
END_TEST

enum { OVERDUE, TODAY, SOON, INTIME, EARLY, ONTIME, LATE, NBANDS };

START_TEST(test_every_situation)
{
	static const char *const names[] = {
		"overdue", "due today", "due within 2 working days", "in time",
		"early", "on time", "late",
	};
	long band[NBANDS] = { 0 }, online;
	sqlite3_stmt *st;

	for (int s = ST_MIN; s <= ST_MAX; s++) {
		char sql[96];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM dossiers WHERE "
			 "status = %d", s);
		ck_assert_msg(Q(sql) > 0, "no dossier in status %d", s);
		snprintf(sql, sizeof sql, "SELECT count(DISTINCT agency_id) FROM "
			 "dossiers WHERE status = %d", s);
		ck_assert_msg(Q(sql) == 2, "status %d at one agency only", s);
	}
	for (int ch = CH_DIRECT; ch <= CH_POSTAL; ch++) {
		char sql[96];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM dossiers WHERE "
			 "channel = %d", ch);
		ck_assert_int_gt(Q(sql), 100);
	}
	online = Q("SELECT count(*) FROM dossiers WHERE channel = 2");
	ck_assert_msg(online >= 2000 && online <= 3000, "online %ld", online);
	st = prep("SELECT status, due_at, finished_at FROM dossiers WHERE "
		  "due_at IS NOT NULL");
	while (sqlite3_step(st) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0);
		int64_t due = sqlite3_column_int64(st, 1);

		if (status_is_open(s)) {
			if (due <= NOW)
				band[OVERDUE]++;
			else if (due <= cal_join(2025, 10, 15, 23, 59, 59))
				band[TODAY]++;
			else if (cal_working_minutes_between(cal, NOW, due) <= 960)
				band[SOON]++;
			else
				band[INTIME]++;
		} else if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			int64_t fin = sqlite3_column_int64(st, 2);

			band[fin < due ? EARLY : fin == due ? ONTIME : LATE]++;
		}
	}
	sqlite3_finalize(st);
	for (int b = 0; b < NBANDS; b++)
		ck_assert_msg(band[b] >= 10, "%s: %ld", names[b], band[b]);
	/* most results early, as commune desks report */
	ck_assert_int_gt(band[EARLY], 3 * (band[ONTIME] + band[LATE]));
	/* due dates in the future exist beyond two working days */
	ck_assert_int_gt(Q("SELECT count(*) FROM dossiers WHERE due_at > "
			   "strftime('%s', '2025-10-20')"), 50);
}
END_TEST

START_TEST(test_logs)
{
	sqlite3_stmt *st;
	char code[64] = "";
	int64_t prev_at = 0;
	int prev_to = 0, seq = 0;
	long n = 0;

	/* per dossier: consecutive, in time order, each step leaving from
	 * the status the previous one reached, by a user of the dossier's
	 * agency in their role, in office hours */
	st = prep("SELECT l.dossier_code, l.seq, l.at, l.user_id, l.role, "
		  "l.action, l.from_status, l.to_status, u.role, u.agency_id, "
		  "d.agency_id FROM dossier_log l JOIN dossiers d ON d.code = "
		  "l.dossier_code LEFT JOIN users u ON u.id = l.user_id ORDER BY "
		  "l.dossier_code, l.seq");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *action = col(st, 5);
		int64_t at = sqlite3_column_int64(st, 2);

		n++;
		if (strcmp(code, col(st, 0))) {
			snprintf(code, sizeof code, "%s", col(st, 0));
			seq = 0;
			prev_at = 0;
			EXPECT(sqlite3_column_type(st, 6) == SQLITE_NULL,
				      "%s starts from a status", code);
		} else {
			EXPECT(sqlite3_column_int(st, 6) == prev_to,
			       "%s: log %d leaves from another status", code,
			       seq + 1);
		}
		EXPECT(sqlite3_column_int(st, 1) == ++seq, "%s: log %d missing", code,
		       seq);
		EXPECT(at >= prev_at, "%s: log %d goes back in time", code, seq);
		EXPECT(at <= NOW, "%s: log %d after now", code, seq);
		EXPECT(!strcmp(action, "submit") || action_parse(action) >= 0,
		       "%s: unknown action %s", code, action);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			EXPECT(!strcmp(col(st, 4), col(st, 8)), "%s: role %s, user "
			       "is %s", code, col(st, 4), col(st, 8));
			EXPECT(!strcmp(col(st, 9), col(st, 10)), "%s: user of %s",
			       code, col(st, 9));
			EXPECT(in_office(at), "%s: %s out of office hours", code,
			       action);
		} else {
			EXPECT(col(st, 4) == NULL, "%s: role without user", code);
			EXPECT(!strcmp(action, "submit") ||
			       !strcmp(action, "withdraw"),
			       "%s: %s without a user", code, action);
		}
		prev_at = at;
		prev_to = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(n, 20000);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE status != "
			   "(SELECT to_status FROM dossier_log WHERE dossier_code = "
			   "d.code ORDER BY seq DESC LIMIT 1) OR version != (SELECT "
			   "count(*) FROM dossier_log WHERE dossier_code = d.code) "
			   "OR created_at != (SELECT min(at) FROM dossier_log WHERE "
			   "dossier_code = d.code) OR updated_at != (SELECT max(at) "
			   "FROM dossier_log WHERE dossier_code = d.code)"), 0);
	/* the log marks the dossier's times */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE received_at IS "
			   "NOT NULL AND NOT EXISTS (SELECT 1 FROM dossier_log WHERE "
			   "dossier_code = d.code AND action = 'accept' AND at = "
			   "d.received_at)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE finished_at IS "
			   "NOT NULL AND NOT EXISTS (SELECT 1 FROM dossier_log WHERE "
			   "dossier_code = d.code AND action = 'result-ready' AND at "
			   "= d.finished_at)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE returned_at IS "
			   "NOT NULL AND NOT EXISTS (SELECT 1 FROM dossier_log WHERE "
			   "dossier_code = d.code AND action = 'return-result' AND "
			   "at = d.returned_at)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossier_log WHERE action = "
			   "'submit' AND to_status != 1"), 0);
}
END_TEST

START_TEST(test_steps_and_assignees)
{
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d LEFT JOIN users u ON "
			   "u.id = d.assignee_id WHERE NOT CASE d.status "
			   "WHEN 1 THEN step = 'reception' AND assignee_id IS NULL "
			   "WHEN 2 THEN step = 'assignment' AND u.role = 'leader' "
			   "WHEN 3 THEN step = 'done' AND assignee_id IS NULL "
			   "WHEN 4 THEN step IN ('processing', 'signing', 'issue') "
			   "AND u.role = 'specialist' "
			   "WHEN 5 THEN step = 'processing' AND u.role = "
			   "'specialist' "
			   "WHEN 6 THEN step = 'issue' AND u.role = 'specialist' "
			   "WHEN 9 THEN step = 'return' AND assignee_id IS NULL "
			   "ELSE step = 'done' AND assignee_id IS NULL END"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d JOIN users u ON u.id "
			   "= d.assignee_id WHERE u.agency_id != d.agency_id"), 0);
	ck_assert_int_eq(Q("SELECT count(DISTINCT step) FROM dossiers WHERE "
			   "status = 4"), 3);
	/* the step matches what the log says last happened */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE status = 4 AND "
			   "step = 'signing' AND (SELECT action FROM dossier_log "
			   "WHERE dossier_code = d.code ORDER BY seq DESC LIMIT 1) "
			   "!= 'forward-signing'"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE status = 4 AND "
			   "step = 'issue' AND (SELECT action FROM dossier_log "
			   "WHERE dossier_code = d.code ORDER BY seq DESC LIMIT 1) "
			   "NOT IN ('approve', 'confirm-payment')"), 0);
	/* status 6: signed with a financial obligation not yet paid */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE status = 6 AND "
			   "(fee = 0 OR (SELECT action FROM dossier_log WHERE "
			   "dossier_code = d.code ORDER BY seq DESC LIMIT 1) != "
			   "'approve')"), 0);
	ck_assert_int_gt(Q("SELECT count(*) FROM dossier_log WHERE action = "
			   "'confirm-payment' AND from_status = 6 AND to_status = "
			   "4"), 100);
}
END_TEST

START_TEST(test_components_fees_forms)
{
	sqlite3_stmt *st;

	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE (SELECT "
			   "count(*) FROM dossier_components WHERE dossier_code = "
			   "d.code) != (SELECT count(*) FROM procedure_components "
			   "WHERE procedure_code = d.procedure_code)"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossier_components c JOIN "
			   "dossiers d ON d.code = c.dossier_code JOIN "
			   "procedure_components p ON p.procedure_code = "
			   "d.procedure_code AND p.seq = c.seq WHERE p.name != "
			   "c.name OR (c.from_national = 1 AND p.national_source IS "
			   "NULL)"), 0);
	ck_assert_int_gt(Q("SELECT count(*) FROM dossier_components WHERE "
			   "from_national = 1"), 3000);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d WHERE status = 5 AND "
			   "NOT EXISTS (SELECT 1 FROM dossier_components WHERE "
			   "dossier_code = d.code AND provided = 0)"), 0);
	/* fees from the catalog */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d JOIN procedures p ON "
			   "p.code = d.procedure_code WHERE p.code NOT IN "
			   "('2.000815', '2.000942', '2.000635') AND d.channel != 2 "
			   "AND d.fee != p.fee"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE procedure_code = "
			   "'1.004222' AND channel = 2 AND fee != 10000"), 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE procedure_code = "
			   "'2.000635' AND fee != 8000 * json_extract(form, "
			   "'$.\"extract.copies\"')"), 0);
	/* copies: 2,000 a page, 1,000 from the third, 200,000 at most */
	ck_assert_int_eq(Q("SELECT count(*) FROM (SELECT fee, CAST(json_extract("
			   "form, '$.\"document.pages\"') AS INTEGER) pg, "
			   "CAST(json_extract(form, '$.\"document.copies\"') AS "
			   "INTEGER) cp FROM dossiers WHERE procedure_code = "
			   "'2.000815') WHERE fee != cp * min(200000, 2000 * "
			   "min(pg, 2) + 1000 * max(pg - 2, 0))"), 0);
	/* forms: valid JSON with every required field */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE NOT "
			   "json_valid(form) OR json_type(form) != 'object'"), 0);
	st = prep("SELECT d.code, f.key FROM dossiers d JOIN procedure_fields f "
		  "ON f.procedure_code = d.procedure_code WHERE f.required = 1 "
		  "AND json_extract(d.form, '$.\"' || f.key || '\"') IS NULL");
	if (sqlite3_step(st) == SQLITE_ROW)
		ck_abort_msg("%s lacks required %s", col(st, 0), col(st, 1));
	sqlite3_finalize(st);
	/* filled fields agree with the registers */
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d JOIN citizens c ON "
			   "c.id_number = json_extract(d.form, "
			   "'$.\"applicant.id_number\"') WHERE c.full_name != "
			   "json_extract(d.form, '$.\"applicant.full_name\"') OR "
			   "c.birth_date != json_extract(d.form, "
			   "'$.\"applicant.birth_date\"') OR c.permanent_address != "
			   "json_extract(d.form, '$.\"applicant.permanent_address\"')"),
			 0);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers d JOIN enterprises x ON "
			   "x.tax_code = json_extract(d.form, "
			   "'$.\"business.tax_code\"') WHERE x.name != "
			   "json_extract(d.form, '$.\"business.name\"')"), 0);
	ck_assert_int_gt(Q("SELECT count(*) FROM dossiers WHERE json_extract(form, "
			   "'$.\"business.tax_code\"') IS NOT NULL"), 20);
	/* applicants: mostly people of the register, some proxies, some
	 * companies */
	ck_assert_int_gt(Q("SELECT count(*) FROM dossiers d JOIN citizens c ON "
			   "c.id_number = d.applicant_id AND c.full_name = "
			   "d.applicant_name"), 4500);
	ck_assert_int_gt(Q("SELECT count(*) FROM dossiers WHERE proxy_id IS NOT "
			   "NULL"), 100);
	ck_assert_int_gt(Q("SELECT count(*) FROM dossiers d JOIN enterprises x ON "
			   "x.tax_code = d.applicant_id"), 20);
	ck_assert_int_eq(Q("SELECT count(*) FROM dossiers WHERE applicant_id "
			   "IS NULL OR applicant_name = ''"), 0);
}
END_TEST

/* ---- seeding itself -------------------------------------------------- */

START_TEST(test_deterministic)
{
	char a[PW_SHA256_HEX], b[PW_SHA256_HEX], c[PW_SHA256_HEX];
	sqlite3 *d1 = fresh_db(":memory:"), *d2 = fresh_db(":memory:");
	sqlite3 *d3 = fresh_db(":memory:");
	struct err e;

	ck_assert_msg(seed_into(d1, 7, 600, 60, 400, &e) == 0, "%s", e.msg);
	ck_assert_msg(seed_into(d2, 7, 600, 60, 400, &e) == 0, "%s", e.msg);
	ck_assert_msg(seed_into(d3, 8, 600, 60, 400, &e) == 0, "%s", e.msg);
	content_hash(d1, a);
	content_hash(d2, b);
	content_hash(d3, c);
	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_int_eq(q_int(d1, "SELECT count(*) FROM citizens"), 600);
	ck_assert_int_eq(q_int(d1, "SELECT count(*) FROM enterprises"), 60);
	ck_assert_int_eq(q_int(d1, "SELECT count(*) FROM dossiers"), 400);
	/* even small, every status is there */
	ck_assert_int_eq(q_int(d3, "SELECT count(DISTINCT status) FROM dossiers"), 10);
	ck_assert_int_eq(q_int(d3, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	ck_assert_int_eq(q_int(d3, "SELECT sum(apology_used) FROM dossiers"), 1);
	sqlite3_close(d1);
	sqlite3_close(d2);
	sqlite3_close(d3);
}
END_TEST

START_TEST(test_refusals)
{
	sqlite3 *d = fresh_db(":memory:"), *bare;
	struct sbx_seed_opts o = { .seed = 1, .now = NOW, .citizens = 300,
				   .enterprises = 30, .dossiers = 50 };
	struct err e;

	o.now = 0;
	ck_assert_int_eq(sbx_seed(d, &o, cal, &e), -1);
	ck_assert(strstr(e.msg, "clock") != NULL);
	o.now = NOW;
	o.citizens = 50;
	ck_assert_int_eq(sbx_seed(d, &o, cal, &e), -1);
	ck_assert(strstr(e.msg, "citizens") != NULL);
	o.citizens = 300;
	ck_assert_int_eq(sbx_seed(d, &o, cal, &e), 0);
	/* a second seed would mix two data sets */
	ck_assert_int_eq(sbx_seed(d, &o, cal, &e), -1);
	ck_assert(strstr(e.msg, "already") != NULL);
	ck_assert_int_eq(q_int(d, "SELECT count(*) FROM dossiers"), 50);
	/* without the schema */
	ck_assert_int_eq(sqlite3_open(":memory:", &bare), SQLITE_OK);
	ck_assert_int_eq(sbx_seed(bare, &o, cal, &e), -1);
	ck_assert(strstr(e.msg, "schema") != NULL);
	sqlite3_close(bare);
	sqlite3_close(d);
}
END_TEST

/* The server seeds at the wall clock, whatever it is: a Saturday night,
 * or inside the Tết break. Nothing may happen after now, due dates still
 * follow the calendar, every status is there. */
START_TEST(test_any_clock)
{
	static const int when[][5] = {
		{ 2025, 10, 18, 22, 0 }, { 2026, 2, 17, 10, 0 },
		{ 2026, 1, 1, 6, 30 },
	};
	struct sbx_seed_opts o = { .seed = 3, .citizens = 400,
				   .enterprises = 40, .dossiers = 300 };
	struct err e;
	char sql[512];

	for (size_t i = 0; i < sizeof when / sizeof *when; i++) {
		sqlite3 *d = fresh_db(":memory:");

		o.now = cal_join(when[i][0], when[i][1], when[i][2], when[i][3],
				 when[i][4], 0);
		ck_assert_msg(sbx_seed(d, &o, cal, &e) == 0, "%s", e.msg);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM dossiers WHERE "
			 "max(submitted_at, coalesce(received_at, 0), "
			 "coalesce(finished_at, 0), coalesce(returned_at, 0), "
			 "updated_at) > %lld", (long long)o.now);
		ck_assert_int_eq(q_int(d, sql), 0);
		ck_assert_int_eq(q_int(d, "SELECT count(DISTINCT status) FROM "
				       "dossiers"), 10);
		ck_assert_int_eq(q_int(d, "SELECT sum(apology_used) FROM "
				       "dossiers"), 1);
		ck_assert_int_eq(q_int(d, "SELECT count(*) FROM "
				       "pragma_foreign_key_check"), 0);
		sqlite3_close(d);
	}
}
END_TEST

static Suite *seed_suite(void)
{
	Suite *s = suite_create("seed");
	TCase *pure = tcase_create("sha256");
	TCase *data = tcase_create("data");
	TCase *seeding = tcase_create("seeding");

	tcase_add_test(pure, test_sha256_vectors);
	tcase_add_test(pure, test_sha256_incremental);
	tcase_add_test(pure, test_password_hash);
	suite_add_tcase(s, pure);

	tcase_add_unchecked_fixture(data, setup_db, teardown_db);
	tcase_add_checked_fixture(data, open_db, close_db);
	tcase_set_timeout(data, 120);
	tcase_add_test(data, test_counts_and_meta);
	tcase_add_test(data, test_units);
	tcase_add_test(data, test_users_and_accounts);
	tcase_add_test(data, test_catalog);
	tcase_add_test(data, test_text_is_nfc);
	tcase_add_test(data, test_citizens);
	tcase_add_test(data, test_enterprises);
	tcase_add_test(data, test_demo_data);
	tcase_add_test(data, test_dossier_codes_and_times);
	tcase_add_test(data, test_due_dates);
	tcase_add_test(data, test_apology);
	tcase_add_test(data, test_every_situation);
	tcase_add_test(data, test_logs);
	tcase_add_test(data, test_steps_and_assignees);
	tcase_add_test(data, test_components_fees_forms);
	suite_add_tcase(s, data);

	tcase_add_checked_fixture(seeding, setup_cal, teardown_cal);
	tcase_set_timeout(seeding, 120);
	tcase_add_test(seeding, test_deterministic);
	tcase_add_test(seeding, test_refusals);
	tcase_add_test(seeding, test_any_clock);
	suite_add_tcase(s, seeding);
	return s;
}

CHECK_MAIN(seed_suite)
