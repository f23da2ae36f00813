/* SPDX-License-Identifier: ISC */
/* Unit tests for the full screen's key reducer (src/tui.c), no terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "config.h"
#include "date.h"
#include "entry.h"
#include "food.h"
#include "gauge.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/*
 * Day numbers (days since 1970-01-01), worked out once:
 * 2026-03-09 Mon 20521, 2026-03-10 Tue 20522, 2026-03-11 Wed 20523.
 */
#define TODAY 20523L
#define MONDAY 20521L

/*
 * Per default serving, from the project's foods.yaml (grams x per_100g / 100):
 * natto (serving 85 g, cup 175 g): K2 850 ug, sat fat 1.35235 g, sodium 5.95 mg
 * gouda (slice 28 g): sat fat 4.93192 g (high: >= 4), sodium 229.32 mg
 * sauerkraut (half-cup 71 g, cup 142 g): sat fat 0.02414 g, sodium 469.31 mg
 * pepperoni (oz 28 g): sat fat 4.95824 g (high), sodium 442.96 mg (not high)
 * ham (serving 56 g, slice 28 g): sat fat 1.64416 g, sodium 640.08 mg (high)
 * salami (serving 25 g): sat fat 2.329 g, sodium 435 mg: neither is high
 * (the limits are 20 % of 20 g and of 2300 mg: 4 g and 460 mg).
 *
 * The default day (TODAY) holds natto "1" (id 101), gouda "2 slice" (102)
 * and sauerkraut "1 cup" (103): sat fat 1.35235 + 9.86384 + 0.04828 =
 * 11.26447 g, sodium 5.95 + 458.64 + 938.62 = 1403.21 mg (both "ok").
 */

/*
 * The project's foods.yaml (the cited foods, not the whole built-in
 * catalogue, which also holds SR28): 53 foods. "nat" starts a word of
 * natto and is inside "menatetrenone" (supp_mk4_45mg); "na" also inside
 * "menaquinone" (supp_mk7_100) and "spinach" (raw and boiled).
 */
#define N_FOODS 53
#define N_NAT 2
#define N_NA 5

/* Big: a diag_list holds 50 messages. */
static struct diag_list dl;

struct fx {
	struct catalogue cat;
	struct search_index ix;
	struct config	 cf;
	struct tui_view	 view;
	struct tui_env	 env;
	struct tui_state s;
	struct tui_cmd	 cmd;		/* the last command */
	unsigned	 bits;		/* the last key's result */
	unsigned	 all_bits;	/* every key's result, or'ed */
	int		 n_keys;	/* keys fed by the last keys() */
	int		 n_cmds;	/* commands emitted by them */
};

static const struct food *
food(struct fx *x, const char *id)
{
	const struct food *f = catalogue_find(&x->cat, id);

	if (f == NULL)
		fail_msg("no food '%s' in the built-in catalogue", id);
	return f;
}

/* Append an entry of food id with amount text to the view's day. */
static void
add_entry(struct fx *x, int64_t id, const char *food_id, const char *text)
{
	const struct food *f = food(x, food_id);
	struct amount a;
	struct entry e;
	struct diag ad;

	if (amount_parse(text, f, &a, &ad) != 0)
		fail_msg("amount '%s': %s", text, ad.msg);
	entry_from_food(&e, f, &a, x->view.day, 1773200000 + id);
	e.id = id;
	entry_list_push(&x->view.entries, &e);
}

/*
 * Recompute the view's week from its day's entries (the only entries of the
 * week here), and the gauge from that.
 */
static void
regauge(struct fx *x)
{
	struct entry e;
	size_t i;

	entry_list_release(&x->view.week);
	for (i = 0; i < x->view.entries.n; i++) {
		entry_copy(&e, &x->view.entries.v[i]);
		entry_list_push(&x->view.week, &e);
	}
	gauge_week(&x->cf, date_week_start(x->view.day, x->cf.week_start),
	    x->view.week.v, x->view.week.n, &x->view.gauge);
	/* What to eat next, as app.c computes it with the view. */
	if (x->view.has_sug)
		suggest_release(&x->view.sug);
	suggest_compute(&x->cat, &x->cf, &x->view.gauge, x->view.day,
	    &x->view.sug);
	x->view.has_sug = true;
}

static void
clear_entries(struct fx *x)
{
	entry_list_release(&x->view.entries);
	entry_list_release(&x->view.week);
	regauge(x);
}

static int
setup(void **state)
{
	struct fx *x = xcalloc(1, sizeof *x);
	struct tui_view *v = &x->view;

	catalogue_init(&x->cat);
	diag_list_init(&dl);
	if (catalogue_load_file(&x->cat, K2_SRCDIR "/foods.yaml", &dl) != 0) {
		free(x);
		return -1;
	}
	search_index_init(&x->ix, &x->cat);
	config_defaults(&x->cf);
	v->today = TODAY;
	v->day = TODAY;
	entry_list_init(&v->entries);
	entry_list_init(&v->week);
	add_entry(x, 101, "natto", "1");
	add_entry(x, 102, "gouda", "2 slice");
	add_entry(x, 103, "sauerkraut", "1 cup");
	regauge(x);
	v->prev_day_entries = 0;
	v->recent[0].food = food(x, "gouda");
	snprintf(v->recent[0].amount, sizeof v->recent[0].amount, "2 slice");
	snprintf(v->recent[0].exact, sizeof v->recent[0].exact, "2 slice");
	v->recent[1].food = food(x, "natto");
	snprintf(v->recent[1].amount, sizeof v->recent[1].amount,
	    "1 serving");
	snprintf(v->recent[1].exact, sizeof v->recent[1].exact, "1 serving");
	v->n_recent = 2;
	entry_copy(&v->last_entry, &v->entries.v[2]);
	v->has_last = true;
	v->own_foods = true;
	x->env.cat = &x->cat;
	x->env.index = &x->ix;
	x->env.cf = &x->cf;
	x->env.view = v;
	x->env.rows = 24;
	x->env.cols = 80;
	tui_init(&x->s, TODAY);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	tui_release(&x->s);
	entry_list_release(&x->view.entries);
	entry_list_release(&x->view.week);
	if (x->view.has_sug)
		suggest_release(&x->view.sug);
	if (x->view.has_last)
		entry_release(&x->view.last_entry);
	search_index_release(&x->ix);
	catalogue_release(&x->cat);
	free(x);
	return 0;
}

/* Feed one key; keep the command it emits (the one before is released). */
static unsigned
press(struct fx *x, struct tui_keyev k)
{
	struct tui_cmd c;

	x->bits = tui_handle_key(&x->s, &x->env, k, &c);
	x->all_bits |= x->bits;
	x->n_keys++;
	if (x->bits & TUI_CMD) {
		x->cmd = c;
		x->n_cmds++;
	} else
		assert_int_equal(c.type, TUI_CMD_NONE);
	return x->bits;
}

/* Start counting keys and commands afresh. */
static void
restart(struct fx *x)
{
	memset(&x->cmd, 0, sizeof x->cmd);
	x->n_keys = x->n_cmds = 0;
	x->bits = x->all_bits = 0;
}

/* A special key. */
static unsigned
key(struct fx *x, enum tui_key k)
{
	struct tui_keyev ev = { k, 0 };

	return press(x, ev);
}

/*
 * Feed a key sequence: '\n' Enter, '\t' Tab, '\033' Esc, '\b' Backspace,
 * anything else (UTF-8) a character. Counts afresh; returns the last
 * command (TUI_CMD_NONE when none was emitted).
 */
static const struct tui_cmd *
keys(struct fx *x, const char *seq)
{
	struct tui_keyev ev;
	size_t len = strlen(seq), n;
	uint32_t cp;

	restart(x);
	while (len > 0) {
		ev.ch = 0;
		n = 1;
		switch (*seq) {
		case '\n':
			ev.key = TK_ENTER;
			break;
		case '\t':
			ev.key = TK_TAB;
			break;
		case '\033':
			ev.key = TK_ESC;
			break;
		case '\b':
			ev.key = TK_BACKSPACE;
			break;
		default:
			n = text_decode(seq, len, &cp);
			assert_true(n > 0);
			ev.key = TK_CHAR;
			ev.ch = cp;
			break;
		}
		press(x, ev);
		seq += n;
		len -= n;
	}
	return &x->cmd;
}

/* Open the amount prompt for a food by typing its id in the picker. */
static void
open_food(struct fx *x, const char *id)
{
	char seq[64];

	snprintf(seq, sizeof seq, "a%s\n", id);
	keys(x, seq);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_ptr_equal(x->s.food, food(x, id));
}

/* The foods of the picker's first hits. */
static const char *
hit_id(struct fx *x, size_t i)
{
	assert_true(i < x->s.n_hits);
	return x->cat.foods[x->s.hits[i].food].id;
}

/* The view was read again: the reducer follows; its request, if any. */
static enum tui_cmd_type
changed(struct fx *x)
{
	struct tui_cmd c;

	if (tui_view_changed(&x->s, &x->env, &c) & TUI_CMD)
		return c.type;
	assert_int_equal(c.type, TUI_CMD_NONE);
	return TUI_CMD_NONE;
}

/* Tell the reducer how cmd went, as app.c does. */
static void
done(struct fx *x, const struct tui_cmd *cmd, bool ok, const char *message,
    int64_t select_id)
{
	struct tui_outcome o = { ok, message, select_id };

	tui_cmd_done(&x->s, cmd, &o);
}

/* --- The picker. --- */

static void
test_pick_opens_with_every_food(void **state)
{
	struct fx *x = *state;
	const struct search_usage usage[] = {
		{ "gouda", 3, 1773000000 }, { "ham", 5, 1772000000 }
	};

	keys(x, "a");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);
	assert_string_equal(x->s.query.buf, "");
	assert_int_equal(x->s.total_hits, N_FOODS);
	assert_int_equal(x->s.n_hits, N_FOODS);
	assert_int_equal(x->s.pick, 0);
	/* Usage recorded: an empty query lists the most used first. */
	x->s.screen = TUI_SCREEN_DAY;
	search_index_usage(&x->ix, usage, ARRAY_LEN(usage));
	keys(x, "a");
	assert_int_equal(x->s.total_hits, N_FOODS);
	assert_string_equal(hit_id(x, 0), "ham");
	assert_string_equal(hit_id(x, 1), "gouda");

	/* '/' opens it too, with the old query cleared. */
	keys(x, "xyz\033/");
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);
	assert_string_equal(x->s.query.buf, "");
	assert_int_equal(x->s.total_hits, N_FOODS);
}

