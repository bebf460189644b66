/* Dossiers in every status and deadline situation around the sandbox
 * clock. The first follow a fixed plan so that every status, channel,
 * band and situation exists whatever the size, the first of all being the
 * one with an apology; the rest are drawn with realistic shares. Each plan
 * is then built by seed_applicants.c (people, fee) and seed_timeline.c
 * (history), and all are written by seed_dossier_db.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "seed_dossiers.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct plan {
	int status, band, channel, agency;
	bool supplement;
};

/* Every status, channel, band and agency at least once. */
static const struct plan cover[] = {
	{ ST_NEW, B_ANY, CH_ONLINE, 0, false },
	{ ST_NEW, B_ANY, CH_ONLINE, 1, false },
	{ ST_ACCEPTED, B_TODAY, CH_DIRECT, 0, false },
	{ ST_ACCEPTED, B_INTIME, CH_ONLINE, 1, false },
	{ ST_REFUSED, B_ANY, CH_ONLINE, 0, false },
	{ ST_REFUSED, B_ANY, CH_DIRECT, 1, false },
	{ ST_PROCESSING, B_OVERDUE, CH_DIRECT, 0, false },
	{ ST_PROCESSING, B_TODAY, CH_ONLINE, 0, false },
	{ ST_PROCESSING, B_SOON, CH_POSTAL, 0, false },
	{ ST_PROCESSING, B_INTIME, CH_DIRECT, 0, false },
	{ ST_PROCESSING, B_OVERDUE, CH_ONLINE, 1, false },
	{ ST_PROCESSING, B_TODAY, CH_DIRECT, 1, false },
	{ ST_PROCESSING, B_SOON, CH_DIRECT, 1, false },
	{ ST_PROCESSING, B_INTIME, CH_ONLINE, 1, false },
	{ ST_PROCESSING, B_INTIME, CH_DIRECT, 0, true },
	{ ST_PROCESSING, B_SOON, CH_ONLINE, 1, true },
	{ ST_SUPPLEMENT, B_INTIME, CH_DIRECT, 0, false },
	{ ST_SUPPLEMENT, B_SOON, CH_ONLINE, 1, false },
	{ ST_PAYMENT, B_INTIME, CH_DIRECT, 0, false },
	{ ST_PAYMENT, B_SOON, CH_ONLINE, 1, false },
	{ ST_WITHDRAWN, B_ANY, CH_DIRECT, 0, false },
	{ ST_WITHDRAWN, B_ANY, CH_ONLINE, 1, false },
	{ ST_STOPPED, B_ANY, CH_DIRECT, 0, false },
	{ ST_STOPPED, B_ANY, CH_POSTAL, 1, false },
	{ ST_RESULT_READY, B_EARLY, CH_DIRECT, 0, false },
	{ ST_RESULT_READY, B_ONTIME, CH_ONLINE, 1, false },
	{ ST_RESULT_READY, B_LATE, CH_DIRECT, 1, false },
	{ ST_RETURNED, B_EARLY, CH_POSTAL, 0, false },
	{ ST_RETURNED, B_ONTIME, CH_DIRECT, 0, false },
	{ ST_RETURNED, B_LATE, CH_ONLINE, 0, false },
	{ ST_RETURNED, B_EARLY, CH_ONLINE, 1, true },
	{ ST_RETURNED, B_LATE, CH_DIRECT, 1, true },
};

static const struct sbx_proc *find_proc(const struct sbx_seed_ctx *c,
					const char *code)
{
	for (size_t i = 0; i < c->nprocs; i++)
		if (!strcmp(c->procs[i].def->code, code))
			return &c->procs[i];
	return &c->procs[0];
}

/* A procedure whose time allows the band (and that has a fee when the
 * dossier waits for one). */
static const struct sbx_proc *pick_proc(struct sbx_dgen *g, int status,
					int band)
{
	int need = band == B_INTIME ? 3 : band == B_SOON ? 1 : 0;

	for (int tries = 0; tries < 200; tries++) {
		const struct sbx_proc *p =
			&g->c->procs[rng_weighted(&g->r, g->weights,
						  g->c->nprocs)];

		if (sbx_seed_days_of(p) >= need &&
		    (status != ST_PAYMENT || p->def->fee > 0))
			return p;
	}
	return find_proc(g->c, "1.004222");
}

