/* SPDX-License-Identifier: ISC */
/*
 * The full screen's state and its key reducer: pure, no curses. Keys go in,
 * the state changes and commands for the diary come out; app.c runs them.
 *
 * Each screen has one key table (struct tui_keymap): its rows give the
 * keys as help shows them, the help text, the hint for the bottom line and
 * the handler, with the keys that trigger it. The reducer dispatches on
 * these tables, and help and the hint lines are drawn from them. A new
 * screen is a value of enum tui_screen, a table with its handlers (in a
 * src/tui_*.c file), a line in tui_keymap.c's list and a draw function in
 * ui_draw.c's.
 */
#ifndef K2_TUI_H
#define K2_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amount.h"
#include "catalogue.h"
#include "config.h"
#include "entry.h"
#include "foodform.h"
#include "gauge.h"
#include "search.h"
#include "suggest.h"

#define TUI_LINE_MAX FOODFORM_TEXT_MAX	/* bytes in an edit line */
#define TUI_RECENT 9		/* foods under 1 ... 9 */
#define TUI_HITS 200		/* picker rows kept */
#define TUI_HISTORY 12		/* past weeks in the week view */

/* Keys, decoded from the terminal by ui_term.c. */
enum tui_key {
	TK_NONE,
	TK_CHAR,		/* a printable character in ch */
	TK_ENTER,
	TK_ESC,
	TK_TAB,
	TK_BTAB,
	TK_BACKSPACE,
	TK_DELETE,
	TK_UP,
	TK_DOWN,
	TK_LEFT,
	TK_RIGHT,
	TK_HOME,
	TK_END,
	TK_PGUP,
	TK_PGDN,
	TK_CTRL_U,		/* clear the line */
	TK_CTRL_W,		/* delete a word */
	TK_CTRL_L,		/* redraw */
	TK_CTRL_N,		/* the picker: a new food */
	TK_CTRL_E,		/* the picker: change an own food */
	TK_CTRL_O,		/* the picker: the next order */
	TK_RESIZE,
	TK_QUIT,		/* Ctrl-C, SIGTERM, SIGHUP: leave now */
	TK_ANY			/* in a key table: a key no other row has */
};

struct tui_keyev {
	enum tui_key	 key;
	uint32_t	 ch;		/* TK_CHAR: the code point */
};

enum tui_screen {
	TUI_SCREEN_ANY = -1,	/* a key table's: the keys of every screen */
	TUI_SCREEN_DAY,
	TUI_SCREEN_PICK,
	TUI_SCREEN_AMOUNT,
	TUI_SCREEN_CONFIRM,
	TUI_SCREEN_WEEK,
	TUI_SCREEN_HELP,
	TUI_SCREEN_FORM,	/* a new or own food, or a one-off entry */
	TUI_SCREEN_DISCARD,	/* the form asks before it is thrown away */
	TUI_SCREEN_FIND,	/* the K2 finder */
	TUI_SCREEN_RECIPE	/* a recipe of your own, being made */
};

/* What the reducer asks the program to do. */
enum tui_cmd_type {
	TUI_CMD_NONE,
	TUI_CMD_ADD,		/* log food_id with amount on day */
	TUI_CMD_EDIT,		/* entry id: new amount */
	TUI_CMD_REMOVE,		/* entry id */
	TUI_CMD_COPY_DAY,	/* entries of from_day into day */
	TUI_CMD_UNDO,		/* take back the last change (app.c's) */
	TUI_CMD_LOAD,		/* reload the view (day or week changed) */
	TUI_CMD_HISTORY,	/* read the last weeks into the view */
	TUI_CMD_SAVE_FOOD,	/* the form's food into my-foods.yaml */
	TUI_CMD_QUICK,		/* the form's one-off entry on day */
	TUI_CMD_SAVE_RECIPE	/* the recipe into my-foods.yaml */
};

