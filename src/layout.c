/* SPDX-License-Identifier: ISC */
/* Screen geometry for every window size: which lines and columns show, and where. */
#include <string.h>

#include "layout.h"
#include "text.h"
#include "tui.h"

/* Entry rows kept while an optional line of the day screen is added. */
#define KEEP_ENTRIES 2
/* The lines of the day screen that are always there, apart from entries. */
#define FIXED_ROWS 9

/* The smaller of two. */
static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

/* The larger of two. */
static int
max_int(int a, int b)
{
	return a > b ? a : b;
}

/* A column at x, w wide. */
static struct layout_col
col(int x, int w)
{
	struct layout_col c;

	c.x = x;
	c.w = w;
	return c;
}

/* Is the window too small for any screen? */
bool
layout_too_small(int rows, int cols)
{
	return rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
}

/* Rows of the day screen, from the bottom up. */
static void
day_rows(struct layout *l)
{
	int entries = l->rows - FIXED_ROWS;
	bool again, days, rule, blank, suggest = !l->compact;

	/* Optional lines, the last to go first: each keeps two entry rows. */
	if ((again = entries - 1 >= KEEP_ENTRIES))
		entries--;
	if ((days = entries - 1 >= KEEP_ENTRIES))
		entries--;
	if ((rule = entries - 1 >= KEEP_ENTRIES))
		entries--;
	if ((blank = entries - 1 >= KEEP_ENTRIES))
		entries--;
	/* What to eat next: only in the full layout, the first line to go. */
	if (suggest)
		entries--;
	l->header_y = 0;
	l->status_y = l->rows - 1;
	l->warn_y = l->rows - 2;
	l->suggest_y = suggest ? l->warn_y - 1 : -1;
	l->sodium_y = (suggest ? l->suggest_y : l->warn_y) - 1;
	l->fat_y = l->sodium_y - 1;
	l->days_y = days ? l->fat_y - 1 : -1;
	l->k2_y = (days ? l->days_y : l->fat_y) - 1;
	l->rich_y = l->k2_y - 1;
	l->rule_y = rule ? l->rich_y - 1 : -1;
	l->gauge_y = rule ? l->rule_y : l->rich_y;
	l->gauge_rows = l->warn_y - l->gauge_y + 1;
	l->again_y = again ? l->gauge_y - 1 : -1;
	l->table_y = blank ? 2 : 1;
	l->table_h = (again ? l->again_y : l->gauge_y) - l->table_y;
	l->entry_rows = l->table_h - 2;
	/* The amount prompt needs ten rows: else the gauge gives way. */
	l->pane_y = l->table_y;
	l->pane_h = l->gauge_y - l->pane_y;
	l->pane_gauge = l->pane_h >= 10;
	if (!l->pane_gauge)
		l->pane_h = l->status_y - l->pane_y;
}

/* The entry table's columns. */
static void
day_table(struct layout *l)
{
	int c = l->cols, f, x;

	if (l->wide) {
		f = c - 54;
		l->amount = col(1, 12);
		l->food = col(14, f);
		x = 14 + f + 1;
		l->k2 = col(x, 8);
		l->fat = col(x + 9, 8);
		l->sodium = col(x + 18, 8);
		l->high = col(x + 28, 10);
	} else if (c >= 50) {
		f = c - 37;
		l->amount = col(1, 10);
		l->food = col(12, f);
		l->mark = col(12 + f, 1);
		x = 12 + f + 2;
		l->k2 = col(x, 7);
		l->fat = col(x + 8, 7);
		l->sodium = col(x + 16, 6);
	} else {
		f = c - 22;
		l->amount = col(1, 10);
		l->food = col(12, f);
		l->mark = col(12 + f, 1);
		l->k2 = col(12 + f + 2, 7);
	}
}

