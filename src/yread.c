/* SPDX-License-Identifier: ISC */
/* The one strict YAML reader (sole libyaml user): a bounded tree with positions. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "text.h"
#include "util.h"
#include "yread.h"

/* Nodes a document may hold: far above 100,000 foods, far below a blow-up. */
#define YREAD_MAX_NODES (4u * 1024 * 1024)

/* Nodes and scalar text come from chunks freed together. */
#define CHUNK_SIZE (256u * 1024)

struct chunk {
	struct chunk	*next;
	size_t		 used;
	size_t		 cap;
	max_align_t	 data[];
};

struct builder {
	struct chunk	*arena;
	const char	*file;
	struct diag_list *dl;
	struct ynode	*stack[YREAD_MAX_DEPTH + 1];
	size_t		 count[YREAD_MAX_DEPTH + 1];
	size_t		 depth;
	struct ynode	*root;
	size_t		 nodes;
	int		 failed;
	int		 documents;
};

static void *
arena_alloc(struct builder *b, size_t size)
{
	struct chunk *c = b->arena;
	size_t align = sizeof(max_align_t), cap;
	void *p;

	size = (size + align - 1) / align * align;
	if (c == NULL || c->cap - c->used < size) {
		cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
		c = xmalloc(sizeof *c + cap);
		c->next = b->arena;
		c->used = 0;
		c->cap = cap;
		b->arena = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

static char *
arena_strndup(struct builder *b, const char *s, size_t len)
{
	char *p = arena_alloc(b, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Free the item arrays (nodes and text live in the arena). */
static void
node_free(struct ynode *n)
{
	size_t i, count;

	if (n == NULL)
		return;
	count = n->type == YNODE_MAP ? n->n * 2 : n->n;
	for (i = 0; i < count; i++)
		node_free(n->items[i]);
	free(n->items);
	n->items = NULL;
}

static void
arena_free(struct chunk *c)
{
	struct chunk *next;

	for (; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

/* Free a document's tree. */
void
ydoc_release(struct ydoc *doc)
{
	node_free(doc->root);
	doc->root = NULL;
	arena_free(doc->arena);
	doc->arena = NULL;
}

static struct ynode *
node_new(struct builder *b, enum ynode_type type, yaml_mark_t mark)
{
	struct ynode *n = arena_alloc(b, sizeof *n);

	memset(n, 0, sizeof *n);

	n->type = type;
	n->line = (unsigned)mark.line + 1;
	n->col = (unsigned)mark.column + 1;
	b->nodes++;
	return n;
}

/* Add a finished node to the open container, or make it the root. */
static void
attach(struct builder *b, struct ynode *n)
{
	struct ynode *parent;
	size_t *count;

	if (b->depth == 0) {
		b->root = n;
		return;
	}
	parent = b->stack[b->depth - 1];
	count = &b->count[b->depth - 1];
	/* Grow by doubling: full when the count is a power of two. */
	if ((*count & (*count - 1)) == 0)
		parent->items = xreallocarray(parent->items,
		    *count == 0 ? 1 : *count * 2, sizeof *parent->items);
	parent->items[(*count)++] = n;
}

/* Close the innermost container: n counts items (lists) or pairs (maps). */
static void
close_container(struct builder *b)
{
	struct ynode *n;
	size_t count;

	b->depth--;
	n = b->stack[b->depth];
	count = b->count[b->depth];
	if (n->type == YNODE_MAP) {
		if (count % 2 != 0)	/* a key without its value (an error) */
			node_free(n->items[--count]);
		n->n = count / 2;
	} else
		n->n = count;
}

static void
anchor_error(struct builder *b, const yaml_event_t *ev, const char *what,
    char sigil, const yaml_char_t *name)
{
	diag_add(b->dl, b->file, (unsigned)ev->start_mark.line + 1,
	    (unsigned)ev->start_mark.column + 1,
	    "YAML %s '%c%.40s' is not supported: write the value out in full",
	    what, sigil, (const char *)name);
	b->failed = 1;
}

static int
check_props(struct builder *b, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag, int implicit)
{
	if (anchor != NULL)
		anchor_error(b, ev, "anchor", '&', anchor);
	if (tag != NULL && !implicit) {
		diag_add(b->dl, b->file, (unsigned)ev->start_mark.line + 1,
		    (unsigned)ev->start_mark.column + 1,
		    "tag '%s' is not supported: remove it",
		    (const char *)tag);
		b->failed = 1;
	}
	return 0;
}

static int
handle_event(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			diag_add(b->dl, b->file,
			    (unsigned)ev->start_mark.line + 1,
			    (unsigned)ev->start_mark.column + 1,
			    "a second YAML document: expected one document");
			b->failed = 1;
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		anchor_error(b, ev, "alias", '*', ev->data.alias.anchor);
		/* Keep the tree's shape with an empty placeholder. */
		n = node_new(b, YNODE_SCALAR, ev->start_mark);
		n->str = arena_strndup(b, "", 0);
		attach(b, n);
		break;
	case YAML_SCALAR_EVENT:
		check_props(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag,
		    ev->data.scalar.plain_implicit ||
		    ev->data.scalar.quoted_implicit);
		n = node_new(b, YNODE_SCALAR, ev->start_mark);
		n->str = arena_strndup(b,
		    (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		attach(b, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (ev->type == YAML_SEQUENCE_START_EVENT)
			check_props(b, ev, ev->data.sequence_start.anchor,
			    ev->data.sequence_start.tag,
			    ev->data.sequence_start.implicit);
		else
			check_props(b, ev, ev->data.mapping_start.anchor,
			    ev->data.mapping_start.tag,
			    ev->data.mapping_start.implicit);
		if (b->depth == YREAD_MAX_DEPTH) {
			diag_add(b->dl, b->file,
			    (unsigned)ev->start_mark.line + 1,
			    (unsigned)ev->start_mark.column + 1,
			    "nested more than %d levels deep", YREAD_MAX_DEPTH);
			b->failed = 1;
			return -1;
		}
		n = node_new(b, ev->type == YAML_SEQUENCE_START_EVENT ?
		    YNODE_SEQ : YNODE_MAP, ev->start_mark);
		attach(b, n);
		b->stack[b->depth] = n;
		b->count[b->depth] = 0;
		b->depth++;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_container(b);
		break;
	default:
		break;
	}
	if (b->nodes > YREAD_MAX_NODES) {
		diag_add(b->dl, b->file, (unsigned)ev->start_mark.line + 1,
		    (unsigned)ev->start_mark.column + 1,
		    "more than %u values in one file", YREAD_MAX_NODES);
		b->failed = 1;
		return -1;
	}
	return 0;
}

/* Line and column (1-based, in characters) of a byte offset. */
static void
offset_position(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * The first tab in the indentation of the line holding byte off (the
 * blanks before its first other character), as a byte offset, or -1.
 */
static long
indent_tab(const char *buf, size_t len, size_t off)
{
	size_t start = off, i;

	if (off > len)
		return -1;
	while (start > 0 && buf[start - 1] != '\n')
		start--;
	for (i = start; i < len && (buf[i] == ' ' || buf[i] == '\t'); i++)
		if (buf[i] == '\t')
			return (long)i;
	return -1;
}

static void
parser_error(struct builder *b, const yaml_parser_t *p, const char *buf,
    size_t len)
{
	unsigned line, col;
	const char *problem = p->problem != NULL ? p->problem : "parse error";
	long tab;

	/* A tab in the indentation: libyaml's words do not say so plainly. */
	if (p->error == YAML_SCANNER_ERROR &&
	    (tab = indent_tab(buf, len, p->problem_mark.index)) >= 0) {
		offset_position(buf, (size_t)tab, &line, &col);
		diag_add(b->dl, b->file, line, col, "tab characters cannot "
		    "indent YAML; use spaces");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		offset_position(buf, p->problem_offset, &line, &col);
		diag_add(b->dl, b->file, line, col, "invalid text: %s",
		    problem);
	} else if (p->context != NULL) {
		diag_add(b->dl, b->file, (unsigned)p->problem_mark.line + 1,
		    (unsigned)p->problem_mark.column + 1,
		    "invalid YAML: %s (%s at line %zu, column %zu)", problem,
		    p->context, p->context_mark.line + 1,
		    p->context_mark.column + 1);
	} else {
		diag_add(b->dl, b->file, (unsigned)p->problem_mark.line + 1,
		    (unsigned)p->problem_mark.column + 1, "invalid YAML: %s",
		    problem);
	}
}

/* Parse a buffer into a tree. */
int
yread_buffer(const char *name, const char *buf, size_t len, struct ydoc *out,
    struct diag_list *dl)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t ev;
	size_t bad;
	unsigned line, col;
	int done = 0;

	memset(out, 0, sizeof *out);
	out->file = name;
	memset(&b, 0, sizeof b);
	b.file = name;
	b.dl = dl;
	if (len > YREAD_MAX_BYTES) {
		diag_add(dl, name, 0, 0,
		    "file is too large (%zu bytes): the limit is 16 MiB", len);
		return -1;
	}
	if (!text_valid(buf, len, &bad)) {
		offset_position(buf, bad, &line, &col);
		diag_add(dl, name, line, col,
		    "invalid UTF-8 (byte 0x%02x): save the file as UTF-8",
		    (unsigned char)buf[bad]);
		return -1;
	}
	if (memchr(buf, '\0', len) != NULL) {
		offset_position(buf, (size_t)((const char *)memchr(buf, '\0',
		    len) - buf), &line, &col);
		diag_add(dl, name, line, col,
		    "a NUL byte: this is not a text file");
		return -1;
	}
	if (!yaml_parser_initialize(&parser))
		die("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	/* Not forced to UTF-8: libyaml then drops a byte order mark. */
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&b, &parser, buf, len);
			b.failed = 1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		if (handle_event(&b, &ev) != 0)
			done = 1;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	/* Close containers left open by an error. */
	while (b.depth > 0)
		close_container(&b);
	out->root = b.root;
	out->arena = b.arena;
	if (b.failed) {
		ydoc_release(out);
		return -1;
	}
	return 0;
}

/* Read a regular file of at most YREAD_MAX_BYTES and parse it. */
int
yread_file(const char *path, struct ydoc *out, struct diag_list *dl)
{
	struct diag d;
	char *buf;
	size_t len;
	int ret;

	memset(out, 0, sizeof *out);
	out->file = path;
	if (util_read_file(path, YREAD_MAX_BYTES, &buf, &len, &d) != 0) {
		diag_add(dl, d.file, d.line, d.col, "%s", d.msg);
		return -1;
	}
	ret = yread_buffer(path, buf, len, out, dl);
	free(buf);
	return ret;
}

static bool
scalar_is_null(const struct ynode *n)
{
	return n->plain && (n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0);
}

/* A plain decimal number: -?(digits[.digits*] | .digits)([eE][+-]?digits)? */
static bool
looks_decimal(const char *s)
{
	bool digits = false;

	if (*s == '-' || *s == '+')
		s++;
	while (*s >= '0' && *s <= '9') {
		s++;
		digits = true;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			s++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static bool
looks_special_float(const char *s)
{
	static const char *const names[] = {
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf",
		"-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(s, names[i]) == 0)
			return true;
	return false;
}

/* Describe a node for a message. */
void
ynode_describe(const struct ynode *n, char *buf, size_t len)
{
	char text[64];

	if (n == NULL) {
		snprintf(buf, len, "nothing");
		return;
	}
	switch (n->type) {
	case YNODE_MAP:
		snprintf(buf, len, "a mapping");
		return;
	case YNODE_SEQ:
		snprintf(buf, len, "a list");
		return;
	case YNODE_SCALAR:
		break;
	}
	if (scalar_is_null(n)) {
		snprintf(buf, len, "nothing");
		return;
	}
	text_fit(text, sizeof text, n->str, 40, false);
	if (n->plain && looks_decimal(n->str))
		snprintf(buf, len, "the number %s", text);
	else if (n->plain && looks_special_float(n->str))
		snprintf(buf, len, "%s (%s)", text,
		    strstr(n->str, "nan") || strstr(n->str, "NaN") ||
		    strstr(n->str, "NAN") ? "not a number" : "infinity");
	else if (n->plain && (strcmp(n->str, "true") == 0 ||
	    strcmp(n->str, "false") == 0))
		snprintf(buf, len, "%s", text);
	else
		snprintf(buf, len, "text \"%s\"", text);
}

/* Value of a key in a mapping. */
const struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++) {
		const struct ynode *k = map->items[2 * i];
		if (k->type == YNODE_SCALAR && strcmp(k->str, key) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

/* Report "expected <what>, found <description>" at n. */
void
yread_expected(const struct ydoc *doc, const struct ynode *n,
    const char *what, struct diag_list *dl)
{
	char found[128];

	ynode_describe(n, found, sizeof found);
	diag_add(dl, doc->file, n != NULL ? n->line : 0,
	    n != NULL ? n->col : 0, "expected %s, found %s", what, found);
}

/* Edit distance, bounded, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, tmp;
	size_t row[48];

	if (la >= ARRAY_LEN(row) || lb >= ARRAY_LEN(row))
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

/* Check a mapping's keys against the allowed ones. */
bool
yread_check_map(const struct ydoc *doc, const struct ynode *n,
    const char *what, const char *const *allowed, struct diag_list *dl)
{
	size_t i, j, best_d;
	const char *best;
	char list[512];

	if (n == NULL || n->type != YNODE_MAP) {
		yread_expected(doc, n, what, dl);
		return false;
	}
	for (i = 0; i < n->n; i++) {
		const struct ynode *k = n->items[2 * i];
		if (k->type != YNODE_SCALAR) {
			yread_expected(doc, k, "a key (a word)", dl);
			continue;
		}
		for (j = 0; j < i; j++) {
			const struct ynode *o = n->items[2 * j];
			if (o->type == YNODE_SCALAR &&
			    strcmp(o->str, k->str) == 0) {
				diag_add(dl, doc->file, k->line, k->col,
				    "duplicate key '%s' (first at line %u)",
				    k->str, o->line);
				break;
			}
		}
		for (j = 0; allowed[j] != NULL; j++)
			if (strcmp(allowed[j], k->str) == 0)
				break;
		if (allowed[j] != NULL)
			continue;
		/* Unknown: only now find the nearest key and list them all. */
		best = NULL;
		best_d = 99;
		list[0] = '\0';
		for (j = 0; allowed[j] != NULL; j++) {
			size_t d = distance(allowed[j], k->str);
			if (d < best_d) {
				best_d = d;
				best = allowed[j];
			}
			if (j > 0)
				strncat(list, ", ", sizeof list - strlen(list) - 1);
			strncat(list, allowed[j], sizeof list - strlen(list) - 1);
		}
		if (best != NULL && best_d <= 2 && best_d < strlen(k->str))
			diag_add(dl, doc->file, k->line, k->col,
			    "unknown key '%.60s' in %s: did you mean '%s'?",
			    k->str, what, best);
		else
			diag_add(dl, doc->file, k->line, k->col,
			    "unknown key '%.60s' in %s: expected one of %s",
			    k->str, what, list);
	}
	return true;
}

static void
fmt_limit(char *buf, size_t len, double v)
{
	snprintf(buf, len, "%.10g", v);
}

/* What a number must be, for a message (only built when one is needed). */
static void
number_what(char *what, size_t len, const char *key, double min,
    bool open_min, double max)
{
	char lo[32], hi[32];

	fmt_limit(lo, sizeof lo, min);
	fmt_limit(hi, sizeof hi, max);
	if (isinf(max))
		snprintf(what, len, "a number %s %s for '%s'",
		    open_min ? "above" : "of at least", lo, key);
	else if (open_min)
		snprintf(what, len,
		    "a number above %s and at most %s for '%s'", lo, hi, key);
	else
		snprintf(what, len, "a number from %s to %s for '%s'", lo, hi,
		    key);
}

/* A plain finite number within bounds. */
bool
yread_number(const struct ydoc *doc, const struct ynode *n, const char *key,
    double min, bool open_min, double max, double *out, struct diag_list *dl)
{
	char what[160];
	double v;
	const char *end;

	if (n == NULL || n->type != YNODE_SCALAR || !n->plain ||
	    !looks_decimal(n->str)) {
		number_what(what, sizeof what, key, min, open_min, max);
		yread_expected(doc, n, what, dl);
		return false;
	}
	/*
	 * '.' is the decimal point whatever LC_NUMERIC says, and the whole
	 * text must be the number (a locale's strtod would stop at the '.').
	 */
	errno = 0;
	if (text_num_parse(n->str, &v, &end) != 0 || *end != '\0') {
		if (errno == ERANGE) {
			number_what(what, sizeof what, key, min, open_min,
			    max);
			diag_add(dl, doc->file, n->line, n->col,
			    "expected %s, found %.40s, which is too large to "
			    "be a number", what, n->str);
			return false;
		}
		number_what(what, sizeof what, key, min, open_min, max);
		yread_expected(doc, n, what, dl);
		return false;
	}
	if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL)) {
		number_what(what, sizeof what, key, min, open_min, max);
		diag_add(dl, doc->file, n->line, n->col,
		    "expected %s, found %.40s, which is too large to be a number",
		    what, n->str);
		return false;
	}
	if (errno == ERANGE)
		v = 0;	/* underflow: closer to zero than a double holds */
	if (!isfinite(v) || v < min || (open_min && v <= min) || v > max) {
		number_what(what, sizeof what, key, min, open_min, max);
		diag_add(dl, doc->file, n->line, n->col,
		    "expected %s, found %.40s", what, n->str);
		return false;
	}
	*out = v;
	return true;
}

/* A non-empty string without control characters. */
bool
yread_string(const struct ydoc *doc, const struct ynode *n, const char *key,
    size_t maxlen, const char **out, struct diag_list *dl)
{
	char what[96];
	size_t i;

	if (n == NULL || n->type != YNODE_SCALAR) {
		snprintf(what, sizeof what, "text for '%s'", key);
		yread_expected(doc, n, what, dl);
		return false;
	}
	if (scalar_is_null(n) || n->len == 0) {
		diag_add(dl, doc->file, n->line, n->col,
		    "'%s' is empty: expected text", key);
		return false;
	}
	if (n->len > maxlen) {
		diag_add(dl, doc->file, n->line, n->col,
		    "'%s' is %zu bytes long: at most %zu allowed", key, n->len,
		    maxlen);
		return false;
	}
	for (i = 0; i < n->len; i++) {
		unsigned char c = (unsigned char)n->str[i];
		if (c < 0x20 || c == 0x7f) {
			diag_add(dl, doc->file, n->line, n->col,
			    "'%s' contains a control character (0x%02x)", key,
			    c);
			return false;
		}
		/* C1 controls (U+0080 to U+009F) are 0xc2 0x80 to 0xc2 0x9f. */
		if (c == 0xc2 && i + 1 < n->len &&
		    (unsigned char)n->str[i + 1] < 0xa0) {
			diag_add(dl, doc->file, n->line, n->col,
			    "'%s' contains a control character (U+%04X)", key,
			    (unsigned char)n->str[i + 1]);
			return false;
		}
	}
	*out = n->str;
	return true;
}

/* true or false. */
bool
yread_bool(const struct ydoc *doc, const struct ynode *n, const char *key,
    bool *out, struct diag_list *dl)
{
	char what[96];

	snprintf(what, sizeof what, "true or false for '%s'", key);
	if (n != NULL && n->type == YNODE_SCALAR && n->plain) {
		if (strcmp(n->str, "true") == 0) {
			*out = true;
			return true;
		}
		if (strcmp(n->str, "false") == 0) {
			*out = false;
			return true;
		}
	}
	yread_expected(doc, n, what, dl);
	return false;
}
