/* SPDX-License-Identifier: ISC */
/* The diary store: entries in SQLite, one transaction per change. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "diary.h"
#include "diary_priv.h"
#include "record.h"
#include "util.h"

/*
 * Every statement that reads or writes entries names the record's columns
 * (record.c: the one list, in export order, id first) and binds them as
 * numbered parameters: ?1 ... ?16 the columns after id, ?17 the id. The
 * SELECTs return id first, then those columns, so column i is record
 * column i. The templates below say where: %C the columns, %P the
 * parameters, %U an edit's "column = ?i" list, %I the id's parameter.
 */
#define PARAM_ID 17

/* Entries the picker's usage looks back over, and its hash table's size. */
#define USAGE_ROWS_TEXT "2000"
#define USAGE_SLOTS 4096	/* a power of two above twice the rows */

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
	/*
	 * The last 2,000 entries (months of use): cheap on a ten-year diary.
	 * Counted in diary_usage: a GROUP BY here sorts them through a
	 * temporary b-tree, which cost as much as the whole first frame.
	 */
	[ST_USAGE] = ("SELECT food_id, logged_at FROM entry ORDER BY id DESC "
	    "LIMIT " USAGE_ROWS_TEXT),
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
const char *
diary_stmt_sql(enum stmt s)
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

/* Report the connection's last error as "cannot WHAT: sqlite message". */
void
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

/*
 * Prepare statement s on its first use: a start-up that only draws the
 * day prepares what the day needs, not all thirteen.
 */
int
diary_need(struct diary *dy, enum stmt s, struct diag *d)
{
	if (dy->st[s] != NULL)
		return 0;
	if (sqlite3_prepare_v3(dy->db, diary_stmt_sql(s), -1,
	    SQLITE_PREPARE_PERSISTENT, &dy->st[s], NULL) == SQLITE_OK)
		return 0;
	diary_fail(dy, "prepare a statement", d);
	return -1;
}

/* Step a statement that returns no row; the error is left in d. */
static int
diary_exec(struct diary *dy, enum stmt s, const char *what, struct diag *d)
{
	int rc;

	if (diary_need(dy, s, d) == -1)
		return -1;
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
	if (sqlite3_get_autocommit(dy->db) ||
	    diary_need(dy, ST_ROLLBACK, NULL) == -1)
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

/* Run a one-row, one-column query for an integer. */
int
diary_query_int(sqlite3 *db, const char *sql, long *out)
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

/* Insert e with the prepared statement s inside the open transaction. */
static int
diary_insert(struct diary *dy, enum stmt s, const struct entry *e,
    const char *what, struct diag *d)
{
	if (entry_check(dy, e, what, d) == -1 || diary_need(dy, s, d) == -1)
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
	sqlite3_stmt *st;
	int rc;

	if (diary_need(dy, ST_GET, d) == -1)
		return -1;
	st = dy->st[ST_GET];
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
	if (entry_check(dy, e, "change entry", d) == -1 ||
	    diary_need(dy, ST_UPDATE, d) == -1)
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
	if (diary_need(dy, ST_DELETE, d) == -1)
		return -1;
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
	sqlite3_stmt *st;

	if (diary_need(dy, ST_RANGE, d) == -1)
		return -1;
	st = dy->st[ST_RANGE];
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
	if (diary_need(dy, ST_ALL, d) == -1)
		return -1;
	return diary_select(dy, dy->st[ST_ALL], out, d);
}

/* PRAGMA data_version: changes when another connection commits. */
int
diary_data_version(struct diary *dy, long *out, struct diag *d)
{
	sqlite3_stmt *st;
	int rc;

	if (diary_need(dy, ST_DATA_VERSION, d) == -1)
		return -1;
	st = dy->st[ST_DATA_VERSION];
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
	if (diary_need(dy, ST_DELETE, d) == -1 ||
	    diary_exec(dy, ST_BEGIN, "remove entries", d) == -1)
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
	sqlite3_stmt *st;

	if (diary_need(dy, ST_RECENT, d) == -1)
		return -1;
	st = dy->st[ST_RECENT];
	if (sqlite3_bind_int64(st, 1, (sqlite3_int64)limit) != SQLITE_OK) {
		diary_fail(dy, "read entries", d);
		stmt_done(st);
		return -1;
	}
	return diary_select(dy, st, out, d);
}

/* FNV-1a of a food id, for the usage table. */
static uint32_t
id_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Count one logged food into v (len of them), slots its hash table. */
static void
usage_count(struct diary_usage **v, size_t *len, size_t *cap, int *slots,
    const char *id, int64_t at)
{
	uint32_t i = id_hash(id) & (USAGE_SLOTS - 1);
	struct diary_usage *u;

	while (slots[i] >= 0 && strcmp((*v)[slots[i]].food_id, id) != 0)
		i = (i + 1) & (USAGE_SLOTS - 1);
	if (slots[i] < 0) {
		if (*len == *cap) {
			*cap = *cap == 0 ? 64 : *cap * 2;
			*v = xreallocarray(*v, *cap, sizeof **v);
		}
		u = &(*v)[*len];
		u->food_id = xstrdup(id);
		u->count = 0;
		u->last = at;
		slots[i] = (int)(*len)++;
	}
	u = &(*v)[slots[i]];
	u->count++;
	if (at > u->last)
		u->last = at;
}

/* How often and when each food was last logged. */
int
diary_usage(struct diary *dy, struct diary_usage **out, size_t *n,
    struct diag *d)
{
	sqlite3_stmt *st;
	struct diary_usage *v = NULL;
	size_t cap = 0, len = 0;
	int *slots;
	int rc;

	if (diary_need(dy, ST_USAGE, d) == -1)
		return -1;
	st = dy->st[ST_USAGE];
	slots = xreallocarray(NULL, USAGE_SLOTS, sizeof *slots);
	memset(slots, 0xff, USAGE_SLOTS * sizeof *slots);	/* all -1 */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		usage_count(&v, &len, &cap, slots, id != NULL ? id : "",
		    sqlite3_column_int64(st, 1));
	}
	stmt_done(st);
	free(slots);
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

/* The number of entries in the diary. */
int
diary_count(struct diary *dy, int64_t *out, struct diag *d)
{
	long n;

	if (diary_query_int(dy->db, "SELECT count(*) FROM entry", &n) == -1) {
		diary_fail(dy, "count entries", d);
		return -1;
	}
	*out = n;
	return 0;
}
