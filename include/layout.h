/* SPDX-License-Identifier: ISC */
/*
 * Where things go on the screen, for every window size: pure, no curses.
 * The ui_*.c files draw into these regions and columns and decide nothing
 * about sizes themselves; the reducer asks layout_recent_shown which
 * foods the again: line shows, so that 1 ... 9 act only on those.
 *
 * The day screen at 80 x 24 and up is the full layout. A smaller window
 * gets a compact layout of the same screen down to 40 x 12; below that,
 * only a notice. What a smaller window gives up, first to last:
 *
 * - Rows: the blank line under the header, then the rule above the gauge
 *   (the week's dates), then the line of day bars, then the again: line;
 *   each stays while at least two entry rows are left, and the entry
 *   list scrolls. The header, the table heading, one entry and the total,
 *   the K2-rich and K2 lines, the saturated fat and sodium lines, the
 *   warning line and the status line are always there.
 * - Columns, under 80: the `high` column becomes a one-column mark after
 *   the food's name, `!` for high in saturated fat or sodium (the heading
 *   says "! = high" when it fits); the numbers narrow; the food's name
 *   takes the rest. Under 50 the saturated fat and sodium columns go too
 *   (the gauge's day lines, just below, give the day's totals). The
 *   gauge's week figures for saturated fat and sodium become a word
 *   ("week over"), and go under 53 (the warning line still says when the
 *   week is near or over).
 */
#ifndef K2_LAYOUT_H
#define K2_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct tui_view;

/* The smallest window any screen is drawn in; below it, the notice. */
#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_ROWS 12
/* The size the full layout is made for. */
#define LAYOUT_FULL_COLS 80
#define LAYOUT_FULL_ROWS 24

/* A column: its first x and its width; w is 0 when it is not shown. */
struct layout_col {
	int		 x;
	int		 w;
};

/*
 * The day screen. A row is -1 when that line is not shown. The picker and
 * the amount prompt take the rows pane_y ... pane_y + pane_h - 1 (the
 * table, and the again: line); when that is too few for the prompt, the
 * gauge is left out under them (pane_gauge false) and the pane reaches
 * down to the status line.
 */
struct layout {
	int		 rows, cols;
	bool		 too_small;	/* below 40 x 12: the notice only */
	bool		 compact;	/* smaller than 80 x 24 */
	bool		 wide;		/* 80 columns or more */
	bool		 header_name;	/* "k2diary" in the header */
	/* Rows. */
	int		 header_y;
	int		 table_y;	/* the table's heading */
	int		 table_h;	/* heading, entries and the total */
	int		 entry_rows;	/* entries shown at once: table_h - 2 */
	int		 again_y;
	int		 gauge_y;	/* the gauge's first row */
	int		 gauge_rows;	/* 7 when whole, fewer when compact */
	int		 rule_y;	/* "── Week ... ──" */
	int		 rich_y;
	int		 k2_y;
	int		 days_y;
	int		 fat_y;
	int		 sodium_y;
	int		 warn_y;
	int		 suggest_y;	/* what to eat next: full layout only */
	int		 status_y;
	int		 pane_y;
	int		 pane_h;
	bool		 pane_gauge;
	/* The entry table (and its total row). */
	struct layout_col amount, food, mark, k2, fat, sodium, high;
	/* The K2-rich and K2 lines: a label, a bar, then what follows it. */
	int		 label_w;	/* from x 1 */
	int		 bar_x;
	int		 bar_w;		/* the most: it gives way to the text after */
	/* The day bars: one day every days_step columns from days_x. */
	bool		 days_label;	/* "days" before them */
	int		 days_x;
	int		 days_step;
	int		 days_name_w;	/* "Mon" (3) or "Mo" (2) */
	/* Saturated fat and sodium: day, then week. */
	int		 lim_name_w;	/* "sat fat" padded to this */
	int		 lim_label_w;	/* "sat fat   day 25.7/20 g" */
	int		 lim_bar_x;
	int		 lim_bar_w;
	int		 lim_word_x;	/* " over", " near", " unknown" */
	int		 lim_week;	/* 0 none, 1 "week over", 2 figures */
	int		 lim_week_x;
	int		 lim_week_w;	/* 2: "week 25.7/140 g"; 1: the word */
	int		 lim_wbar_x;
	int		 lim_wbar_w;	/* 0: no week bar */
	int		 lim_wword_x;
	/* The picker's rows. */
	struct layout_col p_name, p_mark, p_serving, p_k2, p_flags;
};

