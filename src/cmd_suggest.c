/* SPDX-License-Identifier: ISC */
/* k2diary suggest: what to eat next (DESIGN.md §4), as text or JSON. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "cli.h"
#include "cli_out.h"
#include "record.h"
#include "session.h"
#include "date.h"
#include "diag.h"
#include "diary.h"
#include "entry.h"
#include "gauge.h"
#include "suggest.h"
#include "text.h"
#include "util.h"

/* Candidates the text shows, and the JSON lists (the rest are counted). */
#define SUGGEST_TEXT_MAX 10
#define SUGGEST_JSON_MAX 50
/* The text fits in this many columns. */
#define SUGGEST_COLS 80
#define SUGGEST_ID_MAX 20
/* After what is left of a partly known total: at most this much. */
#define LEFT_MARK '*'

/* "key": number (or null), with a leading ", " unless first. */
static void
json_key_num(const char *key, bool known, double v)
{
	printf(", \"%s\": ", key);
	record_json_number(stdout, known, v);
}

/* "key": "YYYY-MM-DD". */
static void
json_day(const char *key, long day)
{
	char buf[16];

	printf("\"%s\": ", key);
	record_json_string(stdout, date_format(day, buf, sizeof buf));
}

/* What is left of one limit, as flat keys ("sodium_left_day_mg" ...). */
static void
json_left(const char *stem, const char *unit, const struct suggest_left *l)
{
	char key[64];

	snprintf(key, sizeof key, "%s_limit_day_%s", stem, unit);
	printf("\"%s\": ", key);
	record_json_number(stdout, true, l->limit_day);
	snprintf(key, sizeof key, "%s_left_day_%s", stem, unit);
	json_key_num(key, true, l->day);
	printf(", \"%s_day_known\": %d, \"%s_day_entries\": %d, "
	    "\"%s_day_partial\": %s", stem, l->day_known, stem, l->day_count,
	    stem, l->day_partial ? "true" : "false");
	printf(",\n  ");
	snprintf(key, sizeof key, "%s_limit_week_%s", stem, unit);
	printf("\"%s\": ", key);
	record_json_number(stdout, true, l->limit_week);
	snprintf(key, sizeof key, "%s_left_week_%s", stem, unit);
	json_key_num(key, true, l->week);
	printf(", \"%s_week_known\": %d, \"%s_week_entries\": %d, "
	    "\"%s_week_partial\": %s", stem, l->week_known, stem,
	    l->week_count, stem, l->week_partial ? "true" : "false");
}

/* One stopping limit: which, what is left of it, and of the day or week. */
static void
json_stop_left(const char *nutrient, const struct suggest_left *l,
    bool first)
{
	bool week;
	double v = suggest_left_min(l, &week);

	printf("%s{\"nutrient\": \"%s\", \"left\": ", first ? "" : ", ",
	    nutrient);
	record_json_number(stdout, true, v);
	printf(", \"scope\": \"%s\"}", week ? "week" : "day");
}

