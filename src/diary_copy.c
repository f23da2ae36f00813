/* SPDX-License-Identifier: ISC */
/* Copies of the diary: a backup to a new file, and a restore from one. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "diary.h"
#include "diary_priv.h"
#include "util.h"

/* Write a consistent copy of the diary to dest, never over a file. */
int
diary_backup(struct diary *dy, const char *dest, struct diag *d)
{
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	char *tmp;
	int fd, rc;

	if (access(dest, F_OK) == 0) {
		diag_set(d, NULL, 0, 0, "'%.200s' exists: not overwritten; "
		    "choose a new name", dest);
		return -1;
	}
	tmp = xasprintf("%s.tmp-XXXXXX", dest);
	if ((fd = mkstemp(tmp)) == -1) {
		diag_set(d, NULL, 0, 0, "cannot write '%.200s': %s", dest,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);
	rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(out, "main", dy->db, "main");
		if (b == NULL)
			rc = sqlite3_errcode(out);
		else {
			/* One step: the copy is one consistent snapshot. */
			while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_OK)
				;
			sqlite3_backup_finish(b);
			rc = rc == SQLITE_DONE ? sqlite3_errcode(out) : rc;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL,
		    NULL, NULL);
	if (rc != SQLITE_OK) {
		diag_set(d, NULL, 0, 0, "cannot back up to '%.200s': %s", dest,
		    out != NULL ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
		sqlite3_close(out);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	sqlite3_close(out);
	/* link() fails if dest appeared meanwhile: still never overwritten. */
	if (link(tmp, dest) == -1) {
		diag_set(d, NULL, 0, 0, "cannot write '%.200s': %s", dest,
		    strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	unlink(tmp);
	free(tmp);
	return 0;
}

/* The first row of "PRAGMA quick_check" on db, caller frees; NULL on error. */
static char *
quick_check(sqlite3 *db)
{
	sqlite3_stmt *st;
	const unsigned char *s;
	char *r = NULL;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (s = sqlite3_column_text(st, 0)) != NULL)
		r = xstrdup((const char *)s);
	sqlite3_finalize(st);
	return r;
}

/*
 * Check src before SQLite sees it: named, a regular file (a symbolic link
 * is followed: nothing is written to it) that starts with the SQLite
 * header. 0, or -1 with the reason in d.
 */
static int
source_file(const char *src, struct diag *d)
{
	struct stat sb;
	int fd, rc;

	if (src == NULL || *src == '\0') {
		diag_set(d, NULL, 0, 0, "the file to restore from is not named");
		return -1;
	}
	if (stat(src, &sb) == -1) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", src,
		    strerror(errno));
		return -1;
	}
	if (diary_check_kind(&sb, src, d) == -1)
		return -1;
	fd = open(src, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", src,
		    strerror(errno));
		return -1;
	}
	if ((rc = diary_check_head(fd, src, d)) == -1)
		return -1;
	if (rc == 0) {
		diag_set(d, NULL, 0, 0,
		    "'%.200s' is not a k2diary database (an empty file)", src);
		return -1;
	}
	return 0;
}

/* As diary_open does: every statement of ours must fit db's tables. */
static int
source_fits(sqlite3 *db, const char *src, struct diag *d)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < ST_COUNT; i++) {
		if (sqlite3_prepare_v2(db, diary_stmt_sql(i), -1, &st, NULL) !=
		    SQLITE_OK) {
			diag_set(d, NULL, 0, 0,
			    "'%.200s' is not a k2diary database: %s", src,
			    sqlite3_errmsg(db));
			return -1;
		}
		sqlite3_finalize(st);
	}
	return 0;
}

/*
 * Open src read-only as a diary to restore from: a regular file (a
 * symbolic link is followed: nothing is written to it) with the SQLite
 * header, a k2diary schema this program knows, every statement of ours
 * valid on it, and intact. Its schema version goes to *version. Writes
 * nothing; NULL with the reason in d.
 */
static sqlite3 *
source_open(const char *src, long *version, struct diag *d)
{
	sqlite3 *db = NULL;
	char *check;

	if (source_file(src, d) == -1)
		return NULL;
	if (sqlite3_open_v2(src, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", src,
		    db != NULL ? sqlite3_errmsg(db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db, DIARY_BUSY_MS);
	if (diary_version(db, src, "restored", version, d) == -1)
		goto fail;
	if (*version == 0) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a k2diary database "
		    "(an empty database)", src);
		goto fail;
	}
	if (source_fits(db, src, d) == -1)
		goto fail;
	check = quick_check(db);
	if (check == NULL || strcmp(check, "ok") != 0) {
		diag_set(d, NULL, 0, 0, "'%.200s' is damaged (%.200s): not "
		    "restored", src, check != NULL ? check : sqlite3_errmsg(db));
		free(check);
		goto fail;
	}
	free(check);
	return db;
fail:
	sqlite3_close(db);
	return NULL;
}

