/* SPDX-License-Identifier: ISC */
/* Unit tests for the screen geometry (src/layout.c): every size, no terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/*
 * The text after the K2 bar for up to 9 entries: " known for 9 of 9". A
 * longer one shortens the bar as it is drawn.
 */
#define K2_AFTER_W 17

struct fx {
	struct tui_view	 view;
	struct layout	 l;
};

/* Put ids on the again: line's foods. */
static void
recent(struct fx *x, const char *const *ids, size_t n)
{
	size_t i;

	memset(x->view.recent, 0, sizeof x->view.recent);
	for (i = 0; i < n; i++)
		snprintf(x->view.recent[i].id, sizeof x->view.recent[i].id,
		    "%s", ids[i]);
	x->view.n_recent = n;
}

/* A view with no recent foods; text in UTF-8. */
static int
setup(void **state)
{
	struct fx *x = xcalloc(1, sizeof *x);

	text_set_ascii(false);
	*state = x;
	return 0;
}

/* Free the fixture. */
static int
teardown(void **state)
{
	free(*state);
	return 0;
}

/* A column ends within the window and starts after the one before it. */
static void
check_after(struct layout_col prev, struct layout_col c, int cols)
{
	if (c.w == 0)
		return;
	assert_true(c.x >= 0);
	assert_true(c.x + c.w <= cols);
	if (prev.w > 0)
		assert_true(c.x >= prev.x + prev.w);
}

/* The invariants every size keeps: rows in order, columns apart, all inside. */
static void
check_day(const struct layout *l)
{
	const struct layout_col t[] = {
		l->amount, l->food, l->mark, l->k2, l->fat, l->sodium, l->high,
	};
	const struct layout_col p[] = {
		l->p_name, l->p_mark, l->p_serving, l->p_k2, l->p_flags,
	};
	const int order[] = {
		l->header_y, l->table_y, l->again_y, l->rule_y, l->rich_y,
		l->k2_y, l->days_y, l->fat_y, l->sodium_y, l->warn_y,
		l->status_y,
	};
	struct layout_col prev = { 0, 0 };
	size_t i;
	int last = -1, c = l->cols;

	assert_false(l->too_small);
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (order[i] < 0)
			continue;
		assert_true(order[i] > last);
		last = order[i];
	}
	assert_int_equal(l->status_y, l->rows - 1);
	assert_int_equal(l->table_h, (l->again_y >= 0 ? l->again_y :
	    l->gauge_y) - l->table_y);
	assert_true(l->entry_rows >= 1);
	assert_int_equal(l->gauge_rows, l->warn_y - l->gauge_y + 1);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		check_after(prev, t[i], c);
		if (t[i].w > 0)
			prev = t[i];
	}
	prev.w = 0;
	for (i = 0; i < sizeof p / sizeof p[0]; i++) {
		check_after(prev, p[i], c);
		if (p[i].w > 0)
			prev = p[i];
	}
	/* The K2 line: label, bar, and the coverage after it. */
	assert_true(1 + l->label_w < l->bar_x);
	assert_true(l->bar_x + l->bar_w + K2_AFTER_W <= c - 1);
	/* The day bars: "Mon█!" each. */
	assert_true(l->days_x + 6 * l->days_step + l->days_name_w + 2 <= c);
	/* Saturated fat and sodium: nothing past the edge. */
	assert_true(1 + l->lim_label_w <= l->lim_bar_x);
	assert_true(l->lim_word_x == l->lim_bar_x + l->lim_bar_w);
	assert_true(l->lim_bar_w >= 4);
	if (l->lim_week == 0)
		assert_true(l->lim_word_x + LAYOUT_WORD_W <= c);
	if (l->lim_week >= 1) {
		assert_true(l->lim_week_x > l->lim_word_x + LAYOUT_WORD_W - 1);
		assert_true(l->lim_week_x + l->lim_week_w <= c);
	}
	if (l->lim_week == 2) {
		assert_true(l->lim_wword_x + LAYOUT_WORD_W <= c);
		if (l->lim_wbar_w > 0)
			assert_int_equal(l->lim_wword_x, l->lim_wbar_x +
			    l->lim_wbar_w);
	}
	/* The prompt's pane. */
	assert_true(l->pane_y >= 1);
	if (l->pane_gauge)
		assert_int_equal(l->pane_y + l->pane_h, l->gauge_y);
	else
		assert_int_equal(l->pane_y + l->pane_h, l->status_y);
	assert_true(l->pane_h >= 10 || l->rows < 13);
}

