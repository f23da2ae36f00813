/* SPDX-License-Identifier: ISC */
/* Unit tests for text.c: UTF-8 validation, display width, folding, fitting. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_yaml.h"
#include "text.h"

/* Check s (len bytes) is invalid with the first bad byte at want_bad. */
#define check_invalid(s, want_bad) \
	check_invalid_at((s), sizeof(s) - 1, (want_bad), __LINE__)

static void
check_invalid_at(const char *s, size_t len, size_t want_bad, int line)
{
	size_t bad = 9999;

	if (text_valid(s, len, &bad))
		fail_msg("line %d: accepted as valid UTF-8", line);
	if (bad != want_bad)
		fail_msg("line %d: bad byte at %zu, expected %zu", line, bad,
		    want_bad);
}

#define check_valid(s) \
	assert_true(text_valid((s), sizeof(s) - 1, NULL))

static void
test_valid_accepts_utf8(void **state)
{
	size_t bad = 1234;

	(void)state;
	check_valid("");
	check_valid("plain ASCII, with ~ and \x7f");
	check_valid("Cr\xc3\xa8me fra\xc3\xae" "che");	/* Crème fraîche */
	check_valid("\xe7\xb4\x8d\xe8\xb1\x86");	/* 納豆 */
	check_valid("\xf0\x9f\x98\x80");		/* U+1F600, 4 bytes */
	check_valid("\xc2\x80");		/* U+0080, smallest in 2 */
	check_valid("\xe0\xa0\x80");		/* U+0800, smallest in 3 */
	check_valid("\xf0\x90\x80\x80");	/* U+10000, smallest in 4 */
	check_valid("\xed\x9f\xbf");		/* U+D7FF, before surrogates */
	check_valid("\xee\x80\x80");		/* U+E000, after them */
	check_valid("\xf4\x8f\xbf\xbf");		/* U+10FFFF, the last */
	/* A NUL is valid UTF-8 (the YAML reader refuses it separately). */
	assert_true(text_valid("a\0b", 3, &bad));
	assert_int_equal(bad, 1234);	/* untouched when valid */
}

static void
test_valid_refuses_overlong(void **state)
{
	(void)state;
	check_invalid("\xc0\xaf", 0);			/* '/' in 2 bytes */
	check_invalid("\xc1\xbf", 0);			/* U+007F in 2 bytes */
	check_invalid("ab\xe0\x80\xaf", 2);		/* '/' in 3 bytes */
	check_invalid("\xe0\x9f\xbf", 0);		/* U+07FF in 3 bytes */
	check_invalid("\xf0\x80\x80\xaf", 0);		/* '/' in 4 bytes */
	check_invalid("\xf0\x8f\xbf\xbf", 0);		/* U+FFFF in 4 bytes */
}

static void
test_valid_refuses_surrogates_and_range(void **state)
{
	(void)state;
	check_invalid("\xed\xa0\x80", 0);		/* U+D800 */
	check_invalid("ok \xed\xbf\xbf", 3);		/* U+DFFF */
	check_invalid("\xed\xa0\xbd\xed\xb8\x80", 0);	/* CESU-8 pair */
	check_invalid("\xf4\x90\x80\x80", 0);		/* U+110000 */
	check_invalid("\xf5\x80\x80\x80", 0);
	check_invalid("x\xfe", 1);
	check_invalid("x\xff", 1);
}

static void
test_valid_refuses_truncated(void **state)
{
	(void)state;
	check_invalid("\x80", 0);			/* lone continuation */
	check_invalid("abc\xbf", 3);
	check_invalid("Cr\xc3", 2);			/* cut at the end */
	check_invalid("x\xe2\x82", 1);		/* € cut after 2 bytes */
	check_invalid("x\xf0\x9f\x98", 1);		/* emoji cut after 3 */
	check_invalid("\xc3(", 0);			/* not a continuation */
	check_invalid("\xe2\x82(", 0);
	check_invalid("Cr\xe8me", 2);			/* Latin-1 è */
	/* The length bounds the check: a sequence cut by len is invalid. */
	{
		size_t bad = 0;

		assert_false(text_valid("a\xc3\xa9", 2, &bad));
		assert_int_equal(bad, 1);
		assert_true(text_valid("a\xc3\xa9", 3, &bad));
	}
}

