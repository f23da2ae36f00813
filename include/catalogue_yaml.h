/* SPDX-License-Identifier: ISC */
/* Reading foods.yaml into the catalogue (an adapter: the YAML side). */
#ifndef K2_CATALOGUE_YAML_H
#define K2_CATALOGUE_YAML_H

#include <stddef.h>
#include "catalogue.h"
#include "diag.h"

/*
 * Load and validate a file into c (initialised here); returns 0, or -1
 * with every error (at most DIAG_MAX) in dl. The foods that loaded cleanly
 * stay in c either way.
 */
int catalogue_load_file(struct catalogue *c, const char *path,
    struct diag_list *dl);
int catalogue_load_buffer(struct catalogue *c, const char *name,
    const char *buf, size_t len, struct diag_list *dl);

#endif
