/* SPDX-License-Identifier: ISC */
/*
 * The one YAML writer (with yread.c, the only users of libyaml): a
 * document built from mappings, lists and scalars through libyaml's
 * emitter, into memory. Numbers are written with '.' and every digit they
 * need, whatever the locale.
 */
#ifndef K2_YWRITE_H
#define K2_YWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

struct ywriter;

/*
 * A new document; comment (NULL: none) is written first, as it is: each
 * of its lines must start with '#'. Caller ends it with ywrite_finish.
 */
struct ywriter *ywrite_new(const char *comment);
/* A mapping (keys and values alternate) or a list; flow: {a: 1} / [a]. */
void ywrite_map_begin(struct ywriter *, bool flow);
void ywrite_map_end(struct ywriter *);
void ywrite_seq_begin(struct ywriter *, bool flow);
void ywrite_seq_end(struct ywriter *);
/*
 * Text (a key or a value): plain when it reads back as the same text,
 * double-quoted when it could read as a number, true/false or nothing.
 */
void ywrite_text(struct ywriter *, const char *s);
/* Text, always double-quoted ("01022"). */
void ywrite_quoted(struct ywriter *, const char *s);
/* A number, finite, in the shortest form that reads back the same double. */
void ywrite_number(struct ywriter *, double v);
/*
 * End the document: 0 with its text in *buf (NUL-terminated; caller
 * frees) and *len, or -1 with the emitter's complaint in d (a string that
 * is not UTF-8, a number that is not finite, nesting that does not close).
 * Frees the writer either way.
 */
int ywrite_finish(struct ywriter *, char **buf, size_t *len, struct diag *d);

#endif
