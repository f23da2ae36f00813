/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for recipes (DESIGN §3, issue 12): nutrients computed from
 * the ingredients when the catalogue loads, after merging. Every expected
 * figure is worked out by hand in the comments, from the project's
 * foods.yaml, never taken from the program.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_yaml.h"
#include "food.h"

#ifndef K2_SRCDIR
#define K2_SRCDIR "."
#endif
#define FOODS K2_SRCDIR "/foods.yaml"
#define RECIPES K2_SRCDIR "/tests/data/recipes/"

/* Sums of a few decimals: equal to well within what a double keeps. */
#define EPS 1e-9

/* A diag_list is about 26 KiB: keep it off the stack. */
static struct diag_list dl;

static const char *
msg(size_t i)
{
	static char buf[1024];

	if (i >= dl.n)
		fail_msg("message %zu asked for, only %zu reported", i, dl.n);
	diag_format(&dl.d[i], buf, sizeof buf);
	return buf;
}

static void
print_messages(void)
{
	size_t i;

	for (i = 0; i < dl.n; i++)
		print_message("  %s\n", msg(i));
}

/*
 * The project's foods.yaml, then the recipe file read over it, merged and
 * resolved the way the program loads a user's foods.yaml. Returns what
 * catalogue_resolve_recipes returned.
 */
static int
load_over_foods(struct catalogue *c, const char *path)
{
	struct catalogue user;

	diag_list_init(&dl);
	if (catalogue_load_file(c, FOODS, &dl) != 0) {
		print_messages();
		fail_msg("foods.yaml does not load");
	}
	if (catalogue_read_file(&user, path, &dl) != 0) {
		print_messages();
		fail_msg("%s does not read", path);
	}
	catalogue_merge(c, &user);
	return catalogue_resolve_recipes(c, NULL, &dl);
}

static void
assert_near(double got, double want, const char *what)
{
	if (fabs(got - want) > EPS * (fabs(want) > 1 ? fabs(want) : 1))
		fail_msg("%s is %.17g, worked out by hand %.17g", what, got,
		    want);
}

/* Known with this value, from this many of the recipe's ingredients. */
static void
assert_nut(const struct food *f, enum nutrient k, double want,
    unsigned known)
{
	assert_true(nutrients_has(&f->nut, k));
	assert_near(f->nut.v[k], want, nutrient_key(k));
	assert_int_equal(f->recipe_known[k], known);
}

/*
 * The done-when recipe of issue 12, yields 1, against foods.yaml. By hand
 * (foods.yaml lines 65-75, 291-300, 337-346):
 *
 * 2 egg_whole = 2 large of 50 g = 100 g, per 100 g:
 *	mk4 8, k1 0.3, sat fat 3.267, sodium 124, kcal 155 (no MK-7/other)
 * 10 g butter = 10/100 of 20.9, 7, 51.368, 643, 717:
 *	mk4 2.09, k1 0.7, sat fat 5.1368, sodium 64.3, kcal 71.7
 * 1 slice gouda = 28 g = 28/100 of mk_other 47, k1 2.3, sat fat 17.614,
 * sodium 819, kcal 356:
 *	mk_other 13.16, k1 0.644, sat fat 4.93192, sodium 229.32, kcal 99.68
 *
 * One serving = the total:
 *	grams      100 + 10 + 28                  = 138
 *	mk4        8 + 2.09                       = 10.09    (2 of 3)
 *	mk7        none                           = unknown  (0 of 3)
 *	mk_other   13.16                          = 13.16    (1 of 3)
 *	K2         8 + 2.09 + 13.16               = 23.25    (3 of 3)
 *	k1         0.3 + 0.7 + 0.644              = 1.644
 *	sat fat    3.267 + 5.1368 + 4.93192       = 13.33572
 *	sodium     124 + 64.3 + 229.32            = 417.62
 *	kcal       155 + 71.7 + 99.68             = 326.38
 */
