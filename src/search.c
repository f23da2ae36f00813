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
 * folded text ("name id aliases", every '_' made a space), compared one
 * character (one UTF-8 sequence) at a time. Every match then earns:
 *
 *	S_BASE		once, so that every match scores at least 1
 *	S_MATCH		per matched character
 *	S_NAME_START	when the first character matches at offset 0
 *	S_WORD_START	per matched character that starts a word (it is
 *			first, or follows one of " ()/-,"), and per
 *			character of a run of consecutive matches that
 *			started a word (so "chee" is best in "cheese")
 *	S_CONSEC	per matched character right after the previous one
 *	S_WORD_EXACT	per run of consecutive matches that is a whole word
 *			(or words) both in the query and in the text
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
#define S_NAME_START	24
#define S_WORD_START	12
#define S_CONSEC	12
#define S_WORD_EXACT	20
#define P_GAP_OPEN	3
#define P_GAP_MAX	12
#define P_LATE_MAX	12
#define P_LEN_MAX	8

/* Starts tried per food (see search_score). */
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

/*
 * Offset of the first c (clen bytes) that starts a word in hay at or after
 * from (at least 1), or -1. A plain loop: the texts are short.
 */
static long
find_word_char(const char *hay, size_t len, size_t from, const char *c,
    size_t clen)
{
	size_t p;

	for (p = from; p + clen <= len; p++)
		if (hay[p] == c[0] && is_sep(hay[p - 1]) && (clen == 1 ||
		    memcmp(hay + p + 1, c + 1, clen - 1) == 0))
			return (long)p;
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

/*
 * The same for a query of ASCII only, in one pass: short texts make this
 * quicker than a memchr per character.
 */
static bool
ascii_subseq(const char *hay, const char *fq)
{
	for (; *hay != '\0'; hay++)
		if (*hay == *fq && *++fq == '\0')
			return true;
	return false;
}

/*
 * A bit for a byte of folded text: one per letter a-z, one per pair of
 * digits, one for every byte past ASCII; 0 for the rest. A food whose mask
 * lacks a bit of the query's cannot match it.
 */
static uint32_t
byte_bit(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return 1u << (c - 'a');
	if (c >= '0' && c <= '9')
		return 1u << (26 + (c - '0') / 2);
	if (c >= 0x80)
		return 1u << 31;
	return 0;
}

static uint32_t
text_mask(const char *s)
{
	uint32_t m = 0;

	for (; *s != '\0'; s++)
		m |= byte_bit((unsigned char)*s);
	return m;
}

/* Make every '_' a space, as in the query (and so the id's). */
static void
underscores_to_spaces(char *s)
{
	while ((s = strchr(s, '_')) != NULL)
		*s++ = ' ';
}

static int
min_int(size_t a, int b)
{
	return a < (size_t)b ? (int)a : b;
}

/*
 * Bonus for a run of consecutive matches, hay[start..end) matching
 * fq[qstart..qend): a whole word (or words) of the query matched a whole
 * word of the text. A space that ends the run ends its word.
 */
static int
run_bonus(const char *hay, size_t len, size_t start, size_t end,
    const char *fq, size_t qstart, size_t qend)
{
	bool space = hay[end - 1] == ' ';

	if (!word_start(hay, start) || (qstart > 0 && fq[qstart - 1] != ' '))
		return 0;
	if (!space && (!word_end(hay, len, end) ||
	    (fq[qend] != '\0' && fq[qend] != ' ')))
		return 0;
	return S_WORD_EXACT;
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
	size_t p, end, clen, run = s, qrun = 0;
	long q, w;
	int sc = S_BASE + S_MATCH;
	bool run_ws = word_start(hay, s);

	if (s == 0)
		sc += S_NAME_START;
	if (run_ws)
		sc += S_WORD_START;
	sc -= min_int(s, 2 * P_LATE_MAX) / 2;
	end = s + l0;
	for (c = fq + l0; *c != '\0'; c += clen) {
		clen = char_len(c);
		if (end + clen <= len && hay[end] == c[0] && (clen == 1 ||
		    memcmp(hay + end + 1, c + 1, clen - 1) == 0)) {
			p = end;
			sc += S_MATCH + S_CONSEC + (run_ws ? S_WORD_START : 0);
		} else {
			if ((q = find_char(hay, len, end, c, clen)) < 0)
				return -1;
			p = (size_t)q;
			if (!word_start(hay, p) && (w = find_word_char(hay,
			    len, p + 1, c, clen)) >= 0 && is_subseq(hay, len,
			    (size_t)w + clen, c + clen))
				p = (size_t)w;
			sc += run_bonus(hay, len, run, end, fq, qrun,
			    (size_t)(c - fq));
			sc -= P_GAP_OPEN + min_int(p - end, P_GAP_MAX);
			run = p;
			qrun = (size_t)(c - fq);
			run_ws = word_start(hay, p);
			sc += S_MATCH + (run_ws ? S_WORD_START : 0);
		}
		end = p + clen;
	}
	sc += run_bonus(hay, len, run, end, fq, qrun, (size_t)(c - fq));
	sc -= min_int(len, 32 * P_LEN_MAX) / 32;
	return sc;
}

/*
 * The most any text of hay_len bytes can score for a query of m characters
 * and `words` words: each character a word start, each after the first in
 * a run, each query word a whole word, the name start when the text starts
 * with the query's first character (name_start), no gap, no late start.
 * When the query is not a substring of the text (!whole), there is a gap:
 * a character after it is not in a run and the gap costs at least
 * P_GAP_OPEN + 1; a one-word query then cannot be a whole word either.
 */
static int
score_bound(size_t hay_len, size_t m, size_t words, bool name_start,
    bool whole)
{
	int b;

	b = S_BASE + (int)m * (S_MATCH + S_WORD_START) +
	    (int)(m - 1) * S_CONSEC + (int)words * S_WORD_EXACT +
	    (name_start ? S_NAME_START : 0) -
	    min_int(hay_len, 32 * P_LEN_MAX) / 32;
	if (!whole)
		b -= S_CONSEC + P_GAP_OPEN + 1 +
		    (words == 1 ? S_WORD_EXACT : 0);
	return b;
}

/*
 * Score hay for the folded query fq; -1 if fq is not a subsequence. The
 * greedy match of score_from is tried from several occurrences of the
 * query's first character and the best score is kept: the first, then
 * only those that start a word or a run (the next query character follows
 * at once), MAX_STARTS in all; another start inside a word would only add
 * a late-start penalty. A start that cannot fit the query means no later
 * one can, which ends the search.
 */
int
search_score(const char *hay, size_t hay_len, const char *fq)
{
	size_t l0, l1, from = 0, tried = 0;
	const char *next;
	long s;
	int best = -1, sc;

	if (*fq == '\0')
		return 0;
	l0 = char_len(fq);
	next = fq + l0;
	l1 = *next != '\0' ? char_len(next) : 0;
	while (tried < MAX_STARTS &&
	    (s = find_char(hay, hay_len, from, fq, l0)) >= 0) {
		from = (size_t)s + 1;
		if (tried > 0 && !word_start(hay, (size_t)s) && (l1 == 0 ||
		    (size_t)s + l0 + l1 > hay_len ||
		    memcmp(hay + s + l0, next, l1) != 0))
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
	ix->mask = xcalloc(cat->n, sizeof *ix->mask);
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
		o = stpcpy(o, f->id);
		for (j = 0; j < f->n_aliases; j++) {
			*o++ = ' ';
			o = stpcpy(o, f->aliases[j]);
		}
		folded = text_fold(buf);
		underscores_to_spaces(folded);
		len = strlen(folded);
		/* Every text in one block, in catalogue order, for the scan. */
		if (used + len + 1 > acap) {
			acap = acap * 2 > used + len + 1 ? acap * 2 :
			    used + len + 1 + 4096;
			arena = xreallocarray(arena, acap, 1);
		}
		memcpy(arena + used, folded, len + 1);
		off[i] = used;
		ix->hay_len[i] = len;
		ix->mask[i] = text_mask(folded);
		free(folded);
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
	free(ix->mask);
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

/* A query folded once, with what the scan over the foods needs. */
struct query {
	char		*fq;		/* folded, see query_fold */
	size_t		 m;		/* characters */
	size_t		 words;
	size_t		 l0;		/* bytes of the first character */
	uint32_t	 mask;		/* see byte_bit */
	bool		 empty;
	bool		 ascii;
	bool		 by_mask;	/* one letter: the mask decides */
};

static void
query_init(struct query *q, const char *query)
{
	size_t k;

	memset(q, 0, sizeof *q);
	q->fq = query_fold(query);
	q->words = 1;
	q->ascii = true;
	for (k = 0; q->fq[k] != '\0'; k += char_len(q->fq + k)) {
		q->m++;
		if (q->fq[k] == ' ')
			q->words++;
		if ((unsigned char)q->fq[k] >= 0x80)
			q->ascii = false;
	}
	q->empty = q->m == 0;
	q->l0 = q->empty ? 0 : char_len(q->fq);
	q->mask = text_mask(q->fq);
	q->by_mask = q->m == 1 && q->fq[0] >= 'a' && q->fq[0] <= 'z';
}

/* True if food i holds the query: its mask, then a subsequence test. */
static bool
query_matches(const struct query *q, const struct search_index *ix,
    size_t i)
{
	if (q->empty)
		return true;
	if ((q->mask & ~ix->mask[i]) != 0)
		return false;
	if (q->by_mask)
		return true;
	return q->ascii ? ascii_subseq(ix->hay[i], q->fq) :
	    is_subseq(ix->hay[i], ix->hay_len[i], 0, q->fq);
}

/*
 * True if a matching text could score at least worst: score_bound asked
 * first without, then with the cost of a substring test.
 */
static bool
query_may_reach(const struct query *q, const char *hay, size_t len,
    int worst)
{
	bool name_start;

	/* A match holds the query, so hay has at least l0 bytes. */
	name_start = hay[0] == q->fq[0] && (q->l0 == 1 ||
	    memcmp(hay + 1, q->fq + 1, q->l0 - 1) == 0);
	if (score_bound(len, q->m, q->words, name_start, true) < worst)
		return false;
	return score_bound(len, q->m, q->words, name_start,
	    strstr(hay, q->fq) != NULL) >= worst;
}

/*
 * Filter and rank. out holds the best hits so far, best first. A match is
 * counted; when out is full it is scored only if it could beat the last
 * hit, and kept only if it does. A hit is put in place by binary search:
 * no sort of every match, no allocation per food.
 */
size_t
search_run(const struct search_index *ix, const char *query,
    struct search_hit *out, size_t max)
{
	struct query q;
	size_t i, total = 0, filled = 0, lo, hi, mid;
	int sc = 0;

	query_init(&q, query);
	for (i = 0; i < ix->n; i++) {
		if (!query_matches(&q, ix, i))
			continue;
		total++;
		if (max == 0)
			continue;
		if (!q.empty) {
			if (filled == max && !query_may_reach(&q, ix->hay[i],
			    ix->hay_len[i], out[max - 1].score))
				continue;
			sc = search_score(ix->hay[i], ix->hay_len[i], q.fq);
		}
		if (filled == max &&
		    !ranks_before(ix, q.empty, i, sc, &out[max - 1]))
			continue;
		lo = 0;
		hi = filled;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (ranks_before(ix, q.empty, i, sc, &out[mid]))
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
	free(q.fq);
	return total;
}
