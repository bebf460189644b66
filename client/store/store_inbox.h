/* The inbox read from the store on demand (issue 19): a screenful at a
 * time in urgency order, the views' counts, the procedures present and the
 * rows the filter keeps, each by an indexed query, so that what the inbox
 * costs at start-up does not grow with the number of dossiers kept.
 *
 * The urgency order is the one deadline_sort() gives (bands, then
 * finished work after the rest, then the earlier due time, then the code),
 * read as nine parts of the table, each an index range in (due_at, code)
 * order: the running dossiers overdue, due today, in the apology band, due
 * soon, in time; then the others still to do by due time, and those
 * without one by code; then the finished ones (status_is_finished()) the
 * same two ways, so that finished work never shows above open work. The
 * bands' bounds are due times worked out by the caller at one instant
 * (deadline_cuts()). */
#ifndef MOTCUA_STORE_INBOX_H
#define MOTCUA_STORE_INBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/model.h"

struct store;

/* As struct deadline_cuts (desk/deadline.h) fills them. */
struct inboxq_cuts {
	int64_t now, today_end, apology, soon;
};

struct inboxq {
	struct inboxq_cuts cut;
	unsigned statuses;	/* 1 << status of each status shown; 0: any */
	const char *mine;	/* only those assigned to this login (any case) */
	const char *proc;	/* only this procedure (a key of store_inbox_procs) */
	/* The filter: folded text that every row kept contains (found through
	 * the trigram index from three characters on, row by row below that),
	 * and a further test of each row's folded text (STORE_HAY: its fields
	 * one per line). NULL, NULL: no filter. A plain text needs only the
	 * phrase, which is the cheaper: the test reads every row's text. */
	const char *phrase;
	bool (*match)(void *arg, const char *hay, size_t len);
	void *arg;
};

/* Where a row stands in the urgency order; paging goes on after it. */
#define INBOXQ_PARTS 9
struct inboxq_pos {
	int part;		/* 0 .. INBOXQ_PARTS - 1; INBOXQ_PARTS: past the end */
	int64_t due;
	char code[256];
};

/* The first position, before every row. */
void store_inbox_start(struct inboxq_pos *p);

/* Whether a comes before (< 0), at (0) or after (> 0) b in the order. */
int store_inbox_pos_cmp(const struct inboxq_pos *a, const struct inboxq_pos *b);

/* Up to n summaries after *at, in urgency order, into out (zeroed by the
 * caller, freed with dossier_free; a date last moved for an apology comes
 * as due_history's one entry, which is what deadline_band() reads) and, unless each is NULL, the position
 * of each into each; *got says how many, and *at moves to the last one
 * read. */
int store_inbox_rows(struct store *s, const struct inboxq *q, struct inboxq_pos *at,
		     struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
		     struct err *e);

/* The same, reading for no longer than until (timer_cpu_us(); 0: no
 * limit) once 4n rows are looked at: *at moves past every row looked at,
 * kept by q's filter or not,
 * so that the next call goes on where this one stopped. Returns 1 when
 * it reached the end, 0 when it read n rows or its time was up. */
int store_inbox_rows_until(struct store *s, const struct inboxq *q, struct inboxq_pos *at, int64_t until,
			   struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
			   struct err *e);

/* The same backwards: up to n summaries before *at (past the end when
 * at->part is INBOXQ_PARTS), the nearest first; *at moves to the last one
 * read, or back to the start when there were fewer than n. */
int store_inbox_rows_before(struct store *s, const struct inboxq *q, struct inboxq_pos *at,
			    struct dossier *out, struct inboxq_pos *each, size_t n, size_t *got,
			    struct err *e);

/* How many rows of q come before pos (a row's index in the list, whether
 * or not q keeps that row itself). */
int store_inbox_index(struct store *s, const struct inboxq *q, const struct inboxq_pos *pos,
		      int64_t *index, struct err *e);

/* How many rows of q come before the dossier code (its index in the list)
 * and its position: 1 found, 0 not in the store or not among q's rows,
 * -1 error. */
int store_inbox_find(struct store *s, const struct inboxq *q, const char *code,
		     int64_t *index, struct inboxq_pos *pos, struct err *e);

/* The rows that pass q's filter (its view is left aside), by status, and
 * of those the ones assigned to q->mine and the ones of q->proc. */
struct inboxq_counts {
	int64_t by_status[ST_MAX + 1];	/* [0]: no status known */
	int64_t all, mine, proc;
};
int store_inbox_counts(struct store *s, const struct inboxq *q, struct inboxq_counts *c,
		       struct err *e);

/* The same in slices, so that counting a filter's matches over a large
 * store never holds the event loop: start, then a step at a time, each
 * for no longer than until (timer_cpu_us(); 0: to the end). A step
 * returns 1 when the count is whole, 0 when its time was up (k->c holds
 * what is counted so far, a lower bound), -1 on error. */
struct inboxq_count {
	struct inboxq_counts c;
	int64_t last;		/* the last row counted (its text's rowid) */
	bool done;
};
void store_inbox_count_start(struct inboxq_count *k);
int store_inbox_count_step(struct store *s, const struct inboxq *q, struct inboxq_count *k, int64_t until,
			   struct err *e);

/* The procedures present, most dossiers first, then by key. */
struct inboxq_proc {
	char *key;		/* procedure code, or name when it has none, or "" */
	char *name;		/* NULL when no dossier names it */
	int64_t n;
};
int store_inbox_procs(struct store *s, struct inboxq_proc **v, size_t *n, struct err *e);
void store_inbox_procs_free(struct inboxq_proc *v, size_t n);

/* The dossiers whose number shown (their code when they have none) ends
 * with tail, ASCII letters in any case (and some more: the caller
 * tells), found through the trigram index from two characters on; and
 * the one whose code is tail (an API's own id, which the number hides).
 * In the order of the number shown, to fn(arg, code, number shown) until
 * it returns false. A tail of one character reads every code and number,
 * and finds the codes that end with it too. */
int store_inbox_ending(struct store *s, const char *tail,
		       bool (*fn)(void *arg, const char *code, const char *shown), void *arg, struct err *e);

/* Each assignee's login (and name, or NULL) on the dossiers whose status
 * is in statuses (1 << status each), once, in the order of their first
 * dossier's code. */
int store_inbox_assignees(struct store *s, unsigned statuses,
			  void (*fn)(void *arg, const char *login, const char *name), void *arg,
			  struct err *e);

#endif
