/* SPDX-License-Identifier: ISC */
/* The benchmark's pseudo-terminal harness: time a full-screen program's first frame, keys and quit. */
/*
 * ptyrun [-n RUNS] [-m MARKER] [-s SETTLE_MS] [-t TIMEOUT_MS] [-H HOME]
 *        [-e NAME=VALUE]... [-E KEYS|MARKER] [-k STEP]... [-q KEYS] [-D]
 *        -- PROGRAM [ARG]...
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
 *   p:KEYS|MARKER  a probe, for a screen that may not exist: send KEYS,
 *                  wait for quiet and idleness (or, when nothing comes,
 *                  for 300 ms of it), then look for MARKER on the screen,
 *                  ignoring case; timed like o: (probe_us, -1 when nothing
 *                  was drawn), probe_found=1 when MARKER is on the screen
 *                  after the keys, probe_before=1 when it was already there
 *                  before them (then the probe proves nothing)
 * KEYS take \e, \r, \n, \t, \\ and \xHH.
 *
 * -E KEYS|MARKER: keys typed the moment the first frame is there, as a
 * quick typist would, without waiting for quiet or for the program to go
 * idle: KEYS are written as soon as MARKER (-m) has been read, and the run
 * then waits until MARKER (of -E) is on the screen, the output has been
 * quiet for SETTLE_MS and the program idle as long. result_us is fork to
 * the last byte of that screen, result_rss_kb the peak RSS then; frame_us
 * is, for these runs, fork to the read that brought the first marker.
 * The screen is an 80x24 terminal kept from the output (the cursor
 * motions, erasures, scrolling and repeats that ncurses sends to an
 * xterm), so a marker is found even when ncurses redraws only the cells
 * that changed. Steps and -q follow as usual. -D prints that screen to
 * standard error at the end of each run.
 * -q KEYS: then send KEYS and time until the process has exited; without
 * it the program gets SIGTERM (then SIGKILL) and nothing is timed.
 * restored_us is the quit key to the last byte of output (the terminal
 * restored), quit_us to the exit.
 *
 * Output: one line per run,
 *   run=I frame_us=N rss_kb=N [ready_us=N ready_rss_kb=N] [keys_us=N,...]
 *       [open_us=N,...] [probe_us=N,... probe_found=B,...
 *       probe_before=B,...] [result_us=N result_rss_kb=N]
 *       [quit_us=N restored_us=N]
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

#include <ctype.h>
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
	char		 kind;		/* o, u, t or p */
	char		*keys;
	size_t		 n_keys;
	char		*marker;	/* for o and p */
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
	char		*early;		/* -E keys, or NULL */
	size_t		 n_early;
	char		*early_marker;
	bool		 dump;		/* -D: the last screen to stderr */
	char	       **argv;
};

#define VT_ROWS 24
#define VT_COLS 80
#define VT_CELL 8		/* one character's bytes, NUL-ended */

