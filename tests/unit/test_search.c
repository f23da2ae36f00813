/* SPDX-License-Identifier: ISC */
/* Unit tests for search.c: the tiers of DESIGN §3c, ranking, resolving a FOOD. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalogue.h"
#include "catalogue_yaml.h"
#include "search.h"
#include "text.h"
#include "util.h"

/* Big: a diag_list holds 50 messages of 512 bytes. */
static struct diag_list dl;

#define FOOD(id, name, group, extra) \
	"  - {id: " id ", name: \"" name "\", group: " group ", " extra \
	"servings: [{label: serving, grams: 30}], per_100g: {kcal: 100}}\n"

/* Catalogue indexes of the small catalogue below. */
enum {
	NATTO, GOUDA, GRUYERE, CREME, CHEDDAR, BREAST, THIGH, COTTAGE, LIVER,
	SALAMI, NATTO_JP, CHOCOLATE, N_SMALL
};

static const char small_yaml[] =
    "version: 1\n"
    "foods:\n"
    FOOD("natto", "Natto", "fermented_plant", "aliases: [fermented soybeans], ")
    FOOD("gouda", "Gouda", "cheese", "")
    FOOD("gruyere", "Gruyère", "cheese", "")
    FOOD("creme_fraiche", "Crème fraîche", "dairy", "")
    FOOD("cheddar", "Cheddar", "cheese", "")
    FOOD("chicken_breast", "Chicken breast", "meat", "")
    FOOD("chicken_thigh", "Chicken thigh", "meat", "")
    FOOD("cottage_cheese", "Cottage cheese", "dairy", "")
    FOOD("chicken_liver", "Chicken liver", "organ_meat", "")
    FOOD("salami", "Salami", "meat", "")
    FOOD("natto_japanese", "納豆 (natto, Japanese)", "fermented_plant", "")
    FOOD("chocolate_bar", "Chocolate bar", "other", "");

struct fixture {
	struct catalogue cat;
	struct search_index ix;
};

static void
load(struct catalogue *cat, const char *yaml, size_t len)
{
	char msg[600];

	catalogue_init(cat);
	diag_list_init(&dl);
	if (catalogue_load_buffer(cat, "test.yaml", yaml, len, &dl) != 0) {
		diag_format(&dl.d[0], msg, sizeof msg);
		fail_msg("catalogue did not load: %s", msg);
	}
}

static int
setup_small(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);

	load(&fx->cat, small_yaml, sizeof small_yaml - 1);
	assert_int_equal(fx->cat.n, N_SMALL);
	search_index_init(&fx->ix, &fx->cat);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	search_index_release(&fx->ix);
	catalogue_release(&fx->cat);
	free(fx);
	return 0;
}

/* Run query and check the hits (catalogue indexes, best first) and total. */
#define check_run(fx, query, total, ...) do {				\
	const size_t want_[] = { __VA_ARGS__ };				\
	check_run_at((fx), (query), (total), want_,			\
	    ARRAY_LEN(want_), __LINE__);				\
} while (0)

static void
check_run_at(struct fixture *fx, const char *query, size_t total,
    const size_t *want, size_t n_want, int line)
{
	struct search_hit hits[N_SMALL];
	size_t got, i;

	got = search_run(&fx->ix, query, hits, N_SMALL, NULL);
	if (got != total)
		fail_msg("line %d: \"%s\" matched %zu foods, expected %zu",
		    line, query, got, total);
	for (i = 0; i < n_want && i < got; i++)
		if (hits[i].food != want[i])
			fail_msg("line %d: \"%s\" hit %zu is %s, expected %s",
			    line, query, i, fx->cat.foods[hits[i].food].id,
			    fx->cat.foods[want[i]].id);
}


/* Record how often and when foods were logged. */
static void
use(struct fixture *fx, const struct search_usage *u, size_t n)
{
	search_index_usage(&fx->ix, u, n);
}

/*
 * Tier 1 is the id; tier 2 the word starts (the id's start too). Worked
 * out by hand from the catalogue above: within a tier, the shorter name,
 * then the id.
 */
static void
test_id_then_word_starts(void **state)
{
	struct fixture *fx = *state;

	check_run(fx, "natto", 2, NATTO, NATTO_JP);
	check_run(fx, "NATTO", 2, NATTO, NATTO_JP);
	/* cheese: Gouda 5, Cheddar 7, Gruyère 8 bytes, Cottage cheese 14. */
	check_run(fx, "cheese", 4, GOUDA, CHEDDAR, GRUYERE, COTTAGE);
	/* Two names of 13 bytes: by id. */
	check_run(fx, "chicken", 3, LIVER, THIGH, BREAST);
	/* The group is a word of the food: "organ meat" holds "meat". */
	check_run(fx, "meat", 4, SALAMI, LIVER, THIGH, BREAST);
	/* An id is matched exactly or by its start, never inside. */
	check_run(fx, "chicken_l", 1, LIVER);
	check_run(fx, "chicken_liver", 1, LIVER);
	check_run(fx, "_liver", 1, LIVER);
}

