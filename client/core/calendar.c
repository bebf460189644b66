#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "i18n.h"
#include "lunar.h"

/* The table: one entry per local day from 1900-01-01 (JDN0) to 2199-12-31,
 * 300 years of 365 days plus 73 leap days. */
#define JDN0 2415021L
#define NDAYS 109573
#define JDN_1970 2440588L
#define DAY 86400
#define T_MIN (((int64_t)JDN0 - JDN_1970) * DAY - CAL_UTC_OFFSET)
#define T_MAX (T_MIN + (int64_t)NDAYS * DAY)

#define NBLOCKS ((NDAYS + 63) / 64)

/* Each session builds its own table (the overrides differ), so it is kept
 * small: the working days as bits, with a count per 64 days, rather than a
 * count per day, and each day's kind in half a byte (75 kB a session
 * instead of 550). */
struct cal {
	struct cal_hours h;
	int64_t day_secs;		/* working seconds in a working day */
	uint8_t kind[(NDAYS + 1) / 2];	/* enum cal_day_kind, day i in nibble i % 2 */
	bool known[CAL_YEAR_MAX - CAL_YEAR_MIN + 1];	/* has its file */
	uint64_t work[NBLOCKS];		/* bit i % 64 of work[i / 64]: day i is worked */
	int32_t before[NBLOCKS];	/* working days before day 64 * b */
};

static const struct cal_hours default_hours = {
	.am_start = 7 * 60, .am_end = 11 * 60 + 30,
	.pm_start = 13 * 60 + 30, .pm_end = 17 * 60,
};

static enum cal_day_kind kind_of(const struct cal *c, long i)
{
	return (enum cal_day_kind)(c->kind[i / 2] >> (i % 2 * 4) & 0xf);
}

static void set_kind(struct cal *c, long i, enum cal_day_kind k)
{
	int shift = i % 2 * 4;

	c->kind[i / 2] = (uint8_t)((c->kind[i / 2] & ~(0xf << shift)) | k << shift);
}

/* Day i is worked (the bits rebuild_cum made from the kinds). */
static bool worked(const struct cal *c, long i)
{
	return c->work[i / 64] >> (i % 64) & 1;
}

static bool working(enum cal_day_kind k)
{
	return k == CAL_WORKDAY || k == CAL_MAKEUP;
}

/* 0 = Sunday: JDN 0 was a Monday. */
static int wday_of(long jdn)
{
	return (int)((jdn + 1) % 7);
}

bool cal_valid_date(int year, int month, int day)
{
	int y, m, d;

	if (year < -4000 || year > 1000000 || month < 1 || month > 12 ||
	    day < 1 || day > 31)
		return false;
	lunar_jdn_to_date(lunar_jdn(year, month, day), &y, &m, &d);
	return y == year && m == month && d == day;
}

/* Table index of a date, -1 when invalid or outside the table. */
static long day_index(int year, int month, int day)
{
	if (!cal_valid_date(year, month, day) || year < CAL_YEAR_MIN ||
	    year > CAL_YEAR_MAX)
		return -1;
	return lunar_jdn(year, month, day) - JDN0;
}

/* ---- building the table ---------------------------------------------- */

static void add_holiday(long *v, int *n, long jdn)
{
	int i, j;

	for (i = 0; i < *n && v[i] < jdn; i++)
		;
	if (i < *n && v[i] == jdn)
		return;		/* two holidays on one day: one day off */
	for (j = *n; j > i; j--)
		v[j] = v[j - 1];
	v[i] = jdn;
	(*n)++;
}

