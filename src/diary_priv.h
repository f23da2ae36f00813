/* SPDX-License-Identifier: ISC */
/* What the diary's files share: the handle, its statements, the checks. */
#ifndef K2_DIARY_PRIV_H
#define K2_DIARY_PRIV_H

#include <sys/stat.h>

#include "diag.h"
#include "diary.h"

/*
 * The store (diary.c) keeps the entries; diary_open.c opens, checks,
 * migrates and closes the file; diary_copy.c backs up and restores. Only
 * those three include <sqlite3.h>: here its handles are named by their
 * struct tags, which are the types sqlite3 and sqlite3_stmt.
 */
struct sqlite3;
struct sqlite3_stmt;

/* How long a change waits for another writer before giving up. */
#define DIARY_BUSY_MS 5000

/* The prepared statements, one of each per open diary. */
enum stmt {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_INSERT,
	ST_RESTORE,
	ST_GET,
	ST_UPDATE,
	ST_DELETE,
	ST_RANGE,
	ST_ALL,
	ST_DATA_VERSION,
	ST_RECENT,
	ST_USAGE,
	ST_COUNT
};

struct diary {
	struct sqlite3		*db;
	char			*path;
	struct sqlite3_stmt	*st[ST_COUNT];
};

/* diary.c */
/* The SQL of statement s, made once; borrowed for the run. */
const char *diary_stmt_sql(enum stmt s);
/* Prepare statement s if it is not yet: 0, or -1 with the error in d. */
int diary_need(struct diary *dy, enum stmt s, struct diag *d);
/* Report the connection's last error in d as "cannot WHAT: sqlite message". */
void diary_fail(struct diary *dy, const char *what, struct diag *d);
/* Run a one-row, one-column query for an integer: 0, or -1 on any error. */
int diary_query_int(struct sqlite3 *db, const char *sql, long *out);

/* diary_open.c */
/*
 * Refuse what sb (of path) says is a folder or not a regular file: 0, or
 * -1 with the reason in d.
 */
int diary_check_kind(const struct stat *sb, const char *path,
    struct diag *d);
/*
 * Read the start of the open file fd (named path), then close fd: 1 when
 * it is SQLite's header, 0 when the file is empty, -1 with the reason in
 * d when it is something else or cannot be read.
 */
int diary_check_head(int fd, const char *path, struct diag *d);
/*
 * The schema version of db (named path) to *out, refusing what is not
 * ours or newer (that message ends "not " verb). Reads only; -1 with the
 * reason in d.
 */
int diary_version(struct sqlite3 *db, const char *path, const char *verb,
    long *out, struct diag *d);
/*
 * Bring the schema up to DIARY_SCHEMA_VERSION in one transaction: 0, or
 * -1 with the reason in d and the transaction rolled back.
 */
int diary_migrate(struct diary *dy, const char *path, struct diag *d);

#endif
