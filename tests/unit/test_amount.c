/* SPDX-License-Identifier: ISC */
/* Unit tests for amount.c: accepted forms and refusals, on hand-built foods. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "amount.h"

/*
 * Foods built by hand. Only the fields amount.c reads matter (name and
 * servings), but the nutrients are filled as a catalogue would.
 */
static char l_slice[] = "slice";
static char l_capsule[] = "capsule";
static char l_dish[] = "dish", l_glass[] = "glass", l_bowl[] = "bowl";
static char l_large_egg[] = "large egg", l_yolk[] = "yolk";
static char l_drop[] = "drop", l_ml[] = "ml";
static char l_scoop[] = "scoop", l_tsp[] = "tsp";
static char n_gouda[] = "Gouda", n_k2[] = "K2 MK-7", n_kraut[] = "Sauerkraut";
static char n_egg[] = "Egg", n_oil[] = "K2 oil", n_powder[] = "K2 powder";

/* Gouda: slice 28 g (the default); nutrients per 100 g. */
static struct serving gouda_servings[] = {
	{ l_slice, 28 },
};
static const struct food gouda = {
	.name = n_gouda, .group = GROUP_CHEESE,
	.servings = gouda_servings, .n_servings = 1,
	.per_serving = false,
	.nut = { .v = { [NUT_MK_OTHER] = 47, [NUT_K1] = 2.3,
	    [NUT_SAT_FAT] = 17.6, [NUT_SODIUM] = 819, [NUT_KCAL] = 356 },
	    .known = 1u << NUT_MK_OTHER | 1u << NUT_K1 | 1u << NUT_SAT_FAT |
	    1u << NUT_SODIUM | 1u << NUT_KCAL },
	.confidence = CONF_MEDIUM,
};

/* A supplement: one capsule without a gram weight, nutrients per capsule. */
static struct serving k2_servings[] = {
	{ l_capsule, 0 },
};
static const struct food k2 = {
	.name = n_k2, .group = GROUP_SUPPLEMENT,
	.servings = k2_servings, .n_servings = 1,
	.per_serving = true,
	.nut = { .v = { [NUT_MK7] = 100 }, .known = 1u << NUT_MK7 },
	.confidence = CONF_LABEL,
};

/*
 * Sauerkraut: dish 100 g (so 100 servings would be 10000 g and the 5000 g
 * bound is the one that holds), glass 150 g, bowl with no gram weight.
 */
static struct serving kraut_servings[] = {
	{ l_dish, 100 }, { l_glass, 150 }, { l_bowl, 0 },
};
static const struct food kraut = {
	.name = n_kraut, .group = GROUP_FERMENTED_PLANT,
	.servings = kraut_servings, .n_servings = 3,
};

/* Egg: a label with a space, 60 g; 5000 g is 83.3 eggs. */
static struct serving egg_servings[] = {
	{ l_large_egg, 60 }, { l_yolk, 17 },
};
static const struct food egg = {
	.name = n_egg, .group = GROUP_EGG,
	.servings = egg_servings, .n_servings = 2,
};

/* Labels with each plural rule: patty, leaf, box, knife, tray. */
static char l_patty[] = "patty", l_leaf[] = "leaf", l_box[] = "box";
static char l_knife[] = "knife", l_tray[] = "tray", n_plurals[] = "Burger";
static struct serving plural_servings[] = {
	{ l_patty, 90 }, { l_leaf, 2 }, { l_box, 250 }, { l_knife, 10 },
	{ l_tray, 200 },
};
static const struct food plurals = {
	.name = n_plurals, .group = GROUP_MEAT,
	.servings = plural_servings, .n_servings = 5,
};

/* Drops: two labels, neither with a gram weight. */
static struct serving oil_servings[] = {
	{ l_drop, 0 }, { l_ml, 0 },
};
static const struct food oil = {
	.name = n_oil, .group = GROUP_SUPPLEMENT,
	.servings = oil_servings, .n_servings = 2, .per_serving = true,
};

