/* SPDX-License-Identifier: ISC */
/* The weekly gauge: K2-rich servings, K2 and the fat and sodium limits of a week. */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "entry.h"
#include "food.h"
#include "gauge.h"
#include "text.h"

/*
 * Sums of decimal values carry round-off (0.2 + 8.2 + 7.6 is
 * 15.999999999999998): a relative slack this small keeps such a sum on the
 * side of the boundary it is on when written out, without moving any
 * boundary a person could see.
 */
#define GAUGE_SLACK 1e-9

/* How many entries a warning names. */
#define GAUGE_TOP 3

/* Longest food name, in bytes, that a warning quotes (cut on a character). */
#define GAUGE_NAME_MAX 48

/* The entries that give most of one nutrient, largest first. */
struct top {
	const struct entry *e[GAUGE_TOP];
	size_t		 n;
};

/* Does the level say a warning is due? */
static bool
level_warns(enum level l)
{
	return l == LEVEL_NEAR || l == LEVEL_OVER;
}

/* Count the entry in t, and add its value of nutrient k when it is known. */
static void
total_add(struct total *t, const struct entry *e, enum nutrient k)
{
	t->count++;
	if (!nutrients_has(&e->nut, k))
		return;
	t->sum += e->nut.v[k];
	t->known++;
}

/*
 * Keep e among the GAUGE_TOP largest of nutrient k. Only known, positive
 * values count; on a tie the entry seen first stays ahead.
 */
static void
top_offer(struct top *t, const struct entry *e, enum nutrient k)
{
	double v;
	size_t i, j;

	if (!nutrients_has(&e->nut, k) || !(e->nut.v[k] > 0))
		return;
	v = e->nut.v[k];
	for (i = 0; i < t->n; i++)
		if (v > t->e[i]->nut.v[k])
			break;
	if (i == GAUGE_TOP)
		return;
	if (t->n < GAUGE_TOP)
		t->n++;
	for (j = t->n - 1; j > i; j--)
		t->e[j] = t->e[j - 1];
	t->e[i] = e;
}

/* A string built in a fixed buffer; what does not fit is dropped. */
struct sbuf {
	char		*p;
	size_t		 size;
	size_t		 len;
	bool		 full;
};

/* Start an empty string in p (size bytes). */
static void
sbuf_init(struct sbuf *sb, char *p, size_t size)
{
	sb->p = p;
	sb->size = size;
	sb->len = 0;
	sb->full = size == 0;
	if (size > 0)
		p[0] = '\0';
}

/*
 * Append n bytes of s. When they do not fit, append what does, cut before
 * a UTF-8 character that would be split, and take nothing more.
 */
static void
sbuf_addn(struct sbuf *sb, const char *s, size_t n)
{
	size_t room;

	if (sb->full)
		return;
	room = sb->size - 1 - sb->len;
	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		sb->full = true;
	}
	memcpy(sb->p + sb->len, s, n);
	sb->len += n;
	sb->p[sb->len] = '\0';
}

/* Append the string s. */
static void
sbuf_add(struct sbuf *sb, const char *s)
{
	sbuf_addn(sb, s, strlen(s));
}

/*
 * Append v with the given decimals (0 or 1) and a comma between
 * thousands: "2,610", "17.3", "1,204.5". Digits are made by hand, not
 * by printf's %f, so the locale's decimal point never leaks in.
 */
static void
sbuf_number(struct sbuf *sb, double v, int decimals)
{
	char num[48];

	sbuf_add(sb, text_number(num, sizeof num, v, decimals));
}

/* Append a limit: one decimal, without a trailing ".0" ("20", "22.5", "16,100"). */
static void
sbuf_limit(struct sbuf *sb, double v)
{
	char num[64];
	struct sbuf tmp;

	sbuf_init(&tmp, num, sizeof num);
	sbuf_number(&tmp, v, 1);
	if (tmp.len >= 2 && strcmp(num + tmp.len - 2, ".0") == 0)
		num[tmp.len - 2] = '\0';
	sbuf_add(sb, num);
}

/* Unit of a nutrient in warnings. */
static const char *
unit(enum nutrient k)
{
	return k == NUT_SODIUM ? "mg" : "g";
}

/* Append an amount of nutrient k with its unit: "17.3 g", "2,610 mg". */
static void
sbuf_amount(struct sbuf *sb, enum nutrient k, double v)
{
	sbuf_number(sb, v, k == NUT_SODIUM ? 0 : 1);
	sbuf_add(sb, " ");
	sbuf_add(sb, unit(k));
}

