/* The intake screen's state, shared by intake.c (keys, lookups, submit)
 * and form.c (drawing). The form and its lookups live in client/ (iform.h,
 * autofill.h); here is only what the screen adds: focus, scrolling, the
 * line being edited, and what became of the submitted intake. */
#ifndef MOTCUA_INTAKE_VIEW_H
#define MOTCUA_INTAKE_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "desk/autofill.h"
#include "desk/iform.h"
#include "desk/receipt.h"
#include "prompt.h"
#include "store/outbox.h"

enum intake_phase {
	IP_ASK,			/* which procedure: its code is being typed */
	IP_LOADING,		/* the procedure is being fetched */
	IP_NOPROC,		/* it could not be: why is in msg */
	IP_FORM,
	IP_SENT,		/* in the outbox: sending, queued or delivered */
};

struct intake_view {
	enum intake_phase phase;
	char *code;		/* the procedure's */
	struct err why;		/* IP_NOPROC */
	struct iform form;
	struct autofill af;
	struct af_cache *cache;	/* the session's lookups: kept across forms */
	int cur;		/* focus: fields 0..nf-1, then components */
	int top;		/* first body row shown of the form's rows */
	struct prompt edit;	/* the focused field as typed */
	bool leave_armed;	/* Esc once on a filled form: again leaves */
	bool dirty;		/* the clerk changed something */
	unsigned tick;		/* redraws the appointment as time passes */
	int64_t outbox_id;	/* the intake sent: the session tells its state */
	enum ob_state state;
	char dossier[64];	/* the code the server gave */
	int64_t due;		/* the appointment the server computed */
	int64_t sent_at;
	bool offline_lookup;	/* a lookup was not done: said on the result */
	struct receipt receipt;	/* once delivered: what the applicant takes home */
	bool have_receipt;
	int receipt_top;	/* its first line shown */
};

/* Draw the form or the result (form.c). */
void intake_draw_form(struct app *app, WINDOW *win);
/* The number of body rows the form takes, and the row of the focused
 * item, to keep it in view (form.c). */
int intake_rows(struct app *app, int width, int *focus_row);
/* The appointment for a dossier received at now (cal_due with the
 * procedure's time and cut-off). */
int64_t intake_appointment(struct app *app, int64_t now);

#endif
