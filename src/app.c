/* SPDX-License-Identifier: ISC */
/* The full screen's loop: key, reducer, diary, view, draw. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "date.h"
#include "diary.h"
#include "ownfoods.h"
#include "recipe.h"
#include "search.h"
#include "tui.h"
#include "ui.h"
#include "undo.h"
#include "util.h"

#define RECENT_SCAN 60		/* entries looked at for the recent foods */
#define TICK_MS 1000		/* how often to look for other writers */

struct app {
	struct session	*x;
	struct tui_state s;
	struct tui_view	 view;
	struct undo_stack undo;		/* the changes u takes back */
	struct search_index index;
	bool		 index_ready;
	struct tui_env	 env;
	long		 data_version;
	bool		 color;
	char		 msg[600];	/* what a command did, or its error */
};

static void
view_release(struct tui_view *v)
{
	entry_list_release(&v->entries);
	entry_list_release(&v->week);
	if (v->has_last)
		entry_release(&v->last_entry);
	v->has_last = false;
	if (v->has_sug)
		suggest_release(&v->sug);
	v->has_sug = false;
}

static void
report(struct app *a, const struct diag *d)
{
	char buf[600];

	diag_format(d, buf, sizeof buf);
	snprintf(a->s.status, sizeof a->s.status, "%.250s", buf);
	a->s.status_error = true;
}

/* Rebuild the view of the state's day from the diary. */
static void
view_load(struct app *a)
{
	struct tui_view *v = &a->view;
	struct entry_list *week = &v->week, recent, prev;
	struct diag d;
	long ws = date_week_start(a->s.day, a->x->cf.week_start);
	size_t i, j;

	view_release(v);
	v->today = a->x->today;
	v->day = a->s.day;
	entry_list_init(week);
	entry_list_init(&recent);
	entry_list_init(&prev);
	if (diary_range(a->x->diary, ws, ws + 6, week, &d) != 0)
		report(a, &d);
	gauge_week(&a->x->cf, ws, week->v, week->n, &v->gauge);
	/* The day's entries, copied from the week's. */
	for (i = 0; i < week->n; i++) {
		struct entry e;
		if (week->v[i].day != a->s.day)
			continue;
		entry_copy(&e, &week->v[i]);
		entry_list_push(&v->entries, &e);
	}
	v->prev_day_entries = 0;
	if (a->s.day - 1 >= ws) {
		/* The day before is in the week already read. */
		for (i = 0; i < week->n; i++)
			v->prev_day_entries += week->v[i].day == a->s.day - 1;
	} else if (diary_range(a->x->diary, a->s.day - 1, a->s.day - 1,
	    &prev, &d) == 0)
		v->prev_day_entries = prev.n;
	/* The nine most recent distinct foods, with their last amounts. */
	v->n_recent = 0;
	if (diary_recent(a->x->diary, RECENT_SCAN, &recent, &d) != 0)
		report(a, &d);
	for (i = 0; i < recent.n && v->n_recent < TUI_RECENT; i++) {
		struct tui_recent *r = &v->recent[v->n_recent];
		/* Before the catalogue is loaded only the id is known. */
		const struct food *f = catalogue_find(&a->x->cat,
		    recent.v[i].food_id);
		if (f == NULL && a->x->cat_loaded)
			continue;
		for (j = 0; j < v->n_recent; j++)
			if (strcmp(v->recent[j].id, recent.v[i].food_id) == 0)
				break;
		if (j < v->n_recent)
			continue;
		r->food = f;
		snprintf(r->id, sizeof r->id, "%s", recent.v[i].food_id);
		entry_amount_text(&recent.v[i], r->amount, sizeof r->amount);
		entry_amount_exact(&recent.v[i], r->exact, sizeof r->exact);
		v->n_recent++;
	}
	if (recent.n > 0) {
		entry_copy(&v->last_entry, &recent.v[0]);
		v->has_last = true;
	}
	v->history_ready = false;
	v->undo_depth = a->undo.n;
	v->own_foods = a->x->args.foods == NULL;
	/* What to eat next, once the foods are in (the finder, the line). */
	if (a->x->cat_loaded) {
		suggest_compute(&a->x->cat, &a->x->cf, &v->gauge, a->s.day,
		    &v->sug);
		v->has_sug = true;
	}
	entry_list_release(&recent);
	entry_list_release(&prev);
	diary_data_version(a->x->diary, &a->data_version, &d);
}

