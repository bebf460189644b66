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
	int64_t now, start_ms, gen, hwm, new_hwm, probe_at;
	char since[256], etag[128];
	/* recent mode: the probe's dossier and total, as read now and as the
	 * last sync kept them ("" when it could not vouch for them) */
	char probe[512], last_probe[512];
	bool probe_sure;	/* read SYNC_PROBE_MARGIN after its change */
	struct err store_err;	/* set when writing failed */
	bool quiet;		/* recent mode: reached what the store has */
};

const char *sync_mode_name(enum sync_mode m)
{
	static const char *const names[] = {
		[SYNC_FULL] = "full", [SYNC_CHANGES] = "changes", [SYNC_RECENT] = "recent",
	};

	return names[m];
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

static bool on_page(void *arg, struct dossier *items, int n)
{
	struct sync *y = arg;

	if (y->h.arriving)
		y->h.arriving(y->h.arg, items, n);
	if (y->rep.mode == SYNC_RECENT && y->first && n > 0) {
		snprintf(y->probe, sizeof y->probe, "%s\x1f%s\x1f%lld", items[0].code ? items[0].code : "",
			 items[0].version ? items[0].version : "", (long long)items[0].updated_at);
		y->probe_at = items[0].updated_at;
	}
	if (store_begin(y->store, &y->store_err) < 0)
		goto failed;
	for (int i = 0; i < n; i++) {
		if (y->rep.mode == SYNC_RECENT && known(y, &items[i]))
			y->quiet = true;
		if (items[i].updated_at > y->new_hwm)
			y->new_hwm = items[i].updated_at;
		if (store_put_dossier(y->store, &items[i], false, y->gen, &y->store_err) < 0) {
			store_rollback(y->store);
			goto failed;
		}
	}
	if (store_commit(y->store, &y->store_err) < 0)
		goto failed;
	y->rep.items += n;
	hand_on(y, items, n);
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
	if (y->rep.mode == SYNC_FULL && !r->not_modified && doubtful(y, r)) {
		/* what came is stored; no validator, so the next sync reads
		 * the whole list again rather than trust this one */
		if (store_meta_set_int(s, "full_gen", y->gen, e) < 0)
			goto fail;
		return store_commit(s, e);
	}
	if (r->etag && store_meta_set(s, "etag", r->etag, e) < 0)
		goto fail;
	if (!r->not_modified && r->cursor && store_meta_set(s, "cursor", r->cursor, e) < 0)
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
	if (y->rep.mode == SYNC_RECENT &&
	    store_meta_set(s, "probe", y->probe_sure ? y->probe : "", e) < 0)
		goto fail;
	if (store_meta_set_int(s, "synced_at", y->now, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
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

static void on_done(void *arg, const struct api_result *r0)
{
	struct sync *y = arg;
	struct api_result r = *r0;

	y->rep.not_modified = r.not_modified;
	y->rep.elapsed_ms = timer_now_ms() - y->start_ms;
	if (y->first && y->rep.mode == SYNC_RECENT && r.fail == API_OK && y->probe[0])
		probed(y, &r);
	/* the small first page was not enough: now the real pages */
	if (y->first && r.fail == API_OK && !y->store_err.msg[0] && !y->quiet &&
	    y->rep.items >= y->q.per_page) {
		y->first = false;
		y->q.per_page = y->rep.mode == SYNC_RECENT ? SYNC_RECENT_PAGE : 0;
		y->q.max_pages = 0;
		y->call = api_list(y->api, &y->q, on_page, on_done, y);
		return;
	}
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
		if (y->gen == 0) {	/* an empty store: the clerk waits on page one */
			q->per_page = SYNC_FIRST_PAGE;
			q->max_pages = 1;
			y->first = true;
		}
		y->gen++;
		break;
	}
	y->call = api_list(a, q, on_page, on_done, y);
	return y;
}

void sync_cancel(struct sync *y)
{
	api_cancel(y->api, y->call);
}
