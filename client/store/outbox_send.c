#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "outbox_send.h"

struct outbox_sender {
	struct api *api;
	struct store *store;
	struct outbox_hooks h;
	struct ob_entry cur;	/* being sent; cur.id == 0: none */
	unsigned call;
	bool freeing;
	struct err refused;	/* what the server said of a conflict */
};

static void next(struct outbox_sender *o);

static int64_t now(struct outbox_sender *o)
{
	return o->h.now(o->h.arg);
}

static void idle(struct outbox_sender *o, const struct api_result *r)
{
	ob_entry_free(&o->cur);
	if (!o->freeing && o->h.idle)
		o->h.idle(o->h.arg, r);
}

static void local_failure(struct outbox_sender *o, const struct err *e)
{
	struct api_result r = { .fail = API_E_LOCAL, .e = *e };

	idle(o, &r);
}

static void sending(struct outbox_sender *o)
{
	o->cur.attempts++;
	o->cur.state = OB_SENDING;
	if (o->h.sending)
		o->h.sending(o->h.arg, &o->cur);
}

static void changed(struct outbox_sender *o, enum ob_state st, const char *why)
{
	struct err e;

	if (outbox_set_state(o->store, o->cur.id, st, why, now(o), &e) < 0) {
		local_failure(o, &e);
		return;
	}
	o->cur.state = st;
	free(o->cur.error);
	o->cur.error = xstrdup_opt(why);
	if (o->h.changed)
		o->h.changed(o->h.arg, &o->cur);
	ob_entry_free(&o->cur);
	next(o);
}

/* After a conflict the store gets the dossier as it is now, so the clerk
 * sees what changed before deciding again. */
static void on_current(void *arg, struct dossier *d, const struct api_result *r)
{
	struct outbox_sender *o = arg;
	char why[512];
	struct err e;

	o->call = 0;
	/* a "conflict" on the very version the clerk acted on is no change
	 * by someone else: the server refused in its own words, and sending
	 * again would meet the same answer */
	if (d && d->version && o->cur.version && !strcmp(d->version, o->cur.version)) {
		snprintf(why, sizeof why, _("the server refused your %s on %s as a conflict, though the dossier is as you saw it (version %s): %s"),
			 ob_entry_label(&o->cur), o->cur.code, d->version, o->refused.msg);
		dossier_free(d);
		free(d);
		changed(o, OB_FAILED, why);
		return;
	}
	if (d) {
		snprintf(why, sizeof why, _("%s changed on the server before your %s arrived: it is now %s "
					    "(version %s). Nothing was done; look at it and decide again."),
			 d->code, ob_entry_label(&o->cur), status_label(d->status), d->version ? d->version : "?");
		if (store_put_dossier(o->store, d, true, 0, &e) < 0) {
			dossier_free(d);
			free(d);
			local_failure(o, &e);
			return;
		}
		dossier_free(d);
		free(d);
	} else {
		snprintf(why, sizeof why, _("%s changed on the server before your %s arrived; "
					    "nothing was done (%s)"), o->cur.code, ob_entry_label(&o->cur), r->e.msg);
	}
	if (r->fail == API_E_CANCELLED) {
		idle(o, r);
		return;
	}
	changed(o, OB_CONFLICT, why);
}