static void
test_pick_filters_and_ranks(void **state)
{
	struct fx *x = *state;

	keys(x, "anat");
	assert_int_equal(x->n_cmds, 0);
	assert_string_equal(x->s.query.buf, "nat");
	assert_int_equal(x->s.total_hits, N_NAT);
	assert_int_equal(x->s.n_hits, N_NAT);
	assert_string_equal(hit_id(x, 0), "natto");
	assert_int_equal(x->s.hits[0].tier, SEARCH_WORDS);
	assert_int_equal(x->s.hits[1].tier, SEARCH_INSIDE);

	/* Backspace widens: "na" matches more, "" matches every food. */
	keys(x, "\b");
	assert_string_equal(x->s.query.buf, "na");
	assert_int_equal(x->s.total_hits, N_NA);
	assert_string_equal(hit_id(x, 0), "natto");
	keys(x, "\b\b");
	assert_string_equal(x->s.query.buf, "");
	assert_int_equal(x->s.total_hits, N_FOODS);
	/* Backspace on an empty query stays empty. */
	keys(x, "\b");
	assert_string_equal(x->s.query.buf, "");
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);

	/* Typing moves the selection back to the best hit. */
	key(x, TK_DOWN);
	key(x, TK_DOWN);
	assert_int_equal(x->s.pick, 2);
	keys(x, "sau");
	assert_int_equal(x->s.pick, 0);
	assert_string_equal(hit_id(x, 0), "sauerkraut");

	/* Ctrl-U clears the query, Ctrl-W drops a word. */
	key(x, TK_CTRL_U);
	assert_string_equal(x->s.query.buf, "");
	assert_int_equal(x->s.total_hits, N_FOODS);
	keys(x, "pork chop");
	assert_string_equal(hit_id(x, 0), "pork_chop");
	key(x, TK_CTRL_W);
	assert_string_equal(x->s.query.buf, "pork ");
}

static void
test_pick_no_match(void **state)
{
	struct fx *x = *state;

	keys(x, "azzzq");
	assert_int_equal(x->s.total_hits, 0);
	assert_int_equal(x->s.n_hits, 0);
	/* Enter on "no food matches": the form of a new food, so named. */
	keys(x, "\n");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_FORM);
	assert_string_equal(x->s.form.ff.text[FF_NAME], "zzzq");
	/* Thrown away, it is back to the picker as it was. */
	keys(x, "\033");
	assert_int_equal(x->s.screen, TUI_SCREEN_DISCARD);
	keys(x, "y");
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);
	assert_string_equal(x->s.query.buf, "zzzq");
	assert_string_equal(x->s.status, "nothing saved");
	/* Moving in an empty list keeps the selection at 0. */
	key(x, TK_DOWN);
	key(x, TK_PGDN);
	key(x, TK_UP);
	key(x, TK_PGUP);
	assert_int_equal(x->s.pick, 0);
	/* The next key clears the message; Backspace brings hits back. */
	keys(x, "\b\b");
	assert_string_equal(x->s.status, "");
	assert_string_equal(x->s.query.buf, "zz");
	assert_int_equal(x->s.total_hits, 1);	/* "Mozzarella" */
	assert_string_equal(hit_id(x, 0), "mozzarella");
}

static void
test_pick_moves_within_bounds(void **state)
{
	struct fx *x = *state;
	const struct food *f;
	size_t page = 11;	/* the picker lists 11 foods at 80 x 24 */

	keys(x, "a");
	key(x, TK_UP);
	assert_int_equal(x->s.pick, 0);
	key(x, TK_DOWN);
	assert_int_equal(x->s.pick, 1);
	key(x, TK_PGDN);
	assert_int_equal(x->s.pick, 1 + page);
	key(x, TK_PGUP);
	assert_int_equal(x->s.pick, 1);
	key(x, TK_PGUP);
	assert_int_equal(x->s.pick, 0);
	key(x, TK_PGDN);
	key(x, TK_PGDN);
	key(x, TK_PGDN);
	key(x, TK_PGDN);
	assert_int_equal(x->s.pick, 4 * page);
	key(x, TK_PGDN);
	assert_int_equal(x->s.pick, N_FOODS - 1);
	key(x, TK_DOWN);
	assert_int_equal(x->s.pick, N_FOODS - 1);
	key(x, TK_UP);
	assert_int_equal(x->s.pick, N_FOODS - 2);

	/* Enter takes the selected hit, not the first. */
	f = &x->cat.foods[x->s.hits[N_FOODS - 2].food];
	keys(x, "\n");
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_ptr_equal(x->s.food, f);

	/* The smallest screen, 40 x 12, lists 8 foods: it pages by 8. */
	x->env.rows = 12;
	x->env.cols = 40;
	keys(x, "\033\b\b");
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);
	assert_int_equal(x->s.pick, 0);
	key(x, TK_PGDN);
	assert_int_equal(x->s.pick, 8);
}

static void
test_pick_esc_back_to_day(void **state)
{
	struct fx *x = *state;

	keys(x, "anat\033");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	/* 'q' is a letter of the query in the picker, not quit. */
	keys(x, "aq");
	assert_int_equal(x->all_bits & TUI_QUIT, 0);
	assert_string_equal(x->s.query.buf, "q");
}

/* --- The keystroke budget. --- */

static void
test_budget_add_six_keys(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	c = keys(x, "anat\n\n");
	assert_true(x->n_keys <= 6);
	assert_int_equal(x->n_keys, 6);
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_ptr_equal(c->food, food(x, "natto"));
	assert_true(c->amount.quantity == 1);
	assert_string_equal(c->amount.label, "serving");
	assert_true(c->amount.grams == 85);
	assert_true(c->amount.servings == 1);
	assert_int_equal(c->day, TODAY);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	/* On another day, the add goes to the state's day. */
	keys(x, "[");
	assert_int_equal(x->cmd.type, TUI_CMD_LOAD);
	c = keys(x, "anat\n\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_int_equal(c->day, TODAY - 1);
}

static void
test_budget_relog_two_keys(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	keys(x, "1");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_CONFIRM);
	assert_int_equal(x->s.confirm, TUI_CONFIRM_RELOG);
	assert_string_equal(x->s.question,
	    "log 2 slice Gouda (Dutch) again on Wed 2026-03-11? y/n");
	c = keys(x, "y");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_ptr_equal(c->food, food(x, "gouda"));
	assert_true(c->amount.quantity == 2);
	assert_string_equal(c->amount.label, "slice");
	assert_true(c->amount.grams == 56);
	assert_true(c->amount.servings == 2);
	assert_int_equal(c->day, TODAY);

	/* Counted from the day screen in one go: 2 keys, within 3. */
	c = keys(x, "2y");
	assert_true(x->n_keys <= 3);
	assert_int_equal(x->n_cmds, 1);
	assert_ptr_equal(c->food, food(x, "natto"));
	assert_true(c->amount.quantity == 1);
	assert_string_equal(c->amount.label, "serving");

	/* Enter also confirms. */
	c = keys(x, "1\n");
	assert_int_equal(x->n_cmds, 1);
	assert_ptr_equal(c->food, food(x, "gouda"));
}

static void
test_relog_cancel_and_missing(void **state)
{
	struct fx *x = *state;

	keys(x, "1n");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_string_equal(x->s.status, "nothing changed");
	assert_false(x->s.status_error);

	/* A stray key leaves the question open; Esc says no. */
	keys(x, "1zj");
	assert_int_equal(x->bits, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_CONFIRM);
	keys(x, "\033");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	/* Only two recent foods. */
	keys(x, "3");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_string_equal(x->s.status, "no food under 3 on the again: line");
	assert_true(x->s.status_error);
	x->view.n_recent = 0;
	keys(x, "1");
	assert_string_equal(x->s.status, "no food under 1 on the again: line");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}

static void
test_budget_repeat_one_key(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	c = keys(x, ".");
	assert_int_equal(x->n_keys, 1);
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_ptr_equal(c->food, food(x, "sauerkraut"));
	assert_true(c->amount.quantity == 1);
	assert_string_equal(c->amount.label, "cup");
	assert_true(c->amount.grams == 142);
	assert_true(c->amount.servings == 2);
	assert_int_equal(c->day, TODAY);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	/* Nothing logged yet. */
	entry_release(&x->view.last_entry);
	x->view.has_last = false;
	keys(x, ".");
	assert_int_equal(x->n_cmds, 0);
	assert_string_equal(x->s.status, "nothing logged yet to repeat");
	assert_true(x->s.status_error);
}

static void
test_repeat_food_gone(void **state)
{
	struct fx *x = *state;

	free(x->view.last_entry.food_id);
	x->view.last_entry.food_id = xstrdup("dodo_egg");
	keys(x, ".");
	assert_int_equal(x->n_cmds, 0);
	assert_string_equal(x->s.status,
	    "'Sauerkraut' is no longer in the catalogue");
	assert_true(x->s.status_error);
}

/* --- The amount prompt. --- */

static void
test_amount_prefill_and_typing(void **state)
{
	struct fx *x = *state;

	keys(x, "anat\n");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_ptr_equal(x->s.food, food(x, "natto"));
	assert_int_equal(x->s.edit_id, 0);
	assert_string_equal(x->s.amount.buf, "1 serving");
	assert_int_equal(x->s.amount.len, 9);
	assert_true(x->s.amount_fresh);
	assert_int_equal(x->s.unit, 0);
	assert_false(x->s.preview_bad);
	assert_string_equal(x->s.preview,
	    "adds K2 850.0 µg, sat fat 1.4 g, sodium 6 mg");
	assert_string_equal(x->s.preview_warn, "");

	/* Typing replaces the prefill. */
	keys(x, "2");
	assert_string_equal(x->s.amount.buf, "2");
	assert_false(x->s.amount_fresh);
	assert_string_equal(x->s.preview,
	    "adds K2 1,700.0 µg, sat fat 2.7 g, sodium 12 mg");
	keys(x, " cup");
	assert_string_equal(x->s.amount.buf, "2 cup");
	assert_false(x->s.preview_bad);
	/* 350 g: sat fat 11.26447 + 5.5685 = 16.8 g of 20, 84 %: near. */
	assert_string_equal(x->s.preview_warn,
	    "day's sat fat goes near (16.8 of 20 g)");

	/* Backspace, Ctrl-W and Ctrl-U edit the line. */
	keys(x, "\b");
	assert_string_equal(x->s.amount.buf, "2 cu");
	assert_true(x->s.preview_bad);
	key(x, TK_CTRL_W);
	assert_string_equal(x->s.amount.buf, "2 ");
	key(x, TK_CTRL_U);
	assert_string_equal(x->s.amount.buf, "");
	assert_int_equal(x->s.amount.len, 0);
	/* An empty amount is one default serving. */
	assert_false(x->s.preview_bad);
	assert_string_equal(x->s.preview,
	    "adds K2 850.0 µg, sat fat 1.4 g, sodium 6 mg");

	/* A vulgar fraction is typed as one character, deleted as one. */
	keys(x, "½");
	assert_string_equal(x->s.amount.buf, "½");
	assert_int_equal(x->s.amount.len, 2);
	assert_string_equal(x->s.preview,
	    "adds K2 425.0 µg, sat fat 0.7 g, sodium 3 mg");
	keys(x, "\b");
	assert_string_equal(x->s.amount.buf, "");

	/* Enter logs the typed amount. */
	keys(x, "1 1/2\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(x->cmd.type, TUI_CMD_ADD);
	assert_true(x->cmd.amount.quantity == 1.5);
	assert_string_equal(x->cmd.amount.label, "serving");
	assert_true(x->cmd.amount.grams == 127.5);
}

static void
test_amount_tab_cycles_units(void **state)
{
	struct fx *x = *state;

	/* natto: serving (85 g), cup (175 g), then g. */
	open_food(x, "natto");
	keys(x, "\t");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->s.unit, 1);
	assert_string_equal(x->s.amount.buf, "0.49 cup");	/* 85 / 175 */
	assert_false(x->s.amount_fresh);
	keys(x, "\t");
	assert_int_equal(x->s.unit, 2);
	assert_string_equal(x->s.amount.buf, "85 g");	/* exact, no drift */
	keys(x, "\t");
	assert_int_equal(x->s.unit, 0);
	/* Tab keeps the amount exact: back to where it started. */
	assert_string_equal(x->s.amount.buf, "1 serving");

	/* Shift-Tab goes the other way, from the prefill. */
	keys(x, "\033\n");
	assert_string_equal(x->s.amount.buf, "1 serving");
	key(x, TK_BTAB);
	assert_int_equal(x->s.unit, 2);
	assert_string_equal(x->s.amount.buf, "85 g");
	key(x, TK_BTAB);
	assert_int_equal(x->s.unit, 1);
	assert_string_equal(x->s.amount.buf, "0.49 cup");
	key(x, TK_BTAB);
	assert_int_equal(x->s.unit, 0);
	assert_string_equal(x->s.amount.buf, "1 serving");

	/* After Tab the line is not fresh: clear it; 2 servings, 170 g. */
	key(x, TK_CTRL_U);
	keys(x, "2\t");
	assert_string_equal(x->s.amount.buf, "0.97 cup");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "170 g");

	/* An amount that does not parse: one of the unit, or its grams. */
	keys(x, "x");
	assert_true(x->s.preview_bad);
	keys(x, "\t");
	assert_int_equal(x->s.unit, 0);
	assert_string_equal(x->s.amount.buf, "1 serving");
	keys(x, "x");
	key(x, TK_BTAB);
	assert_string_equal(x->s.amount.buf, "85 g");

	/* A food with one serving: that serving, then g. */
	keys(x, "\033\033");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	open_food(x, "pepperoni");
	assert_string_equal(x->s.amount.buf, "1 serving");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "28 g");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "1 serving");
}

