/* SPDX-License-Identifier: ISC */
/*
 * The program's own foods, my-foods.yaml (DESIGN §3b): a save takes a
 * lock, reads the file again, changes it, and replaces it whole by a
 * temporary file renamed into place, so that another save is never lost
 * and a kill never leaves half a file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalogue.h"
#include "catalogue_yaml.h"
#include "ownfoods.h"
#include "util.h"

static const char comment[] =
    "# k2diary's own foods: written whole by 'k2diary food new|edit|rm'.\n"
    "# Edits by hand are kept as long as the file loads cleanly ('k2diary\n"
    "# check'); k2diary never saves over a file it cannot read completely.\n";

/* The path of my-foods.yaml. */
char *
ownfoods_path(void)
{
	const char *base = getenv("XDG_DATA_HOME"), *home;

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/k2diary/%s", base, OWNFOODS_LEAF);
	home = getenv("HOME");
	if (home == NULL || home[0] != '/')
		return NULL;
	return xasprintf("%s/.local/share/k2diary/%s", home, OWNFOODS_LEAF);
}

/* Make the folders above path that are missing (0700), like mkdir -p. */
static int
make_dirs(const char *path, struct diag_list *dl)
{
	char *dir = xstrdup(path), *p, c;
	int ret = 0;

	if ((p = strrchr(dir, '/')) == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ret == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			diag_add(dl, NULL, 0, 0, "%s: cannot make the folder: "
			    "%s", dir, strerror(errno));
			ret = -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return ret;
}

/* Take the lock beside path; the descriptor, or -1 with the reason. */
static int
take_lock(const char *lock, struct diag_list *dl)
{
	struct timespec nap = { 0, 10 * 1000 * 1000 };
	long waited = 0;
	int fd;

	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		diag_add(dl, NULL, 0, 0, "%s: cannot open the lock file: %s",
		    lock, strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK) {
			diag_add(dl, NULL, 0, 0, "%s: cannot lock: %s", lock,
			    strerror(errno));
			close(fd);
			return -1;
		}
		if (waited >= OWNFOODS_LOCK_WAIT_MS) {
			diag_add(dl, NULL, 0, 0, "another k2diary has been "
			    "saving %s for %ld s: nothing saved, try again",
			    OWNFOODS_LEAF, waited / 1000);
			close(fd);
			return -1;
		}
		nanosleep(&nap, NULL);
		waited += 10;
	}
	return fd;
}

/*
 * What the file holds now, into own: nothing when it does not exist; an
 * error when it cannot be read completely, and then nothing is saved.
 */
static int
read_own(const char *path, struct catalogue *own, struct diag_list *dl)
{
	struct stat st;
	struct diag_list *errs;
	size_t i, n;

	catalogue_init(own);
	if (stat(path, &st) == -1) {
		if (errno == ENOENT)
			return 0;
		diag_add(dl, path, 0, 0, "cannot read: %s; nothing saved",
		    strerror(errno));
		return -1;
	}
	errs = xmalloc(sizeof *errs);
	diag_list_init(errs);
	if (catalogue_read_file(own, path, errs) == 0) {
		free(errs);
		return 0;
	}
	/* The messages name own's copy of the path: name the caller's. */
	for (i = 0; i < errs->n; i++)
		diag_add(dl, errs->d[i].file != NULL ? path : NULL,
		    errs->d[i].line, errs->d[i].col, "%s", errs->d[i].msg);
	n = errs->n + errs->dropped;
	diag_add(dl, path, 0, 0, "%zu %s in the file: nothing saved, since "
	    "k2diary never writes over a file it cannot read completely; fix "
	    "%s, or move the file away", n, n == 1 ? "error" : "errors",
	    n == 1 ? "it" : "them");
	free(errs);
	return -1;
}

/* Write buf to tmp (0600), flushed and fsynced. */
static int
write_tmp(const char *tmp, const char *buf, size_t len,
    struct diag_list *dl)
{
	size_t done = 0;
	ssize_t w;
	int fd;

	/* Under the lock no other save uses tmp: one left by a kill goes. */
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1) {
		diag_add(dl, NULL, 0, 0, "%s: cannot write: %s; nothing saved",
		    tmp, strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0600) == -1)
		goto fail;
	while (done < len) {
		w = write(fd, buf + done, len - done);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			goto fail;
		done += (size_t)w;
	}
	if (fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	diag_add(dl, NULL, 0, 0, "%s: cannot write: %s; nothing saved", tmp,
	    strerror(errno));
	if (fd != -1)
		close(fd);
	unlink(tmp);
	return -1;
}

/* Does file read back, through the strict reader, as exactly own? */
static int
read_back(const char *file, const struct catalogue *own, const char *what,
    struct diag_list *dl)
{
	struct catalogue back;
	struct diag_list *tmp = xmalloc(sizeof *tmp);
	char line[1024];
	size_t i;
	int ret = 0;

	diag_list_init(tmp);
	if (catalogue_read_file(&back, file, tmp) != 0 ||
	    !catalogue_equal(own, &back)) {
		/* Whole lines: the names they borrow go with back. */
		for (i = 0; i < tmp->n; i++) {
			diag_format(&tmp->d[i], line, sizeof line);
			diag_add(dl, NULL, 0, 0, "%s", line);
		}
		diag_add(dl, NULL, 0, 0, "%s: %s", file, what);
		ret = -1;
	}
	catalogue_release(&back);
	free(tmp);
	return ret;
}

/* fsync the folder of path, so that the rename is on disk. */
static void
sync_dir(const char *path)
{
	char *dir = xstrdup(path), *p = strrchr(dir, '/');
	int fd;

	if (p != NULL)
		*(p == dir ? p + 1 : p) = '\0';
	else
		strcpy(dir, ".");
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Lock, read again, change, write whole, rename, read back. */
int
ownfoods_update(const char *path, ownfoods_change_fn change, void *arg,
    struct diag_list *dl)
{
	struct catalogue own;
	struct diag d;
	char *lock = xasprintf("%s.lock", path);
	char *tmp = xasprintf("%s.tmp", path);
	char *buf = NULL;
	size_t len;
	int lfd = -1, ret = -1;

	catalogue_init(&own);
	if (make_dirs(path, dl) != 0 || (lfd = take_lock(lock, dl)) == -1)
		goto out;
	if (read_own(path, &own, dl) != 0)
		goto out;
	if (change(&own, arg, &d) != 0) {
		diag_add(dl, d.file, d.line, d.col, "%s", d.msg);
		goto out;
	}
	if (catalogue_write(&own, comment, &buf, &len, &d) != 0) {
		diag_add(dl, path, 0, 0, "%s; nothing saved", d.msg);
		goto out;
	}
	if (write_tmp(tmp, buf, len, dl) != 0)
		goto out;
	/* What was written reads back the same before it replaces anything. */
	if (read_back(tmp, &own, "what was written does not read back the "
	    "same: nothing saved (a bug: please report it)", dl) != 0) {
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, path) == -1) {
		diag_add(dl, path, 0, 0, "cannot replace: %s; nothing saved",
		    strerror(errno));
		unlink(tmp);
		goto out;
	}
	sync_dir(path);
	/* And the file in place is what this save meant. */
	if (read_back(path, &own, "the saved file does not read back as "
	    "written (changed by another program?)", dl) != 0)
		goto out;
	ret = 0;
out:
	if (lfd != -1)
		close(lfd);	/* releases the lock */
	catalogue_release(&own);
	free(buf);
	free(lock);
	free(tmp);
	return ret;
}
