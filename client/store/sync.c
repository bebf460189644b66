#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/timer.h"
#include "core/xalloc.h"
#include "sync.h"

struct sync {
	struct api *api;
	struct store *store;
	struct sync_hooks h;
	struct sync_report rep;
	struct api_list_query q;
	unsigned call;
	/* a first small page (a probe, or a screenful) before the real
	 * pages: the list is then read again from the top */
	bool first;
	/* An empty store's first sync: its position is kept in the meta
	 * table as it goes, so that one cut short goes on from there. */
	bool first_sync;
	bool resumed;		/* the whole list started in the middle */
	struct sync_progress pr;	/* of the listing under way */
	int64_t now, start_ms, gen, hwm, new_hwm, probe_at;
	char since[256], etag[128];
	/* recent mode: the probe's dossier and total, as read now and as the
	 * last sync kept them ("" when it could not vouch for them) */
	char probe[512], last_probe[512];
	bool probe_sure;	/* read SYNC_PROBE_MARGIN after its change */
	struct err store_err;	/* set when writing failed */
	bool quiet;		/* recent mode: reached what the store has */
};

/* The meta key of a first sync's position: "open N" or "all N", items of
 * that listing stored; "" once the first sync is over. */
#define FIRST_SYNC_KEY "first_sync"

const char *sync_mode_name(enum sync_mode m)
{
	static const char *const names[] = {
		[SYNC_FULL] = "full", [SYNC_CHANGES] = "changes", [SYNC_RECENT] = "recent",
	};

	return names[m];
}

void sync_progress_text(const struct sync_progress *p, uint64_t bytes, char *buf, size_t len)
{
	long got = p->done - p->from;
	int n;

	if (p->total >= 0)
		n = snprintf(buf, len, p->open ? _("syncing open %ld/%ld") : _("syncing %ld/%ld"), p->done, p->total);
	else
		n = snprintf(buf, len, p->open ? _("syncing open %ld") : _("syncing %ld"), p->done);
	if (n < 0 || (size_t)n >= len)
		return;
	if (bytes >= 10u << 20)
		n += snprintf(buf + n, len - (size_t)n, _(", %.0f MB"), bytes / 1048576.0);
	else
		n += snprintf(buf + n, len - (size_t)n, _(", %.0f kB"), bytes / 1024.0);
	/* at the pace of this listing so far */
	if (n > 0 && (size_t)n < len && p->total > p->done && got > 0 && p->elapsed_ms > 0) {
		long long left = (long long)((double)p->elapsed_ms * (double)(p->total - p->done) / (double)got / 1000.0);

		if (left < 120)
			snprintf(buf + n, len - (size_t)n, _(", %lld s left"), left + 1);
		else
			snprintf(buf + n, len - (size_t)n, _(", %lld min left"), (left + 59) / 60);
	}
}

bool sync_resumable(struct store *s)
{
	char at[64];

	return store_meta_int(s, "full_gen") == 0 && store_meta_get(s, FIRST_SYNC_KEY, at, sizeof at) &&
	       at[0];
}

static void hand_on(struct sync *y, struct dossier *items, int n)
{
	if (y->h.stored) {
		y->h.stored(y->h.arg, items, n);
		return;
	}
	dossiers_free(items, (size_t)n);
}

/* In the recent mode, a dossier the store has at this version, changed
 * before the newest change already seen (with a minute's margin for
 * changes made in the same second as the last poll), means everything
 * after it on the list is known too. */
static bool known(struct sync *y, const struct dossier *d)
{
	char v[128];

	return d->version && d->updated_at && d->updated_at < y->hwm - 60 &&
	       store_version(y->store, d->code, v, sizeof v) == 1 && !strcmp(v, d->version);
}

/* Stored with the page it follows: a sync cut short between two pages
 * goes on after the last one stored; after the open listing's last page,
 * with the whole list. */
static int keep_position(struct sync *y, long pos, long total)
{
	char v[64];

	if (y->pr.open && total >= 0 && pos >= total)
		snprintf(v, sizeof v, "all 0");
	else
		snprintf(v, sizeof v, "%s %ld", y->pr.open ? "open" : "all", pos);
	return store_meta_set(y->store, FIRST_SYNC_KEY, v, &y->store_err);
}

static void progress(struct sync *y, int n, long total)
{
	y->pr.done += n;
	y->pr.total = total;
	y->pr.elapsed_ms = timer_now_ms() - y->pr.start_ms;
	if (y->h.progress)
		y->h.progress(y->h.arg, &y->pr);
}

