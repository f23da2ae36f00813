/* SPDX-License-Identifier: ISC */
/*
 * The one YAML writer: libyaml's emitter, fed event by event, writing into
 * a buffer. The first error sticks; ywrite_finish reports it.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text.h"
#include "util.h"
#include "ywrite.h"

struct ywriter {
	yaml_emitter_t	 em;
	char		*buf;
	size_t		 len;
	size_t		 cap;
	int		 depth;		/* open mappings and lists */
	char		 err[200];	/* the first error, or "" */
};

/* libyaml's output handler: append to the buffer. */
static int
put(void *data, unsigned char *s, size_t n)
{
	struct ywriter *w = data;

	if (w->len + n + 1 > w->cap) {
		while (w->len + n + 1 > w->cap)
			w->cap = w->cap == 0 ? 4096 : w->cap * 2;
		w->buf = xreallocarray(w->buf, w->cap, 1);
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	w->buf[w->len] = '\0';
	return 1;
}

/* Emit one event (initialised by the caller); the first failure sticks. */
static void
emit(struct ywriter *w, yaml_event_t *ev, int initialised)
{
	if (!initialised) {
		if (w->err[0] == '\0')
			snprintf(w->err, sizeof w->err, "cannot make a YAML "
			    "event (out of memory?)");
		return;
	}
	if (w->err[0] != '\0') {
		yaml_event_delete(ev);
		return;
	}
	/* yaml_emitter_emit takes the event, on failure too. */
	if (!yaml_emitter_emit(&w->em, ev))
		snprintf(w->err, sizeof w->err, "cannot write YAML: %s",
		    w->em.problem != NULL ? w->em.problem : "unknown error");
}

/* Begin a document. */
struct ywriter *
ywrite_new(const char *comment)
{
	struct ywriter *w = xcalloc(1, sizeof *w);
	yaml_event_t ev;

	if (comment != NULL)
		put(w, (unsigned char *)(uintptr_t)comment, strlen(comment));
	if (!yaml_emitter_initialize(&w->em))
		die("cannot start the YAML writer: out of memory");
	yaml_emitter_set_output(&w->em, put, w);
	yaml_emitter_set_unicode(&w->em, 1);
	yaml_emitter_set_width(&w->em, -1);
	yaml_emitter_set_indent(&w->em, 2);
	yaml_emitter_set_break(&w->em, YAML_LN_BREAK);
	emit(w, &ev, yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING));
	emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL,
	    NULL, 1));
	return w;
}

/* Begin a mapping. */
void
ywrite_map_begin(struct ywriter *w, bool flow)
{
	yaml_event_t ev;

	w->depth++;
	emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

/* End a mapping. */
void
ywrite_map_end(struct ywriter *w)
{
	yaml_event_t ev;

	w->depth--;
	emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

/* Begin a list. */
void
ywrite_seq_begin(struct ywriter *w, bool flow)
{
	yaml_event_t ev;

	w->depth++;
	emit(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

/* End a list. */
void
ywrite_seq_end(struct ywriter *w)
{
	yaml_event_t ev;

	w->depth--;
	emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

static void
scalar(struct ywriter *w, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	emit(w, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)strlen(s), 1, 1, style));
}

/*
 * Words a YAML reader may take for true, false or nothing (YAML 1.1 and
 * 1.2), whatever yread.c does with them today.
 */
static bool
special_word(const char *s)
{
	static const char *const words[] = {
		"null", "Null", "NULL", "~", "true", "True", "TRUE", "false",
		"False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on",
		"On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(words); i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	return false;
}

/*
 * Plain when it is safe by a narrow rule: it starts with a letter, holds
 * letters, digits, blanks and a few signs that mean nothing to YAML there,
 * does not end in a blank, and is no special word. Anything else is
 * quoted, which always reads back as the same text.
 */
static bool
plain_ok(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);

	if (n == 0 || special_word(s) || s[n - 1] == ' ')
		return false;
	if (!((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') ||
	    *u >= 0x80))
		return false;
	for (; *u != '\0'; u++) {
		if ((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') ||
		    (*u >= '0' && *u <= '9') || *u >= 0x80)
			continue;
		if (strchr(" _-.,()/+&'", *u) == NULL)
			return false;
	}
	return true;
}

/* Text, plain when that is safe. */
void
ywrite_text(struct ywriter *w, const char *s)
{
	scalar(w, s, plain_ok(s) ? YAML_PLAIN_SCALAR_STYLE :
	    YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

/* Text, double-quoted. */
void
ywrite_quoted(struct ywriter *w, const char *s)
{
	scalar(w, s, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

/* A number: text_num_exact, plain. */
void
ywrite_number(struct ywriter *w, double v)
{
	char buf[40];

	if (!isfinite(v)) {
		if (w->err[0] == '\0')
			snprintf(w->err, sizeof w->err, "cannot write YAML: "
			    "a number that is not finite");
		return;
	}
	scalar(w, text_num_exact(buf, sizeof buf, v),
	    YAML_PLAIN_SCALAR_STYLE);
}

/* End the document and hand over its text. */
int
ywrite_finish(struct ywriter *w, char **buf, size_t *len, struct diag *d)
{
	yaml_event_t ev;
	int ret = 0;

	if (w->depth != 0 && w->err[0] == '\0')
		snprintf(w->err, sizeof w->err, "cannot write YAML: %d "
		    "mappings or lists left open", w->depth);
	emit(w, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(w, &ev, yaml_stream_end_event_initialize(&ev));
	if (w->err[0] == '\0' && !yaml_emitter_flush(&w->em))
		snprintf(w->err, sizeof w->err, "cannot write YAML: %s",
		    w->em.problem != NULL ? w->em.problem : "flush failed");
	yaml_emitter_delete(&w->em);
	*buf = NULL;
	*len = 0;
	if (w->err[0] != '\0') {
		diag_set(d, NULL, 0, 0, "%s", w->err);
		free(w->buf);
		ret = -1;
	} else {
		if (w->buf == NULL)
			put(w, (unsigned char *)(uintptr_t)"", 0);
		*buf = w->buf;
		*len = w->len;
	}
	free(w);
	return ret;
}
