/* SPDX-License-Identifier: ISC */
/* Shared by the ui_*.c files: colours, attributes and text helpers. */
#ifndef K2_UI_PRIV_H
#define K2_UI_PRIV_H

#include <curses.h>
#include <stdbool.h>

#include "gauge.h"
#include "layout.h"
#include "tui.h"

enum ui_pair {
	UI_OK = 1,
	UI_NEAR,
	UI_OVER,
	UI_ACCENT,
	UI_DIM,
	UI_BAR
};

/* Attribute for a role: a colour pair when colour is on, else bold/reverse. */
attr_t ui_attr(enum ui_pair);
/* Attribute for a level (ok, unknown, near, over). */
attr_t ui_level_attr(enum level);
/* Put text at y, x cut or padded to w columns (control characters inert). */
void ui_put(WINDOW *, int y, int x, int w, const char *s, bool pad);
/* In column c, padded (or right-aligned); nothing when c is not shown. */
void ui_put_col(WINDOW *, int y, struct layout_col c, const char *s,
    bool right);
/* Right-aligned in w columns. */
void ui_put_right(WINDOW *, int y, int x, int w, const char *s);
/*
 * s, then tail right after it in w columns: s is cut to leave room for
 * tail, which is never cut ("OVER: ... daily li~ +2 w").
 */
void ui_put_tail(WINDOW *, int y, int x, int w, const char *s,
    const char *tail);
/*
 * s broken at spaces into lines of w columns from row y, at most max
 * rows, the lines after the first indented by indent; returns rows used.
 */
int ui_put_wrap(WINDOW *, int y, int x, int w, int max, int indent,
    const char *s);
/*
 * A key table's line of hints ("a add  w week  ? help") in w columns:
 * the hints that fit, kept by their rank (tui_hint_line).
 */
void ui_hints(WINDOW *, int y, int x, int w, const struct tui_keymap *);
/* A bar of w cells filled to share (0 ... 1+), "#" and "." without UTF-8. */
void ui_bar(WINDOW *, int y, int x, int w, double share, attr_t fill);
/* A horizontal rule of w columns. */
void ui_hline(WINDOW *, int y, int x, int w);
/* A glyph: the UTF-8 one, or its ASCII stand-in outside a UTF-8 locale. */
const char *ui_glyph(const char *utf8, const char *ascii);

/* The screens, which ui_draw (ui_draw.c) calls; they call the helpers above. */
void ui_day_draw(WINDOW *, const struct tui_state *, const struct tui_env *);
void ui_week_draw(WINDOW *, const struct tui_state *, const struct tui_env *);
void ui_help_draw(WINDOW *, const struct tui_state *, const struct tui_env *);
void ui_form_draw(WINDOW *, const struct tui_state *, const struct tui_env *);
void ui_find_draw(WINDOW *, const struct tui_state *, const struct tui_env *);
void ui_recipe_draw(WINDOW *, const struct tui_state *,
    const struct tui_env *);

#endif
