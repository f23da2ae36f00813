/* SPDX-License-Identifier: ISC */
/*
 * k2diary food new|edit|rm, the program's own foods in my-foods.yaml, and
 * k2diary quick, a one-off entry (DESIGN §3b). The checks are the
 * loader's (catalogue.c), so a food the shell takes is one the file takes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_table.h"
#include "cli.h"
#include "cli_out.h"
#include "session.h"
#include "date.h"
#include "diag.h"
#include "diary.h"
#include "entry.h"
#include "food.h"
#include "foodform.h"
#include "ownfoods.h"
#include "text.h"
#include "util.h"

/* What food new or food edit was given (NULL, 0 or false when not). */
struct food_spec {
	const char	*name;
	struct serving	 servings[CLI_SERVINGS_MAX];	/* labels borrowed */
	size_t		 n_servings;
	enum cli_per	 per;
	struct nutrients nut;
	const char	*replace;
};

enum food_job_kind {
	JOB_NEW,
	JOB_EDIT,
	JOB_RM
};

/* One change to my-foods.yaml, done under its lock (ownfoods_update). */
struct food_job {
	enum food_job_kind kind;
	const struct session *x;
	const char	*id;		/* edit, rm: the food named */
	const struct food_spec *spec;
	char		*saved_id;	/* the id it ended with; freed by us */
	char		*saved_name;
	const char	*copied_from;	/* edit of another food: its file */
};

/* The nutrient keys of foods.yaml, for messages. */
static void
key_list(char *buf, size_t len)
{
	int k;

	buf[0] = '\0';
	for (k = 0; k < NUT_COUNT; k++) {
		strncat(buf, k ? ", " : "", len - strlen(buf) - 1);
		strncat(buf, nutrient_key(k), len - strlen(buf) - 1);
	}
}

/* A number a person typed for key (foodform_number's rule); printed. */
static int
parse_value(const char *key, const char *s, double *out)
{
	struct diag d;

	if (foodform_number(key, s, out, &d) == 0)
		return 0;
	fprintf(stderr, "k2diary: %s\n", d.msg);
	return -1;
}

/*
 * KEY=VALUE arguments into nut (and grams=N into *grams when grams is not
 * NULL). Returns an exit status; the message is printed.
 */
static int
parse_pairs(char **args, int n, struct nutrients *nut, double *grams)
{
	char keys[200];
	const char *eq;
	size_t klen;
	double v;
	int i, k;
	bool grams_seen = false;

	memset(nut, 0, sizeof *nut);
	for (i = 0; i < n; i++) {
		if ((eq = strchr(args[i], '=')) == NULL || eq == args[i]) {
			key_list(keys, sizeof keys);
			fprintf(stderr, "k2diary: '%s' is not KEY=VALUE (keys: "
			    "%s%s)\n", args[i], keys, grams ? ", grams" : "");
			return EXIT_USAGE;
		}
		klen = (size_t)(eq - args[i]);
		if (grams != NULL && klen == 5 &&
		    strncmp(args[i], "grams", 5) == 0) {
			if (grams_seen) {
				fprintf(stderr, "k2diary: grams given twice\n");
				return EXIT_USAGE;
			}
			grams_seen = true;
			if (parse_value("grams", eq + 1, grams) != 0)
				return EXIT_ERROR;
			if (!(*grams > 0) || *grams > AMOUNT_MAX_GRAMS) {
				fprintf(stderr, "k2diary: expected a number "
				    "above 0 and at most %g for 'grams', found "
				    "'%s'\n", AMOUNT_MAX_GRAMS, eq + 1);
				return EXIT_ERROR;
			}
			continue;
		}
		for (k = 0; k < NUT_COUNT; k++)
			if (strlen(nutrient_key(k)) == klen &&
			    strncmp(args[i], nutrient_key(k), klen) == 0)
				break;
		if (k == NUT_COUNT) {
			key_list(keys, sizeof keys);
			fprintf(stderr, "k2diary: unknown key '%.*s': use one "
			    "of %s%s\n", (int)klen, args[i], keys,
			    grams ? ", grams" : "");
			return EXIT_USAGE;
		}
		if (nutrients_has(nut, k)) {
			fprintf(stderr, "k2diary: %s given twice\n",
			    nutrient_key(k));
			return EXIT_USAGE;
		}
		if (parse_value(nutrient_key(k), eq + 1, &v) != 0)
			return EXIT_ERROR;
		nutrients_set(nut, k, v);
	}
	return EXIT_OK;
}

