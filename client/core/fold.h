/* Folding text for searching (DESIGN.md section 8: "nguyen" finds
 * "Nguyễn"). Vietnamese letters lose their tone and vowel marks, whether
 * precomposed (NFC) or written as a letter followed by combining marks
 * (NFD, or the mixed forms some input methods produce); đ and Đ become d;
 * ASCII, the rest of Latin-1 and Latin Extended-A, Greek and Cyrillic are
 * lower-cased; anything else is kept as it is, invalid bytes included. */
#ifndef MOTCUA_FOLD_H
#define MOTCUA_FOLD_H

#include <stddef.h>

/* Fold len bytes of UTF-8 at s into out (size bytes, NUL-terminated when
 * size > 0), never cutting a character. Returns the length of the whole
 * folded text, like snprintf: a result >= size means out holds only its
 * beginning. The folded text is never longer than s, so len + 1 bytes
 * always hold it. */
size_t fold_text(char *out, size_t size, const char *s, size_t len);

#endif
