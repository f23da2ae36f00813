/* SPDX-License-Identifier: ISC */
/* Finding foods: the tiers of DESIGN §3c over folded text, ranked. */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "search.h"
#include "text.h"
#include "util.h"

/*
 * Text is folded (text_fold: lower case, Latin accents removed). A word is
 * a run of letters, digits and characters past ASCII; everything else (a
 * space, comma, parenthesis, '-', '_', '/') separates words. A query is
 * split into words the same way.
 */

/* A query folded once, with what the scan over the foods needs. */
struct query {
	char		*fq;		/* folded, words separated by NULs */
	char		*whole;		/* folded, as it was */
	char		**words;
	size_t		*wlen;
	size_t		 nw;
	char		*letters;	/* the words' characters, in order */
	char		*idq;		/* as typed, trimmed, ASCII lower case */
	size_t		 idlen;
	bool		 id_prefix;	/* idq may start an id (no blank in it) */
	uint32_t	 mask;		/* see byte_bit */
};

static bool
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/*
 * A bit for a byte of folded text: one per letter a-z, one per pair of
 * digits, one for every byte past ASCII; 0 for the rest. A food whose mask
 * lacks a bit of the query's cannot hold its words or letters.
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

/* Does word w (n bytes) start a word of hay? */
static bool
starts_word(const char *hay, const char *w, size_t n)
{
	const char *p = hay;

	while ((p = strstr(p, w)) != NULL) {
		if (p == hay || !word_byte((unsigned char)p[-1]))
			return true;
		p++;
	}
	(void)n;
	return false;
}

/* Are the letters (a NUL-ended string) in hay in order? */
static bool
in_order(const char *hay, const char *letters)
{
	for (; *hay != '\0' && *letters != '\0'; hay++)
		if (*hay == *letters)
			letters++;
	return *letters == '\0';
}

