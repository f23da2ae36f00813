/* SPDX-License-Identifier: ISC */
/* config.yaml: goals, limits and the diary's notion of a day and a week. */
#ifndef K2_CONFIG_H
#define K2_CONFIG_H

#include <stdbool.h>

struct config {
	int		 week_start;		/* 0 = Monday */
	int		 day_starts_min;	/* minutes after midnight */
	double		 rich_threshold_ug;
	double		 rich_servings_goal;
	double		 k2_goal_ug;
	double		 sat_fat_limit_g;	/* per day */
	double		 sodium_limit_mg;	/* per day */
	bool		 anticoagulant;
};

/* The defaults of DESIGN.md §5. */
void config_defaults(struct config *);
#endif
