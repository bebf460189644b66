/* Small helpers of the sandbox: reading times in ISO 8601 (+07:00; they
 * are written by core/when.h), hashing for ETags and idempotency,
 * Vietnamese-insensitive folding for search, random tokens. No I/O except
 * getrandom(). */
#ifndef MOTCUA_SBX_UTIL_H
#define MOTCUA_SBX_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* Years a sandbox instant may have: the calendar's table, after 1970. */
#define SBX_TIME_MIN ((int64_t)0)
#define SBX_TIME_MAX ((int64_t)7258093200)	/* 2199-12-31 24:00 +07:00 */

/* An ISO 8601 date-time: "YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:]MM]";
 * without a zone the time is Vietnam's. */
int sbx_time_parse(const char *s, int64_t *t, struct err *e);
/* "YYYY-MM-DD": midnight of that day in Vietnam. */
int sbx_date_parse(const char *s, int64_t *t, struct err *e);

/* FNV-1a, 64 bits: cheap and good enough for ETags and request digests. */
#define SBX_FNV_INIT UINT64_C(0xcbf29ce484222325)
uint64_t sbx_fnv1a(uint64_t h, const void *p, size_t n);

/* Fold text for search as the client does (fold.h): "Nguyễn Văn Đức" ->
 * "nguyen van duc". Returns a malloc'd string. */
char *sbx_fold(const char *s);

/* nbytes of kernel randomness as 2*nbytes hex digits (out has room for
 * 2*nbytes+1). */
int sbx_random_hex(char *out, size_t nbytes, struct err *e);

/* A decimal integer in [min, max], the whole string (no sign for min >= 0,
 * no spaces). */
int sbx_parse_int(const char *s, int64_t min, int64_t max, int64_t *out);

/* 1250000 -> "1.250.000": amounts as Vietnamese texts write them. */
void sbx_vnd(int64_t v, char *buf, size_t n);

/* True when s is NULL, empty or only spaces. */
bool sbx_blank(const char *s);

/* Idempotency keys, in both dialects: 1 to SBX_IDEM_KEY_MAX visible ASCII
 * characters. */
#define SBX_IDEM_KEY_MAX 200
bool sbx_idem_key_ok(const char *k);

#endif
