/* SPDX-License-Identifier: ISC */
/* Time a command as a whole process, from spawn to exit, repeated. */
/*
 * proctime [-n RUNS] [-w WARMUP] [-i INPUT] [-H HOME] [-x] -- PROGRAM [ARG]...
 *
 * Standard input from INPUT (or /dev/null), output to /dev/null; the
 * environment is HOME, LC_ALL=C.UTF-8 and PATH only. Prints each run's
 * time in microseconds, one a line. Exit status 1 if a run exited with a
 * status other than 0 (or 1 with -x, for grep-like programs).
 */
#define _DEFAULT_SOURCE
#include <sys/wait.h>

#include <fcntl.h>
#include <spawn.h>
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
	posix_spawn_file_actions_t fa;
	const char *input = "/dev/null", *home = "/nonexistent";
	char *env[4], homevar[4096], pathvar[4096];
	int runs = 10, warmup = 1, allow1 = 0, c, i, st, bad = 0;
	pid_t pid;
	double t0, t1;

	while ((c = getopt(argc, argv, "n:w:i:H:x")) != -1) {
		switch (c) {
		case 'n': runs = atoi(optarg); break;
		case 'w': warmup = atoi(optarg); break;
		case 'i': input = optarg; break;
		case 'H': home = optarg; break;
		case 'x': allow1 = 1; break;
		default:
			fprintf(stderr, "usage: proctime [-n RUNS] [-w WARMUP] "
			    "[-i INPUT] [-H HOME] [-x] -- PROGRAM [ARG]...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "proctime: no program\n");
		return 2;
	}
	snprintf(homevar, sizeof homevar, "HOME=%s", home);
	snprintf(pathvar, sizeof pathvar, "PATH=%s", getenv("PATH") ?
	    getenv("PATH") : "/usr/bin:/bin");
	env[0] = homevar;
	env[1] = (char *)"LC_ALL=C.UTF-8";
	env[2] = pathvar;
	env[3] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, input, O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (i = -warmup; i < runs; i++) {
		t0 = now_us();
		if (posix_spawnp(&pid, argv[optind], &fa, NULL, argv + optind,
		    env) != 0) {
			fprintf(stderr, "proctime: cannot run %s\n",
			    argv[optind]);
			return 1;
		}
		if (waitpid(pid, &st, 0) != pid)
			return 1;
		t1 = now_us();
		if (!WIFEXITED(st) || (WEXITSTATUS(st) != 0 &&
		    !(allow1 && WEXITSTATUS(st) == 1))) {
			fprintf(stderr, "proctime: %s exited with status %d\n",
			    argv[optind], WIFEXITED(st) ? WEXITSTATUS(st) :
			    128 + WTERMSIG(st));
			bad = 1;
		}
		if (i >= 0)
			printf("%.1f\n", t1 - t0);
	}
	posix_spawn_file_actions_destroy(&fa);
	return bad;
}