static void
test_full_80x24(void **state)
{
	struct fx *x = *state;
	struct layout *l = &x->l;

	layout_day(24, 80, l);
	check_day(l);
	assert_false(l->compact);
	assert_true(l->wide);
	assert_true(l->header_name);
	/*
	 * README's "The full screen": the line of what to eat next (issue
	 * 13) between the gauge and the warning, the entries one row fewer.
	 */
	assert_int_equal(l->header_y, 0);
	assert_int_equal(l->table_y, 2);
	assert_int_equal(l->entry_rows, 10);
	assert_int_equal(l->again_y, 14);
	assert_int_equal(l->rule_y, 15);
	assert_int_equal(l->gauge_y, 15);
	assert_int_equal(l->gauge_rows, 8);
	assert_int_equal(l->rich_y, 16);
	assert_int_equal(l->k2_y, 17);
	assert_int_equal(l->days_y, 18);
	assert_int_equal(l->fat_y, 19);
	assert_int_equal(l->sodium_y, 20);
	assert_int_equal(l->suggest_y, 21);
	assert_int_equal(l->warn_y, 22);
	assert_int_equal(l->status_y, 23);
	assert_int_equal(l->amount.x, 1);
	assert_int_equal(l->amount.w, 12);
	assert_int_equal(l->food.x, 14);
	assert_int_equal(l->food.w, 26);
	assert_int_equal(l->k2.x, 41);
	assert_int_equal(l->k2.w, 8);
	assert_int_equal(l->fat.x, 50);
	assert_int_equal(l->sodium.x, 59);
	assert_int_equal(l->high.x, 69);
	assert_int_equal(l->high.w, 10);
	assert_int_equal(l->mark.w, 0);
	/* The day's bar of 10 and its word as before; the week's word fits. */
	assert_int_equal(l->lim_bar_x, 31);
	assert_int_equal(l->lim_bar_w, 10);
	assert_int_equal(l->lim_week, 2);
	assert_int_equal(l->lim_wbar_w, 0);
	assert_true(l->lim_wword_x + LAYOUT_WORD_W <= 80);
	assert_int_equal(l->bar_x, 31);
	assert_int_equal(l->bar_w, 26);
	assert_true(l->pane_gauge);
	assert_int_equal(l->pane_y, 2);
	assert_int_equal(l->pane_h, 13);
	assert_int_equal(layout_pick_rows(24, 80), 11);
}

/* One row short: still the whole diary, with one entry row fewer. */
static void
test_80x23_whole_diary(void **state)
{
	struct fx *x = *state;
	struct layout *l = &x->l;

	layout_day(23, 80, l);
	check_day(l);
	assert_false(l->too_small);
	assert_true(l->compact);
	assert_true(l->wide);
	assert_int_equal(l->table_y, 2);
	assert_int_equal(l->entry_rows, 10);
	assert_true(l->again_y >= 0);
	assert_true(l->rule_y >= 0);
	assert_true(l->days_y >= 0);
	assert_int_equal(l->gauge_rows, 7);
	assert_int_equal(l->warn_y, 21);
	assert_int_equal(l->status_y, 22);
	assert_int_equal(l->high.w, 10);
	assert_true(l->pane_gauge);
}

static void
test_100x30(void **state)
{
	struct fx *x = *state;
	struct layout *l = &x->l;

	layout_day(30, 100, l);
	check_day(l);
	assert_false(l->compact);
	assert_int_equal(l->entry_rows, 16);
	assert_int_equal(l->food.w, 46);
	assert_int_equal(l->high.x + l->high.w, 99);
	assert_int_equal(l->lim_bar_w, 16);
	/* Room for the week's bar too. */
	assert_true(l->lim_wbar_w >= 4);
	assert_int_equal(l->bar_w, 46);
}

