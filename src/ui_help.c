/* SPDX-License-Identifier: ISC */
/* Help: every key, drawn from the table the reducer dispatches on. */
#include <curses.h>
#include <stdio.h>

#include "layout.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

/* Rows an item takes at this width: its text wrapped. */
static int
item_rows(const char *text, int width, int indent)
{
	size_t st[1], ln[1];

	return (int)layout_wrap(text, width, indent, st, ln, 0);
}

/* Draw the help screen. */
void
ui_help_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	const struct tui_binding *b;
	const char *const *extra;
	struct layout_help h;
	size_t nb, ne, i;
	int rows, cols, y, need, room;
	bool more = false;

	(void)env;
	getmaxyx(w, rows, cols);
	layout_help(rows, cols, &h);
	b = tui_bindings(&nb);
	extra = tui_help_extra(&ne);
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, 0, 0, ' ', cols);
	ui_put(w, 0, 0, cols, h.short_title ? " keys (j k scroll, other keys "
	    "close)" : " k2diary keys (j k scroll, any other key closes)",
	    false);
	wattroff(w, A_REVERSE | A_BOLD);
	/* Items from help_top: the keys, a blank line, the other screens. */
	y = h.top_y;
	for (i = s->help_top; i < nb + 1 + ne; i++) {
		room = h.bottom_y - y + 1;
		if (room <= 0) {
			more = true;
			break;
		}
		if (i < nb) {
			need = item_rows(b[i].help, h.text_w, 2);
			wattron(w, A_BOLD);
			ui_put(w, y, h.keys_x, h.keys_w, b[i].keys, true);
			wattroff(w, A_BOLD);
			ui_put_wrap(w, y, h.text_x, h.text_w, room, 2,
			    b[i].help);
		} else if (i > nb) {
			need = item_rows(extra[i - nb - 1], cols - 1 -
			    h.keys_x, 4);
			ui_put_wrap(w, y, h.keys_x, cols - 1 - h.keys_x, room,
			    4, extra[i - nb - 1]);
		} else
			need = 1;
		if (need > room) {
			more = true;
			break;
		}
		y += need;
	}
	if (more) {
		wattron(w, ui_attr(UI_DIM));
		ui_put_right(w, rows - 1, 0, cols - 1, "j: more");
		wattroff(w, ui_attr(UI_DIM));
	}
}