/* Every word of the query starts a word of the food, in any order. */
static void
test_words_any_order(void **state)
{
	struct fixture *fx = *state;

	check_run(fx, "natto ferm", 2, NATTO, NATTO_JP);
	check_run(fx, "ferm natto", 2, NATTO, NATTO_JP);
	check_run(fx, "breast chicken", 1, BREAST);
	check_run(fx, "chick br", 1, BREAST);
	check_run(fx, "cheese, cottage", 1, COTTAGE);
	check_run(fx, "natto japanese", 1, NATTO_JP);
	check_run(fx, "(natto)", 2, NATTO, NATTO_JP);
}

/*
 * Word starts before words found inside a word: "ch" starts eight foods'
 * words (chicken, cheese, cheddar, chocolate), and is inside "fraiche".
 */
static void
test_inside_after_word_starts(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[N_SMALL];
	struct search_counts c;

	check_run(fx, "ch", 9, GOUDA, CHEDDAR, GRUYERE, LIVER, THIGH,
	    CHOCOLATE, BREAST, COTTAGE, CREME);
	assert_int_equal(search_run(&fx->ix, "ch", hits, N_SMALL, &c), 9);
	assert_int_equal(c.tiers[SEARCH_ID], 0);
	assert_int_equal(c.tiers[SEARCH_WORDS], 8);
	assert_int_equal(c.tiers[SEARCH_INSIDE], 1);
	assert_int_equal(c.tiers[SEARCH_LETTERS], 0);
	assert_int_equal(hits[8].tier, SEARCH_INSIDE);
	check_run(fx, "eese", 4, GOUDA, CHEDDAR, GRUYERE, COTTAGE);
	check_run(fx, "icke", 3, LIVER, THIGH, BREAST);
}

/*
 * Scattered letters only when nothing else matches: g-d-a is in order in
 * "gouda cheese" and in "cottage cheese dairy", in no food as a word.
 */
static void
test_letters_last(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[N_SMALL];
	struct search_counts c;

	check_run(fx, "gda", 2, GOUDA, COTTAGE);
	assert_int_equal(search_run(&fx->ix, "gda", hits, N_SMALL, &c), 2);
	assert_int_equal(c.tiers[SEARCH_LETTERS], 2);
	assert_int_equal(hits[0].tier, SEARCH_LETTERS);
	/* "sal" starts a word: no scattered matches are added. */
	check_run(fx, "sal", 1, SALAMI);
	/* Nothing at all. */
	check_run(fx, "zzz", 0, 0);
	check_run(fx, "gouda brie", 0, 0);
}

static void
test_case_and_accents(void **state)
{
	struct fixture *fx = *state;

	check_run(fx, "gruyere", 1, GRUYERE);
	check_run(fx, "Gruy\xc3\xa8re", 1, GRUYERE);
	check_run(fx, "GRUY\xc3\x88RE", 1, GRUYERE);
	check_run(fx, "creme fraiche", 1, CREME);
	check_run(fx, "CR\xc3\x88ME", 1, CREME);
	check_run(fx, "\xe7\xb4\x8d\xe8\xb1\x86", 1, NATTO_JP);
	check_run(fx, "  gouda  ", 1, GOUDA);
}

/* Within a tier: usage first (how often, then how recently). */
static void
test_usage_order(void **state)
{
	struct fixture *fx = *state;
	const struct search_usage u[] = {
		{ "gruyere", 3, 50 },
		{ "cheddar", 1, 200 },
		{ "gouda", 1, 100 },
		{ "no_such_food", 9, 999 },
		{ NULL, 9, 999 },
	};

	use(fx, u, ARRAY_LEN(u));
	check_run(fx, "cheese", 4, GRUYERE, CHEDDAR, GOUDA, COTTAGE);
	/* Usage never lifts a food out of its tier. */
	check_run(fx, "eese", 4, GRUYERE, CHEDDAR, GOUDA, COTTAGE);
	check_run(fx, "ch", 9, GRUYERE, CHEDDAR, GOUDA, LIVER, THIGH,
	    CHOCOLATE, BREAST, COTTAGE, CREME);
	/* Records replace what was there; several for one food add up. */
	{
		const struct search_usage v[] = {
			{ "cottage_cheese", 1, 10 },
			{ "cottage_cheese", 1, 20 },
		};
		use(fx, v, ARRAY_LEN(v));
	}
	check_run(fx, "cheese", 4, COTTAGE, GOUDA, CHEDDAR, GRUYERE);
}

/* The user's own foods, then cited, then SR28, within a tier. */
static void
test_origin_order(void **state)
{
	struct fixture *fx = *state;

	fx->cat.foods[GOUDA].origin = ORIGIN_SR28;
	fx->cat.foods[CHEDDAR].origin = ORIGIN_CITED;
	fx->cat.foods[COTTAGE].origin = ORIGIN_OWN;
	fx->cat.foods[GRUYERE].origin = ORIGIN_CITED;
	check_run(fx, "cheese", 4, COTTAGE, CHEDDAR, GRUYERE, GOUDA);
}

