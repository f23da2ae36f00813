/* SPDX-License-Identifier: ISC */
/* The amount grammar: "1", "0.5", ".5", "1/2", "1 1/2", "½", "2 slice", "30g". */
#ifndef K2_AMOUNT_H
#define K2_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "food.h"

#define AMOUNT_MAX_SERVINGS 100.0
#define AMOUNT_MAX_GRAMS 5000.0
/* Units of every food with a gram weight, besides g and kg. */
#define AMOUNT_OZ_G 28.35
#define AMOUNT_LB_G 453.6

/*
 * A parsed amount of one food. label is borrowed from the food's serving
 * (or the static "g"); grams is 0 when the food has no gram weight.
 */
struct amount {
	double		 quantity;	/* in units of label */
	const char	*label;
	double		 grams;		/* total grams eaten */
	double		 servings;	/* in default servings */
};

/* One default serving of f. */
void amount_default(const struct food *f, struct amount *out);
/*
 * Parse text as an amount of f. Returns 0, or -1 with a message in d
 * that names the food's units.
 */
int amount_parse(const char *text, const struct food *f, struct amount *out,
    struct diag *d);
/* Is label a unit of every food (g, gram, grams, kg, oz, lb)? */
bool amount_unit_reserved(const char *label);
/* Parse just the number part ("1 1/2", "½", ".5"); -1 if it is not one. */
int amount_number(const char *text, double *out, const char **end);
/* A quantity as shown: "1.5", "1.33", "2" (two decimals at most). */
char *amount_format_quantity(char *buf, size_t len, double q);
/* Name the food's units: "slice, oz or g". */
void amount_units(const struct food *f, char *buf, size_t len);

#endif
