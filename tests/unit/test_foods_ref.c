/* SPDX-License-Identifier: ISC */
/* The shipped foods.yaml: it loads cleanly and its figures match the reference CSV. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "catalogue_yaml.h"
#include "csv.h"
#include "diag.h"
#include "food.h"
#include "text.h"
#include "util.h"

#define FOODS_PATH K2_SRCDIR "/foods.yaml"
#define REF_CSV_PATH K2_SRCDIR "/../shared/reference/k2-foods.csv"
#define REF_FOODS 53
#define EPS 1e-9

/* A parsed CSV file (read by the program's own src/csv.c): row 0 the header. */
struct csv {
	struct csv_row	*rows;
	size_t		 n_rows;
};

/* The per-100 g columns of the reference CSV, by nutrient. */
static const char *const csv_columns[NUT_COUNT] = {
	[NUT_MK4] = "mk4_ug_100g",
	[NUT_MK7] = "mk7_ug_100g",
	[NUT_MK_OTHER] = "other_mk_ug_100g",
	[NUT_K2] = "k2_total_ug_100g",
	[NUT_K1] = "k1_ug_100g",
	[NUT_SAT_FAT] = "sat_fat_g_100g",
	[NUT_SODIUM] = "sodium_mg_100g",
	[NUT_KCAL] = "energy_kcal_100g",
};

