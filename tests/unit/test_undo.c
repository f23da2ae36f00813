/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/undo.c: the records that take back a change, the
 * words the status line says of it, and their stack of 64.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "amount.h"
#include "entry.h"
#include "undo.h"
#include "util.h"

/* Gouda "2 slice" as the diary had it, entry 102. */
static void
gouda(struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = 102;
	e->day = 20523;
	e->food_id = xstrdup("gouda");
	e->food_name = xstrdup("Gouda (Dutch)");
	e->serving = xstrdup("slice");
	e->quantity = 2;
	e->grams = 56;
	e->servings = 2;
}

static void
test_add(void **state)
{
	struct amount a = { 1, "serving", 85, 1 };
	struct undo u;
	char msg[256];

	(void)state;
	undo_of_add(&u, 7, "Natto (fermented soybeans)", &a, msg, sizeof msg);
	assert_string_equal(msg, "logged 1 serving Natto (fermented soybeans)");
	assert_int_equal(u.type, UNDO_REMOVE_IDS);
	assert_int_equal(u.n_ids, 1);
	assert_int_equal(u.ids[0], 7);
	assert_string_equal(u.what, "logging of Natto (fermented soybeans)");
	undo_done_message(&u, msg, sizeof msg);
	assert_string_equal(msg,
	    "undid the logging of Natto (fermented soybeans)");
	undo_release(&u);
	assert_null(u.ids);
	undo_release(&u);

	/* The amount as typed, to four figures: "1.333 slice". */
	a.quantity = 4.0 / 3;
	a.label = "slice";
	undo_of_add(&u, 8, "Gouda (Dutch)", &a, msg, sizeof msg);
	assert_string_equal(msg, "logged 1.333 slice Gouda (Dutch)");
	undo_release(&u);
}

static void
test_removal_and_change(void **state)
{
	struct entry before;
	struct undo u;
	char msg[256];

	(void)state;
	gouda(&before);
	undo_of_removal(&u, &before, msg, sizeof msg);
	assert_string_equal(msg, "removed Gouda (Dutch) (u undoes it)");
	assert_int_equal(u.type, UNDO_RESTORE);
	assert_int_equal(u.entry.id, 102);
	assert_int_equal(u.entry.day, 20523);
	assert_string_equal(u.entry.food_id, "gouda");
	assert_string_equal(u.entry.serving, "slice");
	assert_true(u.entry.quantity == 2);
	assert_true(u.entry.grams == 56);
	/* A copy, not the caller's strings. */
	assert_ptr_not_equal(u.entry.food_id, before.food_id);
	assert_string_equal(u.what, "removal of Gouda (Dutch)");
	undo_release(&u);

	undo_of_change(&u, &before, msg, sizeof msg);
	assert_string_equal(msg, "changed Gouda (Dutch) (u undoes it)");
	assert_int_equal(u.type, UNDO_REVERT);
	assert_int_equal(u.entry.id, 102);
	assert_true(u.entry.servings == 2);
	assert_string_equal(u.what, "change of Gouda (Dutch)");
	undo_done_message(&u, msg, sizeof msg);
	assert_string_equal(msg, "undid the change of Gouda (Dutch)");
	undo_release(&u);
	entry_release(&before);
}

static void
test_copy(void **state)
{
	int64_t ids[] = { 8, 9 };
	struct undo u;
	char msg[256];

	(void)state;
	undo_of_copy(&u, ids, 2, msg, sizeof msg);
	assert_string_equal(msg, "copied 2 entries");
	assert_int_equal(u.type, UNDO_REMOVE_IDS);
	assert_int_equal(u.n_ids, 2);
	assert_int_equal(u.ids[0], 8);
	assert_int_equal(u.ids[1], 9);
	assert_ptr_not_equal(u.ids, ids);
	assert_string_equal(u.what, "copy of 2 entries");
	undo_release(&u);
	/* As the question says "the 1 entry", so do the status and undo. */
	undo_of_copy(&u, ids, 1, msg, sizeof msg);
	assert_string_equal(msg, "copied 1 entry");
	assert_string_equal(u.what, "copy of 1 entry");
	undo_release(&u);
	/* The day before lost its entries meanwhile: nothing to remove. */
	undo_of_copy(&u, NULL, 0, msg, sizeof msg);
	assert_string_equal(msg, "copied 0 entries");
	assert_int_equal(u.n_ids, 0);
	undo_release(&u);
}

static void
test_stack_lifo(void **state)
{
	struct amount a = { 1, "serving", 85, 1 };
	struct undo_stack *st = xmalloc(sizeof *st);
	int64_t ids[] = { 3, 4 };
	struct undo u;
	char msg[256];

	(void)state;
	undo_stack_init(st);
	assert_false(undo_pop(st, &u));
	undo_of_add(&u, 1, "Natto", &a, msg, sizeof msg);
	undo_push(st, &u);
	/* The stack took the record's contents. */
	assert_null(u.ids);
	undo_of_add(&u, 2, "Gouda", &a, msg, sizeof msg);
	undo_push(st, &u);
	undo_of_copy(&u, ids, 2, msg, sizeof msg);
	undo_push(st, &u);
	assert_int_equal(st->n, 3);

	assert_true(undo_pop(st, &u));
	assert_int_equal(u.n_ids, 2);
	assert_int_equal(u.ids[0], 3);
	/* A record that failed goes back on top, to be tried again. */
	undo_push(st, &u);
	assert_true(undo_pop(st, &u));
	assert_int_equal(u.ids[0], 3);
	undo_release(&u);
	assert_true(undo_pop(st, &u));
	assert_string_equal(u.what, "logging of Gouda");
	undo_release(&u);
	assert_true(undo_pop(st, &u));
	assert_string_equal(u.what, "logging of Natto");
	undo_release(&u);
	assert_int_equal(st->n, 0);
	assert_false(undo_pop(st, &u));
	undo_stack_release(st);
	free(st);
}

static void
test_stack_keeps_64(void **state)
{
	struct amount a = { 1, "serving", 85, 1 };
	struct undo_stack *st = xmalloc(sizeof *st);
	struct undo u;
	char msg[256];
	int64_t id;

	(void)state;
	assert_int_equal(UNDO_MAX, 64);
	undo_stack_init(st);
	for (id = 1; id <= 70; id++) {
		undo_of_add(&u, id, "Natto", &a, msg, sizeof msg);
		undo_push(st, &u);
	}
	assert_int_equal(st->n, UNDO_MAX);
	/* The six oldest were dropped. */
	assert_int_equal(st->v[0].ids[0], 7);
	assert_int_equal(st->v[UNDO_MAX - 1].ids[0], 70);
	for (id = 70; id >= 7; id--) {
		assert_true(undo_pop(st, &u));
		assert_int_equal(u.ids[0], id);
		undo_release(&u);
	}
	assert_false(undo_pop(st, &u));
	/* Released with records in it: nothing leaks. */
	undo_of_add(&u, 1, "Natto", &a, msg, sizeof msg);
	undo_push(st, &u);
	undo_stack_release(st);
	assert_int_equal(st->n, 0);
	free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_removal_and_change),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_stack_lifo),
		cmocka_unit_test(test_stack_keeps_64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
