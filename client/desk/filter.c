#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "core/fold.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/xalloc.h"
#include "filter.h"

/* Enough for any sensible pattern on a row of a few hundred bytes; a
 * pathological one ("(a*)*b") stops there instead of freezing the screen. */
#define MATCH_LIMIT 10000

struct filter {
	unsigned gen;
	bool indexed;		/* rows given for gen */
	bool built;		/* and their text folded into hay */
	struct dossier *const *rows;
	char *hay;		/* every row's folded fields, one per line */
	size_t *start;		/* row i: hay[start[i]] up to its last '\n' at start[i + 1] - 1 */
	size_t n;
	unsigned char *hit;	/* per row, when a pattern is set */
	size_t *matched, nmatched;	/* the rows hit, in order */

	char *pattern;		/* folded, as last matched; NULL: none since indexing */
	size_t patlen;
	bool literal;		/* it was matched as plain characters */
	int rc;			/* what filter_set() said about it */
	struct err why;
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
};

struct filter *filter_new(void)
{
	struct filter *f = xcalloc(1, sizeof *f);

	f->md = pcre2_match_data_create(1, NULL);
	f->mc = pcre2_match_context_create(NULL);
	if (!f->md || !f->mc)
		fatal("%s", _("out of memory (filter)"));
	pcre2_set_match_limit(f->mc, MATCH_LIMIT);
	return f;
}

static void drop_pattern(struct filter *f)
{
	free(f->pattern);
	f->pattern = NULL;
	pcre2_code_free(f->re);
	f->re = NULL;
}

void filter_free(struct filter *f)
{
	if (!f)
		return;
	drop_pattern(f);
	pcre2_match_data_free(f->md);
	pcre2_match_context_free(f->mc);
	free(f->hay);
	free(f->start);
	free(f->hit);
	free(f->matched);
	free(f);
}

/* The fields searched, in the order they are joined. */
#define NFIELDS 5
static void fields(const struct dossier *d, const char *out[NFIELDS])
{
	out[0] = d->number ? d->number : d->code;
	out[1] = d->applicant_name;
	out[2] = d->applicant_id;
	out[3] = d->procedure_code;
	out[4] = d->procedure_name;
}

/* Fold the rows' text: done at the first pattern after filter_index(), not
 * before, so that start-up and every sync that changes the inbox do not
 * fold thousands of rows the clerk may never filter. */
static void build(struct filter *f)
{
	struct dossier *const *rows = f->rows;
	size_t size = 1, pos = 0, n = f->n;

	for (size_t i = 0; i < n; i++) {
		const char *s[NFIELDS];

		fields(rows[i], s);
		for (int k = 0; k < NFIELDS; k++)
			size += (s[k] ? strlen(s[k]) : 0) + 1;
	}
	free(f->hay);
	free(f->start);
	free(f->hit);
	free(f->matched);
	/* folding never lengthens text, so each field fits where it is */
	f->hay = xmalloc(size);
	f->start = xmalloc((n + 1) * sizeof *f->start);
	f->hit = xcalloc(n ? n : 1, 1);
	f->matched = xmalloc((n ? n : 1) * sizeof *f->matched);
	f->nmatched = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s[NFIELDS];

		f->start[i] = pos;
		fields(rows[i], s);
		for (int k = 0; k < NFIELDS; k++) {
			size_t len = s[k] ? strlen(s[k]) : 0;

			pos += fold_text(f->hay + pos, size - pos, s[k] ? s[k] : "", len);
			f->hay[pos++] = '\n';
		}
	}
	f->start[n] = pos;
	f->hay[pos] = '\0';
	f->built = true;
}

void filter_index(struct filter *f, struct dossier *const *rows, size_t n, unsigned gen)
{
	if (f->indexed && f->gen == gen)
		return;
	f->rows = rows;
	f->n = n;
	f->gen = gen;
	f->indexed = true;
	f->built = false;
	drop_pattern(f);
}

/* Fold typed text as the rows are folded, except that a backslash and the
 * ASCII character it escapes keep their case: \D is not \d. A backslash
 * before any other character only quotes it, so it goes. */