static void
test_amount_tab_follows_typed_unit(void **state)
{
	struct fx *x = *state;

	/*
	 * The unit after Tab is the one after the unit in the text: typed
	 * "2 cup" (350 g) is followed by g, not by cup again.
	 */
	open_food(x, "natto");
	keys(x, "2 cup\t");
	assert_string_equal(x->s.amount.buf, "350 g");
	keys(x, "\t");
	/* 350 / 85 */
	assert_string_equal(x->s.amount.buf, "4.12 serving");
}

static void
test_amount_tab_from_half_cup(void **state)
{
	struct fx *x = *state;

	/*
	 * sauerkraut: half-cup (71 g), cup (142 g), g. The prefill
	 * "1 half-cup" is in half-cups, so Tab gives cups.
	 */
	open_food(x, "sauerkraut");
	assert_string_equal(x->s.amount.buf, "1 half-cup");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "0.5 cup");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "71 g");
	assert_int_equal(x->s.unit, 2);
}

static void
test_amount_tab_from_grams_entry(void **state)
{
	struct fx *x = *state;

	/* An entry logged in grams is prefilled in grams; Tab: servings. */
	clear_entries(x);
	add_entry(x, 301, "natto", "30g");
	regauge(x);
	keys(x, "e");
	assert_string_equal(x->s.amount.buf, "30 g");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "0.35 serving");	/* 30/85 */
	assert_int_equal(x->s.unit, 0);
}

static void
test_amount_invalid_keeps_prompt(void **state)
{
	struct fx *x = *state;

	open_food(x, "natto");
	keys(x, "x");
	assert_true(x->s.preview_bad);
	assert_string_equal(x->s.preview,
	    "'x' is not an amount: try 1, 1/2, 2 serving or 30g");
	assert_string_equal(x->s.preview_warn, "");
	keys(x, "\n");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_string_equal(x->s.status,
	    "'x' is not an amount: try 1, 1/2, 2 serving or 30g");
	assert_true(x->s.status_error);
	assert_string_equal(x->s.amount.buf, "x");

	key(x, TK_CTRL_U);
	keys(x, "2 bowls");
	assert_true(x->s.preview_bad);
	assert_string_equal(x->s.preview, "unknown unit 'bowls' for Natto "
	    "(fermented soybeans): use serving, cup, g, oz or lb");
	keys(x, "\n");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_string_equal(x->s.status, "unknown unit 'bowls' for Natto "
	    "(fermented soybeans): use serving, cup, g, oz or lb");

	key(x, TK_CTRL_U);
	keys(x, "0");
	assert_string_equal(x->s.preview, "amount must be more than zero");
	keys(x, "\n");
	assert_int_equal(x->n_cmds, 0);

	/* Fixed, it logs. */
	key(x, TK_CTRL_U);
	keys(x, "2 cups\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(x->cmd.type, TUI_CMD_ADD);
	assert_true(x->cmd.amount.grams == 350);
	assert_string_equal(x->cmd.amount.label, "cup");
}

static void
test_amount_q_is_typed(void **state)
{
	struct fx *x = *state;

	open_food(x, "natto");
	keys(x, "q");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_string_equal(x->s.amount.buf, "q");
	assert_true(x->s.preview_bad);
	/* Other day keys are text here too. */
	keys(x, "u[?");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_string_equal(x->s.amount.buf, "qu[?");
}

static void
test_amount_esc(void **state)
{
	struct fx *x = *state;

	/* An add: back to the picker, query and hits kept. */
	keys(x, "anat\n3\033");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);
	assert_string_equal(x->s.query.buf, "nat");
	assert_int_equal(x->s.total_hits, N_NAT);
	/* Enter again starts from the prefill. */
	keys(x, "\n");
	assert_string_equal(x->s.amount.buf, "1 serving");
	keys(x, "\033\033");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_int_equal(x->n_cmds, 0);

	/* An edit: back to the day. */
	keys(x, "e2");
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_int_equal(x->s.edit_id, 101);
	keys(x, "\033");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_int_equal(x->n_cmds, 0);
}

static void
test_amount_edit_prefill(void **state)
{
	struct fx *x = *state;

	/* The prompt shows the entry's own amount, ready to be replaced. */
	keys(x, "j\n");
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_int_equal(x->s.edit_id, 102);
	/* In the entry's own units: a food made from its snapshot. */
	assert_string_equal(x->s.food->id, "gouda");
	assert_string_equal(x->s.food->name, "Gouda (Dutch)");
	assert_true(x->s.amount_fresh);
	assert_string_equal(x->s.amount.buf, "2 slice");
	assert_int_equal(x->s.amount.len, 7);
	/* 2 slices (56 g) of gouda: K2 26.32 ug, 9.86384 g, 458.64 mg. */
	assert_string_equal(x->s.preview,
	    "adds K2 26.3 µg, sat fat 9.9 g, sodium 459 mg");
	assert_string_equal(x->s.preview_warn, "high in saturated fat");

	/* An entry whose food left the catalogue: its own units. */
	keys(x, "\033");
	free(x->view.entries.v[2].food_id);
	x->view.entries.v[2].food_id = xstrdup("old_kraut");
	keys(x, "G\n");
	assert_int_equal(x->s.edit_id, 103);
	assert_string_equal(x->s.food->name, "Sauerkraut");
	assert_string_equal(x->s.amount.buf, "1 cup");
}

