/* SPDX-License-Identifier: ISC */
/* The day screen: entries, picker, amount prompt and the weekly gauge. */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "amount.h"
#include "date.h"
#include "layout.h"
#include "rules.h"
#include "search.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

/* A day outside the gauge's week (never drawn): every total empty. */
static const struct gauge_day no_day;

/* The gauge's day, or an empty one outside its week. */
static const struct gauge_day *
day_of(const struct gauge *g, long day)
{
	if (day < g->week_start || day > g->week_end)
		return &no_day;
	return &g->days[day - g->week_start];
}

/* The title line: the day, and how many entries it has. */
static void
header(WINDOW *w, const struct layout *l, const struct tui_state *s,
    const struct tui_env *env)
{
	char left[128], right[64], d[16];
	long day = s->day;

	date_format(day, d, sizeof d);
	snprintf(left, sizeof left, " %s%s %s%s", l->header_name ?
	    "k2diary  " : "", date_weekday_abbr(date_weekday(day)), d,
	    day == env->view->today ? " (today)" : day ==
	    env->view->today - 1 ? " (yesterday)" : "");
	snprintf(right, sizeof right, "%zu %s ", env->view->entries.n,
	    env->view->entries.n == 1 ? "entry" : "entries");
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, l->header_y, 0, ' ', l->cols);
	ui_put(w, l->header_y, 0, l->cols, left, false);
	/* The count only where it does not cover the day. */
	if ((int)(text_width(left) + text_width(right)) < l->cols)
		ui_put_right(w, l->header_y, 0, l->cols, right);
	wattroff(w, A_REVERSE | A_BOLD);
}

/* A nutrient of an entry: "?" when unknown. */
static void
fmt_value(char *buf, size_t len, const struct nutrients *n, enum nutrient k,
    int decimals)
{
	if (!nutrients_has(n, k))
		snprintf(buf, len, "?");
	else
		text_number(buf, len, n->v[k], decimals);
}

/* A limit: "20", "2,300", "22.5". */
static void
fmt_limit(char *buf, size_t len, double v)
{
	text_number(buf, len, v, v == floor(v) ? 0 : 1);
}

/* The entry table's heading, in the layout's columns. */
static void
table_heading(WINDOW *w, const struct layout *l, int y)
{
	char k2[16];

	snprintf(k2, sizeof k2, "K2 %s", text_ug());
	wattron(w, A_BOLD);
	ui_put_col(w, y, l->amount, "amount", false);
	ui_put_col(w, y, l->food, l->mark.w > 0 && l->food.w >= 14 ?
	    "food  ! = high" : "food", false);
	ui_put_col(w, y, l->k2, k2, true);
	ui_put_col(w, y, l->fat, "sat fat", true);
	ui_put_col(w, y, l->sodium, "sodium", true);
	ui_put_col(w, y, l->high, "high", false);
	wattroff(w, A_BOLD);
}

/* What to do on a day with no entries. */
static void
empty_day(WINDOW *w, const struct layout *l)
{
	int y = l->table_y, end = l->table_y + l->table_h, width = l->cols - 4;
	bool roomy = l->table_h >= 5;

	if (roomy)
		y++;
	ui_put(w, y, 2, width, "Nothing logged on this day.", false);
	y += roomy ? 2 : 1;
	if (y < end)
		y += ui_put_wrap(w, y, 2, width, end - y - 1 > 0 ? end - y - 1 :
		    1, 0, "Press a, type a few letters of a food, then Enter, "
		    "Enter.");
	if (y < end)
		ui_put(w, y, 2, width, "Press ? for every key.", false);
}

