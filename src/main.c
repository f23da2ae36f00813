/* SPDX-License-Identifier: ISC */
/* Entry point: parse the command line, then run a command or the screen. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "text.h"

int
main(int argc, char **argv)
{
	struct cli_opts o;
	struct diag d;

	/*
	 * The user's locale for characters (UTF-8 or not), never for
	 * numbers: every figure is written and read with '.', in files and on
	 * the screen alike (text_num_* do so whatever this says).
	 */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	text_set_ascii(strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	if (cli_parse(argc, argv, &o, &d) != 0) {
		fprintf(stderr, "k2diary: %s (try 'k2diary --help')\n", d.msg);
		return EXIT_USAGE;
	}
	if (o.command == NULL && !o.help && !o.version) {
		struct session_args a;
		struct session x;
		int ret;
		/* The catalogue may wait until the first frame is drawn. */
		cli_session_args(&o, &a);
		ret = session_open(&x, &a, SESSION_LOAD_LATER);
		if (ret == 0)
			ret = app_run(&x, o.no_color);
		else
			ret = ret == -2 ? EXIT_USAGE : EXIT_ERROR;
		session_close(&x);
		return ret;
	}
	return cli_run(&o);
}