static void
test_amount_edit(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	/* Enter on the day is e too. */
	c = keys(x, "j\n3\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_EDIT);
	assert_int_equal(c->id, 102);
	assert_string_equal(c->food->id, "gouda");
	assert_true(c->amount.quantity == 3);
	assert_string_equal(c->amount.label, "slice");
	assert_true(c->amount.servings == 3);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	/*
	 * An entry whose food left the catalogue: a stand-in food with the
	 * entry's units (serving = 142 g / 2, cup = 142 g).
	 */
	free(x->view.entries.v[2].food_id);
	x->view.entries.v[2].food_id = xstrdup("old_kraut");
	c = keys(x, "G\n2 cup\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_EDIT);
	assert_int_equal(c->id, 103);
	assert_true(c->amount.grams == 284);
	assert_true(c->amount.servings == 4);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}

static void
test_amount_high_warnings(void **state)
{
	struct fx *x = *state;

	/* The day holds 11.26447 g of sat fat and 1403.21 mg of sodium. */
	open_food(x, "pepperoni");
	assert_string_equal(x->s.preview,
	    "adds K2 11.7 µg (MK-4 only), sat fat 5.0 g, sodium 443 mg");
	/* 1403.21 + 442.96 = 1846.17 mg, 80.3 %: near too. */
	assert_string_equal(x->s.preview_warn, "high in saturated fat; "
	    "day's sat fat goes near (16.2 of 20 g); "
	    "day's sodium goes near (1,846 of 2,300 mg)");
	keys(x, "\033\033");
	open_food(x, "ham");
	assert_string_equal(x->s.preview,
	    "adds K2 2.6 µg (MK-4 only), sat fat 1.6 g, sodium 640 mg");
	assert_string_equal(x->s.preview_warn, "high in sodium; "
	    "day's sodium goes near (2,043 of 2,300 mg)");

	/* On an empty day, only the food's own flags. */
	keys(x, "\033\033");
	clear_entries(x);
	open_food(x, "ham");
	assert_string_equal(x->s.preview_warn, "high in sodium");
	keys(x, "\033\033");
	open_food(x, "pepperoni");
	assert_string_equal(x->s.preview_warn, "high in saturated fat");
	/* Salami: 435 mg < 460 mg and 2.329 g < 4 g: not high. */
	keys(x, "\033\033");
	open_food(x, "salami");
	assert_string_equal(x->s.preview_warn, "");
	keys(x, "\033\033");
	open_food(x, "natto");
	assert_string_equal(x->s.preview_warn, "");
	/* 4 servings of natto hold 5.4094 g, yet natto is not "high". */
	keys(x, "4");
	assert_string_equal(x->s.preview_warn, "");
}

static void
test_amount_day_sodium_goes_over(void **state)
{
	struct fx *x = *state;

	/* 175 g of ham: 1143 x 1.75 = 2000.25 mg of sodium, sat fat 5.138 g. */
	clear_entries(x);
	add_entry(x, 201, "ham", "175g");
	regauge(x);
	assert_true(x->view.gauge.days[TODAY - MONDAY].sodium.sum == 2000.25);

	open_food(x, "pepperoni");
	assert_string_equal(x->s.preview_warn, "high in saturated fat; "
	    "day's sodium goes over (2,443 of 2,300 mg)");
	/* Natto keeps the day "near": no word about the day. */
	keys(x, "\033\033");
	open_food(x, "natto");
	assert_string_equal(x->s.preview_warn, "");
	/* 1 cup of sauerkraut: 938.62 mg, high itself. */
	keys(x, "\033\033");
	open_food(x, "sauerkraut");
	keys(x, "1 cup");
	assert_string_equal(x->s.preview_warn, "high in sodium; "
	    "day's sodium goes over (2,939 of 2,300 mg)");

	/* The warnings use the day shown: another week has no entries. */
	keys(x, "\033\033");
	x->view.day = TODAY - 14;
	x->s.day = TODAY - 14;
	open_food(x, "pepperoni");
	assert_string_equal(x->s.preview_warn, "high in saturated fat");
}

static void
test_amount_edit_preview_counts_old_amount_once(void **state)
{
	struct fx *x = *state;

	/*
	 * Editing the ham entry (175 g, 2000.25 mg): the day already holds
	 * its old amount, so the same 175 g is 2000 mg (near), not 4000
	 * (over).
	 */
	clear_entries(x);
	add_entry(x, 201, "ham", "175g");
	regauge(x);
	keys(x, "e175g");
	assert_int_equal(x->s.edit_id, 201);
	assert_string_equal(x->s.amount.buf, "175g");
	assert_string_equal(x->s.preview_warn, "high in sodium; "
	    "day's sodium goes near (2,000 of 2,300 mg)");
	key(x, TK_CTRL_U);
	keys(x, "100g");
	assert_string_equal(x->s.preview_warn, "high in sodium");
	/* 4 servings: 2560.32 mg, over; the old 2000.25 mg is not added. */
	key(x, TK_CTRL_U);
	keys(x, "4");
	assert_string_equal(x->s.preview_warn, "high in sodium; "
	    "day's sodium goes over (2,560 of 2,300 mg)");
}

/* --- Undo and the outcome of commands. --- */

/*
 * The records and their words are app.c's (test_undo.c): the reducer only
 * asks for an undo, when the view says there is one to take back.
 */
static void
test_undo_asks(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	x->view.undo_depth = 1;
	c = keys(x, "u");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(c->type, TUI_CMD_UNDO);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	done(x, c, true, "undid the logging of Natto (fermented soybeans)", 0);
	assert_string_equal(x->s.status,
	    "undid the logging of Natto (fermented soybeans)");
	assert_false(x->s.status_error);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}

static void
test_undo_empty(void **state)
{
	struct fx *x = *state;

	keys(x, "u");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->cmd.type, TUI_CMD_NONE);
	assert_string_equal(x->s.status, "nothing to undo");
	assert_true(x->s.status_error);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}

static void
test_done_says_what_was_done(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	c = keys(x, "anat\n\n");
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_true(c->from_prompt);
	done(x, c, true, "logged 1 serving Natto (fermented soybeans)", 7);
	assert_string_equal(x->s.status,
	    "logged 1 serving Natto (fermented soybeans)");
	assert_false(x->s.status_error);
	assert_int_equal(x->s.select_id, 7);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	c = keys(x, "jd");
	assert_int_equal(c->type, TUI_CMD_REMOVE);
	assert_int_equal(c->id, 102);
	assert_false(c->from_prompt);
	done(x, c, true, "removed Gouda (Dutch) (u undoes it)", 0);
	assert_string_equal(x->s.status, "removed Gouda (Dutch) (u undoes it)");
	/* No entry to select: the last one asked for still is. */
	assert_int_equal(x->s.select_id, 7);

	/* Delete is d too. */
	keys(x, "G");
	key(x, TK_DELETE);
	assert_int_equal(x->cmd.type, TUI_CMD_REMOVE);
	assert_int_equal(x->cmd.id, 103);
}

static void
test_failed_add_back_to_prompt(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;
	struct tui_cmd add;

	c = keys(x, "anat\n2 cup\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	add = *c;
	done(x, &add, false, "diary.db: cannot add entry: database is locked",
	    0);
	assert_string_equal(x->s.status,
	    "diary.db: cannot add entry: database is locked");
	assert_true(x->s.status_error);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	assert_string_equal(x->s.amount.buf, "2 cup");
	/* Enter tries again. */
	c = keys(x, "\n");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_true(c->amount.grams == 350);

	/* No message: a generic one. */
	add = *c;
	done(x, &add, false, NULL, 0);
	assert_string_equal(x->s.status, "failed");
	assert_true(x->s.status_error);
}

static void
test_failed_command_stays_on_day(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;
	struct tui_cmd cmd;

	c = keys(x, "jd");
	cmd = *c;
	done(x, &cmd, false, "diary.db: no entry 102", 0);
	assert_string_equal(x->s.status, "diary.db: no entry 102");
	assert_true(x->s.status_error);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	x->view.prev_day_entries = 2;
	c = keys(x, "Yy");
	cmd = *c;
	done(x, &cmd, false, "disk full", 0);
	assert_string_equal(x->s.status, "disk full");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	x->view.undo_depth = 1;
	c = keys(x, "u");
	cmd = *c;
	done(x, &cmd, false, "busy", 0);
	assert_string_equal(x->s.status, "busy");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}

static void
test_failed_repeat_stays_on_day(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;
	struct tui_cmd cmd;

	/*
	 * A change made in the prompt succeeds; then '.' logs the same
	 * food (sauerkraut, the last entry) and fails. The add did not come
	 * from the prompt, so the prompt must not come back (here it would
	 * come back as the old edit of entry 103).
	 */
	c = keys(x, "Ge2\n");
	assert_int_equal(c->type, TUI_CMD_EDIT);
	cmd = *c;
	done(x, &cmd, true, "changed Sauerkraut (u undoes it)", 0);
	c = keys(x, ".");
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_ptr_equal(c->food, food(x, "sauerkraut"));
	assert_false(c->from_prompt);
	cmd = *c;
	done(x, &cmd, false, "busy", 0);
	assert_string_equal(x->s.status, "busy");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}

/* --- The day: navigation, selection, remove, copy. --- */

static void
test_day_back(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	keys(x, "j");
	assert_int_equal(x->s.sel, 1);
	c = keys(x, "[");
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 1);
	assert_int_equal(x->s.sel, 0);
	c = keys(x, "h");
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 2);
	key(x, TK_LEFT);
	assert_int_equal(x->cmd.type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 3);
}

static void
test_day_forward_not_past_today(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	keys(x, "]");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.day, TODAY);
	assert_string_equal(x->s.status, "today is the last day");
	assert_false(x->s.status_error);
	keys(x, "l");
	assert_int_equal(x->n_cmds, 0);
	key(x, TK_RIGHT);
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->s.day, TODAY);

	keys(x, "[[[");
	assert_int_equal(x->s.day, TODAY - 3);
	c = keys(x, "]");
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 2);
	c = keys(x, "l");
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 1);
	key(x, TK_RIGHT);
	assert_int_equal(x->cmd.type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY);
	key(x, TK_RIGHT);
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->s.day, TODAY);

	/* t comes back to today from anywhere. */
	keys(x, "[[[[[");
	assert_int_equal(x->s.day, TODAY - 5);
	c = keys(x, "t");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY);
}

static void
test_day_selection_bounds(void **state)
{
	struct fx *x = *state;

	keys(x, "k");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->s.sel, 0);
	key(x, TK_UP);
	assert_int_equal(x->s.sel, 0);
	keys(x, "jjj");
	assert_int_equal(x->s.sel, 2);
	assert_int_equal(x->n_cmds, 0);
	key(x, TK_DOWN);
	assert_int_equal(x->s.sel, 2);
	keys(x, "g");
	assert_int_equal(x->s.sel, 0);
	keys(x, "G");
	assert_int_equal(x->s.sel, 2);
	key(x, TK_UP);
	assert_int_equal(x->s.sel, 1);
	key(x, TK_HOME);
	assert_int_equal(x->s.sel, 0);
	key(x, TK_END);
	assert_int_equal(x->s.sel, 2);

	/* Fewer entries after a reload: the selection follows. */
	entry_release(&x->view.entries.v[2]);
	x->view.entries.n = 2;
	changed(x);
	assert_int_equal(x->s.sel, 1);

	/* No entries: every move stays at 0. */
	clear_entries(x);
	changed(x);
	assert_int_equal(x->s.sel, 0);
	keys(x, "jGk");
	assert_int_equal(x->s.sel, 0);
	key(x, TK_END);
	assert_int_equal(x->s.sel, 0);
}

static void
test_day_no_entries(void **state)
{
	struct fx *x = *state;

	clear_entries(x);
	keys(x, "e");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_string_equal(x->s.status,
	    "no entry to change: press a to log a food");
	assert_true(x->s.status_error);
	keys(x, "\n");
	assert_string_equal(x->s.status,
	    "no entry to change: press a to log a food");
	keys(x, "d");
	assert_int_equal(x->n_cmds, 0);
	assert_string_equal(x->s.status, "no entry to remove");
	assert_true(x->s.status_error);
	/* A harmless key clears the message. */
	keys(x, "k");
	assert_string_equal(x->s.status, "");
}

static void
test_day_copy(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	keys(x, "Y");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_string_equal(x->s.status,
	    "the day before has no entries to copy");
	assert_true(x->s.status_error);

	x->view.prev_day_entries = 3;
	keys(x, "Y");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_CONFIRM);
	assert_int_equal(x->s.confirm, TUI_CONFIRM_COPY);
	assert_string_equal(x->s.question,
	    "copy the 3 entries of Tue 2026-03-10 into this day? y/n");
	c = keys(x, "y");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_COPY_DAY);
	assert_int_equal(c->day, TODAY);
	assert_int_equal(c->from_day, TODAY - 1);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	keys(x, "Yn");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_string_equal(x->s.status, "nothing changed");

	/* One entry, on another day. */
	x->view.prev_day_entries = 1;
	keys(x, "[[");
	c = keys(x, "Y");
	assert_string_equal(x->s.question,
	    "copy the 1 entry of Sun 2026-03-08 into this day? y/n");
	c = keys(x, "Y");
	assert_int_equal(x->n_cmds, 1);
	assert_int_equal(c->type, TUI_CMD_COPY_DAY);
	assert_int_equal(c->day, TODAY - 2);
	assert_int_equal(c->from_day, TODAY - 3);
}

/* --- Help, quit, resize, week. --- */

static void
test_help_opens_and_closes(void **state)
{
	struct fx *x = *state;

	keys(x, "?");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->s.screen, TUI_SCREEN_HELP);
	assert_int_equal(x->s.back, TUI_SCREEN_DAY);
	assert_int_equal(x->s.help_top, 0);
	/* j and k scroll; any other key closes, doing nothing else. */
	keys(x, "jj");
	assert_int_equal(x->s.help_top, 2);
	assert_int_equal(x->s.screen, TUI_SCREEN_HELP);
	key(x, TK_UP);
	assert_int_equal(x->s.help_top, 1);
	keys(x, "kk");
	assert_int_equal(x->s.help_top, 0);
	keys(x, "d");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	keys(x, "?");
	key(x, TK_ESC);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	keys(x, "?q");
	assert_int_equal(x->all_bits & TUI_QUIT, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);

	/* From the week view, back to the week view. */
	keys(x, "w?");
	assert_int_equal(x->s.screen, TUI_SCREEN_HELP);
	assert_int_equal(x->s.back, TUI_SCREEN_WEEK);
	keys(x, "x");
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
}

