/* Any engine record (a target of fields.h) to JSON and back, member names
 * being the model's field names: how the local store keeps what it does not
 * keep in columns. Independent of any profile. */
#ifndef MOTCUA_FIELDS_JSON_H
#define MOTCUA_FIELDS_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "core/err.h"
#include "fields.h"

/* lists: also the FK_LIST fields (components, log, ...). */
cJSON *fields_to_json(const struct target *t, const void *obj, bool lists);
/* Fill obj (zeroed by the caller) from o; members absent or null are left
 * alone. On error obj may be partly filled: free it as usual. */
int fields_from_json(const struct target *t, const cJSON *o, void *obj, struct err *e);

#endif
