/* SPDX-License-Identifier: ISC */
/* Unit tests for catalogue.c and yread.c: bad files, merge, search, foods. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "search.h"
#include "food.h"
#include "yread.h"

#ifndef K2_SRCDIR
#define K2_SRCDIR "."
#endif
#define BAD K2_SRCDIR "/tests/data/bad/"
#define GOOD K2_SRCDIR "/tests/data/good/"

/*
 * What yread_number says is expected of a nutrient (no upper bound: the
 * "more than 100 g can hold" check comes after). The one place to change
 * when its wording changes; see test_number_message_names_no_infinity.
 */
#define NUT_EXPECT(key) "expected a number of at least 0 for '" key "'"

/* Lines 1 and 2 of every inline catalogue. */
#define HEAD "version: 1\nfoods:\n"
/*
 * Lines 3 to 6: the start of a food. Line 7 is then a serving written
 * "      - {label: slice, grams: 28}" (label value at column 17, grams at
 * column 31), line 8 the nutrients.
 */
#define GOUDA_TOP \
	"  - id: gouda\n" \
	"    name: Gouda\n" \
	"    group: cheese\n" \
	"    servings:\n"
#define SLICE "      - {label: slice, grams: 28}\n"
/* Line 8: "{" at 15; values: mk_other_ug at 29, sat_fat_g 44, sodium_mg 61. */
#define GOUDA_NUT \
	"    per_100g: {mk_other_ug: 47, sat_fat_g: 17.6, sodium_mg: 819}\n"

/* A diag_list is about 26 KiB: keep it off the stack. */
static struct diag_list dl;

/* The i-th message, formatted "file:line:col: message". */
static const char *
msg(size_t i)
{
	static char buf[1024];

	if (i >= dl.n)
		fail_msg("message %zu asked for, only %zu reported", i, dl.n);
	diag_format(&dl.d[i], buf, sizeof buf);
	return buf;
}

static int
load(struct catalogue *c, const char *text)
{
	diag_list_init(&dl);
	return catalogue_load_buffer(c, "t.yaml", text, strlen(text), &dl);
}

static int
load_path(struct catalogue *c, const char *path)
{
	diag_list_init(&dl);
	return catalogue_load_file(c, path, &dl);
}

/* text (named t.yaml) must be refused with exactly the messages given. */
#define check_errors(text, ...) do {					\
	const char *want_[] = { __VA_ARGS__ };				\
	check_errors_at((text), want_, sizeof want_ / sizeof want_[0],	\
	    __LINE__);							\
} while (0)

static void
check_errors_at(const char *text, const char *const *want, size_t n,
    int line)
{
	struct catalogue c;
	size_t i;

	if (load(&c, text) != -1)
		fail_msg("line %d: the catalogue was accepted", line);
	for (i = 0; i < n && i < dl.n; i++) {
		if (strcmp(msg(i), want[i]) != 0)
			fail_msg("line %d: message %zu is\n  %s\n"
			    "expected\n  %s", line, i, msg(i), want[i]);
	}
	if (dl.n != n) {
		for (i = 0; i < dl.n; i++)
			print_message("  %s\n", msg(i));
		fail_msg("line %d: %zu messages, expected %zu", line, dl.n, n);
	}
	assert_int_equal(dl.dropped, 0);
	catalogue_release(&c);
}

/* path must be refused with exactly one message. */
static void
check_file_error(const char *path, const char *want)
{
	struct catalogue c;

	assert_int_equal(load_path(&c, path), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), want);
	assert_int_equal(c.n, 0);
	catalogue_release(&c);
}

/* path is refused and its first message is want. */
static void
check_file_first(const char *path, const char *want)
{
	struct catalogue c;

	assert_int_equal(load_path(&c, path), -1);
	assert_true(dl.n >= 1);
	assert_string_equal(msg(0), want);
	catalogue_release(&c);
}

/* text must load with no error; the caller releases c. */
static void
load_ok(struct catalogue *c, const char *text)
{
	size_t i;

	if (load(c, text) != 0 || dl.n != 0) {
		for (i = 0; i < dl.n; i++)
			print_message("  %s\n", msg(i));
		fail_msg("the catalogue was refused");
	}
}

/* A fresh directory for files the test makes. */
static void
tmpdir_make(char *dir, size_t len)
{
	snprintf(dir, len, "/tmp/k2test.XXXXXX");
	assert_non_null(mkdtemp(dir));
}

/* ------------------------------------------------------------------ */
/* Files that cannot be read.                                          */

static void
test_missing_file(void **state)
{
	(void)state;
	check_file_error(BAD "no-such-file.yaml", BAD "no-such-file.yaml: "
	    "cannot open: No such file or directory");
}

static void
test_unreadable_file(void **state)
{
	char dir[64], path[128], want[256];
	int fd;

	(void)state;
	/* Reading /proc/self/mem at offset 0 fails with EIO, even for root. */
	if (access("/proc/self/mem", R_OK) == 0)
		check_file_error("/proc/self/mem",
		    "/proc/self/mem: cannot read: Input/output error");
	/* Permissions do not stop root, so only check them as a user. */
	if (geteuid() == 0)
		return;
	tmpdir_make(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/locked.yaml", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0000);
	assert_true(fd >= 0);
	close(fd);
	snprintf(want, sizeof want, "%s: cannot open: Permission denied", path);
	check_file_error(path, want);
	unlink(path);
	rmdir(dir);
}

static void
test_directory(void **state)
{
	char dir[64], want[256];

	(void)state;
	tmpdir_make(dir, sizeof dir);
	snprintf(want, sizeof want, "%s: is a directory, not a file", dir);
	check_file_error(dir, want);
	rmdir(dir);
}

static void
test_fifo(void **state)
{
	char dir[64], path[128], want[256];

	(void)state;
	tmpdir_make(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/fifo.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(want, sizeof want, "%s: is not a regular file (a device, "
	    "FIFO or socket)", path);
	alarm(10);	/* a hang kills the test binary instead of the run */
	check_file_error(path, want);
	alarm(0);
	check_file_error("/dev/null", "/dev/null: is not a regular file (a "
	    "device, FIFO or socket)");
	unlink(path);
	rmdir(dir);
}

static void
test_file_too_large(void **state)
{
	char dir[64], path[128], want[256];
	struct catalogue c;
	char *big;
	int fd;

	(void)state;
	tmpdir_make(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/big.yaml", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	/* Sparse: 16 MiB and one byte, no disk used. */
	assert_int_equal(ftruncate(fd, 16 * 1024 * 1024 + 1), 0);
	close(fd);
	snprintf(want, sizeof want, "%s: file is too large (16777217 bytes): "
	    "the limit is 16 MiB", path);
	check_file_error(path, want);

	/* Exactly 16 MiB is read; these zeros are then no text file. */
	assert_int_equal(truncate(path, 16 * 1024 * 1024), 0);
	snprintf(want, sizeof want, "%s:1:1: a NUL byte: this is not a text "
	    "file", path);
	check_file_error(path, want);
	unlink(path);
	rmdir(dir);

	/* The same bound for a buffer. */
	big = calloc(YREAD_MAX_BYTES + 1, 1);
	assert_non_null(big);
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_buffer(&c, "big.yaml", big,
	    YREAD_MAX_BYTES + 1, &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), "big.yaml: file is too large (16777217 "
	    "bytes): the limit is 16 MiB");
	catalogue_release(&c);
	free(big);
}

/* ------------------------------------------------------------------ */
/* The shape of the file.                                              */

static void
test_empty_file(void **state)
{
	(void)state;
	check_file_error(BAD "empty.yaml", BAD "empty.yaml:1:1: the file is "
	    "empty: expected a mapping with 'version: 1' and 'foods'");
	check_errors("",
	    "t.yaml:1:1: the file is empty: expected a mapping with "
	    "'version: 1' and 'foods'");
	check_errors("# only a comment\n\n",
	    "t.yaml:1:1: the file is empty: expected a mapping with "
	    "'version: 1' and 'foods'");
}

static void
test_syntax_error(void **state)
{
	(void)state;
	/* libyaml's own position and words. */
	check_errors(HEAD "  - id: gouda\n    name: [Gouda\n",
	    "t.yaml:5:1: invalid YAML: did not find expected ',' or ']' "
	    "(while parsing a flow sequence at line 4, column 11)");
	check_errors("version: 1\nfoods:\n  - gouda\n  - [\n",
	    "t.yaml:5:1: invalid YAML: did not find expected node content "
	    "(while parsing a flow node at line 5, column 1)");
	check_errors("version: 1\n  foods: []\n",
	    "t.yaml:2:8: invalid YAML: mapping values are not allowed in "
	    "this context");
}

static void
test_top_not_mapping(void **state)
{
	(void)state;
	check_errors("- version: 1\n- foods: []\n",
	    "t.yaml:1:1: expected a mapping with 'version' and 'foods' at the "
	    "top, found a list");
	check_errors("gouda\n",
	    "t.yaml:1:1: expected a mapping with 'version' and 'foods' at the "
	    "top, found text \"gouda\"");
}

static void
test_missing_version(void **state)
{
	(void)state;
	check_errors("foods:\n" GOUDA_TOP SLICE GOUDA_NUT,
	    "t.yaml:1:1: missing 'version': expected 'version: 1' at the top");
}

static void
test_unsupported_version(void **state)
{
	(void)state;
	check_errors("version: 2\nfoods: []\n",
	    "t.yaml:1:10: unsupported version 2: this k2diary reads version 1");
	check_errors("version: 1.5\nfoods: []\n",
	    "t.yaml:1:10: unsupported version 1.5: this k2diary reads "
	    "version 1");
	check_errors("version: \"1\"\nfoods: []\n",
	    "t.yaml:1:10: expected a number from 1 to 1000000000 for "
	    "'version', found text \"1\"");
}

static void
test_missing_foods(void **state)
{
	(void)state;
	check_errors("version: 1\n",
	    "t.yaml:1:1: missing 'foods': expected a list of foods");
	check_errors("version: 1\nfoods:\n",
	    "t.yaml:2:7: expected a list of foods for 'foods', found nothing");
}

static void
test_second_document(void **state)
{
	(void)state;
	check_errors("version: 1\nfoods: []\n---\nversion: 1\nfoods: []\n",
	    "t.yaml:3:1: a second YAML document: expected one document");
}

static void
test_deep_nesting(void **state)
{
	(void)state;
	/* The 32nd bracket opens the 33rd container (the top is one). */
	check_file_error(BAD "deep-nesting.yaml", BAD "deep-nesting.yaml:2:39: "
	    "nested more than 32 levels deep");
}

/* ------------------------------------------------------------------ */
/* Unknown keys.                                                       */

static void
test_unknown_key(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE GOUDA_NUT "    colour: yellow\n",
	    "t.yaml:9:5: unknown key 'colour' in a food (a mapping with id, "
	    "name, group, servings and per_100g): expected one of id, name, "
	    "group, aliases, servings, per_100g, per_serving, k2_confidence, "
	    "source, note, usda, ingredients, yields");
}

static void
test_unknown_key_did_you_mean(void **state)
{
	(void)state;
	/* The typo is reported, and so is the key it hides. */
	check_errors(HEAD
	    "  - id: gouda\n"
	    "    nmae: Gouda\n"
	    "    group: cheese\n"
	    "    servings:\n"
	    SLICE GOUDA_NUT,
	    "t.yaml:4:5: unknown key 'nmae' in a food (a mapping with id, "
	    "name, group, servings and per_100g): did you mean 'name'?",
	    "t.yaml:3:5: missing 'name' in food 'gouda'");
}

static void
test_unknown_key_top(void **state)
{
	(void)state;
	check_errors("versoin: 1\nfoods: []\n",
	    "t.yaml:1:1: unknown key 'versoin' in a mapping with 'version' "
	    "and 'foods' at the top: did you mean 'version'?",
	    "t.yaml:1:1: missing 'version': expected 'version: 1' at the top");
}

static void
test_unknown_key_in_per_100g(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g:\n"
	    "      mk_other_ug: 47\n"
	    "      sat_fat: 17.6\n"
	    "      salt_mg: 2000\n",
	    "t.yaml:10:7: unknown key 'sat_fat' in a mapping of nutrients for "
	    "'per_100g': did you mean 'sat_fat_g'?",
	    "t.yaml:11:7: unknown key 'salt_mg' in a mapping of nutrients for "
	    "'per_100g': expected one of mk4_ug, mk7_ug, mk_other_ug, k2_ug, "
	    "k1_ug, sat_fat_g, sodium_mg, kcal");
}

