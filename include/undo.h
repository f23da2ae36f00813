/* SPDX-License-Identifier: ISC */
/*
 * Undo records: how to take back one change to the diary. The code that
 * makes a change (app.c) builds its record right there, from what it did,
 * with the words the status line says of both; it keeps them on a stack
 * of the last UNDO_MAX. Pure: the diary is not called here.
 */
#ifndef K2_UNDO_H
#define K2_UNDO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entry.h"

#define UNDO_MAX 64		/* undo levels */

enum undo_type {
	UNDO_REMOVE_IDS,	/* take back adds and copies: remove ids */
	UNDO_RESTORE,		/* take back a removal: put the entry back */
	UNDO_REVERT		/* take back a change: the entry as it was */
};

/* One record; it owns its ids and its entry (undo_release frees them). */
struct undo {
	enum undo_type	 type;
	int64_t		*ids;		/* REMOVE_IDS */
	size_t		 n_ids;
	struct entry	 entry;		/* RESTORE, REVERT */
	char		 what[96];	/* "logging of Natto" */
};

/* The newest record last. */
struct undo_stack {
	struct undo	 v[UNDO_MAX];
	size_t		 n;
};

void undo_stack_init(struct undo_stack *);
void undo_stack_release(struct undo_stack *);
/* Push u, taking what it owns; when the stack is full the oldest goes. */
void undo_push(struct undo_stack *, struct undo *u);
/* Take the newest record into u (the caller releases it); false if none. */
bool undo_pop(struct undo_stack *, struct undo *u);
/* Free what a record owns; it may be released again. */
void undo_release(struct undo *);

/*
 * Build the record that takes back a change, and in msg (len bytes) what
 * the status line says was done:
 * - logging food_name in amount a as entry id: "logged 2 slice Gouda";
 * - copying the entries ids: "copied 2 entries";
 * - changing the entry that was before: "changed Gouda (u undoes it)";
 * - removing the entry that was before: "removed Gouda (u undoes it)".
 * Each copies what it needs (before stays the caller's).
 */
void undo_of_add(struct undo *, int64_t id, const char *food_name,
    const struct amount *a, char *msg, size_t len);
void undo_of_copy(struct undo *, const int64_t *ids, size_t n, char *msg,
    size_t len);
void undo_of_change(struct undo *, const struct entry *before, char *msg,
    size_t len);
void undo_of_removal(struct undo *, const struct entry *before, char *msg,
    size_t len);
/* What the status line says once u is taken back: "undid the logging of X". */
void undo_done_message(const struct undo *u, char *msg, size_t len);

#endif