static void
test_decode(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(text_decode("\xc3\xa8x", 3, &cp), 2);
	assert_int_equal(cp, 0xe8);
	assert_int_equal(text_decode("\xe7\xb4\x8d", 3, &cp), 3);
	assert_int_equal(cp, 0x7d0d);
	assert_int_equal(text_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(text_decode("\xf0\x9f\x98\x80", 3, &cp), 0);
	assert_int_equal(text_decode("", 0, &cp), 0);
	assert_int_equal(text_decode("\xc0\x80", 2, &cp), 0);
}

static void
test_cp_width(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0xe8), 1);	/* è */
	assert_int_equal(text_cp_width(0x7d0d), 2);	/* 納 */
	assert_int_equal(text_cp_width(0xac00), 2);	/* 가 */
	assert_int_equal(text_cp_width(0x1f600), 2);	/* 😀 */
	assert_int_equal(text_cp_width(0x301), 0);	/* combining acute */
	assert_int_equal(text_cp_width(0x200b), 0);	/* zero width space */
	assert_int_equal(text_cp_width(0x1b), 0);	/* ESC */
	assert_int_equal(text_cp_width(0x7f), 0);	/* DEL */
	assert_int_equal(text_cp_width(0x85), 0);	/* NEL, a C1 control */
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Gouda"), 5);
	assert_int_equal(text_width("Cr\xc3\xa8me fra\xc3\xae" "che"), 13);
	/* 納豆 */
	assert_int_equal(text_width("\xe7\xb4\x8d\xe8\xb1\x86"), 4);
	assert_int_equal(text_width("\xe7\xb4\x8d\xe8\xb1\x86 natto"), 10);
	/* e + U+0301 and a + U+0308 + U+0301: one column each. */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("Cre\xcc\x80me"), 5);
	assert_int_equal(text_width("a\xcc\x88\xcc\x81"), 1);
	assert_int_equal(text_width("\xf0\x9f\x98\x80!"), 3);
	/* Controls count as the '?' text_fit shows for them. */
	assert_int_equal(text_width("\x1b[31m"), 5);
	assert_int_equal(text_width("a\tb"), 3);
	/* An invalid byte shows as one '?'. */
	assert_int_equal(text_width("Cr\xe8me"), 5);
}

static void
test_fold(void **state)
{
	char *s;

	(void)state;
	s = text_fold("Cr\xc3\xa8me Fra\xc3\xae" "che");
	assert_string_equal(s, "creme fraiche");
	free(s);
	s = text_fold("GOUDA 48+ (Aged)");
	assert_string_equal(s, "gouda 48+ (aged)");
	free(s);
	/* àéïôùçñ */
	s = text_fold("\xc3\xa0\xc3\xa9\xc3\xaf\xc3\xb4\xc3\xb9\xc3\xa7"
	    "\xc3\xb1");
	assert_string_equal(s, "aeioucn");
	free(s);
	s = text_fold("\xc5\xa0\xc5\xbe\xc4\x8c\xc5\x81");
	assert_string_equal(s, "szcl");		/* ŠžČŁ */
	free(s);
	s = text_fold("\xc3\x84\xc3\x96\xc3\x9c");
	assert_string_equal(s, "aou");		/* ÄÖÜ */
	free(s);
	/* Other scripts are kept as they are. */
	s = text_fold("\xe7\xb4\x8d\xe8\xb1\x86 NATTO");
	assert_string_equal(s, "\xe7\xb4\x8d\xe8\xb1\x86 natto");
	free(s);
	s = text_fold("");
	assert_string_equal(s, "");
	free(s);
}

/*
 * ß folds to "ss" as Unicode case folding has it (CaseFolding.txt: 00DF;
 * F; 0073 0073), so typing "weisswurst" finds "Weißwurst".
 */
static void
test_fold_sharp_s(void **state)
{
	char *s;

	(void)state;
	s = text_fold("\xc3\x84\xc3\x96\xc3\x9c\xc3\x9f");
	assert_string_equal(s, "aouss");	/* ÄÖÜß */
	free(s);
	s = text_fold("Wei\xc3\x9fwurst");
	assert_string_equal(s, "weisswurst");
	free(s);
}

