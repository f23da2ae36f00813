/* SPDX-License-Identifier: ISC */
/* Diary entries: a snapshot of the food and the nutrients of the amount eaten. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "entry.h"
#include "text.h"
#include "util.h"

/* Fill e as a snapshot of f for amount a. */
void
entry_from_food(struct entry *e, const struct food *f, const struct amount *a,
    long day, int64_t logged_at)
{
	memset(e, 0, sizeof *e);
	e->day = day;
	e->logged_at = logged_at;
	e->food_id = xstrdup(f->id);
	e->food_name = xstrdup(f->name);
	e->serving = xstrdup(a->label);
	e->grams = a->grams;
	e->servings = a->servings;
	e->quantity = a->quantity;
	food_nutrients(f, a->grams, a->servings, &e->nut);
}

/*
 * Change the amount, scaling the snapshot's own nutrients: by grams when
 * both amounts have them (so grams and nutrients agree exactly), else by
 * servings. a->label may point into e (an edit food borrows e's strings):
 * it is copied before the old label is freed.
 */
void
entry_rescale(struct entry *e, const struct amount *a)
{
	char *label = xstrdup(a->label);

	if (e->grams > 0 && a->grams > 0)
		nutrients_scale_ratio(&e->nut, a->grams, e->grams, &e->nut);
	else
		nutrients_scale_ratio(&e->nut, a->servings, e->servings,
		    &e->nut);
	free(e->serving);
	e->serving = label;
	e->grams = a->grams;
	e->servings = a->servings;
	e->quantity = a->quantity;
}

/* A nutrient per default serving of the entry's food. */
bool
entry_per_serving(const struct entry *e, enum nutrient k, double *out)
{
	if (!nutrients_has(&e->nut, k) || !(e->servings > 0))
		return false;
	*out = e->nut.v[k] / e->servings;
	return true;
}

/* K2 per default serving of the entry's food. */
bool
entry_k2_per_serving(const struct entry *e, double *out)
{
	return entry_per_serving(e, NUT_K2, out);
}

/* Is the entry's food K2-rich (food_value_reaches, as for foods)? */
bool
entry_is_k2_rich(const struct entry *e, double threshold_ug)
{
	double v;

	return entry_per_serving(e, NUT_K2, &v) &&
	    food_value_reaches(v, threshold_ug);
}

/* Is the entry's food high in saturated fat, by its own snapshot? */
bool
entry_high_sat_fat(const struct entry *e, double limit_g)
{
	double v;

	return entry_per_serving(e, NUT_SAT_FAT, &v) &&
	    food_value_reaches(v, FOOD_HIGH_SHARE * limit_g);
}

/* Is the entry's food high in sodium, by its own snapshot? */
bool
entry_high_sodium(const struct entry *e, double limit_mg)
{
	double v;

	return entry_per_serving(e, NUT_SODIUM, &v) &&
	    food_value_reaches(v, FOOD_HIGH_SHARE * limit_mg);
}

static bool
has_label(const struct serving *sv, size_t n, const char *label)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(sv[i].label, label) == 0)
			return true;
	return false;
}

/*
 * The units an entry's amount is changed in: its own snapshot. The default
 * serving weighs grams / servings (named as the catalogue's default when
 * that still weighs the same, else "serving"); the unit it was logged in
 * weighs grams / quantity; the food's other units, when it is still in the
 * catalogue (cat may be NULL), follow with their current weights. So an
 * amount in a unit is read in the entry's own units, and grams, servings
 * and nutrients always agree, whatever the catalogue says today.
 */
void
entry_edit_food(const struct entry *e, const struct food *cat,
    struct food *f, struct serving sv[ENTRY_UNITS_MAX])
{
	static char def[] = "serving";
	double g0;
	size_t i, n = 0;

	memset(f, 0, sizeof *f);
	f->id = e->food_id;
	f->name = e->food_name;
	f->servings = sv;
	f->confidence = CONF_UNRATED;
	/* The snapshot's nutrients, per default serving. */
	f->per_serving = true;
	nutrients_scale_ratio(&e->nut, 1, e->servings, &f->nut);
	if (!(e->grams > 0)) {
		/* No weight: every label counts as one default serving. */
		sv[n].label = e->serving;
		sv[n++].grams = 0;
		f->n_servings = n;
		return;
	}
	g0 = e->grams / e->servings;
	sv[n].label = def;
	if (cat != NULL && cat->servings[0].grams > 0 &&
	    fabs(cat->servings[0].grams - g0) <= g0 * FOOD_SLACK)
		sv[n].label = cat->servings[0].label;
	else if (!amount_unit_reserved(e->serving) &&
	    fabs(e->grams / e->quantity - g0) <= g0 * FOOD_SLACK)
		sv[n].label = e->serving;
	sv[n++].grams = g0;
	if (!amount_unit_reserved(e->serving) &&
	    !has_label(sv, n, e->serving)) {
		sv[n].label = e->serving;
		sv[n++].grams = e->grams / e->quantity;
	}
	for (i = 0; cat != NULL && i < cat->n_servings &&
	    n < ENTRY_UNITS_MAX; i++) {
		if (has_label(sv, n, cat->servings[i].label) ||
		    !(cat->servings[i].grams > 0))
			continue;
		sv[n++] = cat->servings[i];
	}
	f->n_servings = n;
}

/* Deep copy an entry. */
void
entry_copy(struct entry *dst, const struct entry *src)
{
	*dst = *src;
	dst->food_id = xstrdup(src->food_id);
	dst->food_name = xstrdup(src->food_name);
	dst->serving = xstrdup(src->serving);
}

/* Free an entry's strings. */
void
entry_release(struct entry *e)
{
	free(e->food_id);
	free(e->food_name);
	free(e->serving);
	e->food_id = e->food_name = e->serving = NULL;
}

/* The amount as shown: "2 slice", "30 g", "1.33 serving". */
void
entry_amount_text(const struct entry *e, char *buf, size_t len)
{
	char q[32];

	amount_format_quantity(q, sizeof q, e->quantity);
	snprintf(buf, len, "%s %s", q, e->serving);
}

/* The amount exactly, for the amount grammar: "1.3333333333333333 slice". */
void
entry_amount_exact(const struct entry *e, char *buf, size_t len)
{
	char q[40];

	text_num_exact(q, sizeof q, e->quantity);
	snprintf(buf, len, "%s %s", q, e->serving);
}

/* Empty list. */
void
entry_list_init(struct entry_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Append, taking ownership of e's strings. */
void
entry_list_push(struct entry_list *l, struct entry *e)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 16 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = *e;
	memset(e, 0, sizeof *e);
}

/* Free every entry and the list. */
void
entry_list_release(struct entry_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		entry_release(&l->v[i]);
	free(l->v);
	entry_list_init(l);
}
