/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer harness: finding foods (search.c) against an oracle written
 * from DESIGN §3c alone, with its own word splitting and matching.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "diag.h"
#include "search.h"
#include "text.h"

/* Longest query tried; the rest of an input is ignored. */
#define FUZZ_TEXT_MAX 256
/* Words a text may hold for the oracle (catalogue names are short). */
#define MAX_WORDS 256

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Kept for the whole process: the fuzzer never unloads a harness. */
static struct catalogue cat;
static struct search_index ix;
static char **oracle_hay;		/* the oracle's own text per food */
static struct search_hit *hits, *top;

/* Stop with a message the fuzzer log shows: an invariant is broken. */
static void
broken(const char *what, const char *query)
{
	fprintf(stderr, "fuzz_search: invariant broken: %s (query '%s')\n",
	    what, query);
	abort();
}

/*
 * The oracle's text of a food, from the rule: its name, aliases and group
 * (a group's '_' parts are words), folded (lower case, no accents).
 */
static char *
oracle_text(const struct food *f)
{
	size_t len = strlen(f->name) + strlen(food_group_name(f->group)) + 2;
	size_t i;
	char *s, *folded;

	for (i = 0; i < f->n_aliases; i++)
		len += strlen(f->aliases[i]) + 1;
	s = malloc(len + 1);
	if (s == NULL)
		abort();
	strcpy(s, f->name);
	for (i = 0; i < f->n_aliases; i++) {
		strcat(s, " ");
		strcat(s, f->aliases[i]);
	}
	strcat(s, " ");
	strcat(s, food_group_name(f->group));
	folded = text_fold(s);
	free(s);
	return folded;
}

/* Build the index once, with some usage so that ties are broken by it. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct search_usage u[] = {
		{ "natto", 5, 1700000000 },
		{ "gouda", 5, 1700000500 },
		{ "egg_yolk", 2, 1600000000 },
		{ "chicken_liver", 2, 1600000000 },
		{ "no_such_food", 9, 1 },
	};
	struct diag_list *dl = malloc(sizeof *dl);
	size_t i;

	(void)argc;
	(void)argv;
	if (dl == NULL)
		abort();
	diag_list_init(dl);
	catalogue_load_builtin(&cat);
	if (cat.n == 0) {
		diag_print(dl, stderr);
		abort();
	}
	free(dl);
	/* Some foods of each origin, so that the order by origin is tried. */
	for (i = 0; i < cat.n; i++)
		cat.foods[i].origin = (enum food_origin)(i % 3);
	search_index_init(&ix, &cat);
	search_index_usage(&ix, u, sizeof u / sizeof u[0]);
	oracle_hay = calloc(cat.n, sizeof *oracle_hay);
	hits = calloc(cat.n, sizeof *hits);
	top = calloc(cat.n, sizeof *top);
	if (oracle_hay == NULL || hits == NULL || top == NULL)
		abort();
	for (i = 0; i < cat.n; i++)
		oracle_hay[i] = oracle_text(&cat.foods[i]);
	return 0;
}

/* A byte of a word: a-z, 0-9, or part of a character past ASCII. */
static bool
in_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Split s into words: start offsets and lengths. */
static size_t
words_of(const char *s, size_t *start, size_t *len)
{
	size_t i = 0, n = 0, b;

	while (s[i] != '\0' && n < MAX_WORDS) {
		while (s[i] != '\0' && !in_word((unsigned char)s[i]))
			i++;
		if (s[i] == '\0')
			break;
		b = i;
		while (in_word((unsigned char)s[i]))
			i++;
		start[n] = b;
		len[n++] = i - b;
	}
	return n;
}

/* Does w (n bytes) appear anywhere in s? Byte by byte. */
static bool
contains(const char *s, const char *w, size_t n)
{
	size_t i, len = strlen(s);

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, w, n) == 0)
			return true;
	return false;
}

/*
 * The tier of food f for query q, from DESIGN §3c: 1 the id equals the
 * query (trimmed, ASCII letters in any case); 2 every query word starts a
 * word of the food, or the query (one word as typed) starts the id; 3
 * every query word is inside the food's text; 4 the query's word bytes in
 * order. 0: none.
 */