static void
test_fit_cut(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(text_fit(buf, sizeof buf, "abcd", 3, false), "ab~");
	assert_string_equal(text_fit(buf, sizeof buf, "abcd", 3, true), "ab~");
	assert_string_equal(text_fit(buf, sizeof buf,
	    "Cr\xc3\xa8me fra\xc3\xae" "che", 8, false), "Cr\xc3\xa8me f~");
	assert_string_equal(text_fit(buf, sizeof buf,
	    "Cr\xc3\xa8me fra\xc3\xae" "che", 12, true),
	    "Cr\xc3\xa8me fra\xc3\xae" "c~");
	/* Exactly the width: no cut. */
	assert_string_equal(text_fit(buf, sizeof buf,
	    "Cr\xc3\xa8me fra\xc3\xae" "che", 13, true),
	    "Cr\xc3\xa8me fra\xc3\xae" "che");
	assert_string_equal(text_fit(buf, sizeof buf, "abcd", 1, false), "~");
	assert_string_equal(text_fit(buf, sizeof buf, "abcd", 0, true), "");
	/* Combining marks stay with their letter. */
	assert_string_equal(text_fit(buf, sizeof buf, "e\xcc\x81te\xcc\x81",
	    2, false), "e\xcc\x81~");
}

static void
test_fit_pad(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(text_fit(buf, sizeof buf, "abc", 6, true),
	    "abc   ");
	assert_string_equal(text_fit(buf, sizeof buf, "abc", 6, false), "abc");
	assert_string_equal(text_fit(buf, sizeof buf, "", 2, true), "  ");
	assert_string_equal(text_fit(buf, sizeof buf, "Cr\xc3\xa8me", 7, true),
	    "Cr\xc3\xa8me  ");
	assert_string_equal(text_fit(buf, sizeof buf, "\xe7\xb4\x8d", 4, true),
	    "\xe7\xb4\x8d  ");
	assert_int_equal(text_width(text_fit(buf, sizeof buf,
	    "e\xcc\x81", 3, true)), 3);
}

static void
test_fit_escape_inert(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(text_fit(buf, sizeof buf, "\x1b[31m", 20, false),
	    "?[31m");
	assert_string_equal(text_fit(buf, sizeof buf, "red\x1b[31mRED\x1b[0m",
	    20, false), "red?[31mRED?[0m");
	assert_string_equal(text_fit(buf, sizeof buf, "a\tb\rc\x7f" "d", 20,
	    false), "a?b?c?d");
	assert_string_equal(text_fit(buf, sizeof buf, "a\xc2\x85z", 20, false),
	    "a?z");			/* U+0085, a C1 control */
	assert_string_equal(text_fit(buf, sizeof buf, "Cr\xe8me", 20, false),
	    "Cr?me");		/* an invalid byte */
	assert_string_equal(text_fit(buf, sizeof buf, "\x1b[31m", 3, false),
	    "?[~");
}

static void
test_fit_wide(void **state)
{
	char buf[64];
	/* 納豆ご飯: four wide characters, eight columns. */
	const char *s = "\xe7\xb4\x8d\xe8\xb1\x86\xe3\x81\x94\xe9\xa3\xaf";

	(void)state;
	assert_string_equal(text_fit(buf, sizeof buf, s, 8, false), s);
	assert_string_equal(text_fit(buf, sizeof buf, s, 5, false),
	    "\xe7\xb4\x8d\xe8\xb1\x86~");
	/* Four columns: "納" + "~" is 3; the next 納 would need 2 more. */
	assert_string_equal(text_fit(buf, sizeof buf, s, 4, false),
	    "\xe7\xb4\x8d~");
	assert_string_equal(text_fit(buf, sizeof buf, s, 4, true),
	    "\xe7\xb4\x8d~ ");
	assert_string_equal(text_fit(buf, sizeof buf, s, 2, true), "~ ");
	assert_string_equal(text_fit(buf, sizeof buf, "a\xe7\xb4\x8d", 2, true),
	    "a~");
}

