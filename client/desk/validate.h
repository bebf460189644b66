/* Validation of intake form values by the procedure's field types (API.md
 * "procedures": text, id_number, tax_code, date, phone, email, number,
 * select, address), its required flag and its own PCRE2 pattern. Built on
 * ident.h; no curses, so the form's rules are tested headless.
 *
 * Every problem is one sentence about the value, what is wrong first,
 * without the field's label: it is read under the field, whose label is on
 * the row above, and a long label repeated inside it would push the reason
 * off an 80-column line. Where it is read apart from the field (the status
 * bar), the caller names the field after it.
 * Values are normalised on success (an ID number without its spaces, a
 * phone number as 0…, a date as dd/mm/yyyy), and the pattern is matched
 * against the normalised value: a procedure's "0[35789][0-9]{8}" then
 * accepts "+84 912 345 678" as the clerk copied it. */
#ifndef MOTCUA_VALIDATE_H
#define MOTCUA_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum vtype {
	VT_TEXT,
	VT_ID_NUMBER,
	VT_TAX_CODE,
	VT_DATE,
	VT_PHONE,
	VT_EMAIL,
	VT_NUMBER,
	VT_SELECT,
	VT_ADDRESS,
};

/* The API's type name; an unknown one is text (a newer server's type
 * must not make a form impossible to fill). */
enum vtype vtype_parse(const char *name);

/* Room for any normalised value a form holds. */
#define VALIDATE_MAX 256	/* as a prompt holds (PROMPT_MAX) */

struct vrule {
	const char *label;	/* how the clerk knows the field */
	enum vtype type;
	bool required;
	bool past;		/* a date that cannot be in the future (a birth) */
	const char *pattern;	/* PCRE2, matched whole; NULL: none */
	const char *const *options;	/* VT_SELECT */
	int noptions;
	void *re;		/* the compiled pattern, cached by validate_value */
	bool bad_pattern;	/* the procedure's pattern does not compile */
};

/* A rule for a field of a procedure: key says whether a date is a past
 * one (births, deaths, earlier registrations). */
void vrule_init(struct vrule *r, const char *key, const char *label, const char *type,
		bool required, const char *pattern, const char *const *options, int noptions);
void vrule_free(struct vrule *r);

/* 0: valid, normalised into out ("" for a blank optional field); -1: e
 * says why. today is the date "not in the future" is
 * judged against (Vietnam time, Unix seconds). out may be NULL. */
int validate_value(struct vrule *r, const char *value, int64_t today, char *out, size_t outsz,
		   struct err *e);

/* What a valid ID number says about its holder, as a hint beside the field
 * ("Hà Nội, male, born 1985"): 1, or 0 and "" when there is nothing to say
 * (not an ID number field, not 12 digits yet). Never a rejection. */
int validate_hint(const struct vrule *r, const char *value, char *buf, size_t len);

/* A register's value in the form a field of this type holds: dates from
 * "YYYY-MM-DD" to dd/mm/yyyy; other values as they are. */
void validate_from_register(enum vtype t, const char *value, char *out, size_t outsz);

#endif
