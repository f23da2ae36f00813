/* SPDX-License-Identifier: ISC */
/*
 * The food catalogue as a model: foods by id, merging by id, and the rules
 * every food must meet, whoever made it (catalogue_yaml.c reads foods.yaml
 * through them; the own-food form and the built-in table use them too).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "catalogue.h"
#include "recipe.h"
#include "text.h"
#include "util.h"

/* Empty catalogue. */
void
catalogue_init(struct catalogue *c)
{
	memset(c, 0, sizeof *c);
}

/* Free every food and the catalogue's arrays. */
void
catalogue_release(struct catalogue *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		food_release(&c->foods[i]);
	free(c->foods);
	free(c->by_id);
	for (i = 0; i < c->n_files; i++)
		free(c->files[i]);
	free(c->files);
	free(c->table_servings);
	free(c->table_aliases);
	for (i = 0; i < c->n_recipes; i++)
		recipe_release(&c->recipes[i]);
	free(c->recipes);
	catalogue_init(c);
}

static const struct catalogue *sort_cat;

static int
by_id_cmp(const void *a, const void *b)
{
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	int cmp = strcmp(sort_cat->foods[ia].id, sort_cat->foods[ib].id);

	if (cmp != 0)
		return cmp;
	return ia < ib ? -1 : ia > ib;
}

/* Sort the index by id (after foods were added). */
void
catalogue_index(struct catalogue *c)
{
	size_t i;

	free(c->by_id);
	c->by_id = xreallocarray(NULL, c->n, sizeof *c->by_id);
	for (i = 0; i < c->n; i++)
		c->by_id[i] = i;
	sort_cat = c;
	qsort(c->by_id, c->n, sizeof *c->by_id, by_id_cmp);
	sort_cat = NULL;
}

