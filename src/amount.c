/* SPDX-License-Identifier: ISC */
/* The amount grammar: how much of a food ("1 1/2", "½", "2 slice", "30g"). */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "text.h"
#include "util.h"

/*
 * The grammar, after leading and trailing blanks are dropped:
 *
 *	amount	= ""			one default serving
 *		| number [blank*] unit
 *		| number		that many default servings
 *		| unit			one of that unit
 *	number	= int '/' int		"1/2", "3/2"
 *		| int blank+ int '/' int	"1 1/2" (a proper fraction only)
 *		| int [blank*] vulgar	"1½", "1 ½"
 *		| vulgar		"½", "¼", "¾", "⅓", "⅔"
 *		| decimal		"1", "0.5", ".5" (not "2.", no sign,
 *					no exponent, no hex, no nan or inf)
 *		| decimal ',' digits	"1,5": a decimal comma, as typed in
 *					much of Europe
 *	unit	= a serving label of the food, any case, also with a regular
 *		  plural ("slices", "pinches", "patties", "leaves")
 *		| "g" | "gram" | "grams" | "kg"	grams (kg counted as g)
 *		| "oz" | "lb" | "lbs"	28.35 g and 453.6 g
 *		  (units of every food whose default serving has a weight)
 *
 * A label without a gram weight counts as one default serving, so its
 * grams (when the default serving has a weight) are those of the default.
 * When the default serving has no gram weight, grams are 0 and every
 * label counts as one default serving, since no weight relates them.
 * At most AMOUNT_MAX_SERVINGS default servings and AMOUNT_MAX_GRAMS.
 */

#define AMOUNT_UNITS_LEN 256

struct vulgar {
	const char	*utf8;
	double		 value;
};

static const struct vulgar vulgars[] = {
	{ "\xc2\xbd", 1.0 / 2 },	/* ½ */
	{ "\xc2\xbc", 1.0 / 4 },	/* ¼ */
	{ "\xc2\xbe", 3.0 / 4 },	/* ¾ */
	{ "\xe2\x85\x93", 1.0 / 3 },	/* ⅓ */
	{ "\xe2\x85\x94", 2.0 / 3 },	/* ⅔ */
};

enum number_result {
	NUMBER_OK,
	NUMBER_NONE,
	NUMBER_DIV0
};

/* A length for "%.*s". */
static int
quote_len(size_t n)
{
	return n > INT_MAX ? INT_MAX : (int)n;
}

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Compare s[0..n) with the whole of word, ASCII letters in any case. */
static bool
caseeq_n(const char *s, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (word[i] == '\0' || ascii_lower((unsigned char)s[i]) !=
		    ascii_lower((unsigned char)word[i]))
			return false;
	}
	return word[n] == '\0';
}

/* Bytes taken by a vulgar fraction at s (0 if none), its value in *v. */
static size_t
scan_vulgar(const char *s, double *v)
{
	size_t i, n;

	for (i = 0; i < ARRAY_LEN(vulgars); i++) {
		n = strlen(vulgars[i].utf8);
		if (strncmp(s, vulgars[i].utf8, n) == 0) {
			*v = vulgars[i].value;
			return n;
		}
	}
	return 0;
}

/*
 * Scan digits+ [('.' | ',') digits+] or ('.' | ',') digits+: a person may
 * write the decimal point as a comma ("1,5"). The digits are read by
 * text_num_parse, so the value is correctly rounded and never depends on
 * the locale.
 */
static bool
scan_decimal(const char *s, double *v, const char **end, bool *is_int)
{
	char num[64], *c;
	const char *p = s;
	size_t n;

	while (is_digit((unsigned char)*p))
		p++;
	*is_int = true;
	if ((*p == '.' || *p == ',') && is_digit((unsigned char)p[1])) {
		*is_int = false;
		for (p++; is_digit((unsigned char)*p); p++)
			;
	}
	n = (size_t)(p - s);
	if (n == 0)
		return false;
	if (n >= sizeof num) {
		/* More digits than any amount needs: too much, not a number. */
		*v = INFINITY;
		*end = p;
		return true;
	}
	memcpy(num, s, n);
	num[n] = '\0';
	if ((c = strchr(num, ',')) != NULL)
		*c = '.';
	if (text_num_parse(num, v, NULL) != 0)
		*v = INFINITY;	/* beyond a double: too much */
	*end = p;
	return true;
}

/* Scan digits+ as a whole number. */
static bool
scan_int(const char *s, double *v, const char **end)
{
	bool is_int;

	return is_digit((unsigned char)*s) &&
	    scan_decimal(s, v, end, &is_int) && is_int;
}