static void
query_init(struct query *q, const char *query)
{
	const char *b, *e;
	char *r, *w;
	size_t len, i, cap;

	memset(q, 0, sizeof *q);
	/* The id as typed: trimmed, ASCII lower case. */
	for (b = query; *b == ' ' || *b == '\t'; b++)
		;
	for (e = b + strlen(b); e > b && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	q->idq = xstrndup(b, (size_t)(e - b));
	for (r = q->idq; *r != '\0'; r++)
		if (*r >= 'A' && *r <= 'Z')
			*r = (char)(*r + 32);
	q->idlen = strlen(q->idq);
	q->id_prefix = q->idq[0] != '\0' && strpbrk(q->idq, " \t") == NULL;
	/* Words: folded, every separator a NUL. */
	q->fq = text_fold(q->idq);
	q->whole = xstrdup(q->fq);
	len = strlen(q->fq);
	q->letters = xmalloc(len + 1);
	cap = len / 2 + 1;
	q->words = xcalloc(cap, sizeof *q->words);
	q->wlen = xcalloc(cap, sizeof *q->wlen);
	w = q->letters;
	for (i = 0; i < len; i++) {
		if (!word_byte((unsigned char)q->fq[i])) {
			q->fq[i] = '\0';
			continue;
		}
		*w++ = q->fq[i];
		if (i == 0 || q->fq[i - 1] == '\0')
			q->words[q->nw++] = q->fq + i;
	}
	*w = '\0';
	for (i = 0; i < q->nw; i++)
		q->wlen[i] = strlen(q->words[i]);
	q->mask = text_mask(q->letters);
}

static void
query_release(struct query *q)
{
	free(q->fq);
	free(q->whole);
	free(q->words);
	free(q->wlen);
	free(q->letters);
	free(q->idq);
}

/* The tier of food i for a folded query (0: none). */
static int
tier_of(const struct search_index *ix, size_t i, const struct query *q,
    bool letters)
{
	const char *hay = ix->hay[i];
	size_t k;
	bool all;

	if (q->idq[0] == '\0')
		return 0;
	/* The first byte rules out nearly every id. */
	if (ix->id[i][0] == q->idq[0]) {
		if (strcmp(ix->id[i], q->idq) == 0)
			return SEARCH_ID;
		if (q->id_prefix && strncmp(ix->id[i], q->idq, q->idlen) == 0)
			return SEARCH_WORDS;
	}
	if (q->nw == 0 || (q->mask & ~ix->mask[i]) != 0)
		return 0;
	for (k = 0, all = true; k < q->nw && all; k++)
		all = starts_word(hay, q->words[k], q->wlen[k]);
	if (all)
		return SEARCH_WORDS;
	for (k = 0, all = true; k < q->nw && all; k++)
		all = strstr(hay, q->words[k]) != NULL;
	if (all)
		return SEARCH_INSIDE;
	if (letters && in_order(hay, q->letters))
		return SEARCH_LETTERS;
	return 0;
}

/* The tier of one food for a query. */
int
search_tier(const struct search_index *ix, size_t food, const char *query,
    bool letters)
{
	struct query q;
	int t;

	query_init(&q, query);
	t = tier_of(ix, food, &q, letters);
	query_release(&q);
	return t;
}

/* A food's search text: folded "name aliases group", and its mask. */
char *
search_food_text(const struct food *f, uint32_t *mask)
{
	size_t j, need;
	char *buf, *o, *hay, *p;

	need = strlen(f->name) + strlen(food_group_name(f->group)) + 3;
	for (j = 0; j < f->n_aliases; j++)
		need += strlen(f->aliases[j]) + 1;
	buf = xmalloc(need);
	o = stpcpy(buf, f->name);
	for (j = 0; j < f->n_aliases; j++) {
		*o++ = ' ';
		o = stpcpy(o, f->aliases[j]);
	}
	*o++ = ' ';
	stpcpy(o, food_group_name(f->group));
	hay = text_fold(buf);
	free(buf);
	/* fermented_plant is the words "fermented" and "plant". */
	for (p = hay; (p = strchr(p, '_')) != NULL; p++)
		*p = ' ';
	*mask = text_mask(hay);
	return hay;
}

/*
 * Build the index. Foods of the built-in table bring their text; the
 * others are folded here once.
 */
void
search_index_init(struct search_index *ix, const struct catalogue *cat)
{
	const struct food *f;
	size_t i;

	memset(ix, 0, sizeof *ix);
	ix->cat = cat;
	ix->n = cat->n;
	ix->hay = xcalloc(cat->n, sizeof *ix->hay);
	ix->owned = xcalloc(cat->n, sizeof *ix->owned);
	ix->hay_len = xcalloc(cat->n, sizeof *ix->hay_len);
	ix->id = xcalloc(cat->n, sizeof *ix->id);
	ix->mask = xcalloc(cat->n, sizeof *ix->mask);
	ix->count = xcalloc(cat->n, sizeof *ix->count);
	ix->last = xcalloc(cat->n, sizeof *ix->last);
	ix->name_len = xcalloc(cat->n, sizeof *ix->name_len);
	for (i = 0; i < cat->n; i++) {
		f = &cat->foods[i];
		if (f->hay != NULL) {
			ix->hay[i] = (char *)(uintptr_t)f->hay;
			ix->mask[i] = f->mask;
		} else {
			ix->hay[i] = search_food_text(f, &ix->mask[i]);
			ix->owned[i] = true;
		}
		ix->hay_len[i] = strlen(ix->hay[i]);
		ix->name_len[i] = strlen(f->name);
		ix->id[i] = f->id;
	}
}

/* Free the index. */
void
search_index_release(struct search_index *ix)
{
	size_t i;

	for (i = 0; i < ix->n; i++)
		if (ix->owned[i])
			free(ix->hay[i]);
	free(ix->hay);
	free(ix->owned);
	free(ix->hay_len);
	free(ix->id);
	free(ix->mask);
	free(ix->count);
	free(ix->last);
	free(ix->name_len);
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
 * True if food a (in tier ta) ranks before hit b: tier; where the food
 * comes from (own, cited, SR28); how often, then how recently it was
 * logged; the shorter name; the id. An empty query (tier 0) lists the
 * most used first, then by origin and name.
 */
static bool
ranks_before(const struct search_index *ix, size_t a, int ta,
    const struct search_hit *b)
{
	const struct food *fa = &ix->cat->foods[a];
	const struct food *fb = &ix->cat->foods[b->food];
	size_t la, lb;
	int cmp;

	if (ta != b->tier)
		return ta < b->tier;
	if (ta != 0 && fa->origin != fb->origin)
		return fa->origin < fb->origin;
	if (ix->count[a] != ix->count[b->food])
		return ix->count[a] > ix->count[b->food];
	if (ix->last[a] != ix->last[b->food])
		return ix->last[a] > ix->last[b->food];
	if (fa->origin != fb->origin)
		return fa->origin < fb->origin;
	if (ta == 0) {
		cmp = strcmp(ix->hay[a], ix->hay[b->food]);
		if (cmp != 0)
			return cmp < 0;
	} else {
		la = ix->name_len[a];
		lb = ix->name_len[b->food];
		if (la != lb)
			return la < lb;
	}
	return strcmp(fa->id, fb->id) < 0;
}

/* Put food i (tier t) among the best max hits, kept in order. */
static void
offer(const struct search_index *ix, size_t i, int t, struct search_hit *out,
    size_t max, size_t *filled)
{
	size_t lo = 0, hi = *filled, mid;

	if (max == 0 || (*filled == max &&
	    !ranks_before(ix, i, t, &out[max - 1])))
		return;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ranks_before(ix, i, t, &out[mid]))
			hi = mid;
		else
			lo = mid + 1;
	}
	if (*filled < max)
		(*filled)++;
	memmove(&out[lo + 1], &out[lo], (*filled - 1 - lo) * sizeof *out);
	out[lo].food = i;
	out[lo].tier = t;
}

