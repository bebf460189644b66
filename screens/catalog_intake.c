#include "config.h"

#include "catalog.h"
#include "i18n.h"

/* The intake screen (screens/intake.c) implements intake_open; until it is
 * in the build the reference is weak, so the catalog links without it and
 * says so. Drop the attribute and the check when screens/intake.c lands. */
extern unsigned intake_open(struct app *app, const char *procedure_code) __attribute__((weak));

/* The procedure an intake would be for: the one the detail shows, else
 * the one selected in the list. */
static const char *current(struct app *app)
{
	struct catalog_view *v = catalog_view(app);

	if (app->ui->screen == &screen_catalog_detail)
		return v->code;
	return v->sel < v->nshown ? v->items[v->shown[v->sel]].code : NULL;
}

unsigned catalog_op_intake(struct app *app)
{
	const char *code = current(app);

	if (!code) {
		app_message(app, MSG_ERROR, "%s", _("no procedure selected"));
		return RD_STATUS;
	}
	if (!intake_open) {
		app_message(app, MSG_ERROR, "%s", _("intake is not available in this build"));
		return RD_STATUS;
	}
	return intake_open(app, code);
}
