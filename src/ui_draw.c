/* SPDX-License-Identifier: ISC */
/*
 * The frame: the screen the state shows, drawn by its own draw function,
 * or the notice of a window too small for any. Above the screens, which
 * draw with ui_term.c's helpers; ui_term.c calls no screen.
 */
#include <curses.h>
#include <stdio.h>

#include "layout.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"
#include "util.h"

typedef void (*ui_draw_fn)(WINDOW *, const struct tui_state *,
    const struct tui_env *);

/* The question to throw away a form or a recipe, over it. */
static void
ui_discard_draw(WINDOW *w, const struct tui_state *s,
    const struct tui_env *env)
{
	if (s->asked_from == TUI_SCREEN_RECIPE)
		ui_recipe_draw(w, s, env);
	else
		ui_form_draw(w, s, env);
}

/*
 * Each screen's draw function. The picker, the amount prompt and a
 * question are panes of the day screen, which draws them.
 */
static const ui_draw_fn screens[] = {
	[TUI_SCREEN_DAY] = ui_day_draw,
	[TUI_SCREEN_PICK] = ui_day_draw,
	[TUI_SCREEN_AMOUNT] = ui_day_draw,
	[TUI_SCREEN_CONFIRM] = ui_day_draw,
	[TUI_SCREEN_WEEK] = ui_week_draw,
	[TUI_SCREEN_HELP] = ui_help_draw,
	[TUI_SCREEN_FORM] = ui_form_draw,
	[TUI_SCREEN_DISCARD] = ui_discard_draw,
	[TUI_SCREEN_FIND] = ui_find_draw,
	[TUI_SCREEN_RECIPE] = ui_recipe_draw,
};

/* The notice in a window below the least size, centred. */
static void
too_small(WINDOW *w, int rows, int cols)
{
	char msg[3][64];
	int y0, i, n, mw;

	snprintf(msg[0], sizeof msg[0], "k2diary needs a window");
	snprintf(msg[1], sizeof msg[1], "of at least %d x %d",
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	snprintf(msg[2], sizeof msg[2], "(it is %d x %d; q quits)", cols,
	    rows);
	n = rows < 3 ? rows : 3;
	y0 = (rows - n) / 2;
	for (i = 0; i < n; i++) {
		mw = (int)text_width(msg[i]);
		ui_put(w, y0 + i, mw < cols ? (cols - mw) / 2 : 0, cols,
		    msg[i], false);
	}
}

/* Draw the screen for the state. */
void
ui_draw(const struct tui_state *s, const struct tui_env *env)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	werase(stdscr);
	if (layout_too_small(rows, cols))
		too_small(stdscr, rows, cols);
	else if ((size_t)s->screen < ARRAY_LEN(screens) &&
	    screens[s->screen] != NULL)
		screens[s->screen](stdscr, s, env);
	wnoutrefresh(stdscr);
	doupdate();
}