/* Index of a food by id among the first n entries of by_id, or -1. */
static long
find_index(const struct catalogue *c, size_t n, const char *id)
{
	size_t lo = 0, hi = n, mid;
	int cmp;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		cmp = strcmp(id, c->foods[c->by_id[mid]].id);
		if (cmp == 0)
			return (long)c->by_id[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static bool
same_file(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Is r the recipe of f (the same id, file and position)? */
static bool
recipe_of(const struct recipe *r, const struct food *f)
{
	return f->recipe_n > 0 && strcmp(r->id, f->id) == 0 &&
	    same_file(r->file, f->file) && r->line == f->line &&
	    r->col == f->col;
}

/*
 * Drop the recipe records whose food is no longer in c (dropped, or
 * replaced by a food of the same id); c's index must be current.
 */
static void
prune_recipes(struct catalogue *c)
{
	size_t i, o;
	long k;

	for (i = o = 0; i < c->n_recipes; i++) {
		k = find_index(c, c->n, c->recipes[i].id);
		if (k >= 0 && recipe_of(&c->recipes[i], &c->foods[k]))
			c->recipes[o++] = c->recipes[i];
		else
			recipe_release(&c->recipes[i]);
	}
	c->n_recipes = o;
}

/* Food by id. */
const struct food *
catalogue_find(const struct catalogue *c, const char *id)
{
	long i = find_index(c, c->n, id);

	return i < 0 ? NULL : &c->foods[i];
}
/* The index of a food in c->foods by id. */
long
catalogue_index_of(const struct catalogue *c, const char *id)
{
	return find_index(c, c->n, id);
}


/* Append f (its contents moved; *cap the room in foods). */
void
catalogue_add(struct catalogue *c, struct food *f, size_t *cap)
{
	if (c->n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		c->foods = xreallocarray(c->foods, *cap, sizeof *c->foods);
	}
	c->foods[c->n++] = *f;
	memset(f, 0, sizeof *f);
}

/* An id: a-z, 0-9 and _ only (length is checked apart). */
bool
catalogue_valid_id(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return false;
	return true;
}

/* A label is a word: letters (any script) and '-', no digits or spaces. */
bool
catalogue_valid_label(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == '-')
		return false;
	for (; *u != '\0'; u++)
		if (*u < 0x80 && !((*u >= 'a' && *u <= 'z') ||
		    (*u >= 'A' && *u <= 'Z') || *u == '-'))
			return false;
	return true;
}


/* Keep a copy of a file name the foods borrow; returns it. */
const char *
catalogue_own_name(struct catalogue *c, const char *name)
{
	c->files = xreallocarray(c->files, c->n_files + 1, sizeof *c->files);
	c->files[c->n_files] = xstrdup(name);
	return c->files[c->n_files++];
}

/*
 * Report foods whose id was already used earlier in the file (bad foods
 * included, so a typo elsewhere in the first one hides nothing), then drop
 * the duplicates and the foods marked in drop.
 */
void
catalogue_drop_duplicates(struct catalogue *c, const char *file,
    struct diag_list *dl, bool *drop)
{
	size_t i, o, first = 0;

	catalogue_index(c);
	for (i = 1; i < c->n; i++) {
		const struct food *a = &c->foods[c->by_id[first]];
		const struct food *b = &c->foods[c->by_id[i]];
		if (strcmp(a->id, b->id) != 0) {
			first = i;
			continue;
		}
		diag_add(dl, file, b->line, b->col,
		    "duplicate id '%s' (first defined at line %u)", b->id,
		    a->line);
		drop[c->by_id[i]] = true;
	}
	for (i = o = 0; i < c->n; i++) {
		if (drop[i])
			food_release(&c->foods[i]);
		else
			c->foods[o++] = c->foods[i];
	}
	c->n = o;
	catalogue_index(c);
	prune_recipes(c);
}

/* Move over's foods into c, replacing foods with the same id. */
void
catalogue_merge(struct catalogue *c, struct catalogue *over)
{
	size_t i, cap = c->n, k, n0 = c->n;
	long old;

	/* over's ids are unique, so only c's original foods can clash. */
	for (i = 0; i < over->n; i++) {
		old = find_index(c, n0, over->foods[i].id);
		if (old >= 0) {
			food_release(&c->foods[old]);
			c->foods[old] = over->foods[i];
		} else
			catalogue_add(c, &over->foods[i], &cap);
		memset(&over->foods[i], 0, sizeof over->foods[i]);
	}
	/* The foods borrow their file names: take them over too. */
	for (k = 0; k < over->n_files; k++) {
		c->files = xreallocarray(c->files, c->n_files + 1,
		    sizeof *c->files);
		c->files[c->n_files++] = over->files[k];
	}
	over->n_files = 0;
	/* And their recipes; c's recipes of replaced foods go. */
	for (k = 0; k < over->n_recipes; k++)
		catalogue_add_recipe(c, &over->recipes[k]);
	over->n_recipes = 0;
	catalogue_index(c);
	prune_recipes(c);
	catalogue_release(over);
}

/* Append a recipe record, its contents moved. */
void
catalogue_add_recipe(struct catalogue *c, struct recipe *r)
{
	c->recipes = xreallocarray(c->recipes, c->n_recipes + 1,
	    sizeof *c->recipes);
	c->recipes[c->n_recipes++] = *r;
	memset(r, 0, sizeof *r);
}

/* The recipe of f, or NULL. */
const struct recipe *
catalogue_recipe(const struct catalogue *c, const struct food *f)
{
	size_t i;

	if (f->recipe_n == 0)
		return NULL;
	for (i = 0; i < c->n_recipes; i++)
		if (recipe_of(&c->recipes[i], f))
			return &c->recipes[i];
	return NULL;
}

/* Compute every recipe's nutrients; drop the foods of those that fail. */
int
catalogue_resolve_recipes(struct catalogue *c, const struct catalogue *base,
    struct diag_list *dl)
{
	size_t i, o, before = dl->n + dl->dropped;
	bool *drop;

	prune_recipes(c);
	if (c->n_recipes == 0)
		return 0;
	/* A recipe that could not be computed is left out, like a bad food. */
	drop = xcalloc(c->n + 1, sizeof *drop);
	if (recipe_resolve(c, base, dl, drop)) {
		for (i = o = 0; i < c->n; i++) {
			if (drop[i])
				food_release(&c->foods[i]);
			else
				c->foods[o++] = c->foods[i];
		}
		c->n = o;
		catalogue_index(c);
		prune_recipes(c);
	}
	free(drop);
	return dl->n + dl->dropped == before ? 0 : -1;
}

/* Is id taken by a food of c (NULL: none)? */
static bool
taken(const struct catalogue *c, const char *id)
{
	return c != NULL && catalogue_find(c, id) != NULL;
}

/* "my_" and the words of text, made unique in a and b. */
char *
catalogue_new_id(const char *text, const struct catalogue *a,
    const struct catalogue *b)
{
	char base[CATALOGUE_ID_MAX + 1], id[CATALOGUE_ID_MAX + 1], suffix[16];
	char *folded = text_fold(text);
	const char *p;
	size_t n, cut;
	unsigned k;

	n = strlen(CATALOGUE_OWN_PREFIX);
	memcpy(base, CATALOGUE_OWN_PREFIX, n);
	for (p = folded; *p != '\0' && n < CATALOGUE_ID_MAX; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			base[n++] = *p;
		else if (base[n - 1] != '_')
			base[n++] = '_';
	}
	free(folded);
	while (n > 0 && base[n - 1] == '_')
		n--;
	base[n] = '\0';
	if (n < sizeof CATALOGUE_OWN_PREFIX) {
		/* No word of a-z or 0-9 in it (another script): "my_food". */
		snprintf(base, sizeof base, "%sfood", CATALOGUE_OWN_PREFIX);
		n = strlen(base);
	}
	snprintf(id, sizeof id, "%s", base);
	for (k = 2; taken(a, id) || taken(b, id); k++) {
		snprintf(suffix, sizeof suffix, "_%u", k);
		cut = n;
		if (cut + strlen(suffix) > CATALOGUE_ID_MAX)
			cut = CATALOGUE_ID_MAX - strlen(suffix);
		while (cut > 0 && base[cut - 1] == '_')
			cut--;
		snprintf(id, sizeof id, "%.*s%s", (int)cut, base, suffix);
	}
	return xstrdup(id);
}

/* Drop the recipe records with this id. */
static void
drop_recipes(struct catalogue *c, const char *id)
{
	size_t i, o;

	for (i = o = 0; i < c->n_recipes; i++) {
		if (strcmp(c->recipes[i].id, id) == 0)
			recipe_release(&c->recipes[i]);
		else
			c->recipes[o++] = c->recipes[i];
	}
	c->n_recipes = o;
}

/* Put f into c, replacing the food with its id; r is its recipe or NULL. */
void
catalogue_put(struct catalogue *c, struct food *f, struct recipe *r)
{
	size_t cap = c->n;
	long i = find_index(c, c->n, f->id);

	drop_recipes(c, f->id);
	if (r != NULL) {
		/* As written: its figures come when recipes are resolved. */
		free(r->id);
		r->id = xstrdup(f->id);
		r->file = f->file;
		r->line = f->line;
		r->col = f->col;
		r->resolved = false;
		f->per_serving = true;
		memset(&f->nut, 0, sizeof f->nut);
		memset(f->recipe_known, 0, sizeof f->recipe_known);
		if (!r->grams_given && f->n_servings > 0)
			f->servings[0].grams = 0;
		f->recipe_n = (unsigned char)r->n_ing;
		catalogue_add_recipe(c, r);
	} else {
		f->recipe_n = 0;
		memset(f->recipe_known, 0, sizeof f->recipe_known);
	}
	if (i >= 0) {
		food_release(&c->foods[i]);
		c->foods[i] = *f;
		memset(f, 0, sizeof *f);
	} else
		catalogue_add(c, f, &cap);
	catalogue_index(c);
}

/* Remove a food and its recipe by id. */
bool
catalogue_remove(struct catalogue *c, const char *id)
{
	long i = find_index(c, c->n, id);

	if (i < 0)
		return false;
	drop_recipes(c, id);
	food_release(&c->foods[i]);
	memmove(&c->foods[i], &c->foods[i + 1],
	    (c->n - (size_t)i - 1) * sizeof *c->foods);
	c->n--;
	catalogue_index(c);
	return true;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* Deep copy of a food; the copy owns everything and has no search text. */
void
catalogue_food_copy(struct food *dst, const struct food *src)
{
	size_t i;

	*dst = *src;
	dst->borrowed = false;
	dst->hay = NULL;
	dst->mask = 0;
	dst->id = dup_or_null(src->id);
	dst->name = dup_or_null(src->name);
	dst->source = dup_or_null(src->source);
	dst->note = dup_or_null(src->note);
	dst->aliases = xcalloc(src->n_aliases + 1, sizeof *dst->aliases);
	for (i = 0; i < src->n_aliases; i++)
		dst->aliases[i] = xstrdup(src->aliases[i]);
	dst->servings = xcalloc(src->n_servings + 1, sizeof *dst->servings);
	for (i = 0; i < src->n_servings; i++) {
		dst->servings[i].label = xstrdup(src->servings[i].label);
		dst->servings[i].grams = src->servings[i].grams;
	}
}

static bool
str_eq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Two numbers the same to the bit (memcmp: -0 is not 0, NaN is NaN). */
static bool
num_eq(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

static bool
recipe_eq(const struct recipe *a, const struct recipe *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->n_ing != b->n_ing || !num_eq(a->yields, b->yields) ||
	    a->yields_given != b->yields_given ||
	    a->servings_given != b->servings_given ||
	    a->grams_given != b->grams_given)
		return false;
	for (i = 0; i < a->n_ing; i++)
		if (strcmp(a->ing[i].food, b->ing[i].food) != 0 ||
		    strcmp(a->ing[i].amount, b->ing[i].amount) != 0)
			return false;
	return true;
}

static bool
food_eq(const struct food *a, const struct food *b)
{
	size_t i;
	int k;

	if (!str_eq(a->id, b->id) || !str_eq(a->name, b->name) ||
	    a->group != b->group || a->n_aliases != b->n_aliases ||
	    a->n_servings != b->n_servings ||
	    a->per_serving != b->per_serving ||
	    a->nut.known != b->nut.known || a->confidence != b->confidence ||
	    !str_eq(a->source, b->source) || !str_eq(a->note, b->note) ||
	    strcmp(a->usda, b->usda) != 0 || a->recipe_n != b->recipe_n)
		return false;
	for (i = 0; i < a->n_aliases; i++)
		if (strcmp(a->aliases[i], b->aliases[i]) != 0)
			return false;
	for (i = 0; i < a->n_servings; i++)
		if (strcmp(a->servings[i].label, b->servings[i].label) != 0 ||
		    !num_eq(a->servings[i].grams, b->servings[i].grams))
			return false;
	for (k = 0; k < NUT_COUNT; k++)
		if (nutrients_has(&a->nut, k) && !num_eq(a->nut.v[k],
		    b->nut.v[k]))
			return false;
	return true;
}

/* The same foods and recipes, in the same order, to the bit. */
bool
catalogue_equal(const struct catalogue *a, const struct catalogue *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (!food_eq(&a->foods[i], &b->foods[i]) ||
		    !recipe_eq(catalogue_recipe(a, &a->foods[i]),
		    catalogue_recipe(b, &b->foods[i])))
			return false;
	return true;
}

/* Text for key, by the rules of the YAML reader (yread_string). */
bool
catalogue_check_text(const char *key, const char *s, size_t max,
    struct diag *d)
{
	size_t i, len = strlen(s);

	if (len == 0) {
		diag_set(d, NULL, 0, 0, "'%s' is empty: expected text", key);
		return false;
	}
	if (len > max) {
		diag_set(d, NULL, 0, 0, "'%s' is %zu bytes long: at most %zu "
		    "allowed", key, len, max);
		return false;
	}
	if (!text_valid(s, len, &i)) {
		diag_set(d, NULL, 0, 0, "'%s' is not valid UTF-8 (byte %zu)",
		    key, i + 1);
		return false;
	}
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f) {
			diag_set(d, NULL, 0, 0, "'%s' contains a control "
			    "character (0x%02x)", key, ch);
			return false;
		}
		if (ch == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] < 0xa0) {
			diag_set(d, NULL, 0, 0, "'%s' contains a control "
			    "character (U+%04X)", key,
			    (unsigned char)s[i + 1]);
			return false;
		}
	}
	return true;
}

