/* SPDX-License-Identifier: ISC */
/* A food or a one-off entry typed field by field, read by the loader's rules. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "foodform.h"
#include "text.h"
#include "util.h"

static const struct {
	const char	*label;
	int		 nutrient;	/* enum nutrient, or -1 */
} fields[FF_COUNT] = {
	[FF_NAME] = { "name", -1 },
	[FF_SERVING] = { "serving", -1 },
	[FF_MORE] = { "more servings", -1 },
	[FF_PER] = { "figures per", -1 },
	[FF_GRAMS] = { "grams", -1 },
	[FF_MK4] = { "MK-4", NUT_MK4 },
	[FF_MK7] = { "MK-7", NUT_MK7 },
	[FF_MK_OTHER] = { "other MK", NUT_MK_OTHER },
	[FF_K2] = { "K2 total", NUT_K2 },
	[FF_K1] = { "K1", NUT_K1 },
	[FF_SAT_FAT] = { "saturated fat", NUT_SAT_FAT },
	[FF_SODIUM] = { "sodium", NUT_SODIUM },
	[FF_KCAL] = { "energy", NUT_KCAL },
};

void
foodform_init(struct foodform *ff, enum foodform_kind kind)
{
	memset(ff, 0, sizeof *ff);
	ff->kind = kind;
	if (kind == FOODFORM_FOOD)
		snprintf(ff->text[FF_PER], sizeof ff->text[FF_PER], "serving");
}

/* "bar 40 g", or "capsule" without grams. */
static void
serving_text(char *buf, size_t len, const struct serving *sv)
{
	char g[40];

	if (sv->grams > 0)
		snprintf(buf, len, "%s %s g", sv->label, text_num_exact(g,
		    sizeof g, sv->grams));
	else
		snprintf(buf, len, "%s", sv->label);
}

void
foodform_from_food(struct foodform *ff, const struct food *f)
{
	char one[FOODFORM_TEXT_MAX];
	size_t i;
	int k;

	foodform_init(ff, FOODFORM_FOOD);
	snprintf(ff->text[FF_NAME], FOODFORM_TEXT_MAX, "%s", f->name);
	if (f->n_servings > 0)
		serving_text(ff->text[FF_SERVING], FOODFORM_TEXT_MAX,
		    &f->servings[0]);
	for (i = 1; i < f->n_servings; i++) {
		serving_text(one, sizeof one, &f->servings[i]);
		if (strlen(ff->text[FF_MORE]) + strlen(one) + 3 >=
		    FOODFORM_TEXT_MAX)
			break;
		if (i > 1)
			strcat(ff->text[FF_MORE], "; ");
		strcat(ff->text[FF_MORE], one);
	}
	snprintf(ff->text[FF_PER], FOODFORM_TEXT_MAX, "%s", f->per_serving ?
	    "serving" : "100 g");
	for (k = FF_MK4; k < FF_COUNT; k++) {
		int n = fields[k].nutrient;
		if (!nutrients_has(&f->nut, n))
			continue;
		/* A total that is only the sum of its chains is not typed. */
		if (n == NUT_K2 && (nutrients_has(&f->nut, NUT_MK4) ||
		    nutrients_has(&f->nut, NUT_MK7) ||
		    nutrients_has(&f->nut, NUT_MK_OTHER)) &&
		    nutrients_k2_unsplit(&f->nut) == 0)
			continue;
		text_num_exact(ff->text[k], FOODFORM_TEXT_MAX, f->nut.v[n]);
	}
	if (f->origin == ORIGIN_OWN)
		snprintf(ff->id, sizeof ff->id, "%s", f->id);
}

bool
foodform_has(const struct foodform *ff, enum foodform_field f)
{
	if (ff->kind == FOODFORM_QUICK)
		return f == FF_NAME || f == FF_GRAMS || fields[f].nutrient >= 0;
	return f != FF_GRAMS;
}

const char *
foodform_label(enum foodform_field f)
{
	return fields[f].label;
}

int
foodform_nutrient(enum foodform_field f)
{
	return fields[f].nutrient;
}

/* The unit of a field's figure, or "" ("µg" as text_ug() says). */
const char *
foodform_unit(enum foodform_field f)
{
	switch (fields[f].nutrient) {
	case NUT_SAT_FAT: return "g";
	case NUT_SODIUM: return "mg";
	case NUT_KCAL: return "kcal";
	case -1: return f == FF_GRAMS ? "g" : "";
	default: return text_ug();
	}
}

