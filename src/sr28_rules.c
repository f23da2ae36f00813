/* SPDX-License-Identifier: ISC */
/* The rules of DESIGN.md section 3a: groups, labels, servings, nutrients. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sr28_priv.h"

/* The nutrients kept, in the order written. */
const struct sr28_nut_name sr28_nuts[SR28_NUT_N] = {
	[SR28_MK4] = { "428", "mk4_ug" },
	[SR28_K1] = { "430", "k1_ug" },
	[SR28_SAT_FAT] = { "606", "sat_fat_g" },
	[SR28_SODIUM] = { "307", "sodium_mg" },
	[SR28_KCAL] = { "208", "kcal" },
};

/* The report's name of each reason, and of the rows kept. */
const char *const sr28_drop_names[SR28_DROP_N] = {
	[SR28_KEEP] = "rows kept",
	[SR28_DROP_EMPTY] = "dropped (empty label)",
	[SR28_DROP_LONG] = "dropped (label too long)",
	[SR28_DROP_UNIT] = "dropped (unit of every food)",
	[SR28_DROP_GRAMS] = "dropped (grams out of range)",
	[SR28_DROP_REPEAT] = "dropped (repeated label)",
};

/* Labels the amount grammar reads as units of every food. */
static const char *const sr28_units[] = { "g", "gram", "grams", "kg", "oz", "lb" };

/* Which name rules refine a group. */
enum sr28_refine {
	SR28_PLAIN,
	SR28_DAIRY,	/* 0100 */
	SR28_MEAT,	/* 0500, 0700, 1000, 1300, 1700 */
	SR28_VEG,	/* 1100 */
	SR28_LEGUME	/* 1600 */
};

/* SR28 food group code -> catalogue group (DESIGN.md section 3a). */
static const struct {
	const char		*code;
	const char		*group;
	enum sr28_refine	 refine;
} sr28_groups[] = {
	{ "0100", "dairy", SR28_DAIRY },
	{ "0200", "spice", SR28_PLAIN },
	{ "0300", "baby", SR28_PLAIN },
	{ "0400", "fat", SR28_PLAIN },
	{ "0500", "poultry", SR28_MEAT },
	{ "0600", "soup_sauce", SR28_PLAIN },
	{ "0700", "meat", SR28_MEAT },
	{ "0800", "cereal", SR28_PLAIN },
	{ "0900", "fruit", SR28_PLAIN },
	{ "1000", "meat", SR28_MEAT },
	{ "1100", "vegetable", SR28_VEG },
	{ "1200", "nut_seed", SR28_PLAIN },
	{ "1300", "meat", SR28_MEAT },
	{ "1400", "beverage", SR28_PLAIN },
	{ "1500", "fish", SR28_PLAIN },
	{ "1600", "legume", SR28_LEGUME },
	{ "1700", "meat", SR28_MEAT },
	{ "1800", "baked", SR28_PLAIN },
	{ "1900", "sweet", SR28_PLAIN },
	{ "2000", "grain", SR28_PLAIN },
	{ "2100", "prepared", SR28_PLAIN },
	{ "2200", "prepared", SR28_PLAIN },
	{ "2500", "snack", SR28_PLAIN },
	{ "3500", "other", SR28_PLAIN },
	{ "3600", "prepared", SR28_PLAIN },
};

/*
 * The refinements, tried in this order; the first that matches gives the
 * group. A name's words are its runs of ASCII letters, compared without
 * case; a word matches a keyword when it equals it or it with an "s"
 * ("Eggs, scrambled" is an egg, "kidneys" a kidney, "Eggnog" no egg).
 */
static const struct {
	enum sr28_refine	 refine;
	bool			 first;	/* only the name's first word */
	const char		*words[9];
	const char		*group;
} sr28_refinements[] = {
	{ SR28_DAIRY, true, { "cheese" }, "cheese" },
	{ SR28_DAIRY, true, { "egg" }, "egg" },
	{ SR28_MEAT, false, { "liver", "giblets", "heart", "kidney", "gizzard",
	    "tongue", "brain", "sweetbread" }, "organ_meat" },
	{ SR28_VEG, false, { "sauerkraut", "kimchi" }, "fermented_plant" },
	{ SR28_VEG, false, { "kale", "spinach", "collards", "chard", "lettuce",
	    "greens" }, "leafy_green" },
	{ SR28_LEGUME, false, { "natto", "miso", "tempeh" }, "fermented_plant" },
};

/*
 * Singular forms, so that the amount grammar's plurals lead back to them:
 * label + "s"; + "es" after s, x, z, ch, sh; consonant + "y" -> "ies";
 * "f"/"fe" -> "ves". Words that stay as they are besides those ending in
 * "ss", "us", "is" and "oes" (no singular of "tomatoes" leads back to it):
 */