/*
 * Fresh screens of each key table, to press one key on: the day screen on
 * TODAY - 1 with the second of three entries selected, a change to take
 * back, a day before to copy and nine recent foods; the picker on "na"
 * (N_NA foods) at the second; the prompt for natto; the question to log
 * gouda again; the week view of TODAY - 1; help over the day screen, one
 * line down.
 */
static void
fresh_day(struct fx *x)
{
	tui_release(&x->s);
	tui_init(&x->s, TODAY - 1);
	x->s.sel = 1;
	x->view.undo_depth = 1;
	x->view.history_ready = false;
	restart(x);
}

static void
fresh_pick(struct fx *x)
{
	fresh_day(x);
	keys(x, "ana");
	assert_int_equal(x->s.n_hits, N_NA);
	x->s.pick = 1;
	restart(x);
}

static void
fresh_amount(struct fx *x)
{
	fresh_day(x);
	open_food(x, "natto");
	assert_string_equal(x->s.amount.buf, "1 serving");
	restart(x);
}

static void
fresh_confirm(struct fx *x)
{
	fresh_day(x);
	keys(x, "1");
	assert_int_equal(x->s.screen, TUI_SCREEN_CONFIRM);
	restart(x);
}

static void
fresh_week(struct fx *x)
{
	fresh_day(x);
	x->view.history_ready = true;
	keys(x, "w");
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
	restart(x);
}

static void
fresh_help(struct fx *x)
{
	fresh_day(x);
	keys(x, "?j");
	assert_int_equal(x->s.help_top, 1);
	restart(x);
}

/*
 * The new-food form with a name and a serving typed, at "figures per"; the
 * question to throw it away; the finder at its second row.
 */
static void
fresh_form(struct fx *x)
{
	fresh_day(x);
	keys(x, "nZzqx bar\tbar 40 g\t\t");
	assert_int_equal(x->s.screen, TUI_SCREEN_FORM);
	assert_int_equal(x->s.form.field, FF_PER);
	restart(x);
}

static void
fresh_discard(struct fx *x)
{
	fresh_form(x);
	keys(x, "\033");
	assert_int_equal(x->s.screen, TUI_SCREEN_DISCARD);
	restart(x);
}

/* A recipe named "Brunch" with two ingredients, the second selected. */
static void
fresh_recipe(struct fx *x)
{
	fresh_day(x);
	keys(x, "RBrunch");
	assert_int_equal(x->s.screen, TUI_SCREEN_RECIPE);
	key(x, TK_CTRL_N);
	keys(x, "natto\n\n");
	key(x, TK_CTRL_N);
	keys(x, "gouda\n2 slice\n");
	assert_int_equal(x->s.screen, TUI_SCREEN_RECIPE);
	assert_int_equal(x->s.recipe.n, 2);
	assert_int_equal(x->s.recipe.sel, 1);
	restart(x);
}

static void
fresh_find(struct fx *x)
{
	fresh_day(x);
	keys(x, "f");
	assert_int_equal(x->s.screen, TUI_SCREEN_FIND);
	assert_true(tui_find_rows(&x->s, &x->env) >= 3);
	x->s.find.sel = 1;
	restart(x);
}

/* What a key did, against what its row says; fail_msg when it did not. */
#define EXPECT(cond) do { \
	if (!(cond)) \
		fail_msg("%s: not %s", what, #cond); \
} while (0)

static void
did_pick(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_PICK && x->s.query.len == 0);
}

static void
did_relog(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_CONFIRM);
	EXPECT(x->s.pending.type == TUI_CMD_ADD && x->s.pending.food != NULL);
}

static void
did_repeat(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_ADD);
	EXPECT(x->cmd.day == TODAY - 1);
}

static void
did_copy(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_CONFIRM);
	EXPECT(x->s.pending.type == TUI_CMD_COPY_DAY);
	EXPECT(x->s.pending.from_day == TODAY - 2);
}

static void
did_select_above(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.sel == 0 && x->bits == TUI_REDRAW);
}

static void
did_select_below(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.sel == 2 && x->bits == TUI_REDRAW);
}

static void
did_change(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_AMOUNT && x->s.edit_id == 102);
}

static void
did_remove(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_REMOVE);
	EXPECT(x->cmd.id == 102);
}

static void
did_undo(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_UNDO);
}

static void
did_day_before(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->cmd.type == TUI_CMD_LOAD && x->s.day == TODAY - 2);
}

static void
did_today(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->cmd.type == TUI_CMD_LOAD && x->s.day == TODAY);
	EXPECT(x->s.screen == TUI_SCREEN_DAY);
}

static void
did_week(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_WEEK);
	EXPECT(x->cmd.type == TUI_CMD_HISTORY);
}

static void
did_help(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_HELP && x->s.help_top == 0);
}

static void
did_redraw(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->bits == TUI_REDRAW && x->n_cmds == 0);
	EXPECT(x->s.screen == TUI_SCREEN_DAY && x->s.sel == 1);
	EXPECT(x->s.day == TODAY - 1 && x->s.status[0] == '\0');
}

static void
did_quit(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->bits == TUI_QUIT && x->n_cmds == 0);
}

static void
did_filter(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_PICK && x->s.query.len > 2);
	EXPECT(strncmp(x->s.query.buf, "na", 2) == 0);
}

static void
did_filter_less(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_PICK && x->s.query.len < 2);
	EXPECT(x->s.n_hits > N_NA && x->s.pick == 0);
}

static void
did_pick_move(struct fx *x, struct tui_keyev k, const char *what)
{
	EXPECT(x->s.pick == (k.key == TK_UP ? 0u : 2u));
}

static void
did_pick_page(struct fx *x, struct tui_keyev k, const char *what)
{
	EXPECT(x->s.pick == (k.key == TK_PGUP ? 0 : x->s.n_hits - 1));
}

static void
did_choose(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_AMOUNT && x->s.edit_id == 0);
	EXPECT(x->s.food == &x->cat.foods[x->s.hits[1].food]);
}

static void
did_back_to_day(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_DAY && x->n_cmds == 0);
	EXPECT(x->bits == TUI_REDRAW);
}

static void
did_type_amount(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_AMOUNT && !x->s.amount_fresh);
	EXPECT(x->s.amount.len > 0 && x->s.amount.len <= 4);
}

static void
did_edit_amount(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_AMOUNT);
	EXPECT(x->s.amount.len < strlen("1 serving"));
}

static void
did_unit(struct fx *x, struct tui_keyev k, const char *what)
{
	EXPECT(x->s.screen == TUI_SCREEN_AMOUNT);
	EXPECT(x->s.unit == (k.key == TK_TAB ? 1 : x->s.food->n_servings));
}

static void
did_log(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_ADD);
	EXPECT(x->cmd.food == food(x, "natto") && x->cmd.from_prompt);
	EXPECT(x->s.screen == TUI_SCREEN_DAY);
}

static void
did_back_to_picker(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_PICK && x->n_cmds == 0);
}

static void
did_yes(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_ADD);
	EXPECT(x->cmd.food == food(x, "gouda"));
	EXPECT(x->s.screen == TUI_SCREEN_DAY);
}

static void
did_no(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 0 && x->s.screen == TUI_SCREEN_DAY);
	EXPECT(strcmp(x->s.status, "nothing changed") == 0);
}

static void
did_week_before(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->cmd.type == TUI_CMD_LOAD && x->s.day == TODAY - 8);
	EXPECT(x->s.screen == TUI_SCREEN_WEEK);
}

static void
did_week_after(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	/* A week on from TODAY - 1, but no further than today. */
	EXPECT(x->cmd.type == TUI_CMD_LOAD && x->s.day == TODAY);
	EXPECT(x->s.screen == TUI_SCREEN_WEEK);
}

static void
did_week_help(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_HELP);
	EXPECT(x->s.back == TUI_SCREEN_WEEK);
}

static void
did_scroll_down(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_HELP && x->s.help_top == 2);
}

static void
did_scroll_up(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_HELP && x->s.help_top == 0);
}

static void
did_new_food(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->n_cmds == 0);
	EXPECT(x->s.form.ff.kind == FOODFORM_FOOD && x->s.form.field == FF_NAME);
	EXPECT(x->s.form.ff.text[FF_NAME][0] == '\0');
	EXPECT(x->s.form.back == TUI_SCREEN_DAY);
}

static void
did_quick_form(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->n_cmds == 0);
	EXPECT(x->s.form.ff.kind == FOODFORM_QUICK);
}

static void
did_finder(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FIND && x->n_cmds == 0);
	EXPECT(x->s.find.order == TUI_ORDER_BEST && x->s.find.sel == 0);
}

static void
did_new_named(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM);
	EXPECT(strcmp(x->s.form.ff.text[FF_NAME], "na") == 0);
	EXPECT(x->s.form.back == TUI_SCREEN_PICK);
}

static void
did_copy_food(struct fx *x, struct tui_keyev k, const char *what)
{
	const struct food *f = &x->cat.foods[x->s.hits[1].food];
	char want[256];

	(void)k;
	/* A food of another file is copied into a new one of yours. */
	snprintf(want, sizeof want, "My %s", f->name);
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->s.form.ff.id[0] == '\0');
	EXPECT(strcmp(x->s.form.ff.text[FF_NAME], want) == 0);
	EXPECT(x->s.form.ff.text[FF_SERVING][0] != '\0');
}

static void
did_pick_order(struct fx *x, struct tui_keyev k, const char *what)
{
	double a, b;

	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_PICK && x->s.pick_order ==
	    TUI_ORDER_K2 && x->s.n_hits >= 2);
	EXPECT(food_per_serving(&x->cat.foods[x->s.hits[0].food], NUT_K2,
	    &a) && food_per_serving(&x->cat.foods[x->s.hits[1].food], NUT_K2,
	    &b) && a >= b);
}

static void
did_form_type(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->s.form.field == FF_PER);
	EXPECT(strlen(x->s.form.ff.text[FF_PER]) > strlen("serving"));
	EXPECT(strcmp(x->s.form.ff.text[FF_PER], x->s.form.line.buf) == 0);
	/* Checked as typed: "servingx" is no "figures per". */
	EXPECT(k.ch == ' ' || x->s.form.msg[FF_PER][0] != '\0');
}

static void
did_form_edit(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM);
	EXPECT(strlen(x->s.form.ff.text[FF_PER]) < strlen("serving"));
}

static void
did_form_next(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->s.form.field == FF_MK4);
}

static void
did_form_before(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->s.form.field == FF_MORE);
}

static void
did_form_per(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(strcmp(x->s.form.ff.text[FF_PER], "100 g") == 0);
	EXPECT(strcmp(x->s.form.line.buf, "100 g") == 0);
}