/* A serving label: text, a word, and not a unit of every food. */
bool
catalogue_check_label(const char *label, struct diag *d)
{
	if (!catalogue_check_text("label", label, CATALOGUE_LABEL_MAX, d))
		return false;
	if (!catalogue_valid_label(label)) {
		diag_set(d, NULL, 0, 0, "invalid label '%s': use a word of "
		    "letters and '-' (like slice or half-cup)", label);
		return false;
	}
	if (amount_unit_reserved(label)) {
		diag_set(d, NULL, 0, 0, "label '%s' is a unit of every food "
		    "(g, kg, oz = 28.35 g, lb = 453.6 g): leave it out", label);
		return false;
	}
	return true;
}

/* What one unit of f's nutrients can hold of nutrient k. */
static double
nutrient_room(const struct food *f, enum nutrient k)
{
	double max = nutrient_max_per_100g(k);
	double grams = f->n_servings > 0 ? f->servings[0].grams : 0;

	if (f->per_serving && grams > 0)
		max = max * grams / 100.0;
	return max;
}

/* A nutrient value within what f's weight can hold. */
bool
catalogue_check_nutrient(const struct food *f, enum nutrient k, double v,
    struct diag *d)
{
	double max = nutrient_room(f, k);

	if (!isfinite(v) || v < 0) {
		diag_set(d, NULL, 0, 0, "expected a number of at least 0 for "
		    "'%s', found %.10g", nutrient_key(k), v);
		return false;
	}
	if (v > max) {
		diag_set(d, NULL, 0, 0, "'%s' is %.10g, more than %s can hold "
		    "(at most %.10g)", nutrient_key(k), v, f->per_serving ?
		    "one serving of its weight" : "100 g", max);
		return false;
	}
	return true;
}

/* Finish f's nutrients; check the chains against k2_ug and the weight. */
bool
catalogue_finish_k2(struct food *f, struct diag *d)
{
	double parts = 0, max;
	int k;

	for (k = NUT_MK4; k <= NUT_MK_OTHER; k++)
		if (nutrients_has(&f->nut, k))
			parts += f->nut.v[k];
	if (nutrients_has(&f->nut, NUT_K2) &&
	    parts > f->nut.v[NUT_K2] * (1 + 1e-9)) {
		diag_set(d, NULL, 0, 0, "the K2 chains add up to %.10g, more "
		    "than k2_ug %.10g", parts, f->nut.v[NUT_K2]);
		nutrients_finish(&f->nut);
		return false;
	}
	nutrients_finish(&f->nut);
	max = nutrient_room(f, NUT_K2);
	if (nutrients_has(&f->nut, NUT_K2) && f->nut.v[NUT_K2] > max) {
		diag_set(d, NULL, 0, 0, "the K2 chains add up to %.10g, more "
		    "than %s can hold (at most %.10g)", f->nut.v[NUT_K2],
		    f->per_serving ? "one serving of its weight" : "100 g",
		    max);
		return false;
	}
	return true;
}