/*
 * K2-rich servings of the last weeks: only the week view needs them, and
 * asks for them (TUI_CMD_HISTORY) when it opens or its week changes.
 */
static void
history_load(struct app *a)
{
	struct tui_view *v = &a->view;
	struct entry_list hist;
	struct diag d;
	struct gauge *g;
	long ws = date_week_start(a->s.day, a->x->cf.week_start);
	long hs = ws - 7L * (TUI_HISTORY - 1), s0;
	size_t j = 0, k, first;

	if (v->history_ready)
		return;
	entry_list_init(&hist);
	if (diary_range(a->x->diary, hs, ws + 6, &hist, &d) != 0) {
		report(a, &d);
		return;
	}
	g = xmalloc(sizeof *g);
	for (k = 0; k < TUI_HISTORY; k++) {
		s0 = hs + 7L * (long)k;
		first = j;
		while (j < hist.n && hist.v[j].day < s0 + 7)
			j++;
		gauge_week(&a->x->cf, s0, hist.v + first, j - first, g);
		v->history[k] = g->rich_servings;
		v->history_start[k] = s0;
	}
	free(g);
	entry_list_release(&hist);
	v->history_ready = true;
}

/* Give the picker how often and how recently each food was logged. */
static void
index_build(struct app *a)
{
	struct diary_usage *u;
	struct search_usage *su;
	struct diag d;
	size_t n, i;

	if (a->index_ready)
		return;
	search_index_init(&a->index, &a->x->cat);
	if (diary_usage(a->x->diary, &u, &n, &d) == 0) {
		su = xreallocarray(NULL, n + 1, sizeof *su);
		for (i = 0; i < n; i++) {
			su[i].food_id = u[i].food_id;
			su[i].count = u[i].count;
			su[i].last = u[i].last;
		}
		search_index_usage(&a->index, su, n);
		free(su);
		diary_usage_free(u, n);
	}
	a->index_ready = true;
}

static void reload(struct app *);

/* The current time, as entries record it. */
static int64_t
now(void)
{
	return (int64_t)time(NULL);
}

/* Log an amount of a food; its record removes the new entry. */
static int
run_add(struct app *a, const struct tui_cmd *c, struct tui_outcome *o,
    struct diag *d)
{
	struct undo u;
	struct entry e;
	int r;

	entry_from_food(&e, c->food, &c->amount, c->day, now());
	if ((r = diary_add(a->x->diary, &e, d)) == 0) {
		undo_of_add(&u, e.id, c->food->name, &c->amount, a->msg,
		    sizeof a->msg);
		undo_push(&a->undo, &u);
		/* Select what was just logged, so that e and d act on it. */
		o->select_id = e.id;
	}
	entry_release(&e);
	return r;
}

/* Log the quick form's one-off entry; its record removes it. */
static int
run_quick(struct app *a, const struct tui_cmd *c, struct tui_outcome *o,
    struct diag *d)
{
	enum foodform_field bad;
	struct amount am;
	struct undo u;
	struct entry e;
	int r;

	if (foodform_quick_entry(c->form, c->day, now(), &e, &bad, d) != 0)
		return -1;
	if ((r = diary_add(a->x->diary, &e, d)) == 0) {
		am.quantity = 1;
		am.label = FOODFORM_QUICK_SERVING;
		am.grams = e.grams;
		am.servings = 1;
		undo_of_add(&u, e.id, e.food_name, &am, a->msg, sizeof a->msg);
		undo_push(&a->undo, &u);
		o->select_id = e.id;
		a->s.screen = TUI_SCREEN_DAY;
	}
	entry_release(&e);
	return r;
}

