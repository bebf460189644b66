/* What batch mode prints: dossiers as TSV (stable columns for scripts),
 * JSON (model field names) or text for a person; register records. The
 * same data through any profile prints the same bytes.
 *
 * Nothing a server sent reaches the terminal as it is. Text output is made
 * safe by text_safe() (text.h): controls, bidi and invisible characters
 * and bytes that are not UTF-8 become U+FFFD; inside a TSV cell or a
 * labelled line, tabs and line breaks become spaces. JSON output keeps the
 * server's text exactly, in escapes: cJSON escapes C0 controls, and
 * report_json_print() escapes the rest of what text_hidden() names as
 * \uXXXX, and each byte that is not UTF-8 as \ufffd, so the JSON is plain
 * UTF-8 that shows nothing hidden. */
#ifndef MOTCUA_REPORT_H
#define MOTCUA_REPORT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/model.h"

void report_tsv_header(FILE *out);
void report_tsv_dossier(FILE *out, const struct dossier *d);
cJSON *report_json_dossier(const struct dossier *d);
void report_text_dossier(FILE *out, const struct dossier *d);
void report_record(FILE *out, const struct record *r, bool json);

/* o as JSON on its own line(s), escaped as said above. */
void report_json_print(FILE *out, const cJSON *o);
/* printf, made safe to show: the tabs and line breaks of fmt's layout
 * stay, and so do those of the values (a TSV column of free text is the
 * caller's to flatten). */
void report_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
