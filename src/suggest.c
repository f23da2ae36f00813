/* SPDX-License-Identifier: ISC */
/* What to eat next: the suggestions of DESIGN.md §4 and the finder's orders. */
#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "catalogue.h"
#include "config.h"
#include "food.h"
#include "gauge.h"
#include "suggest.h"
#include "text.h"
#include "util.h"

/*
 * Sums of decimal values carry round-off (5 x 435 mg may be
 * 2174.9999999999995): a relative slack this small, of the limit, keeps a
 * serving that fits exactly on the side a person would put it.
 */
#define SUGGEST_SLACK 1e-9

/* What is left of a limit, day and week, from the totals. */
static void
left_fill(struct suggest_left *l, double limit_day, double limit_week,
    const struct total *day, const struct total *week)
{
	memset(l, 0, sizeof *l);
	l->limit_day = limit_day;
	l->limit_week = limit_week;
	l->day = limit_day - day->sum;
	l->week = limit_week - week->sum;
	/* Round-off just above 0 is nothing left. */
	if (!(l->day > SUGGEST_SLACK * limit_day))
		l->day = 0;
	if (!(l->week > SUGGEST_SLACK * limit_week))
		l->week = 0;
	l->day_known = day->known;
	l->day_count = day->count;
	l->week_known = week->known;
	l->week_count = week->count;
	l->day_partial = day->known < day->count;
	l->week_partial = week->known < week->count;
}

/*
 * Does one serving fit what is left of a limit? A known value at or below
 * what is left of the day and of the week; an unknown one only while
 * something is left of both (it counts as using all of it).
 */
static bool
left_fits(const struct suggest_left *l, bool known, double v)
{
	if (!known)
		return l->day > 0 && l->week > 0;
	return v <= l->day + SUGGEST_SLACK * l->limit_day &&
	    v <= l->week + SUGGEST_SLACK * l->limit_week;
}

/* The share of a daily limit a value takes in the score; unknown is 1. */
static double
score_share(bool known, double v, double limit)
{
	if (!known)
		return 1;
	if (!(limit > 0))
		return 0;
	return v / limit;
}

/* The §4 score of one serving. */
double
suggest_score(const struct config *cf, double k2_ug, bool sodium_known,
    double sodium_mg, bool sat_fat_known, double sat_fat_g)
{
	return k2_ug / (1 + score_share(sodium_known, sodium_mg,
	    cf->sodium_limit_mg) + score_share(sat_fat_known, sat_fat_g,
	    cf->sat_fat_limit_g));
}

/* The smaller of day and week left. */
double
suggest_left_min(const struct suggest_left *l, bool *week)
{
	bool w = l->week < l->day;

	if (week != NULL)
		*week = w;
	return w ? l->week : l->day;
}

/* Name a stop for machines. */
const char *
suggest_stop_name(enum suggest_stop s)
{
	switch (s) {
	case SUGGEST_STOP_NONE:
		return NULL;
	case SUGGEST_STOP_SAT_FAT:
		return "sat_fat";
	case SUGGEST_STOP_SODIUM:
		return "sodium";
	case SUGGEST_STOP_BOTH:
		return "sat_fat_and_sodium";
	case SUGGEST_STOP_NO_FOOD:
		return "no_food";
	case SUGGEST_STOP_NO_MEAN:
		return "no_mean";
	}
	return NULL;
}

/* Ties by name, then by id, so the order never depends on qsort. */
static int
tie_cmp(const char *na, const char *ia, const char *nb, const char *ib)
{
	int c = strcmp(na, nb);

	return c != 0 ? c : strcmp(ia, ib);
}

/* We sort candidates by score and need the ids for ties: a pair. */
struct ranked {
	struct suggest_candidate c;
	const char	*id;
};

/* Higher score first, then by name. */
static int
by_score(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->c.score > y->c.score)
		return -1;
	if (x->c.score < y->c.score)
		return 1;
	return tie_cmp(x->c.name, x->id, y->c.name, y->id);
}

