/* SPDX-License-Identifier: ISC */
/* The benchmark's pseudo-terminal harness: time a full-screen program's first frame, keys and quit. */
/*
 * ptyrun [-n RUNS] [-m MARKER] [-s SETTLE_MS] [-t TIMEOUT_MS] [-H HOME]
 *        [-e NAME=VALUE]... [-k STEP]... [-q KEYS] -- PROGRAM [ARG]...
 *
 * Each run: forkpty with an 80x24 window, TERM=xterm-256color,
 * LC_ALL=C.UTF-8, HOME as given and nothing else from our environment but
 * PATH; exec PROGRAM; read the master with poll, timestamping every read
 * (CLOCK_MONOTONIC). The first frame is complete when MARKER has been seen
 * in the output (escape sequences stripped) and the output has then been
 * quiet for SETTLE_MS; the figure is fork to the last byte before the quiet
 * period. Peak RSS (VmHWM) is read as soon as the marker is seen. Before
 * each key is sent the program must also have used no CPU for SETTLE_MS
 * (work it does after drawing, such as building an index, is not counted
 * against the next key); with no steps and no -q the program is stopped
 * as soon as the output is quiet.
 *
 * Steps (-k), after the first frame, in order:
 *   o:KEYS|MARKER  send KEYS, wait for MARKER and quiet; timed from the
 *                  write to the last byte before quiet (open_us)
 *   u:KEYS         send KEYS, wait for quiet (not timed)
 *   t:KEYS         type KEYS one byte at a time; each is timed from the
 *                  write to the last byte of output before quiet
 * KEYS take \e, \r, \n, \t, \\ and \xHH.
 * -q KEYS: then send KEYS and time until the process has exited; without
 * it the program gets SIGTERM (then SIGKILL) and nothing is timed.
 * restored_us is the quit key to the last byte of output (the terminal
 * restored), quit_us to the exit.
 *
 * Output: one line per run,
 *   run=I frame_us=N rss_kb=N [ready_us=N ready_rss_kb=N] [keys_us=N,...]
 *       [open_us=N,...] [quit_us=N restored_us=N]
 * ready_us (with steps or -q): fork to the end of the work that followed
 * the first frame, when the program starts waiting for keys (sampled
 * every few milliseconds); ready_rss_kb the peak RSS by then.
 * Exit status 1 if a run failed (timeout, early exit); the message says why.
 */
#define _DEFAULT_SOURCE
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_STEPS 64
#define MAX_ENV 32
#define MAX_KEYS 4096
#define TEXT_MAX (4 << 20)

struct step {
	char		 kind;		/* o, u or t */
	char		*keys;
	size_t		 n_keys;
	char		*marker;	/* for o */
};

struct opts {
	int		 runs;
	const char	*marker;
	long		 settle_ms;
	long		 timeout_ms;
	const char	*home;
	char		*env[MAX_ENV + 8];
	int		 n_env;
	struct step	 steps[MAX_STEPS];
	int		 n_steps;
	char		*quit;
	size_t		 n_quit;
	char	       **argv;
};

/* What one child has printed, with escape sequences stripped. */
struct session {
	pid_t		 pid;
	int		 fd;		/* the master */
	int		 pidfd;		/* -1 when pidfd_open is not there */
	bool		 exited;
	int		 status;
	double		 exit_ts;
	double		 last_ts;	/* timestamp of the last read */
	char		*text;
	size_t		 len;
	int		 esc;		/* stripper state */
	long long	 cpu_ns;	/* CPU time last seen (schedstat) */
	double		 cpu_ts;	/* when it last changed */
};

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void
fail(const char *what)
{
	fprintf(stderr, "ptyrun: %s\n", what);
	exit(1);
}

/* Decode the escapes of a KEYS argument in place; returns the length. */
static size_t
unescape(char *s)
{
	char *o = s, *p = s;
	unsigned v;

	while (*p != '\0') {
		if (*p != '\\' || p[1] == '\0') {
			*o++ = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case 'e': *o++ = 27; p++; break;
		case 'r': *o++ = '\r'; p++; break;
		case 'n': *o++ = '\n'; p++; break;
		case 't': *o++ = '\t'; p++; break;
		case 'x':
			if (sscanf(p + 1, "%2x", &v) != 1)
				fail("bad \\x escape");
			*o++ = (char)v;
			p += 3;
			break;
		default: *o++ = *p++; break;
		}
	}
	*o = '\0';
	return (size_t)(o - s);
}

