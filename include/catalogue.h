/* SPDX-License-Identifier: ISC */
/* The food catalogue as a model: foods by id, merging, the rules every food meets. */
#ifndef K2_CATALOGUE_H
#define K2_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "food.h"
#include "recipe.h"

#define CATALOGUE_VERSION 1
#define CATALOGUE_ID_MAX 40
#define CATALOGUE_NAME_MAX 200
#define CATALOGUE_LABEL_MAX 24
#define CATALOGUE_GRAMS_MAX 5000.0
#define CATALOGUE_SOURCE_MAX 1000
/* A recipe: at most this many ingredients, and yields in (0, this]. */
#define CATALOGUE_INGREDIENTS_MAX 100
#define CATALOGUE_YIELDS_MAX 1000.0
/* The food id of one-off entries (DESIGN §3b): no catalogue food has it. */
#define CATALOGUE_QUICK_ID "quick"
/* The id of an own food starts with this (DESIGN §3b). */
#define CATALOGUE_OWN_PREFIX "my_"

struct catalogue {
	struct food	*foods;		/* in file order */
	size_t		 n;
	size_t		*by_id;		/* indexes of foods sorted by id */
	char		**files;	/* names the foods' file pointers borrow */
	size_t		 n_files;
	/* The built-in table's foods borrow these (see catalogue_table.h). */
	struct serving	*table_servings;
	char		**table_aliases;
	/* The recipes of its foods, as written (struct recipe, recipe.h). */
	struct recipe	*recipes;
	size_t		 n_recipes;
};

void catalogue_init(struct catalogue *);
void catalogue_release(struct catalogue *);
/* Append f, its contents moved into c; *cap is the room in c->foods. */
void catalogue_add(struct catalogue *, struct food *f, size_t *cap);
/* Sort the index by id, after foods were added. */
void catalogue_index(struct catalogue *);
/* Keep a copy of a file name that foods borrow (food.file); returns it. */
const char *catalogue_own_name(struct catalogue *, const char *name);
/*
 * Report foods whose id was used earlier (bad foods included), then drop
 * the duplicates and the foods marked in drop (one flag a food); rebuilds
 * the index.
 */
void catalogue_drop_duplicates(struct catalogue *, const char *file,
    struct diag_list *dl, bool *drop);
/* Move over's foods into c, replacing foods with the same id; over is emptied. */
void catalogue_merge(struct catalogue *c, struct catalogue *over);
/* Food by id, or NULL. Borrowed: lives as long as the catalogue. */
const struct food *catalogue_find(const struct catalogue *, const char *id);
/* The index in c->foods of the food with this id, or -1. */
long catalogue_index_of(const struct catalogue *c, const char *id);

/* Append a recipe record (its contents moved into c). */
void catalogue_add_recipe(struct catalogue *, struct recipe *r);
/* The recipe of a food of c, or NULL when it is none. Borrowed. */
const struct recipe *catalogue_recipe(const struct catalogue *,
    const struct food *f);
/*
 * Compute the nutrients of c's recipes from their ingredients (DESIGN §3),
 * after the catalogues were merged: an ingredient is a food of c, or else
 * of base (NULL: none), so a user's recipe may use built-in foods. A
 * nutrient some ingredients lack stays known as the sum of the known
 * parts, with the counts in food.recipe_n and recipe_known. An unknown
 * ingredient, an amount that does not parse, or a cycle is reported at
 * its FILE:LINE:COL; such recipes (and the recipes that use them) are
 * dropped from c. Returns 0, or -1 when something was reported.
 */
int catalogue_resolve_recipes(struct catalogue *c,
    const struct catalogue *base, struct diag_list *dl);

/* The own foods (DESIGN §3b), for the store and the commands. */
/*
 * A new id: "my_" and the words of text (lower case, accents dropped,
 * a-z and 0-9 kept, other runs one '_'), then "_2", "_3" ... until no food
 * of a or b (either may be NULL) has it. Caller frees.
 */
char *catalogue_new_id(const char *text, const struct catalogue *a,
    const struct catalogue *b);
/*
 * Put f into c (its contents moved), replacing the food with its id, and
 * set its recipe: r (moved; NULL when f is no recipe). Rebuilds the index.
 */
void catalogue_put(struct catalogue *c, struct food *f, struct recipe *r);
/* Remove the food with this id and its recipe; false when there is none. */
bool catalogue_remove(struct catalogue *c, const char *id);
/* Deep copy of a food (a built-in one included); dst owns its copy. */
void catalogue_food_copy(struct food *dst, const struct food *src);
/*
 * The same foods in the same order, with the same fields, numbers equal
 * to the bit and the same recipes (where they were defined aside).
 */
bool catalogue_equal(const struct catalogue *a, const struct catalogue *b);

/* The rules of a food, for every maker of foods. */
/* An id: a-z, 0-9 and _ (its length is checked apart). */
bool catalogue_valid_id(const char *);
/* A serving label: a word of letters (any script) and '-', not first. */
bool catalogue_valid_label(const char *);
/*
 * Text for key: not empty, at most max bytes, valid UTF-8, no control
 * character. false with the loader's message in d (no file or line: the
 * caller knows where the text came from).
 */
bool catalogue_check_text(const char *key, const char *s, size_t max,
    struct diag *d);
/* A serving label (text, a word, not a unit of every food); as above. */
bool catalogue_check_label(const char *label, struct diag *d);
/*
 * A nutrient value of f (per 100 g, or per default serving of its grams)
 * within what its weight can hold; false with the loader's message in d.
 */
bool catalogue_check_nutrient(const struct food *f, enum nutrient k,
    double v, struct diag *d);
/*
 * Finish f's nutrients (nutrients_finish) and check its K2: the chains
 * add up to no more than a k2_ug given, and the total fits the weight.
 * false with the loader's message in d (the nutrients are finished anyway).
 */
bool catalogue_finish_k2(struct food *f, struct diag *d);

#endif
