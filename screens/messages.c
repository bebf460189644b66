#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/when.h"
#include "ui.h"

/* The message history (:messages): every message the status bar showed,
 * oldest first, each whole however long, the newest in view. */

static struct pager *messages_pager(struct app *app)
{
	return ui_state(app, &screen_messages);
}

static void messages_pager_free(struct app *app, void *state)
{
	(void)app;
	pager_free(state);
}

unsigned messages_open(struct app *app)
{
	if (app->ui->screen == &screen_messages)
		return RD_NONE;
	/* the newest at the bottom, in view: the pager clamps the top */
	messages_pager(app)->top = (size_t)-1;
	return ui_push(app, &screen_messages);
}

static const struct op_def messages_ops[] = {
	PAGER_OPS,
	OP_END,
};

static const char *const messages_hints[] = { "view-close", "page-up", NULL };

static void messages_title(struct app *app, char *buf, size_t len)
{
	snprintf(buf, len, _("Messages (%zu)"), app->nmsgs);
}

#define TEXT_COL 8	/* after "HH:MM ! " */

static void messages_draw(struct app *app, WINDOW *win, unsigned flags)
{
	struct ui *ui = app->ui;
	struct pager *p = messages_pager(app);
	attr_t dim = theme_attr(&ui->theme, TH_EMPTY_HINT);
	attr_t error = theme_attr(&ui->theme, TH_STATUS_ERROR);

	(void)flags;
	pager_begin(p, win);
	if (!app->nmsgs)
		pager_wrap(p, 0, dim, _("No message yet."));
	for (size_t i = 0; i < app->nmsgs; i++) {
		const struct app_msg *m = &app->msgs[i];
		bool bad = m->kind == MSG_ERROR;
		char clock[WHEN_LEN];

		if (i)
			pager_newline(p);
		/* an error is told by its mark, not by its colour alone */
		pager_addf(p, dim, "%s %s ", when_clock(m->when, clock, sizeof clock), bad ? "!" : " ");
		pager_tab(p, TEXT_COL);
		pager_wrap(p, TEXT_COL, bad ? error : A_NORMAL, m->text);
	}
	pager_draw(app, p, win);
}

const struct screen screen_messages = {
	.context = "messages",
	.name = N_("Messages"),
	.ops = messages_ops,
	.generic_keys = ops_back_keys,
	.hints = messages_hints,
	.title = messages_title,
	.draw = messages_draw,
	.pager = messages_pager,
	.state_size = sizeof(struct pager),
	.state_free = messages_pager_free,
};
