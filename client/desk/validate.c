#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/ident.h"
#include "core/when.h"
#include "validate.h"

/* A procedure's pattern is data from a server: a pathological one must
 * stop, not freeze the form at every key. */
#define MATCH_LIMIT 10000

enum vtype vtype_parse(const char *name)
{
	static const struct {
		const char *name;
		enum vtype t;
	} types[] = {
		{ "text", VT_TEXT }, { "id_number", VT_ID_NUMBER }, { "tax_code", VT_TAX_CODE },
		{ "date", VT_DATE }, { "phone", VT_PHONE }, { "email", VT_EMAIL },
		{ "number", VT_NUMBER }, { "select", VT_SELECT }, { "address", VT_ADDRESS },
	};

	for (size_t i = 0; name && i < sizeof types / sizeof types[0]; i++)
		if (!strcmp(name, types[i].name))
			return types[i].t;
	return VT_TEXT;
}

/* Dates that have happened by nature: nobody is born or registered in the
 * future. Dates of a period (absence.to, suspend.to) may well be. */
static bool past_key(const char *key)
{
	static const char *const past[] = { "birth_date", "death.date", "original_date",
					    "established", NULL };

	for (int i = 0; key && past[i]; i++)
		if (strstr(key, past[i]))
			return true;
	return false;
}

void vrule_init(struct vrule *r, const char *key, const char *label, const char *type,
		bool required, const char *pattern, const char *const *options, int noptions)
{
	*r = (struct vrule){ .label = label ? label : key, .type = vtype_parse(type),
			     .required = required, .pattern = pattern && *pattern ? pattern : NULL,
			     .options = options, .noptions = noptions };
	r->past = r->type == VT_DATE && past_key(key);
}

void vrule_free(struct vrule *r)
{
	pcre2_code_free(r->re);
	r->re = NULL;
}

static int put(char *out, size_t outsz, const char *s, size_t n, struct err *e)
{
	if (!out)
		return 0;
	if (n >= outsz)
		return err_set(e, _("Too long: at most %zu bytes"), outsz - 1);
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* Digits, grouped as a clerk may write amounts ("1.000.000", "1 000 000"),
 * into plain digits. */
static int number(const char *p, size_t len, char *buf, size_t sz, struct err *e)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			if (n + 1 >= sz)
				return err_set(e, "%s", _("The number is too long"));
			buf[n++] = p[i];
		} else if ((p[i] != '.' && p[i] != ' ') || i == 0 || i + 1 == len) {
			return err_set(e, "%s", _("Not a number: a whole number in digits, e.g. 12"));
		}
	}
	buf[n] = '\0';
	return 0;
}

static int email(const char *p, size_t len, struct err *e)
{
	const char *at = memchr(p, '@', len), *dot;

	for (size_t i = 0; i < len; i++)
		if (p[i] == ' ' || p[i] == '\t' || p[i] == ',' || p[i] == ';')
			return err_set(e, "%s", _("One e-mail address only, without spaces"));
	if (!at || at == p || memchr(at + 1, '@', len - (size_t)(at - p) - 1))
		return err_set(e, "%s", _("Not an e-mail address: write it like name@example.vn"));
	dot = memchr(at + 1, '.', len - (size_t)(at - p) - 1);
	if (!dot || dot == at + 1 || dot + 1 == p + len || p[len - 1] == '.')
		return err_set(e, "%s", _("The e-mail address must end with a domain like example.vn"));
	return 0;
}

static int select_option(const struct vrule *r, const char *p, size_t len, struct err *e)
{
	for (int i = 0; i < r->noptions; i++)
		if (strlen(r->options[i]) == len && !memcmp(r->options[i], p, len))
			return 0;
	return err_set(e, "%s", _("Not one of the choices: Space or Left/Right choose"));
}

/* The procedure's own rule, on the whole normalised value. */
static int pattern(struct vrule *r, const char *v, struct err *e)
{
	pcre2_match_data *md;
	pcre2_match_context *mc;
	int rc;

	if (!r->pattern || r->bad_pattern)
		return 0;
	if (!r->re) {
		int code;
		PCRE2_SIZE off;

		r->re = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &code, &off, NULL);
		if (!r->re) {
			/* the server's mistake: the type's own check still holds */
			r->bad_pattern = true;
			return 0;
		}
	}
	md = pcre2_match_data_create_from_pattern(r->re, NULL);
	mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, MATCH_LIMIT);
	rc = pcre2_match(r->re, (PCRE2_SPTR)v, strlen(v), 0, 0, md, mc);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
		return 0;	/* too costly to decide: not the clerk's fault */
	if (rc < 0)
		return err_set(e, "%s", _("Not in the form this procedure asks for"));
	return 0;
}

static int future(const struct vrule *r, const char *ddmmyyyy, int64_t today, struct err *e)
{
	struct ident_date d;
	struct cal_time now;
	char buf[WHEN_LEN];

	if (!r->past || !today || ident_date_parse(ddmmyyyy, &d, NULL) < 0)
		return 0;
	cal_split(today, &now);
	if (d.year * 10000 + d.month * 100 + d.day > now.year * 10000 + now.month * 100 + now.day)
		return err_set(e, _("In the future: today is %s"), when_date(today, buf, sizeof buf));
	return 0;
}

int validate_value(struct vrule *r, const char *value, int64_t today, char *out, size_t outsz,
		   struct err *e)
{
	char buf[VALIDATE_MAX];
	size_t len;
	const char *p = ident_trim(value ? value : "", &len);
	int rc = 0;

	if (len == 0) {
		if (r->required)
			return ident_required(NULL, NULL, e);
		return put(out, outsz, "", 0, e);
	}
	if (len >= sizeof buf)
		return err_set(e, _("Too long: at most %zu bytes"), sizeof buf - 1);
	switch (r->type) {
	case VT_ID_NUMBER:
		rc = ident_id_check(p, buf, sizeof buf, NULL, e);
		break;
	case VT_TAX_CODE:
		rc = ident_tax_check(p, buf, sizeof buf, NULL, e);
		break;
	case VT_PHONE:
		rc = ident_phone_check(p, buf, sizeof buf, NULL, e);
		break;
	case VT_DATE:
		rc = ident_date_check(p, buf, sizeof buf, e);
		if (rc == 0 && future(r, buf, today, e) < 0)
			return -1;
		break;
	case VT_NUMBER:
		if (number(p, len, buf, sizeof buf, e) < 0)
			return -1;
		break;
	case VT_EMAIL:
		if (email(p, len, e) < 0)
			return -1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		break;
	case VT_SELECT:
		if (select_option(r, p, len, e) < 0)
			return -1;
		/* fall through */
	case VT_TEXT:
	case VT_ADDRESS:
		memcpy(buf, p, len);
		buf[len] = '\0';
		break;
	}
	if (rc < 0)
		return -1;
	if (pattern(r, buf, e) < 0)
		return -1;
	return put(out, outsz, buf, strlen(buf), e);
}

int validate_hint(const struct vrule *r, const char *value, char *buf, size_t len)
{
	struct ident_cccd d;

	if (len)
		buf[0] = '\0';
	if (r->type != VT_ID_NUMBER || !value || ident_cccd_decode(value, &d, NULL) < 0)
		return 0;
	ident_cccd_hint(&d, buf, len);
	return 1;
}

void validate_from_register(enum vtype t, const char *value, char *out, size_t outsz)
{
	int y, m, d;
	char tail;

	if (!value)
		value = "";
	if (t == VT_DATE && sscanf(value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
		when_ymd(y, m, d, out, outsz);
		return;
	}
	snprintf(out, outsz, "%s", value);
}
