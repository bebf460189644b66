/* The dossier screen's parts, shared between its files: dossier.c lays out
 * the dossier in a pager; dossier_act.c acts on it and draws what became
 * of the clerk's last action. State: struct dossier_view, the screen's
 * (ui_state). */
#ifndef MOTCUA_DOSSIER_H
#define MOTCUA_DOSSIER_H

#include "ui.h"

/* One dossier, whole: its code is kept, never a pointer into the inbox,
 * which a refresh replaces. */
struct dossier_view {
	char *code;
	struct pager pager;
	bool loading;		/* the whole dossier is being fetched */
	bool failed;		/* that fetch failed: the summary shows */
	unsigned gen;		/* app->dossiers_gen the fetch left */
	bool confirm_discard;	/* asking y/n before discarding the clerk's action */
};

/* The dossier screen's state (made on first use). */
struct dossier_view *dossier_view(struct app *app);

/* The operations that act, and the lines drawn about acting: the keys of
 * the actions allowed, and what became of the clerk's last action on it
 * (pending, conflict, refused). dossier_op_act opens the form of act (an
 * enum action): the operations "dossier-accept", ... */
unsigned dossier_op_act(struct app *app, int act);
unsigned dossier_op_retry(struct app *app);
unsigned dossier_op_discard(struct app *app);
bool dossier_key(struct app *app, km_key key);
/* Whether the discard question is open (struct screen's asking). */
bool dossier_asking(struct app *app);
void dossier_draw_acting(struct app *app, struct pager *p, const struct dossier *d);
/* The y/n question before discarding the clerk's action, over the bottom
 * of the view while it is asked. */
void dossier_draw_question(struct app *app, WINDOW *win, const char *code);

#endif