/* A default serving without grams but a second one with grams. */
static struct serving powder_servings[] = {
	{ l_scoop, 0 }, { l_tsp, 5 },
};
static const struct food powder = {
	.name = n_powder, .group = GROUP_SUPPLEMENT,
	.servings = powder_servings, .n_servings = 2, .per_serving = true,
};

static void
near_at(double got, double want, const char *what, const char *text,
    int line)
{
	if (!(fabs(got - want) <= 1e-12 * fmax(1, fabs(want))))
		fail_msg("line %d: '%s': %s is %.17g, expected %.17g", line,
		    text, what, got, want);
}

/*
 * Parse text as an amount of f and check the result: label_index is the
 * serving whose label must be borrowed, -1 for "g", -2 for "oz", -3 for
 * "lb".
 */
#define check_ok(f, text, q, label_index, g, s) \
	check_ok_at((f), (text), (q), (label_index), (g), (s), __LINE__)

static void
check_ok_at(const struct food *f, const char *text, double q,
    int label_index, double g, double s, int line)
{
	struct amount a;
	struct diag d;

	if (amount_parse(text, f, &a, &d) != 0)
		fail_msg("line %d: '%s' refused: %s", line, text, d.msg);
	near_at(a.quantity, q, "quantity", text, line);
	near_at(a.grams, g, "grams", text, line);
	near_at(a.servings, s, "servings", text, line);
	if (label_index >= 0) {
		if (a.label != f->servings[label_index].label)
			fail_msg("line %d: '%s': label '%s' is not the food's "
			    "'%s'", line, text, a.label,
			    f->servings[label_index].label);
	} else if (strcmp(a.label, label_index == -2 ? "oz" :
	    label_index == -3 ? "lb" : "g") != 0) {
		fail_msg("line %d: '%s': label '%s', expected %d", line,
		    text, a.label, label_index);
	}
}

#define check_bad(f, text, msg) check_bad_at((f), (text), (msg), __LINE__)

static void
check_bad_at(const struct food *f, const char *text, const char *msg,
    int line)
{
	struct amount a = { 42, "untouched", 43, 44 };
	struct diag d;
	const char *err = d.msg;

	memset(&d, 0, sizeof d);
	if (amount_parse(text, f, &a, &d) != -1)
		fail_msg("line %d: '%s' accepted (%g %s)", line, text,
		    a.quantity, a.label);
	if (strcmp(err, msg) != 0)
		fail_msg("line %d: '%s': message\n  '%s'\nexpected\n  '%s'",
		    line, text, err, msg);
	/* The output is left alone on failure. */
	assert_true(a.quantity == 42 && a.grams == 43 && a.servings == 44);
	assert_string_equal(a.label, "untouched");
}

static void
test_units(void **state)
{
	char buf[64];

	(void)state;
	amount_units(&gouda, buf, sizeof buf);
	assert_string_equal(buf, "slice, g, oz or lb");
	amount_units(&k2, buf, sizeof buf);
	assert_string_equal(buf, "capsule");
	amount_units(&kraut, buf, sizeof buf);
	assert_string_equal(buf, "dish, glass, bowl, g, oz or lb");
	amount_units(&egg, buf, sizeof buf);
	assert_string_equal(buf, "large egg, yolk, g, oz or lb");
	amount_units(&oil, buf, sizeof buf);
	assert_string_equal(buf, "drop or ml");
	/* No "g" when the default serving has no gram weight. */
	amount_units(&powder, buf, sizeof buf);
	assert_string_equal(buf, "scoop or tsp");
	/* A small buffer is cut, still terminated. */
	amount_units(&gouda, buf, 8);
	assert_string_equal(buf, "slice, ");
}