/* The screen as a terminal would show it (see vt_feed). */
struct vt {
	char		 cell[VT_ROWS][VT_COLS][VT_CELL];
	int		 y, x, top, bot, sy, sx;
	bool		 wrap;		/* the next character goes to a new line */
	int		 state;		/* 0 text, 1 ESC, 2 CSI, 3 string, 4 one
					   more byte, 5 ESC in a string */
	char		 par[64];
	size_t		 npar;
	char		 ch[VT_CELL];	/* the character being read (UTF-8) */
	size_t		 nch, need;
	char		 last[VT_CELL];	/* the last one written (for REP) */
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
	struct vt	*vt;
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

/* --- the screen ---------------------------------------------------------- */

static void
vt_blank(struct vt *v, int y, int x0, int x1)
{
	int x;

	for (x = x0; x < x1 && x < VT_COLS; x++)
		strcpy(v->cell[y][x], " ");
}

static void
vt_reset(struct vt *v)
{
	int y;

	memset(v, 0, sizeof *v);
	for (y = 0; y < VT_ROWS; y++)
		vt_blank(v, y, 0, VT_COLS);
	v->bot = VT_ROWS - 1;
	strcpy(v->last, " ");
}

/* Scroll rows top..bot up (n > 0) or down (n < 0) by |n|. */
static void
vt_scroll(struct vt *v, int top, int bot, int n)
{
	int y, k = n < 0 ? -n : n, h = bot - top + 1;

	if (top < 0 || bot >= VT_ROWS || top > bot)
		return;
	if (k > h)
		k = h;
	if (n > 0) {
		for (y = top; y + k <= bot; y++)
			memcpy(v->cell[y], v->cell[y + k], sizeof v->cell[y]);
		for (y = bot - k + 1; y <= bot; y++)
			vt_blank(v, y, 0, VT_COLS);
	} else {
		for (y = bot; y - k >= top; y--)
			memcpy(v->cell[y], v->cell[y - k], sizeof v->cell[y]);
		for (y = top; y < top + k; y++)
			vt_blank(v, y, 0, VT_COLS);
	}
}

static void
vt_down(struct vt *v)
{
	if (v->y == v->bot)
		vt_scroll(v, v->top, v->bot, 1);
	else if (v->y < VT_ROWS - 1)
		v->y++;
}

static void
vt_clamp(struct vt *v)
{
	v->wrap = false;
	if (v->y < 0)
		v->y = 0;
	if (v->y >= VT_ROWS)
		v->y = VT_ROWS - 1;
	if (v->x < 0)
		v->x = 0;
	if (v->x >= VT_COLS)
		v->x = VT_COLS - 1;
}

static void
vt_put(struct vt *v, const char *ch)
{
	if (v->wrap) {
		v->x = 0;
		vt_down(v);
		v->wrap = false;
	}
	snprintf(v->cell[v->y][v->x], VT_CELL, "%s", ch);
	snprintf(v->last, VT_CELL, "%s", ch);
	if (v->x == VT_COLS - 1)
		v->wrap = true;
	else
		v->x++;
}

/* The n-th parameter of a CSI sequence (def when absent or 0). */
static int
vt_par(const struct vt *v, int n, int def)
{
	const char *p = v->par;
	long val;

	if (*p == '?' || *p == '>' || *p == '=' || *p == '<')
		p++;
	while (n-- > 0) {
		p = strchr(p, ';');
		if (p == NULL)
			return def;
		p++;
	}
	val = strtol(p, NULL, 10);
	return val <= 0 ? def : (val > 10000 ? 10000 : (int)val);
}

static void
vt_csi(struct vt *v, char f)
{
	int n = vt_par(v, 0, 1), i, k;
	bool priv = v->par[0] == '?';

	if (priv) {
		/* The alternate screen starts blank. */
		if ((f == 'h' || f == 'l') && (vt_par(v, 0, 0) == 1049 ||
		    vt_par(v, 0, 0) == 47 || vt_par(v, 0, 0) == 1047))
			for (i = 0; i < VT_ROWS; i++)
				vt_blank(v, i, 0, VT_COLS);
		return;
	}
	switch (f) {
	case 'H': case 'f':
		v->y = n - 1;
		v->x = vt_par(v, 1, 1) - 1;
		vt_clamp(v);
		break;
	case 'A': v->y -= n; vt_clamp(v); break;
	case 'B': case 'e': v->y += n; vt_clamp(v); break;
	case 'C': case 'a': v->x += n; vt_clamp(v); break;
	case 'D': v->x -= n; vt_clamp(v); break;
	case 'E': v->y += n; v->x = 0; vt_clamp(v); break;
	case 'F': v->y -= n; v->x = 0; vt_clamp(v); break;
	case 'G': case '`': v->x = n - 1; vt_clamp(v); break;
	case 'd': v->y = n - 1; vt_clamp(v); break;
	case 'J':
		k = vt_par(v, 0, 0);
		if (k == 0) {
			vt_blank(v, v->y, v->x, VT_COLS);
			for (i = v->y + 1; i < VT_ROWS; i++)
				vt_blank(v, i, 0, VT_COLS);
		} else if (k == 1) {
			for (i = 0; i < v->y; i++)
				vt_blank(v, i, 0, VT_COLS);
			vt_blank(v, v->y, 0, v->x + 1);
		} else
			for (i = 0; i < VT_ROWS; i++)
				vt_blank(v, i, 0, VT_COLS);
		break;
	case 'K':
		k = vt_par(v, 0, 0);
		if (k == 0)
			vt_blank(v, v->y, v->x, VT_COLS);
		else if (k == 1)
			vt_blank(v, v->y, 0, v->x + 1);
		else
			vt_blank(v, v->y, 0, VT_COLS);
		break;
	case 'X':
		vt_blank(v, v->y, v->x, v->x + n);
		break;
	case '@':
		for (i = VT_COLS - 1; i >= v->x + n; i--)
			memcpy(v->cell[v->y][i], v->cell[v->y][i - n], VT_CELL);
		vt_blank(v, v->y, v->x, v->x + n);
		break;
	case 'P':
		for (i = v->x; i + n < VT_COLS; i++)
			memcpy(v->cell[v->y][i], v->cell[v->y][i + n], VT_CELL);
		vt_blank(v, v->y, i > v->x ? i : v->x, VT_COLS);
		break;
	case 'L':
		if (v->y >= v->top && v->y <= v->bot)
			vt_scroll(v, v->y, v->bot, -n);
		break;
	case 'M':
		if (v->y >= v->top && v->y <= v->bot)
			vt_scroll(v, v->y, v->bot, n);
		break;
	case 'S': vt_scroll(v, v->top, v->bot, n); break;
	case 'T': vt_scroll(v, v->top, v->bot, -n); break;
	case 'b':
		for (i = 0; i < n && i < VT_COLS * VT_ROWS; i++)
			vt_put(v, v->last);
		break;
	case 'r':
		v->top = vt_par(v, 0, 1) - 1;
		v->bot = vt_par(v, 1, VT_ROWS) - 1;
		if (v->top < 0 || v->bot >= VT_ROWS || v->top >= v->bot) {
			v->top = 0;
			v->bot = VT_ROWS - 1;
		}
		v->y = v->x = 0;
		v->wrap = false;
		break;
	case 's': v->sy = v->y; v->sx = v->x; break;
	case 'u': v->y = v->sy; v->x = v->sx; vt_clamp(v); break;
	default:
		break;		/* colours, modes: nothing on the screen */
	}
}

/* Keep the screen up to date with n bytes of output. */
static void
vt_feed(struct vt *v, const char *buf, size_t n)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)buf[i];
		switch (v->state) {
		case 0:
			if (v->need > 0) {
				if ((c & 0xc0) == 0x80) {
					v->ch[v->nch++] = (char)c;
					if (v->nch == v->need) {
						v->ch[v->nch] = '\0';
						v->need = 0;
						vt_put(v, v->ch);
					}
					continue;
				}
				v->need = 0;	/* broken: start again */
			}
			if (c == 27) {
				v->state = 1;
			} else if (c == '\r') {
				v->x = 0;
				v->wrap = false;
			} else if (c == '\n' || c == 11 || c == 12) {
				vt_down(v);
				v->wrap = false;
			} else if (c == '\b') {
				if (v->x > 0)
					v->x--;
				v->wrap = false;
			} else if (c == '\t') {
				v->x = (v->x / 8 + 1) * 8;
				vt_clamp(v);
			} else if (c >= 0xc0 && c < 0xf8) {
				v->ch[0] = (char)c;
				v->nch = 1;
				v->need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			} else if (c >= 0x20 && c != 0x7f && c < 0x80) {
				v->ch[0] = (char)c;
				v->ch[1] = '\0';
				vt_put(v, v->ch);
			}
			break;
		case 1:		/* after ESC */
			v->state = 0;
			switch (c) {
			case '[': v->state = 2; v->npar = 0; v->par[0] = '\0';
				break;
			case ']': case 'P': case '_': case '^': v->state = 3;
				break;
			case '(': case ')': case '*': case '+': case '#':
			case '%': case ' ': v->state = 4; break;
			case '7': v->sy = v->y; v->sx = v->x; break;
			case '8': v->y = v->sy; v->x = v->sx; vt_clamp(v); break;
			case 'D': vt_down(v); break;
			case 'E': v->x = 0; vt_down(v); break;
			case 'M':
				if (v->y == v->top)
					vt_scroll(v, v->top, v->bot, -1);
				else if (v->y > 0)
					v->y--;
				break;
			case 'c': vt_reset(v); break;
			default: break;
			}
			break;
		case 2:		/* CSI */
			if (c >= 0x40 && c <= 0x7e) {
				v->par[v->npar] = '\0';
				vt_csi(v, (char)c);
				v->state = 0;
			} else if (c >= 0x20 && c < 0x40 &&
			    v->npar + 1 < sizeof v->par) {
				v->par[v->npar++] = (char)c;
				v->par[v->npar] = '\0';
			}
			break;
		case 3:		/* OSC, DCS: up to BEL or ESC \ */
			if (c == 7)
				v->state = 0;
			else if (c == 27)
				v->state = 5;
			break;
		case 4:		/* one more byte */
			v->state = 0;
			break;
		case 5:
			v->state = c == '\\' ? 0 : 3;
			break;
		}
	}
}

