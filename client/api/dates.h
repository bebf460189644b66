/* Date and time formats of provincial APIs, as a profile names them:
 *
 *   "iso8601"              2025-11-23T14:05:00+07:00 (also ...Z, a date alone)
 *   "epoch" / "epoch_ms"   seconds / milliseconds since 1970, number or string
 *   a pattern              yyyy MM dd HH mm ss stand for the fields, anything
 *                          else is literal: "yyyyMMddHHmmss",
 *                          "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy"
 *
 * Times without a zone are civil times at the profile's UTC offset
 * (+07:00 unless it says otherwise). */
#ifndef MOTCUA_DATES_H
#define MOTCUA_DATES_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "core/err.h"

enum date_kind {
	DATE_ISO8601,
	DATE_EPOCH,
	DATE_EPOCH_MS,
	DATE_PATTERN,
};

struct datefmt {
	enum date_kind kind;
	char pattern[32];
	int offset;		/* seconds east of UTC */
};

int datefmt_parse(struct datefmt *f, const char *name, int offset, struct err *e);
/* "+07:00", "-05:30", "Z" -> seconds east of UTC. */
int date_offset_parse(const char *s, int *offset, struct err *e);

/* A JSON value (string or number) in format f -> Unix seconds. */
int date_from_json(const struct datefmt *f, const cJSON *v, int64_t *t, struct err *e);
int date_from_text(const struct datefmt *f, const char *s, int64_t *t, struct err *e);
/* Unix seconds -> a JSON value in format f (a number for epoch formats). */
cJSON *date_to_json(const struct datefmt *f, int64_t t);
void date_to_text(const struct datefmt *f, int64_t t, char *buf, size_t len);

/* The offset from the system clock to "YYYY-MM-DD HH:MM" in Vietnam time
 * (MOTCUA_CLOCK: training and tests against a sandbox with its own clock). */
int date_clock_offset(const char *when, int64_t *offset, struct err *e);
/* Now plus MOTCUA_CLOCK's offset, if set and valid. */
int64_t date_now(void);

#endif
