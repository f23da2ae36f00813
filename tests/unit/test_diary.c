/* SPDX-License-Identifier: ISC */
/* Tests of the diary store, on real files in a temporary folder. */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "diary.h"
#include "entry.h"
#include "food.h"
#include "util.h"

/* The temporary folder of one test. */
struct fixture {
	char	 dir[64];
	char	 path[PATH_MAX];	/* scratch for path_in() */
};

static int
setup(void **state)
{
	struct fixture *fx;

	fx = xcalloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/k2diary-test-XXXXXX");
	if (mkdtemp(fx->dir) == NULL) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
remove_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	int rc;

	rc = nftw(fx->dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return rc;
}

/* dir/name, in a buffer reused by the next call. */
static const char *
path_in(void **state, const char *name)
{
	struct fixture *fx = *state;

	snprintf(fx->path, sizeof fx->path, "%s/%s", fx->dir, name);
	return fx->path;
}

/* Run SQL on path through a connection of our own (creating the file). */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

/* The one value that sql returns, as text ("" for NULL), caller frees. */
static char *
raw_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	const unsigned char *s;
	char *r;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	r = xstrdup(s != NULL ? (const char *)s : "");
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	return r;
}

/* Assert that sql returns the text want. */
static void
assert_raw(const char *path, const char *sql, const char *want)
{
	char *got = raw_text(path, sql);

	assert_string_equal(got, want);
	free(got);
}

/* The whole file, caller frees. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp;
	char *buf;
	long n;

	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void
write_file(const char *path, const char *bytes, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static int
exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

static unsigned
mode_of(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == -1)
		fail_msg("stat %s: %s", path, strerror(errno));
	return sb.st_mode & 07777;
}

/* Assert diary_open(path) fails with want, leaving the file's bytes alone. */
static void
assert_refused(const char *path, const char *want)
{
	struct diag d;
	char *before, *after, *p;
	size_t nbefore, nafter;

	before = slurp(path, &nbefore);
	memset(&d, 0, sizeof d);
	assert_null(diary_open(path, &d));
	assert_string_equal(d.msg, want);
	assert_null(d.file);
	after = slurp(path, &nafter);
	assert_int_equal(nafter, nbefore);
	assert_memory_equal(after, before, nbefore);
	free(before);
	free(after);
	p = xasprintf("%s-wal", path);
	assert_false(exists(p));
	free(p);
	p = xasprintf("%s-journal", path);
	assert_false(exists(p));
	free(p);
}

/* An entry of 2 slices of Gouda with every nutrient known. */
static void
entry_fill(struct entry *e, long day, const char *id, const char *name)
{
	memset(e, 0, sizeof *e);
	e->day = day;
	e->logged_at = 1700000000 + day;
	e->food_id = xstrdup(id);
	e->food_name = xstrdup(name);
	e->serving = xstrdup("slice");
	e->grams = 56;
	e->servings = 2;
	e->quantity = 2;
	nutrients_set(&e->nut, NUT_MK4, 0);
	nutrients_set(&e->nut, NUT_MK7, 0.25);
	nutrients_set(&e->nut, NUT_MK_OTHER, 26.32);
	nutrients_set(&e->nut, NUT_K2, 26.57);
	nutrients_set(&e->nut, NUT_K1, 1.288);
	nutrients_set(&e->nut, NUT_SAT_FAT, 9.856);
	nutrients_set(&e->nut, NUT_SODIUM, 458.64);
	nutrients_set(&e->nut, NUT_KCAL, 199.36);
}

static void
assert_double(const char *what, double got, double want)
{
	if (got != want)
		fail_msg("%s: got %.17g, want %.17g", what, got, want);
}

static void
assert_entry_equal(const struct entry *got, const struct entry *want)
{
	int k;

	assert_int_equal(got->id, want->id);
	assert_int_equal(got->day, want->day);
	assert_int_equal(got->logged_at, want->logged_at);
	assert_string_equal(got->food_id, want->food_id);
	assert_string_equal(got->food_name, want->food_name);
	assert_string_equal(got->serving, want->serving);
	assert_double("grams", got->grams, want->grams);
	assert_double("servings", got->servings, want->servings);
	assert_double("quantity", got->quantity, want->quantity);
	assert_int_equal(got->nut.known, want->nut.known);
	for (k = 0; k < NUT_COUNT; k++)
		if (nutrients_has(&want->nut, k))
			assert_double(nutrient_key(k), got->nut.v[k],
			    want->nut.v[k]);
}

/* Open path, failing the test with the message when it does not open. */
static struct diary *
open_ok(const char *path)
{
	struct diary *dy;
	struct diag d;

	memset(&d, 0, sizeof d);
	dy = diary_open(path, &d);
	if (dy == NULL)
		fail_msg("diary_open %s: %s", path, d.msg);
	return dy;
}

static void
test_open_creates_private_folders(void **state)
{
	static const mode_t masks[] = { 022, 000, 0277 };
	struct fixture *fx = *state;
	struct diary *dy;
	char sub[PATH_MAX], p[PATH_MAX + 64];
	mode_t old;
	size_t i;

	for (i = 0; i < ARRAY_LEN(masks); i++) {
		snprintf(sub, sizeof sub, "%s/u%03o", fx->dir,
		    (unsigned)masks[i]);
		snprintf(p, sizeof p, "%s/a/b/diary.db", sub);
		old = umask(masks[i]);
		dy = diary_open(p, NULL);
		umask(old);
		assert_non_null(dy);
		assert_string_equal(diary_path(dy), p);
		assert_int_equal(mode_of(sub), 0700);
		snprintf(p, sizeof p, "%s/a", sub);
		assert_int_equal(mode_of(p), 0700);
		snprintf(p, sizeof p, "%s/a/b", sub);
		assert_int_equal(mode_of(p), 0700);
		snprintf(p, sizeof p, "%s/a/b/diary.db", sub);
		assert_int_equal(mode_of(p), 0600);
		/* WAL is on and its files, made by the migration, are 0600. */
		snprintf(p, sizeof p, "%s/a/b/diary.db-wal", sub);
		assert_int_equal(mode_of(p), 0600);
		snprintf(p, sizeof p, "%s/a/b/diary.db-shm", sub);
		assert_int_equal(mode_of(p), 0600);
		diary_close(dy);
	}
}

