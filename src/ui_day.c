/* SPDX-License-Identifier: ISC */
/* The day screen: entries, picker, amount prompt and the weekly gauge. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

#define GAUGE_ROWS 7

static const char hints[] =
    "a add  1-9 again  e edit  d delete  u undo  [ ] day  w week  ? help  "
    "q quit";

static void
header(WINDOW *w, int cols, const struct tui_state *s,
    const struct tui_env *env)
{
	char left[128], right[64], d[16];
	long day = s->day;

	date_format(day, d, sizeof d);
	snprintf(left, sizeof left, " k2diary  %s %s%s",
	    date_weekday_abbr(date_weekday(day)), d,
	    day == env->view->today ? " (today)" : day ==
	    env->view->today - 1 ? " (yesterday)" : "");
	snprintf(right, sizeof right, "%zu %s ", env->view->entries.n,
	    env->view->entries.n == 1 ? "entry" : "entries");
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, 0, 0, ' ', cols);
	ui_put(w, 0, 0, cols, left, false);
	ui_put_right(w, 0, 0, cols, right);
	wattroff(w, A_REVERSE | A_BOLD);
}

static void
fmt_value(char *buf, size_t len, const struct nutrients *n, enum nutrient k,
    int decimals)
{
	if (!nutrients_has(n, k))
		snprintf(buf, len, "?");
	else if (decimals == 0)
		ui_thousands(buf, len, n->v[k]);
	else
		snprintf(buf, len, "%.*f", decimals, n->v[k]);
}

/* Flags of an entry: high per default serving, from its own snapshot. */
static void
entry_flags(const struct entry *e, const struct config *cf, char *buf,
    size_t len)
{
	bool fat = nutrients_has(&e->nut, NUT_SAT_FAT) && e->servings > 0 &&
	    e->nut.v[NUT_SAT_FAT] / e->servings >= FOOD_HIGH_SHARE *
	    cf->sat_fat_limit_g;
	bool salt = nutrients_has(&e->nut, NUT_SODIUM) && e->servings > 0 &&
	    e->nut.v[NUT_SODIUM] / e->servings >= FOOD_HIGH_SHARE *
	    cf->sodium_limit_mg;

	snprintf(buf, len, "%s%s%s", fat ? "fat" : "",
	    fat && salt ? " " : "", salt ? "sodium" : "");
}

struct cols {
	int amount, food, k2, fat, na, flags;
};

static void
columns(int width, struct cols *c)
{
	c->amount = 12;
	c->k2 = 8;
	c->fat = 8;
	c->na = 8;
	c->flags = 10;
	c->food = width - (c->amount + c->k2 + c->fat + c->na + c->flags + 6);
}

