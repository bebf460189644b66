/* The profile loader's shared pieces (profile.c: the file, its parts and
 * its vocabularies; profile_op.c: one operation, its paging, templates of
 * array elements, formats, joins and resolves). Internal to client/api. */
#ifndef MOTCUA_PROFILE_INT_H
#define MOTCUA_PROFILE_INT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "profile.h"

/* Loading: errors say the file and the key being read. */
struct ctx {
	const char *file;
	char key[256];
	struct err *e;
	struct profile *p;
};

__attribute__((format(printf, 2, 3)))
int pf_fail(struct ctx *c, const char *fmt, ...);
/* Enter key (appended to the key path); returns the old length to leave. */
size_t pf_enter(struct ctx *c, const char *key);
void pf_leave(struct ctx *c, size_t old);
const char *pf_json_type(const cJSON *v);
/* A scalar of the profile as the text it is compared with. */
int pf_json_scalar(const cJSON *v, char *buf, size_t len);
int pf_check_keys(struct ctx *c, const cJSON *obj, const char *const *allowed);
const cJSON *pf_member(struct ctx *c, const cJSON *obj, const char *key, bool required,
		       int (*is)(const cJSON *), const char *what, int *rc);
int pf_is_string(const cJSON *v);
int pf_is_object(const cJSON *v);
int pf_is_bool(const cJSON *v);
int pf_is_number(const cJSON *v);
int pf_get_str(struct ctx *c, const cJSON *obj, const char *key, bool required, char **out);
int pf_get_bool(struct ctx *c, const cJSON *obj, const char *key, bool *out);
int pf_get_path(struct ctx *c, const cJSON *obj, const char *key, bool *has, struct jpath *out);
int pf_load_envelope(struct ctx *c, const cJSON *obj, struct envelope *env);
void pf_envelope_free(struct envelope *env);
/* A deep copy, so each operation owns its envelope. */
void pf_envelope_copy(struct envelope *dst, const struct envelope *src);
int pf_load_templates(struct ctx *c, const cJSON *obj, const char *key,
		      const char *const *known, struct kv_tmpl **out, int *n);
/* The variables an operation's templates may use. */
const char *const *pf_op_vars(enum op_id op);

/* profile_op.c */
int pf_load_op(struct ctx *c, const cJSON *obj, enum op_id id, const struct envelope *def_env);
void pf_op_free(struct op *op);

#endif