static void
test_default(void **state)
{
	struct amount a;

	(void)state;
	amount_default(&gouda, &a);
	assert_true(a.quantity == 1 && a.grams == 28 && a.servings == 1);
	assert_ptr_equal(a.label, gouda.servings[0].label);
	amount_default(&k2, &a);
	assert_true(a.quantity == 1 && a.grams == 0 && a.servings == 1);
	assert_ptr_equal(a.label, k2.servings[0].label);
	/* The empty string, or only blanks, is one default serving. */
	check_ok(&gouda, "", 1, 0, 28, 1);
	check_ok(&gouda, "   ", 1, 0, 28, 1);
	check_ok(&gouda, " \t ", 1, 0, 28, 1);
	check_ok(&k2, "", 1, 0, 0, 1);
}

/* Bare numbers count default servings: slices of 28 g for Gouda. */
static void
test_numbers(void **state)
{
	(void)state;
	check_ok(&gouda, "1", 1, 0, 28, 1);
	check_ok(&gouda, "2", 2, 0, 56, 2);
	check_ok(&gouda, "007", 7, 0, 196, 7);
	check_ok(&gouda, "0.5", 0.5, 0, 14, 0.5);
	check_ok(&gouda, ".5", 0.5, 0, 14, 0.5);
	check_ok(&gouda, "2.25", 2.25, 0, 63, 2.25);
	check_ok(&gouda, "1/2", 0.5, 0, 14, 0.5);
	check_ok(&gouda, "3/2", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "1/3", 1.0 / 3, 0, 28.0 / 3, 1.0 / 3);
	check_ok(&gouda, "1 1/2", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "2  3/4", 2.75, 0, 77, 2.75);
	check_ok(&gouda, "1\t1/2", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "  1 1/2  ", 1.5, 0, 42, 1.5);
	/* ½ ¼ ¾ ⅓ ⅔ alone, glued to a whole number, or after a space. */
	check_ok(&gouda, "\xc2\xbd", 0.5, 0, 14, 0.5);
	check_ok(&gouda, "\xc2\xbc", 0.25, 0, 7, 0.25);
	check_ok(&gouda, "\xc2\xbe", 0.75, 0, 21, 0.75);
	check_ok(&gouda, "\xe2\x85\x93", 1.0 / 3, 0, 28.0 / 3, 1.0 / 3);
	check_ok(&gouda, "\xe2\x85\x94", 2.0 / 3, 0, 56.0 / 3, 2.0 / 3);
	check_ok(&gouda, "1\xc2\xbd", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "1 \xc2\xbd", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "2\xe2\x85\x94", 8.0 / 3, 0, 224.0 / 3, 8.0 / 3);
	/* 100 servings is the most, and allowed. */
	check_ok(&gouda, "100", 100, 0, 2800, 100);
}

/* Decimals convert exactly as the compiler does, whatever the locale. */
static void
test_decimal_exact(void **state)
{
	double v;

	(void)state;
	assert_int_equal(amount_number("0.1", &v, NULL), 0);
	assert_true(v == 0.1);
	assert_int_equal(amount_number("0.3", &v, NULL), 0);
	assert_true(v == 0.3);
	assert_int_equal(amount_number("2.675", &v, NULL), 0);
	assert_true(v == 2.675);
	assert_int_equal(amount_number("123456.789", &v, NULL), 0);
	assert_true(v == 123456.789);
	assert_int_equal(amount_number("0.000001", &v, NULL), 0);
	assert_true(v == 0.000001);
}

