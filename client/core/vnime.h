/* Vietnamese typed on a keyboard without an input method: Telex, VNI and
 * VIQR, composed inside the client for clerks on a Linux console or a thin
 * SSH terminal (DESIGN.md section 8).
 *
 * The engine keeps no state of its own: each key is applied to the last
 * word of the text typed so far, read back into letters, vowel marks and
 * one tone. So a mark may come after the whole word (nguyenx: nguyễn), the
 * tone moves to the right vowel as letters follow (hòa + n: hoàn), and
 * Backspace needs nothing from the engine: it takes the last letter with
 * its marks, and typing on composes again from what is left. A key that
 * repeats a mark the word already has takes it off and is typed as itself
 * (ss: s, aaa: aa, ddd: dd). A word that cannot be Vietnamese (English, a
 * code, a mark undone) takes keys as they are. The result is NFC: one code
 * point per letter. */
#ifndef MOTCUA_VNIME_H
#define MOTCUA_VNIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* In the order of the `input-method` setting's words. */
enum vnime_method { VNIME_OFF, VNIME_TELEX, VNIME_VNI, VNIME_VIQR };

struct vnime {
	enum vnime_method method;
	/* the tone on the first vowel of oa, oe, uy ending a syllable (hòa,
	 * hòe, thúy); else on the second (hoà, hoè, thuý) */
	bool old_tones;
};

/* Apply key, typed after the len bytes of UTF-8 at text (room for cap
 * bytes with the NUL). Returns 1 when the engine rewrote the text (and
 * *len), 0 when the key is not the engine's (the method is off, the key is
 * not a printable ASCII character, the word cannot be Vietnamese): the
 * caller types it as usual; -1 when the result would not fit. */
int vnime_type(const struct vnime *im, char *text, size_t *len, size_t cap, uint32_t key);

/* A Vietnamese letter (or any ASCII letter) shown without its marks,
 * keeping its case: Ễ -> E, đ -> d; 0 for anything else. For terminals
 * that cannot show them. */
char vnime_ascii(int32_t cp);

#endif
