#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "app/session.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "macro.h"
#include "ui.h"

int ui_check_terminal(struct err *e)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO))
		return err_set(e, _("standard input is not a terminal; the client needs one"));
	if (!isatty(STDOUT_FILENO))
		return err_set(e, _("standard output is not a terminal; the client needs one"));
	if (!term || !*term)
		return err_set(e, _("TERM is not set; set it to your terminal type (e.g. xterm-256color)"));
	return 0;
}

/* Both forms of the cursor keys, and the usual ones of Home and End. A
 * terminal in application mode sends ESC O B for Down, one in normal mode
 * ESC [ B; terminfo names one form per TERM, and terminals that never
 * switch (some SSH clients and multiplexers) send the other. Home and End
 * come as xterm, rxvt and the Linux console send them; the keypad's centre
 * and Enter as in application keypad mode. */
static const struct {
	const char *seq;
	int key;
} key_forms[] = {
	{ "\033[A", KEY_UP }, { "\033OA", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033OB", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033OC", KEY_RIGHT }, { "\033[D", KEY_LEFT }, { "\033OD", KEY_LEFT },
	{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME }, { "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
	{ "\033[F", KEY_END }, { "\033OF", KEY_END }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
	{ "\033[E", KEY_B2 }, { "\033OE", KEY_B2 }, { "\033OM", KEY_ENTER },
};

/* Teach the terminal's key table the forms its terminfo entry lacks; a
 * sequence the entry gives another key keeps that meaning. */
static void define_key_forms(void)
{
	for (size_t i = 0; i < sizeof key_forms / sizeof key_forms[0]; i++)
		if (key_defined(key_forms[i].seq) == 0)
			define_key(key_forms[i].seq, key_forms[i].key);
}

/* The keypad's keys as the keys they stand for (the numeric keypad's
 * layout: 7 Home, 9 PageUp, 1 End, 3 PageDown; a VT220's Find and Select
 * sit where Home and End are), so a binding of <Home> or <Enter> works
 * from either. */
static km_key keypad_key(wint_t k)
{
	switch (k) {
	case KEY_A1:
	case KEY_FIND:
		return KM_FKEY | KEY_HOME;
	case KEY_A3:
		return KM_FKEY | KEY_PPAGE;
	case KEY_C1:
	case KEY_SELECT:
		return KM_FKEY | KEY_END;
	case KEY_C3:
		return KM_FKEY | KEY_NPAGE;
	case KEY_ENTER:
		return '\r';
	default:
		return (km_key)(KM_FKEY | k);
	}
}

int ui_open(struct app *app, const char *term, FILE *out, FILE *in, struct err *e)
{
	return ui_open_themed(app, term, out, in, NULL, e);
}

int ui_open_themed(struct app *app, const char *term, FILE *out, FILE *in,
		   const struct theme *theme, struct err *e)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	const char *no_color = getenv("NO_COLOR");
	size_t nscreens = 0;

	if (!term)
		term = getenv("TERM");
	ui->term = newterm(term, out, in);
	if (!ui->term) {
		free(ui);
		return err_set(e, _("unknown terminal type '%s'; set TERM to a type this system knows (e.g. xterm-256color)"),
			       term ? term : "");
	}
	set_term(ui->term);
	ui->out = out;
	ui->in = in;
	app->ui = ui;

	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	define_key_forms();
	nodelay(stdscr, TRUE);
	set_escdelay(25);	/* Esc cancels: do not make the clerk wait */
	curs_set(0);
	ui->no_color = no_color && *no_color;
	if (theme)
		ui->theme = *theme;
	else
		theme_default(&ui->theme);
	/* once, with the theme chosen: colours started for another would
	 * leave their escapes behind */
	theme_apply(&ui->theme, ui->no_color);
	ui->ellipsis = strcmp(nl_langinfo(CODESET), "UTF-8") ? "~" : "\u2026";
	/* said once, unless a broken setting has the status line already;
	 * text_fit shows the letters without their marks meanwhile */
	if (*ui->ellipsis == '~' && !app->msg[0])
		app_message(app, MSG_INFO, "%s",
			    _("this terminal is not UTF-8: Vietnamese is shown without its marks; set LANG to a UTF-8 locale such as vi_VN.UTF-8"));
	ui->km = screen_keymap_new();
	while (screen_registry[nscreens])
		nscreens++;
	ui->state = xcalloc(nscreens, sizeof *ui->state);
	ui->screen = &screen_inbox;
	ui_resize(app, LINES, COLS);
	return 0;
}

