/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the own foods (DESIGN §3b, issue 12): the writer (what it
 * writes reads back equal, numbers exact in any locale), the store
 * (my-foods.yaml written whole, 0600, a broken file never written over)
 * and the id rule (my_oat_bar, then my_oat_bar_2).
 */
#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "catalogue.h"
#include "catalogue_yaml.h"
#include "food.h"
#include "ownfoods.h"
#include "util.h"

#ifndef K2_SRCDIR
#define K2_SRCDIR "."
#endif

/* A diag_list is about 26 KiB: keep it off the stack. */
static struct diag_list dl;
/* A folder of our own for each test, and my-foods.yaml in a folder in it. */
static char dir[256];
static char path[300];

static const char *
msg(size_t i)
{
	static char buf[1024];

	if (i >= dl.n)
		fail_msg("message %zu asked for, only %zu reported", i, dl.n);
	diag_format(&dl.d[i], buf, sizeof buf);
	return buf;
}

static void
print_messages(void)
{
	size_t i;

	for (i = 0; i < dl.n; i++)
		print_message("  %s\n", msg(i));
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s/k2diary-ownfoods.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return -1;
	/* A folder that is not there yet: the store makes it. */
	snprintf(path, sizeof path, "%s/k2diary/my-foods.yaml", dir);
	diag_list_init(&dl);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[400];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *
slurp(const char *file)
{
	struct diag d;
	char *buf;
	size_t len;

	if (util_read_file(file, 1u << 20, &buf, &len, &d) != 0)
		fail_msg("%s: %s", d.file, d.msg);
	return buf;
}

static void
spit(const char *file, const char *text)
{
	FILE *fp = fopen(file, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/*
 * A food made in memory, as the commands make them: every field set, and
 * numbers that need every digit (2/3, 0.1, 1e-05).
 */
static void
make_food(struct food *f, const char *id, const char *name)
{
	memset(f, 0, sizeof *f);
	f->id = xstrdup(id);
	f->name = xstrdup(name);
	f->group = GROUP_SNACK;
	f->n_servings = 2;
	f->servings = xcalloc(2, sizeof *f->servings);
	f->servings[0].label = xstrdup("bar");
	f->servings[0].grams = 40;
	f->servings[1].label = xstrdup("half-bar");
	f->servings[1].grams = 20;
	f->n_aliases = 2;
	f->aliases = xcalloc(2, sizeof *f->aliases);
	f->aliases[0] = xstrdup("muesli bar");
	f->aliases[1] = xstrdup("yes");
	nutrients_set(&f->nut, NUT_MK7, 2.0 / 3);
	nutrients_set(&f->nut, NUT_MK4, 0.1);
	nutrients_set(&f->nut, NUT_K1, 1e-05);
	nutrients_set(&f->nut, NUT_SAT_FAT, 17.6);
	nutrients_set(&f->nut, NUT_SODIUM, 819);
	nutrients_finish(&f->nut);
	f->confidence = CONF_LABEL;
	f->source = xstrdup("label: \"Oat & Co\", 2026 # not a comment");
	f->note = xstrdup("null");
	memcpy(f->usda, "01022", 6);
}

/* Serialise and read back: equal, to the bit. */
static void
assert_round_trip(const struct catalogue *c)
{
	struct catalogue back;
	struct diag d;
	char *buf;
	size_t len;

	assert_int_equal(catalogue_write(c, "# a comment\n", &buf, &len, &d),
	    0);
	diag_list_init(&dl);
	if (catalogue_read_buffer(&back, "back.yaml", buf, len, &dl) != 0) {
		print_messages();
		fail_msg("what was written does not read:\n%s", buf);
	}
	if (!catalogue_equal(c, &back))
		fail_msg("what was written reads back different:\n%s", buf);
	catalogue_release(&back);
	free(buf);
}

/* Names that YAML could take for something else read back as written. */
static void
test_write_read_back_equal(void **state)
{
	static const char *const names[] = {
		"Oat bar", "null", "~", "123", "1e5", "0x1F", "true", "No",
		"- dash", "a: b", "#hash", "  spaces  ", "Crème fraîche",
		"it's \"quoted\"", "[flow]", "{map}", "*star", "&amp", "%pct",
		"@at", "`tick`", "|pipe", ">gt", "!bang", "?q", ".inf", "納豆",
	};
	struct catalogue c;
	struct food f;
	char id[16];
	size_t i;

	(void)state;
	catalogue_init(&c);
	for (i = 0; i < ARRAY_LEN(names); i++) {
		snprintf(id, sizeof id, "f%zu", i);
		make_food(&f, id, names[i]);
		/* Every other one per serving; one with no weight given. */
		f.per_serving = i % 2 == 1;
		if (i == 3)
			f.servings[0].grams = f.servings[1].grams = 0;
		catalogue_put(&c, &f, NULL);
	}
	assert_round_trip(&c);
	catalogue_release(&c);
}

/* A recipe is written as a recipe: ingredients, yields, servings as given. */
static void
test_recipes_written_as_written(void **state)
{
	static const char yaml[] = "version: 1\nfoods:\n"
	    "  - id: omelette\n    name: Omelette\n    group: prepared\n"
	    "    ingredients:\n"
	    "      - {food: egg_whole, amount: \"2\"}\n"
	    "      - {food: butter, amount: 10g}\n"
	    "  - id: plate\n    name: Plate\n    group: prepared\n"
	    "    servings: [{label: plate}, {label: bite, grams: 10}]\n"
	    "    ingredients: [{food: omelette, amount: \"1 1/2\"}]\n"
	    "    yields: 2.5\n"
	    "  - id: bowl\n    name: Bowl\n    group: prepared\n"
	    "    servings: [{label: bowl, grams: 300}]\n"
	    "    ingredients: [{food: omelette, amount: \"1\"}]\n";
	struct catalogue c;
	char *buf;
	size_t len;
	struct diag d;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(catalogue_read_buffer(&c, "r.yaml", yaml,
	    sizeof yaml - 1, &dl), 0);
	assert_int_equal(c.n_recipes, 3);
	assert_round_trip(&c);
	assert_int_equal(catalogue_write(&c, NULL, &buf, &len, &d), 0);
	/* Servings left out stay left out; grams left out too. */
	assert_null(strstr(buf, "label: serving"));
	assert_non_null(strstr(buf, "{label: plate}"));
	assert_non_null(strstr(buf, "{label: bowl, grams: 300}"));
	assert_non_null(strstr(buf, "yields: 2.5"));
	assert_non_null(strstr(buf, "amount: \"10g\""));
	assert_null(strstr(buf, "per_serving"));
	free(buf);
	catalogue_release(&c);
}

/*
 * The K2 total is written only when the chains do not make it: a food
 * with MK-4 0.1 and MK-7 2/3 writes no k2_ug; a bare total (brie) does.
 */
static void
test_k2_written_only_when_given(void **state)
{
	struct catalogue c;
	struct food f;
	struct diag d;
	char *buf;
	size_t len;

	(void)state;
	catalogue_init(&c);
	make_food(&f, "chains", "Chains");
	catalogue_put(&c, &f, NULL);
	make_food(&f, "bare", "Bare total");
	f.nut.known = 0;
	nutrients_set(&f.nut, NUT_K2, 8.5);
	catalogue_put(&c, &f, NULL);
	make_food(&f, "more", "More than the chains");
	nutrients_set(&f.nut, NUT_K2, 5);
	catalogue_put(&c, &f, NULL);
	assert_int_equal(catalogue_write(&c, NULL, &buf, &len, &d), 0);
	assert_non_null(strstr(buf, "{mk4_ug: 0.1, mk7_ug: 0.6666666666666666, "
	    "k1_ug: 1e-05, sat_fat_g: 17.6, sodium_mg: 819}"));
	assert_non_null(strstr(buf, "{k2_ug: 8.5}"));
	assert_non_null(strstr(buf, "mk7_ug: 0.6666666666666666, k2_ug: 5,"));
	free(buf);
	assert_round_trip(&c);
	catalogue_release(&c);
}

/* Add one food by name (the change a 'food new' makes). */
struct add {
	const char	*name;
	char		*id;
	bool		 called;
};

static int
add_food(struct catalogue *own, void *arg, struct diag *d)
{
	struct add *a = arg;
	struct food f;

	(void)d;
	a->called = true;
	a->id = catalogue_new_id(a->name, own, NULL);
	make_food(&f, a->id, a->name);
	catalogue_put(own, &f, NULL);
	return 0;
}

static int
refuse(struct catalogue *own, void *arg, struct diag *d)
{
	(void)own;
	(void)arg;
	diag_set(d, NULL, 0, 0, "no, thanks");
	return -1;
}

/*
 * The store: a first save makes the folder (0700) and the file (0600);
 * what is in the file reads back as the foods saved; saves merge by id;
 * the id rule gives my_oat_bar, then my_oat_bar_2.
 */
static void
test_store_saves_0600_and_reads_back(void **state)
{
	struct add a = { "Oat bar", NULL, false };
	struct catalogue c;
	struct stat st;
	char *text, *parent;

	(void)state;
	if (ownfoods_update(path, add_food, &a, &dl) != 0) {
		print_messages();
		fail_msg("the first save failed");
	}
	assert_string_equal(a.id, "my_oat_bar");
	free(a.id);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	parent = xstrdup(path);
	*strrchr(parent, '/') = '\0';
	assert_int_equal(stat(parent, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(parent);
	/* No temporary file is left beside it. */
	text = xasprintf("%s.tmp", path);
	assert_int_equal(access(text, F_OK), -1);
	free(text);

	a.id = NULL;
	assert_int_equal(ownfoods_update(path, add_food, &a, &dl), 0);
	assert_string_equal(a.id, "my_oat_bar_2");
	free(a.id);
	a.name = "Rye bread";
	assert_int_equal(ownfoods_update(path, add_food, &a, &dl), 0);
	free(a.id);

	assert_int_equal(catalogue_read_file(&c, path, &dl), 0);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.foods[0].id, "my_oat_bar");
	assert_string_equal(c.foods[1].id, "my_oat_bar_2");
	assert_string_equal(c.foods[2].id, "my_rye_bread");
	assert_true(c.foods[2].nut.v[NUT_SAT_FAT] == 17.6);
	catalogue_release(&c);
	text = slurp(path);
	assert_non_null(strstr(text, "id: my_oat_bar_2\n"));
	free(text);
}

/* A change that refuses writes nothing, and says why. */
static void
test_refused_change_writes_nothing(void **state)
{
	struct add a = { "Oat bar", NULL, false };
	char *before, *after;

	(void)state;
	assert_int_equal(ownfoods_update(path, add_food, &a, &dl), 0);
	free(a.id);
	before = slurp(path);
	diag_list_init(&dl);
	assert_int_equal(ownfoods_update(path, refuse, NULL, &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), "k2diary: no, thanks");
	after = slurp(path);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/*
 * A hand-made error in my-foods.yaml blocks saving, with the reason, and
 * the file is left as it is (byte for byte); the change is not even
 * tried. The error is named at FILE:LINE:COL.
 */
static void
test_broken_file_blocks_saving(void **state)
{
	static const char broken[] = "version: 1\nfoods:\n"
	    "  - id: my_bar\n    name: Bar\n    group: cheeses\n"
	    "    servings: [{label: bar, grams: 40}]\n"
	    "    per_100g: {kcal: 400}\n";
	struct add a = { "Oat bar", NULL, false };
	char *after, want[600];

	(void)state;
	/* The folder, then the hand-edited file. */
	assert_int_equal(ownfoods_update(path, refuse, NULL, &dl), -1);
	spit(path, broken);
	diag_list_init(&dl);
	assert_int_equal(ownfoods_update(path, add_food, &a, &dl), -1);
	assert_false(a.called);
	if (dl.n != 2)
		print_messages();
	assert_int_equal(dl.n, 2);
	/* Line 5, "    group: cheeses": the value at column 12. */
	snprintf(want, sizeof want, "%s:5:12: unknown group 'cheeses'", path);
	assert_memory_equal(msg(0), want, strlen(want));
	snprintf(want, sizeof want, "%s: 1 error in the file: nothing saved, "
	    "since k2diary never writes over a file it cannot read "
	    "completely; fix it, or move the file away", path);
	assert_string_equal(msg(1), want);
	after = slurp(path);
	assert_string_equal(after, broken);
	free(after);
}

/*
 * Numbers are written with '.' and every digit, whatever LC_NUMERIC says:
 * under de_DE.UTF-8, whose decimal point is a comma, 17.6 is written
 * "17.6" (not "17,6"), 2/3 "0.6666666666666666", and the file reads back
 * equal.
 */
static void
test_numbers_exact_in_a_comma_locale(void **state)
{
	struct add a = { "Oat bar", NULL, false };
	struct catalogue c;
	char *text, buf[16];

	(void)state;
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
		setenv("LOCPATH", K2_SRCDIR "/build/locale", 1);
		if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
			fail_msg("no de_DE.UTF-8 locale: make "
			    "build/locale/de_DE.UTF-8/LC_NUMERIC");
	}
	/* The proof that the locale took effect: printf writes a comma. */
	snprintf(buf, sizeof buf, "%.1f", 1.5);
	assert_string_equal(buf, "1,5");
	assert_int_equal(ownfoods_update(path, add_food, &a, &dl), 0);
	free(a.id);
	text = slurp(path);
	assert_non_null(strstr(text, "sat_fat_g: 17.6,"));
	assert_non_null(strstr(text, "mk7_ug: 0.6666666666666666,"));
	assert_non_null(strstr(text, "k1_ug: 1e-05,"));
	assert_non_null(strstr(text, "{label: half-bar, grams: 20}"));
	assert_null(strstr(text, "17,6"));
	free(text);
	assert_int_equal(catalogue_read_file(&c, path, &dl), 0);
	assert_true(c.foods[0].nut.v[NUT_SAT_FAT] == 17.6);
	assert_true(c.foods[0].nut.v[NUT_MK7] == 2.0 / 3);
	assert_true(c.foods[0].nut.v[NUT_K1] == 1e-05);
	catalogue_release(&c);
	setlocale(LC_ALL, "C");
}

/*
 * The id rule: "my_" and the name's words, lower case, accents dropped,
 * other characters one '_'; then _2, _3 ... past the ids of either
 * catalogue; at most 40 characters, the suffix kept.
 */
static void
test_id_rule(void **state)
{
	struct catalogue a, b;
	struct food f;
	char *id;

	(void)state;
	catalogue_init(&a);
	catalogue_init(&b);
	id = catalogue_new_id("Oat bar", &a, &b);
	assert_string_equal(id, "my_oat_bar");
	make_food(&f, id, "Oat bar");
	catalogue_put(&a, &f, NULL);
	free(id);
	id = catalogue_new_id("  Oat   BAR!! ", &a, &b);
	assert_string_equal(id, "my_oat_bar_2");
	make_food(&f, id, "x");
	catalogue_put(&b, &f, NULL);
	free(id);
	id = catalogue_new_id("oat-bar", &a, &b);
	assert_string_equal(id, "my_oat_bar_3");
	free(id);
	id = catalogue_new_id("Crème fraîche, 30 %", NULL, NULL);
	assert_string_equal(id, "my_creme_fraiche_30");
	free(id);
	/* No word of a-z or 0-9 (another script, or signs only). */
	id = catalogue_new_id("納豆", NULL, NULL);
	assert_string_equal(id, "my_food");
	free(id);
	/* 3 + 37 = 40 characters, then cut to make room for "_2". */
	id = catalogue_new_id("abcdefghij abcdefghij abcdefghij abcdefghij",
	    NULL, NULL);
	assert_string_equal(id, "my_abcdefghij_abcdefghij_abcdefghij_abcd");
	make_food(&f, id, "long");
	catalogue_put(&a, &f, NULL);
	free(id);
	id = catalogue_new_id("abcdefghij abcdefghij abcdefghij abcdefghij",
	    &a, NULL);
	assert_string_equal(id, "my_abcdefghij_abcdefghij_abcdefghij_ab_2");
	free(id);
	/*
	 * A cut that ends on '_' drops it: the 40 characters end "_a_cd";
	 * cut to 38 for "_2" they end "_a_", so "_a" + "_2", not "_a__2".
	 */
	id = catalogue_new_id("abcdefghij abcdefghij abcdefghij a cd",
	    NULL, NULL);
	assert_string_equal(id, "my_abcdefghij_abcdefghij_abcdefghij_a_cd");
	make_food(&f, id, "cut");
	catalogue_put(&a, &f, NULL);
	free(id);
	id = catalogue_new_id("abcdefghij abcdefghij abcdefghij a cd", &a,
	    NULL);
	assert_string_equal(id, "my_abcdefghij_abcdefghij_abcdefghij_a_2");
	free(id);
	catalogue_release(&a);
	catalogue_release(&b);
}

/* put replaces by id, remove takes food and recipe, equal sees changes. */
static void
test_put_remove_equal(void **state)
{
	struct catalogue a, b;
	struct food f;

	(void)state;
	catalogue_init(&a);
	catalogue_init(&b);
	make_food(&f, "x", "X");
	catalogue_put(&a, &f, NULL);
	make_food(&f, "x", "X");
	catalogue_put(&b, &f, NULL);
	assert_true(catalogue_equal(&a, &b));
	make_food(&f, "x", "X");
	f.nut.v[NUT_SODIUM] = 819.0000000000001;
	catalogue_put(&b, &f, NULL);
	assert_int_equal(b.n, 1);
	assert_false(catalogue_equal(&a, &b));
	assert_true(catalogue_remove(&b, "x"));
	assert_false(catalogue_remove(&b, "x"));
	assert_int_equal(b.n, 0);
	assert_null(catalogue_find(&b, "x"));
	catalogue_release(&a);
	catalogue_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_read_back_equal),
		cmocka_unit_test(test_recipes_written_as_written),
		cmocka_unit_test(test_k2_written_only_when_given),
		cmocka_unit_test_setup_teardown(
		    test_store_saves_0600_and_reads_back, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_refused_change_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_file_blocks_saving,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_numbers_exact_in_a_comma_locale, setup, teardown),
		cmocka_unit_test(test_id_rule),
		cmocka_unit_test(test_put_remove_equal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
