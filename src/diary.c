/* SPDX-License-Identifier: ISC */
/* The diary store: entries in SQLite, a versioned schema, one transaction per change. */
#include <sys/stat.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "diary.h"
#include "record.h"
#include "util.h"

/* How long a change waits for another writer before giving up. */
#define DIARY_BUSY_MS 5000

/*
 * The migrations: migrations[i] takes the schema from version i to i + 1
 * and sets user_version itself, inside the one transaction that runs it.
 * Schema 2 is one more element here.
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
};

_Static_assert(ARRAY_LEN(migrations) == DIARY_SCHEMA_VERSION,
    "one migration per schema version");

/*
 * Every statement that reads or writes entries names the record's columns
 * (record.c: the one list, in export order, id first) and binds them as
 * numbered parameters: ?1 ... ?16 the columns after id, ?17 the id. The
 * SELECTs return id first, then those columns, so column i is record
 * column i. The templates below say where: %C the columns, %P the
 * parameters, %U an edit's "column = ?i" list, %I the id's parameter.
 */
#define PARAM_ID 17

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

static const char *const stmt_template[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_INSERT] = "INSERT INTO entry (%C) VALUES (%P)",
	[ST_RESTORE] = "INSERT INTO entry (%C, id) VALUES (%P, %I)",
	[ST_GET] = "SELECT id, %C FROM entry WHERE id = ?1",
	/* The day and the food stay as logged: the rest is bound. */
	[ST_UPDATE] = "UPDATE entry SET %U WHERE id = %I",
	[ST_DELETE] = "DELETE FROM entry WHERE id = ?1",
	[ST_RANGE] = "SELECT id, %C FROM entry "
	    "WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id",
	[ST_ALL] = "SELECT id, %C FROM entry ORDER BY day, id",
	[ST_DATA_VERSION] = "PRAGMA data_version",
	[ST_RECENT] = "SELECT id, %C FROM entry ORDER BY id DESC LIMIT ?1",
	/* The last 2,000 entries (months of use): cheap on a ten-year diary. */
	[ST_USAGE] = ("SELECT food_id, count(*), max(logged_at) FROM "
	    "(SELECT food_id, logged_at FROM entry ORDER BY id DESC "
	    "LIMIT 2000) GROUP BY food_id"),
};

/* Does an edit change this column (not the day, the time or the food)? */
static bool
edited(const struct record_column *c)
{
	return c->kind != REC_ID && c->kind != REC_DAY &&
	    c->kind != REC_TIME && (c->kind != REC_TEXT ||
	    strcmp(c->name, "serving") == 0);
}

/* A statement's SQL, made once from its template and the record's columns. */
static const char *
stmt_sql(enum stmt s)
{
	static char *made[ST_COUNT];
	const struct record_column *col;
	const char *t;
	char *buf = NULL, num[16];
	size_t n, i, len;
	FILE *fp;

	if (made[s] != NULL)
		return made[s];
	col = record_columns(&n);
	_Static_assert(PARAM_ID == 17, "16 columns after the id");
	if ((fp = open_memstream(&buf, &len)) == NULL)
		die("out of memory");
	for (t = stmt_template[s]; *t != '\0'; t++) {
		if (t[0] != '%') {
			fputc(*t, fp);
			continue;
		}
		switch (*++t) {
		case 'C':
			for (i = 1; i < n; i++)
				fprintf(fp, "%s%s", i > 1 ? ", " : "",
				    col[i].name);
			break;
		case 'P':
			for (i = 1; i < n; i++)
				fprintf(fp, "%s?%zu", i > 1 ? ", " : "", i);
			break;
		case 'U':
			for (i = 1, num[0] = '\0'; i < n; i++) {
				if (!edited(&col[i]))
					continue;
				fprintf(fp, "%s%s = ?%zu", num, col[i].name, i);
				snprintf(num, sizeof num, ", ");
			}
			break;
		case 'I':
			fprintf(fp, "?%d", PARAM_ID);
			break;
		}
	}
	fclose(fp);
	made[s] = buf;
	return buf;
}

struct diary {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*st[ST_COUNT];
};

