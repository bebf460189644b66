/* Sending the outbox: one entry at a time, oldest first, each with its
 * stored idempotency key. A network failure (or a reply that cannot be
 * read: the server may have done it) leaves the entry queued and stops the
 * run; a conflict or a refusal is recorded and the run goes on with the
 * other dossiers. */
#ifndef MOTCUA_OUTBOX_SEND_H
#define MOTCUA_OUTBOX_SEND_H

#include "outbox.h"

/* After this many unreadable replies an entry is set aside as failed. */
#define OUTBOX_MAX_BADREPLY 5

struct outbox_hooks {
	/* Being sent now (its state on disk is OB_SENDING). */
	void (*sending)(void *arg, const struct ob_entry *en);
	/* Delivered; d (the dossier as the server returned it) is handed
	 * over, NULL if the reply had none. */
	void (*delivered)(void *arg, const struct ob_entry *en, struct dossier *d);
	/* An entry changed state: conflict and failed say why in en->error. */
	void (*changed)(void *arg, const struct ob_entry *en);
	/* The run ended: nothing left to send (r->fail == API_OK), or it
	 * stopped on r (network, login, the local store). */
	void (*idle)(void *arg, const struct api_result *r);
	int64_t (*now)(void *arg);
	void *arg;
};

struct outbox_sender;

struct outbox_sender *outbox_sender_new(struct api *a, struct store *s, const struct outbox_hooks *h);
/* Cancels what is being sent: it stays queued. */
void outbox_sender_free(struct outbox_sender *o);

/* Send what is queued now, unless a run is under way. */
void outbox_send(struct outbox_sender *o);
bool outbox_sending_now(const struct outbox_sender *o);
/* Stop the run; the entry being sent stays queued. */
void outbox_stop(struct outbox_sender *o);

#endif
