/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound sweep REPO|URL... | --repos FILE [--mirror DIR] [--state FILE] [--new-only] [--jobs N]
 *                [--shard K/N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

typedef struct {
	keyhound_sweep_options o;
	const char **exclude;       /* --exclude-repos, repeatable */
	size_t n_exclude;
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
	} else if ((v = cli_value(argc, argv, i, "--mirror"))) {
		s->o.mirror_dir = v;
	} else if ((v = cli_value(argc, argv, i, "--fetch-timeout"))) {
		unsigned long n = strtoul(v, &end, 10);
		unsigned long mul = !*end || !strcmp(end, "s") ? 1 : !strcmp(end, "m") ? 60 :
				    !strcmp(end, "h") ? 3600 : 0;
		if (end == v || !mul || n < 1 || n > 86400 / mul)
			return cli_usage_error("--fetch-timeout wants seconds (or 30m, 2h) up to a day, got '%s'", v), -1;
		s->o.fetch_timeout = (unsigned)(n * mul);
	} else if ((v = cli_value(argc, argv, i, "--mirror-budget"))) {
		if (keyhound_parse_size(v, &s->o.mirror_budget) < 0 || !s->o.mirror_budget)
			return cli_usage_error("--mirror-budget wants a size (500M, 20G), got '%s'", v), -1;
	} else if ((v = cli_value(argc, argv, i, "--github-org"))) {
		s->o.github_org = v;
	} else if ((v = cli_value(argc, argv, i, "--github-user"))) {
		s->o.github_user = v;
	} else if ((v = cli_value(argc, argv, i, "--gitlab-group"))) {
		s->o.gitlab_group = v;
	} else if ((v = cli_value(argc, argv, i, "--api-url"))) {
		s->o.api_url = v;
	} else if ((v = cli_value(argc, argv, i, "--topic"))) {
		s->o.topic = v;
	} else if ((v = cli_value(argc, argv, i, "--exclude-repos"))) {
		s->exclude = realloc(s->exclude, sizeof(char *) * (s->n_exclude + 1));
		if (!s->exclude)
			abort();
		s->exclude[s->n_exclude++] = v;
	} else if (!strcmp(a, "--include-forks")) {
		s->o.include_forks = 1;
	} else if (!strcmp(a, "--exclude-archived")) {
		s->o.exclude_archived = 1;
	} else if (!strcmp(a, "--include-pull-refs")) {
		s->o.include_pull_refs = 1;
	} else if (!strcmp(a, "--include-wikis")) {
		s->o.include_wikis = 1;
	} else if (!strcmp(a, "--new-only")) {
		s->o.new_only = 1;
	} else if (!strcmp(a, "--retry-errors")) {
		s->o.retry_errors = 1;
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

/* The report is delivered: its findings are reported (a kill before this repeats them). */
static void written(const keyhound_report *r, void *payload)
{
	sweep_args *s = payload;
	/* a test stops here to kill the sweep between the report and this mark */
	const char *pause = getenv("KEYHOUND_TEST_PAUSE");
	if (pause && !strncmp(pause, "before-mark:", 12))
		usleep((useconds_t)atoi(pause + 12) * 1000u);
	if (keyhound_sweep_mark_reported(r, &s->o) < 0)
		fprintf(stderr, "keyhound: warning: the report is written, but the state could not record "
			"it as delivered (its findings will be reported again): %s\n", keyhound_last_error());
}

static int run_sweep(keyhound_scan *scan, cli *c, void *payload)
{
	sweep_args *s = payload;
	return keyhound_scan_sweep(scan, &s->o);
}

int cmd_sweep(int argc, char **argv)
{
	sweep_args s = { KEYHOUND_SWEEP_OPTIONS_INIT, NULL, 0 };
	char *shard_out = NULL;
	cli c;
	int code = cli_parse(&c, argc, argv, sweep_opt, &s);

	if (code)
		goto done;
	if (!c.n_args && !s.o.repos_file && !s.o.github_org && !s.o.github_user && !s.o.gitlab_group) {
		code = cli_usage_error("sweep wants repositories: REPO..., a folder of them, --repos FILE, "
				       "or --github-org, --github-user, --gitlab-group");
		goto done;
	}
	s.o.exclude_repos = s.exclude;
	s.o.n_exclude_repos = s.n_exclude;
	/* tokens for the listings and the clones (never written anywhere) */
	s.o.github_token = getenv("GITHUB_TOKEN");
	s.o.gitlab_token = getenv("GITLAB_TOKEN");
	/* the library reads no environment: git's, the askpass folder, the testing overrides */
	s.o.environment = (const char *const *)environ;
	s.o.tmp_dir = getenv("TMPDIR");
	s.o.connect_to = getenv("KEYHOUND_CONNECT_TO");
	s.o.cainfo = getenv("KEYHOUND_CAINFO");
	s.o.inputs = c.args;
	s.o.n_inputs = c.n_args;
	/* a pause after each repository is committed: lets a test kill a sweep mid-way */
	if (getenv("KEYHOUND_SWEEP_PAUSE_MS"))
		s.o.pause_ms = (unsigned)atoi(getenv("KEYHOUND_SWEEP_PAUSE_MS"));
	if (s.o.shard_count && c.output && is_dir(c.output)) {
		/* a shard never overwrites a report not merged yet: a name of its own per run */
		char stamp[32];
		time_t now = time(NULL);
		strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", gmtime(&now));
		if (asprintf(&shard_out, "%s%sshard-%u-%s-%ld.json", c.output,
			     c.output[strlen(c.output) - 1] == '/' ? "" : "/", s.o.shard_index, stamp,
			     (long)getpid()) < 0)
			abort();
		c.output = shard_out;
		if (!c.quiet)
			fprintf(stderr, "keyhound: report: %s\n", shard_out);
	}
	c.on_written = written;
	c.on_written_payload = &s;
	code = cli_run(&c, run_sweep, &s);
done:
	cli_free(&c);
	free(shard_out);
	free(s.exclude);
	return code;
}