/* Report the connection's last error as "cannot WHAT: sqlite message". */
static void
diary_fail(struct diary *dy, const char *what, struct diag *d)
{
	int code = sqlite3_errcode(dy->db) & 0xff;
	int sys = sqlite3_system_errno(dy->db);

	/* "disk I/O error" alone hides "No space left on device". */
	if (sys != 0 && (code == SQLITE_IOERR || code == SQLITE_FULL ||
	    code == SQLITE_CANTOPEN))
		diag_set(d, dy->path, 0, 0, "cannot %s: %s (%s)", what,
		    sqlite3_errmsg(dy->db), strerror(sys));
	else
		diag_set(d, dy->path, 0, 0, "cannot %s: %s", what,
		    sqlite3_errmsg(dy->db));
}

/* Make the statement ready for its next use. */
static void
stmt_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Step a statement that returns no row; the error is left in d. */
static int
diary_exec(struct diary *dy, enum stmt s, const char *what, struct diag *d)
{
	int rc;

	rc = sqlite3_step(dy->st[s]);
	if (rc != SQLITE_DONE)
		diary_fail(dy, what, d);
	stmt_done(dy->st[s]);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Undo the open transaction, if there is one (the error is already told). */
static void
diary_rollback(struct diary *dy)
{
	if (sqlite3_get_autocommit(dy->db))
		return;
	sqlite3_step(dy->st[ST_ROLLBACK]);
	stmt_done(dy->st[ST_ROLLBACK]);
}

/* Commit, or roll back and report. */
static int
diary_commit(struct diary *dy, const char *what, struct diag *d)
{
	if (diary_exec(dy, ST_COMMIT, what, d) == -1) {
		diary_rollback(dy);
		return -1;
	}
	return 0;
}

/* Refuse numbers SQLite would store as NULL (NaN) or that mean nothing. */
static int
entry_check(struct diary *dy, const struct entry *e, const char *what,
    struct diag *d)
{
	int k;

	if (!isfinite(e->grams) || !isfinite(e->servings) ||
	    !isfinite(e->quantity))
		goto bad;
	for (k = 0; k < NUT_COUNT; k++)
		if (nutrients_has(&e->nut, k) && !isfinite(e->nut.v[k]))
			goto bad;
	return 0;
bad:
	diag_set(d, dy->path, 0, 0,
	    "cannot %s: '%.200s' has an amount or nutrient that is not a number",
	    what, e->food_name != NULL ? e->food_name : "");
	return -1;
}

/* Bind text; a NULL string binds NULL (and meets NOT NULL). */
static int
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Bind parameters ?1 to ?17 from e; the strings must outlive the step. */
static int
bind_entry(sqlite3_stmt *st, const struct entry *e)
{
	const struct record_column *col;
	size_t n, i;
	double v;
	int rc = SQLITE_OK, p;

	col = record_columns(&n);
	for (i = 1; rc == SQLITE_OK && i < n; i++) {
		p = (int)i;
		switch (col[i].kind) {
		case REC_DAY:
			rc = sqlite3_bind_int64(st, p, e->day);
			break;
		case REC_TIME:
			rc = sqlite3_bind_int64(st, p, e->logged_at);
			break;
		case REC_TEXT:
			rc = bind_text(st, p, record_get_text(&col[i], e));
			break;
		default:
			/* NULL when unknown (a grams of 0, a nutrient). */
			rc = record_get_number(&col[i], e, &v) ?
			    sqlite3_bind_double(st, p, v) :
			    sqlite3_bind_null(st, p);
			break;
		}
	}
	if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) >= PARAM_ID)
		rc = sqlite3_bind_int64(st, PARAM_ID, e->id);
	return rc;
}

/* A copy of a text column ("" for NULL). */
static char *
column_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return xstrdup(s != NULL ? (const char *)s : "");
}

