/* SPDX-License-Identifier: ISC */
/* The food form and the one-off entry's: a field a row, checked as typed. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "ui_priv.h"

/* What is said beside a field when it holds no problem. */
static const char *
field_note(const struct tui_form *fm, enum foodform_field f)
{
	bool empty = fm->ff.text[f][0] == '\0';

	switch (f) {
	case FF_NAME:
		return "";
	case FF_SERVING:
		return empty ? "like: bar 40 g" : "";
	case FF_MORE:
		return empty ? "may stay empty (slice 28 g; cup 240 g)" : "";
	case FF_PER:
		return "Left Right: serving or 100 g";
	case FF_GRAMS:
		return empty ? "unknown (the portion's weight)" : "";
	default:
		return empty ? "unknown" : "";
	}
}

/* The form's title. */
static void
title_text(const struct tui_state *s, char *buf, size_t len)
{
	const struct tui_form *fm = &s->form;
	char day[16];

	if (fm->ff.kind == FOODFORM_QUICK)
		snprintf(buf, len, " One-off entry on %s %s",
		    date_weekday_abbr(date_weekday(s->day)),
		    date_format(s->day, day, sizeof day));
	else if (fm->ff.id[0] != '\0')
		snprintf(buf, len, " Change your food %s", fm->ff.id);
	else
		snprintf(buf, len, " A new food of your own (my-foods.yaml)");
}

/* One field's row: its label and unit, the value, and its note. */
static void
field_row(WINDOW *w, int y, const struct layout_list *l,
    const struct tui_form *fm, enum foodform_field f)
{
	char label[64], value[TUI_LINE_MAX + 4];
	const char *unit = foodform_unit(f), *note;
	bool cur = f == fm->field;

	snprintf(label, sizeof label, "%s%s%s", foodform_label(f),
	    unit[0] != '\0' ? " " : "", unit);
	if (cur)
		wattron(w, A_BOLD);
	ui_put(w, y, l->label.x, l->label.w, label, false);
	if (cur)
		wattroff(w, A_BOLD);
	snprintf(value, sizeof value, "%s", cur ? fm->line.buf :
	    fm->ff.text[f]);
	wattron(w, A_UNDERLINE);
	ui_put(w, y, l->value.x, l->value.w, value, true);
	wattroff(w, A_UNDERLINE);
	if (cur) {
		/* The cursor: after the text, or the box's last cell. */
		int x = l->value.x + (int)text_width(value);
		if (x > l->value.x + l->value.w - 1)
			x = l->value.x + l->value.w - 1;
		wattron(w, A_REVERSE);
		mvwaddch(w, y, x, ' ');
		wattroff(w, A_REVERSE);
	}
	if (l->note.w <= 0)
		return;
	if (fm->msg[f][0] != '\0') {
		wattron(w, ui_attr(UI_OVER));
		ui_put(w, y, l->note.x, l->note.w, fm->msg[f], false);
		wattroff(w, ui_attr(UI_OVER));
	} else if ((note = field_note(fm, f))[0] != '\0' &&
	    (cur || strcmp(note, "unknown") == 0)) {
		wattron(w, ui_attr(UI_DIM));
		ui_put(w, y, l->note.x, l->note.w, note, false);
		wattroff(w, ui_attr(UI_DIM));
	}
}

/* The fields that fit, scrolled so the one being typed shows. */
static void
fields_draw(WINDOW *w, const struct layout_list *l, const struct tui_form *fm)
{
	enum foodform_field shown[FF_COUNT];
	size_t n = 0, cur = 0, top, i;
	int f;

	for (f = 0; f < FF_COUNT; f++) {
		if (!foodform_has(&fm->ff, f))
			continue;
		if (f == (int)fm->field)
			cur = n;
		shown[n++] = f;
	}
	top = l->list_h > 0 && cur >= (size_t)l->list_h ?
	    cur - (size_t)l->list_h + 1 : 0;
	for (i = top; i < n && i < top + (size_t)l->list_h; i++)
		field_row(w, l->list_y + (int)(i - top), l, fm, shown[i]);
}

/* The status line: the question, a message, the field's problem, hints. */
static void
form_status(WINDOW *w, const struct layout_list *l, const struct tui_state *s,
    int cols)
{
	const struct tui_form *fm = &s->form;
	const char *q = fm->ff.kind == FOODFORM_QUICK ? "Throw away this "
	    "entry? y/n" : "Throw away this food? y/n";

	if (s->screen == TUI_SCREEN_DISCARD) {
		wattron(w, A_REVERSE | A_BOLD);
		mvwhline(w, l->status_y, 0, ' ', cols);
		ui_put(w, l->status_y, 1, cols - 2, q, false);
		wattroff(w, A_REVERSE | A_BOLD);
	} else if (s->status[0] != '\0') {
		wattron(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
		ui_put(w, l->status_y, 1, cols - 2, s->status, false);
		wattroff(w, s->status_error ? ui_attr(UI_OVER) : A_BOLD);
	} else if (fm->msg[fm->field][0] != '\0') {
		/* Beside the field it may be cut: here it is whole. */
		wattron(w, ui_attr(UI_OVER));
		ui_put(w, l->status_y, 1, cols - 2, fm->msg[fm->field], false);
		wattroff(w, ui_attr(UI_OVER));
	}
	wattron(w, ui_attr(UI_DIM));
	ui_hints(w, l->hint_y, 1, cols - 2, tui_keymap_of(s->screen));
	wattroff(w, ui_attr(UI_DIM));
}

/* Draw the form (and its question when it asks to be thrown away). */
void
ui_form_draw(WINDOW *w, const struct tui_state *s, const struct tui_env *env)
{
	struct layout_list l;
	char line[256];
	int rows, cols;

	(void)env;
	getmaxyx(w, rows, cols);
	layout_form(rows, cols, &l);
	title_text(s, line, sizeof line);
	wattron(w, A_REVERSE | A_BOLD);
	mvwhline(w, l.title_y, 0, ' ', cols);
	ui_put(w, l.title_y, 0, cols, line, false);
	wattroff(w, A_REVERSE | A_BOLD);
	if (l.info_y >= 0) {
		wattron(w, ui_attr(UI_DIM));
		ui_put(w, l.info_y, 1, cols - 2, s->form.ff.kind ==
		    FOODFORM_QUICK ? "The whole portion's figures; an empty "
		    "one stays unknown, never 0." : "A label's figures, per "
		    "serving or per 100 g; an empty one stays unknown.", false);
		wattroff(w, ui_attr(UI_DIM));
	}
	fields_draw(w, &l, &s->form);
	form_status(w, &l, s, cols);
}
