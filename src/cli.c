/* SPDX-License-Identifier: ISC */
/* The command line: options, and the companion commands that need no screen. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "cli.h"
#include "config.h"
#include "config_yaml.h"
#include "csv.h"
#include "date.h"
#include "diary.h"
#include "gauge.h"
#include "ownfoods.h"
#include "record.h"
#include "search.h"
#include "text.h"
#include "util.h"

#define MAX_CANDIDATES 10


static const char usage_text[] =
"usage: k2diary [options] [command [arguments]]\n"
"\n"
"With no command, k2diary opens the diary on the current day.\n"
"\n"
"Commands:\n"
"  add FOOD [AMOUNT]     log a food (AMOUNT: 1, 1/2, 1 1/2, \"2 slice\", 30g)\n"
"  list                  the day's entries, with their ids\n"
"  rm ID                 remove an entry\n"
"  edit ID AMOUNT        change an entry's amount\n"
"  week                  the weekly gauge and warnings\n"
"  export                every entry, as CSV or JSON\n"
"  import FILE.csv       add the entries of an export (all or nothing)\n"
"  backup FILE           write a consistent copy of the diary to FILE\n"
"  restore FILE          replace the diary with a backup FILE\n"
"  foods [QUERY]         the catalogue, with K2 per serving and flags\n"
"  check [FILE]          validate a catalogue (default: the one in use)\n"
"  suggest               K2-rich foods that fit what is left of the limits\n"
"  food new              add an own food (my-foods.yaml): --name NAME,\n"
"                        --serving LABEL=GRAMS..., --per-100g or\n"
"                        --per-serving, then KEY=VALUE... (sodium_mg=819)\n"
"  food edit ID          change an own food (those options given replace);\n"
"                        another food is copied to an own one (my_ID)\n"
"  food rm ID            remove an own food\n"
"  quick NAME KEY=VALUE...  log a one-off entry (sodium_mg=1800 grams=350)\n"
"\n"
"Options:\n"
"  -f, --foods FILE      use this catalogue alone (also K2DIARY_FOODS)\n"
"  -d, --db FILE         the diary database (also K2DIARY_DB)\n"
"  -c, --config FILE     the config file\n"
"  -D, --date DAY        the day: YYYY-MM-DD, today, yesterday or -N\n"
"      --json            JSON output (list, week)\n"
"      --format FMT      csv or json (export)\n"
"      --from DAY        first day to export\n"
"      --to DAY          last day to export\n"
"      --no-color        no colour on the screen (also NO_COLOR)\n"
"      --name NAME       the food's name (food new, food edit)\n"
"      --serving LABEL=GRAMS  a serving, the first the default (food)\n"
"      --per-100g        the KEY=VALUE arguments are per 100 g (food)\n"
"      --per-serving     ... per default serving (food)\n"
"      --replace ID      the own food takes this id, replacing that food\n"
"  -h, --help            this help\n"
"  -V, --version         the version\n"
"\n"
"See k2diary(1) for the files, the rules and examples.\n";

static const char *const commands[] = {
	"add", "list", "rm", "edit", "week", "export", "import", "backup",
	"restore", "foods", "check", "suggest", "food", "quick", NULL,
};

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

static const struct {
	const char	*name;
	const char	*text;
} optb_names[] = {
	{ "-D/--date", "--date" }, { "--json", "--json" },
	{ "--format", "--format" }, { "--from", "--from" },
	{ "--to", "--to" }, { "--no-color", "--no-color" },
	{ "--name", "--name" }, { "--serving", "--serving" },
	{ "--per-100g", "--per-100g" }, { "--per-serving", "--per-serving" },
	{ "--replace", "--replace" },
};

/* Which of them each command takes; NULL is the full screen. */
static const struct {
	const char	*command;
	unsigned	 options;
} command_options[] = {
	{ NULL, OPTB_DATE | OPTB_NO_COLOR },
	{ "add", OPTB_DATE },
	{ "list", OPTB_DATE | OPTB_JSON },
	{ "week", OPTB_DATE | OPTB_JSON },
	{ "suggest", OPTB_DATE | OPTB_JSON },
	{ "export", OPTB_FORMAT | OPTB_FROM | OPTB_TO },
	{ "food", OPTB_FOOD },
	{ "quick", OPTB_DATE },
};

/* A usage error when an option was given to a command it does not fit. */
static int
check_options(const struct cli_opts *o, unsigned seen, char *err,
    size_t errlen)
{
	unsigned allowed = 0;
	size_t i;

	for (i = 0; i < ARRAY_LEN(command_options); i++)
		if (command_options[i].command == NULL ? o->command == NULL :
		    o->command != NULL &&
		    strcmp(command_options[i].command, o->command) == 0)
			allowed = command_options[i].options;
	for (i = 0; i < ARRAY_LEN(optb_names); i++) {
		if (!(seen & ~allowed & (1u << i)))
			continue;
		if (o->command == NULL)
			snprintf(err, errlen, "option %s goes with a command, "
			    "not the full screen", optb_names[i].text);
		else
			snprintf(err, errlen, "option %s does not go with "
			    "'%s'", optb_names[i].text, o->command);
		return -1;
	}
	return 0;
}

