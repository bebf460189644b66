#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/when.h"
#include "core/xalloc.h"
#include "receipt.h"
#include "report.h"
#include "spawn.h"

static const char *const kind_names[] = { "receipt", "supplement", "refusal" };

const char *receipt_kind_name(enum receipt_kind k)
{
	return (unsigned)k <= RECEIPT_REFUSAL ? kind_names[k] : "";
}

int receipt_kind_parse(const char *name)
{
	for (int i = 0; i <= RECEIPT_REFUSAL; i++)
		if (!strcmp(name, kind_names[i]))
			return i;
	return -1;
}

/* ---- building lines ---- */

/* Every line of a form passes here, made safe for the screen and the
 * printer: the layout counted each character it replaces as the one
 * column its placeholder takes (text.h). */
static void push(struct receipt *r, char *line)
{
	r->lines = xrealloc(r->lines, (size_t)(r->n + 1) * sizeof *r->lines);
	r->lines[r->n++] = text_safe_dup(line, 0);
	free(line);
}

__attribute__((format(printf, 2, 3)))
static char *fmt(char *buf, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, 1024, f, ap);
	va_end(ap);
	return buf;
}

static void blank(struct receipt *r)
{
	push(r, xstrdup(""));
}

/* Centred, on as many lines as it takes (a long desk name on A5). */
static void center(struct receipt *r, const char *s)
{
	while (*s) {
		size_t n = text_wrap(s, r->width), len = n;
		char *line;
		int pad;

		while (len && s[len - 1] == ' ')
			len--;
		line = xmalloc((size_t)r->width + len + 1);
		memcpy(line, s, len);
		line[len] = '\0';
		pad = text_width(line) < r->width ? (r->width - text_width(line)) / 2 : 0;
		memmove(line + pad, line, len + 1);
		memset(line, ' ', (size_t)pad);
		push(r, line);
		for (s += n; *s == ' '; s++)
			;
	}
}

/* Text wrapped at the width, the lines after the first indented. */
static void para(struct receipt *r, const char *s, int indent)
{
	bool first = true;

	while (*s) {
		int avail = r->width - (first ? 0 : indent);
		size_t n = text_wrap(s, avail > 10 ? avail : 10);
		char *line = xmalloc((size_t)indent + n + 1);
		int pad = first ? 0 : indent;

		memset(line, ' ', (size_t)pad);
		memcpy(line + pad, s, n);
		line[pad + n] = '\0';
		/* no trailing spaces on paper */
		for (size_t k = strlen(line); k && line[k - 1] == ' '; k--)
			line[k - 1] = '\0';
		push(r, line);
		s += n;
		while (*s == ' ')
			s++;
		first = false;
	}
	if (first)
		blank(r);
}

/* "Label: value", with "—" for what is not known. */
static void field(struct receipt *r, const char *label, const char *value)
{
	const char *v = value && *value ? value : "—";
	char *line = xmalloc(strlen(label) + strlen(v) + 3);

	sprintf(line, "%s: %s", label, v);
	para(r, line, 4);
	free(line);
}

static void header(struct receipt *r, const struct dossier *d, const struct receipt_opts *o,
		   const char *title)
{
	char buf[1024];
	const char *desk = o->desk && *o->desk ? o->desk : d->agency;

	center(r, desk && *desk ? desk : "");
	center(r, _("SOCIALIST REPUBLIC OF VIET NAM"));
	center(r, _("Independence - Freedom - Happiness"));
	blank(r);
	center(r, title);
	center(r, fmt(buf, _("Dossier code: %s"), dossier_number(d)));
	blank(r);
}

static void applicant(struct receipt *r, const struct dossier *d)
{
	char buf[1024], contact[800] = "";
	const char *parts[] = { d->applicant_phone, d->applicant_email, d->applicant_address };

	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (parts[i] && *parts[i])
			snprintf(contact + strlen(contact), sizeof contact - strlen(contact), "%s%s",
				 contact[0] ? "; " : "", parts[i]);
	field(r, _("Applicant"), d->applicant_name);
	field(r, _("ID number"), d->applicant_id);
	field(r, _("Contact"), contact);
	if (d->proxy_name && *d->proxy_name) {
		if (d->proxy_id && *d->proxy_id)
			fmt(buf, "%s (%s)", d->proxy_name, d->proxy_id);
		else
			fmt(buf, "%s", d->proxy_name);
		field(r, _("Proxy"), buf);
	} else {
		field(r, _("Proxy"), NULL);
	}
	if (d->procedure_code || d->procedure_name)
		field(r, _("Procedure"), fmt(buf, "%s%s%s", d->procedure_code ? d->procedure_code : "",
					   d->procedure_code && d->procedure_name ? " - " : "",
					   d->procedure_name ? d->procedure_name : ""));
}

/* The note of the last log entry of that action: what the clerk wrote
 * when refusing or asking for more. */