/* The day's entries (scrolled to the selection) and their total. */
static void
entries_draw(WINDOW *w, const struct layout *l, const struct tui_state *s,
    const struct tui_env *env)
{
	const struct entry_list *el = &env->view->entries;
	const struct gauge_day *gd = day_of(&env->view->gauge, s->day);
	const struct config *cf = env->cf;
	char buf[64], v[32];
	size_t i, top, shown;
	int y;

	if (el->n == 0) {
		empty_day(w, l);
		return;
	}
	table_heading(w, l, l->table_y);
	shown = l->entry_rows > 0 ? (size_t)l->entry_rows : 1;
	top = s->sel >= shown ? s->sel - shown + 1 : 0;
	for (i = top, y = l->table_y + 1; i < el->n && i < top + shown;
	    i++, y++) {
		const struct entry *e = &el->v[i];
		bool sel = i == s->sel && s->screen == TUI_SCREEN_DAY;
		unsigned fl = rule_entry_flags(cf, e) & RULE_HIGH;
		if (sel)
			wattron(w, A_REVERSE);
		mvwhline(w, y, 0, ' ', l->cols);
		entry_amount_text(e, buf, sizeof buf);
		ui_put_col(w, y, l->amount, buf, false);
		ui_put_col(w, y, l->food, e->food_name, false);
		fmt_value(v, sizeof v, &e->nut, NUT_K2, 1);
		ui_put_col(w, y, l->k2, v, true);
		fmt_value(v, sizeof v, &e->nut, NUT_SAT_FAT, 1);
		ui_put_col(w, y, l->fat, v, true);
		fmt_value(v, sizeof v, &e->nut, NUT_SODIUM, 0);
		ui_put_col(w, y, l->sodium, v, true);
		rule_flag_words(fl, RULE_WORDS_SHORT, buf, sizeof buf);
		if (!sel)
			wattron(w, ui_attr(UI_NEAR));
		ui_put_col(w, y, l->high, buf, false);
		if (fl != 0)
			ui_put_col(w, y, l->mark, "!", false);
		if (!sel)
			wattroff(w, ui_attr(UI_NEAR));
		if (sel)
			wattroff(w, A_REVERSE);
	}
	/* The day's totals, as the gauge counts them: "?" when unknown. */
	wattron(w, A_BOLD);
	ui_put_col(w, y, l->food, el->n <= shown ? "day total" :
	    l->food.w >= 23 ? "day total (scroll: j k)" : "day total (j k)",
	    false);
	ui_put_col(w, y, l->k2, gauge_total_text(v, sizeof v, &gd->k2, 1),
	    true);
	ui_put_col(w, y, l->fat, gauge_total_text(v, sizeof v, &gd->sat_fat,
	    1), true);
	ui_put_col(w, y, l->sodium, gauge_total_text(v, sizeof v, &gd->sodium,
	    0), true);
	wattroff(w, A_BOLD);
}

/* The again: line: exactly the foods layout_recent_shown counts. */
static void
recent_draw(WINDOW *w, const struct layout *l, const struct tui_env *env)
{
	const struct tui_view *v = env->view;
	char line[512], item[96];
	size_t i, n = layout_recent_shown(v, l->rows, l->cols);

	if (n == 0)
		return;
	snprintf(line, sizeof line, "again:");
	for (i = 0; i < n; i++) {
		snprintf(item, sizeof item, "  %zu %s", i + 1, v->recent[i].id);
		strncat(line, item, sizeof line - strlen(line) - 1);
	}
	wattron(w, ui_attr(UI_DIM));
	ui_put(w, l->again_y, 1, l->cols - 2, line, false);
	wattroff(w, ui_attr(UI_DIM));
}

/* One food of the picker. */
static void
food_row(WINDOW *w, int y, const struct layout *l, const struct food *f,
    const struct config *cf, const char *query, bool sel)
{
	char serv[64], q[32], k2[32], flags[48], name[256];
	double v;
	unsigned fl = rule_food_flags(cf, f);

	if (f->servings[0].grams > 0)
		snprintf(serv, sizeof serv, "1 %s (%s g)", f->servings[0].label,
		    amount_format_quantity(q, sizeof q, f->servings[0].grams));
	/* Without its grams when the column is narrow. */
	if (f->servings[0].grams <= 0 || (int)text_width(serv) >
	    l->p_serving.w)
		snprintf(serv, sizeof serv, "1 %s", f->servings[0].label);
	if (food_per_serving(f, NUT_K2, &v))
		snprintf(k2, sizeof k2, "%s%s", text_number(q, sizeof q, v, 1),
		    rule_partial(f, NUT_K2) ? "+" : "");
	else
		snprintf(k2, sizeof k2, "?");
	rule_flag_words(fl, RULE_WORDS_SHORT, flags, sizeof flags);
	/* A long name keeps the words that matched (DESIGN §3c). */
	search_fit_name(name, sizeof name, f->name, query,
	    (size_t)(l->p_name.w > 0 ? l->p_name.w : 1));
	if (sel)
		wattron(w, A_REVERSE);
	mvwhline(w, y, 0, ' ', l->cols);
	ui_put_col(w, y, l->p_name, name, false);
	if (fl & RULE_HIGH)
		ui_put_col(w, y, l->p_mark, "!", false);
	ui_put_col(w, y, l->p_serving, serv, false);
	ui_put_col(w, y, l->p_k2, k2, true);
	if (l->p_flags.w > 0)
		ui_put(w, y, l->p_flags.x, l->p_flags.w, flags, false);
	if (sel)
		wattroff(w, A_REVERSE);
}