/* A save of the form's food or the recipe, under my-foods.yaml's lock. */
struct save_job {
	const struct foodform *ff;
	const struct tui_recipe *rec;
	const struct catalogue *cat;	/* the catalogue in use, for new ids */
	char		*id;		/* the id it was saved under */
};

/*
 * The recipe made on the screen as a food of one "serving" (its grams, its
 * figures: the ingredients', when the catalogue loads) and its record.
 */
static int
recipe_food(const struct tui_recipe *t, struct food *f, struct recipe *r,
    struct diag *d)
{
	double y;
	size_t i;

	if (tui_recipe_yields(t, &y, d) != 0)
		return -1;
	memset(f, 0, sizeof *f);
	memset(r, 0, sizeof *r);
	f->name = xstrdup(t->name.buf);
	f->group = GROUP_OTHER;
	f->confidence = CONF_UNRATED;
	f->origin = ORIGIN_OWN;
	f->per_serving = true;
	f->servings = xcalloc(1, sizeof *f->servings);
	f->servings[0].label = xstrdup("serving");
	f->n_servings = 1;
	r->ing = xcalloc(t->n, sizeof *r->ing);
	for (i = 0; i < t->n; i++) {
		r->ing[i].food = xstrdup(t->ing[i].food);
		r->ing[i].amount = xstrdup(t->ing[i].amount);
	}
	r->n_ing = t->n;
	r->yields = y;
	r->yields_given = true;
	return 0;
}

/* Put the form's food into the own foods read again (ownfoods_change_fn). */
static int
save_change(struct catalogue *own, void *arg, struct diag *d)
{
	struct save_job *j = arg;
	enum foodform_field bad;
	struct recipe r;
	struct food f;

	if (j->rec != NULL) {
		if (recipe_food(j->rec, &f, &r, d) != 0)
			return -1;
		f.id = catalogue_new_id(f.name, own, j->cat);
		j->id = xstrdup(f.id);
		catalogue_put(own, &f, &r);
		return 0;
	}
	if (foodform_food(j->ff, &f, &bad, d) != 0)
		return -1;
	if (j->ff->id[0] != '\0') {
		if (catalogue_find(own, j->ff->id) == NULL) {
			diag_set(d, NULL, 0, 0, "'%s' is no longer in %s: "
			    "nothing saved", j->ff->id, OWNFOODS_LEAF);
			food_release(&f);
			return -1;
		}
		f.id = xstrdup(j->ff->id);
	} else
		f.id = catalogue_new_id(f.name, own, j->cat);
	j->id = xstrdup(f.id);
	catalogue_put(own, &f, NULL);
	return 0;
}

/*
 * Why a save was refused, for the status line: the first message, its
 * file named by its last part ("my-foods.yaml:5:10: unknown group ..."),
 * since the line is short and the folder is always the same.
 */
static void
save_refused(struct app *a, const struct diag_list *dl)
{
	struct diag first;
	const char *slash;

	if (dl->n == 0) {
		snprintf(a->msg, sizeof a->msg, "nothing saved");
		return;
	}
	first = dl->d[0];
	if (first.file != NULL && (slash = strrchr(first.file, '/')) != NULL)
		first.file = slash + 1;
	diag_format(&first, a->msg, sizeof a->msg);
}

/*
 * Save the form's food in my-foods.yaml (locked, read again, written whole:
 * ownfoods.c), load the foods again and open the amount prompt for it.
 */