static void free_windows(struct ui *ui)
{
	WINDOW **w[] = { &ui->title, &ui->body, &ui->status };

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		if (*w[i])
			delwin(*w[i]);
		*w[i] = NULL;
	}
}

void ui_close(struct app *app)
{
	struct ui *ui = app->ui;

	if (!ui)
		return;
	/* screens stop what they started (a fetch) before their state goes */
	while (ui->nunder)
		ui_pop(app);
	if (ui->tick)
		loop_timer_cancel(&app->loop, ui->tick);
	free_windows(ui);
	endwin();
	delscreen(ui->term);
	km_free(ui->km);
	cmdline_free(&ui->cmdline);
	free(ui->held_error);
	for (size_t i = 0; screen_registry[i]; i++) {
		const struct screen *s = screen_registry[i];

		if (ui->state[i] && s->state_free)
			s->state_free(app, ui->state[i]);
		free(ui->state[i]);
	}
	free(ui->state);
	free(ui);
	app->ui = NULL;
}

void *ui_state(struct app *app, const struct screen *s)
{
	struct ui *ui = app->ui;
	size_t i = 0;

	if (!ui)
		return NULL;
	while (screen_registry[i] && screen_registry[i] != s)
		i++;
	/* not registered, or keeping no state: a bug in a screen */
	if (!screen_registry[i] || !s->state_size)
		abort();
	if (!ui->state[i])
		ui->state[i] = xcalloc(1, s->state_size);
	return ui->state[i];
}

void *ui_state_made(struct app *app, const struct screen *s)
{
	struct ui *ui = app->ui;

	for (size_t i = 0; ui && screen_registry[i]; i++)
		if (screen_registry[i] == s)
			return ui->state[i];
	return NULL;
}

/* The windows for the terminal's size, with a status bar of status_rows
 * (a long message takes a second row from the body). */
static void layout(struct app *app, int status_rows)
{
	struct ui *ui = app->ui;

	free_windows(ui);
	ui->rows = LINES;
	ui->cols = COLS;
	/* stdscr is only the input window: keep it untouched so reading a key
	 * never repaints it over the others. */
	wnoutrefresh(stdscr);
	if (ui->rows >= UI_MIN_ROWS && ui->cols >= UI_MIN_COLS) {
		ui->title = newwin(1, ui->cols, 0, 0);
		ui->body = newwin(ui->rows - 1 - status_rows, ui->cols, 1, 0);
		ui->status = newwin(status_rows, ui->cols, ui->rows - status_rows, 0);
	} else {
		ui->body = newwin(ui->rows, ui->cols, 0, 0);
	}
	wbkgdset(ui->body, ' ' | theme_attr(&ui->theme, TH_DEFAULT));
	app->redraw |= RD_ALL;
}

void ui_resize(struct app *app, int rows, int cols)
{
	if (rows != LINES || cols != COLS)
		resize_term(rows, cols);
	/* the terminal moved or cut what it showed (a shorter window keeps
	 * its bottom rows, a narrower one wraps or drops): what curses thinks
	 * is there is no longer, so the next update repaints it all */
	clearok(curscr, TRUE);
	layout(app, 1);
}

