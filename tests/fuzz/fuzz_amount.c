/* SPDX-License-Identifier: ISC */
/* libFuzzer harness: the amount grammar against built-in and awkward foods. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "catalogue.h"
#include "catalogue_table.h"
#include "catalogue_yaml.h"
#include "diag.h"

/* Longest amount text tried; the rest of an input is ignored. */
#define FUZZ_TEXT_MAX 4096

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Foods with units the built-in catalogue lacks: a tiny and a huge serving,
 * one-letter labels (plural "ss", "xes"), an upper-case and a non-ASCII
 * label, a default serving without grams, a label without grams.
 */
static const char extra_yaml[] =
    "version: 1\n"
    "foods:\n"
    "  - id: pinchy\n"
    "    name: Pinchy spice\n"
    "    group: other\n"
    "    servings:\n"
    "      - {label: pinch, grams: 0.001}\n"
    "      - {label: sack, grams: 5000}\n"
    "      - {label: s, grams: 1}\n"
    "      - {label: x, grams: 2}\n"
    "      - {label: Ounce, grams: 28.35}\n"
    "      - {label: l\xc3\xb6" "ffel, grams: 15}\n"
    "    per_100g: {kcal: 1}\n"
    "  - id: capsules\n"
    "    name: Capsules\n"
    "    group: supplement\n"
    "    servings:\n"
    "      - {label: capsule}\n"
    "      - {label: scoop, grams: 30}\n"
    "    per_serving: {k2_ug: 100}\n"
    "  - id: bars\n"
    "    name: Bars\n"
    "    group: supplement\n"
    "    servings:\n"
    "      - {label: bar, grams: 40}\n"
    "      - {label: piece}\n"
    "      - {label: batch, grams: 4000}\n"
    "    per_serving: {kcal: 200}\n";

/* Kept for the whole process: the fuzzer never unloads a harness. */
static struct catalogue builtin, extra;

/* Stop with a message the fuzzer log shows: an invariant is broken. */
static void
broken(const char *what, const char *text, const struct food *f)
{
	fprintf(stderr, "fuzz_amount: invariant broken: %s (text '%s', "
	    "food %s)\n", what, text, f != NULL ? f->id : "-");
	abort();
}

static void
load(struct catalogue *c, const char *name, const char *buf, size_t len)
{
	struct diag_list *dl = malloc(sizeof *dl);

	if (dl == NULL)
		abort();
	diag_list_init(dl);
	if (catalogue_load_buffer(c, name, buf, len, dl) != 0 || c->n == 0) {
		diag_print(dl, stderr);
		abort();
	}
	free(dl);
}

/* Load the catalogues once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag_list *dl = malloc(sizeof *dl);

	(void)argc;
	(void)argv;
	if (dl == NULL)
		abort();
	diag_list_init(dl);
	catalogue_load_builtin(&builtin);
	if (builtin.n == 0) {
		diag_print(dl, stderr);
		abort();
	}
	free(dl);
	load(&extra, "extra.yaml", extra_yaml, sizeof extra_yaml - 1);
	return 0;
}

/* What a successful parse must give. */
static void
check_ok(const char *text, const struct food *f, const struct amount *a)
{
	double g0 = f->servings[0].grams, want;

	if (a->label == NULL)
		broken("no label", text, f);
	if (!isfinite(a->quantity) || !(a->quantity > 0))
		broken("quantity not finite and > 0", text, f);
	if (!isfinite(a->servings) || !(a->servings > 0) ||
	    a->servings > AMOUNT_MAX_SERVINGS)
		broken("servings not in (0, AMOUNT_MAX_SERVINGS]", text, f);
	if (!isfinite(a->grams) || a->grams < 0 ||
	    a->grams > AMOUNT_MAX_GRAMS)
		broken("grams not in [0, AMOUNT_MAX_GRAMS]", text, f);
	if (g0 > 0) {
		if (!(a->grams > 0))
			broken("no grams for a food with a weight", text, f);
		want = a->servings * g0;
		if (fabs(a->grams - want) > 1e-9 * fmax(a->grams, want) +
		    1e-300)
			broken("grams and servings disagree", text, f);
		if (strcmp(a->label, "g") == 0 &&
		    food_serving_index(f, "g") < 0 && a->grams != a->quantity)
			broken("grams differ from a quantity in g", text, f);
	} else if (a->grams != 0)
		broken("grams for a food without a weight", text, f);
}

/* Fuzz entry point: byte 0 picks a food, the rest is the amount. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, units[16];
	struct diag d;
	const struct food *f;
	const char *end;
	struct amount a, b;
	size_t n, pick;
	double v;
	int r, r2;

	if (size == 0)
		return 0;
	pick = data[0] % (builtin.n + extra.n);
	f = pick < builtin.n ? &builtin.foods[pick] :
	    &extra.foods[pick - builtin.n];
	n = size - 1 > FUZZ_TEXT_MAX ? FUZZ_TEXT_MAX : size - 1;
	text = malloc(n + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data + 1, n);
	text[n] = '\0';

	d.msg[0] = '\0';
	r = amount_parse(text, f, &a, &d);
	if (r == 0)
		check_ok(text, f, &a);
	else if (r != -1)
		broken("neither 0 nor -1", text, f);
	else if (d.msg[0] == '\0' || memchr(d.msg, '\0', sizeof d.msg) ==
	    NULL)
		broken("failure without a message", text, f);
	/* No diag at all gives the same answer. */
	r2 = amount_parse(text, f, &b, NULL);
	if (r2 != r)
		broken("no diag changed the result", text, f);
	if (r == 0 && (b.quantity != a.quantity || b.grams != a.grams ||
	    b.servings != a.servings || b.label != a.label))
		broken("same text, different amount", text, f);

	if (amount_number(text, &v, &end) == 0) {
		if (isnan(v) || v < 0)
			broken("number NaN or negative", text, NULL);
		if (end <= text || end > text + strlen(text))
			broken("number end out of the text", text, NULL);
	}
	amount_units(f, units, sizeof units);
	if (strlen(units) >= sizeof units)
		broken("units not terminated", text, f);
	free(text);
	return 0;
}
