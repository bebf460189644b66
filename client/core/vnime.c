#include "config.h"

#include <string.h>

#include "text.h"
#include "vnime.h"

enum mark { MK_NONE, MK_HAT, MK_BREVE, MK_HORN, MK_BAR };
enum tone { TN_NONE, TN_GRAVE, TN_ACUTE, TN_HOOK, TN_TILDE, TN_DOT };

/* Each vowel with its tones in enum tone's order, small then capital. */
static const struct {
	char base;
	enum mark mark;
	const char *small, *capital;
} vowels[] = {
	{ 'a', MK_NONE, "aàáảãạ", "AÀÁẢÃẠ" },
	{ 'a', MK_BREVE, "ăằắẳẵặ", "ĂẰẮẲẴẶ" },
	{ 'a', MK_HAT, "âầấẩẫậ", "ÂẦẤẨẪẬ" },
	{ 'e', MK_NONE, "eèéẻẽẹ", "EÈÉẺẼẸ" },
	{ 'e', MK_HAT, "êềếểễệ", "ÊỀẾỂỄỆ" },
	{ 'i', MK_NONE, "iìíỉĩị", "IÌÍỈĨỊ" },
	{ 'o', MK_NONE, "oòóỏõọ", "OÒÓỎÕỌ" },
	{ 'o', MK_HAT, "ôồốổỗộ", "ÔỒỐỔỖỘ" },
	{ 'o', MK_HORN, "ơờớởỡợ", "ƠỜỚỞỠỢ" },
	{ 'u', MK_NONE, "uùúủũụ", "UÙÚỦŨỤ" },
	{ 'u', MK_HORN, "ưừứửữự", "ƯỪỨỬỮỰ" },
	{ 'y', MK_NONE, "yỳýỷỹỵ", "YỲÝỶỸỴ" },
};
#define NVOWELS (sizeof vowels / sizeof vowels[0])

/* What may start, carry and end a syllable, by base letters (đ is a d),
 * as it is typed: each beginning of an onset or an ending is one too. The
 * vowel groups are those of Vietnamese without their marks (ươ is uo). */
static const char *const onsets[] = {
	"", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
	"nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x", NULL,
};
static const char *const nuclei[] = {
	"a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu",
	"oa", "oe", "oi", "ua", "ue", "ui", "uo", "uu", "uy", "ya", "ye", "ieu", "oai", "oao",
	"oay", "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu", "yeu", NULL,
};
static const char *const finals[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL };
/* The vowel groups with their marks that Vietnamese writes: where a mark
 * key may put its mark (aw on oa: oă, not ơa). */
static const char *const marked[] = {
	"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay",
	"âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua",
	"uâ", "uê", "ui", "uô", "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "yê", "oai", "oay", "oeo",
	"uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "iêu", "yêu", NULL,
};

struct letter {
	char base;		/* a..z */
	unsigned char mark;	/* enum mark */
	bool capital;
};

/* The last word of the text: at most WORD_MAX letters, one tone. */
#define WORD_MAX 10
struct word {
	struct letter l[WORD_MAX];
	int n;
	enum tone tone;
	int tone_at;		/* the letter that carries it */
	int on, ne;		/* onset [0, on), vowels [on, ne), final [ne, n) */
};

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

static int32_t nth_cp(const char *s, int n)
{
	int32_t cp = -1;

	for (int i = 0; i <= n; i++)
		s += text_utf8_next(s, strlen(s), &cp);
	return cp;
}

/* cp as a letter and a tone; false if it is not a letter Vietnamese writes. */
static bool decode(int32_t cp, struct letter *l, enum tone *t)
{
	*t = TN_NONE;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
		*l = (struct letter){ (char)(cp | 0x20), MK_NONE, cp < 'a' };
		return true;
	}
	if (cp == 0x110 || cp == 0x111) {	/* Đ đ */
		*l = (struct letter){ 'd', MK_BAR, cp == 0x110 };
		return true;
	}
	if (cp < 0xC0)
		return false;
	for (size_t v = 0; v < NVOWELS; v++)
		for (int k = 0; k < 6; k++) {
			bool small = nth_cp(vowels[v].small, k) == cp;

			if (small || nth_cp(vowels[v].capital, k) == cp) {
				*l = (struct letter){ vowels[v].base, (unsigned char)vowels[v].mark, !small };
				*t = (enum tone)k;
				return true;
			}
		}
	return false;
}