static int
run_save_food(struct app *a, const struct tui_cmd *c, struct diag *d)
{
	struct save_job j = { c->form, c->recipe, &a->x->cat, NULL };
	struct diag_list *dl = xmalloc(sizeof *dl);
	char *path = ownfoods_path(), *errors = NULL;
	int r = -1;

	diag_list_init(dl);
	if (path == NULL)
		diag_set(d, NULL, 0, 0, "cannot find %s: HOME is not set",
		    OWNFOODS_LEAF);
	else if (ownfoods_update(path, save_change, &j, dl) != 0)
		save_refused(a, dl);
	else {
		/* Every food moves: nothing may point into the old catalogue. */
		if (a->index_ready)
			search_index_release(&a->index);
		a->index_ready = false;
		session_reload_catalogue(a->x, &errors);
		free(errors);
		index_build(a);
		view_load(a);
		snprintf(a->msg, sizeof a->msg, "saved %s (%s) in %s: now log "
		    "it", c->recipe != NULL ? c->recipe->name.buf :
		    c->form->text[FF_NAME], j.id, OWNFOODS_LEAF);
		/* (c points into the state, which the prompt now changes.) */
		a->s.recipe.active = false;
		tui_food_saved(&a->s, &a->env, j.id);
		r = 0;
	}
	free(j.id);
	free(path);
	free(dl);
	return r;
}

/* Change an entry's amount, or remove it; its record puts it back. */
static int
run_change(struct app *a, const struct tui_cmd *c, struct diag *d)
{
	struct entry before, e;
	struct undo u;
	int r;

	if ((r = diary_get(a->x->diary, c->id, &before, d)) != 0)
		return r;
	if (c->type == TUI_CMD_EDIT) {
		entry_copy(&e, &before);
		entry_rescale(&e, &c->amount);
		r = diary_update(a->x->diary, &e, d);
		entry_release(&e);
	} else
		r = diary_remove(a->x->diary, c->id, d);
	if (r == 0) {
		if (c->type == TUI_CMD_EDIT)
			undo_of_change(&u, &before, a->msg, sizeof a->msg);
		else
			undo_of_removal(&u, &before, a->msg, sizeof a->msg);
		undo_push(&a->undo, &u);
	}
	entry_release(&before);
	return r;
}

/* Copy a day's entries into another; its record removes the copies. */
static int
run_copy(struct app *a, const struct tui_cmd *c, struct tui_outcome *o,
    struct diag *d)
{
	struct entry_list l;
	struct undo u;
	int64_t *ids;
	size_t i;
	int r;

	entry_list_init(&l);
	r = diary_range(a->x->diary, c->from_day, c->from_day, &l, d);
	for (i = 0; r == 0 && i < l.n; i++) {
		l.v[i].day = c->day;
		l.v[i].logged_at = now();
	}
	if (r == 0 && (r = diary_add_many(a->x->diary, l.v, l.n, d)) == 0) {
		ids = xreallocarray(NULL, l.n + 1, sizeof *ids);
		for (i = 0; i < l.n; i++)
			ids[i] = l.v[i].id;
		undo_of_copy(&u, ids, l.n, a->msg, sizeof a->msg);
		undo_push(&a->undo, &u);
		/* Select the first copy. */
		if (l.n > 0)
			o->select_id = ids[0];
		free(ids);
	}
	entry_list_release(&l);
	return r;
}

/* Take back the last change; a record that fails stays to try again. */
static int
run_undo(struct app *a, struct diag *d)
{
	struct undo u;
	int r = 0;

	if (!undo_pop(&a->undo, &u)) {
		diag_set(d, NULL, 0, 0, "nothing to undo");
		return -1;
	}
	switch (u.type) {
	case UNDO_REMOVE_IDS:
		r = diary_remove_many(a->x->diary, u.ids, u.n_ids, d);
		break;
	case UNDO_RESTORE:
		r = diary_restore(a->x->diary, &u.entry, d);
		break;
	case UNDO_REVERT:
		r = diary_update(a->x->diary, &u.entry, d);
		break;
	}
	if (r != 0) {
		undo_push(&a->undo, &u);
		return r;
	}
	undo_done_message(&u, a->msg, sizeof a->msg);
	undo_release(&u);
	return 0;
}

