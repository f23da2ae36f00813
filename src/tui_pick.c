/* SPDX-License-Identifier: ISC */
/* The food picker: type to filter, move, choose; its key table. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/*
 * The hits in one of the finder's orders: every food the query finds (all
 * of them when it is empty), sorted, the first TUI_HITS kept.
 */
static void
pick_ordered(struct tui_state *s, const struct tui_env *env)
{
	enum suggest_order o = s->pick_order == TUI_ORDER_K2 ?
	    SUGGEST_ORDER_K2 : SUGGEST_ORDER_K2_PER_SODIUM;
	size_t n = env->cat->n, *idx, i, total;
	struct search_hit *all;

	if (n == 0) {
		s->total_hits = s->n_hits = 0;
		return;
	}
	idx = xreallocarray(NULL, n, sizeof *idx);
	if (s->query.buf[0] == '\0') {
		total = suggest_rank(env->cat, env->cf, o, idx, NULL);
	} else {
		all = xreallocarray(NULL, n, sizeof *all);
		total = search_run(env->index, s->query.buf, all, n, NULL);
		for (i = 0; i < total; i++)
			idx[i] = all[i].food;
		free(all);
		suggest_sort(env->cat, o, idx, total);
	}
	s->total_hits = total;
	s->n_hits = total < TUI_HITS ? total : TUI_HITS;
	for (i = 0; i < s->n_hits; i++) {
		s->hits[i].food = idx[i];
		s->hits[i].tier = 0;
	}
	free(idx);
}

/* Refresh the picker's hits. */
void
tui_pick_refresh(struct tui_state *s, const struct tui_env *env)
{
	if (s->pick_order == TUI_ORDER_BEST) {
		s->total_hits = search_run(env->index, s->query.buf, s->hits,
		    TUI_HITS, NULL);
		s->n_hits = s->total_hits < TUI_HITS ? s->total_hits :
		    TUI_HITS;
	} else
		pick_ordered(s, env);
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

/* Ctrl-N, and Enter when nothing matches: a new food, named as typed. */
static unsigned
pick_new(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (!env->view->own_foods) {
		tui_status(s, true, "--foods FILE is in use alone: no own foods");
		return TUI_REDRAW;
	}
	tui_form_open(s, FOODFORM_FOOD, NULL, s->query.buf, TUI_SCREEN_PICK);
	return TUI_REDRAW;
}

/*
 * Ctrl-E: change the selected food when it is one of my-foods.yaml; any
 * other food is copied into a new one of yours ("My Gouda").
 */
static unsigned
pick_edit(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	const struct food *f;

	(void)k;
	(void)cmd;
	if (s->n_hits == 0)
		return pick_new(s, env, k, cmd);
	if (!env->view->own_foods) {
		tui_status(s, true, "--foods FILE is in use alone: no own foods");
		return TUI_REDRAW;
	}
	f = &env->cat->foods[s->hits[s->pick].food];
	if (f->recipe_n > 0) {
		tui_status(s, true, "%s is a recipe: change it with 'k2diary "
		    "food edit %s' or in its file", f->name, f->id);
		return TUI_REDRAW;
	}
	tui_form_open(s, FOODFORM_FOOD, f, NULL, TUI_SCREEN_PICK);
	return TUI_REDRAW;
}

/* Ctrl-O: the next order of the hits. */
static unsigned
pick_order(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	s->pick_order = (s->pick_order + 1) % 3;
	tui_pick_refresh(s, env);
	tui_status(s, false, "by %s", tui_order_name(s->pick_order, false));
	return TUI_REDRAW;
}

/* Enter: the amount prompt for the food. */
static unsigned
pick_choose(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	if (s->n_hits == 0) {
		if (s->query.buf[0] != '\0')
			return pick_new(s, env, k, cmd);
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
	/* While a recipe is made, back to it: no ingredient added. */
	s->screen = s->recipe.active ? TUI_SCREEN_RECIPE : TUI_SCREEN_DAY;
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
	{ "Enter", "choose the food; on 'no food matches', make it", "Enter "
	    "choose", 0, pick_choose, { TUI_KEY(TK_ENTER) } },
	{ "Ctrl-N", "a new food of your own, named as typed", "^N new", 4,
	    pick_new, { TUI_KEY(TK_CTRL_N) } },
	{ "Ctrl-E", "change your food, or copy this one into yours", NULL, 0,
	    pick_edit, { TUI_KEY(TK_CTRL_E) } },
	{ "Ctrl-O", "the next order: best match, K2 a serving, K2 per mg of "
	    "sodium", "^O order", 5, pick_order, { TUI_KEY(TK_CTRL_O) } },
	{ "Esc", "back to the day, nothing logged", "Esc back", 1, pick_back,
	    { TUI_KEY(TK_ESC) } },
};

/* Other keys are not typed: they do nothing. */
const struct tui_keymap tui_pick_keymap = {
	"In the food picker:", TUI_SCREEN_PICK, rows, ARRAY_LEN(rows), NULL
};
