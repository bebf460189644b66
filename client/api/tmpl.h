/* Templates in profiles: strings with {name} placeholders ("{{" and "}}" are
 * literal braces) and JSON bodies whose string values may be placeholders. A JSON
 * string that is exactly one placeholder takes the variable's type (a
 * number stays a number, a JSON value is inserted whole) and, when the
 * variable is unset, the key or element is left out, so one template
 * serves requests with and without optional parts. */
#ifndef MOTCUA_TMPL_H
#define MOTCUA_TMPL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "dates.h"

enum tvar_type {
	TV_STR,
	TV_INT,
	TV_BOOL,
	TV_TIME,		/* written in the profile's date format */
	TV_JSON,
};

struct tvar {
	const char *name;
	enum tvar_type type;
	const char *s;
	long long i;
	int64_t t;
	const struct datefmt *fmt;	/* TV_TIME: its own format, or NULL */
	const cJSON *json;
};

#define TVARS_MAX 32

struct tvars {
	struct tvar v[TVARS_MAX];
	int n;
	const struct datefmt *dates;
};

/* Setters keep pointers: the values must outlive the expansion. Setting a
 * NULL string leaves the variable unset. */
void tvars_str(struct tvars *tv, const char *name, const char *s);
void tvars_int(struct tvars *tv, const char *name, long long i);
void tvars_bool(struct tvars *tv, const char *name, bool b);
void tvars_time(struct tvars *tv, const char *name, int64_t t);
void tvars_json(struct tvars *tv, const char *name, const cJSON *json);
const struct tvar *tvars_get(const struct tvars *tv, const char *name);
/* Leave a variable unset again. */
void tvars_unset(struct tvars *tv, const char *name);
/* Write the date variable name (when set) in fmt instead of tv->dates. */
void tvars_format(struct tvars *tv, const char *name, const struct datefmt *fmt);

/* Every placeholder in s names one of known (a NULL-terminated list). */
int tmpl_check(const char *s, const char *const *known, struct err *e);
int tmpl_check_json(const cJSON *t, const char *const *known, struct err *e);

/* Expand s into a new string. With url_encode, values are percent-encoded
 * (for paths and query strings). Unset variables expand to nothing and set
 * *unset (if not NULL), so an optional header or parameter can be left out. */
char *tmpl_string(const char *s, const struct tvars *tv, bool url_encode, bool *unset);
/* Expand a JSON template into a new tree. An object {"$text": [parts],
 * "$sep": " "} becomes one string: the parts whose variables are all set,
 * joined by $sep (a list variable written as "a, b"); none: left out. */
cJSON *tmpl_json(const cJSON *t, const struct tvars *tv);

#endif
