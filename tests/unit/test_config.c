/* SPDX-License-Identifier: ISC */
/* Unit tests for config.c: defaults, a full file, every key's exact errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"
#include "config_yaml.h"

#ifndef K2_SRCDIR
#define K2_SRCDIR "."
#endif
#define CONFIG_DATA K2_SRCDIR "/tests/data/config/"

/* Big: a diag_list holds 50 messages of 512 bytes. */
static struct diag_list dl;

/* A config with every field off its default, to see what a load changes. */
static void
config_marked(struct config *cf)
{
	cf->week_start = 3;
	cf->day_starts_min = 123;
	cf->rich_threshold_ug = 1.5;
	cf->rich_servings_goal = 2.5;
	cf->k2_goal_ug = 3.5;
	cf->sat_fat_limit_g = 4.5;
	cf->sodium_limit_mg = 5.5;
	cf->anticoagulant = true;
}

static void
assert_config_equal(const struct config *a, const struct config *b)
{
	assert_int_equal(a->week_start, b->week_start);
	assert_int_equal(a->day_starts_min, b->day_starts_min);
	assert_true(a->rich_threshold_ug == b->rich_threshold_ug);
	assert_true(a->rich_servings_goal == b->rich_servings_goal);
	assert_true(a->k2_goal_ug == b->k2_goal_ug);
	assert_true(a->sat_fat_limit_g == b->sat_fat_limit_g);
	assert_true(a->sodium_limit_mg == b->sodium_limit_mg);
	assert_int_equal(a->anticoagulant, b->anticoagulant);
}

/* The i-th message of dl, formatted. */
static const char *
msg(size_t i)
{
	static char buf[1024];

	assert_true(i < dl.n);
	diag_format(&dl.d[i], buf, sizeof buf);
	return buf;
}

/*
 * Load text (named c.yaml) over the defaults; expect failure with exactly
 * one message, and the config left at its defaults.
 */
