#include "config.h"

#include <string.h>

#include "marks.h"
#include "store/outbox.h"
#include "ui.h"

static const struct mark {
	enum theme_obj obj;
	const char *utf8, *ascii;
} bands[] = {
	[BAND_OVERDUE] = { TH_DEADLINE_OVERDUE, "\u203c", "!" },
	[BAND_TODAY] = { TH_DEADLINE_TODAY, "\u25cf", "*" },
	[BAND_APOLOGY] = { TH_DEADLINE_APOLOGY, "\u2709", "@" },
	[BAND_SOON] = { TH_DEADLINE_SOON, "\u25b2", "^" },
	[BAND_OK] = { TH_DEADLINE_OK, " ", " " },
	[BAND_NONE] = { TH_DEFAULT, " ", " " },
};

static const struct mark national = { TH_FIELD_NATIONAL, "\u25c6", "#" };
static const struct mark provided = { TH_DEFAULT, "\u2713", "+" };
static const struct mark missing = { TH_COMPONENT_MISSING, "\u2717", "x" };

static const struct mark pending = { TH_ACTION_PENDING, "\u21e1", "~" };
static const struct mark conflict = { TH_ACTION_WAITING, "\u2260", "=" };
static const struct mark refused = { TH_ACTION_WAITING, "\u2298", "/" };

static const char *glyph(const struct ui *ui, const struct mark *m, enum theme_obj *obj)
{
	*obj = m->obj;
	return strcmp(ui->ellipsis, "~") ? m->utf8 : m->ascii;
}

static const struct mark fields[] = {
	[FM_NONE] = { TH_DEFAULT, " ", " " },
	[FM_NATIONAL] = { TH_FIELD_NATIONAL, "\u25c6", "#" },
	[FM_CORRECTED] = { TH_FIELD_CORRECTED, "\u270e", "~" },
	[FM_INVALID] = { TH_FIELD_INVALID, "\u2717", "x" },
};

const char *mark_field(const struct ui *ui, enum field_mark m, enum theme_obj *obj)
{
	return glyph(ui, &fields[m], obj);
}

const char *mark_band(const struct ui *ui, enum band b, enum theme_obj *obj)
{
	return glyph(ui, &bands[b], obj);
}

const char *mark_component(const struct ui *ui, const struct component *c,
			   enum theme_obj *obj)
{
	return glyph(ui, c->from_national ? &national : c->provided ? &provided : &missing, obj);
}

const char *mark_action(const struct ui *ui, const struct ob_entry *en, enum theme_obj *obj)
{
	if (!en)
		return NULL;
	return glyph(ui, en->state == OB_CONFLICT ? &conflict : en->state == OB_FAILED ? &refused : &pending, obj);
}
