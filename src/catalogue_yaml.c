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
#include "ywrite.h"


static const char *const top_keys[] = { "version", "foods", NULL };
static const char *const food_keys[] = {
	"id", "name", "group", "aliases", "servings", "per_100g",
	"per_serving", "k2_confidence", "source", "note", "usda",
	"ingredients", "yields", NULL,
};
static const char *const serving_keys[] = { "label", "grams", NULL };
static const char *const ingredient_keys[] = { "food", "amount", NULL };
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
	struct diag d;

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
			/* The rules every maker of foods shares. */
			if (!catalogue_check_label(text, &d)) {
				diag_add(ld->dl, ld->file, label->line,
				    label->col, "%s", d.msg);
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
	double v;
	char what[64];
	struct diag d;
	enum nutrient k;

	snprintf(what, sizeof what, "a mapping of nutrients for '%s'", key);
	if (!yread_check_map(ld->doc, n, what, nutrient_keys, ld->dl))
		return false;
	for (i = 0; i < n->n; i++) {
		const struct ynode *kn = n->items[2 * i];
		const struct ynode *vn = n->items[2 * i + 1];
		for (k = 0; k < NUT_COUNT; k++)
			if (kn->type == YNODE_SCALAR &&
			    strcmp(kn->str, nutrient_key(k)) == 0)
				break;
		if (k == NUT_COUNT)
			continue;	/* reported by yread_check_map */
		if (!yread_number(ld->doc, vn, nutrient_key(k), 0, false,
		    INFINITY, &v, ld->dl)) {
			ok = false;
			continue;
		}
		/* The rules every maker of foods shares (catalogue.c). */
		if (!catalogue_check_nutrient(f, k, v, &d)) {
			diag_add(ld->dl, ld->file, vn->line, vn->col, "%s",
			    d.msg);
			ok = false;
			continue;
		}
		nutrients_set(&f->nut, k, v);
	}
	if (!ok)
		nutrients_finish(&f->nut);
	else if (!catalogue_finish_k2(f, &d)) {
		diag_add(ld->dl, ld->file, n->line, n->col, "%s", d.msg);
		ok = false;
	}
	return ok;
}

/* The ingredients of a recipe, into r (positions kept for later errors). */
static bool
load_ingredients(struct loader *ld, const struct ynode *n, struct recipe *r)
{
	const struct ynode *s, *food, *amount;
	const char *text;
	size_t i;
	bool ok = true, one;

	if (n->type != YNODE_SEQ) {
		yread_expected(ld->doc, n, "a list of ingredients for "
		    "'ingredients' ({food, amount})", ld->dl);
		return false;
	}
	if (n->n == 0) {
		diag_add(ld->dl, ld->file, n->line, n->col, "'ingredients' is "
		    "empty: expected at least one {food, amount}");
		return false;
	}
	if (n->n > CATALOGUE_INGREDIENTS_MAX) {
		diag_add(ld->dl, ld->file, n->line, n->col, "'ingredients' has "
		    "%zu items: at most %d", n->n, CATALOGUE_INGREDIENTS_MAX);
		return false;
	}
	r->ing = xcalloc(n->n, sizeof *r->ing);
	for (i = 0; i < n->n; i++) {
		s = n->items[i];
		if (!yread_check_map(ld->doc, s, "an ingredient ({food, "
		    "amount})", ingredient_keys, ld->dl)) {
			ok = false;
			continue;
		}
		one = true;
		food = ynode_get(s, "food");
		amount = ynode_get(s, "amount");
		if (food == NULL) {
			diag_add(ld->dl, ld->file, s->line, s->col,
			    "missing 'food' in an ingredient (the id of a "
			    "food)");
			one = false;
		} else if (!yread_string(ld->doc, food, "food", 1000, &text,
		    ld->dl))
			one = false;
		else if (!catalogue_valid_id(text) ||
		    strlen(text) > CATALOGUE_ID_MAX) {
			diag_add(ld->dl, ld->file, food->line, food->col,
			    "invalid food id '%.60s' in an ingredient: an id "
			    "is a-z, 0-9 and _, at most %d characters", text,
			    CATALOGUE_ID_MAX);
			one = false;
		}
		if (amount == NULL) {
			diag_add(ld->dl, ld->file, s->line, s->col,
			    "missing 'amount' in an ingredient (like \"2 "
			    "slice\", \"30g\" or \"1\")");
			one = false;
		} else if (!yread_string(ld->doc, amount, "amount", 100,
		    &text, ld->dl))
			one = false;
		if (!one) {
			ok = false;
			continue;
		}
		r->ing[r->n_ing].food = xstrdup(food->str);
		r->ing[r->n_ing].amount = xstrdup(amount->str);
		r->ing[r->n_ing].line = food->line;
		r->ing[r->n_ing].col = food->col;
		r->ing[r->n_ing].amount_line = amount->line;
		r->ing[r->n_ing].amount_col = amount->col;
		r->n_ing++;
	}
	return ok;
}

