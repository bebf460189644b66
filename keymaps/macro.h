/* Macros: a key in a context that types a sequence of keys for the clerk
 * (neomutt's `macro`, vim's recorded registers). A body is written as the
 * `macro` command takes it:
 *
 *   n1.001193<Enter><ask:ID number><F2><Space>5j<dossier-accept>
 *
 * characters stand for themselves, key names are those of km.h (<Enter>,
 * <C-a>, ...), <lt> is a literal '<', <op-name> runs an operation by name
 * and <ask:Prompt> lets the clerk type a value when the macro runs. Counts
 * ("5j") are plain keys: the screens read them as typed by hand. This module
 * parses and keeps them; the screens run them (screens/macro.c). */
#ifndef MOTCUA_MACRO_H
#define MOTCUA_MACRO_H

#include <stddef.h>

#include "core/err.h"
#include "km.h"

enum mstep_kind {
	MS_KEY,			/* a key, as if typed */
	MS_OP,			/* run the operation named text */
	MS_ASK,			/* the clerk types a value; text is the prompt */
};

struct mstep {
	enum mstep_kind kind;
	km_key key;		/* MS_KEY */
	char *text;		/* MS_OP, MS_ASK */
};

struct macro {
	char *context;
	km_key key;
	char *body;		/* as written */
	char *desc;		/* "" when none */
	struct mstep *steps;
	size_t nsteps;
};

struct macros {
	struct macro *m;
	size_t n, cap;
};

/* Parse body into steps (the caller frees them with macro_steps_free). On
 * an error e says at which character (1-based) and what was expected. An
 * empty body is an error: it would do nothing. */
int macro_parse(const char *body, struct mstep **steps, size_t *n, struct err *e);
void macro_steps_free(struct mstep *steps, size_t n);

/* A step as written in a body ("j", "<Enter>", "<dossier-accept>"), for
 * messages and for saving what was recorded. */
void macro_step_name(const struct mstep *s, char *buf, size_t len);

/* Define (or redefine) the macro of keyname in context. */
int macros_define(struct macros *ms, const char *context, const char *keyname,
		  const char *body, const char *desc, struct err *e);
/* The macro on key in context, else in KM_GENERIC; NULL if none. */
const struct macro *macros_find(const struct macros *ms, const char *context, km_key key);
/* Forget the i-th macro (the order of the others may change). */
void macros_remove(struct macros *ms, size_t i);
void macros_free(struct macros *ms);

#endif
