/* SPDX-License-Identifier: ISC */
/* Opening and closing the diary file: its checks, schema and migration. */
#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "diary.h"
#include "diary_priv.h"
#include "util.h"

/*
 * The migrations: migrations[i] takes the schema from version i to i + 1
 * and sets user_version itself, inside the one transaction that runs it.
 * Schema 3 is one more element here.
 */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE entry ("
	"  id INTEGER PRIMARY KEY,"
	"  day INTEGER NOT NULL,"		/* days since 1970-01-01 */
	"  logged_at INTEGER NOT NULL,"		/* UTC seconds */
	"  food_id TEXT NOT NULL,"
	"  food_name TEXT NOT NULL,"
	"  serving TEXT NOT NULL,"
	"  grams REAL CHECK (grams > 0),"	/* NULL when unknown */
	"  servings REAL NOT NULL CHECK (servings > 0),"
	"  quantity REAL NOT NULL CHECK (quantity > 0),"
	"  k2_ug REAL,"				/* nutrients: NULL when unknown */
	"  mk4_ug REAL,"
	"  mk7_ug REAL,"
	"  mk_other_ug REAL,"
	"  k1_ug REAL,"
	"  sat_fat_g REAL,"
	"  sodium_mg REAL,"
	"  kcal REAL"
	");"
	"CREATE INDEX entry_day ON entry (day, id);"
	"PRAGMA user_version = 1;",
	/*
	 * 1 -> 2: ids are never used twice (AUTOINCREMENT), so an id a
	 * script or an undo holds cannot come to mean another entry after
	 * the newest one was removed.
	 */
	"CREATE TABLE entry_v2 ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  day INTEGER NOT NULL,"
	"  logged_at INTEGER NOT NULL,"
	"  food_id TEXT NOT NULL,"
	"  food_name TEXT NOT NULL,"
	"  serving TEXT NOT NULL,"
	"  grams REAL CHECK (grams > 0),"
	"  servings REAL NOT NULL CHECK (servings > 0),"
	"  quantity REAL NOT NULL CHECK (quantity > 0),"
	"  k2_ug REAL,"
	"  mk4_ug REAL,"
	"  mk7_ug REAL,"
	"  mk_other_ug REAL,"
	"  k1_ug REAL,"
	"  sat_fat_g REAL,"
	"  sodium_mg REAL,"
	"  kcal REAL"
	");"
	"INSERT INTO entry_v2 (id, day, logged_at, food_id, food_name, serving,"
	"  grams, servings, quantity, k2_ug, mk4_ug, mk7_ug, mk_other_ug,"
	"  k1_ug, sat_fat_g, sodium_mg, kcal)"
	" SELECT id, day, logged_at, food_id, food_name, serving, grams,"
	"  servings, quantity, k2_ug, mk4_ug, mk7_ug, mk_other_ug, k1_ug,"
	"  sat_fat_g, sodium_mg, kcal FROM entry;"
	"DROP TABLE entry;"
	"ALTER TABLE entry_v2 RENAME TO entry;"
	"CREATE INDEX entry_day ON entry (day, id);"
	"PRAGMA user_version = 2;",
};

_Static_assert(ARRAY_LEN(migrations) == DIARY_SCHEMA_VERSION,
    "one migration per schema version");