static void
test_done_when_recipe(void **state)
{
	struct catalogue c;
	const struct food *f;
	struct nutrients one;

	(void)state;
	if (load_over_foods(&c, RECIPES "omelette.yaml") != 0) {
		print_messages();
		fail_msg("the recipe does not resolve");
	}
	f = catalogue_find(&c, "cheese_omelette");
	assert_non_null(f);
	assert_true(f->per_serving);
	assert_int_equal(f->n_servings, 1);
	assert_string_equal(f->servings[0].label, "serving");
	assert_near(f->servings[0].grams, 138, "grams of a serving");
	assert_int_equal(f->recipe_n, 3);
	assert_nut(f, NUT_MK4, 10.09, 2);
	assert_false(nutrients_has(&f->nut, NUT_MK7));
	assert_int_equal(f->recipe_known[NUT_MK7], 0);
	assert_nut(f, NUT_MK_OTHER, 13.16, 1);
	assert_nut(f, NUT_K2, 23.25, 3);
	assert_nut(f, NUT_K1, 1.644, 3);
	assert_nut(f, NUT_SAT_FAT, 13.33572, 3);
	assert_nut(f, NUT_SODIUM, 417.62, 3);
	assert_nut(f, NUT_KCAL, 326.38, 3);
	/* One serving of it is those figures, as any food's would be. */
	food_amount(f, 1, &one);
	assert_near(one.v[NUT_SODIUM], 417.62, "sodium of one serving");
	/* 23.25 µg of K2 a serving is K2-rich (12 µg); 13.3 g is high. */
	assert_true(food_is_k2_rich(f, 12));
	assert_true(food_high_sat_fat(f, 20));
	/* Other foods are no recipes. */
	assert_int_equal(catalogue_find(&c, "gouda")->recipe_n, 0);
	catalogue_release(&c);
}

/* The same recipe resolved against a base catalogue it is not merged into. */
static void
test_resolve_against_base(void **state)
{
	struct catalogue base, c;
	const struct food *f;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_file(&base, FOODS, &dl), 0);
	assert_int_equal(catalogue_read_file(&c, RECIPES "omelette.yaml",
	    &dl), 0);
	/* Read alone, nothing is computed yet. */
	f = catalogue_find(&c, "cheese_omelette");
	assert_int_equal(f->nut.known, 0);
	assert_int_equal(catalogue_resolve_recipes(&c, &base, &dl), 0);
	f = catalogue_find(&c, "cheese_omelette");
	assert_near(f->nut.v[NUT_SAT_FAT], 13.33572, "sat fat");
	assert_near(f->servings[0].grams, 138, "grams");
	/* Resolving again changes nothing (the recipe is marked done). */
	assert_int_equal(catalogue_resolve_recipes(&c, &base, &dl), 0);
	assert_near(f->nut.v[NUT_SAT_FAT], 13.33572, "sat fat, again");
	catalogue_release(&c);
	catalogue_release(&base);
}

/*
 * yields: 2 halves everything, and the default serving "plate", given
 * without grams, weighs the total / 2. From the figures above:
 *	plate      138 / 2        = 69 g
 *	mk4        10.09 / 2      = 5.045
 *	mk_other   13.16 / 2      = 6.58
 *	K2         23.25 / 2      = 11.625
 *	k1         1.644 / 2      = 0.822
 *	sat fat    13.33572 / 2   = 6.66786
 *	sodium     417.62 / 2     = 208.81
 *	kcal       326.38 / 2     = 163.19
 * "1 bite" (10 g) is 10 / 69 of a plate: its sodium 208.81 * 10 / 69
 * = 30.262318840579710...
 */
static void
test_yields_halves(void **state)
{
	struct catalogue c;
	const struct food *f;
	struct amount a;
	struct nutrients n;
	struct diag ad;

	(void)state;
	if (load_over_foods(&c, RECIPES "omelette-halves.yaml") != 0) {
		print_messages();
		fail_msg("the recipe does not resolve");
	}
	f = catalogue_find(&c, "omelette_for_two");
	assert_non_null(f);
	assert_string_equal(f->servings[0].label, "plate");
	assert_near(f->servings[0].grams, 69, "grams of a plate");
	assert_near(f->servings[1].grams, 10, "grams of a bite");
	assert_nut(f, NUT_MK4, 5.045, 2);
	assert_nut(f, NUT_MK_OTHER, 6.58, 1);
	assert_nut(f, NUT_K2, 11.625, 3);
	assert_nut(f, NUT_K1, 0.822, 3);
	assert_nut(f, NUT_SAT_FAT, 6.66786, 3);
	assert_nut(f, NUT_SODIUM, 208.81, 3);
	assert_nut(f, NUT_KCAL, 163.19, 3);
	assert_false(nutrients_has(&f->nut, NUT_MK7));
	/* The amount grammar works in its units like any food's. */
	assert_int_equal(amount_parse("1 bite", f, &a, &ad), 0);
	food_nutrients(f, a.grams, a.servings, &n);
	assert_near(n.v[NUT_SODIUM], 208.81 * 10 / 69, "sodium of a bite");
	assert_int_equal(amount_parse("2 plates", f, &a, &ad), 0);
	assert_near(a.grams, 138, "grams of two plates");
	catalogue_release(&c);
}

