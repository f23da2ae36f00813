/* SPDX-License-Identifier: ISC */
/*
 * Reading foods.yaml (version 1) into the catalogue model strictly, through
 * the one YAML reader: every error at its FILE:LINE:COL, all of them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_yaml.h"
#include "text.h"
#include "util.h"
#include "yread.h"


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
		} else if (yread_string(ld->doc, label, "label", CATALOGUE_LABEL_MAX,
		    &text, ld->dl)) {
			if (!catalogue_valid_label(text)) {
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
		    CATALOGUE_GRAMS_MAX, &g, ld->dl))
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
		if (!catalogue_valid_id(text))
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
	    yread_string(ld->doc, v, "source", CATALOGUE_SOURCE_MAX, &text, ld->dl))
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
	    yread_string(ld->doc, v, "note", CATALOGUE_SOURCE_MAX, &text, ld->dl))
		f->note = xstrdup(text);

	return ld->dl->n + ld->dl->dropped == before && f->id != NULL &&
	    f->name != NULL && f->n_servings > 0;
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
	ld.file = catalogue_own_name(c, doc->file);
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
		catalogue_add(c, &f, &cap);
	}
	catalogue_drop_duplicates(c, doc->file, dl, drop);
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