static void draw_too_small(struct ui *ui)
{
	char need[64];
	const char *what = _("Terminal too small");

	snprintf(need, sizeof need, _("%dx%d, needs %dx%d"),
		 ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	werase(ui->body);
	mvwaddstr(ui->body, ui->rows / 2 - (ui->rows > 1), 0, what);
	if (ui->rows > 1)
		mvwaddstr(ui->body, ui->rows / 2, 0, need);
	wnoutrefresh(ui->body);
}

void ui_draw(struct app *app)
{
	struct ui *ui = app->ui;
	unsigned flags = app->redraw;

	if (!flags && !app->bell)
		return;
	if (ui->status && getmaxy(ui->status) != ui_status_rows(app, ui->cols)) {
		layout(app, ui_status_rows(app, ui->cols));
		flags = app->redraw;
	}
	app->redraw = RD_NONE;
	if (app->bell) {
		beep();
		app->bell = false;
	}
	if (!ui->title) {
		draw_too_small(ui);
	} else {
		if (flags & RD_TITLE) {
			ui_draw_title(app, ui->title);
			wnoutrefresh(ui->title);
		}
		if (flags & RD_BODY) {
			werase(ui->body);
			ui->screen->draw(app, ui->body, flags);
			wnoutrefresh(ui->body);
		}
		if (flags & RD_STATUS) {
			ui_draw_status(app, ui->status);
			wnoutrefresh(ui->status);
		}
	}
	doupdate();
}

const struct vnime *ui_ime(struct app *app)
{
	struct ui *ui = app->ui;
	enum vnime_method set = (enum vnime_method)app->conf.input_method;

	ui->ime.method = !ui->ime_toggled ? set : set == VNIME_OFF ? VNIME_TELEX : VNIME_OFF;
	ui->ime.old_tones = app->conf.tone_style == CONF_TONE_OLD;
	return &ui->ime;
}

const char *ui_ime_name(struct app *app)
{
	static const char *const names[] = {
		[VNIME_OFF] = NULL, [VNIME_TELEX] = "Telex", [VNIME_VNI] = "VNI", [VNIME_VIQR] = "VIQR",
	};

	return names[ui_ime(app)->method];
}

unsigned ui_ime_toggle(struct app *app)
{
	app->ui->ime_toggled = !app->ui->ime_toggled;
	if (!ui_ime_name(app))
		app_message(app, MSG_INFO, "%s", _("Vietnamese typing off: keys are typed as they are"));
	else
		/* TRANSLATORS: %s names the input method: Telex, VNI or VIQR */
		app_message(app, MSG_INFO, _("Vietnamese typing on: %s"), ui_ime_name(app));
	return RD_STATUS;
}

unsigned ui_push(struct app *app, const struct screen *s)
{
	struct ui *ui = app->ui;

	/* the lock always goes on (and its help): the stack keeps what is open */
	if (ui->nunder >= UI_STACK_MAX && !(s->covers && ui->nunder == UI_STACK_MAX) &&
	    !(ui->screen->covers && ui->nunder == UI_STACK_MAX + 1)) {
		app_message(app, MSG_ERROR, "%s", _("too many screens open: close one first"));
		return RD_STATUS;
	}
	ui->under[ui->nunder++] = ui->screen;
	ui->screen = s;
	/* the lock or the login takes the keys: a line left open under it
	 * would run commands on what it hides */
	if (s->covers)
		ui->cmdline.active = false;
	return RD_TITLE | RD_BODY | RD_STATUS;
}

unsigned ui_pop(struct app *app)
{
	struct ui *ui = app->ui;
	const struct screen *closed = ui->screen;

	if (!ui->nunder)
		return RD_NONE;
	if (closed->close)
		closed->close(app);
	ui->screen = ui->under[--ui->nunder];
	if (ui->screen->resume)
		ui->screen->resume(app, closed);
	if (ui->held_error && !ui->screen->covers) {
		app_message(app, MSG_ERROR, "%s", ui->held_error);
		free(ui->held_error);
		ui->held_error = NULL;
	}
	return RD_TITLE | RD_BODY | RD_STATUS;
}

void ui_key(struct app *app, km_key key)
{
	session_activity(app);
	if (!macro_key(app, key))
		ui_feed(app, key);
}

#define UI_COUNT_MAX 9999

void ui_feed(struct app *app, km_key key)
{
	struct ui *ui = app->ui;
	/* the top screen's context, then generic */
	const char *name = km_lookup(ui->km, ui->screen->context, key);
	const struct op_def *op;
	unsigned n = ui->count ? ui->count : 1;

	if (cmdline_key(app, key))
		return;
	if (ui->screen->key && ui->screen->key(app, key))
		return;
	if (macro_start(app, key))
		return;
	if (!name && key >= '0' && key <= '9' && (ui->count || key != '0')) {
		ui->count = ui->count * 10 + (unsigned)(key - '0');
		if (ui->count > UI_COUNT_MAX)
			ui->count = UI_COUNT_MAX;
		return;
	}
	ui->count = 0;
	if (!name)
		return;
	op = screen_op(ui->screen, name);
	if (!op) {
		app_message(app, MSG_ERROR, _("the key is bound to '%s', which is not an operation here"), name);
		return;
	}
	if (!ops_counted(op))
		n = 1;
	while (n--)
		app->redraw |= ops_run(app, op);
}

bool ui_busy(struct app *app)
{
	const struct screen *s = app->ui->screen;

	return session_busy(app) || (s->busy && s->busy(app));
}

/* --- input, signals and crash handling through the app's loop --- */

static void on_input(void *arg)
{
	struct app *app = arg;
	wint_t wch;
	int r;

	/* Drain everything ncurses has, so typed-ahead keys are handled before
	 * the next repaint (typeahead() then skips repaints while keys wait). */
	while (!app->quit && (r = wget_wch(stdscr, &wch)) != ERR) {
		if (r == KEY_CODE_YES && wch == KEY_RESIZE)
			continue;	/* we resize on SIGWINCH ourselves */
		ui_key(app, r == KEY_CODE_YES ? keypad_key(wch) : (km_key)wch);
	}
}

static void on_signal(void *arg, int signo)
{
	struct app *app = arg;
	struct ui *ui = app->ui;
	struct winsize ws;

	switch (signo) {
	case SIGWINCH:
		if (ioctl(fileno(ui->out), TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col)
			ui_resize(app, ws.ws_row, ws.ws_col);
		break;
	case SIGCONT:
		app->redraw |= RD_ALL;
		clearok(curscr, TRUE);
		break;
	default:		/* SIGINT, SIGTERM, SIGHUP: leave cleanly */
		app_quit(app);
		break;
	}
}

static void plan_tick(struct app *app);

static void on_tick(void *arg)
{
	struct app *app = arg;

	app->ui->tick = 0;
	app->redraw |= RD_STATUS;
	plan_tick(app);
}

/* To the next whole minute, or second while a retry is counted down. */
static void plan_tick(struct app *app)
{
	struct ui *ui = app->ui;
	bool seconds = app->next_try != 0;
	int64_t unit = seconds ? 1000 : 60 * 1000;

	if (ui->tick && seconds == ui->tick_seconds)
		return;
	if (ui->tick)
		loop_timer_cancel(&app->loop, ui->tick);
	ui->tick_seconds = seconds;
	ui->tick = loop_timer(&app->loop, unit - app_now_ms(app) % unit, on_tick, app);
}

static void before_sleep(void *arg)
{
	struct app *app = arg;

	plan_tick(app);
	macro_pump(app);
	ui_draw(app);
	/* the idle lock's hashing, once the first screen is out */
	pw_verifier_settle(&app->unlock);
}

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction crash_prev[sizeof crash_signals / sizeof crash_signals[0]];

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/* Best effort on a crash: give the clerk a working terminal back, then let
 * the previous handler (the default, or a sanitizer's report) run. */
static void on_crash(int signo)
{
	restore_terminal();
	for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		if (crash_signals[i] == signo)
			sigaction(signo, &crash_prev[i], NULL);
	raise(signo);
}

int ui_attach(struct app *app, struct err *e)
{
	static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		if (sigaction(crash_signals[i], &sa, &crash_prev[i]) < 0)
			return err_set(e, _("cannot catch signal %d: %s"), crash_signals[i], strerror(errno));
	fatal_set_hook(restore_terminal);

	lock_start_timer(app);
	app->loop.before_sleep = before_sleep;
	app->loop.idle_arg = app;
	if (loop_catch_signals(&app->loop, caught, sizeof caught / sizeof caught[0],
			       on_signal, app, e) < 0)
		return -1;
	return loop_watch(&app->loop, fileno(app->ui->in), on_input, app, e);
}

const char *ui_money(long long amount, char *buf, size_t len)
{
	char digits[32], grouped[48];
	int n, g = 0;

	if (amount <= 0)
		return _("none");
	n = snprintf(digits, sizeof digits, "%lld", amount);
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[g++] = '.';
		grouped[g++] = digits[i];
	}
	grouped[g] = '\0';
	/* TRANSLATORS: an amount in Vietnamese đồng, already grouped: 1.250.000 */
	snprintf(buf, len, _("%s VND"), grouped);
	return buf;
}
