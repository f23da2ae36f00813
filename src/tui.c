/* SPDX-License-Identifier: ISC */
/*
 * The full screen's state and its key reducer: pure, no curses. Here the
 * reducer's entry points and the day screen's key table and handlers; the
 * other screens' tables are in src/tui_*.c, listed in tui_keymap.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "layout.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Start on a day. */
void
tui_init(struct tui_state *s, long day)
{
	memset(s, 0, sizeof *s);
	s->screen = TUI_SCREEN_DAY;
	s->day = day;
	s->week_day = day;
}

/* Free what the state owns. */
void
tui_release(struct tui_state *s)
{
	entry_release(&s->stand_entry);
	tui_find_release(&s->find);
}

/* Set the status line. */
void
tui_status(struct tui_state *s, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->status, sizeof s->status, fmt, ap);
	va_end(ap);
	s->status_error = error;
}

/* Show a screen; the week view asks for the last weeks it has not read. */
unsigned
tui_show(struct tui_state *s, const struct tui_env *env, enum tui_screen to,
    struct tui_cmd *cmd)
{
	s->screen = to;
	if (to != TUI_SCREEN_WEEK || env->view->history_ready)
		return TUI_REDRAW;
	memset(cmd, 0, sizeof *cmd);
	cmd->type = TUI_CMD_HISTORY;
	return TUI_REDRAW | TUI_CMD;
}

/* A key no row has: say that it does nothing here. */
unsigned
tui_not_a_key(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	char name[32];

	(void)env;
	(void)cmd;
	tui_key_name(k, name, sizeof name);
	tui_status(s, true, "%s: not a key here, ? lists them", name);
	return TUI_REDRAW;
}

/* ?: help, which gives this screen back. */
unsigned
tui_open_help(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->back = s->screen;
	s->help_top = 0;
	s->screen = TUI_SCREEN_HELP;
	return TUI_REDRAW;
}

/* Leave. */
unsigned
tui_quit(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)s;
	(void)env;
	(void)k;
	(void)cmd;
	return TUI_QUIT;
}

/* a /: the picker. */
static unsigned
day_pick(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	tui_pick_open(s, env);
	return TUI_REDRAW;
}

/* 1 ... 9: ask to log a recent food again, in its last amount. */
static unsigned
day_relog(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	const struct tui_view *v = env->view;
	const struct tui_recent *r = &v->recent[k.ch - '1'];
	struct tui_cmd c;
	char day[16];

	(void)cmd;
	/* Only what the again: line shows at this size (layout.c). */
	if ((size_t)(k.ch - '1') >= layout_recent_shown(v, env->rows,
	    env->cols)) {
		tui_status(s, true, "no food under %c on the again: line",
		    (char)k.ch);
		return TUI_REDRAW;
	}
	if (r->food == NULL) {
		tui_status(s, true, "'%s' is not in the catalogue%s", r->id,
		    env->cat->n == 0 ? " (it is still loading)" : "");
		return TUI_REDRAW;
	}
	memset(&c, 0, sizeof c);
	c.type = TUI_CMD_ADD;
	c.food = r->food;
	c.day = s->day;
	if (amount_parse(r->exact, r->food, &c.amount, NULL) != 0)
		amount_default(r->food, &c.amount);
	snprintf(s->question, sizeof s->question,
	    "log %s %s again on %s %s? y/n", r->amount, r->food->name,
	    date_weekday_abbr(date_weekday(s->day)),
	    date_format(s->day, day, sizeof day));
	tui_confirm_open(s, TUI_CONFIRM_RELOG, &c);
	return TUI_REDRAW;
}

/* An amount of food f as the entry e had it, exactly ("2 slice"). */
static int
entry_amount(const struct entry *e, const struct food *f, struct amount *a)
{
	char text[TUI_LINE_MAX];

	entry_amount_exact(e, text, sizeof text);
	return amount_parse(text, f, a, NULL);
}

