/* SPDX-License-Identifier: ISC */
/*
 * The amount prompt: what is typed, Tab through the food's units, and the
 * preview of what the entry adds and the warnings it raises; its key table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "text.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/*
 * The amount the prompt stands for: the exact one while the line reads
 * what was prefilled or cycled, else the line parsed.
 */
static int
prompt_amount(const struct tui_state *s, struct amount *a, struct diag *d)
{
	if (s->exact_valid && strcmp(s->amount.buf, s->exact_text) == 0) {
		*a = s->exact;
		return 0;
	}
	return amount_parse(s->amount.buf, s->food, a, d);
}

/* Append s to buf, cut to fit. */
static void
append(char *buf, size_t len, const char *s)
{
	size_t at = strlen(buf);

	if (at + 1 < len)
		snprintf(buf + at, len - at, "%s", s);
}

/* "6.0 µg", "6.0 µg (MK-4 only)", or "unknown". */
static void
preview_value(char *buf, size_t len, const struct nutrients *n,
    enum nutrient k)
{
	char v[32];

	if (!nutrients_has(n, k)) {
		snprintf(buf, len, "unknown");
		return;
	}
	text_number(v, sizeof v, n->v[k], k == NUT_SODIUM ? 0 : 1);
	snprintf(buf, len, "%s %s%s", v, k == NUT_K2 ? text_ug() :
	    k == NUT_SAT_FAT ? "g" : "mg", k == NUT_K2 &&
	    nutrients_mk4_only(n) ? " (MK-4 only)" : "");
}

/* "day's sat fat goes over (25.3 of 20 g)": a warning the entry raises. */
static void
preview_warning(char *buf, size_t len, const struct gauge_warning *w)
{
	char a[32], l[32];
	bool fat = w->nutrient == NUT_SAT_FAT;

	text_number(a, sizeof a, w->amount, fat ? 1 : 0);
	text_number(l, sizeof l, w->limit, w->limit == floor(w->limit) ? 0 : 1);
	snprintf(buf, len, "%s's %s goes %s (%s%s of %s %s)", w->week ?
	    "week" : "day", fat ? "sat fat" : "sodium",
	    gauge_level_name(w->level), a, w->known < w->count ? "+" : "", l,
	    fat ? "g" : "mg");
}

/*
 * The warnings logging the amount would raise, as the rules decide: the
 * food's flags, then what gets worse on the day or the week.
 */
static void
preview_warnings(struct tui_state *s, const struct tui_env *env,
    const struct amount *a)
{
	const struct tui_view *v = env->view;
	unsigned fl = rule_food_flags(env->cf, s->food) & RULE_HIGH;
	size_t idx[GAUGE_MAX_WARNINGS], n, i;
	const struct gauge *before;
	struct gauge *after, *without = NULL;
	struct entry e;
	char t[128];

	s->preview_warn[0] = '\0';
	if (fl & RULE_SAT_FAT)
		append(s->preview_warn, sizeof s->preview_warn,
		    "high in saturated fat");
	if (fl & RULE_SODIUM)
		append(s->preview_warn, sizeof s->preview_warn,
		    s->preview_warn[0] ? "; high in sodium" : "high in sodium");
	if (v->gauge.week_start > s->day || v->gauge.week_end < s->day)
		return;
	/* Editing: the warnings this amount raises on the day without it. */
	before = &v->gauge;
	if (s->edit_id != 0) {
		without = xmalloc(sizeof *without);
		rule_week_with(env->cf, v->gauge.week_start, v->week.v,
		    v->week.n, s->edit_id, NULL, without);
		before = without;
	}
	entry_from_food(&e, s->food, a, s->day, 0);
	after = xmalloc(sizeof *after);
	rule_week_with(env->cf, v->gauge.week_start, v->week.v, v->week.n,
	    s->edit_id, &e, after);
	entry_release(&e);
	n = rule_new_warnings(before, after, s->day, idx, ARRAY_LEN(idx));
	for (i = 0; i < n; i++) {
		preview_warning(t, sizeof t, &after->warnings[idx[i]]);
		if (s->preview_warn[0] != '\0')
			append(s->preview_warn, sizeof s->preview_warn,
			    "; ");
		append(s->preview_warn, sizeof s->preview_warn, t);
	}
	free(after);
	free(without);
}

