/* SPDX-License-Identifier: ISC */
/* Shared by the fuzz harnesses that load YAML: the message invariant. */
#ifndef K2_FUZZ_MESSAGES_H
#define K2_FUZZ_MESSAGES_H

#include <stdbool.h>
#include <string.h>

#include "text.h"

/*
 * A message is one line of valid UTF-8 without control characters (C0
 * but tab, DEL or C1), whatever the file held: it goes to a terminal.
 * Setting K2_FUZZ_LAX_MESSAGES in the environment skips this check.
 */
static inline bool
message_clean(const char *msg)
{
	const unsigned char *u = (const unsigned char *)msg;
	size_t i, len = strlen(msg), bad;

	if (!text_valid(msg, len, &bad))
		return false;
	for (i = 0; i < len; i++) {
		if ((u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7f ||
		    (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] < 0xa0))
			return false;
	}
	return true;
}

#endif