enum foodform_field
foodform_next(const struct foodform *ff, enum foodform_field f, int dir)
{
	int i = (int)f;

	do
		i = (i + (dir < 0 ? FF_COUNT - 1 : 1)) % FF_COUNT;
	while (!foodform_has(ff, (enum foodform_field)i));
	return (enum foodform_field)i;
}

bool
foodform_touched(const struct foodform *ff)
{
	int i;

	for (i = 0; i < FF_COUNT; i++)
		if (i != FF_PER && foodform_has(ff, i) && ff->text[i][0] != '\0')
			return true;
	return false;
}

/* text without its leading and trailing blanks, into buf. */
static const char *
trim(char *buf, size_t len, const char *text)
{
	size_t n;

	while (*text == ' ' || *text == '\t')
		text++;
	n = strlen(text);
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(buf, text, n);
	buf[n] = '\0';
	return buf;
}

int
foodform_number(const char *key, const char *text, double *out,
    struct diag *d)
{
	char buf[FOODFORM_TEXT_MAX], *comma;
	const char *end;

	trim(buf, sizeof buf, text);
	if ((comma = strchr(buf, ',')) != NULL) {
		size_t digits = strspn(comma + 1, "0123456789");
		/* "17,6" is 17.6; "1,800" may be 1800 or 1.8: refused. */
		if (strchr(comma + 1, ',') != NULL || digits == 3 ||
		    digits == 0) {
			diag_set(d, NULL, 0, 0, "'%s' for %s: write the number "
			    "with '.' as the decimal point and no thousands "
			    "separator (like 1800 or 17.6)", buf, key);
			return -1;
		}
		*comma = '.';
	}
	if (text_num_parse(buf, out, &end) != 0 || *end != '\0' ||
	    !isfinite(*out) || !(*out >= 0)) {
		diag_set(d, NULL, 0, 0, "expected a number of at least 0 for "
		    "'%s', found '%s'", key, trim(buf, sizeof buf, text));
		return -1;
	}
	return 0;
}

int
foodform_serving(const char *text, char *label, size_t len, double *grams,
    struct diag *d)
{
	char buf[FOODFORM_TEXT_MAX], num[FOODFORM_TEXT_MAX];
	size_t n, k;

	trim(buf, sizeof buf, text);
	*grams = 0;
	/* The label: the word before the first digit, '.' or '='. */
	n = strcspn(buf, "0123456789.=");
	for (k = n; k > 0 && buf[k - 1] == ' '; k--)
		;
	if (k >= len || k > CATALOGUE_LABEL_MAX) {
		diag_set(d, NULL, 0, 0, "'label' is %zu bytes long: at most %d "
		    "allowed", k, CATALOGUE_LABEL_MAX);
		return -1;
	}
	memcpy(label, buf, k);
	label[k] = '\0';
	if (!catalogue_check_label(label, d))
		return -1;
	if (buf[n] == '\0')
		return 0;
	trim(num, sizeof num, buf + n + (buf[n] == '='));
	/* "40 g", "40g": the grams' own unit may follow. */
	k = strlen(num);
	if (k > 0 && num[k - 1] == 'g') {
		num[--k] = '\0';
		while (k > 0 && num[k - 1] == ' ')
			num[--k] = '\0';
	}
	if (foodform_number("grams", num, grams, d) != 0)
		return -1;
	if (!(*grams > 0) || *grams > CATALOGUE_GRAMS_MAX) {
		diag_set(d, NULL, 0, 0, "expected a number above 0 and at most "
		    "%g for 'grams' of serving '%s', found '%s'",
		    CATALOGUE_GRAMS_MAX, label, num);
		return -1;
	}
	return 0;
}

/* Is the PER field "100 g"? -1 when it is neither that nor "serving". */
static int
per_100g(const char *text)
{
	char buf[FOODFORM_TEXT_MAX];

	trim(buf, sizeof buf, text);
	if (strcasecmp(buf, "serving") == 0 || strcasecmp(buf, "a serving") ==
	    0 || strcasecmp(buf, "portion") == 0)
		return 0;
	if (strcmp(buf, "100 g") == 0 || strcmp(buf, "100g") == 0 ||
	    strcmp(buf, "100") == 0)
		return 1;
	return -1;
}

/* The servings of the form into sv (labels into lab); -1 with d, *bad. */
static int
form_servings(const struct foodform *ff, struct serving *sv,
    char lab[][CATALOGUE_LABEL_MAX + 1], size_t *n, struct diag *d,
    enum foodform_field *bad)
{
	char more[FOODFORM_TEXT_MAX], *p, *next;
	size_t i;