static void
did_form_save(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_SAVE_FOOD);
	EXPECT(x->cmd.form == &x->s.form.ff);
	EXPECT(x->s.screen == TUI_SCREEN_FORM);
}

static void
did_form_ask(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_DISCARD && x->n_cmds == 0);
}

static void
did_discard(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_DAY && x->n_cmds == 0);
	EXPECT(strcmp(x->s.status, "nothing saved") == 0);
}

static void
did_keep_form(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FORM && x->n_cmds == 0);
	EXPECT(strcmp(x->s.form.ff.text[FF_SERVING], "bar 40 g") == 0);
}

static void
did_find_move(struct fx *x, struct tui_keyev k, const char *what)
{
	size_t n = tui_find_rows(&x->s, &x->env);
	size_t want = k.key == TK_UP || k.ch == 'k' ? 0 : 2;

	if (k.key == TK_HOME || k.key == TK_PGUP)
		want = 0;
	else if (k.key == TK_END || k.key == TK_PGDN)
		want = n - 1 < 11 ? n - 1 : 11;
	if (k.key == TK_END)
		want = n - 1;
	EXPECT(x->s.screen == TUI_SCREEN_FIND && x->s.find.sel == want);
}

static void
did_find_log(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_AMOUNT && x->s.edit_id == 0);
	EXPECT(x->s.food == &x->cat.foods[x->view.sug.v[1].food]);
}

static void
did_find_order(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_FIND && x->s.find.order ==
	    TUI_ORDER_K2 && x->s.find.n == x->cat.n && x->s.find.sel == 0);
}

static void
did_find_help(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_HELP && x->s.back == TUI_SCREEN_FIND);
}

static void
did_recipe(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_RECIPE && x->s.recipe.active);
	EXPECT(x->s.recipe.n == 0 && strcmp(x->s.recipe.yields.buf, "1") == 0);
}

static void
did_recipe_type(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_RECIPE && x->s.recipe.field == 0);
	EXPECT(x->s.recipe.name.len > strlen("Brunch"));
}

static void
did_recipe_edit(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.recipe.name.len < strlen("Brunch"));
}

static void
did_recipe_field(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_RECIPE && x->s.recipe.field == 1);
}

static void
did_recipe_more(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_PICK && x->s.recipe.active);
}

static void
did_recipe_move(struct fx *x, struct tui_keyev k, const char *what)
{
	EXPECT(x->s.recipe.sel == (k.key == TK_UP ? 0u : 1u));
}

static void
did_recipe_drop(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.recipe.n == 1 && x->s.recipe.sel == 0);
	EXPECT(strcmp(x->s.recipe.ing[0].food, "natto") == 0);
}

static void
did_recipe_save(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->n_cmds == 1 && x->cmd.type == TUI_CMD_SAVE_RECIPE);
	EXPECT(x->cmd.recipe == &x->s.recipe);
	EXPECT(strcmp(x->s.recipe.ing[1].amount, "2 slice") == 0);
}

static void
did_recipe_ask(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_DISCARD);
	EXPECT(x->s.asked_from == TUI_SCREEN_RECIPE);
}

static void
did_close_help(struct fx *x, struct tui_keyev k, const char *what)
{
	(void)k;
	EXPECT(x->s.screen == TUI_SCREEN_DAY && x->n_cmds == 0);
	EXPECT(x->bits == TUI_REDRAW);
}

#undef EXPECT

typedef void (*did_fn)(struct fx *, struct tui_keyev, const char *);

/* Each table's fresh screen, and what each row's keys must do there. */
static const struct {
	const char	*title;
	void		(*fresh)(struct fx *);
} fresh_of[] = {
	{ "On the day screen:", fresh_day },
	{ "In the food picker:", fresh_pick },
	{ "In the amount prompt:", fresh_amount },
	{ "In a food form:", fresh_form },
	{ "In a recipe:", fresh_recipe },
	{ "When a form asks to be thrown away:", fresh_discard },
	{ "In the K2 finder:", fresh_find },
	{ "In a confirmation:", fresh_confirm },
	{ "In the week view:", fresh_week },
	{ "In help:", fresh_help },
	{ "Anywhere:", fresh_day },
};

static const struct {
	const char	*title;
	const char	*keys;
	did_fn		 did;
} rows_do[] = {
	{ "On the day screen:", "a  /", did_pick },
	{ "On the day screen:", "1 ... 9", did_relog },
	{ "On the day screen:", ".", did_repeat },
	{ "On the day screen:", "Y", did_copy },
	{ "On the day screen:", "n", did_new_food },
	{ "On the day screen:", "Q", did_quick_form },
	{ "On the day screen:", "R", did_recipe },
	{ "On the day screen:", "f", did_finder },
	{ "On the day screen:", "k  Up", did_select_above },
	{ "On the day screen:", "j  Down", did_select_below },
	{ "On the day screen:", "g  Home", did_select_above },
	{ "On the day screen:", "G  End", did_select_below },
	{ "On the day screen:", "e  Enter", did_change },
	{ "On the day screen:", "d  Delete", did_remove },
	{ "On the day screen:", "u", did_undo },
	{ "On the day screen:", "[  h  Left", did_day_before },
	{ "On the day screen:", "]  l  Right", did_today },
	{ "On the day screen:", "t", did_today },
	{ "On the day screen:", "w", did_week },
	{ "On the day screen:", "?", did_help },
	{ "On the day screen:", "Ctrl-L", did_redraw },
	{ "On the day screen:", "q", did_quit },
	{ "In the food picker:", "letters", did_filter },
	{ "In the food picker:", "Backspace  Ctrl-U  Ctrl-W", did_filter_less },
	{ "In the food picker:", "Up  Down", did_pick_move },
	{ "In the food picker:", "PgUp  PgDn", did_pick_page },
	{ "In the food picker:", "Enter", did_choose },
	{ "In the food picker:", "Ctrl-N", did_new_named },
	{ "In the food picker:", "Ctrl-E", did_copy_food },
	{ "In the food picker:", "Ctrl-O", did_pick_order },
	{ "In the food picker:", "Esc", did_back_to_day },
	{ "In the amount prompt:", "1  1/2  1 1/2  ½  2 slice  30g",
	    did_type_amount },
	{ "In the amount prompt:", "Backspace  Ctrl-U  Ctrl-W",
	    did_edit_amount },
	{ "In the amount prompt:", "Tab  Shift-Tab", did_unit },
	{ "In the amount prompt:", "Enter", did_log },
	{ "In the amount prompt:", "Esc", did_back_to_picker },
	{ "In a food form:", "letters", did_form_type },
	{ "In a food form:", "Backspace  Ctrl-U  Ctrl-W", did_form_edit },
	{ "In a food form:", "Tab  Down", did_form_next },
	{ "In a food form:", "Shift-Tab  Up", did_form_before },
	{ "In a food form:", "Left  Right", did_form_per },
	{ "In a food form:", "Enter", did_form_save },
	{ "In a food form:", "Esc", did_form_ask },
	{ "In a recipe:", "letters", did_recipe_type },
	{ "In a recipe:", "Backspace  Ctrl-U  Ctrl-W", did_recipe_edit },
	{ "In a recipe:", "Tab  Shift-Tab", did_recipe_field },
	{ "In a recipe:", "Ctrl-N", did_recipe_more },
	{ "In a recipe:", "Up  Down", did_recipe_move },
	{ "In a recipe:", "Delete", did_recipe_drop },
	{ "In a recipe:", "Enter", did_recipe_save },
	{ "In a recipe:", "Esc", did_recipe_ask },
	{ "When a form asks to be thrown away:", "y  Enter", did_discard },
	{ "When a form asks to be thrown away:", "n  Esc", did_keep_form },
	{ "In the K2 finder:", "k  j  Up  Down", did_find_move },
	{ "In the K2 finder:", "PgUp  PgDn  Home  End", did_find_move },
	{ "In the K2 finder:", "Enter", did_find_log },
	{ "In the K2 finder:", "s", did_find_order },
	{ "In the K2 finder:", "?", did_find_help },
	{ "In the K2 finder:", "Esc  f  q", did_back_to_day },
	{ "In a confirmation:", "y  Enter", did_yes },
	{ "In a confirmation:", "n  Esc", did_no },
	{ "In the week view:", "[  h  Left", did_week_before },
	{ "In the week view:", "]  l  Right", did_week_after },
	{ "In the week view:", "?", did_week_help },
	{ "In the week view:", "Esc  w  q", did_back_to_day },
	{ "In help:", "j  Down", did_scroll_down },
	{ "In help:", "k  Up", did_scroll_up },
	{ "In help:", "other keys", did_close_help },
	{ "Anywhere:", "Ctrl-C", did_quit },
};

/* Press k on a fresh screen of m: it must be row b's, and do what b says. */
static void
check_key(struct fx *x, const struct tui_keymap *m,
    const struct tui_binding *b, size_t check, struct tui_keyev k)
{
	char name[32], what[160];
	size_t i;

	for (i = 0; i < ARRAY_LEN(fresh_of); i++)
		if (strcmp(fresh_of[i].title, m->title) == 0)
			break;
	if (i == ARRAY_LEN(fresh_of))
		fail_msg("no fresh screen for the table \"%s\"", m->title);
	tui_key_name(k, name, sizeof name);
	snprintf(what, sizeof what, "%s \"%s\" key %s", m->title, b->keys,
	    name);
	if (tui_keymap_find(m, k) != b)
		fail_msg("%s: another row has it", what);
	fresh_of[i].fresh(x);
	press(x, k);
	rows_do[check].did(x, k, what);
}

/* The keys a TK_ANY row is tried with, when no other row has them. */
static const struct tui_keyev any_keys[] = {
	{ TK_CHAR, 'x' }, { TK_CHAR, 'q' }, { TK_CHAR, 0x10ffff },
	{ TK_ESC, 0 }, { TK_ENTER, 0 }, { TK_LEFT, 0 }, { TK_CTRL_L, 0 },
};

/* Every key of a row: both ends of a range, samples for TK_ANY. */
static void
check_row(struct fx *x, const struct tui_keymap *m,
    const struct tui_binding *b, size_t check)
{
	const struct tui_match *mt;
	struct tui_keyev k;
	size_t j, a;

	for (j = 0; j < TUI_MATCH_MAX && b->match[j].key != TK_NONE; j++) {
		mt = &b->match[j];
		if (mt->key == TK_ANY) {
			for (a = 0; a < ARRAY_LEN(any_keys); a++)
				if (tui_keymap_find(m, any_keys[a]) == b)
					check_key(x, m, b, check, any_keys[a]);
			continue;
		}
		k.key = mt->key;
		k.ch = mt->lo;
		check_key(x, m, b, check, k);
		if (mt->key == TK_CHAR && mt->hi != mt->lo) {
			k.ch = mt->hi;
			check_key(x, m, b, check, k);
		}
	}
}