static const char *logged_note(const struct dossier *d, const char *action)
{
	for (int i = d->nlog - 1; i >= 0; i--)
		if (d->log[i].action && !strcmp(d->log[i].action, action) && d->log[i].note &&
		    *d->log[i].note)
			return d->log[i].note;
	return NULL;
}

bool receipt_applies(enum receipt_kind k, const struct dossier *d)
{
	bool asked = false;

	switch (k) {
	case RECEIPT_RECEIPT:
		return d->received_at != 0;
	case RECEIPT_SUPPLEMENT:
		/* the log says so once fetched; the summary's status before */
		for (int i = 0; i < d->nlog && !asked; i++)
			asked = d->log[i].action && !strcmp(d->log[i].action, "request-supplement");
		return asked || d->status == ST_SUPPLEMENT;
	case RECEIPT_REFUSAL:
		return logged_note(d, "refuse") != NULL;
	}
	return false;
}

static void signatures(struct receipt *r, const struct receipt_opts *o, bool applicant_signs)
{
	char buf[1024], left[512], right[512];
	int half = r->width / 2;

	blank(r);
	text_fit(left, sizeof left, applicant_signs ? _("THE APPLICANT") : "", half, "", 1);
	text_fit(right, sizeof right, _("THE RECEIVING CLERK"), half, "", 0);
	push(r, xstrdup(fmt(buf, "%s%s", left, right)));
	text_fit(left, sizeof left, applicant_signs ? _("(signature, full name)") : "", half, "", 1);
	text_fit(right, sizeof right, _("(signature, full name)"), half, "", 0);
	push(r, xstrdup(fmt(buf, "%s%s", left, right)));
	blank(r);
	blank(r);
	if (o->clerk && *o->clerk) {
		text_fit(left, sizeof left, "", half, "", 1);
		push(r, xstrdup(fmt(buf, "%s%s", left, o->clerk)));
	}
}

static void receipt_body(struct receipt *r, const struct dossier *d, const struct receipt_opts *o)
{
	char buf[1024], t[WHEN_LEN];
	int k = 0;

	applicant(r, d);
	para(r, _("Components received:"), 4);
	for (int i = 0; i < d->ncomponents; i++) {
		const struct component *c = &d->components[i];

		if (!c->provided && !c->from_national)
			continue;
		if (c->from_national)
			fmt(buf, _("  %d. %s (from national data, no paper copy)"), ++k, c->name ? c->name : "");
		else
			fmt(buf, P_("  %d. %s (%d copy)", "  %d. %s (%d copies)", c->copies > 0 ? c->copies : 1),
			    ++k, c->name ? c->name : "", c->copies > 0 ? c->copies : 1);
		para(r, buf, 6);
	}
	if (!k)
		para(r, "  —", 6);
	field(r, _("Number of sets"), d->copies > 0 ? fmt(buf, "%d", d->copies) : "\u2014");
	field(r, _("Legal processing time"), d->days_text);
	field(r, _("Received at"), when_time_date(d->received_at, t, sizeof t));
	field(r, _("Result due at"), when_time_date(d->due_at, t, sizeof t));
	field(r, _("Collect the result at"), o->desk && *o->desk ? o->desk : d->agency);
	para(r, _("Bring this receipt when you collect the result."), 4);
	signatures(r, o, true);
}

static void supplement_body(struct receipt *r, const struct dossier *d, const struct receipt_opts *o)
{
	char buf[1024], t[WHEN_LEN];
	const char *why = o->reason ? o->reason : logged_note(d, "request-supplement");
	int k = 0;

	applicant(r, d);
	blank(r);
	para(r, _("The dossier is not yet complete. Please supplement and complete:"), 0);
	for (int i = 0; i < d->ncomponents; i++) {
		const struct component *c = &d->components[i];

		if (c->provided || c->from_national)
			continue;
		para(r, fmt(buf, "  %d. %s", ++k, c->name ? c->name : ""), 6);
	}
	if (why && *why)
		field(r, _("What to supplement"), why);
	else if (!k)
		para(r, "  —", 6);
	para(r, _("The processing time counts again from the day the complete dossier is received."), 0);
	field(r, _("Made at"), when_time_date(o->now, t, sizeof t));
	signatures(r, o, false);
}

static void refusal_body(struct receipt *r, const struct dossier *d, const struct receipt_opts *o,
			 const char *why)
{
	char t[WHEN_LEN];

	applicant(r, d);
	blank(r);
	para(r, _("The dossier is not received, for this reason:"), 0);
	para(r, why, 4);
	field(r, _("Made at"), when_time_date(o->now, t, sizeof t));
	signatures(r, o, false);
}

int receipt_make(enum receipt_kind k, const struct dossier *d, const struct receipt_opts *o,
		 struct receipt *r, struct err *e)
{
	const char *why = NULL;

