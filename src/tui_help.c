/* SPDX-License-Identifier: ISC */
/*
 * Help: its items, drawn from the key tables (ui_help.c draws them), and
 * its own keys: scroll, and any other key closes it.
 */
#include <stdio.h>
#include <string.h>

#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Help's items: the first table row by row, then each other in one. */
size_t
tui_help_items(struct tui_help_item *v, size_t max)
{
	const struct tui_keymap *const *maps;
	struct tui_help_item it;
	size_t n_maps, i, n = 0;

	maps = tui_keymaps(&n_maps);
	for (i = 0; i < n_maps + maps[0]->n + 1; i++) {
		memset(&it, 0, sizeof it);
		if (i == 0) {
			it.kind = TUI_HELP_TITLE;
			it.map = maps[0];
		} else if (i <= maps[0]->n) {
			it.kind = TUI_HELP_ROW;
			it.map = maps[0];
			it.row = &maps[0]->rows[i - 1];
		} else if (i == maps[0]->n + 1)
			it.kind = TUI_HELP_BLANK;
		else {
			it.kind = TUI_HELP_KEYMAP;
			it.map = maps[i - maps[0]->n - 1];
		}
		if (n < max)
			v[n] = it;
		n++;
	}
	return n;
}

/* "Title  keys  help;  keys  help". */
void
tui_help_paragraph(const struct tui_keymap *m, char *buf, size_t len)
{
	size_t i, at;

	snprintf(buf, len, "%s", m->title);
	for (i = 0; i < m->n; i++) {
		at = strlen(buf);
		if (at + 1 >= len)
			break;
		snprintf(buf + at, len - at, "%s  %s  %s", i > 0 ? ";" : "",
		    m->rows[i].keys, m->rows[i].help);
	}
}

/* j Down: the next line up to the top; stop when the last one is there. */
static unsigned
help_down(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	if (s->help_top + 1 < tui_help_items(NULL, 0))
		s->help_top++;
	return TUI_REDRAW;
}

/* k Up: back a line. */
static unsigned
help_up(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	if (s->help_top > 0)
		s->help_top--;
	return TUI_REDRAW;
}

/* Any other key: back to the screen help was opened on. */
static unsigned
help_close(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	return tui_show(s, env, s->back, cmd);
}

static const struct tui_binding rows[] = {
	{ "j  Down", "scroll down", NULL, 0, help_down,
	    { TUI_CH('j'), TUI_KEY(TK_DOWN) } },
	{ "k  Up", "scroll up", NULL, 0, help_up,
	    { TUI_CH('k'), TUI_KEY(TK_UP) } },
	{ "other keys", "close help", NULL, 0, help_close, { TUI_ANY } },
};

const struct tui_keymap tui_help_keymap = {
	"In help:", TUI_SCREEN_HELP, rows, ARRAY_LEN(rows), NULL
};