/*
 * A recipe that uses a recipe defined after it (nested.yaml), and a
 * partly known nutrient. By hand:
 *
 * cheese_spread, yields 4, serving tbsp of 15 g:
 *	2 slice gouda = 56 g: mk_other 26.32, k1 1.288, sat fat 9.86384,
 *	    sodium 458.64, kcal 199.36
 *	4 g butter: mk4 0.836, k1 0.28, sat fat 2.05472, sodium 25.72,
 *	    kcal 28.68
 *	total 60 g; one tbsp = total / 4: mk4 0.209, mk_other 6.58,
 *	K2 (26.32 + 0.836) / 4 = 6.789, k1 1.568 / 4 = 0.392,
 *	sat fat 11.91856 / 4 = 2.97964, sodium 484.36 / 4 = 121.09,
 *	kcal 228.04 / 4 = 57.01
 * sandwich, yields 1, serving "sandwich" without grams:
 *	2 slice bread_home = 60 g: sat fat 0.3, sodium 270, kcal 156, no K
 *	30 g cheese_spread = 2 tbsp: mk4 0.418, mk_other 13.16,
 *	    K2 13.578, k1 0.784, sat fat 5.95928, sodium 242.18, kcal 114.02
 *	total 90 g: K2 13.578 (1 of 2), k1 0.784 (1 of 2),
 *	sat fat 6.25928, sodium 512.18, kcal 270.02 (2 of 2)
 */
static void
test_nested_and_partly_known(void **state)
{
	struct catalogue c;
	const struct food *f;

	(void)state;
	if (load_over_foods(&c, RECIPES "nested.yaml") != 0) {
		print_messages();
		fail_msg("the recipes do not resolve");
	}
	f = catalogue_find(&c, "cheese_spread");
	assert_near(f->servings[0].grams, 15, "a tbsp (given)");
	assert_nut(f, NUT_MK4, 0.209, 1);
	assert_nut(f, NUT_K2, 6.789, 2);
	assert_nut(f, NUT_SAT_FAT, 2.97964, 2);
	assert_nut(f, NUT_SODIUM, 121.09, 2);
	assert_nut(f, NUT_KCAL, 57.01, 2);
	f = catalogue_find(&c, "sandwich");
	assert_near(f->servings[0].grams, 90, "a sandwich");
	assert_int_equal(f->recipe_n, 2);
	/* Partly known: kept as the known sum, and the count says so. */
	assert_nut(f, NUT_K2, 13.578, 1);
	assert_nut(f, NUT_K1, 0.784, 1);
	assert_nut(f, NUT_MK4, 0.418, 1);
	assert_nut(f, NUT_SAT_FAT, 6.25928, 2);
	assert_nut(f, NUT_SODIUM, 512.18, 2);
	assert_nut(f, NUT_KCAL, 270.02, 2);
	assert_false(nutrients_has(&f->nut, NUT_MK7));
	assert_int_equal(catalogue_find(&c, "bread_home")->recipe_n, 0);
	catalogue_release(&c);
}

/* An ingredient that does not exist: an error at its FILE:LINE:COL. */
static void
test_missing_ingredient(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load_over_foods(&c,
	    RECIPES "missing-ingredient.yaml"), -1);
	assert_int_equal(dl.n, 1);
	/* Line 8, "      - {food: no_such_bread": the id is at column 16. */
	assert_string_equal(msg(0), RECIPES "missing-ingredient.yaml:8:16: "
	    "unknown food 'no_such_bread' in recipe 'toast_bad'");
	/* The broken recipe is left out; the rest is there. */
	assert_null(catalogue_find(&c, "toast_bad"));
	assert_non_null(catalogue_find(&c, "butter"));
	catalogue_release(&c);
}

