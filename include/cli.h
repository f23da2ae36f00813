/* SPDX-License-Identifier: ISC */
/* The command line: options, and the companion commands that need no screen. */
#ifndef K2_CLI_H
#define K2_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "config.h"

struct diary;

/* Exit statuses. */
#define EXIT_OK 0
#define EXIT_ERROR 1
#define EXIT_USAGE 2

struct cli_opts {
	const char	*foods;		/* --foods or K2DIARY_FOODS */
	const char	*db;		/* --db or K2DIARY_DB */
	const char	*config;	/* --config */
	const char	*date;		/* --date DAY */
	const char	*format;	/* --format csv|json */
	const char	*from;		/* --from DAY */
	const char	*to;		/* --to DAY */
	bool		 json;
	bool		 no_color;
	bool		 help;
	bool		 version;
	const char	*command;	/* NULL: the full screen */
	char		**args;		/* the command's arguments */
	int		 nargs;
};

/*
 * Parse argv (pure but for reading K2DIARY_FOODS and K2DIARY_DB). Returns
 * 0, or -1 with a one-line message in err (a usage error).
 */
int cli_parse(int argc, char **argv, struct cli_opts *o, char *err,
    size_t errlen);
/* Everything a command (or the full screen) needs, loaded once. */
struct cli_ctx {
	const struct cli_opts *o;
	struct config	 cf;
	struct catalogue cat;
	bool		 cat_loaded;
	/*
	 * Errors in the user's own foods.yaml, one a line, or NULL: its broken
	 * foods were skipped and the rest loaded (DESIGN §3b).
	 */
	char		*cat_problems;
	size_t		 cat_n_problems;
	int64_t		 now;		/* the clock, read once */
	long		 today;
	long		 day;		/* --date, or today */
	char		*db_path;
	struct diary	*diary;
};

/* Run a parsed command line; returns the exit status. */
int cli_run(const struct cli_opts *o);
enum cli_load {
	CLI_LOAD_NOTHING,	/* defaults only (check FILE) */
	CLI_LOAD_ALL,		/* config and catalogue */
	CLI_LOAD_LATER		/* config; the catalogue when it may wait */
};

/*
 * Load the config and the catalogue, read the clock and --date. With
 * CLI_LOAD_LATER the catalogue is left for cli_load_catalogue when it is
 * the built-in one or a file that loaded cleanly before with the same
 * size and time. Returns an exit status; errors are printed. Release
 * either way.
 */
int cli_load(struct cli_ctx *, const struct cli_opts *, enum cli_load);
/*
 * Load a catalogue that cli_load left for later; 0, or -1 with the messages
 * in *errors (caller frees; NULL when there are none).
 */
int cli_load_catalogue(struct cli_ctx *, char **errors);
/* Open the diary; 0, or -1 with the error in err (printed when err is NULL). */
int cli_open_diary(struct cli_ctx *, char *err, size_t errlen);
void cli_release(struct cli_ctx *);

/*
 * The commands that live in files of their own (src/cmd_*.c); each takes a
 * loaded context and returns an exit status.
 */
/* k2diary suggest: what to eat next (DESIGN.md §4). */
int cmd_suggest(struct cli_ctx *);

#endif