/* Does hay hold needle, ignoring the case of ASCII letters? */
static bool
has_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0'; i++)
			if (tolower((unsigned char)hay[i]) !=
			    tolower((unsigned char)needle[i]))
				break;
		if (i == n)
			return true;
	}
	return n == 0;
}

/* Is marker on one of the screen's rows (ignoring case if nocase)? */
static bool
vt_find_case(const struct vt *v, const char *marker, bool nocase)
{
	char row[VT_COLS * VT_CELL + 1];
	size_t len;
	int y, x;

	for (y = 0; y < VT_ROWS; y++) {
		len = 0;
		for (x = 0; x < VT_COLS; x++) {
			size_t k = strlen(v->cell[y][x]);
			memcpy(row + len, v->cell[y][x], k);
			len += k;
		}
		row[len] = '\0';
		if (nocase ? has_nocase(row, marker) :
		    strstr(row, marker) != NULL)
			return true;
	}
	return false;
}

static bool
vt_find(const struct vt *v, const char *marker)
{
	return vt_find_case(v, marker, false);
}

/* Print the screen (for -D). */
static void
vt_dump(const struct vt *v, FILE *f)
{
	int y, x;

	for (y = 0; y < VT_ROWS; y++) {
		fputc('|', f);
		for (x = 0; x < VT_COLS; x++)
			fputs(v->cell[y][x], f);
		fputs("|\n", f);
	}
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

/* The state letter of a process (R, S, D...), or 0 if unknown. */
static char
proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "PID (COMM) S ...": COMM may hold anything, so from the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return 0;
	return p[2];
}