/* Create one folder with mode 0700, or accept an existing one as it is. */
static int
make_folder(const char *dir, struct diag *d)
{
	struct stat sb;

	if (stat(dir, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return 0;
		errno = ENOTDIR;
		goto fail;
	}
	if (errno != ENOENT)
		goto fail;
	if (mkdir(dir, 0700) == -1) {
		if (errno == EEXIST && stat(dir, &sb) == 0 &&
		    S_ISDIR(sb.st_mode))
			return 0;
		goto fail;
	}
	/* mkdir's mode passes through the umask; the folder must be 0700. */
	if (chmod(dir, 0700) == -1)
		goto fail;
	return 0;
fail:
	diag_set(d, NULL, 0, 0, "cannot create folder '%.200s': %s", dir,
	    strerror(errno));
	return -1;
}

/* Create the missing folders above path, like mkdir -p. */
static int
make_folders(const char *path, struct diag *d)
{
	char *dir, *p, c;
	int rc = 0;

	dir = xstrdup(path);
	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		rc = make_folder(dir, d);
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return rc;
}

/* The first 16 bytes of every SQLite database file. */
static const char magic[16] = "SQLite format 3";

/* Read up to len bytes from the start of fd. */
static ssize_t
read_head(int fd, char *buf, size_t len)
{
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		n = read(fd, buf + got, len - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* Refuse a folder or what is not a regular file. */
int
diary_check_kind(const struct stat *sb, const char *path, struct diag *d)
{
	if (S_ISDIR(sb->st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is a folder, not a diary file",
		    path);
		return -1;
	}
	if (!S_ISREG(sb->st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a regular file", path);
		return -1;
	}
	return 0;
}

/* Read and close fd: 1 for SQLite's header, 0 for an empty file, else -1. */
int
diary_check_head(int fd, const char *path, struct diag *d)
{
	char head[sizeof magic];
	ssize_t n;
	int e;

	n = read_head(fd, head, sizeof head);
	e = errno;
	close(fd);
	if (n == -1) {
		diag_set(d, NULL, 0, 0, "cannot read '%.200s': %s", path,
		    strerror(e));
		return -1;
	}
	if (n == 0)
		return 0;
	if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0) {
		diag_set(d, NULL, 0, 0,
		    "'%.200s' is not a k2diary database (not SQLite)", path);
		return -1;
	}
	return 1;
}

/* Create the missing file path 0600, and its folders 0700. */
static int
file_create(const char *path, struct diag *d)
{
	int fd, e;

	if (make_folders(path, d) == -1)
		return -1;
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC |
	    O_NOFOLLOW, 0600);
	if (fd == -1) {
		diag_set(d, NULL, 0, 0, "cannot create '%.200s': %s", path,
		    strerror(errno));
		return -1;
	}
	/* The umask may have taken bits away: a diary is 0600. */
	if (fchmod(fd, 0600) == -1) {
		e = errno;
		close(fd);
		unlink(path);
		diag_set(d, NULL, 0, 0, "cannot create '%.200s': %s", path,
		    strerror(e));
		return -1;
	}
	close(fd);
	return 0;
}

/*
 * Check path before SQLite sees it: when missing, create it 0600 (and its
 * folders 0700) if create is set, else fail with "no diary at PATH";
 * otherwise it must be a regular file that is empty or starts with the
 * SQLite header. Nothing is written to an existing file.
 */
static int
diary_file(const char *path, int create, int *created, struct diag *d)
{
	struct stat sb;
	int fd;

	*created = 0;
	if (lstat(path, &sb) == -1) {
		/* ENOTDIR: a file where a folder should be, told below. */
		if (errno != ENOENT && errno != ENOTDIR) {
			diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", path,
			    strerror(errno));
			return -1;
		}
		if (!create) {
			diag_set(d, NULL, 0, 0, "no diary at %.480s", path);
			return -1;
		}
		if (file_create(path, d) == -1)
			return -1;
		*created = 1;
		return 0;
	}
	if (S_ISLNK(sb.st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is a symbolic link: not opened",
		    path);
		return -1;
	}
	if (diary_check_kind(&sb, path, d) == -1)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd == -1) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", path,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		close(fd);
		diag_set(d, NULL, 0, 0, "'%.200s' is not a regular file", path);
		return -1;
	}
	return diary_check_head(fd, path, d) == -1 ? -1 : 0;
}

/*
 * Make path plus suffix (the -wal and -shm files) 0600 when it exists.
 * chmod and not open: closing any descriptor of a file SQLite has open
 * would drop SQLite's POSIX locks on it.
 */
static void
diary_fix_mode(const char *path, const char *suffix)
{
	struct stat sb;
	char *p;

	p = xasprintf("%s%s", path, suffix);
	if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_mode & 07777) != 0600)
		chmod(p, 0600);
	free(p);
}

/*
 * The schema version of db, refusing what is not ours or newer (that
 * message ends "not " verb). Reads only.
 */
int
diary_version(sqlite3 *db, const char *path, const char *verb, long *out,
    struct diag *d)
{
	long version, tables;

