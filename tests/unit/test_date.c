/* SPDX-License-Identifier: ISC */
/* Unit tests for date.c: day numbers, weeks, diary days and DAY arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "date.h"

/*
 * Day numbers used below, counted by hand from 1970-01-01 = 0:
 * 2000-01-01 = 30 years of 365 days + 7 leap days (72 76 80 84 88 92 96)
 * = 10957; 2024-01-01 = 19723 (2000-2023: 24 * 365 + 6 leap days = 8766);
 * 2026-01-01 = 20454 (2024 has 366 days, 2025 has 365).
 */
#define D_2000_01_01	10957L
#define D_2024_01_01	19723L
#define D_2026_01_01	20454L
/* 2026-11-27: Jan-Oct is 304 days, + 26 = 20784. */
#define D_2026_11_27	20784L

static long
ymd(int y, int m, int d)
{
	long day = 0;

	assert_true(date_from_ymd(y, m, d, &day));
	return day;
}

static void
assert_ymd(long day, int y, int m, int d)
{
	int gy, gm, gd;

	date_to_ymd(day, &gy, &gm, &gd);
	assert_int_equal(gy, y);
	assert_int_equal(gm, m);
	assert_int_equal(gd, d);
}

static void
test_epoch_and_known_days(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1970, 1, 2), 1);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 1, 1), D_2000_01_01);
	assert_int_equal(ymd(2024, 1, 1), D_2024_01_01);
	assert_int_equal(ymd(2026, 1, 1), D_2026_01_01);
	assert_int_equal(ymd(2026, 11, 27), D_2026_11_27);
	/* 1969 back to 0001: 1969 years, 477 leap years (492 - 19 + 4). */
	assert_int_equal(ymd(1, 1, 1), -(1969L * 365 + 477));
	assert_ymd(0, 1970, 1, 1);
	assert_ymd(-1, 1969, 12, 31);
	assert_ymd(-(1969L * 365 + 477), 1, 1, 1);
	assert_ymd(D_2026_11_27, 2026, 11, 27);
}

static void
test_month_and_year_ends(void **state)
{
	(void)state;
	/* 2026-01-31 + 1 is 2026-02-01; 2026-02-28 + 1 is 2026-03-01. */
	assert_int_equal(ymd(2026, 1, 31), D_2026_01_01 + 30);
	assert_ymd(D_2026_01_01 + 31, 2026, 2, 1);
	assert_int_equal(ymd(2026, 2, 28), D_2026_01_01 + 58);
	assert_ymd(D_2026_01_01 + 59, 2026, 3, 1);
	/* 2025-12-31 is the day before 2026-01-01. */
	assert_int_equal(ymd(2025, 12, 31), D_2026_01_01 - 1);
	assert_ymd(D_2026_01_01 - 1, 2025, 12, 31);
	assert_ymd(ymd(2026, 4, 30) + 1, 2026, 5, 1);
	assert_ymd(ymd(2026, 12, 31) + 1, 2027, 1, 1);
}

static void
test_leap_days(void **state)
{
	long day = 12345;

	(void)state;
	/* 2024-02-29 is day 31 + 28 of 2024. */
	assert_int_equal(ymd(2024, 2, 29), D_2024_01_01 + 59);
	assert_ymd(D_2024_01_01 + 59, 2024, 2, 29);
	assert_ymd(D_2024_01_01 + 60, 2024, 3, 1);
	/* 2000 is a leap year (divisible by 400): day 31 + 28 of 2000. */
	assert_int_equal(ymd(2000, 2, 29), D_2000_01_01 + 59);
	assert_ymd(D_2000_01_01 + 59, 2000, 2, 29);
	/* 2023 is not a leap year; 1900 is not (divisible by 100 only). */
	assert_false(date_from_ymd(2023, 2, 29, &day));
	assert_false(date_from_ymd(1900, 2, 29, &day));
	assert_int_equal(day, 12345);	/* untouched on failure */
	assert_int_equal(ymd(1900, 3, 1), ymd(1900, 2, 28) + 1);
	/* Other impossible dates and the year range. */
	assert_false(date_from_ymd(2026, 2, 30, &day));
	assert_false(date_from_ymd(2026, 4, 31, &day));
	assert_false(date_from_ymd(2026, 13, 1, &day));
	assert_false(date_from_ymd(2026, 0, 1, &day));
	assert_false(date_from_ymd(2026, 1, 0, &day));
	assert_false(date_from_ymd(2026, 1, 32, &day));
	assert_false(date_from_ymd(0, 1, 1, &day));
	assert_false(date_from_ymd(10000, 1, 1, &day));
	assert_true(date_from_ymd(9999, 12, 31, &day));
}

