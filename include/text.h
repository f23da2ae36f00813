/* SPDX-License-Identifier: ISC */
/* UTF-8 text: validation, display width, folding for search, padding. */
#ifndef K2_TEXT_H
#define K2_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (len bytes left); returns bytes used, 0 if invalid. */
size_t text_decode(const char *s, size_t len, uint32_t *cp);
/* True if s[0..len) is valid UTF-8; otherwise *bad is the offset of the first bad byte. */
bool text_valid(const char *s, size_t len, size_t *bad);
/* Columns a code point takes on a terminal (0, 1 or 2; control characters 0). */
int text_cp_width(uint32_t cp);
/* Columns the string takes; control characters count as their visible escape. */
size_t text_width(const char *s);
/*
 * Text for people is ASCII only (set when the locale is not UTF-8): widths
 * count one column a character and text_fit writes an ASCII stand-in
 * ("e" for "é", "u" for "µ", else "?"), so columns stay aligned.
 */
void text_set_ascii(bool on);
bool text_ascii(void);
/* "µg", or "ug" when text is ASCII only. */
const char *text_ug(void);
/*
 * Fold for matching: lower case, Latin accents removed, other characters
 * kept. Caller frees.
 */
char *text_fold(const char *s);
/*
 * Copy s into buf (size len), cut to at most cols columns and padded with
 * spaces to exactly cols when pad; control characters become '?'.
 * A cut string ends in "~". Returns buf.
 */
char *text_fit(char *buf, size_t len, const char *s, size_t cols, bool pad);

/*
 * Make s inert in place: every control character (C0, DEL, C1) becomes
 * '?', so text from a file or a database never drives a terminal.
 */
char *text_inert(char *s);
/*
 * v with a comma between thousands and 0 or 1 decimals ("2,610", "17.3"),
 * made without printf's locale; "?" when v is not finite or too large.
 */
char *text_number(char *buf, size_t len, double v, int decimals);

/*
 * Numbers that cross a file or machine boundary (YAML, CSV, JSON, the
 * amount grammar) go through these two, and only these: '.' is the decimal
 * point whatever LC_NUMERIC says.
 *
 * text_num_parse reads a decimal number at s (strtod's syntax, in the C
 * locale); returns 0 with *end past it, or -1 when there is none or it
 * overflows. Hex, infinity and NaN are refused.
 */
int text_num_parse(const char *s, double *out, const char **end);
/*
 * The shortest text that text_num_parse reads back as exactly v ("0.1",
 * "26.32", "1e-05"); "nan" or "inf" only for a value that is not finite.
 * Returns buf (at least 32 bytes are enough).
 */
char *text_num_exact(char *buf, size_t len, double v);
/* v with exactly `decimals` digits after a '.' ("17.60"), in the C locale. */
char *text_num_fixed(char *buf, size_t len, double v, int decimals);

#endif
