/* SPDX-License-Identifier: ISC */
/* The SR28 records as foods: FOOD_DES.txt, WEIGHT.txt and NUT_DATA.txt. */
#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sr28_priv.h"

/* Fields per record, from the SR28 documentation. */
#define SR28_FOOD_DES_FIELDS 14
#define SR28_WEIGHT_FIELDS   7
#define SR28_NUT_DATA_FIELDS 18

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

/* Read the foods, sorted by NDB_No, then their weight rows and nutrients. */
int
sr28_read(const char *dir, struct sr28_food **foods, size_t *n)
{
	long *map;
	size_t i;
	int rc = -1;

	map = sr28_alloc(NULL, SR28_NDB_N, sizeof *map);
	for (i = 0; i < SR28_NDB_N; i++)
		map[i] = -1;
	if (sr28_read_foods(dir, foods, n, map) < 0)
		goto done;
	if (*n > 1)
		qsort(*foods, *n, sizeof **foods, sr28_food_cmp);
	for (i = 0; i < *n; i++)
		map[strtol((*foods)[i].ndb, NULL, 10)] = (long)i;
	if (sr28_read_weights(dir, *foods, map) < 0 ||
	    sr28_read_nutrients(dir, *foods, map) < 0)
		goto done;
	rc = 0;
done:
	free(map);
	return rc;
}