/* Fill e from the current row; NULL nutrients stay unknown. */
static void
read_entry(sqlite3_stmt *st, struct entry *e)
{
	const struct record_column *col;
	size_t n, i;
	int c;

	memset(e, 0, sizeof *e);
	col = record_columns(&n);
	e->id = sqlite3_column_int64(st, 0);
	for (i = 1; i < n; i++) {
		c = (int)i;
		switch (col[i].kind) {
		case REC_DAY:
			e->day = (long)sqlite3_column_int64(st, c);
			break;
		case REC_TIME:
			e->logged_at = sqlite3_column_int64(st, c);
			break;
		case REC_TEXT:
			record_set_text(&col[i], e, column_text(st, c));
			break;
		default:
			if (sqlite3_column_type(st, c) != SQLITE_NULL)
				record_set_number(&col[i], e,
				    sqlite3_column_double(st, c));
			break;
		}
	}
}

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
	char head[sizeof magic];
	ssize_t n;
	int fd, e;

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
		*created = 1;
		return 0;
	}
	if (S_ISLNK(sb.st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is a symbolic link: not opened",
		    path);
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is a folder, not a diary file",
		    path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a regular file", path);
		return -1;
	}
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
	n = read_head(fd, head, sizeof head);
	e = errno;
	close(fd);
	if (n == -1) {
		diag_set(d, NULL, 0, 0, "cannot read '%.200s': %s", path,
		    strerror(e));
		return -1;
	}
	if (n != 0 && (n != (ssize_t)sizeof head ||
	    memcmp(head, magic, sizeof magic) != 0)) {
		diag_set(d, NULL, 0, 0,
		    "'%.200s' is not a k2diary database (not SQLite)", path);
		return -1;
	}
	return 0;
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