static void
csv_release(struct csv *c)
{
	size_t r;

	for (r = 0; r < c->n_rows; r++)
		csv_row_release(&c->rows[r]);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

/* Parse text with csv.c into rows; -1 on a malformed field. */
static int
csv_parse(const char *s, size_t len, struct csv *c)
{
	struct csv_reader r;
	struct csv_row row;
	int rc;

	memset(c, 0, sizeof *c);
	csv_reader_init(&r, s, len);
	while ((rc = csv_next(&r, &row, NULL)) == 1) {
		c->rows = xreallocarray(c->rows, c->n_rows + 1,
		    sizeof *c->rows);
		c->rows[c->n_rows++] = row;
	}
	if (rc < 0) {
		csv_release(c);
		return -1;
	}
	return 0;
}

/* Read and parse a CSV file; -1 when it cannot be read. */
static int
csv_load(const char *path, struct csv *c)
{
	char *buf;
	size_t len;
	int rc;

	if (util_read_file(path, 1u << 24, &buf, &len, NULL) != 0)
		return -1;
	rc = csv_parse(buf, len, c);
	free(buf);
	return rc;
}

static long
csv_column(const struct csv *c, const char *name)
{
	size_t	f;

	for (f = 0; f < c->rows[0].n; f++) {
		if (strcmp(c->rows[0].field[f], name) == 0)
			return (long)f;
	}
	return -1;
}

static const char *
csv_cell(const struct csv *c, const char *id, const char *column)
{
	long	col = csv_column(c, column);
	size_t	r;

	assert_true(col >= 0);
	for (r = 1; r < c->n_rows; r++) {
		if (c->rows[r].n > 0 && strcmp(c->rows[r].field[0], id) == 0) {
			assert_true((size_t)col < c->rows[r].n);
			return c->rows[r].field[col];
		}
	}
	fail_msg("no row for '%s' in the reference CSV", id);
	return NULL;
}

static double
cell_number(const char *cell)
{
	const char *end;
	double	 v;

	if (text_num_parse(cell, &v, &end) != 0 || *end != '\0')
		fail_msg("reference CSV cell '%s' is not a number", cell);
	return v;
}

static void
assert_close(double got, double want, const char *what)
{
	if (fabs(got - want) > EPS)
		fail_msg("%s: got %.9g, want %.9g", what, got, want);
}

static void
load_reference(struct catalogue *c)
{
	struct diag_list	 dl;
	char			 buf[600];
	size_t			 i;
	int			 rc;

	catalogue_init(c);
	diag_list_init(&dl);
	rc = catalogue_load_file(c, FOODS_PATH, &dl);
	for (i = 0; i < dl.n; i++) {
		diag_format(&dl.d[i], buf, sizeof buf);
		printf("%s\n", buf);
	}
	assert_int_equal(dl.n, 0);
	assert_int_equal(dl.dropped, 0);
	assert_int_equal(rc, 0);
}

static const struct food *
find(const struct catalogue *c, const char *id)
{
	const struct food	*f = catalogue_find(c, id);

	if (f == NULL)
		fail_msg("food '%s' not in %s", id, FOODS_PATH);
	return f;
}

static void
test_loads_without_errors(void **state)
{
	struct catalogue	c;

	(void)state;
	load_reference(&c);
	assert_int_equal(c.n, REF_FOODS);
	catalogue_release(&c);
}

/* Every per-100 g figure and the default serving of one food against its CSV row. */
static void
check_against_csv(const struct catalogue *c, const struct csv *ref,
    const char *id)
{
	const struct food	*f = find(c, id);
	const char		*cell;
	char			 what[128];
	int			 k;

	assert_false(f->per_serving);
	for (k = 0; k < NUT_COUNT; k++) {
		cell = csv_cell(ref, id, csv_columns[k]);
		snprintf(what, sizeof what, "%s %s", id, nutrient_key(k));
		if (*cell == '\0') {
			if (nutrients_has(&f->nut, k))
				fail_msg("%s: blank in the CSV but known "
				    "(%.9g) in foods.yaml", what, f->nut.v[k]);
			continue;
		}
		if (!nutrients_has(&f->nut, k))
			fail_msg("%s: %s in the CSV but unknown in foods.yaml",
			    what, cell);
		assert_close(f->nut.v[k], cell_number(cell), what);
	}
	snprintf(what, sizeof what, "%s default serving grams", id);
	assert_close(f->servings[0].grams,
	    cell_number(csv_cell(ref, id, "serving_g")), what);
}

static void
test_figures_match_reference_csv(void **state)
{
	static const char *const ids[] = {
		"natto", "gouda", "butter", "salami", "egg_yolk",
	};
	struct catalogue	 c;
	struct csv		 ref;
	size_t			 i;

	(void)state;
	if (csv_load(REF_CSV_PATH, &ref) == -1) {
		printf("notice: reference CSV %s not readable (%s); "
		    "comparison skipped\n", REF_CSV_PATH, strerror(errno));
		skip();
	}
	assert_int_equal(ref.n_rows, REF_FOODS + 1);
	load_reference(&c);
	for (i = 0; i < ARRAY_LEN(ids); i++)
		check_against_csv(&c, &ref, ids[i]);
	catalogue_release(&c);
	csv_release(&ref);
}

/* src/csv.c as this test reads the reference: quoted commas, doubled quotes, blanks, CRLF. */
static void
test_csv_reader(void **state)
{
	static const char text[] =
	    "id,name,n\r\n"
	    "a,\"x, \"\"y\"\"\",\r\n"
	    "b,,2\n";
	struct csv	c;

	(void)state;
	assert_int_equal(csv_parse(text, sizeof text - 1, &c), 0);
	assert_int_equal(c.n_rows, 3);
	assert_int_equal(c.rows[1].n, 3);
	assert_string_equal(csv_cell(&c, "a", "name"), "x, \"y\"");
	assert_string_equal(csv_cell(&c, "a", "n"), "");
	assert_string_equal(csv_cell(&c, "b", "name"), "");
	assert_string_equal(csv_cell(&c, "b", "n"), "2");
	csv_release(&c);
	assert_int_equal(csv_parse("a,\"b\n", 5, &c), -1);
	assert_int_equal(csv_parse("a,\"b\"c\n", 7, &c), -1);
	/* A quote inside an unquoted field is kept as text (csv.c's rule). */
	assert_int_equal(csv_parse("a,b\"c\n", 6, &c), 0);
	assert_string_equal(c.rows[0].field[1], "b\"c");
	csv_release(&c);
}

static void
test_natto_k2_per_serving(void **state)
{
	struct catalogue	 c;
	const struct food	*f;
	double			 v = 0;

	(void)state;
	load_reference(&c);
	f = find(&c, "natto");
	/* 1000 µg/100 g x 85 g / 100 */
	assert_true(food_per_serving(f, NUT_K2, &v));
	assert_close(v, 850, "natto K2 per serving");
	catalogue_release(&c);
}

static void
test_gouda_k2_rich(void **state)
{
	struct catalogue	 c;
	const struct food	*f;

	(void)state;
	load_reference(&c);
	f = find(&c, "gouda");
	/* 47 x 28 / 100 = 13.16 µg per slice */
	assert_true(food_is_k2_rich(f, 12));
	assert_false(food_is_k2_rich(f, 14));
	catalogue_release(&c);
}

static void
test_salami_sodium(void **state)
{
	struct catalogue	 c;
	const struct food	*f;

	(void)state;
	load_reference(&c);
	f = find(&c, "salami");
	/* 25 g x 1740 / 100 = 435 mg: below 460 (20 % of 2300), above 400 */
	assert_false(food_high_sodium(f, 2300));
	assert_true(food_high_sodium(f, 2000));
	catalogue_release(&c);
}

static void
test_butter_sat_fat(void **state)
{
	struct catalogue	 c;
	const struct food	*f;

	(void)state;
	load_reference(&c);
	f = find(&c, "butter");
	/* 14.2 g x 51.368 / 100 = 7.294 g: above 4 (20 % of 20), below 8 */
	assert_true(food_high_sat_fat(f, 20));
	assert_false(food_high_sat_fat(f, 40));
	catalogue_release(&c);
}

static void
test_miso_k2_unknown(void **state)
{
	struct catalogue	 c;
	const struct food	*f;
	double			 v = -1;

	(void)state;
	load_reference(&c);
	f = find(&c, "miso");
	assert_false(nutrients_has(&f->nut, NUT_K2));
	assert_false(nutrients_has(&f->nut, NUT_MK4));
	assert_false(nutrients_has(&f->nut, NUT_MK7));
	assert_false(nutrients_has(&f->nut, NUT_MK_OTHER));
	assert_false(food_per_serving(f, NUT_K2, &v));
	assert_false(food_is_k2_rich(f, 0));
	/* its sodium is known: 3728 mg/100 g */
	assert_true(nutrients_has(&f->nut, NUT_SODIUM));
	assert_close(f->nut.v[NUT_SODIUM], 3728, "miso sodium");
	catalogue_release(&c);
}

static void
test_supplement_per_serving(void **state)
{
	struct catalogue	 c;
	const struct food	*f;
	double			 v = 0;

	(void)state;
	load_reference(&c);
	f = find(&c, "supp_mk7_100");
	assert_true(f->per_serving);
	assert_string_equal(f->servings[0].label, "capsule");
	assert_true(f->servings[0].grams == 0);
	assert_true(food_per_serving(f, NUT_K2, &v));
	assert_close(v, 100, "MK-7 capsule K2");
	assert_false(nutrients_has(&f->nut, NUT_MK4));
	/* no capsule weight, so nothing per 100 g */
	assert_false(food_per_100g(f, NUT_MK7, &v));
	catalogue_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_without_errors),
		cmocka_unit_test(test_csv_reader),
		cmocka_unit_test(test_figures_match_reference_csv),
		cmocka_unit_test(test_natto_k2_per_serving),
		cmocka_unit_test(test_gouda_k2_rich),
		cmocka_unit_test(test_salami_sodium),
		cmocka_unit_test(test_butter_sat_fat),
		cmocka_unit_test(test_miso_k2_unknown),
		cmocka_unit_test(test_supplement_per_serving),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
