/* SPDX-License-Identifier: ISC */
/* The full screen's state and its key reducer: pure, no curses. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "layout.h"
#include "rules.h"
#include "text.h"
#include "tui.h"
#include "util.h"


#define CH(c) { TK_CHAR, (c), (c) }
#define KEY(k) { (k), 0, 0 }

/* The day screen's keys: the reducer dispatches on this table, help shows it. */
static const struct tui_binding bindings[] = {
	{ "a  /", "log a food: type to find it, Enter, Enter", ACT_PICK,
	    { CH('a'), CH('/') } },
	{ "1 ... 9", "log again one of the nine most recent foods",
	    ACT_RELOG, { { TK_CHAR, '1', '9' } } },
	{ ".", "log the last entry again", ACT_REPEAT, { CH('.') } },
	{ "Y", "copy the previous day's entries into this day", ACT_COPY,
	    { CH('Y') } },
	{ "k  Up", "select the entry above", ACT_UP,
	    { CH('k'), KEY(TK_UP) } },
	{ "j  Down", "select the entry below", ACT_DOWN,
	    { CH('j'), KEY(TK_DOWN) } },
	{ "g  Home", "select the first entry", ACT_FIRST,
	    { CH('g'), KEY(TK_HOME) } },
	{ "G  End", "select the last entry", ACT_LAST,
	    { CH('G'), KEY(TK_END) } },
	{ "e  Enter", "change the amount of the selected entry", ACT_EDIT,
	    { CH('e'), KEY(TK_ENTER) } },
	{ "d  Delete", "remove the selected entry", ACT_REMOVE,
	    { CH('d'), KEY(TK_DELETE) } },
	{ "u", "undo the last add, change, removal or copy", ACT_UNDO,
	    { CH('u') } },
	{ "[  h  Left", "the day before", ACT_PREV_DAY,
	    { CH('['), CH('h'), KEY(TK_LEFT) } },
	{ "]  l  Right", "the day after", ACT_NEXT_DAY,
	    { CH(']'), CH('l'), KEY(TK_RIGHT) } },
	{ "t", "today", ACT_TODAY, { CH('t') } },
	{ "w", "the week in detail, with the last 12 weeks", ACT_WEEK,
	    { CH('w') } },
	{ "?", "this help", ACT_HELP, { CH('?') } },
	{ "Ctrl-L", "redraw the screen", ACT_REDRAW, { KEY(TK_CTRL_L) } },
	{ "q", "quit (every entry is already saved)", ACT_QUIT,
	    { CH('q') } },
};

static const char *const help_extra[] = {
	"In the food picker:",
	"  letters        filter (fuzzy; case and accents do not matter)",
	"  Up  Down       move;  PgUp  PgDn  a page",
	"  Enter          choose the food",
	"  Esc            back to the day, nothing logged",
	"In the amount prompt:",
	"  1  1/2  1 1/2  ½  2 slice  30g    the amount",
	"  Tab  Shift-Tab next or previous unit (servings, then grams)",
	"  Backspace  Ctrl-U  Ctrl-W         edit",
	"  Enter          log it;  Esc  back to the picker",
	"In a confirmation:  y  Enter  yes;   n  Esc  no",
	"In the week view:  [  ]  Left  Right  other weeks;  Esc  w  q  back",
	"Anywhere:  Ctrl-C  quit at once",
};

/* The day screen's key table. */
const struct tui_binding *
tui_bindings(size_t *n)
{
	*n = ARRAY_LEN(bindings);
	return bindings;
}

/* The other screens' keys, as lines. */
const char *const *
tui_help_extra(size_t *n)
{
	*n = ARRAY_LEN(help_extra);
	return help_extra;
}

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
}

static void
status(struct tui_state *s, bool error, const char *fmt, ...)
    K2_PRINTF(3, 4);

static void
status(struct tui_state *s, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->status, sizeof s->status, fmt, ap);
	va_end(ap);
	s->status_error = error;
}

/* Line editing. */
static void
line_set(struct tui_line *l, const char *text)
{
	snprintf(l->buf, sizeof l->buf, "%s", text);
	l->len = strlen(l->buf);
}

