/* SPDX-License-Identifier: ISC */
/* The food catalogue: foods.yaml loaded strictly, the built-in copy, merging. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "catalogue.h"
#include "text.h"
#include "util.h"
#include "yread.h"

#define LABEL_MAX 24
#define GRAMS_MAX 5000.0
#define SOURCE_MAX 1000

static const char *const top_keys[] = { "version", "foods", NULL };
static const char *const food_keys[] = {
	"id", "name", "group", "aliases", "servings", "per_100g",
	"per_serving", "k2_confidence", "source", "note", "usda", NULL,
};
static const char *const serving_keys[] = { "label", "grams", NULL };
static const char *const nutrient_keys[] = {
	"mk4_ug", "mk7_ug", "mk_other_ug", "k2_ug", "k1_ug", "sat_fat_g",
	"sodium_mg", "kcal", NULL,
};

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

static void
index_rebuild(struct catalogue *c)
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

/* Food by id. */
const struct food *
catalogue_find(const struct catalogue *c, const char *id)
{
	long i = find_index(c, c->n, id);

	return i < 0 ? NULL : &c->foods[i];
}

static void
add_food(struct catalogue *c, struct food *f, size_t *cap)
{
	if (c->n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		c->foods = xreallocarray(c->foods, *cap, sizeof *c->foods);
	}
	c->foods[c->n++] = *f;
	memset(f, 0, sizeof *f);
}

static bool
valid_id(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return false;
	return true;
}

/* Labels are words: letters (any script) and '-', no digits or spaces. */
static bool
valid_label(const char *s)
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


struct loader {
	const struct ydoc *doc;
	struct diag_list *dl;
	const char	*file;	/* the catalogue's own copy of the name */
	size_t		 errors_before;
};

static bool
load_servings(struct loader *ld, const struct ynode *n, struct food *f,
    bool grams_optional)
{
	size_t i, j;
	bool ok = true;

	if (n == NULL || n->type != YNODE_SEQ) {
		yread_expected(ld->doc, n,
		    "a list of servings for 'servings' ({label, grams})",
		    ld->dl);
		return false;
	}
	if (n->n == 0) {
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "'servings' is empty: expected at least one {label, grams}");
		return false;
	}
	f->servings = xcalloc(n->n, sizeof *f->servings);
	for (i = 0; i < n->n; i++) {
		const struct ynode *s = n->items[i], *label, *grams;
		const char *text;
		double g = 0;

		if (!yread_check_map(ld->doc, s, "a serving ({label, grams})",
		    serving_keys, ld->dl)) {
			ok = false;
			continue;
		}
		label = ynode_get(s, "label");
		grams = ynode_get(s, "grams");
		if (label == NULL) {
			diag_add(ld->dl, ld->file, s->line, s->col,
			    "missing 'label' in a serving");
			ok = false;
		} else if (yread_string(ld->doc, label, "label", LABEL_MAX,
		    &text, ld->dl)) {
			if (!valid_label(text)) {
				diag_add(ld->dl, ld->file, label->line,
				    label->col, "invalid label '%s': use a "
				    "word of letters and '-' (like slice or "
				    "half-cup)", text);
				ok = false;
			} else if (amount_unit_reserved(text)) {
				diag_add(ld->dl, ld->file, label->line,
				    label->col, "label '%s' is a unit of every "
				    "food (g, kg, oz = 28.35 g, lb = 453.6 g): "
				    "leave it out", text);
				ok = false;
			} else {
				for (j = 0; j < f->n_servings; j++)
					if (strcasecmp(f->servings[j].label,
					    text) == 0)
						break;
				if (j < f->n_servings) {
					diag_add(ld->dl, ld->file, label->line,
					    label->col,
					    "duplicate serving label '%s'",
					    text);
					ok = false;
				}
			}
		} else
			ok = false;
		if (grams == NULL) {
			if (!grams_optional) {
				diag_add(ld->dl, ld->file, s->line, s->col,
				    "missing 'grams' in a serving (only "
				    "per_serving foods may leave it out)");
				ok = false;
			}
		} else if (!yread_number(ld->doc, grams, "grams", 0, true,
		    GRAMS_MAX, &g, ld->dl))
			ok = false;
		if (ok) {
			f->servings[f->n_servings].label = xstrdup(text);
			f->servings[f->n_servings].grams = g;
			f->n_servings++;
		}
	}
	return ok;
}

