/* SPDX-License-Identifier: ISC */
/* The picker's filter: fuzzy subsequence matching over folded text, ranked. */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"
#include "util.h"

/*
 * Scoring. A food matches when the folded query is a subsequence of its
 * folded text ("name id aliases", the id with '_' as ' '), compared one
 * character (one UTF-8 sequence) at a time. Every match then earns:
 *
 *	S_BASE		once, so that every match scores at least 1
 *	S_MATCH		per matched character
 *	S_NAME_START	when the first character matches at offset 0
 *	S_WORD_START	per matched character that starts a word (it is
 *			first, or follows one of " ()/-,")
 *	S_CONSEC	per matched character right after the previous one
 *	S_WORD_EXACT	per run of consecutive matches that is a whole word
 *			(or words): starts a word and ends at a word end
 *	-P_GAP_OPEN - min(gap, P_GAP_MAX)  per gap of `gap` bytes between
 *			two matched characters
 *	-min(first, 2 * P_LATE_MAX) / 2    for a first match at byte `first`
 *	-min(len, 32 * P_LEN_MAX) / 32     for the text's length in bytes
 *
 * A gap costs at most P_GAP_OPEN + P_GAP_MAX < S_MATCH, and the late and
 * length penalties together at most S_BASE, so a match never scores below
 * 1 and -1 is free to mean "no match".
 */
#define S_BASE		20
#define S_MATCH		16
#define S_NAME_START	40
#define S_WORD_START	12
#define S_CONSEC	10
#define S_WORD_EXACT	20
#define P_GAP_OPEN	3
#define P_GAP_MAX	12
#define P_LATE_MAX	12
#define P_LEN_MAX	8

/* Starts tried per food: the first few, then word starts only. */
#define FIRST_STARTS	4
#define MAX_STARTS	8