static void
test_open_leaves_existing_folders_alone(void **state)
{
	struct diary *dy;
	char dir[PATH_MAX];
	mode_t old;

	snprintf(dir, sizeof dir, "%s", path_in(state, "shared"));
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(chmod(dir, 0755), 0);
	old = umask(022);
	dy = open_ok(path_in(state, "shared/k2/diary.db"));
	umask(old);
	diary_close(dy);
	assert_int_equal(mode_of(dir), 0755);
	assert_int_equal(mode_of(path_in(state, "shared/k2")), 0700);
}

static void
test_open_migrates_empty_file(void **state)
{
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "empty.db"));
	write_file(p, "", 0);
	assert_int_equal(chmod(p, 0640), 0);
	diary_close(open_ok(p));
	assert_raw(p, "PRAGMA user_version", "2");
	assert_raw(p, "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name = 'entry'", "1");
	assert_raw(p, "SELECT tbl_name FROM sqlite_master "
	    "WHERE type = 'index' AND name = 'entry_day'", "entry");
	assert_raw(p, "SELECT group_concat(name, ',') "
	    "FROM pragma_index_info('entry_day')", "day,id");
	assert_raw(p, "SELECT group_concat(name || ':' || \"notnull\", ',') "
	    "FROM pragma_table_info('entry')",
	    "id:0,day:1,logged_at:1,food_id:1,food_name:1,serving:1,grams:0,"
	    "servings:1,quantity:1,k2_ug:0,mk4_ug:0,mk7_ug:0,mk_other_ug:0,"
	    "k1_ug:0,sat_fat_g:0,sodium_mg:0,kcal:0");
	assert_raw(p, "PRAGMA journal_mode", "wal");
	/* The mode of a file that was there is the owner's business. */
	assert_int_equal(mode_of(p), 0640);
}

static void
test_reopen_keeps_entries(void **state)
{
	struct diary *dy;
	struct entry e;
	struct entry_list l;
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	entry_fill(&e, 19000, "gouda", "Gouda");
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	assert_int_equal(e.id, 1);
	entry_release(&e);
	diary_close(dy);

	dy = open_ok(p);
	entry_list_init(&l);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].food_name, "Gouda");
	entry_list_release(&l);
	diary_close(dy);
	assert_raw(p, "PRAGMA user_version", "2");
}

/*
 * A schema 1 diary (ids could come back) is migrated to schema 2 with its
 * entries and ids, and from then on an id is never used twice.
 */
static void
test_migrate_1_to_2_ids_never_reused(void **state)
{
	struct diary *dy;
	struct entry e;
	struct entry_list l;
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "v1.db"));
	raw_exec(p, "PRAGMA journal_mode = WAL;"
	    "CREATE TABLE entry (id INTEGER PRIMARY KEY, day INTEGER NOT NULL,"
	    " logged_at INTEGER NOT NULL, food_id TEXT NOT NULL, food_name"
	    " TEXT NOT NULL, serving TEXT NOT NULL, grams REAL CHECK (grams >"
	    " 0), servings REAL NOT NULL CHECK (servings > 0), quantity REAL"
	    " NOT NULL CHECK (quantity > 0), k2_ug REAL, mk4_ug REAL, mk7_ug"
	    " REAL, mk_other_ug REAL, k1_ug REAL, sat_fat_g REAL, sodium_mg"
	    " REAL, kcal REAL);"
	    "CREATE INDEX entry_day ON entry (day, id);"
	    "INSERT INTO entry VALUES (3, 19000, 1, 'gouda', 'Gouda', 'slice',"
	    " 28, 1, 1, 7.37, NULL, 0.6, 6.8, NULL, 4.9, 229, 100);"
	    "INSERT INTO entry VALUES (7, 19001, 2, 'natto', 'Natto', 'serving',"
	    " 85, 1, 1, 850, NULL, 850, NULL, 20, 1.4, 6, 180);"
	    "PRAGMA user_version = 1;");
	dy = open_ok(p);
	entry_list_init(&l);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, 3);
	assert_int_equal(l.v[1].id, 7);
	assert_string_equal(l.v[1].food_name, "Natto");
	assert_true(l.v[0].nut.v[NUT_SODIUM] == 229);
	entry_list_release(&l);
	/* Remove the newest (7): the next entry is 8, not 7 again. */
	assert_int_equal(diary_remove(dy, 7, NULL), 0);
	entry_fill(&e, 19002, "gouda", "Gouda");
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	assert_int_equal(e.id, 8);
	entry_release(&e);
	diary_close(dy);
	assert_raw(p, "PRAGMA user_version", "2");
	assert_raw(p, "SELECT count(*) FROM sqlite_master WHERE name = "
	    "'entry_v2'", "0");
	assert_raw(p, "SELECT group_concat(name, ',') "
	    "FROM pragma_index_info('entry_day')", "day,id");
}

static void
test_open_refuses_newer_schema(void **state)
{
	char p[PATH_MAX], want[PATH_MAX + 128];

	snprintf(p, sizeof p, "%s", path_in(state, "newer.db"));
	raw_exec(p, "CREATE TABLE entry (id INTEGER PRIMARY KEY);"
	    "CREATE TABLE meal (id INTEGER PRIMARY KEY);"
	    "PRAGMA user_version = 99;");
	snprintf(want, sizeof want, "'%s' was written by a newer k2diary "
	    "(schema 99, this one knows 2): not opened", p);
	assert_refused(p, want);
	assert_raw(p, "PRAGMA user_version", "99");
	assert_raw(p, "PRAGMA journal_mode", "delete");
}

static void
test_open_refuses_newer_wal_schema(void **state)
{
	char p[PATH_MAX], want[PATH_MAX + 128];

	snprintf(p, sizeof p, "%s", path_in(state, "newer-wal.db"));
	raw_exec(p, "PRAGMA journal_mode = WAL;"
	    "CREATE TABLE entry (id INTEGER PRIMARY KEY);"
	    "PRAGMA user_version = 3;");
	snprintf(want, sizeof want, "'%s' was written by a newer k2diary "
	    "(schema 3, this one knows 2): not opened", p);
	assert_refused(p, want);
}