static int
oracle_tier(size_t f, const char *q, bool letters)
{
	static size_t qs[MAX_WORDS], ql[MAX_WORDS], hs[MAX_WORDS],
	    hl[MAX_WORDS];
	const char *id = cat.foods[f].id, *hay = oracle_hay[f];
	char trimmed[FUZZ_TEXT_MAX + 1], *fq, seq[FUZZ_TEXT_MAX * 2 + 1];
	size_t nq, nh, a, b, i, j, k, n;
	bool all, found;
	int tier = 0;

	for (a = 0; q[a] == ' ' || q[a] == '\t'; a++)
		;
	for (b = strlen(q); b > a && (q[b - 1] == ' ' || q[b - 1] == '\t'); b--)
		;
	if (a == b)
		return 0;
	for (i = a; i < b; i++)
		trimmed[i - a] = (char)(q[i] >= 'A' && q[i] <= 'Z' ? q[i] + 32 :
		    q[i]);
	trimmed[b - a] = '\0';
	if (strcmp(trimmed, id) == 0)
		return 1;
	if (strpbrk(trimmed, " \t") == NULL &&
	    strncmp(id, trimmed, strlen(trimmed)) == 0)
		return 2;
	fq = text_fold(trimmed);
	nq = words_of(fq, qs, ql);
	nh = words_of(hay, hs, hl);
	if (nq > 0) {
		for (i = 0, all = true; i < nq && all; i++) {
			for (j = 0, found = false; j < nh && !found; j++)
				found = hl[j] >= ql[i] && memcmp(hay + hs[j],
				    fq + qs[i], ql[i]) == 0;
			all = found;
		}
		if (all)
			tier = 2;
		for (i = 0, all = true; tier == 0 && i < nq && all; i++)
			all = contains(hay, fq + qs[i], ql[i]);
		if (tier == 0 && all)
			tier = 3;
		if (tier == 0 && letters) {
			for (i = 0, n = 0; i < nq; i++) {
				memcpy(seq + n, fq + qs[i], ql[i]);
				n += ql[i];
			}
			for (i = 0, k = 0; hay[i] != '\0' && k < n; i++)
				if (hay[i] == seq[k])
					k++;
			if (k == n)
				tier = 4;
		}
	}
	free(fq);
	return tier;
}

/* The order search_run promises within the same query: a before b. */
static bool
before(const struct search_hit *a, const struct search_hit *b)
{
	const struct food *fa = &cat.foods[a->food];
	const struct food *fb = &cat.foods[b->food];

	if (a->tier != b->tier)
		return a->tier < b->tier;
	if (a->tier != 0 && fa->origin != fb->origin)
		return fa->origin < fb->origin;
	if (ix.count[a->food] != ix.count[b->food])
		return ix.count[a->food] > ix.count[b->food];
	if (ix.last[a->food] != ix.last[b->food])
		return ix.last[a->food] > ix.last[b->food];
	if (fa->origin != fb->origin)
		return fa->origin < fb->origin;
	if (a->tier == 0)
		return strcmp(ix.hay[a->food], ix.hay[b->food]) <= 0;
	if (strlen(fa->name) != strlen(fb->name))
		return strlen(fa->name) < strlen(fb->name);
	return strcmp(fa->id, fb->id) < 0;
}

static void
check_run(const char *query)
{
	static const size_t tops[] = { 0, 1, 3, 10 };
	bool *seen = calloc(cat.n, sizeof *seen);
	size_t total, i, k, t, want = 0, want4 = 0;
	int tier;

	if (seen == NULL)
		abort();
	total = search_run(&ix, query, hits, cat.n, NULL);
	if (total > cat.n)
		broken("more hits than foods", query);
	for (i = 0; i < total; i++) {
		if (hits[i].food >= cat.n)
			broken("hit index out of range", query);
		if (seen[hits[i].food])
			broken("a food twice", query);
		seen[hits[i].food] = true;
		if (i > 0 && !before(&hits[i - 1], &hits[i]))
			broken("hits out of order", query);
	}
	for (i = 0; i < cat.n; i++) {
		tier = oracle_tier(i, query, false);
		if (tier != search_tier(&ix, i, query, false))
			broken("a food's tier differs from the oracle's", query);
		if (tier != 0) {
			want++;
			if (!seen[i])
				broken("a matching food is missing", query);
		} else if (oracle_tier(i, query, true) == 4)
			want4++;
	}
	/* The scattered letters count only when nothing else matched. */
	if (want == 0 && want4 > 0) {
		for (i = 0; i < total; i++)
			if (hits[i].tier != SEARCH_LETTERS ||
			    oracle_tier(hits[i].food, query, true) != 4)
				broken("a scattered hit the oracle denies", query);
		want = want4;
	}
	if (want != total && query[strspn(query, " \t")] != '\0')
		broken("count differs from the oracle", query);
	/* Fewer hits asked for: the best of the full list, in order. */
	for (t = 0; t < sizeof tops / sizeof tops[0]; t++) {
		k = tops[t];
		if (search_run(&ix, query, top, k, NULL) != total)
			broken("total depends on max", query);
		for (i = 0; i < k && i < total; i++)
			if (top[i].food != hits[i].food ||
			    top[i].tier != hits[i].tier)
				broken("top hits differ from the full list",
				    query);
	}
	free(seen);
}

/* Fuzz entry point: the input as a query. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	size_t n = size > FUZZ_TEXT_MAX ? FUZZ_TEXT_MAX : size;

	text = malloc(n + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, n);
	text[n] = '\0';
	/* A NUL ends a query as it ends a C string. */
	check_run(text);
	free(text);
	return 0;
}