static void
test_fit_small_buffer(void **state)
{
	char buf[6];

	(void)state;
	/* Never a split character and always terminated. */
	text_fit(buf, sizeof buf, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 40, true);
	assert_true(strlen(buf) < sizeof buf);
	assert_true(text_valid(buf, strlen(buf), NULL));
	text_fit(buf, sizeof buf, "\xe7\xb4\x8d\xe8\xb1\x86", 40, false);
	assert_true(strlen(buf) < sizeof buf);
	assert_true(text_valid(buf, strlen(buf), NULL));
	text_fit(buf, 1, "abc", 10, true);
	assert_string_equal(buf, "");
}

/*
 * A comma-decimal locale for the tests below: installed, or made by
 * `make build/locale/de_DE.UTF-8/LC_NUMERIC` (make check does). Not
 * finding one fails the test: it would otherwise prove nothing.
 */
static void
comma_locale(void)
{
	char buf[16];

	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
		setenv("LOCPATH", K2_SRCDIR "/build/locale", 1);
		if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
			fail_msg("no de_DE.UTF-8 locale: make "
			    "build/locale/de_DE.UTF-8/LC_NUMERIC");
	}
	/* The proof that the locale took effect: printf writes a comma. */
	snprintf(buf, sizeof buf, "%.1f", 1.5);
	assert_string_equal(buf, "1,5");
}

/*
 * Issue 9, item 1: every number read or written for a file or a machine is
 * the same in every locale: '.' as the point, every digit kept.
 */
static void
test_numbers_in_a_comma_locale(void **state)
{
	static const char yaml[] = "version: 1\nfoods:\n"
	    "  - id: gouda\n    name: Gouda\n    group: cheese\n"
	    "    servings:\n      - {label: slice, grams: 28}\n"
	    "    per_100g: {sat_fat_g: 17.6, sodium_mg: 819}\n";
	struct catalogue c;
	struct diag_list *dl = malloc(sizeof *dl);
	struct amount a;
	char buf[40];
	struct diag ad;
	const char *end;
	double v;

	(void)state;
	comma_locale();
	assert_int_equal(text_num_parse("17.6", &v, &end), 0);
	assert_true(v == 17.6);
	assert_int_equal(*end, '\0');
	assert_string_equal(text_num_exact(buf, sizeof buf, 1.5), "1.5");
	assert_string_equal(text_num_exact(buf, sizeof buf, 0.1), "0.1");
	assert_string_equal(text_num_exact(buf, sizeof buf, 2.0 / 3),
	    "0.6666666666666666");
	assert_string_equal(text_num_exact(buf, sizeof buf, 200), "200");
	assert_string_equal(text_num_fixed(buf, sizeof buf, 17.6, 2), "17.60");
	assert_string_equal(text_number(buf, sizeof buf, 2610.26, 1),
	    "2,610.3");
	/* The YAML loader reads 17.6 as 17.6, not 17. */
	diag_list_init(dl);
	assert_int_equal(catalogue_load_buffer(&c, "t.yaml", yaml,
	    sizeof yaml - 1, dl), 0);
	assert_true(c.foods[0].nut.v[NUT_SAT_FAT] == 17.6);
	/* An amount takes '.' and ',' alike. */
	assert_int_equal(amount_parse("1.5 slice", &c.foods[0], &a, &ad), 0);
	assert_true(a.grams == 42);
	assert_int_equal(amount_parse("1,5 slice", &c.foods[0], &a, &ad), 0);
	assert_true(a.grams == 42);
	amount_format_quantity(buf, sizeof buf, 4.0 / 3);
	assert_string_equal(buf, "1.33");
	catalogue_release(&c);
	free(dl);
	setlocale(LC_ALL, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_accepts_utf8),
		cmocka_unit_test(test_valid_refuses_overlong),
		cmocka_unit_test(test_valid_refuses_surrogates_and_range),
		cmocka_unit_test(test_valid_refuses_truncated),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_sharp_s),
		cmocka_unit_test(test_fit_cut),
		cmocka_unit_test(test_fit_pad),
		cmocka_unit_test(test_fit_escape_inert),
		cmocka_unit_test(test_fit_wide),
		cmocka_unit_test(test_fit_small_buffer),
		cmocka_unit_test(test_numbers_in_a_comma_locale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
