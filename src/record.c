/* SPDX-License-Identifier: ISC */
/* The diary entry as a record: its columns once, CSV and JSON both ways. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "record.h"
#include "text.h"
#include "util.h"

static const struct record_column columns[] = {
	{ "id", REC_ID, NUT_COUNT, "", "the entry's number (list, rm, edit)" },
	{ "day", REC_DAY, NUT_COUNT, "", "the diary day the entry counts for" },
	{ "logged_at", REC_TIME, NUT_COUNT, "UTC",
	    "when it was logged, in UTC" },
	{ "food_id", REC_TEXT, NUT_COUNT, "", "the food's id when logged" },
	{ "food_name", REC_TEXT, NUT_COUNT, "", "the food's name when logged" },
	{ "serving", REC_TEXT, NUT_COUNT, "",
	    "the unit the amount was given in (slice, g, oz ...)" },
	{ "quantity", REC_QUANTITY, NUT_COUNT, "",
	    "how many of that unit (2 in \"2 slice\")" },
	{ "grams", REC_GRAMS, NUT_COUNT, "g",
	    "the weight eaten; empty when the food has no weight" },
	{ "servings", REC_SERVINGS, NUT_COUNT, "",
	    "how many of the food's default servings" },
	{ "k2_ug", REC_NUTRIENT, NUT_K2, "µg", "vitamin K2 in all" },
	{ "mk4_ug", REC_NUTRIENT, NUT_MK4, "µg", "MK-4" },
	{ "mk7_ug", REC_NUTRIENT, NUT_MK7, "µg", "MK-7" },
	{ "mk_other_ug", REC_NUTRIENT, NUT_MK_OTHER, "µg",
	    "the longer chains (MK-8, MK-9 ...)" },
	{ "k1_ug", REC_NUTRIENT, NUT_K1, "µg", "vitamin K1" },
	{ "sat_fat_g", REC_NUTRIENT, NUT_SAT_FAT, "g", "saturated fat" },
	{ "sodium_mg", REC_NUTRIENT, NUT_SODIUM, "mg", "sodium" },
	{ "kcal", REC_NUTRIENT, NUT_KCAL, "kcal", "energy" },
};

/* The columns, in export order. */
const struct record_column *
record_columns(size_t *n)
{
	*n = ARRAY_LEN(columns);
	return columns;
}

/* UTC seconds as "YYYY-MM-DDTHH:MM:SSZ". */
void
record_time_format(long long t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, len, "%lld", t);
	else
		strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* "YYYY-MM-DDTHH:MM:SSZ" as UTC seconds. */
int
record_time_parse(const char *s, long long *out)
{
	char date[11];
	long day;
	int h, m, sec, i;

	if (strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
	    s[19] != 'Z')
		return -1;
	for (i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse_iso(date, &day) != 0)
		return -1;
	h = (s[11] - '0') * 10 + (s[12] - '0');
	m = (s[14] - '0') * 10 + (s[15] - '0');
	sec = (s[17] - '0') * 10 + (s[18] - '0');
	if (h > 23 || m > 59 || sec > 60)
		return -1;
	*out = (long long)day * 86400 + h * 3600 + m * 60 + sec;
	return 0;
}

/* A number column's value, and whether it is known. */
bool
record_get_number(const struct record_column *c, const struct entry *e,
    double *v)
{
	switch (c->kind) {
	case REC_QUANTITY:
		*v = e->quantity;
		return true;
	case REC_GRAMS:
		*v = e->grams;
		return e->grams > 0;
	case REC_SERVINGS:
		*v = e->servings;
		return true;
	case REC_NUTRIENT:
		*v = e->nut.v[c->nutrient];
		return nutrients_has(&e->nut, c->nutrient);
	default:
		*v = 0;
		return false;
	}
}

/* A column's text for the CSV and JSON writers; NULL for a number. */
static const char *
column_text(const struct record_column *c, const struct entry *e, char *buf,
    size_t len)
{
	switch (c->kind) {
	case REC_ID:
		snprintf(buf, len, "%lld", (long long)e->id);
		return buf;
	case REC_DAY:
		return date_format(e->day, buf, len);
	case REC_TIME:
		record_time_format((long long)e->logged_at, buf, len);
		return buf;
	case REC_TEXT:
		return record_get_text(c, e);
	default:
		return NULL;
	}
}

/* A text column's string (borrowed from e). */
const char *
record_get_text(const struct record_column *c, const struct entry *e)
{
	return strcmp(c->name, "food_id") == 0 ? e->food_id :
	    strcmp(c->name, "food_name") == 0 ? e->food_name : e->serving;
}

/* Set a text column to s (e takes it). */
void
record_set_text(const struct record_column *c, struct entry *e, char *s)
{
	char **slot = strcmp(c->name, "food_id") == 0 ? &e->food_id :
	    strcmp(c->name, "food_name") == 0 ? &e->food_name : &e->serving;

	free(*slot);
	*slot = s;
}

/* Set a number column (REC_QUANTITY ... REC_NUTRIENT). */
void
record_set_number(const struct record_column *c, struct entry *e, double v)
{
	switch (c->kind) {
	case REC_QUANTITY:
		e->quantity = v;
		break;
	case REC_GRAMS:
		e->grams = v;
		break;
	case REC_SERVINGS:
		e->servings = v;
		break;
	case REC_NUTRIENT:
		nutrients_set(&e->nut, c->nutrient, v);
		break;
	default:
		break;
	}
}

/* The header line. */
void
record_csv_header(FILE *fp)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(columns); i++)
		fprintf(fp, "%s%s", i ? "," : "", columns[i].name);
	fputs("\r\n", fp);
}

