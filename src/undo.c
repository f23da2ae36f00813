/* SPDX-License-Identifier: ISC */
/* Undo records and their stack, built where a change is made: pure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "undo.h"
#include "util.h"

/* Start empty. */
void
undo_stack_init(struct undo_stack *st)
{
	memset(st, 0, sizeof *st);
}

/* Free every record. */
void
undo_stack_release(struct undo_stack *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		undo_release(&st->v[i]);
	st->n = 0;
}

/* Free what a record owns. */
void
undo_release(struct undo *u)
{
	free(u->ids);
	u->ids = NULL;
	u->n_ids = 0;
	entry_release(&u->entry);
	memset(&u->entry, 0, sizeof u->entry);
}

/* Push a record; the oldest goes when the stack is full. */
void
undo_push(struct undo_stack *st, struct undo *u)
{
	if (st->n == UNDO_MAX) {
		undo_release(&st->v[0]);
		memmove(&st->v[0], &st->v[1], (UNDO_MAX - 1) * sizeof st->v[0]);
		st->n--;
	}
	st->v[st->n++] = *u;
	memset(u, 0, sizeof *u);
}

/* Take the newest record. */
bool
undo_pop(struct undo_stack *st, struct undo *u)
{
	if (st->n == 0)
		return false;
	*u = st->v[--st->n];
	memset(&st->v[st->n], 0, sizeof st->v[st->n]);
	return true;
}

/* A record that removes ids (a copy of them). */
static void
remove_ids(struct undo *u, const int64_t *ids, size_t n)
{
	memset(u, 0, sizeof *u);
	u->type = UNDO_REMOVE_IDS;
	u->ids = xreallocarray(NULL, n + 1, sizeof *u->ids);
	if (n > 0)
		memcpy(u->ids, ids, n * sizeof *u->ids);
	u->n_ids = n;
}

/* Logging: remove the new entry. */
void
undo_of_add(struct undo *u, int64_t id, const char *food_name,
    const struct amount *a, char *msg, size_t len)
{
	char amount[64];

	remove_ids(u, &id, 1);
	snprintf(u->what, sizeof u->what, "logging of %s", food_name);
	snprintf(amount, sizeof amount, "%.4g %s", a->quantity, a->label);
	snprintf(msg, len, "logged %s %s", amount, food_name);
}

/* Copying a day: remove the copies. */
void
undo_of_copy(struct undo *u, const int64_t *ids, size_t n, char *msg,
    size_t len)
{
	const char *noun = n == 1 ? "entry" : "entries";

	remove_ids(u, ids, n);
	snprintf(u->what, sizeof u->what, "copy of %zu %s", n, noun);
	snprintf(msg, len, "copied %zu %s", n, noun);
}

/* A record that puts back the entry as it was. */
static void
put_back(struct undo *u, enum undo_type type, const struct entry *before,
    const char *what, const char *done, char *msg, size_t len)
{
	memset(u, 0, sizeof *u);
	u->type = type;
	entry_copy(&u->entry, before);
	snprintf(u->what, sizeof u->what, "%s of %s", what, before->food_name);
	snprintf(msg, len, "%s %s (u undoes it)", done, before->food_name);
}

/* Changing an entry: write it back as it was. */
void
undo_of_change(struct undo *u, const struct entry *before, char *msg,
    size_t len)
{
	put_back(u, UNDO_REVERT, before, "change", "changed", msg, len);
}

/* Removing an entry: restore it, with its id. */
void
undo_of_removal(struct undo *u, const struct entry *before, char *msg,
    size_t len)
{
	put_back(u, UNDO_RESTORE, before, "removal", "removed", msg, len);
}

/* What was taken back. */
void
undo_done_message(const struct undo *u, char *msg, size_t len)
{
	snprintf(msg, len, "undid the %s", u->what);
}