struct tui_cmd {
	enum tui_cmd_type type;
	const struct food *food;	/* ADD */
	struct amount	 amount;	/* ADD, EDIT */
	int64_t		 id;		/* EDIT, REMOVE */
	long		 day;		/* ADD, COPY_DAY: target day */
	long		 from_day;	/* COPY_DAY */
	bool		 from_prompt;	/* ADD, EDIT: Enter in the prompt */
	const struct foodform *form;	/* SAVE_FOOD, QUICK: the state's */
	const struct tui_recipe *recipe;	/* SAVE_RECIPE: the state's */
};

/*
 * One of the recent foods under 1 ... 9: the food and its last amount.
 * food is NULL while the catalogue is still loading, or when the food is
 * no longer in it.
 */
struct tui_recent {
	const struct food *food;
	char		 id[CATALOGUE_ID_MAX + 1];
	char		 amount[TUI_LINE_MAX];	/* "2 slice", as shown */
	char		 exact[TUI_LINE_MAX];	/* every digit, to log again */
};

/*
 * What the screen shows, rebuilt by app.c after each command from the
 * diary (the reducer reads it, never writes it).
 */
struct tui_view {
	long		 today;
	long		 day;
	struct entry_list entries;	/* the day's */
	struct entry_list week;		/* the week's, the day's among them */
	struct gauge	 gauge;		/* the week holding day */
	size_t		 prev_day_entries;	/* for Y */
	struct tui_recent recent[TUI_RECENT];
	size_t		 n_recent;
	double		 history[TUI_HISTORY];	/* rich servings, oldest first */
	long		 history_start[TUI_HISTORY];
	bool		 history_ready;	/* read on TUI_CMD_HISTORY */
	struct entry	 last_entry;	/* the last entry logged, for '.' */
	bool		 has_last;
	size_t		 undo_depth;	/* changes app.c can take back, for u */
	/* What to eat next (suggest.h), once the catalogue is loaded. */
	struct suggest	 sug;
	bool		 has_sug;
	bool		 own_foods;	/* my-foods.yaml is in use (no --foods) */
};

enum tui_confirm {
	TUI_CONFIRM_RELOG,
	TUI_CONFIRM_COPY,
	TUI_CONFIRM_REMOVE
};

struct tui_line {
	char		 buf[TUI_LINE_MAX];
	size_t		 len;
};

/* The form of a new or own food, or of a one-off entry (tui_form.c). */
struct tui_form {
	struct foodform	 ff;
	enum foodform_field field;	/* the field being typed */
	struct tui_line	 line;		/* its text, as typed */
	bool		 seen[FF_COUNT];	/* left or typed: its check shows */
	char		 msg[FF_COUNT][160];	/* each field's problem, or "" */
	enum tui_screen	 back;		/* where Esc goes */
	size_t		 top;		/* first field shown */
};

/* A recipe made on the screen (tui_recipe.c): R, then Ctrl-N an ingredient. */
#define TUI_RECIPE_MAX 32
struct tui_ingredient {
	char		 food[CATALOGUE_ID_MAX + 1];
	char		 amount[TUI_LINE_MAX];	/* exact: "2", "10 g" */
};

struct tui_recipe {
	bool		 active;	/* the picker and prompt add to it */
	int		 field;		/* typed into: 0 the name, 1 yields */
	struct tui_line	 name;
	struct tui_line	 yields;	/* servings it makes */
	struct tui_ingredient ing[TUI_RECIPE_MAX];
	size_t		 n;
	size_t		 sel;
};

/* The finder's orders, and the picker's (tui_find.c). */
enum tui_order {
	TUI_ORDER_BEST,		/* finder: §4's; picker: the search's */
	TUI_ORDER_K2,		/* K2 a serving, highest first */
	TUI_ORDER_K2_SODIUM	/* K2 per mg of sodium */
};

/* The K2 finder: the §4 list, or every food in an order. */
struct tui_find {
	enum tui_order	 order;
	size_t		*idx;		/* K2, K2_SODIUM: every food, in order */
	bool		*rich;		/* ... and whether each is K2-rich */
	size_t		 n;
	size_t		 sel;
	size_t		 top;
};