/* Parse the command line. */
int
cli_parse(int argc, char **argv, struct cli_opts *o, char *err,
    size_t errlen)
{
	enum { OPT_JSON = 256, OPT_FORMAT, OPT_FROM, OPT_TO, OPT_NO_COLOR,
	    OPT_NAME, OPT_SERVING, OPT_PER_100G, OPT_PER_SERVING,
	    OPT_REPLACE };
	static const struct option longopts[] = {
		{ "foods", required_argument, NULL, 'f' },
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "date", required_argument, NULL, 'D' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "serving", required_argument, NULL, OPT_SERVING },
		{ "per-100g", no_argument, NULL, OPT_PER_100G },
		{ "per-serving", no_argument, NULL, OPT_PER_SERVING },
		{ "replace", required_argument, NULL, OPT_REPLACE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *env;
	unsigned seen = 0;
	int c, i, idx;

	memset(o, 0, sizeof *o);
	if ((env = getenv("K2DIARY_FOODS")) != NULL && *env != '\0')
		o->foods = env;
	if ((env = getenv("K2DIARY_DB")) != NULL && *env != '\0')
		o->db = env;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:d:c:D:hV", longopts,
	    &idx)) != -1) {
		switch (c) {
		case 'f': o->foods = optarg; break;
		case 'd': o->db = optarg; break;
		case 'c': o->config = optarg; break;
		case 'D': o->date = optarg; seen |= OPTB_DATE; break;
		case OPT_JSON: o->json = true; seen |= OPTB_JSON; break;
		case OPT_FORMAT: o->format = optarg; seen |= OPTB_FORMAT; break;
		case OPT_FROM: o->from = optarg; seen |= OPTB_FROM; break;
		case OPT_TO: o->to = optarg; seen |= OPTB_TO; break;
		case OPT_NO_COLOR:
			o->no_color = true;
			seen |= OPTB_NO_COLOR;
			break;
		case OPT_NAME: o->name = optarg; seen |= OPTB_NAME; break;
		case OPT_SERVING:
			if (o->nservings == CLI_SERVINGS_MAX) {
				snprintf(err, errlen, "at most %d --serving",
				    CLI_SERVINGS_MAX);
				return -1;
			}
			o->servings[o->nservings++] = optarg;
			seen |= OPTB_SERVING;
			break;
		case OPT_PER_100G:
		case OPT_PER_SERVING:
			/* KEY=VALUE pairs follow as plain arguments. */
			if (o->per != CLI_PER_NONE && o->per != (c ==
			    OPT_PER_100G ? CLI_PER_100G : CLI_PER_SERVING)) {
				snprintf(err, errlen, "give --per-100g or "
				    "--per-serving, not both");
				return -1;
			}
			o->per = c == OPT_PER_100G ? CLI_PER_100G :
			    CLI_PER_SERVING;
			seen |= c == OPT_PER_100G ? OPTB_PER_100G :
			    OPTB_PER_SERVING;
			break;
		case OPT_REPLACE:
			o->replace = optarg;
			seen |= OPTB_REPLACE;
			break;
		case 'h': o->help = true; break;
		case 'V': o->version = true; break;
		case ':':
			snprintf(err, errlen, "option '%s' needs a value",
			    argv[optind - 1]);
			return -1;
		default:
			if (optopt != 0)
				snprintf(err, errlen, "unknown option '-%c'",
				    optopt);
			else
				snprintf(err, errlen, "unknown option '%s'",
				    argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		o->command = argv[optind];
		o->args = argv + optind + 1;
		o->nargs = argc - optind - 1;
		for (i = 0; commands[i] != NULL; i++)
			if (strcmp(commands[i], o->command) == 0)
				break;
		if (commands[i] == NULL) {
			snprintf(err, errlen, "unknown command '%s'",
			    o->command);
			return -1;
		}
	}
	if (!o->help && !o->version && check_options(o, seen, err, errlen) != 0)
		return -1;
	if (o->format != NULL && strcmp(o->format, "csv") != 0 &&
	    strcmp(o->format, "json") != 0) {
		snprintf(err, errlen, "unknown format '%s': use csv or json",
		    o->format);
		return -1;
	}
	return 0;
}

/* Print a diagnostic on its own line. */
static void
print_diag(const struct diag *d)
{
	char buf[1024];

	diag_format(d, buf, sizeof buf);
	fprintf(stderr, "%s\n", buf);
}

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
catalogue_path(const struct cli_ctx *x)
{
	char *path;

	if (x->o->foods != NULL)
		return xstrdup(x->o->foods);
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
	char key[1200], err[256], *rec, *buf;
	size_t len;
	bool found = false;

	if ((rec = checked_path()) == NULL)
		return false;
	if (strlen(path) <= 1000 && stat(path, &st) == 0 &&
	    util_read_file(rec, 1u << 20, &buf, &len, err, sizeof err) == 0) {
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
load_catalogue(struct cli_ctx *x, FILE *errfp)
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
	if (x->o->foods != NULL) {
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

/* Load a catalogue that cli_load left for later; errors into *errors. */
int
cli_load_catalogue(struct cli_ctx *x, char **errors)
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

/* Say what was wrong with the user's food files; the rest was loaded. */
static void
print_problems(const struct cli_ctx *x)
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
load_config(struct cli_ctx *x)
{
	struct diag_list *dl;
	char *path = NULL;
	const char *use = x->o->config;
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
		diag_print(dl, stderr);
		ret = -1;
	}
	free(dl);
	free(path);
	return ret;
}

/*
 * Open the diary named by --db, K2DIARY_DB or the XDG default; an existing
 * one only (nothing is created) when existing.
 */
static int
open_diary(struct cli_ctx *x, bool existing, char *err, size_t errlen)
{
	struct diag d;
	char buf[1024];

	if (x->o->db != NULL)
		x->db_path = xstrdup(x->o->db);
	else if ((x->db_path = xdg_path("XDG_DATA_HOME", ".local/share",
	    "diary.db")) == NULL) {
		diag_set(&d, NULL, 0, 0, "cannot find the diary: HOME is not "
		    "set; use --db FILE or set K2DIARY_DB");
		goto fail;
	}
	x->diary = existing ? diary_open_existing(x->db_path, &d) :
	    diary_open(x->db_path, &d);
	if (x->diary == NULL)
		goto fail;
	return 0;
fail:
	diag_format(&d, buf, sizeof buf);
	if (err != NULL)
		snprintf(err, errlen, "%s", buf);
	else
		fprintf(stderr, "%s\n", buf);
	return -1;
}

/* Open (or create) the diary. */
int
cli_open_diary(struct cli_ctx *x, char *err, size_t errlen)
{
	return open_diary(x, false, err, errlen);
}

/* Open an existing diary for a command that only reads or changes it. */
static int
open_existing(struct cli_ctx *x)
{
	return open_diary(x, true, NULL, 0);
}

static int
parse_day(struct cli_ctx *x, const char *s, long *out)
{
	char err[256];

	if (date_parse_day(s, x->today, out, err, sizeof err) != 0) {
		fprintf(stderr, "k2diary: %s\n", err);
		return -1;
	}
	return 0;
}

/* A nutrient value for a table, or "?" when unknown. */
static char *
fmt_nut(char *buf, size_t len, const struct nutrients *n, enum nutrient k)
{
	if (!nutrients_has(n, k))
		snprintf(buf, len, "?");
	else
		text_number(buf, len, n->v[k], k == NUT_SODIUM ||
		    k == NUT_KCAL || n->v[k] >= 100 ? 0 : 1);
	return buf;
}

static void
food_flags(const struct cli_ctx *x, const struct food *f, char *buf, size_t len)
{
	buf[0] = '\0';
	if (food_is_k2_rich(f, x->cf.rich_threshold_ug))
		strncat(buf, "K2-rich", len - strlen(buf) - 1);
	/* Its K2 is MK-4 alone: the longer chains are not known (SR28). */
	if (nutrients_mk4_only(&f->nut))
		strncat(buf, buf[0] ? ", MK-4 only" : "MK-4 only",
		    len - strlen(buf) - 1);
	if (food_high_sat_fat(f, x->cf.sat_fat_limit_g))
		strncat(buf, buf[0] ? ", high sat fat" : "high sat fat",
		    len - strlen(buf) - 1);
	if (food_high_sodium(f, x->cf.sodium_limit_mg))
		strncat(buf, buf[0] ? ", high sodium" : "high sodium",
		    len - strlen(buf) - 1);
}

/* Print s cut or padded to w columns (left, or right-aligned), then sep. */
static void
cell_sep(const char *s, size_t w, bool right, const char *sep)
{
	char buf[512];
	size_t sw = text_width(s);

	if (right && sw < w)
		printf("%*s", (int)(w - sw), "");
	text_fit(buf, sizeof buf, s, w, !right);
	printf("%s%s", buf, sep);
}

/* Print a padded cell: s cut or padded to w columns, then a gap. */
static void
cell(const char *s, size_t w, bool right)
{
	cell_sep(s, w, right, "  ");
}

/* "1 slice (28 g)", or "1 capsule" without a weight. */
static void
serving_text(const struct food *f, char *buf, size_t len)
{
	char g[32];

	if (f->servings[0].grams > 0)
		snprintf(buf, len, "1 %s (%s g)", f->servings[0].label,
		    amount_format_quantity(g, sizeof g, f->servings[0].grams));
	else
		snprintf(buf, len, "1 %s", f->servings[0].label);
}

static void
print_entry_line(const struct entry *e, const char *verb)
{
	char day[16], amount[64], k2[32], sf[32], na[32], name[256];

	date_format(e->day, day, sizeof day);
	entry_amount_text(e, amount, sizeof amount);
	text_inert(amount);
	text_fit(name, sizeof name, e->food_name, 60, false);
	printf("%s #%lld on %s: %s %s (K2 %s %s, sat fat %s g, sodium %s mg)\n",
	    verb, (long long)e->id, day, amount, name,
	    fmt_nut(k2, sizeof k2, &e->nut, NUT_K2), text_ug(),
	    fmt_nut(sf, sizeof sf, &e->nut, NUT_SAT_FAT),
	    fmt_nut(na, sizeof na, &e->nut, NUT_SODIUM));
}


static int
cmd_foods(struct cli_ctx *x)
{
	size_t *idx, n, i, shown, wid = 2, wname = 4, wserv = 7;
	const char *query = x->o->nargs > 0 ? x->o->args[0] : NULL;
	char k2[32], sf[32], na[32], flags[96], serv[64], name[256];
	struct nutrients one;

	if (x->o->nargs > 1) {
		fprintf(stderr, "k2diary: foods takes one QUERY (quote it "
		    "if it has spaces)\n");
		return EXIT_USAGE;
	}
	idx = xreallocarray(NULL, x->cat.n + 1, sizeof *idx);
	if (query != NULL) {
		/* The picker's search, tiers and all (DESIGN §3c). */
		struct search_index ix;
		struct search_hit *hits = xreallocarray(NULL, x->cat.n + 1,
		    sizeof *hits);
		search_index_init(&ix, &x->cat);
		n = search_run(&ix, query, hits, x->cat.n, NULL);
		for (i = 0; i < n; i++)
			idx[i] = hits[i].food;
		free(hits);
		search_index_release(&ix);
	} else {
		for (i = 0; i < x->cat.n; i++)
			idx[i] = i;
		n = x->cat.n;
	}
	if (n == 0) {
		fprintf(stderr, "k2diary: no food matches '%s'\n", query);
		free(idx);
		return EXIT_ERROR;
	}
	shown = n;
	for (i = 0; i < shown; i++) {
		const struct food *f = &x->cat.foods[idx[i]];
		serving_text(f, serv, sizeof serv);
		wid = strlen(f->id) > wid ? strlen(f->id) : wid;
		wname = text_width(f->name) > wname ? text_width(f->name) : wname;
		wserv = text_width(serv) > wserv ? text_width(serv) : wserv;
	}
	wname = wname > 40 ? 40 : wname;
	cell("id", wid, false);
	cell("name", wname, false);
	cell("serving", wserv, false);
	cell("K2 µg", 7, true);
	cell("sat fat g", 9, true);
	cell("sodium mg", 9, true);
	printf("flags\n");
	for (i = 0; i < shown; i++) {
		const struct food *f = &x->cat.foods[idx[i]];
		food_amount(f, 1.0, &one);
		serving_text(f, serv, sizeof serv);
		cell(f->id, wid, false);
		/* A long name keeps the words that matched (DESIGN §3c). */
		cell(search_fit_name(name, sizeof name, f->name, query, wname),
		    wname, false);
		cell(serv, wserv, false);
		if (nutrients_has(&one, NUT_K2))
			snprintf(k2, sizeof k2, "%.1f", one.v[NUT_K2]);
		else
			snprintf(k2, sizeof k2, "?");
		cell(k2, 7, true);
		cell(fmt_nut(sf, sizeof sf, &one, NUT_SAT_FAT), 9, true);
		cell(fmt_nut(na, sizeof na, &one, NUT_SODIUM), 9, true);
		food_flags(x, f, flags, sizeof flags);
		printf("%s\n", flags);
	}
	free(idx);
	return EXIT_OK;
}

static int
cmd_check(struct cli_ctx *x)
{
	struct catalogue c, base;
	struct diag_list *dl;
	int ret;

	if (x->o->nargs > 1) {
		fprintf(stderr, "k2diary: check takes one FILE\n");
		return EXIT_USAGE;
	}
	if (x->o->nargs == 0) {
		/* The catalogue in use was loaded (and reported) already. */
		if (x->o->foods != NULL)
			printf("%s: %zu %s, ok\n", x->o->foods, x->cat.n,
			    x->cat.n == 1 ? "food" : "foods");
		else if (x->cat_problems != NULL) {
			printf("catalogue in use: %zu %s; %zu %s in %s\n",
			    x->cat.n, x->cat.n == 1 ? "food" : "foods",
			    x->cat_n_problems, x->cat_n_problems == 1 ?
			    "error" : "errors", x->cat_problems_in);
			return EXIT_ERROR;
		} else
			printf("catalogue in use: %zu %s, ok\n", x->cat.n,
			    x->cat.n == 1 ? "food" : "foods");
		return EXIT_OK;
	}
	dl = xmalloc(sizeof *dl);
	diag_list_init(dl);
	ret = catalogue_read_file(&c, x->o->args[0], dl);
	/* Checked as a user's file: its recipes may use built-in foods. */
	catalogue_load_builtin(&base);
	if (catalogue_resolve_recipes(&c, &base, dl) != 0)
		ret = -1;
	catalogue_release(&base);
	if (ret == 0)
		printf("%s: %zu %s, ok\n", x->o->args[0], c.n,
		    c.n == 1 ? "food" : "foods");
	else
		diag_print(dl, stderr);
	catalogue_release(&c);
	free(dl);
	return ret == 0 ? EXIT_OK : EXIT_ERROR;
}

/*
 * The food a command's FOOD names (DESIGN §3c): an id, a whole name, or a
 * search whose best tier holds one food. Otherwise the best ten are
 * listed and NULL is returned.
 */
static const struct food *
resolve_food(struct cli_ctx *x, const char *q)
{
	struct search_index ix;
	struct search_hit hits[MAX_CANDIDATES];
	const struct food *f = NULL;
	size_t n, i;
	long k;

	search_index_init(&ix, &x->cat);
	k = search_resolve(&ix, q, hits, MAX_CANDIDATES, &n);
	search_index_release(&ix);
	if (k >= 0)
		return &x->cat.foods[k];
	if (n == 0) {
		fprintf(stderr, "k2diary: no food matches '%s' (see "
		    "'k2diary foods')\n", q);
		return NULL;
	}
	fprintf(stderr, "k2diary: '%s' matches %zu foods; nothing logged. "
	    "Use an id:\n", q, n);
	for (i = 0; i < n && i < MAX_CANDIDATES; i++) {
		char name[128];
		f = &x->cat.foods[hits[i].food];
		text_fit(name, sizeof name, f->name, 50, false);
		fprintf(stderr, "  %-20s %s\n", f->id, name);
	}
	if (n > MAX_CANDIDATES)
		fprintf(stderr, "  ... and %zu more\n", n - MAX_CANDIDATES);
	return NULL;
}

static int
week_of(struct cli_ctx *x, long day, struct entry_list *l, struct gauge *g)
{
	long ws = date_week_start(day, x->cf.week_start);
	struct diag d;

	entry_list_init(l);
	if (diary_range(x->diary, ws, ws + 6, l, &d) != 0) {
		print_diag(&d);
		entry_list_release(l);
		return -1;
	}
	gauge_week(&x->cf, ws, l->v, l->n, g);
	return 0;
}

/* Print the warnings of e's day that got worse from before to after. */
static void
print_new_warnings(const struct cli_ctx *x, const struct food *f,
    const struct gauge *before, const struct gauge *after, long day)
{
	const struct gauge_day *b = &before->days[day - after->week_start];
	char v1[32], v2[32];
	double v;
	size_t i;

	if (f != NULL && food_high_sat_fat(f, x->cf.sat_fat_limit_g) &&
	    food_per_serving(f, NUT_SAT_FAT, &v))
		printf("note: %s is high in saturated fat (%s g a serving, "
		    "%s%% of the daily limit)\n", f->name,
		    text_number(v1, sizeof v1, v, 1), text_number(v2,
		    sizeof v2, 100 * v / x->cf.sat_fat_limit_g, 0));
	if (f != NULL && food_high_sodium(f, x->cf.sodium_limit_mg) &&
	    food_per_serving(f, NUT_SODIUM, &v))
		printf("note: %s is high in sodium (%s mg a serving, "
		    "%s%% of the daily limit)\n", f->name,
		    text_number(v1, sizeof v1, v, 0), text_number(v2,
		    sizeof v2, 100 * v / x->cf.sodium_limit_mg, 0));
	for (i = 0; i < after->n_warnings; i++) {
		const struct gauge_warning *w = &after->warnings[i];
		enum level was;
		if (w->week) {
			was = w->nutrient == NUT_SAT_FAT ?
			    before->sat_fat_status : before->sodium_status;
		} else if (w->day == day) {
			was = w->nutrient == NUT_SAT_FAT ?
			    b->sat_fat_status : b->sodium_status;
		} else
			continue;
		if (w->level > was)
			printf("warning: %s\n", w->message);
	}
}

static int
cmd_add(struct cli_ctx *x)
{
	const struct food *f;
	struct amount a;
	struct entry e;
	struct entry_list l1, l2;
	struct gauge *before, *after;
	struct diag d;
	char err[512];
	int ret = EXIT_ERROR;

	if (x->o->nargs < 1 || x->o->nargs > 2) {
		fprintf(stderr, "k2diary: usage: k2diary add FOOD [AMOUNT] "
		    "[--date DAY]\n");
		return EXIT_USAGE;
	}
	if (x->day > x->today) {
		char d1[16], d2[16];
		fprintf(stderr, "k2diary: %s is after today (%s): nothing "
		    "logged\n", date_format(x->day, d1, sizeof d1),
		    date_format(x->today, d2, sizeof d2));
		return EXIT_ERROR;
	}
	if ((f = resolve_food(x, x->o->args[0])) == NULL)
		return EXIT_ERROR;
	if (amount_parse(x->o->nargs == 2 ? x->o->args[1] : "", f, &a, err,
	    sizeof err) != 0) {
		fprintf(stderr, "k2diary: %s\n", err);
		return EXIT_ERROR;
	}
	if (cli_open_diary(x, NULL, 0) != 0)
		return EXIT_ERROR;
	before = xmalloc(sizeof *before);
	after = xmalloc(sizeof *after);
	if (week_of(x, x->day, &l1, before) != 0)
		goto out;
	entry_from_food(&e, f, &a, x->day, x->now);
	if (diary_add(x->diary, &e, &d) != 0) {
		print_diag(&d);
		entry_release(&e);
		entry_list_release(&l1);
		goto out;
	}
	print_entry_line(&e, "logged");
	entry_release(&e);
	if (week_of(x, x->day, &l2, after) == 0) {
		print_new_warnings(x, f, before, after, x->day);
		entry_list_release(&l2);
	}
	entry_list_release(&l1);
	ret = EXIT_OK;
out:
	free(before);
	free(after);
	return ret;
}

static bool
parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	if (*s == '#')
		s++;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return false;
	*id = v;
	return true;
}

/* Report a change of entry e (r from diary_update or diary_remove). */
static int
change_done(int r, struct entry *e, const struct diag *d, const char *verb)
{
	if (r < 0)
		print_diag(d);
	else if (r == 1)
		fprintf(stderr, "k2diary: no entry #%lld\n", (long long)e->id);
	else
		print_entry_line(e, verb);
	entry_release(e);
	return r == 0 ? EXIT_OK : EXIT_ERROR;
}

static int
get_entry(struct cli_ctx *x, const char *arg, struct entry *e)
{
	int64_t id;
	struct diag d;
	int r;

	if (!parse_id(arg, &id)) {
		fprintf(stderr, "k2diary: '%s' is not an entry id (see "
		    "'k2diary list')\n", arg);
		return EXIT_USAGE;
	}
	if (open_existing(x) != 0)
		return EXIT_ERROR;
	r = diary_get(x->diary, id, e, &d);
	if (r < 0) {
		print_diag(&d);
		return EXIT_ERROR;
	}
	if (r == 1) {
		fprintf(stderr, "k2diary: no entry #%lld\n", (long long)id);
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

static int
cmd_rm(struct cli_ctx *x)
{
	struct entry e;
	struct diag d;
	int r;

	if (x->o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary rm ID\n");
		return EXIT_USAGE;
	}
	if ((r = get_entry(x, x->o->args[0], &e)) != EXIT_OK)
		return r;
	r = diary_remove(x->diary, e.id, &d);
	return change_done(r, &e, &d, "removed");
}

static int
cmd_edit(struct cli_ctx *x)
{
	struct entry e;
	struct food tmp;
	struct serving sv[ENTRY_UNITS_MAX];
	struct amount a;
	struct diag d;
	char err[512];
	int r;

	if (x->o->nargs != 2) {
		fprintf(stderr, "k2diary: usage: k2diary edit ID AMOUNT\n");
		return EXIT_USAGE;
	}
	if ((r = get_entry(x, x->o->args[0], &e)) != EXIT_OK)
		return r;
	/* The amount is read in the entry's own units (its snapshot). */
	entry_edit_food(&e, catalogue_find(&x->cat, e.food_id), &tmp, sv);
	if (amount_parse(x->o->args[1], &tmp, &a, err, sizeof err) != 0) {
		fprintf(stderr, "k2diary: %s\n", err);
		entry_release(&e);
		return EXIT_ERROR;
	}
	entry_rescale(&e, &a);
	r = diary_update(x->diary, &e, &d);
	return change_done(r, &e, &d, "changed");
}



static void
json_day(FILE *fp, long day)
{
	char buf[16];

	record_json_string(fp, date_format(day, buf, sizeof buf));
}




/*
 * A total as "k2_ug": value, "k2_known": n; the value is null when no
 * entry had it. The key of the count is the value's key without its unit.
 */
static void
json_total(FILE *fp, const char *key, const struct total *t)
{
	const char *unit = strrchr(key, '_');
	int stem = unit != NULL && strcmp(key, "kcal") != 0 ?
	    (int)(unit - key) : (int)strlen(key);
	double v;
	bool known = gauge_total_value(t, &v);

	fprintf(fp, "\"%s\": ", key);
	record_json_number(fp, known, v);
	fprintf(fp, ", \"%.*s_known\": %d", stem, key, t->known);
}

/* Say which of a day's or week's totals lack values ("" when none do). */
static void
coverage_line(char *buf, size_t len, const struct total *k2,
    const struct total *sf, const struct total *na, int entries)
{
	const struct total *t[3] = { k2, sf, na };
	static const char *const names[3] = { "K2", "sat fat", "sodium" };
	size_t i, used = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; i < 3; i++) {
		if (t[i]->known == entries)
			continue;
		w = snprintf(buf + used, len - used, "%s%s known for %d of %d "
		    "entries", used ? "; " : "", names[i], t[i]->known,
		    entries);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

static int
cmd_list(struct cli_ctx *x)
{
	struct entry_list l;
	struct gauge *g;
	const struct gauge_day *gd;
	char day[16], amount[64], k2[32], sf[32], na[32], id[24], cov[256];
	size_t i, n = 0, wname = 4, wamt = 6;

	if (x->o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary list [--date DAY] "
		    "[--json]\n");
		return EXIT_USAGE;
	}
	if (open_existing(x) != 0)
		return EXIT_ERROR;
	g = xmalloc(sizeof *g);
	if (week_of(x, x->day, &l, g) != 0) {
		free(g);
		return EXIT_ERROR;
	}
	/* The day's totals are the gauge's: one place adds them up. */
	gd = &g->days[x->day - g->week_start];
	date_format(x->day, day, sizeof day);
	if (x->o->json) {
		printf("{\"date\": \"%s\", \"entries\": [", day);
		for (i = 0; i < l.n; i++) {
			if (l.v[i].day != x->day)
				continue;
			fputs(n++ ? ",\n  " : "\n  ", stdout);
			record_json(stdout, &l.v[i]);
		}
		printf("%s], \"totals\": {\"entries\": %d, ", n ? "\n" : "",
		    gd->entries);
		json_total(stdout, "k2_ug", &gd->k2);
		fputs(", ", stdout);
		json_total(stdout, "sat_fat_g", &gd->sat_fat);
		fputs(", ", stdout);
		json_total(stdout, "sodium_mg", &gd->sodium);
		fputs(", ", stdout);
		json_total(stdout, "kcal", &gd->kcal);
		printf("}}\n");
		goto out;
	}
	printf("%s %s: %d %s\n", date_weekday_abbr(date_weekday(x->day)),
	    day, gd->entries, gd->entries == 1 ? "entry" : "entries");
	if (gd->entries == 0)
		goto out;
	for (i = 0; i < l.n; i++) {
		if (l.v[i].day != x->day)
			continue;
		entry_amount_text(&l.v[i], amount, sizeof amount);
		if (text_width(l.v[i].food_name) > wname)
			wname = text_width(l.v[i].food_name);
		if (text_width(amount) > wamt)
			wamt = text_width(amount);
	}
	wname = wname > 40 ? 40 : wname;
	cell("id", 5, true);
	cell("amount", wamt, false);
	cell("food", wname, false);
	snprintf(k2, sizeof k2, "K2 %s", text_ug());
	cell(k2, 7, true);
	cell("sat fat g", 9, true);
	printf("sodium mg\n");
	for (i = 0; i < l.n; i++) {
		const struct entry *e = &l.v[i];
		if (e->day != x->day)
			continue;
		snprintf(id, sizeof id, "#%lld", (long long)e->id);
		entry_amount_text(e, amount, sizeof amount);
		cell(id, 5, true);
		cell(amount, wamt, false);
		cell(e->food_name, wname, false);
		cell(fmt_nut(k2, sizeof k2, &e->nut, NUT_K2), 7, true);
		cell(fmt_nut(sf, sizeof sf, &e->nut, NUT_SAT_FAT), 9, true);
		printf("%9s\n", fmt_nut(na, sizeof na, &e->nut, NUT_SODIUM));
	}
	cell("", 5, true);
	cell("", wamt, false);
	cell("total", wname, false);
	cell(gauge_total_text(k2, sizeof k2, &gd->k2, gd->k2.sum >= 100 ?
	    0 : 1), 7, true);
	cell(gauge_total_text(sf, sizeof sf, &gd->sat_fat, 1), 9, true);
	printf("%9s\n", gauge_total_text(na, sizeof na, &gd->sodium, 0));
	coverage_line(cov, sizeof cov, &gd->k2, &gd->sat_fat, &gd->sodium,
	    gd->entries);
	if (cov[0] != '\0')
		printf("%s (+ partly known, ? not known)\n", cov);
out:
	entry_list_release(&l);
	free(g);
	return EXIT_OK;
}

static void
bar(char *buf, size_t width, double share)
{
	size_t i, fill;

	if (!(share > 0))
		share = 0;
	fill = (size_t)llround(share > 1 ? (double)width :
	    share * (double)width);
	buf[0] = '[';
	for (i = 0; i < width; i++)
		buf[i + 1] = i < fill ? '#' : '.';
	buf[width + 1] = ']';
	buf[width + 2] = '\0';
}

static void
week_json(const struct gauge *g)
{
	size_t i;

	printf("{\n  \"week_start\": ");
	json_day(stdout, g->week_start);
	printf(",\n  \"week_end\": ");
	json_day(stdout, g->week_end);
	printf(",\n  \"entries\": %d,\n  \"rich_servings\": ", g->entries);
	record_json_number(stdout, true, g->rich_servings);
	printf(", \"rich_servings_goal\": ");
	record_json_number(stdout, true, g->rich_servings_goal);
	printf(",\n  ");
	json_total(stdout, "k2_ug", &g->k2);
	printf(", \"k2_goal_ug\": ");
	record_json_number(stdout, true, g->k2_goal_ug);
	printf(",\n  ");
	json_total(stdout, "mk4_ug", &g->mk4);
	printf(", ");
	json_total(stdout, "mk7_ug", &g->mk7);
	printf(", ");
	json_total(stdout, "mk_other_ug", &g->mk_other);
	printf(",\n  \"chain_unknown_ug\": ");
	record_json_number(stdout, true, g->chain_unknown_ug);
	printf(", \"chain_unknown_entries\": %d, \"mk4_only_entries\": %d,\n  ",
	    g->chain_unknown_entries, g->mk4_only_entries);
	json_total(stdout, "sat_fat_g", &g->sat_fat);
	printf(", \"sat_fat_limit_g\": ");
	record_json_number(stdout, true, g->sat_fat_limit_g);
	printf(", \"sat_fat_status\": \"%s\",\n  ",
	    gauge_level_name(g->sat_fat_status));
	json_total(stdout, "sodium_mg", &g->sodium);
	printf(", \"sodium_limit_mg\": ");
	record_json_number(stdout, true, g->sodium_limit_mg);
	printf(", \"sodium_status\": \"%s\",\n  ",
	    gauge_level_name(g->sodium_status));
	json_total(stdout, "kcal", &g->kcal);
	if (g->anticoagulant) {
		printf(",\n  \"vitamin_k_daily_mean_ug\": ");
		record_json_number(stdout, true, g->vitk_mean_ug);
	}
	printf(",\n  \"days\": [");
	for (i = 0; i < 7; i++) {
		const struct gauge_day *d = &g->days[i];
		printf("%s\n    {\"date\": ", i ? "," : "");
		json_day(stdout, d->day);
		printf(", \"entries\": %d, \"rich_servings\": ", d->entries);
		record_json_number(stdout, true, d->rich_servings);
		printf(", ");
		json_total(stdout, "k2_ug", &d->k2);
		printf(", ");
		json_total(stdout, "sat_fat_g", &d->sat_fat);
		printf(", \"sat_fat_status\": \"%s\", ",
		    gauge_level_name(d->sat_fat_status));
		json_total(stdout, "sodium_mg", &d->sodium);
		printf(", \"sodium_status\": \"%s\", ",
		    gauge_level_name(d->sodium_status));
		json_total(stdout, "kcal", &d->kcal);
		if (g->anticoagulant) {
			printf(", ");
			json_total(stdout, "vitamin_k_ug", &d->vitk);
			printf(", \"vitamin_k_swing\": %s", d->vitk_swing ?
			    "true" : "false");
		}
		printf("}");
	}
	printf("\n  ],\n  \"warnings\": [");
	for (i = 0; i < g->n_warnings; i++) {
		const struct gauge_warning *w = &g->warnings[i];
		printf("%s\n    {\"nutrient\": \"%s\", \"scope\": \"%s\", ",
		    i ? "," : "", w->nutrient == NUT_SAT_FAT ? "sat_fat" :
		    "sodium", w->week ? "week" : "day");
		printf("\"date\": ");
		json_day(stdout, w->day);
		printf(", \"level\": \"%s\", \"amount\": ",
		    gauge_level_name(w->level));
		record_json_number(stdout, true, w->amount);
		printf(", \"limit\": ");
		record_json_number(stdout, true, w->limit);
		printf(", \"known\": %d, \"entries\": %d, \"message\": ",
		    w->known, w->count);
		record_json_string(stdout, w->message);
		printf("}");
	}
	printf("%s]\n}\n", g->n_warnings ? "\n  " : "");
}


/* One gauge line: "Sodium mg        3,085+ / 16,100  [#####....] unknown". */
static void
gauge_line(const char *label, const char *value, const char *goal,
    double share, const char *after)
{
	char br[40];

	bar(br, 28, share);
	cell_sep(label, 18, false, "");
	cell_sep(value, 9, true, " / ");
	cell_sep(goal, 7, false, " ");
	printf("%s %s\n", br, after);
}

/* A status and what is missing: "unknown (known for 5 of 7 entries)". */
static void
status_text(char *buf, size_t len, enum level l, const struct total *t)
{
	snprintf(buf, len, "%s", gauge_level_name(l));
	if (t->known < t->count)
		snprintf(buf + strlen(buf), len - strlen(buf),
		    " (known for %d of %d entries)", t->known, t->count);
}

static void
week_text(const struct cli_ctx *x, const struct gauge *g)
{
	char a[16], b[16], n1[32], n2[32], n3[32], n4[32], rich[32];
	char after[96], label[32];
	const char *ug = text_ug();
	bool marks = false;
	double v = 0;
	size_t i;

	date_format(g->week_start, a, sizeof a);
	date_format(g->week_end, b, sizeof b);
	printf("Week of %s %s to %s %s\n\n",
	    date_weekday_abbr(date_weekday(g->week_start)), a,
	    date_weekday_abbr(date_weekday(g->week_end)), b);
	amount_format_quantity(rich, sizeof rich, g->rich_servings);
	amount_format_quantity(n1, sizeof n1, g->rich_servings_goal);
	snprintf(after, sizeof after, "%s%%", text_number(n2, sizeof n2,
	    100 * g->rich_servings / g->rich_servings_goal, 0));
	gauge_line("K2-rich servings", rich, n1, g->rich_servings /
	    g->rich_servings_goal, after);
	snprintf(label, sizeof label, "K2 %s", ug);
	if (gauge_total_value(&g->k2, &v))
		snprintf(after, sizeof after, "%s%%", text_number(n2,
		    sizeof n2, 100 * v / g->k2_goal_ug, 0));
	else
		snprintf(after, sizeof after, "?");
	gauge_line(label, gauge_total_text(n1, sizeof n1, &g->k2, 0),
	    text_number(n2, sizeof n2, g->k2_goal_ug, 0), v / g->k2_goal_ug,
	    after);
	printf("  MK-4 %s %s, MK-7 %s %s, other chains %s %s",
	    text_number(n1, sizeof n1, g->mk4.sum, 1), ug,
	    text_number(n2, sizeof n2, g->mk7.sum, 1), ug,
	    text_number(n3, sizeof n3, g->mk_other.sum, 1), ug);
	if (g->chain_unknown_ug > 0)
		printf(", chain not known %s %s", text_number(n4, sizeof n4,
		    g->chain_unknown_ug, 1), ug);
	printf("\n  K2 known for %d of %d entries", g->k2.known, g->entries);
	if (g->chain_unknown_entries > 0)
		printf(", chain not known for %d (MK-4 only: %d)",
		    g->chain_unknown_entries, g->mk4_only_entries);
	printf("\n");
	v = 0;
	gauge_total_value(&g->sat_fat, &v);
	status_text(after, sizeof after, g->sat_fat_status, &g->sat_fat);
	gauge_line("Saturated fat g", gauge_total_text(n1, sizeof n1,
	    &g->sat_fat, 1), text_number(n2, sizeof n2, g->sat_fat_limit_g,
	    g->sat_fat_limit_g == floor(g->sat_fat_limit_g) ? 0 : 1),
	    v / g->sat_fat_limit_g, after);
	v = 0;
	gauge_total_value(&g->sodium, &v);
	status_text(after, sizeof after, g->sodium_status, &g->sodium);
	gauge_line("Sodium mg", gauge_total_text(n1, sizeof n1, &g->sodium,
	    0), text_number(n2, sizeof n2, g->sodium_limit_mg, 0),
	    v / g->sodium_limit_mg, after);
	printf("\n");
	cell("Day", 15, false);
	cell("entries", 7, true);
	cell("K2-rich", 7, true);
	cell(label, 9, true);
	cell("sat fat g", 9, true);
	cell("", 7, false);
	cell_sep("sodium mg", 9, true, "\n");
	for (i = 0; i < 7; i++) {
		const struct gauge_day *d = &g->days[i];
		snprintf(n4, sizeof n4, "%s %s%s",
		    date_weekday_abbr(date_weekday(d->day)),
		    date_format(d->day, a, sizeof a), d->day == x->day ? "*" :
		    "");
		cell(n4, 15, false);
		snprintf(n1, sizeof n1, "%d", d->entries);
		cell(n1, 7, true);
		cell(amount_format_quantity(rich, sizeof rich,
		    d->rich_servings), 7, true);
		cell(gauge_total_text(n1, sizeof n1, &d->k2, 0), 9, true);
		cell(gauge_total_text(n2, sizeof n2, &d->sat_fat, 1), 9, true);
		cell(gauge_level_name(d->sat_fat_status), 7, false);
		cell(gauge_total_text(n3, sizeof n3, &d->sodium, 0), 9, true);
		printf("%s\n", gauge_level_name(d->sodium_status));
		marks = marks || total_partial(&d->k2) ||
		    total_unknown(&d->k2) || total_partial(&d->sat_fat) ||
		    total_unknown(&d->sat_fat) || total_partial(&d->sodium) ||
		    total_unknown(&d->sodium);
		if (g->anticoagulant && d->entries > 0)
			printf("                vitamin K (K1 + K2) %s %s, "
			    "known for %d of %d entries%s\n",
			    gauge_total_text(n4, sizeof n4, &d->vitk, 0), ug,
			    d->vitk.known, d->entries, d->vitk_swing ?
			    ": differs from the week's mean by more than half"
			    : "");
	}
	printf("(* the day asked for%s)\n", marks ? "; + known for only some "
	    "entries; ? known for none" : "");
	if (g->anticoagulant)
		printf("\nOn an anticoagulant, steady vitamin K matters more "
		    "than more of it: the week's daily mean is %s %s.\n",
		    text_number(n4, sizeof n4, g->vitk_mean_ug, 0), ug);
	if (g->n_warnings > 0) {
		printf("\nWarnings\n");
		for (i = 0; i < g->n_warnings; i++)
			printf("  %s: %s\n", g->warnings[i].level == LEVEL_OVER
			    ? "OVER" : "near", g->warnings[i].message);
	}
}

static int
cmd_week(struct cli_ctx *x)
{
	struct entry_list l;
	struct gauge *g;

	if (x->o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary week [--date DAY] "
		    "[--json]\n");
		return EXIT_USAGE;
	}
	if (open_existing(x) != 0)
		return EXIT_ERROR;
	g = xmalloc(sizeof *g);
	if (week_of(x, x->day, &l, g) != 0) {
		free(g);
		return EXIT_ERROR;
	}
	if (x->o->json)
		week_json(g);
	else
		week_text(x, g);
	entry_list_release(&l);
	free(g);
	return EXIT_OK;
}


static int
cmd_export(struct cli_ctx *x)
{
	struct entry_list l;
	struct diag d;
	long from = -1000000000L, to = 1000000000L;
	bool json = x->o->format != NULL && strcmp(x->o->format, "json") == 0;
	size_t i;

	if (x->o->nargs != 0) {
		fprintf(stderr, "k2diary: usage: k2diary export [--format "
		    "csv|json] [--from DAY] [--to DAY]\n");
		return EXIT_USAGE;
	}
	if ((x->o->from != NULL && parse_day(x, x->o->from, &from) != 0) ||
	    (x->o->to != NULL && parse_day(x, x->o->to, &to) != 0))
		return EXIT_USAGE;
	if (from > to) {
		fprintf(stderr, "k2diary: --from %s is after --to %s\n",
		    x->o->from, x->o->to);
		return EXIT_USAGE;
	}
	if (open_existing(x) != 0)
		return EXIT_ERROR;
	entry_list_init(&l);
	if (diary_range(x->diary, from, to, &l, &d) != 0) {
		print_diag(&d);
		return EXIT_ERROR;
	}
	if (json) {
		printf("[");
		for (i = 0; i < l.n; i++) {
			fputs(i ? ",\n  " : "\n  ", stdout);
			record_json(stdout, &l.v[i]);
		}
		printf("%s]\n", l.n ? "\n" : "");
	} else {
		record_csv_header(stdout);
		for (i = 0; i < l.n; i++)
			record_csv_row(stdout, &l.v[i]);
	}
	entry_list_release(&l);
	return EXIT_OK;
}







/*
 * The count of units of an entry from an export made before the quantity
 * column: from the food's unit weight when it is still in the catalogue,
 * else its servings.
 */
static void
derive_quantity(const struct cli_ctx *x, struct entry *e)
{
	const struct food *f = catalogue_find(&x->cat, e->food_id);
	int i = f != NULL ? food_serving_index(f, e->serving) : -1;

	if (strcmp(e->serving, "g") == 0 && e->grams > 0)
		e->quantity = e->grams;
	else if (i >= 0 && f->servings[i].grams > 0 && e->grams > 0)
		e->quantity = e->grams / f->servings[i].grams;
	else
		e->quantity = e->servings;
}

/* Read an export's CSV into l (all rows, or nothing); errors printed. */
static int
import_rows(const struct cli_ctx *x, const char *path, const char *buf,
    size_t len, struct entry_list *l)
{
	struct csv_reader r;
	struct csv_row row;
	struct record_layout lay;
	struct entry e;
	char err[512];
	int rc;
	bool header = true;

	csv_reader_init(&r, buf, len);
	while ((rc = csv_next(&r, &row, err, sizeof err)) == 1) {
		if (header) {
			header = false;
			rc = record_csv_layout(&row, &lay);
			csv_row_release(&row);
			if (rc != 0) {
				fprintf(stderr, "%s:1: expected the header of "
				    "'k2diary export': id,day,logged_at,...\n",
				    path);
				return -1;
			}
			continue;
		}
		if (record_csv_entry(&lay, &row, &e, err, sizeof err) != 0) {
			fprintf(stderr, "%s:%u: %s; nothing imported\n", path,
			    row.line, err);
			csv_row_release(&row);
			return -1;
		}
		csv_row_release(&row);
		if (e.quantity == 0)
			derive_quantity(x, &e);
		entry_list_push(l, &e);
	}
	if (rc < 0) {
		fprintf(stderr, "%s:%u: %s; nothing imported\n", path, r.line,
		    err);
		return -1;
	}
	if (header) {
		fprintf(stderr, "%s: empty file: expected the header of "
		    "'k2diary export'\n", path);
		return -1;
	}
	return 0;
}

static int
cmd_import(struct cli_ctx *x)
{
	struct entry_list l;
	struct entry old;
	struct diag d;
	char *buf, err[512], msg[1024];
	const char *path;
	size_t len, i;
	int rc, ret = EXIT_ERROR;

	if (x->o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary import FILE.csv\n");
		return EXIT_USAGE;
	}
	path = x->o->args[0];
	if (util_read_file(path, 256u << 20, &buf, &len, err,
	    sizeof err) != 0) {
		fprintf(stderr, "%s: %s\n", path, err);
		return EXIT_ERROR;
	}
	entry_list_init(&l);
	if (import_rows(x, path, buf, len, &l) != 0)
		goto out;
	if (cli_open_diary(x, NULL, 0) != 0)
		goto out;
	/* Ids are kept: one already in the diary stops the whole import. */
	for (i = 0; i < l.n; i++) {
		rc = diary_get(x->diary, l.v[i].id, &old, &d);
		if (rc == 0) {
			entry_release(&old);
			fprintf(stderr, "%s: entry id %lld is already in the "
			    "diary; nothing imported\n", path,
			    (long long)l.v[i].id);
			goto out;
		}
		if (rc < 0)
			goto dberr;
	}
	if (diary_restore_many(x->diary, l.v, l.n, &d) != 0)
		goto dberr;
	/* A bulk write: fold the WAL now, so the next start reads no WAL. */
	if (diary_checkpoint(x->diary, &d) != 0)
		print_diag(&d);
	printf("imported %zu %s from %s\n", l.n, l.n == 1 ? "entry" :
	    "entries", path);
	ret = EXIT_OK;
	goto out;
dberr:
	diag_format(&d, msg, sizeof msg);
	fprintf(stderr, "%s; nothing imported\n", msg);
out:
	entry_list_release(&l);
	free(buf);
	return ret;
}

static int
cmd_backup(struct cli_ctx *x)
{
	struct diag d;
	char msg[1024];

	if (x->o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary backup FILE\n");
		return EXIT_USAGE;
	}
	if (open_existing(x) != 0)
		return EXIT_ERROR;
	if (diary_backup(x->diary, x->o->args[0], &d) != 0) {
		diag_format(&d, msg, sizeof msg);
		fprintf(stderr, "%s\n", msg);
		return EXIT_ERROR;
	}
	printf("backed up %s to %s\n", x->db_path, x->o->args[0]);
	return EXIT_OK;
}

/* Replace the diary with a backup, creating the diary only if missing. */
static int
cmd_restore(struct cli_ctx *x)
{
	struct diag d;
	char msg[1024];
	const char *src;
	int64_t n;

	if (x->o->nargs != 1) {
		fprintf(stderr, "k2diary: usage: k2diary restore FILE\n");
		return EXIT_USAGE;
	}
	src = x->o->args[0];
	/* A file that will be refused must not leave a new, empty diary. */
	if (diary_check_file(src, &d) != 0)
		goto fail;
	if (cli_open_diary(x, NULL, 0) != 0)
		return EXIT_ERROR;
	if (diary_restore_from(x->diary, src, &d) != 0 ||
	    diary_count(x->diary, &n, &d) != 0)
		goto fail;
	printf("restored %s into %s (%lld %s)\n", src, x->db_path,
	    (long long)n, n == 1 ? "entry" : "entries");
	return EXIT_OK;
fail:
	diag_format(&d, msg, sizeof msg);
	fprintf(stderr, "%s\n", msg);
	return EXIT_ERROR;
}

/* Run a parsed command line. */
int
cli_run(const struct cli_opts *o)
{
	static const struct {
		const char *name;
		int (*fn)(struct cli_ctx *);
	} table[] = {
		{ "add", cmd_add }, { "list", cmd_list }, { "rm", cmd_rm },
		{ "edit", cmd_edit }, { "week", cmd_week },
		{ "export", cmd_export }, { "import", cmd_import },
		{ "backup", cmd_backup }, { "restore", cmd_restore },
		{ "foods", cmd_foods }, { "check", cmd_check },
		{ "suggest", cmd_suggest }, { "food", cmd_food },
		{ "quick", cmd_quick },
	};
	struct cli_ctx x;
	size_t i;
	int ret;

	if (o->help) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (o->version) {
		printf("k2diary %s\n", K2_VERSION);
		return EXIT_OK;
	}
	/* check FILE validates that file alone; it needs nothing else. */
	ret = cli_load(&x, o, strcmp(o->command, "check") == 0 &&
	    o->nargs > 0 ? CLI_LOAD_NOTHING : CLI_LOAD_ALL);
	if (ret == EXIT_OK) {
		for (i = 0; i < ARRAY_LEN(table); i++)
			if (strcmp(table[i].name, o->command) == 0)
				ret = table[i].fn(&x);
	}
	cli_release(&x);
	return ret;
}

/* Load what every command needs: config, catalogue, today and --date. */
int
cli_load(struct cli_ctx *x, const struct cli_opts *o, enum cli_load what)
{
	char *path;
	bool later;

	memset(x, 0, sizeof *x);
	x->o = o;
	catalogue_init(&x->cat);
	if (what == CLI_LOAD_NOTHING)
		config_defaults(&x->cf);
	else if (load_config(x) != 0)
		return EXIT_ERROR;
	if (what == CLI_LOAD_LATER) {
		/* The built-in catalogue is known good; a file must be on record. */
		path = catalogue_path(x);
		later = path == NULL || checked(path);
		free(path);
		if (!later && load_catalogue(x, stderr) != 0)
			return EXIT_ERROR;
	} else if (what == CLI_LOAD_ALL) {
		if (load_catalogue(x, stderr) != 0)
			return EXIT_ERROR;
		print_problems(x);
	}
	x->now = (int64_t)time(NULL);
	x->today = date_diary_day((time_t)x->now, x->cf.day_starts_min);
	x->day = x->today;
	if (o->date != NULL && parse_day(x, o->date, &x->day) != 0)
		return EXIT_USAGE;
	return EXIT_OK;
}

/* Close the diary and free what cli_load loaded. */
void
cli_release(struct cli_ctx *x)
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
