/* SPDX-License-Identifier: ISC */
/* Diagnostics: "file:line:col: message", collected up to a bound. */
#ifndef K2_DIAG_H
#define K2_DIAG_H

#include <stdio.h>
#include "util.h"

#define DIAG_MAX 50

/*
 * The one error convention (STYLE.md, "Errors"). A function that can fail
 * with a message takes struct diag *d as its last parameter; d may be NULL,
 * and the message is then dropped. It returns -1 (or false, or NULL, as its
 * header says) with the message in d, and leaves d untouched on success. It
 * never prints. The message is lowercase, without a final full stop, and
 * names no program: whoever prints it adds "k2diary: " (or uses
 * diag_format). file, line and col are filled when they are known. Loading
 * a file, which reports every mistake it finds, collects its messages in a
 * struct diag_list instead.
 *
 * One message. file is borrowed; line and col are 1-based, 0 when unknown.
 */
struct diag {
	const char	*file;
	unsigned	 line;
	unsigned	 col;
	char		 msg[512];
};

/* Up to DIAG_MAX messages; dropped counts the ones past the bound. */
struct diag_list {
	struct diag	 d[DIAG_MAX];
	size_t		 n;
	size_t		 dropped;
};

void diag_list_init(struct diag_list *);
/* Append a message; past DIAG_MAX only counts it. */
void diag_add(struct diag_list *, const char *file, unsigned line,
    unsigned col, const char *fmt, ...) K2_PRINTF(5, 6);
/* Fill one diag (for single-error APIs); NULL d is allowed. */
void diag_set(struct diag *d, const char *file, unsigned line,
    unsigned col, const char *fmt, ...) K2_PRINTF(5, 6);
/* "file:line:col: msg" (parts that are unknown are left out). */
void diag_format(const struct diag *, char *buf, size_t len);
/* Print every message, one a line, and a count of dropped ones. */
void diag_print(const struct diag_list *, FILE *);

#endif