/* Print the suggestions as one JSON object: every figure the text shows. */
static void
suggest_json(const struct session *x, const struct suggest *s)
{
	const char *stop = suggest_stop_name(s->stop);
	size_t i, listed = s->n < SUGGEST_JSON_MAX ? s->n : SUGGEST_JSON_MAX;
	double v = 0;
	bool known;

	printf("{\n  ");
	json_day("date", s->day);
	printf(", ");
	json_day("week_start", s->week_start);
	printf(", ");
	json_day("week_end", s->week_end);
	printf(",\n  \"anticoagulant\": %s", s->anticoagulant ? "true" :
	    "false");
	if (s->anticoagulant) {
		known = gauge_total_value(&s->day_vitk, &v);
		printf(",\n  \"vitamin_k_day_ug\": ");
		record_json_number(stdout, known, v);
		printf(", \"vitamin_k_day_known\": %d, "
		    "\"vitamin_k_day_entries\": %d", s->day_vitk.known,
		    s->day_vitk.count);
		json_key_num("vitamin_k_mean_ug", s->has_mean, s->mean_ug);
		printf(", \"vitamin_k_mean_days\": %d", s->mean_days);
	} else {
		printf(",\n  \"rich_servings\": ");
		record_json_number(stdout, true, s->rich_servings);
		json_key_num("rich_servings_goal", true, s->rich_servings_goal);
		json_key_num("rich_servings_missing", true, s->rich_missing);
		json_key_num("rich_threshold_ug", true,
		    x->cf.rich_threshold_ug);
	}
	printf(",\n  \"considered\": %zu, \"candidates_total\": %zu, "
	    "\"candidates_listed\": %zu,\n  ", s->considered, s->n, listed);
	json_left("sat_fat", "g", &s->sat_fat);
	printf(",\n  ");
	json_left("sodium", "mg", &s->sodium);
	printf(",\n  \"stop\": ");
	if (stop == NULL)
		fputs("null", stdout);
	else
		record_json_string(stdout, stop);
	printf(", \"stop_left\": [");
	if (s->stop == SUGGEST_STOP_SAT_FAT || s->stop == SUGGEST_STOP_BOTH)
		json_stop_left("sat_fat", &s->sat_fat, true);
	if (s->stop == SUGGEST_STOP_SODIUM || s->stop == SUGGEST_STOP_BOTH)
		json_stop_left("sodium", &s->sodium,
		    s->stop == SUGGEST_STOP_SODIUM);
	printf("],\n  \"candidates\": [");
	for (i = 0; i < listed; i++) {
		const struct suggest_candidate *c = &s->v[i];
		const struct food *f = &x->cat.foods[c->food];

		printf("%s\n    {\"id\": ", i ? "," : "");
		record_json_string(stdout, f->id);
		printf(", \"name\": ");
		record_json_string(stdout, f->name);
		json_key_num("k2_ug", c->k2_known, c->k2_ug);
		json_key_num("sodium_mg", c->sodium_known, c->sodium_mg);
		json_key_num("sat_fat_g", c->sat_fat_known, c->sat_fat_g);
		printf(", \"mk4_only\": %s, \"chain_unknown\": %s",
		    c->mk4_only ? "true" : "false",
		    c->chain_unknown ? "true" : "false");
		if (s->anticoagulant) {
			json_key_num("k1_ug", c->k1_known, c->k1_ug);
			json_key_num("vitamin_k_ug", true, c->vitk_ug);
			printf(", \"vitamin_k_partial\": %s",
			    c->vitk_partial ? "true" : "false");
			json_key_num("day_after_ug", true, c->day_after_ug);
			json_key_num("distance_ug", true, c->distance_ug);
		} else
			json_key_num("score", true, c->score);
		printf("}");
	}
	printf("%s]\n}\n", listed ? "\n  " : "");
}

/* The viewed day in a sentence: "today", or "on 2026-11-24". */
static const char *
day_words(const struct session *x, char *buf, size_t len)
{
	char d[16];

	if (x->day == x->today)
		snprintf(buf, len, "today");
	else
		snprintf(buf, len, "on %s", date_format(x->day, d, sizeof d));
	return buf;
}

/* A figure for people, and a mark after it when mark is not 0. */
static const char *
marked(char *buf, size_t len, double v, int decimals, char mark)
{
	size_t n;

	text_number(buf, len, v, decimals);
	n = strlen(buf);
	if (mark != '\0' && n + 1 < len) {
		buf[n] = mark;
		buf[n + 1] = '\0';
	}
	return buf;
}

/* Print s cut or padded to w columns (left, or right-aligned). */
static void
cell(const char *s, size_t w, bool right)
{
	char buf[512];
	size_t sw = text_width(s);

	if (right && sw < w)
		printf("%*s", (int)(w - sw), "");
	printf("%s", text_fit(buf, sizeof buf, s, w, !right));
}

/* One line of the table of what is left. */
static void
left_line(const char *label, const struct suggest_left *l, int decimals)
{
	char a[32], b[32];

	printf("  ");
	cell(label, 26, false);
	/*
	 * What is left of a partly known total is at most the figure (the
	 * gauge's '+' says "at least" of a total): a mark of its own.
	 */
	cell(marked(a, sizeof a, l->day, decimals, l->day_partial ?
	    LEFT_MARK : '\0'), 11, true);
	cell(marked(b, sizeof b, l->week, decimals, l->week_partial ?
	    LEFT_MARK : '\0'), 12, true);
	printf("\n");
	if (l->day_partial || l->week_partial)
		printf("    %c at most: known for %d of %d entries of the day, "
		    "%d of %d of the week\n", LEFT_MARK, l->day_known,
		    l->day_count, l->week_known, l->week_count);
}

/* The limit that stops the list, for the "nothing fits" line. */
static void
stop_part(const struct session *x, const struct suggest_left *l,
    const char *unit, int decimals, char *buf, size_t len)
{
	char n[32], d[32];
	bool week;
	double v = suggest_left_min(l, &week);

	snprintf(buf, len, "%s %s left %s", text_number(n, sizeof n, v,
	    decimals), unit, week ? "this week" : day_words(x, d, sizeof d));
}

