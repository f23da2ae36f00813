/* SPDX-License-Identifier: ISC */
/* sr28-convert: the USDA SR28 files of a folder to a catalogue in the foods.yaml format. */

/*
 * Usage: sr28-convert SR28_DIR OUT.yaml
 *
 * Reads FOOD_DES.txt, WEIGHT.txt and NUT_DATA.txt of SR28_DIR (when there
 * is no plain NUT_DATA.txt, NUT_DATA.txt.xz through `xz -dc`, so nothing
 * links a compression library) and writes OUT.yaml as DESIGN.md section 3a
 * says: one food per FOOD_DES record in NDB order, its group from the
 * table below, five nutrients per 100 g (absent when SR28 gives no value),
 * servings from WEIGHT.txt. OUT.yaml is written with libyaml's emitter to a
 * temporary file in the same folder, then renamed into place, so a failed
 * run leaves the old file whole.
 *
 * The report goes to stderr, one "what: count" a line: foods written, the
 * weight rows read and kept, the rows dropped for each reason, and the foods
 * whose serving came from an oz/lb row or is the 100 g default. Errors go
 * to stderr too, as "sr28-convert: FILE:LINE: message".
 * Exit status: 0 done, 1 a data or system error, 2 usage.
 *
 * Numbers are read and written in the C locale whatever LC_NUMERIC says,
 * with the shortest text that reads back as the same double; the same input
 * gives the same bytes. Not part of k2diary nor of libcore.a: `make
 * catalogue` builds it and writes data/usda-sr28.yaml.
 *
 * This file holds main and what touches the system: the SR28 files read
 * record by record (through xz when compressed) and OUT.yaml written with
 * libyaml's emitter. sr28_read.c makes foods of the records, and
 * sr28_rules.c applies the rules (sr28_priv.h).
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <yaml.h>

#include "sr28_priv.h"

struct sr28_writer {
	yaml_emitter_t	 em;
	bool		 failed;
};

/* The C locale, made once in main. */
locale_t sr28_c_locale;

/* Print "sr28-convert: message" to stderr. */
SR28_PRINTF(1, 2) void
sr28_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("sr28-convert: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Allocate or exit: out of memory is not an error path. */
void *
sr28_alloc(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		sr28_fail("out of memory");
		exit(1);
	}
	p = realloc(p, n * size == 0 ? 1 : n * size);
	if (p == NULL) {
		sr28_fail("out of memory");
		exit(1);
	}
	return p;
}