static void mark_year(struct cal *c, int year)
{
	long v[16], tet, hung, jdn, d;
	int n = 0, i, sep;

	add_holiday(v, &n, lunar_jdn(year, 1, 1));
	if (lunar_holidays(year, &tet, &hung) == 0) {
		for (jdn = tet - 1; jdn <= tet + 3; jdn++)
			add_holiday(v, &n, jdn);
		add_holiday(v, &n, hung);
	}
	add_holiday(v, &n, lunar_jdn(year, 4, 30));
	add_holiday(v, &n, lunar_jdn(year, 5, 1));
	jdn = lunar_jdn(year, 9, 2);
	add_holiday(v, &n, jdn);
	/* The adjacent day: 1 September, or 3 September when the 2nd is a
	 * Thursday so the break runs into the weekend. */
	sep = wday_of(jdn) == 4 ? 3 : 1;
	add_holiday(v, &n, lunar_jdn(year, 9, sep));
	if (year >= 2026)	/* Vietnam Culture Day, Resolution 28/2026/QH16 */
		add_holiday(v, &n, lunar_jdn(year, 11, 24));

	for (i = 0; i < n; i++)
		set_kind(c, v[i] - JDN0, CAL_HOLIDAY);
	/* Compensatory days in holiday order, each on the first weekday
	 * not already off: 2023's Hùng Kings (Sat 29 Apr) gets Tue 2 May
	 * past the 1 May holiday, 30 Apr (Sun) then gets Wed 3 May. */
	for (i = 0; i < n; i++) {
		int w = wday_of(v[i]);

		if (w != 0 && w != 6)
			continue;
		for (d = v[i] - JDN0 + 1; d < NDAYS; d++)
			if (kind_of(c, d) == CAL_WORKDAY)
				break;
		if (d < NDAYS)
			set_kind(c, d, CAL_COMPENSATORY);
	}
}

static void rebuild_cum(struct cal *c)
{
	int32_t n = 0;

	memset(c->work, 0, sizeof c->work);
	for (long i = 0; i < NDAYS; i++) {
		if (i % 64 == 0)
			c->before[i / 64] = n;
		if (working(kind_of(c, i))) {
			c->work[i / 64] |= (uint64_t)1 << (i % 64);
			n++;
		}
	}
}

_Static_assert(NDAYS % 64, "cum(NDAYS) reads the last block");

/* Working days before day i, 0 <= i <= NDAYS. */
static int64_t cum(const struct cal *c, long i)
{
	uint64_t below = ((uint64_t)1 << (i % 64)) - 1;

	return c->before[i / 64] + __builtin_popcountll(c->work[i / 64] & below);
}

static int64_t hours_day_secs(const struct cal_hours *h)
{
	return (int64_t)(h->am_end - h->am_start + h->pm_end - h->pm_start) *
	       60;
}

struct cal *cal_new(void)
{
	struct cal *c = calloc(1, sizeof *c);
	long i;
	int y;

	if (!c)
		return NULL;
	c->h = default_hours;
	c->day_secs = hours_day_secs(&c->h);
	for (i = 0; i < NDAYS; i++) {
		int w = wday_of(JDN0 + i);

		set_kind(c, i, w == 0 || w == 6 ? CAL_WEEKEND : CAL_WORKDAY);
	}
	for (y = CAL_YEAR_MIN; y <= CAL_YEAR_MAX; y++)
		mark_year(c, y);
	rebuild_cum(c);
	return c;
}

void cal_free(struct cal *c)
{
	free(c);
}

/* ---- hours and days -------------------------------------------------- */

int cal_set_hours(struct cal *c, const struct cal_hours *h, struct err *e)
{
	if (!(0 <= h->am_start && h->am_start < h->am_end &&
	      h->am_end <= h->pm_start && h->pm_start < h->pm_end &&
	      h->pm_end <= 24 * 60))
		return err_set(e, _("office hours must run in order within one day: morning start < morning end <= afternoon start < afternoon end"));
	c->h = *h;
	c->day_secs = hours_day_secs(h);
	return 0;
}

void cal_get_hours(const struct cal *c, struct cal_hours *h)
{
	*h = c->h;
}

int cal_day_minutes(const struct cal *c)
{
	return (int)(c->day_secs / 60);
}

int cal_budget(const struct cal *c, int days, int half_days)
{
	return days * cal_day_minutes(c) + half_days * cal_day_minutes(c) / 2;
}

bool cal_year_known(const struct cal *c, int year)
{
	return year >= CAL_YEAR_MIN && year <= CAL_YEAR_MAX &&
	       c->known[year - CAL_YEAR_MIN];
}

/* The year a file name says it covers ("vn-2027.days"), or 0. */
static int file_year(const char *path)
{
	size_t n = strlen(path);
	const char *p = path + n - 10;	/* "-YYYY.days" */
	int y = 0;

	if (n < 10 || *p != '-' || strcmp(p + 5, ".days"))
		return 0;
	for (int i = 1; i <= 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		y = y * 10 + p[i] - '0';
	}
	return y;
}

