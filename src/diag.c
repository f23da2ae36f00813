/* SPDX-License-Identifier: ISC */
/* Diagnostics: "file:line:col: message", collected up to a bound. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "text.h"

/* Empty the list. */
void
diag_list_init(struct diag_list *dl)
{
	dl->n = 0;
	dl->dropped = 0;
}

static void
diag_vset(struct diag *d, const char *file, unsigned line, unsigned col,
    const char *fmt, va_list ap) K2_PRINTF(5, 0);

static void
diag_vset(struct diag *d, const char *file, unsigned line, unsigned col,
    const char *fmt, va_list ap)
{
	d->file = file;
	d->line = line;
	d->col = col;
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	/* Messages quote what a file said: keep its control bytes inert. */
	text_inert(d->msg);
}

/* Append a message; past DIAG_MAX only count it. */
void
diag_add(struct diag_list *dl, const char *file, unsigned line, unsigned col,
    const char *fmt, ...)
{
	va_list ap;

	if (dl == NULL)
		return;
	if (dl->n == DIAG_MAX) {
		dl->dropped++;
		return;
	}
	va_start(ap, fmt);
	diag_vset(&dl->d[dl->n++], file, line, col, fmt, ap);
	va_end(ap);
}

/* Fill one diag. */
void
diag_set(struct diag *d, const char *file, unsigned line, unsigned col,
    const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return;
	va_start(ap, fmt);
	diag_vset(d, file, line, col, fmt, ap);
	va_end(ap);
}

/* Format one diag as "file:line:col: msg". */
void
diag_format(const struct diag *d, char *buf, size_t len)
{
	const char *file = d->file != NULL ? d->file : "k2diary";

	if (d->line != 0 && d->col != 0)
		snprintf(buf, len, "%s:%u:%u: %s", file, d->line, d->col,
		    d->msg);
	else if (d->line != 0)
		snprintf(buf, len, "%s:%u: %s", file, d->line, d->msg);
	else
		snprintf(buf, len, "%s: %s", file, d->msg);
}

/* Print every message of the list. */
void
diag_print(const struct diag_list *dl, FILE *fp)
{
	char buf[1024];
	size_t i;

	for (i = 0; i < dl->n; i++) {
		diag_format(&dl->d[i], buf, sizeof buf);
		fprintf(fp, "%s\n", buf);
	}
	if (dl->dropped != 0)
		fprintf(fp, "... and %zu more errors not shown\n", dl->dropped);
}