/* Append output to the text, dropping escape sequences. */
static void
strip_append(struct session *s, const char *buf, size_t n)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)buf[i];
		switch (s->esc) {
		case 0:
			if (c == 27)
				s->esc = 1;
			else if (c >= 0x20 || c == '\n') {
				if (s->len + 1 < TEXT_MAX)
					s->text[s->len++] = (char)c;
			}
			break;
		case 1:		/* after ESC */
			if (c == '[')
				s->esc = 2;
			else if (c == ']' || c == 'P' || c == '_')
				s->esc = 3;
			else if (c == '(' || c == ')' || c == '*' || c == '+' ||
			    c == '#' || c == '%')
				s->esc = 4;
			else
				s->esc = 0;
			break;
		case 2:		/* CSI: parameters up to a final byte */
			if (c >= 0x40 && c <= 0x7e)
				s->esc = 0;
			break;
		case 3:		/* OSC, DCS: up to BEL or ESC \ */
			if (c == 7)
				s->esc = 0;
			else if (c == 27)
				s->esc = 1;
			break;
		case 4:		/* one more byte */
			s->esc = 0;
			break;
		}
	}
	s->text[s->len] = '\0';
}

static void
reap(struct session *s)
{
	pid_t r;

	if (s->exited)
		return;
	r = waitpid(s->pid, &s->status, WNOHANG);
	if (r == s->pid) {
		s->exit_ts = now_us();
		s->exited = true;
	}
}

/*
 * Has the child used no CPU for ms milliseconds? (It waits for input:
 * a key sent now is read at once, not after work still going on.)
 */
static bool
idle_for(struct session *s, long ms)
{
	char path[64];
	long long ns = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)s->pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%lld", &ns) != 1)
			ns = -1;
		fclose(f);
	}
	if (ns < 0)
		return true;	/* no schedstat: the quiet output must do */
	if (ns != s->cpu_ns) {
		s->cpu_ns = ns;
		s->cpu_ts = now_us();
		return false;
	}
	return now_us() - s->cpu_ts >= (double)ms * 1000;
}

/*
 * Read what is there, waiting at most wait_ms; returns the bytes read
 * (0 on timeout or after the child exited).
 */
static size_t
pump(struct session *s, long wait_ms)
{
	struct pollfd p[2];
	char buf[65536];
	ssize_t n;
	size_t got = 0;
	int np = 1, r;

	p[0].fd = s->fd;
	p[0].events = POLLIN;
	p[1].fd = s->pidfd;
	p[1].events = POLLIN;
	if (s->pidfd >= 0 && !s->exited)
		np = 2;
	r = poll(p, (nfds_t)np, (int)(s->pidfd < 0 && !s->exited &&
	    wait_ms > 1 ? 1 : wait_ms));
	if (r < 0 && errno != EINTR)
		fail("poll failed");
	if (r > 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR))) {
		for (;;) {
			n = read(s->fd, buf, sizeof buf);
			if (n > 0) {
				s->last_ts = now_us();
				strip_append(s, buf, (size_t)n);
				got += (size_t)n;
				continue;
			}
			break;
		}
	}
	if (np == 2 && r > 0 && (p[1].revents & POLLIN))
		reap(s);
	else if (s->pidfd < 0)
		reap(s);
	return got;
}