/* Walk every day 1600-01-01 .. 2400-12-31 with a naive calendar. */
static void
test_round_trip_every_day(void **state)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	long day, expect;
	int y, m, d, n, leap;

	(void)state;
	expect = ymd(1600, 1, 1);
	for (y = 1600; y <= 2400; y++) {
		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (m = 1; m <= 12; m++) {
			n = mdays[m - 1] + (m == 2 && leap);
			for (d = 1; d <= n; d++) {
				assert_true(date_from_ymd(y, m, d, &day));
				assert_int_equal(day, expect);
				assert_ymd(day, y, m, d);
				expect++;
			}
			assert_false(date_from_ymd(y, m, n + 1, &day));
		}
	}
}

static void
test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), 3);	/* 1970-01-01 Thursday */
	assert_int_equal(date_weekday(-1), 2);	/* 1969-12-31 Wednesday */
	assert_int_equal(date_weekday(-4), 6);	/* 1969-12-28 Sunday */
	assert_int_equal(date_weekday(D_2026_11_27), 4);	/* Friday */
	assert_int_equal(date_weekday(D_2026_01_01), 3);	/* Thursday */
	assert_int_equal(date_weekday(D_2000_01_01), 5);	/* Saturday */
	assert_int_equal(date_weekday(ymd(1, 1, 1)), 0);	/* Monday */
	assert_string_equal(date_weekday_abbr(0), "Mon");
	assert_string_equal(date_weekday_abbr(4), "Fri");
	assert_string_equal(date_weekday_abbr(6), "Sun");
	assert_string_equal(date_weekday_name(0), "monday");
	assert_string_equal(date_weekday_name(6), "sunday");
	assert_string_equal(date_weekday_abbr(7), "?");
	assert_string_equal(date_weekday_name(-1), "?");
}

static void
test_weekday_parse(void **state)
{
	(void)state;
	assert_int_equal(date_weekday_parse("monday"), 0);
	assert_int_equal(date_weekday_parse("Monday"), 0);
	assert_int_equal(date_weekday_parse("mon"), 0);
	assert_int_equal(date_weekday_parse("MON"), 0);
	assert_int_equal(date_weekday_parse("wednesday"), 2);
	assert_int_equal(date_weekday_parse("Thu"), 3);
	assert_int_equal(date_weekday_parse("SUNDAY"), 6);
	assert_int_equal(date_weekday_parse("sun"), 6);
	assert_int_equal(date_weekday_parse(""), -1);
	assert_int_equal(date_weekday_parse("mo"), -1);
	assert_int_equal(date_weekday_parse("tues"), -1);
	assert_int_equal(date_weekday_parse("thur"), -1);
	assert_int_equal(date_weekday_parse("mondays"), -1);
	assert_int_equal(date_weekday_parse(" monday"), -1);
	assert_int_equal(date_weekday_parse("someday"), -1);
}