/* Say why the list is empty, and what is left of the limit that stops it. */
static void
stop_text(const struct session *x, const struct suggest *s)
{
	char a[96], b[96], t[32];

	switch (s->stop) {
	case SUGGEST_STOP_NONE:
		break;
	case SUGGEST_STOP_SAT_FAT:
		stop_part(x, &s->sat_fat, "g", 1, a, sizeof a);
		printf("nothing fits: saturated fat stops it (%s)\n", a);
		break;
	case SUGGEST_STOP_SODIUM:
		stop_part(x, &s->sodium, "mg", 0, a, sizeof a);
		printf("nothing fits: sodium stops it (%s)\n", a);
		break;
	case SUGGEST_STOP_BOTH:
		stop_part(x, &s->sat_fat, "g", 1, a, sizeof a);
		stop_part(x, &s->sodium, "mg", 0, b, sizeof b);
		printf("nothing fits: saturated fat and sodium stop it "
		    "(%s; %s)\n", a, b);
		break;
	case SUGGEST_STOP_NO_FOOD:
		if (s->anticoagulant)
			printf("nothing fits: no food in the catalogue has "
			    "K1 or K2 known (supplements aside)\n");
		else
			printf("nothing fits: the catalogue has no K2-rich "
			    "food (at least %s %s of K2 a serving; "
			    "supplements aside)\n", text_number(t, sizeof t,
			    x->cf.rich_threshold_ug, 1), text_ug());
		break;
	case SUGGEST_STOP_NO_MEAN:
		printf("nothing to compare with: no other day of this week "
		    "has entries yet\n");
		break;
	}
}

/* The header lines: the day and the week. */
static void
head_text(const struct suggest *s)
{
	char a[16], b[16], c[16];

	printf("Suggestions for %s %s (week of %s %s to %s %s)\n",
	    date_weekday_abbr(date_weekday(s->day)),
	    date_format(s->day, a, sizeof a),
	    date_weekday_abbr(date_weekday(s->week_start)),
	    date_format(s->week_start, b, sizeof b),
	    date_weekday_abbr(date_weekday(s->week_end)),
	    date_format(s->week_end, c, sizeof c));
}

/* The mark beside a candidate's K2. */
static const char *
k2_mark(const struct suggest_candidate *c)
{
	if (c->mk4_only)
		return "MK-4 only";
	if (c->chain_unknown)
		return "chain not known";
	return "";
}

/* A per-serving value for the table, "?" when unknown. */
static const char *
value_text(char *buf, size_t len, bool known, double v, int decimals)
{
	if (!known)
		snprintf(buf, len, "?");
	else
		text_number(buf, len, v, decimals);
	return buf;
}

/* The two header lines of the candidates: what, then the unit. */
static void
candidates_head(const struct suggest *s, size_t wid, size_t wname,
    bool second)
{
	const char *ug = text_ug();

	cell(second ? "id" : "", wid, false);
	printf("  ");
	cell(second ? "name" : "", wname, false);
	printf("  ");
	if (s->anticoagulant) {
		cell(second ? ug : "vit K", 7, true);
		printf("  ");
		cell(second ? ug : "day then", 8, true);
	} else
		cell(second ? ug : "K2", 7, true);
	printf(" ");
	cell(second ? "mg" : "sodium", 6, true);
	printf(" ");
	cell(second ? "g" : "sat fat", 7, true);
	printf("\n");
}

