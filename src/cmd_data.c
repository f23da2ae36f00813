/* SPDX-License-Identifier: ISC */
/* The diary as data: export, import, backup and restore. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "cli.h"
#include "cli_out.h"
#include "csv.h"
#include "date.h"
#include "diary.h"
#include "record.h"
#include "session.h"
#include "text.h"
#include "util.h"

int
cmd_export(struct session *x, const struct cli_opts *o)
{
	struct entry_list l;
	struct diag d;
	long from = -1000000000L, to = 1000000000L;
	bool json = o->format != NULL && strcmp(o->format, "json") == 0;
	size_t i;

	if (o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary export [--format "
		    "csv|json] [--from DAY] [--to DAY]\n");
		return EXIT_USAGE;
	}
	if ((o->from != NULL && cli_parse_day(x, o->from, &from) != 0) ||
	    (o->to != NULL && cli_parse_day(x, o->to, &to) != 0))
		return EXIT_USAGE;
	if (from > to) {
		fprintf(stderr, "k2diary: --from %s is after --to %s\n",
		    o->from, o->to);
		return EXIT_USAGE;
	}
	if (cli_open_existing(x) != 0)
		return EXIT_ERROR;
	entry_list_init(&l);
	if (diary_range(x->diary, from, to, &l, &d) != 0) {
		cli_print_diag(&d);
		return EXIT_ERROR;
	}
	if (json) {
		printf("[");
		for (i = 0; i < l.n; i++) {
			fputs(i ? ",\n  " : "\n  ", stdout);
			record_json(stdout, &l.v[i]);
		}
		printf("%s]\n", l.n ? "\n" : "");
	} else {
		record_csv_header(stdout);
		for (i = 0; i < l.n; i++)
			record_csv_row(stdout, &l.v[i]);
	}
	entry_list_release(&l);
	return EXIT_OK;
}

/*
 * The count of units of an entry from an export made before the quantity
 * column: from the food's unit weight when it is still in the catalogue,
 * else its servings.
 */
static void
derive_quantity(const struct session *x, struct entry *e)
{
	const struct food *f = catalogue_find(&x->cat, e->food_id);
	int i = f != NULL ? food_serving_index(f, e->serving) : -1;

	if (strcmp(e->serving, "g") == 0 && e->grams > 0)
		e->quantity = e->grams;
	else if (i >= 0 && f->servings[i].grams > 0 && e->grams > 0)
		e->quantity = e->grams / f->servings[i].grams;
	else
		e->quantity = e->servings;
}

/* Read an export's CSV into l (all rows, or nothing); errors printed. */
static int
import_rows(const struct session *x, const char *path, const char *buf,
    size_t len, struct entry_list *l)
{
	struct csv_reader r;
	struct csv_row row;
	struct record_layout lay;
	struct entry e;
	struct diag d;
	int rc;
	bool header = true;

	csv_reader_init(&r, buf, len);
	while ((rc = csv_next(&r, &row, &d)) == 1) {
		if (header) {
			header = false;
			rc = record_csv_layout(&row, &lay);
			csv_row_release(&row);
			if (rc != 0) {
				fprintf(stderr, "%s:1: expected the header of "
				    "'k2diary export': id,day,logged_at,...\n",
				    path);
				return -1;
			}
			continue;
		}
		if (record_csv_entry(&lay, &row, &e, &d) != 0) {
			fprintf(stderr, "%s:%u: %s; nothing imported\n", path,
			    d.line, d.msg);
			csv_row_release(&row);
			return -1;
		}
		csv_row_release(&row);
		if (e.quantity == 0)
			derive_quantity(x, &e);
		entry_list_push(l, &e);
	}
	if (rc < 0) {
		fprintf(stderr, "%s:%u: %s; nothing imported\n", path, d.line,
		    d.msg);
		return -1;
	}
	if (header) {
		fprintf(stderr, "%s: empty file: expected the header of "
		    "'k2diary export'\n", path);
		return -1;
	}
	return 0;
}

int
cmd_import(struct session *x, const struct cli_opts *o)
{
	struct entry_list l;
	struct entry old;
	struct diag d;
	char *buf, msg[1024];
	const char *path;
	size_t len, i;
	int rc, ret = EXIT_ERROR;

	if (o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary import FILE.csv\n");
		return EXIT_USAGE;
	}
	path = o->args[0];
	if (util_read_file(path, 256u << 20, &buf, &len, &d) != 0) {
		fprintf(stderr, "%s: %s\n", d.file, d.msg);
		return EXIT_ERROR;
	}
	entry_list_init(&l);
	if (import_rows(x, path, buf, len, &l) != 0)
		goto out;
	if (cli_open_diary(x) != 0)
		goto out;
	/* Ids are kept: one already in the diary stops the whole import. */
	for (i = 0; i < l.n; i++) {
		rc = diary_get(x->diary, l.v[i].id, &old, &d);
		if (rc == 0) {
			entry_release(&old);
			fprintf(stderr, "%s: entry id %lld is already in the "
			    "diary; nothing imported\n", path,
			    (long long)l.v[i].id);
			goto out;
		}
		if (rc < 0)
			goto dberr;
	}
	if (diary_restore_many(x->diary, l.v, l.n, &d) != 0)
		goto dberr;
	/* A bulk write: fold the WAL now, so the next start reads no WAL. */
	if (diary_checkpoint(x->diary, &d) != 0)
		cli_print_diag(&d);
	printf("imported %zu %s from %s\n", l.n, l.n == 1 ? "entry" :
	    "entries", path);
	ret = EXIT_OK;
	goto out;
dberr:
	diag_format(&d, msg, sizeof msg);
	fprintf(stderr, "%s; nothing imported\n", msg);
out:
	entry_list_release(&l);
	free(buf);
	return ret;
}

int
cmd_backup(struct session *x, const struct cli_opts *o)
{
	struct diag d;
	char msg[1024];

	if (o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary backup FILE\n");
		return EXIT_USAGE;
	}
	if (cli_open_existing(x) != 0)
		return EXIT_ERROR;
	if (diary_backup(x->diary, o->args[0], &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "%s\n", msg);
		return EXIT_ERROR;
	}
	printf("backed up %s to %s\n", x->db_path, o->args[0]);
	return EXIT_OK;
}

/* Replace the diary with a backup, creating the diary only if missing. */
int
cmd_restore(struct session *x, const struct cli_opts *o)
{
	struct diag d;
	char msg[1024];
	const char *src;
	int64_t n;

	if (o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary restore FILE\n");
		return EXIT_USAGE;
	}
	src = o->args[0];
	/* A file that will be refused must not leave a new, empty diary. */
	if (diary_check_file(src, &d) != 0)
		goto fail;
	if (cli_open_diary(x) != 0)
		return EXIT_ERROR;
	if (diary_restore_from(x->diary, src, &d) != 0 ||
	    diary_count(x->diary, &n, &d) != 0)
		goto fail;
	printf("restored %s into %s (%lld %s)\n", src, x->db_path,
	    (long long)n, n == 1 ? "entry" : "entries");
	return EXIT_OK;
fail:
	diag_format(&d, msg, sizeof msg);
	fprintf(stderr, "%s\n", msg);
	return EXIT_ERROR;
}
