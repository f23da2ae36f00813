/* SPDX-License-Identifier: ISC */
/* The food catalogue as a model: foods by id, merging, the rules every food meets. */
#ifndef K2_CATALOGUE_H
#define K2_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "food.h"

#define CATALOGUE_VERSION 1
#define CATALOGUE_ID_MAX 40
#define CATALOGUE_NAME_MAX 200
#define CATALOGUE_LABEL_MAX 24
#define CATALOGUE_GRAMS_MAX 5000.0
#define CATALOGUE_SOURCE_MAX 1000

struct catalogue {
	struct food	*foods;		/* in file order */
	size_t		 n;
	size_t		*by_id;		/* indexes of foods sorted by id */
	char		**files;	/* names the foods' file pointers borrow */
	size_t		 n_files;
	/* The built-in table's foods borrow these (see catalogue_table.h). */
	struct serving	*table_servings;
	char		**table_aliases;
};

void catalogue_init(struct catalogue *);
void catalogue_release(struct catalogue *);
/* Append f, its contents moved into c; *cap is the room in c->foods. */
void catalogue_add(struct catalogue *, struct food *f, size_t *cap);
/* Sort the index by id, after foods were added. */
void catalogue_index(struct catalogue *);
/* Keep a copy of a file name that foods borrow (food.file); returns it. */
const char *catalogue_own_name(struct catalogue *, const char *name);
/*
 * Report foods whose id was used earlier (bad foods included), then drop
 * the duplicates and the foods marked in drop (one flag a food); rebuilds
 * the index.
 */
void catalogue_drop_duplicates(struct catalogue *, const char *file,
    struct diag_list *dl, bool *drop);
/* Move over's foods into c, replacing foods with the same id; over is emptied. */
void catalogue_merge(struct catalogue *c, struct catalogue *over);
/* Food by id, or NULL. Borrowed: lives as long as the catalogue. */
const struct food *catalogue_find(const struct catalogue *, const char *id);

/* The rules of a food, for every maker of foods. */
/* An id: a-z, 0-9 and _ (its length is checked apart). */
bool catalogue_valid_id(const char *);
/* A serving label: a word of letters (any script) and '-', not first. */
bool catalogue_valid_label(const char *);

#endif
