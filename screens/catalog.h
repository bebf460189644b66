/* The procedure catalog's parts, shared between its files: catalog.c lists
 * and filters the procedures, catalog_detail.c shows one whole in a pager,
 * catalog_intake.c starts an intake for the one selected or shown. State:
 * struct catalog_view, the catalog screen's (ui_state), which its detail
 * screen shares. */
#ifndef MOTCUA_CATALOG_H
#define MOTCUA_CATALOG_H

#include "core/model.h"
#include "list.h"
#include "pager.h"
#include "prompt.h"
#include "ui.h"

struct catalog_view {
	struct procedure *items;	/* as the local store has them */
	int n;
	char **hay;		/* per item: its code, name and field, folded */
	size_t *shown;		/* the items that match the filter */
	struct list list;	/* over shown */
	struct prompt query;	/* the filter as typed */
	bool asking;		/* the filter is being typed */
	bool stale;		/* the filter or the items changed since shown was built */
	bool refreshing;	/* the server is being asked for the catalog */
	bool offline;		/* it could not be asked: the stored one shows */
	bool loaded;		/* the store was read once */

	/* the detail: one procedure, by its code (a refresh replaces items) */
	char *code;
	struct procedure whole;	/* as fetched; valid when have_whole */
	bool have_whole;
	bool loading;		/* fetched, nothing cached or arrived yet */
	bool failed;
	struct pager pager;
};

/* Replace the items with these (taken over: the array is freed, its
 * procedures kept), keeping the selection on its procedure where it is
 * still there. Tests fill the catalog with it. */
void catalog_set(struct app *app, struct procedure *items, int n);
/* The catalog's state, made on first use; NULL once the ui is closed. */
struct catalog_view *catalog_view(struct app *app);
/* The procedure of that code in the list; NULL if none. */
const struct procedure *catalog_find(const struct catalog_view *v, const char *code);

/* Open the detail of the procedure of that code over the screen on top. */
unsigned catalog_detail_open(struct app *app, const char *code);

/* Processing time as the list shows it, in working days ("3 days",
 * "2 hours"); "" when unknown. */
void catalog_time(struct app *app, const struct procedure *p, char *buf, size_t len);
/* The level ("commune", "province") translated when known. */
const char *catalog_level(const char *level);

/* catalog-intake, on the list and the detail (catalog_intake.c). */
unsigned catalog_op_intake(struct app *app);

#endif
