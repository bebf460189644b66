#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/text.h"
#include "prompt.h"

void prompt_clear(struct prompt *p)
{
	p->text[0] = '\0';
	p->len = 0;
}

/* Erase back to the start of the last character. */
static void erase_char(struct prompt *p)
{
	while (p->len && ((unsigned char)p->text[p->len - 1] & 0xC0) == 0x80)
		p->len--;
	if (p->len)
		p->len--;
	p->text[p->len] = '\0';
}

static void erase_word(struct prompt *p)
{
	while (p->len && p->text[p->len - 1] == ' ')
		p->len--;
	while (p->len && p->text[p->len - 1] != ' ')
		p->len--;
	p->text[p->len] = '\0';
}

enum prompt_event prompt_key(struct prompt *p, km_key key)
{
	char enc[4];
	size_t n;

	switch (key) {
	case '\r':
	case '\n':
	case KM_FKEY | KEY_ENTER:
		return PROMPT_ACCEPTED;
	case 0x1b:		/* Esc */
	case 0x07:		/* Ctrl-G, as in Emacs and mutt */
		return PROMPT_CANCELLED;
	case KM_FKEY | KEY_BACKSPACE:
	case 0x7f:
	case 0x08:
		if (!p->len)
			return PROMPT_TAKEN;
		erase_char(p);
		return PROMPT_EDITED;
	case 0x17:		/* Ctrl-W */
		if (!p->len)
			return PROMPT_TAKEN;
		erase_word(p);
		return PROMPT_EDITED;
	case 0x15:		/* Ctrl-U */
		if (!p->len)
			return PROMPT_TAKEN;
		prompt_clear(p);
		return PROMPT_EDITED;
	default:
		break;
	}
	/* other control keys, function keys and Alt- keys are not text */
	if (key < 0x20 || (key >= 0x7f && key < 0xa0) || key > 0x10FFFF)
		return PROMPT_IGNORED;
	n = text_utf8_put(enc, (uint32_t)key);
	if (!n || p->len + n >= sizeof p->text)
		return PROMPT_TAKEN;
	memcpy(p->text + p->len, enc, n);
	p->len += n;
	p->text[p->len] = '\0';
	return PROMPT_EDITED;
}

enum prompt_event prompt_type(struct prompt *p, km_key key, const struct vnime *im)
{
	int r = key >= 0 && key < 0x7f ? vnime_type(im, p->text, &p->len, sizeof p->text, (uint32_t)key) : 0;

	if (r > 0)
		return PROMPT_EDITED;
	return r < 0 ? PROMPT_TAKEN : prompt_key(p, key);
}

int prompt_draw(const struct prompt *p, WINDOW *win, int y, int x, int width,
		const char *label, const char *ellipsis, bool editing)
{
	char shown[PROMPT_MAX + 8], fitted[PROMPT_MAX + 8];
	int room = width - text_width(label) - (editing ? 1 : 0), used;

	if (room < 1)
		return 0;
	text_fit(fitted, sizeof fitted, text_tail(p->text, room, ellipsis, shown, sizeof shown),
		 room, "", 0);
	wattron(win, A_BOLD);
	mvwaddstr(win, y, x, label);
	wattroff(win, A_BOLD);
	waddstr(win, fitted);
	used = text_width(label) + text_width(fitted);
	if (editing) {
		/* the terminal's cursor stays hidden: a block shows where typing goes */
		wattron(win, A_REVERSE);
		waddch(win, ' ');
		wattroff(win, A_REVERSE);
		used++;
	}
	return used;
}