/* Peak resident set of a process so far (VmHWM), in KiB; -1 if unknown. */
static long
peak_rss(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Wait until marker (if any) appears after text offset from, then quiet. */
static int
wait_frame(struct session *s, const char *marker, size_t from, long settle_ms,
    long timeout_ms, double start, double after, bool need_idle, long *rss_kb)
{
	double quiet_since;
	bool seen = marker == NULL, idle = false;

	quiet_since = now_us();
	for (;;) {
		if (pump(s, 2) > 0)
			quiet_since = now_us();
		/* Sampled every time round, so cpu_ts is when work stopped. */
		if (need_idle)
			idle = idle_for(s, settle_ms);
		if (!seen && strstr(s->text + from, marker) != NULL) {
			seen = true;
			if (rss_kb != NULL)
				*rss_kb = peak_rss(s->pid);
		}
		if (seen && s->last_ts > after &&
		    now_us() - quiet_since >= (double)settle_ms * 1000 &&
		    (!need_idle || idle))
			return 0;
		if (s->exited && !seen) {
			fprintf(stderr, "ptyrun: the program exited before "
			    "'%s' (status %d); it printed:\n%.2000s\n", marker,
			    s->status, s->text);
			return -1;
		}
		if (now_us() - start > (double)timeout_ms * 1000) {
			fprintf(stderr, "ptyrun: timeout waiting for '%s'; "
			    "the output was:\n%.3000s\n", marker ? marker :
			    "(quiet)", s->text);
			return -1;
		}
	}
}

static void
send_keys(struct session *s, const char *k, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(s->fd, k, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			fail("cannot write to the terminal");
		k += w;
		n -= (size_t)w;
	}
}

/* One keystroke: write it, wait for output and quiet; -1 on timeout. */
static double
key_time(struct session *s, char key, const struct opts *o)
{
	double t0, quiet_since;
	double before = s->last_ts;

	t0 = now_us();
	send_keys(s, &key, 1);
	quiet_since = t0;
	for (;;) {
		if (pump(s, 2) > 0)
			quiet_since = now_us();
		if (s->last_ts > before && s->last_ts >= t0 &&
		    now_us() - quiet_since >= (double)o->settle_ms * 1000 &&
		    idle_for(s, o->settle_ms))
			return s->last_ts - t0;
		if (s->exited || now_us() - t0 > (double)o->timeout_ms * 1000)
			return -1;
	}
}

static int
pidfd_of(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	(void)pid;
	return -1;
#endif
}

static void
stop_child(struct session *s)
{
	double t0 = now_us();

	if (!s->exited)
		kill(s->pid, SIGTERM);
	while (!s->exited && now_us() - t0 < 1e6)
		pump(s, 5);
	if (!s->exited) {
		kill(s->pid, SIGKILL);
		waitpid(s->pid, &s->status, 0);
		s->exited = true;
	}
}

/* One run; prints its line. Returns 0 or -1. */
static int
run_once(const struct opts *o, int idx)
{
	struct session s;
	struct winsize ws = { 24, 80, 0, 0 };
	double start, t;
	long rss = -1;
	int i, ret = 0, flags;
	size_t k, from;
	char line[65536], opened[1024] = "";
	int len;

	memset(&s, 0, sizeof s);
	s.text = malloc(TEXT_MAX + 1);
	if (s.text == NULL)
		fail("out of memory");
	s.text[0] = '\0';
	start = now_us();
	s.pid = forkpty(&s.fd, NULL, NULL, &ws);
	if (s.pid < 0)
		fail("forkpty failed");
	if (s.pid == 0) {
		/* execvp looks PROGRAM up in the PATH of the new environment. */
		environ = (char **)o->env;
		execvp(o->argv[0], o->argv);
		_exit(127);
	}
	s.pidfd = pidfd_of(s.pid);
	flags = fcntl(s.fd, F_GETFL);
	fcntl(s.fd, F_SETFL, flags | O_NONBLOCK);
	if (wait_frame(&s, o->marker, 0, o->settle_ms, o->timeout_ms, start,
	    start, o->n_steps > 0 || o->quit != NULL, &rss) != 0) {
		ret = -1;
		goto out;
	}
	len = snprintf(line, sizeof line, "run=%d frame_us=%.1f rss_kb=%ld",
	    idx, s.last_ts - start, rss);
	if (o->n_steps > 0 || o->quit != NULL)
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " ready_us=%.1f ready_rss_kb=%ld", (s.cpu_ts > s.last_ts ?
		    s.cpu_ts : s.last_ts) - start, peak_rss(s.pid));
	for (i = 0; i < o->n_steps; i++) {
		const struct step *st = &o->steps[i];
		if (st->kind == 't') {
			for (k = 0; k < st->n_keys; k++) {
				t = key_time(&s, st->keys[k], o);
				if (t < 0) {
					fprintf(stderr, "ptyrun: no redraw after "
					    "key %zu of step %d\n", k, i);
					ret = -1;
					goto out;
				}
				if (len < (int)sizeof line - 32)
					len += snprintf(line + len,
					    sizeof line - (size_t)len, "%s%.1f",
					    strstr(line, " keys_us=") ? "," :
					    " keys_us=", t);
			}
			continue;
		}
		from = s.len;
		t = now_us();
		send_keys(&s, st->keys, st->n_keys);
		if (wait_frame(&s, st->kind == 'o' ? st->marker : NULL, from,
		    o->settle_ms, o->timeout_ms, t, t, true, NULL) != 0) {
			ret = -1;
			goto out;
		}
		if (st->kind == 'o')
			snprintf(opened + strlen(opened), sizeof opened -
			    strlen(opened), "%s%.1f", opened[0] ? "," : "",
			    s.last_ts - t);
	}
	if (opened[0] != '\0')
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " open_us=%s", opened);
	if (o->quit != NULL) {
		t = now_us();
		send_keys(&s, o->quit, o->n_quit);
		while (!s.exited && now_us() - t < (double)o->timeout_ms * 1000)
			pump(&s, 50);
		if (!s.exited) {
			fprintf(stderr, "ptyrun: still running after the quit "
			    "key\n");
			ret = -1;
			goto out;
		}
		/* Whatever the pty still holds arrived before the exit. */
		pump(&s, 0);
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " quit_us=%.1f restored_us=%.1f", s.exit_ts - t,
		    s.last_ts > t ? s.last_ts - t : 0);
	}
	printf("%s\n", line);
	fflush(stdout);
