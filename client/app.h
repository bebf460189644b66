/* The one application object (DESIGN.md section 3): everything the client
 * knows lives here and is passed explicitly, so a test can build an isolated
 * app. The screen layer hangs its own state on `ui`. */
#ifndef MOTCUA_APP_H
#define MOTCUA_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "loop.h"

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
	LINK_OFFLINE,
	LINK_SLOW,
	LINK_ONLINE,
};

enum msg_kind {
	MSG_INFO,
	MSG_ERROR,
};

struct ui;

struct app {
	struct loop loop;
	struct ui *ui;
	unsigned redraw;	/* pending enum redraw flags */
	bool quit;

	enum link_state link;
	int queued;		/* actions waiting in the outbox */

	char msg[256];		/* the status bar's message line */
	enum msg_kind msg_kind;
	unsigned msg_timer;
};

int app_init(struct app *app, struct err *e);
void app_free(struct app *app);

/* Show a message in the status bar for a few seconds. */
void app_message(struct app *app, enum msg_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_quit(struct app *app);

#endif
