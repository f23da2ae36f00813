/* SPDX-License-Identifier: ISC */
/* The command line: options, and the companion commands that need no screen. */
#ifndef K2_CLI_H
#define K2_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "session.h"


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
 * 0, or -1 with a one-line message in d (a usage error).
 */
int cli_parse(int argc, char **argv, struct cli_opts *o, struct diag *d);

/* A command: its name, its arguments and help, and what runs it. */
struct cli_command {
	const char	*name;
	const char	*args;		/* "FOOD [AMOUNT]" */
	const char	*help;		/* lines joined by '\n' */
	unsigned	 options;	/* the command-only options it takes */
	enum session_load load;		/* what the session loads */
	enum session_load load_with_args; /* ... when it has arguments */
	int		(*run)(struct session *, const struct cli_opts *);
};

/* The command table, in the order --help lists it. */
const struct cli_command *cli_commands(size_t *n);
/* Print --help, made from the command and option tables. */
void cli_usage(FILE *);
/* The session's paths and --date, as o gave them. */
void cli_session_args(const struct cli_opts *o, struct session_args *a);
/* Run a parsed command line; returns the exit status. */
int cli_run(const struct cli_opts *o);

/*
 * The commands (src/cmd_*.c): each takes an open session and the command
 * line, and returns an exit status.
 */
int cmd_add(struct session *, const struct cli_opts *);
int cmd_list(struct session *, const struct cli_opts *);
int cmd_rm(struct session *, const struct cli_opts *);
int cmd_edit(struct session *, const struct cli_opts *);
int cmd_week(struct session *, const struct cli_opts *);
int cmd_export(struct session *, const struct cli_opts *);
int cmd_import(struct session *, const struct cli_opts *);
int cmd_backup(struct session *, const struct cli_opts *);
int cmd_restore(struct session *, const struct cli_opts *);
int cmd_foods(struct session *, const struct cli_opts *);
int cmd_check(struct session *, const struct cli_opts *);
/* k2diary suggest: what to eat next (DESIGN.md §4). */
int cmd_suggest(struct session *, const struct cli_opts *);
/* k2diary food new|edit ID|rm ID: own foods, my-foods.yaml (DESIGN §3b). */
int cmd_food(struct session *, const struct cli_opts *);
/* k2diary quick NAME KEY=VALUE...: a one-off entry. */
int cmd_quick(struct session *, const struct cli_opts *);

#endif