static void
test_unknown_key_in_serving(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP
	    "      - {label: slice, grams: 28, weight: 30}\n" GOUDA_NUT,
	    "t.yaml:7:35: unknown key 'weight' in a serving ({label, grams}): "
	    "expected one of label, grams");
	/* A typo of 'grams' also leaves the serving without grams. */
	check_errors(HEAD GOUDA_TOP
	    "      - {label: slice, gram: 28}\n" GOUDA_NUT,
	    "t.yaml:7:24: unknown key 'gram' in a serving ({label, grams}): "
	    "did you mean 'grams'?",
	    "t.yaml:7:9: missing 'grams' in a serving (only per_serving "
	    "foods may leave it out)");
}

static void
test_duplicate_key(void **state)
{
	(void)state;
	check_file_error(BAD "duplicate-key.yaml", BAD "duplicate-key.yaml:"
	    "5:5: duplicate key 'name' (first at line 4)");
}

/* ------------------------------------------------------------------ */
/* Types and numbers.                                                  */

static void
test_wrong_type_text_for_number(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: lots}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found text \"lots\"");
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: some, sat_fat_g: 17.6}\n",
	    "t.yaml:8:29: " NUT_EXPECT("mk_other_ug") ", found text \"some\"");
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: true}\n",
	    "t.yaml:8:29: " NUT_EXPECT("mk_other_ug") ", found true");
}

static void
test_wrong_type_list_for_mapping(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE "    per_100g: [47, 17.6, 819]\n",
	    "t.yaml:8:15: expected a mapping of nutrients for 'per_100g', "
	    "found a list");
	check_errors(HEAD GOUDA_TOP "      - [slice, 28]\n" GOUDA_NUT,
	    "t.yaml:7:9: expected a serving ({label, grams}), found a list");
	check_errors(HEAD "  - [gouda]\n",
	    "t.yaml:3:5: expected a food (a mapping with id, name, group, "
	    "servings and per_100g), found a list");
	/* And the other way round. */
	check_errors("version: 1\nfoods: {gouda: 1}\n",
	    "t.yaml:2:8: expected a list of foods for 'foods', found a "
	    "mapping");
	check_errors(HEAD
	    "  - id: gouda\n"
	    "    name: Gouda\n"
	    "    group: cheese\n"
	    "    servings: {label: slice, grams: 28}\n"
	    GOUDA_NUT,
	    "t.yaml:6:15: expected a list of servings for 'servings' ({label, "
	    "grams}), found a mapping");
	check_errors(HEAD
	    "  - id: gouda\n"
	    "    name: [Gouda]\n"
	    "    group: cheese\n"
	    "    aliases: dutch\n"
	    "    servings:\n"
	    SLICE GOUDA_NUT,
	    "t.yaml:4:11: expected text for 'name', found a list",
	    "t.yaml:6:14: expected a list of words for 'aliases', found text "
	    "\"dutch\"");
}

static void
test_quoted_number(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: \"12\"}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found text \"12\"");
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: '12'}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found text \"12\"");
}

static void
test_hex_number(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: 0x10}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found text \"0x10\"");
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: 1_000}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found text \"1_000\"");
}

static void
test_negative_number(void **state)
{
	(void)state;
	check_file_error(BAD "negative-number.yaml", BAD "negative-number.yaml"
	    ":8:44: " NUT_EXPECT("sat_fat_g") ", found -1");
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: -28}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found -28");
}

static void
test_nan(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: .nan, sat_fat_g: 17.6}\n",
	    "t.yaml:8:29: " NUT_EXPECT("mk_other_ug") ", found .nan (not a "
	    "number)");
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: .NaN}\n",
	    "t.yaml:8:29: " NUT_EXPECT("mk_other_ug") ", found .NaN (not a "
	    "number)");
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: nan}\n",
	    "t.yaml:8:29: " NUT_EXPECT("mk_other_ug") ", found text \"nan\"");
}

static void
test_infinity(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: 47, sat_fat_g: 17.6, "
	    "sodium_mg: .inf}\n",
	    "t.yaml:8:61: " NUT_EXPECT("sodium_mg") ", found .inf (infinity)");
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: -.inf}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found -.inf (infinity)");
}

static void
test_overflow(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: 1e999, sat_fat_g: 17.6}\n",
	    "t.yaml:8:29: " NUT_EXPECT("mk_other_ug") ", found 1e999, which "
	    "is too large to be a number");
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: -1e999}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found -1e999, which is too large to be a number");
	/* Too small to hold is zero, which grams may not be. */
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: 1e-999}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found 1e-999");
}

/*
 * "from 0 to inf" shows a C artefact to the user: with no upper bound the
 * message should say so in words (e.g. "a number of at least 0").
 */
static void
test_number_message_names_no_infinity(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load(&c, HEAD GOUDA_TOP SLICE
	    "    per_100g: {sat_fat_g: -1}\n"), -1);
	assert_int_equal(dl.n, 1);
	if (strstr(msg(0), "inf") != NULL)
		fail_msg("the message names infinity: %s", msg(0));
	catalogue_release(&c);
}

/* ------------------------------------------------------------------ */
/* Ids, names, groups.                                                 */

static void
test_duplicate_id(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load_path(&c, BAD "duplicate-id.yaml"), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), BAD "duplicate-id.yaml:9:5: duplicate id "
	    "'gouda' (first defined at line 3)");
	/* The first one is kept. */
	assert_int_equal(c.n, 1);
	assert_string_equal(c.foods[0].name, "Gouda");
	catalogue_release(&c);
}

