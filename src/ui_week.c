/* SPDX-License-Identifier: ISC */
/* The week view: the week's days in detail, its warnings and the last 12 weeks. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "date.h"
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

/* A status: the word ("over", "unknown"), or a mark ("!", "?") when narrow. */
static void
status_put(WINDOW *w, int y, struct layout_col c, enum level l, bool words)
{
	const char *t = words ? gauge_level_name(l) : l == LEVEL_UNKNOWN ?
	    "?" : l >= LEVEL_NEAR ? "!" : "";

	if (c.w <= 0)
		return;
	wattron(w, ui_level_attr(l));
	ui_put(w, y, c.x, c.w, t, false);
	wattroff(w, ui_level_attr(l));
}

/* One row of the table: a day, or the week (d NULL). */
static void
table_row(WINDOW *w, int y, const struct layout_week *l,
    const struct gauge *g, const struct gauge_day *d, bool shown)
{
	char buf[64], date[16];
	const struct total *k2 = d ? &d->k2 : &g->k2;
	const struct total *fat = d ? &d->sat_fat : &g->sat_fat;
	const struct total *na = d ? &d->sodium : &g->sodium;

	if (d != NULL) {
		date_format(d->day, date, sizeof date);
		snprintf(buf, sizeof buf, "%s%s %s", shown ? ">" : " ",
		    date_weekday_abbr(date_weekday(d->day)), l->day_short ?
		    date + 5 : date);
	} else
		snprintf(buf, sizeof buf, " week");
	ui_put_col(w, y, l->day, buf, false);
	snprintf(buf, sizeof buf, "%d", d ? d->entries : g->entries);
	ui_put_col(w, y, l->entries, buf, true);
	amount_format_quantity(buf, sizeof buf, d ? d->rich_servings :
	    g->rich_servings);
	ui_put_col(w, y, l->rich, buf, true);
	ui_put_col(w, y, l->k2, gauge_total_text(buf, sizeof buf, k2, 1), true);
	ui_put_col(w, y, l->fat, gauge_total_text(buf, sizeof buf, fat, 1),
	    true);
	status_put(w, y, l->fat_st, d ? d->sat_fat_status : g->sat_fat_status,
	    l->words);
	ui_put_col(w, y, l->sodium, gauge_total_text(buf, sizeof buf, na, 0),
	    true);
	status_put(w, y, l->sodium_st, d ? d->sodium_status :
	    g->sodium_status, l->words);
	if (d != NULL && g->anticoagulant && d->vitk_swing)
		ui_put_col(w, y, l->swing, l->words ? "swing" : "~", false);
}

/* The table: a heading, the seven days and the week. */
static void
table_draw(WINDOW *w, const struct layout_week *l, const struct tui_state *s,
    const struct gauge *g)
{
	char k2[16];
	int i;

	snprintf(k2, sizeof k2, "K2 %s", text_ug());
	wattron(w, A_BOLD);
	ui_put_col(w, l->table_y, l->day, " day", false);
	ui_put_col(w, l->table_y, l->entries, "entries", true);
	ui_put_col(w, l->table_y, l->rich, l->words ? "K2-rich" : "rich", true);
	ui_put_col(w, l->table_y, l->k2, k2, true);
	ui_put_col(w, l->table_y, l->fat, l->words ? "sat fat" : "fat", true);
	ui_put_col(w, l->table_y, l->sodium, "sodium", true);
	ui_put_col(w, l->table_y, l->swing, l->words ? "vit K" : "K", false);
	wattroff(w, A_BOLD);
	for (i = 0; i < 7; i++)
		table_row(w, l->table_y + 1 + i, l, g, &g->days[i],
		    g->days[i].day == s->day);
	wattron(w, A_BOLD);
	table_row(w, l->table_y + 8, l, g, NULL, false);
	wattroff(w, A_BOLD);
}

/* The week's figures in sentences: two, each wrapped. */
static void
summary_text(const struct gauge *g, char *a, size_t alen, char *b,
    size_t blen)
{
	char q1[32], q2[32], k2[32], goal[32], x[32], y[32], z[32];

	snprintf(a, alen, "week: %s/%s K2-rich servings, K2 %s of %s %s "
	    "(known for %d of %d entries)", amount_format_quantity(q1,
	    sizeof q1, g->rich_servings), amount_format_quantity(q2,
	    sizeof q2, g->rich_servings_goal), gauge_total_text(k2,
	    sizeof k2, &g->k2, 0), text_number(goal, sizeof goal,
	    g->k2_goal_ug, 0), text_ug(), g->k2.known, g->k2.count);
	snprintf(b, blen, "MK-4 %s %s, MK-7 %s %s, longer chains %s %s",
	    gauge_total_text(x, sizeof x, &g->mk4, 1), text_ug(),
	    gauge_total_text(y, sizeof y, &g->mk7, 1), text_ug(),
	    gauge_total_text(z, sizeof z, &g->mk_other, 1), text_ug());
	if (g->chain_unknown_ug > 0) {
		char c[64];
		snprintf(c, sizeof c, ", chain unknown %s %s", text_number(x,
		    sizeof x, g->chain_unknown_ug, 1), text_ug());
		strncat(b, c, blen - strlen(b) - 1);
	}
}

