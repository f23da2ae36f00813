/* SPDX-License-Identifier: ISC */
/* Finding foods: the tiers of DESIGN §3c, for the picker and the commands. */
#ifndef K2_SEARCH_H
#define K2_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "catalogue.h"

/*
 * The tiers, best first. A food's words are those of its name, aliases and
 * group (ids match only exactly or as a prefix):
 *	SEARCH_ID	the id equals the query
 *	SEARCH_WORDS	every query word starts a word of the food (in any
 *			order), or the query starts the id
 *	SEARCH_INSIDE	every query word is inside the food's text
 *	SEARCH_LETTERS	the query's letters appear in order, scattered;
 *			used only when the tiers above find nothing
 * Within a tier: the user's own foods, then cited foods, then SR28; then
 * how often and how recently the food was logged; then the shorter name;
 * then the id.
 */
enum search_tier {
	SEARCH_ID = 1,
	SEARCH_WORDS,
	SEARCH_INSIDE,
	SEARCH_LETTERS,
	SEARCH_TIERS = SEARCH_LETTERS
};

/* How often and how recently a food was logged (from the diary). */
struct search_usage {
	const char	*food_id;	/* borrowed */
	unsigned	 count;
	int64_t		 last;		/* UTC seconds of the last entry */
};

/*
 * A search index over a catalogue: each food's folded text, built once.
 * The catalogue must outlive it.
 */
struct search_index {
	const struct catalogue *cat;
	char		**hay;		/* folded "name aliases group" per food */
	bool		*owned;		/* hay[i] was made here (not the table's) */
	size_t		*hay_len;
	char		**id;		/* the id, as typed ('_' kept) */
	uint32_t	*mask;		/* letters, digits, non-ASCII in hay */
	unsigned	*count;		/* usage per food, 0 when never logged */
	int64_t		*last;
	size_t		*name_len;	/* bytes of each food's name, for ranking */
	size_t		 n;
};

struct search_hit {
	size_t		 food;		/* index into cat->foods */
	int		 tier;		/* enum search_tier; 0 for an empty query */
};

/* How many foods each tier holds (tiers[SEARCH_ID] ...). */
struct search_counts {
	size_t		 tiers[SEARCH_TIERS + 1];
};

/*
 * A food's search text: its name, aliases and group folded (lower case, no
 * accents, '_' a space); *mask gets its letter mask. Caller frees. The
 * index makes it for each food, the build for the built-in table.
 */
char *search_food_text(const struct food *, uint32_t *mask);
/* Build the index (folding every food once). */
void search_index_init(struct search_index *, const struct catalogue *);
void search_index_release(struct search_index *);
/*
 * Record usage: n records replace any usage recorded before (records for
 * one food add up, the latest last wins); foods not in the catalogue are
 * ignored.
 */
void search_index_usage(struct search_index *, const struct search_usage *u,
    size_t n);
/*
 * The tier of one food for a query (0 when it matches in no tier above
 * SEARCH_LETTERS; SEARCH_LETTERS is tried only when letters is true).
 */
int search_tier(const struct search_index *, size_t food, const char *query,
    bool letters);
/*
 * Find: the foods of tiers 1 to 3, or of tier 4 when those are empty, best
 * first. An empty query lists every food, most used first. Fills at most
 * max hits and returns how many matched in all; counts (may be NULL) gets
 * how many each tier held.
 */
size_t search_run(const struct search_index *, const char *query,
    struct search_hit *out, size_t max, struct search_counts *counts);
/*
 * The one food a command's FOOD names: its id or its whole name (any case
 * or accents), or the only food of the best tier that is not empty.
 * Returns the food's index, or -1 with the best hits in out (at most max;
 * *n how many matched in all, 0 when none did).
 */
long search_resolve(const struct search_index *, const char *query,
    struct search_hit *out, size_t max, size_t *n);

/*
 * A food's name fitted to cols columns for a list of hits (the picker,
 * foods QUERY), keeping readable the words the query matched: the name as
 * is when it fits; else its first part (up to the first comma) and the
 * parts that hold a word of the query, " ~ " where parts were left out, and
 * cut with "~" if still too long. Returns buf.
 */
char *search_fit_name(char *buf, size_t len, const char *name,
    const char *query, size_t cols);

#endif