/*
 * A recipe (DESIGN §3): ingredients instead of nutrients, yields, and
 * servings that may leave out the grams of the default, or be left out
 * (one serving "serving"). Its figures come in catalogue_resolve_recipes.
 */
static void
load_recipe(struct loader *ld, const struct ynode *n, struct food *f,
    struct recipe *r)
{
	const struct ynode *v, *ingr = ynode_get(n, "ingredients");
	const char *other = ynode_get(n, "per_100g") != NULL ? "per_100g" :
	    ynode_get(n, "per_serving") != NULL ? "per_serving" : NULL;

	f->per_serving = true;
	r->yields = 1;
	if ((v = ynode_get(n, "servings")) != NULL) {
		r->servings_given = true;
		load_servings(ld, v, f, true);
		r->grams_given = f->n_servings > 0 && f->servings[0].grams > 0;
	} else {
		f->servings = xcalloc(1, sizeof *f->servings);
		f->servings[0].label = xstrdup("serving");
		f->n_servings = 1;
	}
	if (other != NULL) {
		v = ynode_get(n, other);
		diag_add(ld->dl, ld->file, v->line, v->col, "both '%s' and "
		    "'ingredients' given: a recipe's nutrients come from its "
		    "ingredients", other);
	}
	if (load_ingredients(ld, ingr, r))
		f->recipe_n = (unsigned char)r->n_ing;
	if ((v = ynode_get(n, "yields")) != NULL) {
		r->yields_given = true;
		if (!yread_number(ld->doc, v, "yields", 0, true,
		    CATALOGUE_YIELDS_MAX, &r->yields, ld->dl))
			r->yields = 1;
	}
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

/* A food's id: valid, not too long, and not the one-off entries' id. */
static void
load_id(struct loader *ld, const struct ynode *n, struct food *f)
{
	const struct ynode *v;
	const char *text;

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
		else if (strcmp(text, CATALOGUE_QUICK_ID) == 0)
			diag_add(ld->dl, ld->file, v->line, v->col,
			    "id '%s' is kept for one-off entries (k2diary "
			    "quick): use another", text);
		else
			f->id = xstrdup(text);
	}
}

/* A food's group, one of food_group_name's; a mistake lists them all. */
static void
load_group(struct loader *ld, const struct ynode *n, struct food *f)
{
	const struct ynode *v;
	const char *text;
	char list[256];
	int i;

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
}

/* The servings and nutrients of a food that is no recipe. */
static void
load_plain(struct loader *ld, const struct ynode *n, struct food *f)
{
	const struct ynode *v, *y, *p100, *pserv;

	p100 = ynode_get(n, "per_100g");
	pserv = ynode_get(n, "per_serving");
	f->per_serving = pserv != NULL && p100 == NULL;
	v = ynode_get(n, "servings");
	if ((y = ynode_get(n, "yields")) != NULL)
		diag_add(ld->dl, ld->file, y->line, y->col, "'yields' "
		    "goes with 'ingredients' (a recipe): leave it out");
	if (v == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'servings' in food '%s'",
		    f->id ? f->id : "?");
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
}

