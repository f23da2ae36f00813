/* SPDX-License-Identifier: ISC */
/* A question on the status line ("log ... again? y/n"); its key table. */
#include <string.h>

#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Ask; yes runs cmd. */
void
tui_confirm_open(struct tui_state *s, enum tui_confirm what,
    const struct tui_cmd *cmd)
{
	s->confirm = what;
	s->pending = *cmd;
	s->screen = TUI_SCREEN_CONFIRM;
}

/* Yes: run the command asked about. */
static unsigned
confirm_yes(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	*cmd = s->pending;
	memset(&s->pending, 0, sizeof s->pending);
	s->screen = TUI_SCREEN_DAY;
	return TUI_REDRAW | TUI_CMD;
}

/* No: back to the day, and say so. */
static unsigned
confirm_no(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->screen = TUI_SCREEN_DAY;
	tui_status(s, false, "nothing changed");
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "y  Enter", "yes", NULL, 0, confirm_yes,
	    { TUI_CH('y'), TUI_CH('Y'), TUI_KEY(TK_ENTER) } },
	{ "n  Esc", "no", NULL, 0, confirm_no,
	    { TUI_CH('n'), TUI_CH('N'), TUI_CH('q'), TUI_KEY(TK_ESC) } },
};

/* A stray key leaves the question open. */
const struct tui_keymap tui_confirm_keymap = {
	"In a confirmation:", TUI_SCREEN_CONFIRM, rows, ARRAY_LEN(rows), NULL
};
