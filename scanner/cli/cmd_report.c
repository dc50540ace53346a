/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound report merge FILE|DIR...: shard reports (--format json) combined into one.
 * A folder stands for the shard-*.json in it; those are moved into its merged/ folder once
 * the merged report is written whole, so a failed merge loses nothing and a report is
 * never merged twice. */
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
	char **paths;
	size_t n;
	bool *from_dir;             /* found in a folder: moved aside after the merge */
} inputs;

static void add(inputs *in, const char *p, bool from_dir)
{
	in->paths = realloc(in->paths, sizeof(char *) * (in->n + 1));
	in->from_dir = realloc(in->from_dir, sizeof(bool) * (in->n + 1));
	if (!in->paths || !in->from_dir)
		abort();
	in->paths[in->n] = strdup(p);
	in->from_dir[in->n++] = from_dir;
}

static void expand(inputs *in, const char *const *args, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t len = strlen(args[i]);
			char *pat = malloc(len + 20);
			glob_t g;
			if (!pat)
				abort();
			sprintf(pat, "%s%sshard-*.json", args[i], len && args[i][len - 1] == '/' ? "" : "/");
			if (glob(pat, 0, NULL, &g) == 0) {
				for (size_t k = 0; k < g.gl_pathc; k++)
					add(in, g.gl_pathv[k], true);
				globfree(&g);
			}
			free(pat);
		} else {
			add(in, args[i], false);
		}
	}
}

/* Move what was merged from folders into their merged/ folder. */
static int move_aside(const inputs *in)
{
	int bad = 0;
	for (size_t i = 0; i < in->n; i++) {
		if (!in->from_dir[i])
			continue;
		char *slash = strrchr(in->paths[i], '/');
		size_t dlen = slash ? (size_t)(slash - in->paths[i]) : 0;
		char *dir = malloc(dlen + 16), *to = malloc(strlen(in->paths[i]) + 16);
		if (!dir || !to)
			abort();
		sprintf(dir, "%.*s%smerged", (int)dlen, in->paths[i], slash ? "/" : "");
		sprintf(to, "%s/%s", dir, slash ? slash + 1 : in->paths[i]);
		if ((mkdir(dir, 0700) < 0 && errno != EEXIST) || rename(in->paths[i], to) < 0) {
			fprintf(stderr, "keyhound: cannot move %s to %s: %s\n", in->paths[i], to, strerror(errno));
			bad = 1;
		}
		free(dir);
		free(to);
	}
	return bad ? -1 : 0;
}

int cmd_report(int argc, char **argv)
{
	keyhound_report *r = NULL;
	FILE *out = stdout;
	cli_output co = { 0 };
	inputs in = { 0 };
	bool written = false;
	cli c;
	int code;

	if (argc < 1 || strcmp(argv[0], "merge"))
		return cli_usage_error("report wants a subcommand: report merge FILE...");
	if ((code = cli_parse(&c, argc - 1, argv + 1, NULL, NULL)))
		goto done;
	if (!c.n_args) {
		code = cli_usage_error("report merge wants the JSON reports to combine");
		goto done;
	}
	expand(&in, c.args, c.n_args);
	if (!in.n) {
		code = cli_usage_error("report merge: no shard-*.json in the folders named");
		goto done;
	}
	if (keyhound_report_merge(&r, (const char *const *)in.paths, in.n) < 0) {
		code = cli_fail("report merge");
		goto done;
	}
	if (c.output) {
		if (cli_output_open(&co, c.output, c.opts.show_secrets) < 0) {
			fprintf(stderr, "keyhound: cannot write %s: %s\n", c.output, cli_output_error(errno));
			code = 2;
			goto done;
		}
		out = co.f;
	}
	keyhound_write_options wo = KEYHOUND_WRITE_OPTIONS_INIT;
	wo.quiet = c.quiet;
	wo.color = cli_color(&c, out);
	if (keyhound_report_write(r, out, c.format, &wo) < 0) {
		code = cli_fail("cannot write the report");
		goto done;
	}
	if (c.format != KEYHOUND_FORMAT_HUMAN || out != stdout)
		cli_errors_to_stderr(r);
	code = keyhound_report_exit_code(r, c.opts.strict);
	written = true;
done:
	if (co.f) {
		if (!written) {
			cli_output_abort(&co);
		} else if (cli_output_commit(&co) < 0) {
			fprintf(stderr, "keyhound: cannot write %s: %s\n", c.output, strerror(errno));
			code = 2;
			written = false;
		}
	} else if (out == stdout && (fflush(stdout) != 0 || ferror(stdout))) {
		code = 2;
		written = false;
	}
	/* only a report written whole moves its inputs aside */
	if (written && move_aside(&in) < 0)
		code = 2;
	for (size_t i = 0; i < in.n; i++)
		free(in.paths[i]);
	free(in.paths);
	free(in.from_dir);
	keyhound_report_free(r);
	cli_free(&c);
	return code;
}
