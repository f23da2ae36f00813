/* SPDX-License-Identifier: ISC */
/*
 * The command line: one table of options and one of commands. The parser,
 * the per-command option check, the dispatch and --help are all read from
 * them, so a command or an option is added in one place.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "session.h"
#include "text.h"
#include "util.h"

/* Options that belong to some commands only (the others go with any). */
enum {
	OPTB_DATE = 1 << 0,
	OPTB_JSON = 1 << 1,
	OPTB_FORMAT = 1 << 2,
	OPTB_FROM = 1 << 3,
	OPTB_TO = 1 << 4,
	OPTB_NO_COLOR = 1 << 5,
	OPTB_NAME = 1 << 6,
	OPTB_SERVING = 1 << 7,
	OPTB_PER_100G = 1 << 8,
	OPTB_PER_SERVING = 1 << 9,
	OPTB_REPLACE = 1 << 10,
	OPTB_FOOD = OPTB_NAME | OPTB_SERVING | OPTB_PER_100G |
	    OPTB_PER_SERVING | OPTB_REPLACE
};

enum opt_id {
	OPT_FOODS, OPT_DB, OPT_CONFIG, OPT_DATE, OPT_JSON, OPT_FORMAT,
	OPT_FROM, OPT_TO, OPT_NO_COLOR, OPT_NAME, OPT_SERVING, OPT_PER_100G,
	OPT_PER_SERVING, OPT_REPLACE, OPT_HELP, OPT_VERSION, OPT_COUNT
};

struct cli_option {
	char		 letter;	/* the short option, or 0 */
	const char	*name;		/* the long option */
	const char	*arg;		/* its value's name, or NULL: a flag */
	const char	*help;
	unsigned	 only;		/* OPTB_*: for some commands only */
};

static const struct cli_option options[OPT_COUNT] = {
	[OPT_FOODS] = { 'f', "foods", "FILE",
	    "use this catalogue alone (also K2DIARY_FOODS)", 0 },
	[OPT_DB] = { 'd', "db", "FILE",
	    "the diary database (also K2DIARY_DB)", 0 },
	[OPT_CONFIG] = { 'c', "config", "FILE", "the config file", 0 },
	[OPT_DATE] = { 'D', "date", "DAY",
	    "the day: YYYY-MM-DD, today, yesterday or -N", OPTB_DATE },
	[OPT_JSON] = { 0, "json", NULL, "JSON output (list, week, suggest)",
	    OPTB_JSON },
	[OPT_FORMAT] = { 0, "format", "FMT", "csv or json (export)",
	    OPTB_FORMAT },
	[OPT_FROM] = { 0, "from", "DAY", "first day to export", OPTB_FROM },
	[OPT_TO] = { 0, "to", "DAY", "last day to export", OPTB_TO },
	[OPT_NO_COLOR] = { 0, "no-color", NULL,
	    "no colour on the screen (also NO_COLOR)", OPTB_NO_COLOR },
	[OPT_NAME] = { 0, "name", "NAME",
	    "the food's name (food new, food edit)", OPTB_NAME },
	[OPT_SERVING] = { 0, "serving", "LABEL=GRAMS",
	    "a serving, the first the default (food)", OPTB_SERVING },
	[OPT_PER_100G] = { 0, "per-100g", NULL,
	    "the KEY=VALUE arguments are per 100 g (food)", OPTB_PER_100G },
	[OPT_PER_SERVING] = { 0, "per-serving", NULL,
	    "... per default serving (food)", OPTB_PER_SERVING },
	[OPT_REPLACE] = { 0, "replace", "ID",
	    "the own food takes this id, replacing that food", OPTB_REPLACE },
	[OPT_HELP] = { 'h', "help", NULL, "this help", 0 },
	[OPT_VERSION] = { 'V', "version", NULL, "the version", 0 },
};

/*
 * The commands. load is what the session loads first; with_args is what
 * it loads when the command has arguments (check FILE needs nothing).
 */