/* The key a word of a row's keys names ("q", "Enter"); false if none. */
static bool
named_key(const char *word, struct tui_keyev *k)
{
	char name[32];
	uint32_t cp;
	int i;

	if (text_decode(word, strlen(word), &cp) == strlen(word)) {
		k->key = TK_CHAR;
		k->ch = cp;
		return true;
	}
	for (i = TK_ENTER; i <= TK_ANY; i++) {
		k->key = (enum tui_key)i;
		k->ch = 0;
		tui_key_name(*k, name, sizeof name);
		if (strcmp(name, word) == 0)
			return true;
	}
	return false;
}

/* Each key a row's keys name ("y  Enter") is one of the row's. */
static void
check_named(const struct tui_keymap *m, const struct tui_binding *b)
{
	char words[128], *w, *next;
	struct tui_keyev k;

	snprintf(words, sizeof words, "%s", b->keys);
	for (w = words; w != NULL; w = next) {
		if ((next = strstr(w, "  ")) != NULL) {
			*next = '\0';
			next += 2;
		}
		if (named_key(w, &k) && tui_keymap_find(m, k) != b)
			fail_msg("%s \"%s\": %s is not its key", m->title,
			    b->keys, w);
	}
}

/*
 * Every table has a title and rows; every row has keys, help and a
 * handler; the keys it names are its own, and each of its keys does what
 * the row says.
 */
static void
test_bindings_are_dispatch(void **state)
{
	struct fx *x = *state;
	const struct tui_keymap *const *maps, *m;
	const struct tui_binding *b;
	bool seen[ARRAY_LEN(rows_do)] = { false };
	size_t n_maps, i, r, c;

	x->view.prev_day_entries = 1;
	/* Nine recent foods, so that 1 ... 9 all have one. */
	for (i = 2; i < TUI_RECENT; i++)
		x->view.recent[i] = x->view.recent[i % 2];
	x->view.n_recent = TUI_RECENT;
	maps = tui_keymaps(&n_maps);
	assert_int_equal(n_maps, ARRAY_LEN(fresh_of));
	assert_int_equal(maps[0]->n, 22);
	for (i = 0; i < n_maps; i++) {
		m = maps[i];
		assert_non_null(m->title);
		assert_true(m->n > 0);
		assert_ptr_equal(tui_keymap_of(m->screen), m);
		for (r = 0; r < m->n; r++) {
			b = &m->rows[r];
			assert_true(b->keys != NULL && b->keys[0] != '\0');
			assert_true(b->help != NULL && b->help[0] != '\0');
			assert_non_null(b->run);
			assert_true(b->match[0].key != TK_NONE);
			for (c = 0; c < ARRAY_LEN(rows_do); c++)
				if (strcmp(rows_do[c].title, m->title) == 0 &&
				    strcmp(rows_do[c].keys, b->keys) == 0)
					break;
			if (c == ARRAY_LEN(rows_do))
				fail_msg("%s \"%s\": the test does not know "
				    "what it does", m->title, b->keys);
			seen[c] = true;
			check_named(m, b);
			check_row(x, m, b, c);
		}
	}
	for (c = 0; c < ARRAY_LEN(rows_do); c++)
		if (!seen[c])
			fail_msg("%s \"%s\": no such row", rows_do[c].title,
			    rows_do[c].keys);
	/* Every screen has a table. */
	for (i = TUI_SCREEN_DAY; i <= TUI_SCREEN_RECIPE; i++)
		assert_non_null(tui_keymap_of((enum tui_screen)i));
}

/* Keys no row of the day screen or the week view has say so. */
static void
test_other_keys(void **state)
{
	struct fx *x = *state;

	assert_int_equal(keys(x, "zxcvbm0")->type, TUI_CMD_NONE);
	assert_int_equal(x->n_cmds, 0);
	assert_string_equal(x->s.status, "0: not a key here, ? lists them");
	assert_true(x->s.status_error);
	key(x, TK_PGDN);
	assert_string_equal(x->s.status, "PgDn: not a key here, ? lists them");
	key(x, TK_TAB);
	assert_string_equal(x->s.status, "Tab: not a key here, ? lists them");
	assert_int_equal(key(x, TK_NONE), 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_int_equal(x->s.day, TODAY);
	assert_int_equal(x->n_cmds, 0);
	/* Ctrl-L redraws and does nothing else. */
	assert_int_equal(key(x, TK_CTRL_L), TUI_REDRAW);
	/* Keys decoded for screens to come, bound to nothing yet. */
	key(x, TK_CTRL_N);
	assert_string_equal(x->s.status, "Ctrl-N: not a key here, ? lists them");
	key(x, TK_CTRL_E);
	assert_string_equal(x->s.status, "Ctrl-E: not a key here, ? lists them");
	key(x, TK_CTRL_O);
	assert_string_equal(x->s.status, "Ctrl-O: not a key here, ? lists them");
	/* The week view. */
	x->view.history_ready = true;
	keys(x, "wx");
	assert_string_equal(x->s.status, "x: not a key here, ? lists them");
	key(x, TK_CTRL_L);
	assert_string_equal(x->s.status,
	    "Ctrl-L: not a key here, ? lists them");
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
	/* The picker and the prompt take no other key, and say nothing. */
	keys(x, "\033anat");
	assert_int_equal(key(x, TK_HOME), 0);
	assert_int_equal(key(x, TK_TAB), 0);
	assert_string_equal(x->s.status, "");
	assert_int_equal(x->s.screen, TUI_SCREEN_PICK);
	keys(x, "\n");
	assert_int_equal(key(x, TK_HOME), 0);
	assert_int_equal(key(x, TK_CTRL_L), 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_AMOUNT);
	/* A question stays open, and keeps the keys' message. */
	keys(x, "\033\0331");
	assert_int_equal(key(x, TK_TAB), 0);
	assert_int_equal(keys(x, "x")->type, TUI_CMD_NONE);
	assert_int_equal(x->bits, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_CONFIRM);
}

/*
 * The hint lines at every width are the ones the hand-written lists gave
 * (tests/e2e/screen.sh and tui.sh check some of them on the screen).
 */
static void
old_hint_line(const char *const *items, const size_t *rank, size_t n,
    int width, char *line, size_t len)
{
	int widths[16];
	bool keep[16];
	size_t i;

	for (i = 0; i < n; i++)
		widths[i] = (int)text_width(items[i]);
	layout_pick(widths, rank, n, 2, width, keep);
	line[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		if (line[0] != '\0')
			strncat(line, "  ", len - strlen(line) - 1);
		strncat(line, items[i], len - strlen(line) - 1);
	}
}

static void
test_hint_lines_unchanged(void **state)
{
	static const char *const day[] = {
		"a add", "1-9 again", "f find", "e edit", "d delete",
		"u undo", "[ ] day", "w week", "? help", "q quit",
	};
	static const size_t day_rank[] = { 8, 9, 0, 7, 5, 3, 4, 6, 1, 2 };
	static const char *const pick[] = {
		"type to filter", "Up Down move", "Enter choose", "^N new",
		"^O order", "Esc back",
	};
	static const size_t pick_rank[] = { 2, 5, 1, 0, 3, 4 };
	static const char *const amount[] = {
		"type an amount", "Tab unit", "Enter log", "Esc back",
	};
	static const size_t amount_rank[] = { 2, 3, 0, 1 };
	static const char *const week[] = {
		"[ ] other weeks", "? help", "Esc w q back",
	};
	static const size_t week_rank[] = { 2, 0, 1 };
	const struct {
		enum tui_screen screen;
		const char *const *items;
		const size_t *rank;
		size_t n;
	} lines[] = {
		{ TUI_SCREEN_DAY, day, day_rank, ARRAY_LEN(day) },
		{ TUI_SCREEN_PICK, pick, pick_rank, ARRAY_LEN(pick) },
		{ TUI_SCREEN_AMOUNT, amount, amount_rank, ARRAY_LEN(amount) },
		{ TUI_SCREEN_WEEK, week, week_rank, ARRAY_LEN(week) },
	};
	char want[256], got[256];
	size_t i;
	int w;

	(void)state;
	for (i = 0; i < ARRAY_LEN(lines); i++)
		for (w = 0; w <= 120; w++) {
			old_hint_line(lines[i].items, lines[i].rank, lines[i].n,
			    w, want, sizeof want);
			tui_hint_line(tui_keymap_of(lines[i].screen), w, got,
			    sizeof got);
			if (strcmp(want, got) != 0)
				fail_msg("screen %d at %d columns: \"%s\", not "
				    "\"%s\"", lines[i].screen, w, got, want);
		}
	tui_hint_line(tui_keymap_of(TUI_SCREEN_DAY), 78, got, sizeof got);
	assert_string_equal(got, "a add  1-9 again  e edit  d delete  u undo  "
	    "[ ] day  w week  ? help  q quit");
	/* A question and help have no hints. */
	tui_hint_line(tui_keymap_of(TUI_SCREEN_CONFIRM), 78, got, sizeof got);
	assert_string_equal(got, "");
}

/* Help: the day screen's keys row by row, each other table in a paragraph. */
static void
test_help_lists_every_table(void **state)
{
	struct fx *x = *state;
	struct tui_help_item v[TUI_HELP_ITEMS];
	const struct tui_keymap *const *maps;
	char text[1024];
	size_t n, n_maps, i;

	maps = tui_keymaps(&n_maps);
	n = tui_help_items(v, ARRAY_LEN(v));
	assert_int_equal(n, 1 + maps[0]->n + 1 + n_maps - 1);
	assert_int_equal(tui_help_items(NULL, 0), n);
	assert_int_equal(v[0].kind, TUI_HELP_TITLE);
	assert_string_equal(v[0].map->title, "On the day screen:");
	for (i = 0; i < maps[0]->n; i++) {
		assert_int_equal(v[1 + i].kind, TUI_HELP_ROW);
		assert_ptr_equal(v[1 + i].row, &maps[0]->rows[i]);
	}
	assert_int_equal(v[1 + i].kind, TUI_HELP_BLANK);
	for (i = 1; i < n_maps; i++) {
		assert_int_equal(v[maps[0]->n + 1 + i].kind, TUI_HELP_KEYMAP);
		assert_ptr_equal(v[maps[0]->n + 1 + i].map, maps[i]);
	}
	/* The week view's keys, all of them. */
	tui_help_paragraph(tui_keymap_of(TUI_SCREEN_WEEK), text, sizeof text);
	assert_string_equal(text, "In the week view:  [  h  Left  the week "
	    "before;  ]  l  Right  the week after;  ?  help;  Esc  w  q  back "
	    "to the day");
	tui_help_paragraph(tui_keymap_of(TUI_SCREEN_CONFIRM), text,
	    sizeof text);
	assert_string_equal(text, "In a confirmation:  y  Enter  yes;  n  Esc  "
	    "no");
	tui_help_paragraph(maps[n_maps - 1], text, sizeof text);
	assert_string_equal(text, "Anywhere:  Ctrl-C  quit at once");
	/* A paragraph cut to its buffer stays a string. */
	tui_help_paragraph(tui_keymap_of(TUI_SCREEN_PICK), text, 30);
	assert_int_equal(strlen(text), 29);
	/* j stops with the last item at the top. */
	keys(x, "?");
	for (i = 0; i < 2 * n; i++)
		keys(x, "j");
	assert_int_equal(x->s.help_top, n - 1);
}

static void
test_quit(void **state)
{
	struct fx *x = *state;
	const enum tui_screen screens[] = {
		TUI_SCREEN_DAY, TUI_SCREEN_PICK, TUI_SCREEN_AMOUNT,
		TUI_SCREEN_CONFIRM, TUI_SCREEN_WEEK, TUI_SCREEN_HELP
	};
	const char *const to[] = { "", "a", "anat\n", "1", "w", "?" };
	size_t i;

	keys(x, "q");
	assert_int_equal(x->bits, TUI_QUIT);
	assert_int_equal(x->n_cmds, 0);
	for (i = 0; i < ARRAY_LEN(screens); i++) {
		tui_release(&x->s);
		tui_init(&x->s, TODAY);
		keys(x, to[i]);
		assert_int_equal(x->s.screen, screens[i]);
		restart(x);
		assert_int_equal(key(x, TK_QUIT), TUI_QUIT);
		assert_int_equal(x->cmd.type, TUI_CMD_NONE);
	}
}

static void
test_resize_changes_nothing(void **state)
{
	struct fx *x = *state;
	const char *const to[] = { "", "a", "anat\n2", "1", "w", "?", "u" };
	struct tui_state *before = xmalloc(sizeof *before);
	size_t i;

	for (i = 0; i < ARRAY_LEN(to); i++) {
		tui_release(&x->s);
		tui_init(&x->s, TODAY);
		keys(x, to[i]);
		memcpy(before, &x->s, sizeof *before);
		restart(x);
		assert_int_equal(key(x, TK_RESIZE), TUI_REDRAW);
		assert_int_equal(x->cmd.type, TUI_CMD_NONE);
		assert_memory_equal(before, &x->s, sizeof *before);
	}
	/* The message of "u" survived the resize. */
	assert_string_equal(x->s.status, "nothing to undo");
	free(before);
}

/* The last weeks are read by a command when the week view needs them. */
static void
test_week_asks_for_history(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	assert_false(x->view.history_ready);
	c = keys(x, "w");
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(c->type, TUI_CMD_HISTORY);
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
	/* The view read them: nothing more to ask. */
	x->view.history_ready = true;
	assert_int_equal(changed(x), TUI_CMD_NONE);
	/* Another week: a reload, which drops them; then they are asked for. */
	c = keys(x, "[");
	assert_int_equal(c->type, TUI_CMD_LOAD);
	x->view.history_ready = false;
	assert_int_equal(changed(x), TUI_CMD_HISTORY);
	x->view.history_ready = true;
	/* Help over the week view, then back: asked for only when needed. */
	keys(x, "?x");
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
	keys(x, "?");
	x->view.history_ready = false;
	assert_int_equal(changed(x), TUI_CMD_NONE);
	c = keys(x, "x");
	assert_int_equal(c->type, TUI_CMD_HISTORY);
	/* The day screen never needs them. */
	keys(x, "w");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_int_equal(changed(x), TUI_CMD_NONE);
}

static void
test_week_view(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;

	x->view.history_ready = true;
	keys(x, "w");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
	c = keys(x, "[");
	assert_int_equal(x->bits, TUI_REDRAW | TUI_CMD);
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 7);
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);
	c = keys(x, "[");
	assert_int_equal(x->s.day, TODAY - 14);
	c = keys(x, "]");
	assert_int_equal(c->type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 7);
	key(x, TK_LEFT);
	assert_int_equal(x->cmd.type, TUI_CMD_LOAD);
	assert_int_equal(x->s.day, TODAY - 14);
	key(x, TK_RIGHT);
	assert_int_equal(x->s.day, TODAY - 7);
	keys(x, "hl");
	assert_int_equal(x->n_cmds, 2);
	assert_int_equal(x->s.day, TODAY - 7);
	/* Other keys change nothing here, and say so. */
	keys(x, "ad");
	assert_int_equal(x->n_cmds, 0);
	assert_string_equal(x->s.status, "d: not a key here, ? lists them");
	assert_int_equal(x->s.screen, TUI_SCREEN_WEEK);

	keys(x, "\033");
	assert_int_equal(x->bits, TUI_REDRAW);
	assert_int_equal(x->n_cmds, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_int_equal(x->s.day, TODAY - 7);
	keys(x, "ww");
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	keys(x, "wq");
	assert_int_equal(x->all_bits & TUI_QUIT, 0);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
}