/* One entry as a CSV line: numbers exact, unknown empty. */
void
record_csv_row(FILE *fp, const struct entry *e)
{
	char buf[64];
	const char *t;
	double v;
	size_t i;

	for (i = 0; i < ARRAY_LEN(columns); i++) {
		if (i > 0)
			fputc(',', fp);
		if ((t = column_text(&columns[i], e, buf, sizeof buf)) != NULL)
			csv_put(fp, t);
		else if (record_get_number(&columns[i], e, &v))
			fputs(text_num_exact(buf, sizeof buf, v), fp);
	}
	fputs("\r\n", fp);
}

/* A JSON string. */
void
record_json_string(FILE *fp, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	fputc('"', fp);
	for (; *u != '\0'; u++) {
		if (*u == '"' || *u == '\\')
			fprintf(fp, "\\%c", *u);
		else if (*u == '\n')
			fputs("\\n", fp);
		else if (*u == '\t')
			fputs("\\t", fp);
		else if (*u < 0x20 || *u == 0x7f)
			fprintf(fp, "\\u%04x", *u);
		else if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) {
			/* C1 controls: valid JSON raw, but escaped is safer. */
			fprintf(fp, "\\u%04x", u[1]);
			u++;
		} else
			fputc(*u, fp);
	}
	fputc('"', fp);
}

/* A JSON number with every digit, or null. */
void
record_json_number(FILE *fp, bool known, double v)
{
	char buf[40];

	fputs(known ? text_num_exact(buf, sizeof buf, v) : "null", fp);
}

/* One entry as a JSON object. */
void
record_json(FILE *fp, const struct entry *e)
{
	char buf[64];
	const char *t;
	double v;
	size_t i;
	bool known;

	fputc('{', fp);
	for (i = 0; i < ARRAY_LEN(columns); i++) {
		fprintf(fp, "%s\"%s\": ", i ? ", " : "", columns[i].name);
		if (columns[i].kind == REC_ID)
			fprintf(fp, "%lld", (long long)e->id);
		else if ((t = column_text(&columns[i], e, buf,
		    sizeof buf)) != NULL)
			record_json_string(fp, t);
		else {
			known = record_get_number(&columns[i], e, &v);
			record_json_number(fp, known, v);
		}
	}
	fputc('}', fp);
}

/* Where the columns are, from the header. */
int
record_csv_layout(const struct csv_row *h, struct record_layout *lay)
{
	size_t i, f = 0;

	memset(lay, 0, sizeof *lay);
	for (i = 0; i < ARRAY_LEN(columns); i++) {
		lay->at[i] = -1;
		/* Exports from before 0.2 have no quantity column. */
		if (f < h->n && strcmp(h->field[f], columns[i].name) == 0)
			lay->at[i] = (int)f++;
		else if (columns[i].kind != REC_QUANTITY)
			return -1;
	}
	lay->fields = f;
	return f == h->n ? 0 : -1;
}

static const char *
kind_wants(enum record_kind k)
{
	switch (k) {
	case REC_ID:
		return "an entry id (a whole number above 0)";
	case REC_DAY:
		return "a date (YYYY-MM-DD)";
	case REC_TIME:
		return "a UTC time (YYYY-MM-DDTHH:MM:SSZ)";
	case REC_TEXT:
		return "text";
	case REC_QUANTITY:
	case REC_SERVINGS:
		return "a number above 0";
	case REC_GRAMS:
		return "empty or a number above 0";
	case REC_NUTRIENT:
		return "empty or a number of at least 0";
	}
	return "?";
}

/* One cell into e; false when it is not what the column holds. */
static bool
cell_into(const struct record_column *c, const char *s, struct entry *e)
{
	const char *end;
	long long ll;
	char *cend;
	double v;

	switch (c->kind) {
	case REC_ID:
		errno = 0;
		ll = strtoll(s, &cend, 10);
		if (errno != 0 || *cend != '\0' || cend == s || ll <= 0)
			return false;
		e->id = ll;
		return true;
	case REC_DAY:
		return date_parse_iso(s, &e->day) == 0;
	case REC_TIME:
		if (record_time_parse(s, &ll) != 0)
			return false;
		e->logged_at = ll;
		return true;
	case REC_TEXT:
		if (*s == '\0')
			return false;
		record_set_text(c, e, xstrdup(s));
		return true;
	default:
		break;
	}
	if (*s == '\0')
		return c->kind == REC_GRAMS || c->kind == REC_NUTRIENT;
	if (text_num_parse(s, &v, &end) != 0 || *end != '\0' || v < 0 ||
	    (v == 0 && c->kind != REC_NUTRIENT))
		return false;
	record_set_number(c, e, v);
	return true;
}

/* One row as an entry. */
int
record_csv_entry(const struct record_layout *lay, const struct csv_row *row,
    struct entry *e, struct diag *d)
{
	const char *s;
	size_t i;

	memset(e, 0, sizeof *e);
	if (row->n != lay->fields) {
		diag_set(d, NULL, row->line, 0, "expected %zu fields, found "
		    "%zu", lay->fields, row->n);
		return -1;
	}
	for (i = 0; i < ARRAY_LEN(columns); i++) {
		if (lay->at[i] < 0)
			continue;
		s = row->field[lay->at[i]];
		if (cell_into(&columns[i], s, e))
			continue;
		if (columns[i].kind == REC_TEXT && *s == '\0')
			diag_set(d, NULL, row->line, 0, "field '%s' is empty",
			    columns[i].name);
		else
			diag_set(d, NULL, row->line, 0, "field '%s': '%.40s' "
			    "is not %s", columns[i].name, s,
			    kind_wants(columns[i].kind));
		entry_release(e);
		return -1;
	}
	return 0;
}
