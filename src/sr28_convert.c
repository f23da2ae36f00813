/* SPDX-License-Identifier: ISC */
/* sr28-convert: the USDA SR28 files of a folder to a catalogue in the foods.yaml format. */

/*
 * Usage: sr28-convert SR28_DIR OUT.yaml
 *
 * Reads FOOD_DES.txt, WEIGHT.txt and NUT_DATA.txt of SR28_DIR (when there
 * is no plain NUT_DATA.txt, NUT_DATA.txt.xz through `xz -dc`, so nothing
 * links a compression library) and writes OUT.yaml as DESIGN.md section 3a
 * says: one food per FOOD_DES record in NDB order, its group from the
 * table below, five nutrients per 100 g (absent when SR28 gives no value),
 * servings from WEIGHT.txt. OUT.yaml is written with libyaml's emitter to a
 * temporary file in the same folder, then renamed into place, so a failed
 * run leaves the old file whole.
 *
 * The report goes to stderr, one "what: count" a line: foods written, the
 * weight rows read and kept, the rows dropped for each reason, and the foods
 * whose serving came from an oz/lb row or is the 100 g default. Errors go
 * to stderr too, as "sr28-convert: FILE:LINE: message".
 * Exit status: 0 done, 1 a data or system error, 2 usage.
 *
 * Numbers are read and written in the C locale whatever LC_NUMERIC says,
 * with the shortest text that reads back as the same double; the same input
 * gives the same bytes. Not part of k2diary nor of libcore.a: `make
 * catalogue` builds it and writes data/usda-sr28.yaml.
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <yaml.h>

#define SR28_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define SR28_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define SR28_LABEL_MAX	 24	/* bytes: the catalogue loader's limit */
#define SR28_GRAMS_MAX	 5000.0	/* the loader's heaviest serving */
#define SR28_DEFAULT_MAX 500.0	/* the heaviest default serving */
#define SR28_NO_ROW	 100.0	/* grams of the serving of a food with none */
#define SR28_NDB_N	 100000	/* NDB_No has five digits */

/* Fields per record, from the SR28 documentation. */
#define SR28_FOOD_DES_FIELDS 14
#define SR28_WEIGHT_FIELDS   7
#define SR28_NUT_DATA_FIELDS 18

/* The nutrients kept, in the order written. */
enum sr28_nut {
	SR28_MK4,
	SR28_K1,
	SR28_SAT_FAT,
	SR28_SODIUM,
	SR28_KCAL,
	SR28_NUT_N
};

static const struct {
	const char	*no;	/* Nutr_No */
	const char	*key;	/* foods.yaml key */
} sr28_nuts[SR28_NUT_N] = {
	[SR28_MK4] = { "428", "mk4_ug" },
	[SR28_K1] = { "430", "k1_ug" },
	[SR28_SAT_FAT] = { "606", "sat_fat_g" },
	[SR28_SODIUM] = { "307", "sodium_mg" },
	[SR28_KCAL] = { "208", "kcal" },
};

/* Why a weight row gives no serving, in the order the rules are tried. */
enum sr28_drop {
	SR28_KEEP,
	SR28_DROP_EMPTY,
	SR28_DROP_LONG,
	SR28_DROP_UNIT,
	SR28_DROP_GRAMS,
	SR28_DROP_REPEAT,
	SR28_DROP_N
};

static const char *const sr28_drop_names[SR28_DROP_N] = {
	[SR28_KEEP] = "rows kept",
	[SR28_DROP_EMPTY] = "dropped (empty label)",
	[SR28_DROP_LONG] = "dropped (label too long)",
	[SR28_DROP_UNIT] = "dropped (unit of every food)",
	[SR28_DROP_GRAMS] = "dropped (grams out of range)",
	[SR28_DROP_REPEAT] = "dropped (repeated label)",
};

/* Labels the amount grammar reads as units of every food. */
static const char *const sr28_units[] = { "g", "gram", "grams", "kg", "oz", "lb" };

/* Which name rules refine a group. */
enum sr28_refine {
	SR28_PLAIN,
	SR28_DAIRY,	/* 0100 */
	SR28_MEAT,	/* 0500, 0700, 1000, 1300, 1700 */
	SR28_VEG,	/* 1100 */
	SR28_LEGUME	/* 1600 */
};

/* SR28 food group code -> catalogue group (DESIGN.md section 3a). */
static const struct {
	const char		*code;
	const char		*group;
	enum sr28_refine	 refine;
} sr28_groups[] = {
	{ "0100", "dairy", SR28_DAIRY },
	{ "0200", "spice", SR28_PLAIN },
	{ "0300", "baby", SR28_PLAIN },
	{ "0400", "fat", SR28_PLAIN },
	{ "0500", "poultry", SR28_MEAT },
	{ "0600", "soup_sauce", SR28_PLAIN },
	{ "0700", "meat", SR28_MEAT },
	{ "0800", "cereal", SR28_PLAIN },
	{ "0900", "fruit", SR28_PLAIN },
	{ "1000", "meat", SR28_MEAT },
	{ "1100", "vegetable", SR28_VEG },
	{ "1200", "nut_seed", SR28_PLAIN },
	{ "1300", "meat", SR28_MEAT },
	{ "1400", "beverage", SR28_PLAIN },
	{ "1500", "fish", SR28_PLAIN },
	{ "1600", "legume", SR28_LEGUME },
	{ "1700", "meat", SR28_MEAT },
	{ "1800", "baked", SR28_PLAIN },
	{ "1900", "sweet", SR28_PLAIN },
	{ "2000", "grain", SR28_PLAIN },
	{ "2100", "prepared", SR28_PLAIN },
	{ "2200", "prepared", SR28_PLAIN },
	{ "2500", "snack", SR28_PLAIN },
	{ "3500", "other", SR28_PLAIN },
	{ "3600", "prepared", SR28_PLAIN },
};

