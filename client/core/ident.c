#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ident.h"
#include "when.h"

/* ---- text helpers ---------------------------------------------------- */

/* U+00A0 arrives when a clerk pastes from a word processor; treat it as a
 * space both around and inside numbers. */
static size_t nbsp_at(const char *p, const char *end)
{
	return end - p >= 2 && (unsigned char)p[0] == 0xC2 &&
	       (unsigned char)p[1] == 0xA0 ? 2 : 0;
}

static bool ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

const char *ident_trim(const char *s, size_t *len)
{
	const char *end;
	size_t k;

	if (!s)
		s = "";
	end = s + strlen(s);
	for (;;) {
		if (s < end && ascii_space(*s))
			s++;
		else if ((k = nbsp_at(s, end)) != 0)
			s += k;
		else
			break;
	}
	for (;;) {
		if (end > s && ascii_space(end[-1]))
			end--;
		else if (end - s >= 2 && nbsp_at(end - 2, end))
			end -= 2;
		else
			break;
	}
	if (len)
		*len = (size_t)(end - s);
	return s;
}

bool ident_is_blank(const char *s)
{
	size_t len;

	ident_trim(s, &len);
	return len == 0;
}

int ident_required(const char *in, const char *label, struct err *e)
{
	if (!ident_is_blank(in))
		return 0;
	if (!label)
		return err_set(e, _("This field is required"));
	/* TRANSLATORS: %s is a field's name, e.g. "Full name". */
	return err_set(e, _("%s is required"), label);
}

/* Length of the well-formed UTF-8 sequence at p, 0 if malformed. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end,
		       unsigned *cp)
{
	size_t n, i;
	unsigned lo = 0x80, hi = 0xBF;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		*cp = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		*cp = p[0] & 0x0F;
		lo = p[0] == 0xE0 ? 0xA0 : lo;	/* no overlongs */
		hi = p[0] == 0xED ? 0x9F : hi;	/* no surrogates */
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		*cp = p[0] & 0x07;
		lo = p[0] == 0xF0 ? 0x90 : lo;
		hi = p[0] == 0xF4 ? 0x8F : hi;
	} else {
		return 0;
	}
	if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (p[i] & 0x3F);
	}
	return n;
}

/* Name the offending character so the clerk can find it: quoted, with its
 * code point when it is not plain ASCII (it may be invisible, e.g. U+200B),
 * and its position in characters, counted from 1 after trimming. */
static int bad_char(const char *base, const char *p, const char *end,
		    const char *what, struct err *e)
{
	const unsigned char *u = (const unsigned char *)p;
	char shown[48];
	unsigned cp;
	size_t n = utf8_len(u, (const unsigned char *)end, &cp);
	int pos = 1;

	for (const char *q = base; q < p; q++)
		pos += ((unsigned char)*q & 0xC0) != 0x80;
	if (n == 0)
		/* TRANSLATORS: completes "found %s at position %d" below */
		snprintf(shown, sizeof shown, _("an invalid byte 0x%02X"), u[0]);
	else if (cp < 0x20 || cp == 0x7F)
		/* TRANSLATORS: completes "found %s at position %d" below */
		snprintf(shown, sizeof shown, _("a control character U+%04X"), cp);
	else if (n == 1)
		snprintf(shown, sizeof shown, "\"%c\"", p[0]);
	else
		snprintf(shown, sizeof shown, "\"%.*s\" (U+%04X)", (int)n, p, cp);
	/* TRANSLATORS: first %s names the number ("ID number"), second the
	 * character found ("\"A\""), %d its position from 1. */
	return err_set(e, _("%s may contain only digits, found %s at position %d"),
		       what, shown, pos);
}

/* Digits of a number as typed; n counts every digit even past the buffer,
 * so "got 15 digits" is reported truthfully. */
struct digits {
	char d[32];
	size_t n;
};

static void digits_add(struct digits *dg, char c)
{
	if (dg->n < sizeof dg->d - 1)
		dg->d[dg->n] = c;
	dg->n++;
	dg->d[dg->n < sizeof dg->d - 1 ? dg->n : sizeof dg->d - 1] = '\0';
}

/* Append the digits in [p, end) to dg, skipping spaces, dots, no-break
 * spaces and any character in extra; base is where positions count from. */
static int collect(const char *base, const char *p, const char *end,
		   const char *extra, const char *what, struct digits *dg,
		   struct err *e)
{
	size_t k;

