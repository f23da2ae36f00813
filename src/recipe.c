/* SPDX-License-Identifier: ISC */
/*
 * Recipes (DESIGN §3): the records as written, and the nutrients of their
 * foods computed from the ingredients, depth first, with cycles reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "catalogue.h"
#include "recipe.h"
#include "util.h"

/* Free a recipe record's contents. */
void
recipe_release(struct recipe *r)
{
	size_t i;

	for (i = 0; i < r->n_ing; i++) {
		free(r->ing[i].food);
		free(r->ing[i].amount);
	}
	free(r->ing);
	free(r->id);
	memset(r, 0, sizeof *r);
}

/* Deep copy of a recipe record. */
void
recipe_copy(struct recipe *dst, const struct recipe *src)
{
	size_t i;

	*dst = *src;
	dst->id = xstrdup(src->id);
	dst->ing = xcalloc(src->n_ing + 1, sizeof *dst->ing);
	for (i = 0; i < src->n_ing; i++) {
		dst->ing[i] = src->ing[i];
		dst->ing[i].food = xstrdup(src->ing[i].food);
		dst->ing[i].amount = xstrdup(src->ing[i].amount);
	}
}

/* Where each recipe stands while they are computed. */
enum recipe_state {
	RS_TODO,
	RS_BUSY,	/* on the stack: its ingredients are being added */
	RS_DONE,
	RS_FAILED
};

/* The sums of one recipe's ingredients so far. */
struct recipe_sum {
	double		 v[NUT_COUNT];
	unsigned char	 known[NUT_COUNT];
	double		 grams;
	bool		 failed;
	bool		 in_cycle;	/* its cycle was reported already */
};

/* One recipe on the stack: the ingredient to add next. */
struct recipe_frame {
	size_t		 rec;
	size_t		 next;
};

struct resolver {
	struct catalogue *c;
	const struct catalogue *base;
	struct diag_list *dl;
	long		*food_of;	/* the food of each recipe */
	long		*rec_of;	/* the recipe of each food, or -1 */
	unsigned char	*state;
	struct recipe_sum *sum;
	struct recipe_frame *stack;
	size_t		 depth;
};

/* Report the cycle that ingredient ing of the top recipe closes at rec. */
static void
report_cycle(struct resolver *rs, const struct ingredient *ing, size_t rec)
{
	const struct recipe *r = &rs->c->recipes[rs->stack[rs->depth - 1].rec];
	char path[400];
	size_t i, at = 0, used = 0;
	int w;

	for (i = 0; i < rs->depth; i++)
		if (rs->stack[i].rec == rec)
			at = i;
	path[0] = '\0';
	for (i = at; i < rs->depth; i++) {
		w = snprintf(path + used, sizeof path - used, "'%s' -> ",
		    rs->c->recipes[rs->stack[i].rec].id);
		if (w < 0 || (size_t)w >= sizeof path - used)
			break;
		used += (size_t)w;
		rs->sum[rs->stack[i].rec].in_cycle = true;
	}
	if (at == rs->depth - 1)
		diag_add(rs->dl, r->file, ing->line, ing->col, "recipe '%s' "
		    "has itself as an ingredient", r->id);
	else
		diag_add(rs->dl, r->file, ing->line, ing->col, "a cycle of "
		    "recipes: %s'%s'", path, rs->c->recipes[rec].id);
}

/* The sums of the top recipe are complete: set its food. */
static void
finish_recipe(struct resolver *rs, size_t rec)
{
	struct recipe *r = &rs->c->recipes[rec];
	struct food *f = &rs->c->foods[rs->food_of[rec]];
	struct recipe_sum *s = &rs->sum[rec];
	struct diag d;
	double grams = s->grams / r->yields;
	int k;

	if (s->failed) {
		rs->state[rec] = RS_FAILED;
		return;
	}
	if (!r->grams_given && grams > CATALOGUE_GRAMS_MAX) {
		diag_add(rs->dl, r->file, r->line, r->col, "recipe '%s': one "
		    "serving would weigh %.10g g, more than %.10g g: give "
		    "'yields', how many servings it makes", r->id, grams,
		    CATALOGUE_GRAMS_MAX);
		rs->state[rec] = RS_FAILED;
		return;
	}
	if (!r->grams_given)
		f->servings[0].grams = grams;
	f->per_serving = true;
	f->nut.known = 0;
	f->recipe_n = (unsigned char)r->n_ing;
	for (k = 0; k < NUT_COUNT; k++) {
		f->nut.v[k] = 0;
		f->recipe_known[k] = s->known[k];
		if (s->known[k] > 0)
			nutrients_set(&f->nut, k, s->v[k] / r->yields);
	}
	/* A serving given a weight must be able to hold what it gets. */
	for (k = 0; k < NUT_COUNT && r->grams_given; k++) {
		if (nutrients_has(&f->nut, k) && !catalogue_check_nutrient(f,
		    k, f->nut.v[k], &d)) {
			diag_add(rs->dl, r->file, r->line, r->col, "recipe "
			    "'%s': %s", r->id, d.msg);
			rs->state[rec] = RS_FAILED;
			return;
		}
	}
	r->resolved = true;
	rs->state[rec] = RS_DONE;
}

/*
 * Add the next ingredient of the top recipe, or push the recipe it needs
 * first; false when the top recipe had no ingredient left.
 */
