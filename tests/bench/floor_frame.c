/* SPDX-License-Identifier: ISC */
/* The frame floor F: a bare ncurses program that draws a full 80x24 screen, then echoes keys until q. */
/*
 * With a diary path (floor_frame_db), it also opens the diary with SQLite
 * and runs the weekly range query before drawing, as k2diary's start-up
 * does. The marker FLOOR-END is drawn last, on the bottom row.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#ifdef FLOOR_DB
#include <sqlite3.h>
#endif

static double week_sum;

#ifdef FLOOR_DB
/* The current week (Monday to Sunday, diary day from 04:00), by query. */
static long
week_query(const char *path)
{
	static const char sql[] = "SELECT id, day, logged_at, food_id, "
	    "food_name, serving, grams, servings, quantity, k2_ug, mk4_ug, "
	    "mk7_ug, mk_other_ug, k1_ug, sat_fat_g, sodium_mg, kcal FROM entry "
	    "WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id";
	sqlite3 *db;
	sqlite3_stmt *st;
	time_t t = time(NULL) - 4 * 3600;
	struct tm tm;
	long day, ws, rows = 0;
	double sum = 0;
	int c;

	localtime_r(&t, &tm);
	day = (long)((t + tm.tm_gmtoff) / 86400);
	ws = day - (day + 3) % 7;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int64(st, 2, ws + 6);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (c = 0; c < 17; c++) {
			if (c >= 3 && c <= 5)
				sum += (double)strlen((const char *)
				    sqlite3_column_text(st, c));
			else
				sum += sqlite3_column_double(st, c);
		}
		rows++;
	}
	sqlite3_finalize(st);
	/* Kept open until exit, like the diary. */
	week_sum = sum;
	return rows;
}
#endif

int
main(int argc, char **argv)
{
	char line[96];
	long rows = 0;
	int y, x, c;

	setlocale(LC_ALL, "");
#ifdef FLOOR_DB
	if (argc < 2 || (rows = week_query(argv[1])) < 0) {
		fprintf(stderr, "floor_frame_db: cannot query the diary\n");
		return 1;
	}
#else
	(void)argc;
	(void)argv;
#endif
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	attron(A_REVERSE | A_BOLD);
	snprintf(line, sizeof line, " floor  %ld rows  %.0f", rows, week_sum);
	mvhline(0, 0, ' ', COLS);
	mvaddstr(0, 0, line);
	attroff(A_REVERSE | A_BOLD);
	for (y = 1; y < LINES - 1; y++) {
		for (x = 0; x < COLS && x < (int)sizeof line - 1; x++)
			line[x] = (char)('a' + (x * 7 + y * 3) % 26);
		line[x] = '\0';
		mvaddstr(y, 0, line);
	}
	mvaddstr(LINES - 1, 1, "some keys here  and there  FLOOR-END");
	refresh();
	/* The key floor: each key but q redraws one field. */
	while ((c = getch()) != 'q' && c != ERR) {
		snprintf(line, sizeof line, "key %3d", c);
		mvaddstr(LINES - 1, 60, line);
		refresh();
	}
	endwin();
	return 0;
}
