/* SPDX-License-Identifier: ISC */
/* Diary entries: a snapshot of the food and the nutrients of the amount eaten. */
#ifndef K2_ENTRY_H
#define K2_ENTRY_H

#include <stdint.h>
#include "food.h"

struct amount;

/*
 * One logged entry. Strings are owned. grams is 0 when the food has no
 * gram weight (supplements); servings counts default servings; quantity
 * counts `serving` units ("2 slice": quantity 2, serving "slice").
 */
struct entry {
	int64_t		 id;		/* 0 until stored */
	long		 day;		/* diary day, days since 1970-01-01 */
	int64_t		 logged_at;	/* UTC seconds */
	char		*food_id;
	char		*food_name;
	char		*serving;
	double		 grams;
	double		 servings;
	double		 quantity;
	struct nutrients nut;		/* for the amount eaten */
};

struct entry_list {
	struct entry	*v;
	size_t		 n;
	size_t		 cap;
};

/* Fill e as a snapshot of food f for amount a on day. */
void entry_from_food(struct entry *e, const struct food *f,
    const struct amount *a, long day, int64_t logged_at);
/* Change the amount, scaling the snapshot's nutrients (not the catalogue's). */
void entry_rescale(struct entry *e, const struct amount *a);
/* A nutrient per default serving of the entry's food; false when unknown. */
bool entry_per_serving(const struct entry *, enum nutrient, double *out);
/* K2 per default serving of the entry's food; false when unknown. */
bool entry_k2_per_serving(const struct entry *, double *out);
/*
 * The entry's food flags, from its own snapshot, by the same test as the
 * catalogue's foods (food_value_reaches).
 */
bool entry_is_k2_rich(const struct entry *, double threshold_ug);
bool entry_high_sat_fat(const struct entry *, double limit_g);
bool entry_high_sodium(const struct entry *, double limit_mg);

/* Units an entry's edit food holds at most. */
#define ENTRY_UNITS_MAX 16
/*
 * The food an entry's amount is changed in: the entry's own snapshot units
 * (its default serving and the unit it was logged in), then cat's other
 * units when the food is still in the catalogue (cat may be NULL). f
 * borrows from e, cat and sv; its nutrients are left unknown.
 */
void entry_edit_food(const struct entry *e, const struct food *cat,
    struct food *f, struct serving sv[ENTRY_UNITS_MAX]);
/* Deep copy. */
void entry_copy(struct entry *dst, const struct entry *src);
void entry_release(struct entry *);
/* As shown: "2 slice", "30 g", "1.33 serving" (two decimals at most). */
void entry_amount_text(const struct entry *, char *buf, size_t len);
/* Exactly, for the amount grammar: every digit the quantity needs. */
void entry_amount_exact(const struct entry *, char *buf, size_t len);

void entry_list_init(struct entry_list *);
/* Append; takes ownership of e's strings. */
void entry_list_push(struct entry_list *, struct entry *e);
void entry_list_release(struct entry_list *);

#endif
