/* SPDX-License-Identifier: ISC */
/*
 * A recipe of your own, made on the screen (issue 12; DESIGN §3): R opens
 * it; its name and how many servings it yields are typed; Ctrl-N adds an
 * ingredient through the picker and the amount prompt, as a food is
 * logged; Delete takes one out; Enter saves it to my-foods.yaml. Its key
 * table.
 */
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "recipe.h"
#include "text.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* R: a new recipe. */
unsigned
tui_recipe_open(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (!env->view->own_foods) {
		tui_status(s, true, "--foods FILE is in use alone: no own foods");
		return TUI_REDRAW;
	}
	memset(&s->recipe, 0, sizeof s->recipe);
	s->recipe.active = true;
	tui_line_set(&s->recipe.yields, "1");
	s->screen = TUI_SCREEN_RECIPE;
	return TUI_REDRAW;
}

/*
 * The amount prompt's Enter while a recipe is being made: the food and
 * the amount (every digit) become an ingredient; back to the recipe.
 */
void
tui_recipe_add(struct tui_state *s, const struct food *f,
    const struct amount *a)
{
	struct tui_recipe *r = &s->recipe;
	char q[40];

	if (r->n == TUI_RECIPE_MAX) {
		tui_status(s, true, "at most %d ingredients", TUI_RECIPE_MAX);
		s->screen = TUI_SCREEN_RECIPE;
		return;
	}
	snprintf(r->ing[r->n].food, sizeof r->ing[r->n].food, "%s", f->id);
	snprintf(r->ing[r->n].amount, sizeof r->ing[r->n].amount, "%s %s",
	    text_num_exact(q, sizeof q, a->quantity), a->label);
	r->sel = r->n++;
	tui_status(s, false, "%s %s in the recipe", r->ing[r->sel].amount,
	    f->name);
	s->screen = TUI_SCREEN_RECIPE;
}

/* The parts of the recipe, for recipe_serving (borrowing its strings). */
size_t
tui_recipe_parts(const struct tui_recipe *r, struct recipe_part *parts)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		parts[i].food = r->ing[i].food;
		parts[i].amount = r->ing[i].amount;
	}
	return r->n;
}

/* How many servings it yields; -1 with d when that is no such number. */
int
tui_recipe_yields(const struct tui_recipe *r, double *y, struct diag *d)
{
	if (foodform_number("yields", r->yields.buf, y, d) != 0)
		return -1;
	if (!(*y > 0) || *y > CATALOGUE_YIELDS_MAX) {
		diag_set(d, NULL, 0, 0, "yields: above 0 and at most %g "
		    "servings", CATALOGUE_YIELDS_MAX);
		return -1;
	}
	return 0;
}

/* Letters and the editing keys: the name or the servings it yields. */
static unsigned
recipe_type(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	struct tui_recipe *r = &s->recipe;

	(void)env;
	(void)cmd;
	return tui_line_edit(r->field == 0 ? &r->name : &r->yields, k) ?
	    TUI_REDRAW : 0;
}

/* Tab, Shift-Tab: the name or the servings it yields. */
static unsigned
recipe_field(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->recipe.field = !s->recipe.field;
	return TUI_REDRAW;
}

/* Up, Down: the ingredient above or below. */
static unsigned
recipe_move(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	struct tui_recipe *r = &s->recipe;

	(void)env;
	(void)cmd;
	if (k.key == TK_UP && r->sel > 0)
		r->sel--;
	else if (k.key == TK_DOWN && r->sel + 1 < r->n)
		r->sel++;
	return TUI_REDRAW;
}

/* Ctrl-N: an ingredient, found in the picker, its amount in the prompt. */
static unsigned
recipe_more(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	tui_pick_open(s, env);
	return TUI_REDRAW;
}

/* Delete: take the selected ingredient out. */
static unsigned
recipe_drop(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	struct tui_recipe *r = &s->recipe;

	(void)env;
	(void)k;
	(void)cmd;
	if (r->n == 0)
		return TUI_REDRAW;
	memmove(&r->ing[r->sel], &r->ing[r->sel + 1], (r->n - r->sel - 1) *
	    sizeof r->ing[0]);
	r->n--;
	if (r->sel >= r->n && r->sel > 0)
		r->sel--;
	return TUI_REDRAW;
}

/* Enter: save it, once it has a name, an ingredient and its servings. */
static unsigned
recipe_save(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	struct tui_recipe *r = &s->recipe;
	struct recipe_part parts[TUI_RECIPE_MAX];
	struct nutrients n;
	unsigned known[NUT_COUNT];
	struct diag d;
	double y;

	(void)k;
	if (!catalogue_check_text("name", r->name.buf, CATALOGUE_NAME_MAX,
	    &d)) {
		r->field = 0;
		tui_status(s, true, "%s", d.msg);
		return TUI_REDRAW;
	}
	if (tui_recipe_yields(r, &y, &d) != 0) {
		r->field = 1;
		tui_status(s, true, "%s", d.msg);
		return TUI_REDRAW;
	}
	if (r->n == 0) {
		tui_status(s, true, "no ingredient yet: Ctrl-N adds one");
		return TUI_REDRAW;
	}
	if (recipe_serving(env->cat, parts, tui_recipe_parts(r, parts), y,
	    &n, known, &d) != 0) {
		tui_status(s, true, "%s", d.msg);
		return TUI_REDRAW;
	}
	cmd->type = TUI_CMD_SAVE_RECIPE;
	cmd->recipe = r;
	return TUI_REDRAW | TUI_CMD;
}

/* Esc: back to the day; a recipe with something in it asks first. */
static unsigned
recipe_leave(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	if (s->recipe.n > 0 || s->recipe.name.len > 0) {
		s->asked_from = TUI_SCREEN_RECIPE;
		s->screen = TUI_SCREEN_DISCARD;
		return TUI_REDRAW;
	}
	s->recipe.active = false;
	s->screen = TUI_SCREEN_DAY;
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "letters", "type the name, or how many servings it makes", NULL, 0,
	    recipe_type, { TUI_TEXT } },
	{ "Backspace  Ctrl-U  Ctrl-W", "edit", NULL, 0, recipe_type,
	    { TUI_KEY(TK_BACKSPACE), TUI_KEY(TK_CTRL_U),
	    TUI_KEY(TK_CTRL_W) } },
	{ "Tab  Shift-Tab", "the name, or the servings it makes", "Tab field",
	    3, recipe_field, { TUI_KEY(TK_TAB), TUI_KEY(TK_BTAB) } },
	{ "Ctrl-N", "add an ingredient: find it, then its amount", "^N add", 0,
	    recipe_more, { TUI_KEY(TK_CTRL_N) } },
	{ "Up  Down", "select an ingredient", NULL, 0, recipe_move,
	    { TUI_KEY(TK_UP), TUI_KEY(TK_DOWN) } },
	{ "Delete", "take the selected ingredient out", "Del remove", 4,
	    recipe_drop, { TUI_KEY(TK_DELETE) } },
	{ "Enter", "save the recipe, then log it", "Enter save", 1,
	    recipe_save, { TUI_KEY(TK_ENTER) } },
	{ "Esc", "back (asks first when something is in it)", "Esc back", 2,
	    recipe_leave, { TUI_KEY(TK_ESC) } },
};

const struct tui_keymap tui_recipe_keymap = {
	"In a recipe:", TUI_SCREEN_RECIPE, rows, ARRAY_LEN(rows), NULL
};
