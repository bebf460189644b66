/* Training data for motcua-sandbox, deterministic for a given seed: the
 * commune procedure catalog, administrative units, a population register,
 * an enterprise register, users of two communes and thousands of dossiers
 * in every status and deadline situation. */
#ifndef MOTCUA_SBX_SEED_H
#define MOTCUA_SBX_SEED_H

#include <sqlite3.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/err.h"

struct sbx_seed_opts {
	uint32_t seed;		/* same seed, same data */
	int64_t now;		/* the sandbox clock: dossiers are placed around it */
	int dossiers;		/* default 5000 */
	int citizens;		/* default 10000 */
	int enterprises;	/* default 1000 */
};

/* Fill an empty database that already has sandbox/schema.sql applied, in
 * one transaction. cal computes due dates. */
int sbx_seed(sqlite3 *db, const struct sbx_seed_opts *o, const struct cal *cal,
	     struct err *e);

/* The training accounts (login, password, role), for --help, README and the
 * demo; terminated by a NULL login. Passwords are public on purpose: this
 * is a training server. */
struct sbx_account {
	const char *login, *password, *role, *agency;
};
extern const struct sbx_account sbx_accounts[];

#endif
