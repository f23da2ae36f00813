/* SPDX-License-Identifier: ISC */
/* Unit tests for the weekly gauge (src/gauge.c), on hand-built entries. */
#include <math.h>
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
#include "util.h"

/*
 * Day numbers (days since 1970-01-01), worked out once:
 * 2026-11-22 Sun 20779, 2026-11-23 Mon 20780, 2026-11-24 Tue 20781,
 * 2026-11-30 Mon 20787; 2026-12-26 Sat 20813, 2026-12-27 Sun 20814,
 * 2027-01-02 Sat 20820, 2027-01-03 Sun 20821.
 */
#define MON 20780L
#define TUE (MON + 1)
#define WED (MON + 2)
#define THU (MON + 3)
#define FRI (MON + 4)
#define SAT (MON + 5)
#define SUN (MON + 6)

/* Doubles agree to round-off. */
#define assert_double(a, b) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= 1e-9 * (1 + fabs(b_))))			\
		fail_msg("%s is %.12g, expected %.12g", #a, a_, b_);	\
} while (0)

/* A small set of hand-built entries. */
struct set {
	struct entry	 v[16];
	size_t		 n;
};

/* Append an entry with no nutrient known yet. */
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
	e->nut.v[k] = v;
	e->nut.known |= 1u << k;
}

/* Free the names. */
static void
set_release(struct set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].food_name);
	s->n = 0;
}

/* The defaults of DESIGN.md §5, by hand (no dependency on config.c). */
static void
cfg_fill(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->week_start = 0;
	c->day_starts_min = 240;
	c->rich_threshold_ug = 12;
	c->rich_servings_goal = 7;
	c->k2_goal_ug = 630;
	c->sat_fat_limit_g = 20;
	c->sodium_limit_mg = 2300;
	c->anticoagulant = false;
}

static void
test_level_names(void **state)
{
	(void)state;
	assert_string_equal(gauge_level_name(LEVEL_OK), "ok");
	assert_string_equal(gauge_level_name(LEVEL_NEAR), "near");
	assert_string_equal(gauge_level_name(LEVEL_OVER), "over");
}

static void
test_level_boundaries(void **state)
{
	(void)state;
	/* Saturated fat against 20 g: 80 % is 16 g. */
	assert_int_equal(gauge_level(0, 20), LEVEL_OK);
	assert_int_equal(gauge_level(15.98, 20), LEVEL_OK);	/* 79.9 % */
	assert_int_equal(gauge_level(16, 20), LEVEL_NEAR);	/* 80 % */
	assert_int_equal(gauge_level(20, 20), LEVEL_NEAR);	/* 100 % */
	assert_int_equal(gauge_level(20.02, 20), LEVEL_OVER);	/* 100.1 % */
	/* Sodium against 2,300 mg: 80 % is 1,840 mg. */
	assert_int_equal(gauge_level(1837.7, 2300), LEVEL_OK);	/* 79.9 % */
	assert_int_equal(gauge_level(1840, 2300), LEVEL_NEAR);
	assert_int_equal(gauge_level(2300, 2300), LEVEL_NEAR);
	assert_int_equal(gauge_level(2301, 2300), LEVEL_OVER);
	/* The weekly sodium limit, 7 x 2,300 = 16,100 mg. */
	assert_int_equal(gauge_level(16100, 16100), LEVEL_NEAR);
	assert_int_equal(gauge_level(16101, 16100), LEVEL_OVER);
	/* 0.2 + 8.2 + 7.6 sums to 15.999999999999998: still 80 %. */
	assert_int_equal(gauge_level(0.2 + 8.2 + 7.6, 20), LEVEL_NEAR);
}