	*n = 0;
	*bad = FF_SERVING;
	if (trim(more, sizeof more, ff->text[FF_SERVING])[0] == '\0') {
		diag_set(d, NULL, 0, 0, "a serving is needed, like: bar 40 g");
		return -1;
	}
	if (foodform_serving(more, lab[0], sizeof lab[0], &sv[0].grams, d))
		return -1;
	sv[(*n)++].label = lab[0];
	*bad = FF_MORE;
	snprintf(more, sizeof more, "%s", ff->text[FF_MORE]);
	for (p = more; p != NULL && *n < FOODFORM_SERVINGS_MAX; p = next) {
		if ((next = strchr(p, ';')) != NULL)
			*next++ = '\0';
		if (strspn(p, " \t") == strlen(p))
			continue;
		if (foodform_serving(p, lab[*n], sizeof lab[*n],
		    &sv[*n].grams, d) != 0)
			return -1;
		for (i = 0; i < *n; i++)
			if (strcasecmp(lab[i], lab[*n]) == 0) {
				diag_set(d, NULL, 0, 0, "duplicate serving "
				    "label '%s'", lab[i]);
				return -1;
			}
		sv[*n].label = lab[*n];
		(*n)++;
	}
	return 0;
}

/*
 * The food of the form without its nutrients: name, servings and what
 * the figures are for. sv and lab hold what it borrows.
 */
static int
form_base(const struct foodform *ff, struct food *f, struct serving *sv,
    char lab[][CATALOGUE_LABEL_MAX + 1], struct diag *d,
    enum foodform_field *bad)
{
	size_t i;
	int per;

	memset(f, 0, sizeof *f);
	if (form_servings(ff, sv, lab, &f->n_servings, d, bad) != 0)
		return -1;
	f->servings = sv;
	*bad = FF_PER;
	if ((per = per_100g(ff->text[FF_PER])) < 0) {
		diag_set(d, NULL, 0, 0, "the figures are per 'serving' or per "
		    "'100 g'");
		return -1;
	}
	f->per_serving = per == 0;
	for (i = 0; per == 1 && i < f->n_servings; i++) {
		if (!(sv[i].grams > 0)) {
			*bad = i == 0 ? FF_SERVING : FF_MORE;
			diag_set(d, NULL, 0, 0, "give the grams of a %s: figures "
			    "per 100 g need them (like: %s 40 g)",
			    sv[i].label, sv[i].label);
			return -1;
		}
	}
	return 0;
}

/* A nutrient field's value into f, checked against f's weight. */
static int
form_nutrient(const struct foodform *ff, enum foodform_field k,
    struct food *f, struct diag *d)
{
	char buf[FOODFORM_TEXT_MAX];
	int n = fields[k].nutrient;
	double v;

	if (trim(buf, sizeof buf, ff->text[k])[0] == '\0')
		return 0;	/* unknown, and said so */
	if (foodform_number(fields[k].label, buf, &v, d) != 0)
		return -1;
	if (f != NULL && !catalogue_check_nutrient(f, n, v, d))
		return -1;
	if (f != NULL)
		nutrients_set(&f->nut, n, v);
	return 0;
}

/* A one-off entry's weight: unknown (0), or above 0 and at most the max. */
static int
form_grams(const struct foodform *ff, double *grams, struct diag *d)
{
	char buf[FOODFORM_TEXT_MAX];

	*grams = 0;
	if (trim(buf, sizeof buf, ff->text[FF_GRAMS])[0] == '\0')
		return 0;
	if (foodform_number("grams", buf, grams, d) != 0)
		return -1;
	if (!(*grams > 0) || *grams > AMOUNT_MAX_GRAMS) {
		diag_set(d, NULL, 0, 0, "expected a number above 0 and at most "
		    "%g for 'grams', found '%s'", AMOUNT_MAX_GRAMS, buf);
		return -1;
	}
	return 0;
}

/* A one-off entry as a food of one portion, for the loader's checks. */
static void
quick_base(struct food *f, struct serving *sv, double grams)
{
	memset(f, 0, sizeof *f);
	sv->label = (char *)(uintptr_t)FOODFORM_QUICK_SERVING;
	/* Of its grams, or of the most an amount may weigh when unknown. */
	sv->grams = grams > 0 ? grams : AMOUNT_MAX_GRAMS;
	f->servings = sv;
	f->n_servings = 1;
	f->per_serving = true;
}