static void
test_labels(void **state)
{
	(void)state;
	check_ok(&gouda, "2 slice", 2, 0, 56, 2);
	check_ok(&gouda, "2slice", 2, 0, 56, 2);
	check_ok(&gouda, "2 slices", 2, 0, 56, 2);
	check_ok(&gouda, "2   slices", 2, 0, 56, 2);
	check_ok(&gouda, "2 SLICE", 2, 0, 56, 2);
	check_ok(&gouda, "2 Slices", 2, 0, 56, 2);
	check_ok(&gouda, "slice", 1, 0, 28, 1);
	check_ok(&gouda, "Slices", 1, 0, 28, 1);
	check_ok(&gouda, "1/2 slice", 0.5, 0, 14, 0.5);
	check_ok(&gouda, "1 1/2 slices", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "\xc2\xbd slice", 0.5, 0, 14, 0.5);
	check_ok(&gouda, "1\xc2\xbdslice", 1.5, 0, 42, 1.5);
	check_ok(&gouda, " 2 slice ", 2, 0, 56, 2);
	/*
	 * oz and lb are units of every food with grams: 28.35 g (so one oz
	 * is 28.35 / 28 = 1.0125 slices) and 453.6 g.
	 */
	check_ok(&gouda, "oz", 1, -2, 28.35, 1.0125);
	check_ok(&gouda, "1 oz", 1, -2, 28.35, 1.0125);
	check_ok(&gouda, "2oz", 2, -2, 56.7, 2.025);
	check_ok(&gouda, "\xc2\xbd OZ", 0.5, -2, 14.175, 0.50625);
	check_ok(&kraut, "1 lb", 1, -3, 453.6, 4.536);
	check_ok(&kraut, "2 lbs", 2, -3, 907.2, 9.072);
	check_ok(&egg, "2 oz", 2, -2, 56.7, 56.7 / 60);
	/* Regular plurals: consonant + y -> ies, f(e) -> ves, x -> xes. */
	check_ok(&plurals, "2 patties", 2, 0, 180, 2);
	check_ok(&plurals, "3 leaves", 3, 1, 6, 3 * 2.0 / 90);
	check_ok(&plurals, "2 boxes", 2, 2, 500, 500.0 / 90);
	check_ok(&plurals, "2 knives", 2, 3, 20, 20.0 / 90);
	check_ok(&plurals, "2 trays", 2, 4, 400, 400.0 / 90);
	check_ok(&plurals, "1 patty", 1, 0, 90, 1);
	/* A label with a space, and its plural. */
	check_ok(&egg, "large egg", 1, 0, 60, 1);
	check_ok(&egg, "2 large eggs", 2, 0, 120, 2);
	check_ok(&egg, "2 Large Egg", 2, 0, 120, 2);
	/* yolk: 17 g of a 60 g egg. */
	check_ok(&egg, "3 yolks", 3, 1, 51, 51.0 / 60);
	/* "es" after s, x, z, ch, sh: glass -> glasses, dish -> dishes. */
	check_ok(&kraut, "2 glasses", 2, 1, 300, 3);
	check_ok(&kraut, "2 glass", 2, 1, 300, 3);
	check_ok(&kraut, "dishes", 1, 0, 100, 1);
	check_ok(&kraut, "3 dishes", 3, 0, 300, 3);
}

/* A decimal comma, as typed in much of Europe, in every form. */
static void
test_decimal_comma(void **state)
{
	(void)state;
	check_ok(&gouda, "1,5", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "1,5 slice", 1.5, 0, 42, 1.5);
	check_ok(&gouda, "1,5slices", 1.5, 0, 42, 1.5);
	check_ok(&gouda, ",5", 0.5, 0, 14, 0.5);
	check_ok(&gouda, "0,25kg", 250, -1, 250, 250.0 / 28);
	check_ok(&gouda, "12,5 g", 12.5, -1, 12.5, 12.5 / 28);
	check_ok(&gouda, "1,5 oz", 1.5, -2, 42.525, 42.525 / 28);
	/* Every digit is kept: what was logged can be read back exactly. */
	check_ok(&gouda, "1.3333333333333333 slice", 4.0 / 3, 0, 4.0 / 3 * 28,
	    4.0 / 3);
	check_ok(&gouda, "0.1", 0.1, 0, 0.1 * 28, 0.1);
}