static void
test_open_refuses_not_sqlite(void **state)
{
	static const char text[] = "day,food\n2024-01-01,natto\n";
	char p[PATH_MAX], want[PATH_MAX + 128];

	snprintf(p, sizeof p, "%s", path_in(state, "notes.csv"));
	write_file(p, text, sizeof text - 1);
	snprintf(want, sizeof want,
	    "'%s' is not a k2diary database (not SQLite)", p);
	assert_refused(p, want);

	/* Shorter than the 16-byte header, even if it starts like one. */
	snprintf(p, sizeof p, "%s", path_in(state, "short.db"));
	write_file(p, "SQLite format", 13);
	snprintf(want, sizeof want,
	    "'%s' is not a k2diary database (not SQLite)", p);
	assert_refused(p, want);
}

static void
test_open_refuses_corrupt_file(void **state)
{
	char buf[4096], p[PATH_MAX], want[PATH_MAX + 128];

	/* A right header on a page of nonsense. */
	memset(buf, 'x', sizeof buf);
	memcpy(buf, "SQLite format 3", 16);
	snprintf(p, sizeof p, "%s", path_in(state, "corrupt.db"));
	write_file(p, buf, sizeof buf);
	snprintf(want, sizeof want, "cannot read '%s': file is not a database",
	    p);
	assert_refused(p, want);
}

static void
test_open_refuses_foreign_sqlite(void **state)
{
	char p[PATH_MAX], want[PATH_MAX + 128];

	snprintf(p, sizeof p, "%s", path_in(state, "other.db"));
	raw_exec(p, "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hi');");
	snprintf(want, sizeof want, "'%s' is not a k2diary database "
	    "(it has tables but no schema version)", p);
	assert_refused(p, want);
}

static void
test_open_refuses_what_is_not_a_file(void **state)
{
	struct diag d;
	struct diary *dy;
	char p[PATH_MAX], want[PATH_MAX + 128], real[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "folder"));
	assert_int_equal(mkdir(p, 0700), 0);
	assert_null(diary_open(p, &d));
	snprintf(want, sizeof want, "'%s' is a folder, not a diary file", p);
	assert_string_equal(d.msg, want);

	snprintf(p, sizeof p, "%s", path_in(state, "fifo"));
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_null(diary_open(p, &d));
	snprintf(want, sizeof want, "'%s' is not a regular file", p);
	assert_string_equal(d.msg, want);

	snprintf(real, sizeof real, "%s", path_in(state, "real.db"));
	dy = open_ok(real);
	diary_close(dy);
	snprintf(p, sizeof p, "%s", path_in(state, "link.db"));
	assert_int_equal(symlink(real, p), 0);
	assert_null(diary_open(p, &d));
	snprintf(want, sizeof want, "'%s' is a symbolic link: not opened", p);
	assert_string_equal(d.msg, want);

	snprintf(p, sizeof p, "%s", path_in(state, "plain"));
	write_file(p, "x", 1);
	snprintf(p, sizeof p, "%s", path_in(state, "plain/k2/diary.db"));
	assert_null(diary_open(p, &d));
	snprintf(want, sizeof want, "cannot create folder '%s': %s",
	    path_in(state, "plain"), strerror(ENOTDIR));
	assert_string_equal(d.msg, want);
	assert_null(d.file);

	assert_null(diary_open("", &d));
	assert_string_equal(d.msg, "the diary file name is empty");
}

static void
test_add_get_round_trip(void **state)
{
	struct diary *dy;
	struct entry e, f, got;
	struct diag d;

	dy = open_ok(path_in(state, "diary.db"));
	entry_fill(&e, 19723, "gouda", "Gouda");
	entry_fill(&f, 19724, "natto", "Natto");
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	assert_int_equal(e.id, 1);
	assert_int_equal(diary_add(dy, &f, NULL), 0);
	assert_int_equal(f.id, 2);

	memset(&got, 0, sizeof got);
	assert_int_equal(diary_get(dy, 1, &got, NULL), 0);
	assert_entry_equal(&got, &e);
	entry_release(&got);
	assert_int_equal(diary_get(dy, 2, &got, NULL), 0);
	assert_entry_equal(&got, &f);
	entry_release(&got);

	assert_int_equal(diary_get(dy, 3, &got, &d), 1);
	assert_string_equal(d.msg, "no entry with id 3");
	assert_string_equal(d.file, diary_path(dy));
	entry_release(&e);
	entry_release(&f);
	diary_close(dy);
}

static void
test_unknown_stays_unknown(void **state)
{
	struct diary *dy;
	struct entry e, got;
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	/* A supplement: no gram weight, only K2 (as MK-7) and kcal known. */
	memset(&e, 0, sizeof e);
	e.day = 19723;
	e.logged_at = 1704067200;
	e.food_id = xstrdup("mk7_100");
	e.food_name = xstrdup("MK-7 100 µg");
	e.serving = xstrdup("capsule");
	e.grams = 0;
	e.servings = 1;
	e.quantity = 1;
	nutrients_set(&e.nut, NUT_MK7, 100);
	nutrients_set(&e.nut, NUT_K2, 100);
	nutrients_set(&e.nut, NUT_KCAL, 0);
	assert_int_equal(diary_add(dy, &e, NULL), 0);

	assert_int_equal(diary_get(dy, e.id, &got, NULL), 0);
	assert_entry_equal(&got, &e);
	assert_int_equal(got.nut.known, (1u << NUT_MK7) | (1u << NUT_K2) |
	    (1u << NUT_KCAL));
	assert_double("grams", got.grams, 0);
	entry_release(&got);

	/* In the file: unknown is NULL, a known zero is 0.0. */
	assert_raw(p, "SELECT quote(grams) || ' ' || quote(mk4_ug) || ' ' || "
	    "quote(mk7_ug) || ' ' || quote(mk_other_ug) || ' ' || "
	    "quote(k2_ug) || ' ' || quote(k1_ug) || ' ' || "
	    "quote(sat_fat_g) || ' ' || quote(sodium_mg) || ' ' || "
	    "quote(kcal) FROM entry WHERE id = 1",
	    "NULL NULL 100.0 NULL 100.0 NULL NULL NULL 0.0");
	entry_release(&e);
	diary_close(dy);
}

