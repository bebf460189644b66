#include "config.h"

#include "catalog.h"
#include "core/i18n.h"
#include "screen.h"

/* The procedure an intake would be for: the one the detail shows, else
 * the one selected in the list. */
static const char *current(struct app *app)
{
	struct catalog_view *v = catalog_view(app);

	if (app->ui->screen == &screen_catalog_detail)
		return v->code;
	return v->list.sel < v->list.n ? v->items[v->shown[v->list.sel]].code : NULL;
}

unsigned catalog_op_intake(struct app *app)
{
	const char *code = current(app);

	if (!code) {
		app_message(app, MSG_ERROR, "%s", _("no procedure selected"));
		return RD_STATUS;
	}
	return intake_open(app, code);
}
