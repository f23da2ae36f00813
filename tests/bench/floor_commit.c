/* SPDX-License-Identifier: ISC */
/* The commit floor: append 100 bytes to a file and fdatasync it, timed. */
/*
 * floor_commit DIR N: in DIR (the diary's folder), one warm-up append and
 * then N, printing each one's time in microseconds, one a line.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int
main(int argc, char **argv)
{
	char path[4096], buf[100];
	double t0;
	int fd, i, n;

	if (argc != 3) {
		fprintf(stderr, "usage: floor_commit DIR N\n");
		return 2;
	}
	n = atoi(argv[2]);
	snprintf(path, sizeof path, "%s/floor-commit.tmp", argv[1]);
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0600);
	if (fd == -1) {
		perror(path);
		return 1;
	}
	memset(buf, 'x', sizeof buf);
	buf[sizeof buf - 1] = '\n';
	for (i = -1; i < n; i++) {
		t0 = now_us();
		if (write(fd, buf, sizeof buf) != (ssize_t)sizeof buf ||
		    fdatasync(fd) != 0) {
			perror(path);
			return 1;
		}
		if (i >= 0)
			printf("%.1f\n", now_us() - t0);
	}
	close(fd);
	unlink(path);
	return 0;
}
