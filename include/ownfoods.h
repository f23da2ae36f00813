/* SPDX-License-Identifier: ISC */
/* The program's own foods, my-foods.yaml (DESIGN §3b): changed under a lock, written whole. */
#ifndef K2_OWNFOODS_H
#define K2_OWNFOODS_H

#include "catalogue.h"
#include "diag.h"

#define OWNFOODS_LEAF "my-foods.yaml"
/* How long a save waits for another save to end, in milliseconds. */
#define OWNFOODS_LOCK_WAIT_MS 10000

/*
 * $XDG_DATA_HOME/k2diary/my-foods.yaml, or ~/.local/share/k2diary/...
 * (a relative XDG_DATA_HOME is ignored, as the spec says). Caller frees;
 * NULL when HOME is not set either.
 */
char *ownfoods_path(void);

/*
 * A change to the own foods, made under the lock to what the file holds
 * now (read by catalogue_read_file: recipes as written, not computed).
 * Returns 0 to save own, or -1 with the reason in d (nothing is written).
 */
typedef int (*ownfoods_change_fn)(struct catalogue *own, void *arg,
    struct diag *d);

/*
 * Save a change to the own foods at path: take the lock (flock on
 * PATH.lock, waiting up to OWNFOODS_LOCK_WAIT_MS for another save), read
 * the file again (strictly: a file with an error is never written over,
 * and the errors say why), apply change, write the whole file to PATH.tmp
 * in the same folder, flush and fsync it, read it back through the same
 * loader and compare, rename it into place (mode 0600) and fsync the
 * folder, then read the file in place back once more. A kill at any
 * moment leaves the old file or the new one, never a mix. Folders that
 * are missing are made (0700). Returns 0, or -1 with the reasons in dl
 * (the file as it was).
 */
int ownfoods_update(const char *path, ownfoods_change_fn change, void *arg,
    struct diag_list *dl);

#endif