/* .: log the last entry again on this day. */
static unsigned
day_repeat(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	const struct tui_view *v = env->view;
	const struct food *f;
	struct amount a;

	(void)k;
	if (!v->has_last) {
		tui_status(s, true, "nothing logged yet to repeat");
		return TUI_REDRAW;
	}
	f = catalogue_find(env->cat, v->last_entry.food_id);
	if (f == NULL || entry_amount(&v->last_entry, f, &a) != 0) {
		tui_status(s, true, "'%s' is no longer in the catalogue",
		    v->last_entry.food_name);
		return TUI_REDRAW;
	}
	cmd->type = TUI_CMD_ADD;
	cmd->food = f;
	cmd->amount = a;
	cmd->day = s->day;
	return TUI_REDRAW | TUI_CMD;
}

/* n: the form of a new food. */
static unsigned
day_new_food(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (!env->view->own_foods) {
		tui_status(s, true, "--foods FILE is in use alone: no own foods");
		return TUI_REDRAW;
	}
	tui_form_open(s, FOODFORM_FOOD, NULL, NULL, TUI_SCREEN_DAY);
	return TUI_REDRAW;
}

/* Q: the form of a one-off entry. */
static unsigned
day_quick(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	tui_form_open(s, FOODFORM_QUICK, NULL, NULL, TUI_SCREEN_DAY);
	return TUI_REDRAW;
}

/* Y: ask to copy the day before's entries into this day. */
static unsigned
day_copy(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	size_t n = env->view->prev_day_entries;
	struct tui_cmd c;
	char day[16];

	(void)k;
	(void)cmd;
	if (n == 0) {
		tui_status(s, true, "the day before has no entries to copy");
		return TUI_REDRAW;
	}
	memset(&c, 0, sizeof c);
	c.type = TUI_CMD_COPY_DAY;
	c.day = s->day;
	c.from_day = s->day - 1;
	snprintf(s->question, sizeof s->question,
	    "copy the %zu %s of %s %s into this day? y/n", n, n == 1 ?
	    "entry" : "entries", date_weekday_abbr(date_weekday(s->day - 1)),
	    date_format(s->day - 1, day, sizeof day));
	tui_confirm_open(s, TUI_CONFIRM_COPY, &c);
	return TUI_REDRAW;
}

/* k Up: the entry above. */
static unsigned
day_up(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	if (s->sel > 0)
		s->sel--;
	return TUI_REDRAW;
}

/* j Down: the entry below. */
static unsigned
day_down(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	(void)cmd;
	if (s->sel + 1 < env->view->entries.n)
		s->sel++;
	return TUI_REDRAW;
}

/* g Home: the first entry. */
static unsigned
day_first(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->sel = 0;
	return TUI_REDRAW;
}

/* G End: the last entry. */
static unsigned
day_last(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	size_t n = env->view->entries.n;

	(void)k;
	(void)cmd;
	s->sel = n > 0 ? n - 1 : 0;
	return TUI_REDRAW;
}

static const struct entry *
selected(const struct tui_state *s, const struct tui_env *env)
{
	const struct entry_list *l = &env->view->entries;

	return s->sel < l->n ? &l->v[s->sel] : NULL;
}

/* e Enter: the amount prompt for the selected entry. */
static unsigned
day_edit(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	const struct entry *e;
	char text[TUI_LINE_MAX], exact[TUI_LINE_MAX];

	(void)k;
	(void)cmd;
	if ((e = selected(s, env)) == NULL) {
		tui_status(s, true, "no entry to change: press a to log "
		    "a food");
		return TUI_REDRAW;
	}
	/* The entry's own units, from a copy the view cannot free. */
	entry_release(&s->stand_entry);
	entry_copy(&s->stand_entry, e);
	entry_edit_food(&s->stand_entry, catalogue_find(env->cat, e->food_id),
	    &s->stand_in, s->stand_sv);
	entry_amount_text(e, text, sizeof text);
	entry_amount_exact(e, exact, sizeof exact);
	tui_amount_open(s, env, &s->stand_in, text, exact, e->id);
	return TUI_REDRAW;
}