static void
test_entry_rich(void **state)
{
	struct set s = { .n = 0 };
	struct entry *e;

	(void)state;
	/* Natto, 1 serving, 850 ug: 850 per serving, rich. */
	e = add(&s, "natto", MON, 1);
	put(e, NUT_K2, 850);
	assert_true(entry_is_k2_rich(e, 12));
	/* Gouda, 2 slices, 26.32 ug: 13.16 per serving, rich. */
	e = add(&s, "gouda", MON, 2);
	put(e, NUT_K2, 26.32);
	assert_true(entry_is_k2_rich(e, 12));
	/* ... but not at a 14 ug threshold. */
	assert_false(entry_is_k2_rich(e, 14));
	/* Butter, 1 serving, 3 ug: not rich. */
	e = add(&s, "butter", MON, 1);
	put(e, NUT_K2, 3);
	assert_false(entry_is_k2_rich(e, 12));
	/* K2 unknown (a garbage value behind the unset bit): not rich. */
	e = add(&s, "egg", MON, 1);
	e->nut.v[NUT_K2] = 999;
	put(e, NUT_SAT_FAT, 3.1);
	assert_false(entry_is_k2_rich(e, 12));
	/* Half a serving with 6 ug: 12 per serving, exactly the threshold. */
	e = add(&s, "brie", MON, 0.5);
	put(e, NUT_K2, 6);
	assert_true(entry_is_k2_rich(e, 12));
	/* 0.1 serving of a 12 ug food, scaled: 12 * 0.1 = 1.2000000000000002. */
	e = add(&s, "edam", MON, 0.1);
	put(e, NUT_K2, 12 * 0.1);
	assert_true(entry_is_k2_rich(e, 12));
	/* 11.9 per serving: not rich. */
	e = add(&s, "cheddar", MON, 1);
	put(e, NUT_K2, 11.9);
	assert_false(entry_is_k2_rich(e, 12));
	/* No servings: cannot say per serving, not rich. */
	e = add(&s, "pill", MON, 0);
	put(e, NUT_K2, 100);
	assert_false(entry_is_k2_rich(e, 12));
	set_release(&s);
}

