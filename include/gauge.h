/* SPDX-License-Identifier: ISC */
/* The weekly gauge: a pure function of the week's entries and the config. */
#ifndef K2_GAUGE_H
#define K2_GAUGE_H

#include <stdbool.h>
#include <stddef.h>
#include "config.h"
#include "entry.h"

/* Share of a limit from which a day is "near". */
#define GAUGE_NEAR_SHARE 0.80
#define GAUGE_MAX_WARNINGS 32

/* A day's or a week's status against a limit, least severe first. */
enum level {
	LEVEL_OK,		/* every entry's value known, below 80 % */
	LEVEL_UNKNOWN,		/* values missing, and what is known is below 80 % */
	LEVEL_NEAR,		/* from 80 % of the limit (the known values alone) */
	LEVEL_OVER		/* above the limit (the known values alone) */
};

/*
 * A total over entries: the sum of the known values, how many entries had
 * the value, and how many entries there were. Unknown when there were
 * entries and none had it; partial when some had it.
 */
struct total {
	double		 sum;
	int		 known;
	int		 count;
};

static inline bool
total_unknown(const struct total *t)
{
	return t->count > 0 && t->known == 0;
}

static inline bool
total_partial(const struct total *t)
{
	return t->known > 0 && t->known < t->count;
}

struct gauge_day {
	long		 day;
	int		 entries;
	double		 rich_servings;
	struct total	 k2;
	struct total	 sat_fat;
	struct total	 sodium;
	struct total	 kcal;
	struct total	 vitk;		/* K1 + K2, for anticoagulant users */
	enum level	 sat_fat_status;
	enum level	 sodium_status;
	enum level	 worst;		/* the worse of the two, for a day mark */
	bool		 vitk_swing;	/* differs from the week's mean by more than half */
};

struct gauge_warning {
	enum nutrient	 nutrient;	/* NUT_SAT_FAT or NUT_SODIUM */
	bool		 week;		/* scope: the week, else day */
	long		 day;		/* when scope is day */
	enum level	 level;		/* LEVEL_NEAR or LEVEL_OVER */
	double		 amount;
	double		 limit;
	int		 known;		/* entries with the value */
	int		 count;		/* entries */
	char		 message[320];
};

struct gauge {
	long		 week_start;
	long		 week_end;
	int		 entries;
	double		 rich_servings;
	double		 rich_servings_goal;
	struct total	 k2;
	double		 k2_goal_ug;
	struct total	 mk4;
	struct total	 mk7;
	struct total	 mk_other;
	/* K2 given only as a total, without its chains (brie, blue cheese). */
	double		 chain_unknown_ug;
	/* Entries whose K2 chain split is not known (MK-4 only included). */
	int		 chain_unknown_entries;
	int		 mk4_only_entries;
	struct total	 sat_fat;
	double		 sat_fat_limit_g;	/* weekly: 7 x daily */
	enum level	 sat_fat_status;
	struct total	 sodium;
	double		 sodium_limit_mg;	/* weekly */
	enum level	 sodium_status;
	struct total	 kcal;
	bool		 anticoagulant;
	double		 vitk_mean_ug;		/* mean over days with entries */
	struct gauge_day days[7];
	struct gauge_warning warnings[GAUGE_MAX_WARNINGS];
	size_t		 n_warnings;
};

/* ok below 80 % of limit, near from 80 %, over above 100 %. */
enum level gauge_level(double amount, double limit);
/*
 * The status of a total: gauge_level of the sum when every entry's value
 * is known (or there are no entries); LEVEL_UNKNOWN when none is; when
 * some are, near or over if the known values alone say so, else unknown
 * (ok is only said of what is fully known).
 */
enum level gauge_status(const struct total *, double limit);
/* "ok", "unknown", "near", "over". */
const char *gauge_level_name(enum level);
/* The mark after a partly known total: "23.8+" (some entries lack it). */
#define GAUGE_PARTIAL_MARK '+'
/*
 * A total as people read it (text_number, 0 or 1 decimals): "?" when
 * unknown, the known sum and GAUGE_PARTIAL_MARK when partly known.
 */
char *gauge_total_text(char *buf, size_t len, const struct total *,
    int decimals);
/* A total's value for a machine: false when it is unknown. */
bool gauge_total_value(const struct total *, double *out);
/*
 * The warnings the day screen shows for day, most severe first: over
 * before near, the day's own before the week's, saturated fat before
 * sodium. Other days' warnings are left to the week view. Fills idx (at
 * most max) with indexes into g->warnings; returns how many.
 */
size_t gauge_warnings_for_day(const struct gauge *, long day, size_t *idx,
    size_t max);
/*
 * Compute the gauge of the week that starts on week_start from its entries
 * (entries outside the week are ignored).
 */
void gauge_week(const struct config *, long week_start,
    const struct entry *entries, size_t n, struct gauge *out);

#endif