static const char *const sr28_keep_words[] = {
	"nfs",		/* "not further specified" */
};
/* Words in "ies" whose singular ends in "ie", not "y". */
static const char *const sr28_ie_words[] = {
	"cookie", "brownie", "pie", "pierogie", "smoothie", "veggie",
};
/* Words in "ches" whose singular ends in "che", not "ch". */
static const char *const sr28_che_words[] = {
	"quiche", "brioche", "niche", "cache",
};
/* Words in "ves" whose singular ends in "f" or "fe" (else "ve": cloves). */
static const struct {
	const char	*plural;
	const char	*singular;
} sr28_f_words[] = {
	{ "leaves", "leaf" }, { "halves", "half" }, { "loaves", "loaf" },
	{ "calves", "calf" }, { "shelves", "shelf" }, { "knives", "knife" },
	{ "wives", "wife" }, { "lives", "life" },
};

/* Latin-1 0xC0..0xFF as their base letter, lower case ('.' if none). */
static const char sr28_latin_base[] =
    "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty";

/* A Latin-1 byte as a lower-case letter a-z, or 0 if it is none. */
static char
sr28_letter(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return (char)c;
	if (c >= 'A' && c <= 'Z')
		return (char)(c - 'A' + 'a');
	if (c >= 0xc0 && sr28_latin_base[c - 0xc0] != '.')
		return sr28_latin_base[c - 0xc0];
	return 0;
}

/* Whether s[0..n) equals word, or word + "s", without case. */
static bool
sr28_word_is(const char *s, size_t n, const char *word)
{
	size_t len = strlen(word), i;

	if (n != len && !(n == len + 1 && sr28_letter((unsigned char)s[len])
	    == 's'))
		return false;
	for (i = 0; i < len; i++)
		if (sr28_letter((unsigned char)s[i]) != word[i])
			return false;
	return true;
}

