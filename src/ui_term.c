/* SPDX-License-Identifier: ISC */
/*
 * The terminal: curses set-up and teardown, colours, keys, signals, and
 * the helpers the screens draw with. It calls no screen: ui_draw.c does.
 */
#include <curses.h>
#include <langinfo.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "layout.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

static bool ui_active;
static bool ui_utf8;
static SCREEN *ui_screen;
static bool ui_color;
static volatile sig_atomic_t stop_signal;

/* Note the signal that asks us to stop. */
static void
on_stop(int sig)
{
	stop_signal = sig;
}

/* The signal that asked us to stop, or 0. */
int
ui_stop_signal(void)
{
	return (int)stop_signal;
}

/* Does the terminal in use have the string capability cap? */
static bool
term_can(const char *cap)
{
	const char *v = tigetstr(cap);

	return v != NULL && v != (const char *)-1 && v[0] != '\0';
}

/* Set up the terminal. */
int
ui_open(bool color, struct diag *d)
{
	struct sigaction sa;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		diag_set(d, NULL, 0, 0, "the full screen needs a terminal; use "
		    "a command such as 'k2diary list' or 'k2diary week' "
		    "instead (see k2diary --help)");
		return -1;
	}
	/* Esc must answer at once: escape sequences arrive together. */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	/* newterm, not initscr: it reports an unknown TERM instead of exiting. */
	if ((ui_screen = newterm(NULL, stdout, stdin)) == NULL) {
		diag_set(d, NULL, 0, 0, "cannot use the terminal '%s' (is TERM "
		    "right?)", getenv("TERM") ? getenv("TERM") : "(unset)");
		return -1;
	}
	set_term(ui_screen);
	/*
	 * A terminal that cannot move the cursor or clear the screen (dumb,
	 * an editor's shell) cannot show a full screen: refuse it before
	 * anything is drawn. newterm already set its own tty modes.
	 */
	if (!term_can("cup") || !term_can("clear")) {
		reset_shell_mode();
		delscreen(ui_screen);
		ui_screen = NULL;
		diag_set(d, NULL, 0, 0, "the terminal '%s' cannot move the "
		    "cursor or clear the screen, as the full screen needs; "
		    "use a command such as 'k2diary list' or 'k2diary week' "
		    "instead (see k2diary --help)", getenv("TERM") ?
		    getenv("TERM") : "(unset)");
		return -1;
	}
	ui_active = true;
	ui_utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	cbreak();	/* Ctrl-Z suspends through curses' own handler */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	ui_color = color && has_colors();
	if (ui_color) {
		start_color();
		use_default_colors();
		init_pair(UI_OK, COLOR_GREEN, -1);
		init_pair(UI_NEAR, COLOR_YELLOW, -1);
		init_pair(UI_OVER, COLOR_RED, -1);
		init_pair(UI_ACCENT, COLOR_CYAN, -1);
		init_pair(UI_DIM, COLOR_BLUE, -1);
		init_pair(UI_BAR, COLOR_GREEN, -1);
	}
	/* Only set a flag: the loop sees it within one tick. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	return 0;
}

/* Restore the terminal. */
void
ui_close(void)
{
	if (!ui_active)
		return;
	ui_active = false;
	curs_set(1);
	endwin();
	delscreen(ui_screen);
	ui_screen = NULL;
}

/* The screen's size. */
void
ui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

/* Wait for a key and decode it. */
struct tui_keyev
ui_getkey(int timeout_ms)
{
	struct tui_keyev k = { TK_NONE, 0 };
	wint_t ch;
	int r;

	timeout(timeout_ms);
	r = get_wch(&ch);
	if (r == ERR)
		return k;
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: k.key = TK_UP; break;
		case KEY_DOWN: k.key = TK_DOWN; break;
		case KEY_LEFT: k.key = TK_LEFT; break;
		case KEY_RIGHT: k.key = TK_RIGHT; break;
		case KEY_HOME: k.key = TK_HOME; break;
		case KEY_END: k.key = TK_END; break;
		case KEY_PPAGE: k.key = TK_PGUP; break;
		case KEY_NPAGE: k.key = TK_PGDN; break;
		case KEY_BACKSPACE: k.key = TK_BACKSPACE; break;
		case KEY_DC: k.key = TK_DELETE; break;
		case KEY_BTAB: k.key = TK_BTAB; break;
		case KEY_ENTER: k.key = TK_ENTER; break;
		case KEY_RESIZE: k.key = TK_RESIZE; break;
		default: break;
		}
		return k;
	}
	switch (ch) {
	case '\r':
	case '\n': k.key = TK_ENTER; break;
	case 27: k.key = TK_ESC; break;
	case '\t': k.key = TK_TAB; break;
	case 127:
	case 8: k.key = TK_BACKSPACE; break;
	case 3: k.key = TK_QUIT; break;		/* Ctrl-C in raw input */
	case 5: k.key = TK_CTRL_E; break;
	case 12: k.key = TK_CTRL_L; break;
	case 14: k.key = TK_CTRL_N; break;
	case 15: k.key = TK_CTRL_O; break;
	case 21: k.key = TK_CTRL_U; break;
	case 23: k.key = TK_CTRL_W; break;
	default:
		if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0)) {
			k.key = TK_CHAR;
			k.ch = (uint32_t)ch;
		}
		break;
	}
	return k;
}