static void
test_week_k2(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;
	int i;

	(void)state;
	cfg_fill(&c);
	/* Mon: natto, 1 serving, MK-7 850: rich, +1. */
	e = add(&s, "natto", MON, 1);
	put(e, NUT_MK7, 850);
	put(e, NUT_K2, 850);
	/* Tue: gouda, 2 slices, other MKs 26.32: 13.16 a serving, rich, +2. */
	e = add(&s, "gouda", TUE, 2);
	put(e, NUT_MK_OTHER, 26.32);
	put(e, NUT_K2, 26.32);
	/* Tue: butter, 1 serving, MK-4 3: not rich. */
	e = add(&s, "butter", TUE, 1);
	put(e, NUT_MK4, 3);
	put(e, NUT_K2, 3);
	/* Wed: egg, K2 unknown: not rich, not in the coverage. */
	e = add(&s, "egg", WED, 1);
	put(e, NUT_SAT_FAT, 3.1);
	/* Thu: goose liver, half a serving, total K2 18, no chain split: rich, +0.5. */
	e = add(&s, "goose liver", THU, 0.5);
	put(e, NUT_K2, 18);
	/* Sun: brie, 1.5 servings, MK-4 1.5 + other 15 = 16.5: 11 a serving, not rich. */
	e = add(&s, "brie", SUN, 1.5);
	put(e, NUT_MK4, 1.5);
	put(e, NUT_MK_OTHER, 15);
	put(e, NUT_K2, 16.5);
	/* The Sunday before and the Monday after: ignored. */
	e = add(&s, "natto", MON - 1, 3);
	put(e, NUT_MK7, 2550);
	put(e, NUT_K2, 2550);
	e = add(&s, "natto", MON + 7, 3);
	put(e, NUT_MK7, 2550);
	put(e, NUT_K2, 2550);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_int_equal(g.week_start, MON);
	assert_int_equal(g.week_end, SUN);
	for (i = 0; i < 7; i++)
		assert_int_equal(g.days[i].day, MON + i);
	assert_int_equal(g.entries, 6);
	/* 1 + 2 + 0.5 */
	assert_double(g.rich_servings, 3.5);
	assert_double(g.rich_servings_goal, 7);
	/* 850 + 26.32 + 3 + 18 + 16.5 = 913.82, known for 5 of 6. */
	assert_double(g.k2.sum, 913.82);
	assert_int_equal(g.k2.known, 5);
	assert_double(g.k2_goal_ug, 630);
	/* MK-4 3 + 1.5; MK-7 850; other 26.32 + 15. Together 895.82 < 913.82. */
	assert_double(g.mk4.sum, 4.5);
	assert_double(g.mk7.sum, 850);
	assert_double(g.mk_other.sum, 41.32);
	/* Weekly limits are 7 x the daily ones. */
	assert_double(g.sat_fat_limit_g, 140);
	assert_double(g.sodium_limit_mg, 16100);
	/* Days. */
	assert_int_equal(g.days[0].entries, 1);
	assert_double(g.days[0].rich_servings, 1);
	assert_double(g.days[0].k2.sum, 850);
	assert_int_equal(g.days[1].entries, 2);
	assert_double(g.days[1].rich_servings, 2);
	assert_double(g.days[1].k2.sum, 29.32);
	assert_int_equal(g.days[1].k2.known, 2);
	assert_int_equal(g.days[2].entries, 1);
	assert_int_equal(g.days[2].k2.known, 0);
	assert_double(g.days[2].sat_fat.sum, 3.1);
	assert_int_equal(g.days[2].sat_fat.known, 1);
	assert_double(g.days[3].rich_servings, 0.5);
	assert_int_equal(g.days[4].entries, 0);
	assert_int_equal(g.days[5].entries, 0);
	assert_int_equal(g.days[6].entries, 1);
	assert_double(g.days[6].rich_servings, 0);
	assert_double(g.days[6].k2.sum, 16.5);
	/*
	 * Sat fat known for the egg only (1 of 6), sodium for none: neither
	 * week is ok, since ok is only said of what is fully known.
	 */
	assert_double(g.sat_fat.sum, 3.1);
	assert_int_equal(g.sat_fat.known, 1);
	assert_int_equal(g.sat_fat.count, 6);
	assert_true(total_partial(&g.sat_fat));
	assert_int_equal(g.sodium.known, 0);
	assert_true(total_unknown(&g.sodium));
	assert_int_equal(g.sat_fat_status, LEVEL_UNKNOWN);
	assert_int_equal(g.sodium_status, LEVEL_UNKNOWN);
	assert_int_equal(g.n_warnings, 0);
	/* Wed's K2 is unknown, not 0; Tue's is fully known. */
	assert_true(total_unknown(&g.days[2].k2));
	assert_false(total_partial(&g.days[1].k2));
	assert_true(total_partial(&g.k2));
	/*
	 * Chains: goose liver's 18 is a bare total; butter is MK-4 only
	 * (MK-4 known, MK-7 and the others not). Brie gives MK-4 and the
	 * other chains, natto MK-7 alone: both known by chain.
	 */
	assert_double(g.chain_unknown_ug, 18);
	assert_int_equal(g.chain_unknown_entries, 2);
	assert_int_equal(g.mk4_only_entries, 1);
	/* Not an anticoagulant user: no vitamin K figures. */
	assert_false(g.anticoagulant);
	assert_double(g.vitk_mean_ug, 0);
	for (i = 0; i < 7; i++) {
		assert_double(g.days[i].vitk.sum, 0);
		assert_false(g.days[i].vitk_swing);
	}
	set_release(&s);
}