/* d Delete: remove the selected entry (u takes it back). */
static unsigned
day_remove(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	const struct entry *e;

	(void)k;
	if ((e = selected(s, env)) == NULL) {
		tui_status(s, true, "no entry to remove");
		return TUI_REDRAW;
	}
	cmd->type = TUI_CMD_REMOVE;
	cmd->id = e->id;
	return TUI_REDRAW | TUI_CMD;
}

/* u: take back the last change, which app.c keeps. */
static unsigned
day_undo(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	if (env->view->undo_depth == 0) {
		tui_status(s, true, "nothing to undo");
		return TUI_REDRAW;
	}
	cmd->type = TUI_CMD_UNDO;
	return TUI_REDRAW | TUI_CMD;
}

/* Show another day: read the view again. */
static unsigned
day_load(struct tui_state *s, long day, struct tui_cmd *cmd)
{
	s->day = day;
	s->sel = s->top = 0;
	cmd->type = TUI_CMD_LOAD;
	return TUI_REDRAW | TUI_CMD;
}

/* [ h Left: the day before. */
static unsigned
day_prev(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	return day_load(s, s->day - 1, cmd);
}

/* ] l Right: the day after, up to today. */
static unsigned
day_next(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	if (s->day >= env->view->today) {
		tui_status(s, false, "today is the last day");
		return TUI_REDRAW;
	}
	return day_load(s, s->day + 1, cmd);
}

/* t: today. */
static unsigned
day_today(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	return day_load(s, env->view->today, cmd);
}

/* w: the week view. */
static unsigned
day_week(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	return tui_show(s, env, TUI_SCREEN_WEEK, cmd);
}

/* Ctrl-L: draw the screen again, doing nothing else. */
static unsigned
day_redraw(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)s;
	(void)env;
	(void)k;
	(void)cmd;
	return TUI_REDRAW;
}

/*
 * The day screen's keys. Each row: the keys as help shows them, the help,
 * the hint and its rank, the handler and the keys that trigger it.
 */
static const struct tui_binding bindings[] = {
	{ "a  /", "log a food: type to find it, Enter, Enter", "a add", 2,
	    day_pick, { TUI_CH('a'), TUI_CH('/') } },
	{ "1 ... 9", "log again one of the nine most recent foods",
	    "1-9 again", 8, day_relog, { { TK_CHAR, '1', '9' } } },
	{ ".", "log the last entry again", NULL, 0, day_repeat,
	    { TUI_CH('.') } },
	{ "Y", "copy the previous day's entries into this day", NULL, 0,
	    day_copy, { TUI_CH('Y') } },
	{ "n", "a new food of your own (my-foods.yaml), then log it", NULL, 0,
	    day_new_food, { TUI_CH('n') } },
	{ "Q", "log a one-off entry: a name and the figures you have", NULL,
	    0, day_quick, { TUI_CH('Q') } },
	{ "R", "a recipe of your own: its ingredients, then log it", NULL,
	    0, tui_recipe_open, { TUI_CH('R') } },
	{ "f", "the K2 finder: what fits what is left of the limits",
	    "f find", 9, tui_find_open, { TUI_CH('f') } },
	{ "k  Up", "select the entry above", NULL, 0, day_up,
	    { TUI_CH('k'), TUI_KEY(TK_UP) } },
	{ "j  Down", "select the entry below", NULL, 0, day_down,
	    { TUI_CH('j'), TUI_KEY(TK_DOWN) } },
	{ "g  Home", "select the first entry", NULL, 0, day_first,
	    { TUI_CH('g'), TUI_KEY(TK_HOME) } },
	{ "G  End", "select the last entry", NULL, 0, day_last,
	    { TUI_CH('G'), TUI_KEY(TK_END) } },
	{ "e  Enter", "change the amount of the selected entry", "e edit", 5,
	    day_edit, { TUI_CH('e'), TUI_KEY(TK_ENTER) } },
	{ "d  Delete", "remove the selected entry", "d delete", 6,
	    day_remove, { TUI_CH('d'), TUI_KEY(TK_DELETE) } },
	{ "u", "undo the last add, change, removal or copy", "u undo", 4,
	    day_undo, { TUI_CH('u') } },
	{ "[  h  Left", "the day before", "[ ] day", 7, day_prev,
	    { TUI_CH('['), TUI_CH('h'), TUI_KEY(TK_LEFT) } },
	{ "]  l  Right", "the day after", NULL, 0, day_next,
	    { TUI_CH(']'), TUI_CH('l'), TUI_KEY(TK_RIGHT) } },
	{ "t", "today", NULL, 0, day_today, { TUI_CH('t') } },
	{ "w", "the week in detail, with the last 12 weeks", "w week", 3,
	    day_week, { TUI_CH('w') } },
	{ "?", "this help", "? help", 0, tui_open_help, { TUI_CH('?') } },
	{ "Ctrl-L", "redraw the screen", NULL, 0, day_redraw,
	    { TUI_KEY(TK_CTRL_L) } },
	{ "q", "quit (every entry is already saved)", "q quit", 1, tui_quit,
	    { TUI_CH('q') } },
};