/* Whether a word of name (only the first, if first) is one of words. */
static bool
sr28_name_has(const char *name, bool first, const char *const *words,
    size_t n_words)
{
	const char *p = name, *start;
	size_t i;

	for (;;) {
		while (*p != '\0' && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		if (*p == '\0')
			return false;
		start = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			p++;
		for (i = 0; i < n_words && words[i] != NULL; i++)
			if (sr28_word_is(start, (size_t)(p - start), words[i]))
				return true;
		if (first)
			return false;
	}
}

/* The catalogue group of an SR28 group code and name, or NULL. */
const char *
sr28_group(const char *code, const char *name)
{
	size_t i, j;

	for (i = 0; i < SR28_LEN(sr28_groups); i++) {
		if (strcmp(sr28_groups[i].code, code) != 0)
			continue;
		for (j = 0; j < SR28_LEN(sr28_refinements); j++) {
			if (sr28_refinements[j].refine == sr28_groups[i].refine &&
			    sr28_name_has(name, sr28_refinements[j].first,
			    sr28_refinements[j].words,
			    SR28_LEN(sr28_refinements[j].words)))
				return sr28_refinements[j].group;
		}
		return sr28_groups[i].group;
	}
	return NULL;
}

/* Whether s is one of the n strings of list. */
static bool
sr28_in(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Whether s ends with suffix. */
static bool
sr28_ends(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Make the word w (a-z only) singular, in place. */
static void
sr28_singular(char *w)
{
	size_t len = strlen(w), i;
	char before;

	if (len < 3 || w[len - 1] != 's' || sr28_ends(w, len, "ss") ||
	    sr28_ends(w, len, "us") || sr28_ends(w, len, "is") ||
	    sr28_ends(w, len, "oes") ||
	    sr28_in(w, sr28_keep_words, SR28_LEN(sr28_keep_words)))
		return;
	if (sr28_ends(w, len, "ies")) {
		w[len - 1] = '\0';			/* cookies -> cookie */
		if (sr28_in(w, sr28_ie_words, SR28_LEN(sr28_ie_words)))
			return;
		before = len >= 4 ? w[len - 4] : 'a';
		if (strchr("aeiou", before) == NULL)
			memcpy(w + len - 3, "y", 2);	/* patties -> patty */
		return;
	}
	if (sr28_ends(w, len, "ves")) {
		for (i = 0; i < SR28_LEN(sr28_f_words); i++) {
			if (strcmp(w, sr28_f_words[i].plural) == 0) {
				strcpy(w, sr28_f_words[i].singular);
				return;
			}
		}
		w[len - 1] = '\0';			/* cloves -> clove */
		return;
	}
	if (sr28_ends(w, len, "sses") || sr28_ends(w, len, "xes") ||
	    sr28_ends(w, len, "zzes") || sr28_ends(w, len, "shes")) {
		w[len - 2] = '\0';			/* boxes -> box */
		return;
	}
	if (sr28_ends(w, len, "ches")) {
		w[len - 1] = '\0';
		if (!sr28_in(w, sr28_che_words, SR28_LEN(sr28_che_words)))
			w[len - 2] = '\0';		/* inches -> inch */
		return;
	}
	w[len - 1] = '\0';				/* slices -> slice */
}

/*
 * The label of a Msre_Desc (Latin-1): the words before the first comma or
 * parenthesis, lower case, letters a-z kept (an accented Latin-1 letter as
 * its base letter), every run of other characters one '-', trimmed of '-',
 * the last word made singular ("fl oz" -> "fl-oz"). Caller frees.
 */
char *
sr28_label(const char *desc)
{
	size_t n = strcspn(desc, ",("), i, j = 0;
	char *out = sr28_alloc(NULL, n + 1, 1), *last, c;
	bool gap = false;

	for (i = 0; i < n; i++) {
		if ((c = sr28_letter((unsigned char)desc[i])) == 0) {
			gap = true;
			continue;
		}
		if (gap && j > 0)
			out[j++] = '-';
		gap = false;
		out[j++] = c;
	}
	out[j] = '\0';
	last = strrchr(out, '-');
	sr28_singular(last != NULL ? last + 1 : out);
	return out;
}

/* Order weight rows by Seq, then as the file gave them. */
static int
sr28_row_cmp(const void *a, const void *b)
{
	const struct sr28_row *x = a, *y = b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Why a row, taken alone, gives no serving (SR28_KEEP if it does). */
static enum sr28_drop
sr28_row_drop(const struct sr28_row *r)
{
	if (r->label[0] == '\0')
		return SR28_DROP_EMPTY;
	if (strlen(r->label) > SR28_LABEL_MAX)
		return SR28_DROP_LONG;
	if (sr28_in(r->label, sr28_units, SR28_LEN(sr28_units)))
		return SR28_DROP_UNIT;
	if (!(r->grams > 0 && r->grams <= SR28_GRAMS_MAX))
		return SR28_DROP_GRAMS;
	return SR28_KEEP;
}

/*
 * Apply the serving rules to a food's rows, in Seq order: each row kept or
 * dropped with a reason (a dropped row claims no label), and the serving of
 * a food that keeps none: the Gm_Wgt of its first oz/lb row ("3 oz = 85 g"
 * gives 85 g), else 100 g.
 */
void
sr28_servings(struct sr28_food *fd, struct sr28_report *rep)
{
	struct sr28_row *r;
	size_t i, j;

	if (fd->n_rows > 1)
		qsort(fd->rows, fd->n_rows, sizeof *fd->rows, sr28_row_cmp);
	for (i = 0; i < fd->n_rows; i++) {
		r = &fd->rows[i];
		r->drop = sr28_row_drop(r);
		for (j = 0; j < i && r->drop == SR28_KEEP; j++)
			if (fd->rows[j].drop == SR28_KEEP &&
			    strcmp(fd->rows[j].label, r->label) == 0)
				r->drop = SR28_DROP_REPEAT;
		rep->count[r->drop]++;
		if (r->drop == SR28_KEEP)
			fd->n_kept++;
	}
	rep->rows += fd->n_rows;
	if (fd->n_kept > 0)
		return;
	for (i = 0; i < fd->n_rows; i++) {
		r = &fd->rows[i];
		if (r->drop == SR28_DROP_UNIT && (strcmp(r->label, "oz") == 0 ||
		    strcmp(r->label, "lb") == 0) && r->gm_wgt > 0 &&
		    r->gm_wgt <= SR28_GRAMS_MAX) {
			fd->serving_grams = r->gm_wgt;
			rep->oz_serving++;
			return;
		}
	}
	fd->serving_grams = SR28_NO_ROW;
	rep->no_row_serving++;
}

/* The default serving: the first row kept of at most 500 g, else the first. */
size_t
sr28_default(const struct sr28_food *fd)
{
	size_t i, def = fd->n_rows;

	for (i = 0; i < fd->n_rows; i++) {
		if (fd->rows[i].drop != SR28_KEEP)
			continue;
		if (def == fd->n_rows)
			def = i;
		if (fd->rows[i].grams <= SR28_DEFAULT_MAX) {
			def = i;
			break;
		}
	}
	return def;
}