static void
test_day_status(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;

	(void)state;
	cfg_fill(&c);
	/* Mon: 16 g (80 %), 1,840 mg (80 %): near, near. */
	e = add(&s, "a", MON, 1);
	put(e, NUT_SAT_FAT, 16);
	put(e, NUT_SODIUM, 1840);
	/* Tue: 20 g, 2,300 mg (100 %): near, near. */
	e = add(&s, "b", TUE, 1);
	put(e, NUT_SAT_FAT, 20);
	put(e, NUT_SODIUM, 2300);
	/* Wed: 20.1 g (100.5 %), 2,301 mg: over, over. */
	e = add(&s, "c", WED, 1);
	put(e, NUT_SAT_FAT, 20.1);
	put(e, NUT_SODIUM, 2301);
	/* Thu: 15.98 g, 1,837.7 mg (79.9 %): ok, ok. */
	e = add(&s, "d", THU, 1);
	put(e, NUT_SAT_FAT, 15.98);
	put(e, NUT_SODIUM, 1837.7);
	/* Fri: 0.2 + 8.2 + 7.6 g (15.999999999999998): near; sodium unknown: ok. */
	e = add(&s, "e", FRI, 1);
	put(e, NUT_SAT_FAT, 0.2);
	e = add(&s, "f", FRI, 1);
	put(e, NUT_SAT_FAT, 8.2);
	e = add(&s, "g", FRI, 1);
	put(e, NUT_SAT_FAT, 7.6);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_int_equal(g.days[0].sat_fat_status, LEVEL_NEAR);
	assert_int_equal(g.days[0].sodium_status, LEVEL_NEAR);
	assert_int_equal(g.days[1].sat_fat_status, LEVEL_NEAR);
	assert_int_equal(g.days[1].sodium_status, LEVEL_NEAR);
	assert_int_equal(g.days[2].sat_fat_status, LEVEL_OVER);
	assert_int_equal(g.days[2].sodium_status, LEVEL_OVER);
	assert_int_equal(g.days[3].sat_fat_status, LEVEL_OK);
	assert_int_equal(g.days[3].sodium_status, LEVEL_OK);
	assert_int_equal(g.days[4].sat_fat_status, LEVEL_NEAR);
	assert_int_equal(g.days[4].sat_fat.known, 3);
	/* Fri's sodium is known for none of its entries: not ok, unknown. */
	assert_int_equal(g.days[4].sodium_status, LEVEL_UNKNOWN);
	assert_int_equal(g.days[4].sodium.known, 0);
	assert_int_equal(g.days[4].worst, LEVEL_NEAR);
	assert_int_equal(g.days[5].sat_fat_status, LEVEL_OK);
	assert_int_equal(g.days[5].entries, 0);
	/* Week: 16 + 20 + 20.1 + 15.98 + 16 = 88.08 of 140 g (63 %): ok. */
	assert_double(g.sat_fat.sum, 88.08);
	assert_int_equal(g.sat_fat.known, 7);
	assert_int_equal(g.sat_fat_status, LEVEL_OK);
	/*
	 * 1,840 + 2,300 + 2,301 + 1,837.7 = 8,278.7 of 16,100 mg (51 %),
	 * known for 4 of 7 entries: it may be more, so not ok but unknown.
	 */
	assert_double(g.sodium.sum, 8278.7);
	assert_int_equal(g.sodium.known, 4);
	assert_int_equal(g.sodium.count, 7);
	assert_int_equal(g.sodium_status, LEVEL_UNKNOWN);
	/* Warnings by day, saturated fat before sodium; Thu none. */
	assert_int_equal(g.n_warnings, 7);
	assert_int_equal(g.warnings[0].nutrient, NUT_SAT_FAT);
	assert_int_equal(g.warnings[0].day, MON);
	assert_int_equal(g.warnings[0].level, LEVEL_NEAR);
	assert_false(g.warnings[0].week);
	assert_double(g.warnings[0].amount, 16);
	assert_double(g.warnings[0].limit, 20);
	assert_int_equal(g.warnings[1].nutrient, NUT_SODIUM);
	assert_int_equal(g.warnings[1].day, MON);
	assert_double(g.warnings[1].limit, 2300);
	assert_int_equal(g.warnings[2].nutrient, NUT_SAT_FAT);
	assert_int_equal(g.warnings[2].day, TUE);
	assert_int_equal(g.warnings[3].nutrient, NUT_SODIUM);
	assert_int_equal(g.warnings[3].day, TUE);
	assert_int_equal(g.warnings[4].nutrient, NUT_SAT_FAT);
	assert_int_equal(g.warnings[4].day, WED);
	assert_int_equal(g.warnings[4].level, LEVEL_OVER);
	assert_int_equal(g.warnings[5].nutrient, NUT_SODIUM);
	assert_int_equal(g.warnings[5].day, WED);
	assert_int_equal(g.warnings[5].level, LEVEL_OVER);
	assert_int_equal(g.warnings[6].nutrient, NUT_SAT_FAT);
	assert_int_equal(g.warnings[6].day, FRI);
	assert_int_equal(g.warnings[6].level, LEVEL_NEAR);
	assert_string_equal(g.warnings[0].message,
	    "Mon 2026-11-23: saturated fat 16.0 g is near the 20 g daily "
	    "limit (a 16.0 g)");
	assert_string_equal(g.warnings[5].message,
	    "Wed 2026-11-25: sodium 2,301 mg is over the 2,300 mg daily "
	    "limit (c 2,301 mg)");
	/* Three entries, largest first. */
	assert_string_equal(g.warnings[6].message,
	    "Fri 2026-11-27: saturated fat 16.0 g is near the 20 g daily "
	    "limit (f 8.2 g, g 7.6 g, e 0.2 g)");
	set_release(&s);
}

