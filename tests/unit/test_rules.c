/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/rules.c: a food's and an entry's flags, and the
 * warnings logging an entry raises. The figures are worked out by hand
 * from the default config (rich from 12 µg a serving, sat fat 20 g and
 * sodium 2300 mg a day; "high" from 20 % of those: 4 g and 460 mg).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "entry.h"
#include "food.h"
#include "gauge.h"
#include "rules.h"
#include "util.h"

/* 2026-11-23 is a Monday: day 20780 since 1970-01-01. */
#define MON 20780L
#define TUE (MON + 1)

static void
put(struct nutrients *n, enum nutrient k, double v)
{
	n->v[k] = v;
	n->known |= 1u << k;
}

/* A per-serving food of one 30 g "slice" with the given nutrients. */
static void
food_make(struct food *f, struct serving *sv, const struct nutrients *n)
{
	memset(f, 0, sizeof *f);
	f->id = (char *)"f";
	f->name = (char *)"Food";
	sv->label = (char *)"slice";
	sv->grams = 30;
	f->servings = sv;
	f->n_servings = 1;
	f->per_serving = true;
	f->nut = *n;
}

static void
test_food_flags(void **state)
{
	struct config cf;
	struct serving sv;
	struct food f;
	struct nutrients n = { { 0 }, 0 };

	(void)state;
	config_defaults(&cf);
	/* Nothing known: no flag at all, not "low". */
	food_make(&f, &sv, &n);
	assert_int_equal(rule_food_flags(&cf, &f), 0);
	/* MK-4 alone, 12 µg: rich, and its chains are not known. */
	put(&n, NUT_MK4, 12);
	nutrients_finish(&n);
	food_make(&f, &sv, &n);
	assert_int_equal(rule_food_flags(&cf, &f), RULE_K2_RICH |
	    RULE_MK4_ONLY);
	/* With MK-7 known too it is no longer MK-4 only. */
	put(&n, NUT_MK7, 1);
	n.known &= ~(1u << NUT_K2);
	nutrients_finish(&n);
	food_make(&f, &sv, &n);
	assert_int_equal(rule_food_flags(&cf, &f), RULE_K2_RICH);
	/* 4 g of sat fat is exactly 20 % of 20 g: high; 459 mg is not. */
	put(&n, NUT_SAT_FAT, 4);
	put(&n, NUT_SODIUM, 459);
	food_make(&f, &sv, &n);
	assert_int_equal(rule_food_flags(&cf, &f), RULE_K2_RICH |
	    RULE_SAT_FAT);
	put(&n, NUT_SODIUM, 460);
	food_make(&f, &sv, &n);
	assert_int_equal(rule_food_flags(&cf, &f), RULE_K2_RICH |
	    RULE_SAT_FAT | RULE_SODIUM);
}

static void
test_flag_words(void **state)
{
	char buf[64], tiny[9];

	(void)state;
	assert_string_equal(rule_flag_words(0, RULE_WORDS_LONG, buf,
	    sizeof buf), "");
	assert_string_equal(rule_flag_words(RULE_K2_RICH | RULE_MK4_ONLY |
	    RULE_SAT_FAT | RULE_SODIUM, RULE_WORDS_LONG, buf, sizeof buf),
	    "K2-rich, MK-4 only, high sat fat, high sodium");
	assert_string_equal(rule_flag_words(RULE_K2_RICH | RULE_SAT_FAT |
	    RULE_SODIUM, RULE_WORDS_SHORT, buf, sizeof buf),
	    "K2-rich fat sodium");
	assert_string_equal(rule_flag_words(RULE_HIGH, RULE_WORDS_SHORT, buf,
	    sizeof buf), "fat sodium");
	/* Words that do not fit are left out whole. */
	assert_string_equal(rule_flag_words(RULE_K2_RICH | RULE_SODIUM,
	    RULE_WORDS_SHORT, tiny, sizeof tiny), "K2-rich");
}

/* An entry of sodium mg (and nothing else known) on day. */
static void
entry_make(struct entry *e, int64_t id, long day, double sodium)
{
	memset(e, 0, sizeof *e);
	e->id = id;
	e->day = day;
	e->food_name = (char *)"Ham";
	e->servings = 1;
	e->quantity = 1;
	put(&e->nut, NUT_SODIUM, sodium);
}