/* A duplicate id is an error even when the first food has another one. */
static void
test_duplicate_id_after_bad_food(void **state)
{
	struct catalogue c;
	size_t i;

	(void)state;
	assert_int_equal(load_path(&c, BAD "duplicate-id-after-bad-food.yaml"),
	    -1);
	for (i = 0; i < dl.n; i++)
		print_message("  %s\n", msg(i));
	assert_int_equal(dl.n, 2);
	assert_string_equal(msg(0), BAD "duplicate-id-after-bad-food.yaml:"
	    "8:44: " NUT_EXPECT("sat_fat_g") ", found -1");
	assert_string_equal(msg(1), BAD "duplicate-id-after-bad-food.yaml:"
	    "9:5: duplicate id 'gouda' (first defined at line 3)");
	catalogue_release(&c);
}

static void
test_id_characters(void **state)
{
	(void)state;
	check_errors(HEAD "  - id: Gouda-Cheese\n    name: Gouda\n"
	    "    group: cheese\n    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:3:9: invalid id 'Gouda-Cheese': use only a-z, 0-9 and _");
	check_errors(HEAD "  - id: cr\xc3\xa8me\n    name: Cr\xc3\xa8me\n"
	    "    group: dairy\n    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:3:9: invalid id 'cr\xc3\xa8me': use only a-z, 0-9 and _");
	check_errors(HEAD "  - id: \"\"\n    name: Gouda\n"
	    "    group: cheese\n    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:3:9: 'id' is empty: expected text");
}

static void
test_id_too_long(void **state)
{
	struct catalogue c;

	(void)state;
	/* 41 characters. */
	check_errors(HEAD "  - id: a234567890b234567890c234567890d2345678901\n"
	    "    name: Gouda\n    group: cheese\n    servings:\n" SLICE
	    GOUDA_NUT,
	    "t.yaml:3:9: id 'a234567890b234567890c234567890d2345678901' is 41 "
	    "characters long: at most 40");
	/* 40 is allowed. */
	load_ok(&c, HEAD "  - id: a234567890b234567890c234567890d234567890\n"
	    "    name: Gouda\n    group: cheese\n    servings:\n" SLICE
	    GOUDA_NUT);
	assert_non_null(catalogue_find(&c,
	    "a234567890b234567890c234567890d234567890"));
	catalogue_release(&c);
}

static void
test_empty_name(void **state)
{
	(void)state;
	check_errors(HEAD "  - id: gouda\n    name: \"\"\n    group: cheese\n"
	    "    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:4:11: 'name' is empty: expected text");
	check_errors(HEAD "  - id: gouda\n    name:\n    group: cheese\n"
	    "    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:4:10: 'name' is empty: expected text");
}

static void
test_control_characters_in_name(void **state)
{
	(void)state;
	/* Escapes in a quoted scalar reach the loader... */
	check_errors(HEAD "  - id: gouda\n    name: \"Gouda\\e[31m\"\n"
	    "    group: cheese\n    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:4:11: 'name' contains a control character (0x1b)");
	check_errors(HEAD "  - id: gouda\n    name: \"Gou\\tda\"\n"
	    "    group: cheese\n    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:4:11: 'name' contains a control character (0x09)");
	check_errors(HEAD "  - id: gouda\n    name: \"Gou\\x85da\"\n"
	    "    group: cheese\n    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:4:11: 'name' contains a control character (U+0085)");
	/* ... raw ones are refused by libyaml's reader, at the byte. */
	check_file_error(BAD "raw-control-character.yaml",
	    BAD "raw-control-character.yaml:4:14: invalid text: control "
	    "characters are not allowed");
}

static void
test_missing_keys(void **state)
{
	(void)state;
	check_errors(HEAD "  - source: nowhere\n",
	    "t.yaml:3:5: missing 'id' in a food",
	    "t.yaml:3:5: missing 'name' in food '?'",
	    "t.yaml:3:5: missing 'group' in food '?': expected one of "
	    "fermented_plant, cheese, dairy, egg, meat, poultry, organ_meat, "
	    "fish, fat, supplement, leafy_green, vegetable, fruit, legume, "
	    "nut_seed, grain, baked, cereal, beverage, sweet, snack, "
	    "soup_sauce, spice, baby, prepared, other",
	    "t.yaml:3:5: missing 'servings' in food '?'",
	    "t.yaml:3:5: missing 'per_100g' or 'per_serving' in food '?'");
}

static void
test_unknown_group(void **state)
{
	(void)state;
	check_errors(HEAD "  - id: gouda\n    name: Gouda\n    group: cheeses\n"
	    "    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:5:12: unknown group 'cheeses': expected one of "
	    "fermented_plant, cheese, dairy, egg, meat, poultry, organ_meat, "
	    "fish, fat, supplement, leafy_green, vegetable, fruit, legume, "
	    "nut_seed, grain, baked, cereal, beverage, sweet, snack, "
	    "soup_sauce, spice, baby, prepared, other");
	check_errors(HEAD "  - id: gouda\n    name: Gouda\n    group: Cheese\n"
	    "    servings:\n" SLICE GOUDA_NUT,
	    "t.yaml:5:12: unknown group 'Cheese': expected one of "
	    "fermented_plant, cheese, dairy, egg, meat, poultry, organ_meat, "
	    "fish, fat, supplement, leafy_green, vegetable, fruit, legume, "
	    "nut_seed, grain, baked, cereal, beverage, sweet, snack, "
	    "soup_sauce, spice, baby, prepared, other");
}

static void
test_unknown_confidence(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE GOUDA_NUT
	    "    k2_confidence: certain\n",
	    "t.yaml:9:20: unknown k2_confidence 'certain': expected one of "
	    "high, medium, low, derived, none, label, trial_dose");
	/* "unrated" is what a food without the key gets, not a value. */
	check_errors(HEAD GOUDA_TOP SLICE GOUDA_NUT
	    "    k2_confidence: unrated\n",
	    "t.yaml:9:20: unknown k2_confidence 'unrated': expected one of "
	    "high, medium, low, derived, none, label, trial_dose");
}

/* ------------------------------------------------------------------ */
/* Servings.                                                           */

static void
test_empty_servings(void **state)
{
	(void)state;
	check_errors(HEAD "  - id: gouda\n    name: Gouda\n    group: cheese\n"
	    "    servings: []\n" GOUDA_NUT,
	    "t.yaml:6:15: 'servings' is empty: expected at least one {label, "
	    "grams}");
}

static void
test_grams_out_of_range(void **state)
{
	struct catalogue c;

	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: 0}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found 0");
	check_errors(HEAD GOUDA_TOP "      - {label: wheel, grams: 5000.5}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: expected a number above 0 and at most 5000 for "
	    "'grams', found 5000.5");
	/* The bounds: just above 0, and 5000 itself. */
	load_ok(&c, HEAD GOUDA_TOP "      - {label: wheel, grams: 5000}\n"
	    "      - {label: crumb, grams: 0.001}\n" GOUDA_NUT);
	assert_true(c.foods[0].servings[0].grams == 5000);
	assert_true(c.foods[0].servings[1].grams == 0.001);
	catalogue_release(&c);
}

static void
test_label_with_digit(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice2, grams: 28}\n"
	    GOUDA_NUT,
	    "t.yaml:7:17: invalid label 'slice2': use a word of letters and "
	    "'-' (like slice or half-cup)");
	check_errors(HEAD GOUDA_TOP "      - {label: large slice, grams: 28}\n"
	    GOUDA_NUT,
	    "t.yaml:7:17: invalid label 'large slice': use a word of letters "
	    "and '-' (like slice or half-cup)");
}

static void
test_label_reserved(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: g, grams: 1}\n" GOUDA_NUT,
	    "t.yaml:7:17: label 'g' is a unit of every food (g, kg, oz = "
	    "28.35 g, lb = 453.6 g): leave it out");
	check_errors(HEAD GOUDA_TOP "      - {label: grams, grams: 1}\n"
	    GOUDA_NUT,
	    "t.yaml:7:17: label 'grams' is a unit of every food (g, kg, oz = "
	    "28.35 g, lb = 453.6 g): leave it out");
	check_errors(HEAD GOUDA_TOP "      - {label: oz, grams: 28}\n"
	    GOUDA_NUT,
	    "t.yaml:7:17: label 'oz' is a unit of every food (g, kg, oz = "
	    "28.35 g, lb = 453.6 g): leave it out");
	check_errors(HEAD GOUDA_TOP "      - {label: lb, grams: 453}\n"
	    GOUDA_NUT,
	    "t.yaml:7:17: label 'lb' is a unit of every food (g, kg, oz = "
	    "28.35 g, lb = 453.6 g): leave it out");
}

/*
 * Amounts match labels and gram units without regard to case, and know
 * "kg": a label 'G' or 'KG' would hide the unit, so it is reserved too.
 */