	memset(r, 0, sizeof *r);
	r->width = o->paper == PAPER_A5 ? 60 : 80;
	if (o->width > 0 && o->width < r->width)
		r->width = o->width;
	switch (k) {
	case RECEIPT_RECEIPT:
		if (!d->received_at)
			return err_set(e, _("%s has not been received yet (status %d): no receipt before it is accepted"),
				       dossier_number(d), d->status);
		header(r, d, o, _("RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT"));
		receipt_body(r, d, o);
		return 0;
	case RECEIPT_SUPPLEMENT:
		header(r, d, o, _("REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER"));
		supplement_body(r, d, o);
		return 0;
	case RECEIPT_REFUSAL:
		why = o->reason ? o->reason : logged_note(d, "refuse");
		if (!why || !*why)
			return err_set(e, _("%s: a refusal needs its reason, and the dossier's log has none"), dossier_number(d));
		header(r, d, o, _("REFUSAL TO RECEIVE THE DOSSIER"));
		refusal_body(r, d, o, why);
		return 0;
	}
	return err_set(e, "%s", _("unknown kind of form"));
}

void receipt_free(struct receipt *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->lines[i]);
	free(r->lines);
	memset(r, 0, sizeof *r);
}

int receipt_write(const struct receipt *r, FILE *f, struct err *e)
{
	for (int i = 0; i < r->n; i++)
		fprintf(f, "%s\n", r->lines[i]);
	fputc('\f', f);
	if (fflush(f) == EOF || ferror(f))
		return err_set(e, _("cannot write the form: %s"), strerror(errno));
	return 0;
}

/* ---- printing ---- */

/* The form as the printer gets it, in a file no other process can open. */
static int printable(const struct receipt *r, struct err *e)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	int fd;

	if (!mem)
		return err_set(e, _("cannot prepare the form: %s"), strerror(errno));
	receipt_write(r, mem, e);
	fclose(mem);
	fd = spawn_file(text, len, e);
	free(text);
	return fd;
}

/* The command set and installed, started on the form. */
static int start(struct spawn *s, const struct receipt *r, const char *command, struct err *e)
{
	char name[256], conf[4096];
	int in, rc;

	if (!command || !*command)
		return err_set(e, "%s", _("no print-command is set: add a line such as set print-command \"lpr\" to motcuarc"));
	/* a fresh system has no lpr: said at once, with where to set one */
	if (spawn_check(command, name, sizeof name) < 0) {
		if (path_config(conf, sizeof conf) < 0)
			snprintf(conf, sizeof conf, "motcuarc");
		return err_set(e, _("no print command: '%s' is not installed; set print-command in %s"), name, conf);
	}
	if ((in = printable(r, e)) < 0)
		return -1;
	rc = spawn_start(s, command, in, e);
	close(in);
	return rc;
}

/* What came of it: 0, or why not, in the command's own words when it
 * said any. A command that reads nothing of the form ("true") and exits
 * 0 has printed as far as anyone can tell. */
static int outcome(struct spawn *s, int status, struct err *e)
{
	char said[256];

	spawn_first_error(s, said, sizeof said);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		return err_set(e, _("the print command was stopped by signal %d"), WTERMSIG(status));
	if (said[0])
		return err_set(e, _("the print command failed: %s"), said);
	return err_set(e, _("the print command failed (exit status %d): nothing may have been printed"),
		       WEXITSTATUS(status));
}

int receipt_print(const struct receipt *r, const char *command, struct err *e)
{
	struct spawn s;

	if (start(&s, r, command, e) < 0)
		return -1;
	return outcome(&s, spawn_wait(&s), e);
}

struct print_job {
	struct spawn s;
	receipt_printed_fn fn;
	void *arg;
};

static void printed(void *arg, int status)
{
	struct print_job *j = arg;
	struct err e = { "" };

	if (status == -1) {
		spawn_first_error(&j->s, e.msg, sizeof e.msg);	/* closes the capture */
		j->fn(j->arg, NULL, true);
	} else {
		j->fn(j->arg, outcome(&j->s, status, &e) < 0 ? &e : NULL, false);
	}
	free(j);
}

int receipt_print_start(struct loop *l, const struct receipt *r, const char *command,
			receipt_printed_fn fn, void *arg, struct err *e)
{
	struct print_job *j;

	if (l->nchildren == LOOP_MAX_CHILDREN)
		return err_set(e, "%s", _("too many forms are being printed: wait for one to finish"));
	j = xcalloc(1, sizeof *j);
	if (start(&j->s, r, command, e) < 0) {
		free(j);
		return -1;
	}
	j->fn = fn;
	j->arg = arg;
	if (loop_watch_child(l, j->s.pid, printed, j, e) < 0) {
		/* started but cannot be watched: said now, once it ended */
		int rc = outcome(&j->s, spawn_wait(&j->s), e);

		free(j);
		return rc;
	}
	return 0;
}
