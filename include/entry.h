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
/* K2 per default serving of the entry's food; false when unknown. */
bool entry_k2_per_serving(const struct entry *, double *out);
/*
 * A stand-in food whose units are the entry's own (for changing the amount
 * of an entry whose food left the catalogue). f borrows from e and sv
 * (two servings); nutrients are left unknown.
 */
void entry_unit_food(const struct entry *e, struct food *f,
    struct serving sv[2]);
/* Deep copy. */
void entry_copy(struct entry *dst, const struct entry *src);
void entry_release(struct entry *);
/* "2 slice", "30 g", "1.5 serving". */
void entry_amount_text(const struct entry *, char *buf, size_t len);

void entry_list_init(struct entry_list *);
/* Append; takes ownership of e's strings. */
void entry_list_push(struct entry_list *, struct entry *e);
void entry_list_release(struct entry_list *);

#endif
