/* SPDX-License-Identifier: ISC */
/*
 * The terminal (the only layer that knows curses): open and close it,
 * read keys as tui keys, and draw a state read-only.
 */
#ifndef K2_UI_H
#define K2_UI_H

#include <stdbool.h>
#include "diag.h"
#include "tui.h"

/*
 * Set up the terminal; -1 with a message in d when it cannot: no
 * terminal, an unknown TERM, or one that cannot move the cursor or clear
 * the screen (TERM=dumb). Nothing is drawn before it succeeds.
 */
int ui_open(bool color, struct diag *d);
/* Restore the terminal (safe to call twice, and from the fatal hook). */
void ui_close(void);
/* Wait up to timeout_ms for a key; TK_NONE on timeout. */
struct tui_keyev ui_getkey(int timeout_ms);
/* The signal that asked us to stop (SIGTERM, SIGHUP, SIGINT), or 0. */
int ui_stop_signal(void);
/* The screen's size now. */
void ui_size(int *rows, int *cols);
/*
 * Draw the whole screen from the state and the view, in the layout of
 * its size (layout.h); below 40 x 12, a notice that says so.
 */
void ui_draw(const struct tui_state *, const struct tui_env *);

#endif
