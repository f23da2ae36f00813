/* SPDX-License-Identifier: ISC */
/* Memory helpers that never return NULL, and the fatal exit path. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

static void (*fatal_hook)(void);

/* Register a function to run before a fatal exit. */
void
util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

/* Print a message and exit 1, restoring the terminal first. */
void
die(const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook != NULL)
		fatal_hook();
	fputs("k2diary: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* Allocate or die. */
void *
xmalloc(size_t size)
{
	void *p;

	p = malloc(size == 0 ? 1 : size);
	if (p == NULL)
		die("out of memory (%zu bytes)", size);
	return p;
}

/* Allocate zeroed memory or die; checks the product for overflow. */
void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0)
		n = size = 1;
	p = calloc(n, size);
	if (p == NULL)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

/* Resize an array or die; checks n * size for overflow. */
void *
xreallocarray(void *ptr, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		die("out of memory (%zu x %zu bytes)", n, size);
	p = realloc(ptr, n * size == 0 ? 1 : n * size);
	if (p == NULL)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

/* Copy a string or die. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copy at most n bytes of a string, NUL-terminated, or die. */
char *
xstrndup(const char *s, size_t n)
{
	char *p;
	size_t len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Format into a new string or die. */
char *
xasprintf(const char *fmt, ...)
{
	va_list ap, ap2;
	int len;
	char *p;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		die("cannot format a message");
	p = xmalloc((size_t)len + 1);
	vsnprintf(p, (size_t)len + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

/* Read a whole regular file of at most max bytes. */
int
util_read_file(const char *path, size_t max, char **out, size_t *outlen,
    struct diag *d)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	ssize_t r;
	int fd;

	/* O_NONBLOCK: a FIFO must not hang the open. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd == -1) {
		diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
		diag_set(d, path, 0, 0, "%s", S_ISDIR(st.st_mode) ?
		    "is a directory, not a file" :
		    "is not a regular file (a device, FIFO or socket)");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > max) {
		diag_set(d, path, 0, 0, "file is too large (%lld bytes): the "
		    "limit is %zu MiB", (long long)st.st_size, max >> 20);
		close(fd);
		return -1;
	}
	/* One byte more than the size: a file that grows is noticed. */
	buf = xmalloc((size_t)st.st_size + 2);
	for (;;) {
		r = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			diag_set(d, path, 0, 0, "cannot read: %s",
			    strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
		if (len > (size_t)st.st_size) {
			diag_set(d, path, 0, 0, "the file changed while it was "
			    "read: try again");
			free(buf);
			close(fd);
			return -1;
		}
	}
	close(fd);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}
