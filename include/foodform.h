/* SPDX-License-Identifier: ISC */
/*
 * A food, or a one-off entry, typed field by field (DESIGN §3b): the form
 * on the screen and `k2diary food new` / `quick` on the command line read
 * it with the same rules and messages, the loader's. Pure: the file is
 * written elsewhere (ownfoods.c).
 */
#ifndef K2_FOODFORM_H
#define K2_FOODFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "diag.h"
#include "entry.h"
#include "food.h"

/*
 * Bytes a field holds: more than a name may have, so that a longer one
 * is refused by its rule rather than cut.
 */
#define FOODFORM_TEXT_MAX (CATALOGUE_NAME_MAX + 56)
#define FOODFORM_SERVINGS_MAX 16	/* the default one and more */
/* The serving label of a one-off entry (its food id: CATALOGUE_QUICK_ID). */
#define FOODFORM_QUICK_SERVING "portion"

enum foodform_field {
	FF_NAME,
	FF_SERVING,	/* the default serving: "bar 40 g", "slice 28g", "cup" */
	FF_MORE,	/* more servings: "slice 28 g; cup 240 g" */
	FF_PER,		/* what the figures are for: "serving" or "100 g" */
	FF_GRAMS,	/* a one-off entry's weight (may stay unknown) */
	FF_MK4,
	FF_MK7,
	FF_MK_OTHER,
	FF_K2,		/* a K2 total, when the chains are not known */
	FF_K1,
	FF_SAT_FAT,
	FF_SODIUM,
	FF_KCAL,
	FF_COUNT
};

enum foodform_kind {
	FOODFORM_FOOD,		/* an own food: my-foods.yaml */
	FOODFORM_QUICK		/* a one-off entry: nothing in the catalogue */
};

struct foodform {
	enum foodform_kind kind;
	char		 text[FF_COUNT][FOODFORM_TEXT_MAX];
	/* Editing an own food (its id), or a copy of another food: NULL. */
	char		 id[CATALOGUE_ID_MAX + 1];
};

/* An empty form of the kind; per serving until told otherwise. */
void foodform_init(struct foodform *, enum foodform_kind);
/* A form holding f's figures (to edit it, or to copy it to an own food). */
void foodform_from_food(struct foodform *, const struct food *f);
/* Does the kind of form have this field? */
bool foodform_has(const struct foodform *, enum foodform_field);
/* The field's name on the screen: "saturated fat (g)". */
const char *foodform_label(enum foodform_field);
/* The unit of a field's figure ("g", "mg", "kcal", µg as text_ug()), or "". */
const char *foodform_unit(enum foodform_field);
/* The nutrient of a field, or -1 (name, servings, per, grams). */
int foodform_nutrient(enum foodform_field);
/* The field after (dir 1) or before (-1) f that the form has, wrapping. */
enum foodform_field foodform_next(const struct foodform *,
    enum foodform_field f, int dir);
/* Does any field hold something the user typed? */
bool foodform_touched(const struct foodform *);

/*
 * A number a person typed, '.' or a decimal comma as the point ("17,6");
 * "1,800" is refused, since it may be a thousand and eight hundred. -1
 * with the message (naming key) in d.
 */
int foodform_number(const char *key, const char *text, double *out,
    struct diag *d);
/*
 * A serving as typed: "bar 40 g", "bar 40g", "bar=40", or "bar" alone (no
 * grams: per-serving foods only). The label is a word the loader takes.
 */
int foodform_serving(const char *text, char *label, size_t len,
    double *grams, struct diag *d);

/*
 * Check one field as it stands (an empty nutrient is unknown, and fine):
 * 0, or -1 with the message in d.
 */
int foodform_check(const struct foodform *, enum foodform_field,
    struct diag *d);
/*
 * The food the form describes, checked whole by the loader's rules (id
 * left NULL for the caller: a new one, or the edited food's). 0, or -1
 * with the message in d and the field to blame in *bad.
 */
int foodform_food(const struct foodform *, struct food *out,
    enum foodform_field *bad, struct diag *d);
/*
 * The one-off entry the form describes, on day: food id "quick", serving
 * "portion", the nutrients given and nothing else. 0, or -1 as above.
 */
int foodform_quick_entry(const struct foodform *, long day, int64_t now,
    struct entry *out, enum foodform_field *bad, struct diag *d);

#endif
