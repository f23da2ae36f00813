/* SPDX-License-Identifier: ISC */
/* Unit tests for the suggestions (src/suggest.c), with figures worked out by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_yaml.h"
#include "config.h"
#include "diag.h"
#include "entry.h"
#include "food.h"
#include "gauge.h"
#include "suggest.h"
#include "text.h"
#include "util.h"

/* 2026-11-23 is a Monday: day 20780 (days since 1970-01-01). */
#define MON 20780L
#define TUE (MON + 1)
#define WED (MON + 2)
#define THU (MON + 3)
#define FRI (MON + 4)
#define SAT (MON + 5)
#define SUN (MON + 6)

/* The end of a food's list of values. */
#define END NUT_COUNT

/* Doubles agree to round-off. */
#define assert_double(a, b) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= 1e-9 * (1 + fabs(b_))))			\
		fail_msg("%s is %.12g, expected %.12g", #a, a_, b_);	\
} while (0)

/* A diag_list is about 26 KiB: keep it off the stack. */
static struct diag_list dl;

/* Room in the catalogue being built. */
static size_t cap;

/*
 * Add a food of one 100 g serving, so that a value per 100 g is also its
 * value per serving, with the values given as (enum nutrient, double)
 * pairs ended by END; the others are unknown. K2 is the sum of the
 * chains given unless NUT_K2 is given.
 */
static void
food(struct catalogue *c, const char *id, const char *name,
    enum food_group g, ...)
{
	struct food f;
	va_list ap;
	int k;

	memset(&f, 0, sizeof f);
	f.id = xstrdup(id);
	f.name = xstrdup(name);
	f.group = g;
	f.n_servings = 1;
	f.servings = xcalloc(1, sizeof *f.servings);
	f.servings[0].label = xstrdup("serving");
	f.servings[0].grams = 100;
	f.origin = ORIGIN_CITED;
	va_start(ap, g);
	while ((k = va_arg(ap, int)) != END)
		nutrients_set(&f.nut, (enum nutrient)k, va_arg(ap, double));
	va_end(ap);
	nutrients_finish(&f.nut);
	catalogue_add(c, &f, &cap);
	catalogue_index(c);
}

static void
cat_new(struct catalogue *c)
{
	catalogue_init(c);
	cap = 0;
}

/* A small set of hand-built entries. */
struct set {
	struct entry	 v[32];
	size_t		 n;
};

/* Append an entry of `servings` servings with no nutrient known yet. */
static struct entry *
add(struct set *s, const char *name, long day, double servings)
{
	struct entry *e;

	assert_true(s->n < ARRAY_LEN(s->v));
	e = &s->v[s->n++];
	memset(e, 0, sizeof *e);
	e->day = day;
	e->food_name = xstrdup(name);
	e->servings = servings;
	e->quantity = servings;
	return e;
}

/* Make nutrient k of e known with value v. */
static void
put(struct entry *e, enum nutrient k, double v)
{
	nutrients_set(&e->nut, k, v);
}

static void
set_release(struct set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		entry_release(&s->v[i]);
	s->n = 0;
}

/* The defaults of DESIGN.md §5, by hand. */
static void
cfg_fill(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->day_starts_min = 240;
	c->rich_threshold_ug = 12;
	c->rich_servings_goal = 7;
	c->k2_goal_ug = 630;
	c->sat_fat_limit_g = 20;
	c->sodium_limit_mg = 2300;
}

/* The gauge of the week of MON and the suggestions for day. */
static void
run(const struct catalogue *cat, const struct config *cf,
    const struct set *s, long day, struct gauge *g, struct suggest *out)
{
	gauge_week(cf, MON, s->v, s->n, g);
	suggest_compute(cat, cf, g, day, out);
}

/* The id of the i-th candidate. */
static const char *
cand(const struct catalogue *cat, const struct suggest *s, size_t i)
{
	if (i >= s->n)
		fail_msg("candidate %zu asked for, only %zu", i, s->n);
	return cat->foods[s->v[i].food].id;
}

/* Is the food with this id among the candidates? */
static bool
listed(const struct catalogue *cat, const struct suggest *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(cat->foods[s->v[i].food].id, id) == 0)
			return true;
	return false;
}

static void
test_score_formula(void **state)
{
	struct config cf;

	(void)state;
	cfg_fill(&cf);
	/* 100 ug, 230 mg (0.1 of 2,300), 2 g (0.1 of 20): 100 / 1.2. */
	assert_double(suggest_score(&cf, 100, true, 230, true, 2),
	    100 / 1.2);
	/* No sodium, no sat fat: the K2 itself. */
	assert_double(suggest_score(&cf, 850, true, 0, true, 0), 850);
	/* Sodium unknown counts as the whole day's 2,300: 100 / 2.1. */
	assert_double(suggest_score(&cf, 100, false, 0, true, 2), 100 / 2.1);
	/* Both unknown: 60 / 3 = 20. */
	assert_double(suggest_score(&cf, 60, false, 0, false, 0), 20);
	/* A whole day's sodium and sat fat in one serving: 60 / 3 = 20. */
	assert_double(suggest_score(&cf, 60, true, 2300, true, 20), 20);
	/* Other limits: 1,500 mg and 10 g; 750 mg and 5 g: 30 / 2 = 15. */
	cf.sodium_limit_mg = 1500;
	cf.sat_fat_limit_g = 10;
	assert_double(suggest_score(&cf, 30, true, 750, true, 5), 15);
}

