/* SPDX-License-Identifier: ISC */
/*
 * The K2 finder (f): what fits what is left of the day's and the week's
 * limits, in the order of DESIGN §4 (suggest.c, computed with the view),
 * or every food by K2 a serving or by K2 per mg of sodium (s). The
 * picker's orders (Ctrl-O) are the same. Its key table.
 */
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* The names of the orders, for titles. */
const char *
tui_order_name(enum tui_order o, bool finder)
{
	switch (o) {
	case TUI_ORDER_BEST:
		return finder ? "what fits what is left" : "best match";
	case TUI_ORDER_K2:
		return "K2 a serving";
	case TUI_ORDER_K2_SODIUM:
		return "K2 per mg of sodium";
	}
	return "";
}

static void
find_drop(struct tui_find *fd)
{
	free(fd->idx);
	free(fd->rich);
	fd->idx = NULL;
	fd->rich = NULL;
	fd->n = 0;
}

/* Free what the finder holds. */
void
tui_find_release(struct tui_find *fd)
{
	find_drop(fd);
}

/* The rows of the finder now: the view's suggestions, or every food. */
size_t
tui_find_rows(const struct tui_state *s, const struct tui_env *env)
{
	if (s->find.order == TUI_ORDER_BEST)
		return env->view->has_sug ? env->view->sug.n : 0;
	return s->find.n;
}

/* The food of row i of the finder. */
const struct food *
tui_find_food(const struct tui_state *s, const struct tui_env *env, size_t i)
{
	if (s->find.order == TUI_ORDER_BEST)
		return &env->cat->foods[env->view->sug.v[i].food];
	return &env->cat->foods[s->find.idx[i]];
}

/* Rank every food in the finder's order (nothing for the best order). */
static void
find_rank(struct tui_state *s, const struct tui_env *env)
{
	struct tui_find *fd = &s->find;
	enum suggest_order o = fd->order == TUI_ORDER_K2 ? SUGGEST_ORDER_K2 :
	    SUGGEST_ORDER_K2_PER_SODIUM;

	find_drop(fd);
	if (fd->order == TUI_ORDER_BEST || env->cat->n == 0)
		return;
	fd->idx = xreallocarray(NULL, env->cat->n, sizeof *fd->idx);
	fd->rich = xreallocarray(NULL, env->cat->n, sizeof *fd->rich);
	fd->n = suggest_rank(env->cat, env->cf, o, fd->idx, fd->rich);
}

/* Keep the selection in the rows after the view or the order changed. */
void
tui_find_changed(struct tui_state *s, const struct tui_env *env)
{
	size_t n = tui_find_rows(s, env);

	if (s->find.sel >= n)
		s->find.sel = n > 0 ? n - 1 : 0;
	if (s->find.top > s->find.sel)
		s->find.top = s->find.sel;
}

/* f: open the finder on the view's day. */
unsigned
tui_find_open(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (!env->view->has_sug) {
		tui_status(s, true, "the foods are still loading: try again");
		return TUI_REDRAW;
	}
	s->find.order = TUI_ORDER_BEST;
	s->find.sel = s->find.top = 0;
	find_drop(&s->find);
	s->screen = TUI_SCREEN_FIND;
	return TUI_REDRAW;
}

/* s: the next order. */
static unsigned
find_order(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	s->find.order = (s->find.order + 1) % 3;
	s->find.sel = s->find.top = 0;
	find_rank(s, env);
	tui_status(s, false, "by %s", tui_order_name(s->find.order, true));
	return TUI_REDRAW;
}

/* Up, Down, PgUp, PgDn, Home, End. */
static unsigned
find_move(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	size_t n = tui_find_rows(s, env), page = 10, *sel = &s->find.sel;

	(void)cmd;
	if (n == 0)
		return TUI_REDRAW;
	switch (k.key) {
	case TK_UP: if (*sel > 0) (*sel)--; break;
	case TK_DOWN: if (*sel + 1 < n) (*sel)++; break;
	case TK_PGUP: *sel = *sel > page ? *sel - page : 0; break;
	case TK_PGDN: *sel = *sel + page < n ? *sel + page : n - 1; break;
	case TK_HOME: *sel = 0; break;
	case TK_END: *sel = n - 1; break;
	default:
		if (k.ch == 'k' && *sel > 0)
			(*sel)--;
		else if (k.ch == 'j' && *sel + 1 < n)
			(*sel)++;
		break;
	}
	return TUI_REDRAW;
}

/* Enter: the amount prompt for the food. */
static unsigned
find_choose(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (tui_find_rows(s, env) == 0) {
		tui_status(s, true, "no food to log here: s shows every food");
		return TUI_REDRAW;
	}
	tui_amount_open(s, env, tui_find_food(s, env, s->find.sel), NULL, NULL,
	    0);
	return TUI_REDRAW;
}

/* Esc, f, q: back to the day. */
static unsigned
find_back(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	find_drop(&s->find);
	s->screen = TUI_SCREEN_DAY;
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "k  j  Up  Down", "move", "Up Down move", 3, find_move,
	    { TUI_CH('k'), TUI_CH('j'), TUI_KEY(TK_UP), TUI_KEY(TK_DOWN) } },
	{ "PgUp  PgDn  Home  End", "a page, the first, the last", NULL, 0,
	    find_move, { TUI_KEY(TK_PGUP), TUI_KEY(TK_PGDN),
	    TUI_KEY(TK_HOME), TUI_KEY(TK_END) } },
	{ "Enter", "log the food (the amount prompt)", "Enter log", 1,
	    find_choose, { TUI_KEY(TK_ENTER) } },
	{ "s", "the next order: what fits, K2 a serving, K2 per mg of "
	    "sodium", "s order", 0, find_order, { TUI_CH('s') } },
	{ "?", "help", "? help", 4, tui_open_help, { TUI_CH('?') } },
	{ "Esc  f  q", "back to the day", "Esc back", 2, find_back,
	    { TUI_KEY(TK_ESC), TUI_CH('f'), TUI_CH('q') } },
};

const struct tui_keymap tui_find_keymap = {
	"In the K2 finder:", TUI_SCREEN_FIND, rows, ARRAY_LEN(rows),
	tui_not_a_key
};