/* "2099-01-01 is after today (2026-12-01): nothing logged". */
static void
future_refused(struct app *a, long day)
{
	char d1[16], d2[16];

	snprintf(a->msg, sizeof a->msg, "%s is after today (%s): nothing "
	    "logged", date_format(day, d1, sizeof d1), date_format(a->x->today,
	    d2, sizeof d2));
}

/*
 * Run one command on the diary, building the record that takes it back
 * right where it is run; tell the reducer how it went, and reload.
 */
static void
run_cmd(struct app *a, const struct tui_cmd *c)
{
	struct tui_outcome o = { false, NULL, 0 };
	struct diag d;
	int r = -1;

	a->msg[0] = '\0';
	/* As add and quick say: nothing is logged on a day after today. */
	if ((c->type == TUI_CMD_ADD || c->type == TUI_CMD_COPY_DAY ||
	    c->type == TUI_CMD_QUICK) && c->day > a->x->today) {
		future_refused(a, c->day);
		o.message = a->msg;
		tui_cmd_done(&a->s, c, &o);
		reload(a);
		return;
	}
	switch (c->type) {
	case TUI_CMD_ADD:
		r = run_add(a, c, &o, &d);
		break;
	case TUI_CMD_EDIT:
	case TUI_CMD_REMOVE:
		r = run_change(a, c, &d);
		break;
	case TUI_CMD_COPY_DAY:
		r = run_copy(a, c, &o, &d);
		break;
	case TUI_CMD_UNDO:
		r = run_undo(a, &d);
		break;
	case TUI_CMD_QUICK:
		r = run_quick(a, c, &o, &d);
		break;
	case TUI_CMD_SAVE_FOOD:
	case TUI_CMD_SAVE_RECIPE:
		r = run_save_food(a, c, &d);
		break;
	case TUI_CMD_HISTORY:
		history_load(a);
		return;
	case TUI_CMD_LOAD:
	case TUI_CMD_NONE:
		reload(a);
		return;
	}
	o.ok = r == 0;
	/* A command that failed may have worded it already. */
	if (r != 0 && a->msg[0] == '\0')
		diag_format(&d, a->msg, sizeof a->msg);
	o.message = a->msg;
	tui_cmd_done(&a->s, c, &o);
	reload(a);
}

/* Read the view again; the reducer follows, and may ask for more. */
static void
reload(struct app *a)
{
	struct tui_cmd c;

	view_load(a);
	if (tui_view_changed(&a->s, &a->env, &c) & TUI_CMD)
		run_cmd(a, &c);
}

/*
 * Follow the clock: the diary day is read again at each key and each tick,
 * so a screen left open past day_starts_at moves on to the new day.
 */
static bool
clock_check(struct app *a)
{
	long old = a->x->today;
	long today = date_diary_day(time(NULL), a->x->cf.day_starts_min);

	if (today == old)
		return false;
	a->x->today = today;
	tui_today_changed(&a->s, old, today);
	reload(a);
	return true;
}

/* See changes made by other programs (k2diary add beside the screen). */
static bool
outside_change(struct app *a)
{
	struct diag d;
	long v;

	if (diary_data_version(a->x->diary, &v, &d) != 0 ||
	    v == a->data_version)
		return false;
	reload(a);
	return true;
}

static void
draw(struct app *a)
{
	ui_size(&a->env.rows, &a->env.cols);
	ui_draw(&a->s, &a->env);
}

/*
 * The user's foods.yaml or my-foods.yaml had errors: their clean foods are
 * in, and the status line says so, the count first so that it shows at
 * any width: "my-foods.yaml (2 errors, k2diary check): 10:12: unknown
 * group 'cheeses' ...". The first message starts with its file's path.
 */
