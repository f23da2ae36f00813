/* SPDX-License-Identifier: ISC */
/* libFuzzer harness: DAY arguments, ISO dates, HH:MM and weekday names. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* Longest text tried; the rest of an input is ignored. */
#define FUZZ_TEXT_MAX 256
/* Day numbers of 0001-01-01 and 9999-12-31. */
#define DAY_MIN (-719162L)
#define DAY_MAX 2932896L
/* 2026-02-27, the fixed "today". */
#define TODAY 20511L
/* How far back "-N" may reach (DATE_MAX_BACK in date.c). */
#define MAX_BACK 100000L

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message the fuzzer log shows: an invariant is broken. */
static void
broken(const char *what, const char *text, long day)
{
	fprintf(stderr, "fuzz_day: invariant broken: %s (text '%s', day %ld)\n",
	    what, text, day);
	abort();
}

/* A day number within years 1..9999 formats and parses back to itself. */
static void
check_day(long day, const char *text)
{
	char buf[32];
	long back;
	int y, m, d, wd, ws;

	date_to_ymd(day, &y, &m, &d);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		broken("month or day of month out of range", text, day);
	wd = date_weekday(day);
	if (wd < 0 || wd > 6)
		broken("weekday out of range", text, day);
	for (ws = 0; ws < 7; ws++) {
		back = date_week_start(day, ws);
		if (back > day || back <= day - 7 || date_weekday(back) != ws)
			broken("week start wrong", text, day);
	}
	if (date_weekday_parse(date_weekday_name(wd)) != wd ||
	    date_weekday_parse(date_weekday_abbr(wd)) != wd)
		broken("weekday name does not parse back", text, day);
	date_format(day, buf, sizeof buf);
	if (day < DAY_MIN || day > DAY_MAX) {
		if (date_parse_iso(buf, &back) == 0)
			broken("a day outside years 1..9999 parsed", text, day);
		return;
	}
	if (y < 1 || y > 9999)
		broken("year out of range for the day number", text, day);
	if (strlen(buf) != 10 || date_parse_iso(buf, &back) != 0 ||
	    back != day)
		broken("date_format does not parse back", text, day);
	if (!date_from_ymd(y, m, d, &back) || back != day)
		broken("date_from_ymd disagrees with date_to_ymd", text, day);
}

/* Parse text as a DAY relative to today and check what it gives. */
static void
check_parse_day(const char *text, long today)
{
	struct diag d;
	long out = 0, out2 = 0;
	int r;

	d.msg[0] = '\0';
	r = date_parse_day(text, today, &out, &d);
	if (r != 0 && r != -1)
		broken("date_parse_day: neither 0 nor -1", text, today);
	if (r == -1) {
		if (strncmp(d.msg, "invalid day '", 13) != 0)
			broken("date_parse_day: odd message", text, today);
	} else {
		if (d.msg[0] != '\0')
			broken("date_parse_day: success touched d", text,
			    today);
		if (text[0] == '-' && (out > today || out < today - MAX_BACK))
			broken("-N out of reach", text, out);
		if (out >= DAY_MIN && out <= DAY_MAX)
			check_day(out, text);
	}
	if (date_parse_day(text, today, &out2, NULL) != r ||
	    (r == 0 && out2 != out))
		broken("date_parse_day: a NULL diag changed it", text, today);
}

/* Fuzz entry point: the text through every date parser. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[FUZZ_TEXT_MAX + 1], buf[32];
	size_t n = size > FUZZ_TEXT_MAX ? FUZZ_TEXT_MAX : size;
	long day, today;
	int minutes, wd;
	uint64_t raw;

	memcpy(text, data, n);
	text[n] = '\0';

	check_parse_day(text, TODAY);
	check_parse_day(text, DAY_MIN);
	check_parse_day(text, DAY_MAX);

	if (date_parse_iso(text, &day) == 0) {
		if (day < DAY_MIN || day > DAY_MAX)
			broken("ISO date outside years 1..9999", text, day);
		date_format(day, buf, sizeof buf);
		if (strcmp(buf, text) != 0)
			broken("ISO date does not format back", text, day);
		check_day(day, text);
		if (date_parse_day(text, TODAY, &today, NULL) != 0 ||
		    today != day)
			broken("ISO date is not the same DAY", text, day);
	}
	if (date_parse_hhmm(text, &minutes) == 0) {
		if (minutes < 0 || minutes > 23 * 60 + 59)
			broken("HH:MM out of range", text, minutes);
		snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60,
		    minutes % 60);
		if (strcmp(buf, text) != 0)
			broken("HH:MM does not format back", text, minutes);
	}
	wd = date_weekday_parse(text);
	if (wd < -1 || wd > 6)
		broken("weekday out of range", text, wd);

	/* The first bytes as a day number, a few million years each way. */
	if (size >= sizeof raw) {
		memcpy(&raw, data, sizeof raw);
		day = (long)(raw % 4000000001u) - 2000000000L;
		check_day(day, "(raw)");
		check_day(DAY_MIN + (long)(raw % (DAY_MAX - DAY_MIN + 1)),
		    "(raw)");
	}
	return 0;
}