static void on_acted(void *arg, struct dossier *d, const struct api_result *r)
{
	struct outbox_sender *o = arg;
	struct err e;

	o->call = 0;
	switch (r->fail) {
	case API_OK:
		if (outbox_delivered(o->store, &o->cur, d, now(o), &e) < 0) {
			/* done on the server but not recorded: sent again, the
			 * key makes the server answer without doing it twice */
			if (d) {
				dossier_free(d);
				free(d);
			}
			local_failure(o, &e);
			return;
		}
		o->cur.state = OB_DONE;
		if (o->h.delivered)
			o->h.delivered(o->h.arg, &o->cur, d);
		else if (d) {
			dossier_free(d);
			free(d);
		}
		ob_entry_free(&o->cur);
		next(o);
		return;
	case API_E_CONFLICT:
		/* an intake has no dossier to have changed: the key was reused
		 * for another request, or the server says no in its own words */
		if (o->cur.intake) {
			changed(o, OB_FAILED, r->e.msg);
			return;
		}
		o->refused = r->e;
		o->call = api_get(o->api, o->cur.code, HTTP_BACKGROUND, on_current, o);
		return;
	case API_E_REFUSED:
	case API_E_NOTFOUND:
	case API_E_UNSUPPORTED:
		changed(o, OB_FAILED, r->e.msg);
		return;
	case API_E_BADREPLY:
		if (o->cur.attempts >= OUTBOX_MAX_BADREPLY) {
			changed(o, OB_FAILED, r->e.msg);
			return;
		}
		/* it may have been done: the key makes a resend safe */
		__attribute__((fallthrough));
	case API_E_NETWORK:
	case API_E_SETUP:	/* kept until the address or certificate is mended */
	case API_E_AUTH:
	case API_E_CANCELLED:
	case API_E_LOCAL:
		if (outbox_set_state(o->store, o->cur.id, OB_QUEUED, r->fail == API_E_CANCELLED ? NULL : r->e.msg,
				     now(o), &e) < 0) {
			local_failure(o, &e);
			return;
		}
		idle(o, r);
		return;
	}
}

/* An intake goes with the key it was queued with, whatever the number of
 * attempts: the server creates the dossier once. */
static void send_intake(struct outbox_sender *o)
{
	struct intake in;
	struct err e;

	if (intake_from_json(o->cur.intake, &in, &e) < 0) {
		changed(o, OB_FAILED, e.msg);
		return;
	}
	if (outbox_sending(o->store, o->cur.id, now(o), &e) < 0) {
		intake_free(&in);
		local_failure(o, &e);
		return;
	}
	sending(o);
	o->call = api_intake(o->api, &in, o->cur.key, on_acted, o);
	intake_free(&in);	/* api_intake copied what it needs */
}

static void next(struct outbox_sender *o)
{
	struct api_act_args args;
	struct api_result ok = { .fail = API_OK };
	struct err e;
	int rc;

	if (o->freeing)
		return;
	rc = outbox_next(o->store, &o->cur, &e);
	if (rc < 0) {
		local_failure(o, &e);
		return;
	}
	if (rc == 0) {
		idle(o, &ok);
		return;
	}
	if (o->cur.intake) {
		send_intake(o);
		return;
	}
	if (o->cur.act == ACT_COUNT) {	/* written by a newer motcua */
		changed(o, OB_FAILED, _("this version of motcua does not know the action"));
		return;
	}
	/* counted before sending: a kill during the send still counts it */
	if (outbox_sending(o->store, o->cur.id, now(o), &e) < 0) {
		local_failure(o, &e);
		return;
	}
	sending(o);
	ob_entry_args(&o->cur, &args);
	o->call = api_act(o->api, o->cur.code, o->cur.act, &args, on_acted, o);
}

struct outbox_sender *outbox_sender_new(struct api *a, struct store *s, const struct outbox_hooks *h)
{
	struct outbox_sender *o = xcalloc(1, sizeof *o);

	o->api = a;
	o->store = s;
	o->h = *h;
	return o;
}

void outbox_send(struct outbox_sender *o)
{
	if (!o->cur.id)
		next(o);
}

bool outbox_sending_now(const struct outbox_sender *o)
{
	return o->cur.id != 0;
}

void outbox_stop(struct outbox_sender *o)
{
	if (o->call)
		api_cancel(o->api, o->call);	/* on_acted keeps it queued */
}

void outbox_sender_free(struct outbox_sender *o)
{
	if (!o)
		return;
	o->freeing = true;
	outbox_stop(o);
	ob_entry_free(&o->cur);
	free(o);
}