	while (p < end) {
		if (is_digit(*p))
			digits_add(dg, *p++);
		else if (*p == ' ' || *p == '.' || (*p && extra && strchr(extra, *p)))
			p++;
		else if ((k = nbsp_at(p, end)) != 0)
			p += k;
		else
			return bad_char(base, p, end, what, e);
	}
	return 0;
}

static int put(char *out, size_t outsz, const char *s, struct err *e)
{
	size_t n = strlen(s);

	if (!out)
		return 0;
	if (n >= outsz)
		return err_set(e, _("No room for \"%s\": the buffer holds %zu bytes"),
			       s, outsz);
	memcpy(out, s, n + 1);
	return 0;
}

/* Trim, refuse empty, collect digits with the default separators. */
static int read_number(const char *in, const char *what, struct digits *dg,
		       struct err *e)
{
	size_t len;
	const char *p = ident_trim(in, &len);

	*dg = (struct digits){ .n = 0 };
	if (len == 0)
		/* TRANSLATORS: %s names the number, e.g. "ID number". */
		return err_set(e, _("%s is empty"), what);
	return collect(p, p, p + len, NULL, what, dg, e);
}

/* A number of exactly want digits, no other rule. */
static int fixed_digits(const char *in, const char *what, size_t want,
			char *out, size_t outsz, struct err *e)
{
	struct digits dg;

	if (read_number(in, what, &dg, e))
		return -1;
	if (dg.n != want)
		/* TRANSLATORS: "ID number must have 12 digits, got 11". */
		return err_set(e, _("%s must have %zu digits, got %zu"), what,
			       want, dg.n);
	return put(out, outsz, dg.d, e);
}

/* ---- personal ID numbers --------------------------------------------- */

int ident_id_check(const char *in, char *out, size_t outsz,
		   enum ident_id_kind *kind, struct err *e)
{
	struct digits dg;

	if (read_number(in, _("ID number"), &dg, e))
		return -1;
	if (dg.n != IDENT_CCCD_LEN && dg.n != IDENT_CMND_LEN)
		return err_set(e, _("ID number must have 12 digits (9 for an old ID card), got %zu"),
			       dg.n);
	if (kind)
		*kind = dg.n == IDENT_CCCD_LEN ? IDENT_ID_CCCD : IDENT_ID_CMND;
	return put(out, outsz, dg.d, e);
}

int ident_cccd_check(const char *in, char *out, size_t outsz, struct err *e)
{
	return fixed_digits(in, _("ID number"), IDENT_CCCD_LEN, out, outsz, e);
}

/* Digit 4 encodes sex (parity) and century (pairs: 0-1 1900s, 2-3 2000s,
 * 4-5 2100s, 6-7 2200s, 8-9 2300s: Circular 07/2016/TT-BCA, Art. 7). */
static int century_of(int digit)
{
	return 1900 + digit / 2 * 100;
}

int ident_cccd_decode(const char *in, struct ident_cccd *d, struct err *e)
{
	const char *s;
	int g;

	if (ident_cccd_check(in, d->digits, sizeof d->digits, e))
		return -1;
	s = d->digits;
	d->place_code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	d->province = ident_province_name(d->place_code);
	if (d->province)
		d->place = IDENT_PLACE_PROVINCE;
	else if (d->place_code >= 101 && d->place_code <= 295)
		d->place = IDENT_PLACE_ABROAD;
	else
		d->place = IDENT_PLACE_UNKNOWN;
	g = s[3] - '0';
	d->sex = g % 2 ? IDENT_SEX_FEMALE : IDENT_SEX_MALE;
	d->birth_year = century_of(g) + (s[4] - '0') * 10 + (s[5] - '0');
	return 0;
}

int ident_cccd_hint(const struct ident_cccd *d, char *buf, size_t sz)
{
	char place[64];

	if (d->place == IDENT_PLACE_PROVINCE)
		snprintf(place, sizeof place, "%s", d->province);
	else if (d->place == IDENT_PLACE_ABROAD)
		snprintf(place, sizeof place, "%s", _("birth registered abroad"));
	else
		snprintf(place, sizeof place, _("unknown place code %03d"),
			 d->place_code);
	/* TRANSLATORS: place, sex ("male"/"female"), birth year:
	 * "Hà Nội, male, born 1985". */
	return snprintf(buf, sz, _("%s, %s, born %d"), place,
			d->sex == IDENT_SEX_FEMALE ? _("female") : _("male"),
			d->birth_year);
}