static void
test_warning_text(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;

	(void)state;
	cfg_fill(&c);
	/*
	 * Tue: saturated fat 7.3 + 4.9 + 4.9 + 1.1 + 0.3 = 18.5 g (92.5 %):
	 * near; salami and gouda tie at 4.9 g, salami came first. Sodium
	 * 1,740 + 459 + 411 = 2,610 mg (113 %): over; butter and olives have
	 * it unknown (olives hides 5,000 behind the unset bit).
	 */
	e = add(&s, "butter", TUE, 1);
	put(e, NUT_SAT_FAT, 7.3);
	e = add(&s, "salami", TUE, 1);
	put(e, NUT_SAT_FAT, 4.9);
	put(e, NUT_SODIUM, 1740);
	e = add(&s, "gouda", TUE, 1);
	put(e, NUT_SAT_FAT, 4.9);
	put(e, NUT_SODIUM, 459);
	e = add(&s, "ham", TUE, 1);
	put(e, NUT_SAT_FAT, 1.1);
	put(e, NUT_SODIUM, 411);
	e = add(&s, "olives", TUE, 1);
	put(e, NUT_SAT_FAT, 0.3);
	e->nut.v[NUT_SODIUM] = 5000;

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_int_equal(g.days[1].sodium.known, 3);
	assert_int_equal(g.days[1].sat_fat.known, 5);
	assert_int_equal(g.n_warnings, 2);
	assert_string_equal(g.warnings[0].message,
	    "Tue 2026-11-24: saturated fat 18.5 g is near the 20 g daily "
	    "limit (butter 7.3 g, salami 4.9 g, gouda 4.9 g)");
	/* Butter and olives lack sodium: the known 2,610 mg alone is over. */
	assert_string_equal(g.warnings[1].message,
	    "Tue 2026-11-24: sodium 2,610 mg is over the 2,300 mg daily "
	    "limit (salami 1,740 mg, gouda 459 mg, ham 411 mg); known for 3 "
	    "of 5 entries");
	assert_int_equal(g.warnings[1].known, 3);
	assert_int_equal(g.warnings[1].count, 5);
	assert_double(g.warnings[1].amount, 2610);
	set_release(&s);
}

