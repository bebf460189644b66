#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/when.h"
#include "report.h"

/* A value made safe to show, on one line: tabs and line breaks inside it
 * would break the columns. */
static void put_cell(FILE *out, const char *s)
{
	char *safe;

	if (!s)
		return;
	safe = text_safe_dup(s, 0);
	fputs(safe, out);
	free(safe);
}

/* fmt's text, allocated. */
static char *format(const char *fmt, va_list ap)
{
	struct sb b = { 0 };

	sb_vprintf(&b, fmt, ap);
	return sb_take(&b);
}

void report_printf(FILE *out, const char *fmt, ...)
{
	char *raw, *safe;
	va_list ap;

	va_start(ap, fmt);
	raw = format(fmt, ap);
	va_end(ap);
	safe = text_safe_dup(raw, TEXT_KEEP_NL | TEXT_KEEP_TAB);
	fputs(safe, out);
	free(safe);
	free(raw);
}

/* One line of fmt's text, made safe and flattened (put_cell), then \n. */
__attribute__((format(printf, 2, 3)))
static void put_line(FILE *out, const char *fmt, ...)
{
	char *raw;
	va_list ap;

	va_start(ap, fmt);
	raw = format(fmt, ap);
	va_end(ap);
	put_cell(out, raw);
	fputc('\n', out);
	free(raw);
}

/* The escape of the code point cp, as JSON writes it inside a string:
 * \uXXXX, a surrogate pair beyond U+FFFF. */
static void put_escape(FILE *out, uint32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		fprintf(out, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
	} else {
		fprintf(out, "\\u%04x", cp);
	}
}

void report_json_print(FILE *out, const cJSON *o)
{
	char *s = cJSON_Print(o);
	const char *p = s;
	size_t n = strlen(s);

	/* Outside strings cJSON writes ASCII only, and inside them it escapes
	 * C0: what is left to escape is in strings, and the raw C0 bytes are
	 * the layout's line breaks and tabs. */
	while (n) {
		int32_t cp;
		size_t r = text_utf8_next(p, n, &cp);

		if (cp < 0)
			fputs("\\ufffd", out);
		else if (cp >= 0x20 && text_hidden(cp))
			put_escape(out, (uint32_t)cp);
		else
			fwrite(p, 1, r, out);
		p += r;
		n -= r;
	}
	fputc('\n', out);
	free(s);
}

void report_tsv_header(FILE *out)
{
	fputs("code\tprocedure\tapplicant\treceived\tdue\tstatus\tchannel\n", out);
}

void report_tsv_dossier(FILE *out, const struct dossier *d)
{
	char rec[WHEN_LEN], due[WHEN_LEN];

	when_iso(d->received_at, rec, sizeof rec);
	when_iso(d->due_at, due, sizeof due);
	put_cell(out, dossier_number(d));
	fputc('\t', out);
	put_cell(out, d->procedure_code);
	fputc('\t', out);
	put_cell(out, d->applicant_name);
	fprintf(out, "\t%s\t%s\t%d\t%d\n", rec, due, d->status, d->channel);
}

static void add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
}

static void add_time(cJSON *o, const char *k, int64_t t)
{
	char buf[WHEN_LEN];

	if (t)
		cJSON_AddStringToObject(o, k, when_iso(t, buf, sizeof buf));
}

cJSON *report_json_dossier(const struct dossier *d)
{
	cJSON *o = cJSON_CreateObject(), *a;

	/* before reception no number: the id it is addressed by instead */
	if (d->number && !d->number[0])
		add_str(o, "id", d->code);
	else
		add_str(o, "code", d->number ? d->number : d->code);
	add_str(o, "procedure_code", d->procedure_code);
	add_str(o, "procedure_name", d->procedure_name);
	add_str(o, "agency", d->agency);
	add_str(o, "applicant_name", d->applicant_name);
	add_str(o, "applicant_id", d->applicant_id);
	add_str(o, "applicant_phone", d->applicant_phone);
	add_str(o, "applicant_email", d->applicant_email);
	add_str(o, "applicant_address", d->applicant_address);
	add_str(o, "proxy_name", d->proxy_name);
	add_str(o, "proxy_id", d->proxy_id);
	add_str(o, "step", d->step);
	add_str(o, "assignee", d->assignee);
	if (d->status)
		cJSON_AddNumberToObject(o, "status", d->status);
	if (d->channel)
		cJSON_AddNumberToObject(o, "channel", d->channel);
	if (d->fee < 0)
		cJSON_AddNullToObject(o, "fee");	/* unknown, not free */
	else
		cJSON_AddNumberToObject(o, "fee", (double)d->fee);
	add_time(o, "submitted_at", d->submitted_at);
	add_time(o, "received_at", d->received_at);
	add_time(o, "due_at", d->due_at);
	add_time(o, "finished_at", d->finished_at);
	add_time(o, "returned_at", d->returned_at);
	add_str(o, "version", d->version);
	if (d->allowed) {
		a = cJSON_AddArrayToObject(o, "allowed_actions");
		for (int i = 0; i < ACT_COUNT; i++)
			if (d->allowed & (1u << i))
				cJSON_AddItemToArray(a, cJSON_CreateString(action_name(i)));
	}
	if (d->ncomponents) {
		a = cJSON_AddArrayToObject(o, "components");
		for (int i = 0; i < d->ncomponents; i++) {
			cJSON *c = cJSON_CreateObject();

			add_str(c, "name", d->components[i].name);
			cJSON_AddNumberToObject(c, "copies", d->components[i].copies);
			cJSON_AddBoolToObject(c, "from_national", d->components[i].from_national);
			cJSON_AddBoolToObject(c, "provided", d->components[i].provided);
			cJSON_AddItemToArray(a, c);
		}
	}
	if (d->ndue) {
		a = cJSON_AddArrayToObject(o, "due_history");
		for (int i = 0; i < d->ndue; i++) {
			cJSON *c = cJSON_CreateObject();

			add_time(c, "old_due", d->due_history[i].old_due);
			add_time(c, "new_due", d->due_history[i].new_due);
			add_time(c, "at", d->due_history[i].at);
			add_str(c, "reason", d->due_history[i].reason);
			cJSON_AddItemToArray(a, c);
		}
	}
	if (d->nlog) {
		a = cJSON_AddArrayToObject(o, "log");
		for (int i = 0; i < d->nlog; i++) {
			const struct log_entry *l = &d->log[i];
			cJSON *c = cJSON_CreateObject();

			add_time(c, "at", l->at);
			add_str(c, "who", l->who);
			add_str(c, "role", l->role);
			add_str(c, "action", l->action);
			add_str(c, "note", l->note);
			if (l->from_status)
				cJSON_AddNumberToObject(c, "from_status", l->from_status);
			if (l->to_status)
				cJSON_AddNumberToObject(c, "to_status", l->to_status);
			cJSON_AddItemToArray(a, c);
		}
	}
	return o;
}

