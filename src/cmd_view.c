/* SPDX-License-Identifier: ISC */
/* Reading the diary: list (a day) and week (the gauge), as text or JSON. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "cli.h"
#include "cli_out.h"
#include "date.h"
#include "diary.h"
#include "gauge.h"
#include "record.h"
#include "session.h"
#include "text.h"
#include "util.h"

/* Say which of a day's or week's totals lack values ("" when none do). */
static void
coverage_line(char *buf, size_t len, const struct total *k2,
    const struct total *sf, const struct total *na, int entries)
{
	const struct total *t[3] = { k2, sf, na };
	static const char *const names[3] = { "K2", "sat fat", "sodium" };
	size_t i, used = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; i < 3; i++) {
		if (t[i]->known == entries)
			continue;
		w = snprintf(buf + used, len - used, "%s%s known for %d of %d "
		    "entries", used ? "; " : "", names[i], t[i]->known,
		    entries);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

/* list --json: the day's entries and its totals. */
static void
list_json(const struct entry_list *l, long day, const struct gauge_day *gd)
{
	char date[16];
	size_t i, n = 0;

	printf("{\"date\": \"%s\", \"entries\": [", date_format(day, date,
	    sizeof date));
	for (i = 0; i < l->n; i++) {
		if (l->v[i].day != day)
			continue;
		fputs(n++ ? ",\n  " : "\n  ", stdout);
		record_json(stdout, &l->v[i]);
	}
	printf("%s], \"totals\": {\"entries\": %d, ", n ? "\n" : "",
	    gd->entries);
	cli_json_total(stdout, "k2_ug", &gd->k2);
	fputs(", ", stdout);
	cli_json_total(stdout, "sat_fat_g", &gd->sat_fat);
	fputs(", ", stdout);
	cli_json_total(stdout, "sodium_mg", &gd->sodium);
	fputs(", ", stdout);
	cli_json_total(stdout, "kcal", &gd->kcal);
	printf("}}\n");
}

/* The widths of the amount and food columns for the day's entries. */
static void
list_widths(const struct entry_list *l, long day, size_t *wamt,
    size_t *wname)
{
	char amount[64];
	size_t i;

	*wname = 4;
	*wamt = 6;
	for (i = 0; i < l->n; i++) {
		if (l->v[i].day != day)
			continue;
		entry_amount_text(&l->v[i], amount, sizeof amount);
		if (text_width(l->v[i].food_name) > *wname)
			*wname = text_width(l->v[i].food_name);
		if (text_width(amount) > *wamt)
			*wamt = text_width(amount);
	}
	if (*wname > 40)
		*wname = 40;
}

/* list: a table of the day's entries, its totals and their coverage. */
static void
list_text(const struct entry_list *l, long day, const struct gauge_day *gd)
{
	char amount[64], k2[32], sf[32], na[32], id[24], cov[256];
	size_t i, wname, wamt;

	list_widths(l, day, &wamt, &wname);
	cli_cell("id", 5, true);
	cli_cell("amount", wamt, false);
	cli_cell("food", wname, false);
	snprintf(k2, sizeof k2, "K2 %s", text_ug());
	cli_cell(k2, 7, true);
	cli_cell("sat fat g", 9, true);
	printf("sodium mg\n");
	for (i = 0; i < l->n; i++) {
		const struct entry *e = &l->v[i];
		if (e->day != day)
			continue;
		snprintf(id, sizeof id, "#%lld", (long long)e->id);
		entry_amount_text(e, amount, sizeof amount);
		cli_cell(id, 5, true);
		cli_cell(amount, wamt, false);
		cli_cell(e->food_name, wname, false);
		cli_cell(cli_fmt_nut(k2, sizeof k2, &e->nut, NUT_K2), 7, true);
		cli_cell(cli_fmt_nut(sf, sizeof sf, &e->nut, NUT_SAT_FAT), 9, true);
		printf("%9s\n", cli_fmt_nut(na, sizeof na, &e->nut, NUT_SODIUM));
	}
	cli_cell("", 5, true);
	cli_cell("", wamt, false);
	cli_cell("total", wname, false);
	cli_cell(gauge_total_text(k2, sizeof k2, &gd->k2, gd->k2.sum >= 100 ?
	    0 : 1), 7, true);
	cli_cell(gauge_total_text(sf, sizeof sf, &gd->sat_fat, 1), 9, true);
	printf("%9s\n", gauge_total_text(na, sizeof na, &gd->sodium, 0));
	coverage_line(cov, sizeof cov, &gd->k2, &gd->sat_fat, &gd->sodium,
	    gd->entries);
	if (cov[0] != '\0')
		printf("%s (+ partly known, ? not known)\n", cov);
}

int
cmd_list(struct session *x, const struct cli_opts *o)
{
	struct entry_list l;
	struct gauge *g;
	const struct gauge_day *gd;
	char day[16];

	if (o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary list [--date DAY] "
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
	/* The day's totals are the gauge's: one place adds them up. */
	gd = &g->days[x->day - g->week_start];
	if (o->json)
		list_json(&l, x->day, gd);
	else {
		printf("%s %s: %d %s\n", date_weekday_abbr(date_weekday(x->day)),
		    date_format(x->day, day, sizeof day), gd->entries,
		    gd->entries == 1 ? "entry" : "entries");
		if (gd->entries > 0)
			list_text(&l, x->day, gd);
	}
	entry_list_release(&l);
	free(g);
	return EXIT_OK;
}

/* One day of week --json. */
static void
week_json_day(const struct gauge *g, const struct gauge_day *d, bool first)
{
	printf("%s\n    {\"date\": ", first ? "" : ",");
	cli_json_day(stdout, d->day);
	printf(", \"entries\": %d, \"rich_servings\": ", d->entries);
	record_json_number(stdout, true, d->rich_servings);
	printf(", ");
	cli_json_total(stdout, "k2_ug", &d->k2);
	printf(", ");
	cli_json_total(stdout, "sat_fat_g", &d->sat_fat);
	printf(", \"sat_fat_status\": \"%s\", ",
	    gauge_level_name(d->sat_fat_status));
	cli_json_total(stdout, "sodium_mg", &d->sodium);
	printf(", \"sodium_status\": \"%s\", ",
	    gauge_level_name(d->sodium_status));
	cli_json_total(stdout, "kcal", &d->kcal);
	if (g->anticoagulant) {
		printf(", ");
		cli_json_total(stdout, "vitamin_k_ug", &d->vitk);
		printf(", \"vitamin_k_swing\": %s", d->vitk_swing ? "true" :
		    "false");
	}
	printf("}");
}

/* One warning of week --json. */
static void
week_json_warning(const struct gauge_warning *w, bool first)
{
	printf("%s\n    {\"nutrient\": \"%s\", \"scope\": \"%s\", ",
	    first ? "" : ",", w->nutrient == NUT_SAT_FAT ? "sat_fat" :
	    "sodium", w->week ? "week" : "day");
	printf("\"date\": ");
	cli_json_day(stdout, w->day);
	printf(", \"level\": \"%s\", \"amount\": ",
	    gauge_level_name(w->level));
	record_json_number(stdout, true, w->amount);
	printf(", \"limit\": ");
	record_json_number(stdout, true, w->limit);
	printf(", \"known\": %d, \"entries\": %d, \"message\": ", w->known,
	    w->count);
	record_json_string(stdout, w->message);
	printf("}");
}

static void
week_json(const struct gauge *g)
{
	size_t i;

	printf("{\n  \"week_start\": ");
	cli_json_day(stdout, g->week_start);
	printf(",\n  \"week_end\": ");
	cli_json_day(stdout, g->week_end);
	printf(",\n  \"entries\": %d,\n  \"rich_servings\": ", g->entries);
	record_json_number(stdout, true, g->rich_servings);
	printf(", \"rich_servings_goal\": ");
	record_json_number(stdout, true, g->rich_servings_goal);
	printf(",\n  ");
	cli_json_total(stdout, "k2_ug", &g->k2);
	printf(", \"k2_goal_ug\": ");
	record_json_number(stdout, true, g->k2_goal_ug);
	printf(",\n  ");
	cli_json_total(stdout, "mk4_ug", &g->mk4);
	printf(", ");
	cli_json_total(stdout, "mk7_ug", &g->mk7);
	printf(", ");
	cli_json_total(stdout, "mk_other_ug", &g->mk_other);
	printf(",\n  \"chain_unknown_ug\": ");
	record_json_number(stdout, true, g->chain_unknown_ug);
	printf(", \"chain_unknown_entries\": %d, \"mk4_only_entries\": %d,\n  ",
	    g->chain_unknown_entries, g->mk4_only_entries);
	cli_json_total(stdout, "sat_fat_g", &g->sat_fat);
	printf(", \"sat_fat_limit_g\": ");
	record_json_number(stdout, true, g->sat_fat_limit_g);
	printf(", \"sat_fat_status\": \"%s\",\n  ",
	    gauge_level_name(g->sat_fat_status));
	cli_json_total(stdout, "sodium_mg", &g->sodium);
	printf(", \"sodium_limit_mg\": ");
	record_json_number(stdout, true, g->sodium_limit_mg);
	printf(", \"sodium_status\": \"%s\",\n  ",
	    gauge_level_name(g->sodium_status));
	cli_json_total(stdout, "kcal", &g->kcal);
	if (g->anticoagulant) {
		printf(",\n  \"vitamin_k_daily_mean_ug\": ");
		record_json_number(stdout, true, g->vitk_mean_ug);
	}
	printf(",\n  \"days\": [");
	for (i = 0; i < 7; i++)
		week_json_day(g, &g->days[i], i == 0);
	printf("\n  ],\n  \"warnings\": [");
	for (i = 0; i < g->n_warnings; i++)
		week_json_warning(&g->warnings[i], i == 0);
	printf("%s]\n}\n", g->n_warnings ? "\n  " : "");
}

/* One gauge line: "Sodium mg        3,085+ / 16,100  [#####....] unknown". */
static void
gauge_line(const char *label, const char *value, const char *goal,
    double share, const char *after)
{
	char br[40];

	cli_bar(br, 28, share);
	cli_cell_sep(label, 18, false, "");
	cli_cell_sep(value, 9, true, " / ");
	cli_cell_sep(goal, 7, false, " ");
	printf("%s %s\n", br, after);
}

/* A status and what is missing: "unknown (known for 5 of 7 entries)". */
static void
status_text(char *buf, size_t len, enum level l, const struct total *t)
{
	snprintf(buf, len, "%s", gauge_level_name(l));
	if (t->known < t->count)
		snprintf(buf + strlen(buf), len - strlen(buf),
		    " (known for %d of %d entries)", t->known, t->count);
}

/* The week's gauges: servings, K2 and its chains, the two limits. */
static void
week_text_gauges(const struct gauge *g)
{
	char n1[32], n2[32], n3[32], n4[32], rich[32], after[96], label[32];
	const char *ug = text_ug();
	double v = 0;

	amount_format_quantity(rich, sizeof rich, g->rich_servings);
	amount_format_quantity(n1, sizeof n1, g->rich_servings_goal);
	snprintf(after, sizeof after, "%s%%", text_number(n2, sizeof n2,
	    100 * g->rich_servings / g->rich_servings_goal, 0));
	gauge_line("K2-rich servings", rich, n1, g->rich_servings /
	    g->rich_servings_goal, after);
	snprintf(label, sizeof label, "K2 %s", ug);
	if (gauge_total_value(&g->k2, &v))
		snprintf(after, sizeof after, "%s%%", text_number(n2,
		    sizeof n2, 100 * v / g->k2_goal_ug, 0));
	else
		snprintf(after, sizeof after, "?");
	gauge_line(label, gauge_total_text(n1, sizeof n1, &g->k2, 0),
	    text_number(n2, sizeof n2, g->k2_goal_ug, 0), v / g->k2_goal_ug,
	    after);
	printf("  MK-4 %s %s, MK-7 %s %s, other chains %s %s",
	    text_number(n1, sizeof n1, g->mk4.sum, 1), ug,
	    text_number(n2, sizeof n2, g->mk7.sum, 1), ug,
	    text_number(n3, sizeof n3, g->mk_other.sum, 1), ug);
	if (g->chain_unknown_ug > 0)
		printf(", chain not known %s %s", text_number(n4, sizeof n4,
		    g->chain_unknown_ug, 1), ug);
	printf("\n  K2 known for %d of %d entries", g->k2.known, g->entries);
	if (g->chain_unknown_entries > 0)
		printf(", chain not known for %d (MK-4 only: %d)",
		    g->chain_unknown_entries, g->mk4_only_entries);
	printf("\n");
	v = 0;
	gauge_total_value(&g->sat_fat, &v);
	status_text(after, sizeof after, g->sat_fat_status, &g->sat_fat);
	gauge_line("Saturated fat g", gauge_total_text(n1, sizeof n1,
	    &g->sat_fat, 1), text_number(n2, sizeof n2, g->sat_fat_limit_g,
	    g->sat_fat_limit_g == floor(g->sat_fat_limit_g) ? 0 : 1),
	    v / g->sat_fat_limit_g, after);
	v = 0;
	gauge_total_value(&g->sodium, &v);
	status_text(after, sizeof after, g->sodium_status, &g->sodium);
	gauge_line("Sodium mg", gauge_total_text(n1, sizeof n1, &g->sodium,
	    0), text_number(n2, sizeof n2, g->sodium_limit_mg, 0),
	    v / g->sodium_limit_mg, after);
}

/* One day's row of the week's table; true when a total is partial. */
static bool
week_text_day(const struct session *x, const struct gauge *g,
    const struct gauge_day *d)
{
	char a[16], n1[32], n2[32], n3[32], n4[32], rich[32];

	snprintf(n4, sizeof n4, "%s %s%s", date_weekday_abbr(date_weekday(
	    d->day)), date_format(d->day, a, sizeof a), d->day == x->day ?
	    "*" : "");
	cli_cell(n4, 15, false);
	snprintf(n1, sizeof n1, "%d", d->entries);
	cli_cell(n1, 7, true);
	cli_cell(amount_format_quantity(rich, sizeof rich, d->rich_servings),
	    7, true);
	cli_cell(gauge_total_text(n1, sizeof n1, &d->k2, 0), 9, true);
	cli_cell(gauge_total_text(n2, sizeof n2, &d->sat_fat, 1), 9, true);
	cli_cell(gauge_level_name(d->sat_fat_status), 7, false);
	cli_cell(gauge_total_text(n3, sizeof n3, &d->sodium, 0), 9, true);
	printf("%s\n", gauge_level_name(d->sodium_status));
	if (g->anticoagulant && d->entries > 0)
		printf("                vitamin K (K1 + K2) %s %s, known for %d "
		    "of %d entries%s\n", gauge_total_text(n4, sizeof n4,
		    &d->vitk, 0), text_ug(), d->vitk.known, d->entries,
		    d->vitk_swing ? ": differs from the week's mean by more "
		    "than half" : "");
	return total_partial(&d->k2) || total_unknown(&d->k2) ||
	    total_partial(&d->sat_fat) || total_unknown(&d->sat_fat) ||
	    total_partial(&d->sodium) || total_unknown(&d->sodium);
}

static void
week_text(const struct session *x, const struct gauge *g)
{
	char a[16], b[16], n[32], label[32];
	bool marks = false;
	size_t i;

	date_format(g->week_start, a, sizeof a);
	date_format(g->week_end, b, sizeof b);
	printf("Week of %s %s to %s %s\n\n",
	    date_weekday_abbr(date_weekday(g->week_start)), a,
	    date_weekday_abbr(date_weekday(g->week_end)), b);
	week_text_gauges(g);
	printf("\n");
	snprintf(label, sizeof label, "K2 %s", text_ug());
	cli_cell("Day", 15, false);
	cli_cell("entries", 7, true);
	cli_cell("K2-rich", 7, true);
	cli_cell(label, 9, true);
	cli_cell("sat fat g", 9, true);
	cli_cell("", 7, false);
	cli_cell_sep("sodium mg", 9, true, "\n");
	for (i = 0; i < 7; i++)
		marks = week_text_day(x, g, &g->days[i]) || marks;
	printf("(* the day asked for%s)\n", marks ? "; + known for only some "
	    "entries; ? known for none" : "");
	if (g->anticoagulant)
		printf("\nOn an anticoagulant, steady vitamin K matters more "
		    "than more of it: the week's daily mean is %s %s.\n",
		    text_number(n, sizeof n, g->vitk_mean_ug, 0), text_ug());
	if (g->n_warnings > 0) {
		printf("\nWarnings\n");
		for (i = 0; i < g->n_warnings; i++)
			printf("  %s: %s\n", g->warnings[i].level == LEVEL_OVER
			    ? "OVER" : "near", g->warnings[i].message);
	}
}

int
cmd_week(struct session *x, const struct cli_opts *o)
{
	struct entry_list l;
	struct gauge *g;

	if (o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary week [--date DAY] "
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
	if (o->json)
		week_json(g);
	else
		week_text(x, g);
	entry_list_release(&l);
	free(g);
	return EXIT_OK;
}