/* The probe's dossier: what the recent mode's next poll compares the top
 * of the list by change with (the total is added at the end). */
static void note_probe(struct sync *y, const struct dossier *d)
{
	snprintf(y->probe, sizeof y->probe, "%s\x1f%s\x1f%lld", d->code ? d->code : "",
		 d->version ? d->version : "", (long long)d->updated_at);
	y->probe_at = d->updated_at;
}

static bool on_page(void *arg, struct dossier *items, int n, long total)
{
	struct sync *y = arg;

	if (y->h.arriving)
		y->h.arriving(y->h.arg, items, n);
	if (y->rep.mode == SYNC_RECENT && y->first && n > 0)
		note_probe(y, &items[0]);
	if (store_begin(y->store, &y->store_err) < 0)
		goto failed;
	if (y->first_sync && keep_position(y, y->pr.done + n, total) < 0) {
		store_rollback(y->store);
		goto failed;
	}
	for (int i = 0; i < n; i++) {
		if (y->rep.mode == SYNC_RECENT && known(y, &items[i]))
			y->quiet = true;
		if (items[i].updated_at > y->new_hwm)
			y->new_hwm = items[i].updated_at;
		/* the first of the newest, as a list by change would show it
		 * (another of the same second may come first: then the next
		 * poll reads on, which is only dearer) */
		if (y->rep.mode == SYNC_FULL && items[i].updated_at > y->probe_at)
			note_probe(y, &items[i]);
		if (store_put_dossier(y->store, &items[i], false, y->gen, &y->store_err) < 0) {
			store_rollback(y->store);
			goto failed;
		}
	}
	if (store_commit(y->store, &y->store_err) < 0)
		goto failed;
	y->rep.items += n;
	hand_on(y, items, n);
	progress(y, n, total);
	return !y->quiet;
failed:
	dossiers_free(items, (size_t)n);
	return false;
}

/* A dossier leaves the store only when the server positively says so: a
 * full list may drop what it did not return only when it came whole, as
 * many different dossiers as the total it reported, and not empty (a
 * guest's listing is empty with a total of 0). Different ones: a dossier
 * changed while the pages are read moves in the server's order, and the
 * offsets then give one twice and skip another. Otherwise every dossier
 * the list missed is kept, counted in rep.kept with why in rep.doubt. */
static bool doubtful(struct sync *y, const struct api_result *r)
{
	struct sync_report *rep = &y->rep;
	int64_t unseen = store_count_unseen(y->store, y->gen);
	int64_t distinct = store_count_seen(y->store, y->gen);

	if (!unseen || (r->complete && r->listed > 0 && distinct == r->total))
		return false;
	if (!r->listed)
		err_set(&rep->doubt, _("the server listed no dossiers at all; the %lld in the store are kept (a login served as a guest, or a fault on the server?)"),
			(long long)unseen);
	else if (r->total < 0)
		err_set(&rep->doubt, _("the server does not say how many dossiers it holds, so its list cannot be proved complete; the %lld it did not list are kept"),
			(long long)unseen);
	else if (r->listed != r->total)
		err_set(&rep->doubt, _("the server listed %ld dossiers but reported %ld; the %lld it did not list are kept"),
			r->listed, r->total, (long long)unseen);
	else
		err_set(&rep->doubt, _("the server listed %ld dossiers, some twice, %lld different ones, while the pages were read: the list moved; the %lld it did not list are kept"),
			r->listed, (long long)distinct, (long long)unseen);
	rep->kept = unseen;
	/* without a total nothing is wrong, only unproved: an API that never
	 * gives one must not turn every sync into an error */
	rep->doubtful = r->total >= 0 || !r->listed;
	return rep->doubtful;
}

/* The validators go in one transaction, after every item is in: a sync cut
 * short starts again from the old cursor, and storing twice is harmless. */