static void
test_label_reserved_any_case(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: G, grams: 1}\n" GOUDA_NUT,
	    "t.yaml:7:17: label 'G' is a unit of every food (g, kg, oz = "
	    "28.35 g, lb = 453.6 g): leave it out");
	check_file_error(BAD "label-reserved-uppercase.yaml",
	    BAD "label-reserved-uppercase.yaml:8:17: label 'KG' is a unit of "
	    "every food (g, kg, oz = 28.35 g, lb = 453.6 g): leave it out");
}

static void
test_duplicate_label(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE "      - {label: Slice, grams: 20}\n"
	    GOUDA_NUT,
	    "t.yaml:8:17: duplicate serving label 'Slice'");
}

static void
test_missing_grams(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice}\n" GOUDA_NUT,
	    "t.yaml:7:9: missing 'grams' in a serving (only per_serving foods "
	    "may leave it out)");
	check_errors(HEAD GOUDA_TOP "      - {grams: 28}\n" GOUDA_NUT,
	    "t.yaml:7:9: missing 'label' in a serving");
}

static void
test_per_serving_without_grams(void **state)
{
	struct catalogue c;
	const struct food *f;
	double v;

	(void)state;
	assert_int_equal(load_path(&c, GOOD "per-serving-no-grams.yaml"), 0);
	assert_int_equal(dl.n, 0);
	f = catalogue_find(&c, "k2_mk7_100");
	assert_non_null(f);
	assert_true(f->per_serving);
	assert_int_equal(f->n_servings, 1);
	assert_string_equal(f->servings[0].label, "capsule");
	assert_true(f->servings[0].grams == 0);
	assert_true(food_per_serving(f, NUT_K2, &v));
	assert_true(v == 100);
	assert_false(food_per_100g(f, NUT_K2, &v));
	assert_int_equal(f->confidence, CONF_LABEL);
	catalogue_release(&c);
}

/* ------------------------------------------------------------------ */
/* Nutrients.                                                          */

static void
test_sat_fat_over_100g(void **state)
{
	struct catalogue c;

	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: 47, sat_fat_g: 100.5, "
	    "sodium_mg: 819}\n",
	    "t.yaml:8:44: 'sat_fat_g' is 100.5, more than 100 g can hold (at "
	    "most 100)");
	load_ok(&c, HEAD GOUDA_TOP SLICE "    per_100g: {sat_fat_g: 100}\n");
	catalogue_release(&c);
}

static void
test_sodium_over_100g(void **state)
{
	struct catalogue c;

	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: 47, sat_fat_g: 17.6, "
	    "sodium_mg: 40001}\n",
	    "t.yaml:8:61: 'sodium_mg' is 40001, more than 100 g can hold (at "
	    "most 40000)");
	load_ok(&c, HEAD GOUDA_TOP SLICE "    per_100g: {sodium_mg: 40000}\n");
	catalogue_release(&c);
}

static void
test_k2_over_100g(void **state)
{
	struct catalogue c;

	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE "    per_100g: {k2_ug: 100001}\n",
	    "t.yaml:8:23: 'k2_ug' is 100001, more than 100 g can hold (at "
	    "most 100000)");
	check_errors(HEAD GOUDA_TOP SLICE "    per_100g: {mk7_ug: 100000.5}\n",
	    "t.yaml:8:24: 'mk7_ug' is 100000.5, more than 100 g can hold (at "
	    "most 100000)");
	load_ok(&c, HEAD GOUDA_TOP SLICE "    per_100g: {k2_ug: 100000}\n");
	catalogue_release(&c);
}

/*
 * K2 given as its chains is bounded too: 60,000 + 60,000 µg of MK-4 and
 * MK-7 make 120,000 µg of K2 in 100 g.
 */
static void
test_k2_chains_over_100g(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load_path(&c, BAD "k2-chains-over-100g.yaml"), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), BAD "k2-chains-over-100g.yaml:8:15: the K2 "
	    "chains add up to 120000, more than 100 g can hold (at most "
	    "100000)");
	catalogue_release(&c);
}

static void
test_per_serving_over_its_weight(void **state)
{
	(void)state;
	/* 0.6 g of fat cannot be in a capsule of 0.5 g. */
	check_errors(HEAD
	    "  - id: k2\n"
	    "    name: K2\n"
	    "    group: supplement\n"
	    "    servings:\n"
	    "      - {label: capsule, grams: 0.5}\n"
	    "    per_serving: {sat_fat_g: 0.6, mk7_ug: 100}\n",
	    "t.yaml:8:30: 'sat_fat_g' is 0.6, more than one serving of its "
	    "weight can hold (at most 0.5)");
}

static void
test_k2_less_than_chains(void **state)
{
	struct catalogue c;
	const struct food *f;

	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {k2_ug: 40, mk4_ug: 5, mk_other_ug: 47}\n",
	    "t.yaml:8:15: the K2 chains add up to 52, more than k2_ug 40");
	/* Equal, or more K2 than the known chains, is fine. */
	load_ok(&c, HEAD GOUDA_TOP SLICE
	    "    per_100g: {k2_ug: 52, mk4_ug: 5, mk_other_ug: 47}\n");
	f = catalogue_find(&c, "gouda");
	assert_non_null(f);
	assert_true(f->nut.v[NUT_K2] == 52);
	catalogue_release(&c);
}

static void
test_both_per_100g_and_per_serving(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {mk_other_ug: 47}\n"
	    "    per_serving: {mk_other_ug: 13}\n",
	    "t.yaml:9:18: both 'per_100g' and 'per_serving' given: use one");
}

static void
test_neither_per_100g_nor_per_serving(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE,
	    "t.yaml:3:5: missing 'per_100g' or 'per_serving' in food 'gouda'");
}

/* ------------------------------------------------------------------ */
/* Text and YAML features.                                             */

static void
test_invalid_utf8(void **state)
{
	(void)state;
	check_file_error(BAD "invalid-utf8.yaml", BAD "invalid-utf8.yaml:4:13: "
	    "invalid UTF-8 (byte 0xe8): save the file as UTF-8");
	/* The column counts characters: "é" before the bad byte is one. */
	check_errors(HEAD "  - id: gouda\n    name: \xc3\xa9\xc3\xa9\xff\n",
	    "t.yaml:4:13: invalid UTF-8 (byte 0xff): save the file as UTF-8");
	check_errors(HEAD "  - id: gouda\n    name: \xed\xa0\x80\n",
	    "t.yaml:4:11: invalid UTF-8 (byte 0xed): save the file as UTF-8");
}

static void
test_nul_byte(void **state)
{
	static const char text[] = HEAD "  - id: gouda\n    name: Gou\0da\n";
	struct catalogue c;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_buffer(&c, "t.yaml", text,
	    sizeof text - 1, &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), "t.yaml:4:14: a NUL byte: this is not a "
	    "text file");
	catalogue_release(&c);
	check_file_error(BAD "nul-byte.yaml", BAD "nul-byte.yaml:4:14: a NUL "
	    "byte: this is not a text file");
}

static void
test_tag(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP "      - {label: slice, grams: !!str 28}\n"
	    GOUDA_NUT,
	    "t.yaml:7:31: tag 'tag:yaml.org,2002:str' is not supported: "
	    "remove it");
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: !!map {mk_other_ug: 47}\n",
	    "t.yaml:8:15: tag 'tag:yaml.org,2002:map' is not supported: "
	    "remove it");
}

static void
test_anchor_and_alias(void **state)
{
	(void)state;
	/* Both the anchor and the alias are named. */
	check_file_first(BAD "anchor.yaml", BAD "anchor.yaml:6:15: YAML anchor "
	    "'&std' is not supported: write the value out in full");
	assert_int_equal(dl.n, 2);
	assert_string_equal(msg(1), BAD "anchor.yaml:12:15: YAML alias '*std' "
	    "is not supported: write the value out in full");
	check_errors(HEAD GOUDA_TOP SLICE "    per_100g: *nut\n",
	    "t.yaml:8:15: YAML alias '*nut' is not supported: write the value "
	    "out in full");
}

/* A UTF-8 byte order mark (Windows editors write one) is not an error. */
static void
test_byte_order_mark(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load_path(&c, GOOD "bom.yaml"), 0);
	assert_int_equal(dl.n, 0);
	assert_non_null(catalogue_find(&c, "gouda"));
	catalogue_release(&c);
}

/* Windows line ends: the same file, the same positions. */
static void
test_crlf_line_ends(void **state)
{
	struct catalogue c;

	(void)state;
	load_ok(&c, "version: 1\r\nfoods:\r\n  - id: gouda\r\n"
	    "    name: Gouda\r\n    group: cheese\r\n    servings:\r\n"
	    "      - {label: slice, grams: 28}\r\n"
	    "    per_100g: {mk_other_ug: 47}\r\n");
	assert_string_equal(c.foods[0].name, "Gouda");
	catalogue_release(&c);
	check_errors("version: 1\r\nfoods:\r\n  - id: gouda\r\n"
	    "    name: Gouda\r\n    group: cheese\r\n    servings:\r\n"
	    "      - {label: slice, grams: 28}\r\n"
	    "    per_100g: {mk_other_ug: 47, sat_fat_g: -1}\r\n",
	    "t.yaml:8:44: " NUT_EXPECT("sat_fat_g") ", found -1");
}