/* The number grammar; on NUMBER_OK, *end is just past the number. */
static enum number_result
scan_number(const char *s, double *out, const char **end)
{
	const char *q, *r, *t;
	double v, num, den, frac;
	size_t n;
	bool is_int;

	if ((n = scan_vulgar(s, &frac)) > 0) {
		*out = frac;
		*end = s + n;
		return NUMBER_OK;
	}
	if (!scan_decimal(s, &v, &q, &is_int))
		return NUMBER_NONE;
	if (!is_int) {
		*out = v;
		*end = q;
		return NUMBER_OK;
	}
	if (*q == '/') {
		if (!scan_int(q + 1, &den, &t))
			return NUMBER_NONE;
		if (den == 0)
			return NUMBER_DIV0;
		*out = v / den;
		*end = t;
		return isnan(*out) ? NUMBER_NONE : NUMBER_OK;
	}
	for (r = q; *r == ' ' || *r == '\t'; r++)
		;
	if ((n = scan_vulgar(r, &frac)) > 0) {
		*out = v + frac;
		*end = r + n;
		return NUMBER_OK;
	}
	if (r > q && scan_int(r, &num, &t) && *t == '/' &&
	    scan_int(t + 1, &den, &t)) {
		if (den == 0)
			return NUMBER_DIV0;
		if (num < den) {
			*out = v + num / den;
			*end = t;
			return NUMBER_OK;
		}
	}
	*out = v;
	*end = q;
	return NUMBER_OK;
}

/*
 * Whether s[0..n) looks like a unit word (so a miss is an unknown unit
 * rather than text that is not an amount): it starts with a letter and
 * holds no digit, '/' or vulgar fraction.
 */
static bool
is_word(const char *s, size_t n)
{
	size_t i;
	double v;
	unsigned char c = (unsigned char)s[0];

	if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80))
		return false;
	for (i = 0; i < n; i++) {
		if (is_digit((unsigned char)s[i]) || s[i] == '/' ||
		    scan_vulgar(s + i, &v) > 0)
			return false;
	}
	return true;
}

/* The first k bytes of s and label agree, ASCII letters in any case. */
static bool
prefix_eq(const char *s, const char *label, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (ascii_lower((unsigned char)s[i]) !=
		    ascii_lower((unsigned char)label[i]))
			return false;
	return true;
}

static bool
is_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
 * Whether s[0..n) is a regular English plural of label: label + "s";
 * label + "es" after s, x, z, ch, sh (box, boxes); a consonant + "y"
 * becomes "ies" (patty, patties); "f" or "fe" becomes "ves" (leaf,
 * leaves; knife, knives).
 */
static bool
is_plural(const char *s, size_t n, const char *label)
{
	size_t len = strlen(label);
	int last, before;

	if (len == 0)
		return false;
	last = ascii_lower((unsigned char)label[len - 1]);
	before = len >= 2 ? ascii_lower((unsigned char)label[len - 2]) : 0;
	if (n > len && prefix_eq(s, label, len)) {
		if (caseeq_n(s + len, n - len, "s"))
			return true;
		if ((last == 's' || last == 'x' || last == 'z' ||
		    (last == 'h' && (before == 'c' || before == 's'))) &&
		    caseeq_n(s + len, n - len, "es"))
			return true;
	}
	if (last == 'y' && len >= 2 && !is_vowel(before) && n == len + 2 &&
	    prefix_eq(s, label, len - 1) && caseeq_n(s + len - 1, 3, "ies"))
		return true;
	if (last == 'f' && n == len + 2 && prefix_eq(s, label, len - 1) &&
	    caseeq_n(s + len - 1, 3, "ves"))
		return true;
	if (last == 'e' && before == 'f' && n == len + 1 &&
	    prefix_eq(s, label, len - 2) && caseeq_n(s + len - 2, 3, "ves"))
		return true;
	return false;
}

/* Index of the serving named by s[0..n), or -1. */
static int
find_label(const struct food *f, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < f->n_servings; i++) {
		if (caseeq_n(s, n, f->servings[i].label))
			return (int)i;
	}
	for (i = 0; i < f->n_servings; i++) {
		if (is_plural(s, n, f->servings[i].label))
			return (int)i;
	}
	return -1;
}

/*
 * Grams in one of s[0..n) as a unit of every food, or 0 if it is not one;
 * *label is the unit an entry records ("g" for g, gram, grams and kg, whose
 * quantity is then counted in grams).
 */
