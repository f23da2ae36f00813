/* SPDX-License-Identifier: ISC */
/* The session: paths, config, catalogue and its cache, clock and diary, opened once. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "config.h"
#include "config_yaml.h"
#include "date.h"
#include "diary.h"
#include "ownfoods.h"
#include "session.h"
#include "util.h"

/* $XDG_<kind>_HOME/k2diary/<leaf>, or ~/<fallback>/k2diary/<leaf>. */
static char *
xdg_path(const char *env, const char *fallback, const char *leaf)
{
	const char *base = getenv(env), *home;

	/* The spec says a relative XDG path is invalid and must be ignored. */
	if (base != NULL && base[0] == '/')
		return xasprintf("%s/k2diary/%s", base, leaf);
	home = getenv("HOME");
	if (home == NULL || home[0] != '/')
		return NULL;
	return xasprintf("%s/%s/k2diary/%s", home, fallback, leaf);
}

static bool
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 || errno != ENOENT;
}

/*
 * The catalogue file in use besides the built-in one (--foods, or the
 * user's foods.yaml when it exists), or NULL. Caller frees.
 */
static char *
catalogue_path(const struct session *x)
{
	char *path;

	if (x->args.foods != NULL)
		return xstrdup(x->args.foods);
	path = xdg_path("XDG_CONFIG_HOME", ".config", "foods.yaml");
	if (path != NULL && !exists(path)) {
		free(path);
		path = NULL;
	}
	return path;
}

/*
 * The record of catalogue files that loaded without an error, by path,
 * size and modification time: $XDG_CACHE_HOME/k2diary/checked. A file on
 * record may be parsed after the first frame; any other is parsed before
 * the terminal is touched, so its errors print as usual.
 */
static char *
checked_path(void)
{
	return xdg_path("XDG_CACHE_HOME", ".cache", "checked");
}

static void
checked_key(const struct stat *st, const char *path, char *buf, size_t len)
{
	snprintf(buf, len, "%lld %lld %ld %s\n", (long long)st->st_size,
	    (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec, path);
}

static bool
checked(const char *path)
{
	struct stat st;
	char key[1200], *rec, *buf;
	size_t len;
	bool found = false;

	if ((rec = checked_path()) == NULL)
		return false;
	if (strlen(path) <= 1000 && stat(path, &st) == 0 &&
	    util_read_file(rec, 1u << 20, &buf, &len, NULL) == 0) {
		checked_key(&st, path, key, sizeof key);
		found = strcmp(buf, key) == 0;
		free(buf);
	}
	free(rec);
	return found;
}

/* Put a file that loaded cleanly on record (best effort: a cache). */
static void
check_record(const char *path)
{
	struct stat st;
	char key[1200], *rec, *tmp, *dir;
	FILE *fp;

	if (checked(path) || (rec = checked_path()) == NULL)
		return;
	if (stat(path, &st) != 0 || strlen(path) > 1000) {
		free(rec);
		return;
	}
	checked_key(&st, path, key, sizeof key);
	/* ~/.cache, then ~/.cache/k2diary (XDG: private to the user). */
	dir = xstrdup(rec);
	*strrchr(dir, '/') = '\0';
	*strrchr(dir, '/') = '\0';
	mkdir(dir, 0700);
	free(dir);
	dir = xstrdup(rec);
	*strrchr(dir, '/') = '\0';
	mkdir(dir, 0700);
	free(dir);
	/* Newest record only: the file never grows past one line a path. */
	tmp = xasprintf("%s.tmp", rec);
	if ((fp = fopen(tmp, "w")) != NULL) {
		fputs(key, fp);
		if (fclose(fp) == 0)
			rename(tmp, rec);
	}
	free(tmp);
	free(rec);
}

/* Mark where each food of c comes from. */
static void
set_origin(struct catalogue *c, enum food_origin origin)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		c->foods[i].origin = origin;
}

