/* SPDX-License-Identifier: ISC */
/*
 * What is said of one food or one entry, decided once (DESIGN §2, §4):
 * its flags (K2-rich, MK-4 only, high in saturated fat or sodium) and the
 * warnings logging it would raise. The screens and the commands print
 * these; none of them re-derives a flag or a warning.
 */
#ifndef K2_RULES_H
#define K2_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "entry.h"
#include "food.h"
#include "gauge.h"

enum rule_flag {
	RULE_K2_RICH = 1u << 0,		/* a serving reaches rich_threshold_ug */
	RULE_MK4_ONLY = 1u << 1,	/* K2 is MK-4 alone; chains not known */
	RULE_SAT_FAT = 1u << 2,		/* a serving is a high share of the limit */
	RULE_SODIUM = 1u << 3,
	RULE_HIGH = RULE_SAT_FAT | RULE_SODIUM
};

/* The flags of a catalogue food, per its default serving. */
unsigned rule_food_flags(const struct config *, const struct food *);
/* The flags of a logged entry, by its own snapshot. */
unsigned rule_entry_flags(const struct config *, const struct entry *);

enum rule_words {
	RULE_WORDS_LONG,	/* "K2-rich, MK-4 only, high sat fat, high sodium" */
	RULE_WORDS_SHORT	/* "K2-rich MK-4 only fat sodium" (a column) */
};
/* The flags as words (empty when none); returns buf. */
char *rule_flag_words(unsigned flags, enum rule_words, char *buf, size_t len);

/*
 * A recipe's nutrient that some of its ingredients lack (DESIGN §3): the
 * figure is what the others give, a lower bound, and is shown marked.
 */
bool rule_partial(const struct food *, enum nutrient);
/*
 * What a recipe's figures cover: "K2 known for 3 of 4 ingredients" (and
 * saturated fat and sodium likewise, "; sodium for 2 of 4"), or "" when
 * every ingredient gave them. Returns buf.
 */
char *rule_coverage(const struct food *, char *buf, size_t len);

/*
 * The gauge of the week that starts on week_start as it would be without
 * the entry drop_id (0: none) and with add (NULL: none).
 */
void rule_week_with(const struct config *, long week_start,
    const struct entry *entries, size_t n, int64_t drop_id,
    const struct entry *add, struct gauge *out);
/*
 * The warnings of after that are worse than in before (a level up, or
 * new): the day's own for day, and the week's. Fills idx (at most max)
 * with indexes into after->warnings, most severe first; returns how many.
 */
size_t rule_new_warnings(const struct gauge *before, const struct gauge *after,
    long day, size_t *idx, size_t max);

#endif