int ident_cccd_make(int place_code, enum ident_sex sex, int birth_year,
		    long random6, char *out, size_t outsz, struct err *e)
{
	char s[IDENT_BUF];
	int c, g;

	if (place_code < 0 || place_code > 999)
		return err_set(e, _("Place code must be 0 to 999, got %d"), place_code);
	if (sex != IDENT_SEX_MALE && sex != IDENT_SEX_FEMALE)
		return err_set(e, _("Sex must be male or female"));
	if (birth_year < IDENT_YEAR_MIN || birth_year > IDENT_YEAR_MAX)
		return err_set(e, _("Year must be between %d and %d, got %d"),
			       IDENT_YEAR_MIN, IDENT_YEAR_MAX, birth_year);
	if (random6 < 0 || random6 > 999999)
		return err_set(e, _("The random part of the ID number must be 0 to 999999, got %ld"),
			       random6);
	c = birth_year / 100;
	g = (c - 19) * 2 + (int)sex;
	snprintf(s, sizeof s, "%03d%d%02d%06ld", place_code, g,
		 birth_year % 100, random6);
	return put(out, outsz, s, e);
}

/* ---- tax / enterprise codes ------------------------------------------ */

int ident_tax_check_digit(const char *prefix9)
{
	static const int w[9] = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };
	int sum = 0;

	for (int i = 0; i < 9; i++) {
		if (!is_digit(prefix9[i]))
			return -1;
		sum += (prefix9[i] - '0') * w[i];
	}
	return 10 - sum % 11;
}

/* Verify the check digit of the 10 digits at d. */
static int tax_verify(const char *d, struct err *e)
{
	int want = ident_tax_check_digit(d);

	if (want == 10)
		return err_set(e, _("Tax code %.10s cannot be valid: no check digit fits its first 9 digits"),
			       d);
	if (strspn(d + 2, "0") >= 7)	/* the sequence starts at 0000001 */
		return err_set(e, _("Tax code %.10s cannot be valid: its digits 3 to 9 are all zero"),
			       d);
	if (want != d[9] - '0')
		return err_set(e, _("Tax code check digit should be %d, got %d"),
			       want, d[9] - '0');
	return 0;
}

int ident_tax_check(const char *in, char *out, size_t outsz, bool *is_branch,
		    struct err *e)
{
	const char *what = _("Tax code");
	struct digits dg = { .n = 0 }, br = { .n = 0 };
	char s[IDENT_BUF];
	size_t len;
	const char *p = ident_trim(in, &len), *end = p + len, *dash;

	if (len == 0)
		return err_set(e, _("%s is empty"), what);
	dash = memchr(p, '-', len);
	if (dash) {
		if (memchr(dash + 1, '-', (size_t)(end - dash - 1)))
			return err_set(e, _("Tax code may contain only one dash, before the 3-digit branch number"));
		if (collect(p, p, dash, NULL, what, &dg, e) ||
		    collect(p, dash + 1, end, NULL, what, &br, e))
			return -1;
		if (dg.n != 10 || br.n != 3)
			return err_set(e, _("A branch tax code is 10 digits, a dash and 3 digits (e.g. 0100109106-001), got %zu and %zu digits"),
				       dg.n, br.n);
	} else {
		if (collect(p, p, end, NULL, what, &dg, e))
			return -1;
		if (dg.n == IDENT_CCCD_LEN) {
			if (is_branch)
				*is_branch = false;
			return ident_cccd_check(in, out, outsz, e);
		}
		if (dg.n != IDENT_TAX_LEN && dg.n != IDENT_TAX_LEN + 3)
			return err_set(e, _("Tax code must have 10 digits (12 for a personal ID number, 13 for a branch), got %zu"),
				       dg.n);
		/* 13 digits without the dash: some registers store branches
		 * that way; split them and write the dashed form back. */
		if (dg.n == IDENT_TAX_LEN + 3) {
			memcpy(br.d, dg.d + IDENT_TAX_LEN, 4);
			br.n = 3;
			dg.d[IDENT_TAX_LEN] = '\0';
			dg.n = IDENT_TAX_LEN;
		}
	}
	if (tax_verify(dg.d, e))
		return -1;
	if (br.n && strcmp(br.d, "000") == 0)
		return err_set(e, _("Tax code branch number must be 001 to 999, got 000"));
	if (is_branch)
		*is_branch = br.n != 0;
	memcpy(s, dg.d, IDENT_TAX_LEN);
	s[IDENT_TAX_LEN] = '\0';
	if (br.n) {
		s[IDENT_TAX_LEN] = '-';
		memcpy(s + IDENT_TAX_LEN + 1, br.d, 4);
	}
	return put(out, outsz, s, e);
}