static void
entries_draw(WINDOW *w, int y0, int rows, int cols, const struct tui_state *s,
    const struct tui_env *env)
{
	const struct entry_list *l = &env->view->entries;
	struct cols c;
	struct nutrients tot;
	char buf[64], k2[32], fat[32], na[32], flags[32];
	size_t i, top, shown;
	int y, x, k;

	columns(cols - 2, &c);
	if (l->n == 0) {
		ui_put(w, y0 + 1, 2, cols - 4, "Nothing logged on this day.",
		    false);
		ui_put(w, y0 + 3, 2, cols - 4, "Press a, type a few letters "
		    "of a food, then Enter, Enter.", false);
		ui_put(w, y0 + 4, 2, cols - 4, "Press ? for every key.", false);
		return;
	}
	wattron(w, A_BOLD);
	x = 1;
	ui_put(w, y0, x, c.amount, "amount", true); x += c.amount + 1;
	ui_put(w, y0, x, c.food, "food", true); x += c.food + 1;
	ui_put_right(w, y0, x, c.k2, "K2 µg"); x += c.k2 + 1;
	ui_put_right(w, y0, x, c.fat, "sat fat"); x += c.fat + 1;
	ui_put_right(w, y0, x, c.na, "sodium"); x += c.na + 2;
	ui_put(w, y0, x, c.flags, "high", false);
	wattroff(w, A_BOLD);
	/* Rows for entries: leave one for the total. */
	shown = rows - 2 > 0 ? (size_t)(rows - 2) : 1;
	top = s->sel >= shown ? s->sel - shown + 1 : 0;
	memset(&tot, 0, sizeof tot);
	for (i = 0; i < l->n; i++)
		for (k = 0; k < NUT_COUNT; k++)
			if (nutrients_has(&l->v[i].nut, k)) {
				tot.v[k] += l->v[i].nut.v[k];
				tot.known |= 1u << k;
			}
	for (i = top, y = y0 + 1; i < l->n && i < top + shown; i++, y++) {
		const struct entry *e = &l->v[i];
		bool sel = i == s->sel && s->screen == TUI_SCREEN_DAY;
		if (sel)
			wattron(w, A_REVERSE);
		mvwhline(w, y, 0, ' ', cols);
		entry_amount_text(e, buf, sizeof buf);
		x = 1;
		ui_put(w, y, x, c.amount, buf, true); x += c.amount + 1;
		ui_put(w, y, x, c.food, e->food_name, true); x += c.food + 1;
		fmt_value(k2, sizeof k2, &e->nut, NUT_K2, 1);
		ui_put_right(w, y, x, c.k2, k2); x += c.k2 + 1;
		fmt_value(fat, sizeof fat, &e->nut, NUT_SAT_FAT, 1);
		ui_put_right(w, y, x, c.fat, fat); x += c.fat + 1;
		fmt_value(na, sizeof na, &e->nut, NUT_SODIUM, 0);
		ui_put_right(w, y, x, c.na, na); x += c.na + 2;
		entry_flags(e, env->cf, flags, sizeof flags);
		if (!sel)
			wattron(w, ui_attr(UI_NEAR));
		ui_put(w, y, x, c.flags, flags, false);
		if (!sel)
			wattroff(w, ui_attr(UI_NEAR));
		if (sel)
			wattroff(w, A_REVERSE);
	}
	if (l->n > shown)
		ui_put_right(w, y0, 0, cols - 1, "");
	x = 1 + c.amount + 1;
	wattron(w, A_BOLD);
	snprintf(buf, sizeof buf, "day total%s", l->n > shown ? " (scroll: j k)"
	    : "");
	ui_put(w, y, x, c.food, buf, true); x += c.food + 1;
	fmt_value(k2, sizeof k2, &tot, NUT_K2, 1);
	ui_put_right(w, y, x, c.k2, k2); x += c.k2 + 1;
	fmt_value(fat, sizeof fat, &tot, NUT_SAT_FAT, 1);
	ui_put_right(w, y, x, c.fat, fat); x += c.fat + 1;
	fmt_value(na, sizeof na, &tot, NUT_SODIUM, 0);
	ui_put_right(w, y, x, c.na, na);
	wattroff(w, A_BOLD);
}

static void
recent_draw(WINDOW *w, int y, int cols, const struct tui_env *env)
{
	const struct tui_view *v = env->view;
	char line[512], item[96];
	size_t i;

	if (v->n_recent == 0)
		return;
	snprintf(line, sizeof line, "again:");
	for (i = 0; i < v->n_recent; i++) {
		snprintf(item, sizeof item, "  %zu %s", i + 1,
		    v->recent[i].id);
		strncat(line, item, sizeof line - strlen(line) - 1);
	}
	wattron(w, ui_attr(UI_DIM));
	ui_put(w, y, 1, cols - 2, line, false);
	wattroff(w, ui_attr(UI_DIM));
}

static void
food_row(WINDOW *w, int y, int cols, const struct food *f,
    const struct config *cf, bool sel)
{
	char serv[64], k2[32], flags[48];
	double v;
	int x = 2, wname = cols - 2 - 19 - 10 - 22 - 2;

	if (f->servings[0].grams > 0)
		snprintf(serv, sizeof serv, "1 %s (%.4g g)", f->servings[0].label,
		    f->servings[0].grams);
	else
		snprintf(serv, sizeof serv, "1 %s", f->servings[0].label);
	if (food_per_serving(f, NUT_K2, &v))
		snprintf(k2, sizeof k2, "%.1f", v);
	else
		snprintf(k2, sizeof k2, "?");
	snprintf(flags, sizeof flags, "%s%s%s",
	    food_is_k2_rich(f, cf->rich_threshold_ug) ? "K2-rich " : "",
	    food_high_sat_fat(f, cf->sat_fat_limit_g) ? "fat " : "",
	    food_high_sodium(f, cf->sodium_limit_mg) ? "sodium" : "");
	if (sel)
		wattron(w, A_REVERSE);
	mvwhline(w, y, 0, ' ', cols);
	ui_put(w, y, x, wname, f->name, true); x += wname + 1;
	ui_put(w, y, x, 18, serv, true); x += 19;
	ui_put_right(w, y, x, 8, k2); x += 10;
	ui_put(w, y, x, 22, flags, false);
	if (sel)
		wattroff(w, A_REVERSE);
}