	if (diary_query_int(db, "PRAGMA user_version", &version) == -1 ||
	    diary_query_int(db, "SELECT count(*) FROM sqlite_master",
	    &tables) == -1) {
		int sys = sqlite3_system_errno(db);
		diag_set(d, NULL, 0, 0, "cannot read '%.200s': %s%s%s%s", path,
		    sqlite3_errmsg(db), sys ? " (" : "",
		    sys ? strerror(sys) : "", sys ? ")" : "");
		return -1;
	}
	if (version > DIARY_SCHEMA_VERSION) {
		diag_set(d, NULL, 0, 0, "'%.200s' was written by a newer k2diary "
		    "(schema %ld, this one knows %d): not %s", path,
		    version, DIARY_SCHEMA_VERSION, verb);
		return -1;
	}
	if (version < 0) {
		diag_set(d, NULL, 0, 0,
		    "'%.200s' is not a k2diary database (schema %ld)", path,
		    version);
		return -1;
	}
	if (version == 0 && tables != 0) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a k2diary database "
		    "(it has tables but no schema version)", path);
		return -1;
	}
	/* A schema version alone proves nothing: the table must be there. */
	if (version > 0 && (diary_query_int(db, "SELECT count(*) FROM "
	    "sqlite_master WHERE type = 'table' AND name = 'entry'",
	    &tables) == -1 || tables != 1)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a k2diary database (it "
		    "has a schema version but no diary table)", path);
		return -1;
	}
	*out = version;
	return 0;
}

