/* SPDX-License-Identifier: ISC */
/* Reading config.yaml into the config (an adapter: the YAML side). */
#ifndef K2_CONFIG_YAML_H
#define K2_CONFIG_YAML_H

#include <stddef.h>
#include "config.h"
#include "diag.h"

/* Load a file over the defaults. Returns 0, or -1 with every error in dl. */
int config_load_file(struct config *, const char *path, struct diag_list *dl);
int config_load_buffer(struct config *, const char *name, const char *buf,
    size_t len, struct diag_list *dl);

#endif
