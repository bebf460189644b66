/* A virtual terminal for screen tests: the client's UI drawn by ncurses on a
 * terminal that writes to /dev/null, read back cell by cell from curscr
 * (what ncurses believes the terminal shows), text and attributes. */
#ifndef MOTCUA_VSCREEN_H
#define MOTCUA_VSCREEN_H

#include <stdbool.h>
#include <stdio.h>

#include "app/app.h"
#include "screens/ui.h"

struct vscreen {
	struct app app;
	FILE *out, *in;
};

/* Open an app with its UI on a term-type terminal of rows x cols. */
void vscreen_open(struct vscreen *vs, const char *term, int rows, int cols);
void vscreen_close(struct vscreen *vs);

void vscreen_resize(struct vscreen *vs, int rows, int cols);
/* Speak lang ("vi") from now on, with the catalog make check makes from
 * locale/lang.po under $MOTCUA_LOCALEDIR, as LANGUAGE=lang does for the
 * client. False when this build has no gettext or no msgfmt. */
bool vscreen_language(const char *lang);
/* Feed keys (as named in key files: "j", "<Down>") and draw the result. */
void vscreen_keys(struct vscreen *vs, const char *const *names, int n);
void vscreen_draw(struct vscreen *vs);

/* Row y as UTF-8 text, trailing blanks removed. */
const char *vscreen_row(struct vscreen *vs, int y);
/* Attributes (A_BOLD, A_REVERSE, ...; colour pair stripped) and pair of a cell. */
attr_t vscreen_attr(struct vscreen *vs, int y, int x);
short vscreen_pair(struct vscreen *vs, int y, int x);
/* Where text first appears (row and column in cells); false if nowhere. */
bool vscreen_find(struct vscreen *vs, const char *text, int *y, int *x);
/* The whole screen as text, one line per row, for failure messages. */
const char *vscreen_dump(struct vscreen *vs);

#endif