/* Bytes of s to quote: at most max, not cutting a UTF-8 character. */
static size_t
name_len(const char *s, size_t max)
{
	size_t n;

	n = strlen(s);
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/*
 * Fill w with a warning about nutrient k: scope (a day, or the week that
 * starts on day), the amount against the limit, and the entries that
 * gave the most.
 */
static void
warning_fill(struct gauge_warning *w, enum nutrient k, bool week, long day,
    enum level level, const struct total *t, double limit,
    const struct top *top)
{
	char num[64];
	double amount = t->sum;
	struct sbuf sb;
	char date[16];
	const char *name;
	size_t i;

	memset(w, 0, sizeof *w);
	w->nutrient = k;
	w->week = week;
	w->day = day;		/* for the week, its first day */
	w->level = level;
	w->amount = amount;
	w->limit = limit;
	w->known = t->known;
	w->count = t->count;

	date_format(day, date, sizeof date);
	sbuf_init(&sb, w->message, sizeof w->message);
	if (week)
		sbuf_add(&sb, "week of ");
	else {
		sbuf_add(&sb, date_weekday_abbr(date_weekday(day)));
		sbuf_add(&sb, " ");
	}
	sbuf_add(&sb, date);
	sbuf_add(&sb, k == NUT_SODIUM ? ": sodium " : ": saturated fat ");
	sbuf_amount(&sb, k, amount);
	sbuf_add(&sb, level == LEVEL_OVER ? " is over the " : " is near the ");
	sbuf_limit(&sb, limit);
	sbuf_add(&sb, " ");
	sbuf_add(&sb, unit(k));
	sbuf_add(&sb, week ? " weekly limit" : " daily limit");
	for (i = 0; i < top->n; i++) {
		name = top->e[i]->food_name != NULL ? top->e[i]->food_name : "?";
		sbuf_add(&sb, i == 0 ? " (" : ", ");
		sbuf_addn(&sb, name, name_len(name, GAUGE_NAME_MAX));
		sbuf_add(&sb, " ");
		sbuf_amount(&sb, k, top->e[i]->nut.v[k]);
	}
	if (top->n > 0)
		sbuf_add(&sb, ")");
	if (total_partial(t)) {
		/* The known values alone reach the level: say what is missing. */
		snprintf(num, sizeof num, "; known for %d of %d entries",
		    t->known, t->count);
		sbuf_add(&sb, num);
	}
	/* Names come from the diary: never let one drive a terminal. */
	text_inert(w->message);
}

/* Append a warning unless the list is full. */
static void
warning_add(struct gauge *g, enum nutrient k, bool week, long day,
    enum level level, const struct total *t, double limit,
    const struct top *top)
{
	if (g->n_warnings >= GAUGE_MAX_WARNINGS)
		return;
	warning_fill(&g->warnings[g->n_warnings++], k, week, day, level,
	    t, limit, top);
}

/* Is the entry's day in the week that starts on week_start? */
static bool
in_week(const struct entry *e, long week_start)
{
	return e->day >= week_start && e->day - week_start <= 6;
}

/*
 * The entries of the week that give the most of nutrient k, on one day
 * (day >= 0 from week_start) or over the week (day < 0).
 */
static void
top_collect(struct top *t, const struct entry *entries, size_t n,
    long week_start, int day, enum nutrient k)
{
	size_t i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < n; i++) {
		if (!in_week(&entries[i], week_start))
			continue;
		if (day >= 0 && entries[i].day != week_start + day)
			continue;
		top_offer(t, &entries[i], k);
	}
}

/*
 * Vitamin K consistency, for anticoagulant users. A day's vitk is K1 + K2
 * over the known values; an entry counts in vitk.known when K1 or K2 (or
 * both) is known. The mean is over the days that have entries, and a day
 * swings when it has entries and differs from a positive mean by more than
 * half of it. This adds nothing to the warnings, which stay about
 * saturated fat and sodium: the caller words the notes from
 * days[].vitk_swing and vitk_mean_ug.
 */
