/* SPDX-License-Identifier: ISC */
/* The week view: the week's days in detail and the last 12 weeks. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

#define CHART_ROWS 5

static void
status_word(WINDOW *w, enum level l)
{
	wattron(w, ui_level_attr(l));
	waddstr(w, gauge_level_name(l));
	wattroff(w, ui_level_attr(l));
}

/* Draw the week view. */
void
ui_week_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	const struct tui_view *v = env->view;
	const struct gauge *g = &v->gauge;
	char line[256], a[32], b[32], d[16];
	int rows, cols, y, i, r, x, colw;
	double top = g->rich_servings_goal;

	getmaxyx(w, rows, cols);
	(void)rows;
	snprintf(line, sizeof line, " Week of %s %s to %s %s",
	    date_weekday_abbr(date_weekday(g->week_start)),
	    date_format(g->week_start, a, sizeof a),
	    date_weekday_abbr(date_weekday(g->week_end)),
	    date_format(g->week_end, b, sizeof b));
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, 0, 0, ' ', cols);
	ui_put(w, 0, 0, cols, line, false);
	wattroff(w, A_REVERSE | A_BOLD);
	wattron(w, A_BOLD);
	mvwaddstr(w, 2, 1, "day              entries  K2-rich     K2 µg   "
	    "sat fat g        sodium mg");
	wattroff(w, A_BOLD);
	for (i = 0, y = 3; i < 7; i++, y++) {
		const struct gauge_day *gd = &g->days[i];
		date_format(gd->day, d, sizeof d);
		snprintf(line, sizeof line, "%s%s %s %7d  %7.4g  %8s  %9.1f ",
		    gd->day == s->day ? ">" : " ",
		    date_weekday_abbr(date_weekday(gd->day)), d, gd->entries,
		    gd->rich_servings, ui_thousands(a, sizeof a, gd->k2.sum),
		    gd->sat_fat.sum);
		ui_put(w, y, 0, cols, line, false);
		status_word(w, gd->sat_fat_status);
		snprintf(line, sizeof line, "  %9s ",
		    ui_thousands(a, sizeof a, gd->sodium.sum));
		mvwaddstr(w, y, 58, line);
		status_word(w, gd->sodium_status);
		if (g->anticoagulant && gd->vitk_swing)
			waddstr(w, "  vitamin K swing");
	}
	snprintf(line, sizeof line, "week: %.4g/%.4g K2-rich servings, K2 %s "
	    "of %s µg (known for %d of %d entries)", g->rich_servings,
	    g->rich_servings_goal, ui_thousands(a, sizeof a, g->k2.sum),
	    ui_thousands(b, sizeof b, g->k2_goal_ug), g->k2.known,
	    g->entries);
	ui_put(w, 11, 1, cols - 2, line, false);
	snprintf(line, sizeof line, "MK-4 %.1f µg, MK-7 %.1f µg, longer "
	    "chains %.1f µg", g->mk4.sum, g->mk7.sum, g->mk_other.sum);
	if (g->chain_unknown_ug > 0) {
		snprintf(a, sizeof a, ", chain unknown %.1f µg",
		    g->chain_unknown_ug);
		strncat(line, a, sizeof line - strlen(line) - 1);
	}
	ui_put(w, 12, 1, cols - 2, line, false);
	/* The last 12 weeks as columns, the goal as a line. */
	for (i = 0; i < TUI_HISTORY; i++)
		if (v->history[i] > top)
			top = v->history[i];
	snprintf(line, sizeof line, "K2-rich servings, last %d weeks (goal "
	    "%.4g, * = met)", TUI_HISTORY, g->rich_servings_goal);
	wattron(w, A_BOLD);
	ui_put(w, 14, 1, cols - 2, line, false);
	wattroff(w, A_BOLD);
	colw = (cols - 8) / TUI_HISTORY;
	if (colw > 8)
		colw = 8;
	for (r = 0; r < CHART_ROWS; r++) {
		double level = top * (CHART_ROWS - r) / CHART_ROWS;
		double below = top * (CHART_ROWS - r - 1) / CHART_ROWS;
		bool goal_row = g->rich_servings_goal > below &&
		    g->rich_servings_goal <= level;
		y = 15 + r;
		if (goal_row) {
			wattron(w, ui_attr(UI_DIM));
			ui_hline(w, y, 6, colw * TUI_HISTORY);
			mvwaddstr(w, y, 1, "goal");
			wattroff(w, ui_attr(UI_DIM));
		}
		for (i = 0, x = 7; i < TUI_HISTORY; i++, x += colw) {
			if (v->history[i] > below) {
				wattron(w, v->history[i] >=
				    g->rich_servings_goal ? ui_attr(UI_BAR) |
				    A_BOLD : ui_attr(UI_ACCENT));
				mvwaddstr(w, y, x, colw >= 5 ?
				    ui_glyph("███", "###") :
				    ui_glyph("██", "##"));
				wattroff(w, ui_attr(UI_BAR) | A_BOLD |
				    ui_attr(UI_ACCENT));
			}
		}
	}
	for (i = 0, x = 7; i < TUI_HISTORY; i++, x += colw) {
		int yy, mm, dd;
		date_to_ymd(v->history_start[i], &yy, &mm, &dd);
		snprintf(line, sizeof line, "%02d/%02d", mm, dd);
		ui_put(w, 15 + CHART_ROWS, x, colw - 1, line, false);
		snprintf(line, sizeof line, "%.3g%s", v->history[i],
		    v->history[i] >= g->rich_servings_goal ? "*" : "");
		ui_put(w, 16 + CHART_ROWS, x, colw - 1, line, false);
	}
	wattron(w, ui_attr(UI_DIM));
	ui_put(w, 23 < rows - 1 ? rows - 1 : 23, 1, cols - 2,
	    "[ ] other weeks  ? help  Esc w q back", false);
	wattroff(w, ui_attr(UI_DIM));
}
