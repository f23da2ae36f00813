/* SPDX-License-Identifier: ISC */
/* The diary store (SQLite), behind an opaque handle. */
#ifndef K2_DIARY_H
#define K2_DIARY_H

#include <stdint.h>
#include "diag.h"
#include "entry.h"

#define DIARY_SCHEMA_VERSION 2

struct diary;

/*
 * Open (creating folders 0700 and the file 0600) and migrate. A database
 * of a newer schema is refused and left untouched. Returns NULL with the
 * reason in d.
 */
struct diary *diary_open(const char *path, struct diag *d);
/*
 * Open and migrate an existing diary, as diary_open does, but create
 * nothing: when path does not exist, no folder and no file is made, and
 * NULL is returned with "no diary at PATH" in d (PATH as given).
 * ":memory:" opens a new diary in memory, as diary_open does.
 */
struct diary *diary_open_existing(const char *path, struct diag *d);
/*
 * Close the diary; NULL is allowed. When the -wal file is not empty, the
 * WAL is first folded into the diary file and truncated to nothing (a
 * TRUNCATE checkpoint, waiting up to the busy timeout for other
 * connections), so that at exit nothing committed is left only in the
 * WAL: the diary file alone is the whole diary. If another connection
 * keeps it from finishing, the WAL stays as it is (each commit in it is
 * durable) and the next close folds it. An empty -wal file costs a stat.
 */
void diary_close(struct diary *);
/*
 * Fold the WAL into the diary file now and truncate it to nothing (for
 * commands that write much). -1 with the reason in d when another
 * connection kept it from finishing past the busy timeout, or on an I/O
 * error; what was committed stays committed either way.
 */
int diary_checkpoint(struct diary *, struct diag *d);
/* Store e in one transaction; sets e->id. */
int diary_add(struct diary *, struct entry *e, struct diag *d);
/* Store several entries in one transaction (all or none); sets ids. */
int diary_add_many(struct diary *, struct entry *v, size_t n, struct diag *d);
/* Store entries with their own ids in one transaction (all or none). */
int diary_restore_many(struct diary *, const struct entry *v, size_t n,
    struct diag *d);
/*
 * Write a consistent copy of the diary to dest (SQLite's online backup),
 * through a temporary file in dest's folder; an existing dest is refused,
 * never overwritten. The copy is 0600.
 */
int diary_backup(struct diary *, const char *dest, struct diag *d);
/*
 * Check, reading only, that the file src is a diary diary_restore_from
 * would take (all its checks on src but the page size). 0, or -1 with
 * the reason in d.
 */
int diary_check_file(const char *src, struct diag *d);
/*
 * Replace the whole diary with the diary file src, ids and all, through
 * SQLite's online backup from a read-only connection on src. src must be
 * a regular file (a symbolic link is followed), not the diary itself,
 * and an intact k2diary diary: the checks diary_open makes of a file
 * (SQLite header, schema version, the entry table, every statement of
 * ours valid on it), PRAGMA quick_check, a schema no newer than this
 * program's, and the diary's page size. Otherwise -1 with the reason in
 * d, and neither the diary nor src is touched. The steps:
 *  1. check src as above;
 *  2. write a consistent copy of the diary to "PATH.before-restore"
 *     (as diary_backup: mode 0600, never over a file); if that file
 *     exists, left by a restore that did not finish, refuse: it may be
 *     the only copy of an older diary;
 *  3. copy src over the diary in one write transaction: on failure it is
 *     rolled back, the copy of step 2 is removed, and the diary is as it
 *     was;
 *  4. when src's schema is older, migrate; on failure put the copy of
 *     step 2 back (one more transaction) and remove it, or, if even that
 *     fails, keep it and name it in d;
 *  5. fold the WAL into the diary file (as diary_checkpoint; a failure
 *     there is ignored: the restore is committed);
 *  6. remove "PATH.before-restore".
 * A crash between 2 and 6 leaves "PATH.before-restore" beside the diary,
 * a copy of the diary as it was before. Other connections see the
 * restored diary at their next read (data_version changes). An in-memory
 * diary skips steps 2 and 6.
 */
int diary_restore_from(struct diary *, const char *src, struct diag *d);
/* The number of entries in the diary. */
int diary_count(struct diary *, int64_t *out, struct diag *d);
/* Put back an entry with its old id (undo of a remove). */
int diary_restore(struct diary *, const struct entry *e, struct diag *d);
/* Load one entry; 1 if there is none with that id. */
int diary_get(struct diary *, int64_t id, struct entry *out, struct diag *d);
/* Replace the amount fields and nutrients of entry e->id. 1 if none. */
int diary_update(struct diary *, const struct entry *e, struct diag *d);
/* Remove one entry; 1 if there is none. */
int diary_remove(struct diary *, int64_t id, struct diag *d);
/* Remove several entries in one transaction (all or none). */
int diary_remove_many(struct diary *, const int64_t *ids, size_t n,
    struct diag *d);
/* The last `limit` entries logged (highest ids), newest first. */
int diary_recent(struct diary *, size_t limit, struct entry_list *out,
    struct diag *d);

/* How often a food was logged, and when last (UTC seconds). */
struct diary_usage {
	char		*food_id;
	unsigned	 count;
	int64_t		 last;
};
/*
 * How often and when each food was logged over the last 2,000 entries
 * (months of use; a ten-year diary need not be read); caller frees with
 * diary_usage_free.
 */
int diary_usage(struct diary *, struct diary_usage **out, size_t *n,
    struct diag *d);
void diary_usage_free(struct diary_usage *, size_t n);
/* Entries with from <= day <= to, by day then id, appended to out. */
int diary_range(struct diary *, long from, long to, struct entry_list *out,
    struct diag *d);
/* Every entry, by day then id. */
int diary_all(struct diary *, struct entry_list *out, struct diag *d);
/* A number that changes when another connection commits (PRAGMA data_version). */
int diary_data_version(struct diary *, long *out, struct diag *d);
const char *diary_path(const struct diary *);

#endif