/* Issue 9, item 11: after logging, e and d act on the new entry. */
static void
test_selection_follows_new_entry(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;
	int64_t id = 104;

	assert_int_equal(x->s.sel, 0);
	c = keys(x, "agouda\n\n");
	assert_int_equal(c->type, TUI_CMD_ADD);
	done(x, c, true, "logged 1 slice Gouda (Dutch)", id);
	/* The reloaded view holds the new entry last. */
	add_entry(x, 104, "gouda", "1 slice");
	changed(x);
	assert_int_equal(x->s.sel, 3);
	c = keys(x, "d");
	assert_int_equal(c->type, TUI_CMD_REMOVE);
	assert_int_equal(c->id, 104);
}

/* Issue 9, item 12: a screen left open on today follows the clock. */
static void
test_today_follows_clock(void **state)
{
	struct fx *x = *state;

	assert_int_equal(x->s.day, TODAY);
	assert_false(tui_today_changed(&x->s, TODAY, TODAY));
	assert_true(tui_today_changed(&x->s, TODAY, TODAY + 1));
	assert_int_equal(x->s.day, TODAY + 1);
	/* A screen showing another day stays there. */
	x->s.day = TODAY - 3;
	assert_false(tui_today_changed(&x->s, TODAY + 1, TODAY + 2));
	assert_int_equal(x->s.day, TODAY - 3);
}

/*
 * Issue 9, items 2 and 28: what is relogged is exactly what was logged,
 * though shown rounded; Tab rounds what it shows, never the grams Enter
 * logs.
 */
static void
test_amounts_stay_exact(void **state)
{
	struct fx *x = *state;
	const struct tui_cmd *c;
	struct tui_view *v = &x->view;

	snprintf(v->recent[0].amount, sizeof v->recent[0].amount,
	    "1.33 slice");
	snprintf(v->recent[0].exact, sizeof v->recent[0].exact,
	    "1.3333333333333333 slice");
	c = keys(x, "1y");
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_true(c->amount.quantity == 4.0 / 3);
	assert_true(c->amount.grams == 4.0 / 3 * 28);
	assert_non_null(strstr(x->s.question, "1.33 slice"));

	/* Natto: 1 serving (85 g), Tab: 0.49 cup of 175 g, still 85 g. */
	open_food(x, "natto");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "0.49 cup");
	c = keys(x, "\n");
	assert_int_equal(c->type, TUI_CMD_ADD);
	assert_true(c->amount.grams == 85);
	assert_true(c->amount.servings == 1);
	assert_string_equal(c->amount.label, "cup");
	assert_true(c->amount.quantity == 85.0 / 175);

	/* Gouda 2 slices, Tab to grams and back: 56 g all along. */
	open_food(x, "gouda");
	keys(x, "2\t");
	assert_string_equal(x->s.amount.buf, "56 g");
	keys(x, "\t");
	assert_string_equal(x->s.amount.buf, "2 slice");
	c = keys(x, "\n");
	assert_true(c->amount.grams == 56);

	/* Typing after Tab: the typed text is what counts. */
	open_food(x, "natto");
	keys(x, "\t\b\b\b\b\b5 cup");
	assert_string_equal(x->s.amount.buf, "0.45 cup");
	c = keys(x, "\n");
	assert_true(c->amount.grams == 0.45 * 175);
}


/*
 * Issue 9, item 15: 1 ... 9 act only on the foods the again: line shows.
 * At 40 columns nine long ids do not all fit: the one past the last shown
 * is refused, the last shown is asked about.
 */
static void
test_relog_only_what_shows(void **state)
{
	struct fx *x = *state;
	struct tui_view *v = &x->view;
	size_t i, shown;
	char key[2] = { 0, 0 };

	for (i = 0; i < TUI_RECENT; i++) {
		v->recent[i] = v->recent[0];
		snprintf(v->recent[i].id, sizeof v->recent[i].id,
		    "gouda_from_the_market_%zu", i);
	}
	v->n_recent = TUI_RECENT;
	x->env.rows = 12;
	x->env.cols = 40;
	shown = layout_recent_shown(v, 12, 40);
	assert_true(shown < TUI_RECENT);
	key[0] = (char)('1' + shown);
	keys(x, key);
	assert_int_equal(x->s.screen, TUI_SCREEN_DAY);
	assert_true(x->s.status_error);
	if (shown > 0) {
		key[0] = (char)('0' + shown);
		keys(x, key);
		assert_int_equal(x->s.screen, TUI_SCREEN_CONFIRM);
	}
	/* At 80 x 24 the same nine: more of them show. */
	assert_true(layout_recent_shown(v, 24, 80) > shown);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_pick_opens_with_every_food),
		T(test_pick_filters_and_ranks),
		T(test_pick_no_match),
		T(test_pick_moves_within_bounds),
		T(test_pick_esc_back_to_day),
		T(test_budget_add_six_keys),
		T(test_budget_relog_two_keys),
		T(test_relog_cancel_and_missing),
		T(test_budget_repeat_one_key),
		T(test_repeat_food_gone),
		T(test_amount_prefill_and_typing),
		T(test_amount_tab_cycles_units),
		T(test_amount_tab_follows_typed_unit),
		T(test_amount_tab_from_half_cup),
		T(test_amount_tab_from_grams_entry),
		T(test_amount_invalid_keeps_prompt),
		T(test_amount_q_is_typed),
		T(test_amount_esc),
		T(test_amount_edit_prefill),
		T(test_amount_edit),
		T(test_amount_high_warnings),
		T(test_amount_day_sodium_goes_over),
		T(test_amount_edit_preview_counts_old_amount_once),
		T(test_undo_asks),
		T(test_undo_empty),
		T(test_done_says_what_was_done),
		T(test_failed_add_back_to_prompt),
		T(test_failed_command_stays_on_day),
		T(test_failed_repeat_stays_on_day),
		T(test_day_back),
		T(test_day_forward_not_past_today),
		T(test_day_selection_bounds),
		T(test_day_no_entries),
		T(test_day_copy),
		T(test_help_opens_and_closes),
		T(test_bindings_are_dispatch),
		T(test_other_keys),
		T(test_hint_lines_unchanged),
		T(test_help_lists_every_table),
		T(test_quit),
		T(test_resize_changes_nothing),
		T(test_week_asks_for_history),
		T(test_week_view),
		T(test_selection_follows_new_entry),
		T(test_today_follows_clock),
		T(test_amounts_stay_exact),
		T(test_relog_only_what_shows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