struct tui_state {
	enum tui_screen	 screen;
	enum tui_screen	 back;		/* where HELP returns to */
	long		 day;		/* the day shown */
	size_t		 sel;		/* selected entry on the day */
	int64_t		 select_id;	/* select this entry once it shows */
	size_t		 top;		/* first entry row shown */
	/* Picker. */
	struct tui_line	 query;
	struct search_hit hits[TUI_HITS];
	size_t		 n_hits;	/* kept */
	size_t		 total_hits;	/* matched */
	size_t		 pick;		/* selected hit */
	size_t		 pick_top;
	/* Amount prompt. */
	const struct food *food;
	struct tui_line	 amount;
	size_t		 unit;		/* serving index; n_servings = grams */
	int64_t		 edit_id;	/* editing this entry, or 0 for an add */
	char		 preview[256];	/* what the entry adds, or the error */
	bool		 preview_bad;	/* the amount does not parse */
	char		 preview_warn[256];	/* high in ..., day goes near/over */
	bool		 amount_fresh;	/* prefilled: typing replaces it */
	double		 cycle_amount;	/* Tab: the amount cycled (g or count) */
	bool		 cycle_valid;	/* cycle_amount holds the typed amount */
	/*
	 * What Enter logs while the line still reads exact_text: a prefilled
	 * or Tab-cycled amount is shown rounded, but logged exactly.
	 */
	struct amount	 exact;
	char		 exact_text[TUI_LINE_MAX];
	bool		 exact_valid;
	struct entry	 stand_entry;	/* editing: the entry's own units */
	struct food	 stand_in;	/* (entry_edit_food), from a copy */
	struct serving	 stand_sv[ENTRY_UNITS_MAX];
	/* Confirmation. */
	enum tui_confirm confirm;
	char		 question[256];
	struct tui_cmd	 pending;
	/* Week view. */
	long		 week_day;	/* a day of the week shown */
	/* The forms, the finder and the picker's order. */
	struct tui_form	 form;
	struct tui_recipe recipe;
	enum tui_screen	 asked_from;	/* the form or recipe that asks */
	struct tui_find	 find;
	enum tui_order	 pick_order;
	/* Status line. */
	char		 status[256];
	bool		 status_error;
	size_t		 help_top;
};

/* What the reducer returns. */
#define TUI_REDRAW 0x1u
#define TUI_CMD 0x2u
#define TUI_QUIT 0x4u

/* Borrowed inputs of the reducer. */
struct tui_env {
	const struct catalogue *cat;
	const struct search_index *index;
	const struct config *cf;
	const struct tui_view *view;
	int		 rows;		/* screen size, for paging */
	int		 cols;
};

/*
 * A key that triggers a binding: key, and for TK_CHAR a range of ch. When
 * several rows of a table match a key, the narrowest match wins (a
 * character before a range of them, TK_ANY last), then the first row.
 */
struct tui_match {
	enum tui_key	 key;
	uint32_t	 lo;
	uint32_t	 hi;
};

/*
 * What a key does: changes the state, and returns TUI_REDRAW | TUI_CMD |
 * TUI_QUIT bits with the command in *cmd (cleared before the call).
 */
typedef unsigned (*tui_handler)(struct tui_state *, const struct tui_env *,
    struct tui_keyev, struct tui_cmd *);

#define TUI_MATCH_MAX 6

/* One row of a key table. */
struct tui_binding {
	const char	*keys;		/* as help shows them: "a  /" */
	const char	*help;		/* what help says it does */
	const char	*hint;		/* the hint line's "a add", or NULL */
	unsigned	 rank;		/* kept in a short line: 0 first */
	tui_handler	 run;
	struct tui_match match[TUI_MATCH_MAX];	/* ends at key TK_NONE */
};

/* A screen's key table. */
struct tui_keymap {
	const char	*title;		/* in help: "On the day screen:" */
	enum tui_screen	 screen;
	const struct tui_binding *rows;
	size_t		 n;
	tui_handler	 unbound;	/* a key no row has; NULL: ignored */
};

/* Every key table, in the order help lists them; n set to their number. */
const struct tui_keymap *const *tui_keymaps(size_t *n);
/* A screen's key table (TUI_SCREEN_ANY: the keys of every screen). */
const struct tui_keymap *tui_keymap_of(enum tui_screen);
/* The row of m that key triggers, or NULL. */
const struct tui_binding *tui_keymap_find(const struct tui_keymap *m,
    struct tui_keyev key);