/*
 * The catalogue of most tests, per serving (100 g a serving):
 *   natto    MK-7 500, 7 mg, 1.6 g   score 500 / (1 + 7/2300 + 1.6/20)
 *                                      = 500 / 1.083043... = 461.66...
 *   gouda    other MK 13.16, 229.32 mg, 4.93 g
 *                                      13.16 / (1 + 0.0997 + 0.2465)
 *                                      = 13.16 / 1.3462 = 9.7756
 *   zed      "Zed cheese", MK-7 24, 0 mg, 0 g     score 24
 *   ham      "Ham", MK-7 24, 0 mg, 0 g            score 24 (ties Zed)
 *   liver    "Liver", MK-4 30 alone (MK-4 only), 460 mg, 4 g
 *                                      30 / (1 + 0.2 + 0.2) = 21.43
 *   brie     K2 total 15 (chain not known), 230 mg, sat fat unknown
 *                                      15 / (1 + 0.1 + 1) = 7.143
 *   pill     a supplement, MK-7 1000, 0 mg, 0 g     never a candidate
 *   butter   MK-4 11.9 (not rich), 11 mg, 5 g       never a candidate
 *   edge     MK-7 12 (exactly rich), 0 mg, 0 g      score 12
 *   egg      K2 unknown, 140 mg, 3.1 g              never a candidate
 * The ids of Zed and Ham run against their names (a_zed, b_ham), so a
 * tie put by name puts b_ham first.
 */
static void
cat_main(struct catalogue *c)
{
	cat_new(c);
	food(c, "natto", "Natto", GROUP_FERMENTED_PLANT, NUT_MK7, 500.0,
	    NUT_SODIUM, 7.0, NUT_SAT_FAT, 1.6, END);
	food(c, "gouda", "Gouda", GROUP_CHEESE, NUT_MK_OTHER, 13.16,
	    NUT_SODIUM, 229.32, NUT_SAT_FAT, 4.93, END);
	food(c, "a_zed", "Zed cheese", GROUP_CHEESE, NUT_MK7, 24.0,
	    NUT_SODIUM, 0.0, NUT_SAT_FAT, 0.0, END);
	food(c, "b_ham", "Ham", GROUP_MEAT, NUT_MK7, 24.0, NUT_SODIUM, 0.0,
	    NUT_SAT_FAT, 0.0, END);
	food(c, "liver", "Liver", GROUP_ORGAN_MEAT, NUT_MK4, 30.0,
	    NUT_SODIUM, 460.0, NUT_SAT_FAT, 4.0, END);
	food(c, "brie", "Brie", GROUP_CHEESE, NUT_K2, 15.0, NUT_SODIUM, 230.0,
	    END);
	food(c, "pill", "Pill", GROUP_SUPPLEMENT, NUT_MK7, 1000.0,
	    NUT_SODIUM, 0.0, NUT_SAT_FAT, 0.0, END);
	food(c, "butter", "Butter", GROUP_FAT, NUT_MK4, 11.9, NUT_SODIUM,
	    11.0, NUT_SAT_FAT, 5.0, END);
	food(c, "edge", "Edge", GROUP_OTHER, NUT_MK7, 12.0, NUT_SODIUM, 0.0,
	    NUT_SAT_FAT, 0.0, END);
	food(c, "egg", "Egg", GROUP_EGG, NUT_SODIUM, 140.0, NUT_SAT_FAT, 3.1,
	    END);
}

static void
test_order_on_a_fresh_week(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;

	(void)state;
	cfg_fill(&cf);
	cat_main(&cat);
	run(&cat, &cf, &s, WED, &g, &sg);
	/* Rich and not supplements: natto gouda zed ham liver brie edge. */
	assert_int_equal(sg.considered, 7);
	assert_int_equal(sg.n, 7);
	assert_int_equal(sg.stop, SUGGEST_STOP_NONE);
	/* 461.7, 24 (Ham), 24 (Zed cheese), 21.4, 12, 9.78, 7.14. */
	assert_string_equal(cand(&cat, &sg, 0), "natto");
	assert_string_equal(cand(&cat, &sg, 1), "b_ham");
	assert_string_equal(cand(&cat, &sg, 2), "a_zed");
	assert_string_equal(cand(&cat, &sg, 3), "liver");
	assert_string_equal(cand(&cat, &sg, 4), "edge");
	assert_string_equal(cand(&cat, &sg, 5), "gouda");
	assert_string_equal(cand(&cat, &sg, 6), "brie");
	assert_double(sg.v[0].score, 500 / (1 + 7 / 2300.0 + 1.6 / 20));
	assert_double(sg.v[1].score, 24);
	assert_double(sg.v[2].score, 24);
	assert_double(sg.v[3].score, 30 / 1.4);
	assert_double(sg.v[5].score, 13.16 / (1 + 229.32 / 2300 +
	    4.93 / 20));
	assert_double(sg.v[6].score, 15 / 2.1);
	/* The per-serving figures and the marks. */
	assert_double(sg.v[0].k2_ug, 500);
	assert_double(sg.v[0].sodium_mg, 7);
	assert_double(sg.v[0].sat_fat_g, 1.6);
	assert_false(sg.v[0].mk4_only);
	assert_false(sg.v[0].chain_unknown);
	assert_true(sg.v[3].mk4_only);
	assert_true(sg.v[3].chain_unknown);
	assert_false(sg.v[6].mk4_only);
	assert_true(sg.v[6].chain_unknown);
	assert_true(sg.v[6].sodium_known);
	assert_false(sg.v[6].sat_fat_known);
	assert_string_equal(sg.v[1].name, "Ham");
	/* Supplements, foods below 12 ug and K2 unknown are never there. */
	assert_false(listed(&cat, &sg, "pill"));
	assert_false(listed(&cat, &sg, "butter"));
	assert_false(listed(&cat, &sg, "egg"));
	/* A fresh week: everything left, all 7 servings missing. */
	assert_double(sg.rich_missing, 7);
	assert_double(sg.sat_fat.day, 20);
	assert_double(sg.sat_fat.week, 140);
	assert_double(sg.sodium.day, 2300);
	assert_double(sg.sodium.week, 16100);
	assert_false(sg.sodium.day_partial);
	assert_false(sg.sodium.week_partial);
	assert_false(sg.anticoagulant);
	suggest_release(&sg);
	assert_null(sg.v);
	catalogue_release(&cat);
}

