/* SPDX-License-Identifier: ISC */
/* Memory helpers that never return NULL, and the fatal exit path. */
#ifndef K2_UTIL_H
#define K2_UTIL_H

#include <stddef.h>

struct diag;	/* diag.h, which includes this file */

#define K2_NORETURN _Noreturn
#define K2_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Allocate or die: out of memory is not an error path (see STYLE.md). */
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
/* Formatted string; caller frees. */
char *xasprintf(const char *, ...) K2_PRINTF(1, 2);

/*
 * Read a whole regular file of at most max bytes (a FIFO, device or
 * directory is refused without blocking). Returns 0 with a NUL-terminated
 * buffer the caller frees, or -1 with a message and path (borrowed) in d.
 */
int util_read_file(const char *path, size_t max, char **buf, size_t *len,
    struct diag *d);

/* Hook run before a fatal exit (the terminal layer restores the screen). */
void util_set_fatal_hook(void (*)(void));
/* Print "k2diary: message" to stderr and exit 1, after the hook. */
K2_NORETURN void die(const char *, ...) K2_PRINTF(1, 2);

#endif
