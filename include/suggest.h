/* SPDX-License-Identifier: ISC */
/* What to eat next: the suggestions of DESIGN.md §4 and the finder's orders. */
#ifndef K2_SUGGEST_H
#define K2_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include "catalogue.h"
#include "config.h"
#include "gauge.h"

/* Why the list is empty. */
enum suggest_stop {
	SUGGEST_STOP_NONE,	/* the list has candidates */
	SUGGEST_STOP_SAT_FAT,	/* saturated fat alone stops every food */
	SUGGEST_STOP_SODIUM,	/* sodium alone stops every food */
	SUGGEST_STOP_BOTH,	/* both do, or each stops some foods */
	SUGGEST_STOP_NO_FOOD,	/* no K2-rich food (anticoagulant: none with
				   K1 or K2 known), supplements aside */
	SUGGEST_STOP_NO_MEAN	/* anticoagulant: no other day of the week has
				   entries, so there is no mean to be near */
};

/*
 * What is left of one limit (saturated fat or sodium): max(0, limit - the
 * known total) for the day and for the week (7 x the daily limit). Partial
 * when some of the entries lack the value (none known counts too): what is
 * left then counts the known values only.
 */
struct suggest_left {
	double		 limit_day;
	double		 limit_week;
	double		 day;
	double		 week;
	int		 day_known;	/* entries of the day with the value */
	int		 day_count;	/* entries of the day */
	int		 week_known;
	int		 week_count;
	bool		 day_partial;
	bool		 week_partial;
};

/*
 * One candidate: one default serving of a food. A value whose _known is
 * false is unknown (its double is 0 and means nothing).
 */
struct suggest_candidate {
	size_t		 food;		/* index into the catalogue's foods */
	const char	*name;		/* borrowed from the catalogue */
	double		 k2_ug;
	bool		 k2_known;	/* always, but in anticoagulant mode */
	double		 k1_ug;
	bool		 k1_known;
	double		 sat_fat_g;
	bool		 sat_fat_known;
	double		 sodium_mg;
	bool		 sodium_known;
	bool		 mk4_only;	/* K2 is MK-4 alone, the rest unknown */
	bool		 chain_unknown;	/* K2's split by chain not known */
	/*
	 * The §4 score: K2 / (1 + sodium / daily sodium limit + sat fat /
	 * daily sat fat limit), an unknown value counting as 1 (the whole
	 * day's limit); higher first. 0 in anticoagulant mode.
	 */
	double		 score;
	/* Anticoagulant mode only (0 otherwise). */
	double		 vitk_ug;	/* K1 + K2, the known ones */
	bool		 vitk_partial;	/* K1 or K2 unknown */
	double		 day_after_ug;	/* the viewed day's vitamin K with it */
	double		 distance_ug;	/* |day_after - mean|; lower first */
};

struct suggest {
	long		 day;		/* the viewed day */
	long		 week_start;
	long		 week_end;
	bool		 anticoagulant;
	/* K2-rich servings of the week (not filled in anticoagulant mode). */
	double		 rich_servings;
	double		 rich_servings_goal;
	double		 rich_missing;	/* max(0, goal - rich servings) */
	struct suggest_left sat_fat;
	struct suggest_left sodium;
	/*
	 * Anticoagulant mode: the viewed day's vitamin K (K1 + K2, known
	 * values), and the mean over the week's other days with entries.
	 */
	struct total	 day_vitk;
	bool		 has_mean;
	int		 mean_days;
	double		 mean_ug;
	/* The foods the rule looks at (K2-rich, or with K1 or K2 known). */
	size_t		 considered;
	/* Candidates in order: §4's score, or distance to the mean; ties by name. */
	struct suggest_candidate *v;
	size_t		 n;
	enum suggest_stop stop;
};

/*
 * The suggestions for day from the catalogue, the config and the gauge of
 * day's week (made by gauge_week with the same config). Supplements are
 * never candidates. Fills out (caller releases with suggest_release).
 *
 * A candidate is a K2-rich food (anticoagulant: a food with K1 or K2
 * known) whose default serving fits what is left of both limits, day and
 * week: a known value at or below what is left, an unknown one only while
 * something is left (it counts as using all of it).
 */
void suggest_compute(const struct catalogue *, const struct config *,
    const struct gauge *, long day, struct suggest *out);
void suggest_release(struct suggest *);

/*
 * The §4 score of one serving with these values; an unknown sodium or
 * saturated fat counts as the whole day's limit.
 */
double suggest_score(const struct config *, double k2_ug, bool sodium_known,
    double sodium_mg, bool sat_fat_known, double sat_fat_g);
/*
 * The smaller of a limit's day and week left; *week says the week's is
 * the smaller (the day's on a tie).
 */
double suggest_left_min(const struct suggest_left *, bool *week);
/*
 * A name for machines: NULL (none), "sat_fat", "sodium",
 * "sat_fat_and_sodium", "no_food", "no_mean".
 */
const char *suggest_stop_name(enum suggest_stop);

/* The finder's other orders (the picker's Ctrl-O, the finder's s). */
enum suggest_order {
	/* K2 per default serving, highest first; unknown K2 last. */
	SUGGEST_ORDER_K2,
	/*
	 * K2 per mg of sodium in a serving, highest first: no sodium before
	 * any, then by the ratio, then K2 with sodium unknown (by K2); K2 of
	 * 0 and unknown K2 last.
	 */
	SUGGEST_ORDER_K2_PER_SODIUM
};

/*
 * Sort idx[0..n) (indexes into cat->foods) in the given order; ties and
 * the foods without a figure by name, then id.
 */
void suggest_sort(const struct catalogue *, enum suggest_order, size_t *idx,
    size_t n);
/*
 * Fill idx (room for cat->n) with every food in the given order, and rich
 * (room for cat->n, or NULL) so that rich[i] says whether the food idx[i]
 * is K2-rich under cf. Returns cat->n.
 */
size_t suggest_rank(const struct catalogue *, const struct config *,
    enum suggest_order, size_t *idx, bool *rich);

/*
 * The day screen's line, fitted to width columns (issue 13): empty when
 * the week's goal of K2-rich servings is met; else "2 more K2-rich
 * servings this week: Natto 6 mg sodium · Egg yolk 8 mg · …" (the first
 * candidates that fit, "…" when more follow), or why none fits. In
 * anticoagulant mode only figures, in neutral words: the day's vitamin K
 * and the week's daily mean. Returns buf.
 */
char *suggest_line(const struct suggest *, size_t width, char *buf,
    size_t len);

#endif