static bool
load_nutrients(struct loader *ld, const struct ynode *n, const char *key,
    struct food *f)
{
	size_t i;
	bool ok = true;
	double v, max, parts = 0, grams;
	char what[64];
	enum nutrient k;

	snprintf(what, sizeof what, "a mapping of nutrients for '%s'", key);
	if (!yread_check_map(ld->doc, n, what, nutrient_keys, ld->dl))
		return false;
	grams = f->n_servings > 0 ? f->servings[0].grams : 0;
	for (i = 0; i < n->n; i++) {
		const struct ynode *kn = n->items[2 * i];
		const struct ynode *vn = n->items[2 * i + 1];
		for (k = 0; k < NUT_COUNT; k++)
			if (kn->type == YNODE_SCALAR &&
			    strcmp(kn->str, nutrient_key(k)) == 0)
				break;
		if (k == NUT_COUNT)
			continue;	/* reported by yread_check_map */
		max = nutrient_max_per_100g(k);
		if (f->per_serving && grams > 0)
			max = max * grams / 100.0;
		if (!yread_number(ld->doc, vn, nutrient_key(k), 0, false,
		    INFINITY, &v, ld->dl)) {
			ok = false;
			continue;
		}
		if (v > max) {
			diag_add(ld->dl, ld->file, vn->line, vn->col,
			    "'%s' is %.10g, more than %s can hold (at most "
			    "%.10g)", nutrient_key(k), v, f->per_serving ?
			    "one serving of its weight" : "100 g", max);
			ok = false;
			continue;
		}
		nutrients_set(&f->nut, k, v);
		if (k <= NUT_MK_OTHER)
			parts += v;
	}
	if (ok && nutrients_has(&f->nut, NUT_K2) &&
	    parts > f->nut.v[NUT_K2] * (1 + 1e-9)) {
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "the K2 chains add up to %.10g, more than k2_ug %.10g",
		    parts, f->nut.v[NUT_K2]);
		ok = false;
	}
	nutrients_finish(&f->nut);
	max = nutrient_max_per_100g(NUT_K2);
	if (f->per_serving && grams > 0)
		max = max * grams / 100.0;
	if (ok && nutrients_has(&f->nut, NUT_K2) && f->nut.v[NUT_K2] > max) {
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "the K2 chains add up to %.10g, more than %s can hold (at "
		    "most %.10g)", f->nut.v[NUT_K2], f->per_serving ?
		    "one serving of its weight" : "100 g", max);
		ok = false;
	}
	return ok;
}

static bool
load_aliases(struct loader *ld, const struct ynode *n, struct food *f)
{
	size_t i;
	const char *text;
	bool ok = true;

	if (n->type != YNODE_SEQ) {
		yread_expected(ld->doc, n, "a list of words for 'aliases'",
		    ld->dl);
		return false;
	}
	f->aliases = xcalloc(n->n, sizeof *f->aliases);
	for (i = 0; i < n->n; i++) {
		if (yread_string(ld->doc, n->items[i], "aliases",
		    CATALOGUE_NAME_MAX, &text, ld->dl))
			f->aliases[f->n_aliases++] = xstrdup(text);
		else
			ok = false;
	}
	return ok;
}

