/* The one application object (DESIGN.md section 3): everything the client
 * knows lives here and is passed explicitly, so a test can build an isolated
 * app. The screen layer hangs its own state on `ui`. */
#ifndef MOTCUA_APP_H
#define MOTCUA_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "conf.h"
#include "core/err.h"
#include "core/password.h"
#include "net/loop.h"

/* What an action or an event needs redrawn, like htop's reactions. */
enum redraw {
	RD_NONE = 0,
	RD_TITLE = 1 << 0,
	RD_BODY = 1 << 1,
	RD_STATUS = 1 << 2,
	RD_LAYOUT = 1 << 3,	/* windows must be rebuilt (resize) */
	RD_ALL = RD_TITLE | RD_BODY | RD_STATUS | RD_LAYOUT,
};

enum link_state {
	LINK_NONE,		/* no server configured */
	LINK_CONNECTING,	/* not tried yet: not offline until a try fails */
	LINK_OFFLINE,		/* no answer: no route, name lookup, timeout */
	LINK_DOWN,		/* the server's machine refuses the connection:
				 * the service is down, not the link */
	LINK_BROKEN,		/* a bad address or a TLS failure: not offline */
	LINK_SLOW,
	LINK_ONLINE,
};

enum msg_kind {
	MSG_INFO,
	MSG_ERROR,
};

struct app_msg {
	int64_t when;		/* app_now() */
	enum msg_kind kind;
	char *text;
};

#define APP_MESSAGES_MAX 200

struct ui;
struct session;
struct cal;
struct dossier;
struct ob_entry;
struct macros;
struct store;

struct app {
	struct loop loop;
	struct ui *ui;
	unsigned redraw;	/* pending enum redraw flags */
	bool quit;

	enum link_state link;
	int rtt_ms;		/* round-trip estimate; -1: unknown */
	int queued;		/* actions in the outbox not yet delivered */
	int waiting;		/* of which conflicts and refusals: the clerk decides */
	struct ob_entry *outbox;	/* those actions, oldest first, for the screens */
	size_t noutbox;
	int64_t last_key;	/* app_now() of the last key: idle polling is slower */
	int64_t next_try;	/* app_now() of the next try at an unreachable
				 * server, for the status bar; 0: none planned */
	/* Actions waiting in other local stores of this clerk for this
	 * server (made at another address), as counted after the login and
	 * after a take-over; the inbox offers once a run to take them over
	 * (stranded_asked: it did). */
	int64_t stranded;
	bool stranded_asked;

	struct conf conf;	/* the clerk's settings (conf.h) */
	/* the clerk's password as a salted hash, set at login: it unlocks
	 * the idle lock; the password itself is not kept for it */
	struct pw_verifier unlock;
	struct cal *cal;	/* working days, with the installed overrides */
	struct session *session;	/* NULL: no server configured */
	char *server_name;	/* the profile's name, for the title bar */
	char *user;
	/* The inbox, read from a store on demand (store_inbox.h): the
	 * session's local store, or without a session one of the app's own
	 * in memory that app_set_dossiers() fills; NULL: no dossiers. */
	struct store *store;
	bool own_store;
	unsigned dossiers_gen;	/* bumped by every change of the inbox */
	/* app_find_dossier()'s dossiers, read in this generation */
	struct dossier *found;
	size_t nfound, next_found;
	int64_t clock_offset;	/* seconds added to the system clock (MOTCUA_CLOCK) */
	int64_t data_time;	/* when the inbox was last synced; 0: never */
	bool loading;		/* a fetch is under way */
	char sync_note[96];	/* how far the sync under way is ("syncing 1200/3642,
				 * 96 kB, 12 s left"), "" before its first page */

	bool bell;		/* ring the terminal's bell at the next draw */

	char msg[768];		/* the status bar's message, up to three rows */
	/* A notice that stays until what it says is mended (a full disk),
	 * shown whole over any message; "" when none. */
	char notice[384];
	enum msg_kind msg_kind;
	unsigned msg_timer;
	/* Every message shown, oldest first, the last APP_MESSAGES_MAX: a
	 * status line cut or gone can be read whole (:messages). */
	struct app_msg *msgs;
	size_t nmsgs;

	/* The command file being read (cmd_source) and its line, for
	 * relative paths and to say where a binding comes from; how deep
	 * files source files. */
	const char *cmd_file;
	unsigned cmd_line, cmd_depth;
	unsigned msg_errors;	/* error messages so far: a macro stops at a new one */

	/* the clerk's macros (keymaps/macro.h), read with the settings before
	 * the screens open; the screens' side runs and frees them */
	struct macros *macros;
};

/* Set up the loop and the calendar (overrides from $MOTCUA_CALENDAR_DIR or
 * the installed ones; a broken override file is reported in e->msg as a
 * warning, not a failure). */
int app_init(struct app *app, struct err *e);
void app_free(struct app *app);
/* Once per process, after everything else (both front ends): what the
 * first transport set up process-wide. */
void app_global_cleanup(void);

/* The inbox is read from s from now on (NULL: none), and has changed. */
void app_set_store(struct app *app, struct store *s);
/* The store's dossiers changed: a new generation of the inbox. */
void app_dossiers_changed(struct app *app);
/* Replace the inbox with items, or merge items into it, replacing those
 * with the same code (taken over and freed); into the app's own store
 * when it has no other. */
void app_set_dossiers(struct app *app, struct dossier *items, size_t n);
void app_merge_dossiers(struct app *app, struct dossier *items, size_t n);
/* The dossier with that code, or NULL. It stays valid in this generation
 * while no more than a few others are looked up. */
struct dossier *app_find_dossier(struct app *app, const char *code);
/* What the clerk sees for the dossier with that code: its number
 * (dossier_number), or the code itself when the inbox lacks it. */
const char *app_dossier_number(struct app *app, const char *code);

/* Replace app->outbox with v (taken over). */
void app_set_outbox(struct app *app, struct ob_entry *v, size_t n);
/* The undelivered action on that dossier the clerk most needs to see: a
 * conflict or refusal first (it waits on the clerk), else the latest one
 * on its way; NULL if none. */
const struct ob_entry *app_outbox_for(const struct app *app, const char *code);

/* Show text (NULL: clear) as the notice; one shown rings the bell and is
 * kept in the message history. */
void app_notice(struct app *app, const char *text);
/* Show a message in the status bar for a few seconds; it stays in the
 * message history (app->msgs). */
void app_message(struct app *app, enum msg_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_quit(struct app *app);

/* Now, in Unix seconds. MOTCUA_CLOCK="YYYY-MM-DD HH:MM" (Vietnam time)
 * starts the client's clock there, for training against a sandbox with its
 * own clock and for tests; the clock then runs normally. */
int64_t app_now(const struct app *app);
/* Where the working-day files are: MOTCUA_CALENDAR_DIR, else the
 * installed PKGDATADIR/calendar. */
const char *app_calendar_dir(void);
/* The first year, of now and of 60 days on, that has no working-day file
 * (cal_year_known), with a sentence saying so in buf; 0 when none. */
int app_calendar_gap(const struct cal *c, int64_t now, char *buf, size_t len);
/* The same in milliseconds, for waits shorter than a few seconds. */
int64_t app_now_ms(const struct app *app);
int app_set_clock(struct app *app, const char *when, struct err *e);

#endif