/*
 * Has the child used no CPU for ms milliseconds, and is it asleep? (It
 * waits for input: a key sent now is read at once, not after work still
 * going on.) A process that is runnable but waiting for a CPU on a busy
 * machine uses none either: its state (R) says it is not idle.
 */
static bool
idle_for(struct session *s, long ms)
{
	char path[64], st;
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
	st = proc_state(s->pid);
	if (ns != s->cpu_ns || st == 'R' || st == 'D') {
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
				vt_feed(s->vt, buf, (size_t)n);
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

/*
 * Wait until marker is on the screen, the output has been quiet for
 * settle_ms since a byte that came after the time after, and the program
 * has been idle as long.
 */
static int
wait_screen(struct session *s, const char *marker, long settle_ms,
    long timeout_ms, double after)
{
	double quiet_since = now_us();
	bool idle;

	for (;;) {
		if (pump(s, 2) > 0)
			quiet_since = now_us();
		idle = idle_for(s, settle_ms);
		if (s->last_ts > after &&
		    now_us() - quiet_since >= (double)settle_ms * 1000 && idle &&
		    vt_find(s->vt, marker))
			return 0;
		if (s->exited) {
			fprintf(stderr, "ptyrun: the program exited before "
			    "'%s' was on the screen (status %d)\n", marker,
			    s->status);
			return -1;
		}
		if (now_us() - after > (double)timeout_ms * 1000) {
			fprintf(stderr, "ptyrun: timeout waiting for '%s' on "
			    "the screen; the output was:\n%.3000s\n", marker,
			    s->text);
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

/*
 * A probe: write keys, wait until the output has been quiet and the
 * program idle for the settle time (and, when nothing was drawn, for at
 * least 300 ms). Returns the time from the write to the last byte drawn,
 * 0 when nothing was, -1 on timeout or exit.
 */
static double
probe_time(struct session *s, const char *k, size_t n, const struct opts *o)
{
	double t0, quiet_since, before = s->last_ts, grace;

	grace = o->settle_ms > 300 ? (double)o->settle_ms : 300.0;
	t0 = now_us();
	send_keys(s, k, n);
	quiet_since = t0;
	for (;;) {
		if (pump(s, 2) > 0)
			quiet_since = now_us();
		if (now_us() - quiet_since >= (double)o->settle_ms * 1000 &&
		    idle_for(s, o->settle_ms)) {
			if (s->last_ts > before && s->last_ts >= t0)
				return s->last_ts - t0;
			if (now_us() - t0 >= grace * 1000)
				return 0;
		}
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
	char line[65536], opened[1024] = "", probed[1024] = "";
	char found[256] = "", there[256] = "";
	bool was;
	int len;

	memset(&s, 0, sizeof s);
	s.text = malloc(TEXT_MAX + 1);
	s.vt = malloc(sizeof *s.vt);
	if (s.text == NULL || s.vt == NULL)
		fail("out of memory");
	vt_reset(s.vt);
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
	if (o->early != NULL) {
		/* Type as soon as the first frame is there. */
		while (strstr(s.text, o->marker) == NULL &&
		    !vt_find(s.vt, o->marker)) {
			pump(&s, 2);
			if (s.exited || now_us() - start > (double)
			    o->timeout_ms * 1000) {
				fprintf(stderr, "ptyrun: no '%s' (%s); the "
				    "output was:\n%.2000s\n", o->marker,
				    s.exited ? "it exited" : "timeout", s.text);
				ret = -1;
				goto out;
			}
		}
		rss = peak_rss(s.pid);
		t = s.last_ts;
		send_keys(&s, o->early, o->n_early);
		if (wait_screen(&s, o->early_marker, o->settle_ms,
		    o->timeout_ms, now_us()) != 0) {
			ret = -1;
			goto out;
		}
		len = snprintf(line, sizeof line, "run=%d frame_us=%.1f "
		    "rss_kb=%ld result_us=%.1f result_rss_kb=%ld", idx,
		    t - start, rss, s.last_ts - start, peak_rss(s.pid));
	} else if (wait_frame(&s, o->marker, 0, o->settle_ms, o->timeout_ms,
	    start, start, o->n_steps > 0 || o->quit != NULL, &rss) != 0) {
		ret = -1;
		goto out;
	} else
		len = snprintf(line, sizeof line, "run=%d frame_us=%.1f "
		    "rss_kb=%ld", idx, s.last_ts - start, rss);
	if (o->early == NULL && (o->n_steps > 0 || o->quit != NULL))
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
		if (st->kind == 'p') {
			was = vt_find_case(s.vt, st->marker, true);
			t = probe_time(&s, st->keys, st->n_keys, o);
			if (t < 0) {
				fprintf(stderr, "ptyrun: %s after the keys of "
				    "step %d\n", s.exited ? "the program exited"
				    : "no quiet", i);
				ret = -1;
				goto out;
			}
			snprintf(probed + strlen(probed), sizeof probed -
			    strlen(probed), "%s%.1f", probed[0] ? "," : "",
			    t > 0 ? t : -1.0);
			snprintf(found + strlen(found), sizeof found -
			    strlen(found), "%s%d", found[0] ? "," : "",
			    vt_find_case(s.vt, st->marker, true));
			snprintf(there + strlen(there), sizeof there -
			    strlen(there), "%s%d", there[0] ? "," : "", was);
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
	if (probed[0] != '\0')
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " probe_us=%s probe_found=%s probe_before=%s", probed,
		    found, there);
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
	if (o->dump)
		vt_dump(s.vt, stderr);
	stop_child(&s);
	if (s.pidfd >= 0)
		close(s.pidfd);
	close(s.fd);
	free(s.text);
	free(s.vt);
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
	while ((c = getopt(argc, argv, "n:m:s:t:H:e:E:k:q:D")) != -1) {
		switch (c) {
		case 'n': o.runs = atoi(optarg); break;
		case 'm': o.marker = optarg; break;
		case 's': o.settle_ms = atol(optarg); break;
		case 't': o.timeout_ms = atol(optarg); break;
		case 'H': o.home = optarg; break;
		case 'e': add_env(&o, "", optarg); break;
		case 'k':
			if (o.n_steps == MAX_STEPS || strlen(optarg) < 2 ||
			    optarg[1] != ':' || strchr("outp", optarg[0]) ==
			    NULL)
				fail("bad -k step (o:KEYS|MARKER, u:KEYS, "
				    "t:KEYS, p:KEYS|MARKER)");
			st = &o.steps[o.n_steps++];
			st->kind = optarg[0];
			st->keys = optarg + 2;
			if (st->kind == 'o' || st->kind == 'p') {
				if ((bar = strchr(st->keys, '|')) == NULL)
					fail("o: and p: steps need |MARKER");
				*bar = '\0';
				st->marker = bar + 1;
			}
			st->n_keys = unescape(st->keys);
			break;
		case 'E':
			if ((bar = strchr(optarg, '|')) == NULL || bar[1] ==
			    '\0')
				fail("-E needs KEYS|MARKER");
			*bar = '\0';
			o.early = optarg;
			o.early_marker = bar + 1;
			o.n_early = unescape(optarg);
			break;
		case 'D':
			o.dump = true;
			break;
		case 'q':
			o.quit = optarg;
			o.n_quit = unescape(optarg);
			break;
		default:
			fail("usage: ptyrun [-n RUNS] [-m MARKER] [-s SETTLE_MS] "
			    "[-t TIMEOUT_MS] [-H HOME] [-e NAME=VALUE] "
			    "[-E KEYS|MARKER] [-k STEP] [-q KEYS] [-D] -- "
			    "PROGRAM [ARG]...");
		}
	}
	if (optind >= argc)
		fail("no program");
	if (o.early != NULL && o.marker == NULL)
		fail("-E needs -m MARKER");
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
