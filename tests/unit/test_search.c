/* SPDX-License-Identifier: ISC */
/* Unit tests for search.c: scoring, ranking, usage order, a big catalogue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalogue.h"
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

	got = search_run(&fx->ix, query, hits, N_SMALL);
	if (got != total)
		fail_msg("line %d: \"%s\" matched %zu foods, expected %zu",
		    line, query, got, total);
	for (i = 0; i < n_want; i++)
		if (hits[i].food != want[i])
			fail_msg("line %d: \"%s\" hit %zu is %s, expected %s",
			    line, query, i, fx->cat.foods[hits[i].food].id,
			    fx->cat.foods[want[i]].id);
}

static int
score(const char *hay, const char *fq)
{
	return search_score(hay, strlen(hay), fq);
}

/* Exact scores, from the constants in search.c, and the relative rules. */
static void
test_score_rules(void **state)
{
	char long_hay[71];

	(void)state;
	/* Not a subsequence; empty query. */
	assert_int_equal(score("abc", "x"), -1);
	assert_int_equal(score("abc", "ca"), -1);
	assert_int_equal(score("ab", "abc"), -1);
	assert_int_equal(score("abc", ""), 0);
	/*
	 * Whole word at the start: 20+16+24+12 for g, then o u d a each
	 * 16+12 (run) +12 (the run starts a word), +20 for the whole word.
	 */
	assert_int_equal(score("gouda", "gouda"), 252);
	/* A word start beats the middle of a word: 20+16+12-1 vs 20+16-1. */
	assert_int_equal(score("xx cx", "c"), 47);
	assert_int_equal(score("xxxcx", "c"), 35);
	/* Contiguous beats scattered: 72+40 vs 72-(3+1)+16. */
	assert_int_equal(score("abxy", "ab"), 112);
	assert_int_equal(score("axby", "ab"), 84);
	/* The name start beats a later word start: 72+80+20 vs 47+80+20. */
	assert_int_equal(score("cab", "cab"), 172);
	assert_int_equal(score("x cab", "cab"), 147);
	/* A whole word beats a prefix of a longer word. */
	assert_int_equal(score("brie", "brie"), 212);
	assert_int_equal(score("briex", "brie"), 192);
	/* A run inside a word earns less than one at a word start. */
	assert_int_equal(score("xabx", "ab"), 20 + 16 + 16 + 12);
	/* Shorter text is preferred slightly: 70 bytes cost 70/32 = 2. */
	memset(long_hay, 'x', sizeof long_hay - 1);
	long_hay[sizeof long_hay - 1] = '\0';
	memcpy(long_hay, "ab ", 3);
	assert_int_equal(score("ab x", "ab"), 132);
	assert_int_equal(score(long_hay, "ab"), 130);
	/* A later b that starts a word is taken: 72-(3+4)+16+12 vs 84. */
	assert_int_equal(score("axbx bx", "ab"), 93);
	/* ... unless the rest of the query would not fit after it. */
	assert_int_equal(score("axbcx bx", "abc"), 72 - 4 + 16 + 28);
	/* The best of several starts: "ab" at 3 (47+40+20), not a at 1. */
	assert_int_equal(score("xa ab", "ab"), 107);
	/*
	 * ... even inside a word: the run "eese" from 10 (36-5+3*28) beats
	 * the e of "cottage" (36-3-(3+3)+16-(3+1)+16+28).
	 */
	assert_int_equal(score("cottage cheese", "eese"), 115);
	/* Whole characters: 納豆 at the start, then a space. */
	assert_int_equal(score("納豆 (natto)", "納豆"), 132);
	/* з (d0 b7) is not in "ж·" (d0 b6 c2 b7) though its bytes are. */
	assert_int_equal(score("ж·", "з"), -1);
	assert_int_equal(score("жз", "з"), 35);
}

