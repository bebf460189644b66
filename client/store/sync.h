/* Incremental sync of the dossiers into the local store (DESIGN.md section
 * 6), as cheaply as the API allows:
 *   - changes: a "changed since" cursor, conditional on the last ETag;
 *   - full, conditional: the whole list with If-None-Match (a 304 costs a
 *     few hundred bytes);
 *   - recent: no cursor, no ETag, but a "most recently changed first" sort:
 *     a probe of one dossier, the most recently changed; when it and the
 *     total are what the last sync saw, nothing changed since, and the poll
 *     is that one small page. Otherwise read until a page holds a dossier
 *     the store already has at that version and older than the newest
 *     change seen;
 *   - full: the whole list (the first sync, and now and then for the recent
 *     mode, to see dossiers that left the agency).
 * A dossier leaves the store only when the server proves it gone: a full
 * list whose count matches the total the server reported. An empty list,
 * one short of its total, or one without a total (a login served as a
 * guest, a fault, a page cap) keeps every dossier and says why.
 * Every page is committed to the store before it is handed on, so the first
 * page shows before the rest arrives and a sync cut short keeps what came.
 * The first sync of an empty store lists the open dossiers first where the
 * profile can (capabilities.open_first), earliest due first where it can
 * sort, then the whole list; its position is kept in the store with each
 * page, and a first sync cut short goes on from there. */
#ifndef MOTCUA_SYNC_H
#define MOTCUA_SYNC_H

#include "api/api.h"
#include "store.h"

enum sync_mode {
	SYNC_FULL,
	SYNC_CHANGES,
	SYNC_RECENT,
};

/* The recent mode first reads a probe: one dossier when the last sync
 * (a poll, or a full read of the list) kept one to compare with; else two, where a quiet poll already reaches
 * a dossier the store has. Otherwise pages of SYNC_RECENT_PAGE follow,
 * from the top. */
#define SYNC_RECENT_PROBE 2
/* A probe proves nothing changed only if the last one was read this long
 * after its dossier's change, by the server's clock (the reply's Date): a
 * change made in the same second could otherwise sort below it. Unless
 * the profile says the API lists changes in order (changes_in_order). */
#define SYNC_PROBE_MARGIN 60
#define SYNC_RECENT_PAGE 10
/* An empty store first reads a page this small, a screenful, so the inbox
 * shows before the profile's (larger) pages follow from the top; over a
 * slow link the first page's size is most of the wait. */
#define SYNC_FIRST_PAGE 25
/* The recent mode reads the whole list again after this long. */
#define SYNC_FULL_EVERY (6 * 3600)

struct sync_report {
	enum sync_mode mode;
	bool not_modified;	/* 304: nothing changed */
	int items;		/* dossiers received and stored */
	int dropped;		/* forgotten after a full list */
	int64_t kept;		/* not listed but kept: the full list did not prove
				 * itself whole ... */
	struct err doubt;	/* ... for this reason */
	/* ... and it looked wrong (empty, short of its total, moved): none of
	 * it is trusted, not even its validators. Not set when the server
	 * only gives no total: the list is taken, nothing is forgotten. */
	bool doubtful;
	bool resumed;		/* a first sync went on where one cut short
				 * stopped */
	int64_t elapsed_ms;
};

/* How far the listing under way is, after each page stored. */
struct sync_progress {
	bool open;		/* a first sync's open dossiers, before the rest */
	long from;		/* where it started: items skipped on a resume */
	long done, total;	/* items of this listing so far, of total (-1:
				 * the server does not say) */
	int64_t start_ms, elapsed_ms;	/* of this listing */
};

struct sync_hooks {
	/* A page received, before it is stored: what it changes is not in
	 * the store yet (or NULL). */
	void (*arriving)(void *arg, const struct dossier *items, int n);
	/* Stored; the items are handed over (dossier_free, free). */
	void (*stored)(void *arg, struct dossier *items, int n);
	/* After each page stored (or NULL). */
	void (*progress)(void *arg, const struct sync_progress *p);
	/* A full list dropped dossiers: read the store again. */
	void (*reload)(void *arg);
	void (*done)(void *arg, const struct api_result *r, const struct sync_report *rep);
	void *arg;
};

const char *sync_mode_name(enum sync_mode m);

/* The progress as the status bar and `motcua sync` show it: "syncing
 * open 120/717, 48 kB, 3 s left" while the open dossiers come, then
 * "syncing 1200/3642, ..."; bytes: on the wire since the sync began. */
void sync_progress_text(const struct sync_progress *p, uint64_t bytes, char *buf, size_t len);
/* Whether the store holds a first sync cut short: the next one goes on
 * where it stopped. */
bool sync_resumable(struct store *s);

struct sync;

/* Start a sync; full forces the whole list. now (Unix seconds) is recorded
 * as the data's time when it succeeds. done() runs exactly once, later;
 * the sync is freed after it. */
struct sync *sync_start(struct api *a, struct store *s, const struct sync_hooks *h,
			enum http_prio prio, int64_t now, bool full);
/* Stop it; done() runs with API_E_CANCELLED before this returns, keeping
 * what was stored. */
void sync_cancel(struct sync *y);

#endif