static void
picker_draw(WINDOW *w, int y0, int rows, int cols, const struct tui_state *s,
    const struct tui_env *env)
{
	char line[256];
	size_t i, top, shown;
	int y;

	snprintf(line, sizeof line, "Find a food: %s", s->query.buf);
	wattron(w, A_BOLD);
	ui_put(w, y0, 1, cols - 2, line, false);
	wattroff(w, A_BOLD);
	wattron(w, A_REVERSE);
	waddstr(w, " ");
	wattroff(w, A_REVERSE);
	snprintf(line, sizeof line, "%zu of %zu foods", s->total_hits,
	    env->cat->n);
	ui_put_right(w, y0, 0, cols - 1, line);
	wattron(w, A_BOLD);
	ui_put(w, y0 + 1, 2, cols - 55, "food", false);
	ui_put(w, y0 + 1, cols - 52, 18, "default serving", false);
	ui_put_right(w, y0 + 1, cols - 33, 8, "K2 µg");
	ui_put(w, y0 + 1, cols - 23, 22, "flags", false);
	wattroff(w, A_BOLD);
	shown = rows - 2 > 0 ? (size_t)(rows - 2) : 1;
	top = s->pick >= shown ? s->pick - shown + 1 : 0;
	if (s->n_hits == 0)
		ui_put(w, y0 + 3, 2, cols - 4, "No food matches. Backspace "
		    "to widen the search, Esc to go back.", false);
	for (i = top, y = y0 + 2; i < s->n_hits && i < top + shown; i++, y++)
		food_row(w, y, cols, &env->cat->foods[s->hits[i].food],
		    env->cf, i == s->pick);
}

static void
amount_draw(WINDOW *w, int y0, int cols, const struct tui_state *s,
    const struct tui_env *env)
{
	const struct food *f = s->food;
	char line[512], u[64];
	size_t i;

	(void)env;
	snprintf(line, sizeof line, "%s %s", s->edit_id ? "Change" : "Log",
	    f->name);
	wattron(w, A_BOLD);
	ui_put(w, y0, 1, cols - 2, line, false);
	wattroff(w, A_BOLD);
	snprintf(line, sizeof line, "Amount: %s", s->amount.buf);
	ui_put(w, y0 + 2, 3, cols - 6, line, false);
	wattron(w, A_REVERSE);
	waddstr(w, " ");
	wattroff(w, A_REVERSE);
	snprintf(line, sizeof line, "units:");
	for (i = 0; i < f->n_servings; i++) {
		if (f->servings[i].grams > 0)
			snprintf(u, sizeof u, " %s (%.4g g)%s",
			    f->servings[i].label, f->servings[i].grams, ",");
		else
			snprintf(u, sizeof u, " %s,", f->servings[i].label);
		strncat(line, u, sizeof line - strlen(line) - 1);
	}
	if (f->servings[0].grams > 0)
		strncat(line, " g", sizeof line - strlen(line) - 1);
	else
		line[strlen(line) - 1] = '\0';
	strncat(line, "   (Tab: next unit)", sizeof line - strlen(line) - 1);
	wattron(w, ui_attr(UI_DIM));
	ui_put(w, y0 + 3, 3, cols - 6, line, false);
	wattroff(w, ui_attr(UI_DIM));
	if (s->preview_bad)
		wattron(w, ui_attr(UI_OVER));
	ui_put(w, y0 + 5, 3, cols - 6, s->preview, false);
	if (s->preview_bad)
		wattroff(w, ui_attr(UI_OVER));
	if (s->preview_warn[0] != '\0') {
		snprintf(line, sizeof line, "warning: %s", s->preview_warn);
		wattron(w, ui_attr(UI_NEAR) | A_BOLD);
		ui_put(w, y0 + 6, 3, cols - 6, line, false);
		wattroff(w, ui_attr(UI_NEAR) | A_BOLD);
	}
	if (f->note != NULL) {
		wattron(w, ui_attr(UI_DIM));
		snprintf(line, sizeof line, "note: %s", f->note);
		ui_put(w, y0 + 8, 3, cols - 6, line, false);
		wattroff(w, ui_attr(UI_DIM));
	}
	ui_put(w, y0 + 9, 3, cols - 6, s->edit_id ? "Enter: change it   Esc: "
	    "back, nothing changed" : "Enter: log it   Esc: back to the "
	    "picker, nothing logged", false);
}