/* The index holds "name id aliases", folded, id underscores as spaces. */
static void
test_index_text(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(fx->ix.n, N_SMALL);
	assert_string_equal(fx->ix.hay[NATTO],
	    "natto natto fermented soybeans");
	assert_int_equal(fx->ix.hay_len[NATTO], 30);
	assert_string_equal(fx->ix.hay[CREME], "creme fraiche creme fraiche");
	assert_string_equal(fx->ix.hay[NATTO_JP],
	    "納豆 (natto, japanese) natto japanese");
	assert_int_equal(fx->ix.hay_len[NATTO_JP], 39);
	/* g o u d a: the letters' bits; 納 (past ASCII) sets bit 31. */
	assert_int_equal(fx->ix.mask[GOUDA], 1u << 6 | 1u << 14 | 1u << 20 |
	    1u << 3 | 1u << 0);
	assert_true((fx->ix.mask[NATTO_JP] & 1u << 31) != 0);
	assert_true((fx->ix.mask[NATTO] & 1u << 31) == 0);
	assert_int_equal(fx->ix.count[GOUDA], 0);
	assert_int_equal(fx->ix.last[GOUDA], 0);
}

/* Prefixes rank the food whose name starts so first. */
static void
test_prefix_ranks_first(void **state)
{
	struct fixture *fx = *state;

	/* "chicken breast" holds n..a..t too, far lower. */
	check_run(fx, "nat", 3, NATTO, NATTO_JP, BREAST);
	check_run(fx, "gou", 1, GOUDA);
	check_run(fx, "sal", 1, SALAMI);
	check_run(fx, "fermented", 1, NATTO);
	check_run(fx, "japanese", 1, NATTO_JP);
	check_run(fx, "納豆", 1, NATTO_JP);
	check_run(fx, "(natto,", 1, NATTO_JP);
	check_run(fx, "(", 1, NATTO_JP);
}

/* Case and accents do not matter, in the query or the food. */
static void
test_case_and_accents(void **state)
{
	struct fixture *fx = *state;

	check_run(fx, "grue", 1, GRUYERE);
	check_run(fx, "GRU", 1, GRUYERE);
	check_run(fx, "Gruyère", 1, GRUYERE);
	check_run(fx, "creme", 1, CREME);
	check_run(fx, "CRÈME FRAÎCHE", 1, CREME);
	check_run(fx, "fraiche", 1, CREME);
}

/* A fuzzy subsequence matches; runs and word starts rank it. */
static void
test_fuzzy(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[N_SMALL];

	/*
	 * chicken breast: c h at the start (72+40), b starts a word after a
	 * gap of 6 (-9+28), r follows it (+40): 171. Chocolate bar: the r of
	 * "bar" is after a gap (72+40-11+28-4+16 = 141). Cottage cheese has
	 * no b.
	 */
	assert_int_equal(search_run(&fx->ix, "chbr", hits, N_SMALL), 2);
	assert_int_equal(hits[0].food, BREAST);
	assert_int_equal(hits[0].score, 171);
	assert_int_equal(hits[1].food, CHOCOLATE);
	assert_int_equal(hits[1].score, 141);
	/*
	 * The run "chee" of "cottage cheese" (44+120 = 164) beats "che" at
	 * the start of "cheddar" and a later e (72+80-10+16 = 158).
	 */
	assert_int_equal(search_run(&fx->ix, "chee", hits, N_SMALL), 7);
	assert_int_equal(hits[0].score, 164);
	assert_int_equal(hits[1].score, 158);
	check_run(fx, "chee", 7, COTTAGE, CHEDDAR, BREAST, LIVER, THIGH,
	    CHOCOLATE, CREME);
	check_run(fx, "cttgchs", 1, COTTAGE);
	/* The id with '_' typed matches the id with spaces. */
	check_run(fx, "chicken_breast", 1, BREAST);
	check_run(fx, "  Chicken \t  Breast ", 1, BREAST);
}

static void
test_no_match(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[N_SMALL];

	hits[0].food = 999;
	assert_int_equal(search_run(&fx->ix, "xyzzy", hits, N_SMALL), 0);
	assert_int_equal(hits[0].food, 999);
	assert_int_equal(search_run(&fx->ix, "natto natto natto", hits,
	    N_SMALL), 0);
	/* A byte that is not UTF-8 is dropped from the query. */
	assert_int_equal(search_run(&fx->ix, "\xff" "xyz\xfe", hits,
	    N_SMALL), 0);
	assert_int_equal(search_run(&fx->ix, "ch\xff" "br", hits, N_SMALL),
	    2);
}

