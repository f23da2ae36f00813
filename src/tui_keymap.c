/* SPDX-License-Identifier: ISC */
/*
 * The key tables: the list of them (a new screen's table is one line
 * here), the row a key triggers, and the hint line each gives.
 */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "text.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

#define HINTS_MAX 16		/* hints of one table */

/* The keys of every screen, looked at before the screen's own. */
static const struct tui_binding any_rows[] = {
	{ "Ctrl-C", "quit at once", NULL, 0, tui_quit,
	    { TUI_KEY(TK_QUIT) } },
};

const struct tui_keymap tui_any_keymap = {
	"Anywhere:", TUI_SCREEN_ANY, any_rows, ARRAY_LEN(any_rows), NULL
};

/* Every table, in help's order: the day screen's first, anywhere last. */
static const struct tui_keymap *const keymaps[] = {
	&tui_day_keymap,
	&tui_pick_keymap,
	&tui_amount_keymap,
	&tui_form_keymap,
	&tui_recipe_keymap,
	&tui_discard_keymap,
	&tui_find_keymap,
	&tui_confirm_keymap,
	&tui_week_keymap,
	&tui_help_keymap,
	&tui_any_keymap,
};

/* Every table. */
const struct tui_keymap *const *
tui_keymaps(size_t *n)
{
	*n = ARRAY_LEN(keymaps);
	return keymaps;
}

/* A screen's table. */
const struct tui_keymap *
tui_keymap_of(enum tui_screen screen)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(keymaps); i++)
		if (keymaps[i]->screen == screen)
			return keymaps[i];
	return NULL;
}

/*
 * How many keys a match takes in, less is narrower: 0 for one key,
 * UINT32_MAX for TK_ANY; -1 when it does not take k.
 */
static int64_t
match_width(const struct tui_match *m, struct tui_keyev k)
{
	if (m->key == TK_ANY)
		return UINT32_MAX;
	if (m->key != k.key)
		return -1;
	if (k.key != TK_CHAR)
		return 0;
	if (k.ch < m->lo || k.ch > m->hi)
		return -1;
	return (int64_t)m->hi - m->lo;
}

/* The row k triggers: the narrowest match, then the first row. */
const struct tui_binding *
tui_keymap_find(const struct tui_keymap *m, struct tui_keyev k)
{
	const struct tui_binding *best = NULL;
	int64_t w, best_w = 0;
	size_t i, j;

	for (i = 0; i < m->n; i++)
		for (j = 0; j < TUI_MATCH_MAX &&
		    m->rows[i].match[j].key != TK_NONE; j++) {
			w = match_width(&m->rows[i].match[j], k);
			if (w >= 0 && (best == NULL || w < best_w)) {
				best = &m->rows[i];
				best_w = w;
			}
		}
	return best;
}

/* The hint line: the hints that fit, kept by rank, in the table's order. */
void
tui_hint_line(const struct tui_keymap *m, int width, char *buf, size_t len)
{
	const char *items[HINTS_MAX];
	unsigned ranks[HINTS_MAX];
	size_t rank[HINTS_MAX], n = 0, i, j, k;
	int widths[HINTS_MAX];
	bool keep[HINTS_MAX];

	for (i = 0; i < m->n && n < HINTS_MAX; i++)
		if (m->rows[i].hint != NULL) {
			items[n] = m->rows[i].hint;
			ranks[n] = m->rows[i].rank;
			widths[n] = (int)text_width(items[n]);
			n++;
		}
	/* The items in the order they are kept: by rank, then by place. */
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && ranks[rank[j - 1]] > ranks[i]; j--)
			rank[j] = rank[j - 1];
		rank[j] = i;
	}
	layout_pick(widths, rank, n, 2, width, keep);
	if (len > 0)
		buf[0] = '\0';
	for (i = 0, k = 0; i < n; i++) {
		if (!keep[i])
			continue;
		if (k++ > 0)
			strncat(buf, "  ", len - strlen(buf) - 1);
		strncat(buf, items[i], len - strlen(buf) - 1);
	}
}
