/* SPDX-License-Identifier: ISC */
/* Days and weeks: day numbers (days since 1970-01-01), diary days, DAY arguments. */
#ifndef K2_DATE_H
#define K2_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"

/* Day number of a civil date; false if the date does not exist (2026-02-30). */
bool date_from_ymd(int y, int m, int d, long *day);
void date_to_ymd(long day, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(long day);
/* "Mon" ... "Sun" and "monday" ... "sunday". */
const char *date_weekday_abbr(int wd);
const char *date_weekday_name(int wd);
/* Parse "monday" ... "sunday" (also "mon"); -1 if none. */
int date_weekday_parse(const char *s);
/* "YYYY-MM-DD" into buf (at least 11 bytes). */
char *date_format(long day, char *buf, size_t len);
/* Strict "YYYY-MM-DD" (years 1..9999); -1 if not. */
int date_parse_iso(const char *s, long *day);
/* First day of the week holding day, weeks starting on week_start (0 = Monday). */
long date_week_start(long day, int week_start);
/*
 * The diary day of instant t in the local time zone: the local date, or the
 * day before when the local time is earlier than day_starts_min minutes.
 */
long date_diary_day(time_t t, int day_starts_min);
/*
 * Parse a DAY argument: YYYY-MM-DD, "today", "yesterday" or "-N" (N days
 * before today). Returns 0, or -1 with a message in d.
 */
int date_parse_day(const char *s, long today, long *out, struct diag *d);
/* Parse "HH:MM" (00:00 to 23:59) into minutes; -1 if not. */
int date_parse_hhmm(const char *s, int *minutes);

#endif