static void
test_week_limits(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;

	(void)state;
	cfg_fill(&c);
	/* Mon: lard 140 g (the weekly 140 g exactly: week near), brine 10,000 mg. */
	e = add(&s, "lard", MON, 1);
	put(e, NUT_SAT_FAT, 140);
	e = add(&s, "brine", MON, 1);
	put(e, NUT_SODIUM, 10000);
	/* Tue: soy sauce 5,000 + pickles 1,101 mg. */
	e = add(&s, "soy sauce", TUE, 1);
	put(e, NUT_SODIUM, 5000);
	e = add(&s, "pickles", TUE, 1);
	put(e, NUT_SODIUM, 1101);
	/* Sat: crackers 50 mg, fourth in the week: not named. */
	e = add(&s, "crackers", SAT, 1);
	put(e, NUT_SODIUM, 50);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_double(g.sat_fat.sum, 140);
	assert_int_equal(g.sat_fat_status, LEVEL_NEAR);
	/* 10,000 + 5,000 + 1,101 + 50 = 16,151 of 16,100 mg: over. */
	assert_double(g.sodium.sum, 16151);
	assert_int_equal(g.sodium.known, 4);
	assert_int_equal(g.sodium_status, LEVEL_OVER);
	assert_int_equal(g.days[5].sodium_status, LEVEL_OK);
	/* Mon fat, Mon sodium, Tue sodium, then the week's fat and sodium. */
	assert_int_equal(g.n_warnings, 5);
	assert_string_equal(g.warnings[0].message,
	    "Mon 2026-11-23: saturated fat 140.0 g is over the 20 g daily "
	    "limit (lard 140.0 g); known for 1 of 2 entries");
	assert_string_equal(g.warnings[1].message,
	    "Mon 2026-11-23: sodium 10,000 mg is over the 2,300 mg daily "
	    "limit (brine 10,000 mg); known for 1 of 2 entries");
	assert_string_equal(g.warnings[2].message,
	    "Tue 2026-11-24: sodium 6,101 mg is over the 2,300 mg daily "
	    "limit (soy sauce 5,000 mg, pickles 1,101 mg)");
	assert_true(g.warnings[3].week);
	assert_int_equal(g.warnings[3].nutrient, NUT_SAT_FAT);
	assert_int_equal(g.warnings[3].level, LEVEL_NEAR);
	assert_double(g.warnings[3].limit, 140);
	assert_string_equal(g.warnings[3].message,
	    "week of 2026-11-23: saturated fat 140.0 g is near the 140 g "
	    "weekly limit (lard 140.0 g); known for 1 of 5 entries");
	assert_true(g.warnings[4].week);
	assert_int_equal(g.warnings[4].nutrient, NUT_SODIUM);
	assert_int_equal(g.warnings[4].level, LEVEL_OVER);
	assert_double(g.warnings[4].amount, 16151);
	assert_double(g.warnings[4].limit, 16100);
	assert_string_equal(g.warnings[4].message,
	    "week of 2026-11-23: sodium 16,151 mg is over the 16,100 mg "
	    "weekly limit (brine 10,000 mg, soy sauce 5,000 mg, "
	    "pickles 1,101 mg); known for 4 of 5 entries");
	set_release(&s);
}

static void
test_limit_with_decimals(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;

	(void)state;
	cfg_fill(&c);
	c.sat_fat_limit_g = 22.5;
	/* Wed: 20 g of 22.5 g (88.9 %): near; the limit keeps its decimal. */
	e = add(&s, "cream", WED, 2);
	put(e, NUT_SAT_FAT, 20);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_double(g.sat_fat_limit_g, 157.5);
	assert_int_equal(g.n_warnings, 1);
	assert_string_equal(g.warnings[0].message,
	    "Wed 2026-11-25: saturated fat 20.0 g is near the 22.5 g daily "
	    "limit (cream 20.0 g)");
	set_release(&s);
}