static void
test_grams(void **state)
{
	(void)state;
	/* 30 g of Gouda is 30 / 28 slices. */
	check_ok(&gouda, "30g", 30, -1, 30, 30.0 / 28);
	check_ok(&gouda, "30 g", 30, -1, 30, 30.0 / 28);
	check_ok(&gouda, "30 G", 30, -1, 30, 30.0 / 28);
	check_ok(&gouda, "30 grams", 30, -1, 30, 30.0 / 28);
	check_ok(&gouda, "1 gram", 1, -1, 1, 1.0 / 28);
	check_ok(&gouda, "14g", 14, -1, 14, 0.5);
	check_ok(&gouda, "g", 1, -1, 1, 1.0 / 28);
	check_ok(&gouda, "12.5g", 12.5, -1, 12.5, 12.5 / 28);
	check_ok(&gouda, "1/2 g", 0.5, -1, 0.5, 0.5 / 28);
	/* kg counts in g: 0.5 kg is 500 g. */
	check_ok(&gouda, "0.5 kg", 500, -1, 500, 500.0 / 28);
	check_ok(&gouda, "0.5kg", 500, -1, 500, 500.0 / 28);
	/* 2 kg is 71.4 slices: under both bounds. */
	check_ok(&gouda, "2 kg", 2000, -1, 2000, 2000.0 / 28);
	/* 2800 g is exactly 100 slices. */
	check_ok(&gouda, "2800g", 2800, -1, 2800, 100);
	check_ok(&kraut, "5000 g", 5000, -1, 5000, 50);
	check_ok(&egg, "5000g", 5000, -1, 5000, 5000.0 / 60);
	check_ok(&egg, "83", 83, 0, 4980, 83);
}

/*
 * Labels without a gram weight count as one default serving each; grams
 * are 0 unless the default serving has a weight.
 */
static void
test_no_gram_weight(void **state)
{
	(void)state;
	check_ok(&k2, "1", 1, 0, 0, 1);
	check_ok(&k2, "2 capsules", 2, 0, 0, 2);
	check_ok(&k2, "capsule", 1, 0, 0, 1);
	check_ok(&k2, "1/2 capsule", 0.5, 0, 0, 0.5);
	check_ok(&k2, "100", 100, 0, 0, 100);
	check_ok(&oil, "3 drops", 3, 0, 0, 3);
	check_ok(&oil, "2 ml", 2, 1, 0, 2);
	/* The default has a weight: a bowl is one 100 g dish. */
	check_ok(&kraut, "2 bowls", 2, 2, 200, 2);
	/* The default has none: a tsp's 5 g cannot be related to it. */
	check_ok(&powder, "2 tsp", 2, 1, 0, 2);
	check_ok(&powder, "1 scoop", 1, 0, 0, 1);
}