static int32_t encode(struct letter l, enum tone t)
{
	if (l.mark == MK_BAR)
		return l.capital ? 0x110 : 0x111;
	for (size_t v = 0; v < NVOWELS; v++)
		if (vowels[v].base == l.base && vowels[v].mark == l.mark)
			return nth_cp(l.capital ? vowels[v].capital : vowels[v].small, t);
	return l.capital ? l.base - 0x20 : l.base;
}

char vnime_ascii(int32_t cp)
{
	struct letter l;
	enum tone t;

	if (!decode(cp, &l, &t))
		return 0;
	return l.capital ? (char)(l.base - 0x20) : l.base;
}

static bool vowel(struct letter l)
{
	return strchr("aeiouy", l.base) != NULL;
}

/* The bases of letters [from, to), or with marks (no tone, small). */
static const char *spell(const struct word *w, int from, int to, bool marks, char *buf)
{
	size_t k = 0;

	for (int i = from; i < to; i++)
		if (marks) {
			struct letter l = w->l[i];

			l.capital = false;
			k += text_utf8_put(buf + k, (uint32_t)encode(l, TN_NONE));
		} else {
			buf[k++] = w->l[i].base;
		}
	buf[k] = '\0';
	return buf;
}

/* Split w into onset, vowels and final; whether it may be (the beginning
 * of) a Vietnamese syllable. */
static bool parse(struct word *w)
{
	char buf[4 * WORD_MAX + 1];
	int i = 0;

	while (i < w->n && !vowel(w->l[i]))
		i++;
	/* qu and gi before a vowel are onsets: qua, già (but gì, gìn) */
	if (i == 1 && w->l[0].base == 'q' && w->n > 1 && w->l[1].base == 'u' && !w->l[1].mark)
		i = 2;
	else if (i == 1 && w->l[0].base == 'g' && w->n > 2 && w->l[1].base == 'i' && vowel(w->l[2]))
		i = 2;
	w->on = i;
	while (i < w->n && vowel(w->l[i]))
		i++;
	w->ne = i;
	for (int k = 0; k < w->n; k++)
		if (w->l[k].mark == MK_BAR && k)
			return false;	/* đ starts a word */
	for (; i < w->n; i++)
		if (vowel(w->l[i]))
			return false;
	return in_list(onsets, spell(w, 0, w->on, false, buf)) &&
	       (w->on == w->ne || in_list(nuclei, spell(w, w->on, w->ne, false, buf))) &&
	       in_list(finals, spell(w, w->ne, w->n, false, buf));
}

/* The vowel that carries the tone. Marked vowels first (the second of ươ),
 * then: one vowel; the last before a final (hoàn); the middle of three
 * (ngoài); the second of oa, oe, uy in the new style (hoà), else the first
 * (mía, hòa). */
static int tone_place(const struct word *w, bool old_tones)
{
	char buf[4 * WORD_MAX + 1];
	int nv = w->ne - w->on, at = -1;

	for (int i = w->on; i < w->ne; i++)
		if (w->l[i].mark)
			at = i;
	if (at >= 0)
		return at;
	if (nv == 1 || w->ne < w->n)
		return w->ne - 1;
	if (nv == 3)
		return w->on + 1;
	spell(w, w->on, w->ne, false, buf);
	if (!old_tones && (!strcmp(buf, "oa") || !strcmp(buf, "oe") || !strcmp(buf, "uy")))
		return w->on + 1;
	return w->on;
}

/* After a change: ươ before more letters, uơ ending the syllable (thuở,
 * huơ); the tone on its vowel. */
static void settle(struct word *w, bool old_tones)
{
	for (int i = w->on; i + 1 < w->ne; i++)
		if (w->l[i].base == 'u' && w->l[i + 1].base == 'o' &&
		    (w->l[i].mark == MK_HORN || w->l[i + 1].mark == MK_HORN)) {
			w->l[i].mark = i + 2 < w->n ? MK_HORN : MK_NONE;
			w->l[i + 1].mark = MK_HORN;
		}
	if (w->tone != TN_NONE && w->ne > w->on)
		w->tone_at = tone_place(w, old_tones);
}