bool cal_is_working_day(const struct cal *c, int year, int month, int day)
{
	long i = day_index(year, month, day);

	return i >= 0 && worked(c, i);
}

enum cal_day_kind cal_day_kind(const struct cal *c, int year, int month,
			       int day)
{
	long i = day_index(year, month, day);

	return i < 0 ? CAL_OUT_OF_RANGE : kind_of(c, i);
}

/* An override on a weekday reads as an ordinary working day or a day
 * off; on a weekend as a make-up day or the weekend it already was. */
static enum cal_day_kind override_kind(long idx, bool work)
{
	int w = wday_of(JDN0 + idx);
	bool weekend = w == 0 || w == 6;

	if (work)
		return weekend ? CAL_MAKEUP : CAL_WORKDAY;
	return weekend ? CAL_WEEKEND : CAL_OFF;
}

int cal_set_day(struct cal *c, int year, int month, int day, bool work,
		struct err *e)
{
	long i = day_index(year, month, day);

	if (i < 0)
		return err_set(e, _("%04d-%02d-%02d is not a valid date in the years %d to %d"),
			       year, month, day, CAL_YEAR_MIN, CAL_YEAR_MAX);
	set_kind(c, i, override_kind(i, work));
	rebuild_cum(c);
	return 0;
}

/* ---- working time ---------------------------------------------------- */

static int64_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Working seconds of a working day elapsed at second sod of the day. */
static int64_t within_day(const struct cal *c, int64_t sod)
{
	const struct cal_hours *h = &c->h;

	return clamp64(sod - h->am_start * 60, 0,
		       (h->am_end - h->am_start) * 60) +
	       clamp64(sod - h->pm_start * 60, 0,
		       (h->pm_end - h->pm_start) * 60);
}

/* Working seconds from the start of the table to t: a monotonic clock that
 * stands still outside office hours, so every question about working time
 * is a subtraction. */
static int64_t wclock(const struct cal *c, int64_t t)
{
	int64_t local, i;

	if (t <= T_MIN)
		return 0;
	if (t >= T_MAX)
		return cum(c, NDAYS) * c->day_secs;
	local = t - T_MIN;
	i = local / DAY;
	return cum(c, (long)i) * c->day_secs +
	       (worked(c, i) ? within_day(c, local % DAY) : 0);
}