/* Equal scores: more logged first, then more recent, then the name. */
static void
test_usage_order(void **state)
{
	struct fixture *fx = *state;
	const struct search_usage more[] = {
		{ "chicken_thigh", 3, 100 }, { "chicken_breast", 1, 500 },
	};
	const struct search_usage recent[] = {
		{ "chicken_breast", 2, 1000 }, { "chicken_thigh", 2, 2000 },
	};
	const struct search_usage dup[] = {
		{ "chicken_thigh", 1, 200 }, { "no_such_food", 50, 9999 },
		{ "chicken_breast", 1, 300 }, { "chicken_thigh", 1, 100 },
	};
	const struct search_usage liver[] = { { "chicken_liver", 1, 5 } };
	struct search_hit hits[N_SMALL];

	/* No usage: equal scores, so the name: breast, liver, thigh. */
	assert_int_equal(search_run(&fx->ix, "chicken", hits, N_SMALL), 3);
	assert_int_equal(hits[0].score, 332);
	assert_int_equal(hits[1].score, 332);
	assert_int_equal(hits[2].score, 332);
	check_run(fx, "chicken", 3, BREAST, LIVER, THIGH);

	search_index_usage(&fx->ix, more, ARRAY_LEN(more));
	check_run(fx, "chicken", 3, THIGH, BREAST, LIVER);
	search_index_usage(&fx->ix, recent, ARRAY_LEN(recent));
	check_run(fx, "chicken", 3, THIGH, BREAST, LIVER);

	/* Records of one food add up; an unknown id is ignored. */
	search_index_usage(&fx->ix, dup, ARRAY_LEN(dup));
	assert_int_equal(fx->ix.count[THIGH], 2);
	assert_int_equal(fx->ix.last[THIGH], 200);
	assert_int_equal(fx->ix.count[BREAST], 1);
	assert_int_equal(fx->ix.last[BREAST], 300);
	check_run(fx, "chicken", 3, THIGH, BREAST, LIVER);

	/* A new call replaces the old usage. */
	search_index_usage(&fx->ix, liver, ARRAY_LEN(liver));
	assert_int_equal(fx->ix.count[THIGH], 0);
	assert_int_equal(fx->ix.last[THIGH], 0);
	check_run(fx, "chicken", 3, LIVER, BREAST, THIGH);

	/* Usage never beats a better match: natto before the liver. */
	check_run(fx, "n", 5, NATTO, NATTO_JP, LIVER, BREAST, THIGH);
	search_index_usage(&fx->ix, NULL, 0);
	check_run(fx, "chicken", 3, BREAST, LIVER, THIGH);
}

/* An empty query lists every food, most used first, then catalogue order. */
static void
test_empty_query(void **state)
{
	struct fixture *fx = *state;
	const struct search_usage u[] = {
		{ "salami", 5, 10 }, { "gouda", 5, 20 }, { "cheddar", 1, 999 },
	};
	struct search_hit hits[N_SMALL];

	check_run(fx, "", N_SMALL, NATTO, GOUDA, GRUYERE, CREME, CHEDDAR,
	    BREAST, THIGH, COTTAGE, LIVER, SALAMI, NATTO_JP, CHOCOLATE);
	search_index_usage(&fx->ix, u, ARRAY_LEN(u));
	check_run(fx, "", N_SMALL, GOUDA, SALAMI, CHEDDAR, NATTO, GRUYERE,
	    CREME, BREAST, THIGH, COTTAGE, LIVER, NATTO_JP, CHOCOLATE);
	/* Spaces and '_' alone are an empty query. */
	check_run(fx, " _ \t", N_SMALL, GOUDA, SALAMI, CHEDDAR, NATTO);
	assert_int_equal(search_run(&fx->ix, "", hits, N_SMALL), N_SMALL);
	assert_int_equal(hits[0].score, 0);
}

/* The total counts every match, whatever max is; max 0 fills nothing. */
static void
test_max(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[3];

	hits[1].food = 999;
	assert_int_equal(search_run(&fx->ix, "chicken", hits, 1), 3);
	assert_int_equal(hits[0].food, BREAST);
	assert_int_equal(hits[1].food, 999);
	assert_int_equal(search_run(&fx->ix, "", hits, 2), N_SMALL);
	assert_int_equal(hits[0].food, NATTO);
	assert_int_equal(hits[1].food, GOUDA);
	assert_int_equal(search_run(&fx->ix, "chicken", NULL, 0), 3);
	assert_int_equal(search_run(&fx->ix, "", NULL, 0), N_SMALL);
}