static void
test_missing_servings(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;

	(void)state;
	cfg_fill(&cf);
	cat_main(&cat);
	/* 2.5 rich servings (13 ug a serving): 7 - 2.5 = 4.5 missing. */
	e = add(&s, "gouda", MON, 2.5);
	put(e, NUT_K2, 32.5);
	/* 3 servings of 5 ug: not rich, not counted. */
	e = add(&s, "butter", MON, 3);
	put(e, NUT_K2, 15);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_double(sg.rich_servings, 2.5);
	assert_double(sg.rich_servings_goal, 7);
	assert_double(sg.rich_missing, 4.5);
	suggest_release(&sg);
	/* 6 more: 8.5 of 7, none missing (never below 0); still a list. */
	e = add(&s, "natto", TUE, 6);
	put(e, NUT_K2, 3000);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_double(sg.rich_servings, 8.5);
	assert_double(sg.rich_missing, 0);
	assert_int_equal(sg.n, 7);
	suggest_release(&sg);
	set_release(&s);
	catalogue_release(&cat);
}

static void
test_partly_known_day(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;

	(void)state;
	cfg_fill(&cf);
	cat_new(&cat);
	/* 1,200 mg fits 1,300 left; 1,400 mg does not. */
	food(&cat, "fits", "Fits", GROUP_OTHER, NUT_MK7, 20.0, NUT_SODIUM,
	    1200.0, NUT_SAT_FAT, 1.0, END);
	food(&cat, "big", "Big", GROUP_OTHER, NUT_MK7, 20.0, NUT_SODIUM,
	    1400.0, NUT_SAT_FAT, 1.0, END);
	/*
	 * Wed: soup with 1,000 mg sodium and sat fat unknown; a pie with
	 * neither known. Mon: 500 mg, 2 g, both known.
	 */
	e = add(&s, "soup", WED, 1);
	put(e, NUT_SODIUM, 1000);
	add(&s, "pie", WED, 1);
	e = add(&s, "toast", MON, 1);
	put(e, NUT_SODIUM, 500);
	put(e, NUT_SAT_FAT, 2);
	run(&cat, &cf, &s, WED, &g, &sg);
	/* The day: 2,300 - 1,000 = 1,300 left, known for 1 of 2. */
	assert_double(sg.sodium.day, 1300);
	assert_true(sg.sodium.day_partial);
	assert_int_equal(sg.sodium.day_known, 1);
	assert_int_equal(sg.sodium.day_count, 2);
	/* The week: 16,100 - 1,500 = 14,600, known for 2 of 3. */
	assert_double(sg.sodium.week, 14600);
	assert_true(sg.sodium.week_partial);
	assert_int_equal(sg.sodium.week_known, 2);
	assert_int_equal(sg.sodium.week_count, 3);
	/*
	 * Sat fat known for none of the day's entries: all 20 g left, and
	 * marked (not taken as 0 g eaten without saying so); the week 138.
	 */
	assert_double(sg.sat_fat.day, 20);
	assert_true(sg.sat_fat.day_partial);
	assert_int_equal(sg.sat_fat.day_known, 0);
	assert_int_equal(sg.sat_fat.day_count, 2);
	assert_double(sg.sat_fat.week, 138);
	assert_true(sg.sat_fat.week_partial);
	/* Known values only decide: Fits fits, Big does not. */
	assert_int_equal(sg.n, 1);
	assert_string_equal(cand(&cat, &sg, 0), "fits");
	suggest_release(&sg);
	/* Monday, all known: not partial. */
	run(&cat, &cf, &s, MON, &g, &sg);
	assert_double(sg.sodium.day, 1800);
	assert_false(sg.sodium.day_partial);
	assert_false(sg.sat_fat.day_partial);
	assert_true(sg.sodium.week_partial);
	suggest_release(&sg);
	set_release(&s);
	catalogue_release(&cat);
}

