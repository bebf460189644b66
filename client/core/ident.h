/* Identifiers and field validation for intake forms, batch lookups and the
 * sandbox's synthetic data: personal ID numbers (CCCD, old CMND), tax codes,
 * phone numbers, dates typed as dd/mm/yyyy, required fields, social
 * insurance numbers and administrative unit codes. Pure functions: no
 * curses, no network, no allocation.
 *
 * Every validator trims surrounding whitespace (ASCII and no-break space),
 * returns 0 or -1, fills e with one sentence naming what is wrong, and on
 * success writes the normalised form into out (out may be NULL to check
 * only; a too-small out is an error, never a truncation).
 *
 * Separators inside a number: a clerk copying from a card or a letter types
 * groups ("001 085 012345", "0100.109.106"), so spaces and dots inside
 * digit identifiers are accepted and dropped. Anything else (letters, other
 * punctuation) is rejected, naming the character and its position. Phone
 * numbers also accept dashes and brackets; a tax code's dash is only the
 * branch separator. See each function for the details. */
#ifndef MOTCUA_IDENT_H
#define MOTCUA_IDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/* Large enough for any normalised identifier below plus its NUL. */
#define IDENT_BUF 16

#define IDENT_CCCD_LEN 12
#define IDENT_CMND_LEN 9
#define IDENT_TAX_LEN 10
#define IDENT_TAX_BRANCH_LEN 14	/* NNNNNNNNNN-NNN */
#define IDENT_SOCIAL_INSURANCE_LEN 10
#define IDENT_DATE_LEN 10	/* dd/mm/yyyy */

/* Birth years a CCCD can encode (century digit 0/1 = 1900s ... 8/9 =
 * 2300s, Circular 07/2016/TT-BCA, Art. 7); typed dates use the same range. */
#define IDENT_YEAR_MIN 1900
#define IDENT_YEAR_MAX 2399

/* ---- whitespace and required fields ---------------------------------- */

/* Start of s without leading whitespace; *len (if not NULL) gets the length
 * without trailing whitespace. */
const char *ident_trim(const char *s, size_t *len);
/* NULL, "" and whitespace only are blank. */
bool ident_is_blank(const char *s);
/* -1 with "<label> is required" when in is blank; label is the field's
 * translated name, or NULL for a generic sentence. */
int ident_required(const char *in, const char *label, struct err *e);

/* ---- personal ID numbers --------------------------------------------- */

enum ident_id_kind {
	IDENT_ID_CCCD = 1,	/* 12-digit personal ID number */
	IDENT_ID_CMND,		/* old 9-digit ID card, no decode */
};

enum ident_sex {
	IDENT_SEX_MALE = 0,	/* values match the parity of digit 4 */
	IDENT_SEX_FEMALE = 1,
};

enum ident_place {
	IDENT_PLACE_PROVINCE = 1,	/* one of the 63 pre-2025 codes */
	IDENT_PLACE_ABROAD,		/* 101-295: birth registered abroad */
	IDENT_PLACE_UNKNOWN,		/* any other code: still a valid number */
};

/* What a CCCD says about its holder: a hint for the clerk, never proof. */
struct ident_cccd {
	char digits[IDENT_CCCD_LEN + 1];
	int place_code;			/* digits 1-3 */
	enum ident_place place;
	const char *province;		/* Vietnamese name, NULL unless PROVINCE */
	enum ident_sex sex;
	int birth_year;			/* full year from digits 4-6 */
};

/* 12 digits (CCCD) or 9 digits (CMND); *kind (if not NULL) says which. */
int ident_id_check(const char *in, char *out, size_t outsz,
		   enum ident_id_kind *kind, struct err *e);
/* 12 digits only. Any 12 digits are valid, whatever their decode says. */
int ident_cccd_check(const char *in, char *out, size_t outsz, struct err *e);
/* Check as ident_cccd_check, then decode into d. */
int ident_cccd_decode(const char *in, struct ident_cccd *d, struct err *e);
/* One line for the form, e.g. "Hà Nội, male, born 1985". Returns what
 * snprintf returns. */
