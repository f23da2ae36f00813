/* SPDX-License-Identifier: ISC */
/*
 * Help: every key, drawn from the key tables the reducer dispatches on
 * (tui_help_items): the day screen's row by row, each other table in a
 * paragraph.
 */
#include <curses.h>
#include <stdio.h>

#include "layout.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"
#include "util.h"

/* Rows an item takes at this width: its text wrapped. */
static int
item_rows(const char *text, int width, int indent)
{
	size_t st[1], ln[1];

	return (int)layout_wrap(text, width, indent, st, ln, 0);
}

/* Draw an item at y in at most room rows; returns the rows it needs. */
static int
item_draw(WINDOW *w, const struct layout_help *h, int cols, int y, int room,
    const struct tui_help_item *it)
{
	char text[1024];

	switch (it->kind) {
	case TUI_HELP_TITLE:
		ui_put(w, y, h->keys_x, cols - 1 - h->keys_x, it->map->title,
		    false);
		return 1;
	case TUI_HELP_ROW:
		wattron(w, A_BOLD);
		ui_put(w, y, h->keys_x, h->keys_w, it->row->keys, true);
		wattroff(w, A_BOLD);
		ui_put_wrap(w, y, h->text_x, h->text_w, room, 2, it->row->help);
		return item_rows(it->row->help, h->text_w, 2);
	case TUI_HELP_KEYMAP:
		tui_help_paragraph(it->map, text, sizeof text);
		ui_put_wrap(w, y, h->keys_x, cols - 1 - h->keys_x, room, 4,
		    text);
		return item_rows(text, cols - 1 - h->keys_x, 4);
	default:
		return 1;
	}
}

/* Draw the help screen. */
void
ui_help_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	struct tui_help_item items[TUI_HELP_ITEMS];
	struct layout_help h;
	size_t n, i;
	int rows, cols, y, need, room;
	bool more = false;

	(void)env;
	getmaxyx(w, rows, cols);
	layout_help(rows, cols, &h);
	n = tui_help_items(items, ARRAY_LEN(items));
	if (n > ARRAY_LEN(items))
		n = ARRAY_LEN(items);
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, 0, 0, ' ', cols);
	ui_put(w, 0, 0, cols, h.short_title ? " keys (j k scroll, other keys "
	    "close)" : " k2diary keys (j k scroll, any other key closes)",
	    false);
	wattroff(w, A_REVERSE | A_BOLD);
	/* The items from help_top, as many as fit. */
	for (i = s->help_top, y = h.top_y; i < n; i++) {
		room = h.bottom_y - y + 1;
		if (room <= 0) {
			more = true;
			break;
		}
		need = item_draw(w, &h, cols, y, room, &items[i]);
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
