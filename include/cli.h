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

/* At most this many --serving options. */
#define CLI_SERVINGS_MAX 16

/* What --per-100g or --per-serving said of the KEY=VALUE arguments. */
enum cli_per {
	CLI_PER_NONE,
	CLI_PER_100G,
	CLI_PER_SERVING
};

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
	/* k2diary food new|edit (cmd_food.c) */
	const char	*name;		/* --name NAME */
	const char	*servings[CLI_SERVINGS_MAX];	/* --serving, in order */
	int		 nservings;
	enum cli_per	 per;		/* --per-100g or --per-serving */
	const char	*replace;	/* --replace ID */
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
/*
 * k2diary food new|edit ID|rm ID: the program's own foods, my-foods.yaml
 * (DESIGN §3b), in src/cmd_food.c.
 */
int cmd_food(struct cli_ctx *);
/* k2diary quick NAME KEY=VALUE...: a one-off entry (src/cmd_food.c). */
int cmd_quick(struct cli_ctx *);

#endif