/*
 * A cycle: sauce_a uses sauce_b, which uses sauce_a. Reported once, where
 * it closes (sauce_b's ingredient, line 13); gratin, which uses sauce_a,
 * is told why it fails too (line 18). All three are left out.
 */
static void
test_cycle(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load_over_foods(&c, RECIPES "cycle.yaml"), -1);
	if (dl.n != 2)
		print_messages();
	assert_int_equal(dl.n, 2);
	assert_string_equal(msg(0), RECIPES "cycle.yaml:13:16: a cycle of "
	    "recipes: 'sauce_a' -> 'sauce_b' -> 'sauce_a'");
	assert_string_equal(msg(1), RECIPES "cycle.yaml:18:16: ingredient "
	    "'sauce_a' of recipe 'gratin' is a recipe with errors");
	assert_null(catalogue_find(&c, "sauce_a"));
	assert_null(catalogue_find(&c, "sauce_b"));
	assert_null(catalogue_find(&c, "gratin"));
	assert_non_null(catalogue_find(&c, "gouda"));
	assert_int_equal(c.n_recipes, 0);
	catalogue_release(&c);
}

/* Lines 1 to 5 of the inline recipes: a recipe "x" that starts a food. */
#define RECIPE_TOP \
	"version: 1\nfoods:\n" \
	"  - id: x\n" \
	"    name: X\n" \
	"    group: prepared\n"

/* text must be refused by catalogue_load_buffer with exactly want. */
static void
check_one_error(const char *text, const char *want)
{
	struct catalogue c;

	diag_list_init(&dl);
	assert_int_equal(catalogue_load_buffer(&c, "t.yaml", text,
	    strlen(text), &dl), -1);
	if (dl.n != 1)
		print_messages();
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), want);
	assert_null(catalogue_find(&c, "x"));
	catalogue_release(&c);
}

static void
test_self_cycle(void **state)
{
	(void)state;
	check_one_error(RECIPE_TOP "    ingredients:\n"
	    "      - {food: x, amount: \"1\"}\n",
	    "t.yaml:7:16: recipe 'x' has itself as an ingredient");
}

static void
test_bad_recipes(void **state)
{
	(void)state;
	check_one_error(RECIPE_TOP "    ingredients:\n"
	    "      - {food: y, amount: \"1\"}\n"
	    "    per_100g: {kcal: 100}\n",
	    "t.yaml:8:15: both 'per_100g' and 'ingredients' given: a "
	    "recipe's nutrients come from its ingredients");
	check_one_error(RECIPE_TOP "    servings: [{label: bowl, grams: 10}]\n"
	    "    per_100g: {kcal: 100}\n"
	    "    yields: 2\n",
	    "t.yaml:8:13: 'yields' goes with 'ingredients' (a recipe): leave "
	    "it out");
	check_one_error(RECIPE_TOP "    ingredients: []\n",
	    "t.yaml:6:18: 'ingredients' is empty: expected at least one "
	    "{food, amount}");
	check_one_error(RECIPE_TOP "    ingredients:\n"
	    "      - {food: y}\n",
	    "t.yaml:7:9: missing 'amount' in an ingredient (like \"2 slice\", "
	    "\"30g\" or \"1\")");
	check_one_error(RECIPE_TOP "    ingredients:\n"
	    "      - {food: Y z, amount: \"1\"}\n",
	    "t.yaml:7:16: invalid food id 'Y z' in an ingredient: an id is "
	    "a-z, 0-9 and _, at most 40 characters");
	check_one_error(RECIPE_TOP "    ingredients:\n"
	    "      - {food: y, amount: \"1\"}\n"
	    "    yields: 0\n",
	    "t.yaml:8:13: expected a number above 0 and at most 1000 for "
	    "'yields', found 0");
	/* The amount is read in the ingredient's units, at its position. */
	check_one_error(RECIPE_TOP "    ingredients:\n"
	    "      - {food: y, amount: \"2 cup\"}\n"
	    "  - id: y\n"
	    "    name: Y\n"
	    "    group: cheese\n"
	    "    servings: [{label: slice, grams: 28}]\n"
	    "    per_100g: {kcal: 356}\n",
	    "t.yaml:7:27: unknown unit 'cup' for Y: use slice, g, oz or lb "
	    "(ingredient 'y' of recipe 'x')");
	/* The id of one-off entries is no food's. */
	check_one_error("version: 1\nfoods:\n  - id: quick\n    name: Q\n"
	    "    group: other\n    servings: [{label: bowl, grams: 10}]\n"
	    "    per_100g: {kcal: 1}\n",
	    "t.yaml:3:9: id 'quick' is kept for one-off entries (k2diary "
	    "quick): use another");
}