/* Labels padded by columns, not bytes: Vietnamese letters take several. */
static void line(FILE *out, const char *label, const char *value)
{
	char padded[128];

	if (!value || !*value)
		return;
	text_fit(padded, sizeof padded, label, 22, "", 1);
	put_line(out, "%s %s", padded, value);
}

/* A time for a person, hours first as on the forms; "—" when not set. */
static const char *shown(int64_t t, char *buf, size_t len)
{
	return t ? when_time_date(t, buf, len) : "\u2014";
}

void report_text_dossier(FILE *out, const struct dossier *d)
{
	char a[WHEN_LEN], b[WHEN_LEN], buf[256];

	line(out, _("Dossier"), dossier_number(d));
	if (d->number && !d->number[0])
		line(out, _("Id on the server"), d->code);
	snprintf(buf, sizeof buf, "%s%s%s", d->procedure_code ? d->procedure_code : "",
		 d->procedure_name ? " \u2014 " : "", d->procedure_name ? d->procedure_name : "");
	line(out, _("Procedure"), buf);
	snprintf(buf, sizeof buf, "%s%s%s%s", d->applicant_name ? d->applicant_name : "",
		 d->applicant_id ? " (" : "", d->applicant_id ? d->applicant_id : "",
		 d->applicant_id ? ")" : "");
	line(out, _("Applicant"), buf);
	line(out, _("Phone"), d->applicant_phone);
	line(out, _("Address"), d->applicant_address);
	line(out, _("Proxy"), d->proxy_name);
	snprintf(buf, sizeof buf, "%d %s", d->status, dossier_status_label(d));
	line(out, _("Status"), buf);
	line(out, _("Step"), d->step);
	line(out, _("Assignee"), d->assignee);
	line(out, _("Received"), shown(d->received_at, a, sizeof a));
	line(out, _("Due"), shown(d->due_at, b, sizeof b));
	for (int i = 0; i < d->ndue; i++) {
		snprintf(buf, sizeof buf, "%s \u2192 %s (%s)",
			 shown(d->due_history[i].old_due, a, sizeof a),
			 shown(d->due_history[i].new_due, b, sizeof b),
			 d->due_history[i].reason ? d->due_history[i].reason : "");
		line(out, i ? "" : _("Due date moved"), buf);
	}
	line(out, _("Finished"), when_time_date(d->finished_at, a, sizeof a));
	for (int i = 0; i < d->ncomponents; i++) {
		const struct component *c = &d->components[i];

		snprintf(buf, sizeof buf, "%s %s", c->from_national ? _("[✓ national data]") : _("[paper]"),
			 c->name ? c->name : "");
		line(out, i ? "" : _("Components"), buf);
	}
	if (d->allowed) {
		size_t used = 0;

		buf[0] = '\0';
		for (int i = 0; i < ACT_COUNT && used < sizeof buf; i++)
			if (d->allowed & (1u << i))
				used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
							 used ? ", " : "", action_name(i));
		line(out, _("Actions allowed"), buf);
	}
	if (d->nlog)
		fprintf(out, "%s\n", _("Log:"));
	for (int i = 0; i < d->nlog; i++) {
		const struct log_entry *l = &d->log[i];

		put_line(out, "  %s  %-18s %-10s %s%s%s", shown(l->at, a, sizeof a), l->action ? l->action : "",
			 l->role ? l->role : "", l->who ? l->who : "", l->note ? " \u2014 " : "",
			 l->note ? l->note : "");
	}
}

void report_record(FILE *out, const struct record *r, bool json)
{
	if (json) {
		cJSON *o = cJSON_CreateObject();

		for (int i = 0; i < r->n; i++)
			cJSON_AddStringToObject(o, r->kv[i].key, r->kv[i].value);
		report_json_print(out, o);
		cJSON_Delete(o);
		return;
	}
	for (int i = 0; i < r->n; i++) {
		put_cell(out, r->kv[i].key);
		fputc('\t', out);
		put_cell(out, r->kv[i].value);
		fputc('\n', out);
	}
}