static void
test_format_and_parse_iso(void **state)
{
	char buf[11];
	long day = 777;

	(void)state;
	assert_string_equal(date_format(D_2026_11_27, buf, sizeof buf),
	    "2026-11-27");
	assert_string_equal(date_format(0, buf, sizeof buf), "1970-01-01");
	assert_string_equal(date_format(ymd(1, 1, 1), buf, sizeof buf),
	    "0001-01-01");
	assert_string_equal(date_format(ymd(9999, 12, 31), buf, sizeof buf),
	    "9999-12-31");

	assert_int_equal(date_parse_iso("2026-11-27", &day), 0);
	assert_int_equal(day, D_2026_11_27);
	assert_int_equal(date_parse_iso("2024-02-29", &day), 0);
	assert_int_equal(day, D_2024_01_01 + 59);
	assert_int_equal(date_parse_iso("0001-01-01", &day), 0);
	assert_int_equal(day, ymd(1, 1, 1));

	day = 777;
	assert_int_equal(date_parse_iso("2023-02-29", &day), -1);
	assert_int_equal(date_parse_iso("0000-01-01", &day), -1);
	assert_int_equal(date_parse_iso("2026-11-27 ", &day), -1);
	assert_int_equal(date_parse_iso(" 2026-11-27", &day), -1);
	assert_int_equal(date_parse_iso("2026-1-27", &day), -1);
	assert_int_equal(date_parse_iso("26-11-27", &day), -1);
	assert_int_equal(date_parse_iso("20261127", &day), -1);
	assert_int_equal(date_parse_iso("2026/11/27", &day), -1);
	assert_int_equal(date_parse_iso("2026-11-2x", &day), -1);
	assert_int_equal(date_parse_iso("+026-11-27", &day), -1);
	assert_int_equal(date_parse_iso("12026-11-27", &day), -1);
	assert_int_equal(date_parse_iso("", &day), -1);
	assert_int_equal(day, 777);
}

/*
 * 2026-01-01 is a Thursday. With Monday weeks its week starts on Monday
 * 2025-12-29 (3 days earlier); with Sunday weeks on Sunday 2025-12-28.
 */
static void
test_week_start_across_year_end(void **state)
{
	long mon = D_2026_01_01 - 3;	/* 2025-12-29 */
	long sun = D_2026_01_01 - 4;	/* 2025-12-28 */
	long d;

	(void)state;
	assert_int_equal(date_weekday(mon), 0);
	assert_int_equal(date_weekday(sun), 6);
	/* Monday weeks: 2025-12-29 .. 2026-01-04 all start on 12-29. */
	for (d = mon; d <= mon + 6; d++)
		assert_int_equal(date_week_start(d, 0), mon);
	/* Sunday 2025-12-28 belongs to the week before. */
	assert_int_equal(date_week_start(sun, 0), mon - 7);
	/* 2026-01-05 starts the next Monday week. */
	assert_int_equal(date_week_start(mon + 7, 0), mon + 7);

	/* Sunday weeks: 2025-12-28 .. 2026-01-03 all start on 12-28. */
	for (d = sun; d <= sun + 6; d++)
		assert_int_equal(date_week_start(d, 6), sun);
	/* Sunday 2026-01-04 starts its own week. */
	assert_int_equal(date_week_start(sun + 7, 6), sun + 7);
	/* Saturday 2025-12-27 is in the week of Sunday 2025-12-21. */
	assert_int_equal(date_week_start(sun - 1, 6), sun - 7);

	/* Thursday weeks: 2026-01-01 starts one, 2025-12-31 ends one. */
	assert_int_equal(date_week_start(D_2026_01_01, 3), D_2026_01_01);
	assert_int_equal(date_week_start(D_2026_01_01 - 1, 3),
	    D_2026_01_01 - 7);
	/* Before 1970 too: 1969-12-31 (Wednesday) is in the week of 12-29. */
	assert_int_equal(date_week_start(-1, 0), -3);
}