/* The optional facts about a food: confidence, source, usda, note. */
static void
load_about(struct loader *ld, const struct ynode *n, struct food *f)
{
	const struct ynode *v;
	const char *text;

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
}

/*
 * One food (and its recipe, when it has ingredients) from n, every
 * mistake reported; true when it is whole and nothing was reported.
 */
static bool
load_food(struct loader *ld, const struct ynode *n, struct food *f,
    struct recipe *r)
{
	const struct ynode *v;
	const char *text;
	size_t before = ld->dl->n + ld->dl->dropped;

	memset(f, 0, sizeof *f);
	memset(r, 0, sizeof *r);
	f->confidence = CONF_UNRATED;
	f->file = ld->file;
	if (!yread_check_map(ld->doc, n, "a food (a mapping with id, name, "
	    "group, servings and per_100g)", food_keys, ld->dl))
		return false;
	f->line = n->line;
	f->col = n->col;

	load_id(ld, n, f);
	v = ynode_get(n, "name");
	if (v == NULL)
		diag_add(ld->dl, ld->file, n->line, n->col,
		    "missing 'name' in food '%s'", f->id ? f->id : "?");
	else if (yread_string(ld->doc, v, "name", CATALOGUE_NAME_MAX, &text,
	    ld->dl))
		f->name = xstrdup(text);
	load_group(ld, n, f);
	if ((v = ynode_get(n, "aliases")) != NULL)
		load_aliases(ld, v, f);
	if (ynode_get(n, "ingredients") != NULL)
		load_recipe(ld, n, f, r);
	else
		load_plain(ld, n, f);
	load_about(ld, n, f);

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
	struct recipe r;
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
		ok = load_food(&ld, foods->items[i], &f, &r);
		if (f.id == NULL) {
			food_release(&f);
			recipe_release(&r);
			continue;
		}
		/* Its recipe goes with it (dropped with it, if it is). */
		if (f.recipe_n > 0) {
			r.id = xstrdup(f.id);
			r.file = f.file;
			r.line = f.line;
			r.col = f.col;
			catalogue_add_recipe(c, &r);
		} else
			recipe_release(&r);
		/* A bad food with an id stays until duplicates are found. */
		drop[c->n] = !ok;
		catalogue_add(c, &f, &cap);
	}
	catalogue_drop_duplicates(c, doc->file, dl, drop);
	free(drop);
	return dl->n + dl->dropped == before ? 0 : -1;
}