/*
 * The classic nine-level "billion laughs": refused at the first anchor,
 * at once and without expanding anything.
 */
static void
test_billion_laughs(void **state)
{
	char text[2048];
	struct catalogue c;
	struct rusage before, after;
	struct timespec t0, t1;
	double secs;
	size_t len;
	int level, i;

	(void)state;
	len = (size_t)snprintf(text, sizeof text, "a: &a [\"lol\"");
	for (i = 1; i < 9; i++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		    ",\"lol\"");
	len += (size_t)snprintf(text + len, sizeof text - len, "]\n");
	for (level = 1; level < 9; level++) {
		len += (size_t)snprintf(text + len, sizeof text - len,
		    "%c: &%c [*%c", 'a' + level, 'a' + level, 'a' + level - 1);
		for (i = 1; i < 9; i++)
			len += (size_t)snprintf(text + len, sizeof text - len,
			    ",*%c", 'a' + level - 1);
		len += (size_t)snprintf(text + len, sizeof text - len, "]\n");
	}
	assert_true(len < sizeof text);

	assert_int_equal(getrusage(RUSAGE_SELF, &before), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_buffer(&c, "lol.yaml", text, len, &dl),
	    -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(getrusage(RUSAGE_SELF, &after), 0);

	assert_string_equal(msg(0), "lol.yaml:1:4: YAML anchor '&a' is not "
	    "supported: write the value out in full");
	assert_true(dl.n <= DIAG_MAX);
	assert_int_equal(c.n, 0);
	catalogue_release(&c);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (secs > 2.0)
		fail_msg("took %.2f s", secs);
	/* ru_maxrss is in KiB; this test runs first so the peak is fresh. */
	if (after.ru_maxrss - before.ru_maxrss >= 8 * 1024)
		fail_msg("peak memory grew by %ld KiB",
		    after.ru_maxrss - before.ru_maxrss);

	/* The fixture is the same file. */
	check_file_first(BAD "billion-laughs.yaml", BAD "billion-laughs.yaml:"
	    "1:4: YAML anchor '&a' is not supported: write the value out in "
	    "full");
}

/* ------------------------------------------------------------------ */
/* Every error, and the bound.                                         */

static void
test_three_bad_foods_in_order(void **state)
{
	struct catalogue c;

	(void)state;
	assert_int_equal(load_path(&c, BAD "three-bad-foods.yaml"), -1);
	assert_int_equal(dl.n, 3);
	assert_string_equal(msg(0), BAD "three-bad-foods.yaml:8:44: "
	    NUT_EXPECT("sat_fat_g") ", found -1");
	assert_string_equal(msg(1), BAD "three-bad-foods.yaml:9:9: invalid id "
	    "'Edam': use only a-z, 0-9 and _");
	assert_string_equal(msg(2), BAD "three-bad-foods.yaml:21:20: unknown "
	    "k2_confidence 'certain': expected one of high, medium, low, "
	    "derived, none, label, trial_dose");
	assert_int_equal(dl.dropped, 0);
	assert_int_equal(c.n, 0);
	catalogue_release(&c);
}

static void
test_sixty_errors(void **state)
{
	struct catalogue c;

	(void)state;
	/* 60 foods, each with sat_fat_g: -1 on line 8 + 6 * i, column 27. */
	assert_int_equal(load_path(&c, BAD "sixty-errors.yaml"), -1);
	assert_int_equal(dl.n, 50);
	assert_int_equal(dl.dropped, 10);
	assert_string_equal(msg(0), BAD "sixty-errors.yaml:8:27: "
	    NUT_EXPECT("sat_fat_g") ", found -1");
	assert_string_equal(msg(49), BAD "sixty-errors.yaml:302:27: "
	    NUT_EXPECT("sat_fat_g") ", found -1");
	catalogue_release(&c);
}

/* ------------------------------------------------------------------ */
/* The fixtures in tests/data.                                         */

static void
test_bad_fixtures(void **state)
{
	static const struct {
		const char *file;
		size_t n;		/* messages */
		const char *first;	/* after "FILE:" */
	} cases[] = {
		{ "syntax-error.yaml", 1,
		    "5:1: invalid YAML: did not find expected ',' or ']' "
		    "(while parsing a flow sequence at line 4, column 11)" },
		{ "top-not-mapping.yaml", 1,
		    "1:1: expected a mapping with 'version' and 'foods' at "
		    "the top, found a list" },
		{ "missing-version.yaml", 1,
		    "1:1: missing 'version': expected 'version: 1' at the "
		    "top" },
		{ "unsupported-version.yaml", 1,
		    "1:10: unsupported version 2: this k2diary reads version "
		    "1" },
		{ "unknown-key.yaml", 1,
		    "9:5: unknown key 'colour' in a food (a mapping with id, "
		    "name, group, servings and per_100g): expected one of id, "
		    "name, group, aliases, servings, per_100g, per_serving, "
		    "k2_confidence, source, note, usda, ingredients, yields" },
		{ "unknown-key-top.yaml", 2,
		    "1:1: unknown key 'versoin' in a mapping with 'version' "
		    "and 'foods' at the top: did you mean 'version'?" },
		{ "unknown-key-typo.yaml", 2,
		    "4:5: unknown key 'nmae' in a food (a mapping with id, "
		    "name, group, servings and per_100g): did you mean "
		    "'name'?" },
		{ "unknown-key-nutrient.yaml", 1,
		    "10:7: unknown key 'sat_fat' in a mapping of nutrients "
		    "for 'per_100g': did you mean 'sat_fat_g'?" },
		{ "unknown-key-serving.yaml", 1,
		    "7:35: unknown key 'weight' in a serving ({label, "
		    "grams}): expected one of label, grams" },
		{ "wrong-type-text-for-number.yaml", 1,
		    "7:31: expected a number above 0 and at most 5000 for "
		    "'grams', found text \"lots\"" },
		{ "wrong-type-list-for-mapping.yaml", 1,
		    "8:15: expected a mapping of nutrients for 'per_100g', "
		    "found a list" },
		{ "quoted-number.yaml", 1,
		    "7:31: expected a number above 0 and at most 5000 for "
		    "'grams', found text \"12\"" },
		{ "hex-number.yaml", 1,
		    "7:31: expected a number above 0 and at most 5000 for "
		    "'grams', found text \"0x10\"" },
		{ "negative-number.yaml", 1,
		    "8:44: " NUT_EXPECT("sat_fat_g") ", found -1" },
		{ "nan.yaml", 1,
		    "8:29: " NUT_EXPECT("mk_other_ug") ", found .nan (not a "
		    "number)" },
		{ "infinity.yaml", 1,
		    "8:61: " NUT_EXPECT("sodium_mg") ", found .inf "
		    "(infinity)" },
		{ "overflow.yaml", 1,
		    "8:29: " NUT_EXPECT("mk_other_ug") ", found 1e999, which "
		    "is too large to be a number" },
		{ "duplicate-id.yaml", 1,
		    "9:5: duplicate id 'gouda' (first defined at line 3)" },
		{ "id-characters.yaml", 1,
		    "3:9: invalid id 'Gouda-Cheese': use only a-z, 0-9 and _" },
		{ "id-too-long.yaml", 1,
		    "3:9: id 'gouda_aged_twelve_months_from_north_holland' is "
		    "43 characters long: at most 40" },
		{ "empty-name.yaml", 1,
		    "4:11: 'name' is empty: expected text" },
		{ "empty-servings.yaml", 1,
		    "6:15: 'servings' is empty: expected at least one {label, "
		    "grams}" },
		{ "grams-zero.yaml", 1,
		    "7:31: expected a number above 0 and at most 5000 for "
		    "'grams', found 0" },
		{ "grams-too-large.yaml", 1,
		    "7:31: expected a number above 0 and at most 5000 for "
		    "'grams', found 5000.5" },
		{ "sat-fat-over-100g.yaml", 1,
		    "8:44: 'sat_fat_g' is 100.5, more than 100 g can hold (at "
		    "most 100)" },
		{ "sodium-over-100g.yaml", 1,
		    "8:61: 'sodium_mg' is 40001, more than 100 g can hold (at "
		    "most 40000)" },
		{ "k2-over-100g.yaml", 1,
		    "8:23: 'k2_ug' is 100001, more than 100 g can hold (at "
		    "most 100000)" },
		{ "both-per-100g-and-per-serving.yaml", 1,
		    "9:18: both 'per_100g' and 'per_serving' given: use one" },
		{ "neither-per-100g-nor-per-serving.yaml", 1,
		    "3:5: missing 'per_100g' or 'per_serving' in food "
		    "'gouda'" },
		{ "unknown-group.yaml", 1,
		    "5:12: unknown group 'cheeses': expected one of "
		    "fermented_plant, cheese, dairy, egg, meat, poultry, organ_meat, "
		    "fish, fat, supplement, leafy_green, vegetable, fruit, legume, "
		    "nut_seed, grain, baked, cereal, beverage, sweet, snack, "
		    "soup_sauce, spice, baby, prepared, other" },
		{ "invalid-utf8.yaml", 1,
		    "4:13: invalid UTF-8 (byte 0xe8): save the file as UTF-8" },
		{ "label-digit.yaml", 1,
		    "7:17: invalid label 'slice2': use a word of letters and "
		    "'-' (like slice or half-cup)" },
		{ "label-reserved.yaml", 1,
		    "7:17: label 'g' is a unit of every food (g, kg, oz = "
		    "28.35 g, lb = 453.6 g): leave it out" },
		{ "duplicate-label.yaml", 1,
		    "8:17: duplicate serving label 'Slice'" },
		{ "missing-grams.yaml", 1,
		    "7:9: missing 'grams' in a serving (only per_serving "
		    "foods may leave it out)" },
		{ "k2-less-than-chains.yaml", 1,
		    "8:15: the K2 chains add up to 52, more than k2_ug 40" },
		{ "unknown-confidence.yaml", 1,
		    "9:20: unknown k2_confidence 'certain': expected one of "
		    "high, medium, low, derived, none, label, trial_dose" },
		{ "second-document.yaml", 1,
		    "3:1: a second YAML document: expected one document" },
		{ "tag.yaml", 1,
		    "7:31: tag 'tag:yaml.org,2002:str' is not supported: "
		    "remove it" },
		{ "control-character.yaml", 1,
		    "4:11: 'name' contains a control character (0x1b)" },
		{ "anchor.yaml", 2,
		    "6:15: YAML anchor '&std' is not supported: write the "
		    "value out in full" },
	};
	char path[512], want[1024];
	struct catalogue c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, "%s%s", BAD, cases[i].file);
		snprintf(want, sizeof want, "%s:%s", path, cases[i].first);
		if (load_path(&c, path) != -1)
			fail_msg("%s: accepted", path);
		if (dl.n != cases[i].n)
			fail_msg("%s: %zu messages, expected %zu (first: %s)",
			    path, dl.n, cases[i].n, msg(0));
		assert_string_equal(msg(0), want);
		catalogue_release(&c);
	}
}

