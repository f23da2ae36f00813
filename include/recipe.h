/* SPDX-License-Identifier: ISC */
/* Recipes: foods whose nutrients are the sums of their ingredients (DESIGN §3). */
#ifndef K2_RECIPE_H
#define K2_RECIPE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

struct catalogue;

/* One ingredient of a recipe: an amount (amount.h) of a food, by id. */
struct ingredient {
	char		*food;
	char		*amount;
	unsigned	 line;		/* where its food is named */
	unsigned	 col;
	unsigned	 amount_line;	/* where its amount is */
	unsigned	 amount_col;
};

/*
 * A recipe as written (DESIGN §3): the food with this id, file and
 * position takes its nutrients, and its default serving its grams when
 * they were left out, from its ingredients when catalogue_resolve_recipes
 * runs. The record stays after that, so that it can be written back.
 */
struct recipe {
	char		*id;
	const char	*file;		/* borrowed, as the food's */
	unsigned	 line;		/* the food's position */
	unsigned	 col;
	struct ingredient *ing;
	size_t		 n_ing;
	double		 yields;	/* default servings it makes */
	bool		 yields_given;
	bool		 servings_given;	/* else one serving "serving" */
	bool		 grams_given;	/* its default serving has grams */
	bool		 resolved;
};

void recipe_release(struct recipe *);
/* Deep copy; file stays borrowed. */
void recipe_copy(struct recipe *dst, const struct recipe *src);
/*
 * Compute the nutrients of c's recipes from their ingredients, each
 * recipe's food of c after the recipes it uses, as
 * catalogue_resolve_recipes (catalogue.h) describes; every recipe record
 * of c must have its food in c. Each problem is reported in dl; the food
 * of a recipe that could not be computed is flagged in failed (one flag
 * a food of c). true when any was flagged.
 */
bool recipe_resolve(struct catalogue *c, const struct catalogue *base,
    struct diag_list *dl, bool *failed);

/* An ingredient not yet in a recipe: a food's id and an amount of it. */
struct recipe_part {
	const char	*food;
	const char	*amount;
};

/*
 * One serving of n parts that yield servings, from the foods of c, as a
 * recipe of them would have it: out holds the sums over yields, known[k]
 * (NUT_COUNT of them) how many parts gave nutrient k (it is unknown when
 * none did). 0, or -1 with d for a food not in c or an amount it cannot
 * take.
 */
struct nutrients;
int recipe_serving(const struct catalogue *c, const struct recipe_part *parts,
    size_t n, double yields, struct nutrients *out, unsigned *known,
    struct diag *d);

#endif