/* Under 80: no high column, a mark after the name, narrower numbers. */
static void
test_60x20(void **state)
{
	struct fx *x = *state;
	struct layout *l = &x->l;

	layout_day(20, 60, l);
	check_day(l);
	assert_true(l->compact);
	assert_false(l->wide);
	assert_int_equal(l->high.w, 0);
	assert_int_equal(l->mark.w, 1);
	assert_int_equal(l->mark.x, l->food.x + l->food.w);
	assert_int_equal(l->k2.w, 7);
	assert_true(l->fat.w > 0);
	assert_true(l->sodium.w > 0);
	assert_int_equal(l->sodium.x + l->sodium.w, 59);
	assert_int_equal(l->food.w, 23);
	/* Every line is there at 20 rows. */
	assert_int_equal(l->table_y, 2);
	assert_true(l->rule_y >= 0 && l->days_y >= 0 && l->again_y >= 0);
	assert_int_equal(l->entry_rows, 7);
	/* The week's figures become its word. */
	assert_int_equal(l->lim_week, 1);
	assert_false(l->days_label && l->days_step == 9);
}

/* The smallest: the entry list, the again: line and the gauge's core. */
static void
test_40x12(void **state)
{
	struct fx *x = *state;
	struct layout *l = &x->l;

	assert_false(layout_too_small(12, 40));
	layout_day(12, 40, l);
	check_day(l);
	assert_true(l->compact);
	assert_false(l->header_name);
	assert_int_equal(l->table_y, 1);
	assert_int_equal(l->entry_rows, 2);
	assert_int_equal(l->again_y, 5);
	assert_int_equal(l->rule_y, -1);
	assert_int_equal(l->days_y, -1);
	assert_int_equal(l->rich_y, 6);
	assert_int_equal(l->k2_y, 7);
	assert_int_equal(l->fat_y, 8);
	assert_int_equal(l->sodium_y, 9);
	assert_int_equal(l->warn_y, 10);
	assert_int_equal(l->status_y, 11);
	assert_int_equal(l->gauge_rows, 5);
	/* Amount, name and K2; saturated fat and sodium are in the gauge. */
	assert_int_equal(l->fat.w, 0);
	assert_int_equal(l->sodium.w, 0);
	assert_int_equal(l->high.w, 0);
	assert_int_equal(l->mark.w, 1);
	assert_int_equal(l->amount.w, 10);
	assert_int_equal(l->food.w, 18);
	assert_int_equal(l->k2.x + l->k2.w, 39);
	assert_int_equal(l->lim_week, 0);
	assert_int_equal(l->lim_bar_w, 4);
	assert_int_equal(l->days_name_w, 2);
	/* The prompt takes the gauge's rows: ten from row 1. */
	assert_false(l->pane_gauge);
	assert_int_equal(l->pane_y, 1);
	assert_int_equal(l->pane_h, 10);
	assert_int_equal(layout_pick_rows(12, 40), 8);
	assert_int_equal(layout_pick_rows(12, 39), 1);
}

/* Below 40 x 12 nothing is laid out: the notice. */
static void
test_too_small(void **state)
{
	struct fx *x = *state;

	(void)x;
	assert_true(layout_too_small(12, 39));
	assert_true(layout_too_small(11, 40));
	assert_true(layout_too_small(0, 0));
	assert_false(layout_too_small(12, 40));
	layout_day(12, 39, &x->l);
	assert_true(x->l.too_small);
	assert_int_equal(x->l.status_y, -1);
	assert_int_equal(x->l.again_y, -1);
	layout_day(11, 40, &x->l);
	assert_true(x->l.too_small);
	assert_int_equal(x->l.table_y, -1);
}

