/* SPDX-License-Identifier: ISC */
/* The built-in catalogue from the table made at build time: no parsing. */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "catalogue_table.h"
#include "util.h"

/* Fill c with the built-in catalogue; its foods borrow the table. */
void
catalogue_load_builtin(struct catalogue *c)
{
	const char *str = catalogue_table_strings;
	const struct table_food *t;
	struct food *f;
	size_t i, k;

	catalogue_init(c);
	c->n = catalogue_table_n;
	c->foods = xcalloc(c->n + 1, sizeof *c->foods);
	c->by_id = xreallocarray(NULL, c->n + 1, sizeof *c->by_id);
	c->table_servings = xcalloc(catalogue_table_n_servings + 1,
	    sizeof *c->table_servings);
	c->table_aliases = xcalloc(catalogue_table_n_aliases + 1,
	    sizeof *c->table_aliases);
	/* The labels and aliases: pointers into the block of strings. */
	for (k = 0; k < catalogue_table_n_servings; k++) {
		c->table_servings[k].label = (char *)(uintptr_t)(str +
		    catalogue_table_servings[k].label);
		c->table_servings[k].grams = catalogue_table_servings[k].grams;
	}
	for (k = 0; k < catalogue_table_n_aliases; k++)
		c->table_aliases[k] = (char *)(uintptr_t)(str +
		    catalogue_table_aliases[k]);
	for (i = 0; i < c->n; i++) {
		t = &catalogue_table_foods[i];
		f = &c->foods[i];
		f->borrowed = true;
		f->id = (char *)(uintptr_t)(str + t->id);
		f->name = (char *)(uintptr_t)(str + t->name);
		f->source = t->source != 0 ? (char *)(uintptr_t)(str +
		    t->source) : NULL;
		f->note = t->note != 0 ? (char *)(uintptr_t)(str + t->note) :
		    NULL;
		f->group = (enum food_group)t->group;
		f->confidence = (enum k2_confidence)t->confidence;
		f->origin = (enum food_origin)t->origin;
		f->per_serving = t->per_serving != 0;
		memcpy(f->usda, t->usda, sizeof f->usda);
		f->aliases = c->table_aliases + t->aliases;
		f->n_aliases = t->n_aliases;
		f->servings = c->table_servings + t->servings;
		f->n_servings = t->n_servings;
		f->nut.known = t->known;
		memcpy(f->nut.v, t->v, sizeof f->nut.v);
		f->hay = str + t->hay;
		f->mask = t->mask;
		f->file = CATALOGUE_BUILTIN_NAME;
		c->by_id[i] = catalogue_table_by_id[i];
	}
}