/* Every file in tests/data/bad is refused with at least one message. */
static void
test_every_bad_fixture_refused(void **state)
{
	char path[512], accepted[2048] = "";
	struct catalogue c;
	struct dirent *de;
	DIR *d;
	size_t files = 0, len;

	(void)state;
	d = opendir(BAD);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		files++;
		snprintf(path, sizeof path, "%s%s", BAD, de->d_name);
		if (load_path(&c, path) != -1 || dl.n == 0) {
			strncat(accepted, " ", sizeof accepted -
			    strlen(accepted) - 1);
			strncat(accepted, de->d_name, sizeof accepted -
			    strlen(accepted) - 1);
		}
		catalogue_release(&c);
	}
	closedir(d);
	assert_true(files >= 40);
	if (accepted[0] != '\0')
		fail_msg("accepted:%s", accepted);
}

static void
test_good_fixtures(void **state)
{
	struct catalogue c;
	const struct food *f;
	double v;

	(void)state;
	assert_int_equal(load_path(&c, GOOD "minimal.yaml"), 0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.foods[0].file, GOOD "minimal.yaml");
	assert_int_equal(c.foods[0].line, 3);
	assert_int_equal(c.foods[0].col, 5);
	catalogue_release(&c);

	assert_int_equal(load_path(&c, GOOD "full.yaml"), 0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(c.n, 3);
	f = catalogue_find(&c, "gouda");
	assert_non_null(f);
	assert_string_equal(f->name, "Gouda");
	assert_int_equal(f->group, GROUP_CHEESE);
	assert_int_equal(f->n_aliases, 2);
	assert_string_equal(f->aliases[1], "gouda cheese");
	assert_int_equal(f->n_servings, 2);
	assert_string_equal(f->servings[1].label, "cube");
	assert_true(f->servings[1].grams == 10);
	assert_false(f->per_serving);
	assert_int_equal(f->confidence, CONF_MEDIUM);
	assert_string_equal(f->source, "MK-9: FrieslandCampina 2019; fat, "
	    "sodium: USDA SR28 NDB 01022");
	/* K2 = 0 + 0 + 47 from the chains. */
	assert_true(nutrients_has(&f->nut, NUT_K2));
	assert_true(f->nut.v[NUT_K2] == 47);
	assert_true(f->nut.v[NUT_KCAL] == 356);
	f = catalogue_find(&c, "creme_fraiche");
	assert_non_null(f);
	assert_string_equal(f->name, "Cr\xc3\xa8me fra\xc3\xae" "che");
	assert_false(nutrients_has(&f->nut, NUT_MK4));
	assert_false(nutrients_has(&f->nut, NUT_SODIUM));
	assert_true(food_per_100g(f, NUT_K2, &v));
	assert_true(v == 20);
	assert_int_equal(f->confidence, CONF_LOW);
	f = catalogue_find(&c, "k2_mk7_100");
	assert_non_null(f);
	assert_true(f->per_serving);
	catalogue_release(&c);
}

/* ------------------------------------------------------------------ */
/* The built-in catalogue, merging, lookup.                            */

static void
test_builtin_loads(void **state)
{
	struct catalogue c;
	size_t i;

	(void)state;
	catalogue_load_builtin(&c);
	assert_true(c.n >= 1);
	for (i = 0; i < c.n; i++) {
		assert_ptr_equal(catalogue_find(&c, c.foods[i].id),
		    &c.foods[i]);
		assert_true(c.foods[i].n_servings >= 1);
		assert_string_equal(c.foods[i].file, CATALOGUE_BUILTIN_NAME);
	}
	catalogue_release(&c);
}

static const char base_yaml[] =
    HEAD
    "  - id: gouda\n    name: Gouda\n    group: cheese\n    servings:\n"
    "      - {label: slice, grams: 28}\n    per_100g: {mk_other_ug: 47}\n"
    "  - id: edam\n    name: Edam\n    group: cheese\n    servings:\n"
    "      - {label: slice, grams: 28}\n    per_100g: {mk_other_ug: 49}\n"
    "  - id: natto\n    name: Natto\n    group: fermented_plant\n"
    "    servings:\n      - {label: serving, grams: 85}\n"
    "    per_100g: {mk7_ug: 1000}\n";

static const char user_yaml[] =
    HEAD
    "  - id: kefir\n    name: Kefir\n    group: dairy\n    servings:\n"
    "      - {label: glass, grams: 240}\n    per_100g: {k2_ug: 1}\n"
    "  - id: edam\n    name: Edam (mine)\n    group: cheese\n    servings:\n"
    "      - {label: wedge, grams: 40}\n    per_100g: {mk_other_ug: 60}\n";

static void
test_merge(void **state)
{
	struct catalogue c, over;
	const struct food *f;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_buffer(&c, "base.yaml", base_yaml,
	    sizeof base_yaml - 1, &dl), 0);
	assert_int_equal(catalogue_load_buffer(&over, "user.yaml", user_yaml,
	    sizeof user_yaml - 1, &dl), 0);
	assert_int_equal(dl.n, 0);
	catalogue_merge(&c, &over);

	assert_int_equal(over.n, 0);
	assert_int_equal(c.n, 4);
	/* Edam replaced in place; the others kept; Kefir added at the end. */
	assert_string_equal(c.foods[0].id, "gouda");
	assert_string_equal(c.foods[1].id, "edam");
	assert_string_equal(c.foods[1].name, "Edam (mine)");
	assert_string_equal(c.foods[2].id, "natto");
	assert_string_equal(c.foods[3].id, "kefir");

	f = catalogue_find(&c, "edam");
	assert_ptr_equal(f, &c.foods[1]);
	assert_string_equal(f->servings[0].label, "wedge");
	assert_true(f->nut.v[NUT_MK_OTHER] == 60);
	assert_string_equal(f->file, "user.yaml");
	assert_int_equal(f->line, 9);
	f = catalogue_find(&c, "gouda");
	assert_ptr_equal(f, &c.foods[0]);
	assert_string_equal(f->file, "base.yaml");
	assert_ptr_equal(catalogue_find(&c, "natto"), &c.foods[2]);
	f = catalogue_find(&c, "kefir");
	assert_ptr_equal(f, &c.foods[3]);
	assert_string_equal(f->file, "user.yaml");
	assert_null(catalogue_find(&c, "brie"));
	catalogue_release(&c);
	catalogue_release(&over);
}

static void
test_merge_into_builtin_and_empty(void **state)
{
	struct catalogue c, over;
	size_t n;

	(void)state;
	/* Into an empty catalogue: everything is added. */
	catalogue_init(&c);
	diag_list_init(&dl);
	assert_int_equal(catalogue_load_buffer(&over, "user.yaml", user_yaml,
	    sizeof user_yaml - 1, &dl), 0);
	catalogue_merge(&c, &over);
	assert_int_equal(c.n, 2);
	assert_non_null(catalogue_find(&c, "kefir"));
	assert_non_null(catalogue_find(&c, "edam"));
	catalogue_release(&c);

	/* Over the built-in catalogue: natto replaced, the count kept. */
	catalogue_load_builtin(&c);
	assert_non_null(catalogue_find(&c, "natto"));
	n = c.n;
	assert_int_equal(catalogue_load_buffer(&over, "user.yaml", base_yaml,
	    sizeof base_yaml - 1, &dl), 0);
	catalogue_merge(&c, &over);
	assert_string_equal(catalogue_find(&c, "natto")->file, "user.yaml");
	assert_true(catalogue_find(&c, "natto")->nut.v[NUT_K2] == 1000);
	assert_true(c.n >= n);
	assert_true(c.n <= n + 2);
	catalogue_release(&c);
}