/* Nearer the mean first, then by name. */
static int
by_distance(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->c.distance_ug < y->c.distance_ug)
		return -1;
	if (x->c.distance_ug > y->c.distance_ug)
		return 1;
	return tie_cmp(x->c.name, x->id, y->c.name, y->id);
}

/*
 * The viewed day's vitamin K and the mean over the week's other days with
 * entries (DESIGN §4, anticoagulant mode).
 */
static void
vitk_fill(struct suggest *s, const struct gauge *g, size_t di)
{
	double sum = 0;
	size_t i;

	s->day_vitk = g->days[di].vitk;
	for (i = 0; i < 7; i++) {
		if (i == di || g->days[i].entries == 0)
			continue;
		sum += g->days[i].vitk.sum;
		s->mean_days++;
	}
	s->has_mean = s->mean_days > 0;
	if (s->has_mean)
		s->mean_ug = sum / s->mean_days;
}

/* Fill c with one default serving of f; false when the rule skips f. */
static bool
candidate_fill(const struct suggest *s, const struct config *cf,
    const struct food *f, size_t i, struct suggest_candidate *c)
{
	struct nutrients n;

	if (f->group == GROUP_SUPPLEMENT)
		return false;
	food_amount(f, 1.0, &n);
	memset(c, 0, sizeof *c);
	c->food = i;
	c->name = f->name;
	c->k2_known = nutrients_has(&n, NUT_K2);
	c->k2_ug = c->k2_known ? n.v[NUT_K2] : 0;
	c->k1_known = nutrients_has(&n, NUT_K1);
	c->k1_ug = c->k1_known ? n.v[NUT_K1] : 0;
	c->sat_fat_known = nutrients_has(&n, NUT_SAT_FAT);
	c->sat_fat_g = c->sat_fat_known ? n.v[NUT_SAT_FAT] : 0;
	c->sodium_known = nutrients_has(&n, NUT_SODIUM);
	c->sodium_mg = c->sodium_known ? n.v[NUT_SODIUM] : 0;
	c->mk4_only = nutrients_mk4_only(&n);
	c->chain_unknown = nutrients_chain_unknown(&n);
	if (!s->anticoagulant) {
		/* The same test as the food flag, on the same double. */
		if (!food_is_k2_rich(f, cf->rich_threshold_ug))
			return false;
		c->score = suggest_score(cf, c->k2_ug, c->sodium_known,
		    c->sodium_mg, c->sat_fat_known, c->sat_fat_g);
		return true;
	}
	if (!c->k1_known && !c->k2_known)
		return false;
	c->vitk_ug = c->k1_ug + c->k2_ug;
	c->vitk_partial = !c->k1_known || !c->k2_known;
	c->day_after_ug = s->day_vitk.sum + c->vitk_ug;
	c->distance_ug = fabs(c->day_after_ug - s->mean_ug);
	return true;
}

