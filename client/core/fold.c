#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fold.h"
#include "text.h"

/* U+00C0..U+00FF: the base letter of each Vietnamese letter, '-' for the
 * others. Ð and ð count as d: text converted from the old Vietnamese
 * encodings often carries them for Đ and đ. */
static const char latin1[64 + 1] =
	"aaaa----" "eee-ii--" "d-oooo--" "-uu--y--"	/* À..ß */
	"aaaa----" "eee-ii--" "d-oooo--" "-uu--y--";	/* à..ÿ */

/* The Vietnamese letters of Latin Extended-A and -B. */
static const struct {
	uint16_t cp;
	char base;
} latin_ext[] = {
	{ 0x102, 'a' }, { 0x103, 'a' },	/* Ă ă */
	{ 0x110, 'd' }, { 0x111, 'd' },	/* Đ đ */
	{ 0x128, 'i' }, { 0x129, 'i' },	/* Ĩ ĩ */
	{ 0x168, 'u' }, { 0x169, 'u' },	/* Ũ ũ */
	{ 0x1A0, 'o' }, { 0x1A1, 'o' },	/* Ơ ơ */
	{ 0x1AF, 'u' }, { 0x1B0, 'u' },	/* Ư ư */
};

/* U+1EA0..U+1EF9, Latin Extended Additional's Vietnamese letters, in
 * runs of one base letter: each entry is the last code point of its run. */
#define VN_FIRST 0x1EA0
static const struct {
	uint16_t last;
	char base;
} vn_block[] = {
	{ 0x1EB7, 'a' },	/* Ạ..ặ */
	{ 0x1EC7, 'e' },	/* Ẹ..ệ */
	{ 0x1ECB, 'i' },	/* Ỉ..ị */
	{ 0x1EE3, 'o' },	/* Ọ..ợ */
	{ 0x1EF1, 'u' },	/* Ụ..ự */
	{ 0x1EF9, 'y' },	/* Ỳ..ỹ */
};

/* The combining marks Vietnamese is written with, as bits from U+0300:
 * the five tones (grave, acute, tilde, hook above, dot below), circumflex,
 * breve and horn. U+0340 and U+0341, the old grave and acute tone marks,
 * are dropped too. Other marks (a German umlaut, say) are kept. */
#define VN_MARKS (1ull << 0x00 | 1ull << 0x01 | 1ull << 0x02 | 1ull << 0x03 | \
		  1ull << 0x06 | 1ull << 0x09 | 1ull << 0x1B | 1ull << 0x23)

static bool vn_mark(int32_t c)
{
	if (c >= 0x300 && c < 0x340)
		return VN_MARKS >> (c - 0x300) & 1;
	return c == 0x340 || c == 0x341;
}

/* Lower case where it is one code point away: Latin-1, Latin Extended-A,
 * Greek and Cyrillic capitals. Locale-independent on purpose, so a search
 * finds the same rows whatever the clerk's locale. */
static int32_t lower_simple(int32_t c)
{
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
			return c;	/* İ ı ĸ ŉ ſ: no simple pair */
		if (c == 0x178)
			return 0xFF;	/* Ÿ */
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c & 1 ? c + 1 : c;	/* capitals on odd code points */
		return c & 1 ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 0x20;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

/* The folded form of a non-ASCII code point: another code point (an ASCII
 * letter for a Vietnamese one), or 0 to drop it. */
static int32_t fold_cp(int32_t c)
{
	if (c < 0xC0)
		return c;
	if (c < 0x100)
		return latin1[c - 0xC0] != '-' ? latin1[c - 0xC0] : lower_simple(c);
	if (c <= 0x1B0) {
		for (size_t i = 0; i < sizeof latin_ext / sizeof latin_ext[0]; i++)
			if (latin_ext[i].cp == c)
				return latin_ext[i].base;
		return lower_simple(c);
	}
	if (vn_mark(c))
		return 0;
	if (c >= VN_FIRST && c <= vn_block[sizeof vn_block / sizeof vn_block[0] - 1].last)
		for (size_t i = 0;; i++)
			if (c <= vn_block[i].last)
				return vn_block[i].base;
	return lower_simple(c);
}

/* Where folded text goes: out holds a beginning of it, total counts it
 * all. Once a character does not fit, nothing after it is written either. */
struct sink {
	char *out;
	size_t size, written, total;
	bool full;
};

static void emit(struct sink *k, const char *src, size_t n)
{
	if (!k->full && k->written + n < k->size) {
		memcpy(k->out + k->written, src, n);
		k->written += n;
	} else {
		k->full = true;
	}
	k->total += n;
}

size_t fold_text(char *out, size_t size, const char *s, size_t len)
{
	struct sink k = { out, size, 0, 0, size == 0 };
	size_t i = 0;

	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		char enc[4];
		int32_t cp, f;
		size_t r;

		if (b < 0x80) {
			char c = (char)(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);

			emit(&k, &c, 1);
			i++;
			continue;
		}
		r = text_utf8_next(s + i, len - i, &cp);
		f = cp < 0 ? cp : fold_cp(cp);
		if (f == cp)
			emit(&k, s + i, r);	/* kept as it is, invalid bytes too */
		else if (f)
			emit(&k, enc, text_utf8_put(enc, (uint32_t)f));
		i += r;
	}
	if (size)
		out[k.written] = '\0';
	return k.total;
}
