/* Notifications: what to tell the clerk without being asked, and how.
 *
 * What: dossiers that a sync brings and the clerk has not seen before (not
 * on the first sync of an empty store, which would announce the whole
 * inbox), and a dossier entering a deadline band: due today, due within
 * `notify-due-hours` working hours, or the last day to send the apology.
 * Each dossier is told once per band and due time; the bands told are kept
 * in the local store, so neither a poll nor a restart repeats them. Bursts
 * are grouped: "12 new dossiers", not twelve notices.
 *
 * How: a desktop notification (libnotify, when the build has it, a session
 * bus is there and a notification server answers), else the terminal bell
 * and the status line; `set notify no`: the status line only. Never fatal.
 * The text names the dossier's code and procedure, never the applicant: a
 * desktop notification can be read by anyone near the screen. */
#ifndef MOTCUA_NOTIFY_H
#define MOTCUA_NOTIFY_H

#include <stdbool.h>

#include "app.h"
#include "store/store.h"

enum notice_kind {
	NOTICE_NEW,
	NOTICE_TODAY,
	NOTICE_APOLOGY,
	NOTICE_DUE_HOURS,
	NOTICE_KINDS
};

/* How many dossiers a notice names; the rest are counted. */
#define NOTIFY_NAMED 3
/* How often the deadlines are judged again, besides after each sync. */
#define NOTIFY_CHECK_MS (60 * 1000)
#define NOTIFY_FIRST_MS 500		/* the first check, after start-up */

struct notify;

/* The engine for the app's inbox, remembering in store. Quiet about
 * arrivals until a first sync completes when the store has never synced. */
struct notify *notify_new(struct app *app, struct store *store);
void notify_free(struct notify *n);

/* A synced page, before it is stored: those of its open dossiers the
 * store does not hold yet are new to the clerk. */
void notify_arrived(struct notify *n, const struct dossier *items, int count);
/* A sync completed: from now on arrivals are told. */
void notify_synced(struct notify *n);
/* Judge the inbox's deadlines now and deliver what is pending, one notice
 * per kind. Returns how many notices were delivered. */
int notify_check(struct notify *n);

/* How the last notice went out: "desktop", "terminal" or "status line". */
const char *notify_channel(const struct notify *n);

/* ---- the desktop (notify_desktop.c) ---- */

/* Whether desktop notifications can be shown: libnotify in this build, a
 * session bus in the environment, notify_init working. Asked once. */
bool notify_desktop_open(void);
/* Queue one for the desktop, which shows it on a thread of its own: the
 * caller never waits for D-Bus. -1 when the desktop cannot take it now
 * (not open, its queue full, or a show under way for more than 2 s: a
 * notification server that hangs): the terminal tells instead. */
int notify_desktop_show(const char *summary, const char *body, bool urgent);
/* Readable when a queued notice was not shown (no notification server
 * answered); notify_desktop_failures says how many since last asked. -1
 * when not open. */
int notify_desktop_fd(void);
int notify_desktop_failures(void);
/* Stop showing: waits for the thread when it is idle, never when it is in
 * a show (it is left to finish, and the desktop is not opened again). */
void notify_desktop_close(void);

#endif