/*
 * m's hint line in width columns ("a add  w week  ? help"): the hints
 * that fit, kept in the order of their rank, shown in the table's order.
 */
void tui_hint_line(const struct tui_keymap *m, int width, char *buf,
    size_t len);

/*
 * Help's items, each scrolled past by one j: the day screen's title and
 * its rows one by one, a blank line, then every other table as one
 * paragraph (tui_help_paragraph).
 */
enum tui_help_kind {
	TUI_HELP_TITLE,
	TUI_HELP_ROW,
	TUI_HELP_BLANK,
	TUI_HELP_KEYMAP
};

struct tui_help_item {
	enum tui_help_kind kind;
	const struct tui_keymap *map;	/* TITLE, ROW, KEYMAP */
	const struct tui_binding *row;	/* ROW */
};

#define TUI_HELP_ITEMS 64
/* Fill up to max items of help; returns how many there are. */
size_t tui_help_items(struct tui_help_item *v, size_t max);
/* A table in a paragraph: "In a confirmation:  y  Enter  yes;  n  Esc  no" */
void tui_help_paragraph(const struct tui_keymap *, char *buf, size_t len);

void tui_init(struct tui_state *, long day);
void tui_release(struct tui_state *);
/*
 * Handle one key: returns TUI_REDRAW | TUI_CMD | TUI_QUIT bits; with
 * TUI_CMD, *cmd holds the command (it owns nothing).
 */
unsigned tui_handle_key(struct tui_state *, const struct tui_env *,
    struct tui_keyev key, struct tui_cmd *cmd);

/* How a command that changes the diary went, as app.c tells it. */
struct tui_outcome {
	bool		 ok;
	const char	*message;	/* what was done, or the error */
	int64_t		 select_id;	/* the entry to select, or 0 */
};
/*
 * After app.c ran cmd: the message in the status line (an error when not
 * ok: "failed" without one), the entry to select, and after a failed add
 * or change from the prompt, the prompt back as it was.
 */
void tui_cmd_done(struct tui_state *, const struct tui_cmd *cmd,
    const struct tui_outcome *);
/*
 * After a reload: select the entry just logged, relogged or copied (when
 * it shows), and keep the selection inside the day's entries. Returns
 * TUI_CMD with *cmd when the screen needs more than the reload read: the
 * week view, the last weeks (TUI_CMD_HISTORY).
 */
unsigned tui_view_changed(struct tui_state *, const struct tui_env *,
    struct tui_cmd *cmd);
/*
 * The clock moved the diary day on (a screen left open past
 * day_starts_at): a screen showing the old today follows to the new one.
 * Returns true when the shown day changed.
 */
bool tui_today_changed(struct tui_state *, long old_today, long new_today);
/* A key's name for messages: "x", "Tab", "PgUp". */
void tui_key_name(struct tui_keyev, char *buf, size_t len);
/* Refresh the picker's hits for the current query, in its order. */
void tui_pick_refresh(struct tui_state *, const struct tui_env *);
/* After app.c saved the form's food as id: the amount prompt for it. */
void tui_food_saved(struct tui_state *, const struct tui_env *,
    const char *id);
/* An order's name for a title ("K2 a serving"); finder or picker. */
const char *tui_order_name(enum tui_order, bool finder);
/* The finder's rows now, and the food of row i. */
size_t tui_find_rows(const struct tui_state *, const struct tui_env *);
const struct food *tui_find_food(const struct tui_state *,
    const struct tui_env *, size_t i);
/* The recipe's parts (borrowed), and the servings it yields (-1 with d). */
struct recipe_part;
size_t tui_recipe_parts(const struct tui_recipe *, struct recipe_part *);
int tui_recipe_yields(const struct tui_recipe *, double *, struct diag *);
/* Keep the finder's selection in its rows after the view changed. */
void tui_find_changed(struct tui_state *, const struct tui_env *);
void tui_find_release(struct tui_find *);

#endif