/* --serving LABEL=GRAMS (or LABEL alone) into the spec (foodform's rule). */
static int
parse_serving(struct food_spec *spec, const char *arg, char *label,
    size_t labellen)
{
	struct diag d;
	size_t i;
	double g;

	if (foodform_serving(arg, label, labellen, &g, &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return EXIT_ERROR;
	}
	for (i = 0; i < spec->n_servings; i++) {
		if (strcasecmp(spec->servings[i].label, label) == 0) {
			fprintf(stderr, "k2diary: duplicate serving label "
			    "'%s'\n", label);
			return EXIT_ERROR;
		}
	}
	spec->servings[spec->n_servings].label = label;
	spec->servings[spec->n_servings++].grams = g;
	return EXIT_OK;
}

/*
 * The options of food new or edit into spec; args are the KEY=VALUE
 * arguments. labels holds the labels the spec borrows.
 */
static int
parse_spec(const struct cli_opts *o, char **args, int nargs,
    struct food_spec *spec, char labels[][CATALOGUE_LABEL_MAX + 1])
{
	struct diag d;
	int i, r;

	memset(spec, 0, sizeof *spec);
	spec->name = o->name;
	spec->per = o->per;
	spec->replace = o->replace;
	if (o->name != NULL && !catalogue_check_text("name", o->name,
	    CATALOGUE_NAME_MAX, &d)) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return EXIT_ERROR;
	}
	for (i = 0; i < o->nservings; i++)
		if ((r = parse_serving(spec, o->servings[i], labels[i],
		    CATALOGUE_LABEL_MAX + 1)) != EXIT_OK)
			return r;
	if (nargs > 0 && o->per == CLI_PER_NONE) {
		fprintf(stderr, "k2diary: say whether '%s' is per 100 g or per "
		    "serving: --per-100g or --per-serving before the "
		    "KEY=VALUE arguments\n", args[0]);
		return EXIT_USAGE;
	}
	if ((r = parse_pairs(args, nargs, &spec->nut, NULL)) != EXIT_OK)
		return r;
	if (o->replace != NULL) {
		if (!catalogue_valid_id(o->replace) ||
		    strlen(o->replace) > CATALOGUE_ID_MAX ||
		    o->replace[0] == '\0') {
			fprintf(stderr, "k2diary: invalid id '%.60s' for "
			    "--replace: use only a-z, 0-9 and _\n",
			    o->replace);
			return EXIT_USAGE;
		}
		if (strcmp(o->replace, CATALOGUE_QUICK_ID) == 0) {
			fprintf(stderr, "k2diary: id '%s' is kept for one-off "
			    "entries (k2diary quick): use another\n",
			    o->replace);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

/* Copy the spec's servings into f (replacing its own). */
static void
set_servings(struct food *f, const struct food_spec *spec)
{
	size_t i;

	for (i = 0; i < f->n_servings; i++)
		free(f->servings[i].label);
	free(f->servings);
	f->servings = xcalloc(spec->n_servings, sizeof *f->servings);
	for (i = 0; i < spec->n_servings; i++) {
		f->servings[i].label = xstrdup(spec->servings[i].label);
		f->servings[i].grams = spec->servings[i].grams;
	}
	f->n_servings = spec->n_servings;
}

/*
 * The rules of the loader for a food that is no recipe: servings with
 * grams unless per serving, nutrients within what the weight holds, the
 * K2 chains within k2_ug. f's nutrients are finished.
 */
static int
check_food(struct food *f, struct diag *d)
{
	size_t i;
	int k;

	for (i = 0; i < f->n_servings; i++) {
		if (!f->per_serving && !(f->servings[i].grams > 0)) {
			diag_set(d, NULL, 0, 0, "missing grams in serving "
			    "'%s' (only per-serving foods may leave them out: "
			    "--serving %s=GRAMS)", f->servings[i].label,
			    f->servings[i].label);
			return -1;
		}
	}
	for (k = 0; k < NUT_COUNT; k++) {
		if (nutrients_has(&f->nut, k) &&
		    !catalogue_check_nutrient(f, k, f->nut.v[k], d))
			return -1;
	}
	if (!catalogue_finish_k2(f, d))
		return -1;
	return 0;
}

/* Where a food of the catalogue in use comes from, for messages. */
static const char *
food_file(const struct food *f)
{
	if (f->file == NULL || strcmp(f->file, CATALOGUE_BUILTIN_NAME) == 0)
		return "the " CATALOGUE_BUILTIN_NAME;
	return f->file;
}

/* food new: a food from the spec, with a new id (or --replace). */
static int
job_new(struct catalogue *own, struct food_job *job, struct diag *d)
{
	const struct food_spec *spec = job->spec;
	struct food f;

	memset(&f, 0, sizeof f);
	f.name = xstrdup(spec->name);
	f.group = GROUP_OTHER;
	f.confidence = CONF_UNRATED;
	f.origin = ORIGIN_OWN;
	f.per_serving = spec->per == CLI_PER_SERVING;
	f.nut = spec->nut;
	set_servings(&f, spec);
	if (check_food(&f, d) != 0) {
		food_release(&f);
		return -1;
	}
	if (spec->replace != NULL) {
		if (catalogue_find(own, spec->replace) == NULL &&
		    catalogue_find(&job->x->cat, spec->replace) == NULL) {
			diag_set(d, NULL, 0, 0, "no food '%s' to replace (see "
			    "'k2diary foods')", spec->replace);
			food_release(&f);
			return -1;
		}
		f.id = xstrdup(spec->replace);
	} else
		f.id = catalogue_new_id(spec->name, own, &job->x->cat);
	job->saved_id = xstrdup(f.id);
	job->saved_name = xstrdup(f.name);
	catalogue_put(own, &f, NULL);
	return 0;
}

/*
 * What food edit's options change in a copy of the food: its name, its
 * servings (a recipe keeps its ingredients), or its figures (a recipe
 * then becomes a food of its own).
 */
static void
apply_spec(struct food *f, struct recipe **rp, const struct food_spec *spec)
{
	if (spec->name != NULL) {
		free(f->name);
		f->name = xstrdup(spec->name);
	}
	if (spec->n_servings > 0) {
		set_servings(f, spec);
		if (*rp != NULL) {
			(*rp)->servings_given = true;
			(*rp)->grams_given = f->servings[0].grams > 0;
		}
	}
	if (spec->per != CLI_PER_NONE) {
		/*
		 * Nutrients given: a recipe becomes a food of its own, and
		 * what was cited for the old figures goes with them.
		 */
		f->per_serving = spec->per == CLI_PER_SERVING;
		f->nut = spec->nut;
		f->confidence = CONF_UNRATED;
		free(f->source);
		free(f->note);
		f->source = f->note = NULL;
		f->usda[0] = '\0';
		if (*rp != NULL) {
			recipe_release(*rp);
			*rp = NULL;
		}
	}
}

/*
 * food edit: an own food changed as the spec says; any other food is
 * first copied to an own one ("my_" and its id, or --replace).
 */
static int
job_edit(struct catalogue *own, struct food_job *job, struct diag *d)
{
	const struct food_spec *spec = job->spec;
	const struct catalogue *from = own;
	const struct food *src = catalogue_find(own, job->id);
	const struct recipe *r;
	struct recipe rec, *rp = NULL;
	struct food f;
	char *id;

	if (src == NULL) {
		from = &job->x->cat;
		if ((src = catalogue_find(from, job->id)) == NULL) {
			diag_set(d, NULL, 0, 0, "no food '%s' (see 'k2diary "
			    "foods')", job->id);
			return -1;
		}
		job->copied_from = food_file(src);
	}
	catalogue_food_copy(&f, src);
	if ((r = catalogue_recipe(from, src)) != NULL) {
		recipe_copy(&rec, r);
		rp = &rec;
	}
	apply_spec(&f, &rp, spec);
	if (rp == NULL && check_food(&f, d) != 0) {
		food_release(&f);
		return -1;
	}
	if (spec->replace != NULL)
		id = xstrdup(spec->replace);
	else if (from == own)
		id = xstrdup(job->id);
	else
		id = catalogue_new_id(job->id, own, &job->x->cat);
	if (spec->replace != NULL && catalogue_find(own, id) == NULL &&
	    catalogue_find(&job->x->cat, id) == NULL) {
		diag_set(d, NULL, 0, 0, "no food '%s' to replace (see 'k2diary "
		    "foods')", id);
		free(id);
		food_release(&f);
		if (rp != NULL)
			recipe_release(rp);
		return -1;
	}
	/* Renamed by --replace: the old own food goes. */
	if (from == own && strcmp(id, job->id) != 0)
		catalogue_remove(own, job->id);
	free(f.id);
	f.id = id;
	f.file = NULL;
	f.line = f.col = 0;
	f.origin = ORIGIN_OWN;
	job->saved_id = xstrdup(f.id);
	job->saved_name = xstrdup(f.name);
	catalogue_put(own, &f, rp);
	return 0;
}

/* Is id an ingredient of a recipe of c other than itself? Its name, or NULL. */
static const char *
used_by(const struct catalogue *c, const char *id)
{
	size_t i, k;

	for (i = 0; i < c->n_recipes; i++) {
		if (strcmp(c->recipes[i].id, id) == 0)
			continue;
		for (k = 0; k < c->recipes[i].n_ing; k++)
			if (strcmp(c->recipes[i].ing[k].food, id) == 0)
				return c->recipes[i].id;
	}
	return NULL;
}

/* food rm: an own food goes; a recipe that uses it must change first. */
static int
job_rm(struct catalogue *own, struct food_job *job, struct diag *d)
{
	const struct food *f = catalogue_find(own, job->id);
	const char *user;

	if (f == NULL) {
		f = catalogue_find(&job->x->cat, job->id);
		if (f == NULL)
			diag_set(d, NULL, 0, 0, "no own food '%s'", job->id);
		else
			diag_set(d, NULL, 0, 0, "'%s' comes from %s: only own "
			    "foods (%s) can be removed", job->id, food_file(f),
			    OWNFOODS_LEAF);
		return -1;
	}
	if ((user = used_by(own, job->id)) != NULL ||
	    (user = used_by(&job->x->cat, job->id)) != NULL) {
		diag_set(d, NULL, 0, 0, "'%s' is an ingredient of recipe '%s': "
		    "change the recipe first", job->id, user);
		return -1;
	}
	job->saved_id = xstrdup(f->id);
	job->saved_name = xstrdup(f->name);
	catalogue_remove(own, job->id);
	return 0;
}

/* The change under the lock (an ownfoods_change_fn). */
static int
run_job(struct catalogue *own, void *arg, struct diag *d)
{
	struct food_job *job = arg;

	switch (job->kind) {
	case JOB_NEW:
		return job_new(own, job, d);
	case JOB_EDIT:
		return job_edit(own, job, d);
	case JOB_RM:
		return job_rm(own, job, d);
	}
	return -1;
}

static int
food_usage(void)
{
	fprintf(stderr, "k2diary: usage: k2diary food new --name NAME "
	    "--serving LABEL=GRAMS... (--per-100g | --per-serving) "
	    "KEY=VALUE... [--replace ID]\n"
	    "       k2diary food edit ID [--name NAME] [--serving "
	    "LABEL=GRAMS...] [--per-100g | --per-serving KEY=VALUE...] "
	    "[--replace ID]\n"
	    "       k2diary food rm ID\n");
	return EXIT_USAGE;
}

/* What a food job did, in a line. */
static void
job_said(const struct food_job *job, const char *path)
{
	if (job->kind == JOB_NEW)
		printf("added %s (%s) to %s\n", job->saved_id, job->saved_name,
		    path);
	else if (job->kind == JOB_RM)
		printf("removed %s (%s) from %s\n", job->saved_id,
		    job->saved_name, path);
	else if (job->copied_from != NULL)
		printf("copied %s (from %s) to %s (%s) in %s\n", job->id,
		    job->copied_from, job->saved_id, job->saved_name, path);
	else
		printf("changed %s (%s) in %s\n", job->saved_id,
		    job->saved_name, path);
}

/* k2diary food new|edit|rm. */
int
cmd_food(struct session *x, const struct cli_opts *o)
{
	char labels[CLI_SERVINGS_MAX][CATALOGUE_LABEL_MAX + 1];
	struct food_spec spec;
	struct food_job job;
	struct diag_list *dl;
	const char *sub = o->nargs > 0 ? o->args[0] : "";
	char *path;
	int r, first;

	memset(&job, 0, sizeof job);
	job.x = x;
	job.spec = &spec;
	if (strcmp(sub, "new") == 0) {
		job.kind = JOB_NEW;
		first = 1;
	} else if (strcmp(sub, "edit") == 0 && o->nargs >= 2) {
		job.kind = JOB_EDIT;
		job.id = o->args[1];
		first = 2;
	} else if (strcmp(sub, "rm") == 0 && o->nargs == 2) {
		job.kind = JOB_RM;
		job.id = o->args[1];
		first = 2;
	} else
		return food_usage();
	if (job.kind == JOB_RM && (o->name != NULL || o->nservings > 0 ||
	    o->per != CLI_PER_NONE || o->replace != NULL)) {
		fprintf(stderr, "k2diary: food rm takes an ID and no "
		    "options\n");
		return EXIT_USAGE;
	}
	if ((r = parse_spec(o, o->args + first, o->nargs - first, &spec,
	    labels)) != EXIT_OK)
		return r;
	if (job.kind == JOB_NEW && (spec.name == NULL ||
	    spec.n_servings == 0 || spec.per == CLI_PER_NONE)) {
		fprintf(stderr, "k2diary: food new needs %s\n",
		    spec.name == NULL ? "--name NAME" : spec.n_servings == 0 ?
		    "a --serving LABEL=GRAMS (the first is the default)" :
		    "--per-100g or --per-serving, then its KEY=VALUE "
		    "nutrients");
		return EXIT_USAGE;
	}
	if (o->foods != NULL) {
		fprintf(stderr, "k2diary: --foods FILE (or K2DIARY_FOODS) uses "
		    "that file alone: the own foods (%s) are not in use; "
		    "nothing changed\n", OWNFOODS_LEAF);
		return EXIT_USAGE;
	}
	if ((path = ownfoods_path()) == NULL) {
		fprintf(stderr, "k2diary: cannot find %s: HOME is not set\n",
		    OWNFOODS_LEAF);
		return EXIT_ERROR;
	}
	dl = xmalloc(sizeof *dl);
	diag_list_init(dl);
	if (ownfoods_update(path, run_job, &job, dl) != 0) {
		diag_print(dl, stderr);
		r = EXIT_ERROR;
	} else {
		job_said(&job, path);
		r = EXIT_OK;
	}
	free(job.saved_id);
	free(job.saved_name);
	free(dl);
	free(path);
	return r;
}

/* The KEY=VALUE arguments' texts into the form's fields (keys checked). */
static void
form_from_pairs(struct foodform *ff, char **args, int n)
{
	const char *eq;
	size_t klen;
	int i, k;

	for (i = 0; i < n; i++) {
		eq = strchr(args[i], '=');
		klen = (size_t)(eq - args[i]);
		for (k = 0; k < FF_COUNT; k++) {
			const char *key = k == FF_GRAMS ? "grams" :
			    foodform_nutrient(k) >= 0 ?
			    nutrient_key(foodform_nutrient(k)) : NULL;
			if (key != NULL && strlen(key) == klen &&
			    strncmp(args[i], key, klen) == 0)
				snprintf(ff->text[k], sizeof ff->text[k], "%s",
				    eq + 1);
		}
	}
}

/* Log a one-off entry and say what it did to the limits. */
static int
quick_log(struct session *x, struct entry *e)
{
	struct entry_list l1, l2;
	struct gauge *before, *after;
	struct diag d;
	int ret = EXIT_ERROR;

	if (cli_open_diary(x) != 0)
		return EXIT_ERROR;
	before = xmalloc(sizeof *before);
	after = xmalloc(sizeof *after);
	if (cli_week(x, x->day, &l1, before) != 0)
		goto out;
	if (diary_add(x->diary, e, &d) != 0) {
		cli_print_diag(&d);
		entry_list_release(&l1);
		goto out;
	}
	cli_print_entry_line(e, "logged");
	if (cli_week(x, x->day, &l2, after) == 0) {
		cli_print_new_warnings(x, NULL, before, after, x->day);
		entry_list_release(&l2);
	}
	entry_list_release(&l1);
	ret = EXIT_OK;
out:
	free(before);
	free(after);
	return ret;
}

/*
 * k2diary quick NAME KEY=VALUE... [grams=N]: an entry of food id "quick",
 * serving "portion", quantity and servings 1, with only the nutrients
 * given (the others unknown) and the grams given (else unknown, 0).
 */
int
cmd_quick(struct session *x, const struct cli_opts *o)
{
	struct foodform ff;
	struct nutrients nut;
	struct entry e;
	struct diag d;
	enum foodform_field bad;
	char day[16], today[16];
	double grams = 0;
	int r;

	if (o->nargs < 1) {
		fprintf(stderr, "k2diary: usage: k2diary quick NAME "
		    "KEY=VALUE... [grams=N] [--date DAY]\n");
		return EXIT_USAGE;
	}
	if (strchr(o->args[0], '=') != NULL) {
		fprintf(stderr, "k2diary: quick takes a NAME first (k2diary "
		    "quick \"Restaurant lasagne\" sodium_mg=1800)\n");
		return EXIT_USAGE;
	}
	if (o->nargs > 1 && strchr(o->args[1], '=') == NULL) {
		fprintf(stderr, "k2diary: '%s' is not KEY=VALUE: quote a NAME "
		    "with spaces (k2diary quick \"%s %s\" ...)\n", o->args[1],
		    o->args[0], o->args[1]);
		return EXIT_USAGE;
	}
	/* The keys' syntax here; the values by the form's rules. */
	if ((r = parse_pairs(o->args + 1, o->nargs - 1, &nut, &grams)) !=
	    EXIT_OK)
		return r;
	if (nut.known == 0) {
		fprintf(stderr, "k2diary: quick needs at least one KEY=VALUE "
		    "(like sodium_mg=1800)\n");
		return EXIT_USAGE;
	}
	foodform_init(&ff, FOODFORM_QUICK);
	snprintf(ff.text[FF_NAME], sizeof ff.text[FF_NAME], "%s", o->args[0]);
	form_from_pairs(&ff, o->args + 1, o->nargs - 1);
	if (foodform_quick_entry(&ff, x->day, x->now, &e, &bad, &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return EXIT_ERROR;
	}
	if (x->day > x->today) {
		fprintf(stderr, "k2diary: %s is after today (%s): nothing "
		    "logged\n", date_format(x->day, day, sizeof day),
		    date_format(x->today, today, sizeof today));
		entry_release(&e);
		return EXIT_ERROR;
	}
	r = quick_log(x, &e);
	entry_release(&e);
	return r;
}
