/* SPDX-License-Identifier: ISC */
/* Unit tests for record.c: the entry's columns, CSV and JSON, both ways. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csv.h"
#include "entry.h"
#include "record.h"
#include "util.h"

/* Run f into a string; caller frees. */
static char *
capture(void (*f)(FILE *, const struct entry *), const struct entry *e)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	f(fp, e);
	fclose(fp);
	return buf;
}

/*
 * Gouda, 2 slices on 2026-11-27 (day 20784), logged 2026-11-29T20:00:00Z
 * (1795982400 = 20786 x 86400 + 72000): 56 g, K2 26.32 (other chains
 * 26.32), sat fat 9.86384, sodium 458.64, kcal unknown, K1 1/3 (a value
 * with every digit to keep).
 */
static void
gouda(struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = 2;
	e->day = 20784;
	e->logged_at = 1795982400;
	e->food_id = xstrdup("gouda");
	e->food_name = xstrdup("Gouda, \"aged\"");
	e->serving = xstrdup("slice");
	e->quantity = 2;
	e->grams = 56;
	e->servings = 2;
	nutrients_set(&e->nut, NUT_K2, 26.32);
	nutrients_set(&e->nut, NUT_MK_OTHER, 26.32);
	nutrients_set(&e->nut, NUT_K1, 1.0 / 3);
	nutrients_set(&e->nut, NUT_SAT_FAT, 9.86384);
	nutrients_set(&e->nut, NUT_SODIUM, 458.64);
}

static void
header(FILE *fp, const struct entry *e)
{
	(void)e;
	record_csv_header(fp);
}

static void
test_csv_out(void **state)
{
	struct entry e;
	char *s;

	(void)state;
	s = capture(header, NULL);
	assert_string_equal(s, "id,day,logged_at,food_id,food_name,serving,"
	    "quantity,grams,servings,k2_ug,mk4_ug,mk7_ug,mk_other_ug,k1_ug,"
	    "sat_fat_g,sodium_mg,kcal\r\n");
	free(s);
	gouda(&e);
	s = capture(record_csv_row, &e);
	assert_string_equal(s, "2,2026-11-27,2026-11-29T20:00:00Z,gouda,"
	    "\"Gouda, \"\"aged\"\"\",slice,2,56,2,26.32,,,26.32,"
	    "0.3333333333333333,9.86384,458.64,\r\n");
	free(s);
	/* No weight: grams empty. */
	e.grams = 0;
	s = capture(record_csv_row, &e);
	assert_non_null(strstr(s, ",slice,2,,2,"));
	free(s);
	entry_release(&e);
}

static void
test_json_out(void **state)
{
	struct entry e;
	char *s;

	(void)state;
	gouda(&e);
	s = capture(record_json, &e);
	assert_string_equal(s, "{\"id\": 2, \"day\": \"2026-11-27\", "
	    "\"logged_at\": \"2026-11-29T20:00:00Z\", \"food_id\": \"gouda\", "
	    "\"food_name\": \"Gouda, \\\"aged\\\"\", \"serving\": \"slice\", "
	    "\"quantity\": 2, \"grams\": 56, \"servings\": 2, "
	    "\"k2_ug\": 26.32, \"mk4_ug\": null, \"mk7_ug\": null, "
	    "\"mk_other_ug\": 26.32, \"k1_ug\": 0.3333333333333333, "
	    "\"sat_fat_g\": 9.86384, \"sodium_mg\": 458.64, \"kcal\": null}");
	free(s);
	entry_release(&e);
}

/* Parse CSV text into rows 0 (header) and 1. */
static void
rows(const char *text, struct csv_row *h, struct csv_row *r)
{
	struct csv_reader rd;

	csv_reader_init(&rd, text, strlen(text));
	assert_int_equal(csv_next(&rd, h, NULL), 1);
	assert_int_equal(csv_next(&rd, r, NULL), 1);
}

/* Every digit written reads back as the same double: a round trip. */
static void
test_csv_round_trip(void **state)
{
	struct entry e, back;
	struct csv_row h, r;
	struct record_layout lay;
	struct diag d;
	char *line, *text;

	(void)state;
	gouda(&e);
	line = capture(record_csv_row, &e);
	text = xasprintf("id,day,logged_at,food_id,food_name,serving,quantity,"
	    "grams,servings,k2_ug,mk4_ug,mk7_ug,mk_other_ug,k1_ug,sat_fat_g,"
	    "sodium_mg,kcal\r\n%s", line);
	rows(text, &h, &r);
	assert_int_equal(record_csv_layout(&h, &lay), 0);
	assert_int_equal(record_csv_entry(&lay, &r, &back, &d), 0);
	assert_true(back.id == 2 && back.day == 20784 &&
	    back.logged_at == 1795982400);
	assert_string_equal(back.food_name, "Gouda, \"aged\"");
	assert_true(back.quantity == 2 && back.grams == 56 &&
	    back.servings == 2);
	assert_true(back.nut.known == e.nut.known);
	assert_true(back.nut.v[NUT_K1] == 1.0 / 3);
	assert_true(back.nut.v[NUT_SAT_FAT] == 9.86384);
	entry_release(&back);
	csv_row_release(&h);
	csv_row_release(&r);
	free(text);
	free(line);
	entry_release(&e);
}

