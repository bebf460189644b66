/* Private to the seed generator (sandbox/seed*.c): the context its parts
 * share, the in-memory registers the dossiers are drawn from, the catalog
 * types and a small deterministic PRNG. Nothing here is used by the
 * server. */
#ifndef MOTCUA_SBX_SEED_PRIV_H
#define MOTCUA_SBX_SEED_PRIV_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/err.h"
#include "core/model.h"
#include "seed.h"

#define SBX_SCHEMA_VERSION 1
#define SBX_DAY 86400

/* ---- PRNG: splitmix64, one independent stream per part, so that the
 * size of one part never changes the data of another ------------------- */

struct rng {
	uint64_t s;
};

static inline uint64_t rng_u64(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static inline struct rng rng_stream(uint32_t seed, uint64_t part)
{
	struct rng r = { .s = (uint64_t)seed * 0xD1342543DE82EF95ULL ^
			      part * 0x2545F4914F6CDD1DULL };

	rng_u64(&r);
	return r;
}

/* 0 .. n-1 (n > 0); the bias of the multiply-shift is below 2^-32. */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((unsigned __int128)rng_u64(r) * n) >> 64);
}

/* lo .. hi inclusive. */
static inline int rng_range(struct rng *r, int lo, int hi)
{
	return hi <= lo ? lo : lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static inline bool rng_pct(struct rng *r, int percent)
{
	return (int)rng_below(r, 100) < percent;
}

static inline bool rng_pm(struct rng *r, int permille)
{
	return (int)rng_below(r, 1000) < permille;
}

/* Index into n weights (not all zero). */
static inline size_t rng_weighted(struct rng *r, const unsigned *w, size_t n)
{
	unsigned long total = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, (uint32_t)total);
	for (i = 0; i + 1 < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ---- administrative units (seed_units.c) ------------------------------ */

struct sbx_unit {
	const char *code, *name;	/* "00070", "Phường Hoàn Kiếm" */
	const char *province;		/* parent code, NULL for a province */
};

int sbx_seed_units(sqlite3 *db, struct err *e);
const char *sbx_seed_unit_name(const char *code);
/* "Số 12, ngõ 45 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội". */
void sbx_seed_address(struct rng *r, const char *commune_code, char *buf,
		      size_t n);
/* A commune for a resident: the two sandbox communes most often. */
const char *sbx_seed_pick_commune(struct rng *r, bool hanoi_only);
int sbx_seed_old_code(const char *commune_code);
/* "Thành phố Hà Nội", "Tỉnh Nam Định": an old (pre-2025) province by the
 * code of ident_provinces.c, as places of birth and home towns read. */
void sbx_seed_old_province(int old_code, char *buf, size_t n);
/* A pre-2025 province for a resident of Hà Nội born elsewhere. */
int sbx_seed_pick_origin(struct rng *r);

/* ---- names and small personal data (seed_names.c) --------------------- */

const char *sbx_seed_family(struct rng *r, const char *ethnicity);
/* Full name for a person of sex 'M'/'F' born in byear; family NULL picks
 * one. */
void sbx_seed_name(struct rng *r, char sex, int byear, const char *family,
		   char *buf, size_t n);
/* The given name (last word) of a full name. */
const char *sbx_seed_given(const char *full_name);
const char *sbx_seed_ethnicity(struct rng *r);
const char *sbx_seed_religion(struct rng *r);
void sbx_seed_mobile(struct rng *r, char buf[11]);
void sbx_seed_email(struct rng *r, const char *full_name, int byear,
		    char *buf, size_t n);
/* ASCII lower case without diacritics: "Nguyễn Đức" -> "nguyen duc". */
void sbx_seed_fold(const char *in, char *out, size_t n);

/* ---- registers ------------------------------------------------------- */

struct sbx_citizen {
	char id[13];
	char name[72];
	char birth[11];			/* YYYY-MM-DD */
	int byear, age;
	char sex;			/* 'M' or 'F' */
	const char *ethnicity, *religion, *marital, *relation;
	const char *unit;		/* permanent_unit */
	char birth_place[80], reg_place[80], home_town[80];
	char perm[200], temp[200];	/* temp "" when none */
	int head, spouse, father, mother;	/* indices, -1 when none */
	char father_name[72], mother_name[72];
	char phone[11];
	char email[64];
};

struct sbx_enterprise {
	char tax[16];
	char name[256], short_name[80];
	const char *kind;
	char address[200];
	const char *unit;
	char rep[72];
	int rep_idx;			/* citizen index, -1 when not in the register */
	char established[11];
	const char *status, *line;
	int64_t capital;
	char phone[12];
};

/* ID numbers and tax codes already used: open addressing over their
 * numeric value. */
struct sbx_idset {
	uint64_t *slot;
	size_t cap, n;
};

bool sbx_idset_add(struct sbx_idset *s, const char *digits);
void sbx_idset_free(struct sbx_idset *s);

/* ---- catalog (seed_catalog.c, seed_forms.c) --------------------------- */

/* Who the dossiers of a procedure are about, so the generator draws
 * consistent people for its form. */
enum sbx_people {
	PK_ADULT,		/* any adult applicant */
	PK_BIRTH,		/* a couple and their newborn */
	PK_MARRIAGE,		/* two single adults */
	PK_DEATH,		/* an elderly person and a relative */
	PK_SINGLE,		/* an unmarried or divorced adult */
	PK_ELDER,		/* an applicant for an old or disabled person */
	PK_CHILD,		/* an adult and a child of theirs */
	PK_HKD_NEW,		/* a future household-business owner */
	PK_HKD,			/* the owner of a household business */
	PK_RESIDENCE,		/* an adult moving into a household */
	PK_COPY,		/* a person or a company wanting copies */
};

enum sbx_form {
	FORM_BIRTH, FORM_MARRIAGE, FORM_DEATH, FORM_RECOGNITION,
	FORM_BIRTH_RECOGNITION, FORM_REREG_BIRTH, FORM_REREG, FORM_GUARDIAN,
	FORM_CORRECTION, FORM_MARITAL, FORM_EXTRACT, FORM_JOINT_BIRTH,
	FORM_JOINT_DEATH, FORM_COPY, FORM_SIGNATURE, FORM_TRANSLATION,
	FORM_CONTRACT, FORM_WILL, FORM_PERMANENT, FORM_TEMPORARY,
	FORM_REMOVE, FORM_SPLIT, FORM_ABSENCE, FORM_RES_CONFIRM, FORM_HKD_NEW,
	FORM_HKD_CHANGE, FORM_HKD_SUSPEND, FORM_HKD_END, FORM_HKD_REISSUE,
	FORM_SOCIAL, FORM_DISABILITY, FORM_FUNERAL, FORM_POOR, FORM_LAND,
	FORM_LAND_DATA, FORM_HI_CHILD,
};

struct sbx_comp_def {
	const char *name;
	int copies;
	bool required;
	const char *national;		/* national_source or NULL */
};

enum sbx_fee_kind {
	FEE_FLAT,			/* fee per dossier */
	FEE_PER_COPY,			/* fee per copy (trích lục) */
	FEE_PAGES,			/* certified copies: per page, capped */
};

struct sbx_proc_def {
	const char *code, *name, *field;
	int minutes;			/* working minutes, 480 a day */
	const char *days_text;
	int cutoff;			/* CAL_NO_CUTOFF or minutes after midnight */
	int fee, fee_online;		/* VND */
	enum sbx_fee_kind fee_kind;
	const char *fee_note, *result;
	const char *parts[4];		/* joint: bundled procedures */
	const struct sbx_comp_def *comps;	/* ends with a NULL name */
	enum sbx_form form;
	enum sbx_people people;
	unsigned weight;		/* share of the dossiers */
};

struct sbx_field {
	char key[48];
	char label[160];
	const char *type;
	bool required;
	const char *pattern, *options, *lookup;
	char fill[48];			/* fill_from, "" when none */
};

struct sbx_proc {
	const struct sbx_proc_def *def;
	struct sbx_field *fields;
	size_t nfields;
};

/* The form of a procedure; *out is allocated. */
void sbx_seed_form_fields(enum sbx_form form, struct sbx_field **out,
			  size_t *n);

/* ---- users and agencies (seed.c) -------------------------------------- */

struct sbx_agency {
	const char *id, *name, *unit;
};

struct sbx_user {
	const char *login, *name;
	enum role role;
	int agency;			/* index into the agencies */
	const char *fields;		/* specialists: procedure fields handled */
};

/* ---- the context ----------------------------------------------------- */

struct sbx_seed_ctx {
	sqlite3 *db;
	const struct cal *cal;
	struct sbx_seed_opts o;		/* defaults applied */
	struct cal_time now;		/* o.now in civil time */
	const struct sbx_agency *agencies;
	size_t nagencies;
	const struct sbx_user *users;	/* user id = index + 1 */
	size_t nusers;
	struct sbx_citizen *cit;
	size_t ncit;
	struct sbx_enterprise *ent;
	size_t nent;
	struct sbx_proc *procs;
	size_t nprocs;
	int64_t change_seq;		/* the highest dossier change_seq */
};

/* Statements: prepare, and step once then reset, reporting what was being
 * written. */
int sbx_seed_prepare(struct sbx_seed_ctx *c, sqlite3_stmt **st,
		     const char *sql, struct err *e);
int sbx_seed_step(struct sbx_seed_ctx *c, sqlite3_stmt *st, const char *what,
		  struct err *e);
/* NULL binds NULL; the text must live until the step. */
void sbx_seed_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Binds NULL when !present. */
void sbx_seed_bind_int(sqlite3_stmt *st, int i, int64_t v, bool present);

int sbx_seed_catalog(struct sbx_seed_ctx *c, struct err *e);
void sbx_seed_catalog_free(struct sbx_seed_ctx *c);
int sbx_seed_citizens(struct sbx_seed_ctx *c, struct sbx_idset *ids,
		      struct err *e);
int sbx_seed_enterprises(struct sbx_seed_ctx *c, struct sbx_idset *ids,
			 struct err *e);
int sbx_seed_dossiers(struct sbx_seed_ctx *c, struct sbx_idset *ids,
		      struct err *e);

/* What a dossier's form is about (seed_formvals.c): citizen indices (-1
 * when absent) bound to the field prefixes, the business, the newborn of a
 * birth registration and the counts that also set the fee. */
struct sbx_form_people {
	int applicant, father, mother, partner, deceased, child, beneficiary;
	int head, other;		/* household_head, counterparty */
	int ent;			/* enterprise index, -1 */
	char nb_name[72], nb_birth[11], nb_sex;
	const char *nb_place;
	int pages, copies;
	int64_t received;		/* dates in the form are around it */
	const char *commune;		/* the agency's commune */
	const struct sbx_citizen *outsider;	/* the applicant, when not
						 * in the register */
	char phone[11];			/* contact phone: the applicant's, or
					 * a relative's typed in when the
					 * register has none */
};

/* The form as a JSON object; allocated. */
char *sbx_seed_form_json(const struct sbx_seed_ctx *c, struct rng *r,
			 const struct sbx_proc *p,
			 const struct sbx_form_people *fp);

/* Demo data documented in sandbox/TRAINING.md, the same for every seed. */
#define SBX_DEMO_MISSING_ID "001099999999"

/* ---- time (seed_time.c) ---------------------------------------------- */

/* working_minutes of working time after t, as a log time: within office
 * hours and strictly after t when working_minutes >= 15. */
int64_t sbx_seed_work_after(const struct sbx_seed_ctx *c, struct rng *r,
			    int64_t t, int working_minutes);
/* The civil date `back` working days before today (0: today, or the last
 * working day before it when today is not one). */
void sbx_seed_workday_back(const struct sbx_seed_ctx *c, int back,
			   int *y, int *m, int *d);
/* A random instant in office hours on that date, at or before latest;
 * -1 when there is none. */
int64_t sbx_seed_office_time(const struct sbx_seed_ctx *c, struct rng *r,
			     int y, int m, int d, int64_t latest);
bool sbx_seed_same_day(int64_t a, int64_t b);

#endif
