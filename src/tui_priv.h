/* SPDX-License-Identifier: ISC */
/*
 * Shared by the reducer's files (src/tui*.c), pure like them: the status
 * line, line editing, the screens' openers and the handlers several key
 * tables use, and the tables themselves (tui_keymap.c lists them).
 */
#ifndef K2_TUI_PRIV_H
#define K2_TUI_PRIV_H

#include "tui.h"
#include "util.h"

/* Key table rows: a character, a key, and every printable character. */
#define TUI_CH(c) { TK_CHAR, (c), (c) }
#define TUI_KEY(k) { (k), 0, 0 }
#define TUI_TEXT { TK_CHAR, 0x20, 0x10ffff }
#define TUI_ANY { TK_ANY, 0, 0 }

/* The status line: a message, an error when error is set. */
void tui_status(struct tui_state *, bool error, const char *fmt, ...)
    K2_PRINTF(3, 4);

/* Line editing (tui_line.c). */
void tui_line_set(struct tui_line *, const char *text);
/* Append a code point, UTF-8 encoded; false when the line is full. */
bool tui_line_put(struct tui_line *, uint32_t cp);
/* Apply a character, Backspace, Ctrl-U or Ctrl-W; false for another key. */
bool tui_line_edit(struct tui_line *, struct tui_keyev);

/*
 * Show a screen. The week view asks for the last weeks (TUI_CMD_HISTORY)
 * when the view has not read them.
 */
unsigned tui_show(struct tui_state *, const struct tui_env *,
    enum tui_screen, struct tui_cmd *);
/* Open the picker with an empty query (tui_pick.c). */
void tui_pick_open(struct tui_state *, const struct tui_env *);
/*
 * Open the amount prompt for food f, prefilled with text as shown (NULL:
 * one default serving), replaced on typing, and exact, the same amount
 * with every digit (NULL: text is exact); edit_id 0 logs, else changes
 * that entry (tui_amount.c).
 */
void tui_amount_open(struct tui_state *, const struct tui_env *,
    const struct food *f, const char *text, const char *exact,
    int64_t edit_id);
/*
 * Open a food form of kind, filled from f (to change an own food, or to
 * copy another into one) or with name; Esc goes back to back
 * (tui_form.c).
 */
void tui_form_open(struct tui_state *, enum foodform_kind,
    const struct food *f, const char *name, enum tui_screen back);
/* R: a new recipe (tui_recipe.c). */
unsigned tui_recipe_open(struct tui_state *, const struct tui_env *,
    struct tui_keyev, struct tui_cmd *);
/* The amount prompt's Enter while a recipe is made: add an ingredient. */
void tui_recipe_add(struct tui_state *, const struct food *,
    const struct amount *);
/* f: open the finder (tui_find.c). */
unsigned tui_find_open(struct tui_state *, const struct tui_env *,
    struct tui_keyev, struct tui_cmd *);
/* Ask the question in s->question; yes runs cmd (tui_confirm.c). */
void tui_confirm_open(struct tui_state *, enum tui_confirm,
    const struct tui_cmd *cmd);

/* Handlers of several tables. */
unsigned tui_not_a_key(struct tui_state *, const struct tui_env *,
    struct tui_keyev, struct tui_cmd *);
unsigned tui_open_help(struct tui_state *, const struct tui_env *,
    struct tui_keyev, struct tui_cmd *);
unsigned tui_quit(struct tui_state *, const struct tui_env *,
    struct tui_keyev, struct tui_cmd *);

/* The key tables, each in its screen's file. */
extern const struct tui_keymap tui_day_keymap;
extern const struct tui_keymap tui_pick_keymap;
extern const struct tui_keymap tui_amount_keymap;
extern const struct tui_keymap tui_confirm_keymap;
extern const struct tui_keymap tui_week_keymap;
extern const struct tui_keymap tui_help_keymap;
extern const struct tui_keymap tui_form_keymap;
extern const struct tui_keymap tui_discard_keymap;
extern const struct tui_keymap tui_find_keymap;
extern const struct tui_keymap tui_recipe_keymap;
extern const struct tui_keymap tui_any_keymap;

#endif