static void
gauge_vitk(struct gauge *g, const struct entry *entries, size_t n)
{
	struct gauge_day *d;
	const struct entry *e;
	double sum;
	size_t i;
	int days;

	for (i = 0; i < n; i++) {
		e = &entries[i];
		if (!in_week(e, g->week_start))
			continue;
		d = &g->days[e->day - g->week_start];
		d->vitk.count++;
		if (nutrients_has(&e->nut, NUT_K1))
			d->vitk.sum += e->nut.v[NUT_K1];
		if (nutrients_has(&e->nut, NUT_K2))
			d->vitk.sum += e->nut.v[NUT_K2];
		if (nutrients_has(&e->nut, NUT_K1) ||
		    nutrients_has(&e->nut, NUT_K2))
			d->vitk.known++;
	}
	sum = 0;
	days = 0;
	for (i = 0; i < 7; i++) {
		if (g->days[i].entries == 0)
			continue;
		sum += g->days[i].vitk.sum;
		days++;
	}
	if (days == 0)
		return;
	g->vitk_mean_ug = sum / days;
	if (!(g->vitk_mean_ug > 0))
		return;
	for (i = 0; i < 7; i++) {
		d = &g->days[i];
		d->vitk_swing = d->entries > 0 &&
		    fabs(d->vitk.sum - g->vitk_mean_ug) > 0.5 * g->vitk_mean_ug;
	}
}

/*
 * ok below GAUGE_NEAR_SHARE of the limit, near from it up to the limit
 * itself, over above it. A limit that is not positive makes any positive
 * amount over.
 */
enum level
gauge_level(double amount, double limit)
{
	double share;

	if (!(limit > 0))
		return amount > 0 ? LEVEL_OVER : LEVEL_OK;
	share = amount / limit;
	if (share > 1 + GAUGE_SLACK)
		return LEVEL_OVER;
	if (share >= GAUGE_NEAR_SHARE - GAUGE_SLACK)
		return LEVEL_NEAR;
	return LEVEL_OK;
}

/* The status of a total against a limit. */
enum level
gauge_status(const struct total *t, double limit)
{
	enum level l = gauge_level(t->sum, limit);

	if (t->known == t->count)
		return l;
	if (t->known == 0)
		return LEVEL_UNKNOWN;
	return l == LEVEL_OK ? LEVEL_UNKNOWN : l;
}

/* Name a level: "ok", "unknown", "near", "over". */
const char *
gauge_level_name(enum level l)
{
	switch (l) {
	case LEVEL_OK:
		return "ok";
	case LEVEL_UNKNOWN:
		return "unknown";
	case LEVEL_NEAR:
		return "near";
	case LEVEL_OVER:
		return "over";
	}
	return "?";
}

/* A total as text: "?" when unknown, "23.8+" when partly known. */
char *
gauge_total_text(char *buf, size_t len, const struct total *t, int decimals)
{
	size_t n;

	if (total_unknown(t)) {
		snprintf(buf, len, "?");
		return buf;
	}
	text_number(buf, len, t->sum, decimals);
	n = strlen(buf);
	if (total_partial(t) && n + 1 < len) {
		buf[n] = GAUGE_PARTIAL_MARK;
		buf[n + 1] = '\0';
	}
	return buf;
}

/* A total's value, or false when it is unknown. */
bool
gauge_total_value(const struct total *t, double *out)
{
	if (total_unknown(t))
		return false;
	*out = t->sum;
	return true;
}

/* Rank of a warning on the day screen: lower comes first. */
static int
warning_rank(const struct gauge_warning *w)
{
	return (w->level == LEVEL_OVER ? 0 : 4) + (w->week ? 2 : 0) +
	    (w->nutrient == NUT_SAT_FAT ? 0 : 1);
}

/* The day screen's warnings for day, most severe first. */
size_t
gauge_warnings_for_day(const struct gauge *g, long day, size_t *idx,
    size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < g->n_warnings && n < max; i++) {
		const struct gauge_warning *w = &g->warnings[i];
		if (!w->week && w->day != day)
			continue;
		for (j = n; j > 0 && warning_rank(&g->warnings[idx[j - 1]]) >
		    warning_rank(w); j--)
			idx[j] = idx[j - 1];
		idx[j] = i;
		n++;
	}
	return n;
}