out:
	stop_child(&s);
	if (s.pidfd >= 0)
		close(s.pidfd);
	close(s.fd);
	free(s.text);
	return ret;
}

/* Add NAME=VALUE (name with its '=') to the child's environment. */
static void
add_env(struct opts *o, const char *name, const char *v)
{
	char *e;
	size_t n;

	if (o->n_env >= MAX_ENV)
		fail("too many -e");
	n = strlen(name) + strlen(v) + 1;
	e = malloc(n);
	if (e == NULL)
		fail("out of memory");
	snprintf(e, n, "%s%s", name, v);
	o->env[o->n_env++] = e;
	o->env[o->n_env] = NULL;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct step *st;
	char *bar;
	int c, i, bad = 0;

	memset(&o, 0, sizeof o);
	o.runs = 1;
	o.settle_ms = 30;
	o.timeout_ms = 30000;
	while ((c = getopt(argc, argv, "n:m:s:t:H:e:k:q:")) != -1) {
		switch (c) {
		case 'n': o.runs = atoi(optarg); break;
		case 'm': o.marker = optarg; break;
		case 's': o.settle_ms = atol(optarg); break;
		case 't': o.timeout_ms = atol(optarg); break;
		case 'H': o.home = optarg; break;
		case 'e': add_env(&o, "", optarg); break;
		case 'k':
			if (o.n_steps == MAX_STEPS || strlen(optarg) < 2 ||
			    optarg[1] != ':' || strchr("out", optarg[0]) ==
			    NULL)
				fail("bad -k step (o:KEYS|MARKER, u:KEYS, t:KEYS)");
			st = &o.steps[o.n_steps++];
			st->kind = optarg[0];
			st->keys = optarg + 2;
			if (st->kind == 'o') {
				if ((bar = strchr(st->keys, '|')) == NULL)
					fail("o: step needs |MARKER");
				*bar = '\0';
				st->marker = bar + 1;
			}
			st->n_keys = unescape(st->keys);
			break;
		case 'q':
			o.quit = optarg;
			o.n_quit = unescape(optarg);
			break;
		default:
			fail("usage: ptyrun [-n RUNS] [-m MARKER] [-s SETTLE_MS] "
			    "[-t TIMEOUT_MS] [-H HOME] [-e NAME=VALUE] [-k STEP] "
			    "[-q KEYS] -- PROGRAM [ARG]...");
		}
	}
	if (optind >= argc)
		fail("no program");
	o.argv = argv + optind;
	add_env(&o, "TERM=", "xterm-256color");
	add_env(&o, "LC_ALL=", "C.UTF-8");
	add_env(&o, "HOME=", o.home ? o.home : "/nonexistent");
	add_env(&o, "PATH=", getenv("PATH") ? getenv("PATH") :
	    "/usr/bin:/bin");
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < o.runs; i++)
		if (run_once(&o, i) != 0)
			bad = 1;
	return bad;
}