/* WAL, full sync, foreign keys. */
static int
diary_setup(struct diary *dy, const char *path, int memory, struct diag *d)
{
	sqlite3_stmt *st;
	const unsigned char *mode;
	int ok;

	if (sqlite3_prepare_v2(dy->db, "PRAGMA journal_mode = WAL", -1, &st,
	    NULL) != SQLITE_OK)
		goto fail;
	ok = sqlite3_step(st) == SQLITE_ROW;
	mode = ok ? sqlite3_column_text(st, 0) : NULL;
	if (mode == NULL) {
		diag_set(d, NULL, 0, 0, "cannot set up '%.200s': %s", path,
		    sqlite3_errmsg(dy->db));
		sqlite3_finalize(st);
		return -1;
	}
	if (strcmp((const char *)mode, memory ? "memory" : "wal") != 0) {
		diag_set(d, NULL, 0, 0,
		    "cannot set up '%.200s': journal mode is '%.200s', not 'wal'",
		    path, (const char *)mode);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (sqlite3_exec(dy->db, "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	/*
	 * SQLite's own checkpoint at close runs only for the last
	 * connection and then deletes the -wal and -shm files, to be made
	 * again by the next open. diary_close folds the WAL itself, and only
	 * when the -wal file holds something (SQLite also checkpoints on its
	 * own once the WAL reaches 1000 pages).
	 */
	sqlite3_db_config(dy->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	return 0;
fail:
	diag_set(d, NULL, 0, 0, "cannot set up '%.200s': %s", path,
	    sqlite3_errmsg(dy->db));
	return -1;
}

/* Bring the schema up to DIARY_SCHEMA_VERSION in one transaction. */
int
diary_migrate(struct diary *dy, const char *path, struct diag *d)
{
	long version;
	size_t i;

	if (sqlite3_exec(dy->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		goto fail;
	/* Read again under the write lock: another process may have won. */
	if (diary_query_int(dy->db, "PRAGMA user_version", &version) == -1)
		goto fail;
	if (version > DIARY_SCHEMA_VERSION) {
		sqlite3_exec(dy->db, "ROLLBACK", NULL, NULL, NULL);
		diag_set(d, NULL, 0, 0, "'%.200s' was written by a newer k2diary "
		    "(schema %ld, this one knows %d): not opened", path,
		    version, DIARY_SCHEMA_VERSION);
		return -1;
	}
	for (i = (size_t)version; i < ARRAY_LEN(migrations); i++)
		if (sqlite3_exec(dy->db, migrations[i], NULL, NULL, NULL) !=
		    SQLITE_OK)
			goto fail;
	if (sqlite3_exec(dy->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	return 0;
fail:
	diag_set(d, NULL, 0, 0, "cannot update '%.200s' to schema %d: %s", path,
	    DIARY_SCHEMA_VERSION, sqlite3_errmsg(dy->db));
	if (!sqlite3_get_autocommit(dy->db))
		sqlite3_exec(dy->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Finalize the statements and close the connection. */
static void
diary_free(struct diary *dy)
{
	size_t i;
	int rc;

	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(dy->st[i]);
	rc = sqlite3_close(dy->db);
	assert(rc == SQLITE_OK);
	(void)rc;
	free(dy->path);
	free(dy);
}

/* Open the diary at path (":memory:" in memory), creating it if asked. */
static struct diary *
diary_open_file(const char *path, int create, struct diag *d)
{
	struct diary *dy;
	long version;
	int created = 0, memory, flags;

	if (path == NULL || *path == '\0') {
		diag_set(d, NULL, 0, 0, "the diary file name is empty");
		return NULL;
	}
	memory = strcmp(path, ":memory:") == 0;
	if (!memory && diary_file(path, create, &created, d) == -1)
		return NULL;

	dy = xcalloc(1, sizeof *dy);
	dy->path = xstrdup(path);
	/* One thread uses a connection: no SQLite mutex on every column read. */
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
#ifdef SQLITE_OPEN_NOFOLLOW
	flags |= SQLITE_OPEN_NOFOLLOW;
#endif
	if (sqlite3_open_v2(path, &dy->db, flags, NULL) != SQLITE_OK) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", path,
		    dy->db != NULL ? sqlite3_errmsg(dy->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(dy->db, DIARY_BUSY_MS);
	/*
	 * Before the first read: a read of a WAL database would leave -wal
	 * and -shm files that a read-only connection cannot remove.
	 */
	if (sqlite3_db_readonly(dy->db, "main") == 1) {
		diag_set(d, NULL, 0, 0, "'%.200s' is read-only (the file and its "
		    "folder must be writable): not opened", path);
		goto fail;
	}
	/* Nothing is written before the version is known to be ours. */
	if (diary_version(dy->db, path, "opened", &version, d) == -1)
		goto fail;
	if (diary_setup(dy, path, memory, d) == -1)
		goto fail;
	if (version < DIARY_SCHEMA_VERSION &&
	    diary_migrate(dy, path, d) == -1)
		goto fail;
	if (!memory) {
		diary_fix_mode(path, "-wal");
		diary_fix_mode(path, "-shm");
	}

	/*
	 * The others wait for their first use; this one names every column,
	 * so a table of another program that happens to be called entry is
	 * refused here.
	 */
	if (sqlite3_prepare_v3(dy->db, diary_stmt_sql(ST_RANGE), -1,
	    SQLITE_PREPARE_PERSISTENT, &dy->st[ST_RANGE], NULL) != SQLITE_OK) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a k2diary database: %s",
		    path, sqlite3_errmsg(dy->db));
		goto fail;
	}
	return dy;
fail:
	if (dy->db != NULL)
		diary_free(dy);
	else {
		free(dy->path);
		free(dy);
	}
	if (created)
		unlink(path);
	return NULL;
}

/* Open the diary at path, creating it (and its folders) when missing. */
struct diary *
diary_open(const char *path, struct diag *d)
{
	return diary_open_file(path, 1, d);
}

/* Open the diary at path; a missing one is an error, and nothing is made. */
struct diary *
diary_open_existing(const char *path, struct diag *d)
{
	return diary_open_file(path, 0, d);
}

/* Fold the WAL into the diary file and truncate it to nothing. */
int
diary_checkpoint(struct diary *dy, struct diag *d)
{
	int rc;

	rc = sqlite3_wal_checkpoint_v2(dy->db, "main",
	    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	if (rc != SQLITE_OK) {
		diary_fail(dy, "fold the WAL into the diary file", d);
		return -1;
	}
	return 0;
}

/* Whether the diary's -wal file holds anything (frames, or a header). */
static int
diary_wal_used(const struct diary *dy)
{
	struct stat sb;
	char *p;
	int used;

	if (strcmp(dy->path, ":memory:") == 0)
		return 0;
	p = xasprintf("%s-wal", dy->path);
	used = lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0;
	free(p);
	return used;
}

/* Close the diary, leaving nothing committed only in the WAL. */
void
diary_close(struct diary *dy)
{
	if (dy == NULL)
		return;
	/*
	 * An empty -wal file means nothing to fold: quitting after only
	 * reading costs a stat. A failure leaves the WAL as it is: every
	 * commit in it is durable, and the next close folds it.
	 */
	if (diary_wal_used(dy))
		diary_checkpoint(dy, NULL);
	diary_free(dy);
}