/* Run a one-row, one-column query for an integer. */
static int
query_int(sqlite3 *db, const char *sql, long *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * The schema version of db, refusing what is not ours or newer (that
 * message ends "not " verb). Reads only.
 */
static int
diary_version(sqlite3 *db, const char *path, const char *verb, long *out,
    struct diag *d)
{
	long version, tables;

	if (query_int(db, "PRAGMA user_version", &version) == -1 ||
	    query_int(db, "SELECT count(*) FROM sqlite_master",
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
	if (version > 0 && (query_int(db, "SELECT count(*) FROM "
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
static int
diary_migrate(struct diary *dy, const char *path, struct diag *d)
{
	long version;
	size_t i;

	if (sqlite3_exec(dy->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		goto fail;
	/* Read again under the write lock: another process may have won. */
	if (query_int(dy->db, "PRAGMA user_version", &version) == -1)
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
	size_t i;
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

	for (i = 0; i < ST_COUNT; i++) {
		if (sqlite3_prepare_v3(dy->db, stmt_sql(i), -1,
		    SQLITE_PREPARE_PERSISTENT, &dy->st[i], NULL) != SQLITE_OK) {
			diag_set(d, NULL, 0, 0,
			    "'%.200s' is not a k2diary database: %s", path,
			    sqlite3_errmsg(dy->db));
			goto fail;
		}
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

/* Insert e with the prepared statement s inside the open transaction. */
static int
diary_insert(struct diary *dy, enum stmt s, const struct entry *e,
    const char *what, struct diag *d)
{
	if (entry_check(dy, e, what, d) == -1)
		return -1;
	if (bind_entry(dy->st[s], e) != SQLITE_OK) {
		diary_fail(dy, what, d);
		stmt_done(dy->st[s]);
		return -1;
	}
	return diary_exec(dy, s, what, d);
}

/* Store e in one transaction and set its id. */
int
diary_add(struct diary *dy, struct entry *e, struct diag *d)
{
	return diary_add_many(dy, e, 1, d);
}

/* Store n entries in one transaction, all or none; set their ids. */
int
diary_add_many(struct diary *dy, struct entry *v, size_t n, struct diag *d)
{
	const char *what = n == 1 ? "add entry" : "add entries";
	size_t i;

	if (n == 0)
		return 0;
	if (diary_exec(dy, ST_BEGIN, what, d) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (diary_insert(dy, ST_INSERT, &v[i], what, d) == -1)
			goto fail;
		v[i].id = sqlite3_last_insert_rowid(dy->db);
	}
	if (diary_commit(dy, what, d) == -1)
		goto fail;
	return 0;
fail:
	diary_rollback(dy);
	while (i > 0)
		v[--i].id = 0;
	return -1;
}

/* Put e back with its own id. */
int
diary_restore(struct diary *dy, const struct entry *e, struct diag *d)
{
	if (diary_exec(dy, ST_BEGIN, "restore entry", d) == -1)
		return -1;
	if (diary_insert(dy, ST_RESTORE, e, "restore entry", d) == -1) {
		diary_rollback(dy);
		return -1;
	}
	return diary_commit(dy, "restore entry", d);
}

/* Load entry id into out; 1 if there is none. */
int
diary_get(struct diary *dy, int64_t id, struct entry *out, struct diag *d)
{
	sqlite3_stmt *st = dy->st[ST_GET];
	int rc;

	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
		diary_fail(dy, "read entry", d);
		stmt_done(st);
		return -1;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_entry(st, out);
	else if (rc == SQLITE_DONE)
		diag_set(d, dy->path, 0, 0, "no entry with id %lld",
		    (long long)id);
	else
		diary_fail(dy, "read entry", d);
	stmt_done(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Run a one-row change (update, delete) in its own transaction. */
static int
diary_change(struct diary *dy, enum stmt s, int64_t id, const char *what,
    struct diag *d)
{
	int changed;

	if (diary_exec(dy, ST_BEGIN, what, d) == -1) {
		stmt_done(dy->st[s]);
		return -1;
	}
	if (diary_exec(dy, s, what, d) == -1) {
		diary_rollback(dy);
		return -1;
	}
	changed = sqlite3_changes(dy->db);
	if (diary_commit(dy, what, d) == -1)
		return -1;
	if (changed == 0) {
		diag_set(d, dy->path, 0, 0, "no entry with id %lld",
		    (long long)id);
		return 1;
	}
	return 0;
}

/* Replace the amount and nutrients of entry e->id; 1 if there is none. */
int
diary_update(struct diary *dy, const struct entry *e, struct diag *d)
{
	if (entry_check(dy, e, "change entry", d) == -1)
		return -1;
	if (bind_entry(dy->st[ST_UPDATE], e) != SQLITE_OK) {
		diary_fail(dy, "change entry", d);
		stmt_done(dy->st[ST_UPDATE]);
		return -1;
	}
	return diary_change(dy, ST_UPDATE, e->id, "change entry", d);
}

/* Remove entry id; 1 if there is none. */
int
diary_remove(struct diary *dy, int64_t id, struct diag *d)
{
	if (sqlite3_bind_int64(dy->st[ST_DELETE], 1, id) != SQLITE_OK) {
		diary_fail(dy, "remove entry", d);
		stmt_done(dy->st[ST_DELETE]);
		return -1;
	}
	return diary_change(dy, ST_DELETE, id, "remove entry", d);
}

/* Append the rows of a bound SELECT to out; on error out is as it was. */
static int
diary_select(struct diary *dy, sqlite3_stmt *st, struct entry_list *out,
    struct diag *d)
{
	struct entry e;
	size_t n0 = out->n;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_entry(st, &e);
		entry_list_push(out, &e);
	}
	if (rc != SQLITE_DONE) {
		diary_fail(dy, "read entries", d);
		while (out->n > n0)
			entry_release(&out->v[--out->n]);
	}
	stmt_done(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Append the entries with from <= day <= to, by day then id. */
int
diary_range(struct diary *dy, long from, long to, struct entry_list *out,
    struct diag *d)
{
	sqlite3_stmt *st = dy->st[ST_RANGE];

	if (sqlite3_bind_int64(st, 1, from) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, to) != SQLITE_OK) {
		diary_fail(dy, "read entries", d);
		stmt_done(st);
		return -1;
	}
	return diary_select(dy, st, out, d);
}

/* Append every entry, by day then id. */
int
diary_all(struct diary *dy, struct entry_list *out, struct diag *d)
{
	return diary_select(dy, dy->st[ST_ALL], out, d);
}

/* PRAGMA data_version: changes when another connection commits. */
int
diary_data_version(struct diary *dy, long *out, struct diag *d)
{
	sqlite3_stmt *st = dy->st[ST_DATA_VERSION];
	int rc;

	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	else
		diary_fail(dy, "read the data version", d);
	stmt_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* The path the diary was opened with. */
const char *
diary_path(const struct diary *dy)
{
	return dy->path;
}

/* Remove several entries in one transaction, all or none. */
int
diary_remove_many(struct diary *dy, const int64_t *ids, size_t n,
    struct diag *d)
{
	size_t i;

	if (n == 0)
		return 0;
	if (diary_exec(dy, ST_BEGIN, "remove entries", d) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (sqlite3_bind_int64(dy->st[ST_DELETE], 1, ids[i]) !=
		    SQLITE_OK) {
			diary_fail(dy, "remove entries", d);
			stmt_done(dy->st[ST_DELETE]);
			goto fail;
		}
		if (diary_exec(dy, ST_DELETE, "remove entries", d) == -1)
			goto fail;
	}
	return diary_commit(dy, "remove entries", d);
fail:
	diary_rollback(dy);
	return -1;
}

/* The last `limit` entries logged, newest first. */
int
diary_recent(struct diary *dy, size_t limit, struct entry_list *out,
    struct diag *d)
{
	sqlite3_stmt *st = dy->st[ST_RECENT];

	if (sqlite3_bind_int64(st, 1, (sqlite3_int64)limit) != SQLITE_OK) {
		diary_fail(dy, "read entries", d);
		stmt_done(st);
		return -1;
	}
	return diary_select(dy, st, out, d);
}

/* How often and when each food was last logged. */
int
diary_usage(struct diary *dy, struct diary_usage **out, size_t *n,
    struct diag *d)
{
	sqlite3_stmt *st = dy->st[ST_USAGE];
	struct diary_usage *v = NULL;
	size_t cap = 0, len = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		if (len == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[len].food_id = xstrdup(id != NULL ? id : "");
		v[len].count = (unsigned)sqlite3_column_int64(st, 1);
		v[len].last = sqlite3_column_int64(st, 2);
		len++;
	}
	stmt_done(st);
	if (rc != SQLITE_DONE) {
		diary_fail(dy, "read entries", d);
		diary_usage_free(v, len);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

/* Free what diary_usage returned. */
void
diary_usage_free(struct diary_usage *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].food_id);
	free(v);
}

/* Store entries with their own ids in one transaction, all or none. */
int
diary_restore_many(struct diary *dy, const struct entry *v, size_t n,
    struct diag *d)
{
	size_t i;

	if (n == 0)
		return 0;
	if (diary_exec(dy, ST_BEGIN, "import entries", d) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (diary_insert(dy, ST_RESTORE, &v[i], "import entries",
		    d) == -1) {
			diary_rollback(dy);
			return -1;
		}
	}
	return diary_commit(dy, "import entries", d);
}

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

/* The number of entries in the diary. */
int
diary_count(struct diary *dy, int64_t *out, struct diag *d)
{
	long n;

	if (query_int(dy->db, "SELECT count(*) FROM entry", &n) == -1) {
		diary_fail(dy, "count entries", d);
		return -1;
	}
	*out = n;
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
 * Open src read-only as a diary to restore from: a regular file (a
 * symbolic link is followed: nothing is written to it) with the SQLite
 * header, a k2diary schema this program knows, every statement of ours
 * valid on it, and intact. Its schema version goes to *version. Writes
 * nothing; NULL with the reason in d.
 */
static sqlite3 *
source_open(const char *src, long *version, struct diag *d)
{
	struct stat sb;
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	char head[sizeof magic], *check;
	ssize_t n;
	size_t i;
	int fd, e;

	if (src == NULL || *src == '\0') {
		diag_set(d, NULL, 0, 0, "the file to restore from is not named");
		return NULL;
	}
	if (stat(src, &sb) == -1) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", src,
		    strerror(errno));
		return NULL;
	}
	if (S_ISDIR(sb.st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is a folder, not a diary file",
		    src);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		diag_set(d, NULL, 0, 0, "'%.200s' is not a regular file", src);
		return NULL;
	}
	fd = open(src, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1) {
		diag_set(d, NULL, 0, 0, "cannot open '%.200s': %s", src,
		    strerror(errno));
		return NULL;
	}
	n = read_head(fd, head, sizeof head);
	e = errno;
	close(fd);
	if (n == -1) {
		diag_set(d, NULL, 0, 0, "cannot read '%.200s': %s", src,
		    strerror(e));
		return NULL;
	}
	if (n == 0) {
		diag_set(d, NULL, 0, 0,
		    "'%.200s' is not a k2diary database (an empty file)", src);
		return NULL;
	}
	if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0) {
		diag_set(d, NULL, 0, 0,
		    "'%.200s' is not a k2diary database (not SQLite)", src);
		return NULL;
	}
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
	/* As diary_open does: our statements must fit its tables. */
	for (i = 0; i < ST_COUNT; i++) {
		if (sqlite3_prepare_v2(db, stmt_sql(i), -1, &st, NULL) !=
		    SQLITE_OK) {
			diag_set(d, NULL, 0, 0,
			    "'%.200s' is not a k2diary database: %s", src,
			    sqlite3_errmsg(db));
			goto fail;
		}
		sqlite3_finalize(st);
	}
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
	if (query_int(s, "PRAGMA page_size", &spage) == -1 ||
	    query_int(dy->db, "PRAGMA page_size", &dpage) == -1) {
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