/* Columns a level word takes after a bar: " unknown". */
#define LAYOUT_WORD_W 8

/* Is the window too small for any screen (the notice instead)? */
bool layout_too_small(int rows, int cols);
/* The day screen's regions and columns at rows x cols. */
void layout_day(int rows, int cols, struct layout *out);
/*
 * How many of v->recent the again: line shows at rows x cols: only whole
 * items, 0 when the line is not shown. ui_day.c draws exactly these, and
 * keys 1 ... 9 act on no other.
 */
size_t layout_recent_shown(const struct tui_view *v, int rows, int cols);
/*
 * How many foods the picker lists at once at rows x cols (at least 1):
 * what PgUp and PgDn should move by.
 */
int layout_pick_rows(int rows, int cols);

/*
 * The week view. Rows are -1 (heights 0) when not shown. The table is a
 * heading, the seven days and the week's total; each column's w is 0
 * when it was dropped. Under 80 columns the days are "Fri 11-27", and a
 * status is one mark after the figure ("!" near or over, "?" unknown)
 * instead of a word.
 */
struct layout_week {
	int		 rows, cols;
	bool		 too_small;
	int		 header_y;
	int		 table_y;	/* heading; 7 days; the total */
	bool		 day_short;
	bool		 words;
	struct layout_col day, entries, rich, k2, fat, fat_st, sodium,
			 sodium_st, swing;
	int		 summary_y;
	int		 summary_h;
	int		 warn_y;
	int		 warn_h;	/* the last may say how many more */
	int		 chart_y;	/* the chart's title row, or -1 */
	int		 chart_rows;	/* bar rows */
	int		 chart_colw;	/* columns a week */
	bool		 chart_dates;	/* "11/23" under a week, else "23" */
	int		 hint_y;
};

/*
 * The week view at rows x cols, for summary_lines of summary (as
 * wrapped) and n_warnings warnings; anticoagulant adds the swing column.
 * Priority when rows are few: the table, a warning, a summary line, the
 * other warnings, the rest of the summary, the 12-week chart, blank lines.
 */
void layout_week(int rows, int cols, int summary_lines, size_t n_warnings,
    bool anticoagulant, struct layout_week *out);

/* Help: the keys' column and the text's, and the rows for items. */
struct layout_help {
	int		 keys_x, keys_w;
	int		 text_x, text_w;
	int		 top_y;		/* first item row */
	int		 bottom_y;	/* last item row */
	bool		 short_title;
};

void layout_help(int rows, int cols, struct layout_help *out);

/*
 * A screen that is one list: the title, a line about it, a heading, the
 * list's rows (they scroll), the status line and the hint line. The food
 * form's columns: each field's label, its value and what is said of it;
 * the finder's: the food, its K2, sodium and saturated fat a serving, and
 * its flags (each w 0 when dropped). At 40 columns the form's notes go
 * under the list, on the status line, for the field being typed.
 */
struct layout_list {
	int		 title_y;
	int		 info_y;	/* -1 when there is no room */
	int		 head_y;	/* -1 when there is no room */
	int		 list_y;
	int		 list_h;	/* rows of the list shown at once */
	int		 status_y;
	int		 hint_y;
	struct layout_col label, value, note;
	struct layout_col name, k2, sodium, fat, flags;
};

void layout_form(int rows, int cols, struct layout_list *out);
void layout_find(int rows, int cols, struct layout_list *out);

/*
 * Which items of a line fit in width columns, sep columns between two:
 * keep[i] is set for the items kept, which are chosen in the order of
 * rank (rank[0] is the index of the item to keep first) and shown in
 * their own order. widths[i] is the width of item i. Returns the number
 * kept.
 */
size_t layout_pick(const int *widths, const size_t *rank, size_t n, int sep,
    int width, bool *keep);

/*
 * Break s into lines of at most width columns, at spaces (a word longer
 * than a line is cut where the line ends); a line after the first is
 * indented by indent columns, which it leaves out of its width. Fills
 * start[i] and len[i] (bytes of s, spaces at a break left out) for up to
 * max lines; returns how many lines the whole text needs.
 */
size_t layout_wrap(const char *s, int width, int indent, size_t *start,
    size_t *len, size_t max);

#endif
