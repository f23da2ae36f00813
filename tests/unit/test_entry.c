/* SPDX-License-Identifier: ISC */
/* Unit tests for entry.c: snapshots, changing an amount, flags of entries. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amount.h"
#include "entry.h"
#include "food.h"
#include "util.h"

/*
 * Gouda as foods.yaml has it (slice 28 g; per 100 g: other MK 47, K1 2.3,
 * sat fat 17.6, sodium 819), and as a user's foods.yaml might redefine it
 * later: a block of 100 g first, then the slice.
 */
static char l_slice[] = "slice", l_block[] = "block", l_cube[] = "cube";
static char l_capsule[] = "capsule", l_serving[] = "serving";
static char n_gouda[] = "Gouda", i_gouda[] = "gouda";
static char n_goose[] = "Goose leg", i_goose[] = "goose_leg";
static char n_k2[] = "K2 MK-7", i_k2[] = "supp";

static struct serving gouda_sv[] = { { l_slice, 28 } };
static struct serving gouda2_sv[] = {
	{ l_block, 100 }, { l_slice, 28 }, { l_cube, 10 },
};

#define GOUDA_NUT { .v = { [NUT_MK_OTHER] = 47, [NUT_K2] = 47, \
	[NUT_K1] = 2.3, [NUT_SAT_FAT] = 17.6, [NUT_SODIUM] = 819 }, \
	.known = 1u << NUT_MK_OTHER | 1u << NUT_K2 | 1u << NUT_K1 | \
	1u << NUT_SAT_FAT | 1u << NUT_SODIUM }

static const struct food gouda = {
	.id = i_gouda, .name = n_gouda, .group = GROUP_CHEESE,
	.servings = gouda_sv, .n_servings = 1, .nut = GOUDA_NUT,
};
static const struct food gouda2 = {
	.id = i_gouda, .name = n_gouda, .group = GROUP_CHEESE,
	.servings = gouda2_sv, .n_servings = 3, .nut = GOUDA_NUT,
};

/* Goose leg: 85 g, MK-4 31 per 100 g: 26.35 ug a serving, exactly. */
static struct serving goose_sv[] = { { l_serving, 85 } };
static const struct food goose = {
	.id = i_goose, .name = n_goose, .group = GROUP_MEAT,
	.servings = goose_sv, .n_servings = 1,
	.nut = { .v = { [NUT_MK4] = 31, [NUT_K2] = 31 },
	    .known = 1u << NUT_MK4 | 1u << NUT_K2 },
};

/* A supplement: per capsule, no weight. */
static struct serving k2_sv[] = { { l_capsule, 0 } };
static const struct food k2 = {
	.id = i_k2, .name = n_k2, .group = GROUP_SUPPLEMENT,
	.servings = k2_sv, .n_servings = 1, .per_serving = true,
	.nut = { .v = { [NUT_MK7] = 100, [NUT_K2] = 100 },
	    .known = 1u << NUT_MK7 | 1u << NUT_K2 },
};

static void
logged(struct entry *e, const struct food *f, const char *text)
{
	struct amount a;
	struct diag ad;

	if (amount_parse(text, f, &a, &ad) != 0)
		fail_msg("'%s': %s", text, ad.msg);
	entry_from_food(e, f, &a, 20785, 1764000000);
}

static void
change(struct entry *e, const struct food *cat, const char *text)
{
	struct food ef;
	struct serving sv[ENTRY_UNITS_MAX];
	struct amount a;
	struct diag ad;

	entry_edit_food(e, cat, &ef, sv);
	if (amount_parse(text, &ef, &a, &ad) != 0)
		fail_msg("'%s': %s", text, ad.msg);
	entry_rescale(e, &a);
}

/* Exact to round-off. */
#define assert_near(a, b) do {						\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= 1e-12 * (1 + fabs(b_))))			\
		fail_msg("%s is %.17g, expected %.17g", #a, a_, b_);	\
} while (0)

/*
 * Issue 9, item 8: gouda logged as 2 slices (56 g, K2 26.32 ug), then the
 * catalogue's gouda gets a 100 g block as its default. "2 slice" must
 * still be 56 g, 2 servings and K2 26.32 (not 0.56 servings and 7.37 ug).
 */
static void
test_edit_after_catalogue_changed(void **state)
{
	struct entry e;

	(void)state;
	logged(&e, &gouda, "2 slice");
	assert_near(e.grams, 56);
	assert_near(e.nut.v[NUT_K2], 26.32);
	change(&e, &gouda2, "2 slice");
	assert_near(e.grams, 56);
	assert_near(e.servings, 2);
	assert_near(e.quantity, 2);
	assert_string_equal(e.serving, "slice");
	assert_near(e.nut.v[NUT_K2], 26.32);
	/* 3 slices: 84 g, 3 servings, K2 39.48, sodium 687.96. */
	change(&e, &gouda2, "3 slices");
	assert_near(e.grams, 84);
	assert_near(e.servings, 3);
	assert_near(e.nut.v[NUT_K2], 39.48);
	assert_near(e.nut.v[NUT_SODIUM], 687.96);
	/* A bare number counts the entry's own default servings (28 g). */
	change(&e, &gouda2, "1");
	assert_near(e.grams, 28);
	assert_near(e.nut.v[NUT_K2], 13.16);
	/* The catalogue's other units still work, at today's weight. */
	change(&e, &gouda2, "2 cube");
	assert_near(e.grams, 20);
	assert_near(e.servings, 20.0 / 28);
	assert_near(e.nut.v[NUT_K2], 9.4);
	/* And grams, oz. */
	change(&e, &gouda2, "56g");
	assert_near(e.servings, 2);
	assert_near(e.nut.v[NUT_K2], 26.32);
	change(&e, &gouda2, "1 oz");
	assert_near(e.grams, 28.35);
	assert_string_equal(e.serving, "oz");
	entry_release(&e);
}

