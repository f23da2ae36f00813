/* SPDX-License-Identifier: ISC */
/*
 * What the commands print alike (src/cli_out.c): cells, figures, entry
 * lines, warnings, JSON totals, and the diary opened with its error
 * printed. The rules behind them live in the core; these only write.
 */
#ifndef K2_CLI_OUT_H
#define K2_CLI_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "entry.h"
#include "food.h"
#include "gauge.h"

struct session;

/* Print a diagnostic on its own line on stderr. */
void cli_print_diag(const struct diag *);
/* A DAY argument (YYYY-MM-DD, today, yesterday, -N); -1 with it printed. */
int cli_parse_day(struct session *, const char *s, long *out);
/* A nutrient value for a table, or "?" when unknown; returns buf. */
char *cli_fmt_nut(char *buf, size_t len, const struct nutrients *,
    enum nutrient);
/* The food's flags as words: "K2-rich, MK-4 only, high sodium". */
void cli_food_flags(const struct session *, const struct food *, char *buf,
    size_t len);
/* Print s cut or padded to w columns (right-aligned if right), then sep. */
void cli_cell_sep(const char *s, size_t w, bool right, const char *sep);
/* The same, then a two-space gap. */
void cli_cell(const char *s, size_t w, bool right);
/* "1 slice (28 g)", or "1 capsule" without a weight. */
void cli_serving_text(const struct food *, char *buf, size_t len);
/* "VERB #ID on DAY: AMOUNT NAME (K2 .., sat fat .., sodium ..)". */
void cli_print_entry_line(const struct entry *, const char *verb);
/*
 * The food a FOOD argument names (DESIGN §3c), or NULL with the reason
 * (no match, or the best candidates) printed.
 */
const struct food *cli_resolve_food(struct session *, const char *q);
/* The week holding day and its gauge; -1 with the error printed. */
int cli_week(struct session *, long day, struct entry_list *, struct gauge *);
/* Print the notes for f and the warnings of day that got worse. */
void cli_print_new_warnings(const struct session *, const struct food *f,
    const struct gauge *before, const struct gauge *after, long day);
/* A day as a JSON string. */
void cli_json_day(FILE *, long day);
/* "key": value-or-null, "stem_known": n. */
void cli_json_total(FILE *, const char *key, const struct total *);
/* "[###.....]" of width cells for share (0..1, more is full). */
void cli_bar(char *buf, size_t width, double share);
/* Open or create the diary; -1 with the error printed. */
int cli_open_diary(struct session *);
/* Open an existing diary ("no diary at PATH" otherwise); -1 printed. */
int cli_open_existing(struct session *);

#endif