/* Attribute for a role. */
attr_t
ui_attr(enum ui_pair p)
{
	if (ui_color)
		return COLOR_PAIR(p) | (p == UI_OVER || p == UI_ACCENT ?
		    A_BOLD : 0);
	switch (p) {
	case UI_OVER: return A_BOLD | A_REVERSE;
	case UI_NEAR: return A_BOLD;
	case UI_ACCENT: return A_BOLD;
	case UI_DIM: return A_DIM;
	default: return A_NORMAL;
	}
}

/* Attribute for a level. */
attr_t
ui_level_attr(enum level l)
{
	return ui_attr(l == LEVEL_OVER ? UI_OVER : l == LEVEL_NEAR ? UI_NEAR :
	    l == LEVEL_UNKNOWN ? UI_ACCENT : UI_OK);
}

/* Put text cut or padded to w columns. */
void
ui_put(WINDOW *w, int y, int x, int width, const char *s, bool pad)
{
	char buf[1024];

	if (width <= 0)
		return;
	text_fit(buf, sizeof buf, s, (size_t)width, pad);
	mvwaddstr(w, y, x, buf);
}

/* Text in a column, padded, or right-aligned; nothing when it is not shown. */
void
ui_put_col(WINDOW *w, int y, struct layout_col c, const char *s, bool right)
{
	if (c.w <= 0)
		return;
	if (right)
		ui_put_right(w, y, c.x, c.w, s);
	else
		ui_put(w, y, c.x, c.w, s, true);
}

/* Right-aligned text. */
void
ui_put_right(WINDOW *w, int y, int x, int width, const char *s)
{
	int sw = (int)text_width(s);

	if (sw < width)
		x += width - sw;
	ui_put(w, y, x, sw < width ? sw : width, s, false);
}

/* Text, then a tail that is never cut. */
void
ui_put_tail(WINDOW *w, int y, int x, int width, const char *s,
    const char *tail)
{
	int tw = (int)text_width(tail), sw;

	if (tw >= width) {
		ui_put(w, y, x, width, tail, false);
		return;
	}
	sw = (int)text_width(s);
	if (sw > width - tw)
		sw = width - tw;
	ui_put(w, y, x, sw, s, false);
	ui_put(w, y, x + sw, tw, tail, false);
}

/* Text broken into lines at spaces. */
int
ui_put_wrap(WINDOW *w, int y, int x, int width, int max, int indent,
    const char *s)
{
	size_t start[16], len[16], n, i;
	char line[1024];
	int used = 0;

	if (max <= 0 || width <= 0)
		return 0;
	n = layout_wrap(s, width, indent, start, len, 16);
	for (i = 0; i < n && i < 16 && used < max; i++, used++) {
		size_t l = len[i] < sizeof line ? len[i] : sizeof line - 1;
		bool last = used + 1 == max && i + 1 < n;
		memcpy(line, s + start[i], l);
		line[l] = '\0';
		/* The last row holds the rest of the text, cut with "~". */
		if (last)
			snprintf(line, sizeof line, "%s", s + start[i]);
		ui_put(w, y + used, x + (i > 0 ? indent : 0), width -
		    (i > 0 ? indent : 0), line, false);
	}
	return used;
}

/* A key table's hint line: the hints that fit. */
void
ui_hints(WINDOW *w, int y, int x, int width, const struct tui_keymap *m)
{
	char line[256];

	if (m == NULL)
		return;
	tui_hint_line(m, width, line, sizeof line);
	ui_put(w, y, x, width, line, false);
}

/* A bar filled to share. */
void
ui_bar(WINDOW *w, int y, int x, int width, double share, attr_t fill)
{
	int i, n;

	if (!(share > 0))
		share = 0;
	n = (int)lround((share > 1 ? 1 : share) * width);
	wmove(w, y, x);
	wattron(w, fill);
	for (i = 0; i < n; i++)
		waddstr(w, ui_glyph("█", "#"));
	wattroff(w, fill);
	wattron(w, ui_attr(UI_DIM));
	for (; i < width; i++)
		waddstr(w, ui_glyph("·", "."));
	wattroff(w, ui_attr(UI_DIM));
}

/* The UTF-8 glyph, or its ASCII stand-in. */
const char *
ui_glyph(const char *utf8, const char *ascii)
{
	return ui_utf8 ? utf8 : ascii;
}

/* A horizontal rule (drawn as text: no alternate character set needed). */
void
ui_hline(WINDOW *w, int y, int x, int width)
{
	int i;

	wmove(w, y, x);
	for (i = 0; i < width; i++)
		waddstr(w, ui_glyph("─", "-"));
}
