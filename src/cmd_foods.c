/* SPDX-License-Identifier: ISC */
/* The catalogue's commands: foods [QUERY] and check [FILE]. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "catalogue_yaml.h"
#include "cli.h"
#include "catalogue_table.h"
#include "cli_out.h"
#include "rules.h"
#include "food.h"
#include "search.h"
#include "session.h"
#include "text.h"
#include "util.h"

/* A figure of a recipe that some ingredients lack gets the partial mark. */
static const char *
partly(char *buf, size_t len, const struct food *f, enum nutrient k)
{
	size_t n = strlen(buf);

	if (rule_partial(f, k) && n + 1 < len) {
		buf[n] = GAUGE_PARTIAL_MARK;
		buf[n + 1] = '\0';
	}
	return buf;
}

int
cmd_foods(struct session *x, const struct cli_opts *o)
{
	size_t *idx, n, i, shown, wid = 2, wname = 4, wserv = 7;
	const char *query = o->nargs > 0 ? o->args[0] : NULL;
	char k2[32], sf[32], na[32], flags[96], serv[64], name[256];
	char cover[128];
	struct nutrients one;

	if (o->nargs > 1) {
		fprintf(stderr, "k2diary: foods takes one QUERY (quote it "
		    "if it has spaces)\n");
		return EXIT_USAGE;
	}
	idx = xreallocarray(NULL, x->cat.n + 1, sizeof *idx);
	if (query != NULL) {
		/* The picker's search, tiers and all (DESIGN §3c). */
		struct search_index ix;
		struct search_hit *hits = xreallocarray(NULL, x->cat.n + 1,
		    sizeof *hits);
		search_index_init(&ix, &x->cat);
		n = search_run(&ix, query, hits, x->cat.n, NULL);
		for (i = 0; i < n; i++)
			idx[i] = hits[i].food;
		free(hits);
		search_index_release(&ix);
	} else {
		for (i = 0; i < x->cat.n; i++)
			idx[i] = i;
		n = x->cat.n;
	}
	if (n == 0) {
		fprintf(stderr, "k2diary: no food matches '%s'\n", query);
		free(idx);
		return EXIT_ERROR;
	}
	shown = n;
	for (i = 0; i < shown; i++) {
		const struct food *f = &x->cat.foods[idx[i]];
		cli_serving_text(f, serv, sizeof serv);
		wid = strlen(f->id) > wid ? strlen(f->id) : wid;
		wname = text_width(f->name) > wname ? text_width(f->name) : wname;
		wserv = text_width(serv) > wserv ? text_width(serv) : wserv;
	}
	wname = wname > 40 ? 40 : wname;
	cli_cell("id", wid, false);
	cli_cell("name", wname, false);
	cli_cell("serving", wserv, false);
	snprintf(k2, sizeof k2, "K2 %s", text_ug());
	cli_cell(k2, 7, true);
	cli_cell("sat fat g", 9, true);
	cli_cell("sodium mg", 9, true);
	printf("flags\n");
	for (i = 0; i < shown; i++) {
		const struct food *f = &x->cat.foods[idx[i]];
		food_amount(f, 1.0, &one);
		cli_serving_text(f, serv, sizeof serv);
		cli_cell(f->id, wid, false);
		/* A long name keeps the words that matched (DESIGN §3c). */
		cli_cell(search_fit_name(name, sizeof name, f->name, query, wname),
		    wname, false);
		cli_cell(serv, wserv, false);
		if (nutrients_has(&one, NUT_K2))
			snprintf(k2, sizeof k2, "%.1f", one.v[NUT_K2]);
		else
			snprintf(k2, sizeof k2, "?");
		cli_cell(partly(k2, sizeof k2, f, NUT_K2), 7, true);
		cli_fmt_nut(sf, sizeof sf, &one, NUT_SAT_FAT);
		cli_cell(partly(sf, sizeof sf, f, NUT_SAT_FAT), 9, true);
		cli_fmt_nut(na, sizeof na, &one, NUT_SODIUM);
		cli_cell_sep(partly(na, sizeof na, f, NUT_SODIUM), 9, true, "");
		/* No trailing blanks on a row without flags. */
		cli_food_flags(x, f, flags, sizeof flags);
		rule_coverage(f, cover, sizeof cover);
		printf("%s%s%s%s\n", flags[0] != '\0' || cover[0] != '\0' ?
		    "  " : "", flags, flags[0] != '\0' && cover[0] != '\0' ?
		    ", " : "", cover);
	}
	free(idx);
	return EXIT_OK;
}

int
cmd_check(struct session *x, const struct cli_opts *o)
{
	struct catalogue c, base;
	struct diag_list *dl;
	int ret;

	if (o->nargs > 1) {
		fprintf(stderr, "k2diary: check takes one FILE\n");
		return EXIT_USAGE;
	}
	if (o->nargs == 0) {
		/* The catalogue in use was loaded (and reported) already. */
		if (o->foods != NULL)
			printf("%s: %zu %s, ok\n", o->foods, x->cat.n,
			    x->cat.n == 1 ? "food" : "foods");
		else if (x->cat_problems != NULL) {
			printf("catalogue in use: %zu %s; %zu %s in %s\n",
			    x->cat.n, x->cat.n == 1 ? "food" : "foods",
			    x->cat_n_problems, x->cat_n_problems == 1 ?
			    "error" : "errors", x->cat_problems_in);
			return EXIT_ERROR;
		} else
			printf("catalogue in use: %zu %s, ok\n", x->cat.n,
			    x->cat.n == 1 ? "food" : "foods");
		return EXIT_OK;
	}
	dl = xmalloc(sizeof *dl);
	diag_list_init(dl);
	ret = catalogue_read_file(&c, o->args[0], dl);
	/* Checked as a user's file: its recipes may use built-in foods. */
	catalogue_load_builtin(&base);
	if (catalogue_resolve_recipes(&c, &base, dl) != 0)
		ret = -1;
	catalogue_release(&base);
	if (ret == 0)
		printf("%s: %zu %s, ok\n", o->args[0], c.n,
		    c.n == 1 ? "food" : "foods");
	else
		diag_print(dl, stderr);
	catalogue_release(&c);
	free(dl);
	return ret == 0 ? EXIT_OK : EXIT_ERROR;
}
