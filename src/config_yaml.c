/* SPDX-License-Identifier: ISC */
/* Reading config.yaml into the config model strictly (an adapter: the YAML side). */
#include <string.h>

#include "config.h"
#include "config_yaml.h"
#include "date.h"
#include "yread.h"

static const char *const config_keys[] = {
	"week_start", "day_starts_at", "rich_threshold_ug",
	"rich_servings_goal", "k2_goal_ug", "sat_fat_limit_g",
	"sodium_limit_mg", "anticoagulant", NULL,
};

static void
number(const struct ydoc *doc, const struct ynode *root, const char *key,
    double max, double *out, struct diag_list *dl)
{
	const struct ynode *v = ynode_get(root, key);
	double x;

	if (v != NULL && yread_number(doc, v, key, 0, true, max, &x, dl))
		*out = x;
}

static int
load_doc(struct config *cf, const struct ydoc *doc, struct diag_list *dl)
{
	const struct ynode *root = doc->root, *v;
	size_t before = dl->n + dl->dropped;
	struct config c = *cf;
	int wd, min;

	if (root == NULL)
		return 0;	/* an empty config keeps every default */
	if (!yread_check_map(doc, root, "a mapping of settings at the top",
	    config_keys, dl))
		return -1;
	if ((v = ynode_get(root, "week_start")) != NULL) {
		if (v->type != YNODE_SCALAR ||
		    (wd = date_weekday_parse(v->str)) < 0)
			yread_expected(doc, v, "a day of the week (monday ... "
			    "sunday) for 'week_start'", dl);
		else
			c.week_start = wd;
	}
	if ((v = ynode_get(root, "day_starts_at")) != NULL) {
		if (v->type != YNODE_SCALAR ||
		    date_parse_hhmm(v->str, &min) != 0)
			yread_expected(doc, v, "a time from \"00:00\" to "
			    "\"23:59\" for 'day_starts_at'", dl);
		else
			c.day_starts_min = min;
	}
	number(doc, root, "rich_threshold_ug", 100000, &c.rich_threshold_ug,
	    dl);
	number(doc, root, "rich_servings_goal", 1000, &c.rich_servings_goal,
	    dl);
	number(doc, root, "k2_goal_ug", 1e7, &c.k2_goal_ug, dl);
	number(doc, root, "sat_fat_limit_g", 1000, &c.sat_fat_limit_g, dl);
	number(doc, root, "sodium_limit_mg", 100000, &c.sodium_limit_mg, dl);
	if ((v = ynode_get(root, "anticoagulant")) != NULL)
		yread_bool(doc, v, "anticoagulant", &c.anticoagulant, dl);
	if (dl->n + dl->dropped != before)
		return -1;
	*cf = c;
	return 0;
}

/* Load a config held in memory over the current values. */
int
config_load_buffer(struct config *cf, const char *name, const char *buf,
    size_t len, struct diag_list *dl)
{
	struct ydoc doc;
	int ret;

	if (yread_buffer(name, buf, len, &doc, dl) != 0)
		return -1;
	ret = load_doc(cf, &doc, dl);
	ydoc_release(&doc);
	return ret;
}

/* Load a config file over the current values. */
int
config_load_file(struct config *cf, const char *path, struct diag_list *dl)
{
	struct ydoc doc;
	int ret;

	if (yread_file(path, &doc, dl) != 0)
		return -1;
	ret = load_doc(cf, &doc, dl);
	ydoc_release(&doc);
	return ret;
}
