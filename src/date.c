/* SPDX-License-Identifier: ISC */
/* Day numbers (proleptic Gregorian), weeks, diary days and DAY arguments. */
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

/* How far back "-N" may reach. */
#define DATE_MAX_BACK 100000L

static const char *const weekday_abbrs[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

static const char *const weekday_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

static bool
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(long y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (m == 2 && is_leap(y))
		return 29;
	return mdays[m - 1];
}

/*
 * Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil):
 * years start on March 1 so the leap day is the last day of the year.
 */
static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
ascii_caseeq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		if (ascii_lower((unsigned char)*a) !=
		    ascii_lower((unsigned char)*b))
			return false;
	}
	return *a == *b;
}

/*
 * Split strict "YYYY-MM-DD" into numbers: 1 if the text has that shape,
 * 0 if it does not. The numbers are not checked against the calendar.
 */
static int
iso_shape(const char *s, int *y, int *m, int *d)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (digits(s, 4, y) == -1 || digits(s + 5, 2, m) == -1 ||
	    digits(s + 8, 2, d) == -1)
		return 0;
	return 1;
}

/* Day number of a civil date; false if the date does not exist. */
bool
date_from_ymd(int y, int m, int d, long *day)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return false;
	*day = days_from_civil(y, m, d);
	return true;
}

/* Civil date of a day number (H. Hinnant's civil_from_days). */
void
date_to_ymd(long day, int *y, int *m, int *d)
{
	long z, era, doe, yoe, doy, mp, yy;

	/* A day from a damaged diary must not overflow: clamp it far out. */
	if (day > 1000000000L)
		day = 1000000000L;
	if (day < -1000000000L)
		day = -1000000000L;
	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	yy = yoe + era * 400 + (*m <= 2);
	*y = (int)yy;
}

/* Weekday of a day number, 0 = Monday ... 6 = Sunday. */
int
date_weekday(long day)
{
	long r;

	/* 1970-01-01, day 0, was a Thursday (3). */
	r = (day + 3) % 7;
	return (int)(r < 0 ? r + 7 : r);
}

/* Three-letter name of a weekday ("Mon"); "?" when out of range. */
const char *
date_weekday_abbr(int wd)
{
	return wd >= 0 && wd < 7 ? weekday_abbrs[wd] : "?";
}

/* Full lowercase name of a weekday ("monday"); "?" when out of range. */
const char *
date_weekday_name(int wd)
{
	return wd >= 0 && wd < 7 ? weekday_names[wd] : "?";
}

/* Parse a weekday name or its three-letter abbreviation, any case. */
int
date_weekday_parse(const char *s)
{
	int i;

	for (i = 0; i < 7; i++) {
		if (ascii_caseeq(s, weekday_names[i]) ||
		    ascii_caseeq(s, weekday_abbrs[i]))
			return i;
	}
	return -1;
}

/* Format a day number as "YYYY-MM-DD". */
char *
date_format(long day, char *buf, size_t len)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* Parse strict "YYYY-MM-DD" into a day number. */
int
date_parse_iso(const char *s, long *day)
{
	int y, m, d;

	if (!iso_shape(s, &y, &m, &d) || !date_from_ymd(y, m, d, day))
		return -1;
	return 0;
}

/* First day of the week holding day, weeks starting on week_start. */
long
date_week_start(long day, int week_start)
{
	/* A damaged diary's day must not overflow the subtraction. */
	if (day < LONG_MIN / 2)
		day = LONG_MIN / 2;
	return day - (date_weekday(day) - week_start + 7) % 7;
}

/* The diary day of instant t: the local date, shifted by day_starts_min. */
long
date_diary_day(time_t t, int day_starts_min)
{
	struct tm tm;
	long day;

	if (localtime_r(&t, &tm) == NULL) {
		/* Out of the range localtime handles: use UTC days. */
		day = (long)(t / 86400);
		if (t % 86400 < 0)
			day--;
		return day;
	}
	day = days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
	if (tm.tm_hour * 60 + tm.tm_min < day_starts_min)
		day--;
	return day;
}

/* Parse a DAY argument: YYYY-MM-DD, today, yesterday or -N. */
int
date_parse_day(const char *s, long today, long *out, struct diag *d)
{
	const char *p;
	long n;
	int y, m, mday;

	if (strcmp(s, "today") == 0) {
		*out = today;
		return 0;
	}
	if (strcmp(s, "yesterday") == 0) {
		*out = today - 1;
		return 0;
	}
	if (s[0] == '-' && s[1] != '\0') {
		n = 0;
		for (p = s + 1; *p >= '0' && *p <= '9'; p++) {
			n = n * 10 + (*p - '0');
			if (n > DATE_MAX_BACK)
				break;
		}
		if (*p == '\0' && n <= DATE_MAX_BACK) {
			*out = today - n;
			return 0;
		}
		if (n > DATE_MAX_BACK) {
			for (; *p >= '0' && *p <= '9'; p++)
				;
			if (*p == '\0') {
				diag_set(d, NULL, 0, 0, "invalid day '%s': "
				    "at most %ld days back", s, DATE_MAX_BACK);
				return -1;
			}
		}
	}
	if (iso_shape(s, &y, &m, &mday)) {
		if (date_from_ymd(y, m, mday, out))
			return 0;
		diag_set(d, NULL, 0, 0, "invalid day '%s': no such date", s);
		return -1;
	}
	diag_set(d, NULL, 0, 0, "invalid day '%s': "
	    "expected YYYY-MM-DD, today, yesterday or -N", s);
	return -1;
}

/* Parse "HH:MM" (00:00 to 23:59) into minutes since midnight. */
int
date_parse_hhmm(const char *s, int *minutes)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':' || digits(s, 2, &h) == -1 ||
	    digits(s + 3, 2, &m) == -1 || h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}
