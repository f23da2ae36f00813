/* SPDX-License-Identifier: ISC */
/* config.yaml as a model: goals, limits and the diary's notion of a day and a week. */
#include "config.h"

/* The defaults of DESIGN.md §5. */
void
config_defaults(struct config *cf)
{
	cf->week_start = 0;
	cf->day_starts_min = 4 * 60;
	cf->rich_threshold_ug = 12;
	cf->rich_servings_goal = 7;
	cf->k2_goal_ug = 630;
	cf->sat_fat_limit_g = 20;
	cf->sodium_limit_mg = 2300;
	cf->anticoagulant = false;
}