/* Lines go in a fixed order as rows run out: blank, rule, day bars, again:. */
static void
test_rows_give_way_in_order(void **state)
{
	struct fx *x = *state;
	struct layout *l = &x->l;
	int rows, prev_entries = 1000;

	for (rows = 40; rows >= 12; rows--) {
		layout_day(rows, 80, l);
		check_day(l);
		if (l->table_y == 2)
			assert_true(l->rule_y >= 0);
		if (l->rule_y >= 0)
			assert_true(l->days_y >= 0);
		if (l->days_y >= 0)
			assert_true(l->again_y >= 0);
		/* The always-there lines. */
		assert_true(l->rich_y >= 0 && l->k2_y >= 0 && l->fat_y >= 0 &&
		    l->sodium_y >= 0 && l->warn_y >= 0);
		assert_true(l->entry_rows <= prev_entries);
		prev_entries = l->entry_rows;
		/* An optional line only while two entry rows stay. */
		if (l->table_y == 2 || l->rule_y >= 0 || l->days_y >= 0)
			assert_true(l->entry_rows >= 2);
	}
	layout_day(15, 80, l);
	assert_int_equal(l->table_y, 2);
	assert_int_equal(l->entry_rows, 2);
	layout_day(14, 80, l);
	assert_int_equal(l->table_y, 1);
	assert_true(l->rule_y >= 0);
	layout_day(13, 80, l);
	assert_int_equal(l->rule_y, -1);
	assert_true(l->days_y >= 0);
}

/* Every size from the smallest up keeps the invariants. */
static void
test_every_size(void **state)
{
	struct fx *x = *state;
	int rows, cols;

	for (cols = LAYOUT_MIN_COLS; cols <= 220; cols++)
		for (rows = LAYOUT_MIN_ROWS; rows <= 70; rows += 3) {
			layout_day(rows, cols, &x->l);
			check_day(&x->l);
			assert_int_equal(x->l.wide, cols >= 80);
			assert_int_equal(x->l.mark.w > 0, cols < 80);
			assert_int_equal(x->l.fat.w > 0, cols >= 50);
			assert_true(x->l.food.w >= 13);
		}
}

static void
test_recent_at_80(void **state)
{
	struct fx *x = *state;
	static const char *const ids[] = { "natto", "gouda", "salami" };
	static const char *const fours[] = {
		"aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg", "hhhh",
		"iiii",
	};
	static const char *const longer[] = {
		"aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg", "hhhh",
		"iiiij",
	};

	recent(x, ids, 3);
	assert_int_equal(layout_recent_shown(&x->view, 24, 80), 3);
	assert_int_equal(layout_recent_shown(&x->view, 23, 80), 3);
	/* "again:" and nine "  N xxxx" take exactly 78 columns. */
	recent(x, fours, 9);
	assert_int_equal(layout_recent_shown(&x->view, 24, 80), 9);
	recent(x, longer, 9);
	assert_int_equal(layout_recent_shown(&x->view, 24, 80), 8);
	assert_int_equal(layout_recent_shown(&x->view, 24, 81), 9);
	/* None when there are none. */
	recent(x, ids, 0);
	assert_int_equal(layout_recent_shown(&x->view, 24, 80), 0);
}

static void
test_recent_at_40(void **state)
{
	struct fx *x = *state;
	static const char *const fours[] = {
		"aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff",
	};
	static const char *const first_long[] = {
		"aaaaa", "bbbb", "cccc", "dddd",
	};
	static const char *const ids[] = {
		"sauerkraut", "gouda", "salami", "natto",
	};
	static const char *const huge[] = {
		"an_id_that_is_too_long_for_this_line", "natto",
	};

	/* "again:" (6) and four "  N xxxx" (8 each): 38 = 40 - 2. */
	recent(x, fours, 6);
	assert_int_equal(layout_recent_shown(&x->view, 12, 40), 4);
	assert_int_equal(layout_recent_shown(&x->view, 24, 40), 4);
	recent(x, first_long, 4);
	assert_int_equal(layout_recent_shown(&x->view, 12, 40), 3);
	assert_int_equal(layout_recent_shown(&x->view, 12, 41), 4);
	/* 6 + 14 + 9 + 10 = 39: salami needs 41 columns, natto 50. */
	recent(x, ids, 4);
	assert_int_equal(layout_recent_shown(&x->view, 12, 40), 2);
	assert_int_equal(layout_recent_shown(&x->view, 12, 41), 3);
	assert_int_equal(layout_recent_shown(&x->view, 12, 49), 3);
	assert_int_equal(layout_recent_shown(&x->view, 12, 50), 4);
	/* Only whole items, and in order: a long first one hides the rest. */
	recent(x, huge, 2);
	assert_int_equal(layout_recent_shown(&x->view, 12, 40), 0);
	/* No line below 40 x 12. */
	recent(x, fours, 6);
	assert_int_equal(layout_recent_shown(&x->view, 12, 39), 0);
	assert_int_equal(layout_recent_shown(&x->view, 11, 40), 0);
}