/* The gauge's columns. */
static void
day_gauge(struct layout *l)
{
	int c = l->cols;

	if (l->wide) {
		l->label_w = 29;
		l->bar_x = 31;
		l->bar_w = c - 54;
		l->days_label = true;
		l->days_x = 11;
		l->days_step = 9;
		l->days_name_w = 3;
		l->lim_name_w = 9;
		l->lim_label_w = 30;
		l->lim_bar_x = 31;
		l->lim_bar_w = c >= 100 ? 16 : 10;
		l->lim_word_x = l->lim_bar_x + l->lim_bar_w;
		l->lim_week = 2;
		l->lim_week_x = l->lim_word_x + LAYOUT_WORD_W + 1;
		l->lim_week_w = 22;
		l->lim_wbar_x = l->lim_week_x + l->lim_week_w + 1;
		l->lim_wbar_w = min_int(l->lim_bar_w, c - LAYOUT_WORD_W -
		    l->lim_wbar_x);
		if (l->lim_wbar_w < 4)
			l->lim_wbar_w = 0;
		l->lim_wword_x = l->lim_wbar_w > 0 ? l->lim_wbar_x +
		    l->lim_wbar_w : l->lim_week_x + l->lim_week_w;
		return;
	}
	l->label_w = 16;
	l->bar_x = 18;
	l->bar_w = max_int(0, min_int(26, c - 36));
	l->days_x = 1;
	if (c >= 56) {
		l->days_label = true;
		l->days_x = 7;
		l->days_step = 7;
		l->days_name_w = 3;
	} else if (c >= 43) {
		l->days_step = 6;
		l->days_name_w = 3;
	} else {
		l->days_step = 5;
		l->days_name_w = 2;
	}
	l->lim_name_w = 7;
	l->lim_label_w = 26;
	l->lim_bar_x = 28;
	/* " week unknown" after the day's word when a bar of 4 still fits. */
	if (c - l->lim_bar_x - LAYOUT_WORD_W - 13 >= 4) {
		l->lim_bar_w = min_int(10, c - l->lim_bar_x - LAYOUT_WORD_W -
		    13);
		l->lim_week = 1;
	} else
		l->lim_bar_w = min_int(10, c - l->lim_bar_x - LAYOUT_WORD_W);
	l->lim_word_x = l->lim_bar_x + l->lim_bar_w;
	if (l->lim_week) {
		l->lim_week_x = l->lim_word_x + LAYOUT_WORD_W + 1;
		l->lim_week_w = 12;
	}
}

/* The picker's columns. */
static void
day_picker(struct layout *l)
{
	int c = l->cols, f;

	if (l->wide) {
		l->p_name = col(2, c - 55);
		l->p_serving = col(c - 52, 18);
		l->p_k2 = col(c - 33, 8);
		l->p_flags = col(c - 23, 22);
	} else if (c >= 50) {
		f = c - 28;
		l->p_name = col(2, f);
		l->p_mark = col(2 + f, 1);
		l->p_serving = col(2 + f + 2, 14);
		l->p_k2 = col(2 + f + 17, 8);
	} else {
		f = c - 13;
		l->p_name = col(2, f);
		l->p_mark = col(2 + f, 1);
		l->p_k2 = col(2 + f + 2, 8);
	}
}

/* The day screen at rows x cols. */
void
layout_day(int rows, int cols, struct layout *l)
{
	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	l->header_y = l->table_y = l->again_y = l->gauge_y = l->rule_y =
	    l->rich_y = l->k2_y = l->days_y = l->fat_y = l->sodium_y =
	    l->warn_y = l->status_y = l->pane_y = l->suggest_y = -1;
	if ((l->too_small = layout_too_small(rows, cols)))
		return;
	l->compact = rows < LAYOUT_FULL_ROWS || cols < LAYOUT_FULL_COLS;
	l->wide = cols >= LAYOUT_FULL_COLS;
	l->header_name = cols >= 50;
	day_rows(l);
	day_table(l);
	day_gauge(l);
	day_picker(l);
}

/* How many recent foods the again: line shows. */
size_t
layout_recent_shown(const struct tui_view *v, int rows, int cols)
{
	struct layout l;
	size_t i, n = 0;
	int used = 6, w;	/* "again:" */

	layout_day(rows, cols, &l);
	if (l.too_small || l.again_y < 0)
		return 0;
	for (i = 0; i < v->n_recent && i < TUI_RECENT; i++) {
		/* "  1 gouda" */
		w = 4 + (int)text_width(v->recent[i].id);
		if (used + w > cols - 2)
			break;
		used += w;
		n++;
	}
	return n;
}

/* How many foods the picker lists at once. */
int
layout_pick_rows(int rows, int cols)
{
	struct layout l;

	layout_day(rows, cols, &l);
	if (l.too_small || l.pane_h - 2 < 1)
		return 1;
	return l.pane_h - 2;
}

/* A column of the week table while it is being fitted. */
struct spec {
	int		 gap;
	int		 w;
	int		 drop;		/* 0 never; else lowest first */
	struct layout_col *out;
};