static void
test_update_changes_amount_only(void **state)
{
	struct diary *dy;
	struct entry e, changed, got;
	struct diag d;

	dy = open_ok(path_in(state, "diary.db"));
	entry_fill(&e, 19723, "gouda", "Gouda");
	assert_int_equal(diary_add(dy, &e, NULL), 0);

	/* 1 cube of 10 g; the sodium is no longer known. */
	entry_fill(&changed, 1, "brie", "Brie");
	changed.id = e.id;
	free(changed.serving);
	changed.serving = xstrdup("cube");
	changed.grams = 10;
	changed.servings = 0.35714285714285715;
	changed.quantity = 1;
	changed.nut.known &= ~(1u << NUT_SODIUM);
	changed.nut.v[NUT_K2] = 4.745;
	assert_int_equal(diary_update(dy, &changed, NULL), 0);

	assert_int_equal(diary_get(dy, e.id, &got, NULL), 0);
	/* The day, time and food are as logged. */
	assert_int_equal(got.day, 19723);
	assert_int_equal(got.logged_at, e.logged_at);
	assert_string_equal(got.food_id, "gouda");
	assert_string_equal(got.food_name, "Gouda");
	assert_string_equal(got.serving, "cube");
	assert_double("grams", got.grams, 10);
	assert_double("servings", got.servings, 0.35714285714285715);
	assert_double("quantity", got.quantity, 1);
	assert_false(nutrients_has(&got.nut, NUT_SODIUM));
	assert_double("k2", got.nut.v[NUT_K2], 4.745);
	assert_int_equal(got.nut.known, changed.nut.known);
	entry_release(&got);

	changed.id = 42;
	assert_int_equal(diary_update(dy, &changed, &d), 1);
	assert_string_equal(d.msg, "no entry with id 42");

	/* A refused update changes nothing. */
	changed.id = e.id;
	changed.quantity = 0;
	assert_int_equal(diary_update(dy, &changed, &d), -1);
	assert_string_equal(d.msg,
	    "cannot change entry: CHECK constraint failed: quantity > 0");
	assert_int_equal(diary_get(dy, e.id, &got, NULL), 0);
	assert_double("quantity", got.quantity, 1);
	entry_release(&got);

	entry_release(&e);
	entry_release(&changed);
	diary_close(dy);
}

static void
test_remove_and_restore(void **state)
{
	struct diary *dy;
	struct entry e, f, got;
	struct diag d;

	dy = open_ok(path_in(state, "diary.db"));
	entry_fill(&e, 19723, "gouda", "Gouda");
	entry_fill(&f, 19723, "natto", "Natto");
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	assert_int_equal(diary_add(dy, &f, NULL), 0);

	assert_int_equal(diary_remove(dy, e.id, NULL), 0);
	assert_int_equal(diary_get(dy, e.id, &got, NULL), 1);
	assert_int_equal(diary_remove(dy, e.id, &d), 1);
	assert_string_equal(d.msg, "no entry with id 1");

	/* Undo: back with its old id, not a new one. */
	assert_int_equal(diary_restore(dy, &e, NULL), 0);
	assert_int_equal(diary_get(dy, 1, &got, NULL), 0);
	assert_entry_equal(&got, &e);
	entry_release(&got);

	assert_int_equal(diary_restore(dy, &f, &d), -1);
	assert_string_equal(d.msg,
	    "cannot restore entry: UNIQUE constraint failed: entry.id");
	assert_string_equal(d.file, diary_path(dy));

	entry_release(&e);
	entry_release(&f);
	diary_close(dy);
}

static void
test_range_by_day_then_id(void **state)
{
	static const long days[] = { 12, 10, 11, 13, 11, 12 };
	struct diary *dy;
	struct entry e;
	struct entry_list l;
	char name[16];
	size_t i;

	dy = open_ok(path_in(state, "diary.db"));
	for (i = 0; i < ARRAY_LEN(days); i++) {
		snprintf(name, sizeof name, "food %zu", i + 1);
		entry_fill(&e, days[i], "f", name);
		assert_int_equal(diary_add(dy, &e, NULL), 0);
		assert_int_equal(e.id, (int64_t)i + 1);
		entry_release(&e);
	}

	/* Appended after what the list already holds. */
	entry_list_init(&l);
	entry_fill(&e, 0, "x", "already there");
	entry_list_push(&l, &e);
	assert_int_equal(diary_range(dy, 11, 12, &l, NULL), 0);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].food_name, "already there");
	/* day 11: ids 3, 5; day 12: ids 1, 6. */
	assert_int_equal(l.v[1].id, 3);
	assert_int_equal(l.v[2].id, 5);
	assert_int_equal(l.v[3].id, 1);
	assert_int_equal(l.v[4].id, 6);
	assert_int_equal(l.v[1].day, 11);
	assert_int_equal(l.v[4].day, 12);
	assert_string_equal(l.v[4].food_name, "food 6");
	entry_list_release(&l);

	assert_int_equal(diary_range(dy, 14, 20, &l, NULL), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(diary_range(dy, 13, 13, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, 4);
	entry_list_release(&l);

	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 6);
	assert_int_equal(l.v[0].id, 2);
	assert_int_equal(l.v[1].id, 3);
	assert_int_equal(l.v[2].id, 5);
	assert_int_equal(l.v[3].id, 1);
	assert_int_equal(l.v[4].id, 6);
	assert_int_equal(l.v[5].id, 4);
	entry_list_release(&l);
	diary_close(dy);
}