static char *fold_pattern(const char *s)
{
	size_t len = strlen(s), o = 0;
	char *out = xmalloc(len + 1);

	for (size_t i = 0; i < len;) {
		size_t j = i;

		while (j < len && s[j] != '\\')
			j++;
		o += fold_text(out + o, len + 1 - o, s + i, j - i);
		if (j < len) {
			j++;
			if (j < len && (unsigned char)s[j] < 0x80) {
				out[o++] = '\\';
				out[o++] = s[j++];
			} else if (j == len) {
				out[o++] = '\\';	/* a trailing one: let PCRE2 say so */
			}
		}
		i = j;
	}
	out[o] = '\0';
	return out;
}

static int compile(struct filter *f, const char *pattern, struct err *e)
{
	int code;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	f->re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			      PCRE2_UTF | PCRE2_CASELESS | PCRE2_MULTILINE | PCRE2_MATCH_INVALID_UTF |
			      PCRE2_NEVER_BACKSLASH_C, &code, &off, NULL);
	if (!f->re) {
		pcre2_get_error_message(code, msg, sizeof msg);
		return err_set(e, _("not a regular expression (%s): matching the text as typed"),
			       (const char *)msg);
	}
	/* without JIT (some architectures, some builds) the interpreter does */
	pcre2_jit_compile(f->re, PCRE2_JIT_COMPLETE);
	return 0;
}

/* 1 if a row's folded text matches, 0 if not, -1 if PCRE2 gave up on it. */
static int match_text(struct filter *f, const char *s, size_t len)
{
	int rc;

	if (f->literal)
		return memmem(s, len, f->pattern, f->patlen) != NULL;
	rc = pcre2_match(f->re, (PCRE2_SPTR)s, len, 0, 0, f->md, f->mc);
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

static int match(struct filter *f, size_t i)
{
	return match_text(f, f->hay + f->start[i], f->start[i + 1] - f->start[i] - 1);
}

/* Text that extends plain text, itself plain, can only match rows the
 * shorter text matched: search only those. */
static bool narrows(const struct filter *f, const char *pattern, bool literal)
{
	return literal && f->pattern && f->literal && f->patlen &&
	       !strncmp(pattern, f->pattern, f->patlen);
}

int filter_set(struct filter *f, const char *text, struct err *e)
{
	char *pattern = fold_pattern(text);
	bool literal = !strpbrk(pattern, "\\^$.|?*+()[]{}");
	bool narrow, failed = false;
	size_t kept = 0;

	if (f->pattern && !strcmp(pattern, f->pattern)) {
		free(pattern);
		if (f->rc < 0 && e)
			*e = f->why;
		return f->rc;
	}
	narrow = narrows(f, pattern, literal);
	pcre2_code_free(f->re);
	f->re = NULL;
	f->rc = 0;
	if (!literal && compile(f, pattern, &f->why) < 0) {
		literal = true;
		f->rc = -1;
	}
	free(f->pattern);
	f->pattern = pattern;
	f->patlen = strlen(pattern);
	f->literal = literal;
	if (!*pattern)
		return 0;
	if (!f->built)
		build(f);
	if (narrow) {
		for (size_t k = 0; k < f->nmatched; k++) {
			size_t i = f->matched[k];

			f->hit[i] = match(f, i) == 1;
			if (f->hit[i])
				f->matched[kept++] = i;
		}
	} else {
		for (size_t i = 0; i < f->n; i++) {
			int m = match(f, i);

			failed |= m < 0;
			f->hit[i] = m == 1;
			if (m == 1)
				f->matched[kept++] = i;
		}
	}
	f->nmatched = kept;
	if (failed && !f->rc) {
		f->rc = -1;
		err_set(&f->why, "%s", _("the pattern is too costly for some dossiers: they are left out"));
	}
	if (f->rc < 0 && e)
		*e = f->why;
	return f->rc;
}

bool filter_text_hit(struct filter *f, const char *hay, size_t len)
{
	return !filter_active(f) || match_text(f, hay, len) == 1;
}

const char *filter_literal(const struct filter *f)
{
	return filter_active(f) && f->literal ? f->pattern : NULL;
}

bool filter_active(const struct filter *f)
{
	return f->pattern && *f->pattern;
}

bool filter_hit(const struct filter *f, size_t row)
{
	return !filter_active(f) || (row < f->n && f->hit[row]);
}

size_t filter_count(const struct filter *f)
{
	return filter_active(f) ? f->nmatched : f->n;
}