/* Print "sr28-convert: FILE:LINE: message" to stderr. */
SR28_PRINTF(2, 3) void
sr28_error(const struct sr28_file *f, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sr28-convert: %s:%lu: ", f->path, f->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Open DIR/NAME for reading, or through `xz -dc` when piped. */
int
sr28_open(struct sr28_file *f, const char *dir, const char *name, bool piped)
{
	size_t n = strlen(dir) + strlen(name) + 2, i, j;
	char *cmd;
	FILE *probe;

	memset(f, 0, sizeof *f);
	f->path = sr28_alloc(NULL, n, 1);
	snprintf(f->path, n, "%s/%s", dir, name);
	if (!piped) {
		if ((f->fp = fopen(f->path, "rb")) == NULL)
			goto fail;
		return 0;
	}
	/* Say so here if the file is missing, rather than through xz. */
	if ((probe = fopen(f->path, "rb")) == NULL)
		goto fail;
	fclose(probe);
	/* xz -dc -- 'PATH', each ' in PATH written '\'' */
	cmd = sr28_alloc(NULL, 4 * n + 16, 1);
	j = (size_t)sprintf(cmd, "xz -dc -- '");
	for (i = 0; f->path[i] != '\0'; i++) {
		if (f->path[i] == '\'') {
			memcpy(cmd + j, "'\\''", 4);
			j += 4;
		} else
			cmd[j++] = f->path[i];
	}
	memcpy(cmd + j, "'", 2);
	fflush(NULL);
	f->fp = popen(cmd, "r");
	free(cmd);
	if (f->fp == NULL)
		goto fail;
	f->piped = true;
	return 0;
fail:
	sr28_fail("cannot open %s: %s", f->path, strerror(errno));
	free(f->path);
	f->path = NULL;
	return -1;
}

/*
 * Close the file; for xz, -1 unless it exited 0 (said only when not quiet:
 * after an error of ours, xz may well have died of SIGPIPE).
 */
int
sr28_close(struct sr28_file *f, bool quiet)
{
	int rc = 0, status;

	if (f->fp != NULL && f->piped) {
		status = pclose(f->fp);
		if (quiet)
			rc = -1;
		else if (status == -1) {
			sr28_fail("xz -dc %s: %s", f->path, strerror(errno));
			rc = -1;
		} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			sr28_fail("xz -dc %s failed (status %d)", f->path,
			    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			rc = -1;
		}
	} else if (f->fp != NULL)
		fclose(f->fp);
	free(f->path);
	free(f->buf);
	memset(f, 0, sizeof *f);
	return rc;
}

/*
 * Read the next record into n fields (pointers into the file's buffer).
 * Returns 1 for a record, 0 at the end, -1 after an error message.
 */
int
sr28_next(struct sr28_file *f, char **fields, size_t n)
{
	ssize_t len;
	size_t count;
	char *p;

	errno = 0;
	len = getline(&f->buf, &f->cap, f->fp);
	if (len < 0) {
		if (ferror(f->fp)) {
			sr28_fail("cannot read %s: %s", f->path,
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	f->line++;
	if (strlen(f->buf) != (size_t)len) {
		sr28_error(f, "NUL byte in the record");
		return -1;
	}
	/* CRLF ends each record; the last may have none. */
	if (len > 0 && f->buf[len - 1] == '\n')
		f->buf[--len] = '\0';
	if (len > 0 && f->buf[len - 1] == '\r')
		f->buf[--len] = '\0';
	count = 0;
	p = f->buf;
	for (;;) {
		if (count < n)
			fields[count] = p;
		count++;
		if ((p = strchr(p, '^')) == NULL)
			break;
		*p++ = '\0';
	}
	if (count != n) {
		sr28_error(f, "expected %zu fields separated by '^', found %zu",
		    n, count);
		return -1;
	}
	return 1;
}

/* Write v in the C locale with the fewest digits that read back as v. */
static void
sr28_format(double v, char *buf, size_t size)
{
	locale_t old = uselocale(sr28_c_locale);
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	uselocale(old);
}

/* Emit one event, unless an earlier one failed. */
static void
sr28_emit(struct sr28_writer *w, yaml_event_t *ev, int made)
{
	if (w->failed) {
		if (made)
			yaml_event_delete(ev);
		return;
	}
	if (!made || !yaml_emitter_emit(&w->em, ev)) {
		w->failed = true;
		sr28_fail("cannot write YAML: %s", w->em.problem != NULL ?
		    w->em.problem : "out of memory");
	}
}

/*
 * Whether a plain scalar s could read back as something other than a
 * string (a number, a bool, null): such text is written quoted.
 */
static bool
sr28_needs_quotes(const char *s)
{
	static const char *const words[] = {
		"null", "~", "true", "false", "yes", "no", "on", "off", "y",
		"n",
	};
	size_t i;

	if (s[0] == '\0' || strchr("0123456789+-.", s[0]) != NULL)
		return true;
	for (i = 0; i < SR28_LEN(words); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

/* Emit a string scalar, quoted when plain text would not read back. */
static void
sr28_string(struct sr28_writer *w, const char *s, bool quoted)
{
	yaml_event_t ev;
	int made;

	if (sr28_needs_quotes(s))
		quoted = true;
	made = yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (const yaml_char_t *)s, (int)strlen(s), !quoted, quoted,
	    quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
	sr28_emit(w, &ev, made);
}

/* Emit a number scalar. */
static void
sr28_double(struct sr28_writer *w, double v)
{
	yaml_event_t ev;
	char buf[64];
	int made;

	sr28_format(v, buf, sizeof buf);
	made = yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (const yaml_char_t *)buf, (int)strlen(buf), 1, 0,
	    YAML_PLAIN_SCALAR_STYLE);
	sr28_emit(w, &ev, made);
}

/* Start a mapping, in flow style when flow. */
static void
sr28_map_start(struct sr28_writer *w, bool flow)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL,
	    1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

/* End a mapping. */
static void
sr28_map_end(struct sr28_writer *w)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

/* Start a block sequence. */
static void
sr28_seq_start(struct sr28_writer *w)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL,
	    NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}

/* End a sequence. */
static void
sr28_seq_end(struct sr28_writer *w)
{
	yaml_event_t ev;

	sr28_emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* Emit one serving: {label: L, grams: G}. */
static void
sr28_serving(struct sr28_writer *w, const char *label, double grams)
{
	sr28_map_start(w, true);
	sr28_string(w, "label", false);
	sr28_string(w, label, false);
	sr28_string(w, "grams", false);
	sr28_double(w, grams);
	sr28_map_end(w);
}

/* Emit one food as a block mapping. */
static void
sr28_emit_food(struct sr28_writer *w, const struct sr28_food *fd)
{
	char buf[64];
	size_t i, def;
	int k;

	sr28_map_start(w, false);
	snprintf(buf, sizeof buf, "usda_%s", fd->ndb);
	sr28_string(w, "id", false);
	sr28_string(w, buf, false);
	sr28_string(w, "name", false);
	sr28_string(w, fd->name, false);
	sr28_string(w, "group", false);
	sr28_string(w, fd->group, false);

	/* The default serving first: the first kept of at most 500 g. */
	sr28_string(w, "servings", false);
	sr28_seq_start(w);
	if (fd->n_kept == 0)
		sr28_serving(w, "serving", fd->serving_grams);
	def = sr28_default(fd);
	if (def < fd->n_rows)
		sr28_serving(w, fd->rows[def].label, fd->rows[def].grams);
	for (i = 0; i < fd->n_rows; i++)
		if (fd->rows[i].drop == SR28_KEEP && i != def)
			sr28_serving(w, fd->rows[i].label, fd->rows[i].grams);
	sr28_seq_end(w);

	sr28_string(w, "per_100g", false);
	sr28_map_start(w, true);
	for (k = 0; k < SR28_NUT_N; k++) {
		if (!fd->known[k])
			continue;
		sr28_string(w, sr28_nuts[k].key, false);
		sr28_double(w, fd->nut[k]);
	}
	sr28_map_end(w);

	sr28_string(w, "k2_confidence", false);
	sr28_string(w, fd->known[SR28_MK4] ? "low" : "none", false);
	snprintf(buf, sizeof buf, "USDA SR28 NDB %s", fd->ndb);
	sr28_string(w, "source", false);
	sr28_string(w, buf, true);
	sr28_map_end(w);
}

/* Emit the whole catalogue to fp. */
static int
sr28_emit_catalogue(FILE *fp, const struct sr28_food *foods, size_t n)
{
	struct sr28_writer w;
	yaml_event_t ev;
	size_t i;

	memset(&w, 0, sizeof w);
	if (!yaml_emitter_initialize(&w.em)) {
		sr28_fail("cannot start the YAML emitter");
		return -1;
	}
	yaml_emitter_set_output_file(&w.em, fp);
	yaml_emitter_set_unicode(&w.em, 1);
	yaml_emitter_set_width(&w.em, -1);	/* a food's line never folds */
	yaml_emitter_set_indent(&w.em, 2);
	yaml_emitter_set_break(&w.em, YAML_LN_BREAK);

	sr28_emit(&w, &ev, yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING));
	sr28_emit(&w, &ev, yaml_document_start_event_initialize(&ev, NULL,
	    NULL, NULL, 1));
	sr28_map_start(&w, false);
	sr28_string(&w, "version", false);
	sr28_double(&w, 1);
	sr28_string(&w, "foods", false);
	sr28_seq_start(&w);
	for (i = 0; i < n && !w.failed; i++)
		sr28_emit_food(&w, &foods[i]);
	sr28_seq_end(&w);
	sr28_map_end(&w);
	sr28_emit(&w, &ev, yaml_document_end_event_initialize(&ev, 1));
	sr28_emit(&w, &ev, yaml_stream_end_event_initialize(&ev));
	if (!w.failed && !yaml_emitter_flush(&w.em)) {
		sr28_fail("cannot write YAML: %s", w.em.problem != NULL ?
		    w.em.problem : "write error");
		w.failed = true;
	}
	yaml_emitter_delete(&w.em);
	return w.failed ? -1 : 0;
}

/* Write the catalogue to a temporary file beside out, then rename it. */
static int
sr28_write(const char *out, const struct sr28_food *foods, size_t n)
{
	size_t len = strlen(out) + sizeof ".XXXXXX";
	char *tmp = sr28_alloc(NULL, len, 1);
	mode_t mask;
	FILE *fp;
	int fd;

	snprintf(tmp, len, "%s.XXXXXX", out);
	if ((fd = mkstemp(tmp)) < 0) {
		sr28_fail("cannot create a temporary file beside %s: %s", out,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		sr28_fail("%s: %s", tmp, strerror(errno));
		close(fd);
		goto fail;
	}
	if (sr28_emit_catalogue(fp, foods, n) < 0) {
		fclose(fp);
		goto fail;
	}
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		sr28_fail("cannot write %s: %s", tmp, strerror(errno));
		fclose(fp);
		goto fail;
	}
	if (fclose(fp) != 0) {
		sr28_fail("cannot write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (rename(tmp, out) < 0) {
		sr28_fail("cannot rename %s to %s: %s", tmp, out,
		    strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return -1;
}

/* Print the report of the conversion to stderr. */
static void
sr28_print_report(const char *out, const struct sr28_report *rep)
{
	int d;

	fprintf(stderr, "sr28-convert: wrote %s\n", out);
	fprintf(stderr, "foods written: %zu\n", rep->foods);
	fprintf(stderr, "weight rows: %zu\n", rep->rows);
	for (d = 0; d < SR28_DROP_N; d++)
		fprintf(stderr, "%s: %zu\n", sr28_drop_names[d], rep->count[d]);
	fprintf(stderr, "foods served by an oz/lb row: %zu\n", rep->oz_serving);
	fprintf(stderr, "foods given 100 g: %zu\n", rep->no_row_serving);
}

/* Free the foods. */
static void
sr28_free(struct sr28_food *foods, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < foods[i].n_rows; j++)
			free(foods[i].rows[j].label);
		free(foods[i].rows);
		free(foods[i].name);
	}
	free(foods);
}

/* Convert SR28_DIR to OUT.yaml. */
int
main(int argc, char **argv)
{
	struct sr28_food *foods = NULL;
	struct sr28_report rep;
	size_t n = 0, i;
	int rc = 1;

	setlocale(LC_ALL, "");	/* messages may follow it; numbers never do */
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		printf("usage: sr28-convert SR28_DIR OUT.yaml\n");
		return 0;
	}
	if (argc != 3 || argv[1][0] == '\0' || argv[2][0] == '\0') {
		fprintf(stderr, "usage: sr28-convert SR28_DIR OUT.yaml\n");
		return 2;
	}
	if ((sr28_c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0)) ==
	    (locale_t)0) {
		sr28_fail("cannot make the C locale: %s", strerror(errno));
		return 1;
	}
	memset(&rep, 0, sizeof rep);
	if (sr28_read(argv[1], &foods, &n) < 0)
		goto done;
	for (i = 0; i < n; i++)
		sr28_servings(&foods[i], &rep);
	rep.foods = n;
	if (sr28_write(argv[2], foods, n) < 0)
		goto done;
	sr28_print_report(argv[2], &rep);
	rc = 0;
done:
	sr28_free(foods, n);
	freelocale(sr28_c_locale);
	return rc;
}