/*
 * The refinements, tried in this order; the first that matches gives the
 * group. A name's words are its runs of ASCII letters, compared without
 * case; a word matches a keyword when it equals it or it with an "s"
 * ("Eggs, scrambled" is an egg, "kidneys" a kidney, "Eggnog" no egg).
 */
static const struct {
	enum sr28_refine	 refine;
	bool			 first;	/* only the name's first word */
	const char		*words[9];
	const char		*group;
} sr28_refinements[] = {
	{ SR28_DAIRY, true, { "cheese" }, "cheese" },
	{ SR28_DAIRY, true, { "egg" }, "egg" },
	{ SR28_MEAT, false, { "liver", "giblets", "heart", "kidney", "gizzard",
	    "tongue", "brain", "sweetbread" }, "organ_meat" },
	{ SR28_VEG, false, { "sauerkraut", "kimchi" }, "fermented_plant" },
	{ SR28_VEG, false, { "kale", "spinach", "collards", "chard", "lettuce",
	    "greens" }, "leafy_green" },
	{ SR28_LEGUME, false, { "natto", "miso", "tempeh" }, "fermented_plant" },
};

/*
 * Singular forms, so that the amount grammar's plurals lead back to them:
 * label + "s"; + "es" after s, x, z, ch, sh; consonant + "y" -> "ies";
 * "f"/"fe" -> "ves". Words that stay as they are besides those ending in
 * "ss", "us", "is" and "oes" (no singular of "tomatoes" leads back to it):
 */
static const char *const sr28_keep_words[] = {
	"nfs",		/* "not further specified" */
};
/* Words in "ies" whose singular ends in "ie", not "y". */
static const char *const sr28_ie_words[] = {
	"cookie", "brownie", "pie", "pierogie", "smoothie", "veggie",
};
/* Words in "ches" whose singular ends in "che", not "ch". */
static const char *const sr28_che_words[] = {
	"quiche", "brioche", "niche", "cache",
};
/* Words in "ves" whose singular ends in "f" or "fe" (else "ve": cloves). */
static const struct {
	const char	*plural;
	const char	*singular;
} sr28_f_words[] = {
	{ "leaves", "leaf" }, { "halves", "half" }, { "loaves", "loaf" },
	{ "calves", "calf" }, { "shelves", "shelf" }, { "knives", "knife" },
	{ "wives", "wife" }, { "lives", "life" },
};

/* Latin-1 0xC0..0xFF as their base letter, lower case ('.' if none). */
static const char sr28_latin_base[] =
    "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty";

struct sr28_row {
	unsigned long	 seq;
	unsigned long	 line;		/* in WEIGHT.txt */
	double		 gm_wgt;	/* -1 when not given */
	double		 grams;		/* of one unit; -1 when not known */
	char		*label;
	enum sr28_drop	 drop;
};

struct sr28_food {
	char		 ndb[6];
	const char	*group;
	char		*name;		/* UTF-8 */
	double		 nut[SR28_NUT_N];
	bool		 known[SR28_NUT_N];
	struct sr28_row	*rows;
	size_t		 n_rows;
	size_t		 cap_rows;
	size_t		 n_kept;
	double		 serving_grams;	/* the one serving when none is kept */
};

struct sr28_file {
	FILE		*fp;
	char		*path;		/* as messages show it */
	bool		 piped;		/* read through xz */
	unsigned long	 line;
	char		*buf;
	size_t		 cap;
};

struct sr28_report {
	size_t	foods;
	size_t	rows;
	size_t	count[SR28_DROP_N];	/* [SR28_KEEP]: rows kept */
	size_t	oz_serving;		/* foods served by an oz/lb row */
	size_t	no_row_serving;		/* foods given 100 g */
};

struct sr28_writer {
	yaml_emitter_t	 em;
	bool		 failed;
};

static locale_t sr28_c_locale;