int ident_tax_make(const char *prefix9, char *out, size_t outsz,
		   struct err *e)
{
	struct digits dg;
	int cd;

	if (read_number(prefix9, _("First 9 digits of the tax code"), &dg, e))
		return -1;
	if (dg.n != 9)
		return err_set(e, _("Tax code prefix must have 9 digits, got %zu"),
			       dg.n);
	if (strspn(dg.d + 2, "0") >= 7)
		return err_set(e, _("No tax code can start with %s: its digits 3 to 9 would all be zero"),
			       dg.d);
	cd = ident_tax_check_digit(dg.d);
	if (cd == 10)
		return err_set(e, _("No tax code can start with %s: its check digit would be 10"),
			       dg.d);
	digits_add(&dg, (char)('0' + cd));
	return put(out, outsz, dg.d, e);
}

int ident_tax_branch_make(const char *code10, int branch, char *out,
			  size_t outsz, struct err *e)
{
	char code[IDENT_BUF], s[IDENT_BUF];
	bool is_branch;

	if (ident_tax_check(code10, code, sizeof code, &is_branch, e))
		return -1;
	if (is_branch)
		return err_set(e, _("%s is already a branch code"), code);
	if (branch < 1 || branch > 999)
		return err_set(e, _("Tax code branch number must be 001 to 999, got %d"),
			       branch);
	snprintf(s, sizeof s, "%.10s-%03d", code, branch);
	return put(out, outsz, s, e);
}

/* ---- phone numbers --------------------------------------------------- */

int ident_phone_check(const char *in, char *out, size_t outsz,
		      enum ident_phone_kind *kind, struct err *e)
{
	const char *what = _("Phone number");
	struct digits dg = { .n = 0 }, nat = { .n = 0 };
	size_t len, skip = 0;
	const char *p = ident_trim(in, &len);
	bool plus;

	if (len == 0)
		return err_set(e, _("%s is empty"), what);
	plus = p[0] == '+';
	if (collect(p, p + plus, p + len, "-()", what, &dg, e))
		return -1;
	/* International forms: +84... or 0084...; anything else abroad is
	 * not a number the desk can call or text. */
	if (plus || (dg.n >= 2 && dg.d[0] == '0' && dg.d[1] == '0')) {
		skip = plus ? 0 : 2;
		if (dg.n < skip + 2 || dg.d[skip] != '8' || dg.d[skip + 1] != '4')
			return err_set(e, _("Only Vietnamese phone numbers (+84) are accepted"));
		skip += 2;
		if (skip < dg.n && dg.d[skip] == '0')
			skip++;	/* "+84 (0) 912...": the 0 is redundant */
		digits_add(&nat, '0');
	} else if (dg.n == 0 || dg.d[0] != '0') {
		return err_set(e, _("Phone number must start with 0 or +84"));
	}
	for (size_t i = skip; i < dg.n; i++)
		digits_add(&nat, i < sizeof dg.d - 1 ? dg.d[i] : '0');
	if (nat.n < 2)
		return err_set(e, _("Phone number must have 10 digits (11 for a landline), got %zu"),
			       nat.n);
	switch (nat.d[1]) {
	case '2':
		if (nat.n != 11)
			return err_set(e, _("Landline number must have 11 digits including the area code, got %zu"),
				       nat.n);
		break;
	case '3': case '5': case '7': case '8': case '9':
		if (nat.n != 10)
			return err_set(e, _("Mobile number must have 10 digits, got %zu"),
				       nat.n);
		break;
	case '1':
		if (nat.n == 11)
			return err_set(e, _("Mobile numbers starting with 01 were changed to 10 digits in 2018; ask for the new number"));
		/* fall through */
	default:
		return err_set(e, _("Phone number must start with 03, 05, 07, 08 or 09 (mobile) or 02 (landline)"));
	}
	if (kind)
		*kind = nat.d[1] == '2' ? IDENT_PHONE_LANDLINE : IDENT_PHONE_MOBILE;
	return put(out, outsz, nat.d, e);
}

