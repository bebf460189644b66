/* The seed driver: checks the options, then fills the database in one
 * savepoint, part by part (units, agencies, users, catalog, registers,
 * dossiers, meta). See seed.h and sandbox/TRAINING.md. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/password.h"
#include "core/xalloc.h"
#include "seed_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define DEMO_PASSWORD "motcua-demo"

#define MIN_CITIZENS 200
#define MIN_ENTERPRISES 20

/* The two communes the sandbox plays, both in Hà Nội: one province system
 * serves every commune of the province. Agency ids follow the national
 * electronic agency code pattern (H26: Hà Nội); they are illustrative. */
static const struct sbx_agency agencies[] = {
	{ "000.01.01.H26",
	  "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm", "00070" },
	{ "000.02.01.H26",
	  "Trung tâm Phục vụ hành chính công xã Bát Tràng", "00577" },
};

#define CIVIL "Hộ tịch"
#define CERT "Chứng thực"
#define OTHER_FIELDS "Đăng ký, quản lý cư trú|Thành lập và hoạt động của " \
	"hộ kinh doanh|Bảo trợ xã hội|Giảm nghèo|Đất đai"

/* Users, in id order (id = index + 1). Specialists list the procedure
 * fields they handle, so dossiers go to the right desk. */
static const struct sbx_user users[] = {
	{ "tiepnhan1", "Nguyễn Thị Thu Hà", ROLE_RECEPTION, 0, NULL },
	{ "tiepnhan2", "Trần Minh Đức", ROLE_RECEPTION, 0, NULL },
	{ "chuyenvien1", "Lê Thị Hồng Nhung", ROLE_SPECIALIST, 0, CIVIL },
	{ "chuyenvien2", "Phạm Quang Huy", ROLE_SPECIALIST, 0, CERT },
	{ "chuyenvien3", "Vũ Thị Lan Anh", ROLE_SPECIALIST, 0, OTHER_FIELDS },
	{ "lanhdao1", "Đỗ Văn Thành", ROLE_LEADER, 0, NULL },
	{ "vanthu1", "Ngô Thị Mai", ROLE_RECORDS, 0, NULL },
	{ "tiepnhan3", "Hoàng Thị Ngọc Ánh", ROLE_RECEPTION, 1, NULL },
	{ "tiepnhan4", "Bùi Văn Khải", ROLE_RECEPTION, 1, NULL },
	{ "chuyenvien4", "Đặng Thị Thu Trang", ROLE_SPECIALIST, 1,
	  CIVIL "|" CERT },
	{ "chuyenvien5", "Nguyễn Hữu Tâm", ROLE_SPECIALIST, 1, OTHER_FIELDS },
	{ "lanhdao2", "Lê Văn Hải", ROLE_LEADER, 1, NULL },
	{ "vanthu2", "Phạm Thị Hoa", ROLE_RECORDS, 1, NULL },
};

const struct sbx_account sbx_accounts[] = {
	{ "tiepnhan1", DEMO_PASSWORD, "reception", "000.01.01.H26" },
	{ "tiepnhan2", DEMO_PASSWORD, "reception", "000.01.01.H26" },
	{ "chuyenvien1", DEMO_PASSWORD, "specialist", "000.01.01.H26" },
	{ "chuyenvien2", DEMO_PASSWORD, "specialist", "000.01.01.H26" },
	{ "chuyenvien3", DEMO_PASSWORD, "specialist", "000.01.01.H26" },
	{ "lanhdao1", DEMO_PASSWORD, "leader", "000.01.01.H26" },
	{ "vanthu1", DEMO_PASSWORD, "records", "000.01.01.H26" },
	{ "tiepnhan3", DEMO_PASSWORD, "reception", "000.02.01.H26" },
	{ "tiepnhan4", DEMO_PASSWORD, "reception", "000.02.01.H26" },
	{ "chuyenvien4", DEMO_PASSWORD, "specialist", "000.02.01.H26" },
	{ "chuyenvien5", DEMO_PASSWORD, "specialist", "000.02.01.H26" },
	{ "lanhdao2", DEMO_PASSWORD, "leader", "000.02.01.H26" },
	{ "vanthu2", DEMO_PASSWORD, "records", "000.02.01.H26" },
	{ NULL, NULL, NULL, NULL },
};

/* ---- statement helpers ----------------------------------------------- */

int sbx_seed_prepare(struct sbx_seed_ctx *c, sqlite3_stmt **st,
		     const char *sql, struct err *e)
{
	if (sqlite3_prepare_v2(c->db, sql, -1, st, NULL) != SQLITE_OK)
		return err_set(e, _("cannot prepare \"%.60s...\": %s"), sql,
			       sqlite3_errmsg(c->db));
	return 0;
}