static void
show_problems(struct app *a)
{
	const char *p = a->x->cat_problems, *at, *base;
	size_t n = a->x->cat_n_problems, line;
	int blen;

	if (p == NULL)
		return;
	line = strcspn(p, "\n");
	at = strstr(p, ".yaml:");
	if (at == NULL || at >= p + line) {
		snprintf(a->s.status, sizeof a->s.status, "%s (%zu %s, "
		    "k2diary check): %.*s", a->x->cat_problems_in, n, n == 1 ?
		    "error" : "errors", (int)line, p);
	} else {
		at += strlen(".yaml");
		for (base = at; base > p && base[-1] != '/'; base--)
			;
		blen = (int)(at - base);
		at++;
		snprintf(a->s.status, sizeof a->s.status, "%.*s (%zu %s, "
		    "k2diary check): %.*s", blen, base, n, n == 1 ? "error" :
		    "errors", (int)(line - (size_t)(at - p)), at);
	}
	a->s.status_error = true;
}

/* Free the screen's state. */
static void
app_free(struct app *a)
{
	tui_release(&a->s);
	view_release(&a->view);
	undo_stack_release(&a->undo);
	if (a->index_ready)
		search_index_release(&a->index);
	free(a);
}

/* Give the terminal back as it was. */
static void
app_leave(void)
{
	ui_close();
	util_set_fatal_hook(NULL);
}

/*
 * Open the terminal, then the diary; draw the first frame, then load the
 * catalogue. Returns 0, or the exit status with the message printed.
 */
static int
app_start(struct app *a)
{
	struct session *x = a->x;
	struct diag d;
	char err[1100], *errors;

	/* The terminal first: no diary is created for a pipe or a bad TERM. */
	if (ui_open(a->color, &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return EXIT_USAGE;
	}
	util_set_fatal_hook(ui_close);
	if (session_open_diary(x, false, &d) != 0) {
		app_leave();
		diag_format(&d, err, sizeof err);
		fprintf(stderr, "%s\n", err);
		return EXIT_ERROR;
	}
	tui_init(&a->s, x->day);
	a->env.cat = &x->cat;
	a->env.index = &a->index;
	a->env.cf = &x->cf;
	a->env.view = &a->view;
	reload(a);
	draw(a);
	/*
	 * Neither the catalogue nor the picker's index is needed for the
	 * first frame: the entries carry their own nutrients.
	 */
	if (session_load_catalogue(x, &errors) != 0) {
		/* A file on record changed without a new size or time. */
		app_leave();
		fputs(errors != NULL ? errors : "", stderr);
		free(errors);
		return EXIT_ERROR;
	}
	free(errors);
	reload(a);
	show_problems(a);
	draw(a);
	index_build(a);
	return 0;
}

/* Keys, commands and frames until q or a signal. */
static void
app_loop(struct app *a)
{
	struct tui_keyev k;
	struct tui_cmd c;
	unsigned r;
	bool moved;

	for (;;) {
		k = ui_getkey(TICK_MS);
		if (ui_stop_signal() != 0)
			break;
		if (k.key == TK_NONE) {
			/* Both run: neither may hide the other's change. */
			moved = clock_check(a);
			if (outside_change(a) || moved)
				draw(a);
			continue;
		}
		clock_check(a);
		outside_change(a);
		r = tui_handle_key(&a->s, &a->env, k, &c);
		if (r & TUI_CMD)
			run_cmd(a, &c);
		if (r & TUI_QUIT)
			break;
		draw(a);
	}
}

/* Run the full screen. */
int
app_run(struct session *x, bool no_color)
{
	struct app *a = xcalloc(1, sizeof *a);
	int status, sig;

	a->x = x;
	a->color = !no_color && (getenv("NO_COLOR") == NULL ||
	    getenv("NO_COLOR")[0] == '\0');
	entry_list_init(&a->view.entries);
	entry_list_init(&a->view.week);
	undo_stack_init(&a->undo);
	if ((status = app_start(a)) != 0) {
		app_free(a);
		return status;
	}
	app_loop(a);
	app_leave();
	sig = ui_stop_signal();
	app_free(a);
	if (sig == SIGTERM || sig == SIGHUP) {
		/* Every entry is committed: die of the signal, as expected. */
		session_close(x);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return EXIT_OK;
}
