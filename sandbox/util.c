#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/calendar.h"
#include "core/fold.h"
#include "core/xalloc.h"
#include "sbx_util.h"

/* ---- time ------------------------------------------------------------- */

/* Exactly n digits at *p, advancing it; -1 when not. */
static int digits(const char **p, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + (*p)[i] - '0';
	}
	*p += n;
	return v;
}

static int parse_date_part(const char **p, int *y, int *m, int *d)
{
	*y = digits(p, 4);
	if (*y < 0 || **p != '-')
		return -1;
	(*p)++;
	*m = digits(p, 2);
	if (*m < 0 || **p != '-')
		return -1;
	(*p)++;
	*d = digits(p, 2);
	if (*d < 0 || *y < 1970 || *y > CAL_YEAR_MAX || !cal_valid_date(*y, *m, *d))
		return -1;
	return 0;
}

int sbx_date_parse(const char *s, int64_t *t, struct err *e)
{
	const char *p = s;
	int y, m, d;

	if (!s || parse_date_part(&p, &y, &m, &d) < 0 || *p)
		return err_set(e, "expected a date YYYY-MM-DD (1970-2199), got \"%.40s\"",
			       s ? s : "");
	*t = cal_join(y, m, d, 0, 0, 0);
	return 0;
}

int sbx_time_parse(const char *s, int64_t *t, struct err *e)
{
	const char *p = s;
	int y, mo, d, h, mi, sec = 0, off = CAL_UTC_OFFSET;

	if (!s || parse_date_part(&p, &y, &mo, &d) < 0 || (*p != 'T' && *p != ' '))
		goto bad;
	p++;
	h = digits(&p, 2);
	if (h < 0 || h > 23 || *p++ != ':')
		goto bad;
	mi = digits(&p, 2);
	if (mi < 0 || mi > 59)
		goto bad;
	if (*p == ':') {
		p++;
		sec = digits(&p, 2);
		if (sec < 0 || sec > 59)
			goto bad;
		if (*p == '.') {	/* fractions are accepted and dropped */
			p++;
			if (!isdigit((unsigned char)*p))
				goto bad;
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	if (*p == 'Z' || *p == 'z') {
		off = 0;
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, oh, om;

		p++;
		oh = digits(&p, 2);
		if (*p == ':')
			p++;
		om = digits(&p, 2);
		if (oh < 0 || oh > 14 || om < 0 || om > 59)
			goto bad;
		off = sign * (oh * 3600 + om * 60);
	}
	if (*p)
		goto bad;
	*t = cal_join(y, mo, d, h, mi, sec) + CAL_UTC_OFFSET - off;
	if (*t < SBX_TIME_MIN || *t >= SBX_TIME_MAX)
		goto bad;
	return 0;
bad:
	return err_set(e, "expected an ISO 8601 time such as 2025-10-15T09:00:00+07:00, got \"%.40s\"",
		       s ? s : "");
}

/* ---- hashing, randomness, numbers --------------------------------------- */

uint64_t sbx_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

int sbx_random_hex(char *out, size_t nbytes, struct err *e)
{
	unsigned char raw[64];
	size_t got = 0;

	if (nbytes > sizeof raw)
		return err_set(e, "too many random bytes asked for");
	while (got < nbytes) {
		ssize_t n = getrandom(raw + got, nbytes - got, 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return err_set(e, "getrandom: %s", strerror(errno));
		}
		got += (size_t)n;
	}
	for (size_t i = 0; i < nbytes; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

int sbx_parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	int64_t v = 0;
	bool neg = false;
	const char *p = s;

	if (!s || !*s)
		return -1;
	if (*p == '-') {
		neg = true;
		p++;
	}
	if (!*p)
		return -1;
	for (; *p; p++) {
		if (!isdigit((unsigned char)*p) || v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

void sbx_vnd(int64_t v, char *buf, size_t n)
{
	char raw[24];
	size_t len, o = 0;

	snprintf(raw, sizeof raw, "%lld", (long long)v);
	len = strlen(raw);
	for (size_t i = 0; i < len && o + 2 < n; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = '.';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

bool sbx_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* ---- folding ------------------------------------------------------------ */

/* The client's fold, so that the server's q= search and the client's filter
 * find the same dossiers. */
char *sbx_fold(const char *s)
{
	size_t len = strlen(s);
	char *out = xmalloc(len + 1);

	fold_text(out, len + 1, s, len);
	return out;
}

bool sbx_idem_key_ok(const char *k)
{
	size_t n = strlen(k);

	if (!n || n > SBX_IDEM_KEY_MAX)
		return false;
	for (; *k; k++)
		if (*k < 0x21 || *k > 0x7e)
			return false;
	return true;
}