/* The food picker: the query, the count and the hits. */
static void
picker_draw(WINDOW *w, const struct layout *l, const struct tui_state *s,
    const struct tui_env *env)
{
	char line[TUI_LINE_MAX + 64], k2[16];
	size_t i, top, shown;
	int y, y0 = l->pane_y, qw, cw;

	if (s->pick_order == TUI_ORDER_BEST)
		snprintf(line, sizeof line, "Find a food: %s", s->query.buf);
	else
		snprintf(line, sizeof line, "Find a food by %s: %s",
		    tui_order_name(s->pick_order, false), s->query.buf);
	qw = (int)text_width(line);
	if (qw > l->cols - 3)
		qw = l->cols - 3;
	wattron(w, A_BOLD);
	ui_put(w, y0, 1, qw, line, false);
	wattroff(w, A_BOLD);
	wattron(w, A_REVERSE);
	waddstr(w, " ");
	wattroff(w, A_REVERSE);
	snprintf(line, sizeof line, "%zu of %zu foods", s->total_hits,
	    env->cat->n);
	cw = (int)text_width(line);
	if (1 + qw + 1 + 2 + cw <= l->cols - 1)
		ui_put_right(w, y0, 0, l->cols - 1, line);
	snprintf(k2, sizeof k2, "K2 %s", text_ug());
	wattron(w, A_BOLD);
	ui_put_col(w, y0 + 1, l->p_name, l->p_mark.w > 0 && l->p_name.w >= 14 ?
	    "food  ! = high" : "food", false);
	ui_put_col(w, y0 + 1, l->p_serving, "default serving", false);
	ui_put_col(w, y0 + 1, l->p_k2, k2, true);
	ui_put_col(w, y0 + 1, l->p_flags, "flags", false);
	wattroff(w, A_BOLD);
	shown = (size_t)layout_pick_rows(l->rows, l->cols);
	top = s->pick >= shown ? s->pick - shown + 1 : 0;
	if (s->n_hits == 0)
		ui_put_wrap(w, y0 + (l->pane_h > 3 ? 3 : 2), 2, l->cols - 4,
		    l->pane_h > 4 ? 2 : 1, 0, s->query.buf[0] != '\0' ?
		    "No food matches. Enter: make it a food of your own; "
		    "Backspace widens the search, Esc goes back." :
		    "No food matches. Esc goes back.");
	for (i = top, y = y0 + 2; i < s->n_hits && i < top + shown; i++, y++)
		food_row(w, y, l, &env->cat->foods[s->hits[i].food], env->cf,
		    s->query.buf, i == s->pick);
}

/* "units: slice (28 g), oz (28.35 g), g" */
static void
units_text(const struct food *f, char *line, size_t len)
{
	char u[96], q[32];
	size_t i;

	snprintf(line, len, "units:");
	for (i = 0; i < f->n_servings; i++) {
		if (f->servings[i].grams > 0)
			snprintf(u, sizeof u, " %s (%s g),",
			    f->servings[i].label, amount_format_quantity(q,
			    sizeof q, f->servings[i].grams));
		else
			snprintf(u, sizeof u, " %s,", f->servings[i].label);
		strncat(line, u, len - strlen(line) - 1);
	}
	if (f->servings[0].grams > 0)
		strncat(line, " g", len - strlen(line) - 1);
	else
		line[strlen(line) - 1] = '\0';
}