/*
 * A weight the recipe cannot hold: 3 kg of y (100 g holds kcal 356, so
 * 3 kg holds 10680) in a bowl given as 100 g, at most 902 kcal. And a
 * serving left without grams that would weigh 3000 + 3000 = 6000 g, more
 * than 5000. (A slice of 50 g: 3 kg is 60 of them, within the amount
 * grammar's 100 servings.)
 */
static void
test_recipe_weight_rules(void **state)
{
	static const char y[] =
	    "  - id: y\n"
	    "    name: Y\n"
	    "    group: cheese\n"
	    "    servings: [{label: slice, grams: 50}]\n"
	    "    per_100g: {kcal: 356}\n";
	char text[1024];

	(void)state;
	snprintf(text, sizeof text, RECIPE_TOP
	    "    servings: [{label: bowl, grams: 100}]\n"
	    "    ingredients:\n"
	    "      - {food: y, amount: \"3000g\"}\n%s", y);
	check_one_error(text, "t.yaml:3:5: recipe 'x': 'kcal' is 10680, more "
	    "than one serving of its weight can hold (at most 902)");
	snprintf(text, sizeof text, RECIPE_TOP
	    "    ingredients:\n"
	    "      - {food: y, amount: \"3000g\"}\n"
	    "      - {food: y, amount: \"3 kg\"}\n%s", y);
	check_one_error(text, "t.yaml:3:5: recipe 'x': one serving would "
	    "weigh 6000 g, more than 5000 g: give 'yields', how many servings "
	    "it makes");
}

/*
 * A later file that gives the recipe's id a plain food replaces the
 * recipe: its record goes, and the food keeps its own figures.
 */
static void
test_merge_replaces_recipe(void **state)
{
	static const char own[] = "version: 1\nfoods:\n"
	    "  - id: cheese_omelette\n    name: Omelette (mine)\n"
	    "    group: prepared\n    servings: [{label: plate, grams: 150}]\n"
	    "    per_serving: {sodium_mg: 500}\n";
	struct catalogue c, over;
	const struct food *f;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_file(&c, FOODS, &dl), 0);
	assert_int_equal(catalogue_read_file(&over, RECIPES "omelette.yaml",
	    &dl), 0);
	catalogue_merge(&c, &over);
	assert_int_equal(c.n_recipes, 1);
	assert_int_equal(catalogue_read_buffer(&over, "own.yaml", own,
	    sizeof own - 1, &dl), 0);
	catalogue_merge(&c, &over);
	assert_int_equal(c.n_recipes, 0);
	assert_int_equal(catalogue_resolve_recipes(&c, NULL, &dl), 0);
	f = catalogue_find(&c, "cheese_omelette");
	assert_string_equal(f->name, "Omelette (mine)");
	assert_int_equal(f->recipe_n, 0);
	assert_true(f->nut.known == 1u << NUT_SODIUM);
	assert_true(f->nut.v[NUT_SODIUM] == 500);
	assert_true(f->servings[0].grams == 150);
	catalogue_release(&c);
}

/* A recipe file alone (--foods FILE) cannot use foods outside it. */
static void
test_alone_is_alone(void **state)
{
	struct catalogue c;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_file(&c, RECIPES "omelette.yaml",
	    &dl), -1);
	assert_int_equal(dl.n, 3);
	assert_string_equal(msg(0), RECIPES "omelette.yaml:11:16: unknown "
	    "food 'egg_whole' in recipe 'cheese_omelette'");
	assert_int_equal(c.n, 0);
	catalogue_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_done_when_recipe),
		cmocka_unit_test(test_resolve_against_base),
		cmocka_unit_test(test_yields_halves),
		cmocka_unit_test(test_nested_and_partly_known),
		cmocka_unit_test(test_missing_ingredient),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_self_cycle),
		cmocka_unit_test(test_bad_recipes),
		cmocka_unit_test(test_recipe_weight_rules),
		cmocka_unit_test(test_merge_replaces_recipe),
		cmocka_unit_test(test_alone_is_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
