/* SPDX-License-Identifier: ISC */
/*
 * The diary entry as a record: its columns, named once (CSV header, JSON
 * key and SQLite column alike), with their CSV and JSON encoding and the
 * CSV decoding that import uses. Pure: writes to a FILE the caller gives.
 */
#ifndef K2_RECORD_H
#define K2_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "csv.h"
#include "diag.h"
#include "entry.h"
#include "food.h"

enum record_kind {
	REC_ID,			/* a whole number above 0 */
	REC_DAY,		/* YYYY-MM-DD */
	REC_TIME,		/* YYYY-MM-DDTHH:MM:SSZ, UTC */
	REC_TEXT,		/* non-empty text */
	REC_QUANTITY,		/* a number above 0 */
	REC_GRAMS,		/* a number above 0, or empty: no weight */
	REC_SERVINGS,		/* a number above 0 */
	REC_NUTRIENT		/* a number of at least 0, or empty: unknown */
};

/* One column of an entry. */
struct record_column {
	const char	*name;		/* CSV header, JSON key, SQLite column */
	enum record_kind kind;
	enum nutrient	 nutrient;	/* REC_NUTRIENT */
	const char	*unit;		/* for people: "µg", "g", "mg" ... */
	const char	*what;		/* for people: what it holds */
};

/* The columns, in the order export writes them. */
const struct record_column *record_columns(size_t *n);

/*
 * One column of an entry: a number column's value (false when unknown: a
 * grams of 0 or a nutrient not known) and a text column's string; and
 * setting them (a text is taken over by e).
 */
bool record_get_number(const struct record_column *, const struct entry *,
    double *v);
const char *record_get_text(const struct record_column *,
    const struct entry *);
void record_set_number(const struct record_column *, struct entry *, double);
void record_set_text(const struct record_column *, struct entry *, char *s);

/* The CSV header line and one entry as a CSV line (CRLF, RFC 4180). */
void record_csv_header(FILE *);
void record_csv_row(FILE *, const struct entry *);
/* One entry as a JSON object (every number exact, null when unknown). */
void record_json(FILE *, const struct entry *);
/* A JSON string, escaped (control characters as \u00XX). */
void record_json_string(FILE *, const char *);
/* A JSON number with every digit needed, or null. */
void record_json_number(FILE *, bool known, double v);

/*
 * Where each column is in a CSV file, from its header: the current export,
 * or one from before the quantity column (quantity then derived by the
 * caller). -1 when the header is not an export's.
 */
struct record_layout {
	int		 at[32];	/* column i's field, or -1 when absent */
	size_t		 fields;
};
int record_csv_layout(const struct csv_row *header, struct record_layout *);
/*
 * One CSV row as an entry (strings owned by e): 0, or -1 with "field
 * 'NAME': 'TEXT' is not ..." and the row's line in d. Without a quantity
 * column, quantity is left at 0 for the caller to derive.
 */
int record_csv_entry(const struct record_layout *, const struct csv_row *,
    struct entry *e, struct diag *d);

/* "YYYY-MM-DDTHH:MM:SSZ" of UTC seconds, and back (-1 when it is not). */
void record_time_format(long long t, char *buf, size_t len);
int record_time_parse(const char *s, long long *out);

#endif
