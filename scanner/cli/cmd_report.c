/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound report merge FILE...: shard reports (--format json) combined into one. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cmd_report(int argc, char **argv)
{
	keyhound_report *r = NULL;
	FILE *out = stdout;
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
	if (keyhound_report_merge(&r, c.args, c.n_args) < 0) {
		code = cli_fail("report merge");
		goto done;
	}
	if (c.output && !(out = cli_open_output(c.output, c.opts.show_secrets))) {
		fprintf(stderr, "keyhound: cannot write %s: %s\n", c.output, cli_output_error(errno));
		out = stdout;
		code = 2;
		goto done;
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
	code = keyhound_report_exit_code_n(r, c.opts.strict, c.exit_findings);
done:
	if (out != stdout && cli_close_output(out) < 0) {
		fprintf(stderr, "keyhound: cannot write %s: %s\n", c.output, strerror(errno));
		code = 2;
	} else if (out == stdout && fflush(stdout) != 0) {
		code = 2;
	}
	keyhound_report_free(r);
	cli_free(&c);
	return code;
}
