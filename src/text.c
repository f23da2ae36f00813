/* SPDX-License-Identifier: ISC */
/* UTF-8 text: validation, display width, folding for search, padding. */
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Base letters of U+00C0 to U+017F, lower case (from Unicode NFD). */
static const char latin_base[] =
    "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllll"
    "llnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* Wide (two-column) ranges: East Asian Wide and Fullwidth, emoji. */
static const uint32_t wide[][2] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a },
	{ 0x1f200, 0x1f251 }, { 0x1f300, 0x1f64f }, { 0x1f680, 0x1f6ff },
	{ 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

/* Zero-width ranges: combining marks, joiners, variation selectors. */
static const uint32_t zero[][2] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x20d0, 0x20ff }, { 0x302a, 0x302d },
	{ 0x3099, 0x309a }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

static bool
in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Decode one code point; 0 bytes when the sequence is invalid. */
size_t
text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2; c = u[0] & 0x1f; min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3; c = u[0] & 0x0f; min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Check a buffer is valid UTF-8. */
bool
text_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* Columns a code point takes. */
int
text_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (in_ranges(cp, zero, ARRAY_LEN(zero)))
		return 0;
	if (in_ranges(cp, wide, ARRAY_LEN(wide)))
		return 2;
	return 1;
}

static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/* Is s[0..n) printable ASCII, no control character? */
static bool
printable_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			return false;
	return true;
}

/* Output is ASCII only (the locale is not UTF-8): see text_set_ascii. */
static bool ascii_only;

/* Say whether text for people must be ASCII (a locale that is not UTF-8). */
void
text_set_ascii(bool on)
{
	ascii_only = on;
}

/* Is text for people ASCII only? */
bool
text_ascii(void)
{
	return ascii_only;
}

/* The microgram unit: "µg", or "ug" outside UTF-8. */
const char *
text_ug(void)
{
	return ascii_only ? "ug" : "\xc2\xb5g";
}

/* The ASCII stand-in for a code point past ASCII: é -> e, µ -> u, else ?. */
static char
ascii_of(uint32_t cp)
{
	char c;

	if (cp == 0xb5)
		return 'u';
	if (cp >= 0xc0 && cp < 0x180) {
		c = latin_base[cp - 0xc0];
		/* Upper case letters of Latin-1; in Latin Extended-A, even. */
		if ((cp < 0xdf && cp != 0xd7) || (cp >= 0x100 && cp % 2 == 0 &&
		    cp < 0x138))
			c = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
		return c == '*' || c == '/' ? '?' : c;
	}
	return '?';
}

