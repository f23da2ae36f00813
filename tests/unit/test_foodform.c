/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/foodform.c: a food and a one-off entry typed field by
 * field, with the loader's rules. Expected values are the typed figures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "foodform.h"
#include "util.h"

static void
set(struct foodform *ff, enum foodform_field f, const char *text)
{
	snprintf(ff->text[f], sizeof ff->text[f], "%s", text);
}

static void
test_numbers(void **state)
{
	struct diag d;
	double v;

	(void)state;
	assert_int_equal(foodform_number("sodium", "17.6", &v, &d), 0);
	assert_true(v == 17.6);
	/* A decimal comma, as a German label prints it. */
	assert_int_equal(foodform_number("sodium", " 17,6 ", &v, &d), 0);
	assert_true(v == 17.6);
	assert_int_equal(foodform_number("sodium", "0,25", &v, &d), 0);
	assert_true(v == 0.25);
	/* Three digits after a comma may be thousands: refused, and why. */
	assert_int_equal(foodform_number("sodium", "1,800", &v, &d), -1);
	assert_string_equal(d.msg, "'1,800' for sodium: write the number "
	    "with '.' as the decimal point and no thousands separator (like "
	    "1800 or 17.6)");
	assert_int_equal(foodform_number("sodium", "1,2,3", &v, &d), -1);
	assert_int_equal(foodform_number("sodium", "-1", &v, &d), -1);
	assert_string_equal(d.msg, "expected a number of at least 0 for "
	    "'sodium', found '-1'");
	assert_int_equal(foodform_number("sodium", "12 mg", &v, &d), -1);
	assert_int_equal(foodform_number("sodium", "nan", &v, &d), -1);
}

static void
test_servings(void **state)
{
	char label[CATALOGUE_LABEL_MAX + 1];
	struct diag d;
	double g;

	(void)state;
	assert_int_equal(foodform_serving("bar 40 g", label, sizeof label, &g,
	    &d), 0);
	assert_string_equal(label, "bar");
	assert_true(g == 40);
	assert_int_equal(foodform_serving("bar 40g", label, sizeof label, &g,
	    &d), 0);
	assert_true(g == 40);
	assert_int_equal(foodform_serving("slice=28,5", label, sizeof label,
	    &g, &d), 0);
	assert_string_equal(label, "slice");
	assert_true(g == 28.5);
	assert_int_equal(foodform_serving("capsule", label, sizeof label, &g,
	    &d), 0);
	assert_string_equal(label, "capsule");
	assert_true(g == 0);
	/* A unit of every food is no serving label (DESIGN §3). */
	assert_int_equal(foodform_serving("oz 28", label, sizeof label, &g,
	    &d), -1);
	assert_int_equal(foodform_serving("40 g", label, sizeof label, &g,
	    &d), -1);
	assert_int_equal(foodform_serving("bar 0 g", label, sizeof label, &g,
	    &d), -1);
	assert_string_equal(d.msg, "expected a number above 0 and at most "
	    "5000 for 'grams' of serving 'bar', found '0'");
}

/* The evening: a bar of 40 g, sodium 120 mg, sat fat 3 g a bar. */
static void
test_food_from_label(void **state)
{
	struct foodform ff;
	struct food f;
	struct diag d;
	enum foodform_field bad;

	(void)state;
	foodform_init(&ff, FOODFORM_FOOD);
	assert_false(foodform_touched(&ff));
	assert_string_equal(ff.text[FF_PER], "serving");
	set(&ff, FF_NAME, "Zzqx bar");
	set(&ff, FF_SERVING, "bar 40 g");
	set(&ff, FF_SODIUM, "120");
	set(&ff, FF_SAT_FAT, "3");
	assert_true(foodform_touched(&ff));
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), 0);
	assert_string_equal(f.name, "Zzqx bar");
	assert_null(f.id);
	assert_int_equal(f.n_servings, 1);
	assert_string_equal(f.servings[0].label, "bar");
	assert_true(f.servings[0].grams == 40);
	assert_true(f.per_serving);
	assert_true(f.nut.v[NUT_SODIUM] == 120);
	assert_true(f.nut.v[NUT_SAT_FAT] == 3);
	/* What was left empty is unknown, never 0. */
	assert_false(nutrients_has(&f.nut, NUT_K2));
	assert_false(nutrients_has(&f.nut, NUT_KCAL));
	assert_int_equal(f.origin, ORIGIN_OWN);
	food_release(&f);
}