static void random_plan(struct sbx_dgen *g, struct plan *pl)
{
	static const unsigned status_w[] = {
		0, 40, 35, 25, 110, 30, 15, 20, 20, 70, 635,
	};
	static const unsigned open_w[] = { 0, 12, 10, 25, 53 };
	static const unsigned done_w[] = { 82, 8, 10 };
	static const unsigned channel_w[] = { 0, 45, 48, 7 };

	pl->status = (int)rng_weighted(&g->r, status_w, N(status_w));
	pl->channel = (int)rng_weighted(&g->r, channel_w, N(channel_w));
	if (pl->status == ST_NEW ||
	    (pl->status == ST_REFUSED && rng_pct(&g->r, 75)))
		pl->channel = CH_ONLINE;
	pl->agency = rng_pct(&g->r, 58) ? 0 : 1;
	pl->band = B_ANY;
	if (status_is_open((enum status)pl->status) && pl->status != ST_NEW)
		pl->band = (int)rng_weighted(&g->r, open_w, N(open_w));
	if (pl->status == ST_RESULT_READY || pl->status == ST_RETURNED)
		pl->band = B_EARLY + (int)rng_weighted(&g->r, done_w,
						       N(done_w));
	pl->supplement = (pl->status == ST_PROCESSING ||
			  pl->status == ST_RESULT_READY ||
			  pl->status == ST_RETURNED) && rng_pct(&g->r, 7);
}

static void components(struct sbx_dgen *g, struct sbx_dossier *d)
{
	d->paper = rng_pct(&g->r, 5);
	d->missing = 0;
	if (d->status == ST_SUPPLEMENT)
		d->missing = sbx_seed_paper_component(d->p) + 1;
}

/* Build a dossier to plan (the apology one when pl is NULL); false when
 * this draw cannot meet it. */
static bool build(struct sbx_dgen *g, struct sbx_dossier *d,
		  const struct plan *pl)
{
	bool ok;

	memset(d, 0, sizeof *d);
	if (!pl) {
		d->p = find_proc(g->c, "1.004222");
		d->agency = 0;
		d->channel = CH_DIRECT;
		d->status = ST_PROCESSING;
		sbx_seed_people(g, d);
		sbx_seed_fee(g, d);
		ok = sbx_seed_apology(g, d);
	} else {
		d->p = pick_proc(g, pl->status, pl->band);
		d->agency = pl->agency;
		d->channel = pl->channel;
		d->status = pl->status;
		sbx_seed_people(g, d);
		sbx_seed_fee(g, d);
		if (pl->status == ST_NEW || pl->status == ST_REFUSED)
			ok = sbx_seed_not_received(g, d);
		else
			ok = sbx_seed_received(g, d, pl->band, pl->supplement);
	}
	if (!ok)
		return false;
	if (!d->step)
		d->step = d->status == ST_NEW ? "reception" :
			  d->status == ST_ACCEPTED ? "assignment" :
			  d->status == ST_SUPPLEMENT ? "processing" :
			  d->status == ST_RESULT_READY ? "return" : "done";
	components(g, d);
	d->fp.received = d->received ? d->received : d->submitted;
	if (d->p->def->people == PK_BIRTH)
		sbx_seed_newborn(g, d, d->fp.received);
	d->form = sbx_seed_form_json(g->c, &g->r, d->p, &d->fp);
	return true;
}

int sbx_seed_dossiers(struct sbx_seed_ctx *c, struct sbx_idset *ids,
		      struct err *e)
{
	struct sbx_dgen g = {
		.c = c, .ids = ids,
		.r = rng_stream(c->o.seed, 0x646f7373),	/* "doss" */
	};
	size_t n = (size_t)c->o.dossiers;
	struct sbx_dossier *v = calloc(n ? n : 1, sizeof *v);
	int rc;

	if (!v)
		return err_set(e, _("out of memory for %zu dossiers"), n);
	sbx_seed_index_people(&g);
	g.weights = xcalloc(c->nprocs, sizeof *g.weights);
	for (size_t i = 0; i < c->nprocs; i++)
		g.weights[i] = c->procs[i].def->weight;
	for (size_t i = 0; i < n; i++) {
		struct plan pl;
		int tries = 0;

		if (i == 0) {
			while (!build(&g, &v[0], NULL) && ++tries < 60)
				;
			if (tries < 60)
				continue;
			random_plan(&g, &pl);
		} else if (i - 1 < N(cover)) {
			pl = cover[i - 1];
		} else {
			random_plan(&g, &pl);
		}
		/* The plan stays while other procedures and times are
		 * tried, so the shares of statuses and bands hold; one that
		 * cannot fit at all (no office time left today for a band,
		 * say) gives way to a new draw. */
		while (!build(&g, &v[i], &pl))
			if (++tries % 60 == 0)
				random_plan(&g, &pl);
	}
	sbx_seed_free_index(&g);
	free(g.weights);
	rc = sbx_seed_write_dossiers(c, v, n, e);
	for (size_t i = 0; i < n; i++)
		free(v[i].form);
	free(v);
	return rc;
}