static bool
load_food(struct loader *ld, const struct ynode *n, struct food *f)
{
	const struct ynode *v, *p100, *pserv;
	const char *text;
	size_t before = ld->dl->n + ld->dl->dropped;
	char list[256];
	int i;

	memset(f, 0, sizeof *f);
	f->confidence = CONF_UNRATED;
	f->file = ld->file;
	if (!yread_check_map(ld->doc, n, "a food (a mapping with id, name, "
	    "group, servings and per_100g)", food_keys, ld->dl))
		return false;
	f->line = n->line;
	f->col = n->col;

	v = ynode_get(n, "id");
	if (v == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'id' in a food");
	else if (yread_string(ld->doc, v, "id", 1000, &text, ld->dl)) {
		if (!valid_id(text))
			diag_add(ld->dl, ld->file, v->line, v->col,
			    "invalid id '%.60s': use only a-z, 0-9 and _",
			    text);
		else if (strlen(text) > CATALOGUE_ID_MAX)
			diag_add(ld->dl, ld->file, v->line, v->col,
			    "id '%.60s' is %zu characters long: at most %d",
			    text, strlen(text), CATALOGUE_ID_MAX);
		else
			f->id = xstrdup(text);
	}

	v = ynode_get(n, "name");
	if (v == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'name' in food '%s'", f->id ? f->id : "?");
	else if (yread_string(ld->doc, v, "name", CATALOGUE_NAME_MAX, &text,
	    ld->dl))
		f->name = xstrdup(text);

	v = ynode_get(n, "group");
	list[0] = '\0';
	for (i = 0; i < GROUP_COUNT; i++) {
		strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
		strncat(list, food_group_name(i), sizeof list - strlen(list) - 1);
	}
	if (v == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'group' in food '%s': expected one of %s",
		    f->id ? f->id : "?", list);
	else if (yread_string(ld->doc, v, "group", 64, &text, ld->dl) &&
	    food_group_parse(text, &f->group) != 0)
		diag_add(ld->dl, ld->file, v->line, v->col,
		    "unknown group '%.60s': expected one of %s", text, list);

	if ((v = ynode_get(n, "aliases")) != NULL)
		load_aliases(ld, v, f);

	p100 = ynode_get(n, "per_100g");
	pserv = ynode_get(n, "per_serving");
	f->per_serving = pserv != NULL && p100 == NULL;
	v = ynode_get(n, "servings");
	if (v == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'servings' in food '%s'", f->id ? f->id : "?");
	else
		load_servings(ld, v, f, f->per_serving);

	if (p100 != NULL && pserv != NULL)
		diag_add(ld->dl, ld->file, pserv->line, pserv->col,
		    "both 'per_100g' and 'per_serving' given: use one");
	else if (p100 == NULL && pserv == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'per_100g' or 'per_serving' in food '%s'",
		    f->id ? f->id : "?");
	else if (p100 != NULL)
		load_nutrients(ld, p100, "per_100g", f);
	else
		load_nutrients(ld, pserv, "per_serving", f);

	if ((v = ynode_get(n, "k2_confidence")) != NULL &&
	    yread_string(ld->doc, v, "k2_confidence", 64, &text, ld->dl) &&
	    food_confidence_parse(text, &f->confidence) != 0)
		diag_add(ld->dl, ld->file, v->line, v->col,
		    "unknown k2_confidence '%.60s': expected one of high, "
		    "medium, low, derived, none, label, trial_dose", text);
	if ((v = ynode_get(n, "source")) != NULL &&
	    yread_string(ld->doc, v, "source", SOURCE_MAX, &text, ld->dl))
		f->source = xstrdup(text);
	if ((v = ynode_get(n, "usda")) != NULL &&
	    yread_string(ld->doc, v, "usda", 16, &text, ld->dl)) {
		if (strlen(text) != 5 || strspn(text, "0123456789") != 5)
			diag_add(ld->dl, ld->file, v->line, v->col,
			    "invalid usda '%.20s': expected an SR28 NDB number "
			    "of five digits, quoted (usda: \"01022\")", text);
		else
			memcpy(f->usda, text, 6);
	}
	if ((v = ynode_get(n, "note")) != NULL &&
	    yread_string(ld->doc, v, "note", SOURCE_MAX, &text, ld->dl))
		f->note = xstrdup(text);

	return ld->dl->n + ld->dl->dropped == before && f->id != NULL &&
	    f->name != NULL && f->n_servings > 0;
}

static const char *
own_name(struct catalogue *c, const char *name)
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
static void
drop_duplicates(struct catalogue *c, const char *file, struct diag_list *dl,
    bool *drop)
{
	size_t i, o, first = 0;

	index_rebuild(c);
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
	index_rebuild(c);
}

/* Load a catalogue from a parsed document. */
static int
load_doc(struct catalogue *c, const struct ydoc *doc, struct diag_list *dl)
{
	const struct ynode *root = doc->root, *v, *foods;
	struct loader ld;
	struct food f;
	size_t i, cap = c->n, before = dl->n + dl->dropped;
	double version;
	bool *drop, ok;

	ld.doc = doc;
	ld.dl = dl;
	ld.file = own_name(c, doc->file);
	if (root == NULL) {
		diag_add(dl, doc->file, 1, 1, "the file is empty: expected a "
		    "mapping with 'version: 1' and 'foods'");
		return -1;
	}
	if (!yread_check_map(doc, root, "a mapping with 'version' and "
	    "'foods' at the top", top_keys, dl))
		return -1;
	v = ynode_get(root, "version");
	if (v == NULL)
		diag_add(dl, doc->file, root->line, root->col,
		    "missing 'version': expected 'version: %d' at the top",
		    CATALOGUE_VERSION);
	else if (yread_number(doc, v, "version", 1, false, 1e9, &version,
	    dl) && version != CATALOGUE_VERSION)
		diag_add(dl, doc->file, v->line, v->col,
		    "unsupported version %s: this k2diary reads version %d",
		    v->str, CATALOGUE_VERSION);
	foods = ynode_get(root, "foods");
	if (foods == NULL) {
		diag_add(dl, doc->file, root->line, root->col,
		    "missing 'foods': expected a list of foods");
		return -1;
	}
	if (foods->type != YNODE_SEQ) {
		yread_expected(doc, foods, "a list of foods for 'foods'", dl);
		return -1;
	}
	drop = xcalloc(foods->n + 1, sizeof *drop);
	for (i = 0; i < foods->n; i++) {
		ok = load_food(&ld, foods->items[i], &f);
		if (f.id == NULL) {
			food_release(&f);
			continue;
		}
		/* A bad food with an id stays until duplicates are found. */
		drop[c->n] = !ok;
		add_food(c, &f, &cap);
	}
	drop_duplicates(c, doc->file, dl, drop);
	free(drop);
	return dl->n + dl->dropped == before ? 0 : -1;
}

/* Load and validate a catalogue held in memory. */
int
catalogue_load_buffer(struct catalogue *c, const char *name, const char *buf,
    size_t len, struct diag_list *dl)
{
	struct ydoc doc;
	int ret;

	catalogue_init(c);
	if (yread_buffer(name, buf, len, &doc, dl) != 0)
		return -1;
	ret = load_doc(c, &doc, dl);
	ydoc_release(&doc);
	return ret;
}

/* Load and validate a catalogue file. */
int
catalogue_load_file(struct catalogue *c, const char *path,
    struct diag_list *dl)
{
	struct ydoc doc;
	int ret;

	catalogue_init(c);
	if (yread_file(path, &doc, dl) != 0)
		return -1;
	ret = load_doc(c, &doc, dl);
	ydoc_release(&doc);
	return ret;
}

/* Load the catalogue compiled into the program. */
int
catalogue_load_builtin(struct catalogue *c, struct diag_list *dl)
{
	return catalogue_load_buffer(c, CATALOGUE_BUILTIN_NAME,
	    (const char *)catalogue_builtin, catalogue_builtin_len, dl);
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
			add_food(c, &over->foods[i], &cap);
		memset(&over->foods[i], 0, sizeof over->foods[i]);
	}
	/* The foods borrow their file names: take them over too. */
	for (k = 0; k < over->n_files; k++) {
		c->files = xreallocarray(c->files, c->n_files + 1,
		    sizeof *c->files);
		c->files[c->n_files++] = over->files[k];
	}
	over->n_files = 0;
	index_rebuild(c);
	catalogue_release(over);
}
