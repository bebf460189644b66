/* Finding dossiers by what the clerk types (DESIGN.md section 8). The text
 * is folded like the rows (fold.h: "nguyen" finds "Nguyễn") and matched as
 * a caseless PCRE2 regular expression against each dossier's code,
 * applicant name and ID number, procedure code and name, one field per
 * line (^ and $ work per field). Text that is not, or not yet, a regular
 * expression (a half-typed "(") is matched as typed.
 *
 * Made for a filter that runs at every key over thousands of rows: the
 * rows' folded text is built once per inbox, regular expressions are
 * JIT-compiled where PCRE2 can, and text that extends the previous text
 * as plain characters is searched for only in the rows that matched. */
#ifndef MOTCUA_FILTER_H
#define MOTCUA_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

struct dossier;
struct filter;

struct filter *filter_new(void);
void filter_free(struct filter *f);

/* Take the n rows of the inbox generation gen (app->dossiers_gen); nothing
 * to do when gen is the one indexed. Rows are numbered by their position
 * in rows. Their text is folded at the first non-empty filter_set(), so
 * rows and the dossiers must stay as they are until the next
 * filter_index() or filter_free(). The text set before is matched again at
 * the next filter_set(). */
void filter_index(struct filter *f, struct dossier *const *rows, size_t n, unsigned gen);

/* Match the rows against text ("" matches them all). Returns 0; or -1 with
 * e saying why when text is not a regular expression (the rows are then
 * matched against the text as typed) or a row could not be matched. */
int filter_set(struct filter *f, const char *text, struct err *e);

/* A filter the store runs (store_inbox.h), with no rows given: after
 * filter_set(), whether one row's folded text (its fields folded, one per
 * line, in the order above: as the store keeps them) matches; and the
 * folded plain text that every match contains, for the store's index to
 * narrow by (NULL when the text is a regular expression or empty). */
bool filter_text_hit(struct filter *f, const char *hay, size_t len);
const char *filter_literal(const struct filter *f);

/* Whether text is set, whether row matches it, how many rows do. */
bool filter_active(const struct filter *f);
bool filter_hit(const struct filter *f, size_t row);
size_t filter_count(const struct filter *f);

#endif
