#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "dates.h"

int date_offset_parse(const char *s, int *offset, struct err *e)
{
	int h, m;
	char sign;

	if (!strcmp(s, "Z") || !strcmp(s, "z")) {
		*offset = 0;
		return 0;
	}
	if (sscanf(s, "%c%2d:%2d", &sign, &h, &m) == 3 && (sign == '+' || sign == '-') &&
	    strlen(s) == 6 && h <= 14 && m < 60) {
		*offset = (sign == '-' ? -1 : 1) * (h * 3600 + m * 60);
		return 0;
	}
	return err_set(e, _("'%s' is not a UTC offset (expected +HH:MM, -HH:MM or Z)"), s);
}

int datefmt_parse(struct datefmt *f, const char *name, int offset, struct err *e)
{
	memset(f, 0, sizeof *f);
	f->offset = offset;
	if (!strcmp(name, "iso8601")) {
		f->kind = DATE_ISO8601;
	} else if (!strcmp(name, "epoch")) {
		f->kind = DATE_EPOCH;
	} else if (!strcmp(name, "epoch_ms")) {
		f->kind = DATE_EPOCH_MS;
	} else if (strstr(name, "yyyy") && strstr(name, "MM") && strstr(name, "dd") &&
		   strlen(name) < sizeof f->pattern) {
		f->kind = DATE_PATTERN;
		strcpy(f->pattern, name);
	} else {
		return err_set(e, _("'%s' is not a date format (expected iso8601, epoch, epoch_ms or a pattern with yyyy, MM, dd and optionally HH, mm, ss)"),
			       name);
	}
	return 0;
}

/* Civil time at offset -> instant; cal_join works at UTC+7. */
static int64_t join_at(int offset, int y, int mo, int d, int h, int mi, int s)
{
	return cal_join(y, mo, d, h, mi, s) + (CAL_UTC_OFFSET - offset);
}

static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + (*p)[i] - '0';
	}
	*p += n;
	*out = v;
	return 0;
}

static int check_fields(int y, int mo, int d, int h, int mi, int s)
{
	return cal_valid_date(y, mo, d) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 &&
	       s >= 0 && s <= 60 ? 0 : -1;
}

static int parse_iso(const struct datefmt *f, const char *s, int64_t *t)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, off = f->offset;

	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
	    digits(&p, 2, &d))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec))
				return -1;
			if (*p == '.' || *p == ',')
				for (p++; isdigit((unsigned char)*p); p++)
					;
		}
		if (*p && date_offset_parse(p, &off, NULL) < 0)
			return -1;
	} else if (*p) {
		return -1;
	}
	if (check_fields(y, mo, d, h, mi, sec))
		return -1;
	*t = join_at(off, y, mo, d, h, mi, sec);
	return 0;
}

static int parse_pattern(const struct datefmt *f, const char *s, int64_t *t)
{
	const char *fmt = f->pattern, *p = s;
	int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;

	while (*fmt) {
		static const struct { const char *tok; int n; } toks[] = {
			{ "yyyy", 4 }, { "MM", 2 }, { "dd", 2 }, { "HH", 2 }, { "mm", 2 }, { "ss", 2 },
		};
		int *fields[] = { &y, &mo, &d, &h, &mi, &sec };
		size_t i;

		for (i = 0; i < 6; i++)
			if (!strncmp(fmt, toks[i].tok, strlen(toks[i].tok)))
				break;
		if (i < 6) {
			if (digits(&p, toks[i].n, fields[i]))
				return -1;
			fmt += strlen(toks[i].tok);
		} else if (*p++ != *fmt++) {
			return -1;
		}
	}
	if (*p || check_fields(y, mo, d, h, mi, sec))
		return -1;
	*t = join_at(f->offset, y, mo, d, h, mi, sec);
	return 0;
}