/* Recompute the amount prompt's preview: what the entry adds and warnings. */
static void
amount_preview(struct tui_state *s, const struct tui_env *env)
{
	struct amount a;
	struct nutrients n;
	char k2[48], sf[32], na[32];
	struct diag d;

	s->preview_warn[0] = '\0';
	if (prompt_amount(s, &a, &d) != 0) {
		snprintf(s->preview, sizeof s->preview, "%.255s", d.msg);
		s->preview_bad = true;
		return;
	}
	s->preview_bad = false;
	food_nutrients(s->food, a.grams, a.servings, &n);
	preview_value(k2, sizeof k2, &n, NUT_K2);
	preview_value(sf, sizeof sf, &n, NUT_SAT_FAT);
	preview_value(na, sizeof na, &n, NUT_SODIUM);
	snprintf(s->preview, sizeof s->preview,
	    "adds K2 %s, sat fat %s, sodium %s", k2, sf, na);
	preview_warnings(s, env, &a);
}

/* The unit index of a label: a serving, n_servings for a weight unit. */
static size_t
unit_index(const struct food *f, const char *label, size_t dflt)
{
	size_t i;

	for (i = 0; i < f->n_servings; i++)
		if (label == f->servings[i].label)
			return i;
	return amount_unit_reserved(label) ? f->n_servings : dflt;
}

/* The unit index of an amount text: a serving, n_servings for grams. */
static size_t
unit_of(const struct food *f, const char *text, size_t dflt)
{
	struct amount a;
	size_t i;

	if (amount_parse(text, f, &a, NULL) != 0)
		return dflt;
	for (i = 0; i < f->n_servings; i++)
		if (a.label == f->servings[i].label)
			return i;
	return f->n_servings;
}

/* Open the amount prompt. */
void
tui_amount_open(struct tui_state *s, const struct tui_env *env,
    const struct food *f, const char *text, const char *exact,
    int64_t edit_id)
{
	char buf[TUI_LINE_MAX];

	s->food = f;
	s->edit_id = edit_id;
	if (text == NULL) {
		snprintf(buf, sizeof buf, "1 %s", f->servings[0].label);
		text = buf;
	}
	tui_line_set(&s->amount, text);
	s->exact_valid = amount_parse(exact != NULL ? exact : text, f,
	    &s->exact, NULL) == 0;
	snprintf(s->exact_text, sizeof s->exact_text, "%s", s->amount.buf);
	s->unit = unit_of(f, exact != NULL ? exact : s->amount.buf, 0);
	s->cycle_valid = false;
	s->amount_fresh = true;
	s->screen = TUI_SCREEN_AMOUNT;
	amount_preview(s, env);
}

/*
 * Tab: the same amount in the next unit (servings, then grams). The amount
 * typed is kept exact across presses, so the shown texts do not drift.
 */