/* Print the first candidates, one a line, within SUGGEST_COLS columns. */
static void
candidates_text(const struct session *x, const struct suggest *s)
{
	size_t i, shown = s->n < SUGGEST_TEXT_MAX ? s->n : SUGGEST_TEXT_MAX;
	size_t wid = 2, wname = 4, wmark = 0, w, fixed;
	char k[32], na[32], sf[32];
	bool unknown = false, partial = false;

	for (i = 0; i < shown; i++) {
		const struct suggest_candidate *c = &s->v[i];
		w = text_width(x->cat.foods[c->food].id);
		wid = w > wid ? w : wid;
		w = text_width(c->name);
		wname = w > wname ? w : wname;
		w = s->anticoagulant ? 0 : strlen(k2_mark(c));
		wmark = w > wmark ? w : wmark;
		unknown = unknown || !c->sodium_known || !c->sat_fat_known;
		partial = partial || (s->anticoagulant && c->vitk_partial);
	}
	wid = wid > SUGGEST_ID_MAX ? SUGGEST_ID_MAX : wid;
	/* id, name, K2 (7), the day then (8), sodium (6), sat fat (7), mark. */
	fixed = wid + 2 + 2 + 7 + 1 + 6 + 1 + 7 + (s->anticoagulant ? 8 + 2 :
	    0) + (wmark > 0 ? 2 + wmark : 0);
	w = SUGGEST_COLS > fixed + 12 ? SUGGEST_COLS - fixed : 12;
	wname = wname > w ? w : wname;

	candidates_head(s, wid, wname, false);
	candidates_head(s, wid, wname, true);
	for (i = 0; i < shown; i++) {
		const struct suggest_candidate *c = &s->v[i];

		cell(x->cat.foods[c->food].id, wid, false);
		printf("  ");
		cell(c->name, wname, false);
		printf("  ");
		if (s->anticoagulant) {
			cell(marked(k, sizeof k, c->vitk_ug, 1,
			    c->vitk_partial ? GAUGE_PARTIAL_MARK : '\0'), 7,
			    true);
			printf("  ");
			cell(text_number(k, sizeof k, c->day_after_ug, 0), 8,
			    true);
		} else
			cell(value_text(k, sizeof k, true, c->k2_ug, 1), 7,
			    true);
		printf(" ");
		cell(value_text(na, sizeof na, c->sodium_known, c->sodium_mg,
		    0), 6, true);
		printf(" ");
		cell(value_text(sf, sizeof sf, c->sat_fat_known, c->sat_fat_g,
		    1), 7, true);
		if (!s->anticoagulant && k2_mark(c)[0] != '\0')
			printf("  %s", k2_mark(c));
		printf("\n");
	}
	if (s->n > shown)
		printf("(%zu others not shown: --json lists up to %d)\n",
		    s->n - shown, SUGGEST_JSON_MAX);
	if (unknown)
		printf("? not known: counts as using all that is left\n");
	if (partial)
		printf("+ K1 or K2 not known for the food: the known part "
		    "only\n");
}

/* Print the suggestions for people. */
static void
suggest_text(const struct session *x, const struct suggest *s)
{
	char a[32], b[32], d[32];
	const char *ug = text_ug();

	head_text(s);
	printf("\n");
	if (s->anticoagulant) {
		printf("On an anticoagulant, steady vitamin K matters: foods "
		    "by how near one\nserving brings the day to the week's "
		    "daily mean.\n\n");
		printf("Vitamin K (K1 + K2) %s: %s %s", day_words(x, d,
		    sizeof d), gauge_total_text(a, sizeof a, &s->day_vitk, 0),
		    ug);
		if (s->day_vitk.known < s->day_vitk.count)
			printf(" (known for %d of %d entries)",
			    s->day_vitk.known, s->day_vitk.count);
		printf("\n");
		if (s->has_mean)
			printf("Daily mean of the week's other days with "
			    "entries: %s %s (%d day%s)\n", text_number(b,
			    sizeof b, s->mean_ug, 0), ug, s->mean_days,
			    s->mean_days == 1 ? "" : "s");
		else
			printf("Daily mean of the week's other days with "
			    "entries: none yet\n");
	} else {
		amount_format_quantity(a, sizeof a, s->rich_servings);
		amount_format_quantity(b, sizeof b, s->rich_servings_goal);
		printf("K2-rich servings this week: %s of %s, ", a, b);
		if (s->rich_missing > 0)
			printf("%s still missing\n", amount_format_quantity(d,
			    sizeof d, s->rich_missing));
		else
			printf("none missing\n");
	}
	printf("\n  ");
	cell("Left of the limits", 26, false);
	cell(x->day == x->today ? "today" : date_format(x->day, d, sizeof d),
	    11, true);
	cell("this week", 12, true);
	printf("\n");
	left_line("saturated fat g", &s->sat_fat, 1);
	left_line("sodium mg", &s->sodium, 0);
	printf("\n");
	if (s->stop != SUGGEST_STOP_NONE) {
		stop_text(x, s);
		return;
	}
	if (s->anticoagulant)
		printf("Foods, nearest the mean first (%zu in all; one default "
		    "serving each):\n", s->n);
	else
		printf("Foods that fit, best first (%zu in all; one default "
		    "serving each):\n", s->n);
	candidates_text(x, s);
}

/* k2diary suggest [--date DAY] [--json]. */
int
cmd_suggest(struct session *x, const struct cli_opts *o)
{
	struct entry_list l;
	struct gauge *g;
	struct suggest s;

	if (o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary suggest [--date DAY] "
		    "[--json]\n");
		return EXIT_USAGE;
	}
	if (cli_open_existing(x) != 0)
		return EXIT_ERROR;
	g = xmalloc(sizeof *g);
	if (cli_week(x, x->day, &l, g) != 0) {
		free(g);
		return EXIT_ERROR;
	}
	suggest_compute(&x->cat, &x->cf, g, x->day, &s);
	if (o->json)
		suggest_json(x, &s);
	else
		suggest_text(x, &s);
	suggest_release(&s);
	entry_list_release(&l);
	free(g);
	return EXIT_OK;
}
