/* SPDX-License-Identifier: ISC */
/* The picker's filter: fuzzy, case- and accent-insensitive, ranked. */
#ifndef K2_SEARCH_H
#define K2_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include "catalogue.h"

/* How often and how recently a food was logged (from the diary). */
struct search_usage {
	const char	*food_id;	/* borrowed */
	unsigned	 count;
	int64_t		 last;		/* UTC seconds of the last entry */
};

/*
 * A search index over a catalogue: folded text of each food, built once.
 * The catalogue must outlive it.
 */
struct search_index {
	const struct catalogue *cat;
	char		**hay;		/* folded "name id aliases" per food */
	size_t		*hay_len;
	uint32_t	*mask;		/* letters, digits, non-ASCII in hay */
	unsigned	*count;		/* usage per food, 0 when never logged */
	int64_t		*last;
	size_t		 n;
};

struct search_hit {
	size_t		 food;		/* index into cat->foods */
	int		 score;		/* higher is better */
};

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
 * Score one food for a query: -1 when the query (folded) is not a
 * subsequence of the food's text, 0 for an empty query. Contiguous runs,
 * word starts and a match at the start of the name score higher; a
 * shorter name breaks ties.
 */
int search_score(const char *hay, size_t hay_len, const char *fq);
/*
 * Filter and rank: foods whose text holds the query as a subsequence,
 * best first (score, then usage count, then last use, then name). An empty
 * query lists every food, most used first. Fills at most max hits and
 * returns how many matched in all.
 */
size_t search_run(const struct search_index *, const char *query,
    struct search_hit *out, size_t max);

#endif