/* Read a catalogue held in memory; its recipes wait. */
int
catalogue_read_buffer(struct catalogue *c, const char *name, const char *buf,
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

/* Read a catalogue file; its recipes wait. */
int
catalogue_read_file(struct catalogue *c, const char *path,
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

/* Load and validate a catalogue held in memory, recipes and all. */
int
catalogue_load_buffer(struct catalogue *c, const char *name, const char *buf,
    size_t len, struct diag_list *dl)
{
	int ret = catalogue_read_buffer(c, name, buf, len, dl);

	if (catalogue_resolve_recipes(c, NULL, dl) != 0)
		ret = -1;
	return ret;
}

/* Load and validate a catalogue file, recipes and all. */
int
catalogue_load_file(struct catalogue *c, const char *path,
    struct diag_list *dl)
{
	int ret = catalogue_read_file(c, path, dl);

	if (catalogue_resolve_recipes(c, NULL, dl) != 0)
		ret = -1;
	return ret;
}

/* The nutrients of a food as written: K2 only where the chains do not make it. */
static void
write_nutrients(struct ywriter *w, const struct food *f)
{
	double chains = 0;
	bool any = false;
	int k;

	for (k = NUT_MK4; k <= NUT_MK_OTHER; k++) {
		if (nutrients_has(&f->nut, k)) {
			/* The same sum, in the same order, as nutrients_finish. */
			chains += f->nut.v[k];
			any = true;
		}
	}
	ywrite_text(w, f->per_serving ? "per_serving" : "per_100g");
	ywrite_map_begin(w, true);
	for (k = 0; k < NUT_COUNT; k++) {
		if (!nutrients_has(&f->nut, k))
			continue;
		if (k == NUT_K2 && any && f->nut.v[k] == chains)
			continue;
		ywrite_text(w, nutrient_key(k));
		ywrite_number(w, f->nut.v[k]);
	}
	ywrite_map_end(w);
}

static void
write_food(struct ywriter *w, const struct catalogue *c, const struct food *f)
{
	const struct recipe *r = catalogue_recipe(c, f);
	size_t i;

	ywrite_map_begin(w, false);
	ywrite_text(w, "id");
	ywrite_text(w, f->id);
	ywrite_text(w, "name");
	ywrite_text(w, f->name);
	ywrite_text(w, "group");
	ywrite_text(w, food_group_name(f->group));
	if (f->n_aliases > 0) {
		ywrite_text(w, "aliases");
		ywrite_seq_begin(w, true);
		for (i = 0; i < f->n_aliases; i++)
			ywrite_text(w, f->aliases[i]);
		ywrite_seq_end(w);
	}
	if (r == NULL || r->servings_given) {
		ywrite_text(w, "servings");
		ywrite_seq_begin(w, false);
		for (i = 0; i < f->n_servings; i++) {
			ywrite_map_begin(w, true);
			ywrite_text(w, "label");
			ywrite_text(w, f->servings[i].label);
			/* A weight left out (per serving, or a recipe's). */
			if (f->servings[i].grams > 0 && (r == NULL || i > 0 ||
			    r->grams_given)) {
				ywrite_text(w, "grams");
				ywrite_number(w, f->servings[i].grams);
			}
			ywrite_map_end(w);
		}
		ywrite_seq_end(w);
	}
	if (r != NULL) {
		ywrite_text(w, "ingredients");
		ywrite_seq_begin(w, false);
		for (i = 0; i < r->n_ing; i++) {
			ywrite_map_begin(w, true);
			ywrite_text(w, "food");
			ywrite_text(w, r->ing[i].food);
			ywrite_text(w, "amount");
			ywrite_quoted(w, r->ing[i].amount);
			ywrite_map_end(w);
		}
		ywrite_seq_end(w);
		if (r->yields_given) {
			ywrite_text(w, "yields");
			ywrite_number(w, r->yields);
		}
	} else
		write_nutrients(w, f);
	if (f->confidence != CONF_UNRATED) {
		ywrite_text(w, "k2_confidence");
		ywrite_text(w, food_confidence_name(f->confidence));
	}
	if (f->source != NULL) {
		ywrite_text(w, "source");
		ywrite_text(w, f->source);
	}
	if (f->note != NULL) {
		ywrite_text(w, "note");
		ywrite_text(w, f->note);
	}
	if (f->usda[0] != '\0') {
		ywrite_text(w, "usda");
		ywrite_quoted(w, f->usda);
	}
	ywrite_map_end(w);
}

/* Write a catalogue as foods.yaml, version 1. */
int
catalogue_write(const struct catalogue *c, const char *comment, char **buf,
    size_t *len, struct diag *d)
{
	struct ywriter *w = ywrite_new(comment);
	size_t i;

	ywrite_map_begin(w, false);
	ywrite_text(w, "version");
	ywrite_number(w, CATALOGUE_VERSION);
	ywrite_text(w, "foods");
	ywrite_seq_begin(w, false);
	for (i = 0; i < c->n; i++)
		write_food(w, c, &c->foods[i]);
	ywrite_seq_end(w);
	ywrite_map_end(w);
	return ywrite_finish(w, buf, len, d);
}