static void
test_find_empty(void **state)
{
	struct catalogue c;

	(void)state;
	catalogue_init(&c);
	assert_null(catalogue_find(&c, "gouda"));
	catalogue_release(&c);
	catalogue_release(&c);	/* twice is harmless */
}

/* ------------------------------------------------------------------ */
/* Search.                                                             */

/* File order is the reverse of the expected ranking for "cream". */
static const char search_yaml[] =
    HEAD
    "  - id: scream\n    name: Screamers\n    group: other\n"
    "    servings:\n      - {label: bag, grams: 30}\n"
    "    per_100g: {kcal: 500}\n"
    "  - id: ice_cream\n    name: Ice cream\n    group: dairy\n"
    "    servings:\n      - {label: scoop, grams: 66}\n"
    "    per_100g: {kcal: 207}\n"
    "  - id: cream_cheese\n    name: Cream cheese\n    group: dairy\n"
    "    servings:\n      - {label: tbsp, grams: 14}\n"
    "    per_100g: {kcal: 350}\n"
    "  - id: cream\n    name: Cream\n    group: dairy\n"
    "    servings:\n      - {label: tbsp, grams: 15}\n"
    "    per_100g: {kcal: 340}\n"
    "  - id: creme_fraiche\n    name: Cr\xc3\xa8me fra\xc3\xae" "che\n"
    "    group: dairy\n"
    "    servings:\n      - {label: tbsp, grams: 15}\n"
    "    per_100g: {kcal: 290}\n"
    "  - id: gouda_smoked\n    name: Gouda smoked\n    group: cheese\n"
    "    servings:\n      - {label: slice, grams: 28}\n"
    "    per_100g: {kcal: 356}\n"
    "  - id: gouda\n    name: Gouda\n    group: cheese\n"
    "    aliases: [dutch cheese]\n"
    "    servings:\n      - {label: slice, grams: 28}\n"
    "    per_100g: {kcal: 356}\n"
    "  - id: natto\n    name: Natto (fermented soybeans)\n"
    "    group: fermented_plant\n"
    "    servings:\n      - {label: serving, grams: 85}\n"
    "    per_100g: {mk7_ug: 1000}\n";

/*
 * Search (search.c, the tiers of DESIGN §3c) and give the ids found,
 * space-separated, and the total.
 */
static size_t
search(const struct catalogue *c, const char *q, char *out, size_t len,
    size_t max)
{
	struct search_index ix;
	struct search_hit hits[16];
	size_t n, i;

	assert_true(max <= 16);
	search_index_init(&ix, c);
	n = search_run(&ix, q, hits, max, NULL);
	out[0] = '\0';
	for (i = 0; i < n && i < max; i++) {
		if (i > 0)
			strncat(out, " ", len - strlen(out) - 1);
		strncat(out, c->foods[hits[i].food].id, len - strlen(out) - 1);
	}
	search_index_release(&ix);
	return n;
}

