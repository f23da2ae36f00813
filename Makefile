# k2diary: plain GNU make, no configure step.
# User variables (CFLAGS, CPPFLAGS, LDFLAGS, LDLIBS, PREFIX, DESTDIR, MANDIR)
# are left to the user; the flags the build needs live in K2_* variables.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC        ?= cc
CFLAGS    ?= -O2 -g

PKGS       = ncursesw sqlite3 yaml-0.1
K2_STD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -Iinclude -Ibuild \
             -DK2_VERSION='"$(VERSION)"'
K2_WARN    = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wwrite-strings -Wformat=2
ifneq ($(CI),)
K2_WARN   += -Werror
endif
K2_PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=%,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
K2_PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

# SANITIZE=1 builds everything into build-asan/ with ASan and UBSan.
ifeq ($(SANITIZE),1)
B          = build-asan
K2_SAN     = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
B         ?= build
K2_SAN     =
endif

ALL_CFLAGS  = $(K2_STD) $(K2_WARN) $(K2_PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(K2_SAN) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(K2_SAN)

# Three layers (STYLE.md): the pure core in libcore.a (no curses, SQLite or
# libyaml); the adapters to SQLite and libyaml in libadapt.a; the wiring
# (commands, the session, the screen's loop) and the curses screens in the
# program. Unit tests link libcore.a and libadapt.a, never ncurses.
# The tools are in none: src/sr28_*.c make sr28-convert (make catalogue),
# src/catgen.c the built-in table.
ADAPT_SRC  = src/diary.c src/diary_open.c src/diary_copy.c src/yread.c src/ywrite.c \
             src/catalogue_yaml.c src/config_yaml.c src/ownfoods.c
UI_SRC     = $(wildcard src/ui_*.c src/cli*.c src/cmd_*.c) src/session.c \
             src/app.c src/main.c
SR28_SRC   = src/sr28_convert.c src/sr28_read.c src/sr28_rules.c
TOOL_SRC   = $(SR28_SRC) src/catgen.c
CORE_SRC   = $(filter-out $(UI_SRC) $(ADAPT_SRC) $(TOOL_SRC),$(wildcard src/*.c))
CORE_OBJ   = $(CORE_SRC:src/%.c=$(B)/%.o)
ADAPT_OBJ  = $(ADAPT_SRC:src/%.c=$(B)/%.o)
UI_OBJ     = $(patsubst src/%.c,$(B)/%.o,$(wildcard $(UI_SRC)))
TEST_SRC   = $(wildcard tests/unit/test_*.c)
TEST_BIN   = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
# What the core and the adapters link: SQLite and libyaml, not ncurses.
K2_ADAPT_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3 yaml-0.1 2>/dev/null)

.PHONY: check-long all run check unit e2e lint check-layers deps install uninstall clean bench fuzz fuzz-build
.PHONY: catalogue

all: k2diary

k2diary: $(B)/k2diary
	@[ "$(B)" = build ] && cp -f $(B)/k2diary $@ || true

$(B)/k2diary: $(UI_OBJ) $(B)/libadapt.a $(B)/libcore.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(UI_OBJ) $(B)/libadapt.a $(B)/libcore.a \
	    $(K2_PKG_LIBS) $(LDLIBS) -lm

$(B)/libcore.a: $(CORE_OBJ) $(B)/builtin_table.o
	rm -f $@
	$(AR) rcs $@ $(CORE_OBJ) $(B)/builtin_table.o

$(B)/libadapt.a: $(ADAPT_OBJ)
	rm -f $@
	$(AR) rcs $@ $(ADAPT_OBJ)

$(B)/%.o: src/%.c | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The built-in catalogue compiled in (include/catalogue_table.h): catgen
# reads foods.yaml and data/usda-sr28.yaml through the strict loader, so the
# YAML stays the one source, and writes a table of offsets into one block of
# strings, which the program uses without parsing anything.
CATGEN_OBJ = $(filter-out $(B)/catalogue_table.o,$(CORE_OBJ)) $(ADAPT_OBJ)
$(B)/catgen: src/catgen.c $(CATGEN_OBJ) | $(B)
	$(CC) $(ALL_CFLAGS) -o $@ src/catgen.c $(CATGEN_OBJ) $(ALL_LDFLAGS) \
	    $(K2_ADAPT_LIBS) $(LDLIBS) -lm

$(B)/builtin_table.c: $(B)/catgen foods.yaml data/usda-sr28.yaml
	$(B)/catgen foods.yaml data/usda-sr28.yaml $@

$(B)/builtin_table.o: $(B)/builtin_table.c
	$(CC) $(K2_STD) $(CPPFLAGS) $(CFLAGS) $(K2_SAN) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libadapt.a $(B)/libcore.a | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -DK2_SRCDIR='"$(CURDIR)"' -o $@ $< \
	    $(ALL_LDFLAGS) $(B)/libadapt.a $(B)/libcore.a $(K2_ADAPT_LIBS) \
	    $(CMOCKA_LIBS) $(LDLIBS) -lm

$(B) $(B)/tests:
	mkdir -p $@

unit: $(TEST_BIN)

# The broad catalogue (DESIGN.md 3a): $(B)/sr28-convert turns the USDA SR28
# files in SR28_DIR into data/usda-sr28.yaml, which is shipped. It links
# libyaml only; NUT_DATA.txt.xz is read through xz -dc.
SR28_DIR  ?= ../shared/data/usda-sr28
SR28_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null)

catalogue: $(B)/sr28-convert
	$(B)/sr28-convert $(SR28_DIR) data/usda-sr28.yaml

SR28_OBJ  = $(SR28_SRC:src/%.c=$(B)/%.o)
$(B)/sr28-convert: $(SR28_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $(SR28_OBJ) $(SR28_LIBS) $(LDLIBS)

run: deps
	$(MAKE) all
	./k2diary

# check: the unit and end-to-end tests on the plain build and again on the
# ASan+UBSan build, short fuzz runs, man-page lint and the layer rule;
# tests/run.sh prints the final "N passed, N failed". With SANITIZE=1 only
# the sanitizer build is tested.
#
# The end-to-end suite runs on the plain build under three locales (C.UTF-8;
# de_DE.UTF-8, whose decimal point is a comma, made by localedef into
# build/locale; and C, which is not UTF-8), then on the sanitizer build.
ifeq ($(SANITIZE),1)
CHECK_RUNS = build-asan/tests K2DIARY=$(CURDIR)/build-asan/k2diary tests/e2e
else
CHECK_RUNS = build/tests build-asan/tests \
             K2DIARY=$(CURDIR)/build/k2diary K2_TEST_LOCALE=C.UTF-8 tests/e2e \
             K2_TEST_LOCALE=de_DE.UTF-8 tests/e2e \
             K2_TEST_LOCALE=C tests/e2e \
             K2DIARY=$(CURDIR)/build-asan/k2diary K2_TEST_LOCALE=C.UTF-8 tests/e2e \
             FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS) tests/fuzz
endif
CHECK_FUZZ_SECONDS ?= 4

# A comma-decimal locale for the tests, whatever the machine has installed.
TEST_LOCALE = build/locale/de_DE.UTF-8/LC_NUMERIC
$(TEST_LOCALE):
	mkdir -p build/locale
	localedef -i de_DE -f UTF-8 build/locale/de_DE.UTF-8 || test -f $@

check: deps
	$(MAKE) all unit
	$(MAKE) SANITIZE= build/sr28-convert $(TEST_LOCALE)
	$(MAKE) SANITIZE=1 all unit
ifneq ($(SANITIZE),1)
	$(MAKE) fuzz-build
endif
	$(MAKE) lint check-layers check-size
	tests/run.sh $(CHECK_RUNS)

# Benchmarks (not part of check): an -O2 build in build-bench/, then
# tests/bench/run.sh prints one table and writes build/bench.json.
bench: deps
	$(MAKE) B=build-bench SANITIZE= CFLAGS="-O2 -g" all
	K2DIARY=$(CURDIR)/build-bench/k2diary tests/bench/run.sh

# The long mode: the crash loop kills the screen 200 times instead of 20.
check-long:
	K2_LONG=1 $(MAKE) check

# Fuzzing: libFuzzer harnesses tests/fuzz/fuzz_*.c over the core, built with
# clang into build-fuzz/; `make fuzz FUZZ_SECONDS=N` runs each for N seconds.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
fuzz-build:
	$(MAKE) B=build-fuzz SANITIZE= CC=$(FUZZ_CC) \
	    CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    build-fuzz/libadapt.a build-fuzz/libcore.a
	@for f in $(FUZZ_SRC); do \
	    n=$$(basename $$f .c); \
	    echo "$(FUZZ_CC) -o build-fuzz/$$n $$f"; \
	    $(FUZZ_CC) $(K2_STD) -Itests/fuzz $(K2_WARN) $(K2_PKG_CFLAGS) -g -O1 \
	        -fsanitize=fuzzer $(FUZZ_SAN) -o build-fuzz/$$n $$f \
	        build-fuzz/libadapt.a build-fuzz/libcore.a $(K2_ADAPT_LIBS) -lm || exit 1; \
	done

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/run.sh tests/fuzz

lint:
	mandoc -Tlint -W warning man/k2diary.1

# The layer rules (STYLE.md): only the adapters include the libraries'
# headers; the core includes no adapter header; the screens never call the
# diary; libcore.a needs no curses, SQLite or libyaml symbol.
ADAPT_HDRS = yread.h ywrite.h diary.h diary_priv.h catalogue_yaml.h config_yaml.h \
             ui.h ui_priv.h cli.h app.h session.h ownfoods.h
check-layers: $(B)/libcore.a
	@bad=$$(grep -l '#include <yaml.h>' src/*.c src/*.h include/*.h | grep -vE '^src/(yread|ywrite|sr28_convert)\.c$$'; \
	        grep -l '#include <sqlite3.h>' src/*.c src/*.h include/*.h | grep -vE '^src/diary[a-z_]*\.c$$'; \
	        grep -lE '#include <n?cursesw?/?n?curses.h>' src/*.c src/*.h include/*.h | grep -v '^src/ui_'); \
	if [ -n "$$bad" ]; then echo "layer rule broken: a library header in: $$bad"; exit 1; fi; \
	for h in $(ADAPT_HDRS); do \
	    bad=$$(grep -l "#include \"$$h\"" $(CORE_SRC) /dev/null); \
	    if [ -n "$$bad" ]; then echo "layer rule broken: core file includes $$h: $$bad"; exit 1; fi; \
	done; \
	bad=$$(grep -lE '#include "diary.h"|[^a-z_]diary_[a-z_]+\(' src/ui_*.c); \
	if [ -n "$$bad" ]; then echo "layer rule broken: a screen calls the diary: $$bad"; exit 1; fi; \
	bad=$$(grep -nE 'ui_[a-z]+_draw *\(|ui_draw *\(' src/ui_term.c); \
	if [ -n "$$bad" ]; then echo "layer rule broken: the terminal module calls a screen: $$bad"; exit 1; fi; \
	bad=$$(awk '/^draw\(/,/^}/' src/app.c | grep -E 'diary_|_load\('); \
	if [ -n "$$bad" ]; then echo "layer rule broken: draw() reads the diary: $$bad"; exit 1; fi; \
	bad=$$(nm -u $(B)/libcore.a | awk '{print $$NF}' | grep -E '^(sqlite3_|yaml_|nc_|w?getch|wget_wch|newterm|initscr|endwin|curs_set|mvw?addn?str|wrefresh|doupdate|tigetstr)' | sort -u); \
	if [ -n "$$bad" ]; then echo "layer rule broken: libcore.a needs:" $$bad; exit 1; fi; \
	echo "layers ok"

# The size rule (issue 10): no file in src/ or include/ over SIZE_LINES
# lines and no function there over SIZE_FUNC, a function counted from the
# line "name(" at column 0 to the "}" at column 0 that closes it. Each
# word of SIZE_EXCEPTIONS lets one thing break it: FILE its length,
# FILE:FUNCTION that function; a word that excuses nothing is an error.
SIZE_LINES      = 800
SIZE_FUNC       = 80
SIZE_EXCEPTIONS =
define SIZE_AWK
BEGIN {
	n = split(skip, w, " ")
	for (i = 1; i <= n; i++)
		ex[w[i]] = 1
}
function over(what, start, len, max) {
	if (what in ex) {
		used[what] = 1
		return
	}
	if (start > 0)
		printf "%s:%d: %s is %d lines, over %d\n", file, start,
		    substr(what, length(file) + 2), len, max
	else
		printf "%s: %d lines, over %d\n", file, len, max
	bad++
}
function done_file() {
	if (lines > lmax)
		over(file, 0, lines, lmax)
}
FNR == 1 {
	if (NR > 1)
		done_file()
	file = FILENAME
	fn = ""
	body = 0
}
{ lines = FNR }
!body && /^[A-Za-z_][A-Za-z0-9_]*\(/ {
	fn = $$0
	sub(/\(.*/, "", fn)
	start = FNR
	next
}
fn != "" && !body && /;[ \t]*$$/ { fn = "" }
fn != "" && /^\{/ { body = 1 }
body && /^\}/ {
	if (FNR - start + 1 > fmax)
		over(file ":" fn, start, FNR - start + 1, fmax)
	fn = ""
	body = 0
}
END {
	if (NR > 0)
		done_file()
	for (e in ex)
		if (!(e in used)) {
			printf "SIZE_EXCEPTIONS: %s keeps the rule: take it out\n", e
			bad++
		}
	if (bad) {
		printf "size rule broken: %d\n", bad
		exit 1
	}
	print "sizes ok"
}
endef
.PHONY: check-size
check-size: export K2_SIZE_AWK = $(SIZE_AWK)
check-size:
	@awk -v lmax=$(SIZE_LINES) -v fmax=$(SIZE_FUNC) -v skip="$(SIZE_EXCEPTIONS)" \
	    "$$K2_SIZE_AWK" $(wildcard src/*.c src/*.h include/*.h)

# Debian packages, installed only when missing: DEB_BUILD to build and run
# (make run); DEB_TEST too for make check and make bench, which set
# DEPS_TEST for their deps step.
DEB_BUILD = build-essential pkg-config libncurses-dev libsqlite3-dev libyaml-dev
DEB_TEST  = libcmocka-dev tmux sqlite3 mandoc clang libclang-rt-dev valgrind \
            python3 python3-yaml xz-utils faketime locales
DEB_PKGS  = $(DEB_BUILD) $(if $(DEPS_TEST),$(DEB_TEST))
check bench: DEPS_TEST = 1
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	    $$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y $$missing; \
	fi

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 k2diary $(DESTDIR)$(BINDIR)/k2diary
	install -m 0644 man/k2diary.1 $(DESTDIR)$(MANDIR)/man1/k2diary.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/k2diary $(DESTDIR)$(MANDIR)/man1/k2diary.1

clean:
	rm -rf build build-asan build-fuzz build-bench k2diary

-include $(wildcard $(B)/*.d $(B)/tests/*.d)