static void
test_week_start_sunday(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;
	int i;

	(void)state;
	cfg_fill(&c);
	c.week_start = 6;
	/* The week Sun 2026-12-27 (20814) to Sat 2027-01-02 (20820), over New Year. */
	e = add(&s, "miso", 20814, 1);
	put(e, NUT_SODIUM, 2400);
	e = add(&s, "soy sauce", 20820, 1);
	put(e, NUT_SODIUM, 14000);
	/* Sat 2026-12-26 and Sun 2027-01-03 are outside: ignored. */
	e = add(&s, "fish sauce", 20813, 1);
	put(e, NUT_SODIUM, 20000);
	e = add(&s, "fish sauce", 20821, 1);
	put(e, NUT_SODIUM, 20000);

	gauge_week(&c, 20814, s.v, s.n, &g);

	assert_int_equal(g.week_start, 20814);
	assert_int_equal(g.week_end, 20820);
	for (i = 0; i < 7; i++)
		assert_int_equal(g.days[i].day, 20814 + i);
	assert_int_equal(g.entries, 2);
	assert_int_equal(g.days[0].entries, 1);
	assert_int_equal(g.days[6].entries, 1);
	/* 2,400 + 14,000 = 16,400 of 16,100 mg: over. */
	assert_double(g.sodium.sum, 16400);
	assert_int_equal(g.sodium_status, LEVEL_OVER);
	assert_int_equal(g.n_warnings, 3);
	assert_string_equal(g.warnings[0].message,
	    "Sun 2026-12-27: sodium 2,400 mg is over the 2,300 mg daily "
	    "limit (miso 2,400 mg)");
	assert_int_equal(g.warnings[1].day, 20820);
	assert_string_equal(g.warnings[1].message,
	    "Sat 2027-01-02: sodium 14,000 mg is over the 2,300 mg daily "
	    "limit (soy sauce 14,000 mg)");
	assert_int_equal(g.warnings[2].day, 20814);
	assert_string_equal(g.warnings[2].message,
	    "week of 2026-12-27: sodium 16,400 mg is over the 16,100 mg "
	    "weekly limit (soy sauce 14,000 mg, miso 2,400 mg)");
	set_release(&s);
}

static void
test_long_name_cut(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;
	char name[128], want[256];
	int i;

	(void)state;
	cfg_fill(&c);
	/* "x" and 30 times "é" (2 bytes): 61 bytes, cut to 47 = "x" + 23 "é". */
	strcpy(name, "x");
	for (i = 0; i < 30; i++)
		strcat(name, "\xc3\xa9");
	e = add(&s, name, MON, 1);
	put(e, NUT_SODIUM, 3000);
	strcpy(want, "Mon 2026-11-23: sodium 3,000 mg is over the 2,300 mg "
	    "daily limit (x");
	for (i = 0; i < 23; i++)
		strcat(want, "\xc3\xa9");
	strcat(want, " 3,000 mg)");

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_int_equal(g.n_warnings, 1);
	assert_string_equal(g.warnings[0].message, want);
	set_release(&s);
}

static void
test_big_numbers(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	struct entry *e;

	(void)state;
	cfg_fill(&c);
	/* 1,234.56 g prints as 1,234.6; 1,000,000 mg keeps both commas. */
	e = add(&s, "tallow", MON, 1);
	put(e, NUT_SAT_FAT, 1234.56);
	put(e, NUT_SODIUM, 999999.6);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_int_equal(g.n_warnings, 4);
	assert_string_equal(g.warnings[0].message,
	    "Mon 2026-11-23: saturated fat 1,234.6 g is over the 20 g daily "
	    "limit (tallow 1,234.6 g)");
	assert_string_equal(g.warnings[1].message,
	    "Mon 2026-11-23: sodium 1,000,000 mg is over the 2,300 mg daily "
	    "limit (tallow 1,000,000 mg)");
	set_release(&s);
}

/* Entries for the vitamin K tests. */
static void
vitk_entries(struct set *s)
{
	struct entry *e;

	/* Mon: spinach K1 120, K2 unknown: 120, known 1. */
	e = add(s, "spinach", MON, 1);
	put(e, NUT_K1, 120);
	/* Tue: gouda K2 20; egg with neither: 20, known 1 of 2 entries. */
	e = add(s, "gouda", TUE, 1);
	put(e, NUT_K2, 20);
	e = add(s, "egg", TUE, 1);
	put(e, NUT_SAT_FAT, 3);
	/* Wed: natto K1 20 + K2 400: 420. */
	e = add(s, "natto", WED, 1);
	put(e, NUT_K1, 20);
	put(e, NUT_K2, 400);
	/* Thu: kale K1 240, K2 0: 240. */
	e = add(s, "kale", THU, 1);
	put(e, NUT_K1, 240);
	put(e, NUT_K2, 0);
	/* Fri: bread, nothing known: 0, known 0, but a day with entries. */
	add(s, "bread", FRI, 1);
}

