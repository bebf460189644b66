#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/text.h"
#include "keymaps/km.h"
#include "vscreen.h"

void vscreen_open(struct vscreen *vs, const char *term, int rows, int cols)
{
	struct err e = { "" };

	memset(vs, 0, sizeof *vs);
	vs->out = fopen("/dev/null", "w");
	vs->in = fopen("/dev/null", "r");
	ck_assert_ptr_nonnull(vs->out);
	ck_assert_ptr_nonnull(vs->in);
	ck_assert_msg(app_init(&vs->app, &e) == 0, "%s", e.msg);
	ck_assert_msg(ui_open(&vs->app, term, vs->out, vs->in, &e) == 0, "%s", e.msg);
	vscreen_resize(vs, rows, cols);
}

bool vscreen_language(const char *lang)
{
#if ENABLE_NLS
	const char *dir = getenv("MOTCUA_LOCALEDIR");
	char path[PATH_MAX];

	ck_assert_msg(dir && *dir, "MOTCUA_LOCALEDIR names no catalogs (make check sets it)");
	snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, lang, PACKAGE);
	if (access(path, R_OK) < 0)
		return false;	/* no msgfmt to make it */
	setenv("LANGUAGE", lang, 1);
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	ck_assert_msg(strcmp(_("Refuse"), "Refuse"), "the catalog %s is not used", path);
	return true;
#else
	(void)lang;
	return false;
#endif
}

void vscreen_close(struct vscreen *vs)
{
	ui_close(&vs->app);
	app_free(&vs->app);
	fclose(vs->out);
	fclose(vs->in);
}

void vscreen_resize(struct vscreen *vs, int rows, int cols)
{
	ui_resize(&vs->app, rows, cols);
	vscreen_draw(vs);
}

void vscreen_draw(struct vscreen *vs)
{
	ui_draw(&vs->app);
}

void vscreen_keys(struct vscreen *vs, const char *const *names, int n)
{
	for (int i = 0; i < n; i++) {
		struct err e;
		km_key k;

		ck_assert_msg(km_key_parse(names[i], &k, &e) == 0, "%s", e.msg);
		ui_key(&vs->app, k);
	}
	vscreen_draw(vs);
}

const char *vscreen_row(struct vscreen *vs, int y)
{
	static char row[4096];
	wchar_t w[1024];
	int n;
	size_t len;

	(void)vs;
	n = mvwinnwstr(curscr, y, 0, w, COLS < 1023 ? COLS : 1023);
	if (n == ERR)
		n = 0;
	w[n] = L'\0';
	len = wcstombs(row, w, sizeof row - 1);
	if (len == (size_t)-1)
		len = 0;
	row[len] = '\0';
	while (len && row[len - 1] == ' ')
		row[--len] = '\0';
	return row;
}

static cchar_t cell(int y, int x)
{
	cchar_t c;

	memset(&c, 0, sizeof c);
	mvwin_wch(curscr, y, x, &c);
	return c;
}

attr_t vscreen_attr(struct vscreen *vs, int y, int x)
{
	cchar_t c = cell(y, x);
	wchar_t w[CCHARW_MAX + 1];
	attr_t a;
	short pair;

	(void)vs;
	getcchar(&c, w, &a, &pair, NULL);
	return a & ~A_COLOR;
}

short vscreen_pair(struct vscreen *vs, int y, int x)
{
	cchar_t c = cell(y, x);
	wchar_t w[CCHARW_MAX + 1];
	attr_t a;
	short pair;

	(void)vs;
	getcchar(&c, w, &a, &pair, NULL);
	return pair;
}

bool vscreen_find(struct vscreen *vs, const char *text, int *y, int *x)
{
	for (int r = 0; r < LINES; r++) {
		const char *row = vscreen_row(vs, r);
		const char *hit = strstr(row, text);

		if (hit) {
			char head[4096];

			memcpy(head, row, (size_t)(hit - row));
			head[hit - row] = '\0';
			*y = r;
			*x = text_width(head);
			return true;
		}
	}
	return false;
}

const char *vscreen_dump(struct vscreen *vs)
{
	static char dump[65536];
	size_t used = 0;

	dump[0] = '\0';
	for (int r = 0; r < LINES && used < sizeof dump; r++) {
		int w = snprintf(dump + used, sizeof dump - used, "%2d|%s\n", r, vscreen_row(vs, r));

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return dump;
}