/* Columns a string takes as text_fit shows it. */
size_t
text_width(const char *s)
{
	size_t w = 0, len = strlen(s), i = 0, n;
	uint32_t cp;

	while (i < len) {
		/* ASCII, controls included, is one column: the common case. */
		if ((unsigned char)s[i] < 0x80) {
			w++;
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (n == 0) {
			w++;
			i++;
			continue;
		}
		w += is_control(cp) || ascii_only ? 1 :
		    (size_t)text_cp_width(cp);
		i += n;
	}
	return w;
}

/* Fold for matching: lower case, Latin accents removed. */
char *
text_fold(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0, n;
	char *out = xmalloc(len + 1);
	uint32_t cp;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		if (cp < 0x80) {
			out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		} else if (cp == 0xdf || cp == 0xc6 || cp == 0xe6 ||
		    cp == 0x152 || cp == 0x153) {
			/* ß, Æ, Œ fold to two letters, as many bytes as in. */
			out[o++] = cp == 0xdf ? 's' : cp < 0x100 ? 'a' : 'o';
			out[o++] = cp == 0xdf ? 's' : 'e';
		} else if (cp >= 0xc0 && cp < 0x180) {
			/* Every base letter is one byte, never longer than n. */
			out[o++] = latin_base[cp - 0xc0];
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

/* Copy s into buf cut or padded to cols columns; controls become '?'. */
char *
text_fit(char *buf, size_t len, const char *s, size_t cols, bool pad)
{
	size_t slen = strlen(s), i = 0, o = 0, w = 0, n, total;
	uint32_t cp;
	int cw;

	if (len == 0)
		return buf;
	if (cols == 0) {
		buf[0] = '\0';
		return buf;
	}
	total = text_width(s);
	/* Printable ASCII that fits: a copy (and the padding). */
	if (total <= cols && total == slen && slen + 1 < len &&
	    printable_ascii(s, slen)) {
		memcpy(buf, s, slen);
		o = w = slen;
		i = slen;
	}
	while (i < slen) {
		n = text_decode(s + i, slen - i, &cp);
		if (n == 0 || is_control(cp)) {
			cw = 1;
			n = n == 0 ? 1 : n;
			if (w + cw > cols - (total > cols) || o + 2 >= len)
				break;
			buf[o++] = '?';
		} else if (ascii_only && cp >= 0x80) {
			cw = 1;
			if (w + cw > cols - (total > cols) || o + 2 >= len)
				break;
			buf[o++] = ascii_of(cp);
		} else {
			cw = text_cp_width(cp);
			if (w + cw > cols - (total > cols) || o + n + 1 >= len)
				break;
			memcpy(buf + o, s + i, n);
			o += n;
		}
		w += cw;
		i += n;
	}
	if (total > cols && cols > 0 && o + 2 < len) {
		buf[o++] = '~';
		w++;
	}
	while (pad && w < cols && o + 1 < len) {
		buf[o++] = ' ';
		w++;
	}
	buf[o] = '\0';
	return buf;
}

/* Replace control characters and broken UTF-8 with '?' in place. */
char *
text_inert(char *s)
{
	size_t len = strlen(s), r = 0, w = 0, n;
	uint32_t cp;

	while (r < len) {
		n = text_decode(s + r, len - r, &cp);
		if (n == 0 || is_control(cp)) {
			/* A cut or bad sequence, or a C0, DEL or C1 control. */
			s[w++] = '?';
			r += n == 0 ? 1 : n;
		} else {
			memmove(s + w, s + r, n);
			w += n;
			r += n;
		}
	}
	s[w] = '\0';
	return s;
}

/* A number with thousands separators and 0 or 1 decimals. */
char *
text_number(char *buf, size_t len, double v, int decimals)
{
	char digits[32];
	long long r, scale = decimals > 0 ? 10 : 1;
	size_t i, n, o = 0;

	if (len == 0)
		return buf;
	if (!isfinite(v) || fabs(v) * (double)scale >= 9e18) {
		snprintf(buf, len, "?");
		return buf;
	}
	r = llround(v * (double)scale);
	if (r < 0 && o + 1 < len) {
		buf[o++] = '-';
		r = -r;
	}
	snprintf(digits, sizeof digits, "%lld", r / scale);
	n = strlen(digits);
	for (i = 0; i < n && o + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	if (decimals > 0 && o + 3 < len) {
		buf[o++] = '.';
		buf[o++] = (char)('0' + r % scale);
	}
	buf[o] = '\0';
	return buf;
}

/* The C locale, made once: '.' is its decimal point. */
static locale_t
c_locale(void)
{
	static locale_t c;

	if (c == (locale_t)0 &&
	    (c = newlocale(LC_ALL_MASK, "C", (locale_t)0)) == (locale_t)0)
		die("cannot make the C locale");
	return c;
}

/* Read a decimal number, '.' as the point, whatever the locale. */
int
text_num_parse(const char *s, double *out, const char **end)
{
	locale_t old;
	const char *p = s;
	char *e;
	double v;

	/* strtod's syntax, but decimal only: no hex, inf or nan. */
	if (*p == '+' || *p == '-')
		p++;
	if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' &&
	    p[1] <= '9')))
		return -1;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return -1;
	old = uselocale(c_locale());
	v = strtod(s, &e);
	uselocale(old);
	if (!isfinite(v))
		return -1;
	*out = v;
	if (end != NULL)
		*end = e;
	return 0;
}

/* The shortest text that reads back as v. */
char *
text_num_exact(char *buf, size_t len, double v)
{
	locale_t old;
	double back;
	int prec;

	if (len == 0)
		return buf;
	/* Start at the integer digits, so 200 is "200", not "2e+02". */
	prec = 1;
	if (isfinite(v) && fabs(v) >= 1 && fabs(v) < 1e17)
		prec = (int)floor(log10(fabs(v))) + 1;
	old = uselocale(c_locale());
	for (; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, v);
		back = strtod(buf, NULL);
		if (back == v || !isfinite(v))
			break;
	}
	uselocale(old);
	return buf;
}

/* v with a fixed number of decimals and '.' as the point. */
char *
text_num_fixed(char *buf, size_t len, double v, int decimals)
{
	locale_t old;

	old = uselocale(c_locale());
	snprintf(buf, len, "%.*f", decimals, v);
	uselocale(old);
	return buf;
}