static void
test_food_errors(void **state)
{
	struct foodform ff;
	struct food f;
	struct diag d;
	enum foodform_field bad;

	(void)state;
	foodform_init(&ff, FOODFORM_FOOD);
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), -1);
	assert_int_equal(bad, FF_NAME);
	set(&ff, FF_NAME, "Oat milk");
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), -1);
	assert_int_equal(bad, FF_SERVING);
	assert_string_equal(d.msg, "a serving is needed, like: bar 40 g");
	/* Per 100 g needs grams. */
	set(&ff, FF_SERVING, "cup");
	set(&ff, FF_PER, "100 g");
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), -1);
	assert_int_equal(bad, FF_SERVING);
	assert_int_equal(foodform_check(&ff, FF_SERVING, &d), -1);
	set(&ff, FF_SERVING, "cup 240 g");
	set(&ff, FF_MORE, "glass 200 g; cup 250 g");
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), -1);
	assert_int_equal(bad, FF_MORE);
	assert_string_equal(d.msg, "duplicate serving label 'cup'");
	set(&ff, FF_MORE, "glass 200 g");
	set(&ff, FF_PER, "litre");
	assert_int_equal(foodform_check(&ff, FF_PER, &d), -1);
	set(&ff, FF_PER, "100g");
	/* 120 g of sat fat in 100 g cannot be. */
	set(&ff, FF_SAT_FAT, "120");
	assert_int_equal(foodform_check(&ff, FF_SAT_FAT, &d), -1);
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), -1);
	assert_int_equal(bad, FF_SAT_FAT);
	set(&ff, FF_SAT_FAT, "0.3");
	/* Chains beyond a K2 total given. */
	set(&ff, FF_MK4, "5");
	set(&ff, FF_K2, "3");
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), -1);
	assert_int_equal(bad, FF_K2);
	set(&ff, FF_K2, "");
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), 0);
	assert_int_equal(f.n_servings, 2);
	assert_false(f.per_serving);
	assert_true(f.nut.v[NUT_K2] == 5);	/* the sum of the chains */
	food_release(&f);
}

static void
test_round_trip(void **state)
{
	struct foodform ff, back;
	struct food f, g;
	struct diag d;
	enum foodform_field bad;
	int k;

	(void)state;
	foodform_init(&ff, FOODFORM_FOOD);
	set(&ff, FF_NAME, "My gouda");
	set(&ff, FF_SERVING, "slice 28 g");
	set(&ff, FF_MORE, "cube 17.5 g");
	set(&ff, FF_PER, "100 g");
	set(&ff, FF_MK7, "2.5");
	set(&ff, FF_MK_OTHER, "60.1");
	set(&ff, FF_SAT_FAT, "17.6");
	set(&ff, FF_SODIUM, "819");
	assert_int_equal(foodform_food(&ff, &f, &bad, &d), 0);
	f.id = xstrdup("my_gouda");
	foodform_from_food(&back, &f);
	assert_string_equal(back.id, "my_gouda");
	assert_string_equal(back.text[FF_SERVING], "slice 28 g");
	assert_string_equal(back.text[FF_MORE], "cube 17.5 g");
	assert_string_equal(back.text[FF_PER], "100 g");
	/* The total is the chains' sum: not typed back. */
	assert_string_equal(back.text[FF_K2], "");
	assert_string_equal(back.text[FF_MK4], "");
	assert_int_equal(foodform_food(&back, &g, &bad, &d), 0);
	for (k = 0; k < NUT_COUNT; k++) {
		assert_int_equal(nutrients_has(&f.nut, k),
		    nutrients_has(&g.nut, k));
		assert_true(f.nut.v[k] == g.nut.v[k]);
	}
	food_release(&f);
	food_release(&g);
}

static void
test_quick(void **state)
{
	struct foodform ff;
	struct entry e;
	struct diag d;
	enum foodform_field bad;

	(void)state;
	foodform_init(&ff, FOODFORM_QUICK);
	assert_false(foodform_has(&ff, FF_SERVING));
	assert_true(foodform_has(&ff, FF_GRAMS));
	assert_int_equal(foodform_next(&ff, FF_NAME, 1), FF_GRAMS);
	assert_int_equal(foodform_next(&ff, FF_NAME, -1), FF_KCAL);
	set(&ff, FF_NAME, "Restaurant lasagne");
	assert_int_equal(foodform_quick_entry(&ff, 20780, 1, &e, &bad, &d),
	    -1);
	assert_int_equal(bad, FF_SODIUM);
	set(&ff, FF_SODIUM, "1800");
	set(&ff, FF_SAT_FAT, "12");
	set(&ff, FF_KCAL, "900");
	set(&ff, FF_GRAMS, "350");
	assert_int_equal(foodform_quick_entry(&ff, 20780, 1, &e, &bad, &d), 0);
	assert_string_equal(e.food_id, "quick");
	assert_string_equal(e.serving, "portion");
	assert_true(e.grams == 350);
	assert_true(e.quantity == 1 && e.servings == 1);
	assert_true(e.nut.v[NUT_SODIUM] == 1800);
	assert_true(e.nut.v[NUT_SAT_FAT] == 12);
	assert_true(e.nut.v[NUT_KCAL] == 900);
	assert_false(nutrients_has(&e.nut, NUT_K2));
	assert_false(nutrients_has(&e.nut, NUT_K1));
	entry_release(&e);
	/* More sat fat than the portion weighs. */
	set(&ff, FF_SAT_FAT, "400");
	assert_int_equal(foodform_quick_entry(&ff, 20780, 1, &e, &bad, &d),
	    -1);
	assert_int_equal(bad, FF_SAT_FAT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_servings),
		cmocka_unit_test(test_food_from_label),
		cmocka_unit_test(test_food_errors),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_quick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