/* The suggestions for day. */
void
suggest_compute(const struct catalogue *cat, const struct config *cf,
    const struct gauge *g, long day, struct suggest *out)
{
	struct ranked *r;
	struct suggest_candidate c;
	bool sf_fits, na_fits, all_sf = true, all_na = true;
	size_t di, i, n = 0;

	assert(day >= g->week_start && day <= g->week_end);
	assert(g->anticoagulant == cf->anticoagulant);
	memset(out, 0, sizeof *out);
	di = (size_t)(day - g->week_start);
	out->day = day;
	out->week_start = g->week_start;
	out->week_end = g->week_end;
	out->anticoagulant = cf->anticoagulant;
	left_fill(&out->sat_fat, cf->sat_fat_limit_g, g->sat_fat_limit_g,
	    &g->days[di].sat_fat, &g->sat_fat);
	left_fill(&out->sodium, cf->sodium_limit_mg, g->sodium_limit_mg,
	    &g->days[di].sodium, &g->sodium);
	if (out->anticoagulant)
		vitk_fill(out, g, di);
	else {
		out->rich_servings = g->rich_servings;
		out->rich_servings_goal = g->rich_servings_goal;
		out->rich_missing = g->rich_servings_goal - g->rich_servings;
		if (!(out->rich_missing > 0))
			out->rich_missing = 0;
	}

	r = xreallocarray(NULL, cat->n + 1, sizeof *r);
	for (i = 0; i < cat->n; i++) {
		if (!candidate_fill(out, cf, &cat->foods[i], i, &c))
			continue;
		out->considered++;
		sf_fits = left_fits(&out->sat_fat, c.sat_fat_known,
		    c.sat_fat_g);
		na_fits = left_fits(&out->sodium, c.sodium_known,
		    c.sodium_mg);
		all_sf = all_sf && !sf_fits;
		all_na = all_na && !na_fits;
		if (!sf_fits || !na_fits)
			continue;
		r[n].c = c;
		r[n].id = cat->foods[i].id;
		n++;
	}
	if (out->considered == 0)
		out->stop = SUGGEST_STOP_NO_FOOD;
	else if (out->anticoagulant && !out->has_mean)
		out->stop = SUGGEST_STOP_NO_MEAN;
	else if (n == 0)
		out->stop = all_sf && !all_na ? SUGGEST_STOP_SAT_FAT :
		    all_na && !all_sf ? SUGGEST_STOP_SODIUM :
		    SUGGEST_STOP_BOTH;
	if (out->stop != SUGGEST_STOP_NONE) {
		free(r);
		return;
	}
	qsort(r, n, sizeof *r, out->anticoagulant ? by_distance : by_score);
	out->v = xreallocarray(NULL, n, sizeof *out->v);
	for (i = 0; i < n; i++)
		out->v[i] = r[i].c;
	out->n = n;
	free(r);
}