static void
test_anticoagulant(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;

	(void)state;
	cfg_fill(&c);
	c.anticoagulant = true;
	vitk_entries(&s);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_true(g.anticoagulant);
	assert_double(g.days[0].vitk.sum, 120);
	assert_int_equal(g.days[0].vitk.known, 1);
	assert_double(g.days[1].vitk.sum, 20);
	assert_int_equal(g.days[1].vitk.known, 1);
	assert_double(g.days[2].vitk.sum, 420);
	assert_int_equal(g.days[2].vitk.known, 1);
	assert_double(g.days[3].vitk.sum, 240);
	assert_double(g.days[4].vitk.sum, 0);
	assert_int_equal(g.days[4].vitk.known, 0);
	/* Mean over the 5 days with entries: (120 + 20 + 420 + 240 + 0) / 5 = 160. */
	assert_double(g.vitk_mean_ug, 160);
	/* Swing when |day - 160| > 80. */
	assert_false(g.days[0].vitk_swing);	/* 40 */
	assert_true(g.days[1].vitk_swing);	/* 140 */
	assert_true(g.days[2].vitk_swing);	/* 260 */
	assert_false(g.days[3].vitk_swing);	/* 80: exactly half, not more */
	assert_true(g.days[4].vitk_swing);	/* 160 */
	assert_false(g.days[5].vitk_swing);	/* no entries */
	assert_false(g.days[6].vitk_swing);
	/* Vitamin K adds no warnings. */
	assert_int_equal(g.n_warnings, 0);
	set_release(&s);
}

static void
test_anticoagulant_off(void **state)
{
	struct set s = { .n = 0 };
	struct config c;
	struct gauge g;
	int i;

	(void)state;
	cfg_fill(&c);
	vitk_entries(&s);

	gauge_week(&c, MON, s.v, s.n, &g);

	assert_false(g.anticoagulant);
	assert_double(g.vitk_mean_ug, 0);
	for (i = 0; i < 7; i++) {
		assert_double(g.days[i].vitk.sum, 0);
		assert_int_equal(g.days[i].vitk.known, 0);
		assert_false(g.days[i].vitk_swing);
	}
	/* The rest is computed as usual: K2 20 + 400 + 0. */
	assert_double(g.k2.sum, 420);
	assert_int_equal(g.k2.known, 3);
	set_release(&s);
}

static void
test_empty_week(void **state)
{
	struct config c;
	struct gauge g;
	int i;

	(void)state;
	cfg_fill(&c);
	c.anticoagulant = true;
	memset(&g, 0xff, sizeof g);

	gauge_week(&c, MON, NULL, 0, &g);

	assert_int_equal(g.entries, 0);
	assert_int_equal(g.week_end, SUN);
	assert_double(g.rich_servings, 0);
	assert_int_equal(g.k2.known, 0);
	assert_double(g.k2.sum, 0);
	assert_int_equal(g.sat_fat_status, LEVEL_OK);
	assert_int_equal(g.sodium_status, LEVEL_OK);
	assert_double(g.vitk_mean_ug, 0);
	assert_int_equal(g.n_warnings, 0);
	for (i = 0; i < 7; i++) {
		assert_int_equal(g.days[i].day, MON + i);
		assert_int_equal(g.days[i].entries, 0);
		assert_false(g.days[i].vitk_swing);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_names),
		cmocka_unit_test(test_level_boundaries),
		cmocka_unit_test(test_entry_rich),
		cmocka_unit_test(test_week_k2),
		cmocka_unit_test(test_day_status),
		cmocka_unit_test(test_warning_text),
		cmocka_unit_test(test_week_limits),
		cmocka_unit_test(test_limit_with_decimals),
		cmocka_unit_test(test_week_start_sunday),
		cmocka_unit_test(test_long_name_cut),
		cmocka_unit_test(test_big_numbers),
		cmocka_unit_test(test_anticoagulant),
		cmocka_unit_test(test_anticoagulant_off),
		cmocka_unit_test(test_empty_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
