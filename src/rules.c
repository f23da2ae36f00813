/* SPDX-License-Identifier: ISC */
/* What is said of one food or entry: its flags, and the warnings it raises. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "util.h"

unsigned
rule_food_flags(const struct config *cf, const struct food *f)
{
	unsigned fl = 0;

	if (food_is_k2_rich(f, cf->rich_threshold_ug))
		fl |= RULE_K2_RICH;
	if (nutrients_mk4_only(&f->nut))
		fl |= RULE_MK4_ONLY;
	if (food_high_sat_fat(f, cf->sat_fat_limit_g))
		fl |= RULE_SAT_FAT;
	if (food_high_sodium(f, cf->sodium_limit_mg))
		fl |= RULE_SODIUM;
	return fl;
}

unsigned
rule_entry_flags(const struct config *cf, const struct entry *e)
{
	unsigned fl = 0;

	if (entry_is_k2_rich(e, cf->rich_threshold_ug))
		fl |= RULE_K2_RICH;
	if (nutrients_mk4_only(&e->nut))
		fl |= RULE_MK4_ONLY;
	if (entry_high_sat_fat(e, cf->sat_fat_limit_g))
		fl |= RULE_SAT_FAT;
	if (entry_high_sodium(e, cf->sodium_limit_mg))
		fl |= RULE_SODIUM;
	return fl;
}

char *
rule_flag_words(unsigned flags, enum rule_words how, char *buf, size_t len)
{
	static const struct {
		unsigned	 flag;
		const char	*lng;
		const char	*shrt;
	} words[] = {
		{ RULE_K2_RICH, "K2-rich", "K2-rich" },
		{ RULE_MK4_ONLY, "MK-4 only", "MK-4 only" },
		{ RULE_SAT_FAT, "high sat fat", "fat" },
		{ RULE_SODIUM, "high sodium", "sodium" },
	};
	const char *sep = how == RULE_WORDS_LONG ? ", " : " ";
	size_t i, at = 0;
	int n;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < ARRAY_LEN(words); i++) {
		if (!(flags & words[i].flag))
			continue;
		n = snprintf(buf + at, len - at, "%s%s", at > 0 ? sep : "",
		    how == RULE_WORDS_LONG ? words[i].lng : words[i].shrt);
		if (n < 0 || (size_t)n >= len - at) {
			buf[at] = '\0';	/* a word fits whole or not at all */
			break;
		}
		at += (size_t)n;
	}
	return buf;
}

bool
rule_partial(const struct food *f, enum nutrient k)
{
	return f->recipe_n > 0 && f->recipe_known[k] > 0 &&
	    f->recipe_known[k] < f->recipe_n;
}

char *
rule_coverage(const struct food *f, char *buf, size_t len)
{
	static const struct {
		enum nutrient	 k;
		const char	*name;
	} shown[] = {
		{ NUT_K2, "K2" },
		{ NUT_SAT_FAT, "saturated fat" },
		{ NUT_SODIUM, "sodium" },
	};
	size_t i, at = 0;
	int n;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; f->recipe_n > 0 && i < ARRAY_LEN(shown); i++) {
		unsigned known = f->recipe_known[shown[i].k];
		if (known == f->recipe_n)
			continue;
		n = snprintf(buf + at, len - at, at == 0 ? "%s known for %u of "
		    "%u ingredients" : "; %s for %u of %u", shown[i].name,
		    known, (unsigned)f->recipe_n);
		if (n < 0 || (size_t)n >= len - at) {
			buf[at] = '\0';
			break;
		}
		at += (size_t)n;
	}
	return buf;
}

void
rule_week_with(const struct config *cf, long week_start,
    const struct entry *entries, size_t n, int64_t drop_id,
    const struct entry *add, struct gauge *out)
{
	struct entry *v = xreallocarray(NULL, n + 1, sizeof *v);
	size_t i, k = 0;

	/* Shallow copies: the gauge only reads them. */
	for (i = 0; i < n; i++)
		if (drop_id == 0 || entries[i].id != drop_id)
			v[k++] = entries[i];
	if (add != NULL)
		v[k++] = *add;
	gauge_week(cf, week_start, v, k, out);
	free(v);
}

/* The status before of the warning's nutrient and scope. */
static enum level
was_level(const struct gauge *before, const struct gauge_warning *w)
{
	const struct gauge_day *d;

	if (w->week)
		return w->nutrient == NUT_SAT_FAT ? before->sat_fat_status :
		    before->sodium_status;
	if (w->day < before->week_start || w->day > before->week_end)
		return LEVEL_OK;
	d = &before->days[w->day - before->week_start];
	return w->nutrient == NUT_SAT_FAT ? d->sat_fat_status :
	    d->sodium_status;
}

size_t
rule_new_warnings(const struct gauge *before, const struct gauge *after,
    long day, size_t *idx, size_t max)
{
	size_t all[GAUGE_MAX_WARNINGS], n, i, k = 0;

	/* The day's and the week's, in the order the day screen shows them. */
	n = gauge_warnings_for_day(after, day, all, ARRAY_LEN(all));
	for (i = 0; i < n && k < max; i++) {
		const struct gauge_warning *w = &after->warnings[all[i]];
		if (w->level > was_level(before, w))
			idx[k++] = all[i];
	}
	return k;
}