static double
weight_unit(const char *s, size_t n, const char **label, double *count)
{
	*count = 1;
	*label = "g";
	if (caseeq_n(s, n, "g") || caseeq_n(s, n, "gram") ||
	    caseeq_n(s, n, "grams"))
		return 1;
	if (caseeq_n(s, n, "kg")) {
		*count = 1000;
		return 1000;
	}
	*label = "oz";
	if (caseeq_n(s, n, "oz"))
		return AMOUNT_OZ_G;
	*label = "lb";
	if (caseeq_n(s, n, "lb") || caseeq_n(s, n, "lbs"))
		return AMOUNT_LB_G;
	*label = NULL;
	return 0;
}

/* Is label a unit of every food (g, gram, grams, kg, oz, lb, lbs)? */
bool
amount_unit_reserved(const char *label)
{
	const char *l;
	double c;

	return weight_unit(label, strlen(label), &l, &c) > 0;
}

/* Print a limit: whole numbers without decimals, others with one. */
static void
format_limit(char *buf, size_t len, double v)
{
	if (v == floor(v))
		snprintf(buf, len, "%.0f", v);
	else
		snprintf(buf, len, "%.1f", v);
}

/*
 * Say the amount is too much. A bare number that would be a fine amount
 * in grams (q) was likely meant as grams: ask.
 */
static int
too_much(const char *s, size_t n, const struct food *f, double bare_q,
    struct diag *d)
{
	char grams[32], servings[32], q[40];
	double g0 = f->servings[0].grams;
	double limit_g;

	if (g0 <= 0) {
		format_limit(servings, sizeof servings, AMOUNT_MAX_SERVINGS);
		diag_set(d, NULL, 0, 0, "'%.*s' of %s is too much: at most %s "
		    "servings", quote_len(n), s, f->name, servings);
		return -1;
	}
	limit_g = fmin(AMOUNT_MAX_SERVINGS * g0, AMOUNT_MAX_GRAMS);
	format_limit(grams, sizeof grams, limit_g);
	format_limit(servings, sizeof servings, limit_g / g0);
	if (bare_q > 0 && bare_q <= limit_g) {
		text_num_exact(q, sizeof q, bare_q);
		diag_set(d, NULL, 0, 0, "'%.*s' of %s is too much: at most %s g "
		    "(%s servings); did you mean %sg?", quote_len(n), s,
		    f->name, grams, servings, q);
		return -1;
	}
	diag_set(d, NULL, 0, 0, "'%.*s' of %s is too much: at most %s g "
	    "(%s servings)", quote_len(n), s, f->name, grams, servings);
	return -1;
}

/* One default serving of f. */
void
amount_default(const struct food *f, struct amount *out)
{
	out->quantity = 1;
	out->label = f->servings[0].label;
	out->grams = f->servings[0].grams > 0 ? f->servings[0].grams : 0;
	out->servings = 1;
}

/*
 * The number that starts the amount from b to e: the quantity to *q (1
 * when there is none), where the unit starts to *u and the scan's result
 * to *r. -1 with the message in d for a number below zero or a division
 * by zero.
 */
static int
parse_quantity(const char *b, const char *e, double *q, const char **u,
    enum number_result *r, struct diag *d)
{
	const char *end;
	double v;

	if (*b == '-' && scan_number(b + 1, &v, &end) != NUMBER_NONE) {
		diag_set(d, NULL, 0, 0, "amount must be more than zero");
		return -1;
	}
	*r = scan_number(b, q, &end);
	if (*r == NUMBER_DIV0) {
		diag_set(d, NULL, 0, 0, "division by zero in '%.*s'",
		    quote_len((size_t)(e - b)), b);
		return -1;
	}
	if (*r == NUMBER_OK) {
		for (*u = end; *u < e && is_blank((unsigned char)**u); (*u)++)
			;
	} else {
		*q = 1;
		*u = b;
	}
	return 0;
}

/*
 * Say in d why the amount b (n bytes) names no unit of f: u (un bytes,
 * after a number when numbered) is no word, or a word f has no unit for.
 */
static void
unit_fail(const struct food *f, const char *b, size_t n, const char *u,
    size_t un, bool numbered, struct diag *d)
{
	char units[AMOUNT_UNITS_LEN];

	amount_units(f, units, sizeof units);
	if (numbered && is_word(u, un))
		diag_set(d, NULL, 0, 0, "unknown unit '%.*s' for %s: use %s",
		    quote_len(un), u, f->name, units);
	else if (f->servings[0].grams > 0)
		diag_set(d, NULL, 0, 0, "'%.*s' is not an amount: try 1, "
		    "1/2, 2 %s or 30g", quote_len(n), b,
		    f->servings[0].label);
	else
		diag_set(d, NULL, 0, 0, "'%.*s' is not an amount: try 1, "
		    "1/2 or 2 %s", quote_len(n), b,
		    f->servings[0].label);
}