/* The amount prompt: roomy as always, or one line after another. */
static void
amount_draw(WINDOW *w, const struct layout *l, const struct tui_state *s)
{
	const struct food *f = s->food;
	char line[512], units[384];
	const char *hint = s->edit_id ? "Enter: change it   Esc: back, "
	    "nothing changed" : "Enter: log it   Esc: back to the picker, "
	    "nothing logged";
	const char *short_hint = s->edit_id ? "Enter: change  Esc: back" :
	    "Enter: log  Esc: back";
	bool roomy = l->pane_h >= 10 && l->wide;
	int y = l->pane_y, end = l->pane_y + l->pane_h, x = roomy ? 3 : 1;
	int width = l->cols - 2 * x, left;

	snprintf(line, sizeof line, "%s %s", s->edit_id ? "Change" : "Log",
	    f->name);
	wattron(w, A_BOLD);
	ui_put(w, y, 1, l->cols - 2, line, false);
	wattroff(w, A_BOLD);
	y += roomy ? 2 : 1;
	snprintf(line, sizeof line, "Amount: %s", s->amount.buf);
	ui_put(w, y, x, width - 1, line, false);
	wattron(w, A_REVERSE);
	waddstr(w, " ");
	wattroff(w, A_REVERSE);
	y++;
	units_text(f, units, sizeof units);
	if (roomy)
		snprintf(line, sizeof line, "%s   (Tab: next unit)", units);
	else
		snprintf(line, sizeof line, "units (Tab):%s", units + 6);
	wattron(w, ui_attr(UI_DIM));
	if (roomy)
		ui_put(w, y++, x, width, line, false);
	else if (y < end)
		y += ui_put_wrap(w, y, x, width, end - y > 4 ? 2 : 1, 2, line);
	wattroff(w, ui_attr(UI_DIM));
	/* Roomy: the rows as they always were; else one after another. */
	if (roomy)
		y++;
	if (s->preview_bad)
		wattron(w, ui_attr(UI_OVER));
	if (y < end)
		y += ui_put_wrap(w, y, x, width, roomy ? 1 : end - y > 3 ? 2 :
		    1, 2, s->preview);
	if (s->preview_bad)
		wattroff(w, ui_attr(UI_OVER));
	if (s->preview_warn[0] != '\0' && y < end) {
		snprintf(line, sizeof line, "warning: %s", s->preview_warn);
		wattron(w, ui_attr(UI_NEAR) | A_BOLD);
		y += ui_put_wrap(w, y, x, width, roomy ? 1 : end - y > 2 ? 2 :
		    1, 2, line);
		wattroff(w, ui_attr(UI_NEAR) | A_BOLD);
	} else if (roomy)
		y++;
	if (roomy) {
		y = l->pane_y + 8;
		left = 1;
	} else
		left = end - y - (l->pane_h >= 10 ? 1 : 0);
	if (f->note != NULL && left > 0) {
		wattron(w, ui_attr(UI_DIM));
		snprintf(line, sizeof line, "note: %s", f->note);
		y += ui_put_wrap(w, y, x, width, left > 2 ? 2 : left, 2, line);
		wattroff(w, ui_attr(UI_DIM));
	}
	/* The status line says the same keys when the pane is short. */
	if (roomy)
		ui_put(w, l->pane_y + 9, x, width, hint, false);
	else if (l->pane_h >= 10 && y < end)
		ui_put(w, end - 1, x, width, (int)text_width(hint) <= width ?
		    hint : short_hint, false);
}

/* " over", " near", " unknown" after a bar; nothing for ok. */
static void
level_word(WINDOW *w, int y, int x, enum level lv)
{
	char word[16];

	if (lv == LEVEL_OK)
		return;
	snprintf(word, sizeof word, " %s", gauge_level_name(lv));
	wattron(w, ui_level_attr(lv));
	ui_put(w, y, x, LAYOUT_WORD_W, word, false);
	wattroff(w, ui_level_attr(lv));
}

