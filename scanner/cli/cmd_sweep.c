/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound sweep REPO... | --repos FILE [--state FILE] [--new-only] [--jobs N] [--shard K/N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
	keyhound_sweep_options o;
} sweep_args;

static int sweep_opt(cli *c, int argc, char **argv, int *i, void *payload)
{
	sweep_args *s = payload;
	const char *a = argv[*i], *v;
	char *end;

	if ((v = cli_value(argc, argv, i, "--repos"))) {
		s->o.repos_file = v;
	} else if ((v = cli_value(argc, argv, i, "--state"))) {
		s->o.state_path = v;
	} else if (!strcmp(a, "--new-only")) {
		s->o.new_only = 1;
	} else if ((v = cli_value(argc, argv, i, "--jobs"))) {
		long n = strtol(v, &end, 10);
		if (end == v || *end || n < 1 || n > 256)
			return cli_usage_error("--jobs must be a number from 1 to 256"), -1;
		s->o.jobs = (unsigned)n;
	} else if ((v = cli_value(argc, argv, i, "--shard"))) {
		unsigned long k, n;
		k = strtoul(v, &end, 10);
		if (end == v || *end != '/')
			return cli_usage_error("--shard wants K/N (K from 0), got '%s'", v), -1;
		n = strtoul(end + 1, &end, 10);
		if (*end || n < 1 || n > 1000000 || k >= n)
			return cli_usage_error("--shard wants K/N with 0 <= K < N, got '%s'", v), -1;
		s->o.shard_index = (unsigned)k;
		s->o.shard_count = (unsigned)n;
	} else {
		return 0;
	}
	return 1;
}

static int run_sweep(keyhound_scan *scan, cli *c, void *payload)
{
	sweep_args *s = payload;
	return keyhound_scan_sweep(scan, &s->o);
}

int cmd_sweep(int argc, char **argv)
{
	sweep_args s = { KEYHOUND_SWEEP_OPTIONS_INIT };
	cli c;
	int code = cli_parse(&c, argc, argv, sweep_opt, &s);

	if (code)
		goto done;
	if (!c.n_args && !s.o.repos_file) {
		code = cli_usage_error("sweep wants repositories: REPO..., a folder of them, or --repos FILE");
		goto done;
	}
	s.o.inputs = c.args;
	s.o.n_inputs = c.n_args;
	/* a pause after each repository is committed: lets a test kill a sweep mid-way */
	if (getenv("KEYHOUND_SWEEP_PAUSE_MS"))
		s.o.pause_ms = (unsigned)atoi(getenv("KEYHOUND_SWEEP_PAUSE_MS"));
	code = cli_run(&c, run_sweep, &s);
done:
	cli_free(&c);
	return code;
}