int date_from_text(const struct datefmt *f, const char *s, int64_t *t, struct err *e)
{
	char *end;
	int rc = -1;

	switch (f->kind) {
	case DATE_ISO8601:
		rc = parse_iso(f, s, t);
		break;
	case DATE_PATTERN:
		rc = parse_pattern(f, s, t);
		break;
	case DATE_EPOCH:
	case DATE_EPOCH_MS: {
		long long v = strtoll(s, &end, 10);

		if (end != s && !*end) {
			*t = f->kind == DATE_EPOCH_MS ? v / 1000 : v;
			rc = 0;
		}
		break;
	}
	}
	if (rc < 0) {
		static const char *const names[] = { "iso8601", "epoch", "epoch_ms" };

		return err_set(e, _("'%s' is not a date in the format %s"), s,
			       f->kind == DATE_PATTERN ? f->pattern : names[f->kind]);
	}
	return 0;
}

int date_from_json(const struct datefmt *f, const cJSON *v, int64_t *t, struct err *e)
{
	if (cJSON_IsString(v))
		return date_from_text(f, v->valuestring, t, e);
	if (cJSON_IsNumber(v) && (f->kind == DATE_EPOCH || f->kind == DATE_EPOCH_MS)) {
		*t = f->kind == DATE_EPOCH_MS ? (int64_t)(v->valuedouble / 1000) : (int64_t)v->valuedouble;
		return 0;
	}
	return err_set(e, _("expected a date, got a JSON %s"),
		       cJSON_IsNumber(v) ? "number" : cJSON_IsBool(v) ? "boolean" :
		       cJSON_IsNull(v) ? "null" : cJSON_IsArray(v) ? "array" : "object");
}

void date_to_text(const struct datefmt *f, int64_t t, char *buf, size_t len)
{
	struct cal_time c;
	const char *fmt;
	size_t used = 0;

	if (f->kind == DATE_EPOCH || f->kind == DATE_EPOCH_MS) {
		snprintf(buf, len, "%lld", (long long)(f->kind == DATE_EPOCH_MS ? t * 1000 : t));
		return;
	}
	cal_split(t + (f->offset - CAL_UTC_OFFSET), &c);
	if (f->kind == DATE_ISO8601) {
		int off = f->offset < 0 ? -f->offset : f->offset;

		snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year, c.month,
			 c.day, c.hour, c.minute, c.second, f->offset < 0 ? '-' : '+',
			 off / 3600, off % 3600 / 60);
		return;
	}
	for (fmt = f->pattern; *fmt && used + 5 < len;) {
		static const struct { const char *tok; int width; } toks[] = {
			{ "yyyy", 4 }, { "MM", 2 }, { "dd", 2 }, { "HH", 2 }, { "mm", 2 }, { "ss", 2 },
		};
		int vals[] = { c.year, c.month, c.day, c.hour, c.minute, c.second };
		size_t i;

		for (i = 0; i < 6; i++)
			if (!strncmp(fmt, toks[i].tok, strlen(toks[i].tok)))
				break;
		if (i < 6) {
			used += (size_t)snprintf(buf + used, len - used, "%0*d", toks[i].width, vals[i]);
			fmt += strlen(toks[i].tok);
		} else {
			buf[used++] = *fmt++;
		}
	}
	buf[used < len ? used : len - 1] = '\0';
}

cJSON *date_to_json(const struct datefmt *f, int64_t t)
{
	char buf[64];

	if (f->kind == DATE_EPOCH)
		return cJSON_CreateNumber((double)t);
	if (f->kind == DATE_EPOCH_MS)
		return cJSON_CreateNumber((double)t * 1000);
	date_to_text(f, t, buf, sizeof buf);
	return cJSON_CreateString(buf);
}

int date_clock_offset(const char *when, int64_t *offset, struct err *e)
{
	int y, mo, d, h, mi;
	char extra;

	if (sscanf(when, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &extra) != 5 ||
	    !cal_valid_date(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59)
		return err_set(e, _("MOTCUA_CLOCK: '%s' is not a time (write YYYY-MM-DD HH:MM)"), when);
	*offset = cal_join(y, mo, d, h, mi, 0) - (int64_t)time(NULL);
	return 0;
}

int64_t date_now(void)
{
	const char *when = getenv("MOTCUA_CLOCK");
	int64_t off = 0;

	if (when && *when)
		date_clock_offset(when, &off, NULL);
	return (int64_t)time(NULL) + off;
}