/* Parse text as an amount of f. */
int
amount_parse(const char *text, const struct food *f, struct amount *out,
    struct diag *d)
{
	char units[AMOUNT_UNITS_LEN];
	const char *b, *e, *u;
	const char *label;
	double q, g0, per_g, grams, servings, unit_g, count;
	enum number_result r;
	size_t n, un;
	int i;

	for (b = text; is_blank((unsigned char)*b); b++)
		;
	for (e = b + strlen(b); e > b && is_blank((unsigned char)e[-1]); e--)
		;
	n = (size_t)(e - b);
	if (n == 0) {
		amount_default(f, out);
		return 0;
	}
	g0 = f->servings[0].grams > 0 ? f->servings[0].grams : 0;
	if (parse_quantity(b, e, &q, &u, &r, d) == -1)
		return -1;
	un = (size_t)(e - u);

	i = un == 0 ? 0 : find_label(f, u, un);
	unit_g = i == -1 ? weight_unit(u, un, &label, &count) : 0;
	if (i == -1 && unit_g == 0) {
		unit_fail(f, b, n, u, un, r == NUMBER_OK, d);
		return -1;
	}
	if (i == -1 && g0 == 0) {
		amount_units(f, units, sizeof units);
		diag_set(d, NULL, 0, 0, "no gram weight known for %s: use %s",
		    f->name, units);
		return -1;
	}
	if (!(q > 0)) {
		diag_set(d, NULL, 0, 0, "amount must be more than zero");
		return -1;
	}

	if (i == -1) {
		/* A weight: g (kg counted in g), oz or lb. */
		grams = q * unit_g;
		q *= count;
		servings = grams / g0;
	} else {
		label = f->servings[i].label;
		per_g = f->servings[i].grams > 0 ? f->servings[i].grams : g0;
		grams = g0 > 0 ? q * per_g : 0;
		/* Servings from the grams, so the two always agree. */
		servings = g0 > 0 ? grams / g0 : q;
	}
	if (!isfinite(grams) || !isfinite(servings) ||
	    servings > AMOUNT_MAX_SERVINGS || grams > AMOUNT_MAX_GRAMS)
		return too_much(b, n, f, r == NUMBER_OK && un == 0 ? q : 0,
		    d);

	out->quantity = q;
	out->label = label;
	out->grams = grams;
	out->servings = servings;
	return 0;
}

/* Parse the number part of an amount at text; no blanks are skipped. */
int
amount_number(const char *text, double *out, const char **end)
{
	const char *p;
	double v;

	/* 400 nines overflow to infinity: that is not a number either. */
	if (scan_number(text, &v, &p) != NUMBER_OK || !isfinite(v))
		return -1;
	*out = v;
	if (end != NULL)
		*end = p;
	return 0;
}

static void
append(char *buf, size_t len, size_t *used, const char *s)
{
	int w;

	if (*used >= len)
		return;
	w = snprintf(buf + *used, len - *used, "%s", s);
	if (w < 0)
		return;
	*used += (size_t)w;
	if (*used >= len)
		*used = len - 1;
}

/* Name the food's units: its labels in order, then g, oz and lb when it has grams. */
void
amount_units(const struct food *f, char *buf, size_t len)
{
	const char *names[64];
	size_t i, k = 0, used = 0;
	bool has_g = false;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < f->n_servings && k < ARRAY_LEN(names) - 3; i++) {
		names[k++] = f->servings[i].label;
		if (caseeq_n(f->servings[i].label,
		    strlen(f->servings[i].label), "g"))
			has_g = true;
	}
	if (f->n_servings > 0 && f->servings[0].grams > 0 && !has_g) {
		names[k++] = "g";
		names[k++] = "oz";
		names[k++] = "lb";
	}
	for (i = 0; i < k; i++) {
		if (i > 0)
			append(buf, len, &used, i + 1 == k ? " or " : ", ");
		append(buf, len, &used, names[i]);
	}
}

/* A quantity as shown: at most two decimals, no trailing zeros, '.' always. */
char *
amount_format_quantity(char *buf, size_t len, double q)
{
	char *p;

	text_num_fixed(buf, len, q, 2);
	if (strchr(buf, '.') == NULL)
		return buf;
	p = buf + strlen(buf) - 1;
	while (*p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
	return buf;
}