/*
 * Parse the catalogue(s) in use. --foods FILE is strict: its errors go to
 * errfp and fail the load. Otherwise the built-in catalogue, the user's
 * hand-written foods.yaml over it, and the program's my-foods.yaml over
 * both, by id (DESIGN §3b); then the recipes, which may use a food of any
 * of them. The user's files never lock the user out: their clean foods
 * load, a broken food or recipe is skipped, and the messages are kept in
 * x->cat_problems for the caller to show.
 */
static int
load_catalogue(struct session *x, FILE *errfp)
{
	struct diag_list *dl = xmalloc(sizeof *dl);
	struct catalogue user;
	char *path = catalogue_path(x), *own = NULL, *buf = NULL;
	const char *files[2];
	size_t len, i;
	unsigned in = 0;
	FILE *fp;
	int ret = 0;

	diag_list_init(dl);
	if (x->args.foods != NULL) {
		ret = catalogue_load_file(&x->cat, path, dl);
		set_origin(&x->cat, ORIGIN_OWN);
	} else {
		/* Cited and SR28 foods, their origins set by the build. */
		catalogue_load_builtin(&x->cat);
		if ((own = ownfoods_path()) != NULL && !exists(own)) {
			free(own);
			own = NULL;
		}
		files[0] = path;
		files[1] = own;
		for (i = 0; i < ARRAY_LEN(files); i++) {
			if (files[i] == NULL)
				continue;
			/* Whatever loaded cleanly is used; recipes wait. */
			catalogue_read_file(&user, files[i], dl);
			set_origin(&user, ORIGIN_OWN);
			catalogue_merge(&x->cat, &user);
		}
		catalogue_resolve_recipes(&x->cat, NULL, dl);
		if (dl->n + dl->dropped > 0) {
			for (i = 0; i < dl->n; i++)
				in |= own != NULL && dl->d[i].file != NULL &&
				    strcmp(dl->d[i].file, own) == 0 ? 2 : 1;
			/* The messages borrow the files' names: keep now. */
			if ((fp = open_memstream(&buf, &len)) == NULL)
				die("cannot keep messages: out of memory");
			diag_print(dl, fp);
			fclose(fp);
			x->cat_n_problems = dl->n + dl->dropped;
			free(x->cat_problems);
			x->cat_problems = buf;
			x->cat_problems_in = in == 2 ? "my-foods.yaml" :
			    in == 3 ? "your foods.yaml and my-foods.yaml" :
			    "your foods.yaml";
			diag_list_init(dl);
		}
	}
	if (ret != 0)
		diag_print(dl, errfp);
	else if (path != NULL && x->cat_problems == NULL)
		check_record(path);
	free(path);
	free(own);
	free(dl);
	x->cat_loaded = ret == 0;
	return ret;
}

/* Load a catalogue that session_open left for later; errors into *errors. */
int
session_load_catalogue(struct session *x, char **errors)
{
	size_t len;
	FILE *fp;
	int ret;

	*errors = NULL;
	if (x->cat_loaded)
		return 0;
	/* The screen is up: keep the messages until it is restored. */
	if ((fp = open_memstream(errors, &len)) == NULL)
		die("cannot keep messages: out of memory");
	ret = load_catalogue(x, fp);
	fclose(fp);
	return ret;
}

/*
 * Load the catalogue again, after the screen saved an own food: the
 * foods' addresses change, so the caller drops what it held of them.
 */
int
session_reload_catalogue(struct session *x, char **errors)
{
	catalogue_release(&x->cat);
	catalogue_init(&x->cat);
	free(x->cat_problems);
	x->cat_problems = NULL;
	x->cat_n_problems = 0;
	x->cat_problems_in = NULL;
	x->cat_loaded = false;
	return session_load_catalogue(x, errors);
}

