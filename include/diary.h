/* SPDX-License-Identifier: ISC */
/* The diary store (SQLite), behind an opaque handle. */
#ifndef K2_DIARY_H
#define K2_DIARY_H

#include <stdint.h>
#include "diag.h"
#include "entry.h"

#define DIARY_SCHEMA_VERSION 1

struct diary;

/*
 * Open (creating folders 0700 and the file 0600) and migrate. A database
 * of a newer schema is refused and left untouched. Returns NULL with the
 * reason in d.
 */
struct diary *diary_open(const char *path, struct diag *d);
void diary_close(struct diary *);
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