/* Print "sr28-convert: message" to stderr. */
SR28_PRINTF(1, 2) static void
sr28_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("sr28-convert: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Print "sr28-convert: FILE:LINE: message" to stderr. */
SR28_PRINTF(2, 3) static void
sr28_error(const struct sr28_file *f, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sr28-convert: %s:%lu: ", f->path, f->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Allocate or exit: out of memory is not an error path. */
static void *
sr28_alloc(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		sr28_fail("out of memory");
		exit(1);
	}
	p = realloc(p, n * size == 0 ? 1 : n * size);
	if (p == NULL) {
		sr28_fail("out of memory");
		exit(1);
	}
	return p;
}

/* Read a number in the C locale; -1 unless the whole of s is one. */
static int
sr28_number(const char *s, double *v)
{
	locale_t old;
	char *end;

	/* Digits, point, sign, exponent: no "inf", "nan", hex or spaces. */
	if (*s == '\0' || strchr("0123456789.+-", *s) == NULL ||
	    s[strspn(s, "0123456789.+-eE")] != '\0')
		return -1;
	old = uselocale(sr28_c_locale);
	errno = 0;
	*v = strtod(s, &end);
	uselocale(old);
	return *end == '\0' && errno == 0 ? 0 : -1;
}

/* Write v in the C locale with the fewest digits that read back as v. */
static void
sr28_format(double v, char *buf, size_t size)
{
	locale_t old = uselocale(sr28_c_locale);
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	uselocale(old);
}

/* Open DIR/NAME for reading, or through `xz -dc` when piped. */
static int
sr28_open(struct sr28_file *f, const char *dir, const char *name, bool piped)
{
	size_t n = strlen(dir) + strlen(name) + 2, i, j;
	char *cmd;
	FILE *probe;

	memset(f, 0, sizeof *f);
	f->path = sr28_alloc(NULL, n, 1);
	snprintf(f->path, n, "%s/%s", dir, name);
	if (!piped) {
		if ((f->fp = fopen(f->path, "rb")) == NULL)
			goto fail;
		return 0;
	}
	/* Say so here if the file is missing, rather than through xz. */
	if ((probe = fopen(f->path, "rb")) == NULL)
		goto fail;
	fclose(probe);
	/* xz -dc -- 'PATH', each ' in PATH written '\'' */
	cmd = sr28_alloc(NULL, 4 * n + 16, 1);
	j = (size_t)sprintf(cmd, "xz -dc -- '");
	for (i = 0; f->path[i] != '\0'; i++) {
		if (f->path[i] == '\'') {
			memcpy(cmd + j, "'\\''", 4);
			j += 4;
		} else
			cmd[j++] = f->path[i];
	}
	memcpy(cmd + j, "'", 2);
	fflush(NULL);
	f->fp = popen(cmd, "r");
	free(cmd);
	if (f->fp == NULL)
		goto fail;
	f->piped = true;
	return 0;
fail:
	sr28_fail("cannot open %s: %s", f->path, strerror(errno));
	free(f->path);
	f->path = NULL;
	return -1;
}

/*
 * Close the file; for xz, -1 unless it exited 0 (said only when not quiet:
 * after an error of ours, xz may well have died of SIGPIPE).
 */
static int
sr28_close(struct sr28_file *f, bool quiet)
{
	int rc = 0, status;

	if (f->fp != NULL && f->piped) {
		status = pclose(f->fp);
		if (quiet)
			rc = -1;
		else if (status == -1) {
			sr28_fail("xz -dc %s: %s", f->path, strerror(errno));
			rc = -1;
		} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			sr28_fail("xz -dc %s failed (status %d)", f->path,
			    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			rc = -1;
		}
	} else if (f->fp != NULL)
		fclose(f->fp);
	free(f->path);
	free(f->buf);
	memset(f, 0, sizeof *f);
	return rc;
}

/*
 * Read the next record into n fields (pointers into the file's buffer).
 * Returns 1 for a record, 0 at the end, -1 after an error message.
 */
static int
sr28_next(struct sr28_file *f, char **fields, size_t n)
{
	ssize_t len;
	size_t count;
	char *p;

	errno = 0;
	len = getline(&f->buf, &f->cap, f->fp);
	if (len < 0) {
		if (ferror(f->fp)) {
			sr28_fail("cannot read %s: %s", f->path,
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	f->line++;
	if (strlen(f->buf) != (size_t)len) {
		sr28_error(f, "NUL byte in the record");
		return -1;
	}
	/* CRLF ends each record; the last may have none. */
	if (len > 0 && f->buf[len - 1] == '\n')
		f->buf[--len] = '\0';
	if (len > 0 && f->buf[len - 1] == '\r')
		f->buf[--len] = '\0';
	count = 0;
	p = f->buf;
	for (;;) {
		if (count < n)
			fields[count] = p;
		count++;
		if ((p = strchr(p, '^')) == NULL)
			break;
		*p++ = '\0';
	}
	if (count != n) {
		sr28_error(f, "expected %zu fields separated by '^', found %zu",
		    n, count);
		return -1;
	}
	return 1;
}

/*
 * A text field: "~text~" becomes "text". An empty field has no value: an
 * error when required, else "".
 */
static int
sr28_text(const struct sr28_file *f, char *field, const char *what,
    bool required, char **out)
{
	size_t len = strlen(field);

	if (len == 0 && !required) {
		*out = field;
		return 0;
	}
	if (len == 0) {
		sr28_error(f, "missing %s", what);
		return -1;
	}
	if (len < 2 || field[0] != '~' || field[len - 1] != '~') {
		sr28_error(f, "%s is not a text field wrapped in '~': '%s'",
		    what, field);
		return -1;
	}
	field[len - 1] = '\0';
	*out = field + 1;
	return 0;
}

/* An NDB_No: five digits, as an index. */
static int
sr28_ndb(const struct sr28_file *f, char *field, long *index)
{
	char *s;
	size_t i;

	if (sr28_text(f, field, "NDB_No", true, &s) < 0)
		return -1;
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			break;
	if (i != 5 || s[i] != '\0') {
		sr28_error(f, "NDB_No '%s' is not five digits", s);
		return -1;
	}
	*index = strtol(s, NULL, 10);
	return 0;
}

/* The food of an NDB_No field, or NULL after an error message. */
static struct sr28_food *
sr28_food_of(const struct sr28_file *f, char *field, const long *map,
    struct sr28_food *foods)
{
	long i;

	if (sr28_ndb(f, field, &i) < 0)
		return NULL;
	if (map[i] < 0) {
		sr28_error(f, "NDB_No '%05ld' is not in FOOD_DES.txt", i);
		return NULL;
	}
	return &foods[map[i]];
}

/* Latin-1 text as UTF-8; caller frees. */
static char *
sr28_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	char *out = sr28_alloc(NULL, 2 * strlen(s) + 1, 1), *p = out;

	for (; *u != '\0'; u++) {
		if (*u < 0x80)
			*p++ = (char)*u;
		else {
			*p++ = (char)(0xc0 | (*u >> 6));
			*p++ = (char)(0x80 | (*u & 0x3f));
		}
	}
	*p = '\0';
	return out;
}

/* A Latin-1 byte as a lower-case letter a-z, or 0 if it is none. */
static char
sr28_letter(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return (char)c;
	if (c >= 'A' && c <= 'Z')
		return (char)(c - 'A' + 'a');
	if (c >= 0xc0 && sr28_latin_base[c - 0xc0] != '.')
		return sr28_latin_base[c - 0xc0];
	return 0;
}

/* Whether s[0..n) equals word, or word + "s", without case. */
static bool
sr28_word_is(const char *s, size_t n, const char *word)
{
	size_t len = strlen(word), i;

	if (n != len && !(n == len + 1 && sr28_letter((unsigned char)s[len])
	    == 's'))
		return false;
	for (i = 0; i < len; i++)
		if (sr28_letter((unsigned char)s[i]) != word[i])
			return false;
	return true;
}

/* Whether a word of name (only the first, if first) is one of words. */
static bool
sr28_name_has(const char *name, bool first, const char *const *words,
    size_t n_words)
{
	const char *p = name, *start;
	size_t i;

	for (;;) {
		while (*p != '\0' && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		if (*p == '\0')
			return false;
		start = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			p++;
		for (i = 0; i < n_words && words[i] != NULL; i++)
			if (sr28_word_is(start, (size_t)(p - start), words[i]))
				return true;
		if (first)
			return false;
	}
}

/* The catalogue group of an SR28 group code and name, or NULL. */
static const char *
sr28_group(const char *code, const char *name)
{
	size_t i, j;

	for (i = 0; i < SR28_LEN(sr28_groups); i++) {
		if (strcmp(sr28_groups[i].code, code) != 0)
			continue;
		for (j = 0; j < SR28_LEN(sr28_refinements); j++) {
			if (sr28_refinements[j].refine == sr28_groups[i].refine &&
			    sr28_name_has(name, sr28_refinements[j].first,
			    sr28_refinements[j].words,
			    SR28_LEN(sr28_refinements[j].words)))
				return sr28_refinements[j].group;
		}
		return sr28_groups[i].group;
	}
	return NULL;
}

/* Whether s is one of the n strings of list. */
static bool
sr28_in(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Whether s ends with suffix. */
static bool
sr28_ends(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Make the word w (a-z only) singular, in place. */
static void
sr28_singular(char *w)
{
	size_t len = strlen(w), i;
	char before;

	if (len < 3 || w[len - 1] != 's' || sr28_ends(w, len, "ss") ||
	    sr28_ends(w, len, "us") || sr28_ends(w, len, "is") ||
	    sr28_ends(w, len, "oes") ||
	    sr28_in(w, sr28_keep_words, SR28_LEN(sr28_keep_words)))
		return;
	if (sr28_ends(w, len, "ies")) {
		w[len - 1] = '\0';			/* cookies -> cookie */
		if (sr28_in(w, sr28_ie_words, SR28_LEN(sr28_ie_words)))
			return;
		before = len >= 4 ? w[len - 4] : 'a';
		if (strchr("aeiou", before) == NULL)
			memcpy(w + len - 3, "y", 2);	/* patties -> patty */
		return;
	}
	if (sr28_ends(w, len, "ves")) {
		for (i = 0; i < SR28_LEN(sr28_f_words); i++) {
			if (strcmp(w, sr28_f_words[i].plural) == 0) {
				strcpy(w, sr28_f_words[i].singular);
				return;
			}
		}
		w[len - 1] = '\0';			/* cloves -> clove */
		return;
	}
	if (sr28_ends(w, len, "sses") || sr28_ends(w, len, "xes") ||
	    sr28_ends(w, len, "zzes") || sr28_ends(w, len, "shes")) {
		w[len - 2] = '\0';			/* boxes -> box */
		return;
	}
	if (sr28_ends(w, len, "ches")) {
		w[len - 1] = '\0';
		if (!sr28_in(w, sr28_che_words, SR28_LEN(sr28_che_words)))
			w[len - 2] = '\0';		/* inches -> inch */
		return;
	}
	w[len - 1] = '\0';				/* slices -> slice */
}

/*
 * The label of a Msre_Desc (Latin-1): the words before the first comma or
 * parenthesis, lower case, letters a-z kept (an accented Latin-1 letter as
 * its base letter), every run of other characters one '-', trimmed of '-',
 * the last word made singular ("fl oz" -> "fl-oz"). Caller frees.
 */
static char *
sr28_label(const char *desc)
{
	size_t n = strcspn(desc, ",("), i, j = 0;
	char *out = sr28_alloc(NULL, n + 1, 1), *last, c;
	bool gap = false;

	for (i = 0; i < n; i++) {
		if ((c = sr28_letter((unsigned char)desc[i])) == 0) {
			gap = true;
			continue;
		}
		if (gap && j > 0)
			out[j++] = '-';
		gap = false;
		out[j++] = c;
	}
	out[j] = '\0';
	last = strrchr(out, '-');
	sr28_singular(last != NULL ? last + 1 : out);
	return out;
}

/* Read FOOD_DES.txt: the foods, sorted by NDB_No, and the NDB map. */
static int
sr28_read_foods(const char *dir, struct sr28_food **foods, size_t *n,
    long *map)
{
	struct sr28_file f;
	char *fld[SR28_FOOD_DES_FIELDS], *code, *desc;
	struct sr28_food *fd;
	size_t cap = 0;
	long ndb;
	int rc;

	if (sr28_open(&f, dir, "FOOD_DES.txt", false) < 0)
		return -1;
	while ((rc = sr28_next(&f, fld, SR28_FOOD_DES_FIELDS)) > 0) {
		if (sr28_ndb(&f, fld[0], &ndb) < 0 ||
		    sr28_text(&f, fld[1], "FdGrp_Cd", true, &code) < 0 ||
		    sr28_text(&f, fld[2], "Long_Desc", true, &desc) < 0) {
			rc = -1;
			break;
		}
		if (map[ndb] >= 0) {
			sr28_error(&f, "NDB_No '%05ld' given twice", ndb);
			rc = -1;
			break;
		}
		if (*n == cap) {
			cap = cap ? 2 * cap : 1024;
			*foods = sr28_alloc(*foods, cap, sizeof **foods);
		}
		fd = &(*foods)[*n];
		memset(fd, 0, sizeof *fd);
		snprintf(fd->ndb, sizeof fd->ndb, "%05ld", ndb);
		if ((fd->group = sr28_group(code, desc)) == NULL) {
			sr28_error(&f, "unknown food group '%s'", code);
			rc = -1;
			break;
		}
		fd->name = sr28_utf8(desc);
		map[ndb] = (long)(*n)++;
	}
	if (sr28_close(&f, rc < 0) < 0 || rc < 0)
		return -1;
	return 0;
}

/* Order foods by NDB_No. */
static int
sr28_food_cmp(const void *a, const void *b)
{
	const struct sr28_food *x = a, *y = b;

	return strcmp(x->ndb, y->ndb);
}

/* Read WEIGHT.txt: each row to its food, with its label and grams. */
static int
sr28_read_weights(const char *dir, struct sr28_food *foods, const long *map)
{
	struct sr28_file f;
	char *fld[SR28_WEIGHT_FIELDS], *desc, *end;
	struct sr28_food *fd;
	struct sr28_row *r;
	double amount;
	int rc;

	if (sr28_open(&f, dir, "WEIGHT.txt", false) < 0)
		return -1;
	while ((rc = sr28_next(&f, fld, SR28_WEIGHT_FIELDS)) > 0) {
		if ((fd = sr28_food_of(&f, fld[0], map, foods)) == NULL ||
		    sr28_text(&f, fld[3], "Msre_Desc", false, &desc) < 0) {
			rc = -1;
			break;
		}
		if (fd->n_rows == fd->cap_rows) {
			fd->cap_rows = fd->cap_rows ? 2 * fd->cap_rows : 4;
			fd->rows = sr28_alloc(fd->rows, fd->cap_rows,
			    sizeof *fd->rows);
		}
		r = &fd->rows[fd->n_rows];
		memset(r, 0, sizeof *r);
		r->line = f.line;
		errno = 0;
		r->seq = strtoul(fld[1], &end, 10);
		if (fld[1][0] < '0' || fld[1][0] > '9' || *end != '\0' ||
		    errno != 0) {
			sr28_error(&f, "Seq '%s' is not a whole number", fld[1]);
			rc = -1;
			break;
		}
		/* An empty Amount or Gm_Wgt leaves the grams unknown. */
		r->gm_wgt = r->grams = amount = -1;
		if ((fld[2][0] != '\0' && sr28_number(fld[2], &amount) < 0) ||
		    (fld[4][0] != '\0' && sr28_number(fld[4], &r->gm_wgt) < 0)) {
			sr28_error(&f, "Amount '%s' or Gm_Wgt '%s' is not a "
			    "number", fld[2], fld[4]);
			rc = -1;
			break;
		}
		if (amount > 0 && r->gm_wgt >= 0)
			r->grams = r->gm_wgt / amount;
		r->label = sr28_label(desc);
		fd->n_rows++;
	}
	if (sr28_close(&f, rc < 0) < 0 || rc < 0)
		return -1;
	return 0;
}

/* Read the nutrients kept from NUT_DATA.txt, or NUT_DATA.txt.xz via xz. */
static int
sr28_read_nutrients(const char *dir, struct sr28_food *foods, const long *map)
{
	struct sr28_file f;
	char *fld[SR28_NUT_DATA_FIELDS], *no, *plain;
	struct sr28_food *fd;
	size_t n = strlen(dir) + sizeof "/NUT_DATA.txt";
	bool piped;
	int rc, k;
	double v;

	plain = sr28_alloc(NULL, n, 1);
	snprintf(plain, n, "%s/NUT_DATA.txt", dir);
	piped = access(plain, F_OK) != 0;
	free(plain);
	if (sr28_open(&f, dir, piped ? "NUT_DATA.txt.xz" : "NUT_DATA.txt",
	    piped) < 0)
		return -1;
	while ((rc = sr28_next(&f, fld, SR28_NUT_DATA_FIELDS)) > 0) {
		if (sr28_text(&f, fld[1], "Nutr_No", true, &no) < 0) {
			rc = -1;
			break;
		}
		for (k = 0; k < SR28_NUT_N; k++)
			if (strcmp(no, sr28_nuts[k].no) == 0)
				break;
		if (k == SR28_NUT_N)
			continue;
		if ((fd = sr28_food_of(&f, fld[0], map, foods)) == NULL) {
			rc = -1;
			break;
		}
		if (fd->known[k]) {
			sr28_error(&f, "nutrient %s of NDB_No '%s' given twice",
			    no, fd->ndb);
			rc = -1;
			break;
		}
		/* An empty Nutr_Val is no value: the nutrient stays unknown. */
		if (fld[2][0] == '\0')
			continue;
		if (sr28_number(fld[2], &v) < 0 || !(v >= 0)) {
			sr28_error(&f, "Nutr_Val '%s' is not a number of at "
			    "least 0", fld[2]);
			rc = -1;
			break;
		}
		fd->nut[k] = v;
		fd->known[k] = true;
	}
	if (sr28_close(&f, rc < 0) < 0 || rc < 0)
		return -1;
	return 0;
}

/* Order weight rows by Seq, then as the file gave them. */
static int
sr28_row_cmp(const void *a, const void *b)
{
	const struct sr28_row *x = a, *y = b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Why a row, taken alone, gives no serving (SR28_KEEP if it does). */
static enum sr28_drop
sr28_row_drop(const struct sr28_row *r)
{
	if (r->label[0] == '\0')
		return SR28_DROP_EMPTY;
	if (strlen(r->label) > SR28_LABEL_MAX)
		return SR28_DROP_LONG;
	if (sr28_in(r->label, sr28_units, SR28_LEN(sr28_units)))
		return SR28_DROP_UNIT;
	if (!(r->grams > 0 && r->grams <= SR28_GRAMS_MAX))
		return SR28_DROP_GRAMS;
	return SR28_KEEP;
}

/*
 * Apply the serving rules to a food's rows, in Seq order: each row kept or
 * dropped with a reason (a dropped row claims no label), and the serving of
 * a food that keeps none: the Gm_Wgt of its first oz/lb row ("3 oz = 85 g"
 * gives 85 g), else 100 g.
 */
static void
sr28_servings(struct sr28_food *fd, struct sr28_report *rep)
{
	struct sr28_row *r;
	size_t i, j;

	if (fd->n_rows > 1)
		qsort(fd->rows, fd->n_rows, sizeof *fd->rows, sr28_row_cmp);
	for (i = 0; i < fd->n_rows; i++) {
		r = &fd->rows[i];
		r->drop = sr28_row_drop(r);
		for (j = 0; j < i && r->drop == SR28_KEEP; j++)
			if (fd->rows[j].drop == SR28_KEEP &&
			    strcmp(fd->rows[j].label, r->label) == 0)
				r->drop = SR28_DROP_REPEAT;
		rep->count[r->drop]++;
		if (r->drop == SR28_KEEP)
			fd->n_kept++;
	}
	rep->rows += fd->n_rows;
	if (fd->n_kept > 0)
		return;
	for (i = 0; i < fd->n_rows; i++) {
		r = &fd->rows[i];
		if (r->drop == SR28_DROP_UNIT && (strcmp(r->label, "oz") == 0 ||
		    strcmp(r->label, "lb") == 0) && r->gm_wgt > 0 &&
		    r->gm_wgt <= SR28_GRAMS_MAX) {
			fd->serving_grams = r->gm_wgt;
			rep->oz_serving++;
			return;
		}
	}
	fd->serving_grams = SR28_NO_ROW;
	rep->no_row_serving++;
}

/* Emit one event, unless an earlier one failed. */
static void
sr28_emit(struct sr28_writer *w, yaml_event_t *ev, int made)
{
	if (w->failed) {
		if (made)
			yaml_event_delete(ev);
		return;
	}
	if (!made || !yaml_emitter_emit(&w->em, ev)) {
		w->failed = true;
		sr28_fail("cannot write YAML: %s", w->em.problem != NULL ?
		    w->em.problem : "out of memory");
	}
}

/*
 * Whether a plain scalar s could read back as something other than a
 * string (a number, a bool, null): such text is written quoted.
 */
static bool
sr28_needs_quotes(const char *s)
{
	static const char *const words[] = {
		"null", "~", "true", "false", "yes", "no", "on", "off", "y",
		"n",
	};
	size_t i;

	if (s[0] == '\0' || strchr("0123456789+-.", s[0]) != NULL)
		return true;
	for (i = 0; i < SR28_LEN(words); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

/* Emit a string scalar, quoted when plain text would not read back. */
static void
sr28_string(struct sr28_writer *w, const char *s, bool quoted)
{
	yaml_event_t ev;
	int made;

	if (sr28_needs_quotes(s))
		quoted = true;
	made = yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (const yaml_char_t *)s, (int)strlen(s), !quoted, quoted,
	    quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
	sr28_emit(w, &ev, made);
}

/* Emit a number scalar. */
static void
sr28_double(struct sr28_writer *w, double v)
{
	yaml_event_t ev;
	char buf[64];
	int made;

	sr28_format(v, buf, sizeof buf);
	made = yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (const yaml_char_t *)buf, (int)strlen(buf), 1, 0,
	    YAML_PLAIN_SCALAR_STYLE);
	sr28_emit(w, &ev, made);
}

/* Start a mapping, in flow style when flow. */
static void
sr28_map_start(struct sr28_writer *w, bool flow)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL,
	    1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

/* End a mapping. */
static void
sr28_map_end(struct sr28_writer *w)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

/* Start a block sequence. */
static void
sr28_seq_start(struct sr28_writer *w)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL,
	    NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}

/* End a sequence. */
static void
sr28_seq_end(struct sr28_writer *w)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* Emit one serving: {label: L, grams: G}. */
static void
sr28_serving(struct sr28_writer *w, const char *label, double grams)
{
	sr28_map_start(w, true);
	sr28_string(w, "label", false);
	sr28_string(w, label, false);
	sr28_string(w, "grams", false);
	sr28_double(w, grams);
	sr28_map_end(w);
}

/* Emit one food as a block mapping. */
static void
sr28_emit_food(struct sr28_writer *w, const struct sr28_food *fd)
{
	char buf[64];
	size_t i, def;
	int k;

	sr28_map_start(w, false);
	snprintf(buf, sizeof buf, "usda_%s", fd->ndb);
	sr28_string(w, "id", false);
	sr28_string(w, buf, false);
	sr28_string(w, "name", false);
	sr28_string(w, fd->name, false);
	sr28_string(w, "group", false);
	sr28_string(w, fd->group, false);

	/* The default serving first: the first kept of at most 500 g. */
	sr28_string(w, "servings", false);
	sr28_seq_start(w);
	if (fd->n_kept == 0)
		sr28_serving(w, "serving", fd->serving_grams);
	def = fd->n_rows;
	for (i = 0; i < fd->n_rows; i++) {
		if (fd->rows[i].drop != SR28_KEEP)
			continue;
		if (def == fd->n_rows)
			def = i;
		if (fd->rows[i].grams <= SR28_DEFAULT_MAX) {
			def = i;
			break;
		}
	}
	if (def < fd->n_rows)
		sr28_serving(w, fd->rows[def].label, fd->rows[def].grams);
	for (i = 0; i < fd->n_rows; i++)
		if (fd->rows[i].drop == SR28_KEEP && i != def)
			sr28_serving(w, fd->rows[i].label, fd->rows[i].grams);
	sr28_seq_end(w);

	sr28_string(w, "per_100g", false);
	sr28_map_start(w, true);
	for (k = 0; k < SR28_NUT_N; k++) {
		if (!fd->known[k])
			continue;
		sr28_string(w, sr28_nuts[k].key, false);
		sr28_double(w, fd->nut[k]);
	}
	sr28_map_end(w);

	sr28_string(w, "k2_confidence", false);
	sr28_string(w, fd->known[SR28_MK4] ? "low" : "none", false);
	snprintf(buf, sizeof buf, "USDA SR28 NDB %s", fd->ndb);
	sr28_string(w, "source", false);
	sr28_string(w, buf, true);
	sr28_map_end(w);
}

/* Emit the whole catalogue to fp. */
static int
sr28_emit_catalogue(FILE *fp, const struct sr28_food *foods, size_t n)
{
	struct sr28_writer w;
	yaml_event_t ev;
	size_t i;

	memset(&w, 0, sizeof w);
	if (!yaml_emitter_initialize(&w.em)) {
		sr28_fail("cannot start the YAML emitter");
		return -1;
	}
	yaml_emitter_set_output_file(&w.em, fp);
	yaml_emitter_set_unicode(&w.em, 1);
	yaml_emitter_set_width(&w.em, -1);	/* a food's line never folds */
	yaml_emitter_set_indent(&w.em, 2);
	yaml_emitter_set_break(&w.em, YAML_LN_BREAK);

	sr28_emit(&w, &ev, yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING));
	sr28_emit(&w, &ev, yaml_document_start_event_initialize(&ev, NULL,
	    NULL, NULL, 1));
	sr28_map_start(&w, false);
	sr28_string(&w, "version", false);
	sr28_double(&w, 1);
	sr28_string(&w, "foods", false);
	sr28_seq_start(&w);
	for (i = 0; i < n && !w.failed; i++)
		sr28_emit_food(&w, &foods[i]);
	sr28_seq_end(&w);
	sr28_map_end(&w);
	sr28_emit(&w, &ev, yaml_document_end_event_initialize(&ev, 1));
	sr28_emit(&w, &ev, yaml_stream_end_event_initialize(&ev));
	if (!w.failed && !yaml_emitter_flush(&w.em)) {
		sr28_fail("cannot write YAML: %s", w.em.problem != NULL ?
		    w.em.problem : "write error");
		w.failed = true;
	}
	yaml_emitter_delete(&w.em);
	return w.failed ? -1 : 0;
}

/* Write the catalogue to a temporary file beside out, then rename it. */
static int
sr28_write(const char *out, const struct sr28_food *foods, size_t n)
{
	size_t len = strlen(out) + sizeof ".XXXXXX";
	char *tmp = sr28_alloc(NULL, len, 1);
	mode_t mask;
	FILE *fp;
	int fd;

	snprintf(tmp, len, "%s.XXXXXX", out);
	if ((fd = mkstemp(tmp)) < 0) {
		sr28_fail("cannot create a temporary file beside %s: %s", out,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		sr28_fail("%s: %s", tmp, strerror(errno));
		close(fd);
		goto fail;
	}
	if (sr28_emit_catalogue(fp, foods, n) < 0) {
		fclose(fp);
		goto fail;
	}
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		sr28_fail("cannot write %s: %s", tmp, strerror(errno));
		fclose(fp);
		goto fail;
	}
	if (fclose(fp) != 0) {
		sr28_fail("cannot write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (rename(tmp, out) < 0) {
		sr28_fail("cannot rename %s to %s: %s", tmp, out,
		    strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return -1;
}

/* Print the report of the conversion to stderr. */
static void
sr28_print_report(const char *out, const struct sr28_report *rep)
{
	int d;

	fprintf(stderr, "sr28-convert: wrote %s\n", out);
	fprintf(stderr, "foods written: %zu\n", rep->foods);
	fprintf(stderr, "weight rows: %zu\n", rep->rows);
	for (d = 0; d < SR28_DROP_N; d++)
		fprintf(stderr, "%s: %zu\n", sr28_drop_names[d], rep->count[d]);
	fprintf(stderr, "foods served by an oz/lb row: %zu\n", rep->oz_serving);
	fprintf(stderr, "foods given 100 g: %zu\n", rep->no_row_serving);
}

/* Free the foods. */
static void
sr28_free(struct sr28_food *foods, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < foods[i].n_rows; j++)
			free(foods[i].rows[j].label);
		free(foods[i].rows);
		free(foods[i].name);
	}
	free(foods);
}

/* Convert SR28_DIR to OUT.yaml. */
int
main(int argc, char **argv)
{
	struct sr28_food *foods = NULL;
	struct sr28_report rep;
	size_t n = 0, i;
	long *map;
	int rc = 1;

	setlocale(LC_ALL, "");	/* messages may follow it; numbers never do */
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		printf("usage: sr28-convert SR28_DIR OUT.yaml\n");
		return 0;
	}
	if (argc != 3 || argv[1][0] == '\0' || argv[2][0] == '\0') {
		fprintf(stderr, "usage: sr28-convert SR28_DIR OUT.yaml\n");
		return 2;
	}
	if ((sr28_c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0)) ==
	    (locale_t)0) {
		sr28_fail("cannot make the C locale: %s", strerror(errno));
		return 1;
	}
	memset(&rep, 0, sizeof rep);
	map = sr28_alloc(NULL, SR28_NDB_N, sizeof *map);
	for (i = 0; i < SR28_NDB_N; i++)
		map[i] = -1;
	if (sr28_read_foods(argv[1], &foods, &n, map) < 0)
		goto done;
	if (n > 1)
		qsort(foods, n, sizeof *foods, sr28_food_cmp);
	for (i = 0; i < n; i++)
		map[strtol(foods[i].ndb, NULL, 10)] = (long)i;
	if (sr28_read_weights(argv[1], foods, map) < 0 ||
	    sr28_read_nutrients(argv[1], foods, map) < 0)
		goto done;
	for (i = 0; i < n; i++)
		sr28_servings(&foods[i], &rep);
	rep.foods = n;
	if (sr28_write(argv[2], foods, n) < 0)
		goto done;
	sr28_print_report(argv[2], &rep);
	rc = 0;
done:
	sr28_free(foods, n);
	free(map);
	freelocale(sr28_c_locale);
	return rc;
}