static const struct cli_command commands[] = {
	{ "add", "FOOD [AMOUNT]",
	    "log a food (AMOUNT: 1, 1/2, 1 1/2, \"2 slice\", 30g)",
	    OPTB_DATE, SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_add },
	{ "list", "", "the day's entries, with their ids",
	    OPTB_DATE | OPTB_JSON, SESSION_LOAD_ALL, SESSION_LOAD_ALL,
	    cmd_list },
	{ "rm", "ID", "remove an entry", 0, SESSION_LOAD_ALL,
	    SESSION_LOAD_ALL, cmd_rm },
	{ "edit", "ID AMOUNT", "change an entry's amount", 0,
	    SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_edit },
	{ "week", "", "the weekly gauge and warnings",
	    OPTB_DATE | OPTB_JSON, SESSION_LOAD_ALL, SESSION_LOAD_ALL,
	    cmd_week },
	{ "export", "", "every entry, as CSV or JSON",
	    OPTB_FORMAT | OPTB_FROM | OPTB_TO, SESSION_LOAD_ALL,
	    SESSION_LOAD_ALL, cmd_export },
	{ "import", "FILE.csv", "add the entries of an export (all or "
	    "nothing)", 0, SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_import },
	{ "backup", "FILE", "write a consistent copy of the diary to FILE",
	    0, SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_backup },
	{ "restore", "FILE", "replace the diary with a backup FILE", 0,
	    SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_restore },
	{ "foods", "[QUERY]", "the catalogue, with K2 per serving and flags",
	    0, SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_foods },
	{ "check", "[FILE]", "validate a catalogue (default: the one in use)",
	    0, SESSION_LOAD_ALL, SESSION_LOAD_NOTHING, cmd_check },
	{ "suggest", "", "K2-rich foods that fit what is left of the limits",
	    OPTB_DATE | OPTB_JSON, SESSION_LOAD_ALL, SESSION_LOAD_ALL,
	    cmd_suggest },
	{ "food", "new|edit ID|rm ID",
	    "your own foods (my-foods.yaml): new takes --name NAME,\n"
	    "--serving LABEL=GRAMS..., --per-100g or --per-serving,\n"
	    "then KEY=VALUE... (sodium_mg=819); edit ID changes what\n"
	    "is given (another food is copied to my_ID); rm ID removes",
	    OPTB_FOOD, SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_food },
	{ "quick", "NAME KEY=VALUE...",
	    "log a one-off entry (sodium_mg=1800 grams=350)", OPTB_DATE,
	    SESSION_LOAD_ALL, SESSION_LOAD_ALL, cmd_quick },
};

/* What the full screen takes. */
static const unsigned screen_options = OPTB_DATE | OPTB_NO_COLOR;

const struct cli_command *
cli_commands(size_t *n)
{
	*n = ARRAY_LEN(commands);
	return commands;
}

static const struct cli_command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Print lines of text, every line after the first indented by indent. */
static void
print_lines(FILE *fp, const char *text, int indent)
{
	const char *nl;

	while ((nl = strchr(text, '\n')) != NULL) {
		fprintf(fp, "%.*s\n%*s", (int)(nl - text), text, indent, "");
		text = nl + 1;
	}
	fprintf(fp, "%s\n", text);
}

/* "  head  help", the help on a line of its own when head is long. */
static void
print_item(FILE *fp, const char *head, const char *help)
{
	if (strlen(head) > 21)
		fprintf(fp, "  %s\n%24s", head, "");
	else
		fprintf(fp, "  %-21s ", head);
	print_lines(fp, help, 24);
}

/* The help, from the two tables. */
void
cli_usage(FILE *fp)
{
	char head[64];
	size_t i;

	fputs("usage: k2diary [options] [command [arguments]]\n\n"
	    "With no command, k2diary opens the diary on the current day.\n\n"
	    "Commands:\n", fp);
	for (i = 0; i < ARRAY_LEN(commands); i++) {
		snprintf(head, sizeof head, "%s%s%s", commands[i].name,
		    commands[i].args[0] != '\0' ? " " : "", commands[i].args);
		print_item(fp, head, commands[i].help);
	}
	fputs("\nOptions:\n", fp);
	for (i = 0; i < OPT_COUNT; i++) {
		const struct cli_option *p = &options[i];
		if (p->letter != 0)
			snprintf(head, sizeof head, "-%c, ", p->letter);
		else
			snprintf(head, sizeof head, "    ");
		snprintf(head + 4, sizeof head - 4, "--%s%s%s", p->name,
		    p->arg != NULL ? " " : "", p->arg != NULL ? p->arg : "");
		print_item(fp, head, p->help);
	}
	fputs("\nSee k2diary(1) for the files, the rules and examples.\n", fp);
}

/* A usage error when an option was given to a command it does not fit. */
static int
check_options(const struct cli_opts *o, unsigned seen, struct diag *d)
{
	const struct cli_command *c = o->command != NULL ?
	    find_command(o->command) : NULL;
	unsigned allowed = c != NULL ? c->options : screen_options;
	size_t i;

	for (i = 0; i < OPT_COUNT; i++) {
		if (!(seen & ~allowed & options[i].only))
			continue;
		if (o->command == NULL)
			diag_set(d, NULL, 0, 0, "option --%s goes with a "
			    "command, not the full screen", options[i].name);
		else
			diag_set(d, NULL, 0, 0, "option --%s does not go with "
			    "'%s'", options[i].name, o->command);
		return -1;
	}
	return 0;
}

