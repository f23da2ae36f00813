/* SPDX-License-Identifier: ISC */
/* The food model: nutrients with known/unknown kept apart, servings, flags. */
#ifndef K2_FOOD_H
#define K2_FOOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Nutrients. NUT_K2 is the total K2: given by the catalogue (k2_ug) when
 * the split by chain is not known, otherwise the sum of the known chains.
 */
enum nutrient {
	NUT_MK4,
	NUT_MK7,
	NUT_MK_OTHER,
	NUT_K2,
	NUT_K1,
	NUT_SAT_FAT,
	NUT_SODIUM,
	NUT_KCAL,
	NUT_COUNT
};

/* Values with a bit per nutrient saying it is known; unknown is never 0. */
struct nutrients {
	double		 v[NUT_COUNT];
	unsigned	 known;
};

enum food_group {
	GROUP_FERMENTED_PLANT,
	GROUP_CHEESE,
	GROUP_DAIRY,
	GROUP_EGG,
	GROUP_MEAT,
	GROUP_POULTRY,
	GROUP_ORGAN_MEAT,
	GROUP_FISH,
	GROUP_FAT,
	GROUP_SUPPLEMENT,
	GROUP_LEAFY_GREEN,
	GROUP_VEGETABLE,
	GROUP_FRUIT,
	GROUP_LEGUME,
	GROUP_NUT_SEED,
	GROUP_GRAIN,
	GROUP_BAKED,
	GROUP_CEREAL,
	GROUP_BEVERAGE,
	GROUP_SWEET,
	GROUP_SNACK,
	GROUP_SOUP_SAUCE,
	GROUP_SPICE,
	GROUP_BABY,
	GROUP_PREPARED,
	GROUP_OTHER,
	GROUP_COUNT
};

/* Where a food comes from; search ranks them in this order. */
enum food_origin {
	ORIGIN_OWN,		/* the user's own files */
	ORIGIN_CITED,		/* the project's foods.yaml */
	ORIGIN_SR28		/* data/usda-sr28.yaml */
};

enum k2_confidence {
	CONF_HIGH,
	CONF_MEDIUM,
	CONF_LOW,
	CONF_DERIVED,
	CONF_NONE,
	CONF_LABEL,
	CONF_TRIAL_DOSE,
	CONF_UNRATED,		/* not given in the file */
	CONF_COUNT
};

/* A serving unit. grams is 0 when unknown (allowed for per_serving foods). */
struct serving {
	char		*label;
	double		 grams;
};

struct food {
	char		*id;
	char		*name;
	enum food_group	 group;
	char		**aliases;
	size_t		 n_aliases;
	struct serving	*servings;	/* at least one; [0] is the default */
	size_t		 n_servings;
	bool		 per_serving;	/* nut is per default serving, not per 100 g */
	struct nutrients nut;
	enum k2_confidence confidence;
	char		*source;
	char		*note;		/* a caveat from the source, or NULL */
	char		 usda[8];	/* SR28 NDB number of the same food, or "" */
	enum food_origin origin;
	const char	*file;		/* borrowed: where the food was defined */
	unsigned	 line;		/* position of the food's mapping */
	unsigned	 col;
	/*
	 * A food of the built-in table borrows its strings and arrays from it
	 * (food_release then frees nothing), and brings its search text.
	 */
	bool		 borrowed;
	const char	*hay;		/* folded search text, or NULL */
	uint32_t	 mask;		/* its letter mask (see search.c) */
	/*
	 * A recipe (DESIGN §3; 0 and zeros for other foods): its number of
	 * ingredients, and for each nutrient how many of them gave it. A
	 * nutrient some ingredients lack is partly known: it stays known, the
	 * sum of the known parts, and these counts say so ("K2 known for 3
	 * of 4 ingredients"). A nutrient none gave is unknown.
	 */
	unsigned char	 recipe_n;
	unsigned char	 recipe_known[NUT_COUNT];
};

/* The share of a daily limit per default serving that makes a food "high". */
#define FOOD_HIGH_SHARE 0.20
/* Relative slack of food_value_reaches. */
#define FOOD_SLACK 1e-9

/* Key of a nutrient in foods.yaml ("mk4_ug" ...). */
const char *nutrient_key(enum nutrient);
/* Largest value 100 g can hold, for validation. */
double nutrient_max_per_100g(enum nutrient);
static inline bool
nutrients_has(const struct nutrients *n, enum nutrient k)
{
	return (n->known & (1u << k)) != 0;
}
void nutrients_set(struct nutrients *, enum nutrient, double);
/* Set NUT_K2 from the known chains when it is not given. */
void nutrients_finish(struct nutrients *);
/* K2 given as a total beyond the sum of its known chains; 0 when none. */
double nutrients_k2_unsplit(const struct nutrients *);
/* MK-4 is known and MK-7 and the other chains are not (SR28's pattern). */
bool nutrients_mk4_only(const struct nutrients *);
/* K2 is known but its split by chain is not (a bare total or MK-4 only). */
bool nutrients_chain_unknown(const struct nutrients *);
/* out = n * factor, known bits kept. */
void nutrients_scale(const struct nutrients *n, double factor,
    struct nutrients *out);

const char *food_group_name(enum food_group);
/* Parse a group name; -1 if it is not one. */
int food_group_parse(const char *, enum food_group *);
const char *food_confidence_name(enum k2_confidence);
int food_confidence_parse(const char *, enum k2_confidence *);

/* Free the food's contents. */
void food_release(struct food *);
/* out = n * num / den, known bits kept. */
void nutrients_scale_ratio(const struct nutrients *n, double num, double den,
    struct nutrients *out);
/*
 * Nutrients of an amount of the food: grams (per_100g foods) or default
 * servings (per_serving foods) decide.
 */
void food_nutrients(const struct food *, double grams, double servings,
    struct nutrients *out);
/* Nutrients for `servings` default servings of the food. */
void food_amount(const struct food *, double servings, struct nutrients *out);
/*
 * Is a value per default serving at or above a threshold (with a relative
 * slack of FOOD_SLACK)? The one test behind every flag.
 */
bool food_value_reaches(double per_serving, double threshold);
/* Nutrient per default serving; false when unknown. */
bool food_per_serving(const struct food *, enum nutrient, double *out);
/* Per 100 g; false when unknown or the food has no gram weight. */
bool food_per_100g(const struct food *, enum nutrient, double *out);
/* One default serving gives at least threshold_ug of K2. */
bool food_is_k2_rich(const struct food *, double threshold_ug);
/* One default serving gives at least FOOD_HIGH_SHARE of the daily limit. */
bool food_high_sat_fat(const struct food *, double limit_g);
bool food_high_sodium(const struct food *, double limit_mg);
/* Index of the serving with this label (case-insensitive), or -1. */
int food_serving_index(const struct food *, const char *label);

#endif
