/* SPDX-License-Identifier: ISC */
/* The food model: nutrients with known/unknown kept apart, servings, flags. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "food.h"

static const char *const nutrient_keys[NUT_COUNT] = {
	"mk4_ug", "mk7_ug", "mk_other_ug", "k2_ug", "k1_ug", "sat_fat_g",
	"sodium_mg", "kcal",
};

/* What 100 g can hold (DESIGN.md §3); kcal: pure fat is 902 in SR28. */
static const double nutrient_max[NUT_COUNT] = {
	100000, 100000, 100000, 100000, 100000, 100, 40000, 902,
};

static const char *const group_names[GROUP_COUNT] = {
	"fermented_plant", "cheese", "dairy", "egg", "meat", "poultry",
	"organ_meat", "fish", "fat", "supplement", "leafy_green", "vegetable",
	"fruit", "legume", "nut_seed", "grain", "baked", "cereal", "beverage",
	"sweet", "snack", "soup_sauce", "spice", "baby", "prepared", "other",
};

static const char *const confidence_names[CONF_COUNT] = {
	"high", "medium", "low", "derived", "none", "label", "trial_dose",
	"unrated",
};

/* Key of a nutrient in foods.yaml. */
const char *
nutrient_key(enum nutrient k)
{
	return nutrient_keys[k];
}

/* Largest value 100 g can hold. */
double
nutrient_max_per_100g(enum nutrient k)
{
	return nutrient_max[k];
}

/* Set a value and mark it known. */
void
nutrients_set(struct nutrients *n, enum nutrient k, double v)
{
	n->v[k] = v;
	n->known |= 1u << k;
}

/* Fill the K2 total from the known chains when it was not given. */
void
nutrients_finish(struct nutrients *n)
{
	double sum = 0;
	bool any = false;
	int k;

	if (nutrients_has(n, NUT_K2))
		return;
	for (k = NUT_MK4; k <= NUT_MK_OTHER; k++) {
		if (nutrients_has(n, k)) {
			sum += n->v[k];
			any = true;
		}
	}
	if (any)
		nutrients_set(n, NUT_K2, sum);
}

/* K2 given as a total beyond its known chains (0 when none). */
double
nutrients_k2_unsplit(const struct nutrients *n)
{
	double chains = 0, rest;
	int k;

	if (!nutrients_has(n, NUT_K2))
		return 0;
	for (k = NUT_MK4; k <= NUT_MK_OTHER; k++)
		if (nutrients_has(n, k))
			chains += n->v[k];
	rest = n->v[NUT_K2] - chains;
	return rest > fabs(n->v[NUT_K2]) * FOOD_SLACK ? rest : 0;
}

/*
 * MK-4 only (DESIGN §3a): K2 comes from a known MK-4 while MK-7 and the
 * other chains are unknown, as for every SR28 food with MK-4.
 */
bool
nutrients_mk4_only(const struct nutrients *n)
{
	return nutrients_has(n, NUT_MK4) && !nutrients_has(n, NUT_MK7) &&
	    !nutrients_has(n, NUT_MK_OTHER) && nutrients_k2_unsplit(n) == 0;
}

/* Is the split of the K2 by chain not known (a bare total, or MK-4 only)? */
bool
nutrients_chain_unknown(const struct nutrients *n)
{
	return nutrients_has(n, NUT_K2) && (nutrients_k2_unsplit(n) > 0 ||
	    nutrients_mk4_only(n));
}

/* Scale every known value. */
void
nutrients_scale(const struct nutrients *n, double factor,
    struct nutrients *out)
{
	int k;

	for (k = 0; k < NUT_COUNT; k++)
		out->v[k] = nutrients_has(n, k) ? n->v[k] * factor : 0;
	out->known = n->known;
}

/* Name of a group. */
const char *
food_group_name(enum food_group g)
{
	return group_names[g];
}