const struct tui_keymap tui_day_keymap = {
	"On the day screen:", TUI_SCREEN_DAY, bindings, ARRAY_LEN(bindings),
	tui_not_a_key
};

/*
 * Handle one key: the keys of every screen, then the screen's table; a
 * key no row has goes to the table's unbound handler.
 */
unsigned
tui_handle_key(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	const struct tui_keymap *m;
	const struct tui_binding *b;

	memset(cmd, 0, sizeof *cmd);
	if ((b = tui_keymap_find(&tui_any_keymap, k)) != NULL)
		return b->run(s, env, k, cmd);
	if (k.key == TK_RESIZE)
		return TUI_REDRAW;
	if (k.key == TK_NONE)
		return 0;
	/* A key clears an old message, except while a question is open. */
	if (s->screen != TUI_SCREEN_CONFIRM)
		s->status[0] = '\0';
	if ((m = tui_keymap_of(s->screen)) == NULL)
		return 0;
	if ((b = tui_keymap_find(m, k)) != NULL)
		return b->run(s, env, k, cmd);
	return m->unbound != NULL ? m->unbound(s, env, k, cmd) : 0;
}

/* Say how a command went. */
void
tui_cmd_done(struct tui_state *s, const struct tui_cmd *cmd,
    const struct tui_outcome *o)
{
	if (o->ok) {
		if (o->message != NULL)
			tui_status(s, false, "%s", o->message);
		if (o->select_id != 0)
			s->select_id = o->select_id;
		return;
	}
	tui_status(s, true, "%s", o->message != NULL ? o->message : "failed");
	/* Nothing was logged: give the half-done prompt back. */
	if ((cmd->type == TUI_CMD_ADD || cmd->type == TUI_CMD_EDIT) &&
	    cmd->from_prompt && s->food == cmd->food && s->amount.len > 0)
		s->screen = TUI_SCREEN_AMOUNT;
}

/* Keep the selection and scroll inside the day's entries. */
unsigned
tui_view_changed(struct tui_state *s, const struct tui_env *env,
    struct tui_cmd *cmd)
{
	size_t n = env->view->entries.n, i;

	for (i = 0; s->select_id != 0 && i < n; i++)
		if (env->view->entries.v[i].id == s->select_id) {
			s->sel = i;
			s->select_id = 0;
		}

	if (s->sel >= n)
		s->sel = n > 0 ? n - 1 : 0;
	if (s->top > s->sel)
		s->top = s->sel;
	memset(cmd, 0, sizeof *cmd);
	return tui_show(s, env, s->screen, cmd) & TUI_CMD;
}

/* Follow the clock to a new diary day. */
bool
tui_today_changed(struct tui_state *s, long old_today, long new_today)
{
	if (old_today == new_today)
		return false;
	if (s->day == old_today) {
		s->day = new_today;
		s->week_day = new_today;
		s->sel = s->top = 0;
		return true;
	}
	return false;
}
