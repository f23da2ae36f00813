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

enum level {
	LEVEL_OK,
	LEVEL_NEAR,
	LEVEL_OVER
};

/* A total over entries, with how many entries had the value. */
struct total {
	double		 sum;
	int		 known;
};

struct gauge_day {
	long		 day;
	int		 entries;
	double		 rich_servings;
	struct total	 k2;
	struct total	 sat_fat;
	struct total	 sodium;
	struct total	 vitk;		/* K1 + K2, for anticoagulant users */
	enum level	 sat_fat_status;
	enum level	 sodium_status;
	bool		 vitk_swing;	/* differs from the week's mean by more than half */
};

struct gauge_warning {
	enum nutrient	 nutrient;	/* NUT_SAT_FAT or NUT_SODIUM */
	bool		 week;		/* scope: the week, else day */
	long		 day;		/* when scope is day */
	enum level	 level;
	double		 amount;
	double		 limit;
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
	double		 mk4_ug;
	double		 mk7_ug;
	double		 mk_other_ug;
	struct total	 sat_fat;
	double		 sat_fat_limit_g;	/* weekly: 7 x daily */
	enum level	 sat_fat_status;
	struct total	 sodium;
	double		 sodium_limit_mg;	/* weekly */
	enum level	 sodium_status;
	bool		 anticoagulant;
	double		 vitk_mean_ug;		/* mean over days with entries */
	struct gauge_day days[7];
	struct gauge_warning warnings[GAUGE_MAX_WARNINGS];
	size_t		 n_warnings;
};

/* ok below 80 % of limit, near from 80 %, over above 100 %. */
enum level gauge_level(double amount, double limit);
const char *gauge_level_name(enum level);
/* Is the entry's food K2-rich at this threshold (per default serving)? */
bool gauge_entry_rich(const struct entry *, double threshold_ug);
/*
 * Compute the gauge of the week that starts on week_start from its entries
 * (entries outside the week are ignored).
 */
void gauge_week(const struct config *, long week_start,
    const struct entry *entries, size_t n, struct gauge *out);

#endif