/* Check, reading only, that src is a diary that can be restored from. */
int
diary_check_file(const char *src, struct diag *d)
{
	sqlite3 *db;
	long version;

	if ((db = source_open(src, &version, d)) == NULL)
		return -1;
	sqlite3_close(db);
	return 0;
}

/*
 * Copy the database src over the diary (SQLite's online backup) in one
 * write transaction: all of it, or on error nothing. The SQLite result.
 */
static int
diary_copy_in(struct diary *dy, sqlite3 *src)
{
	sqlite3_backup *b;
	int rc;

	b = sqlite3_backup_init(dy->db, "main", src, "main");
	if (b == NULL)
		return sqlite3_errcode(dy->db);
	/* One step: one snapshot of src, one transaction on the diary. */
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Put the copy kept at path back over the diary; -1 if it could not. */
static int
diary_put_back(struct diary *dy, const char *path)
{
	sqlite3 *db = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = diary_copy_in(dy, db);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Replace the diary with the diary file src, keeping a copy until done. */
int
diary_restore_from(struct diary *dy, const char *src, struct diag *d)
{
	struct stat ssb, dsb;
	sqlite3 *s;
	char *keep = NULL;
	long version, spage, dpage;
	int memory, rc;

	memory = strcmp(dy->path, ":memory:") == 0;
	if (src != NULL && !memory && stat(src, &ssb) == 0 &&
	    stat(dy->path, &dsb) == 0 && ssb.st_dev == dsb.st_dev &&
	    ssb.st_ino == dsb.st_ino) {
		diag_set(d, NULL, 0, 0, "'%.200s' is the diary itself: nothing "
		    "to restore", src);
		return -1;
	}
	if ((s = source_open(src, &version, d)) == NULL)
		return -1;
	/* SQLite cannot change the page size of a WAL database. */
	if (diary_query_int(s, "PRAGMA page_size", &spage) == -1 ||
	    diary_query_int(dy->db, "PRAGMA page_size", &dpage) == -1) {
		diag_set(d, NULL, 0, 0, "cannot restore '%.200s': %s", src,
		    sqlite3_errmsg(s));
		goto fail;
	}
	if (spage != dpage) {
		diag_set(d, NULL, 0, 0, "cannot restore '%.200s': its page size "
		    "(%ld bytes) is not the diary's (%ld): not restored", src,
		    spage, dpage);
		goto fail;
	}
	if (!memory) {
		keep = xasprintf("%s.before-restore", dy->path);
		if (access(keep, F_OK) == 0) {
			diag_set(d, NULL, 0, 0, "'%.200s' exists (left by a "
			    "restore that did not finish?): move it away, then "
			    "restore again", keep);
			goto fail;
		}
		if (diary_backup(dy, keep, d) == -1)
			goto fail;
	}
	if ((rc = diary_copy_in(dy, s)) != SQLITE_OK) {
		diag_set(d, dy->path, 0, 0, "cannot restore '%.200s': %s; the "
		    "diary is as it was", src, sqlite3_errstr(rc));
		if (keep != NULL)
			unlink(keep);
		goto fail;
	}
	sqlite3_close(s);
	s = NULL;
	if (version < DIARY_SCHEMA_VERSION &&
	    diary_migrate(dy, dy->path, d) == -1) {
		if (keep == NULL || diary_put_back(dy, keep) == -1) {
			if (keep != NULL)
				diag_set(d, dy->path, 0, 0, "cannot update the "
				    "restored diary to schema %d; the previous "
				    "diary is in '%.200s'", DIARY_SCHEMA_VERSION,
				    keep);
			free(keep);
			return -1;
		}
		diag_set(d, dy->path, 0, 0, "cannot update '%.200s' to schema "
		    "%d; the diary is as it was", src, DIARY_SCHEMA_VERSION);
		goto fail_keep;
	}
	/* Restored: the file alone holds it all, then the copy can go. */
	diary_checkpoint(dy, NULL);
	if (keep != NULL)
		unlink(keep);
	free(keep);
	return 0;
fail_keep:
	unlink(keep);
fail:
	sqlite3_close(s);
	free(keep);
	return -1;
}