static void
test_new_warnings(void **state)
{
	struct config cf;
	struct entry v[2], add;
	struct gauge *before = xmalloc(sizeof *before);
	struct gauge *after = xmalloc(sizeof *after);
	size_t idx[GAUGE_MAX_WARNINGS], n;

	(void)state;
	config_defaults(&cf);
	/* Monday holds 1500 mg: ok (below 80 % of 2300, 1840). */
	entry_make(&v[0], 1, MON, 1500);
	gauge_week(&cf, MON, v, 1, before);
	assert_int_equal(before->days[0].sodium_status, LEVEL_OK);
	/* 400 mg more: 1900 mg, near; one new warning, Monday's. */
	entry_make(&add, 0, MON, 400);
	rule_week_with(&cf, MON, v, 1, 0, &add, after);
	n = rule_new_warnings(before, after, MON, idx, ARRAY_LEN(idx));
	assert_int_equal(n, 1);
	assert_false(after->warnings[idx[0]].week);
	assert_int_equal(after->warnings[idx[0]].level, LEVEL_NEAR);
	assert_true(after->warnings[idx[0]].amount == 1900);
	/* The same entry on Tuesday: Monday's state does not count. */
	entry_make(&add, 0, TUE, 400);
	rule_week_with(&cf, MON, v, 1, 0, &add, after);
	assert_int_equal(rule_new_warnings(before, after, TUE, idx,
	    ARRAY_LEN(idx)), 0);
	/* Near already, and 100 mg more stays near: nothing new. */
	entry_make(&v[1], 2, MON, 400);
	gauge_week(&cf, MON, v, 2, before);
	entry_make(&add, 0, MON, 100);
	rule_week_with(&cf, MON, v, 2, 0, &add, after);
	assert_int_equal(rule_new_warnings(before, after, MON, idx,
	    ARRAY_LEN(idx)), 0);
	/* 500 mg more: 2400 mg, over. */
	entry_make(&add, 0, MON, 500);
	rule_week_with(&cf, MON, v, 2, 0, &add, after);
	n = rule_new_warnings(before, after, MON, idx, ARRAY_LEN(idx));
	assert_int_equal(n, 1);
	assert_int_equal(after->warnings[idx[0]].level, LEVEL_OVER);
	/*
	 * Editing entry 2 (400 mg) to 900 mg: it replaces the old amount,
	 * 1500 + 900 = 2400 mg, over; not 2800.
	 */
	entry_make(&add, 2, MON, 900);
	rule_week_with(&cf, MON, v, 2, 2, &add, after);
	assert_true(after->days[0].sodium.sum == 2400);
	assert_int_equal(after->days[0].sodium.count, 2);
	/* Without entry 2 and with nothing added: Monday is 1500 mg again. */
	rule_week_with(&cf, MON, v, 2, 2, NULL, after);
	assert_true(after->days[0].sodium.sum == 1500);
	free(before);
	free(after);
}

/* A recipe of 4 ingredients: K2 from 3, sodium from all, sat fat from none. */
static void
test_recipe_coverage(void **state)
{
	struct nutrients n = { { 0 }, 0 };
	struct serving sv;
	struct food f;
	char buf[128], tiny[40];

	(void)state;
	put(&n, NUT_MK7, 30);
	nutrients_finish(&n);
	put(&n, NUT_SODIUM, 400);
	food_make(&f, &sv, &n);
	assert_string_equal(rule_coverage(&f, buf, sizeof buf), "");
	assert_false(rule_partial(&f, NUT_K2));
	f.recipe_n = 4;
	f.recipe_known[NUT_K2] = 3;
	f.recipe_known[NUT_MK7] = 3;
	f.recipe_known[NUT_SODIUM] = 4;
	f.recipe_known[NUT_SAT_FAT] = 0;
	assert_true(rule_partial(&f, NUT_K2));
	assert_false(rule_partial(&f, NUT_SODIUM));
	/* None known is unknown, not partial. */
	assert_false(rule_partial(&f, NUT_SAT_FAT));
	assert_string_equal(rule_coverage(&f, buf, sizeof buf),
	    "K2 known for 3 of 4 ingredients; saturated fat for 0 of 4");
	/* What does not fit is left out whole. */
	assert_string_equal(rule_coverage(&f, tiny, sizeof tiny),
	    "K2 known for 3 of 4 ingredients");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_food_flags),
		cmocka_unit_test(test_flag_words),
		cmocka_unit_test(test_new_warnings),
		cmocka_unit_test(test_recipe_coverage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
