#include "config.h"

#include <string.h>

#include "app/session.h"
#include "core/i18n.h"
#include "macro.h"
#include "ui.h"

const struct op_def *ops_find(const struct op_def *table, const char *name)
{
	for (; table && table->name; table++)
		if (!strcmp(table->name, name))
			return table;
	return NULL;
}

bool ops_counted(const struct op_def *op)
{
	static const char *const moves[] = { "move-down", "move-up", "page-down", "page-up" };

	for (size_t i = 0; i < sizeof moves / sizeof *moves; i++)
		if (!strcmp(op->name, moves[i]))
			return true;
	return false;
}

unsigned ops_run(struct app *app, const struct op_def *op)
{
	return op->fn ? op->fn(app) : op->fn_arg(app, op->arg);
}

static unsigned op_quit(struct app *app)
{
	app_quit(app);
	return RD_NONE;
}

static unsigned op_redraw(struct app *app)
{
	(void)app;
	clearok(curscr, TRUE);	/* repaint every cell: the terminal may be garbled */
	return RD_ALL;
}

static unsigned op_cancel(struct app *app)
{
	if (session_cancel(app))
		app_message(app, MSG_INFO, "%s", _("cancelled"));
	return RD_STATUS;
}

static unsigned op_help(struct app *app)
{
	return help_open(app);
}

static unsigned op_lock(struct app *app)
{
	return lock_open(app);
}

static unsigned op_outbox(struct app *app)
{
	return outbox_open(app);
}

static unsigned op_intake_new(struct app *app)
{
	return intake_ask(app);
}

static unsigned op_catalog(struct app *app)
{
	return catalog_open(app);
}

static unsigned op_colors(struct app *app)
{
	return colors_open(app);
}

/* The server is away: try it now rather than at the next timer. */
static unsigned op_retry_now(struct app *app)
{
	if (!session_retry_now(app))
		app_message(app, MSG_ERROR, "%s", _("no server is configured: there is nothing to try"));
	else if (app->link == LINK_OFFLINE || app->link == LINK_DOWN || app->link == LINK_CONNECTING)
		app_message(app, MSG_INFO, "%s", _("trying the server now\u2026"));
	return RD_STATUS;
}

/* What the inbox's question after the login offers (and the outbox's
 * key): actions queued in another store of this clerk and server (another
 * address) come here and go. */
static unsigned op_outbox_adopt(struct app *app)
{
	struct err e;
	int moved = session_adopt(app, &e);

	if (moved < 0)
		app_message(app, MSG_ERROR, "%s", e.msg);
	else if (moved == 0)
		app_message(app, MSG_INFO, "%s", _("no action waits in another local store of yours for this server"));
	else
		app_message(app, MSG_INFO, P_("took over %d action from another local store: it goes with the outbox",
					      "took over %d actions from other local stores: they go with the outbox",
					      (unsigned long)moved), moved);
	return RD_STATUS | RD_BODY;
}

static unsigned op_ime_toggle(struct app *app)
{
	return ui_ime_toggle(app);
}

/* Not over the lock or the login: what is under them stays shut. */
static unsigned op_command_line(struct app *app)
{
	if (app->ui->screen->covers)
		return RD_NONE;
	return cmdline_open(app);
}

static unsigned op_messages(struct app *app)
{
	return messages_open(app);
}

static unsigned op_macro_record(struct app *app)
{
	return macro_record(app);
}

static unsigned op_macro_list(struct app *app)
{
	return macros_open(app);
}

static unsigned op_close(struct app *app)
{
	return ui_pop(app);
}

const struct op_def ops_generic[] = {
	OP("quit", N_("Quit"), op_quit, "q"),
	OP("redraw", N_("Redraw"), op_redraw, "<C-l>"),
	OP("cancel", N_("Cancel"), op_cancel, "<Esc>"),
	OP("help", N_("Help"), op_help, "? <F1>"),
	OP("view-close", N_("Back"), op_close, NULL),	/* keys: where there is a back */
	OP("lock", N_("Lock the screen (the password unlocks it)"), op_lock, "L"),
	OP("outbox", N_("Outbox: my actions"), op_outbox, "O"),
	OP("outbox-adopt", N_("Take over the actions waiting in another local store of yours for this server, and send them"),
	   op_outbox_adopt, NULL),
	OP("retry-now", N_("Try the server again now"), op_retry_now, "<C-r>"),
	OP("intake-new", N_("Receive a dossier: the intake form of a procedure, by its code"),
	   op_intake_new, NULL),
	OP("catalog", N_("Procedure catalog"), op_catalog, "C"),
	OP("theme-preview", N_("Colours: every colour object as the theme draws it"), op_colors, "T"),
	OP("input-method-toggle", N_("Vietnamese typing (Telex, VNI, VIQR) on or off"), op_ime_toggle, "<C-e>"),
	OP("command-line", N_("Command line: a command or an operation by its name, Tab completes"),
	   op_command_line, ":"),
	OP("messages", N_("The messages shown in the status bar, whole"), op_messages, NULL),
	OP("macro-record", N_("Record a macro: the keys typed until this key again"),
	   op_macro_record, "<F9>"),
	OP("macro-list", N_("Macros: the recorded and configured ones"), op_macro_list, "<F8>"),
	OP_END,
};

const struct op_keys ops_back_keys[] = {
	{ "view-close", OPS_BACK_KEYS },
	{ NULL, NULL },
};