enum action { A_NONE, A_TONE, A_HAT, A_BREVE, A_HORN, A_W, A_BAR };

/* What key k (ASCII, small) does in method m; *tone for A_TONE. */
static enum action classify(enum vnime_method m, char k, enum tone *tone)
{
	static const char *const tones[] = {
		[VNIME_TELEX] = "zfsrxj", [VNIME_VNI] = "021345", [VNIME_VIQR] = "-`'?~.",
	};
	const char *at = m != VNIME_OFF ? strchr(tones[m], k) : NULL;

	if (at && k) {
		*tone = (enum tone)(at - tones[m]);
		/* VIQR has no key that takes a tone off: '-' is typed as itself */
		return m == VNIME_VIQR && *tone == TN_NONE ? A_NONE : A_TONE;
	}
	switch (m) {
	case VNIME_TELEX:
		return k == 'a' || k == 'e' || k == 'o' ? A_HAT : k == 'w' ? A_W : k == 'd' ? A_BAR : A_NONE;
	case VNIME_VNI:
		return k == '6' ? A_HAT : k == '7' ? A_HORN : k == '8' ? A_BREVE : k == '9' ? A_BAR : A_NONE;
	case VNIME_VIQR:
		return k == '^' ? A_HAT : k == '(' ? A_BREVE : k == '+' || k == '*' ? A_HORN :
		       k == 'd' ? A_BAR : A_NONE;
	default:
		return A_NONE;
	}
}

/* Whether mark mk may go on letter l for a key of action a (telex a, e,
 * o mark only themselves). */
static bool takes(struct letter l, enum action a, enum mark mk, char key)
{
	if (a == A_HAT)
		return strchr("aeo", l.base) && (key == '6' || key == '^' || key == l.base);
	if (mk == MK_BREVE)
		return l.base == 'a';
	return l.base == 'o' || l.base == 'u';
}

static enum mark mark_for(enum action a, struct letter l)
{
	if (a == A_HAT)
		return MK_HAT;
	if (a == A_BREVE || (a == A_W && l.base == 'a'))
		return MK_BREVE;
	return MK_HORN;
}

/* i looks like a place for the mark: the vowels it makes are written. */
static bool fits(struct word *w, int i, enum mark mk)
{
	char buf[4 * WORD_MAX + 1];
	unsigned char was = w->l[i].mark;
	bool ok;

	w->l[i].mark = (unsigned char)mk;
	ok = in_list(marked, spell(w, w->on, w->ne, true, buf));
	w->l[i].mark = was;
	return ok;
}

/* A vowel mark; *undo when the key took one off (and is typed itself). */
static bool put_mark(struct word *w, enum action a, char key, bool *undo)
{
	for (int i = w->on; i + 1 < w->ne && (a == A_HORN || a == A_W); i++)
		if (w->l[i].base == 'u' && w->l[i + 1].base == 'o') {	/* uo, ưo, uơ: ươ */
			*undo = w->l[i].mark == MK_HORN && w->l[i + 1].mark == MK_HORN;
			w->l[i].mark = w->l[i + 1].mark = *undo ? MK_NONE : MK_HORN;
			return true;
		}
	for (int i = w->on; i < w->ne; i++) {
		enum mark mk = mark_for(a, w->l[i]);

		if (takes(w->l[i], a, mk, key) && w->l[i].mark == mk) {
			w->l[i].mark = MK_NONE;
			return *undo = true;
		}
	}
	for (int i = w->on; i < w->ne; i++) {
		enum mark mk = mark_for(a, w->l[i]);

		if (takes(w->l[i], a, mk, key) && fits(w, i, mk)) {
			w->l[i].mark = (unsigned char)mk;
			return true;
		}
	}
	return false;
}

/* ie, ye before a final or a u are always iê, yê: tiến, nguyễn, yêu. */
static void circumflex_ie(struct word *w)
{
	for (int i = w->on; i + 1 < w->ne; i++)
		if ((w->l[i].base == 'i' || w->l[i].base == 'y') && w->l[i + 1].base == 'e' &&
		    !w->l[i + 1].mark && (i + 2 < w->ne ? w->l[i + 2].base == 'u' : w->ne < w->n))
			w->l[i + 1].mark = MK_HAT;
}