static void
test_sql_looking_text_is_stored_verbatim(void **state)
{
	static const char *const names[] = {
		"'); DROP TABLE entry;--",
		"Bob's \"best\" cheese, aged; 50% off",
		"two\nlines\tand a tab",
		"Crème fraîche — 納豆 ½",
		"?1 ?17 :name @x $y %s %n",
	};
	struct diary *dy;
	struct entry e, got;
	struct entry_list l;
	char p[PATH_MAX];
	size_t i;

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	for (i = 0; i < ARRAY_LEN(names); i++) {
		entry_fill(&e, 19723, names[i], names[i]);
		free(e.serving);
		e.serving = xstrdup(names[i]);
		assert_int_equal(diary_add(dy, &e, NULL), 0);
		assert_int_equal(diary_get(dy, e.id, &got, NULL), 0);
		assert_entry_equal(&got, &e);
		entry_release(&got);
		entry_release(&e);
	}
	entry_list_init(&l);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, ARRAY_LEN(names));
	assert_string_equal(l.v[0].food_name, names[0]);
	entry_list_release(&l);
	diary_close(dy);
	assert_raw(p, "SELECT group_concat(name, ',') FROM sqlite_master "
	    "WHERE type = 'table'", "entry,sqlite_sequence");
}

static void
test_add_many_all_or_none(void **state)
{
	struct diary *dy;
	struct entry v[3];
	struct entry_list l;
	struct diag d;
	size_t i;

	dy = open_ok(path_in(state, "diary.db"));
	entry_fill(&v[0], 19723, "gouda", "Gouda");
	entry_fill(&v[1], 19723, "natto", "Natto");
	entry_fill(&v[2], 19723, "liver", "Liver");
	v[1].servings = 0;
	assert_int_equal(diary_add_many(dy, v, 3, &d), -1);
	assert_string_equal(d.msg,
	    "cannot add entries: CHECK constraint failed: servings > 0");
	assert_string_equal(d.file, diary_path(dy));
	for (i = 0; i < 3; i++)
		assert_int_equal(v[i].id, 0);
	entry_list_init(&l);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 0);

	/* A value SQLite would quietly turn into NULL is refused too. */
	v[1].servings = 1;
	nutrients_set(&v[2].nut, NUT_SODIUM, nan(""));
	assert_int_equal(diary_add_many(dy, v, 3, &d), -1);
	assert_string_equal(d.msg, "cannot add entries: 'Liver' has an "
	    "amount or nutrient that is not a number");
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 0);

	nutrients_set(&v[2].nut, NUT_SODIUM, 70);
	assert_int_equal(diary_add_many(dy, v, 3, NULL), 0);
	assert_int_equal(v[0].id, 1);
	assert_int_equal(v[1].id, 2);
	assert_int_equal(v[2].id, 3);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[2].food_name, "Liver");
	entry_list_release(&l);
	assert_int_equal(diary_add_many(dy, v, 0, NULL), 0);

	for (i = 0; i < 3; i++)
		entry_release(&v[i]);
	diary_close(dy);
}

static void
test_add_refuses_missing_text(void **state)
{
	struct diary *dy;
	struct entry e;
	struct diag d;

	dy = open_ok(path_in(state, "diary.db"));
	entry_fill(&e, 19723, "gouda", "Gouda");
	free(e.serving);
	e.serving = NULL;
	assert_int_equal(diary_add(dy, &e, &d), -1);
	assert_string_equal(d.msg,
	    "cannot add entry: NOT NULL constraint failed: entry.serving");
	assert_int_equal(e.id, 0);
	entry_release(&e);
	diary_close(dy);
}

/*
 * A process that dies inside a transaction, after writing rows that spill
 * to the WAL, leaves no trace of them.
 */
static void
test_crash_leaves_no_half_entry(void **state)
{
	struct diary *dy;
	struct entry e;
	struct entry_list l;
	struct stat sb;
	char p[PATH_MAX], wal[PATH_MAX + 8];
	pid_t pid;
	int status, i;

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	snprintf(wal, sizeof wal, "%s-wal", p);
	dy = open_ok(p);
	entry_fill(&e, 19723, "gouda", "Gouda");
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	entry_release(&e);
	diary_close(dy);

	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		sqlite3 *db;

		if (sqlite3_open_v2(p, &db, SQLITE_OPEN_READWRITE, NULL) !=
		    SQLITE_OK)
			_exit(2);
		if (sqlite3_exec(db, "PRAGMA cache_size = 2; BEGIN IMMEDIATE;",
		    NULL, NULL, NULL) != SQLITE_OK)
			_exit(3);
		for (i = 0; i < 50; i++)
			if (sqlite3_exec(db, "INSERT INTO entry (day, "
			    "logged_at, food_id, food_name, serving, servings, "
			    "quantity) VALUES (19723, 0, 'half', "
			    "hex(randomblob(3000)), 'g', 1, 1)", NULL, NULL,
			    NULL) != SQLITE_OK)
				_exit(4);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* The uncommitted pages did reach the disk. */
	assert_int_equal(stat(wal, &sb), 0);
	assert_true(sb.st_size > 50 * 4096);

	dy = open_ok(p);
	entry_list_init(&l);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].food_id, "gouda");
	entry_list_release(&l);
	assert_raw(p, "PRAGMA integrity_check", "ok");
	assert_raw(p, "SELECT count(*) FROM entry", "1");
	diary_close(dy);
}

