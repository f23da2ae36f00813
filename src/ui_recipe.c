/* SPDX-License-Identifier: ISC */
/* A recipe being made: its name, servings, ingredients and one serving. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "recipe.h"
#include "rules.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

/* "K2 12.3+ µg": a figure of one serving, + when some parts lack it. */
static void
figure(char *buf, size_t len, const char *name, const struct nutrients *n,
    const unsigned *known, size_t parts, enum nutrient k, const char *unit)
{
	char v[32];

	if (!nutrients_has(n, k))
		snprintf(buf, len, "%s ? %s", name, unit);
	else
		snprintf(buf, len, "%s %s%s %s", name, text_number(v, sizeof v,
		    n->v[k], k == NUT_SODIUM ? 0 : 1), known[k] < parts ? "+" :
		    "", unit);
}

/* One serving of what is in the recipe so far, and what it covers. */
static void
serving_line(WINDOW *w, int y, int cols, const struct tui_recipe *r,
    const struct tui_env *env)
{
	struct recipe_part parts[TUI_RECIPE_MAX];
	struct nutrients n;
	unsigned known[NUT_COUNT];
	struct diag d;
	char line[512], a[64], b[64], c[64];
	double yields;
	size_t np = tui_recipe_parts(r, parts);

	if (np == 0 || tui_recipe_yields(r, &yields, &d) != 0 ||
	    recipe_serving(env->cat, parts, np, yields, &n, known, &d) != 0)
		return;
	figure(a, sizeof a, "K2", &n, known, np, NUT_K2, text_ug());
	figure(b, sizeof b, "sat fat", &n, known, np, NUT_SAT_FAT, "g");
	figure(c, sizeof c, "sodium", &n, known, np, NUT_SODIUM, "mg");
	snprintf(line, sizeof line, "a serving: %s, %s, %s", a, b, c);
	if (known[NUT_K2] < np)
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    " (K2 known for %u of %zu ingredients)", known[NUT_K2], np);
	wattron(w, A_BOLD);
	ui_put(w, y, 1, cols - 2, line, false);
	wattroff(w, A_BOLD);
}

/* A field: its label, the text, a cursor when typed into. */
static void
field(WINDOW *w, int y, const char *label, const struct tui_line *l,
    bool cur)
{
	ui_put(w, y, 2, 16, label, false);
	wattron(w, A_UNDERLINE);
	ui_put(w, y, 19, 30, l->buf, true);
	wattroff(w, A_UNDERLINE);
	if (cur) {
		int x = 19 + (int)text_width(l->buf);
		wattron(w, A_REVERSE);
		mvwaddch(w, y, x < 48 ? x : 48, ' ');
		wattroff(w, A_REVERSE);
	}
}

/* Draw the recipe (and its question when it asks to be thrown away). */
void
ui_recipe_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	const struct tui_recipe *r = &s->recipe;
	const struct food *f;
	struct layout_list l;
	char line[512];
	size_t i, top;
	int rows, cols, y;

	getmaxyx(w, rows, cols);
	layout_form(rows, cols, &l);
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, l.title_y, 0, ' ', cols);
	ui_put(w, l.title_y, 0, cols, " A recipe of your own (my-foods.yaml)",
	    false);
	wattroff(w, A_REVERSE | A_BOLD);
	y = l.list_y;
	field(w, y++, "name", &r->name, r->field == 0);
	field(w, y++, "servings", &r->yields, r->field == 1);
	serving_line(w, y++, cols, r, env);
	ui_put(w, y++, 2, cols - 4, r->n == 0 ? "No ingredient yet: Ctrl-N "
	    "finds one, the amount prompt takes its amount." : "ingredients:",
	    false);
	top = r->sel >= (size_t)(l.status_y - y) ? r->sel - (size_t)(l.status_y
	    - y) + 1 : 0;
	for (i = top; i < r->n && y < l.status_y; i++, y++) {
		f = catalogue_find(env->cat, r->ing[i].food);
		snprintf(line, sizeof line, "%-12s %s", r->ing[i].amount,
		    f != NULL ? f->name : r->ing[i].food);
		if (i == r->sel)
			wattron(w, A_REVERSE);
		ui_put(w, y, 2, cols - 4, line, true);
		if (i == r->sel)
			wattroff(w, A_REVERSE);
	}
	if (s->screen == TUI_SCREEN_DISCARD) {
		wattron(w, A_REVERSE | A_BOLD);
		mvwhline(w, l.status_y, 0, ' ', cols);
		ui_put(w, l.status_y, 1, cols - 2, "Throw away this recipe? y/n",
		    false);
		wattroff(w, A_REVERSE | A_BOLD);
	} else if (s->status[0] != '\0') {
		wattron(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
		ui_put(w, l.status_y, 1, cols - 2, s->status, false);
		wattroff(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
	}
	wattron(w, ui_attr(UI_DIM));
	ui_hints(w, l.hint_y, 1, cols - 2, tui_keymap_of(s->screen));
	wattroff(w, ui_attr(UI_DIM));
}
