#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"

/* Long enough to read a sentence, short enough not to linger. */
#define MSG_SHOW_MS 6000

int app_init(struct app *app, struct err *e)
{
	memset(app, 0, sizeof *app);
	app->redraw = RD_ALL;
	return loop_init(&app->loop, e);
}

void app_free(struct app *app)
{
	loop_free(&app->loop);
}

static void clear_message(void *arg)
{
	struct app *app = arg;

	app->msg[0] = '\0';
	app->msg_timer = 0;
	app->redraw |= RD_STATUS;
}

void app_message(struct app *app, enum msg_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	app->msg_kind = kind;
	if (app->msg_timer)
		loop_timer_cancel(&app->loop, app->msg_timer);
	app->msg_timer = loop_timer(&app->loop, MSG_SHOW_MS, clear_message, app);
	app->redraw |= RD_STATUS;
}

void app_quit(struct app *app)
{
	app->quit = true;
	loop_stop(&app->loop);
}