static void
test_not_above_zero(void **state)
{
	static const char *const zeros[] = {
		"0", "0 slice", "0g", "0 kg", "0/5", "0.0", ".0", "000",
		"0 0/2", "-0", "-1", "-2 slice", "-\xc2\xbd", "-0.5", "-1/0",
		"-.5",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
		check_bad(&gouda, zeros[i], "amount must be more than zero");
	check_bad(&k2, "0 capsule", "amount must be more than zero");
}

static void
test_not_an_amount(void **state)
{
	static const char *const bad[] = {
		"lots", "nan", "NaN", "inf", "infinity", "1e308", "1E3",
		"0x10", "+1", "2.", "1,", ",", "1,5,2", "1 3/2", "1.5 1/2",
		"1.5/2",
		"\xc2\xbd\xc2\xbd", "1/2/3", "1 /2", "1/ 2", "slice 2",
		"--1", "-", "/", ".", "1 1", "2slice3", "1/2\xc2\xbd",
		"0.5\xc2\xbd", "1/", "/2", "\xe2\x85\x95", "- 1",
	};
	char msg[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(msg, sizeof msg, "'%s' is not an amount: try 1, 1/2, "
		    "2 slice or 30g", bad[i]);
		check_bad(&gouda, bad[i], msg);
	}
	/* The text is quoted without the blanks around it. */
	check_bad(&gouda, "  lots ", "'lots' is not an amount: "
	    "try 1, 1/2, 2 slice or 30g");
	/* The examples follow the food's first label and its grams. */
	check_bad(&kraut, "lots", "'lots' is not an amount: "
	    "try 1, 1/2, 2 dish or 30g");
	check_bad(&k2, "lots", "'lots' is not an amount: "
	    "try 1, 1/2 or 2 capsule");
	check_bad(&k2, "1e3", "'1e3' is not an amount: "
	    "try 1, 1/2 or 2 capsule");
}

static void
test_unknown_unit(void **state)
{
	(void)state;
	check_bad(&gouda, "2 cups", "unknown unit 'cups' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&gouda, "1 cup", "unknown unit 'cup' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&gouda, "2slicess", "unknown unit 'slicess' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&gouda, "2 slicees", "unknown unit 'slicees' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&gouda, "2 ozs", "unknown unit 'ozs' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&plurals, "2 patti", "unknown unit 'patti' for Burger: "
	    "use patty, leaf, box, knife, tray, g, oz or lb");
	check_bad(&plurals, "2 leave", "unknown unit 'leave' for Burger: "
	    "use patty, leaf, box, knife, tray, g, oz or lb");
	check_bad(&gouda, "2 Scheibe", "unknown unit 'Scheibe' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&gouda, "2 slice slice", "unknown unit 'slice slice' for "
	    "Gouda: use slice, g, oz or lb");
	check_bad(&gouda, "0 cups", "unknown unit 'cups' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&gouda, "2 mg", "unknown unit 'mg' for Gouda: "
	    "use slice, g, oz or lb");
	check_bad(&k2, "2 tablets", "unknown unit 'tablets' for K2 MK-7: "
	    "use capsule");
	check_bad(&egg, "2 large", "unknown unit 'large' for Egg: "
	    "use large egg, yolk, g, oz or lb");
	check_bad(&oil, "2 drip", "unknown unit 'drip' for K2 oil: "
	    "use drop or ml");
	/* Grams need a gram weight on the default serving. */
	check_bad(&k2, "30g", "no gram weight known for K2 MK-7: use capsule");
	check_bad(&k2, "1 kg", "no gram weight known for K2 MK-7: "
	    "use capsule");
	check_bad(&k2, "g", "no gram weight known for K2 MK-7: use capsule");
	check_bad(&powder, "5 g", "no gram weight known for K2 powder: "
	    "use scoop or tsp");
}

static void
test_division_by_zero(void **state)
{
	(void)state;
	check_bad(&gouda, "1/0", "division by zero in '1/0'");
	check_bad(&gouda, "0/0", "division by zero in '0/0'");
	check_bad(&gouda, "1/00 slice", "division by zero in '1/00 slice'");
	check_bad(&gouda, "1 1/0", "division by zero in '1 1/0'");
}

static void
test_too_much(void **state)
{
	char huge[512];

	(void)state;
	/* Gouda: 100 slices (2800 g) come before 5000 g. */
	check_bad(&gouda, "3 kg", "'3 kg' of Gouda is too much: "
	    "at most 2800 g (100 servings)");
	check_bad(&gouda, "6kg", "'6kg' of Gouda is too much: "
	    "at most 2800 g (100 servings)");
	/* A bare number that is a fine amount of grams: did you mean it? */
	check_bad(&gouda, "101", "'101' of Gouda is too much: "
	    "at most 2800 g (100 servings); did you mean 101g?");
	check_bad(&gouda, "200", "'200' of Gouda is too much: "
	    "at most 2800 g (100 servings); did you mean 200g?");
	check_bad(&gouda, "2801", "'2801' of Gouda is too much: "
	    "at most 2800 g (100 servings)");
	check_bad(&gouda, "2801g", "'2801g' of Gouda is too much: "
	    "at most 2800 g (100 servings)");
	/* 99 oz = 2806.65 g = 100.2375 slices. */
	check_bad(&gouda, "99 oz", "'99 oz' of Gouda is too much: "
	    "at most 2800 g (100 servings)");
	check_bad(&gouda, "100.001", "'100.001' of Gouda is too much: "
	    "at most 2800 g (100 servings); did you mean 100.001g?");
	/* Sauerkraut: 5000 g is 50 dishes. */
	check_bad(&kraut, "51", "'51' of Sauerkraut is too much: "
	    "at most 5000 g (50 servings); did you mean 51g?");
	check_bad(&kraut, "34 glasses", "'34 glasses' of Sauerkraut is too "
	    "much: at most 5000 g (50 servings)");
	/* Egg: 5000 g is 83.3 eggs of 60 g. */
	check_bad(&egg, "84", "'84' of Egg is too much: "
	    "at most 5000 g (83.3 servings); did you mean 84g?");
	check_bad(&egg, "5000.5 g", "'5000.5 g' of Egg is too much: "
	    "at most 5000 g (83.3 servings)");
	/* No gram weight: only the servings bound. */
	check_bad(&k2, "101", "'101' of K2 MK-7 is too much: "
	    "at most 100 servings");
	check_bad(&k2, "100 1/2 capsules", "'100 1/2 capsules' of K2 MK-7 is "
	    "too much: at most 100 servings");
	/* A number too big for a double is still just too much. */
	memset(huge, '9', 400);
	huge[400] = '\0';
	assert_int_equal(strlen(huge), 400);
	{
		struct amount a;
		struct diag d;

		assert_int_equal(amount_parse(huge, &gouda, &a, &d), -1);
		assert_non_null(strstr(d.msg, "' of Gouda is too much: "
		    "at most 2800 g (100 servings)"));
	}
}

static void
test_no_err_buffer(void **state)
{
	struct amount a;

	(void)state;
	assert_int_equal(amount_parse("lots", &gouda, &a, NULL), -1);
	assert_int_equal(amount_parse("2 slice", &gouda, &a, NULL), 0);
	assert_true(a.quantity == 2);
}

static void
test_amount_number(void **state)
{
	const char *end = NULL;
	const char *s;
	double v = -1;

	(void)state;
	s = "1 1/2 cup";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 1.5);
	assert_ptr_equal(end, s + 5);
	s = "\xc2\xbdx";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 0.5);
	assert_ptr_equal(end, s + 2);
	s = "1 \xc2\xbd";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 1.5);
	assert_ptr_equal(end, s + 4);
	s = ".5";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 0.5);
	assert_ptr_equal(end, s + 2);
	/* The number stops before what it cannot take. */
	s = "2.";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 2);
	assert_ptr_equal(end, s + 1);
	s = "2 slice";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 2);
	assert_ptr_equal(end, s + 1);
	s = "1 3/2";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 1);
	assert_ptr_equal(end, s + 1);
	s = "0";
	assert_int_equal(amount_number(s, &v, &end), 0);
	assert_true(v == 0);
	assert_int_equal(amount_number("3/4", &v, NULL), 0);
	assert_true(v == 0.75);

	v = -1;
	end = NULL;
	assert_int_equal(amount_number("abc", &v, &end), -1);
	assert_int_equal(amount_number("", &v, &end), -1);
	assert_int_equal(amount_number(" 1", &v, &end), -1);
	assert_int_equal(amount_number("-1", &v, &end), -1);
	assert_int_equal(amount_number("1/0", &v, &end), -1);
	assert_int_equal(amount_number("1/", &v, &end), -1);
	assert_int_equal(amount_number(".", &v, &end), -1);
	assert_true(v == -1);
	assert_null(end);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_decimal_exact),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_grams),
		cmocka_unit_test(test_decimal_comma),
		cmocka_unit_test(test_no_gram_weight),
		cmocka_unit_test(test_not_above_zero),
		cmocka_unit_test(test_not_an_amount),
		cmocka_unit_test(test_unknown_unit),
		cmocka_unit_test(test_division_by_zero),
		cmocka_unit_test(test_too_much),
		cmocka_unit_test(test_no_err_buffer),
		cmocka_unit_test(test_amount_number),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