/* An empty catalogue gives an empty index. */
static void
test_empty_catalogue(void **state)
{
	struct catalogue cat;
	struct search_index ix;
	struct search_hit hits[2];
	const struct search_usage u[] = { { "natto", 1, 1 } };

	(void)state;
	catalogue_init(&cat);
	search_index_init(&ix, &cat);
	search_index_usage(&ix, u, 1);
	assert_int_equal(search_run(&ix, "", hits, 2), 0);
	assert_int_equal(search_run(&ix, "a", hits, 2), 0);
	search_index_release(&ix);
	catalogue_release(&cat);
}

/* The big catalogue: food i is "<adj[i % 10]> <noun[i / 10 % 10]> i". */
#define N_BIG 10000
static const char *const adj[] = {
	"Smoked", "Raw", "Aged", "Fresh", "Crème", "Dried", "Salted",
	"Roast", "Pickled", "Grilled",
};
static const char *const noun[] = {
	"chicken", "cheese", "natto", "gouda", "liver", "salmon", "butter",
	"egg", "kale", "yogurt",
};

static int
setup_big(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	struct search_usage *u;
	size_t len = 0, cap = N_BIG * 160, i, n_u = 0;
	char *yaml = xmalloc(cap);

	len += (size_t)snprintf(yaml, cap, "version: 1\nfoods:\n");
	for (i = 0; i < N_BIG; i++) {
		len += (size_t)snprintf(yaml + len, cap - len,
		    "  - {id: food_%zu, name: \"%s %s %zu\", group: other, "
		    "%sservings: [{label: serving, grams: 30}], "
		    "per_100g: {kcal: 100}}\n", i, adj[i % 10],
		    noun[i / 10 % 10], i, i % 7 == 0 ? "aliases: [treat], " :
		    "");
		assert_true(len < cap);
	}
	load(&fx->cat, yaml, len);
	free(yaml);
	assert_int_equal(fx->cat.n, N_BIG);
	search_index_init(&fx->ix, &fx->cat);
	/* Some foods logged: every 97th, counts 0..4, last = i. */
	u = xcalloc(N_BIG / 97 + 1, sizeof *u);
	for (i = 0; i < N_BIG; i += 97) {
		u[n_u].food_id = fx->cat.foods[i].id;
		u[n_u].count = (unsigned)(i % 5);
		u[n_u].last = (int64_t)i;
		n_u++;
	}
	search_index_usage(&fx->ix, u, n_u);
	free(u);
	*state = fx;
	return 0;
}

static const struct search_index *ref_ix;
static int ref_empty;

/*
 * The ranking, written out again for qsort over (food, score) pairs: an
 * empty query skips the score and the text.
 */
static int
ref_cmp(const void *pa, const void *pb)
{
	const struct search_hit *a = pa, *b = pb;
	const struct search_index *ix = ref_ix;
	int cmp;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (ix->count[a->food] != ix->count[b->food])
		return ix->count[a->food] > ix->count[b->food] ? -1 : 1;
	if (ix->last[a->food] != ix->last[b->food])
		return ix->last[a->food] > ix->last[b->food] ? -1 : 1;
	if (!ref_empty &&
	    (cmp = strcmp(ix->hay[a->food], ix->hay[b->food])) != 0)
		return cmp;
	return a->food < b->food ? -1 : a->food > b->food;
}

/* Plain subsequence test, byte by byte (queries here fold to ASCII). */
static int
ref_subseq(const char *hay, const char *q)
{
	for (; *hay != '\0' && *q != '\0'; hay++)
		if (*hay == *q)
			q++;
	return *q == '\0';
}

/*
 * Check query against a full sort of every match: the total, and the
 * first max hits in order. fq is the query as folded (ASCII).
 */