/* Place the columns from x 0 in width, dropping until they fit. */
static void
place(struct spec *s, size_t n, int width)
{
	size_t i;
	int sum, rank;

	for (rank = 1;; rank++) {
		sum = 0;
		for (i = 0; i < n; i++)
			if (s[i].w > 0)
				sum += s[i].gap + s[i].w;
		if (sum <= width || rank > 9)
			break;
		for (i = 0; i < n; i++)
			if (s[i].drop == rank)
				s[i].w = 0;
	}
	sum = 0;
	for (i = 0; i < n; i++) {
		if (s[i].w == 0) {
			*s[i].out = col(0, 0);
			continue;
		}
		sum += s[i].gap;
		*s[i].out = col(sum, s[i].w);
		sum += s[i].w;
	}
}

/* The week view's table columns. */
static void
week_columns(struct layout_week *l, bool anticoagulant)
{
	struct spec s[9];
	bool w = l->words;

	l->day_short = !w;
	s[0] = (struct spec){ 0, w ? 15 : 10, 0, &l->day };
	s[1] = (struct spec){ 1, 7, 1, &l->entries };
	s[2] = (struct spec){ 1, w ? 7 : 6, 2, &l->rich };
	s[3] = (struct spec){ 1, w ? 8 : 7, 0, &l->k2 };
	s[4] = (struct spec){ 1, w ? 7 : 6, 0, &l->fat };
	s[5] = (struct spec){ w ? 1 : 0, w ? 7 : 1, 0, &l->fat_st };
	s[6] = (struct spec){ 1, 8, 0, &l->sodium };
	s[7] = (struct spec){ w ? 1 : 0, w ? 7 : 1, 0, &l->sodium_st };
	s[8] = (struct spec){ 1, anticoagulant ? (w ? 5 : 1) : 0, 3,
	    &l->swing };
	if (!w)
		s[6].w = 7;
	place(s, 9, l->cols - 1);
}

/* The week view at rows x cols. */
void
layout_week(int rows, int cols, int summary_lines, size_t n_warnings,
    bool anticoagulant, struct layout_week *l)
{
	int rem, warn, sum, more, need, y, b_head, b_table, b_warn, b_chart;
	int w = n_warnings > 1000 ? 1000 : (int)n_warnings;

	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	l->header_y = l->table_y = l->summary_y = l->warn_y = l->chart_y =
	    l->hint_y = -1;
	if ((l->too_small = layout_too_small(rows, cols)))
		return;
	l->words = cols >= LAYOUT_FULL_COLS;
	week_columns(l, anticoagulant);
	/* The header, the table (heading, 7 days, total) and the hint. */
	rem = rows - 11;
	warn = w > 0 && rem > 0;
	rem -= warn;
	sum = summary_lines > 0 && rem > 0;
	rem -= sum;
	more = min_int(w - warn, rem);
	warn += more;
	rem -= more;
	more = min_int(summary_lines - sum, rem);
	sum += more;
	rem -= more;
	/* The chart: a title, 5 bar rows (3 when short), dates and figures. */
	l->chart_colw = min_int(8, (cols - 8) / TUI_HISTORY);
	if (l->chart_colw >= 4 && rem >= 6) {
		l->chart_rows = rem >= 8 ? 5 : 3;
		l->chart_dates = l->chart_colw >= 6;
		need = l->chart_rows + 3;
		rem -= need;
	} else
		l->chart_colw = 0;
	b_head = rem > 0;
	rem -= b_head;
	b_table = rem > 0 && (sum > 0 || warn > 0 || l->chart_rows > 0);
	rem -= b_table;
	b_chart = rem > 0 && l->chart_rows > 0;
	rem -= b_chart;
	b_warn = rem > 0 && warn > 0 && sum > 0;
	rem -= b_warn;
	l->header_y = 0;
	l->table_y = 1 + b_head;
	y = l->table_y + 9 + b_table;
	if (sum > 0) {
		l->summary_y = y;
		l->summary_h = sum;
		y += sum + b_warn;
	}
	if (warn > 0) {
		l->warn_y = y;
		l->warn_h = warn;
		y += warn;
	}
	if (l->chart_rows > 0)
		l->chart_y = y + b_chart;
	l->hint_y = rows - 1;
}

/* Help at rows x cols. */
void
layout_help(int rows, int cols, struct layout_help *h)
{
	memset(h, 0, sizeof *h);
	if (cols >= 60) {
		h->keys_x = 2;
		h->keys_w = 14;
		h->text_x = 17;
	} else {
		h->keys_x = 1;
		h->keys_w = 11;
		h->text_x = 13;
	}
	h->text_w = cols - 1 - h->text_x;
	h->top_y = rows >= 16 ? 2 : 1;
	h->bottom_y = rows - 2;
	h->short_title = cols < 50;
}

