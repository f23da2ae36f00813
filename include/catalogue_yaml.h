/* SPDX-License-Identifier: ISC */
/* Reading foods.yaml into the catalogue, and writing it (an adapter: the YAML side). */
#ifndef K2_CATALOGUE_YAML_H
#define K2_CATALOGUE_YAML_H

#include <stddef.h>
#include "catalogue.h"
#include "diag.h"

/*
 * Load and validate a file into c (initialised here), as a catalogue of
 * its own: its recipes are computed from its foods alone. Returns 0, or
 * -1 with every error (at most DIAG_MAX) in dl. The foods that loaded
 * cleanly stay in c either way.
 */
int catalogue_load_file(struct catalogue *c, const char *path,
    struct diag_list *dl);
int catalogue_load_buffer(struct catalogue *c, const char *name,
    const char *buf, size_t len, struct diag_list *dl);
/*
 * The same, but the recipes wait (unresolved: no nutrients yet) for
 * catalogue_resolve_recipes, after c is merged with the catalogues its
 * recipes may draw on. A recipe as written stays in c->recipes.
 */
int catalogue_read_file(struct catalogue *c, const char *path,
    struct diag_list *dl);
int catalogue_read_buffer(struct catalogue *c, const char *name,
    const char *buf, size_t len, struct diag_list *dl);
/*
 * Write c as a foods.yaml (version 1) that reads back equal: recipes as
 * written, numbers with every digit, '.' whatever the locale. comment
 * (NULL: none) goes first, each of its lines starting with '#'. Returns 0
 * with the text in *buf (caller frees), or -1 with the reason in d.
 */
int catalogue_write(const struct catalogue *c, const char *comment,
    char **buf, size_t *len, struct diag *d);

#endif
