/* SPDX-License-Identifier: ISC */
/* libFuzzer harness: config.yaml loaded over the defaults from any bytes. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "config_yaml.h"
#include "diag.h"
#include "text.h"

#include "fuzz_messages.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message the fuzzer log shows: an invariant is broken. */
static void
broken(const char *what)
{
	fprintf(stderr, "fuzz_config: invariant broken: %s\n", what);
	abort();
}

static int
in_range(double v, double max)
{
	return isfinite(v) && v > 0 && v <= max;
}

/* Fuzz entry point: load over the defaults and check the result. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cf, def;
	struct diag_list *dl;
	char buf[1024];
	size_t i;
	int ret;
	bool lax = getenv("K2_FUZZ_LAX_MESSAGES") != NULL;

	dl = malloc(sizeof *dl);
	if (dl == NULL)
		return 0;
	diag_list_init(dl);
	/* Zeroed first so that memcmp sees no stray padding. */
	memset(&def, 0, sizeof def);
	memset(&cf, 0, sizeof cf);
	config_defaults(&def);
	config_defaults(&cf);
	ret = config_load_buffer(&cf, "config.yaml", (const char *)data, size,
	    dl);
	if (ret != 0 && ret != -1)
		broken("load returned neither 0 nor -1");
	if ((ret == 0) != (dl->n + dl->dropped == 0))
		broken("load result and messages disagree");
	if (dl->n > DIAG_MAX || (dl->n < DIAG_MAX && dl->dropped != 0))
		broken("messages dropped below DIAG_MAX");
	for (i = 0; i < dl->n; i++) {
		if (dl->d[i].msg[0] == '\0')
			broken("empty message");
		if (!lax && !message_clean(dl->d[i].msg))
			broken("message with a control character or bad "
			    "UTF-8");
		diag_format(&dl->d[i], buf, sizeof buf);
	}
	if (ret != 0 && memcmp(&cf, &def, sizeof cf) != 0)
		broken("a failed load changed the config");
	if (cf.week_start < 0 || cf.week_start > 6)
		broken("week_start out of range");
	if (cf.day_starts_min < 0 || cf.day_starts_min > 23 * 60 + 59)
		broken("day_starts_at out of range");
	if (!in_range(cf.rich_threshold_ug, 100000) ||
	    !in_range(cf.rich_servings_goal, 1000) ||
	    !in_range(cf.k2_goal_ug, 1e7) ||
	    !in_range(cf.sat_fat_limit_g, 1000) ||
	    !in_range(cf.sodium_limit_mg, 100000))
		broken("a number out of range");
	free(dl);
	return 0;
}
