/* SPDX-License-Identifier: ISC */
/* What sr28-convert's three files share: the foods read, the rules' names. */
#ifndef K2_SR28_PRIV_H
#define K2_SR28_PRIV_H

/*
 * sr28-convert is three files: sr28_convert.c holds main and the files'
 * input and output (the SR28 files read record by record, through xz when
 * compressed; OUT.yaml written with libyaml's emitter), sr28_read.c makes
 * struct sr28_food of the records, and sr28_rules.c holds the rules of
 * DESIGN.md section 3a (groups, labels, servings, the nutrients kept).
 */
#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SR28_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define SR28_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define SR28_LABEL_MAX	 24	/* bytes: the catalogue loader's limit */
#define SR28_GRAMS_MAX	 5000.0	/* the loader's heaviest serving */
#define SR28_DEFAULT_MAX 500.0	/* the heaviest default serving */
#define SR28_NO_ROW	 100.0	/* grams of the serving of a food with none */
#define SR28_NDB_N	 100000	/* NDB_No has five digits */

/* The nutrients kept, in the order written. */
enum sr28_nut {
	SR28_MK4,
	SR28_K1,
	SR28_SAT_FAT,
	SR28_SODIUM,
	SR28_KCAL,
	SR28_NUT_N
};

/* A nutrient's number in NUT_DATA.txt and its key in foods.yaml. */
struct sr28_nut_name {
	const char	*no;	/* Nutr_No */
	const char	*key;	/* foods.yaml key */
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

struct sr28_report {
	size_t	foods;
	size_t	rows;
	size_t	count[SR28_DROP_N];	/* [SR28_KEEP]: rows kept */
	size_t	oz_serving;		/* foods served by an oz/lb row */
	size_t	no_row_serving;		/* foods given 100 g */
};

/* One SR28 file being read, record by record. */
struct sr28_file {
	FILE		*fp;
	char		*path;		/* as messages show it */
	bool		 piped;		/* read through xz */
	unsigned long	 line;
	char		*buf;
	size_t		 cap;
};

/* sr28_convert.c */
/* The C locale, in which every number is read and written. */
extern locale_t sr28_c_locale;
/* Print "sr28-convert: message" to stderr. */
SR28_PRINTF(1, 2) void sr28_fail(const char *fmt, ...);
/* Allocate or exit: out of memory is not an error path. */
void *sr28_alloc(void *p, size_t n, size_t size);
/* Print "sr28-convert: FILE:LINE: message" to stderr. */
SR28_PRINTF(2, 3) void sr28_error(const struct sr28_file *f,
    const char *fmt, ...);
/*
 * Open DIR/NAME for reading, or through `xz -dc` when piped: 0, or -1
 * after an error message.
 */
int sr28_open(struct sr28_file *f, const char *dir, const char *name,
    bool piped);
/*
 * Close the file; for xz, -1 unless it exited 0 (said only when not
 * quiet: after an error of ours, xz may well have died of SIGPIPE).
 */
int sr28_close(struct sr28_file *f, bool quiet);
/*
 * Read the next record into n fields (pointers into the file's buffer):
 * 1 for a record, 0 at the end, -1 after an error message.
 */
int sr28_next(struct sr28_file *f, char **fields, size_t n);

/* sr28_read.c */
/*
 * Read the foods of the SR28 files in dir, in NDB order, with their
 * weight rows and nutrients: 0, or -1 after an error message. The caller
 * frees *foods (its *n foods) either way.
 */
int sr28_read(const char *dir, struct sr28_food **foods, size_t *n);

/* sr28_rules.c */
/* The nutrients kept, by enum sr28_nut. */
extern const struct sr28_nut_name sr28_nuts[SR28_NUT_N];
/* The report's name of each enum sr28_drop. */
extern const char *const sr28_drop_names[SR28_DROP_N];
/* The catalogue group of an SR28 group code and name, or NULL. */
const char *sr28_group(const char *code, const char *name);
/* The label of a Msre_Desc (Latin-1); caller frees. */
char *sr28_label(const char *desc);
/* Keep or drop each weight row of fd; the serving of a food with none. */
void sr28_servings(struct sr28_food *fd, struct sr28_report *rep);
/* The row of fd's default serving, or fd->n_rows when none is kept. */
size_t sr28_default(const struct sr28_food *fd);

#endif
