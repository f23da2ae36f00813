/* SPDX-License-Identifier: ISC */
/* The week view's keys: other weeks, help, back to the day. */
#include <string.h>

#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Show the week of s->day: read the view again. */
static unsigned
week_load(struct tui_state *s, struct tui_cmd *cmd)
{
	s->sel = s->top = 0;
	cmd->type = TUI_CMD_LOAD;
	return TUI_REDRAW | TUI_CMD;
}

/* [ h Left: the week before. */
static unsigned
week_prev(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	s->day -= 7;
	return week_load(s, cmd);
}

/* ] l Right: the week after; as on the day screen, no further than today. */
static unsigned
week_next(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)k;
	if (s->day >= env->view->today) {
		tui_status(s, false, "this is the current week");
		return TUI_REDRAW;
	}
	s->day = s->day + 7 > env->view->today ? env->view->today : s->day + 7;
	return week_load(s, cmd);
}

/* Esc w q: back to the day screen. */
static unsigned
week_back(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->screen = TUI_SCREEN_DAY;
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "[  h  Left", "the week before", "[ ] other weeks", 1, week_prev,
	    { TUI_CH('['), TUI_CH('h'), TUI_KEY(TK_LEFT) } },
	{ "]  l  Right", "the week after", NULL, 0, week_next,
	    { TUI_CH(']'), TUI_CH('l'), TUI_KEY(TK_RIGHT) } },
	{ "?", "help", "? help", 2, tui_open_help, { TUI_CH('?') } },
	{ "Esc  w  q", "back to the day", "Esc w q back", 0, week_back,
	    { TUI_KEY(TK_ESC), TUI_CH('w'), TUI_CH('q') } },
};

const struct tui_keymap tui_week_keymap = {
	"In the week view:", TUI_SCREEN_WEEK, rows, ARRAY_LEN(rows),
	tui_not_a_key
};