/* Bytes in the UTF-8 sequence at s (a lead byte and its continuations). */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	while (n < 4 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

static bool
is_sep(char c)
{
	return c == ' ' || c == '(' || c == ')' || c == '/' || c == '-' ||
	    c == ',';
}

static bool
word_start(const char *hay, size_t p)
{
	return p == 0 || is_sep(hay[p - 1]);
}

/* True if the byte at end (one past a match) ends a word. */
static bool
word_end(const char *hay, size_t len, size_t end)
{
	return end == len || is_sep(hay[end]);
}

/* Offset of the first c (clen bytes) in hay at or after from, or -1. */
static long
find_char(const char *hay, size_t len, size_t from, const char *c,
    size_t clen)
{
	const char *q;
	size_t p;

	while (from < len) {
		q = memchr(hay + from, c[0], len - from);
		if (q == NULL)
			return -1;
		p = (size_t)(q - hay);
		if (clen == 1 || (p + clen <= len &&
		    memcmp(q + 1, c + 1, clen - 1) == 0))
			return (long)p;
		from = p + 1;
	}
	return -1;
}

/* True if fq is a subsequence of hay[from..len), character by character. */
static bool
is_subseq(const char *hay, size_t len, size_t from, const char *fq)
{
	size_t clen;
	long p;

	for (; *fq != '\0'; fq += clen) {
		clen = char_len(fq);
		if ((p = find_char(hay, len, from, fq, clen)) < 0)
			return false;
		from = (size_t)p + clen;
	}
	return true;
}

static int
min_int(size_t a, int b)
{
	return a < (size_t)b ? (int)a : b;
}

/* Bonus for a run of consecutive matches hay[start..end). */
static int
run_bonus(const char *hay, size_t len, size_t start, size_t end)
{
	return word_start(hay, start) && word_end(hay, len, end) ?
	    S_WORD_EXACT : 0;
}

/*
 * Score the match whose first character (l0 bytes) is at s, or -1 when the
 * rest of the query does not fit after it. Greedy, forward: each next
 * character is taken right after the previous match when it is there (a
 * run); otherwise at its next occurrence, unless a later occurrence starts
 * a word and the rest of the query still fits after it (so "chbr" takes the
 * b of "breast", not a b inside a word).
 */
static int
score_from(const char *hay, size_t len, const char *fq, size_t s, size_t l0)
{
	const char *c;
	size_t p, end, clen, run = s;
	long q, w;
	int sc = S_BASE + S_MATCH;

	if (s == 0)
		sc += S_NAME_START;
	if (word_start(hay, s))
		sc += S_WORD_START;
	sc -= min_int(s, 2 * P_LATE_MAX) / 2;
	end = s + l0;
	for (c = fq + l0; *c != '\0'; c += clen) {
		clen = char_len(c);
		if (end + clen <= len && memcmp(hay + end, c, clen) == 0) {
			p = end;
			sc += S_CONSEC;
		} else {
			if ((q = find_char(hay, len, end, c, clen)) < 0)
				return -1;
			p = (size_t)q;
			if (!word_start(hay, p)) {
				w = q;
				do
					w = find_char(hay, len, (size_t)w + 1,
					    c, clen);
				while (w >= 0 && !word_start(hay, (size_t)w));
				if (w >= 0 && is_subseq(hay, len,
				    (size_t)w + clen, c + clen))
					p = (size_t)w;
			}
			sc += run_bonus(hay, len, run, end);
			sc -= P_GAP_OPEN + min_int(p - end, P_GAP_MAX);
			run = p;
		}
		sc += S_MATCH;
		if (word_start(hay, p))
			sc += S_WORD_START;
		end = p + clen;
	}
	sc += run_bonus(hay, len, run, end);
	sc -= min_int(len, 32 * P_LEN_MAX) / 32;
	return sc;
}

/*
 * Score hay for the folded query fq; -1 if fq is not a subsequence. The
 * greedy match of score_from is tried from several occurrences of the
 * query's first character (the first FIRST_STARTS, then only those that
 * start a word, MAX_STARTS in all) and the best score is kept. A start
 * that cannot fit the query means no later one can, which ends the search.
 */
int
search_score(const char *hay, size_t hay_len, const char *fq)
{
	size_t l0, from = 0, tried = 0;
	long s;
	int best = -1, sc;

	if (*fq == '\0')
		return 0;
	l0 = char_len(fq);
	while (tried < MAX_STARTS &&
	    (s = find_char(hay, hay_len, from, fq, l0)) >= 0) {
		from = (size_t)s + 1;
		if (tried >= FIRST_STARTS && !word_start(hay, (size_t)s))
			continue;
		tried++;
		if ((sc = score_from(hay, hay_len, fq, (size_t)s, l0)) < 0)
			break;
		if (sc > best)
			best = sc;
	}
	return best;
}

/* Build the index (folding every food once). */
void
search_index_init(struct search_index *ix, const struct catalogue *cat)
{
	size_t i, j, need, bcap = 0, acap = 0, used = 0, len;
	size_t *off;
	char *buf = NULL, *arena = NULL, *folded, *o;
	const struct food *f;

	memset(ix, 0, sizeof *ix);
	ix->cat = cat;
	ix->n = cat->n;
	ix->hay = xcalloc(cat->n, sizeof *ix->hay);
	ix->hay_len = xcalloc(cat->n, sizeof *ix->hay_len);
	ix->count = xcalloc(cat->n, sizeof *ix->count);
	ix->last = xcalloc(cat->n, sizeof *ix->last);
	off = xcalloc(cat->n, sizeof *off);
	for (i = 0; i < cat->n; i++) {
		f = &cat->foods[i];
		need = strlen(f->name) + strlen(f->id) + 2;
		for (j = 0; j < f->n_aliases; j++)
			need += strlen(f->aliases[j]) + 1;
		if (need > bcap) {
			bcap = need * 2;
			buf = xreallocarray(buf, bcap, 1);
		}
		o = stpcpy(buf, f->name);
		*o++ = ' ';
		for (j = 0; f->id[j] != '\0'; j++)
			*o++ = f->id[j] == '_' ? ' ' : f->id[j];
		for (j = 0; j < f->n_aliases; j++) {
			*o++ = ' ';
			o = stpcpy(o, f->aliases[j]);
		}
		*o = '\0';
		folded = text_fold(buf);
		len = strlen(folded);
		/* Every text in one block, in catalogue order, for the scan. */
		if (used + len + 1 > acap) {
			acap = acap * 2 > used + len + 1 ? acap * 2 :
			    used + len + 1 + 4096;
			arena = xreallocarray(arena, acap, 1);
		}
		memcpy(arena + used, folded, len + 1);
		free(folded);
		off[i] = used;
		ix->hay_len[i] = len;
		used += len + 1;
	}
	for (i = 0; i < cat->n; i++)
		ix->hay[i] = arena + off[i];
	free(off);
	free(buf);
}

/* Free the index; hay[0] is the start of the block holding every text. */
void
search_index_release(struct search_index *ix)
{
	if (ix->n > 0)
		free(ix->hay[0]);
	free(ix->hay);
	free(ix->hay_len);
	free(ix->count);
	free(ix->last);
	memset(ix, 0, sizeof *ix);
}

/* Replace the usage of every food by the records given. */
void
search_index_usage(struct search_index *ix, const struct search_usage *u,
    size_t n)
{
	const struct food *f;
	size_t i, k;

	memset(ix->count, 0, ix->n * sizeof *ix->count);
	memset(ix->last, 0, ix->n * sizeof *ix->last);
	for (k = 0; k < n; k++) {
		if (u[k].food_id == NULL ||
		    (f = catalogue_find(ix->cat, u[k].food_id)) == NULL)
			continue;
		i = (size_t)(f - ix->cat->foods);
		if (i >= ix->n)
			continue;	/* the catalogue grew after init */
		if (UINT_MAX - ix->count[i] < u[k].count)
			ix->count[i] = UINT_MAX;
		else
			ix->count[i] += u[k].count;
		if (u[k].last > ix->last[i])
			ix->last[i] = u[k].last;
	}
}

/*
 * Fold the query, then make '_' and control characters spaces, squeeze
 * runs of spaces to one and trim them at both ends. Caller frees.
 */
static char *
query_fold(const char *query)
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

/*
 * True if food a (scoring sa) ranks before hit b: score, usage count and
 * last use, higher first; then the folded text (so the name, then the id)
 * and the catalogue index. An empty query skips score and text.
 */
static bool
ranks_before(const struct search_index *ix, bool empty, size_t a, int sa,
    const struct search_hit *b)
{
	int cmp;

	if (!empty && sa != b->score)
		return sa > b->score;
	if (ix->count[a] != ix->count[b->food])
		return ix->count[a] > ix->count[b->food];
	if (ix->last[a] != ix->last[b->food])
		return ix->last[a] > ix->last[b->food];
	if (!empty && (cmp = strcmp(ix->hay[a], ix->hay[b->food])) != 0)
		return cmp < 0;
	return a < b->food;
}

/*
 * Filter and rank. out holds the best hits so far, best first; a food
 * that does not beat the last of a full out is dropped at once, others are
 * put in place by binary search (no sort of every match, no allocation
 * per food).
 */
size_t
search_run(const struct search_index *ix, const char *query,
    struct search_hit *out, size_t max)
{
	char *fq = query_fold(query);
	size_t i, total = 0, filled = 0, lo, hi, mid;
	bool empty = fq[0] == '\0';
	int sc = 0;

	for (i = 0; i < ix->n; i++) {
		if (!empty) {
			if (!is_subseq(ix->hay[i], ix->hay_len[i], 0, fq))
				continue;
			sc = search_score(ix->hay[i], ix->hay_len[i], fq);
		}
		total++;
		if (max == 0 || (filled == max &&
		    !ranks_before(ix, empty, i, sc, &out[max - 1])))
			continue;
		lo = 0;
		hi = filled;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (ranks_before(ix, empty, i, sc, &out[mid]))
				hi = mid;
			else
				lo = mid + 1;
		}
		if (filled < max)
			filled++;
		memmove(&out[lo + 1], &out[lo],
		    (filled - 1 - lo) * sizeof *out);
		out[lo].food = i;
		out[lo].score = sc;
	}
	free(fq);
	return total;
}
