/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound scan [PATH... | -] [--stdin-path P] */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int scan_opt(cli *c, int argc, char **argv, int *i, void *payload)
{
	const char *v = cli_value(argc, argv, i, "--stdin-path");
	if (!v)
		return 0;
	c->stdin_path = v;
	return 1;
}

static int run_scan(keyhound_scan *scan, cli *c, void *payload)
{
	static const char *dot[] = {"."};
	const char *const *paths = c->n_args ? c->args : dot;
	return keyhound_scan_paths(scan, paths, c->n_args ? c->n_args : 1, c->stdin_path);
}

int cmd_scan(int argc, char **argv)
{
	cli c;
	int code = cli_parse(&c, argc, argv, scan_opt, NULL);
	if (code)
		goto done;
	struct stat st;
	const char *first = c.n_args ? c.args[0] : ".";
	if (strcmp(first, "-") && stat(first, &st) == 0 && S_ISDIR(st.st_mode))
		cli_find_config(&c, first);
	code = cli_run(&c, run_scan, NULL);
done:
	cli_free(&c);
	return code;
}