/* Add e, an entry of the week, to its day's totals and the week's. */
static void
week_add(struct gauge *out, const struct config *cfg, const struct entry *e)
{
	struct gauge_day *d = &out->days[e->day - out->week_start];

	d->entries++;
	out->entries++;
	if (entry_is_k2_rich(e, cfg->rich_threshold_ug)) {
		d->rich_servings += e->servings;
		out->rich_servings += e->servings;
	}
	total_add(&d->k2, e, NUT_K2);
	total_add(&out->k2, e, NUT_K2);
	total_add(&d->sat_fat, e, NUT_SAT_FAT);
	total_add(&out->sat_fat, e, NUT_SAT_FAT);
	total_add(&d->sodium, e, NUT_SODIUM);
	total_add(&out->sodium, e, NUT_SODIUM);
	total_add(&d->kcal, e, NUT_KCAL);
	total_add(&out->kcal, e, NUT_KCAL);
	total_add(&out->mk4, e, NUT_MK4);
	total_add(&out->mk7, e, NUT_MK7);
	total_add(&out->mk_other, e, NUT_MK_OTHER);
	out->chain_unknown_ug += nutrients_k2_unsplit(&e->nut);
	if (nutrients_chain_unknown(&e->nut))
		out->chain_unknown_entries++;
	if (nutrients_mk4_only(&e->nut))
		out->mk4_only_entries++;
}

/* The status of each day's and the week's saturated fat and sodium. */
static void
week_status(struct gauge *out, const struct config *cfg)
{
	struct gauge_day *d;
	size_t i;

	for (i = 0; i < 7; i++) {
		d = &out->days[i];
		d->sat_fat_status = gauge_status(&d->sat_fat,
		    cfg->sat_fat_limit_g);
		d->sodium_status = gauge_status(&d->sodium,
		    cfg->sodium_limit_mg);
		d->worst = d->sat_fat_status > d->sodium_status ?
		    d->sat_fat_status : d->sodium_status;
	}
	out->sat_fat_status = gauge_status(&out->sat_fat,
	    out->sat_fat_limit_g);
	out->sodium_status = gauge_status(&out->sodium,
	    out->sodium_limit_mg);
}

/* Warnings: by day, saturated fat before sodium; then the week. */
static void
week_warnings(struct gauge *out, const struct config *cfg,
    const struct entry *entries, size_t n)
{
	struct gauge_day *d;
	struct top top;
	long week_start = out->week_start;
	size_t i;

	for (i = 0; i < 7; i++) {
		d = &out->days[i];
		if (level_warns(d->sat_fat_status)) {
			top_collect(&top, entries, n, week_start, (int)i,
			    NUT_SAT_FAT);
			warning_add(out, NUT_SAT_FAT, false, d->day,
			    d->sat_fat_status, &d->sat_fat,
			    cfg->sat_fat_limit_g, &top);
		}
		if (level_warns(d->sodium_status)) {
			top_collect(&top, entries, n, week_start, (int)i,
			    NUT_SODIUM);
			warning_add(out, NUT_SODIUM, false, d->day,
			    d->sodium_status, &d->sodium,
			    cfg->sodium_limit_mg, &top);
		}
	}
	if (level_warns(out->sat_fat_status)) {
		top_collect(&top, entries, n, week_start, -1, NUT_SAT_FAT);
		warning_add(out, NUT_SAT_FAT, true, week_start,
		    out->sat_fat_status, &out->sat_fat,
		    out->sat_fat_limit_g, &top);
	}
	if (level_warns(out->sodium_status)) {
		top_collect(&top, entries, n, week_start, -1, NUT_SODIUM);
		warning_add(out, NUT_SODIUM, true, week_start,
		    out->sodium_status, &out->sodium,
		    out->sodium_limit_mg, &top);
	}
}

/* Compute the gauge of the week that starts on week_start. */
void
gauge_week(const struct config *cfg, long week_start,
    const struct entry *entries, size_t n, struct gauge *out)
{
	size_t i;

	memset(out, 0, sizeof *out);
	out->week_start = week_start;
	out->week_end = week_start + 6;
	out->rich_servings_goal = cfg->rich_servings_goal;
	out->k2_goal_ug = cfg->k2_goal_ug;
	out->sat_fat_limit_g = 7 * cfg->sat_fat_limit_g;
	out->sodium_limit_mg = 7 * cfg->sodium_limit_mg;
	out->anticoagulant = cfg->anticoagulant;
	for (i = 0; i < 7; i++)
		out->days[i].day = week_start + (long)i;
	for (i = 0; i < n; i++)
		if (in_week(&entries[i], week_start))
			week_add(out, cfg, &entries[i]);
	week_status(out, cfg);
	if (cfg->anticoagulant)
		gauge_vitk(out, entries, n);
	week_warnings(out, cfg, entries, n);
}