/* ---- dates ----------------------------------------------------------- */

bool ident_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int ident_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && ident_is_leap(year));
}

bool ident_date_is_valid(int year, int month, int day)
{
	return day >= 1 && day <= ident_days_in_month(year, month);
}

/* Up to max digits at *p as a number; how many were read in *n. */
static int read_int(const char **p, const char *end, size_t max, size_t *n)
{
	int v = 0;

	for (*n = 0; *p < end && is_digit(**p); (*p)++, (*n)++)
		if (*n < max)
			v = v * 10 + (**p - '0');
	return v;
}

int ident_date_parse(const char *in, struct ident_date *d, struct err *e)
{
	static const char *const months[12] = {
		N_("January"), N_("February"), N_("March"), N_("April"),
		N_("May"), N_("June"), N_("July"), N_("August"),
		N_("September"), N_("October"), N_("November"), N_("December"),
	};
	size_t len, nd, nm, ny;
	const char *p = ident_trim(in, &len), *end = p + len;
	int day, month, year;
	char sep;

	if (len == 0)
		return err_set(e, _("Date is empty"));
	day = read_int(&p, end, 2, &nd);
	sep = p < end ? *p : '\0';
	if (nd < 1 || nd > 2 || (sep != '/' && sep != '-' && sep != '.'))
		goto format;
	p++;
	month = read_int(&p, end, 2, &nm);
	if (nm < 1 || nm > 2 || p >= end || *p != sep)
		goto format;
	p++;
	year = read_int(&p, end, 4, &ny);
	if (p != end || ny == 0)
		goto format;
	if (ny != 4)
		return err_set(e, _("Year must have 4 digits (e.g. 2024), got %zu"), ny);
	if (year < IDENT_YEAR_MIN || year > IDENT_YEAR_MAX)
		return err_set(e, _("Year must be between %d and %d, got %d"),
			       IDENT_YEAR_MIN, IDENT_YEAR_MAX, year);
	if (month < 1 || month > 12)
		return err_set(e, _("Month must be 1 to 12, got %d"), month);
	if (day < 1 || day > 31)
		return err_set(e, _("Day must be 1 to 31, got %d"), day);
	if (day > ident_days_in_month(year, month))
		/* TRANSLATORS: "31/02/2024 is not a date: February 2024 has
		 * 29 days". */
		return err_set(e, _("%02d/%02d/%04d is not a date: %s %d has %d days"),
			       day, month, year, _(months[month - 1]), year,
			       ident_days_in_month(year, month));
	*d = (struct ident_date){ .day = day, .month = month, .year = year };
	return 0;
format:
	return err_set(e, _("Date must be written dd/mm/yyyy, e.g. 05/09/2024"));
}

int ident_date_check(const char *in, char *out, size_t outsz, struct err *e)
{
	struct ident_date d;
	char s[IDENT_BUF];

	if (ident_date_parse(in, &d, e))
		return -1;
	return put(out, outsz, when_ymd(d.year, d.month, d.day, s, sizeof s), e);
}

/* ---- other numbers --------------------------------------------------- */

int ident_social_insurance_check(const char *in, char *out, size_t outsz,
				 struct err *e)
{
	struct digits dg;

	if (read_number(in, _("Social insurance number"), &dg, e))
		return -1;
	if (dg.n == IDENT_CCCD_LEN)
		return err_set(e, _("Social insurance number must have 10 digits, got 12; a personal ID number goes in the ID number field"));
	if (dg.n != IDENT_SOCIAL_INSURANCE_LEN)
		return err_set(e, _("%s must have %zu digits, got %zu"),
			       _("Social insurance number"),
			       (size_t)IDENT_SOCIAL_INSURANCE_LEN, dg.n);
	return put(out, outsz, dg.d, e);
}

int ident_unit_province_check(const char *in, char *out, size_t outsz,
			      struct err *e)
{
	return fixed_digits(in, _("Province code"), 2, out, outsz, e);
}

int ident_unit_commune_check(const char *in, char *out, size_t outsz,
			     struct err *e)
{
	return fixed_digits(in, _("Commune code"), 5, out, outsz, e);
}