int sbx_seed_step(struct sbx_seed_ctx *c, sqlite3_stmt *st, const char *what,
		  struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return err_set(e, _("cannot insert %s: %s"), what,
			       sqlite3_errmsg(c->db));
	return 0;
}

void sbx_seed_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void sbx_seed_bind_int(sqlite3_stmt *st, int i, int64_t v, bool present)
{
	if (present)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* ---- the set of used numbers ----------------------------------------- */

static uint64_t digits_value(const char *s)
{
	uint64_t v = 0;

	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			v = v * 10 + (uint64_t)(*s - '0');
	return v + 1;		/* 0 marks an empty slot */
}

bool sbx_idset_add(struct sbx_idset *s, const char *digits)
{
	uint64_t v = digits_value(digits);
	size_t i;

	if (2 * (s->n + 1) > s->cap) {
		struct sbx_idset g = { .cap = s->cap ? 2 * s->cap : 1024 };

		g.slot = xcalloc(g.cap, sizeof *g.slot);
		for (i = 0; i < s->cap; i++) {
			size_t j;

			if (!s->slot[i])
				continue;
			j = (size_t)(s->slot[i] * 0x9E3779B97F4A7C15ULL) &
			    (g.cap - 1);
			while (g.slot[j])
				j = (j + 1) & (g.cap - 1);
			g.slot[j] = s->slot[i];
		}
		g.n = s->n;
		free(s->slot);
		*s = g;
	}
	i = (size_t)(v * 0x9E3779B97F4A7C15ULL) & (s->cap - 1);
	for (; s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (s->slot[i] == v)
			return false;
	s->slot[i] = v;
	s->n++;
	return true;
}

void sbx_idset_free(struct sbx_idset *s)
{
	free(s->slot);
	s->slot = NULL;
	s->cap = s->n = 0;
}

/* ---- agencies, users, meta ------------------------------------------ */

static void random_hex(struct rng *r, char *out, size_t nbytes)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < nbytes; i++) {
		unsigned b = rng_below(r, 256);

		out[2 * i] = digits[b >> 4];
		out[2 * i + 1] = digits[b & 15];
	}
	out[2 * nbytes] = '\0';
}

static int seed_agencies_users(struct sbx_seed_ctx *c, struct err *e)
{
	struct rng r = rng_stream(c->o.seed, 0x75736572);	/* "user" */
	sqlite3_stmt *sa = NULL, *su = NULL;
	char salt[33], hash[PW_SHA256_HEX], key[49];
	int rc = 0;

	if (sbx_seed_prepare(c, &sa, "INSERT INTO agencies (id, name, "
			     "unit_code, code_prefix) VALUES (?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &su, "INSERT INTO users (id, login, full_name, "
			     "role, agency_id, salt, pw_hash, api_key) "
			     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e)) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < N(agencies) && !rc; i++) {
		sbx_seed_bind_text(sa, 1, agencies[i].id);
		sbx_seed_bind_text(sa, 2, agencies[i].name);
		sbx_seed_bind_text(sa, 3, agencies[i].unit);
		sbx_seed_bind_text(sa, 4, agencies[i].id);
		rc = sbx_seed_step(c, sa, agencies[i].name, e);
	}
	for (size_t i = 0; i < N(users) && !rc; i++) {
		random_hex(&r, salt, 16);
		random_hex(&r, key, 24);
		pw_hash(salt, DEMO_PASSWORD, hash);
		sqlite3_bind_int64(su, 1, (int64_t)i + 1);
		sbx_seed_bind_text(su, 2, users[i].login);
		sbx_seed_bind_text(su, 3, users[i].name);
		sbx_seed_bind_text(su, 4, role_name(users[i].role));
		sbx_seed_bind_text(su, 5, agencies[users[i].agency].id);
		sbx_seed_bind_text(su, 6, salt);
		sbx_seed_bind_text(su, 7, hash);
		sbx_seed_bind_text(su, 8, key);
		rc = sbx_seed_step(c, su, users[i].login, e);
	}
out:
	sqlite3_finalize(sa);
	sqlite3_finalize(su);
	return rc;
}

