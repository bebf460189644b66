/* What batch mode prints: dossiers as TSV (stable columns for scripts),
 * JSON (model field names) or text for a person; register records. The
 * same data through any profile prints the same bytes. */
#ifndef MOTCUA_REPORT_H
#define MOTCUA_REPORT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/model.h"

/* ISO 8601 at +07:00, "" when not set. */
void report_time(int64_t t, char *buf, size_t len);
/* "08:30 25/11/2025" for a person, "—" when not set. */
void report_display_time(int64_t t, char *buf, size_t len);

void report_tsv_header(FILE *out);
void report_tsv_dossier(FILE *out, const struct dossier *d);
cJSON *report_json_dossier(const struct dossier *d);
void report_text_dossier(FILE *out, const struct dossier *d);
void report_record(FILE *out, const struct record *r, bool json);

#endif
