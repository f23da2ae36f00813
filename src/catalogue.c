/* SPDX-License-Identifier: ISC */
/*
 * The food catalogue as a model: foods by id, merging by id, and the rules
 * every food must meet, whoever made it (catalogue_yaml.c reads foods.yaml
 * through them; the own-food form and the built-in table use them too).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "catalogue.h"
#include "util.h"

/* Empty catalogue. */
void
catalogue_init(struct catalogue *c)
{
	memset(c, 0, sizeof *c);
}

/* Free every food and the catalogue's arrays. */
void
catalogue_release(struct catalogue *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		food_release(&c->foods[i]);
	free(c->foods);
	free(c->by_id);
	for (i = 0; i < c->n_files; i++)
		free(c->files[i]);
	free(c->files);
	free(c->table_servings);
	free(c->table_aliases);
	catalogue_init(c);
}

static const struct catalogue *sort_cat;

static int
by_id_cmp(const void *a, const void *b)
{
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	int cmp = strcmp(sort_cat->foods[ia].id, sort_cat->foods[ib].id);

	if (cmp != 0)
		return cmp;
	return ia < ib ? -1 : ia > ib;
}

/* Sort the index by id (after foods were added). */
void
catalogue_index(struct catalogue *c)
{
	size_t i;

	free(c->by_id);
	c->by_id = xreallocarray(NULL, c->n, sizeof *c->by_id);
	for (i = 0; i < c->n; i++)
		c->by_id[i] = i;
	sort_cat = c;
	qsort(c->by_id, c->n, sizeof *c->by_id, by_id_cmp);
	sort_cat = NULL;
}

/* Index of a food by id among the first n entries of by_id, or -1. */
static long
find_index(const struct catalogue *c, size_t n, const char *id)
{
	size_t lo = 0, hi = n, mid;
	int cmp;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		cmp = strcmp(id, c->foods[c->by_id[mid]].id);
		if (cmp == 0)
			return (long)c->by_id[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Food by id. */
const struct food *
catalogue_find(const struct catalogue *c, const char *id)
{
	long i = find_index(c, c->n, id);

	return i < 0 ? NULL : &c->foods[i];
}

/* Append f (its contents moved; *cap the room in foods). */
void
catalogue_add(struct catalogue *c, struct food *f, size_t *cap)
{
	if (c->n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		c->foods = xreallocarray(c->foods, *cap, sizeof *c->foods);
	}
	c->foods[c->n++] = *f;
	memset(f, 0, sizeof *f);
}

/* An id: a-z, 0-9 and _ only (length is checked apart). */
bool
catalogue_valid_id(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return false;
	return true;
}

/* A label is a word: letters (any script) and '-', no digits or spaces. */
bool
catalogue_valid_label(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == '-')
		return false;
	for (; *u != '\0'; u++)
		if (*u < 0x80 && !((*u >= 'a' && *u <= 'z') ||
		    (*u >= 'A' && *u <= 'Z') || *u == '-'))
			return false;
	return true;
}


/* Keep a copy of a file name the foods borrow; returns it. */
const char *
catalogue_own_name(struct catalogue *c, const char *name)
{
	c->files = xreallocarray(c->files, c->n_files + 1, sizeof *c->files);
	c->files[c->n_files] = xstrdup(name);
	return c->files[c->n_files++];
}

/*
 * Report foods whose id was already used earlier in the file (bad foods
 * included, so a typo elsewhere in the first one hides nothing), then drop
 * the duplicates and the foods marked in drop.
 */
void
catalogue_drop_duplicates(struct catalogue *c, const char *file,
    struct diag_list *dl, bool *drop)
{
	size_t i, o, first = 0;

	catalogue_index(c);
	for (i = 1; i < c->n; i++) {
		const struct food *a = &c->foods[c->by_id[first]];
		const struct food *b = &c->foods[c->by_id[i]];
		if (strcmp(a->id, b->id) != 0) {
			first = i;
			continue;
		}
		diag_add(dl, file, b->line, b->col,
		    "duplicate id '%s' (first defined at line %u)", b->id,
		    a->line);
		drop[c->by_id[i]] = true;
	}
	for (i = o = 0; i < c->n; i++) {
		if (drop[i])
			food_release(&c->foods[i]);
		else
			c->foods[o++] = c->foods[i];
	}
	c->n = o;
	catalogue_index(c);
}

/* Move over's foods into c, replacing foods with the same id. */
void
catalogue_merge(struct catalogue *c, struct catalogue *over)
{
	size_t i, cap = c->n, k, n0 = c->n;
	long old;

	/* over's ids are unique, so only c's original foods can clash. */
	for (i = 0; i < over->n; i++) {
		old = find_index(c, n0, over->foods[i].id);
		if (old >= 0) {
			food_release(&c->foods[old]);
			c->foods[old] = over->foods[i];
		} else
			catalogue_add(c, &over->foods[i], &cap);
		memset(&over->foods[i], 0, sizeof over->foods[i]);
	}
	/* The foods borrow their file names: take them over too. */
	for (k = 0; k < over->n_files; k++) {
		c->files = xreallocarray(c->files, c->n_files + 1,
		    sizeof *c->files);
		c->files[c->n_files++] = over->files[k];
	}
	over->n_files = 0;
	catalogue_index(c);
	catalogue_release(over);
}
