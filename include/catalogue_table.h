/* SPDX-License-Identifier: ISC */
/*
 * The built-in catalogue as a table made at build time (src/catgen.c turns
 * foods.yaml and data/usda-sr28.yaml into it through the strict loader):
 * offsets into one block of strings, so it costs no relocation and no
 * parsing, and stays in shared read-only pages.
 */
#ifndef K2_CATALOGUE_TABLE_H
#define K2_CATALOGUE_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include "catalogue.h"
#include "food.h"

/* One food; every string is an offset into catalogue_table_strings. */
struct table_food {
	uint32_t	 id;
	uint32_t	 name;
	uint32_t	 source;	/* 0: none (the block starts with "") */
	uint32_t	 note;		/* 0: none */
	uint32_t	 hay;		/* folded "name aliases group", for search */
	uint32_t	 aliases;	/* first in catalogue_table_aliases */
	uint32_t	 servings;	/* first in catalogue_table_servings */
	uint16_t	 n_aliases;
	uint16_t	 n_servings;
	uint32_t	 mask;		/* the search's letter mask of hay */
	uint16_t	 known;		/* nutrients known, a bit each */
	uint8_t		 group;
	uint8_t		 confidence;
	uint8_t		 origin;
	uint8_t		 per_serving;
	char		 usda[8];
	double		 v[NUT_COUNT];
};

struct table_serving {
	uint32_t	 label;
	double		 grams;
};

/* The generated data (build/builtin_table.c). */
extern const char catalogue_table_strings[];
extern const struct table_food catalogue_table_foods[];
extern const size_t catalogue_table_n;
extern const struct table_serving catalogue_table_servings[];
extern const size_t catalogue_table_n_servings;
extern const uint32_t catalogue_table_aliases[];
extern const size_t catalogue_table_n_aliases;
/* Indexes of the foods sorted by id. */
extern const uint32_t catalogue_table_by_id[];

#define CATALOGUE_BUILTIN_NAME "built-in catalogue"

/*
 * Fill c (initialised here) with the built-in catalogue: the cited foods of
 * foods.yaml, then every SR28 food that no cited food replaces. The foods
 * borrow the table's strings. Never fails.
 */
void catalogue_load_builtin(struct catalogue *c);

#endif