/* A total's share of a limit for its bar: none when unknown. */
static double
share_of(const struct total *t, double limit)
{
	return total_unknown(t) || !(limit > 0) ? 0 : t->sum / limit;
}

/* One nutrient's day and week against the limits. */
static void
limit_line(WINDOW *w, const struct layout *l, int y, const char *name,
    const char *unit, int decimals, const struct total *day, double day_limit,
    enum level dl, const struct total *week, double week_limit, enum level wl)
{
	char a[32], b[32], buf[128];

	gauge_total_text(a, sizeof a, day, decimals);
	fmt_limit(b, sizeof b, day_limit);
	snprintf(buf, sizeof buf, "%-*s day %s/%s %s", l->lim_name_w, name, a,
	    b, unit);
	ui_put(w, y, 1, l->lim_label_w, buf, true);
	ui_bar(w, y, l->lim_bar_x, l->lim_bar_w, share_of(day, day_limit),
	    ui_level_attr(dl));
	level_word(w, y, l->lim_word_x, dl);
	if (l->lim_week == 1) {
		ui_put(w, y, l->lim_week_x, 5, "week ", false);
		wattron(w, ui_level_attr(wl));
		ui_put(w, y, l->lim_week_x + 5, l->lim_week_w - 5,
		    gauge_level_name(wl), false);
		wattroff(w, ui_level_attr(wl));
	} else if (l->lim_week == 2) {
		gauge_total_text(a, sizeof a, week, decimals);
		fmt_limit(b, sizeof b, week_limit);
		snprintf(buf, sizeof buf, "week %s/%s %s", a, b, unit);
		ui_put(w, y, l->lim_week_x, l->lim_week_w, buf, true);
		if (l->lim_wbar_w > 0)
			ui_bar(w, y, l->lim_wbar_x, l->lim_wbar_w,
			    share_of(week, week_limit), ui_level_attr(wl));
		level_word(w, y, l->lim_wword_x, wl);
	}
}

/* A bar as long as the text after it leaves room for. */
static int
bar_room(const struct layout *l, const char *after)
{
	int room = l->cols - 1 - l->bar_x - (int)text_width(after);

	return room < l->bar_w ? (room > 0 ? room : 0) : l->bar_w;
}

/* One small bar a day, and a mark for a day near, over or unknown. */
static void
days_line(WINDOW *w, const struct layout *l, const struct tui_state *s,
    const struct gauge *g)
{
	static const char *const blocks[] = {
		" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█",
	};
	double per_day = g->rich_servings_goal / 7;
	int i, x, h, y = l->days_y;

	if (l->days_label)
		ui_put(w, y, 1, 5, "days", false);
	for (i = 0, x = l->days_x; i < 7; i++, x += l->days_step) {
		const struct gauge_day *d = &g->days[i];
		double share = per_day > 0 ? d->rich_servings / per_day : 0;
		h = share <= 0 ? 0 : share >= 1 ? 8 : 1 + (int)(share * 7);
		if (d->day == s->day)
			wattron(w, A_REVERSE | A_BOLD);
		ui_put(w, y, x, l->days_name_w,
		    date_weekday_abbr(date_weekday(d->day)), false);
		if (d->day == s->day)
			wattroff(w, A_REVERSE | A_BOLD);
		/* No K2 known on a day with entries: "?", not an empty bar. */
		if (total_unknown(&d->k2)) {
			wattron(w, ui_attr(UI_ACCENT));
			ui_put(w, y, x + l->days_name_w + 1, 1, "?", false);
			wattroff(w, ui_attr(UI_ACCENT));
		} else {
			wattron(w, ui_attr(UI_BAR));
			mvwaddstr(w, y, x + l->days_name_w + 1,
			    ui_glyph(blocks[h], h == 0 ? " " : h < 4 ? "." :
			    h < 8 ? ":" : "#"));
			wattroff(w, ui_attr(UI_BAR));
		}
		if (d->worst != LEVEL_OK) {
			wattron(w, ui_level_attr(d->worst));
			ui_put(w, y, x + l->days_name_w + 2, 1,
			    d->worst == LEVEL_UNKNOWN ? "?" : "!", false);
			wattroff(w, ui_level_attr(d->worst));
		}
	}
}