/* Hints kept by rank, shown in order. */
static void
test_pick_by_rank(void **state)
{
	static const int w[] = { 5, 9, 6, 8, 6, 7, 6, 6, 6 };
	static const size_t rank[] = { 7, 8, 0, 6, 4, 2, 3, 5, 1 };
	bool keep[9];

	(void)state;
	/* All fit: 59 + 8 gaps of 2 = 75. */
	assert_int_equal(layout_pick(w, rank, 9, 2, 78, keep), 9);
	/* "? help  q quit" first, then "a add", "w week"... */
	assert_int_equal(layout_pick(w, rank, 9, 2, 14, keep), 2);
	assert_true(keep[7] && keep[8]);
	assert_false(keep[0]);
	assert_int_equal(layout_pick(w, rank, 9, 2, 21, keep), 3);
	assert_true(keep[0] && keep[7] && keep[8]);
	assert_int_equal(layout_pick(w, rank, 9, 2, 38, keep), 5);
	assert_true(keep[0] && keep[4] && keep[6] && keep[7] && keep[8]);
	assert_false(keep[1]);
	assert_int_equal(layout_pick(w, rank, 9, 2, 3, keep), 0);
}

/* Line i of a wrap is want. */
static void
check_line(const char *s, const size_t *st, const size_t *ln, size_t i,
    const char *want)
{
	assert_int_equal(ln[i], strlen(want));
	assert_memory_equal(s + st[i], want, ln[i]);
}

/* Lines break at spaces, by columns, not bytes. */
static void
test_wrap(void **state)
{
	static const char s[] = "adds K2 850.0 µg, sat fat 1.4 g, sodium 6 mg";
	size_t st[8], ln[8];

	(void)state;
	assert_int_equal(layout_wrap(s, 80, 0, st, ln, 8), 1);
	check_line(s, st, ln, 0, s);
	assert_int_equal(layout_wrap(s, 20, 0, st, ln, 8), 3);
	check_line(s, st, ln, 0, "adds K2 850.0 µg,");
	check_line(s, st, ln, 1, "sat fat 1.4 g,");
	check_line(s, st, ln, 2, "sodium 6 mg");
	/* Indented lines after the first lose the indent from their width. */
	assert_int_equal(layout_wrap(s, 17, 4, st, ln, 8), 4);
	check_line(s, st, ln, 0, "adds K2 850.0 µg,");
	check_line(s, st, ln, 1, "sat fat 1.4");
	/* A word longer than the line is cut where the line ends. */
	assert_int_equal(layout_wrap("abcdefghij xy", 4, 0, st, ln, 8), 4);
	check_line("abcdefghij xy", st, ln, 0, "abcd");
	check_line("abcdefghij xy", st, ln, 3, "xy");
	/* Only counting. */
	assert_int_equal(layout_wrap(s, 20, 0, st, ln, 0), 3);
	assert_int_equal(layout_wrap("", 20, 0, st, ln, 8), 0);
	/* Wide letters take two columns. */
	assert_int_equal(layout_wrap("納豆 納豆 納豆", 9, 0, st, ln, 8), 2);
	check_line("納豆 納豆 納豆", st, ln, 0, "納豆 納豆");
}

