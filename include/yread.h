/* SPDX-License-Identifier: ISC */
/*
 * The one strict YAML reader (the only user of libyaml): a bounded tree of
 * scalars, lists and mappings, each with its 1-based line and column, and
 * typed getters that report errors as "file:line:col: message".
 */
#ifndef K2_YREAD_H
#define K2_YREAD_H

#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

#define YREAD_MAX_BYTES (16u * 1024 * 1024)
#define YREAD_MAX_DEPTH 32

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP
};

struct ynode {
	enum ynode_type	 type;
	unsigned	 line;
	unsigned	 col;
	bool		 plain;		/* scalar written without quotes */
	char		*str;		/* scalar text, NUL-terminated */
	size_t		 len;
	struct ynode	**items;	/* SEQ: items; MAP: key, value, key, value ... */
	size_t		 n;		/* SEQ: items; MAP: pairs */
};

struct ydoc {
	const char	*file;		/* borrowed */
	struct ynode	*root;		/* NULL for an empty document */
	void		*arena;		/* internal: where nodes and text live */
};

/*
 * Read a file (regular, at most YREAD_MAX_BYTES). Returns 0, or -1 with the
 * errors in dl. An empty file gives root NULL and 0.
 */
int yread_file(const char *path, struct ydoc *out, struct diag_list *dl);
int yread_buffer(const char *name, const char *buf, size_t len,
    struct ydoc *out, struct diag_list *dl);
void ydoc_release(struct ydoc *);

/* "a mapping", "a list", "text \"abc\"", "the number 12" ... for messages. */
void ynode_describe(const struct ynode *, char *buf, size_t len);
/* Value of key in a mapping, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
/*
 * Check a node is a mapping whose keys are all in allowed (NULL-ended),
 * each once. Reports "unknown key" with the allowed list. false if n is
 * not a mapping (reported as "expected <what>").
 */
bool yread_check_map(const struct ydoc *, const struct ynode *n,
    const char *what, const char *const *allowed, struct diag_list *dl);
/* Report "expected <what>, found <description>" at n. */
void yread_expected(const struct ydoc *, const struct ynode *n,
    const char *what, struct diag_list *dl);
/* A plain number, finite, in [min, max]; open_min excludes min. */
bool yread_number(const struct ydoc *, const struct ynode *n, const char *key,
    double min, bool open_min, double max, double *out, struct diag_list *dl);
/* A non-empty string of at most maxlen bytes (no control characters). */
bool yread_string(const struct ydoc *, const struct ynode *n, const char *key,
    size_t maxlen, const char **out, struct diag_list *dl);
/* true/false. */
bool yread_bool(const struct ydoc *, const struct ynode *n, const char *key,
    bool *out, struct diag_list *dl);

#endif