/* Apply key to w; false if it is typed as a letter. *undo: a mark was taken
 * off and the key is typed after the word. */
static bool apply(const struct vnime *im, struct word *w, char key, bool *undo)
{
	enum tone t = TN_NONE;
	char k = key >= 'A' && key <= 'Z' ? key | 0x20 : key;
	enum action a = classify(im->method, k, &t);

	*undo = false;
	switch (a) {
	case A_TONE:
		if (w->ne == w->on || (t == TN_NONE && w->tone == TN_NONE))
			return false;
		if (t != TN_NONE && w->tone == t) {
			w->tone = TN_NONE;
			return *undo = true;
		}
		w->tone = t;
		circumflex_ie(w);
		return true;
	case A_BAR:
		if (!w->n || w->l[0].base != 'd')
			return false;
		*undo = w->l[0].mark == MK_BAR;
		w->l[0].mark = *undo ? MK_NONE : MK_BAR;
		return true;
	case A_W:
		/* w alone is ư (nhw: như); ww gives the w back */
		if (w->ne == w->on && w->ne == w->n && w->n < WORD_MAX) {
			w->l[w->n++] = (struct letter){ 'u', MK_HORN, key == 'W' };
			w->ne++;
			return true;
		}
		if (w->n == 1 && w->l[0].mark == MK_HORN && w->l[0].base == 'u') {
			w->n = 0;
			return *undo = true;
		}
		return put_mark(w, a, k, undo);
	case A_HAT:
	case A_BREVE:
	case A_HORN:
		return put_mark(w, a, k, undo);
	default:
		return false;
	}
}

/* Read the last word of text[0, len) into w; its first byte. -1 if it is
 * longer than a syllable or holds more than one tone. */
static long read_word(const char *text, size_t len, struct word *w)
{
	struct letter rev[WORD_MAX + 1];
	enum tone tones[WORD_MAX + 1];
	size_t at = len;
	int n = 0;

	w->tone = TN_NONE;
	w->tone_at = -1;
	while (at) {
		size_t start = at - 1;
		int32_t cp;

		while (start && ((unsigned char)text[start] & 0xC0) == 0x80)
			start--;
		if (text_utf8_next(text + start, at - start, &cp) != at - start ||
		    !decode(cp, &rev[n], &tones[n]))
			break;
		if (++n > WORD_MAX)
			return -1;
		at = start;
	}
	w->n = n;
	for (int i = 0; i < n; i++) {
		w->l[i] = rev[n - 1 - i];
		if (tones[n - 1 - i] == TN_NONE)
			continue;
		if (w->tone != TN_NONE)
			return -1;
		w->tone = tones[n - 1 - i];
		w->tone_at = i;
	}
	return (long)at;
}

int vnime_type(const struct vnime *im, char *text, size_t *len, size_t cap, uint32_t key)
{
	char out[4 * WORD_MAX + 2];
	struct word w;
	enum tone none;
	long start;
	bool undo;
	size_t k = 0;

	if (!im || im->method == VNIME_OFF || key <= ' ' || key >= 0x7f)
		return 0;
	start = read_word(text, *len, &w);
	if (start < 0 || !parse(&w))
		return 0;
	if (!apply(im, &w, (char)key, &undo)) {
		bool letter = (key | 0x20) >= 'a' && (key | 0x20) <= 'z';

		if (!letter || w.n == WORD_MAX)
			return 0;
		decode((int32_t)key, &w.l[w.n++], &none);
		if (!parse(&w))
			return 0;
	}
	if (!undo) {
		parse(&w);
		settle(&w, im->old_tones);
	}
	for (int i = 0; i < w.n; i++)
		k += text_utf8_put(out + k, (uint32_t)encode(w.l[i], i == w.tone_at ? w.tone : TN_NONE));
	if (undo)
		out[k++] = (char)key;
	if ((size_t)start + k >= cap)
		return -1;
	memcpy(text + start, out, k);
	*len = (size_t)start + k;
	text[*len] = '\0';
	return 1;
}