/* Find, best first. */
size_t
search_run(const struct search_index *ix, const char *query,
    struct search_hit *out, size_t max, struct search_counts *counts)
{
	struct search_counts c;
	struct query q;
	size_t i, total = 0, filled = 0;
	int t;

	memset(&c, 0, sizeof c);
	query_init(&q, query);
	for (i = 0; i < ix->n; i++) {
		t = q.idq[0] == '\0' ? 0 : tier_of(ix, i, &q, false);
		if (t == 0 && q.idq[0] != '\0')
			continue;
		c.tiers[t]++;
		total++;
		offer(ix, i, t, out, max, &filled);
	}
	/* Scattered letters only when nothing better matched. */
	if (total == 0 && q.letters[0] != '\0') {
		for (i = 0; i < ix->n; i++) {
			if ((q.mask & ~ix->mask[i]) != 0 ||
			    !in_order(ix->hay[i], q.letters))
				continue;
			c.tiers[SEARCH_LETTERS]++;
			total++;
			offer(ix, i, SEARCH_LETTERS, out, max, &filled);
		}
	}
	query_release(&q);
	if (counts != NULL)
		*counts = c;
	return total;
}

/* The one food a command's FOOD names, or -1 with the best hits. */
long
search_resolve(const struct search_index *ix, const char *query,
    struct search_hit *out, size_t max, size_t *n)
{
	struct search_counts c;
	struct search_hit best;
	struct query q;
	char *name;
	size_t i, tier;
	long found = -1;

	query_init(&q, query);
	/* The id or the whole name, in any case and without accents. */
	for (i = 0; i < ix->n && q.idq[0] != '\0'; i++) {
		if (strcasecmp(ix->id[i], q.idq) == 0) {
			found = (long)i;
			break;
		}
		name = text_fold(ix->cat->foods[i].name);
		if (strcmp(name, q.whole) == 0 && (found < 0 || ranks_before(ix,
		    i, SEARCH_ID, &best))) {
			found = (long)i;
			best.food = i;
			best.tier = SEARCH_ID;
		}
		free(name);
	}
	query_release(&q);
	if (found >= 0) {
		*n = 1;
		return found;
	}
	*n = search_run(ix, query, out, max, &c);
	for (tier = SEARCH_ID; tier <= SEARCH_TIERS; tier++)
		if (c.tiers[tier] > 0)
			break;
	if (tier <= SEARCH_TIERS && c.tiers[tier] == 1 && max > 0)
		return (long)out[0].food;
	return -1;
}

/* Does a part of a name hold a word of the query (at a word start or inside)? */
static bool
part_matches(const char *part, size_t n, const struct query *q)
{
	char *p = xstrndup(part, n), *f = text_fold(p);
	size_t k;
	bool hit = false;

	for (k = 0; k < q->nw && !hit; k++)
		hit = strstr(f, q->words[k]) != NULL;
	free(f);
	free(p);
	return hit;
}

/* A name fitted to cols columns, keeping the parts a query matched. */
char *
search_fit_name(char *buf, size_t len, const char *name, const char *query,
    size_t cols)
{
	struct query q;
	const char *p, *comma;
	char *out;
	size_t n, used;
	bool gap = false, any = false;

	if (len == 0)
		return buf;
	if (text_width(name) <= cols || query == NULL)
		return text_fit(buf, len, name, cols, false);
	query_init(&q, query);
	out = xmalloc(strlen(name) * 4 + 8);
	/* The first part always; then the parts the query matched. */
	n = strcspn(name, ",");
	memcpy(out, name, n);
	used = n;
	for (p = name + n; *p == ','; p = comma) {
		p++;
		while (*p == ' ')
			p++;
		comma = p + strcspn(p, ",");
		n = (size_t)(comma - p);
		if (!part_matches(p, n, &q)) {
			gap = true;
			continue;
		}
		memcpy(out + used, gap ? " ~ " : ", ", 3);
		used += gap ? 3 : 2;
		memcpy(out + used, p, n);
		used += n;
		gap = false;
		any = true;
	}
	out[used] = '\0';
	text_fit(buf, len, any ? out : name, cols, false);
	free(out);
	query_release(&q);
	return buf;
}