static void
level_word(WINDOW *w, enum level l)
{
	if (l == LEVEL_OK)
		return;
	wattron(w, ui_level_attr(l));
	waddstr(w, l == LEVEL_OVER ? " over " : " near ");
	wattroff(w, ui_level_attr(l));
}

/* One nutrient's day and week against the limits. */
static void
limit_line(WINDOW *w, int y, int cols, const char *name, const char *unit,
    double day, double day_limit, enum level dl, double week,
    double week_limit, enum level wl)
{
	char a[32], b[32], buf[96];
	int bw = cols >= 100 ? 16 : 10, half = cols / 2;

	if (unit[0] == 'g') {
		snprintf(a, sizeof a, "%.1f", day);
		snprintf(b, sizeof b, "%.4g", day_limit);
	} else {
		ui_thousands(a, sizeof a, day);
		ui_thousands(b, sizeof b, day_limit);
	}
	snprintf(buf, sizeof buf, "%-9s day %s/%s %s", name, a, b, unit);
	ui_put(w, y, 1, 30, buf, true);
	ui_bar(w, y, 31, bw, day / day_limit, ui_level_attr(dl));
	level_word(w, dl);
	if (unit[0] == 'g') {
		snprintf(a, sizeof a, "%.1f", week);
		snprintf(b, sizeof b, "%.4g", week_limit);
	} else {
		ui_thousands(a, sizeof a, week);
		ui_thousands(b, sizeof b, week_limit);
	}
	snprintf(buf, sizeof buf, "week %s/%s %s", a, b, unit);
	ui_put(w, y, half + 8, 22, buf, true);
	ui_bar(w, y, half + 30, bw, week / week_limit, ui_level_attr(wl));
	level_word(w, wl);
}

static void
gauge_draw(WINDOW *w, int y0, int cols, const struct tui_state *s,
    const struct tui_env *env)
{
	const struct gauge *g = &env->view->gauge;
	const struct gauge_day *gd = &g->days[s->day - g->week_start];
	static const char *const blocks[] = {
		" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█",
	};
	char a[32], b[32], line[512], t1[16], t2[16];
	int bw = cols - 54, i, x, h;
	double per_day = g->rich_servings_goal / 7;

	snprintf(line, sizeof line, " Week %s to %s ",
	    date_format(g->week_start, t1, sizeof t1),
	    date_format(g->week_end, t2, sizeof t2));
	wattron(w, ui_attr(UI_DIM));
	ui_hline(w, y0, 0, cols);
	wattroff(w, ui_attr(UI_DIM));
	ui_put(w, y0, 2, cols - 4, line, false);
	snprintf(line, sizeof line, "K2-rich servings %5.4g/%-4.4g",
	    g->rich_servings, g->rich_servings_goal);
	wattron(w, A_BOLD);
	ui_put(w, y0 + 1, 1, 29, line, true);
	wattroff(w, A_BOLD);
	ui_bar(w, y0 + 1, 31, bw, g->rich_servings / g->rich_servings_goal,
	    ui_attr(UI_BAR));
	snprintf(line, sizeof line, " %3.0f%%%s", 100 * g->rich_servings /
	    g->rich_servings_goal, g->rich_servings >= g->rich_servings_goal
	    ? " goal met" : "");
	waddstr(w, line);
	snprintf(line, sizeof line, "K2 µg %s/%s", ui_thousands(a, sizeof a,
	    g->k2.sum), ui_thousands(b, sizeof b, g->k2_goal_ug));
	ui_put(w, y0 + 2, 1, 29, line, true);
	ui_bar(w, y0 + 2, 31, bw, g->k2.sum / g->k2_goal_ug, ui_attr(UI_ACCENT));
	snprintf(line, sizeof line, " known for %d of %d", g->k2.known,
	    g->entries);
	waddstr(w, line);
	/* One small bar a day: K2-rich servings against a seventh of the goal. */
	ui_put(w, y0 + 3, 1, 10, "days", false);
	for (i = 0, x = 11; i < 7; i++, x += 9) {
		const struct gauge_day *d = &g->days[i];
		double share = per_day > 0 ? d->rich_servings / per_day : 0;
		h = share <= 0 ? 0 : share >= 1 ? 8 : 1 + (int)(share * 7);
		if (d->day == s->day)
			wattron(w, A_REVERSE | A_BOLD);
		ui_put(w, y0 + 3, x, 3, date_weekday_abbr(date_weekday(d->day)),
		    false);
		if (d->day == s->day)
			wattroff(w, A_REVERSE | A_BOLD);
		wattron(w, ui_attr(UI_BAR));
		mvwaddstr(w, y0 + 3, x + 4, ui_glyph(blocks[h],
		    h == 0 ? " " : h < 4 ? "." : h < 8 ? ":" : "#"));
		wattroff(w, ui_attr(UI_BAR));
		if (d->sat_fat_status != LEVEL_OK ||
		    d->sodium_status != LEVEL_OK) {
			enum level l = d->sat_fat_status > d->sodium_status ?
			    d->sat_fat_status : d->sodium_status;
			wattron(w, ui_level_attr(l));
			waddstr(w, "!");
			wattroff(w, ui_level_attr(l));
		}
	}
	limit_line(w, y0 + 4, cols, "sat fat", "g", gd->sat_fat.sum,
	    env->cf->sat_fat_limit_g, gd->sat_fat_status, g->sat_fat.sum,
	    g->sat_fat_limit_g, g->sat_fat_status);
	limit_line(w, y0 + 5, cols, "sodium", "mg", gd->sodium.sum,
	    env->cf->sodium_limit_mg, gd->sodium_status, g->sodium.sum,
	    g->sodium_limit_mg, g->sodium_status);
	if (g->n_warnings > 0) {
		const struct gauge_warning *wr = &g->warnings[0];
		size_t i2;
		/* The shown day's warning first, if it has one. */
		for (i2 = 0; i2 < g->n_warnings; i2++)
			if (!g->warnings[i2].week &&
			    g->warnings[i2].day == s->day) {
				wr = &g->warnings[i2];
				break;
			}
		snprintf(line, sizeof line, "%s %s%s", wr->level == LEVEL_OVER ?
		    "OVER:" : "near:", wr->message, g->n_warnings > 1 ?
		    "  (w: all)" : "");
		wattron(w, ui_level_attr(wr->level));
		ui_put(w, y0 + 6, 1, cols - 2, line, false);
		wattroff(w, ui_level_attr(wr->level));
	} else if (g->anticoagulant) {
		snprintf(line, sizeof line, "vitamin K today %.0f µg, week's "
		    "daily mean %.0f µg%s", gd->vitk.sum, g->vitk_mean_ug,
		    gd->vitk_swing ? ": today differs by more than half" : "");
		ui_put(w, y0 + 6, 1, cols - 2, line, false);
	}
}

