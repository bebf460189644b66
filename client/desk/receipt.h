/* The papers the desk hands the applicant at reception (DOMAIN.md
 * "Dossier lifecycle"): the receipt with the appointment (Giấy tiếp nhận
 * hồ sơ và hẹn trả kết quả), the supplement request (phiếu yêu cầu bổ sung,
 * hoàn thiện) and the refusal (phiếu từ chối tiếp nhận). Their content as
 * lines of text, for a pager on the screen and for a printable file, and
 * printing through the clerk's print-command. No curses here.
 *
 * The printable file is plain UTF-8 text, one page per form, laid out in
 * fixed columns (80 for A4, 60 for A5 at 10 characters to the inch) and
 * ended by a form feed: every printer spooler takes it (lpr, a PDF filter,
 * a Windows share through smbclient), it is what an old desk printer
 * prints well, and the same lines show on the screen. */
#ifndef MOTCUA_RECEIPT_H
#define MOTCUA_RECEIPT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "core/model.h"
#include "net/loop.h"

enum receipt_kind {
	RECEIPT_RECEIPT,	/* complete: the receipt with the appointment */
	RECEIPT_SUPPLEMENT,	/* incomplete: what to add */
	RECEIPT_REFUSAL,	/* not within competence, or refused */
};

enum receipt_paper {
	PAPER_A4,		/* 80 columns */
	PAPER_A5,		/* 60 columns */
};

struct receipt_opts {
	const char *desk;	/* the centre's name; NULL or "": the dossier's agency */
	const char *clerk;	/* who received it; NULL: left blank to sign */
	const char *reason;	/* supplement: what is wrong; refusal: why. NULL:
				 * the note of the dossier's last such log entry */
	int64_t now;		/* the date the form is made */
	enum receipt_paper paper;
	int width;		/* a screen narrower than the paper: its columns;
				 * 0: the paper's */
};

struct receipt {
	char **lines;		/* UTF-8 made safe to show (text.h), no newline,
				 * at most width columns */
	int n;
	int width;
};

/* "receipt", "supplement", "refusal" and back; -1 if unknown. */
const char *receipt_kind_name(enum receipt_kind k);
int receipt_kind_parse(const char *name);

/* Whether the dossier has that form to hand over: a receipt once it was
 * received, a supplement request once one was asked for, a refusal once
 * it was refused with a reason. */
bool receipt_applies(enum receipt_kind k, const struct dossier *d);

/* The form's lines. A receipt needs a dossier that has been received
 * (received_at set); a refusal needs a reason (opts or the log). */
int receipt_make(enum receipt_kind k, const struct dossier *d, const struct receipt_opts *o,
		 struct receipt *r, struct err *e);
void receipt_free(struct receipt *r);

/* The printable file: the lines, each ended by a newline, and a form feed. */
int receipt_write(const struct receipt *r, FILE *f, struct err *e);

/* Printing: command is run by /bin/sh with the printable file on its
 * standard input (spawn.h: a minimal environment, nothing written on the
 * terminal). It fails, saying so, when no command is set, when the
 * program it starts with is not installed (at once, before running
 * anything), and when it exits with a status other than 0 (with the
 * first line it wrote on its standard error).
 *
 * receipt_print waits for the command (batch mode). receipt_print_start
 * returns once it runs and calls fn(arg, why, closing) from the loop when
 * it ended: why is NULL when it printed; closing is set, and nothing is to
 * be said, when the loop is freed first. */
int receipt_print(const struct receipt *r, const char *command, struct err *e);

typedef void (*receipt_printed_fn)(void *arg, const struct err *why, bool closing);
int receipt_print_start(struct loop *l, const struct receipt *r, const char *command,
			receipt_printed_fn fn, void *arg, struct err *e);

#endif