static bool
resolve_step(struct resolver *rs)
{
	struct recipe_frame *top = &rs->stack[rs->depth - 1];
	const struct recipe *r = &rs->c->recipes[top->rec];
	struct recipe_sum *s = &rs->sum[top->rec];
	const struct ingredient *ing;
	const struct food *g = NULL;
	struct nutrients n;
	struct amount a;
	struct diag ad;
	long k, gr = -1;
	int e;

	if (top->next == r->n_ing)
		return false;
	ing = &r->ing[top->next++];
	if ((k = catalogue_index_of(rs->c, ing->food)) >= 0) {
		g = &rs->c->foods[k];
		gr = rs->rec_of[k];
	} else if (rs->base != NULL)
		g = catalogue_find(rs->base, ing->food);
	if (g == NULL) {
		diag_add(rs->dl, r->file, ing->line, ing->col, "unknown food "
		    "'%s' in recipe '%s'", ing->food, r->id);
		s->failed = true;
		return true;
	}
	if (gr >= 0 && rs->state[gr] != RS_DONE) {
		if (rs->state[gr] == RS_BUSY) {
			report_cycle(rs, ing, (size_t)gr);
			s->failed = true;
		} else if (rs->state[gr] == RS_FAILED) {
			if (!s->in_cycle)
				diag_add(rs->dl, r->file, ing->line, ing->col,
				    "ingredient '%s' of recipe '%s' is a "
				    "recipe with errors", ing->food, r->id);
			s->failed = true;
		} else {
			/* Its nutrients first; then this ingredient again. */
			top->next--;
			rs->state[gr] = RS_BUSY;
			rs->stack[rs->depth].rec = (size_t)gr;
			rs->stack[rs->depth++].next = 0;
		}
		return true;
	}
	if (amount_parse(ing->amount, g, &a, &ad) != 0) {
		diag_add(rs->dl, r->file, ing->amount_line, ing->amount_col,
		    "%s (ingredient '%s' of recipe '%s')", ad.msg, ing->food,
		    r->id);
		s->failed = true;
		return true;
	}
	food_nutrients(g, a.grams, a.servings, &n);
	for (e = 0; e < NUT_COUNT; e++) {
		if (!nutrients_has(&n, e))
			continue;
		s->v[e] += n.v[e];
		s->known[e]++;
	}
	s->grams += a.grams;
	return true;
}

/* Compute the nutrients of c's recipes; flag the foods of those that failed. */
bool
recipe_resolve(struct catalogue *c, const struct catalogue *base,
    struct diag_list *dl, bool *failed)
{
	struct resolver rs;
	size_t i;
	bool any = false;

	memset(&rs, 0, sizeof rs);
	rs.c = c;
	rs.base = base;
	rs.dl = dl;
	rs.food_of = xreallocarray(NULL, c->n_recipes, sizeof *rs.food_of);
	rs.rec_of = xreallocarray(NULL, c->n + 1, sizeof *rs.rec_of);
	rs.state = xcalloc(c->n_recipes, sizeof *rs.state);
	rs.sum = xcalloc(c->n_recipes, sizeof *rs.sum);
	rs.stack = xcalloc(c->n_recipes, sizeof *rs.stack);
	for (i = 0; i < c->n; i++)
		rs.rec_of[i] = -1;
	for (i = 0; i < c->n_recipes; i++) {
		rs.food_of[i] = catalogue_index_of(c, c->recipes[i].id);
		rs.rec_of[rs.food_of[i]] = (long)i;
		if (c->recipes[i].resolved)
			rs.state[i] = RS_DONE;
	}
	/* Depth first, on a stack of our own: a chain may be long. */
	for (i = 0; i < c->n_recipes; i++) {
		if (rs.state[i] != RS_TODO)
			continue;
		rs.state[i] = RS_BUSY;
		rs.stack[0].rec = i;
		rs.stack[0].next = 0;
		rs.depth = 1;
		while (rs.depth > 0) {
			if (!resolve_step(&rs))
				finish_recipe(&rs, rs.stack[--rs.depth].rec);
		}
	}
	for (i = 0; i < c->n_recipes; i++) {
		if (rs.state[i] == RS_FAILED) {
			failed[rs.food_of[i]] = true;
			any = true;
		}
	}
	free(rs.food_of);
	free(rs.rec_of);
	free(rs.state);
	free(rs.sum);
	free(rs.stack);
	return any;
}

/*
 * One serving of ingredients not yet saved (the screen's recipe): the sum
 * of each amount of each food of c, divided by yields, as the loader
 * computes a recipe (an unknown part counted in known[], never as 0).
 */
int
recipe_serving(const struct catalogue *c, const struct recipe_part *parts,
    size_t n, double yields, struct nutrients *out, unsigned *known,
    struct diag *d)
{
	const struct food *f;
	struct nutrients one;
	struct amount a;
	double sum[NUT_COUNT] = { 0 };
	size_t i;
	int k;

	memset(out, 0, sizeof *out);
	memset(known, 0, NUT_COUNT * sizeof *known);
	for (i = 0; i < n; i++) {
		if ((f = catalogue_find(c, parts[i].food)) == NULL) {
			diag_set(d, NULL, 0, 0, "unknown food '%s'",
			    parts[i].food);
			return -1;
		}
		if (amount_parse(parts[i].amount, f, &a, d) != 0)
			return -1;
		food_nutrients(f, a.grams, a.servings, &one);
		for (k = 0; k < NUT_COUNT; k++) {
			if (!nutrients_has(&one, k))
				continue;
			sum[k] += one.v[k];
			known[k]++;
		}
	}
	for (k = 0; k < NUT_COUNT; k++)
		if (known[k] > 0)
			nutrients_set(out, k, sum[k] / yields);
	return 0;
}