static void
test_search_ranking(void **state)
{
	struct catalogue c;
	char ids[512];

	(void)state;
	load_ok(&c, search_yaml);
	/*
	 * The id; then word starts (Ice cream, then the longer name Cream
	 * cheese, whose id the query also starts); then inside a word.
	 */
	assert_int_equal(search(&c, "cream", ids, sizeof ids, 16), 4);
	assert_string_equal(ids, "cream ice_cream cream_cheese scream");
	assert_int_equal(search(&c, "gouda", ids, sizeof ids, 16), 2);
	assert_string_equal(ids, "gouda gouda_smoked");
	assert_int_equal(search(&c, "GOUDA", ids, sizeof ids, 16), 2);
	assert_string_equal(ids, "gouda gouda_smoked");
	/* An alias is searched too, and the words inside parentheses. */
	assert_int_equal(search(&c, "dutch", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "gouda");
	assert_int_equal(search(&c, "soy", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "natto");
	/* No b-r-i-e anywhere, not even scattered. */
	assert_int_equal(search(&c, "brie", ids, sizeof ids, 16), 0);
	/* max bounds what is filled, not the count. */
	assert_int_equal(search(&c, "cream", ids, sizeof ids, 2), 4);
	assert_string_equal(ids, "cream ice_cream");
	assert_int_equal(search(&c, "cream", ids, sizeof ids, 0), 4);
	/* A group is a food's word: "dairy" lists the four dairy foods. */
	assert_int_equal(search(&c, "dairy", ids, sizeof ids, 16), 4);
	assert_string_equal(ids, "cream ice_cream cream_cheese "
	    "creme_fraiche");
	catalogue_release(&c);
}

static void
test_search_multi_word(void **state)
{
	struct catalogue c;
	char ids[512];

	(void)state;
	load_ok(&c, search_yaml);
	/* Every word, in any order. */
	assert_int_equal(search(&c, "smoked gouda", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "gouda_smoked");
	assert_int_equal(search(&c, "cheese  cream", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "cream_cheese");
	assert_int_equal(search(&c, "fermented natto", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "natto");
	assert_int_equal(search(&c, "gouda brie", ids, sizeof ids, 16), 0);
	catalogue_release(&c);
}

static void
test_search_accents(void **state)
{
	struct catalogue c;
	char ids[512];

	(void)state;
	load_ok(&c, search_yaml);
	assert_int_equal(search(&c, "creme", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "creme_fraiche");
	assert_int_equal(search(&c, "fraiche", ids, sizeof ids, 16), 1);
	assert_string_equal(ids, "creme_fraiche");
	assert_int_equal(search(&c, "CR\xc3\x88ME FRA\xc3\x8e" "CHE", ids,
	    sizeof ids, 16), 1);
	assert_string_equal(ids, "creme_fraiche");
	assert_int_equal(search(&c, "cr\xc3\xa8me", ids, sizeof ids, 16), 1);
	catalogue_release(&c);
}

/* Blanks around the query (the picker's "gouda ") do not change the rank. */
static void
test_search_trims_query(void **state)
{
	struct catalogue c;
	char ids[512];

	(void)state;
	load_ok(&c, search_yaml);
	assert_int_equal(search(&c, " cream ", ids, sizeof ids, 16), 4);
	assert_string_equal(ids, "cream ice_cream cream_cheese scream");
	assert_int_equal(search(&c, "gouda ", ids, sizeof ids, 16), 2);
	assert_string_equal(ids, "gouda gouda_smoked");
	catalogue_release(&c);
}

/* ------------------------------------------------------------------ */
/* Derived values on hand-built foods (food.h).                        */

static char l_slice[] = "slice", l_capsule[] = "capsule";
static char l_portion[] = "portion";

/* A per-100 g food with one serving of grams and the given nutrients. */
static void
food_make(struct food *f, struct serving *s, char *label, double grams,
    bool per_serving)
{
	memset(f, 0, sizeof *f);
	s->label = label;
	s->grams = grams;
	f->servings = s;
	f->n_servings = 1;
	f->per_serving = per_serving;
	f->confidence = CONF_UNRATED;
}

static void
test_food_k2_per_serving(void **state)
{
	struct food f;
	struct serving s;
	struct nutrients n;
	double v = -1;

	(void)state;
	/* Gouda: MK-4 0, other MK 47 per 100 g; MK-7 unknown; slice 28 g. */
	food_make(&f, &s, l_slice, 28, false);
	nutrients_set(&f.nut, NUT_MK4, 0);
	nutrients_set(&f.nut, NUT_MK_OTHER, 47);
	nutrients_finish(&f.nut);
	assert_true(food_per_100g(&f, NUT_K2, &v));
	assert_true(v == 47);
	assert_true(food_per_serving(&f, NUT_K2, &v));
	assert_true(fabs(v - 13.16) < 1e-9);		/* 47 x 28 / 100 */
	/* Known zero is a value; unknown is not. */
	assert_true(food_per_serving(&f, NUT_MK4, &v));
	assert_true(v == 0);
	v = -1;
	assert_false(food_per_serving(&f, NUT_MK7, &v));
	assert_false(food_per_100g(&f, NUT_MK7, &v));
	assert_true(v == -1);
	/* Two slices: known values scaled, unknown ones stay unknown. */
	food_amount(&f, 2, &n);
	assert_true(fabs(n.v[NUT_K2] - 26.32) < 1e-9);
	assert_true(nutrients_has(&n, NUT_MK4));
	assert_false(nutrients_has(&n, NUT_MK7));
	assert_false(nutrients_has(&n, NUT_SAT_FAT));
}

static void
test_food_unknown_is_not_zero(void **state)
{
	struct food unknown, zero;
	struct serving s1, s2;
	double v;

	(void)state;
	/* No K2 figure at all: unknown, and never rich, even at 0 µg. */
	food_make(&unknown, &s1, l_portion, 100, false);
	nutrients_set(&unknown.nut, NUT_SAT_FAT, 1);
	nutrients_finish(&unknown.nut);
	assert_false(nutrients_has(&unknown.nut, NUT_K2));
	assert_false(food_per_serving(&unknown, NUT_K2, &v));
	assert_false(food_is_k2_rich(&unknown, 0));
	/* K2 measured as zero: known, 0 µg, rich only at a 0 µg threshold. */
	food_make(&zero, &s2, l_portion, 100, false);
	nutrients_set(&zero.nut, NUT_MK7, 0);
	nutrients_finish(&zero.nut);
	assert_true(food_per_serving(&zero, NUT_K2, &v));
	assert_true(v == 0);
	assert_true(food_is_k2_rich(&zero, 0));
	assert_false(food_is_k2_rich(&zero, 0.001));
	/* No sodium figure: never "high". */
	assert_false(food_high_sodium(&zero, 2300));
	assert_false(food_high_sat_fat(&zero, 20));
}

static void
test_food_per_serving_food(void **state)
{
	struct food f;
	struct serving s;
	double v;

	(void)state;
	/* 100 µg MK-7 in a capsule of unknown weight. */
	food_make(&f, &s, l_capsule, 0, true);
	nutrients_set(&f.nut, NUT_MK7, 100);
	nutrients_finish(&f.nut);
	assert_true(food_per_serving(&f, NUT_K2, &v));
	assert_true(v == 100);
	assert_false(food_per_100g(&f, NUT_K2, &v));
	assert_true(food_is_k2_rich(&f, 100));
	assert_false(food_is_k2_rich(&f, 100.5));
	/* Weighed at 0.5 g: 20,000 µg per 100 g. */
	s.grams = 0.5;
	assert_true(food_per_100g(&f, NUT_K2, &v));
	assert_true(v == 20000);
	assert_true(food_per_serving(&f, NUT_K2, &v));
	assert_true(v == 100);
}

static void
test_food_k2_rich_threshold(void **state)
{
	struct food f;
	struct serving s;

	(void)state;
	/* 48 µg per 100 g, 25 g a serving: exactly 12 µg. */
	food_make(&f, &s, l_portion, 25, false);
	nutrients_set(&f.nut, NUT_K2, 48);
	nutrients_finish(&f.nut);
	assert_true(food_is_k2_rich(&f, 12));
	assert_true(food_is_k2_rich(&f, 11.99));
	assert_false(food_is_k2_rich(&f, 12.01));
	/* 47.9 µg per 100 g: 11.975 µg, below. */
	f.nut.v[NUT_K2] = 47.9;
	assert_false(food_is_k2_rich(&f, 12));
}

static void
test_food_high_at_twenty_percent(void **state)
{
	struct food f;
	struct serving s;

	(void)state;
	/* 16 g sat fat and 1840 mg sodium per 100 g, 25 g: 4 g and 460 mg. */
	food_make(&f, &s, l_portion, 25, false);
	nutrients_set(&f.nut, NUT_SAT_FAT, 16);
	nutrients_set(&f.nut, NUT_SODIUM, 1840);
	assert_true(food_high_sat_fat(&f, 20));		/* exactly 20 % */
	assert_false(food_high_sat_fat(&f, 20.5));	/* 19.5 % */
	assert_true(food_high_sodium(&f, 2300));	/* exactly 20 % */
	assert_false(food_high_sodium(&f, 2301));
	f.nut.v[NUT_SAT_FAT] = 15.96;			/* 3.99 g */
	f.nut.v[NUT_SODIUM] = 1839.6;			/* 459.9 mg */
	assert_false(food_high_sat_fat(&f, 20));
	assert_false(food_high_sodium(&f, 2300));
}

/*
 * "At least 20 % of the limit" holds for any limit the config allows:
 * 4.6 g is exactly 20 % of 23 g, though 0.2 * 23 is 4.6000000000000005
 * in binary.
 */
static void
test_food_high_at_twenty_percent_of_any_limit(void **state)
{
	struct food f;
	struct serving s;

	(void)state;
	food_make(&f, &s, l_portion, 0, true);
	nutrients_set(&f.nut, NUT_SAT_FAT, 4.6);
	nutrients_set(&f.nut, NUT_SODIUM, 4.6);
	assert_true(food_high_sat_fat(&f, 23));
	assert_true(food_high_sodium(&f, 23));
}

/* Issue 9, item 22: a tab in the indentation says so, where it is. */
static void
test_tab_indent(void **state)
{
	(void)state;
	check_errors(HEAD "\t- id: gouda\n",
	    "t.yaml:3:1: tab characters cannot indent YAML; use spaces");
	check_errors(HEAD "  - id: gouda\n\tname: Gouda\n",
	    "t.yaml:4:1: tab characters cannot indent YAML; use spaces");
	check_errors(HEAD "  - id: gouda\n    name: Gouda\n  \t  group: "
	    "cheese\n",
	    "t.yaml:5:3: tab characters cannot indent YAML; use spaces");
}

/* Issue 9, item 1: a number is the whole scalar, '.' whatever the locale. */
static void
test_number_whole_scalar(void **state)
{
	(void)state;
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g: {sat_fat_g: 17.6x}\n",
	    "t.yaml:8:27: expected a number of at least 0 for 'sat_fat_g', "
	    "found text \"17.6x\"");
	check_errors(HEAD GOUDA_TOP SLICE
	    "    per_100g:\n      sat_fat_g: 17,6\n",
	    "t.yaml:9:18: expected a number of at least 0 for 'sat_fat_g', "
	    "found text \"17,6\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		/* First: its peak memory is measured from a fresh start. */
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_file_too_large),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_tab_indent),
		cmocka_unit_test(test_number_whole_scalar),
		cmocka_unit_test(test_top_not_mapping),
		cmocka_unit_test(test_missing_version),
		cmocka_unit_test(test_unsupported_version),
		cmocka_unit_test(test_missing_foods),
		cmocka_unit_test(test_second_document),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_unknown_key_did_you_mean),
		cmocka_unit_test(test_unknown_key_top),
		cmocka_unit_test(test_unknown_key_in_per_100g),
		cmocka_unit_test(test_unknown_key_in_serving),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_wrong_type_text_for_number),
		cmocka_unit_test(test_wrong_type_list_for_mapping),
		cmocka_unit_test(test_quoted_number),
		cmocka_unit_test(test_hex_number),
		cmocka_unit_test(test_negative_number),
		cmocka_unit_test(test_nan),
		cmocka_unit_test(test_infinity),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_number_message_names_no_infinity),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_duplicate_id_after_bad_food),
		cmocka_unit_test(test_id_characters),
		cmocka_unit_test(test_id_too_long),
		cmocka_unit_test(test_empty_name),
		cmocka_unit_test(test_control_characters_in_name),
		cmocka_unit_test(test_missing_keys),
		cmocka_unit_test(test_unknown_group),
		cmocka_unit_test(test_unknown_confidence),
		cmocka_unit_test(test_empty_servings),
		cmocka_unit_test(test_grams_out_of_range),
		cmocka_unit_test(test_label_with_digit),
		cmocka_unit_test(test_label_reserved),
		cmocka_unit_test(test_label_reserved_any_case),
		cmocka_unit_test(test_duplicate_label),
		cmocka_unit_test(test_missing_grams),
		cmocka_unit_test(test_per_serving_without_grams),
		cmocka_unit_test(test_sat_fat_over_100g),
		cmocka_unit_test(test_sodium_over_100g),
		cmocka_unit_test(test_k2_over_100g),
		cmocka_unit_test(test_k2_chains_over_100g),
		cmocka_unit_test(test_per_serving_over_its_weight),
		cmocka_unit_test(test_k2_less_than_chains),
		cmocka_unit_test(test_both_per_100g_and_per_serving),
		cmocka_unit_test(test_neither_per_100g_nor_per_serving),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_tag),
		cmocka_unit_test(test_anchor_and_alias),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_crlf_line_ends),
		cmocka_unit_test(test_three_bad_foods_in_order),
		cmocka_unit_test(test_sixty_errors),
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_every_bad_fixture_refused),
		cmocka_unit_test(test_good_fixtures),
		cmocka_unit_test(test_builtin_loads),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_merge_into_builtin_and_empty),
		cmocka_unit_test(test_find_empty),
		cmocka_unit_test(test_search_ranking),
		cmocka_unit_test(test_search_multi_word),
		cmocka_unit_test(test_search_accents),
		cmocka_unit_test(test_search_trims_query),
		cmocka_unit_test(test_food_k2_per_serving),
		cmocka_unit_test(test_food_unknown_is_not_zero),
		cmocka_unit_test(test_food_per_serving_food),
		cmocka_unit_test(test_food_k2_rich_threshold),
		cmocka_unit_test(test_food_high_at_twenty_percent),
		cmocka_unit_test(test_food_high_at_twenty_percent_of_any_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