/* The food left the catalogue: the entry's own units, nothing else. */
static void
test_edit_food_gone(void **state)
{
	struct entry e;
	struct food ef;
	struct serving sv[ENTRY_UNITS_MAX];

	(void)state;
	logged(&e, &gouda2, "3 cube");	/* 30 g, default block 100 g */
	entry_edit_food(&e, NULL, &ef, sv);
	assert_int_equal(ef.n_servings, 2);
	assert_string_equal(ef.servings[0].label, "serving");
	assert_near(ef.servings[0].grams, 100);
	assert_string_equal(ef.servings[1].label, "cube");
	assert_near(ef.servings[1].grams, 10);
	change(&e, NULL, "5 cubes");
	assert_near(e.grams, 50);
	assert_near(e.servings, 0.5);
	assert_near(e.nut.v[NUT_K2], 23.5);
	/* The edit food carries the snapshot per default serving. */
	entry_edit_food(&e, NULL, &ef, sv);
	assert_true(ef.per_serving);
	assert_near(ef.nut.v[NUT_K2], 47);
	entry_release(&e);
}

/* A per-serving entry (no weight) changes by servings. */
static void
test_edit_per_serving(void **state)
{
	struct entry e;

	(void)state;
	logged(&e, &k2, "2");
	assert_near(e.nut.v[NUT_K2], 200);
	assert_true(e.grams == 0);
	change(&e, NULL, "3 capsules");
	assert_near(e.servings, 3);
	assert_near(e.nut.v[NUT_MK7], 300);
	assert_string_equal(e.serving, "capsule");
	entry_release(&e);
}

/*
 * Issue 9, item 26: the edit food borrows the entry's own serving label;
 * rescaling must copy it before freeing the old one (ASan reads this).
 */
static void
test_rescale_own_label(void **state)
{
	struct entry e;
	struct food ef;
	struct serving sv[ENTRY_UNITS_MAX];
	struct amount a;
	struct diag ad;

	(void)state;
	logged(&e, &gouda2, "2 cube");
	entry_edit_food(&e, NULL, &ef, sv);
	assert_int_equal(amount_parse("4 cube", &ef, &a, &ad), 0);
	assert_ptr_equal(a.label, e.serving);	/* borrowed from e */
	entry_rescale(&e, &a);
	assert_string_equal(e.serving, "cube");
	assert_near(e.grams, 40);
	entry_release(&e);
}

/*
 * Issue 9, item 9: one test decides K2-rich for foods and entries. Goose
 * leg gives 31 x 85 / 100 = 26.35 ug a serving: rich at a threshold of
 * 26.35 both in the catalogue and in the diary, not at 26.36.
 */
static void
test_rich_at_threshold(void **state)
{
	struct entry e;

	(void)state;
	assert_true(food_is_k2_rich(&goose, 26.35));
	assert_false(food_is_k2_rich(&goose, 26.36));
	logged(&e, &goose, "1");
	assert_true(entry_is_k2_rich(&e, 26.35));
	assert_false(entry_is_k2_rich(&e, 26.36));
	entry_release(&e);
	logged(&e, &goose, "3");
	assert_true(entry_is_k2_rich(&e, 26.35));
	entry_release(&e);
	logged(&e, &goose, "1/3");
	assert_true(entry_is_k2_rich(&e, 26.35));
	entry_release(&e);
	/* High in saturated fat: the same test for foods and entries. */
	logged(&e, &gouda, "2 slice");
	assert_true(food_high_sat_fat(&gouda, 20));
	assert_true(entry_high_sat_fat(&e, 20));
	assert_false(entry_high_sodium(&e, 2300));	/* 229 < 460 mg */
	assert_true(entry_high_sodium(&e, 1146.6));	/* 20 % is 229.32 */
	assert_true(food_high_sodium(&gouda, 1146.6));
	entry_release(&e);
}

/* The text of an amount: shown rounded, exact for the grammar. */
static void
test_amount_text(void **state)
{
	struct entry e;
	char buf[128];

	(void)state;
	logged(&e, &gouda, "1.3333333333333333 slice");
	entry_amount_text(&e, buf, sizeof buf);
	assert_string_equal(buf, "1.33 slice");
	entry_amount_exact(&e, buf, sizeof buf);
	assert_string_equal(buf, "1.3333333333333333 slice");
	entry_release(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_after_catalogue_changed),
		cmocka_unit_test(test_edit_food_gone),
		cmocka_unit_test(test_edit_per_serving),
		cmocka_unit_test(test_rescale_own_label),
		cmocka_unit_test(test_rich_at_threshold),
		cmocka_unit_test(test_amount_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