static void
amount_cycle(struct tui_state *s, const struct tui_env *env, int dir)
{
	const struct food *f = s->food;
	bool grams = f->servings[0].grams > 0;
	size_t units = f->n_servings + (grams ? 1 : 0);
	struct amount a;
	char q[32], buf[TUI_LINE_MAX];

	if (!s->cycle_valid) {
		if (s->exact_valid && strcmp(s->amount.buf,
		    s->exact_text) == 0) {
			a = s->exact;
			s->unit = unit_index(f, a.label, s->unit);
		} else {
			s->unit = unit_of(f, s->amount.buf, s->unit);
			if (amount_parse(s->amount.buf, f, &a, NULL) != 0)
				amount_default(f, &a);
		}
		/* Grams when the food has them, else a count of servings. */
		s->cycle_amount = grams ? a.grams : a.servings;
		s->cycle_valid = true;
	}
	s->unit = (s->unit + units + (size_t)(dir > 0 ? 1 : units - 1)) %
	    units;
	/* Shown rounded, logged exactly: the grams never change. */
	if (s->unit == f->n_servings) {
		s->exact.quantity = s->cycle_amount;
		s->exact.label = "g";
	} else {
		const struct serving *sv = &f->servings[s->unit];
		s->exact.quantity = grams ? s->cycle_amount / (sv->grams > 0 ?
		    sv->grams : f->servings[0].grams) : s->cycle_amount;
		s->exact.label = sv->label;
	}
	s->exact.grams = grams ? s->cycle_amount : 0;
	s->exact.servings = grams ? s->cycle_amount / f->servings[0].grams :
	    s->cycle_amount;
	s->exact_valid = true;
	amount_format_quantity(q, sizeof q, s->exact.quantity);
	snprintf(buf, sizeof buf, "%s %s", q, s->exact.label);
	tui_line_set(&s->amount, buf);
	snprintf(s->exact_text, sizeof s->exact_text, "%s", s->amount.buf);
	s->amount_fresh = false;
	amount_preview(s, env);
}


/* Typing: the first character replaces the prefilled amount. */
static unsigned
amount_type(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)cmd;
	if (k.key == TK_CHAR && s->amount_fresh)
		tui_line_set(&s->amount, "");
	if (!tui_line_edit(&s->amount, k))
		return 0;
	s->amount_fresh = false;
	s->cycle_valid = false;
	amount_preview(s, env);
	return TUI_REDRAW;
}

/* Tab, Shift-Tab: the same amount in the next or previous unit. */
static unsigned
amount_unit(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)cmd;
	amount_cycle(s, env, k.key == TK_BTAB ? -1 : 1);
	return TUI_REDRAW;
}

/* Enter: log the amount, or change the entry to it. */
static unsigned
amount_enter(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	struct amount a;
	struct diag d;

	(void)env;
	(void)k;
	if (prompt_amount(s, &a, &d) != 0) {
		tui_status(s, true, "%s", d.msg);
		return TUI_REDRAW;
	}
	if (s->recipe.active && s->edit_id == 0) {
		tui_recipe_add(s, s->food, &a);
		return TUI_REDRAW;
	}
	cmd->type = s->edit_id != 0 ? TUI_CMD_EDIT : TUI_CMD_ADD;
	cmd->food = s->food;
	cmd->amount = a;
	cmd->id = s->edit_id;
	cmd->day = s->day;
	cmd->from_prompt = true;
	s->screen = TUI_SCREEN_DAY;
	return TUI_REDRAW | TUI_CMD;
}

/* Esc: back one step, to the picker for an add, the day for a change. */
static unsigned
amount_back(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	(void)env;
	(void)k;
	(void)cmd;
	s->screen = s->edit_id != 0 ? TUI_SCREEN_DAY : TUI_SCREEN_PICK;
	return TUI_REDRAW;
}

static const struct tui_binding rows[] = {
	{ "1  1/2  1 1/2  ½  2 slice  30g", "the amount", "type an amount",
	    2, amount_type, { TUI_TEXT } },
	{ "Backspace  Ctrl-U  Ctrl-W", "edit", NULL, 0, amount_type,
	    { TUI_KEY(TK_BACKSPACE), TUI_KEY(TK_CTRL_U), TUI_KEY(TK_CTRL_W) } },
	{ "Tab  Shift-Tab", "next or previous unit (servings, then grams)",
	    "Tab unit", 3, amount_unit,
	    { TUI_KEY(TK_TAB), TUI_KEY(TK_BTAB) } },
	{ "Enter", "log it", "Enter log", 0, amount_enter,
	    { TUI_KEY(TK_ENTER) } },
	{ "Esc", "back to the picker", "Esc back", 1, amount_back,
	    { TUI_KEY(TK_ESC) } },
};

/* Other keys are not typed: they do nothing. */
const struct tui_keymap tui_amount_keymap = {
	"In the amount prompt:", TUI_SCREEN_AMOUNT, rows, ARRAY_LEN(rows),
	NULL
};
