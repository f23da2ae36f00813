/* SPDX-License-Identifier: ISC */
/* CSV per RFC 4180: reading rows with their line numbers, writing fields. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "util.h"

/* Start reading a buffer. */
void
csv_reader_init(struct csv_reader *r, const char *buf, size_t len)
{
	r->p = buf;
	r->end = buf + len;
	r->line = 1;
}

/* Free a row's fields. */
void
csv_row_release(struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		free(row->field[i]);
	free(row->field);
	row->field = NULL;
	row->n = 0;
}

static void
push_field(struct csv_row *row, size_t *cap, const char *s, size_t len)
{
	if (row->n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		row->field = xreallocarray(row->field, *cap,
		    sizeof *row->field);
	}
	row->field[row->n++] = xstrndup(s, len);
}

/* Read the next row. */
int
csv_next(struct csv_reader *r, struct csv_row *row, struct diag *d)
{
	size_t cap = 0, len, bcap = 64;
	char *buf;
	bool quoted;

	memset(row, 0, sizeof *row);
	if (r->p >= r->end)
		return 0;
	row->line = r->line;
	buf = xmalloc(bcap);
	for (;;) {
		len = 0;
		quoted = r->p < r->end && *r->p == '"';
		if (quoted) {
			unsigned start = r->line;
			r->p++;
			for (;;) {
				if (r->p >= r->end) {
					diag_set(d, NULL, r->line, 0, "a "
					    "quoted field that starts on line "
					    "%u is never closed", start);
					free(buf);
					csv_row_release(row);
					return -1;
				}
				if (*r->p == '"') {
					if (r->p + 1 < r->end &&
					    r->p[1] == '"') {
						r->p++;
					} else {
						r->p++;
						break;
					}
				}
				if (*r->p == '\n')
					r->line++;
				if (len + 1 >= bcap)
					buf = xreallocarray(buf, bcap *= 2, 1);
				buf[len++] = *r->p++;
			}
			if (r->p < r->end && *r->p != ',' && *r->p != '\r' &&
			    *r->p != '\n') {
				diag_set(d, NULL, r->line, 0, "text after "
				    "a closing quote in field %zu", row->n + 1);
				free(buf);
				csv_row_release(row);
				return -1;
			}
		} else {
			while (r->p < r->end && *r->p != ',' &&
			    *r->p != '\r' && *r->p != '\n') {
				if (len + 1 >= bcap)
					buf = xreallocarray(buf, bcap *= 2, 1);
				buf[len++] = *r->p++;
			}
		}
		push_field(row, &cap, buf, len);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		break;
	}
	free(buf);
	return 1;
}

/* Write one field, quoted when needed. */
void
csv_put(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}