static void
test_data_version_sees_other_connections(void **state)
{
	struct diary *a, *b;
	struct entry e;
	struct entry_list l;
	char p[PATH_MAX];
	long v1, v2, v3;

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	a = open_ok(p);
	b = open_ok(p);
	assert_int_equal(diary_data_version(a, &v1, NULL), 0);
	entry_fill(&e, 19723, "gouda", "Gouda");
	assert_int_equal(diary_add(b, &e, NULL), 0);
	entry_release(&e);
	assert_int_equal(diary_data_version(a, &v2, NULL), 0);
	assert_true(v2 != v1);

	/* a sees b's entry, and its own commits do not move its number. */
	entry_list_init(&l);
	assert_int_equal(diary_all(a, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	entry_list_release(&l);
	entry_fill(&e, 19723, "natto", "Natto");
	assert_int_equal(diary_add(a, &e, NULL), 0);
	assert_int_equal(e.id, 2);
	entry_release(&e);
	assert_int_equal(diary_data_version(a, &v3, NULL), 0);
	assert_int_equal(v3, v2);
	diary_close(b);
	diary_close(a);
}

static void
test_memory_diary(void **state)
{
	struct diary *dy;
	struct entry e, got;

	(void)state;
	dy = open_ok(":memory:");
	entry_fill(&e, 19723, "gouda", "Gouda");
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	assert_int_equal(diary_get(dy, e.id, &got, NULL), 0);
	assert_entry_equal(&got, &e);
	entry_release(&got);
	entry_release(&e);
	diary_close(dy);
	assert_false(exists(":memory:"));
	diary_close(NULL);
}

/* Assert that a and b hold the same entries, ids and all. */
static void
assert_same_entries(struct diary *a, struct diary *b)
{
	struct entry_list la, lb;
	size_t i;

	entry_list_init(&la);
	entry_list_init(&lb);
	assert_int_equal(diary_all(a, &la, NULL), 0);
	assert_int_equal(diary_all(b, &lb, NULL), 0);
	assert_int_equal(la.n, lb.n);
	for (i = 0; i < la.n; i++)
		assert_entry_equal(&la.v[i], &lb.v[i]);
	entry_list_release(&la);
	entry_list_release(&lb);
}

/* Add a Gouda entry on day; its id. */
static int64_t
add_one(struct diary *dy, long day, const char *id, const char *name)
{
	struct entry e;
	int64_t r;

	entry_fill(&e, day, id, name);
	assert_int_equal(diary_add(dy, &e, NULL), 0);
	r = e.id;
	entry_release(&e);
	return r;
}

/* Copy the file from alone (no -wal, no -shm) to to. */
static void
copy_file(const char *from, const char *to)
{
	char *buf;
	size_t len;

	buf = slurp(from, &len);
	write_file(to, buf, len);
	free(buf);
}

/* Whether path's -wal file is missing or empty. */
static int
wal_empty(const char *path)
{
	struct stat sb;
	char *p;
	int r;

	p = xasprintf("%s-wal", path);
	r = lstat(p, &sb) == -1 || sb.st_size == 0;
	free(p);
	return r;
}

/* A diary at path with entries 1, 3 and 40 (a gap, an imported id). */
static void
make_source(const char *path)
{
	struct diary *dy;
	struct entry e;

	dy = open_ok(path);
	add_one(dy, 19700, "natto", "Natto");
	assert_int_equal(add_one(dy, 19701, "gouda", "Gouda"), 2);
	add_one(dy, 19702, "egg", "Egg yolk");
	assert_int_equal(diary_remove(dy, 2, NULL), 0);
	entry_fill(&e, 19650, "brie", "Brie");
	e.id = 40;
	e.nut.known &= ~(1u << NUT_K1);	/* one unknown */
	assert_int_equal(diary_restore_many(dy, &e, 1, NULL), 0);
	entry_release(&e);
	diary_close(dy);
}

static void
test_restore_from_takes_the_source(void **state)
{
	struct diary *dy, *src;
	struct diag d;
	char p[PATH_MAX], s[PATH_MAX], keep[PATH_MAX + 32];
	char *before, *after;
	size_t nbefore, nafter;
	int64_t n;

	snprintf(s, sizeof s, "%s", path_in(state, "backup.db"));
	make_source(s);
	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	snprintf(keep, sizeof keep, "%s.before-restore", p);
	dy = open_ok(p);
	add_one(dy, 20000, "salami", "Salami");
	add_one(dy, 20001, "salami", "Salami");
	before = slurp(s, &nbefore);

	memset(&d, 0, sizeof d);
	if (diary_restore_from(dy, s, &d) != 0)
		fail_msg("diary_restore_from: %s", d.msg);
	src = open_ok(s);
	assert_same_entries(dy, src);
	assert_int_equal(diary_count(dy, &n, NULL), 0);
	assert_int_equal(n, 3);
	/* Done: the copy kept meanwhile is gone, the WAL is folded. */
	assert_false(exists(keep));
	assert_true(wal_empty(p));
	/* The diary goes on from the restored ids. */
	assert_int_equal(add_one(dy, 20002, "natto", "Natto"), 41);
	diary_close(dy);
	dy = open_ok(p);
	assert_int_equal(diary_count(dy, &n, NULL), 0);
	assert_int_equal(n, 4);
	diary_close(dy);
	diary_close(src);
	/* The source is read, never written. */
	after = slurp(s, &nafter);
	assert_int_equal(nafter, nbefore);
	assert_memory_equal(after, before, nbefore);
	free(before);
	free(after);

	/* Into a diary in memory: the same, with no copy on the side. */
	dy = open_ok(":memory:");
	src = open_ok(s);
	assert_int_equal(diary_restore_from(dy, s, NULL), 0);
	assert_same_entries(dy, src);
	diary_close(src);
	diary_close(dy);
}

/* A source open elsewhere, its last entries still only in its WAL. */
static void
test_restore_from_a_diary_in_use(void **state)
{
	struct diary *dy, *src;
	char p[PATH_MAX], s[PATH_MAX];
	int64_t n;

	snprintf(s, sizeof s, "%s", path_in(state, "other.db"));
	src = open_ok(s);
	add_one(src, 19700, "natto", "Natto");
	add_one(src, 19701, "gouda", "Gouda");
	assert_false(wal_empty(s));
	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	assert_int_equal(diary_restore_from(dy, s, NULL), 0);
	assert_same_entries(dy, src);
	assert_int_equal(diary_count(dy, &n, NULL), 0);
	assert_int_equal(n, 2);
	diary_close(dy);
	diary_close(src);
}

/* Overwrite len bytes at off in path with junk. */
static void
spoil(const char *path, long off, size_t len)
{
	char junk[512];
	FILE *fp;

	assert_true(len <= sizeof junk);
	memset(junk, 0xa5, len);
	fp = fopen(path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, off, SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static void
test_restore_refuses_what_is_not_a_diary(void **state)
{
	static const char text[] = "day,food\n2024-01-01,natto\n";
	/* The message is before, the quoted path, then after. */
	struct {
		const char	*name;
		const char	*before;
		const char	*after;
		int		 checked; /* diary_check_file refuses it too */
	} cases[] = {
		{ "notes.txt", "", " is not a k2diary database (not SQLite)", 1 },
		{ "empty", "", " is not a k2diary database (an empty file)", 1 },
		{ "nothing.db", "", " is not a k2diary database (an empty "
		    "database)", 1 },
		{ "foreign.db", "", " is not a k2diary database (it has tables "
		    "but no schema version)", 1 },
		{ "other-entry.db", "", " is not a k2diary database: table "
		    "entry has no column named day", 1 },
		{ "newer.db", "", " was written by a newer k2diary (schema 3, "
		    "this one knows 2): not restored", 1 },
		{ "damaged.db", "", " is damaged (", 1 },
		{ "missing.db", "cannot open ", ": No such file or directory",
		    1 },
		{ "folder", "", " is a folder, not a diary file", 1 },
		{ "small-pages.db", "cannot restore ", ": its page size (1024 "
		    "bytes) is not the diary's (4096): not restored", 0 },
		{ "diary.db", "", " is the diary itself: nothing to restore", 0 },
	};
	struct diary *dy, *other;
	struct diag d;
	char p[PATH_MAX], keep[PATH_MAX + 32], s[PATH_MAX];
	char want[PATH_MAX + 256], *main0, *wal0, *main1, *wal1, *walp;
	size_t i, n0, w0, n1, w1;
	int k;

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	snprintf(keep, sizeof keep, "%s.before-restore", p);
	walp = xasprintf("%s-wal", p);
	dy = open_ok(p);
	add_one(dy, 19700, "natto", "Natto");
	add_one(dy, 19701, "gouda", "Gouda");
	main0 = slurp(p, &n0);
	wal0 = slurp(walp, &w0);
	assert_true(w0 > 0);

	write_file(path_in(state, "notes.txt"), text, sizeof text - 1);
	write_file(path_in(state, "empty"), "", 0);
	raw_exec(path_in(state, "nothing.db"), "CREATE TABLE t (x);"
	    "DROP TABLE t;");
	raw_exec(path_in(state, "foreign.db"), "CREATE TABLE notes (x TEXT);");
	raw_exec(path_in(state, "other-entry.db"), "CREATE TABLE entry "
	    "(id INTEGER PRIMARY KEY, what TEXT); PRAGMA user_version = 1;");
	snprintf(s, sizeof s, "%s", path_in(state, "newer.db"));
	make_source(s);
	raw_exec(s, "PRAGMA user_version = 3;");
	/* Enough entries for pages past the schema, one of them spoiled. */
	snprintf(s, sizeof s, "%s", path_in(state, "damaged.db"));
	other = open_ok(s);
	for (k = 0; k < 200; k++)
		add_one(other, 19000 + k, "gouda", "Gouda");
	diary_close(other);
	spoil(s, 3 * 4096 + 8, 200);
	mkdir(path_in(state, "folder"), 0700);
	snprintf(s, sizeof s, "%s", path_in(state, "small-pages.db"));
	make_source(s);
	raw_exec(s, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024;"
	    "VACUUM;");

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		snprintf(s, sizeof s, "%s", path_in(state, cases[i].name));
		snprintf(want, sizeof want, "%s'%s'%s", cases[i].before, s,
		    cases[i].after);
		memset(&d, 0, sizeof d);
		assert_int_equal(diary_restore_from(dy, s, &d), -1);
		if (strncmp(d.msg, want, strlen(want)) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", cases[i].name,
			    d.msg, want);
		/* Not a byte of the diary changed, and no copy was left. */
		main1 = slurp(p, &n1);
		wal1 = slurp(walp, &w1);
		assert_int_equal(n1, n0);
		assert_memory_equal(main1, main0, n0);
		assert_int_equal(w1, w0);
		assert_memory_equal(wal1, wal0, w0);
		free(main1);
		free(wal1);
		assert_false(exists(keep));
		memset(&d, 0, sizeof d);
		assert_int_equal(diary_check_file(s, &d),
		    cases[i].checked ? -1 : 0);
		if (cases[i].checked && strncmp(d.msg, want, strlen(want)) != 0)
			fail_msg("check %s: got \"%s\"", cases[i].name, d.msg);
	}
	free(main0);
	free(wal0);
	free(walp);
	diary_close(dy);
}

/* A copy left by a restore that did not finish is never overwritten. */
static void
test_restore_keeps_an_unfinished_copy(void **state)
{
	struct diary *dy, *src;
	struct diag d;
	struct entry_list l;
	char p[PATH_MAX], keep[PATH_MAX + 32], s[PATH_MAX];
	char want[PATH_MAX + 128], *got;
	size_t n;

	snprintf(s, sizeof s, "%s", path_in(state, "backup.db"));
	make_source(s);
	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	snprintf(keep, sizeof keep, "%s.before-restore", p);
	dy = open_ok(p);
	add_one(dy, 20000, "salami", "Salami");
	write_file(keep, "old", 3);
	memset(&d, 0, sizeof d);
	assert_int_equal(diary_restore_from(dy, s, &d), -1);
	snprintf(want, sizeof want, "'%s' exists (left by a restore that did "
	    "not finish?): move it away, then restore again", keep);
	assert_string_equal(d.msg, want);
	got = slurp(keep, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(got, "old", 3);
	free(got);
	entry_list_init(&l);
	assert_int_equal(diary_all(dy, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].food_id, "salami");
	entry_list_release(&l);

	/* Moved away, the restore goes through. */
	assert_int_equal(unlink(keep), 0);
	assert_int_equal(diary_restore_from(dy, s, NULL), 0);
	src = open_ok(s);
	assert_same_entries(dy, src);
	diary_close(src);
	diary_close(dy);
}

/* The diary file alone, copied elsewhere, holds n entries. */
static void
assert_file_alone_has(void **state, const char *path, int64_t n)
{
	struct diary *dy;
	char c[PATH_MAX], want[32];
	int64_t got;

	snprintf(c, sizeof c, "%s", path_in(state, "alone"));
	mkdir(c, 0700);
	snprintf(c, sizeof c, "%s", path_in(state, "alone/diary.db"));
	unlink(c);
	copy_file(path, c);
	snprintf(want, sizeof want, "%lld", (long long)n);
	assert_raw(c, "SELECT count(*) FROM entry", want);
	dy = open_ok(c);
	assert_int_equal(diary_count(dy, &got, NULL), 0);
	assert_int_equal(got, n);
	diary_close(dy);
}

static void
test_close_leaves_nothing_only_in_the_wal(void **state)
{
	struct diary *dy, *screen;
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	add_one(dy, 19700, "natto", "Natto");
	add_one(dy, 19701, "gouda", "Gouda");
	add_one(dy, 19702, "egg", "Egg yolk");
	assert_false(wal_empty(p));
	diary_close(dy);
	assert_true(wal_empty(p));
	assert_file_alone_has(state, p, 3);

	/* A command closing while the screen keeps the diary open. */
	screen = open_ok(p);
	dy = open_ok(p);
	add_one(dy, 19703, "natto", "Natto");
	diary_close(dy);
	assert_true(wal_empty(p));
	assert_file_alone_has(state, p, 4);
	/* Then the screen adds and quits. */
	add_one(screen, 19704, "natto", "Natto");
	diary_close(screen);
	assert_true(wal_empty(p));
	assert_file_alone_has(state, p, 5);
}

static void
test_checkpoint_folds_the_wal_now(void **state)
{
	struct diary *dy;
	char p[PATH_MAX];

	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	add_one(dy, 19700, "natto", "Natto");
	add_one(dy, 19701, "gouda", "Gouda");
	assert_false(wal_empty(p));
	assert_int_equal(diary_checkpoint(dy, NULL), 0);
	assert_true(wal_empty(p));
	assert_file_alone_has(state, p, 2);
	/* Still open and in use. */
	add_one(dy, 19702, "egg", "Egg yolk");
	diary_close(dy);
	assert_file_alone_has(state, p, 3);

	dy = open_ok(":memory:");
	assert_int_equal(diary_checkpoint(dy, NULL), 0);
	diary_close(dy);
}

static void
test_open_existing_makes_nothing(void **state)
{
	struct diary *dy;
	struct diag d;
	char p[PATH_MAX], want[PATH_MAX + 64];
	int64_t n;

	/* Missing folders: none is made. */
	snprintf(p, sizeof p, "%s", path_in(state, "a/b/diary.db"));
	memset(&d, 0, sizeof d);
	assert_null(diary_open_existing(p, &d));
	snprintf(want, sizeof want, "no diary at %s", p);
	assert_string_equal(d.msg, want);
	assert_null(d.file);
	assert_false(exists(path_in(state, "a")));

	/* A missing file in a folder that is there: no file, no -wal. */
	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	assert_null(diary_open_existing(p, &d));
	snprintf(want, sizeof want, "no diary at %s", p);
	assert_string_equal(d.msg, want);
	assert_false(exists(p));
	assert_false(exists(path_in(state, "diary.db-wal")));

	/* A relative path is named as given. */
	assert_null(diary_open_existing("no/such/diary.db", &d));
	assert_string_equal(d.msg, "no diary at no/such/diary.db");
	assert_false(exists("no"));

	/* A file where a folder should be. */
	write_file(path_in(state, "plain"), "x", 1);
	snprintf(p, sizeof p, "%s", path_in(state, "plain/diary.db"));
	assert_null(diary_open_existing(p, &d));
	snprintf(want, sizeof want, "no diary at %s", p);
	assert_string_equal(d.msg, want);

	/* What is there opens as with diary_open, refusals included. */
	snprintf(p, sizeof p, "%s", path_in(state, "diary.db"));
	dy = open_ok(p);
	add_one(dy, 19700, "natto", "Natto");
	diary_close(dy);
	dy = diary_open_existing(p, &d);
	assert_non_null(dy);
	assert_int_equal(diary_count(dy, &n, NULL), 0);
	assert_int_equal(n, 1);
	diary_close(dy);
	snprintf(p, sizeof p, "%s", path_in(state, "empty.db"));
	write_file(p, "", 0);
	dy = diary_open_existing(p, &d);
	assert_non_null(dy);
	diary_close(dy);
	assert_raw(p, "PRAGMA user_version", "2");
	snprintf(p, sizeof p, "%s", path_in(state, "notes.txt"));
	write_file(p, "day,food\n", 9);
	assert_null(diary_open_existing(p, &d));
	snprintf(want, sizeof want,
	    "'%s' is not a k2diary database (not SQLite)", p);
	assert_string_equal(d.msg, want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_open_creates_private_folders),
		T(test_open_leaves_existing_folders_alone),
		T(test_open_migrates_empty_file),
		T(test_reopen_keeps_entries),
		T(test_migrate_1_to_2_ids_never_reused),
		T(test_open_refuses_newer_schema),
		T(test_open_refuses_newer_wal_schema),
		T(test_open_refuses_not_sqlite),
		T(test_open_refuses_corrupt_file),
		T(test_open_refuses_foreign_sqlite),
		T(test_open_refuses_what_is_not_a_file),
		T(test_add_get_round_trip),
		T(test_unknown_stays_unknown),
		T(test_update_changes_amount_only),
		T(test_remove_and_restore),
		T(test_range_by_day_then_id),
		T(test_sql_looking_text_is_stored_verbatim),
		T(test_add_many_all_or_none),
		T(test_add_refuses_missing_text),
		T(test_crash_leaves_no_half_entry),
		T(test_data_version_sees_other_connections),
		T(test_memory_diary),
		T(test_restore_from_takes_the_source),
		T(test_restore_from_a_diary_in_use),
		T(test_restore_refuses_what_is_not_a_diary),
		T(test_restore_keeps_an_unfinished_copy),
		T(test_close_leaves_nothing_only_in_the_wal),
		T(test_checkpoint_folds_the_wal_now),
		T(test_open_existing_makes_nothing),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
