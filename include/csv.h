/* SPDX-License-Identifier: ISC */
/* CSV per RFC 4180: reading rows with their line numbers, writing fields. */
#ifndef K2_CSV_H
#define K2_CSV_H

#include <stdio.h>

#include "diag.h"

struct csv_reader {
	const char	*p;
	const char	*end;
	unsigned	 line;		/* line of the next row, 1-based */
};

/* A row: fields owned by the row. */
struct csv_row {
	char		**field;
	size_t		 n;
	unsigned	 line;		/* where the row starts */
};

void csv_reader_init(struct csv_reader *, const char *buf, size_t len);
/*
 * Read the next row: 1 with a row (release it with csv_row_release), 0 at
 * the end, -1 with a message and the reader's line in d (an unterminated
 * quote, text after a closing quote).
 */
int csv_next(struct csv_reader *, struct csv_row *, struct diag *d);
void csv_row_release(struct csv_row *);
/* Write one field, quoted when it holds a comma, quote, CR or LF. */
void csv_put(FILE *, const char *);

#endif
