/* SPDX-License-Identifier: ISC */
/* libFuzzer harness: the picker's fuzzy filter, checked against brute force. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "diag.h"
#include "search.h"
#include "text.h"

#define FUZZ_HITS 200
/* Longest query tried; the rest of an input is ignored. */
#define FUZZ_TEXT_MAX 1024

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Kept for the whole process: the fuzzer never unloads a harness. */
static struct catalogue cat;
static struct search_index ix;

/* Stop with a message the fuzzer log shows: an invariant is broken. */
static void
broken(const char *what, const char *query)
{
	fprintf(stderr, "fuzz_search: invariant broken: %s (query '%s')\n",
	    what, query);
	abort();
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

	(void)argc;
	(void)argv;
	if (dl == NULL)
		abort();
	diag_list_init(dl);
	if (catalogue_load_builtin(&cat, dl) != 0 || cat.n == 0 ||
	    cat.n > FUZZ_HITS) {
		diag_print(dl, stderr);
		abort();
	}
	free(dl);
	search_index_init(&ix, &cat);
	search_index_usage(&ix, u, sizeof u / sizeof u[0]);
	return 0;
}

/* Bytes in the UTF-8 sequence at s: a lead byte and its continuations. */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	while (n < 4 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/*
 * The query as search_run sees it (query_fold in search.c): folded, '_'
 * and control characters made spaces, runs of spaces squeezed, trimmed.
 */
static char *
fold_query(const char *query)
{
	char *fq = text_fold(query), *r, *w;
	unsigned char ch;

	for (r = w = fq; *r != '\0'; r++) {
		ch = (unsigned char)*r;
		if (ch == '_' || ch < 0x20 || ch == 0x7f)
			ch = ' ';
		if (ch == ' ' && (w == fq || w[-1] == ' '))
			continue;
		*w++ = (char)ch;
	}
	if (w > fq && w[-1] == ' ')
		w--;
	*w = '\0';
	return fq;
}

/* Brute force: fq a subsequence of hay[0..len), character by character. */
static bool
subseq(const char *hay, size_t len, const char *fq)
{
	size_t p = 0, clen;

	for (; *fq != '\0'; fq += clen) {
		clen = char_len(fq);
		while (p + clen <= len && memcmp(hay + p, fq, clen) != 0)
			p++;
		if (p + clen > len)
			return false;
		p += clen;
	}
	return true;
}

/* The order search_run promises: a strictly before b. */
static bool
before(const struct search_hit *a, const struct search_hit *b, bool empty)
{
	int cmp;

	if (!empty && a->score != b->score)
		return a->score > b->score;
	if (ix.count[a->food] != ix.count[b->food])
		return ix.count[a->food] > ix.count[b->food];
	if (ix.last[a->food] != ix.last[b->food])
		return ix.last[a->food] > ix.last[b->food];
	if (!empty && (cmp = strcmp(ix.hay[a->food], ix.hay[b->food])) != 0)
		return cmp < 0;
	return a->food < b->food;
}

static void
check_run(const char *query)
{
	static const size_t tops[] = { 0, 1, 3, 10 };
	struct search_hit hits[FUZZ_HITS], top[10];
	char *fq = fold_query(query);
	bool empty = fq[0] == '\0', seen[FUZZ_HITS];
	size_t total, i, k, t, want = 0;

	total = search_run(&ix, query, hits, FUZZ_HITS);
	if (total > cat.n)
		broken("more hits than foods", query);
	memset(seen, 0, sizeof seen);
	for (i = 0; i < total; i++) {
		if (hits[i].food >= cat.n)
			broken("hit index out of range", query);
		if (seen[hits[i].food])
			broken("a food twice", query);
		seen[hits[i].food] = true;
		if (empty && hits[i].score != 0)
			broken("empty query with a score", query);
		if (!empty && hits[i].score < 1)
			broken("a match scored below 1", query);
		if (!empty && hits[i].score != search_score(ix.hay[hits[i].food],
		    ix.hay_len[hits[i].food], fq))
			broken("hit score is not search_score", query);
		if (i > 0 && hits[i].score > hits[i - 1].score)
			broken("scores not in non-increasing order", query);
		if (i > 0 && !before(&hits[i - 1], &hits[i], empty))
			broken("hits out of order", query);
	}
	for (i = 0; i < cat.n; i++) {
		if (subseq(ix.hay[i], ix.hay_len[i], fq)) {
			want++;
			if (!seen[i])
				broken("a matching food is missing", query);
		}
	}
	if (want != total)
		broken("count differs from brute force", query);
	/* Fewer hits asked for: the best of the full list, in order. */
	for (t = 0; t < sizeof tops / sizeof tops[0]; t++) {
		k = tops[t];
		if (search_run(&ix, query, top, k) != total)
			broken("total depends on max", query);
		for (i = 0; i < k && i < total; i++)
			if (top[i].food != hits[i].food ||
			    top[i].score != hits[i].score)
				broken("top hits differ from the full list",
				    query);
	}
	free(fq);
}

/* search_score on the input cut in two: any bytes, then folded. */
static void
check_score(const char *text, size_t n)
{
	char *hay, *fq, *fhay, *ffq;
	size_t cut = n / 2;
	int sc;

	hay = malloc(cut + 1);
	fq = malloc(n - cut + 1);
	if (hay == NULL || fq == NULL)
		abort();
	memcpy(hay, text, cut);
	hay[cut] = '\0';
	memcpy(fq, text + cut, n - cut);
	fq[n - cut] = '\0';
	sc = search_score(hay, strlen(hay), fq);
	if (fq[0] == '\0' ? sc != 0 : sc != -1 && sc < 1)
		broken("score neither -1, 0 for empty, nor >= 1", fq);
	if (fq[0] != '\0' && (sc >= 1) != subseq(hay, strlen(hay), fq))
		broken("score and subsequence disagree", fq);
	fhay = text_fold(hay);
	ffq = fold_query(fq);
	sc = search_score(fhay, strlen(fhay), ffq);
	if (ffq[0] != '\0' && (sc >= 1) != subseq(fhay, strlen(fhay), ffq))
		broken("folded score and subsequence disagree", ffq);
	free(ffq);
	free(fhay);
	free(fq);
	free(hay);
}

/* Fuzz entry point: the input as a query, and cut in two for scoring. */
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
	check_run(text);
	check_score(text, strlen(text));
	free(text);
	return 0;
}