/* The warning line: the day's worst warning, and how many more. */
static void
warning_line(WINDOW *w, const struct layout *l, const struct tui_state *s,
    const struct tui_env *env, const struct gauge_day *gd)
{
	const struct gauge *g = &env->view->gauge;
	size_t idx[GAUGE_MAX_WARNINGS], n;
	char line[512], tail[32], a[32], b[32];

	n = gauge_warnings_for_day(g, s->day, idx, GAUGE_MAX_WARNINGS);
	if (n > 0) {
		const struct gauge_warning *wr = &g->warnings[idx[0]];
		snprintf(line, sizeof line, "%s %s", wr->level == LEVEL_OVER ?
		    "OVER:" : "near:", wr->message);
		/* "+2 w": two more, in the week view; never cut. */
		if (n > 1)
			snprintf(tail, sizeof tail, " +%zu w", n - 1);
		else
			tail[0] = '\0';
		wattron(w, ui_level_attr(wr->level));
		ui_put_tail(w, l->warn_y, 1, l->cols - 2, line, tail);
		wattroff(w, ui_level_attr(wr->level));
	} else if (g->anticoagulant && l->suggest_y < 0) {
		/* (The full layout says it on the line of what to eat next.) */
		snprintf(line, sizeof line, "vitamin K today %s %s, week's "
		    "daily mean %s %s%s", gauge_total_text(a, sizeof a,
		    &gd->vitk, 0), text_ug(), text_number(b, sizeof b,
		    g->vitk_mean_ug, 0), text_ug(), gd->vitk_swing ?
		    ": a swing of more than half" : "");
		ui_put(w, l->warn_y, 1, l->cols - 2, line, false);
	}
}

/* What to eat next (suggest_line): the full layout's line above warnings. */
static void
suggest_draw(WINDOW *w, const struct layout *l, const struct tui_env *env)
{
	char line[512];

	if (l->suggest_y < 0 || !env->view->has_sug)
		return;
	suggest_line(&env->view->sug, (size_t)(l->cols - 2), line,
	    sizeof line);
	wattron(w, ui_attr(UI_ACCENT));
	ui_put(w, l->suggest_y, 1, l->cols - 2, line, false);
	wattroff(w, ui_attr(UI_ACCENT));
}