static void
check_big(struct fixture *fx, const char *query, const char *fq,
    size_t max, size_t want_total)
{
	struct search_hit *all = xcalloc(N_BIG, sizeof *all);
	struct search_hit *hits = xcalloc(max, sizeof *hits);
	char *text, *folded;
	size_t i, n = 0, got;
	const struct food *f;

	for (i = 0; i < N_BIG; i++) {
		f = &fx->cat.foods[i];
		text = xasprintf("%s %s%s", f->name, f->id,
		    f->n_aliases > 0 ? " treat" : "");
		text[strlen(f->name) + 5] = ' ';	/* "food_" */
		folded = text_fold(text);
		if (ref_subseq(folded, fq)) {
			all[n].food = i;
			all[n].score = search_score(fx->ix.hay[i],
			    fx->ix.hay_len[i], fq);
			assert_true(fq[0] == '\0' ? all[n].score == 0 :
			    all[n].score > 0);
			n++;
		} else
			assert_int_equal(search_score(fx->ix.hay[i],
			    fx->ix.hay_len[i], fq), -1);
		free(folded);
		free(text);
	}
	if (want_total != (size_t)-1)
		assert_int_equal(n, want_total);
	ref_ix = &fx->ix;
	ref_empty = fq[0] == '\0';
	qsort(all, n, sizeof *all, ref_cmp);
	got = search_run(&fx->ix, query, hits, max);
	assert_int_equal(got, n);
	for (i = 0; i < max && i < n; i++) {
		if (hits[i].food != all[i].food ||
		    hits[i].score != all[i].score)
			fail_msg("\"%s\" hit %zu: food %zu (%d), expected %zu "
			    "(%d)", query, i, hits[i].food, hits[i].score,
			    all[i].food, all[i].score);
	}
	free(hits);
	free(all);
}

static void
test_big_catalogue(void **state)
{
	struct fixture *fx = *state;
	struct search_hit hits[5];

	assert_string_equal(fx->ix.hay[4243], "fresh liver 4243 food 4243");
	assert_string_equal(fx->ix.hay[14], "creme cheese 14 food 14 treat");
	/*
	 * A food by its full name comes first; "fresh liver 4233 food 4233"
	 * and others hold the query too, scattered.
	 */
	assert_int_equal(search_run(&fx->ix, "Fresh liver 4243", hits, 5), 19);
	assert_int_equal(hits[0].food, 4243);
	/* Every food is "food N": the id alone finds one first. */
	assert_true(search_run(&fx->ix, "food_4243", hits, 5) >= 1);
	assert_int_equal(hits[0].food, 4243);
	assert_int_equal(search_run(&fx->ix, "zzz", hits, 5), 0);
	/* 1000 "Crème ..." foods, and others holding c..r..e..m..e. */
	check_big(fx, "CRÈME", "creme", 200, (size_t)-1);
	assert_int_equal(search_run(&fx->ix, "crème", hits, 5) >= 1000, 1);
	assert_int_equal(hits[0].food % 10, 4);
	/*
	 * Each noun is on 1000 foods; "kale" is also in the 28 smoked or
	 * pickled salmon foods with the alias treat (k, a l of salmon, e).
	 */
	check_big(fx, "kale", "kale", 200, 1028);
	check_big(fx, "treat", "treat", 50, 1429);
	check_big(fx, "chick", "chick", 200, 1000);
	check_big(fx, "c", "c", 200, (size_t)-1);
	check_big(fx, "sm ch 9", "sm ch 9", 200, (size_t)-1);
	check_big(fx, "gd", "gd", 10, (size_t)-1);
	check_big(fx, "aged liver 4242", "aged liver 4242", 3, (size_t)-1);
	check_big(fx, "Fresh  liver_4243", "fresh liver 4243", 5, 19);
	check_big(fx, "", "", 200, N_BIG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_rules),
		cmocka_unit_test_setup_teardown(test_index_text, setup_small,
		    teardown),
		cmocka_unit_test_setup_teardown(test_prefix_ranks_first,
		    setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_case_and_accents,
		    setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_fuzzy, setup_small,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_match, setup_small,
		    teardown),
		cmocka_unit_test_setup_teardown(test_usage_order, setup_small,
		    teardown),
		cmocka_unit_test_setup_teardown(test_empty_query, setup_small,
		    teardown),
		cmocka_unit_test_setup_teardown(test_max, setup_small,
		    teardown),
		cmocka_unit_test(test_empty_catalogue),
		cmocka_unit_test_setup_teardown(test_big_catalogue, setup_big,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