/* An export from before the quantity column still reads; quantity is 0. */
static void
test_old_layout(void **state)
{
	struct csv_row h, r;
	struct record_layout lay;
	struct entry e;
	struct diag d;

	(void)state;
	rows("id,day,logged_at,food_id,food_name,serving,grams,servings,k2_ug,"
	    "mk4_ug,mk7_ug,mk_other_ug,k1_ug,sat_fat_g,sodium_mg,kcal\r\n"
	    "3,2026-11-27,2026-11-29T20:00:00Z,natto,Natto,serving,85,1,850,,"
	    "850,,,1.35235,5.95,179.35\r\n", &h, &r);
	assert_int_equal(record_csv_layout(&h, &lay), 0);
	assert_int_equal(lay.fields, 16);
	assert_int_equal(record_csv_entry(&lay, &r, &e, &d), 0);
	assert_true(e.quantity == 0);
	assert_true(e.grams == 85 && e.nut.v[NUT_K2] == 850);
	assert_false(nutrients_has(&e.nut, NUT_MK4));
	entry_release(&e);
	csv_row_release(&h);
	csv_row_release(&r);
	/* Not an export's header. */
	rows("id,day,when\r\n1,2,3\r\n", &h, &r);
	assert_int_equal(record_csv_layout(&h, &lay), -1);
	csv_row_release(&h);
	csv_row_release(&r);
}

/* A bad cell names its field and says what it wants. */
static void
test_bad_cells(void **state)
{
	static const struct {
		const char *row;
		const char *msg;
	} bad[] = {
		{ "0,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,,,",
		    "field 'id': '0' is not an entry id (a whole number above "
		    "0)" },
		{ "1,2026-02-30,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,,,",
		    "field 'day': '2026-02-30' is not a date (YYYY-MM-DD)" },
		{ "1,2026-11-27,2026-11-29 20:00:00,g,G,s,1,1,1,,,,,,,,",
		    "field 'logged_at': '2026-11-29 20:00:00' is not a UTC time "
		    "(YYYY-MM-DDTHH:MM:SSZ)" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,,G,s,1,1,1,,,,,,,,",
		    "field 'food_id' is empty" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,0,1,1,,,,,,,,",
		    "field 'quantity': '0' is not a number above 0" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,1,5,,,,,",
		    "expected 17 fields, found 16" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,-1,,",
		    "field 'sat_fat_g': '-1' is not empty or a number of at "
		    "least 0" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,1,5,",
		    NULL },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,1,nan,",
		    "field 'sodium_mg': 'nan' is not empty or a number of at "
		    "least 0" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,1,0x10,",
		    "field 'sodium_mg': '0x10' is not empty or a number of at "
		    "least 0" },
		{ "1,2026-11-27,2026-11-29T20:00:00Z,g,G,s,1,1,1,,,,,,1,1.5e3,",
		    NULL },
	};
	struct csv_row h, r;
	struct record_layout lay;
	struct entry e;
	struct diag d;
	char *text;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(bad); i++) {
		text = xasprintf("id,day,logged_at,food_id,food_name,serving,"
		    "quantity,grams,servings,k2_ug,mk4_ug,mk7_ug,mk_other_ug,"
		    "k1_ug,sat_fat_g,sodium_mg,kcal\r\n%s\r\n", bad[i].row);
		rows(text, &h, &r);
		assert_int_equal(record_csv_layout(&h, &lay), 0);
		d.line = 0;
		d.msg[0] = '\0';
		if (bad[i].msg == NULL) {
			assert_int_equal(record_csv_entry(&lay, &r, &e, &d), 0);
			entry_release(&e);
			/* Success leaves d untouched. */
			assert_string_equal(d.msg, "");
		} else {
			assert_int_equal(record_csv_entry(&lay, &r, &e, &d),
			    -1);
			assert_string_equal(d.msg, bad[i].msg);
			assert_int_equal(d.line, 2);	/* the row's line */
		}
		csv_row_release(&h);
		csv_row_release(&r);
		free(text);
	}
}

/* A malformed CSV: the message, and the line the reader stopped on. */
static void
test_csv_errors(void **state)
{
	static const char open_quote[] = "a,b\r\n\"x\ny";
	static const char after_quote[] = "a,\"b\"c\r\n";
	struct csv_reader rd;
	struct csv_row row;
	struct diag d;

	(void)state;
	csv_reader_init(&rd, open_quote, strlen(open_quote));
	assert_int_equal(csv_next(&rd, &row, &d), 1);
	csv_row_release(&row);
	assert_int_equal(csv_next(&rd, &row, &d), -1);
	assert_string_equal(d.msg, "a quoted field that starts on line 2 is "
	    "never closed");
	assert_null(d.file);
	assert_int_equal(d.line, 3);
	csv_reader_init(&rd, after_quote, strlen(after_quote));
	assert_int_equal(csv_next(&rd, &row, &d), -1);
	assert_string_equal(d.msg, "text after a closing quote in field 2");
	assert_int_equal(d.line, 1);
	/* NULL drops the message, not the result. */
	csv_reader_init(&rd, after_quote, strlen(after_quote));
	assert_int_equal(csv_next(&rd, &row, NULL), -1);
}

static void
test_time(void **state)
{
	long long t;
	char buf[32];

	(void)state;
	assert_int_equal(record_time_parse("1970-01-01T00:00:00Z", &t), 0);
	assert_true(t == 0);
	assert_int_equal(record_time_parse("2026-11-29T20:00:00Z", &t), 0);
	assert_true(t == 1795982400);
	record_time_format(1795982400, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-29T20:00:00Z");
	assert_int_equal(record_time_parse("2026-11-29T24:00:00Z", &t), -1);
	assert_int_equal(record_time_parse("2026-11-29T2:00:00ZZ", &t), -1);
	assert_int_equal(record_time_parse("2026-11-29T20:00:00", &t), -1);
	assert_int_equal(record_time_parse("2026-11-29T20:0a:00Z", &t), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_out),
		cmocka_unit_test(test_json_out),
		cmocka_unit_test(test_csv_round_trip),
		cmocka_unit_test(test_old_layout),
		cmocka_unit_test(test_bad_cells),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