static void
test_unknown_candidate_values(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;

	(void)state;
	cfg_fill(&cf);
	cat_new(&cat);
	/*
	 * Mystery: 40 ug, sodium unknown, 2 g: 40 / (1 + 1 + 0.1) = 19.05.
	 * Plain: 40 ug, 1,150 mg, 2 g: 40 / (1 + 0.5 + 0.1) = 25.
	 * Salt-free: 15 ug, 0 mg, 0 g: 15.
	 * An unknown sodium scores as a whole day's, below Plain's half.
	 */
	food(&cat, "mystery", "Mystery", GROUP_OTHER, NUT_MK7, 40.0,
	    NUT_SAT_FAT, 2.0, END);
	food(&cat, "plain", "Plain", GROUP_OTHER, NUT_MK7, 40.0, NUT_SODIUM,
	    1150.0, NUT_SAT_FAT, 2.0, END);
	food(&cat, "saltfree", "Salt-free", GROUP_OTHER, NUT_MK7, 15.0,
	    NUT_SODIUM, 0.0, NUT_SAT_FAT, 0.0, END);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.n, 3);
	assert_string_equal(cand(&cat, &sg, 0), "plain");
	assert_string_equal(cand(&cat, &sg, 1), "mystery");
	assert_string_equal(cand(&cat, &sg, 2), "saltfree");
	assert_double(sg.v[1].score, 40 / 2.1);
	assert_false(sg.v[1].sodium_known);
	suggest_release(&sg);

	/* 2,299 mg eaten: 1 mg left. Mystery still fits (something is left). */
	e = add(&s, "pickles", WED, 1);
	put(e, NUT_SODIUM, 2299);
	put(e, NUT_SAT_FAT, 0);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_double(sg.sodium.day, 1);
	assert_int_equal(sg.n, 2);
	assert_string_equal(cand(&cat, &sg, 0), "mystery");
	assert_string_equal(cand(&cat, &sg, 1), "saltfree");
	suggest_release(&sg);

	/* 1 mg more: nothing left. Mystery is out; 0 mg still fits 0 left. */
	e = add(&s, "olive", WED, 1);
	put(e, NUT_SODIUM, 1);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_double(sg.sodium.day, 0);
	assert_int_equal(sg.n, 1);
	assert_string_equal(cand(&cat, &sg, 0), "saltfree");
	suggest_release(&sg);
	set_release(&s);
	catalogue_release(&cat);
}

static void
test_week_limit_binds(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;
	bool week;
	long d;

	(void)state;
	cfg_fill(&cf);
	cat_new(&cat);
	food(&cat, "small", "Small", GROUP_OTHER, NUT_MK7, 20.0, NUT_SODIUM,
	    1000.0, NUT_SAT_FAT, 1.0, END);
	food(&cat, "large", "Large", GROUP_OTHER, NUT_MK7, 20.0, NUT_SODIUM,
	    1200.0, NUT_SAT_FAT, 1.0, END);
	/* Mon to Sat 2,500 mg each: 15,000 of 16,100, 1,100 left. */
	for (d = MON; d <= SAT; d++) {
		e = add(&s, "bread", d, 1);
		put(e, NUT_SODIUM, 2500);
		put(e, NUT_SAT_FAT, 1);
	}
	run(&cat, &cf, &s, SUN, &g, &sg);
	assert_double(sg.sodium.day, 2300);
	assert_double(sg.sodium.week, 1100);
	assert_double(suggest_left_min(&sg.sodium, &week), 1100);
	assert_true(week);
	/* Sat fat: 20 today, 134 for the week: the day's is the smaller. */
	assert_double(suggest_left_min(&sg.sat_fat, &week), 20);
	assert_false(week);
	/* 1,200 mg fits the day, not the week. */
	assert_int_equal(sg.n, 1);
	assert_string_equal(cand(&cat, &sg, 0), "small");
	suggest_release(&sg);
	set_release(&s);
	catalogue_release(&cat);
}

static void
test_stopping_limit(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;

	(void)state;
	cfg_fill(&cf);
	cat_new(&cat);
	/* Salty: 500 mg, 0.5 g; fatty: 50 mg, 5 g. */
	food(&cat, "salty", "Salty", GROUP_OTHER, NUT_MK7, 20.0, NUT_SODIUM,
	    500.0, NUT_SAT_FAT, 0.5, END);
	food(&cat, "fatty", "Fatty", GROUP_OTHER, NUT_MK7, 20.0, NUT_SODIUM,
	    50.0, NUT_SAT_FAT, 5.0, END);

	/* 2,400 mg (over): nothing of sodium left, both foods have some. */
	e = add(&s, "ramen", WED, 1);
	put(e, NUT_SODIUM, 2400);
	put(e, NUT_SAT_FAT, 1);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.n, 0);
	assert_int_equal(sg.stop, SUGGEST_STOP_SODIUM);
	assert_string_equal(suggest_stop_name(sg.stop), "sodium");
	assert_double(sg.sodium.day, 0);
	suggest_release(&sg);
	set_release(&s);

	/* 19.8 g of sat fat: 0.2 g left, below both foods. */
	e = add(&s, "cream", WED, 1);
	put(e, NUT_SODIUM, 100);
	put(e, NUT_SAT_FAT, 19.8);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.stop, SUGGEST_STOP_SAT_FAT);
	assert_string_equal(suggest_stop_name(sg.stop), "sat_fat");
	assert_double(sg.sat_fat.day, 20 - 19.8);
	suggest_release(&sg);
	set_release(&s);

	/* Both over: each limit alone stops both foods. */
	e = add(&s, "pizza", WED, 1);
	put(e, NUT_SODIUM, 2300);
	put(e, NUT_SAT_FAT, 20);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.stop, SUGGEST_STOP_BOTH);
	assert_string_equal(suggest_stop_name(sg.stop), "sat_fat_and_sodium");
	suggest_release(&sg);
	set_release(&s);

	/*
	 * 100 mg and 1 g left: salty fails on sodium alone, fatty on sat fat
	 * alone. Neither limit stops every food; the two together do.
	 */
	e = add(&s, "lunch", WED, 1);
	put(e, NUT_SODIUM, 2200);
	put(e, NUT_SAT_FAT, 19);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.n, 0);
	assert_int_equal(sg.stop, SUGGEST_STOP_BOTH);
	suggest_release(&sg);
	set_release(&s);

	/* Nothing eaten: both fit, no stop, no stop name. */
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.n, 2);
	assert_int_equal(sg.stop, SUGGEST_STOP_NONE);
	assert_null(suggest_stop_name(sg.stop));
	suggest_release(&sg);
	catalogue_release(&cat);
}