static void
test_parse_day_forms(void **state)
{
	long day;

	(void)state;
	assert_int_equal(date_parse_day("today", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_11_27);
	assert_int_equal(date_parse_day("yesterday", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_11_27 - 1);
	assert_int_equal(date_parse_day("-0", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_11_27);
	assert_int_equal(date_parse_day("-7", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_11_27 - 7);
	assert_int_equal(date_parse_day("-007", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_11_27 - 7);
	assert_int_equal(date_parse_day("-100000", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_11_27 - 100000);
	/* 2026-02-28 is day 31 + 27 of 2026. */
	assert_int_equal(date_parse_day("2026-02-28", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2026_01_01 + 58);
	assert_int_equal(date_parse_day("2024-02-29", D_2026_11_27, &day, NULL),
	    0);
	assert_int_equal(day, D_2024_01_01 + 59);
	/* yesterday across a year end */
	assert_int_equal(date_parse_day("yesterday", D_2026_01_01, &day, NULL),
	    0);
	assert_ymd(day, 2025, 12, 31);
}

static void
check_bad_day(const char *s, const char *msg)
{
	struct diag d;
	long day = 4242;

	assert_int_equal(date_parse_day(s, D_2026_11_27, &day, &d), -1);
	assert_string_equal(d.msg, msg);
	assert_int_equal(day, 4242);
	/* A DAY comes from the command line: no file, no line. */
	assert_null(d.file);
	assert_int_equal(d.line, 0);
}

static void
test_parse_day_bad(void **state)
{
	(void)state;
	check_bad_day("someday", "invalid day 'someday': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("", "invalid day '': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("-", "invalid day '-': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("Today", "invalid day 'Today': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("today ", "invalid day 'today ': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("+1", "invalid day '+1': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("1", "invalid day '1': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("-1a", "invalid day '-1a': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("- 1", "invalid day '- 1': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("-1.5", "invalid day '-1.5': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("--1", "invalid day '--1': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("2026-2-28", "invalid day '2026-2-28': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("2026-02-28T00:00", "invalid day '2026-02-28T00:00': "
	    "expected YYYY-MM-DD, today, yesterday or -N");
	check_bad_day("-100001", "invalid day '-100001': "
	    "at most 100000 days back");
	check_bad_day("-99999999999999999999999", "invalid day "
	    "'-99999999999999999999999': at most 100000 days back");
	check_bad_day("2026-02-30", "invalid day '2026-02-30': no such date");
	check_bad_day("2023-02-29", "invalid day '2023-02-29': no such date");
	check_bad_day("2026-13-01", "invalid day '2026-13-01': no such date");
	check_bad_day("2026-00-10", "invalid day '2026-00-10': no such date");
	check_bad_day("0000-01-01", "invalid day '0000-01-01': no such date");
}

static void
test_parse_hhmm(void **state)
{
	int min = -5;

	(void)state;
	assert_int_equal(date_parse_hhmm("04:00", &min), 0);
	assert_int_equal(min, 240);
	assert_int_equal(date_parse_hhmm("00:00", &min), 0);
	assert_int_equal(min, 0);
	assert_int_equal(date_parse_hhmm("23:59", &min), 0);
	assert_int_equal(min, 23 * 60 + 59);
	assert_int_equal(date_parse_hhmm("01:30", &min), 0);
	assert_int_equal(min, 90);

	min = -5;
	assert_int_equal(date_parse_hhmm("24:00", &min), -1);
	assert_int_equal(date_parse_hhmm("12:60", &min), -1);
	assert_int_equal(date_parse_hhmm("4:00", &min), -1);
	assert_int_equal(date_parse_hhmm("04:0", &min), -1);
	assert_int_equal(date_parse_hhmm("04:000", &min), -1);
	assert_int_equal(date_parse_hhmm("04-00", &min), -1);
	assert_int_equal(date_parse_hhmm("0a:00", &min), -1);
	assert_int_equal(date_parse_hhmm(" 4:00", &min), -1);
	assert_int_equal(date_parse_hhmm("-1:00", &min), -1);
	assert_int_equal(date_parse_hhmm("", &min), -1);
	assert_int_equal(min, -5);
}

/* TZ handling: each diary-day test sets a zone and puts the old one back. */
static char *saved_tz;
static int saved_tz_set;

static int
tz_setup(void **state)
{
	const char *tz = getenv("TZ");

	(void)state;
	saved_tz_set = tz != NULL;
	saved_tz = tz != NULL ? strdup(tz) : NULL;
	return 0;
}

static int
tz_teardown(void **state)
{
	(void)state;
	if (saved_tz_set)
		setenv("TZ", saved_tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved_tz);
	saved_tz = NULL;
	return 0;
}

static void
use_tz(const char *tz)
{
	assert_int_equal(setenv("TZ", tz, 1), 0);
	tzset();
}

/* The instant at UTC day number `day`, hh:mm. */
static time_t
utc(long day, int hh, int mm)
{
	return (time_t)(day * 86400L + hh * 3600L + mm * 60L);
}

static void
test_diary_day_utc(void **state)
{
	long d = D_2026_11_27;

	(void)state;
	use_tz("UTC0");
	/* 01:30 with the day starting at 04:00 belongs to the day before. */
	assert_int_equal(date_diary_day(utc(d, 1, 30), 240), d - 1);
	assert_int_equal(date_diary_day(utc(d, 3, 59), 240), d - 1);
	assert_int_equal(date_diary_day(utc(d, 4, 0), 240), d);
	assert_int_equal(date_diary_day(utc(d, 23, 59), 240), d);
	/* With the day starting at midnight, the date itself. */
	assert_int_equal(date_diary_day(utc(d, 0, 0), 0), d);
	assert_int_equal(date_diary_day(utc(d, 1, 30), 0), d);
	/* Before 1970: 1969-12-31 23:00 UTC. */
	assert_int_equal(date_diary_day(utc(-1, 23, 0), 0), -1);
	/* 1970-01-01 02:00 with 04:00: 1969-12-31. */
	assert_int_equal(date_diary_day(utc(0, 2, 0), 240), -1);
}

/*
 * Europe/Berlin, 2026-03-29: at 02:00 CET (UTC+1) the clocks jump to
 * 03:00 CEST (UTC+2), at 01:00 UTC. 2026-03-29 is day 20454 + 31 + 28 + 28
 * = 20541.
 */
static void
test_diary_day_berlin_spring(void **state)
{
	long d = D_2026_01_01 + 31 + 28 + 28;	/* 2026-03-29 */

	(void)state;
	use_tz("Europe/Berlin");
	/* 01:30 CET = 00:30 UTC, just before the jump: before 04:00. */
	assert_int_equal(date_diary_day(utc(d, 0, 30), 240), d - 1);
	assert_int_equal(date_diary_day(utc(d, 0, 30), 0), d);
	/* 00:59 UTC = 01:59 CET; 01:00 UTC = 03:00 CEST (02:xx is skipped). */
	assert_int_equal(date_diary_day(utc(d, 0, 59), 120), d - 1);
	assert_int_equal(date_diary_day(utc(d, 1, 0), 120), d);
	/* 01:59 UTC = 03:59 CEST: still before 04:00. */
	assert_int_equal(date_diary_day(utc(d, 1, 59), 240), d - 1);
	/*
	 * 02:00 UTC = 04:00 CEST: the diary day has begun. With a fixed
	 * UTC+1 this would read 03:00 and still be the day before.
	 */
	assert_int_equal(date_diary_day(utc(d, 2, 0), 240), d);
	/* 23:30 UTC on 03-28 = 00:30 CET on 03-29, midnight start. */
	assert_int_equal(date_diary_day(utc(d - 1, 23, 30), 0), d);
	/* 22:30 UTC on 03-29 = 00:30 CEST on 03-30. */
	assert_int_equal(date_diary_day(utc(d, 22, 30), 0), d + 1);
}

/*
 * Europe/Berlin, 2026-10-25: at 03:00 CEST (UTC+2) the clocks go back to
 * 02:00 CET (UTC+1), at 01:00 UTC, so 02:30 happens twice: at 00:30 UTC
 * (CEST) and at 01:30 UTC (CET). 2026-10-25 is day 20454 + 273 + 24 = 20751
 * (Jan-Sep is 273 days).
 */
static void
test_diary_day_berlin_autumn(void **state)
{
	long d = D_2026_01_01 + 273 + 24;	/* 2026-10-25 */

	(void)state;
	use_tz("Europe/Berlin");
	/* Both 02:30s are before 04:00: the day before. */
	assert_int_equal(date_diary_day(utc(d, 0, 30), 240), d - 1);
	assert_int_equal(date_diary_day(utc(d, 1, 30), 240), d - 1);
	/* Both are exactly 02:30: not before a 02:30 start, before 02:31. */
	assert_int_equal(date_diary_day(utc(d, 0, 30), 150), d);
	assert_int_equal(date_diary_day(utc(d, 1, 30), 150), d);
	assert_int_equal(date_diary_day(utc(d, 0, 30), 151), d - 1);
	assert_int_equal(date_diary_day(utc(d, 1, 30), 151), d - 1);
	/* 02:59 UTC = 03:59 CET, 03:00 UTC = 04:00 CET. */
	assert_int_equal(date_diary_day(utc(d, 2, 59), 240), d - 1);
	assert_int_equal(date_diary_day(utc(d, 3, 0), 240), d);
	/* 22:30 UTC on 10-24 = 00:30 CEST on 10-25. */
	assert_int_equal(date_diary_day(utc(d - 1, 22, 30), 0), d);
}

/*
 * America/New_York, 2026: DST starts on Sunday 2026-03-08 at 02:00 EST
 * (UTC-5) -> 03:00 EDT (UTC-4), at 07:00 UTC, and ends on Sunday
 * 2026-11-01 at 02:00 EDT -> 01:00 EST, at 06:00 UTC, so 01:30 happens
 * twice, at 05:30 UTC and at 06:30 UTC. Day numbers: 2026-03-08 =
 * 20454 + 59 + 7 = 20520; 2026-11-01 = 20454 + 304 = 20758.
 */
static void
test_diary_day_new_york(void **state)
{
	long mar8 = D_2026_01_01 + 59 + 7;
	long nov1 = D_2026_01_01 + 304;

	(void)state;
	use_tz("America/New_York");
	/* 06:30 UTC = 01:30 EST on 03-08: the day before with 04:00. */
	assert_int_equal(date_diary_day(utc(mar8, 6, 30), 240), mar8 - 1);
	assert_int_equal(date_diary_day(utc(mar8, 6, 30), 0), mar8);
	/* 07:59 UTC = 03:59 EDT; 08:00 UTC = 04:00 EDT. */
	assert_int_equal(date_diary_day(utc(mar8, 7, 59), 240), mar8 - 1);
	assert_int_equal(date_diary_day(utc(mar8, 8, 0), 240), mar8);
	/* 08:30 UTC would be 03:30 at UTC-5, but it is 04:30 EDT. */
	assert_int_equal(date_diary_day(utc(mar8, 8, 30), 240), mar8);

	/* 01:30 EDT (05:30 UTC) and 01:30 EST (06:30 UTC) on 11-01. */
	assert_int_equal(date_diary_day(utc(nov1, 5, 30), 60), nov1);
	assert_int_equal(date_diary_day(utc(nov1, 6, 30), 60), nov1);
	assert_int_equal(date_diary_day(utc(nov1, 5, 30), 240), nov1 - 1);
	assert_int_equal(date_diary_day(utc(nov1, 6, 30), 240), nov1 - 1);
	/* 08:59 UTC = 03:59 EST; 09:00 UTC = 04:00 EST. */
	assert_int_equal(date_diary_day(utc(nov1, 8, 59), 240), nov1 - 1);
	assert_int_equal(date_diary_day(utc(nov1, 9, 0), 240), nov1);

	/* 2026-11-28 04:30 UTC = 2026-11-27 23:30 EST: still the 27th. */
	assert_int_equal(date_diary_day(utc(D_2026_11_27 + 1, 4, 30), 240),
	    D_2026_11_27);
	/* 2026-01-01 05:30 UTC = 00:30 EST on 01-01: 2025-12-31 with 04:00. */
	assert_int_equal(date_diary_day(utc(D_2026_01_01, 5, 30), 240),
	    D_2026_01_01 - 1);
	assert_int_equal(date_diary_day(utc(D_2026_01_01, 5, 30), 0),
	    D_2026_01_01);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_and_known_days),
		cmocka_unit_test(test_month_and_year_ends),
		cmocka_unit_test(test_leap_days),
		cmocka_unit_test(test_round_trip_every_day),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_weekday_parse),
		cmocka_unit_test(test_format_and_parse_iso),
		cmocka_unit_test(test_week_start_across_year_end),
		cmocka_unit_test(test_parse_day_forms),
		cmocka_unit_test(test_parse_day_bad),
		cmocka_unit_test(test_parse_hhmm),
		cmocka_unit_test_setup_teardown(test_diary_day_utc,
		    tz_setup, tz_teardown),
		cmocka_unit_test_setup_teardown(test_diary_day_berlin_spring,
		    tz_setup, tz_teardown),
		cmocka_unit_test_setup_teardown(test_diary_day_berlin_autumn,
		    tz_setup, tz_teardown),
		cmocka_unit_test_setup_teardown(test_diary_day_new_york,
		    tz_setup, tz_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
