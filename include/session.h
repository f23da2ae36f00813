/* SPDX-License-Identifier: ISC */
/*
 * A session: what every command and the full screen need, opened once —
 * the paths (XDG), the config, the catalogue (the built-in table, the
 * user's files, the record of files that loaded cleanly), the clock and
 * the diary.
 */
#ifndef K2_SESSION_H
#define K2_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "config.h"
#include "diag.h"
#include "entry.h"
#include "gauge.h"

struct diary;

/* Where the session's files are, as the command line or environment said. */
struct session_args {
	const char	*foods;		/* --foods or K2DIARY_FOODS: used alone */
	const char	*db;		/* --db or K2DIARY_DB */
	const char	*config;	/* --config */
	const char	*date;		/* --date DAY, or NULL for today */
};

struct session {
	struct session_args args;
	struct config	 cf;
	struct catalogue cat;
	bool		 cat_loaded;
	/*
	 * Errors in the user's foods.yaml and my-foods.yaml, one a line, or
	 * NULL: their broken foods were skipped and the rest loaded (DESIGN
	 * §3b).
	 */
	char		*cat_problems;
	size_t		 cat_n_problems;
	/* Where they are: "your foods.yaml", "my-foods.yaml" or both. */
	const char	*cat_problems_in;
	int64_t		 now;		/* the clock, read once */
	long		 today;
	long		 day;		/* --date, or today */
	char		*db_path;
	struct diary	*diary;
};

enum session_load {
	SESSION_LOAD_NOTHING,	/* defaults only (check FILE) */
	SESSION_LOAD_ALL,	/* config and catalogue */
	SESSION_LOAD_LATER	/* config; the catalogue when it may wait */
};

/*
 * Open a session: the config, the catalogue, the clock and --date. With
 * SESSION_LOAD_LATER the catalogue is left for session_load_catalogue
 * when it may wait (the built-in one, or a file that loaded cleanly before
 * with the same size and time). Returns 0; -1 with the config's or a
 * --foods file's errors printed (the screen is not up yet); -2 for a bad
 * DAY (a usage error, printed). Close it either way.
 */
int session_open(struct session *, const struct session_args *,
    enum session_load);
/*
 * Load a catalogue left for later; 0, or -1 with the messages in *errors
 * (caller frees; NULL when there are none).
 */
int session_load_catalogue(struct session *, char **errors);
/*
 * Load the catalogue again (after an own food was saved): every pointer
 * into the old one is stale. As session_load_catalogue.
 */
int session_reload_catalogue(struct session *, char **errors);
/* Print what was wrong with the user's food files (nothing when none). */
void session_print_problems(const struct session *);
/*
 * Open the diary, creating it unless existing (then a missing diary is
 * "no diary at PATH"); -1 with the reason in d.
 */
int session_open_diary(struct session *, bool existing, struct diag *d);
/* The entries of the week holding day and its gauge; -1 with d. */
int session_week(struct session *, long day, struct entry_list *l,
    struct gauge *g, struct diag *d);
/* Close the diary and free what the session loaded. */
void session_close(struct session *);

#endif
