/* A page of styled lines that scrolls, for screens longer than the
 * terminal (a dossier, the help). The screen lays its lines out for the
 * window's width at each draw; the pager keeps the scroll position across
 * draws, draws the lines that show and marks in its last column that more
 * is above or below. Its operations scroll the top screen's pager. */
#ifndef MOTCUA_PAGER_H
#define MOTCUA_PAGER_H

#include <curses.h>
#include <stddef.h>

#include "app/app.h"

struct pager_span {
	char *text;
	attr_t attr;
};

struct pager_line {
	struct pager_span *spans;
	int n, cols;
};

struct pager {
	struct pager_line *lines;
	size_t n, cap;
	size_t top;		/* the first line shown */
	int width;		/* columns a line may take */
	int rows;		/* rows shown: a page */
};

/* Start laying out for win: the lines go, the scroll position stays. */
void pager_begin(struct pager *p, WINDOW *win);
void pager_free(struct pager *p);

/* Start a new line. */
void pager_newline(struct pager *p);
/* Add s to the current line in attr (cut at the edge when drawn). */
void pager_add(struct pager *p, attr_t attr, const char *s);
void pager_addf(struct pager *p, attr_t attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Pad the current line with blanks up to column col. */
void pager_tab(struct pager *p, int col);
/* Add s to the current line, wrapping at spaces; following lines start
 * at column indent. */
void pager_wrap(struct pager *p, int indent, attr_t attr, const char *s);
/* The column the current line has reached. */
int pager_col(const struct pager *p);

/* Draw the lines that show, from the top kept in view. */
void pager_draw(struct app *app, struct pager *p, WINDOW *win);

/* Scroll the top screen's pager; each returns RD_BODY if it moved. */
unsigned pager_op_down(struct app *app);
unsigned pager_op_up(struct app *app);
unsigned pager_op_page_down(struct app *app);
unsigned pager_op_page_up(struct app *app);
unsigned pager_op_first(struct app *app);
unsigned pager_op_last(struct app *app);

/* The scrolling entries of a pager screen's operation table, with the
 * keys that scroll it. */
#define PAGER_OPS \
	OP("move-down", N_("Scroll down"), pager_op_down, "j <Down>"), \
	OP("move-up", N_("Scroll up"), pager_op_up, "k <Up>"), \
	OP("page-down", N_("Page down"), pager_op_page_down, "<PageDown> <C-f> <Space>"), \
	OP("page-up", N_("Page up"), pager_op_page_up, "<PageUp> <C-b>"), \
	OP("move-first", N_("Top"), pager_op_first, "g <Home>"), \
	OP("move-last", N_("Bottom"), pager_op_last, "G <End>")

/* Detail screens (a dossier, a procedure) as sections of labelled values.
 * A heading, after a blank line: "Title" or "Title (count)" (count < 0:
 * none). */
void pager_heading(struct pager *p, attr_t attr, const char *title, int count);
/* The column where values start after the widest of n labels (cut at
 * PAGER_LABEL_MAX). */
#define PAGER_INDENT 2
#define PAGER_LABEL_MAX 22
int pager_value_col(const char *const *labels, int n);
/* "  Label   value" on a new line, the value wrapped at value_col; an empty
 * value reads as a dash (in dim), so a missing phone number is seen as
 * missing, not as a layout fault. */
void pager_field(struct pager *p, const char *label, int value_col, const char *value, attr_t attr,
		 attr_t dim, const char *ellipsis);

#endif