/* Parse a group name. */
int
food_group_parse(const char *s, enum food_group *out)
{
	int i;

	for (i = 0; i < GROUP_COUNT; i++) {
		if (strcmp(s, group_names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

/* Name of a confidence rating. */
const char *
food_confidence_name(enum k2_confidence c)
{
	return confidence_names[c];
}

/* Parse a confidence rating. */
int
food_confidence_parse(const char *s, enum k2_confidence *out)
{
	int i;

	for (i = 0; i < CONF_UNRATED; i++) {
		if (strcmp(s, confidence_names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

/* Free a food's contents. */
void
food_release(struct food *f)
{
	size_t i;

	if (f->borrowed) {
		memset(f, 0, sizeof *f);
		return;
	}
	free(f->id);
	free(f->name);
	for (i = 0; i < f->n_aliases; i++)
		free(f->aliases[i]);
	free(f->aliases);
	for (i = 0; i < f->n_servings; i++)
		free(f->servings[i].label);
	free(f->servings);
	free(f->source);
	free(f->note);
	memset(f, 0, sizeof *f);
}

/* Scale every known value by num / den (multiplied first, then divided). */
void
nutrients_scale_ratio(const struct nutrients *n, double num, double den,
    struct nutrients *out)
{
	int k;

	for (k = 0; k < NUT_COUNT; k++)
		out->v[k] = nutrients_has(n, k) ? n->v[k] * num / den : 0;
	out->known = n->known;
}

/*
 * Nutrients of an amount: per 100 g times grams / 100, or per serving
 * times servings. Every figure of an amount is computed here, so a food's
 * per-serving value and an entry of one serving are the same double.
 */
void
food_nutrients(const struct food *f, double grams, double servings,
    struct nutrients *out)
{
	if (f->per_serving)
		nutrients_scale(&f->nut, servings, out);
	else
		nutrients_scale_ratio(&f->nut, grams, 100.0, out);
}

/* Nutrients for a number of default servings. */
void
food_amount(const struct food *f, double servings, struct nutrients *out)
{
	food_nutrients(f, servings * f->servings[0].grams, servings, out);
}

/* Nutrient in one default serving. */
bool
food_per_serving(const struct food *f, enum nutrient k, double *out)
{
	struct nutrients n;

	if (!nutrients_has(&f->nut, k))
		return false;
	food_amount(f, 1.0, &n);
	*out = n.v[k];
	return true;
}

/* Nutrient per 100 g. */
bool
food_per_100g(const struct food *f, enum nutrient k, double *out)
{
	if (!nutrients_has(&f->nut, k))
		return false;
	if (!f->per_serving) {
		*out = f->nut.v[k];
		return true;
	}
	if (f->servings[0].grams <= 0)
		return false;
	*out = f->nut.v[k] * 100.0 / f->servings[0].grams;
	return true;
}

/*
 * Is a per-serving value at least a threshold? The one comparison behind
 * every flag (K2-rich, high in saturated fat or sodium), for foods and for
 * entries alike. A relative slack this small keeps a value that sits on the
 * threshold when written out (0.2 * 23 is 4.6000000000000005; 31 * 0.85 is
 * 26.349999999999998) on the side a person would put it.
 */
bool
food_value_reaches(double per_serving, double threshold)
{
	return per_serving >= threshold - fabs(threshold) * FOOD_SLACK;
}

/* Is one default serving at least threshold_ug of K2? */
bool
food_is_k2_rich(const struct food *f, double threshold_ug)
{
	double v;

	return food_per_serving(f, NUT_K2, &v) &&
	    food_value_reaches(v, threshold_ug);
}

/* Is one default serving at least 20 % of the daily sat fat limit? */
bool
food_high_sat_fat(const struct food *f, double limit_g)
{
	double v;

	return food_per_serving(f, NUT_SAT_FAT, &v) &&
	    food_value_reaches(v, FOOD_HIGH_SHARE * limit_g);
}

/* Is one default serving at least 20 % of the daily sodium limit? */
bool
food_high_sodium(const struct food *f, double limit_mg)
{
	double v;

	return food_per_serving(f, NUT_SODIUM, &v) &&
	    food_value_reaches(v, FOOD_HIGH_SHARE * limit_mg);
}

/* Index of a serving by label, or -1. */
int
food_serving_index(const struct food *f, const char *label)
{
	size_t i;

	for (i = 0; i < f->n_servings; i++) {
		if (strcasecmp(f->servings[i].label, label) == 0)
			return (int)i;
	}
	return -1;
}