static void
test_no_k2_rich_food(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;

	(void)state;
	cfg_fill(&cf);
	cat_new(&cat);
	/* A rich supplement and a food of 11.9 ug: neither is a candidate. */
	food(&cat, "pill", "Pill", GROUP_SUPPLEMENT, NUT_MK7, 100.0, END);
	food(&cat, "butter", "Butter", GROUP_FAT, NUT_MK4, 11.9, NUT_SODIUM,
	    11.0, NUT_SAT_FAT, 5.0, END);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.considered, 0);
	assert_int_equal(sg.n, 0);
	assert_int_equal(sg.stop, SUGGEST_STOP_NO_FOOD);
	assert_string_equal(suggest_stop_name(sg.stop), "no_food");
	suggest_release(&sg);
	/* An empty catalogue says the same. */
	catalogue_release(&cat);
	cat_new(&cat);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.stop, SUGGEST_STOP_NO_FOOD);
	suggest_release(&sg);
	catalogue_release(&cat);
}

/*
 * Anticoagulant mode, by hand. The week's entries (vitamin K = K1 + K2,
 * the known values):
 *   Mon  K1 100 + K2 20           = 120
 *   Tue  K1 60                    =  60
 *   Wed  K1 30 (the viewed day)   =  30
 *   Thu  sodium only (K unknown)  =   0, an entry: a day with entries
 * The mean of the OTHER days with entries (Mon, Tue, Thu) is
 * (120 + 60 + 0) / 3 = 60, so Wed wants 30 more to reach it. (The
 * gauge's own mean counts Wed too: (120 + 60 + 30 + 0) / 4 = 52.5.)
 * One serving of each food, Wed then, and the distance to 60:
 *   spinach    K1 25, K2 0       25 -> 55,  5
 *   beet       K1 35 (K2 ?)      35 -> 65,  5 (ties spinach: by name,
 *                                             "Beet greens" first)
 *   cheese     K1 2, K2 40       42 -> 72, 12
 *   kale       K1 50 (K2 ?)      50 -> 80, 20
 *   bread      K1 0 (K2 ?)        0 -> 30, 30
 *   natto      K2 500 (K1 ?)    500 -> 530, 470
 *   rice       K1 ?, K2 ?       not listed (nothing known)
 *   pill       supplement, K1 30: distance 0, but never listed
 */
