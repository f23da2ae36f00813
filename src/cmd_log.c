/* SPDX-License-Identifier: ISC */
/* Logging and changing entries: add, rm and edit. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "catalogue.h"
#include "cli.h"
#include "cli_out.h"
#include "date.h"
#include "diary.h"
#include "entry.h"
#include "gauge.h"
#include "session.h"
#include "text.h"
#include "util.h"

int
cmd_add(struct session *x, const struct cli_opts *o)
{
	const struct food *f;
	struct amount a;
	struct entry e;
	struct entry_list l1, l2;
	struct gauge *before, *after;
	struct diag d;
	int ret = EXIT_ERROR;

	if (o->nargs < 1 || o->nargs > 2) {
		fprintf(stderr, "k2diary: usage: k2diary add FOOD [AMOUNT] "
		    "[--date DAY]\n");
		return EXIT_USAGE;
	}
	if (x->day > x->today) {
		char d1[16], d2[16];
		fprintf(stderr, "k2diary: %s is after today (%s): nothing "
		    "logged\n", date_format(x->day, d1, sizeof d1),
		    date_format(x->today, d2, sizeof d2));
		return EXIT_ERROR;
	}
	if ((f = cli_resolve_food(x, o->args[0])) == NULL)
		return EXIT_ERROR;
	if (amount_parse(o->nargs == 2 ? o->args[1] : "", f, &a, &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return EXIT_ERROR;
	}
	if (cli_open_diary(x) != 0)
		return EXIT_ERROR;
	before = xmalloc(sizeof *before);
	after = xmalloc(sizeof *after);
	if (cli_week(x, x->day, &l1, before) != 0)
		goto out;
	entry_from_food(&e, f, &a, x->day, x->now);
	if (diary_add(x->diary, &e, &d) != 0) {
		cli_print_diag(&d);
		entry_release(&e);
		entry_list_release(&l1);
		goto out;
	}
	cli_print_entry_line(&e, "logged");
	entry_release(&e);
	if (cli_week(x, x->day, &l2, after) == 0) {
		cli_print_new_warnings(x, f, before, after, x->day);
		entry_list_release(&l2);
	}
	entry_list_release(&l1);
	ret = EXIT_OK;
out:
	free(before);
	free(after);
	return ret;
}

static bool
parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	if (*s == '#')
		s++;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return false;
	*id = v;
	return true;
}

/* Report a change of entry e (r from diary_update or diary_remove). */
static int
change_done(int r, struct entry *e, const struct diag *d, const char *verb)
{
	if (r < 0)
		cli_print_diag(d);
	else if (r == 1)
		fprintf(stderr, "k2diary: no entry #%lld\n", (long long)e->id);
	else
		cli_print_entry_line(e, verb);
	entry_release(e);
	return r == 0 ? EXIT_OK : EXIT_ERROR;
}

static int
get_entry(struct session *x, const char *arg, struct entry *e)
{
	int64_t id;
	struct diag d;
	int r;

	if (!parse_id(arg, &id)) {
		fprintf(stderr, "k2diary: '%s' is not an entry id (see "
		    "'k2diary list')\n", arg);
		return EXIT_USAGE;
	}
	if (cli_open_existing(x) != 0)
		return EXIT_ERROR;
	r = diary_get(x->diary, id, e, &d);
	if (r < 0) {
		cli_print_diag(&d);
		return EXIT_ERROR;
	}
	if (r == 1) {
		fprintf(stderr, "k2diary: no entry #%lld\n", (long long)id);
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

int
cmd_rm(struct session *x, const struct cli_opts *o)
{
	struct entry e;
	struct diag d;
	int r;

	if (o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary rm ID\n");
		return EXIT_USAGE;
	}
	if ((r = get_entry(x, o->args[0], &e)) != EXIT_OK)
		return r;
	r = diary_remove(x->diary, e.id, &d);
	return change_done(r, &e, &d, "removed");
}

int
cmd_edit(struct session *x, const struct cli_opts *o)
{
	struct entry e;
	struct food tmp;
	struct serving sv[ENTRY_UNITS_MAX];
	struct amount a;
	struct diag d;
	int r;

	if (o->nargs != 2) {
		fprintf(stderr, "k2diary: usage: k2diary edit ID AMOUNT\n");
		return EXIT_USAGE;
	}
	if ((r = get_entry(x, o->args[0], &e)) != EXIT_OK)
		return r;
	/* The amount is read in the entry's own units (its snapshot). */
	entry_edit_food(&e, catalogue_find(&x->cat, e.food_id), &tmp, sv);
	if (amount_parse(o->args[1], &tmp, &a, &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		entry_release(&e);
		return EXIT_ERROR;
	}
	entry_rescale(&e, &a);
	r = diary_update(x->diary, &e, &d);
	return change_done(r, &e, &d, "changed");
}
