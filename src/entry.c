/* SPDX-License-Identifier: ISC */
/* Diary entries: a snapshot of the food and the nutrients of the amount eaten. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "entry.h"
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
	food_amount(f, a->servings, &e->nut);
}

/* Change the amount, scaling the snapshot's own nutrients. */
void
entry_rescale(struct entry *e, const struct amount *a)
{
	double factor = a->servings / e->servings;

	nutrients_scale(&e->nut, factor, &e->nut);
	free(e->serving);
	e->serving = xstrdup(a->label);
	e->grams = a->grams;
	e->servings = a->servings;
	e->quantity = a->quantity;
}

/* K2 per default serving of the entry's food. */
bool
entry_k2_per_serving(const struct entry *e, double *out)
{
	if (!nutrients_has(&e->nut, NUT_K2) || !(e->servings > 0))
		return false;
	*out = e->nut.v[NUT_K2] / e->servings;
	return true;
}

/* A stand-in food with the entry's own units. */
void
entry_unit_food(const struct entry *e, struct food *f, struct serving sv[2])
{
	static char def[] = "serving";

	memset(f, 0, sizeof *f);
	f->id = e->food_id;
	f->name = e->food_name;
	f->servings = sv;
	f->confidence = CONF_UNRATED;
	if (e->grams > 0) {
		sv[0].label = def;
		sv[0].grams = e->grams / e->servings;
		sv[1].label = e->serving;
		sv[1].grams = e->grams / e->quantity;
		f->n_servings = strcmp(e->serving, "g") == 0 ||
		    strcmp(e->serving, def) == 0 ? 1 : 2;
	} else {
		sv[0].label = e->serving;
		sv[0].grams = 0;
		f->n_servings = 1;
		f->per_serving = true;
	}
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

/* The amount as "2 slice", "30 g", "1.5 serving". */
void
entry_amount_text(const struct entry *e, char *buf, size_t len)
{
	snprintf(buf, len, "%.4g %s", e->quantity, e->serving);
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