static void
test_anticoagulant_order(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;

	(void)state;
	cfg_fill(&cf);
	cf.anticoagulant = true;
	cat_new(&cat);
	food(&cat, "spinach", "Spinach", GROUP_LEAFY_GREEN, NUT_K1, 25.0,
	    NUT_MK7, 0.0, NUT_SODIUM, 70.0, NUT_SAT_FAT, 0.0, END);
	food(&cat, "beet", "Beet greens", GROUP_LEAFY_GREEN, NUT_K1, 35.0,
	    NUT_SODIUM, 200.0, NUT_SAT_FAT, 0.0, END);
	food(&cat, "cheese", "Cheese", GROUP_CHEESE, NUT_K1, 2.0,
	    NUT_MK_OTHER, 40.0, NUT_SODIUM, 600.0, NUT_SAT_FAT, 5.0, END);
	food(&cat, "kale", "Kale", GROUP_LEAFY_GREEN, NUT_K1, 50.0,
	    NUT_SODIUM, 40.0, NUT_SAT_FAT, 0.1, END);
	food(&cat, "bread", "Bread", GROUP_BAKED, NUT_K1, 0.0, NUT_SODIUM,
	    450.0, NUT_SAT_FAT, 0.5, END);
	food(&cat, "natto", "Natto", GROUP_FERMENTED_PLANT, NUT_MK7, 500.0,
	    NUT_SODIUM, 7.0, NUT_SAT_FAT, 1.6, END);
	food(&cat, "rice", "Rice", GROUP_GRAIN, NUT_SODIUM, 1.0, END);
	food(&cat, "pill", "Pill", GROUP_SUPPLEMENT, NUT_K1, 30.0, END);

	e = add(&s, "greens", MON, 1);
	put(e, NUT_K1, 100);
	put(e, NUT_K2, 20);
	e = add(&s, "salad", TUE, 1);
	put(e, NUT_K1, 60);
	e = add(&s, "lettuce", WED, 1);
	put(e, NUT_K1, 30);
	e = add(&s, "broth", THU, 1);
	put(e, NUT_SODIUM, 800);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_true(sg.anticoagulant);
	assert_double(g.vitk_mean_ug, 52.5);
	assert_true(sg.has_mean);
	assert_int_equal(sg.mean_days, 3);
	assert_double(sg.mean_ug, 60);
	assert_double(sg.day_vitk.sum, 30);
	assert_int_equal(sg.day_vitk.known, 1);
	/* Foods with K1 or K2 known, supplements aside: six. */
	assert_int_equal(sg.considered, 6);
	assert_int_equal(sg.n, 6);
	assert_string_equal(cand(&cat, &sg, 0), "beet");
	assert_string_equal(cand(&cat, &sg, 1), "spinach");
	assert_string_equal(cand(&cat, &sg, 2), "cheese");
	assert_string_equal(cand(&cat, &sg, 3), "kale");
	assert_string_equal(cand(&cat, &sg, 4), "bread");
	assert_string_equal(cand(&cat, &sg, 5), "natto");
	assert_double(sg.v[0].distance_ug, 5);
	assert_double(sg.v[0].day_after_ug, 65);
	assert_double(sg.v[0].vitk_ug, 35);
	assert_true(sg.v[0].vitk_partial);
	assert_double(sg.v[1].distance_ug, 5);
	assert_false(sg.v[1].vitk_partial);
	assert_double(sg.v[2].distance_ug, 12);
	assert_double(sg.v[2].vitk_ug, 42);
	assert_double(sg.v[3].distance_ug, 20);
	assert_double(sg.v[4].distance_ug, 30);
	assert_double(sg.v[5].distance_ug, 470);
	assert_double(sg.v[5].day_after_ug, 530);
	/* No score, no K2-rich goal in this mode. */
	assert_double(sg.v[0].score, 0);
	assert_double(sg.rich_missing, 0);
	suggest_release(&sg);

	/* The limits still apply: 1,800 mg more on Wed leaves 500 mg. */
	e = add(&s, "soup", WED, 1);
	put(e, NUT_SODIUM, 1800);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_double(sg.sodium.day, 500);
	/* Cheese (600 mg) is out; the rest keep their order. */
	assert_int_equal(sg.n, 5);
	assert_string_equal(cand(&cat, &sg, 2), "kale");
	assert_false(listed(&cat, &sg, "cheese"));
	suggest_release(&sg);
	set_release(&s);
	catalogue_release(&cat);
}

static void
test_anticoagulant_no_mean(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	struct entry *e;

	(void)state;
	cfg_fill(&cf);
	cf.anticoagulant = true;
	cat_new(&cat);
	food(&cat, "kale", "Kale", GROUP_LEAFY_GREEN, NUT_K1, 50.0,
	    NUT_SODIUM, 40.0, NUT_SAT_FAT, 0.1, END);
	/* Only the viewed day has entries: no mean to be near, no list. */
	e = add(&s, "lettuce", WED, 1);
	put(e, NUT_K1, 30);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_false(sg.has_mean);
	assert_int_equal(sg.mean_days, 0);
	assert_int_equal(sg.considered, 1);
	assert_int_equal(sg.n, 0);
	assert_int_equal(sg.stop, SUGGEST_STOP_NO_MEAN);
	assert_string_equal(suggest_stop_name(sg.stop), "no_mean");
	suggest_release(&sg);
	/* Thursday: Wednesday is the other day, mean 30; kale 50 away. */
	run(&cat, &cf, &s, THU, &g, &sg);
	assert_true(sg.has_mean);
	assert_double(sg.mean_ug, 30);
	assert_int_equal(sg.n, 1);
	assert_double(sg.v[0].distance_ug, 20);
	suggest_release(&sg);
	set_release(&s);
	/* No food with K1 or K2 known: no_food, before no_mean. */
	catalogue_release(&cat);
	cat_new(&cat);
	food(&cat, "rice", "Rice", GROUP_GRAIN, NUT_SODIUM, 1.0, END);
	run(&cat, &cf, &s, WED, &g, &sg);
	assert_int_equal(sg.stop, SUGGEST_STOP_NO_FOOD);
	suggest_release(&sg);
	catalogue_release(&cat);
}

/* n servings of the food id, logged on day, from the catalogue. */
static void
log_food(struct set *s, const struct catalogue *cat, const char *id,
    long day, int n)
{
	const struct food *f = catalogue_find(cat, id);
	struct amount a;
	int i;

	assert_non_null(f);
	amount_default(f, &a);
	for (i = 0; i < n; i++) {
		assert_true(s->n < ARRAY_LEN(s->v));
		entry_from_food(&s->v[s->n++], f, &a, day, 0);
	}
}

/* Index of a candidate by id, or -1. */
static long
find_cand(const struct catalogue *cat, const struct suggest *sg,
    const char *id)
{
	size_t i;

	for (i = 0; i < sg->n; i++)
		if (strcmp(cat->foods[sg->v[i].food].id, id) == 0)
			return (long)i;
	return -1;
}