/* The weekly gauge in the rows the layout gives it. */
static void
gauge_draw(WINDOW *w, const struct layout *l, const struct tui_state *s,
    const struct tui_env *env)
{
	const struct gauge *g = &env->view->gauge;
	const struct gauge_day *gd = day_of(g, s->day);
	char a[32], b[32], line[512], after[64], t1[16], t2[16];
	bool met = g->rich_servings >= g->rich_servings_goal;

	if (l->rule_y >= 0) {
		snprintf(line, sizeof line, " Week %s to %s ",
		    date_format(g->week_start, t1, sizeof t1),
		    date_format(g->week_end, t2, sizeof t2));
		wattron(w, ui_attr(UI_DIM));
		ui_hline(w, l->rule_y, 0, l->cols);
		wattroff(w, ui_attr(UI_DIM));
		ui_put(w, l->rule_y, 2, l->cols - 4, line, false);
	}
	/* K2-rich servings against the goal. */
	amount_format_quantity(a, sizeof a, g->rich_servings);
	amount_format_quantity(b, sizeof b, g->rich_servings_goal);
	if (l->wide)
		snprintf(line, sizeof line, "K2-rich servings %5s/%-4s", a, b);
	else
		snprintf(line, sizeof line, "K2-rich %s/%s", a, b);
	wattron(w, A_BOLD);
	ui_put(w, l->rich_y, 1, l->label_w, line, true);
	wattroff(w, A_BOLD);
	snprintf(after, sizeof after, " %3.0f%%%s", g->rich_servings_goal > 0 ?
	    100 * g->rich_servings / g->rich_servings_goal : 0, met &&
	    (l->wide || l->cols - l->bar_x - 4 >= 20) ? " goal met" : "");
	ui_bar(w, l->rich_y, l->bar_x, bar_room(l, after),
	    g->rich_servings_goal > 0 ? g->rich_servings /
	    g->rich_servings_goal : 0, ui_attr(UI_BAR));
	ui_put(w, l->rich_y, getcurx(w), l->cols - 1 - getcurx(w), after,
	    false);
	/* K2 against its goal, and how many entries it is known for. */
	snprintf(line, sizeof line, "K2 %s %s/%s", text_ug(),
	    gauge_total_text(a, sizeof a, &g->k2, 0), text_number(b, sizeof b,
	    g->k2_goal_ug, 0));
	ui_put(w, l->k2_y, 1, l->label_w, line, true);
	snprintf(after, sizeof after, " known for %d of %d", g->k2.known,
	    g->k2.count);
	ui_bar(w, l->k2_y, l->bar_x, bar_room(l, after), share_of(&g->k2,
	    g->k2_goal_ug), ui_attr(UI_ACCENT));
	ui_put(w, l->k2_y, getcurx(w), l->cols - 1 - getcurx(w), after, false);
	if (l->days_y >= 0)
		days_line(w, l, s, g);
	limit_line(w, l, l->fat_y, "sat fat", "g", 1, &gd->sat_fat,
	    env->cf->sat_fat_limit_g, gd->sat_fat_status, &g->sat_fat,
	    g->sat_fat_limit_g, g->sat_fat_status);
	limit_line(w, l, l->sodium_y, "sodium", "mg", 0, &gd->sodium,
	    env->cf->sodium_limit_mg, gd->sodium_status, &g->sodium,
	    g->sodium_limit_mg, g->sodium_status);
	suggest_draw(w, l, env);
	warning_line(w, l, s, env, gd);
}

/* The status line: a question, the last message, or the key hints. */
static void
status_draw(WINDOW *w, const struct layout *l, const struct tui_state *s)
{
	static const char yn[] = " y/n";
	int y = l->status_y, width = l->cols - 2;
	size_t ql;

	if (s->screen == TUI_SCREEN_CONFIRM) {
		char q[sizeof s->question];
		snprintf(q, sizeof q, "%s", s->question);
		/* The answer keys stay in sight when the question is cut. */
		ql = strlen(q);
		wattron(w, A_REVERSE | A_BOLD);
		mvwhline(w, y, 0, ' ', l->cols);
		if (ql > strlen(yn) && strcmp(q + ql - strlen(yn), yn) == 0) {
			q[ql - strlen(yn)] = '\0';
			ui_put_tail(w, y, 1, width, q, yn);
		} else
			ui_put(w, y, 1, width, q, false);
		wattroff(w, A_REVERSE | A_BOLD);
		return;
	}
	if (s->status[0] != '\0') {
		attr_t a = s->status_error ? ui_attr(UI_OVER) : A_BOLD;
		wattron(w, a);
		ui_put(w, y, 1, width, s->status, false);
		wattroff(w, a);
		return;
	}
	/* The hints of the day screen's, the picker's or the prompt's keys. */
	wattron(w, ui_attr(UI_DIM));
	ui_hints(w, y, 1, width, tui_keymap_of(s->screen));
	wattroff(w, ui_attr(UI_DIM));
}

/* Draw the day screen (with the picker or prompt when open). */
void
ui_day_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	struct layout l;
	int rows, cols;
	bool pane = s->screen == TUI_SCREEN_PICK ||
	    s->screen == TUI_SCREEN_AMOUNT;

	getmaxyx(w, rows, cols);
	layout_day(rows, cols, &l);
	if (l.too_small)
		return;
	header(w, &l, s, env);
	switch (s->screen) {
	case TUI_SCREEN_PICK:
		picker_draw(w, &l, s, env);
		break;
	case TUI_SCREEN_AMOUNT:
		amount_draw(w, &l, s);
		break;
	default:
		entries_draw(w, &l, s, env);
		if (l.again_y >= 0)
			recent_draw(w, &l, env);
		break;
	}
	if (!pane || l.pane_gauge)
		gauge_draw(w, &l, s, env);
	status_draw(w, &l, s);
}
