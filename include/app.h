/* SPDX-License-Identifier: ISC */
/* The full screen's loop: key, reducer, diary, view, draw. */
#ifndef K2_APP_H
#define K2_APP_H

#include "cli.h"

/*
 * Run the full screen on an open session (its catalogue may be left for
 * later); returns the exit status.
 */
int app_run(struct session *, bool no_color);

#endif