static int finish(struct sync *y, const struct api_result *r)
{
	struct store *s = y->store;
	struct err *e = &y->store_err;

	if (store_begin(s, e) < 0)
		return -1;
	if (y->first_sync && store_meta_set(s, FIRST_SYNC_KEY, "", e) < 0)
		goto fail;
	if (y->rep.mode == SYNC_FULL && !r->not_modified && doubtful(y, r)) {
		/* what came is stored; no validator, so the next sync reads
		 * the whole list again rather than trust this one */
		if (store_meta_set_int(s, "full_gen", y->gen, e) < 0)
			goto fail;
		return store_commit(s, e);
	}
	/* a list read from the middle has no validators: they belong to its
	 * first page, read by the run cut short, which may have changed
	 * since; the next sync reads the whole list once more */
	if (!y->resumed && r->etag && store_meta_set(s, "etag", r->etag, e) < 0)
		goto fail;
	if (!y->resumed && !r->not_modified && r->cursor && store_meta_set(s, "cursor", r->cursor, e) < 0)
		goto fail;
	if (y->new_hwm > y->hwm && store_meta_set_int(s, "hwm", y->new_hwm, e) < 0)
		goto fail;
	if (y->rep.mode == SYNC_FULL && !r->not_modified) {
		/* kept, not forgotten, when the list could not prove itself */
		int dropped = y->rep.kept ? 0 : store_forget_unseen(s, y->gen, e);

		if (dropped < 0 || store_meta_set_int(s, "full_gen", y->gen, e) < 0 ||
		    store_meta_set_int(s, "full_at", y->now, e) < 0)
			goto fail;
		y->rep.dropped = dropped;
	}
	if (y->rep.mode != SYNC_CHANGES && !r->not_modified &&
	    store_meta_set(s, "probe", y->probe_sure ? y->probe : "", e) < 0)
		goto fail;
	if (store_meta_set_int(s, "synced_at", y->now, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

static void on_done(void *arg, const struct api_result *r0);

/* One listing of a first sync: the open dossiers (by due where the API
 * sorts) or the whole list; a probe is its first screenful alone; skip
 * goes on after what a sync cut short stored. */
static void list(struct sync *y, bool open, bool probe, long skip)
{
	struct api_list_query *q = &y->q;

	y->first = probe;
	q->open_first = open;
	q->per_page = probe ? SYNC_FIRST_PAGE : 0;
	q->max_pages = probe ? 1 : 0;
	q->skip = skip;
	y->pr.open = open;
	y->pr.done = y->pr.from = api_list_skip(y->api, skip, q->per_page);
	y->pr.total = -1;
	y->pr.start_ms = timer_now_ms();
	if (!open && y->pr.done > 0)
		y->resumed = true;
	y->call = api_list(y->api, q, on_page, on_done, y);
}

/* After a listing of a first sync, the next one; false when it was the
 * whole list. */
static bool list_next(struct sync *y)
{
	if (y->first && y->pr.done >= y->q.per_page) {
		/* the screenful was not all: the listing from the top */
		list(y, y->pr.open, false, 0);
		return true;
	}
	if (y->pr.open) {
		list(y, false, false, 0);
		return true;
	}
	return false;
}

/* The recent mode's probe came: the most recently changed dossier and the
 * total. The same as the last sync kept means nothing changed since: a
 * change moves its dossier to the top of the list (and a new dossier or
 * one gone moves the total), unless it came in the very second of the
 * last probe's dossier and the API lists it below: a probe read long
 * enough after rules that out, or the profile's changes_in_order. */
static void probed(struct sync *y, const struct api_result *r)
{
	size_t n = strlen(y->probe);

	snprintf(y->probe + n, sizeof y->probe - n, "\x1f%ld", r->total);
	if (y->last_probe[0] && !strcmp(y->probe, y->last_probe))
		y->quiet = true;
	y->probe_sure = api_profile(y->api)->changes_in_order ||
			(r->server_time && y->probe_at && r->server_time - y->probe_at >= SYNC_PROBE_MARGIN);
}

/* A full read leaves the next poll a probe too: the most recently changed
 * dossier it read and the total, so that the first poll after it reads
 * one dossier rather than two. Only when the list came whole and from the
 * top (else the store may lack what changed below), and that change came
 * SYNC_PROBE_MARGIN before the list began to be read, by the server's
 * clock: a dossier changed while the pages were read, after its own page
 * came, then sorts above the probe's, whatever changes_in_order says (it
 * may have changed before the probe's dossier did). */
static void probed_whole(struct sync *y, const struct api_result *r)
{
	size_t n = strlen(y->probe);

	snprintf(y->probe + n, sizeof y->probe - n, "\x1f%ld", r->total);
	y->probe_sure = !y->resumed && r->complete && r->list_time && y->probe_at &&
			r->list_time - y->probe_at >= SYNC_PROBE_MARGIN &&
			store_count_seen(y->store, y->gen) == r->total;
}

static void on_done(void *arg, const struct api_result *r0)
{
	struct sync *y = arg;
	struct api_result r = *r0;
	bool went_on;

	y->rep.not_modified = r.not_modified;
	y->rep.elapsed_ms = timer_now_ms() - y->start_ms;
	if (y->first && y->rep.mode == SYNC_RECENT && r.fail == API_OK && y->probe[0])
		probed(y, &r);
	went_on = r.fail == API_OK && !y->store_err.msg[0] && !y->quiet;
	if (went_on && y->first_sync && list_next(y))
		return;
	/* the small first page was not enough: now the real pages */
	if (went_on && y->first && y->rep.items >= y->q.per_page) {
		y->first = false;
		y->q.per_page = SYNC_RECENT_PAGE;
		y->q.max_pages = 0;
		y->call = api_list(y->api, &y->q, on_page, on_done, y);
		return;
	}
	if (r.fail == API_OK && y->rep.mode == SYNC_FULL && y->probe[0])
		probed_whole(y, &r);
	if (y->store_err.msg[0]) {
		r.fail = API_E_LOCAL;
		r.e = y->store_err;
	} else if (r.fail == API_OK && finish(y, &r) < 0) {
		r.fail = API_E_LOCAL;
		r.e = y->store_err;
	}
	if (r.fail == API_OK && y->rep.dropped > 0 && y->h.reload)
		y->h.reload(y->h.arg);
	if (y->h.done)
		y->h.done(y->h.arg, &r, &y->rep);
	free(y);
}

/* An empty store: the clerk waits on the first screenful, and it must be
 * the most urgent work. Where the profile can list the open dossiers
 * (capabilities.open_first) they come first, then the whole list; a sync
 * cut short goes on where it stopped. */
static void first_sync(struct sync *y)
{
	const struct profile *p = api_profile(y->api);
	char at[64] = "", kind[8] = "";
	long pos = 0;
	bool kept = store_meta_get(y->store, FIRST_SYNC_KEY, at, sizeof at) &&
		    sscanf(at, "%7s %ld", kind, &pos) == 2;
	bool all = kept && !strcmp(kind, "all");
	/* the open listing again from the top is a new first sync */
	bool open = kept && !strcmp(kind, "open") && p->open_first && api_list_skip(y->api, pos, 0) > 0;

	y->first_sync = true;
	y->rep.resumed = all || open;
	if (all)
		list(y, false, false, pos);
	else if (open)
		list(y, true, false, pos);
	else
		list(y, p->open_first, true, 0);
}

struct sync *sync_start(struct api *a, struct store *s, const struct sync_hooks *h,
			enum http_prio prio, int64_t now, bool full)
{
	const struct profile *p = api_profile(a);
	struct sync *y = xcalloc(1, sizeof *y);
	struct api_list_query *q = &y->q;
	bool have_cursor, have_etag;

	y->api = a;
	y->store = s;
	if (h)
		y->h = *h;
	y->now = now;
	y->start_ms = timer_now_ms();
	y->gen = store_meta_int(s, "full_gen");
	y->hwm = store_meta_int(s, "hwm");
	have_cursor = store_meta_get(s, "cursor", y->since, sizeof y->since) && y->since[0];
	have_etag = store_meta_get(s, "etag", y->etag, sizeof y->etag) && y->etag[0];
	q->prio = prio;

	if (full || y->gen == 0)
		y->rep.mode = SYNC_FULL;
	else if (p->changed_since && have_cursor)
		y->rep.mode = SYNC_CHANGES;
	else if (!p->etag && p->sort_updated && y->hwm && now - store_meta_int(s, "full_at") < SYNC_FULL_EVERY)
		y->rep.mode = SYNC_RECENT;
	else
		y->rep.mode = SYNC_FULL;

	switch (y->rep.mode) {
	case SYNC_CHANGES:
		q->since = y->since;
		q->etag = have_etag ? y->etag : NULL;
		break;
	case SYNC_RECENT:
		store_meta_get(s, "probe", y->last_probe, sizeof y->last_probe);
		q->updated_first = true;
		q->per_page = y->last_probe[0] ? 1 : SYNC_RECENT_PROBE;
		q->max_pages = 1;
		y->first = true;
		break;
	case SYNC_FULL:
		/* conditional unless forced: a first sync has no ETag anyway */
		q->etag = have_etag && !full ? y->etag : NULL;
		if (y->gen++ == 0) {
			first_sync(y);
			return y;
		}
		break;
	}
	y->call = api_list(a, q, on_page, on_done, y);
	return y;
}

void sync_cancel(struct sync *y)
{
	api_cancel(y->api, y->call);
}
