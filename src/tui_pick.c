/* SPDX-License-Identifier: ISC */
/* The food picker: type to filter, move, choose; its key table. */
#include <string.h>

#include "layout.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Refresh the picker's hits. */
void
tui_pick_refresh(struct tui_state *s, const struct tui_env *env)
{
	s->total_hits = search_run(env->index, s->query.buf, s->hits,
	    TUI_HITS, NULL);
	s->n_hits = s->total_hits < TUI_HITS ? s->total_hits : TUI_HITS;
	s->pick = 0;
	s->pick_top = 0;
}

/* Open the picker with every food. */
void
tui_pick_open(struct tui_state *s, const struct tui_env *env)
{
	tui_line_set(&s->query, "");
	tui_pick_refresh(s, env);
	s->screen = TUI_SCREEN_PICK;
}

/* A page of the picker: the foods it lists at this size. */
static size_t
page(const struct tui_env *env)
{
	return (size_t)layout_pick_rows(env->rows, env->cols);
}

/* Letters and the editing keys: filter again. */
static unsigned
pick_type(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)cmd;
	if (!tui_line_edit(&s->query, k))
		return 0;
	tui_pick_refresh(s, env);
	return TUI_REDRAW;
}

/* Up, Down: the food above or below. */
static unsigned
pick_move(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)cmd;
	if (k.key == TK_UP && s->pick > 0)
		s->pick--;
	else if (k.key == TK_DOWN && s->pick + 1 < s->n_hits)
		s->pick++;
	return TUI_REDRAW;
}

/* PgUp, PgDn: a page up or down, as many foods as the picker lists. */
static unsigned
pick_page(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)cmd;
	if (k.key == TK_PGUP) {
		s->pick = s->pick > page(env) ? s->pick - page(env) : 0;
		return TUI_REDRAW;
	}
	s->pick += page(env);
	if (s->n_hits > 0 && s->pick >= s->n_hits)
		s->pick = s->n_hits - 1;
	if (s->n_hits == 0)
		s->pick = 0;
	return TUI_REDRAW;
}

/* Enter: the amount prompt for the food. */
static unsigned
pick_choose(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (s->n_hits == 0) {
		tui_status(s, true, "no food matches '%s'", s->query.buf);
		return TUI_REDRAW;
	}
	tui_amount_open(s, env, &env->cat->foods[s->hits[s->pick].food],
	    NULL, NULL, 0);
	return TUI_REDRAW;
}

/* Esc: back to the day. */
static unsigned
pick_back(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->screen = TUI_SCREEN_DAY;
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "letters", "filter (fuzzy; case and accents do not matter)",
	    "type to filter", 3, pick_type, { TUI_TEXT } },
	{ "Backspace  Ctrl-U  Ctrl-W", "edit", NULL, 0, pick_type,
	    { TUI_KEY(TK_BACKSPACE), TUI_KEY(TK_CTRL_U), TUI_KEY(TK_CTRL_W) } },
	{ "Up  Down", "move", "Up Down move", 2, pick_move,
	    { TUI_KEY(TK_UP), TUI_KEY(TK_DOWN) } },
	{ "PgUp  PgDn", "a page", NULL, 0, pick_page,
	    { TUI_KEY(TK_PGUP), TUI_KEY(TK_PGDN) } },
	{ "Enter", "choose the food", "Enter choose", 0, pick_choose,
	    { TUI_KEY(TK_ENTER) } },
	{ "Esc", "back to the day, nothing logged", "Esc back", 1, pick_back,
	    { TUI_KEY(TK_ESC) } },
};

/* Other keys are not typed: they do nothing. */
const struct tui_keymap tui_pick_keymap = {
	"In the food picker:", TUI_SCREEN_PICK, rows, ARRAY_LEN(rows), NULL
};
