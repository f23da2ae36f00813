/* SPDX-License-Identifier: ISC */
/* Help: every key, drawn from the table the reducer dispatches on. */
#include <curses.h>
#include <stdio.h>

#include "ui.h"
#include "ui_priv.h"

/* Draw the help screen. */
void
ui_help_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	const struct tui_binding *b;
	const char *const *extra;
	char line[256];
	size_t nb, ne, i, line_no = 0;
	int rows, cols, y = 2;

	(void)env;
	getmaxyx(w, rows, cols);
	b = tui_bindings(&nb);
	extra = tui_help_extra(&ne);
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, 0, 0, ' ', cols);
	ui_put(w, 0, 0, cols, " k2diary keys (j k scroll, any other key "
	    "closes)", false);
	wattroff(w, A_REVERSE | A_BOLD);
	for (i = 0; i < nb + 1 + ne && y < rows - 1; i++, line_no++) {
		if (line_no < s->help_top)
			continue;
		if (i < nb) {
			wattron(w, A_BOLD);
			ui_put(w, y, 2, 14, b[i].keys, true);
			wattroff(w, A_BOLD);
			ui_put(w, y, 17, cols - 19, b[i].help, false);
		} else if (i > nb) {
			snprintf(line, sizeof line, "%s", extra[i - nb - 1]);
			ui_put(w, y, 2, cols - 4, line, false);
		}
		y++;
	}
}