/* The week view: the chart when it fits, all of it within the window. */
static void
check_week(const struct layout_week *l)
{
	const struct layout_col c[] = {
		l->day, l->entries, l->rich, l->k2, l->fat, l->fat_st,
		l->sodium, l->sodium_st, l->swing,
	};
	struct layout_col prev = { 0, 0 };
	size_t i;
	int end = l->table_y + 9;

	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		check_after(prev, c[i], l->cols);
		if (c[i].w > 0)
			prev = c[i];
	}
	assert_true(l->day.w > 0 && l->k2.w > 0 && l->fat.w > 0 &&
	    l->sodium.w > 0);
	if (l->summary_h > 0) {
		assert_true(l->summary_y >= end);
		end = l->summary_y + l->summary_h;
	}
	if (l->warn_h > 0) {
		assert_true(l->warn_y >= end);
		end = l->warn_y + l->warn_h;
	}
	if (l->chart_y >= 0) {
		assert_true(l->chart_y >= end);
		end = l->chart_y + l->chart_rows + 3;
		assert_true(7 + 12 * l->chart_colw <= l->cols);
	}
	assert_true(end <= l->hint_y);
	assert_int_equal(l->hint_y, l->rows - 1);
}

/* The week view at 80 x 24, with warnings and swing, and at 40 x 12. */
static void
test_week(void **state)
{
	struct layout_week l;
	int rows, cols;
	size_t n;

	(void)state;
	layout_week(24, 80, 2, 0, false, &l);
	check_week(&l);
	assert_true(l.words);
	assert_int_equal(l.table_y, 2);
	assert_int_equal(l.summary_h, 2);
	assert_int_equal(l.warn_h, 0);
	assert_true(l.chart_y >= 0);
	assert_int_equal(l.chart_rows, 5);
	assert_true(l.chart_dates);
	assert_int_equal(l.day.w, 15);
	assert_true(l.entries.w > 0);
	/* The swing column fits in 80 (it took 110 before). */
	layout_week(24, 80, 2, 1, true, &l);
	check_week(&l);
	assert_true(l.swing.w > 0);
	assert_true(l.swing.x + l.swing.w <= 80);
	assert_int_equal(l.warn_h, 1);
	/* Many warnings: every one that fits, the chart gives way. */
	layout_week(24, 80, 2, 20, false, &l);
	check_week(&l);
	assert_int_equal(l.chart_y, -1);
	assert_int_equal(l.summary_h, 1);
	assert_int_equal(l.warn_h, 24 - 11 - 1);
	/* 40 x 12: the table and one line, a warning before the summary. */
	layout_week(12, 40, 4, 3, true, &l);
	check_week(&l);
	assert_false(l.words);
	assert_true(l.day_short);
	assert_int_equal(l.table_y, 1);
	assert_int_equal(l.warn_h, 1);
	assert_int_equal(l.summary_h, 0);
	assert_int_equal(l.chart_y, -1);
	assert_int_equal(l.entries.w, 0);
	assert_true(l.swing.w > 0);
	layout_week(12, 40, 4, 0, false, &l);
	check_week(&l);
	assert_int_equal(l.summary_h, 1);
	layout_week(11, 40, 4, 0, false, &l);
	assert_true(l.too_small);
	for (cols = 40; cols <= 200; cols += 7)
		for (rows = 12; rows <= 50; rows += 2)
			for (n = 0; n < 6; n += 2) {
				layout_week(rows, cols, 3, n, n > 2, &l);
				check_week(&l);
			}
}

/* Help's columns, wide and narrow. */
static void
test_help(void **state)
{
	struct layout_help h;

	(void)state;
	layout_help(24, 80, &h);
	assert_int_equal(h.keys_x, 2);
	assert_int_equal(h.text_x, 17);
	assert_int_equal(h.text_w, 62);
	assert_int_equal(h.top_y, 2);
	assert_int_equal(h.bottom_y, 22);
	assert_false(h.short_title);
	layout_help(12, 40, &h);
	assert_true(h.keys_x + h.keys_w < h.text_x);
	assert_int_equal(h.text_x + h.text_w, 39);
	assert_int_equal(h.top_y, 1);
	assert_int_equal(h.bottom_y, 10);
	assert_true(h.short_title);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_full_80x24),
		T(test_80x23_whole_diary),
		T(test_100x30),
		T(test_60x20),
		T(test_40x12),
		T(test_too_small),
		T(test_rows_give_way_in_order),
		T(test_every_size),
		T(test_recent_at_80),
		T(test_recent_at_40),
		T(test_pick_by_rank),
		T(test_wrap),
		T(test_week),
		T(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
