/* SPDX-License-Identifier: ISC */
/* The reducer's edit lines (the picker's query, the amount) and key names. */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "tui.h"
#include "tui_priv.h"
#include "util.h"

/* Set a line's text. */
void
tui_line_set(struct tui_line *l, const char *text)
{
	snprintf(l->buf, sizeof l->buf, "%s", text);
	l->len = strlen(l->buf);
}

/* Append a code point. */
bool
tui_line_put(struct tui_line *l, uint32_t cp)
{
	char enc[4];
	size_t n;

	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xc0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xe0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		enc[0] = (char)(0xf0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	if (l->len + n >= sizeof l->buf)
		return false;
	memcpy(l->buf + l->len, enc, n);
	l->len += n;
	l->buf[l->len] = '\0';
	return true;
}

/* Take back the last character. */
static void
line_backspace(struct tui_line *l)
{
	while (l->len > 0) {
		l->len--;
		if (((unsigned char)l->buf[l->len] & 0xc0) != 0x80)
			break;
	}
	l->buf[l->len] = '\0';
}

/* Take back the last word and the spaces after it. */
static void
line_kill_word(struct tui_line *l)
{
	while (l->len > 0 && l->buf[l->len - 1] == ' ')
		l->len--;
	while (l->len > 0 && l->buf[l->len - 1] != ' ')
		l->len--;
	l->buf[l->len] = '\0';
}

/* Apply an editing key; true if the line changed. */
bool
tui_line_edit(struct tui_line *l, struct tui_keyev k)
{
	switch (k.key) {
	case TK_CHAR:
		return tui_line_put(l, k.ch);
	case TK_BACKSPACE:
		line_backspace(l);
		return true;
	case TK_CTRL_U:
		tui_line_set(l, "");
		return true;
	case TK_CTRL_W:
		line_kill_word(l);
		return true;
	default:
		return false;
	}
}

/* Name a key for a message. */
void
tui_key_name(struct tui_keyev k, char *buf, size_t len)
{
	static const char *const names[] = {
		[TK_ENTER] = "Enter", [TK_ESC] = "Esc", [TK_TAB] = "Tab",
		[TK_BTAB] = "Shift-Tab", [TK_BACKSPACE] = "Backspace",
		[TK_DELETE] = "Delete", [TK_UP] = "Up", [TK_DOWN] = "Down",
		[TK_LEFT] = "Left", [TK_RIGHT] = "Right", [TK_HOME] = "Home",
		[TK_END] = "End", [TK_PGUP] = "PgUp", [TK_PGDN] = "PgDn",
		[TK_CTRL_U] = "Ctrl-U", [TK_CTRL_W] = "Ctrl-W",
		[TK_CTRL_L] = "Ctrl-L", [TK_CTRL_N] = "Ctrl-N",
		[TK_CTRL_E] = "Ctrl-E", [TK_CTRL_O] = "Ctrl-O",
		[TK_QUIT] = "Ctrl-C",
	};
	struct tui_line l;

	if (k.key == TK_CHAR) {
		memset(&l, 0, sizeof l);
		tui_line_put(&l, k.ch);
		snprintf(buf, len, "%s", l.buf);
		text_inert(buf);
	} else if ((size_t)k.key < ARRAY_LEN(names) && names[k.key] != NULL)
		snprintf(buf, len, "%s", names[k.key]);
	else
		snprintf(buf, len, "that key");
}