/* Say what was wrong with the user's food files; the rest was loaded. */
void
session_print_problems(const struct session *x)
{
	if (x->cat_problems == NULL)
		return;
	fputs(x->cat_problems, stderr);
	fprintf(stderr, "k2diary: %zu %s in %s: what is in error is left out, "
	    "the rest is used ('k2diary check' lists them)\n",
	    x->cat_n_problems, x->cat_n_problems == 1 ? "error" : "errors",
	    x->cat_problems_in);
}

static int
load_config(struct session *x)
{
	struct diag_list *dl;
	char *path = NULL;
	const char *use = x->args.config;
	int ret = 0;

	config_defaults(&x->cf);
	if (use == NULL) {
		path = xdg_path("XDG_CONFIG_HOME", ".config", "config.yaml");
		if (path == NULL || !exists(path)) {
			free(path);
			return 0;
		}
		use = path;
	}
	dl = xmalloc(sizeof *dl);
	diag_list_init(dl);
	if (config_load_file(&x->cf, use, dl) != 0) {
		/* Before the screen: the messages go to stderr. */
		diag_print(dl, stderr);
		ret = -1;
	}
	free(dl);
	free(path);
	return ret;
}

/* Open the diary named by --db, K2DIARY_DB or the XDG default. */
int
session_open_diary(struct session *x, bool existing, struct diag *d)
{
	if (x->args.db != NULL)
		x->db_path = xstrdup(x->args.db);
	else if ((x->db_path = xdg_path("XDG_DATA_HOME", ".local/share",
	    "diary.db")) == NULL) {
		diag_set(d, NULL, 0, 0, "cannot find the diary: HOME is not "
		    "set; use --db FILE or set K2DIARY_DB");
		return -1;
	}
	x->diary = existing ? diary_open_existing(x->db_path, d) :
	    diary_open(x->db_path, d);
	return x->diary == NULL ? -1 : 0;
}

/* The week holding day: its entries and its gauge. */
int
session_week(struct session *x, long day, struct entry_list *l,
    struct gauge *g, struct diag *d)
{
	long ws = date_week_start(day, x->cf.week_start);

	entry_list_init(l);
	if (diary_range(x->diary, ws, ws + 6, l, d) != 0) {
		entry_list_release(l);
		return -1;
	}
	gauge_week(&x->cf, ws, l->v, l->n, g);
	return 0;
}

/* Open a session: config, catalogue, the clock and --date. */
int
session_open(struct session *x, const struct session_args *a,
    enum session_load what)
{
	struct diag d;
	char *path;
	bool later;

	memset(x, 0, sizeof *x);
	x->args = *a;
	catalogue_init(&x->cat);
	if (what == SESSION_LOAD_NOTHING)
		config_defaults(&x->cf);
	else if (load_config(x) != 0)
		return -1;
	if (what == SESSION_LOAD_LATER) {
		/* The built-in catalogue is known good; a file must be on record. */
		path = catalogue_path(x);
		later = path == NULL || checked(path);
		free(path);
		if (!later && load_catalogue(x, stderr) != 0)
			return -1;
	} else if (what == SESSION_LOAD_ALL) {
		if (load_catalogue(x, stderr) != 0)
			return -1;
		session_print_problems(x);
	}
	x->now = (int64_t)time(NULL);
	x->today = date_diary_day((time_t)x->now, x->cf.day_starts_min);
	x->day = x->today;
	if (a->date != NULL && date_parse_day(a->date, x->today, &x->day,
	    &d) != 0) {
		fprintf(stderr, "k2diary: %s\n", d.msg);
		return -2;
	}
	return 0;
}

/* Close the diary and free what the session loaded. */
void
session_close(struct session *x)
{
	if (x->diary != NULL)
		diary_close(x->diary);
	x->diary = NULL;
	free(x->db_path);
	x->db_path = NULL;
	free(x->cat_problems);
	x->cat_problems = NULL;
	catalogue_release(&x->cat);
}
