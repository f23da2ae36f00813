/* SPDX-License-Identifier: ISC */
/*
 * The form of a new food (n, the picker's Ctrl-N and its no-match line),
 * of an own food changed (the picker's Ctrl-E), and of a one-off entry
 * (Q): fields checked as they are typed by foodform.c's rules, the same
 * as 'k2diary food new' and 'quick'. Its key tables.
 */
#include <stdio.h>
#include <string.h>

#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Check every field the user has reached: their messages. */
static void
form_check(struct tui_form *fm)
{
	struct diag d;
	int i;

	for (i = 0; i < FF_COUNT; i++) {
		fm->msg[i][0] = '\0';
		if (!fm->seen[i] || !foodform_has(&fm->ff, i))
			continue;
		if (foodform_check(&fm->ff, i, &d) != 0)
			snprintf(fm->msg[i], sizeof fm->msg[i], "%.159s", d.msg);
	}
}

/* Type in field f: its text into the line. */
static void
form_goto(struct tui_form *fm, enum foodform_field f)
{
	fm->field = f;
	tui_line_set(&fm->line, fm->ff.text[f]);
}

/* Is f a food of my-foods.yaml (the program's own, which it may rewrite)? */
static bool
in_own_file(const struct food *f)
{
	size_t n = f->file != NULL ? strlen(f->file) : 0;
	size_t k = sizeof "my-foods.yaml" - 1;

	return f->origin == ORIGIN_OWN && n >= k &&
	    strcmp(f->file + n - k, "my-foods.yaml") == 0 &&
	    (n == k || f->file[n - k - 1] == '/');
}

/*
 * Open a form: of kind, filled from food f when given (to change an own
 * food, or to copy another into one), or with name (what the picker had
 * typed); Esc goes back to back.
 */
void
tui_form_open(struct tui_state *s, enum foodform_kind kind,
    const struct food *f, const char *name, enum tui_screen back)
{
	struct tui_form *fm = &s->form;

	memset(fm, 0, sizeof *fm);
	if (f != NULL) {
		foodform_from_food(&fm->ff, f);
		/* Another file's food is copied into a new one of yours. */
		if (!in_own_file(f)) {
			fm->ff.id[0] = '\0';
			snprintf(fm->ff.text[FF_NAME], FOODFORM_TEXT_MAX,
			    "My %.200s", f->name);
		}
	} else
		foodform_init(&fm->ff, kind);
	if (name != NULL)
		snprintf(fm->ff.text[FF_NAME], FOODFORM_TEXT_MAX, "%s", name);
	fm->back = back;
	form_goto(fm, FF_NAME);
	s->screen = TUI_SCREEN_FORM;
}

/* Letters and the editing keys: the field changes and is checked. */
static unsigned
form_type(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	struct tui_form *fm = &s->form;

	(void)env;
	(void)cmd;
	if (!tui_line_edit(&fm->line, k))
		return 0;
	snprintf(fm->ff.text[fm->field], FOODFORM_TEXT_MAX, "%s",
	    fm->line.buf);
	fm->seen[fm->field] = true;
	form_check(fm);
	return TUI_REDRAW;
}

/* Tab, Down: the next field; Shift-Tab, Up: the one before. */
static unsigned
form_move(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	struct tui_form *fm = &s->form;
	int dir = k.key == TK_TAB || k.key == TK_DOWN ? 1 : -1;

	(void)env;
	(void)cmd;
	fm->seen[fm->field] = true;
	form_goto(fm, foodform_next(&fm->ff, fm->field, dir));
	form_check(fm);
	return TUI_REDRAW;
}

/* Left, Right on "figures per": serving or 100 g. */
static unsigned
form_toggle(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	struct tui_form *fm = &s->form;

	(void)env;
	(void)k;
	(void)cmd;
	if (fm->field != FF_PER)
		return 0;
	snprintf(fm->ff.text[FF_PER], FOODFORM_TEXT_MAX, "%s",
	    strcmp(fm->ff.text[FF_PER], "serving") == 0 ? "100 g" : "serving");
	form_goto(fm, FF_PER);
	fm->seen[FF_PER] = true;
	form_check(fm);
	return TUI_REDRAW;
}

/* A field that fails: every check shows, and the cursor goes there. */
static unsigned
form_refused(struct tui_state *s, enum foodform_field bad,
    const struct diag *d)
{
	struct tui_form *fm = &s->form;
	int i;

	for (i = 0; i < FF_COUNT; i++)
		fm->seen[i] = true;
	form_check(fm);
	if (fm->msg[bad][0] == '\0')
		snprintf(fm->msg[bad], sizeof fm->msg[bad], "%.159s", d->msg);
	form_goto(fm, bad);
	tui_status(s, true, "%s: %s", foodform_label(bad), fm->msg[bad]);
	return TUI_REDRAW;
}