static int seed_meta(struct sbx_seed_ctx *c, struct err *e)
{
	char seed[16], at[24], seq[24], ver[8];
	const char *rows[][2] = {
		{ "seed", seed }, { "seeded_at", at }, { "change_seq", seq },
		{ "schema_version", ver },
	};
	sqlite3_stmt *st;
	int rc = 0;

	snprintf(seed, sizeof seed, "%" PRIu32, c->o.seed);
	/* The sandbox clock, not the wall clock: the same options give the
	 * same database, byte for byte. */
	snprintf(at, sizeof at, "%" PRId64, c->o.now);
	snprintf(seq, sizeof seq, "%" PRId64, c->change_seq);
	snprintf(ver, sizeof ver, "%d", SBX_SCHEMA_VERSION);
	if (sbx_seed_prepare(c, &st, "INSERT INTO meta (key, value) "
			     "VALUES (?, ?)", e))
		return -1;
	for (size_t i = 0; i < N(rows) && !rc; i++) {
		sbx_seed_bind_text(st, 1, rows[i][0]);
		sbx_seed_bind_text(st, 2, rows[i][1]);
		rc = sbx_seed_step(c, st, rows[i][0], e);
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- the driver ------------------------------------------------------ */

static int check_empty(sqlite3 *db, struct err *e)
{
	sqlite3_stmt *st;
	int version = -1, rows = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version != SBX_SCHEMA_VERSION)
		return err_set(e, _("the database has schema version %d, the seed needs %d: apply sandbox/schema.sql to an empty database first"),
			       version, SBX_SCHEMA_VERSION);
	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM meta) + "
			       "(SELECT count(*) FROM units)", -1, &st,
			       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rows < 0)
		return err_set(e, _("cannot read the database: %s"),
			       sqlite3_errmsg(db));
	if (rows > 0)
		return err_set(e, _("the database already holds data; the seed fills only an empty one"));
	return 0;
}

static int apply_defaults(const struct sbx_seed_opts *in,
			  struct sbx_seed_opts *o, struct err *e)
{
	*o = *in;
	if (o->dossiers == 0)
		o->dossiers = 5000;
	if (o->citizens == 0)
		o->citizens = 10000;
	if (o->enterprises == 0)
		o->enterprises = 1000;
	if (o->now <= 0)
		return err_set(e, _("the seed needs the sandbox clock (now) to place the dossiers"));
	if (o->dossiers < 0)
		return err_set(e, _("the number of dossiers must be positive, got %d"),
			       o->dossiers);
	if (o->citizens < MIN_CITIZENS)
		return err_set(e, _("the seed needs at least %d citizens, got %d"),
			       MIN_CITIZENS, o->citizens);
	if (o->enterprises < MIN_ENTERPRISES)
		return err_set(e, _("the seed needs at least %d enterprises, got %d"),
			       MIN_ENTERPRISES, o->enterprises);
	return 0;
}

int sbx_seed(sqlite3 *db, const struct sbx_seed_opts *opts,
	     const struct cal *cal, struct err *e)
{
	struct sbx_seed_ctx c = {
		.db = db, .cal = cal, .agencies = agencies,
		.nagencies = N(agencies), .users = users, .nusers = N(users),
	};
	struct sbx_idset ids = { 0 };
	int rc;

	if (apply_defaults(opts, &c.o, e) || check_empty(db, e))
		return -1;
	cal_split(c.o.now, &c.now);
	if (sqlite3_exec(db, "SAVEPOINT sbx_seed", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return err_set(e, _("cannot start the seed transaction: %s"),
			       sqlite3_errmsg(db));
	rc = sbx_seed_units(db, e);
	if (!rc)
		rc = seed_agencies_users(&c, e);
	if (!rc)
		rc = sbx_seed_catalog(&c, e);
	if (!rc)
		rc = sbx_seed_citizens(&c, &ids, e);
	if (!rc)
		rc = sbx_seed_enterprises(&c, &ids, e);
	if (!rc)
		rc = sbx_seed_dossiers(&c, &ids, e);
	if (!rc)
		rc = seed_meta(&c, e);
	if (rc) {
		sqlite3_exec(db, "ROLLBACK TO sbx_seed", NULL, NULL, NULL);
		sqlite3_exec(db, "RELEASE sbx_seed", NULL, NULL, NULL);
	} else if (sqlite3_exec(db, "RELEASE sbx_seed", NULL, NULL, NULL) !=
		   SQLITE_OK) {
		rc = err_set(e, _("cannot commit the seed: %s"),
			     sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK TO sbx_seed", NULL, NULL, NULL);
		sqlite3_exec(db, "RELEASE sbx_seed", NULL, NULL, NULL);
	}
	sbx_idset_free(&ids);
	sbx_seed_catalog_free(&c);
	free(c.cit);
	free(c.ent);
	return rc;
}