/* Which items fit in width, chosen by rank, shown in their own order. */
size_t
layout_pick(const int *widths, const size_t *rank, size_t n, int sep,
    int width, bool *keep)
{
	size_t i, kept = 0;
	int used = 0, need;

	for (i = 0; i < n; i++)
		keep[i] = false;
	for (i = 0; i < n; i++) {
		if (rank[i] >= n || keep[rank[i]])
			continue;
		need = widths[rank[i]] + (kept > 0 ? sep : 0);
		if (used + need > width)
			continue;
		used += need;
		keep[rank[i]] = true;
		kept++;
	}
	return kept;
}

/* Columns taken by s[0 .. n). */
static int
span_width(const char *s, size_t n)
{
	char buf[2048];

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return (int)text_width(buf);
}

/* Bytes of the code point at s (1 for a bad byte). */
static size_t
cp_len(const char *s, size_t left)
{
	uint32_t cp;
	size_t n = text_decode(s, left, &cp);

	return n > 0 ? n : 1;
}

/* Break s into lines of width columns at spaces. */
size_t
layout_wrap(const char *s, int width, int indent, size_t *start, size_t *len,
    size_t max)
{
	size_t n = 0, slen = strlen(s), i = 0, j, brk, lim;
	int w;

	while (i < slen) {
		w = n == 0 ? width : width - indent;
		if (w < 1)
			w = 1;
		/* The longest prefix from i within w columns. */
		j = i;
		brk = 0;
		while (j < slen) {
			lim = j + cp_len(s + j, slen - j);
			if (span_width(s + i, lim - i) > w)
				break;
			j = lim;
			if (j < slen && s[j] == ' ')
				brk = j;
		}
		if (j < slen && s[j] != ' ' && brk > i)
			j = brk;	/* break at the last space */
		if (j == i)	/* nothing fits: one character */
			j = i + cp_len(s + i, slen - i);
		if (n < max) {
			start[n] = i;
			len[n] = j - i;
			while (len[n] > 0 && s[i + len[n] - 1] == ' ')
				len[n]--;
		}
		n++;
		i = j;
		while (i < slen && s[i] == ' ')
			i++;
	}
	return n;
}

/* The rows every list screen has: title, info, heading, list, status, hints. */
static void
list_rows(int rows, struct layout_list *l)
{
	memset(l, 0, sizeof *l);
	l->title_y = 0;
	l->hint_y = rows - 1;
	l->status_y = rows - 2;
	l->info_y = rows >= 16 ? 1 : -1;
	l->head_y = rows >= 14 ? (l->info_y >= 0 ? 3 : 1) : -1;
	l->list_y = l->head_y >= 0 ? l->head_y + 1 : l->info_y >= 0 ?
	    l->info_y + 1 : 1;
	l->list_h = l->status_y - l->list_y;
}

/* The food form: a label, the value typed, and what is said of it. */
void
layout_form(int rows, int cols, struct layout_list *l)
{
	int v;

	list_rows(rows, l);
	l->head_y = -1;
	l->list_y = l->info_y >= 0 ? l->info_y + 2 : 2;
	l->list_h = l->status_y - l->list_y;
	v = cols >= 80 ? 30 : cols - 20;
	l->label = col(2, 16);
	l->value = col(19, v);
	l->note = cols >= 60 ? col(19 + v + 2, cols - (19 + v + 2) - 1) :
	    col(0, 0);
}

/* The finder: a food a row with its K2, sodium, saturated fat and flags. */
void
layout_find(int rows, int cols, struct layout_list *l)
{
	int f;

	list_rows(rows, l);
	if (cols >= 80) {
		f = cols - 2 - 10 * 3 - 19;
		l->name = col(2, f);
		l->k2 = col(2 + f, 10);
		l->sodium = col(2 + f + 10, 10);
		l->fat = col(2 + f + 20, 10);
		l->flags = col(2 + f + 30 + 2, 16);
	} else if (cols >= 56) {
		f = cols - 2 - 10 * 3 - 1;
		l->name = col(2, f);
		l->k2 = col(2 + f, 10);
		l->sodium = col(2 + f + 10, 10);
		l->fat = col(2 + f + 20, 10);
	} else {
		f = cols - 2 - 10 * 2 - 1;
		l->name = col(2, f);
		l->k2 = col(2 + f, 10);
		l->sodium = col(2 + f + 10, 10);
	}
}
