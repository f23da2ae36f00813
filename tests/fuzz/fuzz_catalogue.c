/* SPDX-License-Identifier: ISC */
/* libFuzzer harness: the catalogue loader on any bytes, then find and search. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "catalogue_yaml.h"
#include "diag.h"
#include "food.h"
#include "search.h"
#include "text.h"

#include "fuzz_messages.h"

#define FUZZ_NAME "fuzz.yaml"
#define FUZZ_HITS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message the fuzzer log shows: an invariant is broken. */
static void
broken(const char *what)
{
	fprintf(stderr, "fuzz_catalogue: invariant broken: %s\n", what);
	abort();
}

/* Format every message, into a roomy buffer and a tiny one. */
static void
check_diags(const struct diag_list *dl)
{
	char buf[1024], tiny[8];
	size_t i;
	bool lax = getenv("K2_FUZZ_LAX_MESSAGES") != NULL;

	if (dl->n > DIAG_MAX || (dl->n < DIAG_MAX && dl->dropped != 0))
		broken("messages dropped below DIAG_MAX");
	for (i = 0; i < dl->n; i++) {
		if (memchr(dl->d[i].msg, '\0', sizeof dl->d[i].msg) == NULL)
			broken("message not terminated");
		if (dl->d[i].msg[0] == '\0')
			broken("empty message");
		if (!lax && !message_clean(dl->d[i].msg))
			broken("message with a control character or bad "
			    "UTF-8");
		diag_format(&dl->d[i], buf, sizeof buf);
		diag_format(&dl->d[i], tiny, sizeof tiny);
		if (strlen(buf) >= sizeof buf || strlen(tiny) >= sizeof tiny)
			broken("formatted message not terminated");
	}
}

/* What a food the loader accepted must hold. */
static void
check_food(const struct catalogue *c, size_t i)
{
	const struct food *f = &c->foods[i], *g;
	size_t k;
	int e;

	if (f->id == NULL || f->name == NULL || f->n_servings == 0 ||
	    f->servings == NULL)
		broken("food without id, name or servings");
	if (f->id[0] == '\0' || strlen(f->id) > CATALOGUE_ID_MAX)
		broken("bad id length");
	for (k = 0; k < f->n_servings; k++) {
		if (f->servings[k].label == NULL ||
		    f->servings[k].label[0] == '\0')
			broken("serving without label");
		if (!isfinite(f->servings[k].grams) ||
		    f->servings[k].grams < 0 || f->servings[k].grams > 5000)
			broken("serving grams out of range");
		if (!f->per_serving && !(f->servings[k].grams > 0))
			broken("per_100g food serving without grams");
	}
	for (e = 0; e < NUT_COUNT; e++) {
		if (nutrients_has(&f->nut, (enum nutrient)e) &&
		    (!isfinite(f->nut.v[e]) || f->nut.v[e] < 0))
			broken("nutrient not finite or negative");
	}
	if ((g = catalogue_find(c, f->id)) != f)
		broken("catalogue_find does not give back the food");
}

/* Fuzz entry point: load, check, search, release. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const queries[] = {
		"natto", "cheese", "", "e", "  crème  brûlée ", "a b c",
	};
	struct catalogue c;
	struct diag_list *dl;
	size_t i, q, total, shown;
	struct search_hit hits[FUZZ_HITS];
	struct search_index ix;
	int ret;

	dl = malloc(sizeof *dl);
	if (dl == NULL)
		return 0;
	diag_list_init(dl);
	ret = catalogue_load_buffer(&c, FUZZ_NAME, (const char *)data, size,
	    dl);
	if (ret != 0 && ret != -1)
		broken("load returned neither 0 nor -1");
	if ((ret == 0) != (dl->n + dl->dropped == 0))
		broken("load result and messages disagree");
	check_diags(dl);
	if (ret == 0) {
		for (i = 0; i < c.n; i++)
			check_food(&c, i);
		for (i = 1; i < c.n; i++) {
			if (strcmp(c.foods[c.by_id[i - 1]].id,
			    c.foods[c.by_id[i]].id) >= 0)
				broken("ids not unique and sorted");
		}
		if (catalogue_find(&c, "") != NULL ||
		    catalogue_find(&c, "\xff") != NULL)
			broken("found a food that cannot exist");
		search_index_init(&ix, &c);
		for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
			total = search_run(&ix, queries[q], hits, FUZZ_HITS,
			    NULL);
			if (total > c.n)
				broken("search matched more foods than exist");
			shown = total < FUZZ_HITS ? total : FUZZ_HITS;
			for (i = 0; i < shown; i++)
				if (hits[i].food >= c.n)
					broken("search hit out of range");
		}
		/* An exact id ranks first, and resolves to its food. */
		for (i = 0; i < c.n && i < 8; i++) {
			if (search_run(&ix, c.foods[i].id, hits, 1, NULL) < 1
			    || hits[0].food != i)
				broken("exact id is not the first hit");
			if (search_resolve(&ix, c.foods[i].id, hits, 1,
			    &shown) != (long)i)
				broken("an id does not resolve to its food");
		}
		/* A zero-length result array must be fine too. */
		(void)search_run(&ix, "n", NULL, 0, NULL);
		search_index_release(&ix);
	}
	catalogue_release(&c);
	free(dl);
	return 0;
}
