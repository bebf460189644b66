/* Keymaps: per context, a key maps to the stable name of an operation
 * ("quit", "inbox-filter", ...); a key not bound in a context falls back to
 * the "generic" context. Screens own the operation tables (name, handler,
 * help text, default keys); this module only knows names, so `bind` lines,
 * help screens and macros all come from one source. */
#ifndef MOTCUA_KM_H
#define MOTCUA_KM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

/* A key: a Unicode code point, or KM_FKEY | a curses KEY_* code for keys that
 * are not characters (arrows, function keys). */
#define KM_FKEY 0x1000000
typedef int km_key;

#define KM_GENERIC "generic"

struct keymap;

/* An empty keymap: the shipped bindings come from the screens' operation
 * tables (screen_keymap_new), the clerk's from key files. */
struct keymap *km_new(void);
void km_free(struct keymap *km);

int km_bind(struct keymap *km, const char *context, const char *keyname,
	    const char *op, struct err *e);
/* km_bind by the clerk: origin says where ("motcuarc:12", ":"), for the
 * help's list of the clerk's own keys; km_bind's are the shipped ones. */
int km_bind_from(struct keymap *km, const char *context, const char *keyname,
		 const char *op, const char *origin, struct err *e);
/* km_bind for each of keys: key names separated by spaces, "j <Down>". */
int km_bind_keys(struct keymap *km, const char *context, const char *keys,
		 const char *op, struct err *e);
int km_unbind(struct keymap *km, const char *context, const char *keyname, struct err *e);

/* The operation bound to key in context, or in "generic"; NULL if none. */
const char *km_lookup(const struct keymap *km, const char *context, km_key key);

/* The keys bound to op in context (not counting the fallback), as names
 * separated by ", " into buf; returns how many. */
size_t km_keys_for(const struct keymap *km, const char *context, const char *op,
		   char *buf, size_t len);

/* The keys that run op in context, as the client dispatches them: the
 * context's own bindings, then those of "generic" that the context does
 * not override; as km_keys_for. Help screens and key hints show these. */
size_t km_keys_in(const struct keymap *km, const char *context, const char *op,
		  char *buf, size_t len);

/* Every binding, one at a time: i from 0 to km_count() - 1. The strings
 * are the keymap's, valid until it changes; origin NULL: a shipped one. */
struct km_binding {
	const char *context;
	km_key key;
	const char *op;
	const char *origin;
};
size_t km_count(const struct keymap *km);
struct km_binding km_at(const struct keymap *km, size_t i);

/* Key names: a character as itself ("q", "đ"), <C-x>, <M-x>, and <Up>
 * <Down> <Left> <Right> <PageUp> <PageDown> <Home> <End> <Enter> <Tab>
 * <BackTab> <Esc> <Space> <Backspace> <Delete> <Insert> <F1>..<F12>. */
int km_key_parse(const char *name, km_key *key, struct err *e);
/* The i-th key name in <>, "<Up>" ... "<F12>", for completion; NULL past
 * the last. */
const char *km_key_named(size_t i, char *buf, size_t len);
void km_key_name(km_key key, char *buf, size_t len);

#endif
