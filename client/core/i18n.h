/* Every user-visible string goes through gettext: _() for strings used in
 * place, N_() for strings in static tables translated where they are shown. */
#ifndef MOTCUA_I18N_H
#define MOTCUA_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext((s), (p), (n))
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
