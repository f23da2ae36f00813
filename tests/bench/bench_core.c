/* SPDX-License-Identifier: ISC */
/* Time the core in-process: the weekly gauge query, logging one entry, the picker's filter. */
/*
 * bench_core gauge DB BATCHES CALLS [range]
 *                                    per-call time of diary_range over the
 *                                    current week plus gauge_week (or the
 *                                    range alone), once per batch of CALLS
 *                                    calls (microseconds)
 * bench_core add DB N                each diary_add of one serving of gouda
 *                                    (committed, synchronous=FULL), after one
 *                                    warm-up (microseconds)
 * bench_core search FOODS RUNS Q...  search_run over the catalogue for every
 *                                    prefix of every query, as typed, at
 *                                    most 200 hits as the picker asks
 *                                    (microseconds, one a line); the index
 *                                    build time goes to stderr
 * bench_core searchonce FOODS Q      build the index and run one search (for
 *                                    callgrind's --toggle-collect=search_run)
 * bench_core names FOODS             the catalogue's names, one a line, in
 *                                    its order (for fzf)
 * FOODS is a catalogue file, or "builtin" for the built-in table.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "config.h"
#include "date.h"
#include "diary.h"
#include "gauge.h"
#include "search.h"

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static struct diary *
open_or_die(const char *path)
{
	struct diag d;
	struct diary *dy = diary_open(path, &d);
	char buf[700];

	if (dy == NULL) {
		diag_format(&d, buf, sizeof buf);
		fprintf(stderr, "bench_core: %s\n", buf);
		exit(1);
	}
	return dy;
}

static int
bench_gauge(const char *path, int batches, int calls, bool with_gauge)
{
	struct diary *dy = open_or_die(path);
	struct config cf;
	struct entry_list l;
	struct gauge *g = malloc(sizeof *g);
	struct diag d;
	long ws;
	double t0, sink = 0;
	int b, i;
	size_t n = 0;

	config_defaults(&cf);
	ws = date_week_start(date_diary_day(time(NULL), cf.day_starts_min),
	    cf.week_start);
	for (b = -1; b < batches; b++) {
		t0 = now_us();
		for (i = 0; i < calls; i++) {
			entry_list_init(&l);
			if (diary_range(dy, ws, ws + 6, &l, &d) != 0)
				return 1;
			if (with_gauge) {
				gauge_week(&cf, ws, l.v, l.n, g);
				sink += g->rich_servings;
			}
			n = l.n;
			entry_list_release(&l);
		}
		if (b >= 0)
			printf("%.3f\n", (now_us() - t0) / calls);
	}
	fprintf(stderr, "entries in the week: %zu (%g)\n", n, sink > 0 ? 1.0 :
	    0.0);
	free(g);
	diary_close(dy);
	return n > 0 ? 0 : 1;
}

static int
bench_add(const char *path, int n)
{
	struct diary *dy = open_or_die(path);
	struct catalogue cat;
	struct diag_list *dl = malloc(sizeof *dl);
	const struct food *f;
	struct amount a;
	struct entry e;
	struct diag d;
	long today = date_diary_day(time(NULL), 240);
	double t0, t;
	int i;

	diag_list_init(dl);
	catalogue_init(&cat);
	catalogue_load_builtin(&cat);
	if ((f = catalogue_find(&cat, "gouda")) == NULL)
		return 1;
	amount_default(f, &a);
	for (i = -1; i < n; i++) {
		entry_from_food(&e, f, &a, today, (int64_t)time(NULL));
		t0 = now_us();
		if (diary_add(dy, &e, &d) != 0)
			return 1;
		t = now_us() - t0;
		entry_release(&e);
		if (i >= 0)
			printf("%.1f\n", t);
	}
	catalogue_release(&cat);
	free(dl);
	diary_close(dy);
	return 0;
}

static int
load_index(const char *path, struct catalogue *cat, struct search_index *ix)
{
	struct diag_list *dl = malloc(sizeof *dl);
	double t0;

	diag_list_init(dl);
	catalogue_init(cat);
	t0 = now_us();
	if (strcmp(path, "builtin") == 0)
		catalogue_load_builtin(cat);
	else if (catalogue_load_file(cat, path, dl) != 0) {
		diag_print(dl, stderr);
		return -1;
	}
	fprintf(stderr, "load: %.0f us for %zu foods\n", now_us() - t0,
	    cat->n);
	t0 = now_us();
	search_index_init(ix, cat);
	fprintf(stderr, "index: %.0f us\n", now_us() - t0);
	free(dl);
	return 0;
}

static int
bench_search(const char *path, int runs, char **queries, int nq)
{
	struct catalogue cat;
	struct search_index ix;
	struct search_hit *hits = malloc(200 * sizeof *hits);
	char q[256];
	double t0;
	size_t len, k, total = 0;
	int r, i;

	if (load_index(path, &cat, &ix) != 0)
		return 1;
	for (r = 0; r < runs; r++)
		for (i = 0; i < nq; i++) {
			len = strlen(queries[i]);
			for (k = 1; k <= len && k < sizeof q; k++) {
				memcpy(q, queries[i], k);
				q[k] = '\0';
				t0 = now_us();
				total += search_run(&ix, q, hits, 200, NULL);
				printf("%.1f\n", now_us() - t0);
			}
		}
	fprintf(stderr, "hits: %zu\n", total);
	search_index_release(&ix);
	catalogue_release(&cat);
	free(hits);
	return 0;
}

static int
bench_searchonce(const char *path, const char *query)
{
	struct catalogue cat;
	struct search_index ix;
	struct search_hit *hits = malloc(200 * sizeof *hits);
	size_t n;

	if (load_index(path, &cat, &ix) != 0)
		return 1;
	n = search_run(&ix, query, hits, 200, NULL);
	fprintf(stderr, "hits: %zu\n", n);
	search_index_release(&ix);
	catalogue_release(&cat);
	free(hits);
	return 0;
}

static int
bench_names(const char *path)
{
	struct catalogue cat;
	struct search_index ix;
	size_t i;

	if (load_index(path, &cat, &ix) != 0)
		return 1;
	for (i = 0; i < cat.n; i++)
		printf("%s\n", cat.foods[i].name);
	search_index_release(&ix);
	catalogue_release(&cat);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if ((argc == 5 || argc == 6) && strcmp(argv[1], "gauge") == 0)
		return bench_gauge(argv[2], atoi(argv[3]), atoi(argv[4]),
		    argc == 5 || strcmp(argv[5], "range") != 0);
	if (argc == 4 && strcmp(argv[1], "add") == 0)
		return bench_add(argv[2], atoi(argv[3]));
	if (argc >= 5 && strcmp(argv[1], "search") == 0)
		return bench_search(argv[2], atoi(argv[3]), argv + 4, argc - 4);
	if (argc == 4 && strcmp(argv[1], "searchonce") == 0)
		return bench_searchonce(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "names") == 0)
		return bench_names(argv[2]);
	fprintf(stderr, "usage: bench_core gauge DB BATCHES CALLS [range] | "
	    "add DB N | "
	    "search FOODS RUNS QUERY... | searchonce FOODS QUERY | "
	    "names FOODS\n");
	return 2;
}