/* The earliest instant at which wclock reaches w. */
static int64_t wclock_inverse(const struct cal *c, int64_t w)
{
	const struct cal_hours *h = &c->h;
	int64_t k, r, sod, left;
	long lo, hi;

	if (w <= 0)
		return T_MIN;
	k = (w - 1) / c->day_secs;	/* w ends in the (k+1)-th working day */
	r = w - k * c->day_secs;	/* 1 .. day_secs into it */
	if (k >= cum(c, NDAYS))
		return T_MAX;
	/* That working day is in the last block with fewer than k + 1
	 * working days before it, the (left + 1)-th one worked in it. */
	lo = 0;
	hi = NBLOCKS - 1;
	while (lo < hi) {
		long mid = lo + (hi - lo + 1) / 2;

		if (c->before[mid] <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	left = k - c->before[lo];
	lo *= 64;
	while (!(c->work[lo / 64] >> (lo % 64) & 1) || left--)
		lo++;
	if (r <= (h->am_end - h->am_start) * 60)
		sod = h->am_start * 60 + r;
	else
		sod = h->pm_start * 60 + r - (h->am_end - h->am_start) * 60;
	return T_MIN + (int64_t)lo * DAY + sod;
}

static int64_t round_up_quarter(int64_t t)
{
	int64_t m = t % 900;	/* UTC+7 is a whole number of quarters */

	if (m < 0)
		m += 900;
	return m ? t + (900 - m) : t;
}

int64_t cal_due(const struct cal *c, int64_t received, int working_minutes,
		int cutoff_minute)
{
	int64_t w;

	if (working_minutes <= 0) {
		struct cal_time t;

		/* One working minute finds the day the clock starts on. */
		cal_split(cal_due(c, received, 1, cutoff_minute) - 60, &t);
		return cal_join(t.year, t.month, t.day, c->h.pm_end / 60,
				c->h.pm_end % 60, 0);
	}
	w = wclock(c, received);
	if (cutoff_minute >= 0 && cutoff_minute < 24 * 60 &&
	    received > T_MIN && received < T_MAX) {
		int64_t local = received - T_MIN, i = local / DAY;

		if (worked(c, i) && local % DAY > cutoff_minute * 60)
			w = cum(c, (long)i + 1) * c->day_secs;
	}
	return round_up_quarter(wclock_inverse(c,
				w + (int64_t)working_minutes * 60));
}

int64_t cal_working_minutes_between(const struct cal *c, int64_t from,
				    int64_t to)
{
	return (wclock(c, to) - wclock(c, from)) / 60;
}

int cal_split_minutes(const struct cal *c, int64_t minutes, int *days,
		      int *hours, int *mins)
{
	int64_t a, dm = c->day_secs / 60;

	minutes = clamp64(minutes, -INT64_MAX, INT64_MAX);
	a = minutes < 0 ? -minutes : minutes;
	*days = (int)clamp64(a / dm, 0, INT32_MAX);
	*hours = (int)(a % dm / 60);
	*mins = (int)(a % dm % 60);
	return minutes < 0 ? -1 : minutes > 0;
}

enum timeliness cal_timeliness(int64_t finished, int64_t due)
{
	struct cal_time f, d;

	if (!finished || !due)
		return TL_NONE;
	if (finished > due)
		return TL_LATE;
	cal_split(finished, &f);
	cal_split(due, &d);
	if (f.year != d.year || f.month != d.month || f.day != d.day)
		return TL_EARLY;
	return TL_ON_TIME;
}

int64_t cal_apology_deadline(const struct cal *c, int64_t due)
{
	return wclock_inverse(c, wclock(c, due) - c->day_secs);
}

/* ---- civil time ------------------------------------------------------ */

void cal_split(int64_t t, struct cal_time *out)
{
	int64_t days, sod;
	long jdn;

	/* Keep years within int: +-30,000 years is plenty. */
	t = clamp64(t, -((int64_t)1 << 40), (int64_t)1 << 40);
	days = t / DAY;
	sod = t % DAY + CAL_UTC_OFFSET;
	if (sod < 0) {
		sod += DAY;
		days--;
	}
	if (sod >= DAY) {
		sod -= DAY;
		days++;
	}
	jdn = (long)(days + JDN_1970);
	lunar_jdn_to_date(jdn, &out->year, &out->month, &out->day);
	out->hour = (int)(sod / 3600);
	out->minute = (int)(sod / 60 % 60);
	out->second = (int)(sod % 60);
	out->wday = wday_of(jdn);
}

int64_t cal_join(int year, int month, int day, int hour, int minute,
		 int second)
{
	return ((int64_t)lunar_jdn(year, month, day) - JDN_1970) * DAY +
	       (int64_t)hour * 3600 + (int64_t)minute * 60 + second -
	       CAL_UTC_OFFSET;
}

/* ---- override files -------------------------------------------------- */

struct entry {
	long idx;
	int line;
	bool work;
};

static bool blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static int two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* One line: 1 with *out filled, 0 for a blank or comment line, -1 with
 * the error in e. */
static int parse_line(const char *path, int lineno, const char *p,
		      const char *end, struct entry *out, struct err *e)
{
	static const char shape[] = "dddd-dd-dd";
	int i, y, m, d;
	size_t kw;

	if (lineno == 1 && end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;		/* a BOM from a Windows editor */
	while (p < end && blank(*p))
		p++;
	if (p == end || *p == '#')
		return 0;
	for (i = 0; i < 10; i++) {
		bool digit = p + i < end && p[i] >= '0' && p[i] <= '9';

		if (shape[i] == 'd' ? !digit : p + i >= end || p[i] != '-')
			return err_set(e, _("%s:%d: expected a date as YYYY-MM-DD at the start of the line"),
				       path, lineno);
	}
	if (p + 10 < end && !blank(p[10]))
		return err_set(e, _("%s:%d: expected a date as YYYY-MM-DD at the start of the line"),
			       path, lineno);
	y = two_digits(p) * 100 + two_digits(p + 2);
	m = two_digits(p + 5);
	d = two_digits(p + 8);
	if (!cal_valid_date(y, m, d))
		return err_set(e, _("%s:%d: no such date: %.10s"), path,
			       lineno, p);
	if (y < CAL_YEAR_MIN || y > CAL_YEAR_MAX)
		return err_set(e, _("%s:%d: year %d is outside the supported years %d-%d"),
			       path, lineno, y, CAL_YEAR_MIN, CAL_YEAR_MAX);
	p += 10;
	while (p < end && blank(*p))
		p++;
	for (kw = 0; p + kw < end && !blank(p[kw]); kw++)
		;
	if (kw == 3 && !memcmp(p, "off", 3))
		out->work = false;
	else if (kw == 4 && !memcmp(p, "work", 4))
		out->work = true;
	else
		return err_set(e, _("%s:%d: expected \"off\" or \"work\" after the date"),
			       path, lineno);
	out->idx = lunar_jdn(y, m, d) - JDN0;
	out->line = lineno;
	return 1;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->idx != y->idx)
		return x->idx < y->idx ? -1 : 1;
	return x->line - y->line;
}

int cal_load_overrides(struct cal *c, const char *path, struct err *e)
{
	struct entry *v = NULL, ent, *grown;
	size_t nv = 0, cap = 0, lcap = 0, i;
	char *line = NULL;
	ssize_t n;
	int lineno = 0, rc = -1, r;
	FILE *f = fopen(path, "r");

	if (!f)
		return err_set(e, _("%s: cannot open: %s"), path,
			       strerror(errno));
	while ((n = getline(&line, &lcap, f)) >= 0) {
		r = parse_line(path, ++lineno, line, line + n, &ent, e);
		if (r < 0)
			goto out;
		if (r == 0)
			continue;
		if (nv == cap) {
			cap = cap ? cap * 2 : 64;
			grown = realloc(v, cap * sizeof *v);
			if (!grown) {
				err_set(e, _("%s:%d: out of memory"), path,
					lineno);
				goto out;
			}
			v = grown;
		}
		v[nv++] = ent;
	}
	if (ferror(f)) {
		err_set(e, _("%s: read error: %s"), path, strerror(errno));
		goto out;
	}
	/* Sorted by day then line: a repeated date is two neighbours. */
	if (nv)
		qsort(v, nv, sizeof *v, entry_cmp);
	for (i = 1; i < nv; i++) {
		if (v[i].idx == v[i - 1].idx) {
			int y, m, d;

			lunar_jdn_to_date(v[i].idx + JDN0, &y, &m, &d);
			err_set(e, _("%s:%d: %04d-%02d-%02d is already listed at line %d"),
				path, v[i].line, y, m, d, v[i - 1].line);
			goto out;
		}
	}
	for (i = 0; i < nv; i++)
		set_kind(c, v[i].idx, override_kind(v[i].idx, v[i].work));
	rebuild_cum(c);
	r = file_year(path);
	if (r >= CAL_YEAR_MIN && r <= CAL_YEAR_MAX)
		c->known[r - CAL_YEAR_MIN] = true;
	rc = 0;
out:
	free(line);
	free(v);
	fclose(f);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cal_load_dir(struct cal *c, const char *dir, struct err *e)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names = NULL, **grown, path[4096];
	size_t n = 0, cap = 0, i, len;
	int rc = 0;

	if (!dp)
		return err_set(e, _("%s: cannot open directory: %s"), dir,
			       strerror(errno));
	while ((de = readdir(dp))) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".days"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(names, cap * sizeof *names);
			if (!grown)
				goto oom;
			names = grown;
		}
		if (!(names[n] = strdup(de->d_name)))
			goto oom;
		n++;
	}
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n && rc == 0; i++) {
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir,
				     names[i]) >= sizeof path)
			rc = err_set(e, _("%s/%s: path too long"), dir,
				     names[i]);
		else
			rc = cal_load_overrides(c, path, e);
	}
	goto out;
oom:
	rc = err_set(e, _("%s: out of memory"), dir);
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(dp);
	return rc;
}
