/* The keyhound program: shared option parsing and the run-and-report step
 * every scanning command ends with. It sees only the public API. */
#ifndef KH_CLI_H
#define KH_CLI_H

#include <stdbool.h>

#include "keyhound/keyhound.h"

typedef struct cli {
	keyhound_options opts;
	keyhound_format format;
	const char *output, *write_baseline, *stdin_path;
	const char **rule_dirs;
	size_t n_rule_dirs;
	bool quiet, no_progress, config_given;
	char *found[2];         /* discovered .gitleaksignore and .secrets.baseline (owned) */
	const char **args;      /* positional arguments */
	size_t n_args;
} cli;

/* A command's own option: return 1 if it took argv[*i] (advancing *i past any
 * value), 0 if it is not one of its options, -1 on a usage error. */
typedef int (*cli_opt_fn)(cli *c, int argc, char **argv, int *i, void *payload);

/* Parse argv (after the command name). Returns 0, or 2 after printing a usage error. */
int cli_parse(cli *c, int argc, char **argv, cli_opt_fn own, void *payload);
void cli_free(cli *c);

/* A value of an option: "--name=value" or "--name value". */
const char *cli_value(int argc, char **argv, int *i, const char *name);

/* Find .keyhound.yml for a folder: in it, or at the root of the git work tree holding it;
 * and a .gitleaksignore and .secrets.baseline to migrate from, in the same places. */
void cli_find_config(cli *c, const char *dir);

/* Create the engine, run `scan_fn` on a new scan, print the report; the exit code. */
typedef int (*cli_scan_fn)(keyhound_scan *scan, cli *c, void *payload);
int cli_run(cli *c, cli_scan_fn fn, void *payload);

int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fail(const char *what);  /* prints keyhound_last_error(); returns 2 */

/* commands */
int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_git(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_hook(int argc, char **argv);
int cmd_image(int argc, char **argv);

#endif