int ident_cccd_hint(const struct ident_cccd *d, char *buf, size_t sz);
/* Build a CCCD for the sandbox: place code 0-999 (unknown codes allowed, to
 * make odd but valid numbers), year IDENT_YEAR_MIN..MAX, random6
 * 0..999999. */
int ident_cccd_make(int place_code, enum ident_sex sex, int birth_year,
		    long random6, char *out, size_t outsz, struct err *e);

/* The 63 pre-2025 province codes used in CCCD numbers (Circular
 * 07/2016/TT-BCA, appendix I), sorted by code. Names are Vietnamese proper
 * nouns, kept as data and never translated. */
struct ident_province {
	int code;
	const char *name;
};

size_t ident_province_count(void);
/* NULL when i is out of range. */
const struct ident_province *ident_province_at(size_t i);
/* NULL when code is not one of the 63. */
const char *ident_province_name(int code);

/* ---- tax / enterprise codes ------------------------------------------ */

/* Check digit for 9 ASCII digits: 0-9; 10 when the weighted sum is a
 * multiple of 11 (10 - 0 is not a digit, so no valid code has that prefix
 * and the tax authority never issues it); -1 if prefix9 is not 9 digits. */
int ident_tax_check_digit(const char *prefix9);
/* A 10-digit code, or a branch "NNNNNNNNNN-NNN" (also accepted as 13 digits
 * without the dash, normalised to the dashed form). The first 10 digits
 * must carry a correct check digit and digits 3-9, the sequence number,
 * run 0000001-9999999; branch numbers are 001-999. Since 1 July 2025 the
 * 12-digit personal ID number is the tax code of individuals and household
 * businesses (Circular 86/2024/TT-BTC), so 12 digits are checked as an ID
 * number (ident_cccd_check). */
int ident_tax_check(const char *in, char *out, size_t outsz, bool *is_branch,
		    struct err *e);
/* Complete 9 digits with the check digit; -1 if that prefix is unusable. */
int ident_tax_make(const char *prefix9, char *out, size_t outsz,
		   struct err *e);
/* A branch code from a valid 10-digit code and a branch number 1-999. */
int ident_tax_branch_make(const char *code10, int branch, char *out,
			  size_t outsz, struct err *e);

/* ---- phone numbers --------------------------------------------------- */

enum ident_phone_kind {
	IDENT_PHONE_MOBILE = 1,	/* 10 digits: 03, 05, 07, 08, 09 */
	IDENT_PHONE_LANDLINE,	/* 11 digits: 02 + area code + number */
};

/* National form starting with 0. "+84" and "0084" are normalised (a 0
 * written after +84 is dropped too); spaces, dots, dashes and brackets
 * inside are ignored. Other country codes are rejected. */
int ident_phone_check(const char *in, char *out, size_t outsz,
		      enum ident_phone_kind *kind, struct err *e);

/* ---- dates ----------------------------------------------------------- */

struct ident_date {
	int day, month, year;
};

bool ident_is_leap(int year);
/* 0 for a month outside 1-12. */
int ident_days_in_month(int year, int month);
bool ident_date_is_valid(int year, int month, int day);
/* dd/mm/yyyy as a clerk types it: day and month with 1 or 2 digits, a
 * 4-digit year in IDENT_YEAR_MIN..MAX, '/' (or '-' or '.', the same one
 * both times). Must be a real calendar date. */
int ident_date_parse(const char *in, struct ident_date *d, struct err *e);
/* Parse, then write the normalised "dd/mm/yyyy". */
int ident_date_check(const char *in, char *out, size_t outsz, struct err *e);

/* ---- other numbers (format only) ------------------------------------- */

/* 10 digits. A 12-digit input gets a message pointing at the ID field:
 * since 1 August 2025 the personal ID number replaces this number. */
int ident_social_insurance_check(const char *in, char *out, size_t outsz,
				 struct err *e);
/* Administrative units (Decision 19/2025/QĐ-TTg): province 2 digits,
 * commune 5 digits. */
int ident_unit_province_check(const char *in, char *out, size_t outsz,
			      struct err *e);
int ident_unit_commune_check(const char *in, char *out, size_t outsz,
			     struct err *e);

#endif