int
foodform_check(const struct foodform *ff, enum foodform_field k,
    struct diag *d)
{
	struct serving sv[FOODFORM_SERVINGS_MAX];
	char lab[FOODFORM_SERVINGS_MAX][CATALOGUE_LABEL_MAX + 1];
	char name[FOODFORM_TEXT_MAX];
	struct food f;
	enum foodform_field bad;
	double grams;
	bool based;

	switch (k) {
	case FF_NAME:
		if (!catalogue_check_text("name", trim(name, sizeof name,
		    ff->text[FF_NAME]), CATALOGUE_NAME_MAX, d))
			return -1;
		return 0;
	case FF_SERVING:
	case FF_MORE:
	case FF_PER:
		if (form_base(ff, &f, sv, lab, d, &bad) != 0 && bad == k)
			return -1;
		return 0;
	case FF_GRAMS:
		return form_grams(ff, &grams, d);
	default:
		/* Against the weight when the servings can tell it. */
		if (ff->kind == FOODFORM_QUICK) {
			based = form_grams(ff, &grams, NULL) == 0;
			if (based)
				quick_base(&f, sv, grams);
		} else
			based = form_base(ff, &f, sv, lab, NULL, &bad) == 0;
		return form_nutrient(ff, k, based ? &f : NULL, d);
	}
}

/* Every nutrient field into f, then the K2 checks; -1 with d and *bad. */
static int
form_nutrients(const struct foodform *ff, struct food *f,
    enum foodform_field *bad, struct diag *d)
{
	int k;

	for (k = FF_MK4; k < FF_COUNT; k++) {
		*bad = k;
		if (form_nutrient(ff, k, f, d) != 0)
			return -1;
	}
	*bad = FF_K2;
	if (!catalogue_finish_k2(f, d))
		return -1;
	return 0;
}

int
foodform_food(const struct foodform *ff, struct food *out,
    enum foodform_field *bad, struct diag *d)
{
	struct serving sv[FOODFORM_SERVINGS_MAX];
	char lab[FOODFORM_SERVINGS_MAX][CATALOGUE_LABEL_MAX + 1];
	char name[FOODFORM_TEXT_MAX];
	struct food f;
	size_t i;

	*bad = FF_NAME;
	if (foodform_check(ff, FF_NAME, d) != 0)
		return -1;
	if (form_base(ff, &f, sv, lab, d, bad) != 0 ||
	    form_nutrients(ff, &f, bad, d) != 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->name = xstrdup(trim(name, sizeof name, ff->text[FF_NAME]));
	out->group = GROUP_OTHER;
	out->confidence = CONF_UNRATED;
	out->origin = ORIGIN_OWN;
	out->per_serving = f.per_serving;
	out->nut = f.nut;
	out->servings = xcalloc(f.n_servings, sizeof *out->servings);
	for (i = 0; i < f.n_servings; i++) {
		out->servings[i].label = xstrdup(sv[i].label);
		out->servings[i].grams = sv[i].grams;
	}
	out->n_servings = f.n_servings;
	return 0;
}

int
foodform_quick_entry(const struct foodform *ff, long day, int64_t now,
    struct entry *out, enum foodform_field *bad, struct diag *d)
{
	char name[FOODFORM_TEXT_MAX];
	struct serving sv;
	struct food f;
	double grams;

	*bad = FF_NAME;
	if (foodform_check(ff, FF_NAME, d) != 0)
		return -1;
	*bad = FF_GRAMS;
	if (form_grams(ff, &grams, d) != 0)
		return -1;
	quick_base(&f, &sv, grams);
	if (form_nutrients(ff, &f, bad, d) != 0)
		return -1;
	if (f.nut.known == 0) {
		*bad = FF_SODIUM;
		diag_set(d, NULL, 0, 0, "give at least one figure (like sodium "
		    "1800): the rest stay unknown");
		return -1;
	}
	memset(out, 0, sizeof *out);
	out->day = day;
	out->logged_at = now;
	out->food_id = xstrdup(CATALOGUE_QUICK_ID);
	out->food_name = xstrdup(trim(name, sizeof name, ff->text[FF_NAME]));
	out->serving = xstrdup(FOODFORM_QUICK_SERVING);
	out->grams = grams;
	out->servings = 1;
	out->quantity = 1;
	out->nut = f.nut;
	return 0;
}
