/* SPDX-License-Identifier: ISC */
/* The full screen's loop: key, reducer, diary, view, draw. */
#ifndef K2_APP_H
#define K2_APP_H

#include "cli.h"

/* Run the full screen on the loaded context; returns the exit status. */
int app_run(struct cli_ctx *);

#endif