/* An empty query lists every food, most used first, then by name. */
static void
test_empty_query(void **state)
{
	struct fixture *fx = *state;
	const struct search_usage u[] = { { "salami", 2, 10 } };

	check_run(fx, "", N_SMALL, CHEDDAR, BREAST, LIVER, THIGH, CHOCOLATE,
	    COTTAGE, CREME, GOUDA, GRUYERE, NATTO, SALAMI, NATTO_JP);
	check_run(fx, "   ", N_SMALL, CHEDDAR, BREAST);
	use(fx, u, 1);
	check_run(fx, "", N_SMALL, SALAMI, CHEDDAR, BREAST);
}

/* max bounds the hits filled, never the count. */
static void
test_max(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[2];

	assert_int_equal(search_run(&fx->ix, "cheese", hits, 2, NULL), 4);
	assert_int_equal(hits[0].food, GOUDA);
	assert_int_equal(hits[1].food, CHEDDAR);
	assert_int_equal(search_run(&fx->ix, "cheese", NULL, 0, NULL), 4);
	assert_int_equal(search_run(&fx->ix, "ch", hits, 1, NULL), 9);
	assert_int_equal(hits[0].food, GOUDA);
}

/* A command's FOOD: an id, a whole name, or the one food of a best tier. */
static void
test_resolve(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[4];
	size_t n;

	assert_int_equal(search_resolve(&fx->ix, "natto", hits, 4, &n), NATTO);
	assert_int_equal(search_resolve(&fx->ix, "Gouda", hits, 4, &n), GOUDA);
	assert_int_equal(search_resolve(&fx->ix, "chicken liver", hits, 4,
	    &n), LIVER);
	assert_int_equal(search_resolve(&fx->ix, "CREME FRAICHE", hits, 4,
	    &n), CREME);
	assert_int_equal(search_resolve(&fx->ix, "salam", hits, 4, &n),
	    SALAMI);
	/* "gru" starts one food's word: that food. */
	assert_int_equal(search_resolve(&fx->ix, "gru", hits, 4, &n),
	    GRUYERE);
	/* Three chickens: none, and the best listed. */
	assert_int_equal(search_resolve(&fx->ix, "chicken", hits, 4, &n), -1);
	assert_int_equal(n, 3);
	assert_int_equal(hits[0].food, LIVER);
	/* "natto" as a word starts two foods, but it is an id. */
	assert_int_equal(search_resolve(&fx->ix, "nat", hits, 4, &n), -1);
	assert_int_equal(n, 2);
	/* One food inside a word and none at a word start: that one. */
	assert_int_equal(search_resolve(&fx->ix, "aiche", hits, 4, &n), CREME);
	/* Two scattered matches: none. */
	assert_int_equal(search_resolve(&fx->ix, "gda", hits, 4, &n), -1);
	assert_int_equal(n, 2);
	assert_int_equal(search_resolve(&fx->ix, "zzz", hits, 4, &n), -1);
	assert_int_equal(n, 0);
}

/* search_tier gives one food's tier, as search_run ranks it. */
static void
test_tier(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(search_tier(&fx->ix, NATTO, "natto", true),
	    SEARCH_ID);
	assert_int_equal(search_tier(&fx->ix, NATTO_JP, "natto", true),
	    SEARCH_WORDS);
	assert_int_equal(search_tier(&fx->ix, CREME, "aiche", true),
	    SEARCH_INSIDE);
	assert_int_equal(search_tier(&fx->ix, GOUDA, "gda", true),
	    SEARCH_LETTERS);
	assert_int_equal(search_tier(&fx->ix, GOUDA, "gda", false), 0);
	assert_int_equal(search_tier(&fx->ix, GOUDA, "zzz", true), 0);
}

static void
test_empty_catalogue(void **state)
{
	struct catalogue cat;
	struct search_index ix;
	struct search_hit hits[4];
	size_t n;

	(void)state;
	catalogue_init(&cat);
	search_index_init(&ix, &cat);
	assert_int_equal(search_run(&ix, "gouda", hits, 4, NULL), 0);
	assert_int_equal(search_run(&ix, "", hits, 4, NULL), 0);
	assert_int_equal(search_resolve(&ix, "gouda", hits, 4, &n), -1);
	assert_int_equal(n, 0);
	search_index_release(&ix);
	catalogue_release(&cat);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup_small, teardown)
	const struct CMUnitTest tests[] = {
		T(test_id_then_word_starts),
		T(test_words_any_order),
		T(test_inside_after_word_starts),
		T(test_letters_last),
		T(test_case_and_accents),
		T(test_usage_order),
		T(test_origin_order),
		T(test_empty_query),
		T(test_max),
		T(test_resolve),
		T(test_tier),
		cmocka_unit_test(test_empty_catalogue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