/*
 * The scenario on the project's foods.yaml. Per default serving:
 * salami 25 g, sodium 1,740 mg / 100 g -> 435 mg, sat fat 9.316 g / 100 g
 * -> 2.329 g, MK-4 28 ug / 100 g -> 7 ug (not K2-rich); natto 85 g, 7 mg
 * / 100 g -> 5.95 mg; Jarlsberg 28 g at 187 mg -> 52.36 mg; Gouda 28 g at
 * 819 mg -> 229.32 mg.
 * After 5 servings: 2,175 of 2,300 mg, 125 left; 11.645 g of 20, 8.355
 * left. Natto and Jarlsberg fit; Gouda (229.32 > 125) does not.
 * After 8: 3,480 mg, over, nothing left; sat fat 18.632, 1.368 left,
 * which natto's 1.35235 g would still fit: sodium alone stops it.
 */
static void
test_salami(void **state)
{
	struct catalogue cat;
	struct config cf;
	struct set s = { .n = 0 };
	struct gauge g;
	struct suggest sg;
	long i, natto, jarl;

	(void)state;
	cfg_fill(&cf);
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_file(&cat, K2_SRCDIR "/foods.yaml",
	    &dl), 0);

	/* A fresh week: natto first. */
	run(&cat, &cf, &s, TUE, &g, &sg);
	assert_true(sg.n > 0);
	assert_string_equal(cand(&cat, &sg, 0), "natto");
	assert_true(find_cand(&cat, &sg, "gouda") >= 0);
	assert_false(listed(&cat, &sg, "salami"));
	suggest_release(&sg);

	log_food(&s, &cat, "salami", TUE, 5);
	assert_double(s.v[0].nut.v[NUT_SODIUM], 435);
	assert_double(s.v[0].nut.v[NUT_SAT_FAT], 2.329);
	run(&cat, &cf, &s, TUE, &g, &sg);
	assert_double(g.days[1].sodium.sum, 2175);
	assert_double(sg.sodium.day, 125);
	assert_double(sg.sodium.week, 16100 - 2175);
	assert_double(sg.sat_fat.day, 20 - 11.645);
	assert_string_equal(cand(&cat, &sg, 0), "natto");
	natto = find_cand(&cat, &sg, "natto");
	jarl = find_cand(&cat, &sg, "jarlsberg");
	assert_true(natto >= 0 && jarl >= 0);
	assert_double(sg.v[natto].sodium_mg, 5.95);
	assert_double(sg.v[jarl].sodium_mg, 52.36);
	assert_false(listed(&cat, &sg, "gouda"));
	for (i = 0; i < (long)sg.n; i++) {
		assert_true(!sg.v[i].sodium_known ||
		    sg.v[i].sodium_mg <= 125 + 1e-9);
		assert_true(!sg.v[i].sat_fat_known ||
		    sg.v[i].sat_fat_g <= 8.355 + 1e-9);
		assert_true(sg.v[i].k2_ug >= 12);
	}
	suggest_release(&sg);
	/* Gouda's own figure, for the record: 229.32 mg. */
	{
		double v;
		assert_true(food_per_serving(catalogue_find(&cat, "gouda"),
		    NUT_SODIUM, &v));
		assert_double(v, 229.32);
	}

	log_food(&s, &cat, "salami", TUE, 3);
	run(&cat, &cf, &s, TUE, &g, &sg);
	assert_double(g.days[1].sodium.sum, 3480);
	assert_double(sg.sodium.day, 0);
	assert_double(sg.sat_fat.day, 20 - 18.632);
	assert_int_equal(sg.n, 0);
	assert_int_equal(sg.stop, SUGGEST_STOP_SODIUM);
	suggest_release(&sg);
	set_release(&s);
	catalogue_release(&cat);
}

/*
 * The finder's orders, per serving:
 *   a  "Alpha"   K2 50, 100 mg    0.5 ug/mg
 *   b  "Bravo"   K2 80, 400 mg    0.2 ug/mg
 *   c  "Charlie" K2 10, 0 mg      no sodium: first by K2 per mg
 *   d  "Delta"   K2 30, sodium ?  after every ratio, by K2
 *   e  "Echo"    K2 ?, 5 mg       last in both
 *   f  "Foxtrot" K2 0, 0 mg       after every K2 above 0
 *   g  "Golf"    K2 50, 25 mg     2 ug/mg; ties Alpha by K2 (name)
 * By K2: Bravo 80, Alpha 50, Golf 50, Delta 30, Charlie 10, Foxtrot 0,
 * Echo ?. By K2 per mg of sodium: Charlie (0 mg), Golf 2, Alpha 0.5,
 * Bravo 0.2, Delta (sodium ?), Foxtrot (0 K2), Echo (K2 ?).
 */
