/* Private to the dossier generator: seed_dossiers.c (plans), seed_applicants.c
 * (people and fees), seed_timeline.c (histories) and seed_dossier_db.c
 * (numbering and writing). A dossier is built in memory, then numbered and
 * written. */
#ifndef MOTCUA_SBX_SEED_DOSSIERS_H
#define MOTCUA_SBX_SEED_DOSSIERS_H

#include "seed_priv.h"

#define SBX_MAX_LOG 14
#define SBX_MAX_MOVES 3

struct sbx_log {
	int64_t at;
	int user;			/* users.id, 0 for the applicant/system */
	const char *action;
	int from, to;			/* from 0: none */
	char note[160];
};

struct sbx_move {
	int64_t old_due, new_due, at;
	const char *reason;
};

struct sbx_dossier {
	const struct sbx_proc *p;
	int agency, channel, status;
	const char *step;
	int assignee;			/* users.id, 0 none */
	struct sbx_form_people fp;
	struct sbx_citizen out;		/* applicant outside the register */
	bool outsider, company;		/* company: applicant is fp.ent */
	int proxy;			/* citizen index, -1 */
	int64_t fee;
	int copies;
	int64_t submitted, received, due, finished, returned;	/* 0: NULL */
	bool apology;
	bool owes;			/* a financial obligation at approval */
	struct sbx_move moves[SBX_MAX_MOVES];
	int nmoves;
	struct sbx_log log[SBX_MAX_LOG];
	int nlog;
	int missing;			/* component seq not yet provided, 0 */
	bool paper;			/* national data unused: paper copies */
	char *form;
	char code[40];
	int64_t seq;			/* change_seq */
};

/* Deadline situations: of open dossiers against now, of results against
 * their due date (B_ANY: no target). */
enum sbx_band {
	B_ANY, B_OVERDUE, B_TODAY, B_SOON, B_INTIME, B_EARLY, B_ONTIME, B_LATE,
};

/* The generator's state: its random stream and the people it draws from,
 * by kind (citizen or enterprise indices). */
struct sbx_dgen {
	struct sbx_seed_ctx *c;
	struct sbx_idset *ids;
	struct rng r;
	int *adults, *couples, *singles, *elders, *kids, *hkd, *companies;
	int nadults, ncouples, nsingles, nelders, nkids, nhkd, ncompanies;
	unsigned *weights;		/* of the procedures */
};

/* seed_applicants.c: who a dossier is about, and what it costs. */
void sbx_seed_index_people(struct sbx_dgen *g);
void sbx_seed_free_index(struct sbx_dgen *g);
void sbx_seed_people(struct sbx_dgen *g, struct sbx_dossier *d);
void sbx_seed_newborn(struct sbx_dgen *g, struct sbx_dossier *d,
		      int64_t base);
void sbx_seed_fee(struct sbx_dgen *g, struct sbx_dossier *d);

/* seed_timeline.c: histories. Each returns false when this draw cannot
 * give the planned status and band; the caller draws again. */
int sbx_seed_days_of(const struct sbx_proc *p);
int sbx_seed_paper_component(const struct sbx_proc *p);
bool sbx_seed_received(struct sbx_dgen *g, struct sbx_dossier *d, int band,
		       bool supp);
bool sbx_seed_not_received(struct sbx_dgen *g, struct sbx_dossier *d);
bool sbx_seed_apology(struct sbx_dgen *g, struct sbx_dossier *d);

/* Number them (codes, change_seq) and write them with their components,
 * due-date moves and logs. */
int sbx_seed_write_dossiers(struct sbx_seed_ctx *c, struct sbx_dossier *v,
			    size_t n, struct err *e);

#endif