/* Apply one option; -1 with a usage error in d. */
static int
set_option(struct cli_opts *o, enum opt_id id, char *arg, struct diag *d)
{
	enum cli_per per;

	switch (id) {
	case OPT_FOODS: o->foods = arg; break;
	case OPT_DB: o->db = arg; break;
	case OPT_CONFIG: o->config = arg; break;
	case OPT_DATE: o->date = arg; break;
	case OPT_JSON: o->json = true; break;
	case OPT_FORMAT: o->format = arg; break;
	case OPT_FROM: o->from = arg; break;
	case OPT_TO: o->to = arg; break;
	case OPT_NO_COLOR: o->no_color = true; break;
	case OPT_NAME: o->name = arg; break;
	case OPT_REPLACE: o->replace = arg; break;
	case OPT_HELP: o->help = true; break;
	case OPT_VERSION: o->version = true; break;
	case OPT_SERVING:
		if (o->nservings == CLI_SERVINGS_MAX) {
			diag_set(d, NULL, 0, 0, "at most %d --serving",
			    CLI_SERVINGS_MAX);
			return -1;
		}
		o->servings[o->nservings++] = arg;
		break;
	case OPT_PER_100G:
	case OPT_PER_SERVING:
		/* KEY=VALUE pairs follow as plain arguments. */
		per = id == OPT_PER_100G ? CLI_PER_100G : CLI_PER_SERVING;
		if (o->per != CLI_PER_NONE && o->per != per) {
			diag_set(d, NULL, 0, 0, "give --per-100g or "
			    "--per-serving, not both");
			return -1;
		}
		o->per = per;
		break;
	case OPT_COUNT:
		break;
	}
	return 0;
}

/* The getopt tables, from the option table: long values are 256 + id. */
static void
getopt_tables(struct option *longopts, char *shortopts)
{
	size_t i, k = 0;

	shortopts[k++] = ':';
	for (i = 0; i < OPT_COUNT; i++) {
		longopts[i].name = options[i].name;
		longopts[i].has_arg = options[i].arg != NULL ?
		    required_argument : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = 256 + (int)i;
		if (options[i].letter == 0)
			continue;
		shortopts[k++] = options[i].letter;
		if (options[i].arg != NULL)
			shortopts[k++] = ':';
	}
	shortopts[k] = '\0';
	memset(&longopts[OPT_COUNT], 0, sizeof longopts[OPT_COUNT]);
}

/* The option a getopt value names, or -1. */
static int
option_id(int c)
{
	size_t i;

	if (c >= 256 && c < 256 + OPT_COUNT)
		return c - 256;
	for (i = 0; i < OPT_COUNT; i++)
		if (options[i].letter != 0 && options[i].letter == c)
			return (int)i;
	return -1;
}

/* The usage error for a getopt failure. */
static void
getopt_error(int c, char **argv, struct diag *d)
{
	if (c == ':')
		diag_set(d, NULL, 0, 0, "option '%s' needs a value",
		    argv[optind - 1]);
	else if (optopt != 0 && optopt < 256)
		diag_set(d, NULL, 0, 0, "unknown option '-%c'", optopt);
	else
		diag_set(d, NULL, 0, 0, "unknown option '%s'",
		    argv[optind - 1]);
}

/* The checks once every option is read. */
static int
check_line(struct cli_opts *o, unsigned seen, struct diag *d)
{
	if (o->command != NULL && find_command(o->command) == NULL) {
		diag_set(d, NULL, 0, 0, "unknown command '%s'", o->command);
		return -1;
	}
	if (!o->help && !o->version && check_options(o, seen, d) != 0)
		return -1;
	if (o->format != NULL && strcmp(o->format, "csv") != 0 &&
	    strcmp(o->format, "json") != 0) {
		diag_set(d, NULL, 0, 0, "unknown format '%s': use csv or json",
		    o->format);
		return -1;
	}
	return 0;
}

/* Parse the command line. */
int
cli_parse(int argc, char **argv, struct cli_opts *o, struct diag *d)
{
	struct option longopts[OPT_COUNT + 1];
	char shortopts[2 * OPT_COUNT + 2];
	const char *env;
	unsigned seen = 0;
	int c, id, idx;

	memset(o, 0, sizeof *o);
	if ((env = getenv("K2DIARY_FOODS")) != NULL && *env != '\0')
		o->foods = env;
	if ((env = getenv("K2DIARY_DB")) != NULL && *env != '\0')
		o->db = env;
	getopt_tables(longopts, shortopts);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, &idx)) != -1) {
		if ((id = option_id(c)) < 0) {
			getopt_error(c, argv, d);
			return -1;
		}
		if (set_option(o, (enum opt_id)id, optarg, d) != 0)
			return -1;
		seen |= options[id].only;
	}
	if (optind < argc) {
		o->command = argv[optind];
		o->args = argv + optind + 1;
		o->nargs = argc - optind - 1;
	}
	return check_line(o, seen, d);
}

/* The session's paths and day, as the options gave them. */
void
cli_session_args(const struct cli_opts *o, struct session_args *a)
{
	a->foods = o->foods;
	a->db = o->db;
	a->config = o->config;
	a->date = o->date;
}

/* Run a parsed command line. */
int
cli_run(const struct cli_opts *o)
{
	const struct cli_command *c;
	struct session_args a;
	struct session x;
	int ret;

	if (o->help) {
		cli_usage(stdout);
		return EXIT_OK;
	}
	if (o->version) {
		printf("k2diary %s\n", K2_VERSION);
		return EXIT_OK;
	}
	c = find_command(o->command);
	cli_session_args(o, &a);
	ret = session_open(&x, &a, o->nargs > 0 ? c->load_with_args :
	    c->load);
	if (ret == 0)
		ret = c->run(&x, o);
	else
		ret = ret == -2 ? EXIT_USAGE : EXIT_ERROR;
	session_close(&x);
	return ret;
}
