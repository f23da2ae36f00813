/* SPDX-License-Identifier: ISC */
/* The K2 finder: what fits what is left, or every food in an order. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "rules.h"
#include "search.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

/* A figure of one serving of f, or "?" when unknown. */
static void
figure(char *buf, size_t len, const struct food *f, enum nutrient k,
    int decimals)
{
	double v;

	if (food_per_serving(f, k, &v))
		text_number(buf, len, v, decimals);
	else
		snprintf(buf, len, "?");
}

/* One food's row. */
static void
food_line(WINDOW *w, int y, const struct layout_list *l,
    const struct tui_env *env, const struct food *f, bool best, bool sel)
{
	char buf[256], words[64];
	unsigned fl = rule_food_flags(env->cf, f);

	if (sel)
		wattron(w, A_REVERSE);
	mvwhline(w, y, 0, ' ', getmaxx(w));
	search_fit_name(buf, sizeof buf, f->name, "", (size_t)l->name.w - 1);
	ui_put_col(w, y, l->name, buf, false);
	figure(buf, sizeof buf, f, NUT_K2, 1);
	ui_put_col(w, y, l->k2, buf, true);
	figure(buf, sizeof buf, f, NUT_SODIUM, 0);
	ui_put_col(w, y, l->sodium, buf, true);
	figure(buf, sizeof buf, f, NUT_SAT_FAT, 1);
	ui_put_col(w, y, l->fat, buf, true);
	/* What fits is K2-rich by the rule: say only what K2 is not known. */
	rule_flag_words(fl & (best ? RULE_MK4_ONLY : RULE_K2_RICH |
	    RULE_MK4_ONLY), RULE_WORDS_SHORT, words, sizeof words);
	ui_put_col(w, y, l->flags, words, false);
	if (sel)
		wattroff(w, A_REVERSE);
}

/* The line under the title: what the list is of. */
static void
info_text(const struct tui_state *s, const struct tui_env *env, char *buf,
    size_t len, int cols)
{
	const struct suggest *g = &env->view->sug;

	if (s->find.order != TUI_ORDER_BEST) {
		snprintf(buf, len, "Every food by %s; K2-rich ones marked.",
		    tui_order_name(s->find.order, true));
		return;
	}
	suggest_line(g, (size_t)(cols - 2), buf, len);
	if (buf[0] == '\0')
		snprintf(buf, len, g->anticoagulant ? "Foods by how near a "
		    "serving brings the day to the week's daily vitamin K." :
		    "The week's K2-rich servings are met; these still fit "
		    "what is left.");
}

/* Draw the finder. */
void
ui_find_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	struct layout_list l;
	char line[512], k2[16];
	size_t n = tui_find_rows(s, env), top, i;
	int rows, cols;

	getmaxyx(w, rows, cols);
	layout_find(rows, cols, &l);
	snprintf(line, sizeof line, " K2 finder: %s (s: order)",
	    tui_order_name(s->find.order, true));
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, l.title_y, 0, ' ', cols);
	ui_put(w, l.title_y, 0, cols, line, false);
	wattroff(w, A_REVERSE | A_BOLD);
	if (l.info_y >= 0) {
		info_text(s, env, line, sizeof line, cols);
		ui_put_wrap(w, l.info_y, 1, cols - 2, 2, 2, line);
	}
	if (l.head_y >= 0) {
		snprintf(k2, sizeof k2, "K2 %s", text_ug());
		wattron(w, A_BOLD);
		ui_put_col(w, l.head_y, l.name, "a serving of", false);
		ui_put_col(w, l.head_y, l.k2, k2, true);
		ui_put_col(w, l.head_y, l.sodium, "sodium mg", true);
		ui_put_col(w, l.head_y, l.fat, "sat fat g", true);
		wattroff(w, A_BOLD);
	}
	if (n == 0)
		ui_put_wrap(w, l.list_y, 2, cols - 4, 3, 0, s->find.order ==
		    TUI_ORDER_BEST && env->view->has_sug ? "No food fits what "
		    "is left of the limits. s lists every food by K2." :
		    "No food to list.");
	top = s->find.sel >= (size_t)l.list_h ? s->find.sel -
	    (size_t)l.list_h + 1 : 0;
	for (i = top; i < n && i < top + (size_t)l.list_h; i++)
		food_line(w, l.list_y + (int)(i - top), &l, env,
		    tui_find_food(s, env, i), s->find.order == TUI_ORDER_BEST,
		    i == s->find.sel);
	if (s->status[0] != '\0') {
		wattron(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
		ui_put(w, l.status_y, 1, cols - 2, s->status, false);
		wattroff(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
	}
	wattron(w, ui_attr(UI_DIM));
	ui_hints(w, l.hint_y, 1, cols - 2, tui_keymap_of(s->screen));
	wattroff(w, ui_attr(UI_DIM));
}