/* Enter: save the food, or log the one-off entry, when every field holds. */
static unsigned
form_save(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	struct tui_form *fm = &s->form;
	enum foodform_field bad;
	struct entry e;
	struct food f;
	struct diag d;

	(void)k;
	if (fm->ff.kind == FOODFORM_QUICK) {
		if (foodform_quick_entry(&fm->ff, s->day, 0, &e, &bad, &d) != 0)
			return form_refused(s, bad, &d);
		entry_release(&e);
		cmd->type = TUI_CMD_QUICK;
		cmd->day = s->day;
	} else {
		if (foodform_food(&fm->ff, &f, &bad, &d) != 0)
			return form_refused(s, bad, &d);
		food_release(&f);
		if (!env->view->own_foods) {
			tui_status(s, true, "--foods FILE is in use alone: own "
			    "foods (my-foods.yaml) are not; nothing saved");
			return TUI_REDRAW;
		}
		cmd->type = TUI_CMD_SAVE_FOOD;
	}
	cmd->form = &fm->ff;
	return TUI_REDRAW | TUI_CMD;
}

/* Esc: back; a form with something typed asks first. */
static unsigned
form_leave(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	if (foodform_touched(&s->form.ff)) {
		s->asked_from = TUI_SCREEN_FORM;
		s->screen = TUI_SCREEN_DISCARD;
		return TUI_REDRAW;
	}
	s->screen = s->form.back;
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "letters", "type the field; an empty figure is unknown", NULL, 0,
	    form_type, { TUI_TEXT } },
	{ "Backspace  Ctrl-U  Ctrl-W", "edit", NULL, 0, form_type,
	    { TUI_KEY(TK_BACKSPACE), TUI_KEY(TK_CTRL_U),
	    TUI_KEY(TK_CTRL_W) } },
	{ "Tab  Down", "the next field", "Tab next", 1, form_move,
	    { TUI_KEY(TK_TAB), TUI_KEY(TK_DOWN) } },
	{ "Shift-Tab  Up", "the field before", NULL, 0, form_move,
	    { TUI_KEY(TK_BTAB), TUI_KEY(TK_UP) } },
	{ "Left  Right", "figures per serving or per 100 g", NULL, 0,
	    form_toggle, { TUI_KEY(TK_LEFT), TUI_KEY(TK_RIGHT) } },
	{ "Enter", "save (a one-off entry: log it)", "Enter save", 0,
	    form_save, { TUI_KEY(TK_ENTER) } },
	{ "Esc", "back (asks first when something is typed)", "Esc back", 2,
	    form_leave, { TUI_KEY(TK_ESC) } },
};

/* Other keys are not typed: they do nothing. */
const struct tui_keymap tui_form_keymap = {
	"In a food form:", TUI_SCREEN_FORM, rows, ARRAY_LEN(rows), NULL
};

/* y, Enter: throw the form away. */
static unsigned
discard_yes(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	if (s->asked_from == TUI_SCREEN_RECIPE) {
		s->recipe.active = false;
		s->screen = TUI_SCREEN_DAY;
	} else
		s->screen = s->form.back;
	tui_status(s, false, "nothing saved");
	return TUI_REDRAW;
}

/* n, Esc: back to the form as it was. */
static unsigned
discard_no(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->screen = s->asked_from;
	return TUI_REDRAW;
}

static const struct tui_binding discard_rows[] = {
	{ "y  Enter", "throw the form away", "y throw away", 0, discard_yes,
	    { TUI_CH('y'), TUI_CH('Y'), TUI_KEY(TK_ENTER) } },
	{ "n  Esc", "keep it", "n keep", 0, discard_no,
	    { TUI_CH('n'), TUI_CH('N'), TUI_KEY(TK_ESC) } },
};

const struct tui_keymap tui_discard_keymap = {
	"When a form asks to be thrown away:", TUI_SCREEN_DISCARD,
	discard_rows, ARRAY_LEN(discard_rows), NULL
};

/* The form's food was saved as id: log it, from the amount prompt. */
void
tui_food_saved(struct tui_state *s, const struct tui_env *env,
    const char *id)
{
	const struct food *f = catalogue_find(env->cat, id);

	if (f == NULL) {
		s->screen = TUI_SCREEN_DAY;
		return;
	}
	tui_amount_open(s, env, f, NULL, NULL, 0);
}