static void
check_one_error(const char *text, const char *want)
{
	struct config cf, def;

	config_defaults(&cf);
	config_defaults(&def);
	diag_list_init(&dl);
	assert_int_equal(config_load_buffer(&cf, "c.yaml", text, strlen(text),
	    &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.dropped, 0);
	assert_string_equal(msg(0), want);
	assert_config_equal(&cf, &def);
}

static void
test_defaults(void **state)
{
	struct config cf;

	(void)state;
	config_marked(&cf);
	config_defaults(&cf);
	assert_int_equal(cf.week_start, 0);		/* Monday */
	assert_int_equal(cf.day_starts_min, 240);	/* 04:00 */
	assert_true(cf.rich_threshold_ug == 12);
	assert_true(cf.rich_servings_goal == 7);
	assert_true(cf.k2_goal_ug == 630);
	assert_true(cf.sat_fat_limit_g == 20);
	assert_true(cf.sodium_limit_mg == 2300);
	assert_false(cf.anticoagulant);
}

static void
test_full_file(void **state)
{
	struct config cf;

	(void)state;
	config_defaults(&cf);
	diag_list_init(&dl);
	assert_int_equal(config_load_file(&cf, CONFIG_DATA "full.yaml", &dl),
	    0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(cf.week_start, 6);		/* Sunday */
	assert_int_equal(cf.day_starts_min, 5 * 60 + 30);
	assert_true(cf.rich_threshold_ug == 10);
	assert_true(cf.rich_servings_goal == 14);
	assert_true(cf.k2_goal_ug == 1260.5);
	assert_true(cf.sat_fat_limit_g == 13);
	assert_true(cf.sodium_limit_mg == 1500);
	assert_true(cf.anticoagulant);
}

static void
test_partial_file_keeps_other_values(void **state)
{
	static const char text[] =
	    "week_start: Tue\n"
	    "day_starts_at: 00:00\n"
	    "anticoagulant: false\n";
	struct config cf, want;

	(void)state;
	config_marked(&cf);
	config_marked(&want);
	want.week_start = 1;
	want.day_starts_min = 0;
	want.anticoagulant = false;
	diag_list_init(&dl);
	assert_int_equal(config_load_buffer(&cf, "c.yaml", text,
	    sizeof text - 1, &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_config_equal(&cf, &want);
}

static void
test_bounds_accepted(void **state)
{
	static const char text[] =
	    "day_starts_at: \"23:59\"\n"
	    "rich_threshold_ug: 100000\n"
	    "rich_servings_goal: 0.5\n"
	    "k2_goal_ug: 10000000\n"
	    "sat_fat_limit_g: 1000\n"
	    "sodium_limit_mg: 100000\n";
	struct config cf;

	(void)state;
	config_defaults(&cf);
	diag_list_init(&dl);
	assert_int_equal(config_load_buffer(&cf, "c.yaml", text,
	    sizeof text - 1, &dl), 0);
	assert_int_equal(cf.day_starts_min, 23 * 60 + 59);
	assert_true(cf.rich_threshold_ug == 100000);
	assert_true(cf.rich_servings_goal == 0.5);
	assert_true(cf.k2_goal_ug == 1e7);
	assert_true(cf.sat_fat_limit_g == 1000);
	assert_true(cf.sodium_limit_mg == 100000);
}

static void
test_empty_file_keeps_defaults(void **state)
{
	struct config cf, def;

	(void)state;
	config_defaults(&cf);
	config_defaults(&def);
	diag_list_init(&dl);
	assert_int_equal(config_load_file(&cf, CONFIG_DATA "empty.yaml", &dl),
	    0);
	assert_int_equal(dl.n, 0);
	assert_config_equal(&cf, &def);
	assert_int_equal(config_load_file(&cf, CONFIG_DATA "comments-only.yaml",
	    &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_config_equal(&cf, &def);
	assert_int_equal(config_load_buffer(&cf, "c.yaml", "", 0, &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_config_equal(&cf, &def);
}

static void
test_unknown_key(void **state)
{
	(void)state;
	check_one_error("week_strat: sunday\n",
	    "c.yaml:1:1: unknown key 'week_strat' in a mapping of settings at "
	    "the top: did you mean 'week_start'?");
	check_one_error("week_start: monday\ncolour: blue\n",
	    "c.yaml:2:1: unknown key 'colour' in a mapping of settings at the "
	    "top: expected one of week_start, day_starts_at, "
	    "rich_threshold_ug, rich_servings_goal, k2_goal_ug, "
	    "sat_fat_limit_g, sodium_limit_mg, anticoagulant");
}

static void
test_duplicate_key(void **state)
{
	(void)state;
	check_one_error("week_start: monday\nweek_start: sunday\n",
	    "c.yaml:2:1: duplicate key 'week_start' (first at line 1)");
}

static void
test_wrong_type(void **state)
{
	(void)state;
	check_one_error("k2_goal_ug: lots\n",
	    "c.yaml:1:13: expected a number above 0 and at most 10000000 for "
	    "'k2_goal_ug', found text \"lots\"");
	check_one_error("k2_goal_ug: \"630\"\n",
	    "c.yaml:1:13: expected a number above 0 and at most 10000000 for "
	    "'k2_goal_ug', found text \"630\"");
	check_one_error("sat_fat_limit_g: [20]\n",
	    "c.yaml:1:18: expected a number above 0 and at most 1000 for "
	    "'sat_fat_limit_g', found a list");
	check_one_error("week_start: {day: monday}\n",
	    "c.yaml:1:13: expected a day of the week (monday ... sunday) for "
	    "'week_start', found a mapping");
	check_one_error("rich_threshold_ug:\n",
	    "c.yaml:1:19: expected a number above 0 and at most 100000 for "
	    "'rich_threshold_ug', found nothing");
	check_one_error("rich_threshold_ug: .nan\n",
	    "c.yaml:1:20: expected a number above 0 and at most 100000 for "
	    "'rich_threshold_ug', found .nan (not a number)");
	check_one_error("k2_goal_ug: 1e999\n",
	    "c.yaml:1:13: expected a number above 0 and at most 10000000 for "
	    "'k2_goal_ug', found 1e999, which is too large to be a number");
}

static void
test_week_start(void **state)
{
	(void)state;
	check_one_error("week_start: someday\n",
	    "c.yaml:1:13: expected a day of the week (monday ... sunday) for "
	    "'week_start', found text \"someday\"");
	check_one_error("week_start: 1\n",
	    "c.yaml:1:13: expected a day of the week (monday ... sunday) for "
	    "'week_start', found the number 1");
	check_one_error("week_start: \"\"\n",
	    "c.yaml:1:13: expected a day of the week (monday ... sunday) for "
	    "'week_start', found text \"\"");
}

static void
test_day_starts_at(void **state)
{
	(void)state;
	check_one_error("day_starts_at: \"25:00\"\n",
	    "c.yaml:1:16: expected a time from \"00:00\" to \"23:59\" for "
	    "'day_starts_at', found text \"25:00\"");
	check_one_error("day_starts_at: \"04:60\"\n",
	    "c.yaml:1:16: expected a time from \"00:00\" to \"23:59\" for "
	    "'day_starts_at', found text \"04:60\"");
	check_one_error("day_starts_at: \"4:00\"\n",
	    "c.yaml:1:16: expected a time from \"00:00\" to \"23:59\" for "
	    "'day_starts_at', found text \"4:00\"");
	check_one_error("day_starts_at: 4\n",
	    "c.yaml:1:16: expected a time from \"00:00\" to \"23:59\" for "
	    "'day_starts_at', found the number 4");
}

static void
test_negative_goal(void **state)
{
	(void)state;
	check_one_error("rich_servings_goal: -1\n",
	    "c.yaml:1:21: expected a number above 0 and at most 1000 for "
	    "'rich_servings_goal', found -1");
	check_one_error("k2_goal_ug: -630\n",
	    "c.yaml:1:13: expected a number above 0 and at most 10000000 for "
	    "'k2_goal_ug', found -630");
	check_one_error("rich_threshold_ug: 100001\n",
	    "c.yaml:1:20: expected a number above 0 and at most 100000 for "
	    "'rich_threshold_ug', found 100001");
}

static void
test_zero_limit(void **state)
{
	(void)state;
	check_one_error("sat_fat_limit_g: 0\n",
	    "c.yaml:1:18: expected a number above 0 and at most 1000 for "
	    "'sat_fat_limit_g', found 0");
	check_one_error("sodium_limit_mg: 0\n",
	    "c.yaml:1:18: expected a number above 0 and at most 100000 for "
	    "'sodium_limit_mg', found 0");
	check_one_error("rich_threshold_ug: 0\n",
	    "c.yaml:1:20: expected a number above 0 and at most 100000 for "
	    "'rich_threshold_ug', found 0");
}

static void
test_anticoagulant(void **state)
{
	(void)state;
	check_one_error("anticoagulant: yes\n",
	    "c.yaml:1:16: expected true or false for 'anticoagulant', found "
	    "text \"yes\"");
	check_one_error("anticoagulant: \"true\"\n",
	    "c.yaml:1:16: expected true or false for 'anticoagulant', found "
	    "text \"true\"");
	check_one_error("anticoagulant: 1\n",
	    "c.yaml:1:16: expected true or false for 'anticoagulant', found "
	    "the number 1");
}

static void
test_not_a_mapping(void **state)
{
	(void)state;
	check_one_error("- week_start: sunday\n",
	    "c.yaml:1:1: expected a mapping of settings at the top, found a "
	    "list");
	check_one_error("monday\n",
	    "c.yaml:1:1: expected a mapping of settings at the top, found text "
	    "\"monday\"");
}

static void
test_yaml_errors(void **state)
{
	(void)state;
	check_one_error("week_start: &d monday\n",
	    "c.yaml:1:13: YAML anchor '&d' is not supported: write the value "
	    "out in full");
	check_one_error("week_start: [monday\n",
	    "c.yaml:2:1: invalid YAML: did not find expected ',' or ']' (while "
	    "parsing a flow sequence at line 1, column 13)");
	check_one_error("week_start: mon\xe9\n",
	    "c.yaml:1:16: invalid UTF-8 (byte 0xe9): save the file as UTF-8");
}

/* Several errors at once: all reported, and the config left unchanged. */
static void
test_every_error_and_unchanged(void **state)
{
	struct config cf, before;

	(void)state;
	config_marked(&cf);
	config_marked(&before);
	diag_list_init(&dl);
	assert_int_equal(config_load_file(&cf,
	    CONFIG_DATA "several-errors.yaml", &dl), -1);
	assert_int_equal(dl.n, 4);
	assert_string_equal(msg(0), CONFIG_DATA "several-errors.yaml:6:1: "
	    "unknown key 'sodium_limit' in a mapping of settings at the top: "
	    "expected one of week_start, day_starts_at, rich_threshold_ug, "
	    "rich_servings_goal, k2_goal_ug, sat_fat_limit_g, sodium_limit_mg, "
	    "anticoagulant");
	assert_string_equal(msg(1), CONFIG_DATA "several-errors.yaml:2:16: "
	    "expected a time from \"00:00\" to \"23:59\" for 'day_starts_at', "
	    "found text \"4am\"");
	assert_string_equal(msg(2), CONFIG_DATA "several-errors.yaml:4:18: "
	    "expected a number above 0 and at most 1000 for 'sat_fat_limit_g', "
	    "found 0");
	assert_string_equal(msg(3), CONFIG_DATA "several-errors.yaml:5:16: "
	    "expected true or false for 'anticoagulant', found text \"true\"");
	/* week_start and rich_threshold_ug were valid, yet nothing changed. */
	assert_config_equal(&cf, &before);
}

/* The fixtures in tests/data/config each give their one message. */
static void
test_fixtures(void **state)
{
	static const struct {
		const char *file;
		const char *msg;	/* after "FILE:" */
	} cases[] = {
		{ "unknown-key.yaml", "1:1: unknown key 'week_strat' in a "
		    "mapping of settings at the top: did you mean "
		    "'week_start'?" },
		{ "wrong-type.yaml", "1:13: expected a number above 0 and at "
		    "most 10000000 for 'k2_goal_ug', found text \"lots\"" },
		{ "week-start.yaml", "1:13: expected a day of the week "
		    "(monday ... sunday) for 'week_start', found text "
		    "\"someday\"" },
		{ "day-starts-at.yaml", "1:16: expected a time from \"00:00\" "
		    "to \"23:59\" for 'day_starts_at', found text \"25:00\"" },
		{ "negative-goal.yaml", "1:21: expected a number above 0 and "
		    "at most 1000 for 'rich_servings_goal', found -1" },
		{ "zero-limit.yaml", "1:18: expected a number above 0 and at "
		    "most 100000 for 'sodium_limit_mg', found 0" },
		{ "anticoagulant.yaml", "1:16: expected true or false for "
		    "'anticoagulant', found text \"yes\"" },
		{ "not-a-mapping.yaml", "1:1: expected a mapping of settings "
		    "at the top, found a list" },
	};
	char path[512], want[1024];
	struct config cf, def;
	size_t i;

	(void)state;
	config_defaults(&def);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, "%s%s", CONFIG_DATA, cases[i].file);
		snprintf(want, sizeof want, "%s:%s", path, cases[i].msg);
		config_defaults(&cf);
		diag_list_init(&dl);
		if (config_load_file(&cf, path, &dl) != -1)
			fail_msg("%s: accepted", path);
		assert_int_equal(dl.n, 1);
		assert_string_equal(msg(0), want);
		assert_config_equal(&cf, &def);
	}
}

static void
test_missing_file(void **state)
{
	struct config cf, def;

	(void)state;
	config_defaults(&cf);
	config_defaults(&def);
	diag_list_init(&dl);
	assert_int_equal(config_load_file(&cf, CONFIG_DATA "no-such.yaml",
	    &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(msg(0), CONFIG_DATA "no-such.yaml: cannot open: "
	    "No such file or directory");
	assert_config_equal(&cf, &def);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_partial_file_keeps_other_values),
		cmocka_unit_test(test_bounds_accepted),
		cmocka_unit_test(test_empty_file_keeps_defaults),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_week_start),
		cmocka_unit_test(test_day_starts_at),
		cmocka_unit_test(test_negative_goal),
		cmocka_unit_test(test_zero_limit),
		cmocka_unit_test(test_anticoagulant),
		cmocka_unit_test(test_not_a_mapping),
		cmocka_unit_test(test_yaml_errors),
		cmocka_unit_test(test_every_error_and_unchanged),
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
