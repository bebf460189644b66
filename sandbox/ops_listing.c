/* Listings: the rows of a paged list query, in order, made once and kept
 * while the change counter stands. A client walking the pages of a list
 * gets each next page by a seek into the listing, not by an OFFSET scan
 * over every row before it, and the total is counted once per listing, as
 * a real server's cursor does. Any change to a dossier makes the next
 * request start a new listing, so a page never shows stale rows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sbx_db.h"
#include "sbx_ops_int.h"

enum { NLISTINGS = sizeof ((struct sbx *)0)->listings / sizeof ((struct sbx *)0)->listings[0] };

const struct sbx_listing *sbx_listing_find(struct sbx *s, const char *key, int64_t seq)
{
	for (int i = 0; i < NLISTINGS; i++) {
		struct sbx_listing *l = &s->listings[i];

		if (l->key && l->seq == seq && !strcmp(l->key, key)) {
			l->used = ++s->listing_tick;
			return l;
		}
	}
	return NULL;
}

const struct sbx_listing *sbx_listing_make(struct sbx *s, const char *key, int64_t seq,
					   sqlite3_stmt *st, struct sbx_error *e)
{
	struct sbx_listing *l = &s->listings[0];
	size_t cap = 1024;
	int rc;

	/* the least recently used one makes room: a few clients paging at
	 * once each keep theirs */
	for (int i = 1; i < NLISTINGS; i++)
		if (s->listings[i].used < l->used)
			l = &s->listings[i];
	free(l->key);
	free(l->rows);
	memset(l, 0, sizeof *l);
	l->rows = xmalloc(cap * sizeof *l->rows);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((size_t)l->n == cap) {
			cap *= 2;
			l->rows = xrealloc(l->rows, cap * sizeof *l->rows);
		}
		l->rows[l->n++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		free(l->rows);
		memset(l, 0, sizeof *l);
		sbx_fail_db(e, s->db);
		return NULL;
	}
	l->key = xstrdup(key);
	l->seq = seq;
	l->used = ++s->listing_tick;
	return l;
}

void sbx_listings_free(struct sbx *s)
{
	for (int i = 0; i < NLISTINGS; i++) {
		free(s->listings[i].key);
		free(s->listings[i].rows);
		memset(&s->listings[i], 0, sizeof s->listings[i]);
	}
}