static bool
line_put(struct tui_line *l, uint32_t cp)
{
	char enc[4];
	size_t n;

	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xc0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xe0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		enc[0] = (char)(0xf0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	if (l->len + n >= sizeof l->buf)
		return false;
	memcpy(l->buf + l->len, enc, n);
	l->len += n;
	l->buf[l->len] = '\0';
	return true;
}

static void
line_backspace(struct tui_line *l)
{
	while (l->len > 0) {
		l->len--;
		if (((unsigned char)l->buf[l->len] & 0xc0) != 0x80)
			break;
	}
	l->buf[l->len] = '\0';
}

static void
line_kill_word(struct tui_line *l)
{
	while (l->len > 0 && l->buf[l->len - 1] == ' ')
		l->len--;
	while (l->len > 0 && l->buf[l->len - 1] != ' ')
		l->len--;
	l->buf[l->len] = '\0';
}

/* Apply an editing key; true if the line changed. */
static bool
line_edit(struct tui_line *l, struct tui_keyev k)
{
	switch (k.key) {
	case TK_CHAR:
		return line_put(l, k.ch);
	case TK_BACKSPACE:
		line_backspace(l);
		return true;
	case TK_CTRL_U:
		line_set(l, "");
		return true;
	case TK_CTRL_W:
		line_kill_word(l);
		return true;
	default:
		return false;
	}
}

/*
 * The amount the prompt stands for: the exact one while the line reads
 * what was prefilled or cycled, else the line parsed.
 */
static int
prompt_amount(const struct tui_state *s, struct amount *a, char *err,
    size_t errlen)
{
	if (s->exact_valid && strcmp(s->amount.buf, s->exact_text) == 0) {
		*a = s->exact;
		return 0;
	}
	return amount_parse(s->amount.buf, s->food, a, err, errlen);
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
	char err[256], k2[48], sf[32], na[32];

	s->preview_warn[0] = '\0';
	if (prompt_amount(s, &a, err, sizeof err) != 0) {
		snprintf(s->preview, sizeof s->preview, "%s", err);
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
	char err[256];
	size_t i;

	if (amount_parse(text, f, &a, err, sizeof err) != 0)
		return dflt;
	for (i = 0; i < f->n_servings; i++)
		if (a.label == f->servings[i].label)
			return i;
	return f->n_servings;
}

/*
 * Open the amount prompt for food f, prefilled with text as shown (replaced
 * on typing) and exact, the same amount with every digit (NULL: text is
 * exact).
 */
static void
amount_open(struct tui_state *s, const struct tui_env *env,
    const struct food *f, const char *text, const char *exact,
    int64_t edit_id)
{
	char buf[TUI_LINE_MAX], err[256];

	s->food = f;
	s->edit_id = edit_id;
	if (text == NULL) {
		snprintf(buf, sizeof buf, "1 %s", f->servings[0].label);
		text = buf;
	}
	line_set(&s->amount, text);
	s->exact_valid = amount_parse(exact != NULL ? exact : text, f,
	    &s->exact, err, sizeof err) == 0;
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
	char err[256], q[32], buf[TUI_LINE_MAX];

	if (!s->cycle_valid) {
		if (s->exact_valid && strcmp(s->amount.buf,
		    s->exact_text) == 0) {
			a = s->exact;
			s->unit = unit_index(f, a.label, s->unit);
		} else {
			s->unit = unit_of(f, s->amount.buf, s->unit);
			if (amount_parse(s->amount.buf, f, &a, err,
			    sizeof err) != 0)
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
	line_set(&s->amount, buf);
	snprintf(s->exact_text, sizeof s->exact_text, "%s", s->amount.buf);
	s->amount_fresh = false;
	amount_preview(s, env);
}

/* Refresh the picker's hits. */
void
tui_pick_refresh(struct tui_state *s, const struct tui_env *env)
{
	s->total_hits = search_run(env->index, s->query.buf, s->hits,
	    TUI_HITS, NULL);
	s->n_hits = s->total_hits < TUI_HITS ? s->total_hits : TUI_HITS;
	s->pick = 0;
	s->pick_top = 0;
}

/* A page of the picker: the foods it lists at this size. */
static size_t
page(const struct tui_env *env)
{
	return (size_t)layout_pick_rows(env->rows, env->cols);
}

/*
 * Show a screen: the week view asks for the last weeks when the view has
 * not read them (they are read by a command, never while drawing).
 */
static unsigned
show(struct tui_state *s, const struct tui_env *env, enum tui_screen to,
    struct tui_cmd *cmd)
{
	s->screen = to;
	if (to != TUI_SCREEN_WEEK || env->view->history_ready)
		return TUI_REDRAW;
	memset(cmd, 0, sizeof *cmd);
	cmd->type = TUI_CMD_HISTORY;
	return TUI_REDRAW | TUI_CMD;
}

static unsigned
pick_key(struct tui_state *s, const struct tui_env *env, struct tui_keyev k)
{
	switch (k.key) {
	case TK_ESC:
		s->screen = TUI_SCREEN_DAY;
		return TUI_REDRAW;
	case TK_ENTER:
		if (s->n_hits == 0) {
			status(s, true, "no food matches '%s'", s->query.buf);
			return TUI_REDRAW;
		}
		amount_open(s, env, &env->cat->foods[s->hits[s->pick].food],
		    NULL, NULL, 0);
		return TUI_REDRAW;
	case TK_UP:
		if (s->pick > 0)
			s->pick--;
		return TUI_REDRAW;
	case TK_DOWN:
		if (s->pick + 1 < s->n_hits)
			s->pick++;
		return TUI_REDRAW;
	case TK_PGUP:
		s->pick = s->pick > page(env) ? s->pick - page(env) : 0;
		return TUI_REDRAW;
	case TK_PGDN:
		s->pick += page(env);
		if (s->n_hits > 0 && s->pick >= s->n_hits)
			s->pick = s->n_hits - 1;
		if (s->n_hits == 0)
			s->pick = 0;
		return TUI_REDRAW;
	default:
		break;
	}
	if (line_edit(&s->query, k)) {
		tui_pick_refresh(s, env);
		return TUI_REDRAW;
	}
	return 0;
}

static unsigned
amount_key(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	struct amount a;
	char err[256];

	switch (k.key) {
	case TK_ESC:
		/* Back one step: to the picker for an add, the day for an edit. */
		s->screen = s->edit_id != 0 ? TUI_SCREEN_DAY : TUI_SCREEN_PICK;
		return TUI_REDRAW;
	case TK_TAB:
		amount_cycle(s, env, 1);
		return TUI_REDRAW;
	case TK_BTAB:
		amount_cycle(s, env, -1);
		return TUI_REDRAW;
	case TK_ENTER:
		if (prompt_amount(s, &a, err, sizeof err) != 0) {
			status(s, true, "%s", err);
			return TUI_REDRAW;
		}
		memset(cmd, 0, sizeof *cmd);
		cmd->type = s->edit_id != 0 ? TUI_CMD_EDIT : TUI_CMD_ADD;
		cmd->food = s->food;
		cmd->amount = a;
		cmd->id = s->edit_id;
		cmd->day = s->day;
		cmd->from_prompt = true;
		s->screen = TUI_SCREEN_DAY;
		return TUI_REDRAW | TUI_CMD;
	default:
		break;
	}
	if (k.key == TK_CHAR && s->amount_fresh)
		line_set(&s->amount, "");
	if (line_edit(&s->amount, k)) {
		s->amount_fresh = false;
		s->cycle_valid = false;
		amount_preview(s, env);
		return TUI_REDRAW;
	}
	return 0;
}

static unsigned
confirm_key(struct tui_state *s, struct tui_keyev k, struct tui_cmd *cmd)
{
	if (k.key == TK_ENTER || (k.key == TK_CHAR && (k.ch == 'y' ||
	    k.ch == 'Y'))) {
		*cmd = s->pending;
		memset(&s->pending, 0, sizeof s->pending);
		s->screen = TUI_SCREEN_DAY;
		return TUI_REDRAW | TUI_CMD;
	}
	if (k.key == TK_ESC || (k.key == TK_CHAR && (k.ch == 'n' ||
	    k.ch == 'N' || k.ch == 'q'))) {
		s->screen = TUI_SCREEN_DAY;
		status(s, false, "nothing changed");
		return TUI_REDRAW;
	}
	return 0;	/* a stray key leaves the question open */
}

static void
confirm_open(struct tui_state *s, enum tui_confirm what,
    const struct tui_cmd *cmd)
{
	s->confirm = what;
	s->pending = *cmd;
	s->screen = TUI_SCREEN_CONFIRM;
}

/* Say that a key does nothing on this screen. */
static void
not_a_key(struct tui_state *s, struct tui_keyev k)
{
	char name[32];

	tui_key_name(k, name, sizeof name);
	status(s, true, "%s: not a key here, ? lists them", name);
}

static unsigned
week_key(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	if (k.key == TK_ESC || (k.key == TK_CHAR && (k.ch == 'w' ||
	    k.ch == 'q'))) {
		s->screen = TUI_SCREEN_DAY;
		return TUI_REDRAW;
	}
	if (k.key == TK_CHAR && k.ch == '?') {
		s->back = TUI_SCREEN_WEEK;
		s->help_top = 0;
		s->screen = TUI_SCREEN_HELP;
		return TUI_REDRAW;
	}
	if (k.key == TK_LEFT || (k.key == TK_CHAR && (k.ch == '[' ||
	    k.ch == 'h'))) {
		s->day -= 7;
	} else if (k.key == TK_RIGHT || (k.key == TK_CHAR && (k.ch == ']' ||
	    k.ch == 'l'))) {
		/* As on the day screen: no further than today. */
		if (s->day >= env->view->today) {
			status(s, false, "this is the current week");
			return TUI_REDRAW;
		}
		s->day = s->day + 7 > env->view->today ? env->view->today :
		    s->day + 7;
	} else {
		not_a_key(s, k);
		return TUI_REDRAW;
	}
	s->sel = s->top = 0;
	memset(cmd, 0, sizeof *cmd);
	cmd->type = TUI_CMD_LOAD;
	return TUI_REDRAW | TUI_CMD;
}

static unsigned
help_key(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	size_t nb, ne;

	tui_bindings(&nb);
	tui_help_extra(&ne);
	if (k.key == TK_DOWN || (k.key == TK_CHAR && k.ch == 'j')) {
		/* Stop when the last line reaches the top. */
		if (s->help_top + 1 < nb + 1 + ne)
			s->help_top++;
		return TUI_REDRAW;
	}
	if (k.key == TK_UP || (k.key == TK_CHAR && k.ch == 'k')) {
		if (s->help_top > 0)
			s->help_top--;
		return TUI_REDRAW;
	}
	return show(s, env, s->back, cmd);
}

static enum tui_action
find_action(struct tui_keyev k, uint32_t *ch)
{
	size_t i, j;

	for (i = 0; i < ARRAY_LEN(bindings); i++) {
		for (j = 0; j < ARRAY_LEN(bindings[i].match) &&
		    bindings[i].match[j].key != TK_NONE; j++) {
			const struct tui_match *m = &bindings[i].match[j];
			if (m->key != k.key)
				continue;
			if (k.key == TK_CHAR && (k.ch < m->lo || k.ch > m->hi))
				continue;
			*ch = k.ch;
			return bindings[i].action;
		}
	}
	return ACT_NONE;
}

static const struct entry *
selected(const struct tui_state *s, const struct tui_env *env)
{
	const struct entry_list *l = &env->view->entries;

	return s->sel < l->n ? &l->v[s->sel] : NULL;
}

/* An amount of food f as the entry e had it, exactly ("2 slice"). */
static int
entry_amount(const struct entry *e, const struct food *f, struct amount *a)
{
	char text[TUI_LINE_MAX], err[256];

	entry_amount_exact(e, text, sizeof text);
	return amount_parse(text, f, a, err, sizeof err);
}

static unsigned
day_key(struct tui_state *s, const struct tui_env *env, struct tui_keyev k,
    struct tui_cmd *cmd)
{
	const struct tui_view *v = env->view;
	const struct entry *e;
	const struct food *f;
	struct tui_cmd c;
	char day[16], text[TUI_LINE_MAX], exact[TUI_LINE_MAX];
	uint32_t ch = 0;
	size_t n = v->entries.n;

	memset(&c, 0, sizeof c);
	switch (find_action(k, &ch)) {
	case ACT_PICK:
		line_set(&s->query, "");
		tui_pick_refresh(s, env);
		s->screen = TUI_SCREEN_PICK;
		return TUI_REDRAW;
	case ACT_RELOG:
		/* Only what the again: line shows at this size (layout.c). */
		if ((size_t)(ch - '1') >= layout_recent_shown(v, env->rows,
		    env->cols)) {
			status(s, true, "no food under %c on the again: line",
			    (char)ch);
			return TUI_REDRAW;
		}
		f = v->recent[ch - '1'].food;
		if (f == NULL) {
			status(s, true, "'%s' is not in the catalogue%s",
			    v->recent[ch - '1'].id, env->cat->n == 0 ?
			    " (it is still loading)" : "");
			return TUI_REDRAW;
		}
		c.type = TUI_CMD_ADD;
		c.food = f;
		c.day = s->day;
		if (amount_parse(v->recent[ch - '1'].exact, f, &c.amount,
		    s->question, sizeof s->question) != 0)
			amount_default(f, &c.amount);
		snprintf(s->question, sizeof s->question,
		    "log %s %s again on %s %s? y/n",
		    v->recent[ch - '1'].amount, f->name,
		    date_weekday_abbr(date_weekday(s->day)),
		    date_format(s->day, day, sizeof day));
		confirm_open(s, TUI_CONFIRM_RELOG, &c);
		return TUI_REDRAW;
	case ACT_REPEAT:
		if (!v->has_last) {
			status(s, true, "nothing logged yet to repeat");
			return TUI_REDRAW;
		}
		f = catalogue_find(env->cat, v->last_entry.food_id);
		if (f == NULL || entry_amount(&v->last_entry, f, &c.amount)) {
			status(s, true, "'%s' is no longer in the catalogue",
			    v->last_entry.food_name);
			return TUI_REDRAW;
		}
		c.type = TUI_CMD_ADD;
		c.food = f;
		c.day = s->day;
		*cmd = c;
		return TUI_REDRAW | TUI_CMD;
	case ACT_COPY:
		if (v->prev_day_entries == 0) {
			status(s, true, "the day before has no entries to copy");
			return TUI_REDRAW;
		}
		c.type = TUI_CMD_COPY_DAY;
		c.day = s->day;
		c.from_day = s->day - 1;
		snprintf(s->question, sizeof s->question,
		    "copy the %zu %s of %s %s into this day? y/n",
		    v->prev_day_entries, v->prev_day_entries == 1 ? "entry" :
		    "entries", date_weekday_abbr(date_weekday(s->day - 1)),
		    date_format(s->day - 1, day, sizeof day));
		confirm_open(s, TUI_CONFIRM_COPY, &c);
		return TUI_REDRAW;
	case ACT_UP:
		if (s->sel > 0)
			s->sel--;
		return TUI_REDRAW;
	case ACT_DOWN:
		if (s->sel + 1 < n)
			s->sel++;
		return TUI_REDRAW;
	case ACT_FIRST:
		s->sel = 0;
		return TUI_REDRAW;
	case ACT_LAST:
		s->sel = n > 0 ? n - 1 : 0;
		return TUI_REDRAW;
	case ACT_EDIT:
		if ((e = selected(s, env)) == NULL) {
			status(s, true, "no entry to change: press a to log "
			    "a food");
			return TUI_REDRAW;
		}
		/* The entry's own units, from a copy the view cannot free. */
		entry_release(&s->stand_entry);
		entry_copy(&s->stand_entry, e);
		entry_edit_food(&s->stand_entry, catalogue_find(env->cat,
		    e->food_id), &s->stand_in, s->stand_sv);
		entry_amount_text(e, text, sizeof text);
		entry_amount_exact(e, exact, sizeof exact);
		amount_open(s, env, &s->stand_in, text, exact, e->id);
		return TUI_REDRAW;
	case ACT_REMOVE:
		if ((e = selected(s, env)) == NULL) {
			status(s, true, "no entry to remove");
			return TUI_REDRAW;
		}
		c.type = TUI_CMD_REMOVE;
		c.id = e->id;
		*cmd = c;
		return TUI_REDRAW | TUI_CMD;
	case ACT_UNDO:
		if (v->undo_depth == 0) {
			status(s, true, "nothing to undo");
			return TUI_REDRAW;
		}
		c.type = TUI_CMD_UNDO;
		*cmd = c;
		return TUI_REDRAW | TUI_CMD;
	case ACT_PREV_DAY:
	case ACT_NEXT_DAY:
	case ACT_TODAY:
		if (find_action(k, &ch) == ACT_PREV_DAY)
			s->day--;
		else if (find_action(k, &ch) == ACT_TODAY)
			s->day = v->today;
		else if (s->day >= v->today) {
			status(s, false, "today is the last day");
			return TUI_REDRAW;
		} else
			s->day++;
		s->sel = s->top = 0;
		c.type = TUI_CMD_LOAD;
		*cmd = c;
		return TUI_REDRAW | TUI_CMD;
	case ACT_WEEK:
		return show(s, env, TUI_SCREEN_WEEK, cmd);
	case ACT_HELP:
		s->back = TUI_SCREEN_DAY;
		s->help_top = 0;
		s->screen = TUI_SCREEN_HELP;
		return TUI_REDRAW;
	case ACT_REDRAW:
		return TUI_REDRAW;
	case ACT_QUIT:
		return TUI_QUIT;
	default:
		not_a_key(s, k);
		return TUI_REDRAW;
	}
}

/* Handle one key. */
unsigned
tui_handle_key(struct tui_state *s, const struct tui_env *env,
    struct tui_keyev k, struct tui_cmd *cmd)
{
	memset(cmd, 0, sizeof *cmd);
	if (k.key == TK_QUIT)
		return TUI_QUIT;
	if (k.key == TK_RESIZE)
		return TUI_REDRAW;
	if (k.key == TK_NONE)
		return 0;
	/* A key clears an old message, except while a question is open. */
	if (s->screen != TUI_SCREEN_CONFIRM)
		s->status[0] = '\0';
	switch (s->screen) {
	case TUI_SCREEN_DAY:
		return day_key(s, env, k, cmd);
	case TUI_SCREEN_PICK:
		return pick_key(s, env, k);
	case TUI_SCREEN_AMOUNT:
		return amount_key(s, env, k, cmd);
	case TUI_SCREEN_CONFIRM:
		return confirm_key(s, k, cmd);
	case TUI_SCREEN_WEEK:
		return week_key(s, env, k, cmd);
	case TUI_SCREEN_HELP:
		return help_key(s, env, k, cmd);
	}
	return 0;
}

/* Say how a command went. */
void
tui_cmd_done(struct tui_state *s, const struct tui_cmd *cmd,
    const struct tui_outcome *o)
{
	if (o->ok) {
		if (o->message != NULL)
			status(s, false, "%s", o->message);
		if (o->select_id != 0)
			s->select_id = o->select_id;
		return;
	}
	status(s, true, "%s", o->message != NULL ? o->message : "failed");
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
	return show(s, env, s->screen, cmd) & TUI_CMD;
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

/* Name a key for a message. */
void
tui_key_name(struct tui_keyev k, char *buf, size_t len)
{
	static const char *const names[] = {
		[TK_ENTER] = "Enter", [TK_ESC] = "Esc", [TK_TAB] = "Tab",
		[TK_BTAB] = "Shift-Tab", [TK_BACKSPACE] = "Backspace",
		[TK_DELETE] = "Delete", [TK_UP] = "Up", [TK_DOWN] = "Down",
		[TK_LEFT] = "Left", [TK_RIGHT] = "Right", [TK_HOME] = "Home",
		[TK_END] = "End", [TK_PGUP] = "PgUp", [TK_PGDN] = "PgDn",
		[TK_CTRL_U] = "Ctrl-U", [TK_CTRL_W] = "Ctrl-W",
		[TK_CTRL_L] = "Ctrl-L",
	};
	struct tui_line l;

	if (k.key == TK_CHAR) {
		memset(&l, 0, sizeof l);
		line_put(&l, k.ch);
		snprintf(buf, len, "%s", l.buf);
		text_inert(buf);
	} else if ((size_t)k.key < ARRAY_LEN(names) && names[k.key] != NULL)
		snprintf(buf, len, "%s", names[k.key]);
	else
		snprintf(buf, len, "that key");
}
