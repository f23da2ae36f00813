/* SPDX-License-Identifier: ISC */
/* Entry point: parse the command line, then run a command or the screen. */
#include <locale.h>
#include <stdio.h>

#include "app.h"
#include "cli.h"

int
main(int argc, char **argv)
{
	struct cli_opts o;
	char err[256];

	setlocale(LC_ALL, "");
	if (cli_parse(argc, argv, &o, err, sizeof err) != 0) {
		fprintf(stderr, "k2diary: %s (try 'k2diary --help')\n", err);
		return EXIT_USAGE;
	}
	if (o.command == NULL && !o.help && !o.version) {
		struct cli_ctx x;
		/* The catalogue may wait until the first frame is drawn. */
		int ret = cli_load(&x, &o, CLI_LOAD_LATER);
		if (ret == EXIT_OK)
			ret = app_run(&x);
		cli_release(&x);
		return ret;
	}
	return cli_run(&o);
}