/* The week's warnings, as many as fit; the last row says how many more. */
static void
warnings_draw(WINDOW *w, const struct layout_week *l, const struct gauge *g)
{
	char line[512], tail[32];
	size_t i, rows = (size_t)l->warn_h;

	for (i = 0; i < g->n_warnings && i < rows; i++) {
		const struct gauge_warning *wr = &g->warnings[i];
		snprintf(line, sizeof line, "%s %s", wr->level == LEVEL_OVER ?
		    "OVER:" : "near:", wr->message);
		if (i + 1 == rows && g->n_warnings > rows)
			snprintf(tail, sizeof tail, " +%zu more",
			    g->n_warnings - rows);
		else
			tail[0] = '\0';
		wattron(w, ui_level_attr(wr->level));
		ui_put_tail(w, l->warn_y + (int)i, 1, l->cols - 2, line, tail);
		wattroff(w, ui_level_attr(wr->level));
	}
}

/* The last 12 weeks as columns, the goal as a line. */
static void
chart_draw(WINDOW *w, const struct layout_week *l, const struct tui_view *v)
{
	const struct gauge *g = &v->gauge;
	double top = g->rich_servings_goal;
	char line[256], q[32];
	int i, r, x, y, colw = l->chart_colw, n = l->chart_rows;

	for (i = 0; i < TUI_HISTORY; i++)
		if (v->history[i] > top)
			top = v->history[i];
	snprintf(line, sizeof line, "K2-rich servings, last %d weeks (goal "
	    "%s, * = met)", TUI_HISTORY, amount_format_quantity(q, sizeof q,
	    g->rich_servings_goal));
	wattron(w, A_BOLD);
	ui_put(w, l->chart_y, 1, l->cols - 2, line, false);
	wattroff(w, A_BOLD);
	for (r = 0; r < n; r++) {
		double level = top * (n - r) / n;
		double below = top * (n - r - 1) / n;
		bool goal_row = g->rich_servings_goal > below &&
		    g->rich_servings_goal <= level;
		y = l->chart_y + 1 + r;
		if (goal_row) {
			wattron(w, ui_attr(UI_DIM));
			ui_hline(w, y, 6, colw * TUI_HISTORY);
			ui_put(w, y, 1, 4, "goal", false);
			wattroff(w, ui_attr(UI_DIM));
		}
		for (i = 0, x = 7; i < TUI_HISTORY; i++, x += colw) {
			if (!(v->history[i] > below))
				continue;
			wattron(w, v->history[i] >= g->rich_servings_goal ?
			    ui_attr(UI_BAR) | A_BOLD : ui_attr(UI_ACCENT));
			mvwaddstr(w, y, x, colw >= 5 ? ui_glyph("███", "###") :
			    ui_glyph("██", "##"));
			wattroff(w, ui_attr(UI_BAR) | A_BOLD |
			    ui_attr(UI_ACCENT));
		}
	}
	y = l->chart_y + 1 + n;
	for (i = 0, x = 7; i < TUI_HISTORY; i++, x += colw) {
		int yy, mm, dd;
		date_to_ymd(v->history_start[i], &yy, &mm, &dd);
		if (l->chart_dates)
			snprintf(line, sizeof line, "%02d/%02d", mm, dd);
		else
			snprintf(line, sizeof line, "%02d", dd);
		ui_put(w, y, x, colw - 1, line, false);
		snprintf(line, sizeof line, "%.3g%s", v->history[i],
		    v->history[i] >= g->rich_servings_goal ? "*" : "");
		ui_put(w, y + 1, x, colw - 1, line, false);
	}
}

/* Draw the week view. */
void
ui_week_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	const struct tui_view *v = env->view;
	const struct gauge *g = &v->gauge;
	struct layout_week l;
	size_t st[2], ln[2];
	char line[256], a[32], b[32], s1[512], s2[512];
	int rows, cols, n1, n2, y, used;

	getmaxyx(w, rows, cols);
	summary_text(g, s1, sizeof s1, s2, sizeof s2);
	n1 = (int)layout_wrap(s1, cols - 2, 2, st, ln, 2);
	n2 = (int)layout_wrap(s2, cols - 2, 2, st, ln, 2);
	layout_week(rows, cols, n1 + n2, g->n_warnings, g->anticoagulant, &l);
	if (l.too_small)
		return;
	snprintf(line, sizeof line, " Week of %s %s to %s %s",
	    date_weekday_abbr(date_weekday(g->week_start)),
	    date_format(g->week_start, a, sizeof a),
	    date_weekday_abbr(date_weekday(g->week_end)),
	    date_format(g->week_end, b, sizeof b));
	if ((int)text_width(line) > cols)
		snprintf(line, sizeof line, " Week %s to %s", a, b);
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, l.header_y, 0, ' ', cols);
	ui_put(w, l.header_y, 0, cols, line, false);
	wattroff(w, A_REVERSE | A_BOLD);
	table_draw(w, &l, s, g);
	if (l.summary_h > 0) {
		y = l.summary_y;
		used = ui_put_wrap(w, y, 1, cols - 2, n2 > 0 && l.summary_h >
		    n1 ? n1 : l.summary_h, 2, s1);
		if (used < l.summary_h)
			ui_put_wrap(w, y + used, 1, cols - 2,
			    l.summary_h - used, 2, s2);
	}
	if (l.warn_h > 0)
		warnings_draw(w, &l, g);
	if (l.chart_y >= 0)
		chart_draw(w, &l, v);
	/* The last message ("this is the current week"), else the hints. */
	if (s->status[0] != '\0') {
		wattron(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
		ui_put(w, l.hint_y, 1, cols - 2, s->status, false);
		wattroff(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
		return;
	}
	wattron(w, ui_attr(UI_DIM));
	ui_hints(w, l.hint_y, 1, cols - 2, tui_keymap_of(TUI_SCREEN_WEEK));
	wattroff(w, ui_attr(UI_DIM));
}
