/* SPDX-License-Identifier: ISC */
/* What the commands print alike: cells, figures, entries, warnings, JSON totals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "cli.h"
#include "cli_out.h"
#include "date.h"
#include "diary.h"
#include "record.h"
#include "rules.h"
#include "search.h"
#include "session.h"
#include "text.h"
#include "util.h"

#define MAX_CANDIDATES 10

/* Print a diagnostic on its own line. */
void
cli_print_diag(const struct diag *d)
{
	char buf[1024];

	diag_format(d, buf, sizeof buf);
	fprintf(stderr, "%s\n", buf);
}

int
cli_parse_day(struct session *x, const char *s, long *out)
{
	struct diag d;

	if (date_parse_day(s, x->today, out, &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return -1;
	}
	return 0;
}

/* A nutrient value for a table, or "?" when unknown. */
char *
cli_fmt_nut(char *buf, size_t len, const struct nutrients *n, enum nutrient k)
{
	if (!nutrients_has(n, k))
		snprintf(buf, len, "?");
	else
		text_number(buf, len, n->v[k], k == NUT_SODIUM ||
		    k == NUT_KCAL || n->v[k] >= 100 ? 0 : 1);
	return buf;
}

void
cli_food_flags(const struct session *x, const struct food *f, char *buf, size_t len)
{
	rule_flag_words(rule_food_flags(&x->cf, f), RULE_WORDS_LONG, buf, len);
}

/* Print s cut or padded to w columns (left, or right-aligned), then sep. */
void
cli_cell_sep(const char *s, size_t w, bool right, const char *sep)
{
	char buf[512];
	size_t sw = text_width(s);

	if (right && sw < w)
		printf("%*s", (int)(w - sw), "");
	text_fit(buf, sizeof buf, s, w, !right);
	printf("%s%s", buf, sep);
}

/* Print a padded cell: s cut or padded to w columns, then a gap. */
void
cli_cell(const char *s, size_t w, bool right)
{
	cli_cell_sep(s, w, right, "  ");
}

/* "1 slice (28 g)", or "1 capsule" without a weight. */
void
cli_serving_text(const struct food *f, char *buf, size_t len)
{
	char g[32];

	if (f->servings[0].grams > 0)
		snprintf(buf, len, "1 %s (%s g)", f->servings[0].label,
		    amount_format_quantity(g, sizeof g, f->servings[0].grams));
	else
		snprintf(buf, len, "1 %s", f->servings[0].label);
}

void
cli_print_entry_line(const struct entry *e, const char *verb)
{
	char day[16], amount[64], k2[32], sf[32], na[32], name[256];

	date_format(e->day, day, sizeof day);
	entry_amount_text(e, amount, sizeof amount);
	text_inert(amount);
	text_fit(name, sizeof name, e->food_name, 60, false);
	printf("%s #%lld on %s: %s %s (K2 %s %s, sat fat %s g, sodium %s mg)\n",
	    verb, (long long)e->id, day, amount, name,
	    cli_fmt_nut(k2, sizeof k2, &e->nut, NUT_K2), text_ug(),
	    cli_fmt_nut(sf, sizeof sf, &e->nut, NUT_SAT_FAT),
	    cli_fmt_nut(na, sizeof na, &e->nut, NUT_SODIUM));
}

/*
 * The food a command's FOOD names (DESIGN §3c): an id, a whole name, or a
 * search whose best tier holds one food. Otherwise the best ten are
 * listed and NULL is returned.
 */
const struct food *
cli_resolve_food(struct session *x, const char *q)
{
	struct search_index ix;
	struct search_hit hits[MAX_CANDIDATES];
	const struct food *f = NULL;
	size_t n, i;
	long k;

	search_index_init(&ix, &x->cat);
	k = search_resolve(&ix, q, hits, MAX_CANDIDATES, &n);
	search_index_release(&ix);
	if (k >= 0)
		return &x->cat.foods[k];
	if (n == 0) {
		fprintf(stderr, "k2diary: no food matches '%s' (see "
		    "'k2diary foods')\n", q);
		return NULL;
	}
	fprintf(stderr, "k2diary: '%s' matches %zu foods; nothing logged. "
	    "Use an id:\n", q, n);
	for (i = 0; i < n && i < MAX_CANDIDATES; i++) {
		char name[128];
		f = &x->cat.foods[hits[i].food];
		text_fit(name, sizeof name, f->name, 50, false);
		fprintf(stderr, "  %-20s %s\n", f->id, name);
	}
	if (n > MAX_CANDIDATES)
		fprintf(stderr, "  ... and %zu more\n", n - MAX_CANDIDATES);
	return NULL;
}

/* The week holding day and its gauge; the error printed. */
int
cli_week(struct session *x, long day, struct entry_list *l, struct gauge *g)
{
	struct diag d;

	if (session_week(x, day, l, g, &d) != 0) {
		cli_print_diag(&d);
		return -1;
	}
	return 0;
}

/* Print the warnings of e's day that got worse from before to after. */
void
cli_print_new_warnings(const struct session *x, const struct food *f,
    const struct gauge *before, const struct gauge *after, long day)
{
	unsigned fl = f != NULL ? rule_food_flags(&x->cf, f) : 0;
	size_t idx[GAUGE_MAX_WARNINGS], n, i;
	char v1[32], v2[32];
	double v;

	if ((fl & RULE_SAT_FAT) && food_per_serving(f, NUT_SAT_FAT, &v))
		printf("note: %s is high in saturated fat (%s g a serving, "
		    "%s%% of the daily limit)\n", f->name,
		    text_number(v1, sizeof v1, v, 1), text_number(v2,
		    sizeof v2, 100 * v / x->cf.sat_fat_limit_g, 0));
	if ((fl & RULE_SODIUM) && food_per_serving(f, NUT_SODIUM, &v))
		printf("note: %s is high in sodium (%s mg a serving, "
		    "%s%% of the daily limit)\n", f->name,
		    text_number(v1, sizeof v1, v, 0), text_number(v2,
		    sizeof v2, 100 * v / x->cf.sodium_limit_mg, 0));
	n = rule_new_warnings(before, after, day, idx, GAUGE_MAX_WARNINGS);
	for (i = 0; i < n; i++)
		printf("warning: %s\n", after->warnings[idx[i]].message);
}

void
cli_json_day(FILE *fp, long day)
{
	char buf[16];

	record_json_string(fp, date_format(day, buf, sizeof buf));
}

/*
 * A total as "k2_ug": value, "k2_known": n; the value is null when no
 * entry had it. The key of the count is the value's key without its unit.
 */
void
cli_json_total(FILE *fp, const char *key, const struct total *t)
{
	const char *unit = strrchr(key, '_');
	int stem = unit != NULL && strcmp(key, "kcal") != 0 ?
	    (int)(unit - key) : (int)strlen(key);
	double v;
	bool known = gauge_total_value(t, &v);

	fprintf(fp, "\"%s\": ", key);
	record_json_number(fp, known, v);
	fprintf(fp, ", \"%.*s_known\": %d", stem, key, t->known);
}

void
cli_bar(char *buf, size_t width, double share)
{
	size_t i, fill;

	if (!(share > 0))
		share = 0;
	fill = (size_t)llround(share > 1 ? (double)width :
	    share * (double)width);
	buf[0] = '[';
	for (i = 0; i < width; i++)
		buf[i + 1] = i < fill ? '#' : '.';
	buf[width + 1] = ']';
	buf[width + 2] = '\0';
}

/* Open (or create) the diary; the error printed. */
int
cli_open_diary(struct session *x)
{
	struct diag d;

	if (session_open_diary(x, false, &d) == 0)
		return 0;
	cli_print_diag(&d);
	return -1;
}

/* Open an existing diary for a command that only reads or changes it. */
int
cli_open_existing(struct session *x)
{
	struct diag d;

	if (session_open_diary(x, true, &d) == 0)
		return 0;
	cli_print_diag(&d);
	return -1;
}