static void
test_finder_orders(void **state)
{
	static const char *const by_k2[] = { "b", "a", "g", "d", "c", "f",
	    "e" };
	static const char *const by_ratio[] = { "c", "g", "a", "b", "d", "f",
	    "e" };
	static const bool rich_k2[] = { true, true, true, true, false, false,
	    false };
	struct catalogue cat;
	struct config cf;
	size_t idx[7], sub[3], i;
	bool rich[7];

	(void)state;
	cfg_fill(&cf);
	cat_new(&cat);
	food(&cat, "a", "Alpha", GROUP_OTHER, NUT_MK7, 50.0, NUT_SODIUM,
	    100.0, END);
	food(&cat, "b", "Bravo", GROUP_OTHER, NUT_MK7, 80.0, NUT_SODIUM,
	    400.0, END);
	food(&cat, "c", "Charlie", GROUP_OTHER, NUT_MK7, 10.0, NUT_SODIUM,
	    0.0, END);
	food(&cat, "d", "Delta", GROUP_OTHER, NUT_MK7, 30.0, END);
	food(&cat, "e", "Echo", GROUP_OTHER, NUT_SODIUM, 5.0, END);
	food(&cat, "f", "Foxtrot", GROUP_OTHER, NUT_MK7, 0.0, NUT_SODIUM,
	    0.0, END);
	food(&cat, "g", "Golf", GROUP_OTHER, NUT_MK7, 50.0, NUT_SODIUM, 25.0,
	    END);
	assert_int_equal(suggest_rank(&cat, &cf, SUGGEST_ORDER_K2, idx, rich),
	    7);
	for (i = 0; i < 7; i++) {
		assert_string_equal(cat.foods[idx[i]].id, by_k2[i]);
		assert_int_equal(rich[i], rich_k2[i]);
	}
	assert_int_equal(suggest_rank(&cat, &cf, SUGGEST_ORDER_K2_PER_SODIUM,
	    idx, NULL), 7);
	for (i = 0; i < 7; i++)
		assert_string_equal(cat.foods[idx[i]].id, by_ratio[i]);
	/* A subset (the picker's matches) sorts the same way. */
	sub[0] = 4;	/* e */
	sub[1] = 0;	/* a */
	sub[2] = 2;	/* c */
	suggest_sort(&cat, SUGGEST_ORDER_K2, sub, 3);
	assert_int_equal(sub[0], 0);
	assert_int_equal(sub[1], 2);
	assert_int_equal(sub[2], 4);
	catalogue_release(&cat);
}

/* The day screen's line, on hand-made suggestions (widths counted by hand). */
static void
test_day_line(void **state)
{
	struct suggest_candidate c[3];
	struct suggest s;
	char buf[256];

	(void)state;
	memset(&s, 0, sizeof s);
	memset(c, 0, sizeof c);
	c[0].name = "Natto (fermented soybeans)";
	c[0].sodium_mg = 6;
	c[0].sodium_known = true;
	c[1].name = "Egg yolk, raw";
	c[1].sodium_mg = 8;
	c[1].sodium_known = true;
	c[2].name = "Jarlsberg";
	s.v = c;
	s.n = 3;
	s.rich_missing = 2;
	text_set_ascii(false);
	/* 34 + 18 + 16 + 17 = 85 columns for all three. */
	assert_string_equal(suggest_line(&s, 85, buf, sizeof buf),
	    "2 more K2-rich servings this week: Natto 6 mg sodium \xc2\xb7 "
	    "Egg yolk 8 mg \xc2\xb7 Jarlsberg ? mg");
	/* At 84 the third does not fit: 68 for two, and the mark: 70. */
	assert_string_equal(suggest_line(&s, 84, buf, sizeof buf),
	    "2 more K2-rich servings this week: Natto 6 mg sodium \xc2\xb7 "
	    "Egg yolk 8 mg \xe2\x80\xa6");
	assert_string_equal(suggest_line(&s, 50, buf, sizeof buf),
	    "2 more K2-rich servings this week: \xe2\x80\xa6");
	text_set_ascii(true);
	assert_string_equal(suggest_line(&s, 85, buf, sizeof buf),
	    "2 more K2-rich servings this week: Natto 6 mg sodium - "
	    "Egg yolk 8 mg - Jarlsberg ? mg");
	text_set_ascii(false);
	s.rich_missing = 1;
	s.n = 0;
	s.stop = SUGGEST_STOP_SODIUM;
	assert_string_equal(suggest_line(&s, 80, buf, sizeof buf),
	    "1 more K2-rich serving this week; none fits what is left of "
	    "sodium");
	/* The goal met: no line at all. */
	s.rich_missing = 0;
	assert_string_equal(suggest_line(&s, 80, buf, sizeof buf), "");
	/* Anticoagulant: figures only, never "more". */
	s.anticoagulant = true;
	s.rich_missing = 3;
	s.day_vitk.sum = 120;
	s.day_vitk.known = 2;
	s.day_vitk.count = 2;
	s.has_mean = true;
	s.mean_ug = 95.4;
	assert_string_equal(suggest_line(&s, 100, buf, sizeof buf),
	    "vitamin K (K1 + K2) this day 120 \xc2\xb5g; this week's daily "
	    "mean 95 \xc2\xb5g");
	assert_null(strstr(buf, "more"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_formula),
		cmocka_unit_test(test_day_line),
		cmocka_unit_test(test_order_on_a_fresh_week),
		cmocka_unit_test(test_missing_servings),
		cmocka_unit_test(test_partly_known_day),
		cmocka_unit_test(test_unknown_candidate_values),
		cmocka_unit_test(test_week_limit_binds),
		cmocka_unit_test(test_stopping_limit),
		cmocka_unit_test(test_no_k2_rich_food),
		cmocka_unit_test(test_anticoagulant_order),
		cmocka_unit_test(test_anticoagulant_no_mean),
		cmocka_unit_test(test_salami),
		cmocka_unit_test(test_finder_orders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