/* Free the candidates. */
void
suggest_release(struct suggest *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* A food's place in a finder order: a tier, then a key (higher first). */
struct order_key {
	size_t		 food;
	int		 tier;
	double		 key;
	const char	*name;
	const char	*id;
};

/* By tier, then the key (higher first), then by name and id. */
static int
order_cmp(const void *a, const void *b)
{
	const struct order_key *x = a, *y = b;

	if (x->tier != y->tier)
		return x->tier < y->tier ? -1 : 1;
	if (x->key > y->key)
		return -1;
	if (x->key < y->key)
		return 1;
	return tie_cmp(x->name, x->id, y->name, y->id);
}

/* Where food f goes in the order o. */
static void
order_key_fill(const struct food *f, enum suggest_order o,
    struct order_key *k)
{
	double k2, na;
	bool has_k2, has_na;

	has_k2 = food_per_serving(f, NUT_K2, &k2);
	has_na = food_per_serving(f, NUT_SODIUM, &na);
	k->key = 0;
	k->name = f->name;
	k->id = f->id;
	if (!has_k2) {
		k->tier = 9;			/* K2 unknown */
		return;
	}
	if (o == SUGGEST_ORDER_K2) {
		k->tier = 0;
		k->key = k2;
		return;
	}
	if (!(k2 > 0))
		k->tier = 8;			/* no K2 */
	else if (!has_na) {
		k->tier = 2;			/* sodium unknown: by K2 */
		k->key = k2;
	} else if (!(na > 0)) {
		k->tier = 0;			/* no sodium: by K2 */
		k->key = k2;
	} else {
		k->tier = 1;
		k->key = k2 / na;
	}
}

/* Sort a list of foods in a finder order. */
void
suggest_sort(const struct catalogue *cat, enum suggest_order o, size_t *idx,
    size_t n)
{
	struct order_key *k;
	size_t i;

	k = xreallocarray(NULL, n + 1, sizeof *k);
	for (i = 0; i < n; i++) {
		k[i].food = idx[i];
		order_key_fill(&cat->foods[idx[i]], o, &k[i]);
	}
	qsort(k, n, sizeof *k, order_cmp);
	for (i = 0; i < n; i++)
		idx[i] = k[i].food;
	free(k);
}

/* Every food in a finder order, K2-rich ones marked. */
size_t
suggest_rank(const struct catalogue *cat, const struct config *cf,
    enum suggest_order o, size_t *idx, bool *rich)
{
	size_t i;

	for (i = 0; i < cat->n; i++)
		idx[i] = i;
	suggest_sort(cat, o, idx, cat->n);
	if (rich != NULL)
		for (i = 0; i < cat->n; i++)
			rich[i] = food_is_k2_rich(&cat->foods[idx[i]],
			    cf->rich_threshold_ug);
	return cat->n;
}

/* A candidate's name for the line: up to " (" or ", " ("Natto", "Egg yolk"). */
static void
short_name(char *buf, size_t len, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	if ((p = strstr(name, " (")) != NULL && (size_t)(p - name) < n)
		n = (size_t)(p - name);
	if ((p = strstr(name, ", ")) != NULL && (size_t)(p - name) < n &&
	    p != name)
		n = (size_t)(p - name);
	if (n >= len)
		n = len - 1;
	memcpy(buf, name, n);
	buf[n] = '\0';
}

/* Append s to buf when the line stays within width columns; false if not. */
static bool
line_add(char *buf, size_t len, size_t width, const char *s)
{
	size_t at = strlen(buf);

	if (text_width(buf) + text_width(s) > width || at + strlen(s) >= len)
		return false;
	memcpy(buf + at, s, strlen(s) + 1);
	return true;
}

/* The neutral line of anticoagulant mode: figures, no advice (§4). */
static char *
vitk_line(const struct suggest *s, size_t width, char *buf, size_t len)
{
	char day[32], mean[32], item[128];

	buf[0] = '\0';
	gauge_total_text(day, sizeof day, &s->day_vitk, 0);
	snprintf(item, sizeof item, "vitamin K (K1 + K2) this day %s %s",
	    day, text_ug());
	line_add(buf, len, width, item);
	if (s->has_mean)
		snprintf(item, sizeof item, "; this week's daily mean %s %s",
		    text_number(mean, sizeof mean, s->mean_ug, 0), text_ug());
	else
		snprintf(item, sizeof item, "; no other day this week to "
		    "compare");
	line_add(buf, len, width, item);
	return buf;
}

char *
suggest_line(const struct suggest *s, size_t width, char *buf, size_t len)
{
	const char *sep = text_ascii() ? " - " : " \xc2\xb7 ";
	const char *more = text_ascii() ? " ..." : " \xe2\x80\xa6";
	char q[32], name[64], na[32], item[160];
	size_t i;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	if (s->anticoagulant)
		return vitk_line(s, width, buf, len);
	if (!(s->rich_missing > 0))
		return buf;
	amount_format_quantity(q, sizeof q, s->rich_missing);
	snprintf(item, sizeof item, "%s more K2-rich serving%s this week%s", q,
	    s->rich_missing == 1 ? "" : "s", s->n > 0 ? ":" : "");
	if (!line_add(buf, len, width, item))
		return buf;
	if (s->n == 0) {
		if (s->stop == SUGGEST_STOP_NO_FOOD)
			snprintf(item, sizeof item, "; no K2-rich food in the "
			    "catalogue");
		else
			snprintf(item, sizeof item, "; none fits what is left "
			    "of %s", s->stop == SUGGEST_STOP_SAT_FAT ?
			    "saturated fat" : s->stop == SUGGEST_STOP_SODIUM ?
			    "sodium" : "saturated fat and sodium");
		line_add(buf, len, width, item);
		return buf;
	}
	for (i = 0; i < s->n; i++) {
		const struct suggest_candidate *c = &s->v[i];
		short_name(name, sizeof name, c->name);
		if (c->sodium_known)
			text_number(na, sizeof na, c->sodium_mg, 0);
		snprintf(item, sizeof item, "%s%s %s mg%s", i > 0 ? sep : " ",
		    name, c->sodium_known ? na : "?", i == 0 ? " sodium" : "");
		/* Keep room for the mark that more follow. */
		if (text_width(buf) + text_width(item) + (i + 1 < s->n ?
		    text_width(more) : 0) > width || !line_add(buf, len,
		    width, item)) {
			line_add(buf, len, width, more);
			break;
		}
	}
	return buf;
}
