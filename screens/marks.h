/* Glyphs that go with a theme colour, so that nothing is told by colour
 * alone (DESIGN.md section 7): the deadline bands, and how a dossier's
 * component is satisfied. UTF-8 glyphs, ASCII ones on other terminals. */
#ifndef MOTCUA_MARKS_H
#define MOTCUA_MARKS_H

#include "core/model.h"
#include "desk/deadline.h"
#include "themes/theme.h"

struct ui;
struct ob_entry;

const char *mark_band(const struct ui *ui, enum band b, enum theme_obj *obj);
/* National data replaces the paper / the paper is provided / missing. */
const char *mark_component(const struct ui *ui, const struct component *c,
			   enum theme_obj *obj);

/* The clerk's action on a dossier, until the server confirms it: on its
 * way (queued, sending), or waiting on the clerk (conflict, refused). */
const char *mark_action(const struct ui *ui, const struct ob_entry *en, enum theme_obj *obj);
/* A form field: filled from national data / national data corrected by
 * the clerk / a problem; NULL for none of these. */
enum field_mark { FM_NONE, FM_NATIONAL, FM_CORRECTED, FM_INVALID };
const char *mark_field(const struct ui *ui, enum field_mark m, enum theme_obj *obj);

#endif