static void
status_draw(WINDOW *w, int y, int cols, const struct tui_state *s)
{
	if (s->screen == TUI_SCREEN_CONFIRM) {
		wattron(w, A_REVERSE | A_BOLD);
		mvwhline(w, y, 0, ' ', cols);
		ui_put(w, y, 1, cols - 2, s->question, false);
		wattroff(w, A_REVERSE | A_BOLD);
		return;
	}
	if (s->status[0] != '\0') {
		attr_t a = s->status_error ? ui_attr(UI_OVER) : A_BOLD;
		wattron(w, a);
		ui_put(w, y, 1, cols - 2, s->status, false);
		wattroff(w, a);
		return;
	}
	wattron(w, ui_attr(UI_DIM));
	ui_put(w, y, 1, cols - 2, s->screen == TUI_SCREEN_PICK ?
	    "type to filter  Up Down move  Enter choose  Esc back" :
	    s->screen == TUI_SCREEN_AMOUNT ?
	    "type an amount  Tab unit  Enter log  Esc back" : hints, false);
	wattroff(w, ui_attr(UI_DIM));
}

/* Draw the day screen (with the picker or prompt when open). */
void
ui_day_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	int rows, cols, mid;

	getmaxyx(w, rows, cols);
	header(w, cols, s, env);
	mid = rows - 2 - GAUGE_ROWS;
	switch (s->screen) {
	case TUI_SCREEN_PICK:
		picker_draw(w, 2, mid - 1, cols, s, env);
		break;
	case TUI_SCREEN_AMOUNT:
		amount_draw(w, 2, cols, s, env);
		break;
	default:
		entries_draw(w, 2, mid - 2, cols, s, env);
		recent_draw(w, mid, cols, env);
		break;
	}
	gauge_draw(w, rows - 1 - GAUGE_ROWS, cols, s, env);
	status_draw(w, rows - 1, cols, s);
}
